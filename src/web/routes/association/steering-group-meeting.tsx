// One steering-group meeting: its date, whether it was held, agenda and decisions; who of the
// members sitting in the group that day attended; and its minutes and other documents. Those
// who manage the group change the meeting, tick attendance, upload documents (a plain
// multipart form that works without JavaScript; the CSRF token travels in it) and remove them.
import type { ReactNode } from "react";
import { data, Link, useLocation, useSearchParams } from "react-router";
import { canOnInitiative, ForbiddenError } from "../../../access/policy.ts";
import { todayInSweden } from "../../../applications/workflow.ts";
import { ValidationError } from "../../../platform/errors.ts";
import { formatDate, formatDateTime, formatNumber } from "../../../platform/i18n/format.ts";
import type { MessageKey } from "../../../platform/i18n/translate.ts";
import {
  addMeetingAttachment,
  DOCUMENT_KINDS,
  deleteMeetingAttachment,
  getSteeringGroupMeeting,
  initiativeInAssociation,
  updateSteeringGroupMeeting,
} from "../../../reports/steering-groups.ts";
import {
  actorOf,
  attempt,
  redirectWithNotice,
  requireAssociation,
  text,
} from "../../guard.server.ts";
import { ErrorSummary, Form, SubmitButton, TextField, useFormFailure } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { TextLines } from "../../ui/rich-text.tsx";
import type { Route } from "./+types/steering-group-meeting.ts";

type Ctx = Route.LoaderArgs["context"];
type Params = Route.LoaderArgs["params"];

/** The meeting in the URL, for a person who may see the steering group: else 403, or 404. */
async function meetingAccess(context: Ctx, request: Request, params: Params) {
  const access = await requireAssociation(
    context,
    request,
    params.association,
    "association.enter",
  );
  const { state, principal, association } = access;
  if (!canOnInitiative(principal, "steering_group.view", association.id, params.initiativeId))
    throw data({ message: new ForbiddenError("steering_group.view").message }, { status: 403 });
  const db = state.services.db;
  const initiative = await initiativeInAssociation(db, association.id, params.initiativeId);
  if (!initiative) throw data({ message: "Insatsen finns inte." }, { status: 404 });
  const meeting = await getSteeringGroupMeeting(
    db,
    association.id,
    initiative.id,
    params.meetingId,
  );
  if (!meeting) throw data({ message: "Mötet finns inte." }, { status: 404 });
  const canManage = canOnInitiative(
    principal,
    "steering_group.manage",
    association.id,
    initiative.id,
  );
  return { ...access, initiative, meeting, canManage };
}

const KIND_OF_MEDIA_TYPE = new Map<string, keyof typeof DOCUMENT_KINDS>(
  (
    Object.entries(DOCUMENT_KINDS) as Array<[keyof typeof DOCUMENT_KINDS, { mediaType: string }]>
  ).map(([kind, { mediaType }]) => [mediaType, kind]),
);

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const {
    association,
    initiative,
    meeting: m,
    canManage,
  } = await meetingAccess(context, request, params);
  const today = todayInSweden();
  return {
    slug: association.slug,
    initiative: { id: initiative.id, name: initiative.name },
    canManage,
    meeting: {
      id: m.id,
      date: formatDate(m.meetingDate),
      held: m.held,
      agenda: m.agenda,
      decisions: m.decisions,
      version: String(m.version),
      // attendance is asked about once the day has come, and kept for a held meeting
      attendanceOpen: m.held || m.meetingDate <= today,
      attendance: m.attendance,
      members: m.members.map((x) => ({
        id: x.id,
        name: x.name,
        membership: x.membership,
        party: x.organisationName,
        present: x.present,
      })),
      attachments: m.attachments.map((a) => ({
        id: a.id,
        fileName: a.fileName,
        kind: KIND_OF_MEDIA_TYPE.get(a.mediaType) ?? null,
        sizeBytes: a.sizeBytes,
        uploadedAt: formatDateTime(a.uploadedAt),
        uploadedBy: a.uploadedByName,
      })),
    },
  };
}

/** The meeting form's fields: the domain's name for a field → the form field's name (and id). */
const MEETING_FIELDS: Record<string, string> = {
  meetingDate: "meeting-date",
  held: "meeting-held",
  agenda: "meeting-agenda",
  decisions: "meeting-decisions",
  attendance: "attendance",
  file: "file",
};

export async function action({ context, request, params }: Route.ActionArgs) {
  const { state, association, initiative, meeting, canManage } = await meetingAccess(
    context,
    request,
    params,
  );
  if (!canManage)
    throw data({ message: new ForbiddenError("steering_group.manage").message }, { status: 403 });
  const form = await request.formData();
  const intent = text(form, "intent");
  if (intent !== "save-meeting" && intent !== "upload" && intent !== "delete-attachment")
    throw data({ message: "Okänd åtgärd." }, { status: 400 });
  const db = state.services.db;
  const actor = actorOf(state);
  const here = `/${association.slug}/insatser/${initiative.id}/styrgrupp/moten/${meeting.id}`;
  const values: Record<string, string> = { intent, version: text(form, "version") };
  for (const name of ["meeting-date", "meeting-held", "meeting-agenda", "meeting-decisions"])
    values[name] = text(form, name);
  const present = form.getAll("present").filter((v): v is string => typeof v === "string");
  values.present = present.join(",");
  const run = async (): Promise<string> => {
    if (intent === "upload") {
      const file = form.get("file");
      if (!(file instanceof File) || (file.size === 0 && !file.name))
        throw new ValidationError({ file: "Välj filen du vill ladda upp." });
      await addMeetingAttachment(db, actor, association.id, initiative.id, meeting.id, {
        fileName: file.name,
        data: new Uint8Array(await file.arrayBuffer()),
      });
      return "uppladdat";
    }
    if (intent === "delete-attachment") {
      await deleteMeetingAttachment(
        db,
        actor,
        association.id,
        initiative.id,
        text(form, "attachmentId"),
      );
      return "borttaget";
    }
    await updateSteeringGroupMeeting(
      db,
      actor,
      association.id,
      initiative.id,
      meeting.id,
      Number(values.version),
      {
        meetingDate: values["meeting-date"] ?? "",
        held: values["meeting-held"] === "on",
        agenda: values["meeting-agenda"] ?? "",
        decisions: values["meeting-decisions"] ?? "",
        // the members left unticked are absent; without the checkboxes, attendance stays
        attendance:
          text(form, "attendance-shown") === "1"
            ? present.map((memberId) => ({ memberId, present: true }))
            : undefined,
      },
    );
    return "sparat";
  };
  const result = await attempt(async () => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof ValidationError) {
        const fields: Record<string, string> = {};
        for (const [k, m] of Object.entries(error.fields)) {
          const name = k.startsWith("attendance") ? "attendance" : (MEETING_FIELDS[k] ?? k);
          fields[name] = fields[name] ? `${fields[name]} ${m}` : m;
        }
        throw new ValidationError(fields);
      }
      throw error;
    }
  }, values);
  if (!result.ok) return result.failure;
  return redirectWithNotice(here, result.value);
}

const NOTICES: Record<string, MessageKey> = {
  tillagt: "steeringGroup.notice.meetingAdded",
  sparat: "steeringGroup.notice.meetingSaved",
  uppladdat: "steeringGroup.notice.uploaded",
  borttaget: "steeringGroup.notice.deleted",
};

function TextArea(props: {
  name: string;
  label: string;
  error?: string | undefined;
  defaultValue?: string | undefined;
}) {
  const { name, label, error, defaultValue } = props;
  return (
    <div className={error ? "field field--error" : "field"}>
      <label htmlFor={name}>{label}</label>
      {error ? (
        <p className="field__error" id={`${name}-error`}>
          {error}
        </p>
      ) : null}
      <textarea
        id={name}
        name={name}
        rows={5}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${name}-error` : undefined}
        className="input"
      />
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}

export default function SteeringGroupMeeting({ loaderData: d }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const failure = useFormFailure();
  const [params] = useSearchParams();
  const { key: formKey } = useLocation();
  const m = d.meeting;
  const group = `/${d.slug}/insatser/${d.initiative.id}/styrgrupp`;
  const here = `${group}/moten/${m.id}`;
  const notice = params.get("klart");
  const noticeKey = notice && Object.hasOwn(NOTICES, notice) ? NOTICES[notice] : undefined;
  const errors = failure?.errors ?? {};
  const saving = failure?.values?.intent === "save-meeting";
  const value = (name: string, fallback: string) =>
    saving ? (failure?.values?.[name] ?? fallback) : fallback;
  const ticked = new Set(
    saving
      ? (failure?.values?.present ?? "").split(",").filter(Boolean)
      : m.members.filter((x) => x.present).map((x) => x.id),
  );
  const held = saving ? failure?.values?.["meeting-held"] === "on" : m.held;
  const title = t("steeringGroup.meetingTitle", { date: m.date });
  const size = (bytes: number) =>
    bytes < 1024 * 1024
      ? t("steeringGroup.kilobytes", {
          size: formatNumber(Math.max(1, Math.ceil(bytes / 1024)), locale),
        })
      : t("steeringGroup.megabytes", {
          size: formatNumber(Math.ceil((bytes / (1024 * 1024)) * 10) / 10, locale),
        });
  const membership = (v: string) =>
    t(
      v === "ordinarie"
        ? "steeringGroup.membership.ordinarie"
        : "steeringGroup.membership.ersattare",
    );

  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <p>
        <Link to={group}>{t("steeringGroup.backToGroup")}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t("steeringGroup.meetingInitiative", { name: d.initiative.name })}</p>
      {noticeKey && !failure ? (
        <p className="notice" role="status">
          {t(noticeKey)}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      {errors.form ? (
        <p className="warning">
          <Link to={here} reloadDocument>
            {t("steeringGroup.reload")}
          </Link>
        </p>
      ) : null}

      <Section id="motet" title={t("steeringGroup.editMeetingTitle")}>
        {d.canManage ? (
          <Form method="post" action={here} key={`meeting-${formKey}`}>
            <input type="hidden" name="intent" value="save-meeting" />
            <input type="hidden" name="version" value={value("version", m.version)} />
            <TextField
              name="meeting-date"
              type="date"
              label={t("steeringGroup.field.meetingDate")}
              hint={t("steeringGroup.field.dateHint")}
              width="short"
              defaultValue={value("meeting-date", m.date)}
              error={errors["meeting-date"]}
              required
            />
            <div className={errors["meeting-held"] ? "field field--error" : "field"}>
              {errors["meeting-held"] ? (
                <p className="field__error" id="meeting-held-error">
                  {errors["meeting-held"]}
                </p>
              ) : null}
              <label htmlFor="meeting-held">
                <input
                  type="checkbox"
                  id="meeting-held"
                  name="meeting-held"
                  value="on"
                  defaultChecked={held}
                  aria-invalid={errors["meeting-held"] ? true : undefined}
                  aria-describedby={
                    errors["meeting-held"]
                      ? "meeting-held-hint meeting-held-error"
                      : "meeting-held-hint"
                  }
                />{" "}
                {t("steeringGroup.field.held")}
              </label>
              <p className="field__hint" id="meeting-held-hint">
                {t("steeringGroup.field.heldHint")}
              </p>
            </div>
            {m.members.length === 0 ? (
              <p>{t("steeringGroup.noActiveMembers")}</p>
            ) : m.attendanceOpen ? (
              <div className={errors.attendance ? "field field--error" : "field"}>
                <input type="hidden" name="attendance-shown" value="1" />
                <fieldset
                  id="attendance"
                  aria-describedby={
                    errors.attendance ? "attendance-hint attendance-error" : "attendance-hint"
                  }
                >
                  <legend>{t("steeringGroup.attendanceLegend")}</legend>
                  <p className="field__hint" id="attendance-hint">
                    {t("steeringGroup.attendanceHint", { date: m.date })}
                  </p>
                  {errors.attendance ? (
                    <p className="field__error" id="attendance-error">
                      {errors.attendance}
                    </p>
                  ) : null}
                  {m.members.map((x) => (
                    <div key={x.id}>
                      <label htmlFor={`present-${x.id}`}>
                        <input
                          type="checkbox"
                          id={`present-${x.id}`}
                          name="present"
                          value={x.id}
                          defaultChecked={ticked.has(x.id)}
                        />{" "}
                        {t("steeringGroup.memberLabel", {
                          name: x.name,
                          membership: membership(x.membership),
                          party: x.party,
                        })}
                      </label>
                    </div>
                  ))}
                </fieldset>
              </div>
            ) : (
              <p>{t("steeringGroup.attendanceWhenHeld")}</p>
            )}
            <TextArea
              name="meeting-agenda"
              label={t("steeringGroup.field.agenda")}
              defaultValue={value("meeting-agenda", m.agenda)}
              error={errors["meeting-agenda"]}
            />
            <TextArea
              name="meeting-decisions"
              label={t("steeringGroup.field.decisions")}
              defaultValue={value("meeting-decisions", m.decisions)}
              error={errors["meeting-decisions"]}
            />
            <SubmitButton>{t("steeringGroup.saveMeeting")}</SubmitButton>
          </Form>
        ) : (
          <>
            <dl className="summary">
              <dt>{t("steeringGroup.meetingDate")}</dt>
              <dd>{m.date}</dd>
              <dt>{t("steeringGroup.held")}</dt>
              <dd>{t(m.held ? "steeringGroup.heldYes" : "steeringGroup.heldNo")}</dd>
              {m.held ? (
                <>
                  <dt>{t("steeringGroup.attendance")}</dt>
                  <dd>
                    {m.attendance.recorded
                      ? t("steeringGroup.attendanceCount", {
                          present: m.attendance.presentOrdinary,
                          total: m.attendance.ordinary,
                        })
                      : t("steeringGroup.attendanceNotRecorded")}
                  </dd>
                </>
              ) : null}
            </dl>
            {m.held && m.members.length ? (
              <ul>
                {m.members.map((x) => (
                  <li key={x.id}>
                    {t("steeringGroup.memberLabel", {
                      name: x.name,
                      membership: membership(x.membership),
                      party: x.party,
                    })}
                    {": "}
                    {x.present === null
                      ? t("steeringGroup.notRecorded")
                      : t(x.present ? "steeringGroup.present" : "steeringGroup.absent")}
                  </li>
                ))}
              </ul>
            ) : null}
            <h3>{t("steeringGroup.field.agenda")}</h3>
            {m.agenda ? <TextLines text={m.agenda} /> : <p>{t("steeringGroup.noAgenda")}</p>}
            <h3>{t("steeringGroup.field.decisions")}</h3>
            {m.decisions ? (
              <TextLines text={m.decisions} />
            ) : (
              <p>{t("steeringGroup.noDecisions")}</p>
            )}
          </>
        )}
      </Section>

      <Section id="dokument" title={t("steeringGroup.documentsTitle")}>
        {m.attachments.length === 0 ? (
          <p>{t("steeringGroup.noDocuments")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption>
                {t("steeringGroup.documentsCaption", { count: m.attachments.length })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("steeringGroup.fileName")}</th>
                  <th scope="col">{t("steeringGroup.fileType")}</th>
                  <th scope="col" className="num">
                    {t("steeringGroup.fileSize")}
                  </th>
                  <th scope="col">{t("steeringGroup.uploaded")}</th>
                  {d.canManage ? <th scope="col">{t("steeringGroup.actions")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {m.attachments.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">
                      <a href={`${group}/bilagor/${a.id}`} download={a.fileName}>
                        {a.fileName}
                      </a>
                    </th>
                    <td>{a.kind ? t(`steeringGroup.type.${a.kind}`) : "–"}</td>
                    <td className="num">{size(a.sizeBytes)}</td>
                    <td>
                      {a.uploadedBy
                        ? t("steeringGroup.uploadedBy", { date: a.uploadedAt, name: a.uploadedBy })
                        : a.uploadedAt}
                    </td>
                    {d.canManage ? (
                      <td>
                        <Form method="post" action={here} key={`delete-${a.id}-${formKey}`}>
                          <input type="hidden" name="intent" value="delete-attachment" />
                          <input type="hidden" name="attachmentId" value={a.id} />
                          <button
                            type="submit"
                            className="button button--danger"
                            aria-label={t("steeringGroup.deleteLabel", { name: a.fileName })}
                          >
                            {t("steeringGroup.delete")}
                          </button>
                        </Form>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {d.canManage ? (
          <>
            <h3 id="ladda-upp">{t("steeringGroup.uploadTitle")}</h3>
            <Form
              method="post"
              action={here}
              encType="multipart/form-data"
              key={`upload-${formKey}`}
            >
              <input type="hidden" name="intent" value="upload" />
              <div className={errors.file ? "field field--error" : "field"}>
                <label htmlFor="file">{t("steeringGroup.field.file")}</label>
                <p className="field__hint" id="file-hint">
                  {t("steeringGroup.field.fileHint")}
                </p>
                {errors.file ? (
                  <p className="field__error" id="file-error">
                    {errors.file}
                  </p>
                ) : null}
                <input
                  type="file"
                  id="file"
                  name="file"
                  accept=".pdf,.docx,.doc,.xlsx,.pptx,.odt,.ods,.odp,application/pdf"
                  aria-invalid={errors.file ? true : undefined}
                  aria-describedby={errors.file ? "file-hint file-error" : "file-hint"}
                />
              </div>
              <SubmitButton variant="secondary">{t("steeringGroup.uploadSubmit")}</SubmitButton>
            </Form>
          </>
        ) : null}
      </Section>
    </main>
  );
}
