// The evaluator export (domain/participants.md §"Progression measurement"): every measurement of
// one initiative — the participants' and the comparison group's — as a pseudonymous CSV for an
// external evaluator. Columns: docs/formats/progression-evaluator-export.md.
//
// PSEUDONYMS. A participant's pseudonym is HMAC-SHA256 of their participant id under a key drawn
// at random for this export and then forgotten: stable within one export (a person's zero-point
// and follow-ups, and their enrollments, share it), different in the next, and not reversible by
// anyone, Samspår included. A comparison respondent's pseudonym is made the same way from the
// initiative's code. No personnummer, name, participant id, enrollment id, external key or
// respondent code is written; birth year as a five-year band and dates of enrollment as
// year-month only.
//
// The export reads the register in the participant officer's scope (register zone) and writes
// an "export" entry to the access log for every participant in it, in the same transaction.
import { createHmac, randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../platform/database/connect.ts";
import { logAccess } from "../register/access-log.ts";
import { initiativeInScope } from "../register/participants.ts";
import type { RegisterAccess } from "../register/scope.ts";
import { inRegister } from "../register/zone.ts";
import { COMPARISON_FIELD } from "./comparison.ts";
import type { Answers, InstrumentDefinition, Occasion } from "./model.ts";
import {
  comparisonMeasurements,
  progressionInstruments,
  progressionInstrumentVersions,
} from "./schema.ts";
import { OCCASION_ORDER, scoreAnswers, scoreByKey, scoreKeys } from "./scoring.ts";

/** The access log's fields for the export (the register's field names). */
export const EXPORT_FIELDS = ["measurements", "gender", "birthYear", "enrollment", "exit"];

/** The fixed columns, in order; then answers and scores per instrument (see the format doc). */
export const FIXED_COLUMNS = [
  "pseudonym",
  "grupp",
  "kon",
  "fodelsear_intervall",
  "inskrivning_start",
  "inskrivning_slut",
  "avslutsstatus",
  "instrument",
  "instrumentversion",
  "tillfalle",
  "matdatum",
  "satt",
] as const;

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** 10 base32 characters (50 bits) of HMAC-SHA256(key, value). */
export function pseudonymOf(key: Uint8Array, value: string): string {
  const digest = createHmac("sha256", key).update(value).digest();
  let bits = 0n;
  for (let i = 0; i < 7; i++) bits = (bits << 8n) | BigInt(digest[i] as number);
  bits >>= 6n; // 56 − 50
  let out = "";
  for (let i = 9; i >= 0; i--) out += BASE32[Number((bits >> BigInt(i * 5)) & 31n)];
  return out;
}

/** The five-year band of a birth year: 1992 → "1990-1994"; unknown → "". */
export const birthYearBand = (year: number | null): string =>
  year === null ? "" : `${Math.floor(year / 5) * 5}-${Math.floor(year / 5) * 5 + 4}`;

/** A CSV field: quoted when it holds ; " or a line break, or could start a spreadsheet formula. */
function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(,\d+)?$/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A number with a decimal comma, as Swedish spreadsheets read it; null → "". */
const decimal = (n: number | null | undefined): string =>
  n === null || n === undefined ? "" : String(n).replace(".", ",");

interface Row {
  pseudonym: string;
  group: "deltagare" | "jamforelse";
  gender: string;
  birthBand: string;
  start: string;
  end: string;
  exitStatus: string;
  instrumentKey: string;
  versionNumber: number;
  versionId: string;
  occasion: Occasion;
  measuredOn: string;
  mode: string;
  answers: Answers;
}

export interface EvaluatorExport {
  /** UTF-8 with a byte-order mark, semicolon-separated, CRLF line ends. */
  csv: string;
  fileName: string;
  /** Measurements in the file (rows below the header). */
  rows: number;
}

/**
 * The pseudonymous CSV of every measurement of an initiative in the officer's scope. `key` is
 * for tests only: left out, a fresh random key makes every export's pseudonyms its own.
 */
export async function evaluatorExport(
  db: Db,
  access: RegisterAccess,
  initiativeId: string,
  today: string,
  options: { key?: Uint8Array } = {},
): Promise<EvaluatorExport> {
  const key = options.key ?? randomBytes(32);
  return inRegister(db, access.scope, async (tx) => {
    const initiative = await initiativeInScope(tx, access.scope, initiativeId);
    const versions = new Map<
      string,
      { key: string; number: number; definition: InstrumentDefinition }
    >();
    for (const v of await tx
      .select({
        id: progressionInstrumentVersions.id,
        number: progressionInstrumentVersions.number,
        definition: progressionInstrumentVersions.definition,
        key: progressionInstruments.key,
      })
      .from(progressionInstrumentVersions)
      .innerJoin(
        progressionInstruments,
        eq(progressionInstruments.id, progressionInstrumentVersions.instrumentId),
      )
      .where(
        sql`${progressionInstrumentVersions.id} in (
          select instrument_version_id from register.measurements where initiative_id = ${initiative.id}
          union select instrument_version_id from register.comparison_measurements where initiative_id = ${initiative.id})`,
      ))
      versions.set(v.id, { key: v.key, number: v.number, definition: v.definition });

    // the participant id is read only to be pseudonymised here; it is never written
    const measured = await tx.execute<{
      participant_id: string;
      enrollment_id: string;
      gender: string;
      birth_year: number | null;
      start_date: string;
      end_date: string | null;
      exit_status: string | null;
      instrument_version_id: string;
      occasion: Occasion;
      measured_on: string;
      mode: string;
      answers: Answers;
    }>(sql`
      select m.participant_id, m.enrollment_id, p.gender, p.birth_year,
        to_char(e.start_date, 'YYYY-MM-DD') as start_date,
        to_char(e.end_date, 'YYYY-MM-DD') as end_date,
        e.exit ->> 'status' as exit_status, m.instrument_version_id, m.occasion,
        to_char(m.measured_on, 'YYYY-MM-DD') as measured_on, m.mode, m.answers
      from register.measurements m
      join register.enrollments e on e.id = m.enrollment_id
      join register.participants p on p.id = m.participant_id
      where m.initiative_id = ${initiative.id} and e.voided = false`);
    const comparison = await tx
      .select({
        code: comparisonMeasurements.respondentCode,
        gender: comparisonMeasurements.gender,
        versionId: comparisonMeasurements.instrumentVersionId,
        occasion: comparisonMeasurements.occasion,
        measuredOn: comparisonMeasurements.measuredOn,
        answers: comparisonMeasurements.answers,
      })
      .from(comparisonMeasurements)
      .where(
        and(
          eq(comparisonMeasurements.initiativeId, initiative.id),
          eq(comparisonMeasurements.associationId, initiative.associationId),
        ),
      );

    const rows: Row[] = [];
    for (const m of measured.rows) {
      const v = versions.get(m.instrument_version_id);
      if (!v) continue;
      rows.push({
        pseudonym: pseudonymOf(key, `deltagare:${m.participant_id}`),
        group: "deltagare",
        gender: m.gender,
        birthBand: birthYearBand(m.birth_year),
        start: m.start_date.slice(0, 7),
        end: m.end_date?.slice(0, 7) ?? "",
        exitStatus: m.exit_status ?? "",
        instrumentKey: v.key,
        versionNumber: v.number,
        versionId: m.instrument_version_id,
        occasion: m.occasion,
        measuredOn: m.measured_on,
        mode: m.mode,
        answers: m.answers,
      });
    }
    for (const c of comparison) {
      const v = versions.get(c.versionId);
      if (!v) continue;
      rows.push({
        pseudonym: pseudonymOf(key, `jamforelse:${initiative.id}:${c.code}`),
        group: "jamforelse",
        gender: c.gender,
        birthBand: "",
        start: "",
        end: "",
        exitStatus: "",
        instrumentKey: v.key,
        versionNumber: v.number,
        versionId: c.versionId,
        occasion: c.occasion,
        measuredOn: c.measuredOn,
        mode: "",
        answers: c.answers,
      });
    }
    rows.sort(
      (a, b) =>
        a.group.localeCompare(b.group) ||
        a.pseudonym.localeCompare(b.pseudonym) ||
        a.instrumentKey.localeCompare(b.instrumentKey) ||
        a.versionNumber - b.versionNumber ||
        a.measuredOn.localeCompare(b.measuredOn) ||
        OCCASION_ORDER[a.occasion] - OCCASION_ORDER[b.occasion],
    );

    // per instrument: its items' answers, then its scores, over all its versions in the file
    const instrumentColumns = new Map<string, { items: string[]; scores: string[] }>();
    for (const v of [...versions.values()].sort((a, b) => a.number - b.number)) {
      const own = instrumentColumns.get(v.key) ?? { items: [], scores: [] };
      for (const item of v.definition.items)
        if (!own.items.includes(item.key)) own.items.push(item.key);
      for (const k of scoreKeys(v.definition)) if (!own.scores.includes(k)) own.scores.push(k);
      instrumentColumns.set(v.key, own);
    }
    const instrumentKeys = [...instrumentColumns.keys()].sort();
    const header: string[] = [...FIXED_COLUMNS];
    for (const k of instrumentKeys) {
      const own = instrumentColumns.get(k) as { items: string[]; scores: string[] };
      header.push(...own.items.map((item) => `svar.${k}.${item}`));
      header.push(...own.scores.map((s) => `poang.${k}.${s.replace(":", ".")}`));
    }
    const lines = [header.map(field).join(";")];
    for (const row of rows) {
      const v = versions.get(row.versionId) as { definition: InstrumentDefinition };
      const scores = scoreAnswers(v.definition, row.answers);
      const cells: string[] = [
        row.pseudonym,
        row.group,
        row.gender,
        row.birthBand,
        row.start,
        row.end,
        row.exitStatus,
        row.instrumentKey,
        String(row.versionNumber),
        row.occasion,
        row.measuredOn,
        row.mode,
      ];
      for (const k of instrumentKeys) {
        const own = instrumentColumns.get(k) as { items: string[]; scores: string[] };
        const mine = k === row.instrumentKey;
        cells.push(...own.items.map((item) => (mine ? decimal(row.answers[item]) : "")));
        const known = new Set(scoreKeys(v.definition) as string[]);
        cells.push(
          ...own.scores.map((s) =>
            mine && known.has(s) ? decimal(scoreByKey(scores, s as never)) : "",
          ),
        );
      }
      lines.push(cells.map(field).join(";"));
    }

    const participants = new Map<string, string>();
    for (const m of measured.rows) participants.set(m.participant_id, m.enrollment_id);
    await logAccess(tx, access.actor, [
      ...[...participants].map(([participantId, enrollmentId]) => ({
        associationId: initiative.associationId,
        dataControllerId: initiative.ownerId,
        participantId,
        enrollmentId,
        action: "export" as const,
        fields: EXPORT_FIELDS,
      })),
      ...(comparison.length > 0
        ? [
            {
              associationId: initiative.associationId,
              dataControllerId: initiative.ownerId,
              action: "export" as const,
              fields: [COMPARISON_FIELD],
            },
          ]
        : []),
    ]);
    return {
      csv: `\uFEFF${lines.join("\r\n")}\r\n`,
      fileName: `utvardering-progression-${today}.csv`,
      rows: rows.length,
    };
  });
}
