// Dari texts of the portal: signing in with a code or e-ID, signing out, the settings page and
// the message that carries a code. Written for the purpose in plain language, not translated word
// for word; every key of the Swedish catalogue, no other.
import type { signInSv } from "./sign-in.sv.ts";

export const signInFa: Record<keyof typeof signInSv, string> = {
  "portal.signIn.title": "داخل شدن",
  "portal.signIn.intro": "کدی را که از ما گرفتید بنویسید.",
  "portal.signIn.codeLabel": "کد شما",
  "portal.signIn.codeHint": "کد 8 حرف دارد، مثلاً ABCD-EFGH. می‌توانید با حروف بزرگ یا کوچک بنویسید.",
  "portal.signIn.submit": "داخل شوید",
  "portal.signIn.errorTitle": "داخل شدن نشد",
  "portal.signIn.error.empty": "کد خود را در خانه بنویسید.",
  "portal.signIn.error.unknown":
    "این کد را پیدا نمی‌کنیم. کد را دوباره ببینید و یک بار دیگر بنویسید. اگر نشد، از مربی خود بپرسید.",
  "portal.signIn.error.expired":
    "این کد کهنه شده است. هر کد 14 روز کار می‌کند. از مربی خود یک کد نو بخواهید.",
  "portal.signIn.error.used":
    "این کد قبلاً استفاده شده است. هر کد فقط یک بار کار می‌کند. از مربی خود یک کد نو بخواهید.",
  "portal.signIn.error.revoked":
    "این کد دیگر کار نمی‌کند. شما یک کد نوتر گرفته‌اید، یا حساب شما بسته است. کد نو را استفاده کنید یا از مربی خود بپرسید.",
  "portal.signIn.error.throttled":
    "شما بسیار زیاد کوشش کردید. {minutes, plural, one {# دقیقه} other {# دقیقه}} صبر کنید و دوباره کوشش کنید.",
  "portal.signIn.sessionEnded": "شما خارج شدید، چون مدتی کاری نکردید. لطفاً دوباره داخل شوید.",
  "portal.signIn.signedOut":
    "شما خارج شدید. اگر دیگران هم از این کمپیوتر استفاده می‌کنند، مرورگر را ببندید.",
  "portal.signIn.closed": "حساب شما در پورتال بسته است. اگر به آن نیاز دارید، از مربی خود بپرسید.",
  "portal.signIn.eidHeading": "داخل شدن با هویت الکترونیکی",
  "portal.signIn.eidIntro":
    "آیا BankID یا هویت الکترونیکی دیگری دارید؟ پس می‌توانید با آن داخل شوید.",
  "portal.signIn.noCodeHeading": "کد ندارید؟",
  "portal.signIn.noCodeText":
    "از مربی خود یا کس دیگری که نزد ما می‌بینید بپرسید. آن‌ها می‌توانند به شما کد بدهند.",
  "portal.signIn.message.subject": "کد شما برای داخل شدن",
  "portal.signIn.message.email":
    "سلام!\n\nاین کد شما برای داخل شدن است: {code}\n\nبه {url} بروید و کد را بنویسید.\nکد تا {date} کار می‌کند. فقط یک بار کار می‌کند.\n\nشما کد نخواسته بودید؟ پس لازم نیست کاری کنید.",
  "portal.signIn.message.sms":
    "کد شما برای داخل شدن: {code}. به {url} بروید و کد را بنویسید. تا {date} کار می‌کند.",
  "portal.signIn.print.title": "کد شما برای داخل شدن",
  "portal.signIn.print.step1": "به {url} بروید",
  "portal.signIn.print.step2": "کد را بنویسید: {code}",
  "portal.signIn.print.step3": "کد تا {date} کار می‌کند. فقط یک بار کار می‌کند.",
  "portal.signIn.print.step4": "همیشه وقتی کارتان تمام شد، خارج شوید.",
  "portal.settings.languageHeading": "زبان",
  "portal.settings.language": "زبان من",
  "portal.settings.saveLanguage": "زبان را ذخیره کنید",
  "portal.settings.swedishTooHeading": "سویدنی هم",
  "portal.settings.swedishTooText":
    "آیا سویدنی یاد می‌گیرید؟ پس می‌توانید متن سویدنی را زیر زبان خود ببینید.",
  "portal.settings.swedishTooYes": "بلی، سویدنی را هم نشان بده",
  "portal.settings.swedishTooNo": "نخیر، فقط زبان مرا نشان بده",
  "portal.settings.saveSwedishToo": "ذخیره کنید",
  "portal.settings.contactHeading": "یادآوری‌ها",
  "portal.settings.contactIntro":
    "ما می‌توانیم پیش از ملاقات به شما یادآوری کنیم. ایمیل و شماره موبایل شما را فقط برای یادآوری و کد استفاده می‌کنیم.",
  "portal.settings.email": "ایمیل",
  "portal.settings.emailHint": "مثلاً name@example.se. می‌توانید خانه را خالی بگذارید.",
  "portal.settings.phone": "شماره موبایل",
  "portal.settings.phoneHint": "مثلاً 070-123 45 67. می‌توانید خانه را خالی بگذارید.",
  "portal.settings.reminders": "یادآوری‌ها را چطور می‌خواهید؟",
  "portal.settings.reminders.epost": "با ایمیل",
  "portal.settings.reminders.sms": "با پیام کوتاه (SMS)",
  "portal.settings.reminders.ingen": "یادآوری نمی‌خواهم",
  "portal.settings.saveContact": "ذخیره کنید",
  "portal.settings.errorTitle": "ذخیره کردن نشد",
  "portal.settings.error.emailFormat": "ایمیل را این طور بنویسید: name@example.se.",
  "portal.settings.error.phoneFormat": "شماره موبایل را با عدد بنویسید، مثلاً 070-123 45 67.",
  "portal.settings.error.remindersChoice": "انتخاب کنید که یادآوری‌ها را چطور می‌خواهید.",
  "portal.settings.error.remindersNeedEmail":
    "اگر یادآوری با ایمیل می‌خواهید، ایمیل خود را بنویسید.",
  "portal.settings.error.remindersNeedPhone":
    "اگر یادآوری با پیام کوتاه می‌خواهید، شماره موبایل خود را بنویسید.",
  "portal.settings.error.conflict":
    "معلومات شما همین حالا در جای دیگری تغییر کرد. آن را ببینید و دوباره ذخیره کنید.",
};
