// Requisitions through the API, against a real database: a period outside the initiative and a
// second requisition for a period are refused at periodKey; bad amounts at lines.<i>.amount with
// nothing saved; the lead submits without an attachment, the office returns it, the lead uploads
// (multipart, checked by contents, downloaded byte for byte) and submits again, the office
// approves and records the payment. Who may read and who may act; read-only keys change nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { todayInSweden } from "../applications/workflow.ts";
import { createAssociation } from "../associations/create-association.ts";
import { addMemberOrganisation } from "../associations/member-organisations.ts";
import { createInitiative } from "../initiatives/save-initiative.ts";
import { addUser } from "../people/add-user.ts";
import { assignRole } from "../people/assign-role.ts";
import { createApiToken } from "../people/create-api-token.ts";
import type { Role } from "../people/roles.ts";
import { type ApiApp, apiCalls, createApiTestApp } from "./api-test-client.ts";
import { buildOpenApiDocument } from "./app.ts";

const cli = { userId: null, label: "cli" };
let t: TestDatabase;
let app: ApiApp;
const base = "/associations/uppsala-lan/requisitions";
let led = "";
let other = "";
let tierp = "";
const tokens = { office: "", officeRead: "", board: "", lead: "", steering: "", otherLead: "" };
const today = todayInSweden();
const year = Number(today.slice(0, 4));
// the first quarter of last year: begun and ended whenever the test runs
const PERIOD = `${year - 1}-K1`;

const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  "latin1",
);

const { call, post, put, fieldsOf, upload } = apiCalls(() => app);

beforeAll(async () => {
  t = await createTestDatabase();
  ({ app } = createApiTestApp(t));
  const association = await createAssociation(t.db, cli, {
    slug: "uppsala-lan",
    name: "Samordningsförbundet Uppsala län",
  });
  tierp = (
    await addMemberOrganisation(t.db, cli, association.id, {
      name: "Tierps kommun",
      orgNumber: "212000-0274",
      kind: "kommun",
    })
  ).id;
  const fk = (
    await addMemberOrganisation(t.db, cli, association.id, {
      name: "Försäkringskassan",
      orgNumber: "202100-5521",
      kind: "forsakringskassan",
    })
  ).id;
  const running = async (name: string) =>
    (
      await createInitiative(t.db, cli, association.id, {
        name,
        ownerOrganisationId: tierp,
        partnerIds: [fk],
        status: "pagaende",
        orientation: "individual",
        preRehabilitation: false,
        esf: false,
        startDate: `${year - 1}-01-01`,
        endDate: `${year + 1}-12-31`,
        targetGroup: "",
        expectedParticipantsOngoing: false,
        goals: [],
        localUnits: [],
      })
    ).id;
  led = await running("Tierp, Växtverket");
  other = await running("Tierp, Lärcentrum");
  const person = async (
    email: string,
    role: Role,
    initiativeId: string | null = null,
    scope: "read" | "write" = "write",
  ) => {
    const user = await addUser(t.db, cli, { email, name: email.split("@")[0] ?? email });
    await assignRole(t.db, cli, {
      userId: user.id,
      associationId: association.id,
      role,
      initiativeId,
    });
    return (await createApiToken(t.db, cli, { email, scope })).token;
  };
  tokens.office = await person("kansli@uppsala.se", "association_admin");
  tokens.officeRead = (
    await createApiToken(t.db, cli, { email: "kansli@uppsala.se", scope: "read" })
  ).token;
  tokens.board = await person("styrelse@uppsala.se", "board_member");
  tokens.lead = await person("lead@tierp.se", "initiative_lead", led);
  tokens.steering = await person("styr@tierp.se", "steering_group_member", led);
  tokens.otherLead = await person("annan@tierp.se", "initiative_lead", other);
});
afterAll(() => t.drop());

describe("requisitions through the API", () => {
  let id = "";
  let version = 0;

  it("refuses a period outside the initiative, then starts one for a begun period", async () => {
    const outside = await post(base, tokens.lead, {
      initiativeId: led,
      periodKey: `${year - 2}-K4`,
    });
    expect(outside.res.status).toBe(400);
    expect(fieldsOf(outside).periodKey).toContain(`ligger utanför Tierp, Växtverket`);
    const foreign = await post(base, tokens.lead, { initiativeId: other, periodKey: PERIOD });
    expect(foreign.res.status).toBe(403);
    const created = await post(base, tokens.lead, { initiativeId: led, periodKey: PERIOD });
    expect(created.res.status).toBe(201);
    expect(created.body).toMatchObject({ status: "utkast", periodKey: PERIOD, version: 1 });
    id = created.body.id;
    version = created.body.version;
    const again = await post(base, tokens.lead, { initiativeId: led, periodKey: PERIOD });
    expect(again.res.status).toBe(400);
    expect(fieldsOf(again).periodKey).toContain(`Rekvisitionens id: ${id}.`);
  });

  it("refuses a negative amount and a word at their lines, saving nothing", async () => {
    const bad = await put(`${base}/${id}`, tokens.lead, {
      version,
      lines: [
        { category: "personal", source: "forbund", amount: -5000 },
        { category: "lokaler", source: "forbund", amount: "tolv" },
      ],
    });
    expect(bad.res.status).toBe(400);
    expect(Object.keys(fieldsOf(bad)).sort()).toEqual(["lines.0.amount", "lines.1.amount"]);
    const saved = await put(`${base}/${id}`, tokens.lead, {
      version,
      lines: [
        { category: "personal", source: "forbund", amount: "95 000" },
        { category: "lokaler", source: "forbund", amount: 20000 },
        {
          category: "personal",
          source: "medfinansiering",
          organisationId: tierp,
          coKind: "personaltid",
          amount: 28500,
        },
      ],
      note: "En vakans i augusti.",
    });
    expect(saved.res.status).toBe(200);
    expect(saved.body.totals).toEqual({ total: 143500, association: 115000, coFinancing: 28500 });
    expect(saved.body.lines[2]).toMatchObject({ organisationName: "Tierps kommun" });
    version = saved.body.version;
    const stale = await put(`${base}/${id}`, tokens.lead, { version: 1, lines: [] });
    expect(stale.res.status).toBe(409);
  });

  it("lets the lead submit without an attachment and the office return it", async () => {
    expect((await post(`${base}/${id}/submit`, tokens.steering, { version })).res.status).toBe(403);
    const submitted = await post(`${base}/${id}/submit`, tokens.lead, { version });
    expect(submitted.res.status).toBe(200);
    expect(submitted.body.status).toBe("inskickad");
    version = submitted.body.version;
    expect(
      (await post(`${base}/${id}/approve`, tokens.lead, { version })).res.status,
      "the lead approves nothing",
    ).toBe(403);
    expect((await post(`${base}/${id}/approve`, tokens.officeRead, { version })).res.status).toBe(
      403,
    );
    const noReason = await post(`${base}/${id}/return`, tokens.office, { version, reason: " " });
    expect(Object.keys(fieldsOf(noReason))).toEqual(["reason"]);
    const returned = await post(`${base}/${id}/return`, tokens.office, {
      version,
      reason: "Underlaget saknas.",
    });
    expect(returned.body).toMatchObject({
      status: "aterskickad",
      returnReason: "Underlaget saknas.",
    });
    version = returned.body.version;
  });

  it("takes a document by its contents, gives it back byte for byte, and refuses a program", async () => {
    const program = await upload(
      `${base}/${id}/attachments`,
      tokens.lead,
      "huvudbok.pdf",
      Buffer.concat([Buffer.from("MZ", "latin1"), Buffer.alloc(300, 1)]),
    );
    expect(program.res.status).toBe(400);
    expect(Object.keys(fieldsOf(program))).toEqual(["file"]);
    const json = await post(`${base}/${id}/attachments`, tokens.lead, { file: "x" });
    expect(json.res.status).toBe(415);
    const uploaded = await upload(`${base}/${id}/attachments`, tokens.lead, "Huvudbok.pdf", PDF);
    expect(uploaded.res.status).toBe(201);
    expect(uploaded.body).toMatchObject({ fileName: "Huvudbok.pdf", mediaType: "application/pdf" });
    const download = await call(`${base}/${id}/attachments/${uploaded.body.id}`, tokens.steering);
    expect(download.res.status).toBe(200);
    expect(download.bytes.equals(PDF)).toBe(true);
    expect(download.res.headers.get("content-disposition")).toContain("attachment");
    expect(download.res.headers.get("x-content-type-options")).toBe("nosniff");
    const stale = await post(`${base}/${id}/submit`, tokens.lead, { version });
    expect(stale.res.status, "the upload moved the version").toBe(409);
    version = (await call(`${base}/${id}`, tokens.lead)).body.version;
  });

  it("is submitted again, approved and paid by the office", async () => {
    version = (await post(`${base}/${id}/submit`, tokens.lead, { version })).body.version;
    const approved = await post(`${base}/${id}/approve`, tokens.office, { version });
    expect(approved.res.status).toBe(200);
    expect(approved.body.status).toBe("godkand");
    version = approved.body.version;
    const future = await post(`${base}/${id}/payment`, tokens.office, {
      version,
      paidOn: `${year + 1}-01-15`,
    });
    expect(Object.keys(fieldsOf(future))).toEqual(["paidOn"]);
    const paid = await post(`${base}/${id}/payment`, tokens.office, { version, paidOn: today });
    expect(paid.body).toMatchObject({ paymentStatus: "betald", paidOn: today });
    expect(paid.body.events.map((e: { event: string }) => e.event)).toEqual([
      "betald",
      "godkand",
      "inskickad",
      "bilaga_tillagd",
      "aterskickad",
      "inskickad",
      "sparad",
      "skapad",
    ]);
  });

  it("lists for those who may see, and hides the requisition from others", async () => {
    const list = await call(`${base}?year=${year - 1}`, tokens.board);
    expect(list.res.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({
      association: 115000,
      attachments: 1,
      status: "godkand",
    });
    expect((await call(`${base}?status=utkast`, tokens.steering)).body.items).toEqual([]);
    expect((await call(base, tokens.otherLead)).body.items).toEqual([]);
    expect((await call(`${base}/${id}`, tokens.otherLead)).res.status).toBe(404);
    expect((await call(`${base}/${id}`, tokens.steering)).res.status).toBe(200);
  });

  it("is described in the OpenAPI document", () => {
    const paths = Object.keys(buildOpenApiDocument().paths ?? {});
    for (const path of [
      "/associations/{slug}/requisitions",
      "/associations/{slug}/requisitions/{requisitionId}",
      "/associations/{slug}/requisitions/{requisitionId}/submit",
      "/associations/{slug}/requisitions/{requisitionId}/return",
      "/associations/{slug}/requisitions/{requisitionId}/approve",
      "/associations/{slug}/requisitions/{requisitionId}/payment",
      "/associations/{slug}/requisitions/{requisitionId}/attachments",
      "/associations/{slug}/requisitions/{requisitionId}/attachments/{fileId}",
    ])
      expect(paths).toContain(path);
  });
});
