// Swedish texts of progression measurement's pages (measure); spread into sv.ts.
export const progressionMeasureSv = {
  "progression.measure.yes": "Ja",
  "progression.measure.no": "Nej",
  "progression.measure.initiative": "Insats",
  "progression.measure.instrument": "Instrument",
  "progression.measure.participant": "Deltagare",
  "progression.measure.occasion": "Tillfälle",
  "progression.measure.versionName": "{name} (version {number})",
  "progression.measure.backToParticipants": "Tillbaka till deltagarna",
  "progression.measure.occasion.nollpunkt": "Nollpunkt",
  "progression.measure.occasion.uppfoljning": "Uppföljning",
  "progression.measure.occasion.avslut": "Avslut",
  "progression.measure.mode.samtal": "I ett samtal",
  "progression.measure.mode.papper": "På en pappersblankett",
  "progression.measure.mode.deltagare": "Deltagaren svarade själv",
  "progression.measure.status.forsenad": "Försenad",
  "progression.measure.status.att_gora": "Att göra",
  "progression.measure.status.kommande": "Kommande",
  "progression.measure.status.klar": "Klar",
  "progression.measure.reason.fel_deltagare": "Registrerad på fel deltagare",
  "progression.measure.reason.dubblett": "Registrerad två gånger",
  "progression.measure.reason.fel_instrument": "Fel instrument",
  "progression.measure.reason.fel_tillfalle": "Fel tillfälle",
  "progression.measure.link.enrollment": "Progressionsmätningar",
  "progression.measure.link.plan": "Mätplan för progressionsmätning",
  "progression.measure.link.due": "Mätningar att göra",

  "progression.measure.plan.title": "Mätplan för {name}",
  "progression.measure.plan.backToInitiative": "Tillbaka till insatsen",
  "progression.measure.plan.intro":
    "Mätplanen säger vilka instrument deltagarna skattas med och när: en nollpunkt när de börjar, uppföljningar med jämna mellanrum och en mätning vid avslut. Deltagaransvariga ser vilka mätningar som ska göras i sin lista.",
  "progression.measure.plan.structural":
    "Det här är en strukturinriktad insats. Den har inga egna deltagare att mäta progression hos, så den har ingen mätplan.",
  "progression.measure.plan.ended":
    "Insatsen är avslutad eller avslagen. Mätplanen kan inte längre ändras.",
  "progression.measure.plan.none": "Insatsen har ingen mätplan ännu.",
  "progression.measure.plan.updated": "Senast ändrad av {name} {at}.",
  "progression.measure.plan.noInstruments":
    "Förbundet har inga publicerade instrument att välja. Publicera ett instrument först.",
  "progression.measure.plan.instruments": "Instrument",
  "progression.measure.plan.instrumentsHint":
    "Välj ett eller flera (högst 10), en version av varje. Deltagarna skattas med alla valda vid varje tillfälle.",
  "progression.measure.plan.versionLabel": "{name}, version {number} ({items} frågor)",
  "progression.measure.plan.shipped": "ingår i Samspår",
  "progression.measure.plan.licensed": "licensierat: {licence}",
  "progression.measure.plan.archivedVersion":
    "En version som inte längre är publicerad hos förbundet (arkiverad)",
  "progression.measure.plan.interval": "Månader mellan uppföljningarna",
  "progression.measure.plan.intervalHint":
    "Ett heltal från 0 till 24. 0 betyder inga uppföljningar mellan nollpunkten och avslutet.",
  "progression.measure.plan.atExit": "Mät vid avslut",
  "progression.measure.plan.grace": "Dagar innan en mätning är försenad",
  "progression.measure.plan.graceHint":
    "Ett heltal från 0 till 90: så länge står mätningen som att göra efter att den blivit aktuell.",
  "progression.measure.plan.target": "Mål: andel av deltagarna som mäts (procent)",
  "progression.measure.plan.targetHint": "Ett heltal från 0 till 100.",
  "progression.measure.plan.comparison": "Insatsen har en jämförelsegrupp",
  "progression.measure.plan.comparisonHint":
    "Anonyma skattningar av personer som inte deltar, för att jämföra förändringen.",
  "progression.measure.plan.save": "Spara mätplanen",
  "progression.measure.plan.saved": "Mätplanen är sparad.",
  "progression.measure.plan.noFollowUps": "Inga uppföljningar mellan start och avslut",
  "progression.measure.plan.months":
    "{count, plural, one {Varje månad} other {Med # månaders mellanrum}}",
  "progression.measure.plan.days": "{count, plural, one {# dag} other {# dagar}}",
  "progression.measure.plan.paperTitle": "Pappersblanketter",
  "progression.measure.plan.paperIntro":
    "För deltagare som hellre svarar på papper. Blanketten finns på svenska, engelska och somaliska; på arabiska, persiska och tigrinja svarar deltagaren på skärmen.",
  "progression.measure.plan.paperLink": "Blankett för {name}, version {number} (PDF)",

  "progression.measure.due.title": "Mätningar att göra",
  "progression.measure.due.intro":
    "Mätningarna som dina deltagare ska göra enligt insatsernas mätplaner, de försenade först. I dag är det {today}.",
  "progression.measure.due.countOverdue":
    "{count, plural, one {# försenad mätning} other {# försenade mätningar}}",
  "progression.measure.due.countToDo":
    "{count, plural, one {# mätning} other {# mätningar}} att göra",
  "progression.measure.due.countComing":
    "{count, plural, one {# kommande mätning} other {# kommande mätningar}}",
  "progression.measure.due.filter": "Visa",
  "progression.measure.due.allInitiatives": "Alla mina insatser",
  "progression.measure.due.allStatuses": "Försenade, att göra och kommande",
  "progression.measure.due.status": "Status",
  "progression.measure.due.submit": "Visa",
  "progression.measure.due.none":
    "Inga mätningar att visa. Insatser utan mätplan syns inte här: förbundets kansli gör mätplanen.",
  "progression.measure.due.caption":
    "{count, plural, one {# mätning} other {# mätningar}} att göra eller kommande",
  "progression.measure.due.dueOn": "Ska göras",
  "progression.measure.due.lastDay": "(senast {date})",
  "progression.measure.due.enter": "Registrera",
  "progression.measure.due.enterFor": "Registrera {occasion} för {participant}",

  "progression.measure.enrollment.title": "Progressionsmätningar för {participant}",
  "progression.measure.enrollment.back": "Tillbaka till inskrivningen",
  "progression.measure.enrollment.period": "Inskrivning",
  "progression.measure.enrollment.since": "sedan {date}",
  "progression.measure.enrollment.noPlan":
    "Insatsen har ingen mätplan ännu. Förbundets kansli väljer instrument och tidpunkter på insatsens sida.",
  "progression.measure.enrollment.voided":
    "Inskrivningen är makulerad som felregistrering och får inga mätningar.",
  "progression.measure.enrollment.dueTitle": "Enligt mätplanen",
  "progression.measure.enrollment.new": "Registrera en mätning",
  "progression.measure.enrollment.noneYet": "Inga mätningar med det här instrumentet ännu.",
  "progression.measure.enrollment.scores": "Resultat med {name}",
  "progression.measure.enrollment.score": "Resultat",
  "progression.measure.enrollment.total": "Totalt",
  "progression.measure.enrollment.subscale": "Delskala: {name}",
  "progression.measure.enrollment.changeLabel": "förändring från nollpunkten:",
  "progression.measure.enrollment.changeNote":
    "Inom parentes: förändringen från nollpunkten. Omvänt ställda frågor är redan vända, så ett högre värde är alltid bättre. – betyder att det saknas svar.",
  "progression.measure.enrollment.listTitle": "Mätningarna",
  "progression.measure.enrollment.entry": "{occasion}, {mode}, registrerad av {name}.",
  "progression.measure.enrollment.correct": "Rätta",
  "progression.measure.enrollment.correctOf": "Rätta {occasion}",
  "progression.measure.enrollment.removeOf": "Ta bort {occasion} som felregistrering",
  "progression.measure.enrollment.reason": "Varför tas mätningen bort?",
  "progression.measure.enrollment.remove": "Ta bort mätningen",
  "progression.measure.enrollment.removed":
    "Mätningen är borttagen. Borttagningen står i åtkomstloggen.",
  "progression.measure.enrollment.saved": "Mätningen är registrerad.",
  "progression.measure.enrollment.corrected": "Mätningen är rättad.",

  "progression.measure.form.title": "Registrera en mätning för {participant}",
  "progression.measure.form.titleCorrect": "Rätta en mätning för {participant}",
  "progression.measure.form.back": "Tillbaka till mätningarna",
  "progression.measure.form.enrollment": "{initiative}, inskriven {start}.",
  "progression.measure.form.ended": "Avslutad {end}.",
  "progression.measure.form.chooseInstrument": "Instrument",
  "progression.measure.form.language": "Frågornas språk",
  "progression.measure.form.languageHint":
    "Visa frågorna på deltagarens språk. Den svenska texten står bredvid.",
  "progression.measure.form.paper": "Skriv ut blanketten på papper (PDF)",
  "progression.measure.form.date": "Datum för mätningen",
  "progression.measure.form.dateHint":
    "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel {today}. Inte i framtiden.",
  "progression.measure.form.mode": "Hur kom svaren in?",
  "progression.measure.form.answers": "Svaren",
  "progression.measure.form.save": "Spara mätningen",
  "progression.measure.form.saveCorrection": "Spara rättelsen",

  "progression.measure.answers.item": "Fråga {number}:",
  "progression.measure.answers.skip": "Vill inte svara",
};
