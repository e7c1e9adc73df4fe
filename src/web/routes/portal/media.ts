// The portal's course files (/portal/filer/:mediaId): a picture, recording, video or captions
// file — only one the newest published version of a course the participant may read uses; any
// other id (a draft's file, a withdrawn course's, another initiative's) is "not found".

import { mediaBytes } from "../../../courses/media.ts";
import { mediaResponse } from "../../../courses/media-response.ts";
import { mediaForParticipant } from "../../../courses/reading.ts";
import { NotFoundError } from "../../../platform/errors.ts";
import { requireParticipant } from "../../portal-guard.server.ts";
import type { Route } from "./+types/media.ts";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, account } = await requireParticipant(context, request);
  try {
    const db = state.services.db;
    const media = await mediaForParticipant(db, account, params.mediaId ?? "");
    return await mediaResponse(request, media, mediaBytes(db, media.id));
  } catch (error) {
    if (error instanceof NotFoundError)
      return new Response(error.message, {
        status: 404,
        headers: {
          "Content-Type": "text/plain; charset=utf-8",
          "X-Content-Type-Options": "nosniff",
        },
      });
    throw error;
  }
}
