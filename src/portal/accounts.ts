// A participant's portal account as the portal's pages need it: which register participant the
// signed-in (pseudonymous) user is, in which data controller's register, and the register scope
// the participant's own requests run in. The scope is the data controller and the initiatives
// the participant is enrolled on through the portal (their participant role); every portal
// query also filters on the participant's own id — RLS limits the controller and initiatives,
// the code limits the person.
import { sql } from "drizzle-orm";
import type { Principal } from "../access/principal.ts";
import type { Db } from "../platform/database/connect.ts";
import type { RegisterActor } from "../register/scope.ts";
import { inRegister, type RegisterScope } from "../register/zone.ts";
import { isPortalLocale, type PortalLocale } from "./locales.ts";

export interface PortalAccount {
  userId: string;
  participantId: string;
  associationId: string;
  dataControllerId: string;
  /** The initiative the account was made on. */
  initiativeId: string;
  /** Every initiative of the association the participant's role is on (the account's first). */
  initiativeIds: string[];
  locale: PortalLocale;
}

/** The open portal account of a user, or undefined (staff, closed account, no account). */
export async function portalAccountOf(
  db: Db,
  principal: Principal,
): Promise<PortalAccount | undefined> {
  if (principal.kind !== "participant") return undefined;
  const rows = await inRegister(db, { controllers: [], initiatives: [] }, (tx) =>
    tx.execute<{
      participant_id: string;
      association_id: string;
      data_controller_id: string;
      initiative_id: string;
      locale: string;
    }>(sql`select * from register.portal_account_of(${principal.userId}::uuid)`),
  );
  const row = rows.rows[0];
  if (!row) return undefined;
  const granted = principal.grants
    .filter(
      (g) => g.role === "participant" && g.associationId === row.association_id && g.initiativeId,
    )
    .map((g) => g.initiativeId as string);
  return {
    userId: principal.userId,
    participantId: row.participant_id,
    associationId: row.association_id,
    dataControllerId: row.data_controller_id,
    initiativeId: row.initiative_id,
    initiativeIds: [...new Set([row.initiative_id, ...granted])],
    locale: isPortalLocale(row.locale) ? row.locale : "sv",
  };
}

/** The register scope of the participant's own requests (and their own access log). */
export const portalScope = (account: PortalAccount): RegisterScope => ({
  controllers: [account.dataControllerId],
  initiatives: account.initiativeIds,
  logControllers: [account.dataControllerId],
});

/** How the access log names the participant acting on their own record. */
export const participantActor = (
  account: PortalAccount,
  requestId: string | null,
): RegisterActor => ({
  userId: account.userId,
  name: "Deltagaren själv",
  role: "participant",
  organisations: {},
  organisation: "Deltagaren själv (portalen)",
  requestId,
});
