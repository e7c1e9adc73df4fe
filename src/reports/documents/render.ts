// The reports as documents to download, as DOCX or PDF, laid out by the shared writers of
// src/documents. The reports' own rows do not carry the association's name, so it is given.
import type { Logo } from "../../documents/image.ts";
import {
  type DocumentFormat,
  type RenderedDocument,
  renderDocument,
} from "../../documents/render.ts";
import type { DeviationReportDetails } from "../deviation-reports.ts";
import type { FinalReportDetails } from "../final-reports.ts";
import type { PeriodicReportDetails } from "../periodic-reports.ts";
import { deviationReportDocument } from "./deviation-report-document.ts";
import { finalReportDocument } from "./final-report-document.ts";
import { periodicReportDocument } from "./periodic-report-document.ts";

export {
  DOCUMENT_FORMATS,
  type DocumentFormat,
  isDocumentFormat,
  type RenderedDocument,
} from "../../documents/render.ts";

export async function renderPeriodicReportDocument(
  details: PeriodicReportDetails,
  logo: Logo | undefined,
  format: DocumentFormat,
  associationName: string,
): Promise<RenderedDocument> {
  return renderDocument(periodicReportDocument(details, associationName), logo, format);
}

export async function renderDeviationReportDocument(
  details: DeviationReportDetails,
  logo: Logo | undefined,
  format: DocumentFormat,
  associationName: string,
): Promise<RenderedDocument> {
  return renderDocument(deviationReportDocument(details, associationName), logo, format);
}

export async function renderFinalReportDocument(
  details: FinalReportDetails,
  logo: Logo | undefined,
  format: DocumentFormat,
  associationName: string,
): Promise<RenderedDocument> {
  return renderDocument(finalReportDocument(details, associationName), logo, format);
}
