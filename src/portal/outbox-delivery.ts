// Delivers the portal's e-mail to participants over SMTP (issue 9). The messages are written
// "utkorg" in the register zone (src/portal/outbox.ts); this job sends an e-mail message when
// SMTP is configured (SMTP_URL, as the association's mail in src/mail/send-mail.ts) and marks it
// "skickad", or "misslyckad" when the server refuses it. SMS stay in the outbox: Samspår has no
// SMS gateway, so the initiative's staff send them by hand and mark them sent
// (markPortalMessageSent). Reading the address to send it is logged like any register read.
import { and, asc, eq } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import { memberOrganisations } from "../associations/schema.ts";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import { initiatives } from "../initiatives/schema.ts";
import type { Config } from "../platform/config.ts";
import type { Db } from "../platform/database/connect.ts";
import { ConflictError, NotFoundError } from "../platform/errors.ts";
import { UUID } from "../platform/uuid.ts";
import { logAccess } from "../register/access-log.ts";
import type { RegisterCrypto } from "../register/crypto.ts";
import { registerCryptoFor } from "../register/key.server.ts";
import { type RegisterActor, systemActor } from "../register/scope.ts";
import { inRegister, type RegisterScope } from "../register/zone.ts";
import { PORTAL_CONTACT_FIELD } from "./account-admin.ts";
import { portalMessages } from "./schema.ts";

export type PortalMailConfig = Pick<Config, "smtpUrl" | "mailFrom" | "dataDir">;

export interface DeliveryOptions {
  /** A transport of one's own (tests); otherwise one per SMTP_URL, made once. */
  transport?: Pick<Transporter, "sendMail">;
  crypto?: RegisterCrypto;
}

const transports = new Map<string, Transporter>();
function transportFor(smtpUrl: string): Transporter {
  let transport = transports.get(smtpUrl);
  if (!transport) {
    transport = nodemailer.createTransport(smtpUrl);
    transports.set(smtpUrl, transport);
  }
  return transport;
}

/** Every data controller and initiative of the instance: the delivery job's scope. */
async function systemScope(db: Db): Promise<RegisterScope> {
  const controllers = await db.select({ id: memberOrganisations.id }).from(memberOrganisations);
  const all = await db.select({ id: initiatives.id }).from(initiatives);
  return { controllers: controllers.map((c) => c.id), initiatives: all.map((i) => i.id) };
}

const SENDER: RegisterActor = systemActor("Portalens utskick");

export type DeliveryOutcome = "sent" | "failed" | "skipped";

/**
 * Sends one e-mail message of the portal's outbox. "skipped": no SMTP, not e-mail, already sent
 * or unknown. A refused message is marked "misslyckad" and the error rethrown (the job retries).
 */
export async function deliverPortalEmail(
  db: Db,
  config: PortalMailConfig,
  messageId: string,
  options: DeliveryOptions = {},
): Promise<DeliveryOutcome> {
  const transport = options.transport ?? (config.smtpUrl ? transportFor(config.smtpUrl) : null);
  if (!transport || !UUID.test(messageId)) return "skipped";
  const crypto = options.crypto ?? registerCryptoFor(config);
  const scope = await systemScope(db);
  const message = await inRegister(db, scope, async (tx) => {
    const [row] = await tx.select().from(portalMessages).where(eq(portalMessages.id, messageId));
    if (!row) return undefined;
    if (row.channel !== "epost" || row.status === "skickad") return undefined;
    await logAccess(tx, SENDER, {
      associationId: row.associationId,
      dataControllerId: row.dataControllerId,
      participantId: row.participantId,
      action: "read",
      fields: [PORTAL_CONTACT_FIELD],
    });
    return { ...row, to: crypto.decrypt(row.toCiphertext) };
  });
  if (!message) return "skipped";
  try {
    await transport.sendMail({
      from: config.mailFrom,
      to: message.to,
      subject: message.subject,
      text: message.body,
    });
  } catch (error) {
    await inRegister(db, scope, (tx) =>
      tx
        .update(portalMessages)
        .set({ status: "misslyckad" })
        .where(eq(portalMessages.id, messageId)),
    );
    throw error;
  }
  await inRegister(db, scope, (tx) =>
    tx
      .update(portalMessages)
      .set({ status: "skickad", sentAt: new Date() })
      .where(eq(portalMessages.id, messageId)),
  );
  return "sent";
}

/**
 * The job: every e-mail message still in the outbox, oldest first, sent one by one; a refused
 * one is marked "misslyckad" (staff see it) and does not stop the others, nor is it tried again
 * every minute. Nothing happens without SMTP.
 */
export async function deliverPendingPortalEmails(
  db: Db,
  config: PortalMailConfig,
  options: DeliveryOptions = {},
): Promise<{ sent: number; failed: number }> {
  if (!options.transport && !config.smtpUrl) return { sent: 0, failed: 0 };
  const scope = await systemScope(db);
  const pending = await inRegister(db, scope, (tx) =>
    tx
      .select({ id: portalMessages.id })
      .from(portalMessages)
      .where(and(eq(portalMessages.channel, "epost"), eq(portalMessages.status, "utkorg")))
      .orderBy(asc(portalMessages.createdAt))
      .limit(200),
  );
  let sent = 0;
  let failed = 0;
  for (const { id } of pending) {
    try {
      if ((await deliverPortalEmail(db, config, id, options)) === "sent") sent++;
    } catch {
      failed++;
    }
  }
  return { sent, failed };
}

/**
 * A participant officer marks a message sent by hand (an SMS they sent from their own phone).
 * The scope limits it to the officer's initiative; the audit event names the message only.
 */
export async function markPortalMessageSent(
  db: Db,
  scope: RegisterScope,
  audit: AuditActor,
  input: { associationId: string; initiativeId: string; messageId: string },
): Promise<void> {
  if (!UUID.test(input.messageId))
    throw new NotFoundError("Meddelandet finns inte i insatsens utkorg.");
  await db.transaction(async (tx) => {
    await recordAuditEvent(tx, audit, {
      action: "portal.message_marked_sent",
      associationId: input.associationId,
      targetType: "portal_message",
      targetId: input.messageId,
      details: { initiativeId: input.initiativeId },
    });
    await inRegister(tx as unknown as Db, scope, async (r) => {
      const [row] = await r
        .select({ status: portalMessages.status })
        .from(portalMessages)
        .where(
          and(
            eq(portalMessages.id, input.messageId),
            eq(portalMessages.initiativeId, input.initiativeId),
          ),
        );
      if (!row) throw new NotFoundError("Meddelandet finns inte i insatsens utkorg.");
      if (row.status === "skickad")
        throw new ConflictError("Meddelandet är redan markerat som skickat.");
      await r
        .update(portalMessages)
        .set({ status: "skickad", sentAt: new Date() })
        .where(eq(portalMessages.id, input.messageId));
    });
  });
}
