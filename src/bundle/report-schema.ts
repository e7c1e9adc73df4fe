// The reporting side of the association bundle (version 3): the reporting calendar, periodic,
// deviation and final reports with every saved version, comments and sent reminders, and the
// steering groups with their members, meetings, attendance and documents. Reports, members,
// meetings and documents are picked out by a stable key (their id); organisations by org
// number; people by name only. A document travels as base64 with its SHA-256 and size, and is
// checked on import by its contents like an upload.
import * as z from "zod";
import { GOAL_KINDS, ORIENTATIONS } from "../initiatives/schema.ts";
import { DECISION_BODIES } from "../reports/deviation-reports.ts";
import { ACHIEVED, type FinalReportContent, YES_NO } from "../reports/final-report-content.ts";
import {
  GOAL_ASSESSMENTS,
  type PeriodicReportContent,
  STATUS_QUESTIONS,
  type StatusQuestionKey,
  type SteeringAnalysis,
} from "../reports/periodic-report-content.ts";
import {
  CADENCES,
  DEVIATION_REQUESTS,
  DEVIATION_STATUSES,
  DEVIATION_TYPES,
  FINAL_REPORT_STATUSES,
  PERIODIC_REPORT_STATUSES,
} from "../reports/schema.ts";
import { checkDocument, MEMBERSHIPS } from "../reports/steering-groups.ts";
import { documentPart } from "./document-part.ts";
import {
  count,
  instant,
  isoDate,
  kronor,
  lowerKey,
  MAX_INT,
  optionalText,
  orgNumber,
  percent,
  requiredDate,
  text,
} from "./schema-parts.ts";

const FOLLOW_UP_PERIODS = ["halfyear", "year", "tertial", "quarter"] as const;

const reportingSettings = z
  .strictObject({
    cadence: z
      .enum(CADENCES)
      .meta({ description: "quarter: kvartal (K1–K4); tertial: tertial (T1–T3)." }),
    dueMonthsAfter: z
      .number()
      .int()
      .min(0)
      .max(6)
      .meta({ description: "Rapporten ska in så många månader efter periodens slut." }),
    remindDaysBefore: z
      .number()
      .int()
      .min(0)
      .max(60)
      .meta({ description: "Påminnelsen går ut så många dagar före sista dag." }),
    followUpPeriods: z
      .array(z.enum(FOLLOW_UP_PERIODS))
      .min(1, { error: "Välj minst en uppföljningsperiod." })
      .refine((list) => new Set(list).size === list.length, {
        error: "Varje uppföljningsperiod får bara stå med en gång.",
      }),
    reportsFrom: isoDate.meta({
      description:
        "Periodiska rapporter skapas för perioder som börjar detta datum eller senare; null: från insatsens start.",
    }),
  })
  .nullable()
  .default(null)
  .meta({
    description:
      "Förbundets rapportkalender, om förbundet har sparat en egen. null: Samspårs standard (kvartal).",
  });

const registryNumber = z
  .string()
  .min(1)
  .nullable()
  .default(null)
  .meta({ description: "Diarienummer, t.ex. 2026/7. Saknas för ett utkast." });

const versionNumber = z.number().int().min(1).max(MAX_INT);

const reportComment = z
  .strictObject({
    field: optionalText.meta({
      description:
        "Fältet kommentaren gäller, t.ex. answers.steeringMeetingsAsAgreed; null för hela rapporten.",
    }),
    authorName: z.string(),
    text: z.string(),
    createdAt: instant,
  })
  .meta({ description: "En granskningskommentar. Personen ingår bara med namn." });

const versionOf = <S extends z.ZodType, T extends z.ZodType>(status: S, snapshot: T) =>
  z.strictObject({
    version: versionNumber,
    status,
    event: z.string().meta({
      description: "Vad som gav versionen: created, saved, submitted, registered, locked …",
    }),
    note: optionalText,
    actorName: z.string().meta({ description: "Namnet på den som gjorde ändringen." }),
    createdAt: instant,
    snapshot: snapshot.meta({
      description:
        "Rapportens uppgifter som de var i den här versionen (samma fält som rapporten).",
    }),
  });

const versionsNote =
  "Rapportens alla versioner i ordning (1, 2, 3 …); den sista är rapporten som den är nu. Historiken skrivs aldrig om: en import lägger bara till versioner som kommit efter de som finns.";

// ------------------------------------------------------------------------------------------
// Periodic reports

const answerOf = (options: readonly [string, ...string[]]) =>
  z
    .strictObject({
      answer: z.enum(options).nullable().default(null),
      comment: text,
    })
    .default(() => ({ answer: null, comment: "" }));

const anyAnswer = answerOf(["ja"]);
const answers = z
  .strictObject(
    Object.fromEntries(STATUS_QUESTIONS.map((q) => [q.key, answerOf(q.options)])) as Record<
      StatusQuestionKey,
      typeof anyAnswer
    >,
  )
  .meta({
    description:
      "Statusfrågornas svar som koder (ja, nej, ja_kommentar, for_tidigt, ingen) med kommentar; null: obesvarad.",
  });

const periodicContent = z
  .strictObject({
    activities: text,
    deviations: text,
    userParticipation: text,
    goals: z
      .array(
        z.strictObject({
          goalText: z.string(),
          assessment: z.enum(GOAL_ASSESSMENTS).nullable().default(null),
          comment: text,
        }),
      )
      .default([])
      .meta({ description: "2.4: insatsens mål som de bedömdes i rapporten." }),
    goingWell: text,
    goingLessWell: text,
    successFactors: text,
    systemFaults: text,
    measures: text,
    answers,
    reportedBy: text,
    reportedOn: isoDate,
  })
  .meta({ description: "Avsnitt 2.1–2.5, statusfrågorna och uppgiftslämnarna." });

const steeringAnalysis = z
  .strictObject({
    goalFulfilment: text,
    budget: text,
    deviations: text,
    implementationPlan: text,
    writtenBy: text,
    writtenOn: isoDate,
  })
  .meta({ description: "Avsnitt 2.6, styrgruppens analys." });

const periodicFields = {
  periodKey: z
    .string()
    .regex(/^\d{4}-(K[1-4]|T[1-3])$/, {
      error:
        "Skriv perioden som ÅÅÅÅ-K1 till ÅÅÅÅ-K4 (kvartal) eller ÅÅÅÅ-T1 till ÅÅÅÅ-T3 (tertial), t.ex. 2026-K1.",
    })
    .meta({ description: "Perioden: 2026-K1 (kvartal) eller 2026-T2 (tertial)." }),
  periodStart: requiredDate,
  periodEnd: requiredDate,
  dueDate: requiredDate,
  content: periodicContent,
  steeringAnalysis,
  submittedAt: instant.nullable().default(null),
  arrivalDate: isoDate,
  registryNumber,
  receivedByInitials: optionalText.meta({
    description: "Initialerna på den på kansliet som tog emot rapporten.",
  }),
  lockedAt: instant
    .nullable()
    .default(null)
    .meta({ description: "När rapporten granskades och låstes; null om den inte är låst." }),
};
const periodicStatus = z.enum(PERIODIC_REPORT_STATUSES);

const periodicReport = z
  .strictObject({
    key: lowerKey("Rapportens stabila nyckel (dess id)."),
    initiative: lowerKey("Nyckeln till rapportens insats."),
    status: periodicStatus.meta({
      description: "utkast, inskickad, aterskickad (åter för komplettering) eller last (låst).",
    }),
    ...periodicFields,
    versions: z
      .array(versionOf(periodicStatus, z.strictObject(periodicFields)))
      .min(1)
      .meta({ description: versionsNote }),
    comments: z.array(reportComment).default([]),
    reminders: z
      .array(
        z.strictObject({
          kind: z
            .string()
            .regex(/^(before|overdue-\d{1,2})$/, {
              error: "Skriv påminnelsen som before eller overdue-N, t.ex. overdue-0.",
            })
            .meta({
              description: "before: före sista dag; overdue-N: N veckor efter (0: dagen efter).",
            }),
          sentAt: instant,
          recipients: z.number().int().min(0).max(MAX_INT),
        }),
      )
      .default([])
      .meta({ description: "Påminnelser som har skickats för rapporten (var och en en gång)." }),
  })
  .meta({ description: "En periodisk rapport med hela sin historik." });

// ------------------------------------------------------------------------------------------
// Deviation reports

const deviationFields = {
  types: z
    .array(z.enum(DEVIATION_TYPES))
    .default([])
    .refine((list) => new Set(list).size === list.length, {
      error: "Varje typ av avvikelse får bara stå med en gång.",
    }),
  description: text,
  cause: text,
  consequence: text,
  measures: text,
  request: z.enum(DEVIATION_REQUESTS).default("ingen"),
  requestedEndDate: isoDate,
  requestedTargetGroup: optionalText,
  requestedAmount: kronor.nullable().default(null),
  submittedAt: instant.nullable().default(null),
  arrivalDate: isoDate,
  registryNumber,
  decisionBody: z.enum(DECISION_BODIES).nullable().default(null),
  decisionDate: isoDate,
  decisionMeeting: optionalText,
  decisionParagraph: optionalText,
  decisionMotivation: optionalText,
};
const deviationStatus = z.enum(DEVIATION_STATUSES);

const deviationReport = z
  .strictObject({
    key: lowerKey("Rapportens stabila nyckel (dess id)."),
    initiative: lowerKey("Nyckeln till rapportens insats."),
    status: deviationStatus,
    ...deviationFields,
    versions: z
      .array(versionOf(deviationStatus, z.strictObject(deviationFields)))
      .min(1)
      .meta({ description: versionsNote }),
    comments: z.array(reportComment).default([]),
  })
  .meta({
    description:
      "En avvikelserapport med begäran, beslut och hela sin historik. Vem som beslutade ingår inte (beslutsorgan, möte och paragraf gör det).",
  });

// ------------------------------------------------------------------------------------------
// Final reports

const finalContent = z
  .strictObject({
    initiativeName: z.string(),
    application: lowerKey(
      "Nyckeln till den beviljade ansökan bakom insatsen: en ansökan i filen eller i förbundet.",
    )
      .nullable()
      .default(null),
    applicationRegistryNumber: optionalText,
    ownerName: text,
    parties: z
      .array(
        z.strictObject({
          organisation: orgNumber,
          name: z.string(),
          isOwner: z.boolean().default(false),
        }),
      )
      .default([])
      .meta({ description: "Insatsens parter när rapporten påbörjades, insatsägaren först." }),
    orientation: z.enum(ORIENTATIONS),
    purpose: text,
    needDescribed: text,
    plannedStartDate: isoDate,
    plannedEndDate: isoDate,
    targetGroupDefined: text,
    methodDefined: text,
    followUpPlanned: text,
    continuationPlanned: text,
    filledInOn: isoDate.meta({ description: "Dagen då insatsens uppgifter fylldes i." }),
    goals: z
      .array(
        z.strictObject({
          text: z.string(),
          kind: z.enum(GOAL_KINDS),
          targetNumber: count,
          targetPercent: percent,
          achieved: z.enum(ACHIEVED).nullable().default(null),
          outcome: text,
          figures: text,
        }),
      )
      .default([]),
    equality: text,
    changedNeed: text,
    actualStartDate: isoDate,
    actualEndDate: isoDate,
    timeChangeReason: text,
    targetGroupChange: text,
    participants: z
      .strictObject({
        feasibilityStudy: z.boolean().default(false),
        women: count,
        men: count,
        otherOrNotStated: count,
      })
      .default(() => ({ feasibilityStudy: false, women: null, men: null, otherOrNotStated: null })),
    methodChange: text,
    methodAsIntended: z.enum(ACHIEVED).nullable().default(null),
    methodAsIntendedText: text,
    followUp: text,
    continuation: text,
    returnedFunds: z
      .strictObject({
        returned: z.enum(YES_NO).nullable().default(null),
        amount: kronor.nullable().default(null),
        reason: text,
        consequences: text,
      })
      .default(() => ({ returned: null, amount: null, reason: "", consequences: "" })),
    lessons: z
      .array(z.strictObject({ organisation: orgNumber, text }))
      .default([])
      .meta({ description: "Lärdomar per part (partens organisationsnummer)." }),
    signatures: z
      .array(z.strictObject({ organisation: orgNumber, signerName: text, signedOn: isoDate }))
      .default([])
      .meta({ description: "Parternas underskrifter: namn och datum." }),
  })
  .meta({ description: "Slutrapportens innehåll; organisationer med organisationsnummer." });

const finalFields = {
  content: finalContent,
  submittedAt: instant.nullable().default(null),
  arrivalDate: isoDate,
  registryNumber,
  lockedAt: instant.nullable().default(null),
};
const finalStatus = z.enum(FINAL_REPORT_STATUSES);

const finalReport = z
  .strictObject({
    key: lowerKey("Rapportens stabila nyckel (dess id)."),
    initiative: lowerKey("Nyckeln till rapportens insats. En insats har en slutrapport."),
    status: finalStatus,
    ...finalFields,
    versions: z
      .array(versionOf(finalStatus, z.strictObject(finalFields)))
      .min(1)
      .meta({ description: versionsNote }),
    comments: z.array(reportComment).default([]),
  })
  .meta({ description: "En slutrapport med hela sin historik." });

// ------------------------------------------------------------------------------------------
// Steering groups

const attachment = documentPart({
  keyDescription: "Dokumentets stabila nyckel (dess id).",
  description:
    "Ett dokument från mötet (protokoll m.m.): PDF, Word eller OpenDocument, högst 10 MB. Innehållet kontrolleras mot kontrollsumman, storleken och typen.",
  check: checkDocument,
});

const meeting = z
  .strictObject({
    key: lowerKey("Mötets stabila nyckel (dess id)."),
    meetingDate: requiredDate,
    held: z.boolean().default(false).meta({ description: "Om mötet har hållits." }),
    agenda: text,
    decisions: text,
    attendance: z
      .array(
        z.strictObject({
          member: lowerKey("Nyckeln till en ledamot i samma styrgrupp."),
          present: z.boolean(),
        }),
      )
      .default([])
      .meta({ description: "Vilka ledamöter som var närvarande på ett hållet möte." }),
    attachments: z.array(attachment).default([]),
  })
  .meta({ description: "Ett styrgruppsmöte: planerat eller hållet." });

const member = z
  .strictObject({
    key: lowerKey("Ledamotens stabila nyckel (dess id)."),
    organisation: orgNumber.meta({ description: "Den part ledamoten företräder." }),
    name: z.string(),
    email: text.meta({ description: "Ledamotens e-postadress, om den finns." }),
    title: text,
    membership: z.enum(MEMBERSHIPS).meta({ description: "ordinarie eller ersattare." }),
    fromDate: requiredDate,
    toDate: isoDate,
  })
  .meta({
    description: "En ledamot i styrgruppen. Ett eventuellt konto i Samspår följer inte med.",
  });

const steeringGroup = z
  .strictObject({
    initiative: lowerKey("Nyckeln till styrgruppens insats."),
    members: z.array(member).default([]),
    meetings: z.array(meeting).default([]),
  })
  .meta({ description: "En insats styrgrupp: ledamöter och möten." });

/** What version 3 added to the bundle, in the order of the document. */
export const reportingSections = {
  reportingSettings,
  periodicReports: z.array(periodicReport).default([]),
  deviationReports: z.array(deviationReport).default([]),
  finalReports: z.array(finalReport).default([]),
  steeringGroups: z.array(steeringGroup).default([]),
};

export type BundlePeriodicReport = z.output<typeof periodicReport>;
export type BundlePeriodicFields = Omit<
  BundlePeriodicReport,
  "key" | "initiative" | "status" | "versions" | "comments" | "reminders"
>;
export type BundlePeriodicContent = z.output<typeof periodicContent>;
export type BundleSteeringAnalysis = z.output<typeof steeringAnalysis>;
export type BundleDeviationReport = z.output<typeof deviationReport>;
export type BundleDeviationFields = Omit<
  BundleDeviationReport,
  "key" | "initiative" | "status" | "versions" | "comments"
>;
export type BundleFinalReport = z.output<typeof finalReport>;
export type BundleFinalFields = Omit<
  BundleFinalReport,
  "key" | "initiative" | "status" | "versions" | "comments"
>;
export type BundleFinalContent = z.output<typeof finalContent>;
export type BundleReportComment = z.output<typeof reportComment>;
export type BundleSteeringGroup = z.output<typeof steeringGroup>;
export type BundleReportingSettings = z.output<typeof reportingSettings>;

// The bundle holds every field of the reports' contents: a field added to one of them must be
// added here too (goal ids are left out, organisations and the application renamed).
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never]
  ? true
  : never;
const _periodic: SameKeys<PeriodicReportContent, BundlePeriodicContent> = true;
const _steering: SameKeys<SteeringAnalysis, BundleSteeringAnalysis> = true;
const _final: SameKeys<
  Omit<FinalReportContent, "applicationId">,
  Omit<BundleFinalContent, "application">
> = true;
void [_periodic, _steering, _final];
