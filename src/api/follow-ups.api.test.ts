// The follow-up report through the API, on the demo association: the office lists and creates
// follow-ups (bad periods refused field by field in Swedish, a read key refused), reads a draft's
// report as JSON and a locked version's exactly as stored; the board and the auditor see locked
// versions only; /follow-ups/{id} finds its association and refuses the key of one without a role
// there (404) or without the permission (403); the document comes in every format with the same
// figures as the JSON.
import { Workbook } from "@cj-tech-master/excelts";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { createAssociation } from "../associations/create-association.ts";
import { associations } from "../associations/schema.ts";
import type { AuditActor } from "../audit/record-audit-event.ts";
import type { FollowUpReport } from "../follow-up/model.ts";
import { followUpVersions } from "../follow-up/schema.ts";
import { createFollowUp, draftOf, type FollowUpDetails, getFollowUp } from "../follow-up/store.ts";
import { lockFollowUpVersion } from "../follow-up/store-report.ts";
import { addUser } from "../people/add-user.ts";
import { assignRole } from "../people/assign-role.ts";
import { createApiToken } from "../people/create-api-token.ts";
import { users } from "../people/schema.ts";
import { type ApiApp, createApiTestApp } from "./api-test-client.ts";

const cli = { userId: null, label: "cli" };
let t: TestDatabase;
let app: ApiApp;
let associationId = "";
let locked: FollowUpDetails;
let draft: FollowUpDetails;
const tokens = { admin: "", adminRead: "", board: "", auditor: "", lead: "", foreign: "" };

async function call(url: string, token?: string, init: RequestInit = {}) {
  const headers: Record<string, string> = { ...(init.headers as Record<string, string>) };
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await app.request(url, { ...init, headers });
  const bytes = Buffer.from(await res.arrayBuffer());
  const type = res.headers.get("content-type") ?? "";
  const body = /json/.test(type) ? JSON.parse(bytes.toString("utf8")) : undefined;
  return { res, bytes, body };
}

const post = (url: string, token: string, body: unknown) =>
  call(url, token, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  ({ app } = createApiTestApp(t));
  const [demo] = await t.db.select().from(associations).where(eq(associations.slug, "demo"));
  associationId = demo?.id ?? "";
  const token = async (email: string, scope: "read" | "write") =>
    (await createApiToken(t.db, cli, { email, scope })).token;
  tokens.admin = await token("forbundschef@demo.samspar.se", "write");
  tokens.adminRead = await token("forbundschef@demo.samspar.se", "read");
  tokens.board = await token("styrelsen@demo.samspar.se", "read");
  tokens.auditor = await token("granskare@demo.samspar.se", "read");
  tokens.lead = await token("insatsansvarig@demo.samspar.se", "write");
  const other = await createAssociation(t.db, cli, { slug: "annat", name: "Annat förbund" });
  const stranger = await addUser(t.db, cli, {
    email: "admin@annat.se",
    name: "Annan Admin",
    password: "ett-langt-losenord",
  });
  await assignRole(t.db, cli, {
    userId: stranger.id,
    associationId: other.id,
    role: "association_admin",
  });
  tokens.foreign = await token("admin@annat.se", "write");

  // periods of the test's own, beside the demo's follow-ups
  const [admin] = await t.db
    .select()
    .from(users)
    .where(eq(users.email, "forbundschef@demo.samspar.se"));
  const office: AuditActor = { userId: admin?.id ?? null, label: "forbundschef@demo.samspar.se" };
  const first = await createFollowUp(t.db, office, associationId, {
    from: "2025-01-01",
    to: "2025-06-30",
  });
  const firstDraft = draftOf(first);
  if (!firstDraft) throw new Error("no draft");
  await lockFollowUpVersion(t.db, office, first, firstDraft.id, firstDraft.version);
  locked = (await getFollowUp(t.db, associationId, first.id)) as FollowUpDetails;
  draft = await createFollowUp(t.db, office, associationId, {
    from: "2025-10-01",
    to: "2025-12-31",
  });
}, 120_000);
afterAll(() => t?.drop());

describe("the association's follow-ups", () => {
  it("lists drafts for the office and locked versions only for the board and the auditor", async () => {
    const office = await call("/associations/demo/follow-ups", tokens.adminRead);
    expect(office.res.status).toBe(200);
    const ids = office.body.items.map((f: { id: string }) => f.id);
    expect(ids).toEqual(expect.arrayContaining([locked.id, draft.id]));
    const mine = office.body.items.find((f: { id: string }) => f.id === locked.id);
    expect(mine).toMatchObject({
      period: { from: "2025-01-01", to: "2025-06-30", label: "kvartal 1 och 2 2025" },
      createdByName: "Maria Lindqvist",
      versions: [{ number: 1, status: "last", lockedByName: "Maria Lindqvist" }],
    });
    for (const token of [tokens.board, tokens.auditor]) {
      const read = await call("/associations/demo/follow-ups", token);
      expect(read.res.status).toBe(200);
      const seen = read.body.items.map((f: { id: string }) => f.id);
      expect(seen).toContain(locked.id);
      expect(seen).not.toContain(draft.id);
      for (const f of read.body.items) for (const v of f.versions) expect(v.status).toBe("last");
    }
    expect((await call("/associations/demo/follow-ups", tokens.lead)).res.status).toBe(403);
    expect((await call("/associations/demo/follow-ups", tokens.foreign)).res.status).toBe(404);
    expect((await call("/associations/demo/follow-ups")).res.status).toBe(401);
  });

  it("creates a follow-up for the office; bad periods are refused field by field", async () => {
    const bad = await post("/associations/demo/follow-ups", tokens.admin, {
      from: "2024-06-30",
      to: "2024-01-01",
    });
    expect(bad.res.status).toBe(400);
    expect(bad.body.errors).toEqual([
      {
        field: "to",
        message:
          "Periodens sista dag (2024-01-01) ligger före dess första dag (2024-06-30). Byt plats på datumen.",
      },
    ]);
    const long = await post("/associations/demo/follow-ups", tokens.admin, {
      from: "2020-01-01",
      to: "2024-12-31",
      label: "x".repeat(201),
    });
    expect(long.res.status).toBe(400);
    expect(long.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(["label", "to"]);
    expect(
      (
        await post("/associations/demo/follow-ups", tokens.adminRead, {
          from: "2024-01-01",
          to: "2024-12-31",
        })
      ).res.status,
    ).toBe(403);
    expect(
      (
        await post("/associations/demo/follow-ups", tokens.board, {
          from: "2024-01-01",
          to: "2024-12-31",
        })
      ).res.status,
    ).toBe(403);
    const made = await post("/associations/demo/follow-ups", tokens.admin, {
      from: "2024-01-01",
      to: "2024-12-31",
    });
    expect(made.res.status).toBe(201);
    expect(made.body).toMatchObject({
      period: { from: "2024-01-01", to: "2024-12-31", label: "2024" },
      versions: [{ number: 1, status: "utkast", lockedAt: null }],
    });
    const twice = await post("/associations/demo/follow-ups", tokens.admin, {
      from: "2024-01-01",
      to: "2024-12-31",
    });
    expect(twice.res.status).toBe(400);
    expect(twice.body.errors[0].message).toContain("Det finns redan en uppföljning för perioden");
  });
});

describe("one follow-up's report", { timeout: 60_000 }, () => {
  it("is the locked version exactly as stored, for the board, the auditor and the office", async () => {
    const [stored] = await t.db
      .select({ report: followUpVersions.report })
      .from(followUpVersions)
      .where(eq(followUpVersions.followUpId, locked.id));
    for (const token of [tokens.board, tokens.auditor, tokens.adminRead]) {
      const read = await call(`/follow-ups/${locked.id}`, token);
      expect(read.res.status).toBe(200);
      expect(read.body).toEqual(stored?.report);
    }
    const report = (await call(`/follow-ups/${locked.id}?version=1`, tokens.board))
      .body as FollowUpReport;
    expect(report.format).toBe("samspar-follow-up-report");
    expect(report.version).toMatchObject({
      number: 1,
      status: "last",
      lockedBy: "Maria Lindqvist",
    });
    expect(report.association).toEqual({ slug: "demo", name: "Samordningsförbundet Demo" });
    expect(Object.keys(report.definitions).length).toBeGreaterThan(40);
  });

  it("is the draft computed now for the office; 404 for the board, 403 without the permission", async () => {
    const office = await call(`/follow-ups/${draft.id}`, tokens.adminRead);
    expect(office.res.status).toBe(200);
    expect(office.body.version).toMatchObject({ number: 1, status: "utkast", lockedAt: null });
    // table 8 compares with the latest locked version of an earlier period
    expect(office.body.previous.period.to < "2025-10-01").toBe(true);
    const board = await call(`/follow-ups/${draft.id}`, tokens.board);
    expect(board.res.status).toBe(404);
    expect(board.body.detail).toBe("Uppföljningen har ingen låst version ännu.");
    expect((await call(`/follow-ups/${locked.id}?version=2`, tokens.board)).res.status).toBe(404);
    expect((await call(`/follow-ups/${locked.id}?version=noll`, tokens.board)).res.status).toBe(
      400,
    );
    expect((await call(`/follow-ups/${locked.id}`, tokens.lead)).res.status).toBe(403);
    // a key whose owner has no role in the follow-up's association: as if it did not exist
    const foreign = await call(`/follow-ups/${locked.id}`, tokens.foreign);
    expect(foreign.res.status).toBe(404);
    expect(
      (await call("/follow-ups/5b0e7c1a-2f4d-4e8b-9c3a-7d1e2f3a4b5c", tokens.admin)).res.status,
    ).toBe(404);
    expect((await call(`/follow-ups/${locked.id}`)).res.status).toBe(401);
  });
});

describe("the report as a document", { timeout: 120_000 }, () => {
  it("comes as JSON, XLSX, DOCX and PDF with the same figures", async () => {
    const base = `/follow-ups/${locked.id}/document`;
    const json = await call(`${base}?format=json`, tokens.board);
    expect(json.res.status).toBe(200);
    expect(json.res.headers.get("content-disposition")).toBe(
      'attachment; filename="uppfoljning-demo-2025-01-01-2025-06-30-v1.json"',
    );
    const report = json.body as FollowUpReport;
    expect(report).toEqual((await call(`/follow-ups/${locked.id}`, tokens.board)).body);

    const xlsx = await call(`${base}?format=xlsx`, tokens.board);
    expect(xlsx.res.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    const wb = new Workbook();
    await wb.xlsx.load(xlsx.bytes);
    // table 4 in the workbook: every initiative's budget and outcome as numbers, as in the JSON
    const sheet = wb.getWorksheet("Tabell 4");
    if (!sheet) throw new Error("no sheet Tabell 4");
    const numbers: number[] = [];
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as unknown;
        if (typeof v === "number") numbers.push(v);
        else if (
          v &&
          typeof v === "object" &&
          typeof (v as { result?: unknown }).result === "number"
        )
          numbers.push((v as { result: number }).result);
      }),
    );
    for (const row of report.budget.rows) {
      expect(numbers).toContain(row.budget);
      expect(numbers).toContain(row.outcome);
    }
    expect(numbers).toContain(report.budget.total.outcome);

    const docx = await call(`${base}?format=docx`, tokens.auditor);
    expect(docx.res.status).toBe(200);
    expect(docx.bytes.subarray(0, 2).toString()).toBe("PK");
    const pdf = await call(`${base}?format=pdf`, tokens.adminRead);
    expect(pdf.res.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.bytes.subarray(0, 5).toString()).toBe("%PDF-");

    const missing = await call(base, tokens.board);
    expect(missing.res.status).toBe(400);
    expect(missing.body.errors[0].field).toBe("format");
    expect((await call(`${base}?format=odt`, tokens.board)).res.status).toBe(400);
    expect(
      (await call(`/follow-ups/${draft.id}/document?format=json`, tokens.board)).res.status,
    ).toBe(404);
    expect((await call(`${base}?format=json`, tokens.foreign)).res.status).toBe(404);
    expect((await call(`${base}?format=json`, tokens.lead)).res.status).toBe(403);
  });
});
