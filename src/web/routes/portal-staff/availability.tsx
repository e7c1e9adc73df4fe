// Bookable times of an initiative (/:association/insatser/:initiativeId/portal/tider), for the
// initiative's participant officers (portal.staff): a form that publishes a window of times
// (once or every week), the upcoming windows with who booked each time, cancelling a window
// (its bookings are cancelled and the participants told in their language), and the last two
// weeks' bookings to mark kept or missed. Who booked is read from the register, so every
// listing is written to the register's access log (src/portal/booking.ts).
import { data, Link } from "react-router";
import { todayInSweden } from "../../../applications/workflow.ts";
import { formatDate, formatDateTime } from "../../../platform/i18n/format.ts";
import { createTranslator } from "../../../platform/i18n/translate.ts";
import {
  BookingRefused,
  bookForParticipant,
  cancelAvailability,
  listAvailability,
  markBooking,
  publishAvailability,
  type StaffWindow,
} from "../../../portal/booking.ts";
import type { BookingKind, MeetingMode } from "../../../portal/schema.ts";
import { portalTime } from "../../../portal/translate.ts";
import { registerCryptoFor } from "../../../register/key.server.ts";
import { listEnrollments } from "../../../register/participants.ts";
import { attempt, redirectWithNotice, text } from "../../guard.server.ts";
import { ErrorSummary, Form, SubmitButton } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { Choices, TextInput } from "../../ui/periodic-report-form.tsx";
import { TableWrap } from "../../ui/table-wrap.tsx";
import { useWorkflow } from "../../ui/workflow-panels.tsx";
import { identityText } from "../register/register-ui.tsx";
import type { Route } from "./+types/availability.ts";
import { requirePortalStaff } from "./portal-staff.server.ts";

const RECENT_DAYS = 14;
// the choices of the form (the schema's lists, without importing the schema into the page)
const KINDS: readonly BookingKind[] = ["studiecoach", "specialpedagog", "kurator", "studieplats"];
const MODES: readonly MeetingMode[] = ["pa_plats", "video"];

async function access(
  context: Route.LoaderArgs["context"],
  request: Request,
  params: { association?: string; initiativeId?: string },
) {
  const { state, association, initiative, staff, db } = await requirePortalStaff(
    context,
    request,
    params,
  );
  return {
    state,
    association,
    db,
    initiative,
    register: staff.access,
    crypto: registerCryptoFor(state.services.config),
  };
}

const serialise = (w: StaffWindow) => ({
  ...w,
  cancelledAt: w.cancelledAt ? formatDateTime(w.cancelledAt) : null,
  freeTimes: w.freeTimes
    .filter((slot) => slot.startsAt > new Date())
    .map((slot) => ({ startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString() })),
  bookings: w.bookings.map((b) => ({
    ...b,
    startsAt: b.startsAt.toISOString(),
    endsAt: b.endsAt.toISOString(),
    begun: b.startsAt <= new Date(),
  })),
});

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { association, db, initiative, register, crypto } = await access(context, request, params);
  const today = todayInSweden();
  const from = new Date(`${today}T12:00:00Z`);
  from.setUTCDate(from.getUTCDate() - RECENT_DAYS);
  const windows = await listAvailability(
    db,
    crypto,
    register,
    initiative.id,
    from.toISOString().slice(0, 10),
  );
  const url = new URL(request.url);
  // who staff may book a time for: the initiative's participants who have not exited (masked)
  const people = windows.some((w) => w.day >= today && !w.cancelledAt)
    ? (
        await listEnrollments(db, crypto, register.actor, register.scope, initiative.id, {
          status: "open",
        })
      ).map((e) => ({
        participantId: e.participant.id,
        identity: e.participant.identity,
        identityState: e.participant.identityState,
        externalKey: e.externalKey,
        startDate: e.startDate,
      }))
    : [];
  return {
    slug: association.slug,
    people,
    initiative: { id: initiative.id, name: initiative.name },
    today,
    upcoming: windows.filter((w) => w.day >= today).map(serialise),
    recent: windows
      .filter((w) => w.day < today)
      .reverse()
      .map(serialise),
    publishedDays: Number(url.searchParams.get("dagar") ?? "0"),
  };
}

const FIELDS = [
  "kind",
  "title",
  "mode",
  "place",
  "day",
  "opensAt",
  "closesAt",
  "slotMinutes",
  "capacity",
  "repeatUntil",
] as const;

export async function action({ context, request, params }: Route.ActionArgs) {
  const { state, association, db, initiative, register, crypto } = await access(
    context,
    request,
    params,
  );
  const form = await request.formData();
  const intent = text(form, "intent");
  const here = `/${association.slug}/insatser/${initiative.id}/portal/tider`;
  if (intent === "cancelWindow") {
    const result = await attempt(() =>
      cancelAvailability(
        db,
        crypto,
        register,
        text(form, "availabilityId"),
        Number(text(form, "version")),
      ),
    );
    if (!result.ok) return result.failure;
    return redirectWithNotice(here, "installd");
  }
  if (intent === "bookFor") {
    const availabilityId = text(form, "availabilityId");
    try {
      await bookForParticipant(db, crypto, register, {
        initiativeId: initiative.id,
        participantId: text(form, "participantId"),
        availabilityId,
        startsAt: text(form, "startsAt"),
      });
    } catch (error) {
      if (!(error instanceof BookingRefused)) throw error;
      const message = createTranslator(state.locale)(`portalStaff.booking.refused.${error.code}`);
      return data(
        {
          errors: { [`tid-${availabilityId}`]: message },
          values: { intent: "bookFor", availabilityId },
        },
        { status: error.code === "notFound" ? 404 : 409 },
      );
    }
    return redirectWithNotice(`${here}#tider-${availabilityId}`, "bokad");
  }
  if (intent === "mark") {
    const status = text(form, "status");
    const result = await attempt(() =>
      markBooking(
        db,
        register,
        text(form, "bookingId"),
        status === "uteblev" ? "uteblev" : "genomford",
        Number(text(form, "version")),
      ),
    );
    if (!result.ok) return result.failure;
    return redirectWithNotice(`${here}#senaste`, "markerad");
  }
  const values: Record<string, string> = { intent: "publish" };
  for (const name of FIELDS) values[name] = text(form, name);
  const result = await attempt(
    () =>
      publishAvailability(db, register, {
        initiativeId: initiative.id,
        kind: values.kind ?? "",
        title: values.title ?? "",
        mode: values.mode ?? "",
        place: values.place ?? "",
        day: values.day ?? "",
        opensAt: values.opensAt ?? "",
        closesAt: values.closesAt ?? "",
        slotMinutes: values.slotMinutes ?? "",
        capacity: values.capacity ?? "",
        repeatUntil: values.repeatUntil ?? "",
      }),
    values,
  );
  if (!result.ok) return result.failure;
  return redirectWithNotice(`${here}?dagar=${result.value.ids.length}`, "publicerad");
}

type Window = ReturnType<typeof serialise>;
type Person = Route.ComponentProps["loaderData"]["people"][number];

/** Staff book one of the window's free times for a participant (no phone, or at a meeting). */
function BookFor({
  w,
  here,
  people,
  error,
}: {
  w: Window;
  here: string;
  people: Person[];
  error: string | undefined;
}) {
  const { t } = useI18n();
  if (w.freeTimes.length === 0 || people.length === 0) return null;
  const timeId = `tid-${w.id}`;
  return (
    <Form method="post" action={here} className="inline-form">
      <input type="hidden" name="intent" value="bookFor" />
      <input type="hidden" name="availabilityId" value={w.id} />
      <fieldset>
        <legend>{t("portalStaff.booking.bookFor")}</legend>
        <p className="field">
          <label htmlFor={`deltagare-${w.id}`}>{t("portalStaff.booking.bookForWho")}</label>
          <select id={`deltagare-${w.id}`} name="participantId" required>
            {people.map((p) => (
              <option key={p.participantId} value={p.participantId}>
                {identityText(t, p)}
                {p.externalKey ? ` (${p.externalKey})` : ""}
                {` – ${t("portalStaff.booking.bookForSince", { date: formatDate(p.startDate) })}`}
              </option>
            ))}
          </select>
        </p>
        <p className={error ? "field field--error" : "field"}>
          <label htmlFor={timeId}>{t("portalStaff.booking.bookForTime")}</label>
          {error ? (
            <span className="field__error" id={`${timeId}-fel`}>
              {error}
            </span>
          ) : null}
          <select
            id={timeId}
            name="startsAt"
            required
            aria-describedby={error ? `${timeId}-fel` : undefined}
          >
            {w.freeTimes.map((slot) => (
              <option key={slot.startsAt} value={slot.startsAt}>
                {portalTime(slot.startsAt)}–{portalTime(slot.endsAt)}
              </option>
            ))}
          </select>
        </p>
        <button type="submit" className="button">
          {t("portalStaff.booking.bookForSubmit")}
        </button>
      </fieldset>
    </Form>
  );
}

function WindowCard({
  w,
  here,
  mode,
  people = [],
  error,
}: {
  w: Window;
  here: string;
  mode: "upcoming" | "recent";
  people?: Person[];
  error?: string;
}) {
  const { t } = useI18n();
  const date = formatDate(w.day);
  const active = w.bookings.filter((b) => b.status !== "avbokad");
  return (
    <article className="panel" aria-labelledby={`tider-${w.id}`}>
      <h3 id={`tider-${w.id}`}>
        {t("portalStaff.booking.windowHeading", {
          date,
          opens: w.opensAt,
          closes: w.closesAt,
          title: w.title,
        })}
      </h3>
      <p>
        {t("portalStaff.booking.windowFacts", {
          kind: t(`portalStaff.booking.kind.${w.kind}`),
          mode: t(`portalStaff.booking.mode.${w.mode}`),
          slots: w.slots,
          minutes: w.slotMinutes,
          capacity: w.capacity,
        })}
      </p>
      <p>{t("portalStaff.booking.windowPlace", { place: w.place })}</p>
      <p className="hint">{t("portalStaff.booking.windowBy", { name: w.createdByName })}</p>
      {w.cancelledAt ? (
        <p>
          <strong>{t("portalStaff.booking.windowCancelled", { at: w.cancelledAt })}</strong>
        </p>
      ) : null}
      {active.length === 0 ? (
        <p>{t("portalStaff.booking.noBookings")}</p>
      ) : (
        <TableWrap label={t("portalStaff.booking.bookingsCaption", { date, title: w.title })}>
          <table>
            <caption>{t("portalStaff.booking.bookingsCaption", { date, title: w.title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("portalStaff.booking.time")}</th>
                <th scope="col">{t("portalStaff.booking.participant")}</th>
                <th scope="col">{t("portalStaff.booking.status")}</th>
                <th scope="col">{t("portalStaff.booking.mark")}</th>
              </tr>
            </thead>
            <tbody>
              {active.map((b) => {
                const name = b.participantName ?? t("portalStaff.booking.unnamed");
                const when = `${portalTime(b.startsAt)}–${portalTime(b.endsAt)}`;
                return (
                  <tr key={b.id}>
                    <td>{when}</td>
                    <td>{name}</td>
                    <td>{t(`portalStaff.booking.status.${b.status}`)}</td>
                    <td>
                      {b.begun ? (
                        <div className="button-row">
                          {(["genomford", "uteblev"] as const).map((status) => (
                            <Form method="post" action={here} key={status}>
                              <input type="hidden" name="intent" value="mark" />
                              <input type="hidden" name="bookingId" value={b.id} />
                              <input type="hidden" name="version" value={b.version} />
                              <input type="hidden" name="status" value={status} />
                              <button
                                type="submit"
                                className="button button--secondary"
                                aria-pressed={b.status === status}
                                aria-label={t(
                                  status === "genomford"
                                    ? "portalStaff.booking.markKeptOf"
                                    : "portalStaff.booking.markMissedOf",
                                  { name, time: `${date} ${when}` },
                                )}
                              >
                                {t(
                                  status === "genomford"
                                    ? "portalStaff.booking.markKept"
                                    : "portalStaff.booking.markMissed",
                                )}
                              </button>
                            </Form>
                          ))}
                        </div>
                      ) : (
                        t("portalStaff.booking.notYet")
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
      {mode === "upcoming" && !w.cancelledAt ? (
        <BookFor w={w} here={here} people={people} error={error} />
      ) : null}
      {mode === "upcoming" && !w.cancelledAt ? (
        <Form method="post" action={here}>
          <input type="hidden" name="intent" value="cancelWindow" />
          <input type="hidden" name="availabilityId" value={w.id} />
          <input type="hidden" name="version" value={w.version} />
          <p className="hint">{t("portalStaff.booking.cancelWindowHint")}</p>
          <button
            type="submit"
            className="button button--danger"
            aria-label={t("portalStaff.booking.cancelWindowOf", {
              date,
              opens: w.opensAt,
              title: w.title,
            })}
          >
            {t("portalStaff.booking.cancelWindow")}
          </button>
        </Form>
      ) : null}
    </article>
  );
}

export default function PortalAvailability({ loaderData: d }: Route.ComponentProps) {
  const { t } = useI18n();
  const { errors, value, formKey, noticeKey, failedIntent } = useWorkflow({
    publicerad: "portalStaff.booking.publishedOne",
    installd: "portalStaff.booking.cancelledNotice",
    markerad: "portalStaff.booking.markedNotice",
    bokad: "portalStaff.booking.bookedForNotice",
  });
  const here = `/${d.slug}/insatser/${d.initiative.id}/portal/tider`;
  const title = t("portalStaff.booking.title", { name: d.initiative.name });
  const publishing = failedIntent === "publish";
  const field = (name: (typeof FIELDS)[number], fallback = "") =>
    publishing ? value(name, fallback) : fallback;
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <p>
        <Link to={`/${d.slug}/insatser/${d.initiative.id}`}>{t("portalStaff.booking.back")}</Link>
      </p>
      <h1>{title}</h1>
      {noticeKey ? (
        <p className="notice" role="status">
          {noticeKey === "portalStaff.booking.publishedOne" && d.publishedDays > 1
            ? t("portalStaff.booking.published", { count: d.publishedDays })
            : t(noticeKey)}
        </p>
      ) : null}
      <p className="lead">{t("portalStaff.booking.intro")}</p>
      <ErrorSummary errors={errors} />

      <section className="panel" aria-labelledby="publicera">
        <h2 id="publicera">{t("portalStaff.booking.publishTitle")}</h2>
        <Form method="post" action={here} key={`publish-${formKey}`} noValidate>
          <input type="hidden" name="intent" value="publish" />
          <Choices
            name="kind"
            label={t("portalStaff.booking.kind")}
            mark="required"
            options={KINDS.map((k) => ({
              value: k,
              label: t(`portalStaff.booking.kind.${k}`),
            }))}
            checked={field("kind", "studiecoach")}
            error={publishing ? errors.kind : undefined}
          />
          <TextInput
            name="title"
            label={t("portalStaff.booking.titleField")}
            hint={t("portalStaff.booking.titleHint")}
            mark="required"
            defaultValue={field("title")}
            error={publishing ? errors.title : undefined}
          />
          <Choices
            name="mode"
            label={t("portalStaff.booking.mode")}
            mark="required"
            options={MODES.map((m) => ({
              value: m,
              label: t(`portalStaff.booking.mode.${m}`),
            }))}
            checked={field("mode", "pa_plats")}
            error={publishing ? errors.mode : undefined}
          />
          <TextInput
            name="place"
            label={t("portalStaff.booking.place")}
            hint={t("portalStaff.booking.placeHint")}
            mark="required"
            defaultValue={field("place")}
            error={publishing ? errors.place : undefined}
          />
          <TextInput
            name="day"
            type="date"
            label={t("portalStaff.booking.day")}
            hint={t("portalStaff.booking.dayHint")}
            mark="required"
            short
            defaultValue={field("day", d.today)}
            error={publishing ? errors.day : undefined}
          />
          <TextInput
            name="opensAt"
            label={t("portalStaff.booking.opensAt")}
            hint={t("portalStaff.booking.timeHint")}
            mark="required"
            short
            defaultValue={field("opensAt", "09:00")}
            error={publishing ? errors.opensAt : undefined}
          />
          <TextInput
            name="closesAt"
            label={t("portalStaff.booking.closesAt")}
            hint={t("portalStaff.booking.timeHint")}
            mark="required"
            short
            defaultValue={field("closesAt", "12:00")}
            error={publishing ? errors.closesAt : undefined}
          />
          <TextInput
            name="slotMinutes"
            label={t("portalStaff.booking.slotMinutes")}
            hint={t("portalStaff.booking.slotHint")}
            mark="required"
            inputMode="numeric"
            short
            defaultValue={field("slotMinutes", "45")}
            error={publishing ? errors.slotMinutes : undefined}
          />
          <TextInput
            name="capacity"
            label={t("portalStaff.booking.capacity")}
            hint={t("portalStaff.booking.capacityHint")}
            mark="required"
            inputMode="numeric"
            short
            defaultValue={field("capacity", "1")}
            error={publishing ? errors.capacity : undefined}
          />
          <TextInput
            name="repeatUntil"
            type="date"
            label={t("portalStaff.booking.repeatUntil")}
            hint={t("portalStaff.booking.repeatHint")}
            short
            defaultValue={field("repeatUntil")}
            error={publishing ? errors.repeatUntil : undefined}
          />
          <SubmitButton>{t("portalStaff.booking.submit")}</SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="kommande">
        <h2 id="kommande">{t("portalStaff.booking.upcoming")}</h2>
        {d.upcoming.length === 0 ? (
          <p>{t("portalStaff.booking.upcomingNone")}</p>
        ) : (
          d.upcoming.map((w) => (
            <WindowCard
              key={w.id}
              w={w}
              here={here}
              mode="upcoming"
              people={d.people}
              error={errors[`tid-${w.id}`]}
            />
          ))
        )}
      </section>

      <section aria-labelledby="senaste">
        <h2 id="senaste">{t("portalStaff.booking.recent")}</h2>
        <p>{t("portalStaff.booking.recentHint")}</p>
        {d.recent.length === 0 ? (
          <p>{t("portalStaff.booking.recentNone")}</p>
        ) : (
          d.recent.map((w) => <WindowCard key={w.id} w={w} here={here} mode="recent" />)
        )}
      </section>
    </main>
  );
}
