// The final report as a document (domain/documents.md §4), laid out like the Word form it
// replaces: the initiative as it was when the report was started, each goal's outcome (a table,
// then each outcome in words), equality, the changed need, the time, the target group, the
// participants by gender, the method, follow-up, continuation, returned funds, lessons per
// party and the parties' signatures (who signed, when and how; a request that waits; or lines
// to sign on). Every field appears, empty ones as —.
import { GOAL_KIND_LABELS } from "../../applications/content.ts";
import {
  asciiSlug,
  type DocumentModel,
  type DocumentNode,
  dateLines,
  EMPTY,
  lines,
  type PartySignature,
  richBody,
} from "../../documents/layout.ts";
import {
  formatDate,
  formatMoney,
  formatNumber,
  formatPercent,
} from "../../platform/i18n/format.ts";
import { parseRichText } from "../../platform/text/rich-text.ts";
import {
  ACHIEVED_LABELS,
  FINAL_REPORT_STATUS_LABELS,
  type FinalReportGoal,
  FINAL_REPORT_LABELS as L,
  ORIENTATION_LABELS,
  participantTotal,
  SIGNATURE_METHOD_LABELS,
  YES_NO_LABELS,
} from "../final-report-content.ts";
import type { FinalReportDetails } from "../final-reports.ts";
import { reportFooter, reportRegistration } from "./report-layout.ts";

export const FINAL_DOCUMENT_TITLE = "Slutrapport";

function goalTarget(g: FinalReportGoal): string {
  const parts: string[] = [];
  if (g.targetNumber !== null) parts.push(formatNumber(g.targetNumber));
  if (g.targetPercent !== null) parts.push(formatPercent(g.targetPercent / 100));
  return parts.length ? parts.join(", ") : EMPTY;
}

const count = (n: number | null) => (n === null ? EMPTY : formatNumber(n));

/** The document of one final report. */
export function finalReportDocument(r: FinalReportDetails, associationName: string): DocumentModel {
  const c = r.content;
  const title = FINAL_DOCUMENT_TITLE;
  const name = (c.initiativeName || r.initiativeName).trim() || "Insats utan namn";
  const field = (label: string, text: string, level?: 3) =>
    ({ type: "field", label, body: richBody(text), ...(level ? { level } : {}) }) as DocumentNode;
  const nodes: DocumentNode[] = [];
  let number = 0;
  const section = (heading: string) =>
    nodes.push({ type: "section", title: `${++number}. ${heading}` });

  section("Insatsen");
  nodes.push({
    type: "facts",
    facts: [
      { label: L.initiativeName, lines: lines(c.initiativeName || r.initiativeName) },
      { label: "Ansökans diarienummer", lines: lines(c.applicationRegistryNumber) },
      { label: L.ownerName, lines: lines(c.ownerName) },
      { label: L.partners, lines: c.parties.filter((p) => !p.isOwner).map((p) => p.name) },
      { label: L.orientation, lines: [ORIENTATION_LABELS[c.orientation]] },
      { label: "Inskickad", lines: r.submittedAt ? [formatDate(r.submittedAt)] : [] },
    ],
  });
  nodes.push(field(L.purpose, c.purpose));

  section(L.goals);
  if (c.goals.length === 0) nodes.push({ type: "text", blocks: [] });
  else {
    nodes.push({
      type: "table",
      table: {
        columns: [
          { title: "Nr", align: "left", weight: 0.45 },
          { title: "Mål", align: "left", weight: 3.2 },
          { title: "Målvärde", align: "right", weight: 1.1 },
          { title: L.achieved, align: "left", weight: 1 },
          { title: L.figures, align: "left", weight: 2.4 },
        ],
        rows: c.goals.map((g, i) => ({
          cells: [
            `${i + 1}`,
            g.text || EMPTY,
            goalTarget(g),
            g.achieved ? ACHIEVED_LABELS[g.achieved] : EMPTY,
            g.figures.trim() || EMPTY,
          ],
          notes: ["", GOAL_KIND_LABELS[g.kind], "", "", ""],
        })),
      },
    });
    c.goals.forEach((g, i) => {
      nodes.push(field(`${L.outcome}, mål ${i + 1}: ${g.text || EMPTY}`, g.outcome, 3));
    });
  }

  section(L.equality);
  nodes.push({ type: "text", blocks: parseRichText(c.equality) });

  section(L.changedNeed);
  nodes.push(field(L.needDescribed, c.needDescribed));
  nodes.push(field(L.changedNeed, c.changedNeed));

  section(L.time);
  nodes.push({
    type: "facts",
    facts: [
      { label: L.plannedStartDate, lines: dateLines(c.plannedStartDate) },
      { label: L.plannedEndDate, lines: dateLines(c.plannedEndDate) },
      { label: L.actualStartDate, lines: dateLines(c.actualStartDate) },
      { label: L.actualEndDate, lines: dateLines(c.actualEndDate) },
    ],
  });
  nodes.push(field(L.timeChangeReason, c.timeChangeReason));

  section(L.targetGroup);
  nodes.push(field(L.targetGroupDefined, c.targetGroupDefined));
  nodes.push(field(L.targetGroupChange, c.targetGroupChange));

  section(L.participants);
  const p = c.participants;
  if (p.feasibilityStudy)
    nodes.push({ type: "facts", facts: [{ label: L.participants, lines: [L.feasibilityStudy] }] });
  else {
    const total = participantTotal(p);
    nodes.push({
      type: "table",
      table: {
        columns: [
          { title: "Kön", align: "left", weight: 3 },
          { title: "Antal", align: "right", weight: 1 },
        ],
        rows: [
          { cells: [L.women, count(p.women)] },
          { cells: [L.men, count(p.men)] },
          { cells: [L.otherOrNotStated, count(p.otherOrNotStated)] },
          { cells: [L.total, count(total)], total: true },
        ],
      },
    });
  }

  section(L.method);
  nodes.push(field(L.methodDefined, c.methodDefined));
  nodes.push(field(L.methodChange, c.methodChange));
  nodes.push({
    type: "facts",
    facts: [
      {
        label: L.methodAsIntended,
        lines: c.methodAsIntended ? [ACHIEVED_LABELS[c.methodAsIntended]] : [],
      },
    ],
  });
  nodes.push(field(L.methodAsIntendedText, c.methodAsIntendedText));

  section(L.followUp);
  nodes.push(field(L.followUpPlanned, c.followUpPlanned));
  nodes.push(field("Hur målen följts upp", c.followUp));

  section(L.continuation);
  nodes.push(field(L.continuationPlanned, c.continuationPlanned));
  nodes.push(field("Hur resultaten tas tillvara", c.continuation));

  section(L.returnedFunds);
  const f = c.returnedFunds;
  nodes.push({
    type: "facts",
    facts: [
      { label: L.returned, lines: f.returned ? [YES_NO_LABELS[f.returned]] : [] },
      { label: L.amount, lines: f.amount === null ? [] : [formatMoney(f.amount)] },
    ],
  });
  nodes.push(field(L.reason, f.reason));
  nodes.push(field(L.consequences, f.consequences));

  const parties = r.parties;
  section(L.lessons);
  if (parties.length === 0) nodes.push({ type: "text", blocks: [] });
  for (const { party, lesson } of parties)
    nodes.push(field(party.isOwner ? `${party.name} (insatsägare)` : party.name, lesson));

  section(L.signatures);
  nodes.push({
    type: "note",
    text: "En behörig företrädare för varje part skriver under slutrapporten.",
  });
  if (parties.length === 0) nodes.push({ type: "text", blocks: [] });
  nodes.push({
    type: "signatures",
    parties: parties.map(({ party, signature: s }): PartySignature => {
      const organisation = party.name;
      const role = party.isOwner ? "Insatsägare" : "Samverkanspart";
      if (s?.state === "signed")
        return {
          organisation,
          role,
          note: null,
          signed: [
            { label: L.signerName, lines: [s.signerName] },
            { label: L.signedOn, lines: dateLines(s.signedOn) },
            { label: L.signerTitle, lines: lines(s.signerTitle) },
            { label: L.signedHow, lines: s.method ? [SIGNATURE_METHOD_LABELS[s.method]] : [] },
            { label: L.signerEmail, lines: lines(s.signerEmail) },
          ],
        };
      return {
        organisation,
        role,
        signed: null,
        note:
          s?.state === "requested"
            ? `Underskrift begärd av ${s.signerName}${s.signerEmail ? ` (${s.signerEmail})` : ""}, ännu inte gjord.`
            : null,
      };
    }),
  });

  const fileNumber = r.registryNumber ? asciiSlug(r.registryNumber) : "utkast";
  return {
    associationName,
    headerNote: title,
    title,
    name,
    registration: reportRegistration({
      registryNumber: r.registryNumber,
      arrivalDate: r.arrivalDate,
      statusLabel: FINAL_REPORT_STATUS_LABELS[r.status],
    }),
    footer: reportFooter(`${name} · ${title}`, r.registryNumber),
    fileBaseName: [asciiSlug(title), fileNumber, asciiSlug(name)].filter(Boolean).join("-"),
    keywords: "slutrapport, rapport, samordningsförbund, Finsam",
    description: `${title} för ${name} till ${associationName}.`,
    nodes,
  };
}
