// An association's reporting over the window (domain/documents.md §2–§5), written in bulk:
// steering groups (members per party, a meeting a quarter with attendance), deviation reports
// (and the approved early ends and re-phasings the money follows), the periodic reports of every
// initiative and period — locked, with every status question answered as the workflow stores
// them in `content.answers`, the derived ones (meetings, attendance, budget deviation) computed
// from the meetings and deviation reports made here — and the final reports of the initiatives
// that ended. Diarienummer follow the arrival dates, one sequence per association and year, as
// src/applications/workflow.ts nextRegistryNumber numbers them.
//
// As of the dataset's today: the reports of periods due more than three weeks ago are locked
// but for a few late drafts and a few waiting for review; the last period's are being submitted;
// the current period's are empty drafts. Each report has the one version it was written with
// (report_versions, event "importerad").

import { periodsBetween, type ReportingPeriod } from "../../src/reports/calendar.ts";
import type { FinalReportContent } from "../../src/reports/final-report-content.ts";
import { emptyParticipants, emptyReturnedFunds } from "../../src/reports/final-report-content.ts";
import {
  emptyPeriodicContent,
  emptySteeringAnalysis,
  type PeriodicReportContent,
  type StatusAnswer,
  type StatusQuestionKey,
} from "../../src/reports/periodic-report-content.ts";
import type { BulkWriter } from "./bulk.ts";
import {
  COMMENTS,
  DEVIATION_TEXTS,
  FINAL_TEXTS,
  MEETING_TEXTS,
  NO_DEVIATION,
  periodicTexts,
  personName,
  slugOf,
  TITLES,
} from "./names.ts";
import {
  addDays,
  addMonths,
  type Dice,
  dayIn,
  earlier,
  later,
  momentOf,
  oneOf,
  stream,
  uuidFrom,
} from "./random.ts";
import type { WrittenAssociation, WrittenInitiative } from "./setup.ts";
import * as T from "./tables.ts";

export interface Deviation {
  id: string;
  types: string[];
  request: "ingen" | "forlangning" | "flytta_medel" | "andrad_malgrupp" | "avslut_i_fortid";
  status: "inskickad" | "godkand" | "avslagen";
  submittedOn: string;
  decisionDate: string | null;
  /** For flytta_medel: the amount moved to a later period. */
  amount: number | null;
}

/** What the money and the register need to know of an initiative's reporting. */
export interface InitiativeReporting {
  initiative: WrittenInitiative;
  /** The reporting periods of the window the initiative reports for (begun by today). */
  periods: ReportingPeriod[];
  /** Periods with a vacancy in a post the association funds. */
  vacancies: Set<string>;
  deviations: Deviation[];
  /** The lead who writes the reports. */
  lead: string;
}

interface Member {
  id: string;
  organisationId: string;
  membership: "ordinarie" | "ersattare";
  fromDate: string;
  toDate: string | null;
}

interface Meeting {
  id: string;
  date: string;
  held: boolean;
  present: Set<string>;
}

/** A document that gets a diarienummer on arrival. */
interface Registered {
  arrival: string;
  set(number: string): void;
}

export interface FinalReportShell {
  initiative: WrittenInitiative;
  id: string;
  status: "utkast" | "inskickad" | "last";
  submittedOn: string | null;
  lockedOn: string | null;
  registryNumber: string | null;
  lead: string;
}

export interface AssociationReporting {
  initiatives: InitiativeReporting[];
  finals: FinalReportShell[];
  /** Diarienummer per year handed out so far (registry_counters). */
  counters: Map<number, number>;
}

const VERSION_EVENT = "importerad";
const VERSION_NOTE = "Nationellt testdata (bench/national-data.ts)";
const YES = (comment = ""): StatusAnswer => ({ answer: "ja", comment });
const NO = (comment = ""): StatusAnswer => ({ answer: "nej", comment });

function writeVersion(
  writer: BulkWriter,
  dice: Dice,
  kind: "periodic" | "deviation" | "final",
  row: Record<string, unknown> & { id: string; status: string },
  at: string,
) {
  writer.add(T.reportVersions, [
    uuidFrom(dice),
    kind,
    row.id,
    1,
    row.status,
    row,
    VERSION_EVENT,
    VERSION_NOTE,
    "Samspår (nationellt testdata)",
    at,
  ]);
}

/**
 * Plans and writes the association's steering groups, deviation reports and periodic reports;
 * returns what money.ts and the final reports need. Final reports are written later
 * (writeFinalReports), once the register knows the participants.
 */
export function writeReporting(
  writer: BulkWriter,
  a: WrittenAssociation,
  context: { seed: number; window: { from: string; to: string } },
): AssociationReporting {
  const today = context.window.to;
  const registered: Registered[] = [];
  const pending: Array<() => void> = [];
  const result: InitiativeReporting[] = [];
  const finals: FinalReportShell[] = [];

  for (const initiative of a.initiatives) {
    const p = initiative.plan;
    const dice = stream(context.seed, "reporting", a.plan.index, p.index);
    const lead = personName(dice);
    const first = later(p.startDate, context.window.from);
    const last = earlier(p.endDate, today);
    const periods =
      first <= last
        ? periodsBetween(a.plan.cadence, first, last).filter((x) => x.start <= today)
        : [];

    // ── steering group ─────────────────────────────────────────────────────────────────
    const members: Member[] = [];
    for (const organisationId of [initiative.ownerId, ...initiative.partnerIds]) {
      const organisation = a.plan.members[a.memberIds.indexOf(organisationId)];
      const domain = `${slugOf(organisation?.place ?? "part")}.example`;
      const addMember = (
        membership: Member["membership"],
        fromDate: string,
        toDate: string | null,
      ) => {
        const name = personName(dice);
        const member: Member = { id: uuidFrom(dice), organisationId, membership, fromDate, toDate };
        members.push(member);
        writer.add(T.steeringGroupMembers, [
          member.id,
          initiative.id,
          organisationId,
          name,
          `${slugOf(name).replace(/-/g, ".")}@${domain}`,
          oneOf(dice, TITLES),
          membership,
          fromDate,
          toDate,
        ]);
      };
      const replacedOn =
        dice.chance(0.15) && first < last ? dayIn(dice, addDays(first, 30), last) : null;
      if (replacedOn && replacedOn > addDays(p.startDate, 1)) {
        addMember("ordinarie", p.startDate, addDays(replacedOn, -1));
        addMember("ordinarie", replacedOn, null);
      } else addMember("ordinarie", p.startDate, null);
      if (dice.chance(0.5)) addMember("ersattare", p.startDate, null);
    }
    const meetings: Meeting[] = [];
    if (first <= last) {
      let quarter = `${first.slice(0, 4)}-${String(Math.floor((Number(first.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, "0")}-01`;
      for (; quarter <= p.endDate; quarter = addMonths(quarter, 3)) {
        const date = addDays(quarter, dice.int(20, 75));
        if (date < p.startDate || date > p.endDate) continue;
        const held = date <= today;
        if (held && dice.chance(0.06)) continue; // cancelled, never recorded
        const meeting: Meeting = { id: uuidFrom(dice), date, held, present: new Set() };
        meetings.push(meeting);
        writer.add(T.steeringGroupMeetings, [
          meeting.id,
          initiative.id,
          date,
          held,
          MEETING_TEXTS.agenda,
          held ? oneOf(dice, MEETING_TEXTS.decisions) : "",
          momentOf(dice, earlier(addDays(date, -14), today)),
          momentOf(dice, held ? date : earlier(addDays(date, -14), today)),
        ]);
        if (!held) break; // the next planned one only
        for (const m of members) {
          if (m.fromDate > date || (m.toDate !== null && m.toDate < date)) continue;
          const present = dice.chance(m.membership === "ordinarie" ? 0.9 : 0.35);
          if (present) meeting.present.add(m.id);
          writer.add(T.meetingAttendance, [meeting.id, m.id, present]);
        }
      }
    }

    // ── deviation reports ──────────────────────────────────────────────────────────────
    const deviations: Deviation[] = [];
    const deviation = (d: Omit<Deviation, "id">, texts: { description: string }) => {
      const id = uuidFrom(dice);
      const full: Deviation = { id, ...d };
      deviations.push(full);
      const submittedAt = momentOf(dice, d.submittedOn);
      const decided = d.decisionDate !== null;
      const row = {
        id,
        associationId: a.id,
        initiativeId: initiative.id,
        status: d.status,
        types: d.types,
        description: texts.description,
        cause: oneOf(dice, DEVIATION_TEXTS.cause),
        consequence: oneOf(dice, DEVIATION_TEXTS.consequence),
        measures: oneOf(dice, DEVIATION_TEXTS.measures),
        request: d.request,
        requestedEndDate:
          d.request === "avslut_i_fortid"
            ? p.endDate
            : d.request === "forlangning"
              ? // an approved extension is the end the initiative has now
                d.status === "godkand"
                ? p.endDate
                : addMonths(p.endDate, 6)
              : null,
        requestedTargetGroup:
          d.request === "andrad_malgrupp"
            ? `${p.targetGroup} Även personer med sjukersättning.`
            : null,
        requestedAmount: d.amount,
        submittedAt,
        arrivalDate: d.submittedOn,
        registryNumber: null as string | null,
        decisionBody: decided
          ? d.request === "avslut_i_fortid"
            ? "styrelse"
            : oneOf(dice, ["kansli", "styrelse"] as const)
          : null,
        decisionDate: d.decisionDate,
        decisionMeeting: decided ? `Sammanträde ${d.decisionDate}` : null,
        decisionParagraph: decided ? `§ ${dice.int(3, 40)}` : null,
        decisionMotivation: decided
          ? d.status === "godkand"
            ? "Avvikelsen är väl motiverad och åtgärderna rimliga."
            : "Förbundet ser inte skäl att ändra insatsens förutsättningar."
          : null,
      };
      registered.push({ arrival: d.submittedOn, set: (n) => (row.registryNumber = n) });
      pending.push(() => {
        writer.add(T.deviationReports, [
          row.id,
          row.associationId,
          row.initiativeId,
          row.status,
          row.types,
          row.description,
          row.cause,
          row.consequence,
          row.measures,
          row.request,
          row.requestedEndDate,
          row.requestedTargetGroup,
          row.requestedAmount,
          row.submittedAt,
          row.arrivalDate,
          row.registryNumber,
          row.decisionBody,
          row.decisionDate,
          row.decisionMeeting,
          row.decisionParagraph,
          row.decisionMotivation,
          submittedAt,
          decided ? momentOf(dice, d.decisionDate ?? d.submittedOn) : submittedAt,
          1,
        ]);
        writeVersion(writer, dice, "deviation", row, submittedAt);
      });
      return full;
    };
    if (p.status === "avslutad_i_fortid") {
      const submittedOn = addDays(p.endDate, -dice.int(35, 70));
      deviation(
        {
          types: ["tidsplan"],
          request: "avslut_i_fortid",
          status: "godkand",
          submittedOn,
          decisionDate: addDays(submittedOn, dice.int(7, 25)),
          amount: null,
        },
        { description: DEVIATION_TEXTS.earlyEnd },
      );
    }
    const from = addDays(first, 60);
    const to = addDays(last, -1);
    for (let k = 0; k < 2 && from < to; k++) {
      if (!dice.chance(k === 0 ? 0.12 : 0.25)) break;
      const types = dice.pick<string[]>([
        [["budget"], 30],
        [["bemanning"], 20],
        [["mal"], 15],
        [["malgrupp"], 10],
        [["tidsplan"], 10],
        [["bemanning", "budget"], 15],
      ]);
      const request =
        types.includes("budget") && dice.chance(0.5)
          ? "flytta_medel"
          : types.includes("tidsplan") && dice.chance(0.5) && p.status === "pagaende"
            ? "forlangning"
            : types.includes("malgrupp") && dice.chance(0.5)
              ? "andrad_malgrupp"
              : "ingen";
      const submittedOn = dayIn(dice, from, to);
      const recent = submittedOn > addDays(today, -20);
      const status = recent
        ? "inskickad"
        : dice.pick<Deviation["status"]>([
            ["godkand", 72],
            ["avslagen", 13],
            ["inskickad", 15],
          ]);
      deviation(
        {
          types,
          request,
          status,
          submittedOn,
          decisionDate:
            status === "inskickad" ? null : earlier(addDays(submittedOn, dice.int(7, 40)), today),
          amount:
            request === "flytta_medel"
              ? Math.round((p.annualBudget * (0.05 + dice.next() * 0.1)) / 1000) * 1000
              : null,
        },
        { description: oneOf(dice, DEVIATION_TEXTS.description) },
      );
    }

    // ── periodic reports ───────────────────────────────────────────────────────────────
    const vacancies = new Set<string>();
    const startedOnTime = dice.chance(0.85);
    let inPhase: "ja" | "ja_kommentar" | "nej" | "for_tidigt" = "for_tidigt";
    const earlierReports: Array<{ key: string; due: string; submittedOn: string | null }> = [];
    for (const period of periods) {
      const vacancy = dice.chance(0.12);
      if (vacancy) vacancies.add(period.key);
      const early = period.start < addMonths(p.startDate, 6);
      inPhase =
        early && dice.chance(0.6)
          ? "for_tidigt"
          : inPhase !== "for_tidigt" && dice.chance(0.7)
            ? inPhase
            : dice.pick([
                ["ja", 65],
                ["ja_kommentar", 15],
                ["nej", 12],
                ["for_tidigt", 3],
              ] as const);

      let status: "utkast" | "inskickad" | "last";
      let submittedOn: string | null = null;
      if (period.end >= today) status = "utkast";
      else if (period.due > today) {
        status = dice.chance(0.4) ? "inskickad" : "utkast";
        if (status === "inskickad") submittedOn = dayIn(dice, addDays(period.end, 1), today);
      } else {
        const settled = period.due <= addDays(today, -21);
        status = settled
          ? dice.pick([
              ["last", 96],
              ["inskickad", 2],
              ["utkast", 2],
            ] as const)
          : dice.pick([
              ["last", 50],
              ["inskickad", 40],
              ["utkast", 10],
            ] as const);
        if (status !== "utkast") {
          const late = dice.chance(0.08);
          submittedOn = late
            ? addDays(period.due, dice.int(1, 25))
            : addDays(period.due, -dice.int(0, 12));
          submittedOn = earlier(later(submittedOn, addDays(period.end, 1)), today);
        }
      }
      const lockedOn =
        status === "last" && submittedOn
          ? earlier(addDays(submittedOn, dice.int(3, 20)), today)
          : null;

      const content: PeriodicReportContent & Record<string, unknown> = emptyPeriodicContent();
      const analysis = emptySteeringAnalysis();
      const written = status !== "utkast" || (period.end < today && dice.chance(0.5));
      if (written) {
        Object.assign(content, periodicTexts(dice));
        content.deviations = deviations.some(
          (d) => d.submittedOn >= period.start && d.submittedOn <= period.end,
        )
          ? oneOf(dice, DEVIATION_TEXTS.description)
          : NO_DEVIATION;
        content.goals = p.goals.map((g, i) => ({
          goalId: initiative.goalIds[i] ?? null,
          goalText: g.text,
          assessment:
            inPhase === "for_tidigt"
              ? "for_tidigt"
              : inPhase === "nej"
                ? oneOf(dice, ["ej_i_fas", "risk"] as const)
                : inPhase === "ja_kommentar"
                  ? oneOf(dice, ["i_fas", "risk"] as const)
                  : dice.chance(0.1)
                    ? "uppfyllt"
                    : "i_fas",
          comment: "",
        }));
      }
      if (status !== "utkast" && submittedOn) {
        content.answers = answersFor(dice, {
          period,
          inPhase,
          startedOnTime,
          vacancy,
          deviations,
          meetings,
          members,
          initiativeStart: p.startDate,
          // "uppföljning enligt avtal": the earlier reports due by this one's submission were on time
          lateEarlier: earlierReports
            .filter((r) => r.due < (submittedOn as string))
            .filter((r) => r.submittedOn === null || r.submittedOn > r.due)
            .map((r) => r.key),
        });
        content.reportedBy = lead;
        content.reportedOn = submittedOn;
        if (status === "last" && dice.chance(0.5)) {
          analysis.goalFulfilment =
            inPhase === "nej" ? COMMENTS.prognosisNo[0] : "Insatsen ligger i fas med målen.";
          analysis.budget = vacancy
            ? "Förbrukningen är låg på grund av vakansen."
            : "Kostnaderna följer budgeten.";
          analysis.deviations = "Inga avvikelser utöver dem som rapporterats.";
          analysis.implementationPlan = "Styrgruppen följer planen för tillvaratagande.";
          analysis.writtenBy = personName(dice);
          analysis.writtenOn = submittedOn;
        }
      }
      earlierReports.push({ key: period.key, due: period.due, submittedOn });
      const id = uuidFrom(dice);
      const createdAt = momentOf(dice, period.start);
      const row = {
        id,
        associationId: a.id,
        initiativeId: initiative.id,
        periodKey: period.key,
        periodStart: period.start,
        periodEnd: period.end,
        dueDate: period.due,
        status,
        content,
        steeringAnalysis: analysis,
        submittedAt: submittedOn ? momentOf(dice, submittedOn) : null,
        arrivalDate: null as string | null,
        registryNumber: null as string | null,
        receivedByInitials: null as string | null,
        lockedAt: lockedOn ? momentOf(dice, lockedOn) : null,
      };
      // registered on arrival: every locked one, most of those waiting for review
      if (submittedOn && (status === "last" || dice.chance(0.7))) {
        row.arrivalDate = submittedOn;
        row.receivedByInitials = a.plan.registrar;
        registered.push({ arrival: submittedOn, set: (n) => (row.registryNumber = n) });
      }
      const updatedAt = row.lockedAt ?? row.submittedAt ?? createdAt;
      pending.push(() => {
        writer.add(T.periodicReports, [
          row.id,
          row.associationId,
          row.initiativeId,
          row.periodKey,
          row.periodStart,
          row.periodEnd,
          row.dueDate,
          row.status,
          row.content,
          row.steeringAnalysis,
          row.submittedAt,
          row.arrivalDate,
          row.registryNumber,
          row.receivedByInitials,
          row.lockedAt,
          createdAt,
          updatedAt,
          1,
        ]);
        writeVersion(writer, dice, "periodic", row, updatedAt);
      });
    }

    // ── the final report of an ended initiative (written once the register is known) ───────
    if (p.status !== "pagaende" && p.endDate <= today) {
      const age = Math.round((Date.parse(today) - Date.parse(p.endDate)) / 86_400_000);
      const status =
        age > 120
          ? dice.pick([
              ["last", 85],
              ["inskickad", 10],
              ["utkast", 5],
            ] as const)
          : age > 45
            ? dice.pick([
                ["last", 40],
                ["inskickad", 40],
                ["utkast", 20],
              ] as const)
            : dice.pick([
                ["inskickad", 30],
                ["utkast", 70],
              ] as const);
      const submittedOn =
        status === "utkast"
          ? null
          : earlier(addDays(p.endDate, dice.int(20, Math.max(21, Math.min(100, age)))), today);
      const shell: FinalReportShell = {
        initiative,
        id: uuidFrom(dice),
        status,
        submittedOn,
        lockedOn:
          status === "last" && submittedOn
            ? earlier(addDays(submittedOn, dice.int(7, 30)), today)
            : null,
        registryNumber: null,
        lead,
      };
      if (submittedOn)
        registered.push({ arrival: submittedOn, set: (n) => (shell.registryNumber = n) });
      finals.push(shell);
    }

    result.push({ initiative, periods, vacancies, deviations, lead });
  }

  // diarienummer in order of arrival, one sequence per year
  const counters = new Map<number, number>();
  registered.sort((x, y) => (x.arrival < y.arrival ? -1 : x.arrival > y.arrival ? 1 : 0));
  for (const r of registered) {
    const year = Number(r.arrival.slice(0, 4));
    const n = (counters.get(year) ?? 0) + 1;
    counters.set(year, n);
    r.set(`${year}/${n}`);
  }
  for (const write of pending) write();
  return { initiatives: result, finals, counters };
}

/** The status questions as a submitted report stores them (derived ones from the data). */
function answersFor(
  dice: Dice,
  f: {
    period: ReportingPeriod;
    inPhase: "ja" | "ja_kommentar" | "nej" | "for_tidigt";
    startedOnTime: boolean;
    vacancy: boolean;
    deviations: Deviation[];
    meetings: Meeting[];
    members: Member[];
    initiativeStart: string;
    lateEarlier: string[];
  },
): Record<StatusQuestionKey, StatusAnswer> {
  const { period } = f;
  const inPeriod = (day: string) => day >= period.start && day <= period.end;
  const submitted = f.deviations.filter((d) => inPeriod(d.submittedOn));
  const held = f.meetings.filter((m) => m.held);
  const periodMeetings = held.filter((m) => inPeriod(m.date));
  const yearMeetings = held.filter(
    (m) => m.date >= `${period.end.slice(0, 4)}-01-01` && m.date <= period.end,
  );
  const yearStart = later(f.initiativeStart, `${period.end.slice(0, 4)}-01-01`);
  const expectedInYear = Math.min(4, Math.ceil((12 - Number(yearStart.slice(5, 7)) + 1) / 3));
  const meetingsOk =
    periodMeetings.length >= 1 &&
    (period.end.slice(5) !== "12-31" || yearMeetings.length >= expectedInYear);
  let attended = true;
  for (const m of periodMeetings)
    for (const member of f.members)
      if (
        member.membership === "ordinarie" &&
        member.fromDate <= m.date &&
        (member.toDate === null || member.toDate >= m.date) &&
        !m.present.has(member.id)
      )
        attended = false;
  const prognosis =
    f.inPhase === "nej"
      ? dice.pick([
          ["nej", 50],
          ["ingen", 20],
          ["ja", 30],
        ] as const)
      : dice.pick([
          ["ja", 80],
          ["ingen", 12],
          ["nej", 8],
        ] as const);
  const yesMostly = (p: number) => (dice.chance(p) ? YES() : NO());
  return {
    inPhase: {
      answer: f.inPhase,
      comment:
        f.inPhase === "ja_kommentar"
          ? oneOf(dice, COMMENTS.inPhaseWithComment)
          : f.inPhase === "nej"
            ? oneOf(dice, COMMENTS.notInPhase)
            : "",
    },
    steeringPrognosis: {
      answer: prognosis,
      comment: prognosis === "nej" ? oneOf(dice, COMMENTS.prognosisNo) : "",
    },
    startedOnTime: f.startedOnTime ? YES() : NO(COMMENTS.startedLate),
    vacanciesFunded: f.vacancy ? YES(oneOf(dice, COMMENTS.vacancy)) : NO(),
    vacanciesOwn: dice.chance(0.08)
      ? YES("En av parternas medarbetare har varit sjukskriven.")
      : NO(),
    budgetDeviationSubmitted: submitted.some((d) => d.types.includes("budget")) ? YES() : NO(),
    steeringMeetingsAsAgreed: meetingsOk
      ? YES()
      : NO(periodMeetings.length ? "" : COMMENTS.noMeetings),
    allOrdinaryAttended:
      periodMeetings.length && attended
        ? YES()
        : NO(periodMeetings.length ? COMMENTS.absent : COMMENTS.noMeetings),
    followUpAsAgreed: f.lateEarlier.length
      ? NO(`Rapporten för ${f.lateEarlier.join(", ")} lämnades in efter förfallodagen.`)
      : YES(),
    methodChecked: yesMostly(0.88),
    targetGroupChecked: yesMostly(0.88),
    equityDiscussed: yesMostly(0.72),
    genderEqualityDiscussed: yesMostly(0.78),
    deviationGoalsOrTargetGroup:
      submitted.some((d) => d.types.includes("mal") || d.types.includes("malgrupp")) ||
      dice.chance(0.02)
        ? YES()
        : NO(),
  };
}

/** Participants of an initiative by gender, as the final report states them. */
export interface ParticipantCounts {
  women: number;
  men: number;
  other: number;
}

/** Writes the final reports, with the participants the register holds for each initiative. */
export function writeFinalReports(
  writer: BulkWriter,
  a: WrittenAssociation,
  finals: readonly FinalReportShell[],
  context: {
    seed: number;
    participants: ReadonlyMap<string, ParticipantCounts>;
    returned: ReadonlyMap<string, number>;
  },
): void {
  for (const shell of finals) {
    const { initiative } = shell;
    const p = initiative.plan;
    const dice = stream(context.seed, "final", a.plan.index, p.index);
    const parties = [initiative.ownerId, ...initiative.partnerIds].map((id, i) => ({
      organisationId: id,
      name: a.plan.members[a.memberIds.indexOf(id)]?.name ?? "",
      isOwner: i === 0,
    }));
    const counts = context.participants.get(initiative.id);
    const returned = context.returned.get(initiative.id) ?? null;
    const submitted = shell.status !== "utkast" && shell.submittedOn !== null;
    const content: FinalReportContent = {
      initiativeName: p.name,
      applicationId: null,
      applicationRegistryNumber: null,
      ownerName: parties[0]?.name ?? "",
      parties,
      orientation: p.orientation,
      purpose: p.purpose,
      needDescribed: p.targetGroup,
      plannedStartDate: p.startDate,
      plannedEndDate: p.plannedEndDate ?? p.endDate,
      targetGroupDefined: p.targetGroup,
      methodDefined: "Samordnat stöd med en gemensam handläggargrupp från parterna.",
      followUpPlanned: "Uppföljning varje kvartal i periodiska rapporter och i deltagarregistret.",
      continuationPlanned: "Parterna tar ställning till tillvaratagande ett halvår före slutet.",
      filledInOn: p.endDate,
      goals: p.goals.map((g, i) => {
        const achieved = dice.pick([
          ["ja", 55],
          ["delvis", 30],
          ["nej", 15],
        ] as const);
        return {
          goalId: initiative.goalIds[i] ?? null,
          text: g.text,
          kind: g.kind,
          targetNumber: g.targetNumber,
          targetPercent: g.targetPercent,
          achieved,
          outcome: FINAL_TEXTS.outcome[achieved === "ja" ? 0 : achieved === "delvis" ? 1 : 2] ?? "",
          figures: "",
        };
      }),
      equality: FINAL_TEXTS.equality,
      changedNeed: FINAL_TEXTS.changedNeed,
      actualStartDate: p.startDate,
      actualEndDate: p.endDate,
      timeChangeReason: p.plannedEndDate ? FINAL_TEXTS.timeChangeEarly : "",
      targetGroupChange: "",
      participants: counts
        ? {
            feasibilityStudy: false,
            women: counts.women,
            men: counts.men,
            otherOrNotStated: counts.other,
          }
        : emptyParticipants(),
      methodChange: "",
      methodAsIntended: dice.pick([
        ["ja", 70],
        ["delvis", 25],
        ["nej", 5],
      ] as const),
      methodAsIntendedText: "",
      followUp: FINAL_TEXTS.followUp,
      continuation: FINAL_TEXTS.continuation,
      returnedFunds:
        returned !== null
          ? {
              returned: "ja",
              amount: returned,
              reason: "Vakanser under insatstiden gjorde att medlen inte förbrukades.",
              consequences: "Inga: verksamheten kunde genomföras som planerat.",
            }
          : submitted
            ? { ...emptyReturnedFunds(), returned: "nej" }
            : emptyReturnedFunds(),
      lessons: parties.map((party) => ({
        organisationId: party.organisationId,
        text: oneOf(dice, FINAL_TEXTS.lesson),
      })),
      signatures: [],
    };
    const signers = parties.map((party) => ({
      organisationId: party.organisationId,
      signerName: personName(dice),
      signerTitle: oneOf(dice, TITLES),
      method: dice.chance(0.7) ? ("link" as const) : ("paper" as const),
      signedOn: shell.submittedOn ? addDays(shell.submittedOn, -dice.int(1, 10)) : null,
    }));
    if (submitted)
      content.signatures = signers.map((s) => ({
        organisationId: s.organisationId,
        signerName: s.signerName,
        signerTitle: s.signerTitle,
        signerEmail: `${slugOf(s.signerName).replace(/-/g, ".")}@part.example`,
        method: s.method,
        signedOn: s.signedOn,
      }));
    const createdAt = momentOf(dice, addDays(p.endDate, -dice.int(10, 40)));
    const submittedAt = shell.submittedOn ? momentOf(dice, shell.submittedOn) : null;
    const lockedAt = shell.lockedOn ? momentOf(dice, shell.lockedOn) : null;
    const row = {
      id: shell.id,
      associationId: a.id,
      initiativeId: initiative.id,
      status: shell.status,
      content,
      submittedAt,
      arrivalDate: shell.submittedOn,
      registryNumber: shell.registryNumber,
      lockedAt,
    };
    writer.add(T.finalReports, [
      row.id,
      row.associationId,
      row.initiativeId,
      row.status,
      row.content,
      row.submittedAt,
      row.arrivalDate,
      row.registryNumber,
      row.lockedAt,
      createdAt,
      lockedAt ?? submittedAt ?? createdAt,
      1,
    ]);
    writeVersion(writer, dice, "final", row, lockedAt ?? submittedAt ?? createdAt);
    if (submitted)
      for (const s of content.signatures)
        writer.add(T.finalReportSignatures, [
          shell.id,
          s.organisationId,
          s.signerName,
          s.signerEmail,
          s.signerTitle,
          s.method,
          createdAt,
          s.signedOn,
          s.signedOn ? momentOf(dice, s.signedOn) : null,
          1,
        ]);
  }
}

/** The association's diarienummer counters (registry_counters). */
export function writeRegistryCounters(
  writer: BulkWriter,
  associationId: string,
  counters: Map<number, number>,
) {
  for (const [year, last] of counters) writer.add(T.registryCounters, [associationId, year, last]);
}
