// Somali texts of the portal: Boka: times, bookings, cancelling, rebooking. Written for the purpose in plain language,
// not translated word for word; every key of the Swedish catalogue, no other.
import type { bookingSv } from "./booking.sv.ts";

export const bookingSo: Record<keyof typeof bookingSv, string> = {
  "portal.booking.title": "Ballan waqti",
  "portal.booking.intro":
    "Halkan waxaad ka ballansan kartaa waqti aad la kulanto tababare waxbarasho, macallin waxbarasho gaar ah ama la-taliye bulsho. Waxaad sidoo kale ballansan kartaa meel aad wax ku barato.",
  "portal.booking.mine": "Waqtiyadayda la ballansaday",
  "portal.booking.mineNone": "Ma haysid waqti la ballansaday.",
  "portal.booking.when": "{date} saacadda {time}–{end}",
  "portal.booking.whenShort": "{date} saacadda {time}",
  "portal.booking.onSite": "Goobta: {place}",
  "portal.booking.video": "Kulan fiidiyow",
  "portal.booking.videoLink": "Fur linkiga kulanka fiidiyowga",
  "portal.booking.cancel": "Jooji ballanta",
  "portal.booking.change": "Beddel waqtiga",
  "portal.booking.available": "Waqtiyada aad ballansan karto",
  "portal.booking.availableIntro": "Dooro maalin. Kadib dooro waqti.",
  "portal.booking.availableNone":
    "Hadda ma jiraan waqtiyo bannaan. Mar kale eeg goor dambe ama weydii tababarahaaga.",
  "portal.booking.kind.studiecoach": "Tababare waxbarasho",
  "portal.booking.kind.specialpedagog": "Macallin waxbarasho gaar ah",
  "portal.booking.kind.kurator": "La-taliye bulsho",
  "portal.booking.kind.studieplats": "Meel wax lagu barto",
  "portal.booking.freeCount":
    "{count, plural, =0 {Waqti bannaan ma jiro} one {# waqti bannaan} other {# waqtiyo bannaan}}",
  "portal.booking.hours": "saacadda {opens}–{closes}",
  "portal.booking.choose": "Dooro waqti",
  "portal.booking.rebooking":
    "Waxaad beddelaysaa waqtigaaga. Waqtigaagii hore waa {date} saacadda {time}. Waqtiga hore wuu sii jirayaa ilaa aad dooratid mid cusub.",
  "portal.booking.times.title": "Dooro waqti",
  "portal.booking.times.legend": "Waqtiyada bannaan {date}",
  "portal.booking.times.none": "Maalintan ma jiraan waqtiyo bannaan. Dooro maalin kale.",
  "portal.booking.times.placesLeft":
    "{count, plural, one {# meel ayaa hartay} other {# meelood ayaa haray}}",
  "portal.booking.times.minutes": "{count, plural, one {# daqiiqo} other {# daqiiqo}}",
  "portal.booking.times.submit": "Ballanso waqtigan",
  "portal.booking.times.submitRebook": "U beddel waqtigan",
  "portal.booking.times.back": "Ku noqo dhammaan waqtiyada",
  "portal.booking.times.gone":
    "Waqtiyadan lama heli karo mar dambe. Waxaa laga yaabaa in la joojiyay. Ku noqo oo dooro maalin kale.",
  "portal.booking.detail.title": "Ballantaada",
  "portal.booking.detail.status": "Xaaladda: {status}",
  "portal.booking.status.bokad": "La ballansaday",
  "portal.booking.status.avbokad": "La joojiyay",
  "portal.booking.status.genomford": "Waad timid",
  "portal.booking.status.uteblev": "Ma aadan iman",
  "portal.booking.detail.cancelQuestion": "Ma rabtaa inaad joojiso ballanta?",
  "portal.booking.detail.cancelHint": "Haddii aad joojiso, qof kale ayaa ballansan kara waqtiga.",
  "portal.booking.detail.cancelConfirm": "Haa, jooji ballanta",
  "portal.booking.detail.keep": "Maya, hay ballanta",
  "portal.booking.detail.tooLate": "Waqtigu wuu bilaabmay. Halkan kama joojin kartid.",
  "portal.booking.detail.notFound": "Ma helno ballanta.",
  "portal.booking.back": "Ku noqo Ballanta",
  "portal.booking.notice.booked": "Waxaad ballansatay {title}, {date} saacadda {time}.",
  "portal.booking.notice.rebooked":
    "Waad beddeshay waqtigaaga. Waqtigaaga cusub waa {date} saacadda {time}.",
  "portal.booking.notice.cancelled": "Ballanta waa la joojiyay.",
  "portal.booking.notice.message": "Waxaad sidoo kale heli doontaa fariin ku saabsan.",
  "portal.booking.error.title": "Ma suurtoobin",
  "portal.booking.error.past": "Waqtigaas wuu dhaafay. Dooro waqti dambe.",
  "portal.booking.error.outsideHours":
    "Waqtigaas lama ballansan karo. Wuxuu ka baxsan yahay saacadaha furan. Dooro mid ka mid ah waqtiyada liiska ku jira.",
  "portal.booking.error.cancelled": "Waqtiyadan waa la joojiyay. Dooro maalin kale.",
  "portal.booking.error.full": "Qof kale ayaa kaa horreeyay oo ballansaday. Dooro waqti kale.",
  "portal.booking.error.alreadyBooked":
    "Waqtigaas waxaad horey u haysataa ballan. Dooro waqti kale ama beddel waqtiga aad haysato.",
  "portal.booking.error.notFound": "Ma helno waqtiga. Ku noqo oo mar kale dooro.",
  "portal.booking.error.started": "Waqtigu wuu bilaabmay. Ma joojin kartid mana beddeli kartid.",
  "portal.booking.error.notBooked": "Ballantan horey ayaa loo joojiyay.",
  "portal.booking.error.noTime": "Liiska ka dooro waqti. Kadib riix badhanka.",
  "portal.booking.error.oldKept": "Waqtigaagii hore wuu kuu jiraa weli.",
  "portal.booking.message.where.onSite": "Goobta: {place}.",
  "portal.booking.message.where.video": "Kulan fiidiyow: {place}",
  "portal.booking.message.booked.subject": "Waqtigaaga waa la ballansaday",
  "portal.booking.message.booked.body":
    "Salaan! Waxaad ballansatay {title}, {date} saacadda {time}. {where} Ma iman kartid? Ku jooji bogga.",
  "portal.booking.message.rebooked.subject": "Waad beddeshay waqtigaaga",
  "portal.booking.message.rebooked.body":
    "Salaan! Waqtigaaga cusub waa {title}, {date} saacadda {time}. {where} Waqtigii hore waa la joojiyay.",
  "portal.booking.message.cancelled.subject": "Waqtigaaga waa la joojiyay",
  "portal.booking.message.cancelled.body":
    "Salaan! Waad joojisay waqtigaaga {date} saacadda {time} ({title}). Waqti cusub waxaad ka ballansan kartaa bogga.",
  "portal.booking.message.withdrawn.subject": "Waqtigaaga waan joojinnay",
  "portal.booking.message.withdrawn.body":
    "Salaan! Waqtigaaga {date} saacadda {time} ({title}) waa la joojiyay. Waan ka xunnahay. Ka ballanso waqti cusub bogga.",
  "portal.booking.message.reminder.subject": "Xusuusin waqtigaaga",
  "portal.booking.message.reminder.body":
    "Salaan! Xusuuso waqtigaaga {date} saacadda {time}: {title}. {where} Ma iman kartid? Ku jooji bogga.",
};
