// Must-show 1 of the follow-up report: the office opens the half-year follow-up of the demo
// association (kvartal 1 och 2 2026, the office's draft), writes the analysis, locks the version
// for the board after the confirmation, and downloads the report as DOCX, PDF and XLSX (and
// JSON). The figures agree across all five outputs: every cell of tables 4 and 6 and of the
// progression table on the page is the JSON's, cell by cell; the XLSX holds the same numbers (hidden figures as the same marks);
// the DOCX and the PDF write the same texts. Every page is checked with axe; the board then
// reads the locked version.
import { Workbook } from "@cj-tech-master/excelts";
import JSZip from "jszip";
import type { Browser, BrowserContext, Download, Page } from "playwright-core";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cellText, reportTables } from "../../src/follow-up/documents/tables.ts";
import type { FollowUpReport } from "../../src/follow-up/model.ts";
import { checkA11y, launchBrowser } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import { DEMO, E2E_TIMEOUT, hydrated, newContext, sideNav, signIn, visit } from "./helpers.ts";

const BOARD = "styrelsen@demo.samspar.se";
const ANALYSIS =
  "Första halvåret 2026 gick insatserna mot arbete och studier enligt plan. Kansliet följer upp Knivsta, Unga i fokus, efter avvikelserapporten om målgruppen.";

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

async function signedIn(email: string): Promise<Page> {
  const context = await newContext(browser, { acceptDownloads: true });
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, server.baseUrl, email, DEMO.password);
  return page;
}

/** Clicks a download link and returns the file's bytes and name. */
async function download(page: Page, name: string): Promise<{ bytes: Buffer; file: string }> {
  const [file] = (await Promise.all([
    page.waitForEvent("download", { timeout: 60_000 }),
    // the PDF takes seconds to lay out: the click waits for the answer as long as the download
    page.getByRole("link", { name, exact: true }).click({ timeout: 60_000 }),
  ])) as [Download, unknown];
  const path = await file.path();
  const { readFile } = await import("node:fs/promises");
  return { bytes: await readFile(path), file: file.suggestedFilename() };
}

/** The cells of a report table on the page as their shown text, row by row (headings left out). */
async function pageCells(page: Page, table: string): Promise<string[][]> {
  return page.locator(`table[data-table="${table}"] tbody tr`).evaluateAll((rows) =>
    rows
      .filter((tr) => tr.querySelector('th[scope="row"]'))
      .map((tr) =>
        [...tr.querySelectorAll("th, td")].map((cell) => {
          const mark = cell.querySelector('[aria-hidden="true"]');
          if (mark) return (mark.textContent ?? "").trim();
          const copy = cell.cloneNode(true) as HTMLElement;
          for (const small of copy.querySelectorAll("small, br")) small.remove();
          return (copy.textContent ?? "").trim();
        }),
      ),
  );
}

/** The model's cells of a table of the report, as every output writes them. */
function modelCells(report: FollowUpReport, key: "individual" | "budget" | "progression") {
  const table = reportTables(report, { low: 80, high: 110 })[key];
  return table.parts.flatMap((p) => p.rows.map((r) => r.cells));
}

const squash = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, " ").trim();

describe("the follow-up report", () => {
  let page: Page;
  let reportUrl = "";

  it(
    "the office opens the half-year follow-up and writes the analysis",
    async () => {
      page = await signedIn(DEMO.admin);
      expect(await sideNav(page)).toContain("Uppföljning");
      await page
        .getByRole("navigation", { name: "Huvudmeny" })
        .getByRole("link", { name: "Uppföljning" })
        .click();
      await page.getByRole("heading", { level: 1, name: "Uppföljning av insatser" }).waitFor();
      await checkA11y(page, "uppföljningar");
      await page.getByRole("link", { name: "kvartal 1 och 2 2026" }).click();
      await page
        .getByRole("heading", { level: 1, name: "Uppföljning av insatser – kvartal 1 och 2 2026" })
        .waitFor();
      reportUrl = page.url().replace(/\?.*$/, "");
      await page.getByRole("heading", { name: "Utkast, version 1" }).waitFor();
      await checkA11y(page, "uppföljning, utkast");
      // the charts are drawn on the server, each with its figures as a table
      expect(await page.locator("figure svg[role=img]").count()).toBeGreaterThanOrEqual(2);
      // a definition is a click away
      const summary = page.getByText("Definitioner och underlag").first();
      await summary.click();
      await page.getByText("Källa: Insatsregistret").first().waitFor();

      await page.getByRole("link", { name: "Ändra texterna" }).click();
      await page.getByRole("heading", { level: 1, name: /Texterna i uppföljningen/ }).waitFor();
      await hydrated(page);
      await checkA11y(page, "uppföljningens texter");
      await page.getByLabel("Sammanfattande analys").fill(ANALYSIS);
      await page.getByRole("button", { name: "Spara texterna" }).click();
      await page.getByRole("status").filter({ hasText: "Texterna är sparade." }).waitFor();
      const analysis = page.getByRole("region", { name: "Sammanfattande analys" });
      await expect(analysis.textContent()).resolves.toContain(ANALYSIS);
      await expect(analysis.textContent()).resolves.toContain(
        "Texten är skriven av förbundets kansli.",
      );
      await checkA11y(page, "uppföljning, texterna sparade");
    },
    E2E_TIMEOUT * 3,
  );

  it(
    "locks the version after the confirmation",
    async () => {
      await page.getByRole("link", { name: "Lås version 1 för styrelsen" }).click();
      await page
        .getByRole("heading", { level: 1, name: /Lås version 1 av uppföljningen/ })
        .waitFor();
      await hydrated(page);
      await checkA11y(page, "lås uppföljningen");
      // without the confirmation nothing is locked
      await page.getByRole("button", { name: "Lås version 1" }).click();
      await page.getByText("Kryssa i att du har läst igenom rapporten").first().waitFor();
      await checkA11y(page, "lås uppföljningen, utan bekräftelse");
      await page
        .getByLabel("Jag har läst igenom rapporten och vill låsa den för styrelsen.")
        .check();
      await page.getByRole("button", { name: "Lås version 1" }).click();
      await page
        .getByRole("status")
        .filter({ hasText: "Version 1 är låst. Styrelsen kan läsa den, och den ändras aldrig." })
        .waitFor();
      await page.getByRole("heading", { name: "Låst version 1" }).waitFor();
      await expect(page.getByRole("link", { name: "Ändra texterna" }).count()).resolves.toBe(0);
      await checkA11y(page, "uppföljning, låst");
    },
    E2E_TIMEOUT * 3,
  );

  it(
    "downloads DOCX, PDF, XLSX and JSON whose figures agree with the page",
    async () => {
      const json = await download(page, "JSON");
      expect(json.file).toBe("uppfoljning-demo-2026-01-01-2026-06-30-v1.json");
      const report = JSON.parse(json.bytes.toString("utf8")) as FollowUpReport;
      expect(report.version).toMatchObject({ number: 1, status: "last" });
      expect(report.analysis.edited).toBe(ANALYSIS);

      // the page: every cell of tables 4 and 6 and of progression is the JSON's, cell by cell
      expect(report.progression?.rows.length).toBeGreaterThan(3);
      for (const key of ["budget", "individual", "progression"] as const) {
        const expected = modelCells(report, key).map((row) => row.map((c) => squash(cellText(c))));
        const shown = (await pageCells(page, key)).map((row) => row.map(squash));
        expect(shown).toEqual(expected);
        expect(shown.length).toBeGreaterThan(3);
      }

      // the workbook: one sheet per table, the same numbers (hidden figures as the same marks)
      const xlsx = await download(page, "Excel (XLSX), ett blad per tabell");
      expect(xlsx.file).toBe("uppfoljning-demo-2026-01-01-2026-06-30-v1.xlsx");
      const wb = new Workbook();
      await wb.xlsx.load(xlsx.bytes);
      for (const [key, name] of [
        ["budget", "Tabell 4"],
        ["individual", "Tabell 6"],
        ["progression", "Progression"],
      ] as const) {
        const ws = wb.getWorksheet(name);
        if (!ws) throw new Error(`no sheet ${name}`);
        const offset = key === "individual" ? 1 : 0; // table 6 has its group in column A
        const rows = modelCells(report, key);
        rows.forEach((cells, r) => {
          cells.forEach((cell, c) => {
            const value = ws.getCell(r + 2, offset + c + 1).value as unknown;
            const where = `${name} rad ${r + 2} kolumn ${offset + c + 1}`;
            switch (cell.kind) {
              case "count":
                expect(value, where).toBe("value" in cell.cell ? cell.cell.value : cellText(cell));
                break;
              case "share":
                expect(value, where).toBe(
                  "ratio" in cell.share ? cell.share.ratio : cellText(cell),
                );
                break;
              case "money":
                expect(value, where).toBe(cell.value);
                break;
              case "percent":
                expect(value, where).toBe(cell.value === null ? null : cell.value / 100);
                break;
              case "text":
                expect(value, where).toBe(cell.text === "" ? null : cell.text);
                break;
              case "mean":
                expect(value, where).toBe("value" in cell.mean ? cell.mean.value : cellText(cell));
                break;
            }
          });
        });
      }

      // the Word document and the PDF write the same texts of tables 4 and 6 and of progression
      const docx = await download(page, "Word (DOCX)");
      expect(docx.file).toBe("uppfoljning-demo-2026-01-01-2026-06-30-v1.docx");
      const xml = await (await JSZip.loadAsync(docx.bytes))
        .file("word/document.xml")
        ?.async("string");
      const wordText = squash(
        (xml ?? "")
          .replace(/<\/w:p>/g, "\n")
          .replace(/<[^>]+>/g, "")
          .replace(/&lt;/g, "<")
          .replace(/&gt;/g, ">")
          .replace(/&amp;/g, "&"),
      );
      const pdf = await download(page, "PDF");
      expect(pdf.file).toBe("uppfoljning-demo-2026-01-01-2026-06-30-v1.pdf");
      const proxy = await getDocumentProxy(new Uint8Array(pdf.bytes));
      const pdfText = squash((await extractText(proxy, { mergePages: true })).text);
      for (const key of ["budget", "individual", "progression"] as const)
        for (const row of modelCells(report, key)) {
          const texts = row.map((c) => squash(cellText(c))).filter((s) => s !== "");
          for (const text of texts) {
            expect(wordText, `DOCX: ${text}`).toContain(text);
            expect(pdfText.replace(/ /g, ""), `PDF: ${text}`).toContain(text.replace(/ /g, ""));
          }
        }
      expect(wordText).toContain(ANALYSIS);
    },
    E2E_TIMEOUT * 4,
  );

  it(
    "the board reads the locked version, and cannot change it",
    async () => {
      const board = await signedIn(BOARD);
      await visit(
        board,
        server.baseUrl,
        reportUrl.replace(server.baseUrl, ""),
        "uppföljning, styrelsen",
      );
      await board.getByRole("heading", { name: "Låst version 1" }).waitFor();
      const analysis = board.getByRole("region", { name: "Sammanfattande analys" });
      await expect(analysis.textContent()).resolves.toContain(ANALYSIS);
      await expect(board.getByRole("link", { name: "Ändra texterna" }).count()).resolves.toBe(0);
      const edit = await board.request.get(`${reportUrl}/andra`);
      expect(edit.status()).toBe(403);
    },
    E2E_TIMEOUT,
  );
});
