// Pieces shared by the staff pages of protected monthly figures — the portal's use
// (portal-staff/usage.tsx), courses (courses-staff/figures.tsx) and Tyck till
// (evaluation-staff/results.tsx): the period picker, how to read the marks, a protected cell,
// a table of figures split by gender, and the list of why figures are hidden.
import type { ReactNode } from "react";
import { Form as RouterForm } from "react-router";
import type { MessageKey } from "../../platform/i18n/translate.ts";
import { formatUsage, type UsageCell } from "../../portal/usage.ts";
import { ErrorSummary, TextField } from "./form.tsx";
import { useI18n } from "./i18n.tsx";
import { TableWrap } from "./table-wrap.tsx";

export type CellView = { text: string; kind: "value" | "primary" | "secondary" };

export const cellView = (cell: UsageCell, locale: string): CellView => ({
  text: formatUsage(cell, locale),
  kind: "value" in cell ? "value" : cell.suppressed === "primary" ? "primary" : "secondary",
});

/** A protected figure: the number, or its mark with the reason for screen readers. */
export function FigureCell({ cell, threshold }: { cell: CellView; threshold: number }) {
  const { t } = useI18n();
  if (cell.kind === "value") return <>{cell.text}</>;
  return (
    <>
      <span aria-hidden="true">{cell.text}</span>
      <span className="visually-hidden">
        {cell.kind === "primary"
          ? t("portalStaff.usage.hiddenPrimary", { threshold })
          : t("portalStaff.usage.hiddenSecondary")}
      </span>
    </>
  );
}

/** A table cell holding a protected figure (data-hidden says which mark, for tests and CSS). */
export function FigureTd({ cell, threshold }: { cell: CellView; threshold: number }) {
  return (
    <td className="num" data-hidden={cell.kind === "value" ? undefined : cell.kind}>
      <FigureCell cell={cell} threshold={threshold} />
    </td>
  );
}

/** The cells of one row, in their fixed column order. */
export function FigureTds({ cells, threshold }: { cells: CellView[]; threshold: number }) {
  return cells.map((cell, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
    <FigureTd key={i} cell={cell} threshold={threshold} />
  ));
}

/**
 * A table of protected counts split by gender: a first column naming the row (a month, a
 * figure), then kvinnor, män and totalt. `rowData` names the data attribute that carries each
 * row's key ("data-month", "data-row").
 */
export function GenderTable({
  table,
  label,
  caption,
  firstColumn,
  rowData,
  rows,
  threshold,
}: {
  table: string;
  label: string;
  caption: string;
  firstColumn: string;
  rowData: "data-month" | "data-row";
  rows: { key: string; label: string; cells: CellView[] }[];
  threshold: number;
}) {
  const { t } = useI18n();
  return (
    <TableWrap label={label}>
      <table data-table={table}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{firstColumn}</th>
            <th scope="col" className="num">
              {t("portalStaff.usage.column.kvinnor")}
            </th>
            <th scope="col" className="num">
              {t("portalStaff.usage.column.man")}
            </th>
            <th scope="col" className="num">
              {t("portalStaff.usage.column.totalt")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} {...{ [rowData]: row.key }}>
              <th scope="row">{row.label}</th>
              <FigureTds cells={row.cells} threshold={threshold} />
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** Why figures are hidden in what is shown: disclosure control's reasons, in Swedish. */
export function DisclosureReasons({ id, reasons }: { id: string; reasons: readonly string[] }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby={id} className="disclosure-summary">
      <h2 id={id}>{t("portalStaff.usage.disclosure.heading")}</h2>
      <ul>
        {reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
    </section>
  );
}

/** The form's problems (field → message key) in words; undefined when there are none. */
export function useProblemTexts(
  errors: Record<string, MessageKey> | null,
): Record<string, string> | undefined {
  const { t } = useI18n();
  return errors
    ? Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, t(key)]))
    : undefined;
}

/** Why nothing is shown: the period (or another choice) is wrong; the list links to the fields. */
export function PeriodProblems({ errors }: { errors: Record<string, string> | undefined }) {
  const { t } = useI18n();
  return errors ? (
    <>
      <p className="warning">{t("portalStaff.usage.problem")}</p>
      <ErrorSummary errors={errors} />
    </>
  ) : null;
}

/** The period picker (GET): first and last month. */
export function PeriodForm({
  query,
  errors,
  extra,
}: {
  query: { from: string; to: string };
  errors: Record<string, string> | undefined;
  extra?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <RouterForm method="get" className="search-form" key={`${query.from}|${query.to}`}>
      {extra}
      <TextField
        name="fran"
        label={t("portalStaff.usage.period.from")}
        hint={t("portalStaff.usage.period.hint")}
        width="short"
        inputMode="numeric"
        defaultValue={query.from}
        error={errors?.fran}
      />
      <TextField
        name="till"
        label={t("portalStaff.usage.period.to")}
        hint={t("portalStaff.usage.period.hint")}
        width="short"
        inputMode="numeric"
        defaultValue={query.to}
        error={errors?.till}
      />
      <button type="submit" className="button button--primary">
        {t("portalStaff.usage.period.submit")}
      </button>
    </RouterForm>
  );
}

/** How to read "< 5" and "..". */
export function Marks({ threshold, allowTrueZero }: { threshold: number; allowTrueZero: boolean }) {
  const { t } = useI18n();
  return threshold > 0 ? (
    <ul>
      <li>
        {allowTrueZero
          ? t("portalStaff.usage.marks.fewZero", { threshold, max: threshold - 1 })
          : t("portalStaff.usage.marks.few", { threshold })}
      </li>
      <li>{t("portalStaff.usage.marks.secondary")}</li>
    </ul>
  ) : (
    <p>{t("portalStaff.usage.marks.off")}</p>
  );
}
