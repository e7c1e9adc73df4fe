// The parties' signatures of a document in the API, for applications and final reports alike:
// each party (member organisation) of the initiative signs, by a one-time link e-mailed to the
// person authorised for it, or on paper that the office registers. The bodies of both
// operations and their handlers are the same for both documents; each document describes the
// operations in its own words and runs its own use cases.
import { z } from "@hono/zod-openapi";
import type { SignerInput } from "../applications/signatures.ts";
import type { Mailer } from "../mail/send-mail.ts";
import type { AppServices } from "../platform/http/request-context.ts";
import { renamingFields, type Target } from "./item-operations.ts";
import type { isoDateLike, timestampLike } from "./operation-kit.ts";
import type { ApiContext } from "./problems.ts";

/** Where a party's signature stands, as answered. */
export const signatureState = () =>
  z.enum(["requested", "expired", "signed"]).openapi({
    description:
      "requested: länken är skickad och väntar; expired: länken gick ut utan underskrift; signed: underskriven.",
  });

/** Who signs (or signed) for the party, as answered (an example address at one of the parties). */
export const signerFields = (emailExample: string) => ({
  signerName: z.string().openapi({ example: "Karin Ek" }),
  signerEmail: z.string().openapi({ example: emailExample }),
  signerTitle: z.string().openapi({ example: "Förvaltningschef" }),
});

/** When the link stops being valid and when the party signed, as answered with the module's examples. */
export const signatureTimes = (
  isoDate: ReturnType<typeof isoDateLike>,
  timestamp: ReturnType<typeof timestampLike>,
) => ({
  expiresAt: timestamp("När länken slutar gälla.").nullable(),
  signedOn: isoDate("Underskriftens datum, eller null."),
  signedAt: timestamp("När underskriften gavs eller registrerades.").nullable(),
});

/** The initiative's parties, each with its signature (`signature`) or null, as answered. */
export const partiesSchema = <S extends z.ZodType>(signature: S, description: string) =>
  z
    .array(
      z.object({
        organisationId: z.uuid(),
        name: z.string().openapi({ example: "Tierps kommun" }),
        isOwner: z.boolean().openapi({ description: "true för insatsägaren." }),
        signature: signature.nullable(),
      }),
    )
    .openapi({ description });

/**
 * The bodies of asking a party to sign by link and of registering a paper signature, as the
 * document's OpenAPI components `names` (an example address at one of its parties).
 */
export function signatureBodies(names: { request: string; paper: string }, emailExample: string) {
  const party = () =>
    z.uuid().openapi({ description: "Parten: insatsägaren eller en samverkanspart." });
  const title = () =>
    z
      .string()
      .max(200)
      .default("")
      .openapi({ description: "Titel eller befattning.", example: "Förvaltningschef" });
  return {
    request: z
      .object({
        organisationId: party(),
        name: z.string().max(200).openapi({
          description: "Den som är behörig att skriva under för parten.",
          example: "Karin Ek",
        }),
        email: z.string().max(200).openapi({
          description: "Dit länken skickas.",
          example: emailExample,
        }),
        title: title(),
      })
      .openapi(names.request),
    paper: z
      .object({
        organisationId: party(),
        name: z
          .string()
          .max(200)
          .openapi({ description: "Den som skrev under.", example: "Karin Ek" }),
        title: title(),
        email: z
          .string()
          .max(200)
          .default("")
          .openapi({ description: "E-postadress, om den är känd.", example: emailExample }),
        signedOn: z.iso.date().openapi({
          description: "Dagen på underskriften, inte i framtiden.",
          example: "2026-11-01",
        }),
      })
      .openapi(names.paper),
  };
}

/** The use cases' names for the signer's fields → the bodies' names. */
const SIGNER_FIELDS = { signerName: "name", signerEmail: "email" };

type SigningMail = { mailer: Mailer; baseUrl: string };

/**
 * The handlers of both operations for a document whose `change` (guardedItem's) runs a use case
 * and answers with the document after it.
 */
export function signatureHandlers<A>(
  change: (services: AppServices, c: ApiContext, run: (...at: Target) => Promise<unknown>) => A,
) {
  return {
    /** Asks for a signature by link: the link's token goes to the signer by e-mail only. */
    request: (
      services: AppServices,
      c: ApiContext,
      input: SignerInput,
      ask: (...args: [...Target, SignerInput, SigningMail]) => Promise<unknown>,
    ) =>
      change(services, c, (...at) =>
        renamingFields(SIGNER_FIELDS, () =>
          ask(...at, input, { mailer: services.mailer, baseUrl: services.config.baseUrl }),
        ),
      ),
    /** Registers a signature from paper. */
    paper: (
      services: AppServices,
      c: ApiContext,
      input: SignerInput & { signedOn: string },
      record: (...args: [...Target, SignerInput & { signedOn: string }]) => Promise<unknown>,
    ) => change(services, c, (...at) => renamingFields(SIGNER_FIELDS, () => record(...at, input))),
  };
}
