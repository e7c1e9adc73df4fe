// An empty participant import file to fill in: the header row of the format's columns
// (docs/formats/participant-import.md), as CSV with semicolons, UTF-8 with a BOM so that Excel
// reads å, ä and ö. No participant data, but only for those who may import.
import { asPlainText } from "../../../documents/http.ts";
import { IMPORT_COLUMNS } from "../../../register/import-format.ts";
import type { Route } from "./+types/import-template.ts";
import { requireRegister } from "./register-access.server.ts";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  await requireRegister(context, request, params.association).catch((error: unknown) => {
    throw asPlainText(error);
  });
  const body = new TextEncoder().encode(`\uFEFF${IMPORT_COLUMNS.join(";")}\r\n`);
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="deltagare-mall.csv"',
      "Content-Length": String(body.length),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
