// Progression measurement in the association bundle (version 7), on an association of its own
// built with the progression capability's own use cases: a licensed instrument with version 1
// published and version 2 a draft, an archived open instrument, and two plans that measure with
// Samspår's shipped instruments and the association's own. Moved to an instance whose shipped
// instrument versions have other ids, the bundle exports back the same and the plans measure
// with that instance's shipped versions; a second import changes nothing; a draft published at
// the source arrives published, and a published version is never changed by a file; a plan that
// names an instrument version that does not exist is refused in Swedish, writing nothing; a
// version 6 file still imports.
import { and, count, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { createAssociation } from "../associations/create-association.ts";
import { findAssociationBySlug } from "../associations/find-association.ts";
import { addMemberOrganisation } from "../associations/member-organisations.ts";
import { associations } from "../associations/schema.ts";
import { auditEvents } from "../audit/schema.ts";
import { createInitiative } from "../initiatives/save-initiative.ts";
import type { Db, Queryable } from "../platform/database/connect.ts";
import { ValidationError } from "../platform/errors.ts";
import { OFFICER_RATING, SELF_RATING } from "../progression/builtin.ts";
import {
  archiveInstrument,
  createInstrument,
  getInstrument,
  publishVersion,
  saveDraft,
  startNewVersion,
} from "../progression/instruments.ts";
import type { InstrumentDefinition } from "../progression/model.ts";
import { getPlan, planChoices, savePlan } from "../progression/plans.ts";
import {
  progressionInstruments,
  progressionInstrumentVersions,
  progressionPlans,
} from "../progression/schema.ts";
import type { Bundle } from "./bundle-schema.ts";
import { bundleJson, exportBundle } from "./export-bundle.ts";
import { IMPORT_ACTOR, importBundle } from "./import-bundle.ts";

const SLUG = "progressionsprov";
const office = { userId: null, label: "Maria Lindqvist" };

const DEFINITION: InstrumentDefinition = {
  respondent: "deltagare",
  instructions: { sv: "Välj det som stämmer bäst i dag.", en: "Choose what fits best today." },
  scale: {
    min: 1,
    max: 5,
    minLabel: { sv: "Stämmer inte alls", en: "Not at all" },
    maxLabel: { sv: "Stämmer helt", en: "Completely" },
  },
  items: [
    { key: "begriplig", text: { sv: "Livet känns begripligt" }, reverse: false, subscale: "kasam" },
    { key: "oro", text: { sv: "Jag känner oro" }, reverse: true, subscale: "kasam" },
    { key: "stod", text: { sv: "Jag har stöd omkring mig" }, reverse: false, subscale: null },
  ],
  subscales: [{ key: "kasam", name: { sv: "Känsla av sammanhang" } }],
  scoring: { method: "medel", minAnsweredShare: 0.6, improvement: 0.5 },
};

let a: TestDatabase;
let b: TestDatabase;
let exported = "";
const ids = { vaxtverket: "", steget: "", forum: "", kasam: "" };

async function associationId(q: Queryable): Promise<string> {
  const association = await findAssociationBySlug(q, SLUG);
  if (!association) throw new Error(`no association ${SLUG}`);
  return association.id;
}

async function exportOf(q: Queryable): Promise<string> {
  return bundleJson(await exportBundle(q, await associationId(q)));
}

const withoutExportedAt = (text: string) => {
  const { exportedAt: _, ...rest } = JSON.parse(text) as Bundle;
  return JSON.stringify(rest, null, 2);
};

const copy = (text: string) => JSON.parse(text) as Bundle;

const auditCount = async (q: Queryable, action?: string) => {
  const [row] = await q
    .select({ n: count() })
    .from(auditEvents)
    .where(action ? eq(auditEvents.action, action) : undefined);
  return row?.n ?? 0;
};

async function refusal(q: Queryable, source: Bundle): Promise<Record<string, string>> {
  try {
    await importBundle(q, IMPORT_ACTOR, JSON.stringify(source));
  } catch (error) {
    if (error instanceof ValidationError) return error.fields;
    throw error;
  }
  throw new Error("the import was not refused");
}

/** The published version of a shipped instrument in an instance. */
async function shippedVersionId(q: Db, key: string, number = 1): Promise<string> {
  const [row] = await q
    .select({ id: progressionInstrumentVersions.id })
    .from(progressionInstrumentVersions)
    .innerJoin(
      progressionInstruments,
      eq(progressionInstruments.id, progressionInstrumentVersions.instrumentId),
    )
    .where(
      and(
        isNull(progressionInstruments.associationId),
        eq(progressionInstruments.key, key),
        eq(progressionInstrumentVersions.number, number),
      ),
    );
  if (!row) throw new Error(`no shipped ${key} ${number}`);
  return row.id;
}

/**
 * Gives the shipped instrument versions of an instance new ids, as another installation has
 * (the test databases are clones of one template, so they would otherwise share them).
 */
async function newShippedIds(t: TestDatabase) {
  const client = await t.owner.pool.connect();
  try {
    await client.query("begin");
    await client.query(
      "alter table progression_instrument_versions disable trigger progression_instrument_versions_published",
    );
    await client.query(
      `update progression_instrument_versions v set id = gen_random_uuid()
         from progression_instruments i where i.id = v.instrument_id and i.association_id is null`,
    );
    await client.query(
      "alter table progression_instrument_versions enable trigger progression_instrument_versions_published",
    );
    await client.query("commit");
  } finally {
    client.release();
  }
}

beforeAll(async () => {
  [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  await newShippedIds(b);
  const association = await createAssociation(a.db, office, {
    slug: SLUG,
    name: "Samordningsförbundet Progression",
  });
  const org = await addMemberOrganisation(a.db, office, association.id, {
    name: "Tierps kommun",
    orgNumber: "212000-0274",
    kind: "kommun",
  });
  const af = await addMemberOrganisation(a.db, office, association.id, {
    name: "Arbetsförmedlingen",
    orgNumber: "202100-2114",
    kind: "arbetsformedlingen",
  });
  const initiative = async (name: string, orientation: "individual" | "structural") =>
    (
      await createInitiative(a.db, office, association.id, {
        name,
        ownerOrganisationId: org.id,
        partnerIds: [af.id],
        status: "pagaende",
        orientation,
        preRehabilitation: false,
        esf: false,
        startDate: "2025-01-01",
        endDate: "2027-12-31",
        targetGroup: "Unga vuxna",
        expectedParticipantsOngoing: false,
        goals: [],
        localUnits: [],
      })
    ).id;
  ids.vaxtverket = await initiative("Växtverket", "individual");
  ids.steget = await initiative("Steget", "individual");
  ids.forum = await initiative("Samverkansforum", "structural");

  // a licensed instrument: version 1 published, version 2 a draft with a fourth question
  const kasam = await createInstrument(a.db, office, association.id, {
    key: "kasam-kort",
    name: "KASAM, kort form",
    licence: "Förbundet har licens från rättighetshavaren t.o.m. 2028.",
    licenceConfirmed: true,
    definition: DEFINITION,
  });
  ids.kasam = kasam.id;
  await publishVersion(a.db, office, association.id, kasam.versionId, 1);
  const second = await startNewVersion(a.db, office, association.id, kasam.id);
  await saveDraft(
    a.db,
    office,
    association.id,
    second.versionId,
    {
      ...DEFINITION,
      items: [
        ...DEFINITION.items,
        { key: "hanterbar", text: { sv: "Det går att hantera" }, reverse: false, subscale: null },
      ],
    },
    1,
  );
  // an open instrument, published and then archived
  const trivsel = await createInstrument(a.db, office, association.id, {
    key: "trivsel",
    name: "Trivsel",
    licence: "",
    licenceConfirmed: false,
    definition: {
      ...DEFINITION,
      items: [{ key: "trivs", text: { sv: "Jag trivs" }, reverse: false, subscale: null }],
    },
  });
  await publishVersion(a.db, office, association.id, trivsel.versionId, 1);

  const plan = {
    intervalMonths: 3,
    atExit: true,
    graceDays: 14,
    targetPercent: 70,
    comparisonGroup: true,
  };
  await savePlan(
    a.db,
    { ...office, name: "Maria Lindqvist" },
    association.id,
    ids.vaxtverket,
    {
      ...plan,
      instrumentVersionIds: [
        await shippedVersionId(a.db, SELF_RATING.key),
        kasam.versionId,
        trivsel.versionId,
      ],
    },
    null,
  );
  await savePlan(
    a.db,
    office,
    association.id,
    ids.steget,
    {
      ...plan,
      comparisonGroup: false,
      intervalMonths: 6,
      instrumentVersionIds: [await shippedVersionId(a.db, OFFICER_RATING.key)],
    },
    null,
  );
  await archiveInstrument(a.db, office, association.id, trivsel.id);
  exported = await exportOf(a.db);
}, 120_000);

afterAll(async () => {
  await Promise.all([a?.drop(), b?.drop()]);
});

describe("progression measurement in the bundle", () => {
  it("holds the own instruments with every version and the plans by key and number, no ids", async () => {
    const bundle = copy(exported);
    expect(bundle.version).toBe(8);
    const { instruments, plans } = bundle.progression;
    expect(instruments.map((i) => [i.key, i.archived, i.versions.map((v) => v.status)])).toEqual([
      ["kasam-kort", false, ["publicerad", "utkast"]],
      ["trivsel", true, ["publicerad"]],
    ]);
    const [kasam] = instruments;
    expect(kasam).toMatchObject({
      name: { sv: "KASAM, kort form" },
      licence: "Förbundet har licens från rättighetshavaren t.o.m. 2028.",
      created: { name: "Maria Lindqvist" },
    });
    expect(kasam?.versions[0]).toMatchObject({
      number: 1,
      definition: DEFINITION,
      published: { name: "Maria Lindqvist" },
    });
    expect(kasam?.versions[1]).toMatchObject({ number: 2, published: null });
    expect(kasam?.versions[1]?.definition.items).toHaveLength(4);
    // the shipped instruments are not in the file
    expect(instruments.map((i) => i.key)).not.toContain(SELF_RATING.key);
    expect(plans).toEqual([
      {
        initiative: ids.steget,
        instruments: [{ instrument: OFFICER_RATING.key, shipped: true, number: 1 }],
        intervalMonths: 6,
        atExit: true,
        graceDays: 14,
        targetPercent: 70,
        comparisonGroup: false,
        updated: { name: "Maria Lindqvist", at: expect.any(String) },
      },
      {
        initiative: ids.vaxtverket,
        instruments: [
          { instrument: SELF_RATING.key, shipped: true, number: 1 },
          { instrument: "kasam-kort", shipped: false, number: 1 },
          { instrument: "trivsel", shipped: false, number: 1 },
        ],
        intervalMonths: 3,
        atExit: true,
        graceDays: 14,
        targetPercent: 70,
        comparisonGroup: true,
        updated: { name: "Maria Lindqvist", at: expect.any(String) },
      },
    ]);
    // no id of an instrument or a version anywhere in the section
    const section = JSON.stringify(bundle.progression);
    const versionIds = (await a.db.select().from(progressionInstrumentVersions)).map((v) => v.id);
    const instrumentIds = (await a.db.select().from(progressionInstruments)).map((i) => i.id);
    for (const id of [...versionIds, ...instrumentIds]) expect(section).not.toContain(id);
  });

  it("imports into another instance and exports the same bundle back, the plans on its shipped versions", async () => {
    expect(await shippedVersionId(b.db, SELF_RATING.key)).not.toBe(
      await shippedVersionId(a.db, SELF_RATING.key),
    );
    const result = await importBundle(b.db, IMPORT_ACTOR, exported);
    expect(result.progressionInstruments).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(result.progressionInstrumentVersions).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect(result.progressionPlans).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(withoutExportedAt(await exportOf(b.db))).toBe(withoutExportedAt(exported));
    expect(await auditCount(b.db, "progression_instrument.imported")).toBe(2);
    expect(await auditCount(b.db, "progression_plan.imported")).toBe(2);

    const here = await associationId(b.db);
    const plan = await getPlan(b.db, here, ids.vaxtverket);
    const kasam = await b.db
      .select({ id: progressionInstrumentVersions.id })
      .from(progressionInstrumentVersions)
      .innerJoin(
        progressionInstruments,
        eq(progressionInstruments.id, progressionInstrumentVersions.instrumentId),
      )
      .where(
        and(
          eq(progressionInstruments.associationId, here),
          eq(progressionInstruments.key, "kasam-kort"),
          eq(progressionInstrumentVersions.number, 1),
        ),
      );
    expect(plan?.instrumentVersionIds.slice(0, 2)).toEqual([
      await shippedVersionId(b.db, SELF_RATING.key),
      kasam[0]?.id,
    ]);
    expect(plan).toMatchObject({ targetPercent: 70, comparisonGroup: true, version: 1 });
    // the plan's versions are this instance's choices: the office can keep working with them
    const choices = (await planChoices(b.db, here)).map((c) => c.versionId);
    expect(choices).toContain(plan?.instrumentVersionIds[0]);
    expect(choices).toContain(plan?.instrumentVersionIds[1]);
    // the imported published version is as frozen as one published here
    const [published] = kasam;
    const change = async () => {
      await b.db
        .update(progressionInstrumentVersions)
        .set({ definition: DEFINITION })
        .where(eq(progressionInstrumentVersions.id, published?.id ?? ""));
    };
    await expect(change()).rejects.toThrow();
  });

  it("changes nothing when the same bundle is imported again, here or where it came from", async () => {
    for (const q of [a.db, b.db]) {
      const before = await auditCount(q);
      const result = await importBundle(q, IMPORT_ACTOR, exported);
      expect(result.progressionInstruments).toEqual({ created: 0, updated: 0, unchanged: 2 });
      expect(result.progressionInstrumentVersions).toEqual({
        created: 0,
        updated: 0,
        unchanged: 3,
      });
      expect(result.progressionPlans).toEqual({ created: 0, updated: 0, unchanged: 2 });
      expect(await auditCount(q)).toBe(before);
    }
  });

  it("never changes a published version, and names the place in Swedish", async () => {
    const before = await auditCount(b.db);
    const edited = copy(exported);
    const published = edited.progression.instruments[0]?.versions[0];
    if (!published) throw new Error("fixture");
    published.definition.scale.max = 7;
    const fields = await refusal(b.db, edited);
    expect(fields).toEqual({
      "progression.instruments[0].versions[0]":
        "progression.instruments[0].versions[0] (instrumentet kasam-kort): Version 1 är publicerad här och skiljer sig från filens. En publicerad version kan ha svar och ändras aldrig: lägg ändringen i en ny version.",
    });
    expect(await auditCount(b.db)).toBe(before);
  });

  it("brings an instrument forward: the draft published at the source arrives published, the plan follows", async () => {
    const source = await associationId(a.db);
    const kasam = await getInstrument(a.db, source, ids.kasam);
    const draft = kasam.versions[1];
    if (!draft) throw new Error("no draft");
    await publishVersion(a.db, office, source, draft.id, draft.version);
    const plan = await getPlan(a.db, source, ids.vaxtverket);
    if (!plan) throw new Error("no plan");
    await savePlan(
      a.db,
      office,
      source,
      ids.vaxtverket,
      {
        ...plan,
        instrumentVersionIds: [plan.instrumentVersionIds[0] ?? "", draft.id],
        targetPercent: 80,
      },
      plan.version,
    );
    const later = await exportOf(a.db);
    const result = await importBundle(b.db, IMPORT_ACTOR, later);
    expect(result.progressionInstruments).toEqual({ created: 0, updated: 1, unchanged: 1 });
    expect(result.progressionInstrumentVersions).toEqual({ created: 0, updated: 1, unchanged: 2 });
    expect(result.progressionPlans).toEqual({ created: 0, updated: 1, unchanged: 1 });
    expect(withoutExportedAt(await exportOf(b.db))).toBe(withoutExportedAt(later));
    const here = await associationId(b.db);
    const moved = await getPlan(b.db, here, ids.vaxtverket);
    expect(moved).toMatchObject({ targetPercent: 80, version: 2 });
    // an older file cannot take a version back into a draft
    const fields = await refusal(b.db, copy(exported));
    expect(fields["progression.instruments[0].versions[1]"]).toMatch(
      /Version 2 är publicerad här och skiljer sig från filens\./,
    );
  });
});

describe("older files and plans that do not hold together", () => {
  let c: TestDatabase;
  beforeAll(async () => {
    c = await createTestDatabase();
  });
  afterAll(() => c?.drop());

  const nothingWritten = async () => {
    expect(await c.db.$count(associations)).toBe(0);
    expect(await c.db.$count(progressionPlans)).toBe(0);
    expect(
      await c.db.$count(progressionInstruments, eq(progressionInstruments.key, "kasam-kort")),
    ).toBe(0);
    expect(await c.db.$count(auditEvents)).toBe(0);
  };

  it("refuses a plan that names an instrument version that does not exist, writing nothing", async () => {
    const bundle = copy(exported);
    const [steget, vaxtverket] = bundle.progression.plans;
    if (!steget || !vaxtverket) throw new Error("fixture");
    steget.instruments = [{ instrument: SELF_RATING.key, shipped: true, number: 99 }];
    vaxtverket.instruments = [
      { instrument: "kasam-kort", shipped: false, number: 3 },
      { instrument: "finns-inte", shipped: true, number: 1 },
      { instrument: "egen-saknas", shipped: false, number: 1 },
      { instrument: "kasam-kort", shipped: false, number: 2 },
    ];
    const fields = await refusal(c.db, bundle);
    expect(fields).toEqual({
      "progression.plans[0].instruments[0]": `progression.plans[0].instruments[0] (mätplanen för insatsen "Steget"): Samspårs instrument ${SELF_RATING.key} har ingen version 99 här. Filen kan komma från en nyare version av Samspår: uppdatera Samspår och försök igen.`,
      "progression.plans[1].instruments[0]":
        'progression.plans[1].instruments[0] (mätplanen för insatsen "Växtverket"): Instrumentet kasam-kort har ingen version 3, varken i filen eller här.',
      "progression.plans[1].instruments[1]":
        'progression.plans[1].instruments[1] (mätplanen för insatsen "Växtverket"): Samspår har inget instrument med kortnamnet finns-inte. Filen kan komma från en nyare version av Samspår: uppdatera Samspår och försök igen, eller ange "shipped": false om instrumentet är förbundets eget.',
      "progression.plans[1].instruments[2]":
        'progression.plans[1].instruments[2] (mätplanen för insatsen "Växtverket"): Förbundet har inget eget instrument med kortnamnet egen-saknas, varken i filen (progression.instruments) eller här. Lägg till instrumentet i progression.instruments, eller ange "shipped": true om det följer med Samspår.',
      "progression.plans[1].instruments[3]":
        'progression.plans[1].instruments[3] (mätplanen för insatsen "Växtverket"): Instrumentet kasam-kort finns redan i instruments[0]. Välj bara en version av varje instrument: mätningarna ska gå att jämföra.',
    });
    await nothingWritten();
  });

  it("refuses a plan on a draft, a structural initiative or an unknown one, and instruments that break the rules", async () => {
    const bundle = copy(exported);
    const [steget, vaxtverket] = bundle.progression.plans;
    const [kasam, trivsel] = bundle.progression.instruments;
    if (!steget || !vaxtverket || !kasam || !trivsel) throw new Error("fixture");
    // the file of before the draft was published: version 2 is a draft
    vaxtverket.instruments = [{ instrument: "kasam-kort", shipped: false, number: 2 }];
    bundle.progression.plans.push({ ...steget, initiative: ids.forum });
    bundle.progression.plans.push({
      ...steget,
      initiative: "0b6f3c1e-2d4a-4c8e-9f10-3a5b7c9d1e2f",
    });
    // a published version that is not complete, a shipped instrument's key, versions out of order
    const published = kasam.versions[0];
    if (!published) throw new Error("fixture");
    published.definition.items[0] = {
      key: "begriplig",
      text: { sv: " " },
      reverse: false,
      subscale: "saknas",
    };
    published.definition.scale.min = 6;
    trivsel.key = SELF_RATING.key;
    const draft = kasam.versions[1];
    if (!draft) throw new Error("fixture");
    draft.number = 3;
    const fields = await refusal(c.db, bundle);
    expect(fields).toEqual({
      "progression.instruments[0].versions[0].definition.scale.max":
        "progression.instruments[0].versions[0].definition.scale.max (instrumentet kasam-kort): Skalans högsta värde ska vara större än det lägsta (6).",
      "progression.instruments[0].versions[0].definition.items[0].text.sv":
        "progression.instruments[0].versions[0].definition.items[0].text.sv (instrumentet kasam-kort): Skriv fråga 1s text på svenska.",
      "progression.instruments[0].versions[0].definition.items[0].subscale":
        "progression.instruments[0].versions[0].definition.items[0].subscale (instrumentet kasam-kort): Fråga 1: delskalan saknas finns inte. Välj en av instrumentets delskalor eller ingen.",
      "progression.instruments[0].versions[1].number":
        "progression.instruments[0].versions[1].number (instrumentet kasam-kort): Versionerna ska vara numrerade 1, 2, 3 … i ordning.",
      "progression.instruments[1].key": `progression.instruments[1].key (instrumentet ${SELF_RATING.key}): Kortnamnet ${SELF_RATING.key} används av ett instrument från Samspår, som inte ingår i filen. Välj ett annat kortnamn för förbundets eget instrument.`,
      "progression.plans[1].instruments[0]":
        'progression.plans[1].instruments[0] (mätplanen för insatsen "Växtverket"): Instrumentet kasam-kort har ingen version 2, varken i filen eller här.',
      "progression.plans[2].initiative":
        'progression.plans[2].initiative (mätplanen för insatsen "Samverkansforum"): Samverkansforum är en strukturinriktad insats: den har inga egna deltagare att mäta progression hos. Mätplaner finns för individinriktade insatser.',
      "progression.plans[3].initiative":
        "progression.plans[3].initiative: Insatsen finns varken i filen (initiatives) eller i förbundet. Lägg till insatsen i initiatives.",
    });
    await nothingWritten();
    // a plan on a draft version
    const onDraft = copy(exported);
    const plan = onDraft.progression.plans[1];
    if (!plan) throw new Error("fixture");
    plan.instruments = [{ instrument: "kasam-kort", shipped: false, number: 2 }];
    expect(await refusal(c.db, onDraft)).toEqual({
      "progression.plans[1].instruments[0]":
        'progression.plans[1].instruments[0] (mätplanen för insatsen "Växtverket"): Version 2 av instrumentet kasam-kort är ett utkast. En mätplan mäter bara med publicerade versioner.',
    });
    await nothingWritten();
  });

  it("reads a version 6 file, and refuses one that holds progression", async () => {
    const { progression, courses: _c, evaluationForms: _e, ...rest } = copy(exported);
    const old = { ...rest, version: 6 };
    const fields = await refusal(c.db, { ...old, progression } as unknown as Bundle);
    expect(fields).toEqual({
      progression: 'progression: Finns inte i version 6 av formatet. Ange "version": 7.',
    });
    await nothingWritten();
    const result = await importBundle(c.db, IMPORT_ACTOR, JSON.stringify(old));
    expect(result.association.outcome).toBe("created");
    expect(result.initiatives.created).toBe(3);
    expect(result.progressionPlans).toEqual({ created: 0, updated: 0, unchanged: 0 });
    expect(await c.db.$count(progressionPlans)).toBe(0);
    // and the newer file brings them in afterwards
    const later = await importBundle(c.db, IMPORT_ACTOR, exported);
    expect(later.progressionInstruments).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(later.progressionPlans).toEqual({ created: 2, updated: 0, unchanged: 0 });
  });
});
