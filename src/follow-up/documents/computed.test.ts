// Every output of a report computed from real data — the demo association's first half of 2026,
// through computeFollowUp (src/follow-up/compute.ts) — agrees with that report: the JSON is valid
// against the committed schema, the workbook's participant and money totals are the report's,
// the Word file has every section, and the PDF has the title in its text layer.
import { Workbook } from "@cj-tech-master/excelts";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../tests/support/database.ts";
import { associations } from "../../associations/schema.ts";
import { DEMO_SLUG, DEMO_TODAY, seedDemo } from "../../demo/seed-demo.ts";
import {
  headingTexts,
  keepForPreview,
  openDocx,
  pdfText,
  squash,
} from "../../documents/testing.ts";
import { getFinanceBand } from "../../finance/outcome.ts";
import { formatStatistic } from "../../register/aggregates.ts";
import { computeFollowUp } from "../compute.ts";
import type { FollowUpReport, PersonCount } from "../model.ts";
import { renderFollowUp } from "./render.ts";
import { committedSchemaValidator } from "./test-fixture.ts";
import { SECTION_TITLES } from "./text.ts";

let t: TestDatabase;
let report: FollowUpReport;
let band = { low: 80, high: 110 };

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db, { now: DEMO_TODAY });
  const [demo] = await t.db
    .select({ id: associations.id })
    .from(associations)
    .where(eq(associations.slug, DEMO_SLUG));
  if (!demo) throw new Error("the demo association is missing");
  report = await computeFollowUp(t.db, {
    associationId: demo.id,
    from: "2026-01-01",
    to: "2026-06-30",
    now: DEMO_TODAY,
  });
  const b = await getFinanceBand(t.db, demo.id);
  band = { low: b.low, high: b.high };
}, 240_000);

afterAll(async () => {
  await t?.drop();
});

const seen = (c: PersonCount) => ("value" in c ? c.value : formatStatistic(c));

describe("the outputs of a computed report", () => {
  it("has JSON valid against the committed schema", async () => {
    const file = await renderFollowUp(report, "json", { band });
    const data = JSON.parse(file.body.toString("utf8"));
    expect(data).toEqual(JSON.parse(JSON.stringify(report)));
    const result = committedSchemaValidator().safeParse(data);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it("has the report's totals in the workbook", async () => {
    const file = await renderFollowUp(report, "xlsx", { band });
    const wb = new Workbook();
    await wb.xlsx.load(file.body);
    const t6 = wb.getWorksheet("Tabell 6");
    const t4 = wb.getWorksheet("Tabell 4");
    if (!t6 || !t4) throw new Error("sheets missing");
    const rowOf = (ws: typeof t6, col: number, text: string) => {
      for (let r = 2; r <= ws.rowCount; r++) if (ws.getCell(r, col).value === text) return r;
      throw new Error(`no row ${text}`);
    };
    const total = rowOf(t6, 2, "Totalt");
    const i = report.individual.total;
    expect([3, 4, 5, 6, 7, 10].map((c) => t6.getCell(total, c).value)).toEqual(
      [
        i.wholeTime,
        i.exitedWholeTime,
        i.exitedInPeriod,
        i.womenToWorkOrStudies,
        i.menToWorkOrStudies,
        i.ongoing,
      ].map(seen),
    );
    const budgetTotal = rowOf(t4, 1, "Totalt");
    expect(t4.getCell(budgetTotal, 2).value).toBe(report.budget.total.budget);
    expect(t4.getCell(budgetTotal, 3).value).toBe(report.budget.total.outcome);
    expect(t4.rowCount).toBeGreaterThanOrEqual(report.budget.rows.length + 1);
  });

  it("has every section in the Word file and the title in the PDF's text", async () => {
    const docx = await renderFollowUp(report, "docx", { band });
    const { document } = await openDocx(docx.body);
    expect(headingTexts(document, 1)).toEqual(
      Object.entries(SECTION_TITLES)
        .filter(([key]) => key !== "disclosure")
        .map(([, title]) => title),
    );
    const pdf = await renderFollowUp(report, "pdf", { band });
    keepForPreview(`demo-${pdf.fileName}`, pdf.body);
    keepForPreview(`demo-${docx.fileName}`, docx.body);
    const { pages } = await pdfText(pdf.body);
    expect(squash(pages[0] ?? "")).toContain(
      squash(`Uppföljning av insatser – ${report.period.label}`),
    );
    expect(squash(pages.join(""))).toContain(squash(report.association.name));
  });
});
