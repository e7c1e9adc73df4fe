// Tables 6 (Insatser med individinriktning), 7 (Avslutningsanledningar), "Deltagarnas bakgrund"
// and 8 (Antal deltagare): built only from the participant register's statistics
// (register/aggregates.ts registerStatistics), which have passed disclosure control. Nothing
// here ever sees a participant or a raw count.
//
// ONE STATISTICS PER GROUP. Table 6 groups the individual initiatives into förrehabiliterande
// and mot arbete/studier, each with its total, then the total of both. The register protects
// the figures of a set of initiatives and their total as one linked whole, so each group is
// asked for on its own (registerStatistics with the group's initiatives): each group's rows and
// its total are then protected together, and no hidden figure of a group can be worked out from
// the group's own total. The two groups hold different enrollments, so what one publishes says
// nothing about the other's.
//
// THE TOTALS OF BOTH GROUPS (table 6's last row, table 7, the background, table 8's total, the
// summary) are sums of what the groups publish, never new counts: a sum is shown when all its
// parts are shown; when every part but one is a shown 0, it is that part (with its mark); else
// it is left out ("..", StatisticsCell "left_out"). A share of both groups is computed from
// shown counts only (disclosure.ts protectShare, with its rules on small denominators,
// numerators and remainders), or left out. So the report shows nothing that cannot be worked
// out from the two groups' published figures, and those are protected by the register.
//
// One identity the register's tables do not state is used here: the participants enrolled in
// the period are exactly those who exited in it and those still ongoing at its end. So the
// number enrolled in the period is shown only when both of those totals are shown, as their sum
// (the register may hide its own count, which the two would give away anyway); otherwise it is
// left out, as it would give a hidden one away.

import { registerFiguresSv } from "../platform/i18n/messages/register-figures.sv.ts";
import type {
  IndividualStatistics,
  RegisterStatistics,
  StatisticsCell,
  StatisticsShare,
} from "../register/aggregates.ts";
import {
  type DisclosureOptions,
  formatProtected,
  type ProtectedCell,
  protectCount,
  protectShare,
} from "../register/disclosure.ts";
import { auditParticipantSections } from "./audit.ts";
import type { InitiativeFacts } from "./initiatives.ts";
import type {
  BackgroundShare,
  ExitReasonRow,
  FollowUpReport,
  IndividualGroup,
  IndividualRow,
  ParticipantsRow,
  PersonCount,
  PersonShare,
} from "./model.ts";
import { daysInclusive, minDate } from "./period.ts";

export type GroupKind = IndividualGroup["kind"];

/** A background share's label, as the register's statistics name it. */
export const shareLabel = (key: string): string =>
  (registerFiguresSv as Record<string, string>)[`registerFigures.share.${key}.label`] ?? key;

export const GROUP_LABELS: Record<GroupKind, { group: string; total: string }> = {
  forrehabiliterande: {
    group: "Förrehabiliterande insatser",
    total: "Summa förrehabiliterande",
  },
  mot_arbete_studier: {
    group: "Insatser mot arbete eller studier",
    total: "Summa mot arbete eller studier",
  },
};

export const TOTAL_LABEL = "Totalt";

/** The statistics of one group: its own registerStatistics, over its initiatives only. */
export interface GroupStatistics {
  kind: GroupKind;
  stats: RegisterStatistics;
}

type Gender = "kvinnor" | "man" | "totalt";

/** A figure of one initiative's (or a group's) statistics: table, row, gender. */
type Ref = readonly [table: string, row: string, gender: Gender];

const F = {
  whole: ["deltagare", "hela_insatstiden", "totalt"],
  exitedWhole: ["deltagare", "avslutade_hela_insatstiden", "totalt"],
  ongoing: ["deltagare", "pagaende_vid_periodens_slut", "totalt"],
  exited: ["deltagare", "avslutade_under_perioden", "totalt"],
  enrolled: ["deltagare", "inskrivna_under_perioden", "totalt"],
  toWorkWomen: ["avslut", "till_arbete_och_eller_studier", "kvinnor"],
  toWorkMen: ["avslut", "till_arbete_och_eller_studier", "man"],
  toWork: ["avslut", "till_arbete_och_eller_studier", "totalt"],
  actionPlan: ["avslut", "med_handlingsplan", "totalt"],
} as const satisfies Record<string, Ref>;

/** Table 7's rows: the report's key, the register's figure, the label. */
export const EXIT_REASONS: ReadonlyArray<{
  key: ExitReasonRow["key"];
  figure: string;
  label: string;
  partOf: string | null;
}> = [
  {
    key: "arbete_ej_subventionerat",
    figure: "arbete_ej_subventionerat",
    label: "Arbete, ej subventionerat",
    partOf: null,
  },
  {
    key: "subventionerat_arbete",
    figure: "arbete_subventionerat",
    label: "Subventionerat arbete",
    partOf: null,
  },
  { key: "eget_foretag", figure: "eget_foretag", label: "Eget företag", partOf: null },
  { key: "studier", figure: "studier_utan_arbete", label: "Studier (ej arbete)", partOf: null },
  {
    key: "bade_arbete_och_studier",
    figure: "bade_arbete_och_studier",
    label: "varav både arbete och studier",
    partOf: "arbete",
  },
  { key: "arbetssokande", figure: "arbetssokande", label: "Arbetssökande", partOf: null },
  { key: "ovriga_avslutade", figure: "ovriga_avslutade", label: "Övriga avslutade", partOf: null },
];

/** The background shares (domain/follow-up.md "Deltagarnas bakgrund"): numerator, denominator. */
export const BACKGROUND_SHARES: ReadonlyArray<{ key: string; numerator: Ref; denominator: Ref }> = [
  {
    key: "andel_kvinnor",
    numerator: ["deltagare", "inskrivna_under_perioden", "kvinnor"],
    denominator: F.enrolled,
  },
  {
    key: "andel_man",
    numerator: ["deltagare", "inskrivna_under_perioden", "man"],
    denominator: F.enrolled,
  },
  {
    key: "andel_under_30",
    numerator: ["alder", "alder.under_30", "totalt"],
    denominator: F.enrolled,
  },
  {
    key: "andel_offentlig_forsorjning_mer_an_3_ar",
    numerator: ["tid_offentlig_forsorjning", "tid.mer_an_3_ar", "totalt"],
    denominator: F.enrolled,
  },
  {
    key: "andel_kvinnor_offentlig_forsorjning_mer_an_3_ar",
    numerator: ["tid_offentlig_forsorjning", "tid.mer_an_3_ar", "kvinnor"],
    denominator: ["tid_offentlig_forsorjning", "tid.mer_an_3_ar", "totalt"],
  },
  {
    key: "andel_forgymnasial",
    numerator: ["utbildning", "utbildning.forgymnasial", "totalt"],
    denominator: F.enrolled,
  },
  {
    key: "andel_kvinnor_forgymnasial",
    numerator: ["utbildning", "utbildning.forgymnasial", "kvinnor"],
    denominator: ["utbildning", "utbildning.forgymnasial", "totalt"],
  },
  {
    key: "andel_eftergymnasial",
    numerator: ["isced", "isced.5_8", "totalt"],
    denominator: F.enrolled,
  },
  {
    key: "andel_utbildning_okand",
    numerator: ["isced", "isced.okand", "totalt"],
    denominator: F.enrolled,
  },
];

/** A figure of the statistics of one initiative or of a group. */
export function cellOf(s: IndividualStatistics, [table, row, gender]: Ref): StatisticsCell {
  const found = s.tables.find((t) => t.key === table)?.rows.find((r) => r.key === row);
  if (!found) throw new Error(`registrets statistik saknar ${table}/${row}`);
  return found[gender];
}

export function shareOf(s: IndividualStatistics, key: string): StatisticsShare {
  const found = s.shares.find((x) => x.key === key);
  if (!found) throw new Error(`registrets statistik saknar andelen ${key}`);
  return found;
}

const isZero = (c: StatisticsCell) => "value" in c && c.value === 0;

/**
 * The sum of published figures: shown when every part is; when every part but one is a shown 0,
 * that part as it is; otherwise left out.
 */
export function sumCells(parts: readonly StatisticsCell[], threshold: number): StatisticsCell {
  let total = 0;
  for (const [i, p] of parts.entries()) {
    if (!("value" in p)) {
      const others = parts.filter((_, j) => j !== i);
      return others.every(isZero) ? p : { suppressed: "left_out", threshold };
    }
    total += p.value;
  }
  return { value: total };
}

/**
 * A share of both groups from each group's numerator and denominator (and its own share):
 * protectShare of the sums when all four counts are shown; the one group's share when the other
 * group has none in the denominator (shown 0); otherwise left out.
 */
export function sumShare(
  parts: ReadonlyArray<{
    numerator: StatisticsCell;
    denominator: StatisticsCell;
    share: PersonShare;
  }>,
  options: Required<DisclosureOptions>,
): PersonShare {
  const counted = parts.filter((p) => !isZero(p.denominator));
  if (counted.length === 1 && counted[0]) return counted[0].share;
  let n = 0;
  let d = 0;
  for (const p of parts) {
    if (!("value" in p.numerator) || !("value" in p.denominator))
      return { suppressed: "left_out", threshold: options.threshold };
    n += p.numerator.value;
    d += p.denominator.value;
  }
  return protectShare(n, d, options).share;
}

function rowOf(
  s: IndividualStatistics,
  label: string,
  initiative: { id: string; name: string } | null,
): IndividualRow {
  return {
    initiative,
    label,
    wholeTime: cellOf(s, F.whole),
    exitedWholeTime: cellOf(s, F.exitedWhole),
    exitedInPeriod: cellOf(s, F.exited),
    womenToWorkOrStudies: cellOf(s, F.toWorkWomen),
    menToWorkOrStudies: cellOf(s, F.toWorkMen),
    shareToWorkOrStudies: shareOf(s, "andel_till_arbete_och_eller_studier").share,
    shareWithActionPlan: shareOf(s, "andel_med_handlingsplan").share,
    ongoing: cellOf(s, F.ongoing),
  };
}

export interface ParticipantSections {
  individual: FollowUpReport["individual"];
  exitReasons: ExitReasonRow[];
  participantBackground: FollowUpReport["participantBackground"];
  participants: FollowUpReport["participants"];
}

export interface ParticipantInputs {
  groups: readonly GroupStatistics[];
  /** The individual initiatives active in the period, in the report's order. */
  initiatives: readonly InitiativeFacts[];
  period: { from: string; to: string };
  previous: FollowUpReport | null;
  options: Required<DisclosureOptions>;
  /**
   * False leaves out the audit of the report as a whole (audit.ts) — only for the tests that
   * show what the audit is for. Every report is audited.
   */
  audit?: boolean;
}

/** Share of the pro-rata expected number below which an initiative is behind its target. */
export const BEHIND_TARGET_SHARE = 0.8;

/** Tables 6, 7, the background and table 8 from the groups' statistics. */
export function participantSections(input: ParticipantInputs): ParticipantSections {
  const { options } = input;
  const t = options.threshold;
  const byId = new Map<string, IndividualStatistics>();
  for (const g of input.groups)
    for (const s of g.stats.individual) if (s.initiative) byId.set(s.initiative.id, s);
  const totals = input.groups.flatMap((g) =>
    g.stats.individualTotal ? [{ kind: g.kind, stats: g.stats.individualTotal }] : [],
  );

  // Table 6
  const groups: IndividualGroup[] = [];
  for (const kind of ["forrehabiliterande", "mot_arbete_studier"] as const) {
    const total = totals.find((x) => x.kind === kind);
    if (!total) continue;
    const rows = input.initiatives.flatMap((i) => {
      const s = byId.get(i.id);
      return s && (i.preRehabilitation ? "forrehabiliterande" : "mot_arbete_studier") === kind
        ? [rowOf(s, i.name, { id: i.id, name: i.name })]
        : [];
    });
    groups.push({
      kind,
      label: GROUP_LABELS[kind].group,
      rows,
      total: rowOf(total.stats, GROUP_LABELS[kind].total, null),
    });
  }
  // with no individual initiative at all, every total is a true 0 (shown only if zeros may be)
  const sumOf = (ref: Ref) =>
    totals.length
      ? sumCells(
          totals.map((x) => cellOf(x.stats, ref)),
          t,
        )
      : protectCount(0, options);
  const shareParts = (numerator: Ref, denominator: Ref, key: string) =>
    totals.map((x) => ({
      numerator: cellOf(x.stats, numerator),
      denominator: cellOf(x.stats, denominator),
      share: shareOf(x.stats, key).share as PersonShare,
    }));
  const grandTotal: IndividualRow = {
    initiative: null,
    label: TOTAL_LABEL,
    wholeTime: sumOf(F.whole),
    exitedWholeTime: sumOf(F.exitedWhole),
    exitedInPeriod: sumOf(F.exited),
    womenToWorkOrStudies: sumOf(F.toWorkWomen),
    menToWorkOrStudies: sumOf(F.toWorkMen),
    shareToWorkOrStudies: sumShare(
      shareParts(F.toWork, F.exited, "andel_till_arbete_och_eller_studier"),
      options,
    ),
    shareWithActionPlan: sumShare(
      shareParts(F.actionPlan, F.exited, "andel_med_handlingsplan"),
      options,
    ),
    ongoing: sumOf(F.ongoing),
  };

  // Table 7
  const exitReasons: ExitReasonRow[] = EXIT_REASONS.map((r) => ({
    key: r.key,
    label: r.label,
    partOf: r.partOf,
    women: sumOf(["avslut", r.figure, "kvinnor"]),
    men: sumOf(["avslut", r.figure, "man"]),
    total: sumOf(["avslut", r.figure, "totalt"]),
  }));

  // Deltagarnas bakgrund
  const ongoing = grandTotal.ongoing;
  const exited = grandTotal.exitedInPeriod;
  // enrolled in the period = exited in it + ongoing at its end: shown exactly when both are
  // (it is then their sum, whatever the register did with its own count), else left out
  const enrolledInPeriod: PersonCount = !totals.length
    ? protectCount(0, options)
    : "value" in ongoing && "value" in exited
      ? { value: ongoing.value + exited.value }
      : { suppressed: "left_out", threshold: t };
  const shares: BackgroundShare[] = BACKGROUND_SHARES.map((spec) => ({
    key: spec.key,
    label: shareLabel(spec.key),
    share: sumShare(shareParts(spec.numerator, spec.denominator, spec.key), options),
  }));

  const sections: ParticipantSections = {
    individual: { groups, total: grandTotal },
    exitReasons,
    participantBackground: { enrolledInPeriod, shares },
    participants: {
      rows: [],
      total: { wholeTime: grandTotal.wholeTime, change: null, changeNegative: false },
      behindTargetText: null,
    },
  };
  // the report as a whole: leave out what would let a hidden figure be worked out
  if (input.audit !== false) auditParticipantSections(sections, t, options.allowTrueZero);
  sections.participants = table8(input, sections.individual);
  return sections;
}

/** Table 8 from table 6 as published: whole time, the change, the expected number. */
function table8(
  input: ParticipantInputs,
  individual: FollowUpReport["individual"],
): FollowUpReport["participants"] {
  const { options, period } = input;
  const t = options.threshold;
  const rowOf = new Map(
    individual.groups.flatMap((g) => g.rows).map((r) => [r.initiative?.id ?? "", r]),
  );
  const previousRows = new Map(
    (input.previous?.participants.rows ?? []).map((r) => [r.id, r.wholeTime]),
  );
  const behind: Array<{ initiative: InitiativeFacts } & BehindTarget> = [];
  const rows: ParticipantsRow[] = input.initiatives.flatMap((i) => {
    const row = rowOf.get(i.id);
    if (!row) return [];
    const { change, changeNegative } = changeOf(
      row.wholeTime,
      input.previous ? previousRows.get(i.id) : undefined,
      options,
    );
    const b = behindTarget(i, row.wholeTime, row.ongoing, period, t);
    if (b.behind) behind.push({ initiative: i, ...b });
    return [
      {
        id: i.id,
        name: i.name,
        wholeTime: row.wholeTime,
        change,
        changeNegative,
        expected:
          i.expectedParticipants === null
            ? null
            : { count: i.expectedParticipants, ongoing: i.expectedParticipantsOngoing },
        behindTarget: b.behind,
      },
    ];
  });
  const total = changeOf(
    individual.total.wholeTime,
    input.previous ? input.previous.participants.total.wholeTime : undefined,
    options,
  );
  return {
    rows,
    total: {
      wholeTime: individual.total.wholeTime,
      change: total.change,
      changeNegative: total.changeNegative,
    },
    behindTargetText: behind.length ? behindText(behind) : null,
  };
}

/**
 * The change in participants (whole time) since the previous locked follow-up: a count of
 * people, so it passes disclosure control (no 1..threshold−1 shown); when either side is not
 * shown, neither is the change. Null when there is nothing to compare with.
 */
export function changeOf(
  now: PersonCount,
  before: PersonCount | undefined,
  options: Required<DisclosureOptions>,
): { change: PersonCount | null; changeNegative: boolean } {
  if (before === undefined) return { change: null, changeNegative: false };
  if (!("value" in now) || !("value" in before))
    return {
      change: { suppressed: "left_out", threshold: options.threshold },
      changeNegative: false,
    };
  const diff = now.value - before.value;
  const cell: ProtectedCell = protectCount(Math.abs(diff), options);
  return { change: cell, changeNegative: diff < 0 && "value" in cell };
}

export interface BehindTarget {
  behind: boolean;
  /** What the figure is compared with: the pro-rata expected number, or the number at once. */
  expectedNow: number | null;
  basis: "whole" | "ongoing" | null;
  figure: PersonCount | null;
}

/**
 * Whether an initiative is behind its target for the number of participants:
 * - "N under hela insatstiden": participants whole time < 80 % of N × (the share of the
 *   planned time — start to the originally planned end — that has passed by the period's end,
 *   or by the initiative's end if it ended earlier);
 * - "N löpande" (N at any one time): participants ongoing at the period's end < 80 % of N,
 *   for an initiative still running at the period's end.
 * Judged from the published figure only: a figure shown as "< t" is behind when even t − 1 is
 * below the mark; a figure hidden otherwise is never judged (its value is not known).
 */
export function behindTarget(
  i: InitiativeFacts,
  wholeTime: PersonCount,
  ongoing: PersonCount,
  period: { from: string; to: string },
  threshold: number,
): BehindTarget {
  const none: BehindTarget = { behind: false, expectedNow: null, basis: null, figure: null };
  if (i.expectedParticipants === null || i.expectedParticipants <= 0 || !i.startDate) return none;
  let expectedNow: number;
  let figure: PersonCount;
  let basis: "whole" | "ongoing";
  if (i.expectedParticipantsOngoing) {
    if (i.endDate !== null && i.endDate <= period.to) return none;
    expectedNow = i.expectedParticipants;
    figure = ongoing;
    basis = "ongoing";
  } else {
    const plannedEnd = i.plannedEndDate ?? i.endDate;
    if (!plannedEnd) return none;
    const until = i.endDate ? minDate(period.to, i.endDate) : period.to;
    const planned = daysInclusive(i.startDate, plannedEnd);
    if (planned === 0) return none;
    const passed = Math.min(1, daysInclusive(i.startDate, until) / planned);
    expectedNow = i.expectedParticipants * passed;
    figure = wholeTime;
    basis = "whole";
  }
  const mark = BEHIND_TARGET_SHARE * expectedNow;
  const behind =
    "value" in figure
      ? figure.value < mark
      : figure.suppressed === "primary"
        ? threshold - 1 < mark
        : false;
  return { behind, expectedNow, basis, figure };
}

const formatCount = (c: PersonCount) =>
  "suppressed" in c && c.suppressed === "primary"
    ? `färre än ${c.threshold}`
    : formatProtected(c as ProtectedCell);

function behindText(list: ReadonlyArray<{ initiative: InitiativeFacts } & BehindTarget>): string {
  const parts = list.map(({ initiative, expectedNow, basis, figure }) => {
    const n = figure ? formatCount(figure) : "–";
    const expected = Math.round(expectedNow ?? 0);
    return basis === "ongoing"
      ? `${initiative.name} (${n} pågående deltagare vid periodens slut, målet är ${initiative.expectedParticipants} löpande)`
      : `${initiative.name} (${n} deltagare under insatstiden, i proportion till den planerade insatstiden väntades ${expected} vid periodens slut av ${initiative.expectedParticipants} totalt)`;
  });
  const names =
    parts.length === 1
      ? parts[0]
      : `${parts.slice(0, -1).join(", ")} och ${parts[parts.length - 1]}`;
  return `${parts.length === 1 ? "En insats ligger" : `${parts.length} insatser ligger`} efter sitt mål för antalet deltagare (färre än ${Math.round(BEHIND_TARGET_SHARE * 100)} % av det förväntade antalet): ${names}.`;
}
