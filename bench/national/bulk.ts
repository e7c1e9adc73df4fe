// Bulk inserts for the national dataset: rows are buffered per table and written a few
// thousand at a time as one `insert … select from unnest($1::uuid[], $2::text[], …)` — one
// statement and one round trip per batch, the arrays parsed by PostgreSQL — on the generator's
// one connection, inside its one transaction. Batches are sent without the generator waiting
// for them, so generating the next rows overlaps with the
// database writing these (each starts when the one before has finished: the connection runs
// one statement at a time); `settle` bounds how many wait. A table's buffer is flushed
// only after the buffers of the tables it references, so a foreign key never sees a row before
// the row it points at.
import type pg from "pg";

export type ColumnType =
  | "uuid"
  | "text"
  | "date"
  | "timestamptz"
  | "int"
  | "bigint"
  | "bool"
  | "jsonb";

export interface BulkTable {
  /** Schema-qualified name: "register.enrollments". */
  name: string;
  columns: ReadonlyArray<readonly [string, ColumnType]>;
  /** Tables whose rows this one references: flushed first. */
  after?: readonly BulkTable[];
}

export const table = (
  name: string,
  columns: ReadonlyArray<readonly [string, ColumnType]>,
  after: readonly BulkTable[] = [],
): BulkTable => ({ name, columns, after });

const SQL_TYPE: Record<ColumnType, string> = {
  uuid: "uuid",
  text: "text",
  date: "date",
  timestamptz: "timestamptz",
  int: "int",
  bigint: "bigint",
  bool: "boolean",
  jsonb: "jsonb",
};

interface Buffer {
  table: BulkTable;
  columns: unknown[][];
  rows: number;
}

export class BulkWriter {
  private readonly buffers = new Map<BulkTable, Buffer>();
  private readonly inFlight: Array<Promise<unknown>> = [];
  private failure: unknown = undefined;
  /** Rows written (sent) per table name. */
  readonly written = new Map<string, number>();
  /** Milliseconds the database spent on each table's batches. */
  readonly milliseconds = new Map<string, number>();

  private readonly client: pg.ClientBase;
  private readonly batchRows: number;
  private readonly maxInFlight: number;

  constructor(client: pg.ClientBase, batchRows = 4000, maxInFlight = 2) {
    this.client = client;
    this.batchRows = batchRows;
    this.maxInFlight = maxInFlight;
  }

  /** Adds one row, its values in the order of the table's columns (jsonb as objects). */
  add(t: BulkTable, row: readonly unknown[]): void {
    let buffer = this.buffers.get(t);
    if (!buffer) {
      buffer = { table: t, columns: t.columns.map(() => []), rows: 0 };
      this.buffers.set(t, buffer);
    }
    for (let i = 0; i < t.columns.length; i++) {
      const value = row[i];
      const type = t.columns[i]?.[1];
      buffer.columns[i]?.push(
        value === undefined || value === null
          ? null
          : type === "jsonb"
            ? JSON.stringify(value)
            : value,
      );
    }
    buffer.rows++;
    if (buffer.rows >= this.batchRows) this.send(t);
  }

  private send(t: BulkTable): void {
    for (const dependency of t.after ?? []) this.send(dependency);
    const buffer = this.buffers.get(t);
    if (!buffer || buffer.rows === 0) return;
    this.buffers.delete(t);
    const names = t.columns.map(([c]) => c).join(", ");
    const arrays = t.columns.map(([, type], i) => `$${i + 1}::${SQL_TYPE[type]}[]`).join(", ");
    const text = `insert into ${t.name} (${names}) select * from unnest(${arrays})`;
    const timedQuery = async () => {
      const started = performance.now();
      await this.client.query(text, buffer.columns);
      return performance.now() - started;
    };
    // one statement at a time on the connection: each batch starts when the one before is done
    const previous = this.inFlight.at(-1) ?? Promise.resolve();
    const pending = previous.then(() =>
      this.failure
        ? undefined
        : timedQuery().then(
            (ms) => {
              this.milliseconds.set(t.name, (this.milliseconds.get(t.name) ?? 0) + ms);
            },
            (error: unknown) => {
              this.failure ??= new Error(
                `Writing ${buffer.rows} rows to ${t.name} failed: ${error instanceof Error ? error.message : String(error)}`,
                { cause: error },
              );
            },
          ),
    );
    this.inFlight.push(pending);
    this.written.set(t.name, (this.written.get(t.name) ?? 0) + buffer.rows);
  }

  /** Waits until at most `maxInFlight` batches are on their way; throws the first failure. */
  async settle(): Promise<void> {
    while (this.inFlight.length > this.maxInFlight) await this.inFlight.shift();
    // let the connection send what it has queued
    await new Promise((resolve) => setImmediate(resolve));
    if (this.failure) throw this.failure;
  }

  /** Sends every buffered row (in reference order) and waits for all of it to be written. */
  async flush(): Promise<void> {
    for (const t of [...this.buffers.keys()]) this.send(t);
    while (this.inFlight.length) await this.inFlight.shift();
    if (this.failure) throw this.failure;
  }
}
