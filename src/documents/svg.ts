// SVG drawn as vectors in a PDF: the plain subset that charts are made of (Apache ECharts'
// server-side SVG) — <path>, <rect>, <line>, <polyline>, <polygon>, <circle>, <ellipse> and
// <text>, grouped in <g>, with transforms, fills, strokes, dashes and opacity. Text is set in
// the PDF's own typeface, so it is embedded and searchable like the rest of the document.
// Anything else (gradients, patterns, images, clip paths) is not drawn and is named in the
// result, so a chart that needs it is caught by its tests rather than found missing in print.

export interface SvgElement {
  name: string;
  attributes: Record<string, string>;
  children: SvgElement[];
  /** The text of a <text>, <title> or <desc>, entities decoded. */
  text: string;
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#39;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&amp;/g, "&");

/** The element tree of an SVG document (comments, CDATA and the XML prolog left out). */
export function parseSvg(svg: string): SvgElement {
  const root: SvgElement = { name: "#root", attributes: {}, children: [], text: "" };
  const stack: SvgElement[] = [root];
  const tokens =
    /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  for (const m of svg.matchAll(tokens)) {
    const [, close, name, attrs, selfClosing, text] = m;
    const top = stack.at(-1) as SvgElement;
    if (text !== undefined) {
      top.text += decode(text);
      continue;
    }
    if (!name) continue;
    if (close) {
      if (stack.length > 1 && top.name === name) stack.pop();
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const a of (attrs ?? "").matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
      attributes[a[1] as string] = decode(a[2] ?? a[3] ?? "");
    const element: SvgElement = { name, attributes, children: [], text: "" };
    top.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  const svgRoot = root.children.find((c) => c.name === "svg");
  if (!svgRoot) throw new Error("SVG-dokumentet saknar ett <svg>-element.");
  return svgRoot;
}

type Matrix = [number, number, number, number, number, number];

/** The transform list of an SVG attribute as one matrix. */
export function parseTransform(value: string | undefined): Matrix {
  let m: Matrix = [1, 0, 0, 1, 0, 0];
  if (!value) return m;
  const multiply = (a: Matrix, b: Matrix): Matrix => [
    a[0] * b[0] + a[2] * b[1],
    a[1] * b[0] + a[3] * b[1],
    a[0] * b[2] + a[2] * b[3],
    a[1] * b[2] + a[3] * b[3],
    a[0] * b[4] + a[2] * b[5] + a[4],
    a[1] * b[4] + a[3] * b[5] + a[5],
  ];
  for (const t of value.matchAll(/(matrix|translate|scale|rotate|skewX|skewY)\s*\(([^)]*)\)/g)) {
    const n = (t[2] ?? "")
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    const [a = 0, b, c, d, e, f] = n;
    let next: Matrix;
    switch (t[1]) {
      case "matrix":
        next = [a, b ?? 0, c ?? 0, d ?? 0, e ?? 0, f ?? 0];
        break;
      case "translate":
        next = [1, 0, 0, 1, a, b ?? 0];
        break;
      case "scale":
        next = [a, 0, 0, b ?? a, 0, 0];
        break;
      case "rotate": {
        const r = (a * Math.PI) / 180;
        const [cos, sin] = [Math.cos(r), Math.sin(r)];
        const [cx, cy] = [b ?? 0, c ?? 0];
        next = [cos, sin, -sin, cos, cx - cos * cx + sin * cy, cy - sin * cx - cos * cy];
        break;
      }
      case "skewX":
        next = [1, 0, Math.tan((a * Math.PI) / 180), 1, 0, 0];
        break;
      default:
        next = [1, Math.tan((a * Math.PI) / 180), 0, 1, 0, 0];
    }
    m = multiply(m, next);
  }
  return m;
}

interface Paint {
  rgb: [number, number, number];
  alpha: number;
}

const NAMED: Record<string, [number, number, number]> = {
  black: [0, 0, 0],
  white: [255, 255, 255],
  red: [255, 0, 0],
  green: [0, 128, 0],
  blue: [0, 0, 255],
  gray: [128, 128, 128],
  grey: [128, 128, 128],
};

/** A colour of the subset: #rgb, #rrggbb, rgb(), rgba() or a basic name; null for none. */
export function parseColor(value: string | undefined): Paint | null | "unsupported" {
  if (value === undefined) return null;
  const v = value.trim().toLowerCase();
  if (v === "none" || v === "transparent" || v === "") return null;
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(v);
  if (hex) {
    const h = hex[1] as string;
    const full = h.length === 3 ? [...h].map((c) => c + c).join("") : h;
    return {
      rgb: [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16)) as Paint["rgb"],
      alpha: 1,
    };
  }
  const fn = /^rgba?\(([^)]*)\)$/.exec(v);
  if (fn) {
    const [r = 0, g = 0, b = 0, a = 1] = (fn[1] ?? "").split(/[\s,/]+/).map(Number);
    return { rgb: [r, g, b], alpha: a };
  }
  const named = NAMED[v];
  if (named) return { rgb: named, alpha: 1 };
  return "unsupported";
}

/** Presentation attributes and the `style` attribute's declarations, the latter winning. */
function ownStyle(el: SvgElement): Record<string, string> {
  const style: Record<string, string> = { ...el.attributes };
  for (const decl of (el.attributes.style ?? "").split(";")) {
    const i = decl.indexOf(":");
    if (i > 0) style[decl.slice(0, i).trim()] = decl.slice(i + 1).trim();
  }
  return style;
}

const INHERITED = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-opacity",
  "stroke-width",
  "stroke-dasharray",
  "stroke-linecap",
  "stroke-linejoin",
  "font-size",
  "font-weight",
  "text-anchor",
  "dominant-baseline",
];

export interface SvgFonts {
  /** Registered pdfkit font names. */
  regular: string;
  bold: string;
}

export interface DrawSvgOptions {
  /** Where the drawing's top left corner goes, in PDF points. */
  x: number;
  y: number;
  /** PDF points per SVG user unit. */
  scale: number;
  fonts: SvgFonts;
}

const number = (value: string | undefined, fallback = 0) => {
  const n = Number.parseFloat(value ?? "");
  return Number.isFinite(n) ? n : fallback;
};

const BASELINES: Record<string, string> = {
  central: "svg-central",
  middle: "svg-middle",
  hanging: "hanging",
  "text-before-edge": "top",
  "text-top": "top",
  "text-after-edge": "bottom",
  "text-bottom": "bottom",
  ideographic: "ideographic",
  mathematical: "mathematical",
};

const SHAPES = new Set(["path", "rect", "line", "polyline", "polygon", "circle", "ellipse"]);
const SKIPPED = new Set(["defs", "style", "title", "desc", "metadata"]);

/**
 * Draws an SVG document at (x, y), scaled: the elements the subset has, in document order.
 * Returns the names of what it could not draw ("pattern fill", "image"): empty for a chart
 * drawn in full.
 */
export function drawSvg(
  doc: PDFKit.PDFDocument,
  svg: string,
  options: DrawSvgOptions,
): { unsupported: string[] } {
  const root = parseSvg(svg);
  const unsupported = new Set<string>();
  const savedX = doc.x;
  const savedY = doc.y;

  const paint = (value: string | undefined, what: string) => {
    if (value?.startsWith("url(")) {
      unsupported.add(`${what} url()`);
      return null;
    }
    const c = parseColor(value);
    if (c === "unsupported") {
      unsupported.add(`${what} ${value}`);
      return null;
    }
    return c;
  };

  /** Adds the element's outline to the current path; false when it has none. */
  const shape = (el: SvgElement) => {
    const a = el.attributes;
    switch (el.name) {
      case "path":
        if (!a.d) return false;
        doc.path(a.d);
        return true;
      case "rect": {
        const [x, y, w, h] = [number(a.x), number(a.y), number(a.width), number(a.height)];
        if (w <= 0 || h <= 0) return false;
        const r = Math.min(number(a.rx ?? a.ry), w / 2, h / 2);
        if (r > 0) doc.roundedRect(x, y, w, h, r);
        else doc.rect(x, y, w, h);
        return true;
      }
      case "line":
        doc.moveTo(number(a.x1), number(a.y1)).lineTo(number(a.x2), number(a.y2));
        return true;
      case "polyline":
      case "polygon": {
        const p = (a.points ?? "")
          .trim()
          .split(/[\s,]+/)
          .map(Number);
        if (p.length < 4) return false;
        doc.moveTo(p[0] as number, p[1] as number);
        for (let i = 2; i + 1 < p.length; i += 2) doc.lineTo(p[i] as number, p[i + 1] as number);
        if (el.name === "polygon") doc.closePath();
        return true;
      }
      case "circle":
        doc.circle(number(a.cx), number(a.cy), number(a.r));
        return number(a.r) > 0;
      case "ellipse":
        doc.ellipse(number(a.cx), number(a.cy), number(a.rx), number(a.ry));
        return number(a.rx) > 0 && number(a.ry) > 0;
      default:
        return false;
    }
  };

  /** Sets the colours and returns how to paint, or null when there is nothing to paint. */
  const painter = (style: Record<string, string>, isLine: boolean) => {
    const opacity = number(style.opacity, 1);
    const fill = isLine ? null : paint(style.fill ?? "black", "fill");
    const stroke = paint(style.stroke, "stroke");
    const strokeWidth = number(style["stroke-width"], 1);
    const fillAlpha = fill ? fill.alpha * number(style["fill-opacity"], 1) * opacity : 0;
    const strokeAlpha = stroke ? stroke.alpha * number(style["stroke-opacity"], 1) * opacity : 0;
    const doFill = fill !== null && fillAlpha > 0;
    const doStroke = stroke !== null && strokeAlpha > 0 && strokeWidth > 0;
    if (!doFill && !doStroke) return null;
    if (doFill) doc.fillColor(fill.rgb, fillAlpha);
    if (doStroke) {
      doc.strokeColor(stroke.rgb, strokeAlpha).lineWidth(strokeWidth);
      const dash = (style["stroke-dasharray"] ?? "")
        .split(/[\s,]+/)
        .map(Number)
        .filter((n) => Number.isFinite(n) && n > 0);
      // pdfkit takes a whole dash array, though its types name only one length
      const setDash = doc.dash.bind(doc) as unknown as (pattern: number[], o: object) => void;
      if (dash.length) setDash(dash.length % 2 ? [...dash, ...dash] : dash, {});
      else doc.undash();
      const cap = style["stroke-linecap"];
      if (cap === "round" || cap === "square" || cap === "butt") doc.lineCap(cap);
    }
    return () => {
      if (doFill && doStroke) doc.fillAndStroke();
      else if (doFill) doc.fill();
      else doc.stroke();
    };
  };

  const text = (el: SvgElement, style: Record<string, string>) => {
    const content = el.text.replace(/\s+/g, " ").trim();
    if (!content) return;
    const fill = paint(style.fill ?? "black", "fill");
    if (!fill) return;
    const weight = style["font-weight"] ?? "normal";
    const bold = weight === "bold" || weight === "bolder" || number(weight, 400) >= 600;
    const size = number(style["font-size"], 12);
    doc.font(bold ? options.fonts.bold : options.fonts.regular).fontSize(size);
    const width = doc.widthOfString(content);
    const anchor = style["text-anchor"];
    const x =
      number(el.attributes.x) +
      number(el.attributes.dx) -
      (anchor === "middle" ? width / 2 : anchor === "end" ? width : 0);
    const y = number(el.attributes.y) + number(el.attributes.dy);
    doc.fillColor(fill.rgb, fill.alpha * number(style["fill-opacity"], 1));
    doc.text(content, x, y, {
      lineBreak: false,
      baseline: (BASELINES[style["dominant-baseline"] ?? ""] ??
        "alphabetic") as PDFKit.Mixins.TextOptions["baseline"],
    });
  };

  const visit = (el: SvgElement, inherited: Record<string, string>) => {
    if (SKIPPED.has(el.name)) return;
    const own = ownStyle(el);
    if (own.display === "none" || own.visibility === "hidden") return;
    const style: Record<string, string> = { ...inherited };
    for (const key of INHERITED) if (own[key] !== undefined) style[key] = own[key] as string;
    if (own.opacity !== undefined)
      style.opacity = String(number(inherited.opacity, 1) * number(own.opacity, 1));
    if (own["clip-path"] || own.mask) unsupported.add(own["clip-path"] ? "clip-path" : "mask");
    doc.save();
    if (el.attributes.transform) doc.transform(...parseTransform(el.attributes.transform));
    if (el.name === "g" || el.name === "svg") {
      for (const child of el.children) visit(child, style);
    } else if (el.name === "text") {
      text(el, style);
      if (el.children.some((c) => c.name === "tspan")) unsupported.add("tspan");
    } else if (SHAPES.has(el.name)) {
      const paintIt = painter(style, el.name === "line");
      if (paintIt && shape(el)) paintIt();
    } else {
      unsupported.add(el.name);
    }
    doc.restore();
  };

  doc.save();
  doc.translate(options.x, options.y).scale(options.scale);
  const viewBox = (root.attributes.viewBox ?? "").split(/[\s,]+/).map(Number);
  if (viewBox.length === 4 && viewBox.every(Number.isFinite))
    doc.translate(-(viewBox[0] as number), -(viewBox[1] as number));
  for (const child of root.children) visit(child, {});
  doc.restore();
  doc.x = savedX;
  doc.y = savedY;
  return { unsupported: [...unsupported].sort() };
}
