// Three moments near Swedish midnight, and what a search by Swedish days must find of them:
// the access log's and the audit log's date searches are checked with the same table.
import { expect } from "vitest";

/** 00:30 in Sweden in winter and in summer time (the UTC day before), and 23:59 in summer. */
export const NIGHT_MOMENTS = [
  "2026-03-10T23:30:00.000Z", // 2026-03-11 00:30 in Sweden (winter time)
  "2026-07-10T22:30:00.000Z", // 2026-07-11 00:30 (summer time)
  "2026-07-11T21:59:00.000Z", // 2026-07-11 23:59
] as const;

/** `on(from, to)` lists the moments found for those days (ÅÅÅÅ-MM-DD), newest first. */
export async function expectSwedishDays(
  on: (from: string, to?: string) => Promise<string[]>,
): Promise<void> {
  expect(await on("2026-03-10")).toEqual([]);
  expect(await on("2026-03-11")).toEqual([NIGHT_MOMENTS[0]]);
  expect(await on("2026-07-10")).toEqual([]);
  expect(await on("2026-07-11")).toEqual([NIGHT_MOMENTS[2], NIGHT_MOMENTS[1]]);
  expect(await on("2026-07-12")).toEqual([]);
  expect(await on("2026-03-11", "2026-07-11")).toHaveLength(3);
}
