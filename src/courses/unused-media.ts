// Removing a course's files that nothing uses any more (issue 10; ADR 0015). Replacing a page's
// picture, recording, video or captions, deleting a page or deleting a chapter leaves the old
// file behind; it is removed in the same transaction as that change, unless something still
// uses it:
// - the draft: any page's picture or video (course_pages.media_id) and any language's recording
//   or captions (in the page's texts);
// - a published version: participants may read any version's snapshot, and versions are never
//   changed (ADR 0015), so a file one of them uses stays as long as the course does.
//
// Call it last in the change, after the page rows are written: a file stored in the same
// request (the page editor stores its uploads, then saves the page, in one transaction) is then
// already in the page and is kept. The caller holds the course's lock (loadCourseDraft
// forUpdate), as storeMedia and publishCourse also take it, so no upload or publishing of the
// course can come in between.
import { and, eq, notInArray } from "drizzle-orm";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { isCourseId } from "./draft.ts";
import { courseChapters, courseMedia, coursePages, courseVersions } from "./schema.ts";
import { mediaIdsOf, pageMediaIds } from "./texts.ts";

/** Every file id the course's draft and published versions use. */
export async function usedMediaIds(q: Queryable, courseId: string): Promise<Set<string>> {
  const used = new Set<string>();
  const pages = await q
    .select({ mediaId: coursePages.mediaId, texts: coursePages.texts })
    .from(coursePages)
    .innerJoin(courseChapters, eq(courseChapters.id, coursePages.chapterId))
    .where(eq(courseChapters.courseId, courseId));
  for (const page of pages) for (const id of pageMediaIds(page)) used.add(id);
  const versions = await q
    .select({ snapshot: courseVersions.snapshot })
    .from(courseVersions)
    .where(eq(courseVersions.courseId, courseId));
  for (const { snapshot } of versions) for (const id of mediaIdsOf(snapshot)) used.add(id);
  return used;
}

/**
 * Deletes the course's files that neither the draft nor any published version uses, with an
 * audit event for each; answers the ids removed. Run inside the change's transaction, with
 * the course locked.
 */
export async function removeUnusedMedia(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  courseId: string,
): Promise<string[]> {
  const used = [...(await usedMediaIds(q, courseId))].filter(isCourseId);
  const inCourse = and(
    eq(courseMedia.courseId, courseId),
    eq(courseMedia.associationId, associationId),
  );
  const removed = await q
    .delete(courseMedia)
    .where(used.length ? and(inCourse, notInArray(courseMedia.id, used)) : inCourse)
    .returning({
      id: courseMedia.id,
      kind: courseMedia.kind,
      fileName: courseMedia.fileName,
      sizeBytes: courseMedia.sizeBytes,
      sha256: courseMedia.sha256,
    });
  for (const file of removed)
    await recordAuditEvent(q, actor, {
      action: "course_media.removed",
      associationId,
      targetType: "course_media",
      targetId: file.id,
      details: {
        courseId,
        kind: file.kind,
        fileName: file.fileName,
        sizeBytes: file.sizeBytes,
        sha256: file.sha256,
        reason: "unused",
      },
    });
  return removed.map((f) => f.id);
}
