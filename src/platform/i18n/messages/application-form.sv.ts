// Swedish texts of the application form (new and edit); spread into sv.ts.
// The help text under each heading is the association's own (application settings), not here.
export const applicationFormSv = {
  "applicationForm.newTitle": "Ny ansökan",
  "applicationForm.editTitle": "Ändra ansökan: {name}",
  "applicationForm.backToList": "Alla ansökningar",
  "applicationForm.backToApplication": "Tillbaka till ansökan",
  "applicationForm.newIntro":
    "Du kan spara ett utkast så fort du har skrivit insatsens namn och valt insatsägare. Resten kan du fylla i senare. Allt som krävs måste vara ifyllt när ansökan skickas in.",
  "applicationForm.editIntro":
    "Du kan spara utkastet så ofta du vill, även om allt inte är ifyllt än.",
  "applicationForm.helpMarker": "Rubriker med * har förklarande text.",
  "applicationForm.formVersion": "Blankett: {version}",
  "applicationForm.requiredToSubmit": "krävs för att skicka in",
  "applicationForm.onPaper":
    "Ansökan har kommit in på papper eller e-post (registreras av kansliet)",
  "applicationForm.onPaperHint":
    "Markera om du för in en ansökan som en medlemsorganisation har skickat till förbundet.",
  "applicationForm.saveDraft": "Spara utkast",
  "applicationForm.notice.signaturesRemoved":
    "{count, plural, one {# underskrift togs bort} other {# underskrifter togs bort}} eftersom innehållet ändrades. Be parterna skriva under igen.",
  "applicationForm.notEditableTitle": "Ansökan kan inte ändras nu",
  "applicationForm.notEditableSubmitted":
    "Ansökan är inskickad och kan inte ändras nu. Om något behöver kompletteras skickar förbundet tillbaka den till dig.",
  "applicationForm.notEditableDecided": "Ansökan är beslutad och kan inte ändras.",
  "applicationForm.conflictTitle": "Ändringar som någon annan har sparat",
  "applicationForm.conflictIntro":
    "Det du har skrivit finns kvar i formuläret men är inte sparat. Kopiera det du vill behålla. Hämta sedan den senaste versionen och för in dina ändringar i den.",
  "applicationForm.conflictBefore": "Innan:",
  "applicationForm.conflictTheirs": "Nu sparat:",
  "applicationForm.conflictEmpty": "(tomt)",
  "applicationForm.conflictNoDetails":
    "Ansökans status eller underskrifter har ändrats, inte innehållet.",
  "applicationForm.reload": "Hämta den senaste versionen",
  "applicationForm.markupHint":
    "Skriv vanlig text. En rad som börjar med # och mellanslag blir en rubrik. Rader som börjar med - och mellanslag blir en punktlista. En tom rad ger ett nytt stycke. Webbadresser blir länkar.",
  "applicationForm.rowsHint":
    "Tomma rader sparas inte. Behöver du fler rader? Spara utkastet, så kommer två nya tomma rader.",
  "applicationForm.genderHint": "Andelen män blir då {men} %.",
  "applicationForm.genderHintEmpty":
    "Skriv andelen kvinnor i procent, till exempel 60. Andelen män blir resten upp till 100.",
  "applicationForm.anchoredUnanswered": "Inte besvarat än",

  "applicationForm.section.insatsen": "Insatsen",
  "applicationForm.section.syfteOchMal": "Syfte och mål",
  "applicationForm.section.bakgrund": "Bakgrund",
  "applicationForm.section.insatstid": "Planerad insatstid",
  "applicationForm.section.malgrupp": "Målgrupp",
  "applicationForm.section.metod": "Metod",
  "applicationForm.section.uppfoljning": "Uppföljning",
  "applicationForm.section.tillvaratagande": "Tillvaratagande",
  "applicationForm.section.budget": "Budget",
  "applicationForm.section.forankring": "Förankring",

  "applicationForm.field.name": "Insatsens namn",
  "applicationForm.field.ownerOrganisationId": "Insatsägare",
  "applicationForm.field.partnerIds": "Samverkansparter",
  "applicationForm.field.orientation": "Inriktning",
  "applicationForm.field.preRehabilitation": "Förrehabiliterande",
  "applicationForm.field.esf": "Medfinansierad av Europeiska socialfonden (ESF)",
  "applicationForm.field.purpose": "Syfte",
  "applicationForm.field.goals": "Mål",
  "applicationForm.field.background": "Bakgrund och behov",
  "applicationForm.field.startDate": "Planerad start",
  "applicationForm.field.endDate": "Planerat slut",
  "applicationForm.field.lastIntakeDate": "Sista intag",
  "applicationForm.field.targetGroup": "Målgrupp",
  "applicationForm.field.expectedParticipants": "Förväntat antal deltagare",
  "applicationForm.field.localUnits": "Fördelning per kommun eller delområde",
  "applicationForm.field.genderTargetWomenPercent": "Mål för könsfördelning (andel kvinnor)",
  "applicationForm.field.methods": "Metod(er)",
  "applicationForm.field.followUp": "Uppföljning och utvärdering",
  "applicationForm.field.implementation": "Tillvaratagande och implementering",
  "applicationForm.field.budget": "Sökta medel från förbundet",
  "applicationForm.field.coFinancing": "Egen- och medfinansiering",
  "applicationForm.field.anchored": "Diskuterad i lokal eller strategisk utvecklingsgrupp",
  "applicationForm.field.anchoringDescription": "Hur och när förankrades ansökan",

  "applicationForm.budget.caption": "Sökta medel från förbundet per år och kostnadsslag, i kronor",
  "applicationForm.budget.category": "Kostnadsslag",
  "applicationForm.budget.total": "Summa",
  "applicationForm.budget.cellLabel": "{category} {year}, kronor",
  "applicationForm.budget.yearsHint":
    "Kolumnerna är åren från planerad start till planerat slut. Ändrar du datumen, spara utkastet så visas de nya åren.",
  "applicationForm.budget.totalsNote":
    "Summorna gäller beloppen som fanns när sidan visades. De räknas om när du sparar.",
  "applicationForm.budget.personal": "Personal",
  "applicationForm.budget.lokaler": "Lokaler",
  "applicationForm.budget.resor": "Resor",
  "applicationForm.budget.material": "Material",
  "applicationForm.budget.utvardering": "Utvärdering",
  "applicationForm.budget.ovrigt": "Övrigt",

  "applicationForm.coFinancing.row": "Finansiering {number}",
  "applicationForm.coFinancing.party": "Part",
  "applicationForm.coFinancing.kind": "Vad parten bidrar med",
  "applicationForm.coFinancing.year": "År",
  "applicationForm.coFinancing.amount": "Belopp i kronor",
  "applicationForm.coFinancing.pengar": "Pengar",
  "applicationForm.coFinancing.personaltid": "Personaltid",
  "applicationForm.coFinancing.deltagarersattning": "Deltagarnas ersättningar (ESF)",
} as const;
