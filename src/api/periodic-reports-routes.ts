// Periodic reports in the API (domain/documents.md §2): the list (the calendar's missing reports
// are created first), one report with its derived answers and comments, the lead's sections,
// the steering group's analysis, submission, registration, return and lock, comments and the
// history, and the status answers as data for the follow-up. The use cases in src/reports decide
// what may be stored; this file authorizes (before validation), reads the request with zod
// schemas that also make the OpenAPI document, and shapes the answers.
//
// A report the caller may not see answers 404, exactly like one that does not exist; one the
// caller sees but may not act on answers 403.
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { can, canOnInitiative, visibleReports } from "../access/policy.ts";
import { todayInSweden } from "../applications/workflow.ts";
import { INITIATIVE_STATUSES } from "../initiatives/schema.ts";
import type { AppServices } from "../platform/http/request-context.ts";
import { ensurePeriodicReports } from "../reports/calendar.ts";
import {
  ANSWER_LABELS,
  GOAL_ASSESSMENTS,
  PERIODIC_TEXT_FIELDS,
  STATUS_QUESTIONS,
  STEERING_TEXT_FIELDS,
  type StatusQuestionKey,
  YES_NO,
} from "../reports/periodic-report-content.ts";
import {
  acceptPeriodicReport,
  commentOnPeriodicReport,
  getPeriodicReport,
  listPeriodicReports,
  type PeriodicReportDetails,
  type PeriodicReportInput,
  registerArrival,
  returnPeriodicReport,
  savePeriodicReport,
  saveSteeringAnalysis,
  statusAnswers,
  submitPeriodicReport,
} from "../reports/periodic-reports.ts";
import { sendReminderNow } from "../reports/reminders.ts";
import { listReportVersions } from "../reports/report-versions.ts";
import { PERIODIC_REPORT_STATUSES } from "../reports/schema.ts";
import { actorOf, associationOf, guard, guarded, principalOf, type Rule } from "./app.ts";
import {
  guardedItem,
  iso,
  itemParams,
  itemProblems,
  itemRoutes,
  renamingFields,
  someVisible,
} from "./item-operations.ts";
import {
  collectionRoutes,
  commentSchema,
  isoDateLike,
  json,
  problem,
  timestampLike,
  versionFields,
  versionListSchema,
} from "./operation-kit.ts";
import type { ApiEnv } from "./problems.ts";

// ---------------------------------------------------------------------------------------------
// Schemas

const TAG = "Periodiska rapporter";

const invalid = problem(
  "Ogiltiga uppgifter eller ogiltig JSON; `errors` anger fälten, med ett meddelande på svenska för varje. En låst rapport eller en åtgärd som inte passar rapportens status anges vid fältet status.",
);
const { forbidden, notFound: reportNotFound } = itemProblems("rapporten");
const forbiddenInAssociation = problem(
  "Nyckelns ägare får inte se förbundets rapporter eller någon insats rapporter.",
);
const conflict = problem(
  "Rapporten har ändrats sedan du läste den (versionen stämmer inte). Hämta den på nytt och gör om ändringen.",
);

const ReportParams = itemParams(
  "reportId",
  "Rapportens id.",
  "5b0e7c1a-2f4d-4e8b-9c3a-7d1e2f3a4b5c",
);

const MEANINGS: Record<string, string> = { ingen: "– (ingen prognos)" };
const codes = (values: readonly string[]) =>
  values.map((v) => `${v} = ${MEANINGS[v] ?? ANSWER_LABELS[v] ?? v}`).join(", ");

const ReportStatus = z.enum(PERIODIC_REPORT_STATUSES).openapi({
  description:
    "Rapportens status: utkast (skrivs), inskickad (väntar på kansliets granskning), aterskickad (åter för komplettering) eller last (granskad och låst; kan inte ändras av någon).",
  example: "inskickad",
});

const PeriodKey = z
  .string()
  .regex(/^\d{4}-[KT][1-4]$/)
  .openapi({
    description: "Rapportperioden: år och kvartal (K1–K4) eller tertial (T1–T3).",
    example: "2026-K1",
  });

const GoalAssessmentCode = z.enum(GOAL_ASSESSMENTS).openapi({
  description: `Bedömning av ett mål: ${codes(GOAL_ASSESSMENTS)}.`,
  example: "i_fas",
});

const isoDate = isoDateLike("2026-04-28");
const timestamp = timestampLike("2026-04-28T09:30:00.000Z");

const Version = (description: string) =>
  z.number().int().min(1).openapi({ description, example: 3 });

const READ_VERSION =
  "Versionen du läste. Har någon annan ändrat rapporten sedan dess blir svaret 409 och ingenting sparas.";

type Question = (typeof STATUS_QUESTIONS)[number];

const DERIVED_NOTE =
  " Samspår härleder svaret ur sina uppgifter (möten, närvaro, avvikelserapporter, tidigare rapporters datum); lämnas det obesvarat fylls det i när rapporten skickas in.";

/** One status question's answer: its codes as an enum, their meaning in the description. */
function answerSchema(q: Question, forInput: boolean) {
  const answer = z
    .enum(q.options as unknown as [string, ...string[]])
    .nullable()
    .openapi({
      description: `Svarskod: ${codes(q.options)}; null = obesvarad.`,
      example: q.options[0],
    });
  const comment = forInput
    ? z.string().max(5000).openapi({ description: "Kommentar till svaret, högst 5 000 tecken." })
    : z.string().openapi({ description: "Kommentar till svaret." });
  return z
    .object({
      answer: forInput ? answer.default(null) : answer,
      comment: forInput ? comment.default("") : comment,
    })
    .openapi({
      description: `${q.label}${"derived" in q && q.derived ? DERIVED_NOTE : ""}`,
    });
}

type AnswerShape = Record<StatusQuestionKey, ReturnType<typeof answerSchema>>;
const answersShape = (forInput: boolean) =>
  Object.fromEntries(
    STATUS_QUESTIONS.map((q) => [q.key, answerSchema(q, forInput)]),
  ) as AnswerShape;

const StatusAnswersSchema = z.object(answersShape(false)).openapi("PeriodicReportStatusAnswers", {
  description:
    "De strukturerade statusfrågorna, en per fält, med svarskod och kommentar. Koderna är fasta; uppföljningens tabeller räknas ur dem.",
});

const StatusAnswersInputSchema = z
  .object(
    Object.fromEntries(
      STATUS_QUESTIONS.map((q) => [q.key, answerSchema(q, true).optional()]),
    ) as Record<StatusQuestionKey, z.ZodOptional<ReturnType<typeof answerSchema>>>,
  )
  .default({})
  .openapi("PeriodicReportStatusAnswersInput", {
    description:
      "Svaren på statusfrågorna. Utelämnade frågor blir obesvarade. Ja, med kommentar (ja_kommentar) kräver en kommentar.",
  });

const textField = (key: string, forInput: boolean) => {
  const f = PERIODIC_TEXT_FIELDS.find((x) => x.key === key);
  const s = z
    .string()
    .max(20_000)
    .openapi({
      description: `${f?.section} ${f?.label}. Text med enkel formatering: rubriker, listor och stycken; högst 20 000 tecken.`,
    });
  return forInput ? s.default("") : s;
};

const textShape = (forInput: boolean) =>
  Object.fromEntries(
    PERIODIC_TEXT_FIELDS.map((f) => [f.key, textField(f.key, forInput)]),
  ) as Record<(typeof PERIODIC_TEXT_FIELDS)[number]["key"], z.ZodString>;

const GoalSchema = z
  .object({
    goalId: z
      .uuid()
      .nullable()
      .openapi({ description: "Insatsens mål, när det fanns i insatsen." }),
    goalText: z.string().openapi({ example: "Till arbete eller studier" }),
    assessment: GoalAssessmentCode.nullable().openapi({ description: "Bedömningen, eller null." }),
    comment: z.string(),
  })
  .openapi("PeriodicReportGoal", { description: "2.4 Ett mål och dess bedömning." });

const ContentSchema = z
  .object({
    ...textShape(false),
    goals: z.array(GoalSchema).openapi({
      description:
        "2.4 Mål och delmål. Tills rapporten har egna bedömningar visas insatsens mål, obedömda.",
    }),
    answers: StatusAnswersSchema,
    reportedBy: z.string().openapi({ description: "3. Uppgiftslämnare.", example: "Lea Ledare" }),
    reportedOn: isoDate("3. Datum för uppgiftslämnandet, eller null."),
  })
  .openapi("PeriodicReportContent", {
    description:
      "Insatsens del av rapporten (avsnitt 2.1–2.5, statusfrågorna och uppgiftslämnaren). Samma form skickas vid ändring.",
  });

const SteeringSchema = z
  .object({
    ...(Object.fromEntries(
      STEERING_TEXT_FIELDS.map((f) => [f.key, z.string().openapi({ description: f.label })]),
    ) as Record<(typeof STEERING_TEXT_FIELDS)[number]["key"], z.ZodString>),
    writtenBy: z.string().openapi({ description: "Vem i styrgruppen som står för analysen." }),
    writtenOn: isoDate("Datum för analysen, eller null."),
  })
  .openapi("PeriodicReportSteeringAnalysis", { description: "2.6 Styrgruppens analys." });

const DerivedSchema = z
  .object({
    answer: z.enum(YES_NO).nullable().openapi({
      description: "ja, nej, eller null när underlaget inte räcker för ett svar.",
    }),
    basis: z.string().openapi({
      description: "Vad svaret bygger på, på svenska.",
      example: "2 hållna styrgruppsmöten under perioden (minst 1 enligt avtal).",
    }),
  })
  .openapi("PeriodicReportDerivedAnswer");

const CommentSchema = commentSchema("PeriodicReportComment", {
  about: {
    field: z.string().nullable().openapi({
      description:
        "Fältet kommentaren gäller, till exempel answers.steeringMeetingsAsAgreed, eller null för hela rapporten.",
    }),
  },
  authorExample: "Ada Admin",
  textExample: "Komplettera med brukarmedverkan under mars.",
  timestamp,
  description: "En kommentar från kansliet, insatsansvarig eller styrgruppen.",
});

const PeriodicReportSchema = z
  .object({
    id: z.uuid(),
    initiativeId: z.uuid(),
    initiativeName: z.string().openapi({ example: "Tierp, Växtverket" }),
    initiativeStatus: z.enum(INITIATIVE_STATUSES).openapi({ description: "Insatsens status." }),
    ownerName: z.string().openapi({ description: "Insatsägaren.", example: "Tierps kommun" }),
    periodKey: PeriodKey,
    periodStart: isoDate("Periodens första dag."),
    periodEnd: isoDate("Periodens sista dag."),
    dueDate: isoDate("Sista dag att skicka in rapporten."),
    status: ReportStatus,
    overdue: z.boolean().openapi({
      description: "true när rapporten inte är inskickad och sista dagen har passerat.",
    }),
    content: ContentSchema,
    startedOnTimeCarried: z.boolean().openapi({
      description:
        "true när svaret på Startade insatsen i tid? är Ja från en tidigare rapport och förs vidare.",
    }),
    derived: z
      .object(
        Object.fromEntries(
          STATUS_QUESTIONS.filter((q) => "derived" in q && q.derived).map((q) => [
            q.key,
            DerivedSchema.optional(),
          ]),
        ),
      )
      .openapi({
        description: "Svaren Samspår härleder ur sina uppgifter, med vad de bygger på.",
      }),
    steeringAnalysis: SteeringSchema,
    submittedAt: timestamp("När rapporten senast skickades in.").nullable(),
    arrivalDate: isoDate("Ankomstdatum, registrerat av kansliet, eller null."),
    registryNumber: z
      .string()
      .nullable()
      .openapi({ description: "Diarienummer, när ankomsten registrerats.", example: "2026/14" }),
    receivedByInitials: z
      .string()
      .nullable()
      .openapi({ description: "Initialerna på den som tog emot rapporten.", example: "KK" }),
    lockedAt: timestamp("När rapporten granskades och låstes.").nullable(),
    comments: z
      .array(CommentSchema)
      .openapi({ description: "Granskningskommentarerna, i ordning." }),
    createdAt: timestamp("När rapporten skapades enligt rapportkalendern."),
    updatedAt: timestamp("När rapporten senast ändrades."),
    version: z.number().int().openapi({
      description: "Ökar vid varje ändring; skicka med den vid ändring.",
      example: 3,
    }),
  })
  .openapi("PeriodicReport", {
    description:
      "En periodisk rapport: insatsens avsnitt, statusfrågorna, styrgruppens analys, kansliets registrering och kommentarer.",
  });

const ReportSummarySchema = z
  .object({
    id: z.uuid(),
    initiativeId: z.uuid(),
    initiativeName: z.string().openapi({ example: "Tierp, Växtverket" }),
    periodKey: PeriodKey,
    periodStart: isoDate("Periodens första dag."),
    periodEnd: isoDate("Periodens sista dag."),
    dueDate: isoDate("Sista dag att skicka in rapporten."),
    status: ReportStatus,
    submittedAt: timestamp("När rapporten senast skickades in.").nullable(),
    arrivalDate: isoDate("Ankomstdatum, eller null."),
    registryNumber: z.string().nullable().openapi({ example: "2026/14" }),
    overdue: z.boolean().openapi({ description: "Inte inskickad, och sista dagen har passerat." }),
    submittedLate: z
      .boolean()
      .openapi({ description: "Skickades in efter sista dagen (den senaste inskickningen)." }),
    version: z.number().int(),
  })
  .openapi("PeriodicReportSummary", { description: "En rapport i listan, i korthet." });

const ReportListSchema = z
  .object({ items: z.array(ReportSummarySchema) })
  .openapi("PeriodicReportList");

const VersionListSchema = versionListSchema(
  "PeriodicReportVersionList",
  versionFields(ReportStatus, {
    events:
      "created, saved, steering_analysis_saved, submitted, resubmitted, registered, returned eller locked",
    eventExample: "submitted",
    note: "Anteckning, till exempel diarienumret eller vad som ska kompletteras.",
    actor: { description: "Vem som gjorde ändringen." },
    timestamp,
  }),
  "Rapportens versioner, nyaste först.",
);

const StatusAnswerRowSchema = z
  .object({
    reportId: z.uuid(),
    initiativeId: z.uuid(),
    initiativeName: z.string().openapi({ example: "Tierp, Växtverket" }),
    periodKey: PeriodKey,
    periodStart: isoDate("Periodens första dag."),
    periodEnd: isoDate("Periodens sista dag."),
    status: z.enum(["inskickad", "last"]).openapi({
      description: "inskickad (inte granskad än) eller last (granskad och låst).",
    }),
    version: z
      .number()
      .int()
      .openapi({ description: "Rapportens version som svaren kommer från." }),
    answers: StatusAnswersSchema,
    goals: z
      .array(
        z.object({
          goalText: z.string().openapi({ example: "Till arbete eller studier" }),
          assessment: GoalAssessmentCode.nullable(),
        }),
      )
      .openapi({ description: "2.4 Målens bedömningar." }),
  })
  .openapi("StatusAnswerRow", {
    description: "Statussvaren i en insats inskickade eller låsta rapport för en period.",
  });

const StatusAnswerListSchema = z
  .object({ items: z.array(StatusAnswerRowSchema) })
  .openapi("StatusAnswerList", {
    description: "En rad per insats och period, sorterade på insatsens namn och periodens slut.",
  });

const ReportInputSchema = z
  .object({
    version: Version(READ_VERSION),
    ...textShape(true),
    goals: z
      .array(
        z.object({
          goalId: z.uuid().nullable().default(null),
          goalText: z.string().max(2000).openapi({ example: "Till arbete eller studier" }),
          assessment: GoalAssessmentCode.nullable().default(null),
          comment: z.string().max(5000).default(""),
        }),
      )
      .max(100)
      .default([])
      .openapi({
        description:
          "2.4 Målen med bedömning och kommentar, i ordning. Utelämnat: insatsens mål, obedömda.",
      }),
    answers: StatusAnswersInputSchema,
    reportedBy: z.string().max(500).default("").openapi({ description: "3. Uppgiftslämnare." }),
    reportedOn: z.iso
      .date()
      .nullable()
      .default(null)
      .openapi({ description: "3. Datum för uppgiftslämnandet, ÅÅÅÅ-MM-DD." }),
  })
  .openapi("PeriodicReportUpdate", {
    description:
      "Insatsens hela del av rapporten och versionen du läste. Ett utkast får vara ofullständigt men inte ogiltigt; utelämnade fält blir tomma.",
  });

const SteeringInputSchema = z
  .object({
    version: Version(READ_VERSION),
    ...(Object.fromEntries(
      STEERING_TEXT_FIELDS.map((f) => [
        f.key,
        z.string().max(20_000).default("").openapi({ description: f.label }),
      ]),
    ) as Record<(typeof STEERING_TEXT_FIELDS)[number]["key"], z.ZodDefault<z.ZodString>>),
    writtenBy: z.string().max(500).default("").openapi({
      description: "Vem i styrgruppen som står för analysen; krävs när någon text är ifylld.",
    }),
    writtenOn: z.iso.date().nullable().default(null).openapi({ description: "ÅÅÅÅ-MM-DD." }),
  })
  .openapi("PeriodicReportSteeringAnalysisUpdate", {
    description: "2.6 Styrgruppens analys, hela, och versionen du läste.",
  });

const VersionOnly = z
  .object({ version: Version(READ_VERSION) })
  .openapi("PeriodicReportVersionInput");

const ArrivalSchema = z
  .object({
    version: Version(READ_VERSION),
    arrivalDate: z.iso
      .date()
      .openapi({ description: "Dagen rapporten kom in, inte i framtiden.", example: "2026-04-29" }),
    initials: z
      .string()
      .max(10)
      .openapi({ description: "Dina initialer, 2–4 bokstäver.", example: "KK" }),
  })
  .openapi("PeriodicReportArrival");

const ReturnSchema = z
  .object({
    version: Version(READ_VERSION),
    message: z.string().max(5000).openapi({
      description: "Vad insatsen ska komplettera. Sparas också som kommentar.",
      example: "Beskriv brukarmedverkan under perioden.",
    }),
  })
  .openapi("PeriodicReportReturn");

/** The parts of a report a comment may be about. */
const COMMENT_FIELDS = [
  ...PERIODIC_TEXT_FIELDS.map((f) => f.key),
  "goals",
  ...STATUS_QUESTIONS.map((q) => `answers.${q.key}`),
  "steeringAnalysis",
] as unknown as [string, ...string[]];

const CommentInputSchema = z
  .object({
    text: z.string().max(5000).openapi({
      description: "Kommentaren, högst 5 000 tecken.",
      example: "Mötena under perioden saknar protokoll.",
    }),
    field: z.enum(COMMENT_FIELDS).nullable().default(null).openapi({
      description:
        "Fältet kommentaren gäller, till exempel answers.steeringMeetingsAsAgreed för ett härlett svar; null eller utelämnat för hela rapporten.",
    }),
  })
  .openapi("PeriodicReportCommentInput");

// ---------------------------------------------------------------------------------------------
// Routes

const base = "/associations/{slug}/periodic-reports";
const one = `${base}/{reportId}`;
const reports = collectionRoutes({
  tag: TAG,
  path: base,
  invalid,
  forbidden: forbiddenInAssociation,
});

export const listPeriodicReportsRoute = reports.list({
  operationId: "listPeriodicReports",
  summary: "Lista periodiska rapporter",
  description:
    "Förbundets periodiska rapporter som nyckelns ägare får se, senaste perioden först: alla med behörigheten reports.view, annars rapporterna för de insatser ägaren är insatsansvarig eller sitter i styrgruppen för. Rapporter som saknas enligt rapportkalendern skapas först. Ingen sådan insats ger 403.",
  query: z.object({
    initiativeId: z.uuid().optional().openapi({ description: "Bara den här insatsens rapporter." }),
    periodKey: PeriodKey.optional(),
    status: ReportStatus.optional(),
  }),
  answers: { 200: json(ReportListSchema, "Rapporterna.") },
});

/** The answer of a change: the report as it is after it. */
const changed = (description: string) => ({
  200: json(PeriodicReportSchema, description),
  409: conflict,
});

const route = itemRoutes({
  tag: TAG,
  path: one,
  params: ReportParams,
  forbidden,
  notFound: reportNotFound,
  invalid,
  actionAnswers: changed("Rapporten efter åtgärden."),
});

export const getPeriodicReportRoute = route.get({
  operationId: "getPeriodicReport",
  summary: "Hämta en periodisk rapport",
  description:
    "Rapporten med insatsens avsnitt, statusfrågorna, de härledda svaren, styrgruppens analys, kansliets registrering och kommentarerna. Kräver behörigheten report.view: i hela förbundet, eller som insatsansvarig eller i styrgruppen för insatsen.",
  answers: { 200: json(PeriodicReportSchema, "Rapporten.") },
});

export const updatePeriodicReportRoute = route.put({
  operationId: "updatePeriodicReport",
  summary: "Spara insatsens del av rapporten",
  description:
    "Ersätter avsnitt 2.1–2.5, statusfrågorna och uppgiftslämnaren i ett utkast eller en rapport som skickats tillbaka för komplettering. En inskickad eller låst rapport ändras inte (400, fältet status). Kräver behörigheten report.write (kansliet, eller insatsansvarig för insatsen) och scope write.",
  body: ReportInputSchema,
  answers: changed("Rapporten efter ändringen."),
});

export const updateSteeringAnalysisRoute = route.put({
  path: "steering-analysis",
  operationId: "updatePeriodicReportSteeringAnalysis",
  summary: "Spara styrgruppens analys",
  description:
    "Ersätter avsnitt 2.6, styrgruppens analys. Går att göra tills rapporten är låst. Kräver behörigheten report.steering (kansliet, eller ledamot i insatsens styrgrupp) och scope write.",
  body: SteeringInputSchema,
  answers: changed("Rapporten efter ändringen."),
});

export const submitPeriodicReportRoute = route.action(
  "submit",
  "submitPeriodicReport",
  "Skicka in rapporten",
  "Skickar in ett utkast eller en kompletterad rapport. Aktiviteterna, varje mål och varje statusfråga ska vara besvarade, och uppgiftslämnaren ifylld; härledda svar som lämnats obesvarade fylls i från Samspårs uppgifter. Fel anges fält för fält. Kräver behörigheten report.write och scope write.",
  VersionOnly,
);

export const registerArrivalRoute = route.action(
  "arrival",
  "registerPeriodicReportArrival",
  "Registrera att rapporten kommit in",
  "Kansliet registrerar ankomstdatum och sina initialer för en inskickad rapport; rapporten får diarienummer (ett nytt ankomstdatum efter en komplettering behåller numret). Kräver behörigheten reports.manage och scope write.",
  ArrivalSchema,
);

export const acceptPeriodicReportRoute = route.action(
  "accept",
  "acceptPeriodicReport",
  "Godkänn och lås rapporten",
  "Kansliet godkänner en inskickad och registrerad rapport. Den låses och kan sedan inte ändras av någon. Kräver behörigheten reports.manage och scope write.",
  VersionOnly,
);

export const returnPeriodicReportRoute = route.action(
  "return",
  "returnPeriodicReport",
  "Skicka tillbaka för komplettering",
  "Kansliet skickar tillbaka en inskickad rapport med vad som ska kompletteras; meddelandet sparas som kommentar och historiken finns kvar. Kräver behörigheten reports.manage och scope write.",
  ReturnSchema,
);

export const commentPeriodicReportRoute = route.post({
  path: "comments",
  operationId: "commentPeriodicReport",
  summary: "Kommentera rapporten",
  description:
    "En kommentar till rapporten eller till ett av dess fält, till exempel ett härlett svar. Går inte när rapporten är låst. Kräver behörigheten reports.manage (kansliet), eller report.write eller report.steering på insatsen (insatsansvarig, styrgruppen), och scope write.",
  body: CommentInputSchema,
  answers: { 201: json(CommentSchema, "Kommentaren sparades.") },
});

const ReminderSentSchema = z
  .object({
    reportId: z.uuid(),
    periodKey: z.string().openapi({ example: "2026-K3" }),
    kind: z.string().openapi({
      description: "Påminnelsens slag: manual- och tidpunkten den skickades.",
      example: "manual-2026-12-06T09:15:00.000Z",
    }),
    sentAt: z.string().openapi({ description: "När påminnelsen skickades (ISO 8601)." }),
    recipients: z
      .array(z.object({ name: z.string(), email: z.string() }))
      .openapi({ description: "Insatsansvariga som fick påminnelsen." }),
  })
  .openapi("PeriodicReportReminderSent");

export const sendPeriodicReportReminderRoute = route.post({
  path: "reminders",
  operationId: "sendPeriodicReportReminder",
  summary: "Skicka en påminnelse nu",
  description:
    "Kansliet påminner insatsens ansvariga om en rapport som inte har skickats in (utkast eller tillbakaskickad): samma e-post som den dagliga påminnelsen, före eller efter sista dag. Samma rapport kan påminnas högst en gång i minuten (409). En inskickad eller låst rapport, eller en insats utan ansvarig med e-postadress, ger 400. Kräver behörigheten reports.manage och scope write. Brödtexten är ett tomt objekt.",
  body: z.object({}).strict(),
  answers: {
    201: json(ReminderSentSchema, "Påminnelsen är skickad."),
    409: problem("Rapporten fick en påminnelse för mindre än en minut sedan."),
  },
});

export const listPeriodicReportVersionsRoute = route.get({
  path: "versions",
  operationId: "listPeriodicReportVersions",
  summary: "Rapportens historik",
  description:
    "Varje sparad version av rapporten: vem, när och varför. Historiken skrivs aldrig om. Kräver behörigheten report.view.",
  answers: { 200: json(VersionListSchema, "Versionerna, nyaste först.") },
});

export const listStatusAnswersRoute = collectionRoutes({
  tag: TAG,
  path: "/associations/{slug}/status-answers",
  invalid,
  forbidden: forbiddenInAssociation,
}).list({
  operationId: "listStatusAnswers",
  summary: "Statussvaren som data",
  description:
    "Svaren på statusfrågorna och målens bedömningar ur varje insats inskickade eller låsta rapport, per period, som koder med kommentarer: underlaget för uppföljningen. Vad koderna betyder står i schemat PeriodicReportStatusAnswers. Rapporter som är utkast eller åter för komplettering är inte med. Samma insatser som i listan över rapporter.",
  query: z.object({
    periodKey: PeriodKey.optional(),
    from: z.iso.date().optional().openapi({
      description: "Bara perioder som slutar denna dag eller senare, ÅÅÅÅ-MM-DD.",
      example: "2026-01-01",
    }),
    to: z.iso.date().optional().openapi({
      description: "Bara perioder som slutar denna dag eller tidigare, ÅÅÅÅ-MM-DD.",
      example: "2026-12-31",
    }),
  }),
  answers: { 200: json(StatusAnswerListSchema, "Statussvaren.") },
});

// ---------------------------------------------------------------------------------------------
// Handlers

const REPORT_NOT_FOUND = "Rapporten finns inte i förbundet, eller så får du inte se den.";

/** Some report of the association: all of them, or those of the principal's initiatives. */
const someReport = someVisible(visibleReports);

type ReportRule = Rule;

const periodic = guardedItem({
  idParam: "reportId",
  view: "report.view",
  notFound: REPORT_NOT_FOUND,
  load: getPeriodicReport,
  out: reportOut,
});

/**
 * The guard for one report (see guardedItem): 404 unless the principal may see the report,
 * then `rule` (by default `permission` on the report's initiative; 403).
 */
const reportGuard = periodic.guard;

/** The report the guard read, or a fresh read after a change. */
const details = periodic.details;

type AnswerOut = { answer: string | null; comment: string };
type Answers = z.infer<typeof StatusAnswersSchema>;
/** The stored answers in the documented shape (codes as stored; the use case checked them). */
const answersOut = (answers: Partial<Record<StatusQuestionKey, AnswerOut>>): Answers =>
  Object.fromEntries(
    STATUS_QUESTIONS.map((q) => [
      q.key,
      { answer: answers[q.key]?.answer ?? null, comment: answers[q.key]?.comment ?? "" },
    ]),
  ) as Answers;

type Assessment = (typeof GOAL_ASSESSMENTS)[number];

const commentOut = (c: PeriodicReportDetails["comments"][number]) => ({
  id: c.id,
  field: c.field,
  authorName: c.authorName,
  text: c.text,
  createdAt: c.createdAt.toISOString(),
});

function reportOut(d: PeriodicReportDetails) {
  const c = d.content;
  const s = d.steeringAnalysis;
  return {
    id: d.id,
    initiativeId: d.initiativeId,
    initiativeName: d.initiativeName,
    initiativeStatus: d.initiativeStatus,
    ownerName: d.ownerName,
    periodKey: d.periodKey,
    periodStart: d.periodStart,
    periodEnd: d.periodEnd,
    dueDate: d.dueDate,
    status: d.status,
    overdue: d.overdue,
    content: {
      activities: c.activities ?? "",
      deviations: c.deviations ?? "",
      userParticipation: c.userParticipation ?? "",
      goingWell: c.goingWell ?? "",
      goingLessWell: c.goingLessWell ?? "",
      successFactors: c.successFactors ?? "",
      systemFaults: c.systemFaults ?? "",
      measures: c.measures ?? "",
      goals: c.goals.map((g) => ({
        goalId: g.goalId,
        goalText: g.goalText,
        assessment: g.assessment as Assessment | null,
        comment: g.comment,
      })),
      answers: answersOut(c.answers),
      reportedBy: c.reportedBy ?? "",
      reportedOn: c.reportedOn ?? null,
    },
    startedOnTimeCarried: d.startedOnTimeCarried,
    derived: d.derived,
    steeringAnalysis: {
      goalFulfilment: s.goalFulfilment ?? "",
      budget: s.budget ?? "",
      deviations: s.deviations ?? "",
      implementationPlan: s.implementationPlan ?? "",
      writtenBy: s.writtenBy ?? "",
      writtenOn: s.writtenOn ?? null,
    },
    submittedAt: iso(d.submittedAt),
    arrivalDate: d.arrivalDate,
    registryNumber: d.registryNumber,
    receivedByInitials: d.receivedByInitials,
    lockedAt: iso(d.lockedAt),
    comments: d.comments.map(commentOut),
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    version: d.version,
  };
}

export function registerPeriodicReportRoutes(
  app: OpenAPIHono<ApiEnv>,
  services: AppServices,
): void {
  app.openapi(
    guarded(listPeriodicReportsRoute, guard(services, "reports.view", someReport)),
    async (c) => {
      const association = associationOf(c);
      const { initiativeId, periodKey, status } = c.req.valid("query");
      await ensurePeriodicReports(services.db, association.id, todayInSweden());
      const rows = await listPeriodicReports(services.db, association.id, {
        visible: visibleReports(principalOf(c), association.id),
        initiativeId,
        periodKey,
        status,
      });
      return c.json(
        {
          items: rows.map((r) => ({
            id: r.id,
            initiativeId: r.initiativeId,
            initiativeName: r.initiativeName,
            periodKey: r.periodKey,
            periodStart: r.periodStart,
            periodEnd: r.periodEnd,
            dueDate: r.dueDate,
            status: r.status,
            submittedAt: iso(r.submittedAt),
            arrivalDate: r.arrivalDate,
            registryNumber: r.registryNumber,
            overdue: r.overdue,
            submittedLate: r.submittedLate,
            version: r.version,
          })),
        },
        200,
      );
    },
  );

  app.openapi(guarded(getPeriodicReportRoute, reportGuard(services, "report.view")), (c) =>
    periodic.show(services, c),
  );

  app.openapi(guarded(updatePeriodicReportRoute, reportGuard(services, "report.write")), (c) => {
    const { version, goals, answers, reportedBy, reportedOn, ...texts } = c.req.valid("json");
    const input: PeriodicReportInput = {
      texts,
      goals: goals.map((g) => ({
        goalId: g.goalId,
        goalText: g.goalText,
        assessment: g.assessment ?? "",
        comment: g.comment,
      })),
      answers: Object.fromEntries(
        Object.entries(answers).flatMap(([key, a]) =>
          a ? [[key, { answer: a.answer ?? "", comment: a.comment }]] : [],
        ),
      ),
      reportedBy,
      reportedOn: reportedOn ?? "",
    };
    return periodic.change(services, c, (...at) => savePeriodicReport(...at, version, input));
  });

  app.openapi(
    guarded(updateSteeringAnalysisRoute, reportGuard(services, "report.steering")),
    (c) => {
      const { version, writtenOn, ...input } = c.req.valid("json");
      return periodic.change(services, c, (...at) =>
        saveSteeringAnalysis(...at, version, { ...input, writtenOn: writtenOn ?? "" }),
      );
    },
  );

  app.openapi(guarded(submitPeriodicReportRoute, reportGuard(services, "report.write")), (c) => {
    const { version } = c.req.valid("json");
    return periodic.change(services, c, (...at) => submitPeriodicReport(...at, version));
  });

  const office: ReportRule = (principal, associationId) =>
    can(principal, "reports.manage", associationId);

  app.openapi(
    guarded(registerArrivalRoute, reportGuard(services, "reports.manage", office)),
    (c) => {
      const { version, arrivalDate, initials } = c.req.valid("json");
      return periodic.change(services, c, (...at) =>
        registerArrival(...at, version, { arrivalDate, initials }),
      );
    },
  );

  app.openapi(
    guarded(acceptPeriodicReportRoute, reportGuard(services, "reports.manage", office)),
    (c) => {
      const { version } = c.req.valid("json");
      return periodic.change(services, c, (...at) => acceptPeriodicReport(...at, version));
    },
  );

  app.openapi(
    guarded(returnPeriodicReportRoute, reportGuard(services, "reports.manage", office)),
    (c) => {
      const { version, message } = c.req.valid("json");
      return periodic.change(services, c, (...at) =>
        renamingFields({ returnMessage: "message" }, () =>
          returnPeriodicReport(...at, version, message),
        ),
      );
    },
  );

  app.openapi(
    guarded(sendPeriodicReportReminderRoute, reportGuard(services, "reports.manage", office)),
    async (c) => {
      const { reportId } = c.req.valid("param");
      const sent = await sendReminderNow(
        services.db,
        { mailer: services.mailer, baseUrl: services.config.baseUrl },
        actorOf(c),
        associationOf(c).id,
        reportId,
      );
      return c.json(
        {
          reportId: sent.reportId,
          periodKey: sent.periodKey,
          kind: sent.kind,
          sentAt: sent.sentAt.toISOString(),
          recipients: sent.recipients,
        },
        201,
      );
    },
  );

  // the office, the lead and the steering group discuss the report; the board reads it
  app.openapi(
    guarded(
      commentPeriodicReportRoute,
      reportGuard(
        services,
        "report.steering",
        (principal, associationId, initiativeId) =>
          can(principal, "reports.manage", associationId) ||
          canOnInitiative(principal, "report.write", associationId, initiativeId) ||
          canOnInitiative(principal, "report.steering", associationId, initiativeId),
      ),
    ),
    async (c) => {
      const { reportId } = c.req.valid("param");
      const { text, field } = c.req.valid("json");
      const id = await renamingFields({ comment: "text" }, () =>
        commentOnPeriodicReport(
          services.db,
          actorOf(c),
          associationOf(c).id,
          reportId,
          text,
          field,
        ),
      );
      const comment = (await details(services, c, true)).comments.find((x) => x.id === id);
      if (!comment) throw new Error("comment not found after insert");
      return c.json(commentOut(comment), 201);
    },
  );

  app.openapi(
    guarded(listPeriodicReportVersionsRoute, reportGuard(services, "report.view")),
    async (c) => {
      const { reportId } = c.req.valid("param");
      const rows = await listReportVersions(services.db, "periodic", reportId);
      return c.json(
        {
          items: rows.map((v) => ({
            version: v.version,
            status: v.status as (typeof PERIODIC_REPORT_STATUSES)[number],
            event: v.event,
            note: v.note,
            actorName: v.actorName,
            createdAt: v.createdAt.toISOString(),
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    guarded(listStatusAnswersRoute, guard(services, "reports.view", someReport)),
    async (c) => {
      const association = associationOf(c);
      const { periodKey, from, to } = c.req.valid("query");
      const rows = await statusAnswers(services.db, association.id, {
        visible: visibleReports(principalOf(c), association.id),
        ...(periodKey ? { periodKey } : {}),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
      });
      return c.json(
        {
          items: rows.map((r) => ({
            reportId: r.reportId,
            initiativeId: r.initiativeId,
            initiativeName: r.initiativeName,
            periodKey: r.periodKey,
            periodStart: r.periodStart,
            periodEnd: r.periodEnd,
            status: r.status as "inskickad" | "last",
            version: r.version,
            answers: answersOut(r.answers),
            goals: r.goals.map((g) => ({
              goalText: g.goalText,
              assessment: g.assessment as Assessment | null,
            })),
          })),
        },
        200,
      );
    },
  );
}
