// Arabic texts of the portal: Stöd: the support guides. Written for the purpose in plain language,
// not translated word for word; every key of the Swedish catalogue, no other.
import type { supportSv } from "./support.sv.ts";

export const supportAr: Record<keyof typeof supportSv, string> = {
  "portal.support.title": "الدعم",
  "portal.support.intro":
    "هنا تجد أدلة قصيرة. تساعدك في استخدام الكمبيوتر واجتماعات الفيديو والدراسة واللغة السويدية.",
  "portal.support.category.digitalt": "الكمبيوتر والهاتف",
  "portal.support.category.videomote": "اجتماعات الفيديو",
  "portal.support.category.matematik": "الرياضيات",
  "portal.support.category.svenska": "اللغة السويدية",
  "portal.support.category.studieteknik": "كيف تدرس",
  "portal.support.category.ovrigt": "مواضيع أخرى",
  "portal.support.onlySwedish": "متوفر بالسويدية فقط",
  "portal.support.none": "لا توجد أدلة هنا بعد. اسأل مرشدك إذا كنت تحتاج إلى مساعدة.",
  "portal.support.inSwedish": "بالسويدية",
  "portal.support.backToList": "رجوع إلى الدعم",
  "portal.support.notFound": "هذا الدليل غير موجود. ربما تم حذفه.",
  "portal.support.askCoach": "هل لديك أسئلة أخرى؟ اسأل مرشدك.",
};
