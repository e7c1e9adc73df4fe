// English texts of the follow-up report’s pages, translated from follow-up.sv.ts; spread into
// en.ts. The report itself (section titles, tables, notes) is written in Swedish in every output.
import type { followUpSv } from "./follow-up.sv.ts";

export const followUpEn: Record<keyof typeof followUpSv, string> = {
  "followUp.nav": "Follow-up",
  "followUp.listTitle": "Follow-up of initiatives",
  "followUp.listLead":
    "The association’s follow-ups of its initiatives, locked by the office for the board. A locked version never changes.",
  "followUp.listLeadOffice":
    "The association’s follow-ups of its initiatives. A draft is computed from Samspår’s data every time it is shown; lock a version when it is ready for the board. A locked version never changes, and the next follow-up compares with it.",
  "followUp.listHeading": "Follow-ups",
  "followUp.listCaption": "The association’s follow-ups, latest period first",
  "followUp.none": "There is no locked follow-up yet.",
  "followUp.noneOffice": "There is no follow-up yet. Create the first one below.",
  "followUp.columnPeriod": "Period",
  "followUp.columnDates": "Dates",
  "followUp.columnLocked": "Locked for the board",
  "followUp.columnDraft": "Draft",
  "followUp.dates": "{from} – {to}",
  "followUp.lockedSummary":
    "Version {number}, locked {at} by {by}{count, plural, one {} other { (# locked versions)}}",
  "followUp.notLocked": "Not locked yet",
  "followUp.draftSummary": "Version {number}, last saved {at} by {by}",
  "followUp.noDraft": "No draft",
  "followUp.newTitle": "New follow-up",
  "followUp.newLead":
    "Choose the period the follow-up covers, for example a half-year or a year. The suggestion is the current half-year ({label}).",
  "followUp.from": "First day of the period",
  "followUp.to": "Last day of the period",
  "followUp.dateHint": "Write the date as YYYY-MM-DD, for example {example}.",
  "followUp.label": "Name of the period (optional)",
  "followUp.labelHint":
    "How the period appears in the report’s title. Leave it empty and Samspår names it after the dates, for example “{label}”.",
  "followUp.create": "Create the follow-up",

  "followUp.back": "All follow-ups",
  "followUp.backToReport": "Back to the report",
  "followUp.reload": "Reload the page and see what applies now",
  "followUp.draftHeading": "Draft, version {number}",
  "followUp.lockedHeading": "Locked version {number}",
  "followUp.draftStatus": "Draft, last saved {at} by {by}.",
  "followUp.lockedStatus": "Locked {at} by {by}. A locked version cannot be changed.",
  "followUp.computedLive":
    "The draft is computed from Samspår’s data when the page is shown (now {at}); its figures may change until the version is locked.",
  "followUp.computedAt": "The report was computed {at}, when the version was locked.",
  "followUp.comparedWith": "Table 8 compares with the locked follow-up for {label} (locked {at}).",
  "followUp.comparedWithNone": "There is no earlier locked follow-up to compare table 8 with.",
  "followUp.editTexts": "Edit the texts",
  "followUp.lock": "Lock version {number} for the board",
  "followUp.newVersionHint":
    "Does something need correcting? Start a new version. The locked version stays as it is.",
  "followUp.newVersion": "Start version {number}",
  "followUp.downloads": "Download",
  "followUp.download.pdf": "PDF",
  "followUp.download.docx": "Word (DOCX)",
  "followUp.download.xlsx": "Excel (XLSX), one sheet per table",
  "followUp.download.json": "JSON",
  "followUp.versions": "Versions",
  "followUp.versionDraft": "Version {number}, draft",
  "followUp.versionLocked": "Version {number}, locked {at}",
  "followUp.onThisPage": "On this page",
  "followUp.notice.created": "The follow-up is created. Version {number} is a draft.",
  "followUp.notice.saved": "The texts are saved.",
  "followUp.notice.locked":
    "Version {number} is locked. The board can read it, and it never changes.",
  "followUp.notice.newVersion": "Version {number} is started as a draft.",

  "followUp.chartData": "The figures of the chart: {caption}",
  "followUp.traceSummary": "Definitions and sources",
  "followUp.traceSource": "Source: {source}.",
  "followUp.traceSources": "The records behind the table",
  "followUp.traceNoParticipants":
    "Participants are never listed here: figures about participants are statistics after disclosure control.",
  "followUp.edit.summary": "Edit the summary",
  "followUp.edit.background": "Edit the background",
  "followUp.edit.analysis": "Write the concluding analysis",
  "followUp.noSummary": "No summary is written.",
  "followUp.noBackground": "No background is written.",
  "followUp.noAnalysis": "The office has not written a concluding analysis.",
  "followUp.empty.initiatives": "No initiatives were active in the period.",
  "followUp.empty.active": "No active initiatives in the period.",
  "followUp.empty.budget": "No initiative has a budget for the period.",
  "followUp.empty.individual": "No individual initiatives in the period.",
  "followUp.empty.exits": "Nobody exited in the period.",
  "followUp.empty.enrolled": "Nobody was enrolled in the period.",
  "followUp.empty.ended": "No initiative ended in the period.",
  "followUp.emptyPart": "None.",
  "followUp.goalComments": "Comments on deviations",
  "followUp.noChart.budget": "No consumption ratio to chart.",
  "followUp.noChart.exits":
    "No chart: no counts by gender can be shown for the period (disclosure control).",
  "followUp.noChart.participants": "No participant counts to chart.",
  "followUp.ended.owner": "Owner",
  "followUp.ended.partners": "Partners",
  "followUp.ended.dates": "Duration",
  "followUp.ended.finalReport": "Final report",
  "followUp.ended.none": "No final report",
  "followUp.ended.purpose": "Purpose",
  "followUp.ended.outcome": "Outcome",

  "followUp.editTitle": "The texts of the follow-up for {label}",
  "followUp.noDraftToEdit":
    "The latest version is locked and cannot be changed. Start a new version to change the texts; the locked version stays as it is.",
  "followUp.editLead":
    "Version {number} is a draft. The text in a field now is the one the report shows. If you leave Samspår’s suggestion as it is, or empty the field, the text follows the figures when they change. At most {max} characters per field; write headings with #, bullet lists with - and numbered lists with 1.",
  "followUp.hintEdited":
    "The office’s own text. Empty the field to use Samspår’s suggestion again.",
  "followUp.hintGenerated":
    "Samspår’s suggestion, written from the figures of the report. Rewrite it if you like.",
  "followUp.hintAnalysis":
    "The office’s analysis for the board: what goes well and less well, why, and what the association does.",
  "followUp.saveTexts": "Save the texts",

  "followUp.lockTitle": "Lock version {number} of the follow-up for {label}",
  "followUp.lockNothingTitle": "No draft to lock for {label}",
  "followUp.nothingToLock":
    "The latest version is already locked. Start a new version from the report page if something needs correcting.",
  "followUp.lockLead":
    "When you lock, the report is computed one last time from Samspår’s data and stored as it is. The board can read it, and nobody can change it afterwards. The next follow-up compares its participant figures with it.",
  "followUp.lockPeriod": "Period",
  "followUp.periodWithDates": "{label} ({from} – {to})",
  "followUp.lockVersion": "Version",
  "followUp.lockTexts": "The office’s own texts",
  "followUp.lockTextsValue":
    "Summary: {summary, select, ja {own text} other {Samspår’s suggestion}}. Background: {background, select, ja {own text} other {Samspår’s suggestion}}. Concluding analysis: {analysis, select, ja {written} other {not written}}.",
  "followUp.lockCompare": "Compared with",
  "followUp.lockConfirm": "I have read the report through and want to lock it for the board.",
  "followUp.lockSubmit": "Lock version {number}",
};
