// The demo association's reporting, two years of it (domain/documents.md §2–§5), made through
// the real use cases so that versions, diarienummer, derived answers and the audit log are as
// the application would have made them: the reporting calendar (quarters, due a month after,
// from 2025-01-01), a periodic report per running initiative and quarter, written, submitted,
// registered and locked (Växtverket's by its lead, with 2.6 by the steering group; one returned
// for completion first), steering groups with their meetings, deviation reports in every status
// and the final report of an ended initiative. As of the demo's today (23 November 2026) the
// third quarter's reports are in, but for three late drafts and one waiting for review, and the
// fourth quarter's are drafts not yet due.
import { asc, eq, inArray } from "drizzle-orm";
import type { AuditActor } from "../audit/record-audit-event.ts";
import { initiativeGoals, initiatives } from "../initiatives/schema.ts";
import type { Tx } from "../platform/database/connect.ts";
import {
  ensurePeriodicReports,
  periodsBetween,
  saveReportingSettings,
} from "../reports/calendar.ts";
import type { GOAL_ASSESSMENTS } from "../reports/periodic-report-content.ts";
import {
  acceptPeriodicReport,
  commentOnPeriodicReport,
  type PeriodicReportInput,
  registerArrival,
  returnPeriodicReport,
  savePeriodicReport,
  saveSteeringAnalysis,
  submitPeriodicReport,
} from "../reports/periodic-reports.ts";
import { initialsOf } from "../reports/report-dashboard.ts";
import { actorName } from "../reports/report-versions.ts";
import { periodicReports } from "../reports/schema.ts";
import type { DemoApplicationContext } from "./demo-applications.ts";
import { planDeviations } from "./demo-deviations.ts";
import { planFinalReport } from "./demo-final-report.ts";
import {
  noDeviation,
  PROFILES,
  type ReportProfile,
  VAXTVERKET_STEERING,
} from "./demo-report-texts.ts";
import { planSteeringGroups } from "./demo-steering-groups.ts";
import { addDays, hashOf, Timeline, workdayFrom, workdayUntil } from "./demo-time.ts";

type Org = keyof DemoApplicationContext["orgs"];

export interface DemoReportContext {
  associationId: string;
  associationName: string;
  orgs: Record<Org, string>;
  /**
   * The demo's people: the office (association admin), a board member, Växtverket's lead and
   * the member of its steering group.
   */
  people: Record<"office" | "board" | "lead" | "steering", AuditActor>;
  /** The demo's today, "2026-11-23": what is due by then has been handled, but for the late. */
  today: string;
  /** The seed's clock, never before the demo's today: nothing may be dated after it. */
  now: Date;
}

type Fate = "locked" | "returned" | "submitted" | "draft";

/**
 * What happened to the reports that were not simply submitted in time and locked: the third
 * quarter of 2026 has three late drafts and one report waiting for review; Växtverket's last
 * report of 2025 was returned for completion before it was locked. Växtverket's 2026-K3 is left
 * untouched (version 1): it is the lead's next task, and the browser journey writes it.
 */
const FATES: Record<string, Record<string, Fate>> = {
  "Tierp, Växtverket": { "2025-K4": "returned", "2026-K3": "draft" },
  "Enköping, Steget vidare": { "2026-K3": "draft" },
  "Uppsala, Kompetenslyft samverkan": { "2026-K3": "draft" },
  "Region, Länsgemensam ESF-insats Vidare": { "2026-K3": "submitted" },
};

/**
 * Submission days that are not a few days before the due date: two came late, and Växtverket's
 * came early enough to be completed before its due date.
 */
const SUBMITTED_ON: Record<string, Record<string, string>> = {
  "Tierp, Växtverket": { "2025-K4": "2026-01-14" },
  "Östhammar, Arbetsbryggan": { "2025-K3": "2025-11-07" },
  "Region, Länsgemensam ESF-insats Vidare": { "2026-K3": "2026-11-19" },
};

const RETURN_MESSAGE =
  "Komplettera 2.3 Brukarmedverkan med hur deltagarnas synpunkter har tagits om hand, och kommentera varför mål 2 bedöms som risk.";
const RETURNED_PARTICIPATION =
  "Deltagarrådet har träffats varje månad. En enkät i december visade att deltagarna vill ha fler praktiska pass; teoripassen har därför kortats till en timme, och två deltagare håller nu i introduktionen av nya deltagare.";
const RETURNED_GOAL_COMMENT =
  "Fem deltagare avslutades i december utan mätning vid avslut, eftersom de slutade med kort varsel. Från januari görs mätningen vid sista ordinarie träffen.";
const MEETINGS_COMMENT =
  "Styrgruppens möte i augusti ställdes in på grund av semestrar; nästa möte hölls i oktober. Kansliet har påmint om ett möte per kvartal.";

const ASSESSMENT: Record<string, (typeof GOAL_ASSESSMENTS)[number]> = {
  T: "for_tidigt",
  I: "i_fas",
  R: "risk",
  E: "ej_i_fas",
  U: "uppfyllt",
};

const MOOD_NOTE: Record<string, string> = {
  T: "",
  I: "",
  R: " Risk: åtgärderna beskrivs i 2.5.",
  E: " Ligger efter; se 2.5.",
  U: " Målet är uppnått.",
};

const EQUALITY_COMMENTS = [
  "Könsfördelningen bland deltagarna följs upp varje kvartal.",
  "Diskuterades på styrgruppens senaste möte.",
  "",
];

interface Initiative {
  id: string;
  name: string;
  orientation: string;
  startDate: string | null;
  endDate: string | null;
  expectedParticipants: number | null;
  expectedParticipantsOngoing: boolean;
}

type Goal = typeof initiativeGoals.$inferSelect;

interface ReportFacts {
  initiative: Initiative;
  profile: ReportProfile;
  goals: Goal[];
  periodKey: string;
  periodEnd: string;
  /** The report's place among the initiative's reports in Samspår, from 0. */
  ordinal: number;
  reportedOn: string;
}

const pick = (list: string[], i: number) => list[i % list.length] ?? "";

/** Quarters of the initiative up to a period's end, and in all. */
function quarters(i: Initiative, periodEnd: string) {
  const start = i.startDate ?? periodEnd;
  return {
    elapsed: periodsBetween("quarter", start, periodEnd).length,
    total: Math.max(1, periodsBetween("quarter", start, i.endDate ?? periodEnd).length),
  };
}

/** A goal's assessment comment, with figures in keeping with the assessment. */
function goalComment(f: ReportFacts, goal: Goal, mood: string, h: number): string {
  const { elapsed, total } = quarters(f.initiative, f.periodEnd);
  const individual = f.initiative.orientation === "individual";
  if (mood === "T")
    return individual
      ? "För tidigt att bedöma: de första deltagarna har ännu inte avslutat insatsen."
      : "För tidigt att bedöma.";
  const note = MOOD_NOTE[mood] ?? "";
  if (goal.targetPercent !== null) {
    const expected = f.initiative.expectedParticipants ?? 20;
    const finished = Math.max(
      4,
      Math.round(
        f.initiative.expectedParticipantsOngoing
          ? (expected * elapsed) / 3
          : (expected * 0.8 * elapsed) / total,
      ),
    );
    const t = goal.targetPercent;
    const offset = { I: 1 + (h % 7), R: -4 - (h % 6), E: -15 - (h % 6), U: 3 + (h % 5) }[
      mood as "I" | "R" | "E" | "U"
    ];
    const share = Math.min(100, Math.max(0, t + (offset ?? 0)));
    const reached = Math.round((finished * share) / 100);
    return `Utfall hittills: ${reached} av ${finished} (${Math.round((100 * reached) / finished)} %). Målet är ${t} %.${note}`;
  }
  if (goal.targetNumber !== null) {
    const t = goal.targetNumber;
    if (t <= 3)
      return (
        {
          I: "Arbetet går enligt plan.",
          R: "Risk för förseningar; se 2.5.",
          E: "Ligger efter; se 2.5.",
        }[mood] ?? "Målet är uppnått."
      );
    const pace = { R: 0.75, E: 0.5 }[mood] ?? 1;
    const reached = Math.round(t * Math.min(1, elapsed / total) * pace);
    return `Utfall hittills: ${mood === "U" ? Math.max(t, reached) : reached} av ${t}.${note}`;
  }
  return mood === "I" || mood === "U"
    ? "Effekten mäts ett år efter avslut; signalerna från de deltagare som avslutat är positiva."
    : `Effekten mäts ett år efter avslut.${note}`;
}

/** How many took part in the period, for individual initiatives. */
function participantsLine(f: ReportFacts, h: number): string {
  const expected = f.initiative.expectedParticipants;
  if (f.initiative.orientation !== "individual" || !expected) return "";
  const { elapsed, total } = quarters(f.initiative, f.periodEnd);
  const atATime = f.initiative.expectedParticipantsOngoing
    ? expected * (0.75 + (h % 25) / 100)
    : expected * Math.min(1, 4 / total) * Math.min(1, elapsed / 2) * (0.8 + (h % 30) / 100);
  const enrolled = Math.max(3, Math.round(atATime));
  const added = Math.max(1, Math.round(enrolled * (elapsed === 1 ? 1 : 0.2 + (h % 10) / 100)));
  return `\n\nUnder perioden var ${enrolled} deltagare inskrivna, varav ${added} nya.`;
}

/** The lead's sections and answers of one report, from the initiative's profile. */
function reportInput(f: ReportFacts): PeriodicReportInput {
  const { profile: p, ordinal: i, periodKey } = f;
  const h = hashOf(`${f.initiative.name} ${periodKey}`);
  const moods = f.goals.map((_, g) => {
    const line = p.moods[g] ?? p.moods.at(-1) ?? "I";
    return line[Math.min(i, line.length - 1)] ?? "I";
  });
  const goals = f.goals.map((goal, g) => {
    const mood = moods[g] ?? "I";
    return {
      goalId: goal.id,
      goalText: goal.text,
      assessment: ASSESSMENT[mood] ?? "i_fas",
      comment: goalComment(f, goal, mood, h >>> g),
    };
  });
  const risky = moods.map((m, g) => (m === "R" ? g + 1 : 0)).filter(Boolean);
  const behind = moods.map((m, g) => (m === "E" ? g + 1 : 0)).filter(Boolean);
  const answers: PeriodicReportInput["answers"] = {
    inPhase: behind.length
      ? { answer: "nej", comment: `Mål ${behind.join(" och ")} ligger efter; se 2.5.` }
      : risky.length
        ? {
            answer: "ja_kommentar",
            comment: `Mål ${risky.join(" och ")} bedöms som risk; åtgärderna beskrivs i 2.5.`,
          }
        : moods.every((m) => m === "T")
          ? { answer: "for_tidigt", comment: "" }
          : { answer: "ja", comment: "" },
    steeringPrognosis: {
      answer: behind.length ? "nej" : i === 0 && moods.every((m) => m === "T") ? "ingen" : "ja",
      comment: "",
    },
    vacanciesFunded: p.vacancies?.[periodKey]
      ? { answer: "ja", comment: p.vacancies[periodKey] ?? "" }
      : { answer: "nej", comment: "" },
    vacanciesOwn: { answer: "nej", comment: "" },
    methodChecked: { answer: "ja", comment: "" },
    targetGroupChecked: { answer: "ja", comment: "" },
    equityDiscussed: { answer: (h >>> 3) % 10 < 7 ? "ja" : "nej", comment: "" },
    genderEqualityDiscussed:
      (h >>> 7) % 10 < 6
        ? { answer: "ja", comment: pick(EQUALITY_COMMENTS, i) }
        : { answer: "nej", comment: "" },
    deviationGoalsOrTargetGroup: { answer: "nej", comment: "" },
  };
  // "Startade insatsen i tid?" is answered once; later reports carry the answer
  if (i === 0) {
    const start = f.initiative.startDate ?? "";
    answers.startedOnTime = {
      answer: "ja",
      comment:
        start && start < `${periodKey.slice(0, 4)}-01-01` ? `Insatsen startade ${start}.` : "",
    };
  }
  if (!p.steeringInSamspar) {
    answers.steeringMeetingsAsAgreed = {
      answer: "ja",
      comment:
        i % 2 === 0 ? "Protokollet från periodens styrgruppsmöte har skickats till kansliet." : "",
    };
    answers.allOrdinaryAttended =
      (h >>> 11) % 5 === 0
        ? {
            answer: "nej",
            comment: "Arbetsförmedlingens ordinarie ledamot hade förhinder; ersättaren deltog.",
          }
        : { answer: "ja", comment: "" };
  }
  Object.assign(answers, p.answers?.[periodKey] ?? {});
  return {
    texts: {
      activities: pick(p.activities, i) + participantsLine(f, h),
      deviations: p.deviations?.[periodKey] ?? noDeviation(h),
      userParticipation: pick(p.userParticipation, i),
      goingWell: pick(p.goingWell, i),
      goingLessWell: pick(p.goingLessWell, i),
      successFactors: pick(p.successFactors, i),
      systemFaults: pick(p.systemFaults, i),
      measures: pick(p.measures, i),
    },
    goals,
    answers,
    reportedBy: p.reportedBy,
    reportedOn: f.reportedOn,
  };
}

/** Every periodic report's history on the timeline, per its fate. */
async function planPeriodicReports(
  tx: Tx,
  timeline: Timeline,
  c: DemoReportContext,
  byId: Map<string, Initiative>,
) {
  const rows = await tx
    .select()
    .from(periodicReports)
    .where(eq(periodicReports.associationId, c.associationId))
    .orderBy(asc(periodicReports.periodEnd));
  const goals = await tx
    .select()
    .from(initiativeGoals)
    .where(inArray(initiativeGoals.initiativeId, [...byId.keys()]))
    .orderBy(asc(initiativeGoals.position));
  const ordinals = new Map<string, number>();
  const { office, lead, steering } = c.people;
  const initials = initialsOf(await actorName(tx, office));
  for (const row of rows) {
    const initiative = byId.get(row.initiativeId);
    if (!initiative) continue;
    const ordinal = ordinals.get(initiative.id) ?? 0;
    ordinals.set(initiative.id, ordinal + 1);
    const fate =
      FATES[initiative.name]?.[row.periodKey] ?? (row.dueDate < c.today ? "locked" : "draft");
    if (fate === "draft") continue;
    const profile = PROFILES[initiative.name];
    if (!profile) throw new Error(`no demo reports for ${initiative.name}`);
    const h = hashOf(`${initiative.name} ${row.periodKey}`);
    const submittedOn =
      SUBMITTED_ON[initiative.name]?.[row.periodKey] ??
      workdayUntil(addDays(row.dueDate, -(2 + (h % 12))));
    const facts: ReportFacts = {
      initiative,
      profile,
      goals: goals.filter((g) => g.initiativeId === initiative.id),
      periodKey: row.periodKey,
      periodEnd: row.periodEnd,
      ordinal,
      reportedOn: submittedOn,
    };
    const input = reportInput(facts);
    const writer = profile.writer === "lead" ? lead : office;
    const reportId = row.id;
    let version = row.version;

    // the first version the office returns lacks what it asks for
    const first: PeriodicReportInput =
      fate === "returned"
        ? {
            ...input,
            texts: { ...input.texts, userParticipation: "Deltagarrådet har träffats som vanligt." },
            goals: input.goals.map((g, i) => (i === 1 ? { ...g, comment: "" } : g)),
          }
        : input;
    timeline.add(submittedOn, profile.writer === "lead" ? "15:30" : "13:00", async (at) => {
      version = await savePeriodicReport(tx, writer, c.associationId, reportId, version, first);
      version = await submitPeriodicReport(tx, writer, c.associationId, reportId, version, at);
    });
    if (fate === "submitted") continue;

    const registered = workdayFrom(addDays(submittedOn, 1));
    timeline.add(registered, "09:30", async (at) => {
      version = await registerArrival(
        tx,
        office,
        c.associationId,
        reportId,
        version,
        { arrivalDate: submittedOn, initials },
        at,
      );
    });
    if (initiative.name === "Östhammar, Arbetsbryggan" && row.periodKey === "2025-K3")
      timeline.add(registered, "10:00", async () => {
        await commentOnPeriodicReport(
          tx,
          office,
          c.associationId,
          reportId,
          MEETINGS_COMMENT,
          "answers.steeringMeetingsAsAgreed",
        );
      });
    const analysis = profile.writer === "lead" ? VAXTVERKET_STEERING[ordinal] : undefined;
    if (analysis)
      timeline.add(registered, "18:00", async () => {
        version = await saveSteeringAnalysis(tx, steering, c.associationId, reportId, version, {
          ...analysis,
          writtenBy: "Johan Ek, ordförande",
          writtenOn: registered,
        });
      });

    let accepted = workdayFrom(addDays(registered, 3 + (h % 9)));
    if (fate === "returned") {
      const returned = workdayFrom(addDays(registered, 3));
      const completed = workdayFrom(addDays(returned, 2));
      timeline.add(returned, "10:00", async () => {
        version = await returnPeriodicReport(
          tx,
          office,
          c.associationId,
          reportId,
          version,
          RETURN_MESSAGE,
        );
      });
      timeline.add(completed, "14:00", async (at) => {
        const complete: PeriodicReportInput = {
          ...input,
          texts: { ...input.texts, userParticipation: RETURNED_PARTICIPATION },
          goals: input.goals.map((g, i) =>
            i === 1 ? { ...g, comment: RETURNED_GOAL_COMMENT } : g,
          ),
          reportedOn: completed,
        };
        version = await savePeriodicReport(
          tx,
          writer,
          c.associationId,
          reportId,
          version,
          complete,
        );
        version = await submitPeriodicReport(tx, writer, c.associationId, reportId, version, at);
      });
      accepted = workdayFrom(addDays(completed, 3));
    }
    if (accepted > c.today) accepted = c.today;
    timeline.add(accepted, "11:00", async (at) => {
      version = await acceptPeriodicReport(tx, office, c.associationId, reportId, version, at);
    });
  }
}

/** Seeds the demo's reporting; call it once the initiatives and applications are in. */
export async function seedDemoReports(tx: Tx, c: DemoReportContext): Promise<void> {
  await saveReportingSettings(tx, c.people.office, c.associationId, 0, {
    cadence: "quarter",
    dueMonthsAfter: 1,
    remindDaysBefore: 7,
    followUpPeriods: ["halfyear", "year"],
    reportsFrom: "2025-01-01",
  });
  const rows: Initiative[] = await tx
    .select({
      id: initiatives.id,
      name: initiatives.name,
      orientation: initiatives.orientation,
      startDate: initiatives.startDate,
      endDate: initiatives.endDate,
      expectedParticipants: initiatives.expectedParticipants,
      expectedParticipantsOngoing: initiatives.expectedParticipantsOngoing,
    })
    .from(initiatives)
    .where(eq(initiatives.associationId, c.associationId));
  const initiativeIds = new Map(rows.map((r) => [r.name, r.id]));
  const byId = new Map(rows.map((r) => [r.id, r]));

  await ensurePeriodicReports(tx, c.associationId, c.today);
  const timeline = new Timeline();
  planSteeringGroups(tx, timeline, {
    associationId: c.associationId,
    associationName: c.associationName,
    orgs: c.orgs,
    initiativeIds,
    people: c.people,
    now: c.now,
  });
  planDeviations(tx, timeline, { associationId: c.associationId, initiativeIds, people: c.people });
  planFinalReport(tx, timeline, {
    associationId: c.associationId,
    orgs: c.orgs,
    initiativeIds,
    office: c.people.office,
  });
  await planPeriodicReports(tx, timeline, c, byId);
  await timeline.run();
}
