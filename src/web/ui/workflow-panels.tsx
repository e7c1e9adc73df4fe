// What the document pages (application, deviation report, final report, periodic report) draw
// alike: the outcome of the last action (its notice, or the problems that refused it, each
// linking to where it is fixed), the panels, the forms that post an `intent`, the note of a
// return for completion, the page's table of contents, the comments and the version history.
// Plain HTML that works without JavaScript; the wording is each page's own.
import { type ReactNode, useEffect, useRef } from "react";
import { Link, useLocation, useSearchParams } from "react-router";
import type { MessageKey } from "../../platform/i18n/translate.ts";
import { Form, useFormFailure } from "./form.tsx";
import { useI18n } from "./i18n.tsx";
import { TextLines } from "./rich-text.tsx";

/**
 * The state of a page's workflow forms: the refusal of the last action (its errors, its intent
 * and what was typed) or the notice of its success, named by `?klart=` among `notices`.
 */
export function useWorkflow(notices: Record<string, MessageKey>) {
  const failure = useFormFailure();
  const [params] = useSearchParams();
  // a form is drawn anew after each successful action, so what was typed in it is gone
  const { key: formKey } = useLocation();
  const notice = params.get("klart");
  return {
    failure,
    params,
    formKey,
    noticeKey: notice && Object.hasOwn(notices, notice) ? notices[notice] : undefined,
    errors: failure?.errors ?? {},
    failedIntent: failure?.values?.intent ?? "",
    /** What was typed in a field of the refused form, else the fallback. */
    value: (name: string, fallback = "") => failure?.values?.[name] ?? fallback,
  };
}

export interface Problem {
  key: string;
  label?: string | undefined;
  message: string;
  href?: string | undefined;
}

/**
 * The problems of a refused action, each linking to where it is fixed: those of the whole form
 * nowhere, a refused submission's at their field on the edit page (`onEditPage`, named by
 * `label`), the others at their field on this page.
 */
export function problemsOf(
  errors: Record<string, string>,
  {
    onEditPage,
    editPage,
    label,
  }: {
    onEditPage: (key: string) => boolean;
    editPage: string;
    label?: (key: string) => string | undefined;
  },
): Problem[] {
  return Object.entries(errors).map(([key, message]) => {
    if (key === "form" || key === "status" || key === "token") return { key, message };
    if (onEditPage(key)) return { key, label: label?.(key), message, href: `${editPage}#${key}` };
    return { key, message, href: `#${key}` };
  });
}

/** The problems of a refused form on top, each linking to where it is fixed; focused. */
export function ProblemSummary({ items }: { items: Problem[] }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (items.length) ref.current?.focus();
  }, [items.length]);
  if (!items.length) return null;
  return (
    <div
      className="error-summary"
      role="alert"
      aria-labelledby="error-summary-title"
      tabIndex={-1}
      ref={ref}
    >
      <h2 id="error-summary-title">{t("errors.summaryTitle", { count: items.length })}</h2>
      <ul>
        {items.map((item) => {
          const content = item.label ? `${item.label}: ${item.message}` : item.message;
          return <li key={item.key}>{item.href ? <a href={item.href}>{content}</a> : content}</li>;
        })}
      </ul>
    </div>
  );
}

/**
 * What the last action came to: its notice, or the problems that refused it and, when someone
 * else changed the document in between, the way to the version saved now.
 */
export function ActionOutcome({
  notice,
  problems,
  reload,
}: {
  notice: ReactNode;
  problems: Problem[];
  reload: { to: string; label: string } | null;
}) {
  return (
    <>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <ProblemSummary items={problems} />
      {reload ? (
        <p className="warning">
          <Link to={reload.to} reloadDocument>
            {reload.label}
          </Link>
        </p>
      ) : null}
    </>
  );
}

export function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * A form posting one action to the page: its `intent` and, for a change of the document's
 * state, the version it was read at. Drawn anew (emptied) after each successful action.
 */
export function IntentForm({
  action,
  intent,
  version,
  formKey,
  children,
}: {
  action: string;
  intent: string;
  version?: number;
  formKey: string;
  children: ReactNode;
}) {
  return (
    <Form method="post" action={action} key={`${intent}-${formKey}`}>
      <input type="hidden" name="intent" value={intent} />
      {version === undefined ? null : <input type="hidden" name="version" value={version} />}
      {children}
    </Form>
  );
}

/** The office's message of a return for completion, shown until the document comes back. */
export function ReturnedNote({
  title,
  message,
  help,
}: {
  title: string;
  message: string;
  /** What to do now, for those who can. */
  help: string | null;
}) {
  return (
    <div className="warning" role="note" aria-labelledby="return-title">
      <h2 id="return-title">{title}</h2>
      <TextLines text={message} />
      {help ? <p>{help}</p> : null}
    </div>
  );
}

/** The page's table of contents: links to the parts this person gets. */
export function OnThisPage({
  label,
  links,
}: {
  label: string;
  links: Array<{ href: string; text: string } | false>;
}) {
  return (
    <nav aria-labelledby="on-this-page">
      <p className="field__hint" id="on-this-page">
        {label}
      </p>
      <ul>
        {links.map((link) =>
          link ? (
            <li key={link.href}>
              <a href={link.href}>{link.text}</a>
            </li>
          ) : null,
        )}
      </ul>
    </nav>
  );
}

/** The comments in order, each under who wrote it and when; `none` when there are none. */
export function CommentList<C extends { id: string; text: string }>({
  comments,
  by,
  none,
}: {
  comments: C[];
  by: (comment: C) => ReactNode;
  none?: string;
}) {
  if (comments.length === 0 && none !== undefined) return <p>{none}</p>;
  return (
    <ol className="comment-list">
      {comments.map((c) => (
        <li key={c.id}>
          <p className="field__hint">{by(c)}</p>
          <TextLines text={c.text} />
        </li>
      ))}
    </ol>
  );
}

/** The saved versions of a document, newest first, in the columns the page gives. */
export function VersionTable<V extends { version: number }>({
  caption,
  captionHidden = false,
  columns,
  versions,
}: {
  caption: string;
  captionHidden?: boolean;
  columns: Array<{
    label: string;
    headClass?: "num";
    cellClass?: "num" | "date";
    cell: (version: V) => ReactNode;
  }>;
  versions: V[];
}) {
  return (
    <div className="table-wrap">
      <table>
        <caption className={captionHidden ? "visually-hidden" : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col" className={c.headClass}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version}>
              {columns.map((c) => (
                <td key={c.label} className={c.cellClass}>
                  {c.cell(v)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
