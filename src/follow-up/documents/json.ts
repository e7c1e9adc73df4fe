// The follow-up report as JSON for the API and the CLI: exactly the model (model.ts), described
// by docs/formats/follow-up-report.schema.json. Reading one back checks it against the schema.
import * as z from "zod";
import { formatPath } from "../../bundle/bundle-schema.ts";
import type { RenderedDocument } from "../../documents/render.ts";
import { ValidationError } from "../../platform/errors.ts";
import type { FollowUpReport } from "../model.ts";
import { followUpReportSchema } from "./report-schema.ts";
import { followUpFileBaseName } from "./text.ts";

export const JSON_MEDIA_TYPE = "application/json; charset=utf-8";

/** The report as JSON text, two-space indented, ending with a line break. */
export const followUpJson = (report: FollowUpReport) => `${JSON.stringify(report, null, 2)}\n`;

export function renderFollowUpJson(report: FollowUpReport): RenderedDocument {
  return {
    body: Buffer.from(followUpJson(report), "utf8"),
    mediaType: JSON_MEDIA_TYPE,
    fileName: `${followUpFileBaseName(report)}.json`,
  };
}

/**
 * A report read from JSON text, checked against the format. Throws a ValidationError naming
 * each place that is wrong ("budget.rows[2].outcome").
 */
export function parseFollowUpJson(text: string): FollowUpReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ValidationError({
      file: "Filen är inte JSON. Spara uppföljningsrapporten som JSON och försök igen.",
    });
  }
  const result = followUpReportSchema.safeParse(data, { error: z.locales.sv().localeError });
  if (result.success) return result.data;
  const problems: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const where = formatPath(issue.path) || "rapporten";
    problems[where] ??= `${where}: ${issue.message}`;
  }
  throw new ValidationError(problems);
}
