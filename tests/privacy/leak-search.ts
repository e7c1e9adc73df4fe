// The searcher of the planted-identity test (tests/privacy/planted-identities.test.ts): every
// written form of a planted participant's identity (the personnummer or samordningsnummer in 12
// and 10 digits, with "-", "+" or a space, the masked form, the name and its family name, the
// stored ciphertexts and the keyed look-up hash), and every output turned into the texts a
// person or a program could read in it:
//   - text (HTML, JSON, CSV, plain text, logs): as sent, and decoded (HTML entities, JSON and
//     turbo-stream \u escapes, %XX) with tags removed and white space squashed, so that a number
//     split over elements or a name wrapped over lines is still found;
//   - DOCX / XLSX / any zip: every text part (XML, relationships, JSON, CSV), the same way;
//   - PDF: the text of every page as PDF.js extracts it (pdfkit subsets its fonts but writes a
//     ToUnicode map, so the text is readable), the document information, and the raw bytes;
//   - images and fonts: not searched (counted as such).
// A hit names the output, the identity, the form and an excerpt of 120 characters.
import JSZip from "jszip";
import { pdfText } from "../../src/documents/testing.ts";

export interface PlantedIdentity {
  /** How the test refers to the person, e.g. "registrerad med samtycke och visad". */
  label: string;
  /** The canonical number, ÅÅÅÅMMDDNNNN; null when none was given. */
  canonical: string | null;
  name: string | null;
  /** The identity's and the name's ciphertexts as stored (read in the register zone). */
  ciphertexts: string[];
  /** The keyed look-up hash as stored. */
  lookup: string | null;
}

export interface Needle {
  identity: string;
  form: string;
  /** Lower case; for the squashed view, without white space. */
  text: string;
  squashed: string;
}

/** Every written form of an identity, as needles. */
export function needlesOf(identity: PlantedIdentity): Needle[] {
  const forms: Array<[string, string]> = [];
  const c = identity.canonical;
  if (c) {
    if (!/^\d{12}$/.test(c)) throw new Error(`not a canonical number: ${c}`);
    const long = c.slice(0, 8);
    const short = c.slice(2, 8);
    const serial = c.slice(8);
    forms.push(
      ["12 siffror", c],
      ["10 siffror", c.slice(2)],
      ["ÅÅÅÅMMDD-NNNN", `${long}-${serial}`],
      ["ÅÅÅÅMMDD+NNNN", `${long}+${serial}`],
      ["ÅÅMMDD-NNNN", `${short}-${serial}`],
      ["ÅÅMMDD+NNNN", `${short}+${serial}`],
      ["ÅÅÅÅMMDD NNNN", `${long} ${serial}`],
      ["ÅÅMMDD NNNN", `${short} ${serial}`],
      ["maskerat ÅÅÅÅMMDD-XXXX", `${long}-XXXX`],
    );
  }
  if (identity.name) {
    forms.push(["namn", identity.name]);
    const family = identity.name.trim().split(/\s+/).at(-1);
    if (family && family !== identity.name.trim()) forms.push(["efternamn", family]);
  }
  for (const sealed of identity.ciphertexts) {
    forms.push(["chiffertext", sealed]);
    const body = sealed.replace(/^v\d+:/, "");
    if (body !== sealed) forms.push(["chiffertext utan prefix", body]);
  }
  if (identity.lookup) forms.push(["sökhash", identity.lookup]);
  return forms.map(([form, text]) => ({
    identity: identity.label,
    form,
    text: text.toLowerCase(),
    squashed: text.toLowerCase().replace(/\s+/g, ""),
  }));
}

/** One thing an association role could reach: a page, an API answer, a file, a log. */
export interface Output {
  /** "sida", "api", "export", "logg", "tabell" … */
  kind: string;
  /** The URL, file or table. */
  name: string;
  contentType: string;
  body: Uint8Array | string;
}

export interface ReadableText {
  /** The part of the output, e.g. "word/document.xml" or "sida 2"; "" for the whole. */
  part: string;
  text: string;
}

export interface Extracted {
  texts: ReadableText[];
  /** False for images and fonts, which are not searched. */
  searched: boolean;
  format: "text" | "zip" | "pdf" | "binary" | "media";
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46]; // %PDF

const startsWith = (bytes: Uint8Array, magic: number[]) =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

const TEXT_PART = /\.(xml|rels|json|csv|txt|html?|vml)$/i;
const utf8 = new TextDecoder("utf-8");
const latin1 = new TextDecoder("latin1");

/** The readable texts of an output, by its bytes (not its claimed type). */
export async function extractTexts(output: Output): Promise<Extracted> {
  if (typeof output.body === "string")
    return { texts: [{ part: "", text: output.body }], searched: true, format: "text" };
  const bytes = output.body;
  if (startsWith(bytes, ZIP_MAGIC)) {
    const zip = await JSZip.loadAsync(bytes);
    const texts: ReadableText[] = [];
    for (const file of Object.values(zip.files)) {
      if (file.dir) continue;
      // media (images) in a document are not text; everything else is read
      if (!TEXT_PART.test(file.name) && /\.(png|jpe?g|gif|emf|wmf|bmp|tiff?)$/i.test(file.name))
        continue;
      const content = await file.async("uint8array");
      texts.push({
        part: file.name,
        text: TEXT_PART.test(file.name) ? utf8.decode(content) : latin1.decode(content),
      });
    }
    return { texts, searched: true, format: "zip" };
  }
  if (startsWith(bytes, PDF_MAGIC)) {
    const { pages, info } = await pdfText(Buffer.from(bytes));
    return {
      texts: [
        ...pages.map((text, i) => ({ part: `sida ${i + 1}`, text })),
        { part: "dokumentinformation", text: JSON.stringify(info) },
        { part: "råa byte", text: latin1.decode(bytes) },
      ],
      searched: true,
      format: "pdf",
    };
  }
  const type = output.contentType.toLowerCase();
  if (type.startsWith("image/") && !type.includes("svg"))
    return { texts: [], searched: false, format: "media" };
  if (type.startsWith("font/")) return { texts: [], searched: false, format: "media" };
  if (
    type === "" ||
    type.startsWith("text/") ||
    type.includes("json") ||
    type.includes("xml") ||
    type.includes("javascript") ||
    type.includes("csv")
  )
    return { texts: [{ part: "", text: utf8.decode(bytes) }], searched: true, format: "text" };
  // something else: its bytes as Latin-1, so that any ASCII in it is searched
  return { texts: [{ part: "", text: latin1.decode(bytes) }], searched: true, format: "binary" };
}

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ndash: "–",
  mdash: "—",
  aring: "å",
  auml: "ä",
  ouml: "ö",
  Aring: "Å",
  Auml: "Ä",
  Ouml: "Ö",
  eacute: "é",
};

/** A character reference's character, or the reference as written when it names none. */
const codePoint = (whole: string, code: number) =>
  code <= 0x10ffff ? String.fromCodePoint(code) : whole;

/** HTML/XML entities, JSON and JavaScript escapes (twice: turbo-stream nests them) and %XX. */
export function decodeText(s: string): string {
  let out = s;
  for (let round = 0; round < 2; round++) {
    out = out
      .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) =>
        String.fromCharCode(Number.parseInt(hex, 16)),
      )
      .replace(/\\x([0-9a-fA-F]{2})/g, (_, hex: string) =>
        String.fromCharCode(Number.parseInt(hex, 16)),
      )
      .replace(/\\([/"'\\])/g, "$1")
      .replace(/&#x([0-9a-fA-F]{1,6});/g, (whole, hex: string) =>
        codePoint(whole, Number.parseInt(hex, 16)),
      )
      .replace(/&#(\d{1,7});/g, (whole, dec: string) => codePoint(whole, Number(dec)))
      .replace(/&([a-zA-Z]+);/g, (whole, name: string) => ENTITIES[name] ?? whole);
  }
  return out.replace(/%([0-9a-fA-F]{2})/g, (whole, hex: string) => {
    const code = Number.parseInt(hex, 16);
    return code >= 0x20 && code < 0x7f ? String.fromCharCode(code) : whole;
  });
}

export interface Hit {
  output: string;
  part: string;
  identity: string;
  form: string;
  excerpt: string;
}

const excerptAt = (text: string, at: number, length: number) => {
  const from = Math.max(0, at - Math.floor((120 - length) / 2));
  return text
    .slice(from, from + 120)
    .replace(/\s+/g, " ")
    .trim();
};

/**
 * Searches one text for every needle: as it is, and decoded with tags removed and white space
 * squashed. Returns the hits (one per needle, the first place found).
 */
export function searchText(
  text: string,
  needles: readonly Needle[],
  output: string,
  part: string,
): Hit[] {
  const hits: Hit[] = [];
  const decoded = decodeText(text);
  // decoded (the text as sent, with any escaped character read: a needle has none of the
  // escape characters, so what is found as sent is found here too); and decoded without tags
  // and white space (a number split over cells or runs, a name wrapped over lines)
  const views = [{ text: decoded, lower: decoded.toLowerCase(), squashed: false }];
  const stripped = decoded.replace(/<[^<>]*>/g, "").replace(/\s+/g, "");
  views.push({ text: stripped, lower: stripped.toLowerCase(), squashed: true });
  for (const needle of needles) {
    for (const view of views) {
      const wanted = view.squashed ? needle.squashed : needle.text;
      const at = view.lower.indexOf(wanted);
      if (at < 0) continue;
      hits.push({
        output,
        part,
        identity: needle.identity,
        form: needle.form,
        excerpt: excerptAt(view.text, at, wanted.length),
      });
      break;
    }
  }
  return hits;
}

/** Searches an output (all its readable parts) for every needle. */
export async function searchOutput(
  output: Output,
  needles: readonly Needle[],
): Promise<{ hits: Hit[]; extracted: Extracted }> {
  const extracted = await extractTexts(output).catch((error: unknown) => {
    // an output that cannot be read cannot be said to be clean
    throw new Error(
      `${output.kind} ${output.name} (${output.contentType}) kunde inte läsas: ${error}`,
    );
  });
  const hits = extracted.texts.flatMap((t) =>
    searchText(t.text, needles, `${output.kind} ${output.name}`, t.part),
  );
  return { hits, extracted };
}

/** A hit as one line of a failure message. */
export const describeHit = (h: Hit) =>
  `${h.output}${h.part ? ` [${h.part}]` : ""}: ${h.identity} som ${h.form} — «${h.excerpt}»`;
