// English texts of register-statistics.sv.ts; spread into en.ts.
import { registerFiguresEn } from "./register-figures.en.ts";
import type { registerStatisticsSv } from "./register-statistics.sv.ts";

export const registerStatisticsEn: Record<keyof typeof registerStatisticsSv, string> = {
  ...registerFiguresEn,
  "registerStatistics.title": "Participant statistics",
  "registerStatistics.lead":
    "Statistics from the participant register for the association’s initiatives. Every figure has passed disclosure control: a count below {threshold} is not shown, and no single participant can be singled out.",
  "registerStatistics.leadOff":
    "Statistics from the participant register for the association’s initiatives. Disclosure control is turned off: all counts are shown as they are.",
  "registerStatistics.choose": "Choose period and initiative",
  "registerStatistics.from": "First day of the period",
  "registerStatistics.to": "Last day of the period",
  "registerStatistics.dateHint": "Write the date as YYYY-MM-DD, for example 2026-01-01.",
  "registerStatistics.initiative": "Initiative",
  "registerStatistics.allInitiatives": "All initiatives running in the period",
  "registerStatistics.orientation.individual": "individual",
  "registerStatistics.orientation.structural": "structural",
  "registerStatistics.show": "Show the statistics",
  "registerStatistics.presets": "Common periods",
  "registerStatistics.presetHalf":
    "{half, select, 1 {First half of} other {Second half of}} {year}",
  "registerStatistics.presetYear": "The whole of {year}",
  "registerStatistics.periodShown": "The period {from} – {to}",
  "registerStatistics.invalid":
    "The statistics cannot be shown for that period. Correct the details below and try again.",

  "registerStatistics.legendTitle": "How to read the tables",
  "registerStatistics.legendPrimary":
    "{zero, select, yes {1–{below} people} other {fewer than {threshold} people, 0 included}}: the count is not shown.",
  "registerStatistics.legendSecondary":
    "Hidden figure: a count hidden so that the other hidden counts cannot be worked out from the totals, or a share that is not shown.",
  "registerStatistics.legendPartOf":
    "A row starting with “of which” or placed under a total is part of that total and is not added again.",
  "registerStatistics.hiddenPrimary": "fewer than {threshold}, not shown",
  "registerStatistics.hiddenSecondary": "hidden figure",
  "registerStatistics.hiddenShare": "the share is not shown",

  "registerStatistics.summaryTitle": "Hidden figures",
  "registerStatistics.summaryCount":
    "{count, plural, =0 {Every figure of the period’s statistics is shown.} one {# figure of the period’s statistics (all tables of all initiatives) is not shown.} other {# figures of the period’s statistics (all tables of all initiatives) are not shown.}}",
  "registerStatistics.summaryLeftOut":
    "{count, plural, one {# total is not shown} other {# totals are not shown}} (“..”), since hidden figures could otherwise be worked out.",
  "registerStatistics.summaryNote":
    "The summary says how many figures are hidden and why, never what their values are.",

  "registerStatistics.aboutTitle": "About the figures",
  "registerStatistics.individualTitle": "Individual initiatives",
  "registerStatistics.structuralTitle": "Structural initiatives",
  "registerStatistics.allLink": "Show every initiative of the period",
  "registerStatistics.perInitiative": "Per initiative",
  "registerStatistics.overviewCaption": "{orientation}: each initiative",
  "registerStatistics.overviewNote":
    "The figures cover every participant (total). Choose an initiative to see its tables with women and men, background and exits.",
  "registerStatistics.initiativeDates": "The initiative: {start} – {end}",
  "registerStatistics.noEnd": "until further notice",
  "registerStatistics.noneIndividual": "No individual initiatives were running in the period.",
  "registerStatistics.noneStructural": "No structural initiatives were running in the period.",
  "registerStatistics.noPeriods": "No recorded periods lie wholly inside the chosen period.",
  "registerStatistics.columnFigure": "Figure",
  "registerStatistics.columnWomen": "Women",
  "registerStatistics.columnMen": "Men",
  "registerStatistics.columnTotal": "Total",
  "registerStatistics.columnShare": "Share",
  "registerStatistics.sharesTitle": "Shares",
  "registerStatistics.captionOf": "{title} – {name}",
  "registerStatistics.definitions": "How the figures in the table are counted",
  "registerStatistics.tableOf": "Table: {title}",
  "registerStatistics.thresholdApplies":
    "The association’s disclosure threshold is {threshold}: counts below {threshold} are shown as “< {threshold}”.",
  "registerStatistics.thresholdOff":
    "The association’s disclosure control is turned off (threshold 0): all counts are shown as they are.",
  "registerStatistics.zeroShown": "A true 0 is shown as 0.",
  "registerStatistics.zeroHidden":
    "A true 0 is also shown as “< {threshold}”, so that no one can tell none from a few.",
  "registerStatistics.settingsLink": "Change the association’s disclosure control",
  "registerStatistics.errorFrom":
    "Write the first day of the period as YYYY-MM-DD, for example {example}.",
  "registerStatistics.errorTo":
    "Write the last day of the period as YYYY-MM-DD, for example {example}.",
  "registerStatistics.errorOrder":
    "The last day of the period ({to}) is before its first day ({from}). Swap the dates.",
  "registerStatistics.errorInitiative":
    "The initiative is not one of the association’s. Choose an initiative in the list.",

  "disclosureSettings.title": "Disclosure control",
  "disclosureSettings.back": "Back to the participant statistics",
  "disclosureSettings.lead":
    "The participant statistics are about people in small communities and may be released as public records. Disclosure control makes sure no single participant can be singled out from them.",
  "disclosureSettings.currentTitle": "What applies now",
  "disclosureSettings.currentOn":
    "The threshold is {threshold}: counts below {threshold} are shown as “< {threshold}”.",
  "disclosureSettings.currentOff":
    "Disclosure control is turned off (threshold 0): all counts are shown as they are.",
  "disclosureSettings.currentDefault":
    "This is Samspår’s default; the association has not changed it.",
  "disclosureSettings.whereTitle": "Where does disclosure control apply?",
  "disclosureSettings.where":
    "Wherever statistics leave the participant register: the Participant statistics page, the API and everything else that counts participants pass the same disclosure control. A change applies from now on.",
  "disclosureSettings.formTitle": "Change disclosure control",
  "disclosureSettings.threshold": "Threshold",
  "disclosureSettings.thresholdHint":
    "Counts below the threshold are shown as “< {standard}” (with the association’s threshold instead of {standard}), and enough other counts are hidden (“..”) that the hidden ones cannot be worked out from the totals. A share is not shown when fewer than the threshold are in its denominator. Write 0 or a whole number from {min} to {max}; {standard} is the default. 0 turns disclosure control off, which only suits statistics that are never released.",
  "disclosureSettings.zero": "Show zeros",
  "disclosureSettings.zeroHint":
    "A true 0 means that no one in the group has, for example, gone on to studies. When it is hidden it is shown as “< threshold” just like a small count, so that no one can tell none from a few.",
  "disclosureSettings.zeroNo": "No, show a true 0 as “< threshold” (recommended)",
  "disclosureSettings.zeroYes": "Yes, show 0 when no one is in the group",
  "disclosureSettings.zeroMissing":
    "Choose whether a true 0 is shown as 0 or hidden as “< threshold”.",
  "disclosureSettings.submit": "Save disclosure control",
  "disclosureSettings.saved":
    "Disclosure control is saved. It applies from now on to all statistics from the participant register.",
  "disclosureSettings.conflictHelp": "What you chose has not been saved.",
  "disclosureSettings.reload": "Fetch what applies now",

  "registerLog.nav": "Register log",
  "registerLog.title": "Access log of the participant register",
  "registerLog.lead":
    "Who read, searched, revealed, exported, changed, imported or erased data in the participant register, when, and with what outcome. The log never shows who the participant is – only the participant record’s id.",
  "registerLog.filters": "Search the log",
  "registerLog.person": "Person",
  "registerLog.anyPerson": "All people",
  "registerLog.participant": "Participant record id",
  "registerLog.participantHint":
    "The id is shown in the log and in the participant’s register extract, for example 3f2a9c1e-0b7d-4e2a-9c1e-0b7d4e2a9c1e.",
  "registerLog.action": "Event",
  "registerLog.anyAction": "All events",
  "registerLog.from": "From",
  "registerLog.to": "To",
  "registerLog.dateHint": "Write the date as YYYY-MM-DD, for example 2026-03-01.",
  "registerLog.search": "Search",
  "registerLog.clear": "Show the whole log",
  "registerLog.invalid":
    "The log cannot be searched like that. Correct the details below and try again.",
  "registerLog.count":
    "{total, plural, =0 {No events match the search.} one {# event matches the search.} other {# events match the search.}}",
  "registerLog.caption":
    "Access log, events {first, number}–{last, number} of {total, number}, newest first",
  "registerLog.when": "When",
  "registerLog.who": "Who",
  "registerLog.role": "Role",
  "registerLog.organisation": "Organisation",
  "registerLog.what": "Event",
  "registerLog.fields": "Data",
  "registerLog.record": "Participant record",
  "registerLog.register": "Data controller",
  "registerLog.outcome": "Outcome",
  "registerLog.request": "Request",
  "registerLog.noRecord": "no single record",
  "registerLog.onlyRecord": "Show only the events of participant record {id}",
  "registerLog.outcome.ok": "done",
  "registerLog.outcome.denied": "denied",
  "registerLog.outcome.error": "error",
  "registerLog.roleSystem": "system (automatic)",
  "registerLog.action.read": "read",
  "registerLog.action.search": "searched/listed",
  "registerLog.action.reveal": "revealed the full personal identity number",
  "registerLog.action.export": "exported",
  "registerLog.action.change": "changed",
  "registerLog.action.erase": "erased the identity",
  "registerLog.action.import": "imported",
  "registerLog.field.identity.masked": "personal identity number (masked)",
  "registerLog.field.identity": "personal identity number",
  "registerLog.field.name": "name",
  "registerLog.field.gender": "gender",
  "registerLog.field.birthYear": "birth year",
  "registerLog.field.protectedIdentity": "protected personal data",
  "registerLog.field.consent": "consent",
  "registerLog.field.enrollment": "enrolment",
  "registerLog.field.startDate": "start date",
  "registerLog.field.localUnit": "local unit",
  "registerLog.field.municipalityCode": "municipality of residence",
  "registerLog.field.actionPlanDate": "action plan",
  "registerLog.field.background": "background",
  "registerLog.field.exit": "exit",
  "registerLog.field.externalKey": "participant id",
  "registerLog.field.voided": "registration error",
  "registerLog.field.countOnly": "number of participants",
  "registerLog.field.erasures": "erasures",
  "registerLog.field.accessLog": "access log",
  "registerLog.field.measurements": "progression measurements",
  "registerLog.field.jamforelsegrupp": "comparison group",
  "registerLog.field.felregistrering:fel_deltagare": "registered in error (wrong participant)",
  "registerLog.field.felregistrering:dubblett": "registered in error (registered twice)",
  "registerLog.field.felregistrering:fel_instrument": "registered in error (wrong instrument)",
  "registerLog.field.felregistrering:fel_tillfalle": "registered in error (wrong occasion)",
  "registerLog.field.availability": "bookable times",
  "registerLog.field.booking": "booking",
  "registerLog.field.bookings": "bookings",
  "registerLog.field.portalAccount": "portal account (language, reminders, contact details)",
  "registerLog.field.portalContact": "portal contact details (e-mail, mobile)",
  "registerLog.field.portalLanguage": "portal language",
  "registerLog.field.planSteps": "action plan steps",
  "registerLog.field.courseProgress": "course reading (chapters, last page)",
  "registerLog.field.quizAnswers": "answers to course questions",
  "registerLog.field.evaluationReceipts": "Tyck till (that the participant answered or skipped)",
  "registerLog.pages": "Pages of the log",
  "registerLog.previous": "Previous page",
  "registerLog.next": "Next page",
  "registerLog.page": "Page {page} of {pages}",
};
