// Tests of the i18n module: Swedish formatting, message catalogues, translation and language choice.
import fc from "fast-check";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
  formatPercent,
  formatThousandKronor,
  roundToThousands,
  sumKronor,
} from "./format.ts";
import { directionOf, intlLocaleOf, LOCALES } from "./locales.ts";
import { en } from "./messages/en.ts";
import { sv } from "./messages/sv.ts";
import { createTranslator, type MessageKey, negotiateLocale } from "./translate.ts";

const NBSP = "\u00a0";
const MINUS = "\u2212";

/** Reads a formatted amount back: drops group spaces and the unit, accepts either minus sign. */
function parseKronor(text: string): number {
  const digits = text
    .replace(/kr$/, "")
    .replace(/[\u00a0 ]/g, "")
    .replace(MINUS, "-");
  if (!/^-?\d+$/.test(digits)) throw new Error(`Not an amount: ${JSON.stringify(text)}`);
  return Number(digits);
}

describe("formatMoney", () => {
  it("formats whole kronor the Swedish way, with no-break spaces", () => {
    expect(formatMoney(1420000)).toBe(`1${NBSP}420${NBSP}000${NBSP}kr`);
    expect(formatMoney(0)).toBe(`0${NBSP}kr`);
    expect(formatMoney(999)).toBe(`999${NBSP}kr`);
    expect(formatMoney(1000)).toBe(`1${NBSP}000${NBSP}kr`);
  });

  it("uses the minus sign U+2212 in Swedish and the hyphen-minus in English", () => {
    expect(formatMoney(-5)).toBe(`${MINUS}5${NBSP}kr`);
    expect(formatMoney(-1420000, "en")).toBe(`-1${NBSP}420${NBSP}000${NBSP}kr`);
  });

  it("never shows minus zero", () => {
    expect(formatMoney(-0)).toBe(`0${NBSP}kr`);
  });

  it("rejects amounts that are not whole kronor", () => {
    expect(() => formatMoney(10.5)).toThrow(RangeError);
    expect(() => formatMoney(Number.NaN)).toThrow(RangeError);
    expect(() => formatMoney(2 ** 53)).toThrow(RangeError);
  });

  it("uses Latin digits also for Arabic", () => {
    const text = formatMoney(1420000, "ar");
    expect(text).toMatch(/1.?420.?000/);
    expect(text).not.toMatch(/[\u0660-\u0669\u06f0-\u06f9]/);
  });

  it("reads back as the same amount for any safe integer, in Swedish and English", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        const text = formatMoney(n);
        expect(text.endsWith(`${NBSP}kr`)).toBe(true);
        expect(text).not.toContain(" "); // only no-break spaces, never a breaking one
        expect(parseKronor(text)).toBe(n);
        expect(parseKronor(formatMoney(n, "en"))).toBe(n);
      }),
      { numRuns: 500 },
    );
  });
});

describe("formatThousandKronor", () => {
  it("rounds to whole thousands, half away from zero", () => {
    expect(formatThousandKronor(2988500)).toBe(`2${NBSP}989${NBSP}tkr`);
    expect(formatThousandKronor(2989499)).toBe(`2${NBSP}989${NBSP}tkr`);
    expect(formatThousandKronor(2988499)).toBe(`2${NBSP}988${NBSP}tkr`);
    expect(formatThousandKronor(-2988500)).toBe(`${MINUS}2${NBSP}989${NBSP}tkr`);
    expect(formatThousandKronor(-500)).toBe(`${MINUS}1${NBSP}tkr`);
    expect(formatThousandKronor(-499)).toBe(`0${NBSP}tkr`);
    expect(formatThousandKronor(2988500, "en")).toBe(`2${NBSP}989${NBSP}kSEK`);
  });

  it("rounds exactly for any safe integer", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        const big = BigInt(n);
        const magnitude = big < 0n ? -big : big;
        const rounded = (magnitude + 500n) / 1000n;
        expect(roundToThousands(n)).toBe(Number(big < 0n ? -rounded : rounded));
      }),
      { numRuns: 500 },
    );
  });
});

describe("formatPercent and formatNumber", () => {
  it("formats a ratio as a percentage with a no-break space", () => {
    expect(formatPercent(0.93)).toBe(`93${NBSP}%`);
    expect(formatPercent(0.9349, 1)).toBe(`93,5${NBSP}%`);
    expect(formatPercent(1)).toBe(`100${NBSP}%`);
    expect(formatPercent(0.5, 2)).toBe(`50,00${NBSP}%`);
  });

  it("formats numbers with Swedish grouping and decimal comma", () => {
    expect(formatNumber(12345.5)).toBe(`12${NBSP}345,5`);
    expect(formatNumber(-12)).toBe(`${MINUS}12`);
    expect(formatNumber(1234, "ar")).not.toMatch(/[\u0660-\u0669]/);
    expect(() => formatNumber(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe("sumKronor", () => {
  it("sums whole kronor", () => {
    expect(sumKronor([])).toBe(0);
    expect(sumKronor([1420000, -20000, 5])).toBe(1400005);
  });

  it("throws on anything that is not a safe integer", () => {
    expect(() => sumKronor([1, 0.1])).toThrow(/nummer 2/);
    expect(() => sumKronor([Number.NaN])).toThrow(RangeError);
    expect(() => sumKronor([Number.POSITIVE_INFINITY])).toThrow(RangeError);
    expect(() => sumKronor([2 ** 53])).toThrow(RangeError);
    expect(() => sumKronor([Number.MAX_SAFE_INTEGER, 1])).toThrow(/Summan/);
  });

  it("equals the exact sum whenever that sum is safe", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), { maxLength: 50 }),
        (values) => {
          const exact = values.reduce((sum, v) => sum + BigInt(v), 0n);
          expect(sumKronor(values)).toBe(Number(exact));
        },
      ),
    );
  });
});

describe("formatDate and formatDateTime", () => {
  it("shows dates in Swedish time: 23:30 UTC on 31 March is 1 April in Stockholm", () => {
    expect(formatDate(new Date("2026-03-31T23:30:00Z"))).toBe("2026-04-01");
    expect(formatDateTime(new Date("2026-03-31T23:30:00Z"))).toBe("2026-04-01 01:30");
    expect(formatDate("2026-03-31T23:30:00Z")).toBe("2026-04-01");
  });

  it("follows summer and winter time", () => {
    // Summer time (UTC+2).
    expect(formatDateTime("2026-07-15T21:59:00Z")).toBe("2026-07-15 23:59");
    expect(formatDateTime("2026-07-15T22:00:00Z")).toBe("2026-07-16 00:00");
    expect(formatDate(new Date("2026-07-15T22:00:00Z"))).toBe("2026-07-16");
    // Winter time (UTC+1).
    expect(formatDateTime("2026-01-15T22:30:00Z")).toBe("2026-01-15 23:30");
    expect(formatDateTime("2026-01-15T23:00:00Z")).toBe("2026-01-16 00:00");
    // The switch on 29 March 2026: 02:00 CET becomes 03:00 CEST.
    expect(formatDateTime("2026-03-29T00:59:00Z")).toBe("2026-03-29 01:59");
    expect(formatDateTime("2026-03-29T01:00:00Z")).toBe("2026-03-29 03:00");
    // Offsets in the input are honoured.
    expect(formatDateTime("2026-07-16T00:30:00+02:00")).toBe("2026-07-16 00:30");
  });

  it("shows midnight as 00, not 24", () => {
    expect(formatDateTime("2026-05-31T22:00:00Z")).toBe("2026-06-01 00:00");
  });

  it("keeps a date-only string as the calendar date it is", () => {
    expect(formatDate("2026-04-01")).toBe("2026-04-01");
    expect(formatDate("2024-02-29")).toBe("2024-02-29");
    expect(() => formatDate("2026-02-30")).toThrow(RangeError);
  });

  it("rejects invalid dates and date-times without a time zone", () => {
    expect(() => formatDate(new Date("nonsense"))).toThrow(RangeError);
    expect(() => formatDate("igår")).toThrow(RangeError);
    expect(() => formatDateTime("2026-03-31T23:30:00")).toThrow(RangeError);
    expect(() => formatDateTime("2026-04-01")).toThrow(RangeError);
  });
});

describe("locales", () => {
  it("maps languages to Intl tags and writing directions", () => {
    expect(intlLocaleOf("sv")).toBe("sv-SE");
    expect(intlLocaleOf("en")).toBe("en-SE");
    expect(directionOf("sv")).toBe("ltr");
    expect(directionOf("ar-SE")).toBe("rtl");
  });
});

/** The names of the arguments a message uses, e.g. ["count"], from its parsed form. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: unknown): void => {
    for (const element of elements as {
      type: number;
      value?: unknown;
      options?: Record<string, { value: unknown }>;
    }[]) {
      if (element.type >= 1 && element.type <= 6 && typeof element.value === "string")
        names.add(element.value);
      for (const option of Object.values(element.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, "sv-SE", undefined, { ignoreTag: true }).getAst());
  return [...names].sort();
}

describe("message catalogues", () => {
  const svKeys = Object.keys(sv) as MessageKey[];

  it("has an English text for every Swedish key, and no extra keys", () => {
    expect(Object.keys(en).sort()).toEqual([...svKeys].sort());
    for (const key of svKeys) {
      expect(en[key].trim(), key).not.toBe("");
      expect(sv[key].trim(), key).not.toBe("");
    }
  });

  it("has the texts the pages rely on", () => {
    expect(sv["app.name"]).toBe("Samspår");
    expect(sv["nav.skipToContent"]).toBe("Hoppa till innehållet");
    expect(sv["role.board_member"]).toBe("Styrelseledamot/beredningsgrupp");
    expect(sv["orgKind.forsakringskassan"]).toBe("Försäkringskassan");
  });

  it("parses every message in every catalogue, with the same arguments in each language", () => {
    for (const key of svKeys) {
      const svArguments = argumentsOf(sv[key]);
      expect(argumentsOf(en[key]), key).toEqual(svArguments);
      for (const locale of LOCALES) {
        const values = Object.fromEntries(svArguments.map((name) => [name, 2]));
        const text = createTranslator(locale)(key, values);
        expect(text, `${locale} ${key}`).not.toMatch(/[{}]/);
      }
    }
  });
});

describe("createTranslator", () => {
  const t = createTranslator("sv");
  const tEn = createTranslator("en");

  it("translates plain keys", () => {
    expect(t("nav.auditLog")).toBe("Granskningslogg");
    expect(tEn("nav.auditLog")).toBe("Audit log");
  });

  it("uses plurals for 0, 1 and 5 in Swedish and English", () => {
    expect(t("people.count", { count: 0 })).toBe("Inga personer");
    expect(t("people.count", { count: 1 })).toBe("1 person");
    expect(t("people.count", { count: 5 })).toBe("5 personer");
    expect(tEn("people.count", { count: 0 })).toBe("No people");
    expect(tEn("people.count", { count: 1 })).toBe("1 person");
    expect(tEn("people.count", { count: 5 })).toBe("5 people");

    expect(t("signIn.locked", { minutes: 1 })).toContain("om 1 minut.");
    expect(t("signIn.locked", { minutes: 5 })).toContain("om 5 minuter.");
    expect(t("errors.summaryTitle", { count: 1 })).toBe("Det finns ett fel att rätta");
    expect(t("errors.summaryTitle", { count: 5 })).toBe("Det finns 5 fel att rätta");
    expect(tEn("errors.summaryTitle", { count: 0 })).toBe("There are 0 errors to correct");
  });

  it("groups large counts the Swedish way", () => {
    expect(t("people.count", { count: 1234 })).toBe(`1${NBSP}234 personer`);
  });

  it("fills in placeholders and throws when one is missing", () => {
    expect(t("errors.server", { requestId: "req-42" })).toMatch(/Felkod: req-42$/);
    expect(() => t("errors.server")).toThrow();
  });

  it("falls back to Swedish when a language lacks a key", () => {
    const { "common.save": _omitted, "people.count": _alsoOmitted, ...partialEnglish } = en;
    const partial = createTranslator("en", { sv, en: partialEnglish });
    expect(partial("common.save")).toBe("Spara");
    expect(partial("people.count", { count: 5 })).toBe("5 personer");
    expect(partial("common.cancel")).toBe("Cancel");
  });

  it("does not let the shared cache of compiled messages leak between catalogues", () => {
    expect(tEn("common.save")).toBe("Save");
    const other = createTranslator("en", { sv, en: { ...en, "common.save": "Keep" } });
    expect(other("common.save")).toBe("Keep");
    expect(tEn("common.save")).toBe("Save");
  });

  it("returns the key itself for a key no catalogue has", () => {
    expect(t("no.such.key" as MessageKey)).toBe("no.such.key");
  });
});

describe("negotiateLocale", () => {
  it("lets a valid cookie win", () => {
    expect(negotiateLocale("en", "sv-SE,sv;q=0.9")).toBe("en");
    expect(negotiateLocale("sv", "en-GB,en;q=0.9")).toBe("sv");
  });

  it("ignores an invalid cookie", () => {
    expect(negotiateLocale("xx", "en-GB")).toBe("en");
    expect(negotiateLocale("EN-us", null)).toBe("sv");
  });

  it("picks the first supported language in Accept-Language", () => {
    expect(negotiateLocale(undefined, "en-GB,en;q=0.9,sv;q=0.8")).toBe("en");
    expect(negotiateLocale(undefined, "de-DE,de;q=0.9,en;q=0.5,sv;q=0.4")).toBe("en");
    expect(negotiateLocale(undefined, "fi, sv-FI;q=0.8, en;q=0.7")).toBe("sv");
    expect(negotiateLocale(undefined, "EN-us")).toBe("en");
  });

  it("respects q-values and skips q=0", () => {
    expect(negotiateLocale(undefined, "sv;q=0.2, en;q=0.8")).toBe("en");
    expect(negotiateLocale(undefined, "en;q=0, de")).toBe("sv");
  });

  it("falls back to Swedish", () => {
    expect(negotiateLocale(undefined, null)).toBe("sv");
    expect(negotiateLocale(undefined, "")).toBe("sv");
    expect(negotiateLocale(undefined, "de-DE,fr;q=0.8,*;q=0.1")).toBe("sv");
  });
});
