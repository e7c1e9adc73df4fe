// Deviation reports against a real database: drafts that may be incomplete but never invalid,
// submission with its checks against the initiative's dates (arrival date, diarienummer),
// conflicts that name the other person's change, and decisions: each kind of approved request
// changes the initiative (with the report named in its audit event), a rejection changes
// nothing, and a decision in the future is refused. Every change leaves a version.
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { todayInSweden } from "../applications/workflow.ts";
import { createAssociation } from "../associations/create-association.ts";
import { addMemberOrganisation } from "../associations/member-organisations.ts";
import { auditEvents } from "../audit/schema.ts";
import { addDays } from "../demo/demo-time.ts";
import { getInitiative } from "../initiatives/get-initiative.ts";
import { createInitiative } from "../initiatives/save-initiative.ts";
import type { InitiativeStatus } from "../initiatives/schema.ts";
import { ConflictError, NotFoundError, ValidationError } from "../platform/errors.ts";
import {
  commentOnDeviationReport,
  createDeviationReport,
  type DeviationInput,
  decideDeviationReport,
  getDeviationReport,
  listDeviationReports,
  listDeviationReportVersions,
  listOpenInitiatives,
  saveDeviationReport,
  submitDeviationReport,
} from "./deviation-reports.ts";

let t: TestDatabase;
const actor = { userId: null, label: "test" };
let associationId = "";
let tierp = "";
let fk = "";
const today = todayInSweden();
const year = Number(today.slice(0, 4));
const start = `${year - 1}-01-01`;
const end = `${year + 1}-12-31`;

beforeAll(async () => {
  t = await createTestDatabase();
  associationId = (await createAssociation(t.db, actor, { slug: "f", name: "F" })).id;
  tierp = (
    await addMemberOrganisation(t.db, actor, associationId, {
      name: "Tierps kommun",
      orgNumber: "212000-0274",
      kind: "kommun",
    })
  ).id;
  fk = (
    await addMemberOrganisation(t.db, actor, associationId, {
      name: "Försäkringskassan",
      orgNumber: "202100-5521",
      kind: "forsakringskassan",
    })
  ).id;
});
afterAll(() => t.drop());

async function initiative(name: string, status: InitiativeStatus = "pagaende") {
  return (
    await createInitiative(t.db, actor, associationId, {
      name,
      ownerOrganisationId: tierp,
      partnerIds: [fk],
      status,
      orientation: "individual",
      preRehabilitation: false,
      esf: false,
      startDate: start,
      endDate: end,
      lastIntakeDate: `${year + 1}-10-31`,
      targetGroup: "Unga vuxna 18–29 år",
      expectedParticipantsOngoing: false,
      goals: [{ text: "Till arbete eller studier", kind: "resultatmal", targetPercent: "60" }],
      localUnits: [],
    })
  ).id;
}

const complete = (over: Partial<DeviationInput> = {}): DeviationInput => ({
  types: ["tidsplan"],
  description: "Rekryteringen av coacher tog fyra månader längre än planerat.",
  cause: "Få sökande till tjänsterna.",
  consequence: "Färre deltagare under det första året.",
  measures: "Vi begär förlängning inom budgeten.",
  request: "ingen",
  ...over,
});

async function problemsOf(run: () => Promise<unknown>): Promise<Record<string, string>> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fields;
}

/** A submitted report of a new initiative: its id, the initiative's and the diarienummer. */
async function submitted(name: string, over: Partial<DeviationInput>) {
  const initiativeId = await initiative(name);
  const id = await createDeviationReport(t.db, actor, associationId, initiativeId, complete(over));
  const { registryNumber } = await submitDeviationReport(t.db, actor, associationId, id, 1);
  return { id, initiativeId, registryNumber };
}

const approve = (id: string, version = 2) =>
  decideDeviationReport(t.db, actor, associationId, id, version, {
    decisionBody: "kansli",
    decision: "godkand",
    decisionDate: today,
  });

describe("drafts", () => {
  it("are written for running or granted initiatives only", async () => {
    const applied = await initiative("Ansökt insats", "ansokan");
    const ended = await initiative("Avslutad insats", "avslutad");
    const granted = await initiative("Beviljad insats", "beviljad");
    for (const id of [applied, ended])
      expect(
        (await problemsOf(() => createDeviationReport(t.db, actor, associationId, id, complete())))
          .initiativeId,
      ).toMatch(/inte pågående eller beviljad/);
    expect(
      (
        await problemsOf(() =>
          createDeviationReport(t.db, actor, associationId, crypto.randomUUID(), complete()),
        )
      ).initiativeId,
    ).toBe("Välj en av förbundets insatser.");
    expect(await createDeviationReport(t.db, actor, associationId, granted, complete())).toMatch(
      /^[0-9a-f-]{36}$/,
    );
    const open = (await listOpenInitiatives(t.db, associationId)).map((i) => i.name);
    expect(open).toContain("Beviljad insats");
    expect(open).not.toContain("Ansökt insats");
    expect(open).not.toContain("Avslutad insats");
  });

  it("may be incomplete but never invalid, and keep only the chosen request's fields", async () => {
    const initiativeId = await initiative("Utkastinsatsen");
    const id = await createDeviationReport(t.db, actor, associationId, initiativeId, {
      types: [],
      description: "",
      cause: "",
      consequence: "",
      measures: "",
      request: "",
    });
    const draft = await getDeviationReport(t.db, associationId, id);
    expect(draft).toMatchObject({ status: "utkast", version: 1, request: "ingen", types: [] });
    expect(
      await problemsOf(() =>
        saveDeviationReport(t.db, actor, associationId, id, 1, {
          ...complete({ types: ["tidsplan", "vader"] }),
          request: "flytta_medel",
          requestedAmount: "150 000,50",
        }),
      ),
    ).toEqual({
      types: "Välj typ av avvikelse bland alternativen.",
      requestedAmount: "Skriv beloppet i hela kronor, till exempel 150 000.",
    });
    expect(
      await problemsOf(() =>
        saveDeviationReport(t.db, actor, associationId, id, 1, {
          ...complete({ request: "forlangning", requestedEndDate: "2028-02-30" }),
        }),
      ),
    ).toEqual({ requestedEndDate: "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2028-06-30." });
    expect(
      (
        await problemsOf(() =>
          saveDeviationReport(
            t.db,
            actor,
            associationId,
            id,
            1,
            complete({ request: "mer_pengar" }),
          ),
        )
      ).request,
    ).toMatch(/Välj en av begärandena/);

    const version = await saveDeviationReport(t.db, actor, associationId, id, 1, {
      ...complete({ types: ["budget", "mal", "budget"] }),
      request: "flytta_medel",
      requestedAmount: "150 000 kr",
      requestedEndDate: "2030-01-01",
      requestedTargetGroup: "Alla",
    });
    expect(version).toBe(2);
    const saved = await getDeviationReport(t.db, associationId, id);
    expect(saved).toMatchObject({
      types: ["mal", "budget"],
      request: "flytta_medel",
      requestedAmount: 150000,
      requestedEndDate: null,
      requestedTargetGroup: null,
    });
  });

  it("refuses a save based on an old version, naming what the other person changed", async () => {
    const initiativeId = await initiative("Konfliktinsatsen");
    const id = await createDeviationReport(t.db, actor, associationId, initiativeId, complete());
    await saveDeviationReport(t.db, actor, associationId, id, 1, {
      ...complete(),
      cause: "Sjukskrivningar i teamet.",
    });
    const error = await saveDeviationReport(t.db, actor, associationId, id, 1, {
      ...complete(),
      measures: "Något annat.",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    const conflict = error as ConflictError;
    expect(conflict.message).toMatch(/version 2, du utgick från version 1/);
    expect(conflict.changes).toEqual([
      {
        field: "cause",
        label: "Orsak",
        before: ["Få sökande till tjänsterna."],
        theirs: ["Sjukskrivningar i teamet."],
      },
    ]);
    expect((await getDeviationReport(t.db, associationId, id))?.measures).toBe(
      "Vi begär förlängning inom budgeten.",
    );
  });
});

describe("submission", () => {
  it("names every missing part at its field", async () => {
    const initiativeId = await initiative("Ofullständiga insatsen");
    const id = await createDeviationReport(t.db, actor, associationId, initiativeId, {
      ...complete({ types: [], description: " ", cause: "", consequence: "", measures: "" }),
    });
    expect(
      await problemsOf(() => submitDeviationReport(t.db, actor, associationId, id, 1)),
    ).toEqual({
      types: "Välj minst en typ av avvikelse.",
      description: "Beskriv avvikelsen.",
      cause: "Beskriv orsaken till avvikelsen.",
      consequence: "Beskriv vilka konsekvenser avvikelsen får.",
      measures: "Beskriv vilka åtgärder ni vidtar eller föreslår.",
    });
  });

  it("checks each request's fields against the initiative's dates", async () => {
    const initiativeId = await initiative("Datuminsatsen");
    const id = await createDeviationReport(t.db, actor, associationId, initiativeId, complete());
    let version = 1;
    const problem = async (over: Partial<DeviationInput>) => {
      version = await saveDeviationReport(t.db, actor, associationId, id, version, complete(over));
      return await problemsOf(() => submitDeviationReport(t.db, actor, associationId, id, version));
    };
    expect(await problem({ request: "forlangning" })).toEqual({
      requestedEndDate: "Ange det nya slutdatum ni begär.",
    });
    expect(await problem({ request: "forlangning", requestedEndDate: end })).toEqual({
      requestedEndDate: `Det nya slutdatumet måste vara efter insatsens nuvarande slut, ${end}.`,
    });
    expect(await problem({ request: "avslut_i_fortid" })).toEqual({
      requestedEndDate: "Ange dagen då insatsen slutar.",
    });
    expect(
      (await problem({ request: "avslut_i_fortid", requestedEndDate: `${year + 2}-01-01` }))
        .requestedEndDate,
    ).toMatch(new RegExp(`^Dagen kan inte vara efter insatsens nuvarande slut, ${end}\\.`));
    expect(
      await problem({ request: "avslut_i_fortid", requestedEndDate: `${year - 2}-12-31` }),
    ).toEqual({
      requestedEndDate: `Dagen kan inte vara före insatsens start, ${start}.`,
    });
    expect(await problem({ request: "andrad_malgrupp", requestedTargetGroup: "  " })).toEqual({
      requestedTargetGroup: "Beskriv den nya målgruppen ni begär.",
    });
    expect(await problem({ request: "flytta_medel", requestedAmount: "0" })).toEqual({
      requestedAmount: "Beloppet som ska flyttas måste vara större än 0 kr.",
    });
    expect(await problem({ request: "flytta_medel" })).toEqual({
      requestedAmount: "Ange i hela kronor hur mycket som ska flyttas till en senare period.",
    });
    // the actual end may be the current end itself
    version = await saveDeviationReport(
      t.db,
      actor,
      associationId,
      id,
      version,
      complete({ request: "avslut_i_fortid", requestedEndDate: end }),
    );
    const result = await submitDeviationReport(t.db, actor, associationId, id, version);
    expect(result.version).toBe(version + 1);
  });

  it("gives the report today's arrival date and a diarienummer, and closes it for edits", async () => {
    const { id, registryNumber } = await submitted("Inskickade insatsen", {});
    expect(registryNumber).toMatch(new RegExp(`^${year}/\\d+$`));
    const report = await getDeviationReport(t.db, associationId, id);
    expect(report).toMatchObject({
      status: "inskickad",
      arrivalDate: today,
      registryNumber,
      version: 2,
    });
    expect(report?.submittedAt).toBeInstanceOf(Date);
    expect(
      await problemsOf(() => saveDeviationReport(t.db, actor, associationId, id, 2, complete())),
    ).toEqual({
      status:
        "Avvikelserapporten är inskickad och kan inte ändras. Skriv en kommentar eller en ny rapport.",
    });
    expect(
      await problemsOf(() => submitDeviationReport(t.db, actor, associationId, id, 2)),
    ).toEqual({ status: "Avvikelserapporten är redan inskickad." });
    await expect(submitDeviationReport(t.db, actor, associationId, id, 1)).rejects.toBeInstanceOf(
      ConflictError,
    );
  });
});

describe("decisions", () => {
  it("refuses a decision in the future, a rejection without motivation and a board decision without its meeting", async () => {
    const { id } = await submitted("Beslutsinsatsen", {});
    // the day after today in Sweden, for the same moment the check uses (24 hours later is still
    // the same day in the first hour of the day summer time ends)
    const now = new Date();
    expect(
      await problemsOf(() =>
        decideDeviationReport(
          t.db,
          actor,
          associationId,
          id,
          2,
          {
            decisionBody: "kansli",
            decision: "godkand",
            decisionDate: addDays(todayInSweden(now), 1),
          },
          { now },
        ),
      ),
    ).toEqual({ decisionDate: "Beslutsdatum kan inte ligga i framtiden." });
    expect(
      await problemsOf(() =>
        decideDeviationReport(t.db, actor, associationId, id, 2, {
          decisionBody: "styrelse",
          decision: "avslagen",
          decisionDate: today,
          motivation: " ",
        }),
      ),
    ).toEqual({
      motivation: "Skriv varför rapporten avslås.",
      meeting: "Ange styrelsemötet som fattade beslutet, till exempel Styrelsemöte 2027-03-12.",
      paragraph: "Ange paragrafen i styrelsens protokoll, till exempel 12.",
    });
    expect(
      await problemsOf(() =>
        decideDeviationReport(
          t.db,
          actor,
          associationId,
          id,
          2,
          { decisionBody: "kansli", decision: "ja", decisionDate: "igår" },
          { bodies: ["styrelse"] },
        ),
      ),
    ).toEqual({
      decisionBody: "Bara förbundets kansli beslutar som kansli. Välj styrelsen.",
      decision: "Välj om rapporten godkänns eller avslås.",
      decisionDate: "Skriv beslutsdatum som ÅÅÅÅ-MM-DD.",
    });
    expect(
      await problemsOf(() =>
        decideDeviationReport(t.db, actor, associationId, id, 2, {
          decisionBody: "kansli",
          decision: "godkand",
          decisionDate: `${year - 1}-06-01`,
        }),
      ),
    ).toEqual({
      decisionDate: `Beslutsdatum kan inte vara före dagen rapporten kom in, ${today}.`,
    });
    await expect(approve(id, 1)).rejects.toBeInstanceOf(ConflictError);
    expect((await getDeviationReport(t.db, associationId, id))?.status).toBe("inskickad");
  });

  it("refuses to decide a draft", async () => {
    const initiativeId = await initiative("Utkastbeslut");
    const id = await createDeviationReport(t.db, actor, associationId, initiativeId, complete());
    expect(await problemsOf(() => approve(id, 1))).toEqual({
      status: "Avvikelserapporten måste skickas in innan beslut fattas.",
    });
  });

  it("extends the initiative when an extension is approved, naming the report in its audit event", async () => {
    const newEnd = `${year + 2}-06-30`;
    const { id, initiativeId, registryNumber } = await submitted("Förlängda insatsen", {
      request: "forlangning",
      requestedEndDate: newEnd,
    });
    const before = await getInitiative(t.db, associationId, initiativeId);
    expect(await approve(id)).toBe(3);
    const after = await getInitiative(t.db, associationId, initiativeId);
    expect(after).toMatchObject({
      endDate: newEnd,
      status: "pagaende",
      plannedEndDate: null,
      version: (before?.version ?? 0) + 1,
    });
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, "initiative.updated"), eq(auditEvents.targetId, initiativeId)),
      )
      .orderBy(desc(auditEvents.seq));
    expect(event?.details).toEqual({
      changed: ["endDate"],
      source: `avvikelserapport ${registryNumber}`,
    });
    const report = await getDeviationReport(t.db, associationId, id);
    expect(report).toMatchObject({
      status: "godkand",
      decisionBody: "kansli",
      decisionDate: today,
      decisionMeeting: null,
    });
    const versions = await listDeviationReportVersions(t.db, id);
    expect(versions.map((v) => [v.version, v.event, v.status])).toEqual([
      [3, "decided", "godkand"],
      [2, "submitted", "inskickad"],
      [1, "created", "utkast"],
    ]);
    expect(versions[0]?.note).toContain(`Insatsen förlängs till ${newEnd} (var ${end}).`);
    // decided once
    expect(await problemsOf(() => approve(id, 3))).toEqual({
      status: "Avvikelserapporten är redan beslutad.",
    });
  });

  it("ends the initiative early, keeping the planned end for the record", async () => {
    const actualEnd = `${year}-01-31`;
    const { id, initiativeId } = await submitted("Avslutade insatsen", {
      request: "avslut_i_fortid",
      requestedEndDate: actualEnd,
    });
    await decideDeviationReport(t.db, actor, associationId, id, 2, {
      decisionBody: "styrelse",
      decision: "godkand",
      decisionDate: today,
      meeting: `Styrelsemöte ${today}`,
      paragraph: "§ 12",
    });
    const after = await getInitiative(t.db, associationId, initiativeId);
    expect(after).toMatchObject({
      status: "avslutad_i_fortid",
      plannedEndDate: end,
      endDate: actualEnd,
      // the last intake cannot come after the end
      lastIntakeDate: actualEnd,
    });
    expect(await getDeviationReport(t.db, associationId, id)).toMatchObject({
      decisionBody: "styrelse",
      decisionMeeting: `Styrelsemöte ${today}`,
      decisionParagraph: "12",
    });
    // an ended initiative gets no new reports
    expect(
      (
        await problemsOf(() =>
          createDeviationReport(t.db, actor, associationId, initiativeId, complete()),
        )
      ).initiativeId,
    ).toMatch(/inte pågående eller beviljad/);
  });

  it("changes the target group when a changed target group is approved", async () => {
    const { id, initiativeId } = await submitted("Målgruppsinsatsen", {
      types: ["malgrupp"],
      request: "andrad_malgrupp",
      requestedTargetGroup: "Unga vuxna 18–35 år",
    });
    await approve(id);
    expect((await getInitiative(t.db, associationId, initiativeId))?.targetGroup).toBe(
      "Unga vuxna 18–35 år",
    );
  });

  it("records moved funds for the budget without changing the initiative now", async () => {
    const { id, initiativeId } = await submitted("Medelsinsatsen", {
      types: ["budget"],
      request: "flytta_medel",
      requestedAmount: "150 000",
    });
    const before = await getInitiative(t.db, associationId, initiativeId);
    await approve(id);
    expect(await getInitiative(t.db, associationId, initiativeId)).toEqual(before);
    const [version] = await listDeviationReportVersions(t.db, id);
    expect(version?.note).toMatch(
      /flytta 150\s000\s*kr till en senare period\. Budgeten fördelas om i ekonomidelen\./,
    );
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "deviation_report.decided"), eq(auditEvents.targetId, id)))
      .orderBy(auditEvents.seq);
    expect(event?.details).toMatchObject({
      decision: "godkand",
      budgetRephasing: { amount: 150000, by: "ekonomi" },
    });
  });

  it("changes nothing on the initiative when the request is rejected", async () => {
    const { id, initiativeId } = await submitted("Avslagna insatsen", {
      request: "forlangning",
      requestedEndDate: `${year + 3}-12-31`,
    });
    const before = await getInitiative(t.db, associationId, initiativeId);
    await decideDeviationReport(t.db, actor, associationId, id, 2, {
      decisionBody: "kansli",
      decision: "avslagen",
      decisionDate: today,
      motivation: "Budgeten räcker inte för en förlängning.",
    });
    expect(await getInitiative(t.db, associationId, initiativeId)).toEqual(before);
    expect(await getDeviationReport(t.db, associationId, id)).toMatchObject({
      status: "avslagen",
      decisionMotivation: "Budgeten räcker inte för en förlängning.",
    });
  });

  it("refuses an approval the initiative no longer allows", async () => {
    const initiativeId = await initiative("Dubbelförlängd");
    const first = await createDeviationReport(
      t.db,
      actor,
      associationId,
      initiativeId,
      complete({ request: "forlangning", requestedEndDate: `${year + 3}-12-31` }),
    );
    const second = await createDeviationReport(
      t.db,
      actor,
      associationId,
      initiativeId,
      complete({ request: "forlangning", requestedEndDate: `${year + 2}-12-31` }),
    );
    await submitDeviationReport(t.db, actor, associationId, first, 1);
    await submitDeviationReport(t.db, actor, associationId, second, 1);
    await approve(first);
    expect((await problemsOf(() => approve(second))).status).toMatch(
      /^Begäran stämmer inte längre med insatsen: Det nya slutdatumet måste vara efter insatsens nuvarande slut/,
    );
    expect((await getInitiative(t.db, associationId, initiativeId))?.endDate).toBe(
      `${year + 3}-12-31`,
    );
  });
});

describe("comments and lists", () => {
  it("takes comments once the report is submitted", async () => {
    const initiativeId = await initiative("Kommentarinsatsen");
    const id = await createDeviationReport(t.db, actor, associationId, initiativeId, complete());
    expect(
      (await problemsOf(() => commentOnDeviationReport(t.db, actor, associationId, id, "Hej")))
        .status,
    ).toMatch(/när rapporten är inskickad/);
    await submitDeviationReport(t.db, actor, associationId, id, 1);
    expect(
      await problemsOf(() => commentOnDeviationReport(t.db, actor, associationId, id, "  ")),
    ).toEqual({ comment: "Skriv en kommentar." });
    await commentOnDeviationReport(t.db, actor, associationId, id, "Vilka tjänster gäller det?");
    const report = await getDeviationReport(t.db, associationId, id);
    expect(report?.comments.map((c) => [c.text, c.authorName])).toEqual([
      ["Vilka tjänster gäller det?", "test"],
    ]);
    // a comment is no change of the report
    expect(report?.version).toBe(2);
    await expect(
      commentOnDeviationReport(t.db, actor, associationId, crypto.randomUUID(), "x"),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lists what the caller sees, by status and initiative", async () => {
    const initiativeId = await initiative("Listinsatsen");
    const draft = await createDeviationReport(t.db, actor, associationId, initiativeId, complete());
    const sent = await createDeviationReport(t.db, actor, associationId, initiativeId, complete());
    await submitDeviationReport(t.db, actor, associationId, sent, 1);
    const ofInitiative = await listDeviationReports(t.db, associationId, {
      visible: "all",
      initiativeId,
    });
    expect(ofInitiative.map((r) => r.id).sort()).toEqual([draft, sent].sort());
    expect(
      (
        await listDeviationReports(t.db, associationId, {
          visible: [initiativeId],
          status: "inskickad",
        })
      ).map((r) => r.id),
    ).toEqual([sent]);
    expect(await listDeviationReports(t.db, associationId, { visible: [] })).toEqual([]);
    const other = await initiative("Andra insatsen");
    expect(
      await listDeviationReports(t.db, associationId, { visible: [other], initiativeId }),
    ).toEqual([]);
    expect(
      await listDeviationReports(t.db, associationId, { visible: "all", initiativeId: "x" }),
    ).toEqual([]);
    expect(await getDeviationReport(t.db, associationId, "inte-ett-id")).toBeUndefined();
  });
});
