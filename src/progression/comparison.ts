// The comparison group of an initiative (jämförelsegrupp; domain/participants.md §"Progression
// measurement"): anonymous measurements of people who are not participants, kept when the
// initiative's measurement plan says so, to set the participants' change beside. A respondent
// has no identity here — only the initiative's own short code (e.g. "J-17") that pairs their
// zero-point with their follow-ups, their gender and their answers. A code shaped like a personal
// number is refused (the database refuses six digits in a row whatever the code does).
//
// The measurements are register data: every use case runs in the register zone (inRegister) in
// the participant officer's scope, and every read and change is written to the register's access
// log in the same transaction.
import { and, asc, eq } from "drizzle-orm";
import { isoDate } from "../initiatives/validate-initiative.ts";
import type { Db, Tx } from "../platform/database/connect.ts";
import {
  ConflictError,
  isUniqueViolation,
  NotFoundError,
  ValidationError,
} from "../platform/errors.ts";
import { logAccess } from "../register/access-log.ts";
import { GENDER } from "../register/codes.ts";
import { initiativeInScope } from "../register/participants.ts";
import type { RegisterAccess } from "../register/scope.ts";
import { inRegister } from "../register/zone.ts";
import { versionsOf } from "./measurements.ts";
import { type Answers, type InstrumentDefinition, OCCASIONS, type Occasion } from "./model.ts";
import {
  comparisonMeasurements,
  progressionInstruments,
  progressionInstrumentVersions,
  progressionPlans,
} from "./schema.ts";
import { OCCASION_ORDER, scoreAnswers, validateAnswers } from "./scoring.ts";

/** The access log's field for the comparison group's measurements. */
export const COMPARISON_FIELD = "jamforelsegrupp";

export interface ComparisonInput {
  initiativeId: string;
  instrumentVersionId: string;
  respondentCode: string;
  gender: string;
  occasion: string;
  measuredOn: string;
  /** Item key → the answer on the scale, or null for "vill inte svara". */
  answers: Record<string, unknown>;
}

export interface ComparisonRow {
  id: string;
  version: number;
  instrumentVersionId: string;
  instrumentName: string;
  versionNumber: number;
  respondentCode: string;
  gender: string;
  occasion: Occasion;
  measuredOn: string;
  answers: Answers;
  total: number | null;
}

/** An instrument version of the plan, as the comparison form needs it. */
export interface ComparisonInstrument {
  id: string;
  name: string;
  number: number;
  definition: InstrumentDefinition;
}

const NO_GROUP =
  "Insatsens mätplan har ingen jämförelsegrupp. Förbundskansliet kan lägga till en jämförelsegrupp i mätplanen.";

/** The plan's instrument versions when the plan keeps a comparison group; otherwise null. */
export async function comparisonInstruments(
  tx: Tx,
  initiativeId: string,
): Promise<ComparisonInstrument[] | null> {
  const [plan] = await tx
    .select({
      versionIds: progressionPlans.instrumentVersionIds,
      comparisonGroup: progressionPlans.comparisonGroup,
    })
    .from(progressionPlans)
    .where(eq(progressionPlans.initiativeId, initiativeId));
  if (!plan?.comparisonGroup) return null;
  return (await versionsOf(tx, plan.versionIds)).map((v) => ({
    id: v.id,
    name: v.instrumentName.sv,
    number: v.number,
    definition: v.definition,
  }));
}

/** What is wrong with a respondent code, in Swedish, or null. */
export function respondentCodeProblem(code: string): string | null {
  if (code === "") return "Skriv respondentens kod, till exempel J-17.";
  const digits = code.replace(/\D/g, "").length;
  if (digits === 10 || digits === 12)
    return "Koden ser ut som ett personnummer. Jämförelsegruppen är anonym: använd insatsens egen korta kod, till exempel J-17, aldrig personnummer.";
  if (/\d{6}/.test(code))
    return "Koden får inte ha sex siffror i rad (det kan vara ett födelsedatum). Använd en kort kod, till exempel J-17.";
  if (code.length > 20) return "Koden får vara högst 20 tecken, till exempel J-17.";
  return null;
}

const occasionWord: Record<Occasion, string> = {
  nollpunkt: "nollpunkt",
  uppfoljning: "uppföljning",
  avslut: "avslutsmätning",
};

/**
 * Records one measurement of a comparison-group respondent. Refused in Swedish, with nothing
 * written: no comparison group in the plan, a code like a personal number, an answer outside the
 * scale, a follow-up without or before the code's zero-point, a second zero-point or exit.
 */
export async function recordComparison(
  db: Db,
  access: RegisterAccess,
  input: ComparisonInput,
  today: string,
): Promise<{ id: string }> {
  try {
    return await inRegister(db, access.scope, async (tx) => {
      const initiative = await initiativeInScope(tx, access.scope, input.initiativeId);
      const instruments = await comparisonInstruments(tx, initiative.id);
      if (!instruments) throw new ValidationError({ form: NO_GROUP });
      const problems: Record<string, string> = {};
      const code = (input.respondentCode ?? "").trim();
      const codeProblem = respondentCodeProblem(code);
      if (codeProblem) problems.respondentCode = codeProblem;
      if (!Object.hasOwn(GENDER, input.gender))
        problems.gender = "Välj kön: kvinna, man, annan, vill ej ange eller uppgift saknas.";
      const occasion = (OCCASIONS as readonly string[]).includes(input.occasion)
        ? (input.occasion as Occasion)
        : null;
      if (!occasion) problems.occasion = "Välj tillfälle: nollpunkt, uppföljning eller avslut.";
      const measuredOn = isoDate(input.measuredOn);
      if (measuredOn === null || measuredOn === "invalid")
        problems.measuredOn = "Skriv mätdatumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-02.";
      else if (measuredOn > today)
        problems.measuredOn = `Mätdatumet ${measuredOn} ligger i framtiden. En mätning registreras när den är gjord.`;
      const instrument = instruments.find((i) => i.id === input.instrumentVersionId);
      if (!instrument)
        problems.instrumentVersionId = "Välj ett av instrumenten i insatsens mätplan.";
      else
        for (const [key, message] of Object.entries(
          validateAnswers(instrument.definition, input.answers),
        ))
          problems[key === "" ? "answers" : `answers.${key}`] = message;
      if (Object.keys(problems).length > 0) throw new ValidationError(problems);
      const version = instrument as ComparisonInstrument;
      const when = measuredOn as string;
      const kind = occasion as Occasion;

      // the code's measurements with the version: the zero-point first
      const earlier = await tx
        .select({
          occasion: comparisonMeasurements.occasion,
          measuredOn: comparisonMeasurements.measuredOn,
          gender: comparisonMeasurements.gender,
        })
        .from(comparisonMeasurements)
        .where(
          and(
            eq(comparisonMeasurements.initiativeId, initiative.id),
            eq(comparisonMeasurements.instrumentVersionId, version.id),
            eq(comparisonMeasurements.respondentCode, code),
          ),
        );
      const zero = earlier.find((m) => m.occasion === "nollpunkt");
      if (kind === "nollpunkt") {
        if (zero)
          throw new ValidationError({
            occasion: `Koden ${code} har redan en nollpunkt (${zero.measuredOn}) med instrumentet. Välj uppföljning eller avslut.`,
          });
        const before = earlier.find((m) => m.measuredOn < when);
        if (before)
          throw new ValidationError({
            measuredOn: `Koden ${code} har en ${occasionWord[before.occasion]} ${before.measuredOn}, före nollpunkten ${when}. Nollpunkten ska vara den första mätningen.`,
          });
      } else {
        if (!zero)
          throw new ValidationError({
            occasion: `Koden ${code} har ingen nollpunkt med instrumentet. Registrera nollpunkten först.`,
          });
        if (when < zero.measuredOn)
          throw new ValidationError({
            measuredOn: `Mätdatumet ${when} ligger före kodens nollpunkt (${zero.measuredOn}). En ${occasionWord[kind]} kan inte göras före nollpunkten.`,
          });
        if (zero.gender !== input.gender)
          throw new ValidationError({
            gender: `Koden ${code} är registrerad som ${GENDER[zero.gender as keyof typeof GENDER] ?? zero.gender} vid nollpunkten. Kontrollera koden eller könet.`,
          });
        if (kind === "avslut" && earlier.some((m) => m.occasion === "avslut"))
          throw new ValidationError({
            occasion: `Koden ${code} har redan en avslutsmätning med instrumentet.`,
          });
      }
      const answers: Answers = {};
      for (const item of version.definition.items) {
        const a = input.answers[item.key];
        answers[item.key] = typeof a === "number" ? a : null;
      }
      const [row] = await tx
        .insert(comparisonMeasurements)
        .values({
          associationId: initiative.associationId,
          dataControllerId: initiative.ownerId,
          initiativeId: initiative.id,
          instrumentVersionId: version.id,
          respondentCode: code,
          gender: input.gender,
          occasion: kind,
          measuredOn: when,
          answers,
          recordedByName: access.actor.name,
        })
        .returning({ id: comparisonMeasurements.id });
      await logAccess(tx, access.actor, {
        associationId: initiative.associationId,
        dataControllerId: initiative.ownerId,
        action: "change",
        fields: [COMPARISON_FIELD],
      });
      return { id: row?.id as string };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ConflictError(
        "Någon annan registrerade samma mätning för koden samtidigt. Ladda om sidan och kontrollera listan.",
      );
    throw error;
  }
}

/** The comparison group's measurements of an initiative, by code and occasion (logged as a listing). */
export async function listComparison(
  db: Db,
  access: RegisterAccess,
  initiativeId: string,
): Promise<{ instruments: ComparisonInstrument[] | null; rows: ComparisonRow[] }> {
  return inRegister(db, access.scope, async (tx) => {
    const initiative = await initiativeInScope(tx, access.scope, initiativeId);
    const instruments = await comparisonInstruments(tx, initiative.id);
    const found = await tx
      .select({
        id: comparisonMeasurements.id,
        version: comparisonMeasurements.version,
        instrumentVersionId: comparisonMeasurements.instrumentVersionId,
        respondentCode: comparisonMeasurements.respondentCode,
        gender: comparisonMeasurements.gender,
        occasion: comparisonMeasurements.occasion,
        measuredOn: comparisonMeasurements.measuredOn,
        answers: comparisonMeasurements.answers,
        number: progressionInstrumentVersions.number,
        definition: progressionInstrumentVersions.definition,
        name: progressionInstruments.name,
      })
      .from(comparisonMeasurements)
      .innerJoin(
        progressionInstrumentVersions,
        eq(progressionInstrumentVersions.id, comparisonMeasurements.instrumentVersionId),
      )
      .innerJoin(
        progressionInstruments,
        eq(progressionInstruments.id, progressionInstrumentVersions.instrumentId),
      )
      .where(eq(comparisonMeasurements.initiativeId, initiative.id))
      .orderBy(asc(comparisonMeasurements.respondentCode), asc(comparisonMeasurements.measuredOn));
    await logAccess(tx, access.actor, {
      associationId: initiative.associationId,
      dataControllerId: initiative.ownerId,
      action: "search",
      fields: [COMPARISON_FIELD],
    });
    const rows = found
      .map((r) => ({
        id: r.id,
        version: r.version,
        instrumentVersionId: r.instrumentVersionId,
        instrumentName: r.name.sv,
        versionNumber: r.number,
        respondentCode: r.respondentCode,
        gender: r.gender,
        occasion: r.occasion,
        measuredOn: r.measuredOn,
        answers: r.answers,
        total: scoreAnswers(r.definition, r.answers).total,
      }))
      .sort(
        (a, b) =>
          a.respondentCode.localeCompare(b.respondentCode, "sv", { numeric: true }) ||
          a.instrumentName.localeCompare(b.instrumentName, "sv") ||
          a.measuredOn.localeCompare(b.measuredOn) ||
          OCCASION_ORDER[a.occasion] - OCCASION_ORDER[b.occasion],
      );
    return { instruments, rows };
  });
}

/**
 * Removes one measurement of the comparison group (entered by mistake). A zero-point with later
 * measurements is kept until they are removed; a measurement changed since it was read is a
 * conflict.
 */
export async function removeComparison(
  db: Db,
  access: RegisterAccess,
  input: { initiativeId: string; id: string; version: number },
): Promise<void> {
  await inRegister(db, access.scope, async (tx) => {
    const initiative = await initiativeInScope(tx, access.scope, input.initiativeId);
    const [row] = /^[0-9a-f-]{36}$/i.test(input.id)
      ? await tx
          .select()
          .from(comparisonMeasurements)
          .where(
            and(
              eq(comparisonMeasurements.id, input.id),
              eq(comparisonMeasurements.initiativeId, initiative.id),
            ),
          )
          .for("update")
      : [];
    if (!row)
      throw new NotFoundError(
        "Mätningen finns inte i jämförelsegruppen. Den kan redan vara borttagen: ladda om sidan.",
      );
    if (row.version !== input.version)
      throw new ConflictError(
        "Någon annan har ändrat mätningen medan du arbetade. Ladda om sidan och gör om ändringen.",
      );
    if (row.occasion === "nollpunkt") {
      const later = await tx
        .select({ id: comparisonMeasurements.id })
        .from(comparisonMeasurements)
        .where(
          and(
            eq(comparisonMeasurements.initiativeId, initiative.id),
            eq(comparisonMeasurements.instrumentVersionId, row.instrumentVersionId),
            eq(comparisonMeasurements.respondentCode, row.respondentCode),
          ),
        );
      if (later.length > 1)
        throw new ValidationError({
          form: `Nollpunkten för koden ${row.respondentCode} har senare mätningar. Ta bort dem först, sedan nollpunkten.`,
        });
    }
    await tx.delete(comparisonMeasurements).where(eq(comparisonMeasurements.id, row.id));
    await logAccess(tx, access.actor, {
      associationId: initiative.associationId,
      dataControllerId: initiative.ownerId,
      action: "change",
      fields: [COMPARISON_FIELD],
    });
  });
}
