// Boka (issue 9; domain/portal.md): staff publish availability — a day's window of times with a
// study coach, a special-needs teacher or a social worker, on site or as a video meeting, or a
// study place's opening hours with a number of places — and participants book, cancel and
// rebook those times in the portal. Everything is register data (schema register, ADR 0011):
// every query runs inside `inRegister`, and every participant query also filters on the
// participant's own id (row-level security limits the controller and initiative, the code the
// person). Changes are written to the register's access log in the same transaction.
//
// No double booking: booking takes the window's row with SELECT … FOR UPDATE before it counts
// the bookings of the time, so two participants asking for the last place at the same moment
// are served one after the other and exactly one gets it; a unique index also stops one person
// from holding two bookings that start at the same time.
//
// A participant's refusal is a code (BookingRefused), translated on the page into the
// participant's language; staff get Swedish messages (ValidationError, ConflictError).
import { and, asc, eq, gt, gte, inArray, lt, lte, ne, sql } from "drizzle-orm";
import { todayInSweden } from "../applications/workflow.ts";
import type { Db, Tx } from "../platform/database/connect.ts";
import {
  ConflictError,
  isUniqueViolation,
  NotFoundError,
  ValidationError,
} from "../platform/errors.ts";
import { TIME_ZONE } from "../platform/i18n/format.ts";
import { UUID } from "../platform/uuid.ts";
import { addDays } from "../progression/due.ts";
import { logAccess } from "../register/access-log.ts";
import type { RegisterCrypto } from "../register/crypto.ts";
import { initiativeInScope } from "../register/participants.ts";
import { enrollments, participants } from "../register/schema.ts";
import type { RegisterAccess, RegisterActor } from "../register/scope.ts";
import { inRegister } from "../register/zone.ts";
import { type PortalAccount, participantActor, portalScope } from "./accounts.ts";
import { isPortalLocale, type PortalLocale } from "./locales.ts";
import type { PortalKey } from "./messages/index.ts";
import { queuePortalMessage } from "./outbox.ts";
import {
  availability,
  BOOKING_KINDS,
  type BookingKind,
  type BookingStatus,
  bookings,
  MEETING_MODES,
  type MeetingMode,
  portalAccounts,
} from "./schema.ts";
import { createPortalTranslator, portalLongDate, portalTime } from "./translate.ts";

// ── Time ─────────────────────────────────────────────────────────────────────────────────────

const MINUTE = 60_000;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)(:00)?$/;

const zoneParts = new Intl.DateTimeFormat("en-US", {
  timeZone: TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** How many minutes Swedish time is ahead of UTC at `instant` (60 or 120). */
function stockholmOffset(instant: number): number {
  const parts = zoneParts.formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
  return Math.round((asUtc - instant) / MINUTE);
}

/** The instant of a Swedish wall-clock time: day "2026-12-01", time "09:30". */
export function stockholmInstant(day: string, time: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const [h, mi] = time.split(":").map(Number) as [number, number];
  const local = Date.UTC(y, m - 1, d, h, mi);
  const first = local - stockholmOffset(local) * MINUTE;
  return new Date(local - stockholmOffset(first) * MINUTE);
}

const minutesOf = (time: string) => {
  const [h, m] = time.split(":").map(Number) as [number, number];
  return h * 60 + m;
};
const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
/** "09:00:00" (as PostgreSQL gives a time) → "09:00". */
export const shortTime = (time: string) => time.slice(0, 5);

export interface Slot {
  startsAt: Date;
  endsAt: Date;
}

/** The bookable times of a window: from opening, one slot after another, each ending in time. */
export function slotsOf(window: {
  day: string;
  opensAt: string;
  closesAt: string;
  slotMinutes: number;
}): Slot[] {
  const slots: Slot[] = [];
  const close = minutesOf(window.closesAt);
  for (
    let start = minutesOf(window.opensAt);
    start + window.slotMinutes <= close;
    start += window.slotMinutes
  )
    slots.push({
      startsAt: stockholmInstant(window.day, clock(start)),
      endsAt: stockholmInstant(window.day, clock(start + window.slotMinutes)),
    });
  return slots;
}

// ── Staff: publishing ────────────────────────────────────────────────────────────────────────

export const MAX_REPEAT_WEEKS = 26;

/** The publish form as typed (text); the use case checks and converts every field. */
export interface PublishAvailabilityInput {
  initiativeId: string;
  kind: string;
  title: string;
  mode: string;
  place: string;
  /** ÅÅÅÅ-MM-DD, the first (or only) day. */
  day: string;
  /** TT:MM, Swedish time. */
  opensAt: string;
  closesAt: string;
  slotMinutes: string;
  capacity: string;
  /** Empty: once. Otherwise the same weekday every week up to and including this date. */
  repeatUntil?: string;
}

const isKind = (v: string): v is BookingKind => (BOOKING_KINDS as readonly string[]).includes(v);
const isMode = (v: string): v is MeetingMode => (MEETING_MODES as readonly string[]).includes(v);

function validDay(value: string): boolean {
  if (!DAY_PATTERN.test(value)) return false;
  const d = new Date(`${value}T12:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.hostname.includes(".") && !/\s/.test(value);
  } catch {
    return false;
  }
}

interface CheckedWindow {
  kind: BookingKind;
  title: string;
  mode: MeetingMode;
  place: string;
  days: string[];
  opensAt: string;
  closesAt: string;
  slotMinutes: number;
  capacity: number;
}

/** The form checked, every problem at once in Swedish; the days to publish. */
export function checkAvailability(input: PublishAvailabilityInput, today: string): CheckedWindow {
  const problems: Record<string, string> = {};
  const kind = input.kind.trim();
  if (!isKind(kind))
    problems.kind =
      "Välj vad tiderna gäller: studiecoach, specialpedagog, kurator eller studieplats.";
  const title = input.title.trim();
  if (title === "")
    problems.title =
      "Skriv vem deltagaren träffar eller studieplatsens namn, till exempel ”Lina, studiecoach”.";
  else if (title.length > 120) problems.title = "Skriv namnet med högst 120 tecken.";
  const mode = input.mode.trim();
  if (!isMode(mode)) problems.mode = "Välj om mötet är på plats eller som videomöte.";
  const place = input.place.trim();
  if (place === "")
    problems.place =
      mode === "video"
        ? "Skriv länken till videomötet. Kopiera hela länken, den börjar med https://."
        : "Skriv adressen och rummet, till exempel ”Storgatan 3, rum 12”.";
  else if (place.length > 300) problems.place = "Skriv platsen eller länken med högst 300 tecken.";
  else if (mode === "video" && !isHttpsUrl(place))
    problems.place =
      "Länken till videomötet ska vara en hel adress som börjar med https://. Kopiera länken från videotjänsten.";

  const day = input.day.trim();
  if (!validDay(day)) problems.day = "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-12-01.";
  else if (day < today)
    problems.day = "Datumet har redan varit. Välj i dag eller ett senare datum.";

  const opens = input.opensAt.trim();
  const closes = input.closesAt.trim();
  if (!TIME_PATTERN.test(opens))
    problems.opensAt = "Skriv när tiderna börjar som TT:MM, till exempel 09:00.";
  if (!TIME_PATTERN.test(closes))
    problems.closesAt = "Skriv när tiderna slutar som TT:MM, till exempel 12:00.";
  else if (TIME_PATTERN.test(opens) && minutesOf(closes) <= minutesOf(opens))
    problems.closesAt = "Sluttiden ska vara senare än starttiden.";

  const slotText = input.slotMinutes.trim();
  const slotMinutes = /^\d{1,4}$/.test(slotText) ? Number(slotText) : Number.NaN;
  if (!(slotMinutes >= 10 && slotMinutes <= 480))
    problems.slotMinutes =
      "Skriv hur lång en tid är i minuter, ett heltal mellan 10 och 480, till exempel 45.";
  else if (
    !problems.opensAt &&
    !problems.closesAt &&
    minutesOf(closes) - minutesOf(opens) < slotMinutes
  )
    problems.slotMinutes = `Öppettiden är kortare än en tid på ${slotMinutes} minuter. Gör öppettiden längre eller tiderna kortare.`;

  const capacityText = input.capacity.trim();
  const capacity = /^\d{1,4}$/.test(capacityText) ? Number(capacityText) : Number.NaN;
  if (!(capacity >= 1 && capacity <= 500))
    problems.capacity =
      "Skriv hur många som kan boka samma tid, ett heltal mellan 1 och 500 (1 för ett samtal).";

  const days: string[] = [];
  const until = (input.repeatUntil ?? "").trim();
  if (!problems.day) {
    days.push(day);
    if (until !== "") {
      const last = addDays(day, 7 * (MAX_REPEAT_WEEKS - 1));
      if (!validDay(until))
        problems.repeatUntil = "Skriv sista datumet som ÅÅÅÅ-MM-DD, till exempel 2027-01-31.";
      else if (until < day)
        problems.repeatUntil = "Sista datumet för upprepningen ska vara samma dag eller senare.";
      else if (until > last)
        problems.repeatUntil = `Tiderna kan upprepas högst ${MAX_REPEAT_WEEKS} veckor. Välj ett sista datum senast ${last}.`;
      else for (let d = addDays(day, 7); d <= until; d = addDays(d, 7)) days.push(d);
    }
  }
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
  return {
    kind: kind as BookingKind,
    title,
    mode: mode as MeetingMode,
    place,
    days,
    opensAt: shortTime(opens),
    closesAt: shortTime(closes),
    slotMinutes,
    capacity,
  };
}

/**
 * Publishes a window of bookable times on an initiative of the staff member's register scope:
 * one row per day (one, or the same weekday every week up to 26 weeks).
 */
export async function publishAvailability(
  db: Db,
  access: RegisterAccess,
  input: PublishAvailabilityInput,
  now = new Date(),
): Promise<{ ids: string[] }> {
  const checked = checkAvailability(input, todayInSweden(now));
  return inRegister(db, access.scope, async (tx) => {
    const initiative = await initiativeInScope(tx, access.scope, input.initiativeId);
    const rows = await tx
      .insert(availability)
      .values(
        checked.days.map((day) => ({
          associationId: initiative.associationId,
          dataControllerId: initiative.ownerId,
          initiativeId: initiative.id,
          kind: checked.kind,
          title: checked.title,
          staffUserId: access.actor.userId,
          mode: checked.mode,
          place: checked.place,
          day,
          opensAt: checked.opensAt,
          closesAt: checked.closesAt,
          slotMinutes: checked.slotMinutes,
          capacity: checked.capacity,
          createdByName: access.actor.name,
        })),
      )
      .returning({ id: availability.id });
    await logAccess(tx, access.actor, {
      associationId: initiative.associationId,
      dataControllerId: initiative.ownerId,
      action: "change",
      fields: ["availability"],
    });
    return { ids: rows.map((r) => r.id) };
  });
}

// ── Messages to participants ─────────────────────────────────────────────────────────────────

type MessageKind = "booked" | "rebooked" | "cancelled" | "withdrawn" | "reminder";
const OUTBOX_KIND = {
  booked: "bokning",
  rebooked: "bokning",
  cancelled: "avbokning",
  withdrawn: "avbokning",
  reminder: "paminnelse",
} as const;

interface MessageWindow {
  title: string;
  mode: MeetingMode;
  place: string;
}

interface Recipient {
  locale: PortalLocale;
  channel: "epost" | "sms";
  to: string;
}

/** Where the participant's messages go: their reminder channel and contact, if they have both. */
async function recipientOf(
  tx: Tx,
  crypto: RegisterCrypto,
  participantId: string,
): Promise<Recipient | null> {
  const [row] = await tx
    .select({
      locale: portalAccounts.locale,
      reminders: portalAccounts.reminders,
      email: portalAccounts.emailCiphertext,
      phone: portalAccounts.phoneCiphertext,
    })
    .from(portalAccounts)
    .where(
      and(eq(portalAccounts.participantId, participantId), sql`${portalAccounts.closedAt} is null`),
    );
  if (!row) return null;
  const locale = isPortalLocale(row.locale) ? row.locale : "sv";
  if (row.reminders === "epost" && row.email)
    return { locale, channel: "epost", to: crypto.decrypt(row.email) };
  if (row.reminders === "sms" && row.phone)
    return { locale, channel: "sms", to: crypto.decrypt(row.phone) };
  return null;
}

/** The text of a message about a booking, in the participant's language. */
export function bookingMessage(
  locale: PortalLocale,
  kind: MessageKind,
  window: MessageWindow,
  startsAt: Date,
): { subject: string; body: string } {
  const t = createPortalTranslator(locale);
  const where = t(
    window.mode === "video"
      ? "portal.booking.message.where.video"
      : "portal.booking.message.where.onSite",
    { place: window.place },
  );
  const values = {
    title: window.title,
    date: portalLongDate(locale, startsAt),
    time: portalTime(startsAt),
    where,
  };
  return {
    subject: t(`portal.booking.message.${kind}.subject` as PortalKey, values),
    body: t(`portal.booking.message.${kind}.body` as PortalKey, values),
  };
}

async function notify(
  tx: Tx,
  crypto: RegisterCrypto,
  kind: MessageKind,
  booking: {
    id: string;
    associationId: string;
    dataControllerId: string;
    initiativeId: string;
    participantId: string;
    startsAt: Date;
  },
  window: MessageWindow,
): Promise<boolean> {
  const recipient = await recipientOf(tx, crypto, booking.participantId);
  if (!recipient) return false;
  const text = bookingMessage(recipient.locale, kind, window, booking.startsAt);
  await queuePortalMessage(tx, crypto, {
    associationId: booking.associationId,
    dataControllerId: booking.dataControllerId,
    initiativeId: booking.initiativeId,
    participantId: booking.participantId,
    channel: recipient.channel,
    to: recipient.to,
    subject: text.subject,
    body: text.body,
    kind: OUTBOX_KIND[kind],
    bookingId: booking.id,
  });
  return true;
}

// ── Staff: the windows, cancelling, kept or missed ───────────────────────────────────────────

export interface StaffBooking {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: BookingStatus;
  bookedBy: "deltagare" | "personal";
  participantId: string;
  /** The participant's name from the register; null when it is not stored (anonymous, erased). */
  participantName: string | null;
  version: number;
}

export interface StaffWindow extends PortalWindow {
  /** How many times the window has (places count once per time). */
  slots: number;
  /** The times with a free place (past ones included; booking refuses them). */
  freeTimes: Slot[];
  cancelledAt: Date | null;
  createdByName: string;
  version: number;
  bookings: StaffBooking[];
}

/**
 * The windows of an initiative from `fromDay` on (by day and opening time) with their bookings
 * and who booked. Every participant named is a read of the register: one access-log entry each.
 */
export async function listAvailability(
  db: Db,
  crypto: RegisterCrypto,
  access: RegisterAccess,
  initiativeId: string,
  fromDay: string,
): Promise<StaffWindow[]> {
  return inRegister(db, access.scope, async (tx) => {
    const initiative = await initiativeInScope(tx, access.scope, initiativeId);
    const windows = await tx
      .select()
      .from(availability)
      .where(and(eq(availability.initiativeId, initiative.id), gte(availability.day, fromDay)))
      .orderBy(asc(availability.day), asc(availability.opensAt), asc(availability.title));
    if (windows.length === 0) return [];
    const booked = await tx
      .select({
        booking: bookings,
        nameCiphertext: participants.nameCiphertext,
      })
      .from(bookings)
      .innerJoin(participants, eq(participants.id, bookings.participantId))
      .where(
        and(
          inArray(
            bookings.availabilityId,
            windows.map((w) => w.id),
          ),
          ne(bookings.status, "avbokad"),
        ),
      )
      .orderBy(asc(bookings.startsAt));
    const seen = new Set<string>();
    const entries = [];
    for (const { booking } of booked) {
      if (seen.has(booking.participantId)) continue;
      seen.add(booking.participantId);
      entries.push({
        associationId: booking.associationId,
        dataControllerId: booking.dataControllerId,
        participantId: booking.participantId,
        action: "search" as const,
        fields: ["name", "booking"],
      });
    }
    await logAccess(tx, access.actor, entries);
    return windows.map((w) => ({
      ...portalWindow(w),
      slots: slotsOf(w).length,
      freeTimes: slotsOf(w).filter(
        (slot) =>
          booked.filter(
            ({ booking: b }) =>
              b.availabilityId === w.id &&
              b.status === "bokad" &&
              b.startsAt.getTime() === slot.startsAt.getTime(),
          ).length < w.capacity,
      ),
      cancelledAt: w.cancelledAt,
      createdByName: w.createdByName,
      version: w.version,
      bookings: booked
        .filter((b) => b.booking.availabilityId === w.id)
        .map(({ booking: b, nameCiphertext }) => ({
          id: b.id,
          startsAt: b.startsAt,
          endsAt: b.endsAt,
          status: b.status,
          bookedBy: b.bookedBy,
          participantId: b.participantId,
          participantName: nameCiphertext ? crypto.decrypt(nameCiphertext) : null,
          version: b.version,
        })),
    }));
  });
}

const WINDOW_NOT_FOUND = "Tiderna finns inte, eller så hör de till en insats du inte arbetar med.";
const BOOKING_NOT_FOUND =
  "Bokningen finns inte, eller så hör den till en insats du inte arbetar med.";

/**
 * Cancels a window: nobody can book it any more, every booking of a time still to come is
 * cancelled, and each booked participant with a contact and a reminder channel gets a message
 * in their language. Answers how many bookings were cancelled and how many messages queued.
 */
export async function cancelAvailability(
  db: Db,
  crypto: RegisterCrypto,
  access: RegisterAccess,
  availabilityId: string,
  expectedVersion: number,
  now = new Date(),
): Promise<{ cancelledBookings: number; messages: number }> {
  if (!UUID.test(availabilityId)) throw new NotFoundError(WINDOW_NOT_FOUND);
  return inRegister(db, access.scope, async (tx) => {
    const [window] = await tx
      .select()
      .from(availability)
      .where(eq(availability.id, availabilityId))
      .for("update");
    if (!window || !access.scope.initiatives.includes(window.initiativeId))
      throw new NotFoundError(WINDOW_NOT_FOUND);
    if (window.cancelledAt) throw new ConflictError("Tiderna är redan inställda.");
    if (window.version !== expectedVersion) throw new ConflictError();
    await tx
      .update(availability)
      .set({ cancelledAt: now, version: window.version + 1 })
      .where(eq(availability.id, window.id));
    const cancelled = await tx
      .update(bookings)
      .set({ status: "avbokad", cancelledAt: now, version: sql`${bookings.version} + 1` })
      .where(
        and(
          eq(bookings.availabilityId, window.id),
          eq(bookings.status, "bokad"),
          gt(bookings.startsAt, now),
        ),
      )
      .returning();
    let messages = 0;
    for (const b of cancelled) if (await notify(tx, crypto, "withdrawn", b, window)) messages++;
    await logAccess(tx, access.actor, [
      {
        associationId: window.associationId,
        dataControllerId: window.dataControllerId,
        action: "change",
        fields: ["availability"],
      },
      ...cancelled.map((b) => ({
        associationId: b.associationId,
        dataControllerId: b.dataControllerId,
        participantId: b.participantId,
        action: "change" as const,
        fields: ["booking"],
      })),
    ]);
    return { cancelledBookings: cancelled.length, messages };
  });
}

/** Marks a booking kept (genomförd) or missed (uteblev), once its time has begun. */
export async function markBooking(
  db: Db,
  access: RegisterAccess,
  bookingId: string,
  status: "genomford" | "uteblev",
  expectedVersion: number,
  now = new Date(),
): Promise<void> {
  if (!UUID.test(bookingId)) throw new NotFoundError(BOOKING_NOT_FOUND);
  if (status !== "genomford" && status !== "uteblev")
    throw new ValidationError({ status: "Välj om deltagaren kom eller uteblev." });
  await inRegister(db, access.scope, async (tx) => {
    const [booking] = await tx
      .select()
      .from(bookings)
      .where(eq(bookings.id, bookingId))
      .for("update");
    if (!booking || !access.scope.initiatives.includes(booking.initiativeId))
      throw new NotFoundError(BOOKING_NOT_FOUND);
    if (booking.status === "avbokad")
      throw new ConflictError("Bokningen är avbokad. Den går inte att markera.");
    if (booking.startsAt > now)
      throw new ConflictError(
        "Tiden har inte börjat än. Markera om deltagaren kom först när tiden har börjat.",
      );
    if (booking.version !== expectedVersion) throw new ConflictError();
    await tx
      .update(bookings)
      .set({ status, version: booking.version + 1 })
      .where(eq(bookings.id, booking.id));
    await logAccess(tx, access.actor, {
      associationId: booking.associationId,
      dataControllerId: booking.dataControllerId,
      participantId: booking.participantId,
      action: "change",
      fields: ["booking"],
    });
  });
}

// ── Participants: what can be booked ─────────────────────────────────────────────────────────

/** Why a participant's booking or cancelling was refused; the page says it in their language. */
export const BOOKING_REFUSALS = [
  "past",
  "outsideHours",
  "cancelled",
  "full",
  "alreadyBooked",
  "notFound",
  "started",
  "notBooked",
] as const;
export type BookingRefusal = (typeof BOOKING_REFUSALS)[number];

export class BookingRefused extends Error {
  readonly code: BookingRefusal;
  constructor(code: BookingRefusal) {
    super(`booking refused: ${code}`);
    this.name = "BookingRefused";
    this.code = code;
  }
}

export const isBookingRefusal = (v: unknown): v is BookingRefusal =>
  typeof v === "string" && (BOOKING_REFUSALS as readonly string[]).includes(v);

export interface PortalWindow {
  id: string;
  kind: BookingKind;
  title: string;
  mode: MeetingMode;
  place: string;
  day: string;
  opensAt: string;
  closesAt: string;
  slotMinutes: number;
  capacity: number;
}

export interface BookableWindow extends PortalWindow {
  /** Times still to come with a free place. */
  freeTimes: number;
}

const portalWindow = (w: typeof availability.$inferSelect): PortalWindow => ({
  id: w.id,
  kind: w.kind,
  title: w.title,
  mode: w.mode,
  place: w.place,
  day: w.day,
  opensAt: shortTime(w.opensAt),
  closesAt: shortTime(w.closesAt),
  slotMinutes: w.slotMinutes,
  capacity: w.capacity,
});

/** How many bookings with status "bokad" each time of the windows has: "window|iso" → count. */
async function takenPlaces(tx: Tx, windowIds: string[]): Promise<Map<string, number>> {
  const taken = new Map<string, number>();
  if (windowIds.length === 0) return taken;
  const rows = await tx
    .select({
      availabilityId: bookings.availabilityId,
      startsAt: bookings.startsAt,
      n: sql<number>`count(*)::int`,
    })
    .from(bookings)
    .where(and(inArray(bookings.availabilityId, windowIds), eq(bookings.status, "bokad")))
    .groupBy(bookings.availabilityId, bookings.startsAt);
  for (const r of rows) taken.set(`${r.availabilityId}|${r.startsAt.toISOString()}`, r.n);
  return taken;
}

/** The participant's own booked starts (status bokad), as ISO strings. */
async function ownStarts(tx: Tx, account: PortalAccount, now: Date): Promise<Set<string>> {
  const rows = await tx
    .select({ startsAt: bookings.startsAt })
    .from(bookings)
    .where(
      and(
        eq(bookings.participantId, account.participantId),
        eq(bookings.status, "bokad"),
        gt(bookings.startsAt, now),
      ),
    );
  return new Set(rows.map((r) => r.startsAt.toISOString()));
}

/**
 * The windows the participant can book in the next `days` days (their initiatives, not
 * cancelled), each with the number of free times still to come; windows without any are left out.
 */
export async function bookableWindows(
  db: Db,
  account: PortalAccount,
  now = new Date(),
  days = 28,
): Promise<BookableWindow[]> {
  const today = todayInSweden(now);
  return inRegister(db, portalScope(account), async (tx) => {
    const windows = await tx
      .select()
      .from(availability)
      .where(
        and(
          inArray(availability.initiativeId, account.initiativeIds),
          eq(availability.dataControllerId, account.dataControllerId),
          sql`${availability.cancelledAt} is null`,
          gte(availability.day, today),
          lte(availability.day, addDays(today, days)),
        ),
      )
      .orderBy(asc(availability.day), asc(availability.opensAt), asc(availability.title));
    const taken = await takenPlaces(
      tx,
      windows.map((w) => w.id),
    );
    const mine = await ownStarts(tx, account, now);
    return windows
      .map((w) => ({
        ...portalWindow(w),
        freeTimes: slotsOf(w).filter(
          (s) =>
            s.startsAt > now &&
            !mine.has(s.startsAt.toISOString()) &&
            (taken.get(`${w.id}|${s.startsAt.toISOString()}`) ?? 0) < w.capacity,
        ).length,
      }))
      .filter((w) => w.freeTimes > 0);
  });
}

export interface BookableTime {
  startsAt: Date;
  endsAt: Date;
  /** Free places at this time (always 1 or more). */
  free: number;
}

/**
 * One window and its free times: still to come, fewer bookings than places, and not at a time
 * the participant has booked already. Undefined when the window is not the participant's or is
 * cancelled.
 */
export async function bookableTimes(
  db: Db,
  account: PortalAccount,
  availabilityId: string,
  now = new Date(),
): Promise<{ window: PortalWindow; times: BookableTime[] } | undefined> {
  if (!UUID.test(availabilityId)) return undefined;
  return inRegister(db, portalScope(account), async (tx) => {
    const window = await ownWindow(tx, account, availabilityId);
    if (!window || window.cancelledAt) return undefined;
    const taken = await takenPlaces(tx, [window.id]);
    const mine = await ownStarts(tx, account, now);
    const times = slotsOf(window)
      .filter((s) => s.startsAt > now && !mine.has(s.startsAt.toISOString()))
      .map((s) => ({
        ...s,
        free: window.capacity - (taken.get(`${window.id}|${s.startsAt.toISOString()}`) ?? 0),
      }))
      .filter((s) => s.free > 0);
    return { window: portalWindow(window), times };
  });
}

/** Whose booking: a participant, in a data controller's register, on some initiatives. */
type Booker = Pick<PortalAccount, "participantId" | "dataControllerId" | "initiativeIds">;

async function ownWindow(
  tx: Tx,
  account: Booker,
  availabilityId: string,
  lock = false,
): Promise<typeof availability.$inferSelect | undefined> {
  const query = tx
    .select()
    .from(availability)
    .where(
      and(
        eq(availability.id, availabilityId),
        inArray(availability.initiativeId, account.initiativeIds),
        eq(availability.dataControllerId, account.dataControllerId),
      ),
    );
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

// ── Participants: their bookings ─────────────────────────────────────────────────────────────

export interface MyBooking {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: BookingStatus;
  window: PortalWindow;
}

/** The participant's booked times that have not ended yet, soonest first. */
export async function myBookings(
  db: Db,
  account: PortalAccount,
  now = new Date(),
): Promise<MyBooking[]> {
  return inRegister(db, portalScope(account), async (tx) => {
    const rows = await tx
      .select({ booking: bookings, window: availability })
      .from(bookings)
      .innerJoin(availability, eq(availability.id, bookings.availabilityId))
      .where(
        and(
          eq(bookings.participantId, account.participantId),
          eq(bookings.status, "bokad"),
          gt(bookings.endsAt, now),
        ),
      )
      .orderBy(asc(bookings.startsAt));
    return rows.map(({ booking: b, window: w }) => ({
      id: b.id,
      startsAt: b.startsAt,
      endsAt: b.endsAt,
      status: b.status,
      window: portalWindow(w),
    }));
  });
}

/** One of the participant's own bookings (any status), or undefined. */
export async function myBooking(
  db: Db,
  account: PortalAccount,
  bookingId: string,
): Promise<MyBooking | undefined> {
  if (!UUID.test(bookingId)) return undefined;
  return inRegister(db, portalScope(account), async (tx) => {
    const [row] = await tx
      .select({ booking: bookings, window: availability })
      .from(bookings)
      .innerJoin(availability, eq(availability.id, bookings.availabilityId))
      .where(and(eq(bookings.id, bookingId), eq(bookings.participantId, account.participantId)));
    if (!row) return undefined;
    return {
      id: row.booking.id,
      startsAt: row.booking.startsAt,
      endsAt: row.booking.endsAt,
      status: row.booking.status,
      window: portalWindow(row.window),
    };
  });
}

export interface BookingResult {
  bookingId: string;
  startsAt: Date;
  endsAt: Date;
  title: string;
  /** Whether a confirmation went to the participant's outbox. */
  messageQueued: boolean;
}

function parseStart(startsAt: string | Date): Date | null {
  const date = typeof startsAt === "string" ? new Date(startsAt) : startsAt;
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Books one time inside a register transaction (the window's row locked first). */
async function bookIn(
  tx: Tx,
  account: Booker,
  actor: RegisterActor,
  availabilityId: string,
  startsAt: string | Date,
  now: Date,
  bookedBy: "deltagare" | "personal" = "deltagare",
): Promise<{
  booking: typeof bookings.$inferSelect;
  window: typeof availability.$inferSelect;
}> {
  if (!UUID.test(availabilityId)) throw new BookingRefused("notFound");
  // the lock: whoever asks for a time of this window second waits here until the first commits
  const window = await ownWindow(tx, account, availabilityId, true);
  if (!window) throw new BookingRefused("notFound");
  if (window.cancelledAt) throw new BookingRefused("cancelled");
  const start = parseStart(startsAt);
  if (!start) throw new BookingRefused("outsideHours");
  if (start <= now) throw new BookingRefused("past");
  const slot = slotsOf(window).find((s) => s.startsAt.getTime() === start.getTime());
  if (!slot) throw new BookingRefused("outsideHours");
  const [clash] = await tx
    .select({ id: bookings.id })
    .from(bookings)
    .where(
      and(
        eq(bookings.participantId, account.participantId),
        eq(bookings.status, "bokad"),
        lt(bookings.startsAt, slot.endsAt),
        gt(bookings.endsAt, slot.startsAt),
      ),
    )
    .limit(1);
  if (clash) throw new BookingRefused("alreadyBooked");
  const [taken] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(bookings)
    .where(
      and(
        eq(bookings.availabilityId, window.id),
        eq(bookings.startsAt, slot.startsAt),
        eq(bookings.status, "bokad"),
      ),
    );
  if ((taken?.n ?? 0) >= window.capacity) throw new BookingRefused("full");
  let booking: typeof bookings.$inferSelect | undefined;
  try {
    [booking] = await tx
      .insert(bookings)
      .values({
        availabilityId: window.id,
        associationId: window.associationId,
        dataControllerId: window.dataControllerId,
        initiativeId: window.initiativeId,
        participantId: account.participantId,
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        status: "bokad",
        bookedBy,
      })
      .returning();
  } catch (error) {
    // the same person booking the same start in another window at the same moment
    if (isUniqueViolation(error, "bookings_participant_time_unique"))
      throw new BookingRefused("alreadyBooked");
    throw error;
  }
  if (!booking) throw new Error("insert returned nothing");
  await logBookingChange(tx, actor, booking);
  return { booking, window };
}

/** A booking's change in the register's access log. */
const logBookingChange = (
  tx: Tx,
  actor: RegisterActor,
  booking: { associationId: string; dataControllerId: string; participantId: string },
) =>
  logAccess(tx, actor, {
    associationId: booking.associationId,
    dataControllerId: booking.dataControllerId,
    participantId: booking.participantId,
    action: "change",
    fields: ["booking"],
  });

/** Cancels one of the participant's own bookings inside a register transaction. */
async function cancelIn(
  tx: Tx,
  account: PortalAccount,
  actor: RegisterActor,
  bookingId: string,
  now: Date,
): Promise<{
  booking: typeof bookings.$inferSelect;
  window: typeof availability.$inferSelect;
}> {
  if (!UUID.test(bookingId)) throw new BookingRefused("notFound");
  // the booking's row only: the window is locked by whoever books in it
  const [current] = await tx
    .select()
    .from(bookings)
    .where(and(eq(bookings.id, bookingId), eq(bookings.participantId, account.participantId)))
    .for("update");
  if (!current) throw new BookingRefused("notFound");
  if (current.status !== "bokad") throw new BookingRefused("notBooked");
  if (current.startsAt <= now) throw new BookingRefused("started");
  const [window] = await tx
    .select()
    .from(availability)
    .where(eq(availability.id, current.availabilityId));
  if (!window) throw new BookingRefused("notFound");
  const [booking] = await tx
    .update(bookings)
    .set({ status: "avbokad", cancelledAt: now, version: current.version + 1 })
    .where(eq(bookings.id, current.id))
    .returning();
  if (!booking) throw new Error("update returned nothing");
  await logBookingChange(tx, actor, booking);
  return { booking, window };
}

/**
 * Books a time for the signed-in participant. Refused with a code (BookingRefused) when the
 * time has passed, is not one of the window's times, the window is cancelled, every place is
 * taken or the participant already has a booking then; nothing is written in that case.
 */
export async function book(
  db: Db,
  crypto: RegisterCrypto,
  account: PortalAccount,
  availabilityId: string,
  startsAt: string | Date,
  now = new Date(),
  requestId: string | null = null,
): Promise<BookingResult> {
  return inRegister(db, portalScope(account), async (tx) => {
    const actor = participantActor(account, requestId);
    const { booking, window } = await bookIn(tx, account, actor, availabilityId, startsAt, now);
    const messageQueued = await notify(tx, crypto, "booked", booking, window);
    return {
      bookingId: booking.id,
      startsAt: booking.startsAt,
      endsAt: booking.endsAt,
      title: window.title,
      messageQueued,
    };
  });
}

/**
 * Staff book a time for a participant enrolled on the initiative — someone without a phone, or
 * at a meeting: the same checks and the same lock as the participant's own booking, recorded as
 * booked by staff, and the same confirmation to the participant if they have a contact.
 */
export async function bookForParticipant(
  db: Db,
  crypto: RegisterCrypto,
  access: RegisterAccess,
  input: { initiativeId: string; participantId: string; availabilityId: string; startsAt: string },
  now = new Date(),
): Promise<BookingResult> {
  if (!UUID.test(input.participantId) || !UUID.test(input.initiativeId))
    throw new BookingRefused("notFound");
  return inRegister(db, access.scope, async (tx) => {
    const [enrolled] = await tx
      .select({ dataControllerId: enrollments.dataControllerId })
      .from(enrollments)
      .where(
        and(
          eq(enrollments.participantId, input.participantId),
          eq(enrollments.initiativeId, input.initiativeId),
          eq(enrollments.voided, false),
        ),
      )
      .limit(1);
    if (!enrolled) throw new BookingRefused("notFound");
    const who: Booker = {
      participantId: input.participantId,
      dataControllerId: enrolled.dataControllerId,
      initiativeIds: [input.initiativeId],
    };
    const { booking, window } = await bookIn(
      tx,
      who,
      access.actor,
      input.availabilityId,
      input.startsAt,
      now,
      "personal",
    );
    const messageQueued = await notify(tx, crypto, "booked", booking, window);
    return {
      bookingId: booking.id,
      startsAt: booking.startsAt,
      endsAt: booking.endsAt,
      title: window.title,
      messageQueued,
    };
  });
}

/** Cancels one of the participant's own bookings, before its time begins. */
export async function cancel(
  db: Db,
  crypto: RegisterCrypto,
  account: PortalAccount,
  bookingId: string,
  now = new Date(),
  requestId: string | null = null,
): Promise<{ messageQueued: boolean }> {
  return inRegister(db, portalScope(account), async (tx) => {
    const actor = participantActor(account, requestId);
    const { booking, window } = await cancelIn(tx, account, actor, bookingId, now);
    return { messageQueued: await notify(tx, crypto, "cancelled", booking, window) };
  });
}

/**
 * Moves a booking to another time: the old one cancelled and the new one booked in one
 * transaction, so when the new time is refused the old booking stays as it was.
 */
export async function rebook(
  db: Db,
  crypto: RegisterCrypto,
  account: PortalAccount,
  bookingId: string,
  availabilityId: string,
  startsAt: string | Date,
  now = new Date(),
  requestId: string | null = null,
): Promise<BookingResult> {
  return inRegister(db, portalScope(account), async (tx) => {
    const actor = participantActor(account, requestId);
    await cancelIn(tx, account, actor, bookingId, now);
    const { booking, window } = await bookIn(tx, account, actor, availabilityId, startsAt, now);
    const messageQueued = await notify(tx, crypto, "rebooked", booking, window);
    return {
      bookingId: booking.id,
      startsAt: booking.startsAt,
      endsAt: booking.endsAt,
      title: window.title,
      messageQueued,
    };
  });
}

// ── Reminders (src/portal/reminders.ts) ──────────────────────────────────────────────────────

/** Queues the reminder of one booking; used by the reminder job inside its transaction. */
export async function queueReminder(
  tx: Tx,
  crypto: RegisterCrypto,
  booking: typeof bookings.$inferSelect,
  window: MessageWindow,
): Promise<boolean> {
  return notify(tx, crypto, "reminder", booking, window);
}
