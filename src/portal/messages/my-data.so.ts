// Somali texts of the portal: Mina uppgifter: what is stored, who read it, downloads. Written for
// the purpose in plain language, not translated word for word; every key of the Swedish catalogue, no other.
import type { myDataSv } from "./my-data.sv.ts";

export const myDataSo: Record<keyof typeof myDataSv, string> = {
  "portal.myData.title": "Macluumaadkayga",
  "portal.myData.intro":
    "Halkan waxaad ku aragtaa waxa lagaa kaydiyey, sababta loo kaydiyey iyo cidda akhriday. Sidoo kale waad soo dejisan kartaa dhammaan.",
  "portal.myData.download.title": "Soo deji macluumaadkaaga",
  "portal.myData.download.text":
    "Waad soo dejisan kartaa wax kasta oo lagaa kaydiyey. Faylka PDF-ka waad akhrin kartaa oo daabacan kartaa. Faylka JSON-ka waxaa loogu talagalay kombiyuutarrada. Faylasha waxay ku qoran yihiin af Iswiidhish. Faylasha waxaa ku jira lambarkaaga shakhsiga oo dhan.",
  "portal.myData.download.logged":
    "Markaad soo dejiso, waxay ka muuqanaysaa liiska cidda akhriday.",
  "portal.myData.download.pdf": "Soo deji sida PDF",
  "portal.myData.download.json": "Soo deji sida JSON",
  "portal.myData.download.missing":
    "Hadda ma helno wax macluumaad ah oo adiga kugu saabsan. Ka bax oo mar kale gal, ama weydii tababarahaaga.",
  "portal.myData.stored.title": "Kan ayaa lagaa kaydiyey",
  "portal.myData.stored.identity": "Lambarka shakhsiga",
  "portal.myData.stored.identityHidden":
    "Afarta lambar ee ugu dambeeya halkan laguma muujiyo. Waxay ku jiraan faylka aad soo dejisan karto.",
  "portal.myData.stored.name": "Magaca",
  "portal.myData.stored.gender": "Jinsiga",
  "portal.myData.stored.birthYear": "Sannadka dhalashada",
  "portal.myData.stored.none": "Lama kaydin",
  "portal.myData.state.anonym":
    "Waxaa laguu diiwaangeliyey adigoon lambar shakhsi iyo magac lahayn.",
  "portal.myData.state.raderad": "Lambarkaaga shakhsiga iyo magacaaga waa la tirtiray.",
  "portal.myData.state.skyddad":
    "Macluumaadkaaga shakhsiga waa la ilaaliyaa. Sidaas darteed lambarkaaga shakhsiga iyo magacaaga halkan laguma kaydiyo.",
  "portal.myData.gender.kvinna": "Naag",
  "portal.myData.gender.man": "Nin",
  "portal.myData.gender.annan": "Kale",
  "portal.myData.gender.vill_ej_ange": "Ma aadan rabin inaad ka jawaabto",
  "portal.myData.gender.uppgift_saknas": "Lama kaydin",
  "portal.myData.enrollments.title": "Barnaamijyadaada",
  "portal.myData.enrollment.started": "Waxaad bilowday",
  "portal.myData.enrollment.organisation": "Hay'adda mas'uulka ah",
  "portal.myData.enrollment.ended": "Waxaad dhammaysay",
  "portal.myData.enrollment.ongoing": "Weli waxaad ku jirtaa barnaamijka.",
  "portal.myData.enrollment.exit": "Waxa aad u gudubtay",
  "portal.myData.background.title": "Adiga markaad bilowday",
  "portal.myData.background.note": "Macluumaadkan waxaa lagu kaydiyaa erayo Iswiidhish ah.",
  "portal.myData.background.education": "Waxbarashada",
  "portal.myData.background.supportBefore": "Lacagta aad ku noolayd hore",
  "portal.myData.background.timeOnSupport": "Inta aad taageero qaadanaysay",
  "portal.myData.background.occupationBefore": "Waxa aad samaynaysay hore",
  "portal.myData.background.referrer": "Cidda halkan kuu soo dirtay",
  "portal.myData.consents.title": "Oggolaanshahaaga",
  "portal.myData.consents.none": "Oggolaansho lama kaydin.",
  "portal.myData.consent.given": "Waxaad bixisay oggolaanshahaaga {date}.",
  "portal.myData.consent.version": "Nooca qoraalka aad oggolaatay: {version}",
  "portal.myData.consent.withdrawn": "Waxaad dib u qaadatay oggolaanshahaaga {date}.",
  "portal.myData.plan.title": "Qorshahaaga",
  "portal.myData.plan.count":
    "{count, plural, one {Qorshahaagu wuxuu leeyahay # tallaabo.} other {Qorshahaagu wuxuu leeyahay # tallaabo.}}",
  "portal.myData.plan.none": "Qorshahaagu ma laha tallaabooyin.",
  "portal.myData.plan.link": "Arag qorshahaaga",
  "portal.myData.bookings.title": "Ballamahaaga",
  "portal.myData.bookings.none": "Ma lihid ballamo.",
  "portal.myData.booking.bokad": "La qabsaday",
  "portal.myData.booking.avbokad": "La joojiyey",
  "portal.myData.booking.genomford": "Waad timid",
  "portal.myData.booking.uteblev": "Ma aadan iman",
  "portal.myData.measurements.title": "Is-qiimaynta",
  "portal.myData.measurements.none": "Weli ma aadan samayn is-qiimayn.",
  "portal.myData.occasion.nollpunkt": "markaad bilowday",
  "portal.myData.occasion.uppfoljning": "dabagal",
  "portal.myData.occasion.avslut": "markaad dhammaysay",
  "portal.myData.account.title": "Akoonkaaga boorsada",
  "portal.myData.account.language": "Luqadda",
  "portal.myData.account.reminders": "Xasuusin",
  "portal.myData.account.email": "Iimaylka",
  "portal.myData.account.phone": "Lambarka mobaylka",
  "portal.myData.reminders.epost": "Iimayl ahaan",
  "portal.myData.reminders.sms": "Fariin SMS ah",
  "portal.myData.reminders.ingen": "Xasuusin ma jirto",
  "portal.myData.why.title": "Sababta macluumaadka loo kaydiyo",
  "portal.myData.why.purpose":
    "Macluumaadka waxaa loo kaydiyaa si aad taageero uga hesho barnaamijka. Waxaa sidoo kale loo isticmaalaa in la arko sida barnaamijku u socdo. Markaas tirooyin keliya ayaa la tiriyaa, si aan cidna u ogaan in ay adiga ku saabsan tahay.",
  "portal.myData.why.controller":
    "{organisation} ayaa ah mas'uulka macluumaadka shakhsiga. Taas macnaheedu waa in {organisation} ay mas'uul ka tahay macluumaadkaaga.",
  "portal.myData.why.retention":
    "{months, plural, one {Magacaaga iyo lambarkaaga shakhsiga waa la tirtirayaa # bil kadib markaad dhammayso barnaamijka.} other {Magacaaga iyo lambarkaaga shakhsiga waa la tirtirayaa # bilood kadib markaad dhammayso barnaamijka.}} Macluumaadka aan lahayn magac iyo lambar shakhsi waxaa loo kaydiyaa tirakoob.",
  "portal.myData.rights.title": "Xuquuqdaada",
  "portal.myData.rights.correct":
    "Ma jiraa wax khaldan? Waxaad xaq u leedahay in la saxo. La hadal tababarahaaga.",
  "portal.myData.rights.erase":
    "Waxaad codsan kartaa in macluumaadkaaga la tirtiro. Sidoo kale waad dib u qaadan kartaa oggolaanshahaaga. La hadal tababarahaaga ama {organisation}.",
  "portal.myData.rights.complain":
    "Ma u malaynaysaa in macluumaadkaaga si khaldan loo maamulo? Markaas waxaad cabasho u gudbin kartaa Hay'adda Ilaalinta Sirta (IMY).",
  "portal.myData.rights.imy": "Tag bogga IMY",
  "portal.myData.log.title": "Yaa akhriyey macluumaadkayga",
  "portal.myData.log.intro":
    "Halkan waxaad ku aragtaa goorta qof akhriyey, beddelay ama soo dejiyey macluumaadkaaga, iyo hay'adda uu ka yimid. Kan ugu cusub ayaa ugu horreeya.",
  "portal.myData.log.none": "Weli qofna ma akhrin macluumaadkaaga.",
  "portal.myData.log.self": "Adiga",
  "portal.myData.log.entry": "{organisation}: {action}",
  "portal.myData.action.read": "wuxuu akhriyey macluumaadkaaga",
  "portal.myData.action.search": "wuxuu kugu arkay liis",
  "portal.myData.action.reveal": "wuxuu arkay lambarkaaga shakhsiga oo dhan",
  "portal.myData.action.export": "wuxuu soo dejiyey macluumaadkaaga",
  "portal.myData.action.change": "wuxuu beddelay macluumaadkaaga",
  "portal.myData.action.erase": "wuxuu tirtiray magacaaga iyo lambarkaaga shakhsiga",
  "portal.myData.action.import": "wuxuu geliyey macluumaadkaaga",
};
