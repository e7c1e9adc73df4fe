// Swedish texts of the participant statistics, the association's disclosure control and the
// register's access log; spread into sv.ts. The figures' own labels and definitions are in
// register-figures.sv.ts (spread here), used by src/register/aggregates.ts.
import { registerFiguresSv } from "./register-figures.sv.ts";

export const registerStatisticsSv = {
  ...registerFiguresSv,
  "registerStatistics.title": "Deltagarstatistik",
  "registerStatistics.lead":
    "Statistik ur deltagarregistret för förbundets insatser. Alla siffror har gått igenom röjandekontroll: ett antal under {threshold} visas inte, och inga enskilda deltagare går att peka ut.",
  "registerStatistics.leadOff":
    "Statistik ur deltagarregistret för förbundets insatser. Röjandekontrollen är avstängd: alla antal visas som de är.",
  "registerStatistics.choose": "Välj period och insats",
  "registerStatistics.from": "Periodens första dag",
  "registerStatistics.to": "Periodens sista dag",
  "registerStatistics.dateHint": "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-01-01.",
  "registerStatistics.initiative": "Insats",
  "registerStatistics.allInitiatives": "Alla insatser som pågick under perioden",
  "registerStatistics.orientation.individual": "individinriktad",
  "registerStatistics.orientation.structural": "strukturinriktad",
  "registerStatistics.show": "Visa statistiken",
  "registerStatistics.presets": "Vanliga perioder",
  "registerStatistics.presetHalf":
    "{half, select, 1 {Första halvåret} other {Andra halvåret}} {year}",
  "registerStatistics.presetYear": "Helåret {year}",
  "registerStatistics.periodShown": "Perioden {from} – {to}",
  "registerStatistics.invalid":
    "Statistiken kan inte visas för den perioden. Rätta uppgifterna nedan och försök igen.",

  "registerStatistics.legendTitle": "Så läser du tabellerna",
  "registerStatistics.legendPrimary":
    "{zero, select, yes {1–{below} personer} other {färre än {threshold} personer, 0 inräknat}}: antalet visas inte.",
  "registerStatistics.legendSecondary":
    "Dold uppgift: ett antal som döljs för att de andra dolda antalen inte ska kunna räknas fram ur summorna, eller en andel som inte visas.",
  "registerStatistics.legendPartOf":
    "En rad som börjar med ”varav” eller ligger under en summa ingår i den summan och läggs inte till en gång till.",
  "registerStatistics.hiddenPrimary": "färre än {threshold}, visas inte",
  "registerStatistics.hiddenSecondary": "dold uppgift",
  "registerStatistics.hiddenShare": "andelen visas inte",

  "registerStatistics.summaryTitle": "Dolda uppgifter",
  "registerStatistics.summaryCount":
    "{count, plural, =0 {Alla uppgifter i periodens statistik visas.} one {# uppgift i periodens statistik (alla tabeller för alla insatser) visas inte.} other {# uppgifter i periodens statistik (alla tabeller för alla insatser) visas inte.}}",
  "registerStatistics.summaryLeftOut":
    "{count, plural, one {# summa visas inte} other {# summor visas inte}} (”..”), eftersom dolda uppgifter annars skulle kunna räknas fram.",
  "registerStatistics.summaryNote":
    "Sammanställningen säger hur många uppgifter som döljs och varför, aldrig vilka värden de har.",

  "registerStatistics.aboutTitle": "Om siffrorna",
  "registerStatistics.individualTitle": "Individinriktade insatser",
  "registerStatistics.structuralTitle": "Strukturinriktade insatser",
  "registerStatistics.allLink": "Visa alla insatser för perioden",
  "registerStatistics.perInitiative": "Per insats",
  "registerStatistics.overviewCaption": "{orientation}: insatserna var för sig",
  "registerStatistics.overviewNote":
    "Siffrorna avser alla deltagare (totalt). Välj en insats för att se dess tabeller med kvinnor och män, bakgrund och avslut.",
  "registerStatistics.initiativeDates": "Insatsen: {start} – {end}",
  "registerStatistics.noEnd": "tills vidare",
  "registerStatistics.noneIndividual": "Inga individinriktade insatser pågick under perioden.",
  "registerStatistics.noneStructural": "Inga strukturinriktade insatser pågick under perioden.",
  "registerStatistics.noPeriods": "Inga registrerade perioder ligger helt inom den valda perioden.",
  "registerStatistics.columnFigure": "Uppgift",
  "registerStatistics.columnWomen": "Kvinnor",
  "registerStatistics.columnMen": "Män",
  "registerStatistics.columnTotal": "Totalt",
  "registerStatistics.columnShare": "Andel",
  "registerStatistics.sharesTitle": "Andelar",
  "registerStatistics.captionOf": "{title} – {name}",
  "registerStatistics.definitions": "Så räknas uppgifterna i tabellen",
  "registerStatistics.tableOf": "Tabell: {title}",
  "registerStatistics.thresholdApplies":
    "Förbundets tröskel för röjandekontroll är {threshold}: antal under {threshold} visas som ”< {threshold}”.",
  "registerStatistics.thresholdOff":
    "Förbundets röjandekontroll är avstängd (tröskel 0): alla antal visas som de är.",
  "registerStatistics.zeroShown": "En sann nolla visas som 0.",
  "registerStatistics.zeroHidden":
    "En sann nolla visas också som ”< {threshold}”, så att ingen kan se skillnad på ingen och några få.",
  "registerStatistics.settingsLink": "Ändra förbundets röjandekontroll",
  "registerStatistics.errorFrom":
    "Skriv periodens första dag som ÅÅÅÅ-MM-DD, till exempel {example}.",
  "registerStatistics.errorTo": "Skriv periodens sista dag som ÅÅÅÅ-MM-DD, till exempel {example}.",
  "registerStatistics.errorOrder":
    "Periodens sista dag ({to}) ligger före dess första dag ({from}). Byt plats på datumen.",
  "registerStatistics.errorInitiative": "Insatsen finns inte i förbundet. Välj en insats i listan.",

  "disclosureSettings.title": "Röjandekontroll",
  "disclosureSettings.back": "Tillbaka till deltagarstatistiken",
  "disclosureSettings.lead":
    "Deltagarstatistiken handlar om människor i små sammanhang och kan lämnas ut som allmän handling. Röjandekontrollen ser till att ingen enskild deltagare går att peka ut ur den.",
  "disclosureSettings.currentTitle": "Det här gäller nu",
  "disclosureSettings.currentOn":
    "Tröskeln är {threshold}: antal under {threshold} visas som ”< {threshold}”.",
  "disclosureSettings.currentOff":
    "Röjandekontrollen är avstängd (tröskel 0): alla antal visas som de är.",
  "disclosureSettings.currentDefault": "Det är Samspårs standard; förbundet har inte ändrat den.",
  "disclosureSettings.whereTitle": "Var gäller röjandekontrollen?",
  "disclosureSettings.where":
    "Överallt där statistik lämnar deltagarregistret: sidan Deltagarstatistik, API:t och allt annat som räknar deltagare går igenom samma röjandekontroll. En ändring gäller från och med nu.",
  "disclosureSettings.formTitle": "Ändra röjandekontrollen",
  "disclosureSettings.threshold": "Tröskel",
  "disclosureSettings.thresholdHint":
    "Antal under tröskeln visas som ”< {standard}” (med förbundets tröskel i stället för {standard}), och så många andra antal döljs (”..”) att de dolda inte kan räknas fram ur summorna. En andel visas inte när färre än tröskeln finns i nämnaren. Skriv 0 eller ett heltal från {min} till {max}; {standard} är standard. 0 stänger av röjandekontrollen, vilket bara passar statistik som aldrig lämnas ut.",
  "disclosureSettings.zero": "Visa nollor",
  "disclosureSettings.zeroHint":
    "En sann nolla betyder att ingen i gruppen har till exempel gått till studier. Döljs den visas den som ”< tröskeln” precis som ett litet antal, så att ingen kan se skillnad på ingen och några få.",
  "disclosureSettings.zeroNo": "Nej, visa en sann nolla som ”< tröskeln” (rekommenderas)",
  "disclosureSettings.zeroYes": "Ja, visa 0 när ingen finns i gruppen",
  "disclosureSettings.zeroMissing":
    "Välj om en sann nolla ska visas som 0 eller döljas som ”< tröskeln”.",
  "disclosureSettings.submit": "Spara röjandekontrollen",
  "disclosureSettings.saved":
    "Röjandekontrollen är sparad. Den gäller från och med nu i all statistik ur deltagarregistret.",
  "disclosureSettings.conflictHelp": "Det du valde har inte sparats.",
  "disclosureSettings.reload": "Hämta det som gäller nu",

  "registerLog.nav": "Registerlogg",
  "registerLog.title": "Deltagarregistrets åtkomstlogg",
  "registerLog.lead":
    "Vem som har läst, sökt, visat, exporterat, ändrat, importerat eller raderat uppgifter i deltagarregistret, när och med vilket resultat. Loggen visar aldrig vem deltagaren är – bara deltagarpostens id.",
  "registerLog.filters": "Sök i loggen",
  "registerLog.person": "Person",
  "registerLog.anyPerson": "Alla personer",
  "registerLog.participant": "Deltagarpostens id",
  "registerLog.participantHint":
    "Id:t står i loggen och i deltagarens registerutdrag, till exempel 3f2a9c1e-0b7d-4e2a-9c1e-0b7d4e2a9c1e.",
  "registerLog.action": "Händelse",
  "registerLog.anyAction": "Alla händelser",
  "registerLog.from": "Från och med",
  "registerLog.to": "Till och med",
  "registerLog.dateHint": "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-01.",
  "registerLog.search": "Sök",
  "registerLog.clear": "Visa hela loggen",
  "registerLog.invalid": "Loggen kan inte sökas så. Rätta uppgifterna nedan och försök igen.",
  "registerLog.count":
    "{total, plural, =0 {Inga händelser matchar sökningen.} one {# händelse matchar sökningen.} other {# händelser matchar sökningen.}}",
  "registerLog.caption":
    "Åtkomstlogg, händelse {first, number}–{last, number} av {total, number}, nyast först",
  "registerLog.when": "När",
  "registerLog.who": "Vem",
  "registerLog.role": "Roll",
  "registerLog.organisation": "Organisation",
  "registerLog.what": "Händelse",
  "registerLog.fields": "Uppgifter",
  "registerLog.record": "Deltagarpost",
  "registerLog.register": "Personuppgiftsansvarig",
  "registerLog.outcome": "Resultat",
  "registerLog.request": "Begäran",
  "registerLog.noRecord": "ingen enskild post",
  "registerLog.onlyRecord": "Visa bara händelser för deltagarposten {id}",
  "registerLog.outcome.ok": "genomförd",
  "registerLog.outcome.denied": "nekad",
  "registerLog.outcome.error": "fel",
  "registerLog.roleSystem": "system (automatisk)",
  "registerLog.action.read": "läste",
  "registerLog.action.search": "sökte/listade",
  "registerLog.action.reveal": "visade fullständigt personnummer",
  "registerLog.action.export": "exporterade",
  "registerLog.action.change": "ändrade",
  "registerLog.action.erase": "raderade identiteten",
  "registerLog.action.import": "importerade",
  "registerLog.field.identity.masked": "personnummer (maskerat)",
  "registerLog.field.identity": "personnummer",
  "registerLog.field.name": "namn",
  "registerLog.field.gender": "kön",
  "registerLog.field.birthYear": "födelseår",
  "registerLog.field.protectedIdentity": "skyddade personuppgifter",
  "registerLog.field.consent": "samtycke",
  "registerLog.field.enrollment": "inskrivning",
  "registerLog.field.startDate": "startdatum",
  "registerLog.field.localUnit": "delområde",
  "registerLog.field.municipalityCode": "folkbokföringskommun",
  "registerLog.field.actionPlanDate": "handlingsplan",
  "registerLog.field.background": "bakgrund",
  "registerLog.field.exit": "utskrivning",
  "registerLog.field.externalKey": "deltagar-id",
  "registerLog.field.voided": "felregistrering",
  "registerLog.field.countOnly": "antal deltagare",
  "registerLog.field.erasures": "raderingar",
  "registerLog.field.accessLog": "åtkomstlogg",
  "registerLog.field.measurements": "progressionsmätningar",
  "registerLog.field.jamforelsegrupp": "jämförelsegrupp",
  "registerLog.field.felregistrering:fel_deltagare":
    "felregistrering (registrerad på fel deltagare)",
  "registerLog.field.felregistrering:dubblett": "felregistrering (registrerad två gånger)",
  "registerLog.field.felregistrering:fel_instrument": "felregistrering (fel instrument)",
  "registerLog.field.felregistrering:fel_tillfalle": "felregistrering (fel tillfälle)",
  "registerLog.field.availability": "bokningsbara tider",
  "registerLog.field.booking": "bokning",
  "registerLog.field.bookings": "bokningar",
  "registerLog.field.portalAccount": "portalkonto (språk, påminnelser, kontaktuppgifter)",
  "registerLog.field.portalContact": "kontaktuppgifter för portalen (e-post, mobil)",
  "registerLog.field.portalLanguage": "portalens språk",
  "registerLog.field.planSteps": "handlingsplanens steg",
  "registerLog.field.courseProgress": "kursläsning (kapitel, senaste sida)",
  "registerLog.field.quizAnswers": "svar på kursfrågor",
  "registerLog.field.evaluationReceipts": "Tyck till (att deltagaren svarat eller hoppat över)",
  "registerLog.pages": "Sidor i loggen",
  "registerLog.previous": "Föregående sida",
  "registerLog.next": "Nästa sida",
  "registerLog.page": "Sida {page} av {pages}",
};
