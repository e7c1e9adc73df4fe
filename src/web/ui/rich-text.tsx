// A narrative field as semantic HTML: headings under the field's own heading, paragraphs with
// their line breaks, bullet and numbered lists, and http(s) addresses as links. The text is
// parsed into blocks (platform/text/rich-text.ts) and every piece becomes a React text node,
// so nothing a person typed is ever read as markup.
import type { ReactNode } from "react";
import { type Block, type Inline, parseRichText } from "../../platform/text/rich-text.ts";

type Level = 2 | 3 | 4 | 5 | 6;

function Runs({ runs }: { runs: Inline[] }) {
  return (
    <>
      {runs.map((run, i) =>
        run.href ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the runs of one line, in order
          <a key={i} href={run.href} rel="noopener noreferrer">
            {run.text}
          </a>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the runs of one line, in order
          <span key={i}>{run.text}</span>
        ),
      )}
    </>
  );
}

function Heading({ level, children }: { level: Level; children: ReactNode }) {
  switch (level) {
    case 2:
      return <h2>{children}</h2>;
    case 3:
      return <h3>{children}</h3>;
    case 4:
      return <h4>{children}</h4>;
    case 5:
      return <h5>{children}</h5>;
    default:
      return <h6>{children}</h6>;
  }
}

function BlockView({ block, headingLevel }: { block: Block; headingLevel: Level }) {
  if (block.type === "heading") return <Heading level={headingLevel}>{block.text}</Heading>;
  if (block.type === "paragraph")
    return (
      <p>
        {block.lines.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one paragraph, in order
          <span key={i}>
            {i > 0 ? <br /> : null}
            <Runs runs={line} />
          </span>
        ))}
      </p>
    );
  const items = block.items.map((item, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: the items of one list, in order
    <li key={i}>
      <Runs runs={item} />
    </li>
  ));
  return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
}

/**
 * Renders a narrative text. `headingLevel` is the level of headings written in the text: one
 * below the heading of the field it belongs to (a field under an h3 takes 4).
 */
export function RichText({
  text,
  headingLevel = 4,
  empty,
}: {
  text: string;
  headingLevel?: Level;
  /** Shown when the text is empty. */
  empty?: ReactNode;
}) {
  const blocks = parseRichText(text);
  if (blocks.length === 0) return empty ? <p>{empty}</p> : null;
  return (
    <div className="rich-text">
      {blocks.map((block, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the blocks of one text, in order
        <BlockView key={i} block={block} headingLevel={headingLevel} />
      ))}
    </div>
  );
}

/** Plain text (a comment, a message) with its line breaks kept and nothing else. */
export function TextLines({ text }: { text: string }) {
  const paragraphs = text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the paragraphs of one text, in order
        <p key={i}>
          {p.split("\n").map((line, n) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one paragraph, in order
            <span key={n}>
              {n > 0 ? <br /> : null}
              {line}
            </span>
          ))}
        </p>
      ))}
    </>
  );
}
