// The follow-up report's section Kurser och Tyck till (sections-courses-feedback.ts), computed
// from course progress and Tyck till responses in the register: all individual initiatives
// together, the whole period, after disclosure control with the association's threshold; in
// the JSON (valid against the committed schema) and as a section of the Word file; no
// participant and no free-text answer in it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { makePublishedCourse } from "../courses/published-course-fixture.ts";
import { courseProgress } from "../courses/schema.ts";
import { headingTexts, openDocx, tableTexts } from "../documents/testing.ts";
import { evaluationForms, evaluationResponses } from "../evaluation/schema.ts";
import { formatUsage } from "../portal/usage.ts";
import { registerParticipant } from "../register/participants.ts";
import {
  personalNumber,
  type RegisterFixture,
  registerFixture,
} from "../register/register-fixture.ts";
import { inRegister } from "../register/zone.ts";
import { computeFollowUp } from "./compute.ts";
import { FIGURE_KEYS } from "./definitions.ts";
import { followUpJson } from "./documents/json.ts";
import { renderFollowUp } from "./documents/render.ts";
import { committedSchemaValidator } from "./documents/test-fixture.ts";
import type { FollowUpReport, PersonCount } from "./model.ts";
import {
  loadCoursesFeedbackSection,
  NO_INDIVIDUAL_COURSES_TEXT,
} from "./sections-courses-feedback.ts";

let t: TestDatabase;
let f: RegisterFixture;
let report: FollowUpReport;
const ids: string[] = [];
const SECRET = "Jag bor på Hemliga gatan 4";
let chapterId = "";
let courseId = "";

async function reader(where: "tierp" | "heby", gender: string, serial: number) {
  const access = await f.access(where === "tierp" ? f.officers.tierp : f.officers.heby);
  const initiativeId = where === "tierp" ? f.tierp.initiative : f.heby.initiative;
  const controller = where === "tierp" ? f.tierp.controller : f.heby.controller;
  const { participantId } = await registerParticipant(
    t.db,
    f.crypto,
    access.actor,
    access.scope,
    {
      initiativeId,
      personalNumber: personalNumber(
        `1987${String((serial % 12) + 1).padStart(2, "0")}11`,
        `${400 + serial}`,
      ),
      consent: { consentedOn: "2025-11-01", textVersion: "2025:1", language: "svenska" },
      gender,
      birthYear: 1987,
      startDate: "2025-11-01",
      municipalityCode: "0360",
    },
    "2026-07-01",
  );
  ids.push(participantId);
  await inRegister(t.db, access.scope, (tx) =>
    tx.insert(courseProgress).values({
      associationId: f.associationId,
      dataControllerId: controller,
      initiativeId,
      participantId,
      courseId,
      chapterId,
      startedAt: new Date("2026-03-10T09:00:00Z"),
      completedAt: new Date("2026-03-11T09:00:00Z"),
    }),
  );
}

beforeAll(async () => {
  t = await createTestDatabase();
  f = await registerFixture(t.db, "fu-kurser");
  const published = await makePublishedCourse(t.db, {
    associationId: f.associationId,
    initiativeId: null,
    texts: { sv: { title: "Samhällsorientering", summary: "" } },
    chapters: [{ texts: { sv: { title: "Att bo i Sverige", intro: "" } }, pages: [] }],
  });
  courseId = published.courseId;
  chapterId = published.chapterIds[0] as string;
  // 6 women in Tierp and 5 men in Heby read the one-chapter course in March: they finish it
  let serial = 0;
  for (let i = 0; i < 6; i++) await reader("tierp", "kvinna", serial++);
  for (let i = 0; i < 5; i++) await reader("heby", "man", serial++);
  // Tierp's Tyck till after meetings: 7 answers, one free text
  const [form] = await t.db
    .insert(evaluationForms)
    .values({
      associationId: f.associationId,
      initiativeId: f.tierp.initiative,
      kind: "kort",
      questions: [
        { id: "nojd", type: "skala", texts: { sv: { text: "Hur nöjd är du?" } } },
        { id: "mer", type: "fritext", texts: { sv: { text: "Något mer?" } } },
      ],
      updatedByName: "Test",
    })
    .returning({ id: evaluationForms.id });
  const access = await f.access(f.officers.tierp);
  await inRegister(t.db, access.scope, async (tx) => {
    for (let i = 0; i < 7; i++)
      await tx.insert(evaluationResponses).values({
        associationId: f.associationId,
        dataControllerId: f.tierp.controller,
        initiativeId: f.tierp.initiative,
        formId: form?.id as string,
        formVersion: 1,
        kind: "kort",
        context: "mote",
        month: "2026-04-01",
        answers: [
          { questionId: "nojd", type: "skala", questionSv: "Hur nöjd är du?", value: 4 },
          {
            questionId: "mer",
            type: "fritext",
            questionSv: "Något mer?",
            value: i ? null : SECRET,
          },
        ],
      });
  });
  report = await computeFollowUp(t.db, {
    associationId: f.associationId,
    from: "2026-01-01",
    to: "2026-06-30",
    now: new Date("2026-07-15T10:00:00Z"),
  });
}, 120_000);
afterAll(() => t?.drop());

const show = (c: PersonCount) => formatUsage(c);

describe("the follow-up's section Kurser och Tyck till", () => {
  it("counts the individual initiatives' readers together, the whole period", () => {
    const section = report.coursesFeedback;
    expect(section?.noneText).toBeNull();
    expect(section?.courses.map((c) => c.title)).toEqual(["Samhällsorientering"]);
    const c = section?.courses[0];
    if (!c) throw new Error("no course");
    expect(
      [c.startedWomen, c.startedMen, c.startedTotal, c.finishedTotal, c.chaptersCompleted].map(
        show,
      ),
    ).toEqual(["6", "5", "11", "11", "11"]);
    expect(c.quizFirstTry).toBeNull();
  });

  it("has each Tyck till question's whole period, free text as a count only", () => {
    const rows = report.coursesFeedback?.feedback ?? [];
    // the short form is asked after chapters too: no answers there ("< 5"); no exit survey
    expect(rows.map((r) => [r.initiative, r.context, r.question])).toEqual([
      ["Tierp, Växtverket", "kapitel", "Hur nöjd är du?"],
      ["Tierp, Växtverket", "kapitel", "Något mer?"],
      ["Tierp, Växtverket", "mote", "Hur nöjd är du?"],
      ["Tierp, Växtverket", "mote", "Något mer?"],
    ]);
    const [chapterScale, , scale, text] = rows;
    expect(show(chapterScale?.answers as PersonCount)).toBe("<\u00a05");
    expect(chapterScale?.distribution).toBeNull();
    // 7 × "4": 1, 2, 3 and 5 chosen by nobody ("< 5" with zeros hidden); the 7 answers are
    // hidden as well, or the four zeros could be worked out from them; so no mean
    expect(scale?.distribution?.map(show)).toEqual([
      "<\u00a05",
      "<\u00a05",
      "<\u00a05",
      "7",
      "<\u00a05",
    ]);
    expect(show(scale?.answers as PersonCount)).toBe("..");
    expect(scale?.mean).toBeNull();
    // one free-text answer: counted, never shown
    expect(show(text?.answers as PersonCount)).toBe("<\u00a05");
    expect(text?.distribution).toBeNull();
    expect(report.coursesFeedback?.disclosureReasons.join(" ")).toContain("Tyck till efter möten");
  });

  it("defines every figure, is valid JSON of format 1 and carries no participant or text", () => {
    for (const key of Object.values(FIGURE_KEYS.coursesFeedback))
      expect(report.definitions[key]?.definition.length).toBeGreaterThan(20);
    const json = followUpJson(report);
    expect(committedSchemaValidator().safeParse(JSON.parse(json)).success).toBe(true);
    for (const id of ids) expect(json).not.toContain(id);
    expect(json).not.toContain("Hemliga gatan");
  });

  it("is a section of the Word file with both tables", async () => {
    const docx = await renderFollowUp(report, "docx", { band: { low: 80, high: 110 } });
    const { document } = await openDocx(docx.body);
    expect(headingTexts(document, 1)).toContain("Kurser och Tyck till");
    expect(headingTexts(document, 2)).toEqual(
      expect.arrayContaining(["Kurser i deltagarportalen", "Tyck till: svar per fråga"]),
    );
    const tables = JSON.stringify(tableTexts(document));
    expect(tables).toContain("Samhällsorientering");
    expect(tables).toContain("Hur nöjd är du?");
  });

  it("says so when there is no individual initiative", async () => {
    const none = await loadCoursesFeedbackSection(t.db, f.associationId, {
      period: { from: "2026-01-01", to: "2026-06-30" },
      initiativeIds: [],
      threshold: 5,
      allowTrueZero: false,
    });
    expect(none.noneText).toBe(NO_INDIVIDUAL_COURSES_TEXT);
    expect(none.courses).toEqual([]);
  });
});
