// One-time sign-in codes on a real database: a code opens a portal session once; a used,
// expired, revoked or unknown code says exactly why and writes nothing; typing is forgiving
// (spaces, dashes, small letters); attempts are throttled per address; only the hash is stored;
// a code sent by e-mail or SMS lands in the portal's outbox in the participant's language; and
// neither the users row nor the audit log carries the person's identity.
import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import type { Principal } from "../access/principal.ts";
import { auditEvents } from "../audit/schema.ts";
import { users } from "../people/schema.ts";
import { ValidationError } from "../platform/errors.ts";
import { registerParticipant } from "../register/participants.ts";
import {
  personalNumber,
  type RegisterFixture,
  registerFixture,
} from "../register/register-fixture.ts";
import { sessions } from "../sign-in/schema.ts";
import {
  givePortalAccess,
  type PortalStaff,
  setPortalContact,
  staffContactEditor,
} from "./account-admin.ts";
import {
  CODE_ALPHABET,
  CODE_ATTEMPT_LIMIT,
  codeHash,
  createSignInCode,
  normaliseCode,
  redeemSignInCode,
} from "./codes.ts";
import {
  type DeliveryOptions,
  deliverPendingPortalEmails,
  deliverPortalEmail,
  markPortalMessageSent,
} from "./outbox-delivery.ts";
import { portalAccounts, portalMessages, portalSignInCodes, portalSignIns } from "./schema.ts";

let t: TestDatabase;
let f: RegisterFixture;
let staff: PortalStaff;
let serial = 300;
let ipSerial = 1;

const URL_ = "https://samspar.example/portal/logga-in";
/** A fresh address per sign-in, so the throttle test alone fills its window. */
const ctx = () => ({ ip: `10.0.0.${ipSerial++}`, userAgent: "vitest", requestId: "req-code" });

beforeAll(async () => {
  t = await createTestDatabase();
  f = await registerFixture(t.db, "koder");
  const principal: Principal = f.officers.tierp;
  staff = {
    principal,
    associationId: f.associationId,
    access: await f.access(principal),
    audit: { userId: principal.userId, label: principal.email, requestId: "req-staff" },
  };
});
afterAll(() => t?.drop());

async function participantWithAccount(locale?: "sv" | "ar") {
  serial++;
  const number = personalNumber("19920607", String(serial));
  const { participantId } = await registerParticipant(
    t.db,
    f.crypto,
    staff.access.actor,
    staff.access.scope,
    {
      initiativeId: f.tierp.initiative,
      personalNumber: number,
      name: `Amal Hassan ${serial}`,
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
  const { userId } = await givePortalAccess(t.db, staff, {
    initiativeId: f.tierp.initiative,
    participantId,
  });
  if (locale)
    await t.owner.db
      .update(portalAccounts)
      .set({ locale })
      .where(eq(portalAccounts.userId, userId));
  return { participantId, userId, number, name: `Amal Hassan ${serial}` };
}

const code = (participantId: string, now?: Date, delivery: "visa" | "epost" | "sms" = "visa") =>
  createSignInCode(
    t.db,
    f.crypto,
    staff,
    { initiativeId: f.tierp.initiative, participantId, delivery, signInUrl: URL_ },
    now,
  );

const sessionsOf = async (userId: string) =>
  (await t.owner.db.select({ n: count() }).from(sessions).where(eq(sessions.userId, userId)))[0]
    ?.n ?? 0;
const signInsOf = async (participantId: string) =>
  (
    await t.owner.db
      .select({ n: count() })
      .from(portalSignIns)
      .where(eq(portalSignIns.participantId, participantId))
  )[0]?.n ?? 0;

describe("a sign-in code", () => {
  it("has eight characters of the alphabet, shown ABCD-EFGH, and only its hash is stored", async () => {
    const p = await participantWithAccount();
    const made = await code(p.participantId);
    expect(made.code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{4}-[${CODE_ALPHABET}]{4}$`));
    const days = (made.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.99);
    expect(days).toBeLessThanOrEqual(14);
    const stored = await t.owner.db
      .select()
      .from(portalSignInCodes)
      .where(eq(portalSignInCodes.userId, p.userId));
    expect(stored).toHaveLength(1);
    expect(stored[0]?.codeHash).toBe(codeHash(made.code.replace("-", "")));
    expect(JSON.stringify(stored)).not.toContain(made.code.replace("-", ""));
  });

  it("opens a session once; the second time it is 'used' and nothing is written", async () => {
    const p = await participantWithAccount();
    const made = await code(p.participantId);
    const first = await redeemSignInCode(t.db, made.code, ctx());
    expect(first.kind).toBe("signed-in");
    if (first.kind !== "signed-in") return;
    expect(first.account.participantId).toBe(p.participantId);
    expect(first.token.length).toBeGreaterThan(20);
    const [session] = await t.owner.db
      .select({ method: sessions.method })
      .from(sessions)
      .where(eq(sessions.userId, p.userId));
    expect(session?.method).toBe("code");
    expect(await signInsOf(p.participantId)).toBe(1);

    const second = await redeemSignInCode(t.db, made.code, ctx());
    expect(second).toEqual({ kind: "failed", reason: "used" });
    expect(await sessionsOf(p.userId)).toBe(1);
    expect(await signInsOf(p.participantId)).toBe(1);
  });

  it("forgives spaces, dashes and small letters", async () => {
    expect(normaliseCode(" abcd – efgh ")).toBe("ABCDEFGH");
    expect(normaliseCode("ab cd-ef gh")).toBe("ABCDEFGH");
    const p = await participantWithAccount();
    const made = await code(p.participantId);
    const typed = ` ${made.code.toLowerCase().replace("-", " ")} `;
    expect((await redeemSignInCode(t.db, typed, ctx())).kind).toBe("signed-in");
  });

  it("is 'expired' after 14 days, and stays unused", async () => {
    const p = await participantWithAccount();
    const made = await code(p.participantId, new Date(Date.now() - 15 * 86_400_000));
    expect(await redeemSignInCode(t.db, made.code, ctx())).toEqual({
      kind: "failed",
      reason: "expired",
    });
    const [row] = await t.owner.db
      .select({ usedAt: portalSignInCodes.usedAt })
      .from(portalSignInCodes)
      .where(eq(portalSignInCodes.userId, p.userId));
    expect(row?.usedAt).toBeNull();
    expect(await sessionsOf(p.userId)).toBe(0);
    expect(await signInsOf(p.participantId)).toBe(0);
  });

  it("is 'revoked' when a newer code was made; the newer one works", async () => {
    const p = await participantWithAccount();
    const older = await code(p.participantId);
    const newer = await code(p.participantId);
    expect(await redeemSignInCode(t.db, older.code, ctx())).toEqual({
      kind: "failed",
      reason: "revoked",
    });
    expect(await sessionsOf(p.userId)).toBe(0);
    expect((await redeemSignInCode(t.db, newer.code, ctx())).kind).toBe("signed-in");
  });

  it("is 'unknown' when no such code was made, and 'empty' when nothing was typed", async () => {
    const sessionsBefore = (await t.owner.db.select({ n: count() }).from(sessions))[0]?.n;
    expect(await redeemSignInCode(t.db, "ZZZZ-ZZZZ", ctx())).toEqual({
      kind: "failed",
      reason: "unknown",
    });
    expect(await redeemSignInCode(t.db, "  - ", ctx())).toEqual({
      kind: "failed",
      reason: "empty",
    });
    expect((await t.owner.db.select({ n: count() }).from(sessions))[0]?.n).toBe(sessionsBefore);
  });

  it("does not open a closed account", async () => {
    const p = await participantWithAccount();
    const made = await code(p.participantId);
    await t.owner.db
      .update(portalAccounts)
      .set({ closedAt: new Date() })
      .where(eq(portalAccounts.userId, p.userId));
    const result = await redeemSignInCode(t.db, made.code, ctx());
    expect(result).toEqual({ kind: "failed", reason: "revoked" });
    expect(await sessionsOf(p.userId)).toBe(0);
  });

  it("is throttled per address after too many wrong codes, then refuses even a right code", async () => {
    const p = await participantWithAccount();
    const made = await code(p.participantId);
    const address = { ip: "192.0.2.77", userAgent: "vitest", requestId: null };
    for (let i = 0; i < CODE_ATTEMPT_LIMIT.hits - 1; i++)
      expect(await redeemSignInCode(t.db, "WRON-GCOD", address)).toEqual({
        kind: "failed",
        reason: "unknown",
      });
    // a group signing in from one address: right codes do not count towards the limit
    for (let i = 0; i < 3; i++) {
      const other = await participantWithAccount();
      const right = await code(other.participantId);
      expect((await redeemSignInCode(t.db, right.code, address)).kind).toBe("signed-in");
    }
    expect((await redeemSignInCode(t.db, "WRON-GCOD", address)).kind).toBe("failed");
    const refused = await redeemSignInCode(t.db, made.code, address);
    expect(refused).toMatchObject({ kind: "failed", reason: "throttled" });
    if (refused.kind === "failed") expect(refused.retryAfter).toBeGreaterThan(0);
    // the right code was not spent by the refused try
    const [row] = await t.owner.db
      .select({ usedAt: portalSignInCodes.usedAt })
      .from(portalSignInCodes)
      .where(eq(portalSignInCodes.userId, p.userId));
    expect(row?.usedAt).toBeNull();
    // another address is not affected
    expect((await redeemSignInCode(t.db, made.code, ctx())).kind).toBe("signed-in");
  });

  it("leaves no identity in the users row or the audit log", async () => {
    const p = await participantWithAccount();
    const made = await code(p.participantId);
    await redeemSignInCode(t.db, made.code, ctx());
    await redeemSignInCode(t.db, made.code, ctx());
    const [user] = await t.owner.db.select().from(users).where(eq(users.id, p.userId));
    const userText = JSON.stringify(user);
    const events = await t.owner.db
      .select()
      .from(auditEvents)
      .where(
        sql`${auditEvents.targetId} = ${p.userId} or ${auditEvents.actorUserId} = ${p.userId}`,
      );
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        "portal.account_created",
        "portal.code_created",
        "sign_in.succeeded",
        "sign_in.failed",
      ]),
    );
    const eventText = JSON.stringify(events);
    for (const text of [userText, eventText]) {
      expect(text).not.toContain(p.number);
      expect(text).not.toContain(p.number.replace("-", ""));
      expect(text).not.toContain("Amal");
      expect(text).not.toContain("Hassan");
      expect(text).not.toContain(p.participantId);
      expect(text).not.toContain(made.code.replace("-", ""));
    }
  });
});

describe("sending a code", () => {
  it("writes it to the outbox in the participant's language, encrypted, and e-mail goes out over SMTP", async () => {
    const p = await participantWithAccount("ar");
    await setPortalContact(t.db, f.crypto, staffContactEditor(staff, f.tierp.initiative), {
      participantId: p.participantId,
      email: "amal@exempel.se",
      phone: "070-765 43 21",
      reminders: "sms",
    });
    const byMail = await code(p.participantId, undefined, "epost");
    const bySms = await code(p.participantId, undefined, "sms");
    const messages = await t.owner.db
      .select()
      .from(portalMessages)
      .where(eq(portalMessages.participantId, p.participantId))
      .orderBy(portalMessages.createdAt);
    expect(messages.map((m) => [m.channel, m.kind, m.status])).toEqual([
      ["epost", "kod", "utkorg"],
      ["sms", "kod", "utkorg"],
    ]);
    expect(messages[0]?.body).toContain(byMail.code);
    expect(messages[0]?.body).toContain(URL_);
    expect(messages[0]?.subject).toBe("رمزك لتسجيل الدخول");
    expect(messages[1]?.body).toContain(bySms.code);
    expect(messages[0]?.toCiphertext).not.toContain("amal");
    expect(f.crypto.decrypt(messages[1]?.toCiphertext ?? "")).toBe("+46707654321");

    const sent: Array<{ to: string; subject: string; text: string }> = [];
    const transport = {
      sendMail: async (mail: { to: string; subject: string; text: string }) => {
        sent.push(mail);
        return {};
      },
    } as unknown as NonNullable<DeliveryOptions["transport"]>;
    const config = { smtpUrl: undefined, mailFrom: "portal@samspar.example", dataDir: "/tmp" };
    expect(
      await deliverPortalEmail(t.db, config, messages[0]?.id ?? "", {
        transport,
        crypto: f.crypto,
      }),
    ).toBe("sent");
    expect(sent).toEqual([
      expect.objectContaining({ to: "amal@exempel.se", subject: "رمزك لتسجيل الدخول" }),
    ]);
    // an SMS is never e-mailed; staff mark it sent by hand
    expect(
      await deliverPortalEmail(t.db, config, messages[1]?.id ?? "", {
        transport,
        crypto: f.crypto,
      }),
    ).toBe("skipped");
    await markPortalMessageSent(
      t.db,
      { controllers: staff.access.scope.controllers, initiatives: [f.tierp.initiative] },
      staff.audit,
      {
        associationId: f.associationId,
        initiativeId: f.tierp.initiative,
        messageId: messages[1]?.id ?? "",
      },
    );
    const after = await t.owner.db
      .select({ status: portalMessages.status, sentAt: portalMessages.sentAt })
      .from(portalMessages)
      .where(eq(portalMessages.participantId, p.participantId))
      .orderBy(portalMessages.createdAt);
    expect(after.map((m) => m.status)).toEqual(["skickad", "skickad"]);
    // the newest code (by SMS) is the one that works
    expect((await redeemSignInCode(t.db, byMail.code, ctx())).kind).toBe("failed");
    expect((await redeemSignInCode(t.db, bySms.code, ctx())).kind).toBe("signed-in");
  });

  it("the delivery job sends what waits, marks a refused one failed and leaves SMS alone", async () => {
    const a = await participantWithAccount();
    const b = await participantWithAccount();
    for (const [p, email] of [
      [a, "first@exempel.se"],
      [b, "refused@exempel.se"],
    ] as const) {
      await setPortalContact(t.db, f.crypto, staffContactEditor(staff, f.tierp.initiative), {
        participantId: p.participantId,
        email,
        phone: "0701112233",
        reminders: "epost",
      });
      await code(p.participantId, undefined, "epost");
    }
    await code(a.participantId, undefined, "sms");
    const sent: string[] = [];
    const transport = {
      sendMail: async (mail: { to: string }) => {
        if (mail.to.startsWith("refused")) throw new Error("550 mailbox unavailable");
        sent.push(mail.to);
        return {};
      },
    } as unknown as NonNullable<DeliveryOptions["transport"]>;
    const config = { smtpUrl: undefined, mailFrom: "portal@samspar.example", dataDir: "/tmp" };
    // without SMTP (and no transport of one's own) nothing happens
    expect(await deliverPendingPortalEmails(t.db, config)).toEqual({ sent: 0, failed: 0 });
    const result = await deliverPendingPortalEmails(t.db, config, { transport, crypto: f.crypto });
    expect(result).toEqual({ sent: 1, failed: 1 });
    expect(sent).toEqual(["first@exempel.se"]);
    const statuses = await t.owner.db
      .select({
        participantId: portalMessages.participantId,
        channel: portalMessages.channel,
        status: portalMessages.status,
      })
      .from(portalMessages)
      .where(sql`${portalMessages.participantId} in (${a.participantId}, ${b.participantId})`);
    expect(statuses).toEqual(
      expect.arrayContaining([
        { participantId: a.participantId, channel: "epost", status: "skickad" },
        { participantId: a.participantId, channel: "sms", status: "utkorg" },
        { participantId: b.participantId, channel: "epost", status: "misslyckad" },
      ]),
    );
    // a refused message is not tried again every run
    expect(await deliverPendingPortalEmails(t.db, config, { transport, crypto: f.crypto })).toEqual(
      {
        sent: 0,
        failed: 0,
      },
    );
  });

  it("refuses e-mail without an address and writes nothing", async () => {
    const p = await participantWithAccount();
    await expect(code(p.participantId, undefined, "epost")).rejects.toBeInstanceOf(ValidationError);
    const stored = await t.owner.db
      .select({ n: count() })
      .from(portalSignInCodes)
      .where(and(eq(portalSignInCodes.userId, p.userId)));
    expect(stored[0]?.n).toBe(0);
  });
});
