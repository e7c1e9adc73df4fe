// The participant portal's accessibility statement (DOS-lagen, 2018:1937; WCAG 2.1 AA through
// EN 301 549), in plain language in the portal's six languages, reachable without signing in:
// what it covers, honestly what does not work yet, how it was tested, and "Rapportera ett
// problem" — a plain form whose refusals come in the reader's language with what they typed
// kept — and where to turn (Digg) when our answer is not good enough. A signed-in participant's
// report goes to their association's office only; one made without signing in to every
// association's office, and the page says so next to the form.
import { data, redirect, useActionData, useSearchParams } from "react-router";
import {
  ACCESSIBILITY_STATEMENT_UPDATED,
  AccessibilityReportInvalid,
  type ReportField,
  type ReportProblem,
  reportAccessibilityProblem,
  reportDestination,
} from "../../../portal/accessibility-reports.ts";
import type { PortalKey } from "../../../portal/messages/index.ts";
import { stateOf, text } from "../../guard.server.ts";
import { CsrfField } from "../../ui/form.tsx";
import { Tx, usePortal } from "../../ui/portal-i18n.tsx";
import { PortalIcon } from "../../ui/portal-icons.tsx";
import type { Route } from "./+types/accessibility.ts";
import { PortalLanguageForm } from "./layout.tsx";

export const handle = { portal: true, hydrate: false };

const PATH = "/portal/tillganglighet";

export async function loader({ context }: Route.LoaderArgs) {
  const state = stateOf(context);
  const destination = await reportDestination(state.services.db, state.principal);
  return {
    signedIn: state.principal?.kind === "participant",
    destination: destination ? { name: destination.name } : null,
  };
}

interface ReportFailure {
  problems: Partial<Record<ReportField, ReportProblem>>;
  values: { page: string; description: string; contact: string };
}

export async function action({ context, request }: Route.ActionArgs) {
  const state = stateOf(context);
  const form = await request.formData();
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
      await reportDestination(state.services.db, state.principal),
      to ? { mailer: state.services.mailer, to } : undefined,
    );
  } catch (error) {
    if (error instanceof AccessibilityReportInvalid)
      return data<ReportFailure>({ problems: error.problems, values }, { status: 400 });
    throw error;
  }
  return redirect(`${PATH}?klart=rapport`);
}

const FIELDS: { name: ReportField; label: PortalKey; hint: PortalKey; rows?: number }[] = [
  {
    name: "page",
    label: "portal.accessibility.pageLabel",
    hint: "portal.accessibility.pageHint",
  },
  {
    name: "description",
    label: "portal.accessibility.descriptionLabel",
    hint: "portal.accessibility.descriptionHint",
    rows: 6,
  },
  {
    name: "contact",
    label: "portal.accessibility.contactLabel",
    hint: "portal.accessibility.contactHint",
  },
];

function problemText(
  t: ReturnType<typeof usePortal>["t"],
  field: ReportField,
  problem: ReportProblem,
): string {
  if (problem.code === "tooLong")
    return t("portal.accessibility.error.tooLong", { max: problem.max });
  return field === "page"
    ? t("portal.accessibility.error.page")
    : t("portal.accessibility.error.description");
}

function ReportForm() {
  const { t } = usePortal();
  const failure = useActionData() as ReportFailure | undefined;
  const problems = failure?.problems ?? {};
  const entries = FIELDS.filter((f) => problems[f.name]);
  return (
    <form method="post" action={PATH} noValidate>
      <CsrfField />
      {entries.length ? (
        <section className="portal-error" aria-labelledby="rapport-fel">
          <h3 id="rapport-fel">
            {t("portal.accessibility.errorsTitle", { count: entries.length })}
          </h3>
          <ul>
            {entries.map((f) => (
              <li key={f.name}>
                <a href={`#rapport-${f.name}`}>
                  {problemText(t, f.name, problems[f.name] as ReportProblem)}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {FIELDS.map((f) => {
        const id = `rapport-${f.name}`;
        const problem = problems[f.name];
        const described = [`${id}-hint`, problem ? `${id}-error` : ""].filter(Boolean).join(" ");
        const value = failure?.values[f.name] ?? "";
        return (
          <div
            key={f.name}
            className={problem ? "portal-field portal-field--error" : "portal-field"}
          >
            <label htmlFor={id}>{t(f.label)}</label>
            <p id={`${id}-hint`} className="portal-hint">
              {t(f.hint)}
            </p>
            {problem ? (
              <p id={`${id}-error`} className="portal-field__error">
                {problemText(t, f.name, problem)}
              </p>
            ) : null}
            {f.rows ? (
              <textarea
                id={id}
                name={f.name}
                rows={f.rows}
                defaultValue={value}
                aria-describedby={described}
                aria-invalid={problem ? true : undefined}
              />
            ) : (
              <input
                id={id}
                name={f.name}
                type="text"
                defaultValue={value}
                autoComplete={f.name === "contact" ? "email" : "off"}
                aria-describedby={described}
                aria-invalid={problem ? true : undefined}
              />
            )}
          </div>
        );
      })}
      <button type="submit" className="portal-button">
        <PortalIcon name="check" />
        {t("portal.accessibility.send")}
      </button>
    </form>
  );
}

export default function PortalAccessibility({ loaderData }: Route.ComponentProps) {
  const { t, longDate } = usePortal();
  const [params] = useSearchParams();
  const sent = params.get("klart") === "rapport";
  return (
    <>
      <a href="#innehall" className="skip-link">
        {t("portal.skip")}
      </a>
      <header className="portal-header">
        <a href="/portal" className="portal-header__name">
          {t("portal.name")}
        </a>
        {loaderData.signedIn ? (
          <form method="post" action="/portal/logga-ut" className="portal-header__signout">
            <CsrfField />
            <button type="submit" className="portal-button portal-button--signout">
              <PortalIcon name="signout" />
              {t("portal.signOut")}
            </button>
          </form>
        ) : null}
      </header>
      <div className="portal-page">
        <main id="innehall" tabIndex={-1}>
          <title>{`${t("portal.accessibility.title")} – ${t("portal.name")}`}</title>
          <Tx as="h1" k="portal.accessibility.title" />
          {sent ? (
            <p className="portal-notice" role="status">
              {t("portal.accessibility.sent")}
            </p>
          ) : null}
          <Tx as="p" k="portal.accessibility.intro" className="portal-lead" />

          <Tx as="h2" k="portal.accessibility.coversTitle" />
          <Tx as="p" k="portal.accessibility.covers" />

          <Tx as="h2" k="portal.accessibility.statusTitle" />
          <Tx as="p" k="portal.accessibility.status" />
          <Tx as="h3" k="portal.accessibility.problemsTitle" />
          <ul>
            <Tx as="li" k="portal.accessibility.problemPdfScript" />
            <Tx as="li" k="portal.accessibility.problemPdfTags" />
            <Tx as="li" k="portal.accessibility.problemStaffText" />
          </ul>

          <Tx as="h2" k="portal.accessibility.testedTitle" />
          <ul>
            <Tx as="li" k="portal.accessibility.testedAxe" />
            <Tx as="li" k="portal.accessibility.testedKeyboard" />
            <Tx as="li" k="portal.accessibility.testedNarrow" />
            <Tx as="li" k="portal.accessibility.testedScreenReader" />
            <Tx as="li" k="portal.accessibility.testedNoJs" />
          </ul>
          <Tx
            as="p"
            k="portal.accessibility.updated"
            values={{ date: longDate(ACCESSIBILITY_STATEMENT_UPDATED) }}
          />

          <section aria-labelledby="rapportera" className="portal-card">
            <Tx as="h2" k="portal.accessibility.reportTitle" id="rapportera" />
            <Tx as="p" k="portal.accessibility.reportIntro" />
            {loaderData.destination ? (
              <Tx
                as="p"
                k="portal.accessibility.reportTo"
                values={{ association: loaderData.destination.name }}
              />
            ) : (
              <Tx as="p" k="portal.accessibility.reportToAll" />
            )}
            <ReportForm />
          </section>

          <Tx as="h2" k="portal.accessibility.enforcementTitle" />
          <Tx as="p" k="portal.accessibility.enforcement" />
          <p>
            <a href="https://www.digg.se/tdosanmalan" hrefLang="sv">
              {t("portal.accessibility.enforcementLink")}
            </a>
          </p>
        </main>
      </div>
      <footer className="portal-footer">
        <PortalLanguageForm returnTo={PATH} />
      </footer>
    </>
  );
}
