// Opening a portal session once a participant has proved who they are (a one-time code or e-ID):
// a short session (15 minutes idle, 4 hours at most; src/sign-in/sessions.ts), one sign-in row per
// initiative of the account for the usage figures, and an audit event that names the
// pseudonymous user only.
import { loadPrincipal } from "../access/principal.ts";
import { recordAuditEvent } from "../audit/record-audit-event.ts";
import type { Db } from "../platform/database/connect.ts";
import { inRegister } from "../register/zone.ts";
import { createSession } from "../sign-in/sessions.ts";
import { type PortalAccount, portalAccountOf, portalScope } from "./accounts.ts";
import { portalSignIns } from "./schema.ts";

export type PortalSignInMethod = "code" | "eid";

const USAGE_METHOD = { code: "kod", eid: "e-legitimation" } as const;

export interface PortalSignInContext {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/**
 * Opens a session for the portal user `userId`, whose identity the caller has checked. Returns
 * undefined when the user has no open portal account (closed, or not a participant).
 */
export async function openPortalSession(
  db: Db,
  userId: string,
  method: PortalSignInMethod,
  context: PortalSignInContext,
  now = new Date(),
): Promise<{ token: string; account: PortalAccount } | undefined> {
  const principal = await loadPrincipal(db, userId, { type: "session" });
  if (!principal) return undefined;
  const account = await portalAccountOf(db, principal);
  if (!account) return undefined;
  const token = await db.transaction(async (tx) => {
    const created = await createSession(
      tx,
      { userId, method, secondFactorPending: false, ip: context.ip, userAgent: context.userAgent },
      now,
    );
    await recordAuditEvent(
      tx,
      { userId, label: principal.email, requestId: context.requestId, ip: context.ip },
      { action: "sign_in.succeeded", details: { method, portal: true } },
    );
    return created;
  });
  await recordPortalSignIn(db, account, USAGE_METHOD[method], now);
  return { token, account };
}

/** One row per initiative of the account: the usage figures count people per initiative. */
export async function recordPortalSignIn(
  db: Db,
  account: PortalAccount,
  method: "kod" | "e-legitimation" | "losenord",
  at = new Date(),
): Promise<void> {
  await inRegister(db, portalScope(account), (tx) =>
    tx.insert(portalSignIns).values(
      account.initiativeIds.map((initiativeId) => ({
        associationId: account.associationId,
        dataControllerId: account.dataControllerId,
        initiativeId,
        participantId: account.participantId,
        at,
        method,
      })),
    ),
  );
}
