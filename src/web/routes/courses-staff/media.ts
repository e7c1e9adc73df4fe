import { mediaBytes, mediaForStaff } from "../../../courses/media.ts";
import { mediaResponse } from "../../../courses/media-response.ts";
import type { Route } from "./+types/media.ts";
import { notFoundPage, requireCourseWriter } from "./courses-access.server.ts";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { db, principal, association } = await requireCourseWriter(
    context,
    request,
    params.association,
  );
  try {
    const media = await mediaForStaff(
      db,
      principal,
      association.id,
      params.courseId,
      params.mediaId,
    );
    return await mediaResponse(request, media, mediaBytes(db, media.id));
  } catch (error) {
    return notFoundPage(error);
  }
}
