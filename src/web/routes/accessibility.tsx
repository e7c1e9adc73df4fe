// The accessibility statement the law on accessible digital public services (DOS-lagen) asks for,
// for the staff's pages (the participants' pages have their own, /portal/tillganglighet), with
// "Rapportera ett problem": a form anyone may send, signed in or not, stored for the office of
// the reporter's association (the one whose pages they came from: ?forbund=<slug>, if they hold
// a role there; else their only one; staff of several choose in the form) — or, not signed in,
// for every association's office. The page says which, next to the form.
import { data, useSearchParams } from "react-router";
import { formatDate } from "../../platform/i18n/format.ts";
import type { MessageKey, Translate } from "../../platform/i18n/translate.ts";
import {
  ACCESSIBILITY_STATEMENT_UPDATED,
  AccessibilityReportInvalid,
  type ReportField,
  type ReportProblem,
  reportAccessibilityProblem,
  reportChoices,
  reportDestination,
} from "../../portal/accessibility-reports.ts";
import { redirectWithNotice, stateOf, text } from "../guard.server.ts";
import { TextArea } from "../ui/fields.tsx";
import {
  ErrorSummary,
  Form,
  SelectField,
  SubmitButton,
  TextField,
  useFormFailure,
} from "../ui/form.tsx";
import { useT } from "../ui/i18n.tsx";
import type { Route } from "./+types/accessibility.ts";

interface ReportFailure {
  errors: Record<string, string>;
  problems: Partial<Record<ReportField, ReportProblem>>;
  values: Record<string, string>;
}

/** The association the staff came from: the page's ?forbund, or the form's hidden field. */
const givenSlug = (request: Request, form?: FormData) =>
  (form ? text(form, "forbund") : "") || new URL(request.url).searchParams.get("forbund") || null;

export async function loader({ context, request }: Route.LoaderArgs) {
  const state = stateOf(context);
  const destination = await reportDestination(
    state.services.db,
    state.principal,
    givenSlug(request),
  );
  const choices = destination ? [] : await reportChoices(state.services.db, state.principal);
  return {
    signedIn: Boolean(state.principal),
    destination: destination ? { name: destination.name, slug: destination.slug } : null,
    choices: choices.map((c) => ({ name: c.name, slug: c.slug })),
  };
}

export async function action({ context, request }: Route.ActionArgs) {
  const state = stateOf(context);
  const form = await request.formData();
  const destination = await reportDestination(
    state.services.db,
    state.principal,
    givenSlug(request, form),
  );
  const values = {
    page: text(form, "page"),
    description: text(form, "description"),
    contact: text(form, "contact"),
  };
  try {
    const to = state.services.config.accessibilityReportsTo;
    await reportAccessibilityProblem(
      state.services.db,
      values,
      destination,
      to ? { mailer: state.services.mailer, to } : undefined,
    );
  } catch (error) {
    if (error instanceof AccessibilityReportInvalid)
      return data<ReportFailure>(
        {
          errors: error.fields,
          problems: error.problems,
          values: { ...values, forbund: text(form, "forbund") },
        },
        { status: 400 },
      );
    throw error;
  }
  return redirectWithNotice(
    destination
      ? `/tillganglighet?forbund=${encodeURIComponent(destination.slug)}`
      : "/tillganglighet",
    "rapport",
  );
}

const ERROR_KEYS: Record<ReportField, MessageKey> = {
  page: "accessibility.form.error.page",
  description: "accessibility.form.error.description",
  contact: "accessibility.form.error.tooLong",
};

/** The refusals in the reader's language (the use case's codes, not its Swedish sentences). */
function translatedErrors(t: Translate, failure: ReportFailure | undefined) {
  return Object.fromEntries(
    Object.entries(failure?.problems ?? {}).map(([field, problem]) => [
      field,
      problem.code === "tooLong"
        ? t("accessibility.form.error.tooLong", { max: problem.max })
        : t(ERROR_KEYS[field as ReportField]),
    ]),
  );
}

export default function Accessibility({ loaderData }: Route.ComponentProps) {
  const { signedIn, destination, choices } = loaderData;
  const t = useT();
  const [params] = useSearchParams();
  const failure = useFormFailure() as ReportFailure | undefined;
  const errors = translatedErrors(t, failure);
  const values = failure?.values ?? {};
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${t("accessibility.title")} – Samspår`}</title>
      <h1>{t("accessibility.title")}</h1>
      {params.get("klart") === "rapport" ? (
        <p className="notice" role="status">
          {t("accessibility.form.sent")}
        </p>
      ) : null}
      <p>{t("accessibility.intro")}</p>
      <h2>{t("accessibility.statusTitle")}</h2>
      <p>{t("accessibility.status")}</p>
      <h3>{t("accessibility.knownTitle")}</h3>
      <ul>
        <li>{t("accessibility.knownPdfTags")}</li>
        <li>{t("accessibility.knownPdfScript")}</li>
      </ul>
      <h2>{t("accessibility.testedTitle")}</h2>
      <p>{t("accessibility.tested")}</p>
      <p>{t("accessibility.updated", { date: formatDate(ACCESSIBILITY_STATEMENT_UPDATED) })}</p>
      <section aria-labelledby="rapportera">
        <h2 id="rapportera">{t("accessibility.reportTitle")}</h2>
        <p>{t("accessibility.report")}</p>
        <p id="rapport-mottagare">
          {destination
            ? t("accessibility.form.to", { association: destination.name })
            : t(
                choices.length > 0
                  ? "accessibility.form.toChosen"
                  : signedIn
                    ? "accessibility.form.toAllSignedIn"
                    : "accessibility.form.toAll",
              )}
        </p>
        <ErrorSummary errors={errors} />
        <Form method="post" noValidate>
          {destination ? <input type="hidden" name="forbund" value={destination.slug} /> : null}
          {choices.length > 0 ? (
            <SelectField
              name="forbund"
              label={t("accessibility.form.association")}
              hint={t("accessibility.form.associationHint")}
              defaultValue={values.forbund ?? ""}
              options={[
                { value: "", label: t("accessibility.form.associationNone") },
                ...choices.map((c) => ({ value: c.slug, label: c.name })),
              ]}
            />
          ) : null}
          <TextField
            name="page"
            label={t("accessibility.form.page")}
            hint={t("accessibility.form.pageHint")}
            error={errors.page}
            defaultValue={values.page}
            required
          />
          <TextArea
            name="description"
            label={t("accessibility.form.description")}
            hint={t("accessibility.form.descriptionHint")}
            error={errors.description}
            defaultValue={values.description}
            required
            rows={6}
          />
          <TextField
            name="contact"
            label={t("accessibility.form.contact")}
            hint={t("accessibility.form.contactHint")}
            error={errors.contact}
            defaultValue={values.contact}
            autoComplete="email"
          />
          <SubmitButton>{t("accessibility.form.send")}</SubmitButton>
        </Form>
      </section>
      <h2>{t("accessibility.enforcementTitle")}</h2>
      <p>{t("accessibility.enforcement")}</p>
      <p>
        <a href="https://www.digg.se/tdosanmalan" hrefLang="sv">
          {t("accessibility.enforcementLink")}
        </a>
      </p>
    </main>
  );
}
