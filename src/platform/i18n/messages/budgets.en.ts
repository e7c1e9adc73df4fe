// English texts of budgets.sv.ts; spread into en.ts.
import type { budgetsSv } from "./budgets.sv.ts";

export const budgetsEn: Record<keyof typeof budgetsSv, string> = {
  "budgets.title": "Budget",
  "budgets.pageTitle": "Budget: {name}",
  "budgets.backToInitiative": "Back to the initiative",
  "budgets.backToBudget": "Back to the budget",
  "budgets.intro":
    "The budget per year and reporting period and per cost category, split into association funds and each party's own financing or co-financing. Every change is saved as a new version; earlier ones stay in the history.",
  "budgets.dates": "The initiative runs {start} – {end}.",
  "budgets.noDates":
    "The initiative has no start or end date, so it has no periods to budget. Enter the dates on the initiative's page first.",
  "budgets.none": "The initiative has no budget yet.",
  "budgets.reload": "Load the budget in force now",

  "budgets.notice.sparad": "The budget is saved as a new version.",
  "budgets.notice.importerad": "The budget from the file is saved as a new version.",
  "budgets.notice.omfordelad":
    "The re-phasing is saved as a new version. The previous version stays in the history.",

  "budgets.actions": "Actions",
  "budgets.action.edit": "Change the budget",
  "budgets.action.create": "Enter a budget",
  "budgets.action.propose": "Propose from the application",
  "budgets.action.rephase": "Re-phase after a deviation",
  "budgets.action.template": "Download the template (XLSX)",
  "budgets.action.import": "Import from XLSX",
  "budgets.action.export": "Download the budget (XLSX)",
  "budgets.rephaseNeedsDeviation":
    "Re-phasing needs an approved deviation report of the initiative that asks to move funds.",

  "budgets.current": "The budget in force",
  "budgets.field.version": "Version",
  "budgets.field.kind": "Kind",
  "budgets.field.reason": "Reason",
  "budgets.field.savedBy": "Saved by",
  "budgets.field.savedAt": "Saved",
  "budgets.field.deviation": "Deviation report",
  "budgets.field.association": "Association funds",
  "budgets.field.coFinancing": "Co-financing",
  "budgets.field.total": "Total",
  "budgets.field.status": "Status",
  "budgets.versionNumber": "Version {number}",
  "budgets.deviationLink": "Deviation report {number}",
  "budgets.deviationNoNumber": "The deviation report",

  "budgets.kind.beslut": "Decision",
  "budgets.kind.revision": "Revision",
  "budgets.kind.omfordelning": "Re-phasing after a deviation",
  "budgets.kind.import": "Import from XLSX",
  "budgets.status.gallande": "In force",
  "budgets.status.ersatt": "Replaced",

  "budgets.category.personal": "Staff",
  "budgets.category.lokaler": "Premises",
  "budgets.category.resor": "Travel",
  "budgets.category.material": "Materials",
  "budgets.category.utvardering": "Evaluation",
  "budgets.category.ovrigt": "Other",
  "budgets.coKind.pengar": "money",
  "budgets.coKind.personaltid": "staff time",
  "budgets.coKind.deltagarersattning": "participants' benefits (ESF)",
  "budgets.source.forbund": "Association funds",
  "budgets.source.medfinansiering": "Co-financing",
  "budgets.row.coFinancing": "{party}, {kind} – {category}",
  "budgets.row.formerParty": "{party} (no longer a party)",
  "budgets.row.sumAssociation": "Association funds in all",
  "budgets.row.sumCoFinancing": "Co-financing in all",
  "budgets.row.total": "Total",
  "budgets.column.line": "Cost category and source",
  "budgets.column.yearTotal": "Total {year}",
  "budgets.column.outside": "{period} (outside the initiative's dates)",
  "budgets.yearTitle": "{year}",
  "budgets.yearCaption": "Budget {year} per cost category and period, in kronor",
  "budgets.none.amount": "–",
  "budgets.totalsCaption": "The budget per year, in kronor",
  "budgets.column.year": "Year",

  "budgets.history": "Versions",
  "budgets.historyCaption": "The budget's versions, newest first",
  "budgets.noHistory": "There are no versions yet.",

  "budgets.edit.title": "Change the budget: {name}",
  "budgets.edit.createTitle": "Enter a budget: {name}",
  "budgets.edit.proposalTitle": "Budget from the application: {name}",
  "budgets.edit.intro":
    "Enter the amounts in whole kronor. An empty box means the line is not in the budget; 0 means zero kronor. Saving makes the budget a new version and keeps the one in force now in the history.",
  "budgets.edit.coFinancingHint":
    "Co-financing is entered under staff when it is staff time and under other when it is money or participants' benefits. To enter co-financing under another cost category, use the XLSX template.",
  "budgets.edit.years": "Show year",
  "budgets.edit.allYears": "All years",
  "budgets.edit.yearOnly":
    "You are changing {year} only. The amounts of the other years are kept unchanged when you save.",
  "budgets.edit.kind": "What kind of change is it?",
  "budgets.edit.kindBeslut": "Decision (the board's or the office's decision on the budget)",
  "budgets.edit.kindRevision": "Revision (a change of the budget in force)",
  "budgets.edit.reason": "Reason",
  "budgets.edit.reasonHint":
    "For example the board's decision with its date and paragraph, or what changed and why.",
  "budgets.edit.save": "Save the budget",
  "budgets.edit.totalsNote":
    "The totals are those of the amounts shown when the page was loaded. They are computed again when you save.",

  "budgets.proposal.from":
    "The proposal comes from the granted application {number}. Check the amounts and save them as the budget's decision.",
  "budgets.proposal.spread":
    "Each year's amount is spread over the year's periods by how many of each period's months the initiative runs. No krona has been added or lost.",
  "budgets.proposal.coFinancing":
    "The application gives co-financing per party and year without a cost category. In the proposal, staff time is under staff, and money and participants' benefits under other.",
  "budgets.proposal.moved":
    "The application's amounts for {year} ({amount}) are outside the initiative's dates and are in the period {period} in the proposal.",
  "budgets.proposal.notParty":
    "{party} is no longer a party to the initiative. Its co-financing in the application ({amount}) is not in the proposal.",
  "budgets.proposal.decidedAmount":
    "The decision granted {decided}, but the application's budget is {applied}. Adjust the amounts if the budget is to follow the decision.",
  "budgets.proposal.none": "The initiative has no granted application to propose a budget from.",

  "budgets.rephase.title": "Re-phase the budget: {name}",
  "budgets.rephase.intro":
    "Move money between periods and cost categories after an approved deviation report. The total of association funds and of each party's co-financing must stay as it is. The budget in force now stays in the history.",
  "budgets.rephase.noBudget": "The initiative has no budget to re-phase. Enter a budget first.",
  "budgets.rephase.noReports":
    "There is no approved deviation report asking to move funds that has not been used already. Re-phasing needs one.",
  "budgets.rephase.report": "Deviation report that allows the re-phasing",
  "budgets.rephase.reportOption": "{number}, decided {date}: move {amount}",
  "budgets.rephase.reportOptionNoAmount": "{number}, decided {date}",
  "budgets.rephase.sumsTitle": "Totals to keep",
  "budgets.rephase.sumsCaption": "The total per source: now and in the form, in kronor",
  "budgets.rephase.source": "Source",
  "budgets.rephase.now": "Now",
  "budgets.rephase.typed": "In the form",
  "budgets.rephase.difference": "Difference",
  "budgets.rephase.same": "Same",
  "budgets.rephase.sourceCoFinancing": "{party}, {kind}",
  "budgets.rephase.reason": "Reason",
  "budgets.rephase.reasonHint":
    "What is moved and why, for example the vacancy the deviation report describes.",
  "budgets.rephase.save": "Save the re-phasing",

  "budgets.version.title": "Budget version {number}: {name}",
  "budgets.version.changes": "Changes from version {number}",
  "budgets.version.changesCaption": "Lines changed from version {number}, in kronor",
  "budgets.version.noChanges": "No amount changed from version {number}.",
  "budgets.version.first": "This is the budget's first version.",
  "budgets.version.period": "Period",
  "budgets.version.line": "Line",
  "budgets.version.before": "Before",
  "budgets.version.after": "After",
  "budgets.version.difference": "Difference",
  "budgets.version.missing": "no line",
  "budgets.version.newer": "There is a newer version. See the budget in force now.",

  "budgets.import.title": "Import a budget from XLSX: {name}",
  "budgets.import.intro":
    "Download the template, fill in the amounts and upload the file here. The whole file is checked first and you see the totals; nothing is saved until you confirm. If there is a single problem, nothing is saved.",
  "budgets.import.columns":
    "The template's columns are Period, Kostnadsslag, Källa, Part, Slag and Belopp, with those headers in row 1 of the sheet Budget.",
  "budgets.import.file": "The filled-in template (XLSX)",
  "budgets.import.fileHint": "At most 2 MB.",
  "budgets.import.reason": "Reason",
  "budgets.import.reasonHint": "Leave empty for “Import från” and the file's name.",
  "budgets.import.check": "Check the file",
  "budgets.import.nothingSaved":
    "Nothing is saved. Correct the cells in the file and upload it again.",
  "budgets.import.previewTitle": "Check the totals before you save",
  "budgets.import.previewIntro":
    "The file {file} has {count, plural, one {one line} other {# lines}} with amounts. Nothing is saved yet.",
  "budgets.import.previewCaption":
    "The budget in the file per year, in kronor, compared with the budget in force",
  "budgets.import.inFile": "In the file",
  "budgets.import.current": "In force now",
  "budgets.import.confirm": "Save as a new version",
};
