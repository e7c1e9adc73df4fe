// Background jobs on pg-boss, in the same PostgreSQL. The server runs the workers in-process
// unless SAMSPAR_JOBS=0; `npx samspar worker` runs them in a process of their own.
import { PgBoss } from "pg-boss";
import { startGrantedInitiatives, todayInSweden } from "../applications/workflow.ts";
import type { Mailer } from "../mail/send-mail.ts";
import { deliverPendingPortalEmails } from "../portal/outbox-delivery.ts";
import { sendBookingReminders } from "../portal/reminders.ts";
import { eraseExpiredIdentities } from "../register/retention.ts";
import { sendReportReminders } from "../reports/reminders.ts";
import { purgeExpiredSessions } from "../sign-in/sessions.ts";
import { readConfig } from "./config.ts";
import type { Db } from "./database/connect.ts";

export const QUEUES = {
  mailDeliver: "mail.deliver",
  sessionsPurge: "sessions.purge",
  initiativesStart: "initiatives.start",
  reportsRemind: "reports.remind",
  registerRetention: "register.retention",
  portalReminders: "portal.reminders",
  portalDeliver: "portal.deliver",
} as const;

export interface Jobs {
  enqueueMail(id: string): Promise<void>;
  stop(): Promise<void>;
}

/** Starts pg-boss; with `work` the workers and schedules run here too. */
export async function startJobs(
  url: string,
  deps: {
    db: Db;
    mailer: () => Mailer;
    baseUrl: string;
    /** Gallring of participant identities; SAMSPAR_REGISTER_RETENTION_MONTHS when not given. */
    registerRetentionMonths?: number;
  },
  work: boolean,
): Promise<Jobs> {
  const boss = new PgBoss({ connectionString: url, max: 4, schedule: work, supervise: work });
  boss.on("error", (error) => console.error("[jobs]", error.message));
  await boss.start();
  for (const name of Object.values(QUEUES)) await boss.createQueue(name);
  if (work) {
    await boss.work<{ id: string }>(QUEUES.mailDeliver, async (jobs) => {
      for (const job of jobs) await deps.mailer().deliver(deps.db, job.data.id);
    });
    await boss.work(QUEUES.sessionsPurge, async () => {
      await purgeExpiredSessions(deps.db);
    });
    await boss.schedule(QUEUES.sessionsPurge, "*/15 * * * *");
    // a granted initiative becomes running on the first day of its decided period
    await boss.work(QUEUES.initiativesStart, async () => {
      await startGrantedInitiatives(deps.db);
    });
    await boss.schedule(QUEUES.initiativesStart, "5 0 * * *", null, { tz: "Europe/Stockholm" });
    // reminders of periodic reports: ahead of the due date and weekly when overdue, each once
    await boss.work(QUEUES.reportsRemind, async () => {
      const sent = await sendReportReminders(deps.db, {
        mailer: deps.mailer(),
        baseUrl: deps.baseUrl,
      });
      if (sent.mails)
        console.log(
          `[jobs] rapportpåminnelser: ${sent.before} före sista dag, ${sent.overdue} försenade, ${sent.mails} mejl`,
        );
    });
    await boss.schedule(QUEUES.reportsRemind, "0 7 * * *", null, { tz: "Europe/Stockholm" });
    // gallring: participant identities erased a configured time after the last exit
    const monthsAfterExit = deps.registerRetentionMonths ?? readConfig().registerRetentionMonths;
    await boss.work(QUEUES.registerRetention, async () => {
      const result = await eraseExpiredIdentities(deps.db, todayInSweden(), { monthsAfterExit });
      if (result.erased)
        console.log(
          `[jobs] gallring av deltagarregistret: ${result.erased} ${result.erased === 1 ? "identitet raderad" : "identiteter raderade"} (sista avslut före ${result.cutoff})`,
        );
    });
    await boss.schedule(QUEUES.registerRetention, "30 2 * * *", null, { tz: "Europe/Stockholm" });
    // the portal: a reminder of every booked time a day ahead (once), in the participant's
    // language, through the portal's own outbox
    await boss.work(QUEUES.portalReminders, async () => {
      const sent = await sendBookingReminders(deps.db, readConfig());
      if (sent.reminded)
        console.log(
          `[jobs] påminnelser om bokade tider: ${sent.reminded} bokningar, ${sent.messages} meddelanden`,
        );
    });
    await boss.schedule(QUEUES.portalReminders, "10 * * * *", null, { tz: "Europe/Stockholm" });
    // the portal's e-mail to participants over SMTP (nothing to do without SMTP: they stay in
    // the initiative's portal outbox)
    await boss.work(QUEUES.portalDeliver, async () => {
      const result = await deliverPendingPortalEmails(deps.db, readConfig());
      if (result.sent || result.failed)
        console.log(
          `[jobs] portalens e-post: ${result.sent} skickade, ${result.failed} misslyckade`,
        );
    });
    await boss.schedule(QUEUES.portalDeliver, "* * * * *");
  }
  return {
    async enqueueMail(id) {
      await boss.send(QUEUES.mailDeliver, { id }, { retryLimit: 5, retryBackoff: true });
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 5000 });
    },
  };
}
