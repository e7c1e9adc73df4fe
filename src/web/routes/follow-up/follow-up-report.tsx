// The follow-up report on the page, section by section in the order of domain/follow-up.md:
// every table with its caption, column and row headers and its notes (a colour always with its
// word; a hidden participant figure as its mark, with the reason for screen readers), the charts
// as SVG drawn on the server with their figures as a table, and under each table a disclosure
// with the definition of every figure and — for those allowed to follow them — the records
// behind it (initiatives, reports, requisitions; never a participant).
import { Fragment } from "react";
import { Link } from "react-router";
import type { TableModel } from "../../../documents/layout.ts";
import { useI18n } from "../../ui/i18n.tsx";
import { RichText } from "../../ui/rich-text.tsx";
import { TableWrap } from "../../ui/table-wrap.tsx";
import type {
  CellView,
  ChartView,
  EditableView,
  ReportView,
  SourceLink,
  TableView,
  TraceView,
} from "./follow-up.server.ts";

const TONE_CLASS = {
  green: "tag tag--prognos-ok",
  yellow: "tag tag--prognos-bevaka",
  red: "tag tag--prognos-atgard",
} as const;

function CellContent({ cell }: { cell: CellView }) {
  const content = cell.tone ? (
    <span className={TONE_CLASS[cell.tone]}>{cell.text}</span>
  ) : (
    cell.text
  );
  return (
    <>
      {cell.hidden ? (
        <>
          <span aria-hidden="true">{cell.text}</span>
          <span className="visually-hidden">{`${cell.text}: ${cell.hidden}`}</span>
        </>
      ) : (
        content
      )}
      {cell.note ? (
        <>
          <br />
          <small>{cell.note}</small>
        </>
      ) : null}
    </>
  );
}

/** A report table: caption, column headers, a row header per row, part headings, notes. */
export function ReportTable({ table, empty }: { table: TableView; empty: string }) {
  const { t } = useI18n();
  const rows = table.parts.reduce((n, p) => n + p.rows.length, 0);
  if (rows === 0) return <p>{table.empty ?? empty}</p>;
  const columns = table.columns.length;
  return (
    <>
      <TableWrap label={table.title}>
        <table data-table={table.key}>
          {/* the section's heading shows the title; the caption names the table to screen readers */}
          <caption className="visually-hidden">{table.title}</caption>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c.title} scope="col" className={c.numeric ? "num" : undefined}>
                  {c.title}
                </th>
              ))}
            </tr>
          </thead>
          {table.parts.map((part, p) =>
            part.rows.length === 0 && part.heading === null ? null : (
              // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one table, in order
              <tbody key={p}>
                {part.heading ? (
                  <tr>
                    <th scope="colgroup" colSpan={columns}>
                      {part.heading}
                    </th>
                  </tr>
                ) : null}
                {part.rows.length === 0 ? (
                  <tr>
                    <td colSpan={columns}>{t("followUp.emptyPart")}</td>
                  </tr>
                ) : null}
                {part.rows.map((row, r) => (
                  <tr
                    // biome-ignore lint/suspicious/noArrayIndexKey: the rows of one part, in order
                    key={r}
                    className={row.total ? "total" : undefined}
                  >
                    {row.cells.map((cell, c) =>
                      c === 0 ? (
                        // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed
                        <th key={c} scope="row">
                          {row.total ? <strong>{cell.text}</strong> : <CellContent cell={cell} />}
                        </th>
                      ) : (
                        <td
                          // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed
                          key={c}
                          className={table.columns[c]?.numeric ? "num" : undefined}
                          data-hidden={cell.hidden ? "" : undefined}
                        >
                          {row.total && !cell.hidden ? (
                            <strong>
                              <CellContent cell={cell} />
                            </strong>
                          ) : (
                            <CellContent cell={cell} />
                          )}
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            ),
          )}
        </table>
      </TableWrap>
      {table.notes.map((note) => (
        <p key={note} className="field__hint">
          {note}
        </p>
      ))}
    </>
  );
}

function SimpleTable({ table, caption }: { table: TableModel; caption: string }) {
  return (
    <TableWrap label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.title} scope="col" className={c.align === "right" ? "num" : undefined}>
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the rows of one table, in order
            <tr key={r}>
              {row.cells.map((cell, c) =>
                c === 0 ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed
                  <th key={c} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td
                    // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed
                    key={c}
                    className={table.columns[c]?.align === "right" ? "num" : undefined}
                  >
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** A chart drawn on the server (accessible SVG: role img, title, description), then its figures. */
export function Chart({ chart, none }: { chart: ChartView | null; none: string }) {
  const { t } = useI18n();
  if (!chart) return <p className="field__hint">{none}</p>;
  return (
    <figure className="chart" aria-labelledby={`${chart.id}-caption`}>
      <div
        className="chart__image"
        // the SVG is Samspår's own, drawn on the server from the report's figures (charts.ts)
        // biome-ignore lint/security/noDangerouslySetInnerHtml: server-drawn SVG without user markup
        dangerouslySetInnerHTML={{ __html: chart.svg }}
      />
      <figcaption id={`${chart.id}-caption`}>
        {chart.caption}
        <span className="field__hint">{` ${chart.description}`}</span>
      </figcaption>
      <SimpleTable
        table={chart.table}
        caption={t("followUp.chartData", { caption: chart.caption })}
      />
    </figure>
  );
}

function Source({ link }: { link: SourceLink }) {
  return link.href ? <Link to={link.href}>{link.label}</Link> : link.label;
}

/** "Definitioner och underlag": what each figure means, and the records behind the table. */
export function Trace({ trace, title }: { trace: TraceView | undefined; title: string }) {
  const { t } = useI18n();
  if (!trace || (trace.definitions.length === 0 && !trace.sources)) return null;
  return (
    <details className="trace">
      <summary>
        {t("followUp.traceSummary")}
        <span className="visually-hidden">{` (${title})`}</span>
      </summary>
      {trace.definitions.length > 0 ? (
        <dl className="summary">
          {trace.definitions.map((d) => (
            <Fragment key={d.key}>
              <dt>{d.label}</dt>
              <dd>
                {d.definition} <em>{t("followUp.traceSource", { source: d.source })}</em>
              </dd>
            </Fragment>
          ))}
        </dl>
      ) : null}
      {trace.sources ? (
        <>
          <p>
            <strong>{t("followUp.traceSources")}</strong>
          </p>
          <ul>
            {trace.sources.map((s) => (
              <li key={`${s.row.label}-${s.row.href ?? ""}`}>
                <Source link={s.row} />
                {s.refs.length > 0 ? (
                  <>
                    {": "}
                    {s.refs.map((ref, i) => (
                      <Fragment key={`${ref.label}-${ref.href ?? i}`}>
                        {i > 0 ? ", " : null}
                        <Source link={ref} />
                      </Fragment>
                    ))}
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          <p className="field__hint">{t("followUp.traceNoParticipants")}</p>
        </>
      ) : null}
    </details>
  );
}

/** A narrative section: the office's text, or the sentences Samspår generated. */
export function EditableSection({ text, none }: { text: EditableView; none: string }) {
  return (
    <>
      {text.edited !== null ? (
        <RichText text={text.edited} headingLevel={3} />
      ) : text.paragraphs.length === 0 ? (
        <p>{none}</p>
      ) : (
        text.paragraphs.map((p) => <p key={p}>{p}</p>)
      )}
      {text.edited !== null || text.paragraphs.length > 0 ? (
        <p className="field__hint">{text.note}</p>
      ) : null}
    </>
  );
}

/** The section ids of the page, in order, for its table of contents. */
export const SECTION_IDS = [
  ["summary", "sammanfattning"],
  ["background", "bakgrund"],
  ["initiatives", "tabell-1"],
  ["goalStatus", "tabell-2"],
  ["preconditions", "tabell-3"],
  ["budget", "tabell-4"],
  ["quality", "tabell-5"],
  ["structure", "struktur-och-individ"],
  ["individual", "tabell-6"],
  ["exitReasons", "tabell-7"],
  ["participantBackground", "deltagarnas-bakgrund"],
  ["participants", "tabell-8"],
  ["progression", "progression"],
  ["portalUsage", "deltagarportalen"],
  ["coursesFeedback", "kurser-och-tyck-till"],
  ["endedInitiatives", "avslutade-insatser"],
  ["analysis", "sammanfattande-analys"],
  ["disclosure", "rojandekontroll"],
] as const;

type Key = (typeof SECTION_IDS)[number][0];
const idOf = (key: Key) => SECTION_IDS.find(([k]) => k === key)?.[1] ?? key;

function Section({
  id,
  title,
  children,
  editLink,
}: {
  id: string;
  title: string;
  children: React.ReactNode;
  editLink?: { to: string; label: string } | null;
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} tabIndex={-1}>
        {title}
      </h2>
      {children}
      {editLink ? (
        <p>
          <Link to={editLink.to}>{editLink.label}</Link>
        </p>
      ) : null}
    </section>
  );
}

/** Every section of the report, in order. `editTo` links the office's texts to their form. */
export function FollowUpReportSections({
  view,
  titles,
  editTo,
}: {
  view: ReportView;
  titles: Record<Key | "definitions", string>;
  editTo: ((field: "summary" | "background" | "analysis") => string) | null;
}) {
  const { t } = useI18n();
  const edit = (field: "summary" | "background" | "analysis") =>
    editTo ? { to: editTo(field), label: t(`followUp.edit.${field}`) } : null;
  const table = (key: Exclude<keyof ReportView["tables"], "feedback">, empty: string) => (
    <>
      <ReportTable table={view.tables[key]} empty={empty} />
      <Trace trace={view.trace[key]} title={titles[key]} />
    </>
  );
  return (
    <>
      <Section id={idOf("summary")} title={titles.summary} editLink={edit("summary")}>
        <EditableSection text={view.summary} none={t("followUp.noSummary")} />
        <Trace trace={view.trace.summary} title={titles.summary} />
      </Section>
      <Section id={idOf("background")} title={titles.background} editLink={edit("background")}>
        <EditableSection text={view.background} none={t("followUp.noBackground")} />
      </Section>
      <Section id={idOf("initiatives")} title={titles.initiatives}>
        {table("initiatives", t("followUp.empty.initiatives"))}
      </Section>
      <Section id={idOf("goalStatus")} title={titles.goalStatus}>
        {table("goalStatus", t("followUp.empty.active"))}
        {view.goalComments.length > 0 ? (
          <>
            <h3>{t("followUp.goalComments")}</h3>
            <dl className="summary">
              {view.goalComments.map((c) => (
                <Fragment key={c.name}>
                  <dt>{c.name}</dt>
                  <dd>{c.comment}</dd>
                </Fragment>
              ))}
            </dl>
          </>
        ) : null}
      </Section>
      <Section id={idOf("preconditions")} title={titles.preconditions}>
        {table("preconditions", t("followUp.empty.active"))}
      </Section>
      <Section id={idOf("budget")} title={titles.budget}>
        {table("budget", t("followUp.empty.budget"))}
        <Chart chart={view.charts.budget} none={t("followUp.noChart.budget")} />
      </Section>
      <Section id={idOf("quality")} title={titles.quality}>
        {table("quality", t("followUp.empty.active"))}
      </Section>
      <Section id={idOf("structure")} title={titles.structure}>
        {table("structure", t("followUp.empty.active"))}
      </Section>
      <Section id={idOf("individual")} title={titles.individual}>
        {table("individual", t("followUp.empty.individual"))}
      </Section>
      <Section id={idOf("exitReasons")} title={titles.exitReasons}>
        {table("exitReasons", t("followUp.empty.exits"))}
        <Chart chart={view.charts.exits} none={t("followUp.noChart.exits")} />
      </Section>
      <Section id={idOf("participantBackground")} title={titles.participantBackground}>
        {table("participantBackground", t("followUp.empty.enrolled"))}
      </Section>
      <Section id={idOf("participants")} title={titles.participants}>
        {table("participants", t("followUp.empty.individual"))}
        <Chart chart={view.charts.participants} none={t("followUp.noChart.participants")} />
      </Section>
      <Section id={idOf("progression")} title={titles.progression}>
        {table("progression", "")}
      </Section>
      <Section id={idOf("portalUsage")} title={titles.portalUsage}>
        {table("portalUsage", "")}
      </Section>
      <Section id={idOf("coursesFeedback")} title={titles.coursesFeedback}>
        <h3>{view.tables.coursesFeedback.title}</h3>
        <ReportTable table={view.tables.coursesFeedback} empty="" />
        <h3>{view.tables.feedback.title}</h3>
        <ReportTable table={view.tables.feedback} empty="" />
        <Trace trace={view.trace.coursesFeedback} title={titles.coursesFeedback} />
      </Section>
      <Section id={idOf("endedInitiatives")} title={titles.endedInitiatives}>
        {view.ended.length === 0 ? <p>{t("followUp.empty.ended")}</p> : null}
        {view.ended.map((e) => (
          <article key={e.id} aria-labelledby={`avslutad-${e.id}`}>
            <h3 id={`avslutad-${e.id}`}>{e.name}</h3>
            <dl className="summary">
              <dt>{t("followUp.ended.owner")}</dt>
              <dd>{e.owner}</dd>
              <dt>{t("followUp.ended.partners")}</dt>
              <dd>{e.partners.join(", ") || "–"}</dd>
              <dt>{t("followUp.ended.dates")}</dt>
              <dd>{`${e.startDate ?? "–"} – ${e.endDate ?? "–"}`}</dd>
              <dt>{t("followUp.ended.finalReport")}</dt>
              <dd>{e.finalReport ? <Source link={e.finalReport} /> : t("followUp.ended.none")}</dd>
            </dl>
            <h4>{t("followUp.ended.purpose")}</h4>
            <RichText text={e.purpose} headingLevel={5} empty="–" />
            <h4>{t("followUp.ended.outcome")}</h4>
            <RichText text={e.outcomeSummary} headingLevel={5} empty="–" />
          </article>
        ))}
        <Trace trace={view.trace.endedInitiatives} title={titles.endedInitiatives} />
      </Section>
      <Section id={idOf("analysis")} title={titles.analysis} editLink={edit("analysis")}>
        <EditableSection text={view.analysis} none={t("followUp.noAnalysis")} />
      </Section>
      <Section id={idOf("disclosure")} title={titles.disclosure}>
        {view.disclosure.map((s) => (
          <p key={s}>{s}</p>
        ))}
        <Trace trace={view.trace.disclosure} title={titles.disclosure} />
      </Section>
    </>
  );
}
