// Arabic texts of the portal: signing in with e-ID. Every key of the Swedish catalogue.
import type { eidSv } from "./eid.sv.ts";

export const eidAr: Record<keyof typeof eidSv, string> = {
  "portal.eid.reason.avstangd":
    "لا يمكن تسجيل الدخول بالهوية الإلكترونية الآن. سجّل الدخول برمز من المرشد الخاص بك.",
  "portal.eid.reason.misslyckades":
    "لم ينجح تسجيل الدخول بالهوية الإلكترونية. حاول مرة أخرى. إذا لم ينجح ذلك، سجّل الدخول برمز من المرشد الخاص بك.",
  "portal.eid.reason.for-lang-tid": "استغرق تسجيل الدخول وقتًا طويلًا. ابدأ من جديد وحاول مرة أخرى.",
  "portal.eid.reason.avbruten": "لقد أوقفت تسجيل الدخول. يمكنك المحاولة مرة أخرى متى شئت.",
  "portal.eid.reason.inget-konto": "ليس لديك حساب في البوابة. اسأل المرشد الخاص بك.",
};
