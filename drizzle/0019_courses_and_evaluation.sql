CREATE TABLE "course_chapter_translations" (
	"chapter_id" uuid NOT NULL,
	"locale" text NOT NULL,
	"source_hash" text NOT NULL,
	"confirmed_by_name" text NOT NULL,
	"confirmed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_chapter_translations_chapter_id_locale_pk" PRIMARY KEY("chapter_id","locale"),
	CONSTRAINT "course_chapter_translations_locale_check" CHECK ("course_chapter_translations"."locale" in ('en','ar','so','ti','fa'))
);
--> statement-breakpoint
CREATE TABLE "course_chapters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"texts" jsonb NOT NULL,
	"updated_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "course_chapters_swedish_check" CHECK ("course_chapters"."texts" ? 'sv')
);
--> statement-breakpoint
CREATE TABLE "course_media" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"media_type" text NOT NULL,
	"file_name" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by_name" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_media_kind_check" CHECK ("course_media"."kind" in ('bild','ljud','video','textning')),
	CONSTRAINT "course_media_size_check" CHECK ("course_media"."size_bytes" between 1 and 10485760)
);
--> statement-breakpoint
CREATE TABLE "course_pages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"chapter_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"kind" text NOT NULL,
	"media_id" uuid,
	"correct_option" integer,
	"texts" jsonb NOT NULL,
	"updated_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "course_pages_kind_check" CHECK ("course_pages"."kind" in ('text','bild','ljud','video','fraga')),
	CONSTRAINT "course_pages_quiz_check" CHECK (("course_pages"."kind" = 'fraga') = ("course_pages"."correct_option" is not null)),
	CONSTRAINT "course_pages_swedish_check" CHECK ("course_pages"."texts" ? 'sv')
);
--> statement-breakpoint
CREATE TABLE "register"."course_progress" (
	"association_id" uuid NOT NULL,
	"data_controller_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"chapter_id" uuid NOT NULL,
	"last_page_id" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_progress_participant_id_chapter_id_pk" PRIMARY KEY("participant_id","chapter_id")
);
--> statement-breakpoint
CREATE TABLE "course_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"note" text,
	"published_by_name" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"initiative_id" uuid,
	"texts" jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"updated_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "courses_swedish_check" CHECK ("courses"."texts" ? 'sv')
);
--> statement-breakpoint
CREATE TABLE "register"."quiz_answers" (
	"association_id" uuid NOT NULL,
	"data_controller_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"chapter_id" uuid NOT NULL,
	"page_id" uuid NOT NULL,
	"chosen_option" integer NOT NULL,
	"correct" boolean NOT NULL,
	"tries" integer DEFAULT 1 NOT NULL,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quiz_answers_participant_id_page_id_pk" PRIMARY KEY("participant_id","page_id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_forms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"questions" jsonb NOT NULL,
	"updated_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "evaluation_forms_kind_check" CHECK ("evaluation_forms"."kind" in ('kort','slut'))
);
--> statement-breakpoint
CREATE TABLE "register"."evaluation_receipts" (
	"association_id" uuid NOT NULL,
	"data_controller_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"context" text NOT NULL,
	"context_key" text NOT NULL,
	"outcome" text NOT NULL,
	"on" date NOT NULL,
	CONSTRAINT "evaluation_receipts_participant_id_context_context_key_pk" PRIMARY KEY("participant_id","context","context_key"),
	CONSTRAINT "evaluation_receipts_context_check" CHECK ("register"."evaluation_receipts"."context" in ('kapitel','mote','slut')),
	CONSTRAINT "evaluation_receipts_outcome_check" CHECK ("register"."evaluation_receipts"."outcome" in ('svarat','avstod'))
);
--> statement-breakpoint
CREATE TABLE "register"."evaluation_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"data_controller_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"form_id" uuid NOT NULL,
	"form_version" integer NOT NULL,
	"kind" text NOT NULL,
	"context" text NOT NULL,
	"course_id" uuid,
	"chapter_id" uuid,
	"month" date NOT NULL,
	"answers" jsonb NOT NULL,
	CONSTRAINT "evaluation_responses_kind_check" CHECK ("register"."evaluation_responses"."kind" in ('kort','slut')),
	CONSTRAINT "evaluation_responses_context_check" CHECK ("register"."evaluation_responses"."context" in ('kapitel','mote','slut')),
	CONSTRAINT "evaluation_responses_month_check" CHECK (extract(day from "register"."evaluation_responses"."month") = 1)
);
--> statement-breakpoint
ALTER TABLE "course_chapter_translations" ADD CONSTRAINT "course_chapter_translations_chapter_id_course_chapters_id_fk" FOREIGN KEY ("chapter_id") REFERENCES "public"."course_chapters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_chapters" ADD CONSTRAINT "course_chapters_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_media" ADD CONSTRAINT "course_media_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_media" ADD CONSTRAINT "course_media_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_pages" ADD CONSTRAINT "course_pages_chapter_id_course_chapters_id_fk" FOREIGN KEY ("chapter_id") REFERENCES "public"."course_chapters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_pages" ADD CONSTRAINT "course_pages_media_id_course_media_id_fk" FOREIGN KEY ("media_id") REFERENCES "public"."course_media"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_versions" ADD CONSTRAINT "course_versions_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_forms" ADD CONSTRAINT "evaluation_forms_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_forms" ADD CONSTRAINT "evaluation_forms_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "course_chapters_course_idx" ON "course_chapters" USING btree ("course_id","position");--> statement-breakpoint
CREATE INDEX "course_media_course_idx" ON "course_media" USING btree ("course_id");--> statement-breakpoint
CREATE INDEX "course_pages_chapter_idx" ON "course_pages" USING btree ("chapter_id","position");--> statement-breakpoint
CREATE INDEX "course_progress_initiative_idx" ON "register"."course_progress" USING btree ("initiative_id","course_id");--> statement-breakpoint
CREATE UNIQUE INDEX "course_versions_number_unique" ON "course_versions" USING btree ("course_id","number");--> statement-breakpoint
CREATE INDEX "courses_association_idx" ON "courses" USING btree ("association_id");--> statement-breakpoint
CREATE INDEX "quiz_answers_initiative_idx" ON "register"."quiz_answers" USING btree ("initiative_id","course_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_forms_initiative_kind_unique" ON "evaluation_forms" USING btree ("initiative_id","kind");--> statement-breakpoint
CREATE INDEX "evaluation_responses_initiative_idx" ON "register"."evaluation_responses" USING btree ("initiative_id","month");--> statement-breakpoint
-- What participants did in courses and what they answered in Tyck till is participant data: the
-- register's role only, under row-level security per data controller and initiative (ADR 0011,
-- ADR 0015). The association zone's role never reads these tables; course figures and
-- evaluation results reach it only as aggregates that passed disclosure control. A response has
-- no participant id; the receipt that says someone answered has no link to the response.
GRANT SELECT, INSERT, UPDATE, DELETE ON register.course_progress, register.quiz_answers, register.evaluation_receipts TO samspar_register;
--> statement-breakpoint
GRANT SELECT, INSERT ON register.evaluation_responses TO samspar_register;
--> statement-breakpoint
REVOKE ALL ON register.course_progress, register.quiz_answers, register.evaluation_receipts, register.evaluation_responses FROM PUBLIC, samspar_association;
--> statement-breakpoint
ALTER TABLE register.course_progress ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE register.quiz_answers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE register.evaluation_receipts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE register.evaluation_responses ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY course_progress_by_initiative ON register.course_progress TO samspar_register
  USING (data_controller_id = ANY (register.allowed('samspar.controllers'))
     AND initiative_id = ANY (register.allowed('samspar.initiatives')))
  WITH CHECK (data_controller_id = ANY (register.allowed('samspar.controllers'))
     AND initiative_id = ANY (register.allowed('samspar.initiatives')));
--> statement-breakpoint
CREATE POLICY quiz_answers_by_initiative ON register.quiz_answers TO samspar_register
  USING (data_controller_id = ANY (register.allowed('samspar.controllers'))
     AND initiative_id = ANY (register.allowed('samspar.initiatives')))
  WITH CHECK (data_controller_id = ANY (register.allowed('samspar.controllers'))
     AND initiative_id = ANY (register.allowed('samspar.initiatives')));
--> statement-breakpoint
CREATE POLICY evaluation_receipts_by_initiative ON register.evaluation_receipts TO samspar_register
  USING (data_controller_id = ANY (register.allowed('samspar.controllers'))
     AND initiative_id = ANY (register.allowed('samspar.initiatives')))
  WITH CHECK (data_controller_id = ANY (register.allowed('samspar.controllers'))
     AND initiative_id = ANY (register.allowed('samspar.initiatives')));
--> statement-breakpoint
CREATE POLICY evaluation_responses_by_initiative ON register.evaluation_responses TO samspar_register
  USING (data_controller_id = ANY (register.allowed('samspar.controllers'))
     AND initiative_id = ANY (register.allowed('samspar.initiatives')))
  WITH CHECK (data_controller_id = ANY (register.allowed('samspar.controllers'))
     AND initiative_id = ANY (register.allowed('samspar.initiatives')));
--> statement-breakpoint
-- A published version is never changed: a new one is published instead.
CREATE FUNCTION course_versions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'course_versions is append-only: publish a new version instead';
END $$;
--> statement-breakpoint
CREATE TRIGGER course_versions_no_update BEFORE UPDATE ON course_versions
  FOR EACH ROW EXECUTE FUNCTION course_versions_append_only();
