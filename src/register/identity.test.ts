import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatFull,
  formatMasked,
  luhnCheckDigit,
  type PersonalNumberResult,
  parsePersonalNumber,
} from "./identity.ts";

const TODAY = "2026-11-23";

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** A valid number for a real birth date, as ten digits ÅÅMMDDNNNC and the century. */
function build(
  year: number,
  month: number,
  day: number,
  serial: number,
  kind: "personnummer" | "samordningsnummer",
) {
  const typedDay = kind === "samordningsnummer" ? day + 60 : day;
  const nine = `${pad(year % 100, 2)}${pad(month, 2)}${pad(typedDay, 2)}${pad(serial, 3)}`;
  const ten = `${nine}${luhnCheckDigit(nine)}`;
  return { ten, canonical: `${pad(Math.floor(year / 100), 2)}${ten}` };
}

function ok(result: PersonalNumberResult) {
  if (!result.ok) throw new Error(`Väntade ett giltigt nummer, fick: ${result.message}`);
  return result.value;
}

function refused(result: PersonalNumberResult) {
  if (result.ok) throw new Error(`Väntade ett avvisat nummer, fick ${result.value.canonical}`);
  return result;
}

const DAY_MS = 86_400_000;
const isoOfDay = (epochDay: number) => new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
const epochDayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/** today between 2000 and 2090, a real birth date between 1900-01-01 and today, serial, kind. */
const validNumber = fc
  .integer({ min: epochDayOf("2000-01-01"), max: epochDayOf("2090-12-31") })
  .chain((todayDay) =>
    fc.record({
      today: fc.constant(isoOfDay(todayDay)),
      birth: fc.integer({ min: epochDayOf("1900-01-01"), max: todayDay }).map(isoOfDay),
      serial: fc.integer({ min: 0, max: 999 }),
      kind: fc.constantFrom("personnummer" as const, "samordningsnummer" as const),
    }),
  )
  .map(({ today, birth, serial, kind }) => {
    const [year, month, day] = birth.split("-").map(Number) as [number, number, number];
    const { ten, canonical } = build(year, month, day, serial, kind);
    // Skatteverket writes "+" from the year the person turns 100.
    const sign = year <= Number(today.slice(0, 4)) - 100 ? "+" : "-";
    return { today, birth, year, kind, ten, canonical, sign };
  });

describe("luhnCheckDigit", () => {
  it("gives the check digit of known numbers and refuses anything but nine digits", () => {
    expect(luhnCheckDigit("811218987")).toBe(6); // 811218-9876, Skatteverket's example
    expect(luhnCheckDigit("121212121")).toBe(2); // 121212-1212
    expect(luhnCheckDigit("556036079")).toBe(3); // organisation number 556036-0793
    expect(() => luhnCheckDigit("81121898")).toThrow();
    expect(() => luhnCheckDigit("81121898a")).toThrow();
  });
});

describe("parsePersonalNumber: properties", () => {
  it("reads every valid number the same way in all accepted forms", () => {
    fc.assert(
      fc.property(validNumber, ({ today, birth, year, kind, ten, canonical, sign }) => {
        const forms = [
          canonical,
          `${canonical.slice(0, 8)}-${canonical.slice(8)}`,
          `${ten.slice(0, 6)}${sign}${ten.slice(6)}`,
          ` \t${canonical}\n`,
        ];
        if (sign === "-") forms.push(ten);
        for (const form of forms) {
          const value = ok(parsePersonalNumber(form, today));
          expect(value.canonical).toBe(canonical);
          expect(value.kind).toBe(kind);
          expect(value.birthDate).toBe(birth);
          expect(value.birthYear).toBe(year);
          expect(value.legalSex).toBe(Number(ten[8]) % 2 === 0 ? "kvinna" : "man");
        }
      }),
      { numRuns: 500 },
    );
  });

  it("refuses a valid number with any one of its ten checked digits changed", () => {
    fc.assert(
      fc.property(
        validNumber,
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        ({ today, ten, canonical, sign }, position, shift) => {
          const changed = (Number(ten[position]) + shift) % 10;
          const wrongTen = `${ten.slice(0, position)}${changed}${ten.slice(position + 1)}`;
          const short = refused(
            parsePersonalNumber(`${wrongTen.slice(0, 6)}${sign}${wrongTen.slice(6)}`, today),
          );
          expect(["format", "date", "checksum", "future"]).toContain(short.part);
          // The long form: the same digit, after the two century digits.
          const long = refused(parsePersonalNumber(`${canonical.slice(0, 2)}${wrongTen}`, today));
          expect(["date", "checksum", "future"]).toContain(long.part);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("never shows the last four digits in the masked form", () => {
    fc.assert(
      fc.property(validNumber, fc.integer({ min: 0, max: 9999 }), ({ canonical }, other) => {
        const masked = formatMasked(canonical);
        expect(masked).toBe(`${canonical.slice(0, 8)}-XXXX`);
        expect(masked.slice(8)).not.toMatch(/\d/);
        // The masked form depends on the date part only: another serial masks the same way.
        expect(formatMasked(`${canonical.slice(0, 8)}${pad(other, 4)}`)).toBe(masked);
        expect(formatFull(canonical)).toBe(`${canonical.slice(0, 8)}-${canonical.slice(8)}`);
      }),
      { numRuns: 300 },
    );
  });
});

describe("parsePersonalNumber: by hand", () => {
  it("reads a personnummer in each form", () => {
    for (const form of ["811218-9876", "8112189876", "198112189876", "19811218-9876"]) {
      expect(parsePersonalNumber(form, TODAY)).toEqual({
        ok: true,
        value: {
          canonical: "198112189876",
          kind: "personnummer",
          birthDate: "1981-12-18",
          birthYear: 1981,
          legalSex: "man",
        },
      });
    }
    expect(ok(parsePersonalNumber("  121212-1212  ", TODAY))).toMatchObject({
      canonical: "201212121212",
      birthDate: "2012-12-12",
      legalSex: "man",
    });
    const woman = build(1985, 3, 12, 124, "personnummer");
    expect(ok(parsePersonalNumber(woman.canonical, TODAY)).legalSex).toBe("kvinna");
  });

  it("accepts the leap day 2000-02-29 and refuses 1900-02-29", () => {
    const leap = build(2000, 2, 29, 123, "personnummer");
    expect(ok(parsePersonalNumber(`20${leap.ten}`, TODAY)).birthDate).toBe("2000-02-29");
    expect(ok(parsePersonalNumber(leap.ten, TODAY)).birthDate).toBe("2000-02-29");

    const notLeap = refused(parsePersonalNumber(`19${leap.ten}`, TODAY));
    expect(notLeap).toEqual({
      ok: false,
      part: "date",
      message: "Datumdelen 19000229 finns inte: februari 1900 har 28 dagar.",
    });
    // The same short number with "+" means 1900: refused for the same reason.
    const plus = refused(
      parsePersonalNumber(`${leap.ten.slice(0, 6)}+${leap.ten.slice(6)}`, TODAY),
    );
    expect(plus.part).toBe("date");
    expect(plus.message).toContain("februari 1900 har 28 dagar");

    const feb30 = refused(parsePersonalNumber("19850230-1234", TODAY));
    expect(feb30.message).toBe("Datumdelen 19850230 finns inte: februari 1985 har 28 dagar.");
  });

  it("reads a samordningsnummer: day plus 60, 61–91", () => {
    const first = build(1985, 3, 1, 456, "samordningsnummer");
    expect(first.ten.slice(4, 6)).toBe("61");
    expect(ok(parsePersonalNumber(first.ten, TODAY))).toEqual({
      canonical: "198503614565",
      kind: "samordningsnummer",
      birthDate: "1985-03-01",
      birthYear: 1985,
      legalSex: "kvinna", // 45[6]5: even
    });
    const last = build(1990, 1, 31, 220, "samordningsnummer");
    expect(ok(parsePersonalNumber(`19${last.ten}`, TODAY))).toMatchObject({
      canonical: `19${last.ten}`,
      kind: "samordningsnummer",
      birthDate: "1990-01-31",
      legalSex: "kvinna",
    });

    // 91 in April is the 31st of April.
    const april = refused(parsePersonalNumber(`19900491-${pad(2201, 4)}`, TODAY));
    expect(april.part).toBe("date");
    expect(april.message).toBe(
      "Datumdelen 19900491 finns inte: i ett samordningsnummer är dagen ökad med 60, så 91 betyder den 31 april, och april 1990 har 30 dagar.",
    );
    for (const day of ["00", "32", "60", "92", "99"]) {
      const result = refused(parsePersonalNumber(`199001${day}-2201`, TODAY));
      expect(result.part).toBe("date");
      expect(result.message).toContain("ska vara 01–31, eller 61–91 i ett samordningsnummer");
    }
  });

  it("reads the century of short forms from today, and '+' as 100 years or older", () => {
    const cases: [number, number, number, string][] = [
      [1926, 12, 1, "+"], // turns 100 this year: Skatteverket already writes "+"
      [1926, 12, 1, "-"], // 2026-12-01 is in the future, so "-" can only mean 1926 too
      [2026, 11, 23, "-"], // born today
      [1926, 11, 23, "+"],
      [1926, 11, 24, "+"],
      [1915, 1, 1, "+"],
      [1827, 6, 1, "+"],
      [1927, 6, 1, "-"],
      [2000, 1, 1, "-"],
    ];
    for (const [year, month, day, sign] of cases) {
      const { ten } = build(year, month, day, 321, "personnummer");
      const value = ok(parsePersonalNumber(`${ten.slice(0, 6)}${sign}${ten.slice(6)}`, TODAY));
      expect(value.birthYear, `${ten} ${sign}`).toBe(year);
    }
    // Without "+", someone born in November 1926 on or before today reads as born in 2026.
    const old = build(1926, 11, 23, 321, "personnummer");
    expect(ok(parsePersonalNumber(old.ten, TODAY)).birthYear).toBe(2026);
  });

  it("refuses a birth date in the future", () => {
    const tomorrow = build(2026, 11, 24, 123, "personnummer");
    expect(refused(parsePersonalNumber(`20${tomorrow.ten}`, TODAY))).toEqual({
      ok: false,
      part: "future",
      message:
        "Födelsedatumet 2026-11-24 ligger i framtiden. Kontrollera årtalet och datumet. Skriv numret som ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN.",
    });
    const future = build(2030, 1, 1, 123, "samordningsnummer");
    expect(refused(parsePersonalNumber(`20${future.ten}`, TODAY)).part).toBe("future");
    const today = build(2026, 11, 23, 123, "personnummer");
    expect(ok(parsePersonalNumber(`20${today.ten}`, TODAY)).birthDate).toBe(TODAY);
  });

  it("refuses letters, wrong lengths and misplaced signs with the form to use", () => {
    const formats: [string, string][] = [
      ["", "Fyll i personnummer eller samordningsnummer."],
      ["   ", "Fyll i personnummer eller samordningsnummer."],
      ["81121B-9876", "får bara innehålla siffror"],
      ["abc", "får bara innehålla siffror"],
      ["811218 9876", "får bara innehålla siffror"],
      ["811218–9876", "får bara innehålla siffror"], // en dash
      ["811218-987", "har 9 siffror men ska ha 10 eller 12"],
      ["81121898766", "har 11 siffror men ska ha 10 eller 12"],
      ["1981121898766", "har 13 siffror men ska ha 10 eller 12"],
      ["19811218+9876", "Plustecknet används bara i den korta formen"],
      ["8112-189876", "står på fel ställe"],
      ["811218--9876", "bara ha ett bindestreck"],
    ];
    for (const [input, expected] of formats) {
      const result = refused(parsePersonalNumber(input, TODAY));
      expect(result.part, input).toBe("format");
      expect(result.message, input).toContain(expected);
      expect(result.message, input).toMatch(/ÅÅÅÅMMDD-NNNN/);
    }
  });

  it("refuses a month out of range and a century the check digit does not cover", () => {
    const month = refused(parsePersonalNumber("19851312-1234", TODAY));
    expect(month).toMatchObject({ part: "date" });
    expect(month.message).toBe(
      "Datumdelen 19851312 finns inte: månaden (siffrorna 13) ska vara 01–12.",
    );
    expect(refused(parsePersonalNumber("850012-1234", TODAY)).part).toBe("date");
    // 09811218-9876 has the right check digit (the century is outside it) but is no birth year.
    const century = refused(parsePersonalNumber("09811218-9876", TODAY));
    expect(century.part).toBe("date");
    expect(century.message).toContain("Årtalet 0981 är inte möjligt");
    expect(refused(parsePersonalNumber("21011218-9876", TODAY)).part).toBe("date");
    expect(ok(parsePersonalNumber("18811218-9876", TODAY)).birthYear).toBe(1881);
  });

  it("refuses a check digit off by one and says which digit is expected", () => {
    for (const wrong of ["811218-9875", "811218-9877", "198112189877"]) {
      const result = refused(parsePersonalNumber(wrong, TODAY));
      expect(result.part).toBe("checksum");
      expect(result.message).toMatch(
        /^Kontrollsiffran stämmer inte: numret slutar på [57] men ska sluta på 6 om resten stämmer\./,
      );
      expect(result.message).not.toContain("9876");
      expect(result.message).not.toContain("811218");
    }
  });

  it("refuses a malformed today and non-canonical values to format", () => {
    expect(() => parsePersonalNumber("811218-9876", "2026-11-2")).toThrow();
    expect(() => formatMasked("811218-9876")).toThrow();
    expect(() => formatFull("19811218987")).toThrow();
  });
});
