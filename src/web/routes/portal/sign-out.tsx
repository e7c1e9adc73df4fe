// "Logga ut" in the portal: the session ends in the database, not only the cookie, and the
// sign-in page says so — with the advice to close the browser on a shared computer.
import { redirect } from "react-router";
import { recordAuditEvent } from "../../../audit/record-audit-event.ts";
import { clearCookie } from "../../../platform/http/cookies.ts";
import { destroySession, SESSION_COOKIE } from "../../../sign-in/sessions.ts";
import { actorOf, stateOf } from "../../guard.server.ts";
import type { Route } from "./+types/sign-out.ts";

export const handle = { portal: true, hydrate: false };

export function loader() {
  return redirect("/portal/logga-in");
}

export async function action({ context }: Route.ActionArgs) {
  const state = stateOf(context);
  if (state.session) {
    await destroySession(state.services.db, state.session.id);
    await recordAuditEvent(state.services.db, actorOf(state), {
      action: "sign_out",
      details: { portal: true },
    });
  }
  return redirect("/portal/logga-in?utloggad=1", {
    headers: { "Set-Cookie": clearCookie(SESSION_COOKIE) },
  });
}
