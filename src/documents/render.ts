// A document to download: DOCX for those who keep working in Word, PDF for filing. Both are
// laid out from the same model (layout.ts), so they say the same thing.
import { renderDocx } from "./docx.ts";
import type { Logo } from "./image.ts";
import type { DocumentModel } from "./layout.ts";
import { renderPdf } from "./pdf.ts";

export type DocumentFormat = "docx" | "pdf";

export const DOCUMENT_FORMATS: readonly DocumentFormat[] = ["docx", "pdf"];

export const isDocumentFormat = (value: unknown): value is DocumentFormat =>
  value === "docx" || value === "pdf";

export const DOCUMENT_MEDIA_TYPES: Record<DocumentFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
};

export interface RenderedDocument {
  body: Buffer;
  mediaType: string;
  fileName: string;
}

export async function renderDocument(
  model: DocumentModel,
  logo: Logo | undefined,
  format: DocumentFormat,
): Promise<RenderedDocument> {
  const body = format === "docx" ? await renderDocx(model, logo) : await renderPdf(model, logo);
  return {
    body,
    mediaType: DOCUMENT_MEDIA_TYPES[format],
    fileName: `${model.fileBaseName}.${format}`,
  };
}
