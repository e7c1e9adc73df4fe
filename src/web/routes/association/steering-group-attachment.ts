// A steering-group meeting's document to download, as it was uploaded: its stored media type,
// and a sanitised file name as an attachment (never shown inline). For those who may see the
// initiative's steering group; a document of another initiative or association is not found.
// Answers that are not the document are plain text, since the person clicked a download link.
import { canOnInitiative, ForbiddenError } from "../../../access/policy.ts";
import {
  attachmentDisposition,
  getMeetingAttachment,
  initiativeInAssociation,
} from "../../../reports/steering-groups.ts";
import { requireAssociation } from "../../guard.server.ts";
import type { Route } from "./+types/steering-group-attachment.ts";

const plainText = (status: number, message: string) =>
  new Response(`${message}\n`, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });

/** The guard's refusals (404/403 with a message) as plain text; redirects pass unchanged. */
function asPlainText(error: unknown): unknown {
  if (error instanceof Response) return error;
  if (typeof error === "object" && error !== null && "data" in error && "init" in error) {
    const { data, init } = error as { data: { message?: unknown }; init?: { status?: number } };
    return plainText(
      init?.status ?? 500,
      typeof data?.message === "string" ? data.message : "Det gick inte att hämta dokumentet.",
    );
  }
  return error;
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, principal, association } = await requireAssociation(
    context,
    request,
    params.association,
    "association.enter",
  ).catch((error: unknown) => {
    throw asPlainText(error);
  });
  if (!canOnInitiative(principal, "steering_group.view", association.id, params.initiativeId))
    return plainText(403, new ForbiddenError("steering_group.view").message);
  const db = state.services.db;
  const initiative = await initiativeInAssociation(db, association.id, params.initiativeId);
  const attachment = initiative
    ? await getMeetingAttachment(db, association.id, initiative.id, params.attachmentId)
    : undefined;
  if (!attachment) return plainText(404, "Dokumentet finns inte.");
  return new Response(new Uint8Array(attachment.data), {
    status: 200,
    headers: {
      "Content-Type": attachment.mediaType,
      "Content-Disposition": attachmentDisposition(attachment.fileName),
      "Content-Length": String(attachment.sizeBytes),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
