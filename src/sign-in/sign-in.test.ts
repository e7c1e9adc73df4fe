import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { createAssociation } from "../associations/create-association.ts";
import { auditEvents } from "../audit/schema.ts";
import { addUser } from "../people/add-user.ts";
import { assignRole } from "../people/assign-role.ts";
import { users } from "../people/schema.ts";
import { setUserDisabled } from "../people/set-user-disabled.ts";
import { createSecrets, sha256 } from "../platform/secrets.ts";
import { hashPassword, passwordProblem, verifyPassword } from "./passwords.ts";
import { sessions } from "./schema.ts";
import { beginTotpEnrolment, confirmTotpEnrolment, verifySignInCode } from "./second-factor.ts";
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS, readSession } from "./sessions.ts";
import { ADDRESS_LIMIT, MAX_FAILED_SIGN_INS, signInWithPassword } from "./sign-in-with-password.ts";
import { checkTotp, currentTotp } from "./totp.ts";

let t: TestDatabase;
const actor = { userId: null, label: "test" };
const secrets = createSecrets(Buffer.alloc(32, 7));
const PASSWORD = "ett-riktigt-langt-losenord";
let associationId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  associationId = (
    await createAssociation(t.db, actor, { slug: "f", name: "F", requireStaffTotp: true })
  ).id;
});
afterAll(() => t.drop());

const attempt = (email: string, password: string, ip = "10.0.0.1") =>
  signInWithPassword(t.db, { email, password, ip, userAgent: "test", requestId: "r" });

describe("passwords", () => {
  it("hashes with argon2id at the OWASP parameters", async () => {
    const hash = await hashPassword(PASSWORD);
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, PASSWORD)).toBe(true);
    expect(await verifyPassword(hash, `${PASSWORD}x`)).toBe(false);
  });

  it("explains in Swedish what is wrong with a weak password", () => {
    expect(passwordProblem("kort")).toMatch(/minst 12 tecken/);
    expect(passwordProblem("aaaaaaaaaaaaaaaa")).toMatch(/ett och samma tecken/);
    expect(passwordProblem("anna.svensson-2026!", "anna.svensson@x.se")).toMatch(/e-postadress/);
    expect(passwordProblem(PASSWORD)).toBeUndefined();
  });
});

describe("password sign-in", () => {
  it("asks staff of an association requiring TOTP to enrol, and counts the sign-in in the audit log", async () => {
    const user = await addUser(t.db, actor, {
      email: "Staff@Example.se",
      name: "Staff",
      password: PASSWORD,
    });
    await assignRole(t.db, actor, { userId: user.id, associationId, role: "board_member" });
    const result = await attempt("staff@example.se ", PASSWORD);
    expect(result).toMatchObject({ kind: "signed-in", next: "enrol-totp" });
    const [session] = await t.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(session?.secondFactorPending).toBe(true);
  });

  it("locks the account after five wrong passwords, also against the right one", async () => {
    await addUser(t.db, actor, { email: "lock@example.se", name: "Lock", password: PASSWORD });
    for (let i = 1; i < MAX_FAILED_SIGN_INS; i++)
      expect(await attempt("lock@example.se", "fel", "10.0.0.2")).toEqual({ kind: "invalid" });
    expect(await attempt("lock@example.se", "fel", "10.0.0.2")).toMatchObject({ kind: "locked" });
    expect(await attempt("lock@example.se", PASSWORD, "10.0.0.2")).toMatchObject({
      kind: "locked",
    });
    const actions = (await t.db.select({ a: auditEvents.action }).from(auditEvents)).map(
      (r) => r.a,
    );
    expect(actions).toContain("sign_in.lockout");
    expect(actions).toContain("sign_in.locked");
  });

  it("answers an unknown account exactly like a wrong password", async () => {
    expect(await attempt("nobody@example.se", PASSWORD, "10.0.0.3")).toEqual({ kind: "invalid" });
  });

  it("throttles one address trying many accounts", async () => {
    let last: Awaited<ReturnType<typeof attempt>> = { kind: "invalid" };
    for (let i = 0; i <= ADDRESS_LIMIT.hits; i++)
      last = await attempt(`x${i}@example.se`, "fel", "10.9.9.9");
    expect(last.kind).toBe("throttled");
  });

  it("refuses a disabled account and ends its sessions", async () => {
    const user = await addUser(t.db, actor, {
      email: "dis@example.se",
      name: "Dis",
      password: PASSWORD,
    });
    const ok = await attempt("dis@example.se", PASSWORD, "10.0.0.4");
    if (ok.kind !== "signed-in") throw new Error("expected sign-in");
    await setUserDisabled(t.db, actor, { userId: user.id, disabled: true });
    expect((await readSession(t.db, ok.token)).state).not.toBe("active");
    expect(await attempt("dis@example.se", PASSWORD, "10.0.0.4")).toEqual({ kind: "invalid" });
  });
});

describe("sessions", () => {
  it("expire after 30 minutes idle and 12 hours absolute", async () => {
    const user = await addUser(t.db, actor, {
      email: "sess@example.se",
      name: "S",
      password: PASSWORD,
    });
    const ok = await attempt("sess@example.se", PASSWORD, "10.0.0.5");
    if (ok.kind !== "signed-in") throw new Error("expected sign-in");
    const now = Date.now();
    expect((await readSession(t.db, ok.token, new Date(now + IDLE_TIMEOUT_MS - 5000))).state).toBe(
      "active",
    );
    // kept active by use: still alive after 11 h of steady activity, gone at 12 h
    await t.db
      .update(sessions)
      .set({ lastSeenAt: new Date(now + ABSOLUTE_TIMEOUT_MS - 60_000) })
      .where(eq(sessions.userId, user.id));
    expect(
      (await readSession(t.db, ok.token, new Date(now + ABSOLUTE_TIMEOUT_MS + 1000))).state,
    ).toBe("expired");
    const again = await attempt("sess@example.se", PASSWORD, "10.0.0.5");
    if (again.kind !== "signed-in") throw new Error("expected sign-in");
    expect(
      (await readSession(t.db, again.token, new Date(Date.now() + IDLE_TIMEOUT_MS + 1000))).state,
    ).toBe("expired");
    expect(await t.db.$count(sessions, eq(sessions.id, sha256(again.token)))).toBe(0);
  });
});

describe("TOTP", () => {
  it("accepts a code once, within one step of drift", () => {
    const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    const now = Date.UTC(2026, 10, 23, 12, 0, 0);
    const step = checkTotp(secret, currentTotp(secret, now), null, now);
    expect(step).toBe(now / 30000);
    expect(checkTotp(secret, currentTotp(secret, now), step ?? null, now)).toBeUndefined();
    expect(checkTotp(secret, currentTotp(secret, now - 30_000), null, now)).toBe(now / 30000 - 1);
    expect(checkTotp(secret, currentTotp(secret, now - 90_000), null, now)).toBeUndefined();
    expect(checkTotp(secret, "12345", null, now)).toBeUndefined();
  });

  it("enrols, completes the pending session, then requires a fresh code at the next sign-in", async () => {
    const user = await addUser(t.db, actor, {
      email: "totp@example.se",
      name: "T",
      password: PASSWORD,
    });
    await assignRole(t.db, actor, { userId: user.id, associationId, role: "auditor" });
    const first = await attempt("totp@example.se", PASSWORD, "10.0.0.6");
    if (first.kind !== "signed-in") throw new Error("expected sign-in");
    const ctx = { q: t.db, secrets, requestId: null, ip: null };
    const enrolment = await beginTotpEnrolment(ctx, user.id);
    expect(enrolment.qrSvg).toContain("<svg");
    const [stored] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(stored?.totpSecretSealed).not.toContain(enrolment.secret);
    expect(await confirmTotpEnrolment(ctx, user.id, "000000", sha256(first.token))).toEqual({
      kind: "invalid",
    });
    // The code used to enrol is kept: re-computing it later could cross a 30-second step on a
    // slow machine and produce a new, rightly valid code instead of a replay.
    const enrolCode = currentTotp(enrolment.secret);
    expect(await confirmTotpEnrolment(ctx, user.id, enrolCode, sha256(first.token))).toEqual({
      kind: "ok",
    });
    const lookup = await readSession(t.db, first.token);
    expect(lookup.state === "active" && lookup.session.secondFactorPending).toBe(false);

    const second = await attempt("totp@example.se", PASSWORD, "10.0.0.6");
    expect(second).toMatchObject({ kind: "signed-in", next: "totp" });
    if (second.kind !== "signed-in") return;
    const sessionId = sha256(second.token);
    expect(await verifySignInCode(ctx, sessionId, user.id, enrolCode)).toEqual({
      kind: "invalid",
    }); // replay
    expect(
      await verifySignInCode(
        ctx,
        sessionId,
        user.id,
        currentTotp(enrolment.secret, Date.now() + 30_000),
      ),
    ).toEqual({ kind: "ok" });
  });
});
