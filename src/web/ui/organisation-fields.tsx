// The member organisation form: its fields and what it posts (adding and editing alike).
import { MEMBER_ORGANISATION_KINDS } from "../../associations/schema.ts";
import { SelectField, TextField } from "./form.tsx";
import { useT } from "./i18n.tsx";

/** What the organisation form posted (the same fields for adding and editing). */
export function organisationValues(form: FormData) {
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  return { name: field("name"), orgNumber: field("orgNumber"), kind: field("kind") };
}

export function OrganisationFields({
  values,
  errors,
}: {
  values?: Record<string, string> | undefined;
  errors?: Record<string, string> | undefined;
}) {
  const t = useT();
  return (
    <>
      <TextField
        name="name"
        label={t("org.name")}
        defaultValue={values?.name}
        error={errors?.name}
        required
      />
      <TextField
        name="orgNumber"
        label={t("org.orgNumber")}
        hint={t("org.orgNumberHint")}
        width="short"
        defaultValue={values?.orgNumber}
        error={errors?.orgNumber}
        required
      />
      <SelectField
        name="kind"
        label={t("org.kind")}
        defaultValue={values?.kind ?? ""}
        error={errors?.kind}
        required
        options={[
          { value: "", label: t("common.choose") },
          ...MEMBER_ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`orgKind.${k}`) })),
        ]}
      />
    </>
  );
}
