// A small course for tests: created through the authoring use cases (course, chapters, an
// English translation, a confirmation), with its pages inserted as rows. By default the
// Swedish is complete (it can be published) and chapter 1 is also complete in English and
// confirmed ("klar"), chapter 2 only in Swedish.
import type { Principal } from "../access/principal.ts";
import type { AuditActor } from "../audit/record-audit-event.ts";
import type { Queryable } from "../platform/database/connect.ts";
import {
  chapterSwedishHash,
  confirmTranslation,
  createChapter,
  createCourse,
} from "./authoring.ts";
import { loadCourseDraft } from "./draft.ts";
import { coursePages } from "./schema.ts";

export interface CourseFixtureOptions {
  associationId: string;
  /** Null: the whole association's course (needs someone from the office). */
  initiativeId: string | null;
  actor: AuditActor;
  principal: Principal;
  title?: string;
  /** false: chapter 2's only page lacks its Swedish text (publishing is refused). */
  swedishComplete?: boolean;
  /** false: no English anywhere. */
  english?: boolean;
  /** false: chapter 1's English is complete but not confirmed ("komplett"). */
  confirmEnglish?: boolean;
}

export interface CourseFixture {
  courseId: string;
  chapterIds: [string, string];
  /** Chapter 1: a text page and a quiz question; chapter 2: a text page. */
  pageIds: { textOne: string; quizOne: string; textTwo: string };
}

export async function makeCourseDraft(
  db: Queryable,
  options: CourseFixtureOptions,
): Promise<CourseFixture> {
  const {
    associationId,
    initiativeId,
    actor,
    principal,
    title = "Samhällsorientering",
    swedishComplete = true,
    english = true,
    confirmEnglish = true,
  } = options;
  const courseId = await createCourse(db, actor, principal, associationId, {
    initiativeId,
    texts: {
      sv: { title, summary: "Om livet i Sverige: myndigheter, arbete och vardag." },
      ...(english ? { en: { title: "Civic orientation", summary: "About life in Sweden." } } : {}),
    },
  });
  const one = await createChapter(db, actor, principal, associationId, courseId, {
    texts: {
      sv: { title: "Att bo i Sverige", intro: "Om bostad och grannar." },
      ...(english ? { en: { title: "Living in Sweden", intro: "About housing." } } : {}),
    },
  });
  const two = await createChapter(db, actor, principal, associationId, courseId, {
    texts: { sv: { title: "Att arbeta", intro: "" } },
  });
  const [textOne, quizOne, textTwo] = await db
    .insert(coursePages)
    .values([
      {
        chapterId: one,
        position: 0,
        kind: "text",
        updatedByName: principal.name,
        texts: {
          sv: { title: "Hyresrätt", body: "Du hyr din lägenhet av en hyresvärd." },
          ...(english
            ? { en: { title: "Renting", body: "You rent your flat from a landlord." } }
            : {}),
        },
      },
      {
        chapterId: one,
        position: 1,
        kind: "fraga",
        correctOption: 0,
        updatedByName: principal.name,
        texts: {
          sv: {
            title: "Fråga",
            body: "Vem äger en hyresrätt?",
            options: ["Hyresvärden", "Du"],
            explanation: "Du hyr lägenheten; hyresvärden äger den.",
          },
          ...(english
            ? {
                en: {
                  title: "Question",
                  body: "Who owns a rented flat?",
                  options: ["The landlord", "You"],
                  explanation: "You rent the flat; the landlord owns it.",
                },
              }
            : {}),
        },
      },
      {
        chapterId: two,
        position: 0,
        kind: "text",
        updatedByName: principal.name,
        texts: {
          sv: { title: "Arbetsförmedlingen", body: swedishComplete ? "Hit går du för jobb." : "" },
        },
      },
    ])
    .returning({ id: coursePages.id });
  if (!textOne || !quizOne || !textTwo) throw new Error("pages not inserted");
  if (english && confirmEnglish) {
    const draft = await loadCourseDraft(db, principal, associationId, courseId);
    const view = draft.chapters.find((c) => c.chapter.id === one);
    if (!view) throw new Error("chapter 1 not in the draft");
    await confirmTranslation(
      db,
      actor,
      principal,
      associationId,
      courseId,
      one,
      "en",
      chapterSwedishHash(draft, view),
    );
  }
  return {
    courseId,
    chapterIds: [one, two],
    pageIds: { textOne: textOne.id, quizOne: quizOne.id, textTwo: textTwo.id },
  };
}
