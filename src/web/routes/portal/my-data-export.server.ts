// The participant's own register extract, for the two downloads of Mina uppgifter: the
// participant is the actor (participantActor), the scope is their own portal scope, and the
// subject is always the signed-in participant — never an id from the request. A failure is
// answered as plain text in the participant's language, since they clicked a download link.
import { getAssociationLogo } from "../../../applications/settings.ts";
import { plainText } from "../../../documents/http.ts";
import { NotFoundError } from "../../../platform/errors.ts";
import { participantActor } from "../../../portal/accounts.ts";
import { registerCryptoFor } from "../../../register/key.server.ts";
import { dataSubjectExport, type SubjectExportResult } from "../../../register/subject-export.ts";
import type { PortalAccess } from "../../portal-guard.server.ts";

export const download = (body: Uint8Array, mediaType: string, fileName: string) =>
  new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      "Content-Type": mediaType,
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Content-Length": String(body.length),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });

export async function ownExport(
  access: PortalAccess,
  answer: (result: SubjectExportResult) => Response,
): Promise<Response> {
  const { state, account, scope, t } = access;
  try {
    const logo = await getAssociationLogo(state.services.db, account.associationId);
    const result = await dataSubjectExport(
      state.services.db,
      registerCryptoFor(state.services.config),
      participantActor(account, state.requestId),
      scope,
      account.participantId,
      logo ? { logo } : {},
    );
    return answer(result);
  } catch (error) {
    if (error instanceof NotFoundError) return plainText(404, t("portal.myData.download.missing"));
    throw error;
  }
}
