// A document as an A4 PDF laid out like the paper form it replaces: the association's logo and
// name at the top, numbered sections, tables with borders that carry their header row over a
// page break, signature blocks that are never split, and on every page a footer with the
// document's name, diarienummer and "Sida X av Y".
import PDFDocument from "pdfkit";
import type { Block, Inline } from "../platform/text/rich-text.ts";
import { type PdfFont, pdfFonts } from "./fonts.ts";
import { fitInto, imageInfo, type Logo } from "./image.ts";
import {
  type CellTone,
  type DocumentModel,
  type DocumentNode,
  EMPTY,
  type Fact,
  type FieldBody,
  type Figure,
  fitColumns,
  type PartySignature,
  type TableModel,
} from "./layout.ts";
import { drawSvg } from "./svg.ts";

const MM = 72 / 25.4;
const MARGIN = { top: 24 * MM, bottom: 24 * MM, left: 22 * MM, right: 22 * MM };
const COLOR = {
  text: "#1b1f24",
  muted: "#5a6472",
  accent: "#1d3a5c",
  border: "#9aa3ae",
  rule: "#c3cad3",
  headerFill: "#e4e9f0",
  labelFill: "#f2f4f7",
  link: "#1a56a8",
};
/** Light backgrounds that keep the dark text readable (contrast above 12:1). */
const TONES: Record<CellTone, string> = { green: "#d5efda", yellow: "#fff0b3", red: "#f9d6d3" };
const SIZE = { body: 10, table: 9.5, small: 8.5, h1: 13.5, h2: 10.5, title: 20, subtitle: 14 };
const LINE_GAP = 2;
const CELL = { x: 5, y: 4 };

interface TableLayout {
  size: number;
  noteSize: number;
  columnWidths: number[];
  headerHeight: number;
  /** Each row's height. */
  heights: number[];
  /** What must fit on the page the table starts on: all of a short table, else its header and a row. */
  start: number;
}

type Font = PdfFont;

export interface PdfOptions {
  /** Compress page content (the default); tests may turn it off. */
  compress?: boolean;
}

class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly left = MARGIN.left;
  readonly width: number;
  readonly output: Promise<Buffer>;

  readonly model: DocumentModel;
  private readonly tableLayouts = new WeakMap<TableModel, TableLayout>();

  constructor(model: DocumentModel, options: PdfOptions) {
    this.model = model;
    this.doc = new PDFDocument({
      size: "A4",
      margins: MARGIN,
      bufferPages: true,
      autoFirstPage: true,
      compress: options.compress ?? true,
      // no default font: every text names one of the registered faces below. (A face given
      // here would be the one pdfkit caches by its PostScript name, and selecting the same
      // face again by its registered name would then parse the font file at every use.)
      font: null as unknown as string,
      lang: "sv-SE",
      displayTitle: true,
      pdfVersion: "1.7",
      info: {
        Title: `${model.title}: ${model.name}`,
        Author: model.associationName,
        Subject: model.footer,
        Keywords: model.keywords,
        Creator: "Samspår",
        Producer: "Samspår",
        CreationDate: new Date(),
      },
    });
    this.output = new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      this.doc.on("data", (chunk: Buffer) => chunks.push(chunk));
      this.doc.on("end", () => resolve(Buffer.concat(chunks)));
      this.doc.on("error", reject);
    });
    for (const [name, data] of Object.entries(pdfFonts())) this.doc.registerFont(name, data);
    this.width = this.doc.page.width - MARGIN.left - MARGIN.right;
  }

  get bottom() {
    return this.doc.page.height - MARGIN.bottom;
  }

  get atPageTop() {
    return this.doc.y <= MARGIN.top + 0.5;
  }

  use(font: Font, size: number, color = COLOR.text) {
    this.doc.font(font).fontSize(size).fillColor(color);
    return this;
  }

  newPage() {
    this.doc.addPage();
    this.doc.x = this.left;
    this.doc.y = MARGIN.top;
  }

  /** Starts a new page unless `height` more fits on this one. */
  ensure(height: number) {
    if (this.doc.y + height > this.bottom && !this.atPageTop) this.newPage();
  }

  space(points: number) {
    if (!this.atPageTop) this.doc.y += points;
  }

  height(text: string, font: Font, size: number, width: number) {
    this.use(font, size);
    // without the gap after the last line, so cells are as high above the text as below it
    return this.doc.heightOfString(text || " ", { width, lineGap: LINE_GAP }) - LINE_GAP;
  }

  // ——— the first page's header ———

  header(logo: Logo | undefined) {
    const doc = this.doc;
    const top = 14 * MM;
    const info = logo ? imageInfo(logo.data) : undefined;
    let logoHeight = 0;
    let textLeft = this.left;
    let hasLogo = false;
    if (logo && info) {
      const size = fitInto(info, 55 * MM, 17 * MM);
      try {
        doc.image(logo.data, this.left, top, { width: size.width, height: size.height });
        hasLogo = true;
        logoHeight = size.height;
        textLeft = this.left + size.width + 6 * MM;
      } catch {
        // a damaged image: the document goes out with the association's name alone
      }
    }
    const textWidth = this.left + this.width - textLeft;
    // the association's name and the form's version, right-aligned beside the logo
    this.use("semibold", hasLogo ? 11 : 14, COLOR.accent);
    const nameHeight = doc.heightOfString(this.model.associationName, { width: textWidth });
    const versionText = this.model.headerNote;
    const blockHeight = nameHeight + (versionText ? 14 : 0);
    const blockTop = logoHeight > blockHeight ? top + (logoHeight - blockHeight) / 2 : top;
    doc.text(this.model.associationName, textLeft, blockTop, {
      width: textWidth,
      align: hasLogo ? "right" : "left",
    });
    if (versionText) {
      this.use("regular", SIZE.small, COLOR.muted);
      doc.text(versionText, textLeft, blockTop + nameHeight + 2, {
        width: textWidth,
        align: hasLogo ? "right" : "left",
      });
    }
    const ruleY = Math.max(top + logoHeight, blockTop + blockHeight) + 4 * MM;
    doc
      .moveTo(this.left, ruleY)
      .lineTo(this.left + this.width, ruleY)
      .lineWidth(0.75)
      .strokeColor(COLOR.rule)
      .stroke();
    doc.y = ruleY + 8 * MM;

    this.use("bold", SIZE.title, COLOR.accent);
    doc.text(this.model.title, this.left, doc.y, { width: this.width });
    doc.y += 2;
    this.use("semibold", SIZE.subtitle);
    doc.text(this.model.name, this.left, doc.y, { width: this.width });
    doc.y += 5 * MM;
    this.registration(this.model.registration);
  }

  /** The office's registration details in a row of boxes, like the stamp on a paper form. */
  registration(facts: Fact[]) {
    const doc = this.doc;
    const y = doc.y;
    // at least three places wide, so a draft's lone status does not stretch over the page
    const cellWidth = this.width / Math.max(3, facts.length);
    const height = 36;
    doc
      .rect(this.left, y, cellWidth * facts.length, height)
      .fillColor(COLOR.labelFill)
      .fill();
    facts.forEach((fact, i) => {
      const x = this.left + i * cellWidth;
      doc.rect(x, y, cellWidth, height).lineWidth(0.5).strokeColor(COLOR.border).stroke();
      this.use("regular", SIZE.small, COLOR.muted);
      doc.text(fact.label, x + 7, y + 6, { width: cellWidth - 14, lineBreak: false });
      // the largest size at which the value fits its box
      const value = fact.lines.join(", ") || EMPTY;
      let size = 11;
      while (size > 8 && this.use("semibold", size).doc.widthOfString(value) > cellWidth - 14)
        size -= 0.5;
      this.use("semibold", size);
      doc.text(value, x + 7, y + 18 + (11 - size) / 2, {
        width: cellWidth - 14,
        lineBreak: false,
        ellipsis: true,
      });
    });
    doc.x = this.left;
    doc.y = y + height + 4 * MM;
  }

  // ——— headings and text ———

  section(title: string, next = 0) {
    this.space(16);
    this.ensure(26 + Math.max(70, next));
    const doc = this.doc;
    this.use("semibold", SIZE.h1, COLOR.accent);
    doc.text(title, this.left, doc.y, { width: this.width });
    const y = doc.y + 1;
    doc
      .moveTo(this.left, y)
      .lineTo(this.left + this.width, y)
      .lineWidth(0.75)
      .strokeColor(COLOR.rule)
      .stroke();
    doc.y = y + 7;
  }

  fieldLabel(label: string, level: 2 | 3 = 2, next = 0) {
    this.space(level === 2 ? 8 : 6);
    this.ensure(18 + Math.max(40, next));
    if (level === 2) this.use("semibold", SIZE.h2, COLOR.accent);
    else this.use("semibold", SIZE.body, COLOR.text);
    this.doc.text(label, this.left, this.doc.y, { width: this.width });
    this.doc.y += level === 2 ? 3 : 2;
  }

  note(text: string) {
    this.ensure(30);
    this.use("italic", 9.5, COLOR.muted);
    this.doc.text(text, this.left, this.doc.y, { width: this.width, lineGap: LINE_GAP });
    this.doc.y += 6;
  }

  /** One line of runs (links underlined), wrapped within `width`. */
  inlineLine(runs: Inline[], x: number, width: number, font: Font = "regular", size = SIZE.body) {
    const doc = this.doc;
    const parts = runs.filter((r) => r.text.length > 0);
    if (parts.length === 0) parts.push({ text: " " });
    this.ensure(size * 1.3);
    doc.font(font).fontSize(size);
    parts.forEach((run, i) => {
      doc.fillColor(run.href ? COLOR.link : COLOR.text);
      const options: PDFKit.Mixins.TextOptions = {
        width,
        lineGap: LINE_GAP,
        continued: i < parts.length - 1,
        underline: Boolean(run.href),
        ...(run.href ? { link: run.href } : {}),
      };
      if (i === 0) doc.text(run.text, x, doc.y, options);
      else doc.text(run.text, options);
    });
    doc.x = this.left;
  }

  rich(blocks: Block[], x = this.left, width = this.width) {
    const doc = this.doc;
    if (blocks.length === 0) {
      this.inlineLine([{ text: EMPTY }], x, width);
      return;
    }
    blocks.forEach((block, index) => {
      if (index > 0) doc.y += 5;
      if (block.type === "heading") {
        if (index > 0) doc.y += 3;
        this.ensure(14 + 30);
        this.inlineLine([{ text: block.text }], x, width, "semibold", SIZE.body + 0.5);
        doc.y += 1;
      } else if (block.type === "paragraph") {
        for (const line of block.lines) this.inlineLine(line, x, width);
      } else {
        const indent = block.ordered ? 18 : 13;
        block.items.forEach((item, i) => {
          if (i > 0) doc.y += 2;
          this.ensure(SIZE.body * 1.3);
          const y = doc.y;
          this.use("regular", SIZE.body);
          doc.text(block.ordered ? `${i + 1}.` : "•", x + 2, y, {
            width: indent,
            lineBreak: false,
          });
          doc.y = y;
          this.inlineLine(item, x + indent + 2, width - indent - 2);
        });
      }
    });
  }

  // ——— tables ———

  /** A table's type size, column widths and row heights (measured once per table). */
  layoutTable(table: TableModel): TableLayout {
    const known = this.tableLayouts.get(table);
    if (known) return known;
    // the largest size at which every figure stays on one line
    let size = 7;
    let widths: number[] | null = null;
    // pdfkit counts a line break as a glyph (half an em) when it wraps a line, so a figure
    // column whose texts are broken into lines needs that much more room, or they wrap again
    const broken = table.columns.some(
      (c, i) =>
        c.align === "right" &&
        [c.title, ...table.rows.map((r) => r.cells[i] ?? "")].some((t) => t.includes("\n")),
    );
    for (const candidate of [SIZE.table, 9, 8.5, 8, 7.5, 7]) {
      const breakRoom = broken
        ? this.doc.font("semibold").fontSize(candidate).widthOfString("\n")
        : 0;
      widths = fitColumns(
        table,
        this.width,
        (text, bold) =>
          this.doc
            .font(bold ? "semibold" : "regular")
            .fontSize(candidate)
            .widthOfString(text),
        2 * CELL.x + 1 + breakRoom,
      );
      size = candidate;
      if (widths) break;
    }
    if (!widths) {
      const totalWeight = table.columns.reduce((s, c) => s + c.weight, 0);
      widths = table.columns.map((c) => (c.weight / totalWeight) * this.width);
    }
    const columnWidths = widths;
    const noteSize = Math.min(SIZE.small, size - 0.5);
    const cellHeight = (cell: string, note: string | undefined, font: Font, i: number) => {
      const inner = (columnWidths[i] ?? 0) - 2 * CELL.x;
      const text = this.height(cell, font, size, inner);
      return note ? text + 2 + this.height(note, "italic", noteSize, inner) : text;
    };
    const rowHeight = (cells: string[], font: Font, notes: string[] = []) =>
      Math.max(...cells.map((cell, i) => cellHeight(cell, notes[i], font, i))) + 2 * CELL.y;
    const headerHeight = rowHeight(
      table.columns.map((c) => c.title),
      "semibold",
    );
    const heights = table.rows.map((r) =>
      rowHeight(r.cells, r.total ? "semibold" : "regular", r.notes),
    );
    const whole = headerHeight + heights.reduce((s, h) => s + h, 0);
    // a short table stays on one page; a long one starts with at least its header and a row
    const pageHeight = this.bottom - MARGIN.top;
    const layout: TableLayout = {
      size,
      noteSize,
      columnWidths,
      headerHeight,
      heights,
      start: whole <= pageHeight * 0.45 ? whole : headerHeight + (heights[0] ?? 0),
    };
    this.tableLayouts.set(table, layout);
    return layout;
  }

  table(table: TableModel) {
    const doc = this.doc;
    const { size, noteSize, columnWidths, headerHeight, heights, start } = this.layoutTable(table);
    const header = table.columns.map((c) => c.title);
    const drawRow = (
      cells: string[],
      font: Font,
      fill: string | null,
      height: number,
      notes: string[] = [],
      tones: (CellTone | null)[] = [],
    ) => {
      const y = doc.y;
      let x = this.left;
      if (fill) doc.rect(this.left, y, this.width, height).fillColor(fill).fill();
      cells.forEach((cell, i) => {
        const w = columnWidths[i] ?? 0;
        const align = table.columns[i]?.align ?? "left";
        const tone = tones[i];
        if (tone) doc.rect(x, y, w, height).fillColor(TONES[tone]).fill();
        doc.rect(x, y, w, height).lineWidth(0.5).strokeColor(COLOR.border).stroke();
        this.use(font, size);
        doc.text(cell, x + CELL.x, y + CELL.y, { width: w - 2 * CELL.x, align, lineGap: LINE_GAP });
        const note = notes[i];
        if (note) {
          const below = y + CELL.y + this.height(cell, font, size, w - 2 * CELL.x) + 2;
          this.use("italic", noteSize, COLOR.muted);
          doc.text(note, x + CELL.x, below, { width: w - 2 * CELL.x, align, lineGap: LINE_GAP });
        }
        x += w;
      });
      doc.x = this.left;
      doc.y = y + height;
    };
    this.ensure(start);
    drawRow(header, "semibold", COLOR.headerFill, headerHeight);
    table.rows.forEach((row, index) => {
      const font: Font = row.total ? "semibold" : "regular";
      const height = heights[index] ?? 0;
      if (doc.y + height > this.bottom) {
        // carry the header over to the new page, so the columns stay readable
        this.newPage();
        drawRow(header, "semibold", COLOR.headerFill, headerHeight);
      }
      if (row.total) {
        drawRow(row.cells, font, COLOR.labelFill, height, row.notes, row.tones);
        const y = doc.y - height;
        doc
          .moveTo(this.left, y)
          .lineTo(this.left + this.width, y)
          .lineWidth(1.2)
          .strokeColor(COLOR.text)
          .stroke();
      } else drawRow(row.cells, font, null, height, row.notes, row.tones);
    });
    doc.y += 2;
  }

  /** Short fields: label on the left, value on the right, a row each. */
  facts(facts: Fact[]) {
    const doc = this.doc;
    const labelWidth = this.width * 0.36;
    const valueWidth = this.width - labelWidth;
    this.space(4);
    const value = (fact: Fact) => (fact.lines.length ? fact.lines.join("\n") : EMPTY);
    const heights = facts.map(
      (fact) =>
        Math.max(
          this.height(fact.label, "semibold", SIZE.table, labelWidth - 2 * CELL.x),
          this.height(value(fact), "regular", SIZE.body, valueWidth - 2 * CELL.x),
        ) +
        2 * CELL.y,
    );
    // a short table stays on one page
    const whole = heights.reduce((s, h) => s + h, 0);
    if (whole <= (this.bottom - MARGIN.top) * 0.45) this.ensure(whole);
    facts.forEach((fact, index) => {
      const height = heights[index] ?? 0;
      this.ensure(height);
      const y = doc.y;
      doc.rect(this.left, y, labelWidth, height).fillColor(COLOR.labelFill).fill();
      doc.rect(this.left, y, labelWidth, height).lineWidth(0.5).strokeColor(COLOR.border).stroke();
      doc
        .rect(this.left + labelWidth, y, valueWidth, height)
        .lineWidth(0.5)
        .strokeColor(COLOR.border)
        .stroke();
      this.use("semibold", SIZE.table);
      doc.text(fact.label, this.left + CELL.x, y + CELL.y + 0.5, {
        width: labelWidth - 2 * CELL.x,
        lineGap: LINE_GAP,
      });
      this.use("regular", SIZE.body);
      doc.text(value(fact), this.left + labelWidth + CELL.x, y + CELL.y, {
        width: valueWidth - 2 * CELL.x,
        lineGap: LINE_GAP,
      });
      doc.x = this.left;
      doc.y = y + height;
    });
    doc.y += 2;
  }

  /** A chart: its caption, then its SVG as vectors across the text's width. */
  figure(figure: Figure) {
    const doc = this.doc;
    const scale = this.width / figure.width;
    const captionHeight = this.height(figure.caption, "semibold", SIZE.body, this.width);
    this.space(6);
    this.ensure(captionHeight + 4 + figure.height * scale);
    this.use("semibold", SIZE.body);
    doc.text(figure.caption, this.left, doc.y, { width: this.width, lineGap: LINE_GAP });
    doc.y += 4;
    const top = doc.y;
    drawSvg(doc, figure.svg, {
      x: this.left,
      y: top,
      scale,
      fonts: { regular: "regular", bold: "semibold" },
    });
    doc.x = this.left;
    doc.y = top + figure.height * scale + 6;
  }

  fieldBody(body: FieldBody) {
    if (body.type === "rich") this.rich(body.blocks);
    else if (body.type === "table") this.table(body.table);
    else this.inlineLine([{ text: body.text }], this.left, this.width);
  }

  // ——— signatures ———

  signature(party: PartySignature) {
    const doc = this.doc;
    const headHeight = 22;
    const inset = 12;
    const gutter = 24;
    const columnWidth = (this.width - 2 * inset - gutter) / 2;
    const lineSpace = 30;
    let bodyHeight: number;
    const signedRows: Array<[Fact | undefined, Fact | undefined]> = [];
    if (party.signed) {
      const signed = party.signed;
      for (let i = 0; i < signed.length; i += 2) signedRows.push([signed[i], signed[i + 1]]);
      bodyHeight = signedRows.reduce(
        (sum, row) =>
          sum +
          Math.max(
            ...row.map((f) =>
              f
                ? 11 + this.height(f.lines.join(", ") || EMPTY, "regular", SIZE.body, columnWidth)
                : 0,
            ),
          ) +
          6,
        8,
      );
    } else {
      bodyHeight = 8 + 2 * (lineSpace + 16) + 4;
      if (party.note)
        bodyHeight += this.height(party.note, "italic", SIZE.small, this.width - 2 * inset) + 6;
    }
    const total = headHeight + bodyHeight;
    this.ensure(total + 8);
    const top = doc.y;
    doc.rect(this.left, top, this.width, headHeight).fillColor(COLOR.headerFill).fill();
    doc.rect(this.left, top, this.width, total).lineWidth(0.5).strokeColor(COLOR.border).stroke();
    doc
      .moveTo(this.left, top + headHeight)
      .lineTo(this.left + this.width, top + headHeight)
      .lineWidth(0.5)
      .strokeColor(COLOR.border)
      .stroke();
    this.use("semibold", SIZE.h2);
    doc.text(party.organisation, this.left + 8, top + 5.5, {
      width: this.width * 0.7,
      lineBreak: false,
      ellipsis: true,
    });
    this.use("regular", SIZE.small, COLOR.muted);
    doc.text(party.role, this.left + 8, top + 7.5, { width: this.width - 16, align: "right" });
    const colX = [this.left + inset, this.left + inset + columnWidth + gutter];
    let y = top + headHeight + 8;
    if (party.signed) {
      for (const row of signedRows) {
        let rowHeight = 0;
        row.forEach((fact, i) => {
          if (!fact) return;
          const x = colX[i] ?? this.left;
          this.use("regular", SIZE.small, COLOR.muted);
          doc.text(fact.label, x, y, { width: columnWidth, lineBreak: false });
          this.use("regular", SIZE.body);
          const value = fact.lines.join(", ") || EMPTY;
          doc.text(value, x, y + 10, { width: columnWidth, lineGap: LINE_GAP });
          rowHeight = Math.max(
            rowHeight,
            11 + this.height(value, "regular", SIZE.body, columnWidth),
          );
        });
        y += rowHeight + 6;
      }
    } else {
      const lines = [
        ["Underskrift", "Datum"],
        ["Namnförtydligande", "Titel"],
      ];
      for (const pair of lines) {
        y += lineSpace;
        pair.forEach((label, i) => {
          const x = colX[i] ?? this.left;
          doc
            .moveTo(x, y)
            .lineTo(x + columnWidth, y)
            .lineWidth(0.75)
            .strokeColor(COLOR.text)
            .stroke();
          this.use("regular", SIZE.small, COLOR.muted);
          doc.text(label, x, y + 3, { width: columnWidth, lineBreak: false });
        });
        y += 16;
      }
      if (party.note) {
        this.use("italic", SIZE.small, COLOR.muted);
        doc.text(party.note, this.left + inset, y + 2, { width: this.width - 2 * inset });
      }
    }
    doc.x = this.left;
    doc.y = top + total + 8;
  }

  // ——— every page ———

  /**
   * How much of a node must fit on the page of the heading or note above it, so that a heading
   * is never left alone at the foot of a page: a table's start, a chart whole; 0 for text.
   */
  startOf(following: DocumentNode[]): number {
    const [node, ...rest] = following;
    if (!node) return 0;
    if (node.type === "heading") return 18 + this.startOf(rest);
    if (node.type === "table") return this.layoutTable(node.table).start;
    if (node.type === "field" && node.body.type === "table")
      return 18 + this.layoutTable(node.body.table).start;
    if (node.type === "figure") {
      const f = node.figure;
      return (
        this.height(f.caption, "semibold", SIZE.body, this.width) +
        10 +
        (f.height * this.width) / f.width
      );
    }
    return 0;
  }

  /** Lays out a node; `following` are the nodes after it (a heading keeps with them). */
  node(node: DocumentNode, following: DocumentNode[] = []) {
    switch (node.type) {
      case "section":
        return this.section(node.title, this.startOf(following));
      case "facts":
        return this.facts(node.facts);
      case "heading":
        return this.fieldLabel(node.title, 2, this.startOf(following));
      case "table":
        return this.table(node.table);
      case "field":
        this.fieldLabel(
          node.label,
          node.level,
          node.body.type === "table" ? this.layoutTable(node.body.table).start : 0,
        );
        return this.fieldBody(node.body);
      case "text":
        this.space(2);
        return this.rich(node.blocks);
      case "note":
        return this.note(node.text);
      case "figure":
        return this.figure(node.figure);
      case "signatures":
        for (const party of node.parties) this.signature(party);
        return;
    }
  }

  /** The running header (from page 2) and the footer of every page, once the count is known. */
  decoratePages() {
    const doc = this.doc;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const margins = doc.page.margins;
      doc.page.margins = { top: 0, bottom: 0, left: margins.left, right: margins.right };
      const footerY = doc.page.height - 15 * MM;
      doc
        .moveTo(this.left, footerY - 5)
        .lineTo(this.left + this.width, footerY - 5)
        .lineWidth(0.5)
        .strokeColor(COLOR.rule)
        .stroke();
      this.use("regular", SIZE.small, COLOR.muted);
      const pageText = `Sida ${i - range.start + 1} av ${range.count}`;
      const pageWidth = doc.widthOfString(pageText);
      doc.text(this.model.footer, this.left, footerY, {
        width: this.width - pageWidth - 20,
        lineBreak: false,
        ellipsis: true,
      });
      doc.text(pageText, this.left, footerY, {
        width: this.width,
        align: "right",
        lineBreak: false,
      });
      if (i > range.start) {
        const headerY = 12 * MM;
        this.use("regular", SIZE.small, COLOR.muted);
        doc.text(this.model.associationName, this.left, headerY, {
          width: this.width * 0.6,
          lineBreak: false,
          ellipsis: true,
        });
        if (this.model.headerNote)
          doc.text(this.model.headerNote, this.left, headerY, {
            width: this.width,
            align: "right",
            lineBreak: false,
          });
        doc
          .moveTo(this.left, headerY + 14)
          .lineTo(this.left + this.width, headerY + 14)
          .lineWidth(0.5)
          .strokeColor(COLOR.rule)
          .stroke();
      }
      doc.page.margins = margins;
    }
  }

  finish(): Promise<Buffer> {
    this.decoratePages();
    this.doc.end();
    return this.output;
  }
}

export async function renderPdf(
  model: DocumentModel,
  logo: Logo | undefined,
  options: PdfOptions = {},
): Promise<Buffer> {
  const writer = new PdfWriter(model, options);
  writer.header(logo);
  model.nodes.forEach((node, i) => {
    writer.node(node, model.nodes.slice(i + 1, i + 3));
  });
  return writer.finish();
}
