// How the API reports errors: RFC 9457 problem details (application/problem+json) with Swedish
// texts, one request id per answer, and field-by-field messages for invalid input. Turns the
// use cases' deliberate errors, zod validation failures and Hono's HTTP exceptions into
// problems; anything else is a bug, logged and answered without details.
import { randomUUID } from "node:crypto";
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ZodError } from "zod";
import { ForbiddenError } from "../access/policy.ts";
import type { Principal } from "../access/principal.ts";
import type { Association } from "../associations/find-association.ts";
import { ConflictError, NotFoundError, ValidationError } from "../platform/errors.ts";

/** What the API's handlers find on the request context; `association` once a route's guard allowed it. */
export type ApiEnv = {
  Variables: { requestId: string; principal: Principal; association?: Association };
};
export type ApiContext = Context<ApiEnv>;

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

const URN = "urn:samspar:problem:";
export const PROBLEM_TYPES = {
  validation: `${URN}validation`,
  malformedJson: `${URN}malformed-json`,
  unauthorized: `${URN}unauthorized`,
  forbidden: `${URN}forbidden`,
  notFound: `${URN}not-found`,
  conflict: `${URN}conflict`,
  payloadTooLarge: `${URN}payload-too-large`,
  unsupportedMediaType: `${URN}unsupported-media-type`,
  rateLimited: `${URN}rate-limited`,
  internal: `${URN}internal`,
  http: "about:blank",
} as const;

export const FieldProblemSchema = z
  .object({
    field: z.string().openapi({
      description: "Fältets namn, punktseparerat för nästlade fält.",
      example: "orgNumber",
    }),
    message: z.string().openapi({
      description: "Vad som är fel och hur det rättas, på svenska.",
      example: "Organisationsnumret ska ha tio siffror, till exempel 212000-0142.",
    }),
  })
  .openapi("FieldProblem");

export const ConflictChangeSchema = z
  .object({
    field: z.string().openapi({ description: "Fältets namn.", example: "purpose" }),
    label: z.string().openapi({ description: "Fältets rubrik på svenska.", example: "Syfte" }),
    before: z
      .array(z.string())
      .openapi({ description: "Fältet när du läste uppgifterna, som rader text." }),
    theirs: z
      .array(z.string())
      .openapi({ description: "Fältet som den andra sparade det, som rader text." }),
  })
  .openapi("ConflictChange", { description: "Ett fält som någon annan har ändrat." });

export const ProblemSchema = z
  .object({
    type: z.string().openapi({
      description: "Vilken sorts fel, som URN (urn:samspar:problem:…) eller about:blank.",
      example: PROBLEM_TYPES.validation,
    }),
    title: z
      .string()
      .openapi({ description: "Kort rubrik för felsorten.", example: "Ogiltiga uppgifter" }),
    status: z.number().int().openapi({ description: "HTTP-statuskoden.", example: 400 }),
    detail: z
      .string()
      .openapi({ description: "Vad som hände i just det här anropet, på svenska." }),
    instance: z.string().openapi({ description: "Sökvägen som anropades.", example: "/api/v1/me" }),
    requestId: z.string().openapi({
      description:
        "Anropets id, samma som svarshuvudet X-Request-Id. Ange det om du kontaktar oss.",
    }),
    errors: z
      .array(FieldProblemSchema)
      .optional()
      .openapi({ description: "Vid ogiltiga uppgifter: ett meddelande per felaktigt fält." }),
    changes: z.array(ConflictChangeSchema).optional().openapi({
      description: "Vid konflikt, när det är känt: vad den andra har ändrat, fält för fält.",
    }),
  })
  .openapi("Problem", {
    description: "Felbeskrivning enligt RFC 9457 (application/problem+json).",
  });

export type Problem = z.infer<typeof ProblemSchema>;
export type FieldProblem = z.infer<typeof FieldProblemSchema>;

type ProblemInput = Omit<Problem, "instance" | "requestId">;

/** The request's id: from the server's middleware when mounted, otherwise made up here once. */
export function requestIdOf(c: ApiContext): string {
  const existing = c.get("requestId") as string | undefined;
  if (existing) return existing;
  const given = c.req.header("x-request-id");
  const id = given && /^[\w.:-]{1,64}$/.test(given) ? given : randomUUID();
  c.set("requestId", id);
  return id;
}

export function problemResponse(
  c: ApiContext,
  input: ProblemInput,
  headers: Record<string, string> = {},
): Response {
  const requestId = requestIdOf(c);
  const body: Problem = { ...input, instance: c.req.path, requestId };
  return c.body(JSON.stringify(body), input.status as ContentfulStatusCode, {
    ...headers,
    "Content-Type": PROBLEM_CONTENT_TYPE,
    "X-Request-Id": requestId,
  });
}

export function validationProblem(c: ApiContext, errors: FieldProblem[]): Response {
  return problemResponse(c, {
    type: PROBLEM_TYPES.validation,
    title: "Ogiltiga uppgifter",
    status: 400,
    detail: errors.map((e) => e.message).join(" ") || "Uppgifterna kunde inte tas emot.",
    errors,
  });
}

export function unauthorizedProblem(c: ApiContext, tokenGiven: boolean): Response {
  return problemResponse(
    c,
    {
      type: PROBLEM_TYPES.unauthorized,
      title: "Autentisering krävs",
      status: 401,
      detail: tokenGiven
        ? "API-nyckeln är okänd, återkallad eller tillhör ett avstängt konto."
        : "Anropet saknar API-nyckel. Skicka den i huvudet Authorization: Bearer ssp_…",
    },
    {
      "WWW-Authenticate": tokenGiven
        ? 'Bearer realm="samspar", error="invalid_token"'
        : 'Bearer realm="samspar"',
    },
  );
}

export function rateLimitedProblem(c: ApiContext, retryAfter: number): Response {
  return problemResponse(
    c,
    {
      type: PROBLEM_TYPES.rateLimited,
      title: "För många anrop",
      status: 429,
      detail: `API-nyckeln har gjort för många anrop. Vänta ${retryAfter} sekunder och försök igen.`,
    },
    { "Retry-After": String(retryAfter) },
  );
}

export function notFoundProblem(c: ApiContext, detail: string): Response {
  return problemResponse(c, {
    type: PROBLEM_TYPES.notFound,
    title: "Hittades inte",
    status: 404,
    detail,
  });
}

const HTTP_TITLES: Record<number, string> = {
  400: "Felaktigt anrop",
  405: "Metoden stöds inte",
  408: "Anropet tog för lång tid",
  413: "För stort innehåll",
  415: "Innehållstypen stöds inte",
};

/** The answer for any error that reached the API's error handler. */
export function problemForError(error: unknown, c: ApiContext): Response {
  if (error instanceof ValidationError) {
    return validationProblem(
      c,
      Object.entries(error.fields).map(([field, message]) => ({ field, message })),
    );
  }
  if (error instanceof ConflictError) {
    // a use case that says what differs is passed on; the generic message is about web pages
    const specific = error.message !== new ConflictError().message;
    return problemResponse(c, {
      type: PROBLEM_TYPES.conflict,
      title: "Konflikt",
      status: 409,
      detail: specific
        ? error.message
        : "Någon annan har ändrat uppgifterna sedan du läste dem, så versionen stämmer inte längre. Hämta dem på nytt och skicka ändringen igen.",
      ...(error.changes.length ? { changes: error.changes } : {}),
    });
  }
  if (error instanceof NotFoundError) return notFoundProblem(c, error.message);
  if (error instanceof ForbiddenError) {
    return problemResponse(c, {
      type: PROBLEM_TYPES.forbidden,
      title: "Åtkomst nekad",
      status: 403,
      detail: error.message,
    });
  }
  if (error instanceof HTTPException && error.status < 500) {
    if (error.status === 400 && /json/i.test(error.message)) {
      return problemResponse(c, {
        type: PROBLEM_TYPES.malformedJson,
        title: "Ogiltig JSON",
        status: 400,
        detail:
          "Innehållet i anropet är inte giltig JSON. Kontrollera citattecken, kommatecken och klamrar.",
      });
    }
    if (error.status === 415) {
      return problemResponse(c, {
        type: PROBLEM_TYPES.unsupportedMediaType,
        title: HTTP_TITLES[415] ?? "",
        status: 415,
        detail: "Skicka innehållet som JSON med huvudet Content-Type: application/json.",
      });
    }
    if (error.status === 413) {
      return problemResponse(c, {
        type: PROBLEM_TYPES.payloadTooLarge,
        title: HTTP_TITLES[413] ?? "",
        status: 413,
        detail: "Innehållet i anropet är för stort.",
      });
    }
    return problemResponse(c, {
      type: PROBLEM_TYPES.http,
      title: HTTP_TITLES[error.status] ?? "Felaktigt anrop",
      status: error.status,
      detail: "Anropet kunde inte tas emot.",
    });
  }
  const requestId = requestIdOf(c);
  console.error(`[${requestId}] API:`, error);
  return problemResponse(c, {
    type: PROBLEM_TYPES.internal,
    title: "Internt fel",
    status: 500,
    detail: `Något gick fel hos oss. Försök igen om en stund. Ange felkoden ${requestId} om du kontaktar oss.`,
  });
}

type Issue = ZodError["issues"][number];

const TYPE_NAMES: Record<string, string> = {
  string: "text",
  number: "ett tal",
  int: "ett heltal",
  boolean: "true eller false",
  object: "ett JSON-objekt",
  array: "en lista",
  null: "null",
};

const FORMAT_NAMES: Record<string, string> = {
  uuid: "ett uuid, till exempel 3f2504e0-4f89-41d3-9a0c-0305e82c3301",
  guid: "ett uuid, till exempel 3f2504e0-4f89-41d3-9a0c-0305e82c3301",
  email: "en e-postadress",
  date: "ett datum i formatet ÅÅÅÅ-MM-DD, till exempel 2026-01-15",
  datetime: "en tidpunkt i ISO 8601-format",
};

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** One zod issue in Swedish, naming the field; `input` is what was sent, to tell "missing" from "wrong". */
export function describeIssue(issue: Issue, input: unknown): FieldProblem {
  const field = issue.path.map(String).join(".");
  const subject = field ? `Fältet ${field}` : "Innehållet";
  const value = valueAt(input, issue.path);
  const message = (() => {
    const missing = field && value === undefined;
    switch (issue.code) {
      case "invalid_type":
        if (missing) return `${subject} saknas.`;
        return `${subject} ska vara ${TYPE_NAMES[issue.expected] ?? `av typen ${issue.expected}`}.`;
      case "too_small":
        if (issue.origin === "string") {
          return Number(issue.minimum) <= 1
            ? `${subject} får inte vara tomt.`
            : `${subject} ska ha minst ${issue.minimum} tecken.`;
        }
        if (issue.origin === "array") return `${subject} ska ha minst ${issue.minimum} element.`;
        return `${subject} ska vara minst ${issue.minimum}.`;
      case "too_big":
        if (issue.origin === "string") return `${subject} får ha högst ${issue.maximum} tecken.`;
        if (issue.origin === "array") return `${subject} får ha högst ${issue.maximum} element.`;
        return `${subject} får vara högst ${issue.maximum}.`;
      case "invalid_format":
        return `${subject} ska vara ${FORMAT_NAMES[issue.format] ?? "i rätt format"}.`;
      case "invalid_value":
        if (missing) return `${subject} saknas.`;
        return `${subject} ska vara ett av: ${issue.values.map(String).join(", ")}.`;
      case "unrecognized_keys":
        return `Okända fält: ${issue.keys.join(", ")}.`;
      default:
        return `${subject} är ogiltigt.`;
    }
  })();
  return { field: field || "body", message };
}
