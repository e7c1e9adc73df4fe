// Swedish texts of the deviations pages; spread into sv.ts.
export const deviationsSv = {
  // the list
  "deviation.list.title": "Avvikelserapporter",
  "deviation.list.intro":
    "En avvikelserapport beskriver vad som avviker från planen, varför och vad ni gör åt det. Den kan också begära en ändring av insatsen, som kansliet eller styrelsen beslutar om.",
  "deviation.list.new": "Ny avvikelserapport",
  "deviation.list.filterStatus": "Visa rapporter med status",
  "deviation.list.allStatuses": "Alla statusar",
  "deviation.list.filterInitiative": "Insats",
  "deviation.list.allInitiatives": "Alla insatser",
  "deviation.list.show": "Visa",
  "deviation.list.showAll": "Visa alla rapporter",
  "deviation.list.none": "Det finns inga avvikelserapporter än.",
  "deviation.list.noneMatching": "Inga avvikelserapporter stämmer med det du valt.",
  "deviation.list.count": "{count, plural, one {# avvikelserapport} other {# avvikelserapporter}}",
  "deviation.list.countWithStatus":
    "{count, plural, one {# avvikelserapport} other {# avvikelserapporter}} med status {status}",
  "deviation.list.countForInitiative":
    "{count, plural, one {# avvikelserapport} other {# avvikelserapporter}} för {initiative}",
  "deviation.list.countForInitiativeWithStatus":
    "{count, plural, one {# avvikelserapport} other {# avvikelserapporter}} för {initiative} med status {status}",
  "deviation.list.report": "Rapport",
  "deviation.list.reportNumbered": "Avvikelserapport {number}",
  "deviation.list.reportDraft": "Utkast från {date}",

  // labels
  "deviation.field.initiative": "Insats",
  "deviation.field.owner": "Insatsägare",
  "deviation.field.period": "Insatsens period",
  "deviation.field.status": "Status",
  "deviation.field.registryNumber": "Diarienummer",
  "deviation.field.arrivalDate": "Inkom",
  "deviation.field.decisionDate": "Beslutad",
  "deviation.field.types": "Typ av avvikelse",
  "deviation.field.description": "Beskrivning av avvikelsen",
  "deviation.field.cause": "Orsak",
  "deviation.field.consequence": "Konsekvens",
  "deviation.field.measures": "Åtgärder",
  "deviation.field.request": "Begäran",
  "deviation.type.mal": "Mål",
  "deviation.type.malgrupp": "Målgrupp",
  "deviation.type.budget": "Budget",
  "deviation.type.tidsplan": "Tidsplan",
  "deviation.type.bemanning": "Bemanning",
  "deviation.request.ingen": "Ingen begäran",
  "deviation.request.forlangning": "Förlängning av insatstiden inom budgeten",
  "deviation.request.flytta_medel": "Flytta outnyttjade medel till en senare period",
  "deviation.request.andrad_malgrupp": "Ändrad målgrupp",
  "deviation.request.avslut_i_fortid": "Avslut i förtid",
  "deviation.status.utkast": "Utkast",
  "deviation.status.inskickad": "Inskickad",
  "deviation.status.godkand": "Godkänd",
  "deviation.status.avslagen": "Avslagen",
  "deviation.body.kansli": "Förbundets kansli",
  "deviation.body.styrelse": "Styrelsen",

  // the form (new and edit)
  "deviation.form.requiredToSubmit": "krävs för att skicka in",
  "deviation.form.typesHint": "Välj allt som stämmer.",
  "deviation.form.descriptionHint": "Vad avviker från planen? Beskriv vad som har hänt och när.",
  "deviation.form.causeHint": "Varför blev det så?",
  "deviation.form.consequenceHint":
    "Vad får avvikelsen för följder för deltagarna, målen, tidsplanen eller budgeten?",
  "deviation.form.measuresHint": "Vad har ni gjort, och vad tänker ni göra?",
  "deviation.form.requestTitle": "Begäran om ändring",
  "deviation.form.requestHint":
    "Vill ni att insatsen ändras? Kansliet eller styrelsen beslutar om begäran.",
  "deviation.form.requestFieldsHint":
    "Fyll i fältet som hör till er begäran. Fält som hör till en annan begäran sparas inte.",
  "deviation.form.requestedEndDate": "Nytt slutdatum eller dag för avslut",
  "deviation.form.requestedEndDateHint":
    "Vid förlängning: det nya slutdatumet. Vid avslut i förtid: dagen insatsen slutar. Skriv ÅÅÅÅ-MM-DD.",
  "deviation.form.requestedEndDateHintWithEnd":
    "Insatsen pågår {start}–{end}. Vid förlängning: ett slutdatum efter {end}. Vid avslut i förtid: dagen insatsen slutar, senast {end}. Skriv ÅÅÅÅ-MM-DD.",
  "deviation.form.requestedTargetGroup": "Ny målgrupp",
  "deviation.form.requestedTargetGroupHint":
    "Vid ändrad målgrupp: beskriv målgruppen som den ska vara.",
  "deviation.form.requestedTargetGroupHintWithCurrent":
    "Vid ändrad målgrupp: beskriv målgruppen som den ska vara. Nu: {current}",
  "deviation.form.requestedAmount": "Belopp att flytta, i hela kronor",
  "deviation.form.requestedAmountHint":
    "Vid flytt av medel: hur mycket som inte används och ska flyttas till en senare period, till exempel 150 000.",
  "deviation.form.save": "Spara utkastet",
  "deviation.form.saveDraft": "Spara som utkast",
  "deviation.conflict.title": "Ändringar som någon annan har sparat",
  "deviation.conflict.intro":
    "Det du har skrivit finns kvar i formuläret men är inte sparat. Kopiera det du vill behålla. Hämta sedan den senaste versionen och för in dina ändringar i den.",
  "deviation.conflict.before": "Innan:",
  "deviation.conflict.theirs": "Nu sparat:",
  "deviation.conflict.empty": "(tomt)",
  "deviation.conflict.noDetails": "Rapportens status har ändrats, inte innehållet.",
  "deviation.conflict.reload": "Hämta den senaste versionen",

  // the new page
  "deviation.new.title": "Ny avvikelserapport",
  "deviation.new.intro":
    "Välj insatsen och beskriv avvikelsen. Du kan spara ett ofullständigt utkast och skicka in rapporten senare.",
  "deviation.new.initiativeHint":
    "Insatser som pågår eller är beviljade och som du skriver rapporter för.",
  "deviation.new.initiativeOption": "{name} ({status}, slutar {end})",
  "deviation.new.noInitiatives":
    "Det finns ingen pågående eller beviljad insats som du skriver rapporter för. Avvikelserapporter skrivs för insatser som pågår eller är beviljade.",

  // the edit page
  "deviation.edit.title": "Ändra avvikelserapport för {initiative}",
  "deviation.edit.intro":
    "Ett utkast får vara ofullständigt. När allt är ifyllt skickar du in rapporten från rapportens sida.",
  "deviation.edit.notEditableTitle": "Rapporten kan inte ändras",
  "deviation.edit.notEditable":
    "Avvikelserapporten är inskickad och kan inte ändras. Skriv en kommentar på rapportens sida, eller skriv en ny rapport.",

  // the report's page
  "deviation.title": "Avvikelserapport för {initiative}",
  "deviation.titleNumbered": "Avvikelserapport {number} för {initiative}",
  "deviation.backToList": "Tillbaka till avvikelserapporterna",
  "deviation.backToReport": "Tillbaka till rapporten",
  "deviation.reload": "Hämta den senaste versionen av rapporten",
  "deviation.noRegistryNumber": "Får diarienummer när rapporten skickas in",
  "deviation.notArrived": "Inte inskickad",
  "deviation.period": "{start} – {end}",
  "deviation.plannedEnd": "(planerat slut {date})",
  "deviation.edit": "Ändra rapporten",
  "deviation.downloadDocx": "Ladda ner som Word",
  "deviation.downloadPdf": "Ladda ner som PDF",
  "deviation.contentTitle": "Rapporten",
  "deviation.notGiven": "Inte ifyllt.",
  "deviation.requestedNewEnd": "Begärt nytt slutdatum: {date}",
  "deviation.requestedActualEnd": "Insatsen slutar: {date}",
  "deviation.requestedAmount": "Belopp att flytta till en senare period: {amount}",
  "deviation.notice.created": "Utkastet är sparat. Skicka in rapporten när allt är ifyllt.",
  "deviation.notice.saved": "Ändringarna är sparade.",
  "deviation.notice.submitted": "Rapporten är inskickad och har fått diarienummer {number}.",
  "deviation.notice.decided": "Beslutet är registrerat.",
  "deviation.notice.commented": "Kommentaren är sparad.",
  "deviation.submitTitle": "Skicka in rapporten",
  "deviation.submitHelp":
    "När rapporten skickas in får den diarienummer och dagens datum som ankomstdatum. Sedan kan den inte ändras.",
  "deviation.submit": "Skicka in rapporten",
  "deviation.decideTitle": "Fatta beslut",
  "deviation.decideHelp":
    "Godkänn eller avslå rapporten och dess begäran. Ett godkännande ändrar insatsen direkt.",
  "deviation.effectTitle": "Om rapporten godkänns:",
  "deviation.effect.ingen": "insatsen ändras inte.",
  "deviation.effect.forlangning": "insatsens slutdatum ändras från {from} till {to}.",
  "deviation.effect.avslut_i_fortid":
    "insatsen avslutas i förtid {date}. Det planerade slutet {planned} sparas.",
  "deviation.effect.andrad_malgrupp": "insatsens målgrupp ändras till den nya målgruppen.",
  "deviation.effect.flytta_medel":
    "{amount} flyttas till en senare period när budgeten fördelas om i ekonomidelen. Insatsen ändras inte nu.",
  "deviation.decisionBody": "Vem fattar beslutet?",
  "deviation.decisionBodyHint":
    "Kansliet beslutar enligt delegation. Välj styrelsen när du registrerar ett styrelsebeslut.",
  "deviation.decisionAsBoard": "Du registrerar styrelsens beslut.",
  "deviation.decision": "Beslut",
  "deviation.approve": "Godkänn",
  "deviation.reject": "Avslå",
  "deviation.decisionDate": "Beslutsdatum",
  "deviation.dateHint": "Skriv ÅÅÅÅ-MM-DD. Datumet kan inte ligga i framtiden.",
  "deviation.motivation": "Motivering",
  "deviation.motivationHint": "Krävs när rapporten avslås.",
  "deviation.meeting": "Möte",
  "deviation.meetingHint": "Krävs för ett styrelsebeslut, till exempel Styrelsemöte 2027-03-12.",
  "deviation.paragraph": "Paragraf",
  "deviation.paragraphHint": "Krävs för ett styrelsebeslut, till exempel 12.",
  "deviation.meetingParagraph": "{meeting} § {paragraph}",
  "deviation.decideSubmit": "Registrera beslutet",
  "deviation.decisionTitle": "Beslut",
  "deviation.applied.ingen": "Beslutet ändrade inte insatsen.",
  "deviation.applied.forlangning": "Insatsens slutdatum ändrades enligt begäran.",
  "deviation.applied.avslut_i_fortid":
    "Insatsen avslutades i förtid. Det planerade slutet sparades.",
  "deviation.applied.andrad_malgrupp": "Insatsens målgrupp ändrades enligt begäran.",
  "deviation.applied.flytta_medel":
    "Beloppet flyttas till en senare period när budgeten fördelas om i ekonomidelen.",
  "deviation.commentsTitle": "Kommentarer",
  "deviation.noComments": "Inga kommentarer än.",
  "deviation.commentBy": "{name}, {at}",
  "deviation.comment": "Ny kommentar",
  "deviation.commentHint": "Högst 5 000 tecken.",
  "deviation.commentSubmit": "Spara kommentaren",
  "deviation.historyTitle": "Historik",
  "deviation.historyCaption": "{count, plural, one {# version} other {# versioner}}, nyaste först",
  "deviation.historyVersion": "Version",
  "deviation.historyEvent": "Händelse",
  "deviation.historyBy": "Av",
  "deviation.historyAt": "Tid",
  "deviation.historyNote": "Anteckning",
  "deviation.event.created": "Skapad",
  "deviation.event.saved": "Sparad",
  "deviation.event.submitted": "Inskickad",
  "deviation.event.decided": "Beslutad",
} as const;
