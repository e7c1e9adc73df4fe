// Starts signing in to the portal with e-ID at the association's broker: a plain link from the
// sign-in page (no JavaScript needed). The association's slug is in the address, since each
// association has its own broker. Without e-ID, back to the sign-in page with the reason.
import { redirect } from "react-router";
import { findAssociationBySlug } from "../../../associations/find-association.ts";
import { serializeCookie } from "../../../platform/http/cookies.ts";
import {
  describeFailure,
  EID_COOKIE,
  EID_MAX_AGE_MS,
  startEidSignIn,
} from "../../../portal/eid.ts";
import { stateOf } from "../../guard.server.ts";
import type { Route } from "./+types/eid-start.ts";

export const handle = { portal: true, hydrate: false };

const SIGN_IN = "/portal/logga-in";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const state = stateOf(context);
  const { db, secrets, config } = state.services;
  const association = params.association
    ? await findAssociationBySlug(db, params.association)
    : undefined;
  if (!association) return redirect(`${SIGN_IN}?eid=avstangd`);
  try {
    const started = await startEidSignIn(
      db,
      { secrets, baseUrl: config.baseUrl },
      association.id,
      new URL(request.url).searchParams.get("till") ?? "/portal",
    );
    if (started.kind === "off") return redirect(`${SIGN_IN}?eid=avstangd`);
    return redirect(started.url, {
      headers: {
        "Set-Cookie": serializeCookie(EID_COOKIE, started.cookieValue, {
          maxAge: EID_MAX_AGE_MS / 1000,
        }),
      },
    });
  } catch (error) {
    // the broker did not answer (discovery): the cause is for the log only
    console.warn(`[${state.requestId}] e-ID start (${association.slug}):`, describeFailure(error));
    return redirect(`${SIGN_IN}?eid=misslyckades`);
  }
}
