// Somali texts of the portal: Min plan. Written for the purpose in plain language,
// not translated word for word; every key of the Swedish catalogue, no other.
import type { planSv } from "./plan.sv.ts";

export const planSo: Record<keyof typeof planSv, string> = {
  "portal.plan.title": "Qorshahayga",
  "portal.plan.intro":
    "Halkan waxaad ku aragtaa tallaabooyinka qorshahaaga. Adiga iyo tababarahaagu ayaa qorshaha wada samaynaya.",
  "portal.plan.now": "Waxa hadda dhacaya",
  "portal.plan.nothingNow": "Hadda ma haysatid waqti la qabsaday iyo tallaabo taariikh leh midna.",
  "portal.plan.nextBooking": "Waqtigaaga xiga",
  "portal.plan.bookingWhen": "{date} saacadda {time}",
  "portal.plan.bookingPlace": "Goobta:",
  "portal.plan.bookingVideo": "Kulan fiidiyow ah. Fur linkiga marka waqtigu yimaado:",
  "portal.plan.bookingOpen": "Arag ama beddel waqtiga",
  "portal.plan.nextStep": "Tallaabada xigta ee la samaynayo",
  "portal.plan.stepOverdue":
    "Taariikhdii way dhaaftay. La hadal tababarahaaga haddii aad u baahan tahay waqti dheeraad ah.",
  "portal.plan.nextMeasurement": "Is-qiimayn",
  "portal.plan.measurementComing":
    "Adiga iyo tababarahaagu waxaad samaynaysaan is-qiimayn. Waxaad ka jawaabaysaa su'aalo ku saabsan sida aad tahay. Waa in la sameeyaa qiyaastii {date}.",
  "portal.plan.measurementNow":
    "Waa waqtigii is-qiimaynta. Waxaad ka jawaabaysaa su'aalo ku saabsan sida aad tahay. La hadal tababarahaaga.",
  "portal.plan.measurementForm": "Su'aalaha magacoodu waa:",
  "portal.plan.book": "Qabso waqti",
  "portal.plan.steps": "Tallaabooyinka qorshahayga",
  "portal.plan.stepsFor": "Qorshaha {initiative}",
  "portal.plan.organisation": "{organisation} ayaa mas'uul ka ah qorshaha.",
  "portal.plan.count":
    "{count, plural, one {Qorshuhu wuxuu leeyahay # tallaabo.} other {Qorshuhu wuxuu leeyahay # tallaabo.}} {done, plural, one {# waa la dhammeeyey.} other {# waa la dhammeeyey.}}",
  "portal.plan.written":
    "Tababarahaaga ayaa qora tallaabooyinka. Waxaa laga yaabaa in lagu qoray af Iswiidhish.",
  "portal.plan.empty":
    "Qorshahaagu weli ma laha tallaabooyin. Tababarahaagu wuxuu qorayaa tallaabooyinka markaad wada hadashaan kadib.",
  "portal.plan.noPlan": "Weli halkan qorshe kuma lihid. Weydii tababarahaaga.",
  "portal.plan.stepNumber": "Tallaabada {number}",
  "portal.plan.due": "Waa in la dhammeeyaa ugu dambayn {date}",
  "portal.plan.status.klar": "Waa dhammaatay",
  "portal.plan.status.pagar": "Waa socotaa",
  "portal.plan.status.planerad": "Waa la qorsheeyey",
  "portal.plan.questions": "Ma qabtaa su'aalo ku saabsan qorshahaaga? La hadal tababarahaaga.",
};
