// Every output of the follow-up report from one FollowUpReport, for the web's downloads, the API
// (GET …/follow-ups/{id}/document?format=…) and the CLI (`samspar report follow-up --format …`).
import type { Logo } from "../../documents/image.ts";
import type { RenderedDocument } from "../../documents/render.ts";
import type { FollowUpReport } from "../model.ts";
import type { FollowUpRenderOptions } from "./document.ts";
import { renderFollowUpDocx } from "./docx.ts";
import type { FollowUpFormat } from "./formats.ts";
import { renderFollowUpJson } from "./json.ts";
import { renderFollowUpPdf } from "./pdf.ts";
import { renderFollowUpXlsx } from "./xlsx.ts";

export type { FollowUpRenderOptions } from "./document.ts";

export { FOLLOW_UP_FORMATS, type FollowUpFormat, isFollowUpFormat } from "./formats.ts";

export const UNKNOWN_FOLLOW_UP_FORMAT =
  "Formatet finns inte. Välj format=pdf, format=docx (Word), format=xlsx (Excel) eller format=json.";

/** The report in one format: its bytes, media type and file name. */
export async function renderFollowUp(
  report: FollowUpReport,
  format: FollowUpFormat,
  options: FollowUpRenderOptions & { logo?: Logo },
): Promise<RenderedDocument> {
  switch (format) {
    case "json":
      return renderFollowUpJson(report);
    case "docx":
      return renderFollowUpDocx(report, options);
    case "pdf":
      return renderFollowUpPdf(report, options);
    case "xlsx":
      return renderFollowUpXlsx(report, options);
  }
}
