// English texts of the staff pages for the portal: the portal's usage figures; spread into en.ts.
import type { portalUsageSv } from "./portal-usage.sv.ts";

export const portalUsageEn: Record<keyof typeof portalUsageSv, string> = {
  "portalStaff.usage.title": "Use of the portal",
  "portalStaff.usage.intro":
    "How the participants of {initiative} use the participant portal: people logged in per month and bookings. The figures pass the association's disclosure control, so no single participant can be singled out.",
  "portalStaff.usage.link": "Use of the portal (sign-ins and bookings per month)",
  "portalStaff.usage.back": "Back to the initiative",
  "portalStaff.usage.period.legend": "Period",
  "portalStaff.usage.period.from": "First month (YYYY-MM)",
  "portalStaff.usage.period.to": "Last month (YYYY-MM)",
  "portalStaff.usage.period.hint": "For example 2026-01. At most 60 months at a time.",
  "portalStaff.usage.period.submit": "Show the period",
  "portalStaff.usage.period.shown": "Showing {from} – {to}.",
  "portalStaff.usage.problem": "The period cannot be shown",
  "portalStaff.usage.column.month": "Month",
  "portalStaff.usage.column.kvinnor": "Women",
  "portalStaff.usage.column.man": "Men",
  "portalStaff.usage.column.totalt": "Total",
  "portalStaff.usage.total": "Whole period",
  "portalStaff.usage.definition": "Definition",
  "portalStaff.usage.marks.heading": "How to read the tables",
  "portalStaff.usage.marks.few":
    '"< {threshold}" means that fewer than {threshold} people or bookings are counted (0 included, unless the association chose to show 0). The exact number is not shown.',
  "portalStaff.usage.marks.fewZero":
    '"< {threshold}" means 1–{max} people or bookings. The exact number is not shown.',
  "portalStaff.usage.marks.secondary":
    '".." means that the figure is hidden so that a hidden count cannot be worked out from the totals.',
  "portalStaff.usage.marks.off":
    "The association has turned disclosure control off (threshold 0): all counts are shown as they are.",
  "portalStaff.usage.disclosure.heading": "Hidden figures",
  "portalStaff.usage.genderNote":
    "The Total column counts everyone: women, men and participants of another gender, who do not want to state it or whose gender is not recorded. So Total can be larger than women and men together.",
  "portalStaff.usage.leftOut":
    '{count, plural, one {# total is} other {# totals are}} shown as ".." since hidden figures could otherwise be worked out.',
  "portalStaff.usage.table.inloggade.title": "Participants logged in per month",
  "portalStaff.usage.table.inloggade.definition":
    "The number of participants who logged in to the portal at least once during the month (Swedish time), on the initiative or initiatives shown. A person counts once per month however often they logged in. The months are not added up: the same person may count in several months. Gender as in the participant register.",
  "portalStaff.usage.table.nya.title": "Of whom new",
  "portalStaff.usage.table.nya.definition":
    "Those logged in whose first sign-in ever to the portal, on the initiative or initiatives shown, was during the month.",
  "portalStaff.usage.table.aterkommande.title": "Of whom returning",
  "portalStaff.usage.table.aterkommande.definition":
    "Those logged in who had already logged in to the portal in an earlier month. New and returning together are everyone logged in that month.",
  "portalStaff.usage.bookings.title": "Bookings per month",
  "portalStaff.usage.bookings.definition":
    "The number of bookings in the portal (by the participant or by staff for them), not the number of people. A person can have several bookings. The row Whole period is the sum of the months.",
  "portalStaff.usage.bookings.made": "Made",
  "portalStaff.usage.bookings.made.definition":
    "Bookings made during the month, whatever happened to them later.",
  "portalStaff.usage.bookings.kept": "Kept",
  "portalStaff.usage.bookings.kept.definition":
    "Booked times in the month that staff marked as attended.",
  "portalStaff.usage.bookings.missed": "Missed",
  "portalStaff.usage.bookings.missed.definition":
    "Booked times in the month that staff marked as not attended.",
  "portalStaff.usage.bookings.cancelled": "Cancelled",
  "portalStaff.usage.bookings.cancelled.definition": "Bookings cancelled during the month.",
  "portalStaff.usage.caption": "{title}, {from} – {to}",
  "portalStaff.usage.error.from.format": "Write the first month as YYYY-MM, for example 2026-01.",
  "portalStaff.usage.error.to.format": "Write the last month as YYYY-MM, for example 2026-12.",
  "portalStaff.usage.error.to.order": "The last month cannot be before the first. Swap the months.",
  "portalStaff.usage.error.to.tooLong": "Choose at most 60 months at a time.",
  "portalStaff.usage.hiddenPrimary": "fewer than {threshold}, not shown",
  "portalStaff.usage.hiddenSecondary": "hidden figure",
};
