// Steering groups through the API, against a real database: members added, refused at their
// field, changed at the version read and ended; meetings (a future one cannot be held) with
// attendance; minutes uploaded as multipart/form-data, checked by their contents and
// downloaded byte for byte; and who may read (view) and who may change (manage).
import { createHash } from "node:crypto";
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
import { meetingAttachments, steeringGroupMeetings } from "../reports/schema.ts";
import { type ApiApp, apiCalls, createApiTestApp } from "./api-test-client.ts";
import { buildOpenApiDocument } from "./app.ts";

const cli = { userId: null, label: "cli" };
let t: TestDatabase;
let app: ApiApp;
let base = "";
let otherBase = "";
const orgs = { tierp: "", fk: "", af: "" };
const tokens = {
  adminWrite: "",
  adminRead: "",
  board: "",
  lead: "",
  leadRead: "",
  steering: "",
  otherLead: "",
  coach: "",
  foreignAdmin: "",
};

const MINIMAL_PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  "latin1",
);

const { call, post, put, fieldsOf, upload } = apiCalls(() => app);

const day = (offset: number) => {
  const d = new Date(`${todayInSweden()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};

beforeAll(async () => {
  t = await createTestDatabase();
  ({ app } = createApiTestApp(t));
  const association = await createAssociation(t.db, cli, {
    slug: "uppsala-lan",
    name: "Samordningsförbundet Uppsala län",
  });
  const other = await createAssociation(t.db, cli, { slug: "annat", name: "Annat" });
  const org = async (name: string, orgNumber: string, kind: string) =>
    (await addMemberOrganisation(t.db, cli, association.id, { name, orgNumber, kind })).id;
  orgs.tierp = await org("Tierps kommun", "212000-0274", "kommun");
  orgs.fk = await org("Försäkringskassan", "202100-5521", "forsakringskassan");
  orgs.af = await org("Arbetsförmedlingen", "202100-2114", "arbetsformedlingen");
  const running = async (name: string) =>
    (
      await createInitiative(t.db, cli, association.id, {
        name,
        ownerOrganisationId: orgs.tierp,
        partnerIds: [orgs.fk],
        status: "pagaende",
        orientation: "individual",
        preRehabilitation: false,
        esf: false,
        targetGroup: "",
        expectedParticipantsOngoing: false,
        goals: [],
        localUnits: [],
      })
    ).id;
  const led = await running("Tierp, Växtverket");
  const otherInitiative = await running("Tierp, Lärcentrum");
  base = `/associations/uppsala-lan/initiatives/${led}/steering-group`;
  otherBase = `/associations/uppsala-lan/initiatives/${otherInitiative}/steering-group`;

  const person = async (
    email: string,
    role: Role,
    initiativeId: string | null = null,
    associationId = association.id,
  ) => {
    const user = await addUser(t.db, cli, { email, name: email.split("@")[0] ?? email });
    await assignRole(t.db, cli, { userId: user.id, associationId, role, initiativeId });
    return (await createApiToken(t.db, cli, { email, scope: "write" })).token;
  };
  tokens.adminWrite = await person("admin@uppsala.se", "association_admin");
  tokens.adminRead = (
    await createApiToken(t.db, cli, { email: "admin@uppsala.se", scope: "read" })
  ).token;
  tokens.board = await person("styrelse@uppsala.se", "board_member");
  tokens.lead = await person("ledare@uppsala.se", "initiative_lead", led);
  tokens.leadRead = (
    await createApiToken(t.db, cli, { email: "ledare@uppsala.se", scope: "read" })
  ).token;
  tokens.steering = await person("styrgrupp@uppsala.se", "steering_group_member", led);
  tokens.otherLead = await person("annan@uppsala.se", "initiative_lead", otherInitiative);
  tokens.coach = await person("coach@uppsala.se", "participant_officer", led);
  tokens.foreignAdmin = await person("admin@annat.se", "association_admin", null, other.id);
});
afterAll(() => t.drop());

describe("members", () => {
  let karin = "";

  it("adds members of the initiative's parties, refusing others at their field", async () => {
    const refused = await post(`${base}/members`, tokens.lead, {
      organisationId: orgs.af,
      name: "Arne",
      email: "arne@",
      membership: "ordinarie",
      fromDate: "2026-01-01",
      toDate: "2025-12-31",
    });
    expect(refused.res.status).toBe(400);
    expect(fieldsOf(refused)).toEqual({
      organisationId: "Välj en av insatsens parter: insatsägaren eller en samverkanspart.",
      email: "Skriv e-postadressen i formen namn@exempel.se.",
      toDate: "Slutdatum kan inte vara före startdatum.",
    });
    const shape = await post(`${base}/members`, tokens.lead, {
      organisationId: orgs.tierp,
      name: "Karin Ek",
      membership: "suppleant",
      fromDate: "1 januari",
    });
    expect(shape.res.status).toBe(400);
    expect(Object.keys(fieldsOf(shape)).sort()).toEqual(["fromDate", "membership"]);

    const created = await post(`${base}/members`, tokens.lead, {
      organisationId: orgs.tierp,
      name: "Karin Ek",
      title: "Socialchef",
      email: "Karin.Ek@tierp.se",
      membership: "ordinarie",
      fromDate: "2025-01-01",
      accountEmail: "styrgrupp@uppsala.se",
    });
    expect(created.res.status).toBe(201);
    expect(created.body).toMatchObject({
      organisationName: "Tierps kommun",
      name: "Karin Ek",
      email: "karin.ek@tierp.se",
      membership: "ordinarie",
      fromDate: "2025-01-01",
      toDate: null,
      accountEmail: "styrgrupp@uppsala.se",
      state: "current",
      version: 1,
    });
    karin = created.body.id;
    const deputy = await post(`${base}/members`, tokens.adminWrite, {
      organisationId: orgs.fk,
      name: "Ali Berg",
      membership: "ersattare",
      fromDate: "2025-01-01",
    });
    expect(deputy.res.status).toBe(201);

    const list = await call(`${base}/members`, tokens.steering);
    expect(list.res.status).toBe(200);
    // the owner's members first, then the partners'
    expect(list.body.items.map((m: { name: string }) => m.name)).toEqual(["Karin Ek", "Ali Berg"]);
  });

  it("changes a member at the version read and ends the membership with toDate", async () => {
    const member = {
      organisationId: orgs.tierp,
      name: "Karin Ek",
      title: "Förvaltningschef",
      membership: "ordinarie",
      fromDate: "2025-01-01",
    };
    const changed = await put(`${base}/members/${karin}`, tokens.lead, { ...member, version: 1 });
    expect(changed.res.status).toBe(200);
    expect(changed.body).toMatchObject({
      title: "Förvaltningschef",
      accountEmail: null,
      version: 2,
    });
    const stale = await put(`${base}/members/${karin}`, tokens.lead, { ...member, version: 1 });
    expect(stale.res.status).toBe(409);
    expect(stale.body.detail).toContain("version 2, du utgick från version 1");
    const ended = await put(`${base}/members/${karin}`, tokens.lead, {
      ...member,
      toDate: "2025-12-31",
      version: 2,
    });
    expect(ended.body).toMatchObject({ toDate: "2025-12-31", state: "former", version: 3 });
    // a member is reached only through its own initiative
    const elsewhere = await put(`${otherBase}/members/${karin}`, tokens.adminWrite, {
      ...member,
      version: 3,
    });
    expect(elsewhere.res.status).toBe(404);
  });

  it("lets the office, the board and the initiative's own people read, and only managers write", async () => {
    for (const token of [tokens.adminRead, tokens.board, tokens.leadRead, tokens.steering])
      expect((await call(`${base}/members`, token)).res.status).toBe(200);
    for (const token of [tokens.otherLead, tokens.coach])
      expect((await call(`${base}/members`, token)).res.status).toBe(403);
    expect((await call(`${base}/members`, tokens.foreignAdmin)).res.status).toBe(404);
    expect((await call(`${base}/members`, undefined)).res.status).toBe(401);
    const body = {
      organisationId: orgs.fk,
      name: "Obehörig",
      membership: "ordinarie",
      fromDate: "2026-01-01",
    };
    for (const token of [tokens.board, tokens.steering, tokens.leadRead, tokens.adminRead]) {
      const refused = await post(`${base}/members`, token, body);
      expect(refused.res.status).toBe(403);
    }
    const members = await call(`${base}/members`, tokens.adminWrite);
    expect(members.body.items).toHaveLength(2);
    // an initiative that is not there
    const missing = await call(
      "/associations/uppsala-lan/initiatives/00000000-0000-4000-8000-000000000000/steering-group/members",
      tokens.adminWrite,
    );
    expect(missing.res.status).toBe(404);
  });
});

describe("meetings", () => {
  let meetingId = "";

  it("refuses a future meeting marked as held, and stores nothing", async () => {
    const before = await t.db.$count(steeringGroupMeetings);
    const refused = await post(`${base}/meetings`, tokens.lead, {
      meetingDate: day(2),
      held: true,
    });
    expect(refused.res.status).toBe(400);
    expect(fieldsOf(refused)).toEqual({
      held: "Ett möte som inte har ägt rum kan inte markeras som hållet.",
    });
    expect(await t.db.$count(steeringGroupMeetings)).toBe(before);
  });

  it("adds a held meeting and records attendance of the members of that day", async () => {
    const created = await post(`${base}/meetings`, tokens.lead, {
      meetingDate: "2025-10-15",
      held: true,
      agenda: "1. Budget",
    });
    expect(created.res.status).toBe(201);
    meetingId = created.body.id;
    expect(created.body.members.map((m: { name: string }) => m.name).sort()).toEqual([
      "Ali Berg",
      "Karin Ek",
    ]);
    expect(created.body.attendance).toEqual({
      recorded: false,
      ordinary: 1,
      presentOrdinary: 0,
      present: 0,
    });
    const karin = created.body.members.find((m: { name: string }) => m.name === "Karin Ek");
    const saved = await put(`${base}/meetings/${meetingId}`, tokens.lead, {
      meetingDate: "2025-10-15",
      held: true,
      agenda: "1. Budget",
      decisions: "Budgeten fastställdes.",
      version: 1,
      attendance: [{ memberId: karin.memberId, present: true }],
    });
    expect(saved.res.status).toBe(200);
    expect(saved.body).toMatchObject({
      decisions: "Budgeten fastställdes.",
      version: 2,
      attendance: { recorded: true, ordinary: 1, presentOrdinary: 1, present: 1 },
    });
    expect(
      Object.fromEntries(
        saved.body.members.map((m: { name: string; present: boolean }) => [m.name, m.present]),
      ),
    ).toEqual({ "Karin Ek": true, "Ali Berg": false });
    const stale = await put(`${base}/meetings/${meetingId}`, tokens.lead, {
      meetingDate: "2025-10-15",
      held: true,
      version: 1,
    });
    expect(stale.res.status).toBe(409);

    const list = await call(`${base}/meetings`, tokens.board);
    expect(list.res.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        id: meetingId,
        held: true,
        documents: 0,
        attendance: { recorded: true, ordinary: 1, presentOrdinary: 1, present: 1 },
      }),
    ]);
    expect((await call(`${base}/meetings/${meetingId}`, tokens.steering)).res.status).toBe(200);
    expect((await call(`${otherBase}/meetings/${meetingId}`, tokens.adminWrite)).res.status).toBe(
      404,
    );
    expect(
      (
        await put(`${base}/meetings/${meetingId}`, tokens.steering, {
          meetingDate: "2025-10-15",
          version: 2,
        })
      ).res.status,
    ).toBe(403);
  });

  it("takes minutes as multipart/form-data, checked by their contents, and gives them back", async () => {
    const url = `${base}/meetings/${meetingId}/attachments`;
    const created = await upload(
      url,
      tokens.lead,
      "Protokoll 2025-10-15.pdf",
      MINIMAL_PDF,
      "text/plain",
    );
    expect(created.res.status).toBe(201);
    expect(created.body).toMatchObject({
      fileName: "Protokoll 2025-10-15.pdf",
      // the stored type is what the bytes are, not what the client said
      mediaType: "application/pdf",
      sizeBytes: MINIMAL_PDF.length,
      sha256: createHash("sha256").update(MINIMAL_PDF).digest("hex"),
      uploadedByName: "ledare",
    });
    const download = await call(`${base}/attachments/${created.body.id}`, tokens.steering);
    expect(download.res.status).toBe(200);
    expect(download.res.headers.get("content-type")).toBe("application/pdf");
    expect(download.res.headers.get("content-disposition")).toBe(
      "attachment; filename=\"Protokoll 2025-10-15.pdf\"; filename*=UTF-8''Protokoll%202025-10-15.pdf",
    );
    expect(Buffer.compare(download.bytes, MINIMAL_PDF)).toBe(0);
    expect(
      (await call(`${base}/meetings/${meetingId}`, tokens.board)).body.attachments,
    ).toHaveLength(1);
    expect(
      (await call(`${otherBase}/attachments/${created.body.id}`, tokens.adminWrite)).res.status,
    ).toBe(404);
    expect((await call(`${base}/attachments/${created.body.id}`, tokens.coach)).res.status).toBe(
      403,
    );

    const exe = await upload(
      url,
      tokens.lead,
      "protokoll.exe",
      Buffer.from("MZ\x90\x00 program", "latin1"),
    );
    expect(exe.res.status).toBe(400);
    expect(fieldsOf(exe)).toEqual({
      file: "protokoll.exe är inte ett dokument. Ladda upp protokollet som PDF eller Word (docx).",
    });
    const text = await upload(
      url,
      tokens.lead,
      "protokoll.pdf",
      Buffer.from("Bara text.\n"),
      "application/pdf",
    );
    expect(fieldsOf(text).file).toBe(
      "protokoll.pdf är inte ett dokument. Ladda upp protokollet som PDF eller Word (docx).",
    );
    const noFile = new FormData();
    noFile.append("file", "inte en fil");
    const missing = await call(url, tokens.lead, { method: "POST", form: noFile });
    expect(fieldsOf(missing)).toEqual({ file: "Skicka dokumentet i fältet file, som en fil." });
    const asJson = await post(url, tokens.lead, { file: "protokoll.pdf" });
    expect(asJson.res.status).toBe(415);
    expect(asJson.body.detail).toContain("multipart/form-data");
    // an 11 MB file never gets stored: refused by the request's size or the document's
    const large = Buffer.alloc(11 * 1024 * 1024, 0x20);
    MINIMAL_PDF.copy(large, 0);
    const tooLarge = await upload(url, tokens.lead, "stort.pdf", large);
    expect([400, 413]).toContain(tooLarge.res.status);
    if (tooLarge.res.status === 400)
      expect(fieldsOf(tooLarge).file).toBe(
        "stort.pdf är 11 MB. Största tillåtna storlek är 10 MB.",
      );
    // only managers upload
    for (const token of [tokens.board, tokens.steering, tokens.leadRead]) {
      const refused = await upload(url, token, "p.pdf", MINIMAL_PDF);
      expect(refused.res.status).toBe(403);
    }
    expect(await t.db.$count(meetingAttachments)).toBe(1);
  });
});

describe("the OpenAPI document", () => {
  it("describes the upload as multipart/form-data with a binary file", () => {
    const document = buildOpenApiDocument() as unknown as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
    };
    const path =
      "/associations/{slug}/initiatives/{initiativeId}/steering-group/meetings/{meetingId}/attachments";
    expect(document.paths[path]?.post?.requestBody?.content["multipart/form-data"]).toMatchObject({
      schema: { type: "object", required: ["file"], properties: { file: { format: "binary" } } },
    });
    const operations = Object.entries(document.paths)
      .filter(([p]) => p.includes("/steering-group/"))
      .flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`));
    expect(operations.sort()).toEqual(
      [
        "GET /members",
        "POST /members",
        "PUT /members/{memberId}",
        "GET /meetings",
        "POST /meetings",
        "GET /meetings/{meetingId}",
        "PUT /meetings/{meetingId}",
        "POST /meetings/{meetingId}/attachments",
        "GET /attachments/{attachmentId}",
      ]
        .map((op) =>
          op.replace(" /", " /associations/{slug}/initiatives/{initiativeId}/steering-group/"),
        )
        .sort(),
    );
  });
});
