// A course's files: the type from the first bytes (never the name), each kind's size limit with
// a Swedish refusal that says what to do, storing with an audit event, and reading back only for
// someone who may write the course.
import { createHash } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { auditEvents } from "../audit/schema.ts";
import { NotFoundError, ValidationError } from "../platform/errors.ts";
import { type RegisterFixture, registerFixture } from "../register/register-fixture.ts";
import {
  checkMedia,
  inspectMedia,
  mediaBytes,
  mediaForStaff,
  mediaInfoOf,
  pictureSize,
  sniffFormat,
  storeMedia,
} from "./media.ts";
import { courseMedia } from "./schema.ts";
import { insertTestCourse, sampleFile } from "./test-course.ts";

const actor = { userId: null, label: "test" };
const bytes = (...values: (number | string)[]) =>
  new Uint8Array(values.flatMap((v) => (typeof v === "string" ? [...Buffer.from(v)] : [v])));

describe("sniffing the type", () => {
  it("knows each format from its first bytes", () => {
    expect(sniffFormat(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe("jpeg");
    expect(sniffFormat(bytes(0x89, "PNG", 0x0d, 0x0a))).toBe("png");
    expect(sniffFormat(bytes("RIFF", 0, 0, 0, 0, "WEBPVP8 "))).toBe("webp");
    expect(sniffFormat(bytes("ID3", 3, 0))).toBe("mp3");
    expect(sniffFormat(bytes(0xff, 0xfb, 0x90, 0x00))).toBe("mp3");
    expect(sniffFormat(bytes(0, 0, 0, 0x18, "ftypM4A "))).toBe("mp4");
    expect(sniffFormat(bytes("OggS", 0))).toBe("ogg");
    expect(sniffFormat(bytes(0x1a, 0x45, 0xdf, 0xa3, 0x9f))).toBe("webm");
    expect(sniffFormat(bytes("WEBVTT\n\n"))).toBe("vtt");
    expect(sniffFormat(bytes(0xef, 0xbb, 0xbf, "WEBVTT - Kapitel 1\n"))).toBe("vtt");
  });

  it("takes nothing else", () => {
    expect(sniffFormat(bytes("RIFF", 0, 0, 0, 0, "WAVEfmt "))).toBeUndefined();
    expect(sniffFormat(bytes("WEBVTTX"))).toBeUndefined();
    expect(sniffFormat(bytes("%PDF-1.7"))).toBeUndefined();
    expect(sniffFormat(bytes("<svg xmlns"))).toBeUndefined();
    expect(sniffFormat(new Uint8Array())).toBeUndefined();
  });
});

describe("checking a file for its kind", () => {
  const refusal = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      if (error instanceof ValidationError) return error.fields;
      throw error;
    }
    throw new Error("not refused");
  };

  it("gives the media type by kind", () => {
    expect(checkMedia("bild", sampleFile.png())).toBe("image/png");
    expect(checkMedia("ljud", sampleFile.mp4())).toBe("audio/mp4");
    expect(checkMedia("video", sampleFile.mp4())).toBe("video/mp4");
    expect(checkMedia("textning", sampleFile.vtt())).toBe("text/vtt");
  });

  it("refuses a file of the wrong type, saying which types it takes", () => {
    expect(refusal(() => checkMedia("bild", sampleFile.text(), "picture"))).toEqual({
      picture:
        "Filen är inte en bild som går att visa. Välj en bild i formatet JPEG, PNG eller WebP.",
    });
    expect(refusal(() => checkMedia("video", sampleFile.mp3())).video).toContain("MP4 eller WebM");
    expect(refusal(() => checkMedia("textning", sampleFile.png())).textning).toContain("WEBVTT");
    expect(refusal(() => checkMedia("ljud", new Uint8Array())).ljud).toContain("tom");
  });

  it("refuses a picture whose size cannot be read, as broken, saying how to save it again", () => {
    const signatureOnly = bytes(0x89, "PNG", 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0);
    const message = refusal(() => checkMedia("bild", signatureOnly, "picture")).picture;
    expect(message).toBe(
      "Bilden går inte att läsa: filen verkar vara skadad eller ofullständig. Öppna bilden i ett bildprogram, spara den på nytt som JPEG, PNG eller WebP och försök igen.",
    );
    // a JPEG cut off before its frame header, and a WebP with nothing after its chunk name
    expect(refusal(() => checkMedia("bild", bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16))).bild).toBe(
      message,
    );
    expect(refusal(() => checkMedia("bild", bytes("RIFF", 0, 0, 0, 0, "WEBPVP8 "))).bild).toBe(
      message,
    );
    expect(inspectMedia("bild", sampleFile.jpeg())).toEqual({
      mediaType: "image/jpeg",
      pixels: { width: 4, height: 3 },
    });
    // only pictures have a size
    expect(inspectMedia("video", sampleFile.mp4())).toEqual({
      mediaType: "video/mp4",
      pixels: null,
    });
  });

  it("refuses a file over the kind's limit with its size in MB and a Swedish comma", () => {
    expect(refusal(() => checkMedia("bild", sampleFile.png(3.4 * 1024 * 1024))).bild).toBe(
      "Bilden är 3,4 MB. Den får vara högst 2 MB. Spara den mindre och försök igen.",
    );
    expect(checkMedia("bild", sampleFile.png(2 * 1024 * 1024))).toBe("image/png");
    expect(refusal(() => checkMedia("bild", sampleFile.png(2 * 1024 * 1024 + 1))).bild).toContain(
      "2,1 MB",
    );
    expect(refusal(() => checkMedia("ljud", sampleFile.mp3(11 * 1024 * 1024))).ljud).toContain(
      "Inspelningen är 11,0 MB. Den får vara högst 10 MB.",
    );
    expect(checkMedia("video", sampleFile.mp4(10 * 1024 * 1024))).toBe("video/mp4");
    const bigCaptions = new Uint8Array(201 * 1024).fill(0x41);
    bigCaptions.set(Buffer.from("WEBVTT\n"));
    expect(refusal(() => checkMedia("textning", bigCaptions)).textning).toContain(
      "201 kB. Den får vara högst 200 kB",
    );
  });
});

describe("storing and reading a course's files", () => {
  let t: TestDatabase;
  let f: RegisterFixture;
  let courseId: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    f = await registerFixture(t.db, "filer");
    ({ courseId } = await insertTestCourse(t.db, f.associationId, f.tierp.initiative));
  });
  afterAll(() => t?.drop());

  it("stores a picture with its type from the bytes and an audit event", async () => {
    const data = sampleFile.png(500);
    const id = await storeMedia(t.db, actor, f.officers.tierp, f.associationId, courseId, "bild", {
      fileName: "C:\\Bilder\\karta.png",
      data,
    });
    const [row] = await t.db.select().from(courseMedia).where(eq(courseMedia.id, id));
    expect(row).toMatchObject({
      kind: "bild",
      mediaType: "image/png",
      fileName: "karta.png",
      sizeBytes: 500,
      width: 4,
      height: 3,
    });
    expect(row?.data).toEqual(data);
    expect(await pictureSize(t.db, f.associationId, id)).toEqual({ width: 4, height: 3 });
    expect(await mediaInfoOf(t.db, f.associationId, courseId, [id])).toEqual([
      {
        id,
        kind: "bild",
        mediaType: "image/png",
        fileName: "karta.png",
        sizeBytes: 500,
        sha256: createHash("sha256").update(sampleFile.png(500)).digest("hex"),
        width: 4,
        height: 3,
      },
    ]);
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "course_media.stored"), eq(auditEvents.targetId, id)));
    expect(event?.details).toMatchObject({
      courseId,
      kind: "bild",
      sizeBytes: 500,
      width: 4,
      height: 3,
    });

    const stored = await mediaForStaff(t.db, f.admin, f.associationId, courseId, id);
    expect(stored.mediaType).toBe("image/png");
    expect(stored.sizeBytes).toBe(500);
    const bytes = mediaBytes(t.db, id);
    expect((await bytes(0, 500)).byteLength).toBe(500);
    // a piece is read from the database on its own: the bytes of a range, no more
    expect([...(await bytes(1, 3))]).toEqual([0x50, 0x4e, 0x47]);
  });

  it("stores nothing when refused, and only for someone who may write the course", async () => {
    const before = (await t.db.select({ n: count() }).from(courseMedia))[0]?.n;
    await expect(
      storeMedia(t.db, actor, f.admin, f.associationId, courseId, "bild", {
        fileName: "bild.png",
        data: sampleFile.text(),
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      storeMedia(t.db, actor, f.officers.heby, f.associationId, courseId, "bild", {
        fileName: "bild.png",
        data: sampleFile.png(),
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await t.db.select({ n: count() }).from(courseMedia))[0]?.n).toBe(before);
  });

  it("answers not found to someone else, for another course's file and for a bad id", async () => {
    const id = await storeMedia(t.db, actor, f.admin, f.associationId, courseId, "textning", {
      fileName: "sv.vtt",
      data: sampleFile.vtt(),
    });
    await expect(
      mediaForStaff(t.db, f.officers.heby, f.associationId, courseId, id),
    ).rejects.toBeInstanceOf(NotFoundError);
    // captions have no size in pixels; neither has a file of another association or a bad id
    expect(await pictureSize(t.db, f.associationId, id)).toBeNull();
    expect(await pictureSize(t.db, crypto.randomUUID(), id)).toBeNull();
    expect(await pictureSize(t.db, f.associationId, "inte-ett-id")).toBeNull();
    expect(await pictureSize(t.db, f.associationId, null)).toBeNull();
    const other = await insertTestCourse(t.db, f.associationId, null);
    await expect(
      mediaForStaff(t.db, f.admin, f.associationId, other.courseId, id),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      mediaForStaff(t.db, f.admin, f.associationId, courseId, "inte-ett-id"),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
