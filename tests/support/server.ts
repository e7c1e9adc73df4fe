// A real HTTP server for browser tests: the built web app on a fresh test database with the
// demo association, listening on a free port on 127.0.0.1 and addressed as http://localhost.
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createMailer } from "../../src/mail/send-mail.ts";
import { readConfig } from "../../src/platform/config.ts";
import type { Db } from "../../src/platform/database/connect.ts";
import type { AppServices } from "../../src/platform/http/request-context.ts";
import { createSecrets } from "../../src/platform/secrets.ts";
import { CLIENT_DIR } from "../../src/server/build.ts";
import { createHttpApp } from "../../src/server/http-app.ts";
import { loadServerBuild } from "./app.ts";
import { createTestDatabase } from "./database.ts";

export interface TestServer {
  /** http://localhost:PORT — localhost, because the __Host- Secure cookies work on plain http only there. */
  baseUrl: string;
  db: Db;
  services: AppServices;
  stop(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  const build = await loadServerBuild();
  const t = await createTestDatabase({ demo: true });
  try {
    // the app needs its own origin (for the CSRF origin check and links in mails) before it
    // is built, and the origin needs the port: listen first, then build the app
    let app: ReturnType<typeof createHttpApp> | undefined;
    const server = serve({
      fetch: (request, env) =>
        app ? app.fetch(request, env) : new Response("not ready", { status: 503 }),
      port: 0,
      hostname: "127.0.0.1",
    });
    await new Promise<void>((resolve, reject) => {
      if (server.listening) resolve();
      server.once("listening", () => resolve());
      server.once("error", reject);
    });
    const { port } = server.address() as AddressInfo;
    const baseUrl = `http://localhost:${port}`;

    const config = { ...readConfig({ SAMSPAR_LOG: "silent" }), baseUrl, port, host: "127.0.0.1" };
    const services: AppServices = {
      config,
      db: t.db,
      secrets: createSecrets(randomBytes(32)),
      mailer: createMailer({ smtpUrl: undefined, from: config.mailFrom, enqueue: async () => {} }),
      oidc: undefined,
    };
    app = createHttpApp({
      services,
      getBuild: async () => build,
      clientDir: CLIENT_DIR,
      mode: "production",
    });

    return {
      baseUrl,
      db: t.db,
      services,
      async stop() {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          if ("closeAllConnections" in server) server.closeAllConnections();
        });
        await t.drop();
      },
    };
  } catch (error) {
    await t.drop();
    throw error;
  }
}
