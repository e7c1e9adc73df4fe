// What `samspar report follow-up` and `samspar report national` do (report-commands.ts is their
// surface): open the database, compute or read the report, write it to the file or to stdout,
// close the database. Reading only: nothing is stored and nothing goes to the audit log.
// The database layer, the report's computation and the document libraries (DOCX, PDF, XLSX) are
// loaded only once the input is checked and only what the command needs, so a refusal answers
// at once and `report national` does not load the documents.
import fs from "node:fs";
import path from "node:path";
import { FOLLOW_UP_FORMATS, isFollowUpFormat } from "../follow-up/documents/formats.ts";
import { readConfig } from "../platform/config.ts";
import type { Database, Queryable } from "../platform/database/connect.ts";
import { NotFoundError } from "../platform/errors.ts";
import { CliError, printLines } from "./output.ts";

async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const config = readConfig();
  const [{ openDatabase }, { readLiveLock }] = await Promise.all([
    import("../platform/database/connect.ts"),
    import("../platform/database/embedded.ts"),
  ]);
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
  const { findAssociationBySlug } = await import("../associations/find-association.ts");
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
  const { checkFollowUpInput } = await import("../follow-up/store.ts");
  checkFollowUpInput(period);
  await withDatabase(async ({ db }) => {
    const association = await associationBySlug(db, opts.association);
    const { lockedPeriodReport, periodReport } = await import("../follow-up/store-report.ts");
    let found: Awaited<ReturnType<typeof lockedPeriodReport>>;
    if (opts.locked) {
      found = await lockedPeriodReport(db, association.id, period);
      if (!found)
        throw new NotFoundError(
          `${association.name} har ingen låst uppföljning för ${period.from} – ${period.to}. Utan --locked räknas rapporten fram ur dagens uppgifter.`,
        );
    } else {
      const { getFinanceBand } = await import("../finance/outcome.ts");
      const band = await getFinanceBand(db, association.id);
      found = {
        report: await periodReport(db, association.id, period),
        band: { low: band.low, high: band.high },
      };
    }
    const { reportDocument } = await import("../follow-up/store-documents.ts");
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
    const [{ nationalMoneyCsv, nationalMoneyFigures }, { todayInSweden }] = await Promise.all([
      import("../finance/national-money.ts"),
      import("../applications/workflow.ts"),
    ]);
    const figures = await nationalMoneyFigures(db, association, year, todayInSweden());
    const body =
      format === "csv" ? nationalMoneyCsv(figures) : `${JSON.stringify(figures, null, 2)}\n`;
    output(body, opts.out, (file) => `De nationella uppgifterna för ${year} är sparade i ${file}.`);
  });
}
