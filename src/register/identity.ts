// Swedish personal identity numbers: personnummer and samordningsnummer. The one place that reads,
// checks and shows them.
//
// Accepted forms (surrounding whitespace is ignored):
//   ÅÅMMDD-NNNN, ÅÅMMDD+NNNN (the person is 100 or older), ÅÅMMDDNNNN (as "-"),
//   ÅÅÅÅMMDDNNNN and ÅÅÅÅMMDD-NNNN.
// A samordningsnummer is written like a personnummer with 60 added to the day (61–91).
// The last digit is a Luhn check digit over the ten-digit form ÅÅMMDDNNN; the two century digits
// of the long form are not covered by it, so a long form must start with 18, 19 or 20.
//
// Century of the short forms, relative to `today` (a date in Swedish time):
//   "-" (or no sign): the latest century in which the birth date is not in the future;
//   "+": the latest year, with those two last digits, no later than the year the person turns 100
//        (Skatteverket writes "+" from the year of the 100th birthday), i.e. a year ≤ today's − 100.
import { luhnValid } from "../platform/luhn.ts";

export type IdentityKind = "personnummer" | "samordningsnummer";
export type LegalSex = "kvinna" | "man";

export interface PersonalNumber {
  /** Twelve digits, ÅÅÅÅMMDDNNNN; for a samordningsnummer the day keeps its +60. */
  canonical: string;
  kind: IdentityKind;
  /** The real birth date, ISO (for a samordningsnummer the day minus 60). */
  birthDate: string;
  birthYear: number;
  /** From the second-to-last digit: even = kvinna, odd = man. */
  legalSex: LegalSex;
}

export type PersonalNumberProblem = "format" | "date" | "checksum" | "future";

export type PersonalNumberResult =
  | { ok: true; value: PersonalNumber }
  | { ok: false; part: PersonalNumberProblem; message: string };

const HOW_TO_WRITE = "Skriv numret som ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN.";

const MONTHS = [
  "januari",
  "februari",
  "mars",
  "april",
  "maj",
  "juni",
  "juli",
  "augusti",
  "september",
  "oktober",
  "november",
  "december",
] as const;

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** The Luhn check digit (0–9) that completes nine digits ÅÅMMDDNNN. */
export function luhnCheckDigit(nineDigits: string): number {
  if (!/^\d{9}$/.test(nineDigits)) {
    throw new Error(`luhnCheckDigit väntar sig nio siffror, fick "${nineDigits}".`);
  }
  for (let digit = 0; digit <= 9; digit++) {
    if (luhnValid(`${nineDigits}${digit}`)) return digit;
  }
  // Unreachable: exactly one digit completes any Luhn sum.
  throw new Error("Ingen kontrollsiffra hittades.");
}

function refuse(part: PersonalNumberProblem, message: string): PersonalNumberResult {
  return { ok: false, part, message };
}

function formatProblem(text: string): string {
  if (text === "") return `Fyll i personnummer eller samordningsnummer. ${HOW_TO_WRITE}`;
  if (/[^\d+-]/.test(text)) {
    return `Numret får bara innehålla siffror och ett bindestreck (plustecken för den som fyllt 100 år). ${HOW_TO_WRITE}`;
  }
  const signs = text.replace(/\d/g, "");
  if (signs.length > 1) return `Numret får bara ha ett bindestreck. ${HOW_TO_WRITE}`;
  const digits = text.replace(/\D/g, "");
  if (digits.length !== 10 && digits.length !== 12) {
    return `Numret har ${digits.length} siffror men ska ha 10 eller 12. ${HOW_TO_WRITE}`;
  }
  if (signs === "+" && digits.length === 12) {
    return "Plustecknet används bara i den korta formen ÅÅMMDD+NNNN. Med fyra siffror för året skriver du ÅÅÅÅMMDD-NNNN.";
  }
  return `Tecknet ${signs} står på fel ställe: det ska stå före de fyra sista siffrorna. ${HOW_TO_WRITE}`;
}

function parseToday(today: string): { year: number; compact: string } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  if (!match) throw new Error(`Dagens datum ska vara ÅÅÅÅ-MM-DD, fick "${today}".`);
  return { year: Number(match[1]), compact: `${match[1]}${match[2]}${match[3]}` };
}

/**
 * Reads a personnummer or samordningsnummer as a person types it. `today` is the date in Swedish
 * time (ÅÅÅÅ-MM-DD); it decides the century of the short forms and what counts as the future.
 * A refusal says which part is wrong and how it should look, in Swedish. The message never repeats
 * the whole number (it may end up in an import report), at most the date part.
 */
export function parsePersonalNumber(input: string, today: string): PersonalNumberResult {
  const now = parseToday(today);
  const text = input.trim();

  let century: number | null = null;
  let sign: "-" | "+" = "-";
  let datePart: string; // as typed: ÅÅMMDD or ÅÅÅÅMMDD
  let serial: string; // NNNN
  const long = /^(\d{2})(\d{6})-?(\d{4})$/.exec(text);
  const short = /^(\d{6})([-+]?)(\d{4})$/.exec(text);
  if (long) {
    century = Number(long[1]);
    datePart = `${long[1]}${long[2]}`;
    serial = long[3] as string;
  } else if (short) {
    sign = short[2] === "+" ? "+" : "-";
    datePart = short[1] as string;
    serial = short[3] as string;
  } else {
    return refuse("format", formatProblem(text));
  }

  const ymd = datePart.slice(-6);
  const yy = Number(ymd.slice(0, 2));
  const month = Number(ymd.slice(2, 4));
  const typedDay = Number(ymd.slice(4, 6));

  if (century !== null && (century < 18 || century > 20)) {
    return refuse(
      "date",
      `Årtalet ${datePart.slice(0, 4)} är inte möjligt: ett födelseår ska börja med 18, 19 eller 20. ${HOW_TO_WRITE}`,
    );
  }
  if (month < 1 || month > 12) {
    return refuse(
      "date",
      `Datumdelen ${datePart} finns inte: månaden (siffrorna ${ymd.slice(2, 4)}) ska vara 01–12.`,
    );
  }
  const kind: IdentityKind = typedDay > 60 ? "samordningsnummer" : "personnummer";
  const day = kind === "samordningsnummer" ? typedDay - 60 : typedDay;
  if (day < 1 || day > 31) {
    return refuse(
      "date",
      `Datumdelen ${datePart} finns inte: dagen (siffrorna ${ymd.slice(4, 6)}) ska vara 01–31, eller 61–91 i ett samordningsnummer.`,
    );
  }

  const monthDay = `${pad(month, 2)}${pad(day, 2)}`;
  let year: number;
  if (century !== null) {
    year = century * 100 + yy;
  } else if (sign === "-") {
    year = Math.floor(now.year / 100) * 100 + yy;
    if (`${year}${monthDay}` > now.compact) year -= 100;
  } else {
    const limit = now.year - 100;
    year = limit - ((((limit - yy) % 100) + 100) % 100);
  }

  if (day > daysInMonth(year, month)) {
    const monthName = MONTHS[month - 1] as string;
    const explanation =
      kind === "samordningsnummer"
        ? `i ett samordningsnummer är dagen ökad med 60, så ${pad(typedDay, 2)} betyder den ${day} ${monthName}, och ${monthName} ${year} har ${daysInMonth(year, month)} dagar.`
        : `${monthName} ${year} har ${daysInMonth(year, month)} dagar.`;
    return refuse("date", `Datumdelen ${datePart} finns inte: ${explanation}`);
  }

  const birthDate = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  if (`${pad(year, 4)}${monthDay}` > now.compact) {
    return refuse(
      "future",
      `Födelsedatumet ${birthDate} ligger i framtiden. Kontrollera årtalet och datumet. ${HOW_TO_WRITE}`,
    );
  }

  const tenDigits = `${ymd}${serial}`;
  const expected = luhnCheckDigit(tenDigits.slice(0, 9));
  if (Number(tenDigits[9]) !== expected) {
    return refuse(
      "checksum",
      `Kontrollsiffran stämmer inte: numret slutar på ${tenDigits[9]} men ska sluta på ${expected} om resten stämmer. Kontrollera alla siffror.`,
    );
  }

  return {
    ok: true,
    value: {
      canonical: `${pad(year, 4)}${ymd.slice(2)}${serial}`,
      kind,
      birthDate,
      birthYear: year,
      legalSex: Number(serial[2]) % 2 === 0 ? "kvinna" : "man",
    },
  };
}

function assertCanonical(canonical: string): void {
  if (!/^\d{12}$/.test(canonical)) {
    throw new Error("Ett personnummer ska lagras som tolv siffror, ÅÅÅÅMMDDNNNN.");
  }
}

/** "19850312-XXXX": how an identity is shown until someone reveals it. */
export function formatMasked(canonical: string): string {
  assertCanonical(canonical);
  return `${canonical.slice(0, 8)}-XXXX`;
}

/** "19850312-1234": the revealed form (a reveal is logged by the caller). */
export function formatFull(canonical: string): string {
  assertCanonical(canonical);
  return `${canonical.slice(0, 8)}-${canonical.slice(8)}`;
}
