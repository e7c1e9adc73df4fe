// The texts' completeness and the translation status (texts.ts): what a language lacks, and
// when a confirmed translation stops being "klar".
import { describe, expect, it } from "vitest";
import {
  type DraftChapter,
  type DraftCourse,
  type DraftPage,
  missingChapterTexts,
  snapshotOf,
  swedishHash,
  translationStatus,
} from "./texts.ts";

const course: DraftCourse = {
  id: "c",
  initiativeId: null,
  texts: { sv: { title: "Kurs", summary: "" }, ar: { title: "دورة", summary: "" } },
};
const chapter: DraftChapter = {
  id: "k",
  position: 0,
  texts: { sv: { title: "Kapitel", intro: "" }, ar: { title: "فصل", intro: "" } },
};
const quiz = (ar?: DraftPage["texts"]["ar"]): DraftPage => ({
  id: "p",
  position: 0,
  kind: "fraga",
  mediaId: null,
  correctOption: 1,
  texts: {
    sv: { title: "Fråga", body: "Vad?", options: ["A", "B"], explanation: "B är rätt." },
    ...(ar ? { ar } : {}),
  },
});
const fullAr = { title: "سؤال", body: "ماذا؟", options: ["أ", "ب"], explanation: "ب صحيح." };

describe("translation status", () => {
  it("names what a language lacks, page by page", () => {
    const missing = missingChapterTexts(
      course,
      chapter,
      [quiz({ ...fullAr, options: ["أ"], explanation: "" })],
      "ar",
    );
    expect(missing.map((m) => m.field)).toEqual(["options", "explanation"]);
    expect(missing[0]?.label).toBe("Sida 1 (Fråga): svarsalternativ");
  });

  it("is klar only when complete and confirmed against the Swedish as it is now", () => {
    const pages = [quiz(fullAr)];
    expect(translationStatus(course, chapter, pages, "ar", undefined).state).toBe("komplett");
    const sourceHash = swedishHash(course, chapter, pages);
    expect(translationStatus(course, chapter, pages, "ar", { sourceHash }).state).toBe("klar");
    const edited = [{ ...quiz(fullAr), correctOption: 0 }];
    expect(translationStatus(course, chapter, edited, "ar", { sourceHash }).state).toBe(
      "inaktuell",
    );
    expect(translationStatus(course, chapter, pages, "en", undefined).state).toBe("saknas");
  });

  it("hashes the Swedish the same whatever order the keys come in (jsonb keeps none)", () => {
    const page = quiz();
    const reordered: DraftPage = {
      ...page,
      texts: {
        sv: { explanation: "B är rätt.", options: ["A", "B"], body: "Vad?", title: "Fråga" },
      },
    };
    expect(swedishHash(course, chapter, [reordered])).toBe(swedishHash(course, chapter, [page]));
    const changed: DraftPage = { ...page, texts: { sv: { ...page.texts.sv!, body: "Vem?" } } };
    expect(swedishHash(course, chapter, [changed])).not.toBe(swedishHash(course, chapter, [page]));
  });

  it("publishes a chapter only in Swedish and its klar languages, never partly", () => {
    const snapshot = snapshotOf(course, [
      { chapter, pages: [quiz({ ...fullAr, explanation: "" })], ready: [] },
    ]);
    expect(snapshot.chapters[0]?.locales).toEqual(["sv"]);
    expect(snapshot.chapters[0]?.pages[0]?.texts.ar).toBeUndefined();
    expect(snapshot.chapters[0]?.texts.ar).toBeUndefined();
    expect(snapshot.texts.ar).toBeUndefined();
  });
});
