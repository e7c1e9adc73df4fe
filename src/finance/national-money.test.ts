// The national figures' participants, on the demo association: per individual initiative the
// enrollments ongoing some day of the year by gender, per structural initiative its count-only
// participation, with totals — after the association's disclosure control, the same protected
// cells as the register's statistics for the year: no count 1–4 anywhere, no hidden count
// recoverable from a total and the shown counts beside it; and in the CSV, row by row.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { saveDisclosureSettings } from "../associations/disclosure-settings.ts";
import { associations } from "../associations/schema.ts";
import { FIGURE, registerStatistics } from "../register/aggregates.ts";
import {
  type NationalCount,
  type NationalParticipantRow,
  nationalMoneyCsv,
  nationalMoneyFigures,
  nationalParticipants,
} from "./national-money.ts";

let t: TestDatabase;
const demo = { id: "", name: "" };
const AS_OF = "2026-11-23";

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  const [row] = await t.db.select().from(associations).where(eq(associations.slug, "demo"));
  demo.id = row?.id ?? "";
  demo.name = row?.name ?? "";
}, 120_000);
afterAll(() => t?.drop());

const shown = (c: NationalCount) => ("value" in c ? c.value : null);
const cellsOf = (r: NationalParticipantRow) => [r.women, r.men, r.total];

describe("the participants of the national figures", () => {
  it("are the register's protected counts for the year, per initiative and in total", async () => {
    const f = await nationalMoneyFigures(t.db, demo, 2025, AS_OF);
    const p = f.participants;
    expect(p.threshold).toBe(5);
    expect(p.individual.length).toBeGreaterThan(3);
    expect(p.structural.length).toBeGreaterThan(0);
    expect(p.individual.map((r) => r.name)).toContain("Tierp, Växtverket");
    // the same cells as the register's own statistics of the year
    const stats = await registerStatistics(t.db, demo.id, { from: "2025-01-01", to: "2025-12-31" });
    for (const [i, unit] of stats.individual.entries()) {
      const row = unit.tables.flatMap((x) => x.rows).find((r) => r.key === FIGURE.enrolled);
      const mine = p.individual[i];
      expect(mine?.name).toBe(unit.name);
      expect(shown(mine?.total as NationalCount)).toBe(
        row && "value" in row.totalt ? row.totalt.value : null,
      );
    }
    expect(p.individualTotal?.name).toBe("Samtliga individinriktade insatser");
    const total = shown(p.individualTotal?.total as NationalCount);
    expect(total).toBeGreaterThan(100);
    expect(f.notes.join(" ")).not.toMatch(/ännu inte finns/);
    expect(f.notes.join(" ")).toContain("röjandekontroll med tröskeln 5");
  });

  it("show no count from 1 to 4 and no hidden count that a total gives away", async () => {
    for (const year of [2025, 2026]) {
      const p = await nationalParticipants(t.db, demo.id, year);
      const rows = [
        ...p.individual,
        ...p.structural,
        ...(p.individualTotal ? [p.individualTotal] : []),
        ...(p.structuralTotal ? [p.structuralTotal] : []),
      ];
      for (const row of rows)
        for (const cell of cellsOf(row)) {
          const v = shown(cell);
          if (v !== null) expect(v === 0 ? p.allowTrueZero : v >= 5).toBe(true);
          else expect(["< 5", "<\u00a05", ".."]).toContain((cell as { display: string }).display);
        }
      // a column of initiatives under a shown total never hides exactly one count
      for (const [parts, sum] of [
        [p.individual, p.individualTotal],
        [p.structural, p.structuralTotal],
      ] as const) {
        if (!sum) continue;
        for (const key of ["women", "men", "total"] as const) {
          if (shown(sum[key]) === null) continue;
          const hidden = parts.filter((r) => shown(r[key]) === null).length;
          expect(hidden === 1, `${year} ${key}`).toBe(false);
        }
      }
      expect(p.suppressedCells).toBeGreaterThanOrEqual(
        rows.flatMap(cellsOf).filter((c) => shown(c) === null).length > 0 ? 1 : 0,
      );
    }
  });

  it("are rows of the CSV, with the threshold and the count of hidden figures", async () => {
    const f = await nationalMoneyFigures(t.db, demo, 2025, AS_OF);
    const lines = nationalMoneyCsv(f).slice(1).split("\r\n");
    const tierp = f.participants.individual.find((r) => r.name === "Tierp, Växtverket");
    if (!tierp) throw new Error("no Tierp, Växtverket");
    const text = (c: NationalCount) => ("value" in c ? String(c.value) : c.display);
    expect(lines).toContain(
      `Deltagare, individinriktade insatser;Tierp, Växtverket;Kvinnor (inskrivna under året);${text(tierp.women)};personer`,
    );
    expect(lines).toContain(
      `Deltagare, individinriktade insatser;Tierp, Växtverket;Totalt (inskrivna under året);${text(tierp.total)};personer`,
    );
    expect(lines.filter((l) => l.startsWith("Deltagare, strukturinriktade insatser;")).length).toBe(
      3 * (f.participants.structural.length + (f.participants.structuralTotal ? 1 : 0)),
    );
    expect(lines).toContain("Röjandekontroll;;Tröskel;5;");
    expect(lines).toContain(
      `Röjandekontroll;;Antal som inte visas;${f.participants.suppressedCells};`,
    );
  });

  it("follow the association's own threshold; with control off, every count is shown", async () => {
    await saveDisclosureSettings(t.db, { userId: null, label: "test" }, demo.id, 0, {
      threshold: 0,
      allowTrueZero: true,
    });
    const f = await nationalMoneyFigures(t.db, demo, 2025, AS_OF);
    expect(f.participants.threshold).toBe(0);
    expect(f.participants.suppressedCells).toBe(0);
    for (const row of f.participants.individual)
      for (const cell of cellsOf(row)) expect(shown(cell)).not.toBeNull();
    expect(f.notes.join(" ")).toContain("stängt av röjandekontrollen");
  });
});
