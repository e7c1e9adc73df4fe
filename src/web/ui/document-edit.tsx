// What the edit pages of the documents draw alike: the page for a document that can no longer
// be changed, and what someone else saved while this person worked, field by field, so nothing
// typed here is lost. The wording is each page's own.
import { Link } from "react-router";
import type { ConflictChange } from "../../platform/errors.ts";
import type { FormFailure } from "./form.tsx";

/** A refused save: the errors at their fields, what was typed, and what someone else changed. */
export interface EditFailure extends FormFailure {
  values: Record<string, string>;
  changes?: ConflictChange[];
}

/** In place of the form, when the document has left the states it is written in. */
export function NotEditable({
  title,
  message,
  back,
}: {
  title: string;
  message: string;
  back: { to: string; label: string };
}) {
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <h1>{title}</h1>
      <p className="warning">{message}</p>
      <p>
        <Link to={back.to}>{back.label}</Link>
      </p>
    </main>
  );
}

/** What someone else saved while the form was open, and the way to their version. */
export function ConflictPanel({
  changes,
  reloadTo,
  reloadDocument = false,
  texts,
}: {
  changes: ConflictChange[];
  reloadTo: string;
  /** Load their version as a whole page, with nothing of this form kept. */
  reloadDocument?: boolean;
  texts: {
    title: string;
    intro: string;
    before: string;
    theirs: string;
    /** A side of a change that is empty. */
    empty: string;
    /** When the changes can't be told field by field. */
    noDetails: string;
    reload: string;
  };
}) {
  const lines = (items: string[]) =>
    items.length ? (
      <ul>
        {items.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines may repeat; their order is the key
          <li key={i}>{line}</li>
        ))}
      </ul>
    ) : (
      <p>{texts.empty}</p>
    );
  return (
    <section className="warning" aria-labelledby="conflict-title" id="konflikt">
      <h2 id="conflict-title">{texts.title}</h2>
      <p>{texts.intro}</p>
      {changes.length ? (
        changes.map((c) => (
          <div key={c.field} className="conflict-change">
            <h3>{c.label}</h3>
            <p>
              <strong>{texts.before}</strong>
            </p>
            {lines(c.before)}
            <p>
              <strong>{texts.theirs}</strong>
            </p>
            {lines(c.theirs)}
          </div>
        ))
      ) : (
        <p>{texts.noDetails}</p>
      )}
      <p>
        {/* a plain link fetches their version (a reload would post the form again) */}
        <Link to={reloadTo} reloadDocument={reloadDocument}>
          {texts.reload}
        </Link>
      </p>
    </section>
  );
}
