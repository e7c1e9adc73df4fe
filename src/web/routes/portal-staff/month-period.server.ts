// What the portal's figure pages share on the server (usage, course figures, Tyck till's results
// and free text): the start of their loaders (the association, the permission on the
// initiative, the initiative of the address), and the period of months asked for
// (?fran=ÅÅÅÅ-MM&till=ÅÅÅÅ-MM, by default the last six months in Swedish time) with what is
// wrong with it, as message keys for the period form.
import { data } from "react-router";
import type { Principal } from "../../../access/principal.ts";
import { getInitiative } from "../../../initiatives/get-initiative.ts";
import type { Queryable } from "../../../platform/database/connect.ts";
import { TIME_ZONE } from "../../../platform/i18n/format.ts";
import type { MessageKey } from "../../../platform/i18n/translate.ts";
import { UUID } from "../../../platform/uuid.ts";
import { monthRangeProblems } from "../../../portal/usage.ts";
import { requireAssociation } from "../../guard.server.ts";

/** The initiative of the address in this association, or the 404 page. */
export async function initiativeOfPage(
  db: Queryable,
  associationId: string,
  initiativeId: string | undefined,
) {
  const initiative =
    initiativeId && UUID.test(initiativeId)
      ? await getInitiative(db, associationId, initiativeId)
      : undefined;
  if (!initiative) throw data({ message: "Insatsen finns inte." }, { status: 404 });
  return initiative;
}

/** The current month in Swedish time, "ÅÅÅÅ-MM", and the month five months before it. */
export function defaultPeriod(now: Date): { from: string; to: string } {
  const [year, month] = new Intl.DateTimeFormat("sv-SE", {
    timeZone: TIME_ZONE,
    year: "numeric",
    month: "2-digit",
  })
    .format(now)
    .split("-")
    .map(Number) as [number, number];
  const start = new Date(Date.UTC(year, month - 1 - 5, 1));
  return {
    from: `${start.getUTCFullYear()}-${String(start.getUTCMonth() + 1).padStart(2, "0")}`,
    to: `${year}-${String(month).padStart(2, "0")}`,
  };
}

/** The months asked for, and the form's errors (field → message key); none: the period is fine. */
export function monthPeriodOf(request: Request): {
  query: { from: string; to: string };
  errors: Record<string, MessageKey>;
} {
  const url = new URL(request.url);
  const fallback = defaultPeriod(new Date());
  const query = {
    from: (url.searchParams.get("fran") ?? fallback.from).trim(),
    to: (url.searchParams.get("till") ?? fallback.to).trim(),
  };
  const problems = monthRangeProblems(query.from, query.to);
  const errors: Record<string, MessageKey> = {};
  if (problems.from) errors.fran = `portalStaff.usage.error.from.${problems.from}` as MessageKey;
  if (problems.to) errors.till = `portalStaff.usage.error.to.${problems.to}` as MessageKey;
  return { query, errors };
}

/**
 * The start of a figure page's loader: the association (every staff role may enter; the
 * permission that counts is on the initiative, checked by `access`, which throws the 403/404
 * answer), the initiative of the address and the period of months asked for.
 */
export async function openFigurePage(
  {
    context,
    request,
    params,
  }: {
    context: Parameters<typeof requireAssociation>[0];
    request: Request;
    params: { association?: string; initiativeId?: string };
  },
  access: (principal: Principal, associationId: string, initiativeId: string) => void,
) {
  const { state, principal, association } = await requireAssociation(
    context,
    request,
    params.association,
    "association.enter",
  );
  access(principal, association.id, params.initiativeId ?? "");
  const initiative = await initiativeOfPage(state.services.db, association.id, params.initiativeId);
  return { state, principal, association, initiative, ...monthPeriodOf(request) };
}

/**
 * The end of a figure page's loader: the page's data with its figures computed — or, when the
 * period (or another field) is wrong, none and the errors as message keys, with status 400.
 */
export async function figurePageData<Q, T>(
  page: {
    association: { slug: string };
    initiative: { id: string; name: string };
    query: Q;
    errors: Record<string, MessageKey>;
  },
  compute: () => Promise<T>,
) {
  const failed = Object.keys(page.errors).length > 0;
  return data(
    {
      slug: page.association.slug,
      initiative: { id: page.initiative.id, name: page.initiative.name },
      query: page.query,
      errors: failed ? page.errors : null,
      figures: failed ? null : await compute(),
    },
    { status: failed ? 400 : 200 },
  );
}
