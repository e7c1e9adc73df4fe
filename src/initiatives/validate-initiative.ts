// The rules an initiative must follow, for every way one is written (web form, API, import).
// Each problem is reported at its field, in Swedish, saying what to fix.
import { and, eq, inArray } from "drizzle-orm";
import { memberOrganisations } from "../associations/schema.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { ValidationError } from "../platform/errors.ts";
import { isUuid } from "../platform/uuid.ts";
import {
  GOAL_KINDS,
  type GoalKind,
  INITIATIVE_STATUSES,
  type InitiativeStatus,
  ORIENTATIONS,
  type Orientation,
} from "./schema.ts";

type Num = string | number | null | undefined;

export interface InitiativeInput {
  name: string;
  ownerOrganisationId: string;
  partnerIds: string[];
  status: string;
  orientation: string;
  preRehabilitation: boolean;
  esf: boolean;
  /** ISO dates (YYYY-MM-DD); empty or null for none. */
  startDate?: string | null;
  endDate?: string | null;
  lastIntakeDate?: string | null;
  plannedEndDate?: string | null;
  targetGroup: string;
  expectedParticipants?: Num;
  expectedParticipantsOngoing: boolean;
  goals: Array<{ text: string; kind: string; targetNumber?: Num; targetPercent?: Num }>;
  localUnits: Array<{ name: string; expectedParticipants?: Num }>;
}

export interface InitiativeValues {
  name: string;
  ownerOrganisationId: string;
  partnerIds: string[];
  status: InitiativeStatus;
  orientation: Orientation;
  preRehabilitation: boolean;
  esf: boolean;
  startDate: string | null;
  endDate: string | null;
  lastIntakeDate: string | null;
  plannedEndDate: string | null;
  targetGroup: string;
  expectedParticipants: number | null;
  expectedParticipantsOngoing: boolean;
  goals: Array<{
    text: string;
    kind: GoalKind;
    targetNumber: number | null;
    targetPercent: number | null;
  }>;
  localUnits: Array<{ name: string; expectedParticipants: number | null }>;
}

export const isoDate = (value: string | null | undefined): string | null | "invalid" => {
  const v = value?.trim();
  if (!v) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return "invalid";
  const d = new Date(`${v}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v ? "invalid" : v;
};

export const wholeNumber = (value: Num): number | null | "invalid" => {
  if (value === null || value === undefined || value === "") return null;
  const text = String(value).replace(/\s/g, "").replace(/%$/, "");
  if (!/^\d+$/.test(text)) return "invalid";
  const n = Number(text);
  // stored as PostgreSQL integer
  return n <= 2_147_483_647 ? n : "invalid";
};

/**
 * Checks an initiative of one association; throws ValidationError with every problem found.
 * `draft` (an application being written) lets the partners wait; every other rule holds.
 */
export async function validateInitiative(
  q: Queryable,
  associationId: string,
  input: InitiativeInput,
  options: { draft?: boolean } = {},
): Promise<InitiativeValues> {
  const problems: Record<string, string> = {};
  const name = input.name.trim();
  if (!name) problems.name = "Fyll i insatsens namn.";
  else if (name.length > 200) problems.name = "Namnet får ha högst 200 tecken.";

  const partnerIds = [...new Set(input.partnerIds.filter(Boolean))];
  const orgIds = [...new Set([input.ownerOrganisationId, ...partnerIds].filter(isUuid))];
  const known = orgIds.length
    ? await q
        .select({ id: memberOrganisations.id })
        .from(memberOrganisations)
        .where(
          and(
            eq(memberOrganisations.associationId, associationId),
            inArray(memberOrganisations.id, orgIds),
          ),
        )
    : [];
  const knownIds = new Set(known.map((o) => o.id));
  if (!input.ownerOrganisationId)
    problems.ownerOrganisationId = "Välj vilken medlemsorganisation som äger insatsen.";
  else if (!knownIds.has(input.ownerOrganisationId)) {
    problems.ownerOrganisationId =
      "Insatsägaren måste vara en av förbundets medlemsorganisationer.";
  }
  if (partnerIds.includes(input.ownerOrganisationId)) {
    problems.partnerIds =
      "Insatsägaren kan inte också vara samverkanspart. Välj de andra parterna.";
  } else if (partnerIds.length === 0 && !options.draft) {
    problems.partnerIds = "Välj minst en samverkanspart: en insats drivs av minst två parter.";
  } else if (partnerIds.some((id) => !knownIds.has(id))) {
    problems.partnerIds = "Samverkansparterna måste vara förbundets medlemsorganisationer.";
  }

  const status = input.status as InitiativeStatus;
  if (!(INITIATIVE_STATUSES as readonly string[]).includes(input.status))
    problems.status = "Välj en status i listan.";
  const orientation = input.orientation as Orientation;
  if (!(ORIENTATIONS as readonly string[]).includes(input.orientation)) {
    problems.orientation = "Välj om insatsen är individinriktad eller strukturövergripande.";
  }

  const dates = {
    startDate: isoDate(input.startDate),
    endDate: isoDate(input.endDate),
    lastIntakeDate: isoDate(input.lastIntakeDate),
    plannedEndDate: isoDate(input.plannedEndDate),
  };
  for (const [field, value] of Object.entries(dates)) {
    if (value === "invalid")
      problems[field] = "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-01-15.";
  }
  const valid = (v: string | null | "invalid") => (v === "invalid" ? null : v);
  const start = valid(dates.startDate);
  const end = valid(dates.endDate);
  const lastIntake = valid(dates.lastIntakeDate);
  const plannedEnd = valid(dates.plannedEndDate);
  if (start && end && end < start) problems.endDate = "Slutdatum kan inte vara före startdatum.";
  if (lastIntake && start && lastIntake < start)
    problems.lastIntakeDate = "Sista intag kan inte vara före startdatum.";
  if (lastIntake && end && lastIntake > end)
    problems.lastIntakeDate = "Sista intag kan inte vara efter slutdatum.";
  if (plannedEnd && status !== "avslutad_i_fortid") {
    problems.plannedEndDate =
      "Ursprungligt planerat slut anges bara för en insats som avslutats i förtid.";
  } else if (plannedEnd && end && plannedEnd < end) {
    problems.plannedEndDate =
      "Det ursprungligt planerade slutet ska vara senare än det faktiska slutet.";
  }
  if (status === "avslutad_i_fortid" && !end) problems.endDate = "Ange när insatsen avslutades.";

  const expected = wholeNumber(input.expectedParticipants);
  if (expected === "invalid")
    problems.expectedParticipants = "Skriv antalet deltagare som ett heltal, till exempel 40.";

  const goals = input.goals
    .filter(
      (g) =>
        g.text.trim() ||
        wholeNumber(g.targetNumber) !== null ||
        wholeNumber(g.targetPercent) !== null,
    )
    .map((g, i) => {
      const text = g.text.trim();
      if (!text) problems[`goals.${i}.text`] = `Skriv vad mål ${i + 1} går ut på.`;
      if (!(GOAL_KINDS as readonly string[]).includes(g.kind))
        problems[`goals.${i}.kind`] = `Välj vilken sorts mål mål ${i + 1} är.`;
      const targetNumber = wholeNumber(g.targetNumber);
      if (targetNumber === "invalid")
        problems[`goals.${i}.targetNumber`] = `Målvärdet för mål ${i + 1} ska vara ett heltal.`;
      const targetPercent = wholeNumber(g.targetPercent);
      if (targetPercent === "invalid")
        problems[`goals.${i}.targetPercent`] =
          `Andelen för mål ${i + 1} ska vara ett heltal i procent.`;
      else if (targetPercent !== null && targetPercent > 100) {
        problems[`goals.${i}.targetPercent`] = `Andelen för mål ${i + 1} kan inte vara över 100 %.`;
      }
      return {
        text,
        kind: g.kind as GoalKind,
        targetNumber: targetNumber === "invalid" ? null : targetNumber,
        targetPercent: targetPercent === "invalid" ? null : targetPercent,
      };
    });

  const localUnits = input.localUnits
    .filter((u) => u.name.trim() || wholeNumber(u.expectedParticipants) !== null)
    .map((u, i) => {
      const unitName = u.name.trim();
      if (!unitName) problems[`localUnits.${i}.name`] = `Skriv namnet på delområde ${i + 1}.`;
      const n = wholeNumber(u.expectedParticipants);
      if (n === "invalid")
        problems[`localUnits.${i}.expectedParticipants`] =
          `Antalet för delområde ${i + 1} ska vara ett heltal.`;
      return { name: unitName, expectedParticipants: n === "invalid" ? null : n };
    });

  if (Object.keys(problems).length) throw new ValidationError(problems);
  return {
    name,
    ownerOrganisationId: input.ownerOrganisationId,
    partnerIds,
    status,
    orientation,
    preRehabilitation: input.preRehabilitation,
    esf: input.esf,
    startDate: start,
    endDate: end,
    lastIntakeDate: lastIntake,
    plannedEndDate: plannedEnd,
    targetGroup: input.targetGroup.trim(),
    expectedParticipants: expected === "invalid" ? null : expected,
    expectedParticipantsOngoing: input.expectedParticipantsOngoing,
    goals,
    localUnits,
  };
}
