// The portal's courses and Tyck till in the follow-up report (issue 10): per published course,
// all the report's individual initiatives together, who started it and who finished it (kvinnor
// / män / totalt), the chapters completed and the quiz answers right at the first try; and per
// question of each initiative's Tyck till, the whole period's answers, distribution and mean —
// after the short checks after chapters, after meetings and in the exit survey. Every figure
// comes from src/courses/figures.ts and src/evaluation/results.ts, which have passed disclosure
// control there with the report's threshold: this module only picks what the report shows (the
// whole period; the months stay on the staff pages). They share no sum with tables 6–8, so the
// whole-report audit does not take them in; the section says for itself how many are hidden.
import { courseFigures } from "../courses/figures.ts";
import { evaluationResults } from "../evaluation/results.ts";
import { EVALUATION_CONTEXTS } from "../evaluation/schema.ts";
import type { Db } from "../platform/database/connect.ts";
import type { CoursesFeedbackSection } from "./model.ts";
import { usageMonths } from "./sections-portal-usage.ts";

export const NO_INDIVIDUAL_COURSES_TEXT =
  "Inga individinriktade insatser under perioden, så det finns inga kurser eller svar i Tyck till att redovisa.";

const CONTEXT_NAMES = {
  kapitel: "Tyck till efter kapitel",
  mote: "Tyck till efter möten",
  slut: "Tyck till, slutenkäten",
} as const;

/** Reads and protects the courses' figures and Tyck till's results of the report's period. */
export async function loadCoursesFeedbackSection(
  db: Db,
  associationId: string,
  input: {
    period: { from: string; to: string };
    initiativeIds: readonly string[];
    threshold: number;
    allowTrueZero: boolean;
  },
): Promise<CoursesFeedbackSection> {
  if (input.initiativeIds.length === 0)
    return {
      courses: [],
      feedback: [],
      disclosureReasons: [],
      noneText: NO_INDIVIDUAL_COURSES_TEXT,
    };
  const months = usageMonths(input.period);
  const common = {
    ...months,
    initiativeIds: input.initiativeIds,
    threshold: input.threshold,
    allowTrueZero: input.allowTrueZero,
  };
  const [figures, ...results] = await Promise.all([
    courseFigures(db, associationId, common),
    ...EVALUATION_CONTEXTS.map((context) =>
      evaluationResults(db, associationId, { ...common, context }),
    ),
  ]);
  const reasons: string[] = [];
  if (figures.courses.length > 0)
    reasons.push(...figures.disclosure.reasons.map((r) => `Kurser: ${r}`));
  for (const r of results)
    if (r.questions.length > 0)
      reasons.push(
        ...r.disclosure.reasons.map((reason) => `${CONTEXT_NAMES[r.context]}: ${reason}`),
      );
  return {
    courses: figures.courses.map((c) => {
      const [started, finished, chapters] = c.rows;
      return {
        courseId: c.courseId,
        title: c.title,
        startedWomen: started.kvinnor,
        startedMen: started.man,
        startedTotal: started.totalt,
        finishedWomen: finished.kvinnor,
        finishedMen: finished.man,
        finishedTotal: finished.totalt,
        chaptersCompleted: chapters.totalt,
        quizFirstTry: c.quiz ? c.quiz.share : null,
      };
    }),
    feedback: results.flatMap((r) =>
      r.questions.map((q) => ({
        initiativeId: q.initiativeId,
        initiative: q.initiativeName,
        context: r.context,
        question: q.text,
        type: q.type,
        answers: q.total.answers,
        distribution: q.total.distribution ? [...q.total.distribution] : null,
        mean: q.total.mean && "value" in q.total.mean ? q.total.mean.value : null,
      })),
    ),
    disclosureReasons: reasons,
    noneText: null,
  };
}
