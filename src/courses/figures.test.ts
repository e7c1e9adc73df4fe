// The courses' protected figures (src/courses/figures.ts) on hand-built rows: exact figures with
// disclosure control off, the marks with a threshold, only the initiative asked for, the newest
// version deciding what "finished" means, and (property) that no "< 5" can be worked out from
// its row.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { NotFoundError, ValidationError } from "../platform/errors.ts";
import { formatUsage, type UsageCell } from "../portal/usage.ts";
import { formatProtected } from "../register/disclosure.ts";
import { registerParticipant } from "../register/participants.ts";
import {
  personalNumber,
  type RegisterFixture,
  registerFixture,
} from "../register/register-fixture.ts";
import { inRegister } from "../register/zone.ts";
import {
  type CourseCounts,
  type CourseFigures,
  courseFigures,
  type PublishedCourse,
  protectCourseFigures,
} from "./figures.ts";
import {
  courseChapters,
  coursePages,
  courseProgress,
  courses,
  courseVersions,
  quizAnswers,
} from "./schema.ts";
import { type DraftChapter, type DraftCourse, type DraftPage, snapshotOf } from "./texts.ts";

let t: TestDatabase;
let f: RegisterFixture;
const people: { id: string; number: string }[] = [];
let courseId = "";
let otherCourseId = "";
let chapterIds: string[] = [];
let quizPageId = "";

const show = (cell: UsageCell) => formatUsage(cell);

async function participant(gender: string, serial: number, initiativeId: string) {
  const officer = initiativeId === f.tierp.initiative ? f.officers.tierp : f.officers.tierpSecond;
  const access = await f.access(officer);
  const number = personalNumber(
    `1988${String((serial % 12) + 1).padStart(2, "0")}1${serial % 10}`,
    String(200 + serial),
  );
  const registered = await registerParticipant(
    t.db,
    f.crypto,
    access.actor,
    access.scope,
    {
      initiativeId,
      personalNumber: number,
      consent: { consentedOn: "2025-12-01", textVersion: "2025:1", language: "svenska" },
      gender,
      birthYear: 1988,
      startDate: "2025-12-01",
      municipalityCode: "0360",
    },
    "2026-05-10",
  );
  people.push({ id: registered.participantId, number });
  return registered.participantId;
}

/** A course of `chapters` chapters (the last with a quiz page), published as versions 1 and 2. */
async function publishCourse(initiativeId: string | null, title: string) {
  const [course] = await t.db
    .insert(courses)
    .values({
      associationId: f.associationId,
      initiativeId,
      texts: { sv: { title, summary: "" } },
      updatedByName: "Test",
    })
    .returning({ id: courses.id });
  if (!course) throw new Error("no course");
  const draft: DraftCourse = { id: course.id, initiativeId, texts: { sv: { title, summary: "" } } };
  const chapters: { chapter: DraftChapter; pages: DraftPage[]; ready: [] }[] = [];
  for (const position of [0, 1]) {
    const [chapter] = await t.db
      .insert(courseChapters)
      .values({
        courseId: course.id,
        position,
        texts: { sv: { title: `Kapitel ${position + 1}`, intro: "" } },
        updatedByName: "Test",
      })
      .returning();
    if (!chapter) throw new Error("no chapter");
    const quiz = position === 1;
    const [page] = await t.db
      .insert(coursePages)
      .values({
        chapterId: chapter.id,
        position: 0,
        kind: quiz ? "fraga" : "text",
        correctOption: quiz ? 0 : null,
        texts: {
          sv: quiz
            ? {
                title: "Fråga",
                body: "Vilken kommun?",
                options: ["Tierp", "Heby"],
                explanation: "Tierp.",
              }
            : { title: "Text", body: "Välkommen." },
        },
        updatedByName: "Test",
      })
      .returning();
    if (!page) throw new Error("no page");
    chapters.push({ chapter, pages: [page], ready: [] });
  }
  // version 1 had only the first chapter and an older title; version 2 has both chapters
  await t.db.insert(courseVersions).values([
    {
      courseId: course.id,
      number: 1,
      snapshot: snapshotOf({ ...draft, texts: { sv: { title: "Gammal titel", summary: "" } } }, [
        chapters[0] as (typeof chapters)[0],
      ]),
      publishedByName: "Test",
    },
    {
      courseId: course.id,
      number: 2,
      snapshot: snapshotOf(draft, chapters),
      publishedByName: "Test",
    },
  ]);
  return {
    id: course.id,
    chapters: chapters.map((c) => c.chapter.id),
    quizPage: chapters[1]?.pages[0]?.id as string,
  };
}

async function progress(
  participantId: string,
  chapter: number,
  startedAt: string,
  completedAt: string | null,
  initiativeId = f.tierp.initiative,
  course = { id: courseId, chapters: chapterIds },
) {
  const officer = initiativeId === f.tierp.initiative ? f.officers.tierp : f.officers.tierpSecond;
  const access = await f.access(officer);
  await inRegister(t.db, access.scope, (tx) =>
    tx.insert(courseProgress).values({
      associationId: f.associationId,
      dataControllerId: f.tierp.controller,
      initiativeId,
      participantId,
      courseId: course.id,
      chapterId: course.chapters[chapter] as string,
      startedAt: new Date(startedAt),
      completedAt: completedAt ? new Date(completedAt) : null,
    }),
  );
}

async function answer(participantId: string, correct: boolean, tries: number, at: string) {
  const access = await f.access(f.officers.tierp);
  await inRegister(t.db, access.scope, (tx) =>
    tx.insert(quizAnswers).values({
      associationId: f.associationId,
      dataControllerId: f.tierp.controller,
      initiativeId: f.tierp.initiative,
      participantId,
      courseId,
      chapterId: chapterIds[1] as string,
      pageId: quizPageId,
      chosenOption: correct ? 0 : 1,
      correct,
      tries,
      answeredAt: new Date(at),
    }),
  );
}

beforeAll(async () => {
  t = await createTestDatabase();
  f = await registerFixture(t.db, "kursfigurer");
  const course = await publishCourse(null, "Samhällsorientering");
  courseId = course.id;
  chapterIds = course.chapters;
  quizPageId = course.quizPage;
  // a course of Heby's initiative: never among Tierp's courses
  otherCourseId = (await publishCourse(f.heby.initiative, "Hebys egen kurs")).id;
  const w: string[] = [];
  const m: string[] = [];
  for (let i = 0; i < 7; i++) w.push(await participant("kvinna", i, f.tierp.initiative));
  for (let i = 0; i < 6; i++) m.push(await participant("man", 20 + i, f.tierp.initiative));
  const other = await participant("annan", 40, f.tierp.initiative);
  // March: all 14 open chapter 1; 6 women and 5 men complete it
  for (const [i, id] of [...w, ...m, other].entries()) {
    const completes = (i < 6 || (i >= 7 && i < 12)) && id !== other;
    await progress(id, 0, "2026-03-10T09:00:00Z", completes ? "2026-03-12T09:00:00Z" : null);
  }
  // the other-gender participant completes chapter 2 in March without chapter 1: not finished
  await progress(other, 1, "2026-03-20T09:00:00Z", "2026-03-21T09:00:00Z");
  // April: 3 women and 1 man complete chapter 2, so finish; 2 more women open it
  for (const id of [w[0], w[1], w[2], m[0]] as string[])
    await progress(id, 1, "2026-04-05T09:00:00Z", "2026-04-06T09:00:00Z");
  for (const id of [w[3], w[4]] as string[]) await progress(id, 1, "2026-04-07T09:00:00Z", null);
  // on the second initiative: a woman finishes the whole course in March — never counted
  const x = await participant("kvinna", 50, f.tierp.second);
  await progress(x, 0, "2026-03-10T09:00:00Z", "2026-03-11T09:00:00Z", f.tierp.second);
  await progress(x, 1, "2026-03-12T09:00:00Z", "2026-03-13T09:00:00Z", f.tierp.second);
  // quiz: 7 answers in April, 6 right at the first try (one right only at the second)
  for (const id of [w[0], w[1], w[2], w[3], w[4], m[0]] as string[])
    await answer(id, true, 1, "2026-04-06T09:00:00Z");
  await answer(other, true, 2, "2026-04-06T09:00:00Z");
});
afterAll(() => t?.drop());

const figures = (threshold: number, from = "2026-03", to = "2026-04") =>
  courseFigures(t.db, f.associationId, {
    from,
    to,
    initiativeIds: [f.tierp.initiative],
    threshold,
    allowTrueZero: threshold === 0,
  });

const table = (u: CourseFigures) =>
  (u.courses[0]?.rows ?? []).map((r) => [r.key, show(r.kvinnor), show(r.man), show(r.totalt)]);

describe("the courses' figures", () => {
  it("counts started, finished and completed chapters by gender, with disclosure control off", async () => {
    const u = await figures(0);
    expect(u.courses.map((c) => c.title)).toEqual(["Samhällsorientering"]);
    expect(u.courses[0]?.version).toBe(2);
    expect(u.courses[0]?.chapters).toBe(2);
    expect(table(u)).toEqual([
      ["started", "7", "6", "14"],
      ["finished", "3", "1", "4"],
      ["chapters", "9", "6", "16"],
    ]);
    expect(u.courses[0]?.rows[0].definition).toBe(
      "Deltagare som har öppnat minst ett kapitel av kursen under perioden. En person räknas en gång per kurs. Kön enligt deltagarregistret.",
    );
    const quiz = u.courses[0]?.quiz;
    expect(quiz && formatProtected(quiz.share, "sv", 1)).toBe("85,7\u00a0%");
  });

  it("counts each month for itself: finishing needs every chapter of the newest version", async () => {
    expect(table(await figures(0, "2026-03", "2026-03"))).toEqual([
      ["started", "7", "6", "14"],
      ["finished", "0", "0", "0"],
      ["chapters", "6", "5", "12"],
    ]);
    expect(table(await figures(0, "2026-04", "2026-04"))).toEqual([
      ["started", "5", "1", "6"],
      ["finished", "3", "1", "4"],
      ["chapters", "3", "1", "4"],
    ]);
  });

  it('shows 1–4 as "< 5", hides a second figure in the row and the quiz share', async () => {
    const u = await figures(5);
    expect(table(u)).toEqual([
      // one participant of another gender (hidden, 1–4): a second figure is hidden with it
      ["started", "..", "..", "14"],
      ["finished", "<\u00a05", "<\u00a05", "<\u00a05"],
      ["chapters", "..", "..", "16"],
    ]);
    // one person wrong at the first try: the share would give that away
    const quiz = u.courses[0]?.quiz;
    expect(quiz?.share).toMatchObject({ suppressed: "complement" });
    // April: 5 women, 1 man and 6 in all started: "< 5" men and a second figure hidden
    const april = (await figures(5, "2026-04", "2026-04")).courses[0]?.rows[0];
    expect(show(april?.man as UsageCell)).toBe("<\u00a05");
    const hidden = [april?.kvinnor, april?.totalt].filter((c) => c && "suppressed" in c);
    expect(hidden.length).toBeGreaterThanOrEqual(1);
    expect(u.disclosure.reasons.join(" ")).toContain("visas som ”<\u00a05”");
  });

  it("takes the association's threshold, counts only the initiative asked for", async () => {
    const own = await courseFigures(t.db, f.associationId, {
      from: "2026-03",
      to: "2026-04",
      initiativeIds: [f.tierp.initiative],
    });
    expect(own.threshold).toBe(5);
    const second = await courseFigures(t.db, f.associationId, {
      from: "2026-03",
      to: "2026-03",
      initiativeIds: [f.tierp.second],
      threshold: 0,
      allowTrueZero: true,
    });
    expect(second.courses.map((c) => c.courseId)).toEqual([courseId]);
    expect(table(second)).toEqual([
      ["started", "1", "0", "1"],
      ["finished", "1", "0", "1"],
      ["chapters", "2", "0", "2"],
    ]);
    const heby = await courseFigures(t.db, f.associationId, {
      from: "2026-03",
      to: "2026-04",
      initiativeIds: [f.heby.initiative],
      threshold: 0,
      allowTrueZero: true,
    });
    expect(heby.courses.map((c) => c.courseId).sort()).toEqual([courseId, otherCourseId].sort());
    expect(table(heby)).toEqual([
      ["started", "0", "0", "0"],
      ["finished", "0", "0", "0"],
      ["chapters", "0", "0", "0"],
    ]);
    // together: Tierp's two initiatives
    const both = await courseFigures(t.db, f.associationId, {
      from: "2026-03",
      to: "2026-03",
      initiativeIds: [f.tierp.initiative, f.tierp.second],
      threshold: 0,
      allowTrueZero: true,
    });
    expect(table(both)[1]).toEqual(["finished", "1", "0", "1"]);
  });

  it("carries no participant id or personnummer", async () => {
    const text = JSON.stringify([await figures(0), await figures(5)]);
    expect(people.length).toBe(15);
    for (const p of people) {
      expect(text).not.toContain(p.id);
      expect(text).not.toContain(p.number);
    }
  });

  it("refuses a bad period and an initiative of another association", async () => {
    await expect(figures(0, "2026-05", "2026-02")).rejects.toThrow(ValidationError);
    await expect(
      courseFigures(t.db, f.associationId, {
        from: "2026-01",
        to: "2026-02",
        initiativeIds: ["00000000-0000-4000-8000-000000000000"],
      }),
    ).rejects.toThrow(NotFoundError);
  });
});

// ── Property: no "< t" can be worked out from its row ──────────────────────────────────────────

/** Every value of a row's cell, given what is published, with the hidden part unknown (0..B). */
function feasible(
  cells: readonly [UsageCell, UsageCell, UsageCell],
  threshold: number,
  allowTrueZero: boolean,
  bound: number,
): Set<number>[] {
  const fits = (cell: UsageCell, v: number) => {
    if ("value" in cell) return cell.value === v;
    if (cell.suppressed === "primary") return v < threshold && (v > 0 || !allowTrueZero);
    if (cell.suppressed === "secondary") return v >= threshold;
    return true; // left out: nothing published
  };
  const seen = [new Set<number>(), new Set<number>(), new Set<number>()];
  for (let k = 0; k <= bound; k++)
    for (let m = 0; m <= bound; m++)
      for (let h = 0; h <= bound; h++) {
        if (!fits(cells[0], k) || !fits(cells[1], m) || !fits(cells[2], k + m + h)) continue;
        seen[0]?.add(k);
        seen[1]?.add(m);
        seen[2]?.add(k + m + h);
      }
  return seen;
}

describe("the courses' figures, protected", () => {
  it("never leaves a suppressed figure with one possible value", () => {
    const genders = fc.tuple(fc.nat(12), fc.nat(12), fc.nat(4));
    fc.assert(
      fc.property(
        fc.tuple(genders, genders, genders),
        fc.constantFrom(3, 5),
        fc.boolean(),
        (rows, threshold, allowTrueZero) => {
          const course: PublishedCourse = {
            courseId: "c",
            title: "Kurs",
            version: 1,
            chapterIds: ["a"],
            hasQuiz: false,
            withdrawn: false,
            forAll: true,
          };
          const counts: CourseCounts = {
            rows: rows as CourseCounts["rows"],
            quiz: { answers: 0, firstTry: 0 },
          };
          const out = protectCourseFigures([course], new Map([["c", counts]]), ["2026-03"], {
            threshold,
            allowTrueZero,
          });
          for (const [i, row] of (out.courses[0]?.rows ?? []).entries()) {
            const cells = [row.kvinnor, row.man, row.totalt] as const;
            const truth = rows[i] as [number, number, number];
            const values = [truth[0], truth[1], truth[0] + truth[1] + truth[2]];
            const possible = feasible(cells, threshold, allowTrueZero, 40);
            for (const [j, cell] of cells.entries()) {
              if ("value" in cell) expect(cell.value).toBe(values[j]);
              else expect(possible[j]?.size ?? 0).toBeGreaterThan(1);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
