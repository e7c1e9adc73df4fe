// What the budget pages draw alike: a year's budget as a table (rows: cost category × source
// and party; columns: the year's periods and the year's total; totals rows), the grid of amount
// fields of the change and re-phasing forms (one field per period × line, named by what it is,
// so the server reads the line from the name), and the labels of lines, periods and versions.
// Plain HTML that works without JavaScript; sums go through sumKronor (platform/money.ts).
import type { ReactNode } from "react";
import {
  BUDGET_CATEGORIES,
  type BudgetCategory,
  CO_FINANCING_KINDS,
  type CoFinancingKind,
} from "../../../applications/content.ts";
import type { BudgetLine, BudgetLineInput, BudgetParty } from "../../../finance/budgets.ts";
import type { FundingSource } from "../../../finance/schema.ts";
import { formatMoney } from "../../../platform/i18n/format.ts";
import { parseKronor, sumKronor } from "../../../platform/money.ts";
import { useI18n } from "../../ui/i18n.tsx";
import { periodLabel } from "../../ui/periodic-report-form.tsx";

/** A line of the table: its category and source, without period or amount. */
export interface RowDef {
  category: BudgetCategory;
  source: FundingSource;
  organisationId: string | null;
  coKind: CoFinancingKind | null;
}

export interface YearColumns {
  year: number;
  periods: Array<{ key: string; outside: boolean }>;
}

const rowKey = (r: RowDef) =>
  `${r.category}.${r.source}.${r.organisationId ?? "-"}.${r.coKind ?? "-"}`;

/** The amount field's name (and id): "b.2026-K3.personal.forbund.-.-". */
export const fieldName = (periodKey: string, r: RowDef) => `b.${periodKey}.${rowKey(r)}`;

/** The line a field's name and value stand for, or undefined for any other field. */
export function lineOfField(name: string, value: string): BudgetLineInput | undefined {
  const parts = name.split(".");
  if (parts.length !== 6 || parts[0] !== "b") return undefined;
  const [, periodKey = "", category = "", source = "", org = "", kind = ""] = parts;
  return {
    periodKey,
    category,
    source,
    organisationId: org === "-" ? null : org,
    coKind: kind === "-" ? null : kind,
    amount: value,
  };
}

/** An amount as a field shows it: "150 000". */
export const amountText = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ");

/** The years to show: those of the initiative's periods and of the lines, each with its periods. */
export function yearColumns(
  periodKeys: readonly string[],
  lines: readonly BudgetLine[],
): YearColumns[] {
  const inside = new Set(periodKeys);
  const keys = [...new Set([...periodKeys, ...lines.map((l) => l.periodKey)])].sort();
  const years = [...new Set(keys.map((k) => Number(k.slice(0, 4))))].sort((a, b) => a - b);
  return years.map((year) => ({
    year,
    periods: keys
      .filter((k) => Number(k.slice(0, 4)) === year)
      .map((key) => ({ key, outside: !inside.has(key) })),
  }));
}

const sameRow = (a: RowDef, b: RowDef) => rowKey(a) === rowKey(b);

/**
 * The rows of a form: association funds per category, each party's co-financing per kind on the
 * category it is usually entered on (participants' benefits only in ESF initiatives), then any
 * other line the budget has (another category, a former party).
 */
export function formRows(
  lines: readonly BudgetLine[],
  parties: readonly BudgetParty[],
  esf: boolean,
): RowDef[] {
  const rows: RowDef[] = BUDGET_CATEGORIES.map((category) => ({
    category,
    source: "forbund",
    organisationId: null,
    coKind: null,
  }));
  const kinds = CO_FINANCING_KINDS.filter(
    (k) => k !== "deltagarersattning" || esf || lines.some((l) => l.coKind === k),
  );
  for (const p of parties.filter((p) => p.isParty))
    for (const coKind of kinds)
      rows.push({
        category: coKind === "personaltid" ? "personal" : "ovrigt",
        source: "medfinansiering",
        organisationId: p.id,
        coKind,
      });
  for (const row of viewRows(lines)) if (!rows.some((r) => sameRow(r, row))) rows.push(row);
  return rows;
}

/** The rows of a read-only table: association funds per category, then the co-financing lines. */
export function viewRows(lines: readonly BudgetLine[]): RowDef[] {
  const rows: RowDef[] = [];
  for (const l of lines) {
    const row: RowDef = {
      category: l.category,
      source: l.source,
      organisationId: l.organisationId,
      coKind: l.coKind,
    };
    if (!rows.some((r) => sameRow(r, row))) rows.push(row);
  }
  const order = (r: RowDef) =>
    r.source === "forbund" ? BUDGET_CATEGORIES.indexOf(r.category) : BUDGET_CATEGORIES.length;
  return rows.sort((a, b) => order(a) - order(b));
}

/** Labels of lines and periods in the page's language. */
export function useBudgetLabels(parties: readonly BudgetParty[]) {
  const { t, locale } = useI18n();
  const line = (r: RowDef) => {
    const category = t(`budgets.category.${r.category}`);
    if (r.source === "forbund") return category;
    const party = parties.find((p) => p.id === r.organisationId);
    const name = party
      ? party.isParty
        ? party.name
        : t("budgets.row.formerParty", { party: party.name })
      : "–";
    return t("budgets.row.coFinancing", {
      party: name,
      kind: t(`budgets.coKind.${r.coKind ?? "pengar"}`),
      category: category.toLowerCase(),
    });
  };
  const period = (p: { key: string; outside: boolean }) =>
    p.outside
      ? t("budgets.column.outside", { period: periodLabel(t, p.key) })
      : periodLabel(t, p.key);
  const money = (n: number) => formatMoney(n, locale);
  return { t, line, period, money };
}

const amountOf = (lines: readonly BudgetLine[], periodKey: string, r: RowDef) =>
  lines.find((l) => l.periodKey === periodKey && sameRow(l, r))?.amount;

/** One year's budget, read-only. */
export function YearTable({
  columns,
  lines,
  parties,
}: {
  columns: YearColumns;
  lines: readonly BudgetLine[];
  parties: readonly BudgetParty[];
}) {
  const { t, line, period, money } = useBudgetLabels(parties);
  const own = lines.filter((l) => l.year === columns.year);
  const rows = viewRows(own);
  const association = rows.filter((r) => r.source === "forbund");
  const coFinancing = rows.filter((r) => r.source === "medfinansiering");
  const sum = (filter: (l: BudgetLine) => boolean) =>
    sumKronor(own.filter(filter).map((l) => l.amount));
  const width = columns.periods.length + 2;
  const id = `ar-${columns.year}`;
  const amountRow = (r: RowDef, i: number) => (
    <tr key={rowKey(r)}>
      <th scope="row" id={`${id}-rad-${i}`}>
        {line(r)}
      </th>
      {columns.periods.map((p) => {
        const a = amountOf(own, p.key, r);
        return (
          <td className="num" key={p.key}>
            {a === undefined ? t("budgets.none.amount") : money(a)}
          </td>
        );
      })}
      <td className="num">{money(sum((l) => sameRow(l, r)))}</td>
    </tr>
  );
  const sumRow = (label: string, filter: (l: BudgetLine) => boolean) => (
    <tr>
      <th scope="row">{label}</th>
      {columns.periods.map((p) => (
        <td className="num" key={p.key}>
          {money(sum((l) => l.periodKey === p.key && filter(l)))}
        </td>
      ))}
      <td className="num">{money(sum(filter))}</td>
    </tr>
  );
  return (
    <ScrollTable caption={t("budgets.yearCaption", { year: columns.year })}>
      <thead>
        <tr>
          <th scope="col">{t("budgets.column.line")}</th>
          {columns.periods.map((p) => (
            <th scope="col" className="num" key={p.key}>
              {period(p)}
            </th>
          ))}
          <th scope="col" className="num">
            {t("budgets.column.yearTotal", { year: columns.year })}
          </th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="rowgroup" colSpan={width}>
            {t("budgets.source.forbund")}
          </th>
        </tr>
        {association.map(amountRow)}
        {sumRow(t("budgets.row.sumAssociation"), (l) => l.source === "forbund")}
      </tbody>
      {coFinancing.length ? (
        <tbody>
          <tr>
            <th scope="rowgroup" colSpan={width}>
              {t("budgets.source.medfinansiering")}
            </th>
          </tr>
          {coFinancing.map((r, i) => amountRow(r, association.length + i))}
          {sumRow(t("budgets.row.sumCoFinancing"), (l) => l.source === "medfinansiering")}
        </tbody>
      ) : null}
      <tfoot>{sumRow(t("budgets.row.total"), () => true)}</tfoot>
    </ScrollTable>
  );
}

/** The year-by-year totals of a budget. */
export function TotalsTable({
  totals,
}: {
  totals: {
    association: number;
    coFinancing: number;
    total: number;
    byYear: Array<{ year: number; association: number; coFinancing: number; total: number }>;
  };
}) {
  const { t, locale } = useI18n();
  const money = (n: number) => formatMoney(n, locale);
  return (
    <ScrollTable caption={t("budgets.totalsCaption")}>
      <thead>
        <tr>
          <th scope="col">{t("budgets.column.year")}</th>
          <th scope="col" className="num">
            {t("budgets.field.association")}
          </th>
          <th scope="col" className="num">
            {t("budgets.field.coFinancing")}
          </th>
          <th scope="col" className="num">
            {t("budgets.field.total")}
          </th>
        </tr>
      </thead>
      <tbody>
        {totals.byYear.map((y) => (
          <tr key={y.year}>
            <th scope="row">{y.year}</th>
            <td className="num">{money(y.association)}</td>
            <td className="num">{money(y.coFinancing)}</td>
            <td className="num">{money(y.total)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t("budgets.row.total")}</th>
          <td className="num">{money(totals.association)}</td>
          <td className="num">{money(totals.coFinancing)}</td>
          <td className="num">{money(totals.total)}</td>
        </tr>
      </tfoot>
    </ScrollTable>
  );
}

/**
 * The amount fields of one year: a row per line, a column per period. Each field is labelled by
 * its row and column headers; its error stands in the cell. The totals are those of the values
 * shown (computed when the page was drawn).
 */
export function GridYear({
  columns,
  rows,
  parties,
  values,
  errors,
}: {
  columns: YearColumns;
  rows: readonly RowDef[];
  parties: readonly BudgetParty[];
  values: Record<string, string>;
  errors: Record<string, string>;
}) {
  const { t, line, period, money } = useBudgetLabels(parties);
  const id = `ar-${columns.year}`;
  const amount = (p: string, r: RowDef) => {
    const v = parseKronor(values[fieldName(p, r)] ?? "");
    return typeof v === "number" ? v : 0;
  };
  const sumOf = (rs: readonly RowDef[], keys: readonly string[]) =>
    sumKronor(rs.flatMap((r) => keys.map((k) => amount(k, r))));
  const keys = columns.periods.map((p) => p.key);
  const association = rows.filter((r) => r.source === "forbund");
  const coFinancing = rows.filter((r) => r.source === "medfinansiering");
  const width = keys.length + 2;
  const fieldRow = (r: RowDef, i: number) => {
    const rowId = `${id}-rad-${i}`;
    return (
      <tr key={rowKey(r)}>
        <th scope="row" id={rowId}>
          {line(r)}
        </th>
        {columns.periods.map((p) => {
          const name = fieldName(p.key, r);
          const error = errors[name];
          return (
            <td key={p.key}>
              {error ? (
                <p className="field__error" id={`${name}-error`}>
                  {error}
                </p>
              ) : null}
              <input
                id={name}
                name={name}
                type="text"
                inputMode="numeric"
                autoComplete="off"
                defaultValue={values[name] ?? ""}
                aria-labelledby={`${rowId} ${id}-${p.key}`}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${name}-error` : undefined}
                className="input input--short"
              />
            </td>
          );
        })}
        <td className="num">{money(sumOf([r], keys))}</td>
      </tr>
    );
  };
  const sumRow = (label: string, rs: readonly RowDef[]) => (
    <tr>
      <th scope="row">{label}</th>
      {keys.map((k) => (
        <td className="num" key={k}>
          {money(sumOf(rs, [k]))}
        </td>
      ))}
      <td className="num">{money(sumOf(rs, keys))}</td>
    </tr>
  );
  return (
    <div className="table-wrap">
      <table>
        <caption>{t("budgets.yearCaption", { year: columns.year })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("budgets.column.line")}</th>
            {columns.periods.map((p) => (
              <th scope="col" key={p.key} id={`${id}-${p.key}`}>
                {period(p)}
              </th>
            ))}
            <th scope="col" className="num">
              {t("budgets.column.yearTotal", { year: columns.year })}
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="rowgroup" colSpan={width}>
              {t("budgets.source.forbund")}
            </th>
          </tr>
          {association.map(fieldRow)}
          {sumRow(t("budgets.row.sumAssociation"), association)}
        </tbody>
        {coFinancing.length ? (
          <tbody>
            <tr>
              <th scope="rowgroup" colSpan={width}>
                {t("budgets.source.medfinansiering")}
              </th>
            </tr>
            {coFinancing.map((r, i) => fieldRow(r, association.length + i))}
            {sumRow(t("budgets.row.sumCoFinancing"), coFinancing)}
          </tbody>
        ) : null}
        <tfoot>{sumRow(t("budgets.row.total"), rows)}</tfoot>
      </table>
    </div>
  );
}

/** The grid's values from lines: each line's amount at its field. */
export function valuesOf(lines: readonly BudgetLine[]): Record<string, string> {
  return Object.fromEntries(lines.map((l) => [fieldName(l.periodKey, l), amountText(l.amount)]));
}

/**
 * A table that may be wider than the page: its frame scrolls, is reachable by keyboard and is
 * named by the table's caption.
 */
export function ScrollTable({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to scroll by keyboard
    <section className="table-wrap" tabIndex={0} aria-label={caption}>
      <table>
        <caption>{caption}</caption>
        {children}
      </table>
    </section>
  );
}

/** A section with its heading, focusable for the error summary's links. */
export function Section({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}
