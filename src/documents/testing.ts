// For tests of documents: a small PNG logo made on the spot, the DOCX unzipped into paragraph
// and table texts, and the PDF's text per page as PDF.js extracts it, as a reader would see it.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import JSZip from "jszip";
import { getDocumentProxy, getMeta } from "unpdf";

/** A small PNG (an RGBA square with a circle), made here so tests need no file. */
export function pngLogo(width: number, height: number): Buffer {
  const row = width * 4 + 1;
  const raw = Buffer.alloc(row * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const inside = (x - width / 2) ** 2 + (y - height / 2) ** 2 < (height / 2.5) ** 2;
      raw.set(inside ? [29, 58, 92, 255] : [0, 0, 0, 0], y * row + 1 + x * 4);
    }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const out = Buffer.alloc(4 + body.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(zlib.crc32(body), 4 + body.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

export const decodeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** Whether every element that opens also closes, in order: the first mismatch, or null. */
export function xmlMismatch(xml: string): string | null {
  const stack: string[] = [];
  const body = xml.replace(/^<\?xml[^>]*\?>/, "");
  for (const m of body.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)((?:"[^"]*"|'[^']*'|[^>"'])*?)(\/?)>/g)) {
    const [, close, name, , selfClosing] = m;
    if (selfClosing) continue;
    if (close) {
      const open = stack.pop();
      if (open !== name) return `</${name}> closes <${open}>`;
    } else stack.push(name as string);
  }
  return stack.length ? `<${stack.at(-1)}> never closes` : null;
}

/** The text of each paragraph of a WordprocessingML part. */
export const paragraphTexts = (xml: string) =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    decodeXml([...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("")),
  );

/** The paragraphs of one heading style ("Heading1"…) of a WordprocessingML part. */
export const headingTexts = (xml: string, level: number) =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .filter((p) => p[0].includes(`<w:pStyle w:val="Heading${level}"/>`))
    .map((p) => paragraphTexts(p[0]).join(""));

/** Each table as rows of cell texts (a cell's paragraphs joined by line breaks). */
export const tableTexts = (xml: string) =>
  [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((tbl) =>
    [...tbl[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) => ({
      header: tr[0].includes("<w:tblHeader"),
      cells: [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) =>
        paragraphTexts(tc[0]).join("\n"),
      ),
    })),
  );

/** A DOCX package's parts: the body, headers and footers as XML, and the zip itself. */
export async function openDocx(body: Buffer) {
  const zip = await JSZip.loadAsync(body);
  const read = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`${name} saknas i paketet`);
    return file.async("string");
  };
  const all = async (pattern: RegExp) =>
    (await Promise.all(zip.file(pattern).map((f) => f.async("string")))).join("");
  return {
    zip,
    read,
    document: await read("word/document.xml"),
    header: await all(/^word\/header\d*\.xml$/),
    footer: await all(/^word\/footer\d*\.xml$/),
  };
}

/** The text of each page of a PDF, and its document information. */
export async function pdfText(body: Buffer) {
  const pdf = await getDocumentProxy(new Uint8Array(body));
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const text = await page.getTextContent();
    pages.push(text.items.map((item) => ("str" in item ? item.str : "")).join(""));
  }
  const { info } = (await getMeta(pdf)) as { info: Record<string, unknown> };
  await pdf.cleanup();
  return { pages, info };
}

/** Text without spacing and line breaks, to compare with a PDF's (which wraps lines anywhere). */
export const squash = (s: string) => s.replace(/\s+/g, "");

/** Writes a rendered file to $DOCUMENT_PREVIEW_DIR, when set, for a person to look at. */
export function keepForPreview(fileName: string, body: Buffer): void {
  const dir = process.env.DOCUMENT_PREVIEW_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, fileName), body);
}
