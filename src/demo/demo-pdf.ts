// A small, valid one-page PDF of plain text, for the demo's meeting minutes: the standard
// Helvetica faces (nothing embedded) in WinAnsiEncoding, which has the Swedish letters. It takes
// no time to make, where the full document writer (documents/pdf.ts) embeds its typeface and
// would add a noticeable part to every fresh start of the demo.

export interface PdfLine {
  text: string;
  bold?: boolean;
  /** Points; 10 by default. */
  size?: number;
  /** Extra space above the line, in points. */
  space?: number;
}

/** The few characters of Windows-1252 outside Latin-1 that Swedish text uses. */
const WIN_ANSI: Record<string, number> = {
  "€": 0x80,
  "…": 0x85,
  "‘": 0x91,
  "’": 0x92,
  "“": 0x93,
  "”": 0x94,
  "•": 0x95,
  "–": 0x96,
  "—": 0x97,
};

/** A PDF string literal of a text in WinAnsiEncoding (characters it lacks become "?"). */
function literal(text: string): Buffer {
  const bytes: number[] = [0x28];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0x3f;
    let b =
      WIN_ANSI[ch] ?? (code >= 0x20 && code <= 0xff && (code < 0x80 || code > 0x9f) ? code : 0x3f);
    if (b === 0x28 || b === 0x29 || b === 0x5c) bytes.push(0x5c);
    if (b === 0x09) b = 0x20;
    bytes.push(b);
  }
  bytes.push(0x29);
  return Buffer.from(bytes);
}

/** A text string of the document's information (UTF-16BE with its byte order mark). */
function infoString(text: string): string {
  const utf16 = Buffer.from(`\ufeff${text}`, "utf16le").swap16();
  return `<${utf16.toString("hex").toUpperCase()}>`;
}

/** Breaks a line so that it fits the page at its size (Helvetica is about half an em wide). */
function wrap(text: string, size: number): string[] {
  const max = Math.floor(470 / (size * 0.5));
  const out: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > max) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  out.push(line);
  return out;
}

/** The PDF: the lines from the top of an A4 page, with a title in the document's properties. */
export function simplePdf(title: string, lines: PdfLine[]): Buffer {
  const content: Buffer[] = [Buffer.from("BT\n62 780 Td\n", "latin1")];
  for (const line of lines) {
    const size = line.size ?? 10;
    const parts = wrap(line.text, size);
    parts.forEach((part, i) => {
      const lead = (i === 0 ? (line.space ?? 0) : 0) + size * 1.4;
      content.push(
        Buffer.from(`/${line.bold ? "F2" : "F1"} ${size} Tf\n0 ${-lead} Td\n`, "latin1"),
        literal(part),
        Buffer.from(" Tj\n", "latin1"),
      );
    });
  }
  content.push(Buffer.from("ET\n", "latin1"));
  const stream = Buffer.concat(content);
  const objects: Buffer[] = [
    Buffer.from("<< /Type /Catalog /Pages 2 0 R >>", "latin1"),
    Buffer.from("<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "latin1"),
    Buffer.from(
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>",
      "latin1",
    ),
    Buffer.from(
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
      "latin1",
    ),
    Buffer.from(
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
      "latin1",
    ),
    Buffer.concat([
      Buffer.from(`<< /Length ${stream.length} >>\nstream\n`, "latin1"),
      stream,
      Buffer.from("\nendstream", "latin1"),
    ]),
    Buffer.from(`<< /Title ${infoString(title)} /Producer (Samspar) >>`, "latin1"),
  ];
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  let at = parts[0]?.length ?? 0;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(at);
    const obj = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, "latin1"),
      body,
      Buffer.from("\nendobj\n", "latin1"),
    ]);
    parts.push(obj);
    at += obj.length;
  });
  const xref = [
    "xref",
    `0 ${objects.length + 1}`,
    "0000000000 65535 f ",
    ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n `),
    "trailer",
    `<< /Size ${objects.length + 1} /Root 1 0 R /Info 7 0 R >>`,
    "startxref",
    String(at),
    "%%EOF",
    "",
  ].join("\n");
  parts.push(Buffer.from(xref, "latin1"));
  return Buffer.concat(parts);
}
