// Writes the committed copy of the API's OpenAPI document, docs/api/openapi.json. Run it after
// changing the API (`node src/api/write-openapi.ts`); a test fails while the copy is stale.
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { buildOpenApiDocument } from "./app.ts";

export const OPENAPI_FILE = fileURLToPath(new URL("../../docs/api/openapi.json", import.meta.url));

export const openApiJson = () => `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  fs.writeFileSync(OPENAPI_FILE, openApiJson());
  console.log(`Skrev ${OPENAPI_FILE}`);
}
