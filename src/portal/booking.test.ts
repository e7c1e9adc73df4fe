// Boka on a real database: staff publish availability (every problem of the form in Swedish),
// participants book, cancel and rebook with refusals as codes and nothing half-saved, staff cancel
// a window and mark bookings kept or missed, reminders go out exactly once, one participant never
// touches another's booking, and the association zone cannot read a booking at all.
import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { ConflictError, NotFoundError, ValidationError } from "../platform/errors.ts";
import { type RegisterFixture, registerFixture } from "../register/register-fixture.ts";
import { accessLog } from "../register/schema.ts";
import type { RegisterAccess } from "../register/scope.ts";
import type { PortalAccount } from "./accounts.ts";
import {
  BookingRefused,
  book,
  bookableTimes,
  bookableWindows,
  bookForParticipant,
  cancel,
  cancelAvailability,
  listAvailability,
  markBooking,
  myBooking,
  myBookings,
  type PublishAvailabilityInput,
  publishAvailability,
  rebook,
  slotsOf,
  stockholmInstant,
} from "./booking.ts";
import { portalParticipant, publishWindow } from "./booking-fixture.ts";
import { portalAccountFixture } from "./portal-account.fixture.ts";
import { sendBookingReminders } from "./reminders.ts";
import { availability, bookings, portalMessages } from "./schema.ts";

// Tuesday 5 March 2030 is in winter time: 09:00 in Sweden is 08:00 UTC
const NOW = new Date("2030-03-04T08:00:00Z");
const DAY = "2030-03-05";
const UNKNOWN_WINDOW = "00000000-0000-4000-8000-000000000000";
const at = (time: string, day = DAY) => stockholmInstant(day, time);

let t: TestDatabase;
let f: RegisterFixture;
let tierp: RegisterAccess;

beforeAll(async () => {
  t = await createTestDatabase();
  f = await registerFixture(t.db);
  tierp = await f.access(f.officers.tierp, f.tierp.initiative);
});
afterAll(() => t?.drop());

async function refusal(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (error) {
    if (error instanceof BookingRefused) return error.code;
    throw error;
  }
  throw new Error("expected a refusal");
}

async function bookingRow(id: string) {
  const [row] = await t.owner.db.select().from(bookings).where(eq(bookings.id, id));
  if (!row) throw new Error("no booking");
  return row;
}

async function bookingCount(availabilityId: string) {
  const [row] = await t.owner.db
    .select({ n: count() })
    .from(bookings)
    .where(eq(bookings.availabilityId, availabilityId));
  return row?.n ?? 0;
}

const form = (over: Partial<PublishAvailabilityInput> = {}): PublishAvailabilityInput => ({
  initiativeId: f.tierp.initiative,
  kind: "studiecoach",
  title: "Lina, studiecoach",
  mode: "pa_plats",
  place: "Storgatan 3, rum 12",
  day: DAY,
  opensAt: "09:00",
  closesAt: "12:00",
  slotMinutes: "45",
  capacity: "1",
  ...over,
});

describe("publishing availability", () => {
  it("refuses a bad form with every problem in Swedish and writes nothing", async () => {
    const before = (await t.owner.db.select({ n: count() }).from(availability))[0]?.n;
    let error: unknown;
    try {
      await publishAvailability(
        t.db,
        tierp,
        form({
          kind: "frisor",
          mode: "video",
          place: "http://meet.example.se/lina",
          day: "2030-03-03",
          opensAt: "12:00",
          closesAt: "09:00",
          slotMinutes: "5",
          capacity: "0",
        }),
        NOW,
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const fields = (error as ValidationError).fields;
    expect(Object.keys(fields).sort()).toEqual(
      ["capacity", "closesAt", "day", "kind", "place", "slotMinutes"].sort(),
    );
    expect(fields.day).toMatch(/redan varit/);
    expect(fields.closesAt).toMatch(/senare än starttiden/);
    expect(fields.slotMinutes).toMatch(/mellan 10 och 480/);
    expect(fields.capacity).toMatch(/mellan 1 och 500/);
    expect(fields.place).toMatch(/https:\/\//);
    const after = (await t.owner.db.select({ n: count() }).from(availability))[0]?.n;
    expect(after).toBe(before);
  });

  it("asks for a place, a slot that fits and a repeat of at most 26 weeks", async () => {
    const problems = async (over: Partial<PublishAvailabilityInput>) => {
      try {
        await publishAvailability(t.db, tierp, form(over), NOW);
      } catch (e) {
        if (e instanceof ValidationError) return e.fields;
        throw e;
      }
      return {};
    };
    expect((await problems({ place: "  " })).place).toMatch(/adressen och rummet/);
    expect((await problems({ mode: "video", place: "" })).place).toMatch(/länken till videomötet/);
    expect((await problems({ slotMinutes: "481" })).slotMinutes).toMatch(/10 och 480/);
    expect((await problems({ capacity: "501" })).capacity).toMatch(/1 och 500/);
    expect((await problems({ closesAt: "09:30" })).slotMinutes).toMatch(/kortare än en tid/);
    expect((await problems({ repeatUntil: "2030-09-10" })).repeatUntil).toMatch(/högst 26 veckor/);
    expect((await problems({ repeatUntil: "2030-03-01" })).repeatUntil).toMatch(/samma dag/);
  });

  it("publishes one row per week when repeated, and a video link must be https", async () => {
    const { ids } = await publishAvailability(
      t.db,
      tierp,
      form({
        mode: "video",
        place: "https://meet.example.se/lina",
        day: "2030-04-02",
        repeatUntil: "2030-04-23",
      }),
      NOW,
    );
    expect(ids).toHaveLength(4);
    const rows = await t.owner.db
      .select({ day: availability.day, mode: availability.mode })
      .from(availability)
      .where(eq(availability.place, "https://meet.example.se/lina"))
      .orderBy(availability.day);
    expect(rows.map((r) => r.day)).toEqual([
      "2030-04-02",
      "2030-04-09",
      "2030-04-16",
      "2030-04-23",
    ]);
  });

  it("publishes nothing on an initiative outside the officer's scope", async () => {
    const other = await f.access(f.officers.tierpSecond);
    await expect(publishAvailability(t.db, other, form(), NOW)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("cuts the window into slots that end before closing, in Swedish time", () => {
    const slots = slotsOf({ day: DAY, opensAt: "09:00", closesAt: "12:00", slotMinutes: 45 });
    expect(slots.map((s) => s.startsAt.toISOString())).toEqual([
      "2030-03-05T08:00:00.000Z",
      "2030-03-05T08:45:00.000Z",
      "2030-03-05T09:30:00.000Z",
      "2030-03-05T10:15:00.000Z",
    ]);
    // summer time: 09:00 is 07:00 UTC
    expect(stockholmInstant("2030-06-04", "09:00").toISOString()).toBe("2030-06-04T07:00:00.000Z");
  });
});

describe("booking", () => {
  let anna: PortalAccount;
  let bo: PortalAccount;
  beforeAll(async () => {
    anna = await portalParticipant(t.db, f, tierp, {
      locale: "ar",
      reminders: "epost",
      email: "anna@example.se",
    });
    bo = await portalParticipant(t.db, f, tierp);
  });

  it("books a free time and queues a confirmation in the participant's language", async () => {
    const window = await publishWindow(t.db, f, tierp, NOW);
    const times = await bookableTimes(t.db, anna, window, NOW);
    expect(times?.times).toHaveLength(4);
    const result = await book(t.db, f.crypto, anna, window, at("09:45"), NOW);
    expect(result.messageQueued).toBe(true);
    const row = await bookingRow(result.bookingId);
    expect(row).toMatchObject({
      status: "bokad",
      participantId: anna.participantId,
      bookedBy: "deltagare",
    });
    expect(row.startsAt.toISOString()).toBe("2030-03-05T08:45:00.000Z");
    expect(row.endsAt.toISOString()).toBe("2030-03-05T09:30:00.000Z");

    const [message] = await t.owner.db
      .select()
      .from(portalMessages)
      .where(eq(portalMessages.bookingId, result.bookingId));
    expect(message).toMatchObject({ kind: "bokning", channel: "epost", status: "utkorg" });
    expect(f.crypto.decrypt(message?.toCiphertext ?? "")).toBe("anna@example.se");
    expect(message?.subject).toBe("تم حجز موعدك");
    expect(message?.body).toContain("09:45");
    expect(message?.body).toContain("Storgatan 3, rum 12");

    // the time is no longer free for anybody, and it is the participant's own
    expect((await bookableTimes(t.db, bo, window, NOW))?.times).toHaveLength(3);
    expect((await myBookings(t.db, anna, NOW)).map((b) => b.id)).toEqual([result.bookingId]);
    expect(await myBooking(t.db, bo, result.bookingId)).toBeUndefined();
    const entries = await t.owner.db
      .select({ fields: accessLog.fields, actorRole: accessLog.actorRole })
      .from(accessLog)
      .where(and(eq(accessLog.participantId, anna.participantId), eq(accessLog.action, "change")));
    expect(entries).toContainEqual({ fields: ["booking"], actorRole: "participant" });
  });

  it("writes no message when the participant has no reminder channel", async () => {
    const window = await publishWindow(t.db, f, tierp, NOW, { day: "2030-03-06" });
    const result = await book(t.db, f.crypto, bo, window, at("09:00", "2030-03-06"), NOW);
    expect(result.messageQueued).toBe(false);
  });

  it("refuses a time in the past", async () => {
    const window = await publishWindow(t.db, f, tierp, NOW, { day: "2030-03-07" });
    const later = new Date("2030-03-07T09:00:00Z"); // 10:00 in Sweden
    expect(
      await refusal(book(t.db, f.crypto, anna, window, at("09:45", "2030-03-07"), later)),
    ).toBe("past");
    expect(await bookingCount(window)).toBe(0);
    // and the past time is not offered
    expect(
      (await bookableTimes(t.db, anna, window, later))?.times.map((s) => s.startsAt.toISOString()),
    ).toEqual(["2030-03-07T09:30:00.000Z", "2030-03-07T10:15:00.000Z"]);
  });

  it("refuses a time outside the opening hours or off a slot boundary", async () => {
    const window = await publishWindow(t.db, f, tierp, NOW, { day: "2030-03-08" });
    const d = "2030-03-08";
    expect(await refusal(book(t.db, f.crypto, anna, window, at("08:15", d), NOW))).toBe(
      "outsideHours",
    );
    expect(await refusal(book(t.db, f.crypto, anna, window, at("09:10", d), NOW))).toBe(
      "outsideHours",
    );
    // 11:45 would end after closing at 12:00
    expect(await refusal(book(t.db, f.crypto, anna, window, at("11:45", d), NOW))).toBe(
      "outsideHours",
    );
    expect(await refusal(book(t.db, f.crypto, anna, window, "not a time", NOW))).toBe(
      "outsideHours",
    );
    expect(await bookingCount(window)).toBe(0);
  });

  it("refuses a cancelled window", async () => {
    const window = await publishWindow(t.db, f, tierp, NOW, { day: "2030-03-11" });
    await cancelAvailability(t.db, f.crypto, tierp, window, 1, NOW);
    expect(await refusal(book(t.db, f.crypto, anna, window, at("09:00", "2030-03-11"), NOW))).toBe(
      "cancelled",
    );
    expect(await bookableTimes(t.db, anna, window, NOW)).toBeUndefined();
    expect(await bookingCount(window)).toBe(0);
  });

  it("refuses a full time, and a second booking of the participant at the same time", async () => {
    const d = "2030-03-12";
    const window = await publishWindow(t.db, f, tierp, NOW, { day: d, capacity: "2" });
    const other = await publishWindow(t.db, f, tierp, NOW, {
      day: d,
      kind: "kurator",
      title: "Omar, kurator",
    });
    const carl = await portalParticipant(t.db, f, tierp);
    await book(t.db, f.crypto, anna, window, at("09:00", d), NOW);
    await book(t.db, f.crypto, bo, window, at("09:00", d), NOW);
    expect(await refusal(book(t.db, f.crypto, carl, window, at("09:00", d), NOW))).toBe("full");
    expect(await bookingCount(window)).toBe(2);
    // Anna already has 09:00–09:45 in the first window: not the same start, nor an overlap
    expect(await refusal(book(t.db, f.crypto, anna, other, at("09:00", d), NOW))).toBe(
      "alreadyBooked",
    );
    expect(await refusal(book(t.db, f.crypto, anna, window, at("09:00", d), NOW))).toBe(
      "alreadyBooked",
    );
    expect(await bookingCount(other)).toBe(0);
    // a window that is not the participant's is not found at all
    expect(await refusal(book(t.db, f.crypto, anna, UNKNOWN_WINDOW, at("09:00", d), NOW))).toBe(
      "notFound",
    );
  });

  it("rebooks in one transaction: when the new time fails the old booking stays", async () => {
    const d = "2030-03-13";
    const window = await publishWindow(t.db, f, tierp, NOW, { day: d });
    const first = await book(t.db, f.crypto, anna, window, at("09:00", d), NOW);
    await book(t.db, f.crypto, bo, window, at("09:45", d), NOW);
    const messagesBefore = (await t.owner.db.select({ n: count() }).from(portalMessages))[0]?.n;

    expect(
      await refusal(rebook(t.db, f.crypto, anna, first.bookingId, window, at("09:45", d), NOW)),
    ).toBe("full");
    expect((await bookingRow(first.bookingId)).status).toBe("bokad");
    expect(
      await refusal(rebook(t.db, f.crypto, anna, first.bookingId, window, at("13:00", d), NOW)),
    ).toBe("outsideHours");
    expect((await bookingRow(first.bookingId)).status).toBe("bokad");
    expect((await t.owner.db.select({ n: count() }).from(portalMessages))[0]?.n).toBe(
      messagesBefore,
    );

    const moved = await rebook(t.db, f.crypto, anna, first.bookingId, window, at("10:30", d), NOW);
    expect((await bookingRow(first.bookingId)).status).toBe("avbokad");
    expect((await bookingRow(moved.bookingId)).status).toBe("bokad");
    expect(moved.messageQueued).toBe(true);
    // another's booking cannot be moved
    expect(
      await refusal(rebook(t.db, f.crypto, bo, moved.bookingId, window, at("11:15", d), NOW)),
    ).toBe("notFound");
  });

  it("cancels the participant's own booking before it starts, and nobody else's", async () => {
    const d = "2030-03-14";
    const window = await publishWindow(t.db, f, tierp, NOW, { day: d });
    const mine = await book(t.db, f.crypto, anna, window, at("09:00", d), NOW);

    expect(await refusal(cancel(t.db, f.crypto, bo, mine.bookingId, NOW))).toBe("notFound");
    expect((await bookingRow(mine.bookingId)).status).toBe("bokad");
    const started = new Date("2030-03-14T08:10:00Z");
    expect(await refusal(cancel(t.db, f.crypto, anna, mine.bookingId, started))).toBe("started");
    expect((await bookingRow(mine.bookingId)).status).toBe("bokad");

    const result = await cancel(t.db, f.crypto, anna, mine.bookingId, NOW);
    expect(result.messageQueued).toBe(true);
    const row = await bookingRow(mine.bookingId);
    expect(row.status).toBe("avbokad");
    expect(row.cancelledAt).not.toBeNull();
    expect(await refusal(cancel(t.db, f.crypto, anna, mine.bookingId, NOW))).toBe("notBooked");
    // the time is free again
    const again = await book(t.db, f.crypto, bo, window, at("09:00", d), NOW);
    expect((await bookingRow(again.bookingId)).status).toBe("bokad");
  });

  it("lists only windows with free times of the participant's own initiatives", async () => {
    const windows = await bookableWindows(t.db, anna, NOW, 10);
    expect(windows.length).toBeGreaterThan(0);
    expect(windows.every((w) => w.freeTimes > 0)).toBe(true);
    expect(windows.some((w) => w.day === "2030-03-11")).toBe(false); // cancelled
  });
});

describe("staff: the windows, cancelling and marking", () => {
  it("books a time for a participant (booked by staff), with the same refusals and no other initiative's participant", async () => {
    const d = "2030-03-19";
    const window = await publishWindow(t.db, f, tierp, NOW, { day: d, capacity: "1" });
    const dan = await portalParticipant(t.db, f, tierp, {
      reminders: "epost",
      email: "dan@example.se",
    });
    const erik = await portalParticipant(t.db, f, tierp);
    const made = await bookForParticipant(
      t.db,
      f.crypto,
      tierp,
      {
        initiativeId: f.tierp.initiative,
        participantId: dan.participantId,
        availabilityId: window,
        startsAt: at("09:00", d).toISOString(),
      },
      NOW,
    );
    expect(made.messageQueued).toBe(true);
    const row = await bookingRow(made.bookingId);
    expect(row).toMatchObject({
      participantId: dan.participantId,
      bookedBy: "personal",
      status: "bokad",
    });
    // the participant sees it among their own bookings
    expect((await myBookings(t.db, dan, NOW)).map((b) => b.id)).toContain(made.bookingId);
    const forErik = (startsAt: Date, availabilityId = window) =>
      bookForParticipant(
        t.db,
        f.crypto,
        tierp,
        {
          initiativeId: f.tierp.initiative,
          participantId: erik.participantId,
          availabilityId,
          startsAt: startsAt.toISOString(),
        },
        NOW,
      );
    expect(await refusal(forErik(at("09:00", d)))).toBe("full");
    expect(await refusal(forErik(at("09:10", d)))).toBe("outsideHours");
    expect(await refusal(forErik(at("09:00", "2030-03-01")))).toBe("past");
    // a participant of another initiative (Heby's officer's) is not found from Tierp's scope
    const hebyPerson = (await portalAccountFixture(t.db, f, f.heby.initiative)).account
      .participantId;
    expect(
      await refusal(
        bookForParticipant(
          t.db,
          f.crypto,
          tierp,
          {
            initiativeId: f.tierp.initiative,
            participantId: hebyPerson,
            availabilityId: window,
            startsAt: at("09:45", d).toISOString(),
          },
          NOW,
        ),
      ),
    ).toBe("notFound");
    expect(await bookingCount(window)).toBe(1);
  });

  it("lists windows with who booked (and logs the read), cancels a window with messages", async () => {
    const d = "2030-03-18";
    const window = await publishWindow(t.db, f, tierp, NOW, { day: d });
    const lisa = await portalParticipant(t.db, f, tierp, {
      name: "Lisa Lind",
      locale: "en",
      reminders: "sms",
      phone: "070-123 45 67",
    });
    const booked = await book(t.db, f.crypto, lisa, window, at("09:45", d), NOW);

    const list = await listAvailability(t.db, f.crypto, tierp, f.tierp.initiative, d);
    const shown = list.find((w) => w.id === window);
    expect(shown?.slots).toBe(4);
    expect(shown?.bookings).toMatchObject([
      { id: booked.bookingId, participantName: "Lisa Lind", status: "bokad" },
    ]);
    const reads = await t.owner.db
      .select({ action: accessLog.action, fields: accessLog.fields })
      .from(accessLog)
      .where(
        and(
          eq(accessLog.participantId, lisa.participantId),
          eq(accessLog.actorRole, "participant_officer"),
        ),
      );
    expect(reads).toContainEqual({ action: "search", fields: ["name", "booking"] });

    await expect(cancelAvailability(t.db, f.crypto, tierp, window, 99, NOW)).rejects.toBeInstanceOf(
      ConflictError,
    );
    const result = await cancelAvailability(
      t.db,
      f.crypto,
      tierp,
      window,
      shown?.version ?? 0,
      NOW,
    );
    expect(result).toEqual({ cancelledBookings: 1, messages: 1 });
    expect((await bookingRow(booked.bookingId)).status).toBe("avbokad");
    const [message] = await t.owner.db
      .select()
      .from(portalMessages)
      .where(
        and(eq(portalMessages.bookingId, booked.bookingId), eq(portalMessages.kind, "avbokning")),
      );
    expect(message?.channel).toBe("sms");
    expect(message?.subject).toBe("Your time is cancelled by us");
    expect(f.crypto.decrypt(message?.toCiphertext ?? "")).toBe("070-123 45 67");
    await expect(
      cancelAvailability(t.db, f.crypto, tierp, window, shown?.version ?? 0, NOW),
    ).rejects.toThrow(/redan inställda/);
  });

  it("marks a booking kept or missed only once its time has begun", async () => {
    const d = "2030-03-19";
    const window = await publishWindow(t.db, f, tierp, NOW, { day: d });
    const p = await portalParticipant(t.db, f, tierp);
    const booked = await book(t.db, f.crypto, p, window, at("09:00", d), NOW);
    await expect(markBooking(t.db, tierp, booked.bookingId, "genomford", 1, NOW)).rejects.toThrow(
      /inte börjat/,
    );
    const later = new Date("2030-03-19T09:00:00Z");
    await markBooking(t.db, tierp, booked.bookingId, "uteblev", 1, later);
    expect((await bookingRow(booked.bookingId)).status).toBe("uteblev");
    await markBooking(t.db, tierp, booked.bookingId, "genomford", 2, later);
    expect((await bookingRow(booked.bookingId)).status).toBe("genomford");
    const other = await f.access(f.officers.heby);
    await expect(
      markBooking(t.db, other, booked.bookingId, "uteblev", 3, later),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("reminders", () => {
  it("sends one reminder per booking within 24 hours, exactly once", async () => {
    const d = "2030-03-20";
    const window = await publishWindow(t.db, f, tierp, NOW, { day: d });
    const far = await publishWindow(t.db, f, tierp, NOW, { day: "2030-03-22" });
    const p = await portalParticipant(t.db, f, tierp, {
      locale: "so",
      reminders: "epost",
      email: "p@example.se",
    });
    const silent = await portalParticipant(t.db, f, tierp);
    const soon = await book(t.db, f.crypto, p, window, at("09:00", d), NOW);
    const quiet = await book(t.db, f.crypto, silent, window, at("09:45", d), NOW);
    const later = await book(t.db, f.crypto, p, far, at("09:00", "2030-03-22"), NOW);

    const runAt = new Date("2030-03-19T12:00:00Z");
    const first = await sendBookingReminders(t.db, { dataDir: "/nonexistent" }, runAt, f.crypto);
    expect(first.reminded).toBeGreaterThanOrEqual(2);
    const reminders = await t.owner.db
      .select()
      .from(portalMessages)
      .where(eq(portalMessages.kind, "paminnelse"));
    expect(reminders.map((m) => m.bookingId)).toEqual([soon.bookingId]);
    expect(reminders[0]?.subject).toBe("Xusuusin waqtigaaga");
    expect((await bookingRow(soon.bookingId)).remindedAt?.toISOString()).toBe(runAt.toISOString());
    expect((await bookingRow(quiet.bookingId)).remindedAt).not.toBeNull();
    expect((await bookingRow(later.bookingId)).remindedAt).toBeNull();

    const second = await sendBookingReminders(t.db, { dataDir: "/nonexistent" }, runAt, f.crypto);
    expect(second).toEqual({ reminded: 0, messages: 0 });
    expect(
      (
        await t.owner.db
          .select({ n: count() })
          .from(portalMessages)
          .where(eq(portalMessages.kind, "paminnelse"))
      )[0]?.n,
    ).toBe(1);
  });
});

describe("the zones", () => {
  it("the association zone role cannot read register.bookings", async () => {
    // 42501: insufficient_privilege ("permission denied for schema register")
    await expect(t.db.execute(sql`select * from register.bookings`)).rejects.toMatchObject({
      cause: { code: "42501" },
    });
    await expect(t.db.execute(sql`select * from register.availability`)).rejects.toMatchObject({
      cause: { code: "42501" },
    });
    // the same query in the register's zone (as the owner here) does find the rows
    const [held] = await t.owner.db.select({ n: count() }).from(bookings);
    expect(held?.n).toBeGreaterThan(0);
  });
});
