// The register zone: every query on the participant register runs inside `inRegister`, a
// transaction that switches to the database role samspar_register (SET LOCAL ROLE, so the
// switch ends with the transaction) and tells row-level security which data controllers and
// initiatives this request may see. Outside it — in the association zone — the register's
// schema cannot be read at all (ADR 0011).
import { sql } from "drizzle-orm";
import type { Db, Tx } from "../platform/database/connect.ts";
import { UUID } from "../platform/uuid.ts";

export interface RegisterScope {
  /** Member organisations whose register the request works in (data controllers). */
  controllers: readonly string[];
  /** Initiatives whose enrollments and consents the request may see. */
  initiatives: readonly string[];
  /**
   * Data controllers whose access log (and nothing else) the request may read: the auditor's
   * search and a participant's own log. Row-level security shows no participant for these.
   */
  logControllers?: readonly string[];
}

function list(ids: readonly string[]): string {
  for (const id of ids) if (!UUID.test(id)) throw new Error(`not a uuid: ${id}`);
  return ids.join(",");
}

/** Runs `work` in a register transaction limited to `scope`. */
export async function inRegister<T>(
  db: Db,
  scope: RegisterScope,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local role samspar_register`);
    await tx.execute(
      sql`select set_config('samspar.controllers', ${list(scope.controllers)}, true), set_config('samspar.initiatives', ${list(scope.initiatives)}, true), set_config('samspar.log_controllers', ${list(scope.logControllers ?? [])}, true)`,
    );
    return work(tx);
  });
}

/** Runs `work` as the association zone's role: what the association's pages may read. */
export async function inAssociationZone<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local role samspar_association`);
    return work(tx);
  });
}
