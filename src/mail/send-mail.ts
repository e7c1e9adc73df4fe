// Sends a mail: records it, then delivers it over SMTP through the job queue. Without SMTP
// configured the mail stays in the outbox, where the association's office can read it.
import { eq } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { Queryable } from "../platform/database/connect.ts";
import { mailMessages } from "./schema.ts";

export interface MailInput {
  to: string;
  subject: string;
  text: string;
  associationId?: string | null;
}

export interface Mailer {
  /** Records the mail; returns its id. Delivery happens in the `mail.deliver` job. */
  send(q: Queryable, mail: MailInput): Promise<{ id: string; status: "queued" | "outbox" }>;
  /** Delivers one recorded mail over SMTP (the job's handler). */
  deliver(q: Queryable, id: string): Promise<void>;
}

export interface MailerOptions {
  smtpUrl: string | undefined;
  from: string;
  /** Hands the id of a queued mail to the job queue. */
  enqueue: (id: string) => Promise<void>;
}

export function createMailer(options: MailerOptions): Mailer {
  const transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : undefined;
  return {
    async send(q, mail) {
      const status = transport ? "queued" : "outbox";
      const [row] = await q
        .insert(mailMessages)
        .values({
          toAddress: mail.to,
          subject: mail.subject,
          textBody: mail.text,
          associationId: mail.associationId ?? null,
          status,
        })
        .returning({ id: mailMessages.id });
      if (!row) throw new Error("insert returned nothing");
      if (transport) await options.enqueue(row.id);
      return { id: row.id, status };
    },
    async deliver(q, id) {
      if (!transport) return;
      const [mail] = await q.select().from(mailMessages).where(eq(mailMessages.id, id));
      // The job may run before the transaction that recorded the mail has committed: retry
      // (with backoff). A mail whose transaction rolled back never appears and is never sent.
      if (!mail) throw new Error(`brevet ${id} finns inte (än)`);
      if (mail.status === "sent") return;
      try {
        await transport.sendMail({
          from: options.from,
          to: mail.toAddress,
          subject: mail.subject,
          text: mail.textBody,
        });
        await q
          .update(mailMessages)
          .set({ status: "sent", sentAt: new Date(), error: null })
          .where(eq(mailMessages.id, id));
      } catch (error) {
        await q
          .update(mailMessages)
          .set({ status: "failed", error: String(error) })
          .where(eq(mailMessages.id, id));
        throw error; // the job queue retries
      }
    },
  };
}
