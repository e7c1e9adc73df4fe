// English texts of the portal: Stöd: the support guides. Written for the purpose in plain language,
// not translated word for word; every key of the Swedish catalogue, no other.
import type { supportSv } from "./support.sv.ts";

export const supportEn: Record<keyof typeof supportSv, string> = {
  "portal.support.title": "Help",
  "portal.support.intro":
    "Here are short guides. They help you with computers, video meetings, studying and Swedish.",
  "portal.support.category.digitalt": "Computer and phone",
  "portal.support.category.videomote": "Video meetings",
  "portal.support.category.matematik": "Maths",
  "portal.support.category.svenska": "Swedish",
  "portal.support.category.studieteknik": "How to study",
  "portal.support.category.ovrigt": "Other",
  "portal.support.onlySwedish": "Only in Swedish",
  "portal.support.none": "There are no guides here yet. Ask your coach if you need help.",
  "portal.support.inSwedish": "In Swedish",
  "portal.support.backToList": "Back to Help",
  "portal.support.notFound": "The guide does not exist. It may have been removed.",
  "portal.support.askCoach": "More questions? Ask your coach.",
};
