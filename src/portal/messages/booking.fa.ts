// Dari texts of the portal: Boka: times, bookings, cancelling, rebooking. Written for the purpose in plain language,
// not translated word for word; every key of the Swedish catalogue, no other.
import type { bookingSv } from "./booking.sv.ts";

export const bookingFa: Record<keyof typeof bookingSv, string> = {
  "portal.booking.title": "وقت بگیرید",
  "portal.booking.intro":
    "اینجا می‌توانید با یک مربی درسی، یک معلم آموزش ویژه یا یک مددکار اجتماعی وقت بگیرید. همچنین می‌توانید یک جای درس خواندن رزرو کنید.",
  "portal.booking.mine": "وقت‌های رزروشدهٔ من",
  "portal.booking.mineNone": "شما هیچ وقت رزروشده‌ای ندارید.",
  "portal.booking.when": "{date} ساعت {time}–{end}",
  "portal.booking.whenShort": "{date} ساعت {time}",
  "portal.booking.onSite": "حضوری: {place}",
  "portal.booking.video": "جلسهٔ ویدیویی",
  "portal.booking.videoLink": "لینک جلسهٔ ویدیویی را باز کنید",
  "portal.booking.cancel": "لغو کنید",
  "portal.booking.change": "وقت را عوض کنید",
  "portal.booking.available": "وقت‌هایی که می‌توانید بگیرید",
  "portal.booking.availableIntro": "یک روز را انتخاب کنید. بعد یک وقت را انتخاب کنید.",
  "portal.booking.availableNone":
    "الان وقت خالی نیست. بعداً دوباره نگاه کنید یا از مربی خود بپرسید.",
  "portal.booking.kind.studiecoach": "مربی درسی",
  "portal.booking.kind.specialpedagog": "معلم آموزش ویژه",
  "portal.booking.kind.kurator": "مددکار اجتماعی",
  "portal.booking.kind.studieplats": "جای درس خواندن",
  "portal.booking.freeCount":
    "{count, plural, =0 {وقت خالی نیست} one {# وقت خالی} other {# وقت خالی}}",
  "portal.booking.hours": "ساعت {opens}–{closes}",
  "portal.booking.choose": "وقت را انتخاب کنید",
  "portal.booking.rebooking":
    "شما وقت خود را عوض می‌کنید. وقت قبلی شما {date} ساعت {time} است. وقت قبلی تا وقتی که وقت تازه انتخاب کنید، باقی می‌ماند.",
  "portal.booking.times.title": "یک وقت انتخاب کنید",
  "portal.booking.times.legend": "وقت‌های خالی {date}",
  "portal.booking.times.none": "در این روز وقت خالی نیست. روز دیگری انتخاب کنید.",
  "portal.booking.times.placesLeft": "{count, plural, one {# جا باقی است} other {# جا باقی است}}",
  "portal.booking.times.minutes": "{count, plural, one {# دقیقه} other {# دقیقه}}",
  "portal.booking.times.submit": "این وقت را بگیرید",
  "portal.booking.times.submitRebook": "به این وقت عوض کنید",
  "portal.booking.times.back": "برگشت به همهٔ وقت‌ها",
  "portal.booking.times.gone":
    "این وقت‌ها دیگر نیستند. شاید لغو شده‌اند. برگردید و روز دیگری انتخاب کنید.",
  "portal.booking.detail.title": "رزرو شما",
  "portal.booking.detail.status": "وضعیت: {status}",
  "portal.booking.status.bokad": "رزرو شده",
  "portal.booking.status.avbokad": "لغو شده",
  "portal.booking.status.genomford": "شما آمدید",
  "portal.booking.status.uteblev": "شما نیامدید",
  "portal.booking.detail.cancelQuestion": "آیا می‌خواهید این وقت را لغو کنید؟",
  "portal.booking.detail.cancelHint": "اگر لغو کنید، کس دیگری می‌تواند این وقت را بگیرد.",
  "portal.booking.detail.cancelConfirm": "بله، وقت را لغو کنید",
  "portal.booking.detail.keep": "نه، وقت را نگه دارید",
  "portal.booking.detail.tooLate": "وقت شروع شده است. اینجا نمی‌توانید آن را لغو کنید.",
  "portal.booking.detail.notFound": "رزرو را پیدا نمی‌کنیم.",
  "portal.booking.back": "برگشت به وقت گرفتن",
  "portal.booking.notice.booked": "شما {title}، {date} ساعت {time} را رزرو کردید.",
  "portal.booking.notice.rebooked": "وقت شما عوض شد. وقت تازهٔ شما {date} ساعت {time} است.",
  "portal.booking.notice.cancelled": "وقت لغو شد.",
  "portal.booking.notice.message": "یک پیام هم دربارهٔ آن می‌گیرید.",
  "portal.booking.error.title": "نشد",
  "portal.booking.error.past": "این وقت گذشته است. یک وقت بعدی انتخاب کنید.",
  "portal.booking.error.outsideHours":
    "این وقت را نمی‌شود گرفت. بیرون از ساعت‌های کاری است. یکی از وقت‌های فهرست را انتخاب کنید.",
  "portal.booking.error.cancelled": "این وقت‌ها لغو شده‌اند. روز دیگری انتخاب کنید.",
  "portal.booking.error.full": "کس دیگری زودتر این وقت را گرفت. وقت دیگری انتخاب کنید.",
  "portal.booking.error.alreadyBooked":
    "شما در این وقت یک رزرو دیگر دارید. وقت دیگری انتخاب کنید یا وقت خود را عوض کنید.",
  "portal.booking.error.notFound": "این وقت را پیدا نمی‌کنیم. برگردید و دوباره انتخاب کنید.",
  "portal.booking.error.started": "وقت شروع شده است. نمی‌توانید آن را لغو کنید یا عوض کنید.",
  "portal.booking.error.notBooked": "این وقت قبلاً لغو شده است.",
  "portal.booking.error.noTime": "یک وقت از فهرست انتخاب کنید. بعد دکمه را بزنید.",
  "portal.booking.error.oldKept": "وقت قبلی شما هنوز سر جایش است.",
  "portal.booking.message.where.onSite": "جا: {place}.",
  "portal.booking.message.where.video": "جلسهٔ ویدیویی: {place}",
  "portal.booking.message.booked.subject": "وقت شما رزرو شد",
  "portal.booking.message.booked.body":
    "سلام! شما {title}، {date} ساعت {time} را رزرو کردید. {where} نمی‌توانید بیایید؟ در پورتال لغو کنید.",
  "portal.booking.message.rebooked.subject": "وقت شما عوض شد",
  "portal.booking.message.rebooked.body":
    "سلام! وقت تازهٔ شما {title}، {date} ساعت {time} است. {where} وقت قبلی لغو شد.",
  "portal.booking.message.cancelled.subject": "وقت شما لغو شد",
  "portal.booking.message.cancelled.body":
    "سلام! شما وقت {date} ساعت {time} ({title}) را لغو کردید. می‌توانید در پورتال وقت تازه بگیرید.",
  "portal.booking.message.withdrawn.subject": "وقت شما لغو شده است",
  "portal.booking.message.withdrawn.body":
    "سلام! وقت شما {date} ساعت {time} ({title}) لغو شده است. معذرت می‌خواهیم. در پورتال وقت تازه بگیرید.",
  "portal.booking.message.reminder.subject": "یادآوری وقت شما",
  "portal.booking.message.reminder.body":
    "سلام! وقت خود را فراموش نکنید: {date} ساعت {time}، {title}. {where} نمی‌توانید بیایید؟ در پورتال لغو کنید.",
};
