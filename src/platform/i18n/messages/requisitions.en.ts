// English texts of requisitions.sv.ts; spread into en.ts.
import type { requisitionsSv } from "./requisitions.sv.ts";

export const requisitionsEn: Record<keyof typeof requisitionsSv, string> = {
  "requisitions.title": "Requisitions",
  "requisitions.backToList": "Back to the requisitions",
  "requisitions.backToRequisition": "Back to the requisition",
  "requisitions.reload": "Get the latest version of the requisition",
  "requisitions.dateHint": "Write the date as YYYY-MM-DD, for example 2026-11-30.",
  "requisitions.kilobytes": "{size} kB",
  "requisitions.megabytes": "{size} MB",
  "requisitions.uploadedBy": "{date} by {name}",

  "requisitions.status.utkast": "Draft",
  "requisitions.status.inskickad": "Submitted, being reviewed by the office",
  "requisitions.status.aterskickad": "Returned for completion",
  "requisitions.status.godkand": "Approved",
  "requisitions.payment.paidOn": "Paid {date}",
  "requisitions.payment.notPaid": "Not paid yet",

  "requisitions.category.personal": "Staff",
  "requisitions.category.lokaler": "Premises",
  "requisitions.category.resor": "Travel",
  "requisitions.category.material": "Materials",
  "requisitions.category.utvardering": "Evaluation",
  "requisitions.category.ovrigt": "Other",
  "requisitions.coKind.pengar": "Money",
  "requisitions.coKind.personaltid": "Staff time",
  "requisitions.coKind.deltagarersattning": "Participants' benefits (ESF)",

  "requisitions.field.period": "Period",
  "requisitions.field.initiative": "Initiative",
  "requisitions.field.association": "Association funds",
  "requisitions.field.coFinancing": "Co-financing",
  "requisitions.field.status": "Status",
  "requisitions.field.payment": "Payment",
  "requisitions.field.attachments": "Attachments",
  "requisitions.field.category": "Cost category",
  "requisitions.field.periodBudget": "Budget for the period",
  "requisitions.field.claimed": "Claimed",
  "requisitions.field.party": "Party",
  "requisitions.field.coKind": "Kind of co-financing",
  "requisitions.field.note": "Comment to the office",
  "requisitions.field.fileName": "File",
  "requisitions.field.fileSize": "Size",
  "requisitions.field.uploaded": "Uploaded",
  "requisitions.field.submittedAt": "Submitted",
  "requisitions.field.approved": "Approved",

  "requisitions.notice.created":
    "The requisition has been created. Fill in the period's costs and upload the evidence.",
  "requisitions.notice.saved": "The requisition has been saved.",
  "requisitions.notice.submitted": "The requisition has been submitted to the office.",
  "requisitions.notice.returned":
    "The requisition has been returned for completion. The initiative's leads have been mailed.",
  "requisitions.notice.approved":
    "The requisition has been approved. The association funds now count as the period's outcome.",
  "requisitions.notice.paid": "The payment has been recorded.",
  "requisitions.notice.uploaded": "The attachment has been uploaded.",
  "requisitions.notice.removed": "The attachment has been removed.",

  "requisitions.list.intro":
    "Requisitions are the initiatives' claims for association funds for a period: the actual costs per cost category, with evidence. Approved requisitions are the initiative's outcome.",
  "requisitions.list.new": "New requisition",
  "requisitions.list.filterStatus": "Status",
  "requisitions.list.filterYear": "Year",
  "requisitions.list.filterInitiative": "Initiative",
  "requisitions.list.allStatuses": "All statuses",
  "requisitions.list.allYears": "All years",
  "requisitions.list.allInitiatives": "All initiatives",
  "requisitions.list.show": "Show",
  "requisitions.list.showAll": "Show all",
  "requisitions.list.none": "There are no requisitions yet.",
  "requisitions.list.noneMatching": "No requisitions match the selection.",
  "requisitions.list.caption": "{count, plural, one {# requisition} other {# requisitions}}",
  "requisitions.list.linkLabel": "{period}, {initiative}",
  "requisitions.list.sum": "Total",

  "requisitions.new.title": "New requisition",
  "requisitions.new.intro":
    "Choose the initiative and the period of the requisition. Each period has one requisition, which can be written once the period has begun.",
  "requisitions.new.initiativeHint": "The initiatives you claim funds for.",
  "requisitions.new.continue": "Continue",
  "requisitions.new.initiativeDates": "{name} ({start} – {end})",
  "requisitions.new.otherInitiative": "Choose another initiative",
  "requisitions.new.periodHint":
    "Periods that have begun and have no requisition yet, the latest first.",
  "requisitions.new.periodOption": "{period} ({start} – {end})",
  "requisitions.new.create": "Create the requisition",
  "requisitions.new.existingTitle": "Periods that already have a requisition",
  "requisitions.new.noOpenPeriods":
    "Every period that has begun already has a requisition. Open the period's requisition below.",
  "requisitions.new.noDates":
    "The initiative has no start and end date, so it has no periods yet. Fill in the dates on the initiative's page.",
  "requisitions.new.notBegun":
    "{count, plural, one {# period has} other {# periods have}} not begun yet and can be claimed later.",
  "requisitions.new.noInitiatives":
    "There is no granted, running or ended initiative you claim funds for.",
  "requisitions.new.openExisting": "Open the requisition that already exists for the period",

  "requisitions.view.title": "Requisition: {initiative}, {period}",
  "requisitions.view.periodDates": "{period} ({start} – {end})",
  "requisitions.view.approvedBy": "{at} by {name}",
  "requisitions.view.edit": "Change amounts, comment and attachments",
  "requisitions.view.money": "The initiative's finances: budget, outcome and forecast",
  "requisitions.view.historyTitle": "History",
  "requisitions.view.historyCaption":
    "{count, plural, one {# event} other {# events}}, the latest first",
  "requisitions.view.returnedTitle": "The office has returned the requisition",
  "requisitions.view.returnedHelp": "Correct what the office asks for and submit it again.",
  "requisitions.view.amountsTitle": "Amounts",
  "requisitions.view.noBudget":
    "The initiative has no budget in Samspår, so the budget for the period shows as 0 kr.",
  "requisitions.view.associationCaption":
    "Association funds for {period} per cost category, in kronor",
  "requisitions.view.sum": "Total",
  "requisitions.view.ratio": "The association funds claimed are {ratio} % of the period's budget.",
  "requisitions.view.ratioNone":
    "The period has no budget for association funds, so no consumption ratio can be given.",
  "requisitions.view.coTitle": "Co-financing and own financing",
  "requisitions.view.coCaption": "Co-financing for {period} per party and kind, in kronor",
  "requisitions.view.noCo": "No co-financing is budgeted or reported for the period.",
  "requisitions.view.noNote": "No comment.",
  "requisitions.view.attachmentsTitle": "Evidence",
  "requisitions.view.attachmentsCaption":
    "{count, plural, one {# attachment} other {# attachments}}",
  "requisitions.view.noAttachments": "No attachment has been uploaded.",

  "requisitions.submit.title": "Submit",
  "requisitions.submit.help":
    "Once submitted, the office reviews the requisition and approves or returns it. Association funds claimed: {amount}.",
  "requisitions.submit.noAttachment":
    "The requisition has no attachment. The office may return it if the evidence is missing.",
  "requisitions.submit.uploadLink": "Upload the evidence",
  "requisitions.submit.button": "Submit the requisition",
  "requisitions.submit.again": "Submit the requisition again",

  "requisitions.approve.title": "Approve",
  "requisitions.approve.help":
    "When the requisition is approved, the association funds, {amount}, become the outcome of {period}. The initiative's leads are mailed.",
  "requisitions.approve.noAttachment":
    "The requisition has no attachment. Return it if the evidence is needed.",
  "requisitions.approve.button": "Approve the requisition",
  "requisitions.return.title": "Return for completion",
  "requisitions.return.help":
    "The initiative's leads get a mail with the reason and can correct the requisition and submit it again.",
  "requisitions.return.reason": "Reason",
  "requisitions.return.reasonHint":
    "Write what is missing or must be corrected, for example that the evidence is missing.",
  "requisitions.return.button": "Return the requisition",
  "requisitions.pay.title": "Record the payment",
  "requisitions.pay.help": "Record the day the association funds, {amount}, were paid.",
  "requisitions.pay.paidOn": "Payment date",
  "requisitions.pay.button": "Mark as paid",

  "requisitions.history.at": "Time",
  "requisitions.history.event": "Event",
  "requisitions.history.by": "By",
  "requisitions.history.note": "Note",
  "requisitions.event.skapad": "Created",
  "requisitions.event.sparad": "Saved",
  "requisitions.event.inskickad": "Submitted",
  "requisitions.event.aterskickad": "Returned for completion",
  "requisitions.event.godkand": "Approved",
  "requisitions.event.betald": "Paid",
  "requisitions.event.bilaga_tillagd": "Attachment uploaded",
  "requisitions.event.bilaga_borttagen": "Attachment removed",

  "requisitions.edit.title": "Change the requisition: {initiative}, {period}",
  "requisitions.edit.intro":
    "Fill in the period's actual costs in whole kronor, for example 125 000. Leave a field empty if there are no costs of that kind.",
  "requisitions.edit.returnedHelp": "Correct what the office asks for, save and submit again.",
  "requisitions.edit.associationTitle": "Association funds",
  "requisitions.edit.associationHint":
    "The costs the association is to pay, per cost category. The period's budget is shown by each field.",
  "requisitions.edit.amountLabel": "{category}, kronor",
  "requisitions.edit.budgetHint": "Budget for the period: {amount}.",
  "requisitions.edit.coTitle": "Co-financing and own financing",
  "requisitions.edit.coHint":
    "What the parties contributed themselves during the period: money, staff time or participants' benefits. One row per party, kind and cost category.",
  "requisitions.edit.coRow": "Co-financing, row {number}",
  "requisitions.edit.coAmount": "Amount, kronor",
  "requisitions.edit.coNoBudget": "No budget for this row.",
  "requisitions.edit.choose": "Choose …",
  "requisitions.edit.owner": "{name} (owner)",
  "requisitions.edit.moreRows": "Need more rows: save, and two new empty rows appear.",
  "requisitions.edit.noteHint":
    "Optional. For example what a vacancy meant for the costs during the period.",
  "requisitions.edit.save": "Save",
  "requisitions.edit.attachmentsIntro":
    "The evidence is usually an extract of the general ledger for the period. Attachments can be uploaded and removed until the requisition is submitted.",
  "requisitions.edit.actions": "Actions",
  "requisitions.edit.remove": "Remove",
  "requisitions.edit.removeLabel": "Remove {name}",
  "requisitions.edit.file": "Choose file",
  "requisitions.edit.fileHint": "PDF, Excel (xlsx), Word (docx) or OpenDocument, at most 10 MB.",
  "requisitions.edit.upload": "Upload",
  "requisitions.edit.notEditableTitle": "The requisition cannot be changed",
  "requisitions.edit.notEditable.inskickad":
    "The requisition has been submitted and is being reviewed by the office. If something needs correcting, the office returns it.",
  "requisitions.edit.notEditable.godkand":
    "The requisition has been approved, and an approved requisition does not change.",
};
