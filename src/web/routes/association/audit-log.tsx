// The auditor's view of the audit log: search by text, action and dates; the chain's state.
import { Link, Form as RouterForm } from "react-router";
import { searchAuditLog } from "../../../audit/search-audit-log.ts";
import { verifyAuditChain } from "../../../audit/verify-audit-chain.ts";
import { formatDateTime } from "../../../platform/i18n/format.ts";
import { requireAssociation } from "../../guard.server.ts";
import { TextField } from "../../ui/form.tsx";
import { useT } from "../../ui/i18n.tsx";
import type { Route } from "./+types/audit-log.ts";

const isoDate = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, association } = await requireAssociation(
    context,
    request,
    params.association,
    "audit.view",
  );
  const url = new URL(request.url);
  const search = {
    text: url.searchParams.get("q")?.trim() || undefined,
    from: isoDate(url.searchParams.get("fran")),
    to: isoDate(url.searchParams.get("till")),
    before: Number(url.searchParams.get("fore")) || undefined,
  };
  const [result, chain] = await Promise.all([
    searchAuditLog(state.services.db, { associationId: association.id, ...search }),
    verifyAuditChain(state.services.db),
  ]);
  return {
    search,
    chain,
    events: result.events.map((e) => ({
      seq: e.seq,
      at: formatDateTime(e.occurredAt),
      actor: e.actorLabel,
      action: e.action,
      target: e.targetType ? `${e.targetType} ${e.targetId ?? ""}` : "",
      details: JSON.stringify(e.details),
      requestId: e.requestId,
    })),
    more: result.more,
  };
}

export default function AuditLog({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { search, chain, events, more } = loaderData;
  const last = events.at(-1);
  const next = new URLSearchParams({
    ...(search.text ? { q: search.text } : {}),
    ...(search.from ? { fran: search.from } : {}),
    ...(search.to ? { till: search.to } : {}),
    ...(last ? { fore: String(last.seq) } : {}),
  });
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${t("nav.auditLog")} – Samspår`}</title>
      <h1>{t("nav.auditLog")}</h1>
      <p className={chain.ok ? "notice" : "warning"} role="status">
        {chain.ok
          ? t("audit.chainOk", { count: chain.events })
          : t("audit.chainBroken", { seq: chain.brokenAtSeq })}
      </p>
      <RouterForm method="get" className="search-form">
        <TextField
          name="q"
          type="search"
          label={t("audit.searchText")}
          defaultValue={search.text}
        />
        <TextField
          name="fran"
          type="date"
          label={t("audit.from")}
          width="short"
          defaultValue={search.from}
        />
        <TextField
          name="till"
          type="date"
          label={t("audit.to")}
          width="short"
          defaultValue={search.to}
        />
        <button type="submit" className="button button--secondary">
          {t("common.search")}
        </button>
      </RouterForm>
      <div className="table-wrap">
        <table>
          <caption>{t("audit.count", { count: events.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("audit.when")}</th>
              <th scope="col">{t("audit.who")}</th>
              <th scope="col">{t("audit.what")}</th>
              <th scope="col">{t("audit.target")}</th>
              <th scope="col">{t("audit.details")}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.seq}>
                <td className="mono">{e.at}</td>
                <td>{e.actor}</td>
                <td className="mono">{e.action}</td>
                <td className="mono">{e.target}</td>
                <td className="mono">{e.details}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {more ? <Link to={`?${next}`}>{t("audit.older")}</Link> : null}
    </main>
  );
}
