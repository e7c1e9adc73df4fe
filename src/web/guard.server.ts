// What every page asks before it does anything: who is signed in, which association the URL
// names, and whether the policy lets this person see it. Pages call these and nothing else
// to decide access.
import { data, type RouterContextProvider, redirect } from "react-router";
import {
  authorize,
  ForbiddenError,
  type Permission,
  permissionsIn,
  rolesIn,
} from "../access/policy.ts";
import type { Principal } from "../access/principal.ts";
import { type Association, findAssociationBySlug } from "../associations/find-association.ts";
import type { AuditActor } from "../audit/record-audit-event.ts";
import { ConflictError, NotFoundError, ValidationError } from "../platform/errors.ts";
import { type RequestState, requestState } from "../platform/http/request-context.ts";
import { beginTotpEnrolment, pendingTotpEnrolment, totpEnabled } from "../sign-in/second-factor.ts";
import type { ActiveSession } from "../sign-in/sessions.ts";
import type { FormFailure } from "./ui/form.tsx";

type Ctx = Readonly<RouterContextProvider>;

export const stateOf = (context: Ctx) => requestState(context);

export function actorOf(state: RequestState): AuditActor {
  return {
    userId: state.principal?.userId ?? state.session?.userId ?? null,
    label: state.principal?.email ?? "anonym",
    requestId: state.requestId,
    ip: state.ip,
  };
}

export { safeReturnTo } from "../platform/http/return-to.ts";

export function signInUrl(request: Request, expired = false): string {
  const url = new URL(request.url);
  const params = new URLSearchParams({ till: url.pathname + url.search });
  if (expired) params.set("utgangen", "1");
  return `/logga-in?${params}`;
}

/** The signed-in person, or a redirect to sign in (or to finish the second step). */
export function requirePrincipal(
  context: Ctx,
  request: Request,
): { state: RequestState; principal: Principal } {
  const state = stateOf(context);
  if (state.principal) return { state, principal: state.principal };
  if (state.session?.secondFactorPending) {
    const url = new URL(request.url);
    throw redirect(`/logga-in/kod?${new URLSearchParams({ till: url.pathname + url.search })}`);
  }
  throw redirect(signInUrl(request, state.sessionExpired));
}

/** What the second-factor use cases need from the request. */
export function secondFactorContext(state: RequestState) {
  return {
    q: state.services.db,
    secrets: state.services.secrets,
    requestId: state.requestId,
    ip: state.ip,
  };
}

/** The enrolment in progress, or a new one: what the enrolment view shows. */
export async function loadTotpEnrolment(state: RequestState, userId: string) {
  const ctx = secondFactorContext(state);
  const enrolment =
    (await pendingTotpEnrolment(ctx, userId)) ?? (await beginTotpEnrolment(ctx, userId));
  return { qrSvg: enrolment.qrSvg, secret: enrolment.secret };
}

/**
 * The session that still owes its second step, on the page for the step it owes: a code for
 * someone with an authenticator, enrolment for someone without. Any other visitor is sent on.
 */
export async function requirePendingSecondFactor(
  context: Ctx,
  request: Request,
  step: "code" | "enrol",
): Promise<{ state: RequestState; session: ActiveSession }> {
  const state = stateOf(context);
  if (state.principal) throw redirect("/");
  const session = state.session;
  if (!session?.secondFactorPending) throw redirect("/logga-in");
  const owed = (await totpEnabled(state.services.db, session.userId)) ? "code" : "enrol";
  if (owed !== step) {
    throw redirect(
      `${owed === "code" ? "/logga-in/kod" : "/logga-in/aktivera-kod"}${new URL(request.url).search}`,
    );
  }
  return { state, session };
}

export interface AssociationAccess {
  state: RequestState;
  principal: Principal;
  association: Association;
  permissions: Permission[];
}

/**
 * The association in the URL, for a person who holds a role in it and the given permission.
 * An association where the person has no role answers 404, so its existence is not revealed.
 */
export async function requireAssociation(
  context: Ctx,
  request: Request,
  slug: string | undefined,
  permission: Permission,
): Promise<AssociationAccess> {
  const { state, principal } = requirePrincipal(context, request);
  const association = slug ? await findAssociationBySlug(state.services.db, slug) : undefined;
  if (!association || rolesIn(principal, association.id).size === 0) {
    throw data({ message: new NotFoundError().message }, { status: 404 });
  }
  try {
    authorize(principal, permission, association.id);
  } catch (error) {
    if (error instanceof ForbiddenError) throw data({ message: error.message }, { status: 403 });
    throw error;
  }
  return { state, principal, association, permissions: permissionsIn(principal, association.id) };
}

export const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

/** Runs a use case; turns the errors users can fix into a 400/409 answer the form shows. */
export async function attempt<T>(
  run: () => Promise<T>,
  values?: Record<string, string>,
): Promise<{ ok: true; value: T } | { ok: false; failure: ReturnType<typeof data<FormFailure>> }> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (error instanceof ValidationError) {
      return {
        ok: false,
        failure: data({ errors: error.fields, ...(values ? { values } : {}) }, { status: 400 }),
      };
    }
    if (error instanceof ConflictError) {
      return {
        ok: false,
        failure: data(
          { errors: { form: error.message }, ...(values ? { values } : {}) },
          { status: 409 },
        ),
      };
    }
    if (error instanceof NotFoundError) throw data({ message: error.message }, { status: 404 });
    throw error;
  }
}

/** A redirect that carries a one-line confirmation to show on the next page. */
export function redirectWithNotice(to: string, notice: string, init?: ResponseInit) {
  const url = new URL(to, "http://x");
  url.searchParams.set("klart", notice);
  return redirect(url.pathname + url.search, init);
}
