// The application as a document to download: DOCX for those who keep working in Word, PDF for
// filing. Both are laid out by the shared writers of src/documents from the same model
// (layout.ts), so they say the same thing.
import type { Logo } from "../../documents/image.ts";
import { type DocumentFormat, renderDocument } from "../../documents/render.ts";
import type { ApplicationDetails } from "../get-application.ts";
import { applicationDocument } from "./layout.ts";

export {
  DOCUMENT_FORMATS,
  type DocumentFormat,
  isDocumentFormat,
} from "../../documents/render.ts";

export async function renderApplicationDocument(
  a: ApplicationDetails,
  logo: Logo | undefined,
  format: DocumentFormat,
): Promise<{ body: Buffer; mediaType: string; fileName: string }> {
  return renderDocument(applicationDocument(a), logo, format);
}
