// Dari texts of the portal: Stöd: the support guides. Written for the purpose in plain language,
// not translated word for word; every key of the Swedish catalogue, no other.
import type { supportSv } from "./support.sv.ts";

export const supportFa: Record<keyof typeof supportSv, string> = {
  "portal.support.title": "کمک",
  "portal.support.intro":
    "اینجا رهنمودهای کوتاه هست. این‌ها در کار با کمپیوتر، جلسه‌های ویدیویی، درس خواندن و زبان سویدنی به شما کمک می‌کنند.",
  "portal.support.category.digitalt": "کمپیوتر و موبایل",
  "portal.support.category.videomote": "جلسه‌های ویدیویی",
  "portal.support.category.matematik": "ریاضی",
  "portal.support.category.svenska": "زبان سویدنی",
  "portal.support.category.studieteknik": "روش درس خواندن",
  "portal.support.category.ovrigt": "موضوعات دیگر",
  "portal.support.onlySwedish": "فقط به سویدنی موجود است",
  "portal.support.none": "هنوز اینجا رهنمودی نیست. اگر به کمک نیاز دارید، از مربی خود بپرسید.",
  "portal.support.inSwedish": "به سویدنی",
  "portal.support.backToList": "برگشت به کمک",
  "portal.support.notFound": "این رهنمود وجود ندارد. شاید حذف شده باشد.",
  "portal.support.askCoach": "سوال دیگری دارید؟ از مربی خود بپرسید.",
};
