// A readable difference between two versions of an application: each field as the lines a
// person reads (organisation names, not ids; "60 %", not 60), and for each changed field the
// lines removed and added, in order.
import { formatMoney } from "../platform/money.ts";
import {
  APPLICATION_FIELDS,
  type ApplicationContent,
  BUDGET_CATEGORY_LABELS,
  CO_FINANCING_KIND_LABELS,
  GOAL_KIND_LABELS,
} from "./content.ts";

const yesNo = (v: boolean | null) => (v === null ? "" : v ? "Ja" : "Nej");

/** Each field of the content as lines of text, in the form's order. */
export function describeContent(
  c: ApplicationContent,
  orgName: (id: string) => string,
): Array<{ key: string; label: string; lines: string[] }> {
  const text = (s: string) => (s.trim() ? s.split(/\r?\n/) : []);
  const value = (key: (typeof APPLICATION_FIELDS)[number]["key"]): string[] => {
    switch (key) {
      case "ownerOrganisationId":
        return c.ownerOrganisationId ? [orgName(c.ownerOrganisationId)] : [];
      case "partnerIds":
        return c.partnerIds.map(orgName).sort((a, b) => a.localeCompare(b, "sv"));
      case "orientation":
        return [c.orientation === "structural" ? "Strukturövergripande" : "Individinriktad"];
      case "preRehabilitation":
        return [yesNo(c.preRehabilitation)];
      case "esf":
        return [yesNo(c.esf)];
      case "goals":
        return c.goals.map((g, i) => {
          const target = [
            g.targetNumber !== null ? `${g.targetNumber}` : "",
            g.targetPercent !== null ? `${g.targetPercent} %` : "",
          ]
            .filter(Boolean)
            .join(", ");
          return `${i + 1}. ${g.text} (${GOAL_KIND_LABELS[g.kind]}${target ? `, mål: ${target}` : ""})`;
        });
      case "expectedParticipants":
        return c.expectedParticipants === null
          ? []
          : [`${c.expectedParticipants}${c.expectedParticipantsOngoing ? " löpande" : ""}`];
      case "localUnits":
        return c.localUnits.map(
          (u) => `${u.name}${u.expectedParticipants !== null ? `: ${u.expectedParticipants}` : ""}`,
        );
      case "genderTargetWomenPercent":
        return c.genderTargetWomenPercent === null
          ? []
          : [`${c.genderTargetWomenPercent} % kvinnor / ${100 - c.genderTargetWomenPercent} % män`];
      case "budget":
        return c.budget.map(
          (b) => `${b.year} ${BUDGET_CATEGORY_LABELS[b.category]}: ${formatMoney(b.amount)}`,
        );
      case "coFinancing":
        return c.coFinancing.map(
          (f) =>
            `${f.year} ${orgName(f.organisationId)}, ${CO_FINANCING_KIND_LABELS[f.kind].toLowerCase()}: ${formatMoney(f.amount)}`,
        );
      case "anchored":
        return c.anchored === null ? [] : [yesNo(c.anchored)];
      case "startDate":
      case "endDate":
      case "lastIntakeDate":
        return c[key] ? [c[key] as string] : [];
      default:
        return text(String(c[key] ?? ""));
    }
  };
  return APPLICATION_FIELDS.map((f) => ({ key: f.key, label: f.label, lines: value(f.key) }));
}

export type DiffLine = { op: "same" | "removed" | "added"; text: string };

/** Line diff by longest common subsequence; fine for form fields of at most a few hundred lines. */
export function diffLines(before: string[], after: string[]): DiffLine[] {
  const n = before.length;
  const m = after.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] =
        before[i] === after[j]
          ? lcs[i + 1]![j + 1]! + 1
          : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (before[i] === after[j]) {
      out.push({ op: "same", text: before[i]! });
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) out.push({ op: "removed", text: before[i++]! });
    else out.push({ op: "added", text: after[j++]! });
  }
  while (i < n) out.push({ op: "removed", text: before[i++]! });
  while (j < m) out.push({ op: "added", text: after[j++]! });
  return out;
}

export interface FieldChange {
  key: string;
  label: string;
  before: string[];
  after: string[];
  lines: DiffLine[];
}

/** The fields that differ between two contents, each with its line diff. */
export function diffContent(
  before: ApplicationContent,
  after: ApplicationContent,
  orgName: (id: string) => string,
): FieldChange[] {
  const a = describeContent(before, orgName);
  const b = describeContent(after, orgName);
  return b.flatMap((field, i) => {
    const old = a[i]!.lines;
    if (JSON.stringify(old) === JSON.stringify(field.lines)) return [];
    return [
      {
        key: field.key,
        label: field.label,
        before: old,
        after: field.lines,
        lines: diffLines(old, field.lines),
      },
    ];
  });
}
