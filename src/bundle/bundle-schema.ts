// The association bundle: one JSON document with an association's register, for moving it
// between instances and for bringing in initiatives kept in Word or Excel. Versioned, so later
// capabilities (applications, reports) can extend it. docs/formats/association-bundle.schema.json
// is generated from this schema (`node src/bundle/write-schema.ts`).
import * as z from "zod";
import { MEMBER_ORGANISATION_KINDS } from "../associations/schema.ts";
import { GOAL_KINDS, INITIATIVE_STATUSES, ORIENTATIONS } from "../initiatives/schema.ts";
import { ValidationError } from "../platform/errors.ts";

export const BUNDLE_FORMAT = "samspar-association-bundle";
export const BUNDLE_VERSION = 1;

const MAX_INT = 2_147_483_647;

const orgNumber = z
  .string()
  .regex(/^\d{6}-\d{4}$/, { error: "Skriv organisationsnumret som NNNNNN-NNNN." })
  .meta({ description: "Organisationsnummer, NNNNNN-NNNN.", examples: ["212000-0274"] });

const isoDate = z.iso
  .date({ error: "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-01-15." })
  .nullable()
  .default(null);

const count = z.number().int().min(0).max(MAX_INT).nullable().default(null);

const association = z
  .strictObject({
    slug: z.string().meta({ description: "Kortnamnet i adresser, t.ex. uppsala-lan." }),
    name: z.string(),
    orgNumber: orgNumber.nullable().default(null),
    requireStaffTotp: z.boolean().default(true).meta({
      description:
        "Om personalen måste ha en andra inloggningsfaktor. Används bara när förbundet skapas av importen.",
    }),
  })
  .meta({
    description: "Förbundet. Finns ett förbund med kortnamnet uppdateras dess namn och org.nr.",
  });

const memberOrganisation = z
  .strictObject({
    key: orgNumber.meta({ description: "Nyckeln: samma som orgNumber." }),
    name: z.string(),
    orgNumber,
    kind: z.enum(MEMBER_ORGANISATION_KINDS),
  })
  .refine((o) => o.key === o.orgNumber, {
    error: "Nyckeln (key) ska vara samma som organisationsnumret.",
    path: ["key"],
  });

const goal = z.strictObject({
  text: z.string(),
  kind: z.enum(GOAL_KINDS),
  targetNumber: count,
  targetPercent: z.number().int().min(0).max(100).nullable().default(null),
});

const localUnit = z.strictObject({
  name: z.string(),
  expectedParticipants: count,
});

const initiative = z.strictObject({
  key: z
    .guid({ error: "Nyckeln ska vara ett UUID, t.ex. 0b6f3c1e-2d4a-4c8e-9f10-3a5b7c9d1e2f." })
    .meta({
      description:
        "Insatsens stabila nyckel (dess id). En ny import av samma nyckel uppdaterar insatsen i stället för att skapa en ny.",
    }),
  name: z.string(),
  owner: orgNumber.meta({ description: "Insatsägarens organisationsnummer." }),
  partners: z
    .array(orgNumber)
    .meta({ description: "Samverkansparternas organisationsnummer (inte insatsägaren)." }),
  status: z.enum(INITIATIVE_STATUSES),
  orientation: z.enum(ORIENTATIONS),
  preRehabilitation: z.boolean().default(false),
  esf: z.boolean().default(false),
  startDate: isoDate,
  endDate: isoDate,
  lastIntakeDate: isoDate,
  plannedEndDate: isoDate,
  targetGroup: z.string().default(""),
  expectedParticipants: count,
  expectedParticipantsOngoing: z.boolean().default(false),
  goals: z.array(goal).default([]),
  localUnits: z.array(localUnit).default([]),
});

export const bundleSchema = z
  .strictObject({
    format: z.literal(BUNDLE_FORMAT),
    version: z.literal(BUNDLE_VERSION),
    exportedAt: z.iso.datetime({ offset: true }).optional(),
    association,
    memberOrganisations: z.array(memberOrganisation),
    initiatives: z.array(initiative),
  })
  .meta({
    title: "Samspår: förbundsexport (association bundle), version 1",
    description:
      "Ett samordningsförbunds register som ett JSON-dokument: förbundet, dess medlemsorganisationer " +
      "och insatser med samverkansparter, mål och delområden. Organisationer pekas ut med " +
      "organisationsnummer, insatser med en stabil nyckel. Personer, konton, roller och " +
      "granskningsloggen ingår inte. Importen skapar och uppdaterar men tar aldrig bort något, och " +
      "samma fil två gånger ändrar ingenting.",
  });

export type Bundle = z.output<typeof bundleSchema>;
export type BundleInitiative = Bundle["initiatives"][number];

/** The committed JSON Schema: what a bundle file may contain (defaults make fields optional). */
export const bundleJsonSchema = () => z.toJSONSchema(bundleSchema, { io: "input" });

/** `initiatives[3].owner` for a zod path. */
export const formatPath = (path: ReadonlyArray<PropertyKey>): string =>
  path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`)).join("");

/**
 * Reads a bundle from its JSON text. Anything wrong is reported in Swedish, each problem at its
 * place in the file, e.g. `initiatives[3].owner: …`.
 */
export function parseBundle(text: string): Bundle {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ValidationError({
      bundle: `Filen är inte giltig JSON: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
  const head = (data ?? {}) as { format?: unknown; version?: unknown };
  if (typeof data !== "object" || data === null || head.format !== BUNDLE_FORMAT) {
    throw new ValidationError({
      format: `Filen är inte en förbundsexport från Samspår: "format" ska vara "${BUNDLE_FORMAT}".`,
    });
  }
  if (head.version !== BUNDLE_VERSION) {
    throw new ValidationError({
      version:
        typeof head.version === "number" && head.version > BUNDLE_VERSION
          ? `Filen är i version ${head.version} av formatet, men den här versionen av Samspår läser version ${BUNDLE_VERSION}. Uppdatera Samspår och försök igen.`
          : `Okänd version av formatet: ${JSON.stringify(head.version)}. Den här versionen av Samspår läser version ${BUNDLE_VERSION}.`,
    });
  }
  const parsed = bundleSchema.safeParse(data, { error: z.locales.sv().localeError });
  if (parsed.success) return parsed.data;
  const problems: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const where = formatPath(issue.path) || "filen";
    problems[where] ??= `${where}: ${issue.message}`;
  }
  throw new ValidationError(problems);
}
