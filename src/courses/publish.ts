// Publishing a course (issue 10; ADR 0015): the draft as it is now becomes a new, numbered,
// never-changed version (course_versions, a CourseSnapshot). Each chapter is published in
// Swedish and in every language whose translation is "klar"; the Swedish must be complete in
// every chapter. Withdrawing takes the course away from the participants at once (the versions
// stay); restoring gives it back.
import { and, desc, eq, max } from "drizzle-orm";
import type { Principal } from "../access/principal.ts";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { ConflictError, NotFoundError, ValidationError } from "../platform/errors.ts";
import type { PortalLocale } from "../portal/locales.ts";
import {
  type CourseDraft,
  changeCourse,
  draftSnapshot,
  isCourseId,
  mayAuthorCourses,
} from "./draft.ts";
import { courses, courseVersions } from "./schema.ts";
import type { CourseSnapshot } from "./texts.ts";

export const PUBLISH_NOTE_MAX = 1000;

const STALE =
  "Någon annan har ändrat kursen medan du arbetade. Ladda om sidan, läs ändringarna och försök igen.";

/** Per chapter: what it would be published in now. */
export interface PublishedChapter {
  chapterId: string;
  title: string;
  locales: PortalLocale[];
}

/**
 * What blocks publishing the draft now, as lines an author can act on ("Kapitel 2: Sida 3
 * (Bild): bildens alternativtext"); empty: it can be published.
 */
export function publishBlockers(draft: CourseDraft): string[] {
  if (draft.chapters.length === 0)
    return ["Kursen har inga kapitel. Lägg till minst ett kapitel med sidor."];
  return draft.chapters.flatMap((view, i) =>
    view.statuses.sv.state === "klar"
      ? []
      : view.statuses.sv.missing.map((m) => `Kapitel ${i + 1}: ${m.label}`),
  );
}

export const chaptersIn = (snapshot: CourseSnapshot): PublishedChapter[] =>
  snapshot.chapters.map((c) => ({
    chapterId: c.id,
    title: c.texts.sv?.title ?? "",
    locales: c.locales,
  }));

export async function publishCourse(
  q: Queryable,
  actor: AuditActor,
  principal: Principal,
  associationId: string,
  courseId: string,
  options: { expectedVersion: number; note?: string | null },
): Promise<{ number: number; chapters: PublishedChapter[] }> {
  const note = (options.note ?? "").replace(/\r\n?/g, "\n").trim();
  if (note.length > PUBLISH_NOTE_MAX)
    throw new ValidationError({
      note: `Anteckningen får ha högst 1 000 tecken. Du har skrivit ${note.length.toLocaleString("sv-SE")}. Korta den.`,
    });
  return changeCourse(q, principal, associationId, courseId, async (tx, draft) => {
    if (draft.course.version !== options.expectedVersion) throw new ConflictError(STALE);
    const blockers = publishBlockers(draft);
    if (blockers.length)
      throw new ValidationError({
        publish: `Kursen kan inte publiceras än. Det här saknas på svenska: ${blockers.join("; ")}.`,
      });
    const snapshot = draftSnapshot(draft);
    const [last] = await tx
      .select({ n: max(courseVersions.number) })
      .from(courseVersions)
      .where(eq(courseVersions.courseId, draft.course.id));
    const number = (last?.n ?? 0) + 1;
    await tx.insert(courseVersions).values({
      courseId: draft.course.id,
      number,
      snapshot,
      note: note || null,
      publishedByName: principal.name,
    });
    // a second press of the same form (the same version) is then refused, not published twice
    await tx
      .update(courses)
      .set({ version: draft.course.version + 1 })
      .where(eq(courses.id, draft.course.id));
    const chapters = chaptersIn(snapshot);
    await recordAuditEvent(tx, actor, {
      action: "course.published",
      associationId,
      targetType: "course",
      targetId: draft.course.id,
      details: {
        title: draft.course.texts.sv?.title ?? "",
        number,
        note: note || null,
        chapters: chapters.map((c) => ({ id: c.chapterId, locales: c.locales })),
      },
    });
    return { number, chapters };
  });
}

async function setWithdrawn(
  q: Queryable,
  actor: AuditActor,
  principal: Principal,
  associationId: string,
  courseId: string,
  expectedVersion: number,
  withdrawn: boolean,
): Promise<void> {
  await changeCourse(q, principal, associationId, courseId, async (tx, draft) => {
    const course = draft.course;
    if (course.version !== expectedVersion) throw new ConflictError(STALE);
    if (withdrawn && course.withdrawnAt)
      throw new ValidationError({ withdraw: "Kursen är redan tillbakadragen." });
    if (!withdrawn && !course.withdrawnAt)
      throw new ValidationError({ withdraw: "Kursen är inte tillbakadragen." });
    if (withdrawn) {
      const [version] = await tx
        .select({ number: courseVersions.number })
        .from(courseVersions)
        .where(eq(courseVersions.courseId, course.id))
        .limit(1);
      if (!version)
        throw new ValidationError({
          withdraw:
            "Kursen är inte publicerad, så deltagarna ser den inte. Det finns inget att dra tillbaka.",
        });
    }
    await tx
      .update(courses)
      .set({
        withdrawnAt: withdrawn ? new Date() : null,
        version: course.version + 1,
        updatedAt: new Date(),
        updatedByName: principal.name,
      })
      .where(eq(courses.id, course.id));
    await recordAuditEvent(tx, actor, {
      action: withdrawn ? "course.withdrawn" : "course.restored",
      associationId,
      targetType: "course",
      targetId: course.id,
      details: { title: course.texts.sv?.title ?? "" },
    });
  });
}

/** Takes the course away from the participants at once; its versions stay. */
export const withdrawCourse = (
  q: Queryable,
  actor: AuditActor,
  principal: Principal,
  associationId: string,
  courseId: string,
  expectedVersion: number,
) => setWithdrawn(q, actor, principal, associationId, courseId, expectedVersion, true);

/** Gives a withdrawn course back to the participants (its newest version). */
export const restoreCourse = (
  q: Queryable,
  actor: AuditActor,
  principal: Principal,
  associationId: string,
  courseId: string,
  expectedVersion: number,
) => setWithdrawn(q, actor, principal, associationId, courseId, expectedVersion, false);

export interface VersionSummary {
  number: number;
  publishedAt: Date;
  publishedByName: string;
  note: string | null;
  chapters: PublishedChapter[];
}

/** Refuses (NotFoundError) unless the course is the association's and this person may write it. */
async function requireWritableCourse(
  q: Queryable,
  principal: Principal,
  associationId: string,
  courseId: string,
): Promise<void> {
  if (!isCourseId(courseId)) throw new NotFoundError("Kursen finns inte.");
  const [course] = await q
    .select({ initiativeId: courses.initiativeId })
    .from(courses)
    .where(and(eq(courses.id, courseId), eq(courses.associationId, associationId)));
  if (!course || !mayAuthorCourses(principal, associationId, course.initiativeId))
    throw new NotFoundError("Kursen finns inte, eller så får du inte ändra den.");
}

/** A course's published versions, newest first, if this person may write the course. */
export async function listVersions(
  q: Queryable,
  principal: Principal,
  associationId: string,
  courseId: string,
): Promise<VersionSummary[]> {
  await requireWritableCourse(q, principal, associationId, courseId);
  const rows = await q
    .select()
    .from(courseVersions)
    .where(eq(courseVersions.courseId, courseId))
    .orderBy(desc(courseVersions.number));
  return rows.map((r) => ({
    number: r.number,
    publishedAt: r.publishedAt,
    publishedByName: r.publishedByName,
    note: r.note,
    chapters: chaptersIn(r.snapshot),
  }));
}

/**
 * What version `number` of a course showed the participants (its snapshot, never changed), if
 * this person may write the course; for the staff's preview of an older version.
 */
export async function publishedVersion(
  q: Queryable,
  principal: Principal,
  associationId: string,
  courseId: string,
  number: number,
): Promise<{ number: number; publishedAt: Date; snapshot: CourseSnapshot }> {
  await requireWritableCourse(q, principal, associationId, courseId);
  const [row] = await q
    .select({
      number: courseVersions.number,
      publishedAt: courseVersions.publishedAt,
      snapshot: courseVersions.snapshot,
    })
    .from(courseVersions)
    .where(and(eq(courseVersions.courseId, courseId), eq(courseVersions.number, number)));
  if (!row) throw new NotFoundError(`Kursen har ingen version ${number}.`);
  return row;
}
