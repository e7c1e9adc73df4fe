// Final reports in the API: the list, a report started for an initiative, saved, the parties'
// signatures (asked for by e-mailed link, or registered from paper by the office), submitted
// (which closes the initiative), returned for completion or accepted and locked by the office,
// and its version history. The use cases in src/reports/final-reports.ts decide what may be
// stored; this file authorizes (before validation, like every association operation), reads
// the request with zod schemas that also make the OpenAPI document, and shapes the answers.
//
// A report the caller may not see answers 404, exactly like one that does not exist; one the
// caller sees but may not act on answers 403.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { visibleReports } from "../access/policy.ts";
import { GOAL_KINDS, INITIATIVE_STATUSES, ORIENTATIONS } from "../initiatives/schema.ts";
import type { AppServices } from "../platform/http/request-context.ts";
import { ACHIEVED, YES_NO } from "../reports/final-report-content.ts";
import {
  recordFinalReportPaperSignature,
  requestFinalReportSignature,
} from "../reports/final-report-signatures.ts";
import {
  acceptFinalReport,
  createFinalReport,
  type FinalReportDetails,
  getFinalReport,
  listFinalReports,
  listFinalReportVersions,
  returnFinalReport,
  saveFinalReport,
  submitFinalReport,
} from "../reports/final-reports.ts";
import { FINAL_REPORT_STATUSES } from "../reports/schema.ts";
import { actorOf, associationOf, guard, guarded, principalOf } from "./app.ts";
import {
  guardedItem,
  iso,
  itemParams,
  itemProblems,
  itemRoutes,
  onInitiative,
  renamingFields,
  someVisible,
  versionsOut,
} from "./item-operations.ts";
import {
  collectionRoutes,
  commentSchema,
  common,
  forbiddenInAssociation,
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

const TAG = "Slutrapporter";

const { forbidden, notFound: reportNotFound, conflict } = itemProblems("slutrapporten", "den");
const initiativeNotFound = problem(
  "Förbundet eller insatsen finns inte, eller nyckelns ägare har ingen roll i förbundet.",
);

const InitiativeParams = itemParams(
  "initiativeId",
  "Insatsens id.",
  "3f2b8c1d-4e5a-4b6c-8d7e-9f0a1b2c3d4e",
);

const ReportParams = itemParams(
  "finalReportId",
  "Slutrapportens id.",
  "6a1d2c3b-4e5f-4a6b-9c7d-8e9f0a1b2c3d",
);

const Status = z.enum(FINAL_REPORT_STATUSES).openapi({
  description:
    "Slutrapportens status: utkast, inskickad, aterskickad (åter för komplettering) eller last (granskad och låst).",
  example: "inskickad",
});

const Answer = z.enum(ACHIEVED).nullable().openapi({
  description: "ja, nej eller delvis; null för obesvarat.",
  example: "delvis",
});

const isoDate = isoDateLike("2026-10-31");
const timestamp = timestampLike("2026-11-02T09:30:00.000Z");

export const FinalReportContentSchema = z
  .object({
    initiativeName: z.string().openapi({
      description: "Insatsens namn när rapporten påbörjades.",
      example: "Tierp, Växtverket",
    }),
    applicationId: z.uuid().nullable().openapi({ description: "Den beviljade ansökan, om någon." }),
    applicationRegistryNumber: z
      .string()
      .nullable()
      .openapi({ description: "Ansökans diarienummer, om någon.", example: "2024/12" }),
    ownerName: z.string().openapi({ example: "Tierps kommun" }),
    parties: z
      .array(
        z.object({
          organisationId: z.uuid(),
          name: z.string().openapi({ example: "Försäkringskassan" }),
          isOwner: z.boolean(),
        }),
      )
      .openapi({
        description:
          "Insatsägaren först, sedan samverkansparterna. Fel för lärdomar och underskrifter anges med partens plats här: `lessons.1.text`.",
      }),
    orientation: z.enum(ORIENTATIONS),
    purpose: narrative("Syfte, enligt den beviljade ansökan.", "Fler ska nå arbete eller studier."),
    needDescribed: narrative(
      "Bakgrund och behov, enligt ansökan.",
      "Många står långt från arbete.",
    ),
    plannedStartDate: isoDate("Planerad (beviljad) start."),
    plannedEndDate: isoDate("Planerat (beviljat) slut."),
    targetGroupDefined: z.string().openapi({ description: "Målgruppen som den var definierad." }),
    methodDefined: narrative("Metod enligt ansökan.", "Supported employment."),
    followUpPlanned: narrative("Uppföljning enligt ansökan.", "Kvartalsvis i styrgruppen."),
    continuationPlanned: narrative("Tillvaratagande enligt ansökan.", "Förs in i ordinarie drift."),
    filledInOn: z.string().openapi({
      description: "Dagen uppgifterna om insatsen fylldes i.",
      example: "2026-11-02",
    }),
    goals: z.array(
      z.object({
        goalId: z.uuid().nullable(),
        text: z.string().openapi({ example: "Deltagare har en handlingsplan vid avslut" }),
        kind: z.enum(GOAL_KINDS),
        targetNumber: whole("Målvärde som antal, eller null.", 20),
        targetPercent: whole("Målvärde som andel i procent, eller null.", 80),
        achieved: Answer,
        outcome: narrative("Utfallet i ord.", "De flesta fick en handlingsplan."),
        figures: z.string().openapi({ description: "Utfallet i siffror.", example: "18 av 24" }),
      }),
    ),
    equality: narrative("Jämställdhet och jämlikhet.", "Vi följde könsfördelningen."),
    changedNeed: narrative("Hur behovet har förändrats.", "Behovet har ökat."),
    actualStartDate: isoDate("Faktisk start."),
    actualEndDate: isoDate("Faktiskt slut; insatsen avslutas med det när rapporten skickas in."),
    timeChangeReason: narrative("Varför insatstiden ändrades.", "Förlängd ett halvår."),
    targetGroupChange: narrative("Hur målgruppen förändrats.", "Fler unga än väntat."),
    participants: z.object({
      feasibilityStudy: z
        .boolean()
        .openapi({ description: "Förstudie utan deltagare: då är antalen null." }),
      women: whole("Antal kvinnor.", 14),
      men: whole("Antal män.", 10),
      otherOrNotStated: whole("Antal med annat eller ej angivet kön.", 0),
    }),
    methodChange: narrative("Hur metoden förändrats.", "Mer gruppverksamhet."),
    methodAsIntended: Answer,
    methodAsIntendedText: narrative("Kommentar om genomförandet.", "Praktiken kom igång sent."),
    followUp: narrative("Hur målen följdes upp.", "Progressionsmätning vid start och slut."),
    continuation: narrative("Tillvaratagande.", "Arbetssättet finns kvar i kommunen."),
    returnedFunds: z.object({
      returned: z.enum(YES_NO).nullable().openapi({ description: "ja, nej eller null." }),
      amount: whole("Återfört belopp i hela kronor.", 25000),
      reason: narrative("Varför medel återfördes.", "En vakans under våren."),
      consequences: narrative("Konsekvenser.", "Färre deltagare under våren."),
    }),
    lessons: z.array(
      z.object({
        organisationId: z.uuid(),
        text: narrative("Partens lärdomar.", "Samverkan kräver tid."),
      }),
    ),
    signatures: z
      .array(
        z.object({
          organisationId: z.uuid(),
          signerName: z.string().openapi({ example: "Karin Ek" }),
          signerTitle: z.string().openapi({ example: "Förvaltningschef" }),
          signerEmail: z.string().openapi({ example: "karin.ek@fk.se" }),
          method: z.enum(["link", "paper"]).nullable().openapi({
            description:
              "link: via e-postad länk; paper: registrerad från papper; null: okänt (äldre rapport).",
          }),
          signedOn: isoDate("Underskriftens datum."),
        }),
      )
      .openapi({
        description:
          "Underskrifterna rapporten skickades in med, en per part. Tomt i ett utkast: se `parties` för underskrifterna som de är nu.",
      }),
  })
  .openapi("FinalReportContent", {
    description:
      "Slutrapportens innehåll: uppgifterna om insatsen som de var när rapporten påbörjades, och det den insatsansvariga skriver.",
  });

const SignatureSchema = z
  .object({
    state: signatureState(),
    method: z.enum(["link", "paper"]).nullable().openapi({
      description:
        "link: via e-postad länk; paper: registrerad från papper; null: okänt (en äldre rapport).",
    }),
    ...signerFields("karin.ek@fk.se"),
    requestedAt: timestamp("När underskriften begärdes eller registrerades.").nullable(),
    ...signatureTimes(isoDate, timestamp),
    signedVersion: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "Rapportens version när den skrevs under." }),
  })
  .openapi("FinalReportSignature", {
    description:
      "En parts underskrift eller begäran om underskrift. Länkens nyckel visas aldrig. För en inskickad rapport: underskriften den skickades in med.",
  });

const CommentSchema = commentSchema("FinalReportComment", {
  authorExample: "Maria Lindqvist",
  textExample: "Beskriv lärdomarna mer.",
  timestamp,
});

export const FinalReportSchema = z
  .object({
    id: z.uuid(),
    initiativeId: z.uuid(),
    initiativeName: z.string().openapi({ description: "Insatsens namn i dag." }),
    initiativeStatus: z.enum(INITIATIVE_STATUSES).openapi({
      description:
        "Insatsens status; avslutad (eller avslutad_i_fortid) när rapporten skickats in.",
    }),
    status: Status,
    registryNumber: z
      .string()
      .nullable()
      .openapi({ description: "Diarienummer, när rapporten skickats in.", example: "2026/41" }),
    arrivalDate: isoDate("Dagen rapporten kom in, eller null."),
    submittedAt: timestamp("När rapporten senast skickades in.").nullable(),
    lockedAt: timestamp("När rapporten godkändes och låstes.").nullable(),
    content: FinalReportContentSchema,
    parties: partiesSchema(
      SignatureSchema,
      "Insatsägaren och samverkansparterna, med underskrifter. Varje part skriver under innan rapporten skickas in; sparat ändrat innehåll tar bort givna underskrifter.",
    ),
    allSigned: z.boolean().openapi({ description: "Alla parter har skrivit under." }),
    comments: z.array(CommentSchema).openapi({ description: "Kansliets kommentarer, i ordning." }),
    createdAt: timestamp("När rapporten påbörjades."),
    updatedAt: timestamp("När rapporten senast ändrades."),
    version: z.number().int().openapi({
      description: "Ökar vid varje ändring; skicka med den vid ändring.",
      example: 3,
    }),
  })
  .openapi("FinalReport", { description: "En slutrapport med innehåll och kommentarer." });

const SummarySchema = z
  .object({
    id: z.uuid(),
    initiativeId: z.uuid(),
    initiativeName: z.string().openapi({ example: "Tierp, Växtverket" }),
    initiativeStatus: z.enum(INITIATIVE_STATUSES),
    ownerName: z.string().openapi({ example: "Tierps kommun" }),
    status: Status,
    registryNumber: z.string().nullable().openapi({ example: "2026/41" }),
    arrivalDate: isoDate("Dagen rapporten kom in, eller null."),
    submittedAt: timestamp("När rapporten senast skickades in.").nullable(),
    lockedAt: timestamp("När rapporten låstes.").nullable(),
    updatedAt: timestamp("När rapporten senast ändrades."),
    version: z.number().int(),
  })
  .openapi("FinalReportSummary");

const ListSchema = z.object({ items: z.array(SummarySchema) }).openapi("FinalReportList");

const VersionListSchema = versionListSchema(
  "FinalReportVersionList",
  versionFields(Status, {
    events: "created, saved, submitted, resubmitted, returned eller locked",
    eventExample: "saved",
    note: "Anteckning, till exempel diarienumret.",
    actor: { example: "Leila Haddad" },
    timestamp,
  }),
  "Rapportens versioner, nyaste först.",
);

const Version = () =>
  z.number().int().min(1).openapi({
    description:
      "Versionen du läste. Har någon annan ändrat rapporten sedan dess blir svaret 409, och `changes` anger vad som skiljer.",
    example: 3,
  });

const text = (description: string) => z.string().max(25_000).default("").openapi({ description });
const answerInput = z.enum(ACHIEVED).nullable().default(null).openapi({
  description: "ja, nej eller delvis; null eller utelämnat för obesvarat.",
});

const UpdateSchema = z
  .object({
    version: Version(),
    goals: z
      .array(
        z.object({
          achieved: answerInput,
          outcome: text("Utfallet i ord."),
          figures: z.string().max(2000).default("").openapi({ description: "Utfallet i siffror." }),
        }),
      )
      .default([])
      .openapi({ description: "Ett utfall per mål, i rapportens ordning (content.goals)." }),
    equality: text("Jämställdhet och jämlikhet."),
    changedNeed: text("Hur behovet har förändrats."),
    actualStartDate: optionalDate("Faktisk start."),
    actualEndDate: optionalDate("Faktiskt slut."),
    timeChangeReason: text("Varför insatstiden ändrades."),
    targetGroupChange: text("Hur målgruppen förändrats."),
    participants: z
      .object({
        feasibilityStudy: z.boolean().default(false).openapi({
          description: "Förstudie utan deltagare: då ska antalen vara tomma.",
        }),
        women: numberOrText("Antal kvinnor.", 14),
        men: numberOrText("Antal män.", 10),
        otherOrNotStated: numberOrText("Antal med annat eller ej angivet kön.", 0),
      })
      .default({ feasibilityStudy: false, women: null, men: null, otherOrNotStated: null }),
    methodChange: text("Hur metoden förändrats."),
    methodAsIntended: answerInput,
    methodAsIntendedText: text("Kommentar om genomförandet."),
    followUp: text("Hur målen följdes upp."),
    continuation: text("Tillvaratagande."),
    returnedFunds: z
      .object({
        returned: z.enum(YES_NO).nullable().default(null).openapi({ description: "ja eller nej." }),
        amount: numberOrText("Återfört belopp i hela kronor; bara när returned är ja.", "25 000"),
        reason: text("Varför medel återfördes."),
        consequences: text("Konsekvenser."),
      })
      .default({ returned: null, amount: null, reason: "", consequences: "" }),
    lessons: z
      .array(z.object({ organisationId: z.uuid(), text: text("Partens lärdomar.") }))
      .default([])
      .openapi({ description: "Lärdomar per part; parter som utelämnas får inga." }),
  })
  .openapi("FinalReportUpdate", {
    description:
      "Den insatsansvarigas del av rapporten, hela, och versionen du läste. Ett utkast får vara ofullständigt men inte motsägelsefullt. Uppgifterna om insatsen (namn, parter, mål, syfte) kan inte ändras, och underskrifterna ges av parterna (signatures). Sparat ändrat innehåll tar bort givna underskrifter.",
  });

const VersionOnly = z.object({ version: Version() }).openapi("FinalReportVersionInput");

const { request: SignatureRequestSchema, paper: PaperSignatureSchema } = signatureBodies(
  { request: "FinalReportSignatureRequest", paper: "FinalReportPaperSignature" },
  "karin.ek@fk.se",
);

const ReturnSchema = z
  .object({
    version: Version(),
    message: z.string().max(5000).openapi({
      description: "Vad den insatsansvariga ska komplettera; sparas som en kommentar.",
      example: "Beskriv lärdomarna för varje part.",
    }),
  })
  .openapi("FinalReportReturn");

// ---------------------------------------------------------------------------------------------
// Routes

const base = "/associations/{slug}/final-reports";
const one = `${base}/{finalReportId}`;
const reports = collectionRoutes({ tag: TAG, path: base });

export const listFinalReportsRoute = reports.list({
  operationId: "listFinalReports",
  summary: "Lista slutrapporter",
  description:
    "Förbundets slutrapporter som nyckelns ägare får se, insatserna i namnordning: alla med behörigheten reports.view, annars slutrapporterna för de insatser ägaren är insatsansvarig eller sitter i styrgruppen för. Ingen sådan insats ger 403.",
  query: z.object({
    status: Status.optional(),
    initiativeId: z
      .uuid()
      .optional()
      .openapi({
        param: { name: "initiativeId", in: "query" },
        description: "Bara den här insatsens slutrapport.",
      }),
  }),
  answers: { 200: json(ListSchema, "Slutrapporterna.") },
});

export const createFinalReportRoute = createRoute({
  method: "post",
  path: "/associations/{slug}/initiatives/{initiativeId}/final-report",
  operationId: "createFinalReport",
  tags: [TAG],
  summary: "Påbörja insatsens slutrapport",
  description:
    "Skapar insatsens slutrapport som ett utkast, med uppgifterna om insatsen ifyllda (namn, den beviljade ansökans diarienummer och syfte, ägare och parter, mål och datum). En insats har en slutrapport: finns den redan blir svaret 200 med den. Insatsen ska vara pågående eller avslutad. Kräver behörigheten report.write för insatsen (kansliet, eller insatsansvarig) och scope write. Ingen kropp behövs.",
  security,
  request: { params: InitiativeParams },
  responses: {
    200: json(FinalReportSchema, "Insatsen hade redan en slutrapport: den."),
    201: json(FinalReportSchema, "Slutrapporten påbörjades."),
    400: invalid,
    403: forbiddenInAssociation,
    404: initiativeNotFound,
    ...common,
  },
});

const route = itemRoutes({
  tag: TAG,
  path: one,
  params: ReportParams,
  forbidden,
  notFound: reportNotFound,
  actionAnswers: { 200: json(FinalReportSchema, "Slutrapporten efter åtgärden."), 409: conflict },
});

export const getFinalReportRoute = route.get({
  operationId: "getFinalReport",
  summary: "Hämta en slutrapport",
  description:
    "Slutrapporten med innehåll och kommentarer. Kräver behörigheten report.view: i hela förbundet, eller som insatsansvarig eller i styrgruppen för insatsen.",
  answers: { 200: json(FinalReportSchema, "Slutrapporten.") },
});

export const updateFinalReportRoute = route.put({
  operationId: "updateFinalReport",
  summary: "Spara en slutrapport",
  description:
    "Ersätter den insatsansvarigas del av ett utkast eller en rapport som skickats tillbaka för komplettering. Kräver behörigheten report.write för insatsen och scope write.",
  body: UpdateSchema,
  answers: { 200: json(FinalReportSchema, "Slutrapporten efter ändringen."), 409: conflict },
});

export const submitFinalReportRoute = route.action(
  "submit",
  "submitFinalReport",
  "Skicka in en slutrapport",
  "Skickar in ett utkast eller en kompletterad rapport. Varje mål ska vara bedömt, antalet deltagare ifyllt (eller förstudie markerad), varje part ha lärdomar, det faktiska slutet ska vara angivet och inte i framtiden, och alla parter ska ha skrivit under (fältet `signatures` anger hur många som saknas). Underskrifterna sparas i den inskickade rapporten (content.signatures). Första gången får rapporten diarienummer och ankomstdatum. Insatsen avslutas i samma steg (status avslutad, eller avslutad_i_fortid om den redan var det) med det faktiska slutet som slutdatum. Kräver behörigheten report.write och scope write.",
  VersionOnly,
);

export const returnFinalReportRoute = route.action(
  "return",
  "returnFinalReport",
  "Skicka tillbaka för komplettering",
  "Skickar tillbaka en inskickad slutrapport till den insatsansvariga med vad som ska kompletteras (sparas som kommentar). Insatsen förblir avslutad. Kräver behörigheten reports.manage och scope write.",
  ReturnSchema,
);

export const acceptFinalReportRoute = route.action(
  "accept",
  "acceptFinalReport",
  "Godkänn och lås en slutrapport",
  "Godkänner en inskickad slutrapport. Den låses och kan därefter inte ändras av någon. Kräver behörigheten reports.manage och scope write.",
  VersionOnly,
);

export const requestFinalReportSignatureRoute = route.post({
  path: "signatures",
  operationId: "requestFinalReportSignature",
  summary: "Begär en underskrift",
  description:
    "Skickar en engångslänk med e-post till den som är behörig att skriva under slutrapporten för en part; länken gäller i 14 dagar och kräver inget konto. En ny begäran för samma part ersätter den förra. Rapporten ska vara komplett och inte inskickad. Kräver behörigheten report.write för insatsen och scope write.",
  body: SignatureRequestSchema,
  answers: { 200: json(FinalReportSchema, "Slutrapporten efter åtgärden.") },
});

export const recordFinalReportPaperSignatureRoute = route.post({
  path: "signatures/paper",
  operationId: "recordFinalReportPaperSignature",
  summary: "Registrera en underskrift från papper",
  description:
    "Kansliet registrerar en parts underskrift av slutrapporten från ett underskrivet pappersoriginal. Rapporten ska inte vara inskickad. Kräver behörigheten reports.manage och scope write.",
  body: PaperSignatureSchema,
  answers: { 200: json(FinalReportSchema, "Slutrapporten efter åtgärden.") },
});

export const listFinalReportVersionsRoute = route.get({
  path: "versions",
  operationId: "listFinalReportVersions",
  summary: "Slutrapportens historik",
  description: "Varje sparad version: vem, när och varför. Kräver behörigheten report.view.",
  answers: { 200: json(VersionListSchema, "Versionerna, nyaste först.") },
});

// ---------------------------------------------------------------------------------------------
// Handlers

const REPORT_NOT_FOUND = "Slutrapporten finns inte i förbundet, eller så får du inte se den.";

function reportOut(d: FinalReportDetails) {
  return {
    id: d.id,
    initiativeId: d.initiativeId,
    initiativeName: d.initiativeName,
    initiativeStatus: d.initiativeStatus,
    status: d.status,
    registryNumber: d.registryNumber,
    arrivalDate: d.arrivalDate,
    submittedAt: iso(d.submittedAt),
    lockedAt: iso(d.lockedAt),
    content: d.content,
    parties: d.parties.map(({ party, signature: s }) => ({
      organisationId: party.organisationId,
      name: party.name,
      isOwner: party.isOwner,
      signature: s
        ? {
            state: s.state,
            method: s.method,
            signerName: s.signerName,
            signerEmail: s.signerEmail,
            signerTitle: s.signerTitle,
            requestedAt: iso(s.requestedAt),
            expiresAt: iso(s.expiresAt),
            signedOn: s.signedOn,
            signedAt: iso(s.signedAt),
            signedVersion: s.signedVersion,
          }
        : null,
    })),
    allSigned: d.allSigned,
    comments: d.comments.map((x) => ({
      id: x.id,
      authorName: x.authorName,
      text: x.text,
      createdAt: x.createdAt.toISOString(),
    })),
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    version: d.version,
  };
}

const finalReport = guardedItem({
  idParam: "finalReportId",
  view: "report.view",
  notFound: REPORT_NOT_FOUND,
  load: getFinalReport,
  out: reportOut,
});

const signatures = signatureHandlers(finalReport.change);

export function registerFinalReportRoutes(app: OpenAPIHono<ApiEnv>, services: AppServices): void {
  app.openapi(
    guarded(listFinalReportsRoute, guard(services, "reports.view", someVisible(visibleReports))),
    async (c) => {
      const association = associationOf(c);
      const { status, initiativeId } = c.req.valid("query");
      const rows = await listFinalReports(services.db, association.id, {
        visible: visibleReports(principalOf(c), association.id),
        status,
        initiativeId,
      });
      return c.json(
        {
          items: rows.map((r) => ({
            ...r,
            submittedAt: iso(r.submittedAt),
            lockedAt: iso(r.lockedAt),
            updatedAt: r.updatedAt.toISOString(),
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    guarded(createFinalReportRoute, guard(services, "report.write", onInitiative("report.write"))),
    async (c) => {
      const { initiativeId } = c.req.valid("param");
      const association = associationOf(c);
      const { id, created } = await createFinalReport(
        services.db,
        actorOf(c),
        association.id,
        initiativeId,
      );
      const report = reportOut(await finalReport.find(services, association.id, id));
      return created ? c.json(report, 201) : c.json(report, 200);
    },
  );

  app.openapi(guarded(getFinalReportRoute, finalReport.guard(services, "report.view")), (c) =>
    finalReport.show(services, c),
  );

  app.openapi(guarded(updateFinalReportRoute, finalReport.guard(services, "report.write")), (c) => {
    const { version, ...input } = c.req.valid("json");
    return finalReport.change(services, c, (...at) => saveFinalReport(...at, version, input));
  });

  app.openapi(guarded(submitFinalReportRoute, finalReport.guard(services, "report.write")), (c) => {
    const { version } = c.req.valid("json");
    return finalReport.change(services, c, (...at) => submitFinalReport(...at, version));
  });

  app.openapi(
    guarded(requestFinalReportSignatureRoute, finalReport.guard(services, "report.write")),
    (c) => signatures.request(services, c, c.req.valid("json"), requestFinalReportSignature),
  );

  app.openapi(
    guarded(recordFinalReportPaperSignatureRoute, finalReport.guard(services, "reports.manage")),
    (c) => signatures.paper(services, c, c.req.valid("json"), recordFinalReportPaperSignature),
  );

  app.openapi(
    guarded(returnFinalReportRoute, finalReport.guard(services, "reports.manage")),
    (c) => {
      const { version, message } = c.req.valid("json");
      return finalReport.change(services, c, (...at) =>
        renamingFields({ returnMessage: "message" }, () =>
          returnFinalReport(...at, version, message),
        ),
      );
    },
  );

  app.openapi(
    guarded(acceptFinalReportRoute, finalReport.guard(services, "reports.manage")),
    (c) => {
      const { version } = c.req.valid("json");
      return finalReport.change(services, c, (...at) => acceptFinalReport(...at, version));
    },
  );

  app.openapi(
    guarded(listFinalReportVersionsRoute, finalReport.guard(services, "report.view")),
    async (c) => {
      const { finalReportId } = c.req.valid("param");
      const rows = await listFinalReportVersions(services.db, finalReportId);
      return c.json(versionsOut<(typeof FINAL_REPORT_STATUSES)[number]>(rows), 200);
    },
  );
}
