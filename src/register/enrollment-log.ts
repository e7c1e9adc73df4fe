// What a participant officer's enrollment page shows of the access log: "Vem har läst" — every
// entry about the enrollment's participant (who, in which role and organisation, when, what and
// with which outcome), newest first. It reads the log rows only, inside the officer's register
// scope; the participant's record itself is read (and logged) by getEnrollment.
import { desc, eq } from "drizzle-orm";
import type { Db } from "../platform/database/connect.ts";
import { NotFoundError } from "../platform/errors.ts";
import { UUID } from "../platform/uuid.ts";
import { accessLog, enrollments } from "./schema.ts";
import { inRegister, type RegisterScope } from "./zone.ts";

const NOT_FOUND =
  "Inskrivningen finns inte i ditt deltagarregister, eller så har du inte behörighet att se den.";

export interface EnrollmentLogRow {
  id: number;
  at: Date;
  actorName: string;
  actorRole: string;
  actorOrganisation: string;
  action: (typeof accessLog.$inferSelect)["action"];
  fields: string[];
  outcome: "ok" | "denied" | "error";
}

/**
 * The participant and initiative of an enrollment in scope; NotFound otherwise. Reads no
 * personal data (ids only), so it is not an entry of the access log.
 */
export async function enrollmentRefs(
  db: Db,
  scope: RegisterScope,
  enrollmentId: string,
): Promise<{ participantId: string; initiativeId: string }> {
  if (!UUID.test(enrollmentId)) throw new NotFoundError(NOT_FOUND);
  return inRegister(db, scope, async (tx) => {
    const [row] = await tx
      .select({ participantId: enrollments.participantId, initiativeId: enrollments.initiativeId })
      .from(enrollments)
      .where(eq(enrollments.id, enrollmentId));
    if (!row) throw new NotFoundError(NOT_FOUND);
    return row;
  });
}

/** The access log about one participant, newest first (at most `limit` rows). */
export async function participantAccessLog(
  db: Db,
  scope: RegisterScope,
  participantId: string,
  limit = 200,
): Promise<EnrollmentLogRow[]> {
  if (!UUID.test(participantId)) return [];
  return inRegister(db, scope, (tx) =>
    tx
      .select({
        id: accessLog.id,
        at: accessLog.at,
        actorName: accessLog.actorName,
        actorRole: accessLog.actorRole,
        actorOrganisation: accessLog.actorOrganisation,
        action: accessLog.action,
        fields: accessLog.fields,
        outcome: accessLog.outcome,
      })
      .from(accessLog)
      .where(eq(accessLog.participantId, participantId))
      .orderBy(desc(accessLog.at), desc(accessLog.id))
      .limit(limit),
  );
}
