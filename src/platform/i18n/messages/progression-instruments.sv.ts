// Swedish texts of progression measurement's pages (instruments); spread into sv.ts.
export const progressionInstrumentsSv = {
  "progressionInstruments.listTitle": "Instrument för skattning",
  "progressionInstruments.listLead":
    "Instrumenten som förbundet kan mäta deltagarnas progression med: Samspårs egna, öppna instrument och förbundets egna. Ett instrument som är publicerat ändras aldrig, eftersom det kan ha svar; en ändring blir en ny version.",
  "progressionInstruments.listLeadReadOnly":
    "Instrumenten som förbundet kan mäta deltagarnas progression med. Det är förbundets kansli som lägger till och ändrar instrument.",
  "progressionInstruments.listCaption": "Förbundets instrument, Samspårs först",
  "progressionInstruments.columnName": "Instrument",
  "progressionInstruments.columnOrigin": "Från",
  "progressionInstruments.columnLicence": "Licens",
  "progressionInstruments.columnVersions": "Versioner",
  "progressionInstruments.fromSamspar": "Från Samspår",
  "progressionInstruments.fromAssociation": "Förbundets eget",
  "progressionInstruments.archivedTag": "Arkiverat",
  "progressionInstruments.open": "Öppet",
  "progressionInstruments.versionPublished": "Version {number}: publicerad {date}",
  "progressionInstruments.versionDraft": "Version {number}: utkast",
  "progressionInstruments.showArchived": "Visa även arkiverade instrument",
  "progressionInstruments.hideArchived": "Visa bara instrument som används",
  "progressionInstruments.none": "Förbundet har inga egna instrument ännu.",
  "progressionInstruments.addOwn": "Lägg till ett eget instrument",
  "progressionInstruments.licensedNote":
    "Licensierade instrument, till exempel KASAM eller de nationella indikatorenkäterna, får bara läggas till om förbundet har licens att använda dem. De får inte formuleras om: skriv in frågorna, skalan och instruktionen exakt som i originalet.",

  "progressionInstruments.newTitle": "Nytt instrument",
  "progressionInstruments.newLead":
    "Ge instrumentet ett namn och ett kortnamn. Sedan skriver du frågorna i ett utkast, som du publicerar när det är klart. Ett publicerat instrument kan väljas i insatsernas mätplaner.",
  "progressionInstruments.key": "Kortnamn",
  "progressionInstruments.keyHint":
    "Små bokstäver a–z, siffror och bindestreck, till exempel kasam-13. Kortnamnet syns i exporter och kan inte ändras.",
  "progressionInstruments.name": "Namn",
  "progressionInstruments.nameHint": "Så som det visas för personalen, till exempel KASAM-13.",
  "progressionInstruments.licence": "Licens",
  "progressionInstruments.licenceHint":
    "Lämna tomt för ett öppet instrument. För ett licensierat: vem som har licensen och på vilka villkor, till exempel Licens från Stiftelsen X, giltig 2026–2028.",
  "progressionInstruments.licenceConfirmed":
    "Förbundet har licens att använda instrumentet oförändrat",
  "progressionInstruments.licenceConfirmedHint":
    "Krävs för ett licensierat instrument. Frågorna får då inte formuleras om.",
  "progressionInstruments.create": "Skapa instrumentet",
  "progressionInstruments.backToList": "Tillbaka till instrumenten",

  "progressionInstruments.shippedNote":
    "Instrumentet kommer från Samspår och är detsamma för alla förbund. Det kan inte ändras här; skapa ett eget instrument om förbundet behöver andra frågor.",
  "progressionInstruments.licencedInstrument":
    "Licensierat instrument: {licence}. Det får inte formuleras om: frågorna, skalan och instruktionen ska vara exakt som i originalet.",
  "progressionInstruments.openInstrument": "Öppet instrument.",
  "progressionInstruments.archivedNote":
    "Instrumentet är arkiverat: det erbjuds inte i nya mätplaner. Versionerna och alla svar finns kvar.",
  "progressionInstruments.noticeCreated":
    "Instrumentet är skapat. Skriv frågorna i utkastet nedan och spara.",
  "progressionInstruments.noticeSaved": "Utkastet är sparat.",
  "progressionInstruments.noticePublished":
    "Versionen är publicerad. Den kan nu väljas i insatsernas mätplaner och ändras aldrig.",
  "progressionInstruments.noticeNewVersion":
    "En ny version är startad som en kopia av den senaste. Ändra den och publicera när den är klar.",
  "progressionInstruments.noticeArchived": "Instrumentet är arkiverat.",
  "progressionInstruments.noticeUnarchived": "Instrumentet används igen.",
  "progressionInstruments.noticeItemAdded":
    "En fråga är tillagd sist. Ändringen sparas när du trycker på Spara utkast.",
  "progressionInstruments.noticeItemRemoved":
    "Fråga {number} är borttagen. Ändringen sparas när du trycker på Spara utkast.",
  "progressionInstruments.noticeSubscaleAdded":
    "En delskala är tillagd sist. Ändringen sparas när du trycker på Spara utkast.",
  "progressionInstruments.noticeSubscaleRemoved":
    "Delskala {number} är borttagen; dess frågor räknas nu bara i totalen. Ändringen sparas när du trycker på Spara utkast.",
  "progressionInstruments.reload": "Ladda om sidan",
  "progressionInstruments.versionHeadingDraft": "Version {number} (utkast)",
  "progressionInstruments.versionHeadingPublished": "Version {number} (publicerad {date})",
  "progressionInstruments.versionMeta": "Skapad {date} av {by}",
  "progressionInstruments.versionPublishedMeta": "Publicerad {date} av {by}",
  "progressionInstruments.draftLead":
    "Utkastet kan ändras tills det publiceras. Tomma översättningar visas på svenska. Alla svenska texter måste vara ifyllda innan versionen kan publiceras.",
  "progressionInstruments.draftReadOnly": "Utkastet är inte publicerat ännu.",
  "progressionInstruments.publishedLead":
    "Versionen är publicerad och kan ha svar. Den ändras aldrig; starta en ny version för att ändra frågorna.",
  "progressionInstruments.olderVersions": "Tidigare versioner",

  "progressionInstruments.about": "Om instrumentet",
  "progressionInstruments.respondent": "Vem svarar",
  "progressionInstruments.respondent_deltagare": "Deltagaren (självskattning)",
  "progressionInstruments.respondent_personal": "Personalen (bedömning av deltagaren)",
  "progressionInstruments.instructions": "Instruktion",
  "progressionInstruments.instructionsHint": "Visas ovanför frågorna. Kort och enkel.",
  "progressionInstruments.scale": "Skala",
  "progressionInstruments.scaleMin": "Lägsta värde",
  "progressionInstruments.scaleMax": "Högsta värde",
  "progressionInstruments.scaleHint": "Ett heltal från 0 till 100.",
  "progressionInstruments.minLabel": "Text för lägsta värdet",
  "progressionInstruments.maxLabel": "Text för högsta värdet",
  "progressionInstruments.minLabelHint": "Till exempel Inte alls.",
  "progressionInstruments.maxLabelHint": "Till exempel Helt och hållet.",
  "progressionInstruments.scoring": "Resultat",
  "progressionInstruments.method": "Hur resultatet räknas",
  "progressionInstruments.method_medel": "Medelvärde av de besvarade frågorna",
  "progressionInstruments.method_summa":
    "Summa (medelvärdet gånger antalet frågor, så att en överhoppad fråga inte sänker summan)",
  "progressionInstruments.minAnsweredShare": "Minsta andel besvarade frågor (procent)",
  "progressionInstruments.minAnsweredShareHint":
    "Har deltagaren svarat på färre frågor ges inget resultat, varken totalt eller för en delskala. Till exempel 70.",
  "progressionInstruments.improvement": "Förbättring som räknas",
  "progressionInstruments.improvementHint":
    "Hur mycket totalen minst ska öka från nollpunkten för att deltagaren ska räknas som förbättrad, till exempel 1.",
  "progressionInstruments.subscales": "Delskalor",
  "progressionInstruments.subscalesLead":
    "En delskala räknas av frågorna som hör till den. En fråga kan höra till en delskala eller bara räknas i totalen.",
  "progressionInstruments.noSubscales": "Instrumentet har inga delskalor.",
  "progressionInstruments.subscaleLegend": "Delskala {number}",
  "progressionInstruments.subscaleKeyHint":
    "Små bokstäver a–z, siffror och _, till exempel vardag_halsa.",
  "progressionInstruments.subscaleName": "Namn på svenska",
  "progressionInstruments.addSubscale": "Lägg till delskala",
  "progressionInstruments.removeSubscale": "Ta bort delskala {number}",
  "progressionInstruments.items": "Frågor",
  "progressionInstruments.itemLegend": "Fråga {number}",
  "progressionInstruments.itemKeyHint":
    "Små bokstäver a–z, siffror och _, till exempel fraga_1. Svaren sparas under kortnamnet.",
  "progressionInstruments.itemText": "Frågan på svenska",
  "progressionInstruments.itemReverse":
    "Omvänd fråga: ett högt svar betyder mindre av det som mäts",
  "progressionInstruments.itemSubscale": "Delskala",
  "progressionInstruments.itemNoSubscale": "Ingen (räknas bara i totalen)",
  "progressionInstruments.addItem": "Lägg till fråga",
  "progressionInstruments.removeItem": "Ta bort fråga {number}",
  "progressionInstruments.inLanguage": "{what} på {language}",
  "progressionInstruments.otherLanguages": "{what} på andra språk",
  "progressionInstruments.nounInstructions": "Instruktionen",
  "progressionInstruments.nounMinLabel": "Texten för lägsta värdet",
  "progressionInstruments.nounMaxLabel": "Texten för högsta värdet",
  "progressionInstruments.nounSubscale": "Delskala {number}s namn",
  "progressionInstruments.nounItem": "Fråga {number}",
  "progressionInstruments.saveDraft": "Spara utkast",
  "progressionInstruments.publish": "Publicera version {number}",
  "progressionInstruments.confirmTitle": "Publicera version {number}?",
  "progressionInstruments.confirmLead":
    "En publicerad version kan väljas i insatsernas mätplaner och ändras aldrig, eftersom den kan få svar. Kontrollera frågorna nedan innan du publicerar.",
  "progressionInstruments.confirmLicensed":
    "Instrumentet är licensierat: kontrollera att frågorna, skalan och instruktionen är exakt som i originalet.",
  "progressionInstruments.confirmPublish": "Ja, publicera version {number}",
  "progressionInstruments.cancel": "Avbryt",
  "progressionInstruments.newVersion": "Starta version {number}",
  "progressionInstruments.newVersionHint":
    "Den nya versionen blir ett utkast med samma frågor som version {number}. Svar som redan finns hör till sin version.",
  "progressionInstruments.archive": "Arkivera instrumentet",
  "progressionInstruments.archiveHint":
    "Ett arkiverat instrument erbjuds inte i nya mätplaner. Inget tas bort.",
  "progressionInstruments.unarchive": "Använd instrumentet igen",
  "progressionInstruments.reverseTag": "omvänd",
  "progressionInstruments.inSubscale": "Delskala: {name}",
  "progressionInstruments.scaleSummary": "{min} ({minLabel}) till {max} ({maxLabel})",
  "progressionInstruments.scoringSummary":
    "{method}; minst {share} procent av frågorna besvarade; förbättrad vid minst {improvement}",
  "progressionInstruments.scoringMedel": "Medelvärde",
  "progressionInstruments.scoringSumma": "Summa",
  "progressionInstruments.language_sv": "svenska",
  "progressionInstruments.language_en": "engelska (English)",
  "progressionInstruments.language_ar": "arabiska (العربية)",
  "progressionInstruments.language_so": "somaliska (Soomaali)",
  "progressionInstruments.language_ti": "tigrinska (ትግርኛ)",
  "progressionInstruments.language_fa": "persiska/dari (فارسی)",
  "progressionInstruments.missingText": "(saknas)",
};
