// Importing a participant file (import-format.ts) into one initiative of the register, with the
// register's own rules (participants.ts): a new deltagar_id is registered as registerParticipant
// does (and exited as exitEnrollment does), one the initiative already has is compared with what
// the register holds and updated through updateBackground and exitEnrollment. deltagar_id is the
// initiative's own key, so the same file twice changes nothing the second time.
//
// Everything runs in one register transaction. At the end:
// - a dry run, or "all-or-nothing" with any problem, rolls the whole transaction back: the
//   result lists every row's problems and what would have happened, and nothing is written;
// - "valid-rows" keeps the rows without problems;
// - an unexpected failure midway rolls everything back.
// A dry run thus runs exactly the checks a real import runs, including those that need the
// register (the start date within the initiative, a person already enrolled, …).
//
// Fast for large files (bench/import.ts measures 100 000 rows): the rows are
// handled in batches of BATCH_ROWS, in file order. A batch's existing enrollments (by
// deltagar_id) and the participants its numbers belong to (by the keyed hash) are read in one
// query each; the initiative's open enrollments once, at the start. Every new row is checked in
// memory with the use cases' own checks (readRegistration, readExit, alreadyEnrolled), against
// the register as the rows before it in the file leave it; a row that matches its enrollment
// exactly only gets its access-log entry. The batch is then written as one statement in a
// savepoint — while the next batch is read and checked — and a refused row is never written.
// Rows that change an existing enrollment (rare in large files) go row by row through the use
// cases, each in a savepoint of its own, once everything before them is written. Should a
// batch's insert meet a record someone else made meanwhile (a unique key), its savepoint is
// rolled back and its rows go row by row too, where that row gets the use case's own answer.
//
// What the file holds is the truth for the statistics fields of an existing enrollment. Two
// things an import never does: erase or add an identity to an existing participant (an erased
// identity is never restored by importing an old file), and remove an exit.
//
// The access log: each row imported (created, updated or checked unchanged) gets an entry with
// action "import", after the use cases' own "change" entries. The existing records the run
// compared with and wrote nothing for (a dry run, a refused import, a refused row) are logged as
// a "search".
import { randomUUID } from "node:crypto";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { todayInSweden } from "../applications/workflow.ts";
import type { Db, Tx } from "../platform/database/connect.ts";
import {
  ConflictError,
  isUniqueViolation,
  NotFoundError,
  ValidationError,
} from "../platform/errors.ts";
import { type AccessEntry, accessLogRows, logAccess } from "./access-log.ts";
import { APART, insertStatements, insertTogether, wanted, wantedValue } from "./bulk.ts";
import type { RegisterCrypto } from "./crypto.ts";
import {
  IMPORT_COLUMNS,
  type ImportDefaults,
  type ImportProblem,
  type ImportRow,
  readParticipantFile,
  toExitInput,
  toRegisterInput,
} from "./import-format.ts";
import {
  alreadyEnrolled,
  type BackgroundUpdate,
  type ExitData,
  type ExitValues,
  exitEnrollment,
  type InitiativeContext,
  initiativeInScope,
  loggingDenied,
  type NewConsentRow,
  type NewEnrollmentRow,
  type NewParticipantRow,
  normaliseBackground,
  openEnrollments,
  participantsByLookup,
  readExit,
  readRegistration,
  registerParticipant,
  registrationFields,
  registrationRows,
  updateBackground,
} from "./participants.ts";
import { accessLog, consents, enrollments, participants } from "./schema.ts";
import type { RegisterActor } from "./scope.ts";
import { inRegister, type RegisterScope } from "./zone.ts";

export type ImportMode = "all-or-nothing" | "valid-rows";

export interface ImportOptions {
  /** Check everything, write nothing. */
  dryRun?: boolean;
  /** "all-or-nothing" (default): nothing is written if any row has a problem. */
  mode?: ImportMode;
  /**
   * Called for each row once the register has handled it, in file order; the rows of a batch
   * (BATCH_ROWS) are reported together once the batch is written, so at least every
   * BATCH_ROWS rows and at the end. Throwing aborts the import (nothing written).
   */
  onProgress?: (progress: { done: number; total: number }) => void;
  /** Today in Swedish time, ÅÅÅÅ-MM-DD; the real today unless given. */
  today?: string;
  /** The version and language of the consent text the file's participants agreed to. */
  consentText?: { textVersion: string; language: string };
  /** The local unit (name or id) of every row, for an initiative with local units. */
  localUnit?: string | null;
}

export interface ImportResult {
  format: "csv" | "xlsx";
  dryRun: boolean;
  mode: ImportMode;
  /** Participant rows in the file. */
  rows: number;
  /** Rows with at least one problem (the file as a whole counts as none). */
  rowsWithProblems: number;
  /** New enrollments (a dry run or a refused import: that would have been made). */
  created: number;
  /** Existing enrollments (same deltagar_id) that changed. */
  updated: number;
  /** Existing enrollments the file matches exactly. */
  unchanged: number;
  problems: ImportProblem[];
  /** Whether anything was written. */
  saved: boolean;
}

/** When the file does not say which consent text was agreed to. */
export const UNKNOWN_CONSENT_TEXT = {
  textVersion: "okänd (inläst från fil)",
  language: "okänt (inläst från fil)",
} as const;

/** Rows read, checked and written together. */
export const BATCH_ROWS = 1000;

/** The use cases' field names → the file's columns. */
const FIELD_COLUMNS: Record<string, (typeof IMPORT_COLUMNS)[number]> = {
  externalKey: "deltagar_id",
  personalNumber: "personnummer",
  consentedOn: "samtycke_datum",
  gender: "kon",
  birthYear: "fodelsear",
  municipalityCode: "kommun",
  education: "utbildning",
  supportBefore: "forsorjning_fore",
  timeOnSupport: "tid_offentlig_forsorjning",
  occupationBefore: "sysselsattning_fore",
  referrer: "remittent",
  startDate: "startdatum",
  actionPlanDate: "handlingsplan_datum",
  endDate: "slutdatum",
  status: "status_vid_avslut",
  extent: "status_vid_avslut",
  studies: "studier_vid_avslut",
  supportAfter: "forsorjning_efter",
};

const NOT_IN_SCOPE =
  "Insatsen finns inte i ditt deltagarregister: bara insatsens deltagaransvariga kan läsa in deltagare i den.";

type RowProblem = { column: string | null; message: string };

/** A row the register refused; thrown inside the row's savepoint so that it is rolled back. */
class RowRefused extends Error {
  readonly problems: RowProblem[];
  constructor(problems: RowProblem[]) {
    super("row refused");
    this.problems = problems;
  }
}

/** Ends the import transaction without writing (dry run, or problems in all-or-nothing). */
class RollBack extends Error {
  constructor() {
    super("roll back the import");
  }
}

type Outcome = "created" | "updated" | "unchanged";
/** Existing records the run compared with, by participant (and enrollment). */
type Looked = Map<string, { participantId: string; enrollmentId: string | null }>;

const sameList = (a: readonly string[], b: readonly string[]) =>
  JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

/**
 * Reads `file` and imports its rows into `initiativeId`. Problems of the file and of the rows
 * are returned, not thrown; an initiative outside the caller's scope is a NotFoundError (and is
 * logged as denied).
 */
export async function importParticipants(
  db: Db,
  crypto: RegisterCrypto,
  actor: RegisterActor,
  scope: RegisterScope,
  initiativeId: string,
  file: { data: Uint8Array; name: string },
  options: ImportOptions = {},
): Promise<ImportResult> {
  const today = options.today ?? todayInSweden();
  const dryRun = options.dryRun ?? false;
  const mode = options.mode ?? "all-or-nothing";
  const initiative = await loggingDenied(db, actor, scope, "change", {}, () =>
    inRegister(db, scope, (tx) =>
      initiativeInScope(tx, scope, initiativeId).catch((error) => {
        throw error instanceof NotFoundError ? new NotFoundError(NOT_IN_SCOPE) : error;
      }),
    ),
  );

  const parsed = await readParticipantFile(file.data, file.name, { today });
  const result: ImportResult = {
    format: parsed.format,
    dryRun,
    mode,
    rows: parsed.rowCount,
    rowsWithProblems: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    problems: [...parsed.problems],
    saved: false,
  };

  // what the file cannot say, the same for every row
  const fileProblem = (message: string) =>
    result.problems.push({ row: null, column: null, message });
  if (initiative.orientation === "structural")
    fileProblem(
      `${initiative.name} är en strukturinriktad insats: den registrerar antal deltagare per period, inte enskilda deltagare. Välj en individinriktad insats.`,
    );
  const localUnitId = resolveLocalUnit(initiative, options.localUnit ?? null, fileProblem);
  const fileRefused = result.problems.some((p) => p.row === null || p.row === 1);

  const defaults: ImportDefaults = {
    initiativeId,
    consentText: options.consentText ?? UNKNOWN_CONSENT_TEXT,
    localUnit: localUnitId,
  };
  // existing records the run compared with, and those whose row got an "import" entry
  const looked: Looked = new Map();
  const logged = new Set<string>();

  if (!fileRefused && parsed.rows.length > 0) {
    try {
      await inRegister(db, scope, async (tx) => {
        await importRows(
          { tx, crypto, actor, scope, initiative, defaults, today, looked, logged },
          parsed.rows,
          result,
          options.onProgress,
        );
        if (dryRun || (mode === "all-or-nothing" && result.problems.length > 0))
          throw new RollBack();
        // rows the register refused after comparing them with an existing record
        for (const key of logged) looked.delete(key);
        await logLooked(tx, actor, initiative, looked);
      });
      result.saved = result.created + result.updated > 0;
    } catch (error) {
      // rolled back: what the run compared with is still a read of identifiable records
      const logSearches = () =>
        inRegister(db, scope, (tx) => logLooked(tx, actor, initiative, looked));
      if (error instanceof RollBack) await logSearches();
      else {
        await logSearches().catch(() => {});
        throw error;
      }
    }
  }

  const order = (column: string | null) =>
    column === null ? -1 : (IMPORT_COLUMNS as readonly string[]).indexOf(column);
  result.problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || order(a.column) - order(b.column));
  result.rowsWithProblems = new Set(
    result.problems.filter((p) => p.row !== null && p.row > 1).map((p) => p.row),
  ).size;
  return result;
}

function resolveLocalUnit(
  initiative: InitiativeContext,
  wanted: string | null,
  fileProblem: (message: string) => void,
): string | null {
  const value = wanted?.trim() ?? "";
  const names = initiative.localUnits.map((u) => u.name).join(", ");
  if (initiative.localUnits.length === 0) {
    if (value !== "")
      fileProblem(`${initiative.name} har inga delområden: läs in filen utan att ange delområde.`);
    return null;
  }
  if (value === "") {
    fileProblem(
      `${initiative.name} arbetar i flera delområden (${names}). Ange vilket delområde filens deltagare hör till; en fil per delområde.`,
    );
    return null;
  }
  const unit = initiative.localUnits.find(
    (u) => u.id === value || u.name.toLocaleLowerCase("sv") === value.toLocaleLowerCase("sv"),
  );
  if (!unit)
    fileProblem(`Delområdet ”${value}” finns inte i ${initiative.name}. Välj ett av: ${names}.`);
  return unit?.id ?? null;
}

/** A refused row's problems by column, or null for an error that must abort the import. */
function rowProblems(error: unknown): RowProblem[] | null {
  if (error instanceof RowRefused) return error.problems;
  if (error instanceof ValidationError)
    return Object.entries(error.fields).map(([field, message]) => ({
      column: FIELD_COLUMNS[field] ?? null,
      message,
    }));
  if (error instanceof ConflictError) return [{ column: null, message: error.message }];
  return null;
}

/** rowProblems, rethrowing what is no row's problem. */
function refusal(error: unknown): RowProblem[] {
  const problems = rowProblems(error);
  if (!problems) throw error;
  return problems;
}

interface RunContext {
  tx: Tx;
  crypto: RegisterCrypto;
  actor: RegisterActor;
  scope: RegisterScope;
  initiative: InitiativeContext;
  defaults: ImportDefaults;
  today: string;
  looked: Looked;
  logged: Set<string>;
}

/** The fields of a row's "import" entry when the row made a new enrollment. */
const createdFields = (anonymous: boolean, exited: boolean) => [
  "enrollment",
  "externalKey",
  "gender",
  "birthYear",
  "background",
  ...(anonymous ? [] : ["identity", "consent"]),
  ...(exited ? ["exit"] : []),
];

// ---------------------------------------------------------------------------------------------
// In batches

/** What one row does, decided in memory; written with its batch. */
interface Planned {
  row: ImportRow;
  /** Null: the row is refused (`problems`). */
  outcome: Outcome | null;
  problems: RowProblem[];
  looked?: [string, { participantId: string; enrollmentId: string | null }];
  logged?: string;
  participant?: NewParticipantRow;
  consent?: NewConsentRow;
  enrollment?: NewEnrollmentRow;
  log: AccessEntry[];
}

type Open = { startDate: string; externalKey: string | null };

/**
 * The register as the rows before the current one leave it, for checking new rows: the data
 * controller's participants by keyed hash, and who has an enrollment without end date in the
 * initiative.
 *
 * The participants are read in batches (by the unique index: bulk.ts) and locked, as
 * registerParticipant locks the participant it finds again; what the batches before the one
 * being written read or made is forgotten once they are written — the database answers for it
 * again — so that the memory stays that of two batches however long the file. A participant's
 * open enrollments are read once it is locked (nobody else can then enrol them), and kept from
 * then on as the import makes and ends enrollments: read for each batch, within the transaction
 * that has just written an import's rows (which PostgreSQL's statistics do not know yet), they
 * may cost a scan of the whole initiative.
 */
class KnownParticipants {
  private readonly byLookup = new Map<string, { id: string | null; batch: number }>();
  private readonly lookupOf = new Map<string, string>();
  /** The open enrollment of each participant in `settled` that has one. */
  private readonly open = new Map<string, Open>();
  /** Participants this import has locked or made: `open` holds theirs for certain. */
  private readonly settled = new Set<string>();
  private readonly c: RunContext;
  /** The batch being read or planned. */
  batch = 0;
  constructor(c: RunContext) {
    this.c = c;
  }

  /** The participants' open enrollments, read (again): they are locked by this import. */
  async readOpen(participantIds: readonly string[]): Promise<void> {
    if (participantIds.length === 0) return;
    const open = await openEnrollments(this.c.tx, this.c.initiative.id, participantIds);
    for (const id of participantIds) {
      const first = open.get(id);
      if (first) this.open.set(id, first);
      else this.open.delete(id);
      this.settled.add(id);
    }
  }

  async prefetch(lookups: readonly string[]): Promise<void> {
    const wanted = [...new Set(lookups.filter((l) => !this.byLookup.has(l)))];
    if (wanted.length === 0) return;
    const found = await participantsByLookup(this.c.tx, this.c.initiative.ownerId, wanted);
    await this.readOpen(found.map((f) => f.id).filter((id) => !this.settled.has(id)));
    for (const lookup of wanted) this.byLookup.set(lookup, { id: null, batch: this.batch });
    for (const f of found) this.set(f.identityLookup as string, f.id);
  }

  /** The participant with this keyed hash, and their open enrollment in the initiative. */
  async get(lookup: string): Promise<{ id: string; open: Open | null } | null> {
    await this.prefetch([lookup]);
    const id = this.byLookup.get(lookup)?.id;
    return id ? { id, open: this.open.get(id) ?? null } : null;
  }

  set(lookup: string, participantId: string): void {
    this.byLookup.set(lookup, { id: participantId, batch: this.batch });
    this.lookupOf.set(participantId, lookup);
  }

  /** A participant this import makes: no enrollment yet. */
  made(participantId: string): void {
    this.settled.add(participantId);
  }

  /** A new enrollment without end date. */
  opened(participantId: string, open: Open): void {
    if (!this.open.has(participantId)) this.open.set(participantId, open);
  }

  /** Read again when next needed: a row went through the use cases. */
  forget(participantId: string | null, lookup: string | null): void {
    const byId = participantId ? this.lookupOf.get(participantId) : undefined;
    if (byId) this.byLookup.delete(byId);
    if (lookup) this.byLookup.delete(lookup);
    if (participantId) this.lookupOf.delete(participantId);
  }

  /** Forgets the participants the batches before `batch` read or made: they are written. */
  forgetBefore(batch: number): void {
    for (const [lookup, entry] of this.byLookup)
      if (entry.batch < batch) {
        this.byLookup.delete(lookup);
        if (entry.id) this.lookupOf.delete(entry.id);
      }
  }

  /** Everything to be read again: someone else's record came between. */
  reset(): void {
    this.byLookup.clear();
    this.lookupOf.clear();
    this.open.clear();
    this.settled.clear();
  }
}

/**
 * The initiative's enrollments with these deltagar_id and what of them and their participants
 * the import compares; each deltagar_id through the unique index (bulk.ts).
 */
async function selectExisting(tx: Tx, initiativeId: string, keys: readonly string[]) {
  const e = tx
    .select({
      id: enrollments.id,
      initiativeId: enrollments.initiativeId,
      participantId: enrollments.participantId,
      version: enrollments.version,
      externalKey: enrollments.externalKey,
      startDate: enrollments.startDate,
      endDate: enrollments.endDate,
      exit: enrollments.exit,
      background: enrollments.background,
      municipalityCode: enrollments.municipalityCode,
      actionPlanDate: enrollments.actionPlanDate,
      localUnitId: enrollments.localUnitId,
    })
    .from(enrollments)
    .where(
      and(isNotNull(enrollments.externalKey), sql`${enrollments.externalKey} = ${wantedValue}`),
    )
    .offset(APART)
    .as("existing");
  const rows = await tx
    .select({
      enrollment: {
        id: e.id,
        initiativeId: e.initiativeId,
        version: e.version,
        externalKey: e.externalKey,
        startDate: e.startDate,
        endDate: e.endDate,
        exit: e.exit,
        background: e.background,
        municipalityCode: e.municipalityCode,
        actionPlanDate: e.actionPlanDate,
        localUnitId: e.localUnitId,
      },
      participant: {
        id: participants.id,
        identityLookup: participants.identityLookup,
        hasIdentity: sql<boolean>`${participants.identityCiphertext} is not null`,
        erasedAt: participants.erasedAt,
        protectedIdentity: participants.protectedIdentity,
        gender: participants.gender,
        birthYear: participants.birthYear,
      },
    })
    .from(wanted(keys, "text"))
    .innerJoinLateral(e, sql`true`)
    .innerJoin(participants, eq(participants.id, e.participantId));
  // the same deltagar_id may be another initiative's in the scope
  return rows.filter((r) => r.enrollment.initiativeId === initiativeId);
}
type Existing = Awaited<ReturnType<typeof selectExisting>>[number];

/** The initiative's enrollments with these deltagar_id, and their participants, by key. */
async function existingByKey(c: RunContext, keys: readonly string[]) {
  const rows = await selectExisting(c.tx, c.initiative.id, keys);
  return new Map(rows.map((r) => [r.enrollment.externalKey as string, r]));
}

/**
 * Imports the file's rows in order, in batches; row by row where a row changes a record. The
 * database writes a batch while the next is planned. Takes the rows out of `rows` as it goes.
 */
async function importRows(
  c: RunContext,
  rows: ImportRow[],
  result: ImportResult,
  onProgress: ImportOptions["onProgress"],
): Promise<void> {
  const total = rows.length;
  let done = 0;
  const progress = () => {
    done++;
    onProgress?.({ done, total });
  };
  const known = new KnownParticipants(c);
  const hashes = new Map<string, string>();
  const lookupOf = (canonical: string) => {
    let hash = hashes.get(canonical);
    if (hash === undefined) {
      hash = c.crypto.lookupHash(canonical);
      hashes.set(canonical, hash);
    }
    return hash;
  };
  // participants a row changed through the use cases: compared again from the database
  const changed = new Set<string>();

  const rowByRow = async (row: ImportRow) => {
    try {
      const handled = await c.tx.transaction((rowTx) => importRow(rowTx, row, c, lookupOf));
      result[handled.outcome]++;
      changed.add(handled.participantId);
      known.forget(handled.participantId, row.identity ? lookupOf(row.identity.canonical) : null);
      await known.readOpen([handled.participantId]);
    } catch (error) {
      for (const p of refusal(error)) result.problems.push({ row: row.row, ...p });
    }
    progress();
  };

  // The batch being written while the next is planned: the database writes one batch while
  // the next is checked and encrypted here. Only one at a time, and each is settled before
  // anything that reads what it writes.
  let writing: { planned: Planned[]; written: Promise<void> } | null = null;
  const write = (planned: Planned[]) => {
    if (planned.length === 0) return;
    const written = c.tx.transaction((batchTx) => writePlanned(batchTx, c.actor, planned));
    written.catch(() => {}); // settled (and its failure handled) by `settle`
    writing = { planned, written };
  };
  /**
   * Waits for the batch being written and counts its rows. False when it met a record someone
   * else made meanwhile: its rows have then gone through the use cases one by one, and what was
   * planned after it, on what it would have written, must be planned again.
   */
  const settle = async (): Promise<boolean> => {
    if (!writing) return true;
    const { planned, written } = writing;
    writing = null;
    try {
      await written;
    } catch (error) {
      if (
        !isUniqueViolation(error, "participants_identity_unique") &&
        !isUniqueViolation(error, "enrollments_external_key_unique")
      )
        throw error;
      known.reset();
      for (const p of planned) await rowByRow(p.row);
      return false;
    }
    for (const p of planned) {
      if (p.outcome) result[p.outcome]++;
      for (const problem of p.problems) result.problems.push({ row: p.row.row, ...problem });
      if (p.looked) c.looked.set(...p.looked);
      if (p.logged) c.logged.add(p.logged);
      progress();
    }
    return true;
  };

  /** The chunk's existing enrollments, and its new numbers' participants in `known`. */
  const read = async (chunk: readonly ImportRow[]) => {
    const existing = await existingByKey(
      c,
      chunk.map((r) => r.externalKey),
    );
    await known.prefetch(
      chunk.flatMap((r) =>
        r.identity && !existing.has(r.externalKey) ? [lookupOf(r.identity.canonical)] : [],
      ),
    );
    return existing;
  };

  try {
    // the rows are taken out of `rows` batch by batch: a written batch's rows can go
    let chunk = rows.splice(0, BATCH_ROWS);
    let existing = await read(chunk);
    while (chunk.length > 0) {
      let batch: Planned[] = [];
      let replan = false;
      for (const row of chunk) {
        const found = existing.get(row.externalKey);
        const planned = found
          ? changed.has(found.participant.id)
            ? null
            : planExisting(c, row, found, lookupOf)
          : await planNew(c, row, known, lookupOf);
        if (planned) {
          batch.push(planned);
          continue;
        }
        // through the use cases, on a register that holds everything before it
        if (!(await settle())) {
          replan = true;
          break;
        }
        write(batch);
        batch = [];
        await settle();
        await rowByRow(row);
      }
      if (replan || !(await settle())) {
        // the batch before met someone else's record: plan this chunk again, on what is written
        existing = await read(chunk);
        continue;
      }
      // what the batches before this one read or made is written: the database answers for it
      known.forgetBefore(known.batch);
      known.batch++;
      hashes.clear();
      chunk = rows.splice(0, BATCH_ROWS);
      if (chunk.length > 0) existing = await read(chunk);
      write(batch);
    }
    await settle();
  } finally {
    // never leave a write running when the transaction ends (an error above rolls it back)
    await (writing as { written: Promise<void> } | null)?.written.catch(() => {});
  }
}

/** A new deltagar_id: registered and, with an exit, exited, as the use cases would. */
async function planNew(
  c: RunContext,
  row: ImportRow,
  known: KnownParticipants,
  lookupOf: (canonical: string) => string,
): Promise<Planned> {
  const planned: Planned = { row, outcome: null, problems: [], log: [] };
  const { initiative } = c;
  let values: ReturnType<typeof readRegistration>;
  try {
    values = readRegistration(toRegisterInput(row, c.defaults), initiative, c.today);
  } catch (error) {
    planned.problems = refusal(error);
    return planned;
  }
  const lookup = values.identity ? lookupOf(values.identity.canonical) : null;
  const found = lookup ? await known.get(lookup) : null;
  if (found?.open) {
    planned.problems = refusal(alreadyEnrolled(initiative.name, found.open));
    return planned;
  }
  const participantId = found?.id ?? randomUUID();
  const enrollmentId = randomUUID();
  if (found) planned.looked = [participantId, { participantId, enrollmentId: null }];

  const exitInput = toExitInput(row);
  let exit: ExitValues | null = null;
  if (exitInput) {
    try {
      exit = readExit(
        { startDate: values.startDate, actionPlanDate: values.actionPlanDate, voided: false },
        exitInput,
        c.today,
      );
    } catch (error) {
      planned.problems = refusal(error);
      return planned;
    }
  }

  const rows = registrationRows(c.crypto, c.actor, initiative, values, lookup);
  if (!found) planned.participant = rows.participant(participantId);
  planned.consent = rows.consent(participantId) ?? undefined;
  planned.enrollment = {
    ...rows.enrollment(participantId),
    id: enrollmentId,
    // exited at once: as exitEnrollment leaves a new enrollment (version 1 → 2)
    ...(exit
      ? {
          endDate: exit.endDate,
          exit: { ...exit.exit },
          voided: exit.voided,
          actionPlanDate: exit.actionPlanDate,
          updatedAt: new Date(),
          version: 2,
        }
      : {}),
  };
  const entry = (action: "change" | "import", fields: string[]): AccessEntry => ({
    associationId: initiative.associationId,
    dataControllerId: initiative.ownerId,
    participantId,
    enrollmentId,
    action,
    fields,
  });
  planned.log.push(
    entry(
      "change",
      registrationFields(values, found ? { found: true, nameAdded: false } : { found: false }),
    ),
  );
  if (exit) planned.log.push(entry("change", exit.fields));
  // a participant found by their number has an identity; a new one has one when it is stored
  planned.log.push(entry("import", createdFields(values.identity === null, exit !== null)));
  planned.outcome = "created";
  planned.logged = participantId;
  if (!found) known.made(participantId);
  if (lookup) known.set(lookup, participantId);
  if (!exit)
    known.opened(participantId, { startDate: values.startDate, externalKey: values.externalKey });
  return planned;
}

/**
 * An existing deltagar_id the file matches exactly, or refuses by comparison alone; null when
 * the row changes the enrollment (it goes through the use cases, row by row).
 */
function planExisting(
  c: RunContext,
  row: ImportRow,
  existing: Existing,
  lookupOf: (canonical: string) => string,
): Planned | null {
  const { enrollment: e, participant: p } = existing;
  const comparison = compareWithRegister(row, existing, c.defaults, lookupOf);
  const changes = Object.keys(comparison.update).length > 0 || comparison.exitChanged;
  if (!comparison.identityRefused && changes) return null;
  // compared with the record: a search at the end, unless the row's import entry is kept
  const key = `${p.id}/${e.id}`;
  const planned: Planned = {
    row,
    outcome: null,
    problems: [],
    log: [],
    looked: [key, { participantId: p.id, enrollmentId: e.id }],
  };
  const refused = comparison.identityRefused ?? comparison.exitRemoved;
  if (refused) {
    planned.problems = refused;
    return planned;
  }
  planned.log.push({
    associationId: c.initiative.associationId,
    dataControllerId: c.initiative.ownerId,
    participantId: p.id,
    enrollmentId: e.id,
    action: "import",
    fields: [],
  });
  planned.outcome = "unchanged";
  planned.logged = key;
  return planned;
}

/**
 * Writes a batch's rows, in file order, as one statement: the database works through it while
 * the next batch is planned.
 */
async function writePlanned(tx: Tx, actor: RegisterActor, planned: readonly Planned[]) {
  await insertTogether(tx, [
    ...insertStatements(
      participants,
      planned.flatMap((p) => (p.participant ? [p.participant] : [])),
    ),
    ...insertStatements(
      consents,
      planned.flatMap((p) => (p.consent ? [p.consent] : [])),
    ),
    ...insertStatements(
      enrollments,
      planned.flatMap((p) => (p.enrollment ? [p.enrollment] : [])),
    ),
    ...insertStatements(
      accessLog,
      accessLogRows(
        actor,
        planned.flatMap((p) => p.log),
      ),
    ),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Row by row

/** How a row differs from the enrollment with its deltagar_id and that enrollment's participant. */
interface Comparison {
  /** Another person's number, or a number for an anonymous participant: the row is refused. */
  identityRefused: RowProblem[] | null;
  /** What was recorded at start that changes. */
  update: BackgroundUpdate;
  exitChanged: boolean;
  /** The register has an exit the row does not: refused, as an import never removes an exit. */
  exitRemoved: RowProblem[] | null;
}

function compareWithRegister(
  row: ImportRow,
  { enrollment: e, participant: p }: Existing,
  defaults: ImportDefaults,
  lookupOf: (canonical: string) => string,
): Comparison {
  // the identity: compared, never added, changed or restored
  let identityRefused: RowProblem[] | null = null;
  if (row.identity) {
    if (p.identityLookup !== null) {
      if (lookupOf(row.identity.canonical) !== p.identityLookup)
        identityRefused = [
          {
            column: "personnummer",
            message: `deltagar_id ”${row.externalKey}” hör i registret till en annan person än personnumret på raden. Kontrollera deltagar_id och personnummer.`,
          },
        ];
    } else if (p.erasedAt === null && !p.protectedIdentity) {
      identityRefused = [
        {
          column: "personnummer",
          message: `Deltagaren med deltagar_id ”${row.externalKey}” är registrerad anonymt, och ett personnummer kan inte läggas till genom import. Lämna personnummer och samtycke_datum tomma på raden.`,
        },
      ];
    }
    // an erased or protected identity stays erased: the number on the row is not stored
  }

  // what was recorded at start
  const update: BackgroundUpdate = {};
  if (row.gender !== p.gender) update.gender = row.gender;
  const birthYear = row.birthYear === null && p.hasIdentity ? p.birthYear : row.birthYear;
  if (birthYear !== p.birthYear) update.birthYear = birthYear;
  if (row.startDate !== e.startDate) update.startDate = row.startDate;
  if (row.municipalityCode !== e.municipalityCode) update.municipalityCode = row.municipalityCode;
  if (row.actionPlanDate !== e.actionPlanDate) update.actionPlanDate = row.actionPlanDate;
  if (defaults.localUnit && defaults.localUnit !== e.localUnitId)
    update.localUnitId = defaults.localUnit;
  const stored = normaliseBackground(e.background);
  const b = row.background;
  if (
    b.education !== stored.education ||
    !sameList(b.supportBefore, stored.supportBefore) ||
    b.timeOnSupport !== stored.timeOnSupport ||
    b.occupationBefore !== stored.occupationBefore ||
    b.referrer !== stored.referrer
  )
    update.background = { ...b, supportBefore: [...b.supportBefore] };

  // the exit
  const storedExit = e.exit as ExitData | null;
  const sameExit =
    row.exit !== null &&
    storedExit !== null &&
    e.endDate === row.exit.endDate &&
    storedExit.status === row.exit.status &&
    (row.exit.status === "felregistrering" ||
      (storedExit.studies === row.exit.studies &&
        sameList(storedExit.supportAfter ?? [], row.exit.supportAfter)));
  return {
    identityRefused,
    update,
    exitChanged: row.exit !== null && !sameExit,
    exitRemoved:
      row.exit === null && storedExit !== null
        ? [
            {
              column: "slutdatum",
              message: `Deltagaren med deltagar_id ”${row.externalKey}” är redan utskriven i registret (slutdatum ${e.endDate}), men raden saknar slutdatum och status_vid_avslut. Fyll i avslutet på raden; importen tar aldrig bort ett avslut.`,
            },
          ]
        : null,
  };
}

// The use cases take the database and open their own (here: nested, a savepoint) register
// transaction in it; a transaction serves them just as well.
const asDb = (tx: Tx) => tx as unknown as Db;

/** One row through the use cases, in its own savepoint `tx`; which participant it concerned. */
async function importRow(
  tx: Tx,
  row: ImportRow,
  c: RunContext,
  lookupOf: (canonical: string) => string,
): Promise<{ outcome: Outcome; participantId: string }> {
  const [existing] = await selectExisting(tx, c.initiative.id, [row.externalKey]);
  const log = (participantId: string, enrollmentId: string, fields: string[]) =>
    logAccess(tx, c.actor, {
      associationId: c.initiative.associationId,
      dataControllerId: c.initiative.ownerId,
      participantId,
      enrollmentId,
      action: "import",
      fields,
    });

  if (!existing) {
    const registered = await registerParticipant(
      asDb(tx),
      c.crypto,
      c.actor,
      c.scope,
      toRegisterInput(row, c.defaults),
      c.today,
    );
    const participantId = registered.participantId;
    if (!registered.newParticipant)
      c.looked.set(participantId, { participantId, enrollmentId: null });
    const exit = toExitInput(row);
    // a new enrollment starts at version 1
    if (exit)
      await exitEnrollment(asDb(tx), c.actor, c.scope, registered.enrollmentId, 1, exit, c.today);
    await log(participantId, registered.enrollmentId, createdFields(registered.anonymous, !!exit));
    c.logged.add(participantId);
    return { outcome: "created", participantId };
  }

  const { enrollment: e, participant: p } = existing;
  const key = `${p.id}/${e.id}`;
  c.looked.set(key, { participantId: p.id, enrollmentId: e.id });
  const comparison = compareWithRegister(row, existing, c.defaults, lookupOf);
  if (comparison.identityRefused) throw new RowRefused(comparison.identityRefused);

  const changed: string[] = [];
  let version = e.version;
  const { update } = comparison;
  if (Object.keys(update).length > 0) {
    ({ version } = await updateBackground(
      asDb(tx),
      c.actor,
      c.scope,
      e.id,
      version,
      update,
      c.today,
    ));
    changed.push(...Object.keys(update).map((k) => (k === "localUnitId" ? "localUnit" : k)));
  }
  const input = comparison.exitChanged ? toExitInput(row, e.exit as ExitData | null) : null;
  if (input) {
    ({ version } = await exitEnrollment(asDb(tx), c.actor, c.scope, e.id, version, input, c.today));
    changed.push("exit");
  } else if (comparison.exitRemoved) throw new RowRefused(comparison.exitRemoved);

  await log(p.id, e.id, changed);
  c.logged.add(key);
  return { outcome: changed.length > 0 ? "updated" : "unchanged", participantId: p.id };
}

/** The existing records the run compared the file with and wrote nothing for, as a search. */
async function logLooked(
  tx: Tx,
  actor: RegisterActor,
  initiative: InitiativeContext,
  looked: Looked,
): Promise<void> {
  const entries = [...looked.values()].map((l) => ({
    associationId: initiative.associationId,
    dataControllerId: initiative.ownerId,
    participantId: l.participantId,
    enrollmentId: l.enrollmentId,
    action: "search" as const,
    fields: ["enrollment", "externalKey"],
  }));
  await logAccess(tx, actor, entries);
}
