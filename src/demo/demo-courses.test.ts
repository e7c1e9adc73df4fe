// The demo's courses (demo-courses.ts): the published Samhällsorientering with its translations
// and picture, the Swedish-only draft, the civic communicator who writes them, and the portal
// participants' progress in the register zone; and the demo's Tyck till (demo-evaluation.ts):
// stored question sets for the two portal initiatives and about a hundred anonymous answers over
// the last six months, mostly 3–5, with a few plain-Swedish free texts. One seeded demo for both.
import { inflateSync } from "node:zlib";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { loadPrincipal } from "../access/principal.ts";
import { draftSnapshot, loadCourseDraft } from "../courses/draft.ts";
import { imageSize } from "../courses/image-size.ts";
import {
  courseMedia,
  courseProgress,
  courses,
  courseVersions,
  quizAnswers,
} from "../courses/schema.ts";
import { missingChapterTexts, snapshotOf } from "../courses/texts.ts";
import { evaluationForms, type ResponseAnswer } from "../evaluation/schema.ts";
import { initiatives } from "../initiatives/schema.ts";
import { roleAssignments, users } from "../people/schema.ts";
import { portalAccounts } from "../portal/schema.ts";
import { DEMO_COURSE_INITIATIVE, swedishFlagPng } from "./demo-courses.ts";
import { DEMO_PARTICIPANT_EMAIL } from "./demo-portal.ts";
import { type DemoLogin, seedDemo } from "./seed-demo.ts";

let t: TestDatabase;
let logins: DemoLogin[];

beforeAll(async () => {
  t = await createTestDatabase();
  logins = (await seedDemo(t.db)) ?? [];
}, 180_000);
afterAll(() => t?.drop());

const COMMUNICATOR = "kommunikator@demo.samspar.se";

const larcentrum = async () => {
  const [row] = await t.db
    .select()
    .from(initiatives)
    .where(eq(initiatives.name, DEMO_COURSE_INITIATIVE));
  if (!row) throw new Error("no Lärcentrum");
  return row;
};

const courseTitled = async (title: string) => {
  const rows = await t.db.select().from(courses);
  const course = rows.find((c) => c.texts.sv?.title === title);
  if (!course) throw new Error(`no course ${title}`);
  return course;
};

const communicatorDraft = async (courseId: string) => {
  const [user] = await t.db.select().from(users).where(eq(users.email, COMMUNICATOR));
  const principal = await loadPrincipal(t.db, user?.id ?? "", { type: "session" });
  if (!principal) throw new Error("no communicator");
  const course = (await t.db.select().from(courses).where(eq(courses.id, courseId)))[0];
  return loadCourseDraft(t.db, principal, course?.associationId ?? "", courseId);
};

/** The pixel at (x, y) of an 8-bit RGB PNG without filters (as swedishFlagPng writes it). */
function pixel(png: Uint8Array, x: number, y: number): string {
  const buffer = Buffer.from(png);
  const width = buffer.readUInt32BE(16);
  const idat: Buffer[] = [];
  for (let at = 8; at < buffer.length; ) {
    const length = buffer.readUInt32BE(at);
    if (buffer.toString("ascii", at + 4, at + 8) === "IDAT")
      idat.push(buffer.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const start = y * (1 + width * 3) + 1 + x * 3;
  return raw.subarray(start, start + 3).toString("hex");
}

describe("the Swedish flag picture", () => {
  it("is a 320×200 PNG: blue field, yellow Nordic cross at 5:2:9 and 4:2:4", () => {
    const png = swedishFlagPng(320, 200);
    expect(Buffer.from(png.subarray(0, 8)).toString("hex")).toBe("89504e470d0a1a0a");
    expect(Buffer.from(png).readUInt32BE(16)).toBe(320);
    expect(Buffer.from(png).readUInt32BE(20)).toBe(200);
    expect(pixel(png, 0, 0)).toBe("006aa7");
    expect(pixel(png, 99, 79)).toBe("006aa7"); // just before the cross, both ways
    expect(pixel(png, 100, 0)).toBe("fecc02"); // the upright starts at 5/16
    expect(pixel(png, 139, 199)).toBe("fecc02");
    expect(pixel(png, 140, 10)).toBe("006aa7"); // and ends at 7/16
    expect(pixel(png, 319, 80)).toBe("fecc02"); // the bar runs from 4/10 to 6/10
    expect(pixel(png, 319, 120)).toBe("006aa7");
    expect(pixel(png, 319, 199)).toBe("006aa7");
  });
});

describe("the demo's courses", () => {
  it("has a civic communicator who writes the learning centre's courses", async () => {
    const login = logins.find((l) => l.email === COMMUNICATOR);
    expect(login?.role).toBe("participant_officer");
    expect(login?.initiative).toBe(DEMO_COURSE_INITIATIVE);
    const [user] = await t.db.select().from(users).where(eq(users.email, COMMUNICATOR));
    const grants = await t.db
      .select()
      .from(roleAssignments)
      .where(eq(roleAssignments.userId, user?.id ?? ""));
    expect(grants.map((g) => [g.role, g.initiativeId])).toEqual([
      ["participant_officer", (await larcentrum()).id],
    ]);
  });

  it("publishes Samhällsorientering: Swedish complete, English everywhere, Arabic in chapters 1–3", async () => {
    const course = await courseTitled("Samhällsorientering – en början");
    expect(course.initiativeId).toBe((await larcentrum()).id);
    const draft = await communicatorDraft(course.id);
    expect(draft.chapters.length).toBe(4);
    for (const view of draft.chapters) {
      expect(view.pages.length).toBeGreaterThanOrEqual(3);
      expect(view.pages.length).toBeLessThanOrEqual(5);
      expect(missingChapterTexts(course, view.chapter, view.pages, "sv")).toEqual([]);
      expect(view.statuses.sv.state).toBe("klar");
      expect(view.statuses.en.state).toBe("klar");
      for (const locale of ["so", "ti", "fa"] as const)
        expect(view.statuses[locale].state).toBe("saknas");
      // 1–2 quiz questions per chapter
      const quiz = view.pages.filter((p) => p.kind === "fraga").length;
      expect(quiz).toBeGreaterThanOrEqual(1);
      expect(quiz).toBeLessThanOrEqual(2);
    }
    expect(draft.chapters.map((v) => v.statuses.ar.state)).toEqual([
      "klar",
      "klar",
      "klar",
      "paborjad",
    ]);
    expect(draft.chapters.some((v) => v.pages.some((p) => p.kind === "bild"))).toBe(true);

    // version 1 is exactly what publishing the draft now gives
    const versions = await t.db
      .select()
      .from(courseVersions)
      .where(eq(courseVersions.courseId, course.id));
    expect(versions.map((v) => v.number)).toEqual([1]);
    const snapshot = versions[0]?.snapshot;
    expect(snapshot).toEqual(draftSnapshot(draft));
    expect(snapshot?.chapters.map((c) => c.locales)).toEqual([
      ["sv", "en", "ar"],
      ["sv", "en", "ar"],
      ["sv", "en", "ar"],
      ["sv", "en"],
    ]);
    expect(Object.keys(snapshot?.texts ?? {}).sort()).toEqual(["ar", "en", "sv"]);
    expect(course.version).toBe(2); // published once, as publish.ts counts
  });

  it("has the picture in the snapshot with its alt text in every language the chapter is in", async () => {
    const course = await courseTitled("Samhällsorientering – en början");
    const [version] = await t.db
      .select()
      .from(courseVersions)
      .where(eq(courseVersions.courseId, course.id));
    const pictures = (version?.snapshot.chapters ?? []).flatMap((c) =>
      c.pages.filter((p) => p.kind === "bild").map((p) => ({ page: p, locales: c.locales })),
    );
    expect(pictures.length).toBeGreaterThanOrEqual(1);
    for (const { page, locales } of pictures) {
      for (const locale of locales) expect(page.texts[locale]?.alt?.trim()).toBeTruthy();
      const [media] = await t.db
        .select()
        .from(courseMedia)
        .where(eq(courseMedia.id, page.mediaId ?? ""));
      expect(media?.courseId).toBe(course.id);
      expect(media?.kind).toBe("bild");
      expect(media?.mediaType).toBe("image/png");
      expect(media?.sizeBytes).toBe(media?.data.length);
      expect(
        Buffer.from(media?.data ?? [])
          .subarray(1, 4)
          .toString("ascii"),
      ).toBe("PNG");
      // the size an upload would read from the bytes, for the <img> width and height
      expect({ width: media?.width, height: media?.height }).toEqual(
        imageSize(media?.data ?? new Uint8Array()),
      );
    }
    expect(pictures[0]?.page.texts.sv?.alt).toBe("Sveriges flagga: ett gult kors på blå botten.");
  });

  it("gives every quiz question a right answer and as many options in every language", async () => {
    const course = await courseTitled("Samhällsorientering – en början");
    const [version] = await t.db
      .select()
      .from(courseVersions)
      .where(eq(courseVersions.courseId, course.id));
    const quiz = (version?.snapshot.chapters ?? []).flatMap((c) =>
      c.pages.filter((p) => p.kind === "fraga").map((p) => ({ page: p, locales: c.locales })),
    );
    expect(quiz.length).toBeGreaterThanOrEqual(4);
    for (const { page, locales } of quiz) {
      const count = page.texts.sv?.options?.length ?? 0;
      expect(count).toBeGreaterThanOrEqual(2);
      expect(count).toBeLessThanOrEqual(5);
      expect(page.correctOption).not.toBeNull();
      expect(page.correctOption).toBeGreaterThanOrEqual(0);
      expect(page.correctOption).toBeLessThan(count);
      for (const locale of locales) {
        expect(page.texts[locale]?.options?.length).toBe(count);
        expect(page.texts[locale]?.explanation?.trim()).toBeTruthy();
      }
    }
  });

  it("keeps Studieteknik as an unpublished Swedish draft", async () => {
    const course = await courseTitled("Studieteknik – att plugga hemma");
    expect(course.initiativeId).toBe((await larcentrum()).id);
    expect(Object.keys(course.texts)).toEqual(["sv"]);
    const versions = await t.db
      .select()
      .from(courseVersions)
      .where(eq(courseVersions.courseId, course.id));
    expect(versions).toEqual([]);
    const draft = await communicatorDraft(course.id);
    expect(draft.chapters.length).toBe(1);
    expect(draft.chapters[0]?.statuses.sv.state).toBe("klar");
    expect(draft.chapters[0]?.statuses.en.state).toBe("saknas");
    expect(snapshotOf(course, []).chapters).toEqual([]);
  });
});

describe("the demo's course progress", () => {
  it("has progress for the learning centre's portal participants only, over five months", async () => {
    const initiative = await larcentrum();
    const course = await courseTitled("Samhällsorientering – en början");
    const progress = await t.owner.db.select().from(courseProgress);
    const answers = await t.owner.db.select().from(quizAnswers);
    expect(progress.length).toBeGreaterThan(0);
    expect(answers.length).toBeGreaterThan(0);
    expect(new Set(progress.map((p) => p.initiativeId))).toEqual(new Set([initiative.id]));
    expect(new Set(answers.map((a) => a.initiativeId))).toEqual(new Set([initiative.id]));
    expect(progress.every((p) => p.courseId === course.id)).toBe(true);
    expect(progress.every((p) => p.dataControllerId === initiative.ownerOrganisationId)).toBe(true);

    // everyone with progress has a portal account in the learning centre
    const accounts = await t.owner.db
      .select()
      .from(portalAccounts)
      .where(eq(portalAccounts.initiativeId, initiative.id));
    const accountIds = new Set(accounts.map((a) => a.participantId));
    expect(progress.every((p) => accountIds.has(p.participantId))).toBe(true);

    // about 20–30 started, some finished chapters, some the whole course
    const started = new Set(progress.map((p) => p.participantId));
    expect(started.size).toBeGreaterThanOrEqual(15);
    expect(started.size).toBeLessThanOrEqual(40);
    const done = progress.filter((p) => p.completedAt !== null);
    expect(done.length).toBeGreaterThanOrEqual(10);
    const finishers = [...started].filter(
      (id) => done.filter((p) => p.participantId === id).length === 4,
    );
    expect(finishers.length).toBeGreaterThanOrEqual(1);

    // over the last five months, in order: started before completed, nothing ahead of now
    const now = Date.now();
    const months = new Set(progress.map((p) => p.startedAt.toISOString().slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(4);
    for (const p of progress) {
      expect(p.startedAt.getTime()).toBeGreaterThan(now - 160 * 86_400_000);
      expect(p.startedAt.getTime()).toBeLessThan(now);
      expect(p.updatedAt.getTime()).toBeGreaterThanOrEqual(p.startedAt.getTime());
      if (p.completedAt) expect(p.completedAt.getTime()).toBeGreaterThan(p.startedAt.getTime());
    }
    const [version] = await t.db
      .select()
      .from(courseVersions)
      .where(eq(courseVersions.courseId, course.id));
    expect(progress.every((p) => p.startedAt > (version?.publishedAt ?? new Date()))).toBe(true);

    // a completed chapter stopped on its last page; answers are to quiz pages already seen
    const chapters = version?.snapshot.chapters ?? [];
    for (const p of done) {
      const chapter = chapters.find((c) => c.id === p.chapterId);
      expect(p.lastPageId).toBe(chapter?.pages.at(-1)?.id);
    }
    for (const a of answers) {
      const chapter = chapters.find((c) => c.id === a.chapterId);
      const page = chapter?.pages.find((pg) => pg.id === a.pageId);
      expect(page?.kind).toBe("fraga");
      expect(a.correct).toBe(a.chosenOption === page?.correctOption);
      const own = progress.find(
        (p) => p.participantId === a.participantId && p.chapterId === a.chapterId,
      );
      const seen = chapter?.pages.findIndex((pg) => pg.id === own?.lastPageId) ?? -1;
      expect(chapter?.pages.findIndex((pg) => pg.id === a.pageId)).toBeLessThanOrEqual(seen);
    }
    expect(answers.some((a) => a.correct && a.tries === 1)).toBe(true);
    expect(answers.some((a) => !a.correct)).toBe(true);
  });

  it("stops the demo participant on page 2 of chapter 1, so the portal can continue there", async () => {
    const course = await courseTitled("Samhällsorientering – en början");
    const [user] = await t.db.select().from(users).where(eq(users.email, DEMO_PARTICIPANT_EMAIL));
    const [account] = await t.owner.db
      .select()
      .from(portalAccounts)
      .where(eq(portalAccounts.userId, user?.id ?? ""));
    const own = await t.owner.db
      .select()
      .from(courseProgress)
      .where(
        and(
          eq(courseProgress.participantId, account?.participantId ?? ""),
          eq(courseProgress.courseId, course.id),
        ),
      )
      .orderBy(asc(courseProgress.startedAt));
    const [version] = await t.db
      .select()
      .from(courseVersions)
      .where(eq(courseVersions.courseId, course.id));
    const first = version?.snapshot.chapters[0];
    expect(own.map((p) => [p.chapterId, p.lastPageId, p.completedAt])).toEqual([
      [first?.id, first?.pages[1]?.id, null],
    ]);
    const answered = await t.owner.db
      .select()
      .from(quizAnswers)
      .where(inArray(quizAnswers.participantId, [account?.participantId ?? ""]));
    expect(answered).toEqual([]);
  });
});

describe("the demo's Tyck till", () => {
  it("stores both question sets of both portal initiatives", async () => {
    const forms = await t.db.select().from(evaluationForms);
    expect(forms).toHaveLength(4);
    expect(forms.filter((f) => f.kind === "kort").every((f) => f.questions.length === 2)).toBe(
      true,
    );
  });

  it("has plausible, anonymous answers over the last six months", async () => {
    const rows = (
      await t.owner.db.execute<{
        month: string;
        context: string;
        chapter_id: string | null;
        answers: ResponseAnswer[];
      }>(sql`select * from register.evaluation_responses`)
    ).rows;
    expect(rows.length).toBeGreaterThanOrEqual(60);
    expect(rows.length).toBeLessThanOrEqual(120);
    const months = new Set(rows.map((r) => String(r.month).slice(0, 7)));
    expect(months.size).toBe(6);
    expect(new Set(rows.map((r) => r.context))).toEqual(new Set(["mote", "kapitel", "slut"]));
    expect(rows.filter((r) => r.context === "kapitel").every((r) => r.chapter_id)).toBe(true);
    const scale = rows.flatMap((r) =>
      r.answers.filter((a) => a.type === "skala" && a.value !== null).map((a) => a.value as number),
    );
    expect(scale.filter((v) => v >= 3).length / scale.length).toBeGreaterThan(0.8);
    const free = rows.flatMap((r) =>
      r.answers.filter((a) => a.type === "fritext" && a.value).map((a) => a.value as string),
    );
    expect(free.length).toBeGreaterThan(5);
    const columns = (
      await t.owner.db.execute<{ column_name: string }>(
        sql`select column_name from information_schema.columns where table_schema = 'register' and table_name = 'evaluation_responses'`,
      )
    ).rows.map((c) => c.column_name);
    expect(columns).not.toContain("participant_id");
  });
});
