// The parties' signatures of a final report (domain/documents.md §4: one per party, by a person
// authorised to sign for it), the way applications are signed (src/applications/signatures.ts,
// whose rules for a signer, a link and a paper signature these share): the lead (or the office)
// names the person authorised for a party and Samspår mails them a one-time link, valid 14 days,
// to read the report and sign it without an account; a party that signed on paper gets its
// signature registered by the office. A signature covers the content it was given for: saving
// changed content removes it (saveFinalReport), and a person signs only the version they read.
// Submission requires every party's signature (submitFinalReport).
import { and, eq, gt, isNull } from "drizzle-orm";
import {
  checkLinkSigner,
  checkPaperSigner,
  checkSigner,
  isSigningToken,
  linkRequestValues,
  linkSignedValues,
  paperSignatureValues,
  type SignerInput,
} from "../applications/signatures.ts";
import { todayInSweden } from "../applications/workflow.ts";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import type { Mailer } from "../mail/send-mail.ts";
import type { Queryable, Tx } from "../platform/database/connect.ts";
import { NotFoundError, ValidationError } from "../platform/errors.ts";
import { sha256 } from "../platform/secrets.ts";
import { finalReportContentOf } from "./final-report-content.ts";
import {
  FINAL_EDITABLE,
  finalReportInputOf,
  lockFinalReport,
  validateFinalReport,
} from "./final-reports.ts";
import { finalReportSignatures, finalReports } from "./schema.ts";

/** The report locked for a change of its signatures: it must still be the lead's to change. */
async function lockEditable(tx: Tx, associationId: string, reportId: string) {
  const row = await lockFinalReport(tx, associationId, reportId);
  if (!FINAL_EDITABLE.has(row.status))
    throw new ValidationError({
      status:
        "Slutrapporten är inskickad. Underskrifterna kan ändras igen om förbundet skickar tillbaka den.",
    });
  const content = finalReportContentOf(row.content);
  return { row, content, parties: content.parties.map((p) => p.organisationId) };
}

/** Writes a party's request or signature; a new one for the same party replaces the earlier. */
async function upsert(
  tx: Tx,
  finalReportId: string,
  organisationId: string,
  values: Omit<typeof finalReportSignatures.$inferInsert, "finalReportId" | "organisationId">,
) {
  await tx
    .insert(finalReportSignatures)
    .values({ finalReportId, organisationId, ...values })
    .onConflictDoUpdate({
      target: [finalReportSignatures.finalReportId, finalReportSignatures.organisationId],
      set: values,
    });
}

/**
 * Asks the person authorised for a party to sign, by e-mail with a one-time link. The report
 * must be complete first: a signature is given for what will be submitted. A new request for
 * the same party replaces the earlier one (and a signature it had).
 */
export async function requestFinalReportSignature(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  reportId: string,
  input: SignerInput,
  deps: { mailer: Mailer; baseUrl: string },
  now = new Date(),
): Promise<{ token: string }> {
  return q.transaction(async (tx) => {
    const { row, content, parties } = await lockEditable(tx, associationId, reportId);
    checkSigner(input, parties);
    const { problems } = validateFinalReport(
      content,
      finalReportInputOf(content),
      "submit",
      todayInSweden(now),
    );
    if (Object.keys(problems).length)
      throw new ValidationError({
        signatures: `Slutrapporten är inte komplett: ${Object.values(problems).join(" ")} Fyll i det som saknas innan du ber parterna skriva under.`,
      });
    const { token, values } = linkRequestValues(input, actor, now);
    await upsert(tx, row.id, input.organisationId, values);
    const party = content.parties.find((p) => p.organisationId === input.organisationId);
    await deps.mailer.send(tx, {
      to: values.signerEmail,
      associationId,
      subject: `Underskrift av slutrapport: ${content.initiativeName}`,
      text:
        `Hej ${values.signerName},\n\n` +
        `Du har angetts som behörig att skriva under slutrapporten för insatsen "${content.initiativeName}" för ${party?.name ?? "er organisation"}.\n\n` +
        "Läs slutrapporten och skriv under här (länken gäller i 14 dagar och kan användas en gång):\n" +
        `${deps.baseUrl}/signera-slutrapport/${token}\n\n` +
        "Om slutrapporten ändras innan du har skrivit under visar länken den nya versionen. " +
        "Om den ändras efter att du har skrivit under tas din underskrift bort, och du får en ny förfrågan.\n\n" +
        "Om du inte är behörig att skriva under, använd inte länken och kontakta den som skickade förfrågan.\n",
    });
    await recordAuditEvent(tx, actor, {
      action: "final_report.signature_requested",
      associationId,
      targetType: "final_report",
      targetId: row.id,
      details: { organisationId: input.organisationId, email: values.signerEmail },
    });
    return { token };
  });
}

/**
 * The open request behind a signing link, with the report's version the person reads, or
 * undefined when the link is used, expired or unknown, or the report is no longer a draft.
 */
export async function findFinalReportSignatureRequest(
  q: Queryable,
  token: string,
  now = new Date(),
) {
  if (!isSigningToken(token)) return undefined;
  const [row] = await q
    .select({
      signatureId: finalReportSignatures.id,
      organisationId: finalReportSignatures.organisationId,
      signerName: finalReportSignatures.signerName,
      signerEmail: finalReportSignatures.signerEmail,
      expiresAt: finalReportSignatures.expiresAt,
      reportId: finalReports.id,
      associationId: finalReports.associationId,
      status: finalReports.status,
      version: finalReports.version,
    })
    .from(finalReportSignatures)
    .innerJoin(finalReports, eq(finalReports.id, finalReportSignatures.finalReportId))
    .where(
      and(
        eq(finalReportSignatures.tokenHash, sha256(token)),
        isNull(finalReportSignatures.signedAt),
        gt(finalReportSignatures.expiresAt, now),
      ),
    );
  if (!row || !FINAL_EDITABLE.has(row.status)) return undefined;
  return row;
}

/**
 * Signs through a link: the person confirms they are authorised to sign for the party and that
 * the report is right, with their name as the request has it. `version` is the report's version
 * they read: if it changed meanwhile, they read it again before signing.
 */
export async function signFinalReportWithLink(
  q: Queryable,
  actor: Omit<AuditActor, "userId" | "label">,
  token: string,
  input: { confirmAuthorised: boolean; name: string; version: number },
  now = new Date(),
): Promise<void> {
  const request = await findFinalReportSignatureRequest(q, token, now);
  if (!request)
    throw new ValidationError({
      token:
        "Länken har redan använts, gått ut eller gäller en slutrapport som har skickats in. Be den som skickade förfrågan om en ny länk.",
    });
  checkLinkSigner(
    input,
    request.signerName,
    "Bekräfta att du är behörig att skriva under för organisationen och att slutrapporten stämmer.",
  );
  await q.transaction(async (tx) => {
    const row = await lockFinalReport(tx, request.associationId, request.reportId);
    if (!FINAL_EDITABLE.has(row.status))
      throw new ValidationError({
        token: "Slutrapporten har skickats in. Be den som skickade förfrågan om en ny länk.",
      });
    if (row.version !== input.version)
      throw new ValidationError({
        form: "Slutrapporten har ändrats medan du läste den. Läs igenom den igen och skriv sedan under.",
      });
    const updated = await tx
      .update(finalReportSignatures)
      .set(linkSignedValues(row.version, now))
      .where(
        and(
          eq(finalReportSignatures.id, request.signatureId),
          isNull(finalReportSignatures.signedAt),
        ),
      )
      .returning({ id: finalReportSignatures.id });
    if (!updated.length) throw new ValidationError({ token: "Länken har redan använts." });
    await recordAuditEvent(
      tx,
      { ...actor, userId: null, label: request.signerEmail },
      {
        action: "final_report.signed",
        associationId: request.associationId,
        targetType: "final_report",
        targetId: request.reportId,
        details: { organisationId: request.organisationId, method: "link", version: row.version },
      },
    );
  });
}

/** The office registers a party's signature from a signed paper original. */
export async function recordFinalReportPaperSignature(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  reportId: string,
  input: SignerInput & { signedOn: string },
  now = new Date(),
): Promise<void> {
  await q.transaction(async (tx) => {
    const { row, parties } = await lockEditable(tx, associationId, reportId);
    const signedOn = checkPaperSigner(input, parties, now);
    await upsert(
      tx,
      row.id,
      input.organisationId,
      paperSignatureValues(input, signedOn, row.version, actor, now),
    );
    await recordAuditEvent(tx, actor, {
      action: "final_report.signed",
      associationId,
      targetType: "final_report",
      targetId: row.id,
      details: { organisationId: input.organisationId, method: "paper", signedOn },
    });
  });
}

/** Withdraws the request or removes the signature of one party (before submission). */
export async function removeFinalReportSignature(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  reportId: string,
  organisationId: string,
): Promise<void> {
  await q.transaction(async (tx) => {
    const { row } = await lockEditable(tx, associationId, reportId);
    const removed = /^[0-9a-f-]{36}$/i.test(organisationId)
      ? await tx
          .delete(finalReportSignatures)
          .where(
            and(
              eq(finalReportSignatures.finalReportId, row.id),
              eq(finalReportSignatures.organisationId, organisationId),
            ),
          )
          .returning({ id: finalReportSignatures.id })
      : [];
    if (!removed.length) throw new NotFoundError("Det finns ingen underskrift för den parten.");
    await recordAuditEvent(tx, actor, {
      action: "final_report.signature_removed",
      associationId,
      targetType: "final_report",
      targetId: row.id,
      details: { organisationId },
    });
  });
}
