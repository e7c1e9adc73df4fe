// Tigrinya texts of the portal: Boka: times, bookings, cancelling, rebooking. Written for the purpose in plain language,
// not translated word for word; every key of the Swedish catalogue, no other.
import type { bookingSv } from "./booking.sv.ts";

export const bookingTi: Record<keyof typeof bookingSv, string> = {};
