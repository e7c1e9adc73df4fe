// What an application may contain, for every way one is written (web form, API, bundle).
// A draft may be incomplete but never inconsistent (end before start, owner as partner,
// a share over 100 %); submission also requires every required field. Problems are reported
// at their field in Swedish, saying what to fix.

import {
  type InitiativeInput,
  validateInitiative,
  wholeNumber,
} from "../initiatives/validate-initiative.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { ValidationError } from "../platform/errors.ts";
import { parseKronor } from "../platform/money.ts";
import {
  APPLICATION_FIELDS,
  type ApplicationContent,
  BUDGET_CATEGORIES,
  BUDGET_CATEGORY_LABELS,
  type BudgetCategory,
  CO_FINANCING_KINDS,
  type CoFinancingKind,
} from "./content.ts";

type Num = string | number | null | undefined;

/** An application as typed: numbers may still be text. */
export interface ApplicationInput
  extends Omit<InitiativeInput, "status" | "plannedEndDate" | "goals"> {
  goals: Array<{ text: string; kind: string; targetNumber?: Num; targetPercent?: Num }>;
  purpose: string;
  background: string;
  methods: string;
  followUp: string;
  implementation: string;
  genderTargetWomenPercent?: Num;
  budget: Array<{ year: Num; category: string; amount: Num }>;
  coFinancing: Array<{ year: Num; organisationId: string; kind: string; amount: Num }>;
  anchored: boolean | null;
  anchoringDescription: string;
}

const NARRATIVE_LIMIT = 20_000;

/** The content as input again (for forms that show what is stored). */
export const contentAsInput = (c: ApplicationContent): ApplicationInput => ({ ...c });

const yearOf = (iso: string | null) => (iso ? Number(iso.slice(0, 4)) : null);

/**
 * Checks and normalises an application. `submit` also requires the fields the form marks as
 * required. Throws ValidationError with every problem found.
 */
export async function validateApplication(
  q: Queryable,
  associationId: string,
  input: ApplicationInput,
  mode: "draft" | "submit",
): Promise<ApplicationContent> {
  const problems: Record<string, string> = {};
  let initiative: Awaited<ReturnType<typeof validateInitiative>> | undefined;
  try {
    initiative = await validateInitiative(
      q,
      associationId,
      { ...input, status: "ansokan", plannedEndDate: null },
      { draft: mode === "draft" },
    );
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    Object.assign(problems, e.fields);
  }

  const narrative = (key: keyof ApplicationInput) => {
    const text = String(input[key] ?? "").trim();
    if (text.length > NARRATIVE_LIMIT)
      problems[key] = `Texten får ha högst ${NARRATIVE_LIMIT.toLocaleString("sv-SE")} tecken.`;
    return text;
  };
  const purpose = narrative("purpose");
  const background = narrative("background");
  const methods = narrative("methods");
  const followUp = narrative("followUp");
  const implementation = narrative("implementation");
  const anchoringDescription = narrative("anchoringDescription");

  const gender = wholeNumber(input.genderTargetWomenPercent);
  if (gender === "invalid")
    problems.genderTargetWomenPercent =
      "Skriv andelen kvinnor som ett heltal i procent, till exempel 60.";
  else if (gender !== null && gender > 100)
    problems.genderTargetWomenPercent = "Andelen kvinnor kan inte vara över 100 %.";

  const startYear = yearOf(initiative?.startDate ?? null);
  const endYear = yearOf(initiative?.endDate ?? null);
  const yearProblem = (year: number | null | "invalid"): string | undefined => {
    if (year === null || year === "invalid" || year < 2000 || year > 2100)
      return "Ange ett år med fyra siffror, till exempel 2026.";
    if (startYear && year < startYear) return `Året ${year} ligger före insatsens start.`;
    if (endYear && year > endYear) return `Året ${year} ligger efter insatsens slut.`;
    return undefined;
  };

  const budget: ApplicationContent["budget"] = [];
  const seen = new Set<string>();
  for (const line of input.budget) {
    const amount = parseKronor(line.amount);
    if (amount === null) continue;
    const year = wholeNumber(line.year);
    const category = line.category as BudgetCategory;
    const key = `budget.${String(line.year ?? "").trim()}.${line.category}`;
    if (!(BUDGET_CATEGORIES as readonly string[]).includes(line.category)) {
      problems[key] = "Välj ett kostnadsslag i listan.";
      continue;
    }
    const label = BUDGET_CATEGORY_LABELS[category];
    if (amount === "invalid") {
      problems[key] =
        `${label} ${String(line.year ?? "")}: skriv beloppet i hela kronor, till exempel 450 000.`;
      continue;
    }
    const problem = yearProblem(year);
    if (problem) {
      problems[key] = `${label}: ${problem}`;
      continue;
    }
    if (seen.has(`${year}.${category}`)) {
      problems[key] = `${label} ${year} står två gånger. Slå ihop beloppen till en rad.`;
      continue;
    }
    seen.add(`${year}.${category}`);
    if (amount > 0) budget.push({ year: year as number, category, amount });
  }
  budget.sort(
    (a, b) =>
      a.year - b.year ||
      BUDGET_CATEGORIES.indexOf(a.category) - BUDGET_CATEGORIES.indexOf(b.category),
  );

  const parties = new Set(
    [input.ownerOrganisationId, ...input.partnerIds].filter((id) => id.trim() !== ""),
  );
  const coFinancing: ApplicationContent["coFinancing"] = [];
  input.coFinancing.forEach((line, i) => {
    const amount = parseKronor(line.amount);
    const blank = amount === null && !line.organisationId && !String(line.year ?? "").trim();
    if (blank) return;
    const at = (field: string) => `coFinancing.${i}.${field}`;
    if (amount === "invalid" || amount === null) {
      problems[at("amount")] = `Rad ${i + 1}: skriv beloppet i hela kronor, till exempel 120 000.`;
    }
    if (!parties.has(line.organisationId))
      problems[at("organisationId")] = `Rad ${i + 1}: välj en av insatsens parter.`;
    if (!(CO_FINANCING_KINDS as readonly string[]).includes(line.kind))
      problems[at("kind")] = `Rad ${i + 1}: välj vad parten bidrar med.`;
    const year = wholeNumber(line.year);
    const problem = yearProblem(year);
    if (problem) problems[at("year")] = `Rad ${i + 1}: ${problem}`;
    if (typeof amount === "number" && amount > 0 && typeof year === "number")
      coFinancing.push({
        year,
        organisationId: line.organisationId,
        kind: line.kind as CoFinancingKind,
        amount,
      });
  });

  if (mode === "submit" && initiative) {
    const content = { ...initiative, purpose, background, methods, followUp, implementation };
    const missing = (key: string, message: string) => {
      if (!problems[key]) problems[key] = message;
    };
    for (const field of APPLICATION_FIELDS) {
      if (!field.required) continue;
      const value = (content as Record<string, unknown>)[field.key];
      if (typeof value === "string" && value.trim() === "")
        missing(field.key, `Fyll i ${field.label.toLowerCase()} innan du skickar in ansökan.`);
      if (value === null && field.key !== "expectedParticipants")
        missing(field.key, `Fyll i ${field.label.toLowerCase()} innan du skickar in ansökan.`);
    }
    if (initiative.goals.length === 0)
      missing("goals", "Skriv minst ett mål innan du skickar in ansökan.");
    if (initiative.expectedParticipants === null)
      missing(
        "expectedParticipants",
        "Ange hur många deltagare insatsen räknar med innan du skickar in ansökan.",
      );
    if (budget.length === 0)
      missing("budget", "Fyll i vilka medel ni söker från förbundet innan du skickar in ansökan.");
    if (input.anchored === null)
      missing("anchored", "Svara på om ansökan har diskuterats i utvecklingsgruppen.");
    if (input.anchored === true && !anchoringDescription)
      missing("anchoringDescription", "Beskriv hur och när ansökan förankrades.");
  }

  if (Object.keys(problems).length || !initiative) throw new ValidationError(problems);
  const { status: _s, plannedEndDate: _p, ...fields } = initiative;
  return {
    ...fields,
    purpose,
    background,
    methods,
    followUp,
    implementation,
    genderTargetWomenPercent: gender === "invalid" ? null : gender,
    budget,
    coFinancing,
    anchored: input.anchored,
    anchoringDescription,
  };
}
