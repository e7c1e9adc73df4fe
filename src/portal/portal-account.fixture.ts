// For the portal's tests: a participant with a portal account, made the way the sign-in work
// makes one — a register participant, a pseudonymous users row (kind 'participant'), the
// participant role on the initiative(s) and register.portal_accounts — inserted directly
// (makePortalAccount).
import { loadPrincipal, type Principal } from "../access/principal.ts";
import type { Db } from "../platform/database/connect.ts";
import { registerParticipant } from "../register/participants.ts";
import type { RegisterFixture } from "../register/register-fixture.ts";
import type { PortalAccount } from "./accounts.ts";
import type { PortalLocale } from "./locales.ts";
import { makePortalAccount } from "./portal-account-fixture.ts";

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
  const account = await makePortalAccount(db, {
    associationId: fixture.associationId,
    dataControllerId: tierp ? fixture.tierp.controller : fixture.heby.controller,
    initiativeId,
    participantId: registered.participantId,
    locale,
  });
  const principal = await loadPrincipal(db, account.userId, { type: "session" });
  if (!principal) throw new Error("no principal");
  return { account, principal };
}
