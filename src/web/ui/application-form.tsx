// The application form (domain/documents.md §1), shared by the new and edit pages: every
// field of APPLICATION_FIELDS in its order and section, with the association's help text
// under its heading (a * marks the headings that have one). Plain HTML that works without
// JavaScript; every input's id and name is its error key, so the error summary's links land
// on the field. What it posts is read by application-form.server.ts.
import { Fragment, type ReactNode } from "react";
import { Link } from "react-router";
import {
  APPLICATION_FIELDS,
  type ApplicationFieldKey,
  BUDGET_CATEGORIES,
  CO_FINANCING_KINDS,
} from "../../applications/content.ts";
import { GOAL_KINDS, ORIENTATIONS } from "../../initiatives/schema.ts";
import type { ConflictChange } from "../../platform/errors.ts";
import { formatMoney } from "../../platform/i18n/format.ts";
import type { MessageKey } from "../../platform/i18n/translate.ts";
import type { FormFailure } from "./form.tsx";
import { useI18n, useT } from "./i18n.tsx";

/** The budget matrix's columns and the totals of the amounts shown (computed on the server). */
export interface ApplicationBudgetView {
  years: number[];
  categoryTotals: Record<string, number>;
  yearTotals: Record<string, number>;
  total: number;
}

/** What the form's actions answer when a save is refused. */
export interface ApplicationFormFailure extends FormFailure {
  values: Record<string, string>;
  budget: ApplicationBudgetView;
  /** A conflict: what the other person saved since the form was read. */
  changes?: ConflictChange[];
}

type Section = (typeof APPLICATION_FIELDS)[number]["section"];
const SECTION_KEYS: Record<Section, MessageKey> = {
  Insatsen: "applicationForm.section.insatsen",
  "Syfte och mål": "applicationForm.section.syfteOchMal",
  Bakgrund: "applicationForm.section.bakgrund",
  "Planerad insatstid": "applicationForm.section.insatstid",
  Målgrupp: "applicationForm.section.malgrupp",
  Metod: "applicationForm.section.metod",
  Uppföljning: "applicationForm.section.uppfoljning",
  Tillvaratagande: "applicationForm.section.tillvaratagande",
  Budget: "applicationForm.section.budget",
  Förankring: "applicationForm.section.forankring",
};
const fieldLabelKey = (key: ApplicationFieldKey): MessageKey => `applicationForm.field.${key}`;
/** Empty rows the form offers under the filled ones of every list. */
const EMPTY_ROWS = 2;
const NARRATIVE: ReadonlySet<string> = new Set([
  "purpose",
  "background",
  "methods",
  "followUp",
  "implementation",
  "anchoringDescription",
]);

const describedBy = (...ids: Array<string | false | undefined>) =>
  ids.filter(Boolean).join(" ") || undefined;

/** What a field shows besides its input: heading marks, hints and its error. */
interface FieldText {
  name: string;
  label: string;
  /** The association's help text for the field. */
  help?: string | undefined;
  /** Further guidance of ours (the markup, a derived value). */
  note?: string | undefined;
  error?: string | undefined;
  /** Required before the application can be submitted (a draft may leave it empty). */
  required?: boolean;
}

function Heading({ label, help, required }: Pick<FieldText, "label" | "help" | "required">) {
  const t = useT();
  return (
    <>
      {label}
      {/* the help text itself is read out with the field; the star is for the eye */}
      {help ? <span aria-hidden="true"> *</span> : null}
      {required ? (
        <span className="field__required"> ({t("applicationForm.requiredToSubmit")})</span>
      ) : null}
    </>
  );
}

function Hints({ name, help, note, error }: FieldText) {
  return (
    <>
      {help ? (
        <p className="field__hint" id={`${name}-hint`}>
          {help}
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

const describe = ({ name, help, note, error }: FieldText) =>
  describedBy(help && `${name}-hint`, note && `${name}-note`, error && `${name}-error`);

const frameClass = (error: string | undefined) => (error ? "field field--error" : "field");

function TextInput(
  props: FieldText & {
    value: string;
    type?: "text" | "date";
    numeric?: boolean;
    short?: boolean;
  },
) {
  const { name, error, value, type = "text", numeric, short } = props;
  return (
    <div className={frameClass(error)}>
      <label htmlFor={name}>
        <Heading {...props} />
      </label>
      <Hints {...props} />
      <input
        id={name}
        name={name}
        type={type}
        defaultValue={value}
        inputMode={numeric ? "numeric" : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describe(props)}
        className={short ? "input input--short" : "input"}
      />
    </div>
  );
}

function TextArea(props: FieldText & { value: string; rows?: number }) {
  const { name, error, value, rows = 6 } = props;
  return (
    <div className={frameClass(error)}>
      <label htmlFor={name}>
        <Heading {...props} />
      </label>
      <Hints {...props} />
      <textarea
        id={name}
        name={name}
        rows={rows}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describe(props)}
        className="input"
      />
    </div>
  );
}

function Select(
  props: FieldText & { value: string; options: Array<{ value: string; label: string }> },
) {
  const { name, error, value, options } = props;
  return (
    <div className={frameClass(error)}>
      <label htmlFor={name}>
        <Heading {...props} />
      </label>
      <Hints {...props} />
      <select
        id={name}
        name={name}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describe(props)}
        className="input"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** One yes/no checkbox, its label beside it. */
function Checkbox(props: FieldText & { checked: boolean }) {
  const { name, error, checked } = props;
  return (
    <div className={frameClass(error)}>
      <label htmlFor={name}>
        <input
          type="checkbox"
          id={name}
          name={name}
          value="on"
          defaultChecked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describe(props)}
        />{" "}
        <Heading {...props} />
      </label>
      <Hints {...props} />
    </div>
  );
}

/**
 * Checkboxes or radio buttons under one legend. The first choice carries the field's id (the
 * error summary links there); hints and error describe the whole group.
 */
function Choices(
  props: FieldText & {
    type: "checkbox" | "radio";
    options: Array<{ value: string; label: string }>;
    checked: ReadonlySet<string>;
  },
) {
  const { type, name, error, options, checked } = props;
  return (
    <div className={frameClass(error)}>
      <fieldset aria-describedby={describe(props)}>
        <legend>
          <Heading {...props} />
        </legend>
        <Hints {...props} />
        {options.map((o, i) => {
          const id = i === 0 ? name : `${name}-${o.value || "ingen"}`;
          return (
            <label key={o.value} htmlFor={id}>
              <input
                type={type}
                id={id}
                name={name}
                value={o.value}
                defaultChecked={checked.has(o.value)}
                aria-invalid={error ? true : undefined}
              />{" "}
              {o.label}
            </label>
          );
        })}
      </fieldset>
    </div>
  );
}

/** A list of rows (goals, local units, co-financing) under one legend; each row a fieldset. */
function Rows(props: FieldText & { children: ReactNode }) {
  const t = useT();
  const { name, error, children } = props;
  const rowsHint = `${name}-rows`;
  return (
    <div className={frameClass(error)}>
      <fieldset id={name} aria-describedby={describedBy(describe(props), rowsHint)}>
        <legend>
          <Heading {...props} />
        </legend>
        <Hints {...props} />
        <p className="field__hint" id={rowsHint}>
          {t("applicationForm.rowsHint")}
        </p>
        {children}
      </fieldset>
    </div>
  );
}

/** Reads `${list}.${i}.${field}` rows out of the values, in order. */
function rowsOf<F extends string>(
  values: Record<string, string>,
  list: string,
  fields: readonly F[],
): Array<Record<F, string>> {
  let count = 0;
  const pattern = new RegExp(`^${list}\\.(\\d+)\\.`);
  for (const key of Object.keys(values)) {
    const match = pattern.exec(key);
    if (match) count = Math.max(count, Number(match[1]) + 1);
  }
  const row = (i: number) =>
    Object.fromEntries(fields.map((f) => [f, values[`${list}.${i}.${f}`] ?? ""])) as Record<
      F,
      string
    >;
  return Array.from({ length: count + EMPTY_ROWS }, (_, i) => row(i));
}

function BudgetMatrix({
  budget,
  values,
  errors,
}: {
  budget: ApplicationBudgetView;
  values: Record<string, string>;
  errors: Record<string, string> | undefined;
}) {
  const { t, locale } = useI18n();
  const money = (n: number | undefined) => formatMoney(n ?? 0, locale);
  return (
    <div className="table-wrap">
      <table>
        <caption>{t("applicationForm.budget.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("applicationForm.budget.category")}</th>
            {budget.years.map((year) => (
              <th scope="col" key={year}>
                {year}
              </th>
            ))}
            <th scope="col" className="num">
              {t("applicationForm.budget.total")}
            </th>
          </tr>
        </thead>
        <tbody>
          {BUDGET_CATEGORIES.map((category) => {
            const label = t(`applicationForm.budget.${category}`);
            return (
              <tr key={category}>
                <th scope="row">{label}</th>
                {budget.years.map((year) => {
                  const name = `budget.${year}.${category}`;
                  const error = errors?.[name];
                  return (
                    <td key={year}>
                      <label className="visually-hidden" htmlFor={name}>
                        {t("applicationForm.budget.cellLabel", { category: label, year })}
                      </label>
                      {error ? (
                        <p className="field__error" id={`${name}-error`}>
                          {error}
                        </p>
                      ) : null}
                      <input
                        id={name}
                        name={name}
                        type="text"
                        inputMode="numeric"
                        defaultValue={values[name] ?? ""}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? `${name}-error` : undefined}
                        className="input input--short"
                      />
                    </td>
                  );
                })}
                <td className="num">{money(budget.categoryTotals[category])}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("applicationForm.budget.total")}</th>
            {budget.years.map((year) => (
              <td className="num" key={year}>
                {money(budget.yearTotals[String(year)])}
              </td>
            ))}
            <td className="num">{money(budget.total)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

export function ApplicationFields({
  organisations,
  values,
  errors,
  helpTexts,
  formVersion,
  budget,
}: {
  organisations: Array<{ id: string; name: string }>;
  values: Record<string, string>;
  errors?: Record<string, string> | undefined;
  helpTexts: Record<string, string>;
  formVersion: string;
  budget: ApplicationBudgetView;
}) {
  const t = useT();
  const v = (name: string) => values[name] ?? "";
  const choose = { value: "", label: t("common.choose") };
  const orgOptions = organisations.map((o) => ({ value: o.id, label: o.name }));

  /** What every field's heading and hints need, by its key in APPLICATION_FIELDS. */
  const text = (key: ApplicationFieldKey, required: boolean): FieldText => ({
    name: key,
    label: t(fieldLabelKey(key)),
    help: helpTexts[key]?.trim() || undefined,
    note: NARRATIVE.has(key) ? t("applicationForm.markupHint") : undefined,
    error: errors?.[key],
    required,
  });
  /** A field inside a row: its own label only. */
  const cell = (name: string, label: string): FieldText => ({
    name,
    label,
    error: errors?.[name],
  });

  const field = (key: ApplicationFieldKey, required: boolean): ReactNode => {
    const f = text(key, required);
    switch (key) {
      case "name":
        return <TextInput {...f} value={v(key)} />;
      case "ownerOrganisationId":
        return <Select {...f} value={v(key)} options={[choose, ...orgOptions]} />;
      case "partnerIds":
        return (
          <Choices
            {...f}
            type="checkbox"
            options={orgOptions}
            checked={new Set(v(key).split(","))}
          />
        );
      case "orientation":
        return (
          <Choices
            {...f}
            type="radio"
            options={ORIENTATIONS.map((o) => ({ value: o, label: t(`orientation.${o}`) }))}
            checked={new Set([v(key)])}
          />
        );
      case "preRehabilitation":
      case "esf":
        return <Checkbox {...f} checked={v(key) === "on"} />;
      case "purpose":
      case "background":
      case "targetGroup":
      case "methods":
      case "followUp":
      case "implementation":
      case "anchoringDescription":
        return <TextArea {...f} value={v(key)} />;
      case "startDate":
      case "endDate":
      case "lastIntakeDate":
        return (
          <TextInput {...f} note={t("initiative.dateHint")} type="date" short value={v(key)} />
        );
      case "expectedParticipants":
        return (
          <>
            <TextInput {...f} numeric short value={v(key)} />
            <Checkbox
              {...cell("expectedParticipantsOngoing", t("initiative.ongoing"))}
              checked={v("expectedParticipantsOngoing") === "on"}
            />
          </>
        );
      case "genderTargetWomenPercent": {
        const women = /^\s*(\d{1,3})\s*%?\s*$/.exec(v(key))?.[1];
        const note =
          women !== undefined && Number(women) <= 100
            ? t("applicationForm.genderHint", { men: 100 - Number(women) })
            : t("applicationForm.genderHintEmpty");
        return <TextInput {...f} note={note} numeric short value={v(key)} />;
      }
      case "goals":
        return (
          <Rows {...f}>
            {rowsOf(values, "goals", [
              "text",
              "kind",
              "targetNumber",
              "targetPercent",
            ] as const).map((goal, i) => {
              const name = (x: string) => `goals.${i}.${x}`;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are numbered by position
                <fieldset key={i}>
                  <legend>{t("initiative.goal", { number: i + 1 })}</legend>
                  <TextArea
                    {...cell(name("text"), t("initiative.goalText"))}
                    rows={2}
                    value={goal.text}
                  />
                  <Select
                    {...cell(name("kind"), t("initiative.goalKind"))}
                    value={goal.kind}
                    options={[
                      choose,
                      ...GOAL_KINDS.map((k) => ({ value: k, label: t(`goalKind.${k}`) })),
                    ]}
                  />
                  <TextInput
                    {...cell(name("targetNumber"), t("initiative.targetNumber"))}
                    numeric
                    short
                    value={goal.targetNumber}
                  />
                  <TextInput
                    {...cell(name("targetPercent"), t("initiative.targetPercent"))}
                    numeric
                    short
                    value={goal.targetPercent}
                  />
                </fieldset>
              );
            })}
          </Rows>
        );
      case "localUnits":
        return (
          <Rows {...f}>
            {rowsOf(values, "localUnits", ["name", "expectedParticipants"] as const).map(
              (unit, i) => {
                const name = (x: string) => `localUnits.${i}.${x}`;
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows are numbered by position
                  <fieldset key={i}>
                    <legend>{t("initiative.localUnit", { number: i + 1 })}</legend>
                    <TextInput
                      {...cell(name("name"), t("initiative.localUnitName"))}
                      value={unit.name}
                    />
                    <TextInput
                      {...cell(name("expectedParticipants"), t("initiative.expectedParticipants"))}
                      numeric
                      short
                      value={unit.expectedParticipants}
                    />
                  </fieldset>
                );
              },
            )}
          </Rows>
        );
      case "budget":
        return (
          <div className={frameClass(f.error)}>
            <fieldset
              id="budget"
              aria-describedby={describedBy(describe(f), "budget-years", "budget-totals")}
            >
              <legend>
                <Heading {...f} />
              </legend>
              <Hints {...f} />
              <p className="field__hint" id="budget-years">
                {t("applicationForm.budget.yearsHint")}
              </p>
              <BudgetMatrix budget={budget} values={values} errors={errors} />
              <p className="field__hint" id="budget-totals">
                {t("applicationForm.budget.totalsNote")}
              </p>
            </fieldset>
          </div>
        );
      case "coFinancing":
        return (
          <Rows {...f}>
            {rowsOf(values, "coFinancing", [
              "organisationId",
              "kind",
              "year",
              "amount",
            ] as const).map((line, i) => {
              const name = (x: string) => `coFinancing.${i}.${x}`;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are numbered by position
                <fieldset key={i}>
                  <legend>{t("applicationForm.coFinancing.row", { number: i + 1 })}</legend>
                  <Select
                    {...cell(name("organisationId"), t("applicationForm.coFinancing.party"))}
                    value={line.organisationId}
                    options={[choose, ...orgOptions]}
                  />
                  <Select
                    {...cell(name("kind"), t("applicationForm.coFinancing.kind"))}
                    value={line.kind}
                    options={[
                      choose,
                      ...CO_FINANCING_KINDS.map((k) => ({
                        value: k,
                        label: t(`applicationForm.coFinancing.${k}`),
                      })),
                    ]}
                  />
                  <TextInput
                    {...cell(name("year"), t("applicationForm.coFinancing.year"))}
                    numeric
                    short
                    value={line.year}
                  />
                  <TextInput
                    {...cell(name("amount"), t("applicationForm.coFinancing.amount"))}
                    numeric
                    short
                    value={line.amount}
                  />
                </fieldset>
              );
            })}
          </Rows>
        );
      case "anchored":
        return (
          <Choices
            {...f}
            type="radio"
            options={[
              { value: "ja", label: t("common.yes") },
              { value: "nej", label: t("common.no") },
              { value: "", label: t("applicationForm.anchoredUnanswered") },
            ]}
            checked={new Set([v(key)])}
          />
        );
    }
  };

  const sections: Array<{ section: Section; fields: Array<(typeof APPLICATION_FIELDS)[number]> }> =
    [];
  for (const f of APPLICATION_FIELDS) {
    const last = sections.at(-1);
    if (last?.section === f.section) last.fields.push(f);
    else sections.push({ section: f.section, fields: [f] });
  }

  return (
    // a new set of values (a refused post) renders anew, so the fields show what was posted
    <Fragment key={JSON.stringify(values)}>
      <p className="field__hint">{t("applicationForm.formVersion", { version: formVersion })}</p>
      <p className="field__hint">{t("applicationForm.helpMarker")}</p>
      {sections.map(({ section, fields }) => (
        <Fragment key={section}>
          <h2>{t(SECTION_KEYS[section])}</h2>
          {fields.map((f) => (
            <Fragment key={f.key}>{field(f.key, f.required)}</Fragment>
          ))}
        </Fragment>
      ))}
    </Fragment>
  );
}

/**
 * Someone else saved the application while this person worked on it: what they changed,
 * field by field, so nothing typed here is lost, and the way to their version.
 */
export function ConflictPanel({
  changes,
  reloadTo,
}: {
  changes: ConflictChange[];
  reloadTo: string;
}) {
  const t = useT();
  const lines = (items: string[]) =>
    items.length ? (
      <ul>
        {items.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines may repeat; their order is the key
          <li key={i}>{line}</li>
        ))}
      </ul>
    ) : (
      <p>{t("applicationForm.conflictEmpty")}</p>
    );
  return (
    <section className="warning" aria-labelledby="conflict-title" id="konflikt">
      <h2 id="conflict-title">{t("applicationForm.conflictTitle")}</h2>
      <p>{t("applicationForm.conflictIntro")}</p>
      {changes.length ? (
        changes.map((c) => (
          <div key={c.field} className="conflict-change">
            <h3>{c.label}</h3>
            <p>
              <strong>{t("applicationForm.conflictBefore")}</strong>
            </p>
            {lines(c.before)}
            <p>
              <strong>{t("applicationForm.conflictTheirs")}</strong>
            </p>
            {lines(c.theirs)}
          </div>
        ))
      ) : (
        <p>{t("applicationForm.conflictNoDetails")}</p>
      )}
      <p>
        {/* a plain link fetches their version (a reload would post the form again) */}
        <Link to={reloadTo}>{t("applicationForm.reload")}</Link>
      </p>
    </section>
  );
}
