// Starts sign-in at the organisation's identity provider (a plain link, so it works without JavaScript).
import { data, redirect } from "react-router";
import { serializeCookie } from "../../platform/http/cookies.ts";
import { OIDC_COOKIE } from "../../sign-in/oidc.ts";
import { safeReturnTo, stateOf } from "../guard.server.ts";
import type { Route } from "./+types/oidc-start.ts";

export async function loader({ context, request }: Route.LoaderArgs) {
  const { services } = stateOf(context);
  if (!services.oidc)
    throw data(
      { message: "Inloggning med organisationens konto är inte påslagen." },
      { status: 404 },
    );
  const start = await services.oidc.start(
    safeReturnTo(new URL(request.url).searchParams.get("till")),
  );
  return redirect(start.url, {
    headers: { "Set-Cookie": serializeCookie(OIDC_COOKIE, start.cookieValue, { maxAge: 600 }) },
  });
}
