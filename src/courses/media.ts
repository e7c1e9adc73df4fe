// A course's files (issue 10; ADR 0015): pictures, read-aloud recordings, videos and captions.
// The type is decided from the file's first bytes, never from its name or what the browser
// claims, and each kind has its own types and size limit. Refusals say in Swedish what to do.
// Files are stored in course_media (bytea) and served through media-response.ts.
import { createHash } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Principal } from "../access/principal.ts";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { NotFoundError, ValidationError } from "../platform/errors.ts";
import { changeCourse, isCourseId, loadCourseDraft } from "./draft.ts";
import { imageSize, type PixelSize } from "./image-size.ts";
import type { ReadBytes, StoredMedia } from "./media-response.ts";
import { courseMedia } from "./schema.ts";
import type { MediaKind } from "./texts.ts";

const MB = 1024 * 1024;

/** The largest file of each kind, in bytes. */
export const MEDIA_MAX_BYTES: Record<MediaKind, number> = {
  bild: 2 * MB,
  ljud: 10 * MB,
  video: 10 * MB,
  textning: 200 * 1024,
};

/** What the first bytes say a file is. */
export type SniffedFormat = "jpeg" | "png" | "webp" | "mp3" | "mp4" | "ogg" | "webm" | "vtt";

const ascii = (data: Uint8Array, at: number, text: string) =>
  data.length >= at + text.length && [...text].every((c, i) => data[at + i] === c.charCodeAt(0));

/** The file's format from its first bytes, or undefined when it is none we take. */
export function sniffFormat(data: Uint8Array): SniffedFormat | undefined {
  const b = (i: number) => data[i] ?? -1;
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return "jpeg";
  if (b(0) === 0x89 && ascii(data, 1, "PNG")) return "png";
  if (ascii(data, 0, "RIFF") && ascii(data, 8, "WEBP")) return "webp";
  if (ascii(data, 0, "ID3")) return "mp3";
  if (b(0) === 0xff && (b(1) & 0xf0) === 0xf0) return "mp3";
  if (ascii(data, 4, "ftyp")) return "mp4";
  if (ascii(data, 0, "OggS")) return "ogg";
  if (b(0) === 0x1a && b(1) === 0x45 && b(2) === 0xdf && b(3) === 0xa3) return "webm";
  const bom = b(0) === 0xef && b(1) === 0xbb && b(2) === 0xbf ? 3 : 0;
  if (ascii(data, bom, "WEBVTT")) {
    // "WEBVTT" alone, or followed by a space, a tab or a line end
    const next = data[bom + 6];
    if (next === undefined || next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d)
      return "vtt";
  }
  return undefined;
}

/** The media types each kind takes, by format. */
const TYPES: Record<MediaKind, Partial<Record<SniffedFormat, string>>> = {
  bild: { jpeg: "image/jpeg", png: "image/png", webp: "image/webp" },
  ljud: { mp3: "audio/mpeg", mp4: "audio/mp4", ogg: "audio/ogg", webm: "audio/webm" },
  video: { mp4: "video/mp4", webm: "video/webm" },
  textning: { vtt: "text/vtt" },
};

/** "3,4": megabytes with one decimal and a Swedish comma, never rounded down to the limit. */
const megabytes = (bytes: number) => {
  const tenths = Math.ceil((bytes / MB) * 10) / 10;
  return tenths.toLocaleString("sv-SE", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
};

const tooLarge = (kind: MediaKind, size: number): string => {
  switch (kind) {
    case "bild":
      return `Bilden är ${megabytes(size)} MB. Den får vara högst 2 MB. Spara den mindre och försök igen.`;
    case "ljud":
      return `Inspelningen är ${megabytes(size)} MB. Den får vara högst 10 MB. Spara den med lägre kvalitet, eller dela upp den på två sidor, och försök igen.`;
    case "video":
      return `Videon är ${megabytes(size)} MB. Den får vara högst 10 MB. Korta den eller spara den med lägre upplösning och försök igen.`;
    case "textning":
      return `Textningsfilen är ${Math.ceil(size / 1024)} kB. Den får vara högst 200 kB. Kontrollera att det är rätt fil och försök igen.`;
  }
};

const wrongType: Record<MediaKind, string> = {
  bild: "Filen är inte en bild som går att visa. Välj en bild i formatet JPEG, PNG eller WebP.",
  ljud: "Filen är inte en ljudfil som går att spela upp. Välj en inspelning i formatet MP3, M4A, OGG eller WebM.",
  video: "Filen är inte en video som går att spela upp. Välj en video i formatet MP4 eller WebM.",
  textning:
    'Filen är inte en textningsfil. Välj en WebVTT-fil (.vtt): en textfil som börjar med raden "WEBVTT".',
};

/** A picture whose first bytes say JPEG, PNG or WebP, but whose size cannot be read. */
const BROKEN_PICTURE =
  "Bilden går inte att läsa: filen verkar vara skadad eller ofullständig. Öppna bilden i ett bildprogram, spara den på nytt som JPEG, PNG eller WebP och försök igen.";

const empty: Record<MediaKind, string> = {
  bild: "Bildfilen är tom. Välj bilden igen.",
  ljud: "Ljudfilen är tom. Välj inspelningen igen.",
  video: "Videofilen är tom. Välj videon igen.",
  textning: "Textningsfilen är tom. Välj filen igen.",
};

/**
 * What a file of this kind is stored as — its media type and, for a picture, its size in
 * pixels — or a ValidationError on `field` that says what to do: the size first (a too large
 * file is refused whatever it is), then the type, then (a picture) whether it can be read.
 */
export function inspectMedia(
  kind: MediaKind,
  data: Uint8Array,
  field: string = kind,
): { mediaType: string; pixels: PixelSize | null } {
  if (data.byteLength === 0) throw new ValidationError({ [field]: empty[kind] });
  if (data.byteLength > MEDIA_MAX_BYTES[kind])
    throw new ValidationError({ [field]: tooLarge(kind, data.byteLength) });
  const format = sniffFormat(data);
  const mediaType = format ? TYPES[kind][format] : undefined;
  if (!mediaType) throw new ValidationError({ [field]: wrongType[kind] });
  if (kind !== "bild") return { mediaType, pixels: null };
  const pixels = imageSize(data);
  if (!pixels) throw new ValidationError({ [field]: BROKEN_PICTURE });
  return { mediaType, pixels };
}

/** The media type a file of this kind is stored as, or the ValidationError of inspectMedia. */
export const checkMedia = (kind: MediaKind, data: Uint8Array, field: string = kind): string =>
  inspectMedia(kind, data, field).mediaType;

/** A file name to keep: its last path part, no control characters, at most 200 characters. */
const cleanFileName = (name: string, kind: MediaKind) => {
  const base =
    name
      .split(/[\\/]/)
      .pop()
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
      ?.replace(/[\u0000-\u001f\u007f]/g, "")
      .trim() ?? "";
  return (base || kind).slice(0, 200);
};

/**
 * Stores a file for a course this person may write and answers its id. Refused (nothing
 * stored) with a ValidationError on `field` when the size or the type is wrong.
 */
export async function storeMedia(
  q: Queryable,
  actor: AuditActor,
  principal: Principal,
  associationId: string,
  courseId: string,
  kind: MediaKind,
  file: { fileName: string; data: Uint8Array },
  field: string = kind,
): Promise<string> {
  const { mediaType, pixels } = inspectMedia(kind, file.data, field);
  const fileName = cleanFileName(file.fileName, kind);
  const sha256 = createHash("sha256").update(file.data).digest("hex");
  return changeCourse(q, principal, associationId, courseId, async (tx) => {
    const [row] = await tx
      .insert(courseMedia)
      .values({
        associationId,
        courseId,
        kind,
        mediaType,
        fileName,
        sizeBytes: file.data.byteLength,
        sha256,
        width: pixels?.width ?? null,
        height: pixels?.height ?? null,
        data: file.data,
        uploadedByName: principal.name,
      })
      .returning({ id: courseMedia.id });
    if (!row) throw new Error("insert returned nothing");
    await recordAuditEvent(tx, actor, {
      action: "course_media.stored",
      associationId,
      targetType: "course_media",
      targetId: row.id,
      details: {
        courseId,
        kind,
        mediaType,
        fileName,
        sizeBytes: file.data.byteLength,
        sha256,
        ...(pixels ? { width: pixels.width, height: pixels.height } : {}),
      },
    });
    return row.id;
  });
}

export interface MediaInfo {
  id: string;
  kind: MediaKind;
  mediaType: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  /** A picture's size in pixels; null when unknown (a file stored before sizes were read). */
  width: number | null;
  height: number | null;
}

/** A file's columns without its bytes: what is needed to describe and serve it. */
export const MEDIA_INFO = {
  id: courseMedia.id,
  kind: courseMedia.kind,
  mediaType: courseMedia.mediaType,
  fileName: courseMedia.fileName,
  sizeBytes: courseMedia.sizeBytes,
  sha256: courseMedia.sha256,
  width: courseMedia.width,
  height: courseMedia.height,
};

/**
 * Reads a piece of a stored file: only the bytes asked for leave the database (a range of a
 * video, not the whole 10 MB). The file's rows never change under an id; one removed meanwhile
 * is "not found".
 */
export const mediaBytes =
  (q: Queryable, mediaId: string): ReadBytes =>
  async (start, length) => {
    const [row] = await q
      .select({
        part: sql<Buffer>`substring(${courseMedia.data} from ${start + 1} for ${length})`,
      })
      .from(courseMedia)
      .where(eq(courseMedia.id, mediaId));
    if (!row) throw new NotFoundError("Filen finns inte.");
    return new Uint8Array(row.part);
  };

/** Some files of a course by id, without their bytes (for the editor's preview). */
export async function mediaInfoOf(
  q: Queryable,
  associationId: string,
  courseId: string,
  ids: readonly string[],
): Promise<MediaInfo[]> {
  const wanted = [...new Set(ids.filter(isCourseId))];
  if (wanted.length === 0) return [];
  return q
    .select(MEDIA_INFO)
    .from(courseMedia)
    .where(
      and(
        inArray(courseMedia.id, wanted),
        eq(courseMedia.courseId, courseId),
        eq(courseMedia.associationId, associationId),
      ),
    );
}

/** One file of a course, for someone who may write the course; otherwise "not found". */
export async function mediaForStaff(
  q: Queryable,
  principal: Principal,
  associationId: string,
  courseId: string,
  mediaId: string,
): Promise<MediaInfo & StoredMedia> {
  await loadCourseDraft(q, principal, associationId, courseId);
  if (!isCourseId(mediaId)) throw new NotFoundError("Filen finns inte.");
  const [row] = await q
    .select(MEDIA_INFO)
    .from(courseMedia)
    .where(
      and(
        eq(courseMedia.id, mediaId),
        eq(courseMedia.courseId, courseId),
        eq(courseMedia.associationId, associationId),
      ),
    );
  if (!row) throw new NotFoundError("Filen finns inte.");
  return row;
}

/** A picture's size in pixels for its <img>, or null when it is unknown or not a picture. */
export async function pictureSize(
  q: Queryable,
  associationId: string,
  mediaId: string | null,
): Promise<PixelSize | null> {
  if (!isCourseId(mediaId)) return null;
  const [row] = await q
    .select({ width: courseMedia.width, height: courseMedia.height })
    .from(courseMedia)
    .where(and(eq(courseMedia.id, mediaId), eq(courseMedia.associationId, associationId)));
  return row?.width && row.height ? { width: row.width, height: row.height } : null;
}
