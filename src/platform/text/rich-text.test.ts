import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseRichText, plainText } from "./rich-text.ts";

describe("rich text", () => {
  it("reads headings, paragraphs, lists and links", () => {
    const blocks = parseRichText(
      "# Bakgrund\nMånga står långt från arbete.\nSe https://example.se/rapport.\n\n- IPS\n- MI\n  med stöd\n1. Kartlägga\n2. Matcha",
    );
    expect(blocks).toEqual([
      { type: "heading", text: "Bakgrund" },
      {
        type: "paragraph",
        lines: [
          [{ text: "Många står långt från arbete." }],
          [
            { text: "Se " },
            { text: "https://example.se/rapport", href: "https://example.se/rapport" },
            { text: "." },
          ],
        ],
      },
      {
        type: "list",
        ordered: false,
        items: [[{ text: "IPS" }], [{ text: "MI" }, { text: " med stöd" }]],
      },
      { type: "list", ordered: true, items: [[{ text: "Kartlägga" }], [{ text: "Matcha" }]] },
    ]);
  });

  it("never makes a link of anything but http and https", () => {
    const blocks = parseRichText("javascript:alert(1) <a href='x'>y</a> data:text/html,hej");
    const links = blocks.flatMap((b) =>
      b.type === "paragraph" ? b.lines.flat().filter((i) => i.href !== undefined) : [],
    );
    expect(links).toEqual([]);
    expect(plainText("<b>fet</b>")).toBe("<b>fet</b>");
  });

  it("loses no words", () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-zåäö]{1,8}$/), { maxLength: 30 }), (words) => {
        const text = words.map((w, i) => (i % 5 === 4 ? `\n- ${w}` : w)).join(" ");
        const plain = plainText(text);
        for (const w of words) expect(plain).toContain(w);
      }),
    );
  });
});
