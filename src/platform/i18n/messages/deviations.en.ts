// English texts of deviations.sv.ts; spread into en.ts.
import type { deviationsSv } from "./deviations.sv.ts";

export const deviationsEn: Record<keyof typeof deviationsSv, string> = {
  // the list
  "deviation.list.title": "Deviation reports",
  "deviation.list.intro":
    "A deviation report describes what departs from the plan, why, and what you do about it. It can also request a change to the initiative, which the office or the board decides on.",
  "deviation.list.new": "New deviation report",
  "deviation.list.filterStatus": "Show reports with status",
  "deviation.list.allStatuses": "All statuses",
  "deviation.list.filterInitiative": "Initiative",
  "deviation.list.allInitiatives": "All initiatives",
  "deviation.list.show": "Show",
  "deviation.list.showAll": "Show all reports",
  "deviation.list.none": "There are no deviation reports yet.",
  "deviation.list.noneMatching": "No deviation reports match your choice.",
  "deviation.list.count": "{count, plural, one {# deviation report} other {# deviation reports}}",
  "deviation.list.countWithStatus":
    "{count, plural, one {# deviation report} other {# deviation reports}} with status {status}",
  "deviation.list.countForInitiative":
    "{count, plural, one {# deviation report} other {# deviation reports}} for {initiative}",
  "deviation.list.countForInitiativeWithStatus":
    "{count, plural, one {# deviation report} other {# deviation reports}} for {initiative} with status {status}",
  "deviation.list.report": "Report",
  "deviation.list.reportNumbered": "Deviation report {number}",
  "deviation.list.reportDraft": "Draft from {date}",

  // labels
  "deviation.field.initiative": "Initiative",
  "deviation.field.owner": "Initiative owner",
  "deviation.field.period": "The initiative's period",
  "deviation.field.status": "Status",
  "deviation.field.registryNumber": "Registry number",
  "deviation.field.arrivalDate": "Received",
  "deviation.field.decisionDate": "Decided",
  "deviation.field.types": "Kind of deviation",
  "deviation.field.description": "Description of the deviation",
  "deviation.field.cause": "Cause",
  "deviation.field.consequence": "Consequence",
  "deviation.field.measures": "Measures",
  "deviation.field.request": "Request",
  "deviation.type.mal": "Goals",
  "deviation.type.malgrupp": "Target group",
  "deviation.type.budget": "Budget",
  "deviation.type.tidsplan": "Timetable",
  "deviation.type.bemanning": "Staffing",
  "deviation.request.ingen": "No request",
  "deviation.request.forlangning": "Extension of the period within the budget",
  "deviation.request.flytta_medel": "Move unused funds to a later period",
  "deviation.request.andrad_malgrupp": "Changed target group",
  "deviation.request.avslut_i_fortid": "Early termination",
  "deviation.status.utkast": "Draft",
  "deviation.status.inskickad": "Submitted",
  "deviation.status.godkand": "Approved",
  "deviation.status.avslagen": "Rejected",
  "deviation.body.kansli": "The association's office",
  "deviation.body.styrelse": "The board",

  // the form (new and edit)
  "deviation.form.requiredToSubmit": "required to submit",
  "deviation.form.typesHint": "Choose all that apply.",
  "deviation.form.descriptionHint": "What departs from the plan? Describe what happened and when.",
  "deviation.form.causeHint": "Why did it happen?",
  "deviation.form.consequenceHint":
    "What does the deviation mean for the participants, the goals, the timetable or the budget?",
  "deviation.form.measuresHint": "What have you done, and what will you do?",
  "deviation.form.requestTitle": "Request for a change",
  "deviation.form.requestHint":
    "Do you want the initiative to change? The office or the board decides on the request.",
  "deviation.form.requestFieldsHint":
    "Fill in the field that belongs to your request. Fields belonging to another request are not saved.",
  "deviation.form.requestedEndDate": "New end date or day of termination",
  "deviation.form.requestedEndDateHint":
    "For an extension: the new end date. For early termination: the day the initiative ends. Write YYYY-MM-DD.",
  "deviation.form.requestedEndDateHintWithEnd":
    "The initiative runs {start}–{end}. For an extension: an end date after {end}. For early termination: the day the initiative ends, {end} at the latest. Write YYYY-MM-DD.",
  "deviation.form.requestedTargetGroup": "New target group",
  "deviation.form.requestedTargetGroupHint":
    "For a changed target group: describe the target group as it should be.",
  "deviation.form.requestedTargetGroupHintWithCurrent":
    "For a changed target group: describe the target group as it should be. Now: {current}",
  "deviation.form.requestedAmount": "Amount to move, in whole kronor",
  "deviation.form.requestedAmountHint":
    "For moving funds: how much is unused and should move to a later period, for example 150 000.",
  "deviation.form.save": "Save the draft",
  "deviation.form.saveDraft": "Save as draft",
  "deviation.conflict.title": "Changes someone else has saved",
  "deviation.conflict.intro":
    "What you typed is still in the form but has not been saved. Copy what you want to keep. Then fetch the latest version and make your changes in it.",
  "deviation.conflict.before": "Before:",
  "deviation.conflict.theirs": "Saved now:",
  "deviation.conflict.empty": "(empty)",
  "deviation.conflict.noDetails": "The report's status has changed, not its content.",
  "deviation.conflict.reload": "Fetch the latest version",

  // the new page
  "deviation.new.title": "New deviation report",
  "deviation.new.intro":
    "Choose the initiative and describe the deviation. You can save an incomplete draft and submit the report later.",
  "deviation.new.initiativeHint":
    "Initiatives that are running or granted and that you write reports for.",
  "deviation.new.initiativeOption": "{name} ({status}, ends {end})",
  "deviation.new.noInitiatives":
    "There is no running or granted initiative that you write reports for. Deviation reports are written for initiatives that are running or granted.",

  // the edit page
  "deviation.edit.title": "Change the deviation report for {initiative}",
  "deviation.edit.intro":
    "A draft may be incomplete. When everything is filled in, you submit the report from its page.",
  "deviation.edit.notEditableTitle": "The report cannot be changed",
  "deviation.edit.notEditable":
    "The deviation report has been submitted and cannot be changed. Write a comment on the report's page, or write a new report.",

  // the report's page
  "deviation.title": "Deviation report for {initiative}",
  "deviation.titleNumbered": "Deviation report {number} for {initiative}",
  "deviation.backToList": "Back to the deviation reports",
  "deviation.backToReport": "Back to the report",
  "deviation.reload": "Fetch the latest version of the report",
  "deviation.noRegistryNumber": "Gets a registry number when submitted",
  "deviation.notArrived": "Not submitted",
  "deviation.period": "{start} – {end}",
  "deviation.plannedEnd": "(planned end {date})",
  "deviation.edit": "Change the report",
  "deviation.downloadDocx": "Download as Word",
  "deviation.downloadPdf": "Download as PDF",
  "deviation.contentTitle": "The report",
  "deviation.notGiven": "Not filled in.",
  "deviation.requestedNewEnd": "Requested new end date: {date}",
  "deviation.requestedActualEnd": "The initiative ends: {date}",
  "deviation.requestedAmount": "Amount to move to a later period: {amount}",
  "deviation.notice.created": "The draft is saved. Submit the report when everything is filled in.",
  "deviation.notice.saved": "Your changes are saved.",
  "deviation.notice.submitted": "The report is submitted and has registry number {number}.",
  "deviation.notice.decided": "The decision is recorded.",
  "deviation.notice.commented": "The comment is saved.",
  "deviation.submitTitle": "Submit the report",
  "deviation.submitHelp":
    "When the report is submitted it gets a registry number and today's date as its arrival date. After that it cannot be changed.",
  "deviation.submit": "Submit the report",
  "deviation.decideTitle": "Decide",
  "deviation.decideHelp":
    "Approve or reject the report and its request. An approval changes the initiative at once.",
  "deviation.effectTitle": "If the report is approved:",
  "deviation.effect.ingen": "the initiative does not change.",
  "deviation.effect.forlangning": "the initiative's end date changes from {from} to {to}.",
  "deviation.effect.avslut_i_fortid":
    "the initiative ends early on {date}. The planned end {planned} is kept.",
  "deviation.effect.andrad_malgrupp": "the initiative's target group changes to the new one.",
  "deviation.effect.flytta_medel":
    "{amount} moves to a later period when the budget is re-phased in the finance part. The initiative does not change now.",
  "deviation.decisionBody": "Who decides?",
  "deviation.decisionBodyHint":
    "The office decides by delegation. Choose the board when you record a board decision.",
  "deviation.decisionAsBoard": "You record the board's decision.",
  "deviation.decision": "Decision",
  "deviation.approve": "Approve",
  "deviation.reject": "Reject",
  "deviation.decisionDate": "Date of decision",
  "deviation.dateHint": "Write YYYY-MM-DD. The date cannot be in the future.",
  "deviation.motivation": "Reasons",
  "deviation.motivationHint": "Required when the report is rejected.",
  "deviation.meeting": "Meeting",
  "deviation.meetingHint": "Required for a board decision, for example Board meeting 2027-03-12.",
  "deviation.paragraph": "Paragraph",
  "deviation.paragraphHint": "Required for a board decision, for example 12.",
  "deviation.meetingParagraph": "{meeting} § {paragraph}",
  "deviation.decideSubmit": "Record the decision",
  "deviation.decisionTitle": "Decision",
  "deviation.applied.ingen": "The decision did not change the initiative.",
  "deviation.applied.forlangning": "The initiative's end date was changed as requested.",
  "deviation.applied.avslut_i_fortid": "The initiative ended early. The planned end was kept.",
  "deviation.applied.andrad_malgrupp": "The initiative's target group was changed as requested.",
  "deviation.applied.flytta_medel":
    "The amount moves to a later period when the budget is re-phased in the finance part.",
  "deviation.commentsTitle": "Comments",
  "deviation.noComments": "No comments yet.",
  "deviation.commentBy": "{name}, {at}",
  "deviation.comment": "New comment",
  "deviation.commentHint": "At most 5,000 characters.",
  "deviation.commentSubmit": "Save the comment",
  "deviation.historyTitle": "History",
  "deviation.historyCaption": "{count, plural, one {# version} other {# versions}}, newest first",
  "deviation.historyVersion": "Version",
  "deviation.historyEvent": "Event",
  "deviation.historyBy": "By",
  "deviation.historyAt": "Time",
  "deviation.historyNote": "Note",
  "deviation.event.created": "Created",
  "deviation.event.saved": "Saved",
  "deviation.event.submitted": "Submitted",
  "deviation.event.decided": "Decided",
};
