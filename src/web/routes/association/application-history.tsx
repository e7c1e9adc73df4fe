// An application's versions, newest first: who did what and when, and what changed between
// any two of them, field by field and line by line. Removed and added lines say so in words
// ("Borttaget:", "Tillagt:") as well as by their marking, never by colour alone.
import { data, Link, Form as RouterForm } from "react-router";
import { canOnInitiative, ForbiddenError, visibleApplications } from "../../../access/policy.ts";
import { diffContent } from "../../../applications/diff.ts";
import {
  getApplication,
  getApplicationVersion,
  listApplicationVersions,
} from "../../../applications/get-application.ts";
import { formatDateTime } from "../../../platform/i18n/format.ts";
import type { MessageKey } from "../../../platform/i18n/translate.ts";
import { requireAssociation } from "../../guard.server.ts";
import { SelectField } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import type { Route } from "./+types/application-history.ts";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, principal, association } = await requireAssociation(
    context,
    request,
    params.association,
    "association.enter",
  );
  const visible = visibleApplications(principal, association.id);
  if (visible !== "all" && visible.length === 0)
    throw data({ message: new ForbiddenError("application.view").message }, { status: 403 });
  const db = state.services.db;
  const a = await getApplication(db, association.id, params.applicationId);
  if (!a) throw data({ message: "Ansökan finns inte." }, { status: 404 });
  if (!canOnInitiative(principal, "application.view", association.id, a.initiativeId))
    throw data({ message: new ForbiddenError("application.view").message }, { status: 403 });

  const versions = await listApplicationVersions(db, a.id);
  const query = new URL(request.url).searchParams;
  const pick = (v: string | null) => {
    const n = Number(v);
    return v && versions.some((x) => x.version === n) ? n : undefined;
  };
  const to = pick(query.get("till")) ?? versions[0]?.version ?? a.version;
  // by default: the content before its latest change (status changes leave the content as it was)
  const lastSave = versions.find((v) => v.version <= to && v.event === "saved");
  const from =
    pick(query.get("fran")) ??
    (lastSave ? lastSave.version - 1 : versions[versions.length - 1]?.version) ??
    to;
  let changes: Array<{
    key: string;
    label: string;
    lines: Array<{ op: "same" | "removed" | "added"; text: string }>;
  }> = [];
  if (from !== to) {
    const before = await getApplicationVersion(db, a.id, from);
    const after = await getApplicationVersion(db, a.id, to);
    if (before && after)
      changes = diffContent(before.content, after.content, a.orgName).map((c) => ({
        key: c.key,
        label: c.label,
        lines: c.lines,
      }));
  }
  return {
    slug: association.slug,
    id: a.id,
    name: a.content.name,
    from,
    to,
    versions: versions.map((v) => ({
      version: v.version,
      status: v.status,
      event: v.event,
      note: v.note ?? "",
      actorName: v.actorName,
      at: formatDateTime(v.createdAt),
    })),
    changes,
  };
}

const EVENTS: Record<string, MessageKey> = {
  created: "application.event.created",
  saved: "application.event.saved",
  submitted: "application.event.submitted",
  registered: "application.event.registered",
  returned: "application.event.returned",
  completed: "application.event.completed",
  preparation_started: "application.event.preparationStarted",
  decided: "application.event.decided",
};

export default function ApplicationHistory({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { slug, id, versions, changes, from, to } = loaderData;
  const base = `/${slug}/ansokningar/${id}`;
  const name = loaderData.name || t("applications.unnamed");
  const title = t("application.historyTitle", { name });
  const event = (e: string) => {
    const key = EVENTS[e];
    return key ? t(key) : e;
  };
  const options = versions.map((v) => ({
    value: String(v.version),
    label: t("application.versionOption", { version: v.version, event: event(v.event), at: v.at }),
  }));
  const line = (text: string) => (text === "" ? t("application.emptyLine") : text);
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <p>
        <Link to={base}>{t("application.backToApplication")}</Link>
      </p>
      <h1>{title}</h1>

      <div className="table-wrap">
        <table>
          <caption>{t("application.versionsCaption", { count: versions.length })}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t("application.version")}
              </th>
              <th scope="col">{t("application.when")}</th>
              <th scope="col">{t("application.who")}</th>
              <th scope="col">{t("application.event")}</th>
              <th scope="col">{t("applications.status")}</th>
              <th scope="col">{t("application.note")}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.version}>
                <td className="num">{v.version}</td>
                <td className="date">{v.at}</td>
                <td>{v.actorName}</td>
                <td>{event(v.event)}</td>
                <td>{t(`applicationStatus.${v.status}`)}</td>
                <td>{v.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t("application.compareTitle")}</h2>
      {versions.length < 2 ? (
        <p>{t("application.onlyOneVersion")}</p>
      ) : (
        <>
          <RouterForm method="get" action={`${base}/historik`}>
            <SelectField
              name="fran"
              label={t("application.compareFrom")}
              options={options}
              defaultValue={String(from)}
            />
            <SelectField
              name="till"
              label={t("application.compareTo")}
              options={options}
              defaultValue={String(to)}
            />
            <div className="button-row">
              <button type="submit" className="button button--secondary">
                {t("application.compare")}
              </button>
            </div>
          </RouterForm>

          <h3>{t("application.changesTitle", { from, to })}</h3>
          {from === to ? (
            <p>{t("application.sameVersion")}</p>
          ) : changes.length === 0 ? (
            <p>{t("application.noChanges")}</p>
          ) : (
            changes.map((change) => (
              <div key={change.key} className="diff">
                <h4>{change.label}</h4>
                <ul>
                  {change.lines.map((l, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one field, in order
                    <li key={i}>
                      {l.op === "removed" ? (
                        <>
                          <strong>{t("application.removed")}</strong> <del>{line(l.text)}</del>
                        </>
                      ) : l.op === "added" ? (
                        <>
                          <strong>{t("application.added")}</strong> <ins>{line(l.text)}</ins>
                        </>
                      ) : (
                        <span className="field__hint">
                          <span className="visually-hidden">{t("application.unchanged")} </span>
                          {line(l.text)}
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              </div>
            ))
          )}
        </>
      )}
    </main>
  );
}
