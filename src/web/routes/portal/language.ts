// The portal's language choice and "visa på svenska också": both kept in cookies (they work
// before signing in, on the sign-in page), and the language also saved on the account of a
// signed-in participant, so it follows them to another computer. Back to the page they were on.
import { redirect } from "react-router";
import { serializeCookie } from "../../../platform/http/cookies.ts";
import { savePortalLocale } from "../../../portal/account-admin.ts";
import { participantActor, portalAccountOf, portalScope } from "../../../portal/accounts.ts";
import {
  isPortalLocale,
  PORTAL_LANGUAGE_COOKIE,
  PORTAL_SWEDISH_TOO_COOKIE,
} from "../../../portal/locales.ts";
import { actorOf, safeReturnTo, stateOf, text } from "../../guard.server.ts";
import type { Route } from "./+types/language.ts";

export const handle = { portal: true, hydrate: false };

const YEAR = 60 * 60 * 24 * 365;

export function loader() {
  return redirect("/portal");
}

export async function action({ context, request }: Route.ActionArgs) {
  const state = stateOf(context);
  const form = await request.formData();
  const back = safeReturnTo(text(form, "till"));
  const to = back === "/" ? "/portal" : back;
  const headers = new Headers();
  const choice = text(form, "sprak");
  if (isPortalLocale(choice)) {
    headers.append("Set-Cookie", serializeCookie(PORTAL_LANGUAGE_COOKIE, choice, { maxAge: YEAR }));
    const principal = state.principal;
    const account = principal ? await portalAccountOf(state.services.db, principal) : undefined;
    if (account && account.locale !== choice)
      await savePortalLocale(
        state.services.db,
        account,
        portalScope(account),
        participantActor(account, state.requestId),
        actorOf(state),
        choice,
      );
  }
  const swedish = text(form, "svenska");
  if (swedish === "1" || swedish === "0")
    headers.append(
      "Set-Cookie",
      serializeCookie(PORTAL_SWEDISH_TOO_COOKIE, swedish, { maxAge: YEAR }),
    );
  return redirect(to, { headers });
}
