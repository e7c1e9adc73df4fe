// Final reports (slutrapporter, domain/documents.md §4): one per initiative, started by the lead
// (or the office) with the initiative's facts filled in and kept as they were, written as a
// draft, submitted (diarienummer and arrival date; the initiative is closed in the same
// transaction), returned by the office with a comment and resubmitted, and finally accepted and
// locked. Every change writes a report version and an audit event. A locked report cannot be
// changed by anyone: the code refuses, and a database trigger backs it up.
// Every party signs the report before it is submitted (final-report-signatures.ts): saving
// changed content removes the signatures given, and submission records them in the content.
import { and, asc, eq, inArray, isNotNull, type SQL } from "drizzle-orm";
import { applicationsOfInitiative, getApplication } from "../applications/get-application.ts";
import type { SignatureMethod } from "../applications/schema.ts";
import { nextRegistryNumber, todayInSweden } from "../applications/workflow.ts";
import { memberOrganisations } from "../associations/schema.ts";
import type { AuditActor } from "../audit/record-audit-event.ts";
import { getInitiative, type InitiativeDetails } from "../initiatives/get-initiative.ts";
import { changedFields, writeInitiativeChange } from "../initiatives/save-initiative.ts";
import { initiatives } from "../initiatives/schema.ts";
import { type InitiativeValues, isoDate, wholeNumber } from "../initiatives/validate-initiative.ts";
import type { Queryable, Tx } from "../platform/database/connect.ts";
import {
  type ConflictChange,
  ConflictError,
  NotFoundError,
  ValidationError,
} from "../platform/errors.ts";
import { parseKronor } from "../platform/money.ts";
import { isUuid } from "../platform/uuid.ts";
import {
  ACHIEVED,
  type Achieved,
  describeFinalReport,
  emptyParticipants,
  emptyReturnedFunds,
  FINAL_TEXT_FIELDS,
  type FinalReportContent,
  type FinalReportParty,
  type FinalReportSignature,
  type FinalTextField,
  finalReportContentOf,
  perParty,
  YES_NO,
  type YesNo,
} from "./final-report-content.ts";
import { lockInitiativeForChange } from "./initiative-changes.ts";
import {
  getReportVersion,
  insertReportComment,
  listReportComments,
  listReportVersions,
  recordReportChange,
  returnMessage,
} from "./report-versions.ts";
import { type FinalReportStatus, finalReportSignatures, finalReports } from "./schema.ts";

type Row = typeof finalReports.$inferSelect;

const TEXT_LIMIT = 20_000;

/** The initiative statuses a final report can be started for: it has started, or has ended. */
export const FINAL_REPORT_INITIATIVE_STATUSES = [
  "pagaende",
  "avslutad",
  "avslutad_i_fortid",
] as const;

/** The statuses in which the lead may still change the report. */
export const FINAL_EDITABLE: ReadonlySet<FinalReportStatus> = new Set(["utkast", "aterskickad"]);

// ---------------------------------------------------------------------------------------------
// Reading

/** A party's signature, or the request for it: as the pages, the API and the documents show it. */
export interface FinalReportPartySignature {
  /** requested: the link is sent and waits; expired: it ran out unused; signed: given. */
  state: "requested" | "expired" | "signed";
  /** null only for a signature recorded before signing in Samspår (typed name and date). */
  method: SignatureMethod | null;
  signerName: string;
  signerTitle: string;
  signerEmail: string;
  /** When it was asked for (or registered); null for a recorded one. */
  requestedAt: Date | null;
  expiresAt: Date | null;
  signedOn: string | null;
  signedAt: Date | null;
  /** The report's version it was given for; null for a recorded one. */
  signedVersion: number | null;
}

/** The signatures and requests of a report, one per party at most. */
export const listFinalReportSignatures = (q: Queryable, reportId: string) =>
  q
    .select({
      organisationId: finalReportSignatures.organisationId,
      signerName: finalReportSignatures.signerName,
      signerEmail: finalReportSignatures.signerEmail,
      signerTitle: finalReportSignatures.signerTitle,
      method: finalReportSignatures.method,
      requestedAt: finalReportSignatures.requestedAt,
      expiresAt: finalReportSignatures.expiresAt,
      signedOn: finalReportSignatures.signedOn,
      signedAt: finalReportSignatures.signedAt,
      signedVersion: finalReportSignatures.signedVersion,
    })
    .from(finalReportSignatures)
    .where(eq(finalReportSignatures.finalReportId, reportId));

type SignatureRow = Awaited<ReturnType<typeof listFinalReportSignatures>>[number];

const stateOf = (s: SignatureRow, now: Date): FinalReportPartySignature => ({
  state: s.signedAt
    ? "signed"
    : s.expiresAt && s.expiresAt.getTime() <= now.getTime()
      ? "expired"
      : "requested",
  method: s.method,
  signerName: s.signerName,
  signerTitle: s.signerTitle,
  signerEmail: s.signerEmail,
  requestedAt: s.requestedAt,
  expiresAt: s.expiresAt,
  signedOn: s.signedOn,
  signedAt: s.signedAt,
  signedVersion: s.signedVersion,
});

const recordedState = (s: FinalReportSignature): FinalReportPartySignature => ({
  state: "signed",
  method: s.method,
  signerName: s.signerName,
  signerTitle: s.signerTitle,
  signerEmail: s.signerEmail,
  requestedAt: null,
  expiresAt: null,
  signedOn: s.signedOn,
  signedAt: null,
  signedVersion: null,
});

/** A given signature as the submitted content records it. */
const recordOf = (organisationId: string, s: SignatureRow): FinalReportSignature => ({
  organisationId,
  signerName: s.signerName,
  signerTitle: s.signerTitle,
  signerEmail: s.signerEmail,
  method: s.method,
  signedOn: s.signedOn,
});

/**
 * Each party with its lesson and its signature. While the lead may change the report, that is
 * the signature (or request) as it stands; once submitted, the signatures the report was
 * submitted with, as its content records them.
 */
function partiesOf(
  content: FinalReportContent,
  editable: boolean,
  rows: SignatureRow[],
  now: Date,
): Array<{ party: FinalReportParty; lesson: string; signature: FinalReportPartySignature | null }> {
  return perParty(content).map(({ party, lesson, signature: recorded }) => {
    const row = rows.find((s) => s.organisationId === party.organisationId);
    const signature = editable
      ? row
        ? stateOf(row, now)
        : null
      : recorded
        ? recordedState(recorded)
        : null;
    return { party, lesson, signature };
  });
}

/**
 * One final report with what its pages need: the content, the initiative, the comments and
 * each party's signature.
 */
export async function getFinalReport(
  q: Queryable,
  associationId: string,
  reportId: string,
  now = new Date(),
) {
  if (!isUuid(reportId)) return undefined;
  const [row] = await q
    .select({
      report: finalReports,
      initiativeName: initiatives.name,
      initiativeStatus: initiatives.status,
      initiativeEndDate: initiatives.endDate,
    })
    .from(finalReports)
    .innerJoin(initiatives, eq(initiatives.id, finalReports.initiativeId))
    .where(and(eq(finalReports.id, reportId), eq(finalReports.associationId, associationId)));
  if (!row) return undefined;
  const comments = await listReportComments(q, "final", row.report.id);
  const content = finalReportContentOf(row.report.content);
  const editable = FINAL_EDITABLE.has(row.report.status);
  const parties = partiesOf(
    content,
    editable,
    await listFinalReportSignatures(q, row.report.id),
    now,
  );
  return {
    ...row.report,
    content,
    initiativeName: row.initiativeName,
    initiativeStatus: row.initiativeStatus,
    initiativeEndDate: row.initiativeEndDate,
    editable,
    comments,
    parties,
    allSigned: parties.length > 0 && parties.every((p) => p.signature?.state === "signed"),
  };
}

export type FinalReportDetails = NonNullable<Awaited<ReturnType<typeof getFinalReport>>>;

/** The final report of an initiative, if it has one. */
export async function finalReportOfInitiative(
  q: Queryable,
  associationId: string,
  initiativeId: string,
) {
  if (!isUuid(initiativeId)) return undefined;
  const [row] = await q
    .select({ id: finalReports.id, status: finalReports.status })
    .from(finalReports)
    .where(
      and(
        eq(finalReports.initiativeId, initiativeId),
        eq(finalReports.associationId, associationId),
      ),
    );
  return row;
}

export interface FinalReportFilter {
  visible: "all" | string[];
  initiativeId?: string | undefined;
  status?: FinalReportStatus | undefined;
}

/** The final reports of an association a person may see, the initiatives by name. */
export async function listFinalReports(
  q: Queryable,
  associationId: string,
  filter: FinalReportFilter,
) {
  if (filter.visible !== "all" && filter.visible.length === 0) return [];
  const where: SQL[] = [eq(finalReports.associationId, associationId)];
  if (filter.visible !== "all") where.push(inArray(finalReports.initiativeId, filter.visible));
  if (filter.initiativeId) {
    if (!isUuid(filter.initiativeId)) return [];
    where.push(eq(finalReports.initiativeId, filter.initiativeId));
  }
  if (filter.status) where.push(eq(finalReports.status, filter.status));
  return q
    .select({
      id: finalReports.id,
      initiativeId: finalReports.initiativeId,
      initiativeName: initiatives.name,
      initiativeStatus: initiatives.status,
      ownerName: memberOrganisations.name,
      status: finalReports.status,
      submittedAt: finalReports.submittedAt,
      arrivalDate: finalReports.arrivalDate,
      registryNumber: finalReports.registryNumber,
      lockedAt: finalReports.lockedAt,
      updatedAt: finalReports.updatedAt,
      version: finalReports.version,
    })
    .from(finalReports)
    .innerJoin(initiatives, eq(initiatives.id, finalReports.initiativeId))
    .innerJoin(memberOrganisations, eq(memberOrganisations.id, initiatives.ownerOrganisationId))
    .where(and(...where))
    .orderBy(asc(initiatives.name));
}

/** Every saved version of a final report: who, when and why, newest first. */
export const listFinalReportVersions = (q: Queryable, reportId: string) =>
  listReportVersions(q, "final", reportId);

// ---------------------------------------------------------------------------------------------
// Starting a report

/** The initiative's facts as the report's snapshot, and the lead's part pre-filled where known. */
async function snapshotOf(
  q: Queryable,
  associationId: string,
  initiative: InitiativeDetails,
  today: string,
): Promise<FinalReportContent> {
  const approved = (await applicationsOfInitiative(q, initiative.id)).find(
    (a) => a.status === "beviljad",
  );
  const application = approved ? await getApplication(q, associationId, approved.id) : undefined;
  const parties = [
    { organisationId: initiative.ownerOrganisationId, name: initiative.ownerName, isOwner: true },
    ...initiative.partners
      .filter((p) => p.id !== initiative.ownerOrganisationId)
      .map((p) => ({ organisationId: p.id, name: p.name, isOwner: false })),
  ];
  const ended =
    initiative.status === "avslutad" ||
    initiative.status === "avslutad_i_fortid" ||
    (initiative.endDate !== null && initiative.endDate <= today);
  const c = application?.content;
  return {
    initiativeName: initiative.name,
    applicationId: application?.id ?? null,
    applicationRegistryNumber: application?.registryNumber ?? null,
    ownerName: initiative.ownerName,
    parties,
    orientation: initiative.orientation,
    purpose: c?.purpose ?? "",
    needDescribed: c?.background ?? "",
    plannedStartDate: application
      ? (application.decidedStartDate ?? c?.startDate ?? null)
      : initiative.startDate,
    plannedEndDate: application
      ? (application.decidedEndDate ?? c?.endDate ?? null)
      : (initiative.plannedEndDate ?? initiative.endDate),
    targetGroupDefined: initiative.targetGroup,
    methodDefined: c?.methods ?? "",
    followUpPlanned: c?.followUp ?? "",
    continuationPlanned: c?.implementation ?? "",
    filledInOn: today,
    goals: initiative.goals.map((g) => ({
      goalId: g.id,
      text: g.text,
      kind: g.kind,
      targetNumber: g.targetNumber,
      targetPercent: g.targetPercent,
      achieved: null,
      outcome: "",
      figures: "",
    })),
    equality: "",
    changedNeed: "",
    actualStartDate: initiative.startDate,
    actualEndDate: ended ? initiative.endDate : null,
    timeChangeReason: "",
    targetGroupChange: "",
    participants: emptyParticipants(),
    methodChange: "",
    methodAsIntended: null,
    methodAsIntendedText: "",
    followUp: "",
    continuation: "",
    returnedFunds: emptyReturnedFunds(),
    lessons: parties.map((p) => ({ organisationId: p.organisationId, text: "" })),
    signatures: [],
  };
}

/**
 * Starts the initiative's final report, with its facts filled in; an initiative has one final
 * report, so if it already has one that one is given back (`created` false).
 */
export async function createFinalReport(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  initiativeId: string,
  now = new Date(),
): Promise<{ id: string; created: boolean }> {
  return q.transaction(async (tx) => {
    const [locked] = isUuid(initiativeId)
      ? await tx
          .select({ id: initiatives.id })
          .from(initiatives)
          .where(
            and(eq(initiatives.id, initiativeId), eq(initiatives.associationId, associationId)),
          )
          .for("update")
      : [];
    if (!locked) throw new NotFoundError("Insatsen finns inte.");
    const existing = await finalReportOfInitiative(tx, associationId, initiativeId);
    if (existing) return { id: existing.id, created: false };
    const initiative = await getInitiative(tx, associationId, initiativeId);
    if (!initiative) throw new NotFoundError("Insatsen finns inte.");
    if (!(FINAL_REPORT_INITIATIVE_STATUSES as readonly string[]).includes(initiative.status))
      throw new ValidationError({
        status:
          "Slutrapporten skrivs för en insats som har startat. Den här insatsen är inte pågående eller avslutad.",
      });
    const content = await snapshotOf(tx, associationId, initiative, todayInSweden(now));
    const [row] = await tx
      .insert(finalReports)
      .values({ associationId, initiativeId, content: { ...content } })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    await recordReportChange(tx, actor, "final", row, "created", { initiativeId });
    return { id: row.id, created: true };
  });
}

// ---------------------------------------------------------------------------------------------
// Writing

type Num = string | number | null | undefined;

/** What the lead writes, as typed: numbers and amounts may be text ("25 000 kr"). */
export interface FinalReportInput {
  /** In the order of the report's goals. */
  goals: Array<{ achieved?: string | null; outcome?: string; figures?: string }>;
  equality?: string;
  changedNeed?: string;
  actualStartDate?: string | null;
  actualEndDate?: string | null;
  timeChangeReason?: string;
  targetGroupChange?: string;
  participants: { feasibilityStudy: boolean; women?: Num; men?: Num; otherOrNotStated?: Num };
  methodChange?: string;
  methodAsIntended?: string | null;
  methodAsIntendedText?: string;
  followUp?: string;
  continuation?: string;
  returnedFunds: {
    returned?: string | null;
    amount?: Num;
    reason?: string;
    consequences?: string;
  };
  /** By party (organisation id); parties left out have none. */
  lessons: Array<{ organisationId: string; text?: string }>;
}

/** A stored content as input, to check it again on submission. */
export function finalReportInputOf(c: FinalReportContent): FinalReportInput {
  return {
    goals: c.goals.map((g) => ({ achieved: g.achieved, outcome: g.outcome, figures: g.figures })),
    equality: c.equality,
    changedNeed: c.changedNeed,
    actualStartDate: c.actualStartDate,
    actualEndDate: c.actualEndDate,
    timeChangeReason: c.timeChangeReason,
    targetGroupChange: c.targetGroupChange,
    participants: { ...c.participants },
    methodChange: c.methodChange,
    methodAsIntended: c.methodAsIntended,
    methodAsIntendedText: c.methodAsIntendedText,
    followUp: c.followUp,
    continuation: c.continuation,
    returnedFunds: { ...c.returnedFunds },
    lessons: c.lessons.map((l) => ({ ...l })),
  };
}

const DATE_FORMAT = "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-12-31.";

/**
 * Checks the lead's part against the report's snapshot. A draft may be incomplete but not
 * contradictory; `submit` also asks for everything the report needs (the parties' signatures
 * are checked by the submission itself). Problems are keyed by the field (`goals.0.achieved`,
 * `participants.women`, `lessons.1.text`; parties by their place in the report). The content
 * it gives records no signatures: submission records them.
 */
export function validateFinalReport(
  snapshot: FinalReportContent,
  input: FinalReportInput,
  mode: "draft" | "submit",
  today: string,
): { problems: Record<string, string>; content: FinalReportContent } {
  const problems: Record<string, string> = {};
  const text = (key: string, value: string | undefined, limit = TEXT_LIMIT) => {
    const t = (value ?? "").trim();
    if (t.length > limit)
      problems[key] =
        `Texten får ha högst ${limit.toLocaleString("sv-SE")} tecken. Nu har den ${t.length.toLocaleString("sv-SE")}.`;
    return t;
  };
  const choice = <T extends string>(
    key: string,
    options: readonly T[],
    v: unknown,
    what: string,
  ) => {
    const s = typeof v === "string" ? v.trim() : "";
    if (!s) return null;
    if (!(options as readonly string[]).includes(s)) {
      problems[key] = `Välj ${what} i listan.`;
      return null;
    }
    return s as T;
  };
  const date = (key: string, v: string | null | undefined) => {
    const d = isoDate(v);
    if (d === "invalid") {
      problems[key] = DATE_FORMAT;
      return null;
    }
    return d;
  };

  // goals
  if (input.goals.length > snapshot.goals.length)
    problems.goals = `Slutrapporten har ${snapshot.goals.length} mål. Skicka ett utfall per mål, i samma ordning.`;
  const goals = snapshot.goals.map((g, i) => {
    const given = input.goals[i] ?? {};
    const achieved = choice<Achieved>(
      `goals.${i}.achieved`,
      ACHIEVED,
      given.achieved,
      `Ja, Nej eller Delvis för mål ${i + 1}`,
    );
    if (mode === "submit" && !achieved && !problems[`goals.${i}.achieved`])
      problems[`goals.${i}.achieved`] = `Ange om mål ${i + 1} uppnåddes: Ja, Nej eller Delvis.`;
    return {
      ...g,
      achieved,
      outcome: text(`goals.${i}.outcome`, given.outcome),
      figures: text(`goals.${i}.figures`, given.figures, 2000),
    };
  });

  const texts = {} as Record<FinalTextField, string>;
  for (const f of FINAL_TEXT_FIELDS) texts[f.key] = text(f.key, input[f.key]);

  // the initiative's time
  const actualStartDate = date("actualStartDate", input.actualStartDate);
  const actualEndDate = date("actualEndDate", input.actualEndDate);
  if (actualStartDate && actualEndDate && actualEndDate < actualStartDate)
    problems.actualEndDate = "Det faktiska slutet kan inte vara före den faktiska starten.";
  if (mode === "submit" && !actualEndDate && !problems.actualEndDate)
    problems.actualEndDate =
      "Skriv när insatsen faktiskt slutade. Insatsen avslutas med det datumet.";
  if (mode === "submit" && actualEndDate && actualEndDate > today && !problems.actualEndDate)
    problems.actualEndDate =
      "Det faktiska slutet ligger i framtiden. Skicka in slutrapporten när insatsen har slutat.";

  // participants: counts, or a pilot study without any
  const counts = {
    women: wholeNumber(input.participants.women),
    men: wholeNumber(input.participants.men),
    otherOrNotStated: wholeNumber(input.participants.otherOrNotStated),
  };
  const countLabels = {
    women: "kvinnor",
    men: "män",
    otherOrNotStated: "deltagare med annat eller ej angivet kön",
  } as const;
  for (const [key, value] of Object.entries(counts) as Array<
    [keyof typeof counts, number | null | "invalid"]
  >) {
    if (value === "invalid")
      problems[`participants.${key}`] =
        `Skriv antalet ${countLabels[key]} som ett heltal, till exempel 12. Skriv 0 om det inte fanns några.`;
  }
  const feasibilityStudy = input.participants.feasibilityStudy === true;
  const given = Object.values(counts).some((v) => v !== null);
  if (feasibilityStudy && given)
    problems["participants.feasibilityStudy"] =
      "Du har markerat att insatsen var en förstudie utan deltagare. Ta bort antalen, eller ta bort markeringen.";
  if (mode === "submit" && !feasibilityStudy) {
    for (const key of Object.keys(counts) as Array<keyof typeof counts>) {
      if (counts[key] === null)
        problems[`participants.${key}`] =
          `Skriv antalet ${countLabels[key]}. Skriv 0 om det inte fanns några. Var insatsen en förstudie utan deltagare? Markera det i stället.`;
    }
  }
  const count = (v: number | null | "invalid") => (v === "invalid" ? null : v);

  const methodAsIntended = choice<Achieved>(
    "methodAsIntended",
    ACHIEVED,
    input.methodAsIntended,
    "Ja, Nej eller Delvis",
  );

  // returned funds
  const returned = choice<YesNo>(
    "returnedFunds.returned",
    YES_NO,
    input.returnedFunds.returned,
    "Ja eller Nej",
  );
  const parsed = parseKronor(input.returnedFunds.amount);
  let amount: number | null = null;
  if (parsed === "invalid")
    problems["returnedFunds.amount"] =
      "Skriv beloppet i hela kronor med siffror, till exempel 25 000.";
  else amount = parsed;
  if (amount !== null && returned !== "ja" && !problems["returnedFunds.amount"])
    problems["returnedFunds.amount"] =
      "Du har skrivit ett belopp men inte svarat Ja på att medel har återförts. Svara Ja, eller ta bort beloppet.";
  if (returned === "ja" && amount === 0)
    problems["returnedFunds.amount"] =
      "Skriv hur mycket som återfördes. Beloppet ska vara mer än 0 kr.";
  if (
    mode === "submit" &&
    returned === "ja" &&
    amount === null &&
    !problems["returnedFunds.amount"]
  )
    problems["returnedFunds.amount"] = "Skriv hur mycket som återfördes, i hela kronor.";
  const reason = text("returnedFunds.reason", input.returnedFunds.reason);
  const consequences = text("returnedFunds.consequences", input.returnedFunds.consequences);

  // lessons, one per party
  const partyIds = new Set(snapshot.parties.map((p) => p.organisationId));
  if (input.lessons.some((l) => !partyIds.has(l.organisationId)))
    problems.lessons = "Lärdomar kan bara skrivas för insatsens parter.";
  const lessons = snapshot.parties.map((p, i) => {
    const t = text(
      `lessons.${i}.text`,
      input.lessons.find((l) => l.organisationId === p.organisationId)?.text,
    );
    if (mode === "submit" && !t && !problems[`lessons.${i}.text`])
      problems[`lessons.${i}.text`] = `Skriv vad ${p.name} har lärt sig av insatsen.`;
    return { organisationId: p.organisationId, text: t };
  });

  return {
    problems,
    content: {
      ...snapshot,
      goals,
      ...texts,
      actualStartDate,
      actualEndDate,
      participants: {
        feasibilityStudy,
        women: count(counts.women),
        men: count(counts.men),
        otherOrNotStated: count(counts.otherOrNotStated),
      },
      methodAsIntended,
      returnedFunds: { returned, amount, reason, consequences },
      lessons,
      signatures: [],
    },
  };
}

/** What differs between two contents, for a conflict: the other person's change, field by field. */
export function finalReportChanges(
  before: FinalReportContent,
  theirs: FinalReportContent,
): ConflictChange[] {
  const a = new Map(describeFinalReport(before).map((f) => [f.field, f]));
  return describeFinalReport(theirs)
    .filter((f) => JSON.stringify(a.get(f.field)?.lines ?? []) !== JSON.stringify(f.lines))
    .map((f) => ({
      field: f.field,
      label: f.label,
      before: a.get(f.field)?.lines ?? [],
      theirs: f.lines,
    }));
}

/** The lead's part of a content, exactly (every character counts), to tell whether it changed. */
const leadPartOf = (c: FinalReportContent) =>
  JSON.stringify(finalReportInputOf(finalReportContentOf({ ...c })));

/**
 * Locks the row for a change and checks the version it was based on (none: any version). A
 * locked report is refused.
 */
export async function lockFinalReport(
  tx: Tx,
  associationId: string,
  reportId: string,
  expected?: number,
) {
  const [row] = isUuid(reportId)
    ? await tx
        .select()
        .from(finalReports)
        .where(and(eq(finalReports.id, reportId), eq(finalReports.associationId, associationId)))
        .for("update")
    : [];
  if (!row) throw new NotFoundError("Slutrapporten finns inte.");
  if (row.status === "last")
    throw new ValidationError({
      status: "Slutrapporten är granskad och låst. Den kan inte ändras av någon.",
    });
  if (expected !== undefined && row.version !== expected) {
    const then = await getReportVersion(tx, "final", row.id, expected);
    const changes = then
      ? finalReportChanges(
          finalReportContentOf((then.snapshot.content ?? {}) as Record<string, unknown>),
          finalReportContentOf(row.content),
        )
      : [];
    throw new ConflictError(
      `Någon annan har ändrat slutrapporten medan du arbetade (version ${row.version}, du utgick från version ${expected}). Dina ändringar är inte sparade. Hämta den senaste versionen och gör om dem.`,
      changes,
    );
  }
  return row;
}

async function change(
  tx: Tx,
  actor: AuditActor,
  row: Row,
  changes: Partial<typeof finalReports.$inferInsert>,
  event: string,
  note: string | null = null,
  details: Record<string, unknown> = {},
): Promise<number> {
  const version = row.version + 1;
  const [updated] = await tx
    .update(finalReports)
    .set({ ...changes, version, updatedAt: new Date() })
    .where(eq(finalReports.id, row.id))
    .returning();
  if (!updated) throw new Error("update returned nothing");
  const registry = updated.registryNumber ? { registryNumber: updated.registryNumber } : {};
  const identity = { initiativeId: row.initiativeId, ...registry };
  await recordReportChange(tx, actor, "final", updated, event, { ...identity, ...details }, note);
  return version;
}

/**
 * Saves the lead's part of a draft or a returned report (it may be incomplete, never invalid).
 * When what it says changes, the signatures given for it are removed (`signaturesRemoved`): a
 * signature covers the content it was given for. Requests that wait stay: the link shows the
 * report as it is when the person signs.
 */
export async function saveFinalReport(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  reportId: string,
  expectedVersion: number,
  input: FinalReportInput,
  now = new Date(),
): Promise<{ version: number; signaturesRemoved: number }> {
  return q.transaction(async (tx) => {
    const row = await lockFinalReport(tx, associationId, reportId, expectedVersion);
    if (!FINAL_EDITABLE.has(row.status))
      throw new ValidationError({
        status:
          "Slutrapporten är inskickad. Den kan ändras igen om förbundet skickar tillbaka den.",
      });
    const { problems, content } = validateFinalReport(
      finalReportContentOf(row.content),
      input,
      "draft",
      todayInSweden(now),
    );
    if (Object.keys(problems).length) throw new ValidationError(problems);
    const changed = leadPartOf(finalReportContentOf(row.content)) !== leadPartOf(content);
    const removed = changed
      ? await tx
          .delete(finalReportSignatures)
          .where(
            and(
              eq(finalReportSignatures.finalReportId, row.id),
              isNotNull(finalReportSignatures.signedAt),
            ),
          )
          .returning({ id: finalReportSignatures.id })
      : [];
    const version = await change(tx, actor, row, { content: { ...content } }, "saved", null, {
      signaturesRemoved: removed.length,
    });
    return { version, signaturesRemoved: removed.length };
  });
}

/**
 * Closes the initiative with the report's actual end: avslutad (one already ended early stays
 * avslutad i förtid), the end date the actual end. A last intake after the end moves to the end.
 */
async function closeInitiative(
  tx: Tx,
  actor: AuditActor,
  associationId: string,
  initiativeId: string,
  actualEnd: string,
  registryNumber: string,
) {
  const {
    version,
    before,
    values: current,
  } = await lockInitiativeForChange(tx, associationId, initiativeId);
  if (before.startDate && actualEnd < before.startDate)
    throw new ValidationError({
      actualEndDate: `Det faktiska slutet kan inte vara före insatsens startdatum ${before.startDate}.`,
    });
  const status = before.status === "avslutad_i_fortid" ? "avslutad_i_fortid" : "avslutad";
  const values: InitiativeValues = {
    ...current,
    status,
    endDate: actualEnd,
    lastIntakeDate:
      before.lastIntakeDate && before.lastIntakeDate > actualEnd
        ? actualEnd
        : before.lastIntakeDate,
    // the planned end is kept only for an initiative ended early, and only if it is later
    plannedEndDate:
      status === "avslutad_i_fortid" && before.plannedEndDate && before.plannedEndDate >= actualEnd
        ? before.plannedEndDate
        : null,
  };
  const changed = changedFields(before, values);
  if (!changed.length) return;
  await writeInitiativeChange(
    tx,
    actor,
    associationId,
    initiativeId,
    version,
    values,
    changed,
    `slutrapport ${registryNumber}`,
  );
}

/**
 * Submits the report (or resubmits a returned one): everything asked for must be there, and
 * every party must have signed it; the signatures are recorded in the submitted content. The
 * first submission gives it a diarienummer and its arrival date. The initiative is closed in
 * the same transaction, with the report's actual end as its end date.
 */
export async function submitFinalReport(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  reportId: string,
  expectedVersion: number,
  now = new Date(),
): Promise<{ version: number; registryNumber: string }> {
  const today = todayInSweden(now);
  return q.transaction(async (tx) => {
    const row = await lockFinalReport(tx, associationId, reportId, expectedVersion);
    if (!FINAL_EDITABLE.has(row.status))
      throw new ValidationError({ status: "Slutrapporten är redan inskickad." });
    const stored = finalReportContentOf(row.content);
    const { problems, content } = validateFinalReport(
      stored,
      finalReportInputOf(stored),
      "submit",
      today,
    );
    // every party has signed what is submitted (a save of new content removed older signatures)
    const given = (await listFinalReportSignatures(tx, row.id)).filter((s) => s.signedAt);
    const signatures = content.parties.flatMap((p) => {
      const s = given.find((x) => x.organisationId === p.organisationId);
      return s ? [recordOf(p.organisationId, s)] : [];
    });
    const missing = content.parties.length - signatures.length;
    if (missing > 0)
      problems.signatures = `${missing} av ${content.parties.length} parter har inte skrivit under slutrapporten. Alla parter skriver under innan den skickas in: be om underskrift via länk, eller låt förbundets kansli registrera en underskrift på papper.`;
    if (Object.keys(problems).length) throw new ValidationError(problems);
    const resubmission = row.status === "aterskickad";
    const registryNumber =
      row.registryNumber ??
      (await nextRegistryNumber(tx, associationId, Number(today.slice(0, 4))));
    const arrivalDate = row.arrivalDate ?? today;
    const version = await change(
      tx,
      actor,
      row,
      {
        content: { ...content, signatures },
        status: "inskickad",
        submittedAt: now,
        registryNumber,
        arrivalDate,
      },
      resubmission ? "resubmitted" : "submitted",
      resubmission
        ? `Kompletterad ${today}`
        : `Diarienummer ${registryNumber}, inkom ${arrivalDate}`,
    );
    await closeInitiative(
      tx,
      actor,
      associationId,
      row.initiativeId,
      content.actualEndDate as string,
      registryNumber,
    );
    return { version, registryNumber };
  });
}

/** The office returns a submitted report with what to complete; the initiative stays closed. */
export async function returnFinalReport(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  reportId: string,
  expectedVersion: number,
  message: string,
): Promise<number> {
  const text = returnMessage(message);
  return q.transaction(async (tx) => {
    const row = await lockFinalReport(tx, associationId, reportId, expectedVersion);
    if (row.status !== "inskickad")
      throw new ValidationError({
        status: "Bara en inskickad slutrapport kan skickas tillbaka för komplettering.",
      });
    await insertReportComment(tx, actor, "final", row.id, text);
    return change(tx, actor, row, { status: "aterskickad" }, "returned", text);
  });
}

/** The office accepts the report: it is locked for good. */
export async function acceptFinalReport(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  reportId: string,
  expectedVersion: number,
  now = new Date(),
): Promise<number> {
  return q.transaction(async (tx) => {
    const row = await lockFinalReport(tx, associationId, reportId, expectedVersion);
    if (row.status !== "inskickad")
      throw new ValidationError({
        status: "Bara en inskickad slutrapport kan godkännas och låsas.",
      });
    return change(tx, actor, row, { status: "last", lockedAt: now }, "locked");
  });
}
