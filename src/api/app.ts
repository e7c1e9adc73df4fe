// The public API at /api/v1 for integrations: bearer API tokens, every operation decided by the
// access policy, a rate limit per token, errors as problem+json, and an OpenAPI 3.1 document
// generated from the same zod schemas that validate the requests (GET /api/v1/openapi.json).
import { OpenAPIHono, type RouteConfig } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import {
  can,
  canOnInitiative,
  ForbiddenError,
  type Permission,
  rolesIn,
  visibleInitiatives,
} from "../access/policy.ts";
import { loadPrincipal, type Principal } from "../access/principal.ts";
import {
  type Association,
  findAssociationBySlug,
  listAssociations,
} from "../associations/find-association.ts";
import {
  addMemberOrganisation,
  listMemberOrganisations,
  updateMemberOrganisation,
} from "../associations/member-organisations.ts";
import type { memberOrganisations } from "../associations/schema.ts";
import type { AuditActor } from "../audit/record-audit-event.ts";
import { findInitiatives } from "../initiatives/find-initiatives.ts";
import { getInitiative, type InitiativeDetails } from "../initiatives/get-initiative.ts";
import { createInitiative, updateInitiative } from "../initiatives/save-initiative.ts";
import { INITIATIVE_STATUSES, type InitiativeStatus } from "../initiatives/schema.ts";
import { authenticateApiToken } from "../people/create-api-token.ts";
import { listUsers } from "../people/list-users.ts";
import { NotFoundError, ValidationError } from "../platform/errors.ts";
import type { AppServices } from "../platform/http/request-context.ts";
import { hitThrottle } from "../platform/throttle.ts";
import { registerApplicationRoutes } from "./applications-routes.ts";
import { registerBudgetRoutes } from "./budgets-routes.ts";
import { registerCourseFiguresRoutes } from "./course-figures-routes.ts";
import { registerDeviationReportDocumentRoute } from "./deviation-report-document-route.ts";
import { registerDeviationReportRoutes } from "./deviation-reports-routes.ts";
import { registerEvaluationResultsRoutes } from "./evaluation-results-routes.ts";
import { registerFinalReportDocumentRoute } from "./final-report-document-route.ts";
import { registerFinalReportRoutes } from "./final-reports-routes.ts";
import { registerFinanceRoutes } from "./finance-routes.ts";
import { registerFollowUpRoutes } from "./follow-up-routes.ts";
import { registerPeriodicReportDocumentRoute } from "./periodic-report-document-route.ts";
import { registerPeriodicReportRoutes } from "./periodic-reports-routes.ts";
import {
  type ApiContext,
  type ApiEnv,
  describeIssue,
  notFoundProblem,
  problemForError,
  rateLimitedProblem,
  requestIdOf,
  unauthorizedProblem,
  validationProblem,
} from "./problems.ts";
import { registerProgressionRoutes } from "./progression-routes.ts";
import { registerRegisterStatisticsRoutes } from "./register-statistics-routes.ts";
import { registerRequisitionRoutes } from "./requisitions-routes.ts";
import {
  addMemberOrganisationRoute,
  createInitiativeRoute,
  getInitiativeRoute,
  getMe,
  listInitiativesRoute,
  listMemberOrganisationsRoute,
  listUsersRoute,
  updateInitiativeRoute,
  updateMemberOrganisationRoute,
} from "./routes.ts";
import { registerSteeringGroupRoutes } from "./steering-groups-routes.ts";

/** Requests per token and window. */
export const RATE_LIMIT = { hits: 600, windowSeconds: 60 } as const;
const MAX_BODY_BYTES = 64 * 1024;
/** An application holds six narrative fields of up to 20 000 characters each. */
const MAX_APPLICATION_BODY_BYTES = 512 * 1024;
/** Minutes and other meeting documents: 10 MB, plus the multipart envelope. */
const MAX_ATTACHMENT_BODY_BYTES = 11 * 1024 * 1024;

export const OPENAPI_CONFIG = {
  openapi: "3.1.0",
  info: {
    title: "Samspår API",
    version: "1",
    description:
      "Samspårs API för integrationer. Autentisera med en API-nyckel i huvudet `Authorization: Bearer ssp_…`; " +
      "nyckeln har scope read (bara läsa) eller write (också ändra) och ger samma behörigheter som ägarens roller. " +
      "Förbund anges med sitt kortnamn. Fel beskrivs som application/problem+json (RFC 9457) med svenska texter. " +
      `Högst ${RATE_LIMIT.hits} anrop per nyckel och ${RATE_LIMIT.windowSeconds} sekunder.`,
  },
  servers: [{ url: "/api/v1" }],
  tags: [
    {
      name: "Progression",
      description:
        "Progressionsmätning: förbundets instrument och deras versioner, insatsernas mätplaner och resultaten efter röjandekontroll. " +
        "Mätningarna själva, listan över mätningar som ska göras, jämförelsegruppen och utvärderarens fil finns inte i API:t: " +
        "de hör till deltagarregistret, där bara insatsens deltagarhandläggare arbetar, i webbsidorna. " +
        "En API-nyckel hör till förbundets del av Samspår och når aldrig en enskild deltagare.",
    },
    {
      name: "Portalen",
      description:
        "Deltagarportalens skyddade siffror: kurserna (påbörjade, avslutade, klara kapitel och kunskapsfrågorna) och Tyck till-svaren per fråga, efter förbundets röjandekontroll. " +
        "Varje insats räknas för sig. Fritextsvarens texter läser bara insatsens deltagarhandläggare, i webbsidorna; de finns inte i API:t.",
    },
  ],
};

export const principalOf = (c: ApiContext): Principal => c.get("principal");

export const actorOf = (c: ApiContext): AuditActor => {
  const principal = principalOf(c);
  return { userId: principal.userId, label: principal.email, requestId: requestIdOf(c), ip: null };
};

const READ_SCOPE_DETAIL =
  "API-nyckeln får bara läsa (scope read). Använd en nyckel med scope write för att ändra uppgifter.";

/** Whether the principal may act in an association; for one initiative, `initiativeId` is given. */
export type Rule = (principal: Principal, associationId: string, initiativeId: string) => boolean;

const inAssociation =
  (permission: Permission): Rule =>
  (principal, associationId) =>
    can(principal, permission, associationId);

const onInitiative =
  (permission: Permission): Rule =>
  (principal, associationId, initiativeId) =>
    canOnInitiative(principal, permission, associationId, initiativeId);

/** Some initiative of the register: all of them, or one the principal has a role in. */
const someInitiative: Rule = (principal, associationId) => {
  const visible = visibleInitiatives(principal, associationId);
  return visible === "all" || visible.length > 0;
};

/**
 * Route middleware, run before the request is validated: finds the association behind `slug`
 * and lets the policy decide, so a forbidden caller gets 403 whatever it sent. An association
 * the principal has no role in answers exactly like one that does not exist.
 */
export function guard(
  services: AppServices,
  permission: Permission,
  rule: Rule = inAssociation(permission),
): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const principal = principalOf(c);
    const association = await findAssociationBySlug(services.db, c.req.param("slug") ?? "");
    if (!association || rolesIn(principal, association.id).size === 0) {
      throw new NotFoundError(
        "Förbundet finns inte, eller så har API-nyckelns ägare ingen roll i det.",
      );
    }
    const initiativeId = c.req.param("initiativeId") ?? "";
    if (!rule(principal, association.id, initiativeId)) {
      const error = new ForbiddenError(permission);
      const withWriteScope: Principal | undefined =
        principal.via.type === "token" && principal.via.scope === "read"
          ? { ...principal, via: { ...principal.via, scope: "write" } }
          : undefined;
      if (withWriteScope && rule(withWriteScope, association.id, initiativeId)) {
        error.message = READ_SCOPE_DETAIL;
      }
      throw error;
    }
    c.set("association", association);
    await next();
  };
}

/** The association the route's guard found and authorized. */
export function associationOf(c: ApiContext): Association {
  const association = c.get("association");
  if (!association) throw new Error("route without guard");
  return association;
}

/** A route with its guard, which runs before the route's validators. */
export const guarded = <R extends RouteConfig>(
  route: R,
  middleware: MiddlewareHandler<ApiEnv>,
) => ({
  ...route,
  middleware,
});

const memberOrganisationOut = (row: typeof memberOrganisations.$inferSelect) => ({
  id: row.id,
  name: row.name,
  orgNumber: row.orgNumber,
  kind: row.kind,
  version: row.version,
});

const INITIATIVE_NOT_FOUND = "Insatsen finns inte i förbundet.";

const initiativeOut = (d: InitiativeDetails) => ({
  id: d.id,
  name: d.name,
  ownerOrganisationId: d.ownerOrganisationId,
  ownerName: d.ownerName,
  partners: d.partners,
  status: d.status,
  orientation: d.orientation,
  preRehabilitation: d.preRehabilitation,
  esf: d.esf,
  startDate: d.startDate,
  endDate: d.endDate,
  lastIntakeDate: d.lastIntakeDate,
  plannedEndDate: d.plannedEndDate,
  targetGroup: d.targetGroup,
  expectedParticipants: d.expectedParticipants,
  expectedParticipantsOngoing: d.expectedParticipantsOngoing,
  goals: d.goals.map(({ text, kind, targetNumber, targetPercent }) => ({
    text,
    kind,
    targetNumber,
    targetPercent,
  })),
  localUnits: d.localUnits.map(({ name, expectedParticipants }) => ({
    name,
    expectedParticipants,
  })),
  createdAt: d.createdAt.toISOString(),
  updatedAt: d.updatedAt.toISOString(),
  version: d.version,
});

/** The `status` filter: a comma-separated list of statuses, each one checked. */
function statusesOf(list: string | undefined): InitiativeStatus[] | undefined {
  const given = (list ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = given.filter((s) => !(INITIATIVE_STATUSES as readonly string[]).includes(s));
  if (unknown.length) {
    throw new ValidationError({
      status: `Okänd status: ${unknown.join(", ")}. Ange en eller flera av ${INITIATIVE_STATUSES.join(", ")}, med kommatecken emellan.`,
    });
  }
  return given.length ? (given as InitiativeStatus[]) : undefined;
}

export function createApiApp(services: AppServices): OpenAPIHono<ApiEnv> {
  const app = new OpenAPIHono<ApiEnv>({
    defaultHook: async (result, c) => {
      if (result.success) return;
      const input =
        result.target === "json"
          ? await c.req.json().catch(() => undefined)
          : result.target === "query"
            ? c.req.query()
            : c.req.param();
      return validationProblem(
        c,
        result.error.issues.map((issue) => describeIssue(issue, input)),
      );
    },
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "API-nyckel (ssp_…), skapas av förbundets administratör.",
  });

  app.onError((error, c) => problemForError(error, c));

  app.use("*", async (c, next) => {
    const requestId = requestIdOf(c);
    await next();
    c.header("X-Request-Id", requestId);
  });

  // The document is public and registered before the authentication below, which it never reaches.
  let document: unknown;
  app.get("/openapi.json", (c) => {
    document ??= app.getOpenAPI31Document(OPENAPI_CONFIG);
    return c.json(document as object);
  });

  app.use("*", async (c, next) => {
    const header = c.req.header("authorization");
    if (!header) return unauthorizedProblem(c, false);
    const match = /^Bearer +(\S{1,200})$/i.exec(header.trim());
    const found = match?.[1] ? await authenticateApiToken(services.db, match[1]) : undefined;
    if (!found) return unauthorizedProblem(c, true);
    const verdict = await hitThrottle(
      services.db,
      `api:${found.tokenId}`,
      RATE_LIMIT.hits,
      RATE_LIMIT.windowSeconds,
    );
    if (!verdict.allowed) return rateLimitedProblem(c, verdict.retryAfter);
    const principal = await loadPrincipal(services.db, found.userId, {
      type: "token",
      scope: found.scope,
      tokenId: found.tokenId,
    });
    if (!principal) return unauthorizedProblem(c, true);
    c.set("principal", principal);
    await next();
  });

  const applicationLimit = bodyLimit({
    maxSize: MAX_APPLICATION_BODY_BYTES,
    onError: () => {
      throw new HTTPException(413);
    },
  });
  const defaultLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new HTTPException(413);
    },
  });
  const attachmentLimit = bodyLimit({
    maxSize: MAX_ATTACHMENT_BODY_BYTES,
    onError: () => {
      throw new HTTPException(413);
    },
  });
  app.use("*", (c, next) =>
    /\/(steering-group\/meetings\/[^/]+|requisitions\/[^/]+)\/attachments$|\/budget\/import$/.test(
      c.req.path,
    )
      ? attachmentLimit(c, next)
      : /\/associations\/[^/]+\/(applications|periodic-reports|deviation-reports|final-reports)(\/|$)/.test(
            c.req.path,
          )
        ? applicationLimit(c, next)
        : defaultLimit(c, next),
  );

  app.openapi(getMe, async (c) => {
    const principal = principalOf(c);
    const slugs = new Map((await listAssociations(services.db)).map((a) => [a.id, a.slug]));
    return c.json(
      {
        id: principal.userId,
        email: principal.email,
        name: principal.name,
        scope: principal.via.type === "token" ? principal.via.scope : "write",
        roles: principal.grants.map((g) => ({
          association: slugs.get(g.associationId) ?? "",
          role: g.role,
          initiativeId: g.initiativeId,
        })),
      },
      200,
    );
  });

  app.openapi(
    guarded(listMemberOrganisationsRoute, guard(services, "member_organisations.view")),
    async (c) => {
      const rows = await listMemberOrganisations(services.db, associationOf(c).id);
      return c.json({ items: rows.map(memberOrganisationOut) }, 200);
    },
  );

  app.openapi(
    guarded(addMemberOrganisationRoute, guard(services, "member_organisations.manage")),
    async (c) => {
      const input = c.req.valid("json");
      const row = await addMemberOrganisation(services.db, actorOf(c), associationOf(c).id, input);
      return c.json(memberOrganisationOut(row), 201);
    },
  );

  app.openapi(
    guarded(updateMemberOrganisationRoute, guard(services, "member_organisations.manage")),
    async (c) => {
      const { id } = c.req.valid("param");
      const { version, ...input } = c.req.valid("json");
      const row = await updateMemberOrganisation(
        services.db,
        actorOf(c),
        associationOf(c).id,
        id,
        version,
        input,
      );
      if (!row) throw new NotFoundError("Organisationen finns inte.");
      return c.json(memberOrganisationOut(row), 200);
    },
  );

  app.openapi(guarded(listUsersRoute, guard(services, "users.view")), async (c) => {
    const people = await listUsers(services.db, associationOf(c).id);
    return c.json(
      {
        items: people.map((p) => ({
          id: p.id,
          email: p.email,
          name: p.name,
          disabledAt: p.disabledAt?.toISOString() ?? null,
          roles: p.grants.map((g) => ({
            id: g.grantId,
            role: g.role,
            initiativeId: g.initiativeId,
            initiativeName: g.initiativeName,
          })),
        })),
      },
      200,
    );
  });

  app.openapi(
    guarded(listInitiativesRoute, guard(services, "initiatives.view", someInitiative)),
    async (c) => {
      const association = associationOf(c);
      const query = c.req.valid("query");
      const items = await findInitiatives(services.db, {
        associationId: association.id,
        visible: visibleInitiatives(principalOf(c), association.id),
        text: query.q?.trim() || undefined,
        statuses: statusesOf(query.status),
        ownerOrganisationId: query.owner,
        orientation: query.orientation,
        from: query.from,
        to: query.to,
        sort: query.sort,
        descending: query.order === "desc",
      });
      return c.json({ items }, 200);
    },
  );

  app.openapi(guarded(createInitiativeRoute, guard(services, "initiatives.manage")), async (c) => {
    const input = c.req.valid("json");
    const saved = await createInitiative(services.db, actorOf(c), associationOf(c).id, input);
    return c.json(initiativeOut(saved), 201);
  });

  app.openapi(
    guarded(
      getInitiativeRoute,
      guard(services, "initiative.view", onInitiative("initiative.view")),
    ),
    async (c) => {
      const { initiativeId } = c.req.valid("param");
      const found = await getInitiative(services.db, associationOf(c).id, initiativeId);
      if (!found) throw new NotFoundError(INITIATIVE_NOT_FOUND);
      return c.json(initiativeOut(found), 200);
    },
  );

  app.openapi(
    guarded(
      updateInitiativeRoute,
      guard(services, "initiative.edit", onInitiative("initiative.edit")),
    ),
    async (c) => {
      const { initiativeId } = c.req.valid("param");
      const { version, ...input } = c.req.valid("json");
      const association = associationOf(c);
      if (!(await getInitiative(services.db, association.id, initiativeId))) {
        throw new NotFoundError(INITIATIVE_NOT_FOUND);
      }
      const saved = await updateInitiative(
        services.db,
        actorOf(c),
        association.id,
        initiativeId,
        version,
        input,
      );
      return c.json(initiativeOut(saved), 200);
    },
  );

  registerApplicationRoutes(app, services);
  registerPeriodicReportRoutes(app, services);
  registerSteeringGroupRoutes(app, services);
  registerDeviationReportRoutes(app, services);
  registerFinalReportRoutes(app, services);
  registerBudgetRoutes(app, services);
  registerRequisitionRoutes(app, services);
  registerFinanceRoutes(app, services);
  registerPeriodicReportDocumentRoute(app, services);
  registerDeviationReportDocumentRoute(app, services);
  registerFinalReportDocumentRoute(app, services);
  registerRegisterStatisticsRoutes(app, services);
  registerFollowUpRoutes(app, services);
  registerProgressionRoutes(app, services);
  registerCourseFiguresRoutes(app, services);
  registerEvaluationResultsRoutes(app, services);

  app.all("*", (c) =>
    notFoundProblem(
      c,
      "API:t har ingen sådan operation. Se /api/v1/openapi.json för vilka som finns.",
    ),
  );

  return app;
}

/** The OpenAPI document, without a database: the routes are only registered, never called. */
export function buildOpenApiDocument() {
  const unused = new Proxy({} as AppServices, {
    get() {
      throw new Error("buildOpenApiDocument must not touch the services");
    },
  });
  return createApiApp(unused).getOpenAPI31Document(OPENAPI_CONFIG);
}
