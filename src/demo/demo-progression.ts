// The demo association's progression measurement (domain/participants.md §"Progression
// measurement"): a measurement plan for every running individual initiative, the measurements
// of its participants and, for Växtverket, a comparison group.
//
// PLANS. Samspår's own self-rating (SELF_RATING) everywhere, the officer's rating (OFFICER_RATING)
// as well in Växtverket, Steget vidare and IPS; a follow-up every third month and one at exit,
// targets of 50–80 %. Växtverket — whose participant officer is the demo coach — keeps a
// comparison group. Saved through savePlan, as the office would, with its audit events.
//
// MEASUREMENTS. About 80 % of the enrollments have a zero-point in their first days (some
// initiatives are more diligent than others: Växtverket's coach measures nearly everybody, Unga i
// fokus stays below its target), most of the follow-ups due every third month while enrolled,
// and the exit measurement of most of those who left. What fell due in the last four months is
// more often missed than what is older (the officers catch up), and what fell due in the last two
// weeks mostly waits for the next meeting, so the coach's list has rows "att göra" and
// "försenad" on the demo's today. The answers are drawn per person: a level after the
// initiative's target group, item by item around it, and a rise over the first six months that
// is on average about one step on the 1–10 scale — larger for women than for men, larger for
// those who leave for work or studies, and for some a fall. Now and then an item is left
// unanswered ("vill inte svara"); every answer set is checked with validateAnswers before it is
// written (the rows are written directly, not through recordMeasurement).
//
// COMPARISON GROUP. Fourteen anonymous respondents of Växtverket (codes J-01 … J-14) with a
// zero-point and, for most, a follow-up a few months later: little change.
//
// STABLE and FAST, like demo-participants.ts: one seeded stream (Dice) per enrollment, seeded by
// its deltagar_id, so every fresh demo has the same measurements and a changed setting moves only
// what it changes; written in three batched inserts inside the register zone (inRegister), with
// the access-log rows recordMeasurement and recordComparison would have written ("change" of the
// measurements, in the officer's name where the initiative has one). It adds about 0.2–0.5 s to
// the seed (most of it the inserts' per-row checks: foreign keys, row-level security and the
// published-version trigger).
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { memberOrganisations } from "../associations/schema.ts";
import type { AuditActor } from "../audit/record-audit-event.ts";
import { initiatives } from "../initiatives/schema.ts";
import { roleAssignments, users } from "../people/schema.ts";
import type { Db, Tx } from "../platform/database/connect.ts";
import { OFFICER_RATING, SELF_RATING } from "../progression/builtin.ts";
import { COMPARISON_FIELD } from "../progression/comparison.ts";
import { addMonths } from "../progression/due.ts";
import type { Answers, EntryMode, InstrumentDefinition, Occasion } from "../progression/model.ts";
import { type PlanInput, savePlan } from "../progression/plans.ts";
import {
  comparisonMeasurements,
  measurements,
  progressionInstruments,
  progressionInstrumentVersions,
} from "../progression/schema.ts";
import { validateAnswers } from "../progression/scoring.ts";
import { insertMany } from "../register/bulk.ts";
import { toWorkOrStudies } from "../register/codes.ts";
import { accessLog, enrollments, participants } from "../register/schema.ts";
import { inRegister } from "../register/zone.ts";
import { Dice } from "./demo-participants.ts";
import { addDays, hashOf, swedishTime, workdayFrom, workdayUntil } from "./demo-time.ts";

/** The initiative that keeps a comparison group (its officer is the demo coach). */
export const DEMO_COMPARISON_INITIATIVE = "Tierp, Växtverket";

/** How each running individual initiative measures; any other gets DEFAULT_SETUP. */
interface Setup {
  officerRating: boolean;
  targetPercent: number;
  /** The chance an enrollment gets its zero-point (the share measured). */
  zeroPoint: number;
  /** The chance a follow-up or exit measurement that fell due in the last months is done. */
  followUp: number;
  /** The same for those that fell due longer ago (CAUGHT_UP_DAYS): the officers catch up. */
  caughtUp: number;
  /** The self-rating's mean level at the start, 1–10. */
  level: number;
}

const SETUPS: Record<string, Setup> = {
  "Tierp, Växtverket": {
    officerRating: true,
    targetPercent: 80,
    zeroPoint: 0.96,
    followUp: 0.8,
    caughtUp: 0.98,
    level: 3.8,
  },
  "Uppsala, Lärcentrum digitalt": {
    officerRating: false,
    targetPercent: 60,
    zeroPoint: 0.8,
    followUp: 0.8,
    caughtUp: 0.95,
    level: 5,
  },
  "Enköping, Steget vidare": {
    officerRating: true,
    targetPercent: 70,
    zeroPoint: 0.85,
    followUp: 0.85,
    caughtUp: 0.95,
    level: 4.2,
  },
  "Östhammar, Arbetsbryggan": {
    officerRating: false,
    targetPercent: 60,
    zeroPoint: 0.82,
    followUp: 0.85,
    caughtUp: 0.95,
    level: 4.4,
  },
  "Knivsta, Unga i fokus": {
    officerRating: false,
    targetPercent: 80,
    zeroPoint: 0.68,
    followUp: 0.75,
    caughtUp: 0.95,
    level: 4.8,
  },
  "Heby, IPS – individanpassat stöd till arbete": {
    officerRating: true,
    targetPercent: 75,
    zeroPoint: 0.9,
    followUp: 0.9,
    caughtUp: 0.95,
    level: 4,
  },
  "Region, Länsgemensam ESF-insats Vidare": {
    officerRating: false,
    targetPercent: 50,
    zeroPoint: 0.78,
    followUp: 0.8,
    caughtUp: 0.95,
    level: 4.6,
  },
};
const DEFAULT_SETUP: Setup = {
  officerRating: false,
  targetPercent: 50,
  zeroPoint: 0.8,
  followUp: 0.8,
  caughtUp: 0.95,
  level: 4.5,
};

const INTERVAL_MONTHS = 3;
const GRACE_DAYS = 14;
/** Occasions that fell due longer ago than this are nearly all done: the officers catch up. */
const CAUGHT_UP_DAYS = 120;
/** The chance an occasion that fell due in the last GRACE_DAYS is done already. */
const RECENT = 0.3;
/** Who the demo's measurements are recorded by where the initiative's officer has no account. */
const SYSTEM_NAME = "Samspår (demodata)";

/** The self-rating's items: the level of each around the person's, and how much it rises. */
const SELF_ITEMS: Record<string, { offset: number; rise: number }> = {
  vardag: { offset: 0.5, rise: 0.9 },
  halsa: { offset: -0.5, rise: 1 },
  koncentration: { offset: -0.3, rise: 0.8 },
  tro_pa_arbete: { offset: -0.7, rise: 1.4 },
  natverk: { offset: 0.8, rise: 0.5 },
  mal: { offset: -0.5, rise: 1.5 },
  samarbete: { offset: 0.9, rise: 0.7 },
  soka_arbete: { offset: -0.2, rise: 1.2 },
  arbetsmarknad: { offset: -0.3, rise: 1 },
};
const OFFICER_ITEMS: Record<string, { offset: number; rise: number }> = {
  chanser: { offset: 0, rise: 1 },
  redo_arbete: { offset: -0.4, rise: 1.1 },
  redo_studier: { offset: -0.2, rise: 0.8 },
};

/** About normal with mean 0 and standard deviation 1 (the sum of three uniform numbers). */
const normal = (dice: Dice) => (dice.next() + dice.next() + dice.next() - 1.5) * 2;
const clampScale = (value: number) => Math.min(10, Math.max(1, Math.round(value)));

/** A person's course: where they start and how far they have come after six months. */
interface Course {
  level: number;
  officerLevel: number;
  rise: number;
}

function courseOf(dice: Dice, setup: Setup, gender: string, toWorkOrStudies: boolean): Course {
  const women = gender === "kvinna";
  const men = gender === "man";
  // women start a little lower and rise more than men, in the demo as in many such initiatives
  const level = setup.level + (women ? -0.3 : 0) + normal(dice) * 1.1;
  const rise = (women ? 1.3 : men ? 0.8 : 1) + (toWorkOrStudies ? 0.5 : 0) + normal(dice) * 0.9;
  return { level, officerLevel: level + normal(dice) * 0.8, rise };
}

/** The answers of one measurement `months` after the start. */
function answersOf(
  dice: Dice,
  course: Course,
  months: number,
  officer: boolean,
  definition: InstrumentDefinition,
): Answers {
  const progress = Math.min(1, months / 6);
  const items = officer ? OFFICER_ITEMS : SELF_ITEMS;
  const base = officer ? course.officerLevel : course.level;
  const answers: Answers = {};
  // at most two unanswered of the self-rating's nine (70 % are needed for a score)
  let skipped = 0;
  for (const item of definition.items) {
    const shape = items[item.key] ?? { offset: 0, rise: 1 };
    const skip = officer
      ? item.key === "redo_studier"
        ? dice.chance(0.3) // not always possible to judge
        : dice.chance(0.03)
      : skipped < 2 && dice.chance(0.035);
    const value = clampScale(
      base + shape.offset + course.rise * shape.rise * progress + normal(dice) * 0.8,
    );
    if (skip) {
      skipped++;
      answers[item.key] = null;
    } else answers[item.key] = value;
  }
  if (Object.values(answers).every((a) => a === null))
    answers[definition.items[0]?.key ?? ""] = clampScale(base);
  return answers;
}

/** Months between two dates, as a fraction. */
const monthsBetween = (from: string, to: string) =>
  (Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / (30.44 * 86_400_000);

const later = (a: string, b: string) => (a > b ? a : b);

/** A weekday in [from, to] near `day`, or null when there is none. */
function dayWithin(day: string, from: string, to: string): string | null {
  let d = workdayFrom(later(day, from));
  if (d > to) d = workdayUntil(to);
  return d >= from && d <= to ? d : null;
}

// ---------------------------------------------------------------------------------------------

export interface DemoProgressionContext {
  associationId: string;
  /** The demo's today, "2026-11-23": nothing is measured after it. */
  today: string;
  /** The office (the association's administrator), who saves the plans. */
  office: AuditActor;
}

export interface DemoProgressionSummary {
  plans: number;
  measurements: number;
  comparisonMeasurements: number;
  accessLogEntries: number;
}

interface ShippedVersion {
  id: string;
  definition: InstrumentDefinition;
}

/** The published version 1 of a shipped instrument, as ensureBuiltInInstruments stored it. */
async function shippedVersion(tx: Tx, key: string): Promise<ShippedVersion> {
  const [row] = await tx
    .select({
      id: progressionInstrumentVersions.id,
      definition: progressionInstrumentVersions.definition,
    })
    .from(progressionInstrumentVersions)
    .innerJoin(
      progressionInstruments,
      eq(progressionInstruments.id, progressionInstrumentVersions.instrumentId),
    )
    .where(
      and(
        isNull(progressionInstruments.associationId),
        eq(progressionInstruments.key, key),
        eq(progressionInstrumentVersions.number, 1),
        eq(progressionInstrumentVersions.status, "publicerad"),
      ),
    );
  if (!row)
    throw new Error(
      `Samspårs instrument "${key}" finns inte i databasen: migreringarna lägger in det (ensureBuiltInInstruments).`,
    );
  return row;
}

interface MeasurementRow {
  associationId: string;
  dataControllerId: string;
  initiativeId: string;
  enrollmentId: string;
  participantId: string;
  instrumentVersionId: string;
  occasion: Occasion;
  measuredOn: string;
  mode: EntryMode;
  answers: Answers;
  recordedBy: string | null;
  recordedByName: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/**
 * Seeds the demo's measurement plans, measurements and comparison group. Runs inside the seed's
 * transaction after seedDemoParticipants; the register rows are written in the register zone,
 * after which the transaction continues as the role it had.
 */
export async function seedDemoProgression(
  tx: Tx,
  ctx: DemoProgressionContext,
): Promise<DemoProgressionSummary> {
  const self = await shippedVersion(tx, SELF_RATING.key);
  const officerRating = await shippedVersion(tx, OFFICER_RATING.key);

  const running = (
    await tx
      .select({
        id: initiatives.id,
        name: initiatives.name,
        ownerId: initiatives.ownerOrganisationId,
        startDate: initiatives.startDate,
      })
      .from(initiatives)
      .where(
        and(
          eq(initiatives.associationId, ctx.associationId),
          eq(initiatives.orientation, "individual"),
          eq(initiatives.status, "pagaende"),
        ),
      )
  )
    .filter((i) => i.startDate !== null && i.startDate <= ctx.today)
    .sort((a, b) => a.name.localeCompare(b.name, "sv"));
  if (running.length === 0)
    return { plans: 0, measurements: 0, comparisonMeasurements: 0, accessLogEntries: 0 };

  // the plans, saved as the office saves them
  const [officeUser] = ctx.office.userId
    ? await tx.select({ name: users.name }).from(users).where(eq(users.id, ctx.office.userId))
    : [];
  const office = { ...ctx.office, ...(officeUser ? { name: officeUser.name } : {}) };
  for (const initiative of running) {
    const setup = SETUPS[initiative.name] ?? DEFAULT_SETUP;
    const plan: PlanInput = {
      instrumentVersionIds: setup.officerRating ? [self.id, officerRating.id] : [self.id],
      intervalMonths: INTERVAL_MONTHS,
      atExit: true,
      graceDays: GRACE_DAYS,
      targetPercent: setup.targetPercent,
      comparisonGroup: initiative.name === DEMO_COMPARISON_INITIATIVE,
    };
    await savePlan(tx, office, ctx.associationId, initiative.id, plan, null);
  }
  // the officers with accounts: their initiatives' measurements are recorded in their name
  const officers = await tx
    .select({ initiativeId: roleAssignments.initiativeId, userId: users.id, name: users.name })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(roleAssignments.associationId, ctx.associationId),
        eq(roleAssignments.role, "participant_officer"),
        inArray(
          roleAssignments.initiativeId,
          running.map((r) => r.id),
        ),
      ),
    );
  const owners = await tx
    .select({ id: memberOrganisations.id, name: memberOrganisations.name })
    .from(memberOrganisations)
    .where(eq(memberOrganisations.associationId, ctx.associationId));
  const actorFor = (initiative: (typeof running)[number]) => {
    const officer = officers.find((o) => o.initiativeId === initiative.id);
    return officer
      ? {
          actorUserId: officer.userId,
          actorName: officer.name,
          actorRole: "participant_officer",
          actorOrganisation: owners.find((o) => o.id === initiative.ownerId)?.name ?? "",
        }
      : {
          actorUserId: null,
          actorName: SYSTEM_NAME,
          actorRole: "system",
          actorOrganisation: "Samspår",
        };
  };
  const timeOf = (date: string, seed: string) => {
    const minutes = 8 * 60 + (hashOf(seed) % (8 * 60));
    return swedishTime(
      date,
      `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`,
    );
  };

  const [{ role }] = (await tx.execute(sql`select current_user as role`)).rows as [
    { role: string },
  ];
  const summary = await inRegister(
    // a savepoint of the seed's transaction: the register zone's role and scope
    tx as unknown as Db,
    {
      controllers: [...new Set(running.map((r) => r.ownerId))],
      initiatives: running.map((r) => r.id),
    },
    async (register) => {
      const enrolled = await register
        .select({
          id: enrollments.id,
          participantId: enrollments.participantId,
          associationId: enrollments.associationId,
          dataControllerId: enrollments.dataControllerId,
          initiativeId: enrollments.initiativeId,
          externalKey: enrollments.externalKey,
          startDate: enrollments.startDate,
          endDate: enrollments.endDate,
          exit: enrollments.exit,
          gender: participants.gender,
        })
        .from(enrollments)
        .innerJoin(participants, eq(participants.id, enrollments.participantId))
        .where(
          and(
            inArray(
              enrollments.initiativeId,
              running.map((r) => r.id),
            ),
            eq(enrollments.voided, false),
          ),
        );
      const rows: MeasurementRow[] = [];
      const log: Array<typeof accessLog.$inferInsert> = [];
      for (const initiative of running) {
        const setup = SETUPS[initiative.name] ?? DEFAULT_SETUP;
        const actor = actorFor(initiative);
        const versions = setup.officerRating
          ? [
              { version: self, officer: false },
              { version: officerRating, officer: true },
            ]
          : [{ version: self, officer: false }];
        const mine = enrolled
          .filter((e) => e.initiativeId === initiative.id)
          .sort((a, b) =>
            (a.externalKey ?? "").localeCompare(b.externalKey ?? "", "sv", { numeric: true }),
          );
        for (const e of mine) {
          // a stream of its own per enrollment: a changed setting moves only what it changes
          const dice = new Dice(hashOf(`progression:${e.externalKey ?? e.id}`));
          const exit = e.exit as { status: string; studies?: boolean } | null;
          const course = courseOf(dice, setup, e.gender, exit ? toWorkOrStudies(exit) : false);
          const until = e.endDate ?? ctx.today;
          const measure = (occasion: Occasion, on: string, mode: EntryMode) => {
            for (const { version, officer } of versions) {
              const answers = answersOf(
                dice,
                course,
                monthsBetween(e.startDate, on),
                officer,
                version.definition,
              );
              const problems = validateAnswers(version.definition, answers);
              if (Object.keys(problems).length > 0)
                throw new Error(`demo answers not valid: ${JSON.stringify(problems)}`);
              const at = timeOf(on, `m${e.id}${occasion}${on}${officer}`);
              rows.push({
                associationId: e.associationId,
                dataControllerId: e.dataControllerId,
                initiativeId: e.initiativeId,
                enrollmentId: e.id,
                participantId: e.participantId,
                instrumentVersionId: version.id,
                occasion,
                measuredOn: on,
                mode: officer ? "samtal" : mode,
                answers,
                recordedBy: actor.actorUserId,
                recordedByName: actor.actorName,
                createdAt: at,
                updatedAt: at,
                version: 1,
              });
              log.push({
                at,
                associationId: e.associationId,
                dataControllerId: e.dataControllerId,
                ...actor,
                participantId: e.participantId,
                enrollmentId: e.id,
                action: "change",
                fields: ["measurements"],
                requestId: null,
                outcome: "ok",
              });
            }
          };
          const modeOf = (): EntryMode => (dice.chance(0.7) ? "samtal" : "papper");
          // what fell due in the last months is more often not done yet than what is older, and
          // what fell due in the last two weeks mostly waits for the next meeting
          const done = (due: string) =>
            due < addDays(ctx.today, -CAUGHT_UP_DAYS)
              ? setup.caughtUp
              : due > addDays(ctx.today, -GRACE_DAYS)
                ? RECENT
                : setup.followUp;

          // the zero-point in the first days
          if (!dice.chance(Math.min(setup.zeroPoint, done(e.startDate)))) continue;
          const zeroOn = dayWithin(addDays(e.startDate, dice.int(0, 12)), e.startDate, until);
          if (!zeroOn || zeroOn > ctx.today) continue;
          measure("nollpunkt", zeroOn, modeOf());
          let last = zeroOn;
          // a follow-up every third month while enrolled: most done a few days after they fall due
          for (let k = 1; ; k++) {
            const due = addMonths(e.startDate, k * INTERVAL_MONTHS);
            if (due > ctx.today || (e.endDate !== null && due >= e.endDate)) break;
            const lag = dice.int(0, 16);
            if (!dice.chance(done(due))) continue;
            const on = workdayFrom(addDays(due, lag));
            if (on > until || on <= last) continue;
            measure("uppfoljning", on, modeOf());
            last = on;
          }
          // the exit measurement in the exit conversation, for most who left
          if (e.endDate !== null && dice.chance(done(e.endDate) - 0.05)) {
            const on = dayWithin(addDays(e.endDate, -dice.int(0, 12)), addDays(last, 1), e.endDate);
            if (on && on >= addDays(e.endDate, -30)) measure("avslut", on, modeOf());
          }
        }
      }

      // Växtverket's comparison group: fourteen anonymous respondents, a zero-point and (for
      // most) a follow-up; little change without the initiative
      const comparison: Array<typeof comparisonMeasurements.$inferInsert> = [];
      const group = running.find((r) => r.name === DEMO_COMPARISON_INITIATIVE);
      if (group) {
        const actor = actorFor(group);
        const dice = new Dice(hashOf(`jämförelsegrupp:${group.name}`));
        const genders = ["kvinna", "man"] as const;
        for (let n = 1; n <= 14; n++) {
          const code = `J-${String(n).padStart(2, "0")}`;
          const gender = n === 14 ? "vill_ej_ange" : (genders[n % 2 === 0 ? 1 : 0] ?? "kvinna");
          const course: Course = {
            level: 4.1 + normal(dice) * 1.1,
            officerLevel: 0,
            rise: 0.2 + normal(dice) * 0.7,
          };
          const zeroOn = workdayFrom(
            addDays(
              later(group.startDate ?? "2025-01-01", "2025-03-01"),
              (n - 1) * 40 + dice.int(0, 20),
            ),
          );
          if (zeroOn > ctx.today) continue;
          const occasions: Array<[Occasion, string]> = [["nollpunkt", zeroOn]];
          const followOn = workdayFrom(addMonths(zeroOn, dice.int(4, 6)));
          if (followOn <= ctx.today && n !== 5) occasions.push(["uppfoljning", followOn]);
          for (const [occasion, on] of occasions) {
            const answers = answersOf(
              dice,
              course,
              monthsBetween(zeroOn, on),
              false,
              self.definition,
            );
            const problems = validateAnswers(self.definition, answers);
            if (Object.keys(problems).length > 0)
              throw new Error(`demo answers not valid: ${JSON.stringify(problems)}`);
            const at = timeOf(on, `j${code}${occasion}`);
            comparison.push({
              associationId: ctx.associationId,
              dataControllerId: group.ownerId,
              initiativeId: group.id,
              instrumentVersionId: self.id,
              respondentCode: code,
              gender,
              occasion,
              measuredOn: on,
              answers,
              recordedByName: actor.actorName,
              createdAt: at,
              version: 1,
            });
            log.push({
              at,
              associationId: ctx.associationId,
              dataControllerId: group.ownerId,
              ...actor,
              participantId: null,
              enrollmentId: null,
              action: "change",
              fields: [COMPARISON_FIELD],
              requestId: null,
              outcome: "ok",
            });
          }
        }
      }
      log.sort((a, b) => (a.at?.getTime() ?? 0) - (b.at?.getTime() ?? 0));
      await insertMany(register, measurements, rows);
      await insertMany(register, comparisonMeasurements, comparison);
      await insertMany(register, accessLog, log);
      return {
        plans: running.length,
        measurements: rows.length,
        comparisonMeasurements: comparison.length,
        accessLogEntries: log.length,
      };
    },
  );
  // SET LOCAL outlives a released savepoint: the seed goes on as the role it had
  await tx.execute(sql`set local role ${sql.identifier(role)}`);
  return summary;
}
