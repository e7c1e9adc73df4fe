// No double booking under concurrency (issue 9): two participants book the last place of a time
// at the same moment, on two connections of the pool in two transactions started together.
// Booking locks the window's row (SELECT … FOR UPDATE) before it counts, so in every round
// exactly one gets the place and the other is told the time is full — and the database holds
// exactly as many bookings as the time has places.
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { type RegisterFixture, registerFixture } from "../register/register-fixture.ts";
import type { RegisterAccess } from "../register/scope.ts";
import type { PortalAccount } from "./accounts.ts";
import { BookingRefused, book, stockholmInstant } from "./booking.ts";
import { portalParticipant, publishWindow } from "./booking-fixture.ts";
import { bookings } from "./schema.ts";

const NOW = new Date("2030-03-04T08:00:00Z");
const ROUNDS = 20;

let t: TestDatabase;
let f: RegisterFixture;
let tierp: RegisterAccess;
let people: PortalAccount[];

beforeAll(async () => {
  t = await createTestDatabase();
  f = await registerFixture(t.db);
  tierp = await f.access(f.officers.tierp, f.tierp.initiative);
  people = [];
  for (let i = 0; i < 3; i++) people.push(await portalParticipant(t.db, f, tierp));
});
afterAll(() => t?.drop());

function dayOf(round: number): string {
  const d = new Date(Date.UTC(2030, 3, 1 + round));
  return d.toISOString().slice(0, 10);
}

describe("two participants booking the last place at the same moment", () => {
  it(`gives it to exactly one of them, ${ROUNDS} rounds out of ${ROUNDS}`, async () => {
    const [first, second, third] = people as [PortalAccount, PortalAccount, PortalAccount];
    for (let round = 0; round < ROUNDS; round++) {
      const day = dayOf(round);
      // a study place with two places, one of them taken: one place left
      const window = await publishWindow(t.db, f, tierp, NOW, {
        kind: "studieplats",
        title: "Lärcentrum, studieplatser",
        day,
        capacity: "2",
      });
      const startsAt = stockholmInstant(day, "09:45");
      await book(t.db, f.crypto, third, window, startsAt, NOW);

      const outcomes = await Promise.allSettled([
        book(t.db, f.crypto, first, window, startsAt, NOW),
        book(t.db, f.crypto, second, window, startsAt, NOW),
      ]);
      const won = outcomes.filter((o) => o.status === "fulfilled");
      const lost = outcomes.filter((o) => o.status === "rejected");
      expect(won, `round ${round}`).toHaveLength(1);
      expect(lost, `round ${round}`).toHaveLength(1);
      const reason = (lost[0] as PromiseRejectedResult).reason;
      expect(reason).toBeInstanceOf(BookingRefused);
      expect((reason as BookingRefused).code).toBe("full");

      const [held] = await t.owner.db
        .select({ n: count() })
        .from(bookings)
        .where(
          and(
            eq(bookings.availabilityId, window),
            eq(bookings.startsAt, startsAt),
            eq(bookings.status, "bokad"),
          ),
        );
      expect(held?.n, `round ${round}`).toBe(2);
    }
  });
});
