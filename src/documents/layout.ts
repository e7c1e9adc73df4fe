// A document of Samspår, independent of the file format: a header with the association and the
// registration details, then sections, fields, tables and signature blocks in order. The DOCX
// and PDF writers (docx.ts, pdf.ts) only lay these nodes out, so both files of a document say
// the same thing in the same order. Applications and reports build their own models of these.
import { formatDate } from "../platform/i18n/format.ts";
import { type Block, parseRichText } from "../platform/text/rich-text.ts";

/** What an empty field shows: every field appears, filled in or not. */
export const EMPTY = "—";

export interface Fact {
  label: string;
  /** One entry per line; empty shows EMPTY. */
  lines: string[];
}

export interface TableColumn {
  title: string;
  align: "left" | "right";
  /** Relative width. */
  weight: number;
}

/** The colour a cell carries beside its text ("Bevaka" on yellow), never instead of it. */
export type CellTone = "green" | "yellow" | "red";

export interface TableRow {
  /** A cell's text; a line break ("\n") starts a new line within the cell. */
  cells: string[];
  /** A sum row: bold, with a rule above. */
  total?: boolean;
  /** Small print under a cell's text, by column ("hämtat från Samspår"); "" for none. */
  notes?: string[];
  /** A cell's background colour, by column; null for none. The text says the same. */
  tones?: (CellTone | null)[];
}

export interface TableModel {
  columns: TableColumn[];
  rows: TableRow[];
}

export type FieldBody =
  | { type: "rich"; blocks: Block[] }
  | { type: "table"; table: TableModel }
  | { type: "text"; text: string };

export interface PartySignature {
  organisation: string;
  role: string;
  /**
   * Signed: the signer's details (Namn, Datum …), laid out two by two in this order.
   * Unsigned: null, and the document shows lines to sign on.
   */
  signed: Fact[] | null;
  /** For an unsigned party: a request that waits for its signature, if any. */
  note: string | null;
}

/**
 * A chart: its SVG, as the web page shows it, drawn as vectors in the PDF (svg.ts draws the
 * plain shapes and text charts are made of), and its data, from which Word draws a chart of its
 * own (Word shows SVG only with a picture to fall back on). A table of the same figures follows
 * it in the document, for readers who cannot see it.
 */
export interface Figure {
  /** The caption above it: "Figur 1. Avslutningsanledningar efter kön". */
  caption: string;
  /** What it shows, in words: the chart's alt text. */
  description: string;
  /** SVG markup, `width` × `height` CSS pixels. */
  svg: string;
  width: number;
  height: number;
  chart: FigureChart;
}

/** A chart's data as Word draws it: bars across or columns up, one bar per category and series. */
export interface FigureChart {
  direction: "bars" | "columns";
  /** In order: the first at the top (bars) or on the left (columns). */
  categories: string[];
  series: FigureSeries[];
  valueAxis: { title: string; minimum?: number; maximum?: number; numberFormat: string };
}

export interface FigureSeries {
  name: string;
  /** One per category; null draws no bar (a figure not shown). */
  values: (number | null)[];
  /** RRGGBB. */
  color: string;
  /** Drawn as a dashed line across the columns (a limit), not as columns. Columns only. */
  line?: boolean;
  /** A bar's own colour (RRGGBB), by category; null for the series' colour. */
  colors?: (string | null)[];
  /** A bar's label, by category, in place of its value ("93 % OK"); null for none. */
  labels?: (string | null)[];
}

export type DocumentNode =
  /** A section of the form (heading level 1). */
  | { type: "section"; title: string }
  /** Short fields as a two-column table: label, value. */
  | { type: "facts"; facts: Fact[] }
  /**
   * A longer field: its label as a heading, then its content. Level 2 by default; level 3 for
   * a part of a field (2.5 Sammanfattande bedömning: Vad går bra? …).
   */
  | { type: "field"; label: string; body: FieldBody; level?: 2 | 3 }
  /** A heading of its own (level 2) for the parts that follow. */
  | { type: "heading"; title: string }
  /** A table without a label of its own. */
  | { type: "table"; table: TableModel }
  /** Text under a section heading, without a label of its own. */
  | { type: "text"; blocks: Block[] }
  /** A short explanation in smaller type. */
  | { type: "note"; text: string }
  | { type: "figure"; figure: Figure }
  | { type: "signatures"; parties: PartySignature[] };

export interface DocumentModel {
  associationName: string;
  /** Beside the association's name at the top of every page ("Blankett: 2026:1"); "" for none. */
  headerNote: string;
  title: string;
  /** What the document is about: the initiative's name, or a stand-in. */
  name: string;
  /** Registration details under the title, in boxes like the stamp on a paper form. */
  registration: Fact[];
  /** The document's name and diarienummer, on every page's footer. */
  footer: string;
  /** ASCII-safe file name without extension. */
  fileBaseName: string;
  /** The file's properties: its keywords and a sentence describing it. */
  keywords: string;
  description: string;
  nodes: DocumentNode[];
}

/** A narrative field's body: its rich text, or EMPTY when there is none. */
export const richBody = (text: string | null | undefined): FieldBody => ({
  type: "rich",
  blocks: parseRichText(text ?? ""),
});

/** A date as the documents write it (2026-04-28), or nothing. */
export const dateLines = (d: string | null | undefined): string[] => (d ? [formatDate(d)] : []);

/** A single value as fact lines: nothing for an empty one, so the fact shows EMPTY. */
export const lines = (value: string | null | undefined): string[] =>
  value?.trim() ? [value.trim()] : [];

/** ASCII letters, digits and hyphens: "Tierp, Nya vägar" → "Tierp-Nya-vagar". */
export function asciiSlug(text: string, max = 60): string {
  const slug = text
    .replace(/[æÆ]/g, (m) => (m === "æ" ? "ae" : "Ae"))
    .replace(/[øØ]/g, (m) => (m === "ø" ? "o" : "O"))
    .replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.slice(0, max).replace(/-+$/, "");
}

/**
 * Column widths that keep every amount on one line: a right-aligned (figure) column gets at
 * least the width of its widest figure, the text columns share what is left by weight, and
 * each keeps room for its longest word. Returns null when the table does not fit in `total`
 * at the size `measure` measures at; the writer then tries a smaller size.
 */
export function fitColumns(
  table: TableModel,
  total: number,
  measure: (text: string, bold: boolean) => number,
  padding: number,
): number[] | null {
  const weightSum = table.columns.reduce((s, c) => s + c.weight, 0);
  const texts = (i: number) => [
    { text: table.columns[i]?.title ?? "", bold: true },
    ...table.rows.map((r) => ({ text: r.cells[i] ?? "", bold: Boolean(r.total) })),
  ];
  const needed = table.columns.map(
    (c, i) =>
      Math.max(
        0,
        ...texts(i).flatMap(({ text, bold }) =>
          (c.align === "right" ? text.split("\n") : text.split(/\s+/)).map((t) => measure(t, bold)),
        ),
      ) + padding,
  );
  const widths = table.columns.map((c, i) =>
    c.align === "right" ? Math.max((c.weight / weightSum) * total, needed[i] ?? 0) : 0,
  );
  const textColumns = table.columns.flatMap((c, i) => (c.align === "right" ? [] : [i]));
  const remaining = total - widths.reduce((s, w) => s + w, 0);
  const textWeight = textColumns.reduce((s, i) => s + (table.columns[i]?.weight ?? 0), 0);
  if (remaining < 0) return null;
  if (textColumns.length === 0) {
    const used = total - remaining;
    return widths.map((w) => (w * total) / used);
  }
  for (const i of textColumns) {
    widths[i] = (remaining * (table.columns[i]?.weight ?? 0)) / textWeight;
    if ((widths[i] ?? 0) < (needed[i] ?? 0)) return null;
  }
  return widths;
}
