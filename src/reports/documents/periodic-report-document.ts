// The periodic report as a document (domain/documents.md §2), laid out like the Word form it
// replaces: 1 Allmänna uppgifter, 2 Aktivitetsrapport with 2.1–2.6 (2.4 the goals as a table),
// the status questions as a table, 3 Uppgiftslämnare. Every field appears, empty ones as —.
import {
  asciiSlug,
  type DocumentModel,
  type DocumentNode,
  dateLines,
  EMPTY,
  lines,
  richBody,
} from "../../documents/layout.ts";
import { formatDate } from "../../platform/i18n/format.ts";
import {
  ANSWER_LABELS,
  PERIODIC_STATUS_LABELS,
  PERIODIC_TEXT_FIELDS,
  STATUS_QUESTIONS,
  STEERING_TEXT_FIELDS,
} from "../periodic-report-content.ts";
import type { PeriodicReportDetails } from "../periodic-reports.ts";
import { reportFooter, reportRegistration } from "./report-layout.ts";

/** Marks an answer Samspår gives from its own data (meetings, attendance, reports). */
export const DERIVED_MARK = "hämtat från Samspår";
/** Marks "Startade insatsen i tid?" answered Ja in an earlier report and carried since. */
export const CARRIED_MARK = "besvarad i en tidigare rapport";

/** "Kvartalsrapport" for a quarter ("2026-K1"), "Tertialrapport" for a tertial ("2026-T2"). */
export function periodicReportTitle(periodKey: string): string {
  return /-T\d+$/.test(periodKey) ? "Tertialrapport" : "Kvartalsrapport";
}

/** "2026-K1" → "Kvartal 1 2026", "2026-T3" → "Tertial 3 2026"; anything else as it is. */
export function periodLabel(periodKey: string): string {
  const m = /^(\d{4})-([KT])(\d+)$/.exec(periodKey);
  if (!m) return periodKey;
  return `${m[2] === "K" ? "Kvartal" : "Tertial"} ${m[3]} ${m[1]}`;
}

const answerText = (code: string | null | undefined) =>
  code ? (ANSWER_LABELS[code] ?? code) : EMPTY;
const orEmpty = (text: string | null | undefined) => text?.trim() || EMPTY;

/** The document of one periodic report. */
export function periodicReportDocument(
  r: PeriodicReportDetails,
  associationName: string,
): DocumentModel {
  const c = r.content;
  const title = periodicReportTitle(r.periodKey);
  const period = periodLabel(r.periodKey);
  const name = r.initiativeName.trim() || "Insats utan namn";
  const nodes: DocumentNode[] = [];

  nodes.push({ type: "section", title: "1. Allmänna uppgifter" });
  nodes.push({
    type: "facts",
    facts: [
      { label: "Insats", lines: lines(r.initiativeName) },
      { label: "Insatsägare", lines: lines(r.ownerName) },
      {
        label: "Rapportperiod",
        lines: [`${period}, ${formatDate(r.periodStart)} – ${formatDate(r.periodEnd)}`],
      },
      { label: "Sista dag att lämna in", lines: dateLines(r.dueDate) },
      {
        label: "Inskickad",
        lines: r.submittedAt ? [formatDate(r.submittedAt)] : [],
      },
    ],
  });

  nodes.push({ type: "section", title: "2. Aktivitetsrapport" });
  const text = (key: (typeof PERIODIC_TEXT_FIELDS)[number]["key"]) => c[key];
  for (const f of PERIODIC_TEXT_FIELDS.filter((f) => f.section !== "2.5"))
    nodes.push({ type: "field", label: `${f.section} ${f.label}`, body: richBody(text(f.key)) });

  nodes.push({
    type: "field",
    label: "2.4 Mål och delmål",
    body: c.goals.length
      ? {
          type: "table",
          table: {
            columns: [
              { title: "Nr", align: "left", weight: 0.45 },
              { title: "Mål", align: "left", weight: 3 },
              { title: "Bedömning", align: "left", weight: 1.5 },
              { title: "Kommentar", align: "left", weight: 3.2 },
            ],
            rows: c.goals.map((g, i) => ({
              cells: [
                `${i + 1}`,
                orEmpty(g.goalText),
                answerText(g.assessment),
                orEmpty(g.comment),
              ],
            })),
          },
        }
      : { type: "text", text: EMPTY },
  });

  nodes.push({ type: "heading", title: "2.5 Sammanfattande bedömning" });
  for (const f of PERIODIC_TEXT_FIELDS.filter((f) => f.section === "2.5"))
    nodes.push({ type: "field", label: f.label, body: richBody(text(f.key)), level: 3 });

  nodes.push({ type: "heading", title: "2.6 Styrgruppens analys" });
  const analysis = r.steeringAnalysis;
  for (const f of STEERING_TEXT_FIELDS)
    nodes.push({ type: "field", label: f.label, body: richBody(analysis?.[f.key]), level: 3 });
  nodes.push({
    type: "facts",
    facts: [
      { label: "Analysen skriven av", lines: lines(analysis?.writtenBy) },
      { label: "Datum", lines: dateLines(analysis?.writtenOn) },
    ],
  });

  nodes.push({ type: "heading", title: "Statusfrågor" });
  nodes.push({
    type: "note",
    text: `Svar märkta ”${DERIVED_MARK}” bygger på uppgifter i Samspår: styrgruppens möten och närvaro, avvikelserapporter och tidigare rapporter.`,
  });
  nodes.push({
    type: "table",
    table: {
      columns: [
        { title: "Fråga", align: "left", weight: 3 },
        { title: "Svar", align: "left", weight: 1.7 },
        { title: "Kommentar", align: "left", weight: 3 },
      ],
      rows: STATUS_QUESTIONS.map((q) => {
        const given = c.answers[q.key];
        const derived = "derived" in q && q.derived ? r.derived[q.key] : undefined;
        // an open derived question shows what Samspår would fill in at submission
        const proposed = !given?.answer ? derived : undefined;
        const mark =
          "derived" in q && q.derived
            ? DERIVED_MARK
            : q.key === "startedOnTime" && r.startedOnTimeCarried
              ? CARRIED_MARK
              : "";
        const comment = [given?.comment?.trim(), proposed ? `Underlag: ${proposed.basis}` : ""]
          .filter(Boolean)
          .join("\n");
        return {
          cells: [q.label, answerText(given?.answer ?? proposed?.answer), comment || EMPTY],
          notes: ["", mark, ""],
        };
      }),
    },
  });

  nodes.push({ type: "section", title: "3. Uppgiftslämnare" });
  nodes.push({
    type: "facts",
    facts: [
      { label: "Namn", lines: lines(c.reportedBy) },
      { label: "Datum", lines: dateLines(c.reportedOn) },
    ],
  });

  const number = r.registryNumber ? asciiSlug(r.registryNumber) : "";
  return {
    associationName,
    headerNote: `${title}, ${period.toLowerCase()}`,
    title,
    name,
    registration: reportRegistration({
      registryNumber: r.registryNumber,
      arrivalDate: r.arrivalDate,
      receivedByInitials: r.receivedByInitials,
      statusLabel: PERIODIC_STATUS_LABELS[r.status],
    }),
    footer: reportFooter(`${name} · ${period}`, r.registryNumber),
    fileBaseName: [asciiSlug(title), r.periodKey, number, asciiSlug(name)]
      .filter(Boolean)
      .join("-"),
    keywords: `${title.toLowerCase()}, rapport, samordningsförbund, Finsam`,
    description: `${title} för ${name}, ${period.toLowerCase()}, till ${associationName}.`,
    nodes,
  };
}
