// What every budget page asks first: the association in the URL, then budget.view (or
// budget.edit) on the initiative in the URL — the office and the board on every initiative, the
// initiative's lead and steering group on their own — else 403; an initiative that is not the
// association's answers 404. Also the answers of the two XLSX downloads.
import { data, type RouterContextProvider } from "react-router";
import { canOnInitiative, ForbiddenError } from "../../../access/policy.ts";
import { XLSX_MEDIA_TYPE } from "../../../finance/budget-xlsx.ts";
import { type CurrentBudget, getCurrentBudget } from "../../../finance/budgets.ts";
import { NotFoundError } from "../../../platform/errors.ts";
import { attachmentDisposition } from "../../../reports/steering-groups.ts";
import { requireAssociation } from "../../guard.server.ts";

type Ctx = Readonly<RouterContextProvider>;

export async function budgetAccess(
  context: Ctx,
  request: Request,
  params: { association?: string | undefined; initiativeId: string },
  need: "budget.view" | "budget.edit" = "budget.view",
) {
  const access = await requireAssociation(
    context,
    request,
    params.association,
    "association.enter",
  );
  const { principal, association } = access;
  for (const permission of need === "budget.edit"
    ? (["budget.view", "budget.edit"] as const)
    : (["budget.view"] as const))
    if (!canOnInitiative(principal, permission, association.id, params.initiativeId))
      throw data({ message: new ForbiddenError(permission).message }, { status: 403 });
  const canEdit = canOnInitiative(principal, "budget.edit", association.id, params.initiativeId);
  return {
    ...access,
    canEdit,
    base: `/${association.slug}/insatser/${params.initiativeId}/budget`,
  };
}

/** The budget of the initiative in the URL, or 404. */
export async function loadBudget(
  db: Parameters<typeof getCurrentBudget>[0],
  associationId: string,
  initiativeId: string,
): Promise<CurrentBudget> {
  try {
    return await getCurrentBudget(db, associationId, initiativeId);
  } catch (error) {
    if (error instanceof NotFoundError) throw data({ message: error.message }, { status: 404 });
    throw error;
  }
}

/** An XLSX file to download, never shown inline. */
export const xlsxResponse = (file: { fileName: string; data: Uint8Array }) =>
  new Response(new Uint8Array(file.data), {
    status: 200,
    headers: {
      "Content-Type": XLSX_MEDIA_TYPE,
      "Content-Disposition": attachmentDisposition(file.fileName),
      "Content-Length": String(file.data.byteLength),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });

export const plainText = (status: number, message: string) =>
  new Response(`${message}\n`, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });

/** The guard's refusals (404/403 with a message) as plain text, for a download link. */
export function asPlainText(error: unknown): unknown {
  if (error instanceof Response) return error;
  if (typeof error === "object" && error !== null && "data" in error && "init" in error) {
    const { data: body, init } = error as {
      data: { message?: unknown };
      init?: { status?: number };
    };
    return plainText(
      init?.status ?? 500,
      typeof body?.message === "string" ? body.message : "Det gick inte att hämta filen.",
    );
  }
  return error;
}
