// For the pages' and files' tests: a course with chapters inserted straight into the tables,
// so these tests do not depend on the authoring use cases.
import type { Db } from "../platform/database/connect.ts";
import { courseChapters, courses } from "./schema.ts";

export async function insertTestCourse(
  db: Db,
  associationId: string,
  initiativeId: string | null,
  chapters = 1,
): Promise<{ courseId: string; chapterIds: string[] }> {
  const [course] = await db
    .insert(courses)
    .values({
      associationId,
      initiativeId,
      texts: { sv: { title: "Samhällsorientering", summary: "" } },
      updatedByName: "Test",
    })
    .returning({ id: courses.id });
  if (!course) throw new Error("no course");
  const chapterIds: string[] = [];
  for (let i = 0; i < chapters; i++) {
    const [chapter] = await db
      .insert(courseChapters)
      .values({
        courseId: course.id,
        position: i,
        texts: { sv: { title: `Kapitel ${i + 1}`, intro: "" } },
        updatedByName: "Test",
      })
      .returning({ id: courseChapters.id });
    if (!chapter) throw new Error("no chapter");
    chapterIds.push(chapter.id);
  }
  return { courseId: course.id, chapterIds };
}

/**
 * Files whose first bytes say what they are, padded to a size. The pictures are 4 × 3 pixels:
 * a PNG signature and IHDR chunk, a JPEG's SOI and SOF0 segment (image-size.ts reads them).
 */
export const sampleFile = {
  png: (size = 64) =>
    pad(
      [
        ...[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
        ...[0, 0, 0, 13, ...Buffer.from("IHDR"), 0, 0, 0, 4, 0, 0, 0, 3, 8, 2, 0, 0, 0],
      ],
      size,
    ),
  jpeg: (size = 64) =>
    pad([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x03, 0x00, 0x04, 0x01, 1, 0x11, 0], size),
  mp3: (size = 64) => pad([...Buffer.from("ID3"), 3, 0], size),
  mp4: (size = 64) => pad([0, 0, 0, 0x20, ...Buffer.from("ftypisom")], size),
  vtt: () => new Uint8Array(Buffer.from("WEBVTT\n\n00:00.000 --> 00:02.000\nHej!\n")),
  text: () => new Uint8Array(Buffer.from("Det här är ingen bild.\n")),
};

function pad(head: number[], size: number): Uint8Array {
  const data = new Uint8Array(Math.max(size, head.length));
  data.set(head);
  return data;
}
