// "Avslutade insatser": every initiative that ended in the period, with its owner, partners and
// dates, and the summary of purpose and outcome from its final report (submitted or locked) —
// or, while the final report has not come in, the purpose of its approved application. Two
// queries for all of them.
import { and, eq, inArray } from "drizzle-orm";
import { applications } from "../applications/schema.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { plainText } from "../platform/text/rich-text.ts";
import { ACHIEVED_LABELS, finalReportContentOf } from "../reports/final-report-content.ts";
import { finalReports } from "../reports/schema.ts";
import type { InitiativeFacts } from "./initiatives.ts";
import { refOf } from "./initiatives.ts";
import type { EndedInitiative } from "./model.ts";

const KIND_WORDS = { resultatmal: "Resultatmål", insatsmal: "Insatsmål", effektmal: "Effektmål" };

export async function endedInitiatives(
  q: Queryable,
  associationId: string,
  ended: readonly InitiativeFacts[],
): Promise<EndedInitiative[]> {
  if (ended.length === 0) return [];
  const ids = ended.map((i) => i.id);
  const reports = await q
    .select({
      id: finalReports.id,
      initiativeId: finalReports.initiativeId,
      registryNumber: finalReports.registryNumber,
      content: finalReports.content,
    })
    .from(finalReports)
    .where(
      and(
        eq(finalReports.associationId, associationId),
        inArray(finalReports.initiativeId, ids),
        inArray(finalReports.status, ["inskickad", "last"]),
      ),
    );
  const granted = await q
    .select({ initiativeId: applications.initiativeId, content: applications.content })
    .from(applications)
    .where(
      and(
        eq(applications.associationId, associationId),
        inArray(applications.initiativeId, ids),
        eq(applications.status, "beviljad"),
      ),
    );
  const reportOf = new Map(reports.map((r) => [r.initiativeId, r]));
  const purposeOf = new Map(granted.map((a) => [a.initiativeId, a.content.purpose ?? ""]));
  return ended.map((initiative) => {
    const report = reportOf.get(initiative.id);
    const content = report ? finalReportContentOf(report.content) : null;
    const goals = content?.goals ?? [];
    const outcomeSummary = !content
      ? "Slutrapporten har inte kommit in."
      : goals.length === 0
        ? "Slutrapporten redovisar inga mål."
        : goals
            .map((g, i) => {
              const achieved = g.achieved ? ` Uppnått: ${ACHIEVED_LABELS[g.achieved]}.` : "";
              const outcome = plainText(g.outcome).replace(/\n/g, " ").trim();
              const figures = g.figures.trim();
              return `${KIND_WORDS[g.kind]} ${i + 1}, ${g.text.trim()}:${achieved}${outcome ? ` ${outcome}` : ""}${figures ? ` (${figures})` : ""}`;
            })
            .join(" ");
    return {
      ...refOf(initiative),
      owner: initiative.owner.name,
      partners: initiative.partners,
      startDate: initiative.startDate,
      endDate: initiative.endDate,
      purpose: plainText(content?.purpose ?? purposeOf.get(initiative.id) ?? "")
        .replace(/\n/g, " ")
        .trim(),
      outcomeSummary,
      finalReport: report
        ? {
            kind: "final_report" as const,
            id: report.id,
            label: report.registryNumber ? `Slutrapport ${report.registryNumber}` : "Slutrapport",
          }
        : null,
    };
  });
}
