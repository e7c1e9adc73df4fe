// The association bundle: one JSON document with an association's register, applications and
// reports, for moving it between instances and for bringing in initiatives kept in Word or
// Excel. Versioned: version 2 added the application form, the diarienummer counters and the
// applications; version 3 the reporting side (report-schema.ts: the reporting calendar, periodic,
// deviation and final reports with their history, reminders, and the steering groups); version 4
// the money (money-schema.ts: the normal band, the allocated funds per year, the initiatives'
// budgets with every version, requisitions with attachments and history, returned funds and the
// office's prognoses); version 5 the association's disclosure control of its participant
// statistics (disclosureSettings: threshold, whether a true 0 is shown); version 6 the follow-up
// reports for the board (follow-up-schema.ts: each follow-up with its drafts and its locked
// versions, the locked report as it was stored); version 7 the progression measurement
// (progression-schema.ts: the association's own instruments with every version and the
// initiatives' measurement plans; never a measurement); version 8 the courses and Tyck till's
// question sets (course-schema.ts: every course with its draft, files and published versions, and
// the initiatives' question sets; never progress, quiz answers or responses). Files of versions 1
// to 7 are still read.
// docs/formats/association-bundle.schema.json is generated from this schema
// (`node src/bundle/write-schema.ts`).
import * as z from "zod";
import {
  APPLICATION_FIELDS,
  type ApplicationContent,
  BUDGET_CATEGORIES,
  CO_FINANCING_KINDS,
} from "../applications/content.ts";
import { APPLICATION_STATUSES, SIGNATURE_METHODS } from "../applications/schema.ts";
import {
  DISCLOSURE_THRESHOLD_MAX,
  DISCLOSURE_THRESHOLD_MIN,
  MEMBER_ORGANISATION_KINDS,
} from "../associations/schema.ts";
import { GOAL_KINDS, INITIATIVE_STATUSES, ORIENTATIONS } from "../initiatives/schema.ts";
import { ValidationError } from "../platform/errors.ts";
import { courseSections } from "./course-schema.ts";
import { followUpSections } from "./follow-up-schema.ts";
import { moneySections } from "./money-schema.ts";
import { progressionSections } from "./progression-schema.ts";
import { reportingSections } from "./report-schema.ts";
import {
  count,
  isoDate,
  key,
  kronor,
  MAX_INT,
  optionalText,
  orgNumber,
  percent,
  requiredDate,
  text,
  timestamp,
  year,
} from "./schema-parts.ts";

export const BUNDLE_FORMAT = "samspar-association-bundle";
export const BUNDLE_VERSION = 8;
/** The versions this Samspår reads; it always writes BUNDLE_VERSION. */
export const READABLE_VERSIONS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
/** The sections each version added; an older file cannot hold them. */
const ADDED_IN: ReadonlyArray<{ version: number; sections: readonly string[] }> = [
  { version: 2, sections: ["applicationSettings", "logo", "registryCounters", "applications"] },
  { version: 3, sections: Object.keys(reportingSections) },
  { version: 4, sections: Object.keys(moneySections) },
  { version: 5, sections: ["disclosureSettings"] },
  { version: 6, sections: Object.keys(followUpSections) },
  { version: 7, sections: Object.keys(progressionSections) },
  { version: 8, sections: Object.keys(courseSections) },
];

/** "1, 2, 3 och 4". */
const readableVersions = () => {
  const list = READABLE_VERSIONS.map(String);
  return list.length > 1 ? `${list.slice(0, -1).join(", ")} och ${list.at(-1)}` : list.join("");
};

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
  targetPercent: percent,
});

const localUnit = z.strictObject({
  name: z.string(),
  expectedParticipants: count,
});

const initiative = z.strictObject({
  key: key(
    "Insatsens stabila nyckel (dess id). En ny import av samma nyckel uppdaterar insatsen i stället för att skapa en ny.",
  ),
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

const helpTextKeys = APPLICATION_FIELDS.map((f) => f.key) as [
  (typeof APPLICATION_FIELDS)[number]["key"],
  ...(typeof APPLICATION_FIELDS)[number]["key"][],
];

const applicationSettings = z
  .strictObject({
    formVersion: z.string().meta({ description: "Blankettens version, t.ex. Ansökan 2026:1." }),
    helpTexts: z
      .partialRecord(z.enum(helpTextKeys), z.string())
      .default({})
      .meta({ description: "Hjälptext per fält i ansökan (fältets namn → text)." }),
    agreementText: z.string().meta({ description: "Överenskommelsen som parterna skriver under." }),
  })
  .nullable()
  .default(null)
  .meta({
    description:
      "Förbundets ansökningsblankett, om förbundet har sparat en egen. null: Samspårs standardtexter.",
  });

const logo = z
  .strictObject({
    mediaType: z.enum(["image/png", "image/jpeg"]),
    dataBase64: z
      .base64({ error: "Bilden ska vara base64-kodad." })
      .meta({ description: "Bildens byte, base64-kodade (högst 300 kB avkodat)." }),
  })
  .nullable()
  .default(null)
  .meta({ description: "Förbundets logotyp på dokumenten, eller null." });

const disclosureSettings = z
  .strictObject({
    threshold: z
      .number()
      .int()
      .min(0)
      .max(DISCLOSURE_THRESHOLD_MAX)
      .meta({
        description: `Tröskeln för röjandekontroll: antal under den visas som ”< tröskeln”. 0 (avstängd) eller ${DISCLOSURE_THRESHOLD_MIN}–${DISCLOSURE_THRESHOLD_MAX}.`,
      }),
    allowTrueZero: z
      .boolean()
      .default(false)
      .meta({ description: "Om en sann nolla visas som 0 (annars som ”< tröskeln”)." }),
  })
  .nullable()
  .default(null)
  .meta({
    description:
      "Förbundets röjandekontroll av deltagarstatistiken, om förbundet har sparat en egen. null: Samspårs standard (tröskel 5, nollor döljs).",
  });

const registryCounter = z
  .strictObject({
    year,
    lastNumber: z.number().int().min(0).max(MAX_INT),
  })
  .meta({
    description:
      "Senast använda diarienummer ett år (2026/7 → lastNumber 7). Importen sänker aldrig en räknare.",
  });

/** The form's content with organisations as org numbers (owner, partners, coFinancing). */
const applicationContent = z
  .strictObject({
    name: text,
    owner: orgNumber.meta({ description: "Insatsägarens organisationsnummer." }),
    partners: z
      .array(orgNumber)
      .default([])
      .meta({ description: "Samverkansparternas organisationsnummer, i ansökans ordning." }),
    orientation: z.enum(ORIENTATIONS),
    preRehabilitation: z.boolean().default(false),
    esf: z.boolean().default(false),
    purpose: text,
    goals: z.array(goal).default([]),
    background: text,
    startDate: isoDate,
    endDate: isoDate,
    lastIntakeDate: isoDate,
    targetGroup: text,
    expectedParticipants: count,
    expectedParticipantsOngoing: z.boolean().default(false),
    localUnits: z.array(localUnit).default([]),
    genderTargetWomenPercent: z.number().int().min(0).max(100).nullable().default(null),
    methods: text,
    followUp: text,
    implementation: text,
    budget: z
      .array(z.strictObject({ year, category: z.enum(BUDGET_CATEGORIES), amount: kronor }))
      .default([])
      .meta({ description: "Sökta medel från förbundet per år och kostnadsslag." }),
    coFinancing: z
      .array(
        z.strictObject({
          year,
          organisation: orgNumber.meta({ description: "Partens organisationsnummer." }),
          kind: z.enum(CO_FINANCING_KINDS),
          amount: kronor,
        }),
      )
      .default([])
      .meta({ description: "Egen- och medfinansiering per part och år." }),
    anchored: z.boolean().nullable().default(null),
    anchoringDescription: text,
  })
  .meta({
    description:
      "Ansökans innehåll. Narrativa fält är text med enkel markering (rubriker, listor, länkar).",
  });

const signature = z
  .strictObject({
    organisation: orgNumber.meta({ description: "Partens organisationsnummer." }),
    signerName: z.string(),
    signerEmail: z.string().meta({ description: "Kan vara tom för en underskrift på papper." }),
    signerTitle: text,
    method: z
      .enum(SIGNATURE_METHODS)
      .meta({ description: "link: via e-postlänk; paper: på papper." }),
    signedOn: requiredDate,
    signedAt: timestamp,
    signedVersion: z
      .number()
      .int()
      .min(1)
      .meta({ description: "Den version av ansökan som underskriften gavs för." }),
  })
  .meta({ description: "En given underskrift. Förfrågningar som inte är besvarade ingår inte." });

const comment = z.strictObject({
  authorName: z.string(),
  text: z.string(),
  createdAt: timestamp,
});

const applicationVersion = z.strictObject({
  version: z.number().int().min(1).max(MAX_INT),
  status: z.enum(APPLICATION_STATUSES),
  content: applicationContent,
  event: z
    .string()
    .meta({ description: "Vad som gav versionen: created, saved, submitted, returned, decided …" }),
  note: optionalText,
  actorName: z.string().meta({ description: "Namnet på den som gjorde ändringen." }),
  createdAt: timestamp,
});

const application = z
  .strictObject({
    key: key(
      "Ansökans stabila nyckel (dess id). En ny import av samma nyckel för ansökan framåt i stället för att skapa en ny.",
    ),
    initiative: key(
      "Nyckeln till ansökans insats: en insats i filen eller en som redan finns i förbundet.",
    ),
    status: z.enum(APPLICATION_STATUSES),
    formVersion: z.string().meta({ description: "Blankettens version när ansökan skrevs." }),
    receivedOnPaper: z.boolean().default(false),
    registryNumber: z
      .string()
      .min(1)
      .nullable()
      .default(null)
      .meta({ description: "Diarienummer, t.ex. 2026/7. Saknas bara för ett utkast." }),
    arrivalDate: isoDate,
    submittedAt: timestamp.nullable().default(null),
    returnMessage: optionalText,
    decision: z.enum(["beviljad", "avslagen"]).nullable().default(null),
    decidedAmount: kronor.nullable().default(null),
    decidedStartDate: isoDate,
    decidedEndDate: isoDate,
    decisionConditions: optionalText,
    decisionMeeting: optionalText,
    decisionParagraph: optionalText,
    decisionDate: isoDate,
    content: applicationContent,
    signatures: z.array(signature).default([]),
    comments: z.array(comment).default([]),
    versions: z.array(applicationVersion).min(1).meta({
      description:
        "Ansökans alla versioner i ordning (1, 2, 3 …); den sista är ansökan som den är nu.",
    }),
  })
  .meta({
    description:
      "En ansökan med hela sin historik. Personer ingår bara med namn (och underskrivarens e-post).",
  });

export const bundleSchema = z
  .strictObject({
    format: z.literal(BUNDLE_FORMAT),
    version: z.literal(READABLE_VERSIONS).meta({
      description: `Formatets version. Samspår skriver version ${BUNDLE_VERSION} och läser ${readableVersions()}.`,
    }),
    exportedAt: z.iso.datetime({ offset: true }).optional(),
    association,
    memberOrganisations: z.array(memberOrganisation),
    initiatives: z.array(initiative),
    applicationSettings,
    logo,
    disclosureSettings,
    registryCounters: z.array(registryCounter).default([]),
    applications: z.array(application).default([]),
    ...reportingSections,
    ...moneySections,
    ...followUpSections,
    ...progressionSections,
    ...courseSections,
  })
  .meta({
    title: `Samspår: förbundsexport (association bundle), version ${BUNDLE_VERSION}`,
    description:
      "Ett samordningsförbunds register som ett JSON-dokument: förbundet, dess medlemsorganisationer, " +
      "insatser med samverkansparter, mål och delområden, ansökningsblanketten och ansökningarna " +
      "med versioner, underskrifter och kommentarer, rapportkalendern, periodiska rapporter, " +
      "avvikelserapporter och slutrapporter med versioner, kommentarer och skickade påminnelser, " +
      "styrgrupperna med ledamöter, möten, närvaro och dokument, och pengarna: normalintervallet, " +
      "tilldelade medel per år med medlemmarnas nycklar, insatsernas budgetar med alla versioner, " +
      "rekvisitioner med rader, bilagor och historik, återförda medel och kansliets prognoser, " +
      "röjandekontrollen av deltagarstatistiken (tröskeln; deltagarregistret självt ingår inte), " +
      "uppföljningarna till styrelsen med utkast och låsta versioner (den låsta rapporten som den sparades), " +
      "och progressionsmätningen: förbundets egna instrument med alla versioner och insatsernas mätplaner " +
      "(mätningarna är deltagaruppgifter och ingår inte), " +
      "kurserna i portalen med utkast, filer och publicerade versioner och insatsernas frågor i Tyck till " +
      "(deltagarnas framsteg, quizsvar och svar är deltagaruppgifter och ingår inte). " +
      "Organisationer pekas ut med " +
      "organisationsnummer, allt annat med en stabil nyckel. Konton, roller och " +
      "granskningsloggen ingår inte; personer bara med namn. Importen skapar och uppdaterar men tar " +
      "aldrig bort något, skriver aldrig om en historik, och samma fil två gånger ändrar ingenting.",
  });

export type Bundle = z.output<typeof bundleSchema>;
export type BundleInitiative = Bundle["initiatives"][number];
export type BundleApplication = Bundle["applications"][number];
export type BundleApplicationContent = BundleApplication["content"];

// The bundle's content holds every field of the form: a field added to ApplicationContent
// must be added here too (organisations renamed to their org numbers).
type Renamed = "ownerOrganisationId" | "partnerIds" | "coFinancing";
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never]
  ? true
  : never;
const _sameFields: SameKeys<
  Omit<ApplicationContent, Renamed>,
  Omit<BundleApplicationContent, "owner" | "partners" | "coFinancing">
> = true;
void _sameFields;

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
  const readable = readableVersions();
  if (!(READABLE_VERSIONS as readonly unknown[]).includes(head.version)) {
    throw new ValidationError({
      version:
        typeof head.version === "number" && head.version > BUNDLE_VERSION
          ? `Filen är i version ${head.version} av formatet, men den här versionen av Samspår läser version ${readable}. Uppdatera Samspår och försök igen.`
          : `Okänd version av formatet: ${JSON.stringify(head.version)}. Den här versionen av Samspår läser version ${readable}.`,
    });
  }
  const newer = ADDED_IN.filter((added) => added.version > (head.version as number)).flatMap(
    (added) =>
      added.sections
        .filter((section) => section in data)
        .map((section) => [
          section,
          `${section}: Finns inte i version ${head.version} av formatet. Ange "version": ${added.version}.`,
        ]),
  );
  if (newer.length) throw new ValidationError(Object.fromEntries(newer));
  const parsed = bundleSchema.safeParse(data, { error: z.locales.sv().localeError });
  if (parsed.success) return parsed.data;
  const problems: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const where = formatPath(issue.path) || "filen";
    problems[where] ??= `${where}: ${issue.message}`;
  }
  throw new ValidationError(problems);
}
