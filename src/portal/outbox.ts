// Messages to participants — sign-in codes, booking confirmations, reminders — by e-mail or SMS.
// The address is personal data, so the message lives in the register zone (register.
// portal_messages), encrypted, and never in the association's outbox. A message is written
// "utkorg" (outbox): the initiative's staff see it on the portal outbox page; e-mail is delivered
// over SMTP when it is configured (src/portal/outbox-delivery.ts); Samspår has no SMS gateway
// yet, so SMS stay in the outbox for staff to send by hand.
import type { Tx } from "../platform/database/connect.ts";
import type { RegisterCrypto } from "../register/crypto.ts";
import { portalMessages } from "./schema.ts";

export interface PortalMessageInput {
  associationId: string;
  dataControllerId: string;
  initiativeId: string;
  participantId: string;
  channel: "epost" | "sms";
  /** The address or phone number in clear; stored encrypted. */
  to: string;
  subject: string;
  body: string;
  kind: "kod" | "bokning" | "paminnelse" | "avbokning";
  bookingId?: string | null;
}

/** Writes a message to the portal outbox inside the caller's register transaction; its id. */
export async function queuePortalMessage(
  tx: Tx,
  crypto: RegisterCrypto,
  input: PortalMessageInput,
): Promise<string> {
  const [row] = await tx
    .insert(portalMessages)
    .values({
      associationId: input.associationId,
      dataControllerId: input.dataControllerId,
      initiativeId: input.initiativeId,
      participantId: input.participantId,
      channel: input.channel,
      toCiphertext: crypto.encrypt(input.to),
      subject: input.subject,
      body: input.body,
      kind: input.kind,
      status: "utkorg",
      bookingId: input.bookingId ?? null,
    })
    .returning({ id: portalMessages.id });
  if (!row) throw new Error("insert returned nothing");
  return row.id;
}
