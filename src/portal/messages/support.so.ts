// Somali texts of the portal: Stöd: the support guides. Written for the purpose in plain language,
// not translated word for word; every key of the Swedish catalogue, no other.
import type { supportSv } from "./support.sv.ts";

export const supportSo: Record<keyof typeof supportSv, string> = {
  "portal.support.title": "Caawimaad",
  "portal.support.intro":
    "Halkan waxaa ku yaal hagayaal gaagaaban. Waxay kaa caawiyaan kombiyuutarka, shirarka fiidiyowga, waxbarashada iyo af Iswiidhishka.",
  "portal.support.category.digitalt": "Kombiyuutar iyo taleefan",
  "portal.support.category.videomote": "Shirarka fiidiyowga",
  "portal.support.category.matematik": "Xisaab",
  "portal.support.category.svenska": "Af Iswiidhish",
  "portal.support.category.studieteknik": "Sida loo barto",
  "portal.support.category.ovrigt": "Wax kale",
  "portal.support.onlySwedish": "Waxay ku qoran tahay af Iswiidhish oo keliya",
  "portal.support.none":
    "Weli halkan hage ma yaallo. Weydii tababarahaaga haddii aad caawimaad u baahan tahay.",
  "portal.support.inSwedish": "Af Iswiidhish",
  "portal.support.backToList": "Ku noqo Caawimaad",
  "portal.support.notFound": "Hagahan ma jiro. Waxaa laga yaabaa in la tirtiray.",
  "portal.support.askCoach": "Su'aalo kale ma qabtaa? Weydii tababarahaaga.",
};
