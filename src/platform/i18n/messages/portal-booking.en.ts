// English texts of the staff pages for the portal: published availability and bookings; spread into en.ts.
import type { portalBookingSv } from "./portal-booking.sv.ts";

export const portalBookingEn: Record<keyof typeof portalBookingSv, string> = {
  "portalStaff.booking.link": "Bookable times in the portal",
  "portalStaff.booking.title": "Bookable times – {name}",
  "portalStaff.booking.back": "Back to the initiative",
  "portalStaff.booking.intro":
    "Publish times that participants can book in the portal: meetings with a study coach, special needs teacher or social worker, on site or as a video meeting, and study places with opening hours and a number of places. Participants see the times in their language and get a reminder the day before if they chose to.",
  "portalStaff.booking.published":
    "{count, plural, one {The times are published.} other {The times are published for # days.}}",
  "portalStaff.booking.publishedOne": "The times are published.",
  "portalStaff.booking.cancelledNotice":
    "The times are cancelled. Booked participants have been told if they chose reminders.",
  "portalStaff.booking.markedNotice": "The booking is marked.",
  "portalStaff.booking.publishTitle": "Publish new times",
  "portalStaff.booking.kind": "What are the times for?",
  "portalStaff.booking.kind.studiecoach": "Study coach",
  "portalStaff.booking.kind.specialpedagog": "Special needs teacher",
  "portalStaff.booking.kind.kurator": "Social worker",
  "portalStaff.booking.kind.studieplats": "Study place",
  "portalStaff.booking.titleField": "Who the participant meets, or the study place's name",
  "portalStaff.booking.titleHint":
    "For example “Lina, study coach” or “Learning centre, study places”.",
  "portalStaff.booking.mode": "How do you meet?",
  "portalStaff.booking.mode.pa_plats": "On site",
  "portalStaff.booking.mode.video": "Video meeting",
  "portalStaff.booking.place": "Address and room, or the link to the video meeting",
  "portalStaff.booking.placeHint":
    "On site: address and room. Video meeting: the whole link, starting with https://.",
  "portalStaff.booking.day": "Date",
  "portalStaff.booking.dayHint": "YYYY-MM-DD, for example 2026-12-01.",
  "portalStaff.booking.opensAt": "The first time starts",
  "portalStaff.booking.closesAt": "The last time ends",
  "portalStaff.booking.timeHint": "HH:MM in Swedish time, for example 09:00.",
  "portalStaff.booking.slotMinutes": "Length of a time (minutes)",
  "portalStaff.booking.slotHint":
    "Between 10 and 480. For a study place: how long one booking lasts.",
  "portalStaff.booking.capacity": "How many can book the same time",
  "portalStaff.booking.capacityHint":
    "1 for a meeting. For a study place: the number of places (at most 500).",
  "portalStaff.booking.repeatUntil": "Repeat every week up to and including (optional)",
  "portalStaff.booking.repeatHint":
    "Leave empty for a single day. The same weekday every week, at most 26 weeks.",
  "portalStaff.booking.submit": "Publish the times",
  "portalStaff.booking.upcoming": "Upcoming times",
  "portalStaff.booking.upcomingNone": "No times are published ahead.",
  "portalStaff.booking.recent": "The last two weeks",
  "portalStaff.booking.recentHint":
    "Mark whether the participant came or missed it. It counts in the initiative's usage figures.",
  "portalStaff.booking.recentNone": "No times in the last two weeks.",
  "portalStaff.booking.windowHeading": "{date} {opens}–{closes}: {title}",
  "portalStaff.booking.windowFacts":
    "{kind} · {mode} · {slots, plural, one {# time} other {# times}} of {minutes} min · {capacity, plural, one {# place} other {# places}} per time",
  "portalStaff.booking.windowPlace": "Place or link: {place}",
  "portalStaff.booking.windowBy": "Published by {name}",
  "portalStaff.booking.windowCancelled": "Cancelled {at}",
  "portalStaff.booking.noBookings": "Nobody has booked yet.",
  "portalStaff.booking.bookingsCaption": "Bookings {date}, {title}",
  "portalStaff.booking.time": "Time",
  "portalStaff.booking.participant": "Participant",
  "portalStaff.booking.status": "Status",
  "portalStaff.booking.mark": "Mark",
  "portalStaff.booking.unnamed": "Participant without a stored name",
  "portalStaff.booking.status.bokad": "Booked",
  "portalStaff.booking.status.avbokad": "Cancelled",
  "portalStaff.booking.status.genomford": "Kept",
  "portalStaff.booking.status.uteblev": "Missed",
  "portalStaff.booking.markKept": "Came",
  "portalStaff.booking.markMissed": "Missed",
  "portalStaff.booking.markKeptOf": "{name} came {time}",
  "portalStaff.booking.markMissedOf": "{name} missed {time}",
  "portalStaff.booking.notYet": "Can be marked once the time has begun",
  "portalStaff.booking.cancelWindow": "Cancel the times",
  "portalStaff.booking.cancelWindowOf": "Cancel the times {date} at {opens}, {title}",
  "portalStaff.booking.cancelWindowHint":
    "Every booking of that day is cancelled and the participants are told in their language.",
  "portalStaff.booking.bookFor": "Book a time for a participant",
  "portalStaff.booking.bookForWho": "Participant",
  "portalStaff.booking.bookForTime": "Time",
  "portalStaff.booking.bookForSince": "enrolled {date}",
  "portalStaff.booking.bookForSubmit": "Book the time",
  "portalStaff.booking.bookedForNotice":
    "The time is booked for the participant. If the participant has e-mail or a mobile number for reminders, they get a confirmation.",
  "portalStaff.booking.refused.past": "The time has already passed. Choose a later time.",
  "portalStaff.booking.refused.outsideHours":
    "The time is outside the opening hours. Choose one of the times in the list.",
  "portalStaff.booking.refused.cancelled": "The times are cancelled and cannot be booked.",
  "portalStaff.booking.refused.full": "The time was just fully booked. Choose another time.",
  "portalStaff.booking.refused.alreadyBooked":
    "The participant already has a booked time that clashes with this one. Choose another time.",
  "portalStaff.booking.refused.notFound":
    "The participant or the times are not in the initiative. Reload the page and try again.",
  "portalStaff.booking.refused.started": "The time has already started.",
  "portalStaff.booking.refused.notBooked": "The time is not booked.",
};
