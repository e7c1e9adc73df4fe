// Registerutdrag: everything the register holds about one person, for the person themself
// (GDPR art. 15) — the identity decrypted, consents, enrollments with their codes in Swedish,
// erasures, the progression measurements (each item's Swedish text with the answer, and the
// scores computed from the answers by the instrument version's definition, progression/
// scoring.ts), the portal's data (the account's language, reminder channel and contact details,
// the action plan's steps and the bookings; src/portal), the courses they read with their quiz
// answers and Tyck till's receipts (that they answered or declined a check; the answers
// themselves carry no participant and cannot be found per person; src/portal/course-record.ts),
// and the access log about them (who read what, when). As JSON and as a PDF laid
// out by the app's document writers. Comparison-group measurements are anonymous and belong to
// no participant, so they are never part of anyone's export. The export is itself written to the access log (action
// export) in the same transaction, so it appears in the log it contains.
import { and, asc, eq, inArray } from "drizzle-orm";
import { memberOrganisations } from "../associations/schema.ts";
import { courseProgress, quizAnswers } from "../courses/schema.ts";
import type { Logo } from "../documents/image.ts";
import {
  type DocumentModel,
  type DocumentNode,
  dateLines,
  type Fact,
  lines,
  type TableModel,
} from "../documents/layout.ts";
import { renderPdf } from "../documents/pdf.ts";
import { evaluationReceipts } from "../evaluation/schema.ts";
import { initiativeLocalUnits, initiatives } from "../initiatives/schema.ts";
import type { Db } from "../platform/database/connect.ts";
import { NotFoundError } from "../platform/errors.ts";
import { formatDateTime, formatNumber } from "../platform/i18n/format.ts";
import { UUID } from "../platform/uuid.ts";
import {
  type CourseCatalogue,
  courseCatalogue,
  optionTexts,
  UNNAMED_CHAPTER,
  UNNAMED_QUESTION,
} from "../portal/course-record.ts";
import { PORTAL_LANGUAGE_NAMES } from "../portal/locales.ts";
import { availability, bookings, planSteps, portalAccounts } from "../portal/schema.ts";
import type { EntryMode, Occasion } from "../progression/model.ts";
import {
  measurements,
  progressionInstruments,
  progressionInstrumentVersions,
} from "../progression/schema.ts";
import { OCCASION_ORDER, scoreAnswers } from "../progression/scoring.ts";
import { ACCESS_ACTION_LABELS, accessFieldLabel, logAccess } from "./access-log.ts";
import {
  EDUCATION,
  EXIT_STATUS,
  EXTENT,
  GENDER,
  OCCUPATION_BEFORE,
  REFERRER,
  SUPPORT,
  TIME_ON_SUPPORT,
} from "./codes.ts";
import type { RegisterCrypto } from "./crypto.ts";
import { formatFull } from "./identity.ts";
import {
  associationNameIn,
  ERASURE_REASON_LABELS,
  type ErasureReason,
  type ExitData,
  IDENTITY_STATE_LABELS,
  type IdentityState,
  loggingDenied,
  normaliseBackground,
} from "./participants.ts";
import { accessLog, consents, enrollments, erasures, participants } from "./schema.ts";
import { actorOrganisation, actorRoleLabel, type RegisterActor } from "./scope.ts";
import { inRegister, type RegisterScope } from "./zone.ts";

export interface Coded {
  code: string;
  label: string;
}

export interface SubjectExport {
  format: "samspar-registerutdrag";
  version: 1;
  exportedAt: string;
  exportedBy: { name: string; organisation: string };
  association: { name: string };
  dataController: { id: string; name: string };
  participant: {
    id: string;
    personalNumber: string | null;
    identityKind: string | null;
    name: string | null;
    identityState: IdentityState;
    identityStateLabel: string;
    protectedIdentity: boolean;
    gender: Coded;
    birthYear: number | null;
    registeredAt: string;
    erasedAt: string | null;
  };
  consents: Array<{
    initiative: string;
    consentedOn: string;
    textVersion: string;
    language: string;
    recordedBy: string;
    withdrawnOn: string | null;
  }>;
  enrollments: Array<{
    id: string;
    initiative: string;
    localUnit: string | null;
    externalKey: string | null;
    startDate: string;
    actionPlanDate: string | null;
    municipalityCode: string | null;
    background: {
      education: Coded;
      supportBefore: Coded[];
      timeOnSupport: Coded;
      occupationBefore: Coded;
      referrer: Coded;
      bornAbroad: boolean | null;
      disability: boolean | null;
      newlyArrived: boolean | null;
    };
    endDate: string | null;
    exit: {
      status: Coded;
      studies: boolean;
      extent: Coded | null;
      supportAfter: Coded[];
      actionPlanAtExit: boolean | null;
    } | null;
    voided: boolean;
  }>;
  /** Progression measurements of the person's enrollments, in date order. */
  measurements: Array<{
    id: string;
    enrollmentId: string;
    initiative: string;
    instrument: { name: string; version: number; licence: string | null };
    occasion: Coded;
    measuredOn: string;
    mode: Coded;
    recordedBy: string;
    scale: { min: number; max: number; minLabel: string; maxLabel: string };
    /** How the total and the subscales are scored from the answers. */
    scoring: Coded;
    /** Every item of the instrument in its order; answer null: not answered. */
    items: Array<{ key: string; text: string; reverse: boolean; answer: number | null }>;
    scores: {
      /** null: too few items answered for a score. */
      total: number | null;
      subscales: Array<{ key: string; name: string; score: number | null }>;
    };
  }>;
  erasures: Array<{ reason: Coded; erasedAt: string; erasedBy: string }>;
  /** What the participant portal holds about the person (never the encrypted values). */
  portal: {
    account: {
      language: Coded;
      reminders: Coded;
      email: string | null;
      phone: string | null;
      createdAt: string;
      createdBy: string;
      closedAt: string | null;
    } | null;
    /** The action plan's steps, per enrollment in the plan's order. */
    planSteps: Array<{
      enrollmentId: string;
      initiative: string;
      position: number;
      title: string;
      details: string | null;
      dueOn: string | null;
      status: Coded;
      recordedBy: string;
      updatedAt: string;
    }>;
    /** Booked times, in time order. */
    bookings: Array<{
      initiative: string;
      kind: Coded;
      with: string;
      mode: Coded;
      place: string;
      startsAt: string;
      endsAt: string;
      status: Coded;
      bookedBy: Coded;
      cancelledAt: string | null;
    }>;
    /** The course chapters the person has opened, in the order they started them. */
    courses: Array<{
      initiative: string;
      course: string;
      chapter: string;
      /** "sida 2: Rubrik" — the page they saw last; null: none recorded. */
      lastPage: string | null;
      startedAt: string;
      completedAt: string | null;
    }>;
    /** The latest answer to each quiz question, in the order they were answered. */
    quizAnswers: Array<{
      initiative: string;
      course: string;
      chapter: string;
      question: string;
      answer: string;
      correct: boolean;
      result: string;
      tries: number;
      answeredAt: string;
    }>;
    /** Tyck till: that the person answered or declined a check — never what they answered. */
    evaluation: {
      note: string;
      receipts: Array<{
        initiative: string;
        context: Coded;
        /** The chapter id, the booking id or "slut". */
        key: string;
        about: string;
        outcome: Coded;
        on: string;
      }>;
    };
  };
  accessLog: Array<{
    at: string;
    person: string;
    role: string;
    organisation: string;
    action: Coded;
    fields: string[];
    outcome: string;
  }>;
}

export interface SubjectExportResult {
  json: SubjectExport;
  pdf: Buffer;
  /** ASCII file name without extension. */
  fileBaseName: string;
}

const NOT_FOUND =
  "Deltagaren finns inte i ditt deltagarregister, eller så har du inte behörighet att se hen.";

const coded = (entries: Record<string, string>, code: string): Coded => ({
  code,
  label: entries[code] ?? code,
});

const yesNo = (v: boolean | null) => (v === null ? "uppgift saknas" : v ? "ja" : "nej");

const OUTCOME_LABELS: Record<string, string> = { ok: "genomförd", denied: "nekad", error: "fel" };

const OCCASION_LABELS: Record<Occasion, string> = {
  nollpunkt: "nollpunkt (vid start)",
  uppfoljning: "uppföljning",
  avslut: "avslut",
};

const MODE_LABELS: Record<EntryMode, string> = {
  samtal: "i ett samtal",
  papper: "på en pappersblankett",
  deltagare: "deltagaren svarade själv",
};

const SCORING_LABELS: Record<string, string> = {
  medel: "medelvärdet av de besvarade frågorna",
  summa: "summan av frågorna (obesvarade frågor räknas som medelvärdet av de besvarade)",
};

const REMINDER_LABELS: Record<string, string> = {
  epost: "påminnelser med e-post",
  sms: "påminnelser med sms",
  ingen: "inga påminnelser",
};

const PLAN_STATUS_LABELS: Record<string, string> = {
  planerad: "planerat",
  pagar: "pågår",
  klar: "klart",
};

const BOOKING_KIND_LABELS: Record<string, string> = {
  studiecoach: "studiecoach",
  specialpedagog: "specialpedagog",
  kurator: "kurator",
  studieplats: "studieplats",
};

const MEETING_MODE_LABELS: Record<string, string> = {
  pa_plats: "på plats",
  video: "videomöte",
};

const BOOKING_STATUS_LABELS: Record<string, string> = {
  bokad: "bokad",
  avbokad: "avbokad",
  genomford: "genomförd",
  uteblev: "uteblev",
};

const BOOKED_BY_LABELS: Record<string, string> = {
  deltagare: "deltagaren själv i portalen",
  personal: "personalen",
};

const EVALUATION_CONTEXT_LABELS: Record<string, string> = {
  kapitel: "efter ett kapitel i en kurs",
  mote: "efter ett möte",
  slut: "slutenkäten",
};

const EVALUATION_OUTCOME_LABELS: Record<string, string> = {
  svarat: "svarade",
  avstod: "hoppade över (svarade inte)",
};

/** Why Tyck till's answers are not in the export (GDPR art. 15: say what cannot be given). */
export const EVALUATION_NOTE =
  "Dina svar i Tyck till sparas utan ditt namn och kan inte tas fram per person. Här står bara att du har svarat eller hoppat över en fråga, så att du inte får samma fråga igen.";

const NOT_ANSWERED = "inte besvarad";
const NO_SCORE = "för få svar";

/**
 * The export of one participant, as far as the scope reaches: the participant must have an
 * enrollment in one of the scope's initiatives, and the enrollments and consents of other
 * initiatives are included only if the scope covers them.
 */
export async function dataSubjectExport(
  db: Db,
  crypto: RegisterCrypto,
  actor: RegisterActor,
  scope: RegisterScope,
  participantId: string,
  options: { logo?: Logo; now?: Date } = {},
): Promise<SubjectExportResult> {
  return loggingDenied(db, actor, scope, "export", { participantId }, () =>
    inRegister(db, scope, async (tx) => {
      if (!UUID.test(participantId)) throw new NotFoundError(NOT_FOUND);
      const [p] = await tx.select().from(participants).where(eq(participants.id, participantId));
      if (!p) throw new NotFoundError(NOT_FOUND);
      const enrollmentRows = await tx
        .select()
        .from(enrollments)
        .where(eq(enrollments.participantId, p.id))
        .orderBy(asc(enrollments.startDate), asc(enrollments.createdAt));
      if (enrollmentRows.length === 0) throw new NotFoundError(NOT_FOUND);

      await logAccess(tx, actor, {
        associationId: p.associationId,
        dataControllerId: p.dataControllerId,
        participantId: p.id,
        action: "export",
        fields: [
          "identity",
          "name",
          "gender",
          "birthYear",
          "consent",
          "enrollment",
          "background",
          "exit",
          "erasures",
          "measurements",
          "portalAccount",
          "planSteps",
          "bookings",
          "courseProgress",
          "quizAnswers",
          "evaluationReceipts",
          "accessLog",
        ],
      });

      const consentRows = await tx
        .select()
        .from(consents)
        .where(eq(consents.participantId, p.id))
        .orderBy(asc(consents.consentedOn), asc(consents.createdAt));
      const erasureRows = await tx
        .select()
        .from(erasures)
        .where(eq(erasures.participantId, p.id))
        .orderBy(asc(erasures.erasedAt));
      // Comparison-group measurements (register.comparison_measurements) have no participant.
      const measurementRows = await tx
        .select({
          m: measurements,
          instrumentName: progressionInstruments.name,
          licence: progressionInstruments.licence,
          versionNumber: progressionInstrumentVersions.number,
          definition: progressionInstrumentVersions.definition,
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
        .where(eq(measurements.participantId, p.id))
        .orderBy(asc(measurements.measuredOn), asc(measurements.createdAt));
      measurementRows.sort(
        (a, b) =>
          a.m.measuredOn.localeCompare(b.m.measuredOn) ||
          OCCASION_ORDER[a.m.occasion] - OCCASION_ORDER[b.m.occasion] ||
          a.instrumentName.sv.localeCompare(b.instrumentName.sv, "sv") ||
          a.versionNumber - b.versionNumber,
      );
      const [account] = await tx
        .select()
        .from(portalAccounts)
        .where(eq(portalAccounts.participantId, p.id));
      const stepRows = await tx
        .select()
        .from(planSteps)
        .where(eq(planSteps.participantId, p.id))
        .orderBy(asc(planSteps.position), asc(planSteps.createdAt), asc(planSteps.id));
      const bookingRows = await tx
        .select({
          b: bookings,
          kind: availability.kind,
          title: availability.title,
          mode: availability.mode,
          place: availability.place,
        })
        .from(bookings)
        .innerJoin(availability, eq(availability.id, bookings.availabilityId))
        .where(eq(bookings.participantId, p.id))
        .orderBy(asc(bookings.startsAt), asc(bookings.createdAt));
      const progressRows = await tx
        .select()
        .from(courseProgress)
        .where(eq(courseProgress.participantId, p.id))
        .orderBy(asc(courseProgress.startedAt), asc(courseProgress.chapterId));
      const quizRows = await tx
        .select()
        .from(quizAnswers)
        .where(eq(quizAnswers.participantId, p.id))
        .orderBy(asc(quizAnswers.answeredAt), asc(quizAnswers.pageId));
      const receiptRows = await tx
        .select()
        .from(evaluationReceipts)
        .where(eq(evaluationReceipts.participantId, p.id))
        .orderBy(
          asc(evaluationReceipts.on),
          asc(evaluationReceipts.context),
          asc(evaluationReceipts.contextKey),
        );
      const logRows = await tx
        .select()
        .from(accessLog)
        .where(
          and(
            eq(accessLog.participantId, p.id),
            eq(accessLog.dataControllerId, p.dataControllerId),
          ),
        )
        .orderBy(asc(accessLog.at), asc(accessLog.id));
      const initiativeIds = [
        ...new Set([
          ...enrollmentRows.map((e) => e.initiativeId),
          ...consentRows.map((c) => c.initiativeId),
          ...measurementRows.map((r) => r.m.initiativeId),
          ...stepRows.map((r) => r.initiativeId),
          ...bookingRows.map((r) => r.b.initiativeId),
          ...progressRows.map((r) => r.initiativeId),
          ...quizRows.map((r) => r.initiativeId),
          ...receiptRows.map((r) => r.initiativeId),
        ]),
      ];
      const initiativeNames = new Map(
        (
          await tx
            .select({ id: initiatives.id, name: initiatives.name })
            .from(initiatives)
            .where(inArray(initiatives.id, initiativeIds))
        ).map((i) => [i.id, i.name]),
      );
      const unitNames = new Map(
        (
          await tx
            .select({ id: initiativeLocalUnits.id, name: initiativeLocalUnits.name })
            .from(initiativeLocalUnits)
            .where(inArray(initiativeLocalUnits.initiativeId, initiativeIds))
        ).map((u) => [u.id, u.name]),
      );
      const [controller] = await tx
        .select({ name: memberOrganisations.name })
        .from(memberOrganisations)
        .where(eq(memberOrganisations.id, p.dataControllerId));
      const associationName = await associationNameIn(tx, p.associationId);

      const state: IdentityState = p.identityCiphertext
        ? "lagrad"
        : p.protectedIdentity
          ? "skyddad"
          : p.erasedAt
            ? "raderad"
            : "anonym";
      const now = options.now ?? new Date();
      const initiativeOf = (id: string) => initiativeNames.get(id) ?? "";
      const meetings = new Map(bookingRows.map((r) => [r.b.id, r]));
      // The courses' names are published material (the association zone): read after this
      // transaction, by the ids found here.
      const build = (names: CourseCatalogue): SubjectExport => ({
        format: "samspar-registerutdrag",
        version: 1,
        exportedAt: now.toISOString(),
        exportedBy: {
          name: actor.name,
          organisation: actorOrganisation(actor, p.dataControllerId),
        },
        association: { name: associationName },
        dataController: { id: p.dataControllerId, name: controller?.name ?? "" },
        participant: {
          id: p.id,
          personalNumber: p.identityCiphertext
            ? formatFull(crypto.decrypt(p.identityCiphertext))
            : null,
          identityKind: p.identityKind ?? null,
          name: p.nameCiphertext ? crypto.decrypt(p.nameCiphertext) : null,
          identityState: state,
          identityStateLabel: IDENTITY_STATE_LABELS[state],
          protectedIdentity: p.protectedIdentity,
          gender: coded(GENDER, p.gender),
          birthYear: p.birthYear,
          registeredAt: p.createdAt.toISOString(),
          erasedAt: p.erasedAt ? p.erasedAt.toISOString() : null,
        },
        consents: consentRows.map((c) => ({
          initiative: initiativeNames.get(c.initiativeId) ?? "",
          consentedOn: c.consentedOn,
          textVersion: c.textVersion,
          language: c.language,
          recordedBy: c.recordedByName,
          withdrawnOn: c.withdrawnOn,
        })),
        enrollments: enrollmentRows.map((e) => {
          const b = normaliseBackground(e.background);
          const x = e.exit as unknown as ExitData | null;
          return {
            id: e.id,
            initiative: initiativeNames.get(e.initiativeId) ?? "",
            localUnit: e.localUnitId ? (unitNames.get(e.localUnitId) ?? null) : null,
            externalKey: e.externalKey,
            startDate: e.startDate,
            actionPlanDate: e.actionPlanDate,
            municipalityCode: e.municipalityCode,
            background: {
              education: coded(EDUCATION, b.education),
              supportBefore: b.supportBefore.map((s) => coded(SUPPORT, s)),
              timeOnSupport: coded(TIME_ON_SUPPORT, b.timeOnSupport),
              occupationBefore: coded(OCCUPATION_BEFORE, b.occupationBefore),
              referrer: coded(REFERRER, b.referrer),
              bornAbroad: b.bornAbroad,
              disability: b.disability,
              newlyArrived: b.newlyArrived,
            },
            endDate: e.endDate,
            exit: x
              ? {
                  status: coded(EXIT_STATUS, x.status),
                  studies: x.studies === true,
                  extent: x.extent ? coded(EXTENT, x.extent) : null,
                  supportAfter: (x.supportAfter ?? []).map((s) => coded(SUPPORT, s)),
                  actionPlanAtExit: x.actionPlanAtExit ?? null,
                }
              : null,
            voided: e.voided,
          };
        }),
        measurements: measurementRows.map(
          ({ m, instrumentName, licence, versionNumber, definition }) => {
            const scores = scoreAnswers(definition, m.answers);
            return {
              id: m.id,
              enrollmentId: m.enrollmentId,
              initiative: initiativeNames.get(m.initiativeId) ?? "",
              instrument: { name: instrumentName.sv, version: versionNumber, licence },
              occasion: coded(OCCASION_LABELS, m.occasion),
              measuredOn: m.measuredOn,
              mode: coded(MODE_LABELS, m.mode),
              recordedBy: m.recordedByName,
              scale: {
                min: definition.scale.min,
                max: definition.scale.max,
                minLabel: definition.scale.minLabel.sv,
                maxLabel: definition.scale.maxLabel.sv,
              },
              scoring: coded(SCORING_LABELS, definition.scoring.method),
              items: definition.items.map((i) => {
                const answer = m.answers[i.key];
                return {
                  key: i.key,
                  text: i.text.sv,
                  reverse: i.reverse,
                  answer: typeof answer === "number" ? answer : null,
                };
              }),
              scores: {
                total: scores.total,
                subscales: definition.subscales.map((s) => ({
                  key: s.key,
                  name: s.name.sv,
                  score: scores.subscales[s.key] ?? null,
                })),
              },
            };
          },
        ),
        erasures: erasureRows.map((r) => ({
          reason: { code: r.reason, label: ERASURE_REASON_LABELS[r.reason as ErasureReason] },
          erasedAt: r.erasedAt.toISOString(),
          erasedBy: r.erasedByName,
        })),
        portal: {
          account: account
            ? {
                language: {
                  code: account.locale,
                  label: PORTAL_LANGUAGE_NAMES[account.locale] ?? account.locale,
                },
                reminders: coded(REMINDER_LABELS, account.reminders),
                email: account.emailCiphertext ? crypto.decrypt(account.emailCiphertext) : null,
                phone: account.phoneCiphertext ? crypto.decrypt(account.phoneCiphertext) : null,
                createdAt: account.createdAt.toISOString(),
                createdBy: account.createdByName,
                closedAt: account.closedAt ? account.closedAt.toISOString() : null,
              }
            : null,
          planSteps: enrollmentRows.flatMap((e) =>
            stepRows
              .filter((s) => s.enrollmentId === e.id)
              .map((s, i) => ({
                enrollmentId: e.id,
                initiative: initiativeNames.get(s.initiativeId) ?? "",
                position: i + 1,
                title: s.title,
                details: s.details,
                dueOn: s.dueOn,
                status: coded(PLAN_STATUS_LABELS, s.status),
                recordedBy: s.recordedByName,
                updatedAt: s.updatedAt.toISOString(),
              })),
          ),
          bookings: bookingRows.map(({ b, kind, title, mode, place }) => ({
            initiative: initiativeNames.get(b.initiativeId) ?? "",
            kind: coded(BOOKING_KIND_LABELS, kind),
            with: title,
            mode: coded(MEETING_MODE_LABELS, mode),
            place,
            startsAt: b.startsAt.toISOString(),
            endsAt: b.endsAt.toISOString(),
            status: coded(BOOKING_STATUS_LABELS, b.status),
            bookedBy: coded(BOOKED_BY_LABELS, b.bookedBy),
            cancelledAt: b.cancelledAt ? b.cancelledAt.toISOString() : null,
          })),
          courses: progressRows.map((r) => {
            const page = r.lastPageId ? names.page(r.lastPageId) : null;
            const pageTitle = page?.page.texts.sv?.title;
            return {
              initiative: initiativeOf(r.initiativeId),
              course: names.course(r.courseId).sv,
              chapter: names.chapter(r.chapterId)?.title.sv ?? UNNAMED_CHAPTER,
              lastPage: page
                ? `sida ${page.number}${pageTitle ? `: ${pageTitle}` : ""}`
                : r.lastPageId
                  ? "en sida som inte längre finns"
                  : null,
              startedAt: r.startedAt.toISOString(),
              completedAt: r.completedAt ? r.completedAt.toISOString() : null,
            };
          }),
          quizAnswers: quizRows.map((r) => {
            const page = names.page(r.pageId)?.page;
            return {
              initiative: initiativeOf(r.initiativeId),
              course: names.course(r.courseId).sv,
              chapter: names.chapter(r.chapterId)?.title.sv ?? UNNAMED_CHAPTER,
              question: page?.texts.sv?.title ?? UNNAMED_QUESTION,
              answer: optionTexts(page, r.chosenOption).sv,
              correct: r.correct,
              result: r.correct ? "rätt" : "fel",
              tries: r.tries,
              answeredAt: r.answeredAt.toISOString(),
            };
          }),
          evaluation: {
            note: EVALUATION_NOTE,
            receipts: receiptRows.map((r) => ({
              initiative: initiativeOf(r.initiativeId),
              context: coded(EVALUATION_CONTEXT_LABELS, r.context),
              key: r.contextKey,
              about: receiptAbout(r.context, r.contextKey, names, meetings),
              outcome: coded(EVALUATION_OUTCOME_LABELS, r.outcome),
              on: r.on,
            })),
          },
        },
        accessLog: logRows.map((r) => ({
          at: r.at.toISOString(),
          person: r.actorName,
          role: actorRoleLabel(r.actorRole),
          organisation: r.actorOrganisation,
          action: { code: r.action, label: ACCESS_ACTION_LABELS[r.action] },
          fields: r.fields.map(accessFieldLabel),
          outcome: OUTCOME_LABELS[r.outcome] ?? r.outcome,
        })),
      });
      return {
        build,
        associationId: p.associationId,
        courseIds: [...progressRows, ...quizRows].map((r) => r.courseId),
        chapterIds: receiptRows.filter((r) => r.context === "kapitel").map((r) => r.contextKey),
      };
    }).then(async ({ build, associationId, courseIds, chapterIds }) => {
      const json = build(await courseCatalogue(db, associationId, courseIds, chapterIds));
      const model = subjectExportDocument(json);
      const pdf = await renderPdf(model, options.logo);
      return { json, pdf, fileBaseName: model.fileBaseName };
    }),
  );
}

/** What a Tyck till receipt was about, in Swedish: the chapter, the meeting or the exit survey. */
function receiptAbout(
  context: string,
  key: string,
  names: CourseCatalogue,
  meetings: Map<string, { b: { startsAt: Date }; title: string }>,
): string {
  if (context === "kapitel") {
    const chapter = names.chapter(key);
    if (!chapter) return UNNAMED_CHAPTER;
    return `kapitlet ${chapter.title.sv} i kursen ${names.course(chapter.courseId).sv}`;
  }
  if (context === "mote") {
    const meeting = meetings.get(key);
    return meeting
      ? `mötet med ${meeting.title} ${formatDateTime(meeting.b.startsAt.toISOString())}`
      : "ett möte";
  }
  return "hela din tid i insatsen";
}

/**
 * The export as a document: identity, consents, enrollments, progression measurements, erasures,
 * the participant portal (account, action plan, bookings, courses, quiz answers, Tyck till's
 * receipts) and the access log.
 */
export function subjectExportDocument(x: SubjectExport): DocumentModel {
  const title = "Registerutdrag";
  const p = x.participant;
  const who = p.name ?? p.personalNumber ?? "Deltagare utan lagrad identitet";
  const nodes: DocumentNode[] = [];
  const table = (columns: Array<[string, number]>, rows: string[][]): TableModel => ({
    columns: columns.map(([title, weight]) => ({ title, align: "left" as const, weight })),
    rows: rows.map((cells) => ({ cells })),
  });

  nodes.push({
    type: "note",
    text: `Det här är allt som ${x.dataController.name} har registrerat om dig i deltagarregistret för ${x.association.name}, och vem som har tagit del av uppgifterna. Identiteten lagras krypterad; statistikuppgifterna (kön, födelseår, bakgrund, utfall och progressionsmätningar) finns kvar även när identiteten raderas.`,
  });

  nodes.push({ type: "section", title: "1. Identitet" });
  nodes.push({
    type: "facts",
    facts: [
      { label: "Personnummer", lines: lines(p.personalNumber) },
      { label: "Namn", lines: lines(p.name) },
      { label: "Identitet", lines: [p.identityStateLabel] },
      { label: "Kön", lines: [p.gender.label] },
      { label: "Födelseår", lines: p.birthYear === null ? [] : [String(p.birthYear)] },
      { label: "Registrerad", lines: [formatDateTime(p.registeredAt)] },
      { label: "Identiteten raderad", lines: p.erasedAt ? [formatDateTime(p.erasedAt)] : [] },
    ],
  });

  nodes.push({ type: "section", title: "2. Samtycken" });
  if (x.consents.length === 0) nodes.push({ type: "note", text: "Inget samtycke är registrerat." });
  else
    nodes.push({
      type: "table",
      table: table(
        [
          ["Insats", 3],
          ["Lämnat", 2],
          ["Textversion", 2],
          ["Språk", 2],
          ["Registrerat av", 3],
          ["Återkallat", 2],
        ],
        x.consents.map((c) => [
          c.initiative,
          c.consentedOn,
          c.textVersion,
          c.language,
          c.recordedBy,
          c.withdrawnOn ?? "—",
        ]),
      ),
    });

  nodes.push({ type: "section", title: "3. Inskrivningar" });
  for (const e of x.enrollments) {
    nodes.push({ type: "heading", title: `${e.initiative} från ${e.startDate}` });
    const facts: Fact[] = [
      { label: "Delområde", lines: lines(e.localUnit) },
      { label: "Deltagar-id", lines: lines(e.externalKey) },
      { label: "Startdatum", lines: dateLines(e.startDate) },
      { label: "Handlingsplan", lines: dateLines(e.actionPlanDate) },
      { label: "Folkbokföringskommun", lines: lines(e.municipalityCode) },
      { label: "Högsta avslutade utbildning", lines: [e.background.education.label] },
      { label: "Försörjning före", lines: e.background.supportBefore.map((s) => s.label) },
      { label: "Tid med offentlig försörjning", lines: [e.background.timeOnSupport.label] },
      { label: "Sysselsättning före", lines: [e.background.occupationBefore.label] },
      { label: "Remitterande part", lines: [e.background.referrer.label] },
      { label: "Född utomlands", lines: [yesNo(e.background.bornAbroad)] },
      { label: "Funktionsnedsättning", lines: [yesNo(e.background.disability)] },
      { label: "Nyanländ", lines: [yesNo(e.background.newlyArrived)] },
      { label: "Slutdatum", lines: dateLines(e.endDate) },
    ];
    if (e.exit) {
      facts.push({ label: "Status vid avslut", lines: [e.exit.status.label] });
      if (e.exit.studies && e.exit.status.code !== "studier")
        facts.push({ label: "Studier", lines: ["ja"] });
      if (e.exit.extent) facts.push({ label: "Omfattning", lines: [e.exit.extent.label] });
      facts.push({ label: "Försörjning efter", lines: e.exit.supportAfter.map((s) => s.label) });
      facts.push({ label: "Handlingsplan vid avslut", lines: [yesNo(e.exit.actionPlanAtExit)] });
    }
    if (e.voided)
      facts.push({ label: "Felregistrering", lines: ["ja: inskrivningen räknas inte"] });
    nodes.push({ type: "facts", facts });
  }

  nodes.push({ type: "section", title: "4. Progressionsmätningar" });
  if (x.measurements.length === 0)
    nodes.push({ type: "note", text: "Inga progressionsmätningar är registrerade." });
  else
    nodes.push({
      type: "note",
      text: "Vid en progressionsmätning skattar du (eller personalen) hur det är för dig just då, på en skala. Poängen räknas av Samspår från svaren. En omvänt ställd fråga räknas vänd (lägsta + högsta − svaret), så att en hög poäng alltid betyder mer av det som mäts.",
    });
  for (const m of x.measurements) {
    const score = (n: number | null) => (n === null ? NO_SCORE : formatNumber(n));
    nodes.push({
      type: "heading",
      title: `${m.instrument.name}, version ${m.instrument.version}: ${m.occasion.label} ${m.measuredOn}`,
    });
    const facts: Fact[] = [
      { label: "Insats", lines: lines(m.initiative) },
      { label: "Tillfälle", lines: [m.occasion.label] },
      { label: "Datum", lines: dateLines(m.measuredOn) },
      { label: "Hur svaren kom in", lines: [m.mode.label] },
      { label: "Registrerad av", lines: lines(m.recordedBy) },
      {
        label: "Skala",
        lines: [`${m.scale.min} = ${m.scale.minLabel}`, `${m.scale.max} = ${m.scale.maxLabel}`],
      },
      { label: "Poängen är", lines: [m.scoring.label] },
      { label: "Totalpoäng", lines: [score(m.scores.total)] },
      ...m.scores.subscales.map((s) => ({ label: `Delskala: ${s.name}`, lines: [score(s.score)] })),
    ];
    if (m.instrument.licence) facts.push({ label: "Licens", lines: [m.instrument.licence] });
    nodes.push({ type: "facts", facts });
    nodes.push({
      type: "table",
      table: table(
        [
          ["Fråga", 8],
          ["Svar", 2],
        ],
        m.items.map((i) => [
          i.reverse ? `${i.text} (omvänt ställd)` : i.text,
          i.answer === null ? NOT_ANSWERED : String(i.answer),
        ]),
      ),
    });
  }

  nodes.push({ type: "section", title: "5. Raderade uppgifter" });
  if (x.erasures.length === 0) nodes.push({ type: "note", text: "Ingen identitet har raderats." });
  else
    nodes.push({
      type: "table",
      table: table(
        [
          ["Raderad", 2],
          ["Skäl", 3],
          ["Av", 3],
        ],
        x.erasures.map((r) => [formatDateTime(r.erasedAt), r.reason.label, r.erasedBy]),
      ),
    });

  nodes.push({ type: "section", title: "6. Deltagarportalen" });
  const a = x.portal.account;
  if (!a) nodes.push({ type: "note", text: "Du har inget konto i deltagarportalen." });
  else
    nodes.push({
      type: "facts",
      facts: [
        { label: "Språk", lines: [a.language.label] },
        { label: "Påminnelser", lines: [a.reminders.label] },
        { label: "E-post", lines: lines(a.email) },
        { label: "Mobilnummer", lines: lines(a.phone) },
        { label: "Kontot skapat", lines: [formatDateTime(a.createdAt)] },
        { label: "Skapat av", lines: lines(a.createdBy) },
        { label: "Kontot stängt", lines: a.closedAt ? [formatDateTime(a.closedAt)] : [] },
      ],
    });
  nodes.push({ type: "heading", title: "Handlingsplanens steg" });
  if (x.portal.planSteps.length === 0)
    nodes.push({ type: "note", text: "Handlingsplanen har inga steg." });
  else
    nodes.push({
      type: "table",
      table: table(
        [
          ["Insats", 3],
          ["Steg", 1],
          ["Vad", 6],
          ["Klart senast", 2],
          ["Status", 2],
          ["Skrivet av", 3],
        ],
        x.portal.planSteps.map((s) => [
          s.initiative,
          String(s.position),
          s.details ? `${s.title} – ${s.details}` : s.title,
          s.dueOn ?? "—",
          s.status.label,
          s.recordedBy,
        ]),
      ),
    });
  nodes.push({ type: "heading", title: "Bokningar" });
  if (x.portal.bookings.length === 0) nodes.push({ type: "note", text: "Inga bokningar." });
  else
    nodes.push({
      type: "table",
      table: table(
        [
          ["Tid", 3],
          ["Med", 3],
          ["Hur", 2],
          ["Plats", 4],
          ["Status", 2],
          ["Bokad av", 3],
        ],
        x.portal.bookings.map((b) => [
          formatDateTime(b.startsAt),
          `${b.with} (${b.kind.label})`,
          b.mode.label,
          b.place,
          b.status.label,
          b.bookedBy.label,
        ]),
      ),
    });
  nodes.push({ type: "heading", title: "Kurser" });
  if (x.portal.courses.length === 0)
    nodes.push({ type: "note", text: "Du har inte börjat läsa någon kurs." });
  else
    nodes.push({
      type: "table",
      table: table(
        [
          ["Kurs", 3],
          ["Kapitel", 4],
          ["Senast läst", 3],
          ["Började", 2],
          ["Klart", 2],
        ],
        x.portal.courses.map((c) => [
          c.course,
          c.chapter,
          c.lastPage ?? "—",
          formatDateTime(c.startedAt),
          c.completedAt ? formatDateTime(c.completedAt) : "inte klart",
        ]),
      ),
    });
  nodes.push({ type: "heading", title: "Svar på kursfrågor" });
  if (x.portal.quizAnswers.length === 0)
    nodes.push({ type: "note", text: "Du har inte svarat på någon kursfråga." });
  else
    nodes.push({
      type: "table",
      table: table(
        [
          ["Kapitel", 3],
          ["Fråga", 4],
          ["Ditt senaste svar", 4],
          ["Rätt eller fel", 2],
          ["Försök", 1],
          ["Svarat", 2],
        ],
        x.portal.quizAnswers.map((q) => [
          `${q.chapter} (${q.course})`,
          q.question,
          q.answer,
          q.result,
          String(q.tries),
          formatDateTime(q.answeredAt),
        ]),
      ),
    });
  nodes.push({ type: "heading", title: "Tyck till" });
  nodes.push({ type: "note", text: x.portal.evaluation.note });
  if (x.portal.evaluation.receipts.length === 0)
    nodes.push({
      type: "note",
      text: "Du har inte svarat på eller hoppat över någon fråga i Tyck till.",
    });
  else
    nodes.push({
      type: "table",
      table: table(
        [
          ["Datum", 2],
          ["När", 3],
          ["Om", 6],
          ["Vad du gjorde", 3],
        ],
        x.portal.evaluation.receipts.map((r) => [r.on, r.context.label, r.about, r.outcome.label]),
      ),
    });

  nodes.push({ type: "section", title: "7. Vem har tagit del av uppgifterna" });
  nodes.push({
    type: "table",
    table: table(
      [
        ["Tid", 2],
        ["Person", 3],
        ["Roll", 3],
        ["Organisation", 3],
        ["Händelse", 3],
        ["Uppgifter", 4],
      ],
      x.accessLog.map((r) => [
        formatDateTime(r.at),
        r.person,
        r.role,
        r.organisation,
        r.outcome === OUTCOME_LABELS.ok ? r.action.label : `${r.action.label} (${r.outcome})`,
        r.fields.join(", ") || "—",
      ]),
    ),
  });

  const day = x.exportedAt.slice(0, 10);
  return {
    associationName: x.association.name,
    headerNote: title,
    title,
    name: who,
    registration: [
      { label: "Personuppgiftsansvarig", lines: lines(x.dataController.name) },
      { label: "Utdrag skapat", lines: [formatDateTime(x.exportedAt)] },
      { label: "Skapat av", lines: [`${x.exportedBy.name}, ${x.exportedBy.organisation}`] },
    ],
    footer: `${title} · ${x.dataController.name}`,
    fileBaseName: `registerutdrag-${p.id.slice(0, 8)}-${day}`,
    keywords:
      "registerutdrag, deltagarregister, personuppgifter, progressionsmätningar, deltagarportal, samordningsförbund",
    description: `${title} ur deltagarregistret hos ${x.dataController.name}.`,
    nodes,
  };
}
