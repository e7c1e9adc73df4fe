// A text area and radio buttons in the manner of form.tsx's fields: a label (or legend) and
// hint on every field, the error next to it, and the ids the error summary links to; and the
// hint and the error for fields drawn by hand.
import { useT } from "./i18n.tsx";

const describedBy = (name: string, hint?: string, error?: string) =>
  [hint ? `${name}-hint` : "", error ? `${name}-error` : ""].filter(Boolean).join(" ") || undefined;

export function Hint({ id, text }: { id: string; text: string | undefined }) {
  return text ? (
    <p className="field__hint" id={id}>
      {text}
    </p>
  ) : null;
}

export function FieldError({ name, error }: { name: string; error: string | undefined }) {
  return error ? (
    <p className="field__error" id={`${name}-error`}>
      {error}
    </p>
  ) : null;
}

function RequiredMark() {
  const t = useT();
  return <span className="field__required"> ({t("common.required")})</span>;
}

export function TextArea(props: {
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  defaultValue?: string | undefined;
  required?: boolean;
  rows?: number;
}) {
  const { name, label, hint, error, defaultValue, required, rows = 4 } = props;
  return (
    <div className={error ? "field field--error" : "field"}>
      <label htmlFor={name}>
        {label}
        {required ? <RequiredMark /> : null}
      </label>
      <Hint id={`${name}-hint`} text={hint} />
      <FieldError name={name} error={error} />
      <textarea
        id={name}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        className="input"
      />
    </div>
  );
}

/**
 * Radio buttons under one legend; the first carries the group's name as its id, so the error
 * summary links to it. `required` marks the legend (the server says what is missing).
 */
export function Radios(props: {
  name: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
  options: Array<{ value: string; label: string }>;
  checked: string;
  required?: boolean;
}) {
  const { name, legend, hint, error, options, checked, required } = props;
  return (
    <div className={error ? "field field--error" : "field"}>
      <fieldset aria-describedby={describedBy(name, hint, error)}>
        <legend>
          {legend}
          {required ? <RequiredMark /> : null}
        </legend>
        <Hint id={`${name}-hint`} text={hint} />
        <FieldError name={name} error={error} />
        {options.map((o, i) => {
          const id = i === 0 ? name : `${name}-${o.value}`;
          return (
            <label key={o.value} htmlFor={id}>
              <input
                type="radio"
                id={id}
                name={name}
                value={o.value}
                defaultChecked={checked === o.value}
                aria-invalid={error ? true : undefined}
              />{" "}
              {o.label}{" "}
            </label>
          );
        })}
      </fieldset>
    </div>
  );
}
