// Writes the committed JSON Schema of the follow-up report,
// docs/formats/follow-up-report.schema.json. Run it after changing report-schema.ts
// (`node src/follow-up/documents/write-schema.ts`); a test fails while the copy is stale.
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { formatJson } from "../../bundle/write-schema.ts";
import { followUpReportJsonSchema } from "./report-schema.ts";

export const FOLLOW_UP_SCHEMA_FILE = fileURLToPath(
  new URL("../../../docs/formats/follow-up-report.schema.json", import.meta.url),
);

export const followUpSchemaJson = () => formatJson(followUpReportJsonSchema());

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  fs.writeFileSync(FOLLOW_UP_SCHEMA_FILE, followUpSchemaJson());
  console.log(`Skrev ${FOLLOW_UP_SCHEMA_FILE}`);
}
