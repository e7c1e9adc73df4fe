// Jämförelsegrupp: an initiative's comparison group — anonymous measurements of people who are not
// participants, under the initiative's own code for each person — entered and listed by the
// initiative's participant officers (progression.measure), when the measurement plan keeps a
// comparison group. The form works without JavaScript: the instrument is chosen first (?instrument=),
// then its questions are answered on its scale. Every read and change goes through
// src/progression/comparison.ts, in the register zone, and is written to the access log.
import { data, Link, Form as RouterForm } from "react-router";
import { canOnInitiative, ForbiddenError } from "../../../access/policy.ts";
import { todayInSweden } from "../../../applications/workflow.ts";
import { getInitiative } from "../../../initiatives/get-initiative.ts";
import { NotFoundError } from "../../../platform/errors.ts";
import { formatNumber } from "../../../platform/i18n/format.ts";
import {
  listComparison,
  recordComparison,
  removeComparison,
} from "../../../progression/comparison.ts";
import { OCCASIONS } from "../../../progression/model.ts";
import { GENDERS } from "../../../register/schema.ts";
import { registerScopeFor } from "../../../register/scope.ts";
import { attempt, redirectWithNotice, requireAssociation } from "../../guard.server.ts";
import {
  ErrorSummary,
  Form,
  SelectField,
  SubmitButton,
  TextField,
  useFormFailure,
} from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { Choices } from "../../ui/periodic-report-form.tsx";
import { TableWrap } from "../../ui/table-wrap.tsx";
import { useWorkflow } from "../../ui/workflow-panels.tsx";
import type { Route } from "./+types/comparison.ts";

async function access(
  context: Route.LoaderArgs["context"],
  request: Request,
  params: { association?: string; initiativeId?: string },
) {
  const found = await requireAssociation(context, request, params.association, "association.enter");
  const { state, principal, association } = found;
  const initiativeId = params.initiativeId ?? "";
  if (!canOnInitiative(principal, "progression.measure", association.id, initiativeId))
    throw data({ message: new ForbiddenError("progression.measure").message }, { status: 403 });
  const db = state.services.db;
  const register = await registerScopeFor(db, principal, association.id, initiativeId);
  const initiative = await getInitiative(db, association.id, initiativeId);
  if (!initiative) throw data({ message: "Insatsen finns inte." }, { status: 404 });
  return {
    ...found,
    db,
    initiative,
    register: { ...register, actor: { ...register.actor, requestId: state.requestId } },
  };
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { association, db, initiative, register } = await access(context, request, params);
  const { instruments, rows } = await listComparison(db, register, initiative.id).catch(
    (error: unknown) => {
      if (error instanceof NotFoundError) throw data({ message: error.message }, { status: 404 });
      throw error;
    },
  );
  const asked = new URL(request.url).searchParams.get("instrument") ?? "";
  const chosen = instruments?.find((i) => i.id === asked) ?? instruments?.[0] ?? null;
  return {
    slug: association.slug,
    initiative: { id: initiative.id, name: initiative.name },
    today: todayInSweden(),
    instruments: (instruments ?? []).map((i) => ({ id: i.id, name: i.name, number: i.number })),
    hasGroup: instruments !== null,
    chosen: chosen
      ? {
          id: chosen.id,
          name: chosen.name,
          number: chosen.number,
          scale: {
            min: chosen.definition.scale.min,
            max: chosen.definition.scale.max,
            minLabel: chosen.definition.scale.minLabel.sv,
            maxLabel: chosen.definition.scale.maxLabel.sv,
          },
          items: chosen.definition.items.map((item) => ({ key: item.key, text: item.text.sv })),
        }
      : null,
    rows: rows.map((r) => ({
      id: r.id,
      version: r.version,
      code: r.respondentCode,
      gender: r.gender,
      occasion: r.occasion,
      measuredOn: r.measuredOn,
      instrument: `${r.instrumentName} (${r.versionNumber})`,
      total: r.total === null ? "–" : formatNumber(r.total),
    })),
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { association, db, initiative, register } = await access(context, request, params);
  const form = await request.formData();
  const field = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v.trim() : "";
  };
  const here = `/${association.slug}/insatser/${initiative.id}/jamforelsegrupp`;
  if (field("intent") === "ta_bort") {
    const removed = await attempt(() =>
      removeComparison(db, register, {
        initiativeId: initiative.id,
        id: field("id"),
        version: Number(field("version")),
      }),
    );
    if (!removed.ok) return removed.failure;
    return redirectWithNotice(here, "borttagen");
  }
  const values: Record<string, string> = {
    instrumentVersionId: field("instrumentVersionId"),
    respondentCode: field("respondentCode"),
    gender: field("gender"),
    occasion: field("occasion"),
    measuredOn: field("measuredOn"),
  };
  const answers: Record<string, unknown> = {};
  for (const [name, value] of form.entries()) {
    if (!name.startsWith("svar_") || typeof value !== "string") continue;
    values[name] = value;
    const text = value.trim();
    answers[name.slice(5)] = text === "" ? null : /^-?\d+$/.test(text) ? Number(text) : text;
  }
  const saved = await attempt(
    () =>
      recordComparison(
        db,
        register,
        {
          initiativeId: initiative.id,
          instrumentVersionId: values.instrumentVersionId ?? "",
          respondentCode: values.respondentCode ?? "",
          gender: values.gender ?? "",
          occasion: values.occasion ?? "",
          measuredOn: values.measuredOn ?? "",
          answers,
        },
        todayInSweden(),
      ),
    values,
  );
  if (!saved.ok) {
    // the answers' problems at their questions (svar_<key>); the whole form's at the top
    const failure = saved.failure;
    const errors = (failure.data as { errors: Record<string, string> }).errors;
    const renamed = Object.fromEntries(
      Object.entries(errors).map(([k, m]) => [
        k.startsWith("answers.") ? `svar_${k.slice(8)}` : k === "answers" ? "form" : k,
        m,
      ]),
    );
    return data({ errors: renamed, values }, failure.init ?? { status: 400 });
  }
  return redirectWithNotice(
    `${here}?instrument=${encodeURIComponent(values.instrumentVersionId ?? "")}`,
    "sparad",
  );
}

export default function Comparison({ loaderData: d }: Route.ComponentProps) {
  const { t } = useI18n();
  const { errors, formKey, noticeKey } = useWorkflow({
    sparad: "progression.comparison.saved",
    borttagen: "progression.comparison.removed",
  });
  const failure = useFormFailure();
  const value = (name: string, fallback = "") => failure?.values?.[name] ?? fallback;
  const title = t("progression.comparison.title", { name: d.initiative.name });
  const here = `/${d.slug}/insatser/${d.initiative.id}/jamforelsegrupp`;
  const genderLabel = (g: string) =>
    (GENDERS as readonly string[]).includes(g)
      ? t(`progression.gender.${g as (typeof GENDERS)[number]}`)
      : g;
  const occasionLabel = (o: string) =>
    (OCCASIONS as readonly string[]).includes(o)
      ? t(`progression.occasion.${o as (typeof OCCASIONS)[number]}`)
      : o;
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <p>
        <Link to={`/${d.slug}/progression`}>{t("progression.comparison.back")}</Link>
      </p>
      <h1>{title}</h1>
      {noticeKey ? (
        <p className="notice" role="status">
          {t(noticeKey)}
        </p>
      ) : null}
      <p className="lead">{t("progression.comparison.lead")}</p>
      <ErrorSummary errors={errors} />
      {!d.hasGroup ? (
        <p>{t("progression.comparison.noGroup")}</p>
      ) : (
        <>
          {d.rows.length === 0 ? (
            <p>{t("progression.comparison.none")}</p>
          ) : (
            <TableWrap label={t("progression.comparison.listCaption")}>
              <table>
                <caption>{t("progression.comparison.listCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("progression.comparison.code")}</th>
                    <th scope="col">{t("progression.comparison.instrument")}</th>
                    <th scope="col">{t("progression.comparison.occasion")}</th>
                    <th scope="col">{t("progression.comparison.measuredOn")}</th>
                    <th scope="col">{t("progression.comparison.gender")}</th>
                    <th scope="col" className="num">
                      {t("progression.comparison.total")}
                    </th>
                    <th scope="col">
                      <span className="visually-hidden">{t("progression.comparison.remove")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.rows.map((r) => (
                    <tr key={r.id}>
                      <th scope="row">{r.code}</th>
                      <td>{r.instrument}</td>
                      <td>{occasionLabel(r.occasion)}</td>
                      <td>{r.measuredOn}</td>
                      <td>{genderLabel(r.gender)}</td>
                      <td className="num">{r.total}</td>
                      <td>
                        <Form method="post" action={here}>
                          <input type="hidden" name="intent" value="ta_bort" />
                          <input type="hidden" name="id" value={r.id} />
                          <input type="hidden" name="version" value={r.version} />
                          <button
                            type="submit"
                            className="button button--secondary"
                            aria-label={t("progression.comparison.removeOf", {
                              occasion: occasionLabel(r.occasion),
                              date: r.measuredOn,
                              code: r.code,
                            })}
                          >
                            {t("progression.comparison.remove")}
                          </button>
                        </Form>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
          <section className="panel" aria-labelledby="ny-matning">
            <h2 id="ny-matning">{t("progression.comparison.newTitle")}</h2>
            {d.instruments.length > 1 ? (
              <RouterForm method="get" action={here}>
                <SelectField
                  name="instrument"
                  label={t("progression.comparison.instrument")}
                  hint={t("progression.comparison.instrumentHint")}
                  defaultValue={d.chosen?.id}
                  options={d.instruments.map((i) => ({
                    value: i.id,
                    label: t("progression.comparison.versionName", {
                      name: i.name,
                      number: i.number,
                    }),
                  }))}
                />
                <button type="submit" className="button button--secondary">
                  {t("progression.comparison.changeInstrument")}
                </button>
              </RouterForm>
            ) : null}
            {d.chosen ? (
              <Form method="post" action={here} key={`comparison-${formKey}`} noValidate>
                <input type="hidden" name="intent" value="spara" />
                <input type="hidden" name="instrumentVersionId" value={d.chosen.id} />
                <TextField
                  name="respondentCode"
                  label={t("progression.comparison.code")}
                  hint={t("progression.comparison.codeHint")}
                  required
                  width="short"
                  defaultValue={value("respondentCode")}
                  error={errors.respondentCode}
                />
                <Choices
                  name="gender"
                  label={t("progression.comparison.gender")}
                  mark="required"
                  options={GENDERS.map((g) => ({ value: g, label: genderLabel(g) }))}
                  checked={value("gender")}
                  error={errors.gender}
                />
                <Choices
                  name="occasion"
                  label={t("progression.comparison.occasion")}
                  mark="required"
                  options={OCCASIONS.map((o) => ({ value: o, label: occasionLabel(o) }))}
                  checked={value("occasion", "nollpunkt")}
                  error={errors.occasion}
                />
                <TextField
                  name="measuredOn"
                  label={t("progression.comparison.measuredOn")}
                  hint={t("progression.results.dateHint")}
                  required
                  width="short"
                  defaultValue={value("measuredOn", d.today)}
                  error={errors.measuredOn}
                />
                <h3>
                  {t("progression.comparison.answersTitle", {
                    instrument: t("progression.comparison.versionName", {
                      name: d.chosen.name,
                      number: d.chosen.number,
                    }),
                  })}
                </h3>
                <p className="field__hint">
                  {t("progression.comparison.scaleHint", {
                    min: d.chosen.scale.min,
                    minLabel: d.chosen.scale.minLabel,
                    max: d.chosen.scale.max,
                    maxLabel: d.chosen.scale.maxLabel,
                  })}
                </p>
                {d.chosen.items.map((item, i) => {
                  const steps: string[] = [];
                  for (let s = d.chosen?.scale.min ?? 0; s <= (d.chosen?.scale.max ?? 0); s++)
                    steps.push(String(s));
                  return (
                    <Choices
                      key={item.key}
                      name={`svar_${item.key}`}
                      label={t("progression.comparison.answerLegend", {
                        number: i + 1,
                        text: item.text,
                      })}
                      options={[
                        ...steps.map((s) => ({ value: s, label: s })),
                        { value: "", label: t("progression.comparison.noAnswer") },
                      ]}
                      checked={value(`svar_${item.key}`, "\u0000")}
                      error={errors[`svar_${item.key}`]}
                    />
                  );
                })}
                <div className="button-row">
                  <SubmitButton>{t("progression.comparison.submit")}</SubmitButton>
                </div>
              </Form>
            ) : null}
          </section>
        </>
      )}
    </main>
  );
}
