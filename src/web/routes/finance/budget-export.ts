// The initiative's budget to download (XLSX): the current version's lines, its sums per period and
// year as formulas, the version history and every version's lines — for those who may see the
// budget (budget.view). Answers that are not the file are plain text, since the person clicked a
// download link.
import { budgetExportXlsx } from "../../../finance/budget-xlsx.ts";
import { NotFoundError } from "../../../platform/errors.ts";
import type { Route } from "./+types/budget-export.ts";
import { asPlainText, budgetAccess, plainText, xlsxResponse } from "./budget-access.server.ts";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, association } = await budgetAccess(context, request, params).catch(
    (error: unknown) => {
      throw asPlainText(error);
    },
  );
  try {
    return xlsxResponse(
      await budgetExportXlsx(state.services.db, association.id, params.initiativeId),
    );
  } catch (error) {
    if (error instanceof NotFoundError) return plainText(404, error.message);
    throw error;
  }
}
