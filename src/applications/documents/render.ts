// The application as a document to download: DOCX for those who keep working in Word, PDF for
// filing. Both are laid out from the same model (layout.ts), so they say the same thing.
import type { ApplicationDetails } from "../get-application.ts";
import { applicationDocx } from "./application-docx.ts";
import { applicationPdf } from "./application-pdf.ts";
import type { Logo } from "./image.ts";
import { applicationDocument } from "./layout.ts";

export type DocumentFormat = "docx" | "pdf";

export const DOCUMENT_FORMATS: readonly DocumentFormat[] = ["docx", "pdf"];

export const isDocumentFormat = (value: unknown): value is DocumentFormat =>
  value === "docx" || value === "pdf";

const MEDIA_TYPES: Record<DocumentFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
};

export async function renderApplicationDocument(
  a: ApplicationDetails,
  logo: Logo | undefined,
  format: DocumentFormat,
): Promise<{ body: Buffer; mediaType: string; fileName: string }> {
  const model = applicationDocument(a);
  const body =
    format === "docx" ? await applicationDocx(model, logo) : await applicationPdf(model, logo);
  return { body, mediaType: MEDIA_TYPES[format], fileName: `${model.fileBaseName}.${format}` };
}
