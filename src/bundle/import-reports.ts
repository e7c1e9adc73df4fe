// Reads the reporting side of a bundle (report-schema.ts) into the instance, inside the bundle
// import's transaction, after the register and the applications: the reporting calendar, the
// steering groups (members, meetings, attendance, documents) and the three kinds of report.
// Everything is checked first and every problem named at its place in the file; then written.
// A report's history is append-only here as in the app: a new report is written with every
// version as it was (its time, its author's name), a stored one is only brought forward by the
// versions that follow its own, and a file whose history differs is refused. Comments and
// reminders are added, never removed. A locked report is never changed. People come by name
// only: the versions, comments and documents written here point at no account.
import { isDeepStrictEqual } from "node:util";
import { and, asc, eq, inArray } from "drizzle-orm";
import { applications } from "../applications/schema.ts";
import { todayInSweden } from "../applications/workflow.ts";
import { memberOrganisations } from "../associations/schema.ts";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import { initiatives } from "../initiatives/schema.ts";
import { emailProblem, normaliseEmail } from "../people/validate.ts";
import type { Tx } from "../platform/database/connect.ts";
import { ValidationError } from "../platform/errors.ts";
import { periodContaining, saveReportingSettings } from "../reports/calendar.ts";
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
import { FUTURE_MEETING_HELD } from "../reports/steering-groups.ts";
import type { Bundle } from "./bundle-schema.ts";
import { type OrgNumberOf, reportFieldsOf, versionOf } from "./export-reports.ts";
import type { ImportCounts, ImportOutcome } from "./import-bundle.ts";
import type {
  BundleDeviationFields,
  BundleFinalContent,
  BundleFinalFields,
  BundlePeriodicContent,
  BundlePeriodicFields,
  BundleReportComment,
  BundleReportingSettings,
} from "./report-schema.ts";

type Raw = Record<string, unknown>;

export interface ReportingResult {
  /** "absent": the file has none (the association's own calendar is left as it is). */
  reportingSettings: ImportOutcome | "absent";
  periodicReports: ImportCounts;
  deviationReports: ImportCounts;
  finalReports: ImportCounts;
  steeringGroupMembers: ImportCounts;
  steeringGroupMeetings: ImportCounts;
  meetingAttachments: ImportCounts;
}

const counts = (): ImportCounts => ({ created: 0, updated: 0, unchanged: 0 });

const KIND_PREFIX = {
  periodic: "periodic_report",
  deviation: "deviation_report",
  final: "final_report",
} as const satisfies Record<ReportKind, string>;

const KIND_NAME: Record<ReportKind | "application", string> = {
  application: "en ansökan",
  periodic: "en periodisk rapport",
  deviation: "en avvikelserapport",
  final: "en slutrapport",
};

/** The columns that name a user; an imported report points at no account. */
const USER_COLUMNS: Record<ReportKind, string[]> = {
  periodic: ["lockedBy"],
  deviation: ["decidedBy", "createdBy"],
  final: [],
};

const unknownOrg = (n: string) =>
  `Organisationsnumret ${n} finns inte bland förbundets medlemsorganisationer.`;
const missingInitiative =
  "Insatsen finns varken i filen (initiatives) eller i förbundet. Lägg till insatsen i initiatives.";

/** Problems by their place in the file, each message beginning with its place. */
export class Problems {
  readonly fields: Record<string, string> = {};
  at(where: string, about: string) {
    return (field: string, message: string) => {
      const path = field ? `${where}.${field}` : where;
      this.fields[path] ??= `${path}${about}: ${message}`;
    };
  }
  throwIfAny() {
    if (Object.keys(this.fields).length) throw new ValidationError(this.fields);
  }
}

export type Add = (field: string, message: string) => void;

const dateOrNull = (iso: string | null) => (iso ? new Date(iso) : null);

/** The diarienummer the file's reports hold, for the registry counters. */
export const reportRegistryNumbers = (bundle: Bundle): string[] =>
  [...bundle.periodicReports, ...bundle.deviationReports, ...bundle.finalReports].flatMap((r) =>
    r.registryNumber ? [r.registryNumber] : [],
  );

// ------------------------------------------------------------------------------------------
// The bundle's form turned into what the database holds

const periodicContentToStore = (c: BundlePeriodicContent) => ({
  ...c,
  goals: c.goals.map((g) => ({
    goalId: null,
    goalText: g.goalText,
    assessment: g.assessment,
    comment: g.comment,
  })),
});

function finalContentToStore(c: BundleFinalContent, orgId: (n: string) => string) {
  const { application, parties, goals, lessons, signatures, filledInOn, ...rest } = c;
  return {
    ...rest,
    applicationId: application,
    filledInOn: filledInOn ?? "",
    parties: parties.map((p) => ({
      organisationId: orgId(p.organisation),
      name: p.name,
      isOwner: p.isOwner,
    })),
    goals: goals.map((g) => ({ goalId: null, ...g })),
    lessons: lessons.map((l) => ({ organisationId: orgId(l.organisation), text: l.text })),
    signatures: signatures.map((s) => ({
      organisationId: orgId(s.organisation),
      signerName: s.signerName,
      signedOn: s.signedOn,
    })),
  };
}

/** A report's columns (without its id, association, initiative, status and version). */
function rowOf(kind: ReportKind, fields: Raw, orgId: (n: string) => string): Raw {
  switch (kind) {
    case "periodic": {
      const f = fields as BundlePeriodicFields;
      return {
        periodKey: f.periodKey,
        periodStart: f.periodStart,
        periodEnd: f.periodEnd,
        dueDate: f.dueDate,
        content: periodicContentToStore(f.content),
        steeringAnalysis: { ...f.steeringAnalysis },
        submittedAt: dateOrNull(f.submittedAt),
        arrivalDate: f.arrivalDate,
        registryNumber: f.registryNumber,
        receivedByInitials: f.receivedByInitials,
        lockedAt: dateOrNull(f.lockedAt),
      };
    }
    case "deviation": {
      const f = fields as BundleDeviationFields;
      return { ...f, submittedAt: dateOrNull(f.submittedAt) };
    }
    case "final": {
      const f = fields as BundleFinalFields;
      return {
        content: finalContentToStore(f.content, orgId),
        submittedAt: dateOrNull(f.submittedAt),
        arrivalDate: f.arrivalDate,
        registryNumber: f.registryNumber,
        lockedAt: dateOrNull(f.lockedAt),
      };
    }
  }
}

const userColumnsNull = (kind: ReportKind) =>
  Object.fromEntries(USER_COLUMNS[kind].map((c) => [c, null]));

// ------------------------------------------------------------------------------------------
// Plans: what the checks found to write

interface BundleVersion {
  version: number;
  status: string;
  event: string;
  note: string | null;
  actorName: string;
  createdAt: string;
  snapshot: Raw;
}

interface BundleReport {
  key: string;
  initiative: string;
  status: string;
  versions: BundleVersion[];
  comments: BundleReportComment[];
  reminders?: Array<{ kind: string; sentAt: string; recipients: number }>;
  registryNumber: string | null;
}

interface ReportPlan {
  kind: ReportKind;
  id: string;
  initiativeId: string;
  status: string;
  exists: boolean;
  row: Raw;
  firstCreatedAt: Date;
  lastCreatedAt: Date;
  lastVersion: number;
  versions: Array<typeof reportVersions.$inferInsert>;
  comments: Array<typeof reportComments.$inferInsert>;
  reminders: Array<typeof reportReminders.$inferInsert>;
  versionCount: number;
  details: Record<string, unknown>;
}

interface MemberPlan {
  id: string;
  initiativeId: string;
  values: {
    organisationId: string;
    name: string;
    email: string;
    title: string;
    membership: "ordinarie" | "ersattare";
    fromDate: string;
    toDate: string | null;
  };
  stored: typeof steeringGroupMembers.$inferSelect | undefined;
}

interface MeetingPlan {
  id: string;
  initiativeId: string;
  values: { meetingDate: string; held: boolean; agenda: string; decisions: string };
  attendance: Array<{ memberId: string; present: boolean }>;
  stored: typeof steeringGroupMeetings.$inferSelect | undefined;
  storedAttendance: Array<{ memberId: string; present: boolean }>;
  attachments: Array<{
    id: string;
    fileName: string;
    mediaType: string;
    sizeBytes: number;
    sha256: string;
    uploadedAt: Date;
    data: Buffer;
    exists: boolean;
  }>;
}

/** The fields of a report in the file, without its key, initiative, status and history. */
function fieldsOfItem(item: Raw): Raw {
  const {
    key: _k,
    initiative: _i,
    status: _s,
    versions: _v,
    comments: _c,
    reminders: _r,
    ...fields
  } = item;
  return fields;
}

const commentKey = (c: {
  createdAt: Date;
  authorName: string;
  text: string;
  field: string | null;
}) => JSON.stringify([c.createdAt.getTime(), c.authorName, c.text, c.field]);

// ------------------------------------------------------------------------------------------
// Reading the stored rows

type StoredReport = Raw & {
  id: string;
  associationId: string;
  initiativeId: string;
  status: string;
};

async function storedReports(tx: Tx, kind: ReportKind, ids: string[]): Promise<StoredReport[]> {
  if (!ids.length) return [];
  switch (kind) {
    case "periodic":
      return tx
        .select()
        .from(periodicReports)
        .where(inArray(periodicReports.id, ids))
        .for("update");
    case "deviation":
      return tx
        .select()
        .from(deviationReports)
        .where(inArray(deviationReports.id, ids))
        .for("update");
    case "final":
      return tx.select().from(finalReports).where(inArray(finalReports.id, ids)).for("update");
  }
}

async function insertReport(tx: Tx, kind: ReportKind, values: Raw) {
  switch (kind) {
    case "periodic":
      await tx.insert(periodicReports).values(values as typeof periodicReports.$inferInsert);
      return;
    case "deviation":
      await tx.insert(deviationReports).values(values as typeof deviationReports.$inferInsert);
      return;
    case "final":
      await tx.insert(finalReports).values(values as typeof finalReports.$inferInsert);
      return;
  }
}

async function updateReport(tx: Tx, kind: ReportKind, id: string, values: Raw) {
  switch (kind) {
    case "periodic":
      await tx
        .update(periodicReports)
        .set(values as Partial<typeof periodicReports.$inferInsert>)
        .where(eq(periodicReports.id, id));
      return;
    case "deviation":
      await tx
        .update(deviationReports)
        .set(values as Partial<typeof deviationReports.$inferInsert>)
        .where(eq(deviationReports.id, id));
      return;
    case "final":
      await tx
        .update(finalReports)
        .set(values as Partial<typeof finalReports.$inferInsert>)
        .where(eq(finalReports.id, id));
      return;
  }
}

// ------------------------------------------------------------------------------------------
// Checking

interface Context {
  associationId: string;
  orgId: Map<string, string>;
  orgNumberOf: OrgNumberOf;
  initiativeById: Map<string, { associationId: string; name: string }>;
  applicationById: Map<string, { associationId: string; initiativeId: string }>;
}

async function contextOf(tx: Tx, associationId: string, bundle: Bundle): Promise<Context> {
  const orgs = await tx
    .select({ id: memberOrganisations.id, orgNumber: memberOrganisations.orgNumber })
    .from(memberOrganisations)
    .where(eq(memberOrganisations.associationId, associationId));
  const orgNumberById = new Map(orgs.map((o) => [o.id, o.orgNumber]));
  const initiativeKeys = [
    ...new Set(
      [
        ...bundle.periodicReports,
        ...bundle.deviationReports,
        ...bundle.finalReports,
        ...bundle.steeringGroups,
      ].map((x) => x.initiative),
    ),
  ];
  const initiativeRows = initiativeKeys.length
    ? await tx
        .select({
          id: initiatives.id,
          associationId: initiatives.associationId,
          name: initiatives.name,
        })
        .from(initiatives)
        .where(inArray(initiatives.id, initiativeKeys))
    : [];
  const applicationKeys = [
    ...new Set(
      bundle.finalReports.flatMap((r) =>
        [r.content, ...r.versions.map((v) => v.snapshot.content)].flatMap((c) =>
          c.application ? [c.application] : [],
        ),
      ),
    ),
  ];
  const applicationRows = applicationKeys.length
    ? await tx
        .select({
          id: applications.id,
          associationId: applications.associationId,
          initiativeId: applications.initiativeId,
        })
        .from(applications)
        .where(inArray(applications.id, applicationKeys))
    : [];
  return {
    associationId,
    orgId: new Map(orgs.map((o) => [o.orgNumber, o.id])),
    orgNumberOf: (id) => {
      const n = orgNumberById.get(id);
      if (!n) throw new Error(`organisation ${id} is not a member of the association`);
      return n;
    },
    initiativeById: new Map(initiativeRows.map((r) => [r.id, r])),
    applicationById: new Map(applicationRows.map((r) => [r.id, r])),
  };
}

function checkInitiative(ctx: Context, initiative: string, add: Add) {
  const row = ctx.initiativeById.get(initiative);
  if (!row) add("initiative", missingInitiative);
  else if (row.associationId !== ctx.associationId)
    add("initiative", "Insatsen hör till ett annat förbund.");
}

const initiativeName = (ctx: Context, initiative: string) =>
  ctx.initiativeById.get(initiative)?.name ?? initiative;

const SUBMITTED = new Set(["inskickad", "aterskickad", "last", "godkand", "avslagen"]);

/** The rules of each kind's workflow, as the database and the app hold them. */
function periodicRules(item: Bundle["periodicReports"][number], add: Add) {
  const match = /^(\d{4})-([KT])(\d)$/.exec(item.periodKey);
  if (match) {
    const cadence = match[2] === "K" ? "quarter" : "tertial";
    const firstMonth = (Number(match[3]) - 1) * (cadence === "quarter" ? 3 : 4) + 1;
    const period = periodContaining(
      cadence,
      `${match[1]}-${String(firstMonth).padStart(2, "0")}-01`,
    );
    if (period.start !== item.periodStart || period.end !== item.periodEnd)
      add(
        "periodStart",
        `Perioden ${item.periodKey} går från ${period.start} till ${period.end}. Ange de datumen i periodStart och periodEnd.`,
      );
  }
  if (item.dueDate < item.periodEnd)
    add("dueDate", `Sista dag kan inte vara före periodens slut, ${item.periodEnd}.`);
  if (item.status === "last") {
    if (!item.lockedAt)
      add("lockedAt", "En låst rapport (status last) har en tidpunkt då den låstes.");
    if (!item.arrivalDate) add("arrivalDate", "En låst rapport har ett ankomstdatum.");
    if (!item.registryNumber) add("registryNumber", "En låst rapport har ett diarienummer.");
  } else if (item.lockedAt) {
    add(
      "lockedAt",
      `Bara en låst rapport (status last) har lockedAt. Ange null för status ${item.status}.`,
    );
  }
  if (SUBMITTED.has(item.status) && !item.submittedAt)
    add("submittedAt", `En rapport med status ${item.status} har skickats in: ange submittedAt.`);
}

function deviationRules(item: Bundle["deviationReports"][number], add: Add) {
  const decided = item.status === "godkand" || item.status === "avslagen";
  if (decided) {
    if (!item.decisionDate)
      add("decisionDate", "En beslutad avvikelserapport har ett beslutsdatum.");
    if (!item.decisionBody) add("decisionBody", "Ange vem som beslutade: kansli eller styrelse.");
    if (item.status === "avslagen" && !item.decisionMotivation?.trim())
      add("decisionMotivation", "Ange varför rapporten avslogs.");
    if (item.decisionBody === "styrelse") {
      if (!item.decisionMeeting?.trim())
        add("decisionMeeting", "Ange styrelsemötet som fattade beslutet.");
      if (!item.decisionParagraph?.trim())
        add("decisionParagraph", "Ange paragrafen i styrelsens protokoll.");
    }
    if (item.decisionDate && item.arrivalDate && item.decisionDate < item.arrivalDate)
      add(
        "decisionDate",
        `Beslutsdatum kan inte vara före dagen rapporten kom in, ${item.arrivalDate}.`,
      );
  } else {
    for (const field of ["decisionBody", "decisionDate"] as const)
      if (item[field] !== null)
        add(field, `En avvikelserapport med status ${item.status} är inte beslutad: ange null.`);
  }
  if (item.status !== "utkast") {
    if (!item.submittedAt)
      add("submittedAt", "En inskickad rapport har en tidpunkt då den skickades in.");
    if (!item.arrivalDate) add("arrivalDate", "En inskickad rapport har ett ankomstdatum.");
    if (!item.registryNumber) add("registryNumber", "En inskickad rapport har ett diarienummer.");
  }
  const belongs = {
    requestedEndDate: item.request === "forlangning" || item.request === "avslut_i_fortid",
    requestedTargetGroup: item.request === "andrad_malgrupp",
    requestedAmount: item.request === "flytta_medel",
  };
  for (const [field, fits] of Object.entries(belongs))
    if (!fits && item[field as keyof typeof belongs] !== null)
      add(field, `Hör inte till begäran ${item.request}: ange null.`);
}

function finalRules(item: Bundle["finalReports"][number], add: Add) {
  if (item.status === "last") {
    if (!item.lockedAt)
      add("lockedAt", "En låst rapport (status last) har en tidpunkt då den låstes.");
  } else if (item.lockedAt) {
    add(
      "lockedAt",
      `Bara en låst rapport (status last) har lockedAt. Ange null för status ${item.status}.`,
    );
  }
  if (SUBMITTED.has(item.status)) {
    if (!item.submittedAt)
      add("submittedAt", `En rapport med status ${item.status} har skickats in: ange submittedAt.`);
    if (!item.arrivalDate) add("arrivalDate", "En inskickad slutrapport har ett ankomstdatum.");
    if (!item.registryNumber)
      add("registryNumber", "En inskickad slutrapport har ett diarienummer.");
  }
}

function finalContentRules(
  ctx: Context,
  initiative: string,
  content: BundleFinalContent,
  at: string,
  add: Add,
) {
  const parties = new Set(content.parties.map((p) => p.organisation));
  content.parties.forEach((p, k) => {
    if (!ctx.orgId.has(p.organisation))
      add(`${at}.parties[${k}].organisation`, unknownOrg(p.organisation));
  });
  for (const part of ["lessons", "signatures"] as const)
    content[part].forEach((x, k) => {
      if (!parties.has(x.organisation))
        add(
          `${at}.${part}[${k}].organisation`,
          `${x.organisation} är inte en av slutrapportens parter (parties).`,
        );
    });
  if (content.application) {
    const app = ctx.applicationById.get(content.application);
    if (!app || app.associationId !== ctx.associationId)
      add(
        `${at}.application`,
        "Ansökan finns varken i filen (applications) eller i förbundet. Ange null om insatsen saknar ansökan.",
      );
    else if (app.initiativeId !== initiative)
      add(`${at}.application`, "Ansökan hör till en annan insats än slutrapporten.");
  }
}

/**
 * Checks the reports of one kind and plans what to write: new reports with their history,
 * stored ones brought forward, comments and reminders that are new.
 */
async function planReports(
  tx: Tx,
  ctx: Context,
  problems: Problems,
  kind: ReportKind,
  section: "periodicReports" | "deviationReports" | "finalReports",
  list: BundleReport[],
  about: (item: BundleReport) => string,
  rules: (item: BundleReport, i: number, add: Add) => void,
): Promise<ReportPlan[]> {
  const keys = list.map((r) => r.key);
  const stored = new Map((await storedReports(tx, kind, keys)).map((r) => [r.id, r]));
  const ours = [...stored.values()]
    .filter((r) => r.associationId === ctx.associationId)
    .map((r) => r.id);
  const storedVersions = ours.length
    ? await tx
        .select()
        .from(reportVersions)
        .where(and(eq(reportVersions.kind, kind), inArray(reportVersions.reportId, ours)))
        .orderBy(asc(reportVersions.version))
    : [];
  const storedComments = ours.length
    ? await tx
        .select()
        .from(reportComments)
        .where(and(eq(reportComments.kind, kind), inArray(reportComments.reportId, ours)))
    : [];
  const storedReminders =
    kind === "periodic" && ours.length
      ? await tx.select().from(reportReminders).where(inArray(reportReminders.reportId, ours))
      : [];
  const orgId = (n: string) => ctx.orgId.get(n) ?? "";

  const plans: ReportPlan[] = [];
  for (const [i, item] of list.entries()) {
    const where = `${section}[${i}]`;
    const add = problems.at(where, about(item));
    const first = keys.indexOf(item.key);
    if (first !== i) add("key", `Nyckeln finns redan i ${section}[${first}].`);
    checkInitiative(ctx, item.initiative, add);
    const existing = stored.get(item.key);
    if (existing && existing.associationId !== ctx.associationId)
      add("key", "Nyckeln används redan av en rapport i ett annat förbund.");
    else if (existing && existing.initiativeId !== item.initiative)
      add("initiative", "Rapporten finns redan här och hör till en annan insats än i filen.");
    rules(item, i, add);

    // the history: numbered 1, 2, 3 …, and the last version is the report as it is
    item.versions.forEach((v, j) => {
      if (v.version !== j + 1)
        add(`versions[${j}].version`, "Versionerna ska vara numrerade 1, 2, 3 … i ordning.");
    });
    const fields = fieldsOfItem(item as unknown as Raw);
    const last = item.versions.at(-1);
    const firstVersion = item.versions[0];
    if (!last || !firstVersion) continue;
    if (last.status !== item.status)
      add("status", `Den sista versionen har status ${last.status}, rapporten ${item.status}.`);
    if (!isDeepStrictEqual(last.snapshot, fields))
      add(
        `versions[${item.versions.length - 1}].snapshot`,
        "Den sista versionen ska ha samma uppgifter som rapporten själv.",
      );
    item.comments.forEach((c, j) => {
      if (!c.text.trim()) add(`comments[${j}].text`, "Kommentaren är tom.");
      if (!c.authorName.trim()) add(`comments[${j}].authorName`, "Ange vem som skrev kommentaren.");
    });
    const reminders = item.reminders ?? [];
    reminders.forEach((r, j) => {
      const firstKind = reminders.findIndex((x) => x.kind === r.kind);
      if (firstKind !== j)
        add(`reminders[${j}].kind`, `Påminnelsen ${r.kind} finns redan i reminders[${firstKind}].`);
    });

    const ourExisting =
      existing && existing.associationId === ctx.associationId ? existing : undefined;
    let addedFrom = 0;
    let newComments = item.comments;
    let newReminders = reminders;
    if (ourExisting) {
      const history = storedVersions.filter((v) => v.reportId === item.key);
      if (history.length > item.versions.length)
        add(
          "versions",
          `Rapporten har ${history.length} versioner här men ${item.versions.length} i filen. Historiken kan inte skrivas om: importera en nyare export.`,
        );
      for (const [j, v] of history.entries()) {
        const theirs = item.versions[j];
        if (!theirs || !isDeepStrictEqual(versionOf(kind, v, ctx.orgNumberOf), theirs)) {
          add(
            `versions[${j}]`,
            `Version ${v.version} av rapporten skiljer sig från den som finns här. Historiken kan inte skrivas om.`,
          );
          break;
        }
      }
      addedFrom = history.length;
      const storedNow = {
        status: ourExisting.status,
        ...reportFieldsOf(kind, ourExisting, ctx.orgNumberOf),
      };
      if (
        addedFrom >= item.versions.length &&
        !isDeepStrictEqual(storedNow, { status: item.status, ...fields })
      )
        add(
          "status",
          "Rapportens uppgifter skiljer sig från dem som finns här, men historiken är densamma. Ändra inte en exporterad rapport för hand; varje ändring är en ny version.",
        );
      if (addedFrom < item.versions.length && ourExisting.status === "last")
        add("status", "Rapporten är granskad och låst här. En låst rapport kan inte ändras.");
      const have = new Set(
        storedComments.filter((c) => c.reportId === item.key).map((c) => commentKey(c)),
      );
      newComments = item.comments.filter(
        (c) => !have.has(commentKey({ ...c, createdAt: new Date(c.createdAt) })),
      );
      const sent = new Set(
        storedReminders.filter((r) => r.reportId === item.key).map((r) => r.kind),
      );
      newReminders = reminders.filter((r) => !sent.has(r.kind));
    }

    const versions = item.versions.slice(addedFrom).map((v) => ({
      kind,
      reportId: item.key,
      version: v.version,
      status: v.status,
      // the row as writeReportVersion keeps it: every column but the two times, dates as text
      snapshot: JSON.parse(
        JSON.stringify({
          id: item.key,
          associationId: ctx.associationId,
          initiativeId: item.initiative,
          ...rowOf(kind, v.snapshot, orgId),
          ...userColumnsNull(kind),
          status: v.status,
          version: v.version,
        }),
      ) as Raw,
      event: v.event,
      note: v.note,
      actorUserId: null,
      actorName: v.actorName,
      createdAt: new Date(v.createdAt),
    }));
    plans.push({
      kind,
      id: item.key,
      initiativeId: item.initiative,
      status: item.status,
      exists: !!ourExisting,
      row: rowOf(kind, fields, orgId),
      firstCreatedAt: new Date(firstVersion.createdAt),
      lastCreatedAt: new Date(last.createdAt),
      lastVersion: last.version,
      versions,
      comments: newComments.map((c) => ({
        kind,
        reportId: item.key,
        field: c.field,
        authorUserId: null,
        authorName: c.authorName,
        text: c.text,
        createdAt: new Date(c.createdAt),
      })),
      reminders: newReminders.map((r) => ({
        reportId: item.key,
        kind: r.kind,
        sentAt: new Date(r.sentAt),
        recipients: r.recipients,
      })),
      versionCount: item.versions.length,
      details: "periodKey" in fields ? { periodKey: fields.periodKey } : {},
    });
  }
  return plans;
}

/** The periods each initiative already has, so a file cannot give one period two reports. */
async function checkPeriods(tx: Tx, ctx: Context, problems: Problems, bundle: Bundle) {
  const list = bundle.periodicReports;
  if (!list.length) return;
  const stored = await tx
    .select({
      id: periodicReports.id,
      initiativeId: periodicReports.initiativeId,
      periodKey: periodicReports.periodKey,
    })
    .from(periodicReports)
    .where(inArray(periodicReports.initiativeId, [...new Set(list.map((r) => r.initiative))]));
  list.forEach((item, i) => {
    const add = problems.at(`periodicReports[${i}]`, periodicAbout(ctx, item));
    const first = list.findIndex(
      (r) => r.initiative === item.initiative && r.periodKey === item.periodKey,
    );
    if (first !== i)
      add(
        "periodKey",
        `Insatsen har redan en rapport för ${item.periodKey} i periodicReports[${first}].`,
      );
    else if (
      stored.some(
        (r) =>
          r.initiativeId === item.initiative && r.periodKey === item.periodKey && r.id !== item.key,
      )
    )
      add(
        "periodKey",
        `Insatsen har redan en periodisk rapport för ${item.periodKey} här, med en annan nyckel. Samma period kan inte rapporteras två gånger.`,
      );
  });
}

async function checkFinalReportsPerInitiative(
  tx: Tx,
  ctx: Context,
  problems: Problems,
  bundle: Bundle,
) {
  const list = bundle.finalReports;
  if (!list.length) return;
  const stored = await tx
    .select({ id: finalReports.id, initiativeId: finalReports.initiativeId })
    .from(finalReports)
    .where(inArray(finalReports.initiativeId, [...new Set(list.map((r) => r.initiative))]));
  list.forEach((item, i) => {
    const add = problems.at(`finalReports[${i}]`, finalAbout(ctx, item));
    const first = list.findIndex((r) => r.initiative === item.initiative);
    if (first !== i)
      add("initiative", `Insatsen har redan en slutrapport i finalReports[${first}].`);
    else if (stored.some((r) => r.initiativeId === item.initiative && r.id !== item.key))
      add(
        "initiative",
        "Insatsen har redan en slutrapport här, med en annan nyckel. En insats har en slutrapport.",
      );
  });
}

/**
 * Diarienummer come from one series for applications and reports: none may be used twice,
 * in the file or by something else in the association.
 */
async function checkRegistryNumbers(tx: Tx, ctx: Context, problems: Problems, bundle: Bundle) {
  type Entry = { kind: ReportKind | "application"; id: string; where: string; about: string };
  const entries = new Map<string, Entry[]>();
  const note = (number: string | null, entry: Entry) => {
    if (!number) return;
    entries.set(number, [...(entries.get(number) ?? []), entry]);
  };
  for (const [i, a] of bundle.applications.entries())
    note(a.registryNumber?.trim() || null, {
      kind: "application",
      id: a.key.toLowerCase(),
      where: `applications[${i}]`,
      about: ` (ansökan "${a.content.name}")`,
    });
  for (const [i, r] of bundle.periodicReports.entries())
    note(r.registryNumber, {
      kind: "periodic",
      id: r.key,
      where: `periodicReports[${i}]`,
      about: periodicAbout(ctx, r),
    });
  for (const [i, r] of bundle.deviationReports.entries())
    note(r.registryNumber, {
      kind: "deviation",
      id: r.key,
      where: `deviationReports[${i}]`,
      about: deviationAbout(ctx, r),
    });
  for (const [i, r] of bundle.finalReports.entries())
    note(r.registryNumber, {
      kind: "final",
      id: r.key,
      where: `finalReports[${i}]`,
      about: finalAbout(ctx, r),
    });
  const numbers = [...entries.keys()];
  if (!numbers.length) return;
  // one query after another: a transaction runs one query at a time
  const stored: Array<{
    kind: ReportKind | "application";
    id: string;
    registryNumber: string | null;
  }> = [
    ...(
      await tx
        .select({ id: applications.id, registryNumber: applications.registryNumber })
        .from(applications)
        .where(
          and(
            eq(applications.associationId, ctx.associationId),
            inArray(applications.registryNumber, numbers),
          ),
        )
    ).map((r) => ({ kind: "application" as const, ...r })),
    ...(
      await tx
        .select({ id: periodicReports.id, registryNumber: periodicReports.registryNumber })
        .from(periodicReports)
        .where(
          and(
            eq(periodicReports.associationId, ctx.associationId),
            inArray(periodicReports.registryNumber, numbers),
          ),
        )
    ).map((r) => ({ kind: "periodic" as const, ...r })),
    ...(
      await tx
        .select({ id: deviationReports.id, registryNumber: deviationReports.registryNumber })
        .from(deviationReports)
        .where(
          and(
            eq(deviationReports.associationId, ctx.associationId),
            inArray(deviationReports.registryNumber, numbers),
          ),
        )
    ).map((r) => ({ kind: "deviation" as const, ...r })),
    ...(
      await tx
        .select({ id: finalReports.id, registryNumber: finalReports.registryNumber })
        .from(finalReports)
        .where(
          and(
            eq(finalReports.associationId, ctx.associationId),
            inArray(finalReports.registryNumber, numbers),
          ),
        )
    ).map((r) => ({ kind: "final" as const, ...r })),
  ];
  for (const [number, list] of entries) {
    list.forEach((entry, n) => {
      // applications among themselves are checked with the applications
      const add = problems.at(entry.where, entry.about);
      const earlier = list
        .slice(0, n)
        .find((e) => !(e.kind === "application" && entry.kind === "application"));
      if (earlier) {
        add("registryNumber", `Diarienumret ${number} finns redan i ${earlier.where}.`);
        return;
      }
      const other = stored.find(
        (s) =>
          s.registryNumber === number &&
          !(s.kind === entry.kind && s.id === entry.id) &&
          !(s.kind === "application" && entry.kind === "application"),
      );
      if (other)
        add(
          "registryNumber",
          `Diarienumret ${number} används redan av ${KIND_NAME[other.kind]} i förbundet.`,
        );
    });
  }
}

const periodicAbout = (ctx: Context, r: { periodKey: string; initiative: string }) =>
  ` (rapporten för ${r.periodKey}, insatsen "${initiativeName(ctx, r.initiative)}")`;
const deviationAbout = (ctx: Context, r: { initiative: string }) =>
  ` (avvikelserapport, insatsen "${initiativeName(ctx, r.initiative)}")`;
const finalAbout = (ctx: Context, r: { initiative: string }) =>
  ` (slutrapporten, insatsen "${initiativeName(ctx, r.initiative)}")`;

/** Checks the steering groups and plans their members, meetings, attendance and documents. */
async function planSteeringGroups(
  tx: Tx,
  ctx: Context,
  problems: Problems,
  bundle: Bundle,
): Promise<{ members: MemberPlan[]; meetings: MeetingPlan[] }> {
  const groups = bundle.steeringGroups;
  const members = groups.flatMap((g, i) => g.members.map((m, j) => ({ g, i, m, j })));
  const meetings = groups.flatMap((g, i) => g.meetings.map((m, j) => ({ g, i, m, j })));
  const attachments = meetings.flatMap((x) => x.m.attachments.map((a, k) => ({ ...x, a, k })));
  const storedMembers = members.length
    ? await tx
        .select()
        .from(steeringGroupMembers)
        .where(
          inArray(
            steeringGroupMembers.id,
            members.map((x) => x.m.key),
          ),
        )
    : [];
  const groupInitiatives = groups.map((g) => g.initiative);
  const membersHere = groupInitiatives.length
    ? await tx
        .select({ id: steeringGroupMembers.id, initiativeId: steeringGroupMembers.initiativeId })
        .from(steeringGroupMembers)
        .where(inArray(steeringGroupMembers.initiativeId, groupInitiatives))
    : [];
  const storedMeetings = meetings.length
    ? await tx
        .select()
        .from(steeringGroupMeetings)
        .where(
          inArray(
            steeringGroupMeetings.id,
            meetings.map((x) => x.m.key),
          ),
        )
    : [];
  const storedAttendance = storedMeetings.length
    ? await tx
        .select()
        .from(meetingAttendance)
        .where(
          inArray(
            meetingAttendance.meetingId,
            storedMeetings.map((m) => m.id),
          ),
        )
    : [];
  const storedAttachments = attachments.length
    ? await tx
        .select({
          id: meetingAttachments.id,
          meetingId: meetingAttachments.meetingId,
          fileName: meetingAttachments.fileName,
          sha256: meetingAttachments.sha256,
        })
        .from(meetingAttachments)
        .where(
          inArray(
            meetingAttachments.id,
            attachments.map((x) => x.a.key),
          ),
        )
    : [];
  const today = todayInSweden();
  const groupAbout = (initiative: string) =>
    ` (styrgruppen, insatsen "${initiativeName(ctx, initiative)}")`;

  groups.forEach((g, i) => {
    const add = problems.at(`steeringGroups[${i}]`, groupAbout(g.initiative));
    checkInitiative(ctx, g.initiative, add);
    const first = groups.findIndex((x) => x.initiative === g.initiative);
    if (first !== i)
      add("initiative", `Insatsen har redan en styrgrupp i steeringGroups[${first}].`);
  });

  const memberPlans: MemberPlan[] = [];
  const memberKeys = members.map((x) => x.m.key);
  for (const [n, { g, i, m, j }] of members.entries()) {
    const where = `steeringGroups[${i}].members[${j}]`;
    const add = problems.at(
      where,
      ` (ledamoten ${m.name}, insatsen "${initiativeName(ctx, g.initiative)}")`,
    );
    const first = memberKeys.indexOf(m.key);
    if (first !== n) {
      const other = members[first];
      add("key", `Nyckeln finns redan i steeringGroups[${other?.i}].members[${other?.j}].`);
    }
    const stored = storedMembers.find((s) => s.id === m.key);
    if (stored && stored.initiativeId !== g.initiative)
      add("key", "Nyckeln används redan av en ledamot i en annan styrgrupp.");
    const organisationId = ctx.orgId.get(m.organisation);
    if (!organisationId) add("organisation", unknownOrg(m.organisation));
    const name = m.name.trim();
    if (!name) add("name", "Fyll i ledamotens namn.");
    const email = normaliseEmail(m.email);
    const emailError = email ? emailProblem(email) : undefined;
    if (emailError) add("email", emailError);
    if (m.toDate && m.toDate < m.fromDate)
      add("toDate", "Slutdatum kan inte vara före startdatum.");
    memberPlans.push({
      id: m.key,
      initiativeId: g.initiative,
      values: {
        organisationId: organisationId ?? "",
        name,
        email,
        title: m.title.trim(),
        membership: m.membership,
        fromDate: m.fromDate,
        toDate: m.toDate,
      },
      stored,
    });
  }

  const meetingPlans: MeetingPlan[] = [];
  const meetingKeys = meetings.map((x) => x.m.key);
  const attachmentKeys = attachments.map((x) => x.a.key);
  for (const [n, { g, i, m, j }] of meetings.entries()) {
    const where = `steeringGroups[${i}].meetings[${j}]`;
    const add = problems.at(
      where,
      ` (mötet ${m.meetingDate}, insatsen "${initiativeName(ctx, g.initiative)}")`,
    );
    const first = meetingKeys.indexOf(m.key);
    if (first !== n) {
      const other = meetings[first];
      add("key", `Nyckeln finns redan i steeringGroups[${other?.i}].meetings[${other?.j}].`);
    }
    const stored = storedMeetings.find((s) => s.id === m.key);
    if (stored && stored.initiativeId !== g.initiative)
      add("key", "Nyckeln används redan av ett möte i en annan styrgrupp.");
    if (m.held && m.meetingDate > today) add("held", FUTURE_MEETING_HELD);
    if (!m.held && m.attendance.length)
      add(
        "attendance",
        "Närvaro registreras bara för ett hållet möte. Ange held: true, eller ta bort närvaron.",
      );
    const inGroup = new Set([
      ...g.members.map((x) => x.key),
      ...membersHere.filter((x) => x.initiativeId === g.initiative).map((x) => x.id),
    ]);
    m.attendance.forEach((a, k) => {
      if (!inGroup.has(a.member))
        add(`attendance[${k}].member`, "Ledamoten finns inte i insatsens styrgrupp (members).");
      const firstOf = m.attendance.findIndex((x) => x.member === a.member);
      if (firstOf !== k)
        add(`attendance[${k}].member`, `Ledamoten finns redan i attendance[${firstOf}].`);
    });
    const plannedAttachments: MeetingPlan["attachments"] = [];
    m.attachments.forEach((a, k) => {
      const at = `attachments[${k}]`;
      const firstKey = attachmentKeys.indexOf(a.key);
      const mine = attachments.findIndex((x) => x.a === a);
      if (firstKey !== mine) {
        const other = attachments[firstKey];
        add(
          `${at}.key`,
          `Nyckeln finns redan i steeringGroups[${other?.i}].meetings[${other?.j}].attachments[${other?.k}].`,
        );
      }
      const storedAttachment = storedAttachments.find((s) => s.id === a.key);
      if (
        storedAttachment &&
        (storedAttachment.meetingId !== m.key ||
          storedAttachment.sha256 !== a.sha256 ||
          storedAttachment.fileName !== a.fileName)
      )
        add(
          `${at}.key`,
          "Dokumentet finns redan här, med ett annat innehåll eller på ett annat möte. Ett dokument ändras aldrig: ge det nya dokumentet en ny nyckel.",
        );
      plannedAttachments.push({
        id: a.key,
        fileName: a.fileName,
        mediaType: a.mediaType,
        sizeBytes: a.sizeBytes,
        sha256: a.sha256,
        uploadedAt: new Date(a.uploadedAt),
        data: Buffer.from(a.dataBase64, "base64"),
        exists: !!storedAttachment,
      });
    });
    const byMember = (x: { memberId: string }, y: { memberId: string }) =>
      x.memberId < y.memberId ? -1 : x.memberId > y.memberId ? 1 : 0;
    meetingPlans.push({
      id: m.key,
      initiativeId: g.initiative,
      values: {
        meetingDate: m.meetingDate,
        held: m.held,
        agenda: m.agenda,
        decisions: m.decisions,
      },
      attendance: m.attendance
        .map((a) => ({ memberId: a.member, present: a.present }))
        .sort(byMember),
      stored,
      storedAttendance: storedAttendance
        .filter((a) => a.meetingId === m.key)
        .map((a) => ({ memberId: a.memberId, present: a.present }))
        .sort(byMember),
      attachments: plannedAttachments,
    });
  }
  return { members: memberPlans, meetings: meetingPlans };
}

// ------------------------------------------------------------------------------------------
// Writing

async function importReportingSettings(
  tx: Tx,
  actor: AuditActor,
  associationId: string,
  input: BundleReportingSettings,
): Promise<ImportOutcome | "absent"> {
  if (!input) return "absent";
  const [current] = await tx
    .select()
    .from(reportingSettings)
    .where(eq(reportingSettings.associationId, associationId));
  if (
    current &&
    current.cadence === input.cadence &&
    current.dueMonthsAfter === input.dueMonthsAfter &&
    current.remindDaysBefore === input.remindDaysBefore &&
    isDeepStrictEqual(current.followUpPeriods, input.followUpPeriods) &&
    current.reportsFrom === input.reportsFrom
  )
    return "unchanged";
  await saveReportingSettings(tx, actor, associationId, current?.version ?? 0, {
    ...input,
    reportsFrom: input.reportsFrom ?? "",
  }).catch((error) => {
    if (!(error instanceof ValidationError)) throw error;
    throw new ValidationError(
      Object.fromEntries(
        Object.entries(error.fields).map(([field, message]) => [
          `reportingSettings.${field}`,
          `reportingSettings.${field}: ${message}`,
        ]),
      ),
    );
  });
  return current ? "updated" : "created";
}

async function writeReport(
  tx: Tx,
  actor: AuditActor,
  associationId: string,
  plan: ReportPlan,
): Promise<ImportOutcome> {
  const audit = (details: Record<string, unknown>) =>
    recordAuditEvent(tx, actor, {
      action: `${KIND_PREFIX[plan.kind]}.imported`,
      associationId,
      targetType: KIND_PREFIX[plan.kind],
      targetId: plan.id,
      details: {
        initiativeId: plan.initiativeId,
        status: plan.status,
        ...plan.details,
        ...details,
      },
    });
  if (!plan.exists) {
    await insertReport(tx, plan.kind, {
      id: plan.id,
      associationId,
      initiativeId: plan.initiativeId,
      status: plan.status,
      ...plan.row,
      ...userColumnsNull(plan.kind),
      createdAt: plan.firstCreatedAt,
      updatedAt: plan.lastCreatedAt,
      version: plan.lastVersion,
    });
  } else if (!plan.versions.length && !plan.comments.length && !plan.reminders.length) {
    return "unchanged";
  } else if (plan.versions.length) {
    await updateReport(tx, plan.kind, plan.id, {
      status: plan.status,
      ...plan.row,
      updatedAt: plan.lastCreatedAt,
      version: plan.lastVersion,
    });
  }
  if (plan.versions.length) await tx.insert(reportVersions).values(plan.versions);
  if (plan.comments.length) await tx.insert(reportComments).values(plan.comments);
  if (plan.reminders.length) await tx.insert(reportReminders).values(plan.reminders);
  if (!plan.exists) {
    await audit({ outcome: "created", versions: plan.versionCount });
    return "created";
  }
  await audit({
    outcome: "updated",
    versionsAdded: plan.versions.length,
    commentsAdded: plan.comments.length,
    remindersAdded: plan.reminders.length,
  });
  return "updated";
}

async function writeMembers(
  tx: Tx,
  actor: AuditActor,
  associationId: string,
  plans: MemberPlan[],
): Promise<ImportCounts> {
  const result = counts();
  for (const plan of plans) {
    const { stored, values } = plan;
    const changed = stored
      ? (Object.keys(values) as Array<keyof typeof values>).filter((k) => values[k] !== stored[k])
      : [];
    if (stored && !changed.length) {
      result.unchanged++;
      continue;
    }
    if (!stored)
      await tx
        .insert(steeringGroupMembers)
        .values({ id: plan.id, initiativeId: plan.initiativeId, ...values, userId: null });
    else
      await tx
        .update(steeringGroupMembers)
        .set({ ...values, version: stored.version + 1 })
        .where(eq(steeringGroupMembers.id, plan.id));
    await recordAuditEvent(tx, actor, {
      action: "steering_group.member_imported",
      associationId,
      targetType: "steering_group_member",
      targetId: plan.id,
      details: {
        initiativeId: plan.initiativeId,
        name: values.name,
        outcome: stored ? "updated" : "created",
        ...(stored ? { changed } : {}),
      },
    });
    result[stored ? "updated" : "created"]++;
  }
  return result;
}

async function writeMeetings(
  tx: Tx,
  actor: AuditActor,
  associationId: string,
  plans: MeetingPlan[],
): Promise<{ meetings: ImportCounts; attachments: ImportCounts }> {
  const meetings = counts();
  const attachments = counts();
  for (const plan of plans) {
    const { stored, values } = plan;
    const fieldsChanged =
      !!stored &&
      (stored.meetingDate !== values.meetingDate ||
        stored.held !== values.held ||
        stored.agenda !== values.agenda ||
        stored.decisions !== values.decisions);
    const attendanceChanged = !isDeepStrictEqual(plan.attendance, plan.storedAttendance);
    const outcome: ImportOutcome = !stored
      ? "created"
      : fieldsChanged || attendanceChanged
        ? "updated"
        : "unchanged";
    if (!stored)
      await tx
        .insert(steeringGroupMeetings)
        .values({ id: plan.id, initiativeId: plan.initiativeId, ...values });
    else if (outcome === "updated")
      await tx
        .update(steeringGroupMeetings)
        .set({ ...values, version: stored.version + 1, updatedAt: new Date() })
        .where(eq(steeringGroupMeetings.id, plan.id));
    if (attendanceChanged) {
      if (stored)
        await tx.delete(meetingAttendance).where(eq(meetingAttendance.meetingId, plan.id));
      if (plan.attendance.length)
        await tx
          .insert(meetingAttendance)
          .values(plan.attendance.map((a) => ({ meetingId: plan.id, ...a })));
    }
    if (outcome !== "unchanged")
      await recordAuditEvent(tx, actor, {
        action: "steering_group.meeting_imported",
        associationId,
        targetType: "steering_group_meeting",
        targetId: plan.id,
        details: {
          initiativeId: plan.initiativeId,
          meetingDate: values.meetingDate,
          held: values.held,
          outcome,
          attendance: plan.attendance.length,
        },
      });
    meetings[outcome]++;
    for (const a of plan.attachments) {
      if (a.exists) {
        attachments.unchanged++;
        continue;
      }
      const { exists: _, ...row } = a;
      await tx.insert(meetingAttachments).values({ ...row, meetingId: plan.id, uploadedBy: null });
      await recordAuditEvent(tx, actor, {
        action: "steering_group.attachment_imported",
        associationId,
        targetType: "meeting_attachment",
        targetId: a.id,
        details: {
          initiativeId: plan.initiativeId,
          meetingId: plan.id,
          meetingDate: values.meetingDate,
          fileName: a.fileName,
          mediaType: a.mediaType,
          sizeBytes: a.sizeBytes,
          sha256: a.sha256,
        },
      });
      attachments.created++;
    }
  }
  return { meetings, attachments };
}

/**
 * Imports the reporting side of a bundle into the association, in the caller's transaction
 * (after its initiatives and applications). Refuses with every problem at its place in the
 * file; the caller's transaction then writes nothing at all.
 */
export async function importReporting(
  tx: Tx,
  actor: AuditActor,
  associationId: string,
  bundle: Bundle,
): Promise<ReportingResult> {
  const settings = await importReportingSettings(
    tx,
    actor,
    associationId,
    bundle.reportingSettings,
  );
  const ctx = await contextOf(tx, associationId, bundle);
  const problems = new Problems();
  const groups = await planSteeringGroups(tx, ctx, problems, bundle);
  await checkPeriods(tx, ctx, problems, bundle);
  await checkFinalReportsPerInitiative(tx, ctx, problems, bundle);
  await checkRegistryNumbers(tx, ctx, problems, bundle);
  const periodic = await planReports(
    tx,
    ctx,
    problems,
    "periodic",
    "periodicReports",
    bundle.periodicReports as unknown as BundleReport[],
    (r) => periodicAbout(ctx, r as unknown as { periodKey: string; initiative: string }),
    (r, _i, add) => periodicRules(r as unknown as Bundle["periodicReports"][number], add),
  );
  const deviation = await planReports(
    tx,
    ctx,
    problems,
    "deviation",
    "deviationReports",
    bundle.deviationReports as unknown as BundleReport[],
    (r) => deviationAbout(ctx, r),
    (r, _i, add) => deviationRules(r as unknown as Bundle["deviationReports"][number], add),
  );
  const final = await planReports(
    tx,
    ctx,
    problems,
    "final",
    "finalReports",
    bundle.finalReports as unknown as BundleReport[],
    (r) => finalAbout(ctx, r),
    (r, _i, add) => {
      const item = r as unknown as Bundle["finalReports"][number];
      finalRules(item, add);
      finalContentRules(ctx, item.initiative, item.content, "content", add);
      for (const [j, v] of item.versions.entries())
        finalContentRules(
          ctx,
          item.initiative,
          v.snapshot.content,
          `versions[${j}].snapshot.content`,
          add,
        );
    },
  );
  problems.throwIfAny();

  const members = await writeMembers(tx, actor, associationId, groups.members);
  const written = await writeMeetings(tx, actor, associationId, groups.meetings);
  const write = async (plans: ReportPlan[]) => {
    const result = counts();
    for (const plan of plans) result[await writeReport(tx, actor, associationId, plan)]++;
    return result;
  };
  return {
    reportingSettings: settings,
    periodicReports: await write(periodic),
    deviationReports: await write(deviation),
    finalReports: await write(final),
    steeringGroupMembers: members,
    steeringGroupMeetings: written.meetings,
    meetingAttachments: written.attachments,
  };
}

/** Whether the reporting part of an import changed anything. */
export const reportingChanged = (r: ReportingResult) =>
  r.reportingSettings === "created" ||
  r.reportingSettings === "updated" ||
  [
    r.periodicReports,
    r.deviationReports,
    r.finalReports,
    r.steeringGroupMembers,
    r.steeringGroupMeetings,
    r.meetingAttachments,
  ].some((c) => c.created + c.updated > 0);
