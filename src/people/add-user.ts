// Adds a person. With a password they can sign in at once; without, they get an invitation.
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { isUniqueViolation, ValidationError } from "../platform/errors.ts";
import { hashPassword, passwordProblem } from "../sign-in/passwords.ts";
import { users } from "./schema.ts";
import { emailProblem, nameProblem, normaliseEmail } from "./validate.ts";

export interface AddUserInput {
  email: string;
  name: string;
  password?: string | undefined;
  kind?: "staff" | "participant";
  /** For the audit trail: the association on whose behalf the person was added. */
  associationId?: string | null;
}

export async function addUser(q: Queryable, actor: AuditActor, input: AddUserInput) {
  const email = normaliseEmail(input.email);
  const problems: Record<string, string> = {};
  const emailIssue = emailProblem(email);
  if (emailIssue) problems.email = emailIssue;
  const nameIssue = nameProblem(input.name);
  if (nameIssue) problems.name = nameIssue;
  if (input.password !== undefined) {
    const issue = passwordProblem(input.password, email);
    if (issue) problems.password = issue;
  }
  if (Object.keys(problems).length) throw new ValidationError(problems);

  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  try {
    return await q.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ email, name: input.name.trim(), passwordHash, kind: input.kind ?? "staff" })
        .returning();
      if (!user) throw new Error("insert returned nothing");
      await recordAuditEvent(tx, actor, {
        action: "user.created",
        associationId: input.associationId ?? null,
        targetType: "user",
        targetId: user.id,
        details: { email, kind: user.kind },
      });
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ValidationError({
        email: `Det finns redan en användare med e-postadressen ${email}.`,
      });
    }
    throw error;
  }
}
