// The association's own money of a year (domain/finance.md): the members' allocated funds
// (tilldelade medel) and how they split, the equity carried in, and the budget and outcome of
// the office's administrative costs; and from these with the initiatives' outcome, the computed
// equity at the end of the year.
//
// The split (lag om finansiell samordning): Försäkringskassan pays ½ — for itself and for
// Arbetsförmedlingen, whose own share is therefore 0 — the region(s) ¼ and the municipalities ¼.
// Within the regions' and the municipalities' quarter the parts follow the year's key (usually
// population) or, without keys, are equal. Every part is whole kronor from allocateKronor, so the
// parts always add up to the total: no krona lost or invented.
//
// The computed equity at the end of the year (ADR 0010):
//
//   eget kapital vid årets slut = eget kapital vid årets början
//                               + tilldelade medel
//                               + återförda medel (avser året)
//                               − insatsernas godkända utfall av förbundsmedel (årets perioder)
//                               − administrativa kostnader (utfall; budgeten så länge utfall saknas)
//
// Co-financing is the parties' own money and never touches the association's equity. Approved
// requisitions never change, so money an initiative pays back (returned funds) is income of its
// own and is added, not netted against the outcome.
import { and, asc, eq } from "drizzle-orm";
import { type MEMBER_ORGANISATION_KINDS, memberOrganisations } from "../associations/schema.ts";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { ConflictError, ValidationError } from "../platform/errors.ts";
import { allocateKronor, parseKronor, parseSignedKronor, sumKronor } from "../platform/money.ts";
import { type AssociationMoney, associationMoney } from "./outcome.ts";
import { fundingShares, fundingYears } from "./schema.ts";

/** The groups of the split and their shares of the total, in halves and quarters. */
export const FUNDING_GROUPS = ["forsakringskassan", "region", "kommun"] as const;
export type FundingGroup = (typeof FUNDING_GROUPS)[number];
const GROUP_WEIGHTS = [2, 1, 1] as const;
export const GROUP_SHARE: Record<FundingGroup, "1/2" | "1/4"> = {
  forsakringskassan: "1/2",
  region: "1/4",
  kommun: "1/4",
};
/** The member kinds whose part is split by a key: the regions and the municipalities. */
export const KEYED_KINDS = ["region", "kommun"] as const;

export const GROUP_NAMES: Record<FundingGroup, string> = {
  forsakringskassan: "Försäkringskassan",
  region: "regionen",
  kommun: "kommunerna",
};

const KIND_NAMES: Record<FundingGroup, string> = {
  forsakringskassan: "Försäkringskassan",
  region: "region",
  kommun: "kommun",
};

export interface FundingMember {
  organisationId: string;
  name: string;
  kind: (typeof MEMBER_ORGANISATION_KINDS)[number];
  /** The member's key of the year (population); null when none is given. */
  keyValue: number | null;
}

/**
 * How one member's part was decided: `half` (Försäkringskassan), `key` or `equal` (within the
 * regions' or municipalities' quarter), `paidByFk` (Arbetsförmedlingen), `missingKey` (the group
 * is split by key but this member has none: 0 until one is given), `notMember` (kind "annan").
 */
export type SplitBasis = "half" | "key" | "equal" | "paidByFk" | "missingKey" | "notMember";

export interface FundingSplitRow extends FundingMember {
  group: FundingGroup | "arbetsformedlingen" | "annan";
  basis: SplitBasis;
  amount: number;
}

export interface FundingGroupSplit {
  group: FundingGroup;
  share: "1/2" | "1/4";
  amount: number;
  members: number;
  byKey: boolean;
  /** The sum of the group's keys, when split by key. */
  keyTotal: number;
}

export interface FundingSplit {
  total: number;
  groups: FundingGroupSplit[];
  rows: FundingSplitRow[];
  /** Money of a group without members (or whose members all lack a key): not assigned to anyone. */
  unassigned: number;
}

const GROUP_ORDER: Record<string, number> = {
  forsakringskassan: 0,
  arbetsformedlingen: 1,
  region: 2,
  kommun: 3,
  annan: 4,
};

/**
 * The split of a year's total over the members. A group is split by key when any of its members
 * has a key; a member without one then gets 0 (`missingKey`) — saveFundingYear refuses that, so
 * it only shows for a member added after the keys were saved. The parts and `unassigned` always
 * add up to the total.
 */
export function fundingSplit(total: number, members: readonly FundingMember[]): FundingSplit {
  const groupAmounts = allocateKronor(total, [...GROUP_WEIGHTS]);
  const rows: FundingSplitRow[] = [];
  const groups: FundingGroupSplit[] = [];
  let unassigned = 0;
  FUNDING_GROUPS.forEach((group, g) => {
    const amount = groupAmounts[g] ?? 0;
    const inGroup = members.filter((m) => m.kind === group);
    const byKey = group !== "forsakringskassan" && inGroup.some((m) => m.keyValue !== null);
    const keyed = byKey ? inGroup.filter((m) => m.keyValue !== null) : inGroup;
    const keyTotal = byKey ? sumKronor(keyed.map((m) => m.keyValue ?? 0)) : 0;
    groups.push({
      group,
      share: GROUP_SHARE[group],
      amount,
      members: inGroup.length,
      byKey,
      keyTotal,
    });
    // keys that are all 0 give equal parts (allocateKronor), which is what a person expects
    const parts = keyed.length
      ? allocateKronor(
          amount,
          keyed.map((m) => (byKey ? (m.keyValue ?? 0) : 1)),
        )
      : [];
    if (!keyed.length) unassigned += amount;
    for (const m of inGroup) {
      const i = keyed.indexOf(m);
      rows.push({
        ...m,
        group,
        basis:
          group === "forsakringskassan"
            ? "half"
            : i < 0
              ? "missingKey"
              : byKey && keyTotal > 0
                ? "key"
                : "equal",
        amount: i < 0 ? 0 : (parts[i] ?? 0),
      });
    }
  });
  for (const m of members) {
    if (m.kind === "arbetsformedlingen")
      rows.push({ ...m, group: "arbetsformedlingen", basis: "paidByFk", amount: 0 });
    else if (m.kind === "annan") rows.push({ ...m, group: "annan", basis: "notMember", amount: 0 });
  }
  rows.sort(
    (a, b) =>
      (GROUP_ORDER[a.group] ?? 9) - (GROUP_ORDER[b.group] ?? 9) ||
      a.name.localeCompare(b.name, "sv"),
  );
  return { total, groups, rows, unassigned };
}

/** The rule behind a member's part, in Swedish (the workbook and the national figures). */
export function splitRuleText(row: FundingSplitRow, split: FundingSplit): string {
  const group = split.groups.find((g) => g.group === row.group);
  switch (row.basis) {
    case "half":
      return "Hälften av de tilldelade medlen; betalar också Arbetsförmedlingens del.";
    case "paidByFk":
      return "0 kr: Försäkringskassan betalar Arbetsförmedlingens del.";
    case "notMember":
      return "Ingår inte i fördelningen av medlen.";
    case "missingKey":
      return `Nyckel saknas för året; får 0 kr tills nyckeln är angiven.`;
    case "key":
      return `Del av ${GROUP_NAMES[row.group as FundingGroup]}s fjärdedel efter nyckel: ${row.keyValue ?? 0} av ${group?.keyTotal ?? 0}.`;
    case "equal":
      return group?.members === 1
        ? `Hela ${GROUP_NAMES[row.group as FundingGroup]}s fjärdedel.`
        : `Lika del av ${GROUP_NAMES[row.group as FundingGroup]}s fjärdedel (${group?.members ?? 0} medlemmar).`;
  }
}

export interface FundingYear {
  associationId: string;
  year: number;
  /** False until the year's funds have been entered: the figures are then zeros. */
  saved: boolean;
  totalAllocation: number;
  equityOpening: number;
  adminBudget: number;
  adminOutcome: number | null;
  note: string;
  version: number;
  updatedAt: Date | null;
  members: FundingMember[];
  split: FundingSplit;
}

export async function getFundingYear(
  q: Queryable,
  associationId: string,
  year: number,
): Promise<FundingYear> {
  const [row] = await q
    .select()
    .from(fundingYears)
    .where(and(eq(fundingYears.associationId, associationId), eq(fundingYears.year, year)));
  const orgs = await q
    .select({
      id: memberOrganisations.id,
      name: memberOrganisations.name,
      kind: memberOrganisations.kind,
    })
    .from(memberOrganisations)
    .where(eq(memberOrganisations.associationId, associationId))
    .orderBy(asc(memberOrganisations.name), asc(memberOrganisations.id));
  const shares = await q
    .select({ organisationId: fundingShares.organisationId, keyValue: fundingShares.keyValue })
    .from(fundingShares)
    .where(and(eq(fundingShares.associationId, associationId), eq(fundingShares.year, year)));
  const keys = new Map(shares.map((s) => [s.organisationId, s.keyValue]));
  const members: FundingMember[] = orgs.map((o) => ({
    organisationId: o.id,
    name: o.name,
    kind: o.kind,
    keyValue: keys.get(o.id) ?? null,
  }));
  const total = row?.totalAllocation ?? 0;
  return {
    associationId,
    year,
    saved: Boolean(row),
    totalAllocation: total,
    equityOpening: row?.equityOpening ?? 0,
    adminBudget: row?.adminBudget ?? 0,
    adminOutcome: row?.adminOutcome ?? null,
    note: row?.note ?? "",
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt ?? null,
    members,
    split: fundingSplit(total, members),
  };
}

export interface FundingYearInput {
  totalAllocation: string | number | null | undefined;
  equityOpening: string | number | null | undefined;
  adminBudget: string | number | null | undefined;
  adminOutcome?: string | number | null | undefined;
  note?: string | null | undefined;
  /** The key of each region and municipality (by organisation id); empty: equal parts. */
  keys?: Record<string, string | number | null | undefined>;
}

const AMOUNT_HINT = "Skriv beloppet i hela kronor med siffror, till exempel 12 500 000.";

/** A key: a whole number, 0 or more, spaces allowed ("242 140"); null when empty. */
function parseKey(value: string | number | null | undefined): number | null | "invalid" {
  if (value === null || value === undefined) return null;
  if (typeof value === "number")
    return Number.isSafeInteger(value) && value >= 0 ? value : "invalid";
  const text = value.replace(/[\s\u00a0\u202f]/g, "");
  if (text === "") return null;
  if (!/^\d+$/.test(text)) return "invalid";
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : "invalid";
}

export const validYear = (year: number) => Number.isInteger(year) && year >= 2000 && year <= 2100;

/**
 * Saves a year's funds and keys at the version read (0 for a year not saved before). Refused
 * with the field named: a missing or non-numeric amount, a negative one (only the equity may be
 * negative), a key that is not a whole number, keys for only some of a group's members, or a
 * split that cannot be made because the association lacks a member kind.
 */
export async function saveFundingYear(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  year: number,
  expectedVersion: number,
  input: FundingYearInput,
): Promise<FundingYear> {
  const problems: Record<string, string> = {};
  if (!validYear(year)) problems.year = "Året ska vara ett årtal mellan 2000 och 2100.";
  const required = (
    field: string,
    value: number | null | "invalid",
    empty: string,
  ): number | undefined => {
    if (value === null) problems[field] = empty;
    else if (value === "invalid") problems[field] = `${AMOUNT_HINT} Minusbelopp går inte här.`;
    else return value;
    return undefined;
  };
  const totalAllocation = required(
    "totalAllocation",
    parseKronor(input.totalAllocation),
    "Fyll i de tilldelade medlen för året, i hela kronor.",
  );
  const equityRaw = parseSignedKronor(input.equityOpening);
  let equityOpening: number | undefined;
  if (equityRaw === null)
    problems.equityOpening =
      "Fyll i det egna kapitalet vid årets början. Skriv 0 om förbundet inte har något.";
  else if (equityRaw === "invalid")
    problems.equityOpening = `${AMOUNT_HINT} Ett negativt eget kapital skrivs med minustecken först, till exempel −150 000.`;
  else equityOpening = equityRaw;
  const adminBudget = required(
    "adminBudget",
    parseKronor(input.adminBudget),
    "Fyll i budgeten för administrativa kostnader. Skriv 0 om den är noll.",
  );
  const outcomeRaw = parseKronor(input.adminOutcome ?? null);
  if (outcomeRaw === "invalid")
    problems.adminOutcome = `${AMOUNT_HINT} Lämna fältet tomt så länge utfallet inte är känt.`;
  const note = (input.note ?? "").trim();
  if (note.length > 2000) problems.note = "Anteckningen får ha högst 2 000 tecken.";

  const orgs = await q
    .select({
      id: memberOrganisations.id,
      name: memberOrganisations.name,
      kind: memberOrganisations.kind,
    })
    .from(memberOrganisations)
    .where(eq(memberOrganisations.associationId, associationId));
  const keyed = orgs.filter((o) => (KEYED_KINDS as readonly string[]).includes(o.kind));
  const given = input.keys ?? {};
  for (const id of Object.keys(given))
    if (!keyed.some((o) => o.id === id))
      problems[`key.${id}`] =
        "Nyckel kan bara anges för förbundets regioner och kommuner. Ladda om sidan.";
  const keys = new Map<string, number | null>();
  for (const o of keyed) {
    const value = parseKey(given[o.id]);
    if (value === "invalid")
      problems[`key.${o.id}`] =
        `Skriv nyckeln för ${o.name} som ett heltal, till exempel folkmängden 45 000, eller lämna fältet tomt.`;
    else keys.set(o.id, value);
  }
  for (const kind of KEYED_KINDS) {
    const group = keyed.filter((o) => o.kind === kind);
    const withKey = group.filter((o) => keys.get(o.id) !== null && keys.get(o.id) !== undefined);
    if (withKey.length && withKey.length < group.length)
      for (const o of group)
        if (!withKey.includes(o) && !problems[`key.${o.id}`])
          problems[`key.${o.id}`] =
            `Ange nyckeln för ${o.name} också, eller lämna alla ${kind === "kommun" ? "kommuners" : "regioners"} nycklar tomma för lika delar.`;
  }
  if (totalAllocation !== undefined && totalAllocation > 0) {
    const missing = FUNDING_GROUPS.filter((g) => !orgs.some((o) => o.kind === g));
    if (missing.length && !problems.totalAllocation) {
      const names = missing.map((g) => KIND_NAMES[g]);
      const list =
        names.length > 1
          ? `${names.slice(0, -1).join(", ")} och ${names[names.length - 1]}`
          : names[0];
      problems.totalAllocation = `Medlen kan inte fördelas: förbundet saknar medlem av slaget ${list}. Lägg till medlemmen under Organisationer först.`;
    }
  }
  if (
    Object.keys(problems).length ||
    totalAllocation === undefined ||
    equityOpening === undefined ||
    adminBudget === undefined ||
    outcomeRaw === "invalid"
  )
    throw new ValidationError(problems);
  const adminOutcome = outcomeRaw;

  await q.transaction(async (tx) => {
    const [current] = await tx
      .select({ version: fundingYears.version })
      .from(fundingYears)
      .where(and(eq(fundingYears.associationId, associationId), eq(fundingYears.year, year)))
      .for("update");
    if ((current?.version ?? 0) !== expectedVersion)
      throw new ConflictError(
        `Någon annan har ändrat förbundets medel för ${year} medan du arbetade. Ladda om sidan och gör om dina ändringar.`,
      );
    const values = {
      totalAllocation,
      equityOpening,
      adminBudget,
      adminOutcome,
      note,
      updatedAt: new Date(),
    };
    if (current)
      await tx
        .update(fundingYears)
        .set({ ...values, version: current.version + 1 })
        .where(and(eq(fundingYears.associationId, associationId), eq(fundingYears.year, year)));
    else await tx.insert(fundingYears).values({ associationId, year, ...values, version: 1 });
    await tx
      .delete(fundingShares)
      .where(and(eq(fundingShares.associationId, associationId), eq(fundingShares.year, year)));
    if (keyed.length)
      await tx.insert(fundingShares).values(
        keyed.map((o) => ({
          associationId,
          year,
          organisationId: o.id,
          keyValue: keys.get(o.id) ?? null,
        })),
      );
    await recordAuditEvent(tx, actor, {
      action: "funding_year.saved",
      associationId,
      targetType: "funding_year",
      targetId: `${associationId}:${year}`,
      details: {
        year,
        totalAllocation,
        equityOpening,
        adminBudget,
        adminOutcome,
        keys: Object.fromEntries(keyed.map((o) => [o.name, keys.get(o.id) ?? null])),
      },
    });
  });
  return getFundingYear(q, associationId, year);
}

/** Each term of the computed equity at the end of the year, and the result. */
export interface EquityTerms {
  opening: number;
  allocation: number;
  returnedFunds: number;
  initiativesOutcome: number;
  adminCosts: number;
  /** Whether the administrative costs are the outcome, or the budget while no outcome is known. */
  adminBasis: "utfall" | "budget";
  closing: number;
}

/** Beräknat eget kapital vid årets slut: the formula at the top of this file. */
export function equityAtYearEnd(input: {
  opening: number;
  allocation: number;
  returnedFunds: number;
  initiativesOutcome: number;
  adminBudget: number;
  adminOutcome: number | null;
}): EquityTerms {
  const adminCosts = input.adminOutcome ?? input.adminBudget;
  return {
    opening: input.opening,
    allocation: input.allocation,
    returnedFunds: input.returnedFunds,
    initiativesOutcome: input.initiativesOutcome,
    adminCosts,
    adminBasis: input.adminOutcome === null ? "budget" : "utfall",
    closing: sumKronor([
      input.opening,
      input.allocation,
      input.returnedFunds,
      -input.initiativesOutcome,
      -adminCosts,
    ]),
  };
}

/** Everything the year's money page, its workbook, the API and the national figures show. */
export interface YearOverview {
  funding: FundingYear;
  money: AssociationMoney;
  equity: EquityTerms;
}

export async function yearOverview(
  q: Queryable,
  associationId: string,
  year: number,
  asOf: string,
): Promise<YearOverview> {
  const funding = await getFundingYear(q, associationId, year);
  const money = await associationMoney(q, associationId, year, asOf);
  const equity = equityAtYearEnd({
    opening: funding.equityOpening,
    allocation: funding.totalAllocation,
    returnedFunds: money.totals.all.returned,
    initiativesOutcome: money.totals.all.yearOutcome,
    adminBudget: funding.adminBudget,
    adminOutcome: funding.adminOutcome,
  });
  return { funding, money, equity };
}
