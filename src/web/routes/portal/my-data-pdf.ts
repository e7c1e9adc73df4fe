// Mina uppgifter as a PDF: the register extract (registerutdrag) of the signed-in participant, laid
// out by the app's document writers (src/register/subject-export.ts), with the participant as the
// actor. The download is written to the access log (action "export").
import { requireParticipant } from "../../portal-guard.server.ts";
import type { Route } from "./+types/my-data-pdf.ts";
import { download, ownExport } from "./my-data-export.server.ts";

export async function loader({ context, request }: Route.LoaderArgs) {
  const access = await requireParticipant(context, request);
  return ownExport(access, (result) =>
    download(result.pdf, "application/pdf", `${result.fileBaseName}.pdf`),
  );
}
