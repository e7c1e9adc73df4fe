// Registering a participant in one of the officer's individual initiatives (?insats=): with
// consent (date, version and language of the text; the personnummer is stored encrypted) or
// anonymously (no consent, or protected identity: no number, no name), then the person, the
// background at start and the enrollment. Plain HTML that works without JavaScript; every
// problem is shown at its field in Swedish, with what was typed kept. An officer with several
// initiatives first chooses one (a GET form).
import { data, Link, Form as RouterForm } from "react-router";
import { registerParticipant } from "../../../register/participants.ts";
import { attempt, redirectWithNotice } from "../../guard.server.ts";
import { ErrorSummary, Form, SelectField, SubmitButton, useFormFailure } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { Choices, TextInput } from "../../ui/periodic-report-form.tsx";
import type { Route } from "./+types/enrollment-new.ts";
import {
  BackgroundFields,
  EnrollmentFields,
  type FieldState,
  PersonFields,
} from "./participant-fields.tsx";
import {
  backgroundOf,
  birthYearOf,
  formValues,
  problemsOf,
  renamingProblems,
  requireRegister,
  requireWrite,
} from "./register-access.server.ts";

const REGISTRATIONS = ["samtycke", "anonym", "skyddad"] as const;

const FIELDS = [
  "initiativeId",
  "registration",
  "consentedOn",
  "consentTextVersion",
  "consentLanguage",
  "personalNumber",
  "name",
  "gender",
  "birthYear",
  "municipalityCode",
  "education",
  "timeOnSupport",
  "occupationBefore",
  "referrer",
  "startDate",
  "actionPlanDate",
  "localUnitId",
  "externalKey",
] as const;

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const register = await requireRegister(context, request, params.association);
  const individual = register.initiatives.filter((i) => i.orientation === "individual");
  const asked = new URL(request.url).searchParams.get("insats") ?? "";
  const chosen =
    individual.find((i) => i.id === asked) ?? (individual.length === 1 ? individual[0] : undefined);
  if (chosen) requireWrite(register, chosen.id);
  return {
    slug: register.association.slug,
    initiatives: individual.map((i) => ({ id: i.id, name: i.name })),
    asked: asked !== "" && !chosen,
    initiative: chosen ? { id: chosen.id, name: chosen.name, localUnits: chosen.localUnits } : null,
    today: register.today,
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const register = await requireRegister(context, request, params.association);
  const form = await request.formData();
  const values = formValues(form, FIELDS, ["supportBefore"]);
  const initiative = register.initiatives.find(
    (i) => i.id === values.initiativeId && i.orientation === "individual",
  );
  if ((values.initiativeId ?? "") === "")
    return data(
      {
        errors: {
          form: "Formuläret saknar insats. Öppna sidan igen från deltagarlistan och välj vilken insats du ska registrera deltagare i.",
        },
        values,
      },
      { status: 400 },
    );
  if (!initiative)
    throw data(
      {
        message:
          "Insatsen finns inte i ditt deltagarregister: bara insatsens deltagaransvariga kan registrera dess deltagare.",
      },
      { status: 404 },
    );
  requireWrite(register, initiative.id);

  // what the page itself refuses: the choice of registration, and a number or name with an
  // anonymous one (they would not be stored, and the person meant something else)
  const problems: Record<string, string> = {};
  const registration = values.registration ?? "";
  if (!(REGISTRATIONS as readonly string[]).includes(registration))
    problems.registration =
      "Välj om personen registreras med samtycke, eller anonymt (utan samtycke eller med skyddade personuppgifter).";
  const withConsent = registration === "samtycke";
  const typedNumber = (values.personalNumber ?? "").trim();
  const typedName = (values.name ?? "").trim();
  if (withConsent && typedNumber === "")
    problems.personalNumber =
      "Skriv personnumret eller samordningsnumret, till exempel 19850312-1234. Ska det inte lagras, välj anonym registrering.";
  if (!withConsent && registration !== "" && typedNumber !== "")
    problems.personalNumber =
      "Vid anonym registrering lagras inget personnummer. Töm fältet, eller välj registrering med samtycke.";
  if (!withConsent && registration !== "" && typedName !== "")
    problems.name =
      "Vid anonym registrering lagras inget namn. Töm fältet, eller välj registrering med samtycke.";
  const birthYear = birthYearOf(values.birthYear ?? "", problems);

  const run = (db: typeof register.db) =>
    renamingProblems(
      () =>
        registerParticipant(
          db,
          register.crypto,
          register.actor,
          register.scope,
          {
            initiativeId: initiative.id,
            personalNumber: withConsent ? typedNumber : null,
            name: withConsent ? typedName : null,
            consent: withConsent
              ? {
                  consentedOn: values.consentedOn ?? "",
                  textVersion: values.consentTextVersion ?? "",
                  language: values.consentLanguage ?? "",
                }
              : null,
            protectedIdentity: registration === "skyddad",
            gender: values.gender ?? "",
            birthYear,
            startDate: values.startDate ?? "",
            background: backgroundOf(values),
            municipalityCode: values.municipalityCode ?? "",
            localUnitId: values.localUnitId ?? "",
            actionPlanDate: values.actionPlanDate ?? "",
            externalKey: values.externalKey ?? "",
          },
          register.today,
        ),
      { initiativeId: "form" },
    );

  if (Object.keys(problems).length > 0) {
    // every other problem at once, checked without writing anything
    const more = await problemsOf(register.db, run);
    return data({ errors: { ...more, ...problems }, values }, { status: 400 });
  }
  const result = await attempt(() => run(register.db), values);
  if (!result.ok) return result.failure;
  return redirectWithNotice(
    `/${register.association.slug}/deltagare/${result.value.enrollmentId}`,
    result.value.anonymous ? "registrerad-anonym" : "registrerad",
  );
}

export default function EnrollmentNew({ loaderData: d }: Route.ComponentProps) {
  const { t } = useI18n();
  const failure = useFormFailure();
  const errors = failure?.errors ?? {};
  const state: FieldState = {
    errors,
    value: (name, fallback = "") => failure?.values?.[name] ?? fallback,
  };
  const title = t("register.new.title");
  const list = `/${d.slug}/deltagare`;
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <p>
        <Link to={list}>{t("register.backToList")}</Link>
      </p>
      <h1>{title}</h1>
      {d.initiative === null ? (
        d.initiatives.length === 0 ? (
          <p>{t("register.new.noIndividual")}</p>
        ) : (
          <>
            {d.asked ? <p className="warning">{t("register.chooseInitiative.unknown")}</p> : null}
            <RouterForm method="get" action={`${list}/ny`}>
              <SelectField
                name="insats"
                label={t("register.chooseInitiative.label")}
                options={d.initiatives.map((i) => ({ value: i.id, label: i.name }))}
              />
              <button type="submit" className="button button--primary">
                {t("register.chooseInitiative.submit")}
              </button>
            </RouterForm>
          </>
        )
      ) : (
        <>
          <p className="lead">{t("register.new.intro", { name: d.initiative.name })}</p>
          <ErrorSummary errors={errors} />
          <Form method="post" action={`${list}/ny?insats=${d.initiative.id}`} noValidate>
            <input type="hidden" name="initiativeId" value={d.initiative.id} />

            <section className="panel" aria-labelledby="samtycke">
              <h2 id="samtycke">{t("register.new.consentTitle")}</h2>
              <Choices
                name="registration"
                label={t("register.field.registration")}
                hint={t("register.hint.registration")}
                mark="required"
                options={[
                  { value: "samtycke", label: t("register.registration.samtycke") },
                  { value: "anonym", label: t("register.registration.anonym") },
                  { value: "skyddad", label: t("register.registration.skyddad") },
                ]}
                checked={state.value("registration")}
                error={errors.registration}
              />
              <TextInput
                name="consentedOn"
                label={t("register.field.consentedOn")}
                hint={t("register.hint.consentedOn")}
                defaultValue={state.value("consentedOn")}
                short
                error={errors.consentedOn}
              />
              <TextInput
                name="consentTextVersion"
                label={t("register.field.consentTextVersion")}
                hint={t("register.hint.consentTextVersion")}
                defaultValue={state.value("consentTextVersion")}
                short
                error={errors.consentTextVersion}
              />
              <TextInput
                name="consentLanguage"
                label={t("register.field.consentLanguage")}
                hint={t("register.hint.consentLanguage")}
                defaultValue={state.value("consentLanguage", t("register.defaultLanguage"))}
                short
                error={errors.consentLanguage}
              />
              <TextInput
                name="personalNumber"
                label={t("register.field.personalNumber")}
                hint={t("register.hint.personalNumber")}
                defaultValue={state.value("personalNumber")}
                error={errors.personalNumber}
              />
              <TextInput
                name="name"
                label={t("register.field.name")}
                hint={t("register.hint.name")}
                defaultValue={state.value("name")}
                error={errors.name}
              />
            </section>

            <section className="panel" aria-labelledby="personen">
              <h2 id="personen">{t("register.new.personTitle")}</h2>
              <PersonFields state={state} />
            </section>

            <section className="panel" aria-labelledby="bakgrund">
              <h2 id="bakgrund">{t("register.new.backgroundTitle")}</h2>
              <p>{t("register.new.backgroundIntro")}</p>
              <BackgroundFields state={state} />
            </section>

            <section className="panel" aria-labelledby="inskrivning">
              <h2 id="inskrivning">{t("register.new.enrollmentTitle")}</h2>
              <EnrollmentFields state={state} localUnits={d.initiative.localUnits} />
              <TextInput
                name="externalKey"
                label={t("register.field.externalKey")}
                hint={t("register.hint.externalKey")}
                defaultValue={state.value("externalKey")}
                short
                error={errors.externalKey}
              />
            </section>

            <p>{t("register.loggedNote")}</p>
            <div className="button-row">
              <SubmitButton>{t("register.new.submit")}</SubmitButton>
              <Link to={list}>{t("common.cancel")}</Link>
            </div>
          </Form>
        </>
      )}
    </main>
  );
}
