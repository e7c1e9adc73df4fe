// What the administration CLI prints: aligned tables, JSON, dates, Swedish help and parse
// errors from commander, and the one place that turns an error into a message and exit code.
import { ConflictError, NotFoundError, ValidationError } from "../platform/errors.ts";

/** A refusal by the CLI itself (bad combination of flags, a question answered no). */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CliError";
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLines(...lines: string[]): void {
  process.stdout.write(`${lines.join("\n")}\n`);
}

/** Prints rows under headings in columns padded to the widest cell; `empty` when there are no rows. */
export function printTable(headings: string[], rows: string[][], empty: string): void {
  if (rows.length === 0) {
    printLines(empty);
    return;
  }
  const widths = headings.map((heading, i) =>
    Math.max(heading.length, ...rows.map((row) => (row[i] ?? "").length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  printLines(line(headings), ...rows.map(line));
}

/** Label/value pairs, the labels padded so the values line up. */
export function printFields(fields: Array<[string, string]>): void {
  const width = Math.max(...fields.map(([label]) => label.length));
  printLines(...fields.map(([label, value]) => `  ${`${label}:`.padEnd(width + 1)}  ${value}`));
}

/** A timestamp in Swedish form and local time, "2026-03-01 14:05"; "–" when absent. */
export function formatTime(value: Date | string | null | undefined): string {
  if (!value) return "–";
  return new Date(value).toLocaleString("sv-SE", { dateStyle: "short", timeStyle: "short" });
}

/**
 * Writes what went wrong to stderr and returns the exit code. Expected errors carry a message
 * meant for the operator; anything else is a bug or an outage, shown briefly unless debugging.
 */
export function printError(error: unknown, debug: boolean): number {
  const write = (line: string) => process.stderr.write(`${line}\n`);
  if (error instanceof ValidationError) {
    for (const message of Object.values(error.fields)) write(message);
  } else if (
    error instanceof NotFoundError ||
    error instanceof ConflictError ||
    error instanceof CliError ||
    // by name: importing embedded.ts here would load PostgreSQL's module for every `--help`
    (error instanceof Error && error.name === "DataFolderInUseError")
  ) {
    write(error.message);
  } else if (debug) {
    write(error instanceof Error ? (error.stack ?? error.message) : String(error));
    if (error instanceof Error && error.cause) write(`Orsak: ${describeCause(error.cause)}`);
  } else {
    write(`Något gick fel: ${rootMessage(error)}`);
    write("Kör med SAMSPAR_DEBUG=1 för att se detaljerna.");
  }
  return 1;
}

/** Drizzle wraps driver errors in "Failed query: <sql> params: …"; the driver's message says more. */
function rootMessage(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === "DrizzleQueryError" && error.cause instanceof Error)
      return error.cause.message;
    return error.message;
  }
  return String(error);
}

function describeCause(cause: unknown): string {
  return cause instanceof Error ? (cause.stack ?? cause.message) : String(cause);
}

const TITLES: Record<string, string> = {
  "Usage:": "Användning:",
  "Arguments:": "Argument:",
  "Options:": "Flaggor:",
  "Global Options:": "Gemensamma flaggor:",
  "Commands:": "Kommandon:",
};

/** commander's help in Swedish: its headings and usage placeholders are English otherwise. */
export const swedishHelp = {
  styleTitle: (title: string) => TITLES[title] ?? title,
  styleOptionText: (text: string) => (text === "[options]" ? "[flaggor]" : text),
  styleSubcommandText: (text: string) => (text === "[command]" ? "[kommando]" : text),
};

const PARSE_ERRORS: Array<[RegExp, string]> = [
  [/^error: required option '(.+)' not specified/, "Flaggan $1 måste anges."],
  [/^error: option '(.+)' argument missing/, "Flaggan $1 saknar värde."],
  [/^error: missing required argument '(.+)'/, "Argumentet $1 saknas."],
  [/^error: unknown option '([^']+)'/, "Okänd flagga $1."],
  [/^error: unknown command '([^']+)'/, "Okänt kommando $1."],
  [/^error: too many arguments.*/, "För många argument."],
  [/^\(Did you mean one of (.+)\?\)$/m, "(Menade du någon av $1?)"],
  [/^\(Did you mean (.+)\?\)$/m, "(Menade du $1?)"],
];

/** commander's parse errors in Swedish; an error it has no translation for passes unchanged. */
export function translateParseError(text: string): string {
  let result = text;
  for (const [pattern, replacement] of PARSE_ERRORS) result = result.replace(pattern, replacement);
  return result.replace(/^error: /, "Fel: ");
}
