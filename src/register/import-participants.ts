// Importing a participant file (import-format.ts) into one initiative of the register, through
// the register's own use cases (participants.ts): registerParticipant for a new deltagar_id,
// updateBackground and exitEnrollment for one the initiative already has. deltagar_id is the
// initiative's own key, so the same file twice changes nothing the second time.
//
// Everything runs in one register transaction; every row in a savepoint of its own, so a row
// the register refuses leaves nothing behind and the next row goes on. At the end:
// - a dry run, or "all-or-nothing" with any problem, rolls the whole transaction back: the
//   result lists every row's problems and what would have happened, and nothing is written;
// - "valid-rows" keeps the rows without problems;
// - an unexpected failure midway rolls everything back.
// A dry run thus runs exactly the checks a real import runs, including those that need the
// register (the start date within the initiative, a person already enrolled, …).
//
// What the file holds is the truth for the statistics fields of an existing enrollment. Two
// things an import never does: erase or add an identity to an existing participant (an erased
// identity is never restored by importing an old file), and remove an exit.
//
// The access log: each row imported (created, updated or checked unchanged) gets an entry with
// action "import"; the use cases add their own "change" entries. The existing records the run
// compared with and wrote nothing for (a dry run, a refused import, a refused row) are logged as
// a "search".
import { and, eq } from "drizzle-orm";
import { todayInSweden } from "../applications/workflow.ts";
import { initiativeLocalUnits, initiatives } from "../initiatives/schema.ts";
import type { Db, Tx } from "../platform/database/connect.ts";
import { ConflictError, NotFoundError, ValidationError } from "../platform/errors.ts";
import { logAccess } from "./access-log.ts";
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
  type BackgroundUpdate,
  type ExitData,
  exitEnrollment,
  loggingDenied,
  normaliseBackground,
  registerParticipant,
  updateBackground,
} from "./participants.ts";
import { enrollments, participants } from "./schema.ts";
import type { RegisterActor } from "./scope.ts";
import { inRegister, type RegisterScope } from "./zone.ts";

export type ImportMode = "all-or-nothing" | "valid-rows";

export interface ImportOptions {
  /** Check everything, write nothing. */
  dryRun?: boolean;
  /** "all-or-nothing" (default): nothing is written if any row has a problem. */
  mode?: ImportMode;
  /** Called after each row the register has handled. Throwing aborts the import (nothing written). */
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

/** A row the register refused; thrown inside the row's savepoint so that it is rolled back. */
class RowRefused extends Error {
  readonly problems: Array<{ column: string | null; message: string }>;
  constructor(problems: Array<{ column: string | null; message: string }>) {
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

interface Initiative {
  id: string;
  name: string;
  associationId: string;
  ownerId: string;
  orientation: "individual" | "structural";
  localUnits: Array<{ id: string; name: string }>;
}

type Outcome = "created" | "updated" | "unchanged";

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
    initiativeInScope(db, scope, initiativeId),
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
  const looked = new Map<string, { participantId: string; enrollmentId: string | null }>();
  const logged = new Set<string>();

  if (!fileRefused && parsed.rows.length > 0) {
    const total = parsed.rows.length;
    try {
      await inRegister(db, scope, async (tx) => {
        let done = 0;
        for (const row of parsed.rows) {
          try {
            const outcome = await tx.transaction((rowTx) =>
              importRow(rowTx, row, {
                crypto,
                actor,
                scope,
                initiative,
                defaults,
                today,
                looked,
                logged,
              }),
            );
            result[outcome]++;
          } catch (error) {
            const refused = rowProblems(error);
            if (!refused) throw error;
            for (const p of refused) result.problems.push({ row: row.row, ...p });
          }
          done++;
          options.onProgress?.({ done, total });
        }
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

async function initiativeInScope(
  db: Db,
  scope: RegisterScope,
  initiativeId: string,
): Promise<Initiative> {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (!uuid.test(initiativeId) || !scope.initiatives.includes(initiativeId))
    throw new NotFoundError(NOT_IN_SCOPE);
  return inRegister(db, scope, async (tx) => {
    const [row] = await tx
      .select({
        id: initiatives.id,
        name: initiatives.name,
        associationId: initiatives.associationId,
        ownerId: initiatives.ownerOrganisationId,
        orientation: initiatives.orientation,
      })
      .from(initiatives)
      .where(eq(initiatives.id, initiativeId));
    if (!row || !scope.controllers.includes(row.ownerId)) throw new NotFoundError(NOT_IN_SCOPE);
    const localUnits = await tx
      .select({ id: initiativeLocalUnits.id, name: initiativeLocalUnits.name })
      .from(initiativeLocalUnits)
      .where(eq(initiativeLocalUnits.initiativeId, initiativeId))
      .orderBy(initiativeLocalUnits.position);
    return { ...row, localUnits };
  });
}

function resolveLocalUnit(
  initiative: Initiative,
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
function rowProblems(error: unknown): Array<{ column: string | null; message: string }> | null {
  if (error instanceof RowRefused) return error.problems;
  if (error instanceof ValidationError)
    return Object.entries(error.fields).map(([field, message]) => ({
      column: FIELD_COLUMNS[field] ?? null,
      message,
    }));
  if (error instanceof ConflictError) return [{ column: null, message: error.message }];
  return null;
}

interface RowContext {
  crypto: RegisterCrypto;
  actor: RegisterActor;
  scope: RegisterScope;
  initiative: Initiative;
  defaults: ImportDefaults;
  today: string;
  looked: Map<string, { participantId: string; enrollmentId: string | null }>;
  logged: Set<string>;
}

// The use cases take the database and open their own (here: nested, a savepoint) register
// transaction in it; a transaction serves them just as well.
const asDb = (tx: Tx) => tx as unknown as Db;

async function importRow(tx: Tx, row: ImportRow, c: RowContext): Promise<Outcome> {
  const [existing] = await tx
    .select({ enrollment: enrollments, participant: participants })
    .from(enrollments)
    .innerJoin(participants, eq(participants.id, enrollments.participantId))
    .where(
      and(
        eq(enrollments.initiativeId, c.initiative.id),
        eq(enrollments.externalKey, row.externalKey),
      ),
    );
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
    if (!registered.newParticipant)
      c.looked.set(registered.participantId, {
        participantId: registered.participantId,
        enrollmentId: null,
      });
    const fields = ["enrollment", "externalKey", "gender", "birthYear", "background"];
    if (!registered.anonymous) fields.push("identity", "consent");
    const exit = toExitInput(row);
    if (exit) {
      // a new enrollment starts at version 1
      await exitEnrollment(asDb(tx), c.actor, c.scope, registered.enrollmentId, 1, exit, c.today);
      fields.push("exit");
    }
    await log(registered.participantId, registered.enrollmentId, fields);
    c.logged.add(registered.participantId);
    return "created";
  }

  const { enrollment: e, participant: p } = existing;
  const key = `${p.id}/${e.id}`;
  c.looked.set(key, { participantId: p.id, enrollmentId: e.id });

  // the identity: compared, never added, changed or restored
  if (row.identity) {
    if (p.identityLookup !== null) {
      if (c.crypto.lookupHash(row.identity.canonical) !== p.identityLookup)
        throw new RowRefused([
          {
            column: "personnummer",
            message: `deltagar_id ”${row.externalKey}” hör i registret till en annan person än personnumret på raden. Kontrollera deltagar_id och personnummer.`,
          },
        ]);
    } else if (p.erasedAt === null && !p.protectedIdentity) {
      throw new RowRefused([
        {
          column: "personnummer",
          message: `Deltagaren med deltagar_id ”${row.externalKey}” är registrerad anonymt, och ett personnummer kan inte läggas till genom import. Lämna personnummer och samtycke_datum tomma på raden.`,
        },
      ]);
    }
    // an erased or protected identity stays erased: the number on the row is not stored
  }

  const changed: string[] = [];
  let version = e.version;

  // what was recorded at start
  const update: BackgroundUpdate = {};
  if (row.gender !== p.gender) update.gender = row.gender;
  const birthYear =
    row.birthYear === null && p.identityCiphertext !== null ? p.birthYear : row.birthYear;
  if (birthYear !== p.birthYear) update.birthYear = birthYear;
  if (row.startDate !== e.startDate) update.startDate = row.startDate;
  if (row.municipalityCode !== e.municipalityCode) update.municipalityCode = row.municipalityCode;
  if (row.actionPlanDate !== e.actionPlanDate) update.actionPlanDate = row.actionPlanDate;
  if (c.defaults.localUnit && c.defaults.localUnit !== e.localUnitId)
    update.localUnitId = c.defaults.localUnit;
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

  // the exit
  const storedExit = e.exit as ExitData | null;
  if (row.exit) {
    const same =
      storedExit !== null &&
      e.endDate === row.exit.endDate &&
      storedExit.status === row.exit.status &&
      (row.exit.status === "felregistrering" ||
        (storedExit.studies === row.exit.studies &&
          sameList(storedExit.supportAfter ?? [], row.exit.supportAfter)));
    if (!same) {
      const input = toExitInput(row, storedExit) ?? undefined;
      if (input) {
        ({ version } = await exitEnrollment(
          asDb(tx),
          c.actor,
          c.scope,
          e.id,
          version,
          input,
          c.today,
        ));
        changed.push("exit");
      }
    }
  } else if (storedExit !== null) {
    throw new RowRefused([
      {
        column: "slutdatum",
        message: `Deltagaren med deltagar_id ”${row.externalKey}” är redan utskriven i registret (slutdatum ${e.endDate}), men raden saknar slutdatum och status_vid_avslut. Fyll i avslutet på raden; importen tar aldrig bort ett avslut.`,
      },
    ]);
  }

  await log(p.id, e.id, changed);
  c.logged.add(key);
  return changed.length > 0 ? "updated" : "unchanged";
}

/** The existing records the run compared the file with and wrote nothing for, as a search. */
async function logLooked(
  tx: Tx,
  actor: RegisterActor,
  initiative: Initiative,
  looked: RowContext["looked"],
): Promise<void> {
  await logAccess(
    tx,
    actor,
    [...looked.values()].map((l) => ({
      associationId: initiative.associationId,
      dataControllerId: initiative.ownerId,
      participantId: l.participantId,
      enrollmentId: l.enrollmentId,
      action: "search" as const,
      fields: ["enrollment", "externalKey"],
    })),
  );
}
