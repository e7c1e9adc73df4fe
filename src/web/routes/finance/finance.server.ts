// What the money pages and downloads share on the server: the year a page is about.
import { todayInSweden } from "../../../applications/workflow.ts";
import { validYear } from "../../../finance/association-money.ts";

/** The year in ?ar=, or this year when it is missing or not a year between 2000 and 2100. */
export function yearOf(request: Request): number {
  const text = new URL(request.url).searchParams.get("ar") ?? "";
  const year = /^\d{4}$/.test(text) ? Number(text) : Number.NaN;
  return validYear(year) ? year : Number(todayInSweden().slice(0, 4));
}
