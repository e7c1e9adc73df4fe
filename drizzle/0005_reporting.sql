CREATE TABLE "deviation_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"status" text DEFAULT 'utkast' NOT NULL,
	"types" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"cause" text DEFAULT '' NOT NULL,
	"consequence" text DEFAULT '' NOT NULL,
	"measures" text DEFAULT '' NOT NULL,
	"request" text DEFAULT 'ingen' NOT NULL,
	"requested_end_date" date,
	"requested_target_group" text,
	"requested_amount" bigint,
	"submitted_at" timestamp with time zone,
	"arrival_date" date,
	"registry_number" text,
	"decided_by" uuid,
	"decision_body" text,
	"decision_date" date,
	"decision_meeting" text,
	"decision_paragraph" text,
	"decision_motivation" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "deviation_reports_registry_unique" UNIQUE("association_id","registry_number"),
	CONSTRAINT "deviation_reports_status_check" CHECK ("deviation_reports"."status" in ('utkast','inskickad','godkand','avslagen')),
	CONSTRAINT "deviation_reports_request_check" CHECK ("deviation_reports"."request" in ('ingen','forlangning','flytta_medel','andrad_malgrupp','avslut_i_fortid')),
	CONSTRAINT "deviation_reports_decision_check" CHECK (("deviation_reports"."status" in ('godkand','avslagen')) = ("deviation_reports"."decision_date" is not null))
);
--> statement-breakpoint
CREATE TABLE "final_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"status" text DEFAULT 'utkast' NOT NULL,
	"content" jsonb NOT NULL,
	"submitted_at" timestamp with time zone,
	"arrival_date" date,
	"registry_number" text,
	"locked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "final_reports_initiative_id_unique" UNIQUE("initiative_id"),
	CONSTRAINT "final_reports_registry_unique" UNIQUE("association_id","registry_number"),
	CONSTRAINT "final_reports_status_check" CHECK ("final_reports"."status" in ('utkast','inskickad','aterskickad','last'))
);
--> statement-breakpoint
CREATE TABLE "meeting_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_attachments_size_check" CHECK ("meeting_attachments"."size_bytes" between 1 and 10485760)
);
--> statement-breakpoint
CREATE TABLE "meeting_attendance" (
	"meeting_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"present" boolean NOT NULL,
	CONSTRAINT "meeting_attendance_meeting_id_member_id_pk" PRIMARY KEY("meeting_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "periodic_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'utkast' NOT NULL,
	"content" jsonb NOT NULL,
	"steering_analysis" jsonb NOT NULL,
	"submitted_at" timestamp with time zone,
	"arrival_date" date,
	"registry_number" text,
	"received_by_initials" text,
	"locked_at" timestamp with time zone,
	"locked_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "periodic_reports_period_unique" UNIQUE("initiative_id","period_key"),
	CONSTRAINT "periodic_reports_registry_unique" UNIQUE("association_id","registry_number"),
	CONSTRAINT "periodic_reports_status_check" CHECK ("periodic_reports"."status" in ('utkast','inskickad','aterskickad','last')),
	CONSTRAINT "periodic_reports_period_check" CHECK ("periodic_reports"."period_end" >= "periodic_reports"."period_start"),
	CONSTRAINT "periodic_reports_locked_check" CHECK (("periodic_reports"."status" = 'last') = ("periodic_reports"."locked_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "report_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"report_id" uuid NOT NULL,
	"field" text,
	"author_user_id" uuid,
	"author_name" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_reminders" (
	"report_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recipients" integer NOT NULL,
	CONSTRAINT "report_reminders_report_id_kind_pk" PRIMARY KEY("report_id","kind")
);
--> statement-breakpoint
CREATE TABLE "report_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"report_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"event" text NOT NULL,
	"note" text,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_versions_unique" UNIQUE("kind","report_id","version"),
	CONSTRAINT "report_versions_kind_check" CHECK ("report_versions"."kind" in ('periodic','deviation','final'))
);
--> statement-breakpoint
CREATE TABLE "reporting_settings" (
	"association_id" uuid PRIMARY KEY NOT NULL,
	"cadence" text DEFAULT 'quarter' NOT NULL,
	"due_months_after" integer DEFAULT 1 NOT NULL,
	"remind_days_before" integer DEFAULT 7 NOT NULL,
	"follow_up_periods" jsonb DEFAULT '["halfyear","year"]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "reporting_settings_cadence_check" CHECK ("reporting_settings"."cadence" in ('quarter','tertial')),
	CONSTRAINT "reporting_settings_due_check" CHECK ("reporting_settings"."due_months_after" between 0 and 6),
	CONSTRAINT "reporting_settings_remind_check" CHECK ("reporting_settings"."remind_days_before" between 0 and 60)
);
--> statement-breakpoint
CREATE TABLE "steering_group_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"meeting_date" date NOT NULL,
	"held" boolean DEFAULT false NOT NULL,
	"agenda" text DEFAULT '' NOT NULL,
	"decisions" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "steering_group_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"membership" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "steering_group_members_membership_check" CHECK ("steering_group_members"."membership" in ('ordinarie','ersattare')),
	CONSTRAINT "steering_group_members_dates_check" CHECK ("steering_group_members"."to_date" is null or "steering_group_members"."to_date" >= "steering_group_members"."from_date")
);
--> statement-breakpoint
ALTER TABLE "deviation_reports" ADD CONSTRAINT "deviation_reports_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviation_reports" ADD CONSTRAINT "deviation_reports_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviation_reports" ADD CONSTRAINT "deviation_reports_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviation_reports" ADD CONSTRAINT "deviation_reports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "final_reports" ADD CONSTRAINT "final_reports_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "final_reports" ADD CONSTRAINT "final_reports_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attachments" ADD CONSTRAINT "meeting_attachments_meeting_id_steering_group_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."steering_group_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attachments" ADD CONSTRAINT "meeting_attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_meeting_id_steering_group_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."steering_group_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_member_id_steering_group_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."steering_group_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "periodic_reports" ADD CONSTRAINT "periodic_reports_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "periodic_reports" ADD CONSTRAINT "periodic_reports_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "periodic_reports" ADD CONSTRAINT "periodic_reports_locked_by_users_id_fk" FOREIGN KEY ("locked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_comments" ADD CONSTRAINT "report_comments_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_reminders" ADD CONSTRAINT "report_reminders_report_id_periodic_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."periodic_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_versions" ADD CONSTRAINT "report_versions_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_settings" ADD CONSTRAINT "reporting_settings_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "steering_group_meetings" ADD CONSTRAINT "steering_group_meetings_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "steering_group_members" ADD CONSTRAINT "steering_group_members_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "steering_group_members" ADD CONSTRAINT "steering_group_members_organisation_id_member_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."member_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "steering_group_members" ADD CONSTRAINT "steering_group_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deviation_reports_initiative_idx" ON "deviation_reports" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "meeting_attachments_meeting_idx" ON "meeting_attachments" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "periodic_reports_association_idx" ON "periodic_reports" USING btree ("association_id","period_end");--> statement-breakpoint
CREATE INDEX "report_comments_report_idx" ON "report_comments" USING btree ("kind","report_id");--> statement-breakpoint
CREATE INDEX "steering_group_meetings_initiative_idx" ON "steering_group_meetings" USING btree ("initiative_id","meeting_date");--> statement-breakpoint
CREATE INDEX "steering_group_members_initiative_idx" ON "steering_group_members" USING btree ("initiative_id");