// The fields of a participant at start, as the registration form and the enrollment page's
// "change the background" form both draw them: gender, birth year, municipality, the background
// codes, start date, action plan and local unit. Every input's id is the use case's field name,
// so the problem summary's links land on it; typed values come back from a refused form.
import { SelectField } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { Choices, TextInput } from "../../ui/periodic-report-form.tsx";
import { codeOptions } from "./register-ui.tsx";

export interface FieldState {
  value: (name: string, fallback?: string) => string;
  errors: Record<string, string>;
}

/** "a|b" → the set of codes a multi-choice field holds. */
export const listValue = (text: string) => new Set(text.split("|").filter(Boolean));

export function PersonFields({
  state,
  birthYearLocked,
}: {
  state: FieldState;
  /** The birth year follows a stored personnummer and cannot change. */
  birthYearLocked?: boolean;
}) {
  const { t } = useI18n();
  const { value, errors } = state;
  return (
    <>
      <Choices
        name="gender"
        label={t("register.field.gender")}
        mark="required"
        options={codeOptions(t, "gender")}
        checked={value("gender")}
        error={errors.gender}
      />
      {birthYearLocked ? (
        <div className="field">
          <p>
            <strong>{t("register.field.birthYear")}:</strong> {value("birthYear")}
          </p>
          <p className="field__hint">{t("register.hint.birthYearLocked")}</p>
        </div>
      ) : (
        <TextInput
          name="birthYear"
          label={t("register.field.birthYear")}
          hint={t("register.hint.birthYear")}
          defaultValue={value("birthYear")}
          inputMode="numeric"
          short
          error={errors.birthYear}
        />
      )}
      <TextInput
        name="municipalityCode"
        label={t("register.field.municipalityCode")}
        hint={t("register.hint.municipalityCode")}
        defaultValue={value("municipalityCode")}
        inputMode="numeric"
        short
        error={errors.municipalityCode}
      />
    </>
  );
}

export function BackgroundFields({ state }: { state: FieldState }) {
  const { t } = useI18n();
  const { value, errors } = state;
  return (
    <>
      <SelectField
        name="education"
        label={t("register.field.education")}
        options={codeOptions(t, "education")}
        defaultValue={value("education", "uppgift_saknas")}
        error={errors.education}
      />
      <Choices
        name="supportBefore"
        type="checkbox"
        label={t("register.field.supportBefore")}
        hint={t("register.hint.supportBefore")}
        options={codeOptions(t, "support", ["uppgift_saknas"])}
        checked={listValue(value("supportBefore"))}
        error={errors.supportBefore}
      />
      <SelectField
        name="timeOnSupport"
        label={t("register.field.timeOnSupport")}
        options={codeOptions(t, "timeOnSupport")}
        defaultValue={value("timeOnSupport", "uppgift_saknas")}
        error={errors.timeOnSupport}
      />
      <SelectField
        name="occupationBefore"
        label={t("register.field.occupationBefore")}
        options={codeOptions(t, "occupation")}
        defaultValue={value("occupationBefore", "uppgift_saknas")}
        error={errors.occupationBefore}
      />
      <SelectField
        name="referrer"
        label={t("register.field.referrer")}
        options={codeOptions(t, "referrer")}
        defaultValue={value("referrer", "uppgift_saknas")}
        error={errors.referrer}
      />
    </>
  );
}

export function EnrollmentFields({
  state,
  localUnits,
}: {
  state: FieldState;
  localUnits: Array<{ id: string; name: string }>;
}) {
  const { t } = useI18n();
  const { value, errors } = state;
  return (
    <>
      <TextInput
        name="startDate"
        label={t("register.field.startDate")}
        hint={t("register.dateHint")}
        mark="required"
        defaultValue={value("startDate")}
        short
        error={errors.startDate}
      />
      <TextInput
        name="actionPlanDate"
        label={t("register.field.actionPlanDate")}
        hint={t("register.hint.actionPlanDate")}
        defaultValue={value("actionPlanDate")}
        short
        error={errors.actionPlanDate}
      />
      {localUnits.length > 0 ? (
        <SelectField
          name="localUnitId"
          label={t("register.field.localUnit")}
          required
          options={[
            { value: "", label: t("register.choose") },
            ...localUnits.map((u) => ({ value: u.id, label: u.name })),
          ]}
          defaultValue={value("localUnitId")}
          error={errors.localUnitId}
        />
      ) : null}
    </>
  );
}
