// Dari texts of the portal: signing in with e-ID. Every key of the Swedish catalogue.
import type { eidSv } from "./eid.sv.ts";

export const eidFa: Record<keyof typeof eidSv, string> = {
  "portal.eid.reason.avstangd":
    "فعلاً داخل شدن با هویت الکترونیکی ممکن نیست. با کدی که از مربی خود گرفته‌اید داخل شوید.",
  "portal.eid.reason.misslyckades":
    "داخل شدن با هویت الکترونیکی نشد. دوباره کوشش کنید. اگر نشد، با کدی که از مربی خود گرفته‌اید داخل شوید.",
  "portal.eid.reason.for-lang-tid": "داخل شدن خیلی وقت گرفت. از اول شروع کنید و دوباره کوشش کنید.",
  "portal.eid.reason.avbruten": "شما داخل شدن را قطع کردید. هر وقت خواستید دوباره کوشش کنید.",
  "portal.eid.reason.inget-konto": "شما در پورتال حساب ندارید. از مربی خود بپرسید.",
};
