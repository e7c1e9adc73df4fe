// Somali texts of the portal: Tyck till: the short check and the exit survey. Written in plain
// language; every key of the Swedish catalogue, no other.
import type { feedbackSv } from "./feedback.sv.ts";

export const feedbackSo: Record<keyof typeof feedbackSv, string> = {
  "portal.feedback.title": "Ra'yigaaga",
  "portal.feedback.intro": "Noo sheeg waxaad u malaynayso. Waxay naga caawinaysaa inaan fiicnaano.",
  "portal.feedback.anonymous": "Jawaabahaagu waa qarsoodi. Ma aragno cidda jawaabtay.",
  "portal.feedback.openTitle": "Waxaad ka jawaabi kartaa",
  "portal.feedback.none": "Hadda wax aad ka jawaabto ma jiraan. Mahadsanid!",
  "portal.feedback.aboutMeeting": "Kulanka aad la yeelatay {who} {date}",
  "portal.feedback.aboutChapter": "Cutubka",
  "portal.feedback.exit": "Su'aalaha ugu dambeeya",
  "portal.feedback.exitHint":
    "Su'aalo ku saabsan waqtigaaga oo dhan. Ka jawaab marka aad dhammaysid ama aad ku dhowdahay.",
  "portal.feedback.answer": "Ka jawaab",
  "portal.feedback.back": "Ku noqo Ra'yigaaga",
  "portal.feedback.inSwedish": "Su'aalaha weli kuma jiraan luqaddaada. Waa iswiidhish.",
  "portal.feedback.optional": "Uma baahnid inaad ka jawaabto su'aal kasta.",
  "portal.feedback.scaleHint": "Dooro lambar 1 ilaa 5.",
  "portal.feedback.freeHint": "Qor ugu badnaan {max} xaraf. Ha qorin magacyada dad kale.",
  "portal.feedback.send": "Dir",
  "portal.feedback.skip": "Ka bood",
  "portal.feedback.skipHint":
    "Ma rabtid inaad jawaabto? Riix Ka bood. Markaas mar kale ku weydiin mayno.",
  "portal.feedback.thanks": "Waad ku mahadsantahay jawaabtaada!",
  "portal.feedback.skipped": "Waa hagaag. Mar kale kaa weydiin mayno.",
  "portal.feedback.already": "Horay ayaad u jawaabtay. Mahadsanid!",
  "portal.feedback.notFound": "Halkan su'aal looga jawaabo ma jirto.",
  "portal.feedback.error.title": "Wax baa u baahan in la saxo",
  "portal.feedback.error.scale": "Dooro lambar 1 ilaa 5, ama su'aasha banaan u daa.",
  "portal.feedback.error.tooLong": "Jawaabtu aad bay u dheer tahay. Qor ugu badnaan {max} xaraf.",
  "portal.feedback.error.empty": "Ka jawaab ugu yaraan hal su'aal, ama riix Ka bood.",
};
