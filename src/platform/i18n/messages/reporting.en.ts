// English texts of reporting.sv.ts; spread into en.ts.
import type { reportingSv } from "./reporting.sv.ts";

export const reportingEn: Record<keyof typeof reportingSv, string> = {
  "reporting.title": "Reports",
  "reporting.calendarLink": "Change the reporting calendar",
  "reporting.summary":
    "{overdue, plural, =0 {No report is overdue} one {# report is overdue} other {# reports are overdue}}, {review, plural, =0 {none waits for review} one {# waits for review} other {# wait for review}}.",
  "reporting.summaryReturned":
    "{returned, plural, one {# is back with its initiative for completion.} other {# are back with their initiatives for completion.}}",
  "reporting.filterPeriod": "Show period",
  "reporting.latestPeriods": "The latest {count} periods",
  "reporting.filterStatus": "Show reports with status",
  "reporting.allStatuses": "All",
  "reporting.statusOverdue": "Overdue",
  "reporting.show": "Show",
  "reporting.showAll": "Show all reports",
  "reporting.noReports":
    "There are no reports yet. They are created when a running initiative begins a new period.",
  "reporting.noneFiltered": "No reports match what you chose.",
  "reporting.matrixCaption":
    "Reports per initiative and period ({count, plural, one {# initiative} other {# initiatives}})",
  "reporting.initiative": "Initiative",
  "reporting.noReport": "No report",
  "reporting.late": "(submitted late)",
  "reporting.overdueTitle": "Overdue reports",
  "reporting.noOverdue": "No reports are overdue.",
  "reporting.overdueCaption":
    "{count, plural, one {# overdue report} other {# overdue reports}}, the oldest first",
  "reporting.period": "Period",
  "reporting.dueDate": "Due date",
  "reporting.lead": "Initiative lead",
  "reporting.noLead": "No initiative lead registered",
  "reporting.status": "Status",
  "reporting.soonTitle": "Reports due soon",
  "reporting.noSoon":
    "No report is due within {days, plural, one {# day} other {# days}} (the reminder time of the reporting calendar).",
  "reporting.soonCaption":
    "{count, plural, one {# report} other {# reports}} due within {days, plural, one {# day} other {# days}}, the nearest first",
  "reporting.lastReminder": "Latest reminder",
  "reporting.reminder.automatic": "{date}, automatic",
  "reporting.reminder.manual": "{date}, sent by the office",
  "reporting.reminder.none": "None yet",
  "reporting.remindNow": "Remind now",
  "reporting.remind": "Send reminder",
  "reporting.remindWhich": " about {initiative}, {period}",
  "reporting.remindRefused": "The reminder was not sent",
  "reporting.notice.reminded":
    "The reminder has been sent to {recipients}. It concerns the report of {initiative}, {period}.",
  "reporting.notice.remindedNoLead":
    "The reminder has been sent. It concerns the report of {initiative}, {period}.",

  "reporting.ownIntro":
    "These are your initiative’s reports. A report is created when a new period begins and must be submitted by its due date.",
  "reporting.nextTitle": "Next step",
  "reporting.next.submit": "Write the report for {initiative}, {period}, and submit it by {due}.",
  "reporting.next.overdue":
    "The report for {initiative}, {period}, should have been submitted by {due}. Write it and submit it as soon as you can.",
  "reporting.next.complete":
    "The association has returned the report for {initiative}, {period}. Complete it and submit it again.",
  "reporting.next.steering":
    "The steering group has not written its analysis (2.6) in the report for {initiative}, {period}.",
  "reporting.next.submitLink": "Write the report for {period}",
  "reporting.next.completeLink": "Complete the report for {period}",
  "reporting.next.steeringLink": "Write the steering group analysis for {period}",
  "reporting.nothingToDo": "You have nothing to do with the reports right now.",
  "reporting.ownCaption": "{count, plural, one {# report} other {# reports}}, the latest first",
  "reporting.toDo": "To do",
  "reporting.task.submit": "Write and submit",
  "reporting.task.complete": "Complete and submit again",
  "reporting.task.steering": "Write the steering group analysis",
  "reporting.task.awaitingReview": "Waiting for review",
  "reporting.task.done": "Done",

  "reporting.calendarTitle": "Reporting calendar",
  "reporting.backToDashboard": "All reports",
  "reporting.calendarIntro":
    "Decide how often the initiatives report and when the reports are due. Samspår creates the reports and sends reminders by the calendar.",
  "reporting.cadence": "Reporting period",
  "reporting.cadenceHint": "Quarters give four reports a year, tertials three.",
  "reporting.cadence.quarter": "Quarter",
  "reporting.cadence.tertial": "Tertial",
  "reporting.dueMonthsAfter": "Due date, months after the end of the period",
  "reporting.dueMonthsAfterHint":
    "A whole number from 0 to 6. With 1, the report for January–March is due by 30 April.",
  "reporting.remindDaysBefore": "Reminder, days before the due date",
  "reporting.remindDaysBeforeHint": "A whole number from 0 to 60.",
  "reporting.followUpPeriods": "Periods of the association’s follow-up",
  "reporting.followUpPeriodsHint": "Choose one or more.",
  "reporting.followUp.halfyear": "Half year",
  "reporting.followUp.year": "Full year",
  "reporting.followUp.tertial": "Tertial",
  "reporting.followUp.quarter": "Quarter",
  "reporting.reportsFrom": "Reports from (optional)",
  "reporting.reportsFromHint":
    "YYYY-MM-DD. Reports are created only for periods that start on this date or later. Leave empty to create reports from each initiative’s start.",
  "reporting.changeNote":
    "The change applies to reports created after you save. Existing reports keep their periods and due dates. When you switch between quarters and tertials, no report is created for a period that overlaps an existing report, so switch at the turn of a year if you can.",
  "reporting.saveCalendar": "Save the reporting calendar",
  "reporting.reload": "Get the latest version of the page",
  "reporting.notice.saved": "The reporting calendar is saved.",
  "reporting.exampleTitle": "The periods of {year}",
  "reporting.exampleCaption": "Reporting periods and due dates {year} with the saved calendar",
  "reporting.exampleCaptionDefault":
    "Reporting periods and due dates {year} with the default calendar (not saved yet)",
  "reporting.periodDates": "From – to (inclusive)",
  "reporting.periodWithKey": "{label} ({key})",
  "reporting.fromTo": "{start} – {end}",
};
