// The follow-up report computed from a small association built through the real use cases
// (initiatives, periodic and deviation reports, steering group, budgets and requisitions, the
// participant register), with every table value worked out by hand below and compared cell by
// cell: first with disclosure control off (threshold 0: the exact figures), then with threshold 5
// (zeros shown), where only the small cells of table 7 are hidden. Then: the money figures equal
// finance/outcome.ts initiativeMoney's for every initiative, every figure key has a definition,
// and the report never holds anything identifying.
import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { loadPrincipal } from "../access/principal.ts";
import { createAssociation } from "../associations/create-association.ts";
import { saveDisclosureSettings } from "../associations/disclosure-settings.ts";
import { addMemberOrganisation } from "../associations/member-organisations.ts";
import { fixtureActor, writeBudget, writeRequisition } from "../finance/finance-test-fixtures.ts";
import { initiativeMoney, setPrognosisOverride } from "../finance/outcome.ts";
import { createInitiative } from "../initiatives/save-initiative.ts";
import { addUser } from "../people/add-user.ts";
import { assignRole } from "../people/assign-role.ts";
import { progressionResults } from "../progression/results.ts";
import { progressionFixture } from "../progression/results-fixture.ts";
import { createRegisterCrypto } from "../register/crypto.ts";
import { exitEnrollment, getEnrollment, registerParticipant } from "../register/participants.ts";
import { personalNumber } from "../register/register-fixture.ts";
import { type RegisterAccess, registerScopeFor } from "../register/scope.ts";
import { ensurePeriodicReports } from "../reports/calendar.ts";
import {
  createDeviationReport,
  decideDeviationReport,
  submitDeviationReport,
} from "../reports/deviation-reports.ts";
import {
  type PeriodicReportInput,
  savePeriodicReport,
  submitPeriodicReport,
} from "../reports/periodic-reports.ts";
import { finalReports, periodicReports } from "../reports/schema.ts";
import {
  addSteeringGroupMeeting,
  addSteeringGroupMember,
  getSteeringGroupMeeting,
  updateSteeringGroupMeeting,
} from "../reports/steering-groups.ts";
import { computeFollowUp, disclosureOf } from "./compute.ts";
import { FIGURE_KEYS } from "./definitions.ts";
import type { FollowUpReport, IndividualRow, PersonCount, PersonShare } from "./model.ts";
import { initiativesMoney } from "./money.ts";
import { NO_PLAN_TEXT } from "./sections-progression.ts";

const NOW = new Date("2026-08-15T10:00:00Z");
const TODAY = "2026-08-15";
const PERIOD = { from: "2026-01-01", to: "2026-06-30" };
const PREVIOUS = { from: "2025-07-01", to: "2025-12-31" };
const NBSP = "\u00a0";
const actor = { userId: null, label: "test" };

let t: TestDatabase;
let associationId = "";
const id = { I1: "", I2: "", I3: "", S1: "", X: "" };
const orgs = { tierp: "", heby: "", af: "", fk: "" };
const reqIds: Record<string, string> = {};
let finalReportId = "";
let deviationRegistry = "";
const periodicIds: Record<string, string> = {};
/** Every personnummer registered, to look for in the report. */
const numbers: string[] = [];

// ---------------------------------------------------------------------------------------------
// The association by hand. Follow-up period 2026-01-01 – 2026-06-30 ("kvartal 1 och 2 2026"),
// computed on 2026-08-15; the previous locked follow-up is 2025-07-01 – 2025-12-31.
//
// Initiatives (owner, partner):
//   I1 "Tierp, Växtverket"  Tierps kommun (AF)  individual, förrehabiliterande
//        2025-01-01 – 2027-12-31, expected 100 for the whole time
//   I2 "Heby, Steget"       Heby kommun (FK)    individual, mot arbete/studier
//        2025-01-01 – 2026-12-31, ENDED EARLY 2026-05-31 by an approved deviation report
//        (decided 2026-05-20): end 2026-05-31, planned end 2026-12-31; expected "10 löpande"
//   I3 "Nystart"            Heby kommun (AF)    individual, mot arbete/studier, STARTED IN THE
//        PERIOD 2026-04-01 – 2027-03-31, expected 40; named "Heby, Nystart" in the report
//   S1 "Tierp, Samverkansforum" Tierps kommun (FK) structural 2025-01-01 – 2026-12-31
//   X  "Tierp, Avslutat"    Tierps kommun (AF)  individual 2024-01-01 – 2025-06-30 (ended
//        before both periods: in neither report)
//
// Participants, in blocks of people alike in everything the statistics count (so that with
// threshold 5 only the cells made small on purpose are hidden). Age at start = start year −
// birth year. Education etc. at start. "plan": an action plan towards work or studies at exit.
//   I1  A1  5 kvinnor 1995 start 2025-03-01 ongoing                       ANONYMOUS (age 30)
//           gymnasial, >3 år offentlig försörjning, sjukpenning, sjukskriven, FK
//       A2  5 män 1980 start 2025-02-01 exit 2025-10-15 arbetssökande, plan   (before the period)
//           förgymnasial 9 år, 1–2 år, a-kassa, arbetslös, AF
//       A3  5 kvinnor 2000 start 2025-09-01 exit 2026-03-20 arbete ej subv. + studier (BOTH), plan
//           förgymnasial 9 år, <1 år, försörjningsstöd, arbetslös, kommun              (age 25)
//       A4  5 män 1990 start 2026-01-15 exit 2026-05-30 studier, plan               (age 36)
//           eftergymnasial ≥3 år, >3 år, aktivitetsersättning, ingen sysselsättning, region
//       A5k 5 kvinnor 1985 start 2025-11-01 exit 2026-04-30: 3 subventionerat arbete, 2 eget
//           företag; no plan. gymnasial, 2–3 år, sjukpenning, sjukskriven, FK        (age 40)
//       A5m 5 män 1975 same dates: 2 subventionerat arbete, 3 eget företag; no plan
//           utbildning okänd, tid okänd, ingen försörjning, sysselsättning okänd, eget initiativ
//       A6  5 kvinnor 1970 start 2026-02-01 exit 2026-06-15 avbrutit (övriga), no plan (age 56)
//           eftergymnasial <3 år, >3 år, sjukersättning, sjukskriven, FK
//       F1  1 kvinna start 2026-02-10 FELREGISTRERING (never counted)
//   I2  B1  5 män 1992 start 2025-04-01 exit 2026-02-28 arbete ej subv., plan         (age 33)
//           gymnasial, 1–2 år, a-kassa, arbetslös, AF
//       B2  5 kvinnor 1988 start 2025-06-01 exit 2026-05-31 arbetssökande, plan      (age 37)
//           förgymnasial <9 år, >3 år, försörjningsstöd, arbetslös, kommun
//       B3  5 kvinnor 2003 start 2025-08-01 exit 2025-12-15 studier, plan (before the period)
//       F2  1 man start 2026-01-20 FELREGISTRERING
//   I3  C1  5 kvinnor 1998 start 2026-04-15 ongoing  ANONYMOUS                        (age 28)
//           förgymnasial 9 år, 2–3 år, aktivitetsstöd, arbetslös, AF
//       C2  5 män 1960 start 2026-05-01 ongoing                                       (age 66)
//           eftergymnasial ≥3 år, >3 år, sjukpenning, sjukskriven, region
//
// TABLE 6 (period 2026-01-01 – 2026-06-30):
//   I1 whole time (start ≤ 06-30; not F1): A1 A2 A3 A4 A5k A5m A6 = 35
//      exited whole time (end ≤ 06-30): A2 A3 A4 A5k A5m A6 = 30;  ongoing 35 − 30 = 5 (A1)
//      exited in the period: A3 A4 A5k A5m A6 = 25 (kvinnor A3 A5k A6 = 15, män A4 A5m = 10)
//      to work and/or studies: A3 (both, once) A5k → kvinnor 10; A4 A5m → män 10; all 20
//      share 20 / 25 = 0.8;  action plan A3 A4 = 10 → 10 / 25 = 0.4
//   I2 whole B1 B2 B3 = 15; exited whole 15; ongoing 0; exited in the period B1 B2 = 10
//      to work/studies: B1 (män 5), kvinnor 0 → 5 / 10 = 0.5; plan B1 B2 → 10 / 10 = 1
//   I3 whole C1 C2 = 10; exited 0; ongoing 10; shares: no one exited → not shown (denominator)
//   Summa förrehabiliterande = I1.  Summa mot arbete/studier = I2 + I3: whole 25, exited whole
//      15, exited 10, kvinnor 0, män 5, share 5 / 10 = 0.5, plan 10 / 10 = 1, ongoing 10
//   Totalt: whole 35 + 25 = 60, exited whole 30 + 15 = 45, exited 25 + 10 = 35, kvinnor 10 + 0 =
//      10, män 10 + 5 = 15, share (20 + 5) / 35 = 25/35, plan (10 + 10) / 35 = 20/35, ongoing 15
// TABLE 7 (exited in the period, all initiatives):      kvinnor  män  totalt
//   arbete ej subventionerat  A3 (k 5), B1 (m 5)           5       5     10
//   subventionerat arbete     A5k 3, A5m 2                 3       2      5
//   eget företag              A5k 2, A5m 3                 2       3      5
//   studier (ej arbete)       A4                           0       5      5
//   varav både arbete och studier A3                       5       0      5
//   arbetssökande             B2                           5       0      5
//   övriga                    A6                           5       0      5
//   (rows 1–4: 10 + 5 + 5 + 5 = 25 = to work/studies; + 5 + 5 = 35 exited)
// BACKGROUND (enrolled in the period = exited in it or ongoing at its end: not A2, B3):
//   I1 A1 A3 A4 A5k A5m A6 = 30 (kvinnor 20, män 10); I2 B1 B2 = 10 (5, 5); I3 C1 C2 = 10 (5, 5)
//   → 50 (kvinnor 30, män 20) = ongoing 15 + exited 35: andel kvinnor 0.6, män 0.4
//   under 30 at start: A3 (25), C1 (28) = 10 → 0.2
//   more than 3 years on public support: A1 A4 A6 B2 C2 = 25 → 0.5; kvinnor A1 A6 B2 = 15 → 0.6
//   förgymnasial: A3 (9 år) B2 (<9 år) C1 (9 år) = 15 → 0.3, all kvinnor → 1
//   eftergymnasial: A4 A6 C2 = 15 → 0.3;  okänd: A5m = 5 → 0.1   (gymnasial A1 A5k B1 = 15)
// TABLE 8: whole time now − whole time on 2025-12-31 (previous follow-up):
//   I1 35 − (A1 A2 A3 A5k A5m = 25) = +10; I2 15 − 15 = 0; I3 (not in the previous) none;
//   total 60 − 40 = +20
//   behind target: I1 expected 100 over 2025-01-01 – 2027-12-31 (1 095 days), 546 days gone by
//   2026-06-30 → 100 × 546 / 1 095 = 49.86; 80 % of it = 39.9 > 35 → behind.
//   I3: 40 × 91 / 365 = 9.97, 80 % = 7.98 ≤ 10 → not behind. I2 "10 löpande" has ended → not judged.
// TABLE 4 (quarters ending in the period: 2026-K1, 2026-K2; association funds only):
//   I1 budget 200 000 + 200 000 (K1 also 30 000 co-financing: not counted); approved K1 180 000
//      (K2's 210 000 only submitted) → 400 000 / 180 000 = 45 %; year to 2026-06-30 the same 45 %
//      < 80 − 20 → Åtgärd (red)
//   I2 100 000 + 100 000 / 95 000 + 90 000 = 185 000 → 92.5 → 93 %; ended early → Avslutad
//   I3 no budget → 0 / 0, no ratio, OK (no period with a budget has ended)
//   S1 50 000 + 50 000 / 50 000 + 55 000 = 105 000 → 105 %, within 80–110 → OK, but the office
//      set Bevaka for 2026-K2 → Bevaka (yellow)
//   total 700 000 / 470 000 → 67 %
//   Struktur och individ: structural 1 (105 000), individual 3 (180 000 + 185 000 + 0 = 365 000),
//   total 4 (470 000)

const bg = (
  education: string,
  timeOnSupport: string,
  support: string,
  occupation: string,
  referrer: string,
) => ({
  education,
  timeOnSupport,
  supportBefore: [support],
  occupationBefore: occupation,
  referrer,
});

interface Block {
  initiative: keyof typeof id;
  gender: "kvinna" | "man";
  birthYear: number;
  start: string;
  count: number;
  anonymous?: boolean;
  background: ReturnType<typeof bg>;
  actionPlanDate?: string;
  exit?: { end: string; status: string; studies?: boolean; plan?: boolean | null };
}

const BLOCKS: Block[] = [
  {
    initiative: "I1",
    gender: "kvinna",
    birthYear: 1995,
    start: "2025-03-01",
    count: 5,
    anonymous: true,
    background: bg("gymnasial", "mer_an_3_ar", "sjukpenning", "sjukskriven", "forsakringskassan"),
  },
  {
    initiative: "I1",
    gender: "man",
    birthYear: 1980,
    start: "2025-02-01",
    count: 5,
    background: bg("forgymnasial_9", "1_2_ar", "a_kassa", "arbetslos", "arbetsformedlingen"),
    actionPlanDate: "2025-03-01",
    exit: { end: "2025-10-15", status: "arbetssokande" },
  },
  {
    initiative: "I1",
    gender: "kvinna",
    birthYear: 2000,
    start: "2025-09-01",
    count: 5,
    background: bg("forgymnasial_9", "under_1_ar", "forsorjningsstod", "arbetslos", "kommun"),
    actionPlanDate: "2025-10-01",
    exit: { end: "2026-03-20", status: "arbete_ej_subventionerat", studies: true },
  },
  {
    initiative: "I1",
    gender: "man",
    birthYear: 1990,
    start: "2026-01-15",
    count: 5,
    background: bg(
      "eftergymnasial_3_eller_langre",
      "mer_an_3_ar",
      "aktivitetsersattning",
      "ingen_sysselsattning",
      "region",
    ),
    actionPlanDate: "2026-02-01",
    exit: { end: "2026-05-30", status: "studier" },
  },
  ...(["arbete_subventionerat", "eget_foretag"] as const).flatMap((status, k): Block[] => [
    {
      initiative: "I1",
      gender: "kvinna",
      birthYear: 1985,
      start: "2025-11-01",
      count: k === 0 ? 3 : 2,
      background: bg("gymnasial", "2_3_ar", "sjukpenning", "sjukskriven", "forsakringskassan"),
      exit: { end: "2026-04-30", status, plan: false },
    },
    {
      initiative: "I1",
      gender: "man",
      birthYear: 1975,
      start: "2025-11-01",
      count: k === 0 ? 2 : 3,
      background: bg("okand", "okand", "ingen", "okand", "eget_initiativ"),
      exit: { end: "2026-04-30", status, plan: false },
    },
  ]),
  {
    initiative: "I1",
    gender: "kvinna",
    birthYear: 1970,
    start: "2026-02-01",
    count: 5,
    background: bg(
      "eftergymnasial_kortare_an_3",
      "mer_an_3_ar",
      "sjukersattning",
      "sjukskriven",
      "forsakringskassan",
    ),
    exit: { end: "2026-06-15", status: "avbrutit" },
  },
  {
    initiative: "I1",
    gender: "kvinna",
    birthYear: 1999,
    start: "2026-02-10",
    count: 1,
    background: bg("gymnasial", "1_2_ar", "a_kassa", "arbetslos", "kommun"),
    exit: { end: "2026-02-10", status: "felregistrering" },
  },
  {
    initiative: "I2",
    gender: "man",
    birthYear: 1992,
    start: "2025-04-01",
    count: 5,
    background: bg("gymnasial", "1_2_ar", "a_kassa", "arbetslos", "arbetsformedlingen"),
    actionPlanDate: "2025-05-01",
    exit: { end: "2026-02-28", status: "arbete_ej_subventionerat" },
  },
  {
    initiative: "I2",
    gender: "kvinna",
    birthYear: 1988,
    start: "2025-06-01",
    count: 5,
    background: bg(
      "forgymnasial_kortare_an_9",
      "mer_an_3_ar",
      "forsorjningsstod",
      "arbetslos",
      "kommun",
    ),
    actionPlanDate: "2025-07-01",
    exit: { end: "2026-05-31", status: "arbetssokande" },
  },
  {
    initiative: "I2",
    gender: "kvinna",
    birthYear: 2003,
    start: "2025-08-01",
    count: 5,
    background: bg("gymnasial", "under_1_ar", "studiemedel", "studerar", "eget_initiativ"),
    actionPlanDate: "2025-09-01",
    exit: { end: "2025-12-15", status: "studier" },
  },
  {
    initiative: "I2",
    gender: "man",
    birthYear: 1990,
    start: "2026-01-20",
    count: 1,
    background: bg("gymnasial", "1_2_ar", "a_kassa", "arbetslos", "kommun"),
    exit: { end: "2026-01-20", status: "felregistrering" },
  },
  {
    initiative: "I3",
    gender: "kvinna",
    birthYear: 1998,
    start: "2026-04-15",
    count: 5,
    anonymous: true,
    background: bg("forgymnasial_9", "2_3_ar", "aktivitetsstod", "arbetslos", "arbetsformedlingen"),
  },
  {
    initiative: "I3",
    gender: "man",
    birthYear: 1960,
    start: "2026-05-01",
    count: 5,
    background: bg(
      "eftergymnasial_3_eller_langre",
      "mer_an_3_ar",
      "sjukpenning",
      "sjukskriven",
      "region",
    ),
  },
];

const answers = (a: Record<string, string>, comments: Record<string, string> = {}) =>
  Object.fromEntries(
    Object.entries(a).map(([k, v]) => [k, { answer: v, comment: comments[k] ?? "" }]),
  ) as PeriodicReportInput["answers"];

async function submitReport(
  initiative: string,
  periodKey: string,
  a: Record<string, string>,
  comments: Record<string, string> = {},
) {
  const [row] = await t.db
    .select({ id: periodicReports.id, version: periodicReports.version })
    .from(periodicReports)
    .where(
      sql`${periodicReports.initiativeId} = ${initiative} and ${periodicReports.periodKey} = ${periodKey}`,
    );
  if (!row) throw new Error(`no report ${periodKey}`);
  const version = await savePeriodicReport(t.db, actor, associationId, row.id, row.version, {
    texts: { activities: "Vi har arbetat med deltagarna enligt plan." },
    goals: [],
    answers: answers(a, comments),
    reportedBy: "Lena Lund",
    reportedOn: "2026-07-10",
  });
  await submitPeriodicReport(t.db, actor, associationId, row.id, version, NOW);
  periodicIds[`${initiative}|${periodKey}`] = row.id;
  return row.id;
}

const ALL_JA = {
  inPhase: "ja",
  steeringPrognosis: "ja",
  startedOnTime: "ja",
  vacanciesFunded: "nej",
  vacanciesOwn: "nej",
  methodChecked: "ja",
  targetGroupChecked: "ja",
  equityDiscussed: "ja",
  genderEqualityDiscussed: "ja",
  deviationGoalsOrTargetGroup: "nej",
};

beforeAll(async () => {
  t = await createTestDatabase();
  associationId = (
    await createAssociation(t.db, actor, { slug: "fu", name: "Samordningsförbundet Uppföljning" })
  ).id;
  const org = async (name: string, orgNumber: string, kind: string) =>
    (await addMemberOrganisation(t.db, actor, associationId, { name, orgNumber, kind })).id;
  orgs.tierp = await org("Tierps kommun", "212000-0274", "kommun");
  orgs.heby = await org("Heby kommun", "212000-0332", "kommun");
  orgs.af = await org("Arbetsförmedlingen", "202100-2114", "arbetsformedlingen");
  orgs.fk = await org("Försäkringskassan", "202100-5521", "forsakringskassan");
  const initiative = async (
    name: string,
    owner: string,
    partner: string,
    o: {
      orientation?: "individual" | "structural";
      preRehabilitation?: boolean;
      status?: string;
      startDate: string;
      endDate: string;
      expected?: number;
      ongoing?: boolean;
    },
  ) =>
    (
      await createInitiative(t.db, actor, associationId, {
        name,
        ownerOrganisationId: owner,
        partnerIds: [partner],
        status: o.status ?? "pagaende",
        orientation: o.orientation ?? "individual",
        preRehabilitation: o.preRehabilitation ?? false,
        esf: false,
        startDate: o.startDate,
        endDate: o.endDate,
        targetGroup: "Unga vuxna",
        ...(o.expected === undefined ? {} : { expectedParticipants: o.expected }),
        expectedParticipantsOngoing: o.ongoing ?? false,
        goals: [],
        localUnits: [],
      })
    ).id;
  id.I1 = await initiative("Tierp, Växtverket", orgs.tierp, orgs.af, {
    preRehabilitation: true,
    startDate: "2025-01-01",
    endDate: "2027-12-31",
    expected: 100,
  });
  id.I2 = await initiative("Heby, Steget", orgs.heby, orgs.fk, {
    startDate: "2025-01-01",
    endDate: "2026-12-31",
    expected: 10,
    ongoing: true,
  });
  id.I3 = await initiative("Nystart", orgs.heby, orgs.af, {
    startDate: "2026-04-01",
    endDate: "2027-03-31",
    expected: 40,
  });
  id.S1 = await initiative("Tierp, Samverkansforum", orgs.tierp, orgs.fk, {
    orientation: "structural",
    startDate: "2025-01-01",
    endDate: "2026-12-31",
  });
  id.X = await initiative("Tierp, Avslutat", orgs.tierp, orgs.af, {
    status: "avslutad",
    startDate: "2024-01-01",
    endDate: "2025-06-30",
  });

  // The participant register, through its use cases, by a participant officer of I1–I3.
  const officer = await addUser(t.db, actor, { email: "coach@fu.example.se", name: "Kim Coach" });
  for (const initiativeId of [id.I1, id.I2, id.I3])
    await assignRole(t.db, actor, {
      userId: officer.id,
      associationId,
      role: "participant_officer",
      initiativeId,
    });
  const principal = await loadPrincipal(t.db, officer.id, { type: "session" });
  if (!principal) throw new Error("no principal");
  const access: RegisterAccess = await registerScopeFor(t.db, principal, associationId);
  const crypto = createRegisterCrypto(randomBytes(32));
  let serial = 100;
  for (const block of BLOCKS) {
    for (let k = 0; k < block.count; k++) {
      const number = personalNumber(`${block.birthYear}0615`, String(serial++));
      if (!block.anonymous) numbers.push(number);
      const registered = await registerParticipant(
        t.db,
        crypto,
        access.actor,
        access.scope,
        {
          initiativeId: id[block.initiative],
          gender: block.gender,
          birthYear: block.birthYear,
          startDate: block.start,
          background: block.background,
          actionPlanDate: block.actionPlanDate ?? null,
          ...(block.anonymous
            ? {}
            : {
                personalNumber: number,
                name: `Person ${serial}`,
                consent: { consentedOn: block.start, textVersion: "2025:1", language: "svenska" },
              }),
        },
        TODAY,
      );
      if (!block.exit) continue;
      const enrollment = await getEnrollment(
        t.db,
        crypto,
        access.actor,
        access.scope,
        registered.enrollmentId,
      );
      await exitEnrollment(
        t.db,
        access.actor,
        access.scope,
        registered.enrollmentId,
        enrollment.version,
        {
          endDate: block.exit.end,
          status: block.exit.status,
          studies: block.exit.studies ?? false,
          ...(block.exit.plan === undefined ? {} : { actionPlanAtExit: block.exit.plan }),
        },
        TODAY,
      );
    }
  }

  // Periodic reports. I1: a Ja to "startade i tid" in 2025-K1; 2026-K1 all Ja; 2026-K2 Ja* with
  // a steering-group meeting held in it (all ordinary present). I2: 2026-K1 not in phase.
  // I3: 2026-K2 too early to tell. S1: none submitted.
  await ensurePeriodicReports(t.db, associationId, TODAY);
  await submitReport(id.I1, "2025-K1", ALL_JA);
  await submitReport(id.I1, "2026-K1", ALL_JA);
  const member = await addSteeringGroupMember(t.db, actor, associationId, id.I1, {
    organisationId: orgs.tierp,
    name: "Stina Styr",
    membership: "ordinarie",
    fromDate: "2025-01-01",
  });
  const meetingId = await addSteeringGroupMeeting(
    t.db,
    actor,
    associationId,
    id.I1,
    { meetingDate: "2026-05-10", held: true },
    NOW,
  );
  const meeting = await getSteeringGroupMeeting(t.db, associationId, id.I1, meetingId);
  await updateSteeringGroupMeeting(
    t.db,
    actor,
    associationId,
    id.I1,
    meetingId,
    meeting?.version ?? 1,
    { meetingDate: "2026-05-10", held: true, attendance: [{ memberId: member, present: true }] },
    NOW,
  );
  const k2 = await submitReport(
    id.I1,
    "2026-K2",
    {
      ...ALL_JA,
      inPhase: "ja_kommentar",
      vacanciesFunded: "ja",
      targetGroupChecked: "nej",
      genderEqualityDiscussed: "nej",
    },
    { inPhase: "Färre deltagare än planerat har skrivits in." },
  );
  // "Startade i tid" left open in the latest report (as a report from before Samspår may be):
  // the Ja of an earlier report is carried.
  await t.db
    .update(periodicReports)
    .set({
      content: sql`jsonb_set(${periodicReports.content}, '{answers,startedOnTime,answer}', 'null'::jsonb)`,
    })
    .where(eq(periodicReports.id, k2));
  await submitReport(
    id.I2,
    "2026-K1",
    {
      ...ALL_JA,
      inPhase: "nej",
      steeringPrognosis: "nej",
      startedOnTime: "nej",
      vacanciesOwn: "ja",
      equityDiscussed: "nej",
      deviationGoalsOrTargetGroup: "ja",
    },
    {
      inPhase: "Deltagarna har inte kunnat rekryteras.",
      steeringPrognosis: "Insatsen avslutas i förtid.",
    },
  );
  await submitReport(id.I3, "2026-K2", {
    ...ALL_JA,
    inPhase: "for_tidigt",
    steeringPrognosis: "ingen",
  });

  // I2 ends early: a deviation report (målgrupp) with the request, submitted and approved.
  const deviation = await createDeviationReport(t.db, actor, associationId, id.I2, {
    types: ["malgrupp"],
    description: "Målgruppen finns inte i kommunen längre.",
    cause: "Arbetsmarknaden har förändrats.",
    consequence: "Insatsen kan inte nå sina mål.",
    measures: "Insatsen avslutas och deltagarna slussas vidare.",
    request: "avslut_i_fortid",
    requestedEndDate: "2026-05-31",
  });
  const submitted = await submitDeviationReport(
    t.db,
    actor,
    associationId,
    deviation,
    1,
    new Date("2026-05-05T09:00:00Z"),
  );
  deviationRegistry = submitted.registryNumber;
  await decideDeviationReport(
    t.db,
    actor,
    associationId,
    deviation,
    submitted.version,
    { decisionBody: "kansli", decision: "godkand", decisionDate: "2026-05-20" },
    { now: new Date("2026-05-20T12:00:00Z") },
  );

  // I2's final report, submitted.
  const [final] = await t.db
    .insert(finalReports)
    .values({
      associationId,
      initiativeId: id.I2,
      status: "inskickad",
      registryNumber: "2026-0042",
      submittedAt: new Date("2026-06-20T10:00:00Z"),
      content: {
        purpose: "Att unga vuxna i Heby ska komma närmare arbete.",
        goals: [
          {
            goalId: null,
            text: "Hälften till arbete eller studier",
            kind: "resultatmal",
            targetNumber: null,
            targetPercent: 50,
            achieved: "nej",
            outcome: "Färre än väntat kom i arbete.",
            figures: "5 av 15",
          },
        ],
      },
    })
    .returning({ id: finalReports.id });
  finalReportId = final?.id ?? "";

  // Money: budgets (association funds; I1 also co-financing) and requisitions.
  await writeBudget(t.db, associationId, id.I1, {
    "2025-K4": [{ amount: 150_000 }],
    "2026-K1": [
      { amount: 200_000 },
      { source: "medfinansiering", organisationId: orgs.tierp, amount: 30_000 },
    ],
    "2026-K2": [{ amount: 200_000 }],
    "2026-K3": [{ amount: 200_000 }],
  });
  reqIds["I1|2025-K4"] = await writeRequisition(t.db, associationId, id.I1, "2025-K4", "godkand", [
    { amount: 150_000 },
  ]);
  reqIds["I1|2026-K1"] = await writeRequisition(t.db, associationId, id.I1, "2026-K1", "godkand", [
    { amount: 180_000 },
  ]);
  await writeRequisition(t.db, associationId, id.I1, "2026-K2", "inskickad", [{ amount: 210_000 }]);
  await writeBudget(t.db, associationId, id.I2, {
    "2026-K1": [{ amount: 100_000 }],
    "2026-K2": [{ amount: 100_000 }],
  });
  reqIds["I2|2026-K1"] = await writeRequisition(t.db, associationId, id.I2, "2026-K1", "godkand", [
    { amount: 95_000 },
  ]);
  reqIds["I2|2026-K2"] = await writeRequisition(t.db, associationId, id.I2, "2026-K2", "godkand", [
    { amount: 90_000 },
  ]);
  await writeBudget(t.db, associationId, id.S1, {
    "2026-K1": [{ amount: 50_000 }],
    "2026-K2": [{ amount: 50_000 }],
  });
  reqIds["S1|2026-K1"] = await writeRequisition(t.db, associationId, id.S1, "2026-K1", "godkand", [
    { amount: 50_000 },
  ]);
  reqIds["S1|2026-K2"] = await writeRequisition(t.db, associationId, id.S1, "2026-K2", "godkand", [
    { amount: 55_000 },
  ]);
  await setPrognosisOverride(
    t.db,
    fixtureActor,
    associationId,
    id.S1,
    "2026-K2",
    "bevaka",
    "Kostnaderna för lokalen ökar under hösten.",
    { today: TODAY },
  );
}, 120_000);
afterAll(() => t?.drop());

/** Locks a computed report as a previous version table 8 can compare with. */
const locked = (report: FollowUpReport): FollowUpReport => ({
  ...report,
  version: {
    id: "00000000-0000-4000-8000-000000000001",
    number: 1,
    status: "last",
    lockedAt: "2026-01-20T10:00:00.000Z",
    lockedBy: "Maria Lindqvist",
  },
});

async function setThreshold(threshold: number, allowTrueZero: boolean) {
  const [row] = await t.db
    .execute<{ version: number }>(
      sql`select version from disclosure_settings where association_id = ${associationId}`,
    )
    .then((r) => r.rows);
  await saveDisclosureSettings(t.db, actor, associationId, row?.version ?? 0, {
    threshold,
    allowTrueZero,
  });
}

async function both(threshold: number, allowTrueZero: boolean) {
  await setThreshold(threshold, allowTrueZero);
  const previous = locked(await computeFollowUp(t.db, { associationId, ...PREVIOUS, now: NOW }));
  const report = await computeFollowUp(t.db, { associationId, ...PERIOD, previous, now: NOW });
  return { previous, report };
}

// Cells as the report writes them.
const v = (value: number): PersonCount => ({ value });
const r = (ratio: number): PersonShare => ({ ratio });
const P = (threshold = 5): PersonCount => ({ suppressed: "primary", threshold });
const noDenominator = (threshold: number): PersonShare => ({
  suppressed: "denominator",
  threshold,
});

function row(
  label: string,
  initiative: { id: string; name: string } | null,
  c: {
    whole: number;
    exitedWhole: number;
    exited: number;
    women: number;
    men: number;
    share: PersonShare;
    plan: PersonShare;
    ongoing: number;
  },
): IndividualRow {
  return {
    initiative,
    label,
    wholeTime: v(c.whole),
    exitedWholeTime: v(c.exitedWhole),
    exitedInPeriod: v(c.exited),
    womenToWorkOrStudies: v(c.women),
    menToWorkOrStudies: v(c.men),
    shareToWorkOrStudies: c.share,
    shareWithActionPlan: c.plan,
    ongoing: v(c.ongoing),
  };
}

/** Tables 6–8 and the background as worked out above; `t` is the threshold shown in marks. */
function expectedPeople(threshold: number, smallCells: "shown" | "hidden") {
  const I1 = { id: id.I1, name: "Tierp, Växtverket" };
  const I2 = { id: id.I2, name: "Heby, Steget" };
  const I3 = { id: id.I3, name: "Heby, Nystart" };
  const i1 = {
    whole: 35,
    exitedWhole: 30,
    exited: 25,
    women: 10,
    men: 10,
    share: r(20 / 25),
    plan: r(10 / 25),
    ongoing: 5,
  };
  const small = (n: number) => (smallCells === "shown" ? v(n) : P(threshold));
  return {
    individual: {
      groups: [
        {
          kind: "forrehabiliterande",
          label: "Förrehabiliterande insatser",
          rows: [row(I1.name, I1, i1)],
          total: row("Summa förrehabiliterande", null, i1),
        },
        {
          kind: "mot_arbete_studier",
          label: "Insatser mot arbete eller studier",
          rows: [
            row(I3.name, I3, {
              whole: 10,
              exitedWhole: 0,
              exited: 0,
              women: 0,
              men: 0,
              share: noDenominator(threshold),
              plan: noDenominator(threshold),
              ongoing: 10,
            }),
            row(I2.name, I2, {
              whole: 15,
              exitedWhole: 15,
              exited: 10,
              women: 0,
              men: 5,
              share: r(5 / 10),
              plan: r(10 / 10),
              ongoing: 0,
            }),
          ],
          total: row("Summa mot arbete eller studier", null, {
            whole: 25,
            exitedWhole: 15,
            exited: 10,
            women: 0,
            men: 5,
            share: r(5 / 10),
            plan: r(10 / 10),
            ongoing: 10,
          }),
        },
      ],
      total: row("Totalt", null, {
        whole: 60,
        exitedWhole: 45,
        exited: 35,
        women: 10,
        men: 15,
        share: r(25 / 35),
        plan: r(20 / 35),
        ongoing: 15,
      }),
    },
    exitReasons: [
      ["arbete_ej_subventionerat", "Arbete, ej subventionerat", null, v(5), v(5), v(10)],
      ["subventionerat_arbete", "Subventionerat arbete", null, small(3), small(2), v(5)],
      ["eget_foretag", "Eget företag", null, small(2), small(3), v(5)],
      ["studier", "Studier (ej arbete)", null, v(0), v(5), v(5)],
      ["bade_arbete_och_studier", "varav både arbete och studier", "arbete", v(5), v(0), v(5)],
      ["arbetssokande", "Arbetssökande", null, v(5), v(0), v(5)],
      ["ovriga_avslutade", "Övriga avslutade", null, v(5), v(0), v(5)],
    ].map(([key, label, partOf, women, men, total]) => ({ key, label, partOf, women, men, total })),
    participantBackground: {
      enrolledInPeriod: v(50),
      shares: [
        ["andel_kvinnor", "Andel kvinnor", 30 / 50],
        ["andel_man", "Andel män", 20 / 50],
        ["andel_under_30", "Andel under 30 år", 10 / 50],
        [
          "andel_offentlig_forsorjning_mer_an_3_ar",
          "Andel med offentlig försörjning mer än 3 år",
          25 / 50,
        ],
        [
          "andel_kvinnor_offentlig_forsorjning_mer_an_3_ar",
          "Andel kvinnor bland dem med offentlig försörjning mer än 3 år",
          15 / 25,
        ],
        ["andel_forgymnasial", "Andel med förgymnasial utbildning som högsta", 15 / 50],
        [
          "andel_kvinnor_forgymnasial",
          "Andel kvinnor bland dem med förgymnasial utbildning",
          15 / 15,
        ],
        ["andel_eftergymnasial", "Andel med eftergymnasial utbildning", 15 / 50],
        ["andel_utbildning_okand", "Andel med okänd utbildning eller där uppgift saknas", 5 / 50],
      ].map(([key, label, ratio]) => ({ key, label, share: r(ratio as number) })),
    },
    participants: {
      rows: [
        {
          ...I3,
          wholeTime: v(10),
          change: null,
          changeNegative: false,
          expected: { count: 40, ongoing: false },
          behindTarget: false,
        },
        {
          ...I2,
          wholeTime: v(15),
          change: v(0),
          changeNegative: false,
          expected: { count: 10, ongoing: true },
          behindTarget: false,
        },
        // table 8 lists the individual initiatives in table 1's order: I3, I1 (active), I2 (ended)
      ],
      total: { wholeTime: v(60), change: v(20), changeNegative: false },
      behindTargetText:
        "En insats ligger efter sitt mål för antalet deltagare (färre än 80 % av det förväntade antalet): Tierp, Växtverket (35 deltagare under insatstiden, i proportion till den planerade insatstiden väntades 50 vid periodens slut av 100 totalt).",
    },
  };
}

describe("the follow-up report by hand", () => {
  let exact: { previous: FollowUpReport; report: FollowUpReport };
  let five: { previous: FollowUpReport; report: FollowUpReport };
  let zerosHidden: { previous: FollowUpReport; report: FollowUpReport };
  beforeAll(async () => {
    exact = await both(0, false);
    five = await both(5, true);
    zerosHidden = await both(5, false);
  }, 90_000);

  it("names the period and the association, and says which locked version it compares with", () => {
    const { report } = exact;
    expect(report.format).toBe("samspar-follow-up-report");
    expect(report.period).toEqual({ ...PERIOD, label: "kvartal 1 och 2 2026" });
    expect(exact.previous.period.label).toBe("kvartal 3 och 4 2025");
    expect(report.association).toEqual({ slug: "fu", name: "Samordningsförbundet Uppföljning" });
    expect(report.generatedAt).toBe("2026-08-15T10:00:00.000Z");
    expect(report.version).toBeNull();
    expect(report.previous).toEqual({
      id: "00000000-0000-4000-8000-000000000001",
      period: exact.previous.period,
      lockedAt: "2026-01-20T10:00:00.000Z",
    });
  });

  it("lists the initiatives active in the period, then those that ended in it (table 1)", () => {
    // active: I1, I2 (ends 05-31), I3 (starts 04-01), S1; not X (ended 2025-06-30)
    expect(exact.report.initiatives).toEqual([
      {
        id: id.I3,
        name: "Heby, Nystart",
        owner: "Heby kommun",
        orientation: "individual",
        individualKind: "mot_arbete_studier",
        startDate: "2026-04-01",
        endDate: "2027-03-31",
        group: "active",
        plannedEndDate: null,
      },
      {
        id: id.S1,
        name: "Tierp, Samverkansforum",
        owner: "Tierps kommun",
        orientation: "structural",
        individualKind: null,
        startDate: "2025-01-01",
        endDate: "2026-12-31",
        group: "active",
        plannedEndDate: null,
      },
      {
        id: id.I1,
        name: "Tierp, Växtverket",
        owner: "Tierps kommun",
        orientation: "individual",
        individualKind: "forrehabiliterande",
        startDate: "2025-01-01",
        endDate: "2027-12-31",
        group: "active",
        plannedEndDate: null,
      },
      {
        id: id.I2,
        name: "Heby, Steget",
        owner: "Heby kommun",
        orientation: "individual",
        individualKind: "mot_arbete_studier",
        startDate: "2025-01-01",
        endDate: "2026-05-31",
        group: "ended_in_period",
        plannedEndDate: "2026-12-31",
      },
    ]);
  });

  it("takes goal status, preconditions and quality from the latest report of the period (tables 2, 3, 5)", () => {
    const { report } = exact;
    const ref = (initiative: string, key: string, label: string) => ({
      kind: "periodic_report",
      id: periodicIds[`${initiative}|${key}`],
      label,
    });
    expect(report.goalStatus).toEqual([
      {
        id: id.I3,
        name: "Heby, Nystart",
        inPhase: "for_tidigt",
        prognosis: "ingen",
        colour: "none",
        colourText: "Ingen färg: för tidigt att utläsa.",
        deviationReport: false,
        comment: null,
        report: ref(id.I3, "2026-K2", "2026 kvartal 2"),
      },
      {
        id: id.S1,
        name: "Tierp, Samverkansforum",
        inPhase: null,
        prognosis: null,
        colour: "none",
        colourText: "Ingen färg: ingen lägesrapport för perioden.",
        deviationReport: false,
        comment: null,
        report: null,
      },
      {
        id: id.I1,
        name: "Tierp, Växtverket",
        inPhase: "ja_kommentar",
        prognosis: "ja",
        colour: "yellow",
        colourText: "Gul (bevaka): i fas, med kommentar (Ja*).",
        deviationReport: false,
        comment: "Färre deltagare än planerat har skrivits in.",
        report: ref(id.I1, "2026-K2", "2026 kvartal 2"),
      },
      {
        id: id.I2,
        name: "Heby, Steget",
        inPhase: "nej",
        prognosis: "nej",
        colour: "red",
        colourText:
          "Röd: insatsen ligger inte i fas med uppsatta mål; en avvikelserapport under perioden (målgrupp).",
        deviationReport: true,
        comment: `Deltagarna har inte kunnat rekryteras. Styrgruppens prognos: Insatsen avslutas i förtid. Avvikelserapport ${deviationRegistry} (målgrupp): Målgruppen finns inte i kommunen längre.`,
        report: ref(id.I2, "2026-K1", "2026 kvartal 1"),
      },
    ]);
    // I1: "startade i tid" left open in 2026-K2, carried from the Ja of 2025-K1 / 2026-K1;
    // budget deviation derived: none submitted → Nej
    expect(report.preconditions.map(({ report: _r, ...rest }) => rest)).toEqual([
      {
        id: id.I3,
        name: "Heby, Nystart",
        startedOnTime: "ja",
        vacanciesFunded: "nej",
        vacanciesOwn: "nej",
        budgetDeviationSubmitted: "nej",
      },
      {
        id: id.S1,
        name: "Tierp, Samverkansforum",
        startedOnTime: null,
        vacanciesFunded: null,
        vacanciesOwn: null,
        budgetDeviationSubmitted: null,
      },
      {
        id: id.I1,
        name: "Tierp, Växtverket",
        startedOnTime: "ja",
        vacanciesFunded: "ja",
        vacanciesOwn: "nej",
        budgetDeviationSubmitted: "nej",
      },
      {
        id: id.I2,
        name: "Heby, Steget",
        startedOnTime: "nej",
        vacanciesFunded: "nej",
        vacanciesOwn: "ja",
        budgetDeviationSubmitted: "nej",
      },
    ]);
    // derived at submission: I1 2026-K2 one held meeting (≥ 1 in the quarter) with every ordinary
    // member present → Ja, Ja; earlier reports of I1 and I2 were not all in on time → Nej;
    // I3 has no earlier report → Ja; I2 and I3 held no meeting → Nej, and attendance unanswered.
    expect(report.quality.map(({ report: _r, ...rest }) => rest)).toEqual([
      {
        id: id.I3,
        name: "Heby, Nystart",
        steeringMeetingsAsAgreed: "nej",
        allOrdinaryAttended: null,
        followUpAsAgreed: "ja",
        methodChecked: "ja",
        targetGroupChecked: "ja",
        equityDiscussed: "ja",
        genderEqualityDiscussed: "ja",
        deviationGoalsOrTargetGroup: "nej",
      },
      {
        id: id.S1,
        name: "Tierp, Samverkansforum",
        steeringMeetingsAsAgreed: null,
        allOrdinaryAttended: null,
        followUpAsAgreed: null,
        methodChecked: null,
        targetGroupChecked: null,
        equityDiscussed: null,
        genderEqualityDiscussed: null,
        deviationGoalsOrTargetGroup: null,
      },
      {
        id: id.I1,
        name: "Tierp, Växtverket",
        steeringMeetingsAsAgreed: "ja",
        allOrdinaryAttended: "ja",
        followUpAsAgreed: "nej",
        methodChecked: "ja",
        targetGroupChecked: "nej",
        equityDiscussed: "ja",
        genderEqualityDiscussed: "nej",
        deviationGoalsOrTargetGroup: "nej",
      },
      {
        id: id.I2,
        name: "Heby, Steget",
        steeringMeetingsAsAgreed: "nej",
        allOrdinaryAttended: null,
        followUpAsAgreed: "nej",
        methodChecked: "ja",
        targetGroupChecked: "ja",
        equityDiscussed: "nej",
        genderEqualityDiscussed: "ja",
        deviationGoalsOrTargetGroup: "ja",
      },
    ]);
  });

  it("puts budget, outcome, ratio and prognosis for the period in table 4, and the split by orientation", () => {
    const req = (key: string, label: string) => ({ kind: "requisition", id: reqIds[key], label });
    expect(exact.report.budget).toEqual({
      rows: [
        {
          id: id.I3,
          name: "Heby, Nystart",
          budget: 0,
          outcome: 0,
          ratioPercent: null,
          prognosis: "OK",
          colour: "green",
          sources: [],
        },
        {
          id: id.S1,
          name: "Tierp, Samverkansforum",
          budget: 100_000,
          outcome: 105_000,
          ratioPercent: 105,
          prognosis: "Bevaka",
          colour: "yellow",
          sources: [
            req("S1|2026-K1", "Rekvisition 2026 kvartal 1"),
            req("S1|2026-K2", "Rekvisition 2026 kvartal 2"),
          ],
        },
        {
          id: id.I1,
          name: "Tierp, Växtverket",
          budget: 400_000,
          outcome: 180_000,
          ratioPercent: 45,
          prognosis: "Åtgärd",
          colour: "red",
          sources: [req("I1|2026-K1", "Rekvisition 2026 kvartal 1")],
        },
        {
          id: id.I2,
          name: "Heby, Steget",
          budget: 200_000,
          outcome: 185_000,
          ratioPercent: 93,
          prognosis: "Avslutad",
          colour: "none",
          sources: [
            req("I2|2026-K1", "Rekvisition 2026 kvartal 1"),
            req("I2|2026-K2", "Rekvisition 2026 kvartal 2"),
          ],
        },
      ],
      total: { budget: 700_000, outcome: 470_000, ratioPercent: 67 },
    });
    expect(exact.report.structure).toEqual([
      { orientation: "structural", initiatives: 1, outcome: 105_000 },
      { orientation: "individual", initiatives: 3, outcome: 365_000 },
      { orientation: "total", initiatives: 4, outcome: 470_000 },
    ]);
  });

  it("counts tables 6, 7, the background and table 8 exactly with threshold 0", () => {
    const want = expectedPeople(0, "shown");
    const { report } = exact;
    expect(report.individual).toEqual(want.individual);
    expect(report.exitReasons).toEqual(want.exitReasons);
    expect(report.participantBackground).toEqual(want.participantBackground);
    expect(report.participants.rows).toEqual([
      want.participants.rows[0],
      {
        id: id.I1,
        name: "Tierp, Växtverket",
        wholeTime: v(35),
        change: v(10),
        changeNegative: false,
        expected: { count: 100, ongoing: false },
        behindTarget: true,
      },
      want.participants.rows[1],
    ]);
    expect(report.participants.total).toEqual(want.participants.total);
    expect(report.participants.behindTargetText).toBe(want.participants.behindTargetText);
    // the previous follow-up's whole-time counts (both active then, by name): I2 15, I1 25;
    // total 40
    expect(exact.previous.participants.rows.map((x) => [x.name, x.wholeTime])).toEqual([
      ["Heby, Steget", v(15)],
      ["Tierp, Växtverket", v(25)],
    ]);
    expect(exact.previous.participants.total.wholeTime).toEqual(v(40));
  });

  it("hides only the small cells with threshold 5, and says how many and why", () => {
    const want = expectedPeople(5, "hidden");
    const { report } = five;
    expect(report.individual).toEqual(want.individual);
    expect(report.exitReasons).toEqual(want.exitReasons);
    expect(report.participantBackground).toEqual(want.participantBackground);
    expect(report.participants.total).toEqual(want.participants.total);
    expect(report.participants.rows[1]).toMatchObject({ wholeTime: v(35), change: v(10) });
    expect(report.participants.behindTargetText).toBe(want.participants.behindTargetText);
    // 4 counts of table 7 "< 5"; I3's two shares without anyone in the denominator
    expect(report.disclosure).toEqual({
      threshold: 5,
      allowTrueZero: true,
      suppressedCells: 6,
      reasons: [
        `4 uppgifter avser 1–4 personer och visas som ”<${NBSP}5”.`,
        "2 andelar visas inte (”..”) eftersom det är färre än 5 personer i nämnaren.",
      ],
    });
    expect(exact.report.disclosure).toEqual({
      threshold: 0,
      allowTrueZero: false,
      suppressedCells: 2,
      reasons: [
        "Röjandekontrollen är avstängd (tröskel 0): alla antal visas som de är.",
        "2 andelar visas inte (”..”) eftersom nämnaren är 0.",
      ],
    });
  });

  it("with threshold 5 and zeros hidden (the default), shows only hand values of 5 or more", () => {
    // The hand values are those of the exact report above. Every 0–4 of an initiative's row or
    // a group's total is "< 5"; a figure shown is the hand value; a sum over both groups with a
    // hidden part is "<5" or "..". Which others are hidden so that these cannot be worked out
    // is the register's choice (and the audit's), tested by the property test.
    const pairs = (report: FollowUpReport) => [
      ...report.individual.groups.flatMap((g) =>
        [...g.rows, g.total].map((r) => ({ r, group: true })),
      ),
      { r: report.individual.total, group: false },
    ];
    const shownRows = pairs(zerosHidden.report);
    const exactRows = pairs(exact.report);
    const counts = [
      "wholeTime",
      "exitedWholeTime",
      "exitedInPeriod",
      "womenToWorkOrStudies",
      "menToWorkOrStudies",
      "ongoing",
    ] as const;
    let hidden = 0;
    shownRows.forEach(({ r, group }, i) => {
      const e = exactRows[i]?.r as IndividualRow;
      for (const f of counts) {
        const cell = r[f];
        const truth = (e[f] as { value: number }).value;
        if ("value" in cell) expect(cell.value, `${r.label} ${f}`).toBe(truth);
        else hidden++;
        if (truth < 5) {
          expect("value" in cell, `${r.label} ${f}`).toBe(false);
          if (group) expect(cell, `${r.label} ${f}`).toEqual(P(5));
        }
      }
      for (const f of ["shareToWorkOrStudies", "shareWithActionPlan"] as const) {
        const share = r[f];
        if ("ratio" in share) expect(share).toEqual(e[f]);
      }
    });
    zerosHidden.report.exitReasons.forEach((row, i) => {
      const e = exact.report.exitReasons[i] as (typeof exact.report.exitReasons)[number];
      for (const f of ["women", "men", "total"] as const) {
        const truth = (e[f] as { value: number }).value;
        const cell = row[f];
        if ("value" in cell) expect(cell.value).toBe(truth);
        if (truth < 5) expect("value" in cell, `${row.key} ${f}`).toBe(false);
      }
    });
    // I2 ongoing 0, I3 exited 0 …: there are zeros to hide
    expect(hidden).toBeGreaterThan(0);
    expect(zerosHidden.report.disclosure.threshold).toBe(5);
    expect(zerosHidden.report.disclosure.allowTrueZero).toBe(false);
    expect(zerosHidden.report.disclosure.suppressedCells).toBeGreaterThan(hidden);
  });

  it("writes the summary and the sources in Swedish, with Swedish numbers", () => {
    const sentences = [
      "Under perioden kvartal 1 och 2 2026 var 4 insatser aktiva: 3 individinriktade och 1 strukturinriktad.",
      "1 insats avslutades under perioden (1 under kvartal 2 2026), och 1 insats startade (1 under kvartal 2 2026).",
      `Under perioden avslutades 35 deltagare i de individinriktade insatserna, och 71${NBSP}% av dem gick till arbete och/eller studier.`,
      "Av dem som gick till arbete och/eller studier var 10 kvinnor och 15 män.",
    ];
    expect(exact.report.summary).toEqual({ generated: sentences, edited: null });
    expect(five.report.summary.generated).toEqual(sentences);
    expect(exact.report.background.generated).toEqual([
      "Rapporten bygger på uppgifterna i Samspår om förbundets 4 aktiva insatser under perioden: insatsregistret, lägesrapporterna, avvikelserapporterna, budgetarna och rekvisitionerna, slutrapporterna och deltagarregistret.",
      // reports of the period: I1 2026-K1 and K2, I2 2026-K1, I3 2026-K2
      "Insatsernas läge (tabell 2, 3 och 5) kommer från den senaste inskickade eller låsta lägesrapporten vars period slutar inom uppföljningsperioden: 3 av 4 insatser har lämnat en sådan (4 rapporter under perioden). 1 avvikelserapport kom in eller beslutades under perioden.",
      "Budget och utfall (tabell 4) är förbundsmedel enligt insatsernas gällande budget och de 5 godkända rekvisitionerna för rapportperioder som slutar inom uppföljningsperioden.",
      "Deltagaruppgifterna (tabell 6–8 och deltagarnas bakgrund) kommer från deltagarregistret. Förbundet har stängt av röjandekontrollen (tröskel 0), så alla antal visas som de är.",
      "Avsnittet om avslutade insatser bygger på 1 slutrapport.",
    ]);
    expect(exact.report.analysis).toEqual({ generated: [], edited: null });
  });

  it("summarises the initiatives that ended from their final reports", () => {
    expect(exact.report.endedInitiatives).toEqual([
      {
        id: id.I2,
        name: "Heby, Steget",
        owner: "Heby kommun",
        partners: ["Försäkringskassan"],
        startDate: "2025-01-01",
        endDate: "2026-05-31",
        purpose: "Att unga vuxna i Heby ska komma närmare arbete.",
        outcomeSummary:
          "Resultatmål 1, Hälften till arbete eller studier: Uppnått: Nej. Färre än väntat kom i arbete. (5 av 15)",
        finalReport: { kind: "final_report", id: finalReportId, label: "Slutrapport 2026-0042" },
      },
    ]);
  });

  it("defines every figure key it uses, with a source", () => {
    const keys = Object.values(FIGURE_KEYS).flatMap((section) => Object.values(section));
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) {
      const d = exact.report.definitions[key];
      expect(d, key).toBeDefined();
      expect(d?.key).toBe(key);
      expect(d?.label.length, key).toBeGreaterThan(2);
      expect(d?.definition.length, key).toBeGreaterThan(20);
      expect(d?.source.length, key).toBeGreaterThan(5);
    }
    expect(Object.keys(exact.report.definitions).sort()).toEqual([...keys].sort());
  });

  it("holds nothing identifying: no personnummer, name or participant id", () => {
    const json = JSON.stringify(five.report) + JSON.stringify(exact.report);
    for (const number of numbers) {
      expect(json).not.toContain(number);
      expect(json).not.toContain(number.replace("-", "").slice(2));
    }
    expect(json).not.toContain("Person 1");
  });
});

describe("the money of table 4", () => {
  it("is initiativeMoney's, initiative by initiative, read in one batch", async () => {
    const asOfs = ["2026-06-30", "2026-03-31", "2025-12-31", TODAY];
    const list = [id.I1, id.I2, id.I3, id.S1, id.X];
    const rows = await t.db.execute<{
      id: string;
      name: string;
      status: string;
      start_date: string | null;
      end_date: string | null;
    }>(
      sql`select id, name, status, start_date::text, end_date::text from initiatives where association_id = ${associationId}`,
    );
    for (const asOf of asOfs) {
      const batch = await initiativesMoney(
        t.db,
        associationId,
        rows.rows.map((x) => ({
          id: x.id,
          registeredName: x.name,
          status: x.status,
          startDate: x.start_date,
          endDate: x.end_date,
        })),
        asOf,
      );
      for (const initiative of list)
        expect(batch.get(initiative), `${initiative} ${asOf}`).toEqual(
          await initiativeMoney(t.db, associationId, initiative, asOf),
        );
    }
  });
});

describe("an association without individual initiatives", () => {
  it("has empty participant tables whose totals are true zeros, hidden like small counts", async () => {
    const other = (
      await createAssociation(t.db, actor, { slug: "fu-struktur", name: "Förbund utan deltagare" })
    ).id;
    const owner = (
      await addMemberOrganisation(t.db, actor, other, {
        name: "Heby kommun",
        orgNumber: "212000-0332",
        kind: "kommun",
      })
    ).id;
    const partner = (
      await addMemberOrganisation(t.db, actor, other, {
        name: "Försäkringskassan",
        orgNumber: "202100-5521",
        kind: "forsakringskassan",
      })
    ).id;
    await createInitiative(t.db, actor, other, {
      name: "Forum",
      ownerOrganisationId: owner,
      partnerIds: [partner],
      status: "pagaende",
      orientation: "structural",
      preRehabilitation: false,
      esf: false,
      startDate: "2026-02-01",
      endDate: "2026-12-31",
      targetGroup: "",
      expectedParticipantsOngoing: false,
      goals: [],
      localUnits: [],
    });
    const report = await computeFollowUp(t.db, { associationId: other, ...PERIOD, now: NOW });
    expect(report.initiatives.map((i) => [i.name, i.group])).toEqual([["Heby, Forum", "active"]]);
    expect(report.individual.groups).toEqual([]);
    // the default disclosure control: threshold 5, a true 0 hidden
    expect(report.individual.total.wholeTime).toEqual(P(5));
    expect(report.participantBackground.enrolledInPeriod).toEqual(P(5));
    expect(report.participants).toEqual({
      rows: [],
      total: { wholeTime: P(5), change: null, changeNegative: false },
      behindTargetText: null,
    });
    expect(report.summary.generated).toEqual([
      "Under perioden kvartal 1 och 2 2026 var 1 insats aktiv: 0 individinriktade och 1 strukturinriktad.",
      "Ingen insats avslutades under perioden, och 1 insats startade (1 under kvartal 1 2026).",
      "Inga individinriktade insatser var aktiva, så det finns inga deltagare att redovisa.",
    ]);
    expect(report.structure).toEqual([
      { orientation: "structural", initiatives: 1, outcome: 0 },
      { orientation: "individual", initiatives: 0, outcome: 0 },
      { orientation: "total", initiatives: 1, outcome: 0 },
    ]);
    expect(report.progression).toEqual({ rows: [], noPlanText: NO_PLAN_TEXT });
  });
});

// Progression (issue 8), on the progression results' own fixture (progression/results-fixture.ts,
// figures worked out by hand in results.test.ts), for the year 2026. Plans: "Tierp, Växtverket"
// (a, target 50 %, framtidstro version 1) and "Heby, Steget" (b, target 80 %); the other two
// individual initiatives of the fixture have no plan and no row. Total score = mean of a, b
// (reverse-scored) and c:
//   a: 7 enrolled, 6 measured (6/7); pairs W1 2.33 → 4.33, W2 2.67 → 3.5, M1 2.67 → 3.67,
//      M2 4.33 → 3.33, O1 1.67 → 2.67: change kvinnor 1.42, män 0, totalt 0.77; improved
//      (≥ 1) W1, M1, O1 = 3/5.
//   b: 8 enrolled, 3 measured (3/8 < 80 %); two women 2 → 4 (change 2, both improved), the
//      man without a follow-up: no mean for män.
describe("the progression section", () => {
  const YEAR = { from: "2026-01-01", to: "2026-12-31" };
  const AT = new Date("2026-11-23T10:00:00Z");
  let fixture: Awaited<ReturnType<typeof progressionFixture>>;
  beforeAll(async () => {
    fixture = await progressionFixture(t.db, t.owner.db, { slug: "fu-progression" });
  });

  it("has a row per initiative with a plan, with the figures worked out by hand (threshold 0)", async () => {
    const association = fixture.f.associationId;
    await saveDisclosureSettings(t.db, actor, association, 0, {
      threshold: 0,
      allowTrueZero: true,
    });
    const report = await computeFollowUp(t.db, { associationId: association, ...YEAR, now: AT });
    const order = report.initiatives
      .map((i) => i.id)
      .filter((id) => id === fixture.a || id === fixture.b);
    const nameOf = (id: string) => report.initiatives.find((i) => i.id === id)?.name;
    const expected = {
      [fixture.a]: {
        id: fixture.a,
        name: nameOf(fixture.a),
        instrument: { key: "framtidstro", name: "Framtidstro", version: 1 },
        measuredShare: { ratio: 6 / 7 },
        targetPercent: 50,
        target: "uppnatt",
        targetText: "Målet 50 % är uppnått.",
        change: { women: { value: 1.42 }, men: { value: 0 }, total: { value: 0.77 } },
        improvedShare: { ratio: 0.6 },
        pairs: { value: 5 },
      },
      [fixture.b]: {
        id: fixture.b,
        name: nameOf(fixture.b),
        instrument: { key: "framtidstro", name: "Framtidstro", version: 1 },
        measuredShare: { ratio: 0.375 },
        targetPercent: 80,
        target: "inte_uppnatt",
        targetText: "Målet 80 % är inte uppnått.",
        change: {
          women: { value: 2 },
          men: { suppressed: "none", threshold: 0 },
          total: { value: 2 },
        },
        improvedShare: { ratio: 1 },
        pairs: { value: 2 },
      },
    };
    expect(report.progression).toEqual({
      rows: order.map((id) => expected[id]),
      noPlanText: null,
    });
    // in the report's order of initiatives, and both individual initiatives without a plan left out
    expect(order).toHaveLength(2);
    expect(report.initiatives.filter((i) => i.orientation === "individual")).toHaveLength(4);
    // every progression figure traced to its definition and source
    for (const key of Object.values(FIGURE_KEYS.progression)) {
      expect(report.definitions[key]?.source).toMatch(/^Progressionsmätningen/);
    }
    expect(report.definitions[FIGURE_KEYS.progression.change]?.definition).toContain(
      "senaste mätningen minus nollpunkten",
    );
    expect(report.disclosure.reasons.join(" ")).not.toContain("Progression");
  });

  it("with the default threshold 5, shows the results' protected figures and counts what is hidden", async () => {
    const association = fixture.f.associationId;
    await saveDisclosureSettings(t.db, actor, association, 1, {
      threshold: 5,
      allowTrueZero: false,
    });
    const report = await computeFollowUp(t.db, { associationId: association, ...YEAR, now: AT });
    const results = await progressionResults(t.db, association, {
      ...YEAR,
      initiativeIds: [fixture.a, fixture.b],
    });
    expect(results.threshold).toBe(5);
    const rows = report.progression?.rows ?? [];
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      const own = results.initiatives.find((i) => i.id === row.id)?.instruments[0];
      const total = own?.participants.scores.find((s) => s.key === "total");
      expect(row.measuredShare).toEqual(own?.coverage.share.totalt);
      expect(row.target).toBe(own?.coverage.target);
      expect(row.change).toEqual({
        women: total?.change.kvinnor,
        men: total?.change.man,
        total: total?.change.totalt,
      });
      expect(row.improvedShare).toEqual(own?.participants.improved.totalt);
      expect(row.pairs).toEqual(own?.participants.pairs.totalt);
    }
    // two women with pairs in each initiative: below 5, so their mean change is not shown
    const a = rows.find((r) => r.id === fixture.a);
    expect(a?.change.women).toEqual({ suppressed: "n_hidden", threshold: 5 });
    const hiddenMeans = rows
      .flatMap((r) => [r.change.women, r.change.men, r.change.total])
      .filter((m) => "suppressed" in m && m.suppressed === "n_hidden").length;
    expect(hiddenMeans).toBeGreaterThan(0);
    expect(report.disclosure.reasons).toContain(
      `${hiddenMeans} medelvärden i avsnittet Progression visas inte eftersom antalet personer bakom dem inte visas.`,
    );
    // the hidden progression figures are among the report's hidden figures
    const hiddenHere =
      hiddenMeans +
      rows
        .flatMap((r) => [r.measuredShare, r.improvedShare, r.pairs])
        .filter((x) => "suppressed" in x).length;
    const without = structuredClone(report);
    delete without.progression;
    expect(
      report.disclosure.suppressedCells -
        disclosureOf(without, { threshold: 5, allowTrueZero: false }).suppressedCells,
    ).toBe(hiddenHere);
  });
});

describe("refusals", () => {
  it("refuses a period written wrong, and a previous version that is not locked", async () => {
    await expect(
      computeFollowUp(t.db, { associationId, from: "2026-13-01", to: "2026-06-30" }),
    ).rejects.toThrow(/ÅÅÅÅ-MM-DD/);
    await expect(
      computeFollowUp(t.db, { associationId, from: "2026-06-30", to: "2026-01-01" }),
    ).rejects.toThrow(/Byt plats/);
    const draft = await computeFollowUp(t.db, { associationId, ...PREVIOUS, now: NOW });
    await expect(
      computeFollowUp(t.db, { associationId, ...PERIOD, previous: draft, now: NOW }),
    ).rejects.toThrow(/låst version/);
    await expect(
      computeFollowUp(t.db, {
        associationId: "00000000-0000-4000-8000-0000000000ff",
        ...PERIOD,
      }),
    ).rejects.toThrow(/Förbundet finns inte/);
  });
});
