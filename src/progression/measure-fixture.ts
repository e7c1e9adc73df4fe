// For the measurement tests: a small instrument (three items on 1–10, the third reverse-scored,
// two subscales, with Arabic and English texts) stored directly as an association's own
// instrument with a published version (and, on request, a draft), so the tests of plans and
// measurements do not depend on the instruments' own use cases.
import type { Queryable } from "../platform/database/connect.ts";
import type { InstrumentDefinition } from "./model.ts";
import { progressionInstruments, progressionInstrumentVersions } from "./schema.ts";

export const TEST_DEFINITION: InstrumentDefinition = {
  respondent: "deltagare",
  instructions: {
    sv: "Ringa in den siffra som passar dig bäst i dag.",
    en: "Circle the number that fits you best today.",
    ar: "ضع دائرة حول الرقم الذي يناسبك اليوم.",
  },
  scale: {
    min: 1,
    max: 10,
    minLabel: { sv: "Stämmer inte alls", en: "Not at all", ar: "لا ينطبق أبدا" },
    maxLabel: { sv: "Stämmer helt", en: "Completely", ar: "ينطبق تماما" },
  },
  items: [
    {
      key: "halsa",
      text: { sv: "Jag mår bra", en: "I feel well", ar: "أشعر بالراحة" },
      reverse: false,
      subscale: "mående",
    },
    {
      key: "rutiner",
      text: { sv: "Jag har rutiner", en: "I have routines", ar: "لدي روتين" },
      reverse: false,
      subscale: "vardag",
    },
    {
      key: "oro",
      text: { sv: "Jag känner oro", en: "I feel worried", ar: "أشعر بالقلق" },
      reverse: true,
      subscale: "mående",
    },
  ],
  subscales: [
    { key: "mående", name: { sv: "Mående", en: "Well-being" } },
    { key: "vardag", name: { sv: "Vardag", en: "Everyday life" } },
  ],
  scoring: { method: "medel", minAnsweredShare: 0.5, improvement: 1 },
};

/** An association's own instrument with a published version 1; its ids. */
export async function addTestInstrument(
  q: Queryable,
  associationId: string | null,
  key = "testskattning",
  options: { archived?: boolean; draft?: boolean; definition?: InstrumentDefinition } = {},
): Promise<{ instrumentId: string; versionId: string; draftId: string | null }> {
  const [instrument] = await q
    .insert(progressionInstruments)
    .values({
      associationId,
      key,
      name: { sv: `Testskattning ${key}`, en: `Test rating ${key}` },
      archived: options.archived ?? false,
      createdByName: "Test",
    })
    .returning({ id: progressionInstruments.id });
  if (!instrument) throw new Error("no instrument");
  const [version] = await q
    .insert(progressionInstrumentVersions)
    .values({
      instrumentId: instrument.id,
      number: 1,
      status: "publicerad",
      definition: options.definition ?? TEST_DEFINITION,
      createdByName: "Test",
      publishedAt: new Date(),
      publishedByName: "Test",
    })
    .returning({ id: progressionInstrumentVersions.id });
  if (!version) throw new Error("no version");
  let draftId: string | null = null;
  if (options.draft) {
    const [draft] = await q
      .insert(progressionInstrumentVersions)
      .values({
        instrumentId: instrument.id,
        number: 2,
        status: "utkast",
        definition: options.definition ?? TEST_DEFINITION,
        createdByName: "Test",
      })
      .returning({ id: progressionInstrumentVersions.id });
    draftId = draft?.id ?? null;
  }
  return { instrumentId: instrument.id, versionId: version.id, draftId };
}
