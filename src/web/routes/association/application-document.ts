// The application as a file to download: ?format=pdf (the default) or ?format=docx, laid out
// like the association's paper form. Only reads, so nothing goes to the audit log. Answers
// that are not a document are plain text, since the person clicked a download link.
import { canOnInitiative, ForbiddenError, visibleApplications } from "../../../access/policy.ts";
import {
  isDocumentFormat,
  renderApplicationDocument,
} from "../../../applications/documents/render.ts";
import { getApplication } from "../../../applications/get-application.ts";
import { getAssociationLogo } from "../../../applications/settings.ts";
import { requireAssociation } from "../../guard.server.ts";
import type { Route } from "./+types/application-document.ts";

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
    const status = init?.status ?? 500;
    return plainText(
      status,
      typeof data?.message === "string" ? data.message : "Det gick inte att hämta dokumentet.",
    );
  }
  return error;
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const access = await requireAssociation(
    context,
    request,
    params.association,
    "association.enter",
  ).catch((error: unknown) => {
    throw asPlainText(error);
  });
  const { state, principal, association } = access;
  const visible = visibleApplications(principal, association.id);
  if (visible !== "all" && visible.length === 0)
    return plainText(403, new ForbiddenError("application.view").message);

  const db = state.services.db;
  // as the application's own page: 404 if there is none, 403 if it is not the person's
  const application = await getApplication(db, association.id, params.applicationId);
  if (!application) return plainText(404, "Ansökan finns inte.");
  if (!canOnInitiative(principal, "application.view", association.id, application.initiativeId))
    return plainText(403, new ForbiddenError("application.view").message);

  const format = new URL(request.url).searchParams.get("format") ?? "pdf";
  if (!isDocumentFormat(format))
    return plainText(
      400,
      "Formatet finns inte. Välj format=pdf för PDF eller format=docx för Word.",
    );

  const logo = await getAssociationLogo(db, association.id);
  const document = await renderApplicationDocument(application, logo, format);
  return new Response(new Uint8Array(document.body), {
    status: 200,
    headers: {
      "Content-Type": document.mediaType,
      "Content-Disposition": `attachment; filename="${document.fileName}"`,
      "Content-Length": String(document.body.length),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
