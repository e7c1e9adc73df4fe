// The whole HTTP application in-process on a test database: the built web app, the API,
// and helpers to act as a given person (session cookie + CSRF token).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "react-router";
import { createMailer } from "../../src/mail/send-mail.ts";
import { readConfig } from "../../src/platform/config.ts";
import { CSRF_COOKIE, csrfTokenFor } from "../../src/platform/http/csrf.ts";
import type { AppServices } from "../../src/platform/http/request-context.ts";
import { createSecrets } from "../../src/platform/secrets.ts";
import { CLIENT_DIR, SERVER_BUILD } from "../../src/server/build.ts";
import { createHttpApp } from "../../src/server/http-app.ts";
import { createSession, SESSION_COOKIE } from "../../src/sign-in/sessions.ts";
import type { TestDatabase } from "./database.ts";

export async function loadServerBuild(): Promise<ServerBuild> {
  if (!fs.existsSync(SERVER_BUILD)) {
    throw new Error(
      `Ingen webbyggnad i ${path.relative(process.cwd(), SERVER_BUILD)}: kör "npm run build" (npm test gör det).`,
    );
  }
  return (await import(/* @vite-ignore */ pathToFileURL(SERVER_BUILD).href)) as ServerBuild;
}

export interface TestApp {
  services: AppServices;
  fetch(path: string, init?: RequestInit & { as?: string | undefined }): Promise<Response>;
  /** A form post with a valid CSRF token, as the given person (session token). */
  post(path: string, fields: Record<string, string>, as?: string): Promise<Response>;
}

const CSRF_SEED = "test-csrf-seed";

export async function createTestApp(
  t: TestDatabase,
  overrides: Partial<AppServices> = {},
): Promise<TestApp> {
  const build = await loadServerBuild();
  const config = { ...readConfig({ SAMSPAR_LOG: "silent" }), baseUrl: "http://localhost" };
  const services: AppServices = {
    config,
    db: t.db,
    secrets: createSecrets(randomBytes(32)),
    mailer: createMailer({ smtpUrl: undefined, from: config.mailFrom, enqueue: async () => {} }),
    oidc: undefined,
    ...overrides,
  };
  const app = createHttpApp({
    services,
    getBuild: async () => build,
    clientDir: CLIENT_DIR,
    mode: "production",
  });
  const csrfToken = csrfTokenFor(services.secrets, CSRF_SEED);
  const doFetch: TestApp["fetch"] = (p, init = {}) => {
    const headers = new Headers(init.headers);
    const cookies = [`${CSRF_COOKIE}=${CSRF_SEED}`];
    if (init.as) cookies.push(`${SESSION_COOKIE}=${init.as}`);
    headers.set("cookie", cookies.join("; "));
    return Promise.resolve(
      app.request(`http://localhost${p}`, { ...init, headers, redirect: "manual" }),
    );
  };
  return {
    services,
    fetch: doFetch,
    post: (p, fields, as) =>
      doFetch(p, {
        method: "POST",
        as,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ _csrf: csrfToken, ...fields }).toString(),
      }),
  };
}

/** A complete session for a user (second factor done), as the cookie value. */
export const sessionFor = (t: TestDatabase, userId: string) =>
  createSession(t.db, { userId, method: "password", secondFactorPending: false });
