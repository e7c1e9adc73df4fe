// Swedish texts of the staff pages for the portal: published availability and bookings; spread into sv.ts.
export const portalBookingSv = {
  "portalStaff.booking.link": "Bokningsbara tider i portalen",
  "portalStaff.booking.title": "Bokningsbara tider – {name}",
  "portalStaff.booking.back": "Tillbaka till insatsen",
  "portalStaff.booking.intro":
    "Publicera tider som deltagarna kan boka i portalen: samtal med studiecoach, specialpedagog eller kurator, på plats eller som videomöte, och studieplatser med öppettider och antal platser. Deltagarna ser tiderna på sitt språk och får påminnelse dagen före om de har valt det.",
  "portalStaff.booking.published":
    "{count, plural, one {Tiderna är publicerade.} other {Tiderna är publicerade för # dagar.}}",
  "portalStaff.booking.publishedOne": "Tiderna är publicerade.",
  "portalStaff.booking.cancelledNotice":
    "Tiderna är inställda. Bokade deltagare har fått besked om de har valt påminnelser.",
  "portalStaff.booking.markedNotice": "Bokningen är markerad.",
  "portalStaff.booking.publishTitle": "Publicera nya tider",
  "portalStaff.booking.kind": "Vad gäller tiderna?",
  "portalStaff.booking.kind.studiecoach": "Studiecoach",
  "portalStaff.booking.kind.specialpedagog": "Specialpedagog",
  "portalStaff.booking.kind.kurator": "Kurator",
  "portalStaff.booking.kind.studieplats": "Studieplats",
  "portalStaff.booking.titleField": "Vem deltagaren träffar eller studieplatsens namn",
  "portalStaff.booking.titleHint":
    "Till exempel ”Lina, studiecoach” eller ”Lärcentrum, studieplatser”.",
  "portalStaff.booking.mode": "Hur ses ni?",
  "portalStaff.booking.mode.pa_plats": "På plats",
  "portalStaff.booking.mode.video": "Videomöte",
  "portalStaff.booking.place": "Adress och rum, eller länk till videomötet",
  "portalStaff.booking.placeHint":
    "På plats: adress och rum. Videomöte: hela länken, som börjar med https://.",
  "portalStaff.booking.day": "Datum",
  "portalStaff.booking.dayHint": "ÅÅÅÅ-MM-DD, till exempel 2026-12-01.",
  "portalStaff.booking.opensAt": "Första tiden börjar",
  "portalStaff.booking.closesAt": "Sista tiden slutar",
  "portalStaff.booking.timeHint": "TT:MM i svensk tid, till exempel 09:00.",
  "portalStaff.booking.slotMinutes": "Längd på en tid (minuter)",
  "portalStaff.booking.slotHint":
    "Mellan 10 och 480. För en studieplats: hur länge man bokar åt gången.",
  "portalStaff.booking.capacity": "Antal som kan boka samma tid",
  "portalStaff.booking.capacityHint":
    "1 för ett samtal. För en studieplats: antalet platser (högst 500).",
  "portalStaff.booking.repeatUntil": "Upprepa varje vecka till och med (valfritt)",
  "portalStaff.booking.repeatHint":
    "Lämna tomt för en enda dag. Samma veckodag varje vecka, högst 26 veckor.",
  "portalStaff.booking.submit": "Publicera tiderna",
  "portalStaff.booking.upcoming": "Kommande tider",
  "portalStaff.booking.upcomingNone": "Inga tider är publicerade framåt.",
  "portalStaff.booking.recent": "De senaste två veckorna",
  "portalStaff.booking.recentHint":
    "Markera om deltagaren kom eller uteblev. Det räknas i insatsens användningssiffror.",
  "portalStaff.booking.recentNone": "Inga tider de senaste två veckorna.",
  "portalStaff.booking.windowHeading": "{date} kl. {opens}–{closes}: {title}",
  "portalStaff.booking.windowFacts":
    "{kind} · {mode} · {slots, plural, one {# tid} other {# tider}} à {minutes} min · {capacity, plural, one {# plats} other {# platser}} per tid",
  "portalStaff.booking.windowPlace": "Plats eller länk: {place}",
  "portalStaff.booking.windowBy": "Publicerad av {name}",
  "portalStaff.booking.windowCancelled": "Inställd {at}",
  "portalStaff.booking.noBookings": "Ingen har bokat ännu.",
  "portalStaff.booking.bookingsCaption": "Bokningar {date}, {title}",
  "portalStaff.booking.time": "Tid",
  "portalStaff.booking.participant": "Deltagare",
  "portalStaff.booking.status": "Status",
  "portalStaff.booking.mark": "Markera",
  "portalStaff.booking.unnamed": "Deltagare utan lagrat namn",
  "portalStaff.booking.status.bokad": "Bokad",
  "portalStaff.booking.status.avbokad": "Avbokad",
  "portalStaff.booking.status.genomford": "Genomförd",
  "portalStaff.booking.status.uteblev": "Uteblev",
  "portalStaff.booking.markKept": "Kom",
  "portalStaff.booking.markMissed": "Uteblev",
  "portalStaff.booking.markKeptOf": "{name} kom {time}",
  "portalStaff.booking.markMissedOf": "{name} uteblev {time}",
  "portalStaff.booking.notYet": "Kan markeras när tiden har börjat",
  "portalStaff.booking.cancelWindow": "Ställ in tiderna",
  "portalStaff.booking.cancelWindowOf": "Ställ in tiderna {date} kl. {opens}, {title}",
  "portalStaff.booking.cancelWindowHint":
    "Alla bokningar den dagen avbokas och deltagarna får besked på sitt språk.",
  "portalStaff.booking.bookFor": "Boka en tid åt en deltagare",
  "portalStaff.booking.bookForWho": "Deltagare",
  "portalStaff.booking.bookForTime": "Tid",
  "portalStaff.booking.bookForSince": "inskriven {date}",
  "portalStaff.booking.bookForSubmit": "Boka tiden",
  "portalStaff.booking.bookedForNotice":
    "Tiden är bokad åt deltagaren. Har deltagaren e-post eller mobil för påminnelser får hen en bekräftelse.",
  "portalStaff.booking.refused.past": "Tiden har redan passerat. Välj en senare tid.",
  "portalStaff.booking.refused.outsideHours":
    "Tiden ligger utanför tidernas öppettider. Välj en av tiderna i listan.",
  "portalStaff.booking.refused.cancelled": "Tiderna är inställda och kan inte bokas.",
  "portalStaff.booking.refused.full": "Tiden blev just fullbokad. Välj en annan tid.",
  "portalStaff.booking.refused.alreadyBooked":
    "Deltagaren har redan en bokad tid som krockar med den här. Välj en annan tid.",
  "portalStaff.booking.refused.notFound":
    "Deltagaren eller tiderna finns inte i insatsen. Ladda om sidan och försök igen.",
  "portalStaff.booking.refused.started": "Tiden har redan börjat.",
  "portalStaff.booking.refused.notBooked": "Tiden är inte bokad.",
} as const;
