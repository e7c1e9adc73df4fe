// For the portal's tests: a portal account for a register participant, made the way the portal
// keeps one (a pseudonymous users row of kind 'participant', the role 'participant' on the
// initiative, and register.portal_accounts linking the user to the participant), written directly
// so the tests of one area do not depend on another area's use cases.
import { randomUUID } from "node:crypto";
import { loadPrincipal } from "../access/principal.ts";
import { roleAssignments, users } from "../people/schema.ts";
import type { Db } from "../platform/database/connect.ts";
import { inRegister } from "../register/zone.ts";
import { type PortalAccount, portalAccountOf } from "./accounts.ts";
import type { PortalLocale } from "./locales.ts";
import { portalAccounts } from "./schema.ts";

export async function makePortalAccount(
  db: Db,
  input: {
    associationId: string;
    dataControllerId: string;
    initiativeId: string;
    participantId: string;
    locale?: PortalLocale;
    emailCiphertext?: string | null;
    phoneCiphertext?: string | null;
    reminders?: "epost" | "sms" | "ingen";
  },
): Promise<PortalAccount> {
  const [user] = await db
    .insert(users)
    .values({
      email: `deltagare-${randomUUID()}@portal.invalid`,
      name: "Deltagare",
      kind: "participant",
    })
    .returning({ id: users.id });
  if (!user) throw new Error("no user");
  await db.insert(roleAssignments).values({
    userId: user.id,
    associationId: input.associationId,
    initiativeId: input.initiativeId,
    role: "participant",
  });
  await inRegister(
    db,
    { controllers: [input.dataControllerId], initiatives: [input.initiativeId] },
    (tx) =>
      tx.insert(portalAccounts).values({
        userId: user.id,
        participantId: input.participantId,
        associationId: input.associationId,
        dataControllerId: input.dataControllerId,
        initiativeId: input.initiativeId,
        locale: input.locale ?? "sv",
        emailCiphertext: input.emailCiphertext ?? null,
        phoneCiphertext: input.phoneCiphertext ?? null,
        reminders: input.reminders ?? "ingen",
        createdByName: "Anna Andersson",
      }),
  );
  const principal = await loadPrincipal(db, user.id, { type: "session" });
  if (!principal) throw new Error("no principal");
  const account = await portalAccountOf(db, principal);
  if (!account) throw new Error("no portal account");
  return account;
}
