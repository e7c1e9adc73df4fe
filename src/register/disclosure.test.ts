// Disclosure control: hand-computed tables (which cells are primary, which secondary, and why),
// single counts, shares, formatting and the summary text; then the guarantees as properties:
// on random tables up to 6 × 6 every published line with a shown total has 0 or ≥ 2 suppressed
// entries and nothing published differs from the truth, and on small tables (≤ 3 × 3, values
// 0–9) a brute-force attacker who knows the published values, the totals and what the marks
// say (primary "< t": 0/1..t−1, secondary "..": t or more) never pins down a hidden figure.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CountTable,
  DEFAULT_DISCLOSURE_THRESHOLD,
  type DisclosureOptions,
  disclosureOptionsProblem,
  formatProtected,
  type Margin,
  type ProtectedCell,
  type ProtectedTable,
  protectCount,
  protectShare,
  protectTable,
  summarizeDisclosure,
} from "./disclosure.ts";

const NBSP = "\u00a0";
const v = (value: number): ProtectedCell => ({ value });
const P = (threshold = 5): ProtectedCell => ({ suppressed: "primary", threshold });
const S = (threshold = 5): ProtectedCell => ({ suppressed: "secondary", threshold });
const ALL = { rowTotals: true, columnTotals: true, grandTotal: true } as const;

describe("protectTable by hand", () => {
  it("protects a 2 × 3 gender × outcome table with totals (threshold 5)", () => {
    //              arbete  studier  övrigt | totalt
    //   kvinnor      12       3        8   |   23
    //   män           9       7        2   |   18
    //   totalt       21      10       10   |   41
    // Primary: kvinnor/studier = 3 and män/övrigt = 2 (1..4). Every margin is ≥ 5: shown.
    // Count rule, row by row then column by column:
    //   kvinnor has one suppressed cell (3): the smallest other published value is 8
    //     (övrigt; 12 and the total 23 are larger) → 8 secondary.
    //   män has one (2): smallest of 9, 7 → 7 (studier) secondary.
    //   Columns: studier {3, 7}, övrigt {8, 2}, arbete none; the margins none → stable.
    // Audit: a = 3, b = 8, c = 7, d = 2 with a + b = 11, c + d = 9, a + c = 10, b + d = 10.
    //   a ∈ 0..4 ⇒ b = 11 − a, c = 10 − a ≥ 5 and d = a − 1 ∈ 0..4 ⇒ a ∈ 1..4: four tables
    //   fit, so no hidden cell can be worked out.
    const result = protectTable(
      {
        cells: [
          [12, 3, 8],
          [9, 7, 2],
        ],
        show: ALL,
      },
      { threshold: 5 },
    );
    expect(result.cells).toEqual([
      [v(12), P(), S()],
      [v(9), S(), P()],
    ]);
    expect(result.rowTotals).toEqual([v(23), v(18)]);
    expect(result.columnTotals).toEqual([v(21), v(10), v(10)]);
    expect(result.grandTotal).toEqual(v(41));
    expect(result.summary).toMatchObject({ threshold: 5, primary: 2, secondary: 2 });
    expect(result.summary.reasons).toEqual([
      `2 uppgifter avser färre än 5 personer (0 inräknat) och visas som ”<${NBSP}5”.`,
      "2 uppgifter visas som ”..” så att de dolda uppgifterna inte kan räknas fram ur summorna.",
    ]);
    const text = result.cells.map((row) => row.map((cell) => formatProtected(cell)));
    expect(text).toEqual([
      ["12", `<${NBSP}5`, ".."],
      ["9", "..", `<${NBSP}5`],
    ]);
    // The summary never names a value or a position.
    expect(result.summary.reasons.join(" ")).not.toMatch(/\b(3|7|8|9|12)\b/);
  });

  it("suppresses nothing when every count and margin is at least the threshold", () => {
    const result = protectTable({
      cells: [
        [12, 7],
        [9, 15],
      ],
      show: ALL,
    });
    expect(result.cells).toEqual([
      [v(12), v(7)],
      [v(9), v(15)],
    ]);
    expect([result.rowTotals, result.columnTotals, result.grandTotal]).toEqual([
      [v(19), v(24)],
      [v(21), v(22)],
      v(43),
    ]);
    expect(result.summary).toMatchObject({ primary: 0, secondary: 0 });
    expect(result.summary.reasons).toEqual(["Inga uppgifter behövde döljas (tröskel 5)."]);
  });

  it("shows every count as it is with threshold 0", () => {
    const result = protectTable(
      {
        cells: [
          [0, 1],
          [2, 3],
        ],
        show: ALL,
      },
      { threshold: 0 },
    );
    expect(result.cells).toEqual([
      [v(0), v(1)],
      [v(2), v(3)],
    ]);
    expect(result.grandTotal).toEqual(v(6));
    expect(result.summary.reasons).toEqual([
      "Röjandekontrollen är avstängd (tröskel 0): alla antal visas som de är.",
    ]);
  });

  it("hides a true 0 unless the association allows showing it", () => {
    //            a   b | tot
    //   r0       0   6 |   6
    //   r1       7   8 |  15
    //   tot      7  14 |  21
    // Zeros hidden: 0 is primary. Row r0 has one suppressed cell → the smallest published
    // non-zero value, 6 (the cell comes before the total 6). Row r1 and the margins: none.
    // Column a {0} → 7 (the cell, before its total 7); column b {6} → 8. Row r1 now {7, 8}.
    // Audit: x00 ∈ 0..4 and the rest ≥ 5 with x00 + x01 = 6, x00 + x10 = 7, x01 + x11 = 14:
    // x00 = 1 gives 5, 6, 9 — another table fits.
    const table: CountTable = {
      cells: [
        [0, 6],
        [7, 8],
      ],
      show: ALL,
    };
    const hidden = protectTable(table);
    expect(hidden.cells).toEqual([
      [P(), S()],
      [S(), S()],
    ]);
    expect(hidden.rowTotals).toEqual([v(6), v(15)]);
    expect(hidden.summary.reasons[0]).toBe(
      `1 uppgift avser färre än 5 personer (0 inräknat) och visas som ”<${NBSP}5”.`,
    );
    const shown = protectTable(table, { allowTrueZero: true });
    expect(shown.cells).toEqual([
      [v(0), v(6)],
      [v(7), v(8)],
    ]);
    // A margin below the threshold is primary too; with zeros allowed, 0 is shown.
    const margins = protectTable(
      {
        cells: [
          [0, 0],
          [3, 9],
        ],
        show: ALL,
      },
      { allowTrueZero: true },
    );
    expect(margins.rowTotals).toEqual([v(0), v(12)]);
    expect(margins.columnTotals?.[0]).toEqual(P());
    expect(margins.cells[0]).toEqual([v(0), v(0)]);
    expect(margins.summary.reasons[0]).toBe(
      `2 uppgifter avser 1–4 personer och visas som ”<${NBSP}5”.`,
    );
  });

  it("hides the total when two small counts would add up to it", () => {
    // [4, 4] with its total 8: both are primary, so the count rule is content — but an
    // attacker knows each is at most 4, and 4 + 4 = 8 pins both. The audit finds that, and
    // the only published entry, the total, is suppressed as well (then 5..8 fits).
    const result = protectTable({ cells: [[4, 4]], show: { rowTotals: true } });
    expect(result.cells).toEqual([[P(), P()]]);
    expect(result.rowTotals).toEqual([S()]);
    expect(result.columnTotals).toBeUndefined();
    expect(result.grandTotal).toBeUndefined();
  });

  it("protects a small count against a grand total shown without the other margins", () => {
    // 3, 20, 30 with only the grand total 53: 53 − 20 − 30 = 3. No line with a shown total
    // exists for the count rule, so the audit adds the smallest value, 20.
    const result = protectTable({ cells: [[3, 20, 30]], show: { grandTotal: true } });
    expect(result.cells).toEqual([[P(), S(), v(30)]]);
    expect(result.grandTotal).toEqual(v(53));
  });

  it("keeps the hidden 'other genders' out of reach in a kvinnor / män / totalt table", () => {
    //                   kvinnor  män  (övriga, hidden) | totalt
    //   arbete             12     15      0            |   27
    //   studier             7      9      1            |   17
    //   arbetssökande      10      3      0            |   13
    //   övrigt              8     11      0            |   19
    //   totalt             37     38     (1)           |   76
    // Primary: män/arbetssökande = 3. The hidden 1 (studier) and the hidden column total 1
    // would otherwise be the only unknowns in their lines.
    // Count rule, rows first: studier (hidden 1 alone) → 7; arbetssökande {3} → 10; the
    // column totals (hidden 1 alone) → 37; then columns: män {3} → 9 (studier). Second pass:
    // the column totals have one suppressed entry (37) → 38. Stable.
    // Audit: the cycle 3 → 4, 10 → 9, 37 → 36, 38 → 39 keeps every range, and so does
    // hidden 1 → 2, 7 → 6, 37 → 36, (1) → 2: nothing can be worked out.
    const result = protectTable({
      cells: [
        [12, 15, 0],
        [7, 9, 1],
        [10, 3, 0],
        [8, 11, 0],
      ],
      hiddenColumns: [2],
      show: ALL,
    });
    expect(result.cells).toEqual([
      [v(12), v(15)],
      [S(), S()],
      [S(), P()],
      [v(8), v(11)],
    ]);
    expect(result.rowTotals).toEqual([v(27), v(17), v(13), v(19)]);
    expect(result.columnTotals).toEqual([S(), S()]);
    expect(result.grandTotal).toEqual(v(76));
    expect(result.summary).toMatchObject({ primary: 1, secondary: 5 });
  });

  it("leaves out a margin when the marks alone would give the figures away", () => {
    // Four 1s with zeros shown: every cell, margin and the grand total 4 is "< 5". But four
    // cells of at least 1 with a grand total of at most 4 must all be 1 — even with nothing
    // published. Without the grand total, 2 + 1 / 1 + 1 (totals 3, 2 / 3, 2) fits as well.
    const result = protectTable(
      {
        cells: [
          [1, 1],
          [1, 1],
        ],
        show: ALL,
      },
      { allowTrueZero: true },
    );
    expect(result.cells).toEqual([
      [P(), P()],
      [P(), P()],
    ]);
    expect(result.rowTotals).toEqual([P(), P()]);
    expect(result.columnTotals).toEqual([P(), P()]);
    expect(result.grandTotal).toBeUndefined();
    expect(result.marginsLeftOut).toEqual(["grandTotal"]);
    expect(result.summary.tablesWithTotalsLeftOut).toBe(1);
    expect(result.summary.reasons.at(-1)).toBe(
      "I 1 tabell visas inte alla summor, eftersom dolda uppgifter annars skulle kunna räknas fram.",
    );
  });

  it("handles an empty table and refuses malformed ones", () => {
    expect(protectTable({ cells: [] })).toMatchObject({ cells: [] });
    // The total of no cells is a true 0, and it cannot be hidden: it is left out.
    expect(protectTable({ cells: [], show: { grandTotal: true } })).toMatchObject({
      marginsLeftOut: ["grandTotal"],
    });
    expect(
      protectTable({ cells: [], show: { grandTotal: true } }, { allowTrueZero: true }).grandTotal,
    ).toEqual(v(0));
    expect(() => protectTable({ cells: [[1, 2], [3]] })).toThrow(/rad 2 har 1 celler/);
    expect(() => protectTable({ cells: [[1, -2]] })).toThrow(/rad 1, kolumn 2/);
    expect(() => protectTable({ cells: [[1.5]] })).toThrow(/heltal/);
    expect(() => protectTable({ cells: [[1]], hiddenColumns: [1] })).toThrow(/kolumn 1 finns inte/);
  });
});

describe("options", () => {
  it("defaults to threshold 5 with zeros hidden, and refuses thresholds that protect no one", () => {
    expect(DEFAULT_DISCLOSURE_THRESHOLD).toBe(5);
    expect(disclosureOptionsProblem({})).toBeNull();
    expect(disclosureOptionsProblem({ threshold: 0 })).toBeNull();
    expect(disclosureOptionsProblem({ threshold: 2 })).toBeNull();
    expect(disclosureOptionsProblem({ threshold: 1, allowTrueZero: true })).toBeNull();
    expect(disclosureOptionsProblem({ threshold: 2, allowTrueZero: true })).toBe(
      "Tröskeln 2 skyddar ingen: ”< 2” kan bara betyda 1. Välj en tröskel på minst 3, eller 0 " +
        "för att stänga av röjandekontrollen.",
    );
    expect(disclosureOptionsProblem({ threshold: 1 }, "en")).toMatch(/can only mean 0/);
    expect(disclosureOptionsProblem({ threshold: -1 })).toMatch(/heltal, 0 eller mer/);
    expect(disclosureOptionsProblem({ threshold: 2.5 })).toMatch(/heltal/);
    expect(() => protectCount(3, { threshold: 1 })).toThrow(RangeError);
  });
});

describe("protectCount", () => {
  it("shows a count at or above the threshold and hides the rest", () => {
    expect(protectCount(5)).toEqual(v(5));
    expect(protectCount(4)).toEqual(P());
    expect(protectCount(1)).toEqual(P());
    expect(protectCount(0)).toEqual(P());
    expect(protectCount(0, { allowTrueZero: true })).toEqual(v(0));
    expect(protectCount(9, { threshold: 10 })).toEqual(P(10));
    expect(protectCount(1, { threshold: 0 })).toEqual(v(1));
    expect(protectCount(0, { threshold: 0 })).toEqual(v(0));
    expect(() => protectCount(-1)).toThrow(/Antalet måste vara ett heltal/);
  });
});

describe("protectShare", () => {
  it("hides a share with too few in the denominator", () => {
    expect(protectShare(3, 4)).toEqual({
      share: { suppressed: "denominator", threshold: 5 },
      numerator: P(),
      denominator: P(),
    });
    expect(protectShare(0, 0, { threshold: 0 }).share).toEqual({
      suppressed: "denominator",
      threshold: 0,
    });
    expect(protectShare(0, 3, { allowTrueZero: true }).numerator).toEqual(v(0));
  });

  it("hides a share that would give back a small numerator, or a small remainder", () => {
    // 2 of 40 = 5 %: with the denominator 40 published, 5 % × 40 = 2.
    expect(protectShare(2, 40)).toEqual({
      share: { suppressed: "numerator", threshold: 5 },
      numerator: P(),
      denominator: v(40),
    });
    // 38 of 40: the two not counted would follow from 40 − 38; the numerator is hidden too.
    expect(protectShare(38, 40)).toEqual({
      share: { suppressed: "complement", threshold: 5 },
      numerator: S(),
      denominator: v(40),
    });
    // 0 % and 100 % say something about everyone: hidden unless zeros may be shown.
    expect(protectShare(0, 40).share).toEqual({ suppressed: "numerator", threshold: 5 });
    expect(protectShare(40, 40).share).toEqual({ suppressed: "complement", threshold: 5 });
    expect(protectShare(0, 40, { allowTrueZero: true }).share).toEqual({ ratio: 0 });
    expect(protectShare(40, 40, { allowTrueZero: true }).share).toEqual({ ratio: 1 });
  });

  it("shows the ratio with both counts otherwise", () => {
    expect(protectShare(20, 40)).toEqual({
      share: { ratio: 0.5 },
      numerator: v(20),
      denominator: v(40),
    });
    expect(protectShare(1, 2, { threshold: 0 }).share).toEqual({ ratio: 0.5 });
    expect(() => protectShare(5, 4)).toThrow(/större än nämnaren/);
  });

  it("lists the hidden shares by reason in the summary", () => {
    const items = [
      protectShare(3, 4).share,
      protectShare(2, 40).share,
      protectShare(38, 40).share,
      protectShare(20, 40).share,
    ];
    const summary = summarizeDisclosure(items);
    expect(summary.shares).toEqual({ denominator: 1, numerator: 1, complement: 1 });
    expect(summary.reasons).toEqual([
      "1 andel visas inte (”..”) eftersom det är färre än 5 personer i nämnaren.",
      "1 andel visas inte (”..”) eftersom den skulle avslöja ett antal på färre än 5 personer (0 inräknat).",
      "1 andel visas inte (”..”) eftersom den skulle avslöja att färre än 5 personer (0 inräknat) står utanför.",
    ]);
    expect(summarizeDisclosure(items, {}, "en").reasons[0]).toBe(
      '1 share is not shown ("..") because there are fewer than 5 people in the denominator.',
    );
    expect(
      summarizeDisclosure([protectShare(0, 0, { threshold: 0 }).share], { threshold: 0 }),
    ).toMatchObject({
      reasons: [
        "Röjandekontrollen är avstängd (tröskel 0): alla antal visas som de är.",
        "1 andel visas inte (”..”) eftersom nämnaren är 0.",
      ],
    });
  });
});

describe("summarizeDisclosure", () => {
  it("adds up a whole report: tables, counts and shares", () => {
    const gender = protectTable({
      cells: [
        [12, 3, 8],
        [9, 7, 2],
      ],
      show: ALL,
    });
    const pairs = protectTable({ cells: [[4, 4]], show: { rowTotals: true } });
    const summary = summarizeDisclosure([
      gender,
      pairs,
      protectCount(2),
      protectCount(40),
      protectShare(3, 4).share,
    ]);
    expect(summary).toMatchObject({
      threshold: 5,
      primary: 2 + 2 + 1,
      secondary: 2 + 1,
      shares: { denominator: 1, numerator: 0, complement: 0 },
      tablesWithTotalsLeftOut: 0,
    });
    expect(summarizeDisclosure([gender], {}, "en").reasons).toEqual([
      `2 figures concern fewer than 5 people (0 included) and are shown as "<${NBSP}5".`,
      '2 figures are shown as ".." so that the hidden figures cannot be worked out from the totals.',
    ]);
  });
});

describe("formatProtected", () => {
  it("writes '< threshold' for small counts, '..' for other hidden figures, Swedish numbers otherwise", () => {
    expect(formatProtected(P())).toBe(`<${NBSP}5`);
    expect(formatProtected(P(10))).toBe(`<${NBSP}10`);
    expect(formatProtected(S())).toBe("..");
    expect(formatProtected(v(12345))).toBe(`12${NBSP}345`);
    expect(formatProtected(v(0))).toBe("0");
    expect(formatProtected({ ratio: 0.93 })).toBe(`93${NBSP}%`);
    expect(formatProtected({ ratio: 0.9349 }, "sv", 1)).toBe(`93,5${NBSP}%`);
    expect(formatProtected({ ratio: 0.5 }, "en")).toBe(`50${NBSP}%`);
    expect(formatProtected({ suppressed: "denominator", threshold: 5 })).toBe("..");
    expect(formatProtected(P(1000), "sv")).toBe(`<${NBSP}1${NBSP}000`);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

interface Case {
  readonly cells: number[][];
  readonly show: { rowTotals: boolean; columnTotals: boolean; grandTotal: boolean };
  readonly hiddenRows: number[];
  readonly hiddenColumns: number[];
  readonly options: { threshold: number; allowTrueZero: boolean };
}

const optionsArbitrary = fc
  .record({
    threshold: fc.constantFrom(0, 2, 3, 4, 5, 6, 7, 10),
    allowTrueZero: fc.boolean(),
  })
  .map((o) => (o.allowTrueZero && o.threshold === 2 ? { ...o, threshold: 3 } : o));

const showArbitrary = fc.record({
  rowTotals: fc.boolean(),
  columnTotals: fc.boolean(),
  grandTotal: fc.boolean(),
});

function caseArbitrary(
  maxSide: number,
  value: fc.Arbitrary<number>,
  withHidden: boolean,
): fc.Arbitrary<Case> {
  return fc
    .record({
      rows: fc.integer({ min: 1, max: maxSide }),
      columns: fc.integer({ min: 1, max: maxSide }),
    })
    .chain(({ rows, columns }) =>
      fc.record({
        cells: fc.array(fc.array(value, { minLength: columns, maxLength: columns }), {
          minLength: rows,
          maxLength: rows,
        }),
        show: showArbitrary,
        hiddenRows: withHidden
          ? fc.subarray(
              Array.from({ length: rows }, (_, i) => i),
              { maxLength: 1 },
            )
          : fc.constant([]),
        hiddenColumns: withHidden
          ? fc.subarray(
              Array.from({ length: columns }, (_, j) => j),
              { maxLength: 1 },
            )
          : fc.constant([]),
        options: optionsArbitrary,
      }),
    );
}

// Many small counts, some large ones.
const countArbitrary = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 60 }));

/** The truth laid out like the published table, margins included, hidden lines left out. */
interface Layout {
  readonly rows: number[]; // visible row indexes
  readonly columns: number[]; // visible column indexes
  readonly rowSums: number[];
  readonly columnSums: number[];
  readonly grand: number;
}

function layoutOf(c: Case): Layout {
  const R = c.cells.length;
  const C = c.cells[0]?.length ?? 0;
  const rowSums = c.cells.map((row) => row.reduce((a, b) => a + b, 0));
  const columnSums = Array.from({ length: C }, (_, j) =>
    c.cells.reduce((a, row) => a + (row[j] ?? 0), 0),
  );
  return {
    rows: Array.from({ length: R }, (_, i) => i).filter((i) => !c.hiddenRows.includes(i)),
    columns: Array.from({ length: C }, (_, j) => j).filter((j) => !c.hiddenColumns.includes(j)),
    rowSums,
    columnSums,
    grand: rowSums.reduce((a, b) => a + b, 0),
  };
}

const suppressed = (cell: ProtectedCell | undefined): boolean =>
  cell !== undefined && "suppressed" in cell;

function sensitive(n: number, o: Case["options"]): boolean {
  return o.threshold > 0 && n < o.threshold && (n > 0 || !o.allowTrueZero);
}

/** Every published figure against the truth: values exact, marks telling the truth. */
function checkFigures(c: Case, result: ProtectedTable): void {
  const layout = layoutOf(c);
  const check = (cell: ProtectedCell | undefined, truth: number) => {
    expect(cell).toBeDefined();
    if (!cell) return;
    if ("value" in cell) {
      expect(cell.value).toBe(truth);
      expect(sensitive(truth, c.options)).toBe(false);
    } else if (cell.suppressed === "primary") {
      expect(sensitive(truth, c.options)).toBe(true);
      expect(cell.threshold).toBe(c.options.threshold);
    } else {
      expect(truth).toBeGreaterThanOrEqual(c.options.threshold);
      expect(truth).toBeGreaterThan(0);
    }
  };
  expect(result.cells.length).toBe(layout.rows.length);
  layout.rows.forEach((i, a) => {
    expect(result.cells[a]?.length).toBe(layout.columns.length);
    layout.columns.forEach((j, b) => {
      check(result.cells[a]?.[b], c.cells[i]?.[j] ?? -1);
    });
  });
  // A margin is there when asked for, unless it is named as left out.
  for (const m of result.marginsLeftOut) expect(c.show[m]).toBe(true);
  const shown = (m: Margin) => c.show[m] && !result.marginsLeftOut.includes(m);
  if (shown("rowTotals")) {
    layout.rows.forEach((i, a) => {
      check(result.rowTotals?.[a], layout.rowSums[i] ?? -1);
    });
  } else expect(result.rowTotals).toBeUndefined();
  if (shown("columnTotals")) {
    layout.columns.forEach((j, b) => {
      check(result.columnTotals?.[b], layout.columnSums[j] ?? -1);
    });
  } else expect(result.columnTotals).toBeUndefined();
  if (shown("grandTotal")) check(result.grandTotal, layout.grand);
  else expect(result.grandTotal).toBeUndefined();
  const all = [
    ...result.cells.flat(),
    ...(result.rowTotals ?? []),
    ...(result.columnTotals ?? []),
    ...(result.grandTotal ? [result.grandTotal] : []),
  ];
  const kind = (k: string) => all.filter((x) => "suppressed" in x && x.suppressed === k).length;
  expect(result.summary.primary).toBe(kind("primary"));
  expect(result.summary.secondary).toBe(kind("secondary"));
  if (c.options.threshold === 0) expect(kind("primary") + kind("secondary")).toBe(0);
}

/**
 * The lines of the published table (no hidden lines): each row with its total, each column
 * with its total, and the margins with the grand total, when that line's total and all its
 * entries are shown. Returns the suppressed count of every such line.
 */
function closedLines(result: ProtectedTable): { total: boolean; cells: number }[] {
  const lines: { total: boolean; cells: number }[] = [];
  const count = (cells: readonly (ProtectedCell | undefined)[]) => cells.filter(suppressed).length;
  const { rowTotals, columnTotals, grandTotal } = result;
  if (rowTotals) {
    result.cells.forEach((row, a) => {
      lines.push({ total: suppressed(rowTotals[a]), cells: count(row) });
    });
  }
  if (columnTotals) {
    columnTotals.forEach((total, b) => {
      lines.push({ total: suppressed(total), cells: count(result.cells.map((row) => row[b])) });
    });
  }
  if (grandTotal && rowTotals) {
    lines.push({ total: suppressed(grandTotal), cells: count(rowTotals) });
  }
  if (grandTotal && columnTotals) {
    lines.push({ total: suppressed(grandTotal), cells: count(columnTotals) });
  }
  return lines;
}

describe("protectTable properties", () => {
  it("never publishes a wrong value, and every line with a shown total has 0 or ≥ 2 suppressed entries (≤ 6 × 6)", () => {
    fc.assert(
      fc.property(caseArbitrary(6, countArbitrary, false), (c) => {
        const result = protectTable(c, c.options);
        checkFigures(c, result);
        for (const line of closedLines(result)) {
          const suppressedEntries = line.cells + (line.total ? 1 : 0);
          // A published total: 0 or ≥ 2 suppressed cells. A suppressed total: never the only one.
          if (!line.total) expect(line.cells === 0 || line.cells >= 2).toBe(true);
          expect(suppressedEntries === 0 || suppressedEntries >= 2).toBe(true);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it("keeps the same guarantees with hidden rows and columns (≤ 6 × 6)", () => {
    fc.assert(
      fc.property(caseArbitrary(6, countArbitrary, true), (c) => {
        const result = protectTable(c, c.options);
        checkFigures(c, result);
        for (const line of closedLines(result)) {
          if (!line.total) expect(line.cells === 0 || line.cells >= 2).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The brute-force attacker

type Constraint = { readonly low: number; readonly high: number } | null; // null: nothing known
type Target =
  | { readonly kind: "cell"; readonly i: number; readonly j: number }
  | { readonly kind: "row"; readonly i: number }
  | { readonly kind: "column"; readonly j: number }
  | { readonly kind: "grand" };

/** What the attacker knows of a published figure: its value, or the range its mark implies. */
function knowledge(cell: ProtectedCell | undefined, o: Case["options"], cap: number): Constraint {
  if (!cell) return null;
  if ("value" in cell) return { low: cell.value, high: cell.value };
  if (cell.suppressed === "primary") {
    return { low: o.allowTrueZero ? 1 : 0, high: o.threshold - 1 };
  }
  return { low: o.threshold, high: cap };
}

const within = (k: Constraint, n: number) => k === null || (n >= k.low && n <= k.high);

/**
 * Whether a table other than the truth fits everything published and differs in `target`.
 * Unknown cells (suppressed or hidden) range over what their mark allows, capped at `cap`
 * (the true table's cells are ≤ 9 and every alternative the algorithm relies on moves a cell
 * by one, so a cap of 10 only makes the attacker's task easier to fail — never the test).
 */
function alternativeExists(c: Case, result: ProtectedTable, target: Target, cap: number): boolean {
  const o = c.options;
  const R = c.cells.length;
  const C = c.cells[0]?.length ?? 0;
  const layout = layoutOf(c);
  const rowAt = new Map(layout.rows.map((i, a) => [i, a]));
  const columnAt = new Map(layout.columns.map((j, b) => [j, b]));
  const cellKnowledge: Constraint[][] = c.cells.map((row, i) =>
    row.map((_, j) => {
      const a = rowAt.get(i);
      const b = columnAt.get(j);
      if (a === undefined || b === undefined) return { low: 0, high: cap }; // hidden
      return knowledge(result.cells[a]?.[b], o, cap);
    }),
  );
  const rowKnowledge = Array.from({ length: R }, (_, i) => {
    const a = rowAt.get(i);
    return a === undefined ? null : knowledge(result.rowTotals?.[a], o, Number.MAX_SAFE_INTEGER);
  });
  const columnKnowledge = Array.from({ length: C }, (_, j) => {
    const b = columnAt.get(j);
    return b === undefined ? null : knowledge(result.columnTotals?.[b], o, Number.MAX_SAFE_INTEGER);
  });
  const grandKnowledge = knowledge(result.grandTotal, o, Number.MAX_SAFE_INTEGER);

  const unknown: [number, number][] = [];
  for (let i = 0; i < R; i++) {
    for (let j = 0; j < C; j++) {
      const k = cellKnowledge[i]?.[j];
      if (k && k.low !== k.high) unknown.push([i, j]);
      else if (!k) throw new Error("a cell without knowledge");
    }
  }
  const lastInRow = new Map<number, number>();
  unknown.forEach(([i], index) => {
    lastInRow.set(i, index);
  });
  const x = c.cells.map((row) => [...row]);
  // Unassigned unknown cells hold their lowest value, so column sums are lower bounds.
  for (const [i, j] of unknown) {
    const row = x[i] as number[];
    row[j] = (cellKnowledge[i]?.[j] ?? { low: 0 }).low;
  }
  const sumRow = (i: number) => (x[i] ?? []).reduce((a, b) => a + b, 0);
  const sumColumn = (j: number) => x.reduce((a, row) => a + (row[j] ?? 0), 0);
  const truthOf = (t: Target): number => {
    const layoutTruth = layoutOf(c);
    if (t.kind === "cell") return c.cells[t.i]?.[t.j] ?? -1;
    if (t.kind === "row") return layoutTruth.rowSums[t.i] ?? -1;
    if (t.kind === "column") return layoutTruth.columnSums[t.j] ?? -1;
    return layoutTruth.grand;
  };
  const figureOf = (t: Target): number => {
    if (t.kind === "cell") return x[t.i]?.[t.j] ?? -1;
    if (t.kind === "row") return sumRow(t.i);
    if (t.kind === "column") return sumColumn(t.j);
    return x.reduce((a, _, i) => a + sumRow(i), 0);
  };
  const truth = truthOf(target);
  let nodes = 0;

  const search = (index: number): boolean => {
    // a case too large to search through is skipped (fast-check draws another), not failed:
    // the attacker's budget, not the protection, ran out
    if (++nodes > 3_000_000) fc.pre(false);
    if (index === unknown.length) {
      for (let j = 0; j < C; j++)
        if (!within(columnKnowledge[j] ?? null, sumColumn(j))) return false;
      const grand = x.reduce((a, _, i) => a + sumRow(i), 0);
      return within(grandKnowledge, grand) && figureOf(target) !== truth;
    }
    const [i, j] = unknown[index] as [number, number];
    const k = cellKnowledge[i]?.[j] as { low: number; high: number };
    const trueValue = c.cells[i]?.[j] ?? 0;
    const row = x[i] as number[];
    const rowLimit = rowKnowledge[i] ?? null;
    let candidates: number[];
    if (lastInRow.get(i) === index && rowLimit && rowLimit.low === rowLimit.high) {
      row[j] = 0;
      candidates = [rowLimit.low - sumRow(i)];
    } else {
      candidates = [trueValue];
      for (let d = 1; d <= k.high - k.low + trueValue; d++)
        candidates.push(trueValue - d, trueValue + d);
    }
    for (const value of candidates) {
      if (value < k.low || value > k.high) continue;
      if (target.kind === "cell" && target.i === i && target.j === j && value === truth) continue;
      row[j] = value;
      let fits = true;
      if (lastInRow.get(i) === index && !within(rowLimit, sumRow(i))) fits = false;
      const columnLimit = columnKnowledge[j] ?? null;
      if (fits && columnLimit && sumColumn(j) > columnLimit.high) fits = false;
      if (fits && search(index + 1)) return true;
    }
    row[j] = k.low;
    return false;
  };
  // Rows without unknown cells are checked once, up front.
  for (let i = 0; i < R; i++) {
    if (!lastInRow.has(i) && !within(rowKnowledge[i] ?? null, sumRow(i))) return false;
  }
  return search(0);
}

/** Everything that must not be pinned down: suppressed figures, hidden ones holding 1..t−1. */
function targetsOf(c: Case, result: ProtectedTable): Target[] {
  const layout = layoutOf(c);
  const t = c.options.threshold;
  const small = (n: number) => n >= 1 && n < t;
  const targets: Target[] = [];
  c.cells.forEach((row, i) => {
    row.forEach((n, j) => {
      const a = layout.rows.indexOf(i);
      const b = layout.columns.indexOf(j);
      if (a < 0 || b < 0) {
        if (small(n)) targets.push({ kind: "cell", i, j });
      } else if (suppressed(result.cells[a]?.[b])) targets.push({ kind: "cell", i, j });
    });
  });
  c.cells.forEach((_, i) => {
    const a = layout.rows.indexOf(i);
    if (a < 0 ? small(layout.rowSums[i] ?? 0) : suppressed(result.rowTotals?.[a])) {
      targets.push({ kind: "row", i });
    }
  });
  layout.columnSums.forEach((sum, j) => {
    const b = layout.columns.indexOf(j);
    if (b < 0 ? small(sum) : suppressed(result.columnTotals?.[b])) {
      targets.push({ kind: "column", j });
    }
  });
  if (suppressed(result.grandTotal)) targets.push({ kind: "grand" });
  return targets;
}

function attack(c: Case): void {
  const result = protectTable(c, c.options);
  checkFigures(c, result);
  for (const target of targetsOf(c, result)) {
    const found = alternativeExists(c, result, target, 10);
    if (!found) {
      throw new Error(
        `pinned down ${JSON.stringify(target)} in ${JSON.stringify(c)}: ${JSON.stringify(result)}`,
      );
    }
  }
}

describe("protectTable against a brute-force attacker", () => {
  it("leaves every suppressed or hidden figure open to at least two tables (≤ 3 × 3, values 0–9)", () => {
    const small: fc.Arbitrary<Case> = caseArbitrary(3, fc.integer({ min: 0, max: 9 }), false).map(
      (c) => ({ ...c, options: { ...c.options, threshold: Math.min(c.options.threshold, 7) } }),
    );
    fc.assert(fc.property(small, attack), { numRuns: 1500 });
  });

  it("does so with hidden rows and columns too", () => {
    const small: fc.Arbitrary<Case> = caseArbitrary(3, fc.integer({ min: 0, max: 9 }), true).map(
      (c) => ({ ...c, options: { ...c.options, threshold: Math.min(c.options.threshold, 7) } }),
    );
    fc.assert(fc.property(small, attack), { numRuns: 1500 });
  });

  it("does so for every 2 × 2 table with values 0–7 and all margins shown", () => {
    const settings: DisclosureOptions[] = [
      { threshold: 3, allowTrueZero: false },
      { threshold: 5, allowTrueZero: false },
      { threshold: 5, allowTrueZero: true },
    ];
    for (const options of settings) {
      for (let code = 0; code < 8 ** 4; code++) {
        const d = [0, 1, 2, 3].map((k) => Math.floor(code / 8 ** k) % 8);
        attack({
          cells: [
            [d[0] ?? 0, d[1] ?? 0],
            [d[2] ?? 0, d[3] ?? 0],
          ],
          show: { rowTotals: true, columnTotals: true, grandTotal: true },
          hiddenRows: [],
          hiddenColumns: [],
          options: {
            threshold: options.threshold ?? 5,
            allowTrueZero: options.allowTrueZero ?? false,
          },
        });
      }
    }
  });
});
