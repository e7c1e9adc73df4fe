// The pieces every API operation's OpenAPI description is built from: the bearer security,
// the problem responses that mean the same in every module, JSON bodies and the association
// path parameter. Module-specific answers (what "not found" or "forbidden" means there) stay
// with their module.
import { z } from "@hono/zod-openapi";
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
