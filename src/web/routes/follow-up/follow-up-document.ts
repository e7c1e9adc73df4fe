// A follow-up report to download: ?format=pdf (the default), docx, xlsx or json, of the version
// asked for (?version=N) or the newest the person may see — the board and the auditor only
// locked versions. Every format is drawn from the same report as the page. Only reads, so
// nothing goes to the audit log. Answers that are not a document are plain text, since the
// person clicked a download link.
import { asPlainText, documentResponse, plainText } from "../../../documents/http.ts";
import { isFollowUpFormat, UNKNOWN_FOLLOW_UP_FORMAT } from "../../../follow-up/documents/render.ts";
import { versionDocument } from "../../../follow-up/store-documents.ts";
import type { Route } from "./+types/follow-up-document.ts";
import { chosenVersion, requireFollowUp } from "./follow-up.server.ts";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, followUp, seesDrafts } = await requireFollowUp(context, request, params).catch(
    (error: unknown) => {
      throw asPlainText(error);
    },
  );
  const url = new URL(request.url);
  const format = url.searchParams.get("format") ?? "pdf";
  if (!isFollowUpFormat(format)) return plainText(400, UNKNOWN_FOLLOW_UP_FORMAT);
  const asked = url.searchParams.get("version");
  const version = chosenVersion(followUp, seesDrafts, asked);
  if (!version)
    return plainText(
      404,
      asked
        ? "Versionen av uppföljningen finns inte."
        : "Uppföljningen har ingen låst version ännu.",
    );
  const { document } = await versionDocument(state.services.db, followUp, version, format);
  return documentResponse(document);
}
