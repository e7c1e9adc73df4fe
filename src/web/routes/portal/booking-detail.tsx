// One booking (/portal/bokningar/:bookingId): when, who, where (the place or the video link),
// its status, and — before the time begins — "Vill du avboka tiden?" with "Ja, avboka tiden"
// (a plain form POST) or "Nej, behåll tiden". Only the participant's own bookings are found.
import { data, redirect } from "react-router";
import { type BookingRefusal, BookingRefused, cancel, myBooking } from "../../../portal/booking.ts";
import type { PortalKey } from "../../../portal/messages/index.ts";
import { registerCryptoFor } from "../../../register/key.server.ts";
import { requireParticipant } from "../../portal-guard.server.ts";
import { CsrfField } from "../../ui/form.tsx";
import { Tx, usePortal } from "../../ui/portal-i18n.tsx";
import { PortalIcon } from "../../ui/portal-icons.tsx";
import type { Route } from "./+types/booking-detail.ts";

export const handle = { portal: true, hydrate: false };

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, account } = await requireParticipant(context, request);
  const found = await myBooking(state.services.db, account, params.bookingId ?? "");
  if (!found) return data({ booking: null, started: false }, { status: 404 });
  return {
    booking: {
      id: found.id,
      startsAt: found.startsAt.toISOString(),
      endsAt: found.endsAt.toISOString(),
      status: found.status,
      window: found.window,
    },
    started: found.startsAt <= new Date(),
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { state, account } = await requireParticipant(context, request);
  try {
    const result = await cancel(
      state.services.db,
      registerCryptoFor(state.services.config),
      account,
      params.bookingId ?? "",
      new Date(),
      state.requestId,
    );
    return redirect(`/portal/boka?klart=avbokad${result.messageQueued ? "&meddelande=1" : ""}`);
  } catch (error) {
    if (error instanceof BookingRefused)
      return data<{ error: BookingRefusal }>({ error: error.code }, { status: 409 });
    throw error;
  }
}

export default function BookingDetail({ loaderData, actionData }: Route.ComponentProps) {
  const { t, longDate, time } = usePortal();
  const { booking, started } = loaderData;
  const failure = actionData as { error: BookingRefusal } | undefined;
  const title = t("portal.booking.detail.title");
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – ${t("portal.name")}`}</title>
      <p>
        <a href="/portal/boka">{t("portal.booking.back")}</a>
      </p>
      <Tx as="h1" k="portal.booking.detail.title" />
      {failure ? (
        <section className="portal-error" aria-labelledby="fel-rubrik">
          <Tx as="h2" k="portal.booking.error.title" id="fel-rubrik" />
          <p>{t(`portal.booking.error.${failure.error}` as PortalKey)}</p>
        </section>
      ) : null}
      {!booking ? (
        <Tx as="p" k="portal.booking.detail.notFound" />
      ) : (
        <>
          <div className="portal-card">
            <h2 className="portal-booking__when">
              <PortalIcon name="calendar" />
              <span>
                {t("portal.booking.when", {
                  date: longDate(booking.startsAt),
                  time: time(booking.startsAt),
                  end: time(booking.endsAt),
                })}
              </span>
            </h2>
            <p className="portal-booking__who">
              <PortalIcon name="person" />
              <span>
                {t(`portal.booking.kind.${booking.window.kind}`)}: {booking.window.title}
              </span>
            </p>
            {booking.window.mode === "video" ? (
              <p className="portal-booking__where">
                <PortalIcon name="video" />
                <span>
                  {t("portal.booking.video")}:{" "}
                  <a href={booking.window.place} rel="noopener noreferrer">
                    {t("portal.booking.videoLink")}
                  </a>
                </span>
              </p>
            ) : (
              <p className="portal-booking__where">
                <PortalIcon name="place" />
                <span>{t("portal.booking.onSite", { place: booking.window.place })}</span>
              </p>
            )}
            <p>
              {t("portal.booking.detail.status", {
                status: t(`portal.booking.status.${booking.status}`),
              })}
            </p>
          </div>
          {booking.status === "bokad" && started ? (
            <Tx as="p" k="portal.booking.detail.tooLate" />
          ) : null}
          {booking.status === "bokad" && !started ? (
            <section aria-labelledby="avboka" className="portal-card">
              <Tx as="h2" k="portal.booking.detail.cancelQuestion" id="avboka" />
              <Tx as="p" k="portal.booking.detail.cancelHint" />
              <div className="portal-booking__actions">
                <form method="post">
                  <CsrfField />
                  <button type="submit" className="portal-button--danger">
                    {t("portal.booking.detail.cancelConfirm")}
                  </button>
                </form>
                <a href="/portal/boka" className="portal-button portal-button--secondary">
                  {t("portal.booking.detail.keep")}
                </a>
                <a
                  href={`/portal/boka?byt=${booking.id}#lediga-tider`}
                  className="portal-button portal-button--secondary"
                >
                  {t("portal.booking.change")}
                </a>
              </div>
            </section>
          ) : null}
        </>
      )}
    </main>
  );
}
