// For the tests of the progression results, the comparison group and the evaluator export: the
// register's fixture (src/register/register-fixture.ts) with a small published instrument (three
// items on 1–5, one reverse-scored, a subscale of two), measurement plans for two initiatives
// (Tierp, Växtverket keeps a comparison group) and a hand-computed set of participants and
// measurements (see results.test.ts for the figures they give). Instruments, plans and
// measurements are written as the tables' owner, so these tests do not depend on the use cases
// that enter them.
import { eq } from "drizzle-orm";
import type { Db } from "../platform/database/connect.ts";
import { type RegisterParticipantInput, registerParticipant } from "../register/participants.ts";
import {
  personalNumber,
  type RegisterFixture,
  registerFixture,
} from "../register/register-fixture.ts";
import { enrollments } from "../register/schema.ts";
import type { Answers, InstrumentDefinition, Occasion } from "./model.ts";
import {
  comparisonMeasurements,
  measurements,
  progressionInstruments,
  progressionInstrumentVersions,
  progressionPlans,
} from "./schema.ts";

export const FIXTURE_TODAY = "2026-11-23";

/** The initiative's own key of the participant (deltagar-id) planted for each enrollment. */
export const externalKeyOf = (index: number) => `SAMSPAR-DELTAGARE-${1000 + index}`;

/** Three items on 1–5: a and b (reverse-scored) form the subscale "s1"; c counts in the total. */
export const TEST_DEFINITION: InstrumentDefinition = {
  respondent: "deltagare",
  instructions: { sv: "Svara på varje fråga." },
  scale: { min: 1, max: 5, minLabel: { sv: "Inte alls" }, maxLabel: { sv: "Helt" } },
  items: [
    { key: "a", text: { sv: "Jag vet vad jag vill arbeta med." }, reverse: false, subscale: "s1" },
    { key: "b", text: { sv: "Jag oroar mig för framtiden." }, reverse: true, subscale: "s1" },
    { key: "c", text: { sv: "Jag klarar en arbetsdag." }, reverse: false, subscale: null },
  ],
  subscales: [{ key: "s1", name: { sv: "Framtid" } }],
  scoring: { method: "medel", minAnsweredShare: 0.5, improvement: 1 },
};

export interface ProgressionFixture {
  f: RegisterFixture;
  versionId: string;
  instrumentKey: string;
  /** Tierp, Växtverket: a plan with a comparison group, target 50 %. */
  a: string;
  /** Heby, Steget: a plan without one, target 80 %. */
  b: string;
  /** The personal numbers and names planted in the register (the export must not carry them). */
  identities: Array<{ number: string; name: string }>;
  participantIds: string[];
  enrollmentIds: string[];
}

interface Person {
  initiative: "a" | "b";
  gender: string;
  birthYear: number;
  startDate: string;
  measurements: Array<[Occasion, string, Answers]>;
}

/** Initiative a: four women (one not measured), two men, one "annan"; see results.test.ts. */
const PEOPLE: Person[] = [
  {
    initiative: "a",
    gender: "kvinna",
    birthYear: 1990,
    startDate: "2026-01-15",
    measurements: [
      ["nollpunkt", "2026-02-01", { a: 2, b: 4, c: 3 }],
      ["uppfoljning", "2026-05-01", { a: 3, b: 3, c: 3 }],
      ["avslut", "2026-09-01", { a: 4, b: 2, c: 5 }],
    ],
  },
  {
    initiative: "a",
    gender: "kvinna",
    birthYear: 1996,
    startDate: "2026-02-15",
    measurements: [
      ["nollpunkt", "2026-03-01", { a: 3, b: 3, c: 2 }],
      ["uppfoljning", "2026-06-01", { a: 3, b: 2, c: null }],
    ],
  },
  {
    initiative: "a",
    gender: "kvinna",
    birthYear: 2001,
    startDate: "2026-03-20",
    measurements: [["nollpunkt", "2026-04-01", { a: 1, b: 5, c: 1 }]],
  },
  { initiative: "a", gender: "kvinna", birthYear: 1985, startDate: "2026-04-01", measurements: [] },
  {
    initiative: "a",
    gender: "man",
    birthYear: 1979,
    startDate: "2025-10-20",
    measurements: [
      ["nollpunkt", "2025-11-01", { a: 2, b: 2, c: 2 }],
      ["uppfoljning", "2025-12-15", { a: 5, b: 1, c: 5 }],
      ["uppfoljning", "2026-02-01", { a: 3, b: 2, c: 4 }],
    ],
  },
  {
    initiative: "a",
    gender: "man",
    birthYear: 1999,
    startDate: "2026-01-05",
    measurements: [
      ["nollpunkt", "2026-01-10", { a: 4, b: 1, c: 4 }],
      ["avslut", "2026-03-10", { a: 3, b: 2, c: 3 }],
    ],
  },
  {
    initiative: "a",
    gender: "annan",
    birthYear: 1993,
    startDate: "2026-01-10",
    measurements: [
      ["nollpunkt", "2026-01-15", { a: 1, b: 4, c: 2 }],
      ["uppfoljning", "2026-07-01", { a: 2, b: 3, c: 3 }],
    ],
  },
  // b: eight enrolled, three measured (two women, one man), two pairs
  ...[0, 1, 2, 3].map(
    (i): Person => ({
      initiative: "b",
      gender: "kvinna",
      birthYear: 1980 + i,
      startDate: "2026-02-01",
      measurements:
        i < 2
          ? [
              ["nollpunkt", "2026-02-10", { a: 2, b: 4, c: 2 }],
              ["uppfoljning", "2026-06-10", { a: 4, b: 2, c: 4 }],
            ]
          : [],
    }),
  ),
  ...[0, 1, 2, 3].map(
    (i): Person => ({
      initiative: "b",
      gender: "man",
      birthYear: 1970 + i,
      startDate: "2026-02-01",
      measurements: i === 0 ? [["nollpunkt", "2026-02-10", { a: 3, b: 3, c: 3 }]] : [],
    }),
  ),
];

/** The comparison group of initiative a: J-3 was measured before the period only. */
export const COMPARISON: Array<{
  code: string;
  gender: string;
  occasion: Occasion;
  measuredOn: string;
  answers: Answers;
}> = [
  {
    code: "J-1",
    gender: "kvinna",
    occasion: "nollpunkt",
    measuredOn: "2026-02-01",
    answers: { a: 3, b: 3, c: 3 },
  },
  {
    code: "J-1",
    gender: "kvinna",
    occasion: "uppfoljning",
    measuredOn: "2026-08-01",
    answers: { a: 3, b: 3, c: 4 },
  },
  {
    code: "J-2",
    gender: "man",
    occasion: "nollpunkt",
    measuredOn: "2026-02-01",
    answers: { a: 2, b: 4, c: 2 },
  },
  {
    code: "J-2",
    gender: "man",
    occasion: "avslut",
    measuredOn: "2026-10-01",
    answers: { a: 4, b: 2, c: 4 },
  },
  {
    code: "J-3",
    gender: "kvinna",
    occasion: "nollpunkt",
    measuredOn: "2025-05-01",
    answers: { a: 1, b: 1, c: 1 },
  },
];

/** A published instrument of the association, as its owner writes it. */
export async function publishedInstrument(
  owner: Db,
  associationId: string,
  key = "framtidstro",
  definition: InstrumentDefinition = TEST_DEFINITION,
): Promise<string> {
  const [instrument] = await owner
    .insert(progressionInstruments)
    .values({ associationId, key, name: { sv: "Framtidstro" }, createdByName: "test" })
    .returning({ id: progressionInstruments.id });
  const [version] = await owner
    .insert(progressionInstrumentVersions)
    .values({
      instrumentId: instrument?.id as string,
      number: 1,
      status: "publicerad",
      definition,
      createdByName: "test",
      publishedAt: new Date(),
      publishedByName: "test",
    })
    .returning({ id: progressionInstrumentVersions.id });
  return version?.id as string;
}

/**
 * The register fixture with the instrument, the plans and the people above. With
 * `comparison`, initiative a's comparison group is written too.
 */
export async function progressionFixture(
  db: Db,
  owner: Db,
  options: { slug?: string; comparison?: boolean } = {},
): Promise<ProgressionFixture> {
  const f = await registerFixture(db, options.slug ?? "prog");
  const versionId = await publishedInstrument(owner, f.associationId);
  const a = f.tierp.initiative;
  const b = f.heby.initiative;
  await owner.insert(progressionPlans).values([
    {
      initiativeId: a,
      associationId: f.associationId,
      instrumentVersionIds: [versionId],
      targetPercent: 50,
      comparisonGroup: true,
      updatedByName: "test",
    },
    {
      initiativeId: b,
      associationId: f.associationId,
      instrumentVersionIds: [versionId],
      targetPercent: 80,
      comparisonGroup: false,
      updatedByName: "test",
    },
  ]);
  const access = {
    a: await f.access(f.officers.tierp),
    b: await f.access(f.officers.heby),
  };
  const identities: ProgressionFixture["identities"] = [];
  const participantIds: string[] = [];
  const enrollmentIds: string[] = [];
  const enroll = async (person: Person, index: number) => {
    const number = personalNumber(`${person.birthYear}0${(index % 9) + 1}15`, `${100 + index}`);
    const name = `Testperson Nummer${index}`;
    identities.push({ number, name });
    const input: RegisterParticipantInput = {
      initiativeId: person.initiative === "a" ? a : b,
      personalNumber: number,
      name,
      consent: { consentedOn: person.startDate, textVersion: "2026:1", language: "svenska" },
      gender: person.gender,
      birthYear: person.birthYear,
      startDate: person.startDate,
      background: {
        education: "gymnasial",
        supportBefore: ["forsorjningsstod"],
        timeOnSupport: "1_2_ar",
        occupationBefore: "arbetslos",
        referrer: "kommun",
      },
      municipalityCode: person.initiative === "a" ? "0360" : "1917",
      externalKey: externalKeyOf(index),
    };
    const who = access[person.initiative];
    const registered = await registerParticipant(
      db,
      f.crypto,
      who.actor,
      who.scope,
      input,
      FIXTURE_TODAY,
    );
    participantIds.push(registered.participantId);
    enrollmentIds.push(registered.enrollmentId);
    return registered;
  };
  const measure = async (
    registered: { participantId: string; enrollmentId: string },
    initiative: "a" | "b",
    list: Person["measurements"],
  ) => {
    for (const [occasion, measuredOn, answers] of list)
      await owner.insert(measurements).values({
        associationId: f.associationId,
        dataControllerId: initiative === "a" ? f.tierp.controller : f.heby.controller,
        initiativeId: initiative === "a" ? a : b,
        enrollmentId: registered.enrollmentId,
        participantId: registered.participantId,
        instrumentVersionId: versionId,
        occasion,
        measuredOn,
        mode: "samtal",
        answers,
        recordedByName: "test",
      });
  };
  let index = 0;
  for (const person of PEOPLE) {
    const registered = await enroll(person, index++);
    await measure(registered, person.initiative, person.measurements);
  }
  // never counted: a voided enrollment and one that ended before the period, both measured
  const extra: Person = {
    initiative: "a",
    gender: "kvinna",
    birthYear: 1988,
    startDate: "2025-01-10",
    measurements: [
      ["nollpunkt", "2025-01-20", { a: 1, b: 5, c: 1 }],
      ["avslut", "2025-06-20", { a: 5, b: 1, c: 5 }],
    ],
  };
  const voided = await enroll({ ...extra, startDate: "2026-01-10" }, index++);
  await measure(voided, "a", [
    ["nollpunkt", "2026-01-20", { a: 1, b: 5, c: 1 }],
    ["avslut", "2026-06-20", { a: 5, b: 1, c: 5 }],
  ]);
  await owner
    .update(enrollments)
    .set({ voided: true })
    .where(eq(enrollments.id, voided.enrollmentId));
  const ended = await enroll(extra, index++);
  await measure(ended, "a", extra.measurements);
  await owner
    .update(enrollments)
    .set({ endDate: "2025-06-30", exit: { status: "arbetssokande", studies: false } })
    .where(eq(enrollments.id, ended.enrollmentId));

  if (options.comparison !== false)
    for (const row of COMPARISON)
      await owner.insert(comparisonMeasurements).values({
        associationId: f.associationId,
        dataControllerId: f.tierp.controller,
        initiativeId: a,
        instrumentVersionId: versionId,
        respondentCode: row.code,
        gender: row.gender,
        occasion: row.occasion,
        measuredOn: row.measuredOn,
        answers: row.answers,
        recordedByName: "test",
      });
  return {
    f,
    versionId,
    instrumentKey: "framtidstro",
    a,
    b,
    identities,
    participantIds,
    enrollmentIds,
  };
}
