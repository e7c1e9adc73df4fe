// Giving and closing portal accounts on a real database: only the initiative's participant
// officer (portal.staff) may; the account is pseudonymous in the association zone and linked in
// the register zone, which the association zone's role cannot read; giving twice changes
// nothing; closing ends the sessions; contact details are checked, encrypted and logged.
import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { ForbiddenError } from "../access/policy.ts";
import type { Principal } from "../access/principal.ts";
import { auditEvents } from "../audit/schema.ts";
import { roleAssignments, users } from "../people/schema.ts";
import { ConflictError, NotFoundError, ValidationError } from "../platform/errors.ts";
import { type RegisterParticipantInput, registerParticipant } from "../register/participants.ts";
import {
  personalNumber,
  type RegisterFixture,
  registerFixture,
} from "../register/register-fixture.ts";
import { accessLog } from "../register/schema.ts";
import { sessions } from "../sign-in/schema.ts";
import { createSession } from "../sign-in/sessions.ts";
import {
  checkContact,
  closePortalAccount,
  givePortalAccess,
  normalisePhone,
  PortalContactInvalid,
  type PortalStaff,
  setPortalContact,
  staffContactEditor,
} from "./account-admin.ts";
import { portalAccounts } from "./schema.ts";

let t: TestDatabase;
let f: RegisterFixture;
let tierp: PortalStaff;
let serial = 200;

const staffOf = async (principal: Principal): Promise<PortalStaff> => ({
  principal,
  associationId: f.associationId,
  access: await f.access(principal),
  audit: { userId: principal.userId, label: principal.email, requestId: "req-test" },
});

beforeAll(async () => {
  t = await createTestDatabase();
  f = await registerFixture(t.db, "konton");
  tierp = await staffOf(f.officers.tierp);
});
afterAll(() => t?.drop());

async function enrolled(over: Partial<RegisterParticipantInput> = {}) {
  serial++;
  const number = personalNumber("19880412", String(serial));
  const registered = await registerParticipant(
    t.db,
    f.crypto,
    tierp.access.actor,
    tierp.access.scope,
    {
      initiativeId: f.tierp.initiative,
      personalNumber: number,
      name: `Sara Svensson ${serial}`,
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
      ...over,
    },
    "2026-03-02",
  );
  return { participantId: registered.participantId, number };
}

const accountsOf = (participantId: string) =>
  t.owner.db.select().from(portalAccounts).where(eq(portalAccounts.participantId, participantId));

describe("giving portal access", () => {
  it("makes a pseudonymous user, the participant role and the register's link, logged", async () => {
    const { participantId, number } = await enrolled();
    const given = await givePortalAccess(t.db, tierp, {
      initiativeId: f.tierp.initiative,
      participantId,
    });
    expect(given.outcome).toBe("created");

    const [user] = await t.owner.db.select().from(users).where(eq(users.id, given.userId));
    expect(user).toMatchObject({ kind: "participant", name: "Deltagare", passwordHash: null });
    expect(user?.email).toMatch(/^deltagare-[0-9a-f]{24}@portal\.invalid$/);

    const roles = await t.owner.db
      .select({ role: roleAssignments.role, initiativeId: roleAssignments.initiativeId })
      .from(roleAssignments)
      .where(eq(roleAssignments.userId, given.userId));
    expect(roles).toEqual([{ role: "participant", initiativeId: f.tierp.initiative }]);

    const [account] = await accountsOf(participantId);
    expect(account).toMatchObject({
      userId: given.userId,
      initiativeId: f.tierp.initiative,
      dataControllerId: f.tierp.controller,
      closedAt: null,
      createdByName: "Anna Andersson",
    });

    // the audit event names the pseudonymous user only: no number, no name, no participant
    const events = await t.owner.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.targetId, given.userId));
    expect(events.map((e) => e.action)).toEqual(["portal.account_created"]);
    const text = JSON.stringify(events);
    expect(text).not.toContain(number.slice(0, 8));
    expect(text).not.toContain("Svensson");
    expect(text).not.toContain(participantId);

    const log = await t.owner.db
      .select({ action: accessLog.action, fields: accessLog.fields, actor: accessLog.actorName })
      .from(accessLog)
      .where(and(eq(accessLog.participantId, participantId), eq(accessLog.action, "change")));
    expect(log).toContainEqual({
      action: "change",
      fields: ["portalAccount"],
      actor: "Anna Andersson",
    });
  });

  it("is idempotent: giving again changes nothing", async () => {
    const { participantId } = await enrolled();
    const first = await givePortalAccess(t.db, tierp, {
      initiativeId: f.tierp.initiative,
      participantId,
    });
    const usersBefore = (await t.owner.db.select({ n: count() }).from(users))[0]?.n;
    const again = await givePortalAccess(t.db, tierp, {
      initiativeId: f.tierp.initiative,
      participantId,
    });
    expect(again).toEqual({ userId: first.userId, outcome: "unchanged" });
    expect((await t.owner.db.select({ n: count() }).from(users))[0]?.n).toBe(usersBefore);
    expect(await accountsOf(participantId)).toHaveLength(1);
  });

  it("adds the participant role on a second initiative to the same account", async () => {
    const { participantId } = await enrolled();
    const first = await givePortalAccess(t.db, tierp, {
      initiativeId: f.tierp.initiative,
      participantId,
    });
    // the same person enrolled on the owner's second initiative, by that initiative's officer
    const second = await staffOf(f.officers.tierpSecond);
    await registerParticipant(
      t.db,
      f.crypto,
      second.access.actor,
      second.access.scope,
      {
        initiativeId: f.tierp.second,
        personalNumber: personalNumber("19880412", String(serial)),
        name: null,
        consent: { consentedOn: "2026-04-01", textVersion: "2026:1", language: "svenska" },
        gender: "kvinna",
        birthYear: null,
        startDate: "2026-04-01",
        background: {
          education: "gymnasial",
          supportBefore: ["forsorjningsstod"],
          timeOnSupport: "1_2_ar",
          occupationBefore: "arbetslos",
          referrer: "kommun",
        },
        municipalityCode: "0360",
      },
      "2026-04-01",
    );
    const added = await givePortalAccess(t.db, second, {
      initiativeId: f.tierp.second,
      participantId,
    });
    expect(added).toEqual({ userId: first.userId, outcome: "initiative_added" });
    const roles = await t.owner.db
      .select({ initiativeId: roleAssignments.initiativeId })
      .from(roleAssignments)
      .where(eq(roleAssignments.userId, first.userId));
    expect(roles.map((r) => r.initiativeId).sort()).toEqual(
      [f.tierp.initiative, f.tierp.second].sort(),
    );
    expect(await accountsOf(participantId)).toHaveLength(1);
  });

  it("needs portal.staff on that very initiative", async () => {
    const { participantId } = await enrolled();
    const before = (await t.owner.db.select({ n: count() }).from(users))[0]?.n;
    // the officer of another initiative of the same owner
    const other = await staffOf(f.officers.tierpSecond);
    await expect(
      givePortalAccess(t.db, other, { initiativeId: f.tierp.initiative, participantId }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    // the office: no register scope and no portal.staff
    const office = await staffOf(f.admin);
    await expect(
      givePortalAccess(t.db, office, { initiativeId: f.tierp.initiative, participantId }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    // a forged scope does not help without the permission
    await expect(
      givePortalAccess(
        t.db,
        { ...office, access: tierp.access },
        { initiativeId: f.tierp.initiative, participantId },
      ),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect((await t.owner.db.select({ n: count() }).from(users))[0]?.n).toBe(before);
    expect(await accountsOf(participantId)).toHaveLength(0);
  });

  it("refuses an anonymous participant and one not enrolled, writing nothing", async () => {
    const anonymous = await enrolled({ personalNumber: null, name: null, consent: null });
    const before = (await t.owner.db.select({ n: count() }).from(users))[0]?.n;
    await expect(
      givePortalAccess(t.db, tierp, {
        initiativeId: f.tierp.initiative,
        participantId: anonymous.participantId,
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    // enrolled on the first initiative, not on the structural one the officer also has
    await expect(
      givePortalAccess(t.db, tierp, {
        initiativeId: f.tierp.structural,
        participantId: anonymous.participantId,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await t.owner.db.select({ n: count() }).from(users))[0]?.n).toBe(before);
  });

  it("keeps the register's link out of the association zone: permission denied", async () => {
    const reason = async (query: Promise<unknown>) => {
      try {
        await query;
        return "read";
      } catch (error) {
        const e = error as { message: string; cause?: { message?: string } };
        return e.cause?.message ?? e.message;
      }
    };
    expect(await reason(t.db.execute(sql`select * from register.portal_accounts`))).toMatch(
      /permission denied/,
    );
    expect(
      await reason(
        t.db
          .select()
          .from(portalAccounts)
          .then((r) => r),
      ),
    ).toMatch(/permission denied/);
  });
});

describe("closing a portal account", () => {
  it("closes the account, disables the user and ends every session", async () => {
    const { participantId } = await enrolled();
    const { userId } = await givePortalAccess(t.db, tierp, {
      initiativeId: f.tierp.initiative,
      participantId,
    });
    await createSession(t.db, { userId, method: "code", secondFactorPending: false });
    await createSession(t.db, { userId, method: "code", secondFactorPending: false });
    const open = await t.owner.db
      .select({ n: count() })
      .from(sessions)
      .where(eq(sessions.userId, userId));
    expect(open[0]?.n).toBe(2);

    await closePortalAccount(t.db, tierp, { initiativeId: f.tierp.initiative, participantId });

    const after = await t.owner.db
      .select({ n: count() })
      .from(sessions)
      .where(eq(sessions.userId, userId));
    expect(after[0]?.n).toBe(0);
    const [user] = await t.owner.db.select().from(users).where(eq(users.id, userId));
    expect(user?.disabledAt).not.toBeNull();
    const [account] = await accountsOf(participantId);
    expect(account?.closedAt).not.toBeNull();
    // closing twice: there is nothing open to close
    await expect(
      closePortalAccount(t.db, tierp, { initiativeId: f.tierp.initiative, participantId }),
    ).rejects.toBeInstanceOf(NotFoundError);
    // giving access again opens the same account
    const reopened = await givePortalAccess(t.db, tierp, {
      initiativeId: f.tierp.initiative,
      participantId,
    });
    expect(reopened).toEqual({ userId, outcome: "reopened" });
    const [user2] = await t.owner.db.select().from(users).where(eq(users.id, userId));
    expect(user2?.disabledAt).toBeNull();
  });

  it("is refused to the officer of another initiative", async () => {
    const { participantId } = await enrolled();
    await givePortalAccess(t.db, tierp, { initiativeId: f.tierp.initiative, participantId });
    const heby = await staffOf(f.officers.heby);
    await expect(
      closePortalAccount(t.db, heby, { initiativeId: f.tierp.initiative, participantId }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const [account] = await accountsOf(participantId);
    expect(account?.closedAt).toBeNull();
  });
});

describe("contact details", () => {
  it("checks and normalises what is typed", () => {
    expect(normalisePhone("070-123 45 67")).toBe("+46701234567");
    expect(normalisePhone("+46 70 123 45 67")).toBe("+46701234567");
    expect(normalisePhone("0046701234567")).toBe("+46701234567");
    expect(normalisePhone("ring mig")).toBeNull();
    expect(checkContact({ email: " Sara@Exempel.SE ", phone: "", reminders: "epost" })).toEqual({
      email: "sara@exempel.se",
      phone: null,
      reminders: "epost",
    });
    const problems = (input: { email: string; phone: string; reminders: string }) => {
      try {
        checkContact(input);
        return {};
      } catch (error) {
        if (error instanceof PortalContactInvalid) return error.problems;
        throw error;
      }
    };
    expect(problems({ email: "sara@", phone: "12", reminders: "epost" })).toEqual({
      email: "emailFormat",
      phone: "phoneFormat",
    });
    expect(problems({ email: "", phone: "", reminders: "sms" })).toEqual({
      reminders: "remindersNeedPhone",
    });
    expect(problems({ email: "", phone: "", reminders: "brevduva" })).toEqual({
      reminders: "remindersChoice",
    });
  });

  it("stores them encrypted, logs the change and refuses a stale version", async () => {
    const { participantId } = await enrolled();
    const { userId } = await givePortalAccess(t.db, tierp, {
      initiativeId: f.tierp.initiative,
      participantId,
    });
    const editor = staffContactEditor(tierp, f.tierp.initiative);
    const saved = await setPortalContact(t.db, f.crypto, editor, {
      participantId,
      email: "sara@exempel.se",
      phone: "070-123 45 67",
      reminders: "sms",
      version: 1,
    });
    expect(saved.version).toBe(2);
    const [account] = await accountsOf(participantId);
    expect(account?.emailCiphertext).toMatch(/^v1:/);
    expect(account?.emailCiphertext).not.toContain("sara");
    expect(f.crypto.decrypt(account?.phoneCiphertext ?? "")).toBe("+46701234567");
    expect(account?.reminders).toBe("sms");
    await expect(
      setPortalContact(t.db, f.crypto, editor, {
        participantId,
        email: "",
        phone: "",
        reminders: "ingen",
        version: 1,
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    const events = await t.owner.db
      .select({ action: auditEvents.action, details: auditEvents.details })
      .from(auditEvents)
      .where(
        and(eq(auditEvents.targetId, userId), eq(auditEvents.action, "portal.contact_changed")),
      );
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain("sara");
    const log = await t.owner.db
      .select({ fields: accessLog.fields })
      .from(accessLog)
      .where(and(eq(accessLog.participantId, participantId), eq(accessLog.action, "change")));
    expect(log).toContainEqual({ fields: ["portalContact"] });
  });
});
