// English texts of the portal: Boka: times, bookings, cancelling, rebooking. Written for the purpose in plain language,
// not translated word for word; every key of the Swedish catalogue, no other.
import type { bookingSv } from "./booking.sv.ts";

export const bookingEn: Record<keyof typeof bookingSv, string> = {
  "portal.booking.title": "Book a time",
  "portal.booking.intro":
    "Here you can book a time with a study coach, a special needs teacher or a social worker. You can also book a place to study.",
  "portal.booking.mine": "My booked times",
  "portal.booking.mineNone": "You have no booked times.",
  "portal.booking.when": "{date} at {time}–{end}",
  "portal.booking.whenShort": "{date} at {time}",
  "portal.booking.onSite": "In person: {place}",
  "portal.booking.video": "Video meeting",
  "portal.booking.videoLink": "Open the link to the video meeting",
  "portal.booking.cancel": "Cancel",
  "portal.booking.change": "Change time",
  "portal.booking.available": "Times you can book",
  "portal.booking.availableIntro": "Choose a day. Then you choose a time.",
  "portal.booking.availableNone":
    "There are no free times right now. Look again later or ask your coach.",
  "portal.booking.kind.studiecoach": "Study coach",
  "portal.booking.kind.specialpedagog": "Special needs teacher",
  "portal.booking.kind.kurator": "Social worker",
  "portal.booking.kind.studieplats": "Study place",
  "portal.booking.freeCount":
    "{count, plural, =0 {No free times} one {# free time} other {# free times}}",
  "portal.booking.hours": "{opens}–{closes}",
  "portal.booking.choose": "Choose a time",
  "portal.booking.rebooking":
    "You are changing your time. Your old time is {date} at {time}. You keep the old time until you choose a new one.",
  "portal.booking.times.title": "Choose a time",
  "portal.booking.times.legend": "Free times {date}",
  "portal.booking.times.none": "There are no free times on this day. Choose another day.",
  "portal.booking.times.placesLeft": "{count, plural, one {# place left} other {# places left}}",
  "portal.booking.times.minutes": "{count, plural, one {# minute} other {# minutes}}",
  "portal.booking.times.submit": "Book the time",
  "portal.booking.times.submitRebook": "Change to this time",
  "portal.booking.times.back": "Back to all times",
  "portal.booking.times.gone":
    "These times are not available any more. They may be cancelled. Go back and choose another day.",
  "portal.booking.detail.title": "Your booking",
  "portal.booking.detail.status": "Status: {status}",
  "portal.booking.status.bokad": "Booked",
  "portal.booking.status.avbokad": "Cancelled",
  "portal.booking.status.genomford": "You were there",
  "portal.booking.status.uteblev": "You did not come",
  "portal.booking.detail.cancelQuestion": "Do you want to cancel the time?",
  "portal.booking.detail.cancelHint": "If you cancel, someone else can book the time.",
  "portal.booking.detail.cancelConfirm": "Yes, cancel the time",
  "portal.booking.detail.keep": "No, keep the time",
  "portal.booking.detail.tooLate": "The time has already started. You cannot cancel it here.",
  "portal.booking.detail.notFound": "We cannot find the booking.",
  "portal.booking.back": "Back to Book",
  "portal.booking.notice.booked": "You have booked {title}, {date} at {time}.",
  "portal.booking.notice.rebooked":
    "You have changed your time. Your new time is {date} at {time}.",
  "portal.booking.notice.cancelled": "The time is cancelled.",
  "portal.booking.notice.message": "You will also get a message about it.",
  "portal.booking.error.title": "It did not work",
  "portal.booking.error.past": "That time has already passed. Choose a later time.",
  "portal.booking.error.outsideHours":
    "You cannot book that time. It is outside the opening hours. Choose one of the times in the list.",
  "portal.booking.error.cancelled": "These times are cancelled. Choose another day.",
  "portal.booking.error.full": "Someone else booked the time first. Choose another time.",
  "portal.booking.error.alreadyBooked":
    "You already have a time booked then. Choose another time or change the time you have.",
  "portal.booking.error.notFound": "We cannot find the time. Go back and choose again.",
  "portal.booking.error.started": "The time has already started. You cannot cancel or change it.",
  "portal.booking.error.notBooked": "The time is already cancelled.",
  "portal.booking.error.noTime": "Choose a time in the list. Then press the button.",
  "portal.booking.error.oldKept": "You still have your old time.",
  "portal.booking.message.where.onSite": "Place: {place}.",
  "portal.booking.message.where.video": "Video meeting: {place}",
  "portal.booking.message.booked.subject": "Your time is booked",
  "portal.booking.message.booked.body":
    "Hello! You have booked {title}, {date} at {time}. {where} Can you not come? Cancel in the portal.",
  "portal.booking.message.rebooked.subject": "You have changed your time",
  "portal.booking.message.rebooked.body":
    "Hello! Your new time is {title}, {date} at {time}. {where} Your old time is cancelled.",
  "portal.booking.message.cancelled.subject": "Your time is cancelled",
  "portal.booking.message.cancelled.body":
    "Hello! You have cancelled your time {date} at {time} ({title}). You can book a new time in the portal.",
  "portal.booking.message.withdrawn.subject": "Your time is cancelled by us",
  "portal.booking.message.withdrawn.body":
    "Hello! Your time {date} at {time} ({title}) is cancelled. We are sorry. Book a new time in the portal.",
  "portal.booking.message.reminder.subject": "Reminder about your time",
  "portal.booking.message.reminder.body":
    "Hello! Remember your time {date} at {time}: {title}. {where} Can you not come? Cancel in the portal.",
};
