// The national dataset's plan, before anything is written: the associations with their
// members, and each one's initiatives with dates, owner, partners, goals, budget and how many
// enrollments they have. A pure function of the parameters (and the seed), so the benchmark's
// figures are reproducible.
//
// SIZES. Associations differ as the real ones do (lognormal weights): a few large county-wide
// associations with a dozen municipalities and many initiatives, many small ones with two or
// three. Initiatives are split by weight (every association has at least two); enrollments by
// each individual initiative's intake weight × the months it takes in participants inside the
// window, so the total is exactly --enrollments.
//
// DATES. An initiative runs two to four years (structural ones one to three), starting on the
// first of a month between two years before the window and three months before today, so that
// it overlaps the window; some start inside it, some end inside it, and about one in fourteen of
// those that would still run ends early (avslutad i förtid, with its originally planned end).
import { allocateKronor } from "../../src/platform/money.ts";
import { luhnCheckDigit } from "../../src/register/identity.ts";
import type { Cadence } from "../../src/reports/schema.ts";
import {
  countyName,
  INDIVIDUAL_INITIATIVES,
  keyPrefixOf,
  municipalityOrganisation,
  PURPOSES,
  placeNames,
  STRUCTURAL_INITIATIVES,
  slugOf,
  TARGET_GROUPS,
} from "./names.ts";
import type { GeneratorOptions } from "./options.ts";
import {
  addDays,
  addMonths,
  type Dice,
  daysBetween,
  earlier,
  lastDayOfMonth,
  later,
  normal,
  oneOf,
  someOf,
  stream,
} from "./random.ts";

export type RegisterProfile = "arbete" | "forrehab" | "unga" | "nyanlanda";

export interface PlannedMember {
  name: string;
  orgNumber: string;
  kind: "forsakringskassan" | "arbetsformedlingen" | "region" | "kommun";
  /** The place, for municipalities ("Ekköping"); the initiatives' name prefix. */
  place: string;
  /** Folkbokföringskommun code (four digits) of a municipality; null for the others. */
  municipalityCode: string | null;
  /** Population: the key of the funding split, and how participants spread. */
  population: number;
}

export interface PlannedGoal {
  text: string;
  kind: "resultatmal" | "insatsmal" | "effektmal";
  targetNumber: number | null;
  targetPercent: number | null;
}

export interface PlannedInitiative {
  /** Index in the association's list. */
  index: number;
  name: string;
  label: string;
  keyPrefix: string;
  /** Index in the association's members: the owner (the register's data controller). */
  owner: number;
  partners: number[];
  orientation: "individual" | "structural";
  preRehabilitation: boolean;
  esf: boolean;
  profile: RegisterProfile;
  status: "pagaende" | "avslutad" | "avslutad_i_fortid";
  startDate: string;
  /** The actual end (for an ongoing one, the planned end). */
  endDate: string;
  /** Set when ended early: the end it was planned to have. */
  plannedEndDate: string | null;
  lastIntakeDate: string | null;
  targetGroup: string;
  purpose: string;
  expectedParticipants: number | null;
  expectedParticipantsOngoing: boolean;
  goals: PlannedGoal[];
  /** Local units (municipalities of a multi-municipality initiative): member indexes. */
  localUnits: number[];
  /** Granted association funds per year, whole kronor. */
  annualBudget: number;
  /** Enrollments in the register (individual initiatives); 0 for structural ones. */
  enrollments: number;
  /** Count-only participants per period, roughly (structural initiatives). */
  countOnlyScale: number;
  /** The days participants can be taken in inside the window; null when none. */
  intake: { from: string; to: string } | null;
}

export interface PlannedAssociation {
  index: number;
  slug: string;
  name: string;
  orgNumber: string;
  cadence: Cadence;
  /** Disclosure threshold when the association chose one; null: the default (5). */
  threshold: number | null;
  /** FK, AF, the region, then the municipalities. */
  members: PlannedMember[];
  initiatives: PlannedInitiative[];
  /** Initials of the office's registrar. */
  registrar: string;
}

export interface NationalPlan {
  window: { from: string; to: string };
  years: number[];
  associations: PlannedAssociation[];
}

/** Swedish county codes (the first two digits of a municipality code). */
const COUNTY_CODES = [
  "01",
  "03",
  "04",
  "05",
  "06",
  "07",
  "08",
  "09",
  "10",
  "12",
  "13",
  "14",
  "17",
  "18",
  "19",
  "20",
  "21",
  "22",
  "23",
  "24",
  "25",
] as const;

/** An organisationsnummer with a valid check digit: `prefix` (six digits) + three + check. */
function orgNumber(prefix: string, serial: number): string {
  const nine = `${prefix}${String(serial).padStart(3, "0")}`;
  return `${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`;
}

/** Whole numbers that add up to `total`, by weight, each at least `min`. */
function split(total: number, weights: readonly number[], min: number): number[] {
  const floor = min * weights.length;
  const rest = allocateKronor(
    Math.max(0, total - floor),
    weights.map((w) => Math.max(0, Math.round(w * 1000))),
  );
  return rest.map((n) => n + min);
}

const EXIT_PROFILES: readonly RegisterProfile[] = ["arbete", "unga", "nyanlanda"];

function goalsOf(dice: Dice, orientation: string, preRehabilitation: boolean): PlannedGoal[] {
  if (orientation === "structural")
    return [
      {
        text: "Gemensamma rutiner för samverkan mellan parterna tas fram och används",
        kind: "insatsmal",
        targetNumber: null,
        targetPercent: null,
      },
      {
        text: "Medarbetare hos parterna som deltar i kompetensutvecklingen",
        kind: "insatsmal",
        targetNumber: 20 + 10 * dice.int(1, 8),
        targetPercent: null,
      },
    ];
  if (preRehabilitation)
    return [
      {
        text: "Deltagare som har en handlingsplan mot arbete eller studier vid avslut",
        kind: "resultatmal",
        targetNumber: null,
        targetPercent: 80,
      },
      {
        text: "Deltagare mäts med progressionsmätning vid start och avslut",
        kind: "insatsmal",
        targetNumber: null,
        targetPercent: 50 + 10 * dice.int(0, 3),
      },
    ];
  return [
    {
      text: "Deltagare som går till arbete eller studier efter avslut",
      kind: "resultatmal",
      targetNumber: null,
      targetPercent: 30 + 5 * dice.int(0, 4),
    },
    ...(dice.chance(0.6)
      ? [
          {
            text: "Deltagare som upplever att deras arbetsförmåga har ökat",
            kind: "effektmal" as const,
            targetNumber: null,
            targetPercent: 60,
          },
        ]
      : []),
  ];
}

export function planNational(o: Omit<GeneratorOptions, "dataDir" | "reset">): NationalPlan {
  const lastYear = Number(o.today.slice(0, 4));
  const from = `${lastYear - o.years + 1}-01-01`;
  const window = { from, to: o.today };
  const years = Array.from({ length: o.years }, (_, i) => lastYear - o.years + 1 + i);
  const top = stream(o.seed, "nation");
  const places = placeNames(stream(o.seed, "places"));
  let nextPlace = 0;
  const place = () => {
    const name = places[nextPlace++ % places.length] ?? "Ekby";
    return nextPlace > places.length ? `${name} ${Math.ceil(nextPlace / places.length)}` : name;
  };

  // association weights: lognormal, like the real spread of sizes
  const weights = Array.from({ length: o.associations }, () => Math.exp(normal(top, 0, 0.6)));
  const initiativeCounts = split(o.initiatives, weights, 2);

  const associations: PlannedAssociation[] = weights.map((weight, a) => {
    const dice = stream(o.seed, "association", a);
    const county = COUNTY_CODES[a % COUNTY_CODES.length] ?? "03";
    const municipalities = Math.max(2, Math.min(13, Math.round(1 + weight * 3 + dice.next())));
    const members: PlannedMember[] = [
      {
        name: "Försäkringskassan",
        orgNumber: "202100-5521",
        kind: "forsakringskassan",
        place: "Försäkringskassan",
        municipalityCode: null,
        population: 0,
      },
      {
        name: "Arbetsförmedlingen",
        orgNumber: "202100-2114",
        kind: "arbetsformedlingen",
        place: "Arbetsförmedlingen",
        municipalityCode: null,
        population: 0,
      },
    ];
    const region = countyName(dice, a);
    members.push({
      name: `Region ${region}`,
      orgNumber: orgNumber("232100", a % 1000),
      kind: "region",
      place: "Region",
      municipalityCode: null,
      population: 0,
    });
    for (let m = 0; m < municipalities; m++) {
      const name = place();
      members.push({
        name: municipalityOrganisation(name),
        orgNumber: orgNumber("212000", m * 37 + 1),
        kind: "kommun",
        place: name,
        municipalityCode: `${county}${String(10 + ((a * 13 + m * 7) % 90)).padStart(2, "0")}`,
        population: Math.round(Math.exp(normal(dice, 10, 0.8))),
      });
    }
    const regionMember = members[2];
    if (regionMember) regionMember.population = members.reduce((sum, m) => sum + m.population, 0);
    const first = members[3]?.place ?? "Ekby";
    const second = members[4]?.place ?? "";
    const area = municipalities >= 6 ? region : municipalities === 2 ? `${first}-${second}` : first;
    const name = `Samordningsförbundet ${area}`;
    const slug = `sf${String(a + 1).padStart(2, "0")}-${slugOf(area)}`
      .slice(0, 40)
      .replace(/-$/, "");
    return {
      index: a,
      slug,
      name,
      orgNumber: orgNumber("222000", a),
      cadence: dice.chance(0.15) ? "tertial" : "quarter",
      threshold: dice.chance(0.1) ? oneOf(dice, [3, 4, 6, 10]) : null,
      members,
      initiatives: planInitiatives(window, dice, members, initiativeCounts[a] ?? 2),
      registrar: oneOf(dice, ["ML", "KA", "EJ", "SN", "PH", "AL"]),
    };
  });

  // enrollments over every individual initiative that takes in participants in the window
  const takers = associations.flatMap((a) =>
    a.initiatives
      .filter((i) => i.orientation === "individual" && i.intake !== null)
      .map((initiative) => ({ association: a.index, initiative })),
  );
  const intakeWeights = takers.map(({ association, initiative: i }) => {
    const w = stream(o.seed, "intake", association, i.index);
    const span = i.intake ? daysBetween(i.intake.from, i.intake.to) + 1 : 0;
    return Math.exp(normal(w, 0, 0.7)) * span;
  });
  const counts = takers.length ? split(o.enrollments, intakeWeights, 0) : [];
  takers.forEach(({ association, initiative }, k) => {
    const n = counts[k] ?? 0;
    initiative.enrollments = n;
    const dice = stream(o.seed, "expected", association, initiative.index);
    const months = initiative.intake
      ? daysBetween(initiative.intake.from, initiative.intake.to) / 30.4 + 1
      : 1;
    const wholeMonths =
      daysBetween(initiative.startDate, initiative.plannedEndDate ?? initiative.endDate) / 30.4;
    // some are behind their target, most about on it
    const factor = 0.85 + dice.next() * 0.45;
    if (initiative.expectedParticipantsOngoing) {
      initiative.expectedParticipants = Math.max(
        5,
        Math.round(((n / months) * 9 * factor) / 5) * 5,
      );
    } else {
      initiative.expectedParticipants = Math.max(
        10,
        Math.round(((n / months) * wholeMonths * factor) / 10) * 10,
      );
    }
  });
  return { window, years, associations };
}

function planInitiatives(
  window: { from: string; to: string },
  dice: Dice,
  members: PlannedMember[],
  count: number,
): PlannedInitiative[] {
  const municipalities = members
    .map((m, i) => ({ m, i }))
    .filter(({ m }) => m.kind === "kommun")
    .map(({ i }) => i);
  const used = new Set<string>();
  const list: PlannedInitiative[] = [];
  const earliestStart = addMonths(window.from, -24);
  const latestStart = addMonths(window.to, -3);
  const startMonths = Math.max(
    1,
    (Number(latestStart.slice(0, 4)) - Number(earliestStart.slice(0, 4))) * 12 +
      Number(latestStart.slice(5, 7)) -
      Number(earliestStart.slice(5, 7)),
  );
  for (let index = 0; index < count; index++) {
    const structural = dice.chance(0.28);
    const orientation = structural ? "structural" : "individual";
    const preRehabilitation = !structural && dice.chance(0.45);
    const [label, profile]: readonly [string, RegisterProfile] = structural
      ? [oneOf(dice, STRUCTURAL_INITIATIVES), "arbete"]
      : preRehabilitation
        ? [
            oneOf(
              dice,
              INDIVIDUAL_INITIATIVES.filter(([, p]) => p === "forrehab"),
            )[0],
            "forrehab",
          ]
        : (() => {
            const p = oneOf(dice, EXIT_PROFILES);
            return [
              oneOf(
                dice,
                INDIVIDUAL_INITIATIVES.filter(([, q]) => q === p),
              )[0],
              p,
            ] as const;
          })();
    const owner = dice.pick<number>(
      structural
        ? [
            [oneOf(dice, municipalities), 45],
            [2, 30],
            [0, 15],
            [1, 10],
          ]
        : [
            [oneOf(dice, municipalities), 65],
            [2, 20],
            [1, 8],
            [0, 7],
          ],
    );
    const ownerMember = members[owner];
    const prefix = ownerMember?.place ?? "Region";
    let name = `${prefix}, ${label}`;
    for (let n = 2; used.has(name); n++) name = `${prefix}, ${label} ${n}`;
    used.add(name);
    const others = members.map((_, i) => i).filter((i) => i !== owner);
    // the state agencies and the region are the usual partners; then a municipality or two
    const preferred = others.filter((i) => i <= 2);
    const partners = [
      ...someOf(dice, preferred, dice.int(1, preferred.length)),
      ...(dice.chance(0.3)
        ? someOf(
            dice,
            others.filter((i) => i > 2),
            1,
          )
        : []),
    ].sort((x, y) => x - y);

    // dates: overlapping the window, on the first of a month
    let startDate = "";
    let plannedEnd = "";
    for (let attempt = 0; attempt < 50; attempt++) {
      startDate = addMonths(earliestStart, dice.int(0, startMonths));
      const months = structural
        ? dice.pick([
            [12, 2],
            [24, 3],
            [36, 2],
          ] as const)
        : dice.pick([
            [24, 3],
            [36, 4],
            [48, 2],
          ] as const);
      plannedEnd = addDays(addMonths(startDate, months), -1);
      if (plannedEnd >= addMonths(window.from, 3)) break;
    }
    let endDate = plannedEnd;
    let plannedEndDate: string | null = null;
    let status: PlannedInitiative["status"] = plannedEnd <= window.to ? "avslutad" : "pagaende";
    if (dice.chance(0.07)) {
      const whole = daysBetween(startDate, plannedEnd);
      const early = lastDayOfMonth(
        addDays(startDate, Math.round(whole * (0.4 + dice.next() * 0.4))),
      );
      if (
        early >= addMonths(window.from, 2) &&
        early <= addDays(window.to, -30) &&
        early < plannedEnd
      ) {
        endDate = early;
        plannedEndDate = plannedEnd;
        status = "avslutad_i_fortid";
      }
    }
    const lastIntakeDate =
      !structural && dice.chance(0.5)
        ? later(lastDayOfMonth(addMonths(endDate, -4)), startDate)
        : null;
    const intakeFrom = later(startDate, window.from);
    const intakeTo = earlier(earlier(lastIntakeDate ?? endDate, endDate), window.to);
    const localUnits =
      !structural && owner === 2 && municipalities.length >= 3 && dice.chance(0.4)
        ? municipalities
        : [];
    const annualBudget = structural
      ? Math.round((200_000 + dice.next() * 1_300_000) / 1000) * 1000
      : Math.round((900_000 + Math.exp(normal(dice, 0, 0.45)) * 1_400_000) / 1000) * 1000;
    list.push({
      index,
      name,
      label,
      keyPrefix: `${keyPrefixOf(label)}${index + 1}`,
      owner,
      partners,
      orientation,
      preRehabilitation,
      esf: dice.chance(0.08),
      profile,
      status,
      startDate,
      endDate,
      plannedEndDate,
      lastIntakeDate,
      targetGroup: TARGET_GROUPS[structural ? "structural" : profile] ?? "",
      purpose: PURPOSES[structural ? "structural" : profile] ?? "",
      expectedParticipants: structural ? 20 + 10 * dice.int(1, 10) : null,
      expectedParticipantsOngoing: !structural && dice.chance(0.25),
      goals: goalsOf(dice, orientation, preRehabilitation),
      localUnits,
      annualBudget,
      enrollments: 0,
      countOnlyScale: structural ? Math.round(Math.exp(normal(dice, 2.5, 0.7))) : 0,
      intake: !structural && intakeFrom <= intakeTo ? { from: intakeFrom, to: intakeTo } : null,
    });
  }
  return list;
}
