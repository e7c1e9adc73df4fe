// Progression measurement through the API, on the results fixture (src/progression/
// results-fixture.ts): the instruments (Samspår's and the association's own, never another
// association's) and one version's definition; an initiative's plan, read by the office, the board
// and the initiative's own lead and steering group, saved by the office with a write key only — a
// stale version is 409 and bad input is refused field by field in Swedish, nothing saved; the
// results after disclosure control, all initiatives for the office and the board and only their
// own for the lead and the steering group, with no participant, enrollment, name or personnummer
// anywhere in the answer. Participant officers (register zone) and the auditor get 403 on every
// operation, another association's key 404.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { createAssociation } from "../associations/create-association.ts";
import { auditEvents } from "../audit/schema.ts";
import { addUser } from "../people/add-user.ts";
import { assignRole } from "../people/assign-role.ts";
import { createApiToken } from "../people/create-api-token.ts";
import type { Role } from "../people/roles.ts";
import { BUILT_IN_INSTRUMENTS } from "../progression/builtin.ts";
import { progressionResults } from "../progression/results.ts";
import {
  externalKeyOf,
  type ProgressionFixture,
  progressionFixture,
  publishedInstrument,
  TEST_DEFINITION,
} from "../progression/results-fixture.ts";
import { progressionPlans } from "../progression/schema.ts";
import { type ApiApp, createApiTestApp } from "./api-test-client.ts";
import { buildOpenApiDocument } from "./app.ts";
import { progressionResultsOut } from "./progression-routes.ts";

const cli = { userId: null, label: "cli" };
const SLUG = "prog";
const BASE = `/associations/${SLUG}`;
const YEAR = "from=2026-01-01&to=2026-12-31";
let t: TestDatabase;
let app: ApiApp;
let p: ProgressionFixture;
let foreignVersionId = "";
const tokens = {
  admin: "",
  adminRead: "",
  board: "",
  lead: "",
  steering: "",
  officer: "",
  auditor: "",
  foreign: "",
};

async function call(url: string, token?: string, init: RequestInit = {}) {
  const headers: Record<string, string> = { ...(init.headers as Record<string, string>) };
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await app.request(url, { ...init, headers });
  const text = await res.text();
  return { res, text, body: text ? JSON.parse(text) : undefined };
}

const put = (url: string, token: string, body: unknown) =>
  call(url, token, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  t = await createTestDatabase();
  ({ app } = createApiTestApp(t));
  p = await progressionFixture(t.db, t.owner.db, { slug: SLUG });
  const token = async (email: string, scope: "read" | "write") =>
    (await createApiToken(t.db, cli, { email, scope })).token;
  const person = async (
    email: string,
    name: string,
    associationId: string,
    role: Role,
    initiativeId?: string,
  ) => {
    const user = await addUser(t.db, cli, { email, name });
    await assignRole(t.db, cli, { userId: user.id, associationId, role, initiativeId });
    return email;
  };
  tokens.admin = await token(`eva.ek.${SLUG}@example.se`, "write");
  tokens.adminRead = await token(`eva.ek.${SLUG}@example.se`, "read");
  tokens.officer = await token(`anna.andersson.${SLUG}@example.se`, "write");
  tokens.auditor = await token(`dan.dahl.${SLUG}@example.se`, "read");
  const association = p.f.associationId;
  tokens.board = await token(
    await person("styrelse@prog.example.se", "Stina Styrelse", association, "board_member"),
    "read",
  );
  tokens.lead = await token(
    await person("ledare@prog.example.se", "Lars Ledare", association, "initiative_lead", p.a),
    "write",
  );
  tokens.steering = await token(
    await person("styr@prog.example.se", "Sara Styr", association, "steering_group_member", p.a),
    "read",
  );
  const other = await createAssociation(t.db, cli, { slug: "annat", name: "Annat förbund" });
  tokens.foreign = await token(
    await person("admin@annat.example.se", "Annan Admin", other.id, "association_admin"),
    "write",
  );
  foreignVersionId = await publishedInstrument(t.owner.db, other.id, "annat-instrument");
}, 180_000);
afterAll(() => t?.drop());

describe("the instruments", () => {
  it("lists Samspår's instruments and the association's own, with their versions", async () => {
    const { res, body } = await call(`${BASE}/progression/instruments`, tokens.adminRead);
    expect(res.status).toBe(200);
    const keys = body.items.map((i: { key: string }) => i.key);
    expect(keys).toEqual([...BUILT_IN_INSTRUMENTS.map((b) => b.key), "framtidstro"]);
    expect(keys).not.toContain("annat-instrument");
    const own = body.items.find((i: { key: string }) => i.key === "framtidstro");
    expect(own).toMatchObject({
      name: { sv: "Framtidstro" },
      shipped: false,
      licence: null,
      inUse: true,
      versions: [{ id: p.versionId, number: 1, status: "publicerad" }],
    });
    for (const shipped of body.items.filter((i: { shipped: boolean }) => i.shipped))
      expect(shipped.versions[0]).toMatchObject({ number: 1, status: "publicerad" });
  });

  it("is read by the office, the board and the initiative's lead and steering group only", async () => {
    for (const token of [tokens.admin, tokens.board, tokens.lead, tokens.steering])
      expect((await call(`${BASE}/progression/instruments`, token)).res.status).toBe(200);
    for (const token of [tokens.officer, tokens.auditor])
      expect((await call(`${BASE}/progression/instruments`, token)).res.status).toBe(403);
    expect((await call(`${BASE}/progression/instruments`, tokens.foreign)).res.status).toBe(404);
    expect((await call(`${BASE}/progression/instruments`)).res.status).toBe(401);
  });

  it("gives one version with its whole definition, never another association's", async () => {
    const url = `${BASE}/progression/instrument-versions/${p.versionId}`;
    const { res, body } = await call(url, tokens.board);
    expect(res.status).toBe(200);
    expect(body).toMatchObject({
      id: p.versionId,
      number: 1,
      status: "publicerad",
      instrument: { key: "framtidstro", shipped: false },
    });
    expect(body.definition).toEqual(TEST_DEFINITION);
    const list = await call(`${BASE}/progression/instruments`, tokens.adminRead);
    const shippedVersion = list.body.items[0].versions[0].id;
    const shipped = await call(
      `${BASE}/progression/instrument-versions/${shippedVersion}`,
      tokens.lead,
    );
    expect(shipped.res.status).toBe(200);
    expect(shipped.body.instrument.shipped).toBe(true);
    expect(shipped.body.definition.scale).toMatchObject({ min: 1, max: 10 });
    const foreign = await call(
      `${BASE}/progression/instrument-versions/${foreignVersionId}`,
      tokens.admin,
    );
    expect(foreign.res.status).toBe(404);
    expect(foreign.body.detail).toBe("Versionen av instrumentet finns inte i förbundet.");
    expect(
      (await call(`${BASE}/progression/instrument-versions/inte-ett-id`, tokens.admin)).res.status,
    ).toBe(400);
    expect((await call(url, tokens.officer)).res.status).toBe(403);
    expect((await call(url, tokens.auditor)).res.status).toBe(403);
    expect(
      (
        await call(
          `/associations/annat/progression/instrument-versions/${p.versionId}`,
          tokens.foreign,
        )
      ).res.status,
    ).toBe(404);
  });
});

describe("the measurement plan", () => {
  const planUrl = (initiativeId: string) => `${BASE}/initiatives/${initiativeId}/progression-plan`;

  it("is read by the office, the board and the initiative's own lead and steering group", async () => {
    const { res, body } = await call(planUrl(p.a), tokens.adminRead);
    expect(res.status).toBe(200);
    expect(body).toMatchObject({
      initiativeId: p.a,
      instrumentVersionIds: [p.versionId],
      instruments: [{ versionId: p.versionId, instrumentKey: "framtidstro", name: "Framtidstro" }],
      intervalMonths: 3,
      atExit: true,
      graceDays: 14,
      targetPercent: 50,
      comparisonGroup: true,
      version: 1,
    });
    for (const token of [tokens.board, tokens.lead, tokens.steering])
      expect((await call(planUrl(p.a), token)).res.status).toBe(200);
    // the lead and the steering group of a see no other initiative's plan
    for (const token of [tokens.lead, tokens.steering])
      expect((await call(planUrl(p.b), token)).res.status).toBe(403);
    for (const token of [tokens.officer, tokens.auditor])
      expect((await call(planUrl(p.a), token)).res.status).toBe(403);
    expect(
      (await call(`/associations/annat/initiatives/${p.a}/progression-plan`, tokens.foreign)).res
        .status,
    ).toBe(404);
    expect((await call(planUrl(p.a), tokens.foreign)).res.status).toBe(404);
  });

  it("answers 404 for an initiative without a plan and one that does not exist", async () => {
    const none = await call(planUrl(p.f.tierp.second), tokens.admin);
    expect(none.res.status).toBe(404);
    expect(none.body.detail).toContain("ingen mätplan");
    const missing = await call(planUrl("5b0e7c1a-2f4d-4e8b-9c3a-7d1e2f3a4b5c"), tokens.admin);
    expect(missing.res.status).toBe(404);
    expect(missing.body.detail).toBe("Insatsen finns inte i förbundet.");
  });

  it("is created and changed by the office with a write key; a stale version is 409", async () => {
    const url = planUrl(p.f.tierp.second);
    const input = {
      instrumentVersionIds: [p.versionId],
      intervalMonths: 6,
      atExit: true,
      graceDays: 10,
      targetPercent: 70,
      comparisonGroup: false,
    };
    const created = await put(url, tokens.admin, { version: null, ...input });
    expect(created.res.status).toBe(201);
    expect(created.body).toMatchObject({
      ...input,
      version: 1,
      updatedByName: "Eva Ek",
      instruments: [{ versionId: p.versionId, number: 1 }],
    });
    const changed = await put(url, tokens.admin, { version: 1, ...input, intervalMonths: 4 });
    expect(changed.res.status).toBe(200);
    expect(changed.body).toMatchObject({ intervalMonths: 4, version: 2 });
    const stale = await put(url, tokens.admin, { version: 1, ...input, targetPercent: 10 });
    expect(stale.res.status).toBe(409);
    expect(stale.body.detail).toContain("Någon annan har ändrat mätplanen");
    const again = await put(url, tokens.admin, { version: null, ...input });
    expect(again.res.status).toBe(409);
    const read = await call(url, tokens.admin);
    expect(read.body).toMatchObject({ intervalMonths: 4, targetPercent: 70, version: 2 });
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, "progression_plan.saved"),
          eq(auditEvents.targetId, p.f.tierp.second),
        ),
      );
    expect(events).toHaveLength(2);
  });

  it("refuses bad input field by field in Swedish and saves nothing", async () => {
    const url = planUrl(p.a);
    const bad = await put(url, tokens.admin, {
      version: 1,
      instrumentVersionIds: [foreignVersionId],
      intervalMonths: 30,
      atExit: true,
      graceDays: 5,
      targetPercent: 120,
      comparisonGroup: true,
    });
    expect(bad.res.status).toBe(400);
    const fields = Object.fromEntries(
      bad.body.errors.map((e: { field: string; message: string }) => [e.field, e.message]),
    );
    expect(fields).toEqual({
      instrumentVersionIds: expect.stringContaining("finns inte längre som publicerad version"),
      intervalMonths: expect.stringContaining("ett heltal från 0 till 24"),
      targetPercent: expect.stringContaining("ett heltal från 0 till 100"),
    });
    const structural = await put(planUrl(p.f.tierp.structural), tokens.admin, {
      version: null,
      instrumentVersionIds: [p.versionId],
      intervalMonths: 3,
      atExit: true,
      graceDays: 14,
      targetPercent: 50,
      comparisonGroup: false,
    });
    expect(structural.res.status).toBe(400);
    expect(structural.body.errors).toEqual([
      { field: "form", message: expect.stringContaining("strukturinriktad insats") },
    ]);
    const wrongType = await put(url, tokens.admin, { version: 1, intervalMonths: "tre" });
    expect(wrongType.res.status).toBe(400);
    const [plan] = await t.db
      .select()
      .from(progressionPlans)
      .where(eq(progressionPlans.initiativeId, p.a));
    expect(plan).toMatchObject({ intervalMonths: 3, targetPercent: 50, version: 1 });
  });

  it("is refused to a read key, to the board, the lead and the officer, and to another association", async () => {
    const body = {
      version: 1,
      instrumentVersionIds: [p.versionId],
      intervalMonths: 2,
      atExit: false,
      graceDays: 0,
      targetPercent: 0,
      comparisonGroup: false,
    };
    const read = await put(planUrl(p.a), tokens.adminRead, body);
    expect(read.res.status).toBe(403);
    expect(read.body.detail).toContain("scope read");
    for (const token of [
      tokens.board,
      tokens.lead,
      tokens.steering,
      tokens.officer,
      tokens.auditor,
    ])
      expect((await put(planUrl(p.a), token, body)).res.status).toBe(403);
    expect((await put(planUrl(p.a), tokens.foreign, body)).res.status).toBe(404);
    const [plan] = await t.db
      .select()
      .from(progressionPlans)
      .where(eq(progressionPlans.initiativeId, p.a));
    expect(plan?.version).toBe(1);
  });
});

describe("the results", () => {
  const resultsUrl = `${BASE}/progression/results?${YEAR}`;

  it("are the protected results of every initiative with a plan for the office and the board", async () => {
    const { res, body } = await call(resultsUrl, tokens.adminRead);
    expect(res.status).toBe(200);
    const expected = progressionResultsOut(
      await progressionResults(t.db, p.f.associationId, { from: "2026-01-01", to: "2026-12-31" }),
    );
    expect(body).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(body.threshold).toBe(5);
    expect(body.initiatives.map((i: { id: string }) => i.id)).toEqual(
      expect.arrayContaining([p.a, p.b]),
    );
    // Tierp, Växtverket has two men: fewer than the threshold, so neither count is shown
    const a = body.initiatives.find((i: { id: string }) => i.id === p.a).instruments[0];
    expect(a.coverage.measured.man).toEqual({ suppressed: "primary", display: "<\u00a05" });
    expect(a.coverage.enrolled.man).not.toHaveProperty("value");
    expect(a.comparison).not.toBeNull();
    expect(body.disclosure.suppressedCells).toBeGreaterThan(0);
    expect(body.disclosure.reasons.length).toBeGreaterThan(0);
    expect(body.definitions.map((d: { key: string }) => d.key)).toContain("forandring");
    const board = await call(resultsUrl, tokens.board);
    expect(board.res.status).toBe(200);
    expect(board.body).toEqual(body);
  });

  it("never carry a participant, an enrollment, a name, a personnummer or the initiative's own key", async () => {
    for (const token of [tokens.adminRead, tokens.lead]) {
      const { text } = await call(resultsUrl, token);
      for (const id of [...p.participantIds, ...p.enrollmentIds]) expect(text).not.toContain(id);
      for (const { number, name } of p.identities) {
        expect(text).not.toContain(number);
        expect(text).not.toContain(number.replace("-", ""));
        expect(text).not.toContain(name);
      }
      for (let i = 0; i < p.identities.length; i++) expect(text).not.toContain(externalKeyOf(i));
      expect(text).not.toMatch(/participantId|enrollmentId|personnummer/i);
    }
  });

  it("are their own initiatives' only for the lead and the steering group", async () => {
    for (const token of [tokens.lead, tokens.steering]) {
      const { res, body } = await call(resultsUrl, token);
      expect(res.status).toBe(200);
      expect(body.initiatives.map((i: { id: string }) => i.id)).toEqual([p.a]);
      const other = await call(`${resultsUrl}&initiativeId=${p.b}`, token);
      expect(other.res.status).toBe(403);
      const own = await call(`${resultsUrl}&initiativeId=${p.a}`, token);
      expect(own.res.status).toBe(200);
      expect(own.body.initiatives.map((i: { id: string }) => i.id)).toEqual([p.a]);
    }
    const onlyB = await call(`${resultsUrl}&initiativeId=${p.b}`, tokens.adminRead);
    expect(onlyB.body.initiatives.map((i: { id: string }) => i.id)).toEqual([p.b]);
  });

  it("are refused to the officer and the auditor, and to another association", async () => {
    for (const token of [tokens.officer, tokens.auditor])
      expect((await call(resultsUrl, token)).res.status).toBe(403);
    expect((await call(resultsUrl, tokens.foreign)).res.status).toBe(404);
    expect(
      (await call(`/associations/annat/progression/results?${YEAR}`, tokens.foreign)).body
        .initiatives,
    ).toEqual([]);
    expect((await call(resultsUrl)).res.status).toBe(401);
  });

  it("refuse a bad period in Swedish, and an initiative that is not the association's", async () => {
    const backwards = await call(
      `${BASE}/progression/results?from=2026-12-31&to=2026-01-01`,
      tokens.adminRead,
    );
    expect(backwards.res.status).toBe(400);
    expect(backwards.body.errors).toEqual([
      {
        field: "to",
        message:
          "Periodens sista dag (2026-01-01) ligger före dess första dag (2026-12-31). Byt plats på datumen.",
      },
    ]);
    const notADate = await call(`${BASE}/progression/results?from=2026-13-01`, tokens.adminRead);
    expect(notADate.res.status).toBe(400);
    expect(notADate.body.errors[0].field).toBe("from");
    const missing = await call(
      `${resultsUrl}&initiativeId=5b0e7c1a-2f4d-4e8b-9c3a-7d1e2f3a4b5c`,
      tokens.adminRead,
    );
    expect(missing.res.status).toBe(404);
  });
});

describe("the OpenAPI document", () => {
  it("describes every progression operation under the tag Progression, and no register operation", () => {
    const document = buildOpenApiDocument();
    const paths = Object.keys(document.paths ?? {}).filter((path) => path.includes("progression"));
    expect(paths.sort()).toEqual([
      "/associations/{slug}/initiatives/{initiativeId}/progression-plan",
      "/associations/{slug}/progression/instrument-versions/{versionId}",
      "/associations/{slug}/progression/instruments",
      "/associations/{slug}/progression/results",
    ]);
    const plan =
      document.paths?.["/associations/{slug}/initiatives/{initiativeId}/progression-plan"];
    expect(plan?.get?.tags).toEqual(["Progression"]);
    expect(plan?.put?.responses).toHaveProperty("409");
    expect(
      document.paths?.["/associations/{slug}/progression/results"]?.get?.description,
    ).toContain("deltagarregistret");
  });
});
