// A text in one of the portal's languages on a staff page (a course's, a page's, a guide's or a
// Tyck till question's): the label, hint and error are in the staff's language and run left to
// right; the text itself is marked with its own language and direction, so an Arabic text is
// typed right to left and read aloud in Arabic. A one-line field, or `rows` lines.
import { type PortalLocale, portalDirection } from "../../portal/locales.ts";
import { useI18n } from "./i18n.tsx";

export function LanguageTextField({
  name,
  label,
  hint,
  error,
  value,
  lang,
  rows,
}: {
  name: string;
  label: string;
  hint?: string | undefined;
  error: string | undefined;
  value: string;
  lang: PortalLocale;
  /** A text area of this many lines; without it, one line. */
  rows?: number | undefined;
}) {
  const { locale: ui } = useI18n();
  const text = {
    id: name,
    name,
    defaultValue: value,
    lang,
    dir: portalDirection(lang),
    "aria-invalid": error ? true : undefined,
    "aria-describedby":
      [hint ? `${name}-hint` : "", error ? `${name}-error` : ""].filter(Boolean).join(" ") ||
      undefined,
    className: "input",
  };
  return (
    <div className={error ? "field field--error" : "field"}>
      <label htmlFor={name} lang={ui} dir="ltr">
        {label}
      </label>
      {hint ? (
        <p className="field__hint" id={`${name}-hint`} lang={ui} dir="ltr">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${name}-error`} lang="sv" dir="ltr">
          {error}
        </p>
      ) : null}
      {rows ? (
        <textarea {...text} rows={rows} />
      ) : (
        <input {...text} type="text" autoComplete="off" />
      )}
    </div>
  );
}
