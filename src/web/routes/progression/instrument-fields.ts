// The draft form's row counts, read from its fields (item_count, subscale_count) — shared by the
// page (in the browser too) and instrument-form.server.ts. Never more than one past the limit, so
// a forged count cannot make the server draw a huge form.
import { MAX_ITEMS, MAX_SUBSCALES } from "../../../progression/instrument-limits.ts";

const count = (s: string | undefined, max: number) => {
  const n = Number(s);
  return Number.isInteger(n) && n >= 0 ? Math.min(n, max) : 0;
};

export const itemCount = (v: Record<string, string>) => count(v.item_count, MAX_ITEMS + 1);
export const subscaleCount = (v: Record<string, string>) =>
  count(v.subscale_count, MAX_SUBSCALES + 1);
