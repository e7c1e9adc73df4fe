// Final reports against a real database: started with the initiative's facts (and its approved
// application's) filled in and kept as a snapshot, drafts that may be incomplete but never
// contradictory (a pilot study has no participant counts), conflicts that show the other
// person's change, the parties' signatures (by e-mailed link or registered from paper, removed
// when the report changes, required for submission and recorded in it), submission that closes
// the initiative, return and resubmission, and a locked report that nobody can change, not even
// directly in SQL.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { getApplication } from "../applications/get-application.ts";
import { createApplication } from "../applications/save-application.ts";
import { recordPaperSignature } from "../applications/signatures.ts";
import type { ApplicationInput } from "../applications/validate-application.ts";
import { decideApplication, submitApplication, todayInSweden } from "../applications/workflow.ts";
import { createAssociation } from "../associations/create-association.ts";
import { addMemberOrganisation } from "../associations/member-organisations.ts";
import { auditEvents } from "../audit/schema.ts";
import { getInitiative } from "../initiatives/get-initiative.ts";
import { createInitiative, updateInitiative } from "../initiatives/save-initiative.ts";
import { mailMessages } from "../mail/schema.ts";
import { createMailer } from "../mail/send-mail.ts";
import { ConflictError, NotFoundError, ValidationError } from "../platform/errors.ts";
import { finalReportContentOf } from "./final-report-content.ts";
import {
  findFinalReportSignatureRequest,
  recordFinalReportPaperSignature,
  removeFinalReportSignature,
  requestFinalReportSignature,
  signFinalReportWithLink,
} from "./final-report-signatures.ts";
import {
  acceptFinalReport,
  createFinalReport,
  type FinalReportInput,
  finalReportInputOf,
  finalReportOfInitiative,
  getFinalReport,
  listFinalReports,
  listFinalReportVersions,
  returnFinalReport,
  saveFinalReport,
  submitFinalReport,
} from "./final-reports.ts";
import { listReportComments } from "./report-versions.ts";
import { finalReports } from "./schema.ts";

let t: TestDatabase;
const actor = { userId: null, label: "test" };
let associationId = "";
let otherAssociationId = "";
let tierp = "";
let fk = "";
let af = "";
// The reports' dates are written for a day late in the year (an initiative of this year that
// ended on 31 October, a link asked for on 15 January): the clock stands on the demo's today,
// 23 November 2026, and moves on from there, so the file checks the same whatever day it runs
// (before 31 October every submission here would be "in the future"). Only Date is faked.
vi.useFakeTimers({
  toFake: ["Date"],
  now: new Date("2026-11-23T12:00:00+01:00"),
  shouldAdvanceTime: true,
});
const today = todayInSweden();
const year = Number(today.slice(0, 4));

const application = (): ApplicationInput => ({
  name: "Tierp, Nya vägar",
  ownerOrganisationId: tierp,
  partnerIds: [fk, af],
  orientation: "individual",
  preRehabilitation: false,
  esf: false,
  purpose: "Fler unga vuxna i Tierp ska nå arbete eller studier.",
  goals: [
    { text: "Till arbete eller studier", kind: "resultatmal", targetPercent: "60" },
    { text: "Kartläggning för alla", kind: "insatsmal", targetNumber: "40" },
  ],
  background: "Många unga vuxna står långt från arbetsmarknaden.",
  startDate: `${year}-01-01`,
  endDate: `${year}-12-31`,
  lastIntakeDate: `${year}-10-31`,
  targetGroup: "Unga vuxna 18–29 år",
  expectedParticipants: "40",
  expectedParticipantsOngoing: false,
  localUnits: [],
  genderTargetWomenPercent: "50",
  methods: "Supported employment och MI.",
  followUp: "Kvartalsvis uppföljning i styrgruppen.",
  implementation: "Arbetssättet förs in i kommunens arbetsmarknadsenhet.",
  budget: [{ year: String(year), category: "personal", amount: "900 000" }],
  coFinancing: [],
  anchored: true,
  anchoringDescription: "Diskuterad i LOKUS.",
});

/** An initiative made the real way: application, signatures, submission and approval. */
async function approvedInitiative() {
  const id = await createApplication(t.db, actor, associationId, application());
  for (const organisationId of [tierp, fk, af])
    await recordPaperSignature(t.db, actor, associationId, id, {
      organisationId,
      name: "Behörig Person",
      email: "",
      signedOn: today,
    });
  const { registryNumber, version } = await submitApplication(t.db, actor, associationId, id, 1);
  await decideApplication(t.db, actor, associationId, id, version, {
    decision: "beviljad",
    amount: "900 000",
    startDate: `${year}-01-01`,
    endDate: `${year}-12-31`,
    meeting: "Styrelsemöte",
    paragraph: "7",
    decisionDate: today,
  });
  const decided = await getApplication(t.db, associationId, id);
  return { applicationId: id, registryNumber, initiativeId: decided?.initiativeId ?? "" };
}

/** A running initiative registered directly, without an application. */
async function registeredInitiative(name: string, extra: Record<string, unknown> = {}) {
  const created = await createInitiative(t.db, actor, associationId, {
    name,
    ownerOrganisationId: tierp,
    partnerIds: [fk],
    status: "pagaende",
    orientation: "structural",
    preRehabilitation: false,
    esf: false,
    startDate: `${year - 1}-03-01`,
    endDate: `${year + 1}-02-28`,
    lastIntakeDate: `${year}-12-31`,
    targetGroup: "Handläggare i Tierp",
    expectedParticipantsOngoing: false,
    goals: [{ text: "Gemensam rutin för samverkan", kind: "insatsmal" }],
    localUnits: [],
    ...extra,
  });
  return created.id;
}

/** Everything a submission needs, for a report whose parties and goals are given. */
function completeInput(report: NonNullable<Awaited<ReturnType<typeof getFinalReport>>>) {
  const c = report.content;
  return {
    ...finalReportInputOf(c),
    goals: c.goals.map((_, i) => ({
      achieved: i === 0 ? "delvis" : "ja",
      outcome: `Utfall för mål ${i + 1}.`,
      figures: "18 av 30",
    })),
    equality: "Vi följde upp könsfördelningen varje kvartal.",
    actualEndDate: `${year}-10-31`,
    timeChangeReason: "Avslutad två månader tidigare när finansieringen tog slut.",
    participants: { feasibilityStudy: false, women: "14", men: 12, otherOrNotStated: "0" },
    methodAsIntended: "delvis",
    returnedFunds: { returned: "ja", amount: "25 000 kr", reason: "Vakans", consequences: "" },
    lessons: c.parties.map((p) => ({
      organisationId: p.organisationId,
      text: `${p.name} lärde sig.`,
    })),
  } satisfies FinalReportInput;
}

/** Every party of the report signs it on paper, registered by the office. */
async function signAll(reportId: string) {
  const report = await getFinalReport(t.db, associationId, reportId);
  for (const p of report?.content.parties ?? [])
    await recordFinalReportPaperSignature(t.db, actor, associationId, reportId, {
      organisationId: p.organisationId,
      name: `Chef på ${p.name}`,
      email: "",
      signedOn: today,
    });
}

const mailer = createMailer({ smtpUrl: undefined, from: "x@y.se", enqueue: async () => {} });
const deps = { mailer, baseUrl: "https://samspar.example" };

async function refusal(p: Promise<unknown>): Promise<Record<string, string>> {
  const error = await p.catch((e) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fields;
}

beforeAll(async () => {
  t = await createTestDatabase();
  associationId = (await createAssociation(t.db, actor, { slug: "f", name: "F" })).id;
  otherAssociationId = (await createAssociation(t.db, actor, { slug: "g", name: "G" })).id;
  const org = (name: string, orgNumber: string, kind: string) =>
    addMemberOrganisation(t.db, actor, associationId, { name, orgNumber, kind });
  tierp = (await org("Tierps kommun", "212000-0274", "kommun")).id;
  fk = (await org("Försäkringskassan", "202100-5521", "forsakringskassan")).id;
  af = (await org("Arbetsförmedlingen", "202100-2114", "arbetsformedlingen")).id;
});
afterAll(async () => {
  vi.useRealTimers();
  await t.drop();
});

describe("starting a final report", () => {
  it("fills in the initiative and its approved application, and keeps that as a snapshot", async () => {
    const { initiativeId, registryNumber, applicationId } = await approvedInitiative();
    expect((await getInitiative(t.db, associationId, initiativeId))?.status).toBe("pagaende");
    const { id, created } = await createFinalReport(t.db, actor, associationId, initiativeId);
    expect(created).toBe(true);
    const report = await getFinalReport(t.db, associationId, id);
    expect(report?.status).toBe("utkast");
    expect(report?.version).toBe(1);
    expect(report?.content).toMatchObject({
      initiativeName: "Tierp, Nya vägar",
      applicationId,
      applicationRegistryNumber: registryNumber,
      ownerName: "Tierps kommun",
      parties: [
        { name: "Tierps kommun", isOwner: true, organisationId: tierp },
        { name: "Arbetsförmedlingen", isOwner: false, organisationId: af },
        { name: "Försäkringskassan", isOwner: false, organisationId: fk },
      ],
      purpose: "Fler unga vuxna i Tierp ska nå arbete eller studier.",
      needDescribed: "Många unga vuxna står långt från arbetsmarknaden.",
      methodDefined: "Supported employment och MI.",
      targetGroupDefined: "Unga vuxna 18–29 år",
      plannedStartDate: `${year}-01-01`,
      plannedEndDate: `${year}-12-31`,
      actualStartDate: `${year}-01-01`,
      // still running: the lead writes when it actually ended
      actualEndDate: null,
      filledInOn: today,
    });
    expect(report?.content.goals.map((g) => [g.text, g.kind, g.targetPercent, g.achieved])).toEqual(
      [
        ["Till arbete eller studier", "resultatmal", 60, null],
        ["Kartläggning för alla", "insatsmal", null, null],
      ],
    );
    expect(report?.content.lessons).toHaveLength(3);
    // nobody has signed, and the content records no signatures until it is submitted
    expect(report?.content.signatures).toEqual([]);
    expect(report?.parties.map((p) => [p.party.name, p.signature])).toEqual([
      ["Tierps kommun", null],
      ["Arbetsförmedlingen", null],
      ["Försäkringskassan", null],
    ]);
    expect(report?.allSigned).toBe(false);
    expect(report?.registryNumber).toBeNull();

    // one per initiative: asking again gives the same report back
    expect(await createFinalReport(t.db, actor, associationId, initiativeId)).toEqual({
      id,
      created: false,
    });
    expect(await t.db.$count(finalReports, eq(finalReports.initiativeId, initiativeId))).toBe(1);
    // and the table itself refuses a second one
    await expect(
      t.db.insert(finalReports).values({ associationId, initiativeId, content: {} }),
    ).rejects.toThrow();

    // the snapshot stays as it was when the initiative changes later
    const before = await getInitiative(t.db, associationId, initiativeId);
    await updateInitiative(t.db, actor, associationId, initiativeId, before?.version ?? 0, {
      ...application(),
      name: "Tierp, Nya vägar 2",
      status: "pagaende",
      goals: [{ text: "Ett nytt mål", kind: "effektmal" }],
      expectedParticipants: 40,
      localUnits: [],
    });
    const again = await getFinalReport(t.db, associationId, id);
    expect(again?.content.initiativeName).toBe("Tierp, Nya vägar");
    expect(again?.content.goals.map((g) => g.text)).toEqual([
      "Till arbete eller studier",
      "Kartläggning för alla",
    ]);
    expect(again?.initiativeName).toBe("Tierp, Nya vägar 2");

    const versions = await listFinalReportVersions(t.db, id);
    expect(versions.map((v) => [v.version, v.event, v.status])).toEqual([[1, "created", "utkast"]]);
    const audit = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.targetId, id))
      .orderBy(auditEvents.seq);
    expect(audit.map((a) => a.action)).toEqual(["final_report.created"]);
  });

  it("takes an initiative without an application from the register, and refuses one that has not started", async () => {
    const initiativeId = await registeredInitiative("Tierp, Samverkansrutin");
    const { id } = await createFinalReport(t.db, actor, associationId, initiativeId);
    const c = (await getFinalReport(t.db, associationId, id))?.content;
    expect(c).toMatchObject({
      applicationId: null,
      applicationRegistryNumber: null,
      purpose: "",
      orientation: "structural",
      plannedStartDate: `${year - 1}-03-01`,
      plannedEndDate: `${year + 1}-02-28`,
      parties: [{ name: "Tierps kommun" }, { name: "Försäkringskassan" }],
    });

    const granted = await registeredInitiative("Tierp, Beviljad", {
      status: "beviljad",
      startDate: `${year + 1}-01-01`,
      endDate: `${year + 1}-12-31`,
      lastIntakeDate: null,
    });
    expect((await refusal(createFinalReport(t.db, actor, associationId, granted))).status).toMatch(
      /insats som har startat/,
    );
    expect(await finalReportOfInitiative(t.db, associationId, granted)).toBeUndefined();

    // an initiative of another association is not found, nor is a made-up id
    await expect(
      createFinalReport(t.db, actor, otherAssociationId, initiativeId),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      createFinalReport(t.db, actor, associationId, "inte-ett-id"),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await getFinalReport(t.db, otherAssociationId, id)).toBeUndefined();
  });

  it("fills in the actual end of an initiative that has already ended", async () => {
    const initiativeId = await registeredInitiative("Tierp, Avslutad tidigt", {
      status: "avslutad_i_fortid",
      endDate: `${year}-06-30`,
      plannedEndDate: `${year + 1}-02-28`,
      lastIntakeDate: null,
    });
    const { id } = await createFinalReport(t.db, actor, associationId, initiativeId);
    const c = (await getFinalReport(t.db, associationId, id))?.content;
    expect(c?.actualEndDate).toBe(`${year}-06-30`);
    expect(c?.plannedEndDate).toBe(`${year + 1}-02-28`);
  });
});

describe("drafts", () => {
  it("keeps an incomplete draft, refuses contradictions at their field, and a pilot study has no counts", async () => {
    const initiativeId = await registeredInitiative("Tierp, Förstudie");
    const { id } = await createFinalReport(t.db, actor, associationId, initiativeId);
    const report = await getFinalReport(t.db, associationId, id);
    if (!report) throw new Error("no report");
    const empty = finalReportInputOf(report.content);

    // incomplete is fine
    expect(
      await saveFinalReport(t.db, actor, associationId, id, 1, {
        ...empty,
        equality: "  Vi har diskuterat jämställdhet.  ",
        participants: { feasibilityStudy: false, women: "3" },
      }),
    ).toEqual({ version: 2, signaturesRemoved: 0 });
    let saved = await getFinalReport(t.db, associationId, id);
    expect(saved?.content.equality).toBe("Vi har diskuterat jämställdhet.");
    expect(saved?.content.participants).toEqual({
      feasibilityStudy: false,
      women: 3,
      men: null,
      otherOrNotStated: null,
    });

    // a pilot study with counts, a count that is no number, an end before the start, an
    // amount without funds returned, a goal answer out of the list, lessons of no party
    const fields = await refusal(
      saveFinalReport(t.db, actor, associationId, id, 2, {
        ...empty,
        goals: [{ achieved: "kanske" }],
        actualStartDate: `${year}-05-01`,
        actualEndDate: `${year}-04-30`,
        participants: { feasibilityStudy: true, women: "3", men: "tolv" },
        returnedFunds: { returned: "nej", amount: "10 000" },
        lessons: [{ organisationId: af, text: "Inte part i insatsen" }],
      }),
    );
    expect(fields).toMatchObject({
      "goals.0.achieved": expect.stringMatching(/Ja, Nej eller Delvis/),
      actualEndDate: expect.stringMatching(/före den faktiska starten/),
      "participants.feasibilityStudy": expect.stringMatching(/Ta bort antalen/),
      "participants.men": expect.stringMatching(/heltal/),
      "returnedFunds.amount": expect.stringMatching(/Svara Ja, eller ta bort beloppet/),
      lessons: expect.stringMatching(/insatsens parter/),
    });
    saved = await getFinalReport(t.db, associationId, id);
    expect(saved?.version).toBe(2);

    // the pilot study without counts is accepted
    await saveFinalReport(t.db, actor, associationId, id, 2, {
      ...empty,
      participants: { feasibilityStudy: true, women: "", men: null },
      returnedFunds: { returned: "ja", amount: "1 200 000 kr" },
    });
    saved = await getFinalReport(t.db, associationId, id);
    expect(saved?.content.participants).toEqual({
      feasibilityStudy: true,
      women: null,
      men: null,
      otherOrNotStated: null,
    });
    expect(saved?.content.returnedFunds.amount).toBe(1_200_000);
    // the snapshot is not the lead's to change
    expect(saved?.content.initiativeName).toBe("Tierp, Förstudie");
  });

  it("refuses a save based on an old version, naming what the other person changed", async () => {
    const initiativeId = await registeredInitiative("Tierp, Konflikt");
    const { id } = await createFinalReport(t.db, actor, associationId, initiativeId);
    const report = await getFinalReport(t.db, associationId, id);
    if (!report) throw new Error("no report");
    const input = finalReportInputOf(report.content);
    await saveFinalReport(t.db, actor, associationId, id, 1, {
      ...input,
      changedNeed: "Behovet har ökat.",
    });
    const error = await saveFinalReport(t.db, actor, associationId, id, 1, {
      ...input,
      changedNeed: "Behovet är detsamma.",
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toMatch(/Någon annan har ändrat slutrapporten.*version 2.*version 1/);
    expect(error.changes).toEqual([
      { field: "changedNeed", label: "Förändrat behov", before: [], theirs: ["Behovet har ökat."] },
    ]);
    expect((await getFinalReport(t.db, associationId, id))?.content.changedNeed).toBe(
      "Behovet har ökat.",
    );
  });
});

describe("submission, return and lock", () => {
  it("asks for every goal, the participants, lessons and the signature of every party and the actual end", async () => {
    const initiativeId = await registeredInitiative("Tierp, Ofullständig");
    const { id } = await createFinalReport(t.db, actor, associationId, initiativeId);
    const fields = await refusal(submitFinalReport(t.db, actor, associationId, id, 1));
    expect(Object.keys(fields).sort()).toEqual(
      [
        "actualEndDate",
        "goals.0.achieved",
        "lessons.0.text",
        "lessons.1.text",
        "participants.men",
        "participants.otherOrNotStated",
        "participants.women",
        "signatures",
      ].sort(),
    );
    expect(fields["lessons.1.text"]).toBe("Skriv vad Försäkringskassan har lärt sig av insatsen.");
    expect(fields.signatures).toBe(
      "2 av 2 parter har inte skrivit under slutrapporten. Alla parter skriver under innan den skickas in: be om underskrift via länk, eller låt förbundets kansli registrera en underskrift på papper.",
    );
    const report = await getFinalReport(t.db, associationId, id);
    expect(report?.status).toBe("utkast");
    expect(report?.registryNumber).toBeNull();
    expect((await getInitiative(t.db, associationId, initiativeId))?.status).toBe("pagaende");

    // a pilot study needs no counts, but an end in the future is not an end
    await saveFinalReport(t.db, actor, associationId, id, 1, {
      ...completeInput(report as NonNullable<typeof report>),
      participants: { feasibilityStudy: true },
      actualEndDate: `${year + 1}-01-31`,
    });
    await signAll(id);
    const later = await refusal(submitFinalReport(t.db, actor, associationId, id, 2));
    expect(Object.keys(later)).toEqual(["actualEndDate"]);
    expect(later.actualEndDate).toMatch(/framtiden/);
  });

  it("submits, closes the initiative, goes back for completion and is locked for good", async () => {
    const { initiativeId } = await approvedInitiative();
    const { id } = await createFinalReport(t.db, actor, associationId, initiativeId);
    const report = await getFinalReport(t.db, associationId, id);
    if (!report) throw new Error("no report");
    await saveFinalReport(t.db, actor, associationId, id, 1, completeInput(report));
    await signAll(id);
    const { version, registryNumber } = await submitFinalReport(t.db, actor, associationId, id, 2);
    expect(version).toBe(3);
    expect(registryNumber).toMatch(new RegExp(`^${year}/\\d+$`));
    let submitted = await getFinalReport(t.db, associationId, id);
    expect(submitted).toMatchObject({
      status: "inskickad",
      registryNumber,
      arrivalDate: today,
      editable: false,
    });
    expect(submitted?.submittedAt).toBeInstanceOf(Date);
    expect(submitted?.content.returnedFunds.amount).toBe(25_000);
    // the signatures it was submitted with are part of what was submitted
    expect(submitted?.content.signatures).toEqual(
      report.content.parties.map((p) => ({
        organisationId: p.organisationId,
        signerName: `Chef på ${p.name}`,
        signerTitle: "",
        signerEmail: "",
        method: "paper",
        signedOn: today,
      })),
    );
    expect(submitted?.allSigned).toBe(true);

    // the initiative is closed in the same step, at the actual end; the last intake moves with it
    const closed = await getInitiative(t.db, associationId, initiativeId);
    expect(closed).toMatchObject({
      status: "avslutad",
      endDate: `${year}-10-31`,
      lastIntakeDate: `${year}-10-31`,
      plannedEndDate: null,
    });
    const initiativeAudit = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.targetId, initiativeId))
      .orderBy(auditEvents.seq);
    expect(initiativeAudit.at(-1)?.details).toMatchObject({
      source: `slutrapport ${registryNumber}`,
      changed: expect.arrayContaining(["status", "endDate"]),
    });

    // a submitted report is not the lead's to change
    expect(
      (await refusal(saveFinalReport(t.db, actor, associationId, id, 3, completeInput(report))))
        .status,
    ).toMatch(/inskickad/);
    // it cannot be submitted twice
    expect((await refusal(submitFinalReport(t.db, actor, associationId, id, 3))).status).toMatch(
      /redan inskickad/,
    );

    // the office returns it with a comment; the initiative stays closed
    expect(
      (await refusal(returnFinalReport(t.db, actor, associationId, id, 3, "  "))).returnMessage,
    ).toMatch(/Skriv vad/);
    await returnFinalReport(t.db, actor, associationId, id, 3, "Beskriv lärdomarna mer.");
    const returned = await getFinalReport(t.db, associationId, id);
    expect(returned?.status).toBe("aterskickad");
    expect(returned?.comments.map((c) => c.text)).toEqual(["Beskriv lärdomarna mer."]);
    expect((await listReportComments(t.db, "final", id)).length).toBe(1);
    expect((await getInitiative(t.db, associationId, initiativeId))?.status).toBe("avslutad");
    // only a submitted report can be accepted
    expect((await refusal(acceptFinalReport(t.db, actor, associationId, id, 4))).status).toMatch(
      /Bara en inskickad/,
    );

    // completed: the change removes the signatures given for the report as it was, so the
    // parties sign again before it is resubmitted
    const completion = await saveFinalReport(t.db, actor, associationId, id, 4, {
      ...completeInput(report),
      actualEndDate: `${year}-09-30`,
      lessons: report.content.parties.map((p) => ({
        organisationId: p.organisationId,
        text: `${p.name} lärde sig mycket om samverkan.`,
      })),
    });
    expect(completion).toEqual({ version: 5, signaturesRemoved: 3 });
    const unsigned = await getFinalReport(t.db, associationId, id);
    expect(unsigned?.parties.every((p) => p.signature === null)).toBe(true);
    expect(unsigned?.content.signatures).toEqual([]);
    expect(
      (await refusal(submitFinalReport(t.db, actor, associationId, id, 5))).signatures,
    ).toMatch(/^3 av 3 parter har inte skrivit under/);
    await signAll(id);
    // resubmitted: same diarienummer and arrival, a new end moves the initiative's
    const again = await submitFinalReport(t.db, actor, associationId, id, 5);
    expect(again.registryNumber).toBe(registryNumber);
    submitted = await getFinalReport(t.db, associationId, id);
    expect(submitted).toMatchObject({ status: "inskickad", arrivalDate: today });
    expect((await getInitiative(t.db, associationId, initiativeId))?.endDate).toBe(`${year}-09-30`);

    // accepted: locked
    expect(await acceptFinalReport(t.db, actor, associationId, id, 6)).toBe(7);
    const locked = await getFinalReport(t.db, associationId, id);
    expect(locked?.status).toBe("last");
    expect(locked?.lockedAt).toBeInstanceOf(Date);

    // nobody can change it: not through the code ...
    for (const attempt of [
      () => saveFinalReport(t.db, actor, associationId, id, 7, completeInput(report)),
      () => submitFinalReport(t.db, actor, associationId, id, 7),
      () => returnFinalReport(t.db, actor, associationId, id, 7, "Ändra"),
      () => acceptFinalReport(t.db, actor, associationId, id, 7),
    ])
      expect((await refusal(attempt())).status).toMatch(/låst/);
    // ... nor directly in SQL: the trigger refuses updates and deletes
    await expect(
      t.db.execute(sql`update final_reports set content = '{}'::jsonb where id = ${id}`),
    ).rejects.toThrow();
    await expect(
      t.db.execute(sql`update final_reports set status = 'utkast' where id = ${id}`),
    ).rejects.toThrow();
    await expect(t.db.execute(sql`delete from final_reports where id = ${id}`)).rejects.toThrow();
    const still = await getFinalReport(t.db, associationId, id);
    expect(still?.status).toBe("last");
    expect(still?.content.lessons[0]?.text).toMatch(/samverkan/);

    // every change is a version and an audit event
    const versions = await listFinalReportVersions(t.db, id);
    expect(versions.map((v) => `${v.version} ${v.event} ${v.status}`)).toEqual([
      "7 locked last",
      "6 resubmitted inskickad",
      "5 saved aterskickad",
      "4 returned aterskickad",
      "3 submitted inskickad",
      "2 saved utkast",
      "1 created utkast",
    ]);
    expect(versions.find((v) => v.event === "submitted")?.note).toBe(
      `Diarienummer ${registryNumber}, inkom ${today}`,
    );
    const audit = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.targetId, id))
      .orderBy(auditEvents.seq);
    expect(audit.map((a) => a.action)).toEqual([
      "final_report.created",
      "final_report.saved",
      "final_report.signed",
      "final_report.signed",
      "final_report.signed",
      "final_report.submitted",
      "final_report.returned",
      "final_report.saved",
      "final_report.signed",
      "final_report.signed",
      "final_report.signed",
      "final_report.resubmitted",
      "final_report.locked",
    ]);
    expect(
      audit
        .filter((a) => a.action === "final_report.saved")
        .map((a) => a.details.signaturesRemoved),
    ).toEqual([0, 3]);
  });

  it("keeps an initiative ended early as such, and lists reports by what a person may see", async () => {
    const initiativeId = await registeredInitiative("Tierp, I förtid", {
      status: "avslutad_i_fortid",
      endDate: `${year}-06-30`,
      plannedEndDate: `${year + 1}-02-28`,
      lastIntakeDate: null,
    });
    const { id } = await createFinalReport(t.db, actor, associationId, initiativeId);
    const report = await getFinalReport(t.db, associationId, id);
    if (!report) throw new Error("no report");
    await saveFinalReport(t.db, actor, associationId, id, 1, {
      ...completeInput(report),
      actualEndDate: `${year}-05-31`,
    });
    await signAll(id);
    await submitFinalReport(t.db, actor, associationId, id, 2);
    expect(await getInitiative(t.db, associationId, initiativeId)).toMatchObject({
      status: "avslutad_i_fortid",
      endDate: `${year}-05-31`,
      plannedEndDate: `${year + 1}-02-28`,
    });

    const all = await listFinalReports(t.db, associationId, { visible: "all" });
    expect(all.map((r) => r.initiativeName)).toContain("Tierp, I förtid");
    expect(all.length).toBeGreaterThan(3);
    const mine = await listFinalReports(t.db, associationId, { visible: [initiativeId] });
    expect(mine.map((r) => [r.id, r.status, r.ownerName])).toEqual([
      [id, "inskickad", "Tierps kommun"],
    ]);
    expect(await listFinalReports(t.db, associationId, { visible: [] })).toEqual([]);
    expect(
      (await listFinalReports(t.db, associationId, { visible: "all", status: "inskickad" })).every(
        (r) => r.status === "inskickad",
      ),
    ).toBe(true);
    expect(await listFinalReports(t.db, otherAssociationId, { visible: "all" })).toEqual([]);
  });

  it("refuses an actual end before the initiative's start, and leaves everything as it was", async () => {
    const initiativeId = await registeredInitiative("Tierp, Tidigt slut");
    const { id } = await createFinalReport(t.db, actor, associationId, initiativeId);
    const report = await getFinalReport(t.db, associationId, id);
    if (!report) throw new Error("no report");
    await saveFinalReport(t.db, actor, associationId, id, 1, {
      ...completeInput(report),
      actualStartDate: null,
      actualEndDate: `${year - 1}-01-31`,
    });
    await signAll(id);
    const fields = await refusal(submitFinalReport(t.db, actor, associationId, id, 2));
    expect(fields.actualEndDate).toMatch(/före insatsens startdatum/);
    expect((await getFinalReport(t.db, associationId, id))?.status).toBe("utkast");
    expect((await getInitiative(t.db, associationId, initiativeId))?.status).toBe("pagaende");
  });
});

describe("the parties' signatures", () => {
  /** A complete draft of a new initiative's report (two parties: Tierp and FK), at version 2. */
  async function completeDraft(name: string) {
    const initiativeId = await registeredInitiative(name);
    const { id } = await createFinalReport(t.db, actor, associationId, initiativeId);
    const report = await getFinalReport(t.db, associationId, id);
    if (!report) throw new Error("no report");
    await saveFinalReport(t.db, actor, associationId, id, 1, completeInput(report));
    return { id, report };
  }
  const linkIn = async (to: string) => {
    const [mail] = await t.db
      .select()
      .from(mailMessages)
      .where(eq(mailMessages.toAddress, to))
      .orderBy(sql`${mailMessages.createdAt} desc`)
      .limit(1);
    return mail;
  };

  it("asks a party by e-mail for a complete report only, and the party signs once by the link", async () => {
    // an incomplete report is not signed: what is missing is named
    const initiativeId = await registeredInitiative("Tierp, Osignerad");
    const { id: incomplete } = await createFinalReport(t.db, actor, associationId, initiativeId);
    const early = await refusal(
      requestFinalReportSignature(
        t.db,
        actor,
        associationId,
        incomplete,
        { organisationId: fk, name: "Karin Ek", email: "karin.ek@fk.example" },
        deps,
      ),
    );
    expect(early.signatures).toMatch(
      /^Slutrapporten är inte komplett: .*Skriv vad Försäkringskassan har lärt sig av insatsen\..* Fyll i det som saknas innan du ber parterna skriva under\.$/,
    );

    const { id } = await completeDraft("Tierp, Signering");
    // a signer of no party, without a name or a real address, is refused at each field
    const wrong = await refusal(
      requestFinalReportSignature(
        t.db,
        actor,
        associationId,
        id,
        { organisationId: af, name: " ", email: "karin" },
        deps,
      ),
    );
    expect(wrong).toEqual({
      organisationId: "Välj en av insatsens parter.",
      signerName: "Skriv namnet på den som skriver under.",
      signerEmail: "Skriv en giltig e-postadress, till exempel namn@kommun.se.",
    });

    const { token } = await requestFinalReportSignature(
      t.db,
      actor,
      associationId,
      id,
      { organisationId: fk, name: " Karin Ek ", email: "Karin.Ek@FK.example", title: "Chef" },
      deps,
    );
    const mail = await linkIn("karin.ek@fk.example");
    expect(mail?.subject).toBe("Underskrift av slutrapport: Tierp, Signering");
    expect(mail?.textBody).toContain(`https://samspar.example/signera-slutrapport/${token}`);
    expect(mail?.textBody).toContain("för Försäkringskassan");
    // the token is stored only as its hash
    expect(
      JSON.stringify(await t.db.execute(sql`select * from final_report_signatures`)),
    ).not.toContain(token);
    let report = await getFinalReport(t.db, associationId, id);
    expect(report?.parties[1]?.signature).toMatchObject({
      state: "requested",
      method: "link",
      signerName: "Karin Ek",
      signerEmail: "karin.ek@fk.example",
      signerTitle: "Chef",
      signedAt: null,
    });
    expect(report?.version).toBe(2);

    const request = await findFinalReportSignatureRequest(t.db, token);
    expect(request).toMatchObject({ reportId: id, organisationId: fk, version: 2 });
    expect(await findFinalReportSignatureRequest(t.db, "inte-en-nyckel")).toBeUndefined();

    // the wrong name and no confirmation are refused; so is a version the person did not read
    expect(
      await refusal(
        signFinalReportWithLink(t.db, {}, token, {
          confirmAuthorised: false,
          name: "Någon Annan",
          version: 2,
        }),
      ),
    ).toEqual({
      confirmAuthorised:
        "Bekräfta att du är behörig att skriva under för organisationen och att slutrapporten stämmer.",
      name: "Skriv ditt namn så som det står i förfrågan: Karin Ek.",
    });
    expect(
      (
        await refusal(
          signFinalReportWithLink(t.db, {}, token, {
            confirmAuthorised: true,
            name: "karin ek",
            version: 1,
          }),
        )
      ).form,
    ).toMatch(/ändrats medan du läste den/);

    await signFinalReportWithLink(t.db, {}, token, {
      confirmAuthorised: true,
      name: "karin ek",
      version: 2,
    });
    report = await getFinalReport(t.db, associationId, id);
    expect(report?.parties[1]?.signature).toMatchObject({
      state: "signed",
      method: "link",
      signedOn: today,
      signedVersion: 2,
    });
    // signing changes no content: the report keeps its version
    expect(report?.version).toBe(2);
    // the link works once
    expect(await findFinalReportSignatureRequest(t.db, token)).toBeUndefined();
    expect(
      (
        await refusal(
          signFinalReportWithLink(t.db, {}, token, {
            confirmAuthorised: true,
            name: "Karin Ek",
            version: 2,
          }),
        )
      ).token,
    ).toMatch(/redan använts/);

    const audit = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.targetId, id))
      .orderBy(auditEvents.seq);
    const signed = audit.find((a) => a.action === "final_report.signed");
    expect(signed).toMatchObject({
      actorLabel: "karin.ek@fk.example",
      details: { organisationId: fk, method: "link", version: 2 },
    });
    expect(audit.map((a) => a.action)).toContain("final_report.signature_requested");
  });

  it("removes the signatures given when the content changes, and keeps them when it does not", async () => {
    const { id, report } = await completeDraft("Tierp, Ändrad efter underskrift");
    const { token } = await requestFinalReportSignature(
      t.db,
      actor,
      associationId,
      id,
      { organisationId: fk, name: "Karin Ek", email: "karin.ek@fk.example" },
      deps,
    );
    await recordFinalReportPaperSignature(t.db, actor, associationId, id, {
      organisationId: tierp,
      name: "Tina Tierp",
      email: "",
      signedOn: today,
    });

    // saved as it is: nothing changed, so the signature stays
    expect(await saveFinalReport(t.db, actor, associationId, id, 2, completeInput(report))).toEqual(
      { version: 3, signaturesRemoved: 0 },
    );
    expect((await getFinalReport(t.db, associationId, id))?.parties[0]?.signature?.state).toBe(
      "signed",
    );

    // a changed word removes the given signature; the request that waits stays, and its link
    // shows (and signs) the report as it is now
    expect(
      await saveFinalReport(t.db, actor, associationId, id, 3, {
        ...completeInput(report),
        equality: "Vi följde upp könsfördelningen varje månad.",
      }),
    ).toEqual({ version: 4, signaturesRemoved: 1 });
    const after = await getFinalReport(t.db, associationId, id);
    expect(after?.parties.map((p) => p.signature?.state ?? null)).toEqual([null, "requested"]);
    expect((await findFinalReportSignatureRequest(t.db, token))?.version).toBe(4);
    await signFinalReportWithLink(t.db, {}, token, {
      confirmAuthorised: true,
      name: "Karin Ek",
      version: 4,
    });
    expect(
      (await getFinalReport(t.db, associationId, id))?.parties[1]?.signature?.signedVersion,
    ).toBe(4);
  });

  it("registers paper signatures from the office, removes them, and lets a link expire", async () => {
    const { id } = await completeDraft("Tierp, Papper");
    const refused = await refusal(
      recordFinalReportPaperSignature(t.db, actor, associationId, id, {
        organisationId: af,
        name: "",
        email: "",
        signedOn: `${year + 1}-01-01`,
      }),
    );
    expect(refused).toEqual({
      organisationId: "Välj en av insatsens parter.",
      signerName: "Skriv namnet på den som skriver under.",
      signedOn: "Underskriften kan inte vara daterad i framtiden.",
    });
    expect(
      (
        await refusal(
          recordFinalReportPaperSignature(t.db, actor, associationId, id, {
            organisationId: tierp,
            name: "Tina Tierp",
            email: "",
            signedOn: "31/12",
          }),
        )
      ).signedOn,
    ).toMatch(/ÅÅÅÅ-MM-DD/);

    await recordFinalReportPaperSignature(t.db, actor, associationId, id, {
      organisationId: tierp,
      name: "Tina Tierp",
      title: "Kommundirektör",
      email: "",
      signedOn: `${year}-01-15`,
    });
    expect((await getFinalReport(t.db, associationId, id))?.parties[0]?.signature).toMatchObject({
      state: "signed",
      method: "paper",
      signerName: "Tina Tierp",
      signerTitle: "Kommundirektör",
      signedOn: `${year}-01-15`,
    });
    await removeFinalReportSignature(t.db, actor, associationId, id, tierp);
    expect((await getFinalReport(t.db, associationId, id))?.parties[0]?.signature).toBeNull();
    await expect(
      removeFinalReportSignature(t.db, actor, associationId, id, tierp),
    ).rejects.toBeInstanceOf(NotFoundError);

    // a link asked for 15 days ago has run out
    const long = new Date(Date.now() - 15 * 24 * 60 * 60 * 1000);
    const { token } = await requestFinalReportSignature(
      t.db,
      actor,
      associationId,
      id,
      { organisationId: fk, name: "Karin Ek", email: "karin.ek@fk.example" },
      deps,
      long,
    );
    expect(await findFinalReportSignatureRequest(t.db, token)).toBeUndefined();
    expect((await getFinalReport(t.db, associationId, id))?.parties[1]?.signature?.state).toBe(
      "expired",
    );
    expect(
      (
        await refusal(
          signFinalReportWithLink(t.db, {}, token, {
            confirmAuthorised: true,
            name: "Karin Ek",
            version: 2,
          }),
        )
      ).token,
    ).toMatch(/gått ut/);
    // another association's office cannot reach the report
    await expect(
      removeFinalReportSignature(t.db, actor, otherAssociationId, id, fk),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("is fixed once submitted: no requests, no changes, and an open link stops working", async () => {
    const { id } = await completeDraft("Tierp, Inskickad med underskrifter");
    await recordFinalReportPaperSignature(t.db, actor, associationId, id, {
      organisationId: tierp,
      name: "Tina Tierp",
      email: "tina@tierp.example",
      signedOn: today,
    });
    const { token } = await requestFinalReportSignature(
      t.db,
      actor,
      associationId,
      id,
      { organisationId: fk, name: "Karin Ek", email: "karin.ek@fk.example" },
      deps,
    );
    // one party has not signed yet
    expect(
      (await refusal(submitFinalReport(t.db, actor, associationId, id, 2))).signatures,
    ).toMatch(/^1 av 2 parter har inte skrivit under/);
    await signFinalReportWithLink(t.db, {}, token, {
      confirmAuthorised: true,
      name: "Karin Ek",
      version: 2,
    });
    await submitFinalReport(t.db, actor, associationId, id, 2);
    const submitted = await getFinalReport(t.db, associationId, id);
    expect(submitted?.content.signatures).toEqual([
      {
        organisationId: tierp,
        signerName: "Tina Tierp",
        signerTitle: "",
        signerEmail: "tina@tierp.example",
        method: "paper",
        signedOn: today,
      },
      {
        organisationId: fk,
        signerName: "Karin Ek",
        signerTitle: "",
        signerEmail: "karin.ek@fk.example",
        method: "link",
        signedOn: today,
      },
    ]);
    expect(submitted?.parties.map((p) => [p.signature?.state, p.signature?.method])).toEqual([
      ["signed", "paper"],
      ["signed", "link"],
    ]);
    for (const attempt of [
      () =>
        requestFinalReportSignature(
          t.db,
          actor,
          associationId,
          id,
          { organisationId: fk, name: "Karin Ek", email: "karin.ek@fk.example" },
          deps,
        ),
      () =>
        recordFinalReportPaperSignature(t.db, actor, associationId, id, {
          organisationId: fk,
          name: "Karin Ek",
          email: "",
          signedOn: today,
        }),
      () => removeFinalReportSignature(t.db, actor, associationId, id, fk),
    ])
      expect((await refusal(attempt())).status).toMatch(/inskickad/);

    // a request that still waited when the report was submitted no longer opens it
    const { id: other } = await completeDraft("Tierp, Väntande länk");
    const waiting = await requestFinalReportSignature(
      t.db,
      actor,
      associationId,
      other,
      { organisationId: fk, name: "Karin Ek", email: "karin.ek@fk.example" },
      deps,
    );
    expect(await findFinalReportSignatureRequest(t.db, waiting.token)).toBeDefined();
    await recordFinalReportPaperSignature(t.db, actor, associationId, other, {
      organisationId: tierp,
      name: "Tina Tierp",
      email: "",
      signedOn: today,
    });
    await recordFinalReportPaperSignature(t.db, actor, associationId, other, {
      organisationId: fk,
      name: "Karin Ek",
      email: "",
      signedOn: today,
    });
    await submitFinalReport(t.db, actor, associationId, other, 2);
    expect(await findFinalReportSignatureRequest(t.db, waiting.token)).toBeUndefined();
  });

  it("shows a report submitted before signing in Samspår with the names and dates it recorded", async () => {
    const initiativeId = await registeredInitiative("Tierp, Äldre rapport");
    const { id } = await createFinalReport(t.db, actor, associationId, initiativeId);
    const row = await getFinalReport(t.db, associationId, id);
    await t.db
      .update(finalReports)
      .set({
        status: "inskickad",
        content: {
          ...row?.content,
          signatures: [{ organisationId: tierp, signerName: "Tina Tierp", signedOn: today }],
        },
      })
      .where(eq(finalReports.id, id));
    const old = await getFinalReport(t.db, associationId, id);
    expect(old?.parties.map((p) => p.signature)).toEqual([
      {
        state: "signed",
        method: null,
        signerName: "Tina Tierp",
        signerTitle: "",
        signerEmail: "",
        requestedAt: null,
        expiresAt: null,
        signedOn: today,
        signedAt: null,
        signedVersion: null,
      },
      null,
    ]);
    expect(old?.allSigned).toBe(false);
  });
});

describe("stored content", () => {
  it("reads old or partial content with every field present", () => {
    const c = finalReportContentOf({ initiativeName: "X", participants: { women: 2 } });
    expect(c.participants).toEqual({
      feasibilityStudy: false,
      women: 2,
      men: null,
      otherOrNotStated: null,
    });
    expect(c.goals).toEqual([]);
    expect(c.returnedFunds.returned).toBeNull();
  });
});
