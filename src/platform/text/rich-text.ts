// Narrative fields are rich text written in a plain text area, so they work without JavaScript
// and can never carry markup of their own: a line starting with "# " is a heading, lines
// starting with "- " or "* " make a bullet list, "1. " a numbered list, a blank line separates
// paragraphs, and web addresses (http/https) become links. Everything else is text. The web
// pages, DOCX and PDF all render the same blocks, so nothing is ever parsed as HTML.

export type Inline = { text: string; href?: string };
export type Block =
  | { type: "heading"; text: string }
  | { type: "paragraph"; lines: Inline[][] }
  | { type: "list"; ordered: boolean; items: Inline[][] };

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]]/g;

/** Splits text into runs, with http(s) addresses as links. */
export function inlines(text: string): Inline[] {
  const out: Inline[] = [];
  let at = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const index = match.index ?? 0;
    if (index > at) out.push({ text: text.slice(at, index) });
    out.push({ text: match[0], href: match[0] });
    at = index + match[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

const BULLET = /^\s*[-*•]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;
const HEADING = /^\s*#{1,3}\s+(.*)$/;

/** The blocks of a narrative text. */
export function parseRichText(text: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: Inline[][] | null = null;
  let list: { ordered: boolean; items: Inline[][] } | null = null;
  const flush = () => {
    if (paragraph) blocks.push({ type: "paragraph", lines: paragraph });
    if (list) blocks.push({ type: "list", ...list });
    paragraph = null;
    list = null;
  };
  for (const raw of text.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trimEnd();
    if (!line.trim()) {
      flush();
      continue;
    }
    const heading = HEADING.exec(line);
    const bullet = BULLET.exec(line);
    const numbered = NUMBERED.exec(line);
    if (heading) {
      flush();
      blocks.push({ type: "heading", text: (heading[1] ?? "").trim() });
    } else if (bullet || numbered) {
      const ordered = !bullet;
      const item = ((bullet ?? numbered)?.[1] ?? "").trim();
      if (paragraph || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push(inlines(item));
    } else if (list && /^\s{2,}/.test(raw)) {
      // an indented line continues the list item above it
      const last = list.items[list.items.length - 1];
      if (last) last.push({ text: ` ${line.trim()}` });
    } else {
      if (list) flush();
      paragraph ??= [];
      paragraph.push(inlines(line.trim()));
    }
  }
  flush();
  return blocks;
}

/** The text without markup, e.g. for a summary or a search index. */
export function plainText(text: string): string {
  return parseRichText(text)
    .map((b) =>
      b.type === "heading"
        ? b.text
        : b.type === "paragraph"
          ? b.lines.map((l) => l.map((i) => i.text).join("")).join(" ")
          : b.items.map((l) => l.map((i) => i.text).join("")).join("; "),
    )
    .join("\n");
}
