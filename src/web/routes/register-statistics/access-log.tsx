// Registerlogg: the auditor's search of the participant register's access log — who read,
// searched, revealed, exported, changed or erased what, when, and the outcome. Log rows only:
// a participant appears as the record's id, never as a person.
import { data, Link, Form as RouterForm } from "react-router";
import { ForbiddenError } from "../../../access/policy.ts";
import { isRole } from "../../../people/roles.ts";
import type { MessageKey } from "../../../platform/i18n/translate.ts";
import { requireAssociation } from "../../guard.server.ts";
import { ErrorSummary, SelectField, TextField } from "../../ui/form.tsx";
import { useT } from "../../ui/i18n.tsx";
import { TableWrap } from "../../ui/table-wrap.tsx";
import type { Route } from "./+types/access-log.ts";
import { loadAccessLogPage } from "./access-log.server.ts";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, principal, association } = await requireAssociation(
    context,
    request,
    params.association,
    "register.access_log",
  );
  const page = await loadAccessLogPage(
    state.services.db,
    principal,
    association.id,
    new URL(request.url),
  );
  if (!page)
    throw data({ message: new ForbiddenError("register.access_log").message }, { status: 403 });
  return data({ slug: association.slug, ...page }, { status: page.errors ? 400 : 200 });
}

export default function RegisterAccessLog({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { slug, query, page, pages, pageSize, total, entries, people, actions, errors } =
    loaderData;
  const base = `/${slug}/registerlogg`;
  const withQuery = (changes: Record<string, string>) => {
    const params = new URLSearchParams();
    const all = {
      person: query.person,
      deltagare: query.participant,
      handelse: query.action,
      fran: query.from,
      till: query.to,
      ...changes,
    };
    for (const [key, value] of Object.entries(all)) if (value) params.set(key, value);
    const text = params.toString();
    return text ? `${base}?${text}` : base;
  };
  const roleText = (role: string) =>
    isRole(role) ? t(`role.${role}`) : role === "system" ? t("registerLog.roleSystem") : role;
  // a field the catalogue does not name (translate gives back the key) is shown as stored
  const fieldText = (field: string) => {
    const key = `registerLog.field.${field}`;
    const text = t(key as MessageKey);
    return text === key ? field : text;
  };
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = (page - 1) * pageSize + entries.length;
  const filtered = Object.values(query).some(Boolean);
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${t("registerLog.title")} – Samspår`}</title>
      <h1>{t("registerLog.title")}</h1>
      <p className="lead">{t("registerLog.lead")}</p>
      {errors ? (
        <>
          <p className="warning">{t("registerLog.invalid")}</p>
          <ErrorSummary errors={errors} />
        </>
      ) : null}
      <section aria-labelledby="logg-sok">
        <h2 id="logg-sok">{t("registerLog.filters")}</h2>
        <RouterForm
          method="get"
          className="search-form"
          // a new query fills the fields anew (they are uncontrolled)
          key={JSON.stringify(query)}
        >
          <SelectField
            name="person"
            label={t("registerLog.person")}
            defaultValue={query.person}
            error={errors?.person}
            options={[
              { value: "", label: t("registerLog.anyPerson") },
              ...people.map((p) => ({ value: p.id, label: p.name })),
            ]}
          />
          <TextField
            name="deltagare"
            label={t("registerLog.participant")}
            hint={t("registerLog.participantHint")}
            defaultValue={query.participant}
            error={errors?.deltagare}
          />
          <SelectField
            name="handelse"
            label={t("registerLog.action")}
            defaultValue={query.action}
            error={errors?.handelse}
            options={[
              { value: "", label: t("registerLog.anyAction") },
              ...actions.map((a) => ({ value: a, label: t(`registerLog.action.${a}`) })),
            ]}
          />
          <TextField
            name="fran"
            type="date"
            label={t("registerLog.from")}
            hint={t("registerLog.dateHint")}
            width="short"
            defaultValue={query.from}
            error={errors?.fran}
          />
          <TextField
            name="till"
            type="date"
            label={t("registerLog.to")}
            hint={t("registerLog.dateHint")}
            width="short"
            defaultValue={query.to}
            error={errors?.till}
          />
          <button type="submit" className="button button--primary">
            {t("registerLog.search")}
          </button>
        </RouterForm>
        {filtered ? <Link to={base}>{t("registerLog.clear")}</Link> : null}
      </section>

      <p role="status">{t("registerLog.count", { total })}</p>
      {entries.length > 0 ? (
        <TableWrap label={t("registerLog.caption", { first, last, total })}>
          <table>
            <caption>{t("registerLog.caption", { first, last, total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("registerLog.when")}</th>
                <th scope="col">{t("registerLog.who")}</th>
                <th scope="col">{t("registerLog.role")}</th>
                <th scope="col">{t("registerLog.organisation")}</th>
                <th scope="col">{t("registerLog.what")}</th>
                <th scope="col">{t("registerLog.fields")}</th>
                <th scope="col">{t("registerLog.record")}</th>
                <th scope="col">{t("registerLog.register")}</th>
                <th scope="col">{t("registerLog.outcome")}</th>
                <th scope="col">{t("registerLog.request")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td className="date mono">{e.at}</td>
                  <td>{e.who}</td>
                  <td>{roleText(e.role)}</td>
                  <td>{e.organisation}</td>
                  <td>{t(`registerLog.action.${e.action}`)}</td>
                  <td>{e.fields.map(fieldText).join(", ")}</td>
                  <td className="mono">
                    {e.participantId ? (
                      <Link
                        to={withQuery({ deltagare: e.participantId, sida: "" })}
                        aria-label={t("registerLog.onlyRecord", { id: e.participantId })}
                      >
                        {e.participantId.slice(0, 8)}
                      </Link>
                    ) : (
                      t("registerLog.noRecord")
                    )}
                  </td>
                  <td>{e.dataController}</td>
                  <td>{t(`registerLog.outcome.${e.outcome}`)}</td>
                  <td className="mono">{e.requestId ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      {pages > 1 ? (
        <nav aria-label={t("registerLog.pages")}>
          <ul className="link-list">
            {page > 1 ? (
              <li>
                <Link to={withQuery({ sida: String(page - 1) })} rel="prev">
                  {t("registerLog.previous")}
                </Link>
              </li>
            ) : null}
            <li aria-current="page">{t("registerLog.page", { page, pages })}</li>
            {page < pages ? (
              <li>
                <Link to={withQuery({ sida: String(page + 1) })} rel="next">
                  {t("registerLog.next")}
                </Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </main>
  );
}
