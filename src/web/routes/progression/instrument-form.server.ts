// The draft edit form of an instrument version as plain HTML fields, and back: every field is a
// string by name (items_2_text_ar, scale_min, …), with `item_count` and `subscale_count` saying
// how many rows there are. The page draws the form from such a map only — from the stored draft,
// or from what was posted when the server re-renders it (a question added or removed without
// JavaScript, or a refusal) — so nothing typed is lost.
import { data, type RouterContextProvider } from "react-router";
import type { Permission } from "../../../access/policy.ts";
import { NotFoundError } from "../../../platform/errors.ts";
import { MAX_ITEMS, MAX_SUBSCALES } from "../../../progression/instrument-limits.ts";
import { getInstrument, type InstrumentDetails } from "../../../progression/instruments.ts";
import {
  type InstrumentDefinition,
  PORTAL_LANGUAGES,
  type PortalLanguage,
  type Texts,
} from "../../../progression/model.ts";
import { type AssociationAccess, requireAssociation } from "../../guard.server.ts";
import { itemCount, subscaleCount } from "./instrument-fields.ts";

type Ctx = Readonly<RouterContextProvider>;

/** Who may see the instruments (read only), and who may change them. */
export const VIEW: Permission = "progression.results";
export const EDIT: Permission = "progression.instruments";

/** The association in the URL for a person who may see its instruments (or change them). */
export async function requireInstruments(
  context: Ctx,
  request: Request,
  slug: string | undefined,
  permission: Permission = VIEW,
): Promise<AssociationAccess & { canEdit: boolean }> {
  const access = await requireAssociation(context, request, slug, permission);
  return { ...access, canEdit: access.permissions.includes(EDIT) };
}

/** The instrument in the URL, or 404. */
export async function requireInstrument(
  access: AssociationAccess,
  instrumentId: string | undefined,
): Promise<InstrumentDetails> {
  try {
    return await getInstrument(access.state.services.db, access.association.id, instrumentId ?? "");
  } catch (error) {
    if (error instanceof NotFoundError) throw data({ message: error.message }, { status: 404 });
    throw error;
  }
}

const TOP_TEXTS = ["instructions", "min_label", "max_label"] as const;

/** The form's fields of a definition. */
export function definitionValues(d: InstrumentDefinition): Record<string, string> {
  const v: Record<string, string> = {
    respondent: d.respondent,
    scale_min: String(d.scale.min),
    scale_max: String(d.scale.max),
    method: d.scoring.method,
    min_answered_share: decimal(d.scoring.minAnsweredShare * 100),
    improvement: decimal(d.scoring.improvement),
    item_count: String(d.items.length),
    subscale_count: String(d.subscales.length),
  };
  const texts = (prefix: string, t: Texts) => {
    for (const lang of PORTAL_LANGUAGES) v[`${prefix}_${lang}`] = t[lang] ?? "";
  };
  texts("instructions", d.instructions);
  texts("min_label", d.scale.minLabel);
  texts("max_label", d.scale.maxLabel);
  d.subscales.forEach((s, i) => {
    v[`subscales_${i}_key`] = s.key;
    texts(`subscales_${i}_name`, s.name);
  });
  d.items.forEach((item, i) => {
    v[`items_${i}_key`] = item.key;
    v[`items_${i}_reverse`] = item.reverse ? "on" : "";
    v[`items_${i}_subscale`] = item.subscale ?? "";
    texts(`items_${i}_text`, item.text);
  });
  return v;
}

/** A number as the form shows it: Swedish decimal comma, at most four decimals. */
function decimal(n: number): string {
  return String(Math.round(n * 10_000) / 10_000).replace(".", ",");
}

/** A number typed in the form ("70", "0,5", "1.5"); NaN when it is not one. */
function parseNumber(s: string): number {
  const t = s.trim().replace(/\s/g, "").replace(",", ".");
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

/** Every field of the posted draft form, as the page draws it again. */
export function postedValues(form: FormData): Record<string, string> {
  const v: Record<string, string> = {};
  const get = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  for (const name of [
    "respondent",
    "scale_min",
    "scale_max",
    "method",
    "min_answered_share",
    "improvement",
    "item_count",
    "subscale_count",
    "version",
    "rev",
  ])
    v[name] = get(name);
  for (const prefix of TOP_TEXTS)
    for (const lang of PORTAL_LANGUAGES) v[`${prefix}_${lang}`] = get(`${prefix}_${lang}`);
  for (let i = 0; i < subscaleCount(v); i++) {
    v[`subscales_${i}_key`] = get(`subscales_${i}_key`);
    for (const lang of PORTAL_LANGUAGES)
      v[`subscales_${i}_name_${lang}`] = get(`subscales_${i}_name_${lang}`);
  }
  for (let i = 0; i < itemCount(v); i++) {
    v[`items_${i}_key`] = get(`items_${i}_key`);
    v[`items_${i}_reverse`] = get(`items_${i}_reverse`) === "on" ? "on" : "";
    v[`items_${i}_subscale`] = get(`items_${i}_subscale`);
    for (const lang of PORTAL_LANGUAGES)
      v[`items_${i}_text_${lang}`] = get(`items_${i}_text_${lang}`);
  }
  return v;
}

function textsOf(v: Record<string, string>, prefix: string): Texts {
  const out: Record<string, string> = { sv: (v[`${prefix}_sv`] ?? "").trim() };
  for (const lang of PORTAL_LANGUAGES) {
    if (lang === "sv") continue;
    const value = (v[`${prefix}_${lang}`] ?? "").trim();
    if (value) out[lang] = value;
  }
  return out as Texts;
}

/** The definition the form's fields describe (validation says what is wrong with it). */
export function valuesDefinition(v: Record<string, string>): InstrumentDefinition {
  const int = (s: string | undefined) => {
    const n = parseNumber(s ?? "");
    return Number.isInteger(n) ? n : Number.NaN;
  };
  return {
    respondent: v.respondent === "personal" ? "personal" : ("deltagare" as const),
    instructions: textsOf(v, "instructions"),
    scale: {
      min: int(v.scale_min),
      max: int(v.scale_max),
      minLabel: textsOf(v, "min_label"),
      maxLabel: textsOf(v, "max_label"),
    },
    subscales: Array.from({ length: subscaleCount(v) }, (_, i) => ({
      key: (v[`subscales_${i}_key`] ?? "").trim(),
      name: textsOf(v, `subscales_${i}_name`),
    })),
    items: Array.from({ length: itemCount(v) }, (_, i) => ({
      key: (v[`items_${i}_key`] ?? "").trim(),
      text: textsOf(v, `items_${i}_text`),
      reverse: v[`items_${i}_reverse`] === "on",
      subscale: (v[`items_${i}_subscale`] ?? "").trim() || null,
    })),
    scoring: {
      method: v.method === "summa" ? "summa" : "medel",
      minAnsweredShare: parseNumber(v.min_answered_share ?? "") / 100,
      improvement: parseNumber(v.improvement ?? ""),
    },
  };
}

/** A key not yet used by the form's rows: fraga_4, fraga_5, … */
function freshKey(v: Record<string, string>, rows: string, n: number, stem: string): string {
  const used = new Set(Array.from({ length: n }, (_, i) => v[`${rows}_${i}_key`]));
  for (let k = n + 1; ; k++) if (!used.has(`${stem}_${k}`)) return `${stem}_${k}`;
}

/** The fields of one row of `rows` (items or subscales) by their suffixes. */
function rowSuffixes(rows: "items" | "subscales"): string[] {
  const texts = PORTAL_LANGUAGES.map(
    (lang: PortalLanguage) => `${rows === "items" ? "text" : "name"}_${lang}`,
  );
  return rows === "items" ? ["key", "reverse", "subscale", ...texts] : ["key", ...texts];
}

/** Adds an empty row at the end; null when there is no room for more. */
export function addRow(
  v: Record<string, string>,
  rows: "items" | "subscales",
): Record<string, string> | null {
  const n = rows === "items" ? itemCount(v) : subscaleCount(v);
  if (n >= (rows === "items" ? MAX_ITEMS : MAX_SUBSCALES)) return null;
  const out = { ...v };
  for (const suffix of rowSuffixes(rows)) out[`${rows}_${n}_${suffix}`] = "";
  out[`${rows}_${n}_key`] = freshKey(v, rows, n, rows === "items" ? "fraga" : "delskala");
  out[rows === "items" ? "item_count" : "subscale_count"] = String(n + 1);
  return out;
}

/** Removes row `index` (0-based), moving the later ones up; a removed subscale's items get none. */
export function removeRow(
  v: Record<string, string>,
  rows: "items" | "subscales",
  index: number,
): Record<string, string> | null {
  const n = rows === "items" ? itemCount(v) : subscaleCount(v);
  if (!Number.isInteger(index) || index < 0 || index >= n) return null;
  const out = { ...v };
  const suffixes = rowSuffixes(rows);
  for (let i = index; i < n - 1; i++)
    for (const suffix of suffixes)
      out[`${rows}_${i}_${suffix}`] = v[`${rows}_${i + 1}_${suffix}`] ?? "";
  for (const suffix of suffixes) delete out[`${rows}_${n - 1}_${suffix}`];
  out[rows === "items" ? "item_count" : "subscale_count"] = String(n - 1);
  if (rows === "subscales") {
    const removed = v[`subscales_${index}_key`];
    for (let i = 0; i < itemCount(out); i++)
      if (out[`items_${i}_subscale`] === removed) out[`items_${i}_subscale`] = "";
  }
  return out;
}
