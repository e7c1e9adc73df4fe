// ECharts on the server, made fit for pages and documents: text measured in the typeface the PDF
// embeds (Source Sans 3), so the layout of an SVG drawn on the page and in the PDF is the same,
// and the SVG made safe for a strict Content-Security-Policy and for screen readers. Shared by the
// follow-up report's charts (src/follow-up/documents/charts.ts) and progression's
// (src/progression/charts.ts); importing this module registers the measuring with ECharts.
import * as echarts from "echarts";
import PDFDocument from "pdfkit";
import { pdfFonts } from "./fonts.ts";

/** The typeface of the charts' text: the PDF's own, then the page's. */
export const CHART_FONT_FAMILY = "'Source Sans 3', system-ui, sans-serif";

let measurer: PDFKit.PDFDocument | undefined;

/** The width of a text in the PDF's typeface, for ECharts' layout ("bold 12px …" fonts). */
function measureText(text: string, font?: string): { width: number } {
  if (!measurer) {
    measurer = new PDFDocument({ autoFirstPage: false });
    const fonts = pdfFonts();
    measurer.registerFont("regular", fonts.regular);
    measurer.registerFont("semibold", fonts.semibold);
  }
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? "")?.[1] ?? 12);
  const bold = /\b(bold|[6-9]00)\b/.test(font ?? "");
  return {
    width: measurer
      .font(bold ? "semibold" : "regular")
      .fontSize(size)
      .widthOfString(text),
  };
}

echarts.setPlatformAPI({ measureText });

export const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * ECharts' server-side SVG made fit for a page with a strict Content-Security-Policy and for
 * screen readers: the style attributes become presentation attributes (a policy without
 * 'unsafe-inline' ignores style attributes), the hover <style> and the event attributes go, the
 * renderer's numbered ids become the chart's own (the same on every render, unique on a page),
 * the marks say which series and category they draw (data-series, data-index), and the root gets
 * role="img" with a <title> and <desc>.
 */
export function accessibleSvg(raw: string, id: string, title: string, description: string) {
  let svg = raw
    .replace(/<style[\s\S]*?<\/style>/g, "")
    .replace(/\bzr\d+-/g, `${id}-`)
    .replace(/\s(?:class|pointer-events|ecmeta_silent)="[^"]*"/g, "")
    .replace(/\secmeta_series_index="(\d+)"/g, ' data-series="$1"')
    .replace(/\secmeta_data_index="(\d+)"/g, ' data-index="$1"')
    .replace(/\secmeta_ssr_type="([a-z]+)"/g, ' data-part="$1"')
    .replace(/\sstyle="([^"]*)"/g, (_, style: string) =>
      style
        .split(";")
        .map((d) => d.trim())
        .filter(Boolean)
        .map((d) => {
          const i = d.indexOf(":");
          const name = d.slice(0, i).trim();
          const value = d
            .slice(i + 1)
            .trim()
            .replace(/"/g, "'");
          return ` ${name}="${name === "font-family" ? CHART_FONT_FAMILY.replace(/"/g, "'") : value}"`;
        })
        .join(""),
    )
    .replace(/<defs\s*>\s*<\/defs>/g, "")
    .replace(/\n{2,}/g, "\n");
  svg = svg.replace(
    /^<svg([^>]*)>/,
    (_, attrs: string) =>
      `<svg${attrs.replace(/\s(?:version|baseProfile)="[^"]*"/g, "")} role="img" aria-labelledby="${id}-title ${id}-desc" focusable="false"><title id="${id}-title">${escapeXml(title)}</title><desc id="${id}-desc">${escapeXml(description)}</desc>`,
  );
  return svg;
}
