// Requisitions in the API: the list, one requisition with its lines beside the period's budget,
// attachments and history; starting one for an initiative's period, saving its lines, uploading
// (multipart/form-data, checked by contents), downloading and removing attachments; submitting,
// and the office's return with a reason, approval and payment. The use cases in
// src/finance/requisitions.ts decide what may be stored; this file authorizes (before
// validation, like every association operation), reads requests with zod schemas that also make
// the OpenAPI document, and shapes the answers.
//
// A requisition the caller may not see answers 404, exactly like one that does not exist; one
// the caller sees but may not act on answers 403. Reading needs requisition.view on the
// initiative, writing and submitting requisition.write, the office's steps finance.manage.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { can, canOnInitiative, visibleRequisitions } from "../access/policy.ts";
import type { Principal } from "../access/principal.ts";
import { BUDGET_CATEGORIES, CO_FINANCING_KINDS } from "../applications/content.ts";
import {
  addRequisitionAttachment,
  approveRequisition,
  createRequisition,
  getRequisition,
  getRequisitionAttachment,
  listRequisitions,
  markRequisitionPaid,
  PAYMENT_STATUSES,
  REQUISITION_STATUSES,
  type RequisitionDeps,
  type RequisitionDetails,
  RequisitionExistsError,
  removeRequisitionAttachment,
  returnRequisition,
  saveRequisition,
  submitRequisition,
} from "../finance/requisitions.ts";
import { FUNDING_SOURCES } from "../finance/schema.ts";
import { NotFoundError, ValidationError } from "../platform/errors.ts";
import type { AppServices } from "../platform/http/request-context.ts";
import { MAX_ATTACHMENT_BYTES } from "../reports/steering-groups.ts";
import { actorOf, associationOf, guard, guarded, principalOf } from "./app.ts";
import {
  attachmentOut,
  attachmentSchema,
  downloadAnswer,
  storedFileBody,
  uploadBody,
  uploadRefusals,
} from "./attachment-routes-kit.ts";
import {
  guardedItem,
  iso,
  itemRoutes,
  onSomeInitiative,
  refuse,
  someVisible,
} from "./item-operations.ts";
import {
  AssociationParams,
  collectionRoutes,
  common,
  invalid,
  isoDateLike,
  json,
  problem,
  security,
  timestampLike,
} from "./operation-kit.ts";
import type { ApiEnv } from "./problems.ts";
import { uploadedFile } from "./uploaded-file.ts";

// ---------------------------------------------------------------------------------------------
// Schemas

const TAG = "Rekvisitioner";

const forbidden = problem(
  "Nyckelns ägare ser rekvisitionen men saknar behörighet för åtgärden (rekvisitioner skrivs med requisition.write; granskning, godkännande och utbetalning kräver finance.manage), eller nyckeln får bara läsa (scope read).",
);
const requisitionNotFound = problem(
  "Förbundet eller rekvisitionen finns inte, eller nyckelns ägare får inte se rekvisitionen. Svaret är detsamma i alla fallen.",
);
const conflict = problem(
  "Rekvisitionen har ändrats sedan du läste den (versionen stämmer inte). Hämta den på nytt; inget sparades.",
);

const RequisitionParams = AssociationParams.extend({
  requisitionId: z.uuid().openapi({
    param: { name: "requisitionId", in: "path" },
    description: "Rekvisitionens id.",
    example: "5b2c2a4e-6f3b-4c1d-9e2a-5b7f0c3d4e21",
  }),
});
const AttachmentParams = RequisitionParams.extend({
  fileId: z.uuid().openapi({
    param: { name: "fileId", in: "path" },
    description: "Bilagans id.",
    example: "9a1c2a4e-6f3b-4c1d-9e2a-5b7f0c3d4e21",
  }),
});

const isoDate = isoDateLike("2026-09-30");
const timestamp = timestampLike("2026-10-12T09:30:00.000Z");

const Status = z.enum(REQUISITION_STATUSES).openapi({
  description:
    "utkast, inskickad (granskas av kansliet), aterskickad (för komplettering) eller godkand (förbundsmedlen är periodens utfall).",
  example: "inskickad",
});
const PaymentStatus = z.enum(PAYMENT_STATUSES).openapi({
  description: "ej_betald eller betald; bara en godkänd rekvisition betalas.",
  example: "ej_betald",
});
const Category = z.enum(BUDGET_CATEGORIES).openapi({
  description: "Kostnadsslag: personal, lokaler, resor, material, utvardering eller ovrigt.",
  example: "personal",
});
const Source = z.enum(FUNDING_SOURCES).openapi({
  description:
    "forbund (förbundsmedel) eller medfinansiering (en parts egen finansiering eller medfinansiering).",
  example: "forbund",
});
const CoKind = z.enum(CO_FINANCING_KINDS).openapi({
  description:
    "Vid medfinansiering: pengar, personaltid eller deltagarersattning (deltagarnas ersättningar i ESF-projekt).",
  example: "personaltid",
});
const Version = (description: string) =>
  z.number().int().min(1).openapi({ description, example: 3 });
const READ_VERSION =
  "Versionen du läste. Har någon annan ändrat rekvisitionen sedan dess blir svaret 409, och inget sparas.";
const kronor = (description: string, example = 95000) =>
  z
    .number()
    .int()
    .openapi({ description: `${description} Hela kronor.`, example });

const LineSchema = z
  .object({
    category: Category,
    source: Source,
    organisationId: z.uuid().nullable().openapi({ description: "Parten, vid medfinansiering." }),
    organisationName: z.string().nullable().openapi({ example: "Tierps kommun" }),
    coKind: CoKind.nullable(),
    amount: kronor("Beloppet."),
  })
  .openapi("RequisitionLine", { description: "Ett belopp per kostnadsslag och källa." });

const LineInputSchema = z
  .object({
    category: Category,
    source: Source,
    organisationId: z.uuid().nullable().default(null).openapi({
      description: "Vid medfinansiering: insatsägaren eller en samverkanspart. Annars null.",
    }),
    coKind: CoKind.nullable().default(null),
    amount: z
      .union([z.number(), z.string().max(40)])
      .nullable()
      .openapi({
        description:
          'Hela kronor, noll eller mer, som ett tal eller text som "95 000". Tomt eller null: ingen rad.',
        example: "95 000",
      }),
  })
  .openapi("RequisitionLineInput");

const TotalsSchema = z
  .object({
    total: kronor("Alla rader."),
    association: kronor("Förbundsmedel."),
    coFinancing: kronor("Medfinansiering och egen finansiering.", 28500),
  })
  .openapi("RequisitionTotals");

const AttachmentSchema = attachmentSchema("RequisitionAttachment", {
  fileNameExample: "Huvudbok K3 2026.pdf",
  sizeExample: 48213,
  sha256: "Filens SHA-256, hexadecimalt.",
  uploadedAt: timestamp("När bilagan laddades upp."),
  uploaderExample: "Leila Haddad",
  description: "Underlag, till exempel huvudboksutdrag.",
});

const EventSchema = z
  .object({
    event: z.string().openapi({
      description:
        "skapad, sparad, inskickad, aterskickad, godkand, betald, bilaga_tillagd eller bilaga_borttagen.",
      example: "inskickad",
    }),
    note: z.string().nullable().openapi({
      description: "Skälet vid återskickning, filnamnet för en bilaga, utbetalningsdagen …",
    }),
    actorName: z.string().openapi({ example: "Leila Haddad" }),
    createdAt: timestamp("När det hände."),
    total: z.number().int().nullable().openapi({ description: "Alla rader just då." }),
    association: z.number().int().nullable().openapi({ description: "Förbundsmedel just då." }),
  })
  .openapi("RequisitionEvent");

const RequisitionSchema = z
  .object({
    id: z.uuid(),
    initiativeId: z.uuid(),
    initiativeName: z.string().openapi({ example: "Tierp, Växtverket" }),
    periodKey: z.string().openapi({ example: "2026-K3" }),
    periodStart: isoDate("Periodens första dag."),
    periodEnd: isoDate("Periodens sista dag."),
    status: Status,
    note: z.string().openapi({ description: "Kommentar till kansliet." }),
    lines: z.array(LineSchema),
    totals: TotalsSchema,
    periodBudget: z
      .object({
        budgetVersion: z.number().int().nullable().openapi({
          description: "Den gällande budgetversionen, eller null om insatsen saknar budget.",
        }),
        lines: z.array(LineSchema),
        totals: TotalsSchema,
      })
      .openapi({ description: "Periodens budget i den gällande budgetversionen." }),
    submittedAt: timestamp("När rekvisitionen senast skickades in.").nullable(),
    returnReason: z.string().nullable().openapi({
      description: "Kansliets skäl när rekvisitionen är återskickad; null annars.",
    }),
    approvedAt: timestamp("När rekvisitionen godkändes.").nullable(),
    approvedByName: z.string().nullable(),
    paymentStatus: PaymentStatus,
    paidOn: isoDate("Utbetalningsdagen, eller null."),
    attachments: z.array(AttachmentSchema),
    events: z.array(EventSchema).openapi({ description: "Historiken, den senaste först." }),
    createdAt: timestamp("När rekvisitionen skapades."),
    updatedAt: timestamp("När rekvisitionen senast ändrades."),
    version: z.number().int().openapi({
      description: "Ökar vid varje ändring, också när en bilaga läggs till; skicka med den.",
      example: 3,
    }),
  })
  .openapi("Requisition", {
    description: "En rekvisition: en insats faktiska kostnader för en rapportperiod.",
  });

const SummarySchema = z
  .object({
    id: z.uuid(),
    initiativeId: z.uuid(),
    initiativeName: z.string().openapi({ example: "Tierp, Växtverket" }),
    periodKey: z.string().openapi({ example: "2026-K3" }),
    periodStart: isoDate("Periodens första dag."),
    periodEnd: isoDate("Periodens sista dag."),
    status: Status,
    paymentStatus: PaymentStatus,
    paidOn: isoDate("Utbetalningsdagen, eller null."),
    association: kronor("Förbundsmedel som rekvireras."),
    coFinancing: kronor("Medfinansiering som redovisas.", 28500),
    total: kronor("Alla rader.", 123500),
    attachments: z.number().int().openapi({ description: "Antal bilagor.", example: 1 }),
    submittedAt: timestamp("När rekvisitionen senast skickades in.").nullable(),
    approvedAt: timestamp("När rekvisitionen godkändes.").nullable(),
    updatedAt: timestamp("När rekvisitionen senast ändrades."),
    version: z.number().int(),
  })
  .openapi("RequisitionSummary");

const ListSchema = z
  .object({ items: z.array(SummarySchema) })
  .openapi("RequisitionList", { description: "Rekvisitionerna, de senaste perioderna först." });

const CreateSchema = z
  .object({
    initiativeId: z.uuid().openapi({
      description:
        "Insatsen: beviljad, pågående eller avslutad, och en som nyckelns ägare rekvirerar för.",
    }),
    periodKey: z.string().max(20).openapi({
      description:
        "En av insatsens rapportperioder som har börjat, som 2026-K3 (kvartal) eller 2026-T2 (tertial). En period har en rekvisition.",
      example: "2026-K3",
    }),
  })
  .openapi("RequisitionInput");

const UpdateSchema = z
  .object({
    version: Version(READ_VERSION),
    lines: z.array(LineInputSchema).max(200).openapi({
      description:
        "Alla rader; de ersätter de sparade. Fel anges per rad som lines.<index>.<fält>, till exempel lines.0.amount.",
    }),
    note: z.string().max(6000).default("").openapi({
      description: "Kommentar till kansliet, högst 5 000 tecken.",
      example: "En vakans i augusti.",
    }),
  })
  .openapi("RequisitionUpdate", {
    description:
      "Raderna och kommentaren. Bara ett utkast eller en återskickad rekvisition ändras.",
  });

const VersionOnly = z.object({ version: Version(READ_VERSION) }).openapi("RequisitionVersion");
const ReturnSchema = z
  .object({
    version: Version(READ_VERSION),
    reason: z.string().max(6000).openapi({
      description: "Varför rekvisitionen skickas tillbaka och vad som ska kompletteras; krävs.",
      example: "Underlaget saknas. Ladda upp ett utdrag ur huvudboken.",
    }),
  })
  .openapi("RequisitionReturn");
const PaymentSchema = z
  .object({
    version: Version(READ_VERSION),
    paidOn: z.string().max(20).openapi({
      description: "Utbetalningsdagen, ÅÅÅÅ-MM-DD: inte i framtiden och inte före godkännandet.",
      example: "2026-10-20",
    }),
  })
  .openapi("RequisitionPayment");

// ---------------------------------------------------------------------------------------------
// Routes

const base = "/associations/{slug}/requisitions";
const one = `${base}/{requisitionId}`;
const requisitions = collectionRoutes({ tag: TAG, path: base });

export const listRequisitionsRoute = requisitions.list({
  operationId: "listRequisitions",
  summary: "Lista rekvisitioner",
  description:
    "Förbundets rekvisitioner som nyckelns ägare får se, de senaste perioderna först: alla med behörigheten requisition.view i förbundet, annars de för insatser ägaren är insatsansvarig eller sitter i styrgruppen för. Ingen sådan insats ger 403.",
  query: z.object({
    status: Status.optional(),
    year: z.coerce
      .number()
      .int()
      .min(2000)
      .max(2100)
      .optional()
      .openapi({ description: "Bara perioderna i ett år.", example: 2026 }),
    initiativeId: z.uuid().optional().openapi({ description: "Bara en insats rekvisitioner." }),
  }),
  answers: { 200: json(ListSchema, "Rekvisitionerna.") },
});

export const createRequisitionRoute = requisitions.create({
  operationId: "createRequisition",
  summary: "Påbörja en rekvisition",
  description:
    "Skapar ett utkast för en av insatsens rapportperioder som har börjat. En period utanför insatsens datum, en som inte har börjat och en som redan har en rekvisition avvisas med 400 i fältet periodKey. Kräver behörigheten requisition.write på insatsen och scope write. Händelsen förs in i granskningsloggen.",
  body: CreateSchema,
  answers: { 201: json(RequisitionSchema, "Utkastet skapades.") },
  notFound: problem("Förbundet eller insatsen finns inte."),
});

const requisition = itemRoutes({
  tag: TAG,
  path: one,
  params: RequisitionParams,
  forbidden,
  notFound: requisitionNotFound,
});

export const getRequisitionRoute = requisition.get({
  operationId: "getRequisition",
  summary: "Hämta en rekvisition",
  description:
    "Rekvisitionen med rader, periodens budget, bilagor och historik. Kräver behörigheten requisition.view på insatsen.",
  answers: { 200: json(RequisitionSchema, "Rekvisitionen.") },
});

export const updateRequisitionRoute = requisition.put({
  operationId: "updateRequisition",
  summary: "Spara rekvisitionens rader",
  description:
    "Ersätter raderna och kommentaren i ett utkast eller en återskickad rekvisition. Ett negativt belopp eller text som inte är ett belopp avvisas med 400 i fältet lines.<index>.amount, och inget sparas. Kräver behörigheten requisition.write på insatsen och scope write.",
  body: UpdateSchema,
  answers: { 200: json(RequisitionSchema, "Rekvisitionen efter ändringen."), 409: conflict },
});

export const submitRequisitionRoute = requisition.post({
  path: "submit",
  operationId: "submitRequisition",
  summary: "Skicka in en rekvisition",
  description:
    "Skickar ett utkast eller en återskickad rekvisition till kansliet, som får ett mejl. Minst en rad krävs; en bilaga krävs inte (kansliet kan skicka tillbaka rekvisitionen om underlaget saknas). Kräver behörigheten requisition.write på insatsen och scope write.",
  body: VersionOnly,
  answers: { 200: json(RequisitionSchema, "Rekvisitionen efter inskickningen."), 409: conflict },
});

export const returnRequisitionRoute = requisition.post({
  path: "return",
  operationId: "returnRequisition",
  summary: "Skicka tillbaka en rekvisition för komplettering",
  description:
    "Kansliet skickar tillbaka en inskickad rekvisition med ett skäl; insatsens ansvariga får ett mejl. Kräver behörigheten finance.manage och scope write.",
  body: ReturnSchema,
  answers: { 200: json(RequisitionSchema, "Rekvisitionen efter återskickningen."), 409: conflict },
});

export const approveRequisitionRoute = requisition.post({
  path: "approve",
  operationId: "approveRequisition",
  summary: "Godkänn en rekvisition",
  description:
    "Kansliet godkänner en inskickad rekvisition: förbundsmedlen blir periodens utfall, och insatsens ansvariga får ett mejl. En godkänd rekvisition ändras inte. Kräver behörigheten finance.manage och scope write.",
  body: VersionOnly,
  answers: { 200: json(RequisitionSchema, "Rekvisitionen efter godkännandet."), 409: conflict },
});

export const payRequisitionRoute = requisition.post({
  path: "payment",
  operationId: "markRequisitionPaid",
  summary: "Registrera utbetalningen av en rekvisition",
  description:
    "Markerar en godkänd rekvisition som betald en viss dag, inte i framtiden. Kräver behörigheten finance.manage och scope write.",
  body: PaymentSchema,
  answers: { 200: json(RequisitionSchema, "Rekvisitionen efter utbetalningen."), 409: conflict },
});

export const uploadRequisitionAttachmentRoute = createRoute({
  method: "post",
  path: `${one}/attachments`,
  operationId: "uploadRequisitionAttachment",
  tags: [TAG],
  summary: "Ladda upp underlag till en rekvisition",
  description: `Laddar upp en bilaga som multipart/form-data, i fältet file, till ett utkast eller en återskickad rekvisition. Filen prövas på sitt innehåll, inte sitt namn: PDF, Excel (xlsx), Word (docx eller doc), PowerPoint (pptx) eller OpenDocument (odt, ods, odp), högst ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB. Annat avvisas med 400 i fältet file. Rekvisitionens version ökar. Kräver behörigheten requisition.write på insatsen och scope write.`,
  security,
  request: {
    params: RequisitionParams,
    body: uploadBody("Bilagan"),
  },
  responses: {
    201: json(AttachmentSchema, "Bilagan sparades."),
    400: problem(
      "Filen saknas, är tom, är inget dokument eller är större än 10 MB (fältet file), eller rekvisitionen är inskickad eller godkänd (fältet status).",
    ),
    403: forbidden,
    404: requisitionNotFound,
    ...uploadRefusals,
    ...common,
  },
});

export const downloadRequisitionAttachmentRoute = createRoute({
  method: "get",
  path: `${one}/attachments/{fileId}`,
  operationId: "getRequisitionAttachment",
  tags: [TAG],
  summary: "Hämta en bilaga",
  description:
    "Bilagan som den laddades upp, med sin mediatyp, som bilaga (Content-Disposition: attachment). Kräver behörigheten requisition.view på insatsen.",
  security,
  request: { params: AttachmentParams },
  responses: {
    200: downloadAnswer("Bilagan."),
    400: invalid,
    403: forbidden,
    404: problem("Förbundet, rekvisitionen eller bilagan finns inte."),
    ...common,
  },
});

export const deleteRequisitionAttachmentRoute = createRoute({
  method: "delete",
  path: `${one}/attachments/{fileId}`,
  operationId: "deleteRequisitionAttachment",
  tags: [TAG],
  summary: "Ta bort en bilaga",
  description:
    "Tar bort en bilaga från ett utkast eller en återskickad rekvisition; historiken behåller filnamnet. Rekvisitionens version ökar. Kräver behörigheten requisition.write på insatsen och scope write.",
  security,
  request: { params: AttachmentParams },
  responses: {
    204: { description: "Bilagan togs bort." },
    400: problem("Rekvisitionen är inskickad eller godkänd (fältet status)."),
    403: forbidden,
    404: problem("Förbundet, rekvisitionen eller bilagan finns inte."),
    ...common,
  },
});

// ---------------------------------------------------------------------------------------------
// Handlers

const NOT_FOUND = "Rekvisitionen finns inte i förbundet, eller så får du inte se den.";

/** The office's part is association-wide, whatever the initiative. */
const office = (principal: Principal, associationId: string) =>
  can(principal, "finance.manage", associationId);

const lineOut = (l: RequisitionDetails["lines"][number]) => ({
  category: l.category,
  source: l.source,
  organisationId: l.organisationId,
  organisationName: l.partyName,
  coKind: l.coKind,
  amount: l.amount,
});

const totalsOut = (t: { total: number; association: number; coFinancing: number }) => ({
  total: t.total,
  association: t.association,
  coFinancing: t.coFinancing,
});

function requisitionOut(r: RequisitionDetails) {
  return {
    id: r.id,
    initiativeId: r.initiativeId,
    initiativeName: r.initiativeName,
    periodKey: r.periodKey,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    status: r.status,
    note: r.note,
    lines: r.lines.map(lineOut),
    totals: totalsOut(r.totals),
    periodBudget: {
      budgetVersion: r.budget.budgetVersion,
      lines: r.budget.lines.map(lineOut),
      totals: totalsOut(r.budget.totals),
    },
    submittedAt: iso(r.submittedAt),
    returnReason: r.returnReason,
    approvedAt: iso(r.approvedAt),
    approvedByName: r.approvedByName,
    paymentStatus: r.paymentStatus,
    paidOn: r.paidOn,
    attachments: r.attachments.map(attachmentOut),
    events: r.events.map((e) => ({
      event: e.event,
      note: e.note,
      actorName: e.actorName,
      createdAt: e.createdAt.toISOString(),
      total: e.total,
      association: e.association,
    })),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

type Loaded = RequisitionDetails & { comments: never[] };

const item = guardedItem<Loaded, ReturnType<typeof requisitionOut>>({
  idParam: "requisitionId",
  view: "requisition.view",
  notFound: NOT_FOUND,
  // a requisition has no comments; the item guard reads them for the items that do
  load: async (q, associationId, id): Promise<Loaded | undefined> => {
    const found = await getRequisition(q, associationId, id);
    return found ? { ...found, comments: [] } : undefined;
  },
  out: requisitionOut,
});

export function registerRequisitionRoutes(app: OpenAPIHono<ApiEnv>, services: AppServices): void {
  const deps = (): RequisitionDeps => ({
    mailer: services.mailer,
    baseUrl: services.config.baseUrl,
  });
  const write = item.guard(services, "requisition.write");
  const manage = item.guard(services, "finance.manage", (principal, associationId) =>
    office(principal, associationId),
  );

  app.openapi(
    guarded(
      listRequisitionsRoute,
      guard(services, "requisition.view", someVisible(visibleRequisitions)),
    ),
    async (c) => {
      const association = associationOf(c);
      const { status, year, initiativeId } = c.req.valid("query");
      const rows = await listRequisitions(services.db, association.id, {
        visible: visibleRequisitions(principalOf(c), association.id),
        status,
        year,
        initiativeId,
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
            status: r.status,
            paymentStatus: r.paymentStatus,
            paidOn: r.paidOn,
            association: r.association,
            coFinancing: r.coFinancing,
            total: r.total,
            attachments: r.attachments,
            submittedAt: iso(r.submittedAt),
            approvedAt: iso(r.approvedAt),
            updatedAt: r.updatedAt.toISOString(),
            version: r.version,
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    guarded(
      createRequisitionRoute,
      guard(services, "requisition.write", onSomeInitiative("requisition.write")),
    ),
    async (c) => {
      const { initiativeId, periodKey } = c.req.valid("json");
      const association = associationOf(c);
      if (!canOnInitiative(principalOf(c), "requisition.write", association.id, initiativeId))
        refuse(
          "requisition.write",
          "Du rekvirerar inte medel för den insatsen. Ange en insats där du är insatsansvarig.",
        );
      let id: string;
      try {
        id = await createRequisition(
          services.db,
          actorOf(c),
          association.id,
          initiativeId,
          periodKey,
        );
      } catch (error) {
        if (error instanceof RequisitionExistsError)
          throw new ValidationError({
            periodKey: `${error.fields.periodKey} Rekvisitionens id: ${error.existingId}.`,
          });
        throw error;
      }
      const created = await getRequisition(services.db, association.id, id);
      if (!created) throw new NotFoundError(NOT_FOUND);
      return c.json(requisitionOut(created), 201);
    },
  );

  app.openapi(guarded(getRequisitionRoute, item.guard(services, "requisition.view")), (c) =>
    item.show(services, c),
  );

  app.openapi(guarded(updateRequisitionRoute, write), (c) => {
    const { version, lines, note } = c.req.valid("json");
    return item.change(services, c, (...at) => saveRequisition(...at, version, { lines, note }));
  });

  app.openapi(guarded(submitRequisitionRoute, write), (c) => {
    const { version } = c.req.valid("json");
    return item.change(services, c, (db, actor, associationId, id) =>
      submitRequisition(db, deps(), actor, associationId, id, version),
    );
  });

  app.openapi(guarded(returnRequisitionRoute, manage), (c) => {
    const { version, reason } = c.req.valid("json");
    return item.change(services, c, (db, actor, associationId, id) =>
      returnRequisition(db, deps(), actor, associationId, id, version, reason),
    );
  });

  app.openapi(guarded(approveRequisitionRoute, manage), (c) => {
    const { version } = c.req.valid("json");
    return item.change(services, c, (db, actor, associationId, id) =>
      approveRequisition(db, deps(), actor, associationId, id, version),
    );
  });

  app.openapi(guarded(payRequisitionRoute, manage), (c) => {
    const { version, paidOn } = c.req.valid("json");
    return item.change(services, c, (...at) => markRequisitionPaid(...at, version, paidOn));
  });

  app.openapi(guarded(uploadRequisitionAttachmentRoute, write), async (c) => {
    const { requisitionId } = c.req.valid("param");
    const file = await uploadedFile(c, "bilagan", "huvudbok.pdf");
    // a problem answer is no typed success: the route's responses document the 415
    if (file instanceof Response) return file as never;
    const id = await addRequisitionAttachment(
      services.db,
      actorOf(c),
      associationOf(c).id,
      requisitionId,
      file,
    );
    const stored = (await item.details(services, c, true)).attachments.find((a) => a.id === id);
    if (!stored) throw new Error("attachment not found after insert");
    return c.json(attachmentOut(stored), 201);
  });

  app.openapi(
    guarded(downloadRequisitionAttachmentRoute, item.guard(services, "requisition.view")),
    async (c) => {
      const { requisitionId, fileId } = c.req.valid("param");
      const found = await getRequisitionAttachment(
        services.db,
        associationOf(c).id,
        requisitionId,
        fileId,
      );
      if (!found) throw new NotFoundError("Bilagan finns inte.");
      return storedFileBody(c, found);
    },
  );

  app.openapi(guarded(deleteRequisitionAttachmentRoute, write), async (c) => {
    const { requisitionId, fileId } = c.req.valid("param");
    await removeRequisitionAttachment(
      services.db,
      actorOf(c),
      associationOf(c).id,
      requisitionId,
      fileId,
    );
    return c.body(null, 204);
  });
}
