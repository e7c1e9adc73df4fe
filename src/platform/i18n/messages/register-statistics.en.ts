// English texts of register-statistics.sv.ts; spread into en.ts.
import type { registerStatisticsSv } from "./register-statistics.sv.ts";

export const registerStatisticsEn: Record<keyof typeof registerStatisticsSv, string> = {
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
  "registerLog.from": "From (UTC)",
  "registerLog.to": "To (UTC)",
  "registerLog.dateHint": "Write the date as YYYY-MM-DD, for example 2026-03-01.",
  "registerLog.search": "Search",
  "registerLog.clear": "Show the whole log",
  "registerLog.invalid":
    "The log cannot be searched like that. Correct the details below and try again.",
  "registerLog.count":
    "{total, plural, =0 {No events match the search.} one {# event matches the search.} other {# events match the search.}}",
  "registerLog.caption":
    "Access log, events {first, number}–{last, number} of {total, number}, newest first",
  "registerLog.when": "When (UTC)",
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
  "registerLog.pages": "Pages of the log",
  "registerLog.previous": "Previous page",
  "registerLog.next": "Next page",
  "registerLog.page": "Page {page} of {pages}",
};
