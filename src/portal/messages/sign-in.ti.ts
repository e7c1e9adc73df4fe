// Tigrinya texts of the portal: signing in with a code or e-ID, signing out, the settings page
// and the message that carries a code. Written for the purpose in plain language, not translated
// word for word; every key of the Swedish catalogue, no other.
import type { signInSv } from "./sign-in.sv.ts";

export const signInTi: Record<keyof typeof signInSv, string> = {
  "portal.signIn.title": "እቶ",
  "portal.signIn.intro": "ካባና ዝረኸብካዮ ኮድ ጸሓፍ።",
  "portal.signIn.codeLabel": "ኮድካ",
  "portal.signIn.codeHint": "እቲ ኮድ 8 ፊደላት ኣለዎ፡ ንኣብነት ABCD-EFGH። ብዓበይቲ ወይ ብናኣሽቱ ፊደላት ክትጽሕፍ ትኽእል ኢኻ።",
  "portal.signIn.submit": "እቶ",
  "portal.signIn.errorTitle": "ምእታው ኣይተኻእለን",
  "portal.signIn.error.empty": "ኮድካ ኣብቲ ሳጹን ጸሓፍ።",
  "portal.signIn.error.unknown":
    "እዚ ኮድ ክንረኽቦ ኣይከኣልናን። ነቲ ኮድ እንደገና ርአዮ እሞ ደጊምካ ጸሓፎ። እንተዘይሰሪሑ ንኣሰልጣኒኻ ሕተት።",
  "portal.signIn.error.expired": "እቲ ኮድ ኣዝዩ ኣረጊቱ እዩ። ሓደ ኮድ ን14 መዓልታት ይሰርሕ። ሓድሽ ኮድ ካብ ኣሰልጣኒኻ ሕተት።",
  "portal.signIn.error.used": "እዚ ኮድ ድሮ ተጠቒምካሉ ኢኻ። ሓደ ኮድ ሓንሳብ ጥራይ ይሰርሕ። ሓድሽ ኮድ ካብ ኣሰልጣኒኻ ሕተት።",
  "portal.signIn.error.revoked":
    "እዚ ኮድ ድሕሪ ሕጂ ኣይሰርሕን። ሓድሽ ኮድ ተዋሂቡካ እዩ፡ ወይ ኣካውንትካ ተዓጽዩ እዩ። ነቲ ሓድሽ ኮድ ተጠቐም ወይ ንኣሰልጣኒኻ ሕተት።",
  "portal.signIn.error.throttled":
    "ብዙሕ ግዜ ፈቲንካ ኢኻ። {minutes, plural, one {# ደቒቕ} other {# ደቓይቕ}} ተጸበ እሞ እንደገና ፈትን።",
  "portal.signIn.sessionEnded": "ንሓጺር ግዜ ዋላ ሓንቲ ስለ ዘይገበርካ ወጺእካ ኢኻ። በጃኻ እንደገና እቶ።",
  "portal.signIn.signedOut": "ወጺእካ ኢኻ። ካልኦት ሰባት እዚ ኮምፒዩተር እንተ ተጠቒሞምሉ፡ ነቲ ብራውዘር ዕጸዎ።",
  "portal.signIn.closed": "ኣብ ፖርታል ዘሎ ኣካውንትካ ተዓጽዩ እዩ። እንተ ደሊኻዮ ንኣሰልጣኒኻ ሕተት።",
  "portal.signIn.eidHeading": "ብኤለክትሮኒካዊ መንነት እቶ",
  "portal.signIn.eidIntro": "BankID ወይ ካልእ ኤለክትሮኒካዊ መንነት ኣሎካ ድዩ? እንተሎ ብእኡ ክትኣቱ ትኽእል ኢኻ።",
  "portal.signIn.noCodeHeading": "ኮድ የብልካን ድዩ?",
  "portal.signIn.noCodeText": "ንኣሰልጣኒኻ ወይ ንካልእ ኣብዚ እትራኸቦ ሰብ ሕተት። ኮድ ክህቡኻ ይኽእሉ እዮም።",
  "portal.signIn.message.subject": "ንምእታው ዝኸውን ኮድካ",
  "portal.signIn.message.email":
    "ሰላም!\n\nንምእታው ዝኸውን ኮድካ እዚ እዩ፦ {code}\n\nናብ {url} ኪድ እሞ ነቲ ኮድ ጸሓፍ።\nእቲ ኮድ ክሳብ {date} ይሰርሕ። ሓንሳብ ጥራይ ይሰርሕ።\n\nኮድ ኣይሓተትካን ዲኻ? እንተኾይኑ ዋላ ሓንቲ ክትገብር ኣየድልየካን።",
  "portal.signIn.message.sms": "ንምእታው ዝኸውን ኮድካ፦ {code}። ናብ {url} ኪድ እሞ ነቲ ኮድ ጸሓፍ። ክሳብ {date} ይሰርሕ።",
  "portal.signIn.print.title": "ንምእታው ዝኸውን ኮድካ",
  "portal.signIn.print.step1": "ናብ {url} ኪድ",
  "portal.signIn.print.step2": "ነቲ ኮድ ጸሓፍ፦ {code}",
  "portal.signIn.print.step3": "እቲ ኮድ ክሳብ {date} ይሰርሕ። ሓንሳብ ጥራይ ይሰርሕ።",
  "portal.signIn.print.step4": "ምስ ወዳእካ ኩሉ ግዜ ውጻእ።",
  "portal.settings.languageHeading": "ቋንቋ",
  "portal.settings.language": "ቋንቋይ",
  "portal.settings.saveLanguage": "ቋንቋ ዓቅብ",
  "portal.settings.swedishTooHeading": "ሽወደንኛ እውን",
  "portal.settings.swedishTooText":
    "ሽወደንኛ ትመሃር ኣሎኻ ድዩ? እንተኾይኑ ኣብ ትሕቲ ቋንቋኻ ነቲ ጽሑፍ ብሽወደንኛ ክትርእዮ ትኽእል ኢኻ።",
  "portal.settings.swedishTooYes": "እወ፡ ሽወደንኛ እውን ኣርኢ",
  "portal.settings.swedishTooNo": "ኣይፋል፡ ቋንቋይ ጥራይ ኣርኢ",
  "portal.settings.saveSwedishToo": "ዓቅብ",
  "portal.settings.contactHeading": "መዘኻኸሪ",
  "portal.settings.contactIntro":
    "ቅድሚ ምሳና ምርኻብካ ከነዘኻኽረካ ንኽእል ኢና። ኢመይልካን ቁጽሪ ሞባይልካን ንመዘኻኸሪን ንኮድን ጥራይ ንጥቀመሉ።",
  "portal.settings.email": "ኢመይል",
  "portal.settings.emailHint": "ንኣብነት name@example.se። ነቲ ሳጹን ባዶ ክትገድፎ ትኽእል ኢኻ።",
  "portal.settings.phone": "ቁጽሪ ሞባይል",
  "portal.settings.phoneHint": "ንኣብነት 070-123 45 67። ነቲ ሳጹን ባዶ ክትገድፎ ትኽእል ኢኻ።",
  "portal.settings.reminders": "መዘኻኸሪ ብኸመይ ክበጽሓካ ትደሊ?",
  "portal.settings.reminders.epost": "ብኢመይል",
  "portal.settings.reminders.sms": "ብጽሑፍ መልእኽቲ (SMS)",
  "portal.settings.reminders.ingen": "መዘኻኸሪ ኣይደልን",
  "portal.settings.saveContact": "ዓቅብ",
  "portal.settings.errorTitle": "ምዕቃብ ኣይተኻእለን",
  "portal.settings.error.emailFormat": "ነቲ ኢመይል ከምዚ ጸሓፎ፦ name@example.se።",
  "portal.settings.error.phoneFormat": "ቁጽሪ ሞባይል ብቁጽርታት ጸሓፍ፡ ንኣብነት 070-123 45 67።",
  "portal.settings.error.remindersChoice": "መዘኻኸሪ ብኸመይ ክበጽሓካ ከም እትደሊ ምረጽ።",
  "portal.settings.error.remindersNeedEmail": "ብኢመይል መዘኻኸሪ እንተ ደሊኻ ኢመይልካ ጸሓፍ።",
  "portal.settings.error.remindersNeedPhone": "ብSMS መዘኻኸሪ እንተ ደሊኻ ቁጽሪ ሞባይልካ ጸሓፍ።",
  "portal.settings.error.conflict": "ሓበሬታኻ ሕጂ ኣብ ካልእ ቦታ ተቐይሩ። ርአዮ እሞ እንደገና ዓቅብ።",
};
