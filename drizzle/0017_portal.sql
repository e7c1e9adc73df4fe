CREATE TABLE "accessibility_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"page" text NOT NULL,
	"description" text NOT NULL,
	"contact" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "register"."availability" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"data_controller_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"staff_user_id" uuid,
	"mode" text NOT NULL,
	"place" text NOT NULL,
	"day" date NOT NULL,
	"opens_at" time NOT NULL,
	"closes_at" time NOT NULL,
	"slot_minutes" integer NOT NULL,
	"capacity" integer DEFAULT 1 NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "availability_kind_check" CHECK ("register"."availability"."kind" in ('studiecoach','specialpedagog','kurator','studieplats')),
	CONSTRAINT "availability_mode_check" CHECK ("register"."availability"."mode" in ('pa_plats','video')),
	CONSTRAINT "availability_hours_check" CHECK ("register"."availability"."closes_at" > "register"."availability"."opens_at"),
	CONSTRAINT "availability_slot_check" CHECK ("register"."availability"."slot_minutes" between 10 and 480),
	CONSTRAINT "availability_capacity_check" CHECK ("register"."availability"."capacity" between 1 and 500)
);
--> statement-breakpoint
CREATE TABLE "register"."bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"availability_id" uuid NOT NULL,
	"association_id" uuid NOT NULL,
	"data_controller_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'bokad' NOT NULL,
	"booked_by" text NOT NULL,
	"cancelled_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "bookings_status_check" CHECK ("register"."bookings"."status" in ('bokad','avbokad','genomford','uteblev')),
	CONSTRAINT "bookings_time_check" CHECK ("register"."bookings"."ends_at" > "register"."bookings"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "register"."plan_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"data_controller_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"title" text NOT NULL,
	"details" text,
	"due_on" date,
	"status" text DEFAULT 'planerad' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"recorded_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "plan_steps_status_check" CHECK ("register"."plan_steps"."status" in ('planerad','pagar','klar')),
	CONSTRAINT "plan_steps_title_check" CHECK (length("register"."plan_steps"."title") between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "register"."portal_accounts" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"participant_id" uuid NOT NULL,
	"association_id" uuid NOT NULL,
	"data_controller_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"locale" text DEFAULT 'sv' NOT NULL,
	"email_ciphertext" text,
	"phone_ciphertext" text,
	"reminders" text DEFAULT 'ingen' NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "portal_accounts_locale_check" CHECK ("register"."portal_accounts"."locale" in ('sv','en','ar','so','ti','fa')),
	CONSTRAINT "portal_accounts_reminders_check" CHECK ("register"."portal_accounts"."reminders" in ('epost','sms','ingen'))
);
--> statement-breakpoint
CREATE TABLE "portal_eid_settings" (
	"association_id" uuid PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"issuer" text NOT NULL,
	"client_id" text NOT NULL,
	"client_secret_sealed" text NOT NULL,
	"personal_number_claim" text DEFAULT 'personal_number' NOT NULL,
	"label" text DEFAULT 'BankID' NOT NULL,
	"updated_by_name" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal_guides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"initiative_id" uuid,
	"category" text NOT NULL,
	"texts" jsonb NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"updated_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "portal_guides_category_check" CHECK ("portal_guides"."category" in ('digitalt','videomote','matematik','svenska','studieteknik','ovrigt')),
	CONSTRAINT "portal_guides_swedish_check" CHECK ("portal_guides"."texts" ? 'sv')
);
--> statement-breakpoint
CREATE TABLE "register"."portal_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"data_controller_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"to_ciphertext" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"booking_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "portal_messages_channel_check" CHECK ("register"."portal_messages"."channel" in ('epost','sms')),
	CONSTRAINT "portal_messages_kind_check" CHECK ("register"."portal_messages"."kind" in ('kod','bokning','paminnelse','avbokning')),
	CONSTRAINT "portal_messages_status_check" CHECK ("register"."portal_messages"."status" in ('utkorg','skickad','misslyckad'))
);
--> statement-breakpoint
CREATE TABLE "portal_sign_in_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portal_sign_in_codes_code_hash_unique" UNIQUE("code_hash")
);
--> statement-breakpoint
CREATE TABLE "register"."portal_sign_ins" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"association_id" uuid NOT NULL,
	"data_controller_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"method" text NOT NULL,
	CONSTRAINT "portal_sign_ins_method_check" CHECK ("register"."portal_sign_ins"."method" in ('kod','e-legitimation','losenord'))
);
--> statement-breakpoint
ALTER TABLE "register"."bookings" ADD CONSTRAINT "bookings_availability_id_availability_id_fk" FOREIGN KEY ("availability_id") REFERENCES "register"."availability"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register"."portal_accounts" ADD CONSTRAINT "portal_accounts_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "register"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_eid_settings" ADD CONSTRAINT "portal_eid_settings_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_guides" ADD CONSTRAINT "portal_guides_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_guides" ADD CONSTRAINT "portal_guides_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_sign_in_codes" ADD CONSTRAINT "portal_sign_in_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_sign_in_codes" ADD CONSTRAINT "portal_sign_in_codes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "availability_initiative_idx" ON "register"."availability" USING btree ("initiative_id","day");--> statement-breakpoint
CREATE INDEX "bookings_availability_idx" ON "register"."bookings" USING btree ("availability_id","starts_at");--> statement-breakpoint
CREATE INDEX "bookings_participant_idx" ON "register"."bookings" USING btree ("participant_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "bookings_participant_time_unique" ON "register"."bookings" USING btree ("participant_id","starts_at") WHERE "register"."bookings"."status" = 'bokad';--> statement-breakpoint
CREATE INDEX "plan_steps_enrollment_idx" ON "register"."plan_steps" USING btree ("enrollment_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "portal_accounts_participant_unique" ON "register"."portal_accounts" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "portal_guides_association_idx" ON "portal_guides" USING btree ("association_id");--> statement-breakpoint
CREATE INDEX "portal_messages_initiative_idx" ON "register"."portal_messages" USING btree ("initiative_id","created_at");--> statement-breakpoint
CREATE INDEX "portal_sign_in_codes_user_idx" ON "portal_sign_in_codes" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "portal_sign_ins_initiative_idx" ON "register"."portal_sign_ins" USING btree ("initiative_id","at");--> statement-breakpoint
-- The portal's register tables are participant data: the register's role only, under row-level
-- security per data controller and initiative (ADR 0011). The association zone's role never
-- reads them; usage reaches it only as aggregates that passed disclosure control.
GRANT SELECT, INSERT, UPDATE, DELETE ON register.portal_accounts, register.plan_steps, register.availability, register.bookings, register.portal_messages TO samspar_register;
--> statement-breakpoint
GRANT SELECT, INSERT ON register.portal_sign_ins TO samspar_register;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE register.portal_sign_ins_id_seq TO samspar_register;
--> statement-breakpoint
REVOKE ALL ON register.portal_accounts, register.plan_steps, register.availability, register.bookings, register.portal_messages, register.portal_sign_ins FROM PUBLIC, samspar_association;
--> statement-breakpoint
ALTER TABLE register.portal_accounts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE register.plan_steps ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE register.availability ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE register.bookings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE register.portal_sign_ins ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE register.portal_messages ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY portal_accounts_by_initiative ON register.portal_accounts TO samspar_register
  USING (data_controller_id = ANY (register.allowed('samspar.controllers'))
     AND initiative_id = ANY (register.allowed('samspar.initiatives')))
  WITH CHECK (data_controller_id = ANY (register.allowed('samspar.controllers'))
     AND initiative_id = ANY (register.allowed('samspar.initiatives')));
--> statement-breakpoint
CREATE POLICY plan_steps_by_initiative ON register.plan_steps TO samspar_register
  USING (data_controller_id = ANY (register.allowed('samspar.controllers'))
     AND initiative_id = ANY (register.allowed('samspar.initiatives')))
  WITH CHECK (data_controller_id = ANY (register.allowed('samspar.controllers'))
     AND initiative_id = ANY (register.allowed('samspar.initiatives')));
--> statement-breakpoint
CREATE POLICY availability_by_initiative ON register.availability TO samspar_register
  USING (data_controller_id = ANY (register.allowed('samspar.controllers'))
     AND initiative_id = ANY (register.allowed('samspar.initiatives')))
  WITH CHECK (data_controller_id = ANY (register.allowed('samspar.controllers'))
     AND initiative_id = ANY (register.allowed('samspar.initiatives')));
--> statement-breakpoint
CREATE POLICY bookings_by_initiative ON register.bookings TO samspar_register
  USING (data_controller_id = ANY (register.allowed('samspar.controllers'))
     AND initiative_id = ANY (register.allowed('samspar.initiatives')))
  WITH CHECK (data_controller_id = ANY (register.allowed('samspar.controllers'))
     AND initiative_id = ANY (register.allowed('samspar.initiatives')));
--> statement-breakpoint
CREATE POLICY portal_sign_ins_by_initiative ON register.portal_sign_ins TO samspar_register
  USING (data_controller_id = ANY (register.allowed('samspar.controllers'))
     AND initiative_id = ANY (register.allowed('samspar.initiatives')))
  WITH CHECK (data_controller_id = ANY (register.allowed('samspar.controllers'))
     AND initiative_id = ANY (register.allowed('samspar.initiatives')));
--> statement-breakpoint
CREATE POLICY portal_messages_by_initiative ON register.portal_messages TO samspar_register
  USING (data_controller_id = ANY (register.allowed('samspar.controllers'))
     AND initiative_id = ANY (register.allowed('samspar.initiatives')))
  WITH CHECK (data_controller_id = ANY (register.allowed('samspar.controllers'))
     AND initiative_id = ANY (register.allowed('samspar.initiatives')));
--> statement-breakpoint
-- Signing in knows only the pseudonymous user (from a code) or an identity's keyed hash (from
-- e-ID), not yet the data controller that row-level security needs. These two functions answer
-- exactly that one question, for one account, and nothing else; only the register's role may
-- call them.
CREATE FUNCTION register.portal_account_of(p_user uuid)
  RETURNS TABLE (participant_id uuid, association_id uuid, data_controller_id uuid, initiative_id uuid, locale text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = register, pg_temp AS $$
  SELECT a.participant_id, a.association_id, a.data_controller_id, a.initiative_id, a.locale
    FROM register.portal_accounts a
   WHERE a.user_id = p_user AND a.closed_at IS NULL
$$;
--> statement-breakpoint
CREATE FUNCTION register.portal_user_by_identity(p_association uuid, p_lookup text)
  RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = register, pg_temp AS $$
  SELECT a.user_id
    FROM register.portal_accounts a
    JOIN register.participants p ON p.id = a.participant_id
   WHERE a.association_id = p_association AND a.closed_at IS NULL
     AND p.identity_lookup = p_lookup AND p.erased_at IS NULL
   LIMIT 1
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION register.portal_account_of(uuid), register.portal_user_by_identity(uuid, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION register.portal_account_of(uuid), register.portal_user_by_identity(uuid, text) TO samspar_register;
