// The protected figures' pages through the whole HTTP application (needs the web build:
// `npx react-router build`): Tyck till's results and the courses' figures — the office and the
// initiative's officer see them, an officer of another initiative gets 404; the results show
// the table, the chart and "< 5" for too few answers, and never a free-text answer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, sessionFor, type TestApp } from "../../../../tests/support/app.ts";
import { createTestDatabase, type TestDatabase } from "../../../../tests/support/database.ts";
import { makePublishedCourse } from "../../../courses/published-course-fixture.ts";
import { evaluationForms, evaluationResponses } from "../../../evaluation/schema.ts";
import { type RegisterFixture, registerFixture } from "../../../register/register-fixture.ts";
import { inRegister } from "../../../register/zone.ts";

let t: TestDatabase;
let app: TestApp;
let f: RegisterFixture;
const as = { admin: "", officer: "", other: "", auditor: "" };
const SECRET = "Jag heter Kim Hemlig";

beforeAll(async () => {
  t = await createTestDatabase();
  f = await registerFixture(t.db, "figursidor");
  const [form] = await t.db
    .insert(evaluationForms)
    .values({
      associationId: f.associationId,
      initiativeId: f.tierp.initiative,
      kind: "kort",
      questions: [
        {
          id: "nojd",
          type: "skala",
          texts: { sv: { text: "Hur nöjd är du med mötet?", low: "Inte alls", high: "Mycket" } },
        },
        { id: "mer", type: "fritext", texts: { sv: { text: "Vill du säga något mer?" } } },
      ],
      updatedByName: "Test",
    })
    .returning({ id: evaluationForms.id });
  const access = await f.access(f.officers.tierp);
  await inRegister(t.db, access.scope, async (tx) => {
    const values = [5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 3];
    for (const [i, v] of values.entries())
      await tx.insert(evaluationResponses).values({
        associationId: f.associationId,
        dataControllerId: f.tierp.controller,
        initiativeId: f.tierp.initiative,
        formId: form?.id as string,
        formVersion: 1,
        kind: "kort",
        context: "mote",
        month: "2026-03-01",
        answers: [
          { questionId: "nojd", type: "skala", questionSv: "Hur nöjd är du med mötet?", value: v },
          {
            questionId: "mer",
            type: "fritext",
            questionSv: "Vill du säga något mer?",
            value: i < 2 ? SECRET : null,
          },
        ],
      });
  });
  await makePublishedCourse(t.db, {
    associationId: f.associationId,
    initiativeId: null,
    texts: { sv: { title: "Samhällsorientering", summary: "" } },
    chapters: [{ texts: { sv: { title: "Kapitel 1", intro: "" } }, pages: [] }],
  });
  as.admin = await sessionFor(t, f.admin.userId);
  as.officer = await sessionFor(t, f.officers.tierp.userId);
  as.other = await sessionFor(t, f.officers.heby.userId);
  as.auditor = await sessionFor(t, f.auditor.userId);
  app = await createTestApp(t);
});
afterAll(() => t?.drop());

const page = async (path: string, who: string) => {
  const response = await app.fetch(path, { as: who });
  return { status: response.status, html: await response.text() };
};
const textOf = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;|\u00a0/g, " ")
    .replace(/\s+/g, " ");

const results = () => `/figursidor/insatser/${f.tierp.initiative}/portal/tyck-till/resultat`;
const figures = () => `/figursidor/insatser/${f.tierp.initiative}/portal/kurser`;
const PERIOD = "?fran=2026-03&till=2026-04";

describe("Tyck till's results page", () => {
  it("is for the office and the initiative's officer; an officer of another initiative gets 404", async () => {
    expect((await page(`${results()}${PERIOD}`, as.admin)).status).toBe(200);
    expect((await page(`${results()}${PERIOD}`, as.officer)).status).toBe(200);
    expect((await page(`${results()}${PERIOD}`, as.other)).status).toBe(404);
    // a role without the figures anywhere is refused like on every staff page
    expect((await page(`${results()}${PERIOD}`, as.auditor)).status).toBe(403);
  });

  it("shows each question's table and chart, hidden counts marked, no free text", async () => {
    const { html } = await page(`${results()}${PERIOD}&svar=mote`, as.admin);
    const text = textOf(html);
    expect(text).toContain("Hur nöjd är du med mötet?");
    expect(text).toContain("1 betyder ”Inte alls”, 5 betyder ”Mycket”");
    // 11 answers in March, none in April ("< 5"), 3 chosen once
    expect(html).toMatch(/data-period="2026-03"[\s\S]*?11<\/td>/);
    expect(html).toContain('data-period="2026-04"');
    expect(text).toContain("Fördelningen visas inte, för få svar.");
    expect(html).toContain('role="img"');
    expect(html).toContain("<desc");
    expect(text).toContain("Vill du säga något mer?");
    expect(text).not.toContain("Kim Hemlig");
    expect(text).toContain("Dolda uppgifter");
  });

  it("says what to fix for a bad period or context", async () => {
    const bad = await page(`${results()}?fran=2026-05&till=2026-02&svar=annat`, as.admin);
    expect(bad.status).toBe(400);
    expect(textOf(bad.html)).toContain("Sista månaden kan inte vara före den första.");
    expect(textOf(bad.html)).toContain("Välj vilka svar som ska visas");
  });
});

describe("the courses' figures page", () => {
  it("shows the office each published course with its definitions; another initiative's officer gets 404", async () => {
    const office = await page(`${figures()}${PERIOD}`, as.admin);
    expect(office.status).toBe(200);
    const text = textOf(office.html);
    expect(text).toContain("Samhällsorientering");
    expect(text).toContain("Deltagare som har öppnat minst ett kapitel av kursen under perioden");
    expect(text).toContain("Kursen har inga kunskapsfrågor.");
    expect((await page(`${figures()}${PERIOD}`, as.officer)).status).toBe(200);
    expect((await page(`${figures()}${PERIOD}`, as.other)).status).toBe(404);
    expect((await page(`${figures()}${PERIOD}`, as.auditor)).status).toBe(403);
  });
});
