// Operations on one item of an association that belongs to an initiative: an application, a
// report or a requisition. They are described alike (and so are an initiative's budget and the
// parts of its steering group): the item's path and id, and what they answer when the item does
// not exist or is not the caller's (404), when the caller sees it but may not act (403) or when
// the request is invalid. They are handled alike: a guard finds the item, answers 404 unless the
// caller may see it and 403 unless the caller may do what the operation does, and the handler
// runs the use case and answers with the item as it is then.
import { createRoute, type RouteConfig, z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { can, canOnInitiative, ForbiddenError, type Permission } from "../access/policy.ts";
import type { Principal } from "../access/principal.ts";
import type { AuditActor } from "../audit/record-audit-event.ts";
import type { RenderedDocument } from "../documents/render.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { NotFoundError, ValidationError } from "../platform/errors.ts";
import type { AppServices } from "../platform/http/request-context.ts";
import { UUID } from "../platform/uuid.ts";
import { actorOf, associationOf, guard, principalOf, type Rule } from "./app.ts";
import {
  AssociationParams,
  common,
  invalid as invalidInput,
  jsonBody,
  problem,
  security,
  tooLarge,
  unsupported,
} from "./operation-kit.ts";
import type { ApiContext, ApiEnv } from "./problems.ts";

// ---------------------------------------------------------------------------------------------
// Descriptions

type Problem = ReturnType<typeof problem>;
type Answers = RouteConfig["responses"];

interface Described {
  operationId: string;
  summary: string;
  description: string;
}

/** The association's path parameter and the item's id, named as the item's operations name it. */
export const itemParams = <N extends string>(name: N, description: string, example: string) =>
  AssociationParams.extend({
    [name]: z.uuid().openapi({ param: { name, in: "path" }, description, example }),
  } as Record<N, z.ZodUUID>);

/**
 * What an item's operations answer when the caller sees the item but may not act (403), when it
 * does not exist or is not the caller's (404), and when it changed since the caller read it
 * (409), in words that name it: `the` is "rapporten" or "ansökan", `it` what refers back to it.
 */
export function itemProblems(the: string, it = the) {
  const The = `${the.charAt(0).toUpperCase()}${the.slice(1)}`;
  return {
    forbidden: problem(
      `Nyckelns ägare ser ${the} men saknar behörighet för åtgärden, eller nyckeln får bara läsa (scope read).`,
    ),
    notFound: problem(
      `Förbundet eller ${the} finns inte, eller nyckelns ägare får inte se ${it}. Svaret är detsamma i alla fallen.`,
    ),
    conflict: problem(
      `${The} har ändrats sedan du läste den (versionen stämmer inte). \`changes\` anger vad den andra ändrade, fält för fält.`,
    ),
  };
}

/**
 * The operations on one item, as OpenAPI describes them. Each gives its own success answers
 * (and 409 where a stale version is refused); the item's 404 and 403, 400 for invalid input and
 * the answers of any operation are added here, and 413 and 415 where a JSON body is read.
 */
export function itemRoutes<P extends z.ZodObject, C extends Answers = Record<never, never>>(item: {
  tag: string;
  /** The item's path: "/associations/{slug}/final-reports/{finalReportId}". */
  path: string;
  params: P;
  forbidden: Problem;
  notFound: Problem;
  /** The module's 400, where it says more than the common one. */
  invalid?: Problem;
  /** The module's 413, where its bodies have another limit. */
  tooLarge?: Problem;
  /** What an `action` answers: the item after it, and 409 for a stale version. */
  actionAnswers?: C;
}) {
  const invalid = item.invalid ?? invalidInput;
  const refusals = { 403: item.forbidden, 404: item.notFound, ...common } as const;
  const below = (path: string | undefined) => (path ? `${item.path}/${path}` : item.path);
  const described = (o: Described, path: string | undefined) => ({
    path: below(path),
    operationId: o.operationId,
    tags: [item.tag],
    summary: o.summary,
    description: o.description,
    security,
  });
  /** An operation that reads a JSON body: a change of the item, or something added to it. */
  const writing =
    <M extends "put" | "post">(method: M) =>
    <B extends z.ZodType, A extends Answers>(
      o: Described & { path?: string; body: B; answers: A },
    ) =>
      createRoute({
        method,
        ...described(o, o.path),
        request: { params: item.params, body: jsonBody(o.body) },
        responses: {
          ...o.answers,
          400: invalid,
          413: item.tooLarge ?? tooLarge,
          415: unsupported,
          ...refusals,
        },
      });
  return {
    /** Reads the item, or a part of it below its path. */
    get: <A extends Answers>(o: Described & { path?: string; answers: A }) =>
      createRoute({
        method: "get",
        ...described(o, o.path),
        request: { params: item.params },
        responses: { ...o.answers, 400: invalid, ...refusals },
      }),
    /** Replaces the item's content, or a part of it below its path. */
    put: writing("put"),
    /** An action on the item, or something added to it, below its path. */
    post: writing("post"),
    /** An action at `path` below the item, answered with `actionAnswers`. */
    action: <B extends z.ZodType>(
      path: string,
      operationId: string,
      summary: string,
      description: string,
      body: B,
    ) =>
      writing("post")({
        path,
        operationId,
        summary,
        description,
        body,
        answers: item.actionAnswers ?? ({} as C),
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// Handlers

/** A permission on the initiative in the path, or of the item. */
export const onInitiative =
  (permission: Permission): Rule =>
  (principal, associationId, initiativeId) =>
    canOnInitiative(principal, permission, associationId, initiativeId);

/**
 * A permission association-wide, or on some initiative through a role there: who may start an
 * item for an initiative (which one is checked when the request is read).
 */
export const onSomeInitiative =
  (permission: Permission): Rule =>
  (principal, associationId) =>
    can(principal, permission, associationId) ||
    principal.grants.some(
      (g) =>
        g.associationId === associationId &&
        g.initiativeId !== null &&
        canOnInitiative(principal, permission, associationId, g.initiativeId),
    );

/** Some item of the association the principal sees: all of them, or those of some initiative. */
export const someVisible =
  (visible: (principal: Principal, associationId: string) => "all" | string[]): Rule =>
  (principal, associationId) => {
    const seen = visible(principal, associationId);
    return seen === "all" || seen.length > 0;
  };

/** What every use case that changes an item takes first: where, who, which association and item. */
export type Target = [db: AppServices["db"], actor: AuditActor, associationId: string, id: string];

interface Item {
  initiativeId: string;
  /** Where the item takes comments: for `comment`. */
  comments?: ReadonlyArray<{ id: string }>;
}

/**
 * The guard and the handlers' common steps for one kind of item. The guard reads the item once
 * and keeps it for the handler of the same request; a change reads it again.
 */
export function guardedItem<T extends Item, O>(item: {
  /** The path parameter of the item's id. */
  idParam: string;
  /** The permission that lets the caller see the item: "report.view". */
  view: Permission;
  /** The refusal of an item that does not exist or is not the caller's. */
  notFound: string;
  load: (q: Queryable, associationId: string, id: string) => Promise<T | undefined>;
  /** The item as the API answers with it. */
  out: (item: T) => O;
}) {
  const loaded = new WeakMap<Request, T>();

  /**
   * The guard for one item: the association as for every operation, then the item, which
   * answers 404 unless the principal may see it, then `rule` (by default `permission` on the
   * item's initiative; 403). An id that is no uuid cannot exist: the association-wide
   * permission decides, and validation then answers 400.
   */
  function itemGuard(
    services: AppServices,
    permission: Permission,
    rule: Rule = onInitiative(permission),
  ): MiddlewareHandler<ApiEnv> {
    const inAssociation = guard(services, permission, () => true);
    return (c, next) =>
      inAssociation(c, async () => {
        const associationId = associationOf(c).id;
        const id = c.req.param(item.idParam) ?? "";
        let initiativeId = "";
        if (UUID.test(id)) {
          const found = await item.load(services.db, associationId, id);
          if (
            !found ||
            !canOnInitiative(principalOf(c), item.view, associationId, found.initiativeId)
          )
            throw new NotFoundError(item.notFound);
          loaded.set(c.req.raw, found);
          initiativeId = found.initiativeId;
        }
        await guard(services, permission, (principal, association) =>
          rule(principal, association, initiativeId),
        )(c, next);
      });
  }

  /** The item by its id (one just created, say), or 404. */
  async function find(services: AppServices, associationId: string, id: string): Promise<T> {
    const found = await item.load(services.db, associationId, id);
    if (!found) throw new NotFoundError(item.notFound);
    return found;
  }

  /** The item the guard read, or a fresh read after a change. */
  async function details(services: AppServices, c: ApiContext, fresh = false): Promise<T> {
    const cached = fresh ? undefined : loaded.get(c.req.raw);
    return cached ?? find(services, associationOf(c).id, c.req.param(item.idParam) ?? "");
  }

  const target = (services: AppServices, c: ApiContext): Target => [
    services.db,
    actorOf(c),
    associationOf(c).id,
    c.req.param(item.idParam) ?? "",
  ];

  return {
    guard: itemGuard,
    find,
    details,
    /** Answers with the item as the guard read it. */
    show: async (services: AppServices, c: ApiContext) =>
      c.json(item.out(await details(services, c)), 200),
    /** Runs the use case that changes the item, then answers with the item as it is now. */
    change: async (
      services: AppServices,
      c: ApiContext,
      run: (...at: Target) => Promise<unknown>,
    ) => {
      await run(...target(services, c));
      return c.json(item.out(await details(services, c, true)), 200);
    },
    /** Runs the use case that adds a comment (it gives the comment's id); the comment as stored. */
    comment: async (
      services: AppServices,
      c: ApiContext,
      run: (...at: Target) => Promise<string>,
    ): Promise<NonNullable<T["comments"]>[number]> => {
      const id = await run(...target(services, c));
      const comment = (await details(services, c, true)).comments?.find((x) => x.id === id);
      if (!comment) throw new Error("comment not found after insert");
      return comment;
    },
  };
}

/** An item's history as the API answers with it; `S` is the item's statuses. */
export const versionsOut = <S extends string>(
  rows: ReadonlyArray<{
    version: number;
    status: string;
    event: string;
    note: string | null;
    actorName: string;
    createdAt: Date;
  }>,
) => ({
  items: rows.map((v) => ({
    version: v.version,
    status: v.status as S,
    event: v.event,
    note: v.note,
    actorName: v.actorName,
    createdAt: v.createdAt.toISOString(),
  })),
});

/** Refusal of the use case named in the API's own field names. */
export async function renamingFields<T>(names: Record<string, string>, run: () => Promise<T>) {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new ValidationError(
      Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [names[k] ?? k, v])),
    );
  }
}

/** A 403 for a part of a request that needs more than the operation itself. */
export function refuse(permission: Permission, detail: string): never {
  const error = new ForbiddenError(permission);
  error.message = detail;
  throw error;
}

export const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A file name for Content-Disposition: ASCII for old clients, UTF-8 (RFC 8187) for the rest. */
function attachment(fileName: string): string {
  const ascii = fileName
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\w.\- ]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** A rendered document as the answer: an attachment, never cached. */
export const documentBody = (c: ApiContext, document: RenderedDocument) =>
  c.body(new Uint8Array(document.body), 200, {
    "Content-Type": document.mediaType,
    "Content-Disposition": attachment(document.fileName),
    "Cache-Control": "private, no-store",
  });
