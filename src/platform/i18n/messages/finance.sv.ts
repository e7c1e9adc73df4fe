// Swedish texts of the association money pages (funds, equity, administrative costs, outcome, ratio and prognosis); spread into sv.ts.
export const financeSv = {
  "finance.title": "Ekonomi",
  "finance.percent": "{percent}\u00a0%",
  "finance.noRatio": "Ingen kvot: budgeten är 0 kr.",
  "finance.reload": "Hämta den senaste versionen",
  "finance.backToFinance": "Tillbaka till ekonomin",
  "finance.backToYear": "Tillbaka till ekonomin {year}",
  "finance.backToInitiative": "Tillbaka till insatsen",

  "finance.notice.fundsSaved": "Förbundets medel för {year} är sparade.",
  "finance.notice.bandSaved": "Normalintervallet är sparat.",
  "finance.notice.prognosisSaved": "Prognosen är sparad.",
  "finance.notice.returnedSaved": "De återförda medlen är registrerade.",

  "finance.prognosis.ok": "OK",
  "finance.prognosis.bevaka": "Bevaka",
  "finance.prognosis.atgard": "Åtgärd",
  "finance.prognosis.avslutad": "Avslutad",
  "finance.prognosis.suggested": "föreslagen utifrån förbrukningskvoten",
  "finance.prognosis.byOffice": "kansliets bedömning",

  "finance.requisition.utkast": "Utkast",
  "finance.requisition.inskickad": "Inskickad",
  "finance.requisition.aterskickad": "Återskickad",
  "finance.requisition.godkand": "Godkänd",
  "finance.payment.betald": "betald",
  "finance.payment.ej_betald": "ej betald",

  "finance.orientation.individual": "Individinriktad",
  "finance.orientation.structural": "Strukturinriktad",

  "finance.kind.forsakringskassan": "Försäkringskassan",
  "finance.kind.arbetsformedlingen": "Arbetsförmedlingen",
  "finance.kind.region": "Region",
  "finance.kind.kommun": "Kommun",
  "finance.kind.annan": "Annan",

  "finance.year.title": "Ekonomi {year}",
  "finance.year.intro":
    "Förbundets tilldelade medel och hur de fördelas på medlemmarna, det egna kapitalet, de administrativa kostnaderna och varje insats budget, utfall och prognos för året.",
  "finance.year.yearNav": "Välj år",
  "finance.year.previous": "Föregående år ({year})",
  "finance.year.next": "Nästa år ({year})",
  "finance.year.editFunds": "Ändra förbundets medel för {year}",
  "finance.year.editBand": "Ändra normalintervallet för förbrukningskvoten",

  "finance.download.title": "Ladda ner",
  "finance.download.xlsx": "Ekonomin {year} som arbetsbok (XLSX)",
  "finance.download.nationalCsv": "Nationella uppgifter {year} (CSV)",
  "finance.download.nationalJson": "Nationella uppgifter {year} (JSON)",

  "finance.split.title": "Tilldelade medel",
  "finance.split.notSaved":
    "Förbundets medel för {year} är inte angivna än. Beloppen nedan är 0 kr tills kansliet har fyllt i dem.",
  "finance.split.ruleSummary": "Så fördelas medlen",
  "finance.split.rule":
    "Försäkringskassan betalar hälften av de tilldelade medlen, också Arbetsförmedlingens del, så Arbetsförmedlingen betalar 0 kr. Regionen eller regionerna betalar en fjärdedel och kommunerna en fjärdedel. Inom regionernas och kommunernas fjärdedel fördelas beloppet efter nyckeln för året, oftast folkmängden, eller i lika delar om ingen nyckel är angiven. Delarna är hela kronor och blir alltid tillsammans exakt de tilldelade medlen.",
  "finance.split.unassigned":
    "Ett belopp kan inte fördelas, eftersom förbundet saknar medlem av något slag:",
  "finance.split.caption": "Tilldelade medel {year} per medlem",
  "finance.split.member": "Medlem",
  "finance.split.kind": "Slag",
  "finance.split.basis": "Fördelningsregel",
  "finance.split.key": "Nyckel",
  "finance.split.amount": "Belopp",
  "finance.split.total": "Summa tilldelade medel",
  "finance.split.basis.half": "Hälften av medlen, också Arbetsförmedlingens del",
  "finance.split.basis.paidByFk": "0 kr: Försäkringskassan betalar Arbetsförmedlingens del",
  "finance.split.basis.key": "Del av fjärdedelen efter nyckel: {key} av {keyTotal}",
  "finance.split.basis.equal":
    "{members, plural, one {Hela fjärdedelen (gruppens enda medlem)} other {Lika del av fjärdedelen (# medlemmar)}}",
  "finance.split.basis.missingKey": "Nyckel saknas för året: 0 kr tills nyckeln är angiven",
  "finance.split.basis.notMember": "Ingår inte i fördelningen",

  "finance.equity.title": "Eget kapital",
  "finance.equity.caption": "Beräknat eget kapital vid årets slut {year}, term för term",
  "finance.equity.term": "Term",
  "finance.equity.source": "Underlag",
  "finance.equity.opening": "Eget kapital vid årets början",
  "finance.equity.openingSource": "Angivet av kansliet för året.",
  "finance.equity.allocation": "+ Tilldelade medel",
  "finance.equity.allocationSource": "Summan av medlemmarnas delar ovan.",
  "finance.equity.returned": "+ Återförda medel",
  "finance.equity.returnedSource": "Medel som insatserna har betalat tillbaka och som avser året.",
  "finance.equity.outcome": "− Insatsernas godkända utfall",
  "finance.equity.outcomeSource":
    "Förbundsmedel i godkända rekvisitioner för årets rapportperioder.",
  "finance.equity.admin": "− Administrativa kostnader",
  "finance.equity.adminOutcomeSource": "Utfallet för året.",
  "finance.equity.adminBudgetSource": "Budgeten för året, eftersom utfallet inte är angivet än.",
  "finance.equity.closing": "Beräknat eget kapital vid årets slut",
  "finance.equity.definitionSummary": "Så räknas det egna kapitalet",
  "finance.equity.definition":
    "Beräknat eget kapital vid årets slut = eget kapital vid årets början + tilldelade medel + återförda medel − insatsernas godkända utfall av förbundsmedel − administrativa kostnader. Medfinansiering är parternas egna medel och påverkar inte förbundets kapital. Under året räknas bara det utfall som är godkänt hittills, så beloppet sjunker när fler rekvisitioner godkänns.",

  "finance.admin.title": "Administrativa kostnader",
  "finance.admin.budget": "Budget",
  "finance.admin.outcome": "Utfall",
  "finance.admin.noOutcome": "Inte angivet än",
  "finance.admin.note": "Anteckning:",

  "finance.initiatives.title": "Insatsernas budget och utfall",
  "finance.initiatives.none": "Inga insatser har budget, utfall eller återförda medel för {year}.",
  "finance.initiatives.caption":
    "Insatser med budget eller utfall {year}, hittills i år räknat till och med {asOf}",
  "finance.initiatives.name": "Insats",
  "finance.initiatives.ytdBudget": "Budget hittills i år",
  "finance.initiatives.ytdOutcome": "Utfall hittills i år",
  "finance.initiatives.ratio": "Förbrukningskvot",
  "finance.initiatives.prognosis": "Prognos",
  "finance.initiatives.yearBudget": "Budget helår",
  "finance.initiatives.yearOutcome": "Utfall helår",
  "finance.initiatives.returned": "Återförda medel",
  "finance.totals.individual": "Summa individinriktade insatser",
  "finance.totals.structural": "Summa strukturinriktade insatser",
  "finance.totals.all": "Summa alla insatser",

  "finance.definitions.summary": "Vad siffrorna betyder",
  "finance.definitions.budget":
    "Budget = förbundsmedel i insatsens gällande budgetversion. Hittills i år: de rapportperioder i år som har slutat.",
  "finance.definitions.budgetVersion":
    "Budget = förbundsmedel i insatsens gällande budgetversion (version {version}).",
  "finance.definitions.noBudget": "Insatsen har ingen budget än: budgeten är 0 kr.",
  "finance.definitions.outcome":
    "Utfall = förbundsmedel i periodens godkända rekvisition. Rekvisitioner som är utkast, inskickade eller återskickade räknas inte.",
  "finance.definitions.ratio":
    "Förbrukningskvot = godkänt utfall ÷ budget för de perioder i år som har slutat, i hela procent. Ingen kvot när budgeten är 0 kr.",
  "finance.definitions.periodRatio": "Förbrukningskvot = godkänt utfall ÷ budget för perioden.",
  "finance.definitions.ytdRatio":
    "Förbrukningskvot hittills i år = godkänt utfall ÷ budget för årets perioder som har slutat.",
  "finance.definitions.coFinancing":
    "Medfinansiering är parternas egna medel (pengar, personaltid eller deltagarnas ersättningar) och ingår inte i kvoten.",
  "finance.definitions.band": "Normalintervall: {low}–{high}\u00a0%.",
  "finance.definitions.prognosis":
    "Prognos: föreslagen utifrån förbrukningskvoten och den senaste lägesrapporten, eller kansliets bedömning med kommentar. Öppna insatsen för skälet.",

  "finance.fundsForm.title": "Förbundets medel {year}",
  "finance.fundsForm.intro":
    "Fyll i årets tilldelade medel, det egna kapitalet vid årets början och de administrativa kostnaderna. Nyckeln fördelar regionernas och kommunernas fjärdedel; lämna nycklarna tomma för lika delar.",
  "finance.fundsForm.missingKinds":
    "Förbundet saknar medlem av slaget {kinds}, så medlen kan inte fördelas.",
  "finance.fundsForm.toOrganisations": "Lägg till medlemmen under Medlemsorganisationer",
  "finance.fundsForm.totalAllocation": "Tilldelade medel för året",
  "finance.fundsForm.totalAllocationHint":
    "Alla medlemmars bidrag tillsammans, i hela kronor, till exempel 12 500 000.",
  "finance.fundsForm.equityOpening": "Eget kapital vid årets början",
  "finance.fundsForm.equityOpeningHint":
    "I hela kronor. Ett negativt eget kapital skrivs med minustecken först, till exempel −150 000.",
  "finance.fundsForm.adminBudget": "Administrativa kostnader, budget",
  "finance.fundsForm.adminBudgetHint": "Kansliets kostnader för året, i hela kronor.",
  "finance.fundsForm.adminOutcome": "Administrativa kostnader, utfall",
  "finance.fundsForm.adminOutcomeHint":
    "Lämna tomt tills utfallet är känt; då räknas det egna kapitalet med budgeten.",
  "finance.fundsForm.keysKommun": "Kommunernas nyckel",
  "finance.fundsForm.keysRegion": "Regionernas nyckel",
  "finance.fundsForm.keysHint":
    "Ett heltal per medlem, oftast folkmängden. Fyll i alla eller ingen: utan nycklar blir delarna lika stora.",
  "finance.fundsForm.key": "Nyckel för {name}",
  "finance.fundsForm.note": "Anteckning",
  "finance.fundsForm.noteHint": "Till exempel styrelsens beslut om medlen.",
  "finance.fundsForm.submit": "Spara förbundets medel",

  "finance.band.title": "Normalintervall för förbrukningskvoten",
  "finance.band.intro":
    "Förbrukningskvoter inom intervallet räknas som normala. Nu gäller {low}–{high}\u00a0%.",
  "finance.band.rulesSummary": "Så föreslås prognosen",
  "finance.band.ruleOk":
    "OK: förbrukningskvoten hittills i år ligger inom intervallet, eller ingen period med budget har slutat än.",
  "finance.band.ruleBevaka":
    "Bevaka: kvoten ligger utanför intervallet, högst {margin} procentenheter.",
  "finance.band.ruleAtgard":
    "Åtgärd: kvoten ligger mer än {margin} procentenheter utanför intervallet, eller utanför intervallet när den senaste lägesrapporten säger att insatsen inte ligger i fas.",
  "finance.band.ruleAvslutad": "Avslutad: insatsen är avslutad.",
  "finance.band.ruleOverride":
    "Kansliet kan ändra prognosen för den senaste perioden som har slutat, med en kommentar.",
  "finance.band.low": "Nedre gräns (procent)",
  "finance.band.lowHint": "Ett heltal, till exempel 80.",
  "finance.band.high": "Övre gräns (procent)",
  "finance.band.highHint": "Ett heltal, minst lika stort som den nedre gränsen, till exempel 110.",
  "finance.band.submit": "Spara normalintervallet",

  "finance.initiative.title": "Ekonomi: {name}",
  "finance.initiative.intro":
    "Insatsens budget och godkända utfall per rapportperiod, förbrukningskvoten och prognosen.",
  "finance.initiative.showYear": "Visa {year}",
  "finance.initiative.summaryTitle": "Hittills {year}",
  "finance.initiative.ytdBudget": "Budget hittills i år",
  "finance.initiative.ytdOutcome": "Godkänt utfall hittills i år",
  "finance.initiative.ytdRatio": "Förbrukningskvot hittills i år",
  "finance.initiative.band": "Normalintervall",
  "finance.initiative.bandValue": "{low}–{high}\u00a0%",
  "finance.initiative.prognosis": "Prognos",
  "finance.initiative.prognosisByOffice": "kansliets bedömning ({name}, {at})",
  "finance.initiative.suggested": "Föreslagen prognos",
  "finance.initiative.officeComment": "Kansliets kommentar",
  "finance.initiative.ytdPeriods":
    "Hittills i år: perioderna {periods}, räknat till och med {asOf}.",
  "finance.initiative.noEndedPeriods":
    "Ingen av årets perioder har slutat {asOf}, så det finns inget utfall att jämföra än.",
  "finance.initiative.periodsTitle": "Per rapportperiod",
  "finance.initiative.noPeriods": "Insatsen har inga rapportperioder {year}.",
  "finance.initiative.periodsCaption": "Budget och utfall per rapportperiod {year}",
  "finance.initiative.period": "Period",
  "finance.initiative.budget": "Budget (förbundsmedel)",
  "finance.initiative.outcome": "Godkänt utfall",
  "finance.initiative.ratio": "Förbrukningskvot",
  "finance.initiative.requisition": "Rekvisition",
  "finance.initiative.coFinancing": "Medfinansiering {year}",
  "finance.initiative.coFinancingValue": "budget {budget}, utfall {outcome} (ingår inte i kvoten)",
  "finance.initiative.ended": "slutade {end}",
  "finance.initiative.notEnded": "slutar {end}",
  "finance.initiative.ratioLater": "när perioden har slutat",
  "finance.initiative.noRequisition": "Ingen rekvisition",
  "finance.initiative.openRequisition": "öppna rekvisitionen för {period}",
  "finance.initiative.ytdRow": "Hittills i år",
  "finance.initiative.yearRow": "Helår {year}",

  "finance.override.title": "Prognos",
  "finance.override.intro":
    "Ändra prognosen för {period} om kansliets bedömning skiljer sig från den föreslagna. Kommentaren förklarar varför och visas för alla som ser insatsens ekonomi.",
  "finance.override.prognosis": "Prognos",
  "finance.override.comment": "Kommentar",
  "finance.override.commentHint":
    "Varför prognosen ska vara en annan, till exempel en känd vakans.",
  "finance.override.submit": "Spara prognosen",
  "finance.override.noPeriod":
    "Prognosen kan ändras när den första av årets rapportperioder har slutat.",
  "finance.override.noHistory": "Kansliet har inte ändrat prognosen för insatsen.",
  "finance.override.historyCaption": "Kansliets prognoser, senaste först",
  "finance.override.setAt": "Tidpunkt",
  "finance.override.setBy": "Av",

  "finance.returned.title": "Återförda medel",
  "finance.returned.definition":
    "Outnyttjade förbundsmedel som insatsen har betalat tillbaka, med orsaken. De ökar förbundets egna kapital för året de avser.",
  "finance.returned.none": "Insatsen har inte återfört några medel.",
  "finance.returned.caption": "Återförda medel, senaste först",
  "finance.returned.returnedOn": "Återfört den",
  "finance.returned.year": "Avser år",
  "finance.returned.amount": "Belopp",
  "finance.returned.reason": "Orsak",
  "finance.returned.by": "Registrerat av",
  "finance.returned.formTitle": "Registrera återförda medel",
  "finance.returned.amountLabel": "Belopp",
  "finance.returned.amountHint": "I hela kronor, större än 0, till exempel 45 000.",
  "finance.returned.reasonLabel": "Orsak",
  "finance.returned.reasonHint": "Till exempel en vakans under perioden.",
  "finance.returned.returnedOnLabel": "Dagen medlen kom tillbaka",
  "finance.returned.returnedOnHint": "ÅÅÅÅ-MM-DD, inte i framtiden.",
  "finance.returned.yearLabel": "År som medlen avser",
  "finance.returned.yearHint": "Lämna tomt för samma år som dagen medlen kom tillbaka.",
  "finance.returned.submit": "Registrera återförda medel",
};
