// Who reaches the staff's course pages: the office (courses for the whole association) and the
// lead and participant officers of an initiative (courses for their own initiatives). The
// permission is "course.author", association-wide or on an initiative; anyone else gets 403,
// and a course the person may not write answers 404, as if it did not exist.
import { data, type RouterContextProvider } from "react-router";
import { ForbiddenError } from "../../../access/policy.ts";
import { courseScopesOf, loadCourseDraft } from "../../../courses/draft.ts";
import { NotFoundError } from "../../../platform/errors.ts";
import { isPortalLocale, type PortalLocale } from "../../../portal/locales.ts";
import { actorOf, requireAssociation } from "../../guard.server.ts";

/** The person may write courses somewhere in the association; their database and audit actor. */
export async function requireCourseWriter(
  context: Readonly<RouterContextProvider>,
  request: Request,
  slug: string | undefined,
) {
  const access = await requireAssociation(context, request, slug, "association.enter");
  const scopes = courseScopesOf(access.principal, access.association.id);
  if (scopes !== "all" && scopes.length === 0)
    throw data({ message: new ForbiddenError("course.author").message }, { status: 403 });
  return { ...access, scopes, db: access.state.services.db, actor: actorOf(access.state) };
}

/** Turns "not found" from the domain into the 404 page; anything else goes on as it is. */
export const notFoundPage = (error: unknown): never => {
  if (error instanceof NotFoundError) throw data({ message: error.message }, { status: 404 });
  throw error;
};

/** Turns "not found" from the domain into the 404 page. */
export async function orNotFound<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    return notFoundPage(error);
  }
}

/**
 * The start of a course's staff page: the person may write courses, and the course's draft
 * (one they may write; otherwise the 404 page).
 */
export async function requireCourseDraft(
  context: Readonly<RouterContextProvider>,
  request: Request,
  params: { association?: string; courseId?: string },
) {
  const access = await requireCourseWriter(context, request, params.association);
  const draft = await loadCourseDraft(
    access.db,
    access.principal,
    access.association.id,
    params.courseId ?? "",
  ).catch(notFoundPage);
  return { ...access, draft };
}

/** The other language shown beside the Swedish (?sprak=xx): English unless another is asked for. */
export function chosenLanguage(request: Request): Exclude<PortalLocale, "sv"> {
  const wanted = new URL(request.url).searchParams.get("sprak");
  return isPortalLocale(wanted) && wanted !== "sv" ? wanted : "en";
}
