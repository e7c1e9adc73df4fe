// A requisition's attachment to download, as it was uploaded: its stored media type, and a
// sanitised file name as an attachment (never shown inline, never sniffed). For those who may see
// the requisition; an attachment of another requisition or association is not found. Answers
// that are not the file are plain text, since the person clicked a download link.
import { canOnInitiative, ForbiddenError, visibleRequisitions } from "../../../access/policy.ts";
import { getRequisition, getRequisitionAttachment } from "../../../finance/requisitions.ts";
import { attachmentDisposition } from "../../../reports/steering-groups.ts";
import { requireAssociation } from "../../guard.server.ts";
import type { Route } from "./+types/requisition-attachment.ts";

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
      typeof data?.message === "string" ? data.message : "Det gick inte att hämta bilagan.",
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
  const visible = visibleRequisitions(principal, association.id);
  if (visible !== "all" && visible.length === 0)
    return plainText(403, new ForbiddenError("requisition.view").message);
  const db = state.services.db;
  const requisition = await getRequisition(db, association.id, params.requisitionId);
  if (!requisition) return plainText(404, "Rekvisitionen finns inte.");
  if (!canOnInitiative(principal, "requisition.view", association.id, requisition.initiativeId))
    return plainText(403, new ForbiddenError("requisition.view").message);
  const attachment = await getRequisitionAttachment(
    db,
    association.id,
    requisition.id,
    params.fileId,
  );
  if (!attachment) return plainText(404, "Bilagan finns inte.");
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
