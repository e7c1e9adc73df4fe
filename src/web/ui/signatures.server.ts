// The signature actions of a document's page (`runIntent` in workflow-actions.server.ts), for
// applications and final reports alike: ask a party to sign by link, register a signature from
// paper, or withdraw a request or remove a signature. The form fields are those the forms in
// signatures.tsx draw; each document runs them with its own use cases.
import type { SignerInput } from "../../applications/signatures.ts";
import type { AuditActor } from "../../audit/record-audit-event.ts";
import type { Mailer } from "../../mail/send-mail.ts";
import type { Queryable } from "../../platform/database/connect.ts";
import type { RequestState } from "../../platform/http/request-context.ts";
import type { IntentInput } from "../workflow-actions.server.ts";

/** Each signature action's fields: the domain's name for a field → the form field's name. */
export const SIGNATURE_FIELDS = {
  "request-signature": {
    organisationId: "request-party",
    signerName: "request-name",
    signerTitle: "request-title",
    signerEmail: "request-email",
  },
  "remove-signature": { organisationId: "organisationId" },
  "paper-signature": {
    organisationId: "paper-party",
    signerName: "paper-name",
    signerTitle: "paper-title",
    signerEmail: "paper-email",
    signedOn: "paper-date",
  },
} as const;

export type SignatureIntent = keyof typeof SIGNATURE_FIELDS;

export const isSignatureIntent = (intent: string): intent is SignatureIntent =>
  Object.hasOwn(SIGNATURE_FIELDS, intent);

type At = [q: Queryable, actor: AuditActor, associationId: string, documentId: string];

/** A document's signature use cases, each taking the document it acts on first. */
export interface SignatureUseCases {
  request: (...args: [...At, SignerInput, { mailer: Mailer; baseUrl: string }]) => Promise<unknown>;
  remove: (...args: [...At, organisationId: string]) => Promise<unknown>;
  paper: (...args: [...At, SignerInput & { signedOn: string }]) => Promise<unknown>;
}

/** Runs a signature action on the document; the notice the page then shows. */
export async function runSignatureIntent(
  intent: SignatureIntent,
  { field, db, actor }: IntentInput,
  { services }: RequestState,
  document: { associationId: string; id: string },
  uses: SignatureUseCases,
): Promise<string> {
  const at: At = [db, actor, document.associationId, document.id];
  const mail = { mailer: services.mailer, baseUrl: services.config.baseUrl };
  const signer = () => ({
    organisationId: field("organisationId"),
    name: field("signerName"),
    title: field("signerTitle"),
    email: field("signerEmail"),
  });
  switch (intent) {
    case "request-signature":
      await uses.request(...at, signer(), mail);
      return "underskrift-begard";
    case "remove-signature":
      await uses.remove(...at, field("organisationId"));
      return "underskrift-borttagen";
    case "paper-signature":
      await uses.paper(...at, { ...signer(), signedOn: field("signedOn") });
      return "underskrift-registrerad";
  }
}
