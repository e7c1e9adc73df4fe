// The association's member organisations: Försäkringskassan, Arbetsförmedlingen, regions,
// municipalities. Edits carry the version they were based on, so two people editing the same
// organisation never silently overwrite each other.
import { and, asc, eq } from "drizzle-orm";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import type { Queryable } from "../platform/database/connect.ts";
import {
  ConflictError,
  isUniqueViolation,
  NotFoundError,
  ValidationError,
} from "../platform/errors.ts";
import { checkOrgNumber } from "./org-number.ts";
import {
  MEMBER_ORGANISATION_KINDS,
  type MemberOrganisationKind,
  memberOrganisations,
} from "./schema.ts";

export interface MemberOrganisationInput {
  name: string;
  orgNumber: string;
  kind: string;
}

function validate(input: MemberOrganisationInput) {
  const problems: Record<string, string> = {};
  const name = input.name.trim();
  if (!name) problems.name = "Fyll i organisationens namn.";
  else if (name.length > 200) problems.name = "Namnet får ha högst 200 tecken.";
  const org = checkOrgNumber(input.orgNumber);
  if (!org.ok) problems.orgNumber = org.problem;
  if (!(MEMBER_ORGANISATION_KINDS as readonly string[]).includes(input.kind)) {
    problems.kind = "Välj vilken sorts organisation det är.";
  }
  if (Object.keys(problems).length || !org.ok) throw new ValidationError(problems);
  return { name, orgNumber: org.value, kind: input.kind as MemberOrganisationKind };
}

const duplicate = (orgNumber: string) =>
  new ValidationError({
    orgNumber: `Organisationsnumret ${orgNumber} finns redan bland förbundets medlemmar.`,
  });

export const listMemberOrganisations = (q: Queryable, associationId: string) =>
  q
    .select()
    .from(memberOrganisations)
    .where(eq(memberOrganisations.associationId, associationId))
    .orderBy(asc(memberOrganisations.kind), asc(memberOrganisations.name));

export async function addMemberOrganisation(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  input: MemberOrganisationInput,
) {
  const values = validate(input);
  try {
    return await q.transaction(async (tx) => {
      const [row] = await tx
        .insert(memberOrganisations)
        .values({ ...values, associationId })
        .returning();
      if (!row) throw new Error("insert returned nothing");
      await recordAuditEvent(tx, actor, {
        action: "member_organisation.created",
        associationId,
        targetType: "member_organisation",
        targetId: row.id,
        details: values,
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(values.orgNumber);
    throw error;
  }
}

export async function updateMemberOrganisation(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  id: string,
  expectedVersion: number,
  input: MemberOrganisationInput,
) {
  const values = validate(input);
  try {
    return await q.transaction(async (tx) => {
      const [current] = await tx
        .select()
        .from(memberOrganisations)
        .where(
          and(eq(memberOrganisations.id, id), eq(memberOrganisations.associationId, associationId)),
        )
        .for("update");
      if (!current) throw new NotFoundError("Organisationen finns inte.");
      if (current.version !== expectedVersion) throw new ConflictError();
      const [row] = await tx
        .update(memberOrganisations)
        .set({ ...values, version: current.version + 1 })
        .where(eq(memberOrganisations.id, id))
        .returning();
      const changed = Object.fromEntries(
        (Object.keys(values) as (keyof typeof values)[])
          .filter((k) => current[k] !== values[k])
          .map((k) => [k, { from: current[k], to: values[k] }]),
      );
      await recordAuditEvent(tx, actor, {
        action: "member_organisation.updated",
        associationId,
        targetType: "member_organisation",
        targetId: id,
        details: changed,
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(values.orgNumber);
    throw error;
  }
}
