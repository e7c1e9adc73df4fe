// The API's operations as OpenAPI route definitions: paths, zod schemas for what goes in and
// comes out, and the problems each operation can answer with. The handlers are in app.ts; the
// published document (docs/api/openapi.json) is generated from these definitions.
import { createRoute, z } from "@hono/zod-openapi";
import { MEMBER_ORGANISATION_KINDS } from "../associations/schema.ts";
import { SORTS } from "../initiatives/find-initiatives.ts";
import { GOAL_KINDS, INITIATIVE_STATUSES, ORIENTATIONS } from "../initiatives/schema.ts";
import { ROLES } from "../people/roles.ts";
import { common, json, problem, security, unsupported } from "./operation-kit.ts";

const invalid = problem("Ogiltiga uppgifter eller ogiltig JSON; `errors` anger fälten.");
const forbidden = problem(
  "Nyckelns ägare saknar behörighet, eller nyckeln får bara läsa (scope read).",
);
const notFound = problem("Förbundet finns inte eller nyckelns ägare har ingen roll i det.");
const conflict = problem("Uppgifterna har ändrats sedan de lästes (versionen stämmer inte).");
const tooLarge = problem("Innehållet är större än 64 kB.");

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

const InitiativeStatus = z.enum(INITIATIVE_STATUSES).openapi({
  description:
    "Insatsens status: ansokan (ansökan), beviljad, pagaende (pågående), avslutad, avslutad_i_fortid (avslutad i förtid) eller avslagen.",
  example: "pagaende",
});

const Orientation = z.enum(ORIENTATIONS).openapi({
  description: "individual (individinriktad) eller structural (strukturövergripande).",
  example: "individual",
});

const GoalKind = z.enum(GOAL_KINDS).openapi({
  description: "Sorts mål: resultatmal, insatsmal eller effektmal.",
  example: "resultatmal",
});

const IsoDate = (description: string) =>
  z.iso.date().nullable().openapi({ description, example: "2026-01-15" });

const Count = (description: string) =>
  z.number().int().nullable().openapi({ description, example: 40 });

const InitiativeIdParam = z.uuid().openapi({
  param: { name: "initiativeId", in: "path" },
  description: "Insatsens id.",
});

const InitiativeParams = AssociationParams.extend({ initiativeId: InitiativeIdParam });

export const InitiativeSchema = z
  .object({
    id: z.uuid(),
    name: z.string().openapi({ example: "Tierp, Växtverket" }),
    ownerOrganisationId: z.uuid().openapi({ description: "Insatsägaren, en medlemsorganisation." }),
    ownerName: z.string().openapi({ example: "Tierps kommun" }),
    partners: z
      .array(z.object({ id: z.uuid(), name: z.string(), kind: Kind }))
      .openapi({ description: "Samverkansparterna, sorterade efter namn." }),
    status: InitiativeStatus,
    orientation: Orientation,
    preRehabilitation: z
      .boolean()
      .openapi({ description: "Förrehabiliterande: målet är en plan mot arbete eller studier." }),
    esf: z.boolean().openapi({ description: "Finansieras med stöd från ESF." }),
    startDate: IsoDate("Startdatum, eller null."),
    endDate: IsoDate("Slutdatum, eller null."),
    lastIntakeDate: IsoDate("Sista dag för intag av deltagare, eller null."),
    plannedEndDate: IsoDate(
      "För en insats som avslutats i förtid: det slut den var planerad att ha, annars null.",
    ),
    targetGroup: z.string().openapi({ description: "Målgruppen, fritt beskriven." }),
    expectedParticipants: Count("Förväntat antal deltagare, eller null."),
    expectedParticipantsOngoing: z.boolean().openapi({
      description:
        "true: expectedParticipants gäller samtidigt inskrivna; false: under hela perioden.",
    }),
    goals: z.array(
      z.object({
        text: z.string(),
        kind: GoalKind,
        targetNumber: Count("Mätbart mål som antal, eller null."),
        targetPercent: Count("Mätbart mål som andel i hela procent, eller null."),
      }),
    ),
    localUnits: z
      .array(
        z.object({
          name: z.string().openapi({ example: "Tierp" }),
          expectedParticipants: Count("Förväntat antal deltagare i delområdet, eller null."),
        }),
      )
      .openapi({
        description: "Delområden, till exempel kommunerna i ett länsövergripande projekt.",
      }),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
    version: z.number().int().openapi({
      description: "Ökar vid varje ändring; skicka med den vid uppdatering.",
      example: 1,
    }),
  })
  .openapi("Initiative", {
    description: "En insats med ägare, samverkansparter, mål och delområden.",
  });

const InitiativeSummarySchema = z
  .object({
    id: z.uuid(),
    name: z.string().openapi({ example: "Tierp, Växtverket" }),
    status: InitiativeStatus,
    orientation: Orientation,
    startDate: IsoDate("Startdatum, eller null."),
    endDate: IsoDate("Slutdatum, eller null."),
    plannedEndDate: IsoDate("Planerat slut för en insats som avslutats i förtid, eller null."),
    expectedParticipants: Count("Förväntat antal deltagare, eller null."),
    expectedParticipantsOngoing: z.boolean(),
    ownerOrganisationId: z.uuid(),
    ownerName: z.string().openapi({ example: "Tierps kommun" }),
    partnerNames: z
      .array(z.string())
      .openapi({ example: ["Arbetsförmedlingen", "Region Uppsala"] }),
  })
  .openapi("InitiativeSummary", { description: "En insats i registret, i korthet." });

const InitiativeListSchema = z
  .object({ items: z.array(InitiativeSummarySchema) })
  .openapi("InitiativeList");

const optionalDate = (description: string) =>
  z.iso
    .date()
    .nullable()
    .default(null)
    .openapi({ description: `${description} ÅÅÅÅ-MM-DD; null eller utelämnat för inget.` });

const optionalCount = (description: string) =>
  z
    .number()
    .int()
    .nullable()
    .default(null)
    .openapi({ description: `${description} Heltal, minst 0; null eller utelämnat för inget.` });

export const InitiativeInputSchema = z
  .object({
    name: z
      .string()
      .openapi({ description: "Insatsens namn, högst 200 tecken.", example: "Tierp, Växtverket" }),
    ownerOrganisationId: z
      .uuid()
      .openapi({ description: "Insatsägaren: en av förbundets medlemsorganisationer." }),
    partnerIds: z.array(z.uuid()).openapi({
      description:
        "Samverkansparterna: minst en av förbundets medlemsorganisationer, inte insatsägaren.",
    }),
    status: InitiativeStatus.default("ansokan"),
    orientation: Orientation.default("individual"),
    preRehabilitation: z
      .boolean()
      .default(false)
      .openapi({ description: "Förrehabiliterande: målet är en plan mot arbete eller studier." }),
    esf: z.boolean().default(false).openapi({ description: "Finansieras med stöd från ESF." }),
    startDate: optionalDate("Startdatum."),
    endDate: optionalDate("Slutdatum, inte före startdatum."),
    lastIntakeDate: optionalDate("Sista dag för intag, mellan start- och slutdatum."),
    plannedEndDate: optionalDate(
      "Bara för status avslutad_i_fortid: det slut insatsen var planerad att ha, senare än slutdatum.",
    ),
    targetGroup: z.string().default("").openapi({ description: "Målgruppen, fritt beskriven." }),
    expectedParticipants: optionalCount("Förväntat antal deltagare."),
    expectedParticipantsOngoing: z.boolean().default(false).openapi({
      description:
        "true: expectedParticipants gäller samtidigt inskrivna; false: under hela perioden.",
    }),
    goals: z
      .array(
        z.object({
          text: z
            .string()
            .openapi({ example: "Minst hälften går vidare till arbete eller studier." }),
          kind: GoalKind,
          targetNumber: optionalCount("Mätbart mål som antal."),
          targetPercent: optionalCount("Mätbart mål som andel i hela procent, högst 100."),
        }),
      )
      .default([])
      .openapi({ description: "Insatsens mål, i ordning." }),
    localUnits: z
      .array(
        z.object({
          name: z.string().openapi({ example: "Tierp" }),
          expectedParticipants: optionalCount("Förväntat antal deltagare i delområdet."),
        }),
      )
      .default([])
      .openapi({ description: "Delområden, i ordning." }),
  })
  .openapi("InitiativeInput", {
    description:
      "En insats som den skickas in. Utelämnade valfria fält får sina standardvärden, även vid ändring.",
  });

const InitiativeUpdateSchema = InitiativeInputSchema.extend({
  version: z.number().int().min(1).openapi({
    description:
      "Versionen du läste. Har någon annan ändrat insatsen sedan dess blir svaret 409, och felet anger vad som skiljer.",
    example: 1,
  }),
}).openapi("InitiativeUpdate", {
  description:
    "En ändrad insats: alla uppgifter, som vid registrering, och versionen du läste. Utelämnade valfria fält får sina standardvärden.",
});

const InitiativeQuery = z.object({
  q: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: "Söktext i insatsens eller insatsägarens namn.", example: "Tierp" }),
  status: z
    .string()
    .max(200)
    .optional()
    .openapi({
      description: `En eller flera statusar, kommaseparerade: ${INITIATIVE_STATUSES.join(", ")}.`,
      example: "beviljad,pagaende",
    }),
  owner: z
    .uuid()
    .optional()
    .openapi({ description: "Bara insatser som ägs av den här organisationen." }),
  orientation: Orientation.optional(),
  from: z.iso.date().optional().openapi({
    description: "Bara insatser som pågår någon gång från och med detta datum (ÅÅÅÅ-MM-DD).",
  }),
  to: z.iso.date().optional().openapi({
    description: "Bara insatser som har startat senast detta datum (ÅÅÅÅ-MM-DD).",
  }),
  sort: z.enum(SORTS).optional().openapi({
    description:
      "Sortera efter name (namn, standard), start, end, status eller owner (insatsägare).",
  }),
  order: z
    .enum(["asc", "desc"])
    .optional()
    .openapi({ description: "Stigande (asc, standard) eller fallande (desc)." }),
});

const initiativeNotFound = problem(
  "Förbundet eller insatsen finns inte, eller nyckelns ägare har ingen roll i förbundet.",
);

export const listInitiativesRoute = createRoute({
  method: "get",
  path: "/associations/{slug}/initiatives",
  operationId: "listInitiatives",
  tags: ["Insatser"],
  summary: "Sök i insatsregistret",
  description:
    "Förbundets insatser som nyckelns ägare får se: alla med behörigheten initiatives.view, annars de insatser ägaren har en roll i (insatsansvarig, styrgrupp, deltagarhandläggare). Ingen sådan insats ger 403.",
  security,
  request: { params: AssociationParams, query: InitiativeQuery },
  responses: {
    200: json(InitiativeListSchema, "Insatserna som matchar sökningen."),
    400: invalid,
    403: forbidden,
    404: notFound,
    ...common,
  },
});

export const createInitiativeRoute = createRoute({
  method: "post",
  path: "/associations/{slug}/initiatives",
  operationId: "createInitiative",
  tags: ["Insatser"],
  summary: "Registrera en insats",
  description:
    "Kräver behörigheten initiatives.manage och en nyckel med scope write. Händelsen förs in i granskningsloggen.",
  security,
  request: {
    params: AssociationParams,
    body: { required: true, content: { "application/json": { schema: InitiativeInputSchema } } },
  },
  responses: {
    201: json(InitiativeSchema, "Insatsen registrerades."),
    400: invalid,
    403: forbidden,
    404: notFound,
    413: tooLarge,
    415: unsupported,
    ...common,
  },
});

export const getInitiativeRoute = createRoute({
  method: "get",
  path: "/associations/{slug}/initiatives/{initiativeId}",
  operationId: "getInitiative",
  tags: ["Insatser"],
  summary: "Hämta en insats",
  description:
    "Insatsen med parter, mål och delområden. Kräver behörigheten initiative.view: i hela förbundet, eller en roll i just den här insatsen.",
  security,
  request: { params: InitiativeParams },
  responses: {
    200: json(InitiativeSchema, "Insatsen."),
    400: invalid,
    403: forbidden,
    404: initiativeNotFound,
    ...common,
  },
});

export const updateInitiativeRoute = createRoute({
  method: "put",
  path: "/associations/{slug}/initiatives/{initiativeId}",
  operationId: "updateInitiative",
  tags: ["Insatser"],
  summary: "Ändra en insats",
  description:
    "Ersätter insatsens uppgifter, parter, mål och delområden. Skicka med versionen du läste; har någon annan hunnit ändra blir svaret 409 och felet anger vilka uppgifter som skiljer. Kräver behörigheten initiative.edit (förbundets administratör, eller insatsansvarig för just den här insatsen) och scope write.",
  security,
  request: {
    params: InitiativeParams,
    body: { required: true, content: { "application/json": { schema: InitiativeUpdateSchema } } },
  },
  responses: {
    200: json(InitiativeSchema, "Insatsen efter ändringen, med ny version."),
    400: invalid,
    403: forbidden,
    404: initiativeNotFound,
    409: conflict,
    413: tooLarge,
    415: unsupported,
    ...common,
  },
});
