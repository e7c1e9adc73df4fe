// Arabic texts of the portal: Tyck till: the short check and the exit survey. Written in plain
// language; every key of the Swedish catalogue, no other.
import type { feedbackSv } from "./feedback.sv.ts";

export const feedbackAr: Record<keyof typeof feedbackSv, string> = {
  "portal.feedback.title": "رأيك",
  "portal.feedback.intro": "أخبرنا برأيك. هذا يساعدنا على أن نصبح أفضل.",
  "portal.feedback.anonymous": "إجاباتك مجهولة. نحن لا نرى من أجاب.",
  "portal.feedback.openTitle": "أسئلة تنتظر إجابتك",
  "portal.feedback.none": "لا يوجد شيء لتجيب عليه الآن. شكرًا!",
  "portal.feedback.aboutMeeting": "عن الاجتماع مع {who} {date}",
  "portal.feedback.aboutChapter": "عن الفصل",
  "portal.feedback.exit": "الاستبيان الختامي",
  "portal.feedback.exitHint": "أسئلة عن كل وقتك معنا. أجب عندما تنتهي أو تقترب من النهاية.",
  "portal.feedback.answer": "أجب",
  "portal.feedback.back": "العودة إلى رأيك",
  "portal.feedback.inSwedish": "الأسئلة غير متوفرة بلغتك بعد. هي باللغة السويدية.",
  "portal.feedback.optional": "لا يجب عليك الإجابة على كل الأسئلة.",
  "portal.feedback.scaleHint": "اختر رقمًا من 1 إلى 5.",
  "portal.feedback.freeHint": "اكتب {max} حرف على الأكثر. لا تكتب أسماء أشخاص آخرين.",
  "portal.feedback.send": "أرسل",
  "portal.feedback.skip": "تخطَّ",
  "portal.feedback.skipHint": "لا تريد أن تجيب؟ اضغط على تخطَّ. عندها لن نسألك مرة أخرى.",
  "portal.feedback.thanks": "شكرًا على إجابتك!",
  "portal.feedback.skipped": "لا بأس. لن نسألك عن ذلك مرة أخرى.",
  "portal.feedback.already": "لقد أجبت من قبل. شكرًا!",
  "portal.feedback.notFound": "لا يوجد سؤال للإجابة عليه هنا.",
  "portal.feedback.error.title": "يجب تصحيح شيء",
  "portal.feedback.error.scale": "اختر رقمًا من 1 إلى 5، أو اترك السؤال فارغًا.",
  "portal.feedback.error.tooLong": "الإجابة طويلة جدًا. اكتب {max} حرف على الأكثر.",
  "portal.feedback.error.empty": "أجب على سؤال واحد على الأقل، أو اضغط على تخطَّ.",
};
