// Writes the committed JSON Schema of the association bundle,
// docs/formats/association-bundle.schema.json. Run it after changing bundle-schema.ts
// (`node src/bundle/write-schema.ts`); a test fails while the copy is stale.
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { bundleJsonSchema } from "./bundle-schema.ts";

export const BUNDLE_SCHEMA_FILE = fileURLToPath(
  new URL("../../docs/formats/association-bundle.schema.json", import.meta.url),
);

/**
 * Two-space JSON with short lists of plain values on one line, as Biome formats the committed
 * file (lines up to 100 characters), so that `biome check` leaves it alone.
 */
export function formatJson(value: unknown): string {
  const text = JSON.stringify(value, null, 2).replace(
    /^(.*)\[\n((?:\s+(?:"(?:[^"\\]|\\.)*"|-?[\d.eE+-]+|true|false|null),?\n)+)\s*\](,?)$/gm,
    (whole, head: string, items: string, comma: string) => {
      const line = `${head}[${items
        .trim()
        .split(/,?\n\s*/)
        .join(", ")}]${comma}`;
      return line.length <= 100 ? line : whole;
    },
  );
  return `${text}\n`;
}

export const bundleSchemaJson = () => formatJson(bundleJsonSchema());

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  fs.writeFileSync(BUNDLE_SCHEMA_FILE, bundleSchemaJson());
  console.log(`Skrev ${BUNDLE_SCHEMA_FILE}`);
}
