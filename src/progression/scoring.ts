// Scoring a measurement (model.ts): the one place that turns answers into scores, and two
// measurements into a change. Pure, so every figure of the results can be traced and tested.
//
// An item's score is its answer, or min + max − answer when the item is reverse-scored. A
// subscale's and the total's score is, by the instrument's method, the mean of the answered items
// ("medel") or that mean × the number of items ("summa", prorated so a skipped item does not
// lower the sum) — given only when at least `minAnsweredShare` of the items were answered.
import type {
  Answers,
  InstrumentDefinition,
  InstrumentItem,
  Occasion,
  ScoreKey,
  Scores,
} from "./model.ts";

/** Rounds to two decimals, half away from zero, so stored and shown scores agree everywhere. */
export function round2(n: number): number {
  const r = Math.round(Math.abs(n) * 100 + 1e-9) / 100;
  return n < 0 ? -r : r;
}

function scoreOf(
  items: readonly InstrumentItem[],
  scored: Record<string, number | null>,
  d: InstrumentDefinition,
): number | null {
  if (items.length === 0) return null;
  const answered = items
    .map((i) => scored[i.key])
    .filter((v): v is number => typeof v === "number");
  if (answered.length === 0 || answered.length < d.scoring.minAnsweredShare * items.length - 1e-9)
    return null;
  const mean = answered.reduce((a, b) => a + b, 0) / answered.length;
  return round2(d.scoring.method === "medel" ? mean : mean * items.length);
}

/** The scores of one measurement's answers. Answers must be valid (validateAnswers). */
export function scoreAnswers(definition: InstrumentDefinition, answers: Answers): Scores {
  const { min, max } = definition.scale;
  const items: Record<string, number | null> = {};
  for (const item of definition.items) {
    const a = answers[item.key];
    items[item.key] = typeof a === "number" ? (item.reverse ? min + max - a : a) : null;
  }
  const subscales: Record<string, number | null> = {};
  for (const s of definition.subscales)
    subscales[s.key] = scoreOf(
      definition.items.filter((i) => i.subscale === s.key),
      items,
      definition,
    );
  return { items, subscales, total: scoreOf(definition.items, items, definition) };
}

/** Every score key of an instrument, in the order results show them: total, subscales, items. */
export function scoreKeys(definition: InstrumentDefinition): ScoreKey[] {
  return [
    "total",
    ...definition.subscales.map((s) => `delskala:${s.key}` as const),
    ...definition.items.map((i) => `fraga:${i.key}` as const),
  ];
}

/** One score of a measurement by its key. */
export function scoreByKey(scores: Scores, key: ScoreKey): number | null {
  if (key === "total") return scores.total;
  if (key.startsWith("delskala:")) return scores.subscales[key.slice(9)] ?? null;
  return scores.items[key.slice(6)] ?? null;
}

/** The change of every score from the zero-point to a later measurement; null where either is missing. */
export function changeOf(
  definition: InstrumentDefinition,
  baseline: Scores,
  later: Scores,
): Record<ScoreKey, number | null> {
  const out = {} as Record<ScoreKey, number | null>;
  for (const key of scoreKeys(definition)) {
    const a = scoreByKey(baseline, key);
    const b = scoreByKey(later, key);
    out[key] = a === null || b === null ? null : round2(b - a);
  }
  return out;
}

/** Improved: the total rose by at least the instrument's improvement; null when not comparable. */
export function improved(
  definition: InstrumentDefinition,
  baseline: Scores,
  later: Scores,
): boolean | null {
  if (baseline.total === null || later.total === null) return null;
  return round2(later.total - baseline.total) >= definition.scoring.improvement - 1e-9;
}

/** Swedish problems with a set of answers, by item key ("" for the whole form); empty when valid. */
export function validateAnswers(
  definition: InstrumentDefinition,
  answers: Record<string, unknown>,
): Record<string, string> {
  const problems: Record<string, string> = {};
  const { min, max } = definition.scale;
  const known = new Set(definition.items.map((i) => i.key));
  for (const key of Object.keys(answers))
    if (!known.has(key)) problems[""] = `Frågan "${key}" finns inte i instrumentet.`;
  definition.items.forEach((item, index) => {
    const a = answers[item.key];
    if (a === null || a === undefined) return;
    if (typeof a !== "number" || !Number.isInteger(a) || a < min || a > max)
      problems[item.key] =
        `Fråga ${index + 1}: svaret ska vara ett heltal från ${min} till ${max}${typeof a === "number" || typeof a === "string" ? `, inte ${a}` : ""}.`;
  });
  if (
    Object.keys(problems).length === 0 &&
    scoreAnswers(definition, answers as Answers).total === null
  )
    problems[""] =
      `För få frågor är besvarade för att ge ett resultat: minst ${Math.ceil(definition.scoring.minAnsweredShare * definition.items.length - 1e-9)} av ${definition.items.length} behövs.`;
  return problems;
}

/** The order of the occasions in time: the zero-point first, the exit last. */
export const OCCASION_ORDER: Record<Occasion, number> = { nollpunkt: 0, uppfoljning: 1, avslut: 2 };
