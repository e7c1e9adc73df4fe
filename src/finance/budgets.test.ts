// Initiative budgets against a real database: the first version and the next (the previous one
// kept as "ersatt"), lines refused at their field (a period outside the initiative, a party that
// is not the owner or a partner, an amount that is not whole kronor) with nothing saved, stale
// versions refused, the proposal from the granted application, and re-phasing only after an
// approved deviation report asking to move funds, keeping every source's total.
// Property tests: the sums by category, period, year and party always equal the total; the
// spread from an application never loses or invents a krona; a re-phasing that keeps every
// source's total is accepted and one that changes a total is refused.
import { and, eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import {
  BUDGET_CATEGORIES,
  type BudgetCategory,
  CO_FINANCING_KINDS,
  type CoFinancingKind,
  emptyContent,
} from "../applications/content.ts";
import { applications } from "../applications/schema.ts";
import { todayInSweden } from "../applications/workflow.ts";
import { createAssociation } from "../associations/create-association.ts";
import { addMemberOrganisation } from "../associations/member-organisations.ts";
import { auditEvents } from "../audit/schema.ts";
import { createInitiative } from "../initiatives/save-initiative.ts";
import { ConflictError, ValidationError } from "../platform/errors.ts";
import { sumKronor } from "../platform/money.ts";
import { periodsBetween } from "../reports/calendar.ts";
import {
  createDeviationReport,
  type DeviationInput,
  decideDeviationReport,
  submitDeviationReport,
} from "../reports/deviation-reports.ts";
import {
  type BudgetLine,
  type BudgetLineInput,
  budgetFromApplication,
  budgetTotals,
  getBudgetVersion,
  getCurrentBudget,
  listBudgetVersions,
  monthsInside,
  rephaseBudget,
  rephasingProblems,
  rephasingReports,
  saveBudget,
  sourceKey,
  sourceTotals,
  spreadApplication,
} from "./budgets.ts";
import { yearOfPeriod } from "./periods.ts";
import { initiativeBudgets } from "./schema.ts";

let t: TestDatabase;
const actor = { userId: null, label: "kansliet@test" };
let associationId = "";
const orgs = { tierp: "", fk: "", af: "" };
const today = todayInSweden();

beforeAll(async () => {
  t = await createTestDatabase();
  associationId = (await createAssociation(t.db, actor, { slug: "f", name: "F" })).id;
  const org = async (name: string, orgNumber: string, kind: string) =>
    (await addMemberOrganisation(t.db, actor, associationId, { name, orgNumber, kind })).id;
  orgs.tierp = await org("Tierps kommun", "212000-0274", "kommun");
  orgs.fk = await org("Försäkringskassan", "202100-5521", "forsakringskassan");
  orgs.af = await org("Arbetsförmedlingen", "202100-2114", "arbetsformedlingen");
});
afterAll(() => t.drop());

/** A running initiative of Tierp with Försäkringskassan as partner, 2026-08-17 – 2027-12-31. */
async function initiative(name: string, dates = { start: "2026-08-17", end: "2027-12-31" }) {
  return (
    await createInitiative(t.db, actor, associationId, {
      name,
      ownerOrganisationId: orgs.tierp,
      partnerIds: [orgs.fk],
      status: "pagaende",
      orientation: "individual",
      preRehabilitation: false,
      esf: false,
      startDate: dates.start,
      endDate: dates.end,
      targetGroup: "Unga vuxna",
      expectedParticipantsOngoing: false,
      goals: [{ text: "Till arbete eller studier", kind: "resultatmal", targetPercent: "60" }],
      localUnits: [],
    })
  ).id;
}

const forbund = (periodKey: string, category: string, amount: string | number | null) => ({
  periodKey,
  category,
  source: "forbund",
  amount,
});
const cofin = (
  periodKey: string,
  organisationId: string,
  coKind: string,
  amount: string | number | null,
  category = "personal",
) => ({ periodKey, category, source: "medfinansiering", organisationId, coKind, amount });

const FIRST: BudgetLineInput[] = [
  forbund("2026-K3", "personal", "100 000"),
  forbund("2026-K4", "personal", 150_000),
  forbund("2027-K1", "personal", 150_000),
  forbund("2027-K1", "lokaler", "12 000 kr"),
  forbund("2027-K2", "resor", 0),
  cofin("2026-K4", "", "personaltid", 40_000),
];

async function problemsOf(run: () => Promise<unknown>): Promise<Record<string, string>> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fields;
}

async function versionCount(initiativeId: string) {
  return (
    await t.db
      .select({ id: initiativeBudgets.id })
      .from(initiativeBudgets)
      .where(eq(initiativeBudgets.initiativeId, initiativeId))
  ).length;
}

const withParty = (lines: BudgetLineInput[], org: string) =>
  lines.map((l) => (l.source === "medfinansiering" ? { ...l, organisationId: org } : l));

describe("saving a budget", () => {
  it("writes the first version, with its totals per year, period, category and party", async () => {
    const id = await initiative("Första budgeten");
    const empty = await getCurrentBudget(t.db, associationId, id);
    expect(empty.current).toBeNull();
    expect(empty.periods.map((p) => p.key)).toEqual([
      "2026-K3",
      "2026-K4",
      "2027-K1",
      "2027-K2",
      "2027-K3",
      "2027-K4",
    ]);
    expect(empty.parties.map((p) => [p.name, p.isOwner])).toEqual([
      ["Tierps kommun", true],
      ["Försäkringskassan", false],
    ]);
    const saved = await saveBudget(t.db, actor, associationId, id, null, {
      lines: withParty(FIRST, orgs.fk),
      reason: "Styrelsens beslut 2026-05-20 § 8",
      kind: "beslut",
    });
    expect(saved.version).toBe(1);
    expect(saved.status).toBe("gallande");
    expect(saved.lines).toHaveLength(6);
    expect(saved.totals.total).toBe(452_000);
    expect(saved.totals.association).toBe(412_000);
    expect(saved.totals.coFinancing).toBe(40_000);
    expect(saved.totals.byCategory.personal).toBe(440_000);
    expect(saved.totals.byYear.map((y) => [y.year, y.total])).toEqual([
      [2026, 290_000],
      [2027, 162_000],
    ]);
    expect(saved.totals.byPeriod.map((p) => [p.periodKey, p.association])).toEqual([
      ["2026-K3", 100_000],
      ["2026-K4", 150_000],
      ["2027-K1", 162_000],
      ["2027-K2", 0],
    ]);
    expect(saved.totals.byParty).toEqual([
      {
        organisationId: orgs.fk,
        total: 40_000,
        byKind: { pengar: 0, personaltid: 40_000, deltagarersattning: 0 },
      },
    ]);
    const current = await getCurrentBudget(t.db, associationId, id);
    expect(current.current?.version).toBe(1);
    expect(current.current?.reason).toBe("Styrelsens beslut 2026-05-20 § 8");
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "budget.saved"), eq(auditEvents.targetId, id)))
      .orderBy(auditEvents.seq);
    expect(event?.details).toMatchObject({ budgetVersion: 1, kind: "beslut", total: 452_000 });
  });

  it("refuses a line for a period outside the initiative, naming the field, and saves nothing", async () => {
    const id = await initiative("Period utanför");
    const fields = await problemsOf(() =>
      saveBudget(t.db, actor, associationId, id, null, {
        lines: [forbund("2026-K3", "personal", 1000), forbund("2028-K1", "personal", 1000)],
        reason: "Beslut",
        kind: "beslut",
      }),
    );
    expect(fields["lines.1.periodKey"]).toBe(
      "Perioden 2028-K1 ligger utanför insatsens tid (2026-08-17 – 2027-12-31). Välj en av insatsens perioder 2026-K3 – 2027-K4.",
    );
    expect(Object.keys(fields)).toEqual(["lines.1.periodKey"]);
    expect(await versionCount(id)).toBe(0);
  });

  it("refuses co-financing by an organisation that is neither the owner nor a partner", async () => {
    const id = await initiative("Fel part");
    const fields = await problemsOf(() =>
      saveBudget(t.db, actor, associationId, id, null, {
        lines: [
          forbund("2026-K3", "personal", 1000),
          cofin("2026-K3", orgs.af, "pengar", 5000),
          cofin("2026-K3", orgs.tierp, "personaltid", 5000),
        ],
        reason: "Beslut",
        kind: "beslut",
      }),
    );
    expect(Object.keys(fields)).toEqual(["lines.1.organisationId"]);
    expect(fields["lines.1.organisationId"]).toMatch(/ägaren eller en samverkanspart/);
    expect(await versionCount(id)).toBe(0);
  });

  it("refuses negative and non-numeric amounts, unknown kinds, an empty reason and empty budgets", async () => {
    const id = await initiative("Fel belopp");
    const fields = await problemsOf(() =>
      saveBudget(t.db, actor, associationId, id, null, {
        lines: [forbund("2026-K3", "personal", "-5"), forbund("2026-K4", "resor", "tolv")],
        reason: " ",
        kind: "omfordelning",
      }),
    );
    expect(fields["lines.0.amount"]).toMatch(/hela kronor/);
    expect(fields["lines.1.amount"]).toMatch(/hela kronor/);
    expect(fields.kind).toMatch(/beslut, en revision eller en import/);
    expect(fields.reason).toMatch(/Skriv varför/);
    expect(
      (
        await problemsOf(() =>
          saveBudget(t.db, actor, associationId, id, null, {
            lines: [forbund("2026-K3", "personal", "")],
            reason: "Beslut",
            kind: "beslut",
          }),
        )
      ).lines,
    ).toMatch(/inga belopp/);
    expect(
      (
        await problemsOf(() =>
          saveBudget(t.db, actor, associationId, id, null, {
            lines: [forbund("2026-K3", "personal", 1), forbund("2026-K3", "personal", 2)],
            reason: "Beslut",
            kind: "beslut",
          }),
        )
      )["lines.1.amount"],
    ).toBe(
      "Raden gäller samma period, kostnadsslag och källa som rad 1. Lägg ihop beloppen på en rad.",
    );
    expect(await versionCount(id)).toBe(0);
  });

  it("writes a new version on each save, keeps the old one as ersatt, and refuses stale versions", async () => {
    const id = await initiative("Revideras");
    const lines = withParty(FIRST, orgs.tierp);
    await saveBudget(t.db, actor, associationId, id, null, {
      lines,
      reason: "Beslut",
      kind: "beslut",
    });
    // another first version, or a save from version 1 twice: the second is refused
    await expect(
      saveBudget(t.db, actor, associationId, id, null, { lines, reason: "B", kind: "beslut" }),
    ).rejects.toThrow(ConflictError);
    const changed = lines.map((l, i) => (i === 0 ? { ...l, amount: 90_000 } : l));
    const v2 = await saveBudget(t.db, actor, associationId, id, 1, {
      lines: changed,
      reason: "Lägre personalkostnad hösten 2026",
      kind: "revision",
    });
    expect(v2.version).toBe(2);
    await expect(
      saveBudget(t.db, actor, associationId, id, 1, { lines, reason: "R", kind: "revision" }),
    ).rejects.toThrow(/nu gäller version 2, inte 1/);
    // nothing changed: nothing to save
    expect(
      (
        await problemsOf(() =>
          saveBudget(t.db, actor, associationId, id, 2, {
            lines: changed,
            reason: "Samma",
            kind: "revision",
          }),
        )
      ).lines,
    ).toMatch(/Inget belopp skiljer sig/);
    const { versions } = await listBudgetVersions(t.db, associationId, id);
    expect(versions.map((v) => [v.version, v.status, v.kind, v.totals.total])).toEqual([
      [2, "gallande", "revision", 442_000],
      [1, "ersatt", "beslut", 452_000],
    ]);
    expect(versions[1]?.lines).toHaveLength(6);
    expect(versions[0]?.createdByName).toBe("kansliet@test");
    const one = await getBudgetVersion(t.db, associationId, id, 2);
    expect(one?.previous?.version).toBe(1);
    expect(one?.latest).toBe(2);
    expect(await getBudgetVersion(t.db, associationId, id, 3)).toBeUndefined();
  });

  it("lets one of two concurrent first saves through and refuses the other", async () => {
    const id = await initiative("Samtidigt");
    const save = () =>
      saveBudget(t.db, actor, associationId, id, null, {
        lines: [forbund("2026-K3", "personal", 1000)],
        reason: "Beslut",
        kind: "beslut",
      });
    const results = await Promise.allSettled([save(), save(), save()]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected"))
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect(await versionCount(id)).toBe(1);
  });

  it("refuses a version of another association's initiative as not found", async () => {
    const other = await createAssociation(t.db, actor, { slug: "annat", name: "Annat" });
    const id = await initiative("Inte ditt");
    await expect(getCurrentBudget(t.db, other.id, id)).rejects.toThrow("Insatsen finns inte.");
    await expect(getCurrentBudget(t.db, other.id, "inte-ett-id")).rejects.toThrow(
      "Insatsen finns inte.",
    );
  });
});

const deviation = (over: Partial<DeviationInput> = {}): DeviationInput => ({
  types: ["budget"],
  description: "Vakans under hösten.",
  cause: "En coach slutade.",
  consequence: "Lägre kostnader 2026.",
  measures: "Vi flyttar medlen till 2027.",
  request: "flytta_medel",
  requestedAmount: "50 000",
  ...over,
});

async function decidedDeviation(initiativeId: string, over: Partial<DeviationInput> = {}) {
  const id = await createDeviationReport(t.db, actor, associationId, initiativeId, deviation(over));
  await submitDeviationReport(t.db, actor, associationId, id, 1);
  await decideDeviationReport(t.db, actor, associationId, id, 2, {
    decisionBody: "kansli",
    decision: "godkand",
    decisionDate: today,
  });
  return id;
}

describe("re-phasing after an approved deviation report", () => {
  it("is allowed only with an approved flytta_medel report, keeps totals, and keeps both versions", async () => {
    const id = await initiative("Omfördelas");
    const lines = withParty(FIRST, orgs.fk);
    await saveBudget(t.db, actor, associationId, id, null, {
      lines,
      reason: "Beslut",
      kind: "beslut",
    });
    // 50 000 of 2026-K3's personnel moved to 2027-K2's travel
    const moved = lines.map((l, i) =>
      i === 0 ? { ...l, amount: 50_000 } : i === 4 ? { ...l, amount: 50_000 } : l,
    );
    const extension = await decidedDeviation(id, {
      request: "forlangning",
      requestedEndDate: "2028-06-30",
      requestedAmount: null,
    });
    expect(
      (
        await problemsOf(() =>
          rephaseBudget(t.db, actor, associationId, id, 1, extension, moved, "Vakans"),
        )
      ).deviationReportId,
    ).toMatch(/flytta medel/);
    // the extension changed the dates; a draft report is not approved
    const draft = await createDeviationReport(t.db, actor, associationId, id, deviation());
    expect(
      (await problemsOf(() => rephaseBudget(t.db, actor, associationId, id, 1, draft, moved, "V")))
        .deviationReportId,
    ).toMatch(/godkänd avvikelserapport/);

    const approved = await decidedDeviation(id);
    // a total that changes is refused, naming the source and the difference
    const more = moved.map((l, i) => (i === 1 ? { ...l, amount: 160_000 } : l));
    const fields = await problemsOf(() =>
      rephaseBudget(t.db, actor, associationId, id, 1, approved, more, "Vakans"),
    );
    expect(fields["totals.forbund"]).toBe(
      "Förbundsmedlen blir 422\u00a0000\u00a0kr men ska vara 412\u00a0000\u00a0kr som i budgeten som gäller (10\u00a0000\u00a0kr för mycket). En omfördelning flyttar pengar mellan perioder och kostnadsslag men ändrar inte summan.",
    );
    const lessCofin = moved.map((l) =>
      l.source === "medfinansiering" ? { ...l, amount: 30_000 } : l,
    );
    expect(
      (
        await problemsOf(() =>
          rephaseBudget(t.db, actor, associationId, id, 1, approved, lessCofin, "Vakans"),
        )
      )[`totals.medfinansiering|${orgs.fk}|personaltid`],
    ).toMatch(
      /^Försäkringskassans medfinansiering \(personaltid\) blir 30.000.kr men ska vara 40.000.kr/,
    );
    expect(await versionCount(id)).toBe(1);

    const v2 = await rephaseBudget(
      t.db,
      actor,
      associationId,
      id,
      1,
      approved,
      moved,
      "Vakans hösten 2026, medlen flyttas till 2027",
    );
    expect(v2.kind).toBe("omfordelning");
    expect(v2.deviationReport?.id).toBe(approved);
    expect(v2.totals.association).toBe(412_000);
    expect(v2.totals.coFinancing).toBe(40_000);
    const { versions } = await listBudgetVersions(t.db, associationId, id);
    expect(versions.map((v) => [v.version, v.status, v.kind])).toEqual([
      [2, "gallande", "omfordelning"],
      [1, "ersatt", "beslut"],
    ]);
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "budget.rephased"), eq(auditEvents.targetId, id)))
      .orderBy(auditEvents.seq);
    expect(event?.details).toMatchObject({ budgetVersion: 2, moved: 50_000 });
    // a report allows one re-phasing
    const used = await rephasingReports(t.db, associationId, id);
    expect(used.find((r) => r.id === approved)?.usedInVersion).toBe(2);
    expect(
      (
        await problemsOf(() =>
          rephaseBudget(t.db, actor, associationId, id, 2, approved, lines, "Tillbaka"),
        )
      ).deviationReportId,
    ).toMatch(/redan använts för omfördelningen i budgetens version 2/);
  });

  it("needs a budget to re-phase", async () => {
    const id = await initiative("Utan budget");
    const approved = await decidedDeviation(id);
    await expect(
      rephaseBudget(
        t.db,
        actor,
        associationId,
        id,
        1,
        approved,
        [forbund("2026-K3", "personal", 1)],
        "V",
      ),
    ).rejects.toThrow(ConflictError);
  });
});

describe("a proposal from the granted application", () => {
  // registry numbers far above those the workflow gives out, one per grant: never the same twice
  let granted = 0;
  async function grant(initiativeId: string, content: Partial<ReturnType<typeof emptyContent>>) {
    granted++;
    await t.db.insert(applications).values({
      associationId,
      initiativeId,
      status: "beviljad",
      content: { ...emptyContent(orgs.tierp), ...content },
      formVersion: "Ansökan 2026:1",
      registryNumber: `2026/${900_000 + granted}`,
      arrivalDate: "2026-03-09",
      decision: "beviljad",
      decidedAmount: 1_000_000,
      decisionMeeting: "Styrelsemöte 2026-05-20",
      decisionParagraph: "8",
      decisionDate: "2026-05-20",
    });
  }

  it("spreads each year's amounts over the year's periods by the months inside the initiative", async () => {
    const id = await initiative("Från ansökan");
    expect(await budgetFromApplication(t.db, associationId, id)).toBeUndefined();
    await grant(id, {
      budget: [
        { year: 2026, category: "personal", amount: 250_001 },
        { year: 2027, category: "personal", amount: 600_000 },
        { year: 2027, category: "resor", amount: 30_000 },
        { year: 2028, category: "ovrigt", amount: 7_000 },
      ],
      coFinancing: [
        { year: 2027, organisationId: orgs.fk, kind: "personaltid", amount: 80_000 },
        { year: 2027, organisationId: orgs.tierp, kind: "pengar", amount: 20_000 },
        { year: 2027, organisationId: orgs.af, kind: "pengar", amount: 9_000 },
      ],
    });
    const proposal = await budgetFromApplication(t.db, associationId, id);
    if (!proposal) throw new Error("no proposal");
    // 2026: August–September (2 months) and October–December (3 months)
    const amount = (periodKey: string, category: string, source = "forbund") =>
      proposal.lines.find(
        (l) => l.periodKey === periodKey && l.category === category && l.source === source,
      )?.amount;
    expect(amount("2026-K3", "personal")).toBe(100_000);
    expect(amount("2026-K4", "personal")).toBe(150_001);
    expect(amount("2027-K1", "personal")).toBe(150_000);
    expect(amount("2027-K4", "resor")).toBe(7_500);
    // co-financing: staff time as personnel, money as övrigt
    expect(amount("2027-K2", "personal", "medfinansiering")).toBe(20_000);
    expect(amount("2027-K2", "ovrigt", "medfinansiering")).toBe(5_000);
    // 2028 is after the initiative: whole to its last period, and said so
    expect(amount("2027-K4", "ovrigt")).toBe(7_000);
    expect(proposal.notes).toEqual([
      { type: "moved", year: 2028, amount: 7_000, periodKey: "2027-K4" },
      { type: "notParty", organisationId: orgs.af, amount: 9_000 },
      { type: "decidedAmount", decided: 1_000_000, applied: 887_001 },
    ]);
    expect(proposal.totals.association).toBe(887_001);
    expect(proposal.totals.coFinancing).toBe(100_000);
    expect(proposal.reason).toMatch(
      /^Budget enligt beviljad ansökan 2026\/\d+, Styrelsemöte 2026-05-20 § 8 \(2026-05-20\)\.$/,
    );
    // the office saves it as the decision
    const saved = await saveBudget(t.db, actor, associationId, id, null, {
      lines: proposal.lines,
      reason: proposal.reason,
      kind: "beslut",
    });
    expect(saved.totals.total).toBe(proposal.totals.total);
  });

  it("counts a month that the initiative covers any day of", () => {
    const q3 = { start: "2026-07-01", end: "2026-09-30" };
    expect(monthsInside(q3, "2026-08-17", "2027-12-31")).toBe(2);
    expect(monthsInside(q3, "2026-09-30", "2026-09-30")).toBe(1);
    expect(monthsInside(q3, "2026-10-01", "2027-12-31")).toBe(0);
    expect(
      monthsInside({ start: "2026-09-01", end: "2026-12-31" }, "2025-01-01", "2030-01-01"),
    ).toBe(4);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const PERIODS = periodsBetween("quarter", "2026-08-17", "2028-05-31");
const PARTY_IDS = ["p1", "p2", "p3"];

const lineArb: fc.Arbitrary<BudgetLine> = fc
  .record({
    period: fc.constantFrom(...PERIODS.map((p) => p.key)),
    category: fc.constantFrom(...BUDGET_CATEGORIES),
    co: fc.option(
      fc.record({
        org: fc.constantFrom(...PARTY_IDS),
        kind: fc.constantFrom(...CO_FINANCING_KINDS),
      }),
    ),
    amount: fc.integer({ min: 0, max: 50_000_000 }),
  })
  .map(({ period, category, co, amount }) => ({
    periodKey: period,
    year: yearOfPeriod(period),
    category: category as BudgetCategory,
    source: co ? "medfinansiering" : "forbund",
    organisationId: co ? co.org : null,
    coKind: co ? (co.kind as CoFinancingKind) : null,
    amount,
  }));

/** Lines with unique places (period, category, source, party, kind), as a budget has. */
const budgetArb = fc.uniqueArray(lineArb, {
  selector: (l) => `${l.periodKey}|${l.category}|${sourceKey(l)}`,
  maxLength: 60,
});

describe("properties", () => {
  it("the sums by category, by period, by year and by party always equal the total", () => {
    fc.assert(
      fc.property(budgetArb, (lines) => {
        const totals = budgetTotals(lines);
        const total = sumKronor(lines.map((l) => l.amount));
        expect(totals.total).toBe(total);
        expect(totals.association + totals.coFinancing).toBe(total);
        expect(sumKronor(Object.values(totals.byCategory))).toBe(total);
        expect(sumKronor(totals.byPeriod.map((p) => p.total))).toBe(total);
        expect(sumKronor(totals.byYear.map((y) => y.total))).toBe(total);
        expect(sumKronor(totals.byParty.map((p) => p.total))).toBe(totals.coFinancing);
        for (const p of totals.byParty) expect(sumKronor(Object.values(p.byKind))).toBe(p.total);
        for (const y of totals.byYear) {
          expect(sumKronor(Object.values(y.byCategory))).toBe(y.total);
          expect(
            sumKronor(totals.byPeriod.filter((p) => p.year === y.year).map((p) => p.total)),
          ).toBe(y.total);
        }
      }),
    );
  });

  it("the spread from an application never loses or invents a krona", () => {
    const years = [2025, 2026, 2027, 2028, 2029];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            year: fc.constantFrom(...years),
            category: fc.constantFrom(...BUDGET_CATEGORIES),
            amount: fc.integer({ min: 0, max: 100_000_000 }),
          }),
          { maxLength: 30 },
        ),
        fc.array(
          fc.record({
            year: fc.constantFrom(...years),
            organisationId: fc.constantFrom(...PARTY_IDS, "not-a-party"),
            kind: fc.constantFrom(...CO_FINANCING_KINDS),
            amount: fc.integer({ min: 0, max: 10_000_000 }),
          }),
          { maxLength: 20 },
        ),
        fc.constantFrom(
          { startDate: "2026-08-17", endDate: "2027-12-31" },
          { startDate: "2026-01-01", endDate: "2026-02-15" },
          { startDate: "2025-11-30", endDate: "2029-04-01" },
        ),
        (budget, coFinancing, dates) => {
          const periods = periodsBetween("quarter", dates.startDate, dates.endDate);
          const { lines, notes } = spreadApplication(
            { budget, coFinancing },
            dates,
            periods,
            new Set(PARTY_IDS),
          );
          const totals = budgetTotals(lines);
          expect(totals.association).toBe(sumKronor(budget.map((b) => b.amount)));
          const parties = coFinancing.filter((c) => c.organisationId !== "not-a-party");
          expect(totals.coFinancing).toBe(sumKronor(parties.map((c) => c.amount)));
          const left = notes.find((n) => n.type === "notParty");
          expect(left?.amount ?? 0).toBe(
            sumKronor(
              coFinancing.filter((c) => c.organisationId === "not-a-party").map((c) => c.amount),
            ),
          );
          // every line is in one of the initiative's periods, once
          const keys = new Set(periods.map((p) => p.key));
          for (const l of lines) expect(keys.has(l.periodKey)).toBe(true);
          expect(
            new Set(lines.map((l) => `${l.periodKey}|${l.category}|${sourceKey(l)}`)).size,
          ).toBe(lines.length);
          // per year inside the initiative, the year's amount stays in the year
          for (const y of years) {
            if (!periods.some((p) => yearOfPeriod(p.key) === y)) continue;
            expect(
              totals.byYear.find((t) => t.year === y)?.association ?? 0,
            ).toBeGreaterThanOrEqual(
              sumKronor(budget.filter((b) => b.year === y).map((b) => b.amount)),
            );
          }
        },
      ),
    );
  });

  it("a re-phasing that keeps every source's total passes and one that changes a total is refused", () => {
    fc.assert(
      fc.property(
        budgetArb.filter((l) => l.some((x) => x.amount > 0)),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { maxLength: 20 }),
        fc.integer({ min: -1_000_000, max: 1_000_000 }).filter((d) => d !== 0),
        fc.nat(),
        (before, moves, delta, pick) => {
          // moves within one source: from one line to another line of the same source
          const after = before.map((l) => ({ ...l }));
          for (const [a, b, share] of moves) {
            const from = after[a % after.length];
            if (!from || from.amount === 0) continue;
            const same = after.filter((l) => sourceKey(l) === sourceKey(from));
            const to = same[b % same.length];
            if (!to) continue;
            const amount = share % (from.amount + 1);
            from.amount -= amount;
            to.amount += amount;
          }
          expect(rephasingProblems(before, after)).toEqual({});
          expect(sourceTotals(after)).toEqual(sourceTotals(before));
          // a change of one line's amount changes its source's total: refused, naming the source
          const changed = after.map((l) => ({ ...l }));
          const target = changed[pick % changed.length];
          if (!target) return;
          target.amount = Math.max(0, target.amount + delta);
          const problems = rephasingProblems(before, changed);
          const differs =
            sourceTotals(changed).get(sourceKey(target)) !==
            sourceTotals(before).get(sourceKey(target));
          expect(Object.keys(problems)).toEqual(differs ? [`totals.${sourceKey(target)}`] : []);
        },
      ),
    );
  });
});
