// The API's operations as OpenAPI route definitions: paths, zod schemas for what goes in and
// comes out, and the problems each operation can answer with. The handlers are in app.ts; the
// published document (docs/api/openapi.json) is generated from these definitions.
import { createRoute, z } from "@hono/zod-openapi";
import { MEMBER_ORGANISATION_KINDS } from "../associations/schema.ts";
import { ROLES } from "../people/roles.ts";
import { PROBLEM_CONTENT_TYPE, ProblemSchema } from "./problems.ts";

const security = [{ bearer: [] }];

function problem(description: string) {
  return { description, content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } } };
}

const invalid = problem("Ogiltiga uppgifter eller ogiltig JSON; `errors` anger fälten.");
const unauthorized = problem(
  "API-nyckel saknas eller är ogiltig (svaret har huvudet WWW-Authenticate).",
);
const forbidden = problem(
  "Nyckelns ägare saknar behörighet, eller nyckeln får bara läsa (scope read).",
);
const notFound = problem("Förbundet finns inte eller nyckelns ägare har ingen roll i det.");
const conflict = problem("Uppgifterna har ändrats sedan de lästes (versionen stämmer inte).");
const unsupported = problem("Innehållet skickades inte som application/json.");
const tooLarge = problem("Innehållet är större än 64 kB.");
const rateLimited = problem(
  "För många anrop med samma nyckel; huvudet Retry-After anger hur länge du ska vänta.",
);
const internal = problem("Oväntat fel hos oss; ange `requestId` om du kontaktar oss.");

const common = { 401: unauthorized, 429: rateLimited, 500: internal } as const;

const SlugParam = z
  .string()
  .min(1)
  .max(100)
  .openapi({
    param: { name: "slug", in: "path" },
    description: "Förbundets kortnamn, samma som i webbadressen.",
    example: "uppsala-lan",
  });

const AssociationParams = z.object({ slug: SlugParam });

const Kind = z.enum(MEMBER_ORGANISATION_KINDS).openapi({
  description: "Sorts medlemsorganisation.",
  example: "kommun",
});

export const MemberOrganisationSchema = z
  .object({
    id: z.uuid().openapi({ example: "3f2504e0-4f89-41d3-9a0c-0305e82c3301" }),
    name: z.string().openapi({ example: "Uppsala kommun" }),
    orgNumber: z
      .string()
      .openapi({ description: "Organisationsnummer, NNNNNN-NNNN.", example: "212000-3005" }),
    kind: Kind,
    version: z.number().int().openapi({
      description: "Ökar vid varje ändring; skicka med den vid uppdatering.",
      example: 1,
    }),
  })
  .openapi("MemberOrganisation", { description: "En medlemsorganisation i förbundet." });

const MemberOrganisationInputSchema = z
  .object({
    name: z
      .string()
      .min(1)
      .max(200)
      .openapi({ description: "Organisationens namn.", example: "Uppsala kommun" }),
    orgNumber: z.string().max(20).openapi({
      description:
        "Organisationsnummer, tio siffror med giltig kontrollsiffra; bindestreck valfritt.",
      example: "212000-3005",
    }),
    kind: Kind,
  })
  .openapi("MemberOrganisationInput");

const MemberOrganisationUpdateSchema = MemberOrganisationInputSchema.extend({
  version: z.number().int().min(1).openapi({
    description:
      "Versionen du läste. Har någon annan ändrat organisationen sedan dess blir svaret 409.",
    example: 1,
  }),
}).openapi("MemberOrganisationUpdate");

const MemberOrganisationListSchema = z
  .object({ items: z.array(MemberOrganisationSchema) })
  .openapi("MemberOrganisationList");

const Role = z.enum(ROLES).openapi({ description: "Rollens namn." });

const MeSchema = z
  .object({
    id: z.uuid(),
    email: z.string().openapi({ example: "kansli@exempel.se" }),
    name: z.string().openapi({ example: "Kim Kansli" }),
    scope: z
      .enum(["read", "write"])
      .openapi({ description: "Vad API-nyckeln får göra: bara läsa, eller också ändra." }),
    roles: z.array(
      z.object({
        association: z
          .string()
          .openapi({ description: "Förbundets kortnamn.", example: "uppsala-lan" }),
        role: Role,
        initiativeId: z
          .uuid()
          .nullable()
          .openapi({ description: "Insatsen rollen gäller, eller null för hela förbundet." }),
      }),
    ),
  })
  .openapi("Me", { description: "Personen som äger API-nyckeln och hens roller." });

const UserSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    disabledAt: z.iso
      .datetime({ offset: true })
      .nullable()
      .openapi({ description: "När kontot stängdes av, annars null." }),
    roles: z.array(
      z.object({
        id: z.uuid().openapi({ description: "Rolltilldelningens id." }),
        role: Role,
        initiativeId: z.uuid().nullable(),
        initiativeName: z.string().nullable(),
      }),
    ),
  })
  .openapi("User", {
    description: "En person i förbundets personal, med sina roller i förbundet.",
  });

const UserListSchema = z.object({ items: z.array(UserSchema) }).openapi("UserList");

const json = <T>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const getMe = createRoute({
  method: "get",
  path: "/me",
  operationId: "getMe",
  tags: ["Konto"],
  summary: "Vem API-nyckeln tillhör",
  description: "Personen bakom nyckeln, nyckelns scope och personens roller i alla förbund.",
  security,
  responses: { 200: json(MeSchema, "Nyckelns ägare."), ...common },
});

export const listMemberOrganisationsRoute = createRoute({
  method: "get",
  path: "/associations/{slug}/member-organisations",
  operationId: "listMemberOrganisations",
  tags: ["Medlemsorganisationer"],
  summary: "Lista medlemsorganisationer",
  description:
    "Förbundets medlemsorganisationer, sorterade efter sort och namn. Kräver behörigheten member_organisations.view.",
  security,
  request: { params: AssociationParams },
  responses: {
    200: json(MemberOrganisationListSchema, "Medlemsorganisationerna."),
    403: forbidden,
    404: notFound,
    ...common,
  },
});

export const addMemberOrganisationRoute = createRoute({
  method: "post",
  path: "/associations/{slug}/member-organisations",
  operationId: "addMemberOrganisation",
  tags: ["Medlemsorganisationer"],
  summary: "Lägg till en medlemsorganisation",
  description:
    "Kräver behörigheten member_organisations.manage och en nyckel med scope write. Händelsen förs in i granskningsloggen.",
  security,
  request: {
    params: AssociationParams,
    body: {
      required: true,
      content: { "application/json": { schema: MemberOrganisationInputSchema } },
    },
  },
  responses: {
    201: json(MemberOrganisationSchema, "Organisationen lades till."),
    400: invalid,
    403: forbidden,
    404: notFound,
    413: tooLarge,
    415: unsupported,
    ...common,
  },
});

export const updateMemberOrganisationRoute = createRoute({
  method: "put",
  path: "/associations/{slug}/member-organisations/{id}",
  operationId: "updateMemberOrganisation",
  tags: ["Medlemsorganisationer"],
  summary: "Ändra en medlemsorganisation",
  description:
    "Ersätter namn, organisationsnummer och sort. Skicka med versionen du läste; har någon annan hunnit ändra blir svaret 409. Kräver behörigheten member_organisations.manage och scope write.",
  security,
  request: {
    params: AssociationParams.extend({
      id: z
        .uuid()
        .openapi({ param: { name: "id", in: "path" }, description: "Organisationens id." }),
    }),
    body: {
      required: true,
      content: { "application/json": { schema: MemberOrganisationUpdateSchema } },
    },
  },
  responses: {
    200: json(MemberOrganisationSchema, "Organisationen efter ändringen, med ny version."),
    400: invalid,
    403: forbidden,
    404: problem(
      "Förbundet eller organisationen finns inte, eller nyckelns ägare har ingen roll i förbundet.",
    ),
    409: conflict,
    413: tooLarge,
    415: unsupported,
    ...common,
  },
});

export const listUsersRoute = createRoute({
  method: "get",
  path: "/associations/{slug}/users",
  operationId: "listUsers",
  tags: ["Personer"],
  summary: "Lista förbundets personal",
  description:
    "Personalkonton med roller i förbundet (aldrig deltagarkonton). Kräver behörigheten users.view.",
  security,
  request: { params: AssociationParams },
  responses: {
    200: json(UserListSchema, "Personalen."),
    403: forbidden,
    404: notFound,
    ...common,
  },
});
