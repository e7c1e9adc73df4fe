// The download routes of the reports' documents, through the whole HTTP application (needs
// the web build: `npm run build`), on the demo association with its reports made for the test:
// periodic reports from the calendar, a deviation report and a final report of the initiative
// lead's Växtverket, and a periodic report of an initiative that is not the lead's.
import { eq } from "drizzle-orm";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, sessionFor, type TestApp } from "../../../tests/support/app.ts";
import { createTestDatabase, type TestDatabase } from "../../../tests/support/database.ts";
import { associations } from "../../associations/schema.ts";
import { auditEvents } from "../../audit/schema.ts";
import { pdfText, squash } from "../../documents/testing.ts";
import { users } from "../../people/schema.ts";
import { ensurePeriodicReports } from "../calendar.ts";
import { createDeviationReport } from "../deviation-reports.ts";
import { createFinalReport } from "../final-reports.ts";
import { listPeriodicReports } from "../periodic-reports.ts";

let t: TestDatabase;
let app: TestApp;
const as: Record<"admin" | "board" | "lead" | "steering" | "coach", string> = {
  admin: "",
  board: "",
  lead: "",
  steering: "",
  coach: "",
};
const actor = { userId: null, label: "test" };
/** The lead's Växtverket: a periodic, a deviation and a final report; one report not theirs. */
let own: { periodic: string; deviation: string; final: string };
let other: string;

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  const [demo] = await t.db.select().from(associations).where(eq(associations.slug, "demo"));
  const associationId = demo?.id ?? "";
  const people = await t.db.select().from(users);
  const idOf = (email: string) => people.find((u) => u.email === email)?.id ?? "";
  as.admin = await sessionFor(t, idOf("forbundschef@demo.samspar.se"));
  as.board = await sessionFor(t, idOf("styrelsen@demo.samspar.se"));
  as.lead = await sessionFor(t, idOf("insatsansvarig@demo.samspar.se"));
  as.steering = await sessionFor(t, idOf("styrgruppen@demo.samspar.se"));
  as.coach = await sessionFor(t, idOf("coach@demo.samspar.se"));
  await ensurePeriodicReports(t.db, associationId, "2026-05-10");
  const all = await listPeriodicReports(t.db, associationId, { visible: "all" });
  const vaxtverket = all.find((r) => r.initiativeName === "Tierp, Växtverket");
  const notTheirs = all.find((r) => r.initiativeName !== "Tierp, Växtverket");
  if (!vaxtverket || !notTheirs) throw new Error("the demo needs running initiatives");
  const deviation = await createDeviationReport(
    t.db,
    actor,
    associationId,
    vaxtverket.initiativeId,
    {
      types: ["bemanning"],
      description: "En coach slutade i mars.",
      cause: "",
      consequence: "",
      measures: "",
      request: "ingen",
    },
  );
  const final = await createFinalReport(t.db, actor, associationId, vaxtverket.initiativeId);
  own = { periodic: vaxtverket.id, deviation, final: final.id };
  other = notTheirs.id;
  app = await createTestApp(t);
});
afterAll(() => t?.drop());

const url = (path: string, id: string, format?: string) =>
  `/demo/${path}/${id}/dokument${format ? `?format=${format}` : ""}`;

describe("the periodic report's document route", () => {
  it("sends the PDF and the DOCX as attachments that are not cached, and logs no read", async () => {
    const before = await t.db.$count(auditEvents);
    const pdf = await app.fetch(url("rapporter", own.periodic, "pdf"), { as: as.admin });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("cache-control")).toBe("no-store");
    expect(pdf.headers.get("content-disposition")).toMatch(
      /^attachment; filename="(Kvartalsrapport|Tertialrapport)-\d{4}-[KT]\d-Tierp-Vaxtverket\.pdf"$/,
    );
    const body = Buffer.from(await pdf.arrayBuffer());
    expect(body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.headers.get("content-length")).toBe(String(body.length));
    const text = squash((await pdfText(body)).pages.join("\n"));
    expect(text).toContain(squash("Tierp, Växtverket"));
    expect(text).toContain(squash("Samordningsförbundet"));

    // the lead and the steering group of the initiative, and the board, read it too
    for (const who of [as.lead, as.steering, as.board]) {
      const docx = await app.fetch(url("rapporter", own.periodic, "docx"), { as: who });
      expect(docx.status).toBe(200);
      expect(docx.headers.get("content-type")).toBe(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      );
      expect(docx.headers.get("content-disposition")).toMatch(/filename=".+\.docx"$/);
      const zip = await JSZip.loadAsync(Buffer.from(await docx.arrayBuffer()));
      const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
      expect(xml).toContain("2.4 Mål och delmål");
    }
    expect(await t.db.$count(auditEvents)).toBe(before);
  });

  it("sends a PDF when no format is asked for, and refuses an unknown one in plain Swedish", async () => {
    const plain = await app.fetch(url("rapporter", own.periodic), { as: as.admin });
    expect(plain.headers.get("content-type")).toBe("application/pdf");
    const res = await app.fetch(url("rapporter", own.periodic, "xlsx"), { as: as.admin });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await res.text()).toMatch(/format=pdf.*format=docx/);
  });

  it("answers 404 for a report that does not exist, 403 for one that is not the person's", async () => {
    for (const id of ["00000000-0000-4000-8000-000000000000", "inte-ett-id"]) {
      const res = await app.fetch(url("rapporter", id, "pdf"), { as: as.admin });
      expect({ id, status: res.status }).toEqual({ id, status: 404 });
      expect(await res.text()).toBe("Rapporten finns inte.\n");
    }
    const notTheirs = await app.fetch(url("rapporter", other, "pdf"), { as: as.lead });
    expect(notTheirs.status).toBe(403);
    expect(await notTheirs.text()).not.toContain("%PDF");
    const foreign = await app.fetch(`/annat/rapporter/${own.periodic}/dokument?format=pdf`, {
      as: as.admin,
    });
    expect(foreign.status).toBe(404);
  });

  it("refuses roles without reports and sends the signed-out to sign in", async () => {
    expect((await app.fetch(url("rapporter", own.periodic, "pdf"), { as: as.coach })).status).toBe(
      403,
    );
    const anonymous = await app.fetch(url("rapporter", own.periodic, "pdf"));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/logga-in\?till=/);
  });
});

describe("the deviation and final reports' document routes", () => {
  it("send their documents to those who see the report, and refuse the others", async () => {
    for (const [path, id, name, missing] of [
      ["avvikelser", own.deviation, "Avvikelserapport", "Avvikelserapporten finns inte."],
      ["slutrapporter", own.final, "Slutrapport", "Slutrapporten finns inte."],
    ] as const) {
      const pdf = await app.fetch(url(path, id, "pdf"), { as: as.lead });
      expect({ path, status: pdf.status }).toEqual({ path, status: 200 });
      expect(pdf.headers.get("cache-control")).toBe("no-store");
      expect(pdf.headers.get("content-disposition")).toMatch(
        new RegExp(`^attachment; filename="${name}-utkast-Tierp-Vaxtverket\\.pdf"$`),
      );
      const text = squash((await pdfText(Buffer.from(await pdf.arrayBuffer()))).pages.join(""));
      expect(text).toContain(squash(`${name}`));
      const docx = await app.fetch(url(path, id, "docx"), { as: as.board });
      expect(docx.status).toBe(200);
      expect(docx.headers.get("content-disposition")).toMatch(/\.docx"$/);
      expect((await app.fetch(url(path, id, "pdf"), { as: as.coach })).status).toBe(403);
      const unknown = await app.fetch(url(path, "00000000-0000-4000-8000-000000000000", "pdf"), {
        as: as.admin,
      });
      expect(unknown.status).toBe(404);
      expect(await unknown.text()).toBe(`${missing}\n`);
      expect((await app.fetch(url(path, id, "odt"), { as: as.admin })).status).toBe(400);
    }
  });
});
