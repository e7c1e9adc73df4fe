// Initiative budgets in the API: the budget in force (lines and totals as whole-krona numbers),
// every version, a new version (the version read goes in the body, like If-Match), a re-phasing
// after an approved deviation report, the proposal from the granted application, the XLSX
// template and export, and the import of a filled template (multipart/form-data or the XLSX as
// the body; ?dryRun=true checks without saving). The use cases in src/finance/budgets.ts and
// src/finance/budget-xlsx.ts decide what may be stored; this file authorizes (before validation,
// like every association operation), reads the request with zod schemas that also make the
// OpenAPI document, and shapes answers.
//
// Reading needs budget.view on the initiative (the office and the board on every initiative, the
// lead and the steering group on their own); changing needs budget.edit (the office).
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { canOnInitiative, type Permission } from "../access/policy.ts";
import { BUDGET_CATEGORIES, CO_FINANCING_KINDS } from "../applications/content.ts";
import {
  budgetExportXlsx,
  budgetTemplateXlsx,
  importBudgetXlsx,
  XLSX_MEDIA_TYPE,
} from "../finance/budget-xlsx.ts";
import {
  BUDGET_KINDS,
  type BudgetTotals,
  type BudgetVersion,
  budgetFromApplication,
  budgetTotals,
  getCurrentBudget,
  listBudgetVersions,
  rephaseBudget,
  SAVE_KINDS,
  saveBudget,
} from "../finance/budgets.ts";
import { FUNDING_SOURCES } from "../finance/schema.ts";
import { ValidationError } from "../platform/errors.ts";
import type { AppServices } from "../platform/http/request-context.ts";
import { attachmentDisposition } from "../reports/steering-groups.ts";
import { actorOf, associationOf, guard, guarded } from "./app.ts";
import { itemRoutes } from "./item-operations.ts";
import {
  AssociationParams,
  common,
  invalid,
  json,
  problem,
  security,
  timestampLike,
} from "./operation-kit.ts";
import { type ApiEnv, PROBLEM_TYPES, problemResponse } from "./problems.ts";

// ---------------------------------------------------------------------------------------------
// Schemas

const TAG = "Budgetar";

const forbidden = problem(
  "Nyckelns ägare saknar behörighet för insatsens budget, eller nyckeln får bara läsa (scope read).",
);
const notFound = problem(
  "Förbundet eller insatsen finns inte, eller nyckelns ägare har ingen roll i förbundet.",
);
const conflict = problem(
  "Budgeten har en annan version nu än den du utgick från (expectedBudgetVersion). Hämta den på nytt; ingenting sparades.",
);

const timestamp = timestampLike("2026-11-23T09:30:00.000Z");

const InitiativeParams = AssociationParams.extend({
  initiativeId: z.uuid().openapi({
    param: { name: "initiativeId", in: "path" },
    description: "Insatsens id.",
    example: "8d1c2a4e-6f3b-4c1d-9e2a-5b7f0c3d4e21",
  }),
});

const Category = z.enum(BUDGET_CATEGORIES).openapi({
  description: "Kostnadsslag: personal, lokaler, resor, material, utvardering eller ovrigt.",
  example: "personal",
});
const Source = z.enum(FUNDING_SOURCES).openapi({
  description: "forbund (förbundsmedel) eller medfinansiering (en parts egen finansiering).",
  example: "forbund",
});
const CoKind = z.enum(CO_FINANCING_KINDS).openapi({
  description: "Slag av medfinansiering: pengar, personaltid eller deltagarersattning (ESF).",
  example: "personaltid",
});
const kronor = (description: string, example = 150_000) =>
  z
    .number()
    .int()
    .openapi({ description: `${description} Hela kronor.`, example });

const LineSchema = z
  .object({
    periodKey: z.string().openapi({ description: "Rapportperioden.", example: "2026-K3" }),
    year: z.number().int().openapi({ example: 2026 }),
    category: Category,
    source: Source,
    organisationId: z
      .uuid()
      .nullable()
      .openapi({ description: "Parten som medfinansierar; null för förbundsmedel." }),
    coKind: CoKind.nullable().openapi({
      description: "Slag av medfinansiering; null för förbundsmedel.",
    }),
    amount: kronor("Beloppet."),
  })
  .openapi("BudgetLine", {
    description: "Ett belopp för en period, ett kostnadsslag och en källa.",
  });

const SumFields = {
  total: kronor("Allt."),
  association: kronor("Förbundsmedel."),
  coFinancing: kronor("Medfinansiering."),
  byCategory: z
    .record(z.string(), z.number().int())
    .openapi({ description: "Per kostnadsslag, hela kronor.", example: { personal: 120_000 } }),
};

const TotalsSchema = z
  .object({
    ...SumFields,
    byYear: z.array(z.object({ year: z.number().int(), ...SumFields })),
    byPeriod: z.array(z.object({ periodKey: z.string(), year: z.number().int(), ...SumFields })),
    byParty: z.array(
      z.object({
        organisationId: z.uuid(),
        total: kronor("Partens medfinansiering."),
        byKind: z.record(z.string(), z.number().int()),
      }),
    ),
  })
  .openapi("BudgetTotals", {
    description:
      "Summor av raderna: allt, per år, per period och per medfinansierande part. Summorna per kostnadsslag, period, år och part är alltid lika med totalen.",
  });

const VersionSchema = z
  .object({
    version: z.number().int().openapi({ example: 2 }),
    status: z.enum(["gallande", "ersatt"]).openapi({
      description: "gallande: versionen som gäller; ersatt: en tidigare version.",
    }),
    kind: z.enum(BUDGET_KINDS).openapi({
      description: "beslut, revision, omfordelning (efter en godkänd avvikelse) eller import.",
    }),
    reason: z.string().openapi({ example: "Styrelsens beslut 2026-05-20 § 8" }),
    deviationReport: z
      .object({ id: z.uuid(), registryNumber: z.string().nullable() })
      .nullable()
      .openapi({ description: "Avvikelserapporten som tillät en omfördelning." }),
    createdByName: z.string().openapi({ example: "forbundschef@demo.samspar.se" }),
    createdAt: timestamp("När versionen sparades."),
    lines: z.array(LineSchema),
    totals: TotalsSchema,
  })
  .openapi("BudgetVersion", { description: "En version av insatsens budget." });

const PartySchema = z.object({
  id: z.uuid(),
  name: z.string().openapi({ example: "Tierps kommun" }),
  isOwner: z.boolean(),
  isParty: z
    .boolean()
    .openapi({ description: "Fortfarande ägare eller samverkanspart (annars en tidigare part)." }),
});

const CurrentSchema = z
  .object({
    initiativeId: z.uuid(),
    initiativeName: z.string().openapi({ example: "Heby, Arbete först" }),
    startDate: z.iso.date().nullable(),
    endDate: z.iso.date().nullable(),
    periods: z
      .array(z.object({ key: z.string(), start: z.iso.date(), end: z.iso.date() }))
      .openapi({ description: "Insatsens rapportperioder, de enda en budget får ha rader för." }),
    parties: z.array(PartySchema),
    budget: VersionSchema.nullable().openapi({
      description: "Versionen som gäller, eller null om insatsen inte har någon budget än.",
    }),
  })
  .openapi("CurrentBudget");

const LineInput = z
  .object({
    periodKey: z.string().max(10).openapi({
      description:
        "En av insatsens perioder, till exempel 2026-K3 (kvartal) eller 2026-T2 (tertial).",
      example: "2026-K3",
    }),
    category: z.string().max(20).openapi({ description: "Kostnadsslag.", example: "personal" }),
    source: z
      .string()
      .max(20)
      .openapi({ description: "forbund eller medfinansiering.", example: "forbund" }),
    organisationId: z.string().max(40).nullable().default(null).openapi({
      description: "För medfinansiering: ägarens eller en samverkansparts id.",
    }),
    coKind: z.string().max(30).nullable().default(null).openapi({
      description: "För medfinansiering: pengar, personaltid eller deltagarersattning.",
    }),
    amount: z
      .union([z.number(), z.string().max(40)])
      .nullable()
      .openapi({
        description:
          'Hela kronor, 0 eller mer, som tal eller text ("150 000"). Tomt eller null: ingen rad.',
        example: 150_000,
      }),
  })
  .openapi("BudgetLineInput");

const Lines = z.array(LineInput).max(5000).openapi({
  description:
    "Budgetens alla rader; de ersätter den tidigare versionens. Ett fel anges i fältet lines.N.del, till exempel lines.3.periodKey.",
});
const Reason = z.string().max(2000).openapi({
  description: "Varför budgeten ändras, till exempel styrelsens beslut.",
  example: "Revision efter vakans hösten 2026",
});

const SaveSchema = z
  .object({
    expectedBudgetVersion: z.number().int().min(1).nullable().openapi({
      description:
        "Versionen du utgår från (som If-Match), null för insatsens första budget. En annan version gäller nu: 409, ingenting sparas.",
      example: 1,
    }),
    kind: z
      .enum(SAVE_KINDS)
      .openapi({ description: "beslut, revision eller import.", example: "revision" }),
    reason: Reason,
    lines: Lines,
  })
  .openapi("BudgetInput", { description: "En ny version av budgeten." });

const RephaseSchema = z
  .object({
    expectedBudgetVersion: z.number().int().min(1).openapi({
      description: "Versionen du utgår från. En annan version gäller nu: 409.",
      example: 2,
    }),
    deviationReportId: z.uuid().openapi({
      description:
        "En godkänd avvikelserapport för insatsen med begäran flytta_medel, som inte redan använts för en omfördelning.",
    }),
    reason: Reason,
    lines: Lines,
  })
  .openapi("BudgetRephasingInput", {
    description:
      "En omfördelning: nya rader där summan av förbundsmedel och av varje parts medfinansiering per slag är exakt densamma som nu. En summa som ändras avvisas i fältet totals.<källa>.",
  });

const ImportResultSchema = z
  .object({
    dryRun: z.boolean(),
    lines: z.array(LineSchema).openapi({ description: "Filens rader." }),
    totals: TotalsSchema,
    current: z
      .object({ version: z.number().int(), totals: TotalsSchema })
      .nullable()
      .openapi({ description: "Budgeten som gällde före importen, eller null." }),
    saved: VersionSchema.nullable().openapi({
      description: "Versionen importen sparade; null vid dryRun.",
    }),
  })
  .openapi("BudgetImportResult");

const ProposalSchema = z
  .object({
    application: z
      .object({
        id: z.uuid(),
        registryNumber: z.string().nullable(),
        decisionDate: z.iso.date().nullable(),
        decidedAmount: z.number().int().nullable(),
      })
      .nullable()
      .openapi({
        description:
          "Den beviljade ansökan förslaget kommer från; null när insatsen inte har någon (då är lines tom).",
      }),
    lines: z.array(LineSchema),
    totals: TotalsSchema,
    notes: z
      .array(
        z.object({
          type: z.enum(["moved", "notParty", "decidedAmount"]),
          year: z.number().int().optional(),
          periodKey: z.string().optional(),
          organisationId: z.uuid().optional(),
          amount: z.number().int().optional(),
          decided: z.number().int().optional(),
          applied: z.number().int().optional(),
        }),
      )
      .openapi({
        description:
          "moved: ett års belopp utanför insatsens tid står i närmaste period; notParty: en organisation som inte längre är part, dess medfinansiering är inte med; decidedAmount: beslutets belopp skiljer sig från ansökans budget.",
      }),
    reason: z.string().openapi({ description: "En orsak att spara förslaget med." }),
  })
  .openapi("BudgetProposal", {
    description:
      "Ett förslag från den beviljade ansökan, inget sparat: varje års belopp fördelat på årets perioder efter antal månader av perioden som insatsen pågår. Medfinansiering står under personal (personaltid) eller ovrigt (annat).",
  });

const xlsx = (description: string) => ({
  description,
  content: { [XLSX_MEDIA_TYPE]: { schema: z.string().openapi({ format: "binary" }) } },
});

const ImportQuery = z.object({
  dryRun: z
    .enum(["true", "false"])
    .default("false")
    .openapi({
      param: { name: "dryRun", in: "query" },
      description: "true: kontrollera filen och svara med raderna och summorna utan att spara.",
      example: "true",
    }),
  expectedBudgetVersion: z
    .string()
    .regex(/^\d{1,9}$/)
    .optional()
    .openapi({
      param: { name: "expectedBudgetVersion", in: "query" },
      description:
        "Versionen du utgår från; 0 för insatsens första budget. Krävs när dryRun inte är true.",
      example: "2",
    }),
  reason: z
    .string()
    .max(2000)
    .optional()
    .openapi({
      param: { name: "reason", in: "query" },
      description: "Orsak; utan den ”Import från” och filens namn.",
    }),
  fileName: z
    .string()
    .max(200)
    .optional()
    .openapi({
      param: { name: "fileName", in: "query" },
      description: "Filens namn när filen skickas som hela innehållet (inte multipart).",
    }),
});

// ---------------------------------------------------------------------------------------------
// Routes

const base = "/associations/{slug}/initiatives/{initiativeId}/budget";

/** The initiative's budget: read, saved as a new version, rephased. */
const budget = itemRoutes({ tag: TAG, path: base, params: InitiativeParams, forbidden, notFound });

export const getBudgetRoute = budget.get({
  operationId: "getBudget",
  summary: "Budgeten som gäller",
  description:
    "Insatsens perioder och parter och budgetversionen som gäller, med raderna och summorna i hela kronor (null om insatsen inte har någon budget). Kräver behörigheten budget.view för insatsen.",
  answers: { 200: json(CurrentSchema, "Budgeten.") },
});

export const listBudgetVersionsRoute = budget.get({
  path: "versions",
  operationId: "listBudgetVersions",
  summary: "Budgetens versioner",
  description:
    "Alla versioner, den senaste först, med rader, summor, vem som sparade, när och varför, och avvikelserapporten bakom en omfördelning. Kräver behörigheten budget.view för insatsen.",
  answers: {
    200: json(
      z.object({ items: z.array(VersionSchema) }).openapi("BudgetVersionList"),
      "Versionerna.",
    ),
  },
});

export const saveBudgetRoute = budget.put({
  operationId: "saveBudget",
  summary: "Spara en ny version av budgeten",
  description:
    "Skriver en ny version med alla rader; den som gällde blir ersatt och finns kvar. Varje rad prövas: perioden måste vara en av insatsens, medfinansiering måste komma från ägaren eller en samverkanspart, beloppet hela kronor. Ett fel anges i sitt fält (lines.N.periodKey …) och ingenting sparas. Kräver behörigheten budget.edit och scope write. Händelsen förs in i granskningsloggen.",
  body: SaveSchema,
  answers: { 201: json(VersionSchema, "Den nya versionen."), 409: conflict },
});

export const rephaseBudgetRoute = budget.post({
  path: "rephasings",
  operationId: "rephaseBudget",
  summary: "Omfördela budgeten efter en avvikelse",
  description:
    "Skriver en ny version av slaget omfordelning efter en godkänd avvikelserapport med begäran flytta_medel. Summan av förbundsmedel och av varje parts medfinansiering per slag måste vara exakt densamma som i versionen som gäller; båda versionerna finns kvar. En rapport tillåter en omfördelning. Kräver behörigheten budget.edit och scope write.",
  body: RephaseSchema,
  answers: { 201: json(VersionSchema, "Den nya versionen."), 409: conflict },
});

export const budgetProposalRoute = createRoute({
  method: "get",
  path: `${base}/proposal`,
  operationId: "getBudgetProposal",
  tags: [TAG],
  summary: "Förslag från den beviljade ansökan",
  description:
    "Ett förslag på budgetrader från insatsens beviljade ansökan, fördelat på insatsens perioder (application null och inga rader om insatsen inte har någon beviljad ansökan). Ingenting sparas; spara förslaget med PUT och kind beslut. Kräver behörigheten budget.edit.",
  security,
  request: { params: InitiativeParams },
  responses: {
    200: json(ProposalSchema, "Förslaget."),
    400: problem("Insatsen saknar start- eller slutdatum; `errors` anger fältet lines."),
    403: forbidden,
    404: notFound,
    ...common,
  },
});

export const budgetTemplateRoute = budget.get({
  path: "template",
  operationId: "getBudgetTemplate",
  summary: "Budgetmallen (XLSX)",
  description:
    "Mallen för import: bladet Budget med kolumnerna Period, Kostnadsslag, Källa, Part, Slag och Belopp, en rad per period och kostnadsslag för förbundsmedel och per part och slag för medfinansiering, ifylld med budgeten som gäller; bladen Anvisningar och Listor. Kräver behörigheten budget.edit.",
  answers: { 200: xlsx("Mallen, som bilaga (Content-Disposition: attachment).") },
});

export const budgetExportRoute = createRoute({
  method: "get",
  path: `${base}/export`,
  operationId: "getBudgetExport",
  tags: [TAG],
  summary: "Budgeten som XLSX",
  description:
    "Budgeten som gäller (bladet Budget, som kan importeras igen), summor per period och per år och kostnadsslag som formler, versionshistoriken och alla versioners rader. Riktiga tal med talformat och låsta rubrikrader. Kräver behörigheten budget.view.",
  security,
  request: { params: InitiativeParams },
  responses: {
    200: xlsx("Budgeten, som bilaga (Content-Disposition: attachment)."),
    400: invalid,
    403: forbidden,
    404: problem("Förbundet eller insatsen finns inte, eller insatsen har ingen budget."),
    ...common,
  },
});

export const importBudgetRoute = createRoute({
  method: "post",
  path: `${base}/import`,
  operationId: "importBudget",
  tags: [TAG],
  summary: "Importera budgeten från den ifyllda mallen",
  description:
    "Läser bladet Budget i den ifyllda mallen och, om allt stämmer, sparar raderna som en ny version av slaget import. Skicka filen som multipart/form-data i fältet file, eller som hela innehållet med Content-Type application/vnd.openxmlformats-officedocument.spreadsheetml.sheet. Varje fel anges med sin cell i `errors` (fältet är cellen, till exempel F7, eller file), alla på en gång, och ingenting sparas. Med dryRun=true sparas ingenting. Kräver behörigheten budget.edit och scope write.",
  security,
  request: {
    params: InitiativeParams,
    query: ImportQuery,
    body: {
      required: true,
      description: "Den ifyllda mallen.",
      content: {
        "multipart/form-data": {
          schema: {
            type: "object",
            required: ["file"],
            properties: {
              file: { type: "string", format: "binary", description: "XLSX-filen, högst 2 MB." },
            },
          },
        },
        [XLSX_MEDIA_TYPE]: { schema: { type: "string", format: "binary" } },
      },
    },
  },
  responses: {
    200: json(ImportResultSchema, "dryRun: filens rader och summor; ingenting sparat."),
    201: json(ImportResultSchema, "Importen är sparad som en ny version."),
    400: problem(
      "Filen kan inte importeras; `errors` anger varje fel med sin cell (till exempel F7) eller file.",
    ),
    403: forbidden,
    404: notFound,
    409: conflict,
    413: problem("Anropet är för stort."),
    415: problem("Innehållet är varken multipart/form-data eller en XLSX-fil."),
    ...common,
  },
});

// ---------------------------------------------------------------------------------------------
// Handlers

const totalsOut = (t: BudgetTotals) => t;

const versionOut = (v: BudgetVersion) => ({
  version: v.version,
  status: v.status,
  kind: v.kind,
  reason: v.reason,
  deviationReport: v.deviationReport,
  createdByName: v.createdByName,
  createdAt: v.createdAt.toISOString(),
  lines: v.lines,
  totals: totalsOut(v.totals),
});

const fileAnswer = (file: { fileName: string; data: Uint8Array }) =>
  new Response(new Uint8Array(file.data), {
    status: 200,
    headers: {
      "Content-Type": XLSX_MEDIA_TYPE,
      "Content-Disposition": attachmentDisposition(file.fileName),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });

export function registerBudgetRoutes(app: OpenAPIHono<ApiEnv>, services: AppServices): void {
  const on = (permission: Permission) =>
    guard(services, permission, (principal, associationId, initiativeId) =>
      canOnInitiative(principal, permission, associationId, initiativeId),
    );
  const view = on("budget.view");
  const edit = on("budget.edit");

  app.openapi(guarded(getBudgetRoute, view), async (c) => {
    const { initiativeId } = c.req.valid("param");
    const b = await getCurrentBudget(services.db, associationOf(c).id, initiativeId);
    return c.json(
      {
        initiativeId: b.initiative.id,
        initiativeName: b.initiative.name,
        startDate: b.initiative.startDate,
        endDate: b.initiative.endDate,
        periods: b.periods.map((p) => ({ key: p.key, start: p.start, end: p.end })),
        parties: b.parties,
        budget: b.current ? versionOut(b.current) : null,
      },
      200,
    );
  });

  app.openapi(guarded(listBudgetVersionsRoute, view), async (c) => {
    const { initiativeId } = c.req.valid("param");
    const { versions } = await listBudgetVersions(services.db, associationOf(c).id, initiativeId);
    return c.json({ items: versions.map(versionOut) }, 200);
  });

  app.openapi(guarded(saveBudgetRoute, edit), async (c) => {
    const { initiativeId } = c.req.valid("param");
    const { expectedBudgetVersion, ...input } = c.req.valid("json");
    const saved = await saveBudget(
      services.db,
      actorOf(c),
      associationOf(c).id,
      initiativeId,
      expectedBudgetVersion,
      input,
    );
    return c.json(versionOut(saved), 201);
  });

  app.openapi(guarded(rephaseBudgetRoute, edit), async (c) => {
    const { initiativeId } = c.req.valid("param");
    const body = c.req.valid("json");
    const saved = await rephaseBudget(
      services.db,
      actorOf(c),
      associationOf(c).id,
      initiativeId,
      body.expectedBudgetVersion,
      body.deviationReportId,
      body.lines,
      body.reason,
    );
    return c.json(versionOut(saved), 201);
  });

  app.openapi(guarded(budgetProposalRoute, edit), async (c) => {
    const { initiativeId } = c.req.valid("param");
    const proposal = await budgetFromApplication(services.db, associationOf(c).id, initiativeId);
    if (!proposal)
      return c.json(
        {
          application: null,
          lines: [],
          totals: budgetTotals([]),
          notes: [],
          reason: "",
        },
        200,
      );
    return c.json(
      {
        application: {
          id: proposal.application.id,
          registryNumber: proposal.application.registryNumber,
          decisionDate: proposal.application.decisionDate,
          decidedAmount: proposal.application.decidedAmount,
        },
        lines: proposal.lines,
        totals: totalsOut(proposal.totals),
        notes: proposal.notes,
        reason: proposal.reason,
      },
      200,
    );
  });

  app.openapi(guarded(budgetTemplateRoute, edit), async (c) => {
    const { initiativeId } = c.req.valid("param");
    // a file is no typed JSON answer: the route's responses document it
    return fileAnswer(
      await budgetTemplateXlsx(services.db, associationOf(c).id, initiativeId),
    ) as never;
  });

  app.openapi(guarded(budgetExportRoute, view), async (c) => {
    const { initiativeId } = c.req.valid("param");
    return fileAnswer(
      await budgetExportXlsx(services.db, associationOf(c).id, initiativeId),
    ) as never;
  });

  app.openapi(guarded(importBudgetRoute, edit), async (c) => {
    const { initiativeId } = c.req.valid("param");
    const query = c.req.valid("query");
    const type = c.req.header("content-type") ?? "";
    let data: Uint8Array;
    let fileName = query.fileName ?? "budget.xlsx";
    if (/^multipart\/form-data\b/i.test(type)) {
      const body = await c.req.parseBody();
      const file = body.file;
      if (!(file instanceof File))
        throw new ValidationError({ file: "Skicka den ifyllda mallen i fältet file, som en fil." });
      data = new Uint8Array(await file.arrayBuffer());
      fileName = file.name || fileName;
    } else if (type.toLowerCase().startsWith(XLSX_MEDIA_TYPE)) {
      data = new Uint8Array(await c.req.arrayBuffer());
    } else
      return problemResponse(c, {
        type: PROBLEM_TYPES.unsupportedMediaType,
        title: "Innehållstypen stöds inte",
        status: 415,
        detail: `Skicka mallen som multipart/form-data i fältet file (till exempel curl -F file=@budget.xlsx), eller som hela innehållet med Content-Type ${XLSX_MEDIA_TYPE}.`,
      }) as never;
    const dryRun = query.dryRun === "true";
    if (!dryRun && query.expectedBudgetVersion === undefined)
      throw new ValidationError({
        expectedBudgetVersion:
          "Ange versionen du utgår från i expectedBudgetVersion, 0 om insatsen inte har någon budget än.",
      });
    const expected = Number(query.expectedBudgetVersion ?? "0");
    const result = await importBudgetXlsx(
      services.db,
      actorOf(c),
      associationOf(c).id,
      initiativeId,
      expected === 0 ? null : expected,
      { data, fileName, ...(query.reason ? { reason: query.reason } : {}), dryRun },
    );
    return c.json(
      {
        dryRun,
        lines: result.lines,
        totals: totalsOut(result.totals),
        current: result.current,
        saved: result.saved ? versionOut(result.saved) : null,
      },
      dryRun ? 200 : 201,
    );
  });
}
