CREATE TABLE "application_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"author_user_id" uuid,
	"author_name" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_settings" (
	"association_id" uuid PRIMARY KEY NOT NULL,
	"form_version" text NOT NULL,
	"help_texts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"agreement_text" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"signer_name" text NOT NULL,
	"signer_email" text NOT NULL,
	"signer_title" text DEFAULT '' NOT NULL,
	"method" text NOT NULL,
	"token_hash" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"signed_on" date,
	"signed_at" timestamp with time zone,
	"signed_version" integer,
	"recorded_by" uuid,
	CONSTRAINT "application_signatures_party_unique" UNIQUE("application_id","organisation_id"),
	CONSTRAINT "application_signatures_method_check" CHECK ("application_signatures"."method" in ('link','paper'))
);
--> statement-breakpoint
CREATE TABLE "application_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"content" jsonb NOT NULL,
	"event" text NOT NULL,
	"note" text,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_versions_unique" UNIQUE("application_id","version")
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"status" text DEFAULT 'utkast' NOT NULL,
	"content" jsonb NOT NULL,
	"form_version" text NOT NULL,
	"received_on_paper" boolean DEFAULT false NOT NULL,
	"registry_number" text,
	"arrival_date" date,
	"submitted_at" timestamp with time zone,
	"return_message" text,
	"decision" text,
	"decided_amount" bigint,
	"decided_start_date" date,
	"decided_end_date" date,
	"decision_conditions" text,
	"decision_meeting" text,
	"decision_paragraph" text,
	"decision_date" date,
	"decided_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "applications_registry_number_unique" UNIQUE("association_id","registry_number"),
	CONSTRAINT "applications_status_check" CHECK ("applications"."status" in ('utkast','inskickad','under_beredning','komplettering','beviljad','avslagen')),
	CONSTRAINT "applications_decision_check" CHECK (("applications"."decision" is null) = ("applications"."status" not in ('beviljad','avslagen')) and ("applications"."decision" is null or "applications"."decision" = "applications"."status")),
	CONSTRAINT "applications_registered_check" CHECK ("applications"."status" = 'utkast' or ("applications"."registry_number" is not null and "applications"."arrival_date" is not null)),
	CONSTRAINT "applications_amount_check" CHECK ("applications"."decided_amount" is null or "applications"."decided_amount" >= 0),
	CONSTRAINT "applications_period_check" CHECK ("applications"."decided_end_date" is null or "applications"."decided_start_date" is null or "applications"."decided_end_date" >= "applications"."decided_start_date")
);
--> statement-breakpoint
CREATE TABLE "association_logos" (
	"association_id" uuid PRIMARY KEY NOT NULL,
	"media_type" text NOT NULL,
	"data_base64" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "association_logos_type_check" CHECK ("association_logos"."media_type" in ('image/png','image/jpeg'))
);
--> statement-breakpoint
CREATE TABLE "registry_counters" (
	"association_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "registry_counters_association_id_year_pk" PRIMARY KEY("association_id","year")
);
--> statement-breakpoint
ALTER TABLE "application_comments" ADD CONSTRAINT "application_comments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_comments" ADD CONSTRAINT "application_comments_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_settings" ADD CONSTRAINT "application_settings_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_signatures" ADD CONSTRAINT "application_signatures_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_signatures" ADD CONSTRAINT "application_signatures_organisation_id_member_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."member_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_signatures" ADD CONSTRAINT "application_signatures_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_versions" ADD CONSTRAINT "application_versions_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_versions" ADD CONSTRAINT "application_versions_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "association_logos" ADD CONSTRAINT "association_logos_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_counters" ADD CONSTRAINT "registry_counters_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_comments_application_idx" ON "application_comments" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "application_signatures_token_idx" ON "application_signatures" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "applications_association_idx" ON "applications" USING btree ("association_id");--> statement-breakpoint
CREATE INDEX "applications_initiative_idx" ON "applications" USING btree ("initiative_id");