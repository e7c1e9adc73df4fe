// What a report changes in its initiative (an approved deviation request, a submitted final
// report that closes it) is written by the initiative's own writer in the report's
// transaction: the initiative is locked first and read as it is then.
import { and, eq } from "drizzle-orm";
import { getInitiative, type InitiativeDetails } from "../initiatives/get-initiative.ts";
import { initiativeValuesOf } from "../initiatives/save-initiative.ts";
import { initiatives } from "../initiatives/schema.ts";
import type { InitiativeValues } from "../initiatives/validate-initiative.ts";
import type { Tx } from "../platform/database/connect.ts";
import { NotFoundError } from "../platform/errors.ts";

/**
 * Locks the initiative for a change and reads it: its version (for the writer), its details
 * (`before`) and its values to change (a copy of its own).
 */
export async function lockInitiativeForChange(
  tx: Tx,
  associationId: string,
  initiativeId: string,
): Promise<{ version: number; before: InitiativeDetails; values: InitiativeValues }> {
  const [locked] = await tx
    .select({ version: initiatives.version })
    .from(initiatives)
    .where(and(eq(initiatives.id, initiativeId), eq(initiatives.associationId, associationId)))
    .for("update");
  const before = await getInitiative(tx, associationId, initiativeId);
  if (!locked || !before) throw new NotFoundError("Insatsen finns inte.");
  return { version: locked.version, before, values: initiativeValuesOf(before) };
}
