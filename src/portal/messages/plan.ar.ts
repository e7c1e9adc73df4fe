// Arabic texts of the portal: Min plan. Written for the purpose in plain language,
// not translated word for word; every key of the Swedish catalogue, no other.
import type { planSv } from "./plan.sv.ts";

export const planAr: Record<keyof typeof planSv, string> = {
  "portal.plan.title": "خطتي",
  "portal.plan.intro": "هنا ترى خطوات خطتك. أنت ومدربك تضعان الخطة معًا.",
  "portal.plan.now": "ما يحدث الآن",
  "portal.plan.nothingNow": "ليس لديك الآن أي موعد محجوز ولا أي خطوة لها تاريخ.",
  "portal.plan.nextBooking": "موعدك القادم",
  "portal.plan.bookingWhen": "{date} الساعة {time}",
  "portal.plan.bookingPlace": "المكان:",
  "portal.plan.bookingVideo": "لقاء بالفيديو. افتح الرابط عندما يحين الوقت:",
  "portal.plan.bookingOpen": "اعرض الموعد أو غيّره",
  "portal.plan.nextStep": "الخطوة التالية",
  "portal.plan.stepOverdue": "لقد مرّ التاريخ. تحدّث مع مدربك إذا كنت تحتاج إلى وقت أطول.",
  "portal.plan.nextMeasurement": "التقييم الذاتي",
  "portal.plan.measurementComing":
    "ستقوم أنت ومدربك بتقييم ذاتي. تجيب فيه عن أسئلة عن حالك. يجب أن يتم ذلك في حوالي {date}.",
  "portal.plan.measurementNow": "حان وقت التقييم الذاتي. تجيب فيه عن أسئلة عن حالك. تحدّث مع مدربك.",
  "portal.plan.measurementForm": "اسم الأسئلة:",
  "portal.plan.book": "احجز موعدًا",
  "portal.plan.steps": "خطوات خطتي",
  "portal.plan.stepsFor": "الخطة في {initiative}",
  "portal.plan.organisation": "{organisation} هي المسؤولة عن الخطة.",
  "portal.plan.count":
    "{count, plural, zero {لا توجد خطوات في الخطة.} one {في الخطة خطوة واحدة.} two {في الخطة خطوتان.} few {في الخطة # خطوات.} many {في الخطة # خطوة.} other {في الخطة # خطوة.}} {done, plural, zero {لم تنتهِ أي خطوة بعد.} one {انتهت خطوة واحدة.} two {انتهت خطوتان.} few {انتهت # خطوات.} many {انتهت # خطوة.} other {انتهت # خطوة.}}",
  "portal.plan.written": "مدربك يكتب الخطوات. قد تكون مكتوبة باللغة السويدية.",
  "portal.plan.empty": "لا توجد خطوات في خطتك بعد. يكتب مدربك الخطوات بعد أن تتحدثا.",
  "portal.plan.noPlan": "ليس لديك خطة هنا بعد. اسأل مدربك.",
  "portal.plan.stepNumber": "الخطوة {number}",
  "portal.plan.due": "تنتهي قبل {date}",
  "portal.plan.status.klar": "انتهت",
  "portal.plan.status.pagar": "جارية",
  "portal.plan.status.planerad": "مخطط لها",
  "portal.plan.questions": "هل لديك أسئلة عن خطتك؟ تحدّث مع مدربك.",
};
