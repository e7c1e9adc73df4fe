// English texts of the staff pages for Tyck till: the question sets and the free-text answers; spread into en.ts.
import type { evaluationStaffSv } from "./evaluation-staff.sv.ts";

export const evaluationStaffEn: Record<keyof typeof evaluationStaffSv, string> = {
  "evaluationStaff.forms.title": "Your opinion: the questions",
  "evaluationStaff.forms.intro":
    "The questions the participants of {initiative} get in the portal. The answers are anonymous: nobody sees who answered.",
  "evaluationStaff.forms.back": "Back to the initiative",
  "evaluationStaff.forms.results": "Results per question",
  "evaluationStaff.forms.freeText": "Answers in their own words",
  "evaluationStaff.forms.kort.title": "Short question after meetings and chapters",
  "evaluationStaff.forms.kort.hint":
    "One or two questions. The participant gets them after a chapter of a course and after a meeting.",
  "evaluationStaff.forms.slut.title": "Final survey",
  "evaluationStaff.forms.slut.hint":
    "1–15 questions. The participant answers once, when their time in the initiative is over or nearly over.",
  "evaluationStaff.forms.language.legend": "Write another language beside the Swedish",
  "evaluationStaff.forms.language.field": "Language",
  "evaluationStaff.forms.language.none": "Swedish only",
  "evaluationStaff.forms.language.submit": "Show the language",
  "evaluationStaff.forms.language.hint":
    "A participant gets the questions in their language only when every question has that language. Otherwise they get all questions in Swedish.",
  "evaluationStaff.forms.languagesReady": "Participants can answer in: {languages}.",
  "evaluationStaff.forms.question": "Question {number}",
  "evaluationStaff.forms.type": "How the participant answers question {number}",
  "evaluationStaff.forms.type.skala": "Scale from 1 to 5",
  "evaluationStaff.forms.type.fritext": "In their own words",
  "evaluationStaff.forms.text": "The question in {language}",
  "evaluationStaff.forms.textHint": "At most 300 characters. Keep it short and plain.",
  "evaluationStaff.forms.low": "What 1 means, in {language}",
  "evaluationStaff.forms.high": "What 5 means, in {language}",
  "evaluationStaff.forms.endHint": "At most 40 characters, for example “Not good” or “Very good”.",
  "evaluationStaff.forms.endsUnused":
    "The words for 1 and 5 are used only when the question has a scale.",
  "evaluationStaff.forms.swedishBeside": "Swedish, as saved",
  "evaluationStaff.forms.notSaved": "New question, not saved yet.",
  "evaluationStaff.forms.moveUp": "Move question {number} up",
  "evaluationStaff.forms.moveDown": "Move question {number} down",
  "evaluationStaff.forms.remove": "Remove question {number}",
  "evaluationStaff.forms.add": "Add a question",
  "evaluationStaff.forms.save": "Save the questions",
  "evaluationStaff.forms.unsaved":
    "The change is not saved yet. Press Save the questions when you are done.",
  "evaluationStaff.forms.saved": "The questions are saved.",
  "evaluationStaff.forms.updatedBy": "Last changed {date} by {name}.",
  "evaluationStaff.forms.full":
    "{count, plural, one {There can be at most # question here.} other {There can be at most # questions here.}}",
  "evaluationStaff.freeText.title": "Answers in their own words",
  "evaluationStaff.freeText.intro":
    "What the participants of {initiative} wrote in their own words in Your opinion.",
  "evaluationStaff.freeText.anonymous":
    "The answers are anonymous. Do not use them to try to find out who wrote them. Never retell them in a way that could single someone out.",
  "evaluationStaff.freeText.back": "Back to the questions",
  "evaluationStaff.freeText.period.legend": "Period",
  "evaluationStaff.freeText.period.from": "First month (YYYY-MM)",
  "evaluationStaff.freeText.period.to": "Last month (YYYY-MM)",
  "evaluationStaff.freeText.period.hint": "For example 2026-06.",
  "evaluationStaff.freeText.period.submit": "Show the period",
  "evaluationStaff.freeText.problem": "The period cannot be shown",
  "evaluationStaff.freeText.none": "No answers in their own words in the period.",
  "evaluationStaff.freeText.count": "{count, plural, one {# answer} other {# answers}}",
  "evaluationStaff.freeText.context.kapitel": "About the chapter {title}",
  "evaluationStaff.freeText.context.kapitelUnknown": "About a chapter that no longer exists",
  "evaluationStaff.freeText.context.mote": "About a meeting",
  "evaluationStaff.freeText.context.slut": "The final survey",
  "evaluationStaff.freeText.question": "The question: {question}",
};
