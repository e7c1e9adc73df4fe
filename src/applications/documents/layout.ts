// The application as a document, independent of the file format: the header, every section
// and field of the form in the order of APPLICATION_FIELDS, the agreement, the signatures and
// the decision. The shared writers of src/documents lay these nodes out as DOCX and PDF.

import {
  asciiSlug,
  type DocumentModel,
  type DocumentNode,
  EMPTY,
  type Fact,
  type FieldBody,
  type PartySignature,
  richBody,
  type TableModel,
  type TableRow,
} from "../../documents/layout.ts";
import { formatDate, formatNumber, formatPercent } from "../../platform/i18n/format.ts";
import { formatMoney, sumKronor } from "../../platform/money.ts";
import { parseRichText } from "../../platform/text/rich-text.ts";
import {
  APPLICATION_FIELDS,
  APPLICATION_STATUS_LABELS,
  type ApplicationContent,
  type ApplicationFieldKey,
  BUDGET_CATEGORIES,
  BUDGET_CATEGORY_LABELS,
  CO_FINANCING_KIND_LABELS,
  CO_FINANCING_KINDS,
  GOAL_KIND_LABELS,
} from "../content.ts";
import type { ApplicationDetails } from "../get-application.ts";

export const DOCUMENT_TITLE = "Ansökan om finansiering av insats";

export type ApplicationDocumentModel = DocumentModel;

const yesNo = (v: boolean | null) => (v === null ? EMPTY : v ? "Ja" : "Nej");
const date = (d: string | null | undefined) => (d ? formatDate(d) : EMPTY);
const money = (n: number) => formatMoney(n);
const rich = richBody;

/** The years the budget tables show: those of the planned period and any with amounts. */
export function budgetYears(c: ApplicationContent): number[] {
  const years = new Set<number>();
  for (const b of c.budget) years.add(b.year);
  for (const f of c.coFinancing) years.add(f.year);
  const start = c.startDate ? Number(c.startDate.slice(0, 4)) : null;
  const end = c.endDate ? Number(c.endDate.slice(0, 4)) : null;
  if (start && end && end >= start && end - start <= 10)
    for (let y = start; y <= end; y++) years.add(y);
  return [...years].sort((a, b) => a - b);
}

/** Requested funds: one row per cost category, one column per year, with sums both ways. */
export function budgetTable(c: ApplicationContent, years: number[]): TableModel | null {
  if (c.budget.length === 0) return null;
  const amount = (year: number, category: string) =>
    c.budget.filter((b) => b.year === year && b.category === category).map((b) => b.amount);
  const rows: TableRow[] = BUDGET_CATEGORIES.map((category) => {
    const perYear = years.map((y) => amount(y, category));
    const all = perYear.flat();
    return {
      cells: [
        BUDGET_CATEGORY_LABELS[category],
        ...perYear.map((a) => (a.length ? money(sumKronor(a)) : EMPTY)),
        all.length ? money(sumKronor(all)) : EMPTY,
      ],
    };
  });
  rows.push({
    total: true,
    cells: [
      "Summa",
      ...years.map((y) =>
        money(sumKronor(c.budget.filter((b) => b.year === y).map((b) => b.amount))),
      ),
      money(sumKronor(c.budget.map((b) => b.amount))),
    ],
  });
  return {
    columns: [
      { title: "Kostnadsslag", align: "left", weight: 1.6 },
      ...years.map((y) => ({ title: String(y), align: "right" as const, weight: 1.2 })),
      { title: "Summa", align: "right", weight: 1.3 },
    ],
    rows,
  };
}

/** Own financing and co-financing: one row per party and kind, one column per year. */
export function coFinancingTable(
  c: ApplicationContent,
  years: number[],
  orgName: (id: string) => string,
): TableModel | null {
  if (c.coFinancing.length === 0) return null;
  const parties = [c.ownerOrganisationId, ...c.partnerIds];
  for (const f of c.coFinancing)
    if (!parties.includes(f.organisationId)) parties.push(f.organisationId);
  const rows: TableRow[] = [];
  for (const organisationId of parties)
    for (const kind of CO_FINANCING_KINDS) {
      const entries = c.coFinancing.filter(
        (f) => f.organisationId === organisationId && f.kind === kind,
      );
      if (entries.length === 0) continue;
      const perYear = years.map((y) => entries.filter((f) => f.year === y).map((f) => f.amount));
      rows.push({
        cells: [
          orgName(organisationId),
          CO_FINANCING_KIND_LABELS[kind],
          ...perYear.map((a) => (a.length ? money(sumKronor(a)) : EMPTY)),
          money(sumKronor(entries.map((f) => f.amount))),
        ],
      });
    }
  rows.push({
    total: true,
    cells: [
      "Summa",
      "",
      ...years.map((y) =>
        money(sumKronor(c.coFinancing.filter((f) => f.year === y).map((f) => f.amount))),
      ),
      money(sumKronor(c.coFinancing.map((f) => f.amount))),
    ],
  });
  return {
    columns: [
      { title: "Part", align: "left", weight: 1.7 },
      { title: "Slag", align: "left", weight: 1.4 },
      ...years.map((y) => ({ title: String(y), align: "right" as const, weight: 1.2 })),
      { title: "Summa", align: "right", weight: 1.3 },
    ],
    rows,
  };
}

function goalTarget(g: ApplicationContent["goals"][number]): string {
  const parts: string[] = [];
  if (g.targetNumber !== null) parts.push(formatNumber(g.targetNumber));
  if (g.targetPercent !== null) parts.push(formatPercent(g.targetPercent / 100));
  return parts.length ? parts.join(", ") : EMPTY;
}

export function documentFileBaseName(a: Pick<ApplicationDetails, "registryNumber" | "content">) {
  const number = a.registryNumber ? asciiSlug(a.registryNumber) : "utkast";
  const name = asciiSlug(a.content.name);
  return ["Ansokan", number || "utkast", name].filter(Boolean).join("-");
}

/** The document of one application. */
export function applicationDocument(a: ApplicationDetails): ApplicationDocumentModel {
  const c = a.content;
  const orgName = (id: string) => a.orgName(id);
  const years = budgetYears(c);
  const name = c.name.trim() || "Ansökan utan namn";

  // each field as a short fact (label and value in a table) or a longer block of its own
  const fieldOf = (key: ApplicationFieldKey): { lines: string[] } | FieldBody => {
    switch (key) {
      case "name":
        return { lines: c.name.trim() ? [c.name.trim()] : [] };
      case "ownerOrganisationId":
        return { lines: c.ownerOrganisationId ? [orgName(c.ownerOrganisationId)] : [] };
      case "partnerIds":
        return { lines: c.partnerIds.map(orgName) };
      case "orientation":
        return {
          lines: [c.orientation === "structural" ? "Strukturövergripande" : "Individinriktad"],
        };
      case "preRehabilitation":
        return { lines: [yesNo(c.preRehabilitation)] };
      case "esf":
        return { lines: [yesNo(c.esf)] };
      case "goals":
        if (c.goals.length === 0) return { type: "text", text: EMPTY };
        return {
          type: "table",
          table: {
            columns: [
              { title: "Nr", align: "left", weight: 0.45 },
              { title: "Mål", align: "left", weight: 4.2 },
              { title: "Sort", align: "left", weight: 1.3 },
              { title: "Målvärde", align: "right", weight: 1.2 },
            ],
            rows: c.goals.map((g, i) => ({
              cells: [`${i + 1}`, g.text || EMPTY, GOAL_KIND_LABELS[g.kind], goalTarget(g)],
            })),
          },
        };
      case "startDate":
      case "endDate":
      case "lastIntakeDate":
        return { lines: c[key] ? [date(c[key])] : [] };
      case "expectedParticipants":
        return {
          lines:
            c.expectedParticipants === null
              ? []
              : [
                  c.expectedParticipantsOngoing
                    ? `${formatNumber(c.expectedParticipants)} löpande (samtidigt inskrivna)`
                    : `${formatNumber(c.expectedParticipants)} under hela perioden`,
                ],
        };
      case "localUnits":
        return {
          lines: c.localUnits.map((u) =>
            u.expectedParticipants === null
              ? u.name
              : `${u.name}: ${formatNumber(u.expectedParticipants)} deltagare`,
          ),
        };
      case "genderTargetWomenPercent":
        return {
          lines:
            c.genderTargetWomenPercent === null
              ? []
              : [
                  `${c.genderTargetWomenPercent}/${100 - c.genderTargetWomenPercent} (${formatPercent(c.genderTargetWomenPercent / 100)} kvinnor, ${formatPercent((100 - c.genderTargetWomenPercent) / 100)} män)`,
                ],
        };
      case "budget": {
        const table = budgetTable(c, years);
        return table ? { type: "table", table } : { type: "text", text: EMPTY };
      }
      case "coFinancing": {
        const table = coFinancingTable(c, years, orgName);
        return table ? { type: "table", table } : { type: "text", text: EMPTY };
      }
      case "anchored":
        return { lines: [yesNo(c.anchored)] };
      case "purpose":
      case "background":
      case "targetGroup":
      case "methods":
      case "followUp":
      case "implementation":
      case "anchoringDescription":
        return rich(c[key]);
    }
  };

  const nodes: DocumentNode[] = [];
  let section = "";
  let sectionNumber = 0;
  let facts: Fact[] | null = null;
  const flushFacts = () => {
    if (facts?.length) nodes.push({ type: "facts", facts });
    facts = null;
  };
  const startSection = (title: string) => {
    flushFacts();
    sectionNumber += 1;
    nodes.push({ type: "section", title: `${sectionNumber}. ${title}` });
  };
  for (const field of APPLICATION_FIELDS) {
    if (field.section !== section) {
      startSection(field.section);
      section = field.section;
    }
    const value = fieldOf(field.key);
    if ("lines" in value) {
      facts ??= [];
      facts.push({ label: field.label, lines: value.lines });
    } else {
      flushFacts();
      nodes.push({ type: "field", label: field.label, body: value });
    }
    if (field.key === "coFinancing") {
      // the whole budget at a glance, after its two tables
      const requested = sumKronor(c.budget.map((b) => b.amount));
      const own = sumKronor(c.coFinancing.map((f) => f.amount));
      if (c.budget.length || c.coFinancing.length)
        nodes.push({
          type: "facts",
          facts: [
            { label: "Sökta medel, totalt", lines: [money(requested)] },
            { label: "Egen- och medfinansiering, totalt", lines: [money(own)] },
            { label: "Insatsens budget, totalt", lines: [money(sumKronor([requested, own]))] },
          ],
        });
    }
  }
  flushFacts();

  startSection("Överenskommelse");
  nodes.push({ type: "text", blocks: parseRichText(a.settings.agreementText) });

  startSection("Underskrifter");
  nodes.push({
    type: "note",
    text: "En behörig företrädare för varje part skriver under. Med sin underskrift godkänner parten ansökan och överenskommelsen ovan.",
  });
  nodes.push({
    type: "signatures",
    parties: a.parties.map((p): PartySignature => {
      const s = p.signature;
      const role = p.isOwner ? "Insatsägare" : "Samverkanspart";
      if (s?.signedAt)
        return {
          organisation: p.name,
          role,
          note: null,
          signed: [
            { label: "Namn", lines: [s.signerName] },
            { label: "Datum", lines: [date(s.signedOn ?? formatDate(s.signedAt))] },
            { label: "Titel", lines: s.signerTitle ? [s.signerTitle] : [] },
            {
              label: "Underskrift",
              lines: [s.method === "link" ? "e-underskrift via länk" : "underskriven på papper"],
            },
            { label: "E-post", lines: s.signerEmail ? [s.signerEmail] : [] },
          ],
        };
      return {
        organisation: p.name,
        role,
        signed: null,
        note:
          s && s.method === "link"
            ? `Underskrift begärd av ${s.signerName}${s.signerEmail ? ` (${s.signerEmail})` : ""}, ännu inte gjord.`
            : null,
      };
    }),
  });

  if (a.decision) {
    startSection("Beslut");
    const granted = a.decision === "beviljad";
    const decisionFacts: Fact[] = [{ label: "Beslut", lines: [granted ? "Beviljad" : "Avslagen"] }];
    if (granted) {
      decisionFacts.push(
        {
          label: "Beviljat belopp",
          lines: a.decidedAmount === null ? [] : [money(a.decidedAmount)],
        },
        {
          label: "Beviljad period",
          lines:
            a.decidedStartDate || a.decidedEndDate
              ? [`${date(a.decidedStartDate)} – ${date(a.decidedEndDate)}`]
              : [],
        },
      );
    }
    decisionFacts.push(
      { label: "Beslutande möte", lines: a.decisionMeeting ? [a.decisionMeeting] : [] },
      { label: "Paragraf", lines: a.decisionParagraph ? [`§ ${a.decisionParagraph}`] : [] },
      { label: "Beslutsdatum", lines: a.decisionDate ? [date(a.decisionDate)] : [] },
    );
    nodes.push({ type: "facts", facts: decisionFacts });
    if (granted) nodes.push({ type: "field", label: "Villkor", body: rich(a.decisionConditions) });
  }

  const registration: Fact[] = [];
  if (a.registryNumber) registration.push({ label: "Diarienummer", lines: [a.registryNumber] });
  if (a.arrivalDate) registration.push({ label: "Ankomstdatum", lines: [date(a.arrivalDate)] });
  registration.push(
    { label: "Status", lines: [APPLICATION_STATUS_LABELS[a.status]] },
    { label: "Ansökans version", lines: [String(a.version)] },
  );

  const formVersion = a.formVersion || a.settings.formVersion;
  return {
    associationName: a.associationName,
    headerNote: `Blankett: ${formVersion}`,
    title: DOCUMENT_TITLE,
    name,
    registration,
    footer: a.registryNumber ? `${name} · Dnr ${a.registryNumber}` : `${name} · Utkast`,
    fileBaseName: documentFileBaseName(a),
    keywords: "ansökan, samordningsförbund, Finsam",
    description: `${DOCUMENT_TITLE} till ${a.associationName}, blankett ${formVersion}.`,
    nodes,
  };
}
