// The evaluator export of an initiative's progression measurements as a download (CSV, UTF-8
// with BOM, semicolons; docs/formats/progression-evaluator-export.md). For the initiative's
// participant officers (progression.export); the export is written to the register's access log.
// Answers that are not a file are plain text, since the person clicked a download link.
import { canOnInitiative, ForbiddenError } from "../../../access/policy.ts";
import { todayInSweden } from "../../../applications/workflow.ts";
import { asPlainText, plainText } from "../../../documents/http.ts";
import { NotFoundError } from "../../../platform/errors.ts";
import { evaluatorExport } from "../../../progression/evaluator-export.ts";
import { registerScopeFor } from "../../../register/scope.ts";
import { requireAssociation } from "../../guard.server.ts";
import type { Route } from "./+types/evaluator-export.ts";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, principal, association } = await requireAssociation(
    context,
    request,
    params.association,
    "association.enter",
  ).catch((error: unknown) => {
    throw asPlainText(error);
  });
  const initiativeId = params.initiativeId ?? "";
  if (!canOnInitiative(principal, "progression.export", association.id, initiativeId))
    return plainText(403, new ForbiddenError("progression.export").message);
  const db = state.services.db;
  const access = await registerScopeFor(db, principal, association.id, initiativeId);
  try {
    const result = await evaluatorExport(
      db,
      { ...access, actor: { ...access.actor, requestId: state.requestId } },
      initiativeId,
      todayInSweden(),
    );
    const body = new TextEncoder().encode(result.csv);
    return new Response(body, {
      status: 200,
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${result.fileName}"`,
        "Content-Length": String(body.length),
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return plainText(404, error.message);
    throw error;
  }
}
