// Building blocks of the periodic report's pages (domain/documents.md §2): the period's name,
// the status as text (never colour alone) and the fields of the lead's and the steering
// group's forms. Plain HTML that works without JavaScript; every input's id is its error key,
// so the problem summary's links land on the field.
import type { ReactNode } from "react";
import type { MessageKey } from "../../platform/i18n/translate.ts";
import { periodParts } from "../../reports/periodic-report-content.ts";
import type { PeriodicReportStatus } from "../../reports/schema.ts";
import { useT } from "./i18n.tsx";

type Translate = ReturnType<typeof useT>;

/** "Kvartal 3 2026" for "2026-K3" (in the page's language). */
export function periodLabel(t: Translate, key: string): string {
  const { kind, number, year } = periodParts(key);
  if (!number) return key;
  return t("periodicReport.periodLabel", { kind, number, year });
}

export const STATUS_KEYS: Record<PeriodicReportStatus, MessageKey> = {
  utkast: "periodicReport.status.utkast",
  inskickad: "periodicReport.status.inskickad",
  aterskickad: "periodicReport.status.aterskickad",
  last: "periodicReport.status.last",
};

/** The status as a person reads it: "Försenad (förföll 2026-05-31)" when it is late. */
export function statusText(
  t: Translate,
  report: { status: PeriodicReportStatus; overdue: boolean; dueDate: string },
  short = false,
): string {
  if (report.overdue && report.status === "aterskickad")
    return t(
      short
        ? "periodicReport.status.returnedOverdueShort"
        : "periodicReport.status.returnedOverdue",
      { due: report.dueDate },
    );
  if (report.overdue) return t("periodicReport.status.overdue", { due: report.dueDate });
  if (short && report.status === "aterskickad") return t("periodicReport.status.returnedShort");
  return t(STATUS_KEYS[report.status]);
}

const describedBy = (...ids: Array<string | false | undefined>) =>
  ids.filter(Boolean).join(" ") || undefined;

interface FieldProps {
  name: string;
  label: ReactNode;
  hint?: string | undefined;
  /** A second hint, e.g. the rich-text markup or where a suggested answer comes from. */
  note?: string | undefined;
  error?: string | undefined;
  /** "required" or "requiredToSubmit": the mark beside the label. */
  mark?: "required" | "requiredToSubmit" | undefined;
}

function Mark({ mark }: { mark: FieldProps["mark"] }) {
  const t = useT();
  if (!mark) return null;
  return (
    <span className="field__required">
      {" "}
      ({t(mark === "required" ? "common.required" : "periodicReport.requiredToSubmit")})
    </span>
  );
}

function Hints({ name, hint, note, error }: FieldProps) {
  return (
    <>
      {hint ? (
        <p className="field__hint" id={`${name}-hint`}>
          {hint}
        </p>
      ) : null}
      {note ? (
        <p className="field__hint" id={`${name}-note`}>
          {note}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${name}-error`}>
          {error}
        </p>
      ) : null}
    </>
  );
}

const describe = ({ name, hint, note, error }: FieldProps) =>
  describedBy(hint && `${name}-hint`, note && `${name}-note`, error && `${name}-error`);

export function TextArea(props: FieldProps & { defaultValue: string; rows?: number }) {
  const { name, label, error, defaultValue, rows = 5, mark } = props;
  return (
    <div className={error ? "field field--error" : "field"}>
      <label htmlFor={name}>
        {label}
        <Mark mark={mark} />
      </label>
      <Hints {...props} />
      <textarea
        id={name}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        required={mark === "required" ? true : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describe(props)}
        className="input"
      />
    </div>
  );
}

export function TextInput(
  props: FieldProps & {
    defaultValue: string;
    type?: "text" | "date";
    short?: boolean;
    inputMode?: "numeric";
    autoComplete?: string;
  },
) {
  const { name, label, error, defaultValue, type = "text", short, inputMode, mark } = props;
  return (
    <div className={error ? "field field--error" : "field"}>
      <label htmlFor={name}>
        {label}
        <Mark mark={mark} />
      </label>
      <Hints {...props} />
      <input
        id={name}
        name={name}
        type={type}
        defaultValue={defaultValue}
        inputMode={inputMode}
        autoComplete={props.autoComplete ?? "off"}
        required={mark === "required" ? true : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describe(props)}
        className={short ? "input input--short" : "input"}
      />
    </div>
  );
}

/**
 * Radio buttons or checkboxes under one legend. The first choice carries the field's id (the
 * error summary links there); hints and the error describe the whole group.
 */
export function Choices(
  props: FieldProps & {
    type?: "radio" | "checkbox";
    options: Array<{ value: string; label: string }>;
    checked: ReadonlySet<string> | string;
    /** Extra content inside the fieldset, after the choices (a comment field). */
    children?: ReactNode;
  },
) {
  const { name, label, error, options, checked, type = "radio", mark, children } = props;
  const isChecked = (v: string) => (typeof checked === "string" ? checked === v : checked.has(v));
  return (
    <div className={error ? "field field--error" : "field"}>
      <fieldset aria-describedby={describe(props)}>
        <legend>
          {label}
          <Mark mark={mark} />
        </legend>
        <Hints {...props} />
        {options.map((o, i) => {
          const id = i === 0 ? name : `${name}-${o.value}`;
          return (
            <label key={o.value} htmlFor={id}>
              <input
                type={type}
                id={id}
                name={name}
                value={o.value}
                defaultChecked={isChecked(o.value)}
                aria-invalid={error ? true : undefined}
              />{" "}
              {o.label}{" "}
            </label>
          );
        })}
        {children}
      </fieldset>
    </div>
  );
}

// the problem summary is the document pages' own (the steering page takes it from here)
export { type Problem, ProblemSummary } from "./workflow-panels.tsx";

/**
 * The label of a field of the report by its error key, for summaries that link to the edit
 * page: "answers.inPhase" → the question, "goals.1.assessment" → "Mål 2", "activities" → 2.1.
 */
export function fieldLabelOf(t: Translate, key: string): string | undefined {
  const [head, second] = key.split(".");
  if (head === "answers" && second) return t(`periodicReport.question.${second}` as MessageKey);
  if (head === "goals" && second !== undefined)
    return t("periodicReport.goal", { number: Number(second) + 1 });
  if (head && Object.hasOwn(FIELD_KEYS, head)) return t(FIELD_KEYS[head] as MessageKey);
  return undefined;
}

const FIELD_KEYS: Record<string, MessageKey> = {
  activities: "periodicReport.field.activities",
  deviations: "periodicReport.field.deviations",
  userParticipation: "periodicReport.field.userParticipation",
  goingWell: "periodicReport.field.goingWell",
  goingLessWell: "periodicReport.field.goingLessWell",
  successFactors: "periodicReport.field.successFactors",
  systemFaults: "periodicReport.field.systemFaults",
  measures: "periodicReport.field.measures",
  reportedBy: "periodicReport.reportedBy",
  reportedOn: "periodicReport.reportedOn",
};
