// What the initiative's portal pages for staff ask first: the association, the initiative (404
// when it is not the association's) and whether the person is the initiative's participant
// officer with the portal's staff permission (403 otherwise).
import { data, type RouterContextProvider } from "react-router";
import { ForbiddenError } from "../../../access/policy.ts";
import { getInitiative } from "../../../initiatives/get-initiative.ts";
import { NotFoundError } from "../../../platform/errors.ts";
import { UUID } from "../../../platform/uuid.ts";
import { portalStaffFor } from "../../../portal/account-admin.ts";
import { actorOf, requireAssociation } from "../../guard.server.ts";

export async function requirePortalStaff(
  context: Readonly<RouterContextProvider>,
  request: Request,
  params: { association?: string; initiativeId?: string },
) {
  const { state, principal, association } = await requireAssociation(
    context,
    request,
    params.association,
    "association.enter",
  );
  const db = state.services.db;
  const initiativeId = params.initiativeId ?? "";
  const initiative = UUID.test(initiativeId)
    ? await getInitiative(db, association.id, initiativeId)
    : undefined;
  if (!initiative) throw data({ message: new NotFoundError().message }, { status: 404 });
  const staff = await portalStaffFor(db, principal, association.id, initiative.id, actorOf(state));
  if (!staff) throw data({ message: new ForbiddenError("portal.staff").message }, { status: 403 });
  return { state, association, initiative, staff, db };
}
