// Swedish texts of the budget pages (an initiative's budget, versions, import and export); spread into sv.ts.
export const budgetsSv = {
  "budgets.title": "Budget",
  "budgets.pageTitle": "Budget: {name}",
  "budgets.backToInitiative": "Tillbaka till insatsen",
  "budgets.backToBudget": "Tillbaka till budgeten",
  "budgets.intro":
    "Budgeten per år och rapportperiod och per kostnadsslag, uppdelad på förbundsmedel och varje parts egen finansiering eller medfinansiering. Varje ändring sparas som en ny version; de tidigare finns kvar i historiken.",
  "budgets.dates": "Insatsens tid: {start} – {end}.",
  "budgets.noDates":
    "Insatsen saknar start- eller slutdatum, så den har inga perioder att budgetera. Ange datumen på insatsens sida först.",
  "budgets.none": "Insatsen har ingen budget än.",
  "budgets.reload": "Hämta budgeten som gäller nu",

  "budgets.notice.sparad": "Budgeten är sparad som en ny version.",
  "budgets.notice.importerad": "Budgeten från filen är sparad som en ny version.",
  "budgets.notice.omfordelad":
    "Omfördelningen är sparad som en ny version. Den tidigare versionen finns kvar i historiken.",

  "budgets.actions": "Åtgärder",
  "budgets.action.edit": "Ändra budget",
  "budgets.action.create": "Lägg in budget",
  "budgets.action.propose": "Föreslå från ansökan",
  "budgets.action.rephase": "Omfördela efter avvikelse",
  "budgets.action.template": "Ladda ner mall (XLSX)",
  "budgets.action.import": "Importera från XLSX",
  "budgets.action.export": "Ladda ner budget (XLSX)",
  "budgets.rephaseNeedsDeviation":
    "Omfördelning kräver en godkänd avvikelserapport för insatsen där begäran är att flytta medel.",

  "budgets.current": "Budgeten som gäller",
  "budgets.field.version": "Version",
  "budgets.field.kind": "Slag",
  "budgets.field.reason": "Orsak",
  "budgets.field.savedBy": "Sparad av",
  "budgets.field.savedAt": "Sparad",
  "budgets.field.deviation": "Avvikelserapport",
  "budgets.field.association": "Förbundsmedel",
  "budgets.field.coFinancing": "Medfinansiering",
  "budgets.field.total": "Totalt",
  "budgets.field.status": "Status",
  "budgets.versionNumber": "Version {number}",
  "budgets.deviationLink": "Avvikelserapport {number}",
  "budgets.deviationNoNumber": "Avvikelserapporten",

  "budgets.kind.beslut": "Beslut",
  "budgets.kind.revision": "Revision",
  "budgets.kind.omfordelning": "Omfördelning efter avvikelse",
  "budgets.kind.import": "Import från XLSX",
  "budgets.status.gallande": "Gäller",
  "budgets.status.ersatt": "Ersatt",

  "budgets.category.personal": "Personal",
  "budgets.category.lokaler": "Lokaler",
  "budgets.category.resor": "Resor",
  "budgets.category.material": "Material",
  "budgets.category.utvardering": "Utvärdering",
  "budgets.category.ovrigt": "Övrigt",
  "budgets.coKind.pengar": "pengar",
  "budgets.coKind.personaltid": "personaltid",
  "budgets.coKind.deltagarersattning": "deltagarnas ersättningar (ESF)",
  "budgets.source.forbund": "Förbundsmedel",
  "budgets.source.medfinansiering": "Medfinansiering",
  "budgets.row.coFinancing": "{party}, {kind} – {category}",
  "budgets.row.formerParty": "{party} (inte längre part)",
  "budgets.row.sumAssociation": "Summa förbundsmedel",
  "budgets.row.sumCoFinancing": "Summa medfinansiering",
  "budgets.row.total": "Totalt",
  "budgets.column.line": "Kostnadsslag och källa",
  "budgets.column.yearTotal": "Summa {year}",
  "budgets.column.outside": "{period} (utanför insatsens tid)",
  "budgets.yearTitle": "{year}",
  "budgets.yearCaption": "Budget {year} per kostnadsslag och period, i kronor",
  "budgets.none.amount": "–",
  "budgets.totalsCaption": "Budgeten per år, i kronor",
  "budgets.column.year": "År",

  "budgets.history": "Versioner",
  "budgets.historyCaption": "Budgetens versioner, den senaste först",
  "budgets.noHistory": "Det finns inga versioner än.",

  "budgets.edit.title": "Ändra budget: {name}",
  "budgets.edit.createTitle": "Lägg in budget: {name}",
  "budgets.edit.proposalTitle": "Budget enligt ansökan: {name}",
  "budgets.edit.intro":
    "Fyll i beloppen i hela kronor. En tom ruta betyder att raden inte finns i budgeten; 0 betyder noll kronor. När du sparar blir budgeten en ny version och den som gäller nu sparas i historiken.",
  "budgets.edit.coFinancingHint":
    "Medfinansiering förs på kostnadsslaget personal när det är personaltid och på övrigt när det är pengar eller deltagarnas ersättningar. Vill du föra medfinansiering på ett annat kostnadsslag går det i XLSX-mallen.",
  "budgets.edit.years": "Visa år",
  "budgets.edit.allYears": "Alla år",
  "budgets.edit.yearOnly":
    "Du ändrar bara {year}. Beloppen för de andra åren följer med oförändrade när du sparar.",
  "budgets.edit.kind": "Vad är det för ändring?",
  "budgets.edit.kindBeslut": "Beslut (styrelsens eller kansliets beslut om budgeten)",
  "budgets.edit.kindRevision": "Revision (en ändring av budgeten som gäller)",
  "budgets.edit.reason": "Orsak",
  "budgets.edit.reasonHint":
    "Till exempel styrelsens beslut med datum och paragraf, eller vad som ändrats och varför.",
  "budgets.edit.save": "Spara budgeten",
  "budgets.edit.totalsNote":
    "Summorna gäller beloppen som fanns när sidan visades. De räknas om när du sparar.",

  "budgets.proposal.from":
    "Förslaget kommer från den beviljade ansökan {number}. Granska beloppen och spara dem som budgetens beslut.",
  "budgets.proposal.spread":
    "Varje års belopp är fördelat på årets perioder efter hur många av periodens månader insatsen pågår. Ingen krona har lagts till eller försvunnit.",
  "budgets.proposal.coFinancing":
    "Ansökan anger medfinansiering per part och år utan kostnadsslag. I förslaget står personaltid under personal och pengar och deltagarnas ersättningar under övrigt.",
  "budgets.proposal.moved":
    "Ansökans belopp för {year} ({amount}) ligger utanför insatsens tid och står i förslaget i perioden {period}.",
  "budgets.proposal.notParty":
    "{party} är inte längre part i insatsen. Dess medfinansiering i ansökan ({amount}) är inte med i förslaget.",
  "budgets.proposal.decidedAmount":
    "Beslutet beviljade {decided}, men ansökans budget är {applied}. Justera beloppen om budgeten ska följa beslutet.",
  "budgets.proposal.none": "Insatsen har ingen beviljad ansökan att föreslå en budget från.",

  "budgets.rephase.title": "Omfördela budget: {name}",
  "budgets.rephase.intro":
    "Flytta pengar mellan perioder och kostnadsslag efter en godkänd avvikelserapport. Summan av förbundsmedlen och av varje parts medfinansiering ska vara densamma som nu. Den budget som gäller nu sparas i historiken.",
  "budgets.rephase.noBudget": "Insatsen har ingen budget att fördela om. Lägg in en budget först.",
  "budgets.rephase.noReports":
    "Det finns ingen godkänd avvikelserapport med begäran att flytta medel som inte redan använts. Omfördelning kräver en sådan.",
  "budgets.rephase.report": "Avvikelserapport som tillåter omfördelningen",
  "budgets.rephase.reportOption": "{number}, beslutad {date}: flytta {amount}",
  "budgets.rephase.reportOptionNoAmount": "{number}, beslutad {date}",
  "budgets.rephase.sumsTitle": "Summor som ska behållas",
  "budgets.rephase.sumsCaption": "Summan per källa: nu och i formuläret, i kronor",
  "budgets.rephase.source": "Källa",
  "budgets.rephase.now": "Nu",
  "budgets.rephase.typed": "I formuläret",
  "budgets.rephase.difference": "Skillnad",
  "budgets.rephase.same": "Samma",
  "budgets.rephase.sourceCoFinancing": "{party}, {kind}",
  "budgets.rephase.reason": "Orsak",
  "budgets.rephase.reasonHint":
    "Vad som flyttas och varför, till exempel vakansen som beskrivs i avvikelserapporten.",
  "budgets.rephase.save": "Spara omfördelningen",

  "budgets.version.title": "Budget version {number}: {name}",
  "budgets.version.changes": "Ändringar från version {number}",
  "budgets.version.changesCaption": "Rader som ändrats från version {number}, i kronor",
  "budgets.version.noChanges": "Inga belopp ändrades från version {number}.",
  "budgets.version.first": "Det här är budgetens första version.",
  "budgets.version.period": "Period",
  "budgets.version.line": "Rad",
  "budgets.version.before": "Före",
  "budgets.version.after": "Efter",
  "budgets.version.difference": "Skillnad",
  "budgets.version.missing": "ingen rad",
  "budgets.version.newer": "Det finns en nyare version. Se budgeten som gäller nu.",

  "budgets.import.title": "Importera budget från XLSX: {name}",
  "budgets.import.intro":
    "Ladda ner mallen, fyll i beloppen och ladda upp filen här. Först kontrolleras hela filen och du ser summorna; ingenting sparas förrän du bekräftar. Finns ett enda fel sparas ingenting.",
  "budgets.import.columns":
    "Mallens kolumner är Period, Kostnadsslag, Källa, Part, Slag och Belopp, med de rubrikerna i rad 1 på bladet Budget.",
  "budgets.import.file": "Den ifyllda mallen (XLSX)",
  "budgets.import.fileHint": "Högst 2 MB.",
  "budgets.import.reason": "Orsak",
  "budgets.import.reasonHint": "Lämna tomt för ”Import från” och filens namn.",
  "budgets.import.check": "Kontrollera filen",
  "budgets.import.nothingSaved":
    "Ingenting är sparat. Rätta cellerna i filen och ladda upp den igen.",
  "budgets.import.previewTitle": "Kontrollera summorna innan du sparar",
  "budgets.import.previewIntro":
    "Filen {file} har {count, plural, one {en rad} other {# rader}} med belopp. Ingenting är sparat än.",
  "budgets.import.previewCaption":
    "Budgeten i filen per år, i kronor, jämfört med budgeten som gäller",
  "budgets.import.inFile": "I filen",
  "budgets.import.current": "Gäller nu",
  "budgets.import.confirm": "Spara som ny version",
} as const;
