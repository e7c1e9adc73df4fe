// Choosing a time (/portal/boka/:availabilityId): the day's free times as large radio buttons
// and one button that books (a plain form POST, no JavaScript). With ?byt=<booking> the same form
// moves that booking here instead (cancel + book in one transaction: if the new time cannot be
// had, the old one stays). A refusal is said in the participant's language with what to do,
// the choice kept, nothing saved.
import { data, redirect } from "react-router";
import {
  type BookingRefusal,
  BookingRefused,
  book,
  bookableTimes,
  myBooking,
  rebook,
} from "../../../portal/booking.ts";
import type { PortalKey } from "../../../portal/messages/index.ts";
import { registerCryptoFor } from "../../../register/key.server.ts";
import { requireParticipant } from "../../portal-guard.server.ts";
import { CsrfField } from "../../ui/form.tsx";
import { Tx, usePortal } from "../../ui/portal-i18n.tsx";
import { PortalIcon } from "../../ui/portal-icons.tsx";
import type { Route } from "./+types/booking-times.ts";

export const handle = { portal: true, hydrate: false };

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, account } = await requireParticipant(context, request);
  const db = state.services.db;
  const found = await bookableTimes(db, account, params.availabilityId ?? "", new Date());
  const changing = new URL(request.url).searchParams.get("byt");
  const old = changing ? await myBooking(db, account, changing) : undefined;
  const rebooking =
    old && old.status === "bokad" ? { id: old.id, startsAt: old.startsAt.toISOString() } : null;
  if (!found) return data({ window: null, times: [], rebooking }, { status: 404 });
  return {
    window: found.window,
    times: found.times.map((s) => ({
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      free: s.free,
    })),
    rebooking,
  };
}

interface Refused {
  error: BookingRefusal | "noTime";
  chosen: string;
  rebooking: boolean;
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { state, account } = await requireParticipant(context, request);
  const form = await request.formData();
  const chosen = String(form.get("tid") ?? "");
  const changing = String(form.get("byt") ?? "");
  const refused = (error: Refused["error"], status = 400) =>
    data<Refused>({ error, chosen, rebooking: changing !== "" }, { status });
  if (chosen === "") return refused("noTime");
  const db = state.services.db;
  const crypto = registerCryptoFor(state.services.config);
  const availabilityId = params.availabilityId ?? "";
  try {
    const result =
      changing !== ""
        ? await rebook(
            db,
            crypto,
            account,
            changing,
            availabilityId,
            chosen,
            new Date(),
            state.requestId,
          )
        : await book(db, crypto, account, availabilityId, chosen, new Date(), state.requestId);
    const query = new URLSearchParams({
      klart: changing !== "" ? "bytt" : "bokad",
      bokning: result.bookingId,
    });
    if (result.messageQueued) query.set("meddelande", "1");
    return redirect(`/portal/boka?${query}`);
  } catch (error) {
    if (error instanceof BookingRefused)
      return refused(
        error.code,
        error.code === "full" || error.code === "alreadyBooked" ? 409 : 400,
      );
    throw error;
  }
}

export default function BookingTimes({ loaderData, actionData }: Route.ComponentProps) {
  const { t, longDate, time } = usePortal();
  const { window, times, rebooking } = loaderData;
  const failure = actionData as Refused | undefined;
  const back = rebooking ? `/portal/boka?byt=${rebooking.id}` : "/portal/boka";
  const title = t("portal.booking.times.title");
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${failure ? `${t("portal.booking.error.title")}: ` : ""}${title} – ${t("portal.name")}`}</title>
      <p>
        <a href={back}>{t("portal.booking.times.back")}</a>
      </p>
      <Tx as="h1" k="portal.booking.times.title" />
      {failure ? (
        <section className="portal-error" aria-labelledby="fel-rubrik">
          <Tx as="h2" k="portal.booking.error.title" id="fel-rubrik" />
          <ul>
            <li>
              <a href="#tid">{t(`portal.booking.error.${failure.error}` as PortalKey)}</a>
            </li>
            {failure.rebooking ? (
              <li>
                <Tx k="portal.booking.error.oldKept" />
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}
      {rebooking ? (
        <div className="portal-card">
          <Tx
            as="p"
            k="portal.booking.rebooking"
            values={{ date: longDate(rebooking.startsAt), time: time(rebooking.startsAt) }}
          />
        </div>
      ) : null}
      {!window ? (
        <Tx as="p" k="portal.booking.times.gone" />
      ) : (
        <>
          <div className="portal-card">
            <h2 className="portal-booking__who">
              <PortalIcon name="person" />
              <span>
                {t(`portal.booking.kind.${window.kind}`)}: {window.title}
              </span>
            </h2>
            <p className="portal-booking__where">
              <PortalIcon name={window.mode === "video" ? "video" : "place"} />
              <span>
                {window.mode === "video"
                  ? t("portal.booking.video")
                  : t("portal.booking.onSite", { place: window.place })}
              </span>
            </p>
            <p>
              {longDate(window.day)},{" "}
              {t("portal.booking.hours", { opens: window.opensAt, closes: window.closesAt })}
              {" · "}
              {t("portal.booking.times.minutes", { count: window.slotMinutes })}
            </p>
          </div>
          {times.length === 0 ? (
            <>
              <span id="tid" />
              <Tx as="p" k="portal.booking.times.none" />
            </>
          ) : (
            <form method="post" className="portal-booking__form">
              <CsrfField />
              {rebooking ? <input type="hidden" name="byt" value={rebooking.id} /> : null}
              <fieldset className="portal-booking__times">
                <legend>{t("portal.booking.times.legend", { date: longDate(window.day) })}</legend>
                {times.map((s, i) => (
                  <label
                    key={s.startsAt}
                    className="portal-booking__time"
                    htmlFor={i === 0 ? "tid" : `tid-${i}`}
                  >
                    <input
                      type="radio"
                      id={i === 0 ? "tid" : `tid-${i}`}
                      name="tid"
                      value={s.startsAt}
                      defaultChecked={failure?.chosen === s.startsAt}
                      required
                    />
                    <span>
                      {time(s.startsAt)}–{time(s.endsAt)}
                    </span>
                    {window.capacity > 1 ? (
                      <span className="portal-booking__places">
                        {t("portal.booking.times.placesLeft", { count: s.free })}
                      </span>
                    ) : null}
                  </label>
                ))}
              </fieldset>
              <button type="submit">
                <PortalIcon name="check" />
                {rebooking
                  ? t("portal.booking.times.submitRebook")
                  : t("portal.booking.times.submit")}
              </button>
            </form>
          )}
        </>
      )}
    </main>
  );
}
