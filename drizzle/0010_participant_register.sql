CREATE SCHEMA "register";
--> statement-breakpoint
CREATE TABLE "register"."access_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"association_id" uuid NOT NULL,
	"data_controller_id" uuid NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"actor_role" text NOT NULL,
	"actor_organisation" text NOT NULL,
	"participant_id" uuid,
	"enrollment_id" uuid,
	"action" text NOT NULL,
	"fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"request_id" text,
	"outcome" text NOT NULL,
	CONSTRAINT "access_log_action_check" CHECK ("register"."access_log"."action" in ('read','search','reveal','export','change','erase','import')),
	CONSTRAINT "access_log_outcome_check" CHECK ("register"."access_log"."outcome" in ('ok','denied','error'))
);
--> statement-breakpoint
CREATE TABLE "register"."consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"data_controller_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"consented_on" date NOT NULL,
	"text_version" text NOT NULL,
	"language" text NOT NULL,
	"recorded_by" uuid,
	"recorded_by_name" text NOT NULL,
	"withdrawn_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "register"."count_only_participation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"data_controller_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"women" integer DEFAULT 0 NOT NULL,
	"men" integer DEFAULT 0 NOT NULL,
	"others" integer DEFAULT 0 NOT NULL,
	"recorded_by_name" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "count_only_counts_check" CHECK ("register"."count_only_participation"."women" >= 0 and "register"."count_only_participation"."men" >= 0 and "register"."count_only_participation"."others" >= 0)
);
--> statement-breakpoint
CREATE TABLE "register"."enrollments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"association_id" uuid NOT NULL,
	"data_controller_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"local_unit_id" uuid,
	"external_key" text,
	"start_date" date NOT NULL,
	"officer_user_id" uuid,
	"action_plan_date" date,
	"municipality_code" text,
	"background" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"end_date" date,
	"exit" jsonb,
	"voided" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "enrollments_dates_check" CHECK ("register"."enrollments"."end_date" is null or "register"."enrollments"."end_date" >= "register"."enrollments"."start_date"),
	CONSTRAINT "enrollments_exit_check" CHECK (("register"."enrollments"."end_date" is null) = ("register"."enrollments"."exit" is null))
);
--> statement-breakpoint
CREATE TABLE "register"."erasures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"data_controller_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"erased_at" timestamp with time zone DEFAULT now() NOT NULL,
	"erased_by_name" text NOT NULL,
	CONSTRAINT "erasures_reason_check" CHECK ("register"."erasures"."reason" in ('samtycke_aterkallat','skyddad_identitet','gallring','begaran'))
);
--> statement-breakpoint
CREATE TABLE "register"."participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"data_controller_id" uuid NOT NULL,
	"identity_ciphertext" text,
	"identity_lookup" text,
	"identity_kind" text,
	"name_ciphertext" text,
	"anonymous" boolean DEFAULT false NOT NULL,
	"protected_identity" boolean DEFAULT false NOT NULL,
	"gender" text DEFAULT 'uppgift_saknas' NOT NULL,
	"birth_year" integer,
	"erased_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "participants_anonymous_check" CHECK (not ("register"."participants"."anonymous" and "register"."participants"."identity_ciphertext" is not null)),
	CONSTRAINT "participants_identity_pair_check" CHECK (("register"."participants"."identity_ciphertext" is null) = ("register"."participants"."identity_lookup" is null)),
	CONSTRAINT "participants_gender_check" CHECK ("register"."participants"."gender" in ('kvinna','man','annan','vill_ej_ange','uppgift_saknas')),
	CONSTRAINT "participants_birth_year_check" CHECK ("register"."participants"."birth_year" is null or "register"."participants"."birth_year" between 1900 and 2100)
);
--> statement-breakpoint
ALTER TABLE "register"."consents" ADD CONSTRAINT "consents_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "register"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register"."enrollments" ADD CONSTRAINT "enrollments_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "register"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register"."enrollments" ADD CONSTRAINT "enrollments_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register"."erasures" ADD CONSTRAINT "erasures_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "register"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register"."participants" ADD CONSTRAINT "participants_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register"."participants" ADD CONSTRAINT "participants_data_controller_id_member_organisations_id_fk" FOREIGN KEY ("data_controller_id") REFERENCES "public"."member_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "access_log_participant_idx" ON "register"."access_log" USING btree ("participant_id","at");--> statement-breakpoint
CREATE INDEX "access_log_controller_idx" ON "register"."access_log" USING btree ("data_controller_id","at");--> statement-breakpoint
CREATE INDEX "consents_participant_idx" ON "register"."consents" USING btree ("participant_id","initiative_id");--> statement-breakpoint
CREATE UNIQUE INDEX "count_only_period_unique" ON "register"."count_only_participation" USING btree ("initiative_id","period_key");--> statement-breakpoint
CREATE UNIQUE INDEX "enrollments_external_key_unique" ON "register"."enrollments" USING btree ("initiative_id","external_key") WHERE "register"."enrollments"."external_key" is not null;--> statement-breakpoint
CREATE INDEX "enrollments_initiative_idx" ON "register"."enrollments" USING btree ("initiative_id","start_date");--> statement-breakpoint
CREATE INDEX "enrollments_participant_idx" ON "register"."enrollments" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "erasures_participant_idx" ON "register"."erasures" USING btree ("participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "participants_identity_unique" ON "register"."participants" USING btree ("data_controller_id","identity_lookup") WHERE "register"."participants"."identity_lookup" is not null;--> statement-breakpoint
CREATE INDEX "participants_controller_idx" ON "register"."participants" USING btree ("data_controller_id");