// English texts of the portal: signing in with e-ID. Every key of the Swedish catalogue.
import type { eidSv } from "./eid.sv.ts";

export const eidEn: Record<keyof typeof eidSv, string> = {
  "portal.eid.reason.avstangd":
    "You cannot log in with e-ID right now. Log in with a code from your coach.",
  "portal.eid.reason.misslyckades":
    "Logging in with e-ID did not work. Try again. If it still does not work, log in with a code from your coach.",
  "portal.eid.reason.for-lang-tid": "Logging in took too long. Start again and try once more.",
  "portal.eid.reason.avbruten": "You stopped logging in. You can try again whenever you want.",
  "portal.eid.reason.inget-konto": "You do not have an account in the portal. Ask your coach.",
};
