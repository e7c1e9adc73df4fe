CREATE TABLE "disclosure_settings" (
	"association_id" uuid PRIMARY KEY NOT NULL,
	"threshold" integer DEFAULT 5 NOT NULL,
	"allow_true_zero" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "disclosure_settings_threshold_check" CHECK ("disclosure_settings"."threshold" = 0 or "disclosure_settings"."threshold" between 3 and 20)
);
--> statement-breakpoint
ALTER TABLE "disclosure_settings" ADD CONSTRAINT "disclosure_settings_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;