CREATE TABLE "register"."comparison_measurements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"data_controller_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"instrument_version_id" uuid NOT NULL,
	"respondent_code" text NOT NULL,
	"gender" text NOT NULL,
	"occasion" text NOT NULL,
	"measured_on" date NOT NULL,
	"answers" jsonb NOT NULL,
	"recorded_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "comparison_measurements_code_check" CHECK (length("register"."comparison_measurements"."respondent_code") between 1 and 20 and "register"."comparison_measurements"."respondent_code" !~ '[0-9]{6}'),
	CONSTRAINT "comparison_measurements_gender_check" CHECK ("register"."comparison_measurements"."gender" in ('kvinna','man','annan','vill_ej_ange','uppgift_saknas')),
	CONSTRAINT "comparison_measurements_occasion_check" CHECK ("register"."comparison_measurements"."occasion" in ('nollpunkt','uppfoljning','avslut'))
);
--> statement-breakpoint
CREATE TABLE "register"."measurements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"data_controller_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"instrument_version_id" uuid NOT NULL,
	"occasion" text NOT NULL,
	"measured_on" date NOT NULL,
	"mode" text NOT NULL,
	"answers" jsonb NOT NULL,
	"recorded_by" uuid,
	"recorded_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "measurements_occasion_check" CHECK ("register"."measurements"."occasion" in ('nollpunkt','uppfoljning','avslut')),
	CONSTRAINT "measurements_mode_check" CHECK ("register"."measurements"."mode" in ('samtal','deltagare','papper'))
);
--> statement-breakpoint
CREATE TABLE "progression_instrument_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"instrument_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" text DEFAULT 'utkast' NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"published_by_name" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "progression_instrument_versions_number_unique" UNIQUE("instrument_id","number"),
	CONSTRAINT "progression_instrument_versions_status_check" CHECK ("progression_instrument_versions"."status" in ('utkast','publicerad')),
	CONSTRAINT "progression_instrument_versions_published_check" CHECK (("progression_instrument_versions"."status" = 'publicerad') = ("progression_instrument_versions"."published_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "progression_instruments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid,
	"key" text NOT NULL,
	"name" jsonb NOT NULL,
	"licence" text,
	"archived" boolean DEFAULT false NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "progression_instruments_key_check" CHECK ("progression_instruments"."key" ~ '^[a-z0-9][a-z0-9-]{0,59}$')
);
--> statement-breakpoint
CREATE TABLE "progression_plans" (
	"initiative_id" uuid PRIMARY KEY NOT NULL,
	"association_id" uuid NOT NULL,
	"instrument_version_ids" uuid[] NOT NULL,
	"interval_months" integer DEFAULT 3 NOT NULL,
	"at_exit" boolean DEFAULT true NOT NULL,
	"grace_days" integer DEFAULT 14 NOT NULL,
	"target_percent" integer DEFAULT 50 NOT NULL,
	"comparison_group" boolean DEFAULT false NOT NULL,
	"updated_by_name" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "progression_plans_interval_check" CHECK ("progression_plans"."interval_months" between 0 and 24),
	CONSTRAINT "progression_plans_grace_check" CHECK ("progression_plans"."grace_days" between 0 and 90),
	CONSTRAINT "progression_plans_target_check" CHECK ("progression_plans"."target_percent" between 0 and 100),
	CONSTRAINT "progression_plans_instruments_check" CHECK (cardinality("progression_plans"."instrument_version_ids") between 1 and 10)
);
--> statement-breakpoint
ALTER TABLE "register"."comparison_measurements" ADD CONSTRAINT "comparison_measurements_instrument_version_id_progression_instrument_versions_id_fk" FOREIGN KEY ("instrument_version_id") REFERENCES "public"."progression_instrument_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register"."measurements" ADD CONSTRAINT "measurements_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "register"."enrollments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register"."measurements" ADD CONSTRAINT "measurements_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "register"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register"."measurements" ADD CONSTRAINT "measurements_instrument_version_id_progression_instrument_versions_id_fk" FOREIGN KEY ("instrument_version_id") REFERENCES "public"."progression_instrument_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_instrument_versions" ADD CONSTRAINT "progression_instrument_versions_instrument_id_progression_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."progression_instruments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_instruments" ADD CONSTRAINT "progression_instruments_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_plans" ADD CONSTRAINT "progression_plans_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_plans" ADD CONSTRAINT "progression_plans_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_plans" ADD CONSTRAINT "progression_plans_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "comparison_measurements_initiative_idx" ON "register"."comparison_measurements" USING btree ("initiative_id","respondent_code");--> statement-breakpoint
CREATE UNIQUE INDEX "comparison_measurements_once_unique" ON "register"."comparison_measurements" USING btree ("initiative_id","instrument_version_id","respondent_code","occasion") WHERE "register"."comparison_measurements"."occasion" in ('nollpunkt','avslut');--> statement-breakpoint
CREATE INDEX "measurements_enrollment_idx" ON "register"."measurements" USING btree ("enrollment_id","measured_on");--> statement-breakpoint
CREATE INDEX "measurements_initiative_idx" ON "register"."measurements" USING btree ("initiative_id","measured_on");--> statement-breakpoint
CREATE UNIQUE INDEX "measurements_once_unique" ON "register"."measurements" USING btree ("enrollment_id","instrument_version_id","occasion") WHERE "register"."measurements"."occasion" in ('nollpunkt','avslut');--> statement-breakpoint
CREATE UNIQUE INDEX "progression_instruments_key_unique" ON "progression_instruments" USING btree ("association_id","key") WHERE "progression_instruments"."association_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "progression_instruments_shipped_key_unique" ON "progression_instruments" USING btree ("key") WHERE "progression_instruments"."association_id" is null;--> statement-breakpoint
CREATE INDEX "progression_plans_association_idx" ON "progression_plans" USING btree ("association_id");--> statement-breakpoint
-- Measurements are participant data: the register's role only, under row-level security per
-- data controller and initiative like the enrollments (ADR 0011). The register's role reads the
-- instruments and plans it scores and plans by; the association zone's role never reads a
-- measurement.
GRANT SELECT, INSERT, UPDATE, DELETE ON register.measurements, register.comparison_measurements TO samspar_register;
--> statement-breakpoint
REVOKE ALL ON register.measurements, register.comparison_measurements FROM PUBLIC, samspar_association;
--> statement-breakpoint
GRANT SELECT ON public.progression_instruments, public.progression_instrument_versions, public.progression_plans TO samspar_register;
--> statement-breakpoint
ALTER TABLE register.measurements ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE register.comparison_measurements ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY measurements_by_initiative ON register.measurements TO samspar_register
  USING (data_controller_id = ANY (register.allowed('samspar.controllers'))
     AND initiative_id = ANY (register.allowed('samspar.initiatives')))
  WITH CHECK (data_controller_id = ANY (register.allowed('samspar.controllers'))
     AND initiative_id = ANY (register.allowed('samspar.initiatives')));
--> statement-breakpoint
CREATE POLICY comparison_measurements_by_initiative ON register.comparison_measurements TO samspar_register
  USING (data_controller_id = ANY (register.allowed('samspar.controllers'))
     AND initiative_id = ANY (register.allowed('samspar.initiatives')))
  WITH CHECK (data_controller_id = ANY (register.allowed('samspar.controllers'))
     AND initiative_id = ANY (register.allowed('samspar.initiatives')));
--> statement-breakpoint
-- A published instrument version is what measurements were answered with: it never changes and
-- is never deleted, whatever the code does. A draft may be edited, published (utkast →
-- publicerad, the one change that leaves it published) or removed.
CREATE FUNCTION progression_version_published_unchanged() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'publicerad' THEN
    RAISE EXCEPTION 'instrumentets version % är publicerad och kan inte ändras (%)', OLD.number, TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER progression_instrument_versions_published BEFORE UPDATE OR DELETE ON progression_instrument_versions
  FOR EACH ROW EXECUTE FUNCTION progression_version_published_unchanged();
--> statement-breakpoint
-- A measurement is taken with a published version only.
CREATE FUNCTION register.measurement_version_published() RETURNS trigger LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM public.progression_instrument_versions v
                  WHERE v.id = NEW.instrument_version_id AND v.status = 'publicerad') THEN
    RAISE EXCEPTION 'mätningen måste göras med en publicerad version av instrumentet'
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER measurements_version_published BEFORE INSERT OR UPDATE OF instrument_version_id ON register.measurements
  FOR EACH ROW EXECUTE FUNCTION register.measurement_version_published();
--> statement-breakpoint
CREATE TRIGGER comparison_measurements_version_published BEFORE INSERT OR UPDATE OF instrument_version_id ON register.comparison_measurements
  FOR EACH ROW EXECUTE FUNCTION register.measurement_version_published();
