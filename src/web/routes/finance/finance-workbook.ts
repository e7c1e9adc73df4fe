// The year's money as an XLSX workbook to download (?ar=YYYY): the same figures as the year's
// page (finance-xlsx.ts). Only reads, so nothing goes to the audit log. Refusals are plain
// text, since the person clicked a download link.
import { todayInSweden } from "../../../applications/workflow.ts";
import { asPlainText } from "../../../documents/http.ts";
import { financeWorkbook } from "../../../finance/finance-xlsx.ts";
import { requireAssociation } from "../../guard.server.ts";
import type { Route } from "./+types/finance-workbook.ts";
import { yearOf } from "./finance.server.ts";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, association } = await requireAssociation(
    context,
    request,
    params.association,
    "finance.view",
  ).catch((error: unknown) => {
    throw asPlainText(error);
  });
  const file = await financeWorkbook(
    state.services.db,
    association,
    yearOf(request),
    todayInSweden(),
  );
  return new Response(new Uint8Array(file.body), {
    status: 200,
    headers: {
      "Content-Type": file.mediaType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Content-Length": String(file.body.length),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
