// The budget template of an initiative to download (XLSX), pre-filled with the current budget:
// for those who may change the budget (budget.edit). Answers that are not the file are plain
// text, since the person clicked a download link.
import { budgetTemplateXlsx } from "../../../finance/budget-xlsx.ts";
import { NotFoundError } from "../../../platform/errors.ts";
import type { Route } from "./+types/budget-template.ts";
import { asPlainText, budgetAccess, plainText, xlsxResponse } from "./budget-access.server.ts";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, association } = await budgetAccess(context, request, params, "budget.edit").catch(
    (error: unknown) => {
      throw asPlainText(error);
    },
  );
  try {
    return xlsxResponse(
      await budgetTemplateXlsx(state.services.db, association.id, params.initiativeId),
    );
  } catch (error) {
    if (error instanceof NotFoundError) return plainText(404, error.message);
    throw error;
  }
}
