// Who reaches the staff's course pages: the office (courses for the whole association) and the
// lead and participant officers of an initiative (courses for their own initiatives). The
// permission is "course.author", association-wide or on an initiative; anyone else gets 403,
// and a course the person may not write answers 404, as if it did not exist.
import { data, type RouterContextProvider } from "react-router";
import { ForbiddenError } from "../../../access/policy.ts";
import { courseScopesOf } from "../../../courses/draft.ts";
import { NotFoundError } from "../../../platform/errors.ts";
import { isPortalLocale, type PortalLocale } from "../../../portal/locales.ts";
import { requireAssociation } from "../../guard.server.ts";

export async function requireCourseWriter(
  context: Readonly<RouterContextProvider>,
  request: Request,
  slug: string | undefined,
) {
  const access = await requireAssociation(context, request, slug, "association.enter");
  const scopes = courseScopesOf(access.principal, access.association.id);
  if (scopes !== "all" && scopes.length === 0)
    throw data({ message: new ForbiddenError("course.author").message }, { status: 403 });
  return { ...access, scopes };
}

/** Turns "not found" from the domain into the 404 page. */
export async function orNotFound<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof NotFoundError) throw data({ message: error.message }, { status: 404 });
    throw error;
  }
}

/** The other language shown beside the Swedish (?sprak=xx): English unless another is asked for. */
export function chosenLanguage(request: Request): Exclude<PortalLocale, "sv"> {
  const wanted = new URL(request.url).searchParams.get("sprak");
  return isPortalLocale(wanted) && wanted !== "sv" ? wanted : "en";
}
