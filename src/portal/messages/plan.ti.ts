// Tigrinya texts of the portal: Min plan. Written for the purpose in plain language,
// not translated word for word; every key of the Swedish catalogue, no other.
import type { planSv } from "./plan.sv.ts";

export const planTi: Record<keyof typeof planSv, string> = {
  "portal.plan.title": "መደበይ",
  "portal.plan.intro": "ኣብዚ ስጉምትታት መደብኩም ትርእዩ። ንስኹምን ኣሰልጣኒኹምን ነቲ መደብ ብሓባር ትገብሩዎ።",
  "portal.plan.now": "ሕጂ ዝኸውን",
  "portal.plan.nothingNow": "ሕጂ ዝተሓዘ ቆጸራን ዕለት ዘለዎ ስጉምትን የብልኩምን።",
  "portal.plan.nextBooking": "ዝቕጽል ቆጸራኹም",
  "portal.plan.bookingWhen": "{date} ሰዓት {time}",
  "portal.plan.bookingPlace": "ቦታ፦",
  "portal.plan.bookingVideo": "ብቪድዮ ዝግበር ርክብ። ግዜኡ ምስ በጽሐ ነቲ ሊንክ ክፈቱዎ፦",
  "portal.plan.bookingOpen": "ነቲ ቆጸራ ርአዩ ወይ ቀይሩ",
  "portal.plan.nextStep": "ዝቕጽል ክግበር ዘለዎ ስጉምቲ",
  "portal.plan.stepOverdue": "እቲ ዕለት ሓሊፉ እዩ። ተወሳኺ ግዜ እንተድሊኹም ምስ ኣሰልጣኒኹም ተዘራረቡ።",
  "portal.plan.nextMeasurement": "ርእሰ-ገምጋም",
  "portal.plan.measurementComing":
    "ንስኹምን ኣሰልጣኒኹምን ርእሰ-ገምጋም ክትገብሩ ኢኹም። ብዛዕባ ኩነታትኩም ንዝቐርቡ ሕቶታት ትምልሱ። ኣብ ከባቢ {date} ክግበር ኣለዎ።",
  "portal.plan.measurementNow":
    "ናይ ርእሰ-ገምጋም ግዜ በጺሑ። ብዛዕባ ኩነታትኩም ንዝቐርቡ ሕቶታት ትምልሱ። ምስ ኣሰልጣኒኹም ተዘራረቡ።",
  "portal.plan.measurementForm": "ሽም እቶም ሕቶታት፦",
  "portal.plan.book": "ቆጸራ ሓዝ",
  "portal.plan.steps": "ስጉምትታት መደበይ",
  "portal.plan.stepsFor": "መደብ ን{initiative}",
  "portal.plan.organisation": "{organisation} ንመደብ ሓላፍነት ይወስድ።",
  "portal.plan.count":
    "{count, plural, one {እቲ መደብ # ስጉምቲ ኣለዎ።} other {እቲ መደብ # ስጉምትታት ኣለዎ።}} {done, plural, one {# ተዛዚሙ።} other {# ተዛዚሞም።}}",
  "portal.plan.written": "ነቶም ስጉምትታት ኣሰልጣኒኹም እዩ ዝጽሕፎም። ብሽወደንኛ ተጻሒፎም ክኾኑ ይኽእሉ።",
  "portal.plan.empty": "መደብኩም ገና ስጉምትታት የብሉን። ኣሰልጣኒኹም ድሕሪ ምዝርራብኩም ነቶም ስጉምትታት ይጽሕፎም።",
  "portal.plan.noPlan": "ኣብዚ ገና መደብ የብልኩምን። ንኣሰልጣኒኹም ሕተቱ።",
  "portal.plan.stepNumber": "ስጉምቲ {number}",
  "portal.plan.due": "ክሳብ {date} ክዛዘም ኣለዎ",
  "portal.plan.status.klar": "ተዛዚሙ",
  "portal.plan.status.pagar": "ይቕጽል ኣሎ",
  "portal.plan.status.planerad": "ተመዲቡ",
  "portal.plan.questions": "ብዛዕባ መደብኩም ሕቶ ኣለኩም ድዩ? ምስ ኣሰልጣኒኹም ተዘራረቡ።",
};
