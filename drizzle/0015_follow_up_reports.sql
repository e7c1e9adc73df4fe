CREATE TABLE "follow_up_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"follow_up_id" uuid NOT NULL,
	"association_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" text DEFAULT 'utkast' NOT NULL,
	"summary" text,
	"background" text,
	"analysis" text,
	"report" jsonb,
	"ratio_low_percent" integer,
	"ratio_high_percent" integer,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_name" text NOT NULL,
	"locked_at" timestamp with time zone,
	"locked_by" uuid,
	"locked_by_name" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "follow_up_versions_number_unique" UNIQUE("follow_up_id","number"),
	CONSTRAINT "follow_up_versions_status_check" CHECK ("follow_up_versions"."status" in ('utkast','last')),
	CONSTRAINT "follow_up_versions_number_check" CHECK ("follow_up_versions"."number" >= 1),
	CONSTRAINT "follow_up_versions_locked_check" CHECK (("follow_up_versions"."status" = 'last') = ("follow_up_versions"."locked_at" is not null and "follow_up_versions"."report" is not null and "follow_up_versions"."locked_by_name" is not null and "follow_up_versions"."ratio_low_percent" is not null and "follow_up_versions"."ratio_high_percent" is not null)),
	CONSTRAINT "follow_up_versions_texts_check" CHECK (coalesce(length("follow_up_versions"."summary"), 0) <= 20000 and coalesce(length("follow_up_versions"."background"), 0) <= 20000 and coalesce(length("follow_up_versions"."analysis"), 0) <= 20000)
);
--> statement-breakpoint
CREATE TABLE "follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"label" text NOT NULL,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follow_ups_period_unique" UNIQUE("association_id","period_from","period_to"),
	CONSTRAINT "follow_ups_period_check" CHECK ("follow_ups"."period_to" >= "follow_ups"."period_from"),
	CONSTRAINT "follow_ups_label_check" CHECK (length(trim("follow_ups"."label")) between 1 and 200)
);
--> statement-breakpoint
ALTER TABLE "follow_up_versions" ADD CONSTRAINT "follow_up_versions_follow_up_id_follow_ups_id_fk" FOREIGN KEY ("follow_up_id") REFERENCES "public"."follow_ups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_versions" ADD CONSTRAINT "follow_up_versions_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_versions" ADD CONSTRAINT "follow_up_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_versions" ADD CONSTRAINT "follow_up_versions_locked_by_users_id_fk" FOREIGN KEY ("locked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "follow_up_versions_one_draft" ON "follow_up_versions" USING btree ("follow_up_id") WHERE "follow_up_versions"."status" = 'utkast';--> statement-breakpoint
CREATE INDEX "follow_up_versions_association_idx" ON "follow_up_versions" USING btree ("association_id","status");--> statement-breakpoint
CREATE INDEX "follow_ups_association_idx" ON "follow_ups" USING btree ("association_id","period_to");
--> statement-breakpoint
-- A locked version of a follow-up report is what the board received: it never changes and is
-- never deleted, whatever the code does. A draft may be edited, locked (utkast → låst, the one
-- change that leaves it locked) or removed.
CREATE FUNCTION follow_up_version_locked_unchanged() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'last' THEN
    RAISE EXCEPTION 'uppföljningens version % är låst och kan inte ändras (%)', OLD.number, TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER follow_up_versions_locked BEFORE UPDATE OR DELETE ON follow_up_versions
  FOR EACH ROW EXECUTE FUNCTION follow_up_version_locked_unchanged();
--> statement-breakpoint
CREATE FUNCTION follow_up_versions_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM follow_up_versions WHERE status = 'last') THEN
    RAISE EXCEPTION 'låsta versioner av uppföljningar kan inte tas bort (%)', TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER follow_up_versions_no_truncate BEFORE TRUNCATE ON follow_up_versions
  FOR EACH STATEMENT EXECUTE FUNCTION follow_up_versions_no_truncate();
--> statement-breakpoint
-- The period a locked version reports on is part of it: once a version of a follow-up is
-- locked, the follow-up's association, period and name of the period stay as they are.
CREATE FUNCTION follow_up_period_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM follow_up_versions v WHERE v.follow_up_id = OLD.id AND v.status = 'last')
     AND (TG_OP = 'DELETE' OR to_jsonb(NEW) <> to_jsonb(OLD)) THEN
    RAISE EXCEPTION 'uppföljningen har en låst version; dess period kan inte ändras (%)', TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER follow_ups_period_kept BEFORE UPDATE OR DELETE ON follow_ups
  FOR EACH ROW EXECUTE FUNCTION follow_up_period_kept();
