// Builds the services a running instance shares: database, secrets, mail, jobs, OIDC.
import { createMailer } from "../mail/send-mail.ts";
import type { Config } from "../platform/config.ts";
import type { Database } from "../platform/database/connect.ts";
import type { AppServices } from "../platform/http/request-context.ts";
import { type Jobs, startJobs } from "../platform/jobs.ts";
import { createSecrets, loadSecretKey } from "../platform/secrets.ts";
import { announceRegisterKey } from "../register/key.server.ts";
import { createOidcClient } from "../sign-in/oidc-client.ts";

export interface Running {
  services: AppServices;
  jobs: Jobs;
}

export async function createServices(config: Config, database: Database): Promise<Running> {
  const secrets = createSecrets(loadSecretKey(config.dataDir));
  // the participant register's key: loaded now, and where it lies said once
  announceRegisterKey(config);
  let jobs: Jobs | undefined;
  const mailer = createMailer({
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    enqueue: async (id) => jobs?.enqueueMail(id),
  });
  jobs = await startJobs(
    database.url,
    { db: database.db, mailer: () => mailer, baseUrl: config.baseUrl },
    config.runJobs,
  );
  const oidc = config.oidc
    ? await createOidcClient(config.oidc, config.baseUrl, secrets)
    : undefined;
  return { services: { config, db: database.db, secrets, mailer, oidc }, jobs };
}
