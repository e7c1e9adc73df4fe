// Remembers the chosen interface language and goes back to the page the person was on.
import { redirect } from "react-router";
import { LANGUAGE_COOKIE } from "../../platform/http/cookies.ts";
import { isLocale } from "../../platform/i18n/locales.ts";
import { safeReturnTo, text } from "../guard.server.ts";
import type { Route } from "./+types/language.ts";

export function loader() {
  return redirect("/");
}

export async function action({ request }: Route.ActionArgs) {
  const form = await request.formData();
  const choice = text(form, "sprak");
  const to = safeReturnTo(text(form, "till"));
  if (!isLocale(choice)) return redirect(to);
  return redirect(to, {
    headers: {
      "Set-Cookie": `${LANGUAGE_COOKIE}=${choice}; Path=/; Max-Age=31536000; SameSite=Lax; Secure`,
    },
  });
}
