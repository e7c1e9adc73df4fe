// For the booking tests: participants registered in the register fixture's Tierp initiative,
// each with a portal account made by inserting its rows directly (a pseudonymous user of kind
// 'participant', the participant role on the initiative and register.portal_accounts), and a
// window of times published by the initiative's participant officer.
import type { Db } from "../platform/database/connect.ts";
import type { RegisterCrypto } from "../register/crypto.ts";
import { registerParticipant } from "../register/participants.ts";
import { personalNumber, type RegisterFixture } from "../register/register-fixture.ts";
import type { RegisterAccess } from "../register/scope.ts";
import type { PortalAccount } from "./accounts.ts";
import { type PublishAvailabilityInput, publishAvailability } from "./booking.ts";
import type { PortalLocale } from "./locales.ts";
import { makePortalAccount } from "./portal-account-fixture.ts";

let serial = 100;

export interface AccountOptions {
  name?: string;
  locale?: PortalLocale;
  reminders?: "epost" | "sms" | "ingen";
  email?: string | null;
  phone?: string | null;
  /** The register's crypto for the name and contact (the fixture's own by default). */
  crypto?: RegisterCrypto;
}

/** A registered participant of the fixture's Tierp initiative with an open portal account. */
export async function portalParticipant(
  db: Db,
  f: RegisterFixture,
  officer: RegisterAccess,
  options: AccountOptions = {},
): Promise<PortalAccount> {
  serial++;
  const crypto = options.crypto ?? f.crypto;
  const registered = await registerParticipant(
    db,
    crypto,
    officer.actor,
    officer.scope,
    {
      initiativeId: f.tierp.initiative,
      personalNumber: personalNumber("19900315", String(serial)),
      name: options.name ?? `Deltagare ${serial}`,
      consent: { consentedOn: "2026-03-02", textVersion: "2026:1", language: "svenska" },
      gender: "kvinna",
      birthYear: null,
      startDate: "2026-03-02",
      background: {
        education: "gymnasial",
        supportBefore: ["forsorjningsstod"],
        timeOnSupport: "1_2_ar",
        occupationBefore: "arbetslos",
        referrer: "kommun",
      },
      municipalityCode: "0360",
    },
    "2026-03-02",
  );
  return makePortalAccount(db, {
    associationId: f.associationId,
    dataControllerId: f.tierp.controller,
    initiativeId: f.tierp.initiative,
    participantId: registered.participantId,
    locale: options.locale ?? "sv",
    reminders: options.reminders ?? "ingen",
    emailCiphertext: options.email ? crypto.encrypt(options.email) : null,
    phoneCiphertext: options.phone ? crypto.encrypt(options.phone) : null,
  });
}

/** A window published by the officer; one id (the first day's). */
export async function publishWindow(
  db: Db,
  f: RegisterFixture,
  officer: RegisterAccess,
  now: Date,
  over: Partial<PublishAvailabilityInput> = {},
): Promise<string> {
  const { ids } = await publishAvailability(
    db,
    officer,
    {
      initiativeId: f.tierp.initiative,
      kind: "studiecoach",
      title: "Lina, studiecoach",
      mode: "pa_plats",
      place: "Storgatan 3, rum 12",
      day: "2030-03-05",
      opensAt: "09:00",
      closesAt: "12:00",
      slotMinutes: "45",
      capacity: "1",
      ...over,
    },
    now,
  );
  const id = ids[0];
  if (!id) throw new Error("nothing published");
  return id;
}
