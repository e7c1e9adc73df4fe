// Form building blocks in the GOV.UK manner: a label and hint on every field, errors next to
// the field and summarised on top with links, and plain HTML that works without JavaScript.
import { type ReactNode, useEffect, useRef } from "react";
import {
  type FormProps,
  Form as RouterForm,
  useActionData,
  useRouteLoaderData,
} from "react-router";
import { useT } from "./i18n.tsx";

/** What a form action answers when the input can't be accepted (`attempt` in guard.server.ts). */
export interface FormFailure {
  errors: Record<string, string>;
  values?: Record<string, string>;
}

/** The failure the page's form action answered with, if any. */
export function useFormFailure(): FormFailure | undefined {
  return useActionData() as FormFailure | undefined;
}

export function CsrfField() {
  const root = useRouteLoaderData("root") as { csrfToken: string } | undefined;
  return <input type="hidden" name="_csrf" value={root?.csrfToken ?? ""} />;
}

/** A form that always carries the CSRF token. */
export function Form({ children, method = "post", ...props }: FormProps) {
  return (
    <RouterForm method={method} {...props}>
      {method.toLowerCase() !== "get" ? <CsrfField /> : null}
      {children}
    </RouterForm>
  );
}

export function ErrorSummary({ errors }: { errors: Record<string, string> | undefined }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors ?? {});
  useEffect(() => {
    if (entries.length) ref.current?.focus();
  }, [entries.length]);
  if (!entries.length) return null;
  return (
    <div
      className="error-summary"
      role="alert"
      aria-labelledby="error-summary-title"
      tabIndex={-1}
      ref={ref}
    >
      <h2 id="error-summary-title">{t("errors.summaryTitle", { count: entries.length })}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>{field === "form" ? message : <a href={`#${field}`}>{message}</a>}</li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
}

function FieldFrame({
  name,
  label,
  hint,
  error,
  required,
  children,
}: FieldProps & { children: ReactNode }) {
  const t = useT();
  return (
    <div className={error ? "field field--error" : "field"}>
      <label htmlFor={name}>
        {label}
        {required ? <span className="field__required"> ({t("common.required")})</span> : null}
      </label>
      {hint ? (
        <p className="field__hint" id={`${name}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${name}-error`}>
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}

const describedBy = (name: string, hint?: string, error?: string) =>
  [hint ? `${name}-hint` : "", error ? `${name}-error` : ""].filter(Boolean).join(" ") || undefined;

export function TextField(
  props: FieldProps & {
    type?: "text" | "email" | "password" | "date" | "search";
    defaultValue?: string | undefined;
    autoComplete?: string;
    inputMode?: "numeric" | "text" | "email";
    width?: "short" | "full";
  },
) {
  const {
    name,
    hint,
    error,
    type = "text",
    defaultValue,
    autoComplete,
    inputMode,
    required,
    width,
  } = props;
  return (
    <FieldFrame {...props}>
      <input
        id={name}
        name={name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        inputMode={inputMode}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        className={width === "short" ? "input input--short" : "input"}
      />
    </FieldFrame>
  );
}

export function SelectField(
  props: FieldProps & {
    options: Array<{ value: string; label: string }>;
    defaultValue?: string | undefined;
  },
) {
  const { name, hint, error, options, defaultValue, required } = props;
  return (
    <FieldFrame {...props}>
      <select
        id={name}
        name={name}
        defaultValue={defaultValue}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        className="input"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function SubmitButton({
  children,
  variant = "primary",
  name,
  value,
}: {
  children: ReactNode;
  variant?: "primary" | "secondary" | "danger";
  name?: string;
  value?: string;
}) {
  return (
    <button type="submit" className={`button button--${variant}`} name={name} value={value}>
      {children}
    </button>
  );
}
