// A guide's text as the portal shows it: in the participant's language when the guide has it,
// otherwise the Swedish; and its plain-text body as paragraphs and lists. No database here, so
// the portal's components can use it as well as the server.
import type { PortalLocale } from "./locales.ts";
import type { GuideText } from "./schema.ts";

export type GuideTexts = Partial<Record<PortalLocale, GuideText>> & { sv: GuideText };

/**
 * A guide's text in the participant's language when it has one, otherwise the Swedish: what
 * the pages show, and whether it is the Swedish in place of their language.
 */
export function guideTextFor(
  texts: GuideTexts,
  locale: PortalLocale,
): { locale: PortalLocale; text: GuideText; onlySwedish: boolean } {
  const own = texts[locale];
  if (own) return { locale, text: own, onlySwedish: false };
  return { locale: "sv", text: texts.sv, onlySwedish: locale !== "sv" };
}

export type GuideBlock = { kind: "p"; lines: string[] } | { kind: "ul"; items: string[] };

/**
 * A guide's body as blocks: blank lines separate paragraphs, lines starting "- " are list
 * items (consecutive ones one list). Plain text only: nothing of it is read as HTML.
 */
export function guideBlocks(body: string): GuideBlock[] {
  const blocks: GuideBlock[] = [];
  let current: GuideBlock | undefined;
  for (const raw of body.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trim();
    if (!line) {
      current = undefined;
      continue;
    }
    const item = /^[-–•]\s+(.*)$/.exec(line);
    if (item) {
      if (current?.kind !== "ul") {
        current = { kind: "ul", items: [] };
        blocks.push(current);
      }
      current.items.push(item[1] ?? "");
    } else {
      if (current?.kind !== "p") {
        current = { kind: "p", lines: [] };
        blocks.push(current);
      }
      current.lines.push(line);
    }
  }
  return blocks;
}
