// The download route of an application's document, through the whole HTTP application (needs
// the web build: `npm run build`), on the demo association's applications.
import { eq } from "drizzle-orm";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, sessionFor, type TestApp } from "../../../tests/support/app.ts";
import { createTestDatabase, type TestDatabase } from "../../../tests/support/database.ts";
import { visibleApplications } from "../../access/policy.ts";
import { loadPrincipal } from "../../access/principal.ts";
import { associations } from "../../associations/schema.ts";
import { auditEvents } from "../../audit/schema.ts";
import { users } from "../../people/schema.ts";
import { listApplications } from "../get-application.ts";

let t: TestDatabase;
let app: TestApp;
const as: Record<"admin" | "lead" | "coach", string> = { admin: "", lead: "", coach: "" };
/** One application the initiative lead may see, and one that is not theirs. */
let own: { id: string; registryNumber: string | null; name: string };
let other: { id: string };

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  const [demo] = await t.db.select().from(associations).where(eq(associations.slug, "demo"));
  const people = await t.db.select().from(users);
  const idOf = (email: string) => people.find((u) => u.email === email)?.id ?? "";
  as.admin = await sessionFor(t, idOf("forbundschef@demo.samspar.se"));
  as.lead = await sessionFor(t, idOf("insatsansvarig@demo.samspar.se"));
  as.coach = await sessionFor(t, idOf("coach@demo.samspar.se"));
  const all = await listApplications(t.db, demo?.id ?? "", { visible: "all" });
  const lead = await loadPrincipal(t.db, idOf("insatsansvarig@demo.samspar.se"), {
    type: "session",
  });
  const leads = lead ? visibleApplications(lead, demo?.id ?? "") : [];
  const mine = all.find((a) => leads === "all" || leads.includes(a.initiativeId));
  const notMine = all.find((a) => leads !== "all" && !leads.includes(a.initiativeId));
  if (!mine || !notMine) throw new Error("the demo needs an application of the lead's and another");
  own = mine;
  other = notMine;
  app = await createTestApp(t);
});
afterAll(() => t?.drop());

const url = (id: string, format?: string) =>
  `/demo/ansokningar/${id}/dokument${format ? `?format=${format}` : ""}`;

describe("the document route", () => {
  it("sends the PDF and the DOCX as attachments that are not cached, and logs no read", async () => {
    const before = await t.db.$count(auditEvents);
    const pdf = await app.fetch(url(own.id, "pdf"), { as: as.admin });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("cache-control")).toBe("no-store");
    expect(pdf.headers.get("content-disposition")).toMatch(
      /^attachment; filename="Ansokan-[A-Za-z0-9-]+\.pdf"$/,
    );
    const body = Buffer.from(await pdf.arrayBuffer());
    expect(body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.headers.get("content-length")).toBe(String(body.length));

    const docx = await app.fetch(url(own.id, "docx"), { as: as.lead });
    expect(docx.status).toBe(200);
    expect(docx.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(docx.headers.get("content-disposition")).toMatch(/filename="Ansokan-.+\.docx"$/);
    const zip = await JSZip.loadAsync(Buffer.from(await docx.arrayBuffer()));
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    expect(xml).toContain(own.name.replace(/&/g, "&amp;"));
    expect(await t.db.$count(auditEvents)).toBe(before);
  });

  it("refuses an unknown format in plain Swedish", async () => {
    const res = await app.fetch(url(own.id, "xlsx"), { as: as.admin });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await res.text()).toMatch(/format=pdf.*format=docx/);
  });

  it("answers 404 for an application that does not exist, 403 for one that is not the person's", async () => {
    for (const id of ["00000000-0000-4000-8000-000000000000", "inte-ett-id"]) {
      const res = await app.fetch(url(id, "pdf"), { as: as.admin });
      expect({ id, status: res.status }).toEqual({ id, status: 404 });
      expect(await res.text()).toBe("Ansökan finns inte.\n");
    }
    const notTheirs = await app.fetch(url(other.id, "xlsx"), { as: as.lead });
    expect(notTheirs.status).toBe(403);
    expect(await notTheirs.text()).not.toContain("%PDF");
    const foreign = await app.fetch(`/annat/ansokningar/${own.id}/dokument?format=pdf`, {
      as: as.admin,
    });
    expect(foreign.status).toBe(404);
  });

  it("refuses roles without applications and sends the signed-out to sign in", async () => {
    expect((await app.fetch(url(own.id, "pdf"), { as: as.coach })).status).toBe(403);
    const anonymous = await app.fetch(url(own.id, "pdf"));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/logga-in\?till=/);
  });
});
