// Portalens användning: how the participants of one initiative use the participant portal —
// people logged in per month by gender (new and returning) and bookings — after the
// association's disclosure control (src/portal/usage.ts). Nothing here names a participant:
// every figure is a protected count. The period is chosen with a GET form (no JavaScript needed).
import { data, Link, Form as RouterForm } from "react-router";
import { canOnInitiative, ForbiddenError } from "../../../access/policy.ts";
import {
  type BookingCells,
  formatUsage,
  monthLabel,
  type PortalUsage,
  portalUsage,
  type UsageCell,
} from "../../../portal/usage.ts";
import { requireAssociation } from "../../guard.server.ts";
import { ErrorSummary, TextField } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { TableWrap } from "../../ui/table-wrap.tsx";
import type { Route } from "./+types/usage.ts";
import { initiativeOfPage, monthPeriodOf } from "./month-period.server.ts";

type CellView = { text: string; kind: "value" | "primary" | "secondary" };

const view = (cell: UsageCell, locale: string): CellView => ({
  text: formatUsage(cell, locale),
  kind: "value" in cell ? "value" : cell.suppressed === "primary" ? "primary" : "secondary",
});

function usageView(u: PortalUsage, locale: string) {
  const bookingRow = (c: BookingCells) =>
    [c.made, c.kept, c.missed, c.cancelled].map((cell) => view(cell, locale));
  return {
    period: {
      from: monthLabel(u.period.from, locale),
      to: monthLabel(u.period.to, locale),
    },
    threshold: u.threshold,
    allowTrueZero: u.allowTrueZero,
    genderNote: u.genderNote,
    people: u.people.map((table) => ({
      key: table.key,
      title: table.title,
      definition: table.definition,
      rows: table.rows.map((r) => ({
        month: r.month,
        label: r.label,
        cells: [r.kvinnor, r.man, r.totalt].map((cell) => view(cell, locale)),
      })),
    })),
    bookings: {
      title: u.bookings.title,
      definition: u.bookings.definition,
      columns: (["made", "kept", "missed", "cancelled"] as const).map((k) => u.bookings.columns[k]),
      rows: u.bookings.rows.map((r) => ({ month: r.month, label: r.label, cells: bookingRow(r) })),
      total: bookingRow(u.bookings.total),
    },
    reasons: u.disclosure.reasons,
  };
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, principal, association } = await requireAssociation(
    context,
    request,
    params.association,
    // the initiative's own roles see its figures: the permission is checked on the initiative
    "association.enter",
  );
  if (!canOnInitiative(principal, "portal.usage", association.id, params.initiativeId)) {
    throw data({ message: new ForbiddenError("portal.usage").message }, { status: 403 });
  }
  const initiative = await initiativeOfPage(state.services.db, association.id, params.initiativeId);
  const { query, errors } = monthPeriodOf(request);
  const failed = Object.keys(errors).length > 0;
  const usage = failed
    ? null
    : usageView(
        await portalUsage(state.services.db, association.id, {
          from: query.from,
          to: query.to,
          initiativeIds: [initiative.id],
          locale: state.locale,
        }),
        state.locale,
      );
  return data(
    {
      slug: association.slug,
      initiative: { id: initiative.id, name: initiative.name },
      query,
      errors: failed ? errors : null,
      usage,
    },
    { status: failed ? 400 : 200 },
  );
}

function Cell({ cell, threshold }: { cell: CellView; threshold: number }) {
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

export default function PortalUsagePage({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { slug, initiative, query, errors, usage } = loaderData;
  const title = t("portalStaff.usage.title");
  const shownErrors = errors
    ? Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, t(key)]))
    : undefined;
  const caption = (tableTitle: string) =>
    usage
      ? t("portalStaff.usage.caption", {
          title: tableTitle,
          from: usage.period.from,
          to: usage.period.to,
        })
      : tableTitle;
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – ${initiative.name} – Samspår`}</title>
      <p>
        <Link to={`/${slug}/insatser/${initiative.id}`}>{t("portalStaff.usage.back")}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t("portalStaff.usage.intro", { initiative: initiative.name })}</p>

      {shownErrors ? (
        <>
          <p className="warning">{t("portalStaff.usage.problem")}</p>
          <ErrorSummary errors={shownErrors} />
        </>
      ) : null}

      <section aria-labelledby="anvandning-period">
        <h2 id="anvandning-period">{t("portalStaff.usage.period.legend")}</h2>
        <RouterForm method="get" className="search-form" key={`${query.from}|${query.to}`}>
          <TextField
            name="fran"
            label={t("portalStaff.usage.period.from")}
            hint={t("portalStaff.usage.period.hint")}
            width="short"
            inputMode="numeric"
            defaultValue={query.from}
            error={shownErrors?.fran}
          />
          <TextField
            name="till"
            label={t("portalStaff.usage.period.to")}
            hint={t("portalStaff.usage.period.hint")}
            width="short"
            inputMode="numeric"
            defaultValue={query.to}
            error={shownErrors?.till}
          />
          <button type="submit" className="button button--primary">
            {t("portalStaff.usage.period.submit")}
          </button>
        </RouterForm>
      </section>

      {usage ? (
        <>
          <p className="notice" role="status">
            {t("portalStaff.usage.period.shown", { from: usage.period.from, to: usage.period.to })}
          </p>

          <section aria-labelledby="anvandning-lasa">
            <h2 id="anvandning-lasa">{t("portalStaff.usage.marks.heading")}</h2>
            {usage.threshold > 0 ? (
              <ul>
                <li>
                  {usage.allowTrueZero
                    ? t("portalStaff.usage.marks.fewZero", {
                        threshold: usage.threshold,
                        max: usage.threshold - 1,
                      })
                    : t("portalStaff.usage.marks.few", { threshold: usage.threshold })}
                </li>
                <li>{t("portalStaff.usage.marks.secondary")}</li>
              </ul>
            ) : (
              <p>{t("portalStaff.usage.marks.off")}</p>
            )}
            <p>{usage.genderNote}</p>
          </section>

          {usage.people.map((table) => (
            <section key={table.key} aria-labelledby={`anvandning-${table.key}`}>
              <h2 id={`anvandning-${table.key}`}>{table.title}</h2>
              <p>
                <strong>{t("portalStaff.usage.definition")}:</strong> {table.definition}
              </p>
              <TableWrap label={table.title}>
                <table data-table={table.key}>
                  <caption>{caption(table.title)}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("portalStaff.usage.column.month")}</th>
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
                    {table.rows.map((row) => (
                      <tr key={row.month} data-month={row.month}>
                        <th scope="row">{row.label}</th>
                        {row.cells.map((cell, i) => (
                          <td
                            // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns kvinnor, män, totalt
                            key={i}
                            className="num"
                            data-hidden={cell.kind === "value" ? undefined : cell.kind}
                          >
                            <Cell cell={cell} threshold={usage.threshold} />
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            </section>
          ))}

          <section aria-labelledby="anvandning-bokningar">
            <h2 id="anvandning-bokningar">{usage.bookings.title}</h2>
            <p>
              <strong>{t("portalStaff.usage.definition")}:</strong> {usage.bookings.definition}
            </p>
            <dl className="summary">
              {usage.bookings.columns.map((c) => (
                <div key={c.label}>
                  <dt>{c.label}</dt>
                  <dd>{c.definition}</dd>
                </div>
              ))}
            </dl>
            <TableWrap label={usage.bookings.title}>
              <table data-table="bokningar">
                <caption>{caption(usage.bookings.title)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("portalStaff.usage.column.month")}</th>
                    {usage.bookings.columns.map((c) => (
                      <th key={c.label} scope="col" className="num">
                        {c.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {usage.bookings.rows.map((row) => (
                    <tr key={row.month} data-month={row.month}>
                      <th scope="row">{row.label}</th>
                      {row.cells.map((cell, i) => (
                        <td
                          // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
                          key={i}
                          className="num"
                          data-hidden={cell.kind === "value" ? undefined : cell.kind}
                        >
                          <Cell cell={cell} threshold={usage.threshold} />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr data-month="total">
                    <th scope="row">{t("portalStaff.usage.total")}</th>
                    {usage.bookings.total.map((cell, i) => (
                      <td
                        // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
                        key={i}
                        className="num"
                        data-hidden={cell.kind === "value" ? undefined : cell.kind}
                      >
                        <Cell cell={cell} threshold={usage.threshold} />
                      </td>
                    ))}
                  </tr>
                </tfoot>
              </table>
            </TableWrap>
          </section>

          <section aria-labelledby="anvandning-dolda" className="disclosure-summary">
            <h2 id="anvandning-dolda">{t("portalStaff.usage.disclosure.heading")}</h2>
            <ul>
              {usage.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </main>
  );
}
