// Swedish texts of the portal: Min plan. The source catalogue: every other language has
// exactly these keys (the type says so). Plain language: short sentences, everyday words.
export const planSv = {
  "portal.plan.title": "Min plan",
  "portal.plan.intro": "Här ser du stegen i din plan. Du och din coach gör planen tillsammans.",
  "portal.plan.now": "Det här händer nu",
  "portal.plan.nothingNow": "Just nu har du ingen tid bokad och inget steg med datum.",
  "portal.plan.nextBooking": "Din nästa tid",
  "portal.plan.bookingWhen": "{date} kl. {time}",
  "portal.plan.bookingPlace": "Plats:",
  "portal.plan.bookingVideo": "Videomöte. Öppna länken när det är dags:",
  "portal.plan.bookingOpen": "Se eller ändra tiden",
  "portal.plan.nextStep": "Nästa steg att göra",
  "portal.plan.stepOverdue": "Datumet har gått ut. Prata med din coach om du behöver mer tid.",
  "portal.plan.nextMeasurement": "Skattning",
  "portal.plan.measurementComing":
    "Du och din coach ska göra en skattning. Då svarar du på frågor om hur du har det. Det ska göras runt {date}.",
  "portal.plan.measurementNow":
    "Det är dags att göra en skattning. Då svarar du på frågor om hur du har det. Prata med din coach.",
  "portal.plan.measurementForm": "Frågorna heter:",
  "portal.plan.book": "Boka en tid",
  "portal.plan.steps": "Stegen i min plan",
  "portal.plan.stepsFor": "Plan för {initiative}",
  "portal.plan.organisation": "{organisation} ansvarar för planen.",
  "portal.plan.count":
    "{count, plural, one {Planen har # steg.} other {Planen har # steg.}} {done, plural, one {# är klart.} other {# är klara.}}",
  "portal.plan.written": "Din coach skriver stegen. De kan vara skrivna på svenska.",
  "portal.plan.empty":
    "Din plan har inga steg ännu. Din coach skriver in stegen när ni har pratat.",
  "portal.plan.noPlan": "Du har ingen plan här ännu. Fråga din coach.",
  "portal.plan.stepNumber": "Steg {number}",
  "portal.plan.due": "Klart senast {date}",
  "portal.plan.status.klar": "Klart",
  "portal.plan.status.pagar": "Pågår",
  "portal.plan.status.planerad": "Planerat",
  "portal.plan.questions": "Har du frågor om din plan? Prata med din coach.",
} as const;
