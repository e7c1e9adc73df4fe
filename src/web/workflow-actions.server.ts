// The server side the document pages share (application, deviation report, final report,
// periodic report, and their edit pages): the document in the URL for a person who may see it,
// its comments and versions as the pages show them, the workflow's actions, each a plain POST
// form naming its `intent`, and the save of an edit form that keeps what was typed when it is
// refused.
import { data, type RouterContextProvider } from "react-router";
import { canOnInitiative, ForbiddenError, type Permission } from "../access/policy.ts";
import type { Principal } from "../access/principal.ts";
import type { AuditActor } from "../audit/record-audit-event.ts";
import type { Db } from "../platform/database/connect.ts";
import { ConflictError, NotFoundError, ValidationError } from "../platform/errors.ts";
import type { RequestState } from "../platform/http/request-context.ts";
import { formatDateTime } from "../platform/i18n/format.ts";
import type { listReportVersions } from "../reports/report-versions.ts";
import { actorOf, attempt, redirectWithNotice, requireAssociation, text } from "./guard.server.ts";
import type { EditFailure } from "./ui/document-edit.tsx";

/** The refusal of a person who lacks the permission. */
const forbidden = (permission: Permission) =>
  data({ message: new ForbiddenError(permission).message }, { status: 403 });

/**
 * The document in the URL, for a person who holds the permission on its initiative: else 403,
 * or 404 if there is none. With `visible`, a person who sees no such documents at all is
 * refused before the look-up, so a missing document answers them as a foreign one does.
 * `on` asks for another permission on the document's initiative.
 */
export async function requireDocument<T extends { initiativeId: string }>(
  context: Readonly<RouterContextProvider>,
  request: Request,
  slug: string | undefined,
  document: {
    permission: Permission;
    visible?: (principal: Principal, associationId: string) => "all" | string[];
    load: (db: Db, associationId: string) => Promise<T | null | undefined>;
    notFound: string;
  },
) {
  const access = await requireAssociation(context, request, slug, "association.enter");
  const { state, principal, association } = access;
  const visible = document.visible?.(principal, association.id) ?? "all";
  if (visible !== "all" && visible.length === 0) throw forbidden(document.permission);
  const found = await document.load(state.services.db, association.id);
  if (!found) throw data({ message: document.notFound }, { status: 404 });
  const on = (permission: Permission) =>
    canOnInitiative(principal, permission, association.id, found.initiativeId);
  if (!on(document.permission)) throw forbidden(document.permission);
  return { ...access, document: found, on };
}

/** A comment as the pages list it. */
export const commentView = (c: {
  id: string;
  authorName: string;
  createdAt: Date;
  text: string;
}) => ({ id: c.id, author: c.authorName, at: formatDateTime(c.createdAt), text: c.text });

/** A saved version as the history tables show it. */
export const versionView = (v: Awaited<ReturnType<typeof listReportVersions>>[number]) => ({
  version: v.version,
  status: v.status,
  event: v.event,
  note: v.note ?? "",
  by: v.actorName,
  at: formatDateTime(v.createdAt),
});

/** Each action's fields: the domain's name for a field → the form field's name (and id). */
type IntentFields = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** What an action gets from its form and its request. */
export interface IntentInput {
  /** The posted value of a field, by its domain name. */
  field: (key: string) => string;
  /** The version of the document the form was read at. */
  version: number;
  db: Db;
  actor: AuditActor;
}

/**
 * Runs the action the form's `intent` names and redirects to `done` with the notice it answers.
 * An intent the person may not do is refused (403), and so is any unknown one from a person
 * who may do none; an unknown intent from anyone else is a bad request. A refusal the person
 * can fix answers with its problems at the form's own fields, and what was typed there.
 */
export async function runIntent<F extends IntentFields>(
  request: Request,
  state: RequestState,
  action: {
    fields: F;
    permitted: Record<keyof F, boolean>;
    /** The permission a refusal names, unless `needs` names another for the intent. */
    permission: Permission;
    needs?: Partial<Record<keyof F, Permission>>;
    run: (intent: keyof F & string, input: IntentInput) => Promise<string>;
    done: string;
  },
) {
  const form = await request.formData();
  const intent = text(form, "intent");
  const isIntent = (v: string): v is keyof F & string => Object.hasOwn(action.fields, v);
  if (!isIntent(intent)) {
    // someone who may do nothing here is refused as such, whatever they sent
    if (!Object.values(action.permitted).some(Boolean)) throw forbidden(action.permission);
    throw data({ message: "Okänd åtgärd." }, { status: 400 });
  }
  if (!action.permitted[intent]) throw forbidden(action.needs?.[intent] ?? action.permission);

  const fields: Readonly<Record<string, string>> = action.fields[intent] ?? {};
  const values: Record<string, string> = { intent };
  for (const name of Object.values(fields)) values[name] = text(form, name);
  const input: IntentInput = {
    field: (key) => text(form, fields[key] ?? key),
    version: Number(text(form, "version")),
    db: state.services.db,
    actor: actorOf(state),
  };
  const result = await attempt(async () => {
    try {
      return await action.run(intent, input);
    } catch (error) {
      // the problems at the form's own fields, by the names they have on this page
      if (error instanceof ValidationError)
        throw new ValidationError(
          Object.fromEntries(Object.entries(error.fields).map(([k, m]) => [fields[k] ?? k, m])),
        );
      throw error;
    }
  }, values);
  if (!result.ok) return result.failure;
  return redirectWithNotice(action.done, result.value);
}

/**
 * Runs the save of an edit form; what the person can fix answers with the form's errors and
 * what was typed (and, when someone else saved in between, what they changed).
 */
export async function attemptSave(
  run: () => Promise<unknown>,
  values: Record<string, string>,
  errorsOf: (fields: Record<string, string>) => Record<string, string> = (fields) => fields,
) {
  try {
    await run();
    return undefined;
  } catch (error) {
    if (error instanceof ValidationError)
      return data<EditFailure>({ errors: errorsOf(error.fields), values }, { status: 400 });
    if (error instanceof ConflictError)
      return data<EditFailure>(
        { errors: { form: error.message }, values, changes: error.changes },
        { status: 409 },
      );
    if (error instanceof NotFoundError) throw data({ message: error.message }, { status: 404 });
    throw error;
  }
}
