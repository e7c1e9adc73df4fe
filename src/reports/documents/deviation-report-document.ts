// The deviation report as a document (domain/documents.md §3), laid out like the Word form it
// replaces: the initiative, the kind of deviation, its description, cause, consequence and
// measures, the request, and the decision by the office or the board. Every field appears,
// empty ones as —.
import {
  asciiSlug,
  type DocumentModel,
  type DocumentNode,
  dateLines,
  type Fact,
  lines,
  richBody,
} from "../../documents/layout.ts";
import { formatDate, formatMoney } from "../../platform/i18n/format.ts";
import {
  DECISION_BODY_LABELS,
  DEVIATION_FIELD_LABELS,
  DEVIATION_REQUEST_LABELS,
  DEVIATION_STATUS_LABELS,
  DEVIATION_TEXT_FIELDS,
  DEVIATION_TYPE_LABELS,
  DEVIATION_TYPES,
  type DeviationReportDetails,
} from "../deviation-reports.ts";
import { reportFooter, reportRegistration } from "./report-layout.ts";

export const DEVIATION_DOCUMENT_TITLE = "Avvikelserapport";

/** The document of one deviation report. */
export function deviationReportDocument(
  r: DeviationReportDetails,
  associationName: string,
): DocumentModel {
  const title = DEVIATION_DOCUMENT_TITLE;
  const name = r.initiativeName.trim() || "Insats utan namn";
  const label = (field: string) => DEVIATION_FIELD_LABELS[field] ?? field;
  const nodes: DocumentNode[] = [];

  nodes.push({ type: "section", title: "1. Allmänna uppgifter" });
  const time =
    r.initiativeStartDate || r.initiativeEndDate
      ? [
          `${r.initiativeStartDate ? formatDate(r.initiativeStartDate) : "—"} – ${r.initiativeEndDate ? formatDate(r.initiativeEndDate) : "—"}`,
        ]
      : [];
  nodes.push({
    type: "facts",
    facts: [
      { label: "Insats", lines: lines(r.initiativeName) },
      { label: "Insatsägare", lines: lines(r.ownerName) },
      // the initiative as it is now: an approved request may already have changed it
      { label: "Nuvarande insatstid", lines: time },
      { label: "Inskickad", lines: r.submittedAt ? [formatDate(r.submittedAt)] : [] },
    ],
  });

  nodes.push({ type: "section", title: "2. Avvikelsen" });
  // the kinds in the form's order, whichever order they were ticked in
  const types = DEVIATION_TYPES.filter((t) => r.types.includes(t)).map(
    (t) => DEVIATION_TYPE_LABELS[t],
  );
  nodes.push({ type: "facts", facts: [{ label: label("types"), lines: types }] });
  for (const field of DEVIATION_TEXT_FIELDS)
    nodes.push({ type: "field", label: label(field), body: richBody(r[field]) });

  nodes.push({ type: "section", title: "3. Begäran" });
  nodes.push({
    type: "facts",
    facts: [
      { label: label("request"), lines: [DEVIATION_REQUEST_LABELS[r.request] ?? r.request] },
      {
        label: r.request === "avslut_i_fortid" ? "Slutdatum" : label("requestedEndDate"),
        lines: dateLines(r.requestedEndDate),
      },
      { label: label("requestedTargetGroup"), lines: lines(r.requestedTargetGroup) },
      {
        label: label("requestedAmount"),
        lines: r.requestedAmount === null ? [] : [formatMoney(r.requestedAmount)],
      },
    ],
  });

  nodes.push({ type: "section", title: "4. Beslut" });
  const decision: Fact[] = [
    {
      label: "Beslut",
      lines:
        r.status === "godkand" || r.status === "avslagen"
          ? [DEVIATION_STATUS_LABELS[r.status]]
          : [],
    },
    {
      label: "Beslutat av",
      lines: r.decisionBody ? [DECISION_BODY_LABELS[r.decisionBody] ?? r.decisionBody] : [],
    },
    { label: "Beslutsdatum", lines: dateLines(r.decisionDate) },
    { label: "Möte", lines: lines(r.decisionMeeting) },
    { label: "Paragraf", lines: r.decisionParagraph ? [`§ ${r.decisionParagraph}`] : [] },
  ];
  nodes.push({ type: "facts", facts: decision });
  nodes.push({ type: "field", label: "Motivering", body: richBody(r.decisionMotivation) });

  const number = r.registryNumber ? asciiSlug(r.registryNumber) : "utkast";
  return {
    associationName,
    headerNote: title,
    title,
    name,
    registration: reportRegistration({
      registryNumber: r.registryNumber,
      arrivalDate: r.arrivalDate,
      statusLabel: DEVIATION_STATUS_LABELS[r.status],
    }),
    footer: reportFooter(`${name} · ${title}`, r.registryNumber),
    fileBaseName: [asciiSlug(title), number, asciiSlug(name)].filter(Boolean).join("-"),
    keywords: "avvikelserapport, rapport, samordningsförbund, Finsam",
    description: `${title} för ${name} till ${associationName}.`,
    nodes,
  };
}
