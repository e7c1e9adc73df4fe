// Swedish texts of the portal: the accessibility statement and reporting a problem. The source catalogue: every other language has
// exactly these keys (the type says so). Plain language: short sentences, everyday words.
export const accessibilitySv = {
  "portal.accessibility.title": "Tillgänglighet",
  "portal.accessibility.intro":
    "Alla ska kunna använda Samspår. Här berättar vi vad som fungerar bra och vad som inte fungerar än. Lagen om tillgänglighet till digital offentlig service (DOS-lagen) säger att vi ska berätta det.",
  "portal.accessibility.coversTitle": "Vad gäller texten?",
  "portal.accessibility.covers":
    "Texten gäller sidorna för deltagare i Samspår. Där ser du din plan, bokar tider, läser guider och ser dina uppgifter. Samordningsförbundet som du deltar genom ansvarar för sidorna.",
  "portal.accessibility.statusTitle": "Hur bra fungerar det?",
  "portal.accessibility.status":
    "Sidorna följer delvis reglerna för tillgänglighet (WCAG 2.1 nivå AA, standarden EN 301 549). Det mesta fungerar. Det som inte fungerar än står här nedanför.",
  "portal.accessibility.problemsTitle": "Det här fungerar inte än",
  "portal.accessibility.problemPdfScript":
    "Pappersblanketten för mätningar (en PDF) har inte arabisk skrift, tigrinsk skrift eller dari. Frågorna står på svenska eller engelska. Be din coach att gå igenom frågorna med dig.",
  "portal.accessibility.problemPdfTags":
    "PDF-filerna är inte märkta för skärmläsare. Det gäller till exempel utdraget med dina uppgifter. En skärmläsare kan läsa dem i fel ordning. Samma uppgifter finns på sidan Mina uppgifter och i en JSON-fil.",
  "portal.accessibility.problemStaffText":
    "Guider och planer skrivs av personal. Ibland finns de bara på svenska. Då står det på sidan.",
  "portal.accessibility.testedTitle": "Så har vi testat",
  "portal.accessibility.testedAxe":
    "Ett program (axe) testar sidorna automatiskt i en webbläsare, på svenska och arabiska.",
  "portal.accessibility.testedKeyboard":
    "Vi har testat att allt går att göra med bara tangentbordet.",
  "portal.accessibility.testedNarrow":
    "Vi har testat på en smal skärm (320 pixlar) och med texten förstorad till 200 %.",
  "portal.accessibility.testedScreenReader": "Vi har provat delar av sidorna med skärmläsare.",
  "portal.accessibility.testedNoJs": "Sidorna fungerar utan JavaScript.",
  "portal.accessibility.updated": "Texten uppdaterades senast {date}.",
  "portal.accessibility.reportTitle": "Rapportera ett problem",
  "portal.accessibility.reportIntro":
    "Fungerar något inte för dig? Berätta det för oss, så rättar vi det. Du behöver inte logga in.",
  "portal.accessibility.reportTo": "Din rapport går till {association}.",
  "portal.accessibility.reportToAll":
    "Rapporten går till alla samordningsförbund som använder Samspår här, eftersom vi inte vet vilket förbund du hör till. Skriv inte sådant om dig själv som du inte vill att de ska läsa. Om du loggar in först går rapporten bara till ditt förbund.",
  "portal.accessibility.pageLabel": "Var är problemet?",
  "portal.accessibility.pageHint":
    "Skriv sidans namn eller vad du ville göra. Till exempel: Boka en tid.",
  "portal.accessibility.descriptionLabel": "Vad hände?",
  "portal.accessibility.descriptionHint": "Skriv med dina egna ord. Du får skriva på ditt språk.",
  "portal.accessibility.contactLabel": "Hur når vi dig? (om du vill)",
  "portal.accessibility.contactHint": "E-post eller telefonnummer, om du vill ha svar.",
  "portal.accessibility.send": "Skicka",
  "portal.accessibility.sent":
    "Tack! Vi har fått ditt meddelande. Om du skrev hur vi når dig, svarar vi så snart vi kan.",
  "portal.accessibility.errorsTitle": "{count, plural, one {Rätta # sak} other {Rätta # saker}}",
  "portal.accessibility.error.page": "Skriv var problemet är.",
  "portal.accessibility.error.description": "Skriv vad som hände.",
  "portal.accessibility.error.tooLong": "Texten är för lång. Skriv högst {max} tecken.",
  "portal.accessibility.enforcementTitle": "Om du inte är nöjd",
  "portal.accessibility.enforcement":
    "Myndigheten för digital förvaltning (Digg) kontrollerar att lagen följs. Är du inte nöjd med hur vi tar hand om det du skrev? Då kan du anmäla det till Digg.",
  "portal.accessibility.enforcementLink": "Anmäl till Digg (digg.se)",
} as const;
