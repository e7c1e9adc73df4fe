// Arabic texts of the portal: signing in with a code or e-ID, signing out, the settings page and
// the message that carries a code. Written for the purpose in plain language, not translated word
// for word; every key of the Swedish catalogue, no other.
import type { signInSv } from "./sign-in.sv.ts";

export const signInAr: Record<keyof typeof signInSv, string> = {
  "portal.signIn.title": "تسجيل الدخول",
  "portal.signIn.intro": "اكتب الرمز الذي حصلت عليه منّا.",
  "portal.signIn.codeLabel": "رمزك",
  "portal.signIn.codeHint": "الرمز فيه 8 أحرف، مثلًا ABCD-EFGH. يمكنك أن تكتب بأحرف كبيرة أو صغيرة.",
  "portal.signIn.submit": "تسجيل الدخول",
  "portal.signIn.errorTitle": "لم ينجح تسجيل الدخول",
  "portal.signIn.error.empty": "اكتب رمزك في المربع.",
  "portal.signIn.error.unknown":
    "لا نجد هذا الرمز. انظر إلى الرمز مرة أخرى واكتبه من جديد. اسأل مدرّبك إذا لم ينجح.",
  "portal.signIn.error.expired":
    "الرمز قديم جدًا. الرمز يعمل 14 يومًا فقط. اطلب رمزًا جديدًا من مدرّبك.",
  "portal.signIn.error.used":
    "هذا الرمز استُخدم من قبل. الرمز يعمل مرة واحدة فقط. اطلب رمزًا جديدًا من مدرّبك.",
  "portal.signIn.error.revoked":
    "هذا الرمز لم يعد يعمل. حصلت على رمز أحدث، أو حسابك مغلق. استخدم الرمز الجديد أو اسأل مدرّبك.",
  "portal.signIn.error.throttled":
    "حاولت مرات كثيرة جدًا. انتظر {minutes, plural, zero {# دقيقة} one {دقيقة واحدة} two {دقيقتين} few {# دقائق} many {# دقيقة} other {# دقيقة}} ثم حاول مرة أخرى.",
  "portal.signIn.sessionEnded": "تم تسجيل خروجك لأنك لم تفعل شيئًا لبعض الوقت. سجّل الدخول مرة أخرى.",
  "portal.signIn.signedOut":
    "لقد سجّلت الخروج. أغلق المتصفح إذا كان أشخاص آخرون يستخدمون هذا الكمبيوتر.",
  "portal.signIn.closed": "حسابك في البوابة مغلق. اسأل مدرّبك إذا كنت تحتاجه.",
  "portal.signIn.eidHeading": "تسجيل الدخول بالهوية الإلكترونية",
  "portal.signIn.eidIntro": "هل عندك BankID أو هوية إلكترونية أخرى؟ إذن يمكنك أن تسجّل الدخول بها.",
  "portal.signIn.noCodeHeading": "ليس عندك رمز؟",
  "portal.signIn.noCodeText": "اسأل مدرّبك أو شخصًا آخر تلتقي به عندنا. يمكنهم أن يعطوك رمزًا.",
  "portal.signIn.message.subject": "رمزك لتسجيل الدخول",
  "portal.signIn.message.email":
    "مرحبًا!\n\nهذا رمزك لتسجيل الدخول: {code}\n\nاذهب إلى {url} واكتب الرمز.\nالرمز يعمل حتى {date}. يعمل مرة واحدة فقط.\n\nألم تطلب رمزًا؟ إذن لا تحتاج أن تفعل شيئًا.",
  "portal.signIn.message.sms":
    "رمزك لتسجيل الدخول: {code}. اذهب إلى {url} واكتب الرمز. يعمل حتى {date}.",
  "portal.signIn.print.title": "رمزك لتسجيل الدخول",
  "portal.signIn.print.step1": "اذهب إلى {url}",
  "portal.signIn.print.step2": "اكتب الرمز: {code}",
  "portal.signIn.print.step3": "الرمز يعمل حتى {date}. يعمل مرة واحدة فقط.",
  "portal.signIn.print.step4": "سجّل الخروج دائمًا عندما تنتهي.",
  "portal.settings.languageHeading": "اللغة",
  "portal.settings.language": "لغتي",
  "portal.settings.saveLanguage": "احفظ اللغة",
  "portal.settings.swedishTooHeading": "السويدية أيضًا",
  "portal.settings.swedishTooText": "هل تتعلّم السويدية؟ يمكنك أن ترى النص بالسويدية تحت لغتك.",
  "portal.settings.swedishTooYes": "نعم، اعرض السويدية أيضًا",
  "portal.settings.swedishTooNo": "لا، اعرض لغتي فقط",
  "portal.settings.saveSwedishToo": "احفظ",
  "portal.settings.contactHeading": "التذكيرات",
  "portal.settings.contactIntro":
    "يمكننا أن نذكّرك قبل موعدك معنا. نستخدم بريدك الإلكتروني ورقم جوالك فقط للتذكيرات والرموز.",
  "portal.settings.email": "البريد الإلكتروني",
  "portal.settings.emailHint": "مثلًا name@example.se. يمكنك أن تترك المربع فارغًا.",
  "portal.settings.phone": "رقم الجوال",
  "portal.settings.phoneHint": "مثلًا 070-123 45 67. يمكنك أن تترك المربع فارغًا.",
  "portal.settings.reminders": "كيف تريد أن تصلك التذكيرات؟",
  "portal.settings.reminders.epost": "بالبريد الإلكتروني",
  "portal.settings.reminders.sms": "برسالة نصية (SMS)",
  "portal.settings.reminders.ingen": "لا أريد تذكيرات",
  "portal.settings.saveContact": "احفظ",
  "portal.settings.errorTitle": "لم ينجح الحفظ",
  "portal.settings.error.emailFormat": "اكتب البريد الإلكتروني هكذا: name@example.se.",
  "portal.settings.error.phoneFormat": "اكتب رقم الجوال بالأرقام، مثلًا 070-123 45 67.",
  "portal.settings.error.remindersChoice": "اختر كيف تريد أن تصلك التذكيرات.",
  "portal.settings.error.remindersNeedEmail":
    "اكتب بريدك الإلكتروني إذا كنت تريد التذكيرات بالبريد الإلكتروني.",
  "portal.settings.error.remindersNeedPhone": "اكتب رقم جوالك إذا كنت تريد التذكيرات برسالة نصية.",
  "portal.settings.error.conflict": "تغيّرت بياناتك للتو في مكان آخر. انظر إليها واحفظ مرة أخرى.",
};
