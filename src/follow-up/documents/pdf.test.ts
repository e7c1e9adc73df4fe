// The PDF of the follow-up report, read with PDF.js as a reader would: it has pages, a text
// layer with the title, the association and the version and lock status on every page, every
// section in order, the figures as the report has them, and the charts drawn with real text
// (their labels are searchable) — never a hidden figure. Its fonts are embedded.
import { describe, expect, it } from "vitest";
import { renderPdf } from "../../documents/pdf.ts";
import { keepForPreview, pdfText, pngLogo, squash } from "../../documents/testing.ts";
import { formatMoney } from "../../platform/i18n/format.ts";
import { followUpDocument } from "./document.ts";
import { renderFollowUpPdf } from "./pdf.ts";
import { followUpFixture } from "./test-fixture.ts";

const BAND = { low: 80, high: 110 };
const logo = { mediaType: "image/png", data: pngLogo(120, 40) };

describe("the follow-up report as PDF", () => {
  it("has pages, the title and the version and lock status on every page", async () => {
    const report = followUpFixture();
    const file = await renderFollowUpPdf(report, { band: BAND, logo });
    keepForPreview(file.fileName, file.body);
    expect(file.fileName).toBe("uppfoljning-uppland-2026-01-01-2026-06-30-v2.pdf");
    expect(file.mediaType).toBe("application/pdf");
    expect(file.body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const { pages, info } = await pdfText(file.body);
    expect(pages.length).toBeGreaterThan(4);
    expect(info.Title).toBe(
      "Uppföljning av insatser – kvartal 1 och 2 2026: Samordningsförbundet Uppland & Åsunda",
    );
    const first = squash(pages[0] ?? "");
    expect(first).toContain(squash("Uppföljning av insatser – kvartal 1 och 2 2026"));
    expect(first).toContain(squash("Samordningsförbundet Uppland & Åsunda"));
    pages.forEach((page, i) => {
      expect(squash(page)).toContain(squash("Låst version 2, 2026-09-14"));
      expect(squash(page)).toContain(squash(`Sida ${i + 1} av ${pages.length}`));
    });
  });

  it("has every section in order, the figures, and the charts' labels as text", async () => {
    const report = followUpFixture();
    const file = await renderFollowUpPdf(report, { band: BAND });
    const text = squash((await pdfText(file.body)).pages.join(""));
    let at = 0;
    for (const title of [
      "Sammanfattning",
      "Bakgrund",
      "Röjandekontroll",
      "Tabell 1 Insatser",
      "Tabell 2 Nuläge mål",
      "Tabell 3 Förutsättningar för utfall",
      "Tabell 4 Prognos och utfall budget",
      "Figur 1. Förbrukningskvot per insats",
      "Tabell 5 Kvalitetssäkring",
      "Struktur och individ",
      "Tabell 6 Insatser med individinriktning",
      "Tabell 7 Avslutningsanledningar",
      "Figur 2. Avslutningsanledningar efter kön",
      "Deltagarnas bakgrund",
      "Tabell 8 Antal deltagare",
      "Figur 3. Antal deltagare mot förväntat antal",
      "Progression",
      "Målet 50 % är uppnått.",
      "Deltagarportalen",
      "januari 2026",
      "Avslutade insatser",
      "Sammanfattande analys",
      "Bilaga: Definitioner",
    ]) {
      const found = text.indexOf(squash(title), at);
      expect(found, title).toBeGreaterThan(at - 1);
      at = found;
    }
    expect(text).toContain(squash(formatMoney(report.budget.total.outcome)));
    expect(text).toContain(squash("I den här rapporten visas 11 uppgifter om deltagare inte."));
    // the charts' text: bar labels, the band's limits, the axis
    for (const label of [
      "93 % OK",
      "140 % Åtgärd",
      "Kvinnor 6",
      "Män 5",
      "Deltagare 118",
      "Förväntat 210",
      "80 %",
      "110 %",
      "Antal personer",
    ])
      expect(text, label).toContain(squash(label));
  });

  it("draws a chart's figures and never a hidden one", async () => {
    const report = followUpFixture();
    // the exit chart alone, so its text is the chart's
    const model = followUpDocument(report, { band: BAND });
    const figure = model.nodes.find(
      (n) => n.type === "figure" && n.figure.caption.startsWith("Figur 2"),
    );
    if (!figure) throw new Error("no exit chart");
    const body = await renderPdf({ ...model, nodes: [figure] }, undefined);
    const [page = ""] = (await pdfText(body)).pages;
    const labels = [...page.matchAll(/(Kvinnor|Män) (\d+)/g)].map((m) => `${m[1]} ${m[2]}`);
    const shown = report.exitReasons
      .filter((r) => r.partOf === null)
      .flatMap((r) => [
        ...("value" in r.women ? [`Kvinnor ${r.women.value}`] : []),
        ...("value" in r.men ? [`Män ${r.men.value}`] : []),
      ]);
    expect(labels.sort()).toEqual(shown.sort());
    expect(page).not.toContain("<");
  });

  it("embeds its fonts and refers to no font it does not carry", async () => {
    const file = await renderFollowUpPdf(followUpFixture(), { band: BAND });
    const raw = file.body.toString("latin1");
    expect(raw).not.toMatch(/\/BaseFont\s*\/Helvetica/);
    const fonts = raw.match(/\/Type\s*\/Font\b/g) ?? [];
    const embedded = raw.match(/\/FontFile2\b/g) ?? [];
    expect(fonts.length).toBeGreaterThan(0);
    expect(embedded.length).toBeGreaterThan(0);
  });
});
