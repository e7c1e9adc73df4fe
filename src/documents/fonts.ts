// The typeface of the PDF: Source Sans 3 (SIL Open Font License 1.1), from the npm package
// @expo-google-fonts/source-sans-3. It covers Swedish and the typographic characters the forms
// use (– ” ≥ • §), which the PDF standard fonts do not. pdfkit embeds only the glyphs used.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const resolveFrom = createRequire(import.meta.url);
const dir = path.dirname(resolveFrom.resolve("@expo-google-fonts/source-sans-3/package.json"));
const face = (name: string) => path.join(dir, name, `SourceSans3_${name}.ttf`);

export const PDF_FONT_FILES = {
  regular: face("400Regular"),
  italic: face("400Regular_Italic"),
  semibold: face("600SemiBold"),
  bold: face("700Bold"),
} as const;

export type PdfFont = keyof typeof PDF_FONT_FILES;

let loaded: Record<PdfFont, Buffer> | undefined;

/** The faces' bytes, read once per process rather than once per document. */
export function pdfFonts(): Record<PdfFont, Buffer> {
  loaded ??= Object.fromEntries(
    Object.entries(PDF_FONT_FILES).map(([name, file]) => [name, fs.readFileSync(file)]),
  ) as Record<PdfFont, Buffer>;
  return loaded;
}
