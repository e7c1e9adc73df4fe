// The courses' protected figures (issue 10; domain/portal.md item 6): per course, for a period of
// whole months and one initiative (the staff page) or several together (the follow-up report),
// how many participants started it, how many finished it, how many chapters were completed, each
// kvinnor / män / totalt, and the share of quiz answers right at the first try.
//
// WHERE IT IS COUNTED. Progress and quiz answers are register data (ADR 0011, ADR 0015): they are
// read inside the register zone with a scope covering the initiatives and their owners — the
// statistics path, like src/portal/usage.ts and src/register/aggregates.ts — and only protected
// figures leave it. The database groups and counts: no participant id leaves the query, only
// course ids, genders and numbers. Only the initiatives asked for are counted (course_progress
// and quiz_answers carry the initiative the participant read the course in).
//
// WHAT IS COUNTED (the definitions are in the catalogue, courseFigures.row.*):
// - started: participants with at least one chapter of the course opened in the period
//   (a course_progress row whose started_at falls in the period);
// - finished: participants who have completed every chapter of the course's newest version,
//   the last of them in the period;
// - chapters: chapter completions in the period (a count of completions, not of people);
// - quiz: of the quiz answers last given in the period, the share right at the first try.
//
// HOW IT IS PROTECTED (src/register/disclosure.ts, the association's own threshold). Each course
// is one table: rows started / finished / chapters, columns kvinnor / män / other genders
// (hidden: they count in totalt only, as everywhere in the register), with the row totals
// (totalt). The three rows do not add up to anything (a person may start in the period and
// finish in another), so no column totals are published and each row is a line of its own;
// courses are not added up either (one person may read several courses). A person counted in
// one course is counted again in another, but no figure across courses is published, so no
// hidden figure can be worked out from another table. The quiz share is protected with
// protectShare: not shown when the answers are too few, or when those right (or wrong) at the
// first try are. A row total protectTable had to leave out is shown as ".." (left_out).
import { and, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { getDisclosureSettings } from "../associations/disclosure-settings.ts";
import { initiatives } from "../initiatives/schema.ts";
import type { Db } from "../platform/database/connect.ts";
import { NotFoundError } from "../platform/errors.ts";
import { TIME_ZONE } from "../platform/i18n/format.ts";
import { DEFAULT_LOCALE, isLocale, type Locale } from "../platform/i18n/locales.ts";
import { createTranslator } from "../platform/i18n/translate.ts";
import { UUID } from "../platform/uuid.ts";
import { checkMonthRange, monthLabel, monthsBetween, type UsageCell } from "../portal/usage.ts";
import {
  type DisclosureOptions,
  type DisclosureSummary,
  type ProtectedCell,
  type ProtectedRatio,
  type ProtectedTable,
  protectShare,
  protectTable,
  summarizeDisclosure,
} from "../register/disclosure.ts";
import { inRegister } from "../register/zone.ts";
import { courses, courseVersions } from "./schema.ts";
import type { CourseSnapshot } from "./texts.ts";

export const FIGURE_ROWS = ["started", "finished", "chapters"] as const;
export type FigureRowKey = (typeof FIGURE_ROWS)[number];

export interface FigureRow {
  readonly key: FigureRowKey;
  readonly label: string;
  readonly definition: string;
  readonly kvinnor: UsageCell;
  readonly man: UsageCell;
  /** Everyone: kvinnor, män, annan, vill ej ange and uppgift saknas. */
  readonly totalt: UsageCell;
}

export interface CourseFigure {
  readonly courseId: string;
  /** The Swedish title of the newest published version. */
  readonly title: string;
  /** The number of chapters of the newest version (course material, not register data). */
  readonly chapters: number;
  /** The newest version's number. */
  readonly version: number;
  readonly withdrawn: boolean;
  /** The association's course (every initiative) or one initiative's. */
  readonly forAll: boolean;
  readonly rows: readonly [FigureRow, FigureRow, FigureRow];
  /** Null when the course has no quiz question. */
  readonly quiz: {
    readonly label: string;
    readonly definition: string;
    readonly share: ProtectedRatio;
  } | null;
}

export interface CourseFigures {
  /** The months, "ÅÅÅÅ-MM", both included, and their names. */
  readonly period: {
    readonly from: string;
    readonly to: string;
    readonly fromLabel: string;
    readonly toLabel: string;
  };
  readonly threshold: number;
  readonly allowTrueZero: boolean;
  readonly genderNote: string;
  readonly courses: readonly CourseFigure[];
  /** How many figures are not shown and why (never which values). */
  readonly disclosure: DisclosureSummary;
  /** Totals left out because a table could not show them (shown ".."). */
  readonly leftOut: number;
}

export interface CourseFiguresOptions {
  /** The first and last month, "ÅÅÅÅ-MM". */
  readonly from: string;
  readonly to: string;
  /** The initiatives counted together (one for the staff page; the follow-up passes several). */
  readonly initiativeIds: readonly string[];
  /** Other disclosure options than the association's own (tests; the follow-up passes its own). */
  readonly threshold?: number;
  readonly allowTrueZero?: boolean;
  /** "sv" (default) or "en": labels, definitions and reasons. */
  readonly locale?: string;
}

/** kvinnor, män, everybody else. */
type Genders = [number, number, number];

/** Raw counts per course (inside this module only; courseFigures returns protected cells). */
export interface CourseCounts {
  readonly rows: readonly [Genders, Genders, Genders];
  readonly quiz: { readonly answers: number; readonly firstTry: number };
}

/** A course as the figures need it: its newest version. */
export interface PublishedCourse {
  readonly courseId: string;
  readonly title: string;
  readonly version: number;
  readonly chapterIds: readonly string[];
  readonly hasQuiz: boolean;
  readonly withdrawn: boolean;
  readonly forAll: boolean;
}

const genderIndex = (gender: string): 0 | 1 | 2 =>
  gender === "kvinna" ? 0 : gender === "man" ? 1 : 2;

const monthOf = (column: ReturnType<typeof sql>) =>
  sql`to_char(${column} at time zone ${TIME_ZONE}, 'YYYY-MM')`;

const emptyCounts = (): CourseCounts => ({
  rows: [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ],
  quiz: { answers: 0, firstTry: 0 },
});

/** The published courses the initiatives' participants can have read, newest version each. */
async function publishedCourses(
  db: Db,
  associationId: string,
  initiativeIds: readonly string[],
): Promise<PublishedCourse[]> {
  const rows = await db
    .selectDistinctOn([courses.id], {
      courseId: courses.id,
      initiativeId: courses.initiativeId,
      position: courses.position,
      withdrawnAt: courses.withdrawnAt,
      number: courseVersions.number,
      snapshot: courseVersions.snapshot,
    })
    .from(courses)
    .innerJoin(courseVersions, eq(courseVersions.courseId, courses.id))
    .where(
      and(
        eq(courses.associationId, associationId),
        or(isNull(courses.initiativeId), inArray(courses.initiativeId, [...initiativeIds])),
      ),
    )
    .orderBy(courses.id, desc(courseVersions.number));
  return rows
    .map((r) => {
      const snapshot = r.snapshot as CourseSnapshot;
      return {
        position: r.position,
        course: {
          courseId: r.courseId,
          title: snapshot.texts.sv?.title ?? "",
          version: r.number,
          chapterIds: snapshot.chapters.map((c) => c.id),
          hasQuiz: snapshot.chapters.some((c) => c.pages.some((p) => p.kind === "fraga")),
          withdrawn: r.withdrawnAt !== null,
          forAll: r.initiativeId === null,
        },
      };
    })
    .sort(
      (a, b) => a.position - b.position || a.course.title.localeCompare(b.course.title, "sv") || 0,
    )
    .map((r) => r.course);
}

/**
 * Counts inside the register zone: started, finished and chapter completions by gender, and
 * the quiz answers, per course. No participant id leaves the queries.
 */
async function countCourses(
  db: Db,
  associationId: string,
  owners: readonly { id: string; ownerId: string }[],
  list: readonly PublishedCourse[],
  months: readonly string[],
): Promise<Map<string, CourseCounts>> {
  const counts = new Map(list.map((c) => [c.courseId, emptyCounts()]));
  const withChapters = list.filter((c) => c.chapterIds.length > 0);
  if (owners.length === 0 || withChapters.length === 0) return counts;
  const first = months[0] as string;
  const last = months[months.length - 1] as string;
  const idList = sql.join(
    owners.map((o) => sql`${o.id}::uuid`),
    sql`, `,
  );
  const courseList = sql.join(
    withChapters.map((c) => sql`${c.courseId}::uuid`),
    sql`, `,
  );
  const chapterValues = sql.join(
    withChapters.flatMap((c) => c.chapterIds.map((ch) => sql`(${c.courseId}::uuid, ${ch}::uuid)`)),
    sql`, `,
  );
  const controllers = [...new Set(owners.map((o) => o.ownerId))];
  return inRegister(db, { controllers, initiatives: owners.map((o) => o.id) }, async (tx) => {
    const people = await tx.execute<{ what: string; course_id: string; gender: string; n: number }>(
      sql`with v(course_id, chapter_id) as (values ${chapterValues}),
          n as (select course_id, count(*) as chapters from v group by 1),
          p as (
            select course_id, chapter_id, participant_id, started_at, completed_at
            from register.course_progress
            where association_id = ${associationId} and initiative_id in (${idList})
              and course_id in (${courseList})
          ),
          started as (
            select distinct course_id, participant_id from p
            where ${monthOf(sql`started_at`)} between ${first} and ${last}
          ),
          finished as (
            select p.course_id, p.participant_id
            from p join v on v.course_id = p.course_id and v.chapter_id = p.chapter_id
            join n on n.course_id = p.course_id
            where p.completed_at is not null
            group by p.course_id, p.participant_id, n.chapters
            having count(*) = n.chapters
              and ${monthOf(sql`max(p.completed_at)`)} between ${first} and ${last}
          ),
          done as (
            select course_id, participant_id from p
            where completed_at is not null
              and ${monthOf(sql`completed_at`)} between ${first} and ${last}
          ),
          facts as (
            select 'started' as what, course_id, participant_id from started
            union all select 'finished', course_id, participant_id from finished
            union all select 'chapters', course_id, participant_id from done
          )
          select f.what, f.course_id, pt.gender, count(*)::int as n
          from facts f join register.participants pt on pt.id = f.participant_id
          group by 1, 2, 3`,
    );
    const quiz = await tx.execute<{ course_id: string; answers: number; first_try: number }>(
      sql`select course_id, count(*)::int as answers,
            (count(*) filter (where correct and tries = 1))::int as first_try
          from register.quiz_answers
          where association_id = ${associationId} and initiative_id in (${idList})
            and course_id in (${courseList})
            and ${monthOf(sql`answered_at`)} between ${first} and ${last}
          group by 1`,
    );
    const row = { started: 0, finished: 1, chapters: 2 } as const;
    for (const r of people.rows) {
      const entry = counts.get(r.course_id);
      const i = row[r.what as FigureRowKey];
      if (entry && i !== undefined)
        (entry.rows[i] as Genders)[genderIndex(r.gender)] += Number(r.n);
    }
    for (const r of quiz.rows) {
      const entry = counts.get(r.course_id);
      if (entry)
        counts.set(r.course_id, {
          rows: entry.rows,
          quiz: { answers: Number(r.answers), firstTry: Number(r.first_try) },
        });
    }
    return counts;
  });
}

const LEFT = (threshold: number): UsageCell => ({ suppressed: "left_out", threshold });

/** Protects the counts (see the top of the file) and names every row in `locale`. */
export function protectCourseFigures(
  list: readonly PublishedCourse[],
  counts: ReadonlyMap<string, CourseCounts>,
  months: readonly string[],
  options: Required<DisclosureOptions> & { locale?: string },
): Omit<CourseFigures, "period"> & { period: { fromLabel: string; toLabel: string } } {
  const locale: Locale = isLocale(options.locale) ? options.locale : DEFAULT_LOCALE;
  const t = createTranslator(locale);
  const disclosure = { threshold: options.threshold, allowTrueZero: options.allowTrueZero };
  const published: (ProtectedTable | ProtectedRatio)[] = [];
  let leftOut = 0;
  const cell = (c: ProtectedCell | undefined): UsageCell => {
    if (c) return c;
    leftOut++;
    return LEFT(options.threshold);
  };
  const figures = list.map((course): CourseFigure => {
    const c = counts.get(course.courseId) ?? emptyCounts();
    const table = protectTable(
      {
        cells: c.rows.map((r) => [...r]),
        show: { rowTotals: true },
        hiddenColumns: [2],
      },
      disclosure,
    );
    published.push(table);
    const row = (i: 0 | 1 | 2): FigureRow => {
      const key = FIGURE_ROWS[i];
      return {
        key,
        label: t(`courseFigures.row.${key}`),
        definition: t(`courseFigures.row.${key}.definition`),
        kvinnor: cell(table.cells[i]?.[0]),
        man: cell(table.cells[i]?.[1]),
        totalt: cell(table.rowTotals?.[i]),
      };
    };
    let quiz: CourseFigure["quiz"] = null;
    if (course.hasQuiz) {
      const share = protectShare(c.quiz.firstTry, c.quiz.answers, disclosure).share;
      published.push(share);
      quiz = {
        label: t("courseFigures.quiz"),
        definition: t("courseFigures.quiz.definition"),
        share,
      };
    }
    return {
      courseId: course.courseId,
      title: course.title,
      chapters: course.chapterIds.length,
      version: course.version,
      withdrawn: course.withdrawn,
      forAll: course.forAll,
      rows: [row(0), row(1), row(2)],
      quiz,
    };
  });
  const summary = summarizeDisclosure(published, disclosure, locale);
  const reasons = [...summary.reasons];
  if (leftOut > 0) reasons.push(t("courseFigures.leftOut", { count: leftOut }));
  return {
    period: {
      fromLabel: monthLabel(months[0] as string, locale),
      toLabel: monthLabel(months[months.length - 1] as string, locale),
    },
    threshold: options.threshold,
    allowTrueZero: options.allowTrueZero,
    genderNote: t("courseFigures.genderNote"),
    courses: figures,
    disclosure: { ...summary, reasons },
    leftOut,
  };
}

/** The initiatives asked for, with their owners; NotFoundError for one not the association's. */
export async function initiativeOwners(
  db: Db,
  associationId: string,
  initiativeIds: readonly string[],
): Promise<{ id: string; ownerId: string }[]> {
  const wanted = [...new Set(initiativeIds)];
  const valid = wanted.filter((id) => UUID.test(id));
  const owners =
    valid.length === 0
      ? []
      : await db
          .select({ id: initiatives.id, ownerId: initiatives.ownerOrganisationId })
          .from(initiatives)
          .where(and(eq(initiatives.associationId, associationId), inArray(initiatives.id, valid)));
  if (owners.length !== wanted.length) {
    throw new NotFoundError("Insatsen finns inte i förbundet. Kontrollera insatsens id.");
  }
  return owners;
}

/** The association's threshold unless the caller names one. */
export async function disclosureOf(
  db: Db,
  associationId: string,
  options: { threshold?: number; allowTrueZero?: boolean },
): Promise<{ threshold: number; allowTrueZero: boolean }> {
  const own =
    options.threshold === undefined || options.allowTrueZero === undefined
      ? await getDisclosureSettings(db, associationId)
      : undefined;
  return {
    threshold: options.threshold ?? (own?.threshold as number),
    allowTrueZero: options.allowTrueZero ?? (own?.allowTrueZero as boolean),
  };
}

/**
 * The courses' figures for a month range and one or more initiatives of the association, after
 * disclosure control with the association's own threshold (unless the caller names one).
 * Throws ValidationError for a bad month range and NotFoundError for an initiative that is not
 * the association's.
 */
export async function courseFigures(
  db: Db,
  associationId: string,
  options: CourseFiguresOptions,
): Promise<CourseFigures> {
  checkMonthRange(options.from, options.to);
  const months = monthsBetween(options.from, options.to);
  const owners = await initiativeOwners(db, associationId, options.initiativeIds);
  const { threshold, allowTrueZero } = await disclosureOf(db, associationId, options);
  const list =
    owners.length === 0
      ? []
      : await publishedCourses(
          db,
          associationId,
          owners.map((o) => o.id),
        );
  const counts = await countCourses(db, associationId, owners, list, months);
  const protectedFigures = protectCourseFigures(list, counts, months, {
    threshold,
    allowTrueZero,
    locale: options.locale,
  });
  return {
    ...protectedFigures,
    period: { from: options.from, to: options.to, ...protectedFigures.period },
  };
}
