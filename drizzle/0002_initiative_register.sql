CREATE TABLE "initiative_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"kind" text NOT NULL,
	"target_number" integer,
	"target_percent" integer,
	CONSTRAINT "initiative_goals_kind_check" CHECK ("initiative_goals"."kind" in ('resultatmal','insatsmal','effektmal')),
	CONSTRAINT "initiative_goals_percent_check" CHECK ("initiative_goals"."target_percent" is null or ("initiative_goals"."target_percent" between 0 and 100))
);
--> statement-breakpoint
CREATE TABLE "initiative_local_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"expected_participants" integer
);
--> statement-breakpoint
CREATE TABLE "initiative_partners" (
	"initiative_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "initiative_partners_initiative_id_organisation_id_pk" PRIMARY KEY("initiative_id","organisation_id")
);
--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "orientation" text DEFAULT 'individual' NOT NULL;--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "pre_rehabilitation" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "esf" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "start_date" date;--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "end_date" date;--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "last_intake_date" date;--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "planned_end_date" date;--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "target_group" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "expected_participants" integer;--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "expected_participants_ongoing" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "initiative_goals" ADD CONSTRAINT "initiative_goals_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_local_units" ADD CONSTRAINT "initiative_local_units_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_partners" ADD CONSTRAINT "initiative_partners_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_partners" ADD CONSTRAINT "initiative_partners_organisation_id_member_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."member_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "initiative_goals_initiative_idx" ON "initiative_goals" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "initiative_local_units_initiative_idx" ON "initiative_local_units" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "initiatives_association_idx" ON "initiatives" USING btree ("association_id");--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_orientation_check" CHECK ("initiatives"."orientation" in ('individual','structural'));--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_dates_check" CHECK ("initiatives"."end_date" is null or "initiatives"."start_date" is null or "initiatives"."end_date" >= "initiatives"."start_date");--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_expected_participants_check" CHECK ("initiatives"."expected_participants" is null or "initiatives"."expected_participants" >= 0);