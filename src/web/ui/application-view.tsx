// An application read-only, every field in the form's order (APPLICATION_FIELDS) under its
// section: short answers as a description list, narrative fields as rich text, goals, local
// units, budget and co-financing as tables. The application page and the signing page (for a
// signer who is not signed in) show the same thing. Field, category and kind labels are the
// form's own words (content.ts); the page's own words come from the catalogues.
import { Fragment, type ReactNode } from "react";
import {
  APPLICATION_FIELDS,
  type ApplicationContent,
  BUDGET_CATEGORIES,
  BUDGET_CATEGORY_LABELS,
  CO_FINANCING_KIND_LABELS,
} from "../../applications/content.ts";
import { formatDate, formatMoney, formatNumber } from "../../platform/i18n/format.ts";
import { useI18n } from "./i18n.tsx";
import { RichText } from "./rich-text.tsx";

type Field = (typeof APPLICATION_FIELDS)[number];
type Level = 2 | 3 | 4;

const NARRATIVE = new Set<string>([
  "purpose",
  "background",
  "targetGroup",
  "methods",
  "followUp",
  "implementation",
  "anchoringDescription",
]);
const TABLES = new Set<string>(["goals", "localUnits", "budget", "coFinancing"]);

function H({ level, children }: { level: number; children: ReactNode }) {
  if (level <= 2) return <h2>{children}</h2>;
  if (level === 3) return <h3>{children}</h3>;
  if (level === 4) return <h4>{children}</h4>;
  return <h5>{children}</h5>;
}

/** The sections of the form in order, each with its fields. */
const SECTIONS = APPLICATION_FIELDS.reduce<Array<{ title: string; fields: Field[] }>>(
  (out, field) => {
    const last = out[out.length - 1];
    if (last && last.title === field.section) last.fields.push(field);
    else out.push({ title: field.section, fields: [field] });
    return out;
  },
  [],
);

export interface ApplicationViewProps {
  content: ApplicationContent;
  organisations: ReadonlyArray<{ id: string; name: string }>;
  /** The level of the section headings; fields are one below, headings in their texts two. */
  headingLevel?: Level;
}

export function ApplicationView({
  content: c,
  organisations,
  headingLevel = 2,
}: ApplicationViewProps) {
  const { t, locale } = useI18n();
  const orgName = (id: string) =>
    organisations.find((o) => o.id === id)?.name ?? t("application.unknownOrganisation");
  const notFilled = t("application.notFilled");
  const money = (n: number) => formatMoney(n, locale);
  const yesNo = (b: boolean | null) => (b === null ? notFilled : t(b ? "common.yes" : "common.no"));
  const date = (d: string | null) => (d ? formatDate(d) : notFilled);
  const fieldLevel = headingLevel + 1;
  const textLevel = Math.min(headingLevel + 2, 6) as 4 | 5 | 6;

  const simple = (key: string): ReactNode => {
    switch (key) {
      case "name":
        return c.name || notFilled;
      case "ownerOrganisationId":
        return c.ownerOrganisationId ? orgName(c.ownerOrganisationId) : notFilled;
      case "partnerIds":
        return c.partnerIds.length
          ? c.partnerIds
              .map(orgName)
              .sort((a, b) => a.localeCompare(b, "sv"))
              .join(", ")
          : notFilled;
      case "orientation":
        return t(`orientation.${c.orientation}`);
      case "preRehabilitation":
        return yesNo(c.preRehabilitation);
      case "esf":
        return yesNo(c.esf);
      case "startDate":
        return date(c.startDate);
      case "endDate":
        return date(c.endDate);
      case "lastIntakeDate":
        return date(c.lastIntakeDate);
      case "expectedParticipants":
        if (c.expectedParticipants === null) return notFilled;
        return c.expectedParticipantsOngoing
          ? t("initiatives.ongoingCount", {
              count: formatNumber(c.expectedParticipants, locale),
            })
          : formatNumber(c.expectedParticipants, locale);
      case "genderTargetWomenPercent":
        return c.genderTargetWomenPercent === null
          ? notFilled
          : t("application.genderTarget", {
              women: c.genderTargetWomenPercent,
              men: 100 - c.genderTargetWomenPercent,
            });
      case "anchored":
        return yesNo(c.anchored);
      default:
        return notFilled;
    }
  };

  const table = (field: Field): ReactNode => {
    const caption = <caption className="visually-hidden">{field.label}</caption>;
    if (field.key === "goals") {
      if (!c.goals.length) return <p>{notFilled}</p>;
      return (
        <div className="table-wrap">
          <table>
            {caption}
            <thead>
              <tr>
                <th scope="col">{t("application.goalText")}</th>
                <th scope="col">{t("application.goalKind")}</th>
                <th scope="col" className="num">
                  {t("application.goalTarget")}
                </th>
              </tr>
            </thead>
            <tbody>
              {c.goals.map((g, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the goals in their order
                <tr key={i}>
                  <td>{g.text}</td>
                  <td>{t(`goalKind.${g.kind}`)}</td>
                  <td className="num">
                    {[
                      g.targetNumber === null ? "" : formatNumber(g.targetNumber, locale),
                      g.targetPercent === null
                        ? ""
                        : `${formatNumber(g.targetPercent, locale)}\u00a0%`,
                    ]
                      .filter(Boolean)
                      .join(", ") || "–"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
    if (field.key === "localUnits") {
      if (!c.localUnits.length) return <p>{notFilled}</p>;
      return (
        <div className="table-wrap">
          <table>
            {caption}
            <thead>
              <tr>
                <th scope="col">{t("application.localUnitName")}</th>
                <th scope="col" className="num">
                  {t("application.localUnitParticipants")}
                </th>
              </tr>
            </thead>
            <tbody>
              {c.localUnits.map((u, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the units in their order
                <tr key={i}>
                  <td>{u.name}</td>
                  <td className="num">
                    {u.expectedParticipants === null
                      ? notFilled
                      : formatNumber(u.expectedParticipants, locale)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
    if (field.key === "budget") {
      if (!c.budget.length) return <p>{notFilled}</p>;
      const years = [...new Set(c.budget.map((b) => b.year))].sort((a, b) => a - b);
      const amount = (year: number, category: string) =>
        c.budget.find((b) => b.year === year && b.category === category)?.amount ?? 0;
      const yearTotal = (year: number) =>
        c.budget.filter((b) => b.year === year).reduce((s, b) => s + b.amount, 0);
      const total = c.budget.reduce((s, b) => s + b.amount, 0);
      return (
        <div className="table-wrap">
          <table>
            {caption}
            <thead>
              <tr>
                <th scope="col">{t("application.budgetCategory")}</th>
                {years.map((y) => (
                  <th key={y} scope="col" className="num">
                    {y}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t("application.total")}
                </th>
              </tr>
            </thead>
            <tbody>
              {BUDGET_CATEGORIES.map((category) => (
                <tr key={category}>
                  <th scope="row">{BUDGET_CATEGORY_LABELS[category]}</th>
                  {years.map((y) => (
                    <td key={y} className="num">
                      {money(amount(y, category))}
                    </td>
                  ))}
                  <td className="num">
                    {money(
                      c.budget
                        .filter((b) => b.category === category)
                        .reduce((s, b) => s + b.amount, 0),
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("application.total")}</th>
                {years.map((y) => (
                  <td key={y} className="num">
                    {money(yearTotal(y))}
                  </td>
                ))}
                <td className="num">{money(total)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      );
    }
    // co-financing
    if (!c.coFinancing.length) return <p>{notFilled}</p>;
    return (
      <div className="table-wrap">
        <table>
          {caption}
          <thead>
            <tr>
              <th scope="col">{t("application.year")}</th>
              <th scope="col">{t("application.party")}</th>
              <th scope="col">{t("application.coFinancingKind")}</th>
              <th scope="col" className="num">
                {t("application.amount")}
              </th>
            </tr>
          </thead>
          <tbody>
            {c.coFinancing.map((f, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the lines in their order
              <tr key={i}>
                <td>{f.year}</td>
                <td>{orgName(f.organisationId)}</td>
                <td>{CO_FINANCING_KIND_LABELS[f.kind]}</td>
                <td className="num">{money(f.amount)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                {t("application.total")}
              </th>
              <td className="num">{money(c.coFinancing.reduce((s, f) => s + f.amount, 0))}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    );
  };

  return (
    <div className="application-view">
      {SECTIONS.map((section) => {
        // consecutive short answers share one description list
        const parts: ReactNode[] = [];
        let terms: Field[] = [];
        const flush = () => {
          if (!terms.length) return;
          parts.push(
            <dl className="summary" key={`dl-${terms[0]?.key}`}>
              {terms.map((f) => (
                <Fragment key={f.key}>
                  <dt>{f.label}</dt>
                  <dd>{simple(f.key)}</dd>
                </Fragment>
              ))}
            </dl>,
          );
          terms = [];
        };
        for (const field of section.fields) {
          if (!NARRATIVE.has(field.key) && !TABLES.has(field.key)) {
            terms.push(field);
            continue;
          }
          flush();
          parts.push(
            <div key={field.key} className="application-view__field">
              <H level={fieldLevel}>{field.label}</H>
              {NARRATIVE.has(field.key) ? (
                <RichText
                  text={String(c[field.key as keyof ApplicationContent] ?? "")}
                  headingLevel={textLevel}
                  empty={notFilled}
                />
              ) : (
                table(field)
              )}
            </div>,
          );
        }
        flush();
        return (
          <div key={section.title} className="application-view__section">
            <H level={headingLevel}>{section.title}</H>
            {parts}
          </div>
        );
      })}
    </div>
  );
}
