// The demo's participant portal (demo-portal.ts): accounts in two initiatives, availability
// ahead of the day it was seeded, bookings, sign-in history with usage figures, guides, and the
// printed one-time codes that open the accounts.
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { associations } from "../associations/schema.ts";
import { initiatives } from "../initiatives/schema.ts";
import { roleAssignments, users } from "../people/schema.ts";
import { sha256 } from "../platform/secrets.ts";
import { redeemSignInCode } from "../portal/codes.ts";
import {
  availability,
  bookings,
  planSteps,
  portalAccounts,
  portalGuides,
  portalSignInCodes,
  portalSignIns,
} from "../portal/schema.ts";
import { formatUsage, portalUsage } from "../portal/usage.ts";
import { enrollments } from "../register/schema.ts";
import { DEMO_PARTICIPANT_EMAIL, normaliseDemoCode } from "./demo-portal.ts";
import { type DemoLogin, formatDemoLogins, seedDemo } from "./seed-demo.ts";

let t: TestDatabase;
let logins: DemoLogin[];
const seededAt = new Date();
const swedishDay = (at: Date) =>
  new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Stockholm",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(at);

beforeAll(async () => {
  t = await createTestDatabase();
  logins = (await seedDemo(t.db)) ?? [];
}, 120_000);
afterAll(() => t?.drop());

const initiativeIds = async () => {
  const rows = await t.db
    .select({ id: initiatives.id, name: initiatives.name })
    .from(initiatives)
    .where(inArray(initiatives.name, ["Tierp, Växtverket", "Uppsala, Lärcentrum digitalt"]));
  return new Map(rows.map((r) => [r.name, r.id]));
};

describe("the demo's participant portal", () => {
  it("gives participants of two initiatives portal accounts in several languages", async () => {
    const accounts = await t.owner.db.select().from(portalAccounts);
    const ids = await initiativeIds();
    const per = (name: string) => accounts.filter((a) => a.initiativeId === ids.get(name)).length;
    expect(per("Tierp, Växtverket")).toBeGreaterThanOrEqual(12);
    expect(per("Uppsala, Lärcentrum digitalt")).toBeGreaterThanOrEqual(12);
    expect(new Set(accounts.map((a) => a.initiativeId)).size).toBe(2);
    const locales = new Set(accounts.map((a) => a.locale));
    expect(locales.has("sv")).toBe(true);
    expect(locales.has("ar")).toBe(true);
    expect([...locales].filter((l) => l !== "sv").length).toBeGreaterThanOrEqual(4);
    // every account's user is a pseudonymous participant with the participant role there
    const accountUsers = await t.db
      .select({ id: users.id, email: users.email, kind: users.kind, name: users.name })
      .from(users)
      .where(
        inArray(
          users.id,
          accounts.map((a) => a.userId),
        ),
      );
    expect(accountUsers.every((u) => u.kind === "participant")).toBe(true);
    const pseudonymous = accountUsers.filter((u) => u.email !== DEMO_PARTICIPANT_EMAIL);
    expect(pseudonymous.length).toBe(accounts.length - 1);
    expect(pseudonymous.every((u) => /^deltagare-[0-9a-f]+@portal\.invalid$/.test(u.email))).toBe(
      true,
    );
    expect(pseudonymous.every((u) => u.name === "Deltagare")).toBe(true);
    const roles = await t.db
      .select()
      .from(roleAssignments)
      .where(eq(roleAssignments.role, "participant"));
    for (const a of accounts) {
      expect(roles.some((r) => r.userId === a.userId && r.initiativeId === a.initiativeId)).toBe(
        true,
      );
    }
    // 2–5 plan steps each
    const steps = await t.owner.db.select().from(planSteps);
    for (const a of accounts) {
      const own = steps.filter((s) => s.participantId === a.participantId);
      expect(own.length).toBeGreaterThanOrEqual(2);
      expect(own.length).toBeLessThanOrEqual(5);
    }
  });

  it("links the demo participant account to an ongoing enrollment in Lärcentrum digitalt", async () => {
    const [user] = await t.db.select().from(users).where(eq(users.email, DEMO_PARTICIPANT_EMAIL));
    const [account] = await t.owner.db
      .select()
      .from(portalAccounts)
      .where(eq(portalAccounts.userId, user?.id ?? ""));
    const ids = await initiativeIds();
    expect(account?.initiativeId).toBe(ids.get("Uppsala, Lärcentrum digitalt"));
    const open = await t.owner.db
      .select()
      .from(enrollments)
      .where(
        and(
          eq(enrollments.participantId, account?.participantId ?? ""),
          eq(enrollments.initiativeId, account?.initiativeId ?? ""),
        ),
      );
    expect(open.some((e) => e.endDate === null && !e.voided)).toBe(true);
  });

  it("publishes bookable times for the four weeks after the day it was seeded", async () => {
    const today = swedishDay(seededAt);
    const rows = await t.owner.db.select().from(availability);
    const future = rows.filter((r) => r.day > today);
    expect(new Set(future.map((r) => r.kind))).toEqual(
      new Set(["studiecoach", "specialpedagog", "kurator", "studieplats"]),
    );
    expect(new Set(future.map((r) => r.mode))).toEqual(new Set(["pa_plats", "video"]));
    const last =
      future
        .map((r) => r.day)
        .sort()
        .at(-1) ?? "";
    const inThreeWeeks = swedishDay(new Date(seededAt.getTime() + 21 * 86_400_000));
    expect(last >= inThreeWeeks).toBe(true);
    const study = future.filter((r) => r.title === "Lärcentrum Tierp, studieplatser");
    expect(study.length).toBeGreaterThan(0);
    expect(study.every((r) => r.capacity === 8 && r.opensAt === "09:00:00")).toBe(true);
  });

  it("has past bookings kept, missed and cancelled and future ones, never two on one time", async () => {
    const rows = await t.owner.db.select().from(bookings);
    const statuses = new Set(rows.map((r) => r.status));
    expect(statuses).toEqual(new Set(["bokad", "genomford", "uteblev", "avbokad"]));
    const booked = rows.filter((r) => r.status === "bokad");
    expect(booked.length).toBeGreaterThan(0);
    expect(booked.every((r) => r.startsAt > seededAt)).toBe(true);
    expect(
      rows.filter((r) => r.status !== "bokad").every((r) => r.startsAt.getTime() < Date.now()),
    ).toBe(true);
    const times = rows.map((r) => `${r.availabilityId}|${r.startsAt.toISOString()}`);
    expect(new Set(times).size).toBe(times.length);
  });

  it("has eight months of sign-ins, and usage figures with some hidden", async () => {
    const rows = await t.owner.db.select().from(portalSignIns);
    const months = new Set(rows.map((r) => swedishDay(r.at).slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(8);
    const [association] = await t.db.select().from(associations);
    const ids = await initiativeIds();
    const to = swedishDay(seededAt).slice(0, 7);
    const from = swedishDay(new Date(seededAt.getTime() - 150 * 86_400_000)).slice(0, 7);
    const usage = await portalUsage(t.db, association?.id ?? "", {
      from,
      to,
      initiativeIds: [ids.get("Tierp, Växtverket") ?? ""],
    });
    const cells = usage.people.flatMap((table) =>
      table.rows.flatMap((r) => [r.kvinnor, r.man, r.totalt]),
    );
    expect(cells.some((c) => "value" in c && c.value >= 5)).toBe(true);
    expect(cells.some((c) => formatUsage(c) === "<\u00a05")).toBe(true);
  });

  it("has published guides in Swedish, English and Arabic", async () => {
    const guides = await t.db.select().from(portalGuides);
    expect(guides.length).toBeGreaterThanOrEqual(5);
    for (const g of guides) {
      expect(g.published).toBe(true);
      expect(Object.keys(g.texts).sort()).toEqual(["ar", "en", "sv"]);
    }
    expect(new Set(guides.map((g) => g.category)).size).toBeGreaterThanOrEqual(5);
  });

  it("prints one-time codes for a Swedish and an Arabic reader that open their accounts", async () => {
    const coded = logins.filter((l) => l.portalCode);
    expect(coded.map((l) => l.portalCode?.locale).sort()).toEqual(["ar", "sv"]);
    const printed = formatDemoLogins(logins, "http://localhost:3000");
    expect(printed).toContain("http://localhost:3000/portal/logga-in");
    const stored = await t.db.select().from(portalSignInCodes);
    for (const login of coded) {
      const code = login.portalCode?.code ?? "";
      expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{4}-[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{4}$/);
      expect(printed).toContain(code);
      const row = stored.find((s) => s.codeHash === sha256(normaliseDemoCode(code)));
      expect(row).toBeDefined();
      const days = ((row?.expiresAt.getTime() ?? 0) - seededAt.getTime()) / 86_400_000;
      expect(days).toBeGreaterThan(13.9);
      expect(days).toBeLessThan(14.1);
      // typed in lower case with a space, as a participant might
      const typed = code.toLowerCase().replace("-", " ");
      const result = await redeemSignInCode(t.db, typed, {
        ip: null,
        userAgent: null,
        requestId: null,
      });
      expect(result.kind).toBe("signed-in");
      if (result.kind === "signed-in") {
        expect(result.account.userId).toBe(row?.userId);
        expect(result.account.locale).toBe(login.portalCode?.locale);
      }
    }
  });
});
