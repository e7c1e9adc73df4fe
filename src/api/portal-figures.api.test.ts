// The portal's protected figures through the API (issue 10): the courses' figures and Tyck till's
// results, on the register fixture with one participant (a woman of Tierp, Växtverket) who read a
// course in March 2026, and hand-inserted answers after meetings. With the association's
// threshold (5) her figures are "< 5" in the statistics' cell shape; with disclosure control off
// they are exact; a free-text answer is a count and its text never leaves. The office and the
// board read every individual initiative; the lead, the steering group and the participant
// officers only their own (403 for another); the auditor 403; another association 404. A bad
// period or context is refused in Swedish, field by field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { createAssociation } from "../associations/create-association.ts";
import { saveDisclosureSettings } from "../associations/disclosure-settings.ts";
import { evaluationFixture } from "../evaluation/evaluation-fixture.ts";
import { evaluationResults } from "../evaluation/results.ts";
import { evaluationForms, evaluationResponses, type ResponseAnswer } from "../evaluation/schema.ts";
import { addUser } from "../people/add-user.ts";
import { assignRole } from "../people/assign-role.ts";
import { createApiToken } from "../people/create-api-token.ts";
import type { Role } from "../people/roles.ts";
import { type RegisterFixture, registerFixture } from "../register/register-fixture.ts";
import { inRegister } from "../register/zone.ts";
import { type ApiApp, createApiTestApp } from "./api-test-client.ts";
import { buildOpenApiDocument } from "./app.ts";
import { evaluationResultsOut } from "./evaluation-results-routes.ts";

const cli = { userId: null, label: "cli" };
const SLUG = "kursapi";
const BASE = `/associations/${SLUG}`;
const MARCH = "from=2026-03&to=2026-03";
const SECRET = "Min handläggare heter Lina och jag bor på Storgatan";
const LESS_THAN_5 = { suppressed: true, reason: "primary", display: "<\u00a05" };
let t: TestDatabase;
let app: ApiApp;
let f: RegisterFixture;
let courseId = "";
const tokens = {
  admin: "",
  board: "",
  lead: "",
  steering: "",
  officer: "",
  auditor: "",
  foreign: "",
};

async function call(url: string, token?: string) {
  const headers: Record<string, string> = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await app.request(url, { headers });
  const text = await res.text();
  return { res, text, body: text ? JSON.parse(text) : undefined };
}

const scale = (value: number): ResponseAnswer => ({
  questionId: "q-skala",
  type: "skala",
  questionSv: "Hur nöjd är du med mötet?",
  value,
});
const free = (value: string | null): ResponseAnswer => ({
  questionId: "q-fritext",
  type: "fritext",
  questionSv: "Något mer?",
  value,
});

beforeAll(async () => {
  t = await createTestDatabase();
  ({ app } = createApiTestApp(t));
  f = await registerFixture(t.db, SLUG);
  // her course: the first chapter started and completed, the second started, in March 2026
  courseId = (await evaluationFixture(t.db, f, "sv", new Date("2026-03-15T10:00:00Z"))).courseId;
  const [form] = await t.db
    .insert(evaluationForms)
    .values({
      associationId: f.associationId,
      initiativeId: f.tierp.initiative,
      kind: "kort",
      questions: [
        {
          id: "q-skala",
          type: "skala",
          texts: { sv: { text: "Hur nöjd är du med mötet?", low: "Inte alls", high: "Mycket" } },
        },
        { id: "q-fritext", type: "fritext", texts: { sv: { text: "Något mer?" } } },
      ],
      updatedByName: "Test",
    })
    .returning({ id: evaluationForms.id });
  const access = await f.access(f.officers.tierp);
  // March, after meetings: 6 answers 4, 4, 5, 5, 5, 5 (mean 28/6 = 4,67 → "4,7") and 6 texts
  for (const v of [4, 4, 5, 5, 5, 5])
    await inRegister(t.db, access.scope, (tx) =>
      tx.insert(evaluationResponses).values({
        associationId: f.associationId,
        dataControllerId: f.tierp.controller,
        initiativeId: f.tierp.initiative,
        formId: form?.id ?? "",
        formVersion: 1,
        kind: "kort",
        context: "mote",
        month: "2026-03-01",
        answers: [scale(v), free(SECRET)],
      }),
    );

  const token = async (email: string, scope: "read" | "write" = "read") =>
    (await createApiToken(t.db, cli, { email, scope })).token;
  const person = async (
    email: string,
    role: Role,
    associationId: string,
    initiativeId?: string,
  ) => {
    const user = await addUser(t.db, cli, { email, name: email.split("@")[0] ?? email });
    await assignRole(t.db, cli, { userId: user.id, associationId, role, initiativeId });
    return email;
  };
  tokens.admin = await token(`eva.ek.${SLUG}@example.se`);
  tokens.officer = await token(`anna.andersson.${SLUG}@example.se`);
  tokens.auditor = await token(`dan.dahl.${SLUG}@example.se`);
  tokens.board = await token(
    await person("styrelse@kurs.example.se", "board_member", f.associationId),
  );
  tokens.lead = await token(
    await person("ledare@kurs.example.se", "initiative_lead", f.associationId, f.tierp.initiative),
  );
  tokens.steering = await token(
    await person(
      "styr@kurs.example.se",
      "steering_group_member",
      f.associationId,
      f.tierp.initiative,
    ),
  );
  const other = await createAssociation(t.db, cli, { slug: "annat", name: "Annat förbund" });
  tokens.foreign = await token(
    await person("admin@annat.example.se", "association_admin", other.id),
  );
}, 180_000);
afterAll(() => t?.drop());

const figuresUrl = `${BASE}/course-figures?${MARCH}`;
const resultsUrl = `${BASE}/evaluation-results?${MARCH}&context=mote`;

type Named = { id: string; name: string };
const names = (list: Named[]) => list.map((i) => i.name);

describe("the course figures", () => {
  it("are every individual initiative's, each on its own, with protected cells and definitions", async () => {
    const { res, body } = await call(figuresUrl, tokens.admin);
    expect(res.status).toBe(200);
    expect(names(body.initiatives)).toEqual([
      "Heby, Steget",
      "Heby, Vägen",
      "Tierp, Språkstegen",
      "Tierp, Växtverket",
    ]);
    expect(body.period).toEqual({
      from: "2026-03",
      to: "2026-03",
      fromLabel: "mars 2026",
      toLabel: "mars 2026",
    });
    expect(body.threshold).toBe(5);
    const vaxtverket = body.initiatives.find((i: Named) => i.id === f.tierp.initiative);
    expect(vaxtverket.courses).toHaveLength(1);
    const course = vaxtverket.courses[0];
    expect(course).toMatchObject({
      courseId,
      title: "Samhällsorientering",
      chapters: 2,
      version: 1,
      forAll: true,
      withdrawn: false,
      quiz: null,
    });
    expect(course.rows.map((r: { key: string }) => r.key)).toEqual([
      "started",
      "finished",
      "chapters",
    ]);
    const started = course.rows[0];
    expect(started.label).toBe("Påbörjade kursen");
    expect(started.definition.length).toBeGreaterThan(20);
    expect(started.partOf).toBeNull();
    // one woman: fewer than 5, so neither she nor the total is shown
    expect(started.kvinnor).toEqual(LESS_THAN_5);
    expect(started.totalt).not.toHaveProperty("value");
    expect(vaxtverket.disclosure.suppressedCells).toBeGreaterThan(0);
    expect(vaxtverket.disclosure.reasons.length).toBeGreaterThan(0);
    const board = await call(figuresUrl, tokens.board);
    expect(board.res.status).toBe(200);
    expect(board.body).toEqual(body);
  });

  it("are exact with disclosure control off", async () => {
    await saveDisclosureSettings(t.db, cli, f.associationId, 0, {
      threshold: 0,
      allowTrueZero: true,
    });
    try {
      const { body } = await call(`${figuresUrl}&initiativeId=${f.tierp.initiative}`, tokens.admin);
      expect(body.threshold).toBe(0);
      const [started, finished, chapters] = body.initiatives[0].courses[0].rows;
      expect([started.kvinnor, started.man, started.totalt]).toEqual([
        { value: 1 },
        { value: 0 },
        { value: 1 },
      ]);
      expect(finished.totalt).toEqual({ value: 0 });
      expect(chapters.totalt).toEqual({ value: 1 });
      // another month: nothing
      const april = await call(
        `${BASE}/course-figures?from=2026-04&to=2026-04&initiativeId=${f.tierp.initiative}`,
        tokens.admin,
      );
      expect(april.body.initiatives[0].courses[0].rows[0].totalt).toEqual({ value: 0 });
    } finally {
      await saveDisclosureSettings(t.db, cli, f.associationId, 1, {
        threshold: 5,
        allowTrueZero: false,
      });
    }
  });

  it("are their own initiatives' only for the lead, the steering group and the officers", async () => {
    for (const token of [tokens.lead, tokens.steering, tokens.officer]) {
      const { res, body } = await call(figuresUrl, token);
      expect(res.status).toBe(200);
      expect(body.initiatives.map((i: Named) => i.id)).toEqual([f.tierp.initiative]);
      const other = await call(`${figuresUrl}&initiativeId=${f.tierp.second}`, token);
      expect(other.res.status).toBe(403);
      const own = await call(`${figuresUrl}&initiativeId=${f.tierp.initiative}`, token);
      expect(own.res.status).toBe(200);
    }
    const second = await call(`${figuresUrl}&initiativeId=${f.tierp.second}`, tokens.admin);
    expect(second.body.initiatives.map((i: Named) => i.id)).toEqual([f.tierp.second]);
  });

  it("are refused to the auditor, another association and without a key", async () => {
    expect((await call(figuresUrl, tokens.auditor)).res.status).toBe(403);
    expect((await call(figuresUrl, tokens.foreign)).res.status).toBe(404);
    expect((await call(figuresUrl)).res.status).toBe(401);
  });

  it("refuse a bad period in Swedish, and an initiative that is not the association's", async () => {
    const backwards = await call(`${BASE}/course-figures?from=2026-06&to=2026-01`, tokens.admin);
    expect(backwards.res.status).toBe(400);
    expect(backwards.body.errors).toEqual([
      {
        field: "to",
        message: "Sista månaden kan inte vara före den första. Byt plats på månaderna.",
      },
    ]);
    const notAMonth = await call(`${BASE}/course-figures?from=2026-13-01`, tokens.admin);
    expect(notAMonth.res.status).toBe(400);
    expect(notAMonth.body.errors).toEqual([
      { field: "from", message: "Ange första månaden som ÅÅÅÅ-MM, till exempel 2026-01." },
    ]);
    const missing = await call(
      `${figuresUrl}&initiativeId=5b0e7c1a-2f4d-4e8b-9c3a-7d1e2f3a4b5c`,
      tokens.admin,
    );
    expect(missing.res.status).toBe(404);
    // without a period: January to this month
    expect((await call(`${BASE}/course-figures`, tokens.admin)).res.status).toBe(200);
  });
});

describe("Tyck till's results", () => {
  it("are the protected counts and the mean where shown, free text as a count only", async () => {
    const { res, body, text } = await call(resultsUrl, tokens.admin);
    expect(res.status).toBe(200);
    const expected = evaluationResultsOut(
      await evaluationResults(t.db, f.associationId, {
        from: "2026-03",
        to: "2026-03",
        context: "mote",
        initiativeIds: [f.heby.initiative, f.heby.units, f.tierp.second, f.tierp.initiative],
      }),
      [
        { id: f.heby.initiative, name: "Heby, Steget" },
        { id: f.heby.units, name: "Heby, Vägen" },
        { id: f.tierp.second, name: "Tierp, Språkstegen" },
        { id: f.tierp.initiative, name: "Tierp, Växtverket" },
      ],
    );
    expect(body).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(body.context).toBe("mote");
    const [skala, fritext] = body.questions;
    expect(skala).toMatchObject({
      initiativeId: f.tierp.initiative,
      questionId: "q-skala",
      type: "skala",
      low: "Inte alls",
      high: "Mycket",
      inForm: true,
    });
    // 6 answers: shown; 2 chose 4 and 4 chose 5 — "< 5", so the mean is not shown either
    expect(skala.total.answers).toEqual({ value: 6 });
    expect(skala.total.distribution[3]).toEqual(LESS_THAN_5);
    expect(skala.total.mean).toEqual({ suppressed: "distribution", display: "–" });
    expect(fritext).toMatchObject({ questionId: "q-fritext", type: "fritext" });
    expect(fritext.total).toEqual({
      key: "total",
      label: "Hela perioden",
      answers: { value: 6 },
      distribution: null,
      mean: null,
    });
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain("Lina");
    expect(body.definitions.map((d: { key: string }) => d.key)).toContain("mean");
  });

  it("show the mean with disclosure control off", async () => {
    await saveDisclosureSettings(t.db, cli, f.associationId, 2, {
      threshold: 0,
      allowTrueZero: true,
    });
    try {
      const { body } = await call(`${resultsUrl}&initiativeId=${f.tierp.initiative}`, tokens.admin);
      expect(body.initiatives).toEqual([{ id: f.tierp.initiative, name: "Tierp, Växtverket" }]);
      const skala = body.questions[0];
      expect(skala.total.distribution).toEqual([
        { value: 0 },
        { value: 0 },
        { value: 0 },
        { value: 2 },
        { value: 4 },
      ]);
      expect(skala.total.mean).toEqual({ value: 4.7, display: "4,7" });
      // after chapters: none of these answers are counted
      const chapters = await call(
        `${BASE}/evaluation-results?${MARCH}&context=kapitel&initiativeId=${f.tierp.initiative}`,
        tokens.admin,
      );
      // (the same short questions are asked after chapters)
      expect(
        chapters.body.questions.map((q: { total: { answers: unknown } }) => q.total.answers),
      ).toEqual([{ value: 0 }, { value: 0 }]);
    } finally {
      await saveDisclosureSettings(t.db, cli, f.associationId, 3, {
        threshold: 5,
        allowTrueZero: false,
      });
    }
  });

  it("are their own initiatives' only for the lead, the steering group and the officers", async () => {
    for (const token of [tokens.lead, tokens.steering, tokens.officer, tokens.board]) {
      const { res, body } = await call(resultsUrl, token);
      expect(res.status).toBe(200);
      if (token !== tokens.board)
        expect(body.initiatives.map((i: Named) => i.id)).toEqual([f.tierp.initiative]);
      expect(res.status).toBe(200);
    }
    for (const token of [tokens.lead, tokens.steering, tokens.officer])
      expect((await call(`${resultsUrl}&initiativeId=${f.tierp.second}`, token)).res.status).toBe(
        403,
      );
    expect((await call(resultsUrl, tokens.auditor)).res.status).toBe(403);
    expect((await call(resultsUrl, tokens.foreign)).res.status).toBe(404);
    expect((await call(resultsUrl)).res.status).toBe(401);
  });

  it("refuse a bad context or period in Swedish", async () => {
    const none = await call(`${BASE}/evaluation-results?${MARCH}`, tokens.admin);
    expect(none.res.status).toBe(400);
    expect(none.body.errors).toEqual([{ field: "context", message: "Fältet context saknas." }]);
    const wrong = await call(`${BASE}/evaluation-results?${MARCH}&context=kurs`, tokens.admin);
    expect(wrong.res.status).toBe(400);
    expect(wrong.body.errors).toEqual([
      { field: "context", message: "Fältet context ska vara ett av: kapitel, mote, slut." },
    ]);
    const backwards = await call(
      `${BASE}/evaluation-results?from=2026-06&to=2026-01&context=slut`,
      tokens.admin,
    );
    expect(backwards.res.status).toBe(400);
    expect(backwards.body.errors[0].field).toBe("to");
  });
});

describe("the OpenAPI document", () => {
  it("describes both operations with the statistics' cells", () => {
    const document = buildOpenApiDocument() as unknown as {
      paths: Record<string, { get?: { tags?: string[]; parameters?: { name: string }[] } }>;
      components: { schemas: Record<string, unknown> };
    };
    for (const path of [
      "/associations/{slug}/course-figures",
      "/associations/{slug}/evaluation-results",
    ]) {
      expect(document.paths[path]?.get?.tags).toEqual(["Portalen"]);
      expect(document.paths[path]?.get?.parameters?.map((p) => p.name)).toEqual(
        expect.arrayContaining(["from", "to", "initiativeId"]),
      );
    }
    expect(JSON.stringify(document.components.schemas.EvaluationPeriod)).toContain(
      "#/components/schemas/StatisticsCell",
    );
    expect(JSON.stringify(document.components.schemas.CourseFigure)).toContain(
      "#/components/schemas/StatisticsRow",
    );
  });
});
