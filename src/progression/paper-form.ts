// The paper form of an instrument version (PDF, pdfkit with the documents' typeface): the title,
// the instructions, each item with a box for every number of the scale and the labels of both
// ends, a box for "vill inte svara", and lines for the date and the participant's code, written
// by hand. The code is the initiative's own key of the participant, never a personnummer; the
// coach enters the answers afterwards with the mode "papper".
//
// Languages: the typeface (Source Sans 3, src/documents/fonts.ts) covers the Latin script only,
// so the form is printed in Swedish, English or Somali; in English or Somali every item has its
// Swedish text on a line beneath. Arabic, Persian and Tigrinya need scripts the typeface lacks:
// those participants answer on screen, where the browser draws every script.
import PDFDocument from "pdfkit";
import { pdfFonts } from "../documents/fonts.ts";
import type { InstrumentDefinition, PortalLanguage, Texts } from "./model.ts";

/** The languages a paper form can be printed in (the typeface's scripts). */
export const PAPER_LANGUAGES = ["sv", "en", "so"] as const;
export type PaperLanguage = (typeof PAPER_LANGUAGES)[number];

export const isPaperLanguage = (v: unknown): v is PaperLanguage =>
  (PAPER_LANGUAGES as readonly unknown[]).includes(v);

/** The words of the form itself, per language (the instrument's own texts come from it). */
const WORDS: Record<
  PaperLanguage,
  Record<"date" | "code" | "codeHint" | "skip" | "page" | "item", string>
> = {
  sv: {
    date: "Datum",
    code: "Deltagarkod",
    codeHint: "Skriv koden du har fått av din coach, inte ditt personnummer.",
    skip: "Vill inte svara",
    page: "Sida",
    item: "Fråga",
  },
  en: {
    date: "Date",
    code: "Participant code",
    codeHint: "Write the code your coach gave you, not your personal identity number.",
    skip: "Prefer not to answer",
    page: "Page",
    item: "Question",
  },
  so: {
    date: "Taariikhda",
    code: "Koodhka ka-qaybgalaha",
    codeHint: "Qor koodhka uu ku siiyay tababarahaagu, ha qorin lambarkaaga shakhsiga ah.",
    skip: "Ma doonayo inaan ka jawaabo",
    page: "Bogga",
    item: "Su'aal",
  },
};

export interface PaperFormInput {
  instrumentName: Texts;
  versionNumber: number;
  licence: string | null;
  definition: InstrumentDefinition;
  associationName: string;
  language: PaperLanguage;
}

const MM = 72 / 25.4;
const MARGIN = 18 * MM;

const textIn = (texts: Texts, language: PortalLanguage): string => texts[language] ?? texts.sv;

/** The paper form as a PDF. */
export function renderPaperForm(input: PaperFormInput): Promise<Buffer> {
  const { definition: d, language } = input;
  const words = WORDS[language];
  const title = `${textIn(input.instrumentName, language)} (version ${input.versionNumber})`;
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    font: null as unknown as string,
    lang: language === "sv" ? "sv-SE" : language === "en" ? "en-GB" : "so",
    displayTitle: true,
    pdfVersion: "1.7",
    info: {
      Title: title,
      Author: input.associationName,
      Creator: "Samspår",
      Producer: "Samspår",
      CreationDate: new Date(),
    },
  });
  const output = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  for (const [name, data] of Object.entries(pdfFonts())) doc.registerFont(name, data);
  const width = doc.page.width - 2 * MARGIN;
  const bottom = doc.page.height - MARGIN;
  const swedishToo = language !== "sv";

  doc.font("regular").fontSize(9).fillColor("#444").text(input.associationName, MARGIN, MARGIN);
  doc.moveDown(0.5);
  doc.font("bold").fontSize(16).fillColor("#000").text(title, { width });
  if (swedishToo && input.instrumentName.sv !== textIn(input.instrumentName, language))
    doc.font("italic").fontSize(10).fillColor("#444").text(input.instrumentName.sv, { width });
  if (input.licence)
    doc.font("regular").fontSize(8).fillColor("#444").text(input.licence, { width });
  doc.moveDown(0.6);

  // the hand-written fields
  const fieldY = doc.y;
  const half = (width - 8 * MM) / 2;
  doc.font("semibold").fontSize(10).fillColor("#000");
  doc.text(words.date, MARGIN, fieldY);
  doc.text(words.code, MARGIN + half + 8 * MM, fieldY);
  const lineY = fieldY + 26;
  doc.lineWidth(0.75).strokeColor("#000");
  doc
    .moveTo(MARGIN, lineY)
    .lineTo(MARGIN + half, lineY)
    .stroke();
  doc
    .moveTo(MARGIN + half + 8 * MM, lineY)
    .lineTo(MARGIN + width, lineY)
    .stroke();
  doc.font("regular").fontSize(8).fillColor("#444");
  doc.text("ÅÅÅÅ-MM-DD", MARGIN, lineY + 3, { width: half });
  doc.text(words.codeHint, MARGIN + half + 8 * MM, lineY + 3, { width: half });
  doc.x = MARGIN;
  doc.y = lineY + 28;

  doc.font("regular").fontSize(11).fillColor("#000").text(textIn(d.instructions, language), {
    width,
  });
  if (swedishToo)
    doc.font("italic").fontSize(9).fillColor("#444").text(d.instructions.sv, { width });
  doc.moveDown(0.8);

  const numbers: number[] = [];
  for (let n = d.scale.min; n <= d.scale.max; n++) numbers.push(n);
  const box = 8 * MM;
  const gap = Math.min(4 * MM, (width - numbers.length * box) / Math.max(1, numbers.length));

  d.items.forEach((item, index) => {
    const own = textIn(item.text, language);
    doc.font("semibold").fontSize(11);
    const heading = `${words.item} ${index + 1}. ${own}`;
    const needed = doc.heightOfString(heading, { width }) + (swedishToo ? 14 : 0) + box + 40;
    if (doc.y + needed > bottom) {
      doc.addPage();
      doc.x = MARGIN;
      doc.y = MARGIN;
    }
    doc.fillColor("#000").text(heading, MARGIN, doc.y, { width });
    if (swedishToo)
      doc.font("italic").fontSize(9).fillColor("#444").text(item.text.sv, MARGIN, doc.y, { width });
    const top = doc.y + 6;
    doc.lineWidth(0.75).strokeColor("#000");
    numbers.forEach((n, i) => {
      const x = MARGIN + i * (box + gap);
      doc.rect(x, top, box, box).stroke();
      doc
        .font("regular")
        .fontSize(9)
        .fillColor("#000")
        .text(String(n), x, top + box + 2, { width: box, align: "center" });
    });
    const labelsY = top + box + 14;
    const span = numbers.length * (box + gap) - gap;
    doc.font("regular").fontSize(8).fillColor("#444");
    doc.text(`${d.scale.min} = ${textIn(d.scale.minLabel, language)}`, MARGIN, labelsY, {
      width: span / 2,
    });
    doc.text(`${d.scale.max} = ${textIn(d.scale.maxLabel, language)}`, MARGIN + span / 2, labelsY, {
      width: span / 2,
      align: "right",
    });
    const after = doc.y;
    // "prefer not to answer", to the right of the scale when there is room, else below it
    const skipX = MARGIN + span + 6 * MM;
    const skipOnRow = skipX + box + 30 * MM <= MARGIN + width;
    const skipTop = skipOnRow ? top : after + 4;
    const skipLeft = skipOnRow ? skipX : MARGIN;
    doc.rect(skipLeft, skipTop, box * 0.7, box * 0.7).stroke();
    doc
      .font("regular")
      .fontSize(8)
      .fillColor("#000")
      .text(words.skip, skipLeft + box * 0.7 + 4, skipTop + 3, {
        width: MARGIN + width - skipLeft - box,
      });
    doc.x = MARGIN;
    doc.y = Math.max(after, skipOnRow ? after : skipTop + box) + 14;
  });

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc
      .font("regular")
      .fontSize(8)
      .fillColor("#444")
      .text(
        `${title} · ${words.page} ${i + 1}/${range.count}`,
        MARGIN,
        doc.page.height - MARGIN + 6,
        {
          width,
          align: "center",
          lineBreak: false,
        },
      );
  }
  doc.end();
  return output;
}

/** The file name of the form: ASCII, by the instrument's key, version and language. */
export function paperFormFileName(key: string, versionNumber: number, language: PaperLanguage) {
  return `blankett-${key.replace(/[^a-z0-9-]/g, "")}-v${versionNumber}-${language}.pdf`;
}
