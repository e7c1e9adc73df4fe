// Dari texts of the portal: Min plan. Written for the purpose in plain language,
// not translated word for word; every key of the Swedish catalogue, no other.
import type { planSv } from "./plan.sv.ts";

export const planFa: Record<keyof typeof planSv, string> = {
  "portal.plan.title": "پلان من",
  "portal.plan.intro": "اینجا قدم‌های پلان خود را می‌بینید. شما و مربی‌تان پلان را با هم می‌سازید.",
  "portal.plan.now": "حالا چه می‌شود",
  "portal.plan.nothingNow": "فعلاً هیچ وقت گرفته‌شده و هیچ قدمی با تاریخ ندارید.",
  "portal.plan.nextBooking": "وقت بعدی شما",
  "portal.plan.bookingWhen": "{date} ساعت {time}",
  "portal.plan.bookingPlace": "جای:",
  "portal.plan.bookingVideo": "جلسهٔ ویدیویی. وقتی زمانش رسید لینک را باز کنید:",
  "portal.plan.bookingOpen": "وقت را ببینید یا تغییر دهید",
  "portal.plan.nextStep": "قدم بعدی که باید انجام شود",
  "portal.plan.stepOverdue": "تاریخ گذشته است. اگر وقت بیشتر لازم دارید با مربی‌تان صحبت کنید.",
  "portal.plan.nextMeasurement": "ارزیابی خود",
  "portal.plan.measurementComing":
    "شما و مربی‌تان یک ارزیابی خود انجام می‌دهید. در آن به سوال‌هایی دربارهٔ حال خود جواب می‌دهید. باید حدود {date} انجام شود.",
  "portal.plan.measurementNow":
    "وقت ارزیابی خود رسیده است. در آن به سوال‌هایی دربارهٔ حال خود جواب می‌دهید. با مربی‌تان صحبت کنید.",
  "portal.plan.measurementForm": "نام سوال‌ها:",
  "portal.plan.book": "گرفتن وقت",
  "portal.plan.steps": "قدم‌های پلان من",
  "portal.plan.stepsFor": "پلان برای {initiative}",
  "portal.plan.organisation": "{organisation} مسئول پلان است.",
  "portal.plan.count":
    "{count, plural, one {پلان # قدم دارد.} other {پلان # قدم دارد.}} {done, plural, one {# قدم تمام شده است.} other {# قدم تمام شده است.}}",
  "portal.plan.written": "مربی شما قدم‌ها را می‌نویسد. ممکن است به سویدنی نوشته شده باشند.",
  "portal.plan.empty": "پلان شما هنوز قدمی ندارد. مربی شما بعد از صحبت‌تان قدم‌ها را می‌نویسد.",
  "portal.plan.noPlan": "هنوز اینجا پلانی ندارید. از مربی‌تان بپرسید.",
  "portal.plan.stepNumber": "قدم {number}",
  "portal.plan.due": "تا {date} تمام شود",
  "portal.plan.status.klar": "تمام شد",
  "portal.plan.status.pagar": "در جریان است",
  "portal.plan.status.planerad": "پلان شده",
  "portal.plan.questions": "دربارهٔ پلان خود سوال دارید؟ با مربی‌تان صحبت کنید.",
};
