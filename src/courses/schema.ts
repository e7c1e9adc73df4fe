// Courses in the portal (issue 10; domain/portal.md item 6): a course → chapters → pages, written
// by staff in Swedish and any of the portal's languages, published as immutable versions.
//
// Two zones, as everywhere (ADR 0011, ADR 0015):
// - The association zone (public schema) holds the course material, which is about no person:
//   the draft (courses, course_chapters, course_pages), the uploaded media, the translators'
//   confirmations and the published versions (a snapshot each).
// - The register zone holds what a participant did: how far they read each chapter and their
//   quiz answers. The association zone sees it only as protected aggregates (figures.ts).
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { associations } from "../associations/schema.ts";
import { initiatives } from "../initiatives/schema.ts";
import type { PortalLocale } from "../portal/locales.ts";
import { register } from "../register/schema.ts";
import type {
  ChapterText,
  CourseSnapshot,
  CourseText,
  MediaKind,
  PageKind,
  PageText,
} from "./texts.ts";

const bytea = customType<{ data: Uint8Array; driverData: Buffer }>({
  dataType: () => "bytea",
  toDriver: (value) => Buffer.from(value),
  fromDriver: (value) => new Uint8Array(value),
});

// ── Association zone ─────────────────────────────────────────────────────────────────────────

/** A course: the association's (every initiative) or one initiative's. The draft is live here. */
export const courses = pgTable(
  "courses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: uuid("association_id")
      .notNull()
      .references(() => associations.id),
    /** Null: for the participants of every initiative of the association. */
    initiativeId: uuid("initiative_id").references(() => initiatives.id),
    /** { sv: {title, summary}, en?: …, ar?: … } — Swedish always. */
    texts: jsonb("texts").$type<Partial<Record<PortalLocale, CourseText>>>().notNull(),
    position: integer("position").notNull().default(0),
    /** Set when staff take the course away from the participants (the versions stay). */
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    updatedByName: text("updated_by_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("courses_association_idx").on(t.associationId),
    check("courses_swedish_check", sql`${t.texts} ? 'sv'`),
  ],
);

/** A chapter of a course's draft, in order. The unit of translation and of progress. */
export const courseChapters = pgTable(
  "course_chapters",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    texts: jsonb("texts").$type<Partial<Record<PortalLocale, ChapterText>>>().notNull(),
    updatedByName: text("updated_by_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("course_chapters_course_idx").on(t.courseId, t.position),
    check("course_chapters_swedish_check", sql`${t.texts} ? 'sv'`),
  ],
);

/**
 * A page of a chapter: text, a picture (alt text per language), a read-aloud recording (one
 * per language, with its text), a video (captions per language) or a quiz question.
 */
export const coursePages = pgTable(
  "course_pages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    chapterId: uuid("chapter_id")
      .notNull()
      .references(() => courseChapters.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    kind: text("kind").$type<PageKind>().notNull(),
    /** The picture or the video (the same in every language); audio and captions are per text. */
    mediaId: uuid("media_id").references(() => courseMedia.id),
    /** A quiz question's right option (0-based); the options themselves are in the texts. */
    correctOption: integer("correct_option"),
    texts: jsonb("texts").$type<Partial<Record<PortalLocale, PageText>>>().notNull(),
    updatedByName: text("updated_by_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("course_pages_chapter_idx").on(t.chapterId, t.position),
    check("course_pages_kind_check", sql`${t.kind} in ('text','bild','ljud','video','fraga')`),
    check("course_pages_quiz_check", sql`(${t.kind} = 'fraga') = (${t.correctOption} is not null)`),
    check("course_pages_swedish_check", sql`${t.texts} ? 'sv'`),
  ],
);

/**
 * An uploaded file of a course: a picture, a recording, a video or a captions file (WebVTT).
 * The type is checked from the file's first bytes, not from its name.
 */
export const courseMedia = pgTable(
  "course_media",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: uuid("association_id")
      .notNull()
      .references(() => associations.id),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    kind: text("kind").$type<MediaKind>().notNull(),
    mediaType: text("media_type").notNull(),
    fileName: text("file_name").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    /** A picture's size in pixels, read from its bytes at upload (image-size.ts); null: unknown. */
    width: integer("width"),
    height: integer("height"),
    data: bytea("data").notNull(),
    uploadedByName: text("uploaded_by_name").notNull(),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("course_media_course_idx").on(t.courseId),
    check("course_media_kind_check", sql`${t.kind} in ('bild','ljud','video','textning')`),
    check("course_media_size_check", sql`${t.sizeBytes} between 1 and 10485760`),
    check(
      "course_media_pixels_check",
      sql`(${t.width} is null and ${t.height} is null) or (${t.width} > 0 and ${t.height} > 0)`,
    ),
  ],
);

/**
 * A translator's word that a chapter's texts in one language are ready to publish. It holds
 * while the Swedish it was checked against is unchanged (sourceHash, texts.ts swedishHash).
 */
export const courseChapterTranslations = pgTable(
  "course_chapter_translations",
  {
    chapterId: uuid("chapter_id")
      .notNull()
      .references(() => courseChapters.id, { onDelete: "cascade" }),
    locale: text("locale").$type<PortalLocale>().notNull(),
    sourceHash: text("source_hash").notNull(),
    confirmedByName: text("confirmed_by_name").notNull(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.chapterId, t.locale] }),
    check(
      "course_chapter_translations_locale_check",
      sql`${t.locale} in ('en','ar','so','ti','fa')`,
    ),
  ],
);

/** A published version of a course: what participants read, never changed afterwards. */
export const courseVersions = pgTable(
  "course_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    snapshot: jsonb("snapshot").$type<CourseSnapshot>().notNull(),
    /** What changed, in the author's words (optional). */
    note: text("note"),
    publishedByName: text("published_by_name").notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("course_versions_number_unique").on(t.courseId, t.number)],
);

// ── Register zone ────────────────────────────────────────────────────────────────────────────

/** How far a participant has read a chapter: started, the last page, completed. */
export const courseProgress = register.table(
  "course_progress",
  {
    associationId: uuid("association_id").notNull(),
    dataControllerId: uuid("data_controller_id").notNull(),
    initiativeId: uuid("initiative_id").notNull(),
    participantId: uuid("participant_id").notNull(),
    courseId: uuid("course_id").notNull(),
    chapterId: uuid("chapter_id").notNull(),
    /** The page the participant saw last (its id: stable across versions). */
    lastPageId: uuid("last_page_id"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.participantId, t.chapterId] }),
    index("course_progress_initiative_idx").on(t.initiativeId, t.courseId),
  ],
);

/** A participant's latest answer to a quiz question (a page of kind "fraga"). */
export const quizAnswers = register.table(
  "quiz_answers",
  {
    associationId: uuid("association_id").notNull(),
    dataControllerId: uuid("data_controller_id").notNull(),
    initiativeId: uuid("initiative_id").notNull(),
    participantId: uuid("participant_id").notNull(),
    courseId: uuid("course_id").notNull(),
    chapterId: uuid("chapter_id").notNull(),
    pageId: uuid("page_id").notNull(),
    chosenOption: integer("chosen_option").notNull(),
    correct: boolean("correct").notNull(),
    tries: integer("tries").notNull().default(1),
    answeredAt: timestamp("answered_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.participantId, t.pageId] }),
    index("quiz_answers_initiative_idx").on(t.initiativeId, t.courseId),
  ],
);
