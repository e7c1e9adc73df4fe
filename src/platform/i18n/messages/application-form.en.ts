// English texts of application-form.sv.ts; spread into en.ts.
import type { applicationFormSv } from "./application-form.sv.ts";

export const applicationFormEn: Record<keyof typeof applicationFormSv, string> = {
  "applicationForm.newTitle": "New application",
  "applicationForm.editTitle": "Change application: {name}",
  "applicationForm.backToList": "All applications",
  "applicationForm.backToApplication": "Back to the application",
  "applicationForm.newIntro":
    "You can save a draft as soon as you have written the initiative’s name and chosen its owner. You can fill in the rest later. Everything that is required must be filled in when the application is submitted.",
  "applicationForm.editIntro":
    "You can save the draft as often as you like, even if not everything is filled in yet.",
  "applicationForm.helpMarker": "Headings marked with * have an explanation.",
  "applicationForm.formVersion": "Form: {version}",
  "applicationForm.requiredToSubmit": "required to submit",
  "applicationForm.onPaper":
    "The application arrived on paper or by e-mail (registered by the office)",
  "applicationForm.onPaperHint":
    "Tick this if you are entering an application that a member organisation sent to the association.",
  "applicationForm.saveDraft": "Save draft",
  "applicationForm.notice.signaturesRemoved":
    "{count, plural, one {# signature was removed} other {# signatures were removed}} because the content changed. Ask the parties to sign again.",
  "applicationForm.notEditableTitle": "The application cannot be changed now",
  "applicationForm.notEditableSubmitted":
    "The application has been submitted and cannot be changed now. If something needs to be completed, the association will send it back to you.",
  "applicationForm.notEditableDecided": "The application has been decided and cannot be changed.",
  "applicationForm.conflictTitle": "Changes someone else has saved",
  "applicationForm.conflictIntro":
    "What you wrote is still in the form but has not been saved. Copy what you want to keep. Then fetch the latest version and make your changes in it.",
  "applicationForm.conflictBefore": "Before:",
  "applicationForm.conflictTheirs": "Saved now:",
  "applicationForm.conflictEmpty": "(empty)",
  "applicationForm.conflictNoDetails":
    "The application’s status or signatures have changed, not its content.",
  "applicationForm.reload": "Fetch the latest version",
  "applicationForm.markupHint":
    "Write plain text. A line starting with # and a space becomes a heading. Lines starting with - and a space become a bulleted list. A blank line starts a new paragraph. Web addresses become links.",
  "applicationForm.rowsHint":
    "Empty rows are not saved. Need more rows? Save the draft and two new empty rows appear.",
  "applicationForm.genderHint": "The share of men is then {men} %.",
  "applicationForm.genderHintEmpty":
    "Write the share of women in per cent, for example 60. The share of men is the rest up to 100.",
  "applicationForm.anchoredUnanswered": "Not answered yet",

  "applicationForm.section.insatsen": "The initiative",
  "applicationForm.section.syfteOchMal": "Purpose and goals",
  "applicationForm.section.bakgrund": "Background",
  "applicationForm.section.insatstid": "Planned period",
  "applicationForm.section.malgrupp": "Target group",
  "applicationForm.section.metod": "Method",
  "applicationForm.section.uppfoljning": "Follow-up",
  "applicationForm.section.tillvaratagande": "Making use of the results",
  "applicationForm.section.budget": "Budget",
  "applicationForm.section.forankring": "Anchoring",

  "applicationForm.field.name": "Name of the initiative",
  "applicationForm.field.ownerOrganisationId": "Owner",
  "applicationForm.field.partnerIds": "Partners",
  "applicationForm.field.orientation": "Orientation",
  "applicationForm.field.preRehabilitation": "Pre-rehabilitation",
  "applicationForm.field.esf": "Co-funded by the European Social Fund (ESF)",
  "applicationForm.field.purpose": "Purpose",
  "applicationForm.field.goals": "Goals",
  "applicationForm.field.background": "Background and need",
  "applicationForm.field.startDate": "Planned start",
  "applicationForm.field.endDate": "Planned end",
  "applicationForm.field.lastIntakeDate": "Last intake",
  "applicationForm.field.targetGroup": "Target group",
  "applicationForm.field.expectedParticipants": "Expected number of participants",
  "applicationForm.field.localUnits": "Split per municipality or local area",
  "applicationForm.field.genderTargetWomenPercent": "Gender target (share of women)",
  "applicationForm.field.methods": "Method(s)",
  "applicationForm.field.followUp": "Follow-up and evaluation",
  "applicationForm.field.implementation": "Making use of the results and implementation",
  "applicationForm.field.budget": "Funds requested from the association",
  "applicationForm.field.coFinancing": "Own financing and co-financing",
  "applicationForm.field.anchored": "Discussed in the local or strategic development group",
  "applicationForm.field.anchoringDescription": "How and when the application was anchored",

  "applicationForm.budget.caption":
    "Funds requested from the association per year and cost category, in kronor",
  "applicationForm.budget.category": "Cost category",
  "applicationForm.budget.total": "Total",
  "applicationForm.budget.cellLabel": "{category} {year}, kronor",
  "applicationForm.budget.yearsHint":
    "The columns are the years from the planned start to the planned end. If you change the dates, save the draft and the new years appear.",
  "applicationForm.budget.totalsNote":
    "The totals are for the amounts there were when the page was shown. They are recalculated when you save.",
  "applicationForm.budget.personal": "Staff",
  "applicationForm.budget.lokaler": "Premises",
  "applicationForm.budget.resor": "Travel",
  "applicationForm.budget.material": "Materials",
  "applicationForm.budget.utvardering": "Evaluation",
  "applicationForm.budget.ovrigt": "Other",

  "applicationForm.coFinancing.row": "Financing {number}",
  "applicationForm.coFinancing.party": "Party",
  "applicationForm.coFinancing.kind": "What the party contributes",
  "applicationForm.coFinancing.year": "Year",
  "applicationForm.coFinancing.amount": "Amount in kronor",
  "applicationForm.coFinancing.pengar": "Money",
  "applicationForm.coFinancing.personaltid": "Staff time",
  "applicationForm.coFinancing.deltagarersattning": "Participants’ benefits (ESF)",
};
