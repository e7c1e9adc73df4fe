// An initiative's steering group: its members per party (ordinary or deputy, from–to, current
// or former) and its meetings with attendance and number of documents. Those who manage the
// group add and change members, end memberships and add meetings; each form is a plain POST
// with an `intent` that answers with a redirect and a notice.
import type { ReactNode } from "react";
import { data, Link, useLocation, useSearchParams } from "react-router";
import { canOnInitiative, ForbiddenError } from "../../../access/policy.ts";
import { todayInSweden } from "../../../applications/workflow.ts";
import { ValidationError } from "../../../platform/errors.ts";
import { formatDate } from "../../../platform/i18n/format.ts";
import type { MessageKey } from "../../../platform/i18n/translate.ts";
import {
  addSteeringGroupMeeting,
  addSteeringGroupMember,
  endSteeringGroupMembership,
  initiativeInAssociation,
  steeringGroupOf,
  updateSteeringGroupMember,
} from "../../../reports/steering-groups.ts";
import {
  actorOf,
  attempt,
  redirectWithNotice,
  requireAssociation,
  text,
} from "../../guard.server.ts";
import {
  ErrorSummary,
  Form,
  SelectField,
  SubmitButton,
  TextField,
  useFormFailure,
} from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { TableWrap } from "../../ui/table-wrap.tsx";
import type { Route } from "./+types/steering-group.ts";

type Ctx = Route.LoaderArgs["context"];
type Params = Route.LoaderArgs["params"];

/** The initiative in the URL, for a person who may see its steering group: else 403, or 404. */
async function steeringGroupAccess(context: Ctx, request: Request, params: Params) {
  const access = await requireAssociation(
    context,
    request,
    params.association,
    "association.enter",
  );
  const { state, principal, association } = access;
  if (!canOnInitiative(principal, "steering_group.view", association.id, params.initiativeId))
    throw data({ message: new ForbiddenError("steering_group.view").message }, { status: 403 });
  const initiative = await initiativeInAssociation(
    state.services.db,
    association.id,
    params.initiativeId,
  );
  if (!initiative) throw data({ message: "Insatsen finns inte." }, { status: 404 });
  const canManage = canOnInitiative(
    principal,
    "steering_group.manage",
    association.id,
    initiative.id,
  );
  return { ...access, initiative, canManage };
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, association, initiative, canManage } = await steeringGroupAccess(
    context,
    request,
    params,
  );
  const group = await steeringGroupOf(state.services.db, initiative.id);
  const editId = new URL(request.url).searchParams.get("ledamot");
  const editing = canManage ? group.members.find((m) => m.id === editId) : undefined;
  // members of an organisation that is no longer a party are still shown, under its name
  const parties = [...group.parties];
  for (const m of group.members)
    if (!parties.some((p) => p.id === m.organisationId))
      parties.push({ id: m.organisationId, name: m.organisationName, isOwner: false });
  return {
    slug: association.slug,
    initiative: { id: initiative.id, name: initiative.name },
    canManage,
    today: todayInSweden(),
    parties: parties.map((p) => ({
      ...p,
      isParty: group.parties.some((g) => g.id === p.id),
      members: group.members
        .filter((m) => m.organisationId === p.id)
        .map((m) => ({
          id: m.id,
          name: m.name,
          title: m.title,
          email: m.email,
          membership: m.membership,
          fromDate: formatDate(m.fromDate),
          toDate: m.toDate ? formatDate(m.toDate) : null,
          state: m.state,
          accountEmail: m.accountEmail,
          version: m.version,
        })),
    })),
    editing: editing
      ? {
          id: editing.id,
          version: String(editing.version),
          values: {
            "member-organisation": editing.organisationId,
            "member-name": editing.name,
            "member-title": editing.title,
            "member-email": editing.email,
            "member-membership": editing.membership,
            "member-from": editing.fromDate,
            "member-to": editing.toDate ?? "",
            "member-account": editing.accountEmail ?? "",
          } as Record<string, string>,
        }
      : null,
    meetings: group.meetings.map((m) => ({
      id: m.id,
      date: formatDate(m.meetingDate),
      held: m.held,
      attendance: m.attendance,
      documents: m.documents,
    })),
  };
}

/** Each action's fields: the domain's name for a field → the form field's name (and id). */
const MEMBER_FIELDS = {
  organisationId: "member-organisation",
  name: "member-name",
  title: "member-title",
  email: "member-email",
  membership: "member-membership",
  fromDate: "member-from",
  toDate: "member-to",
  accountEmail: "member-account",
} as const;
const MEETING_FIELDS = {
  meetingDate: "meeting-date",
  held: "meeting-held",
  agenda: "meeting-agenda",
} as const;
/** The two kinds of membership, as the form offers them (the domain checks them). */
const MEMBERSHIPS = ["ordinarie", "ersattare"] as const;
const INTENTS = ["add-member", "change-member", "end-member", "add-meeting"] as const;
type Intent = (typeof INTENTS)[number];
const isIntent = (v: string): v is Intent => (INTENTS as readonly string[]).includes(v);

export async function action({ context, request, params }: Route.ActionArgs) {
  const { state, association, initiative, canManage } = await steeringGroupAccess(
    context,
    request,
    params,
  );
  if (!canManage)
    throw data({ message: new ForbiddenError("steering_group.manage").message }, { status: 403 });
  const form = await request.formData();
  const intent = text(form, "intent");
  if (!isIntent(intent)) throw data({ message: "Okänd åtgärd." }, { status: 400 });
  const db = state.services.db;
  const actor = actorOf(state);
  const base = `/${association.slug}/insatser/${initiative.id}/styrgrupp`;
  const memberId = text(form, "memberId");
  const names: Record<string, string> =
    intent === "add-meeting"
      ? MEETING_FIELDS
      : intent === "end-member"
        ? { toDate: `end-${memberId}` }
        : MEMBER_FIELDS;
  const values: Record<string, string> = {
    intent,
    memberId,
    version: text(form, "version"),
  };
  for (const name of Object.values(names)) values[name] = text(form, name);
  const field = (key: keyof typeof MEMBER_FIELDS) => values[MEMBER_FIELDS[key]] ?? "";
  const memberInput = () => ({
    organisationId: field("organisationId"),
    name: field("name"),
    title: field("title"),
    email: field("email"),
    membership: field("membership"),
    fromDate: field("fromDate"),
    toDate: field("toDate"),
    accountEmail: field("accountEmail"),
  });
  const run = async (): Promise<string> => {
    switch (intent) {
      case "add-member":
        await addSteeringGroupMember(db, actor, association.id, initiative.id, memberInput());
        return "ledamot";
      case "change-member":
        await updateSteeringGroupMember(
          db,
          actor,
          association.id,
          initiative.id,
          memberId,
          Number(values.version),
          memberInput(),
        );
        return "ledamot-andrad";
      case "end-member":
        await endSteeringGroupMembership(
          db,
          actor,
          association.id,
          initiative.id,
          memberId,
          values[`end-${memberId}`] ?? "",
          Number(values.version),
        );
        return "avslutad";
      case "add-meeting": {
        const id = await addSteeringGroupMeeting(db, actor, association.id, initiative.id, {
          meetingDate: values["meeting-date"] ?? "",
          held: values["meeting-held"] === "on",
          agenda: values["meeting-agenda"] ?? "",
        });
        return `moten/${id}`;
      }
    }
  };
  const result = await attempt(async () => {
    try {
      return await run();
    } catch (error) {
      // the problems at the form's own fields, by the names they have on this page
      if (error instanceof ValidationError)
        throw new ValidationError(
          Object.fromEntries(Object.entries(error.fields).map(([k, m]) => [names[k] ?? k, m])),
        );
      throw error;
    }
  }, values);
  if (!result.ok) return result.failure;
  if (result.value.startsWith("moten/"))
    return redirectWithNotice(`${base}/${result.value}`, "tillagt");
  return redirectWithNotice(base, result.value);
}

const NOTICES: Record<string, MessageKey> = {
  ledamot: "steeringGroup.notice.memberAdded",
  "ledamot-andrad": "steeringGroup.notice.memberChanged",
  avslutad: "steeringGroup.notice.memberEnded",
};

function TextArea(props: {
  name: string;
  label: string;
  error?: string | undefined;
  defaultValue?: string | undefined;
  rows?: number;
}) {
  const { name, label, error, defaultValue, rows = 4 } = props;
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
        rows={rows}
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

export default function SteeringGroup({ loaderData: d }: Route.ComponentProps) {
  const { t } = useI18n();
  const failure = useFormFailure();
  const [params] = useSearchParams();
  const { key: formKey } = useLocation();
  const base = `/${d.slug}/insatser/${d.initiative.id}/styrgrupp`;
  const notice = params.get("klart");
  const noticeKey = notice && Object.hasOwn(NOTICES, notice) ? NOTICES[notice] : undefined;
  const errors = failure?.errors ?? {};
  const failedIntent = failure?.values?.intent ?? "";
  const memberFormIntent = d.editing ? "change-member" : "add-member";
  // what was typed stays after a refusal; otherwise the member being changed, or empty
  const memberValue = (name: string, fallback = "") =>
    failedIntent === memberFormIntent
      ? (failure?.values?.[name] ?? fallback)
      : (d.editing?.values[name] ?? fallback);
  const meetingValue = (name: string, fallback = "") =>
    failedIntent === "add-meeting" ? (failure?.values?.[name] ?? fallback) : fallback;
  const membershipChecked = memberValue("member-membership", "ordinarie");
  const editingName = d.editing?.values["member-name"] ?? "";
  const title = t("steeringGroup.title", { name: d.initiative.name });
  const partyOptions = d.parties
    .filter((p) => p.isParty)
    .map((p) => ({ value: p.id, label: p.name }));

  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <p>
        <Link to={`/${d.slug}/insatser/${d.initiative.id}`}>
          {t("steeringGroup.backToInitiative")}
        </Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t("steeringGroup.intro")}</p>
      {noticeKey && !failure ? (
        <p className="notice" role="status">
          {t(noticeKey)}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      {errors.form ? (
        <p className="warning">
          <Link to={base} reloadDocument>
            {t("steeringGroup.reload")}
          </Link>
        </p>
      ) : null}

      <Section id="ledamoter" title={t("steeringGroup.membersTitle")}>
        {d.parties.length === 0 ? <p>{t("steeringGroup.noParties")}</p> : null}
        {d.parties.map((p) => (
          <div key={p.id}>
            <h3>
              {p.name}
              {p.isOwner ? (
                <span className="field__hint"> ({t("steeringGroup.owner")})</span>
              ) : null}
            </h3>
            {p.members.length === 0 ? (
              <p>{t("steeringGroup.noMembers", { party: p.name })}</p>
            ) : (
              <TableWrap label={t("steeringGroup.partyMembers", { party: p.name })}>
                <table>
                  <caption className="visually-hidden">
                    {t("steeringGroup.partyMembers", { party: p.name })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("steeringGroup.name")}</th>
                      <th scope="col">{t("steeringGroup.membership")}</th>
                      <th scope="col">{t("steeringGroup.memberTitle")}</th>
                      <th scope="col">{t("steeringGroup.email")}</th>
                      <th scope="col">{t("steeringGroup.period")}</th>
                      <th scope="col">{t("steeringGroup.state")}</th>
                      {d.canManage ? <th scope="col">{t("steeringGroup.actions")}</th> : null}
                    </tr>
                  </thead>
                  <tbody>
                    {p.members.map((m) => {
                      const endName = `end-${m.id}`;
                      const endError = errors[endName];
                      const open = m.toDate === null || m.toDate >= d.today;
                      return (
                        <tr key={m.id}>
                          <th scope="row">
                            {m.name}
                            {m.accountEmail ? (
                              <span className="field__hint">
                                <br />
                                {t("steeringGroup.account", { email: m.accountEmail })}
                              </span>
                            ) : null}
                          </th>
                          <td>{t(`steeringGroup.membership.${m.membership}`)}</td>
                          <td>{m.title}</td>
                          <td>{m.email}</td>
                          <td className="date">
                            {m.toDate
                              ? t("steeringGroup.periodFromTo", { from: m.fromDate, to: m.toDate })
                              : t("steeringGroup.periodFrom", { from: m.fromDate })}
                          </td>
                          <td>{t(`steeringGroup.state.${m.state}`)}</td>
                          {d.canManage ? (
                            <td>
                              <p>
                                <Link to={`${base}?ledamot=${m.id}#ledamot-form`}>
                                  {t("steeringGroup.change")}
                                  <span className="visually-hidden"> {m.name}</span>
                                </Link>
                              </p>
                              {open ? (
                                <Form method="post" action={base} key={`end-${m.id}-${formKey}`}>
                                  <input type="hidden" name="intent" value="end-member" />
                                  <input type="hidden" name="memberId" value={m.id} />
                                  <input type="hidden" name="version" value={m.version} />
                                  <TextField
                                    name={endName}
                                    type="date"
                                    label={t("steeringGroup.endLabel", { name: m.name })}
                                    width="short"
                                    defaultValue={
                                      failedIntent === "end-member" &&
                                      failure?.values?.memberId === m.id
                                        ? failure.values[endName]
                                        : (m.toDate ?? d.today)
                                    }
                                    error={endError}
                                    required
                                  />
                                  <SubmitButton variant="secondary">
                                    {t("steeringGroup.endSubmit")}
                                  </SubmitButton>
                                </Form>
                              ) : null}
                            </td>
                          ) : null}
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </TableWrap>
            )}
          </div>
        ))}
      </Section>

      {d.canManage ? (
        <Section
          id="ledamot-form"
          title={
            d.editing
              ? t("steeringGroup.changeMemberTitle", { name: editingName })
              : t("steeringGroup.addMemberTitle")
          }
        >
          <Form method="post" action={base} key={`member-${formKey}`}>
            <input type="hidden" name="intent" value={memberFormIntent} />
            {d.editing ? (
              <>
                <input type="hidden" name="memberId" value={d.editing.id} />
                <input
                  type="hidden"
                  name="version"
                  value={
                    failedIntent === "change-member"
                      ? (failure?.values?.version ?? d.editing.version)
                      : d.editing.version
                  }
                />
              </>
            ) : null}
            <SelectField
              name="member-organisation"
              label={t("steeringGroup.field.organisation")}
              hint={t("steeringGroup.field.organisationHint")}
              options={partyOptions}
              defaultValue={memberValue("member-organisation", partyOptions[0]?.value ?? "")}
              error={errors["member-organisation"]}
              required
            />
            <TextField
              name="member-name"
              label={t("steeringGroup.field.name")}
              autoComplete="off"
              defaultValue={memberValue("member-name")}
              error={errors["member-name"]}
              required
            />
            <TextField
              name="member-title"
              label={t("steeringGroup.field.title")}
              autoComplete="off"
              defaultValue={memberValue("member-title")}
              error={errors["member-title"]}
            />
            <TextField
              name="member-email"
              type="email"
              label={t("steeringGroup.field.email")}
              autoComplete="off"
              defaultValue={memberValue("member-email")}
              error={errors["member-email"]}
            />
            <div className={errors["member-membership"] ? "field field--error" : "field"}>
              <fieldset
                aria-describedby={
                  errors["member-membership"] ? "member-membership-error" : undefined
                }
              >
                <legend>
                  {t("steeringGroup.field.membership")}
                  <span className="field__required"> ({t("common.required")})</span>
                </legend>
                {errors["member-membership"] ? (
                  <p className="field__error" id="member-membership-error">
                    {errors["member-membership"]}
                  </p>
                ) : null}
                {MEMBERSHIPS.map((value, i) => {
                  const id = i === 0 ? "member-membership" : `member-membership-${value}`;
                  return (
                    <label key={value} htmlFor={id}>
                      <input
                        type="radio"
                        id={id}
                        name="member-membership"
                        value={value}
                        defaultChecked={membershipChecked === value}
                      />{" "}
                      {t(`steeringGroup.membership.${value}`)}{" "}
                    </label>
                  );
                })}
              </fieldset>
            </div>
            <TextField
              name="member-from"
              type="date"
              label={t("steeringGroup.field.fromDate")}
              hint={t("steeringGroup.field.dateHint")}
              width="short"
              defaultValue={memberValue("member-from", d.today)}
              error={errors["member-from"]}
              required
            />
            <TextField
              name="member-to"
              type="date"
              label={t("steeringGroup.field.toDate")}
              hint={t("steeringGroup.field.toDateHint")}
              width="short"
              defaultValue={memberValue("member-to")}
              error={errors["member-to"]}
            />
            <TextField
              name="member-account"
              type="email"
              label={t("steeringGroup.field.accountEmail")}
              hint={t("steeringGroup.field.accountEmailHint")}
              autoComplete="off"
              defaultValue={memberValue("member-account")}
              error={errors["member-account"]}
            />
            <div className="button-row">
              <SubmitButton>
                {t(
                  d.editing ? "steeringGroup.changeMemberSubmit" : "steeringGroup.addMemberSubmit",
                )}
              </SubmitButton>
              {d.editing ? <Link to={base}>{t("common.cancel")}</Link> : null}
            </div>
          </Form>
        </Section>
      ) : null}

      <Section id="moten" title={t("steeringGroup.meetingsTitle")}>
        {d.meetings.length === 0 ? (
          <p>{t("steeringGroup.noMeetings")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption>{t("steeringGroup.meetingsCaption", { count: d.meetings.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("steeringGroup.meetingDate")}</th>
                  <th scope="col">{t("steeringGroup.held")}</th>
                  <th scope="col">{t("steeringGroup.attendance")}</th>
                  <th scope="col" className="num">
                    {t("steeringGroup.documents")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.meetings.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">
                      <Link to={`${base}/moten/${m.id}`}>
                        {t("steeringGroup.meetingLink", { date: m.date })}
                      </Link>
                    </th>
                    <td>{t(m.held ? "steeringGroup.heldYes" : "steeringGroup.heldNo")}</td>
                    <td>
                      {!m.held
                        ? "–"
                        : m.attendance.recorded
                          ? t("steeringGroup.attendanceCount", {
                              present: m.attendance.presentOrdinary,
                              total: m.attendance.ordinary,
                            })
                          : t("steeringGroup.attendanceNotRecorded")}
                    </td>
                    <td className="num">{m.documents}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {d.canManage ? (
          <>
            <h3 id="mote-form">{t("steeringGroup.addMeetingTitle")}</h3>
            <Form method="post" action={base} key={`meeting-${formKey}`}>
              <input type="hidden" name="intent" value="add-meeting" />
              <TextField
                name="meeting-date"
                type="date"
                label={t("steeringGroup.field.meetingDate")}
                hint={t("steeringGroup.field.dateHint")}
                width="short"
                defaultValue={meetingValue("meeting-date", d.today)}
                error={errors["meeting-date"]}
                required
              />
              <HeldCheckbox
                checked={meetingValue("meeting-held") === "on"}
                error={errors["meeting-held"]}
              />
              <TextArea
                name="meeting-agenda"
                label={t("steeringGroup.field.agenda")}
                defaultValue={meetingValue("meeting-agenda")}
                error={errors["meeting-agenda"]}
              />
              <SubmitButton>{t("steeringGroup.addMeetingSubmit")}</SubmitButton>
            </Form>
          </>
        ) : null}
      </Section>
    </main>
  );
}

/** "Mötet är hållet": one checkbox, with its hint and the refusal of a future meeting. */
function HeldCheckbox({ checked, error }: { checked: boolean; error?: string | undefined }) {
  const { t } = useI18n();
  const name = "meeting-held";
  return (
    <div className={error ? "field field--error" : "field"}>
      {error ? (
        <p className="field__error" id={`${name}-error`}>
          {error}
        </p>
      ) : null}
      <label htmlFor={name}>
        <input
          type="checkbox"
          id={name}
          name={name}
          value="on"
          defaultChecked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${name}-hint ${name}-error` : `${name}-hint`}
        />{" "}
        {t("steeringGroup.field.held")}
      </label>
      <p className="field__hint" id={`${name}-hint`}>
        {t("steeringGroup.field.heldHint")}
      </p>
    </div>
  );
}
