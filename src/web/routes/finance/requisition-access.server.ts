// The requisition in the URL for the requisition pages: for a person who holds the permission on
// its initiative (requisition.view to read, requisition.write to change), else 403; a
// requisition that does not exist, or is another association's, is 404. What the person may do
// with it comes along: write it (the office, or the initiative's lead), and handle it as the
// office (finance.manage: return, approve, record the payment).
import type { RouterContextProvider } from "react-router";
import { can, type Permission, visibleRequisitions } from "../../../access/policy.ts";
import type { RequisitionDeps } from "../../../finance/requisitions.ts";
import { getRequisition } from "../../../finance/requisitions.ts";
import type { RequestState } from "../../../platform/http/request-context.ts";
import { requireDocument } from "../../workflow-actions.server.ts";

export async function findRequisition(
  context: Readonly<RouterContextProvider>,
  request: Request,
  params: { association?: string; requisitionId?: string },
  permission: Permission = "requisition.view",
) {
  const found = await requireDocument(context, request, params.association, {
    permission,
    visible: visibleRequisitions,
    load: (db, associationId) => getRequisition(db, associationId, params.requisitionId ?? ""),
    notFound: "Rekvisitionen finns inte.",
  });
  const { principal, association, on } = found;
  const open = found.document.status === "utkast" || found.document.status === "aterskickad";
  return {
    ...found,
    requisition: found.document,
    open,
    allowed: {
      write: on("requisition.write"),
      manage: can(principal, "finance.manage", association.id),
      initiative: on("initiative.view"),
      budget: on("budget.view"),
    },
  };
}

/** What sending the workflow's mails needs, from the request's services. */
export const mailDeps = (state: RequestState): RequisitionDeps => ({
  mailer: state.services.mailer,
  baseUrl: state.services.config.baseUrl,
});
