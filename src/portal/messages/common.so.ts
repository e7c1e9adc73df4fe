// Somali texts of the portal: the portal's frame: header, menu, start page, language, errors. Written for the purpose in plain language,
// not translated word for word; every key of the Swedish catalogue, no other.
import type { commonSv } from "./common.sv.ts";

export const commonSo: Record<keyof typeof commonSv, string> = {
  "portal.name": "Samspår – ka-qaybgalayaasha",
  "portal.skip": "U gudub qoraalka",
  "portal.menu": "Liiska",
  "portal.nav.home": "Bogga hore",
  "portal.nav.plan": "Qorshahayga",
  "portal.nav.booking": "Ballan qabso",
  "portal.nav.support": "Caawimaad",
  "portal.nav.myData": "Xogtayda",
  "portal.nav.settings": "Dejinta",
  "portal.signOut": "Ka bax",
  "portal.signOutHint":
    "Mar walba ka bax marka aad isticmaasho kombiyuutar ay dad kale isticmaalaan.",
  "portal.language": "Luqadda",
  "portal.languageSave": "Beddel luqadda",
  "portal.swedishToo": "Qoraalka sidoo kale ku tus af Iswiidhish",
  "portal.swedishTooOn": "Sidoo kale tus af Iswiidhish",
  "portal.swedishTooOff": "Tus luqaddayda oo keliya",
  "portal.accessibility": "Fududaynta isticmaalka",
  "portal.home.title": "Soo dhowow",
  "portal.home.intro":
    "Halkan waxaad ku aragtaa qorshahaaga, ballamahaaga iyo xogta lagaa kaydiyay.",
  "portal.home.next": "Waxa hadda dhacaya",
  "portal.home.nothingNext": "Hadda ma lihid ballan la qabsaday.",
  "portal.home.nextBooking": "Ballantaada xigta: {date} saacadda {time}, {title}.",
  "portal.home.nextStep": "Tallaabada xigta ee qorshahaaga: {title}.",
  "portal.home.shortcuts": "Maxaad rabtaa inaad samayso?",
  "portal.home.goPlan": "Eeg qorshahayga",
  "portal.home.goBooking": "Qabso ballan",
  "portal.home.goSupport": "Hel taageero iyo caawimaad",
  "portal.home.goMyData": "Eeg xogtayda",
  "portal.error.title": "Wax baa khaldamay",
  "portal.error.text":
    "Mar kale isku day wax yar kadib. Haddii aysan shaqayn, weydii tababarahaaga.",
  "portal.error.notFound": "Boggan ma jiro.",
  "portal.back": "Dib u noqo",
  "portal.settings.title": "Dejinta",
  "portal.settings.languageIntro":
    "Dooro luqadda aad rabto inaad ku akhrido. Doorashadaada waa la kaydinayaa.",
  "portal.settings.saved": "Waa la kaydiyay.",
};
