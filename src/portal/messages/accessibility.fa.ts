// Dari texts of the portal: the accessibility statement and reporting a problem. Written for the purpose in plain language,
// not translated word for word; every key of the Swedish catalogue, no other.
import type { accessibilitySv } from "./accessibility.sv.ts";

export const accessibilityFa: Record<keyof typeof accessibilitySv, string> = {
  "portal.accessibility.title": "دسترسی آسان",
  "portal.accessibility.intro":
    "همه باید بتوانند از Samspår کار بگیرند. اینجا می‌گوییم چه چیزهایی خوب کار می‌کند و چه چیزهایی هنوز کار نمی‌کند. قانون سویدن دربارهٔ خدمات دیجیتال عامه (DOS-lagen) از ما می‌خواهد که این را بگوییم.",
  "portal.accessibility.coversTitle": "این متن دربارهٔ چیست؟",
  "portal.accessibility.covers":
    "این متن دربارهٔ صفحه‌های اشتراک‌کنندگان در Samspår است. در آنجا پلان خود را می‌بینید، وقت می‌گیرید، رهنمودها را می‌خوانید و معلومات خود را می‌بینید. انجمن هماهنگی (samordningsförbund) که از راه آن اشتراک می‌کنید، مسئول این صفحه‌ها است.",
  "portal.accessibility.statusTitle": "چقدر خوب کار می‌کند؟",
  "portal.accessibility.status":
    "صفحه‌ها تا اندازه‌ای قواعد دسترسی آسان را رعایت می‌کنند (WCAG 2.1 سطح AA، معیار EN 301 549). بیشتر چیزها کار می‌کند. چیزهایی که هنوز کار نمی‌کند پایین نوشته شده است.",
  "portal.accessibility.problemsTitle": "این چیزها هنوز کار نمی‌کند",
  "portal.accessibility.problemPdfScript":
    "فورم کاغذی اندازه‌گیری‌ها (فایل PDF) خط عربی، تیگرینیا یا دری ندارد. سوال‌ها در آن به سویدنی یا انگلیسی است. از مربی خود بخواهید که سوال‌ها را با شما بخواند.",
  "portal.accessibility.problemPdfTags":
    "فایل‌های PDF برای صفحه‌خوان آماده نشده‌اند. مثلاً فایلی که معلومات شما در آن است. صفحه‌خوان شاید آن‌ها را به ترتیب غلط بخواند. همین معلومات در صفحهٔ «معلومات من» و در یک فایل JSON هم هست.",
  "portal.accessibility.problemStaffText":
    "رهنمودها و پلان‌ها را کارمندان می‌نویسند. گاهی فقط به سویدنی هستند. آن وقت این در صفحه نوشته می‌شود.",
  "portal.accessibility.testedTitle": "چطور امتحان کردیم",
  "portal.accessibility.testedAxe":
    "برنامه‌ای به نام axe صفحه‌ها را خودکار در یک مرورگر امتحان می‌کند، به سویدنی و عربی.",
  "portal.accessibility.testedKeyboard": "امتحان کردیم که همه کارها فقط با کیبورد ممکن است.",
  "portal.accessibility.testedNarrow":
    "روی یک صفحهٔ باریک (320 پیکسل) و با متن بزرگ‌شده تا 200 % امتحان کردیم.",
  "portal.accessibility.testedScreenReader": "بخش‌هایی از صفحه‌ها را با صفحه‌خوان امتحان کردیم.",
  "portal.accessibility.testedNoJs": "صفحه‌ها بدون JavaScript کار می‌کنند.",
  "portal.accessibility.updated": "این متن آخرین بار در {date} تازه شد.",
  "portal.accessibility.reportTitle": "گزارش یک مشکل",
  "portal.accessibility.reportIntro":
    "چیزی برای شما کار نمی‌کند؟ به ما بگویید تا درستش کنیم. لازم نیست وارد شوید.",
  "portal.accessibility.reportTo": "گزارش شما به {association} می‌رود.",
  "portal.accessibility.reportToAll":
    "گزارش به همه اتحادیه‌های هماهنگی (samordningsförbund) که اینجا از Samspår استفاده می‌کنند می‌رود، چون ما نمی‌دانیم شما به کدام اتحادیه تعلق دارید. چیزی درباره خود ننویسید که نمی‌خواهید آن‌ها بخوانند. اگر اول وارد شوید، گزارش فقط به اتحادیه شما می‌رود.",
  "portal.accessibility.pageLabel": "مشکل کجاست؟",
  "portal.accessibility.pageHint":
    "نام صفحه یا کاری را که می‌خواستید بکنید بنویسید. مثلاً: گرفتن وقت.",
  "portal.accessibility.descriptionLabel": "چه شد؟",
  "portal.accessibility.descriptionHint": "با کلمات خود بنویسید. می‌توانید به زبان خود بنویسید.",
  "portal.accessibility.contactLabel": "چطور با شما تماس بگیریم؟ (اگر می‌خواهید)",
  "portal.accessibility.contactHint": "ایمیل یا شمارهٔ تیلفون، اگر جواب می‌خواهید.",
  "portal.accessibility.send": "فرستادن",
  "portal.accessibility.sent":
    "تشکر! پیام شما به ما رسید. اگر نوشتید چطور با شما تماس بگیریم، هر چه زودتر جواب می‌دهیم.",
  "portal.accessibility.errorsTitle":
    "{count, plural, one {# چیز را درست کنید} other {# چیز را درست کنید}}",
  "portal.accessibility.error.page": "بنویسید مشکل کجاست.",
  "portal.accessibility.error.description": "بنویسید چه شد.",
  "portal.accessibility.error.tooLong": "متن خیلی طولانی است. حداکثر {max} حرف بنویسید.",
  "portal.accessibility.enforcementTitle": "اگر راضی نیستید",
  "portal.accessibility.enforcement":
    "ادارهٔ حکومتداری دیجیتال (Digg) نظارت می‌کند که قانون رعایت شود. اگر از برخورد ما با پیام خود راضی نیستید، می‌توانید به Digg شکایت کنید.",
  "portal.accessibility.enforcementLink": "شکایت به Digg (digg.se)",
};
