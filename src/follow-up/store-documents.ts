// A stored version of a follow-up as a file (documents/render.ts renders every format from the
// one report): the web's downloads, the API's document operation and the CLI use this, so a
// version's DOCX, PDF, XLSX and JSON always hold the same figures as its page.
import { getAssociationLogo } from "../applications/settings.ts";
import type { RenderedDocument } from "../documents/render.ts";
import type { Db } from "../platform/database/connect.ts";
import { type FollowUpFormat, renderFollowUp } from "./documents/render.ts";
import type { FollowUpReport } from "./model.ts";
import type { FollowUpDetails, FollowUpVersionInfo } from "./store.ts";
import { versionBand, versionReport } from "./store-report.ts";

/** A report in a format, drawn with the association's logo and the version's band. */
export async function reportDocument(
  db: Db,
  associationId: string,
  report: FollowUpReport,
  band: { low: number; high: number },
  format: FollowUpFormat,
): Promise<RenderedDocument> {
  const logo =
    format === "docx" || format === "pdf" ? await getAssociationLogo(db, associationId) : undefined;
  return renderFollowUp(report, format, { band, ...(logo ? { logo } : {}) });
}

/** One version of a follow-up in a format, with the report it was drawn from. */
export async function versionDocument(
  db: Db,
  followUp: FollowUpDetails,
  version: FollowUpVersionInfo,
  format: FollowUpFormat,
  now = new Date(),
): Promise<{ report: FollowUpReport; document: RenderedDocument }> {
  const [report, band] = await Promise.all([
    versionReport(db, followUp, version, now),
    versionBand(db, followUp.associationId, version),
  ]);
  return {
    report,
    document: await reportDocument(db, followUp.associationId, report, band, format),
  };
}
