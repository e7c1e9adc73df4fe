// The demo association's participant register (domain/participants.md): a few hundred fictional
// participants of the individual initiatives, January 2025 to the demo's today, and the
// count-only participation of the structural ones, quarter by quarter.
//
// STABLE. Everything is drawn from a seeded pseudo-random generator, one stream per initiative
// (seeded by its name), so every fresh demo has the same people, dates and outcomes and adding
// an initiative does not change the others'.
//
// PLAUSIBLE. Each initiative has a profile after its target group (Växtverket: psychiatric
// ill-health and sjukpenning; Lärcentrum: newly arrived with short education; Steget vidare:
// young adults with aktivitetsersättning …): gender mix, ages 18–64, education, support before
// (försörjningsstöd, sjukpenning, aktivitetsersättning …), time on support, referrer (AF, FK,
// kommun, region), exits over time with their statuses — about a third to work or studies — and a
// few felregistreringar, re-enrollments, withdrawn consents and protected identities. About
// 70 % consent and have a personnummer (a few a samordningsnummer): valid check digits, the
// birth date in the birth year, and serials in the 980–999 range as Skatteverket's test numbers
// use, so that no real person is hit. The others are registered anonymously. The access log
// has what the work would have left: registrations, action plans and exits on their days, and for
// Växtverket, whose participant officer (the demo coach) has an account, her monthly lists,
// reads, a few reveals and two refused attempts outside her initiative.
//
// FAST. The seed runs at every fresh start and in many tests. Registering row by row through
// registerParticipant and exitEnrollment (a savepoint and some fifteen statements each) took
// about 16 ms per enrollment — over 5 s for the demo's ~350 enrollments — so the rows are
// written here in a handful of batched inserts (0.3–0.5 s in all, access log included), inside
// the register zone (inRegister: its role and row-level security, scoped to the initiatives'
// owners), with the identities encrypted and hashed by the instance's register key exactly as
// the use cases store them. The demo's own test (seed-demo.test.ts) reads every stored number
// back and checks it, and that the register is exactly the plan below.
import { and, eq, inArray, sql } from "drizzle-orm";
import { memberOrganisations } from "../associations/schema.ts";
import { initiativeLocalUnits, initiatives } from "../initiatives/schema.ts";
import { roleAssignments, users } from "../people/schema.ts";
import { readConfig } from "../platform/config.ts";
import type { Db, Queryable, Tx } from "../platform/database/connect.ts";
import { createRegisterCrypto, loadRegisterKey, type RegisterCrypto } from "../register/crypto.ts";
import { luhnCheckDigit } from "../register/identity.ts";
import type {
  Background,
  ExitData,
  ExitStatusCode,
  SupportCode,
} from "../register/participants.ts";
import {
  type AccessAction,
  accessLog,
  consents,
  countOnlyParticipation,
  enrollments,
  erasures,
  type Gender,
  participants,
} from "../register/schema.ts";
import { inRegister } from "../register/zone.ts";
import { addDays, hashOf, swedishTime, workdayFrom, workdayUntil } from "./demo-time.ts";

/** The first month of the demo's register. */
export const DEMO_REGISTER_FROM = "2025-01-01";
/** The version of the consent text the demo's participants agreed to. */
const CONSENT_TEXT_VERSION = "2025:1";

// ---------------------------------------------------------------------------------------------
// A seeded pseudo-random generator (mulberry32)

export class Dice {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** One of the weighted choices. */
  pick<T>(weights: Weights<T>): T {
    const total = weights.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [value, w] of weights) {
      r -= w;
      if (r < 0) return value;
    }
    const last = weights.at(-1);
    if (!last) throw new Error("no choices");
    return last[0];
  }
}

type Weights<T> = ReadonlyArray<readonly [T, number]>;

// ---------------------------------------------------------------------------------------------
// Profiles: who the initiatives meet, and how they leave

type Education = Background["education"];
type TimeOnSupport = Background["timeOnSupport"];
type Occupation = Background["occupationBefore"];
type Referrer = Background["referrer"];

interface Profile {
  /** Share of women; about 3 % are annan, vill ej ange or uppgift saknas. */
  women: number;
  ages: readonly [number, number];
  education: Weights<Education>;
  support: Weights<SupportCode>;
  /** Försörjningsstöd as a top-up of another support. */
  topUp: number;
  timeOnSupport: Weights<TimeOnSupport>;
  occupation: Weights<Occupation>;
  referrer: Weights<Referrer>;
  bornAbroad: number;
  disability: number;
  newlyArrived: number;
  exits: Weights<ExitStatusCode>;
  /** Months in the initiative of those who finish it (work, studies, another effort …). */
  months: readonly [number, number];
  /** Share with an action plan towards work or studies. */
  actionPlan: number;
  /** Share with a samordningsnummer rather than a personnummer, among those with consent. */
  coordinationNumber: number;
  languages: Weights<string>;
}

const SWEDISH_MOSTLY: Weights<string> = [
  ["svenska", 90],
  ["engelska", 4],
  ["arabiska", 4],
  ["somaliska", 2],
];

const GENERAL: Profile = {
  women: 0.56,
  ages: [18, 64],
  education: [
    ["forgymnasial_kortare_an_9", 8],
    ["forgymnasial_9", 20],
    ["gymnasial", 42],
    ["eftergymnasial_kortare_an_3", 10],
    ["eftergymnasial_3_eller_langre", 8],
    ["saknas", 3],
    ["okand", 5],
    ["uppgift_saknas", 4],
  ],
  support: [
    ["forsorjningsstod", 32],
    ["sjukpenning", 22],
    ["aktivitetsersattning", 8],
    ["sjukersattning", 4],
    ["a_kassa", 8],
    ["aktivitetsstod", 12],
    ["etableringsersattning", 3],
    ["lon", 3],
    ["ingen", 5],
    ["uppgift_saknas", 3],
  ],
  topUp: 0.15,
  timeOnSupport: [
    ["under_1_ar", 15],
    ["1_2_ar", 22],
    ["2_3_ar", 20],
    ["mer_an_3_ar", 33],
    ["okand", 6],
    ["uppgift_saknas", 4],
  ],
  occupation: [
    ["arbetslos", 38],
    ["sjukskriven", 28],
    ["ingen_sysselsattning", 20],
    ["arbetar_delvis", 5],
    ["studerar", 4],
    ["okand", 3],
    ["uppgift_saknas", 2],
  ],
  referrer: [
    ["arbetsformedlingen", 30],
    ["forsakringskassan", 28],
    ["kommun", 30],
    ["region", 8],
    ["eget_initiativ", 3],
    ["annan", 1],
  ],
  bornAbroad: 0.3,
  disability: 0.35,
  newlyArrived: 0.05,
  exits: [
    ["arbete_ej_subventionerat", 18],
    ["arbete_subventionerat", 14],
    ["eget_foretag", 1],
    ["studier", 11],
    ["arbetssokande", 16],
    ["annan_insats", 16],
    ["sjukskriven", 10],
    ["foraldraledig", 3],
    ["flyttat", 3],
    ["avbrutit", 5],
    ["kontakt_upphort", 3],
    ["annat", 1],
  ],
  months: [5, 14],
  actionPlan: 0.75,
  coordinationNumber: 0.02,
  languages: SWEDISH_MOSTLY,
};

const PROFILES = {
  general: GENERAL,
  /** Förrehabilitering in garden work: psychiatric ill-health, long on support. */
  vaxtverket: {
    ...GENERAL,
    women: 0.62,
    ages: [22, 60],
    support: [
      ["sjukpenning", 30],
      ["aktivitetsersattning", 14],
      ["sjukersattning", 5],
      ["forsorjningsstod", 36],
      ["a_kassa", 4],
      ["ingen", 6],
      ["uppgift_saknas", 5],
    ],
    topUp: 0.2,
    timeOnSupport: [
      ["under_1_ar", 8],
      ["1_2_ar", 18],
      ["2_3_ar", 22],
      ["mer_an_3_ar", 44],
      ["okand", 5],
      ["uppgift_saknas", 3],
    ],
    occupation: [
      ["sjukskriven", 46],
      ["ingen_sysselsattning", 30],
      ["arbetslos", 14],
      ["arbetar_delvis", 5],
      ["okand", 5],
    ],
    referrer: [
      ["forsakringskassan", 36],
      ["kommun", 34],
      ["region", 20],
      ["arbetsformedlingen", 5],
      ["eget_initiativ", 5],
    ],
    bornAbroad: 0.2,
    disability: 0.55,
    newlyArrived: 0.01,
    exits: [
      ["arbete_ej_subventionerat", 9],
      ["arbete_subventionerat", 12],
      ["studier", 12],
      ["arbetssokande", 13],
      ["annan_insats", 24],
      ["sjukskriven", 15],
      ["foraldraledig", 2],
      ["flyttat", 2],
      ["avbrutit", 6],
      ["kontakt_upphort", 3],
    ],
    months: [6, 14],
    actionPlan: 0.85,
  },
  /** Studies support and digital civic orientation: newly arrived, short education. */
  larcentrum: {
    ...GENERAL,
    women: 0.55,
    ages: [19, 55],
    education: [
      ["forgymnasial_kortare_an_9", 34],
      ["forgymnasial_9", 24],
      ["gymnasial", 20],
      ["eftergymnasial_kortare_an_3", 8],
      ["eftergymnasial_3_eller_langre", 6],
      ["saknas", 4],
      ["okand", 2],
      ["uppgift_saknas", 2],
    ],
    support: [
      ["etableringsersattning", 34],
      ["forsorjningsstod", 34],
      ["aktivitetsstod", 15],
      ["a_kassa", 4],
      ["lon", 5],
      ["ingen", 5],
      ["uppgift_saknas", 3],
    ],
    timeOnSupport: [
      ["under_1_ar", 34],
      ["1_2_ar", 30],
      ["2_3_ar", 15],
      ["mer_an_3_ar", 15],
      ["okand", 6],
    ],
    occupation: [
      ["arbetslos", 55],
      ["studerar", 20],
      ["ingen_sysselsattning", 15],
      ["arbetar_delvis", 5],
      ["okand", 5],
    ],
    referrer: [
      ["arbetsformedlingen", 55],
      ["kommun", 35],
      ["eget_initiativ", 10],
    ],
    bornAbroad: 0.92,
    disability: 0.1,
    newlyArrived: 0.6,
    exits: [
      ["studier", 26],
      ["arbete_ej_subventionerat", 12],
      ["arbete_subventionerat", 10],
      ["arbetssokande", 24],
      ["annan_insats", 14],
      ["flyttat", 6],
      ["avbrutit", 4],
      ["kontakt_upphort", 4],
    ],
    months: [4, 10],
    actionPlan: 0.75,
    coordinationNumber: 0.08,
    languages: [
      ["svenska", 40],
      ["arabiska", 20],
      ["dari", 10],
      ["somaliska", 10],
      ["tigrinja", 10],
      ["engelska", 10],
    ],
  },
  /** Young adults with aktivitetsersättning. */
  stegetVidare: {
    ...GENERAL,
    women: 0.45,
    ages: [19, 29],
    education: [
      ["forgymnasial_kortare_an_9", 8],
      ["forgymnasial_9", 35],
      ["gymnasial", 40],
      ["eftergymnasial_kortare_an_3", 5],
      ["saknas", 2],
      ["okand", 5],
      ["uppgift_saknas", 5],
    ],
    support: [
      ["aktivitetsersattning", 70],
      ["forsorjningsstod", 15],
      ["sjukpenning", 5],
      ["ingen", 5],
      ["uppgift_saknas", 5],
    ],
    timeOnSupport: [
      ["under_1_ar", 10],
      ["1_2_ar", 25],
      ["2_3_ar", 25],
      ["mer_an_3_ar", 35],
      ["okand", 5],
    ],
    occupation: [
      ["ingen_sysselsattning", 50],
      ["sjukskriven", 20],
      ["arbetslos", 15],
      ["studerar", 10],
      ["okand", 5],
    ],
    referrer: [
      ["forsakringskassan", 65],
      ["kommun", 20],
      ["region", 10],
      ["eget_initiativ", 5],
    ],
    disability: 0.5,
    exits: [
      ["studier", 22],
      ["arbete_ej_subventionerat", 8],
      ["arbete_subventionerat", 13],
      ["arbetssokande", 10],
      ["annan_insats", 23],
      ["sjukskriven", 11],
      ["avbrutit", 7],
      ["kontakt_upphort", 5],
    ],
    months: [6, 16],
    actionPlan: 0.8,
  },
  /** Försörjningsstöd and sjukpenning, far from the labour market. */
  arbetsbryggan: {
    ...GENERAL,
    women: 0.5,
    ages: [25, 62],
    support: [
      ["forsorjningsstod", 50],
      ["sjukpenning", 25],
      ["a_kassa", 5],
      ["aktivitetsstod", 10],
      ["ingen", 5],
      ["uppgift_saknas", 5],
    ],
    topUp: 0.2,
    referrer: [
      ["kommun", 50],
      ["forsakringskassan", 30],
      ["arbetsformedlingen", 15],
      ["eget_initiativ", 5],
    ],
    exits: [
      ["arbete_ej_subventionerat", 15],
      ["arbete_subventionerat", 15],
      ["eget_foretag", 1],
      ["studier", 6],
      ["arbetssokande", 20],
      ["annan_insats", 18],
      ["sjukskriven", 12],
      ["avbrutit", 7],
      ["kontakt_upphort", 6],
    ],
  },
  /** Young people neither working nor studying. */
  ungaIFokus: {
    ...GENERAL,
    women: 0.48,
    ages: [18, 24],
    education: [
      ["forgymnasial_9", 45],
      ["gymnasial", 40],
      ["forgymnasial_kortare_an_9", 5],
      ["okand", 5],
      ["uppgift_saknas", 5],
    ],
    support: [
      ["forsorjningsstod", 35],
      ["aktivitetsstod", 25],
      ["aktivitetsersattning", 10],
      ["ingen", 25],
      ["uppgift_saknas", 5],
    ],
    timeOnSupport: [
      ["under_1_ar", 45],
      ["1_2_ar", 30],
      ["2_3_ar", 10],
      ["mer_an_3_ar", 5],
      ["okand", 10],
    ],
    occupation: [
      ["ingen_sysselsattning", 55],
      ["arbetslos", 35],
      ["okand", 10],
    ],
    referrer: [
      ["kommun", 50],
      ["arbetsformedlingen", 35],
      ["eget_initiativ", 15],
    ],
    disability: 0.25,
    exits: [
      ["studier", 35],
      ["arbete_ej_subventionerat", 12],
      ["arbete_subventionerat", 6],
      ["arbetssokande", 15],
      ["annan_insats", 12],
      ["avbrutit", 10],
      ["kontakt_upphort", 8],
      ["flyttat", 2],
    ],
    months: [3, 10],
  },
  /** Individual Placement and Support: psychiatric disability, towards ordinary work. */
  ips: {
    ...GENERAL,
    women: 0.55,
    ages: [20, 60],
    support: [
      ["sjukersattning", 20],
      ["aktivitetsersattning", 20],
      ["sjukpenning", 25],
      ["forsorjningsstod", 30],
      ["ingen", 5],
    ],
    occupation: [
      ["sjukskriven", 45],
      ["ingen_sysselsattning", 40],
      ["arbetar_delvis", 10],
      ["okand", 5],
    ],
    referrer: [
      ["region", 70],
      ["forsakringskassan", 15],
      ["kommun", 15],
    ],
    disability: 0.9,
    exits: [
      ["arbete_ej_subventionerat", 30],
      ["arbete_subventionerat", 12],
      ["studier", 5],
      ["arbetssokande", 5],
      ["annan_insats", 20],
      ["sjukskriven", 15],
      ["avbrutit", 8],
      ["kontakt_upphort", 5],
    ],
    months: [8, 18],
  },
  /** Försörjningsstöd for more than two years. */
  jobbspar: {
    ...GENERAL,
    women: 0.52,
    ages: [25, 62],
    support: [
      ["forsorjningsstod", 85],
      ["a_kassa", 5],
      ["aktivitetsstod", 10],
    ],
    topUp: 0,
    timeOnSupport: [
      ["2_3_ar", 40],
      ["mer_an_3_ar", 55],
      ["okand", 5],
    ],
    referrer: [
      ["kommun", 80],
      ["arbetsformedlingen", 20],
    ],
    exits: [
      ["arbete_ej_subventionerat", 16],
      ["arbete_subventionerat", 14],
      ["studier", 5],
      ["arbetssokande", 30],
      ["annan_insats", 20],
      ["avbrutit", 8],
      ["kontakt_upphort", 7],
    ],
  },
  /** Young adults with substance abuse. */
  vagenUt: {
    ...GENERAL,
    women: 0.35,
    ages: [19, 29],
    exits: [
      ["arbete_ej_subventionerat", 6],
      ["arbete_subventionerat", 6],
      ["studier", 6],
      ["arbetssokande", 6],
      ["annan_insats", 30],
      ["sjukskriven", 16],
      ["avbrutit", 18],
      ["kontakt_upphort", 12],
    ],
    months: [3, 10],
  },
} satisfies Record<string, Profile>;

type ProfileKey = keyof typeof PROFILES;

interface InitiativePlan {
  /** Intake per month on average. */
  perMonth: number;
  /** The prefix of the initiative's own participant ids (deltagar_id). */
  keyPrefix: string;
  profile: ProfileKey;
  /** Folkbokföringskommun of those not enrolled through a local unit. */
  municipality: string | null;
}

/** The individual demo initiatives, by name; any other gets DEFAULT_PLAN. */
const PLANS: Record<string, InitiativePlan> = {
  "Tierp, Växtverket": {
    perMonth: 2,
    keyPrefix: "VXT",
    profile: "vaxtverket",
    municipality: "0360",
  },
  "Uppsala, Lärcentrum digitalt": {
    perMonth: 6,
    keyPrefix: "LCD",
    profile: "larcentrum",
    municipality: "0380",
  },
  "Enköping, Steget vidare": {
    perMonth: 1.6,
    keyPrefix: "SV",
    profile: "stegetVidare",
    municipality: "0381",
  },
  "Östhammar, Arbetsbryggan": {
    perMonth: 1.5,
    keyPrefix: "AB",
    profile: "arbetsbryggan",
    municipality: "0382",
  },
  "Knivsta, Unga i fokus": {
    perMonth: 1.2,
    keyPrefix: "UIF",
    profile: "ungaIFokus",
    municipality: "0330",
  },
  "Heby, IPS – individanpassat stöd till arbete": {
    perMonth: 0.8,
    keyPrefix: "IPS",
    profile: "ips",
    municipality: "0331",
  },
  "Uppsala, Jobbspår": {
    perMonth: 1.6,
    keyPrefix: "JS",
    profile: "jobbspar",
    municipality: "0380",
  },
  "Heby, Vägen ut": { perMonth: 0.9, keyPrefix: "VU", profile: "vagenUt", municipality: "0331" },
  "Region, Länsgemensam ESF-insats Vidare": {
    perMonth: 10,
    keyPrefix: "VID",
    profile: "general",
    municipality: null,
  },
};
const DEFAULT_PLAN: InitiativePlan = {
  perMonth: 1,
  keyPrefix: "D",
  profile: "general",
  municipality: null,
};

/** The local units of the demo's multi-municipality initiative, by name: their municipality. */
const MUNICIPALITY_OF_UNIT: Record<string, string> = {
  Uppsala: "0380",
  Enköping: "0381",
  Tierp: "0360",
  Östhammar: "0382",
  Knivsta: "0330",
  Heby: "0331",
};

/** Count-only participation per quarter: women, men and others, [min, max]. */
type Range = readonly [number, number];
const COUNT_ONLY: Record<string, { women: Range; men: Range; others: Range }> = {
  "Region, Samverkansteam psykiatri": { women: [10, 22], men: [3, 9], others: [0, 1] },
  "Uppsala, Kompetenslyft samverkan": { women: [25, 45], men: [8, 18], others: [0, 2] },
  "Knivsta, Föreningsbron": { women: [2, 6], men: [1, 5], others: [0, 0] },
};
const DEFAULT_COUNT_ONLY: { women: Range; men: Range; others: Range } = {
  women: [3, 12],
  men: [2, 8],
  others: [0, 1],
};

// ---------------------------------------------------------------------------------------------
// The plan: what the register will hold, before ids and encryption

export interface DemoInitiative {
  id: string;
  name: string;
  orientation: "individual" | "structural";
  ownerId: string;
  startDate: string;
  endDate: string | null;
  lastIntakeDate: string | null;
  localUnits: ReadonlyArray<{ id: string; name: string; expectedParticipants: number | null }>;
}

export interface PlannedPerson {
  /** Index in `persons`. */
  index: number;
  dataControllerId: string;
  gender: Gender;
  birthYear: number;
  /** Twelve digits, ÅÅÅÅMMDDNNNN; null when anonymous. */
  canonical: string | null;
  kind: "personnummer" | "samordningsnummer" | null;
  protectedIdentity: boolean;
  /** Withdrew consent on this day: the identity is erased, the statistics stay. */
  withdrawnOn: string | null;
}

export interface PlannedEnrollment {
  person: number;
  initiativeId: string;
  dataControllerId: string;
  localUnitId: string | null;
  externalKey: string;
  startDate: string;
  actionPlanDate: string | null;
  municipalityCode: string | null;
  background: Background;
  endDate: string | null;
  exit: ExitData | null;
  voided: boolean;
  /** Consent for this initiative: the date and language (null: registered anonymously). */
  consent: { on: string; language: string } | null;
}

export interface PlannedCount {
  initiativeId: string;
  dataControllerId: string;
  periodKey: string;
  women: number;
  men: number;
  others: number;
}

export interface DemoRegisterPlan {
  persons: PlannedPerson[];
  enrollments: PlannedEnrollment[];
  counts: PlannedCount[];
}

const monthStarts = (from: string, to: string): string[] => {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  while (`${year}-${String(month).padStart(2, "0")}-01` <= to) {
    months.push(`${year}-${String(month).padStart(2, "0")}-01`);
    month++;
    if (month === 13) {
      month = 1;
      year++;
    }
  }
  return months;
};

const lastDayOfMonth = (monthStart: string): string => {
  const d = new Date(`${monthStart}T12:00:00Z`);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
};

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

/** A valid personnummer or samordningsnummer (canonical), serial 980–999, unique in `taken`. */
function identityNumber(
  dice: Dice,
  birthYear: number,
  gender: Gender,
  coordination: boolean,
  taken: Set<string>,
): string {
  for (;;) {
    const dayOfYear = dice.int(0, 364);
    const birth = new Date(Date.UTC(birthYear, 0, 1 + dayOfYear));
    const mm = String(birth.getUTCMonth() + 1).padStart(2, "0");
    const day = birth.getUTCDate() + (coordination ? 60 : 0);
    const dd = String(day).padStart(2, "0");
    // the third serial digit is the legal sex: even for women, odd for men
    const sexDigit =
      gender === "kvinna"
        ? dice.int(0, 4) * 2
        : gender === "man"
          ? dice.int(0, 4) * 2 + 1
          : dice.int(0, 9);
    const serial = `9${dice.int(8, 9)}${sexDigit}`;
    const nine = `${String(birthYear).slice(2)}${mm}${dd}${serial}`;
    const canonical = `${birthYear}${mm}${dd}${serial}${luhnCheckDigit(nine)}`;
    if (!taken.has(canonical)) {
      taken.add(canonical);
      return canonical;
    }
  }
}

function genderOf(dice: Dice, women: number): Gender {
  return dice.pick<Gender>([
    ["kvinna", women],
    ["man", 0.97 - women],
    ["annan", 0.01],
    ["vill_ej_ange", 0.01],
    ["uppgift_saknas", 0.01],
  ]);
}

function backgroundOf(dice: Dice, p: Profile): Background {
  const first = dice.pick(p.support);
  const supportBefore: SupportCode[] = [first];
  if (
    first !== "ingen" &&
    first !== "uppgift_saknas" &&
    first !== "forsorjningsstod" &&
    dice.chance(p.topUp)
  )
    supportBefore.push("forsorjningsstod");
  const flag = (share: number) => (dice.chance(0.12) ? null : dice.chance(share));
  return {
    education: dice.pick(p.education),
    supportBefore,
    timeOnSupport: first === "ingen" ? "okand" : dice.pick(p.timeOnSupport),
    occupationBefore: dice.pick(p.occupation),
    referrer: dice.pick(p.referrer),
    bornAbroad: flag(p.bornAbroad),
    disability: flag(p.disability),
    newlyArrived: flag(p.newlyArrived),
  };
}

const WORK: readonly ExitStatusCode[] = [
  "arbete_ej_subventionerat",
  "arbete_subventionerat",
  "eget_foretag",
];
/** Exits that usually come early: the person stops coming, moves or breaks off. */
const EARLY: readonly ExitStatusCode[] = ["avbrutit", "kontakt_upphort", "flyttat"];

function exitOf(
  dice: Dice,
  status: ExitStatusCode,
  before: readonly SupportCode[],
  actionPlan: boolean,
): ExitData {
  const working = WORK.includes(status);
  const studies = status === "studier" || (working && dice.chance(0.12));
  let supportAfter: SupportCode[];
  if (working) supportAfter = dice.chance(0.1) ? ["lon", "forsorjningsstod"] : ["lon"];
  else if (status === "studier") supportAfter = ["studiemedel"];
  else if (status === "arbetssokande")
    supportAfter = [
      dice.pick<SupportCode>([
        ["aktivitetsstod", 45],
        ["a_kassa", 20],
        ["forsorjningsstod", 35],
      ]),
    ];
  else if (status === "sjukskriven") supportAfter = ["sjukpenning"];
  else if (status === "foraldraledig") supportAfter = ["annan"];
  else if (EARLY.includes(status)) supportAfter = ["uppgift_saknas"];
  else supportAfter = [...before];
  return {
    status,
    studies,
    extent: working ? (dice.chance(0.35) ? "heltid" : "deltid") : null,
    supportAfter,
    actionPlanAtExit: actionPlan,
  };
}

/** What the register holds: a pure function of the initiatives and the demo's today. */
export function planDemoRegister(list: readonly DemoInitiative[], today: string): DemoRegisterPlan {
  const persons: PlannedPerson[] = [];
  const planned: PlannedEnrollment[] = [];
  const counts: PlannedCount[] = [];
  const taken = new Set<string>();
  const byName = [...list].sort((a, b) => a.name.localeCompare(b.name, "sv"));

  for (const initiative of byName.filter((i) => i.orientation === "individual")) {
    const plan = PLANS[initiative.name] ?? {
      ...DEFAULT_PLAN,
      keyPrefix: initiative.name
        .replace(/^[^,]*,\s*/, "")
        .split(/\s+/)
        .map((w) => w.charAt(0).toUpperCase())
        .join("")
        .replace(/[^A-ZÅÄÖ]/g, ""),
    };
    const profile: Profile = PROFILES[plan.profile];
    const dice = new Dice(hashOf(`deltagare:${initiative.name}`));
    const intakeEnd = earlier(
      earlier(
        initiative.lastIntakeDate ?? initiative.endDate ?? today,
        initiative.endDate ?? today,
      ),
      today,
    );
    const intakeStart = later(initiative.startDate, DEMO_REGISTER_FROM);
    if (intakeStart > intakeEnd) continue;
    // participants leave by the initiative's end at the latest
    const horizon = earlier(initiative.endDate ?? today, today);
    const units = initiative.localUnits;
    let number = 0;

    for (const month of monthStarts(`${intakeStart.slice(0, 8)}01`, intakeEnd)) {
      const first = later(month, intakeStart);
      const last = earlier(lastDayOfMonth(month), intakeEnd);
      const days = Math.round(
        (Date.parse(`${last}T12:00:00Z`) - Date.parse(`${first}T12:00:00Z`)) / 86_400_000,
      );
      // intake varies from month to month, and summer is slow
      const summer = month.slice(5, 7) === "07" ? 0.4 : 1;
      const expected = plan.perMonth * summer * ((days + 1) / 30.4) * (0.6 + 0.8 * dice.next());
      const intake = Math.floor(expected) + (dice.chance(expected % 1) ? 1 : 0);

      for (let k = 0; k < intake; k++) {
        const startDate = workdayFrom(addDays(first, dice.int(0, days)));
        if (startDate > last) continue;
        number++;
        const gender = genderOf(dice, profile.women);
        const age = Math.round(
          profile.ages[0] + ((dice.next() + dice.next()) / 2) * (profile.ages[1] - profile.ages[0]),
        );
        const birthYear = Number(startDate.slice(0, 4)) - age;
        const consentGiven = dice.chance(0.7);
        const protectedIdentity = !consentGiven && dice.chance(0.05);
        const coordination = dice.chance(profile.coordinationNumber);
        const canonical = consentGiven
          ? identityNumber(dice, birthYear, gender, coordination, taken)
          : null;
        const person: PlannedPerson = {
          index: persons.length,
          dataControllerId: initiative.ownerId,
          gender,
          birthYear,
          canonical,
          kind: canonical ? (coordination ? "samordningsnummer" : "personnummer") : null,
          protectedIdentity,
          withdrawnOn: null,
        };
        persons.push(person);

        const unit =
          units.length > 0
            ? dice.pick(units.map((u) => [u, u.expectedParticipants ?? 1] as const))
            : null;
        const background = backgroundOf(dice, profile);
        const felregistrering = dice.chance(0.015);
        const status = dice.pick(profile.exits);
        const [minMonths, maxMonths] = EARLY.includes(status) ? [1, 4] : profile.months;
        const stay = Math.round((minMonths + dice.next() * (maxMonths - minMonths)) * 30.4);
        let endDate: string | null = felregistrering
          ? startDate
          : later(workdayUntil(addDays(startDate, stay)), startDate);
        // still enrolled today, unless the initiative has ended: then everyone left by its end
        let closedWithInitiative = false;
        if (endDate > horizon) {
          closedWithInitiative = horizon < today;
          endDate = closedWithInitiative ? later(workdayUntil(horizon), startDate) : null;
        }
        const planDay = workdayFrom(addDays(startDate, dice.int(10, 60)));
        const actionPlanDate =
          !felregistrering &&
          dice.chance(profile.actionPlan) &&
          planDay <= today &&
          (endDate === null || planDay <= endDate)
            ? planDay
            : null;
        planned.push({
          person: person.index,
          initiativeId: initiative.id,
          dataControllerId: initiative.ownerId,
          localUnitId: unit?.id ?? null,
          externalKey: `${plan.keyPrefix}-${startDate.slice(0, 4)}-${String(number).padStart(3, "0")}`,
          startDate,
          actionPlanDate,
          municipalityCode: unit ? (MUNICIPALITY_OF_UNIT[unit.name] ?? null) : plan.municipality,
          background,
          endDate,
          exit:
            endDate === null
              ? null
              : felregistrering
                ? {
                    status: "felregistrering",
                    studies: false,
                    extent: null,
                    supportAfter: [],
                    actionPlanAtExit: null,
                  }
                : exitOf(
                    dice,
                    // those who were still there when the initiative closed left for what they had
                    closedWithInitiative && dice.chance(0.25) ? "annan_insats" : status,
                    background.supportBefore,
                    actionPlanDate !== null,
                  ),
          voided: felregistrering,
          consent: canonical
            ? {
                // on the first meeting, or at the start itself
                on: workdayUntil(addDays(startDate, -dice.int(0, 7))),
                language: dice.pick(profile.languages),
              }
            : null,
        });
      }
    }
  }

  // A few come back: to Lärcentrum after Jobbspår (the same owner), or to the same initiative.
  const returning = (from: string, to: string, howMany: number) => {
    const source = list.find((i) => i.name === from);
    const target = list.find((i) => i.name === to);
    if (!source || !target || source.ownerId !== target.ownerId) return;
    const dice = new Dice(hashOf(`återkommer:${from}:${to}`));
    const plan = PLANS[to] ?? DEFAULT_PLAN;
    const profile: Profile = PROFILES[plan.profile];
    const candidates = planned.filter(
      (e) =>
        e.initiativeId === source.id &&
        e.consent !== null &&
        e.exit !== null &&
        !e.voided &&
        e.endDate !== null &&
        ["arbetssokande", "annan_insats", "sjukskriven"].includes(e.exit.status),
    );
    let made = 0;
    for (const previous of candidates) {
      if (made === howMany) break;
      const startDate = workdayFrom(
        later(addDays(previous.endDate as string, dice.int(45, 120)), target.startDate),
      );
      const horizon = earlier(target.lastIntakeDate ?? target.endDate ?? today, today);
      if (startDate > horizon) continue;
      const person = persons[previous.person];
      if (!person) continue;
      // not twice at once in the same initiative
      if (
        planned.some(
          (e) =>
            e.person === person.index &&
            e.initiativeId === target.id &&
            (e.endDate === null || e.endDate >= startDate),
        )
      )
        continue;
      made++;
      const ongoing = dice.chance(0.6);
      const endDate = ongoing ? null : workdayUntil(addDays(startDate, dice.int(90, 200)));
      const closed = endDate !== null && endDate <= today ? endDate : null;
      const background = backgroundOf(dice, profile);
      const actionPlanDate = workdayFrom(addDays(startDate, dice.int(10, 40)));
      const planMade = actionPlanDate <= (closed ?? today) ? actionPlanDate : null;
      planned.push({
        person: person.index,
        initiativeId: target.id,
        dataControllerId: target.ownerId,
        localUnitId: null,
        externalKey: `${plan.keyPrefix}-${startDate.slice(0, 4)}-${String(900 + made)}`,
        startDate,
        actionPlanDate: planMade,
        municipalityCode: previous.municipalityCode,
        background,
        endDate: closed,
        exit: closed
          ? exitOf(dice, dice.pick(profile.exits), background.supportBefore, planMade !== null)
          : null,
        voided: false,
        consent: { on: startDate, language: previous.consent?.language ?? "svenska" },
      });
    }
  };
  returning("Uppsala, Jobbspår", "Uppsala, Lärcentrum digitalt", 4);
  returning("Tierp, Växtverket", "Tierp, Växtverket", 2);

  // Three withdraw their consent after leaving: the identity goes, the statistics stay.
  const withdrawing = planned
    .filter((e) => e.consent && e.endDate && !e.voided && e.exit?.status === "avbrutit")
    .slice(0, 3);
  for (const e of withdrawing) {
    const person = persons[e.person];
    const on = addDays(e.endDate as string, 14);
    if (person && on <= today && planned.filter((p) => p.person === e.person).length === 1)
      person.withdrawnOn = on;
  }

  for (const initiative of byName.filter((i) => i.orientation === "structural")) {
    const spec = COUNT_ONLY[initiative.name] ?? DEFAULT_COUNT_ONLY;
    const dice = new Dice(hashOf(`antal:${initiative.name}`));
    const from = later(initiative.startDate, DEMO_REGISTER_FROM);
    const to = earlier(initiative.endDate ?? today, today);
    for (const year of [2025, 2026]) {
      for (let q = 1; q <= 4; q++) {
        const first = `${year}-${String(q * 3 - 2).padStart(2, "0")}-01`;
        const last = lastDayOfMonth(`${year}-${String(q * 3).padStart(2, "0")}-01`);
        // quarters the initiative ran in and that are over by today
        if (last > today || last < from || first > to) continue;
        counts.push({
          initiativeId: initiative.id,
          dataControllerId: initiative.ownerId,
          periodKey: `${year}-K${q}`,
          women: dice.int(...spec.women),
          men: dice.int(...spec.men),
          others: dice.int(...spec.others),
        });
      }
    }
  }
  return { persons, enrollments: planned, counts };
}

// ---------------------------------------------------------------------------------------------
// Writing it

export interface DemoParticipantsContext {
  associationId: string;
  /** The demo's today, "2026-11-23": nothing is dated after it. */
  today: string;
  /** The instance's register key; read as the server reads it (loadRegisterKey) when not given. */
  crypto?: RegisterCrypto;
}

export interface DemoParticipantsSummary {
  participants: number;
  enrollments: number;
  countOnlyPeriods: number;
  accessLogEntries: number;
}

interface LogRow {
  at: Date;
  associationId: string;
  dataControllerId: string;
  actorUserId: string | null;
  actorName: string;
  actorRole: string;
  actorOrganisation: string;
  participantId: string | null;
  enrollmentId: string | null;
  action: AccessAction;
  fields: string[];
  outcome: "ok" | "denied";
}

const SYSTEM_NAME = "Samspår (demodata)";
const VIEW_FIELDS = ["identity.masked", "gender", "birthYear", "enrollment", "background", "exit"];

async function insertInChunks<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 400) await insert(rows.slice(i, i + 400));
}

/**
 * The initiatives the demo register holds participants of: running or ended, started by `today`,
 * with their owner (the data controller) and local units.
 */
export async function demoRegisterInitiatives(
  q: Queryable,
  associationId: string,
  today: string,
): Promise<Array<DemoInitiative & { ownerName: string }>> {
  const rows = await q
    .select({
      id: initiatives.id,
      name: initiatives.name,
      orientation: initiatives.orientation,
      ownerId: initiatives.ownerOrganisationId,
      ownerName: memberOrganisations.name,
      startDate: initiatives.startDate,
      endDate: initiatives.endDate,
      lastIntakeDate: initiatives.lastIntakeDate,
    })
    .from(initiatives)
    .innerJoin(memberOrganisations, eq(memberOrganisations.id, initiatives.ownerOrganisationId))
    .where(
      and(
        eq(initiatives.associationId, associationId),
        inArray(initiatives.status, ["pagaende", "avslutad", "avslutad_i_fortid"]),
      ),
    );
  const running = rows.filter(
    (r): r is typeof r & { startDate: string } => r.startDate !== null && r.startDate <= today,
  );
  if (running.length === 0) return [];
  const units = await q
    .select({
      id: initiativeLocalUnits.id,
      initiativeId: initiativeLocalUnits.initiativeId,
      name: initiativeLocalUnits.name,
      expectedParticipants: initiativeLocalUnits.expectedParticipants,
    })
    .from(initiativeLocalUnits)
    .where(
      inArray(
        initiativeLocalUnits.initiativeId,
        running.map((r) => r.id),
      ),
    )
    .orderBy(initiativeLocalUnits.position);
  return running.map((r) => ({
    ...r,
    localUnits: units
      .filter((u) => u.initiativeId === r.id)
      .map((u) => ({ id: u.id, name: u.name, expectedParticipants: u.expectedParticipants })),
  }));
}

let instance: RegisterCrypto | undefined;
/** The instance's register key, as the server reads it; once per process. */
function instanceCrypto(): RegisterCrypto {
  instance ??= createRegisterCrypto(loadRegisterKey({ dataDir: readConfig().dataDir }).key);
  return instance;
}

/**
 * Seeds the demo's participant register. Runs inside the seed's transaction; the register rows
 * are written in the register zone (its role and row-level security), after which the
 * transaction continues as the role it had.
 */
export async function seedDemoParticipants(
  tx: Tx,
  ctx: DemoParticipantsContext,
): Promise<DemoParticipantsSummary> {
  const crypto = ctx.crypto ?? instanceCrypto();
  const running = await demoRegisterInitiatives(tx, ctx.associationId, ctx.today);
  if (running.length === 0)
    return { participants: 0, enrollments: 0, countOnlyPeriods: 0, accessLogEntries: 0 };
  // the participant officers with accounts: their initiatives' work is logged in their name
  const officers = await tx
    .select({ initiativeId: roleAssignments.initiativeId, userId: users.id, name: users.name })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(roleAssignments.associationId, ctx.associationId),
        eq(roleAssignments.role, "participant_officer"),
      ),
    );

  const plan = planDemoRegister(running, ctx.today);

  const initiativeById = new Map(running.map((r) => [r.id, r]));
  const actorFor = (initiativeId: string) => {
    const initiative = initiativeById.get(initiativeId);
    const officer = officers.find((o) => o.initiativeId === initiativeId);
    return officer
      ? {
          actorUserId: officer.userId,
          actorName: officer.name,
          actorRole: "participant_officer",
          actorOrganisation: initiative?.ownerName ?? "",
        }
      : {
          actorUserId: null,
          actorName: SYSTEM_NAME,
          actorRole: "system",
          actorOrganisation: "Samspår",
        };
  };

  const participantIds = plan.persons.map(() => globalThis.crypto.randomUUID());
  const enrollmentIds = plan.enrollments.map(() => globalThis.crypto.randomUUID());
  const firstStart = new Map<number, string>();
  for (const e of plan.enrollments) {
    const seen = firstStart.get(e.person);
    if (!seen || e.startDate < seen) firstStart.set(e.person, e.startDate);
  }
  const timeOf = (date: string, seed: string) => {
    const minutes = 8 * 60 + (hashOf(seed) % (8 * 60));
    return swedishTime(
      date,
      `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`,
    );
  };

  const participantRows = plan.persons.map((p) => {
    const id = participantIds[p.index] as string;
    const created = timeOf(firstStart.get(p.index) ?? ctx.today, `p${p.index}`);
    const erased = p.withdrawnOn ? timeOf(p.withdrawnOn, `w${p.index}`) : null;
    const keep = p.canonical !== null && erased === null;
    return {
      id,
      associationId: ctx.associationId,
      dataControllerId: p.dataControllerId,
      identityCiphertext: keep && p.canonical ? crypto.encrypt(p.canonical) : null,
      identityLookup: keep && p.canonical ? crypto.lookupHash(p.canonical) : null,
      identityKind: keep ? p.kind : null,
      nameCiphertext: null,
      anonymous: p.canonical === null,
      protectedIdentity: p.protectedIdentity,
      gender: p.gender,
      birthYear: p.birthYear,
      erasedAt: erased,
      createdAt: created,
      updatedAt: erased ?? created,
      version: erased ? 2 : 1,
    };
  });

  const log: LogRow[] = [];
  const entry = (
    e: PlannedEnrollment,
    index: number,
    date: string,
    action: AccessAction,
    fields: string[],
    seed: string,
  ) =>
    log.push({
      at: timeOf(date, seed),
      associationId: ctx.associationId,
      dataControllerId: e.dataControllerId,
      ...actorFor(e.initiativeId),
      participantId: participantIds[e.person] as string,
      enrollmentId: enrollmentIds[index] as string,
      action,
      fields,
      outcome: "ok",
    });

  const enrollmentRows = plan.enrollments.map((e, index) => {
    const id = enrollmentIds[index] as string;
    const officer = officers.find((o) => o.initiativeId === e.initiativeId);
    const person = plan.persons[e.person];
    const registered = [
      "enrollment",
      "startDate",
      "background",
      "gender",
      "birthYear",
      ...(person?.canonical && firstStart.get(e.person) === e.startDate ? ["identity"] : []),
      ...(e.consent ? ["consent"] : []),
      ...(person?.protectedIdentity ? ["protectedIdentity"] : []),
      ...(e.municipalityCode ? ["municipalityCode"] : []),
      ...(e.localUnitId ? ["localUnit"] : []),
      "externalKey",
    ];
    entry(e, index, e.startDate, "change", registered, `r${index}`);
    if (e.actionPlanDate && !e.voided)
      entry(e, index, e.actionPlanDate, "change", ["actionPlanDate"], `a${index}`);
    if (e.endDate)
      entry(e, index, e.endDate, "change", e.voided ? ["exit", "voided"] : ["exit"], `x${index}`);
    if (officer && !e.voided) {
      // the coach opens the record now and then, and shows the full number a few times
      const until = e.endDate ?? ctx.today;
      for (let k = 0; k < 1 + (hashOf(`n${index}`) % 3); k++) {
        const day = workdayUntil(addDays(e.startDate, 7 + (hashOf(`d${index}:${k}`) % 120)));
        if (day <= until) entry(e, index, day, "read", VIEW_FIELDS, `rd${index}:${k}`);
      }
      const revealed = workdayUntil(addDays(e.startDate, 3 + (hashOf(`rd${index}`) % 40)));
      if (person?.canonical && hashOf(`rv${index}`) % 8 === 0 && revealed <= until)
        entry(e, index, revealed, "reveal", ["identity"], `rv${index}`);
    }
    const version = 1 + (e.endDate ? 1 : 0) + (e.actionPlanDate ? 1 : 0);
    return {
      id,
      participantId: participantIds[e.person] as string,
      associationId: ctx.associationId,
      dataControllerId: e.dataControllerId,
      initiativeId: e.initiativeId,
      localUnitId: e.localUnitId,
      externalKey: e.externalKey,
      startDate: e.startDate,
      officerUserId: officer?.userId ?? null,
      actionPlanDate: e.actionPlanDate,
      municipalityCode: e.municipalityCode,
      background: { ...e.background },
      endDate: e.endDate,
      exit: e.exit ? { ...e.exit } : null,
      voided: e.voided,
      createdAt: timeOf(e.startDate, `r${index}`),
      updatedAt: timeOf(e.endDate ?? e.actionPlanDate ?? e.startDate, `u${index}`),
      version,
    };
  });

  // the coach's monthly list of her initiative's participants (a "search" entry for each listed)
  for (const officer of officers) {
    if (!officer.initiativeId) continue;
    const initiative = initiativeById.get(officer.initiativeId);
    if (!initiative) continue;
    for (const month of monthStarts(later(initiative.startDate, DEMO_REGISTER_FROM), ctx.today)) {
      const day = workdayFrom(month);
      plan.enrollments.forEach((e, index) => {
        if (
          e.initiativeId === officer.initiativeId &&
          e.startDate < day &&
          (e.endDate === null || e.endDate >= day)
        )
          entry(
            e,
            index,
            day,
            "search",
            ["identity.masked", "gender", "birthYear", "enrollment"],
            `s${month}`,
          );
      });
    }
    // and two attempts on records outside her initiative, refused and logged
    for (const [k, date] of ["2025-10-14", "2026-05-20"].entries()) {
      if (date > ctx.today) continue;
      log.push({
        at: timeOf(date, `denied${k}`),
        associationId: ctx.associationId,
        dataControllerId: initiative.ownerId,
        ...actorFor(initiative.id),
        participantId: null,
        enrollmentId: null,
        action: "read",
        fields: [],
        outcome: "denied",
      });
    }
  }

  const consentRows = plan.enrollments.flatMap((e) => {
    if (!e.consent) return [];
    const officer = officers.find((o) => o.initiativeId === e.initiativeId);
    const person = plan.persons[e.person];
    return [
      {
        participantId: participantIds[e.person] as string,
        dataControllerId: e.dataControllerId,
        initiativeId: e.initiativeId,
        consentedOn: e.consent.on,
        textVersion: CONSENT_TEXT_VERSION,
        language: e.consent.language,
        recordedBy: officer?.userId ?? null,
        recordedByName: officer?.name ?? SYSTEM_NAME,
        withdrawnOn: person?.withdrawnOn ?? null,
        createdAt: timeOf(e.startDate, `c${e.externalKey}`),
      },
    ];
  });

  const erasureRows = plan.persons.flatMap((p) => {
    if (!p.withdrawnOn) return [];
    const e = plan.enrollments.findIndex((x) => x.person === p.index);
    const enrollment = plan.enrollments[e];
    if (!enrollment) return [];
    const actor = actorFor(enrollment.initiativeId);
    entry(enrollment, e, p.withdrawnOn, "change", ["consent"], `w${p.index}`);
    entry(enrollment, e, p.withdrawnOn, "erase", ["identity", "name"], `w${p.index}`);
    return [
      {
        participantId: participantIds[p.index] as string,
        dataControllerId: p.dataControllerId,
        reason: "samtycke_aterkallat" as const,
        erasedAt: timeOf(p.withdrawnOn, `w${p.index}`),
        erasedByName: actor.actorName,
      },
    ];
  });

  const countRows = plan.counts.map((c) => {
    const [year, quarter] = c.periodKey.split("-K");
    const reported = workdayFrom(
      addDays(lastDayOfMonth(`${year}-${String(Number(quarter) * 3).padStart(2, "0")}-01`), 10),
    );
    const on = earlier(reported, ctx.today);
    const actor = actorFor(c.initiativeId);
    log.push({
      at: timeOf(on, `k${c.initiativeId}${c.periodKey}`),
      associationId: ctx.associationId,
      dataControllerId: c.dataControllerId,
      ...actor,
      participantId: null,
      enrollmentId: null,
      action: "change",
      fields: ["countOnly"],
      outcome: "ok",
    });
    return {
      associationId: ctx.associationId,
      dataControllerId: c.dataControllerId,
      initiativeId: c.initiativeId,
      periodKey: c.periodKey,
      women: c.women,
      men: c.men,
      others: c.others,
      recordedByName: actor.actorName,
      updatedAt: timeOf(on, `k${c.initiativeId}${c.periodKey}`),
      version: 1,
    };
  });
  log.sort((a, b) => a.at.getTime() - b.at.getTime());

  const [{ role }] = (await tx.execute(sql`select current_user as role`)).rows as [
    { role: string },
  ];
  await inRegister(
    // a savepoint of the seed's transaction: the register zone's role and scope
    tx as unknown as Db,
    {
      controllers: [...new Set(running.map((r) => r.ownerId))],
      initiatives: running.map((r) => r.id),
    },
    async (register) => {
      await insertInChunks(participantRows, (chunk) => register.insert(participants).values(chunk));
      await insertInChunks(enrollmentRows, (chunk) => register.insert(enrollments).values(chunk));
      await insertInChunks(consentRows, (chunk) => register.insert(consents).values(chunk));
      await insertInChunks(erasureRows, (chunk) => register.insert(erasures).values(chunk));
      await insertInChunks(countRows, (chunk) =>
        register.insert(countOnlyParticipation).values(chunk),
      );
      await insertInChunks(log, (chunk) =>
        register.insert(accessLog).values(chunk.map((r) => ({ ...r, requestId: null }))),
      );
    },
  );
  // SET LOCAL outlives a released savepoint: the seed goes on as the role it had
  await tx.execute(sql`set local role ${sql.identifier(role)}`);
  return {
    participants: participantRows.length,
    enrollments: enrollmentRows.length,
    countOnlyPeriods: countRows.length,
    accessLogEntries: log.length,
  };
}
