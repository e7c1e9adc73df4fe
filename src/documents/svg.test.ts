// SVG drawn into a PDF: the parser reads elements, attributes and text (entities decoded), the
// transforms and colours of the subset are understood, text is set in the PDF's own typeface at
// the anchor and baseline asked for (PDF.js reads it back where it was drawn), and whatever the
// subset lacks is named rather than drawn wrong.
import PDFDocument from "pdfkit";
import { getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { pdfFonts } from "./fonts.ts";
import { drawSvg, parseColor, parseSvg, parseTransform } from "./svg.ts";

async function draw(svg: string) {
  const doc = new PDFDocument({ size: [300, 200], margin: 0, compress: false });
  const fonts = pdfFonts();
  doc.registerFont("regular", fonts.regular);
  doc.registerFont("semibold", fonts.semibold);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) =>
    doc.on("end", () => resolve(Buffer.concat(chunks))),
  );
  const result = drawSvg(doc, svg, {
    x: 10,
    y: 20,
    scale: 0.5,
    fonts: { regular: "regular", bold: "semibold" },
  });
  doc.end();
  const pdf = await done;
  const proxy = await getDocumentProxy(new Uint8Array(pdf));
  const page = await proxy.getPage(1);
  const items = (await page.getTextContent()).items.flatMap((i) =>
    "str" in i && i.str.trim()
      ? [{ str: i.str, x: i.transform[4] as number, y: i.transform[5] as number, width: i.width }]
      : [],
  );
  return { ...result, pdf, items, height: 200 };
}

describe("SVG in a PDF", () => {
  it("parses elements, attributes and text", () => {
    const root = parseSvg(
      `<?xml version="1.0"?><svg viewBox="0 0 100 50"><!-- a comment --><title id="t">A &amp; B</title><g transform="translate(1 2)"><text x='3'>&lt; 5 &#229;</text><path d="M0 0L1 1"/></g></svg>`,
    );
    expect(root.attributes.viewBox).toBe("0 0 100 50");
    expect(root.children.map((c) => c.name)).toEqual(["title", "g"]);
    expect(root.children[0]?.text).toBe("A & B");
    const g = root.children[1];
    expect(g?.children.map((c) => [c.name, c.text])).toEqual([
      ["text", "< 5 å"],
      ["path", ""],
    ]);
    expect(() => parseSvg("<div></div>")).toThrow(/saknar ett <svg>/);
  });

  it("reads transforms and colours", () => {
    expect(parseTransform("translate(10 20)")).toEqual([1, 0, 0, 1, 10, 20]);
    expect(parseTransform("translate(10,20) scale(2)")).toEqual([2, 0, 0, 2, 10, 20]);
    const r = parseTransform("rotate(90)");
    expect(r.map((n) => Math.round(n * 1000) / 1000)).toEqual([0, 1, -1, 0, 0, 0]);
    expect(parseTransform("matrix(1 2 3 4 5 6)")).toEqual([1, 2, 3, 4, 5, 6]);
    expect(parseColor("#1d4f6e")).toEqual({ rgb: [29, 79, 110], alpha: 1 });
    expect(parseColor("#fff")).toEqual({ rgb: [255, 255, 255], alpha: 1 });
    expect(parseColor("rgba(0,0,0,0.5)")).toEqual({ rgb: [0, 0, 0], alpha: 0.5 });
    expect(parseColor("none")).toBeNull();
    expect(parseColor("hsl(0 0% 0%)")).toBe("unsupported");
  });

  it("sets text at its anchor and baseline, scaled and moved, in the PDF's typeface", async () => {
    const { items, unsupported, pdf } = await draw(
      `<svg width="400" height="200" viewBox="0 0 400 200">
        <text x="100" y="100" font-size="20px" text-anchor="start">Start</text>
        <text x="200" y="100" font-size="20px" text-anchor="end" font-weight="bold">Slut</text>
        <g transform="translate(300 0)"><text x="0" y="150" font-size="20px" text-anchor="middle">Mitt</text></g>
      </svg>`,
    );
    expect(unsupported).toEqual([]);
    const at = (s: string) => items.find((i) => i.str === s);
    // x: 10 + 100 × 0.5 = 60; the PDF's y runs upwards: 200 − (20 + 100 × 0.5) = 130
    expect(at("Start")?.x).toBeCloseTo(60, 0);
    expect(at("Start")?.y).toBeCloseTo(130, 0);
    // "end": the text ends at 10 + 200 × 0.5 = 110
    expect((at("Slut")?.x ?? 0) + (at("Slut")?.width ?? 0)).toBeCloseTo(110, 0);
    // "middle" inside a translated group: centred on 10 + 300 × 0.5 = 160
    expect((at("Mitt")?.x ?? 0) + (at("Mitt")?.width ?? 0) / 2).toBeCloseTo(160, 0);
    expect(pdf.toString("latin1")).toMatch(/\/BaseFont \/[A-Z]{6}\+SourceSans3-SemiBold/);
  });

  it("draws shapes with fills, strokes and dashes, and names what it cannot draw", async () => {
    const { unsupported, pdf } = await draw(
      `<svg width="100" height="100">
        <rect x="0" y="0" width="10" height="10" fill="#c62828"/>
        <path d="M0 0L50 50" fill="none" stroke="#1b1f24" stroke-width="2" stroke-dasharray="6,3"/>
        <circle cx="5" cy="5" r="3" fill="rgb(0,128,0)"/>
        <rect width="5" height="5" fill="url(#p)"/>
        <image href="x.png"/>
        <text fill="hsl(1 2% 3%)">x</text>
      </svg>`,
    );
    expect(unsupported).toEqual(["fill hsl(1 2% 3%)", "fill url()", "image"]);
    const content = pdf.toString("latin1");
    expect(content).toMatch(/0\.776\d* 0\.156\d* 0\.156\d* scn/); // #c62828
    expect(content).toMatch(/\[6 3\] 0 d/);
  });
});
