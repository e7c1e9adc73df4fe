// Signatures: one per party, by a person authorised to sign for it. The applicant names that
// person; Samspår mails them a one-time link to read the application and the agreement and
// sign. An application that arrived on paper gets its signatures registered by the office.
// A signature is given for a complete application: the request checks that first.
// The rules of a signer, a link and a paper signature are shared with the final report's
// signatures (src/reports/final-report-signatures.ts), which work the same way.
import { and, eq, gt, isNull } from "drizzle-orm";
import { memberOrganisations } from "../associations/schema.ts";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import { isoDate } from "../initiatives/validate-initiative.ts";
import type { Mailer } from "../mail/send-mail.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { NotFoundError, ValidationError } from "../platform/errors.ts";
import { randomToken, sha256 } from "../platform/secrets.ts";
import { EDITABLE_STATUSES, lockApplication } from "./save-application.ts";
import { applicationSignatures, applications } from "./schema.ts";
import { contentAsInput, validateApplication } from "./validate-application.ts";
import { todayInSweden } from "./workflow.ts";

export const SIGNATURE_LINK_TTL_MS = 14 * 24 * 60 * 60 * 1000;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface SignerInput {
  organisationId: string;
  name: string;
  email: string;
  title?: string;
}

/** The signer of a party: one of the parties, a name and an e-mail address to send the link. */
export function checkSigner(input: SignerInput, parties: string[]) {
  const problems: Record<string, string> = {};
  if (!parties.includes(input.organisationId))
    problems.organisationId = "Välj en av insatsens parter.";
  if (!input.name.trim()) problems.signerName = "Skriv namnet på den som skriver under.";
  if (!EMAIL.test(input.email.trim()))
    problems.signerEmail = "Skriv en giltig e-postadress, till exempel namn@kommun.se.";
  if (Object.keys(problems).length) throw new ValidationError(problems);
}

/** A signing link's token as Samspår makes them; anything else is not looked up. */
export const isSigningToken = (token: string) => /^[A-Za-z0-9_-]{20,100}$/.test(token);

/** A signature's row (either table) for a request by link: a new token, valid 14 days. */
export function linkRequestValues(input: SignerInput, actor: AuditActor, now: Date) {
  const token = randomToken();
  return {
    token,
    values: {
      signerName: input.name.trim(),
      signerEmail: input.email.trim().toLowerCase(),
      signerTitle: (input.title ?? "").trim(),
      method: "link" as const,
      tokenHash: sha256(token),
      requestedAt: now,
      expiresAt: new Date(now.getTime() + SIGNATURE_LINK_TTL_MS),
      signedOn: null,
      signedAt: null,
      signedVersion: null,
      recordedBy: actor.userId,
    },
  };
}

/**
 * A paper signature's signer and date, checked together so every problem is told at once: the
 * e-mail address may be left out, the date is a real one and not in the future.
 */
export function checkPaperSigner(
  input: SignerInput & { signedOn: string },
  parties: string[],
  now: Date,
): string {
  const signedOn = isoDate(input.signedOn);
  const problems: Record<string, string> = {};
  try {
    checkSigner({ ...input, email: input.email.trim() || "saknas@example.invalid" }, parties);
  } catch (e) {
    if (e instanceof ValidationError) Object.assign(problems, e.fields);
  }
  if (signedOn === null || signedOn === "invalid")
    problems.signedOn = "Skriv datumet för underskriften som ÅÅÅÅ-MM-DD.";
  else if (signedOn > todayInSweden(now))
    problems.signedOn = "Underskriften kan inte vara daterad i framtiden.";
  if (Object.keys(problems).length) throw new ValidationError(problems);
  return signedOn as string;
}

/** A signature's row (either table) registered from a signed paper, for the version it covers. */
export const paperSignatureValues = (
  input: SignerInput,
  signedOn: string,
  version: number,
  actor: AuditActor,
  now: Date,
) => ({
  signerName: input.name.trim(),
  signerEmail: input.email.trim().toLowerCase(),
  signerTitle: (input.title ?? "").trim(),
  method: "paper" as const,
  tokenHash: null,
  requestedAt: now,
  expiresAt: null,
  signedOn,
  signedAt: now,
  signedVersion: version,
  recordedBy: actor.userId,
});

/** A signature's row (either table) once its person has signed by the link: the token is spent. */
export const linkSignedValues = (version: number, now: Date) => ({
  signedAt: now,
  signedOn: todayInSweden(now),
  signedVersion: version,
  tokenHash: null,
});

/**
 * What the person signing by a link must give: the confirmation that they are authorised (in
 * the words of `confirmation`), and their name as the request has it.
 */
export function checkLinkSigner(
  input: { confirmAuthorised: boolean; name: string },
  signerName: string,
  confirmation: string,
) {
  const problems: Record<string, string> = {};
  if (!input.confirmAuthorised) problems.confirmAuthorised = confirmation;
  if (input.name.trim().toLowerCase() !== signerName.toLowerCase())
    problems.name = `Skriv ditt namn så som det står i förfrågan: ${signerName}.`;
  if (Object.keys(problems).length) throw new ValidationError(problems);
}

/**
 * Asks the person authorised for a party to sign, by e-mail with a one-time link. A new request
 * for the same party replaces the earlier one.
 */
export async function requestSignature(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  applicationId: string,
  input: SignerInput,
  deps: { mailer: Mailer; baseUrl: string },
  now = new Date(),
): Promise<{ token: string }> {
  return q.transaction(async (tx) => {
    const row = await lockApplication(tx, associationId, applicationId, undefined);
    if (!EDITABLE_STATUSES.has(row.status))
      throw new ValidationError({ status: "Ansökan är redan inskickad." });
    const parties = [row.content.ownerOrganisationId, ...row.content.partnerIds];
    checkSigner(input, parties);
    try {
      await validateApplication(tx, associationId, contentAsInput(row.content), "submit");
    } catch (e) {
      if (e instanceof ValidationError)
        throw new ValidationError({
          signatures: `Ansökan är inte komplett: ${Object.values(e.fields).join(" ")} Fyll i det som saknas innan du begär underskrifter.`,
        });
      throw e;
    }
    const { token, values } = linkRequestValues(input, actor, now);
    const email = values.signerEmail;
    await tx
      .insert(applicationSignatures)
      .values({ applicationId, organisationId: input.organisationId, ...values })
      .onConflictDoUpdate({
        target: [applicationSignatures.applicationId, applicationSignatures.organisationId],
        set: values,
      });
    const [org] = await tx
      .select({ name: memberOrganisations.name })
      .from(memberOrganisations)
      .where(eq(memberOrganisations.id, input.organisationId));
    await deps.mailer.send(tx, {
      to: email,
      associationId,
      subject: `Underskrift av ansökan: ${row.content.name}`,
      text:
        `Hej ${values.signerName},\n\n` +
        `Du har angetts som behörig att skriva under ansökan "${row.content.name}" för ${org?.name ?? "er organisation"}.\n\n` +
        `Läs ansökan och överenskommelsen och skriv under här (länken gäller i 14 dagar och kan användas en gång):\n` +
        `${deps.baseUrl}/signera/${token}\n\n` +
        "Om du inte är behörig att skriva under, svara inte på länken och kontakta den som skickade ansökan.\n",
    });
    await recordAuditEvent(tx, actor, {
      action: "application.signature_requested",
      associationId,
      targetType: "application",
      targetId: applicationId,
      details: { organisationId: input.organisationId, email },
    });
    return { token };
  });
}

/** The open request behind a signing link, or undefined when it is used, expired or unknown. */
export async function findSignatureRequest(q: Queryable, token: string, now = new Date()) {
  if (!isSigningToken(token)) return undefined;
  const [row] = await q
    .select({
      signatureId: applicationSignatures.id,
      organisationId: applicationSignatures.organisationId,
      signerName: applicationSignatures.signerName,
      signerEmail: applicationSignatures.signerEmail,
      applicationId: applications.id,
      associationId: applications.associationId,
      status: applications.status,
    })
    .from(applicationSignatures)
    .innerJoin(applications, eq(applications.id, applicationSignatures.applicationId))
    .where(
      and(
        eq(applicationSignatures.tokenHash, sha256(token)),
        isNull(applicationSignatures.signedAt),
        gt(applicationSignatures.expiresAt, now),
      ),
    );
  if (!row || !EDITABLE_STATUSES.has(row.status)) return undefined;
  return row;
}

/** Signs through a link: the person confirms they are authorised and accept the agreement. */
export async function signWithLink(
  q: Queryable,
  actor: Omit<AuditActor, "userId" | "label">,
  token: string,
  input: { confirmAuthorised: boolean; name: string },
  now = new Date(),
): Promise<void> {
  const request = await findSignatureRequest(q, token, now);
  if (!request)
    throw new ValidationError({
      token:
        "Länken har redan använts, gått ut eller gäller en ansökan som ändrats. Be den sökande om en ny länk.",
    });
  checkLinkSigner(
    input,
    request.signerName,
    "Bekräfta att du är behörig att skriva under för organisationen och godkänner överenskommelsen.",
  );
  await q.transaction(async (tx) => {
    const row = await lockApplication(tx, request.associationId, request.applicationId, undefined);
    const updated = await tx
      .update(applicationSignatures)
      .set(linkSignedValues(row.version, now))
      .where(
        and(
          eq(applicationSignatures.id, request.signatureId),
          isNull(applicationSignatures.signedAt),
        ),
      )
      .returning({ id: applicationSignatures.id });
    if (!updated.length) throw new ValidationError({ token: "Länken har redan använts." });
    await recordAuditEvent(
      tx,
      { ...actor, userId: null, label: request.signerEmail },
      {
        action: "application.signed",
        associationId: request.associationId,
        targetType: "application",
        targetId: request.applicationId,
        details: { organisationId: request.organisationId, method: "link", version: row.version },
      },
    );
  });
}

/** The office registers a signature from a signed paper original. */
export async function recordPaperSignature(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  applicationId: string,
  input: SignerInput & { signedOn: string },
  now = new Date(),
): Promise<void> {
  await q.transaction(async (tx) => {
    const row = await lockApplication(tx, associationId, applicationId, undefined);
    if (!EDITABLE_STATUSES.has(row.status))
      throw new ValidationError({ status: "Ansökan är redan inskickad." });
    const parties = [row.content.ownerOrganisationId, ...row.content.partnerIds];
    const signedOn = checkPaperSigner(input, parties, now);
    const values = paperSignatureValues(input, signedOn, row.version, actor, now);
    await tx
      .insert(applicationSignatures)
      .values({ applicationId, organisationId: input.organisationId, ...values })
      .onConflictDoUpdate({
        target: [applicationSignatures.applicationId, applicationSignatures.organisationId],
        set: values,
      });
    await recordAuditEvent(tx, actor, {
      action: "application.signed",
      associationId,
      targetType: "application",
      targetId: applicationId,
      details: { organisationId: input.organisationId, method: "paper", signedOn },
    });
  });
}

/** Withdraws a request or a signature of one party (before submission). */
export async function removeSignature(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  applicationId: string,
  organisationId: string,
): Promise<void> {
  await q.transaction(async (tx) => {
    const row = await lockApplication(tx, associationId, applicationId, undefined);
    if (!EDITABLE_STATUSES.has(row.status))
      throw new ValidationError({ status: "Ansökan är redan inskickad." });
    const removed = await tx
      .delete(applicationSignatures)
      .where(
        and(
          eq(applicationSignatures.applicationId, applicationId),
          eq(applicationSignatures.organisationId, organisationId),
        ),
      )
      .returning({ id: applicationSignatures.id });
    if (!removed.length) throw new NotFoundError("Det finns ingen underskrift för den parten.");
    await recordAuditEvent(tx, actor, {
      action: "application.signature_removed",
      associationId,
      targetType: "application",
      targetId: applicationId,
      details: { organisationId },
    });
  });
}
