// The national money figures of a year to download (?ar=YYYY&format=csv|json): allocated funds,
// equity, administrative costs and each initiative's orientation, target group, budget and
// outcome (national-money.ts). CSV is semicolon-separated UTF-8 with BOM, for Excel in Swedish.
// Only reads, so nothing goes to the audit log. Refusals are plain text.
import { todayInSweden } from "../../../applications/workflow.ts";
import { asPlainText, plainText } from "../../../documents/http.ts";
import { nationalMoneyCsv, nationalMoneyFigures } from "../../../finance/national-money.ts";
import { requireAssociation } from "../../guard.server.ts";
import type { Route } from "./+types/finance-national.ts";
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
  const format = new URL(request.url).searchParams.get("format") ?? "csv";
  if (format !== "csv" && format !== "json")
    return plainText(
      400,
      "Formatet finns inte. Välj format=csv för CSV eller format=json för JSON.",
    );
  const year = yearOf(request);
  const figures = await nationalMoneyFigures(state.services.db, association, year, todayInSweden());
  const fileName = `nationella-uppgifter-${association.slug}-${year}.${format}`;
  const body =
    format === "csv" ? nationalMoneyCsv(figures) : `${JSON.stringify(figures, null, 2)}\n`;
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type":
        format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
