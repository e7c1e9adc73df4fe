// The pieces every API operation's OpenAPI description is built from: the bearer security,
// the problem responses that mean the same in every module, JSON bodies, the association
// path parameter, dates and times, comments and version histories, and documents to download.
// Module-specific answers (what "not found" or "forbidden" means there) stay with their module.
import { createRoute, type RouteConfig, z } from "@hono/zod-openapi";
import { PROBLEM_CONTENT_TYPE, ProblemSchema } from "./problems.ts";

export const security = [{ bearer: [] }];

/** A problem+json response with its description. */
export function problem(description: string) {
  return { description, content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } } };
}

export const invalid = problem(
  "Ogiltiga uppgifter eller ogiltig JSON; `errors` anger fälten, med ett meddelande på svenska för varje.",
);
export const unauthorized = problem(
  "API-nyckel saknas eller är ogiltig (svaret har huvudet WWW-Authenticate).",
);
export const unsupported = problem("Innehållet skickades inte som application/json.");
export const tooLarge = problem("Innehållet är större än 512 kB.");
export const rateLimited = problem(
  "För många anrop med samma nyckel; huvudet Retry-After anger hur länge du ska vänta.",
);
export const internal = problem("Oväntat fel hos oss; ange `requestId` om du kontaktar oss.");
/** Answers any operation may give. */
export const common = { 401: unauthorized, 429: rateLimited, 500: internal } as const;
/** Answers of any operation that reads a JSON body. */
export const writing = { 400: invalid, 413: tooLarge, 415: unsupported } as const;
/** 404 of an operation on the association itself (its lists, a new item). */
export const associationNotFound = problem(
  "Förbundet finns inte eller nyckelns ägare har ingen roll i det.",
);
/** 403 of an operation on the association itself. */
export const forbiddenInAssociation = problem(
  "Nyckelns ägare saknar behörighet, eller nyckeln får bara läsa (scope read).",
);

export const json = <T>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
export const jsonBody = <T>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

export const AssociationParams = z.object({
  slug: z
    .string()
    .min(1)
    .max(100)
    .openapi({
      param: { name: "slug", in: "path" },
      description: "Förbundets kortnamn, samma som i webbadressen.",
      example: "uppsala-lan",
    }),
});

/**
 * The operations on one of the association's collections (its list, a new item in it) at
 * `path`, as OpenAPI describes them. Each gives its own success answers; the association's 403
 * and 404, 400 for invalid input and the answers of any operation are added here, and 413 and
 * 415 where a JSON body is read. A module whose 400, 403 or 404 says more gives its own.
 */
export function collectionRoutes(collection: {
  tag: string;
  path: string;
  invalid?: ReturnType<typeof problem>;
  forbidden?: ReturnType<typeof problem>;
  notFound?: ReturnType<typeof problem>;
}) {
  type Described = { operationId: string; summary: string; description: string };
  type Answers = RouteConfig["responses"];
  const refused = collection.invalid ?? invalid;
  const forbidden = collection.forbidden ?? forbiddenInAssociation;
  const notFound = collection.notFound ?? associationNotFound;
  const described = (o: Described) => ({
    path: collection.path,
    operationId: o.operationId,
    tags: [collection.tag],
    summary: o.summary,
    description: o.description,
    security,
  });
  return {
    /** The list, filtered by `query`. */
    list: <Q extends z.ZodObject, A extends Answers>(o: Described & { query: Q; answers: A }) =>
      createRoute({
        method: "get",
        ...described(o),
        request: { params: AssociationParams, query: o.query },
        responses: {
          ...o.answers,
          400: refused,
          403: forbidden,
          404: notFound,
          ...common,
        },
      }),
    /** A new item from a JSON body; `notFound` where the body names something that may not exist. */
    create: <B extends z.ZodType, A extends Answers>(
      o: Described & { body: B; answers: A; notFound?: ReturnType<typeof problem> },
    ) =>
      createRoute({
        method: "post",
        ...described(o),
        request: { params: AssociationParams, body: jsonBody(o.body) },
        responses: {
          ...o.answers,
          ...writing,
          400: refused,
          403: forbidden,
          404: o.notFound ?? notFound,
          ...common,
        },
      }),
  };
}

/** Dates (ÅÅÅÅ-MM-DD, or null) described with the module's example. */
export const isoDateLike = (example: string) => (description: string) =>
  z.iso.date().nullable().openapi({ description, example });

/** Timestamps (ISO 8601 with offset) described with the module's example. */
export const timestampLike = (example: string) => (description: string) =>
  z.iso.datetime({ offset: true }).openapi({ description, example });

type Timestamp = ReturnType<typeof timestampLike>;

/** A whole number, or null, as answered. */
export const whole = (description: string, example: number) =>
  z.number().int().nullable().openapi({ description, example });

/** Rich text as answered. */
export const narrative = (description: string, example: string) =>
  z.string().openapi({
    description: `${description} Text med enkel formatering: rubriker, listor och stycken.`,
    example,
  });

/** A number in input as a number or as text ("1 200 000", "60 %"), as people type them. */
export const numberOrText = (description: string, example: number | string) =>
  z
    .union([z.number(), z.string().max(40)])
    .nullable()
    .default(null)
    .openapi({
      description: `${description} Ett tal, eller text som "${example}"; null eller utelämnat för inget.`,
      example,
    });

/** A date in input (ÅÅÅÅ-MM-DD) that may be left out. */
export const optionalDate = (description: string) =>
  z.iso
    .date()
    .nullable()
    .default(null)
    .openapi({ description: `${description} ÅÅÅÅ-MM-DD; null eller utelämnat för inget.` });

/**
 * A comment on an item as the API shows it: who, what and when, and `about` (between the id
 * and the author) where a comment can be about a part of the item.
 */
export function commentSchema<A extends z.ZodRawShape = Record<never, never>>(
  name: string,
  o: {
    authorExample: string;
    textExample: string;
    timestamp: Timestamp;
    about?: A;
    description?: string;
  },
) {
  return z
    .object({
      id: z.uuid(),
      ...(o.about ?? ({} as A)),
      authorName: z.string().openapi({ example: o.authorExample }),
      text: z.string().openapi({ example: o.textExample }),
      createdAt: o.timestamp("När kommentaren skrevs."),
    })
    .openapi(name, o.description === undefined ? undefined : { description: o.description });
}

/** One saved version in an item's history: which, in what status, why, by whom and when. */
export function versionFields<S extends z.ZodType>(
  status: S,
  o: {
    /** The events that give a version, as "created, saved eller submitted". */
    events: string;
    eventExample: string;
    note: string;
    actor: { description?: string; example?: string };
    timestamp: Timestamp;
  },
) {
  return {
    version: z.number().int().openapi({ example: 2 }),
    status,
    event: z.string().openapi({
      description: `Vad som gav versionen: ${o.events}.`,
      example: o.eventExample,
    }),
    note: z.string().nullable().openapi({ description: o.note }),
    actorName: z.string().openapi(o.actor),
    createdAt: o.timestamp("När versionen sparades."),
  };
}

/** An item's history, newest first. */
export const versionListSchema = <F extends z.ZodRawShape>(
  name: string,
  fields: F,
  description: string,
) => z.object({ items: z.array(z.object(fields)) }).openapi(name, { description });

const DOCUMENT_TYPES = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
} as const;

/** The query of a document download: the format. */
export const DocumentQuery = z.object({
  format: z.enum(["docx", "pdf"]).openapi({
    param: { name: "format", in: "query" },
    description: "docx (Word) eller pdf.",
    example: "pdf",
  }),
});

/** The answers of a document download that are the same for every document. */
export const documentAnswers = {
  200: {
    description: "Dokumentet, som bilaga (Content-Disposition: attachment).",
    content: {
      [DOCUMENT_TYPES.docx]: { schema: z.string().openapi({ format: "binary" }) },
      [DOCUMENT_TYPES.pdf]: { schema: z.string().openapi({ format: "binary" }) },
    },
  },
  400: problem("Okänt eller saknat format; `errors` anger fältet format."),
};
