// The follow-up report as a PDF for filing and for the board: the document model (document.ts)
// laid out by the shared PDF writer of src/documents — the association's logo and name, the
// version and lock status on every page, tables that carry their header over page breaks, and
// the charts drawn from their SVG as vectors with the embedded typeface (searchable text).
import type { Logo } from "../../documents/image.ts";
import { type RenderedDocument, renderDocument } from "../../documents/render.ts";
import type { FollowUpReport } from "../model.ts";
import { type FollowUpRenderOptions, followUpDocument } from "./document.ts";

export async function renderFollowUpPdf(
  report: FollowUpReport,
  options: FollowUpRenderOptions & { logo?: Logo },
): Promise<RenderedDocument> {
  return renderDocument(followUpDocument(report, options), options.logo, "pdf");
}
