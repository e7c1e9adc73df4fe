// The progression results, the comparison group and the evaluator export through the whole HTTP
// application (needs the web build: `npx react-router build`), on the fixture of
// src/progression/results-fixture.ts: who may open which page, that the lead sees only their own
// initiative, hidden figures marked "–" with their reason, and no identity anywhere in the HTML.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, sessionFor, type TestApp } from "../../../../tests/support/app.ts";
import { createTestDatabase, type TestDatabase } from "../../../../tests/support/database.ts";
import { addUser } from "../../../people/add-user.ts";
import { assignRole } from "../../../people/assign-role.ts";
import type { Role } from "../../../people/roles.ts";
import {
  type ProgressionFixture,
  progressionFixture,
} from "../../../progression/results-fixture.ts";

let t: TestDatabase;
let app: TestApp;
let p: ProgressionFixture;
const as: Record<"admin" | "board" | "lead" | "officer" | "coach", string> = {
  admin: "",
  board: "",
  lead: "",
  officer: "",
  coach: "",
};

beforeAll(async () => {
  t = await createTestDatabase();
  p = await progressionFixture(t.db, t.owner.db, { slug: "prog" });
  const person = async (email: string, role: Role, initiativeId?: string) => {
    const user = await addUser(t.db, { userId: null, label: "test" }, { email, name: email });
    await assignRole(
      t.db,
      { userId: null, label: "test" },
      {
        userId: user.id,
        associationId: p.f.associationId,
        role,
        ...(initiativeId ? { initiativeId } : {}),
      },
    );
    return user.id;
  };
  as.admin = await sessionFor(t, p.f.admin.userId);
  as.board = await sessionFor(t, await person("styrelse@prog.example.se", "board_member"));
  as.lead = await sessionFor(t, await person("ledare@prog.example.se", "initiative_lead", p.a));
  as.officer = await sessionFor(t, p.f.officers.tierp.userId);
  as.coach = await sessionFor(t, p.f.officers.heby.userId);
  app = await createTestApp(t);
});
afterAll(() => t?.drop());

const page = async (path: string, who: string) => {
  const response = await app.fetch(path, { as: who });
  return {
    status: response.status,
    html: await response.text(),
  };
};
const textOf = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;|\u00a0/g, " ")
    .replace(/\s+/g, " ");

const YEAR = "?fran=2026-01-01&till=2026-12-31";

describe("the progression results page", () => {
  it("is for the office, the board and the initiative's own lead; a coach without results is refused", async () => {
    expect((await page(`/prog/progression${YEAR}`, as.admin)).status).toBe(200);
    expect((await page(`/prog/progression${YEAR}`, as.board)).status).toBe(200);
    expect((await page(`/prog/progression${YEAR}`, as.lead)).status).toBe(200);
    expect((await page(`/prog/progression${YEAR}`, as.coach)).status).toBe(403);
  });

  it("shows the office every initiative with a plan, and the lead only their own", async () => {
    const office = textOf((await page(`/prog/progression${YEAR}`, as.admin)).html);
    expect(office).toContain("Perioden 2026-01-01 – 2026-12-31");
    expect(office).toContain("Heby, Steget");
    expect(office).toContain("Tierp, Växtverket");
    expect(office).toContain("Framtidstro, version 1");
    const lead = textOf((await page(`/prog/progression${YEAR}`, as.lead)).html);
    expect(lead).toContain("Tierp, Växtverket");
    expect(lead).not.toContain("Heby, Steget");
  });

  it("marks hidden figures with – and their reason, says the target in words, and links on", async () => {
    const { html } = await page(`/prog/progression${YEAR}`, as.admin);
    expect(html).toMatch(/data-hidden="primary"><span aria-hidden="true">–<\/span>/);
    expect(html).toContain('<span class="visually-hidden">färre än 5, visas inte</span>');
    expect(html).toContain("visas inte eftersom antalet (n) inte visas");
    expect(textOf(html)).toContain("Målet 80 % kan inte bedömas");
    expect(textOf(html)).toMatch(/\d+ uppgifter i periodens resultat visas inte/);
    expect(html).toContain('href="/prog/progression/instrument"');
    expect(html).toContain(`href="/prog/insatser/${p.a}/progression"`);
    expect(textOf(html)).toContain("Så räknas uppgifterna");
  });

  it("shows no identity: no personnummer, name, participant or enrollment id", async () => {
    for (const who of [as.admin, as.lead]) {
      const { html } = await page(`/prog/progression${YEAR}`, who);
      for (const { number, name } of p.identities) {
        expect(html).not.toContain(number);
        expect(html).not.toContain(number.slice(2));
        expect(html).not.toContain(name);
      }
      for (const id of [...p.participantIds, ...p.enrollmentIds]) expect(html).not.toContain(id);
    }
  });

  it("refuses a period that is not one, in Swedish", async () => {
    const { status, html } = await page(
      "/prog/progression?fran=2026-13-01&till=2026-12-31",
      as.admin,
    );
    expect(status).toBe(400);
    expect(textOf(html)).toContain("Periodens första dag ska vara ett datum som ÅÅÅÅ-MM-DD");
  });
});

describe("the comparison group page", () => {
  const path = () => `/prog/insatser/${p.a}/jamforelsegrupp`;

  it("is for the initiative's participant officer only", async () => {
    expect((await page(path(), as.officer)).status).toBe(200);
    expect((await page(path(), as.admin)).status).toBe(403);
    expect((await page(path(), as.coach)).status).toBe(403);
  });

  it("records a measurement, lists it, and refuses a code like a personal number", async () => {
    const ok = await app.post(
      path(),
      {
        intent: "spara",
        instrumentVersionId: p.versionId,
        respondentCode: "J-40",
        gender: "man",
        occasion: "nollpunkt",
        measuredOn: "2026-03-01",
        svar_a: "3",
        svar_b: "3",
        svar_c: "",
      },
      as.officer,
    );
    expect(ok.status).toBe(302);
    const listed = textOf((await page(path(), as.officer)).html);
    expect(listed).toContain("J-40");
    const refused = await app.post(
      path(),
      {
        intent: "spara",
        instrumentVersionId: p.versionId,
        respondentCode: "900115-1234",
        gender: "man",
        occasion: "nollpunkt",
        measuredOn: "2026-03-01",
        svar_a: "9",
        svar_b: "3",
        svar_c: "3",
      },
      as.officer,
    );
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain("Koden ser ut som ett personnummer");
    expect(html).toContain('href="#svar_a"');
    expect(html).toContain("Fråga 1: svaret ska vara ett heltal från 1 till 5, inte 9.");
  });
});

describe("the evaluator export", () => {
  it("downloads a CSV for the participant officer; the office is refused", async () => {
    const path = `/prog/insatser/${p.a}/progression/utvardering.csv`;
    const response = await app.fetch(path, { as: as.officer });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv.startsWith("pseudonym;grupp;")).toBe(true);
    for (const { number, name } of p.identities) {
      expect(csv).not.toContain(number);
      expect(csv).not.toContain(name);
    }
    expect((await page(path, as.admin)).status).toBe(403);
    expect((await page(path, as.lead)).status).toBe(403);
  });
});
