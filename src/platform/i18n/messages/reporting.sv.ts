// Swedish texts of the reporting pages (the dashboard and the reporting calendar); spread into sv.ts.
export const reportingSv = {
  "reporting.title": "Rapporter",
  "reporting.calendarLink": "Ändra rapportkalendern",
  "reporting.summary":
    "{overdue, plural, =0 {Ingen rapport är försenad} one {# rapport är försenad} other {# rapporter är försenade}}, {review, plural, =0 {ingen väntar på granskning} one {# väntar på granskning} other {# väntar på granskning}}.",
  "reporting.summaryReturned":
    "{returned, plural, one {# är tillbaka hos insatsen för komplettering.} other {# är tillbaka hos insatserna för komplettering.}}",
  "reporting.filterPeriod": "Visa period",
  "reporting.latestPeriods": "De {count} senaste perioderna",
  "reporting.filterStatus": "Visa rapporter med status",
  "reporting.allStatuses": "Alla",
  "reporting.statusOverdue": "Försenad",
  "reporting.show": "Visa",
  "reporting.showAll": "Visa alla rapporter",
  "reporting.noReports":
    "Det finns inga rapporter än. De skapas när en pågående insats börjar en ny period.",
  "reporting.noneFiltered": "Inga rapporter matchar det du valt.",
  "reporting.matrixCaption":
    "Rapporter per insats och period ({count, plural, one {# insats} other {# insatser}})",
  "reporting.initiative": "Insats",
  "reporting.noReport": "Ingen rapport",
  "reporting.late": "(sent inskickad)",
  "reporting.overdueTitle": "Försenade rapporter",
  "reporting.noOverdue": "Inga rapporter är försenade.",
  "reporting.overdueCaption":
    "{count, plural, one {# försenad rapport} other {# försenade rapporter}}, den äldsta först",
  "reporting.period": "Period",
  "reporting.dueDate": "Sista dag",
  "reporting.lead": "Insatsansvarig",
  "reporting.noLead": "Ingen insatsansvarig registrerad",
  "reporting.status": "Status",
  "reporting.soonTitle": "Rapporter som snart ska in",
  "reporting.noSoon":
    "Ingen rapport har sista dag inom {days, plural, one {# dag} other {# dagar}} (rapportkalenderns påminnelsetid).",
  "reporting.soonCaption":
    "{count, plural, one {# rapport} other {# rapporter}} med sista dag inom {days, plural, one {# dag} other {# dagar}}, den närmaste först",
  "reporting.lastReminder": "Senaste påminnelse",
  "reporting.reminder.automatic": "{date}, automatisk",
  "reporting.reminder.manual": "{date}, skickad av kansliet",
  "reporting.reminder.none": "Ingen än",
  "reporting.remindNow": "Påminn nu",
  "reporting.remind": "Skicka påminnelse",
  "reporting.remindWhich": " om {initiative}, {period}",
  "reporting.remindRefused": "Påminnelsen skickades inte",
  "reporting.notice.reminded":
    "Påminnelsen är skickad till {recipients}. Den gäller rapporten för {initiative}, {period}.",
  "reporting.notice.remindedNoLead":
    "Påminnelsen är skickad. Den gäller rapporten för {initiative}, {period}.",

  // an initiative's own reports
  "reporting.ownIntro":
    "Här är rapporterna för din insats. En rapport skapas när en ny period börjar och ska skickas in senast sista dagen.",
  "reporting.nextTitle": "Nästa steg",
  "reporting.next.submit":
    "Skriv rapporten för {initiative}, {period}, och skicka in den senast {due}.",
  "reporting.next.overdue":
    "Rapporten för {initiative}, {period}, skulle ha skickats in senast {due}. Skriv den och skicka in så snart du kan.",
  "reporting.next.complete":
    "Förbundet har skickat tillbaka rapporten för {initiative}, {period}. Komplettera den och skicka in den igen.",
  "reporting.next.steering":
    "Styrgruppen har inte skrivit sin analys (2.6) i rapporten för {initiative}, {period}.",
  "reporting.next.submitLink": "Skriv rapporten för {period}",
  "reporting.next.completeLink": "Komplettera rapporten för {period}",
  "reporting.next.steeringLink": "Skriv styrgruppens analys för {period}",
  "reporting.nothingToDo": "Du har inget att göra med rapporterna just nu.",
  "reporting.ownCaption": "{count, plural, one {# rapport} other {# rapporter}}, den senaste först",
  "reporting.toDo": "Att göra",
  "reporting.task.submit": "Skriv och skicka in",
  "reporting.task.complete": "Komplettera och skicka in igen",
  "reporting.task.steering": "Skriv styrgruppens analys",
  "reporting.task.awaitingReview": "Väntar på granskning",
  "reporting.task.done": "Klar",

  // the calendar
  "reporting.calendarTitle": "Rapportkalender",
  "reporting.backToDashboard": "Alla rapporter",
  "reporting.calendarIntro":
    "Bestäm hur ofta insatserna rapporterar och när rapporterna ska vara inne. Samspår skapar rapporterna och skickar påminnelser efter kalendern.",
  "reporting.cadence": "Rapportperiod",
  "reporting.cadenceHint": "Kvartal ger fyra rapporter om året, tertial tre.",
  "reporting.cadence.quarter": "Kvartal",
  "reporting.cadence.tertial": "Tertial",
  "reporting.dueMonthsAfter": "Sista dag, antal månader efter periodens slut",
  "reporting.dueMonthsAfterHint":
    "Ett heltal mellan 0 och 6. Med 1 ska rapporten för januari–mars vara inne senast 30 april.",
  "reporting.remindDaysBefore": "Påminnelse, antal dagar före sista dag",
  "reporting.remindDaysBeforeHint": "Ett heltal mellan 0 och 60.",
  "reporting.followUpPeriods": "Perioder i förbundets uppföljning",
  "reporting.followUpPeriodsHint": "Välj en eller flera.",
  "reporting.followUp.halfyear": "Halvår",
  "reporting.followUp.year": "Helår",
  "reporting.followUp.tertial": "Tertial",
  "reporting.followUp.quarter": "Kvartal",
  "reporting.reportsFrom": "Rapporter från och med (valfritt)",
  "reporting.reportsFromHint":
    "ÅÅÅÅ-MM-DD. Rapporter skapas bara för perioder som börjar detta datum eller senare. Lämna tomt för att skapa rapporter från varje insats start.",
  "reporting.changeNote":
    "Ändringen gäller rapporter som skapas efter att du har sparat. Rapporter som redan finns behåller sina perioder och sista dagar. Byter du mellan kvartal och tertial skapas ingen rapport för en period som överlappar en rapport som redan finns, så byt helst vid ett årsskifte.",
  "reporting.saveCalendar": "Spara rapportkalendern",
  "reporting.reload": "Hämta den senaste versionen av sidan",
  "reporting.notice.saved": "Rapportkalendern är sparad.",
  "reporting.exampleTitle": "Perioderna {year}",
  "reporting.exampleCaption": "Rapportperioder och sista dagar {year} med den sparade kalendern",
  "reporting.exampleCaptionDefault":
    "Rapportperioder och sista dagar {year} med standardkalendern (inte sparad än)",
  "reporting.periodDates": "Från och med – till och med",
  "reporting.periodWithKey": "{label} ({key})",
  "reporting.fromTo": "{start} – {end}",
} as const;
