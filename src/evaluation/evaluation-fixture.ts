// For Tyck till's tests: a participant of the register fixture's Tierp initiative with a portal
// account, a published course of the association with two chapters (the first also in Arabic),
// a chapter the participant completed, and meetings — inserted directly (the course reader and
// the booking flow are tested elsewhere).
import { inArray } from "drizzle-orm";
import type { Principal } from "../access/principal.ts";
import { courseChapters, courseProgress, courses, courseVersions } from "../courses/schema.ts";
import type { CourseSnapshot } from "../courses/texts.ts";
import type { Db } from "../platform/database/connect.ts";
import { type PortalAccount, portalScope } from "../portal/accounts.ts";
import type { PortalLocale } from "../portal/locales.ts";
import { portalAccountFixture } from "../portal/portal-account.fixture.ts";
import { availability, type BookingStatus, bookings } from "../portal/schema.ts";
import type { RegisterFixture } from "../register/register-fixture.ts";
import { inRegister } from "../register/zone.ts";

const DAY = 86_400_000;

export interface EvaluationFixture {
  account: PortalAccount;
  principal: Principal;
  courseId: string;
  /** Completed (in Arabic too). */
  chapter: string;
  /** Started, not completed. */
  unfinished: string;
}

export async function evaluationFixture(
  db: Db,
  f: RegisterFixture,
  locale: PortalLocale = "sv",
  now = new Date(),
): Promise<EvaluationFixture> {
  const { account, principal } = await portalAccountFixture(db, f, f.tierp.initiative, locale);
  const [course] = await db
    .insert(courses)
    .values({
      associationId: f.associationId,
      initiativeId: null,
      texts: { sv: { title: "Samhällsorientering", summary: "" } },
      updatedByName: "Test",
    })
    .returning({ id: courses.id });
  if (!course) throw new Error("no course");
  const chapterRows = await db
    .insert(courseChapters)
    .values([
      {
        courseId: course.id,
        position: 0,
        texts: { sv: { title: "Att bo i Sverige", intro: "" } },
        updatedByName: "Test",
      },
      {
        courseId: course.id,
        position: 1,
        texts: { sv: { title: "Att arbeta i Sverige", intro: "" } },
        updatedByName: "Test",
      },
    ])
    .returning({ id: courseChapters.id });
  const [chapter, unfinished] = chapterRows.map((c) => c.id) as [string, string];
  const snapshot: CourseSnapshot = {
    formatVersion: 1,
    courseId: course.id,
    initiativeId: null,
    texts: { sv: { title: "Samhällsorientering", summary: "" } },
    chapters: [
      {
        id: chapter,
        locales: ["sv", "ar"],
        texts: {
          sv: { title: "Att bo i Sverige", intro: "" },
          ar: { title: "العيش في السويد", intro: "" },
        },
        pages: [],
      },
      {
        id: unfinished,
        locales: ["sv"],
        texts: { sv: { title: "Att arbeta i Sverige", intro: "" } },
        pages: [],
      },
    ],
  };
  await db
    .insert(courseVersions)
    .values({ courseId: course.id, number: 1, snapshot, publishedByName: "Test" });
  await inRegister(db, portalScope(account), (tx) =>
    tx.insert(courseProgress).values([
      {
        associationId: account.associationId,
        dataControllerId: account.dataControllerId,
        initiativeId: account.initiativeId,
        participantId: account.participantId,
        courseId: course.id,
        chapterId: chapter,
        startedAt: new Date(now.getTime() - 3 * DAY),
        completedAt: new Date(now.getTime() - 2 * DAY),
      },
      {
        associationId: account.associationId,
        dataControllerId: account.dataControllerId,
        initiativeId: account.initiativeId,
        participantId: account.participantId,
        courseId: course.id,
        chapterId: unfinished,
        startedAt: new Date(now.getTime() - DAY),
      },
    ]),
  );
  return { account, principal, courseId: course.id, chapter, unfinished };
}

/** A meeting of the participant with Lina, `daysAgo` days ago (negative: in the future). */
export async function meeting(
  db: Db,
  account: PortalAccount,
  daysAgo: number,
  status: BookingStatus = "genomford",
  now = new Date(),
): Promise<string> {
  const startsAt = new Date(now.getTime() - daysAgo * DAY);
  const endsAt = new Date(startsAt.getTime() + 30 * 60_000);
  const day = startsAt.toISOString().slice(0, 10);
  return inRegister(db, portalScope(account), async (tx) => {
    const [window] = await tx
      .insert(availability)
      .values({
        associationId: account.associationId,
        dataControllerId: account.dataControllerId,
        initiativeId: account.initiativeId,
        kind: "studiecoach",
        title: "Lina, studiecoach",
        mode: "pa_plats",
        place: "Storgatan 1, Tierp",
        day,
        opensAt: "00:00",
        closesAt: "23:59",
        slotMinutes: 30,
        createdByName: "Test",
      })
      .returning({ id: availability.id });
    if (!window) throw new Error("no window");
    const [booking] = await tx
      .insert(bookings)
      .values({
        availabilityId: window.id,
        associationId: account.associationId,
        dataControllerId: account.dataControllerId,
        initiativeId: account.initiativeId,
        participantId: account.participantId,
        startsAt,
        endsAt,
        status,
        bookedBy: "deltagare",
        cancelledAt: status === "avbokad" ? startsAt : null,
      })
      .returning({ id: bookings.id });
    if (!booking) throw new Error("no booking");
    return booking.id;
  });
}

/** Removes the fixture's course (for a test of a withdrawn or removed course). */
export async function withdrawCourse(db: Db, courseId: string): Promise<void> {
  await db
    .update(courses)
    .set({ withdrawnAt: new Date() })
    .where(inArray(courses.id, [courseId]));
}
