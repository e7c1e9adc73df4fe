// The year's workbook read back: every figure equals what the money page shows (yearOverview,
// the same function the page's loader calls); sums and ratios are formulas with their results
// cached; kronor, per cent and dates have number formats; headers are frozen; columns have
// widths. And the national money figures as JSON and CSV (semicolons, UTF-8 BOM), with the note
// that the participant figures are not there yet.
import { Workbook, type Worksheet } from "@cj-tech-master/excelts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { BUDGET_CATEGORIES } from "../applications/content.ts";
import { saveFundingYear, yearOverview } from "./association-money.ts";
import {
  fixtureActor as actor,
  moneyAssociation,
  moneyInitiative,
  writeBudget,
  writeRequisition,
} from "./finance-test-fixtures.ts";
import {
  buildFinanceWorkbook,
  columnLetter,
  financeWorkbook,
  financeWorkbookData,
  KRONOR_FORMAT,
  PERCENT_FORMAT,
} from "./finance-xlsx.ts";
import { nationalMoneyCsv, nationalMoneyFigures } from "./national-money.ts";
import { setPrognosisOverride } from "./outcome.ts";
import { recordReturnedFunds } from "./returned-funds.ts";

let t: TestDatabase;
let association = { id: "", slug: "arbetsbok", name: "Förbund arbetsbok" };
const AS_OF = "2026-07-15";
const ids = { a: "", b: "" };

beforeAll(async () => {
  t = await createTestDatabase();
  const made = await moneyAssociation(t.db, "arbetsbok");
  association = { ...association, id: made.associationId };
  const { orgs } = made;
  ids.a = await moneyInitiative(t.db, association.id, orgs.tierp, orgs.fk, "Tierp, Växtverket", {
    targetGroup: "Unga vuxna; 18–29 år",
    expectedParticipants: 40,
  });
  ids.b = await moneyInitiative(
    t.db,
    association.id,
    orgs.uppsala,
    orgs.region,
    "Uppsala, Kompetenslyft",
    {
      orientation: "structural",
    },
  );
  await writeBudget(t.db, association.id, ids.a, {
    "2026-K1": [
      { amount: 100_000 },
      {
        amount: 25_000,
        source: "medfinansiering",
        organisationId: orgs.tierp,
        coKind: "personaltid",
      },
    ],
    "2026-K2": [{ amount: 100_000 }],
    "2026-K3": [{ amount: 100_000 }],
  });
  await writeBudget(t.db, association.id, ids.b, {
    "2026-K1": [{ amount: 0 }],
    "2026-K2": [{ amount: 40_000 }],
  });
  await writeRequisition(
    t.db,
    association.id,
    ids.a,
    "2026-K1",
    "godkand",
    [
      { amount: 80_000, category: "personal" },
      { amount: 12_345, category: "lokaler" },
      {
        amount: 25_000,
        category: "personal",
        source: "medfinansiering",
        organisationId: orgs.tierp,
        coKind: "personaltid",
      },
    ],
    { paidOn: "2026-04-20" },
  );
  await writeRequisition(t.db, association.id, ids.a, "2026-K2", "aterskickad", [
    { amount: 99_000, category: "resor" },
  ]);
  await writeRequisition(t.db, association.id, ids.b, "2026-K2", "godkand", [
    { amount: 50_000, category: "utvardering" },
  ]);
  await saveFundingYear(t.db, actor, association.id, 2026, 0, {
    totalAllocation: "9 000 003",
    equityOpening: "-250 000",
    adminBudget: "800 000",
    adminOutcome: "",
    note: "Beslut 2025-12-10",
    keys: { [orgs.uppsala]: "242 140", [orgs.tierp]: "21 000", [orgs.heby]: "14 000" },
  });
  await recordReturnedFunds(
    t.db,
    actor,
    association.id,
    ids.a,
    { amount: "7 500", reason: "Vakans i februari", returnedOn: "2026-05-02" },
    { today: AS_OF },
  );
  await setPrognosisOverride(
    t.db,
    actor,
    association.id,
    ids.b,
    "2026-K2",
    "bevaka",
    "Ny projektledare.",
    {
      today: AS_OF,
    },
  );
});

afterAll(async () => {
  await t?.drop();
});

/** The value a reader sees in a cell: a formula's cached result, or the value itself. */
function seen(ws: Worksheet, address: string): unknown {
  const v = ws.getCell(address).value as unknown;
  if (v && typeof v === "object" && "formula" in v) return (v as { result?: unknown }).result ?? "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return v ?? null;
}
const formula = (ws: Worksheet, address: string) =>
  (ws.getCell(address).value as { formula?: string } | null)?.formula;

async function readBack() {
  const file = await financeWorkbook(t.db, association, 2026, AS_OF);
  const wb = new Workbook();
  await wb.xlsx.load(file.body);
  const sheet = (name: string) => {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`no sheet ${name}`);
    return ws;
  };
  return { file, wb, sheet };
}

describe("the year's workbook", () => {
  it("has the five sheets, frozen headers and column widths", async () => {
    const { file, wb } = await readBack();
    expect(file.fileName).toBe("ekonomi-arbetsbok-2026.xlsx");
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Förbundet",
      "Budget",
      "Utfall",
      "Rekvisitioner",
      "Återförda medel",
    ]);
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(ws.getColumn(1).width).toBeGreaterThan(20);
      expect(ws.getRow(1).font?.bold).toBe(true);
    }
  });

  it("shows the page's split, equity and administrative costs on Förbundet", async () => {
    const page = await yearOverview(t.db, association.id, 2026, AS_OF);
    const { sheet } = await readBack();
    const ws = sheet("Förbundet");
    const rows = page.funding.split.rows;
    rows.forEach((r, i) => {
      expect(seen(ws, `A${i + 2}`)).toBe(r.name);
      expect(seen(ws, `E${i + 2}`)).toBe(r.amount);
    });
    const total = rows.length + 2;
    expect(seen(ws, `A${total}`)).toBe("Summa tilldelade medel");
    expect(formula(ws, `E${total}`)).toBe(`SUM(E2:E${total - 1})`);
    expect(seen(ws, `E${total}`)).toBe(9_000_003);
    expect(ws.getCell(`E${total}`).numFmt).toBe(KRONOR_FORMAT);
    // the equity: its terms (subtractions as negative numbers) and the sum
    const at = (label: string) => {
      for (let r = 1; r <= ws.rowCount; r++) if (seen(ws, `A${r}`) === label) return r;
      throw new Error(`no row ${label}`);
    };
    const e = page.equity;
    expect(seen(ws, `E${at("Eget kapital vid årets början")}`)).toBe(e.opening);
    expect(seen(ws, `E${at("+ Tilldelade medel")}`)).toBe(e.allocation);
    expect(seen(ws, `E${at("+ Återförda medel")}`)).toBe(e.returnedFunds);
    expect(seen(ws, `E${at("− Insatsernas godkända utfall")}`)).toBe(-e.initiativesOutcome);
    expect(seen(ws, `E${at("− Administrativa kostnader")}`)).toBe(-e.adminCosts);
    const closing = at("= Beräknat eget kapital vid årets slut");
    expect(formula(ws, `E${closing}`)).toMatch(/^SUM\(E\d+:E\d+\)$/);
    // −250 000 + 9 000 003 + 7 500 − (80 000 + 12 345 + 50 000) − 800 000 (budget: no outcome yet)
    expect(e.closing).toBe(7_815_158);
    expect(seen(ws, `E${closing}`)).toBe(e.closing);
    expect(seen(ws, `E${at("Budget")}`)).toBe(800_000);
    expect(seen(ws, `C${at("Utfall")}`)).toBe("Inte angivet än.");
  });

  it("shows the page's budget and outcome per initiative and period, ratios as formulas", async () => {
    const page = await yearOverview(t.db, association.id, 2026, AS_OF);
    const { sheet } = await readBack();
    const budget = sheet("Budget");
    const outcome = sheet("Utfall");
    const rows = page.money.initiatives.flatMap((i) => i.periods.map((p) => ({ i, p })));
    // four quarters of 2026 each (periods without a budget line count as 0)
    expect(rows).toHaveLength(8);
    rows.forEach(({ i, p }, n) => {
      const r = n + 2;
      expect([seen(budget, `A${r}`), seen(budget, `C${r}`)]).toEqual([i.name, p.periodKey]);
      expect(seen(budget, `D${r}`)).toBe(p.budget);
      expect(seen(budget, `E${r}`)).toBe(p.coFinancingBudget);
      expect(formula(budget, `F${r}`)).toBe(`D${r}+E${r}`);
      expect(seen(outcome, `C${r}`)).toBe(p.budget);
      expect(seen(outcome, `D${r}`)).toBe(p.outcome);
      expect(formula(outcome, `E${r}`)).toBe(`IF(C${r}=0,"",D${r}/C${r})`);
      expect(seen(outcome, `E${r}`)).toBe(p.budget === 0 ? "" : p.outcome / p.budget);
      expect(outcome.getCell(`E${r}`).numFmt).toBe(PERCENT_FORMAT);
      expect(outcome.getCell(`C${r}`).numFmt).toBe(KRONOR_FORMAT);
    });
    // Växtverket K1: 92 345 of 100 000; Kompetenslyft K1 has a zero budget: no ratio
    expect(seen(outcome, "E2")).toBe(0.92345);
    // (92 345 + 0) ÷ 200 000 = 46 %: more than 20 points under the band
    expect(seen(outcome, "H2")).toBe("Åtgärd");
    expect(seen(outcome, "F3")).toBe("Återskickad");
    const kompetens = rows.findIndex(
      ({ i, p }) => i.initiativeId === ids.b && p.periodKey === "2026-K1",
    );
    expect(seen(outcome, `E${kompetens + 2}`)).toBe("");
    expect(seen(outcome, `H${kompetens + 2}`)).toBe("Bevaka");
    const sum = rows.length + 2;
    expect(formula(outcome, `C${sum}`)).toBe(`SUM(C2:C${sum - 1})`);
    expect(seen(outcome, `C${sum}`)).toBe(page.money.totals.all.yearBudget);
    expect(seen(outcome, `D${sum}`)).toBe(page.money.totals.all.yearOutcome);
    expect(page.money.totals.all.yearOutcome).toBe(142_345);
    expect(seen(budget, `D${sum}`)).toBe(340_000);
    expect(seen(budget, `E${sum}`)).toBe(25_000);
    expect(seen(budget, `F${sum}`)).toBe(365_000);
  });

  it("lists every requisition of the year with its lines per category and SUM formulas", async () => {
    const { sheet } = await readBack();
    const data = await financeWorkbookData(t.db, association, 2026, AS_OF);
    const ws = sheet("Rekvisitioner");
    expect(data.requisitions.map((r) => [r.initiativeName, r.periodKey, r.status])).toEqual([
      ["Tierp, Växtverket", "2026-K1", "godkand"],
      ["Tierp, Växtverket", "2026-K2", "aterskickad"],
      ["Uppsala, Kompetenslyft", "2026-K2", "godkand"],
    ]);
    expect([seen(ws, "A2"), seen(ws, "C2"), seen(ws, "F2"), seen(ws, "G2")]).toEqual([
      "Tierp, Växtverket",
      "Godkänd",
      "Betald",
      "2026-04-20",
    ]);
    // categories in columns H… : personal 80 000 + 25 000 (co-financing), lokaler 12 345
    const col = (c: (typeof BUDGET_CATEGORIES)[number]) =>
      columnLetter(8 + BUDGET_CATEGORIES.indexOf(c));
    expect(seen(ws, `${col("personal")}2`)).toBe(105_000);
    expect(seen(ws, `${col("lokaler")}2`)).toBe(12_345);
    const sumCol = columnLetter(8 + BUDGET_CATEGORIES.length);
    expect(formula(ws, `${sumCol}2`)).toBe(`SUM(H2:${col("ovrigt")}2)`);
    expect(seen(ws, `${sumCol}2`)).toBe(117_345);
    expect(seen(ws, `${columnLetter(9 + BUDGET_CATEGORIES.length)}2`)).toBe(92_345);
    expect(seen(ws, `${columnLetter(10 + BUDGET_CATEGORIES.length)}2`)).toBe(25_000);
    expect(seen(ws, "A5")).toBe("Summa");
    expect(formula(ws, `${sumCol}5`)).toBe(`SUM(${sumCol}2:${sumCol}4)`);
    expect(seen(ws, `${sumCol}5`)).toBe(117_345 + 99_000 + 50_000);
  });

  it("lists the returned funds with their sum", async () => {
    const { sheet } = await readBack();
    const ws = sheet("Återförda medel");
    expect([
      seen(ws, "A2"),
      seen(ws, "B2"),
      seen(ws, "C2"),
      seen(ws, "D2"),
      seen(ws, "E2"),
    ]).toEqual(["Tierp, Växtverket", "2026-05-02", 2026, 7_500, "Vakans i februari"]);
    expect(formula(ws, "D3")).toBe("SUM(D2:D2)");
    expect(seen(ws, "D3")).toBe(7_500);
  });

  it("builds the same bytes' figures from data alone (the download is the built workbook)", async () => {
    const data = await financeWorkbookData(t.db, association, 2026, AS_OF);
    const wb = new Workbook();
    await wb.xlsx.load(await buildFinanceWorkbook(data));
    expect(wb.getWorksheet("Utfall")?.rowCount).toBe(10);
  });
});

describe("the national money figures", () => {
  it("holds the year's funds, equity, administrative costs and each initiative's money", async () => {
    const page = await yearOverview(t.db, association.id, 2026, AS_OF);
    const f = await nationalMoneyFigures(t.db, association, 2026, AS_OF);
    expect(f.allocatedFunds.total).toBe(9_000_003);
    expect(f.allocatedFunds.members.reduce((s, m) => s + m.amount, 0)).toBe(9_000_003);
    expect(f.equity).toMatchObject({ opening: -250_000, closing: page.equity.closing });
    expect(f.administrativeCosts).toEqual({ budget: 800_000, outcome: null });
    expect(f.initiatives).toEqual([
      {
        name: "Tierp, Växtverket",
        orientation: "individual",
        targetGroup: "Unga vuxna; 18–29 år",
        budget: 300_000,
        outcome: 92_345,
        expectedParticipants: 40,
        expectedParticipantsOngoing: false,
      },
      {
        name: "Uppsala, Kompetenslyft",
        orientation: "structural",
        targetGroup: "Unga vuxna 18–29 år",
        budget: 40_000,
        outcome: 50_000,
        expectedParticipants: null,
        expectedParticipantsOngoing: false,
      },
    ]);
    // the participants come from the register, after disclosure control (national-money.test.ts)
    expect(f.notes.join(" ")).toMatch(/Deltagare i individinriktade insatser: inskrivningar/);
    expect(f.participants).toMatchObject({ threshold: 5, allowTrueZero: false });
    expect(f.notes.join(" ")).toMatch(/administrativa kostnaderna är inte angivet/);
  });

  it("as CSV: BOM, semicolons, quoted text, plain whole numbers", async () => {
    const csv = nationalMoneyCsv(await nationalMoneyFigures(t.db, association, 2026, AS_OF));
    expect(csv.startsWith("\ufeffAvsnitt;Insats;Uppgift;Värde;Enhet\r\n")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines).toContain("Tilldelade medel;;Summa tilldelade medel;9000003;kr");
    expect(lines).toContain("Eget kapital;;Eget kapital vid årets början;-250000;kr");
    expect(lines).toContain('Insats;Tierp, Växtverket;Målgrupp;"Unga vuxna; 18–29 år";');
    expect(lines).toContain("Insats;Tierp, Växtverket;Utfall (förbundsmedel);92345;kr");
    expect(lines).toContain("Administrativa kostnader;;Utfall;Inte angivet;");
    expect(lines.filter((l) => l.startsWith("Anmärkning;")).length).toBeGreaterThanOrEqual(4);
  });
});
