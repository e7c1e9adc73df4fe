// For the API's tests: the API in-process on a test database, and requests to it as a bearer
// token with a JSON or multipart/form-data body, answered as the response, its bytes and its
// parsed JSON (when it is JSON).
import { randomBytes } from "node:crypto";
import type { TestDatabase } from "../../tests/support/database.ts";
import { createMailer } from "../mail/send-mail.ts";
import { readConfig } from "../platform/config.ts";
import type { AppServices } from "../platform/http/request-context.ts";
import { createSecrets } from "../platform/secrets.ts";
import { createApiApp } from "./app.ts";

export type ApiApp = ReturnType<typeof createApiApp>;

/** The API on the test database, with mail recorded but never sent, unless `overrides` say otherwise. */
export function createApiTestApp(
  t: TestDatabase,
  overrides: Partial<AppServices> = {},
): { services: AppServices; app: ApiApp } {
  const config = { ...readConfig({}), baseUrl: "https://samspar.example" };
  const services: AppServices = {
    config,
    db: t.db,
    secrets: createSecrets(randomBytes(32)),
    mailer: createMailer({ smtpUrl: undefined, from: config.mailFrom, enqueue: async () => {} }),
    oidc: undefined,
    ...overrides,
  };
  return { services, app: createApiApp(services) };
}

/** Requests to the app `app()` gives (it is made in beforeAll). */
export function apiCalls(app: () => ApiApp) {
  async function call(
    url: string,
    token: string | undefined,
    init: { method?: string; json?: unknown; form?: FormData } = {},
  ) {
    const headers: Record<string, string> = {};
    if (token) headers.Authorization = `Bearer ${token}`;
    let body: string | FormData | undefined;
    if (init.json !== undefined) {
      body = JSON.stringify(init.json);
      headers["Content-Type"] = "application/json";
    } else if (init.form) body = init.form;
    const res = await app().request(url, { method: init.method ?? "GET", headers, body });
    const bytes = Buffer.from(await res.arrayBuffer());
    const type = res.headers.get("content-type") ?? "";
    const parsed =
      /json/.test(type) && bytes.length ? JSON.parse(bytes.toString("utf8")) : undefined;
    return { res, bytes, body: parsed };
  }
  return {
    call,
    post: (url: string, token: string, json: unknown) => call(url, token, { method: "POST", json }),
    put: (url: string, token: string, json: unknown) => call(url, token, { method: "PUT", json }),
    /** A 400 answer's `errors` as field → message. */
    fieldsOf: (result: Awaited<ReturnType<typeof call>>): Record<string, string> =>
      Object.fromEntries(
        (result.body.errors as Array<{ field: string; message: string }>).map((e) => [
          e.field,
          e.message,
        ]),
      ),
    /** A file posted as multipart/form-data in the field `file`, with the media type `type`. */
    upload: (url: string, token: string, name: string, data: Uint8Array, type = "") => {
      const form = new FormData();
      form.append("file", new File([new Uint8Array(data)], name, { type }));
      return call(url, token, { method: "POST", form });
    },
  };
}
