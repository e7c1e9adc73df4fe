// One enrollment, for the initiative's participant officer: the participant with the identity
// masked ("Visa personnummer" reveals it, and the reveal is logged — the page says so), the
// consent, the background at start and the exit. The officer exits the participant (or
// corrects the exit), changes the background, and — each after a confirmation step — records a
// withdrawn consent or protected identity (both erase the identity and keep the statistics) or
// voids the enrollment as a felregistrering. The data-subject export (JSON, PDF) is a download,
// and "Vem har läst" lists the access log about this person. Every action is a plain POST form
// with an `intent` and the version it was read at; the page reads (and logs) the record anew.
import { data, Link } from "react-router";
import { NotFoundError } from "../../../platform/errors.ts";
import { formatDate, formatDateTime } from "../../../platform/i18n/format.ts";
import type { MessageKey } from "../../../platform/i18n/translate.ts";
import { enrollmentRefs, participantAccessLog } from "../../../register/enrollment-log.ts";
import {
  exitEnrollment,
  getEnrollment,
  markProtectedIdentity,
  revealIdentity,
  updateBackground,
  withdrawConsent,
} from "../../../register/participants.ts";
import { attempt, redirectWithNotice } from "../../guard.server.ts";
import { ErrorSummary, Form, SelectField, SubmitButton, useFormFailure } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { Choices, TextInput } from "../../ui/periodic-report-form.tsx";
import { TableWrap } from "../../ui/table-wrap.tsx";
import { useWorkflow } from "../../ui/workflow-panels.tsx";
import type { Route } from "./+types/enrollment.ts";
import {
  BackgroundFields,
  EnrollmentFields,
  type FieldState,
  listValue,
  PersonFields,
} from "./participant-fields.tsx";
import {
  backgroundOf,
  birthYearOf,
  formValues,
  listOf,
  type RegisterAccessResult,
  renamingProblems,
  requireRegister,
  requireWrite,
} from "./register-access.server.ts";
import { codeOptions, codesText, codeText, identityText, yesNoText } from "./register-ui.tsx";

const STEPS = ["aterkalla", "skyddad", "felregistrering"] as const;
type Step = (typeof STEPS)[number];
const isStep = (v: string | null): v is Step =>
  v !== null && (STEPS as readonly string[]).includes(v);

async function load(register: RegisterAccessResult, enrollmentId: string) {
  try {
    return await getEnrollment(
      register.db,
      register.crypto,
      register.actor,
      register.scope,
      enrollmentId,
    );
  } catch (error) {
    if (error instanceof NotFoundError) throw data({ message: error.message }, { status: 404 });
    throw error;
  }
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const register = await requireRegister(context, request, params.association);
  const e = await load(register, params.enrollmentId);
  const log = await participantAccessLog(register.db, register.scope, e.participant.id);
  const initiative = register.initiatives.find((i) => i.id === e.initiativeId);
  const step = new URL(request.url).searchParams.get("steg");
  const p = e.participant;
  return {
    slug: register.association.slug,
    id: e.id,
    version: e.version,
    participantVersion: p.version,
    writes: register.writes(e.initiativeId),
    step: isStep(step) ? step : null,
    today: register.today,
    initiative: {
      id: e.initiativeId,
      name: e.initiativeName,
      localUnits: initiative?.localUnits ?? [],
    },
    localUnitName: e.localUnitName ?? "",
    localUnitId: e.localUnitId ?? "",
    externalKey: e.externalKey ?? "",
    participant: {
      identity: p.identity,
      identityKind: p.identityKind,
      identityState: p.identityState,
      hasName: p.hasName,
      gender: p.gender,
      birthYear: p.birthYear,
      erasedAt: p.erasedAt ? formatDate(p.erasedAt) : "",
    },
    startDate: e.startDate,
    actionPlanDate: e.actionPlanDate ?? "",
    municipalityCode: e.municipalityCode ?? "",
    background: e.background,
    endDate: e.endDate ?? "",
    exit: e.exit,
    voided: e.voided,
    consent: e.consent,
    log: log.map((r) => ({
      id: r.id,
      at: formatDateTime(r.at),
      actorName: r.actorName,
      actorRole: r.actorRole,
      actorOrganisation: r.actorOrganisation,
      action: r.action,
      fields: r.fields,
      outcome: r.outcome,
    })),
  };
}

const BACKGROUND_FIELDS = [
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
] as const;
const EXIT_FIELDS = ["endDate", "status", "studies", "extent", "actionPlanAtExit"] as const;

const flag = (v: string | undefined): boolean | null =>
  v === "ja" ? true : v === "nej" ? false : null;

export async function action({ context, request, params }: Route.ActionArgs) {
  const register = await requireRegister(context, request, params.association);
  // the enrollment's ids only: the action's use case reads (and logs) what it needs
  const e = await enrollmentRefs(register.db, register.scope, params.enrollmentId)
    .then((refs) => ({ id: params.enrollmentId, ...refs }))
    .catch((error: unknown) => {
      if (error instanceof NotFoundError) throw data({ message: error.message }, { status: 404 });
      throw error;
    });
  const form = await request.formData();
  const intent = typeof form.get("intent") === "string" ? String(form.get("intent")) : "";
  const version = Number(form.get("version"));
  const { db, crypto, actor, scope, today } = register;
  const here = `/${register.association.slug}/deltagare/${e.id}`;

  if (intent === "reveal") {
    // a read, logged as a reveal: the number is shown in this answer only, never in a URL
    const revealed = await revealIdentity(db, crypto, actor, scope, e.id);
    return { revealed: revealed ?? { personalNumber: "", kind: null, name: null } };
  }
  requireWrite(register, e.initiativeId);

  switch (intent) {
    case "exit": {
      const values: Record<string, string> = {
        ...formValues(form, EXIT_FIELDS, ["supportAfter"]),
        intent,
      };
      const result = await attempt(
        () =>
          renamingProblems(
            () =>
              exitEnrollment(
                db,
                actor,
                scope,
                e.id,
                version,
                {
                  endDate: values.endDate ?? "",
                  status: values.status ?? "",
                  studies: values.studies === "ja",
                  extent: values.extent ?? "",
                  supportAfter: listOf(values.supportAfter),
                  actionPlanAtExit: flag(values.actionPlanAtExit),
                },
                today,
              ),
            // the exit's end date is what makes an action plan date fall outside the enrollment
            { actionPlanDate: "endDate" },
          ),
        values,
      );
      if (!result.ok) return result.failure;
      return redirectWithNotice(here, "utskriven");
    }
    case "background": {
      const values: Record<string, string> = {
        ...formValues(form, BACKGROUND_FIELDS, ["supportBefore"]),
        intent,
      };
      const problems: Record<string, string> = {};
      // no birth year field when it follows the stored personnummer
      const birthYear = form.has("birthYear")
        ? birthYearOf(values.birthYear ?? "", problems)
        : undefined;
      if (Object.keys(problems).length) return data({ errors: problems, values }, { status: 400 });
      const result = await attempt(
        () =>
          updateBackground(
            db,
            actor,
            scope,
            e.id,
            version,
            {
              gender: values.gender ?? "",
              ...(birthYear === undefined ? {} : { birthYear }),
              startDate: values.startDate ?? "",
              background: backgroundOf(values),
              municipalityCode: values.municipalityCode ?? "",
              ...(form.has("localUnitId") ? { localUnitId: values.localUnitId ?? "" } : {}),
              actionPlanDate: values.actionPlanDate ?? "",
            },
            today,
          ),
        values,
      );
      if (!result.ok) return result.failure;
      return redirectWithNotice(here, "bakgrund");
    }
    case "withdraw": {
      const values = { intent, withdrawnOn: String(form.get("withdrawnOn") ?? "") };
      const result = await attempt(
        () =>
          withdrawConsent(
            db,
            actor,
            scope,
            { enrollmentId: e.id, participantVersion: version, withdrawnOn: values.withdrawnOn },
            today,
          ),
        values,
      );
      if (!result.ok) return result.failure;
      return redirectWithNotice(here, "aterkallat");
    }
    case "protect": {
      const result = await attempt(
        () =>
          markProtectedIdentity(db, actor, scope, {
            enrollmentId: e.id,
            participantVersion: version,
          }),
        { intent },
      );
      if (!result.ok) return result.failure;
      return redirectWithNotice(here, "skyddad");
    }
    case "void": {
      const result = await attempt(
        () =>
          renamingProblems(
            () =>
              exitEnrollment(
                db,
                actor,
                scope,
                e.id,
                version,
                { endDate: null, status: "felregistrering" },
                today,
              ),
            { status: "form", endDate: "form" },
          ),
        { intent },
      );
      if (!result.ok) return result.failure;
      return redirectWithNotice(here, "makulerad");
    }
    default:
      throw data({ message: "Okänd åtgärd." }, { status: 400 });
  }
}

const NOTICES: Record<string, MessageKey> = {
  registrerad: "register.notice.registered",
  "registrerad-anonym": "register.notice.registeredAnonymous",
  utskriven: "register.notice.exited",
  bakgrund: "register.notice.background",
  aterkallat: "register.notice.withdrawn",
  skyddad: "register.notice.protected",
  makulerad: "register.notice.voided",
};

const ACTION_KEYS: Record<string, MessageKey> = {
  read: "register.log.action.read",
  search: "register.log.action.search",
  reveal: "register.log.action.reveal",
  export: "register.log.action.export",
  change: "register.log.action.change",
  erase: "register.log.action.erase",
  import: "register.log.action.import",
};

const OUTCOME_KEYS: Record<string, MessageKey> = {
  ok: "register.log.outcome.ok",
  denied: "register.log.outcome.denied",
  error: "register.log.outcome.error",
};

const FIELD_KEYS: Record<string, MessageKey> = {
  "identity.masked": "register.log.field.identityMasked",
  identity: "register.log.field.identity",
  name: "register.log.field.name",
  gender: "register.log.field.gender",
  birthYear: "register.log.field.birthYear",
  protectedIdentity: "register.log.field.protectedIdentity",
  consent: "register.log.field.consent",
  enrollment: "register.log.field.enrollment",
  startDate: "register.log.field.startDate",
  localUnit: "register.log.field.localUnit",
  municipalityCode: "register.log.field.municipalityCode",
  actionPlanDate: "register.log.field.actionPlanDate",
  background: "register.log.field.background",
  exit: "register.log.field.exit",
  externalKey: "register.log.field.externalKey",
  voided: "register.log.field.voided",
  countOnly: "register.log.field.countOnly",
  erasures: "register.log.field.erasures",
  accessLog: "register.log.field.accessLog",
  availability: "register.log.field.availability",
  booking: "register.log.field.booking",
  bookings: "register.log.field.bookings",
  portalAccount: "register.log.field.portalAccount",
  portalContact: "register.log.field.portalContact",
  portalLanguage: "register.log.field.portalLanguage",
  planSteps: "register.log.field.planSteps",
  courseProgress: "register.log.field.courseProgress",
  quizAnswers: "register.log.field.quizAnswers",
  evaluationReceipts: "register.log.field.evaluationReceipts",
};

const ROLE_KEYS: Record<string, MessageKey> = {
  association_admin: "role.association_admin",
  board_member: "role.board_member",
  initiative_lead: "role.initiative_lead",
  steering_group_member: "role.steering_group_member",
  participant_officer: "role.participant_officer",
  participant: "role.participant",
  auditor: "role.auditor",
  system: "register.log.role.system",
};

export default function Enrollment({ loaderData: d, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { errors, failedIntent, formKey, noticeKey, value } = useWorkflow(NOTICES);
  const failure = useFormFailure();
  const here = `/${d.slug}/deltagare/${d.id}`;
  const p = d.participant;
  const revealed =
    actionData && "revealed" in actionData
      ? (actionData.revealed as { personalNumber: string; name: string | null })
      : undefined;
  const title = t("register.enrollment.title", { name: d.initiative.name });
  const ended = d.endDate !== "";
  const stateFor = (intent: string, stored: Record<string, string>): FieldState => ({
    errors: failedIntent === intent ? errors : {},
    value: (name, fallback = "") =>
      failedIntent === intent ? (failure?.values?.[name] ?? fallback) : (stored[name] ?? fallback),
  });
  const b = d.background;
  const backgroundState = stateFor("background", {
    gender: p.gender,
    birthYear: p.birthYear === null ? "" : String(p.birthYear),
    municipalityCode: d.municipalityCode,
    education: b.education,
    supportBefore: b.supportBefore.filter((c) => c !== "uppgift_saknas").join("|"),
    timeOnSupport: b.timeOnSupport,
    occupationBefore: b.occupationBefore,
    referrer: b.referrer,
    startDate: d.startDate,
    actionPlanDate: d.actionPlanDate,
    localUnitId: d.localUnitId,
  });
  const x = d.exit;
  const exitState = stateFor("exit", {
    endDate: d.endDate,
    status: x && x.status !== "felregistrering" ? x.status : "",
    studies: x?.studies && x.status !== "studier" ? "ja" : "",
    extent: x?.extent ?? "",
    supportAfter: (x?.supportAfter ?? []).filter((c) => c !== "uppgift_saknas").join("|"),
    actionPlanAtExit:
      x?.actionPlanAtExit === true ? "ja" : x?.actionPlanAtExit === false ? "nej" : "",
  });
  const consentActive = d.consent !== null && d.consent.withdrawnOn === null;
  const problemSummary = Object.keys(errors).length > 0 ? <ErrorSummary errors={errors} /> : null;

  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <p>
        <Link to={`/${d.slug}/deltagare?insats=${d.initiative.id}`}>
          {t("register.backToList")}
        </Link>
      </p>
      <h1>{title}</h1>
      {noticeKey ? (
        <p className="notice" role="status">
          {t(noticeKey)}
        </p>
      ) : null}
      {problemSummary}
      <p>{t("register.loggedNote")}</p>
      <p>
        <Link to={`${here}/matningar`}>{t("progression.measure.link.enrollment")}</Link>
      </p>
      <p>
        <Link to={`${here}/plan`}>{t("portalStaff.plan.link")}</Link>
      </p>

      <section className="panel" aria-labelledby="deltagaren">
        <h2 id="deltagaren">{t("register.enrollment.participantTitle")}</h2>
        <dl className="summary">
          <dt>{t("register.field.identity")}</dt>
          <dd>{identityText(t, p)}</dd>
          {p.identityKind ? (
            <>
              <dt>{t("register.field.identityKind")}</dt>
              <dd>{t(`register.identityKind.${p.identityKind}`)}</dd>
            </>
          ) : null}
          {p.erasedAt ? (
            <>
              <dt>{t("register.field.erasedAt")}</dt>
              <dd>{p.erasedAt}</dd>
            </>
          ) : null}
          <dt>{t("register.field.gender")}</dt>
          <dd>{codeText(t, "gender", p.gender)}</dd>
          <dt>{t("register.field.birthYear")}</dt>
          <dd>{p.birthYear ?? t("register.value.unknown")}</dd>
          <dt>{t("register.field.municipalityCode")}</dt>
          <dd>{d.municipalityCode || t("register.value.unknown")}</dd>
          {d.externalKey ? (
            <>
              <dt>{t("register.field.externalKey")}</dt>
              <dd>{d.externalKey}</dd>
            </>
          ) : null}
          {d.localUnitName ? (
            <>
              <dt>{t("register.field.localUnit")}</dt>
              <dd>{d.localUnitName}</dd>
            </>
          ) : null}
        </dl>
        {p.identity ? (
          revealed?.personalNumber ? (
            <div className="notice" role="status">
              <p>
                {t("register.reveal.number")}{" "}
                <strong className="mono">{revealed.personalNumber}</strong>
              </p>
              {revealed.name ? (
                <p>
                  {t("register.reveal.name")} <strong>{revealed.name}</strong>
                </p>
              ) : null}
              <p>{t("register.reveal.logged")}</p>
            </div>
          ) : (
            <Form method="post" action={here}>
              <input type="hidden" name="intent" value="reveal" />
              <p className="field__hint" id="reveal-hint">
                {t("register.reveal.hint")}
              </p>
              <button
                type="submit"
                className="button button--secondary"
                aria-describedby="reveal-hint"
              >
                {t("register.reveal.button")}
              </button>
            </Form>
          )
        ) : null}
      </section>

      <section className="panel" aria-labelledby="samtycke">
        <h2 id="samtycke">{t("register.enrollment.consentTitle")}</h2>
        {d.consent ? (
          <dl className="summary">
            <dt>{t("register.field.consentedOn")}</dt>
            <dd>{d.consent.consentedOn}</dd>
            <dt>{t("register.field.consentTextVersion")}</dt>
            <dd>{d.consent.textVersion}</dd>
            <dt>{t("register.field.consentLanguage")}</dt>
            <dd>{d.consent.language}</dd>
            <dt>{t("register.field.recordedBy")}</dt>
            <dd>{d.consent.recordedByName}</dd>
            {d.consent.withdrawnOn ? (
              <>
                <dt>{t("register.field.withdrawnOn")}</dt>
                <dd>{d.consent.withdrawnOn}</dd>
              </>
            ) : null}
          </dl>
        ) : (
          <p>{t("register.enrollment.noConsent")}</p>
        )}
      </section>

      <section className="panel" aria-labelledby="inskrivningen">
        <h2 id="inskrivningen">{t("register.enrollment.enrollmentTitle")}</h2>
        <dl className="summary">
          <dt>{t("register.field.startDate")}</dt>
          <dd>{d.startDate}</dd>
          <dt>{t("register.field.actionPlanDate")}</dt>
          <dd>{d.actionPlanDate || t("register.enrollment.noActionPlan")}</dd>
          <dt>{t("register.field.education")}</dt>
          <dd>{codeText(t, "education", b.education)}</dd>
          <dt>{t("register.field.supportBefore")}</dt>
          <dd>{codesText(t, "support", b.supportBefore)}</dd>
          <dt>{t("register.field.timeOnSupport")}</dt>
          <dd>{codeText(t, "timeOnSupport", b.timeOnSupport)}</dd>
          <dt>{t("register.field.occupationBefore")}</dt>
          <dd>{codeText(t, "occupation", b.occupationBefore)}</dd>
          <dt>{t("register.field.referrer")}</dt>
          <dd>{codeText(t, "referrer", b.referrer)}</dd>
        </dl>
      </section>

      <section className="panel" aria-labelledby="avslut">
        <h2 id="avslut">{t("register.enrollment.exitTitle")}</h2>
        {d.voided ? (
          <p>{t("register.enrollment.voided", { date: d.endDate })}</p>
        ) : ended && x ? (
          <dl className="summary">
            <dt>{t("register.field.endDate")}</dt>
            <dd>{d.endDate}</dd>
            <dt>{t("register.field.exitStatus")}</dt>
            <dd>{codeText(t, "exitStatus", x.status)}</dd>
            <dt>{t("register.field.studies")}</dt>
            <dd>{yesNoText(t, x.studies)}</dd>
            {x.extent ? (
              <>
                <dt>{t("register.field.extent")}</dt>
                <dd>{codeText(t, "extent", x.extent)}</dd>
              </>
            ) : null}
            <dt>{t("register.field.supportAfter")}</dt>
            <dd>{codesText(t, "support", x.supportAfter)}</dd>
            <dt>{t("register.field.actionPlanAtExit")}</dt>
            <dd>{yesNoText(t, x.actionPlanAtExit)}</dd>
          </dl>
        ) : (
          <p>{t("register.enrollment.ongoing")}</p>
        )}
        {d.writes && !d.voided ? (
          <Form method="post" action={here} key={`exit-${formKey}`} noValidate>
            <input type="hidden" name="intent" value="exit" />
            <input type="hidden" name="version" value={d.version} />
            <h3>{ended ? t("register.exit.correctTitle") : t("register.exit.title")}</h3>
            <TextInput
              name="endDate"
              label={t("register.field.endDate")}
              hint={t("register.dateHint")}
              mark="required"
              defaultValue={exitState.value("endDate")}
              short
              error={exitState.errors.endDate}
            />
            <SelectField
              name="status"
              label={t("register.field.exitStatus")}
              required
              options={[
                { value: "", label: t("register.choose") },
                ...codeOptions(t, "exitStatus", ["felregistrering"]),
              ]}
              defaultValue={exitState.value("status")}
              error={exitState.errors.status}
            />
            <Choices
              name="studies"
              type="checkbox"
              label={t("register.field.studiesToo")}
              hint={t("register.hint.studies")}
              options={[{ value: "ja", label: t("register.exit.studiesYes") }]}
              checked={exitState.value("studies")}
              error={exitState.errors.studies}
            />
            <Choices
              name="extent"
              label={t("register.field.extent")}
              hint={t("register.hint.extent")}
              options={[
                ...codeOptions(t, "extent"),
                { value: "", label: t("register.exit.extentNone") },
              ]}
              checked={exitState.value("extent")}
              error={exitState.errors.extent}
            />
            <Choices
              name="supportAfter"
              type="checkbox"
              label={t("register.field.supportAfter")}
              hint={t("register.hint.supportBefore")}
              options={codeOptions(t, "support", ["uppgift_saknas"])}
              checked={listValue(exitState.value("supportAfter"))}
              error={exitState.errors.supportAfter}
            />
            <Choices
              name="actionPlanAtExit"
              label={t("register.field.actionPlanAtExit")}
              options={[
                { value: "ja", label: t("register.value.yes") },
                { value: "nej", label: t("register.value.no") },
                { value: "", label: t("register.value.unknown") },
              ]}
              checked={exitState.value("actionPlanAtExit")}
              error={exitState.errors.actionPlanAtExit}
            />
            <SubmitButton>
              {ended ? t("register.exit.correct") : t("register.exit.submit")}
            </SubmitButton>
          </Form>
        ) : null}
      </section>

      {d.writes && !d.voided ? (
        <section className="panel" aria-labelledby="andra-bakgrund">
          <h2 id="andra-bakgrund">{t("register.background.title")}</h2>
          <p>{t("register.background.intro")}</p>
          <Form method="post" action={here} key={`background-${formKey}`} noValidate>
            <input type="hidden" name="intent" value="background" />
            <input type="hidden" name="version" value={d.version} />
            <PersonFields state={backgroundState} birthYearLocked={p.identityState === "lagrad"} />
            <BackgroundFields state={backgroundState} />
            <EnrollmentFields state={backgroundState} localUnits={d.initiative.localUnits} />
            <SubmitButton>{t("register.background.submit")}</SubmitButton>
          </Form>
        </section>
      ) : null}

      {d.writes ? (
        <section className="panel" aria-labelledby="identitet">
          <h2 id="identitet">{t("register.erase.title")}</h2>
          <p>{t("register.erase.intro")}</p>
          {consentActive ? (
            d.step === "aterkalla" ? (
              <Form
                method="post"
                action={`${here}?steg=aterkalla`}
                key={`withdraw-${formKey}`}
                noValidate
              >
                <input type="hidden" name="intent" value="withdraw" />
                <input type="hidden" name="version" value={d.participantVersion} />
                <h3>{t("register.withdraw.confirmTitle")}</h3>
                <p className="warning">{t("register.withdraw.confirmText")}</p>
                <TextInput
                  name="withdrawnOn"
                  label={t("register.field.withdrawnOn")}
                  hint={t("register.dateHint")}
                  mark="required"
                  defaultValue={failedIntent === "withdraw" ? value("withdrawnOn") : d.today}
                  short
                  error={failedIntent === "withdraw" ? errors.withdrawnOn : undefined}
                />
                <div className="button-row">
                  <SubmitButton variant="danger">{t("register.withdraw.confirm")}</SubmitButton>
                  <Link to={here}>{t("common.cancel")}</Link>
                </div>
              </Form>
            ) : (
              <p>
                <Link to={`${here}?steg=aterkalla#identitet`}>{t("register.withdraw.start")}</Link>
              </p>
            )
          ) : null}
          {p.identityState !== "skyddad" ? (
            d.step === "skyddad" ? (
              <Form method="post" action={`${here}?steg=skyddad`} key={`protect-${formKey}`}>
                <input type="hidden" name="intent" value="protect" />
                <input type="hidden" name="version" value={d.participantVersion} />
                <h3>{t("register.protect.confirmTitle")}</h3>
                <p className="warning">{t("register.protect.confirmText")}</p>
                <div className="button-row">
                  <SubmitButton variant="danger">{t("register.protect.confirm")}</SubmitButton>
                  <Link to={here}>{t("common.cancel")}</Link>
                </div>
              </Form>
            ) : (
              <p>
                <Link to={`${here}?steg=skyddad#identitet`}>{t("register.protect.start")}</Link>
              </p>
            )
          ) : (
            <p>{t("register.protect.already")}</p>
          )}
          {!d.voided ? (
            d.step === "felregistrering" ? (
              <Form method="post" action={`${here}?steg=felregistrering`} key={`void-${formKey}`}>
                <input type="hidden" name="intent" value="void" />
                <input type="hidden" name="version" value={d.version} />
                <h3>{t("register.void.confirmTitle")}</h3>
                <p className="warning">{t("register.void.confirmText")}</p>
                <div className="button-row">
                  <SubmitButton variant="danger">{t("register.void.confirm")}</SubmitButton>
                  <Link to={here}>{t("common.cancel")}</Link>
                </div>
              </Form>
            ) : (
              <p>
                <Link to={`${here}?steg=felregistrering#identitet`}>
                  {t("register.void.start")}
                </Link>
              </p>
            )
          ) : null}
        </section>
      ) : null}

      <section className="panel" aria-labelledby="utdrag">
        <h2 id="utdrag">{t("register.export.title")}</h2>
        <p>{t("register.export.intro")}</p>
        <ul className="link-list">
          <li>
            <a href={`${here}/utdrag?format=pdf`} download>
              {t("register.export.pdf")}
            </a>
          </li>
          <li>
            <a href={`${here}/utdrag?format=json`} download>
              {t("register.export.json")}
            </a>
          </li>
        </ul>
      </section>

      <section className="panel" aria-labelledby="vem-har-last">
        <h2 id="vem-har-last">{t("register.log.title")}</h2>
        <p>{t("register.log.intro")}</p>
        {d.log.length === 0 ? (
          <p>{t("register.log.none")}</p>
        ) : (
          <TableWrap label={t("register.log.caption", { count: d.log.length })}>
            <table>
              <caption>{t("register.log.caption", { count: d.log.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("register.log.column.at")}</th>
                  <th scope="col">{t("register.log.column.person")}</th>
                  <th scope="col">{t("register.log.column.role")}</th>
                  <th scope="col">{t("register.log.column.organisation")}</th>
                  <th scope="col">{t("register.log.column.action")}</th>
                  <th scope="col">{t("register.log.column.fields")}</th>
                  <th scope="col">{t("register.log.column.outcome")}</th>
                </tr>
              </thead>
              <tbody>
                {d.log.map((r) => (
                  <tr key={r.id}>
                    <td className="date">{r.at}</td>
                    <td>{r.actorName}</td>
                    <td>
                      {ROLE_KEYS[r.actorRole]
                        ? t(ROLE_KEYS[r.actorRole] as MessageKey)
                        : r.actorRole}
                    </td>
                    <td>{r.actorOrganisation}</td>
                    <td>
                      {ACTION_KEYS[r.action] ? t(ACTION_KEYS[r.action] as MessageKey) : r.action}
                    </td>
                    <td>
                      {r.fields
                        .map((f) => (FIELD_KEYS[f] ? t(FIELD_KEYS[f] as MessageKey) : f))
                        .join(", ")}
                    </td>
                    <td>
                      {OUTCOME_KEYS[r.outcome]
                        ? t(OUTCOME_KEYS[r.outcome] as MessageKey)
                        : r.outcome}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
    </main>
  );
}
