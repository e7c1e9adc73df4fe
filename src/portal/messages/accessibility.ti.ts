// Tigrinya texts of the portal: the accessibility statement and reporting a problem. Written for the purpose in plain language,
// not translated word for word; every key of the Swedish catalogue, no other.
import type { accessibilitySv } from "./accessibility.sv.ts";

export const accessibilityTi: Record<keyof typeof accessibilitySv, string> = {
  "portal.accessibility.title": "ተበጻሕነት",
  "portal.accessibility.intro":
    "ኩሉ ሰብ Samspår ክጥቀም ክኽእል ኣለዎ። ኣብዚ እንታይ ጽቡቕ ከም ዝሰርሕን እንታይ ገና ከም ዘይሰርሕን ንነግረኩም። ሕጊ ሽወደን ብዛዕባ ዲጂታላዊ ህዝባዊ ኣገልግሎት (DOS-lagen) ክንነግረኩም ይሓተና።",
  "portal.accessibility.coversTitle": "እዚ ጽሑፍ እንታይ ይምልከት?",
  "portal.accessibility.covers":
    "እዚ ጽሑፍ ንገጻት ተሳተፍቲ ኣብ Samspår ይምልከት። ኣብኡ መደብኩም ትርእዩ፡ ቆጸራ ትሕዙ፡ መምርሒታት ተንብቡ፡ ሓበሬታኹም ትርእዩ። እቲ ብኡ እትሳተፉ ማሕበር ምትሕብባር (samordningsförbund) ሓላፍነት ናይቶም ገጻት ኣለዎ።",
  "portal.accessibility.statusTitle": "ክንደይ ጽቡቕ ይሰርሕ?",
  "portal.accessibility.status":
    "እቶም ገጻት ብኸፊል ሕግታት ተበጻሕነት ይኽተሉ (WCAG 2.1 ደረጃ AA፡ ስታንዳርድ EN 301 549)። መብዛሕትኡ ይሰርሕ። እቲ ገና ዘይሰርሕ ኣብ ታሕቲ ተጻሒፉ ኣሎ።",
  "portal.accessibility.problemsTitle": "እዚኦም ገና ኣይሰርሑን",
  "portal.accessibility.problemPdfScript":
    "ናይ መዐቀኒ ወረቐት ቅጥዒ (PDF) ፊደል ዓረብ፡ ግእዝ ወይ ዳሪ የብሉን። እቶም ሕቶታት ብሽወደንኛ ወይ ብእንግሊዝኛ እዮም። ነቶም ሕቶታት ምሳኹም ክሰርሖም ንኣሰልጣኒኹም ሕተቱ።",
  "portal.accessibility.problemPdfTags":
    "ፋይላት PDF ንኣንባቢ ስክሪን ኣይተዳለዉን። ንኣብነት እቲ ሓበሬታኹም ዘለዎ ፋይል። ኣንባቢ ስክሪን ብጌጋ ስርዓት ከንብቦም ይኽእል። ተመሳሳሊ ሓበሬታ ኣብ ገጽ «ሓበሬታይ»ን ኣብ ፋይል JSONን ኣሎ።",
  "portal.accessibility.problemStaffText":
    "መምርሒታትን መደባትን ብሰራሕተኛታት እዮም ዝጽሓፉ። ሓደ ሓደ ግዜ ብሽወደንኛ ጥራይ እዮም ዘለዉ። ሽዑ ኣብቲ ገጽ ይጽሓፍ።",
  "portal.accessibility.testedTitle": "ከመይ ጌርና ፈቲንናዮ",
  "portal.accessibility.testedAxe":
    "axe ዝበሃል ፕሮግራም ነቶም ገጻት ብኣውቶማቲክ ኣብ ብራውዘር ይፍትኖም፡ ብሽወደንኛን ብዓረብኛን።",
  "portal.accessibility.testedKeyboard": "ኩሉ ነገር ብኪቦርድ ጥራይ ክግበር ከም ዝከኣል ፈቲንና።",
  "portal.accessibility.testedNarrow": "ኣብ ጸቢብ ስክሪን (320 ፒክሰል)ን ጽሑፍ ክሳብ 200 % ምስ ዓበየን ፈቲንና።",
  "portal.accessibility.testedScreenReader": "ገለ ክፋል ናይቶም ገጻት ብኣንባቢ ስክሪን ፈቲንና።",
  "portal.accessibility.testedNoJs": "እቶም ገጻት ብዘይ JavaScript ይሰርሑ።",
  "portal.accessibility.updated": "እዚ ጽሑፍ ንመወዳእታ ግዜ ዝተሓደሰሉ፦ {date}።",
  "portal.accessibility.reportTitle": "ጸገም ሓብሩ",
  "portal.accessibility.reportIntro": "ዘይሰርሓልኩም ነገር ኣሎ ድዩ? ንገሩና፡ ከነዐርዮ ኢና። ክትኣትዉ ኣየድልየኩምን።",
  "portal.accessibility.reportTo": "ጸብጻብኩም ናብ {association} እዩ ዝኸይድ።",
  "portal.accessibility.reportToAll":
    "ናበየናይ ማሕበር ከም እትውንኑ ስለ ዘይንፈልጥ፡ እቲ ጸብጻብ ናብ ኩሎም ኣብዚ Samspår ዝጥቀሙ ናይ ምትሕብባር ማሕበራት (samordningsförbund) እዩ ዝኸይድ። ብዛዕባኹም ክንብብዎ ዘይትደልዩዎ ነገር ኣይትጽሓፉ። ቅድም እንተ ኣቲኹም፡ እቲ ጸብጻብ ናብ ማሕበርኩም ጥራይ እዩ ዝኸይድ።",
  "portal.accessibility.pageLabel": "ጸገም ኣበይ እዩ ዘሎ?",
  "portal.accessibility.pageHint": "ሽም ናይቲ ገጽ ወይ ክትገብሩዎ ዝደለኹም ጽሓፉ። ንኣብነት፦ ቆጸራ ሓዝ።",
  "portal.accessibility.descriptionLabel": "እንታይ ኣጋጢሙ?",
  "portal.accessibility.descriptionHint": "ብናይ ገዛእ ርእስኹም ቃላት ጽሓፉ። ብቋንቋኹም ክትጽሕፉ ትኽእሉ ኢኹም።",
  "portal.accessibility.contactLabel": "ብኸመይ ክንረኽበኩም ንኽእል? (እንተደሊኹም)",
  "portal.accessibility.contactHint": "ኢመይል ወይ ቁጽሪ ተሌፎን፡ መልሲ እንተደሊኹም።",
  "portal.accessibility.send": "ስደድ",
  "portal.accessibility.sent":
    "የቐንየልና! መልእኽትኹም በጺሑና። ብኸመይ ክንረኽበኩም ከም እንኽእል እንተጽሒፍኩም፡ ብቕልጡፍ ክንምልሰልኩም ኢና።",
  "portal.accessibility.errorsTitle": "{count, plural, one {# ነገር ኣዐርዩ} other {# ነገራት ኣዐርዩ}}",
  "portal.accessibility.error.page": "ጸገም ኣበይ ከም ዘሎ ጽሓፉ።",
  "portal.accessibility.error.description": "እንታይ ከም ዘጋጠመ ጽሓፉ።",
  "portal.accessibility.error.tooLong": "እቲ ጽሑፍ ኣዝዩ ነዊሕ እዩ። ብዝበዝሐ {max} ፊደላት ጽሓፉ።",
  "portal.accessibility.enforcementTitle": "እንተዘይዓጊብኩም",
  "portal.accessibility.enforcement":
    "ኤጀንሲ ዲጂታላዊ ምምሕዳር (Digg) ሕጊ ይኽበር ምህላዉ ይቆጻጸር። ብኸመይ ከም ዝሓዝናዮ መልእኽትኹም እንተዘይዓጊብኩም፡ ናብ Digg ክትጠርዑ ትኽእሉ ኢኹም።",
  "portal.accessibility.enforcementLink": "ናብ Digg ጥርዓን ኣቕርቡ (digg.se)",
};
