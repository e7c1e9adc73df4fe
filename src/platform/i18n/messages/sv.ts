// The Swedish texts of the user interface, in ICU MessageFormat. Swedish is the source language:
// every key starts here, and other languages must translate exactly these keys.
//
// Write in klarspråk: short sentences, "du", say what happened and what to do next.
// Counts use ICU plurals ("{count, plural, one {# fil} other {# filer}}"); "#" is formatted with
// Swedish grouping. Apostrophes are ICU escapes, so avoid ' in texts (use ’ instead).
import { applicationFormSv } from "./application-form.sv.ts";
import { applicationPagesSv } from "./application-pages.sv.ts";
import { budgetsSv } from "./budgets.sv.ts";
import { courseAuthoringSv } from "./course-authoring.sv.ts";
import { courseFiguresSv } from "./course-figures.sv.ts";
import { coursePagesSv } from "./course-pages.sv.ts";
import { coursePreviewSv } from "./course-preview.sv.ts";
import { deviationsSv } from "./deviations.sv.ts";
import { evaluationStaffSv } from "./evaluation-staff.sv.ts";
import { finalReportsSv } from "./final-reports.sv.ts";
import { financeSv } from "./finance.sv.ts";
import { followUpSv } from "./follow-up.sv.ts";
import { periodicReportsSv } from "./periodic-reports.sv.ts";
import { portalAccessSv } from "./portal-access.sv.ts";
import { portalBookingSv } from "./portal-booking.sv.ts";
import { portalEidSv } from "./portal-eid.sv.ts";
import { portalGuidesSv } from "./portal-guides.sv.ts";
import { portalPlanSv } from "./portal-plan.sv.ts";
import { portalUsageSv } from "./portal-usage.sv.ts";
import { progressionInstrumentsSv } from "./progression-instruments.sv.ts";
import { progressionMeasureSv } from "./progression-measure.sv.ts";
import { progressionResultsSv } from "./progression-results.sv.ts";
import { registerSv } from "./register.sv.ts";
import { registerStatisticsSv } from "./register-statistics.sv.ts";
import { reportingSv } from "./reporting.sv.ts";
import { requisitionsSv } from "./requisitions.sv.ts";
import { steeringGroupsSv } from "./steering-groups.sv.ts";

export const sv = {
  ...applicationFormSv,
  ...applicationPagesSv,
  ...periodicReportsSv,
  ...steeringGroupsSv,
  ...deviationsSv,
  ...finalReportsSv,
  ...reportingSv,
  ...financeSv,
  ...courseFiguresSv,
  ...evaluationStaffSv,
  ...coursePreviewSv,
  ...coursePagesSv,
  ...courseAuthoringSv,
  ...budgetsSv,
  ...requisitionsSv,
  ...registerStatisticsSv,
  ...registerSv,
  ...followUpSv,
  ...progressionInstrumentsSv,
  ...progressionMeasureSv,
  ...progressionResultsSv,
  ...portalAccessSv,
  ...portalEidSv,
  ...portalBookingSv,
  ...portalPlanSv,
  ...portalGuidesSv,
  ...portalUsageSv,
  "app.name": "Samspår",
  "app.tagline": "Uppföljning för samordningsförbund och deras insatser",

  "nav.skipToContent": "Hoppa till innehållet",
  "nav.home": "Start",
  "nav.memberOrganisations": "Medlemsorganisationer",
  "nav.people": "Personer och roller",
  "nav.auditLog": "Granskningslogg",
  "nav.reports": "Rapporter",
  "nav.deviations": "Avvikelser",
  "nav.outbox": "Utkorg",
  "nav.account": "Mitt konto",
  "nav.signOut": "Logga ut",
  "nav.language": "Språk",
  "nav.mainMenu": "Huvudmeny",

  // Language names are written in their own language, so everyone can find theirs.
  "language.sv": "Svenska",
  "language.en": "English",

  "signIn.title": "Logga in",
  "signIn.email": "E-postadress",
  "signIn.password": "Lösenord",
  "signIn.submit": "Logga in",
  "signIn.invalid": "Fel e-postadress eller lösenord. Kontrollera stavningen och försök igen.",
  "signIn.locked":
    "Kontot är tillfälligt låst efter för många misslyckade försök. Försök igen om {minutes, plural, one {# minut} other {# minuter}}.",
  // minutes: whole minutes left, rounded up.
  "signIn.throttled":
    "Det har gjorts för många inloggningsförsök på kort tid. Vänta {minutes, plural, one {# minut} other {# minuter}} och försök sedan igen.",
  "signIn.expired": "Du har varit inaktiv en stund och har loggats ut. Logga in igen.",
  "signIn.signedOut": "Du är utloggad.",
  "signIn.oidc": "Logga in med organisationens konto",

  "totp.title": "Tvåstegsverifiering",
  "totp.code": "Engångskod från din app",
  "totp.codeHint": "Sex siffror från appen, till exempel Microsoft Authenticator eller FreeOTP.",
  "totp.invalid": "Koden stämmer inte. Skriv in den kod som visas i appen just nu.",
  "totp.enrolTitle": "Aktivera tvåstegsverifiering",
  "totp.enrolIntro":
    "Med tvåstegsverifiering behöver du både ditt lösenord och en engångskod från en app i mobilen för att logga in. Öppna appen, skanna QR-koden och skriv in koden som appen visar.",
  "totp.secretLabel": "Om du inte kan skanna koden, skriv in den här nyckeln i appen",
  "totp.enrolled": "Tvåstegsverifiering är aktiverad.",
  "totp.required":
    "Ditt förbund kräver tvåstegsverifiering för personal. Aktivera den för att fortsätta.",

  "errors.summaryTitle": "Det finns {count, plural, one {ett fel} other {# fel}} att rätta",
  "errors.fieldRequired": "Fyll i {field}.",
  "errors.invalidEmail": "Skriv e-postadressen i formatet namn@exempel.se.",
  "errors.csrf": "Formuläret hade gått ut av säkerhetsskäl. Ladda om sidan och skicka igen.",
  "errors.forbidden": "Du har inte behörighet till den här sidan.",
  "errors.notFound": "Sidan finns inte.",
  "errors.server": "Något gick fel hos oss. Försök igen om en stund. Felkod: {requestId}",
  "errors.conflict":
    "Någon annan har ändrat uppgifterna medan du arbetade. Ladda om sidan, kontrollera ändringarna och försök igen.",

  "common.save": "Spara",
  "common.cancel": "Avbryt",
  "common.search": "Sök",
  "common.yes": "Ja",
  "common.no": "Nej",
  "common.required": "obligatoriskt",
  "common.back": "Tillbaka",
  "common.close": "Stäng",

  "role.association_admin": "Förbundsadministratör",
  "role.board_member": "Styrelseledamot/beredningsgrupp",
  "role.initiative_lead": "Insatsansvarig",
  "role.steering_group_member": "Styrgruppsledamot",
  "role.participant_officer": "Deltagaransvarig",
  "role.participant": "Deltagare",
  "role.auditor": "Dataskyddsombud/granskare",

  "orgKind.forsakringskassan": "Försäkringskassan",
  "orgKind.arbetsformedlingen": "Arbetsförmedlingen",
  "orgKind.region": "Region",
  "orgKind.kommun": "Kommun",
  "orgKind.annan": "Annan",

  "people.count": "{count, plural, =0 {Inga personer} one {# person} other {# personer}}",
  "audit.count":
    "{count, plural, =0 {Inga händelser} one {# händelse} other {# händelser}} i granskningsloggen",
  "outbox.empty": "Utkorgen är tom. Inga meddelanden väntar på att skickas.",
  "footer.accessibility": "Tillgänglighetsredogörelse",
  "errors.serverTitle": "Något gick fel",
  "errors.forbiddenTitle": "Ingen behörighet",
  "common.choose": "Välj …",
  "home.title": "Välj förbund",
  "home.noAssociation": "Du har ingen roll i något förbund ännu. Kontakta förbundets kansli.",
  "account.name": "Namn",
  "account.totpOff":
    "Tvåstegsverifiering är inte aktiverad för ditt konto. Med den behövs både lösenordet och en kod från din telefon för att logga in.",
  "totp.activate": "Aktivera",
  "totp.qrLabel": "QR-kod att skanna med din autentiseringsapp",
  "invitation.title": "Välj lösenord",
  "invitation.intro": "Välkommen, {name}! Välj ett lösenord för kontot {email}.",
  "invitation.password": "Nytt lösenord",
  "invitation.passwordHint":
    "Minst 12 tecken. Ett par ord i följd är lätt att minnas och svårt att gissa.",
  "invitation.passwordAgain": "Skriv lösenordet igen",
  "invitation.submit": "Spara lösenordet och logga in",
  "invitation.invalid":
    "Länken har redan använts eller gått ut. Be förbundets administratör om en ny inbjudan.",
  "accessibility.title": "Tillgänglighet för Samspår",
  "accessibility.intro":
    "Samspår ska kunna användas av alla, också med skärmläsare, bara tangentbord, förstoring till 200 % och på en smal mobilskärm. Den här redogörelsen beskriver hur tjänsten uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service. Deltagarnas sidor har en egen redogörelse på deltagarnas språk.",
  "accessibility.statusTitle": "Hur tillgänglig är tjänsten?",
  "accessibility.status":
    "Tjänsten är byggd för att uppfylla WCAG 2.1 på nivå AA (standarden EN 301 549) och uppfyller kraven delvis: bristerna vi känner till står nedan. Alla formulär fungerar även utan JavaScript.",
  "accessibility.knownTitle": "Det här fungerar inte än",
  "accessibility.knownPdfTags":
    "PDF-dokumenten (till exempel ansökningar, rapporter och utdrag) är inte taggade, så en skärmläsare kan läsa dem i fel ordning. Samma innehåll finns på webbsidorna.",
  "accessibility.knownPdfScript":
    "Pappersblanketten för progressionsmätningar (PDF) kan inte visa arabisk skrift, tigrinsk skrift eller dari; blanketten på de språken har frågorna på svenska eller engelska.",
  "accessibility.testedTitle": "Så har vi testat",
  "accessibility.tested":
    "Varje sida testas automatiskt med axe i webbläsartester, varje flöde går att använda med bara tangentbordet, sidorna fungerar i 320 pixlars bredd och med 200 % förstoring, och vi har stickprovat med skärmläsare.",
  "accessibility.updated": "Redogörelsen uppdaterades senast {date}.",
  "accessibility.reportTitle": "Rapportera ett problem",
  "accessibility.report":
    "Om något inte fungerar för dig, berätta det här. Beskriv var det var och vad du försökte göra. Du behöver inte vara inloggad, och kontaktuppgifter behövs bara om du vill ha svar.",
  "accessibility.form.page": "Var är problemet?",
  "accessibility.form.pageHint": "Sidans namn eller adress, eller vad du försökte göra.",
  "accessibility.form.description": "Vad hände?",
  "accessibility.form.descriptionHint": "Beskriv vad du försökte göra och vad som inte fungerade.",
  "accessibility.form.contact": "E-post eller telefon (om du vill ha svar)",
  "accessibility.form.contactHint": "Frivilligt. Vi använder det bara för att svara dig.",
  "accessibility.form.send": "Skicka rapporten",
  "accessibility.form.to": "Rapporten går till {association}.",
  "accessibility.form.toAll":
    "Du är inte inloggad, så rapporten går till kansliet i varje förbund i den här Samspår-installationen. Skriv inte personuppgifter som du inte vill att de ska se.",
  "accessibility.form.toChosen":
    "Du har roller i flera förbund. Välj vilket förbund rapporten gäller, så går den bara till det förbundets kansli.",
  "accessibility.form.association": "Vilket förbund gäller det?",
  "accessibility.form.associationHint":
    "Utan val går rapporten till kansliet i varje förbund i den här Samspår-installationen.",
  "accessibility.form.associationNone": "Inget särskilt förbund",
  "accessibility.form.toAllSignedIn":
    "Du har ingen roll i något förbund, så rapporten knyts inte till ett visst förbund. Den går till kansliet i varje förbund i den här Samspår-installationen.",
  "accessibility.form.sent":
    "Tack! Vi har tagit emot rapporten. Om du lämnade kontaktuppgifter svarar vi så snart vi kan.",
  "accessibility.form.error.page":
    "Skriv var problemet finns, till exempel sidans namn eller vad du försökte göra.",
  "accessibility.form.error.description": "Skriv vad som hände, så att vi kan rätta det.",
  "accessibility.form.error.tooLong": "Texten är för lång. Skriv högst {max} tecken.",
  "accessibility.enforcementTitle": "Tillsyn",
  "accessibility.enforcement":
    "Myndigheten för digital förvaltning (Digg) har tillsyn över lagen. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du anmäla det till Digg.",
  "accessibility.enforcementLink": "Anmäl till Digg",
  "overview.welcome": "Välkommen, {name}.",
  "overview.yourRoles": "Dina roller i förbundet",
  "overview.yourInitiatives": "Dina insatser",
  "overview.memberOrganisations":
    "{count, plural, =0 {Inga medlemsorganisationer} one {# medlemsorganisation} other {# medlemsorganisationer}}",
  "initiativeStatus.ansokan": "Ansökan",
  "initiativeStatus.beviljad": "Beviljad",
  "initiativeStatus.pagaende": "Pågående",
  "initiativeStatus.avslutad": "Avslutad",
  "initiativeStatus.avslutad_i_fortid": "Avslutad i förtid",
  "initiativeStatus.avslagen": "Avslagen",
  "org.name": "Namn",
  "org.orgNumber": "Organisationsnummer",
  "org.orgNumberHint": "Tio siffror, till exempel 212000-0142.",
  "org.kind": "Sorts organisation",
  "org.add": "Lägg till medlemsorganisation",
  "org.saved": "Ändringen är sparad.",
  "org.tableCaption":
    "{count, plural, =0 {Inga medlemsorganisationer ännu} one {# medlemsorganisation} other {# medlemsorganisationer}}",
  "people.add": "Lägg till person",
  "people.addIntro":
    "Personen får ett mejl med en länk för att välja lösenord. Finns personen redan i Samspår får hen bara den nya rollen.",
  "people.role": "Roll",
  "people.roles": "Roller",
  "people.initiative": "Insats",
  "people.initiativeHint":
    "Insatsansvarig, styrgruppsledamot och deltagaransvarig gäller en insats. Övriga roller gäller hela förbundet.",
  "people.wholeAssociation": "Hela förbundet",
  "people.invited": "Personen är tillagd och har fått en inbjudan via mejl.",
  "people.roleAdded": "Personen har fått rollen.",
  "people.saved": "Ändringen är sparad.",
  "people.status": "Status",
  "people.active": "Aktiv",
  "people.activeTotp": "Aktiv, tvåstegsverifiering på",
  "people.disabled": "Avstängd",
  "people.revoke": "Ta bort rollen {role}",
  "people.addRole": "Ge en roll till",
  "people.account": "Kontot",
  "people.disable": "Stäng av kontot",
  "people.enable": "Aktivera kontot igen",
  "audit.chainOk":
    "Granskningsloggen är hel: alla {count} händelser har kontrollerats mot sin kedja.",
  "audit.chainBroken": "Varning: granskningsloggen har ändrats. Kedjan bryts vid händelse {seq}.",
  "audit.searchText": "Sök på person, händelse eller objekt",
  "audit.from": "Från och med",
  "audit.to": "Till och med",
  "audit.when": "När",
  "audit.who": "Vem",
  "audit.what": "Händelse",
  "audit.target": "Objekt",
  "audit.details": "Detaljer",
  "audit.older": "Visa äldre händelser",
  "outbox.smtp": "Meddelanden skickas via e-postservern och visas här med sin status.",
  "outbox.noSmtp":
    "Ingen e-postserver är inställd, så meddelanden skickas inte utan stannar här. Kopiera länken i meddelandet till mottagaren.",
  "outbox.to": "Till",
  "outbox.status.queued": "Väntar på att skickas",
  "outbox.status.sent": "Skickat",
  "outbox.status.outbox": "I utkorgen (skickas inte)",
  "outbox.status.failed": "Kunde inte skickas",
  "signIn.oidcFailed":
    "Inloggningen via organisationens konto gick inte att slutföra. Försök igen.",
  "signIn.oidcUnknown":
    "Det finns inget konto i Samspår för den du loggade in som. Be förbundets kansli att lägga till dig.",
  "nav.initiatives": "Insatser",
  "initiatives.register": "Registrera insats",
  "initiatives.count": "{count, plural, =0 {Inga insatser} one {# insats} other {# insatser}}",
  "initiatives.countFiltered":
    "{count, plural, =0 {Inga insatser matchar sökningen} one {# insats matchar sökningen} other {# insatser matchar sökningen}}",
  "initiatives.filterTitle": "Sök, filtrera och sortera",
  "initiatives.searchText": "Sök på insatsens namn eller insatsägare",
  "initiatives.allOwners": "Alla insatsägare",
  "initiatives.allOrientations": "Båda inriktningarna",
  "initiatives.from": "Pågår någon gång från och med",
  "initiatives.to": "Pågår någon gång till och med",
  "initiatives.sort": "Sortera efter",
  "initiatives.order": "Ordning",
  "initiatives.ascending": "Stigande (A–Ö, tidigast först)",
  "initiatives.descending": "Fallande (Ö–A, senast först)",
  "initiatives.show": "Visa insatser",
  "initiatives.clear": "Visa alla insatser",
  "initiatives.endedEarly": "avslutad i förtid, planerat slut {date}",
  "initiatives.ongoingCount": "{count} löpande",
  "initiative.column": "Insats",
  "initiative.name": "Insatsens namn",
  "initiative.owner": "Insatsägare",
  "initiative.ownerHint": "Den medlemsorganisation som äger insatsen.",
  "initiative.partners": "Samverkansparter",
  "initiative.partnersHint": "Välj minst en medlemsorganisation utöver insatsägaren.",
  "initiative.status": "Status",
  "initiative.orientation": "Inriktning",
  "orientation.individual": "Individinriktad",
  "orientation.structural": "Strukturövergripande",
  "initiative.preRehabilitation": "Förrehabiliterande",
  "initiative.preRehabilitationHint": "Målet för deltagarna är en plan mot arbete eller studier.",
  "initiative.esf": "Medfinansierad av Europeiska socialfonden (ESF)",
  "initiative.otherFacts": "Övrigt om insatsen",
  "initiative.period": "Insatstid",
  "initiative.startDate": "Startdatum",
  "initiative.endDate": "Slutdatum",
  "initiative.lastIntakeDate": "Sista intag",
  "initiative.plannedEndDate": "Ursprungligt planerat slut",
  "initiative.plannedEndDateHint": "Bara för en insats som avslutats i förtid. ÅÅÅÅ-MM-DD",
  "initiative.dateHint": "ÅÅÅÅ-MM-DD",
  "initiative.participants": "Målgrupp och deltagare",
  "initiative.targetGroup": "Målgrupp",
  "initiative.targetGroupHint": "Vilka insatsen är till för.",
  "initiative.expectedParticipants": "Förväntat antal deltagare",
  "initiative.expectedParticipantsHint":
    "För hela insatstiden. Om antalet gäller samtidigt, kryssa i rutan nedanför.",
  "initiative.ongoing": "Löpande (antal samtidigt)",
  "initiative.goals": "Mål",
  "initiative.goalsHint":
    "Ett mål per rad, med ett målvärde i antal eller procent om målet kan mätas. Rader du lämnar tomma sparas inte.",
  "initiative.goal": "Mål {number}",
  "initiative.goalText": "Vad ska uppnås?",
  "initiative.goalKind": "Sorts mål",
  "goalKind.resultatmal": "Resultatmål",
  "goalKind.insatsmal": "Insatsmål",
  "goalKind.effektmal": "Effektmål",
  "initiative.targetNumber": "Målvärde i antal",
  "initiative.targetPercent": "Målvärde i procent",
  "initiative.target": "Målvärde",
  "initiative.noGoals": "Inga mål är registrerade.",
  "initiative.localUnits": "Delområden",
  "initiative.localUnitsHint":
    "Till exempel kommunerna i en insats som omfattar flera kommuner, var och en med sitt eget antal deltagare. Rader du lämnar tomma sparas inte.",
  "initiative.localUnit": "Delområde {number}",
  "initiative.localUnitName": "Namn på delområdet",
  "initiative.noLocalUnits": "Inga delområden är registrerade.",
  "initiative.notSet": "Inte angivet",
  "initiative.create": "Registrera insatsen",
  "initiative.edit": "Ändra uppgifterna",
  "initiative.editTitle": "Ändra {name}",
  "initiative.registered": "Insatsen är registrerad.",
  "initiative.saved": "Ändringarna är sparade.",
  "initiative.backToList": "Alla insatser",
  "initiative.conflictHelp":
    "Kopiera först det du vill behålla, för det du har skrivit här följer inte med.",
  "initiative.reload": "Hämta den senaste versionen",
  "initiative.followUp": "Uppföljning",
  "initiative.periodicReports": "Periodiska rapporter",
  "initiative.deviations": "Avvikelserapporter",
  "initiative.steeringGroup": "Styrgrupp och möten",
  "initiative.moneyLink": "Budget mot utfall och prognos",
  "initiative.newRequisition": "Ny rekvisition",
  "initiative.finalReport": "Slutrapport",
  "initiative.applications": "Ansökan",
  "initiative.applicationNumbered": "Ansökan dnr {number}",
  "initiative.applicationDraft": "Ansökan (inte inskickad)",
  "initiative.applicationArrived": "inkom {date}",
  "initiative.applicationDecided": "beslutad {date}",
  "initiative.editInApplication":
    "Insatsen är en ansökan som inte är beslutad än. Uppgifterna ändras i ansökan, och insatsen följer den.",
  "applicationStatus.utkast": "Utkast",
  "applicationStatus.inskickad": "Inskickad",
  "applicationStatus.under_beredning": "Under beredning",
  "applicationStatus.komplettering": "Åter för komplettering",
  "applicationStatus.beviljad": "Beviljad",
  "applicationStatus.avslagen": "Avslagen",
} as const;
