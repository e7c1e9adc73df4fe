// What every portal page asks first: is a participant with an open portal account signed in?
// If not, to the portal's sign-in page (never the staff one). Also reads the participant's
// language and "på svenska också" from their cookies.
import { type RouterContextProvider, redirect } from "react-router";
import type { Principal } from "../access/principal.ts";
import { readCookie } from "../platform/http/cookies.ts";
import type { RequestState } from "../platform/http/request-context.ts";
import { type PortalAccount, portalAccountOf, portalScope } from "../portal/accounts.ts";
import {
  DEFAULT_PORTAL_LOCALE,
  isPortalLocale,
  PORTAL_LANGUAGE_COOKIE,
  PORTAL_SWEDISH_TOO_COOKIE,
  type PortalLocale,
} from "../portal/locales.ts";
import { createPortalTranslator, type PortalTranslate } from "../portal/translate.ts";
import type { RegisterScope } from "../register/zone.ts";
import { stateOf } from "./guard.server.ts";

type Ctx = Readonly<RouterContextProvider>;

export interface PortalLanguage {
  locale: PortalLocale;
  swedishToo: boolean;
}

/** The participant's language: the cookie, else the account's saved choice, else Swedish. */
export function portalLanguageOf(request: Request, saved?: PortalLocale): PortalLanguage {
  const header = request.headers.get("cookie");
  const cookie = readCookie(header, PORTAL_LANGUAGE_COOKIE);
  return {
    locale: isPortalLocale(cookie) ? cookie : (saved ?? DEFAULT_PORTAL_LOCALE),
    swedishToo: readCookie(header, PORTAL_SWEDISH_TOO_COOKIE) === "1",
  };
}

export interface PortalAccess {
  state: RequestState;
  principal: Principal;
  account: PortalAccount;
  scope: RegisterScope;
  language: PortalLanguage;
  /** A translator in the participant's language, for messages made on the server. */
  t: PortalTranslate;
}

export function portalSignInUrl(request: Request, expired = false): string {
  const url = new URL(request.url);
  const params = new URLSearchParams({ till: url.pathname + url.search });
  if (expired) params.set("utgangen", "1");
  return `/portal/logga-in?${params}`;
}

// The layout's loader and the page's loader of one request both ask; they run side by side with
// the same request state, so the account is read once per request.
const accountsOfRequest = new WeakMap<RequestState, Promise<PortalAccount | undefined>>();

function accountOfRequest(state: RequestState, principal: Principal) {
  let account = accountsOfRequest.get(state);
  if (!account) {
    account = portalAccountOf(state.services.db, principal);
    accountsOfRequest.set(state, account);
  }
  return account;
}

/** The signed-in participant and their account, or a redirect to the portal's sign-in. */
export async function requireParticipant(context: Ctx, request: Request): Promise<PortalAccess> {
  const state = stateOf(context);
  const principal = state.principal;
  if (!principal) throw redirect(portalSignInUrl(request, state.sessionExpired));
  // staff have no portal: to their own start page
  if (principal.kind !== "participant") throw redirect("/");
  const account = await accountOfRequest(state, principal);
  if (!account) throw redirect("/portal/logga-in?saknas=1");
  const language = portalLanguageOf(request, account.locale);
  return {
    state,
    principal,
    account,
    scope: portalScope(account),
    language,
    t: createPortalTranslator(language.locale),
  };
}
