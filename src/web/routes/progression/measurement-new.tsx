// The interview form: a participant officer enters a measurement of an enrollment with one of
// the plan's instrument versions (?version=…) at an occasion (?tillfalle=…) — or corrects one
// (?matning=…) — in a conversation, from a paper form, or as the participant's own answers. The
// items can be shown in the participant's language (?sprak=ar …), with the Swedish text beside
// and right to left for Arabic and Persian. No JavaScript needed: large radio buttons that wrap
// at 320 px; every refusal is shown at its field and nothing is stored.
import { data, Link } from "react-router";
import { formatDate } from "../../../platform/i18n/format.ts";
import type { MessageKey } from "../../../platform/i18n/translate.ts";
import { correctMeasurement, recordMeasurement } from "../../../progression/measurements.ts";
import {
  ENTRY_MODES,
  OCCASIONS,
  type Occasion,
  type PortalLanguage,
} from "../../../progression/model.ts";
import { attempt, redirectWithNotice } from "../../guard.server.ts";
import { ErrorSummary, Form, SubmitButton } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { Choices, TextInput } from "../../ui/periodic-report-form.tsx";
import {
  answerField,
  answersFrom,
  languagesOf,
  ProgressionAnswers,
  progressionAnswersLinks,
  SKIP,
} from "../../ui/progression-answers.tsx";
import { useWorkflow } from "../../ui/workflow-panels.tsx";
import { requireRegister } from "../register/register-access.server.ts";
import { identityText } from "../register/register-ui.tsx";
import type { Route } from "./+types/measurement-new.ts";
import { measurementsFor } from "./measure-access.server.ts";
import { MODE_KEYS, OCCASION_KEYS, textOf } from "./measure-ui.tsx";

export const links: Route.LinksFunction = () => progressionAnswersLinks();

/** The languages by their own names, as a participant recognises them. */
const ENDONYMS: Record<PortalLanguage, string> = {
  sv: "svenska",
  en: "English",
  ar: "العربية",
  so: "Soomaali",
  ti: "ትግርኛ",
  fa: "فارسی",
};

async function formContext(
  context: Route.LoaderArgs["context"],
  request: Request,
  params: { association?: string; enrollmentId?: string },
) {
  const register = await requireRegister(context, request, params.association);
  const read = await measurementsFor(register, params.enrollmentId ?? "");
  const query = new URL(request.url).searchParams;
  const correcting = query.get("matning");
  const measurement = correcting ? read.measurements.find((m) => m.id === correcting) : undefined;
  if (correcting && !measurement)
    throw data(
      { message: "Mätningen finns inte (den kan ha tagits bort). Gå tillbaka till mätningarna." },
      { status: 404 },
    );
  const planned = read.plan?.instrumentVersionIds ?? [];
  const asked = query.get("version") ?? "";
  // unasked, the form opens the instrument whose measurement is due first (then the plan's first)
  const firstDue = read.due.find(
    (o) => o.status !== "klar" && planned.includes(o.instrumentVersionId),
  );
  const versionId = measurement
    ? measurement.instrumentVersionId
    : planned.includes(asked)
      ? asked
      : (firstDue?.instrumentVersionId ?? planned[0] ?? "");
  const version = read.versions.find((v) => v.id === versionId);
  return { register, read, query, measurement, version, planned };
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { register, read, query, measurement, version, planned } = await formContext(
    context,
    request,
    params,
  );
  const languages = version ? languagesOf(version.definition) : ["sv" as const];
  const askedLanguage = query.get("sprak") ?? "sv";
  const language = (languages as string[]).includes(askedLanguage)
    ? (askedLanguage as PortalLanguage)
    : "sv";
  const askedOccasion = query.get("tillfalle") ?? "";
  const nextDue = read.due.find(
    (o) => o.instrumentVersionId === version?.id && o.status !== "klar",
  );
  const occasion: Occasion = measurement
    ? measurement.occasion
    : (OCCASIONS as readonly string[]).includes(askedOccasion)
      ? (askedOccasion as Occasion)
      : (nextDue?.occasion ?? "nollpunkt");
  return {
    slug: register.association.slug,
    enrollment: {
      id: read.enrollment.id,
      identity: read.enrollment.identity,
      identityState: read.enrollment.identityState,
      initiativeName: read.enrollment.initiativeName,
      startDate: formatDate(read.enrollment.startDate),
      endDate: read.enrollment.endDate ? formatDate(read.enrollment.endDate) : "",
      voided: read.enrollment.voided,
    },
    today: register.today,
    hasPlan: read.plan !== null,
    correcting: measurement
      ? { id: measurement.id, version: measurement.version, measuredOn: measurement.measuredOn }
      : null,
    versions: planned.flatMap((id) => {
      const v = read.versions.find((x) => x.id === id);
      return v ? [{ id: v.id, name: v.instrumentName, number: v.number }] : [];
    }),
    version: version
      ? {
          id: version.id,
          name: version.instrumentName,
          number: version.number,
          licence: version.licence,
          definition: version.definition,
        }
      : null,
    languages,
    language,
    occasion,
    stored: {
      measuredOn: measurement?.measuredOn ?? register.today,
      mode: measurement?.mode ?? "samtal",
      answers: Object.fromEntries(
        (version?.definition.items ?? []).map((i) => {
          const a = measurement?.answers[i.key];
          return [
            answerField(i.key),
            measurement ? (typeof a === "number" ? String(a) : SKIP) : "",
          ];
        }),
      ),
    },
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { register, read, measurement, version } = await formContext(context, request, params);
  if (!version)
    throw data(
      { message: "Insatsen har ingen mätplan med det instrumentet. Gå tillbaka till mätningarna." },
      { status: 400 },
    );
  const form = await request.formData();
  const field = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v.trim() : "";
  };
  const { answers, values: answerValues } = answersFrom(version.definition, form);
  const values = {
    occasion: field("occasion"),
    measuredOn: field("measuredOn"),
    mode: field("mode"),
    expectedVersion: field("expectedVersion"),
    ...answerValues,
  };
  const change = {
    occasion: values.occasion,
    measuredOn: values.measuredOn,
    mode: values.mode,
    answers,
  };
  const result = await attempt(
    () =>
      measurement
        ? correctMeasurement(
            register.db,
            register,
            measurement.id,
            Number(values.expectedVersion),
            change,
            register.today,
          )
        : recordMeasurement(
            register.db,
            register,
            { enrollmentId: read.enrollment.id, instrumentVersionId: version.id, ...change },
            register.today,
          ),
    values,
  );
  if (!result.ok) return result.failure;
  return redirectWithNotice(
    `/${register.association.slug}/deltagare/${read.enrollment.id}/matningar`,
    measurement ? "rattad" : "sparad",
  );
}

export default function MeasurementNew({ loaderData: d }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { errors, value, failure, formKey } = useWorkflow({});
  const who = identityText(t, d.enrollment);
  const title = d.correcting
    ? t("progression.measure.form.titleCorrect", { participant: who })
    : t("progression.measure.form.title", { participant: who });
  const back = `/${d.slug}/deltagare/${d.enrollment.id}/matningar`;
  const here = (over: Record<string, string>) => {
    const q = new URLSearchParams();
    if (d.correcting) q.set("matning", d.correcting.id);
    else {
      if (d.version) q.set("version", d.version.id);
      q.set("tillfalle", d.occasion);
    }
    if (d.language !== "sv") q.set("sprak", d.language);
    for (const [k, v] of Object.entries(over))
      if (v === "") q.delete(k);
      else q.set(k, v);
    return `?${q.toString()}`;
  };
  const answers = failure?.values
    ? Object.fromEntries(Object.keys(d.stored.answers).map((k) => [k, failure.values?.[k] ?? ""]))
    : d.stored.answers;
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <p>
        <Link to={back}>{t("progression.measure.form.back")}</Link>
      </p>
      <h1>{title}</h1>
      <p>
        {t("progression.measure.form.enrollment", {
          initiative: d.enrollment.initiativeName,
          start: d.enrollment.startDate,
        })}
        {d.enrollment.endDate
          ? ` ${t("progression.measure.form.ended", { end: d.enrollment.endDate })}`
          : ""}
      </p>
      {!d.hasPlan || !d.version ? (
        <p>{t("progression.measure.enrollment.noPlan")}</p>
      ) : d.enrollment.voided ? (
        <p>{t("progression.measure.enrollment.voided")}</p>
      ) : (
        <>
          <ErrorSummary errors={errors} />
          {d.versions.length > 1 && !d.correcting ? (
            <nav aria-labelledby="instrumentVersionId">
              <h2 id="instrumentVersionId">{t("progression.measure.form.chooseInstrument")}</h2>
              <ul>
                {d.versions.map((v) => (
                  <li key={v.id}>
                    {v.id === d.version?.id ? (
                      <strong aria-current="page">
                        {t("progression.measure.versionName", {
                          name: textOf(v.name, locale),
                          number: v.number,
                        })}
                      </strong>
                    ) : (
                      <Link to={here({ version: v.id })}>
                        {t("progression.measure.versionName", {
                          name: textOf(v.name, locale),
                          number: v.number,
                        })}
                      </Link>
                    )}
                  </li>
                ))}
              </ul>
            </nav>
          ) : (
            <h2>
              {t("progression.measure.versionName", {
                name: textOf(d.version.name, locale),
                number: d.version.number,
              })}
            </h2>
          )}
          {d.version.licence ? <p>{d.version.licence}</p> : null}
          {d.languages.length > 1 ? (
            <nav aria-labelledby="sprak">
              <h2 id="sprak">{t("progression.measure.form.language")}</h2>
              <p>{t("progression.measure.form.languageHint")}</p>
              <ul className="inline-list">
                {d.languages.map((l) => (
                  <li key={l} lang={l}>
                    {l === d.language ? (
                      <strong aria-current="page">{ENDONYMS[l]}</strong>
                    ) : (
                      <Link to={here({ sprak: l === "sv" ? "" : l })} hrefLang={l}>
                        {ENDONYMS[l]}
                      </Link>
                    )}
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          <p>
            <a
              href={`/${d.slug}/progression/instrument/versioner/${d.version.id}/blankett.pdf`}
              download
            >
              {t("progression.measure.form.paper")}
            </a>
          </p>
          <Form method="post" key={formKey}>
            {d.correcting ? (
              <input type="hidden" name="expectedVersion" value={String(d.correcting.version)} />
            ) : null}
            <Choices
              name="occasion"
              label={t("progression.measure.occasion")}
              error={errors.occasion}
              checked={value("occasion", d.occasion)}
              options={OCCASIONS.map((o) => ({
                value: o,
                label: t(OCCASION_KEYS[o]),
              }))}
            />
            <TextInput
              name="measuredOn"
              label={t("progression.measure.form.date")}
              hint={t("progression.measure.form.dateHint", { today: d.today })}
              error={errors.measuredOn}
              defaultValue={value("measuredOn", d.stored.measuredOn)}
              short
            />
            <Choices
              name="mode"
              label={t("progression.measure.form.mode")}
              error={errors.mode}
              checked={value("mode", d.stored.mode)}
              options={ENTRY_MODES.map((m) => ({ value: m, label: t(MODE_KEYS[m]) }))}
            />
            <h2>{t("progression.measure.form.answers")}</h2>
            {errors.answers ? (
              <p className="field__error" id="answers">
                {errors.answers}
              </p>
            ) : null}
            <ProgressionAnswers
              definition={d.version.definition}
              language={d.language}
              values={answers}
              errors={errors}
            />
            <SubmitButton>
              {t(
                (d.correcting
                  ? "progression.measure.form.saveCorrection"
                  : "progression.measure.form.save") as MessageKey,
              )}
            </SubmitButton>
          </Form>
        </>
      )}
    </main>
  );
}
