CREATE TABLE "finance_settings" (
	"association_id" uuid PRIMARY KEY NOT NULL,
	"ratio_low_percent" integer DEFAULT 80 NOT NULL,
	"ratio_high_percent" integer DEFAULT 110 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "finance_settings_band_check" CHECK ("finance_settings"."ratio_low_percent" between 0 and 1000 and "finance_settings"."ratio_high_percent" between "finance_settings"."ratio_low_percent" and 1000)
);
--> statement-breakpoint
CREATE TABLE "funding_shares" (
	"association_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"organisation_id" uuid NOT NULL,
	"key_value" bigint,
	CONSTRAINT "funding_shares_association_id_year_organisation_id_pk" PRIMARY KEY("association_id","year","organisation_id"),
	CONSTRAINT "funding_shares_key_check" CHECK ("funding_shares"."key_value" is null or "funding_shares"."key_value" >= 0)
);
--> statement-breakpoint
CREATE TABLE "funding_years" (
	"association_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"total_allocation" bigint NOT NULL,
	"equity_opening" bigint DEFAULT 0 NOT NULL,
	"admin_budget" bigint DEFAULT 0 NOT NULL,
	"admin_outcome" bigint,
	"note" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "funding_years_association_id_year_pk" PRIMARY KEY("association_id","year"),
	CONSTRAINT "funding_years_year_check" CHECK ("funding_years"."year" between 2000 and 2100),
	CONSTRAINT "funding_years_amounts_check" CHECK ("funding_years"."total_allocation" >= 0 and "funding_years"."admin_budget" >= 0 and ("funding_years"."admin_outcome" is null or "funding_years"."admin_outcome" >= 0))
);
--> statement-breakpoint
CREATE TABLE "initiative_budget_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"budget_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"year" integer NOT NULL,
	"category" text NOT NULL,
	"source" text NOT NULL,
	"organisation_id" uuid,
	"co_kind" text,
	"amount" bigint NOT NULL,
	CONSTRAINT "initiative_budget_lines_amount_check" CHECK ("initiative_budget_lines"."amount" >= 0),
	CONSTRAINT "initiative_budget_lines_category_check" CHECK ("initiative_budget_lines"."category" in ('personal','lokaler','resor','material','utvardering','ovrigt')),
	CONSTRAINT "initiative_budget_lines_source_check" CHECK (("initiative_budget_lines"."source" = 'forbund' and "initiative_budget_lines"."organisation_id" is null and "initiative_budget_lines"."co_kind" is null) or ("initiative_budget_lines"."source" = 'medfinansiering' and "initiative_budget_lines"."organisation_id" is not null and "initiative_budget_lines"."co_kind" in ('pengar','personaltid','deltagarersattning'))),
	CONSTRAINT "initiative_budget_lines_year_check" CHECK ("initiative_budget_lines"."year" = substr("initiative_budget_lines"."period_key", 1, 4)::int)
);
--> statement-breakpoint
CREATE TABLE "initiative_budgets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"budget_version" integer NOT NULL,
	"status" text DEFAULT 'gallande' NOT NULL,
	"kind" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"deviation_report_id" uuid,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "initiative_budgets_version_unique" UNIQUE("initiative_id","budget_version"),
	CONSTRAINT "initiative_budgets_status_check" CHECK ("initiative_budgets"."status" in ('gallande','ersatt')),
	CONSTRAINT "initiative_budgets_kind_check" CHECK ("initiative_budgets"."kind" in ('beslut','revision','omfordelning','import'))
);
--> statement-breakpoint
CREATE TABLE "prognosis_overrides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"prognosis" text NOT NULL,
	"comment" text NOT NULL,
	"set_by" uuid,
	"set_by_name" text NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "prognosis_overrides_prognosis_check" CHECK ("prognosis_overrides"."prognosis" in ('ok','bevaka','atgard','avslutad')),
	CONSTRAINT "prognosis_overrides_comment_check" CHECK (length(trim("prognosis_overrides"."comment")) > 0)
);
--> statement-breakpoint
CREATE TABLE "requisition_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"requisition_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "requisition_attachments_size_check" CHECK ("requisition_attachments"."size_bytes" between 1 and 10485760)
);
--> statement-breakpoint
CREATE TABLE "requisition_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"requisition_id" uuid NOT NULL,
	"event" text NOT NULL,
	"note" text,
	"snapshot" jsonb NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "requisition_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"requisition_id" uuid NOT NULL,
	"category" text NOT NULL,
	"source" text NOT NULL,
	"organisation_id" uuid,
	"co_kind" text,
	"amount" bigint NOT NULL,
	CONSTRAINT "requisition_lines_amount_check" CHECK ("requisition_lines"."amount" >= 0),
	CONSTRAINT "requisition_lines_category_check" CHECK ("requisition_lines"."category" in ('personal','lokaler','resor','material','utvardering','ovrigt')),
	CONSTRAINT "requisition_lines_source_check" CHECK (("requisition_lines"."source" = 'forbund' and "requisition_lines"."organisation_id" is null and "requisition_lines"."co_kind" is null) or ("requisition_lines"."source" = 'medfinansiering' and "requisition_lines"."organisation_id" is not null and "requisition_lines"."co_kind" in ('pengar','personaltid','deltagarersattning')))
);
--> statement-breakpoint
CREATE TABLE "requisitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"status" text DEFAULT 'utkast' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone,
	"return_reason" text,
	"approved_at" timestamp with time zone,
	"approved_by" uuid,
	"payment_status" text DEFAULT 'ej_betald' NOT NULL,
	"paid_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "requisitions_period_unique" UNIQUE("initiative_id","period_key"),
	CONSTRAINT "requisitions_status_check" CHECK ("requisitions"."status" in ('utkast','inskickad','aterskickad','godkand')),
	CONSTRAINT "requisitions_approved_check" CHECK (("requisitions"."status" = 'godkand') = ("requisitions"."approved_at" is not null)),
	CONSTRAINT "requisitions_payment_check" CHECK (("requisitions"."payment_status" = 'betald') = ("requisitions"."paid_on" is not null) and ("requisitions"."payment_status" = 'ej_betald' or "requisitions"."status" = 'godkand'))
);
--> statement-breakpoint
CREATE TABLE "returned_funds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"amount" bigint NOT NULL,
	"reason" text NOT NULL,
	"returned_on" date NOT NULL,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "returned_funds_amount_check" CHECK ("returned_funds"."amount" > 0),
	CONSTRAINT "returned_funds_reason_check" CHECK (length(trim("returned_funds"."reason")) > 0)
);
--> statement-breakpoint
ALTER TABLE "finance_settings" ADD CONSTRAINT "finance_settings_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_shares" ADD CONSTRAINT "funding_shares_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_shares" ADD CONSTRAINT "funding_shares_organisation_id_member_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."member_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_years" ADD CONSTRAINT "funding_years_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_budget_lines" ADD CONSTRAINT "initiative_budget_lines_budget_id_initiative_budgets_id_fk" FOREIGN KEY ("budget_id") REFERENCES "public"."initiative_budgets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_budget_lines" ADD CONSTRAINT "initiative_budget_lines_organisation_id_member_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."member_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_budgets" ADD CONSTRAINT "initiative_budgets_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_budgets" ADD CONSTRAINT "initiative_budgets_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_budgets" ADD CONSTRAINT "initiative_budgets_deviation_report_id_deviation_reports_id_fk" FOREIGN KEY ("deviation_report_id") REFERENCES "public"."deviation_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_budgets" ADD CONSTRAINT "initiative_budgets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prognosis_overrides" ADD CONSTRAINT "prognosis_overrides_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prognosis_overrides" ADD CONSTRAINT "prognosis_overrides_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prognosis_overrides" ADD CONSTRAINT "prognosis_overrides_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requisition_attachments" ADD CONSTRAINT "requisition_attachments_requisition_id_requisitions_id_fk" FOREIGN KEY ("requisition_id") REFERENCES "public"."requisitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requisition_attachments" ADD CONSTRAINT "requisition_attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requisition_events" ADD CONSTRAINT "requisition_events_requisition_id_requisitions_id_fk" FOREIGN KEY ("requisition_id") REFERENCES "public"."requisitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requisition_events" ADD CONSTRAINT "requisition_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requisition_lines" ADD CONSTRAINT "requisition_lines_requisition_id_requisitions_id_fk" FOREIGN KEY ("requisition_id") REFERENCES "public"."requisitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requisition_lines" ADD CONSTRAINT "requisition_lines_organisation_id_member_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."member_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requisitions" ADD CONSTRAINT "requisitions_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requisitions" ADD CONSTRAINT "requisitions_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requisitions" ADD CONSTRAINT "requisitions_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requisitions" ADD CONSTRAINT "requisitions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "returned_funds" ADD CONSTRAINT "returned_funds_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "returned_funds" ADD CONSTRAINT "returned_funds_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "returned_funds" ADD CONSTRAINT "returned_funds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "initiative_budget_lines_budget_idx" ON "initiative_budget_lines" USING btree ("budget_id");--> statement-breakpoint
CREATE UNIQUE INDEX "initiative_budget_lines_unique" ON "initiative_budget_lines" USING btree ("budget_id","period_key","category","source",coalesce("organisation_id", '00000000-0000-0000-0000-000000000000'::uuid),coalesce("co_kind", ''));--> statement-breakpoint
CREATE UNIQUE INDEX "initiative_budgets_current_unique" ON "initiative_budgets" USING btree ("initiative_id") WHERE "initiative_budgets"."status" = 'gallande';--> statement-breakpoint
CREATE INDEX "prognosis_overrides_initiative_idx" ON "prognosis_overrides" USING btree ("initiative_id","period_key","set_at");--> statement-breakpoint
CREATE INDEX "requisition_attachments_requisition_idx" ON "requisition_attachments" USING btree ("requisition_id");--> statement-breakpoint
CREATE INDEX "requisition_events_requisition_idx" ON "requisition_events" USING btree ("requisition_id","created_at");--> statement-breakpoint
CREATE INDEX "requisition_lines_requisition_idx" ON "requisition_lines" USING btree ("requisition_id");--> statement-breakpoint
CREATE UNIQUE INDEX "requisition_lines_unique" ON "requisition_lines" USING btree ("requisition_id","category","source",coalesce("organisation_id", '00000000-0000-0000-0000-000000000000'::uuid),coalesce("co_kind", ''));--> statement-breakpoint
CREATE INDEX "requisitions_association_idx" ON "requisitions" USING btree ("association_id","period_end");--> statement-breakpoint
CREATE INDEX "returned_funds_initiative_idx" ON "returned_funds" USING btree ("initiative_id","year");