// Instruments on a real database: Samspår's shipped ones in every database (idempotent, and a
// published definition changed in the code refused), the association's own created, saved,
// published and versioned with audit events; shipped and published versions unchangeable (by the
// use cases in Swedish and by the database's trigger); the definition's validation messages; a
// stale draft a conflict; another association's instruments out of reach.
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { createAssociation } from "../associations/create-association.ts";
import { auditEvents } from "../audit/schema.ts";
import { ConflictError, NotFoundError, ValidationError } from "../platform/errors.ts";
import {
  BUILT_IN_INSTRUMENTS,
  type BuiltInInstrument,
  ensureBuiltInInstruments,
  OFFICER_RATING,
  SELF_RATING,
} from "./builtin.ts";
import {
  archiveInstrument,
  createInstrument,
  getInstrument,
  getInstrumentVersion,
  listInstruments,
  PUBLISHED_UNCHANGEABLE,
  publishVersion,
  SHIPPED_UNCHANGEABLE,
  saveDraft,
  startNewVersion,
  unarchiveInstrument,
  validateDefinition,
} from "./instruments.ts";
import { type InstrumentDefinition, PORTAL_LANGUAGES } from "./model.ts";
import { progressionInstruments, progressionInstrumentVersions } from "./schema.ts";

let t: TestDatabase;
let associationId = "";
let otherId = "";
const actor = { userId: null, label: "eva@example.se" };

beforeAll(async () => {
  t = await createTestDatabase();
  associationId = (await createAssociation(t.db, actor, { slug: "instr", name: "Förbundet" })).id;
  otherId = (await createAssociation(t.db, actor, { slug: "annat", name: "Annat förbund" })).id;
});
afterAll(() => t?.drop());

async function refusal(run: () => Promise<unknown>): Promise<Record<string, string>> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ValidationError) return error.fields;
    throw error;
  }
  throw new Error("expected a ValidationError");
}

/** A complete definition of three items on 1–5 with one subscale. */
const complete = (): InstrumentDefinition => ({
  respondent: "deltagare",
  instructions: { sv: "Svara ärligt." },
  scale: { min: 1, max: 5, minLabel: { sv: "Aldrig" }, maxLabel: { sv: "Alltid", en: "Always" } },
  subscales: [{ key: "ork", name: { sv: "Ork" } }],
  items: [
    { key: "sova", text: { sv: "Jag sover bra." }, reverse: false, subscale: "ork" },
    { key: "trott", text: { sv: "Jag är trött." }, reverse: true, subscale: "ork" },
    { key: "glad", text: { sv: "Jag är glad.", ar: "أنا سعيد." }, reverse: false, subscale: null },
  ],
  scoring: { method: "medel", minAnsweredShare: 0.6, improvement: 0.5 },
});

const auditOf = (action: string) =>
  t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.associationId, associationId)));

describe("Samspår's shipped instruments", () => {
  it("are in every migrated database, published, with nine and three items", async () => {
    const list = await listInstruments(t.db, associationId);
    const shipped = list.filter((i) => i.shipped);
    expect(shipped.map((i) => i.key)).toEqual([
      "samspar-sjalvskattning",
      "samspar-handlaggarbedomning",
    ]);
    expect(shipped.every((i) => i.inUse && i.licence === null)).toBe(true);
    expect(shipped[0]?.versions.map((v) => [v.number, v.status, v.publishedByName])).toEqual([
      [1, "publicerad", "Samspår"],
    ]);
    const self = await getInstrument(t.db, associationId, shipped[0]?.id ?? "");
    const definition = self.versions[0]?.definition as InstrumentDefinition;
    expect(definition.items).toHaveLength(9);
    expect(definition.respondent).toBe("deltagare");
    expect(definition.scale).toMatchObject({ min: 1, max: 10 });
    expect(definition.subscales.map((s) => s.key)).toEqual([
      "vardag_halsa",
      "tro_mal",
      "arbetsmarknad",
    ]);
    for (const item of definition.items)
      for (const lang of PORTAL_LANGUAGES) expect(item.text[lang]?.length).toBeGreaterThan(5);
    const officer = await getInstrument(t.db, otherId, shipped[1]?.id ?? "");
    expect(officer.versions[0]?.definition.respondent).toBe("personal");
  });

  it("are valid by the same rules as an association's own", () => {
    for (const b of BUILT_IN_INSTRUMENTS)
      for (const v of b.versions) expect(validateDefinition(v.definition)).toEqual({});
  });

  it("are put in only once however often the migrations run", async () => {
    await ensureBuiltInInstruments(t.owner.db);
    await ensureBuiltInInstruments(t.owner.db);
    const rows = await t.db
      .select()
      .from(progressionInstruments)
      .where(isNull(progressionInstruments.associationId));
    expect(rows.map((r) => r.key).sort()).toEqual([OFFICER_RATING.key, SELF_RATING.key].sort());
  });

  it("add a new version from the code, and refuse a published version changed in the code", async () => {
    const v1 = SELF_RATING.versions[0];
    if (!v1) throw new Error("no version 1");
    const changed: BuiltInInstrument = {
      ...SELF_RATING,
      versions: [
        {
          number: 1,
          definition: { ...v1.definition, scoring: { ...v1.definition.scoring, improvement: 2 } },
        },
      ],
    };
    await expect(ensureBuiltInInstruments(t.owner.db, [changed])).rejects.toThrow(
      /Version 1 av Samspårs instrument "samspar-sjalvskattning" är publicerad.*som version 2/,
    );
    const test: BuiltInInstrument = {
      key: "samspar-test",
      name: { sv: "Test" },
      versions: [{ number: 1, definition: complete() }],
    };
    await ensureBuiltInInstruments(t.owner.db, [test]);
    const withTwo: BuiltInInstrument = {
      ...test,
      versions: [...test.versions, { number: 2, definition: { ...complete(), subscales: [] } }],
    };
    // version 2's items still name the subscale: the code's own mistake is not checked here,
    // only that published versions are never changed and new ones are added
    await ensureBuiltInInstruments(t.owner.db, [withTwo]);
    const list = await listInstruments(t.db, associationId);
    const added = list.find((i) => i.key === "samspar-test");
    expect(added?.versions.map((v) => [v.number, v.status])).toEqual([
      [1, "publicerad"],
      [2, "publicerad"],
    ]);
  });

  it("cannot be changed, versioned or archived by an association", async () => {
    const shipped = (await listInstruments(t.db, associationId)).find(
      (i) => i.key === SELF_RATING.key,
    );
    const versionId = shipped?.versions[0]?.id ?? "";
    expect(
      await refusal(() => saveDraft(t.db, actor, associationId, versionId, complete(), 1)),
    ).toEqual({ form: SHIPPED_UNCHANGEABLE });
    expect(
      await refusal(() => startNewVersion(t.db, actor, associationId, shipped?.id ?? "")),
    ).toEqual({ form: SHIPPED_UNCHANGEABLE });
    expect(
      await refusal(() => archiveInstrument(t.db, actor, associationId, shipped?.id ?? "")),
    ).toEqual({ form: SHIPPED_UNCHANGEABLE });
    expect(await refusal(() => publishVersion(t.db, actor, associationId, versionId, 1))).toEqual({
      form: SHIPPED_UNCHANGEABLE,
    });
  });
});

describe("an association's own instrument", () => {
  let id = "";
  let v1 = "";

  it("is created with version 1 as a draft and an audit event", async () => {
    const made = await createInstrument(t.db, actor, associationId, {
      key: "ork-och-hopp",
      name: "Ork och hopp",
      licence: "",
      licenceConfirmed: false,
    });
    id = made.id;
    v1 = made.versionId;
    const details = await getInstrument(t.db, associationId, id);
    expect(details).toMatchObject({ key: "ork-och-hopp", shipped: false, inUse: false });
    expect(details.name).toEqual({ sv: "Ork och hopp" });
    expect(details.versions.map((v) => [v.number, v.status])).toEqual([[1, "utkast"]]);
    expect(details.versions[0]?.definition.items).toHaveLength(1);
    const events = await auditOf("progression_instrument.created");
    expect(events.map((e) => [e.targetId, e.actorLabel])).toEqual([[id, "eva@example.se"]]);
  });

  it("is refused with a bad key, no name, a taken key or an unconfirmed licence", async () => {
    const base = { key: "x", name: "X", licence: "", licenceConfirmed: false };
    expect(
      await refusal(() =>
        createInstrument(t.db, actor, associationId, { ...base, key: "Ork och hopp", name: " " }),
      ),
    ).toEqual({
      key: "Kortnamnet får bara ha små bokstäver a–z, siffror och bindestreck, börja med en bokstav eller siffra och vara högst 60 tecken, till exempel kasam-13.",
      name: "Skriv instrumentets namn.",
    });
    expect(
      await refusal(() =>
        createInstrument(t.db, actor, associationId, { ...base, key: "ork-och-hopp" }),
      ),
    ).toEqual({
      key: "Förbundet har redan ett instrument med kortnamnet ork-och-hopp. Välj ett annat.",
    });
    expect(
      await refusal(() =>
        createInstrument(t.db, actor, associationId, { ...base, key: SELF_RATING.key }),
      ),
    ).toEqual({
      key: "Kortnamnet samspar-sjalvskattning används av ett instrument från Samspår. Välj ett annat.",
    });
    expect(
      await refusal(() =>
        createInstrument(t.db, actor, associationId, {
          ...base,
          key: "kasam-13",
          licence: "Licens från Stiftelsen X, 2026–2028.",
        }),
      ),
    ).toEqual({
      licenceConfirmed:
        'Ett licensierat instrument kan bara läggas till om förbundet har licens att använda det oförändrat. Kryssa i "Förbundet har licens att använda instrumentet oförändrat", eller lämna licensfältet tomt för ett öppet instrument.',
    });
    // another association may use the same key
    const elsewhere = await createInstrument(t.db, actor, otherId, {
      ...base,
      key: "ork-och-hopp",
    });
    expect(elsewhere.id).not.toBe(id);
  });

  it("keeps a licence the association confirmed holding", async () => {
    const made = await createInstrument(t.db, actor, associationId, {
      key: "kasam-13",
      name: "KASAM-13",
      licence: "Licens från Stiftelsen X, 2026–2028.",
      licenceConfirmed: true,
    });
    const details = await getInstrument(t.db, associationId, made.id);
    expect(details.licence).toBe("Licens från Stiftelsen X, 2026–2028.");
  });

  it("saves a draft at the version read; a stale one is a conflict and nothing is saved", async () => {
    const saved = await saveDraft(t.db, actor, associationId, v1, complete(), 1);
    expect(saved.version).toBe(2);
    const stale = { ...complete(), instructions: { sv: "Annan text." } };
    await expect(saveDraft(t.db, actor, associationId, v1, stale, 1)).rejects.toBeInstanceOf(
      ConflictError,
    );
    const version = await getInstrumentVersion(t.db, associationId, v1);
    expect(version.definition).toEqual(complete());
    expect(version.version).toBe(2);
    expect(await auditOf("progression_instrument.saved")).toHaveLength(1);
  });

  it("saves a draft whose texts are still missing, but does not publish it", async () => {
    const missing = complete();
    missing.items.push({ key: "tom", text: { sv: "" }, reverse: false, subscale: null });
    const { version } = await saveDraft(t.db, actor, associationId, v1, missing, 2);
    expect(await refusal(() => publishVersion(t.db, actor, associationId, v1, version))).toEqual({
      items_3_text_sv: "Skriv fråga 4s text på svenska.",
    });
    await saveDraft(t.db, actor, associationId, v1, complete(), version);
  });

  it("publishes a complete draft with an audit event; published, it is in use", async () => {
    const before = await getInstrumentVersion(t.db, associationId, v1);
    await publishVersion(t.db, actor, associationId, v1, before.version);
    const details = await getInstrument(t.db, associationId, id);
    expect(details.inUse).toBe(true);
    expect(details.versions[0]).toMatchObject({
      status: "publicerad",
      publishedByName: "eva@example.se",
    });
    expect(details.versions[0]?.publishedAt).toBeInstanceOf(Date);
    expect(await auditOf("progression_instrument.published")).toHaveLength(1);
  });

  it("refuses to change a published version, and nothing is lost", async () => {
    const current = await getInstrumentVersion(t.db, associationId, v1);
    const changed = { ...complete(), instructions: { sv: "Ny instruktion." } };
    expect(
      await refusal(() => saveDraft(t.db, actor, associationId, v1, changed, current.version)),
    ).toEqual({ form: PUBLISHED_UNCHANGEABLE });
    expect(PUBLISHED_UNCHANGEABLE).toBe(
      "Versionen är publicerad och kan ha svar. Starta en ny version i stället.",
    );
    expect(
      await refusal(() => publishVersion(t.db, actor, associationId, v1, current.version)),
    ).toEqual({ form: "Version 1 är redan publicerad." });
    expect((await getInstrumentVersion(t.db, associationId, v1)).definition).toEqual(complete());
  });

  it("has a database that refuses any UPDATE or DELETE of a published version", async () => {
    const update = t.db
      .update(progressionInstrumentVersions)
      .set({ definition: { ...complete(), items: [] } })
      .where(eq(progressionInstrumentVersions.id, v1));
    await expect(update).rejects.toMatchObject({
      cause: { message: expect.stringMatching(/version 1 är publicerad och kan inte ändras/) },
    });
    const remove = t.owner.db
      .delete(progressionInstrumentVersions)
      .where(eq(progressionInstrumentVersions.id, v1));
    await expect(remove).rejects.toMatchObject({
      cause: { message: expect.stringMatching(/publicerad och kan inte ändras \(DELETE\)/) },
    });
    expect((await getInstrumentVersion(t.db, associationId, v1)).definition).toEqual(complete());
  });

  it("gets a new version as a copy of the latest, and only one draft at a time", async () => {
    const next = await startNewVersion(t.db, actor, associationId, id);
    expect(next.number).toBe(2);
    const draft = await getInstrumentVersion(t.db, associationId, next.versionId);
    expect(draft).toMatchObject({ number: 2, status: "utkast", definition: complete() });
    expect(await refusal(() => startNewVersion(t.db, actor, associationId, id))).toEqual({
      form: "Version 2 är fortfarande ett utkast. Ändra eller publicera den innan du startar en ny version.",
    });
    expect(await auditOf("progression_instrument.version_started")).toHaveLength(1);
  });

  it("is archived and brought back, out of the list while archived", async () => {
    await archiveInstrument(t.db, actor, associationId, id);
    expect((await listInstruments(t.db, associationId)).some((i) => i.id === id)).toBe(false);
    const all = await listInstruments(t.db, associationId, { archived: true });
    expect(all.find((i) => i.id === id)?.archived).toBe(true);
    await unarchiveInstrument(t.db, actor, associationId, id);
    expect((await listInstruments(t.db, associationId)).some((i) => i.id === id)).toBe(true);
    const events = await auditOf("progression_instrument.archived");
    expect(events.map((e) => e.details)).toEqual([
      { key: "ork-och-hopp", archived: true },
      { key: "ork-och-hopp", archived: false },
    ]);
  });

  it("is out of another association's reach", async () => {
    await expect(getInstrument(t.db, otherId, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getInstrumentVersion(t.db, otherId, v1)).rejects.toBeInstanceOf(NotFoundError);
    await expect(saveDraft(t.db, actor, otherId, v1, complete(), 1)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(getInstrument(t.db, associationId, "inte-ett-id")).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const theirs = await listInstruments(t.db, otherId);
    expect(theirs.some((i) => i.id === id)).toBe(false);
  });
});

describe("validating a definition", () => {
  it("names each problem in Swedish at its field", () => {
    const bad = {
      respondent: "alla",
      instructions: { sv: "", de: "Hallo" },
      scale: { min: 5, max: 2.5, minLabel: { sv: "" }, maxLabel: { sv: "Mycket" } },
      subscales: [
        { key: "a", name: { sv: "A" } },
        { key: "a", name: { sv: "" } },
      ],
      items: [
        { key: "Fråga", text: { sv: "" }, reverse: false, subscale: "finns_inte" },
        { key: "b", text: { sv: "B" }, reverse: false, subscale: null },
        { key: "b", text: { sv: "B igen" }, reverse: false, subscale: "a" },
      ],
      scoring: { method: "max", minAnsweredShare: 0, improvement: -1 },
    } as unknown as InstrumentDefinition;
    expect(validateDefinition(bad)).toEqual({
      respondent: "Välj vem som svarar: deltagaren eller personalen.",
      instructions:
        "Instruktionen har ett språk som portalen inte har (de): bara svenska, engelska, arabiska, somaliska, tigrinska och persiska (dari) går.",
      scale_max: "Skalans högsta värde ska vara ett heltal från 0 till 100.",
      min_label_sv: "Skriv texten för skalans lägsta värde på svenska.",
      subscales_1_key: "Delskala 2: kortnamnet a finns redan. Ge varje delskala ett eget kortnamn.",
      subscales_1_name_sv: "Skriv delskala 2s namn på svenska.",
      items_0_key:
        "Fråga 1: kortnamnet får bara ha små bokstäver a–z, siffror och _ (högst 40 tecken), till exempel fraga_1.",
      items_0_text_sv: "Skriv fråga 1s text på svenska.",
      items_0_subscale:
        "Fråga 1: delskalan finns_inte finns inte. Välj en av instrumentets delskalor eller ingen.",
      items_2_key: "Fråga 3: kortnamnet b finns redan. Ge varje fråga ett eget kortnamn.",
      method: "Välj hur resultatet räknas: medelvärde eller summa.",
      min_answered_share:
        "Minsta andel besvarade frågor ska vara mer än 0 och högst 100 procent, till exempel 70.",
      improvement:
        "Förbättringen som räknas ska vara ett tal som är 0 eller större, till exempel 1.",
    });
  });

  it("wants min below max, whole numbers from 0 to 100, and 1–60 items", () => {
    const d = complete();
    expect(validateDefinition({ ...d, scale: { ...d.scale, min: 5, max: 5 } })).toEqual({
      scale_max: "Skalans högsta värde ska vara större än det lägsta (5).",
    });
    expect(validateDefinition({ ...d, scale: { ...d.scale, min: -1, max: 101 } })).toEqual({
      scale_min: "Skalans lägsta värde ska vara ett heltal från 0 till 100.",
      scale_max: "Skalans högsta värde ska vara ett heltal från 0 till 100.",
    });
    expect(validateDefinition({ ...d, items: [] })).toEqual({
      items: "Lägg till minst en fråga.",
    });
    const many = Array.from({ length: 61 }, (_, i) => ({
      key: `q${i}`,
      text: { sv: `Fråga ${i}` },
      reverse: false,
      subscale: null,
    }));
    expect(validateDefinition({ ...d, items: many })).toEqual({
      items: "Ett instrument kan ha högst 60 frågor; det här har 61.",
    });
    // a share of exactly 1 (every item) and an improvement of 0 are allowed
    expect(
      validateDefinition({
        ...d,
        scoring: { method: "summa", minAnsweredShare: 1, improvement: 0 },
      }),
    ).toEqual({});
  });

  it("lets a draft miss its texts but not its structure", () => {
    const d = complete();
    const untranslated = {
      ...d,
      items: d.items.map((i) => ({ ...i, text: { sv: "" } })),
      scale: { ...d.scale, minLabel: { sv: "" } },
    };
    expect(validateDefinition(untranslated, "utkast")).toEqual({});
    expect(Object.keys(validateDefinition(untranslated, "publicera"))).toEqual([
      "min_label_sv",
      "items_0_text_sv",
      "items_1_text_sv",
      "items_2_text_sv",
    ]);
    expect(validateDefinition({ ...d, items: [] }, "utkast")).toEqual({
      items: "Lägg till minst en fråga.",
    });
  });
});
