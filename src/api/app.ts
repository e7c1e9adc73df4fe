// The public API at /api/v1 for integrations: bearer API tokens, every operation decided by the
// access policy, a rate limit per token, errors as problem+json, and an OpenAPI 3.1 document
// generated from the same zod schemas that validate the requests (GET /api/v1/openapi.json).
import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { authorize, can, ForbiddenError, type Permission, rolesIn } from "../access/policy.ts";
import { loadPrincipal, type Principal } from "../access/principal.ts";
import { findAssociationBySlug, listAssociations } from "../associations/find-association.ts";
import {
  addMemberOrganisation,
  listMemberOrganisations,
  updateMemberOrganisation,
} from "../associations/member-organisations.ts";
import type { memberOrganisations } from "../associations/schema.ts";
import type { AuditActor } from "../audit/record-audit-event.ts";
import { authenticateApiToken } from "../people/create-api-token.ts";
import { listUsers } from "../people/list-users.ts";
import { NotFoundError } from "../platform/errors.ts";
import type { AppServices } from "../platform/http/request-context.ts";
import { hitThrottle } from "../platform/throttle.ts";
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
import {
  addMemberOrganisationRoute,
  getMe,
  listMemberOrganisationsRoute,
  listUsersRoute,
  updateMemberOrganisationRoute,
} from "./routes.ts";

/** Requests per token and window. */
export const RATE_LIMIT = { hits: 600, windowSeconds: 60 } as const;
const MAX_BODY_BYTES = 64 * 1024;

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
};

const principalOf = (c: ApiContext): Principal => c.get("principal");

const actorOf = (c: ApiContext): AuditActor => {
  const principal = principalOf(c);
  return { userId: principal.userId, label: principal.email, requestId: requestIdOf(c), ip: null };
};

const READ_SCOPE_DETAIL =
  "API-nyckeln får bara läsa (scope read). Använd en nyckel med scope write för att ändra uppgifter.";

/**
 * The association behind `slug`, after the policy has allowed `permission` in it. An association
 * the principal has no role in answers exactly like one that does not exist.
 */
async function associationFor(
  services: AppServices,
  c: ApiContext,
  slug: string,
  permission: Permission,
) {
  const principal = principalOf(c);
  const association = await findAssociationBySlug(services.db, slug);
  if (!association || rolesIn(principal, association.id).size === 0) {
    throw new NotFoundError(
      "Förbundet finns inte, eller så har API-nyckelns ägare ingen roll i det.",
    );
  }
  try {
    authorize(principal, permission, association.id);
  } catch (error) {
    const withWriteScope: Principal =
      principal.via.type === "token"
        ? { ...principal, via: { ...principal.via, scope: "write" } }
        : principal;
    if (error instanceof ForbiddenError && can(withWriteScope, permission, association.id)) {
      error.message = READ_SCOPE_DETAIL;
    }
    throw error;
  }
  return association;
}

const memberOrganisationOut = (row: typeof memberOrganisations.$inferSelect) => ({
  id: row.id,
  name: row.name,
  orgNumber: row.orgNumber,
  kind: row.kind,
  version: row.version,
});

export function createApiApp(services: AppServices): OpenAPIHono<ApiEnv> {
  const app = new OpenAPIHono<ApiEnv>({
    defaultHook: async (result, c) => {
      if (result.success) return;
      const input =
        result.target === "json" ? await c.req.json().catch(() => undefined) : c.req.param();
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

  app.use(
    "*",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new HTTPException(413);
      },
    }),
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

  app.openapi(listMemberOrganisationsRoute, async (c) => {
    const { slug } = c.req.valid("param");
    const association = await associationFor(services, c, slug, "member_organisations.view");
    const rows = await listMemberOrganisations(services.db, association.id);
    return c.json({ items: rows.map(memberOrganisationOut) }, 200);
  });

  app.openapi(addMemberOrganisationRoute, async (c) => {
    const { slug } = c.req.valid("param");
    const input = c.req.valid("json");
    const association = await associationFor(services, c, slug, "member_organisations.manage");
    const row = await addMemberOrganisation(services.db, actorOf(c), association.id, input);
    return c.json(memberOrganisationOut(row), 201);
  });

  app.openapi(updateMemberOrganisationRoute, async (c) => {
    const { slug, id } = c.req.valid("param");
    const { version, ...input } = c.req.valid("json");
    const association = await associationFor(services, c, slug, "member_organisations.manage");
    const row = await updateMemberOrganisation(
      services.db,
      actorOf(c),
      association.id,
      id,
      version,
      input,
    );
    if (!row) throw new NotFoundError("Organisationen finns inte.");
    return c.json(memberOrganisationOut(row), 200);
  });

  app.openapi(listUsersRoute, async (c) => {
    const { slug } = c.req.valid("param");
    const association = await associationFor(services, c, slug, "users.view");
    const people = await listUsers(services.db, association.id);
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
