// The initiative form (registering and changing alike): its fields, what it posts, and how a
// post becomes the use case's InitiativeInput. Plain HTML that works without JavaScript; every
// field's id is its error key, so the error summary's links land on the field.
import { Fragment, type ReactNode } from "react";
import type { InitiativeDetails } from "../../initiatives/get-initiative.ts";
import { GOAL_KINDS, INITIATIVE_STATUSES, ORIENTATIONS } from "../../initiatives/schema.ts";
import type { InitiativeInput } from "../../initiatives/validate-initiative.ts";
import { UUID } from "../../platform/uuid.ts";
import { SelectField, TextField } from "./form.tsx";
import { useT } from "./i18n.tsx";

/**
 * What the form holds, as text by field name: checkboxes are "on" or "", the partners are
 * their ids joined by commas, goals and local units are `goals.0.text`, `localUnits.1.name`…
 * with the empty rows left out and the rest numbered from 0, as the validator numbers them.
 */
export type InitiativeFormValues = Record<string, string>;

const GOAL_FIELDS = ["text", "kind", "targetNumber", "targetPercent"] as const;
const UNIT_FIELDS = ["name", "expectedParticipants"] as const;
/** The fields that make a row count as filled in; a row with only a kind chosen is empty. */
const GOAL_FILLED = ["text", "targetNumber", "targetPercent"] as const;
const UNIT_FILLED = UNIT_FIELDS;
/** Empty rows the form offers under the filled ones. */
const EMPTY_ROWS = 2;

type Row<F extends readonly string[]> = Record<F[number], string>;

/** The rows of a list posted as `${list}.${i}.${field}`, empty ones dropped, in order. */
function postedRows<F extends readonly string[]>(
  form: FormData,
  list: string,
  fields: F,
  filled: readonly F[number][],
): Row<F>[] {
  const pattern = new RegExp(`^${list}\\.(\\d{1,4})\\.`);
  const indices = new Set<number>();
  for (const key of form.keys()) {
    const match = pattern.exec(key);
    if (match) indices.add(Number(match[1]));
  }
  return [...indices]
    .sort((a, b) => a - b)
    .map((i) => {
      const row = {} as Row<F>;
      for (const f of fields as readonly F[number][]) {
        const value = form.get(`${list}.${i}.${f}`);
        row[f] = typeof value === "string" ? value : "";
      }
      return row;
    })
    .filter((row) => filled.some((f) => row[f].trim() !== ""));
}

/** The rows of a list held in form values. */
function rowsOf<F extends readonly string[]>(
  values: InitiativeFormValues,
  list: string,
  fields: F,
): Row<F>[] {
  return Array.from({ length: rowCount(values, list) }, (_, i) => {
    const row = {} as Row<F>;
    for (const f of fields as readonly F[number][]) row[f] = values[`${list}.${i}.${f}`] ?? "";
    return row;
  });
}

function rowCount(values: InitiativeFormValues, list: string): number {
  let count = 0;
  for (const key of Object.keys(values)) {
    const match = new RegExp(`^${list}\\.(\\d+)\\.`).exec(key);
    if (match) count = Math.max(count, Number(match[1]) + 1);
  }
  return count;
}

function putRows(values: InitiativeFormValues, list: string, rows: Array<Record<string, string>>) {
  rows.forEach((row, i) => {
    for (const [f, v] of Object.entries(row)) values[`${list}.${i}.${f}`] = v;
  });
}

/** What the initiative form posted, as form values (see InitiativeFormValues). */
export function initiativeFormValues(form: FormData): InitiativeFormValues {
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const checked = (name: string) => (form.has(name) ? "on" : "");
  const values: InitiativeFormValues = {
    name: field("name"),
    ownerOrganisationId: field("ownerOrganisationId"),
    partnerIds: form
      .getAll("partnerIds")
      .filter((v): v is string => typeof v === "string" && v !== "")
      .join(","),
    status: field("status"),
    orientation: field("orientation"),
    preRehabilitation: checked("preRehabilitation"),
    esf: checked("esf"),
    startDate: field("startDate"),
    endDate: field("endDate"),
    lastIntakeDate: field("lastIntakeDate"),
    plannedEndDate: field("plannedEndDate"),
    targetGroup: field("targetGroup"),
    expectedParticipants: field("expectedParticipants"),
    expectedParticipantsOngoing: checked("expectedParticipantsOngoing"),
  };
  putRows(values, "goals", postedRows(form, "goals", GOAL_FIELDS, GOAL_FILLED));
  putRows(values, "localUnits", postedRows(form, "localUnits", UNIT_FIELDS, UNIT_FILLED));
  return values;
}

/**
 * Form values as the use case's input. Ids that are not ids at all (a tampered form) are
 * left out, so they are reported as a missing choice rather than reaching the database.
 */
export function initiativeInput(values: InitiativeFormValues): InitiativeInput {
  const get = (name: string) => values[name] ?? "";
  const owner = get("ownerOrganisationId");
  return {
    name: get("name"),
    ownerOrganisationId: UUID.test(owner) ? owner : "",
    partnerIds: get("partnerIds")
      .split(",")
      .filter((id) => UUID.test(id)),
    status: get("status"),
    orientation: get("orientation"),
    preRehabilitation: get("preRehabilitation") === "on",
    esf: get("esf") === "on",
    startDate: get("startDate"),
    endDate: get("endDate"),
    lastIntakeDate: get("lastIntakeDate"),
    plannedEndDate: get("plannedEndDate"),
    targetGroup: get("targetGroup"),
    expectedParticipants: get("expectedParticipants"),
    expectedParticipantsOngoing: get("expectedParticipantsOngoing") === "on",
    goals: rowsOf(values, "goals", GOAL_FIELDS),
    localUnits: rowsOf(values, "localUnits", UNIT_FIELDS),
  };
}

/** A saved initiative as form values, for the change form. */
export function initiativeValuesOf(initiative: InitiativeDetails): InitiativeFormValues {
  const number = (n: number | null) => (n === null ? "" : String(n));
  const values: InitiativeFormValues = {
    name: initiative.name,
    ownerOrganisationId: initiative.ownerOrganisationId,
    partnerIds: initiative.partners.map((p) => p.id).join(","),
    status: initiative.status,
    orientation: initiative.orientation,
    preRehabilitation: initiative.preRehabilitation ? "on" : "",
    esf: initiative.esf ? "on" : "",
    startDate: initiative.startDate ?? "",
    endDate: initiative.endDate ?? "",
    lastIntakeDate: initiative.lastIntakeDate ?? "",
    plannedEndDate: initiative.plannedEndDate ?? "",
    targetGroup: initiative.targetGroup,
    expectedParticipants: number(initiative.expectedParticipants),
    expectedParticipantsOngoing: initiative.expectedParticipantsOngoing ? "on" : "",
  };
  putRows(
    values,
    "goals",
    initiative.goals.map((g) => ({
      text: g.text,
      kind: g.kind,
      targetNumber: number(g.targetNumber),
      targetPercent: number(g.targetPercent),
    })),
  );
  putRows(
    values,
    "localUnits",
    initiative.localUnits.map((u) => ({
      name: u.name,
      expectedParticipants: number(u.expectedParticipants),
    })),
  );
  return values;
}

const describedBy = (name: string, hint?: string, error?: string) =>
  [hint ? `${name}-hint` : "", error ? `${name}-error` : ""].filter(Boolean).join(" ") || undefined;

function Hint({ name, hint }: { name: string; hint?: string | undefined }) {
  return hint ? (
    <p className="field__hint" id={`${name}-hint`}>
      {hint}
    </p>
  ) : null;
}

function FieldError({ name, error }: { name: string; error?: string | undefined }) {
  return error ? (
    <p className="field__error" id={`${name}-error`}>
      {error}
    </p>
  ) : null;
}

function Required({ required }: { required?: boolean | undefined }) {
  const t = useT();
  return required ? <span className="field__required"> ({t("common.required")})</span> : null;
}

function TextArea(props: {
  name: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  defaultValue?: string | undefined;
  rows?: number;
}) {
  const { name, label, hint, error, defaultValue, rows = 3 } = props;
  return (
    <div className={error ? "field field--error" : "field"}>
      <label htmlFor={name}>{label}</label>
      <Hint name={name} hint={hint} />
      <FieldError name={name} error={error} />
      <textarea
        id={name}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        className="input"
      />
    </div>
  );
}

/** One yes/no checkbox, its label beside it. */
function Checkbox(props: {
  name: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  checked: boolean;
}) {
  const { name, label, hint, error, checked } = props;
  return (
    <div className={error ? "field field--error" : "field"}>
      <label htmlFor={name}>
        <input
          type="checkbox"
          id={name}
          name={name}
          value="on"
          defaultChecked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(name, hint, error)}
        />{" "}
        {label}
      </label>
      <Hint name={name} hint={hint} />
      <FieldError name={name} error={error} />
    </div>
  );
}

/**
 * Checkboxes or radio buttons under one legend. The first choice carries the field's id (the
 * error summary links there); hint and error describe the whole group.
 */
export function Choices(props: {
  type: "checkbox" | "radio";
  name: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
  options: Array<{ value: string; label: string }>;
  checked: ReadonlySet<string>;
}) {
  const { type, name, legend, hint, error, required, options, checked } = props;
  return (
    <div className={error ? "field field--error" : "field"}>
      <fieldset aria-describedby={describedBy(name, hint, error)}>
        <legend>
          {legend}
          <Required required={required} />
        </legend>
        <Hint name={name} hint={hint} />
        <FieldError name={name} error={error} />
        {options.map((o, i) => {
          const id = i === 0 ? name : `${name}-${o.value}`;
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

function Section({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <>
      <h2>{title}</h2>
      {hint ? <p className="field__hint">{hint}</p> : null}
      {children}
    </>
  );
}

export function InitiativeFields({
  organisations,
  values,
  errors,
}: {
  organisations: Array<{ id: string; name: string }>;
  values: InitiativeFormValues;
  errors?: Record<string, string> | undefined;
}) {
  const t = useT();
  const v = (name: string) => values[name] ?? "";
  const e = (name: string) => errors?.[name];
  const dateHint = t("initiative.dateHint");
  const goals = rowsOf(values, "goals", GOAL_FIELDS);
  const units = rowsOf(values, "localUnits", UNIT_FIELDS);
  const empty = Array.from({ length: EMPTY_ROWS });
  const goalRows = [
    ...goals,
    ...empty.map(() => ({ text: "", kind: "", targetNumber: "", targetPercent: "" })),
  ];
  const unitRows = [...units, ...empty.map(() => ({ name: "", expectedParticipants: "" }))];
  const dateField = (name: string, label: string, hint = dateHint) => (
    <TextField
      name={name}
      type="date"
      label={label}
      hint={hint}
      width="short"
      defaultValue={v(name)}
      error={e(name)}
    />
  );
  return (
    // a new set of values (a failed post) renders anew, so the fields show what was posted
    <Fragment key={JSON.stringify(values)}>
      <TextField
        name="name"
        label={t("initiative.name")}
        defaultValue={v("name")}
        error={e("name")}
        required
      />
      <SelectField
        name="ownerOrganisationId"
        label={t("initiative.owner")}
        hint={t("initiative.ownerHint")}
        defaultValue={v("ownerOrganisationId")}
        error={e("ownerOrganisationId")}
        required
        options={[
          { value: "", label: t("common.choose") },
          ...organisations.map((o) => ({ value: o.id, label: o.name })),
        ]}
      />
      <Choices
        type="checkbox"
        name="partnerIds"
        legend={t("initiative.partners")}
        hint={t("initiative.partnersHint")}
        error={e("partnerIds")}
        required
        options={organisations.map((o) => ({ value: o.id, label: o.name }))}
        checked={new Set(v("partnerIds").split(","))}
      />
      <SelectField
        name="status"
        label={t("initiative.status")}
        defaultValue={v("status")}
        error={e("status")}
        required
        options={[
          { value: "", label: t("common.choose") },
          ...INITIATIVE_STATUSES.map((s) => ({ value: s, label: t(`initiativeStatus.${s}`) })),
        ]}
      />
      <Choices
        type="radio"
        name="orientation"
        legend={t("initiative.orientation")}
        error={e("orientation")}
        required
        options={ORIENTATIONS.map((o) => ({ value: o, label: t(`orientation.${o}`) }))}
        checked={new Set([v("orientation")])}
      />
      <Checkbox
        name="preRehabilitation"
        label={t("initiative.preRehabilitation")}
        hint={t("initiative.preRehabilitationHint")}
        checked={v("preRehabilitation") === "on"}
        error={e("preRehabilitation")}
      />
      <Checkbox
        name="esf"
        label={t("initiative.esf")}
        checked={v("esf") === "on"}
        error={e("esf")}
      />

      <Section title={t("initiative.period")}>
        {dateField("startDate", t("initiative.startDate"))}
        {dateField("endDate", t("initiative.endDate"))}
        {dateField("lastIntakeDate", t("initiative.lastIntakeDate"))}
        {dateField(
          "plannedEndDate",
          t("initiative.plannedEndDate"),
          t("initiative.plannedEndDateHint"),
        )}
      </Section>

      <Section title={t("initiative.participants")}>
        <TextArea
          name="targetGroup"
          label={t("initiative.targetGroup")}
          hint={t("initiative.targetGroupHint")}
          defaultValue={v("targetGroup")}
          error={e("targetGroup")}
        />
        <TextField
          name="expectedParticipants"
          label={t("initiative.expectedParticipants")}
          hint={t("initiative.expectedParticipantsHint")}
          inputMode="numeric"
          width="short"
          defaultValue={v("expectedParticipants")}
          error={e("expectedParticipants")}
        />
        <Checkbox
          name="expectedParticipantsOngoing"
          label={t("initiative.ongoing")}
          checked={v("expectedParticipantsOngoing") === "on"}
          error={e("expectedParticipantsOngoing")}
        />
      </Section>

      <Section title={t("initiative.goals")} hint={t("initiative.goalsHint")}>
        {goalRows.map((goal, i) => {
          const name = (f: string) => `goals.${i}.${f}`;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are numbered by position
            <fieldset key={i}>
              <legend>{t("initiative.goal", { number: i + 1 })}</legend>
              <TextArea
                name={name("text")}
                label={t("initiative.goalText")}
                rows={2}
                defaultValue={goal.text}
                error={e(name("text"))}
              />
              <SelectField
                name={name("kind")}
                label={t("initiative.goalKind")}
                defaultValue={goal.kind}
                error={e(name("kind"))}
                options={[
                  { value: "", label: t("common.choose") },
                  ...GOAL_KINDS.map((k) => ({ value: k, label: t(`goalKind.${k}`) })),
                ]}
              />
              <TextField
                name={name("targetNumber")}
                label={t("initiative.targetNumber")}
                inputMode="numeric"
                width="short"
                defaultValue={goal.targetNumber}
                error={e(name("targetNumber"))}
              />
              <TextField
                name={name("targetPercent")}
                label={t("initiative.targetPercent")}
                inputMode="numeric"
                width="short"
                defaultValue={goal.targetPercent}
                error={e(name("targetPercent"))}
              />
            </fieldset>
          );
        })}
      </Section>

      <Section title={t("initiative.localUnits")} hint={t("initiative.localUnitsHint")}>
        {unitRows.map((unit, i) => {
          const name = (f: string) => `localUnits.${i}.${f}`;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are numbered by position
            <fieldset key={i}>
              <legend>{t("initiative.localUnit", { number: i + 1 })}</legend>
              <TextField
                name={name("name")}
                label={t("initiative.localUnitName")}
                defaultValue={unit.name}
                error={e(name("name"))}
              />
              <TextField
                name={name("expectedParticipants")}
                label={t("initiative.expectedParticipants")}
                inputMode="numeric"
                width="short"
                defaultValue={unit.expectedParticipants}
                error={e(name("expectedParticipants"))}
              />
            </fieldset>
          );
        })}
      </Section>
    </Fragment>
  );
}
