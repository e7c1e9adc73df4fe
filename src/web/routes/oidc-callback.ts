// The identity provider sends the person back here; a known person gets a session.
import { data, redirect } from "react-router";
import { clearCookie, readCookie, serializeCookie } from "../../platform/http/cookies.ts";
import { OIDC_COOKIE } from "../../sign-in/oidc.ts";
import { SESSION_COOKIE } from "../../sign-in/sessions.ts";
import { signInWithOidc } from "../../sign-in/sign-in-with-oidc.ts";
import { stateOf } from "../guard.server.ts";
import type { Route } from "./+types/oidc-callback.ts";

export async function loader({ context, request }: Route.LoaderArgs) {
  const state = stateOf(context);
  const oidc = state.services.oidc;
  if (!oidc)
    throw data(
      { message: "Inloggning med organisationens konto är inte påslagen." },
      { status: 404 },
    );
  const headers = new Headers({ "Set-Cookie": clearCookie(OIDC_COOKIE) });
  let finished: Awaited<ReturnType<typeof oidc.finish>>;
  try {
    finished = await oidc.finish(
      new URL(request.url),
      readCookie(request.headers.get("cookie"), OIDC_COOKIE),
    );
  } catch (error) {
    console.warn(
      `[${state.requestId}] OIDC:`,
      (error as Error).message,
      (error as Error).cause ?? "",
    );
    return redirect("/logga-in?oidc=misslyckades", { headers });
  }
  const result = await signInWithOidc(state.services.db, finished.claims, {
    ip: state.ip,
    userAgent: state.userAgent,
    requestId: state.requestId,
  });
  if (result.kind !== "signed-in") return redirect("/logga-in?oidc=okand", { headers });
  headers.append("Set-Cookie", serializeCookie(SESSION_COOKIE, result.token));
  return redirect(finished.returnTo, { headers });
}
