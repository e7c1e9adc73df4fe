// A participant officer's participants: the enrollments of the initiatives they hold the role
// on, newest start first, the identity masked (or "anonym"), gender, birth year, start, end and
// status, filtered by initiative and by ongoing/ended with a plain GET form. Listing is a search
// in the register's access log (one entry per participant listed). Structural initiatives have
// no participants of their own, only counts per period: they are linked to that page.
import { Link, Form as RouterForm } from "react-router";
import { formatDate } from "../../../platform/i18n/format.ts";
import type { MessageKey } from "../../../platform/i18n/translate.ts";
import { listEnrollments } from "../../../register/participants.ts";
import { SelectField } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { TableWrap } from "../../ui/table-wrap.tsx";
import type { Route } from "./+types/enrollments.ts";
import { requireRegister } from "./register-access.server.ts";
import { codeText, identityText, statusText } from "./register-ui.tsx";

const STATUSES = ["all", "open", "ended"] as const;
type Status = (typeof STATUSES)[number];
const isStatus = (v: string | null): v is Status =>
  v !== null && (STATUSES as readonly string[]).includes(v);

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const register = await requireRegister(context, request, params.association);
  const { association, initiatives } = register;
  const query = new URL(request.url).searchParams;
  const individual = initiatives.filter((i) => i.orientation === "individual");
  const asked = query.get("insats") ?? "";
  const chosen = individual.find((i) => i.id === asked);
  const askedStatus = query.get("status");
  const status: Status = isStatus(askedStatus) ? askedStatus : "all";
  const rows = [];
  for (const initiative of chosen ? [chosen] : individual) {
    const views = await listEnrollments(
      register.db,
      register.crypto,
      register.actor,
      register.scope,
      initiative.id,
      { status },
    );
    rows.push(...views);
  }
  rows.sort(
    (a, b) =>
      b.startDate.localeCompare(a.startDate) ||
      a.initiativeName.localeCompare(b.initiativeName, "sv"),
  );
  return {
    slug: association.slug,
    initiativeId: chosen?.id ?? "",
    status,
    initiatives: individual.map((i) => ({ id: i.id, name: i.name })),
    structural: initiatives
      .filter((i) => i.orientation === "structural")
      .map((i) => ({ id: i.id, name: i.name })),
    showInitiative: !chosen && individual.length > 1,
    enrollments: rows.map((e) => ({
      id: e.id,
      identity: e.participant.identity,
      identityState: e.participant.identityState,
      externalKey: e.externalKey ?? "",
      initiativeName: e.initiativeName,
      gender: e.participant.gender,
      birthYear: e.participant.birthYear,
      startDate: formatDate(e.startDate),
      endDate: e.endDate ? formatDate(e.endDate) : "",
      voided: e.voided,
      exitStatus: e.exit?.status ?? null,
    })),
  };
}

const STATUS_LABELS: Record<Status, MessageKey> = {
  all: "register.filter.all",
  open: "register.filter.open",
  ended: "register.filter.ended",
};

export default function Enrollments({ loaderData: d }: Route.ComponentProps) {
  const { t } = useI18n();
  const title = t("register.title");
  const base = `/${d.slug}/deltagare`;
  const withInitiative = d.initiativeId ? `?insats=${d.initiativeId}` : "";
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <h1>{title}</h1>
      <p className="lead">{t("register.list.intro")}</p>
      <p>{t("register.loggedNote")}</p>
      {d.initiatives.length > 0 ? (
        <div className="button-row">
          <Link className="button button--primary" to={`${base}/ny${withInitiative}`}>
            {t("register.action.register")}
          </Link>
          <Link className="button button--secondary" to={`${base}/importera${withInitiative}`}>
            {t("register.action.import")}
          </Link>
          <Link className="button button--secondary" to={`${base}/matningar`}>
            {t("progression.measure.link.due")}
          </Link>
        </div>
      ) : null}

      {d.structural.length > 0 ? (
        <section aria-labelledby="structural">
          <h2 id="structural">{t("register.list.structuralTitle")}</h2>
          <p>{t("register.list.structuralIntro")}</p>
          <ul>
            {d.structural.map((s) => (
              <li key={s.id}>
                <Link to={`/${d.slug}/insatser/${s.id}/deltagarantal`}>
                  {t("register.list.countsOf", { name: s.name })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {d.initiatives.length > 0 ? (
        <>
          <RouterForm method="get" action={base}>
            <fieldset>
              <legend>{t("register.filter.legend")}</legend>
              {d.initiatives.length > 1 ? (
                <SelectField
                  name="insats"
                  label={t("register.field.initiative")}
                  defaultValue={d.initiativeId}
                  options={[
                    { value: "", label: t("register.filter.allInitiatives") },
                    ...d.initiatives.map((i) => ({ value: i.id, label: i.name })),
                  ]}
                />
              ) : null}
              <SelectField
                name="status"
                label={t("register.filter.status")}
                defaultValue={d.status}
                options={(Object.keys(STATUS_LABELS) as Status[]).map((s) => ({
                  value: s,
                  label: t(STATUS_LABELS[s]),
                }))}
              />
              <button type="submit" className="button button--secondary">
                {t("register.filter.submit")}
              </button>
            </fieldset>
          </RouterForm>

          {d.enrollments.length === 0 ? (
            <p>{t("register.list.none")}</p>
          ) : (
            <TableWrap label={t("register.list.caption", { count: d.enrollments.length })}>
              <table>
                <caption>{t("register.list.caption", { count: d.enrollments.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("register.column.participant")}</th>
                    <th scope="col">{t("register.field.externalKey")}</th>
                    {d.showInitiative ? (
                      <th scope="col">{t("register.field.initiative")}</th>
                    ) : null}
                    <th scope="col">{t("register.field.gender")}</th>
                    <th scope="col">{t("register.field.birthYear")}</th>
                    <th scope="col">{t("register.column.start")}</th>
                    <th scope="col">{t("register.column.end")}</th>
                    <th scope="col">{t("register.column.status")}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.enrollments.map((e) => (
                    <tr key={e.id}>
                      <th scope="row">
                        <Link to={`${base}/${e.id}`}>{identityText(t, e)}</Link>
                      </th>
                      <td>{e.externalKey}</td>
                      {d.showInitiative ? <td>{e.initiativeName}</td> : null}
                      <td>{codeText(t, "gender", e.gender)}</td>
                      <td>{e.birthYear ?? ""}</td>
                      <td className="date">{e.startDate}</td>
                      <td className="date">{e.endDate}</td>
                      <td>{statusText(t, e)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
        </>
      ) : null}
    </main>
  );
}
