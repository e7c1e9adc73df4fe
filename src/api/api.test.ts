// The public API against a real database: bearer tokens, the policy behind every operation,
// problem+json errors, the rate limit, and that the committed OpenAPI document is current.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { createAssociation } from "../associations/create-association.ts";
import { addMemberOrganisation } from "../associations/member-organisations.ts";
import { auditEvents } from "../audit/schema.ts";
import { createInitiative } from "../initiatives/save-initiative.ts";
import type { Mailer } from "../mail/send-mail.ts";
import { addUser } from "../people/add-user.ts";
import { assignRole } from "../people/assign-role.ts";
import { createApiToken, revokeApiToken } from "../people/create-api-token.ts";
import { readConfig } from "../platform/config.ts";
import type { AppServices } from "../platform/http/request-context.ts";
import { createSecrets } from "../platform/secrets.ts";
import { throttleCounters } from "../sign-in/schema.ts";
import { buildOpenApiDocument, createApiApp } from "./app.ts";
import { OPENAPI_FILE } from "./write-openapi.ts";

const cli = { userId: null, label: "cli" };
const mailer: Mailer = {
  send: async () => ({ id: "00000000-0000-4000-8000-000000000000", status: "outbox" }),
  deliver: async () => {},
};

let t: TestDatabase;
let services: AppServices;
let app: ReturnType<typeof createApiApp>;
const tokens = { adminRead: "", adminWrite: "", boardWrite: "", otherAdmin: "" };
let associationId = "";
let seededOrgId = "";
let foreignOrgId = "";

/** Every problem body seen in this file, checked at the end for leaked internals. */
const problemBodies: string[] = [];

interface CallOptions {
  token?: string;
  method?: string;
  json?: unknown;
  body?: string;
  headers?: Record<string, string>;
}

async function call(path: string, options: CallOptions = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let body = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers["Content-Type"] = "application/json";
  }
  const res = await app.request(path, { method: options.method ?? "GET", headers, body });
  const text = await res.text();
  if (res.status >= 400) problemBodies.push(text);
  return { res, text, body: text ? JSON.parse(text) : undefined };
}

function expectProblem(
  result: Awaited<ReturnType<typeof call>>,
  status: number,
  type: string,
  instance: string,
) {
  expect(result.res.status).toBe(status);
  expect(result.res.headers.get("content-type")).toBe("application/problem+json");
  expect(result.body).toMatchObject({ type, status, instance });
  expect(typeof result.body.title).toBe("string");
  expect(result.body.detail).toMatch(/[a-zåäö]/i);
  expect(result.body.requestId).toBe(result.res.headers.get("x-request-id"));
  expect(result.body.requestId).toMatch(/\S{8,}/);
}

beforeAll(async () => {
  t = await createTestDatabase();
  services = {
    config: readConfig({}),
    db: t.db,
    secrets: createSecrets(randomBytes(32)),
    mailer,
    oidc: undefined,
  };
  app = createApiApp(services);

  const association = await createAssociation(t.db, cli, {
    slug: "uppsala-lan",
    name: "Samordningsförbundet Uppsala län",
  });
  const other = await createAssociation(t.db, cli, {
    slug: "annat-forbund",
    name: "Annat förbund",
  });
  associationId = association.id;

  const admin = await addUser(t.db, cli, { email: "admin@uppsala.se", name: "Ada Admin" });
  const board = await addUser(t.db, cli, { email: "styrelse@uppsala.se", name: "Bo Styrelse" });
  const otherAdmin = await addUser(t.db, cli, { email: "admin@annat.se", name: "Ove Annan" });
  await assignRole(t.db, cli, {
    userId: admin.id,
    associationId: association.id,
    role: "association_admin",
  });
  await assignRole(t.db, cli, {
    userId: board.id,
    associationId: association.id,
    role: "board_member",
  });
  await assignRole(t.db, cli, {
    userId: otherAdmin.id,
    associationId: other.id,
    role: "association_admin",
  });

  tokens.adminRead = (await createApiToken(t.db, cli, { email: admin.email, scope: "read" })).token;
  tokens.adminWrite = (
    await createApiToken(t.db, cli, { email: admin.email, scope: "write" })
  ).token;
  tokens.boardWrite = (
    await createApiToken(t.db, cli, { email: board.email, scope: "write" })
  ).token;
  tokens.otherAdmin = (
    await createApiToken(t.db, cli, { email: otherAdmin.email, scope: "write" })
  ).token;

  const seeded = await addMemberOrganisation(t.db, cli, association.id, {
    name: "Uppsala kommun",
    orgNumber: "2120003005",
    kind: "kommun",
  });
  seededOrgId = seeded.id;
  const foreign = await addMemberOrganisation(t.db, cli, other.id, {
    name: "Region Annat",
    orgNumber: "232100-0016",
    kind: "region",
  });
  foreignOrgId = foreign.id;
});
afterAll(() => t.drop());

describe("authentication", () => {
  it("answers 401 with WWW-Authenticate when the token is missing", async () => {
    const result = await call("/me");
    expectProblem(result, 401, "urn:samspar:problem:unauthorized", "/me");
    expect(result.res.headers.get("www-authenticate")).toMatch(/^Bearer\b/);
    expect(result.body.detail).toContain("Authorization: Bearer");
  });

  it("answers 401 for an unknown token, another scheme, or a token without the prefix", async () => {
    for (const authorization of [
      "Bearer ssp_thisIsNotAToken",
      "Basic YWRtaW46aGVtbGln",
      `Bearer ${tokens.adminRead.slice(4)}`,
    ]) {
      const result = await call("/associations/uppsala-lan/member-organisations", {
        headers: { Authorization: authorization },
      });
      expectProblem(
        result,
        401,
        "urn:samspar:problem:unauthorized",
        "/associations/uppsala-lan/member-organisations",
      );
      expect(result.res.headers.get("www-authenticate")).toContain('error="invalid_token"');
    }
  });

  it("answers 401 once a token is revoked", async () => {
    const created = await createApiToken(t.db, cli, { email: "admin@uppsala.se", scope: "read" });
    expect((await call("/me", { token: created.token })).res.status).toBe(200);
    await revokeApiToken(t.db, cli, created.id);
    expectProblem(
      await call("/me", { token: created.token }),
      401,
      "urn:samspar:problem:unauthorized",
      "/me",
    );
  });

  it("keeps a given X-Request-Id", async () => {
    const result = await call("/me", { headers: { "X-Request-Id": "integration-42" } });
    expect(result.res.headers.get("x-request-id")).toBe("integration-42");
    expect(result.body.requestId).toBe("integration-42");
  });

  it("tells who the token belongs to", async () => {
    const result = await call("/me", { token: tokens.adminRead });
    expect(result.res.status).toBe(200);
    expect(result.body).toEqual({
      id: expect.any(String),
      email: "admin@uppsala.se",
      name: "Ada Admin",
      scope: "read",
      roles: [{ association: "uppsala-lan", role: "association_admin", initiativeId: null }],
    });
  });
});

describe("member organisations", () => {
  const path = "/associations/uppsala-lan/member-organisations";

  it("lists them for a read token and for a board member", async () => {
    for (const token of [tokens.adminRead, tokens.boardWrite]) {
      const result = await call(path, { token });
      expect(result.res.status).toBe(200);
      expect(result.res.headers.get("content-type")).toMatch(/^application\/json/);
      expect(result.body.items).toContainEqual({
        id: seededOrgId,
        name: "Uppsala kommun",
        orgNumber: "212000-3005",
        kind: "kommun",
        version: 1,
      });
      expect(result.body.items.map((o: { id: string }) => o.id)).not.toContain(foreignOrgId);
    }
  });

  it("adds one with a write token, and records who did it in the audit log", async () => {
    const result = await call(path, {
      token: tokens.adminWrite,
      method: "POST",
      json: { name: "Försäkringskassan", orgNumber: "2021005521", kind: "forsakringskassan" },
    });
    expect(result.res.status).toBe(201);
    expect(result.body).toEqual({
      id: expect.any(String),
      name: "Försäkringskassan",
      orgNumber: "202100-5521",
      kind: "forsakringskassan",
      version: 1,
    });
    const listed = await call(path, { token: tokens.adminRead });
    expect(listed.body.items.map((o: { id: string }) => o.id)).toContain(result.body.id);
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, "member_organisation.created"),
          eq(auditEvents.targetId, result.body.id),
        ),
      )
      .orderBy(auditEvents.seq);
    expect(event).toMatchObject({
      actorLabel: "admin@uppsala.se",
      associationId,
      requestId: result.res.headers.get("x-request-id"),
    });
  });

  it("refuses a read token with 403 and says why", async () => {
    const result = await call(path, {
      token: tokens.adminRead,
      method: "POST",
      json: { name: "Arbetsförmedlingen", orgNumber: "202100-5489", kind: "arbetsformedlingen" },
    });
    expectProblem(result, 403, "urn:samspar:problem:forbidden", path);
    expect(result.body.detail).toContain("scope read");
    const listed = await call(path, { token: tokens.adminRead });
    expect(listed.body.items.map((o: { name: string }) => o.name)).not.toContain(
      "Arbetsförmedlingen",
    );
  });

  it("refuses a board member (no manage permission) with 403, even with a write token", async () => {
    const result = await call(path, {
      token: tokens.boardWrite,
      method: "POST",
      json: { name: "Arbetsförmedlingen", orgNumber: "202100-5489", kind: "arbetsformedlingen" },
    });
    expectProblem(result, 403, "urn:samspar:problem:forbidden", path);
    expect(result.body.detail).not.toContain("scope read");
  });

  it("answers 404 for an association the token's owner has no role in, the same as for one that does not exist", async () => {
    const foreign = await call("/associations/annat-forbund/member-organisations", {
      token: tokens.adminWrite,
    });
    expectProblem(
      foreign,
      404,
      "urn:samspar:problem:not-found",
      "/associations/annat-forbund/member-organisations",
    );
    const missing = await call("/associations/finns-inte/member-organisations", {
      token: tokens.adminWrite,
    });
    expectProblem(
      missing,
      404,
      "urn:samspar:problem:not-found",
      "/associations/finns-inte/member-organisations",
    );
    expect({ title: foreign.body.title, detail: foreign.body.detail }).toEqual({
      title: missing.body.title,
      detail: missing.body.detail,
    });
    const write = await call("/associations/annat-forbund/member-organisations", {
      token: tokens.adminWrite,
      method: "POST",
      json: { name: "Intrång", orgNumber: "212000-1355", kind: "annan" },
    });
    expect(write.res.status).toBe(404);
    // and its own admin sees it
    expect(
      (await call("/associations/annat-forbund/member-organisations", { token: tokens.otherAdmin }))
        .res.status,
    ).toBe(200);
  });

  it("answers 400 problem+json for malformed JSON", async () => {
    const result = await call(path, {
      token: tokens.adminWrite,
      method: "POST",
      body: '{"name": "Trasig", ',
      headers: { "Content-Type": "application/json" },
    });
    expectProblem(result, 400, "urn:samspar:problem:malformed-json", path);
    expect(result.body.detail).toContain("JSON");
  });

  it("answers 415 for a body that is not JSON", async () => {
    const result = await call(path, {
      token: tokens.adminWrite,
      method: "POST",
      body: "name=X",
      headers: { "Content-Type": "text/plain" },
    });
    expectProblem(result, 415, "urn:samspar:problem:unsupported-media-type", path);
  });

  it("answers 413 for a body larger than 64 kB", async () => {
    const result = await call(path, {
      token: tokens.adminWrite,
      method: "POST",
      json: { name: "x".repeat(70_000), orgNumber: "212000-1355", kind: "annan" },
    });
    expectProblem(result, 413, "urn:samspar:problem:payload-too-large", path);
  });

  it("names the field in Swedish when the organisation number is invalid", async () => {
    const result = await call(path, {
      token: tokens.adminWrite,
      method: "POST",
      json: { name: "Region Uppsala", orgNumber: "232100-0017", kind: "region" },
    });
    expectProblem(result, 400, "urn:samspar:problem:validation", path);
    expect(result.body.errors).toEqual([
      { field: "orgNumber", message: expect.stringContaining("kontrollsiffran") },
    ]);
  });

  it("names each field in Swedish when the body breaks the schema", async () => {
    const result = await call(path, {
      token: tokens.adminWrite,
      method: "POST",
      json: { orgNumber: 2321000016, kind: "myndighet" },
    });
    expectProblem(result, 400, "urn:samspar:problem:validation", path);
    const byField = Object.fromEntries(
      result.body.errors.map((e: { field: string; message: string }) => [e.field, e.message]),
    );
    expect(byField).toEqual({
      name: "Fältet name saknas.",
      orgNumber: "Fältet orgNumber ska vara text.",
      kind: expect.stringMatching(
        /^Fältet kind ska vara ett av: forsakringskassan, .*kommun, annan\.$/,
      ),
    });
  });

  it("updates with the version read, and answers 409 for a stale version", async () => {
    const url = `${path}/${seededOrgId}`;
    const input = {
      name: "Uppsala kommun (kommunledningskontoret)",
      orgNumber: "212000-3005",
      kind: "kommun",
    };
    const first = await call(url, {
      token: tokens.adminWrite,
      method: "PUT",
      json: { ...input, version: 1 },
    });
    expect(first.res.status).toBe(200);
    expect(first.body).toMatchObject({ id: seededOrgId, name: input.name, version: 2 });
    const stale = await call(url, {
      token: tokens.adminWrite,
      method: "PUT",
      json: { ...input, name: "Gammal", version: 1 },
    });
    expectProblem(stale, 409, "urn:samspar:problem:conflict", url);
    const listed = await call(path, { token: tokens.adminRead });
    expect(listed.body.items.find((o: { id: string }) => o.id === seededOrgId)).toMatchObject({
      name: input.name,
      version: 2,
    });
  });

  it("answers 404 for an organisation of another association, and 400 for an id that is not a uuid", async () => {
    const body = { name: "X", orgNumber: "232100-0016", kind: "region", version: 1 };
    const foreign = await call(`${path}/${foreignOrgId}`, {
      token: tokens.adminWrite,
      method: "PUT",
      json: body,
    });
    expectProblem(foreign, 404, "urn:samspar:problem:not-found", `${path}/${foreignOrgId}`);
    const bad = await call(`${path}/inte-ett-id`, {
      token: tokens.adminWrite,
      method: "PUT",
      json: body,
    });
    expectProblem(bad, 400, "urn:samspar:problem:validation", `${path}/inte-ett-id`);
    expect(bad.body.errors).toEqual([{ field: "id", message: expect.stringContaining("uuid") }]);
  });
});

describe("users", () => {
  it("lists the staff with their roles for the admin, and refuses the board member", async () => {
    const result = await call("/associations/uppsala-lan/users", { token: tokens.adminRead });
    expect(result.res.status).toBe(200);
    const byEmail = Object.fromEntries(
      result.body.items.map((u: { email: string; roles: { role: string }[] }) => [
        u.email,
        u.roles.map((r) => r.role),
      ]),
    );
    expect(byEmail).toEqual({
      "admin@uppsala.se": ["association_admin"],
      "styrelse@uppsala.se": ["board_member"],
    });
    const board = await call("/associations/uppsala-lan/users", { token: tokens.boardWrite });
    expectProblem(board, 403, "urn:samspar:problem:forbidden", "/associations/uppsala-lan/users");
  });
});

describe("initiatives", () => {
  const path = "/associations/uppsala-lan/initiatives";
  const people = { lead: "", steering: "", auditor: "" };
  const orgs = { region: "", af: "" };
  let otherInitiativeId = "";
  let createdId = "";
  const input = () => ({
    name: "Uppsala, Vägen vidare",
    ownerOrganisationId: seededOrgId,
    partnerIds: [orgs.region, orgs.af],
    status: "beviljad",
    orientation: "individual",
    preRehabilitation: true,
    esf: false,
    startDate: "2026-01-01",
    endDate: "2027-12-31",
    lastIntakeDate: "2027-06-30",
    plannedEndDate: null,
    targetGroup: "Unga vuxna 18–29 år utan sysselsättning",
    expectedParticipants: 40,
    expectedParticipantsOngoing: false,
    goals: [
      {
        text: "Hälften går vidare till arbete eller studier.",
        kind: "resultatmal",
        targetNumber: null,
        targetPercent: 50,
      },
    ],
    localUnits: [{ name: "Uppsala", expectedParticipants: 30 }],
  });

  beforeAll(async () => {
    const region = await addMemberOrganisation(t.db, cli, associationId, {
      name: "Region Uppsala",
      orgNumber: "232100-0016",
      kind: "region",
    });
    const af = await addMemberOrganisation(t.db, cli, associationId, {
      name: "Arbetsförmedlingen",
      orgNumber: "202100-5489",
      kind: "arbetsformedlingen",
    });
    orgs.region = region.id;
    orgs.af = af.id;
    const other = await createInitiative(t.db, cli, associationId, {
      ...input(),
      name: "Enköping, Lärcentrum",
      ownerOrganisationId: region.id,
      partnerIds: [seededOrgId],
      status: "pagaende",
      orientation: "structural",
      goals: [],
      localUnits: [],
    });
    otherInitiativeId = other.id;
    const auditor = await addUser(t.db, cli, { email: "revisor@uppsala.se", name: "Rut Revisor" });
    await assignRole(t.db, cli, { userId: auditor.id, associationId, role: "auditor" });
    people.auditor = (
      await createApiToken(t.db, cli, { email: auditor.email, scope: "read" })
    ).token;
  });

  it("registers one with a write token, answers 201 with the details, and records who did it", async () => {
    const result = await call(path, { token: tokens.adminWrite, method: "POST", json: input() });
    expect(result.res.status).toBe(201);
    expect(result.body).toEqual({
      ...input(),
      id: expect.any(String),
      partnerIds: undefined,
      ownerName: expect.stringMatching(/^Uppsala kommun/),
      partners: [
        { id: orgs.af, name: "Arbetsförmedlingen", kind: "arbetsformedlingen" },
        { id: orgs.region, name: "Region Uppsala", kind: "region" },
      ],
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      version: 1,
    });
    createdId = result.body.id;
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "initiative.created"), eq(auditEvents.targetId, createdId)))
      .orderBy(auditEvents.seq);
    expect(event).toMatchObject({
      actorLabel: "admin@uppsala.se",
      associationId,
      requestId: result.res.headers.get("x-request-id"),
    });
  });

  it("fills in the optional fields it is not sent", async () => {
    const result = await call(path, {
      token: tokens.adminWrite,
      method: "POST",
      json: { name: "Knivsta, Kort", ownerOrganisationId: orgs.region, partnerIds: [orgs.af] },
    });
    expect(result.res.status).toBe(201);
    expect(result.body).toMatchObject({
      status: "ansokan",
      orientation: "individual",
      preRehabilitation: false,
      esf: false,
      startDate: null,
      endDate: null,
      targetGroup: "",
      expectedParticipants: null,
      expectedParticipantsOngoing: false,
      goals: [],
      localUnits: [],
      version: 1,
    });
  });

  it("names every broken rule at its field, in Swedish", async () => {
    const body = input();
    const result = await call(path, {
      token: tokens.adminWrite,
      method: "POST",
      json: {
        ...body,
        endDate: "2025-12-31",
        lastIntakeDate: null,
        partnerIds: [seededOrgId, orgs.region],
        goals: [{ ...body.goals[0], targetPercent: 120 }],
      },
    });
    expectProblem(result, 400, "urn:samspar:problem:validation", path);
    const byField = Object.fromEntries(
      result.body.errors.map((e: { field: string; message: string }) => [e.field, e.message]),
    );
    expect(byField).toEqual({
      endDate: "Slutdatum kan inte vara före startdatum.",
      partnerIds: expect.stringContaining("Insatsägaren kan inte också vara samverkanspart"),
      "goals.0.targetPercent": "Andelen för mål 1 kan inte vara över 100 %.",
    });
  });

  it("names the fields in Swedish when the body breaks the schema", async () => {
    const result = await call(path, {
      token: tokens.adminWrite,
      method: "POST",
      json: { ...input(), startDate: "1/1 2026", status: "klar", goals: [{ text: "Mål" }] },
    });
    expectProblem(result, 400, "urn:samspar:problem:validation", path);
    const byField = Object.fromEntries(
      result.body.errors.map((e: { field: string; message: string }) => [e.field, e.message]),
    );
    expect(byField).toEqual({
      startDate:
        "Fältet startDate ska vara ett datum i formatet ÅÅÅÅ-MM-DD, till exempel 2026-01-15.",
      status: expect.stringMatching(/^Fältet status ska vara ett av: ansokan, beviljad, /),
      "goals.0.kind": "Fältet goals.0.kind saknas.",
    });
  });

  it("refuses a read token and a board member with 403 before looking at the body", async () => {
    const read = await call(path, { token: tokens.adminRead, method: "POST", json: {} });
    expectProblem(read, 403, "urn:samspar:problem:forbidden", path);
    expect(read.body.detail).toContain("scope read");
    const board = await call(path, {
      token: tokens.boardWrite,
      method: "POST",
      body: "inte json",
      headers: { "Content-Type": "application/json" },
    });
    expectProblem(board, 403, "urn:samspar:problem:forbidden", path);
    expect(board.body.detail).not.toContain("scope read");
  });

  it("lists all of them for the admin and the board, with search, filters and sorting", async () => {
    const names = async (query: string, token = tokens.adminRead) => {
      const result = await call(`${path}${query}`, { token });
      expect(result.res.status).toBe(200);
      return result.body.items.map((i: { name: string }) => i.name);
    };
    expect(await names("")).toEqual([
      "Enköping, Lärcentrum",
      "Knivsta, Kort",
      "Uppsala, Vägen vidare",
    ]);
    expect(await names("", tokens.boardWrite)).toHaveLength(3);
    expect(await names("?order=desc")).toEqual([
      "Uppsala, Vägen vidare",
      "Knivsta, Kort",
      "Enköping, Lärcentrum",
    ]);
    expect(await names("?q=l%C3%A4rcentrum")).toEqual(["Enköping, Lärcentrum"]);
    expect(await names("?status=pagaende,beviljad&sort=status")).toEqual([
      "Uppsala, Vägen vidare",
      "Enköping, Lärcentrum",
    ]);
    expect(await names(`?owner=${orgs.region}&orientation=structural`)).toEqual([
      "Enköping, Lärcentrum",
    ]);
    expect(await names("?from=2028-01-01")).toEqual(["Knivsta, Kort"]);
    expect(await names("?to=2025-12-31")).toEqual([]);
    const { body } = await call(`${path}?q=Vägen`, { token: tokens.adminRead });
    expect(body.items).toEqual([
      {
        id: createdId,
        name: "Uppsala, Vägen vidare",
        status: "beviljad",
        orientation: "individual",
        startDate: "2026-01-01",
        endDate: "2027-12-31",
        plannedEndDate: null,
        expectedParticipants: 40,
        expectedParticipantsOngoing: false,
        ownerOrganisationId: seededOrgId,
        ownerName: expect.stringMatching(/^Uppsala kommun/),
        partnerNames: ["Arbetsförmedlingen", "Region Uppsala"],
      },
    ]);
  });

  it("names the query parameter in Swedish when a filter is wrong", async () => {
    const status = await call(`${path}?status=pagaende,klar`, { token: tokens.adminRead });
    expectProblem(status, 400, "urn:samspar:problem:validation", path);
    expect(status.body.errors).toEqual([
      { field: "status", message: expect.stringContaining("Okänd status: klar.") },
    ]);
    const from = await call(`${path}?from=igår&sort=datum`, { token: tokens.adminRead });
    expectProblem(from, 400, "urn:samspar:problem:validation", path);
    expect(from.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      "from",
      "sort",
    ]);
    expect(from.body.errors[0].message).toMatch(/^Fältet (from|sort) ska vara/);
  });

  it("answers 403 to someone with a role in the association but no initiative to see", async () => {
    expectProblem(
      await call(path, { token: people.auditor }),
      403,
      "urn:samspar:problem:forbidden",
      path,
    );
    expectProblem(
      await call(`${path}/${createdId}`, { token: people.auditor }),
      403,
      "urn:samspar:problem:forbidden",
      `${path}/${createdId}`,
    );
  });

  it("shows the initiative lead only their own initiative, and lets them change it", async () => {
    const lead = await addUser(t.db, cli, { email: "ledare@uppsala.se", name: "Lea Ledare" });
    await assignRole(t.db, cli, {
      userId: lead.id,
      associationId,
      role: "initiative_lead",
      initiativeId: createdId,
    });
    people.lead = (await createApiToken(t.db, cli, { email: lead.email, scope: "write" })).token;

    const listed = await call(path, { token: people.lead });
    expect(listed.res.status).toBe(200);
    expect(listed.body.items.map((i: { id: string }) => i.id)).toEqual([createdId]);
    expect((await call(`${path}/${createdId}`, { token: people.lead })).body).toMatchObject({
      id: createdId,
      version: 1,
    });
    expectProblem(
      await call(`${path}/${otherInitiativeId}`, { token: people.lead }),
      403,
      "urn:samspar:problem:forbidden",
      `${path}/${otherInitiativeId}`,
    );

    const url = `${path}/${createdId}`;
    const changed = await call(url, {
      token: people.lead,
      method: "PUT",
      json: { ...input(), name: "Uppsala, Vägen vidare 2.0", expectedParticipants: 45, version: 1 },
    });
    expect(changed.res.status).toBe(200);
    expect(changed.body).toMatchObject({
      id: createdId,
      name: "Uppsala, Vägen vidare 2.0",
      expectedParticipants: 45,
      version: 2,
    });
    expectProblem(
      await call(`${path}/${otherInitiativeId}`, {
        token: people.lead,
        method: "PUT",
        json: { ...input(), version: 1 },
      }),
      403,
      "urn:samspar:problem:forbidden",
      `${path}/${otherInitiativeId}`,
    );
  });

  it("lets a steering group member read their initiative but not change it", async () => {
    const member = await addUser(t.db, cli, { email: "styrgrupp@uppsala.se", name: "Sten Styr" });
    await assignRole(t.db, cli, {
      userId: member.id,
      associationId,
      role: "steering_group_member",
      initiativeId: createdId,
    });
    people.steering = (
      await createApiToken(t.db, cli, { email: member.email, scope: "write" })
    ).token;
    const url = `${path}/${createdId}`;
    const read = await call(url, { token: people.steering });
    expect(read.res.status).toBe(200);
    expect(read.body.name).toBe("Uppsala, Vägen vidare 2.0");
    for (const json of [{ ...input(), version: 2 }, { name: 17 }]) {
      const write = await call(url, { token: people.steering, method: "PUT", json });
      expectProblem(write, 403, "urn:samspar:problem:forbidden", url);
    }
    expect((await call(url, { token: people.steering })).body.version).toBe(2);
  });

  it("answers 409 for a stale version, naming what the saved version differs in", async () => {
    const url = `${path}/${createdId}`;
    const stale = await call(url, {
      token: tokens.adminWrite,
      method: "PUT",
      json: { ...input(), version: 1 },
    });
    expectProblem(stale, 409, "urn:samspar:problem:conflict", url);
    expect(stale.body.detail).toContain("version 2, du utgick från 1");
    expect(stale.body.detail).toContain("namn, antal deltagare");
    const current = await call(url, { token: tokens.adminRead });
    expect(current.body).toMatchObject({ name: "Uppsala, Vägen vidare 2.0", version: 2 });
  });

  it("answers 404 for a foreign association, and for an initiative not in the association", async () => {
    const foreign = await call("/associations/annat-forbund/initiatives", {
      token: tokens.adminWrite,
    });
    expectProblem(
      foreign,
      404,
      "urn:samspar:problem:not-found",
      "/associations/annat-forbund/initiatives",
    );
    const intruder = await call(`${path}/${createdId}`, { token: tokens.otherAdmin });
    expectProblem(intruder, 404, "urn:samspar:problem:not-found", `${path}/${createdId}`);
    const intrusion = await call(`${path}/${createdId}`, {
      token: tokens.otherAdmin,
      method: "PUT",
      json: { ...input(), version: 2 },
    });
    expect(intrusion.res.status).toBe(404);
    const unknown = `${path}/3f2504e0-4f89-41d3-9a0c-0305e82c3301`;
    expectProblem(
      await call(unknown, { token: tokens.adminRead }),
      404,
      "urn:samspar:problem:not-found",
      unknown,
    );
    expectProblem(
      await call(unknown, {
        token: tokens.adminWrite,
        method: "PUT",
        json: { ...input(), version: 1 },
      }),
      404,
      "urn:samspar:problem:not-found",
      unknown,
    );
    const bad = await call(`${path}/inte-ett-id`, { token: tokens.adminRead });
    expectProblem(bad, 400, "urn:samspar:problem:validation", `${path}/inte-ett-id`);
    expect(bad.body.errors).toEqual([
      { field: "initiativeId", message: expect.stringContaining("uuid") },
    ]);
  });
});

describe("limits and failures", () => {
  it("answers 429 with Retry-After once a token has used up its window", async () => {
    const created = await createApiToken(t.db, cli, { email: "admin@uppsala.se", scope: "read" });
    expect((await call("/me", { token: created.token })).res.status).toBe(200);
    await t.db
      .update(throttleCounters)
      .set({ hits: 600 })
      .where(eq(throttleCounters.key, `api:${created.id}`));
    const result = await call("/me", { token: created.token });
    expectProblem(result, 429, "urn:samspar:problem:rate-limited", "/me");
    expect(Number(result.res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(result.res.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    // other tokens are not affected
    expect((await call("/me", { token: tokens.adminRead })).res.status).toBe(200);
  });

  it("answers 404 problem+json for an operation that does not exist", async () => {
    const result = await call("/associations/uppsala-lan/hemligheter", { token: tokens.adminRead });
    expectProblem(
      result,
      404,
      "urn:samspar:problem:not-found",
      "/associations/uppsala-lan/hemligheter",
    );
  });

  it("answers 500 without internals when something breaks, and logs the error", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const broken = new Proxy(t.db, {
        get() {
          throw new Error("connection refused at /srv/samspar/secret-path.ts:12");
        },
      });
      app = createApiApp({ ...services, db: broken });
      const result = await call("/me", { token: tokens.adminRead });
      expectProblem(result, 500, "urn:samspar:problem:internal", "/me");
      expect(result.body.detail).toContain("Något gick fel hos oss");
      expect(result.body.detail).toContain(result.body.requestId);
      expect(result.text).not.toContain("connection refused");
      expect(log).toHaveBeenCalledWith(
        expect.stringContaining(result.body.requestId),
        expect.any(Error),
      );
    } finally {
      log.mockRestore();
      app = createApiApp(services);
    }
  });

  it("never puts a stack trace or internal message in an error body", () => {
    expect(problemBodies.length).toBeGreaterThanOrEqual(20);
    for (const text of problemBodies) {
      expect(text).not.toMatch(/\n\s+at |\bat [\w.<>]+ \(|\.ts:\d+|node_modules|"stack"|Error:/);
    }
  });
});

describe("OpenAPI document", () => {
  it("is served without a token", async () => {
    const res = await app.request("/openapi.json");
    expect(res.status).toBe(200);
    const document = await res.json();
    expect(document).toMatchObject({
      openapi: "3.1.0",
      info: { title: "Samspår API", version: "1" },
      servers: [{ url: "/api/v1" }],
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
    });
    for (const [path, operations] of Object.entries(
      document.paths as Record<string, Record<string, { security: unknown }>>,
    )) {
      for (const [method, operation] of Object.entries(operations)) {
        expect({ path, method, security: operation.security }).toEqual({
          path,
          method,
          security: [{ bearer: [] }],
        });
      }
    }
    expect(Object.keys(document.paths).sort()).toEqual([
      "/applications/{applicationId}/document",
      "/associations/{slug}/applications",
      "/associations/{slug}/applications/{applicationId}",
      "/associations/{slug}/applications/{applicationId}/comments",
      "/associations/{slug}/applications/{applicationId}/decision",
      "/associations/{slug}/applications/{applicationId}/diff",
      "/associations/{slug}/applications/{applicationId}/document",
      "/associations/{slug}/applications/{applicationId}/preparation",
      "/associations/{slug}/applications/{applicationId}/return",
      "/associations/{slug}/applications/{applicationId}/signatures",
      "/associations/{slug}/applications/{applicationId}/signatures/paper",
      "/associations/{slug}/applications/{applicationId}/submit",
      "/associations/{slug}/applications/{applicationId}/versions",
      "/associations/{slug}/applications/{applicationId}/versions/{version}",
      "/associations/{slug}/course-figures",
      "/associations/{slug}/deviation-reports",
      "/associations/{slug}/deviation-reports/{deviationId}",
      "/associations/{slug}/deviation-reports/{deviationId}/decision",
      "/associations/{slug}/deviation-reports/{deviationId}/document",
      "/associations/{slug}/deviation-reports/{deviationId}/submit",
      "/associations/{slug}/deviation-reports/{deviationId}/versions",
      "/associations/{slug}/evaluation-results",
      "/associations/{slug}/final-reports",
      "/associations/{slug}/final-reports/{finalReportId}",
      "/associations/{slug}/final-reports/{finalReportId}/accept",
      "/associations/{slug}/final-reports/{finalReportId}/document",
      "/associations/{slug}/final-reports/{finalReportId}/return",
      "/associations/{slug}/final-reports/{finalReportId}/signatures",
      "/associations/{slug}/final-reports/{finalReportId}/signatures/paper",
      "/associations/{slug}/final-reports/{finalReportId}/submit",
      "/associations/{slug}/final-reports/{finalReportId}/versions",
      "/associations/{slug}/finance-settings",
      "/associations/{slug}/follow-ups",
      "/associations/{slug}/funding-years/{year}",
      "/associations/{slug}/initiatives",
      "/associations/{slug}/initiatives/{initiativeId}",
      "/associations/{slug}/initiatives/{initiativeId}/budget",
      "/associations/{slug}/initiatives/{initiativeId}/budget/export",
      "/associations/{slug}/initiatives/{initiativeId}/budget/import",
      "/associations/{slug}/initiatives/{initiativeId}/budget/proposal",
      "/associations/{slug}/initiatives/{initiativeId}/budget/rephasings",
      "/associations/{slug}/initiatives/{initiativeId}/budget/template",
      "/associations/{slug}/initiatives/{initiativeId}/budget/versions",
      "/associations/{slug}/initiatives/{initiativeId}/final-report",
      "/associations/{slug}/initiatives/{initiativeId}/money",
      "/associations/{slug}/initiatives/{initiativeId}/prognosis-overrides",
      "/associations/{slug}/initiatives/{initiativeId}/progression-plan",
      "/associations/{slug}/initiatives/{initiativeId}/returned-funds",
      "/associations/{slug}/initiatives/{initiativeId}/steering-group/attachments/{attachmentId}",
      "/associations/{slug}/initiatives/{initiativeId}/steering-group/meetings",
      "/associations/{slug}/initiatives/{initiativeId}/steering-group/meetings/{meetingId}",
      "/associations/{slug}/initiatives/{initiativeId}/steering-group/meetings/{meetingId}/attachments",
      "/associations/{slug}/initiatives/{initiativeId}/steering-group/members",
      "/associations/{slug}/initiatives/{initiativeId}/steering-group/members/{memberId}",
      "/associations/{slug}/member-organisations",
      "/associations/{slug}/member-organisations/{id}",
      "/associations/{slug}/money/{year}",
      "/associations/{slug}/money/{year}/national",
      "/associations/{slug}/money/{year}/workbook",
      "/associations/{slug}/participant-statistics",
      "/associations/{slug}/periodic-reports",
      "/associations/{slug}/periodic-reports/{reportId}",
      "/associations/{slug}/periodic-reports/{reportId}/accept",
      "/associations/{slug}/periodic-reports/{reportId}/arrival",
      "/associations/{slug}/periodic-reports/{reportId}/comments",
      "/associations/{slug}/periodic-reports/{reportId}/document",
      "/associations/{slug}/periodic-reports/{reportId}/reminders",
      "/associations/{slug}/periodic-reports/{reportId}/return",
      "/associations/{slug}/periodic-reports/{reportId}/steering-analysis",
      "/associations/{slug}/periodic-reports/{reportId}/submit",
      "/associations/{slug}/periodic-reports/{reportId}/versions",
      "/associations/{slug}/progression/instrument-versions/{versionId}",
      "/associations/{slug}/progression/instruments",
      "/associations/{slug}/progression/results",
      "/associations/{slug}/requisitions",
      "/associations/{slug}/requisitions/{requisitionId}",
      "/associations/{slug}/requisitions/{requisitionId}/approve",
      "/associations/{slug}/requisitions/{requisitionId}/attachments",
      "/associations/{slug}/requisitions/{requisitionId}/attachments/{fileId}",
      "/associations/{slug}/requisitions/{requisitionId}/payment",
      "/associations/{slug}/requisitions/{requisitionId}/return",
      "/associations/{slug}/requisitions/{requisitionId}/submit",
      "/associations/{slug}/status-answers",
      "/associations/{slug}/users",
      "/follow-ups/{followUpId}",
      "/follow-ups/{followUpId}/document",
      "/me",
    ]);
  });

  it("matches the committed docs/api/openapi.json (run `node src/api/write-openapi.ts` after changing the API)", () => {
    const committed = JSON.parse(fs.readFileSync(OPENAPI_FILE, "utf8"));
    expect(committed).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
  });
});
