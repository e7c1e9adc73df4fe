// The follow-up report as a Word file: the document model (document.ts) laid out by the shared
// DOCX writer of src/documents — the association's logo and name in the page header, the version
// and lock status on every page, real headings and tables, and the charts as charts Word draws
// from their data (editable, and described to screen readers by their alt text).
import type { Logo } from "../../documents/image.ts";
import { type RenderedDocument, renderDocument } from "../../documents/render.ts";
import type { FollowUpReport } from "../model.ts";
import { type FollowUpRenderOptions, followUpDocument } from "./document.ts";

export async function renderFollowUpDocx(
  report: FollowUpReport,
  options: FollowUpRenderOptions & { logo?: Logo },
): Promise<RenderedDocument> {
  return renderDocument(followUpDocument(report, options), options.logo, "docx");
}
