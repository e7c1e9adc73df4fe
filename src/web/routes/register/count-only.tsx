// Count-only participation of a structural initiative (trainings, conferences, networks): per
// period, the number of women, men and others — no identities. For the initiative's participant
// officers and the office (register.count_only); the periods entered so far, each changeable,
// and a form for a period's counts with the version it was read at. An individual initiative
// registers its participants one by one instead: the page says so and links there.
import { data, Link } from "react-router";
import { todayInSweden } from "../../../applications/workflow.ts";
import { getInitiative } from "../../../initiatives/get-initiative.ts";
import { formatDateTime } from "../../../platform/i18n/format.ts";
import { countOnlyAccessFor } from "../../../register/count-only-scope.ts";
import { listCountOnly, recordCountOnly } from "../../../register/participants.ts";
import { attempt, redirectWithNotice, requireAssociation } from "../../guard.server.ts";
import { ErrorSummary, Form, SelectField, SubmitButton, useFormFailure } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { TextInput } from "../../ui/periodic-report-form.tsx";
import { TableWrap } from "../../ui/table-wrap.tsx";
import { useWorkflow } from "../../ui/workflow-panels.tsx";
import type { Route } from "./+types/count-only.ts";
import { forbidden } from "./register-access.server.ts";
import { countPeriodLabel } from "./register-ui.tsx";

async function access(
  context: Route.LoaderArgs["context"],
  request: Request,
  params: { association?: string; initiativeId?: string },
) {
  const found = await requireAssociation(context, request, params.association, "association.enter");
  const { state, principal, association } = found;
  const db = state.services.db;
  const count = await countOnlyAccessFor(db, principal, association.id, params.initiativeId ?? "");
  if (count === null) throw data({ message: "Insatsen finns inte." }, { status: 404 });
  if (count === "forbidden") throw forbidden("register.count_only");
  return {
    ...found,
    db,
    count: { ...count, actor: { ...count.actor, requestId: state.requestId } },
  };
}

/** The quarters from the initiative's start (at most eight years back) up to today. */
function quarters(startDate: string | null, endDate: string | null, today: string): string[] {
  const last = endDate && endDate < today ? endDate : today;
  const lastYear = Number(last.slice(0, 4));
  const lastQuarter = Math.floor((Number(last.slice(5, 7)) - 1) / 3) + 1;
  let year = startDate ? Number(startDate.slice(0, 4)) : lastYear - 1;
  let quarter = startDate ? Math.floor((Number(startDate.slice(5, 7)) - 1) / 3) + 1 : 1;
  year = Math.max(year, lastYear - 8);
  const keys: string[] = [];
  while (year < lastYear || (year === lastYear && quarter <= lastQuarter)) {
    keys.push(`${year}-K${quarter}`);
    quarter++;
    if (quarter > 4) {
      quarter = 1;
      year++;
    }
  }
  return keys;
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { association, db, count } = await access(context, request, params);
  const structural = count.initiative.orientation === "structural";
  const rows = structural ? await listCountOnly(db, count.scope, count.initiative.id) : [];
  const details = await getInitiative(db, association.id, count.initiative.id);
  const periods = structural
    ? quarters(details?.startDate ?? null, details?.endDate ?? null, todayInSweden())
    : [];
  for (const r of rows) if (!periods.includes(r.periodKey)) periods.push(r.periodKey);
  periods.sort();
  const asked = new URL(request.url).searchParams.get("period") ?? "";
  const editing = rows.find((r) => r.periodKey === asked);
  return {
    slug: association.slug,
    initiative: count.initiative,
    officer: count.officer,
    structural,
    rows: rows.map((r) => ({
      periodKey: r.periodKey,
      women: r.women,
      men: r.men,
      others: r.others,
      total: r.women + r.men + r.others,
      recordedByName: r.recordedByName,
      updatedAt: formatDateTime(r.updatedAt),
    })),
    periods: periods.reverse(),
    editing: editing
      ? {
          periodKey: editing.periodKey,
          women: String(editing.women),
          men: String(editing.men),
          others: String(editing.others),
          version: editing.version,
        }
      : null,
    versions: Object.fromEntries(rows.map((r) => [r.periodKey, r.version])),
  };
}

const COUNT = /^\d{1,7}$/;

export async function action({ context, request, params }: Route.ActionArgs) {
  const { association, db, count } = await access(context, request, params);
  if (count.initiative.orientation !== "structural")
    throw data(
      {
        message: `${count.initiative.name} är en individinriktad insats: registrera varje deltagare för sig i stället för antal.`,
      },
      { status: 400 },
    );
  const form = await request.formData();
  const field = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v.trim() : "";
  };
  const values = {
    periodKey: field("periodKey"),
    women: field("women"),
    men: field("men"),
    others: field("others"),
    version: field("version"),
  };
  const problems: Record<string, string> = {};
  const labels = { women: "kvinnor", men: "män", others: "övriga" } as const;
  for (const key of ["women", "men", "others"] as const)
    if (!COUNT.test(values[key]))
      problems[key] =
        values[key] === ""
          ? `Fyll i antalet ${labels[key]}, 0 om det inte fanns några.`
          : `Antalet ${labels[key]} ska vara ett heltal, 0 eller mer, till exempel 12.`;
  if (values.periodKey === "") problems.periodKey = "Välj vilken period antalen gäller.";
  if (Object.keys(problems).length) return data({ errors: problems, values }, { status: 400 });
  const here = `/${association.slug}/insatser/${count.initiative.id}/deltagarantal`;
  const result = await attempt(
    () =>
      recordCountOnly(db, count.actor, count.scope, {
        initiativeId: count.initiative.id,
        periodKey: values.periodKey,
        women: Number(values.women),
        men: Number(values.men),
        others: Number(values.others),
        expectedVersion: Number(values.version || "0"),
      }),
    values,
  );
  if (!result.ok) return result.failure;
  return redirectWithNotice(here, "sparat");
}

export default function CountOnly({ loaderData: d }: Route.ComponentProps) {
  const { t } = useI18n();
  const { errors, formKey, noticeKey } = useWorkflow({ sparat: "register.counts.saved" });
  const failure = useFormFailure();
  const title = t("register.counts.title", { name: d.initiative.name });
  const here = `/${d.slug}/insatser/${d.initiative.id}/deltagarantal`;
  const editing = d.editing;
  const value = (name: "periodKey" | "women" | "men" | "others", fallback: string) =>
    failure?.values?.[name] ?? fallback;
  const period = value("periodKey", editing?.periodKey ?? "");
  // the version of the period the form saves: the one read, when editing a saved period
  const version = failure?.values?.version ?? String(editing?.version ?? d.versions[period] ?? 0);
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <p>
        <Link to={`/${d.slug}/insatser/${d.initiative.id}`}>
          {t("register.counts.backToInitiative")}
        </Link>
      </p>
      <h1>{title}</h1>
      {noticeKey ? (
        <p className="notice" role="status">
          {t(noticeKey)}
        </p>
      ) : null}
      {!d.structural ? (
        <>
          <p>{t("register.counts.individual", { name: d.initiative.name })}</p>
          {d.officer ? (
            <p>
              <Link to={`/${d.slug}/deltagare?insats=${d.initiative.id}`}>
                {t("register.counts.toParticipants")}
              </Link>
            </p>
          ) : null}
        </>
      ) : (
        <>
          <p className="lead">{t("register.counts.intro")}</p>
          <ErrorSummary errors={errors} />
          {d.rows.length === 0 ? (
            <p>{t("register.counts.none")}</p>
          ) : (
            <TableWrap label={t("register.counts.caption")}>
              <table>
                <caption>{t("register.counts.caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("register.counts.period")}</th>
                    <th scope="col" className="num">
                      {t("register.counts.women")}
                    </th>
                    <th scope="col" className="num">
                      {t("register.counts.men")}
                    </th>
                    <th scope="col" className="num">
                      {t("register.counts.others")}
                    </th>
                    <th scope="col" className="num">
                      {t("register.counts.total")}
                    </th>
                    <th scope="col">{t("register.counts.recordedBy")}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t("register.counts.change")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.rows.map((r) => (
                    <tr key={r.periodKey}>
                      <th scope="row">{countPeriodLabel(t, r.periodKey)}</th>
                      <td className="num">{r.women}</td>
                      <td className="num">{r.men}</td>
                      <td className="num">{r.others}</td>
                      <td className="num">{r.total}</td>
                      <td>
                        {t("register.counts.recordedByAt", {
                          name: r.recordedByName,
                          at: r.updatedAt,
                        })}
                      </td>
                      <td>
                        <Link
                          to={`${here}?period=${encodeURIComponent(r.periodKey)}#antal`}
                          aria-label={t("register.counts.changeOf", {
                            period: countPeriodLabel(t, r.periodKey),
                          })}
                        >
                          {t("register.counts.change")}
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}

          <section className="panel" aria-labelledby="antal">
            <h2 id="antal">
              {editing
                ? t("register.counts.editTitle", { period: countPeriodLabel(t, editing.periodKey) })
                : t("register.counts.newTitle")}
            </h2>
            <Form
              method="post"
              action={editing ? `${here}?period=${encodeURIComponent(editing.periodKey)}` : here}
              key={`counts-${formKey}`}
              noValidate
            >
              <input type="hidden" name="version" value={version} />
              {editing ? (
                <input type="hidden" name="periodKey" value={editing.periodKey} />
              ) : (
                <SelectField
                  name="periodKey"
                  label={t("register.counts.period")}
                  hint={t("register.counts.periodHint")}
                  required
                  options={[
                    { value: "", label: t("register.choose") },
                    ...d.periods
                      .filter((p) => d.versions[p] === undefined)
                      .map((p) => ({ value: p, label: countPeriodLabel(t, p) })),
                  ]}
                  defaultValue={period}
                  error={errors.periodKey}
                />
              )}
              <TextInput
                name="women"
                label={t("register.counts.women")}
                mark="required"
                inputMode="numeric"
                short
                defaultValue={value("women", editing?.women ?? "")}
                error={errors.women}
              />
              <TextInput
                name="men"
                label={t("register.counts.men")}
                mark="required"
                inputMode="numeric"
                short
                defaultValue={value("men", editing?.men ?? "")}
                error={errors.men}
              />
              <TextInput
                name="others"
                label={t("register.counts.others")}
                hint={t("register.counts.othersHint")}
                mark="required"
                inputMode="numeric"
                short
                defaultValue={value("others", editing?.others ?? "")}
                error={errors.others}
              />
              <div className="button-row">
                <SubmitButton>{t("register.counts.submit")}</SubmitButton>
                {editing ? <Link to={here}>{t("common.cancel")}</Link> : null}
              </div>
            </Form>
          </section>
        </>
      )}
    </main>
  );
}
