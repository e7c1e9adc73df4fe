// Reminders of booked times (issue 9): every booking still "bokad" that starts within the next
// 24 hours and has not been reminded gets one message in the participant's language, by the
// channel they chose (e-mail or SMS, through the portal outbox), and is marked reminded in the
// same transaction — so a second run sends nothing, and two runs at once never send twice (the
// rows are taken with FOR UPDATE SKIP LOCKED). A participant without a contact or channel gets
// no message, but the booking is marked all the same: there is nothing to send later either.
//
// Run every hour by the job portal.reminders (src/platform/jobs.ts). The job reads across the
// register of every association, like gallring (src/register/retention.ts): a scope made of each
// association's data controllers and initiatives, acting as "system".
import { and, asc, eq, gt, inArray, isNull, lte } from "drizzle-orm";
import { associations, memberOrganisations } from "../associations/schema.ts";
import { initiatives } from "../initiatives/schema.ts";
import type { Config } from "../platform/config.ts";
import type { Db } from "../platform/database/connect.ts";
import { logAccess } from "../register/access-log.ts";
import type { RegisterCrypto } from "../register/crypto.ts";
import { registerCryptoFor } from "../register/key.server.ts";
import { systemActor } from "../register/scope.ts";
import { inRegister } from "../register/zone.ts";
import { queueReminder } from "./booking.ts";
import { availability, bookings } from "./schema.ts";

export const REMINDER_HOURS = 24;

export interface ReminderResult {
  /** Bookings marked reminded in this run. */
  reminded: number;
  /** Messages queued (bookings whose participant has a contact and a channel). */
  messages: number;
}

export async function sendBookingReminders(
  db: Db,
  config: Pick<Config, "dataDir">,
  now = new Date(),
  crypto: RegisterCrypto = registerCryptoFor(config),
): Promise<ReminderResult> {
  const until = new Date(now.getTime() + REMINDER_HOURS * 3_600_000);
  const actor = systemActor("Samspår (påminnelser om bokade tider)");
  const result: ReminderResult = { reminded: 0, messages: 0 };
  const list = await db
    .select({ id: associations.id })
    .from(associations)
    .orderBy(asc(associations.slug));
  for (const association of list) {
    const controllers = await db
      .select({ id: memberOrganisations.id })
      .from(memberOrganisations)
      .where(eq(memberOrganisations.associationId, association.id));
    const owned = await db
      .select({ id: initiatives.id })
      .from(initiatives)
      .where(eq(initiatives.associationId, association.id));
    if (controllers.length === 0 || owned.length === 0) continue;
    const scope = {
      controllers: controllers.map((c) => c.id),
      initiatives: owned.map((i) => i.id),
    };
    const done = await inRegister(db, scope, async (tx) => {
      const taken = await tx
        .select()
        .from(bookings)
        .where(
          and(
            eq(bookings.associationId, association.id),
            eq(bookings.status, "bokad"),
            isNull(bookings.remindedAt),
            gt(bookings.startsAt, now),
            lte(bookings.startsAt, until),
          ),
        )
        .orderBy(asc(bookings.startsAt))
        .for("update", { skipLocked: true });
      const windows =
        taken.length === 0
          ? []
          : await tx
              .select()
              .from(availability)
              .where(inArray(availability.id, [...new Set(taken.map((b) => b.availabilityId))]));
      const due = taken.flatMap((booking) => {
        const window = windows.find((w) => w.id === booking.availabilityId);
        return window ? [{ booking, window }] : [];
      });
      let messages = 0;
      for (const { booking, window } of due) {
        if (await queueReminder(tx, crypto, booking, window)) messages++;
        await tx.update(bookings).set({ remindedAt: now }).where(eq(bookings.id, booking.id));
      }
      await logAccess(
        tx,
        actor,
        due.map(({ booking }) => ({
          associationId: booking.associationId,
          dataControllerId: booking.dataControllerId,
          participantId: booking.participantId,
          action: "read" as const,
          fields: ["booking"],
        })),
      );
      return { reminded: due.length, messages };
    });
    result.reminded += done.reminded;
    result.messages += done.messages;
  }
  return result;
}
