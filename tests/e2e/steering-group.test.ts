// Browser journey through the demo's steering group of "Tierp, Växtverket" (which already has
// members and a history of meetings): the initiative lead adds two members, a held meeting (a
// future one marked held is refused at its field), ticks attendance, and uploads the minutes as
// a PDF (a program is refused at the file field); the meeting list counts the attendance and the
// document. Without JavaScript the upload works too and the document downloads as it was
// uploaded. Both pages are checked with axe.
import { eq } from "drizzle-orm";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInSweden } from "../../src/applications/workflow.ts";
import { initiatives } from "../../src/initiatives/schema.ts";
import { checkA11y, checkedPages, launchBrowser } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import { DEMO, E2E_TIMEOUT, hydrated, newContext, signIn } from "./helpers.ts";

const LEAD = "insatsansvarig@demo.samspar.se";
const MINIMAL_PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  "latin1",
);
const today = todayInSweden();
const tomorrow = (() => {
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
})();

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let groupPath = "";
let meetingPath = "";
/** The attendance checkboxes' labels of the journey's meeting: everyone sitting on the day. */
let attendanceLabels: string[] = [];
/** How many meetings the group's list showed before the journey added one. */
let meetingsBefore = -1;
const KARIN = "Karin Ek (Ordinarie, Tierps kommun)";
const NILS = "Nils Åberg (Ordinarie, Försäkringskassan)";

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer();
  const [vaxtverket] = await server.db
    .select({ id: initiatives.id })
    .from(initiatives)
    .where(eq(initiatives.name, "Tierp, Växtverket"));
  if (!vaxtverket) throw new Error("demo initiative missing");
  groupPath = `/demo/insatser/${vaxtverket.id}/styrgrupp`;
  context = await newContext(browser);
  page = await context.newPage();
  await signIn(page, server.baseUrl, LEAD, DEMO.password);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Clicks a form's button and waits for the POST it makes; answers its status. */
async function act(p: Page, button: Locator): Promise<number> {
  const [response] = await Promise.all([
    p.waitForResponse((r) => r.request().method() === "POST"),
    button.click(),
  ]);
  await p.waitForLoadState("load");
  return response.status();
}

const notice = (p: Page, text: string) => p.locator(".notice", { hasText: text }).waitFor();
const button = (p: Page, name: string) => p.getByRole("main").getByRole("button", { name });
const memberRows = (p: Page) =>
  p.getByRole("region", { name: "Ledamöter" }).locator("table tbody tr");
const meetingRows = (p: Page) => p.getByRole("region", { name: "Möten" }).locator("table tbody tr");
/** A member's row in the table of the member's party, by the member's name. */
const memberRow = (p: Page, party: string, name: string) =>
  p
    .getByRole("table", { name: `Ledamöter för ${party}` })
    .locator("tbody tr")
    .filter({ has: p.getByRole("rowheader", { name, exact: true }) });

async function addMember(
  party: string,
  name: string,
  title: string,
  membership: "Ordinarie" | "Ersättare",
) {
  await page.getByLabel(/^Part/).selectOption({ label: party });
  await page.getByLabel(/^Namn/).fill(name);
  await page.getByLabel("Titel eller befattning").fill(title);
  await page.getByLabel(membership, { exact: true }).check();
  await page.getByLabel(/^Ingår i styrgruppen från och med/).fill("2025-01-01");
  await act(page, button(page, "Lägg till ledamoten"));
  await notice(page, "Ledamoten är tillagd.");
  // the notice may still be the previous one's: the member's row tells the page is new
  await page.getByRole("region", { name: "Ledamöter" }).getByRole("rowheader", { name }).waitFor();
}

describe("a steering group, from members to minutes", () => {
  it(
    "the lead adds two members and a held meeting; a future meeting cannot be held",
    async () => {
      await page.goto(server.baseUrl + groupPath);
      await hydrated(page);
      await page.getByRole("heading", { level: 1, name: "Styrgrupp: Tierp, Växtverket" }).waitFor();
      const membersBefore = await memberRows(page).count();
      meetingsBefore = await meetingRows(page).count();
      // the demo's group has members and meetings, but neither of the journey's
      expect(membersBefore).toBeGreaterThan(0);
      expect(meetingsBefore).toBeGreaterThan(0);
      expect(await memberRow(page, "Tierps kommun", "Karin Ek").count()).toBe(0);
      expect(await memberRow(page, "Försäkringskassan", "Nils Åberg").count()).toBe(0);
      expect(
        await meetingRows(page)
          .filter({ has: page.getByRole("rowheader", { name: `Mötet ${today}`, exact: true }) })
          .count(),
      ).toBe(0);

      await addMember("Tierps kommun", "Karin Ek", "Socialchef", "Ordinarie");
      await addMember("Försäkringskassan", "Nils Åberg", "Enhetschef", "Ordinarie");
      expect(await memberRows(page).count()).toBe(membersBefore + 2);
      const text = async (row: Locator) =>
        (await row.textContent())?.replace(/\s+/g, " ").trim() ?? "";
      const karin = await text(memberRow(page, "Tierps kommun", "Karin Ek"));
      expect(karin).toContain("Ordinarie");
      expect(karin).toContain("Socialchef");
      expect(karin).toContain("från 2025-01-01");
      const nils = await text(memberRow(page, "Försäkringskassan", "Nils Åberg"));
      expect(nils).toContain("Enhetschef");
      expect(nils).toContain("från 2025-01-01");
      await checkA11y(page, "steering group with members");

      // planned for tomorrow, but marked as held: refused at the checkbox, nothing stored
      await page.getByLabel(/^Mötets datum/).fill(tomorrow);
      await page.getByLabel("Mötet är hållet").check();
      expect(await act(page, button(page, "Lägg till mötet"))).toBe(400);
      await page.locator("#meeting-held-error").waitFor();
      expect(await page.locator("#meeting-held-error").textContent()).toBe(
        "Ett möte som inte har ägt rum kan inte markeras som hållet.",
      );
      expect(await meetingRows(page).count()).toBe(meetingsBefore);
      expect(
        await meetingRows(page)
          .filter({ has: page.getByRole("rowheader", { name: `Mötet ${tomorrow}`, exact: true }) })
          .count(),
      ).toBe(0);
      await checkA11y(page, "steering group with a refused meeting");

      await page.getByLabel(/^Mötets datum/).fill(today);
      await page.getByLabel("Dagordning").fill("1. Budget\n2. Rekrytering");
      await act(page, button(page, "Lägg till mötet"));
      await page.waitForURL(/\/moten\//);
      await notice(page, "Mötet är tillagt.");
      meetingPath = new URL(page.url()).pathname;
      expect(meetingPath).toMatch(new RegExp(`^${groupPath}/moten/[0-9a-f-]{36}$`));
    },
    E2E_TIMEOUT,
  );

  it(
    "records attendance, refuses a program at the file field and lists the uploaded minutes",
    async () => {
      await page.getByRole("heading", { level: 1, name: `Styrgruppsmöte ${today}` }).waitFor();
      await checkA11y(page, "steering group meeting");
      const attendance = page.getByRole("group", { name: /^Närvaro/ });
      // everyone sitting in the group today, the new members too, nobody ticked yet
      attendanceLabels = (await attendance.locator("label").allTextContents()).map((l) => l.trim());
      expect(attendanceLabels).toEqual(expect.arrayContaining([KARIN, NILS]));
      // the Försäkringskassan member replaced at the turn of the year is not asked about
      expect(attendanceLabels.filter((l) => l.startsWith("Anders Lund"))).toEqual([]);
      expect(await attendance.locator("input[type=checkbox]:checked").count()).toBe(0);
      const ordinary = attendanceLabels.filter((l) => l.includes("(Ordinarie, ")).length;
      expect(ordinary).toBeGreaterThan(2);
      await attendance.getByLabel(KARIN, { exact: true }).check();
      expect(await attendance.getByLabel(NILS, { exact: true }).isChecked()).toBe(false);
      await page.getByLabel("Beslut").fill("Budgeten fastställdes.");
      await act(page, button(page, "Spara mötet"));
      await notice(page, "Mötet är sparat.");
      expect(await attendance.getByLabel(KARIN, { exact: true }).isChecked()).toBe(true);
      expect(await attendance.locator("input[type=checkbox]:checked").count()).toBe(1);

      await page.getByLabel("Välj fil").setInputFiles({
        name: "protokoll.exe",
        mimeType: "application/pdf",
        buffer: Buffer.concat([Buffer.from("MZ\x90\x00", "latin1"), Buffer.alloc(512, 1)]),
      });
      expect(await act(page, button(page, "Ladda upp"))).toBe(400);
      await page.locator("#file-error").waitFor();
      expect(await page.locator("#file-error").textContent()).toBe(
        "protokoll.exe är inte ett dokument. Ladda upp protokollet som PDF eller Word (docx).",
      );
      expect(await page.getByLabel("Välj fil").getAttribute("aria-invalid")).toBe("true");
      await checkA11y(page, "steering group meeting with a refused file");

      await page.getByLabel("Välj fil").setInputFiles({
        name: "Protokoll styrgrupp.pdf",
        mimeType: "application/pdf",
        buffer: MINIMAL_PDF,
      });
      await act(page, button(page, "Ladda upp"));
      await notice(page, "Dokumentet är uppladdat.");
      const documents = page
        .getByRole("region", { name: "Protokoll och dokument" })
        .locator("table");
      expect(await documents.getByRole("link", { name: "Protokoll styrgrupp.pdf" }).count()).toBe(
        1,
      );
      expect(await documents.locator("caption").textContent()).toBe("Ett dokument till mötet");

      await page.getByRole("link", { name: "Tillbaka till styrgruppen" }).click();
      await page.getByRole("heading", { level: 1, name: "Styrgrupp: Tierp, Växtverket" }).waitFor();
      const meeting = meetingRows(page).filter({
        has: page.getByRole("rowheader", { name: `Mötet ${today}`, exact: true }),
      });
      expect(await meeting.count()).toBe(1);
      expect(await meetingRows(page).count()).toBe(meetingsBefore + 1);
      const cells = await meeting.locator("td").allTextContents();
      expect(cells).toEqual(["Ja", `1 av ${ordinary} ordinarie`, "1"]);
      await checkA11y(page, "steering group with a meeting");
    },
    E2E_TIMEOUT,
  );

  it(
    "without JavaScript, uploads minutes in a plain multipart form and downloads them back",
    async () => {
      const plain = await newContext(browser, { javaScriptEnabled: false });
      try {
        const p = await plain.newPage();
        await signIn(p, server.baseUrl, LEAD, DEMO.password);
        await p.goto(server.baseUrl + meetingPath);
        await p.getByLabel("Välj fil").setInputFiles({
          name: "bilaga.pdf",
          mimeType: "application/pdf",
          buffer: MINIMAL_PDF,
        });
        expect(await act(p, button(p, "Ladda upp"))).toBe(302);
        await notice(p, "Dokumentet är uppladdat.");
        await checkA11y(p, "steering group meeting (no JS)");
        const link = p.getByRole("link", { name: "bilaga.pdf" });
        const href = await link.getAttribute("href");
        expect(href).toMatch(new RegExp(`^${groupPath}/bilagor/[0-9a-f-]{36}$`));
        const download = await plain.request.get(server.baseUrl + href);
        expect(download.status()).toBe(200);
        expect(download.headers()["content-type"]).toBe("application/pdf");
        expect(download.headers()["content-disposition"]).toBe(
          "attachment; filename=\"bilaga.pdf\"; filename*=UTF-8''bilaga.pdf",
        );
        expect(Buffer.compare(await download.body(), MINIMAL_PDF)).toBe(0);
      } finally {
        await plain.close();
      }
    },
    E2E_TIMEOUT,
  );

  it(
    "a member of the steering group reads the meeting, its attendance and minutes, without forms",
    async () => {
      const plain = await newContext(browser, { javaScriptEnabled: false });
      try {
        const p = await plain.newPage();
        await signIn(p, server.baseUrl, "styrgruppen@demo.samspar.se", DEMO.password);
        await p.goto(server.baseUrl + meetingPath);
        await p.getByRole("heading", { level: 1, name: `Styrgruppsmöte ${today}` }).waitFor();
        expect(await p.getByRole("main").locator("form").count()).toBe(0);
        expect(attendanceLabels, "the attendance of the test before").toContain(KARIN);
        expect(await p.getByRole("main").getByRole("listitem").allTextContents()).toEqual(
          attendanceLabels.map((l) => `${l}: ${l === KARIN ? "Närvarande" : "Frånvarande"}`),
        );
        expect(await p.getByText("Budgeten fastställdes.").count()).toBe(1);
        expect(await p.getByRole("link", { name: "Protokoll styrgrupp.pdf" }).count()).toBe(1);
        await checkA11y(p, "steering group meeting, read only (no JS)");
        await p.goto(server.baseUrl + groupPath);
        expect(await p.getByRole("main").locator("form").count()).toBe(0);
        await checkA11y(p, "steering group, read only (no JS)");
      } finally {
        await plain.close();
      }
    },
    E2E_TIMEOUT,
  );

  it("checked every page built here with axe", () => {
    expect(checkedPages).toEqual(
      expect.arrayContaining([
        "steering group with members",
        "steering group with a refused meeting",
        "steering group meeting",
        "steering group meeting with a refused file",
        "steering group with a meeting",
        "steering group meeting (no JS)",
        "steering group meeting, read only (no JS)",
        "steering group, read only (no JS)",
      ]),
    );
  });
});
