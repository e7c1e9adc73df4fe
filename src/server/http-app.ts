// The HTTP application: security headers, health check, the API, static assets, then every
// page through React Router. Who is asking is worked out here once per request and handed to
// pages as the request context; nothing below this layer reads cookies or headers itself.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { getConnInfo } from "@hono/node-server/conninfo";
import { serveStatic } from "@hono/node-server/serve-static";
import { sql } from "drizzle-orm";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { createRequestHandler, RouterContextProvider, type ServerBuild } from "react-router";
import { loadPrincipal } from "../access/principal.ts";
import { createApiApp } from "../api/app.ts";
import {
  clearCookie,
  LANGUAGE_COOKIE,
  readCookie,
  serializeCookie,
} from "../platform/http/cookies.ts";
import {
  CSRF_COOKIE,
  CSRF_FIELD,
  crossSite,
  csrfTokenFor,
  csrfTokenMatches,
  newCsrfSeed,
} from "../platform/http/csrf.ts";
import {
  type AppServices,
  type RequestState,
  requestContext,
} from "../platform/http/request-context.ts";
import { newNonce, securityHeaders } from "../platform/http/security.ts";
import { negotiateLocale } from "../platform/i18n/translate.ts";
import { MAX_IMPORT_BYTES } from "../register/import-format.ts";
import { readSession, SESSION_COOKIE } from "../sign-in/sessions.ts";

type Env = { Variables: { requestId: string; nonce: string } };

export interface HttpAppOptions {
  services: AppServices;
  /** The React Router server build (from build/server in production, from Vite in development). */
  getBuild: () => Promise<ServerBuild>;
  /** Folder with the built browser assets; omitted in development (Vite serves them). */
  clientDir?: string;
  mode: "production" | "development";
  trustProxy?: boolean;
}

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function clientIp(c: Parameters<typeof getConnInfo>[0], trustProxy: boolean): string | null {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
}

const MAX_PAGE_BODY_BYTES = 12 * 1024 * 1024;
/** The register's participant import takes a larger file (import-format.ts MAX_IMPORT_BYTES). */
const MAX_IMPORT_BODY_BYTES = MAX_IMPORT_BYTES + 1024 * 1024;
const IMPORT_PATH = /^\/[^/]+\/deltagare\/importera(?:\/forlopp)?$/;

export function pageErrorHtml(requestId: string, status = 500): string {
  const title =
    status === 403 ? "Åtkomst nekad" : status === 413 ? "Filen är för stor" : "Något gick fel";
  const text =
    status === 403
      ? "Formuläret hade gått ut av säkerhetsskäl. Gå tillbaka, ladda om sidan och skicka igen."
      : status === 413
        ? "Det du skickade är större än vad sidan tar emot. Gå tillbaka och välj en mindre fil: största tillåtna dokument är 10 MB, och en deltagarfil för inläsning högst 32 MB."
        : "Något gick fel hos oss. Försök igen om en stund.";
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title} – Samspår</title></head><body><main><h1>${title}</h1><p>${text}</p><p>Felkod: <code>${requestId}</code></p><p><a href="/">Till startsidan</a></p></main></body></html>`;
}

export function createHttpApp(options: HttpAppOptions): Hono<Env> {
  const { services } = options;
  const app = new Hono<Env>();
  const selfOrigin = new URL(services.config.baseUrl).origin;

  app.use("*", async (c, next) => {
    const requestId = c.req.header("x-request-id")?.slice(0, 64) || randomUUID();
    const nonce = newNonce();
    c.set("requestId", requestId);
    c.set("nonce", nonce);
    await next();
    c.header("X-Request-Id", requestId);
    for (const [name, value] of Object.entries(
      securityHeaders(nonce, options.mode === "development"),
    )) {
      if (!c.res.headers.has(name)) c.header(name, value);
    }
    // nothing is cached but the assets, unless a route says otherwise (course files: private,
    // immutable under their id, so a slow phone fetches a picture once)
    if (!c.req.path.startsWith("/assets/") && !c.res.headers.has("Cache-Control"))
      c.header("Cache-Control", "no-store");
  });

  app.onError((error, c) => {
    console.error(`[${c.get("requestId")}]`, error);
    return c.html(pageErrorHtml(c.get("requestId")), 500);
  });

  app.get("/healthz", async (c) => {
    try {
      await services.db.execute(sql`select 1`);
      return c.json({ status: "ok", db: "ok" });
    } catch {
      return c.json({ status: "error", db: "unreachable" }, 503);
    }
  });

  app.route("/api/v1", createApiApp(services));

  if (options.clientDir) {
    const root = path.relative(process.cwd(), options.clientDir) || ".";
    app.use(
      "/assets/*",
      serveStatic({
        root,
        onFound: (_path, c) => {
          c.header("Cache-Control", "public, max-age=31536000, immutable");
        },
      }),
    );
    app.use("/favicon.svg", serveStatic({ root }));
  }

  // pages: no form or upload is larger than a 10 MB document and its envelope, except the
  // register's participant file
  const pageLimit = bodyLimit({
    maxSize: MAX_PAGE_BODY_BYTES,
    onError: (c) => c.html(pageErrorHtml(c.get("requestId"), 413), 413),
  });
  const importLimit = bodyLimit({
    maxSize: MAX_IMPORT_BODY_BYTES,
    onError: (c) => c.html(pageErrorHtml(c.get("requestId"), 413), 413),
  });
  app.use("*", (c, next) =>
    IMPORT_PATH.test(c.req.path) ? importLimit(c, next) : pageLimit(c, next),
  );

  let handler: ReturnType<typeof createRequestHandler> | undefined;
  app.all("*", async (c) => {
    const request = c.req.raw;
    const requestId = c.get("requestId");
    const cookieHeader = request.headers.get("cookie");
    const secureHeaders: string[] = [];

    let csrfSeed = readCookie(cookieHeader, CSRF_COOKIE);
    if (STATE_CHANGING.has(request.method)) {
      if (crossSite(request.headers, selfOrigin)) return c.html(pageErrorHtml(requestId, 403), 403);
      const type = request.headers.get("content-type") ?? "";
      let token: unknown = request.headers.get("x-csrf-token");
      if (
        type.includes("application/x-www-form-urlencoded") ||
        type.includes("multipart/form-data")
      ) {
        token = (await request.clone().formData()).get(CSRF_FIELD);
      }
      if (!csrfTokenMatches(services.secrets, csrfSeed, token))
        return c.html(pageErrorHtml(requestId, 403), 403);
    }
    if (!csrfSeed) {
      csrfSeed = newCsrfSeed();
      secureHeaders.push(serializeCookie(CSRF_COOKIE, csrfSeed));
    }

    const token = readCookie(cookieHeader, SESSION_COOKIE);
    const lookup = await readSession(services.db, token);
    const session = lookup.state === "active" ? lookup.session : undefined;
    if (token && !session) secureHeaders.push(clearCookie(SESSION_COOKIE));
    const principal =
      session && !session.secondFactorPending
        ? await loadPrincipal(services.db, session.userId, { type: "session" })
        : undefined;

    const state: RequestState = {
      services,
      requestId,
      nonce: c.get("nonce"),
      ip: clientIp(c as unknown as Parameters<typeof getConnInfo>[0], options.trustProxy ?? false),
      userAgent: request.headers.get("user-agent"),
      // Swedish unless the person chose another language: staff browsers are often set to English.
      locale: negotiateLocale(readCookie(cookieHeader, LANGUAGE_COOKIE), null),
      csrfToken: csrfTokenFor(services.secrets, csrfSeed),
      session,
      principal,
      // a cookie whose session is gone: idle, expired, or cleaned up (by this request or a
      // concurrent one); the person is told they were signed out
      sessionExpired: !!token && !session,
    };
    const context = new RouterContextProvider();
    context.set(requestContext, state);

    if (options.mode === "development" || !handler)
      handler = createRequestHandler(await options.getBuild(), options.mode);
    const response = await handler(request, context);
    for (const cookie of secureHeaders) response.headers.append("Set-Cookie", cookie);
    return response;
  });

  return app;
}
