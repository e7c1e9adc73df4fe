// A course's file for the staff who may write the course (the editor's and the preview's
// pictures, recordings, videos and captions), with byte ranges so audio and video can be
// played and sought; anyone else is answered "not found".
import { data } from "react-router";
import { mediaBytes, mediaForStaff } from "../../../courses/media.ts";
import { mediaResponse } from "../../../courses/media-response.ts";
import { NotFoundError } from "../../../platform/errors.ts";
import type { Route } from "./+types/media.ts";
import { requireCourseWriter } from "./courses-access.server.ts";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, principal, association } = await requireCourseWriter(
    context,
    request,
    params.association,
  );
  try {
    const media = await mediaForStaff(
      state.services.db,
      principal,
      association.id,
      params.courseId,
      params.mediaId,
    );
    return await mediaResponse(request, media, mediaBytes(state.services.db, media.id));
  } catch (error) {
    if (error instanceof NotFoundError) throw data({ message: error.message }, { status: 404 });
    throw error;
  }
}
