// The workbook read back with excelts: a sheet per table in the report's order, frozen bold
// headers, and every cell equal to the report it was made from — numbers as numbers with their
// formats (kronor, per cent, dates, tkr), a participant figure that is not shown as "< 5" or
// ".." with a note saying why, colours with their words. The expectations are written from the
// report's fields here, not from the table model the workbook is built with.
import { Workbook, type Worksheet } from "@cj-tech-master/excelts";
import { describe, expect, it } from "vitest";
import { DATE_FORMAT, KRONOR_FORMAT, PERCENT_FORMAT } from "../../finance/finance-xlsx.ts";
import { formatStatistic } from "../../register/aggregates.ts";
import type {
  FollowUpReport,
  IndividualRow,
  PersonCount,
  PersonShare,
  ProgressionMean,
  YesNo,
} from "../model.ts";
import { followUpFixture } from "./test-fixture.ts";
import {
  COURSES_NOT_IN_VERSION_TEXT,
  NOT_IN_VERSION_TEXT,
  PORTAL_NOT_IN_VERSION_TEXT,
} from "./text.ts";
import {
  CHANGE_FORMAT,
  MEAN_CHANGE_FORMAT,
  ONGOING_FORMAT,
  renderFollowUpXlsx,
  TKR_FORMAT,
} from "./xlsx.ts";

const BAND = { low: 80, high: 110 };

/** What a reader sees in a cell: its value, a date as ÅÅÅÅ-MM-DD, an empty cell as null. */
function seen(ws: Worksheet, row: number, col: number): unknown {
  const v = ws.getCell(row, col).value as unknown;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (v === undefined || v === "") return null;
  return v;
}

/** The rows of a sheet under its header, up to the first empty row. */
function body(ws: Worksheet): unknown[][] {
  const width = ws.getRow(1).cellCount;
  const rows: unknown[][] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const cells = Array.from({ length: width }, (_, c) => seen(ws, r, c + 1));
    if (cells.every((c) => c === null)) break;
    rows.push(cells);
  }
  return rows;
}

const headers = (ws: Worksheet) =>
  Array.from({ length: ws.getRow(1).cellCount }, (_, c) => ws.getCell(1, c + 1).value);

/** A participant count as the workbook holds it: the number, or the text of a hidden one. */
const count = (c: PersonCount) => ("value" in c ? c.value : formatStatistic(c));
const share = (s: PersonShare) => ("ratio" in s ? s.ratio : formatStatistic(s));
const yesNo = (a: YesNo) => (a === "ja" ? "Ja" : a === "nej" ? "Nej" : "Ej besvarad");

async function open(report: FollowUpReport) {
  const file = await renderFollowUpXlsx(report, { band: BAND });
  const wb = new Workbook();
  await wb.xlsx.load(file.body);
  const sheet = (name: string) => {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`bladet ${name} saknas`);
    return ws;
  };
  return { file, wb, sheet };
}

/** The row (1-based) whose column `col` holds `text`. */
function rowOf(ws: Worksheet, text: string, col = 1): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, col).value === text) return r;
  throw new Error(`ingen rad ${text}`);
}

describe("the follow-up workbook", () => {
  const report = followUpFixture();

  it("has a sheet per table in the report's order, with frozen bold headers", async () => {
    const { file, wb } = await open(report);
    expect(file.fileName).toBe("uppfoljning-uppland-2026-01-01-2026-06-30-v2.xlsx");
    expect(file.mediaType).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Sammanfattning",
      "Tabell 1",
      "Tabell 2",
      "Tabell 3",
      "Tabell 4",
      "Tabell 5",
      "Struktur och individ",
      "Tabell 6",
      "Tabell 7",
      "Deltagarnas bakgrund",
      "Tabell 8",
      "Progression",
      "Deltagarportalen",
      "Kurser",
      "Tyck till",
      "Avslutade insatser",
      "Definitioner",
    ]);
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(ws.getRow(1).font?.bold).toBe(true);
      expect(ws.getColumn(1).width).toBeGreaterThan(10);
    }
  });

  it("sums up the report: title, association, version, texts and the disclosure note", async () => {
    const { sheet } = await open(report);
    const ws = sheet("Sammanfattning");
    const value = (label: string) => ws.getCell(rowOf(ws, label), 2).value;
    expect(value("Rubrik")).toBe("Uppföljning av insatser – kvartal 1 och 2 2026");
    expect(value("Förbund")).toBe("Samordningsförbundet Uppland & Åsunda");
    expect(value("Version")).toBe("Låst version 2, 2026-09-14");
    expect(value("Jämförs med")).toBe("kvartal 3 och 4 2025");
    // the office's text where it wrote one, else the generated sentences
    expect(value("Sammanfattning")).toBe(
      "Under första halvåret var fem insatser aktiva.\n\nNästan hälften av dem som avslutades gick till arbete eller studier; kvinnorna något oftare än männen.",
    );
    expect(value("Bakgrund")).toBe(report.background.generated.join("\n\n"));
    const disclosure = String(value("Röjandekontroll"));
    expect(disclosure).toContain("tröskeln 5");
    expect(disclosure).toContain("I den här rapporten visas 11 uppgifter om deltagare inte.");
    for (const reason of report.disclosure.reasons) expect(disclosure).toContain(reason);
  });

  it("Tabell 1: the active initiatives, then those ended in the period, with the early end", async () => {
    const { sheet } = await open(report);
    const ws = sheet("Tabell 1");
    expect(headers(ws)).toEqual(["Grupp", "Insats", "Ägare", "Inriktning", "Start", "Slut"]);
    const ordered = [
      ...report.initiatives.filter((i) => i.group === "active"),
      ...report.initiatives.filter((i) => i.group === "ended_in_period"),
    ];
    expect(body(ws)).toEqual(
      ordered.map((i) => [
        i.group === "active" ? "Aktiva under perioden" : "Avslutade under perioden",
        i.name,
        i.owner,
        i.orientation === "structural"
          ? "Strukturinriktad"
          : `Individinriktad, ${i.individualKind === "forrehabiliterande" ? "förrehabiliterande" : "mot arbete/studier"}`,
        i.startDate,
        i.endDate,
      ]),
    );
    const heby = rowOf(ws, "Heby, Unga vuxna i arbete", 2);
    expect(ws.getCell(heby, 6).numFmt).toBe(DATE_FORMAT);
    expect(String(ws.getCell(heby, 6).note)).toContain("planerat slut 2026-12-31");
  });

  it("Tabell 2: phase, prognosis, the colour in words and filled, deviation, comment", async () => {
    const { sheet } = await open(report);
    const ws = sheet("Tabell 2");
    const inPhase = {
      ja: "Ja",
      ja_kommentar: "Ja*",
      nej: "Nej",
      for_tidigt: "För tidigt att utläsa",
    };
    expect(body(ws)).toEqual(
      report.goalStatus.map((g) => [
        g.name,
        g.inPhase ? inPhase[g.inPhase] : "–",
        g.prognosis === "ingen" ? "–" : g.prognosis === "ja" ? "Ja" : g.prognosis ? "Nej" : "–",
        g.colourText,
        g.deviationReport ? "Ja" : "Nej",
        g.comment,
      ]),
    );
    const fill = (name: string) =>
      (ws.getCell(rowOf(ws, name), 4).fill as { fgColor?: { argb?: string } } | undefined)?.fgColor
        ?.argb;
    expect(fill("Tierp, Växtverket")).toBe("FFD5EFDA");
    expect(fill("Uppsala, Steg framåt")).toBe("FFFFF0B3");
    expect(fill("Enköping, Kompetenslyft för handläggare")).toBe("FFF9D6D3");
    expect(fill("Älvkarleby, Vägen vidare")).toBeUndefined();
  });

  it("Tabell 3 and 5: every answer in words, unanswered ones said so", async () => {
    const { sheet } = await open(report);
    expect(body(sheet("Tabell 3"))).toEqual(
      report.preconditions.map((p) => [
        p.name,
        yesNo(p.startedOnTime),
        yesNo(p.vacanciesFunded),
        yesNo(p.vacanciesOwn),
        yesNo(p.budgetDeviationSubmitted),
      ]),
    );
    expect(body(sheet("Tabell 5"))).toEqual(
      report.quality.map((q) => [
        q.name,
        yesNo(q.steeringMeetingsAsAgreed),
        yesNo(q.allOrdinaryAttended),
        yesNo(q.followUpAsAgreed),
        yesNo(q.methodChecked),
        yesNo(q.targetGroupChecked),
        yesNo(q.equityDiscussed),
        yesNo(q.genderEqualityDiscussed),
        yesNo(q.deviationGoalsOrTargetGroup),
      ]),
    );
  });

  it("Tabell 4: kronor and ratios as numbers, the prognosis in words and colour, the totals", async () => {
    const { sheet } = await open(report);
    const ws = sheet("Tabell 4");
    const b = report.budget;
    expect(body(ws)).toEqual([
      ...b.rows.map((r) => [
        r.name,
        r.budget,
        r.outcome,
        r.ratioPercent === null ? null : r.ratioPercent / 100,
        r.prognosis,
      ]),
      ["Totalt", b.total.budget, b.total.outcome, (b.total.ratioPercent ?? 0) / 100, null],
    ]);
    const tierp = rowOf(ws, "Tierp, Växtverket");
    expect(ws.getCell(tierp, 2).numFmt).toBe(KRONOR_FORMAT);
    expect(ws.getCell(tierp, 4).numFmt).toBe(PERCENT_FORMAT);
    expect(ws.getRow(rowOf(ws, "Totalt")).font?.bold).toBe(true);
    expect(String(ws.getCell(rowOf(ws, "Totalt") + 2, 1).value)).toContain(
      "Normalintervall 80–110 %",
    );
  });

  it("Struktur och individ: counts and whole kronor shown in tkr", async () => {
    const { sheet } = await open(report);
    const ws = sheet("Struktur och individ");
    const names = {
      structural: "Strukturinriktad",
      individual: "Individinriktad",
      total: "Totalt",
    };
    expect(body(ws)).toEqual(
      report.structure.map((s) => [names[s.orientation], s.initiatives, s.outcome]),
    );
    expect(ws.getCell(2, 3).numFmt).toBe(TKR_FORMAT);
  });

  it("Tabell 6: both groups with their sums, then the total; hidden figures as text with a note", async () => {
    const { sheet } = await open(report);
    const ws = sheet("Tabell 6");
    const row = (group: string, r: IndividualRow) => [
      group,
      r.label,
      count(r.wholeTime),
      count(r.exitedWholeTime),
      count(r.exitedInPeriod),
      count(r.womenToWorkOrStudies),
      count(r.menToWorkOrStudies),
      share(r.shareToWorkOrStudies),
      share(r.shareWithActionPlan),
      count(r.ongoing),
    ];
    const groups = report.individual.groups;
    expect(groups).toHaveLength(2);
    expect(body(ws)).toEqual([
      ...groups.flatMap((g) => [...g.rows.map((r) => row(g.label, r)), row(g.label, g.total)]),
      row("Samtliga individinriktade insatser", report.individual.total),
    ]);
    // a hidden count: its text, a note saying why; a shown one: a number
    const alv = rowOf(ws, "Älvkarleby, Vägen vidare", 2);
    expect(ws.getCell(alv, 4).value).toBe("<\u00a05");
    expect(String(ws.getCell(alv, 4).note)).toContain("Färre än 5 personer");
    expect(ws.getCell(alv, 8).value).toBe("..");
    expect(String(ws.getCell(alv, 8).note)).toContain("färre än 5 personer i underlaget");
    const tierp = rowOf(ws, "Tierp, Växtverket", 2);
    expect(ws.getCell(tierp, 6).value).toBe("..");
    expect(String(ws.getCell(tierp, 6).note)).toContain("räknas fram");
    expect(ws.getCell(tierp, 3).value).toBe(118);
    expect(ws.getCell(tierp, 8).numFmt).toBe(PERCENT_FORMAT);
    const total = rowOf(ws, "Totalt", 2);
    expect(ws.getCell(total, 10).value).toBe("..");
    expect(ws.getRow(total).font?.bold).toBe(true);
    // the legend of "< 5" and ".." under the table
    const legend = rowOf(
      ws,
      "”< 5”: färre än 5 personer. ”..”: dold så att en annan dold uppgift inte kan räknas fram.",
    );
    expect(legend).toBeGreaterThan(total);
  });

  it("Tabell 7 and Deltagarnas bakgrund: counts and shares, hidden ones as text", async () => {
    const { sheet } = await open(report);
    expect(body(sheet("Tabell 7"))).toEqual(
      report.exitReasons.map((r) => [r.label, count(r.women), count(r.men), count(r.total)]),
    );
    const both = rowOf(sheet("Tabell 7"), "Både arbete och studier");
    expect(String(sheet("Tabell 7").getCell(both, 1).note)).toContain("Ingår i raderna ovan");
    expect(body(sheet("Deltagarnas bakgrund"))).toEqual([
      ["Inskrivna under perioden (antal)", count(report.participantBackground.enrolledInPeriod)],
      ...report.participantBackground.shares.map((s) => [s.label, share(s.share)]),
    ]);
  });

  it("Tabell 8: the change with its sign, the expected number, the initiatives behind", async () => {
    const { sheet } = await open(report);
    const ws = sheet("Tabell 8");
    expect(headers(ws)).toEqual([
      "Insats",
      "Deltagare\nhela insatstiden",
      "Förändring\nsedan kvartal 3 och 4 2025",
      "Förväntat antal\nenligt ansökan",
      "Efter målet",
    ]);
    const p = report.participants;
    const change = (c: PersonCount | null, negative: boolean) =>
      c === null ? null : "value" in c ? (negative ? -c.value : c.value) : formatStatistic(c);
    expect(body(ws)).toEqual([
      ...p.rows.map((r) => [
        r.name,
        count(r.wholeTime),
        change(r.change, r.changeNegative),
        r.expected?.count ?? null,
        r.behindTarget ? "Ja" : "Nej",
      ]),
      [
        "Totalt",
        count(p.total.wholeTime),
        change(p.total.change, p.total.changeNegative),
        null,
        null,
      ],
    ]);
    const tierp = rowOf(ws, "Tierp, Växtverket");
    expect(ws.getCell(tierp, 3).numFmt).toBe(CHANGE_FORMAT);
    expect(ws.getCell(rowOf(ws, "Uppsala, Steg framåt"), 4).numFmt).toBe(ONGOING_FORMAT);
    expect(rowOf(ws, p.behindTargetText ?? "")).toBeGreaterThan(rowOf(ws, "Totalt"));
  });

  it("a negative change is a negative number", async () => {
    const r = followUpFixture();
    const first = r.participants.rows[0];
    if (!first) throw new Error("the fixture has rows");
    first.change = { value: 3 };
    first.changeNegative = true;
    const { sheet } = await open(r);
    expect(sheet("Tabell 8").getCell(2, 3).value).toBe(-3);
  });

  it("Progression: shares and means as numbers, hidden ones as text with a note", async () => {
    const { sheet } = await open(report);
    const ws = sheet("Progression");
    expect(headers(ws)).toEqual([
      "Insats",
      "Instrument",
      "Andel\nmätta",
      "Mål för\nandel mätta",
      "Förändring\nkvinnor",
      "Förändring\nmän",
      "Förändring\ntotalt",
      "Andel\nförbättrade",
      "Par",
    ]);
    const mean = (m: ProgressionMean) =>
      "value" in m ? m.value : m.suppressed === "n_hidden" ? ".." : "–";
    expect(body(ws)).toEqual(
      (report.progression?.rows ?? []).map((r) => [
        r.name,
        `${r.instrument.name}, version ${r.instrument.version}`,
        share(r.measuredShare),
        r.targetText,
        mean(r.change.women),
        mean(r.change.men),
        mean(r.change.total),
        share(r.improvedShare),
        count(r.pairs),
      ]),
    );
    expect(body(ws)).toHaveLength(2);
    const tierp = rowOf(ws, "Tierp, Växtverket");
    expect(ws.getCell(tierp, 5).numFmt).toBe(MEAN_CHANGE_FORMAT);
    expect(ws.getCell(tierp, 3).numFmt).toBe(PERCENT_FORMAT);
    const uppsala = rowOf(ws, "Uppsala, Steg framåt");
    expect(String(ws.getCell(uppsala, 5).note ?? "")).toContain("visas inte");
  });

  it("Progression in a version locked before the section: the sheet says so", async () => {
    const old = followUpFixture();
    delete old.progression;
    const { sheet } = await open(old);
    const ws = sheet("Progression");
    expect(body(ws)).toEqual([]);
    expect(rowOf(ws, NOT_IN_VERSION_TEXT)).toBeGreaterThan(1);
  });

  it("Deltagarportalen: counts as numbers per month, hidden ones as text, the period's bookings", async () => {
    const { sheet } = await open(report);
    const ws = sheet("Deltagarportalen");
    expect(headers(ws)[0]).toBe("Månad");
    const section = report.portalUsage;
    if (!section) throw new Error("the fixture has the portal section");
    expect(body(ws)).toEqual([
      ...section.rows.map((r) => [
        r.label,
        count(r.women),
        count(r.men),
        count(r.total),
        count(r.new),
        count(r.returning),
        count(r.bookingsMade),
        count(r.bookingsKept),
        count(r.bookingsMissed),
        count(r.bookingsCancelled),
      ]),
      ["Hela perioden, bokningar", null, null, null, null, null, 56, 40, 6, 8],
    ]);
    expect(body(ws)[1]?.[2]).toBe("<\u00a05");
    expect(body(ws)[1]?.[5]).toBe("..");
    const february = rowOf(ws, "februari 2026");
    expect(String(ws.getCell(february, 3).note ?? "")).not.toBe("");
  });

  it("Deltagarportalen in a version locked before the section: the sheet says so", async () => {
    const old = followUpFixture();
    delete old.portalUsage;
    const { sheet } = await open(old);
    const ws = sheet("Deltagarportalen");
    expect(body(ws)).toEqual([]);
    expect(rowOf(ws, PORTAL_NOT_IN_VERSION_TEXT)).toBeGreaterThan(1);
  });

  it("Kurser and Tyck till: counts as numbers, hidden ones as text, free text as a count", async () => {
    const { sheet } = await open(report);
    const courses = sheet("Kurser");
    expect(headers(courses)[0]).toBe("Kurs");
    expect(body(courses)).toEqual([
      ["Samhällsorientering", 14, 11, 26, 6, "<\u00a05", "..", 88, 0.72],
    ]);
    const feedback = sheet("Tyck till");
    expect(body(feedback)).toEqual([
      [
        "Steget vidare",
        "Efter möten",
        "Hur nöjd är du med mötet?",
        31,
        "<\u00a05",
        "<\u00a05",
        6,
        11,
        10,
        "–",
      ],
      ["Steget vidare", "Slutenkäten", "Vad var bäst? (fritext)", 9, "–", "–", "–", "–", "–", "–"],
    ]);
  });

  it("Kurser and Tyck till in a version locked before the section: the sheets say so", async () => {
    const old = followUpFixture();
    delete old.coursesFeedback;
    const { sheet } = await open(old);
    for (const name of ["Kurser", "Tyck till"]) {
      expect(body(sheet(name))).toEqual([]);
      expect(rowOf(sheet(name), COURSES_NOT_IN_VERSION_TEXT)).toBeGreaterThan(1);
    }
  });

  it("Avslutade insatser and Definitioner", async () => {
    const { sheet } = await open(report);
    expect(body(sheet("Avslutade insatser"))).toEqual(
      report.endedInitiatives.map((e) => [
        e.name,
        e.owner,
        e.partners.join(", "),
        e.startDate,
        e.endDate,
        e.purpose,
        e.outcomeSummary,
      ]),
    );
    expect(body(sheet("Definitioner"))).toEqual(
      Object.entries(report.definitions).map(([key, d]) => [d.label, d.definition, d.source, key]),
    );
  });
});
