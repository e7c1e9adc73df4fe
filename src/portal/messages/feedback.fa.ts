// Dari texts of the portal: Tyck till: the short check and the exit survey. Written in plain
// language; every key of the Swedish catalogue, no other.
import type { feedbackSv } from "./feedback.sv.ts";

export const feedbackFa: Record<keyof typeof feedbackSv, string> = {
  "portal.feedback.title": "نظر شما",
  "portal.feedback.intro": "به ما بگویید چه فکر می‌کنید. این به ما کمک می‌کند بهتر شویم.",
  "portal.feedback.anonymous": "جواب‌های شما بی‌نام است. ما نمی‌بینیم چه کسی جواب داده است.",
  "portal.feedback.openTitle": "برای جواب دادن",
  "portal.feedback.none": "فعلاً چیزی برای جواب دادن ندارید. تشکر!",
  "portal.feedback.aboutMeeting": "درباره ملاقات با {who} {date}",
  "portal.feedback.aboutChapter": "درباره فصل",
  "portal.feedback.exit": "پرسشنامه آخر",
  "portal.feedback.exitHint":
    "سوال‌هایی درباره تمام وقت شما با ما. وقتی تمام کردید یا نزدیک به تمام شدن هستید جواب بدهید.",
  "portal.feedback.answer": "جواب بدهید",
  "portal.feedback.back": "برگشت به نظر شما",
  "portal.feedback.inSwedish": "سوال‌ها هنوز به زبان شما نیست. به زبان سویدنی است.",
  "portal.feedback.optional": "لازم نیست به همه سوال‌ها جواب بدهید.",
  "portal.feedback.scaleHint": "یک عدد از 1 تا 5 انتخاب کنید.",
  "portal.feedback.freeHint": "حداکثر {max} حرف بنویسید. نام دیگران را ننویسید.",
  "portal.feedback.send": "بفرستید",
  "portal.feedback.skip": "رد شوید",
  "portal.feedback.skipHint": "نمی‌خواهید جواب بدهید؟ رد شوید را فشار دهید. بعد دوباره نمی‌پرسیم.",
  "portal.feedback.thanks": "از جواب شما تشکر!",
  "portal.feedback.skipped": "خوب است. دیگر درباره آن نمی‌پرسیم.",
  "portal.feedback.already": "شما قبلاً جواب داده‌اید. تشکر!",
  "portal.feedback.notFound": "اینجا سوالی برای جواب دادن نیست.",
  "portal.feedback.error.title": "چیزی باید درست شود",
  "portal.feedback.error.scale": "یک عدد از 1 تا 5 انتخاب کنید، یا سوال را خالی بگذارید.",
  "portal.feedback.error.tooLong": "جواب خیلی طولانی است. حداکثر {max} حرف بنویسید.",
  "portal.feedback.error.empty": "حداقل به یک سوال جواب بدهید، یا رد شوید را فشار دهید.",
};
