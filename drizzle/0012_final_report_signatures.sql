CREATE TABLE "final_report_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"final_report_id" uuid NOT NULL,
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
	CONSTRAINT "final_report_signatures_party_unique" UNIQUE("final_report_id","organisation_id"),
	CONSTRAINT "final_report_signatures_method_check" CHECK ("final_report_signatures"."method" in ('link','paper')),
	CONSTRAINT "final_report_signatures_signed_check" CHECK (("final_report_signatures"."signed_at" is null) = ("final_report_signatures"."signed_on" is null))
);
--> statement-breakpoint
ALTER TABLE "final_report_signatures" ADD CONSTRAINT "final_report_signatures_final_report_id_final_reports_id_fk" FOREIGN KEY ("final_report_id") REFERENCES "public"."final_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "final_report_signatures" ADD CONSTRAINT "final_report_signatures_organisation_id_member_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."member_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "final_report_signatures" ADD CONSTRAINT "final_report_signatures_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "final_report_signatures_token_idx" ON "final_report_signatures" USING btree ("token_hash");