// The budget's XLSX files against a real database, read back with the same library: the export
// has the same figures as the budget (lines, sums per period and year as formulas with cached
// results, the version history), number formats and frozen headers; the template is pre-filled
// with the current budget and, filled in, imports as a new version; and every bad input — a wrong
// or missing column, a text in a number cell, a negative or decimal amount, a period outside the
// initiative, an unknown party, a duplicate row, a file that is no workbook — is refused naming
// its cell, all problems at once, with nothing saved.
import { Workbook, type Worksheet } from "@cj-tech-master/excelts";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { createAssociation } from "../associations/create-association.ts";
import { addMemberOrganisation } from "../associations/member-organisations.ts";
import { createInitiative } from "../initiatives/save-initiative.ts";
import { ConflictError, ValidationError } from "../platform/errors.ts";
import {
  BUDGET_COLUMNS,
  budgetExportXlsx,
  budgetTemplateXlsx,
  importBudgetXlsx,
} from "./budget-xlsx.ts";
import { type BudgetLine, getCurrentBudget, saveBudget } from "./budgets.ts";
import { initiativeBudgets } from "./schema.ts";

let t: TestDatabase;
const actor = { userId: null, label: "kansliet@test" };
let associationId = "";
const orgs = { tierp: "", fk: "", af: "" };

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

/** Tierp with Försäkringskassan, 2026-08-17 – 2027-06-30: 2026-K3 … 2027-K2. */
async function initiative(name: string) {
  return (
    await createInitiative(t.db, actor, associationId, {
      name,
      ownerOrganisationId: orgs.tierp,
      partnerIds: [orgs.fk],
      status: "pagaende",
      orientation: "individual",
      preRehabilitation: false,
      esf: false,
      startDate: "2026-08-17",
      endDate: "2027-06-30",
      targetGroup: "Unga vuxna",
      expectedParticipantsOngoing: false,
      goals: [{ text: "Till arbete eller studier", kind: "resultatmal", targetPercent: "60" }],
      localUnits: [],
    })
  ).id;
}

async function load(data: Uint8Array): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.load(Buffer.from(data));
  return wb;
}

async function write(wb: Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Every row of a sheet below the header, as its values A… (rows without values left out). */
function rowsOf(ws: Worksheet | undefined, columns: number) {
  const out: unknown[][] = [];
  if (!ws) return out;
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const values = Array.from({ length: columns }, (_, i) => row.getCell(i + 1).value ?? null);
    if (values.some((v) => v !== null && v !== "")) out.push(values);
  }
  return out;
}

const resultOf = (v: unknown) => (v as { result?: unknown }).result;
const formulaOf = (v: unknown) => (v as { formula?: string }).formula;

async function problemsOf(run: () => Promise<unknown>): Promise<Record<string, string>> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fields;
}

const versions = async (initiativeId: string) =>
  (
    await t.db
      .select({ id: initiativeBudgets.id })
      .from(initiativeBudgets)
      .where(eq(initiativeBudgets.initiativeId, initiativeId))
  ).length;

const line = (
  periodKey: string,
  category: string,
  amount: number,
  co?: { org: string; kind: string },
) => ({
  periodKey,
  category,
  source: co ? "medfinansiering" : "forbund",
  organisationId: co?.org ?? null,
  coKind: co?.kind ?? null,
  amount,
});

async function budgeted(name: string) {
  const id = await initiative(name);
  await saveBudget(t.db, actor, associationId, id, null, {
    lines: [
      line("2026-K3", "personal", 100_000),
      line("2026-K4", "personal", 150_000),
      line("2026-K4", "resor", 4_500),
      line("2027-K1", "personal", 150_000),
      line("2027-K2", "utvardering", 30_000),
      line("2026-K4", "personal", 40_000, { org: "", kind: "personaltid" }),
      line("2027-K1", "lokaler", 12_000, { org: "", kind: "pengar" }),
    ].map((l) => (l.organisationId === "" ? { ...l, organisationId: orgs.fk } : l)),
    reason: "Beslut",
    kind: "beslut",
  });
  await saveBudget(t.db, actor, associationId, id, 1, {
    lines: [
      line("2026-K3", "personal", 90_000),
      line("2026-K4", "personal", 160_000),
      line("2026-K4", "resor", 4_500),
      line("2027-K1", "personal", 150_000),
      line("2027-K2", "utvardering", 30_000),
      line("2026-K4", "personal", 40_000, { org: orgs.fk, kind: "personaltid" }),
      line("2027-K1", "lokaler", 12_000, { org: orgs.tierp, kind: "pengar" }),
    ],
    reason: "Revision efter vakans",
    kind: "revision",
  });
  return id;
}

const LABEL = {
  personal: "Personal",
  resor: "Resor",
  utvardering: "Utvärdering",
  lokaler: "Lokaler",
};

describe("the export", () => {
  it("opens with the same figures as the budget, as numbers with formats, sums as formulas", async () => {
    const id = await budgeted("Exporteras");
    const budget = await getCurrentBudget(t.db, associationId, id);
    const current = budget.current;
    if (!current) throw new Error("no budget");
    const file = await budgetExportXlsx(t.db, associationId, id);
    expect(file.fileName).toBe("budget-exporteras-version-2.xlsx");
    const wb = await load(file.data);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Budget",
      "Per period",
      "Per år och kostnadsslag",
      "Versioner",
      "Versionernas rader",
    ]);
    const ws = wb.getWorksheet("Budget");
    if (!ws) throw new Error("no sheet");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(BUDGET_COLUMNS.map((_, i) => ws.getRow(1).getCell(i + 1).value)).toEqual([
      ...BUDGET_COLUMNS,
    ]);
    const rows = rowsOf(ws, 6);
    const total = rows.pop();
    // the lines, as numbers, in the order of the page
    const names = new Map(budget.parties.map((p) => [p.id, p.name]));
    expect(rows).toEqual(
      current.lines.map((l: BudgetLine) => [
        l.periodKey,
        LABEL[l.category as keyof typeof LABEL],
        l.source === "forbund" ? "Förbundsmedel" : "Medfinansiering",
        l.organisationId ? (names.get(l.organisationId) ?? null) : null,
        l.coKind === "personaltid" ? "Personaltid" : l.coKind === "pengar" ? "Pengar" : null,
        l.amount,
      ]),
    );
    expect(ws.getCell("F2").numFmt).toBe('#,##0" kr"');
    expect(total?.[0]).toBe("Summa");
    expect(formulaOf(total?.[5])).toBe(`SUM(F2:F${rows.length + 1})`);
    expect(resultOf(total?.[5])).toBe(current.totals.total);
    expect(current.totals.total).toBe(486_500);

    // per period: association funds, co-financing, a row formula, and the Summa row
    const periods = rowsOf(wb.getWorksheet("Per period"), 5);
    const periodTotal = periods.pop();
    expect(periods.map((r) => [r[0], r[1], r[2], r[3], resultOf(r[4])])).toEqual(
      current.totals.byPeriod.map((p) => [
        p.periodKey,
        p.year,
        p.association,
        p.coFinancing,
        p.total,
      ]),
    );
    expect(formulaOf(periods[0]?.[4])).toBe("C2+D2");
    expect(periodTotal?.slice(2).map(resultOf)).toEqual([
      current.totals.association,
      current.totals.coFinancing,
      current.totals.total,
    ]);
    const years = rowsOf(wb.getWorksheet("Per år och kostnadsslag"), 8);
    const yearTotal = years.pop();
    expect(years.map((r) => [r[0], r[1], resultOf(r[7])])).toEqual(
      current.totals.byYear.map((y) => [y.year, y.byCategory.personal, y.total]),
    );
    expect(resultOf(yearTotal?.[7])).toBe(current.totals.total);

    // the history: both versions, newest first, and every version's lines
    const history = rowsOf(wb.getWorksheet("Versioner"), 10);
    expect(history.map((r) => [r[0], r[1], r[2], r[3], r[9]])).toEqual([
      [2, "Gäller", "Revision", "Revision efter vakans", 486_500],
      [1, "Ersatt", "Beslut", "Beslut", 486_500],
    ]);
    const all = rowsOf(wb.getWorksheet("Versionernas rader"), 7);
    expect(all.filter((r) => r[0] === 1)).toHaveLength(7);
    expect(all.filter((r) => r[0] === 2)).toHaveLength(7);
    expect(wb.getWorksheet("Versioner")?.getCell("H2").numFmt).toBe('#,##0" kr"');
  });

  it("can be imported again as it is (and then nothing differs)", async () => {
    const id = await budgeted("Tillbaka in");
    const file = await budgetExportXlsx(t.db, associationId, id);
    const dry = await importBudgetXlsx(t.db, actor, associationId, id, 2, {
      data: file.data,
      fileName: file.fileName,
      dryRun: true,
    });
    const budget = await getCurrentBudget(t.db, associationId, id);
    expect(dry.lines).toEqual(budget.current?.lines);
    expect(dry.saved).toBeNull();
    expect(
      (
        await problemsOf(() =>
          importBudgetXlsx(t.db, actor, associationId, id, 2, {
            data: file.data,
            fileName: file.fileName,
            dryRun: false,
          }),
        )
      ).lines,
    ).toMatch(/Inget belopp skiljer sig/);
  });

  it("is refused without a budget", async () => {
    const id = await initiative("Ingen budget att ladda ner");
    await expect(budgetExportXlsx(t.db, associationId, id)).rejects.toThrow(
      "Insatsen har ingen budget än.",
    );
  });
});

describe("the template", () => {
  it("has a row per period and category, co-financing per party, instructions and a Summa formula", async () => {
    const id = await initiative("Mall");
    const file = await budgetTemplateXlsx(t.db, associationId, id);
    expect(file.fileName).toBe("budgetmall-mall.xlsx");
    const wb = await load(file.data);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Budget", "Anvisningar", "Listor"]);
    const ws = wb.getWorksheet("Budget");
    if (!ws) throw new Error("no sheet");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const rows = rowsOf(ws, 6);
    const total = rows.pop();
    // 4 periods × (6 categories + 2 parties × 2 kinds), no participants' benefits outside ESF
    expect(rows).toHaveLength(4 * (6 + 4));
    expect(rows.slice(0, 7)).toEqual([
      ["2026-K3", "Personal", "Förbundsmedel", null, null, null],
      ["2026-K3", "Lokaler", "Förbundsmedel", null, null, null],
      ["2026-K3", "Resor", "Förbundsmedel", null, null, null],
      ["2026-K3", "Material", "Förbundsmedel", null, null, null],
      ["2026-K3", "Utvärdering", "Förbundsmedel", null, null, null],
      ["2026-K3", "Övrigt", "Förbundsmedel", null, null, null],
      ["2026-K3", "Övrigt", "Medfinansiering", "Tierps kommun", "Pengar", null],
    ]);
    expect(rows[7]).toEqual([
      "2026-K3",
      "Personal",
      "Medfinansiering",
      "Tierps kommun",
      "Personaltid",
      null,
    ]);
    expect(total?.[0]).toBe("Summa");
    expect(formulaOf(total?.[5])).toBe("SUM(F2:F41)");
    expect(resultOf(total?.[5])).toBe(0);
    expect(ws.getCell("B2").dataValidation).toMatchObject({ type: "list" });
    const instructions = wb.getWorksheet("Anvisningar");
    expect(instructions?.getCell("A1").value).toBe("Budgetmall för Mall");
    const text = rowsOf(instructions, 1)
      .map((r) => String(r[0]))
      .join("\n");
    expect(text).toContain("Perioder: 2026-K3, 2026-K4, 2027-K1, 2027-K2");
    expect(text).toContain("Tierps kommun (ägare), Försäkringskassan");
    expect(text).toContain("Finns ett enda fel sparas ingenting");
  });

  it("is pre-filled with the current budget", async () => {
    const id = await budgeted("Ifylld mall");
    const wb = await load((await budgetTemplateXlsx(t.db, associationId, id)).data);
    const rows = rowsOf(wb.getWorksheet("Budget"), 6);
    const total = rows.pop();
    const filled = rows.filter((r) => r[5] !== null);
    expect(filled).toContainEqual(["2026-K3", "Personal", "Förbundsmedel", null, null, 90_000]);
    expect(filled).toContainEqual([
      "2027-K1",
      "Lokaler",
      "Medfinansiering",
      "Tierps kommun",
      "Pengar",
      12_000,
    ]);
    expect(filled).toHaveLength(7);
    expect(resultOf(total?.[5])).toBe(486_500);
  });

  it("filled in, imports as a new version after a dry run that saves nothing", async () => {
    const id = await initiative("Importeras");
    const wb = await load((await budgetTemplateXlsx(t.db, associationId, id)).data);
    const ws = wb.getWorksheet("Budget");
    if (!ws) throw new Error("no sheet");
    const rows = rowsOf(ws, 6);
    const at = (period: string, category: string, source: string, party = "", kind = "") =>
      rows.findIndex(
        (r) =>
          r[0] === period &&
          r[1] === category &&
          r[2] === source &&
          (r[3] ?? "") === party &&
          (r[4] ?? "") === kind,
      ) + 2;
    ws.getCell(`F${at("2026-K3", "Personal", "Förbundsmedel")}`).value = 100_000;
    ws.getCell(`F${at("2026-K4", "Personal", "Förbundsmedel")}`).value = "150 000";
    ws.getCell(`F${at("2027-K1", "Resor", "Förbundsmedel")}`).value = 0;
    ws.getCell(
      `F${at("2027-K2", "Personal", "Medfinansiering", "Försäkringskassan", "Personaltid")}`,
    ).value = { formula: "20000*2", result: 40_000 };
    // a row added below the Summa row: co-financing on another category
    ws.addRow(["2027-K2", "Material", "Medfinansiering", "Tierps kommun", "Pengar", 2_500]);
    const data = await write(wb);
    const dry = await importBudgetXlsx(t.db, actor, associationId, id, null, {
      data,
      fileName: "budget.xlsx",
      dryRun: true,
    });
    expect(dry.totals.total).toBe(292_500);
    expect(dry.totals.association).toBe(250_000);
    expect(dry.totals.coFinancing).toBe(42_500);
    expect(dry.lines).toHaveLength(5);
    expect(dry.current).toBeNull();
    expect(await versions(id)).toBe(0);
    const result = await importBudgetXlsx(t.db, actor, associationId, id, null, {
      data,
      fileName: "budget.xlsx",
      dryRun: false,
    });
    expect(result.saved?.version).toBe(1);
    expect(result.saved?.kind).toBe("import");
    expect(result.saved?.reason).toBe("Import från budget.xlsx");
    expect(result.saved?.totals.total).toBe(292_500);
    // the same file again, after someone else saved: refused as a conflict
    await expect(
      importBudgetXlsx(t.db, actor, associationId, id, null, {
        data,
        fileName: "budget.xlsx",
        dryRun: false,
      }),
    ).rejects.toThrow(ConflictError);
  });
});

describe("bad input", () => {
  async function template(id: string) {
    const wb = await load((await budgetTemplateXlsx(t.db, associationId, id)).data);
    const ws = wb.getWorksheet("Budget");
    if (!ws) throw new Error("no sheet");
    return { wb, ws };
  }
  const importing = (id: string, data: Uint8Array) =>
    problemsOf(() =>
      importBudgetXlsx(t.db, actor, associationId, id, null, {
        data,
        fileName: "budget.xlsx",
        dryRun: false,
      }),
    );

  it("refuses a wrong or missing column, naming the column and cell", async () => {
    const id = await initiative("Fel rubrik");
    const { wb, ws } = await template(id);
    ws.getCell("D1").value = "Parti";
    ws.getCell("F1").value = null;
    ws.getCell("G1").value = "Kommentar";
    ws.getCell("F2").value = 1000;
    const problems = await importing(id, await write(wb));
    expect(problems).toEqual({
      D1: "Kolumn D heter ”Parti”, ska heta ”Part”.",
      F1: "Kolumn F saknar rubrik, ska heta ”Belopp”.",
      G1: "Kolumn G heter ”Kommentar” men hör inte till mallen. Ta bort kolumnen; mallens kolumner är Period, Kostnadsslag, Källa, Part, Slag, Belopp.",
    });
    expect(await versions(id)).toBe(0);
  });

  it("lists every bad cell at once and saves nothing", async () => {
    const id = await initiative("Fel celler");
    const { wb, ws } = await template(id);
    ws.getCell("F2").value = 100_000; // right
    ws.getCell("F7").value = "tolv";
    ws.getCell("F3").value = -5;
    ws.getCell("F4").value = 12.5;
    ws.getCell("A5").value = "2028-K1";
    ws.getCell("F5").value = 1000;
    ws.getCell("D8").value = "Kalmar kommun";
    ws.getCell("F8").value = 1000;
    ws.getCell("B6").value = "Lön";
    ws.getCell("F6").value = 1000;
    ws.addRow(["2026-K3", "Personal", "Förbundsmedel", null, null, 5]); // same as row 2
    ws.addRow(["2026-K3", "Personal", "Förbundsmedel", "Tierps kommun", null, 5]);
    const problems = await importing(id, await write(wb));
    const last = ws.rowCount;
    expect(problems).toEqual({
      F3: "Cell F3: ”−5” är inte ett belopp i hela kronor. Minusbelopp går inte.",
      F4: "Cell F4: ”12,5” är inte ett belopp i hela kronor. Skriv beloppet utan ören, i hela kronor.",
      A5: "Cell A5: perioden ”2028-K1” ligger utanför insatsens tid (2026-08-17 – 2027-06-30). Välj en av insatsens perioder 2026-K3 – 2027-K2.",
      B6: "Cell B6: ”Lön” är inget kostnadsslag. Skriv ett av: Personal, Lokaler, Resor, Material, Utvärdering, Övrigt.",
      F7: "Cell F7: ”tolv” är inte ett belopp i hela kronor. Skriv beloppet med siffror, till exempel 125000. Minusbelopp och ören går inte.",
      D8: "Cell D8: ”Kalmar kommun” är inte part i insatsen. Skriv ägaren eller en samverkanspart: Tierps kommun, Försäkringskassan.",
      [`F${last - 1}`]: `Cell F${last - 1}: raden gäller samma period, kostnadsslag, källa, part och slag som rad 2. Lägg ihop beloppen på en rad.`,
      [`D${last}`]: `Cell D${last}: förbundsmedel har ingen part. Lämna cellen tom, eller skriv Medfinansiering i kolumn C.`,
    });
    expect(await versions(id)).toBe(0);
  });

  it("refuses a file that is no workbook, a workbook without the sheet, and one without amounts", async () => {
    const id = await initiative("Fel fil");
    const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    expect((await importing(id, pdf)).file).toMatch(/ingen Excel-arbetsbok/);
    expect((await importing(id, new Uint8Array())).file).toMatch(/Filen är tom/);
    const other = new Workbook();
    other.addWorksheet("Blad1").addRow(["Period"]);
    expect((await importing(id, await write(other))).file).toBe(
      "Arbetsboken saknar bladet ”Budget”. Använd budgetmallen från Samspår och behåll bladets namn.",
    );
    const { wb } = await template(id);
    expect((await importing(id, await write(wb))).file).toMatch(/Filen har inga belopp/);
    expect(await versions(id)).toBe(0);
  });
});
