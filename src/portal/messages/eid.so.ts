// Somali texts of the portal: signing in with e-ID. Every key of the Swedish catalogue.
import type { eidSv } from "./eid.sv.ts";

export const eidSo: Record<keyof typeof eidSv, string> = {
  "portal.eid.reason.avstangd":
    "Hadda laguma geli karo aqoonsi elektaroonig ah. Ku gal koodh uu ku siiyay tababarahaagu.",
  "portal.eid.reason.misslyckades":
    "Galitaanka aqoonsiga elektaroonigga ah ma shaqayn. Isku day mar kale. Haddii aysan shaqayn, ku gal koodh uu ku siiyay tababarahaagu.",
  "portal.eid.reason.for-lang-tid":
    "Galitaanku wuxuu qaatay waqti aad u dheer. Dib u bilow oo isku day mar kale.",
  "portal.eid.reason.avbruten": "Waad joojisay galitaanka. Mar kale isku day markaad doonto.",
  "portal.eid.reason.inget-konto": "Ma lihid akoon bogga ka-qaybgalayaasha. Weydii tababarahaaga.",
};
