// The office adds a person to its association with a first role. Someone new gets an
// account and an invitation by mail; someone who already has an account (in another
// association, say) simply gets the role, and nothing about their other roles is revealed.
import { eq } from "drizzle-orm";
import type { AuditActor } from "../audit/record-audit-event.ts";
import type { Mailer } from "../mail/send-mail.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { ValidationError } from "../platform/errors.ts";
import { addUser } from "./add-user.ts";
import { assignRole } from "./assign-role.ts";
import { createInvitation, INVITATION_TTL_MS } from "./invitations.ts";
import { roleLabel } from "./role-labels.ts";
import { isRole } from "./roles.ts";
import { users } from "./schema.ts";
import { normaliseEmail } from "./validate.ts";

export interface AddPersonInput {
  associationId: string;
  associationName: string;
  email: string;
  name: string;
  role: string;
  initiativeId?: string | undefined;
}

export async function addPersonToAssociation(
  q: Queryable,
  actor: AuditActor,
  deps: { mailer: Mailer; baseUrl: string },
  input: AddPersonInput,
): Promise<{ userId: string; invited: boolean }> {
  if (!isRole(input.role) || input.role === "participant") {
    throw new ValidationError({ role: "Välj en roll i listan." });
  }
  const role = input.role;
  return q.transaction(async (tx) => {
    const email = normaliseEmail(input.email);
    const [existing] = await tx
      .select({ id: users.id, kind: users.kind })
      .from(users)
      .where(eq(users.email, email));
    if (existing?.kind === "participant") {
      throw new ValidationError({
        email: "E-postadressen hör till ett deltagarkonto och kan inte få en personalroll.",
      });
    }
    const userId =
      existing?.id ??
      (await addUser(tx, actor, { email, name: input.name, associationId: input.associationId }))
        .id;
    await assignRole(tx, actor, {
      userId,
      associationId: input.associationId,
      role,
      initiativeId: input.initiativeId,
    });
    if (existing) return { userId, invited: false };
    const token = await createInvitation(tx, userId);
    const days = INVITATION_TTL_MS / 86_400_000;
    await deps.mailer.send(tx, {
      to: email,
      associationId: input.associationId,
      subject: `Välkommen till Samspår – ${input.associationName}`,
      text: [
        `Hej ${input.name.trim()}!`,
        "",
        `Du har fått ett konto i Samspår för ${input.associationName} med rollen ${roleLabel(role)}.`,
        `Välj ditt lösenord här (länken gäller i ${days} dagar och fungerar en gång):`,
        `${deps.baseUrl}/valkommen/${token}`,
        "",
        "Om du inte väntade dig det här kan du bortse från meddelandet.",
      ].join("\n"),
    });
    return { userId, invited: true };
  });
}
