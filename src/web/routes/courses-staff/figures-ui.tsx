// Pieces shared by the staff pages of protected figures for courses and Tyck till
// (figures.tsx, evaluation-staff/results.tsx): the period picker, the marks and a hidden cell.
import type { ReactNode } from "react";
import { Form as RouterForm } from "react-router";
import { formatUsage, type UsageCell } from "../../../portal/usage.ts";
import { TextField } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";

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
