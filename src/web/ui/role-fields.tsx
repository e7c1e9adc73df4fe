// Choosing a role, and the initiative it applies to for initiative-scoped roles.
import { ROLES } from "../../people/roles.ts";
import { SelectField } from "./form.tsx";
import { useT } from "./i18n.tsx";

export function RoleFields({
  initiatives,
  values,
  errors,
}: {
  initiatives: Array<{ id: string; name: string }>;
  values?: Record<string, string> | undefined;
  errors?: Record<string, string> | undefined;
}) {
  const t = useT();
  return (
    <>
      <SelectField
        name="role"
        label={t("people.role")}
        defaultValue={values?.role ?? ""}
        error={errors?.role}
        required
        options={[
          { value: "", label: t("common.choose") },
          ...ROLES.filter((r) => r !== "participant").map((r) => ({
            value: r,
            label: t(`role.${r}`),
          })),
        ]}
      />
      <SelectField
        name="initiativeId"
        label={t("people.initiative")}
        hint={t("people.initiativeHint")}
        defaultValue={values?.initiativeId ?? ""}
        error={errors?.initiativeId}
        options={[
          { value: "", label: t("people.wholeAssociation") },
          ...initiatives.map((i) => ({ value: i.id, label: i.name })),
        ]}
      />
    </>
  );
}
