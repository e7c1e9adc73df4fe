// The e-ID broker sends the participant back here. A participant with a portal account in the
// association gets a portal session; anyone else goes back to the sign-in page with the reason
// (?eid=…, EID_REASONS in src/portal/eid.ts), whose text the page shows in their language.
import { redirect } from "react-router";
import { clearCookie, readCookie, serializeCookie } from "../../../platform/http/cookies.ts";
import { describeFailure, EID_COOKIE, finishEidSignIn } from "../../../portal/eid.ts";
import { PORTAL_LANGUAGE_COOKIE } from "../../../portal/locales.ts";
import { registerCryptoFor } from "../../../register/key.server.ts";
import { SESSION_COOKIE } from "../../../sign-in/sessions.ts";
import { stateOf } from "../../guard.server.ts";
import type { Route } from "./+types/eid-callback.ts";

export const handle = { portal: true, hydrate: false };

export async function loader({ context, request }: Route.LoaderArgs) {
  const state = stateOf(context);
  const { db, secrets, config } = state.services;
  const headers = new Headers({ "Set-Cookie": clearCookie(EID_COOKIE) });
  let result: Awaited<ReturnType<typeof finishEidSignIn>>;
  try {
    result = await finishEidSignIn(
      db,
      { secrets, baseUrl: config.baseUrl, crypto: registerCryptoFor(config) },
      new URL(request.url),
      readCookie(request.headers.get("cookie"), EID_COOKIE),
      { ip: state.ip, userAgent: state.userAgent, requestId: state.requestId },
    );
  } catch (error) {
    console.error(`[${state.requestId}] e-ID sign-in:`, describeFailure(error));
    return redirect("/portal/logga-in?eid=misslyckades", { headers });
  }
  if (result.kind === "refused") {
    // the cause names no claim values (no personnummer); the reason alone goes to the page
    if (result.cause)
      console.warn(`[${state.requestId}] e-ID sign-in refused (${result.reason}):`, result.cause);
    return redirect(`/portal/logga-in?eid=${result.reason}`, { headers });
  }
  headers.append("Set-Cookie", serializeCookie(SESSION_COOKIE, result.token));
  // the language chosen on this computer wins; otherwise the one saved on the account
  if (!readCookie(request.headers.get("cookie"), PORTAL_LANGUAGE_COOKIE))
    headers.append(
      "Set-Cookie",
      serializeCookie(PORTAL_LANGUAGE_COOKIE, result.account.locale, { maxAge: 31536000 }),
    );
  return redirect(result.returnTo, { headers });
}
