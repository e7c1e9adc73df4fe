// What `samspar report follow-up` and `samspar report national` do (report-commands.ts is their
// surface): open the database, compute or read the report, write it to the file or to stdout,
// close the database. Reading only: nothing is stored and nothing goes to the audit log.
import fs from "node:fs";
import path from "node:path";
import { todayInSweden } from "../applications/workflow.ts";
import { findAssociationBySlug } from "../associations/find-association.ts";
import { nationalMoneyCsv, nationalMoneyFigures } from "../finance/national-money.ts";
import { getFinanceBand } from "../finance/outcome.ts";
import { FOLLOW_UP_FORMATS, isFollowUpFormat } from "../follow-up/documents/render.ts";
import { checkFollowUpInput } from "../follow-up/store.ts";
import { reportDocument } from "../follow-up/store-documents.ts";
import { lockedPeriodReport, periodReport } from "../follow-up/store-report.ts";
import { readConfig } from "../platform/config.ts";
import { type Database, openDatabase, type Queryable } from "../platform/database/connect.ts";
import { readLiveLock } from "../platform/database/embedded.ts";
import { NotFoundError } from "../platform/errors.ts";
import { CliError, printLines } from "./output.ts";

async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const config = readConfig();
  if (!config.databaseUrl && !readLiveLock(config.dataDir) && config.logLevel === "info")
    process.stderr.write(`Startar den inbäddade databasen i ${config.dataDir} …\n`);
  const database = await openDatabase(config, { role: "cli" });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

async function associationBySlug(q: Queryable, slug: string) {
  const association = await findAssociationBySlug(q, slug.trim().toLowerCase());
  if (!association)
    throw new NotFoundError(
      `Det finns inget förbund med kortnamnet ${slug}. Se förbunden med: npx samspar association list`,
    );
  return association;
}

/** Writes the bytes to the file (saying so on stderr), or to stdout. */
function output(
  body: Buffer | string,
  out: string | undefined,
  saved: (file: string) => string,
): void {
  if (!out) {
    process.stdout.write(body);
    return;
  }
  const file = path.resolve(out);
  try {
    fs.writeFileSync(file, body);
  } catch (error) {
    throw new CliError(
      `Filen ${file} kunde inte skrivas (${(error as Error).message}). Kontrollera mappen och behörigheten.`,
    );
  }
  printLines(saved(file));
}

export interface ReportFollowUpOptions {
  association: string;
  from: string;
  to: string;
  format: string;
  label?: string;
  locked?: boolean;
  out?: string;
}

export async function reportFollowUp(opts: ReportFollowUpOptions): Promise<void> {
  const format = opts.format.trim().toLowerCase();
  if (!isFollowUpFormat(format))
    throw new CliError(
      `Formatet ${opts.format} finns inte. Välj --format ${FOLLOW_UP_FORMATS.join(", ")}.`,
    );
  if (format !== "json" && !opts.out)
    throw new CliError(
      `Ange en fil med --out för ${format}, till exempel --out uppfoljning.${format}. Bara json skrivs ut på skärmen.`,
    );
  const period = { from: opts.from.trim(), to: opts.to.trim(), label: opts.label };
  // the period is checked before the database is opened
  checkFollowUpInput(period);
  await withDatabase(async ({ db }) => {
    const association = await associationBySlug(db, opts.association);
    let found: Awaited<ReturnType<typeof lockedPeriodReport>>;
    if (opts.locked) {
      found = await lockedPeriodReport(db, association.id, period);
      if (!found)
        throw new NotFoundError(
          `${association.name} har ingen låst uppföljning för ${period.from} – ${period.to}. Utan --locked räknas rapporten fram ur dagens uppgifter.`,
        );
    } else {
      const band = await getFinanceBand(db, association.id);
      found = {
        report: await periodReport(db, association.id, period),
        band: { low: band.low, high: band.high },
      };
    }
    const document = await reportDocument(db, association.id, found.report, found.band, format);
    output(
      document.body,
      opts.out,
      (file) => `Uppföljningen (${found.report.period.label}) är sparad i ${file}.`,
    );
  });
}

export interface ReportNationalOptions {
  association: string;
  year: string;
  format: string;
  out?: string;
}

export async function reportNational(opts: ReportNationalOptions): Promise<void> {
  const format = opts.format.trim().toLowerCase();
  if (format !== "csv" && format !== "json")
    throw new CliError(`Formatet ${opts.format} finns inte. Välj --format csv eller json.`);
  const year = Number(opts.year);
  if (!/^\d{4}$/.test(opts.year.trim()) || year < 2000 || year > 2100)
    throw new CliError(
      `Året ska skrivas med fyra siffror, 2000–2100, till exempel 2026. Du skrev "${opts.year}".`,
    );
  await withDatabase(async ({ db }) => {
    const association = await associationBySlug(db, opts.association);
    const figures = await nationalMoneyFigures(db, association, year, todayInSweden());
    const body =
      format === "csv" ? nationalMoneyCsv(figures) : `${JSON.stringify(figures, null, 2)}\n`;
    output(body, opts.out, (file) => `De nationella uppgifterna för ${year} är sparade i ${file}.`);
  });
}
