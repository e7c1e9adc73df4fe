// A document as a Word file laid out like the paper form it replaces: the association's logo
// and name in the page header, real heading styles (Rubrik 1/2/3 in Word's navigation pane),
// real tables with header rows that repeat over page breaks, lists, links, signature blocks,
// and "Sida X av Y" with the document's name and diarienummer in the footer.
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import { ChartRun } from "docx/charts";
import type { Block, Inline } from "../platform/text/rich-text.ts";
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

const FONT = "Calibri";
const COLOR = {
  text: "1B1F24",
  muted: "5A6472",
  accent: "1D3A5C",
  border: "9AA3AE",
  rule: "C3CAD3",
  headerFill: "E4E9F0",
  labelFill: "F2F4F7",
  link: "1A56A8",
};
/** Light backgrounds that keep the dark text readable, as in the PDF. */
const TONES: Record<CellTone, string> = { green: "D5EFDA", yellow: "FFF0B3", red: "F9D6D3" };
/** Twentieths of a point: A4 with 22 mm side margins. */
const MM = 1440 / 25.4;
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { left: Math.round(22 * MM), right: Math.round(22 * MM), top: Math.round(24 * MM) };
const CONTENT = PAGE.width - MARGIN.left - MARGIN.right;
const CELL_MARGINS = { top: 70, bottom: 70, left: 110, right: 110 };

const line = (size: number, color = COLOR.border) => ({
  style: BorderStyle.SINGLE,
  size,
  color,
});
const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const GRID = {
  top: line(4),
  bottom: line(4),
  left: line(4),
  right: line(4),
  insideHorizontal: line(4),
  insideVertical: line(4),
};

/**
 * About how wide a text is in Calibri, in twentieths of a point: Word lays the document out,
 * so this only decides the column widths and the type size of a table with many figures.
 */
function estimateWidth(text: string, points: number, bold: boolean): number {
  let em = 0;
  for (const ch of text) {
    if (/[0-9]/.test(ch)) em += 0.507;
    else if (/[\s\u00a0\u202f]/.test(ch)) em += 0.226;
    else if (/[A-ZÅÄÖ]/.test(ch)) em += 0.6;
    else if (/[a-zåäöé]/.test(ch)) em += 0.48;
    else em += 0.4;
  }
  return em * (bold ? 1.05 : 1) * points * 20;
}

const shade = (fill: string) => ({ type: ShadingType.CLEAR, color: "auto", fill });

/** Paragraphs for the runs of a line, links as real hyperlinks. */
function inlineChildren(runs: Inline[], options: { bold?: boolean } = {}): ParagraphChild[] {
  const parts = runs.filter((r) => r.text.length > 0);
  return parts.map((run) =>
    run.href
      ? new ExternalHyperlink({
          link: run.href,
          children: [new TextRun({ text: run.text, style: "Hyperlink", bold: options.bold })],
        })
      : new TextRun({ text: run.text, bold: options.bold }),
  );
}

class DocxWriter {
  readonly model: DocumentModel;
  /** Each numbered list starts again at 1. */
  private listInstance = 0;

  constructor(model: DocumentModel) {
    this.model = model;
  }

  text(text: string, style?: string, options: { bold?: boolean; keepNext?: boolean } = {}) {
    return new Paragraph({
      ...(style ? { style } : {}),
      keepNext: options.keepNext,
      children: [new TextRun({ text, bold: options.bold })],
    });
  }

  rich(blocks: Block[]): Paragraph[] {
    if (blocks.length === 0) return [this.text(EMPTY)];
    const out: Paragraph[] = [];
    for (const block of blocks) {
      if (block.type === "heading")
        out.push(
          new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(block.text)] }),
        );
      else if (block.type === "paragraph")
        out.push(
          new Paragraph({
            children: block.lines.flatMap((l, i) => [
              ...(i > 0 ? [new TextRun({ break: 1 })] : []),
              ...inlineChildren(l),
            ]),
          }),
        );
      else {
        const instance = ++this.listInstance;
        for (const item of block.items)
          out.push(
            new Paragraph({
              numbering: block.ordered
                ? { reference: "numbered", level: 0, instance }
                : { reference: "bullets", level: 0 },
              spacing: { after: 40 },
              children: inlineChildren(item),
            }),
          );
      }
    }
    return out;
  }

  cell(
    lines: string[],
    width: number,
    options: {
      bold?: boolean;
      /** Half-points; the table text style's size by default. */
      size?: number;
      fill?: string;
      align?: "left" | "right";
      keepNext?: boolean;
      topBorder?: boolean;
      /** Small print under the text. */
      note?: string;
    } = {},
  ) {
    const alignment = options.align === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT;
    return new TableCell({
      width: { size: width, type: WidthType.DXA },
      margins: CELL_MARGINS,
      ...(options.fill ? { shading: shade(options.fill) } : {}),
      ...(options.topBorder ? { borders: { top: line(12, COLOR.text) } } : {}),
      children: [
        ...(lines.length ? lines : [EMPTY]).map(
          (text) =>
            new Paragraph({
              style: "TableText",
              keepNext: options.keepNext,
              alignment,
              children: [new TextRun({ text, bold: options.bold, size: options.size })],
            }),
        ),
        ...(options.note
          ? [
              new Paragraph({
                style: "TableNote",
                keepNext: options.keepNext,
                alignment,
                children: [new TextRun(options.note)],
              }),
            ]
          : []),
      ],
    });
  }

  table(table: TableModel): Table {
    // the largest size (half-points) at which every figure stays on one line
    let size = 14;
    let fitted: number[] | null = null;
    for (const candidate of [19, 18, 17, 16, 15, 14]) {
      fitted = fitColumns(
        table,
        CONTENT,
        (text, bold) => estimateWidth(text, candidate / 2, bold),
        CELL_MARGINS.left + CELL_MARGINS.right + 40,
      );
      size = candidate;
      if (fitted) break;
    }
    const total = table.columns.reduce((s, c) => s + c.weight, 0);
    const widths = (fitted ?? table.columns.map((c) => (c.weight / total) * CONTENT)).map((w) =>
      Math.floor(w),
    );
    const short = table.rows.length <= 12;
    return new Table({
      width: { size: CONTENT, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: GRID,
      rows: [
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: table.columns.map((c, i) =>
            this.cell([c.title], widths[i] ?? 0, {
              bold: true,
              size,
              fill: COLOR.headerFill,
              align: c.align,
              keepNext: true,
            }),
          ),
        }),
        ...table.rows.map(
          (row, r) =>
            new TableRow({
              cantSplit: true,
              children: row.cells.map((text, i) =>
                this.cell(text.split("\n"), widths[i] ?? 0, {
                  bold: row.total,
                  size,
                  note: row.notes?.[i],
                  align: table.columns[i]?.align,
                  ...(row.total ? { fill: COLOR.labelFill, topBorder: true } : {}),
                  ...(row.tones?.[i] ? { fill: TONES[row.tones[i] as CellTone] } : {}),
                  // a short table is kept on one page
                  keepNext: short && r < table.rows.length - 1,
                }),
              ),
            }),
        ),
      ],
    });
  }

  facts(facts: Fact[]): Table {
    const labelWidth = Math.round(CONTENT * 0.36);
    const valueWidth = CONTENT - labelWidth;
    return new Table({
      width: { size: CONTENT, type: WidthType.DXA },
      columnWidths: [labelWidth, valueWidth],
      layout: TableLayoutType.FIXED,
      borders: GRID,
      rows: facts.map(
        (f) =>
          new TableRow({
            cantSplit: true,
            children: [
              this.cell([f.label], labelWidth, { bold: true, fill: COLOR.labelFill }),
              this.cell(f.lines, valueWidth),
            ],
          }),
      ),
    });
  }

  /**
   * A chart: its caption, then a chart Word draws from the data (editable with "Edit Data",
   * described to screen readers by its alt text), as wide as the text.
   */
  figure(figure: Figure): Paragraph[] {
    const c = figure.chart;
    // pixels at 96 per inch: twentieths of a point ÷ 15
    const width = Math.floor(CONTENT / 15);
    const height = Math.round((figure.height * width) / figure.width);
    const chart = new ChartRun({
      type: c.direction === "bars" ? "bar" : "column",
      categories: c.categories,
      series: c.series.map((s) => ({
        name: s.name,
        values: s.values,
        color: s.color,
        ...(s.line && c.direction === "columns"
          ? { type: "line" as const, line: { color: s.color, width: 1.5, dash: "dash" as const } }
          : {}),
        ...(s.colors ? { colors: s.colors.map((x) => x ?? undefined) } : {}),
        ...(s.labels
          ? { pointLabels: s.labels.map((text) => (text === null ? (false as const) : { text })) }
          : {}),
        dataLabels: s.line ? false : { value: true },
      })),
      categoryAxis: { reverseOrder: c.direction === "bars" },
      valueAxis: {
        title: c.valueAxis.title,
        numberFormat: c.valueAxis.numberFormat,
        ...(c.valueAxis.minimum !== undefined ? { minimum: c.valueAxis.minimum } : {}),
        ...(c.valueAxis.maximum !== undefined ? { maximum: c.valueAxis.maximum } : {}),
      },
      legend: { position: "bottom" },
      font: { name: FONT, color: COLOR.text },
      chartArea: { border: "none" },
      altText: { name: figure.caption, title: figure.caption, description: figure.description },
      transformation: { width, height },
    });
    return [
      new Paragraph({
        keepNext: true,
        children: [new TextRun({ text: figure.caption, bold: true })],
      }),
      new Paragraph({ keepNext: true, children: [chart] }),
    ];
  }

  fieldBody(body: FieldBody): Array<Paragraph | Table> {
    if (body.type === "rich") return this.rich(body.blocks);
    if (body.type === "table") return [this.table(body.table), this.spacer()];
    return [this.text(body.text)];
  }

  spacer(after = 0) {
    return new Paragraph({ style: "Spacer", spacing: { after } });
  }

  signature(party: PartySignature): Table {
    const half = Math.floor(CONTENT / 2);
    const labelled = (label: string, value: string, keepNext: boolean) =>
      new TableCell({
        width: { size: half, type: WidthType.DXA },
        margins: { ...CELL_MARGINS, left: 180, right: 180 },
        children: [
          new Paragraph({ style: "FieldLabel", keepNext: true, children: [new TextRun(label)] }),
          new Paragraph({ style: "TableText", keepNext, children: [new TextRun(value || EMPTY)] }),
        ],
      });
    const signLine = (label: string, keepNext: boolean) =>
      new TableCell({
        width: { size: half, type: WidthType.DXA },
        margins: { ...CELL_MARGINS, left: 180, right: 180 },
        children: [
          new Paragraph({
            style: "TableText",
            keepNext: true,
            spacing: { before: 520 },
            border: { bottom: line(6, COLOR.text) },
            children: [],
          }),
          new Paragraph({ style: "FieldLabel", keepNext, children: [new TextRun(label)] }),
        ],
      });
    const head = new TableRow({
      cantSplit: true,
      children: [
        new TableCell({
          width: { size: half, type: WidthType.DXA },
          margins: CELL_MARGINS,
          shading: shade(COLOR.headerFill),
          borders: { bottom: line(4) },
          verticalAlign: VerticalAlignTable.CENTER,
          children: [
            new Paragraph({
              style: "TableText",
              keepNext: true,
              children: [new TextRun({ text: party.organisation, bold: true })],
            }),
          ],
        }),
        new TableCell({
          width: { size: CONTENT - half, type: WidthType.DXA },
          margins: CELL_MARGINS,
          shading: shade(COLOR.headerFill),
          borders: { bottom: line(4) },
          verticalAlign: VerticalAlignTable.CENTER,
          children: [
            new Paragraph({
              style: "FieldLabel",
              keepNext: true,
              alignment: AlignmentType.RIGHT,
              children: [new TextRun(party.role)],
            }),
          ],
        }),
      ],
    });
    const rows: TableRow[] = [head];
    if (party.signed) {
      const signed = party.signed;
      const pairs: Array<[Fact, Fact | undefined]> = [];
      for (let i = 0; i < signed.length; i += 2) {
        const first = signed[i];
        if (first) pairs.push([first, signed[i + 1]]);
      }
      const value = (f: Fact) => f.lines.join(", ");
      pairs.forEach(([a, b], i) => {
        const last = i === pairs.length - 1;
        rows.push(
          new TableRow({
            cantSplit: true,
            children: [
              labelled(a.label, value(a), !last),
              b
                ? labelled(b.label, value(b), !last)
                : new TableCell({
                    width: { size: half, type: WidthType.DXA },
                    children: [new Paragraph("")],
                  }),
            ],
          }),
        );
      });
    } else {
      const lastPair = party.note ? -1 : 1;
      [
        ["Underskrift", "Datum"],
        ["Namnförtydligande", "Titel"],
      ].forEach(([a, b], i) => {
        rows.push(
          new TableRow({
            cantSplit: true,
            children: [signLine(a ?? "", i !== lastPair), signLine(b ?? "", i !== lastPair)],
          }),
        );
      });
      if (party.note)
        rows.push(
          new TableRow({
            cantSplit: true,
            children: [
              new TableCell({
                columnSpan: 2,
                width: { size: CONTENT, type: WidthType.DXA },
                margins: { ...CELL_MARGINS, left: 180, right: 180 },
                children: [new Paragraph({ style: "Note", children: [new TextRun(party.note)] })],
              }),
            ],
          }),
        );
    }
    return new Table({
      width: { size: CONTENT, type: WidthType.DXA },
      columnWidths: [half, CONTENT - half],
      layout: TableLayoutType.FIXED,
      borders: {
        top: line(4),
        bottom: line(4),
        left: line(4),
        right: line(4),
        insideHorizontal: NONE,
        insideVertical: NONE,
      },
      rows,
    });
  }

  node(node: DocumentNode): Array<Paragraph | Table> {
    switch (node.type) {
      case "section":
        return [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(node.title)] }),
        ];
      case "facts":
        return [this.facts(node.facts), this.spacer()];
      case "table":
        return [this.table(node.table), this.spacer()];
      case "heading":
        return [
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(node.title)] }),
        ];
      case "field":
        return [
          new Paragraph({
            heading: node.level === 3 ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_2,
            children: [new TextRun(node.label)],
          }),
          ...this.fieldBody(node.body),
        ];
      case "text":
        return this.rich(node.blocks);
      case "note":
        return [this.text(node.text, "Note")];
      case "figure":
        return this.figure(node.figure);
      case "signatures":
        return node.parties.flatMap((p) => [this.signature(p), this.spacer(160)]);
    }
  }

  registration(): Table {
    const facts = this.model.registration;
    const width = Math.floor(CONTENT / Math.max(3, facts.length));
    return new Table({
      width: { size: width * facts.length, type: WidthType.DXA },
      columnWidths: facts.map(() => width),
      layout: TableLayoutType.FIXED,
      borders: GRID,
      rows: [
        new TableRow({
          cantSplit: true,
          children: facts.map(
            (f) =>
              new TableCell({
                width: { size: width, type: WidthType.DXA },
                margins: CELL_MARGINS,
                shading: shade(COLOR.labelFill),
                children: [
                  new Paragraph({ style: "FieldLabel", children: [new TextRun(f.label)] }),
                  new Paragraph({
                    style: "TableText",
                    children: [
                      new TextRun({ text: f.lines.join(", ") || EMPTY, bold: true, size: 22 }),
                    ],
                  }),
                ],
              }),
          ),
        }),
      ],
    });
  }

  header(logo: Logo | undefined): Header {
    const info = logo ? imageInfo(logo.data) : undefined;
    const nameRun = new TextRun({
      text: this.model.associationName,
      bold: true,
      color: COLOR.accent,
      size: info ? 22 : 26,
    });
    const versionRun = new TextRun({
      text: this.model.headerNote,
      color: COLOR.muted,
      size: 17,
    });
    const half = Math.floor(CONTENT / 2);
    const cells: TableCell[] = [];
    if (logo && info) {
      // pixels at 96 per inch: at most 55 × 17 mm, like the PDF
      const size = fitInto(info, 208, 64);
      cells.push(
        new TableCell({
          width: { size: half, type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
          children: [
            new Paragraph({
              spacing: { before: 0, after: 0 },
              children: [
                new ImageRun({
                  type: info.type,
                  data: logo.data,
                  transformation: {
                    width: Math.round(size.width),
                    height: Math.round(size.height),
                  },
                  altText: {
                    name: "Logotyp",
                    title: "Logotyp",
                    description: `Logotyp för ${this.model.associationName}`,
                  },
                }),
              ],
            }),
          ],
        }),
        new TableCell({
          width: { size: CONTENT - half, type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
          children: [
            new Paragraph({ style: "Spacer", alignment: AlignmentType.RIGHT, children: [nameRun] }),
            ...(this.model.headerNote
              ? [
                  new Paragraph({
                    style: "Spacer",
                    alignment: AlignmentType.RIGHT,
                    children: [versionRun],
                  }),
                ]
              : []),
          ],
        }),
      );
    } else {
      cells.push(
        new TableCell({
          width: { size: half, type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
          children: [new Paragraph({ style: "Spacer", children: [nameRun] })],
        }),
        new TableCell({
          width: { size: CONTENT - half, type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
          children: [
            new Paragraph({
              style: "Spacer",
              alignment: AlignmentType.RIGHT,
              children: [versionRun],
            }),
          ],
        }),
      );
    }
    return new Header({
      children: [
        new Table({
          width: { size: CONTENT, type: WidthType.DXA },
          columnWidths: [half, CONTENT - half],
          layout: TableLayoutType.FIXED,
          borders: {
            top: NONE,
            left: NONE,
            right: NONE,
            insideHorizontal: NONE,
            insideVertical: NONE,
            bottom: line(6, COLOR.rule),
          },
          rows: [new TableRow({ children: cells })],
        }),
        new Paragraph({ style: "Spacer" }),
      ],
    });
  }

  footer(): Footer {
    return new Footer({
      children: [
        new Paragraph({
          style: "FooterText",
          border: { top: line(4, COLOR.rule) },
          tabStops: [{ type: TabStopType.RIGHT, position: CONTENT }],
          children: [
            new TextRun(this.model.footer),
            new TextRun({
              children: [new Tab(), "Sida ", PageNumber.CURRENT, " av ", PageNumber.TOTAL_PAGES],
            }),
          ],
        }),
      ],
    });
  }

  document(logo: Logo | undefined): Document {
    const m = this.model;
    return new Document({
      title: `${m.title}: ${m.name}`,
      creator: m.associationName,
      lastModifiedBy: m.associationName,
      subject: m.footer,
      description: m.description,
      keywords: m.keywords,
      styles: {
        default: {
          document: {
            run: { font: FONT, size: 21, color: COLOR.text, language: { value: "sv-SE" } },
            paragraph: { spacing: { after: 100, line: 264, lineRule: LineRuleType.AUTO } },
          },
        },
        characterStyles: [
          {
            id: "Hyperlink",
            name: "Hyperlink",
            basedOn: "DefaultParagraphFont",
            run: { color: COLOR.link, underline: { type: "single", color: COLOR.link } },
          },
        ],
        paragraphStyles: [
          {
            id: "Title",
            name: "Title",
            basedOn: "Normal",
            next: "Normal",
            quickFormat: true,
            run: { size: 40, bold: true, color: COLOR.accent },
            paragraph: { spacing: { before: 120, after: 40 } },
          },
          {
            id: "Subtitle",
            name: "Subtitle",
            basedOn: "Normal",
            next: "Normal",
            quickFormat: true,
            run: { size: 28, bold: true, color: COLOR.text },
            paragraph: { spacing: { after: 240 } },
          },
          {
            id: "Heading1",
            name: "Heading 1",
            basedOn: "Normal",
            next: "Normal",
            quickFormat: true,
            run: { size: 27, bold: true, color: COLOR.accent },
            paragraph: {
              keepNext: true,
              keepLines: true,
              spacing: { before: 360, after: 140 },
              border: {
                bottom: { style: BorderStyle.SINGLE, size: 6, color: COLOR.rule, space: 2 },
              },
              outlineLevel: 0,
            },
          },
          {
            id: "Heading2",
            name: "Heading 2",
            basedOn: "Normal",
            next: "Normal",
            quickFormat: true,
            run: { size: 21, bold: true, color: COLOR.accent },
            paragraph: {
              keepNext: true,
              keepLines: true,
              spacing: { before: 200, after: 60 },
              outlineLevel: 1,
            },
          },
          {
            id: "Heading3",
            name: "Heading 3",
            basedOn: "Normal",
            next: "Normal",
            quickFormat: true,
            run: { size: 21, bold: true, color: COLOR.text },
            paragraph: {
              keepNext: true,
              keepLines: true,
              spacing: { before: 120, after: 40 },
              outlineLevel: 2,
            },
          },
          {
            id: "TableText",
            name: "Tabelltext",
            basedOn: "Normal",
            run: { size: 19 },
            paragraph: { spacing: { before: 0, after: 0, line: 252, lineRule: LineRuleType.AUTO } },
          },
          {
            id: "TableNote",
            name: "Tabellanmärkning",
            basedOn: "TableText",
            run: { size: 16, italics: true, color: COLOR.muted },
          },
          {
            id: "FieldLabel",
            name: "Fältetikett",
            basedOn: "Normal",
            run: { size: 16, color: COLOR.muted },
            paragraph: { spacing: { before: 0, after: 0 } },
          },
          {
            id: "Note",
            name: "Anmärkning",
            basedOn: "Normal",
            run: { size: 19, italics: true, color: COLOR.muted },
          },
          {
            id: "Spacer",
            name: "Mellanrum",
            basedOn: "Normal",
            paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
            run: { size: 12 },
          },
          {
            id: "FooterText",
            name: "Sidfotstext",
            basedOn: "Normal",
            run: { size: 16, color: COLOR.muted },
            paragraph: { spacing: { before: 60, after: 0 } },
          },
        ],
      },
      numbering: {
        config: [
          {
            reference: "bullets",
            levels: [
              {
                level: 0,
                format: LevelFormat.BULLET,
                text: "•",
                alignment: AlignmentType.LEFT,
                style: { paragraph: { indent: { left: 360, hanging: 240 } } },
              },
            ],
          },
          {
            reference: "numbered",
            levels: [
              {
                level: 0,
                format: LevelFormat.DECIMAL,
                text: "%1.",
                alignment: AlignmentType.LEFT,
                style: { paragraph: { indent: { left: 400, hanging: 300 } } },
              },
            ],
          },
        ],
      },
      sections: [
        {
          properties: {
            page: {
              size: { width: PAGE.width, height: PAGE.height },
              margin: {
                top: MARGIN.top,
                bottom: MARGIN.top,
                left: MARGIN.left,
                right: MARGIN.right,
                header: Math.round(10 * MM),
                footer: Math.round(10 * MM),
              },
            },
          },
          headers: { default: this.header(logo) },
          footers: { default: this.footer() },
          children: [
            new Paragraph({ style: "Title", children: [new TextRun(m.title)] }),
            new Paragraph({ style: "Subtitle", children: [new TextRun(m.name)] }),
            this.registration(),
            this.spacer(),
            ...m.nodes.flatMap((n) => this.node(n)),
          ],
        },
      ],
    });
  }
}

export async function renderDocx(model: DocumentModel, logo: Logo | undefined): Promise<Buffer> {
  return Packer.toBuffer(new DocxWriter(model).document(logo));
}
