// Who may see an initiative's protected course figures and Tyck till results ("portal.usage" on
// the initiative: the office, the board, and the initiative's lead, steering group and
// officers). A person who has the permission on other initiatives only gets 404, as if this
// initiative did not exist for them; anyone else without it gets 403, like every staff page.
import { data } from "react-router";
import { canOnInitiative, ForbiddenError } from "../../../access/policy.ts";
import type { Principal } from "../../../access/principal.ts";

export function requireFiguresAccess(
  principal: Principal,
  associationId: string,
  initiativeId: string,
): void {
  if (canOnInitiative(principal, "portal.usage", associationId, initiativeId)) return;
  const elsewhere = principal.grants.some(
    (g) =>
      g.associationId === associationId &&
      g.initiativeId !== null &&
      g.initiativeId !== undefined &&
      g.initiativeId !== initiativeId &&
      canOnInitiative(principal, "portal.usage", associationId, g.initiativeId),
  );
  if (elsewhere) throw data({ message: "Insatsen finns inte." }, { status: 404 });
  throw data({ message: new ForbiddenError("portal.usage").message }, { status: 403 });
}
