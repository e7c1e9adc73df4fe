// Boka (/portal/boka): the participant's booked times first — the day in words, the time, who,
// on site with the place or as a video meeting with the link, and Avboka / Byt tid — then what
// can be booked in the next four weeks, grouped by kind (study coach, special-needs teacher,
// social worker, study place), one line per day with the number of free times. With
// ?byt=<booking> the participant is choosing a new time for a booking: the links carry it on.
// Server-rendered, no JavaScript.
import { Link } from "react-router";
import {
  bookableWindows,
  type MyBooking,
  myBooking,
  myBookings,
  type PortalWindow,
} from "../../../portal/booking.ts";
import type { BookingKind } from "../../../portal/schema.ts";
import { requireParticipant } from "../../portal-guard.server.ts";
import { Tx, usePortal } from "../../ui/portal-i18n.tsx";
import { PortalIcon, type PortalIconName } from "../../ui/portal-icons.tsx";
import type { Route } from "./+types/booking.ts";

export const handle = { portal: true, hydrate: false };

const KIND_ICONS: Record<BookingKind, PortalIconName> = {
  studiecoach: "person",
  specialpedagog: "plan",
  kurator: "help",
  studieplats: "place",
};

const KINDS: readonly BookingKind[] = ["studiecoach", "specialpedagog", "kurator", "studieplats"];

const NOTICES = ["bokad", "bytt", "avbokad"] as const;
type Notice = (typeof NOTICES)[number];

/** A booking as the page shows it (dates as ISO strings for the page's data). */
function bookingView(b: MyBooking) {
  return {
    id: b.id,
    startsAt: b.startsAt.toISOString(),
    endsAt: b.endsAt.toISOString(),
    status: b.status,
    window: b.window,
  };
}

export async function loader({ context, request }: Route.LoaderArgs) {
  const { state, account } = await requireParticipant(context, request);
  const db = state.services.db;
  const url = new URL(request.url);
  const now = new Date();
  const mine = await myBookings(db, account, now);
  const windows = await bookableWindows(db, account, now);
  const changing = url.searchParams.get("byt");
  const rebooking = changing ? mine.find((b) => b.id === changing) : undefined;
  const klart = url.searchParams.get("klart");
  const notice = (NOTICES as readonly string[]).includes(klart ?? "") ? (klart as Notice) : null;
  const noticed = url.searchParams.get("bokning");
  const about =
    notice && notice !== "avbokad" && noticed ? await myBooking(db, account, noticed) : undefined;
  return {
    mine: mine.map(bookingView),
    windows,
    rebooking: rebooking ? bookingView(rebooking) : null,
    notice: notice
      ? {
          kind: notice,
          booking: about ? bookingView(about) : null,
          message: url.searchParams.get("meddelande") === "1",
        }
      : null,
  };
}

function BookingWhere({ window }: { window: PortalWindow }) {
  const { t } = usePortal();
  if (window.mode === "video")
    return (
      <p className="portal-booking__where">
        <PortalIcon name="video" />
        <span>
          {t("portal.booking.video")}:{" "}
          <a href={window.place} rel="noopener noreferrer">
            {t("portal.booking.videoLink")}
          </a>
        </span>
      </p>
    );
  return (
    <p className="portal-booking__where">
      <PortalIcon name="place" />
      <span>{t("portal.booking.onSite", { place: window.place })}</span>
    </p>
  );
}

function Notice({ notice }: { notice: NonNullable<Route.ComponentProps["loaderData"]["notice"]> }) {
  const { longDate, time } = usePortal();
  const b = notice.booking;
  return (
    <div className="portal-notice" role="status">
      {notice.kind === "avbokad" ? (
        <Tx as="p" k="portal.booking.notice.cancelled" />
      ) : b ? (
        <Tx
          as="p"
          k={
            notice.kind === "bytt"
              ? "portal.booking.notice.rebooked"
              : "portal.booking.notice.booked"
          }
          values={{ title: b.window.title, date: longDate(b.startsAt), time: time(b.startsAt) }}
        />
      ) : null}
      {notice.message ? <Tx as="p" k="portal.booking.notice.message" /> : null}
    </div>
  );
}

export default function PortalBooking({ loaderData }: Route.ComponentProps) {
  const { t, longDate, time } = usePortal();
  const { mine, windows, rebooking, notice } = loaderData;
  const byKind = KINDS.map((kind) => ({
    kind,
    windows: windows.filter((w) => w.kind === kind),
  })).filter((g) => g.windows.length > 0);
  const suffix = rebooking ? `?byt=${rebooking.id}` : "";
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${t("portal.booking.title")} – ${t("portal.name")}`}</title>
      <Tx as="h1" k="portal.booking.title" />
      {notice ? <Notice notice={notice} /> : null}
      <Tx as="p" k="portal.booking.intro" className="portal-lead" />

      {rebooking ? (
        <div className="portal-card portal-booking__rebooking">
          <Tx
            as="p"
            k="portal.booking.rebooking"
            values={{ date: longDate(rebooking.startsAt), time: time(rebooking.startsAt) }}
          />
        </div>
      ) : (
        <section aria-labelledby="mina-tider">
          <Tx as="h2" k="portal.booking.mine" id="mina-tider" />
          {mine.length === 0 ? (
            <Tx as="p" k="portal.booking.mineNone" />
          ) : (
            <ul className="portal-booking__list">
              {mine.map((b) => (
                <li key={b.id} className="portal-card">
                  <h3 className="portal-booking__when">
                    <PortalIcon name="calendar" />
                    <span>
                      {t("portal.booking.when", {
                        date: longDate(b.startsAt),
                        time: time(b.startsAt),
                        end: time(b.endsAt),
                      })}
                    </span>
                  </h3>
                  <p className="portal-booking__who">
                    <PortalIcon name={KIND_ICONS[b.window.kind]} />
                    <span>
                      {t(`portal.booking.kind.${b.window.kind}`)}: {b.window.title}
                    </span>
                  </p>
                  <BookingWhere window={b.window} />
                  <p className="portal-booking__actions">
                    <Link
                      to={`/portal/bokningar/${b.id}`}
                      className="portal-button portal-button--secondary"
                    >
                      {t("portal.booking.cancel")}
                      <span className="visually-hidden">
                        {" "}
                        {t("portal.booking.whenShort", {
                          date: longDate(b.startsAt),
                          time: time(b.startsAt),
                        })}
                      </span>
                    </Link>
                    <Link
                      to={`/portal/boka?byt=${b.id}#lediga-tider`}
                      className="portal-button portal-button--secondary"
                    >
                      {t("portal.booking.change")}
                      <span className="visually-hidden">
                        {" "}
                        {t("portal.booking.whenShort", {
                          date: longDate(b.startsAt),
                          time: time(b.startsAt),
                        })}
                      </span>
                    </Link>
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      <section aria-labelledby="lediga-tider">
        <Tx as="h2" k="portal.booking.available" id="lediga-tider" />
        {byKind.length === 0 ? (
          <Tx as="p" k="portal.booking.availableNone" />
        ) : (
          <>
            <Tx as="p" k="portal.booking.availableIntro" />
            {byKind.map((group) => (
              <section
                key={group.kind}
                aria-labelledby={`slag-${group.kind}`}
                className="portal-booking__kind"
              >
                <h3 id={`slag-${group.kind}`} className="portal-booking__kind-title">
                  <PortalIcon name={KIND_ICONS[group.kind]} />
                  <span>{t(`portal.booking.kind.${group.kind}`)}</span>
                </h3>
                <ul className="portal-booking__days">
                  {group.windows.map((w) => (
                    <li key={w.id}>
                      <Link to={`/portal/boka/${w.id}${suffix}`} className="portal-booking__day">
                        <span className="portal-booking__day-date">{longDate(w.day)}</span>
                        <span>
                          {w.title},{" "}
                          {t("portal.booking.hours", { opens: w.opensAt, closes: w.closesAt })}
                        </span>
                        <span className="portal-booking__day-mode">
                          <PortalIcon name={w.mode === "video" ? "video" : "place"} />
                          {w.mode === "video"
                            ? t("portal.booking.video")
                            : t("portal.booking.onSite", { place: w.place })}
                        </span>
                        <span className="portal-booking__free">
                          {t("portal.booking.freeCount", { count: w.freeTimes })} –{" "}
                          {t("portal.booking.choose")}
                        </span>
                      </Link>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </>
        )}
      </section>
    </main>
  );
}
