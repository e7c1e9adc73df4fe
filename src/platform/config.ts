// Reads the environment once, so the rest of the code never touches process.env directly.
import path from "node:path";

export interface Config {
  /** Set → use that PostgreSQL; unset → embedded PostgreSQL under dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  /** Public base URL, used in mails and as the OIDC redirect base. */
  baseUrl: string;
  /** Seed the demo association on an empty instance. */
  demo: boolean;
  production: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Where problems reported from the accessibility statement are mailed (else only stored). */
  accessibilityReportsTo: string | undefined;
  oidc:
    | { issuer: string; clientId: string; clientSecret: string; label: string; allowHttp: boolean }
    | undefined;
  /** Run pg-boss workers in this process (a separate worker process can take them instead). */
  runJobs: boolean;
  /** Take the client address from X-Forwarded-For (behind a reverse proxy). */
  trustProxy: boolean;
  logLevel: "silent" | "info";
  /** Gallring: participant identities are erased this many months after the last exit. */
  registerRetentionMonths: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT måste vara ett heltal mellan 0 och 65535, inte "${env.PORT}".`);
  }
  const host = env.HOST ?? "0.0.0.0";
  const oidcIssuer = env.SAMSPAR_OIDC_ISSUER;
  const retention = (env.SAMSPAR_REGISTER_RETENTION_MONTHS ?? "").trim();
  const registerRetentionMonths = retention === "" ? 24 : Number(retention);
  if (
    !/^\d+$/.test(retention || "24") ||
    registerRetentionMonths < 1 ||
    registerRetentionMonths > 1200
  ) {
    throw new Error(
      `SAMSPAR_REGISTER_RETENTION_MONTHS måste vara ett helt antal månader mellan 1 och 1200, inte "${retention}".`,
    );
  }
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.SAMSPAR_DATA_DIR ?? "data"),
    port,
    host,
    baseUrl: (env.SAMSPAR_BASE_URL ?? `http://localhost:${port}`).replace(/\/$/, ""),
    demo: env.SAMSPAR_DEMO !== "0",
    production: env.NODE_ENV === "production",
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.SAMSPAR_MAIL_FROM ?? "Samspår <no-reply@samspar.local>",
    accessibilityReportsTo: env.SAMSPAR_ACCESSIBILITY_EMAIL || undefined,
    oidc: oidcIssuer
      ? {
          issuer: oidcIssuer,
          clientId: env.SAMSPAR_OIDC_CLIENT_ID ?? "",
          clientSecret: env.SAMSPAR_OIDC_CLIENT_SECRET ?? "",
          label: env.SAMSPAR_OIDC_LABEL ?? "Logga in med organisationens konto",
          allowHttp: env.SAMSPAR_OIDC_ALLOW_HTTP === "1",
        }
      : undefined,
    runJobs: env.SAMSPAR_JOBS !== "0",
    trustProxy: env.SAMSPAR_TRUST_PROXY === "1",
    logLevel: env.SAMSPAR_LOG === "silent" ? "silent" : "info",
    registerRetentionMonths,
  };
}
