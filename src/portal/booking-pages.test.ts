// The Boka pages through the whole HTTP application (needs the web build: `npx react-router
// build`), without JavaScript: the officer publishes times (a bad form refused at its fields,
// values kept), a participant sees them grouped by kind, books one with a plain form post and
// reads the notice, a second participant asking for the same time is told it is taken, a time in
// the past is refused with what to do, a booking is moved with ?byt and cancelled after a
// confirmation, another participant cannot see it, and the officer sees who booked.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../tests/support/app.ts";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { todayInSweden } from "../applications/workflow.ts";
import { registerCryptoFor } from "../register/key.server.ts";
import { type RegisterFixture, registerFixture } from "../register/register-fixture.ts";
import type { RegisterAccess } from "../register/scope.ts";
import { createSession } from "../sign-in/sessions.ts";
import type { PortalAccount } from "./accounts.ts";
import { slotsOf } from "./booking.ts";
import { portalParticipant } from "./booking-fixture.ts";
import { availability, bookings } from "./schema.ts";

const SLUG = "bokasida";
let t: TestDatabase;
let app: TestApp;
let f: RegisterFixture;
let tierp: RegisterAccess;
let officer = "";
let lisa: PortalAccount;
let omar: PortalAccount;
const as = { lisa: "", omar: "" };

function inDays(days: number): string {
  const d = new Date(`${todayInSweden()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
const DAY = inDays(3);

beforeAll(async () => {
  t = await createTestDatabase();
  app = await createTestApp(t);
  f = await registerFixture(t.db, SLUG);
  tierp = await f.access(f.officers.tierp, f.tierp.initiative);
  officer = await createSession(t.db, {
    userId: f.officers.tierp.userId,
    method: "password",
    secondFactorPending: false,
  });
  const crypto = registerCryptoFor(app.services.config);
  lisa = await portalParticipant(t.db, f, tierp, { name: "Lisa Lind", crypto });
  omar = await portalParticipant(t.db, f, tierp, { name: "Omar Ali", crypto });
  as.lisa = await createSession(t.db, {
    userId: lisa.userId,
    method: "code",
    secondFactorPending: false,
  });
  as.omar = await createSession(t.db, {
    userId: omar.userId,
    method: "code",
    secondFactorPending: false,
  });
});
afterAll(() => t?.drop());

const textOf = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;|\s+/g, " ");
const page = async (path: string, who: string) => {
  const response = await app.fetch(path, { as: who });
  const html = await response.text();
  return { status: response.status, html, text: textOf(html), response };
};

const staffPage = () => `/${SLUG}/insatser/${f.tierp.initiative}/portal/tider`;
let windowId = "";
let times: string[] = [];
let bookingId = "";

describe("the officer publishes times", () => {
  it("refuses a bad form at its fields and keeps what was typed", async () => {
    const response = await app.post(
      staffPage(),
      {
        intent: "publish",
        kind: "studiecoach",
        title: "Lina, studiecoach",
        mode: "video",
        place: "meet.example.se/lina",
        day: DAY,
        opensAt: "12:00",
        closesAt: "09:00",
        slotMinutes: "45",
        capacity: "1",
        repeatUntil: "",
      },
      officer,
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('value="meet.example.se/lina"');
    expect(html).toContain('value="Lina, studiecoach"');
    const text = textOf(html);
    expect(text).toContain("Sluttiden ska vara senare än starttiden.");
    expect(text).toContain("börjar med https://");
    const stored = await t.owner.db.select().from(availability);
    expect(stored).toHaveLength(0);
  });

  it("publishes a window and shows it", async () => {
    const response = await app.post(
      staffPage(),
      {
        intent: "publish",
        kind: "studiecoach",
        title: "Lina, studiecoach",
        mode: "pa_plats",
        place: "Storgatan 3, rum 12",
        day: DAY,
        opensAt: "09:00",
        closesAt: "11:15",
        slotMinutes: "45",
        capacity: "1",
        repeatUntil: "",
      },
      officer,
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toContain("klart=publicerad");
    const [row] = await t.owner.db.select().from(availability);
    if (!row) throw new Error("nothing published");
    windowId = row.id;
    times = slotsOf(row).map((s) => s.startsAt.toISOString());
    expect(times).toHaveLength(3);
    const shown = await page(staffPage(), officer);
    expect(shown.status).toBe(200);
    expect(shown.text).toContain("Lina, studiecoach");
    expect(shown.text).toContain("Ingen har bokat ännu.");
  });

  it("is not for a participant or an officer of another initiative", async () => {
    const other = await createSession(t.db, {
      userId: f.officers.heby.userId,
      method: "password",
      secondFactorPending: false,
    });
    expect((await page(staffPage(), other)).status).toBe(403);
  });
});

describe("a participant books, rebooks and cancels without JavaScript", () => {
  it("sees the window under its kind with the number of free times", async () => {
    const shown = await page("/portal/boka", as.lisa);
    expect(shown.status).toBe(200);
    expect(shown.html).not.toContain("<script");
    expect(shown.text).toContain("Du har inga bokade tider.");
    expect(shown.text).toContain("Studiecoach");
    expect(shown.text).toContain("3 lediga tider");
    expect(shown.html).toContain(`/portal/boka/${windowId}`);
  });

  it("books a time with a form post and gets a notice", async () => {
    const form = await page(`/portal/boka/${windowId}`, as.lisa);
    expect(form.status).toBe(200);
    expect(form.html.match(/type="radio"/g)).toHaveLength(3);

    const response = await app.post(`/portal/boka/${windowId}`, { tid: times[0] ?? "" }, as.lisa);
    expect(response.status).toBe(302);
    const location = response.headers.get("location") ?? "";
    expect(location).toContain("klart=bokad");
    const [row] = await t.owner.db.select().from(bookings);
    bookingId = row?.id ?? "";
    expect(row).toMatchObject({ participantId: lisa.participantId, status: "bokad" });

    const after = await page(location, as.lisa);
    expect(after.text).toContain("Du har bokat Lina, studiecoach");
    expect(after.text).toContain("Mina bokade tider");
    expect(after.text).toContain("Storgatan 3, rum 12");
    expect(after.text).toContain("2 lediga tider");
  });

  it("tells a second participant the time is taken, and refuses a time in the past", async () => {
    const taken = await app.post(`/portal/boka/${windowId}`, { tid: times[0] ?? "" }, as.omar);
    expect(taken.status).toBe(409);
    expect(textOf(await taken.text())).toContain("Någon annan hann boka tiden. Välj en annan tid.");

    const past = await app.post(
      `/portal/boka/${windowId}`,
      { tid: "2020-01-01T08:00:00.000Z" },
      as.omar,
    );
    expect(past.status).toBe(400);
    expect(textOf(await past.text())).toContain("Tiden har redan varit. Välj en tid längre fram.");

    const none = await app.post(`/portal/boka/${windowId}`, {}, as.omar);
    expect(textOf(await none.text())).toContain("Välj en tid i listan.");
    const held = await t.owner.db
      .select()
      .from(bookings)
      .where(eq(bookings.participantId, omar.participantId));
    expect(held).toHaveLength(0);
  });

  it("moves the booking to another time with ?byt", async () => {
    const form = await page(`/portal/boka/${windowId}?byt=${bookingId}`, as.lisa);
    expect(form.text).toContain("Du byter tid.");
    const response = await app.post(
      `/portal/boka/${windowId}?byt=${bookingId}`,
      { tid: times[1] ?? "", byt: bookingId },
      as.lisa,
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toContain("klart=bytt");
    const rows = await t.owner.db
      .select({ id: bookings.id, status: bookings.status })
      .from(bookings)
      .where(eq(bookings.participantId, lisa.participantId));
    expect(rows.find((r) => r.id === bookingId)?.status).toBe("avbokad");
    const moved = rows.find((r) => r.status === "bokad");
    expect(moved).toBeDefined();
    bookingId = moved?.id ?? "";
  });

  it("shows the booking to its owner only, and cancels it after a confirmation", async () => {
    const others = await page(`/portal/bokningar/${bookingId}`, as.omar);
    expect(others.status).toBe(404);
    expect(others.text).toContain("Vi hittar inte bokningen.");

    const mine = await page(`/portal/bokningar/${bookingId}`, as.lisa);
    expect(mine.status).toBe(200);
    expect(mine.text).toContain("Vill du avboka tiden?");
    expect(mine.text).toContain("Ja, avboka tiden");

    const staff = await page(staffPage(), officer);
    expect(staff.text).toContain("Lisa Lind");

    const response = await app.post(`/portal/bokningar/${bookingId}`, {}, as.lisa);
    expect(response.status).toBe(302);
    const after = await page(response.headers.get("location") ?? "", as.lisa);
    expect(after.text).toContain("Tiden är avbokad.");
    const [row] = await t.owner.db.select().from(bookings).where(eq(bookings.id, bookingId));
    expect(row?.status).toBe("avbokad");
  });

  it("sends staff away from the portal and a participant away from the staff page", async () => {
    expect((await page("/portal/boka", officer)).status).toBe(302);
    expect([403, 404]).toContain((await page(staffPage(), as.lisa)).status);
  });
});

describe("the officer books for a participant", () => {
  it("books the one time of a window for one participant and tells the next it was taken", async () => {
    const published = await app.post(
      staffPage(),
      {
        intent: "publish",
        kind: "kurator",
        title: "Omar, kurator",
        mode: "pa_plats",
        place: "Storgatan 3, rum 4",
        day: DAY,
        opensAt: "13:00",
        closesAt: "13:45",
        slotMinutes: "45",
        capacity: "1",
        repeatUntil: "",
      },
      officer,
    );
    expect(published.status).toBe(302);
    const [window] = await t.owner.db
      .select()
      .from(availability)
      .where(eq(availability.title, "Omar, kurator"));
    if (!window) throw new Error("nothing published");
    const shown = await page(staffPage(), officer);
    expect(shown.text).toContain("Boka en tid åt en deltagare");
    expect(shown.html).toContain(`value="${omar.participantId}"`);
    const startsAt = slotsOf(window)[0]?.startsAt.toISOString() ?? "";
    const bookFor = (participantId: string) =>
      app.post(
        staffPage(),
        { intent: "bookFor", availabilityId: window.id, participantId, startsAt },
        officer,
      );
    const booked = await bookFor(omar.participantId);
    expect(booked.status).toBe(302);
    expect(booked.headers.get("location")).toContain("klart=bokad");
    const taken = await bookFor(lisa.participantId);
    expect(taken.status).toBe(409);
    expect(textOf(await taken.text())).toContain("Tiden blev just fullbokad. Välj en annan tid.");
    const rows = await t.owner.db
      .select()
      .from(bookings)
      .where(eq(bookings.availabilityId, window.id));
    expect(rows.map((r) => [r.participantId, r.bookedBy, r.status])).toEqual([
      [omar.participantId, "personal", "bokad"],
    ]);
  });
});
