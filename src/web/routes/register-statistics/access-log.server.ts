// What the auditor's search of the register's access log shows: the filters as asked, the page of
// log rows (when, who, role, organisation, action, fields, outcome, the record's id) — read
// through searchAccessLog with the auditor's access-log scope, which reaches the log and nothing
// else of the register — and the staff to filter by. No identity is ever part of it.
import type { Principal } from "../../../access/principal.ts";
import { listUsers } from "../../../people/list-users.ts";
import type { Db } from "../../../platform/database/connect.ts";
import { ValidationError } from "../../../platform/errors.ts";
import { formatDateTime } from "../../../platform/i18n/format.ts";
import { searchAccessLog } from "../../../register/access-log.ts";
import { ACCESS_ACTIONS, type AccessAction } from "../../../register/schema.ts";
import { accessLogScopeFor } from "../../../register/scope.ts";

export const PAGE_SIZE = 50;

export interface AccessLogEntryView {
  id: number;
  /** "2026-03-04 10:15:22": Swedish time, to the second. */
  at: string;
  who: string;
  role: string;
  organisation: string;
  dataController: string;
  action: AccessAction;
  /** The fields' keys ("identity.masked"); the page names them in its language. */
  fields: string[];
  participantId: string | null;
  outcome: "ok" | "denied" | "error";
  requestId: string | null;
}

export interface AccessLogPage {
  query: { person: string; participant: string; action: string; from: string; to: string };
  page: number;
  pageSize: number;
  pages: number;
  total: number;
  entries: AccessLogEntryView[];
  people: Array<{ id: string; name: string }>;
  actions: readonly AccessAction[];
  errors: Record<string, string> | null;
}

const FIELD_OF: Record<string, string> = {
  userId: "person",
  participantId: "deltagare",
  action: "handelse",
  from: "fran",
  to: "till",
  offset: "sida",
  limit: "sida",
};

/** Swedish time to the second, as the search's days are Swedish days. */
const swedishTime = (at: Date) =>
  `${formatDateTime(at)}:${String(at.getUTCSeconds()).padStart(2, "0")}`;

/** Reads the query (person, deltagare, handelse, fran, till, sida) and searches the log. */
export async function loadAccessLogPage(
  db: Db,
  principal: Principal,
  associationId: string,
  url: URL,
): Promise<AccessLogPage | null> {
  const scope = await accessLogScopeFor(db, principal, associationId);
  if (!scope) return null;
  const get = (name: string) => url.searchParams.get(name)?.trim() ?? "";
  const query = {
    person: get("person"),
    participant: get("deltagare"),
    action: get("handelse"),
    from: get("fran"),
    to: get("till"),
  };
  const requested = Number(get("sida") || "1");
  const page = Number.isInteger(requested) && requested >= 1 ? requested : 1;
  const people = (await listUsers(db, associationId)).map((u) => ({ id: u.id, name: u.name }));
  const base = { query, people, actions: ACCESS_ACTIONS, pageSize: PAGE_SIZE };
  try {
    const result = await searchAccessLog(db, scope, {
      ...(query.person ? { userId: query.person } : {}),
      ...(query.participant ? { participantId: query.participant } : {}),
      ...(query.action ? { action: query.action } : {}),
      ...(query.from ? { from: query.from } : {}),
      ...(query.to ? { to: query.to } : {}),
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    });
    return {
      ...base,
      page,
      pages: Math.max(1, Math.ceil(result.total / PAGE_SIZE)),
      total: result.total,
      errors: null,
      entries: result.rows.map((r) => ({
        id: r.id,
        at: swedishTime(r.at),
        who: r.actorName,
        role: r.actorRole,
        organisation: r.actorOrganisation,
        dataController: r.dataControllerName,
        action: r.action,
        fields: [...r.fields],
        participantId: r.participantId,
        outcome: r.outcome,
        requestId: r.requestId,
      })),
    };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const errors: Record<string, string> = {};
    for (const [field, message] of Object.entries(error.fields))
      errors[FIELD_OF[field] ?? field] = message;
    return { ...base, page, pages: 1, total: 0, entries: [], errors };
  }
}
