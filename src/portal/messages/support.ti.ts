// Tigrinya texts of the portal: Stöd: the support guides. Written for the purpose in plain language,
// not translated word for word; every key of the Swedish catalogue, no other.
import type { supportSv } from "./support.sv.ts";

export const supportTi: Record<keyof typeof supportSv, string> = {
  "portal.support.title": "ሓገዝ",
  "portal.support.intro": "ኣብዚ ሓጸርቲ መምርሒታት ኣለዉ። ኣብ ኮምፒዩተር፡ ቪድዮ ኣኼባታት፡ ትምህርትን ሽወደንኛን ይሕግዙኹም።",
  "portal.support.category.digitalt": "ኮምፒዩተርን ሞባይልን",
  "portal.support.category.videomote": "ቪድዮ ኣኼባታት",
  "portal.support.category.matematik": "ሒሳብ",
  "portal.support.category.svenska": "ሽወደንኛ",
  "portal.support.category.studieteknik": "ከመይ ከም እትመሃሩ",
  "portal.support.category.ovrigt": "ካልእ",
  "portal.support.onlySwedish": "ብሽወደንኛ ጥራይ እዩ ዘሎ",
  "portal.support.none": "ኣብዚ ገና መምርሒ የለን። ሓገዝ እንተደሊኹም ንኣሰልጣኒኹም ሕተቱ።",
  "portal.support.inSwedish": "ብሽወደንኛ",
  "portal.support.backToList": "ናብ ሓገዝ ተመለስ",
  "portal.support.notFound": "እዚ መምርሒ የለን። ተደምሲሱ ክኸውን ይኽእል።",
  "portal.support.askCoach": "ካልእ ሕቶ ኣለኩም ድዩ? ንኣሰልጣኒኹም ሕተቱ።",
};
