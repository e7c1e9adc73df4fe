// The reporting side of an association as bundle sections (report-schema.ts): the reporting
// calendar, every report with every saved version, its comments and the reminders sent, and
// the steering groups. Organisations become org numbers, people stay names; user ids, goal ids
// (new in every instance) and the association's id are left out. The same data always gives
// the same sections: everything is sorted by what the document itself holds.
// The functions that turn a stored report or version into its bundle form are also what the
// import compares a file with (import-reports.ts).
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Queryable } from "../platform/database/connect.ts";
import { finalReportContentOf } from "../reports/final-report-content.ts";
import { STATUS_QUESTIONS } from "../reports/periodic-report-content.ts";
import {
  deviationReports,
  finalReports,
  meetingAttachments,
  meetingAttendance,
  periodicReports,
  type ReportKind,
  reportComments,
  reportingSettings,
  reportReminders,
  reportVersions,
  steeringGroupMeetings,
  steeringGroupMembers,
} from "../reports/schema.ts";
import type {
  BundleDeviationFields,
  BundleDeviationReport,
  BundleFinalContent,
  BundleFinalFields,
  BundleFinalReport,
  BundlePeriodicContent,
  BundlePeriodicFields,
  BundlePeriodicReport,
  BundleReportComment,
  BundleReportingSettings,
  BundleSteeringAnalysis,
  BundleSteeringGroup,
} from "./report-schema.ts";

type Raw = Record<string, unknown>;

const swedish = new Intl.Collator("sv");
/** Swedish order, ties broken by code units so the order never depends on the collator alone. */
export const compare = (a: string, b: string) =>
  swedish.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

const str = (v: unknown): string => (typeof v === "string" ? v : "");
const strOrNull = (v: unknown): string | null => (typeof v === "string" ? v : null);
const numOrNull = (v: unknown): number | null => (typeof v === "number" ? v : null);
const obj = (v: unknown): Raw =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Raw) : {};
const list = (v: unknown): Raw[] =>
  Array.isArray(v) ? v.filter((x): x is Raw => !!x && typeof x === "object") : [];
/** A time from a row (Date) or a snapshot (ISO text) as Samspår writes it. */
const instantOf = (v: unknown): string | null =>
  v instanceof Date
    ? v.toISOString()
    : typeof v === "string" && v
      ? new Date(v).toISOString()
      : null;

export type OrgNumberOf = (organisationId: string) => string;

// ------------------------------------------------------------------------------------------
// A stored report (its row, or a version's snapshot) in bundle form

export function periodicContentOf(raw: unknown): BundlePeriodicContent {
  const c = obj(raw);
  const answers = obj(c.answers);
  return {
    activities: str(c.activities),
    deviations: str(c.deviations),
    userParticipation: str(c.userParticipation),
    goals: list(c.goals).map((g) => ({
      goalText: str(g.goalText),
      assessment: strOrNull(g.assessment) as BundlePeriodicContent["goals"][number]["assessment"],
      comment: str(g.comment),
    })),
    goingWell: str(c.goingWell),
    goingLessWell: str(c.goingLessWell),
    successFactors: str(c.successFactors),
    systemFaults: str(c.systemFaults),
    measures: str(c.measures),
    answers: Object.fromEntries(
      STATUS_QUESTIONS.map((q) => {
        const a = obj(answers[q.key]);
        return [q.key, { answer: strOrNull(a.answer), comment: str(a.comment) }];
      }),
    ) as BundlePeriodicContent["answers"],
    reportedBy: str(c.reportedBy),
    reportedOn: strOrNull(c.reportedOn),
  };
}

export function steeringAnalysisOf(raw: unknown): BundleSteeringAnalysis {
  const s = obj(raw);
  return {
    goalFulfilment: str(s.goalFulfilment),
    budget: str(s.budget),
    deviations: str(s.deviations),
    implementationPlan: str(s.implementationPlan),
    writtenBy: str(s.writtenBy),
    writtenOn: strOrNull(s.writtenOn),
  };
}

export const periodicFieldsOf = (r: Raw): BundlePeriodicFields => ({
  periodKey: str(r.periodKey),
  periodStart: str(r.periodStart),
  periodEnd: str(r.periodEnd),
  dueDate: str(r.dueDate),
  content: periodicContentOf(r.content),
  steeringAnalysis: steeringAnalysisOf(r.steeringAnalysis),
  submittedAt: instantOf(r.submittedAt),
  arrivalDate: strOrNull(r.arrivalDate),
  registryNumber: strOrNull(r.registryNumber),
  receivedByInitials: strOrNull(r.receivedByInitials),
  lockedAt: instantOf(r.lockedAt),
});

export const deviationFieldsOf = (r: Raw): BundleDeviationFields => ({
  types: (Array.isArray(r.types) ? r.types : []) as BundleDeviationFields["types"],
  description: str(r.description),
  cause: str(r.cause),
  consequence: str(r.consequence),
  measures: str(r.measures),
  request: (strOrNull(r.request) ?? "ingen") as BundleDeviationFields["request"],
  requestedEndDate: strOrNull(r.requestedEndDate),
  requestedTargetGroup: strOrNull(r.requestedTargetGroup),
  requestedAmount: numOrNull(r.requestedAmount),
  submittedAt: instantOf(r.submittedAt),
  arrivalDate: strOrNull(r.arrivalDate),
  registryNumber: strOrNull(r.registryNumber),
  decisionBody: strOrNull(r.decisionBody) as BundleDeviationFields["decisionBody"],
  decisionDate: strOrNull(r.decisionDate),
  decisionMeeting: strOrNull(r.decisionMeeting),
  decisionParagraph: strOrNull(r.decisionParagraph),
  decisionMotivation: strOrNull(r.decisionMotivation),
});

export function finalContentOf(raw: unknown, orgNumberOf: OrgNumberOf): BundleFinalContent {
  const c = finalReportContentOf(obj(raw));
  return {
    initiativeName: c.initiativeName,
    application: c.applicationId,
    applicationRegistryNumber: c.applicationRegistryNumber,
    ownerName: c.ownerName,
    parties: c.parties.map((p) => ({
      organisation: orgNumberOf(p.organisationId),
      name: p.name,
      isOwner: p.isOwner,
    })),
    orientation: c.orientation,
    purpose: c.purpose,
    needDescribed: c.needDescribed,
    plannedStartDate: c.plannedStartDate,
    plannedEndDate: c.plannedEndDate,
    targetGroupDefined: c.targetGroupDefined,
    methodDefined: c.methodDefined,
    followUpPlanned: c.followUpPlanned,
    continuationPlanned: c.continuationPlanned,
    filledInOn: c.filledInOn || null,
    goals: c.goals.map((g) => ({
      text: g.text,
      kind: g.kind,
      targetNumber: g.targetNumber,
      targetPercent: g.targetPercent,
      achieved: g.achieved,
      outcome: g.outcome,
      figures: g.figures,
    })),
    equality: c.equality,
    changedNeed: c.changedNeed,
    actualStartDate: c.actualStartDate,
    actualEndDate: c.actualEndDate,
    timeChangeReason: c.timeChangeReason,
    targetGroupChange: c.targetGroupChange,
    participants: {
      feasibilityStudy: c.participants.feasibilityStudy,
      women: c.participants.women,
      men: c.participants.men,
      otherOrNotStated: c.participants.otherOrNotStated,
    },
    methodChange: c.methodChange,
    methodAsIntended: c.methodAsIntended,
    methodAsIntendedText: c.methodAsIntendedText,
    followUp: c.followUp,
    continuation: c.continuation,
    returnedFunds: {
      returned: c.returnedFunds.returned,
      amount: c.returnedFunds.amount,
      reason: c.returnedFunds.reason,
      consequences: c.returnedFunds.consequences,
    },
    lessons: c.lessons.map((l) => ({ organisation: orgNumberOf(l.organisationId), text: l.text })),
    signatures: c.signatures.map((s) => ({
      organisation: orgNumberOf(s.organisationId),
      signerName: s.signerName,
      signedOn: s.signedOn,
    })),
  };
}

export const finalFieldsOf = (r: Raw, orgNumberOf: OrgNumberOf): BundleFinalFields => ({
  content: finalContentOf(r.content, orgNumberOf),
  submittedAt: instantOf(r.submittedAt),
  arrivalDate: strOrNull(r.arrivalDate),
  registryNumber: strOrNull(r.registryNumber),
  lockedAt: instantOf(r.lockedAt),
});

/** A report's fields of its kind, from its row or a version's snapshot. */
export function reportFieldsOf(kind: ReportKind, r: Raw, orgNumberOf: OrgNumberOf) {
  switch (kind) {
    case "periodic":
      return periodicFieldsOf(r);
    case "deviation":
      return deviationFieldsOf(r);
    case "final":
      return finalFieldsOf(r, orgNumberOf);
  }
}

type VersionRow = typeof reportVersions.$inferSelect;

/** A stored version as the bundle holds it. */
export const versionOf = (kind: ReportKind, v: VersionRow, orgNumberOf: OrgNumberOf) => ({
  version: v.version,
  status: v.status,
  event: v.event,
  note: v.note,
  actorName: v.actorName,
  createdAt: v.createdAt.toISOString(),
  snapshot: reportFieldsOf(kind, v.snapshot, orgNumberOf),
});

type CommentRow = typeof reportComments.$inferSelect;

export const commentOf = (c: CommentRow): BundleReportComment => ({
  field: c.field,
  authorName: c.authorName,
  text: c.text,
  createdAt: c.createdAt.toISOString(),
});

const byComment = (a: BundleReportComment, b: BundleReportComment) =>
  compare(a.createdAt, b.createdAt) ||
  compare(a.field ?? "", b.field ?? "") ||
  compare(a.authorName, b.authorName) ||
  compare(a.text, b.text);

// ------------------------------------------------------------------------------------------
// The sections

export interface ReportingSections {
  reportingSettings: BundleReportingSettings;
  periodicReports: BundlePeriodicReport[];
  deviationReports: BundleDeviationReport[];
  finalReports: BundleFinalReport[];
  steeringGroups: BundleSteeringGroup[];
}

/**
 * The association's reporting side. `initiativeRank` gives each initiative's place in the
 * bundle's (sorted) list of initiatives, so that reports and groups follow the same order.
 */
export async function exportReporting(
  q: Queryable,
  associationId: string,
  orgNumberOf: OrgNumberOf,
  initiativeRank: ReadonlyMap<string, number>,
): Promise<ReportingSections> {
  const rank = (initiativeId: string) => initiativeRank.get(initiativeId) ?? initiativeRank.size;

  const [settings] = await q
    .select()
    .from(reportingSettings)
    .where(eq(reportingSettings.associationId, associationId));

  // one query after another: q may be a transaction, which runs one query at a time
  const periodic = await q
    .select()
    .from(periodicReports)
    .where(eq(periodicReports.associationId, associationId));
  const deviation = await q
    .select()
    .from(deviationReports)
    .where(eq(deviationReports.associationId, associationId));
  const final = await q
    .select()
    .from(finalReports)
    .where(eq(finalReports.associationId, associationId));

  const historyOf = async (kind: ReportKind, ids: string[]) => {
    if (!ids.length) return { versions: [] as VersionRow[], comments: [] as CommentRow[] };
    const versions = await q
      .select()
      .from(reportVersions)
      .where(and(eq(reportVersions.kind, kind), inArray(reportVersions.reportId, ids)))
      .orderBy(asc(reportVersions.version));
    const comments = await q
      .select()
      .from(reportComments)
      .where(and(eq(reportComments.kind, kind), inArray(reportComments.reportId, ids)));
    return { versions, comments };
  };
  const of = <T extends { reportId: string }>(rows: T[], id: string) =>
    rows.filter((r) => r.reportId === id);

  const periodicHistory = await historyOf(
    "periodic",
    periodic.map((r) => r.id),
  );
  const reminders = periodic.length
    ? await q
        .select()
        .from(reportReminders)
        .where(
          inArray(
            reportReminders.reportId,
            periodic.map((r) => r.id),
          ),
        )
    : [];
  const periodicList = periodic
    .map(
      (r): BundlePeriodicReport => ({
        key: r.id,
        initiative: r.initiativeId,
        status: r.status,
        ...periodicFieldsOf(r),
        versions: of(periodicHistory.versions, r.id).map(
          (v) => versionOf("periodic", v, orgNumberOf) as BundlePeriodicReport["versions"][number],
        ),
        comments: of(periodicHistory.comments, r.id).map(commentOf).sort(byComment),
        reminders: of(reminders, r.id)
          .map((m) => ({ kind: m.kind, sentAt: m.sentAt.toISOString(), recipients: m.recipients }))
          .sort((a, b) => compare(a.sentAt, b.sentAt) || compare(a.kind, b.kind)),
      }),
    )
    .sort(
      (a, b) =>
        rank(a.initiative) - rank(b.initiative) ||
        compare(a.periodStart, b.periodStart) ||
        compare(a.periodKey, b.periodKey) ||
        compare(a.key, b.key),
    );

  const deviationHistory = await historyOf(
    "deviation",
    deviation.map((r) => r.id),
  );
  const deviationList = deviation
    .map(
      (r): BundleDeviationReport => ({
        key: r.id,
        initiative: r.initiativeId,
        status: r.status,
        ...deviationFieldsOf(r),
        versions: of(deviationHistory.versions, r.id).map(
          (v) =>
            versionOf("deviation", v, orgNumberOf) as BundleDeviationReport["versions"][number],
        ),
        comments: of(deviationHistory.comments, r.id).map(commentOf).sort(byComment),
      }),
    )
    .sort(
      (a, b) =>
        rank(a.initiative) - rank(b.initiative) ||
        compare(a.versions[0]?.createdAt ?? "", b.versions[0]?.createdAt ?? "") ||
        compare(a.key, b.key),
    );

  const finalHistory = await historyOf(
    "final",
    final.map((r) => r.id),
  );
  const finalList = final
    .map(
      (r): BundleFinalReport => ({
        key: r.id,
        initiative: r.initiativeId,
        status: r.status,
        ...finalFieldsOf(r, orgNumberOf),
        versions: of(finalHistory.versions, r.id).map(
          (v) => versionOf("final", v, orgNumberOf) as BundleFinalReport["versions"][number],
        ),
        comments: of(finalHistory.comments, r.id).map(commentOf).sort(byComment),
      }),
    )
    .sort((a, b) => rank(a.initiative) - rank(b.initiative) || compare(a.key, b.key));

  return {
    reportingSettings: settings
      ? {
          cadence: settings.cadence,
          dueMonthsAfter: settings.dueMonthsAfter,
          remindDaysBefore: settings.remindDaysBefore,
          followUpPeriods: settings.followUpPeriods,
          reportsFrom: settings.reportsFrom,
        }
      : null,
    periodicReports: periodicList,
    deviationReports: deviationList,
    finalReports: finalList,
    steeringGroups: await exportSteeringGroups(q, [...initiativeRank.keys()], orgNumberOf, rank),
  };
}

async function exportSteeringGroups(
  q: Queryable,
  initiativeIds: string[],
  orgNumberOf: OrgNumberOf,
  rank: (initiativeId: string) => number,
): Promise<BundleSteeringGroup[]> {
  if (!initiativeIds.length) return [];
  const members = await q
    .select()
    .from(steeringGroupMembers)
    .where(inArray(steeringGroupMembers.initiativeId, initiativeIds));
  const meetings = await q
    .select()
    .from(steeringGroupMeetings)
    .where(inArray(steeringGroupMeetings.initiativeId, initiativeIds));
  const meetingIds = meetings.map((m) => m.id);
  const attendance = meetingIds.length
    ? await q
        .select()
        .from(meetingAttendance)
        .where(inArray(meetingAttendance.meetingId, meetingIds))
    : [];
  const attachments = meetingIds.length
    ? await q
        .select()
        .from(meetingAttachments)
        .where(inArray(meetingAttachments.meetingId, meetingIds))
    : [];

  const groups = [
    ...new Set([...members.map((m) => m.initiativeId), ...meetings.map((m) => m.initiativeId)]),
  ];
  return groups
    .map(
      (initiativeId): BundleSteeringGroup => ({
        initiative: initiativeId,
        members: members
          .filter((m) => m.initiativeId === initiativeId)
          .map((m) => ({
            key: m.id,
            organisation: orgNumberOf(m.organisationId),
            name: m.name,
            email: m.email,
            title: m.title,
            membership: m.membership,
            fromDate: m.fromDate,
            toDate: m.toDate,
          }))
          .sort(
            (a, b) =>
              compare(a.organisation, b.organisation) ||
              // ordinary members before deputies, as the steering group's page lists them
              (a.membership === b.membership ? 0 : a.membership === "ordinarie" ? -1 : 1) ||
              compare(a.fromDate, b.fromDate) ||
              compare(a.name, b.name) ||
              compare(a.key, b.key),
          ),
        meetings: meetings
          .filter((m) => m.initiativeId === initiativeId)
          .map((m) => ({
            key: m.id,
            meetingDate: m.meetingDate,
            held: m.held,
            agenda: m.agenda,
            decisions: m.decisions,
            attendance: attendance
              .filter((a) => a.meetingId === m.id)
              .map((a) => ({ member: a.memberId, present: a.present }))
              .sort((a, b) => compare(a.member, b.member)),
            attachments: attachments
              .filter((a) => a.meetingId === m.id)
              .map((a) => ({
                key: a.id,
                fileName: a.fileName,
                mediaType: a.mediaType,
                sizeBytes: a.sizeBytes,
                sha256: a.sha256,
                uploadedAt: a.uploadedAt.toISOString(),
                dataBase64: Buffer.from(a.data).toString("base64"),
              }))
              .sort(
                (a, b) =>
                  compare(a.uploadedAt, b.uploadedAt) ||
                  compare(a.fileName, b.fileName) ||
                  compare(a.key, b.key),
              ),
          }))
          .sort((a, b) => compare(a.meetingDate, b.meetingDate) || compare(a.key, b.key)),
      }),
    )
    .sort((a, b) => rank(a.initiative) - rank(b.initiative) || compare(a.initiative, b.initiative));
}
