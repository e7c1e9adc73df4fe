// The progression section of the follow-up report (issue 8): per individual initiative active in
// the period with a measurement plan, and per instrument version of its plan, the share measured
// against the plan's target, the mean change of the total score by gender, the share improved
// and the number of pairs. Every figure comes from the progression results
// (src/progression/results.ts progressionResults), which have passed disclosure control there:
// this module only picks the figures the report shows, in the report's order of initiatives.
import type { InitiativeResults, ProgressionResults } from "../progression/results.ts";
import type { InitiativeRef, ProgressionRow, ProgressionSection } from "./model.ts";

export const NO_PLAN_TEXT =
  "Ingen av de individinriktade insatserna under perioden har en mätplan för progressionsmätning. Förbundets kansli lägger upp en mätplan på insatsens sida, under ”Mätplan för progressionsmätning”.";

/** The section from the results, the rows in the order of the report's initiatives. */
export function progressionSection(
  results: ProgressionResults,
  initiatives: readonly InitiativeRef[],
): ProgressionSection {
  const byId = new Map<string, InitiativeResults>(results.initiatives.map((i) => [i.id, i]));
  const rows: ProgressionRow[] = [];
  for (const initiative of initiatives) {
    const found = byId.get(initiative.id);
    if (!found) continue;
    for (const instrument of found.instruments) {
      const total = instrument.participants.scores.find((s) => s.key === "total");
      const none = { suppressed: "none" as const, threshold: results.threshold };
      rows.push({
        id: initiative.id,
        name: initiative.name,
        instrument: {
          key: instrument.instrumentKey,
          name: instrument.instrumentName,
          version: instrument.versionNumber,
        },
        measuredShare: instrument.coverage.share.totalt,
        targetPercent: instrument.coverage.targetPercent,
        target: instrument.coverage.target,
        targetText: instrument.coverage.targetText,
        change: {
          women: total?.change.kvinnor ?? none,
          men: total?.change.man ?? none,
          total: total?.change.totalt ?? none,
        },
        improvedShare: instrument.participants.improved.totalt,
        pairs: instrument.participants.pairs.totalt,
      });
    }
  }
  return { rows, noPlanText: rows.length === 0 ? NO_PLAN_TEXT : null };
}
