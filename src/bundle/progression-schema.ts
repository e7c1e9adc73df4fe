// Progression measurement in the association bundle (version 7): the association's own
// instruments with every version (drafts and published ones, each definition as it stands: its
// items, scale, reverse-scored items, subscales, scoring and texts in every portal language),
// and the measurement plans of its initiatives. The instruments shipped with Samspår
// (src/progression/builtin.ts) are the same in every installation and are not in the file, but
// plans measure with them: a plan names every instrument version by the instrument's key,
// whether it is shipped with Samspår, and the version's number — never by an id, since ids
// differ between installations. Measurements are participant data in the participant register
// and never leave it: they are not in the bundle.
import * as z from "zod";
import { MAX_ITEMS, MAX_SUBSCALES } from "../progression/instrument-limits.ts";
import {
  type InstrumentDefinition,
  PORTAL_LANGUAGES,
  RESPONDENTS,
  type Texts,
} from "../progression/model.ts";
import { DEFAULT_PLAN } from "../progression/plans.ts";
import { INSTRUMENT_VERSION_STATUSES } from "../progression/schema.ts";
import { instant, lowerKey, MAX_INT } from "./schema-parts.ts";

/** An instrument's key, as the instruments' own form requires it. */
export const INSTRUMENT_KEY = /^[a-z0-9][a-z0-9-]{0,59}$/;

const instrumentKey = z.string().regex(INSTRUMENT_KEY, {
  error:
    "Kortnamnet får bara ha små bokstäver a–z, siffror och bindestreck, börja med en bokstav eller siffra och vara högst 60 tecken, till exempel kasam-13.",
});

const done = z
  .strictObject({
    name: z.string().meta({ description: "Namnet på den som gjorde det." }),
    at: instant,
  })
  .meta({ description: "Vem som gjorde det (bara namnet) och när." });

const texts = z
  .strictObject({
    sv: z.string(),
    en: z.string().optional(),
    ar: z.string().optional(),
    so: z.string().optional(),
    ti: z.string().optional(),
    fa: z.string().optional(),
  })
  .meta({
    description: `En text på svenska (sv, alltid) och på de av portalens språk den är översatt till (${PORTAL_LANGUAGES.join(", ")}).`,
  });

const definition = z
  .strictObject({
    respondent: z
      .enum(RESPONDENTS)
      .meta({ description: "Vem som svarar: deltagaren (självskattning) eller personalen." }),
    instructions: texts.meta({ description: "Instruktionen ovanför frågorna." }),
    scale: z
      .strictObject({
        min: z.number().int().meta({ description: "Skalans lägsta värde (heltal)." }),
        max: z.number().int().meta({ description: "Skalans högsta värde (heltal)." }),
        minLabel: texts.meta({ description: "Texten vid skalans lägsta värde." }),
        maxLabel: texts.meta({ description: "Texten vid skalans högsta värde." }),
      })
      .meta({ description: "Heltalsskalan alla frågor besvaras på, t.ex. 1–10." }),
    items: z
      .array(
        z.strictObject({
          key: z.string().meta({
            description: "Frågans kortnamn (a–z, 0–9, _): svaren sparas under det.",
          }),
          text: texts.meta({ description: "Frågan som den som svarar läser den." }),
          reverse: z.boolean().meta({
            description: "Omvänd: räknas som lägsta + högsta − svaret.",
          }),
          subscale: z
            .string()
            .nullable()
            .meta({ description: "Kortnamnet på delskalan frågan räknas i, eller null." }),
        }),
      )
      .meta({ description: `Frågorna i ordning (högst ${MAX_ITEMS}).` }),
    subscales: z
      .array(
        z.strictObject({
          key: z.string().meta({ description: "Delskalans kortnamn (a–z, 0–9, _)." }),
          name: texts,
        }),
      )
      .meta({ description: `Delskalorna (högst ${MAX_SUBSCALES}).` }),
    scoring: z
      .strictObject({
        method: z.enum(["medel", "summa"]).meta({
          description:
            "medel: medelvärdet av de besvarade frågorna; summa: deras summa uppräknad till alla frågor.",
        }),
        minAnsweredShare: z.number().meta({
          description:
            "Minsta andel besvarade frågor (mer än 0, högst 1) för att ett resultat ska räknas alls.",
        }),
        improvement: z.number().meta({
          description: "Den minsta ökningen av totalen som räknas som en förbättring.",
        }),
      })
      .meta({ description: "Hur totalen och delskalorna räknas fram ur svaren." }),
  })
  .meta({
    description:
      "Instrumentets definition i den här versionen. En publicerad version ska vara komplett (alla texter på svenska).",
  });

const instrumentVersion = z
  .strictObject({
    number: z.number().int().min(1).max(MAX_INT).meta({ description: "1, 2, 3 … i instrumentet." }),
    status: z.enum(INSTRUMENT_VERSION_STATUSES).meta({
      description:
        "utkast, eller publicerad: kan ha svar och ändras aldrig (en ändring är en ny version).",
    }),
    definition,
    created: done.meta({ description: "Vem som startade versionen och när." }),
    published: done.nullable().default(null).meta({
      description: "Vem som publicerade versionen och när; null för ett utkast.",
    }),
  })
  .meta({ description: "En version av instrumentet." });

const instrument = z
  .strictObject({
    key: instrumentKey.meta({
      description:
        "Instrumentets kortnamn, unikt i förbundet och aldrig ett som Samspårs egna instrument använder. En ny import av samma kortnamn för instrumentet framåt i stället för att skapa ett nytt.",
    }),
    name: texts.meta({ description: "Instrumentets namn." }),
    licence: z.string().nullable().default(null).meta({
      description:
        "null: ett öppet instrument. Annars vem som har licensen och på vilka villkor; den som importerar ett licensierat instrument intygar att förbundet har licens att använda det oförändrat.",
    }),
    archived: z
      .boolean()
      .default(false)
      .meta({ description: "Arkiverat: erbjuds inte längre för nya mätplaner." }),
    created: done.meta({ description: "Vem som lade till instrumentet och när." }),
    versions: z.array(instrumentVersion).min(1).meta({
      description:
        "Versionerna i ordning (1, 2, 3 …): alla utom den sista är publicerade; den sista kan vara ett utkast. En import lägger till versioner och för ett utkast framåt, men ändrar aldrig en publicerad version.",
    }),
  })
  .meta({ description: "Ett av förbundets egna instrument med alla sina versioner." });

const versionReference = z
  .strictObject({
    instrument: instrumentKey.meta({ description: "Instrumentets kortnamn." }),
    shipped: z.boolean().meta({
      description:
        "true: ett instrument som följer med Samspår (finns i varje installation och ingår inte i filen); false: ett av förbundets egna, i progression.instruments eller redan i förbundet.",
    }),
    number: z
      .number()
      .int()
      .min(1)
      .max(MAX_INT)
      .meta({ description: "Versionens nummer; versionen ska vara publicerad." }),
  })
  .meta({
    description:
      "En version av ett instrument, utpekad med kortnamn och nummer (aldrig med id, som skiljer sig mellan installationer).",
  });

const plan = z
  .strictObject({
    initiative: lowerKey(
      "Nyckeln till insatsen planen gäller: en insats i filen eller en som redan finns i förbundet. En insats har en mätplan.",
    ),
    instruments: z
      .array(versionReference)
      .min(1, { error: "Ange minst ett instrument att mäta med." })
      .max(10, { error: "En mätplan kan ha högst 10 instrument." })
      .meta({
        description: "Instrumentversionerna som mäts vid varje tillfälle, i planens ordning.",
      }),
    intervalMonths: z.number().int().min(0).max(24).default(DEFAULT_PLAN.intervalMonths).meta({
      description: "Månader mellan uppföljningarna, 0–24 (0: inga mellan start och avslut).",
    }),
    atExit: z
      .boolean()
      .default(DEFAULT_PLAN.atExit)
      .meta({ description: "Om deltagarna mäts vid avslut." }),
    graceDays: z
      .number()
      .int()
      .min(0)
      .max(90)
      .default(DEFAULT_PLAN.graceDays)
      .meta({ description: "Dagar en mätning får dröja innan den räknas som försenad, 0–90." }),
    targetPercent: z
      .number()
      .int()
      .min(0)
      .max(100)
      .default(DEFAULT_PLAN.targetPercent)
      .meta({ description: "Målet: andelen deltagare som ska mätas, i procent." }),
    comparisonGroup: z
      .boolean()
      .default(DEFAULT_PLAN.comparisonGroup)
      .meta({ description: "Om insatsen har en jämförelsegrupp." }),
    updated: done.meta({ description: "Vem som senast sparade planen och när." }),
  })
  .meta({ description: "En insats mätplan." });

const progression = z
  .strictObject({
    instruments: z.array(instrument).default([]),
    plans: z.array(plan).default([]),
  })
  .default({ instruments: [], plans: [] })
  .meta({
    description:
      "Progressionsmätningen: förbundets egna instrument med alla versioner och insatsernas mätplaner. " +
      "Instrumenten som följer med Samspår ingår inte (de finns i varje installation); planerna pekar ut dem med kortnamn och versionsnummer. " +
      "Mätningarna ingår inte: de är deltagaruppgifter i deltagarregistret och lämnar det aldrig.",
  });

/** What version 7 added to the bundle. */
export const progressionSections = { progression };

export type BundleProgression = z.output<typeof progression>;
export type BundleInstrument = BundleProgression["instruments"][number];
export type BundleInstrumentVersion = BundleInstrument["versions"][number];
export type BundlePlan = BundleProgression["plans"][number];
export type BundleVersionReference = BundlePlan["instruments"][number];

// The bundle's definition is the instruments' own, field for field, both ways.
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _sameDefinition: Mutual<BundleInstrumentVersion["definition"], InstrumentDefinition> = true;
const _sameTexts: Mutual<BundleInstrument["name"], Texts> = true;
void _sameDefinition;
void _sameTexts;
