// Swedish texts of the follow-up report's pages (src/web/routes/follow-up); spread into sv.ts.
// The report's own words (section titles, table headings, colours, notes) are Swedish in every
// output and come from src/follow-up/documents/text.ts and tables.ts.
export const followUpSv = {
  "followUp.nav": "Uppföljning",
  "followUp.listTitle": "Uppföljning av insatser",
  "followUp.listLead":
    "Förbundets uppföljningar av insatserna, som kansliet har låst för styrelsen. En låst version ändras aldrig.",
  "followUp.listLeadOffice":
    "Förbundets uppföljningar av insatserna. Ett utkast räknas fram ur Samspårs uppgifter varje gång det visas; lås en version när den är klar för styrelsen. En låst version ändras aldrig, och nästa uppföljning jämförs med den.",
  "followUp.listHeading": "Uppföljningar",
  "followUp.listCaption": "Förbundets uppföljningar, den senaste perioden först",
  "followUp.none": "Det finns ingen låst uppföljning ännu.",
  "followUp.noneOffice": "Det finns ingen uppföljning ännu. Skapa den första nedan.",
  "followUp.columnPeriod": "Period",
  "followUp.columnDates": "Datum",
  "followUp.columnLocked": "Låst för styrelsen",
  "followUp.columnDraft": "Utkast",
  "followUp.dates": "{from} – {to}",
  "followUp.lockedSummary":
    "Version {number}, låst {at} av {by}{count, plural, one {} other { (# låsta versioner)}}",
  "followUp.notLocked": "Inte låst ännu",
  "followUp.draftSummary": "Version {number}, senast sparad {at} av {by}",
  "followUp.noDraft": "Inget utkast",
  "followUp.newTitle": "Ny uppföljning",
  "followUp.newLead":
    "Välj perioden som uppföljningen gäller, till exempel ett halvår eller ett år. Förslaget är det pågående halvåret ({label}).",
  "followUp.from": "Periodens första dag",
  "followUp.to": "Periodens sista dag",
  "followUp.dateHint": "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel {example}.",
  "followUp.label": "Periodens namn (frivilligt)",
  "followUp.labelHint":
    "Så står perioden i rapportens rubrik. Lämna tomt så namnger Samspår den efter datumen, till exempel ”{label}”.",
  "followUp.create": "Skapa uppföljningen",

  "followUp.back": "Alla uppföljningar",
  "followUp.backToReport": "Tillbaka till rapporten",
  "followUp.reload": "Ladda om sidan och se vad som gäller nu",
  "followUp.draftHeading": "Utkast, version {number}",
  "followUp.lockedHeading": "Låst version {number}",
  "followUp.draftStatus": "Utkast, senast sparat {at} av {by}.",
  "followUp.lockedStatus": "Låst {at} av {by}. En låst version kan inte ändras.",
  "followUp.computedLive":
    "Utkastet räknas fram ur Samspårs uppgifter när sidan visas (nu {at}); siffrorna kan ändras tills versionen låses.",
  "followUp.computedAt": "Rapporten räknades fram {at}, när versionen låstes.",
  "followUp.comparedWith": "Tabell 8 jämförs med den låsta uppföljningen för {label} (låst {at}).",
  "followUp.comparedWithNone":
    "Det finns ingen tidigare låst uppföljning att jämföra tabell 8 med.",
  "followUp.editTexts": "Ändra texterna",
  "followUp.lock": "Lås version {number} för styrelsen",
  "followUp.newVersionHint":
    "Behöver något rättas? Starta en ny version. Den låsta versionen finns kvar som den är.",
  "followUp.newVersion": "Starta version {number}",
  "followUp.downloads": "Ladda ner",
  "followUp.download.pdf": "PDF",
  "followUp.download.docx": "Word (DOCX)",
  "followUp.download.xlsx": "Excel (XLSX), ett blad per tabell",
  "followUp.download.json": "JSON",
  "followUp.versions": "Versioner",
  "followUp.versionDraft": "Version {number}, utkast",
  "followUp.versionLocked": "Version {number}, låst {at}",
  "followUp.onThisPage": "På sidan",
  "followUp.notice.created": "Uppföljningen är skapad. Version {number} är ett utkast.",
  "followUp.notice.saved": "Texterna är sparade.",
  "followUp.notice.locked":
    "Version {number} är låst. Styrelsen kan läsa den, och den ändras aldrig.",
  "followUp.notice.newVersion": "Version {number} är startad som utkast.",

  "followUp.chartData": "Uppgifterna i diagrammet: {caption}",
  "followUp.traceSummary": "Definitioner och underlag",
  "followUp.traceSource": "Källa: {source}.",
  "followUp.traceSources": "Underlaget bakom tabellen",
  "followUp.traceNoParticipants":
    "Deltagare listas aldrig här: uppgifterna om deltagare är statistik efter röjandekontroll.",
  "followUp.edit.summary": "Ändra sammanfattningen",
  "followUp.edit.background": "Ändra bakgrunden",
  "followUp.edit.analysis": "Skriv den sammanfattande analysen",
  "followUp.noSummary": "Ingen sammanfattning är skriven.",
  "followUp.noBackground": "Ingen bakgrund är skriven.",
  "followUp.noAnalysis": "Kansliet har inte skrivit någon sammanfattande analys.",
  "followUp.empty.initiatives": "Inga insatser var aktiva under perioden.",
  "followUp.empty.active": "Inga aktiva insatser under perioden.",
  "followUp.empty.budget": "Ingen insats har budget för perioden.",
  "followUp.empty.individual": "Inga individinriktade insatser under perioden.",
  "followUp.empty.exits": "Ingen avslutades under perioden.",
  "followUp.empty.enrolled": "Ingen skrevs in under perioden.",
  "followUp.empty.ended": "Ingen insats avslutades under perioden.",
  "followUp.emptyPart": "Inga.",
  "followUp.goalComments": "Kommentarer till avvikelser",
  "followUp.noChart.budget": "Ingen förbrukningskvot att visa i diagram.",
  "followUp.noChart.exits":
    "Inget diagram: inga antal per kön kan visas för perioden (röjandekontroll).",
  "followUp.noChart.participants": "Inga antal deltagare att visa i diagram.",
  "followUp.ended.owner": "Ägare",
  "followUp.ended.partners": "Samverkansparter",
  "followUp.ended.dates": "Insatstid",
  "followUp.ended.finalReport": "Slutrapport",
  "followUp.ended.none": "Ingen slutrapport",
  "followUp.ended.purpose": "Syfte",
  "followUp.ended.outcome": "Resultat",

  "followUp.editTitle": "Texterna i uppföljningen för {label}",
  "followUp.noDraftToEdit":
    "Den senaste versionen är låst och kan inte ändras. Starta en ny version för att ändra texterna; den låsta versionen finns kvar som den är.",
  "followUp.editLead":
    "Version {number} är ett utkast. Texten som står i ett fält nu är den som syns i rapporten. Lämnar du Samspårs förslag som det är, eller tömmer fältet, följer texten siffrorna när de ändras. Högst {max} tecken per fält; skriv rubriker med #, punktlistor med - och numrerade listor med 1.",
  "followUp.hintEdited": "Kansliets egen text. Töm fältet för att använda Samspårs förslag igen.",
  "followUp.hintGenerated":
    "Samspårs förslag, skrivet ur siffrorna i rapporten. Skriv om det om du vill.",
  "followUp.hintAnalysis":
    "Kansliets analys för styrelsen: vad som går bra och mindre bra, orsaker och vad förbundet gör.",
  "followUp.saveTexts": "Spara texterna",

  "followUp.lockTitle": "Lås version {number} av uppföljningen för {label}",
  "followUp.lockNothingTitle": "Inget utkast att låsa för {label}",
  "followUp.nothingToLock":
    "Den senaste versionen är redan låst. Starta en ny version från rapportsidan om något behöver rättas.",
  "followUp.lockLead":
    "När du låser räknas rapporten fram en sista gång ur Samspårs uppgifter och sparas som den är. Styrelsen kan läsa den, och ingen kan ändra den efteråt. Nästa uppföljning jämför sina deltagarsiffror med den.",
  "followUp.lockPeriod": "Period",
  "followUp.periodWithDates": "{label} ({from} – {to})",
  "followUp.lockVersion": "Version",
  "followUp.lockTexts": "Kansliets egna texter",
  "followUp.lockTextsValue":
    "Sammanfattning: {summary, select, ja {egen text} other {Samspårs förslag}}. Bakgrund: {background, select, ja {egen text} other {Samspårs förslag}}. Sammanfattande analys: {analysis, select, ja {skriven} other {inte skriven}}.",
  "followUp.lockCompare": "Jämförs med",
  "followUp.lockConfirm": "Jag har läst igenom rapporten och vill låsa den för styrelsen.",
  "followUp.lockSubmit": "Lås version {number}",
} as const;
