// The Word file of the follow-up report, unzipped and read as XML: the title, the association
// and the version with its lock status on every page, every section as a real heading in the
// order of domain/follow-up.md, the figures of the tables as the report has them (colours with
// their words), the three charts as Word charts whose data leave out every hidden figure and
// whose alt text says so, and the definitions as an appendix.
import { describe, expect, it } from "vitest";
import {
  headingTexts,
  keepForPreview,
  openDocx,
  paragraphTexts,
  pngLogo,
  tableTexts,
  xmlMismatch,
} from "../../documents/testing.ts";
import { formatMoney, formatNumber, roundToThousands } from "../../platform/i18n/format.ts";
import { formatStatistic } from "../../register/aggregates.ts";
import { renderFollowUpDocx } from "./docx.ts";
import { followUpFixture } from "./test-fixture.ts";
import { NOT_IN_VERSION_TEXT, PORTAL_NOT_IN_VERSION_TEXT } from "./text.ts";

const BAND = { low: 80, high: 110 };
const logo = { mediaType: "image/png", data: pngLogo(120, 40) };

/** The sections, in the order of domain/follow-up.md, then the appendix. */
const SECTIONS = [
  "Sammanfattning",
  "Bakgrund",
  "Tabell 1 Insatser",
  "Tabell 2 Nuläge mål",
  "Tabell 3 Förutsättningar för utfall",
  "Tabell 4 Prognos och utfall budget",
  "Tabell 5 Kvalitetssäkring",
  "Struktur och individ",
  "Tabell 6 Insatser med individinriktning",
  "Tabell 7 Avslutningsanledningar",
  "Deltagarnas bakgrund",
  "Tabell 8 Antal deltagare",
  "Progression",
  "Deltagarportalen",
  "Kurser och Tyck till",
  "Avslutade insatser",
  "Sammanfattande analys",
  "Bilaga: Definitioner",
];

async function render(report = followUpFixture()) {
  const file = await renderFollowUpDocx(report, { band: BAND, logo });
  keepForPreview(file.fileName, file.body);
  return { file, ...(await openDocx(file.body)) };
}

/** The table whose header row begins with these cells. */
function table(xml: string, ...head: string[]) {
  const found = tableTexts(xml).find((t) =>
    head.every((h, i) => t[0]?.cells[i]?.replace(/\n/g, " ") === h),
  );
  if (!found) throw new Error(`ingen tabell med rubrikerna ${head.join(", ")}`);
  return found.slice(1).map((r) => r.cells);
}

describe("the follow-up report as DOCX", () => {
  it("has the title, the association, and the version and lock status on every page", async () => {
    const { file, document, header, footer } = await render();
    expect(file.fileName).toBe("uppfoljning-uppland-2026-01-01-2026-06-30-v2.docx");
    expect(xmlMismatch(document)).toBeNull();
    const paragraphs = paragraphTexts(document);
    expect(paragraphs[0]).toBe("Uppföljning av insatser – kvartal 1 och 2 2026");
    expect(paragraphs[1]).toBe("Samordningsförbundet Uppland & Åsunda");
    expect(paragraphTexts(header).join(" ")).toContain("Samordningsförbundet Uppland & Åsunda");
    expect(paragraphTexts(header).join(" ")).toContain("Låst version 2, 2026-09-14");
    expect(paragraphTexts(footer).join(" ")).toContain(
      "Uppföljning av insatser – kvartal 1 och 2 2026 · Låst version 2, 2026-09-14",
    );
    expect(header).toContain("<pic:pic"); // the logo
  });

  it("says a draft is not locked", async () => {
    const report = followUpFixture();
    report.version = {
      id: "77777777-7777-4777-8777-777777777777",
      number: 3,
      status: "utkast",
      lockedAt: null,
      lockedBy: null,
    };
    const { header } = await render(report);
    expect(paragraphTexts(header).join(" ")).toContain("Utkast – inte låst");
  });

  it("has every section as a heading, in the order of the follow-up", async () => {
    const { document } = await render();
    expect(headingTexts(document, 1)).toEqual(SECTIONS);
    const level2 = headingTexts(document, 2);
    expect(level2).toContain("Röjandekontroll");
    expect(level2).toContain("Aktiva under perioden");
    expect(level2).toContain("Avslutade under perioden");
    expect(level2).toContain("Förrehabiliterande");
    expect(level2).toContain("Mot arbete/studier");
  });

  it("writes the office's summary, the generated background and the disclosure note", async () => {
    const report = followUpFixture();
    const { document } = await render(report);
    const text = paragraphTexts(document);
    expect(text).toContain("Under första halvåret var fem insatser aktiva.");
    expect(text).toContain("Texten är skriven av förbundets kansli.");
    for (const s of report.background.generated) expect(text).toContain(s);
    expect(text).toContain("I den här rapporten visas 11 uppgifter om deltagare inte.");
    for (const reason of report.disclosure.reasons) expect(text).toContain(reason);
  });

  it("has the figures of table 4 with the prognosis in words and coloured cells", async () => {
    const report = followUpFixture();
    const { document } = await render(report);
    const rows = table(document, "Insats", "Budget för perioden");
    expect(rows).toEqual([
      ...report.budget.rows.map((r) => [
        r.name,
        formatMoney(r.budget),
        formatMoney(r.outcome),
        r.ratioPercent === null ? "–" : `${r.ratioPercent}\u00a0%`,
        r.prognosis,
      ]),
      [
        "Totalt",
        formatMoney(report.budget.total.budget),
        formatMoney(report.budget.total.outcome),
        `${report.budget.total.ratioPercent}\u00a0%`,
        "",
      ],
    ]);
    // "Bevaka" on yellow, "Åtgärd" on red; the word is in the cell
    const cell = (text: string) =>
      [...document.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].find((m) =>
        m[0].includes(`>${text}</w:t>`),
      )?.[0] ?? "";
    expect(cell("Bevaka")).toContain('w:fill="FFF0B3"');
    expect(cell("Åtgärd")).toContain('w:fill="F9D6D3"');
  });

  it("has table 6's two groups and total, and hidden figures as < 5 or ..", async () => {
    const report = followUpFixture();
    const { document } = await render(report);
    const head = ["Insats", "Deltagare hela insatstiden", "Avslutade hela insatstiden"];
    const groups = tableTexts(document).filter((t) =>
      head.every((h, i) => t[0]?.cells[i]?.replace(/\n/g, " ") === h),
    );
    expect(groups).toHaveLength(3);
    const [pre, work, total] = groups.map((g) => g.slice(1).map((r) => r.cells));
    const cells = (r: (typeof report.individual.groups)[number]["total"]) => [
      r.label,
      formatStatistic(r.wholeTime),
      formatStatistic(r.exitedWholeTime),
      formatStatistic(r.exitedInPeriod),
      formatStatistic(r.womenToWorkOrStudies),
      formatStatistic(r.menToWorkOrStudies),
      formatStatistic(r.shareToWorkOrStudies),
      formatStatistic(r.shareWithActionPlan),
      formatStatistic(r.ongoing),
    ];
    const [g1, g2] = report.individual.groups;
    if (!g1 || !g2) throw new Error("the fixture has two groups");
    expect(pre).toEqual([...g1.rows.map(cells), cells(g1.total)]);
    expect(work).toEqual([...g2.rows.map(cells), cells(g2.total)]);
    expect(total).toEqual([cells(report.individual.total)]);
    expect(pre?.[1]?.[4]).toBe("<\u00a05");
    expect(work?.[0]?.[4]).toBe("..");
  });

  it("has table 7 and 8 as the report has them", async () => {
    const report = followUpFixture();
    const { document } = await render(report);
    expect(table(document, "Avslutningsanledning", "Kvinnor", "Män", "Totalt")).toEqual(
      report.exitReasons.map((r) => [
        r.partOf
          ? `${r.label}\nIngår i raderna ovan (arbete ej subventionerat, subventionerat arbete, eget företag); räknas inte med i summan.`
          : r.label,
        formatStatistic(r.women),
        formatStatistic(r.men),
        formatStatistic(r.total),
      ]),
    );
    const t8 = table(
      document,
      "Insats",
      "Deltagare hela insatstiden",
      "Förändring sedan kvartal 3 och 4 2025",
    );
    expect(t8.map((r) => r.slice(0, 4))).toEqual([
      ["Tierp, Växtverket", "118", "+49", "210"],
      ["Uppsala, Steg framåt", "64", "+12", "15 personer löpande"],
      ["Älvkarleby, Vägen vidare", "9", "–", "40"],
      ["Heby, Unga vuxna i arbete", "31", "<\u00a05", "–"],
      ["Totalt", "222", "+64", ""],
    ]);
    expect(paragraphTexts(document)).toContain(report.participants.behindTargetText);
  });

  it("has the progression table with the target in words and hidden means as ..", async () => {
    const { document } = await render();
    expect(table(document, "Insats", "Instrument", "Andel mätta")).toEqual([
      [
        "Tierp, Växtverket",
        "Framtidstro, version 2",
        "86\u00a0%",
        "Målet 50 % är uppnått.",
        "+1,42",
        "\u22120,5",
        "+0,77",
        "60\u00a0%",
        "25",
      ],
      [
        "Uppsala, Steg framåt",
        "Framtidstro, version 2",
        "..",
        "Målet 80 % kan inte bedömas: andelen mätta visas inte (röjandekontroll).",
        "..",
        "–",
        "0",
        "..",
        "<\u00a05",
      ],
    ]);
  });

  it("says when no initiative has a plan, and when a locked version predates the section", async () => {
    const none = followUpFixture();
    none.progression = { rows: [], noPlanText: "Ingen insats har en mätplan." };
    expect(paragraphTexts((await render(none)).document)).toContain("Ingen insats har en mätplan.");
    const old = followUpFixture();
    delete old.progression;
    const { document } = await render(old);
    expect(headingTexts(document, 1)).toEqual(SECTIONS);
    expect(paragraphTexts(document)).toContain(NOT_IN_VERSION_TEXT);
  });

  it("has the portal's use per month, hidden figures as < 5 and .., and the period's bookings", async () => {
    const { document } = await render();
    const rows = table(document, "Månad");
    expect(rows).toEqual([
      ["januari 2026", "12", "9", "23", "8", "15", "30", "21", "<\u00a05", "5"],
      [
        "februari 2026",
        "14",
        "<\u00a05",
        "17",
        "<\u00a05",
        "..",
        "26",
        "19",
        "<\u00a05",
        "<\u00a05",
      ],
      ["Hela perioden, bokningar", "", "", "", "", "", "56", "40", "6", "8"],
    ]);
    expect(paragraphTexts(document).join(" ")).toContain("Deltagarportalen: 4 uppgifter");
  });

  it("says when a locked version predates the portal section", async () => {
    const old = followUpFixture();
    delete old.portalUsage;
    const { document } = await render(old);
    expect(headingTexts(document, 1)).toEqual(SECTIONS);
    expect(paragraphTexts(document)).toContain(PORTAL_NOT_IN_VERSION_TEXT);
  });

  it("has the three charts as Word charts without any hidden figure, described in words", async () => {
    const report = followUpFixture();
    const { zip, document } = await render(report);
    const charts = await Promise.all(
      [1, 2, 3].map((n) => zip.file(`word/charts/chart${n}.xml`)?.async("string")),
    );
    expect(charts.every(Boolean)).toBe(true);
    expect(zip.file(/^word\/embeddings\/.*\.xlsx$/)).toHaveLength(3);
    // the alt texts, in order
    const described = [...document.matchAll(/<wp:docPr [^>]*name="([^"]*)" descr="([^"]*)"/g)];
    expect(described.map((m) => m[1])).toEqual([
      "Figur 1. Förbrukningskvot per insats",
      "Figur 2. Avslutningsanledningar efter kön",
      "Figur 3. Antal deltagare mot förväntat antal",
    ]);
    expect(described[1]?.[2]).toContain("uppgifter ritas inte");
    // the exit chart: each series' points are the shown counts only
    const exits = charts[1] ?? "";
    const rows = report.exitReasons.filter((r) => r.partOf === null);
    const series = [...exits.matchAll(/<c:ser>[\s\S]*?<\/c:ser>/g)].map((m) => m[0]);
    expect(series).toHaveLength(2);
    const points = (ser: string) => {
      const cache = /<c:val>[\s\S]*?<\/c:val>/.exec(ser)?.[0] ?? "";
      return [...cache.matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v>/g)].map((m) => [
        Number(m[1]),
        Number(m[2]),
      ]);
    };
    const shownOf = (pick: (r: (typeof rows)[number]) => (typeof rows)[number]["women"]) =>
      rows.flatMap((r, i) => {
        const c = pick(r);
        return "value" in c ? [[i, c.value]] : [];
      });
    expect(points(series[0] ?? "")).toEqual(shownOf((r) => r.women));
    expect(points(series[1] ?? "")).toEqual(shownOf((r) => r.men));
    expect(exits).not.toContain("&lt; 5");
    // the ratio chart: columns with the band as two lines
    const ratio = charts[0] ?? "";
    expect(ratio).toContain('<c:barDir val="col"/>');
    expect(ratio).toContain("<c:lineChart>");
    expect(ratio).toContain("Nedre gräns 80 %");
    expect(ratio).toContain("Övre gräns 110 %");
    for (const r of report.budget.rows) expect(ratio).toContain(r.name);
    // participants: "15 personer löpande" is not drawn as an expected total of 15
    const participants = charts[2] ?? "";
    expect(participants).toContain("Förväntat 210");
    expect(participants).not.toContain("Förväntat 15<");
  });

  it("follows each chart with its figures as a table", async () => {
    const { document } = await render();
    const headings = headingTexts(document, 3);
    expect(headings).toEqual(
      expect.arrayContaining([
        "Uppgifterna i figur 1",
        "Uppgifterna i figur 2",
        "Uppgifterna i figur 3",
      ]),
    );
    expect(table(document, "Insats", "Förbrukningskvot", "Prognos").at(-1)).toEqual([
      "Normalintervall",
      "80–110\u00a0%",
      "",
    ]);
  });

  it("ends with the ended initiatives, the analysis and the definitions", async () => {
    const report = followUpFixture();
    const { document } = await render(report);
    const text = paragraphTexts(document);
    const ended = report.endedInitiatives[0];
    expect(headingTexts(document, 2)).toContain(ended?.name);
    expect(text).toContain(ended?.purpose);
    expect(text).toContain(ended?.outcomeSummary);
    expect(text).toContain(
      "Förbrukningen i Enköping ligger över normalintervallet och följs upp med styrgruppen i september.",
    );
    expect(table(document, "Uppgift", "Definition och källa")).toEqual(
      Object.values(report.definitions).map((d) => [
        d.label,
        `${d.definition}\nKälla: ${d.source}`,
      ]),
    );
    // structure: the outcome in tkr
    expect(table(document, "Inriktning", "Aktiva insatser")).toEqual(
      report.structure.map((s) => [
        { structural: "Strukturinriktad", individual: "Individinriktad", total: "Totalt" }[
          s.orientation
        ],
        formatNumber(s.initiatives),
        formatNumber(roundToThousands(s.outcome)),
      ]),
    );
  });
});
