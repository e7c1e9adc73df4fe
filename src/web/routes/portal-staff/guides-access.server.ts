// Who reaches the staff's Stöd pages: the office (guides for the whole association) and the
// lead and participant officers of an initiative (guides for their own initiatives). The
// permission is "portal.guides", association-wide or on an initiative; anyone else gets 403.
import { data, type RouterContextProvider } from "react-router";
import { ForbiddenError } from "../../../access/policy.ts";
import { guideScopesOf } from "../../../portal/guides.ts";
import { requireAssociation } from "../../guard.server.ts";

export async function requireGuideWriter(
  context: Readonly<RouterContextProvider>,
  request: Request,
  slug: string | undefined,
) {
  const access = await requireAssociation(context, request, slug, "association.enter");
  const scopes = guideScopesOf(access.principal, access.association.id);
  if (scopes !== "all" && scopes.length === 0)
    throw data({ message: new ForbiddenError("portal.guides").message }, { status: 403 });
  return { ...access, scopes };
}
