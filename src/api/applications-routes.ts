// Applications in the API: the list, drafts created and saved, signatures, the way from
// submission through preparation to the decision, the version history with its diff, and the
// application as a DOCX or PDF document. The use cases in src/applications decide what may be
// stored; this file authorizes (before validation, like every association operation), reads
// the request with zod schemas that also make the OpenAPI document, and shapes the answers.
//
// An application the caller may not see answers 404, exactly like one that does not exist;
// one the caller sees but may not act on answers 403.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { can, canCreateApplication, visibleApplications } from "../access/policy.ts";
import { BUDGET_CATEGORIES, CO_FINANCING_KINDS } from "../applications/content.ts";
import { diffContent } from "../applications/diff.ts";
import { renderApplicationDocument } from "../applications/documents/render.ts";
import {
  type ApplicationDetails,
  getApplication,
  getApplicationVersion,
  listApplications,
  listApplicationVersions,
} from "../applications/get-application.ts";
import { createApplication, saveApplication } from "../applications/save-application.ts";
import { APPLICATION_STATUSES, applications } from "../applications/schema.ts";
import { getAssociationLogo } from "../applications/settings.ts";
import { recordPaperSignature, requestSignature } from "../applications/signatures.ts";
import {
  addComment,
  decideApplication,
  returnForCompletion,
  startPreparation,
  submitApplication,
} from "../applications/workflow.ts";
import { associations } from "../associations/schema.ts";
import { GOAL_KINDS, INITIATIVE_STATUSES, ORIENTATIONS } from "../initiatives/schema.ts";
import { NotFoundError } from "../platform/errors.ts";
import type { AppServices } from "../platform/http/request-context.ts";
import { actorOf, associationOf, guard, guarded, principalOf } from "./app.ts";
import {
  documentBody,
  guardedItem,
  iso,
  itemParams,
  itemProblems,
  itemRoutes,
  refuse,
  renamingFields,
  someVisible,
  versionsOut,
} from "./item-operations.ts";
import {
  collectionRoutes,
  commentSchema,
  common,
  DocumentQuery,
  documentAnswers,
  invalid,
  isoDateLike,
  json,
  narrative,
  numberOrText,
  optionalDate,
  problem,
  security,
  timestampLike,
  versionFields,
  versionListSchema,
  whole,
} from "./operation-kit.ts";
import type { ApiEnv } from "./problems.ts";
import {
  partiesSchema,
  signatureBodies,
  signatureHandlers,
  signatureState,
  signatureTimes,
  signerFields,
} from "./signature-routes-kit.ts";

// ---------------------------------------------------------------------------------------------
// Schemas

const TAG = "Ansökningar";

const { forbidden, notFound: applicationNotFound, conflict } = itemProblems("ansökan");

const ApplicationParams = itemParams(
  "applicationId",
  "Ansökans id.",
  "8d1c2a4e-6f3b-4c1d-9e2a-5b7f0c3d4e21",
);

const ApplicationStatus = z.enum(APPLICATION_STATUSES).openapi({
  description:
    "Ansökans status: utkast, inskickad, under_beredning, komplettering (åter för komplettering), beviljad eller avslagen.",
  example: "inskickad",
});

const Orientation = z.enum(ORIENTATIONS).openapi({
  description: "individual (individinriktad) eller structural (strukturövergripande).",
  example: "individual",
});

const GoalKind = z.enum(GOAL_KINDS).openapi({
  description: "Sorts mål: resultatmal, insatsmal eller effektmal.",
  example: "resultatmal",
});

const BudgetCategory = z.enum(BUDGET_CATEGORIES).openapi({
  description: "Kostnadsslag: personal, lokaler, resor, material, utvardering eller ovrigt.",
  example: "personal",
});

const CoFinancingKind = z.enum(CO_FINANCING_KINDS).openapi({
  description:
    "Vad parten bidrar med: pengar, personaltid eller deltagarersattning (deltagarnas ersättningar, ESF).",
  example: "personaltid",
});

const isoDate = isoDateLike("2027-01-01");
const timestamp = timestampLike("2026-11-02T09:30:00.000Z");

export const ApplicationContentSchema = z
  .object({
    name: z.string().openapi({ description: "Insatsens namn.", example: "Tierp, Nya vägar" }),
    ownerOrganisationId: z
      .string()
      .openapi({ description: "Insatsägaren, en av förbundets medlemsorganisationer." }),
    partnerIds: z.array(z.string()).openapi({ description: "Samverkansparterna." }),
    orientation: Orientation,
    preRehabilitation: z.boolean().openapi({ description: "Förrehabiliterande." }),
    esf: z.boolean().openapi({ description: "Medfinansierad av ESF." }),
    purpose: narrative("Syfte.", "Fler unga vuxna i Tierp ska nå arbete eller studier."),
    goals: z.array(
      z.object({
        text: z.string().openapi({ example: "Till arbete eller studier" }),
        kind: GoalKind,
        targetNumber: whole("Mätbart mål som antal, eller null.", 20),
        targetPercent: whole("Mätbart mål som andel i hela procent, eller null.", 60),
      }),
    ),
    background: narrative("Bakgrund och behov.", "Många unga vuxna står långt från arbete."),
    startDate: isoDate("Planerad start, eller null."),
    endDate: isoDate("Planerat slut, eller null."),
    lastIntakeDate: isoDate("Sista intag, eller null."),
    targetGroup: z.string().openapi({ description: "Målgruppen.", example: "Unga vuxna 18–29 år" }),
    expectedParticipants: whole("Förväntat antal deltagare, eller null.", 40),
    expectedParticipantsOngoing: z.boolean().openapi({
      description: "true: antalet gäller samtidigt inskrivna; false: under hela perioden.",
    }),
    localUnits: z.array(
      z.object({
        name: z.string().openapi({ example: "Tierp" }),
        expectedParticipants: whole("Förväntat antal deltagare i delområdet, eller null.", 25),
      }),
    ),
    genderTargetWomenPercent: whole(
      "Mål för könsfördelning: andelen kvinnor i hela procent, eller null.",
      50,
    ),
    methods: narrative("Metod(er).", "Supported employment och MI."),
    followUp: narrative("Uppföljning och utvärdering.", "Kvartalsvis uppföljning i styrgruppen."),
    implementation: narrative(
      "Tillvaratagande och implementering.",
      "Arbetssättet förs in i kommunens arbetsmarknadsenhet.",
    ),
    budget: z
      .array(
        z.object({
          year: z.number().int().openapi({ example: 2027 }),
          category: BudgetCategory,
          amount: z.number().int().openapi({ description: "Hela kronor.", example: 900000 }),
        }),
      )
      .openapi({
        description: "Sökta medel från förbundet per år och kostnadsslag, i hela kronor.",
      }),
    coFinancing: z
      .array(
        z.object({
          year: z.number().int().openapi({ example: 2027 }),
          organisationId: z.string().openapi({ description: "En av insatsens parter." }),
          kind: CoFinancingKind,
          amount: z.number().int().openapi({ description: "Hela kronor.", example: 200000 }),
        }),
      )
      .openapi({ description: "Egen- och medfinansiering per part och år, i hela kronor." }),
    anchored: z.boolean().nullable().openapi({
      description:
        "Diskuterad i lokal eller strategisk utvecklingsgrupp: true, false, eller null för obesvarat.",
    }),
    anchoringDescription: z
      .string()
      .openapi({ description: "Hur och när ansökan förankrades.", example: "LOKUS 2026-09-10." }),
  })
  .openapi("ApplicationContent", {
    description:
      "Ansökans innehåll så som det är sparat. Samma form kan skickas tillbaka vid ändring.",
  });

const text = (description: string, example: string) =>
  z.string().max(25_000).default("").openapi({ description, example });

const ApplicationFields = {
  name: z
    .string()
    .openapi({ description: "Insatsens namn, högst 200 tecken.", example: "Tierp, Nya vägar" }),
  ownerOrganisationId: z
    .uuid()
    .openapi({ description: "Insatsägaren: en av förbundets medlemsorganisationer." }),
  partnerIds: z.array(z.uuid()).default([]).openapi({
    description:
      "Samverkansparterna, inte insatsägaren. Ett utkast kan sakna dem; minst en krävs för att skicka in.",
  }),
  orientation: Orientation.default("individual"),
  preRehabilitation: z
    .boolean()
    .default(false)
    .openapi({ description: "Förrehabiliterande: målet är en plan mot arbete eller studier." }),
  esf: z.boolean().default(false).openapi({ description: "Medfinansierad av ESF." }),
  purpose: text("Syfte.", "Fler unga vuxna i Tierp ska nå arbete eller studier."),
  goals: z
    .array(
      z.object({
        text: z.string().max(2000).openapi({ example: "Till arbete eller studier" }),
        kind: GoalKind,
        targetNumber: numberOrText("Mätbart mål som antal.", 20),
        targetPercent: numberOrText("Mätbart mål som andel i hela procent, högst 100.", "60 %"),
      }),
    )
    .default([])
    .openapi({ description: "Insatsens mål, i ordning." }),
  background: text("Bakgrund och behov.", "Många unga vuxna står långt från arbetsmarknaden."),
  startDate: optionalDate("Planerad start."),
  endDate: optionalDate("Planerat slut, inte före start."),
  lastIntakeDate: optionalDate("Sista intag, mellan start och slut."),
  targetGroup: text("Målgruppen.", "Unga vuxna 18–29 år"),
  expectedParticipants: numberOrText("Förväntat antal deltagare.", 40),
  expectedParticipantsOngoing: z.boolean().default(false).openapi({
    description: "true: antalet gäller samtidigt inskrivna; false: under hela perioden.",
  }),
  localUnits: z
    .array(
      z.object({
        name: z.string().max(200).openapi({ example: "Tierp" }),
        expectedParticipants: numberOrText("Förväntat antal deltagare i delområdet.", 25),
      }),
    )
    .default([])
    .openapi({ description: "Fördelning per kommun eller delområde, i ordning." }),
  genderTargetWomenPercent: numberOrText(
    "Mål för könsfördelning: andelen kvinnor i hela procent.",
    50,
  ),
  methods: text("Metod(er).", "Supported employment och MI."),
  followUp: text("Uppföljning och utvärdering.", "Kvartalsvis uppföljning i styrgruppen."),
  implementation: text(
    "Tillvaratagande och implementering.",
    "Arbetssättet förs in i kommunens arbetsmarknadsenhet.",
  ),
  budget: z
    .array(
      z.object({
        year: numberOrText("År, inom insatsens period.", 2027),
        category: BudgetCategory,
        amount: numberOrText("Belopp i hela kronor.", "900 000"),
      }),
    )
    .default([])
    .openapi({
      description:
        "Sökta medel per år och kostnadsslag. Rader utan belopp och med beloppet 0 tas bort; ett år och kostnadsslag får stå en gång.",
    }),
  coFinancing: z
    .array(
      z.object({
        year: numberOrText("År, inom insatsens period.", 2027),
        organisationId: z.uuid().openapi({ description: "En av insatsens parter." }),
        kind: CoFinancingKind,
        amount: numberOrText("Belopp i hela kronor.", "200 000"),
      }),
    )
    .default([])
    .openapi({ description: "Egen- och medfinansiering per part och år." }),
  anchored: z.boolean().nullable().default(null).openapi({
    description:
      "Diskuterad i lokal eller strategisk utvecklingsgrupp; null eller utelämnat för obesvarat.",
  }),
  anchoringDescription: text("Hur och när ansökan förankrades.", "Diskuterad i LOKUS 2026-09-10."),
};

const Version = (description: string) =>
  z.number().int().min(1).openapi({ description, example: 3 });

const READ_VERSION =
  "Versionen du läste. Har någon annan ändrat ansökan sedan dess blir svaret 409, och `changes` anger vad som skiljer.";

const ApplicationCreateSchema = z
  .object({
    ...ApplicationFields,
    onPaper: z.boolean().default(false).openapi({
      description:
        "Ansökan kom in på papper eller med e-post och registreras av kansliet. Kräver behörigheten applications.manage.",
    }),
  })
  .openapi("ApplicationInput", {
    description:
      "En ny ansökan. Ett utkast får vara ofullständigt men inte motsägelsefullt: namn och insatsägare krävs, och det som är ifyllt ska stämma. Utelämnade fält får sina standardvärden.",
  });

const ApplicationUpdateSchema = z
  .object({ ...ApplicationFields, version: Version(READ_VERSION) })
  .openapi("ApplicationUpdate", {
    description:
      "Hela innehållet, som vid registrering, och versionen du läste. Utelämnade valfria fält får sina standardvärden. Sparat innehåll tar bort givna underskrifter.",
  });

const SignatureSchema = z
  .object({
    state: signatureState(),
    method: z
      .enum(["link", "paper"])
      .openapi({ description: "link: via e-postad länk; paper: registrerad från papper." }),
    ...signerFields("karin.ek@tierp.se"),
    requestedAt: timestamp("När underskriften begärdes eller registrerades."),
    ...signatureTimes(isoDate, timestamp),
    signedVersion: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "Ansökans version när den skrevs under." }),
  })
  .openapi("ApplicationSignature", {
    description: "En parts underskrift eller begäran om underskrift. Länkens nyckel visas aldrig.",
  });

const DecisionSchema = z
  .object({
    decision: z.enum(["beviljad", "avslagen"]),
    amount: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "Beviljat belopp i hela kronor.", example: 1800000 }),
    startDate: isoDate("Beviljad period: start."),
    endDate: isoDate("Beviljad period: slut."),
    conditions: z.string().nullable().openapi({ description: "Villkor för beslutet." }),
    meeting: z.string().openapi({ example: "Styrelsemöte 2026-11-20" }),
    paragraph: z.string().openapi({ description: "Paragraf i protokollet.", example: "14" }),
    decisionDate: isoDate("Beslutsdatum."),
  })
  .openapi("ApplicationDecision");

const CommentSchema = commentSchema("ApplicationComment", {
  authorExample: "Ada Admin",
  textExample: "Budgeten för 2028 behöver förklaras.",
  timestamp,
  description: "En kommentar i beredningen.",
});

export const ApplicationSchema = z
  .object({
    id: z.uuid(),
    initiativeId: z.uuid().openapi({
      description:
        "Insatsen ansökan gäller. Medan ansökan är öppen följer insatsen ansökans innehåll.",
    }),
    initiativeStatus: z.enum(INITIATIVE_STATUSES).openapi({ description: "Insatsens status." }),
    status: ApplicationStatus,
    registryNumber: z
      .string()
      .nullable()
      .openapi({ description: "Diarienummer, när ansökan kommit in.", example: "2026/7" }),
    arrivalDate: isoDate("Dagen ansökan kom in, eller null."),
    receivedOnPaper: z
      .boolean()
      .openapi({ description: "Kom in på papper eller med e-post och registrerades av kansliet." }),
    formVersion: z.string().openapi({
      description: "Blankettens version när ansökan skapades.",
      example: "Ansökan 2026:1",
    }),
    submittedAt: timestamp("När ansökan senast skickades in.").nullable(),
    returnMessage: z.string().nullable().openapi({
      description: "Vad den sökande ska komplettera, när ansökan skickats tillbaka.",
    }),
    content: ApplicationContentSchema,
    parties: partiesSchema(
      SignatureSchema,
      "Insatsägaren och samverkansparterna, med underskrifter.",
    ),
    allSigned: z.boolean().openapi({ description: "Alla parter har skrivit under." }),
    comments: z
      .array(CommentSchema)
      .openapi({ description: "Beredningens kommentarer, i ordning." }),
    decision: DecisionSchema.nullable().openapi({ description: "Beslutet, när det är fattat." }),
    createdAt: timestamp("När ansökan skapades."),
    updatedAt: timestamp("När ansökan senast ändrades."),
    version: z.number().int().openapi({
      description: "Ökar vid varje ändring av innehåll eller status; skicka med den vid ändring.",
      example: 3,
    }),
  })
  .openapi("Application", {
    description: "En ansökan med innehåll, parter och underskrifter, beredning och beslut.",
  });

const ApplicationSummarySchema = z
  .object({
    id: z.uuid(),
    initiativeId: z.uuid(),
    name: z.string().openapi({ example: "Tierp, Nya vägar" }),
    ownerName: z.string().openapi({ example: "Tierps kommun" }),
    status: ApplicationStatus,
    registryNumber: z.string().nullable().openapi({ example: "2026/7" }),
    arrivalDate: isoDate("Dagen ansökan kom in, eller null."),
    receivedOnPaper: z.boolean(),
    startDate: isoDate("Planerad start, eller null."),
    endDate: isoDate("Planerat slut, eller null."),
    requested: z
      .number()
      .int()
      .openapi({ description: "Sökta medel totalt, hela kronor.", example: 1850000 }),
    decisionDate: isoDate("Beslutsdatum, eller null."),
    decidedAmount: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "Beviljat belopp, hela kronor.", example: 1800000 }),
    updatedAt: timestamp("När ansökan senast ändrades."),
  })
  .openapi("ApplicationSummary", { description: "En ansökan i listan, i korthet." });

const ApplicationListSchema = z
  .object({ items: z.array(ApplicationSummarySchema) })
  .openapi("ApplicationList");

const VersionSummaryFields = versionFields(ApplicationStatus, {
  events:
    "created, saved, submitted, registered, preparation_started, returned, completed eller decided",
  eventExample: "saved",
  note: "Anteckning, till exempel diarienumret.",
  actor: { description: "Vem som gjorde ändringen.", example: "Ada Admin" },
  timestamp,
});

const VersionListSchema = versionListSchema(
  "ApplicationVersionList",
  VersionSummaryFields,
  "Ansökans versioner, nyaste först.",
);

const VersionSchema = z
  .object({ ...VersionSummaryFields, content: ApplicationContentSchema })
  .openapi("ApplicationVersion", { description: "En sparad version, med innehållet som det var." });

const DiffSchema = z
  .object({
    from: z.number().int().openapi({ example: 1 }),
    to: z.number().int().openapi({ example: 2 }),
    changes: z.array(
      z.object({
        field: z.string().openapi({ example: "purpose" }),
        label: z.string().openapi({ example: "Syfte" }),
        before: z.array(z.string()).openapi({ description: "Fältet i den första versionen." }),
        after: z.array(z.string()).openapi({ description: "Fältet i den andra versionen." }),
        lines: z
          .array(z.object({ op: z.enum(["same", "removed", "added"]), text: z.string() }))
          .openapi({ description: "Raderna i ordning: oförändrade, borttagna och tillagda." }),
      }),
    ),
  })
  .openapi("ApplicationDiff", {
    description:
      "Fälten som skiljer mellan två versioner, som text en människa läser (organisationernas namn, inte id).",
  });

const VersionOnly = z.object({ version: Version(READ_VERSION) }).openapi("ApplicationVersionInput");

const SubmitSchema = z
  .object({
    version: Version(READ_VERSION),
    arrivalDate: z.iso.date().optional().openapi({
      description:
        "Bara för kansliet (applications.manage), för ett original som kom in på papper: dagen det kom in, ÅÅÅÅ-MM-DD, inte i framtiden. Utelämnat: i dag.",
      example: "2026-11-02",
    }),
  })
  .openapi("ApplicationSubmit");

const ReturnSchema = z
  .object({
    version: Version(READ_VERSION),
    message: z.string().max(5000).openapi({
      description: "Vad den sökande behöver komplettera.",
      example: "Förklara ökningen av personalkostnaden 2028.",
    }),
  })
  .openapi("ApplicationReturn");

const CommentInputSchema = z
  .object({
    text: z.string().max(5000).openapi({
      description: "Kommentaren, högst 5 000 tecken.",
      example: "Budgeten för 2028 behöver förklaras.",
    }),
  })
  .openapi("ApplicationCommentInput");

const DecisionInputSchema = z
  .object({
    version: Version(READ_VERSION),
    decision: z.enum(["beviljad", "avslagen"]).openapi({ example: "beviljad" }),
    amount: numberOrText("Beviljat belopp i hela kronor; krävs när ansökan beviljas.", "1 800 000"),
    startDate: optionalDate("Beviljad period: start; krävs när ansökan beviljas."),
    endDate: optionalDate("Beviljad period: slut; krävs när ansökan beviljas."),
    conditions: z
      .string()
      .max(5000)
      .nullable()
      .default(null)
      .openapi({ description: "Villkor för beslutet, om några." }),
    meeting: z.string().max(200).openapi({
      description: "Mötet som fattade beslutet.",
      example: "Styrelsemöte 2026-11-20",
    }),
    paragraph: z
      .string()
      .max(20)
      .openapi({ description: "Paragraf i protokollet, med eller utan §.", example: "§ 14" }),
    decisionDate: z.iso
      .date()
      .openapi({ description: "Beslutsdatum, inte i framtiden.", example: "2026-11-20" }),
  })
  .openapi("ApplicationDecisionInput");

const { request: SignatureRequestSchema, paper: PaperSignatureSchema } = signatureBodies(
  { request: "SignatureRequest", paper: "PaperSignature" },
  "karin.ek@tierp.se",
);

// ---------------------------------------------------------------------------------------------
// Routes

const base = "/associations/{slug}/applications";
const one = `${base}/{applicationId}`;
const applicationList = collectionRoutes({ tag: TAG, path: base });

export const listApplicationsRoute = applicationList.list({
  operationId: "listApplications",
  summary: "Lista ansökningar",
  description:
    "Förbundets ansökningar som nyckelns ägare får se, senast ändrade först: alla med behörigheten applications.view, annars ansökningarna för de insatser ägaren är insatsansvarig eller sitter i styrgruppen för. Ingen sådan ansökan ger 403.",
  query: z.object({ status: ApplicationStatus.optional() }),
  answers: { 200: json(ApplicationListSchema, "Ansökningarna.") },
});

export const createApplicationRoute = applicationList.create({
  operationId: "createApplication",
  summary: "Påbörja en ansökan",
  description:
    "Skapar ett utkast och en insats i status ansökan som följer det. Kräver behörigheten applications.create, eller att nyckelns ägare är insatsansvarig i förbundet: då blir hen insatsansvarig också för den nya insatsen. Scope write. Händelsen förs in i granskningsloggen.",
  body: ApplicationCreateSchema,
  answers: { 201: json(ApplicationSchema, "Utkastet skapades.") },
});

const after = json(ApplicationSchema, "Ansökan efter åtgärden.");

const route = itemRoutes({
  tag: TAG,
  path: one,
  params: ApplicationParams,
  forbidden,
  notFound: applicationNotFound,
  actionAnswers: { 200: after, 409: conflict },
});

export const getApplicationRoute = route.get({
  operationId: "getApplication",
  summary: "Hämta en ansökan",
  description:
    "Ansökan med innehåll, parter och underskrifter, kommentarer och beslut. Kräver behörigheten application.view: i hela förbundet, eller som insatsansvarig eller i styrgruppen för insatsen.",
  answers: { 200: json(ApplicationSchema, "Ansökan.") },
});

export const updateApplicationRoute = route.put({
  operationId: "updateApplication",
  summary: "Spara en ansökan",
  description:
    "Ersätter innehållet i ett utkast eller en ansökan som skickats tillbaka för komplettering. Ett utkast får vara ofullständigt men inte motsägelsefullt. Givna underskrifter tas bort när innehållet ändras. Kräver behörigheten application.edit (kansliet, eller insatsansvarig för insatsen) och scope write.",
  body: ApplicationUpdateSchema,
  answers: { 200: json(ApplicationSchema, "Ansökan efter ändringen."), 409: conflict },
});

export const submitApplicationRoute = route.action(
  "submit",
  "submitApplication",
  "Skicka in en ansökan",
  "Skickar in ett utkast eller en kompletterad ansökan. Alla obligatoriska fält ska vara ifyllda och alla parter ska ha skrivit under. Ansökan får diarienummer och ankomstdatum. Kräver behörigheten application.edit och scope write; ankomstdatum för ett pappersoriginal kräver applications.manage.",
  SubmitSchema,
);

export const startPreparationRoute = route.action(
  "preparation",
  "startApplicationPreparation",
  "Ta upp en ansökan för beredning",
  "En inskickad ansökan blir under beredning. Kräver behörigheten applications.manage och scope write.",
  VersionOnly,
);

export const returnApplicationRoute = route.action(
  "return",
  "returnApplication",
  "Skicka tillbaka för komplettering",
  "Skickar tillbaka en inskickad ansökan eller en under beredning till den sökande, med vad som ska kompletteras. Kräver behörigheten applications.manage och scope write.",
  ReturnSchema,
);

export const commentApplicationRoute = route.post({
  path: "comments",
  operationId: "commentApplication",
  summary: "Kommentera i beredningen",
  description:
    "En kommentar till en ansökan som kommit in. Kräver behörigheten applications.comment och scope write.",
  body: CommentInputSchema,
  answers: { 201: json(CommentSchema, "Kommentaren sparades.") },
});

export const decideApplicationRoute = route.action(
  "decision",
  "decideApplication",
  "Registrera beslutet",
  "Beviljar eller avslår en inskickad ansökan eller en under beredning. Ett beviljande ger insatsen den beviljade perioden och gör den pågående (eller beviljad, till starten); ett avslag gör insatsen avslagen. Kräver behörigheten applications.decide och scope write.",
  DecisionInputSchema,
);

export const requestSignatureRoute = route.post({
  path: "signatures",
  operationId: "requestApplicationSignature",
  summary: "Begär en underskrift",
  description:
    "Skickar en engångslänk med e-post till den som är behörig att skriva under för en part; länken gäller i 14 dagar. En ny begäran för samma part ersätter den förra. Ansökan ska vara komplett. Kräver behörigheten application.edit och scope write.",
  body: SignatureRequestSchema,
  answers: { 200: after },
});

export const recordPaperSignatureRoute = route.post({
  path: "signatures/paper",
  operationId: "recordPaperSignature",
  summary: "Registrera en underskrift från papper",
  description:
    "Kansliet registrerar en parts underskrift från ett underskrivet pappersoriginal. Kräver behörigheten applications.manage och scope write.",
  body: PaperSignatureSchema,
  answers: { 200: after },
});

export const listApplicationVersionsRoute = route.get({
  path: "versions",
  operationId: "listApplicationVersions",
  summary: "Ansökans historik",
  description: "Varje sparad version: vem, när och varför. Kräver behörigheten application.view.",
  answers: { 200: json(VersionListSchema, "Versionerna, nyaste först.") },
});

const VersionNumber = (name: string, description: string) =>
  z.coerce
    .number()
    .int()
    .min(1)
    .openapi({
      param: { name, in: name === "version" ? "path" : "query" },
      description,
      example: 1,
    });

export const getApplicationVersionRoute = createRoute({
  method: "get",
  path: `${one}/versions/{version}`,
  operationId: "getApplicationVersion",
  tags: [TAG],
  summary: "En version av ansökan",
  description: "Innehållet som det var sparat i en version. Kräver behörigheten application.view.",
  security,
  request: {
    params: ApplicationParams.extend({ version: VersionNumber("version", "Versionens nummer.") }),
  },
  responses: {
    200: json(VersionSchema, "Versionen."),
    400: invalid,
    403: forbidden,
    404: problem(
      "Förbundet, ansökan eller versionen finns inte, eller nyckelns ägare får inte se ansökan.",
    ),
    ...common,
  },
});

export const diffApplicationRoute = createRoute({
  method: "get",
  path: `${one}/diff`,
  operationId: "diffApplicationVersions",
  tags: [TAG],
  summary: "Jämför två versioner",
  description:
    "Fälten som skiljer mellan två versioner, rad för rad. Kräver behörigheten application.view.",
  security,
  request: {
    params: ApplicationParams,
    query: z.object({
      from: VersionNumber("from", "Den första versionen."),
      to: VersionNumber("to", "Den andra versionen."),
    }),
  },
  responses: {
    200: json(DiffSchema, "Skillnaderna."),
    400: invalid,
    403: forbidden,
    404: problem(
      "Förbundet, ansökan eller någon av versionerna finns inte, eller nyckelns ägare får inte se ansökan.",
    ),
    ...common,
  },
});

export const applicationDocumentRoute = createRoute({
  method: "get",
  path: `${one}/document`,
  operationId: "getApplicationDocument",
  tags: [TAG],
  summary: "Ansökan som dokument",
  description:
    "Ansökan som Word-dokument (docx) eller PDF, med förbundets logotyp, parternas underskrifter och överenskommelsen. Kräver behörigheten application.view.",
  security,
  request: { params: ApplicationParams, query: DocumentQuery },
  responses: {
    ...documentAnswers,
    403: forbidden,
    404: applicationNotFound,
    ...common,
  },
});

/** The document by the application's id alone, as integrations that know only the id ask for it. */
export const applicationDocumentByIdRoute = createRoute({
  method: "get",
  path: "/applications/{applicationId}/document",
  operationId: "getApplicationDocumentById",
  tags: [TAG],
  summary: "Ansökan som dokument, med bara ansökans id",
  description:
    "Hänvisar (307) till samma dokument under förbundets sökväg, /associations/{slug}/applications/{applicationId}/document, där behörigheten prövas. Svarar 404 om ansökan inte finns eller nyckelns ägare saknar roll i förbundet.",
  security,
  request: {
    params: z.object({ applicationId: ApplicationParams.shape.applicationId }),
    query: DocumentQuery,
  },
  responses: {
    307: {
      description: "Dokumentets adress under förbundets sökväg (huvudet Location).",
      headers: z.object({ Location: z.string() }),
    },
    400: documentAnswers[400],
    404: applicationNotFound,
    ...common,
  },
});

// ---------------------------------------------------------------------------------------------
// Handlers

const APPLICATION_NOT_FOUND = "Ansökan finns inte i förbundet, eller så får du inte se den.";

function signatureOut(s: NonNullable<ApplicationDetails["parties"][number]["signature"]>) {
  const state = s.signedAt
    ? ("signed" as const)
    : s.expiresAt && s.expiresAt.getTime() <= Date.now()
      ? ("expired" as const)
      : ("requested" as const);
  return {
    state,
    method: s.method,
    signerName: s.signerName,
    signerEmail: s.signerEmail,
    signerTitle: s.signerTitle,
    requestedAt: s.requestedAt.toISOString(),
    expiresAt: iso(s.expiresAt),
    signedOn: s.signedOn,
    signedAt: iso(s.signedAt),
    signedVersion: s.signedVersion,
  };
}

const commentOut = (c: ApplicationDetails["comments"][number]) => ({
  id: c.id,
  authorName: c.authorName,
  text: c.text,
  createdAt: c.createdAt.toISOString(),
});

function applicationOut(d: ApplicationDetails) {
  return {
    id: d.id,
    initiativeId: d.initiativeId,
    initiativeStatus: d.initiativeStatus,
    status: d.status,
    registryNumber: d.registryNumber,
    arrivalDate: d.arrivalDate,
    receivedOnPaper: d.receivedOnPaper,
    formVersion: d.formVersion,
    submittedAt: iso(d.submittedAt),
    returnMessage: d.returnMessage,
    content: d.content,
    parties: d.parties.map((p) => ({
      organisationId: p.organisationId,
      name: p.name,
      isOwner: p.isOwner,
      signature: p.signature ? signatureOut(p.signature) : null,
    })),
    allSigned: d.allSigned,
    comments: d.comments.map(commentOut),
    decision: d.decision
      ? {
          decision: d.decision,
          amount: d.decidedAmount,
          startDate: d.decidedStartDate,
          endDate: d.decidedEndDate,
          conditions: d.decisionConditions,
          meeting: d.decisionMeeting ?? "",
          paragraph: d.decisionParagraph ?? "",
          decisionDate: d.decisionDate,
        }
      : null,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    version: d.version,
  };
}

const application = guardedItem({
  idParam: "applicationId",
  view: "application.view",
  notFound: APPLICATION_NOT_FOUND,
  load: getApplication,
  out: applicationOut,
});

const signatures = signatureHandlers(application.change);

export function registerApplicationRoutes(app: OpenAPIHono<ApiEnv>, services: AppServices): void {
  app.openapi(
    guarded(
      listApplicationsRoute,
      guard(services, "applications.view", someVisible(visibleApplications)),
    ),
    async (c) => {
      const association = associationOf(c);
      const { status } = c.req.valid("query");
      const rows = await listApplications(services.db, association.id, {
        visible: visibleApplications(principalOf(c), association.id),
        status,
      });
      return c.json(
        {
          items: rows.map((r) => ({
            id: r.id,
            initiativeId: r.initiativeId,
            name: r.name,
            ownerName: r.ownerName,
            status: r.status,
            registryNumber: r.registryNumber,
            arrivalDate: r.arrivalDate,
            receivedOnPaper: r.receivedOnPaper,
            startDate: r.startDate,
            endDate: r.endDate,
            requested: r.requested,
            decisionDate: r.decisionDate,
            decidedAmount: r.decidedAmount,
            updatedAt: r.updatedAt.toISOString(),
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    guarded(
      createApplicationRoute,
      guard(services, "applications.create", (principal, associationId) =>
        canCreateApplication(principal, associationId),
      ),
    ),
    async (c) => {
      const { onPaper, ...input } = c.req.valid("json");
      const association = associationOf(c);
      const principal = principalOf(c);
      if (onPaper && !can(principal, "applications.manage", association.id))
        refuse(
          "applications.manage",
          "Bara förbundets kansli registrerar ansökningar som kommit in på papper (onPaper). Skicka onPaper: false.",
        );
      const office = can(principal, "applications.create", association.id);
      const id = await createApplication(services.db, actorOf(c), association.id, input, {
        onPaper,
        makeCreatorLead: !office,
      });
      return c.json(applicationOut(await application.find(services, association.id, id)), 201);
    },
  );

  app.openapi(guarded(getApplicationRoute, application.guard(services, "application.view")), (c) =>
    application.show(services, c),
  );

  app.openapi(
    guarded(updateApplicationRoute, application.guard(services, "application.edit")),
    (c) => {
      const { version, ...input } = c.req.valid("json");
      return application.change(services, c, (...at) => saveApplication(...at, version, input));
    },
  );

  app.openapi(
    guarded(submitApplicationRoute, application.guard(services, "application.edit")),
    (c) => {
      const { version, arrivalDate } = c.req.valid("json");
      if (
        arrivalDate !== undefined &&
        !can(principalOf(c), "applications.manage", associationOf(c).id)
      )
        refuse(
          "applications.manage",
          "Bara förbundets kansli anger ankomstdatum, för ett original som kommit in på papper. Skicka in utan arrivalDate.",
        );
      return application.change(services, c, (...at) =>
        submitApplication(...at, version, { arrivalDate }),
      );
    },
  );

  app.openapi(
    guarded(startPreparationRoute, application.guard(services, "applications.manage")),
    (c) => {
      const { version } = c.req.valid("json");
      return application.change(services, c, (...at) => startPreparation(...at, version));
    },
  );

  app.openapi(
    guarded(returnApplicationRoute, application.guard(services, "applications.manage")),
    (c) => {
      const { version, message } = c.req.valid("json");
      return application.change(services, c, (...at) =>
        renamingFields({ returnMessage: "message" }, () =>
          returnForCompletion(...at, version, message),
        ),
      );
    },
  );

  app.openapi(
    guarded(commentApplicationRoute, application.guard(services, "applications.comment")),
    async (c) => {
      const { text } = c.req.valid("json");
      const comment = await application.comment(services, c, (...at) =>
        renamingFields({ comment: "text" }, () => addComment(...at, text)),
      );
      return c.json(commentOut(comment), 201);
    },
  );

  app.openapi(
    guarded(decideApplicationRoute, application.guard(services, "applications.decide")),
    (c) => {
      const { version, ...input } = c.req.valid("json");
      return application.change(services, c, (...at) => decideApplication(...at, version, input));
    },
  );

  app.openapi(
    guarded(requestSignatureRoute, application.guard(services, "application.edit")),
    (c) => signatures.request(services, c, c.req.valid("json"), requestSignature),
  );

  app.openapi(
    guarded(recordPaperSignatureRoute, application.guard(services, "applications.manage")),
    (c) => signatures.paper(services, c, c.req.valid("json"), recordPaperSignature),
  );

  app.openapi(
    guarded(listApplicationVersionsRoute, application.guard(services, "application.view")),
    async (c) => {
      const { applicationId } = c.req.valid("param");
      const rows = await listApplicationVersions(services.db, applicationId);
      return c.json(versionsOut<(typeof APPLICATION_STATUSES)[number]>(rows), 200);
    },
  );

  app.openapi(
    guarded(getApplicationVersionRoute, application.guard(services, "application.view")),
    async (c) => {
      const { applicationId, version } = c.req.valid("param");
      const row = await getApplicationVersion(services.db, applicationId, version);
      if (!row) throw new NotFoundError(`Ansökan har ingen version ${version}.`);
      return c.json(
        {
          version: row.version,
          status: row.status,
          event: row.event,
          note: row.note,
          actorName: row.actorName,
          createdAt: row.createdAt.toISOString(),
          content: row.content,
        },
        200,
      );
    },
  );

  app.openapi(
    guarded(diffApplicationRoute, application.guard(services, "application.view")),
    async (c) => {
      const { applicationId } = c.req.valid("param");
      const { from, to } = c.req.valid("query");
      const [before, after] = [
        await getApplicationVersion(services.db, applicationId, from),
        await getApplicationVersion(services.db, applicationId, to),
      ];
      if (!before || !after)
        throw new NotFoundError(
          `Ansökan har ingen version ${before ? to : from}. Se historiken för vilka som finns.`,
        );
      const { orgName } = await application.details(services, c);
      return c.json(
        {
          from,
          to,
          changes: diffContent(before.content, after.content, orgName).map((change) => ({
            field: change.key,
            label: change.label,
            before: change.before,
            after: change.after,
            lines: change.lines,
          })),
        },
        200,
      );
    },
  );

  app.openapi(applicationDocumentByIdRoute, async (c) => {
    const { applicationId } = c.req.valid("param");
    const { format } = c.req.valid("query");
    const [found] = await services.db
      .select({ slug: associations.slug, associationId: associations.id })
      .from(applications)
      .innerJoin(associations, eq(associations.id, applications.associationId))
      .where(eq(applications.id, applicationId));
    // only someone with a role in the association learns where the application lives
    if (!found || !principalOf(c).grants.some((g) => g.associationId === found.associationId))
      throw new NotFoundError(APPLICATION_NOT_FOUND);
    const target = new URL(c.req.url);
    target.pathname = target.pathname.replace(
      /\/applications\/[^/]+\/document$/,
      `/associations/${found.slug}/applications/${applicationId}/document`,
    );
    target.search = new URLSearchParams({ format }).toString();
    return c.redirect(target.toString(), 307);
  });

  app.openapi(
    guarded(applicationDocumentRoute, application.guard(services, "application.view")),
    async (c) => {
      const { format } = c.req.valid("query");
      const details = await application.details(services, c);
      const logo = await getAssociationLogo(services.db, associationOf(c).id);
      return documentBody(c, await renderApplicationDocument(details, logo, format));
    },
  );
}
