// English texts of the staff pages for the portal: published availability and bookings; spread into en.ts.
import type { portalBookingSv } from "./portal-booking.sv.ts";

export const portalBookingEn: Record<keyof typeof portalBookingSv, string> = {};
