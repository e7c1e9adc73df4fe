// Signing out ends the session in the database, not only the cookie.
import { redirect } from "react-router";
import { recordAuditEvent } from "../../audit/record-audit-event.ts";
import { clearCookie } from "../../platform/http/cookies.ts";
import { destroySession, SESSION_COOKIE } from "../../sign-in/sessions.ts";
import { actorOf, stateOf } from "../guard.server.ts";
import type { Route } from "./+types/sign-out.ts";

export function loader() {
  return redirect("/");
}

export async function action({ context }: Route.ActionArgs) {
  const state = stateOf(context);
  if (state.session) {
    await destroySession(state.services.db, state.session.id);
    await recordAuditEvent(state.services.db, actorOf(state), { action: "sign_out" });
  }
  return redirect("/logga-in?utloggad=1", {
    headers: { "Set-Cookie": clearCookie(SESSION_COOKIE) },
  });
}
