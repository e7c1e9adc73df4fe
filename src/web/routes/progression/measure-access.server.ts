// The measurement pages, server side: which of the officer's initiatives they may measure on
// (progression.measure), and an enrollment's measurements for a page — 404 outside the
// officer's register, 403 without progression.measure on its initiative.
import { data } from "react-router";
import { canOnInitiative } from "../../../access/policy.ts";
import type { Principal } from "../../../access/principal.ts";
import { NotFoundError } from "../../../platform/errors.ts";
import { listMeasurements } from "../../../progression/measurements.ts";
import { forbidden, type RegisterAccessResult } from "../register/register-access.server.ts";

/** The officer's initiatives in `ids` on which they may enter measurements. */
export function measurableInitiatives(
  principal: Principal,
  associationId: string,
  ids: readonly string[],
): string[] {
  return ids.filter((id) => canOnInitiative(principal, "progression.measure", associationId, id));
}

/** The enrollment's measurements, or 404 / 403 for the page. */
export async function measurementsFor(register: RegisterAccessResult, enrollmentId: string) {
  let read: Awaited<ReturnType<typeof listMeasurements>>;
  try {
    read = await listMeasurements(
      register.db,
      register.crypto,
      register,
      enrollmentId,
      register.today,
    );
  } catch (error) {
    if (error instanceof NotFoundError) throw data({ message: error.message }, { status: 404 });
    throw error;
  }
  const { principal, association } = register;
  if (measurableInitiatives(principal, association.id, [read.enrollment.initiativeId]).length === 0)
    throw forbidden("progression.measure");
  return read;
}
