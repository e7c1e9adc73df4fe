// For the portal's tests: a participant with a portal account, made the way the sign-in work
// makes one — a register participant, a pseudonymous users row (kind 'participant'), the
// participant role on the initiative(s) and register.portal_accounts — inserted directly.
import { randomUUID } from "node:crypto";
import { loadPrincipal, type Principal } from "../access/principal.ts";
import { roleAssignments, users } from "../people/schema.ts";
import type { Db } from "../platform/database/connect.ts";
import { registerParticipant } from "../register/participants.ts";
import type { RegisterFixture } from "../register/register-fixture.ts";
import { inRegister } from "../register/zone.ts";
import { type PortalAccount, portalAccountOf } from "./accounts.ts";
import type { PortalLocale } from "./locales.ts";
import { portalAccounts } from "./schema.ts";

export async function portalAccountFixture(
  db: Db,
  fixture: RegisterFixture,
  initiativeId: string,
  locale: PortalLocale = "sv",
): Promise<{ account: PortalAccount; principal: Principal }> {
  const tierp = initiativeId === fixture.tierp.initiative;
  const officer = await fixture.access(
    tierp ? fixture.officers.tierp : fixture.officers.heby,
    initiativeId,
  );
  const registered = await registerParticipant(
    db,
    fixture.crypto,
    officer.actor,
    officer.scope,
    {
      initiativeId,
      gender: "kvinna",
      birthYear: 1995,
      startDate: "2026-09-01",
      consent: { consentedOn: "2026-09-01", textVersion: "2026:1", language: "svenska" },
      background: {
        education: "gymnasial",
        supportBefore: ["forsorjningsstod"],
        timeOnSupport: "1_2_ar",
        occupationBefore: "arbetslos",
        referrer: "kommun",
      },
      municipalityCode: "0360",
    },
    "2026-11-23",
  );
  const [user] = await db
    .insert(users)
    .values({
      email: `deltagare-${randomUUID()}@portal.invalid`,
      name: "Deltagare",
      kind: "participant",
    })
    .returning();
  if (!user) throw new Error("no user");
  await db.insert(roleAssignments).values({
    userId: user.id,
    associationId: fixture.associationId,
    initiativeId,
    role: "participant",
  });
  await inRegister(db, officer.scope, (tx) =>
    tx.insert(portalAccounts).values({
      userId: user.id,
      participantId: registered.participantId,
      associationId: fixture.associationId,
      dataControllerId: tierp ? fixture.tierp.controller : fixture.heby.controller,
      initiativeId,
      locale,
      createdByName: "Test",
    }),
  );
  const principal = await loadPrincipal(db, user.id, { type: "session" });
  if (!principal) throw new Error("no principal");
  const account = await portalAccountOf(db, principal);
  if (!account) throw new Error("no account");
  return { account, principal };
}
