// One-time sign-in codes for the portal (issue 9): staff make a code for a participant's portal
// account and hand it over (shown once and printable, or sent by e-mail or SMS through the
// portal's outbox); the participant types it on /portal/logga-in. Eight characters from an
// alphabet without look-alikes (no I, L, O, 0, 1), shown as "ABCD-EFGH", valid 14 days, used
// once. Only the SHA-256 of the code is stored; a newer code revokes the older unused ones.
import { randomInt } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { recordAuditEvent } from "../audit/record-audit-event.ts";
import type { Db } from "../platform/database/connect.ts";
import { NotFoundError, ValidationError } from "../platform/errors.ts";
import { sha256 } from "../platform/secrets.ts";
import { hitThrottle } from "../platform/throttle.ts";
import { logAccess } from "../register/access-log.ts";
import type { RegisterCrypto } from "../register/crypto.ts";
import { inRegister } from "../register/zone.ts";
import { throttleCounters } from "../sign-in/schema.ts";
import {
  accountForStaff,
  enrolledParticipant,
  openContact,
  PORTAL_ACCOUNT_FIELD,
  PORTAL_CONTACT_FIELD,
  type PortalStaff,
  requirePortalStaff,
} from "./account-admin.ts";
import type { PortalAccount } from "./accounts.ts";
import { queuePortalMessage } from "./outbox.ts";
import { portalSignInCodes } from "./schema.ts";
import { openPortalSession, type PortalSignInContext } from "./sign-in.ts";
import { createPortalTranslator, portalLongDate } from "./translate.ts";

export const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const CODE_LENGTH = 8;
export const CODE_VALID_DAYS = 14;
/**
 * Wrong codes from one address per window. Only failures count: a learning centre's whole group
 * signs in from one address, and a code of 8 characters from 31 cannot be guessed in 20 tries.
 */
export const CODE_ATTEMPT_LIMIT = { hits: 20, windowSeconds: 15 * 60 };

/** What the participant typed, as stored: no spaces or dashes, upper case. */
export const normaliseCode = (typed: string): string =>
  typed.replace(/[\s\-\u2010-\u2015\u2212_.]/g, "").toUpperCase();

/** "ABCDEFGH" → "ABCD-EFGH". */
export const formatCode = (code: string): string => `${code.slice(0, 4)}-${code.slice(4)}`;

export const codeHash = (normalised: string): string => sha256(normalised);

function randomCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

export type CodeDelivery = "visa" | "epost" | "sms";
export const CODE_DELIVERIES: readonly CodeDelivery[] = ["visa", "epost", "sms"];

export interface CreatedCode {
  /** "ABCD-EFGH": shown once, never stored. */
  code: string;
  expiresAt: Date;
  userId: string;
  delivery: CodeDelivery;
  /** The outbox message, when the code was sent by e-mail or SMS. */
  messageId: string | null;
}

/**
 * Makes a new sign-in code for a participant's open portal account (portal.staff on the
 * initiative) and revokes their older unused codes. With delivery "epost" or "sms" the code is
 * written to the portal's outbox in the participant's portal language; "visa" only returns it.
 */
export async function createSignInCode(
  db: Db,
  crypto: RegisterCrypto,
  staff: PortalStaff,
  input: {
    initiativeId: string;
    participantId: string;
    delivery: CodeDelivery;
    /** The portal's sign-in address for the message, e.g. https://…/portal/logga-in. */
    signInUrl: string;
  },
  now = new Date(),
): Promise<CreatedCode> {
  requirePortalStaff(staff, input.initiativeId);
  const scope = {
    controllers: staff.access.scope.controllers,
    initiatives: [input.initiativeId],
  };
  const found = await inRegister(db, scope, async (tx) => {
    const { participant, enrollment } = await enrolledParticipant(
      tx,
      input.initiativeId,
      input.participantId,
    );
    const account = await accountForStaff(tx, staff.associationId, participant);
    return { account, enrollment };
  });
  const { account, enrollment } = found;
  if (!account || account.closedAt)
    throw new NotFoundError(
      "Deltagaren har inget öppet portalkonto. Ge deltagaren tillgång till portalen först.",
    );
  let to: string | null = null;
  if (input.delivery !== "visa") {
    const contact = openContact(crypto, account);
    to = input.delivery === "epost" ? contact.email : contact.phone;
    if (!to)
      throw new ValidationError({
        delivery: account.visible
          ? input.delivery === "epost"
            ? "Deltagaren har ingen e-postadress sparad. Skriv in adressen under kontaktuppgifter eller välj ett annat sätt."
            : "Deltagaren har inget mobilnummer sparat. Skriv in numret under kontaktuppgifter eller välj ett annat sätt."
          : "Kontaktuppgifterna finns på den insats där kontot skapades. Välj att visa koden här i stället.",
      });
  }
  const code = randomCode();
  const expiresAt = new Date(now.getTime() + CODE_VALID_DAYS * 24 * 60 * 60 * 1000);
  const t = createPortalTranslator(account.locale);

  const messageId = await db.transaction(async (tx) => {
    await tx
      .update(portalSignInCodes)
      .set({ revokedAt: now })
      .where(
        and(
          eq(portalSignInCodes.userId, account.userId),
          isNull(portalSignInCodes.usedAt),
          isNull(portalSignInCodes.revokedAt),
        ),
      );
    await tx.insert(portalSignInCodes).values({
      userId: account.userId,
      codeHash: codeHash(code),
      expiresAt,
      createdBy: staff.principal.userId,
      createdAt: now,
    });
    await recordAuditEvent(tx, staff.audit, {
      action: "portal.code_created",
      associationId: staff.associationId,
      targetType: "user",
      targetId: account.userId,
      details: { initiativeId: input.initiativeId, delivery: input.delivery },
    });
    return inRegister(tx as unknown as Db, scope, async (r) => {
      let id: string | null = null;
      if (to && input.delivery !== "visa") {
        id = await queuePortalMessage(r, crypto, {
          associationId: staff.associationId,
          dataControllerId: enrollment.dataControllerId,
          initiativeId: input.initiativeId,
          participantId: input.participantId,
          channel: input.delivery,
          to,
          subject: t("portal.signIn.message.subject"),
          body: t(
            input.delivery === "sms" ? "portal.signIn.message.sms" : "portal.signIn.message.email",
            {
              code: formatCode(code),
              url: input.signInUrl,
              date: portalLongDate(account.locale, expiresAt),
            },
          ),
          kind: "kod",
        });
      }
      await logAccess(
        r,
        { ...staff.access.actor, requestId: staff.audit.requestId ?? null },
        {
          associationId: staff.associationId,
          dataControllerId: enrollment.dataControllerId,
          participantId: input.participantId,
          enrollmentId: enrollment.id,
          action: "change",
          fields: to ? [PORTAL_ACCOUNT_FIELD, PORTAL_CONTACT_FIELD] : [PORTAL_ACCOUNT_FIELD],
        },
      );
      return id;
    });
  });
  return {
    code: formatCode(code),
    expiresAt,
    userId: account.userId,
    delivery: input.delivery,
    messageId,
  };
}

/** Seconds until the address may try again (0: it may now), without counting a try. */
async function throttledFor(db: Db, key: string): Promise<number> {
  const [row] = await db
    .select({ hits: throttleCounters.hits, windowStart: throttleCounters.windowStart })
    .from(throttleCounters)
    .where(eq(throttleCounters.key, key));
  if (!row || row.hits < CODE_ATTEMPT_LIMIT.hits) return 0;
  const resetAt = row.windowStart.getTime() + CODE_ATTEMPT_LIMIT.windowSeconds * 1000;
  return Math.max(0, Math.ceil((resetAt - Date.now()) / 1000));
}

export type RedeemFailure = "empty" | "unknown" | "expired" | "used" | "revoked" | "throttled";

export type RedeemResult =
  | { kind: "signed-in"; token: string; account: PortalAccount }
  | { kind: "failed"; reason: RedeemFailure; retryAfter?: number };

/**
 * Signs in with a typed code: the code is used at most once (one atomic update), and a code
 * that does not work says exactly why. Attempts are throttled per address.
 */
export async function redeemSignInCode(
  db: Db,
  typedCode: string,
  context: PortalSignInContext,
): Promise<RedeemResult> {
  const audit = { requestId: context.requestId, ip: context.ip };
  const code = normaliseCode(typedCode);
  if (code === "") return { kind: "failed", reason: "empty" };
  const throttleKey = context.ip ? `portal-code:ip:${context.ip}` : null;
  if (throttleKey) {
    const retryAfter = await throttledFor(db, throttleKey);
    if (retryAfter > 0) {
      await recordAuditEvent(
        db,
        { ...audit, userId: null, label: "portalen" },
        { action: "sign_in.throttled", details: { method: "code", portal: true } },
      );
      return { kind: "failed", reason: "throttled", retryAfter };
    }
  }
  const hash = codeHash(code);
  const used = await db.execute<{ user_id: string }>(sql`
    update ${portalSignInCodes} set used_at = now()
     where code_hash = ${hash} and used_at is null and revoked_at is null and expires_at > now()
    returning user_id`);
  const userId = used.rows[0]?.user_id;
  if (!userId) {
    const [row] = await db
      .select({
        userId: portalSignInCodes.userId,
        usedAt: portalSignInCodes.usedAt,
        revokedAt: portalSignInCodes.revokedAt,
        expiresAt: portalSignInCodes.expiresAt,
      })
      .from(portalSignInCodes)
      .where(eq(portalSignInCodes.codeHash, hash));
    const reason: RedeemFailure = !row
      ? "unknown"
      : row.usedAt
        ? "used"
        : row.revokedAt
          ? "revoked"
          : "expired";
    if (throttleKey)
      await hitThrottle(db, throttleKey, CODE_ATTEMPT_LIMIT.hits, CODE_ATTEMPT_LIMIT.windowSeconds);
    await recordAuditEvent(
      db,
      { ...audit, userId: row?.userId ?? null, label: "portalen" },
      { action: "sign_in.failed", details: { method: "code", portal: true, reason } },
    );
    return { kind: "failed", reason };
  }
  const opened = await openPortalSession(db, userId, "code", context);
  // the code was right but the account is closed (or the user disabled): it does not open
  if (!opened) {
    await recordAuditEvent(
      db,
      { ...audit, userId, label: "portalen" },
      { action: "sign_in.failed", details: { method: "code", portal: true, reason: "closed" } },
    );
    return { kind: "failed", reason: "revoked" };
  }
  return { kind: "signed-in", token: opened.token, account: opened.account };
}

/** The staff's choice of how the participant gets the code. */
export function assertDelivery(value: string): CodeDelivery {
  if ((CODE_DELIVERIES as readonly string[]).includes(value)) return value as CodeDelivery;
  throw new ValidationError({ delivery: "Välj hur deltagaren ska få koden." });
}
