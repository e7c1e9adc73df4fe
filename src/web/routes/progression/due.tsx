// The coach's list of measurements due: for every participant of the officer's initiatives that
// have a measurement plan, the occasions overdue, to do within the grace period and coming next,
// overdue first. Filtered by initiative and status with a plain GET form; each row links to the
// interview form for that instrument and occasion. Listing is a search in the register's access
// log (one entry per participant listed).
import { Link, Form as RouterForm } from "react-router";
import { formatDate } from "../../../platform/i18n/format.ts";
import { DUE_STATUSES, type DueStatus } from "../../../progression/due.ts";
import { listDue } from "../../../progression/measurements.ts";
import { SelectField } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { TableWrap } from "../../ui/table-wrap.tsx";
import { forbidden, requireRegister } from "../register/register-access.server.ts";
import { identityText } from "../register/register-ui.tsx";
import type { Route } from "./+types/due.ts";
import { measurableInitiatives } from "./measure-access.server.ts";
import { occasionText, STATUS_KEYS, textOf } from "./measure-ui.tsx";

const LISTED = DUE_STATUSES.filter((s) => s !== "klar");
const isListed = (v: string | null): v is Exclude<DueStatus, "klar"> =>
  v !== null && (LISTED as readonly string[]).includes(v);

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const register = await requireRegister(context, request, params.association);
  const { association, principal } = register;
  const individual = register.initiatives.filter((i) => i.orientation === "individual");
  const allowed = measurableInitiatives(
    principal,
    association.id,
    individual.map((i) => i.id),
  );
  if (allowed.length === 0) throw forbidden("progression.measure");
  const query = new URL(request.url).searchParams;
  const asked = query.get("insats") ?? "";
  const chosen = allowed.includes(asked) ? asked : "";
  const askedStatus = query.get("status");
  const status = isListed(askedStatus) ? askedStatus : "";
  const rows = await listDue(register.db, register.crypto, register, register.today, {
    initiativeIds: chosen ? [chosen] : allowed,
  });
  return {
    slug: association.slug,
    initiativeId: chosen,
    status,
    today: formatDate(register.today),
    initiatives: individual
      .filter((i) => allowed.includes(i.id))
      .map((i) => ({ id: i.id, name: i.name })),
    counts: Object.fromEntries(LISTED.map((s) => [s, rows.filter((r) => r.status === s).length])),
    rows: rows
      .filter((r) => status === "" || r.status === status)
      .map((r) => ({
        key: `${r.enrollmentId}-${r.instrumentVersionId}-${r.occasion}-${r.number}`,
        enrollmentId: r.enrollmentId,
        identity: r.identity,
        identityState: r.identityState,
        externalKey: r.externalKey ?? "",
        initiativeName: r.initiativeName,
        instrumentName: r.instrumentName,
        versionId: r.instrumentVersionId,
        occasion: r.occasion,
        number: r.number,
        dueOn: formatDate(r.dueOn),
        lastDayOn: formatDate(r.lastDayOn),
        status: r.status,
      })),
  };
}

export default function DueList({ loaderData: d }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const title = t("progression.measure.due.title");
  const base = `/${d.slug}/deltagare/matningar`;
  const showInitiative = !d.initiativeId && d.initiatives.length > 1;
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <p>
        <Link to={`/${d.slug}/deltagare`}>{t("progression.measure.backToParticipants")}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t("progression.measure.due.intro", { today: d.today })}</p>
      <p>{t("register.loggedNote")}</p>
      <ul>
        <li>{t("progression.measure.due.countOverdue", { count: d.counts.forsenad ?? 0 })}</li>
        <li>{t("progression.measure.due.countToDo", { count: d.counts.att_gora ?? 0 })}</li>
        <li>{t("progression.measure.due.countComing", { count: d.counts.kommande ?? 0 })}</li>
      </ul>
      <RouterForm method="get" action={base}>
        <fieldset>
          <legend>{t("progression.measure.due.filter")}</legend>
          {d.initiatives.length > 1 ? (
            <SelectField
              name="insats"
              label={t("progression.measure.initiative")}
              defaultValue={d.initiativeId}
              options={[
                { value: "", label: t("progression.measure.due.allInitiatives") },
                ...d.initiatives.map((i) => ({ value: i.id, label: i.name })),
              ]}
            />
          ) : null}
          <SelectField
            name="status"
            label={t("progression.measure.due.status")}
            defaultValue={d.status}
            options={[
              { value: "", label: t("progression.measure.due.allStatuses") },
              ...(["forsenad", "att_gora", "kommande"] as const).map((s) => ({
                value: s,
                label: t(STATUS_KEYS[s]),
              })),
            ]}
          />
          <button type="submit" className="button button--secondary">
            {t("progression.measure.due.submit")}
          </button>
        </fieldset>
      </RouterForm>
      {d.rows.length === 0 ? (
        <p>{t("progression.measure.due.none")}</p>
      ) : (
        <TableWrap label={t("progression.measure.due.caption", { count: d.rows.length })}>
          <table>
            <caption>{t("progression.measure.due.caption", { count: d.rows.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("progression.measure.participant")}</th>
                <th scope="col">{t("register.field.externalKey")}</th>
                {showInitiative ? <th scope="col">{t("progression.measure.initiative")}</th> : null}
                <th scope="col">{t("progression.measure.instrument")}</th>
                <th scope="col">{t("progression.measure.occasion")}</th>
                <th scope="col">{t("progression.measure.due.dueOn")}</th>
                <th scope="col">{t("progression.measure.due.status")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("progression.measure.due.enter")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r) => {
                const who = identityText(t, r);
                const occasion = occasionText(t, r.occasion, r.number);
                return (
                  <tr key={r.key}>
                    <th scope="row">
                      <Link to={`/${d.slug}/deltagare/${r.enrollmentId}/matningar`}>{who}</Link>
                    </th>
                    <td>{r.externalKey}</td>
                    {showInitiative ? <td>{r.initiativeName}</td> : null}
                    <td>{textOf(r.instrumentName, locale)}</td>
                    <td>{occasion}</td>
                    <td className="date">{r.dueOn}</td>
                    <td>
                      {t(STATUS_KEYS[r.status])}
                      {r.status === "att_gora" ? (
                        <> {t("progression.measure.due.lastDay", { date: r.lastDayOn })}</>
                      ) : null}
                    </td>
                    <td>
                      {r.status === "kommande" ? null : (
                        <Link
                          to={`/${d.slug}/deltagare/${r.enrollmentId}/matningar/ny?version=${r.versionId}&tillfalle=${r.occasion}`}
                          aria-label={t("progression.measure.due.enterFor", {
                            occasion,
                            participant: who,
                          })}
                        >
                          {t("progression.measure.due.enter")}
                        </Link>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
    </main>
  );
}
