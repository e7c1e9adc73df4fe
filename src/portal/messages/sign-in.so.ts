// Somali texts of the portal: signing in with a code or e-ID, signing out, the settings page and
// the message that carries a code. Written for the purpose in plain language, not translated word
// for word; every key of the Swedish catalogue, no other.
import type { signInSv } from "./sign-in.sv.ts";

export const signInSo: Record<keyof typeof signInSv, string> = {
  "portal.signIn.title": "Soo gal",
  "portal.signIn.intro": "Qor koodhka aad naga heshay.",
  "portal.signIn.codeLabel": "Koodhkaaga",
  "portal.signIn.codeHint":
    "Koodhku wuxuu leeyahay 8 xaraf, tusaale ABCD-EFGH. Waxaad qori kartaa xarfo waaweyn ama yaryar.",
  "portal.signIn.submit": "Soo gal",
  "portal.signIn.errorTitle": "Soo gelitaanku ma suurtoobin",
  "portal.signIn.error.empty": "Koodhkaaga ku qor sanduuqa.",
  "portal.signIn.error.unknown":
    "Ma helno koodhkan. Mar kale eeg koodhka oo dib u qor. Weydii tababarahaaga haddii aysan shaqayn.",
  "portal.signIn.error.expired":
    "Koodhku waa duqoobay. Koodh wuxuu shaqeeyaa 14 maalmood. Tababarahaaga ka codso koodh cusub.",
  "portal.signIn.error.used":
    "Koodhkan mar hore ayaa la isticmaalay. Koodh hal mar oo keliya ayuu shaqeeyaa. Tababarahaaga ka codso koodh cusub.",
  "portal.signIn.error.revoked":
    "Koodhkan mar dambe ma shaqeeyo. Waxaad heshay koodh ka cusub, ama akoonkaaga waa la xiray. Isticmaal koodhka cusub ama weydii tababarahaaga.",
  "portal.signIn.error.throttled":
    "Isku dayo badan ayaad samaysay. Sug {minutes, plural, one {# daqiiqo} other {# daqiiqo}} kadibna isku day mar kale.",
  "portal.signIn.sessionEnded":
    "Waa lagaa saaray sababtoo ah wax ma aadan samayn muddo. Fadlan mar kale soo gal.",
  "portal.signIn.signedOut":
    "Waad ka baxday. Xir barowsarka haddii dad kale isticmaalaan kombiyuutarkan.",
  "portal.signIn.closed":
    "Akoonkaaga bogga waa la xiray. Weydii tababarahaaga haddii aad u baahan tahay.",
  "portal.signIn.eidHeading": "Ku soo gal aqoonsi elektaroonig ah",
  "portal.signIn.eidIntro":
    "Ma haysataa BankID ama aqoonsi elektaroonig ah oo kale? Markaas waad ku soo geli kartaa.",
  "portal.signIn.noCodeHeading": "Koodh ma haysatid?",
  "portal.signIn.noCodeText":
    "Weydii tababarahaaga ama qof kale oo aad halkan kula kulanto. Waxay ku siin karaan koodh.",
  "portal.signIn.message.subject": "Koodhkaaga aad ku soo gasho",
  "portal.signIn.message.email":
    "Salaan!\n\nKani waa koodhkaaga aad ku soo gasho: {code}\n\nTag {url} oo qor koodhka.\nKoodhku wuu shaqeeyaa ilaa {date}. Hal mar oo keliya ayuu shaqeeyaa.\n\nMa aadan codsan koodh? Markaas waxba ma aad samaynaysid.",
  "portal.signIn.message.sms":
    "Koodhkaaga aad ku soo gasho: {code}. Tag {url} oo qor koodhka. Wuu shaqeeyaa ilaa {date}.",
  "portal.signIn.print.title": "Koodhkaaga aad ku soo gasho",
  "portal.signIn.print.step1": "Tag {url}",
  "portal.signIn.print.step2": "Qor koodhka: {code}",
  "portal.signIn.print.step3":
    "Koodhku wuu shaqeeyaa ilaa {date}. Hal mar oo keliya ayuu shaqeeyaa.",
  "portal.signIn.print.step4": "Had iyo jeer ka bax marka aad dhamayso.",
  "portal.settings.languageHeading": "Luqadda",
  "portal.settings.language": "Luqaddayda",
  "portal.settings.saveLanguage": "Kaydi luqadda",
  "portal.settings.swedishTooHeading": "Iswiidhish sidoo kale",
  "portal.settings.swedishTooText":
    "Ma baranaysaa Iswiidhish? Markaas waxaad arki kartaa qoraalka Iswiidhishka ee ka hooseeya luqaddaada.",
  "portal.settings.swedishTooYes": "Haa, tus Iswiidhish sidoo kale",
  "portal.settings.swedishTooNo": "Maya, tus luqaddayda oo keliya",
  "portal.settings.saveSwedishToo": "Kaydi",
  "portal.settings.contactHeading": "Xusuusin",
  "portal.settings.contactIntro":
    "Waan ku xusuusin karnaa ka hor inta aadan nala kulmin. Iimaylkaaga iyo lambarka mobilkaaga waxaan u isticmaalnaa xusuusin iyo koodh oo keliya.",
  "portal.settings.email": "Iimayl",
  "portal.settings.emailHint": "Tusaale magac@tusaale.se. Sanduuqa waad madhan kartaa.",
  "portal.settings.phone": "Lambarka mobilka",
  "portal.settings.phoneHint": "Tusaale 070-123 45 67. Sanduuqa waad madhan kartaa.",
  "portal.settings.reminders": "Sidee baad u rabtaa xusuusinta?",
  "portal.settings.reminders.epost": "Iimayl",
  "portal.settings.reminders.sms": "Fariin qoraal ah (SMS)",
  "portal.settings.reminders.ingen": "Ma rabo xusuusin",
  "portal.settings.saveContact": "Kaydi",
  "portal.settings.errorTitle": "Kaydintu ma suurtoobin",
  "portal.settings.error.emailFormat": "Iimaylka u qor sidan: magac@tusaale.se.",
  "portal.settings.error.phoneFormat": "Lambarka mobilka ku qor tirooyin, tusaale 070-123 45 67.",
  "portal.settings.error.remindersChoice": "Dooro sida aad u rabto xusuusinta.",
  "portal.settings.error.remindersNeedEmail":
    "Qor iimaylkaaga haddii aad rabto xusuusin iimayl ah.",
  "portal.settings.error.remindersNeedPhone":
    "Qor lambarka mobilkaaga haddii aad rabto xusuusin SMS ah.",
  "portal.settings.error.conflict":
    "Xogtaada hadda ayaa meel kale lagu beddelay. Eeg oo mar kale kaydi.",
};
