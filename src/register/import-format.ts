// The participant import file (docs/formats/participant-import.md): reading a CSV or XLSX file
// with exactly the columns of IMPORT_COLUMNS, checking every row and collecting every problem
// with its row (as the user sees it in Excel: the header is row 1) and column, in plain Swedish.
//
// Nothing here touches the database: the result is the valid rows, in the register's codes, and
// the problems. import-participants.ts writes them. A personnummer never appears in a problem:
// identity.ts's messages show at most the date part, and nothing else here repeats the number.
//
// Decisions (documented in the format):
// - An empty personnummer registers the participant anonymously; samtycke_datum must then be empty.
// - A personnummer without samtycke_datum refuses the row: no identity is stored without consent,
//   and silently dropping the number would register someone anonymously whom the user meant to
//   identify. Leave personnummer empty to register the person anonymously.
// - An empty background cell means "uppgift saknas"; an empty fodelsear is taken from the
//   personnummer when there is one. kon is never derived from the personnummer.
// - Dates may not lie in the future; slutdatum not before startdatum; slutdatum and
//   status_vid_avslut come together, and studier_vid_avslut / forsorjning_efter only with them.
// - The register's own rules (participants.ts) are checked here too, so that a file is refused
//   row by row before anything is written: consent no later than the start, an age of 15–100 at
//   start, the action plan within the enrollment, studies at exit only with work (or studier).
//   What needs the register (the initiative's dates, a person already enrolled) is checked by
//   the use cases during the import, whose dry run runs them too.
import { Workbook } from "@cj-tech-master/excelts";
import {
  codeOfWord,
  EDUCATION,
  EXIT_STATUS,
  GENDER,
  OCCUPATION_BEFORE,
  REFERRER,
  SUPPORT,
  TIME_ON_SUPPORT,
  WORK_EXIT,
} from "./codes.ts";
import { type IdentityKind, parsePersonalNumber } from "./identity.ts";
import type {
  EducationCode,
  ExitInput,
  ExitStatusCode,
  OccupationCode,
  ReferrerCode,
  RegisterParticipantInput,
  SupportCode,
  TimeOnSupportCode,
} from "./participants.ts";

export const IMPORT_COLUMNS = [
  "deltagar_id",
  "personnummer",
  "samtycke_datum",
  "kon",
  "fodelsear",
  "kommun",
  "utbildning",
  "forsorjning_fore",
  "tid_offentlig_forsorjning",
  "sysselsattning_fore",
  "remittent",
  "startdatum",
  "handlingsplan_datum",
  "slutdatum",
  "status_vid_avslut",
  "studier_vid_avslut",
  "forsorjning_efter",
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Larger files are refused before they are read (100 000 rows are about 20 MB of CSV). */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;
/** Participant rows (the header not counted): what an import handles well (bench/import.ts). */
export const MAX_IMPORT_ROWS = 100_000;
export const MAX_EXTERNAL_KEY_LENGTH = 64;

export type GenderCode = keyof typeof GENDER;

/** The youngest and oldest age at start the register accepts (as participants.ts does). */
const MIN_AGE = 15;
const MAX_AGE = 100;

/**
 * One problem in the file. `row` is the row number as a spreadsheet shows it (the header is row
 * 1), null for the file as a whole; `column` is a column name of the format (or, for an unknown
 * header, the name found), null when the problem is the whole row or file.
 */
export interface ImportProblem {
  row: number | null;
  column: string | null;
  message: string;
}

/** A valid row of the file, in the register's codes. */
export interface ImportRow {
  /** The row number in the file (the header is row 1). */
  row: number;
  /** deltagar_id: the initiative's own key of this enrollment. */
  externalKey: string;
  /** Null: anonymous. The canonical twelve digits; never shown or logged. */
  identity: { canonical: string; kind: IdentityKind; consentedOn: string } | null;
  gender: GenderCode;
  birthYear: number | null;
  /** Four digits, or null for "uppgift saknas". */
  municipalityCode: string | null;
  background: {
    education: EducationCode;
    supportBefore: SupportCode[];
    timeOnSupport: TimeOnSupportCode;
    occupationBefore: OccupationCode;
    referrer: ReferrerCode;
  };
  startDate: string;
  actionPlanDate: string | null;
  exit: {
    endDate: string;
    status: ExitStatusCode;
    /** Studies at exit (alone or with work); true when the status is studier. */
    studies: boolean;
    supportAfter: SupportCode[];
  } | null;
}

export interface ParsedImportFile {
  format: "csv" | "xlsx";
  /** Participant rows read (completely empty rows are skipped and not counted). */
  rowCount: number;
  /** The rows without any problem, in file order. */
  rows: ImportRow[];
  problems: ImportProblem[];
}

export interface ReadOptions {
  /** Today in Swedish time, ÅÅÅÅ-MM-DD: no date may lie after it. */
  today: string;
}

// ---------------------------------------------------------------------------------------------
// Cells as text

/** The rows of the file as text cells, with their row numbers; or a problem with the file. */
interface RawTable {
  /** The CSV separator; null for a workbook. */
  separator: ";" | "," | null;
  header: { row: number; cells: string[] };
  records: Array<{ row: number; cells: string[] }>;
}

type Refused = { ok: false; problems: ImportProblem[] };
type Read = { ok: true; table: RawTable } | Refused;

const fileProblem = (message: string): Refused => ({
  ok: false,
  problems: [{ row: null, column: null, message }],
});

const SAVE_AS_CSV =
  "Spara filen i Excel som ”CSV UTF-8 (kommaavgränsad)” eller som Excel-arbetsbok (.xlsx).";

function decodeUtf8(data: Uint8Array): string | null {
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(data);
    return text;
  } catch {
    return null;
  }
}

/** The separator of the header line: the one of ; and , that occurs most outside quotes. */
function detectSeparator(text: string): ";" | "," | null {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch === ";") semicolons++;
    else if (!quoted && ch === ",") commas++;
  }
  if (semicolons === 0 && commas === 0) return null;
  return semicolons >= commas ? ";" : ",";
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * RFC 4180 records: quoted fields may hold the separator, line breaks and "" for a quote; lines
 * end in CRLF, LF or CR. A record is one spreadsheet row, even when a quoted field spans lines.
 * A quote opens a quoted field only at the start of a field; elsewhere it is text. Fields are
 * sliced out of the text whole, not built character by character: 100 000 rows take a moment.
 */
function parseCsvRecords(
  text: string,
  separator: string,
): { records: string[][]; unterminatedAt: number | null } {
  const sep = separator.charCodeAt(0);
  const records: string[][] = [];
  let fields: string[] = [];
  const n = text.length;
  /** The end of unquoted text from `from`: the next separator or line break, or the end. */
  const textEnd = (from: number) => {
    let j = from;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === sep || c === CR || c === LF) break;
      j++;
    }
    return j;
  };
  let i = 0;
  while (i < n) {
    // at the start of a field
    let field = "";
    if (text.charCodeAt(i) === QUOTE) {
      const openedIn = records.length + 1;
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q === -1) return { records, unterminatedAt: openedIn };
        field += text.slice(i, q);
        i = q + 1;
        if (text.charCodeAt(i) !== QUOTE) break;
        field += '"';
        i++;
      }
    }
    const end = textEnd(i);
    field += text.slice(i, end);
    fields.push(field);
    i = end;
    if (i >= n) break;
    const c = text.charCodeAt(i);
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    if (c === sep) {
      // a separator at the very end: the last field is empty
      if (i >= n) fields.push("");
      continue;
    }
    records.push(fields);
    fields = [];
  }
  if (fields.length > 0) records.push(fields);
  return { records, unterminatedAt: null };
}

function readCsv(data: Uint8Array): Read {
  const decoded = decodeUtf8(data);
  if (decoded === null)
    return fileProblem(
      `Filen är inte sparad som UTF-8, så å, ä och ö kan inte läsas säkert. ${SAVE_AS_CSV}`,
    );
  const text = decoded.startsWith("\uFEFF") ? decoded.slice(1) : decoded;
  if (text.trim() === "") return fileProblem("Filen är tom. Den ska börja med rubrikraden.");
  const separator = detectSeparator(text);
  if (separator === null)
    return {
      ok: false,
      problems: [
        {
          row: 1,
          column: null,
          message: `Rubrikraden har bara en kolumn. Kolumnerna ska skiljas med semikolon (;) eller komma (,) och vara: ${IMPORT_COLUMNS.join("; ")}.`,
        },
      ],
    };
  const { records, unterminatedAt } = parseCsvRecords(text, separator);
  if (unterminatedAt !== null)
    return {
      ok: false,
      problems: [
        {
          row: unterminatedAt,
          column: null,
          message:
            'Ett citattecken (") öppnar ett fält som aldrig avslutas, så resten av filen går inte att läsa. Avsluta fältet med ett citattecken, eller skriv två citattecken ("") för ett citattecken i texten.',
        },
      ],
    };
  const [header = [], ...rest] = records;
  return {
    ok: true,
    table: {
      separator,
      header: { row: 1, cells: header },
      records: rest.map((cells, i) => ({ row: i + 2, cells })),
    },
  };
}

/** A cell of a worksheet as the import reads it: text, with dates as ÅÅÅÅ-MM-DD. */
function xlsxCellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "ja" : "nej";
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if ("formula" in v || "sharedFormula" in v) return xlsxCellText(v.result);
    if (Array.isArray(v.richText))
      return (v.richText as Array<{ text?: string }>).map((r) => r.text ?? "").join("");
    if (typeof v.text === "string") return v.text;
    if (typeof v.error === "string") return v.error;
  }
  return String(value);
}

/**
 * Spreadsheets drop leading zeros of numbers: a municipality code typed as 0380 becomes 380, and
 * a personnummer 0503121234 typed without a dash becomes 503121234. Put them back.
 */
function repairNumber(column: ImportColumn, value: unknown, text: string): string {
  if (typeof value !== "number" || !/^\d+$/.test(text)) return text;
  if (column === "kommun" && text.length === 3) return `0${text}`;
  if (column === "personnummer" && text.length === 9) return `0${text}`;
  return text;
}

async function readXlsx(data: Uint8Array): Promise<Read> {
  const wb = new Workbook();
  try {
    await wb.xlsx.load(Buffer.from(data), {
      maxRows: MAX_IMPORT_ROWS + 2,
      maxCols: IMPORT_COLUMNS.length + 20,
    });
  } catch {
    return fileProblem(`Filen går inte att läsa som Excel-arbetsbok. ${SAVE_AS_CSV}`);
  }
  const ws = wb.worksheets[0];
  if (!ws)
    return fileProblem("Arbetsboken har inget blad. Deltagarna ska stå på det första bladet.");
  if (ws.rowCount > MAX_IMPORT_ROWS + 1) return tooManyRows();
  const width = Math.max(ws.columnCount, IMPORT_COLUMNS.length);
  const rowCells = (r: number, columns: readonly (ImportColumn | null)[]) => {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      const value = row.getCell(c).value;
      const text = xlsxCellText(value);
      const column = columns[c - 1];
      cells.push(column ? repairNumber(column, value, text) : text);
    }
    return cells;
  };
  const header = rowCells(1, []);
  const records: RawTable["records"] = [];
  for (let r = 2; r <= ws.rowCount; r++)
    records.push({ row: r, cells: rowCells(r, IMPORT_COLUMNS) });
  return { ok: true, table: { separator: null, header: { row: 1, cells: header }, records } };
}

const tooManyRows = () =>
  fileProblem(
    `Filen har fler än ${MAX_IMPORT_ROWS.toLocaleString("sv-SE")} deltagarrader. Dela upp den i flera filer och läs in dem var för sig.`,
  );

const isZip = (data: Uint8Array) =>
  data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;
const isOle = (data: Uint8Array) =>
  data.length >= 8 &&
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((b, i) => data[i] === b);

// ---------------------------------------------------------------------------------------------
// The header

const columnLetter = (index: number): string => {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
};

const q = (s: string) => `”${s}”`;
const normaliseHeader = (s: string) => s.trim().toLocaleLowerCase("sv");

/** Every way the header differs from IMPORT_COLUMNS, each naming the column and what it should be. */
function checkHeader(cells: readonly string[]): ImportProblem[] {
  const found = cells.map(normaliseHeader);
  while (found.length > 0 && found[found.length - 1] === "") found.pop();
  const problems: ImportProblem[] = [];
  const add = (column: string, message: string) => problems.push({ row: 1, column, message });
  const expected: readonly string[] = IMPORT_COLUMNS;
  const where = (i: number) => `kolumn ${columnLetter(i)}`;

  const seen = new Map<string, number>();
  found.forEach((name, i) => {
    if (name === "") return;
    const first = seen.get(name);
    if (first !== undefined)
      add(
        name,
        `Rubriken ${q(name)} finns två gånger (${where(first)} och ${where(i)}). Ta bort den ena kolumnen.`,
      );
    else seen.set(name, i);
  });
  const missing = expected.filter((name) => !seen.has(name));
  found.forEach((name, i) => {
    if (expected.includes(name)) return;
    const shouldBe = expected[i];
    if (name === "")
      add(
        shouldBe ?? where(i),
        shouldBe && missing.includes(shouldBe)
          ? `${capital(where(i))} saknar rubrik. Den ska heta ${q(shouldBe)}.`
          : `${capital(where(i))} saknar rubrik men används. Ta bort kolumnen, eller skriv rätt rubrik.`,
      );
    else if (shouldBe && missing.includes(shouldBe))
      add(shouldBe, `${capital(where(i))} heter ${q(name)} men ska heta ${q(shouldBe)}.`);
    else
      add(
        name,
        `${capital(where(i))} ${q(name)} hör inte till formatet. Ta bort den; kolumnerna är ${IMPORT_COLUMNS.join("; ")}.`,
      );
  });
  for (const name of missing) {
    const i = expected.indexOf(name);
    if (found[i] !== undefined && !expected.includes(found[i] as string)) continue; // said above
    const after = expected[i - 1];
    add(
      name,
      `Kolumnen ${q(name)} saknas. Den ska stå som ${where(i)}${after ? `, efter ${q(after)}` : ", först"}.`,
    );
  }
  if (problems.length === 0) {
    // the right names, in the wrong order
    expected.forEach((name, i) => {
      if (found[i] !== name)
        add(
          name,
          `${capital(where(i))} ska vara ${q(name)} men är ${q(found[i] ?? "")}. Kolumnerna ska stå i ordningen ${IMPORT_COLUMNS.join("; ")}.`,
        );
    });
  }
  return problems;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

// ---------------------------------------------------------------------------------------------
// Values

const fold = (s: string) =>
  s
    .normalize("NFC")
    .toLocaleLowerCase("sv")
    .replace(/[\u2013\u2014\u2212]/g, "-")
    .replace(/[.,]/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/**
 * The code of a Swedish word (codes.ts's codeOfWord), forgiving what a keyboard does: a hyphen for
 * the en dash of "1–2 år", missing commas and full stops, extra spaces, any case.
 */
export function codeOf<T extends string>(entries: Record<T, string>, word: string): T | undefined {
  let known = codesOfWords.get(entries);
  if (!known) {
    known = new Map();
    codesOfWords.set(entries, known);
  }
  const seen = known.get(word);
  if (seen !== undefined) return (seen ?? undefined) as T | undefined;
  const code = findCode(entries, word);
  if (known.size < 10_000) known.set(own(word), code ?? null);
  return code;
}

/**
 * A copy of a cell that keeps nothing else alive. A cell is a slice of the file's text, and V8
 * keeps the whole text (tens of MB) for as long as any slice of 13 characters or more lives: in a
 * cache, or in the rows an import holds until it is done.
 */
const own = (cell: string): string => (cell.length < 13 ? cell : JSON.parse(JSON.stringify(cell)));

/** The words met so far, by code list: a file repeats the same few thousand times. */
const codesOfWords = new WeakMap<object, Map<string, string | null>>();

function findCode<T extends string>(entries: Record<T, string>, word: string): T | undefined {
  const direct = codeOfWord(entries, word);
  if (direct !== undefined) return direct;
  const wanted = fold(word);
  for (const [code, label] of Object.entries(entries) as Array<[T, string]>)
    if (fold(label) === wanted || fold(code.replace(/_/g, " ")) === wanted) return code;
  return undefined;
}

const allowedWords = (entries: Record<string, string>) => Object.values(entries).map(q).join(", ");

const MONTH_DAYS = (year: number, month: number) =>
  month === 2
    ? (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31;

type Check<T> = { ok: true; value: T } | { ok: false; message: string };

function checkDate(text: string, today: string): Check<string> {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m)
    return {
      ok: false,
      message: `${q(text)} är inget datum i formen ÅÅÅÅ-MM-DD. Skriv till exempel 2026-03-01.`,
    };
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > MONTH_DAYS(year, month) || year < 1900)
    return { ok: false, message: `Datumet ${text} finns inte. Kontrollera år, månad och dag.` };
  if (text > today)
    return {
      ok: false,
      message: `Datumet ${text} ligger i framtiden (i dag är det ${today}). Kontrollera datumet.`,
    };
  return { ok: true, value: text };
}

/** The county (län) codes that start every municipality code. */
const COUNTY_CODES = new Set(
  "01 03 04 05 06 07 08 09 10 12 13 14 17 18 19 20 21 22 23 24 25".split(" "),
);

function checkMunicipality(text: string): Check<string> {
  if (!/^\d{4}$/.test(text))
    return {
      ok: false,
      message: `${q(text)} är ingen kommunkod. Skriv kommunens fyra siffror, till exempel 0380 för Uppsala.`,
    };
  if (!COUNTY_CODES.has(text.slice(0, 2)))
    return {
      ok: false,
      message: `${q(text)} är ingen kommunkod: de två första siffrorna ska vara en länskod (01–25). Skriv kommunens fyra siffror, till exempel 0380 för Uppsala.`,
    };
  return { ok: true, value: text };
}

/** One word of a code list; an empty cell is "uppgift saknas". */
function checkCode<T extends string>(entries: Record<T, string>, text: string): Check<T> {
  if (text === "") return { ok: true, value: "uppgift_saknas" as T };
  const code = codeOf(entries, text);
  if (code === undefined)
    return {
      ok: false,
      message: `${q(text)} är inget tillåtet värde. Skriv ett av: ${allowedWords(entries)}.`,
    };
  return { ok: true, value: code };
}

/** Several försörjning words separated by |; an empty cell is "uppgift saknas". */
function checkSupport(text: string): Check<SupportCode[]> {
  if (text === "") return { ok: true, value: ["uppgift_saknas"] };
  const codes: SupportCode[] = [];
  const unknown: string[] = [];
  for (const part of text.split("|").map((p) => p.trim())) {
    if (part === "") continue;
    const code = codeOf(SUPPORT, part);
    if (code === undefined) unknown.push(part);
    else if (!codes.includes(code)) codes.push(code);
  }
  if (unknown.length > 0)
    return {
      ok: false,
      message: `${unknown.map(q).join(" och ")} ${unknown.length > 1 ? "är inga tillåtna värden" : "är inget tillåtet värde"}. Skriv ett eller flera av ${allowedWords(SUPPORT)}, med | mellan, till exempel a-kassa|försörjningsstöd.`,
    };
  if (codes.length === 0) return { ok: true, value: ["uppgift_saknas"] };
  for (const alone of ["ingen", "uppgift_saknas"] as const)
    if (codes.includes(alone) && codes.length > 1)
      return {
        ok: false,
        message: `${q(SUPPORT[alone])} kan inte kombineras med andra försörjningar. Skriv bara ${q(SUPPORT[alone])}, eller bara de försörjningar som gäller.`,
      };
  return { ok: true, value: codes };
}

const looksLikePersonalNumber = (text: string, today: string) =>
  /^(\d{2})?\d{6}[-+]?\d{4}$/.test(text) && parsePersonalNumber(text, today).ok;

// ---------------------------------------------------------------------------------------------
// Rows

const isWork = (status: ExitStatusCode) => (WORK_EXIT as readonly string[]).includes(status);

function checkRow(
  row: number,
  cells: Record<ImportColumn, string>,
  today: string,
  problem: (column: ImportColumn | null, message: string) => void,
): ImportRow | null {
  let ok = true;
  const fail = (column: ImportColumn | null, message: string) => {
    ok = false;
    problem(column, message);
  };
  const take = <T>(column: ImportColumn, check: Check<T>): T | undefined => {
    if (check.ok) return check.value;
    fail(column, check.message);
    return undefined;
  };

  // deltagar_id
  const externalKey = cells.deltagar_id;
  if (externalKey === "")
    fail(
      "deltagar_id",
      "deltagar_id saknas. Varje rad ska ha insatsens eget id för deltagaren, samma varje gång filen läses in.",
    );
  else if (looksLikePersonalNumber(externalKey, today))
    fail(
      "deltagar_id",
      "deltagar_id ser ut som ett personnummer. Använd insatsens eget id (till exempel D-0017); personnumret hör hemma i kolumnen personnummer.",
    );
  else if (externalKey.length > MAX_EXTERNAL_KEY_LENGTH)
    fail(
      "deltagar_id",
      `deltagar_id är ${externalKey.length} tecken lång men får vara högst ${MAX_EXTERNAL_KEY_LENGTH}.`,
    );
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters
  else if (/[\u0000-\u001f\u007f]/.test(externalKey))
    fail(
      "deltagar_id",
      "deltagar_id innehåller en radbrytning eller ett annat styrtecken. Ta bort det.",
    );

  // personnummer and samtycke_datum
  let identity: ImportRow["identity"] = null;
  let identityBirthYear: number | null = null;
  const consentText = cells.samtycke_datum;
  if (cells.personnummer !== "") {
    const parsed = parsePersonalNumber(cells.personnummer, today);
    if (!parsed.ok) fail("personnummer", parsed.message);
    const consent =
      consentText === "" ? undefined : take("samtycke_datum", checkDate(consentText, today));
    if (consentText === "")
      fail(
        "samtycke_datum",
        "Ett personnummer kräver samtycke: fyll i datumet då deltagaren samtyckte, eller lämna personnummer tomt så registreras deltagaren anonymt.",
      );
    if (parsed.ok) {
      identityBirthYear = parsed.value.birthYear;
      if (consent !== undefined)
        identity = {
          canonical: parsed.value.canonical,
          kind: parsed.value.kind,
          consentedOn: consent,
        };
    }
  } else if (consentText !== "") {
    fail(
      "samtycke_datum",
      "samtycke_datum är ifyllt men personnummer är tomt. Fyll i personnumret, eller lämna båda tomma för en anonym deltagare.",
    );
  }

  const gender = take("kon", checkCode(GENDER, cells.kon));

  // fodelsear
  let birthYear: number | null = identityBirthYear;
  if (cells.fodelsear !== "") {
    if (!/^\d{4}$/.test(cells.fodelsear)) {
      fail(
        "fodelsear",
        `${q(cells.fodelsear)} är inget födelseår. Skriv året med fyra siffror, till exempel 1994.`,
      );
    } else {
      const year = Number(cells.fodelsear);
      if (year < 1900 || year > Number(today.slice(0, 4)))
        fail(
          "fodelsear",
          `Födelseåret ${year} är inte möjligt. Skriv året med fyra siffror, till exempel 1994.`,
        );
      else if (identityBirthYear !== null && identityBirthYear !== year)
        fail(
          "fodelsear",
          `Födelseåret ${year} stämmer inte med personnumret. Rätta det ena, eller lämna fodelsear tomt så tas året från personnumret.`,
        );
      else birthYear = year;
    }
  }

  const municipalityCode =
    cells.kommun === "" ? null : (take("kommun", checkMunicipality(cells.kommun)) ?? null);
  const education = take("utbildning", checkCode(EDUCATION, cells.utbildning));
  const supportBefore = take("forsorjning_fore", checkSupport(cells.forsorjning_fore));
  const timeOnSupport = take(
    "tid_offentlig_forsorjning",
    checkCode(TIME_ON_SUPPORT, cells.tid_offentlig_forsorjning),
  );
  const occupationBefore = take(
    "sysselsattning_fore",
    checkCode(OCCUPATION_BEFORE, cells.sysselsattning_fore),
  );
  const referrer = take("remittent", checkCode(REFERRER, cells.remittent));

  // dates
  let startDate: string | undefined;
  if (cells.startdatum === "")
    fail(
      "startdatum",
      "startdatum saknas. Skriv datumet då deltagaren skrevs in, till exempel 2026-03-01.",
    );
  else startDate = take("startdatum", checkDate(cells.startdatum, today));
  if (startDate !== undefined && birthYear !== null) {
    const age = Number(startDate.slice(0, 4)) - birthYear;
    if (age < MIN_AGE || age > MAX_AGE)
      fail(
        cells.fodelsear !== "" ? "fodelsear" : "personnummer",
        `Födelseåret ${birthYear}${cells.fodelsear !== "" ? "" : " (från personnumret)"} ger åldern ${age} år vid startdatum ${startDate}. En deltagare är ${MIN_AGE}–${MAX_AGE} år: kontrollera födelseåret och startdatumet.`,
      );
  }
  if (startDate !== undefined && identity !== null && identity.consentedOn > startDate) {
    fail(
      "samtycke_datum",
      `Samtycket (${identity.consentedOn}) ska vara lämnat senast på startdagen (${startDate}): ett personnummer lagras bara med samtycke. Kontrollera datumen, eller lämna personnummer och samtycke_datum tomma så registreras deltagaren anonymt.`,
    );
  }
  let actionPlanDate =
    cells.handlingsplan_datum === ""
      ? null
      : (take("handlingsplan_datum", checkDate(cells.handlingsplan_datum, today)) ?? null);
  if (actionPlanDate !== null && startDate !== undefined && actionPlanDate < startDate) {
    fail(
      "handlingsplan_datum",
      `Handlingsplanen (${actionPlanDate}) ska vara gjord under inskrivningen, inte före startdatum ${startDate}.`,
    );
    actionPlanDate = null;
  }

  // exit
  let endDate: string | undefined;
  if (cells.slutdatum !== "") {
    endDate = take("slutdatum", checkDate(cells.slutdatum, today));
    if (endDate !== undefined && startDate !== undefined && endDate < startDate) {
      fail(
        "slutdatum",
        `slutdatum ${endDate} ligger före startdatum ${startDate}. Kontrollera båda datumen.`,
      );
      endDate = undefined;
    }
  }
  let status: ExitStatusCode | undefined;
  if (cells.status_vid_avslut !== "") {
    status = codeOf(EXIT_STATUS, cells.status_vid_avslut);
    if (status === undefined)
      fail(
        "status_vid_avslut",
        `${q(cells.status_vid_avslut)} är ingen tillåten status. Skriv en av: ${allowedWords(EXIT_STATUS)}.`,
      );
  }
  if (cells.slutdatum !== "" && cells.status_vid_avslut === "")
    fail(
      "status_vid_avslut",
      "status_vid_avslut saknas men slutdatum är ifyllt. Fyll i hur deltagaren avslutade, eller ta bort slutdatum om deltagaren inte har avslutat.",
    );
  if (cells.slutdatum === "" && cells.status_vid_avslut !== "")
    fail(
      "slutdatum",
      "slutdatum saknas men status_vid_avslut är ifylld. Fyll i datumet då deltagaren avslutade, eller ta bort statusen.",
    );
  const ended = cells.slutdatum !== "" || cells.status_vid_avslut !== "";
  if (actionPlanDate !== null && endDate !== undefined && actionPlanDate > endDate)
    fail(
      "handlingsplan_datum",
      `Handlingsplanen (${actionPlanDate}) ska vara gjord under inskrivningen, senast slutdatum ${endDate}.`,
    );

  let studies = false;
  const studiesText = cells.studier_vid_avslut.toLowerCase();
  if (studiesText !== "") {
    if (!ended)
      fail(
        "studier_vid_avslut",
        "studier_vid_avslut hör till avslutet. Lämna den tom tills slutdatum och status_vid_avslut fylls i.",
      );
    else if (studiesText === "ja") {
      studies = true;
      if (status !== undefined && status !== "studier" && !isWork(status))
        fail(
          "studier_vid_avslut",
          `Studier kan bara kombineras med arbete, inte med statusen ${q(EXIT_STATUS[status])}. Skriv nej, eller ändra statusen.`,
        );
    } else if (studiesText !== "nej")
      fail(
        "studier_vid_avslut",
        `${q(cells.studier_vid_avslut)} är inget tillåtet värde. Skriv ja eller nej.`,
      );
    else if (status === "studier")
      fail(
        "studier_vid_avslut",
        "Statusen är studier men studier_vid_avslut är nej. Skriv ja, eller lämna den tom.",
      );
  }
  if (status === "studier") studies = true;

  let supportAfter: SupportCode[] | undefined;
  if (cells.forsorjning_efter !== "" && !ended)
    fail(
      "forsorjning_efter",
      "forsorjning_efter hör till avslutet. Lämna den tom tills slutdatum och status_vid_avslut fylls i.",
    );
  else supportAfter = take("forsorjning_efter", checkSupport(cells.forsorjning_efter));

  if (
    !ok ||
    gender === undefined ||
    education === undefined ||
    supportBefore === undefined ||
    timeOnSupport === undefined ||
    occupationBefore === undefined ||
    referrer === undefined ||
    startDate === undefined
  )
    return null;
  return {
    row,
    externalKey: own(externalKey),
    identity,
    gender,
    birthYear,
    municipalityCode,
    background: { education, supportBefore, timeOnSupport, occupationBefore, referrer },
    startDate,
    actionPlanDate,
    exit:
      endDate !== undefined && status !== undefined && supportAfter !== undefined
        ? { endDate, status, studies, supportAfter }
        : null,
  };
}

/** Checks every row of a table whose header is right. */
function checkRecords(
  records: RawTable["records"],
  separator: string | null,
  today: string,
): Omit<ParsedImportFile, "format"> {
  const problems: ImportProblem[] = [];
  const rows: ImportRow[] = [];
  const firstRowOf = new Map<string, number>();
  let rowCount = 0;
  for (const record of records) {
    const cells = record.cells.map((c) => c.trim());
    if (cells.every((c) => c === "")) continue;
    rowCount++;
    const add = (column: string | null, message: string) =>
      problems.push({ row: record.row, column, message });
    const extra = cells.slice(IMPORT_COLUMNS.length).filter((c) => c !== "").length;
    if (extra > 0) {
      add(
        null,
        `Raden har ${extra === 1 ? "ett värde" : `${extra} värden`} efter den sista kolumnen (forsorjning_efter). Kontrollera att inget värde innehåller avgränsaren utan citattecken runt sig.`,
      );
      continue;
    }
    // a line without the header's separator: one long first cell holding the whole row
    if (cells.length === 1 && separator !== null && /[;,]/.test(cells[0] as string)) {
      add(
        null,
        `Raden har bara en kolumn. Rubrikraden skiljer kolumnerna med ${separator === ";" ? "semikolon (;)" : "komma (,)"}; använd samma avgränsare på varje rad.`,
      );
      continue;
    }
    const byName = {} as Record<ImportColumn, string>;
    for (let i = 0; i < IMPORT_COLUMNS.length; i++)
      byName[IMPORT_COLUMNS[i] as ImportColumn] = cells[i] ?? "";
    let duplicate = false;
    if (byName.deltagar_id !== "") {
      const first = firstRowOf.get(byName.deltagar_id);
      if (first !== undefined) {
        duplicate = true;
        add(
          "deltagar_id",
          looksLikePersonalNumber(byName.deltagar_id, today)
            ? `Samma deltagar_id finns redan på rad ${first}. Varje inskrivning ska ha ett eget deltagar_id.`
            : `deltagar_id ${q(byName.deltagar_id)} finns redan på rad ${first}. Varje inskrivning ska ha ett eget deltagar_id.`,
        );
      } else firstRowOf.set(byName.deltagar_id, record.row);
    }
    const parsed = checkRow(record.row, byName, today, add);
    if (parsed && !duplicate) rows.push(parsed);
  }
  return { rowCount, rows, problems };
}

/**
 * Reads a participant file: CSV (; or , as found in the header line, UTF-8 with or without BOM,
 * CRLF or LF) or XLSX (the first sheet). Every row is checked; the result holds the valid rows
 * and every problem. An unreadable file or a wrong header gives problems and no rows.
 */
export async function readParticipantFile(
  data: Uint8Array,
  fileName: string,
  options: ReadOptions,
): Promise<ParsedImportFile> {
  const name = fileName.toLocaleLowerCase("sv");
  const format: "csv" | "xlsx" = isZip(data) || name.endsWith(".xlsx") ? "xlsx" : "csv";
  const empty = (read: Refused): ParsedImportFile => ({
    format,
    rowCount: 0,
    rows: [],
    problems: read.problems,
  });
  if (data.byteLength === 0)
    return empty(fileProblem("Filen är tom. Den ska börja med rubrikraden."));
  if (data.byteLength > MAX_IMPORT_BYTES)
    return empty(
      fileProblem(
        `Filen är ${(data.byteLength / 1024 / 1024).toFixed(1).replace(".", ",")} MB; största tillåtna storlek är ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Dela upp den i flera filer.`,
      ),
    );
  if (isOle(data) || name.endsWith(".xls"))
    return empty(fileProblem(`Filen är i det gamla Excel-formatet (.xls). ${SAVE_AS_CSV}`));
  if (format === "xlsx" && !isZip(data))
    return empty(fileProblem(`Filen heter .xlsx men är ingen Excel-arbetsbok. ${SAVE_AS_CSV}`));

  const read = format === "xlsx" ? await readXlsx(data) : readCsv(data);
  if (!read.ok) return empty(read);
  const { header, records } = read.table;
  const headerProblems = checkHeader(header.cells);
  if (headerProblems.length > 0) return { format, rowCount: 0, rows: [], problems: headerProblems };
  if (records.length > MAX_IMPORT_ROWS) return empty(tooManyRows());
  const checked = checkRecords(records, read.table.separator, options.today);
  if (checked.rowCount === 0)
    return {
      format,
      ...checked,
      problems: [
        {
          row: null,
          column: null,
          message:
            "Filen har rubrikraden men inga deltagare. Fyll i en rad per deltagare under rubrikerna.",
        },
      ],
    };
  return { format, ...checked };
}

// ---------------------------------------------------------------------------------------------
// To the register's use cases (participants.ts)

/** What the file cannot say and the import supplies for every row. */
export interface ImportDefaults {
  initiativeId: string;
  /** The version and language of the consent text the participants agreed to. */
  consentText: { textVersion: string; language: string };
  /** The local unit of every row (name or id), for initiatives that have local units. */
  localUnit?: string | null;
}

/** A valid row as registerParticipant's input. */
export function toRegisterInput(
  row: ImportRow,
  defaults: ImportDefaults,
): RegisterParticipantInput {
  return {
    initiativeId: defaults.initiativeId,
    personalNumber: row.identity?.canonical ?? null,
    consent: row.identity
      ? {
          consentedOn: row.identity.consentedOn,
          textVersion: defaults.consentText.textVersion,
          language: defaults.consentText.language,
        }
      : null,
    gender: row.gender,
    birthYear: row.birthYear,
    startDate: row.startDate,
    background: { ...row.background, supportBefore: [...row.background.supportBefore] },
    municipalityCode: row.municipalityCode,
    localUnitId: defaults.localUnit ?? null,
    actionPlanDate: row.actionPlanDate,
    externalKey: row.externalKey,
  };
}

/**
 * A valid row's exit as exitEnrollment's input, or null without one. What the file does not
 * hold (extent, action plan at exit) is kept from `stored` when the status still allows it.
 */
export function toExitInput(
  row: ImportRow,
  stored?: { extent: string | null; actionPlanAtExit: boolean | null } | null,
): ExitInput | null {
  if (!row.exit) return null;
  return {
    endDate: row.exit.endDate,
    status: row.exit.status,
    studies: row.exit.studies,
    extent: isWork(row.exit.status) ? (stored?.extent ?? null) : null,
    supportAfter: [...row.exit.supportAfter],
    actionPlanAtExit: stored?.actionPlanAtExit ?? null,
  };
}
