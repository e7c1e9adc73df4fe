// Creates an association (the tenant). Done by the instance's operator through the CLI.
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { isUniqueViolation, ValidationError } from "../platform/errors.ts";
import { checkOrgNumber } from "./org-number.ts";
import { associations } from "./schema.ts";

export async function createAssociation(
  q: Queryable,
  actor: AuditActor,
  input: { slug: string; name: string; orgNumber?: string | undefined; requireStaffTotp?: boolean },
) {
  const problems: Record<string, string> = {};
  const slug = input.slug.trim().toLowerCase();
  if (!/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/.test(slug)) {
    problems.slug =
      "Kortnamnet får bara innehålla a–z, siffror och bindestreck (högst 40 tecken), t.ex. uppsala-lan.";
  }
  if (!input.name.trim()) problems.name = "Fyll i förbundets namn.";
  let orgNumber: string | null = null;
  if (input.orgNumber) {
    const check = checkOrgNumber(input.orgNumber);
    if (check.ok) orgNumber = check.value;
    else problems.orgNumber = check.problem;
  }
  if (Object.keys(problems).length) throw new ValidationError(problems);
  try {
    return await q.transaction(async (tx) => {
      const [association] = await tx
        .insert(associations)
        .values({
          slug,
          name: input.name.trim(),
          orgNumber,
          requireStaffTotp: input.requireStaffTotp ?? true,
        })
        .returning();
      if (!association) throw new Error("insert returned nothing");
      await recordAuditEvent(tx, actor, {
        action: "association.created",
        associationId: association.id,
        targetType: "association",
        targetId: association.id,
        details: { slug, name: association.name },
      });
      return association;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ValidationError({ slug: `Kortnamnet ${slug} används redan.` });
    throw error;
  }
}
