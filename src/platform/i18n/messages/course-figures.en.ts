// English texts of the staff pages for courses and Tyck till: the protected figures; spread into en.ts.
import type { courseFiguresSv } from "./course-figures.sv.ts";

export const courseFiguresEn: Record<keyof typeof courseFiguresSv, string> = {
  "courseFigures.title": "Courses in the portal",
  "courseFigures.intro":
    "How the participants of {initiative} read the courses in the participant portal during the period: how many started and finished each course and how many chapters were completed. The figures pass the association's disclosure control, so no single participant can be singled out.",
  "courseFigures.link": "Courses in the portal (courses started and finished)",
  "courseFigures.back": "Back to the initiative",
  "courseFigures.none":
    "There are no published courses for the initiative. Once a course is published, its figures are shown here.",
  "courseFigures.course.meta":
    "Version {version}, {chapters, plural, one {# chapter} other {# chapters}}.",
  "courseFigures.course.forAll":
    "The course is the association's and is there for every initiative.",
  "courseFigures.course.withdrawn":
    "The course has been withdrawn and is no longer shown to participants.",
  "courseFigures.column.figure": "Figure",
  "courseFigures.row.started": "Started the course",
  "courseFigures.row.started.definition":
    "Participants who opened at least one chapter of the course during the period. A person is counted once per course. Gender as in the participant register.",
  "courseFigures.row.finished": "Finished the course",
  "courseFigures.row.finished.definition":
    "Participants who have completed every chapter of the course's newest version, the last of them during the period. A person is counted once per course.",
  "courseFigures.row.chapters": "Chapters completed",
  "courseFigures.row.chapters.definition":
    "The number of chapters of the course that participants completed during the period, not the number of people. A person who completes three chapters is counted three times.",
  "courseFigures.quiz": "Right at the first try",
  "courseFigures.quiz.definition":
    "The share of the participants' answers to the course's quiz questions, last answered during the period, that were right the first time. Not shown when the answers are too few.",
  "courseFigures.quiz.none": "The course has no quiz questions.",
  "courseFigures.genderNote":
    "The Total column counts everyone: women, men and participants of another gender, who do not want to state their gender or whose gender is not recorded. So Total can be larger than women and men together.",
  "courseFigures.leftOut":
    '{count, plural, one {# total is} other {# totals are}} shown as ".." since hidden figures could otherwise be worked out.',
  "courseFigures.caption": "{title}, {from} – {to}",
  "courseFigures.results.title": "Tyck till – results",
  "courseFigures.results.intro":
    "What the participants of {initiative} answered in Tyck till, question by question, per month and for the whole period. The answers are anonymous and pass the association's disclosure control. Free-text answers are only counted here; the texts are not shown.",
  "courseFigures.results.link": "Tyck till – results per question",
  "courseFigures.results.context.legend": "Which answers",
  "courseFigures.results.context.kapitel": "Short questions after chapters",
  "courseFigures.results.context.mote": "Short questions after meetings",
  "courseFigures.results.context.slut": "The exit survey",
  "courseFigures.results.context.error":
    "Choose which answers to show: after chapters, after meetings or the exit survey.",
  "courseFigures.results.none":
    "The initiative has no questions for these answers and no answers during the period. The questions are written under Tyck till on the initiative's page.",
  "courseFigures.results.whole": "Whole period",
  "courseFigures.results.column.period": "Period",
  "courseFigures.results.column.answers": "Answers",
  "courseFigures.results.column.mean": "Mean",
  "courseFigures.results.value": "Answer {value}",
  "courseFigures.results.scale": 'Scale 1–5. 1 means "{low}", 5 means "{high}".',
  "courseFigures.results.scalePlain": "Scale 1–5.",
  "courseFigures.results.freeText":
    "Free-text question: only the number of answers is shown here. The initiative's participant officers read the texts.",
  "courseFigures.results.notInForm":
    "The question is no longer among the initiative's questions. The answers from when it was asked are still counted.",
  "courseFigures.results.answersDefinition":
    "Answers is how many answered the question (did not skip it). Answers are stored without a name, with the month they were given.",
  "courseFigures.results.meanDefinition":
    "The mean is the average of the answers 1–5, with one decimal. It is shown only when every part of the distribution is shown: otherwise hidden counts could be worked out.",
  "courseFigures.results.mean.few": "not shown, too few answers",
  "courseFigures.results.mean.distribution": "not shown, part of the distribution is hidden",
  "courseFigures.results.distributionHidden": "The distribution is not shown: too few answers.",
  "courseFigures.results.chart.title": 'The answers to "{question}", whole period',
  "courseFigures.results.chart.description":
    "Bar chart: the number of answers for each value 1–5 during the whole period. {shown}",
  "courseFigures.results.chart.hidden":
    "{count, plural, one {# bar is} other {# bars are}} not drawn because the count is hidden; see the table.",
  "courseFigures.results.chart.axis": "Answers",
};
