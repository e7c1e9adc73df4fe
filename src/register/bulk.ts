// Many rows at once, for the participant import (import-participants.ts) and the access log.
//
// Writing: one insert per column set, each column passed as a single array parameter and
// unnested in the database, and a column with the same value in every row (the association, the
// data controller, the actor …) passed once. A multi-row VALUES list costs a parameter per value
// (PostgreSQL takes at most 65 535 in a statement) and is slow to build and to plan for thousands
// of rows; arrays are not: several times faster than drizzle's insert for a thousand rows.
//
// Reading: a batch's values (deltagar_id, keyed hashes, participants) looked up each through
// the index that matches it exactly — `unnest(values) as wanted(value)` joined laterally with a
// subquery on `wanted.value`, kept apart by OFFSET 0. Within the transaction that has just written
// an import's rows, PostgreSQL's statistics do not know them yet, and a plain `= any(values)`
// lets the planner pick the index of the initiative or data controller that row-level security
// filters on: every batch then scans all of the initiative's rows.
import { getTableColumns, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "../platform/database/connect.ts";

/** `unnest(values) as wanted(value)`: the values a batch looks up, one row each. */
export function wanted(values: readonly string[], type: "text" | "uuid"): SQL {
  return sql`unnest(${sql.param(values)}::${sql.raw(type)}[]) as wanted(value)`;
}

/** The wanted value, inside the lateral subquery that looks it up. */
export const wantedValue = sql`wanted.value`;

/**
 * OFFSET 0 for the lateral subquery: PostgreSQL then neither merges it into the query around it
 * nor pushes that query's conditions into it. (drizzle leaves out an offset of the number 0.)
 */
export const APART = sql`0` as unknown as number;

/** Rows per statement: bounds the size of one statement's arrays. */
const ROWS_PER_STATEMENT = 5000;

/**
 * The inserts of `rows` into `table`: rows that give the same columns go together, in their
 * order; a column a row leaves out takes its default, as with drizzle's insert.
 */
export function insertStatements<T extends PgTable>(
  table: T,
  rows: ReadonlyArray<T["$inferInsert"]>,
): SQL[] {
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const groups = new Map<string, Array<Record<string, unknown>>>();
  for (const row of rows as ReadonlyArray<Record<string, unknown>>) {
    const keys = Object.keys(columns)
      .filter((k) => row[k] !== undefined)
      .join(",");
    const group = groups.get(keys);
    if (group) group.push(row);
    else groups.set(keys, [row]);
  }
  const statements: SQL[] = [];
  for (const [keys, group] of groups) {
    const used = keys.split(",").map((key) => [key, columns[key] as PgColumn] as const);
    for (let start = 0; start < group.length; start += ROWS_PER_STATEMENT)
      statements.push(unnestInsert(table, used, group.slice(start, start + ROWS_PER_STATEMENT)));
  }
  return statements;
}

/** Inserts `rows` into `table` (insertStatements), one statement after the other. */
export async function insertMany<T extends PgTable>(
  tx: Tx,
  table: T,
  rows: ReadonlyArray<T["$inferInsert"]>,
): Promise<void> {
  for (const statement of insertStatements(table, rows)) await tx.execute(statement);
}

/**
 * Runs inserts as one statement (each a data-modifying WITH query): one round trip, which the
 * database works through while the caller goes on. Foreign keys are checked at the end of the
 * statement, so a row may refer to a row inserted by an insert before it in the list.
 */
export async function insertTogether(tx: Tx, statements: readonly SQL[]): Promise<void> {
  if (statements.length === 0) return;
  if (statements.length === 1) {
    await tx.execute(statements[0] as SQL);
    return;
  }
  const parts = statements.map(
    (statement, i) => sql`${sql.identifier(`w${i + 1}`)} as (${statement})`,
  );
  await tx.execute(sql`with ${sql.join(parts, sql`, `)} select 1`);
}

function unnestInsert(
  table: PgTable,
  used: ReadonlyArray<readonly [string, PgColumn]>,
  rows: ReadonlyArray<Record<string, unknown>>,
): SQL {
  const arrays: SQL[] = [];
  const selected = used.map(([key, column]) => {
    const values = rows.map((row) => {
      const value = row[key];
      return value === null ? null : column.mapToDriverValue(value);
    });
    const type = sql.raw(column.getSQLType());
    const first = values[0];
    if (values.every((v) => v === first)) return sql`${sql.param(first)}::${type}`;
    arrays.push(sql`${sql.param(values)}::${type}[]`);
    return sql.identifier(`c${arrays.length}`);
  });
  const names = arrays.map((_, i) => sql.identifier(`c${i + 1}`));
  const from =
    arrays.length > 0
      ? sql`unnest(${sql.join(arrays, sql`, `)}) as u(${sql.join(names, sql`, `)})`
      : sql`generate_series(1, ${sql.param(rows.length)}::integer)`;
  return sql`insert into ${table} (${sql.join(
    used.map(([, column]) => sql.identifier(column.name)),
    sql`, `,
  )}) select ${sql.join(selected, sql`, `)} from ${from}`;
}
