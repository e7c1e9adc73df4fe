// The data-subject export (registerutdrag) of an enrollment's participant, as a download:
// ?format=pdf (the default) or ?format=json. Everything the register holds about the person
// within the officer's scope, with the full personnummer and the access log about them; the
// export is itself logged (action export). Answers that are not a file are plain text, since
// the person clicked a download link.
import { getAssociationLogo } from "../../../applications/settings.ts";
import { asPlainText, plainText } from "../../../documents/http.ts";
import { NotFoundError } from "../../../platform/errors.ts";
import { enrollmentRefs } from "../../../register/enrollment-log.ts";
import { dataSubjectExport } from "../../../register/subject-export.ts";
import type { Route } from "./+types/enrollment-export.ts";
import { requireRegister } from "./register-access.server.ts";

const UNKNOWN_FORMAT =
  "Formatet finns inte. Välj format=pdf för PDF eller format=json för en maskinläsbar fil.";

const download = (body: Uint8Array, mediaType: string, fileName: string) =>
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

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const register = await requireRegister(context, request, params.association).catch(
    (error: unknown) => {
      throw asPlainText(error);
    },
  );
  const format = new URL(request.url).searchParams.get("format") ?? "pdf";
  if (format !== "pdf" && format !== "json") return plainText(400, UNKNOWN_FORMAT);
  try {
    const { participantId } = await enrollmentRefs(
      register.db,
      register.scope,
      params.enrollmentId,
    );
    const logo = await getAssociationLogo(register.db, register.association.id);
    const result = await dataSubjectExport(
      register.db,
      register.crypto,
      register.actor,
      register.scope,
      participantId,
      logo ? { logo } : {},
    );
    if (format === "json")
      return download(
        new TextEncoder().encode(`${JSON.stringify(result.json, null, 2)}\n`),
        "application/json; charset=utf-8",
        `${result.fileBaseName}.json`,
      );
    return download(result.pdf, "application/pdf", `${result.fileBaseName}.pdf`);
  } catch (error) {
    if (error instanceof NotFoundError) return plainText(404, error.message);
    throw error;
  }
}
