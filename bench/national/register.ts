// An association's participant register (domain/participants.md), written in bulk as the
// register's use cases store it (src/register/participants.ts): participants with their
// identity encrypted and hashed by the register key (crypto.ts) when they consented — about four
// in five — or anonymous (gender and birth year only; a few with protected identity); one
// enrollment per intake with the background at start and the exit as `Background` and
// `ExitData`; a consent per enrollment with an identity; a few withdrawn consents whose
// identity was erased (erasures); the count-only participation of the structural initiatives
// per reporting period; and the access log's record of each initiative's register being
// imported and each period's counts being entered.
//
// Who the initiatives meet and how they leave follows the initiative's profile (towards work,
// pre-rehabilitation, young adults, newly arrived): gender mix, ages, education, support before,
// time on support, referrer, stay, and exit status — about a third to work or studies, more in
// the initiatives towards work. About 1.5 % are felregistreringar; one in twenty comes back
// (the same person, a new enrollment, with the same data controller).

import { workdayFrom, workdayUntil } from "../../src/demo/demo-time.ts";
import type { RegisterCrypto } from "../../src/register/crypto.ts";
import { luhnCheckDigit } from "../../src/register/identity.ts";
import type {
  Background,
  ExitData,
  ExitStatusCode,
  SupportCode,
} from "../../src/register/participants.ts";
import type { Gender } from "../../src/register/schema.ts";
import { periodsBetween } from "../../src/reports/calendar.ts";
import type { BulkWriter } from "./bulk.ts";
import type { RegisterProfile } from "./plan.ts";
import { addDays, type Dice, dayIn, earlier, later, momentOf, stream, uuidFrom } from "./random.ts";
import type { ParticipantCounts } from "./reporting.ts";
import type { WrittenAssociation } from "./setup.ts";
import * as T from "./tables.ts";

type Weights<K> = ReadonlyArray<readonly [K, number]>;

interface Profile {
  women: number;
  ages: readonly [number, number];
  education: Weights<Background["education"]>;
  support: Weights<SupportCode>;
  timeOnSupport: Weights<Background["timeOnSupport"]>;
  occupation: Weights<Background["occupationBefore"]>;
  referrer: Weights<Background["referrer"]>;
  bornAbroad: number;
  disability: number;
  newlyArrived: number;
  exits: Weights<ExitStatusCode>;
  months: readonly [number, number];
  actionPlan: number;
}

const BASE: Profile = {
  women: 0.55,
  ages: [19, 64],
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
    ["sjukpenning", 20],
    ["aktivitetsersattning", 8],
    ["sjukersattning", 4],
    ["a_kassa", 8],
    ["aktivitetsstod", 14],
    ["etableringsersattning", 3],
    ["lon", 3],
    ["ingen", 5],
    ["uppgift_saknas", 3],
  ],
  timeOnSupport: [
    ["under_1_ar", 15],
    ["1_2_ar", 22],
    ["2_3_ar", 20],
    ["mer_an_3_ar", 33],
    ["okand", 6],
    ["uppgift_saknas", 4],
  ],
  occupation: [
    ["arbetslos", 45],
    ["sjukskriven", 25],
    ["ingen_sysselsattning", 18],
    ["arbetar_delvis", 5],
    ["studerar", 2],
    ["okand", 5],
  ],
  referrer: [
    ["kommun", 40],
    ["arbetsformedlingen", 25],
    ["forsakringskassan", 20],
    ["region", 10],
    ["eget_initiativ", 5],
  ],
  bornAbroad: 0.3,
  disability: 0.3,
  newlyArrived: 0.05,
  exits: [
    ["arbete_ej_subventionerat", 16],
    ["arbete_subventionerat", 12],
    ["eget_foretag", 1],
    ["studier", 9],
    ["arbetssokande", 18],
    ["annan_insats", 18],
    ["sjukskriven", 10],
    ["foraldraledig", 2],
    ["flyttat", 2],
    ["avbrutit", 7],
    ["kontakt_upphort", 4],
    ["annat", 1],
  ],
  months: [4, 14],
  actionPlan: 0.6,
};

const PROFILES: Record<RegisterProfile, Profile> = {
  arbete: BASE,
  forrehab: {
    ...BASE,
    women: 0.6,
    support: [
      ["sjukpenning", 35],
      ["aktivitetsersattning", 15],
      ["sjukersattning", 10],
      ["forsorjningsstod", 30],
      ["ingen", 5],
      ["uppgift_saknas", 5],
    ],
    occupation: [
      ["sjukskriven", 50],
      ["ingen_sysselsattning", 30],
      ["arbetslos", 12],
      ["okand", 8],
    ],
    referrer: [
      ["forsakringskassan", 45],
      ["region", 25],
      ["kommun", 25],
      ["eget_initiativ", 5],
    ],
    disability: 0.5,
    exits: [
      ["arbete_ej_subventionerat", 6],
      ["arbete_subventionerat", 10],
      ["studier", 12],
      ["arbetssokande", 14],
      ["annan_insats", 30],
      ["sjukskriven", 15],
      ["avbrutit", 8],
      ["kontakt_upphort", 5],
    ],
    months: [6, 16],
    actionPlan: 0.8,
  },
  unga: {
    ...BASE,
    women: 0.47,
    ages: [18, 29],
    education: [
      ["forgymnasial_9", 45],
      ["gymnasial", 38],
      ["forgymnasial_kortare_an_9", 7],
      ["okand", 5],
      ["uppgift_saknas", 5],
    ],
    support: [
      ["forsorjningsstod", 35],
      ["aktivitetsstod", 25],
      ["aktivitetsersattning", 12],
      ["ingen", 23],
      ["uppgift_saknas", 5],
    ],
    timeOnSupport: [
      ["under_1_ar", 45],
      ["1_2_ar", 30],
      ["2_3_ar", 10],
      ["mer_an_3_ar", 5],
      ["okand", 10],
    ],
    exits: [
      ["studier", 30],
      ["arbete_ej_subventionerat", 14],
      ["arbete_subventionerat", 6],
      ["arbetssokande", 15],
      ["annan_insats", 13],
      ["avbrutit", 10],
      ["kontakt_upphort", 9],
      ["flyttat", 3],
    ],
    months: [3, 10],
  },
  nyanlanda: {
    ...BASE,
    women: 0.58,
    ages: [20, 60],
    education: [
      ["forgymnasial_kortare_an_9", 35],
      ["forgymnasial_9", 20],
      ["gymnasial", 20],
      ["eftergymnasial_3_eller_langre", 8],
      ["saknas", 10],
      ["okand", 7],
    ],
    support: [
      ["etableringsersattning", 30],
      ["forsorjningsstod", 45],
      ["aktivitetsstod", 15],
      ["ingen", 5],
      ["uppgift_saknas", 5],
    ],
    bornAbroad: 0.97,
    newlyArrived: 0.6,
    exits: [
      ["studier", 28],
      ["arbete_ej_subventionerat", 12],
      ["arbete_subventionerat", 14],
      ["arbetssokande", 20],
      ["annan_insats", 14],
      ["foraldraledig", 4],
      ["avbrutit", 5],
      ["flyttat", 3],
    ],
    months: [6, 18],
  },
};

const WORK: readonly ExitStatusCode[] = [
  "arbete_ej_subventionerat",
  "arbete_subventionerat",
  "eget_foretag",
];
const EARLY: readonly ExitStatusCode[] = ["avbrutit", "kontakt_upphort", "flyttat"];
const SYSTEM = "Samspår (nationellt testdata)";
const CONSENT_TEXT_VERSION = "2025:1";

function gender(dice: Dice, women: number): Gender {
  return dice.pick<Gender>([
    ["kvinna", women],
    ["man", 0.97 - women],
    ["annan", 0.01],
    ["vill_ej_ange", 0.01],
    ["uppgift_saknas", 0.01],
  ]);
}

/** A personnummer or samordningsnummer (canonical, twelve digits) in Skatteverket's test range. */
function identityNumber(
  dice: Dice,
  birthYear: number,
  g: Gender,
  coordination: boolean,
  taken: Set<string>,
): string {
  for (;;) {
    const birth = new Date(Date.UTC(birthYear, 0, 1 + dice.int(0, 364)));
    const mm = String(birth.getUTCMonth() + 1).padStart(2, "0");
    const dd = String(birth.getUTCDate() + (coordination ? 60 : 0)).padStart(2, "0");
    const sex =
      g === "kvinna" ? dice.int(0, 4) * 2 : g === "man" ? dice.int(0, 4) * 2 + 1 : dice.int(0, 9);
    const serial = `9${dice.int(8, 9)}${sex}`;
    const nine = `${String(birthYear).slice(2)}${mm}${dd}${serial}`;
    const canonical = `${birthYear}${mm}${dd}${serial}${luhnCheckDigit(nine)}`;
    if (!taken.has(canonical)) {
      taken.add(canonical);
      return canonical;
    }
  }
}

function background(dice: Dice, p: Profile): Background {
  const first = dice.pick(p.support);
  const supportBefore: SupportCode[] = [first];
  if (!["ingen", "uppgift_saknas", "forsorjningsstod"].includes(first) && dice.chance(0.15))
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

function exitOf(
  dice: Dice,
  status: ExitStatusCode,
  before: readonly SupportCode[],
  actionPlan: boolean,
): ExitData {
  const working = WORK.includes(status);
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
  else if (EARLY.includes(status)) supportAfter = ["uppgift_saknas"];
  else supportAfter = [...before];
  return {
    status,
    studies: status === "studier" || (working && dice.chance(0.12)),
    extent: working ? (dice.chance(0.35) ? "heltid" : "deltid") : null,
    supportAfter,
    actionPlanAtExit: dice.chance(0.05) ? null : actionPlan,
  };
}

interface Person {
  id: string;
  gender: Gender;
  birthYear: number;
  /** Has a stored identity (consented, not withdrawn): may come back and be found again. */
  identified: boolean;
}

export interface RegisterSummary {
  participants: number;
  enrollments: number;
  /** Per initiative id: participants by gender (individual: enrollments; structural: counts). */
  counts: Map<string, ParticipantCounts>;
}

/** Writes the association's register; returns what the final reports state. */
export async function writeRegister(
  writer: BulkWriter,
  a: WrittenAssociation,
  context: { seed: number; window: { from: string; to: string }; crypto: RegisterCrypto },
): Promise<RegisterSummary> {
  const today = context.window.to;
  const { crypto } = context;
  const people = new Map<string, Person[]>(); // by data controller: who may come back
  const numbers = new Map<string, Set<string>>(); // by data controller: numbers taken
  const counts = new Map<string, ParticipantCounts>();
  let participantCount = 0;
  let enrollmentCount = 0;

  for (const initiative of a.initiatives) {
    const p = initiative.plan;
    const controller = initiative.ownerId;
    const owner = a.plan.members[p.owner];
    const municipalities = a.plan.members
      .map((m, i) => ({ m, i }))
      .filter(({ m }) => m.kind === "kommun");
    const tally: ParticipantCounts = { women: 0, men: 0, other: 0 };
    counts.set(initiative.id, tally);

    if (p.orientation === "structural") {
      const dice = stream(context.seed, "count-only", a.plan.index, p.index);
      const first = later(p.startDate, context.window.from);
      const last = earlier(p.endDate, today);
      if (first > last) continue;
      for (const period of periodsBetween(a.plan.cadence, first, last)) {
        if (period.end >= today) continue;
        const n = Math.max(1, Math.round(p.countOnlyScale * (0.6 + dice.next() * 0.8)));
        const women = Math.round(n * (0.55 + dice.next() * 0.2));
        const others = dice.chance(0.1) ? 1 : 0;
        const men = Math.max(0, n - women);
        tally.women += women;
        tally.men += men;
        tally.other += others;
        const on = earlier(addDays(period.end, dice.int(5, 30)), today);
        writer.add(T.countOnlyParticipation, [
          a.id,
          controller,
          initiative.id,
          period.key,
          women,
          men,
          others,
          SYSTEM,
          momentOf(dice, on),
        ]);
        writer.add(T.accessLog, [
          momentOf(dice, on),
          a.id,
          controller,
          SYSTEM,
          "system",
          "Samspår",
          "change",
          ["countOnly"],
          "ok",
        ]);
      }
      continue;
    }
    if (!p.intake || p.enrollments === 0) continue;

    const dice = stream(context.seed, "register", a.plan.index, p.index);
    const profile = PROFILES[p.profile];
    const taken = numbers.get(controller) ?? new Set<string>();
    numbers.set(controller, taken);
    const returning = people.get(controller) ?? [];
    people.set(controller, returning);
    const horizon = earlier(p.endDate, today);
    const intake = p.intake;

    for (let k = 0; k < p.enrollments; k++) {
      let day = dayIn(dice, intake.from, intake.to);
      if (day.slice(5, 7) === "07" && dice.chance(0.6)) day = dayIn(dice, intake.from, intake.to);
      const workday = workdayFrom(day);
      const startDate = workday <= intake.to ? workday : day;

      // the person: one who comes back, or someone new
      let person: Person | undefined;
      let identity: { canonical: string; kind: "personnummer" | "samordningsnummer" } | null = null;
      let protectedIdentity = false;
      if (returning.length > 0 && dice.chance(0.05)) {
        const candidate = returning[dice.int(0, returning.length - 1)];
        if (candidate && Number(startDate.slice(0, 4)) - candidate.birthYear <= 66)
          person = candidate;
      }
      const isNew = person === undefined;
      if (!person) {
        const g = gender(dice, profile.women);
        const [lo, hi] = profile.ages;
        const age = Math.round(lo + ((dice.next() + dice.next()) / 2) * (hi - lo));
        const birthYear = Number(startDate.slice(0, 4)) - age;
        const consent = dice.chance(0.8);
        protectedIdentity = !consent && dice.chance(0.05);
        if (consent) {
          const coordination = dice.chance(0.03);
          identity = {
            canonical: identityNumber(dice, birthYear, g, coordination, taken),
            kind: coordination ? "samordningsnummer" : "personnummer",
          };
        }
        person = { id: uuidFrom(dice), gender: g, birthYear, identified: consent };
      }

      const felregistrering = dice.chance(0.015);
      const status = dice.pick(profile.exits);
      const [minMonths, maxMonths] = EARLY.includes(status) ? [1, 4] : profile.months;
      const stay = Math.round((minMonths + dice.next() * (maxMonths - minMonths)) * 30.4);
      let endDate: string | null = felregistrering
        ? startDate
        : later(workdayUntil(addDays(startDate, stay)), startDate);
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
      const bg = background(dice, profile);
      const exit: ExitData | null =
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
                closedWithInitiative && dice.chance(0.25) ? "annan_insats" : status,
                bg.supportBefore,
                actionPlanDate !== null,
              );

      // a new person is written before their enrollment; a few withdraw their consent later
      const consented = isNew ? identity !== null : person.identified;
      if (isNew) {
        const withdrawnOn =
          identity && dice.chance(0.007)
            ? dayIn(dice, startDate, earlier(endDate ?? today, today))
            : null;
        const created = momentOf(dice, startDate);
        const erased = withdrawnOn ? momentOf(dice, withdrawnOn) : null;
        const keep = identity !== null && withdrawnOn === null;
        writer.add(T.participants, [
          person.id,
          a.id,
          controller,
          keep && identity ? crypto.encrypt(identity.canonical) : null,
          keep && identity ? crypto.lookupHash(identity.canonical) : null,
          keep && identity ? identity.kind : null,
          identity === null,
          protectedIdentity,
          person.gender,
          person.birthYear,
          erased,
          created,
          erased ?? created,
          erased ? 2 : 1,
        ]);
        participantCount++;
        if (withdrawnOn) {
          person.identified = false;
          writer.add(T.erasures, [person.id, controller, "samtycke_aterkallat", erased, SYSTEM]);
        }
        if (identity)
          writer.add(T.consents, [
            person.id,
            controller,
            initiative.id,
            workdayUntil(addDays(startDate, -dice.int(0, 7))),
            CONSENT_TEXT_VERSION,
            dice.chance(0.9)
              ? "svenska"
              : dice.pick([
                  ["engelska", 2],
                  ["arabiska", 2],
                  ["somaliska", 1],
                  ["tigrinja", 1],
                ]),
            SYSTEM,
            withdrawnOn,
            created,
          ]);
        if (person.identified) returning.push(person);
      } else if (consented)
        writer.add(T.consents, [
          person.id,
          controller,
          initiative.id,
          workdayUntil(addDays(startDate, -dice.int(0, 7))),
          CONSENT_TEXT_VERSION,
          "svenska",
          SYSTEM,
          null,
          momentOf(dice, startDate),
        ]);

      const unit = p.localUnits.length > 0 ? dice.int(0, p.localUnits.length - 1) : -1;
      const unitMember = unit >= 0 ? a.plan.members[p.localUnits[unit] ?? -1] : undefined;
      const home =
        unitMember ??
        (owner?.kind === "kommun" && dice.chance(0.9)
          ? owner
          : municipalities[dice.int(0, municipalities.length - 1)]?.m);
      writer.add(T.enrollments, [
        uuidFrom(dice),
        person.id,
        a.id,
        controller,
        initiative.id,
        unit >= 0 ? (initiative.localUnitIds[unit] ?? null) : null,
        `${p.keyPrefix}-${startDate.slice(0, 4)}-${String(k + 1).padStart(5, "0")}`,
        startDate,
        actionPlanDate,
        dice.chance(0.03) ? null : (home?.municipalityCode ?? null),
        bg,
        endDate,
        exit,
        felregistrering,
        momentOf(dice, startDate),
        momentOf(dice, endDate ?? actionPlanDate ?? startDate),
        1 + (endDate ? 1 : 0) + (actionPlanDate ? 1 : 0),
      ]);
      enrollmentCount++;
      if (!felregistrering) {
        if (person.gender === "kvinna") tally.women++;
        else if (person.gender === "man") tally.men++;
        else tally.other++;
      }
      if (k % 500 === 499) await writer.settle();
    }
    writer.add(T.accessLog, [
      momentOf(dice, intake.from),
      a.id,
      controller,
      SYSTEM,
      "system",
      "Samspår",
      "import",
      ["identity", "gender", "birthYear", "enrollment", "background", "exit", "consent"],
      "ok",
    ]);
    await writer.settle();
  }
  return { participants: participantCount, enrollments: enrollmentCount, counts };
}
