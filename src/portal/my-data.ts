// Mina uppgifter (issue 9; domain/portal.md): what the register and the portal hold about the
// signed-in participant, read in their own portal scope and filtered on their own participant
// id, with the identity masked ("19850312-XXXX"; the full number is in the download), and who has
// read or changed it (participantOwnLog: date, organisation and action — never a person's name),
// and the courses they read, their quiz answers and Tyck till's receipts, named in their
// language where the chapter is published in it (course-record.ts). Tyck till's answers carry
// no participant and are not here.
// The participant looking at their own record is not written to the access log (it lists who
// else has read it); the downloads are (action "export", src/register/subject-export.ts).
import { and, asc, eq, inArray } from "drizzle-orm";
import { memberOrganisations } from "../associations/schema.ts";
import { courseProgress, quizAnswers } from "../courses/schema.ts";
import { type EvaluationContext, evaluationReceipts } from "../evaluation/schema.ts";
import { initiatives } from "../initiatives/schema.ts";
import type { Db } from "../platform/database/connect.ts";
import type { Occasion, Texts } from "../progression/model.ts";
import {
  measurements,
  progressionInstruments,
  progressionInstrumentVersions,
} from "../progression/schema.ts";
import { type OwnLogEntry, participantOwnLog } from "../register/access-log.ts";
import {
  EDUCATION,
  EXIT_STATUS,
  OCCUPATION_BEFORE,
  REFERRER,
  SUPPORT,
  TIME_ON_SUPPORT,
} from "../register/codes.ts";
import type { RegisterCrypto } from "../register/crypto.ts";
import { formatMasked } from "../register/identity.ts";
import { associationNameIn, type ExitData, normaliseBackground } from "../register/participants.ts";
import { consents, enrollments, type Gender, participants } from "../register/schema.ts";
import { inRegister } from "../register/zone.ts";
import { type PortalAccount, participantActor, portalScope } from "./accounts.ts";
import {
  courseCatalogue,
  optionTexts,
  type PublishedTexts,
  publishedTexts,
  UNNAMED_CHAPTER,
  UNNAMED_QUESTION,
} from "./course-record.ts";
import type { PortalLocale } from "./locales.ts";
import {
  availability,
  type BookingStatus,
  bookings,
  type PlanStepStatus,
  planSteps,
  portalAccounts,
} from "./schema.ts";

export type IdentityShown = "lagrad" | "skyddad" | "raderad" | "anonym";

export interface MyData {
  association: string;
  /** The data controller: the member organisation that owns the initiative. */
  controller: string;
  participant: {
    identityState: IdentityShown;
    /** "19850312-XXXX" or null. */
    identity: string | null;
    name: string | null;
    gender: Gender;
    birthYear: number | null;
    registeredAt: string;
  };
  enrollments: Array<{
    id: string;
    initiative: string;
    organisation: string;
    startDate: string;
    endDate: string | null;
    /** The exit status in the register's Swedish words; null while the enrollment is open. */
    exit: string | null;
    /** The background codes' Swedish labels. */
    background: {
      education: string;
      supportBefore: string[];
      timeOnSupport: string;
      occupationBefore: string;
      referrer: string;
    };
  }>;
  consents: Array<{
    initiative: string;
    consentedOn: string;
    textVersion: string;
    withdrawnOn: string | null;
  }>;
  planSteps: Array<{
    initiative: string;
    title: string;
    status: PlanStepStatus;
    dueOn: string | null;
  }>;
  bookings: Array<{ startsAt: string; title: string; status: BookingStatus }>;
  measurements: Array<{ measuredOn: string; occasion: Occasion; instrument: Texts }>;
  /** The chapters the participant opened, in the order they started them. */
  courses: Array<{
    course: PublishedTexts;
    chapter: PublishedTexts;
    startedAt: string;
    completedAt: string | null;
  }>;
  /** The latest answer to each quiz question. */
  quizAnswers: Array<{
    chapter: PublishedTexts;
    question: PublishedTexts;
    answer: PublishedTexts;
    correct: boolean;
    answeredAt: string;
  }>;
  /** Tyck till: that they answered or skipped a check (never what they answered). */
  feedback: Array<{
    context: EvaluationContext;
    /** The chapter's title; a meeting's "with" in Swedish; null for the exit survey. */
    about: PublishedTexts | null;
    /** A meeting's time. */
    meetingAt: string | null;
    outcome: "svarat" | "avstod";
    on: string;
  }>;
  account: {
    locale: PortalLocale;
    reminders: "epost" | "sms" | "ingen";
    email: string | null;
    phone: string | null;
  } | null;
  /** Who read or changed the record, newest first. */
  log: Array<{ at: string; organisation: string; action: OwnLogEntry["action"]; self: boolean }>;
}

const label = (entries: Record<string, string>, code: string) => entries[code] ?? code;

/** Everything the page "Mina uppgifter" shows, for the signed-in participant only. */
export async function myData(
  db: Db,
  crypto: RegisterCrypto,
  account: PortalAccount,
): Promise<MyData> {
  const own = account.participantId;
  const initiativeIds = [...account.initiativeIds];
  const data = await inRegister(db, portalScope(account), async (tx) => {
    const [p] = await tx.select().from(participants).where(eq(participants.id, own));
    if (!p) throw new Error("the portal account's participant is not in its register scope");
    const [controller] = await tx
      .select({ name: memberOrganisations.name })
      .from(memberOrganisations)
      .where(eq(memberOrganisations.id, p.dataControllerId));
    const enrollmentRows = await tx
      .select({
        e: enrollments,
        initiative: initiatives.name,
        organisation: memberOrganisations.name,
      })
      .from(enrollments)
      .innerJoin(initiatives, eq(initiatives.id, enrollments.initiativeId))
      .innerJoin(memberOrganisations, eq(memberOrganisations.id, initiatives.ownerOrganisationId))
      .where(
        and(
          eq(enrollments.participantId, own),
          inArray(enrollments.initiativeId, initiativeIds),
          eq(enrollments.voided, false),
        ),
      )
      .orderBy(asc(enrollments.startDate), asc(enrollments.createdAt));
    const names = new Map(
      (
        await tx
          .select({ id: initiatives.id, name: initiatives.name })
          .from(initiatives)
          .where(inArray(initiatives.id, initiativeIds))
      ).map((i) => [i.id, i.name]),
    );
    const consentRows = await tx
      .select()
      .from(consents)
      .where(and(eq(consents.participantId, own), inArray(consents.initiativeId, initiativeIds)))
      .orderBy(asc(consents.consentedOn), asc(consents.createdAt));
    const stepRows = await tx
      .select()
      .from(planSteps)
      .where(and(eq(planSteps.participantId, own), inArray(planSteps.initiativeId, initiativeIds)))
      .orderBy(asc(planSteps.enrollmentId), asc(planSteps.position), asc(planSteps.createdAt));
    const bookingRows = await tx
      .select({ startsAt: bookings.startsAt, title: availability.title, status: bookings.status })
      .from(bookings)
      .innerJoin(availability, eq(availability.id, bookings.availabilityId))
      .where(and(eq(bookings.participantId, own), inArray(bookings.initiativeId, initiativeIds)))
      .orderBy(asc(bookings.startsAt));
    const measurementRows = await tx
      .select({
        measuredOn: measurements.measuredOn,
        occasion: measurements.occasion,
        instrument: progressionInstruments.name,
      })
      .from(measurements)
      .innerJoin(
        progressionInstrumentVersions,
        eq(progressionInstrumentVersions.id, measurements.instrumentVersionId),
      )
      .innerJoin(
        progressionInstruments,
        eq(progressionInstruments.id, progressionInstrumentVersions.instrumentId),
      )
      .where(
        and(eq(measurements.participantId, own), inArray(measurements.initiativeId, initiativeIds)),
      )
      .orderBy(asc(measurements.measuredOn));
    const progressRows = await tx
      .select()
      .from(courseProgress)
      .where(
        and(
          eq(courseProgress.participantId, own),
          inArray(courseProgress.initiativeId, initiativeIds),
        ),
      )
      .orderBy(asc(courseProgress.startedAt), asc(courseProgress.chapterId));
    const quizRows = await tx
      .select()
      .from(quizAnswers)
      .where(
        and(eq(quizAnswers.participantId, own), inArray(quizAnswers.initiativeId, initiativeIds)),
      )
      .orderBy(asc(quizAnswers.answeredAt), asc(quizAnswers.pageId));
    const receiptRows = await tx
      .select()
      .from(evaluationReceipts)
      .where(
        and(
          eq(evaluationReceipts.participantId, own),
          inArray(evaluationReceipts.initiativeId, initiativeIds),
        ),
      )
      .orderBy(asc(evaluationReceipts.on), asc(evaluationReceipts.context));
    const meetingIds = receiptRows.filter((r) => r.context === "mote").map((r) => r.contextKey);
    const meetingRows = meetingIds.length
      ? await tx
          .select({ id: bookings.id, startsAt: bookings.startsAt, title: availability.title })
          .from(bookings)
          .innerJoin(availability, eq(availability.id, bookings.availabilityId))
          .where(and(eq(bookings.participantId, own), inArray(bookings.id, meetingIds)))
      : [];
    const [portal] = await tx
      .select()
      .from(portalAccounts)
      .where(and(eq(portalAccounts.participantId, own), eq(portalAccounts.userId, account.userId)));
    const association = await associationNameIn(tx, p.associationId);

    const state: IdentityShown = p.identityCiphertext
      ? "lagrad"
      : p.protectedIdentity
        ? "skyddad"
        : p.erasedAt
          ? "raderad"
          : "anonym";
    return {
      association,
      controller: controller?.name ?? "",
      participant: {
        identityState: state,
        identity: p.identityCiphertext ? formatMasked(crypto.decrypt(p.identityCiphertext)) : null,
        name: p.nameCiphertext ? crypto.decrypt(p.nameCiphertext) : null,
        gender: p.gender,
        birthYear: p.birthYear,
        registeredAt: p.createdAt.toISOString(),
      },
      enrollments: enrollmentRows.map(({ e, initiative, organisation }) => {
        const b = normaliseBackground(e.background);
        const exit = e.exit as unknown as ExitData | null;
        return {
          id: e.id,
          initiative,
          organisation,
          startDate: e.startDate,
          endDate: e.endDate,
          exit: exit ? label(EXIT_STATUS, exit.status) : null,
          background: {
            education: label(EDUCATION, b.education),
            supportBefore: b.supportBefore.map((s) => label(SUPPORT, s)),
            timeOnSupport: label(TIME_ON_SUPPORT, b.timeOnSupport),
            occupationBefore: label(OCCUPATION_BEFORE, b.occupationBefore),
            referrer: label(REFERRER, b.referrer),
          },
        };
      }),
      consents: consentRows.map((c) => ({
        initiative: names.get(c.initiativeId) ?? "",
        consentedOn: c.consentedOn,
        textVersion: c.textVersion,
        withdrawnOn: c.withdrawnOn,
      })),
      planSteps: stepRows.map((s) => ({
        initiative: names.get(s.initiativeId) ?? "",
        title: s.title,
        status: s.status,
        dueOn: s.dueOn,
      })),
      bookings: bookingRows.map((b) => ({ ...b, startsAt: b.startsAt.toISOString() })),
      measurements: measurementRows,
      account: portal
        ? {
            locale: portal.locale,
            reminders: portal.reminders,
            email: portal.emailCiphertext ? crypto.decrypt(portal.emailCiphertext) : null,
            phone: portal.phoneCiphertext ? crypto.decrypt(portal.phoneCiphertext) : null,
          }
        : null,
      dataControllerId: p.dataControllerId,
      associationId: p.associationId,
      progressRows,
      quizRows,
      receiptRows,
      meetings: new Map(meetingRows.map((m) => [m.id, m])),
    };
  });
  // The names are published course material (the association zone), read by the ids found.
  const names = await courseCatalogue(
    db,
    data.associationId,
    [...data.progressRows, ...data.quizRows].map((r) => r.courseId),
    data.receiptRows.filter((r) => r.context === "kapitel").map((r) => r.contextKey),
  );
  const chapterName = (id: string) => names.chapter(id)?.title ?? { sv: UNNAMED_CHAPTER };
  const self = participantActor(account, null).organisation;
  const log = await participantOwnLog(db, {
    dataControllerId: data.dataControllerId,
    participantId: own,
  });
  const {
    dataControllerId: _,
    associationId: __,
    progressRows,
    quizRows,
    receiptRows,
    meetings,
    ...rest
  } = data;
  return {
    ...rest,
    courses: progressRows.map((r) => ({
      course: names.course(r.courseId),
      chapter: chapterName(r.chapterId),
      startedAt: r.startedAt.toISOString(),
      completedAt: r.completedAt ? r.completedAt.toISOString() : null,
    })),
    quizAnswers: quizRows.map((r) => {
      const page = names.page(r.pageId)?.page;
      return {
        chapter: chapterName(r.chapterId),
        question: page
          ? publishedTexts(page.texts, (text) => text.title, UNNAMED_QUESTION)
          : { sv: UNNAMED_QUESTION },
        answer: optionTexts(page, r.chosenOption),
        correct: r.correct,
        answeredAt: r.answeredAt.toISOString(),
      };
    }),
    feedback: receiptRows.map((r) => {
      const meeting = r.context === "mote" ? meetings.get(r.contextKey) : undefined;
      return {
        context: r.context,
        about:
          r.context === "kapitel"
            ? chapterName(r.contextKey)
            : meeting
              ? { sv: meeting.title }
              : null,
        meetingAt: meeting ? meeting.startsAt.toISOString() : null,
        outcome: r.outcome,
        on: r.on,
      };
    }),
    log: log
      .map((entry) => ({
        at: entry.at.toISOString(),
        organisation: entry.organisation,
        action: entry.action,
        self: entry.organisation === self,
      }))
      .reverse(),
  };
}
