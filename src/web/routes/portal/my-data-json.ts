// Mina uppgifter as a machine-readable file: the register extract (registerutdrag) of the signed-in
// participant, with the participant as the actor. The download is written to the access log
// (action "export") and so shows in "Vem har läst mina uppgifter".
import { requireParticipant } from "../../portal-guard.server.ts";
import type { Route } from "./+types/my-data-json.ts";
import { download, ownExport } from "./my-data-export.server.ts";

export async function loader({ context, request }: Route.LoaderArgs) {
  const access = await requireParticipant(context, request);
  return ownExport(access, (result) =>
    download(
      new TextEncoder().encode(`${JSON.stringify(result.json, null, 2)}\n`),
      "application/json; charset=utf-8",
      `${result.fileBaseName}.json`,
    ),
  );
}
