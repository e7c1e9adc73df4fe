// Arabic texts of the portal: the accessibility statement and reporting a problem. Written for the purpose in plain language,
// not translated word for word; every key of the Swedish catalogue, no other.
import type { accessibilitySv } from "./accessibility.sv.ts";

export const accessibilityAr: Record<keyof typeof accessibilitySv, string> = {
  "portal.accessibility.title": "سهولة الاستخدام",
  "portal.accessibility.intro":
    "يجب أن يستطيع الجميع استخدام Samspår. هنا نخبرك بما يعمل جيدًا وما لا يعمل بعد. القانون السويدي للخدمات الرقمية العامة (DOS-lagen) يطلب منا أن نخبرك بذلك.",
  "portal.accessibility.coversTitle": "على ماذا ينطبق هذا النص؟",
  "portal.accessibility.covers":
    "ينطبق هذا النص على صفحات المشاركين في Samspår. هناك ترى خطتك، وتحجز المواعيد، وتقرأ الأدلة، وترى بياناتك. اتحاد التنسيق (samordningsförbund) الذي تشارك من خلاله هو المسؤول عن هذه الصفحات.",
  "portal.accessibility.statusTitle": "إلى أي حد تعمل الصفحات جيدًا؟",
  "portal.accessibility.status":
    "الصفحات تتبع قواعد سهولة الاستخدام بشكل جزئي (WCAG 2.1 المستوى AA، والمعيار EN 301 549). معظم الأشياء تعمل. ما لا يعمل بعد مكتوب في الأسفل.",
  "portal.accessibility.problemsTitle": "هذه الأشياء لا تعمل بعد",
  "portal.accessibility.problemPdfScript":
    "الاستمارة الورقية للقياسات (ملف PDF) لا تحتوي على الكتابة العربية أو التغرينية أو الدرية. الأسئلة فيها بالسويدية أو الإنجليزية. اطلب من مرشدك أن يقرأ الأسئلة معك.",
  "portal.accessibility.problemPdfTags":
    "ملفات PDF غير مجهزة لقارئ الشاشة. هذا يشمل مثلًا الملف الذي فيه بياناتك. قد يقرأها قارئ الشاشة بترتيب خاطئ. نفس البيانات موجودة في صفحة «بياناتي» وفي ملف JSON.",
  "portal.accessibility.problemStaffText":
    "الموظفون يكتبون الأدلة والخطط. أحيانًا تكون بالسويدية فقط. عندها تجد ذلك مكتوبًا على الصفحة.",
  "portal.accessibility.testedTitle": "كيف اختبرنا الصفحات",
  "portal.accessibility.testedAxe":
    "برنامج اسمه axe يختبر الصفحات تلقائيًا في متصفح، بالسويدية والعربية.",
  "portal.accessibility.testedKeyboard": "اختبرنا أنه يمكن فعل كل شيء بلوحة المفاتيح فقط.",
  "portal.accessibility.testedNarrow":
    "اختبرنا الصفحات على شاشة ضيقة (320 بكسل) ومع تكبير النص إلى 200 %.",
  "portal.accessibility.testedScreenReader": "جرّبنا أجزاء من الصفحات مع قارئ الشاشة.",
  "portal.accessibility.testedNoJs": "الصفحات تعمل بدون JavaScript.",
  "portal.accessibility.updated": "آخر تحديث لهذا النص: {date}.",
  "portal.accessibility.reportTitle": "أبلغ عن مشكلة",
  "portal.accessibility.reportIntro":
    "هل هناك شيء لا يعمل معك؟ أخبرنا وسنصلحه. لا تحتاج إلى تسجيل الدخول.",
  "portal.accessibility.reportTo": "يصل بلاغك إلى {association}.",
  "portal.accessibility.reportToAll":
    "يصل البلاغ إلى كل اتحادات التنسيق (samordningsförbund) التي تستخدم Samspår هنا، لأننا لا نعرف إلى أي اتحاد تنتمي. لا تكتب عن نفسك شيئًا لا تريد أن يقرأوه. إذا سجّلت الدخول أولًا، يصل البلاغ إلى اتحادك فقط.",
  "portal.accessibility.pageLabel": "أين المشكلة؟",
  "portal.accessibility.pageHint": "اكتب اسم الصفحة أو ما أردت أن تفعله. مثلًا: حجز موعد.",
  "portal.accessibility.descriptionLabel": "ماذا حدث؟",
  "portal.accessibility.descriptionHint": "اكتب بكلماتك. يمكنك أن تكتب بلغتك.",
  "portal.accessibility.contactLabel": "كيف نتواصل معك؟ (إذا أردت)",
  "portal.accessibility.contactHint": "البريد الإلكتروني أو رقم الهاتف، إذا كنت تريد ردًا.",
  "portal.accessibility.send": "أرسل",
  "portal.accessibility.sent":
    "شكرًا! وصلتنا رسالتك. إذا كتبت كيف نتواصل معك، سنرد عليك في أقرب وقت.",
  "portal.accessibility.errorsTitle":
    "{count, plural, zero {لا يوجد شيء لتصحيحه} one {صحّح شيئًا واحدًا} two {صحّح شيئين} few {صحّح # أشياء} many {صحّح # شيئًا} other {صحّح # شيء}}",
  "portal.accessibility.error.page": "اكتب أين المشكلة.",
  "portal.accessibility.error.description": "اكتب ماذا حدث.",
  "portal.accessibility.error.tooLong": "النص طويل جدًا. اكتب {max} حرفًا على الأكثر.",
  "portal.accessibility.enforcementTitle": "إذا لم تكن راضيًا",
  "portal.accessibility.enforcement":
    "هيئة الإدارة الرقمية (Digg) تراقب تطبيق القانون. إذا لم تكن راضيًا عن طريقة تعاملنا مع رسالتك، يمكنك أن تشتكي إلى Digg.",
  "portal.accessibility.enforcementLink": "اشتكِ إلى Digg (digg.se)",
};
