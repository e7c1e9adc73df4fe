// The money of the association bundle (version 4): the association's band of normal consumption
// ratios, its allocated funds per year with the members' keys, every version of each
// initiative's budget with its lines, the requisitions with their lines, attachments and
// history, returned funds, and the office's prognoses. Requisitions, their attachments and
// returned funds are picked out by a stable key (their id); a budget version by its number; a
// history entry (a requisition's event, a prognosis) by what it holds; organisations by org
// number; people by name only. Amounts are whole kronor. An attachment travels as base64 with
// its SHA-256 and size, and is checked on import by its contents like an upload.
import * as z from "zod";
import { BUDGET_CATEGORIES, CO_FINANCING_KINDS } from "../applications/content.ts";
import { BUDGET_KINDS } from "../finance/budgets.ts";
import { checkRequisitionFile, PAYMENT_STATUSES } from "../finance/requisitions.ts";
import { FUNDING_SOURCES, PROGNOSES, REQUISITION_STATUSES } from "../finance/schema.ts";
import { documentPart } from "./document-part.ts";
import {
  instant,
  isoDate,
  kronor,
  lowerKey,
  MAX_INT,
  optionalText,
  orgNumber,
  requiredDate,
  text,
  year,
} from "./schema-parts.ts";

const PERIOD_ERROR =
  "Skriv perioden som ÅÅÅÅ-K1 till ÅÅÅÅ-K4 (kvartal) eller ÅÅÅÅ-T1 till ÅÅÅÅ-T3 (tertial), t.ex. 2026-K1.";

const periodKey = z
  .string()
  .regex(/^\d{4}-(K[1-4]|T[1-3])$/, { error: PERIOD_ERROR })
  .meta({ description: "Rapportperioden: 2026-K1 (kvartal) eller 2026-T2 (tertial)." });

/** Whole kronor that may be negative (the equity). */
const signedKronor = z
  .number({ error: "Skriv beloppet som ett heltal i kronor, t.ex. -150000." })
  .int({ error: "Skriv beloppet som ett heltal i kronor, t.ex. -150000." })
  .min(-Number.MAX_SAFE_INTEGER)
  .max(Number.MAX_SAFE_INTEGER)
  .meta({ description: "Hela kronor; får vara negativt." });

const versionNumber = z.number().int().min(1).max(MAX_INT);

// ------------------------------------------------------------------------------------------
// The association's money

const financeSettings = z
  .strictObject({
    ratioLowPercent: z.number().int().min(0).max(1000).meta({
      description: "Normalintervallets nedre gräns för förbrukningskvoten, hela procent.",
    }),
    ratioHighPercent: z
      .number()
      .int()
      .min(0)
      .max(1000)
      .meta({ description: "Normalintervallets övre gräns, hela procent." }),
  })
  .refine((s) => s.ratioLowPercent <= s.ratioHighPercent, {
    error: "Den övre gränsen får inte vara lägre än den nedre.",
    path: ["ratioHighPercent"],
  })
  .nullable()
  .default(null)
  .meta({
    description:
      "Förbundets normalintervall för förbrukningskvoten, om förbundet har sparat ett eget. null: Samspårs standard (80–110 %).",
  });

const fundingShare = z
  .strictObject({
    organisation: orgNumber.meta({ description: "Regionens eller kommunens organisationsnummer." }),
    keyValue: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable().default(null).meta({
      description: "Fördelningsnyckeln, oftast folkmängden; null: lika delar inom gruppen.",
    }),
  })
  .meta({ description: "En regions eller kommuns nyckel för året." });

const fundingYear = z
  .strictObject({
    year,
    totalAllocation: kronor.meta({
      description: "Medlemmarnas tilldelade medel tillsammans; fördelas ½ · ¼ · ¼.",
    }),
    equityOpening: signedKronor.default(0).meta({ description: "Eget kapital vid årets början." }),
    adminBudget: kronor.default(0).meta({ description: "Budget för administrativa kostnader." }),
    adminOutcome: kronor.nullable().default(null).meta({
      description: "Utfall för administrativa kostnader; null så länge det inte är känt.",
    }),
    note: text,
    shares: z.array(fundingShare).default([]),
  })
  .meta({ description: "Förbundets medel ett år." });

// ------------------------------------------------------------------------------------------
// Lines

const lineFields = {
  category: z.enum(BUDGET_CATEGORIES),
  source: z
    .enum(FUNDING_SOURCES)
    .meta({ description: "forbund: förbundsmedel; medfinansiering: en parts egen finansiering." }),
  organisation: orgNumber.nullable().default(null).meta({
    description: "Den medfinansierande partens organisationsnummer; null för förbundsmedel.",
  }),
  coKind: z
    .enum(CO_FINANCING_KINDS)
    .nullable()
    .default(null)
    .meta({ description: "Slag av medfinansiering; null för förbundsmedel." }),
  amount: kronor,
};

type LineShape = { source: string; organisation: string | null; coKind: string | null };

/** The database's rule: association funds name no party, co-financing names party and kind. */
const sourceRule = (l: LineShape, ctx: z.RefinementCtx) => {
  if (l.source === "forbund") {
    for (const field of ["organisation", "coKind"] as const)
      if (l[field] !== null)
        ctx.addIssue({
          code: "custom",
          path: [field],
          message: "Förbundsmedel har ingen part och inget slag av medfinansiering: ange null.",
        });
    return;
  }
  if (l.organisation === null)
    ctx.addIssue({
      code: "custom",
      path: ["organisation"],
      message: "Ange den medfinansierande partens organisationsnummer.",
    });
  if (l.coKind === null)
    ctx.addIssue({
      code: "custom",
      path: ["coKind"],
      message: "Ange slag av medfinansiering: pengar, personaltid eller deltagarersattning.",
    });
};

const moneyLine = z
  .strictObject(lineFields)
  .superRefine(sourceRule)
  .meta({ description: "Ett belopp per kostnadsslag och källa." });

const budgetLine = z
  .strictObject({ periodKey, ...lineFields })
  .superRefine(sourceRule)
  .meta({ description: "Ett belopp för en period, ett kostnadsslag och en källa." });

// ------------------------------------------------------------------------------------------
// Budgets

const budgetVersion = z
  .strictObject({
    version: versionNumber,
    status: z
      .enum(["gallande", "ersatt"])
      .meta({ description: "gallande: den sista versionen; ersatt: alla före den." }),
    kind: z.enum(BUDGET_KINDS).meta({
      description:
        "beslut, revision, omfordelning (efter en godkänd avvikelserapport) eller import.",
    }),
    reason: text,
    deviationReport: lowerKey(
      "Nyckeln till den godkända avvikelserapport som tillät omfördelningen (bara för omfordelning).",
    )
      .nullable()
      .default(null),
    actorName: z.string().meta({ description: "Namnet på den som sparade versionen." }),
    createdAt: instant,
    lines: z.array(budgetLine).default([]),
  })
  .meta({ description: "En version av budgeten. En version ändras aldrig." });

const initiativeBudget = z
  .strictObject({
    initiative: lowerKey("Nyckeln till budgetens insats. En insats har en budget."),
    versions: z.array(budgetVersion).min(1).meta({
      description:
        "Budgetens alla versioner i ordning (1, 2, 3 …); den sista gäller. Historiken skrivs aldrig om: en import lägger bara till versioner som kommit efter de som finns.",
    }),
  })
  .meta({ description: "En insats budget med alla versioner." });

// ------------------------------------------------------------------------------------------
// Requisitions

const attachment = documentPart({
  keyDescription: "Bilagans stabila nyckel (dess id).",
  description:
    "Underlaget till rekvisitionen (t.ex. ett utdrag ur huvudboken): PDF, Excel, Word eller OpenDocument, högst 10 MB. Innehållet kontrolleras mot kontrollsumman, storleken och typen.",
  check: checkRequisitionFile,
});

const requisitionSnapshot = z
  .strictObject({
    status: z.enum(REQUISITION_STATUSES),
    version: versionNumber,
    note: text,
    returnReason: optionalText,
    paymentStatus: z.enum(PAYMENT_STATUSES),
    paidOn: isoDate,
    attachments: z
      .number()
      .int()
      .min(0)
      .max(MAX_INT)
      .meta({ description: "Antalet bilagor vid tillfället." }),
    lines: z.array(moneyLine).default([]),
    totals: z.strictObject({ total: kronor, association: kronor, coFinancing: kronor }),
  })
  .meta({ description: "Rekvisitionen som den var efter händelsen: rader och summor." });

const requisitionEvent = z
  .strictObject({
    event: z.string().meta({
      description:
        "Vad som hände: skapad, sparad, bilaga_tillagd, bilaga_borttagen, inskickad, aterskickad, godkand, betald.",
    }),
    note: optionalText,
    actorName: z.string().meta({ description: "Namnet på den som gjorde det." }),
    createdAt: instant,
    snapshot: requisitionSnapshot,
  })
  .meta({ description: "En händelse i rekvisitionens historik." });

const requisition = z
  .strictObject({
    key: lowerKey("Rekvisitionens stabila nyckel (dess id)."),
    initiative: lowerKey("Nyckeln till rekvisitionens insats."),
    periodKey: periodKey.meta({
      description: "Perioden; en insats har en rekvisition per period.",
    }),
    periodStart: requiredDate,
    periodEnd: requiredDate,
    status: z
      .enum(REQUISITION_STATUSES)
      .meta({ description: "utkast, inskickad, aterskickad (för komplettering) eller godkand." }),
    note: text,
    submittedAt: instant.nullable().default(null),
    returnReason: optionalText.meta({ description: "Skälet när kansliet skickade tillbaka den." }),
    approvedAt: instant
      .nullable()
      .default(null)
      .meta({ description: "När kansliet godkände den; null om den inte är godkänd." }),
    paymentStatus: z.enum(PAYMENT_STATUSES).default("ej_betald"),
    paidOn: isoDate.meta({
      description: "Dagen beloppet betalades ut; null om det inte är betalt.",
    }),
    createdAt: instant,
    updatedAt: instant,
    lines: z.array(moneyLine).default([]),
    attachments: z.array(attachment).default([]),
    events: z.array(requisitionEvent).default([]).meta({
      description:
        "Rekvisitionens historik i tidsordning; den sista händelsen visar rekvisitionen som den är nu. Historiken skrivs aldrig om: en import lägger bara till händelser som kommit efter de som finns.",
    }),
  })
  .meta({
    description:
      "En rekvisition med rader, bilagor och historik. Vem som godkände framgår av historiken (namn).",
  });

// ------------------------------------------------------------------------------------------
// Returned funds and prognoses

const returnedFund = z
  .strictObject({
    key: lowerKey("Postens stabila nyckel (dess id)."),
    initiative: lowerKey("Nyckeln till insatsen som betalade tillbaka."),
    year: year.meta({ description: "Året medlen avser." }),
    amount: kronor.min(1, { error: "Beloppet ska vara större än 0 kr." }),
    reason: z.string(),
    returnedOn: requiredDate.meta({ description: "Dagen medlen kom tillbaka." }),
    actorName: z.string().meta({ description: "Namnet på den som registrerade posten." }),
    createdAt: instant,
  })
  .meta({ description: "Återförda medel med orsaken. En post ändras aldrig." });

const prognosisOverride = z
  .strictObject({
    initiative: lowerKey("Nyckeln till insatsen."),
    periodKey,
    prognosis: z.enum(PROGNOSES).meta({ description: "ok, bevaka, atgard eller avslutad." }),
    comment: z.string(),
    actorName: z.string().meta({ description: "Namnet på den som satte prognosen." }),
    setAt: instant,
  })
  .meta({
    description:
      "Kansliets prognos för en insats per period, med kommentar. Historiken skrivs aldrig om: den senaste per period gäller.",
  });

/** What version 4 added to the bundle, in the order of the document. */
export const moneySections = {
  financeSettings,
  fundingYears: z.array(fundingYear).default([]),
  initiativeBudgets: z.array(initiativeBudget).default([]),
  requisitions: z.array(requisition).default([]),
  returnedFunds: z.array(returnedFund).default([]),
  prognosisOverrides: z.array(prognosisOverride).default([]),
};

export type BundleFinanceSettings = z.output<typeof financeSettings>;
export type BundleFundingYear = z.output<typeof fundingYear>;
export type BundleMoneyLine = z.output<typeof moneyLine>;
export type BundleBudgetLine = z.output<typeof budgetLine>;
export type BundleBudgetVersion = z.output<typeof budgetVersion>;
export type BundleInitiativeBudget = z.output<typeof initiativeBudget>;
export type BundleRequisition = z.output<typeof requisition>;
export type BundleRequisitionEvent = z.output<typeof requisitionEvent>;
export type BundleRequisitionSnapshot = z.output<typeof requisitionSnapshot>;
export type BundleReturnedFunds = z.output<typeof returnedFund>;
export type BundlePrognosisOverride = z.output<typeof prognosisOverride>;
