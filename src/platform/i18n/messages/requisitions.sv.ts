// Swedish texts of the requisition pages; spread into sv.ts.
export const requisitionsSv = {
  "requisitions.title": "Rekvisitioner",
  "requisitions.backToList": "Tillbaka till rekvisitionerna",
  "requisitions.backToRequisition": "Tillbaka till rekvisitionen",
  "requisitions.reload": "Hämta den senaste versionen av rekvisitionen",
  "requisitions.dateHint": "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-11-30.",
  "requisitions.kilobytes": "{size} kB",
  "requisitions.megabytes": "{size} MB",
  "requisitions.uploadedBy": "{date} av {name}",

  "requisitions.status.utkast": "Utkast",
  "requisitions.status.inskickad": "Inskickad, granskas av kansliet",
  "requisitions.status.aterskickad": "Återskickad för komplettering",
  "requisitions.status.godkand": "Godkänd",
  "requisitions.payment.paidOn": "Utbetald {date}",
  "requisitions.payment.notPaid": "Inte utbetald än",

  "requisitions.category.personal": "Personal",
  "requisitions.category.lokaler": "Lokaler",
  "requisitions.category.resor": "Resor",
  "requisitions.category.material": "Material",
  "requisitions.category.utvardering": "Utvärdering",
  "requisitions.category.ovrigt": "Övrigt",
  "requisitions.coKind.pengar": "Pengar",
  "requisitions.coKind.personaltid": "Personaltid",
  "requisitions.coKind.deltagarersattning": "Deltagarnas ersättningar (ESF)",

  "requisitions.field.period": "Period",
  "requisitions.field.initiative": "Insats",
  "requisitions.field.association": "Förbundsmedel",
  "requisitions.field.coFinancing": "Medfinansiering",
  "requisitions.field.status": "Status",
  "requisitions.field.payment": "Utbetalning",
  "requisitions.field.attachments": "Bilagor",
  "requisitions.field.category": "Kostnadsslag",
  "requisitions.field.periodBudget": "Budget för perioden",
  "requisitions.field.claimed": "Rekvirerat",
  "requisitions.field.party": "Part",
  "requisitions.field.coKind": "Slag av medfinansiering",
  "requisitions.field.note": "Kommentar till kansliet",
  "requisitions.field.fileName": "Fil",
  "requisitions.field.fileSize": "Storlek",
  "requisitions.field.uploaded": "Uppladdad",
  "requisitions.field.submittedAt": "Inskickad",
  "requisitions.field.approved": "Godkänd",

  "requisitions.notice.created":
    "Rekvisitionen är skapad. Fyll i periodens kostnader och ladda upp underlaget.",
  "requisitions.notice.saved": "Rekvisitionen är sparad.",
  "requisitions.notice.submitted": "Rekvisitionen är inskickad till kansliet.",
  "requisitions.notice.returned":
    "Rekvisitionen är återskickad för komplettering. Insatsens ansvariga har fått ett mejl.",
  "requisitions.notice.approved":
    "Rekvisitionen är godkänd. Förbundsmedlen räknas nu som periodens utfall.",
  "requisitions.notice.paid": "Utbetalningen är registrerad.",
  "requisitions.notice.uploaded": "Bilagan är uppladdad.",
  "requisitions.notice.removed": "Bilagan är borttagen.",

  "requisitions.list.intro":
    "Rekvisitioner är insatsernas begäran om förbundsmedel för en period: de faktiska kostnaderna per kostnadsslag, med underlag. Godkända rekvisitioner är insatsens utfall.",
  "requisitions.list.new": "Ny rekvisition",
  "requisitions.list.filterStatus": "Status",
  "requisitions.list.filterYear": "År",
  "requisitions.list.filterInitiative": "Insats",
  "requisitions.list.allStatuses": "Alla statusar",
  "requisitions.list.allYears": "Alla år",
  "requisitions.list.allInitiatives": "Alla insatser",
  "requisitions.list.show": "Visa",
  "requisitions.list.showAll": "Visa alla",
  "requisitions.list.none": "Det finns inga rekvisitioner än.",
  "requisitions.list.noneMatching": "Inga rekvisitioner stämmer med urvalet.",
  "requisitions.list.caption": "{count, plural, one {# rekvisition} other {# rekvisitioner}}",
  "requisitions.list.linkLabel": "{period}, {initiative}",
  "requisitions.list.sum": "Summa",

  "requisitions.new.title": "Ny rekvisition",
  "requisitions.new.intro":
    "Välj insatsen och perioden som rekvisitionen gäller. Varje period har en rekvisition, och den kan skrivas när perioden har börjat.",
  "requisitions.new.initiativeHint": "Insatserna du rekvirerar medel för.",
  "requisitions.new.continue": "Fortsätt",
  "requisitions.new.initiativeDates": "{name} ({start} – {end})",
  "requisitions.new.otherInitiative": "Välj en annan insats",
  "requisitions.new.periodHint":
    "Perioder som har börjat och som ännu inte har någon rekvisition, den senaste först.",
  "requisitions.new.periodOption": "{period} ({start} – {end})",
  "requisitions.new.create": "Skapa rekvisitionen",
  "requisitions.new.existingTitle": "Perioder som redan har en rekvisition",
  "requisitions.new.noOpenPeriods":
    "Alla perioder som har börjat har redan en rekvisition. Öppna rekvisitionen för perioden nedan.",
  "requisitions.new.noDates":
    "Insatsen har inget start- och slutdatum, så den har inga perioder än. Fyll i datumen på insatsens sida.",
  "requisitions.new.notBegun":
    "{count, plural, one {# period} other {# perioder}} har inte börjat än och kan rekvireras senare.",
  "requisitions.new.noInitiatives":
    "Det finns ingen beviljad, pågående eller avslutad insats som du rekvirerar medel för.",
  "requisitions.new.openExisting": "Öppna rekvisitionen som redan finns för perioden",

  "requisitions.view.title": "Rekvisition: {initiative}, {period}",
  "requisitions.view.periodDates": "{period} ({start} – {end})",
  "requisitions.view.approvedBy": "{at} av {name}",
  "requisitions.view.edit": "Ändra belopp, kommentar och bilagor",
  "requisitions.view.money": "Insatsens ekonomi: budget, utfall och prognos",
  "requisitions.view.historyTitle": "Historik",
  "requisitions.view.historyCaption":
    "{count, plural, one {# händelse} other {# händelser}}, den senaste först",
  "requisitions.view.returnedTitle": "Kansliet har skickat tillbaka rekvisitionen",
  "requisitions.view.returnedHelp":
    "Rätta det som kansliet efterfrågar och skicka in rekvisitionen igen.",
  "requisitions.view.amountsTitle": "Belopp",
  "requisitions.view.noBudget":
    "Insatsen har ingen budget registrerad i Samspår, så budgeten för perioden visas som 0 kr.",
  "requisitions.view.associationCaption": "Förbundsmedel för {period} per kostnadsslag, i kronor",
  "requisitions.view.sum": "Summa",
  "requisitions.view.ratio": "Rekvirerade förbundsmedel motsvarar {ratio} % av periodens budget.",
  "requisitions.view.ratioNone":
    "Perioden har ingen budget för förbundsmedel, så ingen förbrukningskvot kan räknas fram.",
  "requisitions.view.coTitle": "Medfinansiering och egen finansiering",
  "requisitions.view.coCaption": "Medfinansiering för {period} per part och slag, i kronor",
  "requisitions.view.noCo": "Ingen medfinansiering är budgeterad eller redovisad för perioden.",
  "requisitions.view.noNote": "Ingen kommentar.",
  "requisitions.view.attachmentsTitle": "Underlag",
  "requisitions.view.attachmentsCaption": "{count, plural, one {# bilaga} other {# bilagor}}",
  "requisitions.view.noAttachments": "Ingen bilaga är uppladdad.",

  "requisitions.submit.title": "Skicka in",
  "requisitions.submit.help":
    "När rekvisitionen är inskickad granskar kansliet den och godkänner den eller skickar tillbaka den. Förbundsmedel som rekvireras: {amount}.",
  "requisitions.submit.noAttachment":
    "Rekvisitionen har ingen bilaga. Kansliet kan skicka tillbaka den om underlaget saknas.",
  "requisitions.submit.uploadLink": "Ladda upp underlaget",
  "requisitions.submit.button": "Skicka in rekvisitionen",
  "requisitions.submit.again": "Skicka in rekvisitionen igen",

  "requisitions.approve.title": "Godkänn",
  "requisitions.approve.help":
    "När rekvisitionen godkänns blir förbundsmedlen, {amount}, utfallet för {period}. Insatsens ansvariga får ett mejl.",
  "requisitions.approve.noAttachment":
    "Rekvisitionen har ingen bilaga. Skicka tillbaka den om underlaget behövs.",
  "requisitions.approve.button": "Godkänn rekvisitionen",
  "requisitions.return.title": "Skicka tillbaka för komplettering",
  "requisitions.return.help":
    "Insatsens ansvariga får ett mejl med skälet och kan rätta rekvisitionen och skicka in den igen.",
  "requisitions.return.reason": "Skäl",
  "requisitions.return.reasonHint":
    "Skriv vad som saknas eller ska rättas, till exempel att underlaget saknas.",
  "requisitions.return.button": "Skicka tillbaka rekvisitionen",
  "requisitions.pay.title": "Registrera utbetalning",
  "requisitions.pay.help": "Registrera dagen förbundsmedlen, {amount}, betalades ut.",
  "requisitions.pay.paidOn": "Utbetalningsdag",
  "requisitions.pay.button": "Markera som betald",

  "requisitions.history.at": "Tid",
  "requisitions.history.event": "Händelse",
  "requisitions.history.by": "Av",
  "requisitions.history.note": "Anteckning",
  "requisitions.event.skapad": "Skapad",
  "requisitions.event.sparad": "Sparad",
  "requisitions.event.inskickad": "Inskickad",
  "requisitions.event.aterskickad": "Återskickad för komplettering",
  "requisitions.event.godkand": "Godkänd",
  "requisitions.event.betald": "Utbetald",
  "requisitions.event.bilaga_tillagd": "Bilaga uppladdad",
  "requisitions.event.bilaga_borttagen": "Bilaga borttagen",

  "requisitions.edit.title": "Ändra rekvisitionen: {initiative}, {period}",
  "requisitions.edit.intro":
    "Fyll i periodens faktiska kostnader i hela kronor, till exempel 125 000. Lämna ett fält tomt om det inte finns några kostnader av det slaget.",
  "requisitions.edit.returnedHelp": "Rätta det som kansliet efterfrågar, spara och skicka in igen.",
  "requisitions.edit.associationTitle": "Förbundsmedel",
  "requisitions.edit.associationHint":
    "Kostnaderna som förbundet ska betala, per kostnadsslag. Budgeten för perioden står vid varje fält.",
  "requisitions.edit.amountLabel": "{category}, kronor",
  "requisitions.edit.budgetHint": "Budget för perioden: {amount}.",
  "requisitions.edit.coTitle": "Medfinansiering och egen finansiering",
  "requisitions.edit.coHint":
    "Vad parterna själva har bidragit med under perioden: pengar, personaltid eller deltagarnas ersättningar. En rad per part, slag och kostnadsslag.",
  "requisitions.edit.coRow": "Medfinansiering, rad {number}",
  "requisitions.edit.coAmount": "Belopp, kronor",
  "requisitions.edit.coNoBudget": "Ingen budget för den här raden.",
  "requisitions.edit.choose": "Välj …",
  "requisitions.edit.owner": "{name} (insatsägare)",
  "requisitions.edit.moreRows": "Behöver du fler rader: spara, så kommer två nya tomma rader.",
  "requisitions.edit.noteHint":
    "Frivilligt. Till exempel vad en vakans betydde för kostnaderna under perioden.",
  "requisitions.edit.save": "Spara",
  "requisitions.edit.attachmentsIntro":
    "Underlaget är normalt ett utdrag ur huvudboken för perioden. Bilagor kan laddas upp och tas bort tills rekvisitionen är inskickad.",
  "requisitions.edit.actions": "Åtgärder",
  "requisitions.edit.remove": "Ta bort",
  "requisitions.edit.removeLabel": "Ta bort {name}",
  "requisitions.edit.file": "Välj fil",
  "requisitions.edit.fileHint": "PDF, Excel (xlsx), Word (docx) eller OpenDocument, högst 10 MB.",
  "requisitions.edit.upload": "Ladda upp",
  "requisitions.edit.notEditableTitle": "Rekvisitionen kan inte ändras",
  "requisitions.edit.notEditable.inskickad":
    "Rekvisitionen är inskickad och granskas av kansliet. Behöver något rättas skickar kansliet tillbaka den.",
  "requisitions.edit.notEditable.godkand":
    "Rekvisitionen är godkänd, och en godkänd rekvisition ändras inte.",
};
