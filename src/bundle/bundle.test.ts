// The association bundle: the demo exported from one instance and imported into another gives
// the same bundle back, applications and their history included; a second import changes
// nothing; a refused bundle writes nothing. The reporting side is exercised on an association
// of its own, built the way people build it (calendar, steering group with minutes, periodic
// reports in every status and a locked one, deviation reports decided both ways, final reports,
// comments and reminders), and moved to an empty instance and back. The money is built on the
// same association with the money capability's own use cases (the normal band, two years of
// allocated funds, a budget re-phased after the approved deviation report, requisitions paid
// with an attachment, returned and in draft, returned funds, prognoses) and moved the same way.
// The demo's follow-ups (a locked one and a draft) travel with the demo; the follow-ups on their
// own are in bundle-follow-ups.test.ts.
import { createHash } from "node:crypto";
import fs from "node:fs";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { createApplication } from "../applications/save-application.ts";
import {
  APPLICATION_STATUSES,
  applicationComments,
  applicationSignatures,
  applications,
  applicationVersions,
  registryCounters,
} from "../applications/schema.ts";
import { setAssociationLogo } from "../applications/settings.ts";
import { recordPaperSignature } from "../applications/signatures.ts";
import { contentAsInput } from "../applications/validate-application.ts";
import { submitApplication, todayInSweden } from "../applications/workflow.ts";
import { createAssociation } from "../associations/create-association.ts";
import {
  getDisclosureSettings,
  saveDisclosureSettings,
} from "../associations/disclosure-settings.ts";
import { findAssociationBySlug } from "../associations/find-association.ts";
import { addMemberOrganisation } from "../associations/member-organisations.ts";
import { associations, disclosureSettings, memberOrganisations } from "../associations/schema.ts";
import { auditEvents } from "../audit/schema.ts";
import { DEMO_SLUG, seedDemo } from "../demo/seed-demo.ts";
import { saveFundingYear } from "../finance/association-money.ts";
import { rephaseBudget, saveBudget } from "../finance/budgets.ts";
import { setPrognosisOverride } from "../finance/outcome.ts";
import {
  addRequisitionAttachment,
  approveRequisition,
  createRequisition,
  markRequisitionPaid,
  returnRequisition,
  saveRequisition,
  submitRequisition,
} from "../finance/requisitions.ts";
import { recordReturnedFunds } from "../finance/returned-funds.ts";
import {
  financeSettings,
  fundingShares,
  fundingYears,
  initiativeBudgetLines,
  initiativeBudgets,
  prognosisOverrides,
  requisitionAttachments,
  requisitionEvents,
  requisitionLines,
  requisitions,
  returnedFunds,
} from "../finance/schema.ts";
import { saveFinanceBand } from "../finance/settings.ts";
import { createInitiative } from "../initiatives/save-initiative.ts";
import { initiatives } from "../initiatives/schema.ts";
import { createMailer } from "../mail/send-mail.ts";
import { addUser } from "../people/add-user.ts";
import { assignRole } from "../people/assign-role.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { ValidationError } from "../platform/errors.ts";
import { ensurePeriodicReports, saveReportingSettings } from "../reports/calendar.ts";
import {
  commentOnDeviationReport,
  createDeviationReport,
  decideDeviationReport,
  submitDeviationReport,
} from "../reports/deviation-reports.ts";
import { recordFinalReportPaperSignature } from "../reports/final-report-signatures.ts";
import {
  acceptFinalReport,
  createFinalReport,
  type FinalReportInput,
  finalReportInputOf,
  getFinalReport,
  returnFinalReport,
  saveFinalReport,
  submitFinalReport,
} from "../reports/final-reports.ts";
import {
  acceptPeriodicReport,
  commentOnPeriodicReport,
  getPeriodicReport,
  registerArrival,
  returnPeriodicReport,
  savePeriodicReport,
  saveSteeringAnalysis,
  submitPeriodicReport,
} from "../reports/periodic-reports.ts";
import { sendReportReminders } from "../reports/reminders.ts";
import {
  deviationReports,
  finalReports,
  meetingAttachments,
  meetingAttendance,
  periodicReports,
  reportComments,
  reportReminders,
  reportVersions,
  steeringGroupMeetings,
  steeringGroupMembers,
} from "../reports/schema.ts";
import {
  addMeetingAttachment,
  addSteeringGroupMeeting,
  addSteeringGroupMember,
  endSteeringGroupMembership,
  updateSteeringGroupMeeting,
} from "../reports/steering-groups.ts";
import { type Bundle, type BundleApplication, parseBundle } from "./bundle-schema.ts";
import { bundleJson, exportBundle } from "./export-bundle.ts";
import { IMPORT_ACTOR, importBundle } from "./import-bundle.ts";
import { BUNDLE_SCHEMA_FILE, bundleSchemaJson } from "./write-schema.ts";

let a: TestDatabase;
let b: TestDatabase;
let c: TestDatabase;
let exported: string;
let reports: string;

/** A 1×1 PNG: the demo's logo in the exporting instance. */
const LOGO = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

async function exportDemo(q: Queryable): Promise<string> {
  const association = await findAssociationBySlug(q, DEMO_SLUG);
  if (!association) throw new Error("no demo association");
  return bundleJson(await exportBundle(q, association.id));
}

/** The bundle text without the one line that differs between two exports. */
const withoutExportedAt = (text: string) => {
  const { exportedAt: _, ...rest } = JSON.parse(text) as Bundle;
  return JSON.stringify(rest, null, 2);
};

const copy = (text: string) => JSON.parse(text) as Bundle;

/** The demo's application in a status, and its place in the bundle. */
function withStatus(bundle: Bundle, status: BundleApplication["status"]) {
  const index = bundle.applications.findIndex((x) => x.status === status);
  const application = bundle.applications[index];
  if (!application) throw new Error(`the demo has an application in status ${status}`);
  return { index, application };
}

/** Rows of the application tables, to show that an import wrote nothing. */
const applicationRows = async (q: Queryable) => ({
  applications: await q.$count(applications),
  versions: await q.$count(applicationVersions),
  signatures: await q.$count(applicationSignatures),
  comments: await q.$count(applicationComments),
  counters: await q.select().from(registryCounters),
});

const auditCount = async (q: Queryable, action?: string) => {
  const [row] = await q
    .select({ n: count() })
    .from(auditEvents)
    .where(action ? eq(auditEvents.action, action) : undefined);
  return row?.n ?? 0;
};

async function refusal(q: Queryable, source: string | Bundle): Promise<ValidationError> {
  try {
    await importBundle(q, IMPORT_ACTOR, source);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error("the import was not refused");
}

// --- the reporting side, built with the reporting capability's own use cases ----------------

const REPORTS_SLUG = "rapportprov";
const office = { userId: null, label: "Maria Lindqvist" };
const lead = { userId: null, label: "Lea Ledare" };
const steering = { userId: null, label: "Karin Ek" };
const today = todayInSweden();

/** A small PDF, the minutes of the first steering-group meeting. */
const MINUTES = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  "latin1",
);

const ids = {
  association: "",
  running: "",
  finals: [] as string[],
  members: [] as string[],
  meeting: "",
  /** The approved deviation report that asked to move funds: the budget's re-phasing. */
  approvedDeviation: "",
  /** The requisitions of 2025-K1 (paid, with an attachment), K2 (returned) and K3 (a draft). */
  paid: "",
  returned: "",
  draft: "",
};

/** Everything a periodic report needs to be submitted. */
async function completePeriodic(q: Queryable, reportId: string, activities: string) {
  const details = await getPeriodicReport(q, ids.association, reportId);
  if (!details) throw new Error("no report");
  const yes = { answer: "ja", comment: "" };
  const no = { answer: "nej", comment: "" };
  return {
    texts: { activities, userParticipation: "Deltagarråd varannan månad." },
    goals: details.content.goals.map((g) => ({ ...g, assessment: "i_fas", comment: "" })),
    answers: {
      inPhase: yes,
      steeringPrognosis: yes,
      startedOnTime: yes,
      vacanciesFunded: no,
      vacanciesOwn: no,
      methodChecked: yes,
      targetGroupChecked: yes,
      equityDiscussed: yes,
      genderEqualityDiscussed: { answer: "ja", comment: "I styrgruppen i mars." },
      deviationGoalsOrTargetGroup: no,
    },
    reportedBy: "Lea Ledare",
    reportedOn: "2025-04-15",
  };
}

/** Everything a final report needs to be submitted. */
async function completeFinal(q: Queryable, reportId: string): Promise<FinalReportInput> {
  const report = await getFinalReport(q, ids.association, reportId);
  if (!report) throw new Error("no final report");
  const c = report.content;
  return {
    ...finalReportInputOf(c),
    goals: c.goals.map((_, i) => ({
      achieved: i === 0 ? "delvis" : "ja",
      outcome: `Utfall för mål ${i + 1}.`,
      figures: "18 av 30",
    })),
    equality: "Vi följde upp könsfördelningen varje kvartal.",
    actualEndDate: "2025-12-31",
    participants: { feasibilityStudy: false, women: "14", men: 12, otherOrNotStated: "0" },
    methodAsIntended: "delvis",
    returnedFunds: { returned: "ja", amount: "25 000 kr", reason: "Vakans", consequences: "" },
    lessons: c.parties.map((p) => ({
      organisationId: p.organisationId,
      text: `${p.name} lärde sig.`,
    })),
  };
}

async function periodicOf(q: Queryable, periodKey: string) {
  const [row] = await q
    .select()
    .from(periodicReports)
    .where(
      and(eq(periodicReports.initiativeId, ids.running), eq(periodicReports.periodKey, periodKey)),
    );
  if (!row) throw new Error(`no report for ${periodKey}`);
  return row;
}

/**
 * An association with a running initiative that has reported a year: a steering group with
 * four members (one who left), meetings with attendance and minutes, quarterly reports locked,
 * returned, submitted and in draft, deviation reports approved, rejected, submitted and in draft,
 * reminders sent, and final reports in every status (the running one's locked).
 */
async function seedReporting(q: Queryable) {
  const association = await createAssociation(q, office, {
    slug: REPORTS_SLUG,
    name: "Samordningsförbundet Rapportprov",
    orgNumber: "222000-0018",
  });
  ids.association = association.id;
  const org = (name: string, orgNumber: string, kind: string) =>
    addMemberOrganisation(q, office, association.id, { name, orgNumber, kind });
  const tierp = (await org("Tierps kommun", "212000-0274", "kommun")).id;
  const fk = (await org("Försäkringskassan", "202100-5521", "forsakringskassan")).id;
  const af = (await org("Arbetsförmedlingen", "202100-2114", "arbetsformedlingen")).id;
  const initiative = async (name: string, partnerIds: string[]) =>
    (
      await createInitiative(q, office, association.id, {
        name,
        ownerOrganisationId: tierp,
        partnerIds,
        status: "pagaende",
        orientation: "individual",
        preRehabilitation: false,
        esf: false,
        startDate: "2025-01-01",
        endDate: "2025-12-31",
        targetGroup: "Unga vuxna 18–29 år",
        expectedParticipantsOngoing: false,
        goals: [
          { text: "Till arbete eller studier", kind: "resultatmal", targetPercent: "60" },
          { text: "Handlingsplan för alla", kind: "insatsmal", targetPercent: "100" },
        ],
        localUnits: [],
      })
    ).id;
  ids.running = await initiative("Tierp, Vägen vidare", [fk, af]);
  for (const name of ["Tierp, Kompassen", "Tierp, Bron", "Tierp, Steget"])
    ids.finals.push(await initiative(name, [fk]));
  const leader = await addUser(q, office, {
    email: "lea.ledare@rapportprov.example",
    name: "Lea Ledare",
  });
  await assignRole(q, office, {
    userId: leader.id,
    associationId: association.id,
    role: "initiative_lead",
    initiativeId: ids.running,
  });
  await saveReportingSettings(q, office, association.id, 0, {
    cadence: "quarter",
    dueMonthsAfter: 1,
    remindDaysBefore: 7,
    followUpPeriods: ["halfyear", "year"],
    reportsFrom: "2025-01-01",
  });
  await ensurePeriodicReports(q, association.id, "2025-12-31", ids.running);

  // the steering group: members, meetings with attendance, the minutes
  const member = async (
    organisationId: string,
    name: string,
    membership: "ordinarie" | "ersattare",
    email = "",
  ) =>
    addSteeringGroupMember(q, office, association.id, ids.running, {
      organisationId,
      name,
      email,
      title: membership === "ordinarie" ? "Enhetschef" : "Handläggare",
      membership,
      fromDate: "2025-01-01",
    });
  ids.members = [
    await member(tierp, "Karin Ek", "ordinarie", "karin.ek@tierp.example"),
    await member(fk, "Olle Berg", "ordinarie"),
    await member(fk, "Sofia Lind", "ersattare"),
    await member(af, "Per Ahl", "ordinarie"),
  ];
  const [karin, olle, sofia, per] = ids.members as [string, string, string, string];
  await endSteeringGroupMembership(q, office, association.id, ids.running, per, "2025-06-30");
  const meeting = async (
    meetingDate: string,
    attendance: Array<{ memberId: string; present: boolean }>,
  ) => {
    const id = await addSteeringGroupMeeting(q, office, association.id, ids.running, {
      meetingDate,
      held: true,
      agenda: "1. Läget i insatsen\n2. Budget",
      decisions: "Styrgruppen godkände lägesrapporten.",
    });
    await updateSteeringGroupMeeting(q, office, association.id, ids.running, id, 1, {
      meetingDate,
      held: true,
      agenda: "1. Läget i insatsen\n2. Budget",
      decisions: "Styrgruppen godkände lägesrapporten.",
      attendance,
    });
    return id;
  };
  ids.meeting = await meeting("2025-03-12", [
    { memberId: karin, present: true },
    { memberId: olle, present: false },
    { memberId: sofia, present: true },
    { memberId: per, present: true },
  ]);
  await addMeetingAttachment(q, office, association.id, ids.running, ids.meeting, {
    fileName: "Protokoll 2025-03-12.pdf",
    data: MINUTES,
  });
  await meeting("2025-06-10", [
    { memberId: karin, present: true },
    { memberId: olle, present: true },
    { memberId: sofia, present: false },
  ]);
  await addSteeringGroupMeeting(q, office, association.id, ids.running, {
    meetingDate: "2027-03-01",
    held: false,
    agenda: "Avslutning",
  });

  // periodic reports: K1 locked, K2 returned, K3 submitted, K4 a draft
  const save = async (periodKey: string, activities: string) => {
    const r = await periodicOf(q, periodKey);
    return savePeriodicReport(q, lead, association.id, r.id, r.version, {
      ...(await completePeriodic(q, r.id, activities)),
    });
  };
  const submit = async (periodKey: string) => {
    const r = await periodicOf(q, periodKey);
    return submitPeriodicReport(q, lead, association.id, r.id, r.version);
  };
  const register = async (periodKey: string, arrivalDate: string) => {
    const r = await periodicOf(q, periodKey);
    return registerArrival(q, office, association.id, r.id, r.version, {
      arrivalDate,
      initials: "ML",
    });
  };
  await save("2025-K1", "Tolv deltagare har börjat.");
  await submit("2025-K1");
  const k1 = await periodicOf(q, "2025-K1");
  await saveSteeringAnalysis(q, steering, association.id, k1.id, k1.version, {
    goalFulfilment: "I fas.",
    budget: "Enligt plan.",
    deviations: "",
    implementationPlan: "Diskuteras i höst.",
    writtenBy: "Karin Ek",
    writtenOn: "2025-04-20",
  });
  await commentOnPeriodicReport(
    q,
    office,
    association.id,
    k1.id,
    "Närvaron stämmer med protokollet.",
    "answers.allOrdinaryAttended",
  );
  await register("2025-K1", "2025-04-25");
  const registered = await periodicOf(q, "2025-K1");
  await acceptPeriodicReport(q, office, association.id, registered.id, registered.version);
  await save("2025-K2", "Fjorton deltagare.");
  await submit("2025-K2");
  const k2 = await periodicOf(q, "2025-K2");
  await returnPeriodicReport(
    q,
    office,
    association.id,
    k2.id,
    k2.version,
    "Komplettera avsnitt 2.3 om brukarmedverkan.",
  );
  await save("2025-K3", "Sexton deltagare.");
  await submit("2025-K3");
  await register("2025-K3", "2025-10-28");
  await save("2025-K4", "Utkast.");

  // deviation reports: approved by the office, rejected by the board, submitted, a draft
  const deviation = async (input: Parameters<typeof createDeviationReport>[4]) =>
    createDeviationReport(q, lead, association.id, ids.running, input);
  const texts = {
    description: "Lägre kostnader än planerat.",
    cause: "En vakans i två månader.",
    consequence: "Medel blir över.",
    measures: "Rekryteringen är klar.",
  };
  const approved = await deviation({
    ...texts,
    types: ["budget"],
    request: "flytta_medel",
    requestedAmount: "50 000",
  });
  ids.approvedDeviation = approved;
  await submitDeviationReport(q, lead, association.id, approved, 1);
  await decideDeviationReport(q, office, association.id, approved, 2, {
    decisionBody: "kansli",
    decision: "godkand",
    decisionDate: today,
  });
  const rejected = await deviation({
    ...texts,
    types: ["tidsplan", "bemanning"],
    request: "forlangning",
    requestedEndDate: "2026-06-30",
  });
  await submitDeviationReport(q, lead, association.id, rejected, 1);
  await decideDeviationReport(q, office, association.id, rejected, 2, {
    decisionBody: "styrelse",
    decision: "avslagen",
    decisionDate: today,
    meeting: "Styrelsemöte 2026-12-01",
    paragraph: "§ 12",
    motivation: "Budgeten räcker inte till en förlängning.",
  });
  const submitted = await deviation({
    ...texts,
    types: ["malgrupp"],
    request: "andrad_malgrupp",
    requestedTargetGroup: "Unga vuxna 18–29 år och deras anhöriga",
  });
  await submitDeviationReport(q, lead, association.id, submitted, 1);
  await commentOnDeviationReport(
    q,
    office,
    association.id,
    submitted,
    "Begäran tas upp på nästa styrelsemöte.",
  );
  await deviation({ ...texts, types: ["mal"], request: "ingen" });

  // final reports: the running initiative's locked, and one in each other status
  const [draft, inskickad, returned] = ids.finals as [string, string, string];
  const finalReport = async (initiativeId: string) => {
    const { id } = await createFinalReport(q, lead, association.id, initiativeId);
    return id;
  };
  const submitFinal = async (initiativeId: string) => {
    const id = await finalReport(initiativeId);
    await saveFinalReport(q, lead, association.id, id, 1, await completeFinal(q, id));
    // every party signs on paper before the report is submitted
    const report = await getFinalReport(q, association.id, id);
    for (const p of report?.content.parties ?? [])
      await recordFinalReportPaperSignature(q, office, association.id, id, {
        organisationId: p.organisationId,
        name: `Chef på ${p.name}`,
        email: "",
        signedOn: today,
      });
    await submitFinalReport(q, lead, association.id, id, 2);
    return id;
  };
  const locked = await submitFinal(ids.running);
  await acceptFinalReport(q, office, association.id, locked, 3);
  await finalReport(draft);
  await submitFinal(inskickad);
  const back = await submitFinal(returned);
  await returnFinalReport(q, office, association.id, back, 3, "Lägg till lärdomar per part.");

  // the reminders for the draft of the last quarter: ahead of the due date, then overdue
  const mailer = createMailer({
    smtpUrl: undefined,
    from: "samspar@example.se",
    enqueue: async () => {},
  });
  const deps = { mailer, baseUrl: "https://samspar.example" };
  await sendReportReminders(q, deps, new Date("2026-01-28T08:30:00Z"));
  await sendReportReminders(q, deps, new Date("2026-02-01T08:30:00Z"));
}

/** A small PDF, the ledger extract of the first quarter's requisition. */
const LEDGER = Buffer.from(
  "%PDF-1.4\n% Huvudbok 2025-K1\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  "latin1",
);

/**
 * The reporting association's money, written the way the office and the lead write it: the
 * normal band, the allocated funds of 2025 (with keys) and 2026, the running initiative's budget
 * decided and then re-phased after the approved deviation report, its requisitions of 2025-K1
 * (approved and paid, with the ledger extract), 2025-K2 (returned for a missing attachment) and
 * 2025-K3 (a draft), returned funds, and two prognoses.
 */
async function seedMoney(q: Queryable) {
  const associationId = ids.association;
  const region = await addMemberOrganisation(q, office, associationId, {
    name: "Region Uppsala",
    orgNumber: "232100-0024",
    kind: "region",
  });
  const [tierp] = await q
    .select({ id: memberOrganisations.id })
    .from(memberOrganisations)
    .where(
      and(
        eq(memberOrganisations.associationId, associationId),
        eq(memberOrganisations.orgNumber, "212000-0274"),
      ),
    );
  if (!tierp) throw new Error("Tierp is a member");
  await saveFinanceBand(q, office, associationId, 0, { low: 85, high: 115 });
  await saveFundingYear(q, office, associationId, 2025, 0, {
    totalAllocation: "4 000 000",
    equityOpening: "-150 000",
    adminBudget: "600 000",
    adminOutcome: "585 000",
    note: "Enligt medlemssamrådet 2024.",
    keys: { [tierp.id]: "21 000", [region.id]: "390 000" },
  });
  await saveFundingYear(q, office, associationId, 2026, 0, {
    totalAllocation: "4 200 000",
    equityOpening: "120 000",
    adminBudget: "620 000",
  });

  // the budget as decided, then re-phased after the approved deviation report
  const line = (periodKey: string, category: string, amount: number, party?: string) => ({
    periodKey,
    category,
    source: party ? "medfinansiering" : "forbund",
    organisationId: party ?? null,
    coKind: party ? "personaltid" : null,
    amount,
  });
  const decided = ["2025-K1", "2025-K2", "2025-K3", "2025-K4"].flatMap((p) => [
    line(p, "personal", 150_000),
    line(p, "lokaler", 20_000),
    line(p, "personal", 30_000, tierp.id),
  ]);
  await saveBudget(q, office, associationId, ids.running, null, {
    lines: decided,
    reason: "Budget enligt styrelsens beslut 2024-11-20 § 7.",
    kind: "beslut",
  });
  const moved = (l: (typeof decided)[number]) =>
    l.category !== "personal" || l.source !== "forbund"
      ? l
      : l.periodKey === "2025-K2"
        ? { ...l, amount: 100_000 }
        : l.periodKey === "2025-K4"
          ? { ...l, amount: 200_000 }
          : l;
  await rephaseBudget(
    q,
    office,
    associationId,
    ids.running,
    1,
    ids.approvedDeviation,
    decided.map(moved),
    "Vakansen under våren: 50 000 kr flyttas till fjärde kvartalet.",
  );

  // requisitions, each step an hour after the one before
  const mailer = createMailer({
    smtpUrl: undefined,
    from: "samspar@example.se",
    enqueue: async () => {},
  });
  const deps = { mailer, baseUrl: "https://samspar.example" };
  let clock = Date.parse("2025-04-10T07:00:00Z");
  const step = () => {
    clock += 3_600_000;
    return new Date(clock);
  };
  const spent = (personal: number) => [
    { category: "personal", source: "forbund", amount: personal },
    { category: "lokaler", source: "forbund", amount: 20_000 },
    {
      category: "personal",
      source: "medfinansiering",
      organisationId: tierp.id,
      coKind: "personaltid",
      amount: 30_000,
    },
  ];
  ids.paid = await createRequisition(q, lead, associationId, ids.running, "2025-K1", step());
  await saveRequisition(
    q,
    lead,
    associationId,
    ids.paid,
    1,
    { lines: spent(140_000), note: "Enligt huvudboken." },
    { now: step() },
  );
  await addRequisitionAttachment(
    q,
    lead,
    associationId,
    ids.paid,
    { fileName: "Huvudbok 2025-K1.pdf", data: LEDGER },
    step(),
  );
  await submitRequisition(q, deps, lead, associationId, ids.paid, 3, step());
  await approveRequisition(q, deps, office, associationId, ids.paid, 4, step());
  await markRequisitionPaid(
    q,
    office,
    associationId,
    ids.paid,
    5,
    "2025-04-30",
    new Date("2025-04-30T10:00:00Z"),
  );
  clock = Date.parse("2025-07-10T07:00:00Z");
  ids.returned = await createRequisition(q, lead, associationId, ids.running, "2025-K2", step());
  await saveRequisition(
    q,
    lead,
    associationId,
    ids.returned,
    1,
    { lines: spent(95_000) },
    {
      now: step(),
    },
  );
  await submitRequisition(q, deps, lead, associationId, ids.returned, 2, step());
  await returnRequisition(
    q,
    deps,
    office,
    associationId,
    ids.returned,
    3,
    "Underlaget saknas: bifoga utdraget ur huvudboken för kvartalet.",
    step(),
  );
  clock = Date.parse("2025-10-10T07:00:00Z");
  ids.draft = await createRequisition(q, lead, associationId, ids.running, "2025-K3", step());
  await saveRequisition(
    q,
    lead,
    associationId,
    ids.draft,
    1,
    { lines: spent(150_000) },
    {
      now: step(),
    },
  );

  await recordReturnedFunds(q, office, associationId, ids.running, {
    amount: "25 000",
    reason: "Vakans som handledare i maj och juni.",
    returnedOn: "2026-01-20",
    year: 2025,
  });
  await setPrognosisOverride(
    q,
    office,
    associationId,
    ids.running,
    "2025-K1",
    "ok",
    "Följer planen efter omfördelningen.",
  );
  await setPrognosisOverride(
    q,
    office,
    associationId,
    ids.running,
    "2025-K2",
    "bevaka",
    "Vakansen påverkar förbrukningen; följs upp i styrgruppen.",
  );
}

async function exportReports(q: Queryable): Promise<string> {
  const association = await findAssociationBySlug(q, REPORTS_SLUG);
  if (!association) throw new Error("no reporting association");
  return bundleJson(await exportBundle(q, association.id));
}

/** Rows of every reporting table, to show that an import wrote nothing, or nothing new. */
const reportingRows = async (q: Queryable) => ({
  associations: await q.$count(associations),
  initiatives: await q.$count(initiatives),
  applications: await q.$count(applications),
  periodic: await q.$count(periodicReports),
  deviation: await q.$count(deviationReports),
  final: await q.$count(finalReports),
  versions: await q.$count(reportVersions),
  comments: await q.$count(reportComments),
  reminders: await q.$count(reportReminders),
  members: await q.$count(steeringGroupMembers),
  meetings: await q.$count(steeringGroupMeetings),
  attendance: await q.$count(meetingAttendance),
  attachments: await q.$count(meetingAttachments),
});

/** Rows of every money table, to show that an import wrote nothing, or nothing new. */
const moneyRows = async (q: Queryable) => ({
  associations: await q.$count(associations),
  settings: await q.$count(financeSettings),
  years: await q.$count(fundingYears),
  shares: await q.$count(fundingShares),
  budgets: await q.$count(initiativeBudgets),
  budgetLines: await q.$count(initiativeBudgetLines),
  requisitions: await q.$count(requisitions),
  requisitionLines: await q.$count(requisitionLines),
  attachments: await q.$count(requisitionAttachments),
  events: await q.$count(requisitionEvents),
  returned: await q.$count(returnedFunds),
  prognoses: await q.$count(prognosisOverrides),
});

/** A bundle without the sections versions 4 and 5 added, as a version 3 file holds it. */
function withoutMoney(bundle: Bundle) {
  // and without what later versions added: the disclosure control (5), the follow-ups (6), the
  // progression measurement (7), the courses and question sets (8)
  const {
    courses: _co,
    evaluationForms: _ef,
    progression: _pr,
    followUps: _fu,
    disclosureSettings: _ds,
    financeSettings: _s,
    fundingYears: _y,
    initiativeBudgets: _b,
    requisitions: _r,
    returnedFunds: _f,
    prognosisOverrides: _p,
    ...rest
  } = bundle;
  return rest;
}

/** Every key in a bundle: the only ids it may hold. */
const keysOf = (bundle: Bundle) =>
  new Set([
    ...bundle.initiatives.map((x) => x.key),
    ...bundle.applications.map((x) => x.key),
    ...bundle.periodicReports.map((x) => x.key),
    ...bundle.deviationReports.map((x) => x.key),
    ...bundle.finalReports.map((x) => x.key),
    ...bundle.steeringGroups.flatMap((g) => [
      ...g.members.map((m) => m.key),
      ...g.meetings.flatMap((m) => [m.key, ...m.attachments.map((a) => a.key)]),
    ]),
    ...bundle.requisitions.flatMap((r) => [r.key, ...r.attachments.map((a) => a.key)]),
    ...bundle.returnedFunds.map((r) => r.key),
    ...bundle.followUps.flatMap((f) => [f.key, ...f.versions.map((v) => v.key)]),
    ...bundle.courses.flatMap((c) => [
      c.key,
      ...c.chapters.flatMap((ch) => [ch.key, ...ch.pages.map((p) => p.key)]),
      ...c.media.map((m) => m.key),
    ]),
    // a question's own id (results are per question)
    ...bundle.evaluationForms.flatMap((f) => f.questions.map((q) => q.id)),
  ]);
/** The highest diarienummer of each year, applications and reports together (one series). */
function countersOf(bundle: Bundle) {
  const last = new Map<number, number>();
  for (const x of [
    ...bundle.applications,
    ...bundle.periodicReports,
    ...bundle.deviationReports,
    ...bundle.finalReports,
  ]) {
    const [year, n] = (x.registryNumber ?? "").split("/").map(Number);
    if (year && n) last.set(year, Math.max(last.get(year) ?? 0, n));
  }
  return [...last].sort(([x], [y]) => x - y).map(([year, lastNumber]) => ({ year, lastNumber }));
}
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

beforeAll(async () => {
  [a, b, c] = await Promise.all([createTestDatabase(), createTestDatabase(), createTestDatabase()]);
  await seedDemo(a.db);
  const demo = await findAssociationBySlug(a.db, DEMO_SLUG);
  await setAssociationLogo(a.db, IMPORT_ACTOR, demo?.id ?? "", LOGO);
  await saveDisclosureSettings(a.db, IMPORT_ACTOR, demo?.id ?? "", 0, {
    threshold: 3,
    allowTrueZero: true,
  });
  await seedReporting(a.db);
  await seedMoney(a.db);
  exported = await exportDemo(a.db);
  reports = await exportReports(a.db);
}, 240_000);

afterAll(async () => {
  await Promise.all([a?.drop(), b?.drop(), c?.drop()]);
});

describe("the association bundle", () => {
  it("holds the association, its members, initiatives and applications, and no accounts", async () => {
    const bundle = parseBundle(exported);
    expect(bundle).toMatchObject({
      format: "samspar-association-bundle",
      version: 8,
      association: {
        slug: DEMO_SLUG,
        name: "Samordningsförbundet Demo",
        orgNumber: "222000-0000",
        requireStaffTotp: false,
      },
      applicationSettings: { formVersion: "Ansökan 2026:1" },
      logo: { mediaType: "image/png", dataBase64: LOGO.toString("base64") },
      disclosureSettings: { threshold: 3, allowTrueZero: true },
    });
    // the demo's follow-ups: the second half of 2025 locked, the first half of 2026 a draft
    expect(bundle.followUps.map((f) => [f.period.from, f.versions.map((v) => v.status)])).toEqual([
      ["2025-07-01", ["last"]],
      ["2026-01-01", ["utkast"]],
    ]);
    const orgNumbers = bundle.memberOrganisations.map((o) => o.orgNumber);
    expect(orgNumbers).toHaveLength(9);
    expect(orgNumbers).toEqual([...orgNumbers].sort());
    const demo = await findAssociationBySlug(a.db, DEMO_SLUG);
    const [rows] = await a.db
      .select({ n: count() })
      .from(initiatives)
      .where(eq(initiatives.associationId, demo?.id ?? ""));
    expect(bundle.initiatives).toHaveLength(rows?.n ?? -1);
    const names = bundle.initiatives.map((i) => i.name);
    expect(names).toEqual([...names].sort(new Intl.Collator("sv").compare));
    for (const initiative of bundle.initiatives) {
      expect(initiative.partners).toEqual([...initiative.partners].sort());
      expect(initiative.partners).not.toContain(initiative.owner);
    }

    // applications in every status, with their history, signatures and comments
    expect(new Set(bundle.applications.map((x) => x.status))).toEqual(
      new Set(APPLICATION_STATUSES),
    );
    const initiativeKeys = new Set(bundle.initiatives.map((i) => i.key));
    for (const application of bundle.applications) {
      expect(initiativeKeys.has(application.initiative)).toBe(true);
      expect(application.versions.map((v) => v.version)).toEqual(
        application.versions.map((_, i) => i + 1),
      );
      expect(application.versions.at(-1)?.content).toEqual(application.content);
    }
    const submitted = withStatus(bundle, "inskickad").application;
    expect(submitted.registryNumber).toMatch(/^2026\/\d+$/);
    expect(submitted.signatures.map((x) => x.method)).toEqual(["paper", "paper"]);
    const returned = withStatus(bundle, "komplettering").application;
    expect(returned.returnMessage).toMatch(/personalkostnaden/);
    expect(returned.comments.length).toBeGreaterThan(0);
    expect(returned.signatures.every((x) => x.method === "link")).toBe(true);
    const granted = withStatus(bundle, "beviljad").application;
    expect(granted).toMatchObject({ decision: "beviljad", decisionParagraph: "8" });
    expect(granted.versions.map((v) => v.event)).toEqual([
      "created",
      "registered",
      "preparation_started",
      "decided",
    ]);
    expect(granted.versions.every((v) => v.actorName === "Maria Lindqvist")).toBe(true);
    expect(withStatus(bundle, "avslagen").application.decision).toBe("avslagen");
    const draft = withStatus(bundle, "utkast").application;
    expect(draft).toMatchObject({ registryNumber: null, arrivalDate: null, signatures: [] });
    expect(draft.versions).toHaveLength(2);
    // applications and reports share one series of diarienummer
    expect(bundle.registryCounters).toEqual(countersOf(bundle));

    // the only ids are the keys; people by name, never by account
    const keys = keysOf(bundle);
    expect(exported.match(UUID)?.every((u) => keys.has(u))).toBe(true);
    // an address is only ever a signer's or a steering-group member's own, never an account's
    const addresses = JSON.stringify({
      ...bundle,
      applications: bundle.applications.map((x) => ({ ...x, signatures: [] })),
      steeringGroups: bundle.steeringGroups.map((g) => ({
        ...g,
        members: g.members.map((m) => ({ ...m, email: "" })),
      })),
    });
    expect(addresses).not.toContain("@demo.samspar.se");
    expect(exported).not.toMatch(/tokenHash|createdBy|decidedBy|actorUserId|authorUserId/);
  });

  it("is described by the committed JSON Schema", () => {
    // regenerate with: node src/bundle/write-schema.ts
    expect(fs.readFileSync(BUNDLE_SCHEMA_FILE, "utf8")).toBe(bundleSchemaJson());
  });

  it("imports into an empty instance and exports the same bundle back", async () => {
    const result = await importBundle(b.db, IMPORT_ACTOR, exported);
    const bundle = copy(exported);
    expect(result.association).toMatchObject({ slug: DEMO_SLUG, outcome: "created" });
    expect(result.memberOrganisations).toEqual({ created: 9, updated: 0, unchanged: 0 });
    expect(result.initiatives).toEqual({
      created: bundle.initiatives.length,
      updated: 0,
      unchanged: 0,
    });
    expect(result.applications).toEqual({
      created: bundle.applications.length,
      updated: 0,
      unchanged: 0,
    });
    expect(result).toMatchObject({
      applicationSettings: "created",
      logo: "created",
      disclosureSettings: "created",
      registryCounters: { created: bundle.registryCounters.length, updated: 0, unchanged: 0 },
    });
    const again = await exportDemo(b.db);
    expect(JSON.parse(withoutExportedAt(again))).toEqual(JSON.parse(withoutExportedAt(exported)));
    expect(withoutExportedAt(again)).toBe(withoutExportedAt(exported));
    expect(await auditCount(b.db, "bundle.imported")).toBe(1);
    expect(await auditCount(b.db, "initiative.created")).toBe(bundle.initiatives.length);
    expect(await auditCount(b.db, "application.imported")).toBe(bundle.applications.length);
    const [event] = await b.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "bundle.imported"))
      .orderBy(auditEvents.seq);
    expect(event?.actorLabel).toBe("cli:import");
    // the versions keep the time they were made
    const granted = withStatus(bundle, "beviljad").application;
    const [first] = await b.db
      .select()
      .from(applicationVersions)
      .where(eq(applicationVersions.applicationId, granted.key))
      .orderBy(applicationVersions.version);
    expect(first?.createdAt.toISOString()).toBe(granted.versions[0]?.createdAt);
    expect(first?.actorUserId).toBeNull();
  });

  it("changes nothing when the same bundle is imported again", async () => {
    const before = await auditCount(b.db);
    const rows = await applicationRows(b.db);
    const result = await importBundle(b.db, IMPORT_ACTOR, exported);
    expect(result.association.outcome).toBe("unchanged");
    expect(result.memberOrganisations).toEqual({ created: 0, updated: 0, unchanged: 9 });
    expect(result.initiatives.created + result.initiatives.updated).toBe(0);
    expect(result.applications).toEqual({
      created: 0,
      updated: 0,
      unchanged: copy(exported).applications.length,
    });
    expect(result).toMatchObject({
      applicationSettings: "unchanged",
      logo: "unchanged",
      disclosureSettings: "unchanged",
      registryCounters: {
        created: 0,
        updated: 0,
        unchanged: copy(exported).registryCounters.length,
      },
    });
    expect(await applicationRows(b.db)).toEqual(rows);
    expect(await auditCount(b.db)).toBe(before);
  });

  it("changes nothing in the instance the bundle came from", async () => {
    const before = await auditCount(a.db);
    const rows = await applicationRows(a.db);
    const result = await importBundle(a.db, IMPORT_ACTOR, exported);
    expect(result.applications.created + result.applications.updated).toBe(0);
    expect(result.initiatives.created + result.initiatives.updated).toBe(0);
    expect(await applicationRows(a.db)).toEqual(rows);
    expect(await auditCount(a.db)).toBe(before);
  });

  it("updates exactly the initiative whose name changed", async () => {
    const bundle = copy(exported);
    const target = bundle.initiatives[1];
    if (!target) throw new Error("the demo has initiatives");
    target.name = `${target.name} (nytt namn)`;
    const updatesBefore = await auditCount(b.db, "initiative.updated");
    const result = await importBundle(b.db, IMPORT_ACTOR, bundle);
    expect(result.initiatives).toEqual({
      created: 0,
      updated: 1,
      unchanged: bundle.initiatives.length - 1,
    });
    expect(await auditCount(b.db, "initiative.updated")).toBe(updatesBefore + 1);
    const [row] = await b.db.select().from(initiatives).where(eq(initiatives.id, target.key));
    expect(row).toMatchObject({ name: target.name, version: 2 });
    // and the old name comes back just as exactly
    const back = await importBundle(b.db, IMPORT_ACTOR, exported);
    expect(back.initiatives.updated).toBe(1);
    expect(withoutExportedAt(await exportDemo(b.db))).toBe(withoutExportedAt(exported));
  });

  it("refuses an owner who is also a partner, or an end before the start, writing nothing", async () => {
    const before = withoutExportedAt(await exportDemo(b.db));
    const events = await auditCount(b.db);
    const bundle = copy(exported);
    const [first, second] = bundle.initiatives;
    if (!first || !second) throw new Error("the demo has initiatives");
    first.partners = [...first.partners, first.owner];
    second.startDate = "2026-06-01";
    second.endDate = "2026-01-31";
    bundle.memberOrganisations.push({
      key: "212000-1355",
      name: "Ny kommun",
      orgNumber: "212000-1355",
      kind: "kommun",
    });
    const error = await refusal(b.db, bundle);
    expect(error.fields["initiatives[0].partners"]).toBe(
      `initiatives[0].partners (insatsen "${first.name}", samverkansparter): ` +
        "Insatsägaren kan inte också vara samverkanspart. Välj de andra parterna.",
    );
    expect(error.fields["initiatives[1].endDate"]).toBe(
      `initiatives[1].endDate (insatsen "${second.name}", slutdatum): ` +
        "Slutdatum kan inte vara före startdatum.",
    );
    expect(withoutExportedAt(await exportDemo(b.db))).toBe(before);
    expect(await auditCount(b.db)).toBe(events);
    const [orgs] = await b.db.select({ n: count() }).from(memberOrganisations);
    expect(orgs?.n).toBe(9);
  });

  it("names an owner that is not a member", async () => {
    const bundle = copy(exported);
    const first = bundle.initiatives[0];
    if (!first) throw new Error("the demo has initiatives");
    first.owner = "212000-1355";
    const error = await refusal(b.db, bundle);
    expect(error.fields["initiatives[0].owner"]).toBe(
      `initiatives[0].owner (insatsen "${first.name}"): ` +
        "Organisationsnumret 212000-1355 finns inte bland förbundets medlemsorganisationer.",
    );
  });

  it("refuses a file of another format or version, or with misspelt fields, in Swedish", async () => {
    const wrongFormat = await refusal(b.db, JSON.stringify({ ...copy(exported), format: "excel" }));
    expect(wrongFormat.message).toContain("inte en förbundsexport från Samspår");
    const newer = await refusal(b.db, JSON.stringify({ ...copy(exported), version: 9 }));
    expect(newer.message).toBe(
      "Filen är i version 9 av formatet, men den här versionen av Samspår läser version 1, 2, 3, 4, 5, 6, 7 och 8. Uppdatera Samspår och försök igen.",
    );
    expect((await refusal(b.db, "{ inte json")).message).toContain("inte giltig JSON");

    const bundle = copy(exported) as unknown as { initiatives: Array<Record<string, unknown>> };
    const third = bundle.initiatives[3];
    if (!third) throw new Error("the demo has initiatives");
    third.owner = "Tierps kommun";
    third.status = "klar";
    const error = await refusal(b.db, JSON.stringify(bundle));
    expect(error.fields["initiatives[3].owner"]).toBe(
      "initiatives[3].owner: Skriv organisationsnumret som NNNNNN-NNNN.",
    );
    expect(error.fields["initiatives[3].status"]).toMatch(
      /^initiatives\[3\]\.status: Ogiltigt val/,
    );
  });

  it("updates the association's name; its sign-in rule is set only when the import creates it", async () => {
    const bundle = copy(exported);
    bundle.association.name = "Samordningsförbundet Demo (importerat)";
    bundle.association.requireStaffTotp = true;
    const result = await importBundle(b.db, IMPORT_ACTOR, bundle);
    expect(result.association.outcome).toBe("updated");
    const association = await findAssociationBySlug(b.db, DEMO_SLUG);
    expect(association).toMatchObject({ name: bundle.association.name, requireStaffTotp: false });
  });

  it("accepts a hand-written initiative with only the required fields, once", async () => {
    const bundle = copy(exported) as unknown as { initiatives: unknown[] };
    const [owner, partner] = copy(exported).memberOrganisations;
    bundle.initiatives.push({
      key: "6f1c2b7e-4a3d-4e8f-9b0a-1c2d3e4f5a6b",
      name: "Heby, Från Excel",
      owner: owner?.orgNumber,
      partners: [partner?.orgNumber],
      status: "ansokan",
      orientation: "individual",
    });
    const text = JSON.stringify(bundle);
    const first = await importBundle(b.db, IMPORT_ACTOR, text);
    expect(first.initiatives.created).toBe(1);
    const second = await importBundle(b.db, IMPORT_ACTOR, text);
    expect(second.initiatives).toMatchObject({ created: 0, updated: 0 });
    const [row] = await b.db
      .select()
      .from(initiatives)
      .where(eq(initiatives.id, "6f1c2b7e-4a3d-4e8f-9b0a-1c2d3e4f5a6b"));
    expect(row).toMatchObject({ name: "Heby, Från Excel", targetGroup: "", version: 1 });
  });
  it("refuses an application that does not fit the format, naming its place in Swedish", async () => {
    const rows = await applicationRows(b.db);
    const bundle = copy(exported);
    const { index: i, application } = withStatus(bundle, "under_beredning");
    const raw = application as unknown as Record<string, unknown> & {
      versions: Array<Record<string, unknown>>;
      content: { budget: Array<Record<string, unknown>> };
    };
    raw.status = "godkänd";
    raw.tokenHash = "abc";
    if (raw.versions[0]) raw.versions[0].createdAt = "igår";
    if (raw.content.budget[0]) raw.content.budget[0].amount = 12.5;
    const error = await refusal(b.db, JSON.stringify(bundle));
    expect(error.fields[`applications[${i}].status`]).toMatch(
      new RegExp(`^applications\\[${i}\\]\\.status: Ogiltigt val`),
    );
    expect(error.fields[`applications[${i}].versions[0].createdAt`]).toBe(
      `applications[${i}].versions[0].createdAt: Skriv tidpunkten som ÅÅÅÅ-MM-DDTtt:mm:ss.sssZ, till exempel 2026-03-02T09:15:00.000Z.`,
    );
    expect(error.fields[`applications[${i}].content.budget[0].amount`]).toBe(
      `applications[${i}].content.budget[0].amount: Skriv beloppet som ett heltal i kronor, t.ex. 450000.`,
    );
    expect(error.fields[`applications[${i}]`]).toMatch(/tokenHash/);
    expect(await applicationRows(b.db)).toEqual(rows);
  });

  it("refuses applications whose workflow does not hold together, writing nothing", async () => {
    const rows = await applicationRows(b.db);
    const events = await auditCount(b.db);
    const bundle = copy(exported);
    const submitted = withStatus(bundle, "inskickad");
    submitted.application.registryNumber = null;
    const granted = withStatus(bundle, "beviljad");
    granted.application.decision = "avslagen";
    const rejected = withStatus(bundle, "avslagen");
    rejected.application.initiative = "6f1c2b7e-4a3d-4e8f-9b0a-000000000001";
    const draft = withStatus(bundle, "utkast");
    draft.application.content.owner = "212000-1355";
    const error = await refusal(b.db, bundle);
    const at = (x: { index: number; application: BundleApplication }, field: string) =>
      error.fields[`applications[${x.index}].${field}`];
    const about = (x: { application: BundleApplication }) =>
      `(ansökan "${x.application.content.name}")`;
    expect(at(submitted, "registryNumber")).toBe(
      `applications[${submitted.index}].registryNumber ${about(submitted)}: En inskickad ansökan har ett diarienummer.`,
    );
    expect(at(granted, "decision")).toBe(
      `applications[${granted.index}].decision ${about(granted)}: En ansökan med status beviljad ska ha "decision": "beviljad".`,
    );
    expect(at(rejected, "initiative")).toMatch(/Insatsen finns varken i filen/);
    expect(at(draft, "content.owner")).toBe(
      `applications[${draft.index}].content.owner ${about(draft)}: Organisationsnumret 212000-1355 finns inte bland förbundets medlemsorganisationer.`,
    );
    expect(at(draft, "content")).toMatch(/sista versionen/);
    expect(await applicationRows(b.db)).toEqual(rows);
    expect(await auditCount(b.db)).toBe(events);
  });

  it("never rewrites an application's history", async () => {
    const rows = await applicationRows(b.db);
    const bundle = copy(exported);
    const granted = withStatus(bundle, "beviljad");
    const first = granted.application.versions[0];
    if (!first) throw new Error("versions");
    first.note = "Ändrad i efterhand";
    const error = await refusal(b.db, bundle);
    expect(error.fields[`applications[${granted.index}].versions[0]`]).toBe(
      `applications[${granted.index}].versions[0] (ansökan "${granted.application.content.name}"): ` +
        "Version 1 av ansökan skiljer sig från den som finns här. Historiken kan inte skrivas om.",
    );

    const edited = copy(exported);
    const decided = withStatus(edited, "beviljad");
    decided.application.decidedAmount = 1;
    const quiet = await refusal(b.db, edited);
    expect(quiet.fields[`applications[${decided.index}].status`]).toMatch(
      /historiken är densamma.*varje ändring är en ny version/,
    );
    expect(await applicationRows(b.db)).toEqual(rows);
  });

  it("brings an application forward by the versions and comments that came after", async () => {
    const c = await createTestDatabase();
    try {
      const older = copy(exported);
      const { index, application } = withStatus(older, "under_beredning");
      const previous = application.versions.slice(0, -1);
      const last = previous.at(-1);
      if (!last) throw new Error("versions");
      older.applications[index] = {
        ...application,
        status: last.status,
        content: last.content,
        versions: previous,
        comments: [],
      };
      const first = await importBundle(c.db, IMPORT_ACTOR, older);
      expect(first.applications.created).toBe(older.applications.length);
      const later = await importBundle(c.db, IMPORT_ACTOR, exported);
      expect(later.applications).toEqual({
        created: 0,
        updated: 1,
        unchanged: older.applications.length - 1,
      });
      expect(withoutExportedAt(await exportDemo(c.db))).toBe(withoutExportedAt(exported));
      // and the older file cannot take it back
      const back = await refusal(c.db, older);
      expect(back.fields[`applications[${index}].versions`]).toMatch(
        /har 3 versioner här men 2 i filen/,
      );
    } finally {
      await c.drop();
    }
  });

  it("reads a version 1 file, and refuses one that holds applications", async () => {
    const rows = await applicationRows(b.db);
    const {
      applications: list,
      applicationSettings: _s,
      logo: _l,
      registryCounters: _r,
      reportingSettings: _rs,
      periodicReports: _p,
      deviationReports: _d,
      finalReports: _f,
      steeringGroups: _g,
      ...rest
    } = withoutMoney(copy(exported));
    const v1 = { ...rest, version: 1 };
    const result = await importBundle(b.db, IMPORT_ACTOR, JSON.stringify(v1));
    expect(result).toMatchObject({
      applicationSettings: "absent",
      logo: "absent",
      applications: { created: 0, updated: 0, unchanged: 0 },
      registryCounters: { created: 0, updated: 0, unchanged: 0 },
    });
    expect(await applicationRows(b.db)).toEqual(rows);
    const refused = await refusal(b.db, JSON.stringify({ ...v1, applications: list }));
    expect(refused.fields.applications).toBe(
      'applications: Finns inte i version 1 av formatet. Ange "version": 2.',
    );
  });

  it("accepts a hand-written application from the old way, once, and numbers after it", async () => {
    const bundle = copy(exported) as unknown as { initiatives: unknown[]; applications: unknown[] };
    const [owner, partner] = copy(exported).memberOrganisations;
    const initiative = "6f1c2b7e-4a3d-4e8f-9b0a-1c2d3e4f5a6c";
    bundle.initiatives.push({
      key: initiative,
      name: "Heby, Från Word",
      owner: owner?.orgNumber,
      partners: [partner?.orgNumber],
      status: "avslutad",
      orientation: "individual",
      startDate: "2024-04-01",
      endDate: "2025-12-31",
    });
    const content = {
      name: "Heby, Från Word",
      owner: owner?.orgNumber,
      partners: [partner?.orgNumber],
      orientation: "individual",
      budget: [{ year: 2024, category: "personal", amount: 450000 }],
    };
    bundle.applications.push({
      key: "6f1c2b7e-4a3d-4e8f-9b0a-1c2d3e4f5a6d",
      initiative,
      status: "beviljad",
      formVersion: "Ansökan (Word) 2024",
      receivedOnPaper: true,
      registryNumber: "2024/12",
      arrivalDate: "2024-02-01",
      decision: "beviljad",
      decidedAmount: 900000,
      decidedStartDate: "2024-04-01",
      decidedEndDate: "2025-12-31",
      decisionMeeting: "Styrelsemöte 2024-03-14",
      decisionParagraph: "6",
      decisionDate: "2024-03-14",
      content,
      versions: [
        {
          version: 1,
          status: "beviljad",
          content,
          event: "imported",
          actorName: "Förbundskansliet",
          createdAt: "2024-03-15T10:00:00Z",
        },
      ],
    });
    const text = JSON.stringify(bundle);
    const first = await importBundle(b.db, IMPORT_ACTOR, text);
    expect(first.applications.created).toBe(1);
    expect(first.registryCounters).toMatchObject({ created: 1 });
    const [counter] = await b.db
      .select()
      .from(registryCounters)
      .where(eq(registryCounters.year, 2024));
    expect(counter?.lastNumber).toBe(12);
    const second = await importBundle(b.db, IMPORT_ACTOR, text);
    expect(second.applications).toMatchObject({ created: 0, updated: 0 });
    const back = parseBundle(await exportDemo(b.db)).applications.find(
      (x) => x.registryNumber === "2024/12",
    );
    expect(back).toMatchObject({
      status: "beviljad",
      content: { name: "Heby, Från Word", purpose: "", goals: [], anchored: null },
      versions: [{ version: 1, createdAt: "2024-03-15T10:00:00.000Z", note: null }],
      signatures: [],
    });
  });

  it("continues the diarienummer after the imported ones", async () => {
    const bundle = copy(exported);
    const association = await findAssociationBySlug(b.db, DEMO_SLUG);
    const associationId = association?.id ?? "";
    const granted = withStatus(bundle, "beviljad").application;
    const [row] = await b.db.select().from(applications).where(eq(applications.id, granted.key));
    if (!row) throw new Error("the granted application was imported");
    const id = await createApplication(
      b.db,
      IMPORT_ACTOR,
      associationId,
      { ...contentAsInput(row.content), name: "Heby, Arbete först 2028" },
      { onPaper: true },
    );
    for (const organisationId of [row.content.ownerOrganisationId, ...row.content.partnerIds])
      await recordPaperSignature(b.db, IMPORT_ACTOR, associationId, id, {
        organisationId,
        name: "Behörig Person",
        email: "",
        signedOn: "2026-11-20",
      });
    const { registryNumber } = await submitApplication(b.db, IMPORT_ACTOR, associationId, id, 1, {
      arrivalDate: "2026-11-20",
    });
    const last = bundle.registryCounters.find((r) => r.year === 2026)?.lastNumber ?? 0;
    expect(last).toBeGreaterThanOrEqual(5);
    expect(registryNumber).toBe(`2026/${last + 1}`);
  });
});

/** The reporting association's report of a kind in a status, and its place in the bundle. */
function report<K extends "periodicReports" | "deviationReports" | "finalReports">(
  bundle: Bundle,
  kind: K,
  where: (r: Bundle[K][number]) => boolean,
) {
  const list = bundle[kind] as Array<Bundle[K][number]>;
  const index = list.findIndex(where);
  const item = list[index];
  if (!item) throw new Error(`no such report in ${kind}`);
  return { index, item };
}
const quarter = (bundle: Bundle, periodKey: string) =>
  report(
    bundle,
    "periodicReports",
    (r) => r.initiative === ids.running && r.periodKey === periodKey,
  );

describe("the reporting side of the bundle", () => {
  it("holds the calendar, every report with its history, comments and reminders, and the steering groups", () => {
    const bundle = parseBundle(reports);
    expect(bundle.reportingSettings).toEqual({
      cadence: "quarter",
      dueMonthsAfter: 1,
      remindDaysBefore: 7,
      followUpPeriods: ["halfyear", "year"],
      reportsFrom: "2025-01-01",
    });

    // periodic reports in every status; the locked one with its whole history
    const own = bundle.periodicReports.filter((r) => r.initiative === ids.running);
    expect(own.map((r) => [r.periodKey, r.status])).toEqual([
      ["2025-K1", "last"],
      ["2025-K2", "aterskickad"],
      ["2025-K3", "inskickad"],
      ["2025-K4", "utkast"],
    ]);
    const k1 = quarter(bundle, "2025-K1").item;
    expect(k1).toMatchObject({
      arrivalDate: "2025-04-25",
      receivedByInitials: "ML",
      steeringAnalysis: { goalFulfilment: "I fas.", writtenBy: "Karin Ek" },
      content: {
        activities: "Tolv deltagare har börjat.",
        answers: {
          allOrdinaryAttended: { answer: "nej" },
          steeringMeetingsAsAgreed: { answer: "ja" },
        },
        goals: [
          { goalText: "Till arbete eller studier", assessment: "i_fas" },
          { goalText: "Handlingsplan för alla", assessment: "i_fas" },
        ],
      },
    });
    expect(k1.lockedAt).not.toBeNull();
    expect(k1.registryNumber).toMatch(/^2025\/\d+$/);
    expect(k1.versions.map((v) => [v.version, v.event, v.actorName])).toEqual([
      [1, "created", "system"],
      [2, "saved", "Lea Ledare"],
      [3, "submitted", "Lea Ledare"],
      [4, "steering_analysis_saved", "Karin Ek"],
      [5, "registered", "Maria Lindqvist"],
      [6, "locked", "Maria Lindqvist"],
    ]);
    expect(k1.versions[0]?.snapshot.content.activities).toBe("");
    expect(k1.versions.at(-1)?.snapshot).toEqual(
      Object.fromEntries(
        Object.entries(k1).filter(
          ([field]) =>
            !["key", "initiative", "status", "versions", "comments", "reminders"].includes(field),
        ),
      ),
    );
    expect(k1.comments).toMatchObject([
      { field: "answers.allOrdinaryAttended", authorName: "Maria Lindqvist" },
    ]);
    expect(quarter(bundle, "2025-K2").item.comments).toMatchObject([
      { field: null, text: "Komplettera avsnitt 2.3 om brukarmedverkan." },
    ]);
    expect(quarter(bundle, "2025-K4").item.reminders).toMatchObject([
      { kind: "before", sentAt: "2026-01-28T08:30:00.000Z", recipients: 1 },
      { kind: "overdue-0", sentAt: "2026-02-01T08:30:00.000Z", recipients: 1 },
    ]);

    // deviation reports decided both ways, with the decisions' fields
    const deviations = bundle.deviationReports;
    expect(new Set(deviations.map((d) => d.status))).toEqual(
      new Set(["utkast", "inskickad", "godkand", "avslagen"]),
    );
    expect(report(bundle, "deviationReports", (d) => d.status === "godkand").item).toMatchObject({
      request: "flytta_medel",
      requestedAmount: 50000,
      decisionBody: "kansli",
      decisionDate: today,
    });
    expect(report(bundle, "deviationReports", (d) => d.status === "avslagen").item).toMatchObject({
      types: ["tidsplan", "bemanning"],
      requestedEndDate: "2026-06-30",
      decisionBody: "styrelse",
      decisionMeeting: "Styrelsemöte 2026-12-01",
      decisionParagraph: "12",
      decisionMotivation: "Budgeten räcker inte till en förlängning.",
    });
    expect(
      report(bundle, "deviationReports", (d) => d.status === "inskickad").item.comments,
    ).toMatchObject([{ text: "Begäran tas upp på nästa styrelsemöte." }]);

    // final reports in every status, parties by org number
    expect(new Set(bundle.finalReports.map((f) => f.status))).toEqual(
      new Set(["utkast", "inskickad", "aterskickad", "last"]),
    );
    const locked = report(bundle, "finalReports", (f) => f.status === "last").item;
    expect(locked.initiative).toBe(ids.running);
    expect(locked.lockedAt).not.toBeNull();
    expect(locked.content).toMatchObject({
      initiativeName: "Tierp, Vägen vidare",
      application: null,
      parties: [
        { organisation: "212000-0274", isOwner: true },
        { organisation: "202100-2114" },
        { organisation: "202100-5521" },
      ],
      participants: { women: 14, men: 12, otherOrNotStated: 0 },
      returnedFunds: { returned: "ja", amount: 25000 },
    });
    expect(locked.versions.map((v) => v.event)).toEqual([
      "created",
      "saved",
      "submitted",
      "locked",
    ]);
    expect(
      report(bundle, "finalReports", (f) => f.status === "aterskickad").item.comments,
    ).toMatchObject([{ text: "Lägg till lärdomar per part." }]);

    // the steering group: members (one who left), meetings with attendance, the minutes
    const group = bundle.steeringGroups.find((g) => g.initiative === ids.running);
    expect(group?.members.map((m) => [m.name, m.organisation, m.membership, m.toDate])).toEqual([
      ["Per Ahl", "202100-2114", "ordinarie", "2025-06-30"],
      ["Olle Berg", "202100-5521", "ordinarie", null],
      ["Sofia Lind", "202100-5521", "ersattare", null],
      ["Karin Ek", "212000-0274", "ordinarie", null],
    ]);
    expect(group?.meetings.map((m) => [m.meetingDate, m.held, m.attendance.length])).toEqual([
      ["2025-03-12", true, 4],
      ["2025-06-10", true, 4],
      ["2027-03-01", false, 0],
    ]);
    const [minutes] = group?.meetings[0]?.attachments ?? [];
    expect(minutes).toMatchObject({
      fileName: "Protokoll 2025-03-12.pdf",
      mediaType: "application/pdf",
      sizeBytes: MINUTES.byteLength,
      sha256: createHash("sha256").update(MINUTES).digest("hex"),
      dataBase64: MINUTES.toString("base64"),
    });

    // only keys, no goal ids, no accounts
    const keys = keysOf(bundle);
    expect(reports.match(UUID)?.every((u) => keys.has(u))).toBe(true);
    expect(reports).not.toMatch(/goalId|lockedBy|decidedBy|createdBy|userId|uploadedBy/);
    expect(reports).not.toContain("lea.ledare@rapportprov.example");
  });

  it("refuses a document whose bytes do not match their checksum, writing nothing", async () => {
    const bundle = copy(reports);
    const g = bundle.steeringGroups.findIndex((x) => x.initiative === ids.running);
    const attachment = bundle.steeringGroups[g]?.meetings[0]?.attachments[0];
    if (!attachment) throw new Error("the minutes");
    const bytes = Buffer.from(attachment.dataBase64, "base64");
    bytes[20] = (bytes[20] ?? 0) ^ 1;
    attachment.dataBase64 = bytes.toString("base64");
    const at = `steeringGroups[${g}].meetings[0].attachments[0]`;
    const tampered = await refusal(c.db, JSON.stringify(bundle));
    expect(tampered.fields[`${at}.sha256`]).toBe(
      `${at}.sha256: Kontrollsumman stämmer inte med filens innehåll. Filen är skadad eller ändrad: exportera den igen.`,
    );

    // right checksum and size, but not a document
    const text = Buffer.from("Protokoll från mötet 12 mars.\n");
    Object.assign(attachment, {
      dataBase64: text.toString("base64"),
      sizeBytes: text.byteLength,
      sha256: createHash("sha256").update(text).digest("hex"),
    });
    const notADocument = await refusal(c.db, JSON.stringify(bundle));
    expect(notADocument.fields[`${at}.dataBase64`]).toBe(
      `${at}.dataBase64: Protokoll 2025-03-12.pdf är inte ett dokument. Ladda upp protokollet som PDF eller Word (docx).`,
    );
    expect(await reportingRows(c.db)).toEqual({
      associations: 0,
      initiatives: 0,
      applications: 0,
      periodic: 0,
      deviation: 0,
      final: 0,
      versions: 0,
      comments: 0,
      reminders: 0,
      members: 0,
      meetings: 0,
      attendance: 0,
      attachments: 0,
    });
  });

  it("refuses reports that do not hold together, naming each place, and writes nothing at all", async () => {
    const events = await auditCount(c.db);
    const bundle = copy(reports);
    const k1 = quarter(bundle, "2025-K1");
    k1.item.lockedAt = null;
    const k2 = quarter(bundle, "2025-K2");
    const k3 = quarter(bundle, "2025-K3");
    k2.item.periodKey = "2025-K3";
    const rejected = report(bundle, "deviationReports", (d) => d.status === "avslagen");
    rejected.item.decisionMotivation = null;
    const final = report(bundle, "finalReports", (f) => f.status === "inskickad");
    final.item.content.application = "6f1c2b7e-4a3d-4e8f-9b0a-00000000000f";
    const g = bundle.steeringGroups.findIndex((x) => x.initiative === ids.running);
    const meeting = bundle.steeringGroups[g]?.meetings[1];
    if (!meeting) throw new Error("meetings");
    meeting.attendance.push({ member: "6f1c2b7e-4a3d-4e8f-9b0a-00000000000e", present: true });

    const error = await refusal(c.db, bundle);
    const name = ' (rapporten för 2025-K1, insatsen "Tierp, Vägen vidare")';
    expect(error.fields[`periodicReports[${k1.index}].lockedAt`]).toBe(
      `periodicReports[${k1.index}].lockedAt${name}: En låst rapport (status last) har en tidpunkt då den låstes.`,
    );
    expect(error.fields[`periodicReports[${k1.index}].versions[5].snapshot`]).toMatch(
      /Den sista versionen ska ha samma uppgifter som rapporten själv/,
    );
    expect(error.fields[`periodicReports[${k2.index}].periodStart`]).toMatch(
      /Perioden 2025-K3 går från 2025-07-01 till 2025-09-30/,
    );
    expect(error.fields[`periodicReports[${k3.index}].periodKey`]).toMatch(
      new RegExp(
        `Insatsen har redan en rapport för 2025-K3 i periodicReports\\[${k2.index}\\]\\.$`,
      ),
    );
    expect(error.fields[`deviationReports[${rejected.index}].decisionMotivation`]).toBe(
      `deviationReports[${rejected.index}].decisionMotivation (avvikelserapport, insatsen "Tierp, Vägen vidare"): Ange varför rapporten avslogs.`,
    );
    expect(error.fields[`finalReports[${final.index}].content.application`]).toMatch(
      /: Ansökan finns varken i filen \(applications\) eller i förbundet/,
    );
    expect(error.fields[`steeringGroups[${g}].meetings[1].attendance[4].member`]).toMatch(
      /^steeringGroups\[\d+\]\.meetings\[1\]\.attendance\[4\]\.member \(mötet 2025-06-10, insatsen "Tierp, Vägen vidare"\): Ledamoten finns inte i insatsens styrgrupp/,
    );
    // the association, its initiatives and everything else were checked first, then undone
    expect((await reportingRows(c.db)).associations).toBe(0);
    expect(await auditCount(c.db)).toBe(events);
  });

  it("imports into an empty instance and exports the same bundle back", async () => {
    const bundle = copy(reports);
    const result = await importBundle(c.db, IMPORT_ACTOR, reports);
    const created = (n: number) => ({ created: n, updated: 0, unchanged: 0 });
    const group = bundle.steeringGroups.flatMap((g) => g.meetings);
    expect(result).toMatchObject({
      reportingSettings: "created",
      periodicReports: created(bundle.periodicReports.length),
      deviationReports: created(4),
      finalReports: created(4),
      steeringGroupMembers: created(4),
      steeringGroupMeetings: created(group.length),
      meetingAttachments: created(1),
    });
    expect(withoutExportedAt(await exportReports(c.db))).toBe(withoutExportedAt(reports));

    // the history as it was, pointing at no account; the minutes byte for byte
    const k1 = quarter(bundle, "2025-K1").item;
    const versions = await c.db
      .select()
      .from(reportVersions)
      .where(eq(reportVersions.reportId, k1.key))
      .orderBy(reportVersions.version);
    expect(versions.map((v) => v.createdAt.toISOString())).toEqual(
      k1.versions.map((v) => v.createdAt),
    );
    expect(versions.every((v) => v.actorUserId === null)).toBe(true);
    expect(versions.at(-1)?.snapshot).toMatchObject({ id: k1.key, status: "last", lockedBy: null });
    const [minutes] = await c.db
      .select()
      .from(meetingAttachments)
      .where(eq(meetingAttachments.meetingId, ids.meeting));
    expect(minutes?.data.equals(MINUTES)).toBe(true);
    expect(minutes?.uploadedBy).toBeNull();
    // the diarienummer continue after the reports' (2025's, and this year's of the report the
    // test submitted today)
    expect(bundle.registryCounters.map((r) => r.year)).toEqual([2025, Number(today.slice(0, 4))]);
    expect(copy(await exportReports(c.db)).registryCounters).toEqual(countersOf(bundle));
    expect(await auditCount(c.db, "periodic_report.imported")).toBe(bundle.periodicReports.length);
  });

  it("changes nothing when the same bundle is imported again, here or where it came from", async () => {
    for (const q of [c.db, a.db]) {
      const before = await reportingRows(q);
      const events = await auditCount(q);
      const result = await importBundle(q, IMPORT_ACTOR, reports);
      for (const section of [
        "periodicReports",
        "deviationReports",
        "finalReports",
        "steeringGroupMembers",
        "steeringGroupMeetings",
        "meetingAttachments",
      ] as const)
        expect(result[section].created + result[section].updated).toBe(0);
      expect(result.reportingSettings).toBe("unchanged");
      expect(await reportingRows(q)).toEqual(before);
      expect(await auditCount(q)).toBe(events);
    }
  });

  it("never rewrites a report's history, nor changes a locked report", async () => {
    const before = await reportingRows(c.db);
    const edited = copy(reports);
    const k1 = quarter(edited, "2025-K1");
    const first = k1.item.versions[0];
    if (!first) throw new Error("versions");
    first.note = "Ändrad i efterhand";
    const rewritten = await refusal(c.db, edited);
    expect(rewritten.fields[`periodicReports[${k1.index}].versions[0]`]).toMatch(
      /Version 1 av rapporten skiljer sig från den som finns här\. Historiken kan inte skrivas om\.$/,
    );

    const quiet = copy(reports);
    const k3 = quarter(quiet, "2025-K3");
    const last = k3.item.versions.at(-1);
    if (!last) throw new Error("versions");
    k3.item.receivedByInitials = "XX";
    last.snapshot.receivedByInitials = "XX";
    const changed = await refusal(c.db, quiet);
    expect(changed.fields[`periodicReports[${k3.index}].status`]).toMatch(
      /historiken är densamma.*varje ändring är en ny version/,
    );

    const more = copy(reports);
    const locked = quarter(more, "2025-K1");
    const lockedLast = locked.item.versions.at(-1);
    if (!lockedLast) throw new Error("versions");
    locked.item.versions.push({ ...lockedLast, version: lockedLast.version + 1, event: "saved" });
    const refused = await refusal(c.db, more);
    expect(refused.fields[`periodicReports[${locked.index}].status`]).toMatch(
      /Rapporten är granskad och låst här\. En låst rapport kan inte ändras\.$/,
    );
    expect(await reportingRows(c.db)).toEqual(before);
  });

  it("brings a report forward by the versions, comments and reminders that came after", async () => {
    const older = copy(reports);
    const k3 = quarter(older, "2025-K3");
    const previous = k3.item.versions.slice(0, -1);
    const then = previous.at(-1);
    if (!then) throw new Error("versions");
    older.periodicReports[k3.index] = {
      ...k3.item,
      status: then.status,
      ...then.snapshot,
      versions: previous,
    };
    const k4 = quarter(older, "2025-K4");
    k4.item.reminders = k4.item.reminders.slice(0, 1);
    const returned = report(older, "finalReports", (f) => f.status === "aterskickad");
    const finalThen = returned.item.versions.at(-2);
    if (!finalThen) throw new Error("versions");
    older.finalReports[returned.index] = {
      ...returned.item,
      status: finalThen.status,
      ...finalThen.snapshot,
      versions: returned.item.versions.slice(0, -1),
      comments: [],
    };

    // into the instance that has only the demo: the older export first, then the newer
    const first = await importBundle(b.db, IMPORT_ACTOR, older);
    expect(first.periodicReports.created).toBe(older.periodicReports.length);
    const later = await importBundle(b.db, IMPORT_ACTOR, reports);
    expect(later.periodicReports).toEqual({
      created: 0,
      updated: 2,
      unchanged: older.periodicReports.length - 2,
    });
    expect(later.finalReports).toEqual({ created: 0, updated: 1, unchanged: 3 });
    expect(withoutExportedAt(await exportReports(b.db))).toBe(withoutExportedAt(reports));

    // and the older file cannot take it back
    const back = await refusal(b.db, older);
    expect(back.fields[`periodicReports[${k3.index}].versions`]).toMatch(
      /har 4 versioner här men 3 i filen/,
    );
  });

  it("reads a version 2 file, and refuses one that holds reports", async () => {
    const bundle = withoutMoney(copy(reports));
    const {
      reportingSettings: _s,
      periodicReports: periodic,
      deviationReports: _d,
      finalReports: _f,
      steeringGroups: _g,
      ...rest
    } = bundle;
    const v2 = { ...rest, version: 2 };
    const result = await importBundle(c.db, IMPORT_ACTOR, JSON.stringify(v2));
    expect(result).toMatchObject({
      reportingSettings: "absent",
      periodicReports: { created: 0, updated: 0, unchanged: 0 },
    });
    const refused = await refusal(c.db, JSON.stringify({ ...v2, periodicReports: periodic }));
    expect(refused.fields.periodicReports).toBe(
      'periodicReports: Finns inte i version 2 av formatet. Ange "version": 3.',
    );
  });
});

/** A money item of the reporting association in the bundle, and its place. */
function moneyItem<K extends "initiativeBudgets" | "requisitions" | "returnedFunds">(
  bundle: Bundle,
  kind: K,
  where: (r: Bundle[K][number]) => boolean,
) {
  const list = bundle[kind] as Array<Bundle[K][number]>;
  const index = list.findIndex(where);
  const item = list[index];
  if (!item) throw new Error(`no such item in ${kind}`);
  return { index, item };
}
const budgetOf = (bundle: Bundle) =>
  moneyItem(bundle, "initiativeBudgets", (b) => b.initiative === ids.running);
const requisitionOf = (bundle: Bundle, key: string) =>
  moneyItem(bundle, "requisitions", (r) => r.key === key);

describe("the money in the bundle", () => {
  let d: TestDatabase;
  beforeAll(async () => {
    d = await createTestDatabase();
  });
  afterAll(async () => {
    await d?.drop();
  });

  it("holds the band, the funds per year, every budget version, the requisitions with their history, returned funds and prognoses", () => {
    const bundle = parseBundle(reports);
    expect(bundle.financeSettings).toEqual({ ratioLowPercent: 85, ratioHighPercent: 115 });
    expect(bundle.fundingYears).toEqual([
      {
        year: 2025,
        totalAllocation: 4_000_000,
        equityOpening: -150_000,
        adminBudget: 600_000,
        adminOutcome: 585_000,
        note: "Enligt medlemssamrådet 2024.",
        shares: [
          { organisation: "212000-0274", keyValue: 21_000 },
          { organisation: "232100-0024", keyValue: 390_000 },
        ],
      },
      {
        year: 2026,
        totalAllocation: 4_200_000,
        equityOpening: 120_000,
        adminBudget: 620_000,
        adminOutcome: null,
        note: "",
        shares: [
          { organisation: "212000-0274", keyValue: null },
          { organisation: "232100-0024", keyValue: null },
        ],
      },
    ]);

    // both versions of the budget, the re-phasing naming its deviation report
    const budget = budgetOf(bundle).item;
    expect(budget.versions.map((v) => [v.version, v.status, v.kind, v.actorName])).toEqual([
      [1, "ersatt", "beslut", "Maria Lindqvist"],
      [2, "gallande", "omfordelning", "Maria Lindqvist"],
    ]);
    expect(budget.versions.map((v) => v.deviationReport)).toEqual([null, ids.approvedDeviation]);
    const [first, second] = budget.versions;
    expect(first?.lines).toHaveLength(12);
    expect(first?.lines.slice(0, 3)).toEqual([
      {
        periodKey: "2025-K1",
        category: "personal",
        source: "forbund",
        organisation: null,
        coKind: null,
        amount: 150_000,
      },
      {
        periodKey: "2025-K1",
        category: "personal",
        source: "medfinansiering",
        organisation: "212000-0274",
        coKind: "personaltid",
        amount: 30_000,
      },
      {
        periodKey: "2025-K1",
        category: "lokaler",
        source: "forbund",
        organisation: null,
        coKind: null,
        amount: 20_000,
      },
    ]);
    const total = (v: typeof first) => v?.lines.reduce((sum, l) => sum + l.amount, 0);
    expect(total(second)).toBe(total(first));
    expect(
      second?.lines
        .filter((l) => l.category === "personal" && l.source === "forbund")
        .map((l) => l.amount),
    ).toEqual([150_000, 100_000, 150_000, 200_000]);

    // requisitions: paid with its ledger extract, returned, a draft; each with its history
    const own = bundle.requisitions.filter((r) => r.initiative === ids.running);
    expect(own.map((r) => [r.periodKey, r.status, r.paymentStatus])).toEqual([
      ["2025-K1", "godkand", "betald"],
      ["2025-K2", "aterskickad", "ej_betald"],
      ["2025-K3", "utkast", "ej_betald"],
    ]);
    const paid = requisitionOf(bundle, ids.paid).item;
    expect(paid).toMatchObject({
      periodStart: "2025-01-01",
      periodEnd: "2025-03-31",
      note: "Enligt huvudboken.",
      paidOn: "2025-04-30",
      submittedAt: "2025-04-10T11:00:00.000Z",
      approvedAt: "2025-04-10T12:00:00.000Z",
    });
    expect(paid.lines.map((l) => [l.category, l.source, l.organisation, l.amount])).toEqual([
      ["personal", "forbund", null, 140_000],
      ["personal", "medfinansiering", "212000-0274", 30_000],
      ["lokaler", "forbund", null, 20_000],
    ]);
    expect(paid.attachments).toMatchObject([
      {
        fileName: "Huvudbok 2025-K1.pdf",
        mediaType: "application/pdf",
        sizeBytes: LEDGER.byteLength,
        sha256: createHash("sha256").update(LEDGER).digest("hex"),
        dataBase64: LEDGER.toString("base64"),
      },
    ]);
    expect(paid.events.map((e) => [e.event, e.actorName, e.snapshot.version])).toEqual([
      ["skapad", "Lea Ledare", 1],
      ["sparad", "Lea Ledare", 2],
      ["bilaga_tillagd", "Lea Ledare", 3],
      ["inskickad", "Lea Ledare", 4],
      ["godkand", "Maria Lindqvist", 5],
      ["betald", "Maria Lindqvist", 6],
    ]);
    expect(paid.events.at(-1)?.snapshot).toMatchObject({
      status: "godkand",
      paymentStatus: "betald",
      attachments: 1,
      totals: { total: 190_000, association: 160_000, coFinancing: 30_000 },
    });
    expect(requisitionOf(bundle, ids.returned).item).toMatchObject({
      returnReason: "Underlaget saknas: bifoga utdraget ur huvudboken för kvartalet.",
      attachments: [],
    });

    expect(bundle.returnedFunds).toMatchObject([
      {
        initiative: ids.running,
        year: 2025,
        amount: 25_000,
        reason: "Vakans som handledare i maj och juni.",
        returnedOn: "2026-01-20",
        actorName: "Maria Lindqvist",
      },
    ]);
    expect(bundle.prognosisOverrides.map((p) => [p.periodKey, p.prognosis, p.actorName])).toEqual([
      ["2025-K1", "ok", "Maria Lindqvist"],
      ["2025-K2", "bevaka", "Maria Lindqvist"],
    ]);
    // organisations by org number only, also in the requisitions' history
    expect(JSON.stringify(bundle.requisitions)).not.toMatch(/organisationId|approvedBy/);
  });

  it("refuses a requisition attachment whose bytes were changed, writing nothing", async () => {
    const events = await auditCount(d.db);
    const bundle = copy(reports);
    const { index, item } = requisitionOf(bundle, ids.paid);
    const attachment = item.attachments[0];
    if (!attachment) throw new Error("the ledger extract");
    const bytes = Buffer.from(attachment.dataBase64, "base64");
    bytes[12] = (bytes[12] ?? 0) ^ 1;
    attachment.dataBase64 = bytes.toString("base64");
    const at = `requisitions[${index}].attachments[0]`;
    const tampered = await refusal(d.db, JSON.stringify(bundle));
    expect(tampered.fields[`${at}.sha256`]).toBe(
      `${at}.sha256: Kontrollsumman stämmer inte med filens innehåll. Filen är skadad eller ändrad: exportera den igen.`,
    );

    // right checksum and size, but not a document the office can take
    const text = Buffer.from("Huvudbok kvartal 1: 190 000 kr.\n");
    Object.assign(attachment, {
      dataBase64: text.toString("base64"),
      sizeBytes: text.byteLength,
      sha256: createHash("sha256").update(text).digest("hex"),
    });
    const notADocument = await refusal(d.db, JSON.stringify(bundle));
    expect(notADocument.fields[`${at}.dataBase64`]).toMatch(
      new RegExp(
        `^${at.replace(/[[\].]/g, "\\$&")}\\.dataBase64: Huvudbok 2025-K1\\.pdf är inte ett dokument som går att ta emot\\.`,
      ),
    );
    expect(await moneyRows(d.db)).toEqual({
      associations: 0,
      settings: 0,
      years: 0,
      shares: 0,
      budgets: 0,
      budgetLines: 0,
      requisitions: 0,
      requisitionLines: 0,
      attachments: 0,
      events: 0,
      returned: 0,
      prognoses: 0,
    });
    expect(await auditCount(d.db)).toBe(events);
  });

  it("refuses money that does not hold together, naming each place, and writes nothing at all", async () => {
    const bundle = copy(reports);
    const budget = budgetOf(bundle);
    const [v1, v2] = budget.item.versions;
    if (!v1 || !v2) throw new Error("versions");
    v1.status = "gallande";
    v2.deviationReport = null;
    v2.lines.push({ ...(v2.lines[0] as (typeof v2.lines)[number]) });
    const paid = requisitionOf(bundle, ids.paid);
    paid.item.approvedAt = null;
    const returned = requisitionOf(bundle, ids.returned);
    returned.item.periodKey = "2025-K1";
    const year = bundle.fundingYears[0];
    if (!year) throw new Error("funding years");
    year.shares[0] = { organisation: "202100-5521", keyValue: 1 };
    const funds = bundle.returnedFunds[0];
    if (!funds) throw new Error("returned funds");
    funds.year = 2027;

    const error = await refusal(d.db, bundle);
    const about = ' (budgeten, insatsen "Tierp, Vägen vidare")';
    const b = `initiativeBudgets[${budget.index}]`;
    expect(error.fields[`${b}.versions[0].status`]).toBe(
      `${b}.versions[0].status${about}: Bara den sista versionen gäller; de före den är ersatta: ange ersatt.`,
    );
    expect(error.fields[`${b}.versions[1].deviationReport`]).toBe(
      `${b}.versions[1].deviationReport${about}: En omfördelning görs efter en godkänd avvikelserapport: ange rapportens nyckel.`,
    );
    expect(error.fields[`${b}.versions[1].lines[12]`]).toBe(
      `${b}.versions[1].lines[12]${about}: Raden gäller samma period, kostnadsslag och källa som versions[1].lines[0]. Lägg ihop beloppen på en rad.`,
    );
    expect(error.fields[`requisitions[${paid.index}].approvedAt`]).toBe(
      `requisitions[${paid.index}].approvedAt (rekvisitionen för 2025-K1, insatsen "Tierp, Vägen vidare"): En godkänd rekvisition har en tidpunkt då den godkändes.`,
    );
    expect(error.fields[`requisitions[${returned.index}].periodKey`]).toMatch(
      new RegExp(
        `Insatsen har redan en rekvisition för 2025-K1 i requisitions\\[${paid.index}\\]\\.$`,
      ),
    );
    expect(error.fields[`requisitions[${returned.index}].periodStart`]).toMatch(
      /Perioden 2025-K1 går från 2025-01-01 till 2025-03-31/,
    );
    expect(error.fields["fundingYears[0].shares[0].organisation"]).toBe(
      "fundingYears[0].shares[0].organisation (förbundets medel 2025): Nyckel kan bara anges för förbundets regioner och kommuner.",
    );
    expect(error.fields["returnedFunds[0].year"]).toMatch(
      /: Året medlen avser kan inte vara senare än året de kom tillbaka \(2026\)\.$/,
    );
    expect((await moneyRows(d.db)).associations).toBe(0);
  });

  it("imports into an empty instance and exports the same money back", async () => {
    const bundle = copy(reports);
    const result = await importBundle(d.db, IMPORT_ACTOR, reports);
    const created = (n: number) => ({ created: n, updated: 0, unchanged: 0 });
    expect(result).toMatchObject({
      financeSettings: "created",
      fundingYears: created(2),
      initiativeBudgets: created(1),
      requisitions: created(3),
      requisitionAttachments: created(1),
      returnedFunds: created(1),
      prognosisOverrides: created(2),
    });
    expect(withoutExportedAt(await exportReports(d.db))).toBe(withoutExportedAt(reports));

    // the history as it was, pointing at no account; the attachment byte for byte
    const versions = await d.db
      .select()
      .from(initiativeBudgets)
      .where(eq(initiativeBudgets.initiativeId, ids.running))
      .orderBy(initiativeBudgets.budgetVersion);
    expect(versions.map((v) => [v.status, v.createdBy, v.createdAt.toISOString()])).toEqual(
      budgetOf(bundle).item.versions.map((v) => [v.status, null, v.createdAt]),
    );
    const events = await d.db
      .select()
      .from(requisitionEvents)
      .where(eq(requisitionEvents.requisitionId, ids.paid));
    expect(events).toHaveLength(6);
    expect(events.every((e) => e.actorUserId === null)).toBe(true);
    const [row] = await d.db.select().from(requisitions).where(eq(requisitions.id, ids.paid));
    expect(row).toMatchObject({ status: "godkand", approvedBy: null, createdBy: null, version: 6 });
    const [ledger] = await d.db
      .select()
      .from(requisitionAttachments)
      .where(eq(requisitionAttachments.requisitionId, ids.paid));
    expect(ledger?.data.equals(LEDGER)).toBe(true);
    expect(ledger?.uploadedBy).toBeNull();
    expect(await auditCount(d.db, "requisition.imported")).toBe(3);
    expect(await auditCount(d.db, "budget.imported")).toBe(1);
  });

  it("changes nothing when the same bundle is imported again, here or where it came from", async () => {
    for (const q of [d.db, a.db]) {
      const before = await moneyRows(q);
      const events = await auditCount(q);
      const result = await importBundle(q, IMPORT_ACTOR, reports);
      for (const section of [
        "fundingYears",
        "initiativeBudgets",
        "requisitions",
        "requisitionAttachments",
        "returnedFunds",
        "prognosisOverrides",
      ] as const)
        expect(result[section].created + result[section].updated).toBe(0);
      expect(result.financeSettings).toBe("unchanged");
      expect(await moneyRows(q)).toEqual(before);
      expect(await auditCount(q)).toBe(events);
    }
  });

  it("never rewrites the money's history: budget lines, requisition events, approved requisitions, returned funds, prognoses", async () => {
    const before = await moneyRows(d.db);
    const events = await auditCount(d.db);

    const lines = copy(reports);
    const budget = budgetOf(lines);
    const firstLine = budget.item.versions[0]?.lines[0];
    if (!firstLine) throw new Error("budget lines");
    firstLine.amount += 1_000;
    const b = `initiativeBudgets[${budget.index}]`;
    expect((await refusal(d.db, lines)).fields[`${b}.versions[0].lines`]).toBe(
      `${b}.versions[0].lines (budgeten, insatsen "Tierp, Vägen vidare"): Raderna i version 1 av budgeten skiljer sig från dem som finns här. En budgetversion ändras aldrig; en ändring är en ny version. Historiken kan inte skrivas om: importera en nyare export.`,
    );

    const history = copy(reports);
    const paid = requisitionOf(history, ids.paid);
    const submitted = paid.item.events[3];
    if (!submitted) throw new Error("events");
    submitted.note = "Inskickad i efterhand";
    expect((await refusal(d.db, history)).fields[`requisitions[${paid.index}].events[3]`]).toMatch(
      /Händelse 4 i rekvisitionens historik skiljer sig från den som finns här\./,
    );

    const quiet = copy(reports);
    const edited = requisitionOf(quiet, ids.paid);
    edited.item.submittedAt = "2025-04-10T10:30:00.000Z";
    expect((await refusal(d.db, quiet)).fields[`requisitions[${edited.index}].status`]).toMatch(
      /historiken är densamma.*varje ändring är en ny händelse/,
    );

    // a history brought forward cannot change an approved requisition's amounts
    const approved = copy(reports);
    const again = requisitionOf(approved, ids.paid);
    const lastEvent = again.item.events.at(-1);
    if (!lastEvent) throw new Error("events");
    const more = <L extends { category: string; source: string; amount: number }>(l: L): L =>
      l.category === "personal" && l.source === "forbund" ? { ...l, amount: 150_000 } : l;
    again.item.lines = again.item.lines.map(more);
    again.item.updatedAt = "2025-05-02T08:00:00.000Z";
    again.item.events.push({
      ...lastEvent,
      event: "sparad",
      note: null,
      createdAt: again.item.updatedAt,
      snapshot: {
        ...lastEvent.snapshot,
        version: lastEvent.snapshot.version + 1,
        lines: lastEvent.snapshot.lines.map(more),
        totals: { total: 200_000, association: 170_000, coFinancing: 30_000 },
      },
    });
    expect((await refusal(d.db, approved)).fields[`requisitions[${again.index}].status`]).toMatch(
      /Rekvisitionen är godkänd här\. En godkänd rekvisition ändras inte; bara utbetalningen kan tillkomma\.$/,
    );

    const funds = copy(reports);
    const returned = funds.returnedFunds[0];
    if (!returned) throw new Error("returned funds");
    returned.amount = 30_000;
    expect((await refusal(d.db, funds)).fields["returnedFunds[0].key"]).toMatch(
      /Återförda medel ändras aldrig i efterhand/,
    );

    const prognoses = copy(reports);
    const override = prognoses.prognosisOverrides[0];
    if (!override) throw new Error("prognoses");
    override.comment = "Omskriven kommentar.";
    expect((await refusal(d.db, prognoses)).fields["prognosisOverrides[0]"]).toMatch(
      /Prognosen skiljer sig från insatsens prognoshistorik här/,
    );

    expect(await moneyRows(d.db)).toEqual(before);
    expect(await auditCount(d.db)).toBe(events);
  });

  it("brings a budget and a requisition forward by the versions and events that came after", async () => {
    const e = await createTestDatabase();
    try {
      // the export before the re-phasing and before the office returned the K2 requisition
      const older = copy(reports);
      const budget = budgetOf(older);
      const [decided] = budget.item.versions;
      if (!decided) throw new Error("versions");
      budget.item.versions = [{ ...decided, status: "gallande" }];
      const returned = requisitionOf(older, ids.returned);
      const previous = returned.item.events.slice(0, -1);
      const then = previous.at(-1);
      if (!then) throw new Error("events");
      older.requisitions[returned.index] = {
        ...returned.item,
        status: then.snapshot.status,
        returnReason: then.snapshot.returnReason,
        updatedAt: then.createdAt,
        events: previous,
      };
      older.prognosisOverrides = older.prognosisOverrides.slice(0, 1);

      const first = await importBundle(e.db, IMPORT_ACTOR, older);
      expect(first.initiativeBudgets.created).toBe(1);
      const later = await importBundle(e.db, IMPORT_ACTOR, reports);
      expect(later).toMatchObject({
        initiativeBudgets: { created: 0, updated: 1, unchanged: 0 },
        requisitions: { created: 0, updated: 1, unchanged: 2 },
        prognosisOverrides: { created: 1, updated: 0, unchanged: 1 },
      });
      expect(withoutExportedAt(await exportReports(e.db))).toBe(withoutExportedAt(reports));
      const statuses = await e.db
        .select({ version: initiativeBudgets.budgetVersion, status: initiativeBudgets.status })
        .from(initiativeBudgets)
        .orderBy(initiativeBudgets.budgetVersion);
      expect(statuses).toEqual([
        { version: 1, status: "ersatt" },
        { version: 2, status: "gallande" },
      ]);

      // and the older file cannot take it back
      const back = await refusal(e.db, older);
      expect(back.fields[`initiativeBudgets[${budget.index}].versions`]).toMatch(
        /Budgeten har 2 versioner här men 1 i filen\. Historiken kan inte skrivas om/,
      );
      expect(back.fields[`requisitions[${returned.index}].events`]).toMatch(
        /Rekvisitionen har 4 händelser här men 3 i filen/,
      );
    } finally {
      await e.drop();
    }
  });

  it("reads a version 3 file, and refuses one that holds money", async () => {
    const v3 = { ...withoutMoney(copy(reports)), version: 3 };
    const result = await importBundle(d.db, IMPORT_ACTOR, JSON.stringify(v3));
    expect(result).toMatchObject({
      financeSettings: "absent",
      requisitions: { created: 0, updated: 0, unchanged: 0 },
    });
    const refused = await refusal(
      d.db,
      JSON.stringify({ ...v3, requisitions: copy(reports).requisitions }),
    );
    expect(refused.fields.requisitions).toBe(
      'requisitions: Finns inte i version 3 av formatet. Ange "version": 4.',
    );
  });
});

describe("the disclosure control in the bundle", () => {
  /** A hand-written bundle of an association of its own, with only the disclosure control. */
  const small = (version: number, disclosure?: unknown) =>
    JSON.stringify({
      format: "samspar-association-bundle",
      version,
      association: { slug: "rojandekontroll", name: "Förbundet med egen tröskel" },
      memberOrganisations: [],
      initiatives: [],
      ...(disclosure === undefined ? {} : { disclosureSettings: disclosure }),
    });
  const settingsOf = async (q: Queryable) => {
    const association = await findAssociationBySlug(q, "rojandekontroll");
    return getDisclosureSettings(q, association?.id ?? "");
  };

  it("carries the threshold: created, unchanged, updated through the office's rules", async () => {
    const e = await createTestDatabase();
    try {
      const created = await importBundle(e.db, IMPORT_ACTOR, small(5, { threshold: 10 }));
      expect(created.disclosureSettings).toBe("created");
      expect(await settingsOf(e.db)).toEqual({ threshold: 10, allowTrueZero: false, version: 1 });
      const again = await importBundle(e.db, IMPORT_ACTOR, small(5, { threshold: 10 }));
      expect(again.disclosureSettings).toBe("unchanged");
      const zero = await importBundle(
        e.db,
        IMPORT_ACTOR,
        small(5, { threshold: 0, allowTrueZero: true }),
      );
      expect(zero.disclosureSettings).toBe("updated");
      expect(await settingsOf(e.db)).toEqual({ threshold: 0, allowTrueZero: true, version: 2 });
      expect(await auditCount(e.db, "disclosure_settings.updated")).toBe(2);
      // null: the file has none, and the association's own stays as it is
      const none = await importBundle(e.db, IMPORT_ACTOR, small(5, null));
      expect(none.disclosureSettings).toBe("absent");
      expect((await settingsOf(e.db)).threshold).toBe(0);
      // the export gives it back
      const association = await findAssociationBySlug(e.db, "rojandekontroll");
      const exported = await exportBundle(e.db, association?.id ?? "");
      expect(exported.disclosureSettings).toEqual({ threshold: 0, allowTrueZero: true });
    } finally {
      await e.drop();
    }
  });

  it("refuses a threshold that protects too little, naming its place, and writes nothing", async () => {
    const e = await createTestDatabase();
    try {
      const two = await refusal(e.db, small(5, { threshold: 2 }));
      expect(two.fields["disclosureSettings.threshold"]).toMatch(
        /^disclosureSettings\.threshold: Tröskeln 2 skyddar för lite.*Skriv 0 eller ett heltal från 3 till 20/,
      );
      const high = await refusal(e.db, small(5, { threshold: 25 }));
      expect(Object.keys(high.fields)).toEqual(["disclosureSettings.threshold"]);
      expect(await e.db.$count(associations)).toBe(0);
      expect(await e.db.$count(disclosureSettings)).toBe(0);
    } finally {
      await e.drop();
    }
  });

  it("reads a version 4 file, and refuses one that holds the disclosure control", async () => {
    const e = await createTestDatabase();
    try {
      const result = await importBundle(e.db, IMPORT_ACTOR, small(4));
      expect(result.disclosureSettings).toBe("absent");
      expect(await settingsOf(e.db)).toEqual({ threshold: 5, allowTrueZero: false, version: 0 });
      const refused = await refusal(e.db, small(4, { threshold: 10 }));
      expect(refused.fields.disclosureSettings).toBe(
        'disclosureSettings: Finns inte i version 4 av formatet. Ange "version": 5.',
      );
    } finally {
      await e.drop();
    }
  });
});
