// English texts of progression measurement's pages (measure); spread into en.ts.
import type { progressionMeasureSv } from "./progression-measure.sv.ts";

export const progressionMeasureEn: Record<keyof typeof progressionMeasureSv, string> = {
  "progression.measure.yes": "Yes",
  "progression.measure.no": "No",
  "progression.measure.initiative": "Initiative",
  "progression.measure.instrument": "Instrument",
  "progression.measure.participant": "Participant",
  "progression.measure.occasion": "Occasion",
  "progression.measure.versionName": "{name} (version {number})",
  "progression.measure.backToParticipants": "Back to the participants",
  "progression.measure.occasion.nollpunkt": "Baseline",
  "progression.measure.occasion.uppfoljning": "Follow-up",
  "progression.measure.occasion.avslut": "Exit",
  "progression.measure.mode.samtal": "In a conversation",
  "progression.measure.mode.papper": "On a paper form",
  "progression.measure.mode.deltagare": "The participant answered on their own",
  "progression.measure.status.forsenad": "Overdue",
  "progression.measure.status.att_gora": "To do",
  "progression.measure.status.kommande": "Coming",
  "progression.measure.status.klar": "Done",
  "progression.measure.reason.fel_deltagare": "Registered on the wrong participant",
  "progression.measure.reason.dubblett": "Registered twice",
  "progression.measure.reason.fel_instrument": "Wrong instrument",
  "progression.measure.reason.fel_tillfalle": "Wrong occasion",
  "progression.measure.link.enrollment": "Progression measurements",
  "progression.measure.link.plan": "Progression measurement plan",
  "progression.measure.link.due": "Measurements to do",

  "progression.measure.plan.title": "Measurement plan for {name}",
  "progression.measure.plan.backToInitiative": "Back to the initiative",
  "progression.measure.plan.intro":
    "The measurement plan says which instruments the participants rate themselves with, and when: a baseline when they start, follow-ups at regular intervals and a measurement at exit. Participant officers see the measurements to do in their list.",
  "progression.measure.plan.structural":
    "This is a structural initiative. It has no participants of its own to measure, so it has no measurement plan.",
  "progression.measure.plan.ended":
    "The initiative has ended or was rejected. Its measurement plan can no longer be changed.",
  "progression.measure.plan.none": "The initiative has no measurement plan yet.",
  "progression.measure.plan.updated": "Last changed by {name} {at}.",
  "progression.measure.plan.noInstruments":
    "The association has no published instruments to choose from. Publish an instrument first.",
  "progression.measure.plan.instruments": "Instruments",
  "progression.measure.plan.instrumentsHint":
    "Choose one or more (at most 10), one version of each. Participants are measured with all of them at every occasion.",
  "progression.measure.plan.versionLabel": "{name}, version {number} ({items} questions)",
  "progression.measure.plan.shipped": "included in Samspår",
  "progression.measure.plan.licensed": "licensed: {licence}",
  "progression.measure.plan.archivedVersion":
    "A version that is no longer published in the association (archived)",
  "progression.measure.plan.interval": "Months between follow-ups",
  "progression.measure.plan.intervalHint":
    "A whole number from 0 to 24. 0 means no follow-ups between the baseline and the exit.",
  "progression.measure.plan.atExit": "Measure at exit",
  "progression.measure.plan.grace": "Days before a measurement is overdue",
  "progression.measure.plan.graceHint":
    "A whole number from 0 to 90: for that long a measurement stays “to do” after it falls due.",
  "progression.measure.plan.target": "Target: share of participants measured (per cent)",
  "progression.measure.plan.targetHint": "A whole number from 0 to 100.",
  "progression.measure.plan.comparison": "The initiative has a comparison group",
  "progression.measure.plan.comparisonHint":
    "Anonymous ratings of people who do not take part, to compare the change with.",
  "progression.measure.plan.save": "Save the measurement plan",
  "progression.measure.plan.saved": "The measurement plan has been saved.",
  "progression.measure.plan.noFollowUps": "No follow-ups between start and exit",
  "progression.measure.plan.months": "{count, plural, one {Every month} other {Every # months}}",
  "progression.measure.plan.days": "{count, plural, one {# day} other {# days}}",
  "progression.measure.plan.paperTitle": "Paper forms",
  "progression.measure.plan.paperIntro":
    "For participants who prefer to answer on paper. The form is available in Swedish, English and Somali; in Arabic, Persian and Tigrinya the participant answers on screen.",
  "progression.measure.plan.paperLink": "Form for {name}, version {number} (PDF)",

  "progression.measure.due.title": "Measurements to do",
  "progression.measure.due.intro":
    "The measurements your participants are due for under the initiatives' measurement plans, overdue first. Today is {today}.",
  "progression.measure.due.countOverdue":
    "{count, plural, one {# overdue measurement} other {# overdue measurements}}",
  "progression.measure.due.countToDo":
    "{count, plural, one {# measurement} other {# measurements}} to do",
  "progression.measure.due.countComing":
    "{count, plural, one {# coming measurement} other {# coming measurements}}",
  "progression.measure.due.filter": "Show",
  "progression.measure.due.allInitiatives": "All my initiatives",
  "progression.measure.due.allStatuses": "Overdue, to do and coming",
  "progression.measure.due.status": "Status",
  "progression.measure.due.submit": "Show",
  "progression.measure.due.none":
    "No measurements to show. Initiatives without a measurement plan are not listed: the association's office makes the plan.",
  "progression.measure.due.caption":
    "{count, plural, one {# measurement} other {# measurements}} to do or coming",
  "progression.measure.due.dueOn": "Due",
  "progression.measure.due.lastDay": "(by {date})",
  "progression.measure.due.enter": "Register",
  "progression.measure.due.enterFor": "Register {occasion} for {participant}",

  "progression.measure.enrollment.title": "Progression measurements for {participant}",
  "progression.measure.enrollment.back": "Back to the enrollment",
  "progression.measure.enrollment.period": "Enrollment",
  "progression.measure.enrollment.since": "since {date}",
  "progression.measure.enrollment.noPlan":
    "The initiative has no measurement plan yet. The association's office chooses instruments and times on the initiative's page.",
  "progression.measure.enrollment.voided":
    "The enrollment was voided as a registration error and takes no measurements.",
  "progression.measure.enrollment.dueTitle": "Under the measurement plan",
  "progression.measure.enrollment.new": "Register a measurement",
  "progression.measure.enrollment.noneYet": "No measurements with this instrument yet.",
  "progression.measure.enrollment.scores": "Results with {name}",
  "progression.measure.enrollment.score": "Result",
  "progression.measure.enrollment.total": "Total",
  "progression.measure.enrollment.subscale": "Subscale: {name}",
  "progression.measure.enrollment.changeLabel": "change from the baseline:",
  "progression.measure.enrollment.changeNote":
    "In brackets: the change from the baseline. Reversed questions are already turned, so a higher value is always better. – means there is no answer.",
  "progression.measure.enrollment.listTitle": "The measurements",
  "progression.measure.enrollment.entry": "{occasion}, {mode}, registered by {name}.",
  "progression.measure.enrollment.correct": "Correct",
  "progression.measure.enrollment.correctOf": "Correct {occasion}",
  "progression.measure.enrollment.removeOf": "Remove {occasion} as a registration error",
  "progression.measure.enrollment.reason": "Why is the measurement removed?",
  "progression.measure.enrollment.remove": "Remove the measurement",
  "progression.measure.enrollment.removed":
    "The measurement has been removed. The removal is in the access log.",
  "progression.measure.enrollment.saved": "The measurement has been registered.",
  "progression.measure.enrollment.corrected": "The measurement has been corrected.",

  "progression.measure.form.title": "Register a measurement for {participant}",
  "progression.measure.form.titleCorrect": "Correct a measurement for {participant}",
  "progression.measure.form.back": "Back to the measurements",
  "progression.measure.form.enrollment": "{initiative}, enrolled {start}.",
  "progression.measure.form.ended": "Ended {end}.",
  "progression.measure.form.chooseInstrument": "Instrument",
  "progression.measure.form.language": "Language of the questions",
  "progression.measure.form.languageHint":
    "Show the questions in the participant's language. The Swedish text is shown beside them.",
  "progression.measure.form.paper": "Print the form on paper (PDF)",
  "progression.measure.form.date": "Date of the measurement",
  "progression.measure.form.dateHint":
    "Write the date as YYYY-MM-DD, for example {today}. Not in the future.",
  "progression.measure.form.mode": "How did the answers come in?",
  "progression.measure.form.answers": "The answers",
  "progression.measure.form.save": "Save the measurement",
  "progression.measure.form.saveCorrection": "Save the correction",

  "progression.measure.answers.item": "Question {number}:",
  "progression.measure.answers.skip": "Prefer not to answer",
};
