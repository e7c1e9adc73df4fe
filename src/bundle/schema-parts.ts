// The small pieces the association bundle's schema is built from (bundle-schema.ts for the
// register and the applications, report-schema.ts for the reporting side): org numbers, dates,
// times, keys, amounts and texts, each with its Swedish message.
import * as z from "zod";

export const MAX_INT = 2_147_483_647;

export const DATE_ERROR = "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-01-15.";

export const orgNumber = z
  .string()
  .regex(/^\d{6}-\d{4}$/, { error: "Skriv organisationsnumret som NNNNNN-NNNN." })
  .meta({ description: "Organisationsnummer, NNNNNN-NNNN.", examples: ["212000-0274"] });

/** A date that may be missing (null). */
export const isoDate = z.iso.date({ error: DATE_ERROR }).nullable().default(null);

/** A date that must be there. */
export const requiredDate = z.iso.date({ error: DATE_ERROR });

export const count = z.number().int().min(0).max(MAX_INT).nullable().default(null);

export const percent = z.number().int().min(0).max(100).nullable().default(null);

export const timestamp = z.iso
  .datetime({
    offset: true,
    error: "Skriv tidpunkten som ÅÅÅÅ-MM-DDTtt:mm:ss.sssZ, till exempel 2026-03-02T09:15:00.000Z.",
  })
  .meta({ description: "Tidpunkt enligt ISO 8601, t.ex. 2026-03-02T09:15:00.000Z." });

/**
 * A timestamp as Samspår writes it (UTC with milliseconds), whatever offset the file used: the
 * reporting side compares times with the stored ones.
 */
export const instant = timestamp.overwrite((value) => new Date(value).toISOString());

export const key = (description: string) =>
  z
    .guid({ error: "Nyckeln ska vara ett UUID, t.ex. 0b6f3c1e-2d4a-4c8e-9f10-3a5b7c9d1e2f." })
    .meta({ description });

/** A key in lower case, as the database gives it back. */
export const lowerKey = (description: string) =>
  key(description).overwrite((value) => value.toLowerCase());

export const kronor = z
  .number({ error: "Skriv beloppet som ett heltal i kronor, t.ex. 450000." })
  .int({ error: "Skriv beloppet som ett heltal i kronor, t.ex. 450000." })
  .min(0)
  .max(Number.MAX_SAFE_INTEGER)
  .meta({ description: "Hela kronor." });

export const year = z.number().int().min(2000).max(2100).meta({ description: "Året, t.ex. 2027." });

export const text = z.string().default("");
export const optionalText = z.string().nullable().default(null);
