// Tigrinya texts of the portal: Tyck till: the short check and the exit survey. Written in plain
// language; every key of the Swedish catalogue, no other.
import type { feedbackSv } from "./feedback.sv.ts";

export const feedbackTi: Record<keyof typeof feedbackSv, string> = {
  "portal.feedback.title": "ርእይቶኻ",
  "portal.feedback.intro": "እትሓስቦ ንገረና። ንኽንመሓየሽ ይሕግዘና።",
  "portal.feedback.anonymous": "መልስታትካ ስም የብሎምን። መን ከም ዝመለሰ ኣይንርእን ኢና።",
  "portal.feedback.openTitle": "ዝምለሱ",
  "portal.feedback.none": "ሕጂ እትምልሶ የለን። የቐንየልና!",
  "portal.feedback.aboutMeeting": "ብዛዕባ ምስ {who} ዝነበረ ርክብ {date}",
  "portal.feedback.aboutChapter": "ብዛዕባ እቲ ምዕራፍ",
  "portal.feedback.exit": "ናይ መወዳእታ ሕቶታት",
  "portal.feedback.exitHint": "ብዛዕባ ኩሉ ግዜኻ ምሳና ሕቶታት። ምስ ወድኤካ ወይ ክትውድእ ምስ ቀረብካ መልስ።",
  "portal.feedback.answer": "መልስ",
  "portal.feedback.back": "ናብ ርእይቶኻ ተመለስ",
  "portal.feedback.inSwedish": "እቶም ሕቶታት ገና ብቋንቋኻ የለዉን። ብሽወደንኛ እዮም።",
  "portal.feedback.optional": "ንኹሉ ሕቶ ክትምልስ ኣየድልየካን።",
  "portal.feedback.scaleHint": "ካብ 1 ክሳብ 5 ቁጽሪ ምረጽ።",
  "portal.feedback.freeHint": "ብዝበዝሐ {max} ፊደላት ጽሓፍ። ኣስማት ካልኦት ሰባት ኣይትጽሓፍ።",
  "portal.feedback.send": "ስደድ",
  "portal.feedback.skip": "ሕለፎ",
  "portal.feedback.skipHint": "ክትምልስ ኣይደለኻን? ሕለፎ ጠውቕ። ሽዑ ደጊምና ኣይንሓተካን።",
  "portal.feedback.thanks": "ስለ መልስኻ የቐንየልና!",
  "portal.feedback.skipped": "ጽቡቕ። ደጊምና ብዛዕባኡ ኣይንሓተካን።",
  "portal.feedback.already": "ድሮ መሊስካ ኢኻ። የቐንየልና!",
  "portal.feedback.notFound": "ኣብዚ ዝምለስ ሕቶ የለን።",
  "portal.feedback.error.title": "ዝእረም ነገር ኣሎ",
  "portal.feedback.error.scale": "ካብ 1 ክሳብ 5 ቁጽሪ ምረጽ፣ ወይ ነቲ ሕቶ ባዶ ግደፎ።",
  "portal.feedback.error.tooLong": "እቲ መልሲ ነዊሕ እዩ። ብዝበዝሐ {max} ፊደላት ጽሓፍ።",
  "portal.feedback.error.empty": "እንተወሓደ ሓደ ሕቶ መልስ፣ ወይ ሕለፎ ጠውቕ።",
};
