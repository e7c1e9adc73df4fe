// The register's statistics: a small register worked out by hand (every figure below is counted
// in the comments), felregistreringar never counted, work and studies counted once, the exact
// suppression of a hand-made table (the small cell, its secondary cells, and the cells of the
// other initiative that the total would give away), shares with small denominators, and that
// nothing identifying ever comes out. Then properties on random registers: the counting alone
// (genders add up to the total, partitions add up, every figure equals a naive count) and the
// protection (every published figure is the true count; no row with one hidden figure; of
// enrolled = ongoing + exited and whole = exited whole + ongoing never exactly one hidden).

import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { createAssociation } from "../associations/create-association.ts";
import {
  getDisclosureSettings,
  saveDisclosureSettings,
} from "../associations/disclosure-settings.ts";
import { addMemberOrganisation } from "../associations/member-organisations.ts";
import { disclosureSettings } from "../associations/schema.ts";
import { createInitiative } from "../initiatives/save-initiative.ts";
import { NotFoundError, ValidationError } from "../platform/errors.ts";
import {
  countRegister,
  type EnrollmentFact,
  FIGURE,
  figuresOf,
  type GenderCounts,
  type IndividualStatistics,
  PERIODS_TOTAL,
  periodRange,
  protectStatistics,
  type RawCounts,
  type RegisterStatistics,
  registerStatistics,
  type StatisticsCell,
  type StatisticsInitiative,
} from "./aggregates.ts";
import { createRegisterCrypto } from "./crypto.ts";
import { countOnlyParticipation, enrollments, participants } from "./schema.ts";
import { inRegister } from "./zone.ts";

const UUID_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

let t: TestDatabase;
const actor = { userId: null, label: "test" };
const ids = {
  association: "",
  other: "",
  tierp: "",
  heby: "",
  a: "",
  b: "",
  ended: "",
  structural: "",
  foreign: "",
};
/** Everything identifying that was stored, to look for in the output. */
const secrets: string[] = [];
const PERIOD = { from: "2026-01-01", to: "2026-06-30" };

type Exit = {
  end: string;
  status: string;
  studies?: boolean;
  plan?: boolean | null;
};
interface Row {
  key: string;
  gender: "kvinna" | "man" | "annan" | "vill_ej_ange" | "uppgift_saknas";
  birthYear: number | null;
  start: string;
  exit?: Exit;
  actionPlanDate?: string;
  voided?: boolean;
  background?: Record<string, unknown>;
  /** Another enrollment of the same person (same participant row). */
  samePersonAs?: string;
}

// ---------------------------------------------------------------------------------------------
// The register by hand. Period 2026-01-01 – 2026-06-30, threshold 0 for the counts.
//
// A (Tierp, Växtverket), 12 enrollments:
//   A1  kvinna 1990  start 2025-03-01  pågår
//   A2  kvinna 2000  start 2025-09-01  slut 2026-02-15 arbete ej subv.       plan ja
//   A3  man    1985  start 2026-01-10  slut 2026-05-20 studier              plan: datum 2026-03-01
//   A4  kvinna 1998  start 2026-02-01  slut 2026-06-01 subv. arbete+studier plan nej
//   A5  man    1970  start 2024-05-01  slut 2025-12-20 arbetssökande        (före perioden)
//   A6  annan  1995  start 2026-03-01  pågår
//   A7  (anonym, kön uppgift saknas, födelseår saknas) start 2026-04-01 slut 2026-06-30 avbrutit
//   A8  kvinna 1960  start 2026-05-01  pågår
//   A9  man    2004  start 2025-11-01  slut 2026-03-31 arbetssökande        plan ja
//   A10 kvinna 1992  start 2026-01-15  FELREGISTRERING                       (räknas aldrig)
//   A11 man    1999  start 2026-07-15                                        (efter perioden)
//   A12 = samma person som A2, ny inskrivning: start 2026-02-10 slut 2026-08-31 eget företag
//        (slutar efter perioden: pågående vid periodens slut)
// Hela insatstiden (start ≤ 06-30, ej A10/A11): A1 A2 A3 A4 A5 A6 A7 A8 A9 A12
//   kvinnor A1 A2 A4 A8 A12 = 5, män A3 A5 A9 = 3, övriga A6 A7 = 2 → 10
// Startade under perioden: A3 A4 A6 A7 A8 A12 → kvinnor A4 A8 A12 = 3, män A3 = 1, totalt 6
// Avslutade hela insatstiden (slut ≤ 06-30): A2 A3 A4 A5 A7 A9 → kvinnor 2, män 3, totalt 6
// Pågående vid periodens slut: A1 A6 A8 A12 → kvinnor 3, män 0, totalt 4 (= 10 − 6)
// Avslutade under perioden: A2 A3 A4 A7 A9 → kvinnor A2 A4 = 2, män A3 A9 = 2, totalt 5
//   till arbete och/eller studier: A2 (arbete), A4 (arbete + studier, en gång), A3 (studier)
//     → kvinnor 2, män 1, totalt 3; andel 3/5 = 0,6
//   arbete: A2 A4 = 2 (ej subv. 1, subv. 1, eget företag 0); varav både arbete och studier A4 = 1
//   studier utan arbete: A3 = 1; arbetssökande: A9 = 1; övriga: A7 = 1  (3 + 1 + 1 = 5)
//   med handlingsplan: A2 (ja), A3 (datum före slut), A9 (ja) → kvinnor 1, män 2, totalt 3
// Inskrivna under perioden (bakgrundens underlag): A1 A2 A3 A4 A6 A7 A8 A9 A12 (inte A5)
//   → kvinnor 5, män 2, totalt 9
//   ålder vid start: A1 35, A2 25, A3 41, A4 28, A6 31, A7 –, A8 66, A9 21, A12 26
//     under 30: A2 A4 A9 A12 = 4 (kvinnor 3, män 1); 25–29: A2 A4 A12 = 3; 20–24: A9 = 1;
//     30–39: A1 A6 = 2; 40–49: A3 = 1; 55+: A8 = 1 (65+); uppgift saknas: A7 = 1
//   utbildning: ISCED 0–2: A2 (9 år) A4 (< 9 år) A6 (saknas) = 3, förgymnasial A2 A4 = 2;
//     3–4 (gymnasial): A1 A9 = 2; 5–8: A3 (≥ 3 år) A8 (< 3 år) = 2; okänd: A7 (saknas) A12 = 2
//   försörjning, grupper: ohälsa A3 A6 A12 = 3 (kvinnor 1, män 1); arbetsmarknadsstöd A2 A4 A9
//     = 3 (kvinnor 2, män 1); ekonomiskt bistånd A1 A3 A12 = 3 (kvinnor 2, män 1)
//   tid med offentlig försörjning mer än 3 år: A1 A4 A6 A12 = 4 (kvinnor 3)
//
// B (Heby, Steget), 8 enrollments:
//   B1  man          1990 start 2025-06-01 slut 2026-04-30 eget företag           plan nej
//   B2  kvinna       1983 start 2026-01-01 slut 2026-01-31 studier                plan ja
//   B3  kvinna       2001 start 2026-02-01 pågår
//   B4  man          1958 start 2026-03-15 slut 2026-06-15 sjukskriven          plan: datum 04-01
//   B5  vill ej ange 1997 start 2025-01-10 slut 2025-06-30 annan insats          (före perioden)
//   B6  kvinna       1994 start 2026-06-30 pågår                                 (sista dagen)
//   B7  man          1975 start 2026-02-20 FELREGISTRERING                        (räknas aldrig)
//   B8  kvinna       1980 start 2024-12-01 slut 2026-01-01 arbete ej subv.+studier plan ja
// Hela insatstiden: B1 B2 B3 B4 B5 B6 B8 → kvinnor 4, män 2, övriga 1 → 7
// Startade under perioden: B2 B3 B4 B6 → kvinnor 3, män 1, totalt 4
// Avslutade hela insatstiden: B1 B2 B4 B5 B8 → kvinnor 2, män 2, totalt 5
// Pågående: B3 B6 → kvinnor 2, totalt 2
// Avslutade under perioden: B1 B2 B4 B8 → kvinnor 2, män 2, totalt 4
//   till arbete och/eller studier: B1 (eget företag) B2 (studier) B8 (arbete + studier)
//     → kvinnor 2, män 1, totalt 3; arbete B1 B8 = 2 (ej subv. 1, eget 1), varav båda B8 = 1;
//     studier utan arbete B2 = 1; övriga B4 = 1; med handlingsplan B2 B4 B8 = 3 (kvinnor 2)
// Inskrivna under perioden: B1 B2 B3 B4 B6 B8 → kvinnor 4, män 2, totalt 6
//   ålder: B1 35, B2 43, B3 25, B4 68, B6 32, B8 44 → under 30: B3 = 1; 30–39: 2; 40–49: 2; 55+: 1
//   utbildning: 0–2: B3 (9 år) = 1; 3–4: B1 B4 B6 B8 = 4; 5–8: B2 = 1; okänd: 0
//   mer än 3 år offentlig försörjning: B3 B4 = 2 (kvinnor 1)
//
// Totalt A + B: hela insatstiden 17 (kvinnor 9, män 5), startade 10 (6, 2), avslutade hela
// insatstiden 11 (4, 5), pågående 6 (5, 0), avslutade under perioden 9 (4, 4), inskrivna under
// perioden 15 (9, 4); till arbete och/eller studier 6 (4, 2) = arbete 4 (ej subv. 2, subv. 1,
// eget 1) + studier utan arbete 2; varav båda 2; arbetssökande 1; övriga 2; handlingsplan 6 (3, 3).
//
// "Tierp, Avslutat" ended 2025-06-30: not active in the period, so not in "all".
// Structural "Tierp, Samverkansforum": 2026-K1 4/2/1, 2026-K2 6/5/0 (inside), 2026-K3 10/10/0
// (after) and 2026 20/15/1 (the whole year: only partly inside) → perioderna 10 kvinnor, 7 män, 18.

const bg = (
  education: string,
  supportBefore: string[],
  timeOnSupport: string,
  occupationBefore: string,
  referrer: string,
  extra: Record<string, unknown> = {},
) => ({ education, supportBefore, timeOnSupport, occupationBefore, referrer, ...extra });

const A_ROWS: Row[] = [
  {
    key: "A1",
    gender: "kvinna",
    birthYear: 1990,
    start: "2025-03-01",
    background: bg("gymnasial", ["forsorjningsstod"], "mer_an_3_ar", "arbetslos", "kommun"),
  },
  {
    key: "A2",
    gender: "kvinna",
    birthYear: 2000,
    start: "2025-09-01",
    exit: { end: "2026-02-15", status: "arbete_ej_subventionerat", plan: true },
    background: bg("forgymnasial_9", ["a_kassa"], "under_1_ar", "arbetslos", "arbetsformedlingen"),
  },
  {
    key: "A3",
    gender: "man",
    birthYear: 1985,
    start: "2026-01-10",
    actionPlanDate: "2026-03-01",
    exit: { end: "2026-05-20", status: "studier", studies: true, plan: null },
    background: bg(
      "eftergymnasial_3_eller_langre",
      ["sjukpenning", "forsorjningsstod"],
      "1_2_ar",
      "sjukskriven",
      "forsakringskassan",
    ),
  },
  {
    key: "A4",
    gender: "kvinna",
    birthYear: 1998,
    start: "2026-02-01",
    exit: { end: "2026-06-01", status: "arbete_subventionerat", studies: true, plan: false },
    background: bg(
      "forgymnasial_kortare_an_9",
      ["aktivitetsstod"],
      "mer_an_3_ar",
      "arbetslos",
      "arbetsformedlingen",
      { bornAbroad: true },
    ),
  },
  {
    key: "A5",
    gender: "man",
    birthYear: 1970,
    start: "2024-05-01",
    exit: { end: "2025-12-20", status: "arbetssokande", plan: true },
    background: bg("gymnasial", ["a_kassa"], "1_2_ar", "arbetslos", "arbetsformedlingen"),
  },
  {
    key: "A6",
    gender: "annan",
    birthYear: 1995,
    start: "2026-03-01",
    background: bg("saknas", ["sjukersattning"], "mer_an_3_ar", "ingen_sysselsattning", "kommun"),
  },
  {
    key: "A7",
    gender: "uppgift_saknas",
    birthYear: null,
    start: "2026-04-01",
    exit: { end: "2026-06-30", status: "avbrutit", plan: null },
    background: {},
  },
  {
    key: "A8",
    gender: "kvinna",
    birthYear: 1960,
    start: "2026-05-01",
    background: bg(
      "eftergymnasial_kortare_an_3",
      ["lon"],
      "okand",
      "arbetar_delvis",
      "eget_initiativ",
    ),
  },
  {
    key: "A9",
    gender: "man",
    birthYear: 2004,
    start: "2025-11-01",
    exit: { end: "2026-03-31", status: "arbetssokande", plan: true },
    background: bg(
      "gymnasial",
      ["aktivitetsstod", "etableringsersattning"],
      "2_3_ar",
      "arbetslos",
      "arbetsformedlingen",
      { newlyArrived: true },
    ),
  },
  {
    key: "A10",
    gender: "kvinna",
    birthYear: 1992,
    start: "2026-01-15",
    exit: { end: "2026-01-15", status: "felregistrering", plan: null },
    voided: true,
    background: bg("gymnasial", ["lon"], "under_1_ar", "arbetslos", "kommun"),
  },
  {
    key: "A11",
    gender: "man",
    birthYear: 1999,
    start: "2026-07-15",
    background: bg("gymnasial", ["a_kassa"], "under_1_ar", "arbetslos", "kommun"),
  },
  {
    key: "A12",
    gender: "kvinna",
    birthYear: 2000,
    start: "2026-02-10",
    samePersonAs: "A2",
    exit: { end: "2026-08-31", status: "eget_foretag", plan: true },
    background: bg(
      "okand",
      ["forsorjningsstod", "sjukpenning"],
      "mer_an_3_ar",
      "arbetslos",
      "kommun",
    ),
  },
];

const B_ROWS: Row[] = [
  {
    key: "B1",
    gender: "man",
    birthYear: 1990,
    start: "2025-06-01",
    exit: { end: "2026-04-30", status: "eget_foretag", plan: false },
    background: bg("gymnasial", ["a_kassa"], "1_2_ar", "arbetslos", "arbetsformedlingen"),
  },
  {
    key: "B2",
    gender: "kvinna",
    birthYear: 1983,
    start: "2026-01-01",
    exit: { end: "2026-01-31", status: "studier", studies: true, plan: true },
    background: bg(
      "eftergymnasial_3_eller_langre",
      ["studiemedel"],
      "under_1_ar",
      "studerar",
      "eget_initiativ",
    ),
  },
  {
    key: "B3",
    gender: "kvinna",
    birthYear: 2001,
    start: "2026-02-01",
    background: bg(
      "forgymnasial_9",
      ["forsorjningsstod"],
      "mer_an_3_ar",
      "ingen_sysselsattning",
      "kommun",
    ),
  },
  {
    key: "B4",
    gender: "man",
    birthYear: 1958,
    start: "2026-03-15",
    actionPlanDate: "2026-04-01",
    exit: { end: "2026-06-15", status: "sjukskriven", plan: null },
    background: bg(
      "gymnasial",
      ["sjukersattning"],
      "mer_an_3_ar",
      "sjukskriven",
      "forsakringskassan",
      {
        disability: true,
      },
    ),
  },
  {
    key: "B5",
    gender: "vill_ej_ange",
    birthYear: 1997,
    start: "2025-01-10",
    exit: { end: "2025-06-30", status: "annan_insats", plan: null },
    background: bg("gymnasial", ["a_kassa"], "1_2_ar", "arbetslos", "kommun"),
  },
  {
    key: "B6",
    gender: "kvinna",
    birthYear: 1994,
    start: "2026-06-30",
    background: bg("gymnasial", ["ingen"], "okand", "arbetslos", "region"),
  },
  {
    key: "B7",
    gender: "man",
    birthYear: 1975,
    start: "2026-02-20",
    exit: { end: "2026-02-20", status: "felregistrering", plan: null },
    voided: true,
    background: bg("gymnasial", ["lon"], "under_1_ar", "arbetslos", "kommun"),
  },
  {
    key: "B8",
    gender: "kvinna",
    birthYear: 1980,
    start: "2024-12-01",
    exit: { end: "2026-01-01", status: "arbete_ej_subventionerat", studies: true, plan: true },
    background: bg(
      "gymnasial",
      ["lon", "aktivitetsstod"],
      "2_3_ar",
      "arbetar_delvis",
      "arbetsformedlingen",
    ),
  },
];

async function insertRows(controller: string, initiativeId: string, rows: Row[], n0: number) {
  const crypto = createRegisterCrypto(Buffer.alloc(32, 7));
  await inRegister(t.db, { controllers: [controller], initiatives: [initiativeId] }, async (tx) => {
    const people = new Map<string, string>();
    let n = n0;
    for (const row of rows) {
      let participantId = row.samePersonAs ? people.get(row.samePersonAs) : undefined;
      if (!participantId) {
        n++;
        const anonymous = row.gender === "uppgift_saknas";
        const birth = `${row.birthYear ?? 1990}0${(n % 9) + 1}1${n % 10}`;
        const number = `${birth}${String(1000 + n).slice(1)}${n % 10}`;
        const name = `Person${n} Efternamn${n}`;
        const sealed = anonymous ? null : crypto.encrypt(number);
        const lookup = anonymous ? null : crypto.lookupHash(number);
        const sealedName = anonymous ? null : crypto.encrypt(name);
        if (!anonymous)
          secrets.push(
            number,
            `${number.slice(0, 8)}-${number.slice(8)}`,
            `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`,
            name,
            sealed as string,
            lookup as string,
            sealedName as string,
          );
        const [p] = await tx
          .insert(participants)
          .values({
            associationId: ids.association,
            dataControllerId: controller,
            identityCiphertext: sealed,
            identityLookup: lookup,
            identityKind: anonymous ? null : "personnummer",
            nameCiphertext: sealedName,
            anonymous,
            gender: row.gender,
            birthYear: row.birthYear,
          })
          .returning({ id: participants.id });
        participantId = p?.id ?? "";
        secrets.push(participantId);
        people.set(row.key, participantId);
      }
      const [e] = await tx
        .insert(enrollments)
        .values({
          participantId,
          associationId: ids.association,
          dataControllerId: controller,
          initiativeId,
          externalKey: `${row.key}-extern`,
          startDate: row.start,
          actionPlanDate: row.actionPlanDate ?? (row.exit?.plan ? row.start : null),
          background: row.background ?? {},
          endDate: row.exit?.end ?? null,
          exit: row.exit
            ? {
                status: row.exit.status,
                studies: row.exit.studies ?? false,
                extent: null,
                supportAfter: [],
                actionPlanAtExit: row.exit.plan ?? null,
              }
            : null,
          voided: row.voided ?? false,
        })
        .returning({ id: enrollments.id });
      secrets.push(e?.id ?? "", `${row.key}-extern`);
    }
  });
}

beforeAll(async () => {
  t = await createTestDatabase();
  ids.association = (await createAssociation(t.db, actor, { slug: "stat", name: "Statistik" })).id;
  ids.other = (await createAssociation(t.db, actor, { slug: "annat", name: "Annat" })).id;
  const org = async (association: string, name: string, orgNumber: string, kind: string) =>
    (await addMemberOrganisation(t.db, actor, association, { name, orgNumber, kind })).id;
  ids.tierp = await org(ids.association, "Tierps kommun", "212000-0274", "kommun");
  ids.heby = await org(ids.association, "Heby kommun", "212000-0332", "kommun");
  const af = await org(ids.association, "Arbetsförmedlingen", "202100-2114", "arbetsformedlingen");
  const initiative = async (
    association: string,
    name: string,
    owner: string,
    partner: string,
    orientation: "individual" | "structural",
    dates: { startDate: string; endDate: string },
    status: "pagaende" | "avslutad" = "pagaende",
  ) =>
    (
      await createInitiative(t.db, actor, association, {
        name,
        ownerOrganisationId: owner,
        partnerIds: [partner],
        status,
        orientation,
        preRehabilitation: name.includes("Steget"),
        esf: false,
        ...dates,
        targetGroup: "Unga vuxna",
        expectedParticipantsOngoing: false,
        goals: [],
        localUnits: [],
      })
    ).id;
  const running = { startDate: "2024-01-01", endDate: "2027-12-31" };
  ids.a = await initiative(
    ids.association,
    "Tierp, Växtverket",
    ids.tierp,
    af,
    "individual",
    running,
  );
  ids.b = await initiative(ids.association, "Heby, Steget", ids.heby, af, "individual", running);
  ids.ended = await initiative(
    ids.association,
    "Tierp, Avslutat",
    ids.tierp,
    af,
    "individual",
    { startDate: "2024-01-01", endDate: "2025-06-30" },
    "avslutad",
  );
  ids.structural = await initiative(
    ids.association,
    "Tierp, Samverkansforum",
    ids.tierp,
    af,
    "structural",
    running,
  );
  const otherOwner = await org(ids.other, "Tierps kommun", "212000-0274", "kommun");
  const otherPartner = await org(
    ids.other,
    "Arbetsförmedlingen",
    "202100-2114",
    "arbetsformedlingen",
  );
  ids.foreign = await initiative(
    ids.other,
    "Främmande",
    otherOwner,
    otherPartner,
    "individual",
    running,
  );

  await insertRows(ids.tierp, ids.a, A_ROWS, 0);
  await insertRows(ids.heby, ids.b, B_ROWS, 40);
  await insertRows(
    ids.tierp,
    ids.ended,
    [
      {
        key: "C1",
        gender: "kvinna",
        birthYear: 1991,
        start: "2024-03-01",
        exit: { end: "2025-03-01", status: "studier", studies: true },
      },
    ],
    80,
  );
  await insertRows(
    otherOwner,
    ids.foreign,
    [{ key: "F1", gender: "man", birthYear: 1991, start: "2026-03-01" }],
    90,
  );
  await inRegister(
    t.db,
    { controllers: [ids.tierp], initiatives: [ids.structural] },
    async (tx) => {
      const rows = [
        ["2026-K1", 4, 2, 1],
        ["2026-K2", 6, 5, 0],
        ["2026-K3", 10, 10, 0],
        ["2026", 20, 15, 1],
      ] as const;
      for (const [periodKey, women, men, others] of rows)
        await tx.insert(countOnlyParticipation).values({
          associationId: ids.association,
          dataControllerId: ids.tierp,
          initiativeId: ids.structural,
          periodKey,
          women,
          men,
          others,
          recordedByName: "Anna Andersson",
        });
    },
  );
}, 60_000);
afterAll(() => t?.drop());

// ---------------------------------------------------------------------------------------------
// Reading the result

type Shown = number | "P" | "S" | "L";
const shown = (cell: StatisticsCell): Shown =>
  "value" in cell
    ? cell.value
    : cell.suppressed === "primary"
      ? "P"
      : cell.suppressed === "secondary"
        ? "S"
        : "L";

/** [kvinnor, män, totalt] of a row. */
function row(unit: IndividualStatistics | null | undefined, table: string, key: string): Shown[] {
  const found = unit?.tables.find((t) => t.key === table)?.rows.find((r) => r.key === key);
  if (!found) throw new Error(`no row ${table}/${key}`);
  return [shown(found.kvinnor), shown(found.man), shown(found.totalt)];
}

function share(unit: IndividualStatistics | null | undefined, key: string): number | string {
  const found = unit?.shares.find((s) => s.key === key);
  if (!found) throw new Error(`no share ${key}`);
  return "ratio" in found.share ? found.share.ratio : found.share.suppressed;
}

const unitOf = (stats: RegisterStatistics, id: string) =>
  stats.individual.find((u) => u.initiative?.id === id);

describe("the register worked out by hand (threshold 0: every count shown)", () => {
  let stats: RegisterStatistics;
  beforeAll(async () => {
    stats = await registerStatistics(t.db, ids.association, { ...PERIOD, threshold: 0 });
  });

  it("takes the initiatives active in the period, individual and structural apart", () => {
    expect(stats.individual.map((u) => u.name)).toEqual(["Heby, Steget", "Tierp, Växtverket"]);
    expect(stats.individualTotal?.initiative).toBeNull();
    expect(stats.structural.map((u) => u.name)).toEqual(["Tierp, Samverkansforum"]);
    expect(stats.threshold).toBe(0);
    expect(stats.disclosure.primary + stats.disclosure.secondary).toBe(0);
  });

  it("counts the participants of each initiative and of both", () => {
    const a = unitOf(stats, ids.a);
    const b = unitOf(stats, ids.b);
    const all = stats.individualTotal;
    const expected: Array<[string, Shown[], Shown[], Shown[]]> = [
      //  figure                      A            B            A + B
      [FIGURE.whole, [5, 3, 10], [4, 2, 7], [9, 5, 17]],
      [FIGURE.started, [3, 1, 6], [3, 1, 4], [6, 2, 10]],
      [FIGURE.exitedWhole, [2, 3, 6], [2, 2, 5], [4, 5, 11]],
      [FIGURE.ongoing, [3, 0, 4], [2, 0, 2], [5, 0, 6]],
      [FIGURE.exited, [2, 2, 5], [2, 2, 4], [4, 4, 9]],
      [FIGURE.enrolled, [5, 2, 9], [4, 2, 6], [9, 4, 15]],
    ];
    for (const [key, inA, inB, inAll] of expected) {
      expect([key, row(a, "deltagare", key)]).toEqual([key, inA]);
      expect([key, row(b, "deltagare", key)]).toEqual([key, inB]);
      expect([key, row(all, "deltagare", key)]).toEqual([key, inAll]);
    }
  });

  it("counts exits by status; work with studies once; a felregistrering nowhere", () => {
    const a = unitOf(stats, ids.a);
    const b = unitOf(stats, ids.b);
    const all = stats.individualTotal;
    const expected: Array<[string, Shown[], Shown[], Shown[]]> = [
      ["arbete_ej_subventionerat", [1, 0, 1], [1, 0, 1], [2, 0, 2]],
      ["arbete_subventionerat", [1, 0, 1], [0, 0, 0], [1, 0, 1]],
      ["eget_foretag", [0, 0, 0], [0, 1, 1], [0, 1, 1]],
      [FIGURE.work, [2, 0, 2], [1, 1, 2], [3, 1, 4]],
      [FIGURE.both, [1, 0, 1], [1, 0, 1], [2, 0, 2]],
      [FIGURE.studiesOnly, [0, 1, 1], [1, 0, 1], [1, 1, 2]],
      [FIGURE.toWorkOrStudies, [2, 1, 3], [2, 1, 3], [4, 2, 6]],
      [FIGURE.jobSeeking, [0, 1, 1], [0, 0, 0], [0, 1, 1]],
      [FIGURE.otherExit, [0, 0, 1], [0, 1, 1], [0, 1, 2]],
      [FIGURE.actionPlan, [1, 2, 3], [2, 1, 3], [3, 3, 6]],
      [FIGURE.exited, [2, 2, 5], [2, 2, 4], [4, 4, 9]],
    ];
    for (const [key, inA, inB, inAll] of expected) {
      expect([key, row(a, "avslut", key)]).toEqual([key, inA]);
      expect([key, row(b, "avslut", key)]).toEqual([key, inB]);
      expect([key, row(all, "avslut", key)]).toEqual([key, inAll]);
    }
    // both working and studying counts once: the four rows add up to "to work and/or studies"
    const total = (key: string) => row(all, "avslut", key)[2] as number;
    expect(
      total("arbete_ej_subventionerat") +
        total("arbete_subventionerat") +
        total("eget_foretag") +
        total(FIGURE.studiesOnly),
    ).toBe(total(FIGURE.toWorkOrStudies));
    expect(total(FIGURE.toWorkOrStudies) + total(FIGURE.jobSeeking) + total(FIGURE.otherExit)).toBe(
      total(FIGURE.exited),
    );
    expect(share(a, "andel_till_arbete_och_eller_studier")).toBeCloseTo(0.6);
    expect(share(b, "andel_till_arbete_och_eller_studier")).toBeCloseTo(0.75);
    expect(share(all, "andel_till_arbete_och_eller_studier")).toBeCloseTo(6 / 9);
    expect(share(all, "andel_med_handlingsplan")).toBeCloseTo(6 / 9);
    expect(share(all, "andel_kvinnor_till_arbete_och_eller_studier")).toBeCloseTo(4 / 6);
  });

  it("counts the background at start among those enrolled in the period", () => {
    const a = unitOf(stats, ids.a);
    const b = unitOf(stats, ids.b);
    const all = stats.individualTotal;
    expect(row(a, "alder", "alder.under_30")).toEqual([3, 1, 4]);
    expect(row(a, "alder", "alder.25_29")).toEqual([3, 0, 3]);
    expect(row(a, "alder", "alder.20_24")).toEqual([0, 1, 1]);
    expect(row(a, "alder", "alder.30_39")).toEqual([1, 0, 2]);
    expect(row(a, "alder", "alder.40_49")).toEqual([0, 1, 1]);
    expect(row(a, "alder", "alder.55_plus")).toEqual([1, 0, 1]);
    expect(row(a, "alder", "alder.65_plus")).toEqual([1, 0, 1]);
    expect(row(a, "alder", "alder.uppgift_saknas")).toEqual([0, 0, 1]);
    expect(row(b, "alder", "alder.under_30")).toEqual([1, 0, 1]);
    expect(row(b, "alder", "alder.40_49")).toEqual([2, 0, 2]);
    expect(row(all, "alder", "alder.under_30")).toEqual([4, 1, 5]);
    expect(row(all, "alder", FIGURE.enrolled)).toEqual([9, 4, 15]);

    expect(row(a, "isced", "isced.0_2")).toEqual([2, 0, 3]);
    expect(row(a, "utbildning", "utbildning.forgymnasial")).toEqual([2, 0, 2]);
    expect(row(a, "utbildning", "utbildning.saknas")).toEqual([0, 0, 1]);
    expect(row(a, "isced", "isced.3_4")).toEqual([1, 1, 2]);
    expect(row(a, "isced", "isced.5_8")).toEqual([1, 1, 2]);
    expect(row(a, "isced", "isced.okand")).toEqual([1, 0, 2]);
    expect(row(a, "utbildning", "isced.3_4")).toEqual([1, 1, 2]); // gymnasial is ISCED 3–4
    expect(row(b, "isced", "isced.3_4")).toEqual([2, 2, 4]);
    expect(row(b, "isced", "isced.okand")).toEqual([0, 0, 0]);
    expect(row(all, "isced", "isced.0_2")).toEqual([3, 0, 4]);

    expect(row(a, "forsorjningsgrupper", "forsorjningsgrupp.ohalsa")).toEqual([1, 1, 3]);
    expect(row(a, "forsorjningsgrupper", "forsorjningsgrupp.arbetsmarknadsstod")).toEqual([
      2, 1, 3,
    ]);
    expect(row(a, "forsorjningsgrupper", "forsorjningsgrupp.ekonomiskt_bistand")).toEqual([
      2, 1, 3,
    ]);
    expect(row(a, "forsorjning_fore", "forsorjning.sjukpenning")).toEqual([1, 1, 2]);
    expect(row(a, "forsorjning_fore", "forsorjning.uppgift_saknas")).toEqual([0, 0, 1]);
    expect(row(a, "tid_offentlig_forsorjning", "tid.mer_an_3_ar")).toEqual([3, 0, 4]);
    expect(row(b, "tid_offentlig_forsorjning", "tid.mer_an_3_ar")).toEqual([1, 1, 2]);
    expect(row(a, "fodd_utomlands", "fodd_utomlands.ja")).toEqual([1, 0, 1]);
    expect(row(a, "nyanland", "nyanland.ja")).toEqual([0, 1, 1]);
    expect(row(b, "funktionsnedsattning", "funktionsnedsattning.ja")).toEqual([0, 1, 1]);
    expect(row(a, "remittent", "remittent.arbetsformedlingen")).toEqual([2, 1, 3]);
    expect(row(a, "sysselsattning_fore", "sysselsattning.arbetslos")).toEqual([4, 1, 5]);

    expect(share(a, "andel_kvinnor_offentlig_forsorjning_mer_an_3_ar")).toBeCloseTo(3 / 4);
    expect(share(all, "andel_offentlig_forsorjning_mer_an_3_ar")).toBeCloseTo(6 / 15);
    expect(share(all, "andel_under_30")).toBeCloseTo(5 / 15);
    expect(share(all, "andel_kvinnor")).toBeCloseTo(9 / 15);
  });

  it("sums the count-only periods that lie wholly inside the period", () => {
    const structural = stats.structural[0];
    const rows = structural?.table.rows.map((r) => [
      r.key,
      shown(r.kvinnor),
      shown(r.man),
      shown(r.totalt),
    ]);
    expect(rows).toEqual([
      ["period.2026-K1", 4, 2, 7],
      ["period.2026-K2", 6, 5, 11],
      [PERIODS_TOTAL, 10, 7, 18],
    ]);
  });

  it("gives every row, table and share its definition in Swedish", () => {
    for (const unit of [...stats.individual, stats.individualTotal]) {
      for (const table of unit?.tables ?? []) {
        expect(table.definition.length).toBeGreaterThan(20);
        for (const r of table.rows) expect(r.definition).toMatch(/^[A-ZÅÄÖ].{20,}\.$/s);
      }
      for (const s of unit?.shares ?? []) expect(s.definition).toMatch(/÷/);
    }
    expect(stats.genderNote).toMatch(/räknas i totalt/);
  });
});

describe("disclosure control on the register (threshold 5)", () => {
  let open: RegisterStatistics;
  let closed: RegisterStatistics;
  beforeAll(async () => {
    open = await registerStatistics(t.db, ids.association, { ...PERIOD, threshold: 0 });
    closed = await registerStatistics(t.db, ids.association, PERIOD);
  });

  it("hides counts below 5 and a second figure in their row", () => {
    expect(closed.threshold).toBe(5);
    const a = unitOf(closed, ids.a);
    // A, hela insatstiden: kvinnor 5, män 3, totalt 10 (2 others, never shown)
    const whole = row(a, "deltagare", FIGURE.whole);
    expect(whole[1]).toBe("P");
    // with män hidden, kvinnor and totalt cannot both be shown (10 − 5 − others would be män)
    expect(whole.filter((c) => c === "P" || c === "S").length).toBeGreaterThanOrEqual(2);
    // a true 0 is hidden like a small count unless the association allows zeros
    expect(row(a, "deltagare", FIGURE.ongoing)[1]).toBe("P");
    expect(closed.disclosure.primary).toBeGreaterThan(0);
    expect(closed.disclosure.secondary).toBeGreaterThan(0);
    expect(closed.disclosure.reasons.join(" ")).toMatch(/färre än 5 personer/);
  });

  it("does not show a share whose denominator is below 5", () => {
    // B: 4 exited in the period; A: 5 exited but only 3 to work/studies; total: 9 exited, 3 not
    expect(share(unitOf(closed, ids.b), "andel_till_arbete_och_eller_studier")).toBe("denominator");
    expect(share(unitOf(closed, ids.a), "andel_till_arbete_och_eller_studier")).toBe("numerator");
    expect(share(closed.individualTotal, "andel_till_arbete_och_eller_studier")).toBe("complement");
    expect(closed.disclosure.shares.denominator).toBeGreaterThan(0);
  });

  it("publishes only true counts: every shown figure equals the count without protection", () => {
    const pairs: Array<[StatisticsCell, StatisticsCell]> = [];
    const units = (s: RegisterStatistics) => [...s.individual, s.individualTotal];
    units(closed).forEach((unit, u) => {
      unit?.tables.forEach((table, k) => {
        table.rows.forEach((r, i) => {
          const other = units(open)[u]?.tables[k]?.rows[i];
          if (!other) throw new Error("shape differs");
          pairs.push([r.kvinnor, other.kvinnor], [r.man, other.man], [r.totalt, other.totalt]);
        });
      });
    });
    expect(pairs.length).toBeGreaterThan(500);
    for (const [protectedCell, truth] of pairs) {
      if ("value" in protectedCell) expect(protectedCell).toEqual(truth);
      else if (protectedCell.suppressed === "primary")
        expect("value" in truth && truth.value < 5).toBe(true);
      else if (protectedCell.suppressed === "secondary")
        expect("value" in truth && truth.value >= 5).toBe(true);
    }
  });
});

describe("what comes out", () => {
  it("holds no participant id, identity, name or birth date", async () => {
    const results = [
      await registerStatistics(t.db, ids.association, { ...PERIOD, threshold: 0 }),
      await registerStatistics(t.db, ids.association, PERIOD),
      await registerStatistics(t.db, ids.association, {
        from: "2020-01-01",
        to: "2026-12-31",
        threshold: 0,
        initiativeIds: [ids.a, ids.b, ids.ended],
      }),
    ];
    expect(secrets.length).toBeGreaterThan(100);
    for (const result of results) {
      const text = JSON.stringify(result);
      for (const secret of secrets) expect(text).not.toContain(secret);
      // nothing like a personnummer (ids are uuids: a uuid's first groups can be all digits)
      expect(text.replace(UUID_TEXT, "<id>")).not.toMatch(/\b\d{8}-?\d{4}\b/);
      expect(text).not.toMatch(/Person\d|Efternamn/);
    }
  });

  it("reads the register only inside its zone: the association zone's role cannot", async () => {
    const error = await t.db
      .transaction(async (tx) => {
        await tx.execute(sql`set local role samspar_association`);
        await tx.execute(sql`select count(*) from register.enrollments`);
      })
      .catch((e: unknown) => e);
    expect(String((error as { cause?: unknown }).cause ?? error)).toMatch(/permission denied/);
  });
});

describe("choosing initiatives, periods and the threshold", () => {
  it("takes given initiatives whatever their dates, and refuses another association's", async () => {
    const stats = await registerStatistics(t.db, ids.association, {
      from: "2025-01-01",
      to: "2025-12-31",
      threshold: 0,
      initiativeIds: [ids.ended],
    });
    expect(stats.individual.map((u) => u.name)).toEqual(["Tierp, Avslutat"]);
    // C1: started 2024-03-01, exited 2025-03-01 to studies
    expect(row(stats.individual[0], "avslut", FIGURE.studiesOnly)).toEqual([1, 0, 1]);
    expect(stats.structural).toEqual([]);
    expect(stats.structuralTotal).toBeNull();
    await expect(
      registerStatistics(t.db, ids.association, { ...PERIOD, initiativeIds: [ids.foreign] }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      registerStatistics(t.db, ids.association, { ...PERIOD, initiativeIds: ["inte-ett-id"] }),
    ).rejects.toThrow(/finns inte i förbundet/);
    const none = await registerStatistics(t.db, ids.association, { ...PERIOD, initiativeIds: [] });
    expect(none.individual).toEqual([]);
    expect(none.individualTotal).toBeNull();
  });

  it("refuses a wrong period or a threshold that protects no one, in Swedish", async () => {
    const fields = async (options: Parameters<typeof registerStatistics>[2]) => {
      const error = await registerStatistics(t.db, ids.association, options).catch((e) => e);
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).fields;
    };
    expect(await fields({ from: "2026-13-01", to: "2026-06-30" })).toEqual({
      from: expect.stringMatching(/ÅÅÅÅ-MM-DD/),
    });
    expect(await fields({ from: "2026-07-01", to: "2026-06-30" })).toEqual({
      to: expect.stringMatching(/ligger före/),
    });
    expect(await fields({ ...PERIOD, threshold: 1 })).toEqual({
      threshold: expect.stringMatching(/skyddar ingen/),
    });
  });
});

describe("the association's own threshold (its disclosure settings)", () => {
  // Each figure once: [where, value without protection, as published with 3, with 10].
  type Seen = { where: string; truth: number; cell: StatisticsCell };
  const cellsOf = (stats: RegisterStatistics): Seen[] =>
    [...stats.individual, stats.individualTotal].flatMap((unit) =>
      (unit?.tables ?? []).flatMap((table) =>
        table.rows.flatMap((r) =>
          (["kvinnor", "man", "totalt"] as const).map((g) => ({
            where: `${unit?.name}/${table.key}/${r.key}/${g}`,
            truth: -1,
            cell: r[g],
          })),
        ),
      ),
    );
  const withTruth = (stats: RegisterStatistics, open: RegisterStatistics): Seen[] => {
    const truths = cellsOf(open);
    return cellsOf(stats).map((seen, i) => {
      const truth = truths[i];
      if (!truth || truth.where !== seen.where || !("value" in truth.cell))
        throw new Error("the two statistics differ in shape");
      return { ...seen, truth: truth.cell.value };
    });
  };
  let open: RegisterStatistics;
  beforeAll(async () => {
    open = await registerStatistics(t.db, ids.association, { ...PERIOD, threshold: 0 });
  });
  afterAll(async () => {
    // back to the defaults for the tests that follow
    await t.db
      .delete(disclosureSettings)
      .where(eq(disclosureSettings.associationId, ids.association));
  });

  it("applies the saved threshold without the caller naming one: a count of 4 shown with 3, hidden with 10", async () => {
    const saved = await saveDisclosureSettings(t.db, actor, ids.association, 0, {
      threshold: 3,
      allowTrueZero: false,
    });
    const three = await registerStatistics(t.db, ids.association, PERIOD);
    expect(three.threshold).toBe(3);
    expect(three.allowTrueZero).toBe(false);
    await saveDisclosureSettings(t.db, actor, ids.association, saved.version, {
      threshold: 10,
      allowTrueZero: false,
    });
    const ten = await registerStatistics(t.db, ids.association, PERIOD);
    expect(ten.threshold).toBe(10);

    // B, startade under perioden: totalt 4 — shown with threshold 3, "< 10" with 10
    const b3 = unitOf(three, ids.b);
    const b10 = unitOf(ten, ids.b);
    expect(row(unitOf(open, ids.b), "deltagare", FIGURE.started)).toEqual([3, 1, 4]);
    expect(row(b3, "deltagare", FIGURE.started)[2]).toBe(4);
    expect(row(b10, "deltagare", FIGURE.started)[2]).toBe("P");

    // every count of 4 is "< 10" with 10; with 3 it is shown unless it protects another
    const at3 = withTruth(three, open).filter((c) => c.truth === 4);
    const at10 = withTruth(ten, open).filter((c) => c.truth === 4);
    expect(at3.length).toBeGreaterThan(5);
    expect(at3.filter((c) => "value" in c.cell).length).toBeGreaterThan(0);
    // hidden with 3 only to protect others ("..", or a total left out), never as "< 3"
    for (const c of at3)
      if (!("value" in c.cell))
        expect([c.where, c.cell.suppressed]).not.toEqual([c.where, "primary"]);
    for (const c of at10)
      expect([c.where, c.cell]).toEqual([c.where, { suppressed: "primary", threshold: 10 }]);
    // with 10 nothing below 10 is shown; with 3 nothing below 3 (zeros hidden as well)
    for (const c of withTruth(ten, open))
      if ("value" in c.cell) expect(c.truth).toBeGreaterThanOrEqual(10);
    for (const c of withTruth(three, open))
      if ("value" in c.cell) expect(c.truth).toBeGreaterThanOrEqual(3);
    expect(ten.disclosure.primary).toBeGreaterThan(three.disclosure.primary);
    expect(ten.disclosure.reasons.join(" ")).toMatch(/färre än 10 personer/);
    expect(three.disclosure.reasons.join(" ")).toMatch(/färre än 3 personer/);
  });

  it("shows a true 0 as 0 when the association allows it, and turns control off with 0", async () => {
    const current = await getDisclosureSettings(t.db, ids.association);
    const zeros = await saveDisclosureSettings(t.db, actor, ids.association, current.version, {
      threshold: 3,
      allowTrueZero: true,
    });
    const shownZeros = await registerStatistics(t.db, ids.association, PERIOD);
    expect(shownZeros.allowTrueZero).toBe(true);
    // A, pågående vid periodens slut: män 0
    expect(row(unitOf(open, ids.a), "deltagare", FIGURE.ongoing)[1]).toBe(0);
    expect(row(unitOf(shownZeros, ids.a), "deltagare", FIGURE.ongoing)[1]).toBe(0);
    await saveDisclosureSettings(t.db, actor, ids.association, zeros.version, {
      threshold: 0,
      allowTrueZero: false,
    });
    const off = await registerStatistics(t.db, ids.association, PERIOD);
    expect(off.threshold).toBe(0);
    expect(off.disclosure.primary + off.disclosure.secondary).toBe(0);
    // a caller may still name another threshold (tests); the association's applies otherwise
    expect(
      (await registerStatistics(t.db, ids.association, { ...PERIOD, threshold: 5 })).threshold,
    ).toBe(5);
  });

  it("speaks English when asked: labels, definitions, notes and reasons", async () => {
    const english = await registerStatistics(t.db, ids.association, {
      ...PERIOD,
      threshold: 5,
      locale: "en",
    });
    const total = english.individualTotal;
    expect(total?.name).toBe("All individual initiatives");
    expect(total?.tables.map((table) => table.title)).toContain("Age at start");
    const exits = total?.tables.find((table) => table.key === "avslut");
    expect(exits?.rows.find((r) => r.key === FIGURE.toWorkOrStudies)?.label).toBe(
      "To work and/or studies",
    );
    expect(english.genderNote).toMatch(/count in the total/);
    expect(english.disclosure.reasons.join(" ")).toMatch(/fewer than 5 people/);
    expect(english.structural[0]?.table.rows[0]?.definition).toBe(
      "Participants during the period 2026-K1 (2026-01-01 – 2026-03-31) as counted by the initiative.",
    );
    // the same figures in both languages
    const swedish = await registerStatistics(t.db, ids.association, { ...PERIOD, threshold: 5 });
    expect(cellsOf(english).map((c) => c.cell)).toEqual(cellsOf(swedish).map((c) => c.cell));
    // no text is a catalogue key left untranslated
    expect(JSON.stringify(english)).not.toMatch(/registerFigures\.|register\.code\./);
    expect(JSON.stringify(swedish)).not.toMatch(/registerFigures\.|register\.code\./);
  });
});

// ---------------------------------------------------------------------------------------------
// The protection of a table worked out by hand

describe("the suppression pattern by hand", () => {
  //            avslutade hela insatstiden   pågående         hela insatstiden
  //            kvinnor  män                 kvinnor  män     kvinnor  män  totalt
  //   A           6      7                     3      8         9     15     24
  //   B          10      9                     6      5        16     14     30
  //   A + B      16     16                     9     13        25     29     54
  // Only A's pågående kvinnor (3) is below 5. Zeros may be shown (allowTrueZero), so nothing
  // else in the register is hidden. By the count rule, slice by slice:
  //   A (avslutade/pågående × kön): the pågående row has one hidden figure (3): the smallest
  //     other is män 8 → "..". Column kvinnor: 3 hidden, 6 the smallest → "..". Column män:
  //     8 hidden, 7 → "..". A's four cells are hidden, its totals (13, 11, 9, 15, 24) shown.
  //   pågående (A, B × kön): row A has 3 and 8 hidden; column kvinnor (3 | 6 | 9) has one →
  //     B's 6 → ".."; column män (8 | 5 | 13) → B's 5 → "..".
  //   avslutade (A, B × kön): column kvinnor (6 | 10 | 16) → B's 10; column män (7 | 9) → B's 9.
  //   So B's four cells are hidden as well: otherwise A + B − B would give A's figures back.
  //   Every line now has 0 or 2 hidden figures; A + B and every total stay shown.
  // The ongoing are all enrolled in the period (nobody exited in it), with no background
  // recorded: "inskrivna" and each background table's "uppgift saknas" row repeat "pågående"
  // (enrolled = ongoing + exited, 0 exited), and are hidden the same way.
  const initiative = (id: string, name: string): StatisticsInitiative => ({
    id,
    name,
    orientation: "individual",
    preRehabilitation: false,
    startDate: "2024-01-01",
    endDate: null,
  });
  const A = "00000000-0000-4000-8000-00000000000a";
  const B = "00000000-0000-4000-8000-00000000000b";
  // The register these counts come from: everyone started 2025-01-01, the exited ones left
  // 2025-06-30 (before the period: no exit in it), nothing else about them is recorded.
  const people = (initiativeId: string, gender: string, n: number, exited: boolean) =>
    Array.from(
      { length: n },
      (): EnrollmentFact => ({
        initiativeId,
        gender,
        birthYear: null,
        startDate: "2025-01-01",
        endDate: exited ? "2025-06-30" : null,
        actionPlanDate: null,
        background: {},
        exit: exited ? { status: "avbrutit", studies: false, actionPlanAtExit: false } : null,
        voided: false,
      }),
    );
  const raw: RawCounts = countRegister(
    [
      ...people(A, "kvinna", 6, true),
      ...people(A, "man", 7, true),
      ...people(A, "kvinna", 3, false),
      ...people(A, "man", 8, false),
      ...people(B, "kvinna", 10, true),
      ...people(B, "man", 9, true),
      ...people(B, "kvinna", 6, false),
      ...people(B, "man", 5, false),
    ],
    [],
    PERIOD,
  );

  it("hides the small cell, the cells that would give it away, and nothing else", () => {
    const stats = protectStatistics(
      { period: PERIOD, individual: [initiative(A, "A"), initiative(B, "B")], structural: [] },
      raw,
      { threshold: 5, allowTrueZero: true },
    );
    const [a, b] = stats.individual;
    const all = stats.individualTotal;
    expect(row(a, "deltagare", FIGURE.exitedWhole)).toEqual(["S", "S", 13]);
    expect(row(a, "deltagare", FIGURE.ongoing)).toEqual(["P", "S", 11]);
    expect(row(a, "deltagare", FIGURE.whole)).toEqual([9, 15, 24]);
    expect(row(b, "deltagare", FIGURE.exitedWhole)).toEqual(["S", "S", 19]);
    expect(row(b, "deltagare", FIGURE.ongoing)).toEqual(["S", "S", 11]);
    expect(row(b, "deltagare", FIGURE.whole)).toEqual([16, 14, 30]);
    expect(row(all, "deltagare", FIGURE.exitedWhole)).toEqual([16, 16, 32]);
    expect(row(all, "deltagare", FIGURE.ongoing)).toEqual([9, 13, 22]);
    expect(row(all, "deltagare", FIGURE.whole)).toEqual([25, 29, 54]);
    // The ongoing are the enrolled in the period (no exit in it), with no background recorded:
    // "inskrivna" and the "uppgift saknas" row of each of the ten background tables are the
    // same people, and are hidden just like "pågående".
    for (const [unit, expected] of [
      [a, ["P", "S", 11]],
      [b, ["S", "S", 11]],
      [all, [9, 13, 22]],
    ] as const) {
      expect(row(unit, "deltagare", FIGURE.enrolled)).toEqual(expected);
      expect(row(unit, "alder", "alder.uppgift_saknas")).toEqual(expected);
      expect(row(unit, "isced", "isced.okand")).toEqual(expected);
    }
    // everything else is a shown 0
    expect(row(a, "avslut", FIGURE.exited)).toEqual([0, 0, 0]);
    expect(row(a, "alder", "alder.30_39")).toEqual([0, 0, 0]);
    // A's 3 women in 12 figures (pågående, inskrivna, ten "uppgift saknas"); the 7 cells above
    // and the 3 of A's men and B's in each of the 11 figures that repeat "pågående"
    expect(stats.disclosure.primary).toBe(12);
    expect(stats.disclosure.secondary).toBe(7 + 3 * 11);
  });

  it("with zeros hidden, hides every 0 too — and a total that would give a hidden 0 back", () => {
    const stats = protectStatistics(
      { period: PERIOD, individual: [initiative(A, "A"), initiative(B, "B")], structural: [] },
      raw,
    );
    const [a] = stats.individual;
    // "avslutade under perioden" is 0, hidden as "< 5": with "pågående" 11 and "inskrivna" 11
    // both shown, 11 − 11 would give that 0 back, so A's "pågående" totalt is hidden as well
    expect(row(a, "deltagare", FIGURE.ongoing)).toEqual(["P", "S", "S"]);
    expect(row(a, "deltagare", FIGURE.enrolled)).toEqual(["P", "S", 11]);
    expect(row(a, "avslut", FIGURE.exited)).toEqual(["P", "P", "P"]);
    expect(row(a, "deltagare", FIGURE.whole)).toEqual([9, 15, 24]);
    expect(share(a, "andel_till_arbete_och_eller_studier")).toBe("denominator");
  });
});

// ---------------------------------------------------------------------------------------------
// Properties on random registers

const DAYS = ["2025-06-30", "2025-12-31", "2026-01-01", "2026-03-15", "2026-06-30", "2026-07-01"];
const STATUSES = [
  "arbete_ej_subventionerat",
  "arbete_subventionerat",
  "eget_foretag",
  "studier",
  "arbetssokande",
  "avbrutit",
  "flyttat",
  "felregistrering",
];
const arbitraryFact = (initiativeIds: readonly string[]) =>
  fc
    .record({
      initiativeId: fc.constantFrom(...initiativeIds),
      gender: fc.constantFrom("kvinna", "man", "annan", "vill_ej_ange", "uppgift_saknas"),
      birthYear: fc.option(fc.integer({ min: 1950, max: 2012 }), { nil: null }),
      start: fc.constantFrom(...DAYS),
      endAfter: fc.option(fc.constantFrom(...DAYS), { nil: null }),
      status: fc.constantFrom(...STATUSES),
      studies: fc.boolean(),
      plan: fc.constantFrom(true, false, null),
      voided: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      education: fc.constantFrom(
        "gymnasial",
        "forgymnasial_9",
        "saknas",
        "okand",
        "eftergymnasial_3_eller_langre",
        "inte-en-kod",
      ),
      support: fc.subarray(["lon", "sjukpenning", "a_kassa", "forsorjningsstod"]),
      time: fc.constantFrom("under_1_ar", "mer_an_3_ar", "okand"),
    })
    .map((r): EnrollmentFact => {
      const end = r.endAfter !== null && r.endAfter >= r.start ? r.endAfter : null;
      const common = {
        initiativeId: r.initiativeId,
        gender: r.gender,
        birthYear: r.birthYear,
        startDate: r.start,
        actionPlanDate: r.plan === null ? r.start : null,
        background: { education: r.education, supportBefore: r.support, timeOnSupport: r.time },
      };
      // voided as the register writes a felregistrering; the status alone is generated too
      return r.voided
        ? {
            ...common,
            endDate: end ?? r.start,
            exit: { status: "felregistrering", studies: false, actionPlanAtExit: null },
            voided: true,
          }
        : {
            ...common,
            endDate: end,
            exit:
              end === null
                ? null
                : { status: r.status, studies: r.studies, actionPlanAtExit: r.plan },
            voided: false,
          };
    });

const G = (counts: GenderCounts | undefined) => counts ?? ([0, 0, 0] as const);
const sum = (counts: GenderCounts | undefined) => G(counts)[0] + G(counts)[1] + G(counts)[2];

describe("counting, without protection (properties)", () => {
  const initiativeIds = ["i1", "i2", "i3"];
  it("adds up: genders to totals, partitions to their whole, each figure to a naive count", () => {
    fc.assert(
      fc.property(fc.array(arbitraryFact(initiativeIds), { maxLength: 60 }), (facts) => {
        const counts = countRegister(facts, [], PERIOD);
        for (const id of initiativeIds) {
          const mine = facts.filter((f) => f.initiativeId === id);
          const counted = mine.filter(
            (f) => !f.voided && f.exit?.status !== "felregistrering" && f.startDate <= PERIOD.to,
          );
          const c = counts.enrollments.get(id);
          const n = (key: string) => sum(c?.get(key));
          // the total of every figure is its women + men + others, and each is a naive count
          const naive: Record<string, number> = {
            [FIGURE.whole]: counted.length,
            [FIGURE.started]: counted.filter((f) => f.startDate >= PERIOD.from).length,
            [FIGURE.exitedWhole]: counted.filter(
              (f) => f.endDate !== null && f.endDate <= PERIOD.to,
            ).length,
            [FIGURE.exited]: counted.filter(
              (f) => f.endDate !== null && f.endDate >= PERIOD.from && f.endDate <= PERIOD.to,
            ).length,
            [FIGURE.enrolled]: counted.filter((f) => f.endDate === null || f.endDate >= PERIOD.from)
              .length,
          };
          for (const [key, expected] of Object.entries(naive)) {
            expect([id, key, n(key)]).toEqual([id, key, expected]);
            const women = counted.filter((f) => f.gender === "kvinna").length;
            const byGender = G(c?.get(key));
            expect(byGender[0] + byGender[1] + byGender[2]).toBe(n(key));
            if (key === FIGURE.whole) expect(byGender[0]).toBe(women);
          }
          expect(n(FIGURE.whole)).toBe(n(FIGURE.exitedWhole) + n(FIGURE.ongoing));
          expect(n(FIGURE.exited)).toBe(
            n(FIGURE.toWorkOrStudies) + n(FIGURE.jobSeeking) + n(FIGURE.otherExit),
          );
          expect(n(FIGURE.toWorkOrStudies)).toBe(n(FIGURE.work) + n(FIGURE.studiesOnly));
          expect(n(FIGURE.work)).toBe(
            n("arbete_ej_subventionerat") + n("arbete_subventionerat") + n("eget_foretag"),
          );
          expect(n(FIGURE.work)).toBe(n(FIGURE.both) + n(FIGURE.workOnly));
          expect(n(FIGURE.exited)).toBe(n(FIGURE.actionPlan) + n(FIGURE.noActionPlan));
          const isced = ["isced.0_2", "isced.3_4", "isced.5_8", "isced.okand"].map(n);
          expect(isced.reduce((a, b) => a + b, 0)).toBe(n(FIGURE.enrolled));
          const ages = [
            "alder.under_30",
            "alder.30_39",
            "alder.40_49",
            "alder.50_54",
            "alder.55_plus",
            "alder.uppgift_saknas",
          ];
          expect(ages.map(n).reduce((a, b) => a + b, 0)).toBe(n(FIGURE.enrolled));
          // never a felregistrering
          expect(n(FIGURE.whole)).toBeLessThanOrEqual(mine.filter((f) => !f.voided).length);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("counts a felregistrering nowhere, voided or only by its status", () => {
    const fact: EnrollmentFact = {
      initiativeId: "i1",
      gender: "kvinna",
      birthYear: 1990,
      startDate: "2026-02-01",
      endDate: "2026-02-01",
      actionPlanDate: null,
      background: {},
      exit: { status: "felregistrering", studies: false },
      voided: false,
    };
    expect(figuresOf(fact, PERIOD)).toEqual([]);
    expect(figuresOf({ ...fact, voided: true, exit: { status: "avbrutit" } }, PERIOD)).toEqual([]);
    expect(figuresOf({ ...fact, exit: { status: "avbrutit" } }, PERIOD)).toContain(FIGURE.exited);
  });

  it("knows the count-only period keys", () => {
    expect(periodRange("2026")).toEqual({ from: "2026-01-01", to: "2026-12-31" });
    expect(periodRange("2026-K1")).toEqual({ from: "2026-01-01", to: "2026-03-31" });
    expect(periodRange("2024-T1")).toEqual({ from: "2024-01-01", to: "2024-04-30" });
    expect(periodRange("2026-H2")).toEqual({ from: "2026-07-01", to: "2026-12-31" });
    expect(periodRange("2026-T4")).toBeUndefined();
    expect(periodRange("K1-2026")).toBeUndefined();
  });
});

describe("protection (properties)", () => {
  const initiativeIds = [
    "00000000-0000-4000-8000-000000000001",
    "00000000-0000-4000-8000-000000000002",
  ];
  const scope = {
    period: PERIOD,
    individual: initiativeIds.map((id, i) => ({
      id,
      name: `Insats ${i + 1}`,
      orientation: "individual" as const,
      preRehabilitation: false,
      startDate: "2024-01-01",
      endDate: null,
    })),
    structural: [],
  };
  it("publishes only true counts, and no row with a single hidden figure", () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryFact(initiativeIds), { minLength: 5, maxLength: 80 }),
        fc.constantFrom(3, 5),
        fc.boolean(),
        (facts, threshold, allowTrueZero) => {
          const raw = countRegister(facts, [], PERIOD);
          const stats = protectStatistics(scope, raw, { threshold, allowTrueZero });
          const truth = (unit: string | null, key: string): [number, number, number] => {
            const units = unit === null ? initiativeIds : [unit];
            const c = units.map((u) => G(raw.enrollments.get(u)?.get(key)));
            const k = c.reduce((a, x) => a + x[0], 0);
            const m = c.reduce((a, x) => a + x[1], 0);
            const o = c.reduce((a, x) => a + x[2], 0);
            return [k, m, k + m + o];
          };
          for (const unit of [...stats.individual, stats.individualTotal]) {
            const id = unit?.initiative?.id ?? null;
            for (const table of unit?.tables ?? []) {
              for (const r of table.rows) {
                const [k, m, total] = truth(id, r.key);
                const cells = [r.kvinnor, r.man, r.totalt];
                [k, m, total].forEach((value, i) => {
                  const cell = cells[i] as StatisticsCell;
                  if ("value" in cell) expect(cell.value).toBe(value);
                  else if (cell.suppressed === "primary") {
                    expect(value).toBeLessThan(threshold);
                    if (allowTrueZero) expect(value).toBeGreaterThan(0);
                  } else if (cell.suppressed === "secondary")
                    expect(value).toBeGreaterThanOrEqual(threshold);
                });
                const hidden = cells.filter((c) => !("value" in c)).length;
                const others = total - k - m;
                if (!cells.some((c) => "suppressed" in c && c.suppressed === "left_out")) {
                  // kvinnor + män + others = totalt: one hidden figure could be worked out,
                  // and so could the others when they are 1..t−1 and nothing is hidden
                  // (unless nothing else could be hidden: the shown figures are all 0)
                  if (hidden === 1)
                    expect(cells.every((c) => !("value" in c) || c.value === 0)).toBe(true);
                  if (hidden === 0) expect(others === 0 || others >= threshold).toBe(true);
                }
              }
            }
            for (const s of unit?.shares ?? []) {
              if ("ratio" in s.share) expect(s.share.ratio).toBeGreaterThanOrEqual(0);
            }
          }
          // Linked tables: in every sum that the published figures take part in — a whole and
          // its parts in one initiative, or an initiative's figure, the other's and their total
          // — never exactly one hidden figure (unless the shown ones are all 0).
          const cellAt = (
            unit: IndividualStatistics | null | undefined,
            key: string,
            g: number,
          ) => {
            const r = unit?.tables.flatMap((t) => t.rows).find((x) => x.key === key);
            if (!r) throw new Error(`no row ${key}`);
            return [r.kvinnor, r.man, r.totalt][g] as StatisticsCell;
          };
          const sums = [
            [FIGURE.whole, FIGURE.exitedWhole, FIGURE.ongoing],
            [FIGURE.exited, FIGURE.toWorkOrStudies, FIGURE.jobSeeking, FIGURE.otherExit],
            [FIGURE.toWorkOrStudies, FIGURE.work, FIGURE.studiesOnly],
            [FIGURE.work, "arbete_ej_subventionerat", "arbete_subventionerat", "eget_foretag"],
            [FIGURE.enrolled, "isced.0_2", "isced.3_4", "isced.5_8", "isced.okand"],
          ];
          const units = [...stats.individual, stats.individualTotal];
          const lines: StatisticsCell[][] = [];
          for (const g of [0, 1, 2]) {
            for (const unit of units)
              for (const keys of sums) lines.push(keys.map((key) => cellAt(unit, key, g)));
            for (const key of sums.flat()) lines.push(units.map((unit) => cellAt(unit, key, g)));
          }
          for (const line of lines) {
            const hiddenInLine = line.filter((c) => !("value" in c));
            if (hiddenInLine.length === 1)
              expect(line.every((c) => !("value" in c) || c.value === 0)).toBe(true);
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});

describe("enrolled = ongoing + exited, protected together (properties)", () => {
  // "Inskrivna under perioden" is "pågående vid periodens slut" plus "avslutade under perioden",
  // in every initiative and in all of them, for kvinnor, män and totalt alike; and "hela
  // insatstiden" is "avslutade hela insatstiden" plus "pågående". Whoever reads the statistics
  // knows both, so of the figures of such a sum either all are shown or at least two are hidden:
  // one hidden figure is the sum (or the difference) of the shown ones.
  const initiativeIds = [
    "00000000-0000-4000-8000-000000000001",
    "00000000-0000-4000-8000-000000000002",
    "00000000-0000-4000-8000-000000000003",
  ];
  const scope = {
    period: PERIOD,
    individual: initiativeIds.map((id, i) => ({
      id,
      name: `Insats ${i + 1}`,
      orientation: "individual" as const,
      preRehabilitation: false,
      startDate: "2024-01-01",
      endDate: null,
    })),
    structural: [],
  };
  /** The figure of `key` in the deltagare table, [kvinnor, män, totalt]. */
  const cells = (unit: IndividualStatistics | null | undefined, key: string) => {
    const found = unit?.tables.find((t) => t.key === "deltagare")?.rows.find((r) => r.key === key);
    if (!found) throw new Error(`no row ${key}`);
    return [found.kvinnor, found.man, found.totalt] as const;
  };
  /** What the identity total = a + b gives for the one hidden figure; undefined if not one. */
  const workedOut = (
    total: StatisticsCell,
    a: StatisticsCell,
    b: StatisticsCell,
  ): number | undefined => {
    const hidden = [total, a, b].filter((c) => !("value" in c)).length;
    if (hidden !== 1) return undefined;
    const v = (c: StatisticsCell) => ("value" in c ? c.value : 0);
    return "value" in total ? v(total) - v(a) - v(b) : v(a) + v(b);
  };
  const check = (stats: RegisterStatistics, raw: RawCounts, allowTrueZero: boolean) => {
    const truth = (id: string | null, key: string, g: number) => {
      const units = id === null ? initiativeIds : [id];
      return units
        .map((u) => G(raw.enrollments.get(u)?.get(key)))
        .reduce((a, c) => a + (g === 2 ? c[0] + c[1] + c[2] : (c[g] ?? 0)), 0);
    };
    const broken: string[] = [];
    for (const unit of [...stats.individual, stats.individualTotal]) {
      const id = unit?.initiative?.id ?? null;
      for (const [total, a, b] of [
        [FIGURE.enrolled, FIGURE.ongoing, FIGURE.exited],
        [FIGURE.whole, FIGURE.exitedWhole, FIGURE.ongoing],
      ] as const) {
        const [ct, ca, cb] = [cells(unit, total), cells(unit, a), cells(unit, b)];
        for (const g of [0, 1, 2]) {
          const line = [ct[g], ca[g], cb[g]] as StatisticsCell[];
          const [t0, a0, b0] = line as [StatisticsCell, StatisticsCell, StatisticsCell];
          // the identity holds for the true counts (so what it gives is the hidden figure)
          expect(truth(id, total, g)).toBe(truth(id, a, g) + truth(id, b, g));
          const given = workedOut(t0, a0, b0);
          // a total left out of some table whose parts are all shown as 0 is 0: that gives
          // nothing away where a true 0 may be shown (nothing else could be hidden instead)
          const zeros = allowTrueZero && line.every((c) => !("value" in c) || c.value === 0);
          if (given !== undefined && !zeros) broken.push(`${id ?? "alla"} ${total} ${g}: ${given}`);
        }
      }
    }
    return broken;
  };

  it("does not hide all initiatives' enrolled while showing their ongoing 6 and exited 5", () => {
    // Eleven enrollments, all started 2026-02-01; "x" exited 2026-05-01 (avbrutit), "o" ongoing:
    //   Insats 1: kvinna x, kvinna x, man x, kvinna o, man o, annan o, annan o
    //   Insats 2: man o, annan o, kvinna x, annan x
    // All of them, totalt: pågående 6, avslutade 5, inskrivna 11. The background tables hid
    // "inskrivna" (totalt, all initiatives) as ".." to protect a small age or education group,
    // while the deltagare table showed pågående 6 and avslutade 5 — and 6 + 5 gave it back.
    const enrollment = (
      i: 0 | 1,
      gender: string,
      exited: boolean,
      birthYear: number,
      education: string,
    ): EnrollmentFact => ({
      initiativeId: initiativeIds[i] as string,
      gender,
      birthYear,
      startDate: "2026-02-01",
      endDate: exited ? "2026-05-01" : null,
      actionPlanDate: null,
      background: { education, supportBefore: ["lon"], timeOnSupport: "okand" },
      exit: exited ? { status: "avbrutit", studies: false, actionPlanAtExit: false } : null,
      voided: false,
    });
    const facts = [
      enrollment(0, "kvinna", true, 1960, "gymnasial"),
      enrollment(0, "kvinna", true, 1960, "okand"),
      enrollment(1, "man", false, 1960, "okand"),
      enrollment(0, "man", true, 1990, "gymnasial"),
      enrollment(1, "annan", false, 1990, "forgymnasial_9"),
      enrollment(1, "kvinna", true, 2000, "okand"),
      enrollment(0, "kvinna", false, 1990, "gymnasial"),
      enrollment(0, "man", false, 1990, "forgymnasial_9"),
      enrollment(1, "annan", true, 1960, "okand"),
      enrollment(0, "annan", false, 1990, "okand"),
      enrollment(0, "annan", false, 1960, "forgymnasial_9"),
    ];
    const raw = countRegister(facts, [], PERIOD);
    const stats = protectStatistics(scope, raw, { threshold: 5, allowTrueZero: true });
    const all = stats.individualTotal;
    const [enrolled, ongoing, exited] = [FIGURE.enrolled, FIGURE.ongoing, FIGURE.exited].map(
      (key) => shown(cells(all, key)[2]),
    );
    // whatever is hidden, never exactly one of the three
    const hidden = [enrolled, ongoing, exited].filter((c) => typeof c !== "number");
    expect(hidden.length).not.toBe(1);
    if (typeof enrolled === "number") expect(enrolled).toBe(11);
    if (typeof ongoing === "number") expect(ongoing).toBe(6);
    if (typeof exited === "number") expect(exited).toBe(5);
    expect(check(stats, raw, true)).toEqual([]);
  });

  it("never leaves one of the three figures hidden: enrolled ~ ongoing + exited, whole ~ exited whole + ongoing", () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryFact(initiativeIds), { minLength: 5, maxLength: 90 }),
        fc.constantFrom(3, 5),
        fc.boolean(),
        (facts, threshold, allowTrueZero) => {
          const raw = countRegister(facts, [], PERIOD);
          const stats = protectStatistics(scope, raw, { threshold, allowTrueZero });
          expect(check(stats, raw, allowTrueZero)).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  }, 180_000);
});

describe("the register's read", () => {
  it("reads all that the counting needs: the same as counting the enrollments' full rows", async () => {
    const periods = [
      PERIOD,
      { from: "2025-01-01", to: "2025-12-31" },
      { from: "2020-01-01", to: "2030-12-31" },
    ];
    for (const period of periods) {
      for (const options of [
        { threshold: 0 },
        { threshold: 5 },
        { threshold: 3, allowTrueZero: true },
      ]) {
        const stats = await registerStatistics(t.db, ids.association, { ...period, ...options });
        const initiativeIds = [...stats.individual, ...stats.structural].flatMap((u) =>
          u.initiative ? [u.initiative.id] : [],
        );
        expect(stats.individual.length).toBeGreaterThan(0);
        const counts = await inRegister(
          t.db,
          { controllers: [ids.tierp, ids.heby], initiatives: initiativeIds },
          async (tx) => {
            // every column of every enrollment, the whole background and exit, voided ones too
            const facts: EnrollmentFact[] = await tx
              .select({
                initiativeId: enrollments.initiativeId,
                gender: participants.gender,
                birthYear: participants.birthYear,
                startDate: enrollments.startDate,
                endDate: enrollments.endDate,
                actionPlanDate: enrollments.actionPlanDate,
                background: enrollments.background,
                exit: enrollments.exit,
                voided: enrollments.voided,
              })
              .from(enrollments)
              .innerJoin(participants, eq(participants.id, enrollments.participantId));
            const participation = await tx.select().from(countOnlyParticipation);
            return countRegister(facts, participation, period);
          },
        );
        const initiativesOf = (units: readonly { initiative: StatisticsInitiative | null }[]) =>
          units.flatMap((u) => (u.initiative ? [u.initiative] : []));
        const expected = protectStatistics(
          {
            period,
            individual: initiativesOf(stats.individual),
            structural: initiativesOf(stats.structural),
          },
          counts,
          options,
        );
        expect(JSON.stringify(stats)).toEqual(JSON.stringify(expected));
      }
    }
  });
});
