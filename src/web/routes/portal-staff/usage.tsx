// Portalens användning: how the participants of one initiative use the participant portal —
// people logged in per month by gender (new and returning) and bookings — after the
// association's disclosure control (src/portal/usage.ts). Nothing here names a participant:
// every figure is a protected count. The period is chosen with a GET form (no JavaScript needed).
import { data, Link } from "react-router";
import { canOnInitiative, ForbiddenError } from "../../../access/policy.ts";
import {
  type BookingCells,
  monthLabel,
  type PortalUsage,
  portalUsage,
} from "../../../portal/usage.ts";
import { useI18n } from "../../ui/i18n.tsx";
import {
  DisclosureReasons,
  FigureTds,
  GenderTable,
  Marks,
  PeriodForm,
  PeriodProblems,
  useProblemTexts,
  cellView as view,
} from "../../ui/protected-figures.tsx";
import { TableWrap } from "../../ui/table-wrap.tsx";
import type { Route } from "./+types/usage.ts";
import { figurePageData, openFigurePage } from "./month-period.server.ts";

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
        key: r.month,
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

export async function loader(args: Route.LoaderArgs) {
  const { state, association, initiative, query, errors } = await openFigurePage(
    args,
    (principal, associationId, initiativeId) => {
      if (!canOnInitiative(principal, "portal.usage", associationId, initiativeId))
        throw data({ message: new ForbiddenError("portal.usage").message }, { status: 403 });
    },
  );
  return figurePageData({ association, initiative, query, errors }, async () =>
    usageView(
      await portalUsage(state.services.db, association.id, {
        from: query.from,
        to: query.to,
        initiativeIds: [initiative.id],
        locale: state.locale,
      }),
      state.locale,
    ),
  );
}

export default function PortalUsagePage({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { slug, initiative, query, errors, figures: usage } = loaderData;
  const title = t("portalStaff.usage.title");
  const shownErrors = useProblemTexts(errors);
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

      <PeriodProblems errors={shownErrors} />

      <section aria-labelledby="anvandning-period">
        <h2 id="anvandning-period">{t("portalStaff.usage.period.legend")}</h2>
        <PeriodForm query={query} errors={shownErrors} />
      </section>

      {usage ? (
        <>
          <p className="notice" role="status">
            {t("portalStaff.usage.period.shown", { from: usage.period.from, to: usage.period.to })}
          </p>

          <section aria-labelledby="anvandning-lasa">
            <h2 id="anvandning-lasa">{t("portalStaff.usage.marks.heading")}</h2>
            <Marks threshold={usage.threshold} allowTrueZero={usage.allowTrueZero} />
            <p>{usage.genderNote}</p>
          </section>

          {usage.people.map((table) => (
            <section key={table.key} aria-labelledby={`anvandning-${table.key}`}>
              <h2 id={`anvandning-${table.key}`}>{table.title}</h2>
              <p>
                <strong>{t("portalStaff.usage.definition")}:</strong> {table.definition}
              </p>
              <GenderTable
                table={table.key}
                label={table.title}
                caption={caption(table.title)}
                firstColumn={t("portalStaff.usage.column.month")}
                rowData="data-month"
                rows={table.rows}
                threshold={usage.threshold}
              />
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
                      <FigureTds cells={row.cells} threshold={usage.threshold} />
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr data-month="total">
                    <th scope="row">{t("portalStaff.usage.total")}</th>
                    <FigureTds cells={usage.bookings.total} threshold={usage.threshold} />
                  </tr>
                </tfoot>
              </table>
            </TableWrap>
          </section>

          <DisclosureReasons id="anvandning-dolda" reasons={usage.reasons} />
        </>
      ) : null}
    </main>
  );
}
