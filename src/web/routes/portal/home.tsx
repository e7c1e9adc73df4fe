// The portal's start page: what happens next (the next booked time and the next step of the
// plan) and four large shortcuts.
import { and, asc, eq, gt, ne } from "drizzle-orm";
import { continueTarget } from "../../../courses/reading.ts";
import { availability, bookings, planSteps } from "../../../portal/schema.ts";
import { inRegister } from "../../../register/zone.ts";
import { requireParticipant } from "../../portal-guard.server.ts";
import { ContinueLink, continueView } from "../../ui/course-continue.tsx";
import { Tx, usePortal } from "../../ui/portal-i18n.tsx";
import { PortalIcon, type PortalIconName } from "../../ui/portal-icons.tsx";
import type { Route } from "./+types/home.ts";

export const handle = { portal: true, hydrate: false };

export async function loader({ context, request }: Route.LoaderArgs) {
  const { state, account, scope, language } = await requireParticipant(context, request);
  const target = await continueTarget(state.services.db, account);
  const course = target ? continueView(target, language.locale) : null;
  return inRegister(state.services.db, scope, async (tx) => {
    const [nextBooking] = await tx
      .select({ startsAt: bookings.startsAt, title: availability.title })
      .from(bookings)
      .innerJoin(availability, eq(availability.id, bookings.availabilityId))
      .where(
        and(
          eq(bookings.participantId, account.participantId),
          eq(bookings.status, "bokad"),
          gt(bookings.startsAt, new Date()),
        ),
      )
      .orderBy(asc(bookings.startsAt))
      .limit(1);
    const [nextStep] = await tx
      .select({ title: planSteps.title })
      .from(planSteps)
      .where(and(eq(planSteps.participantId, account.participantId), ne(planSteps.status, "klar")))
      .orderBy(asc(planSteps.position), asc(planSteps.createdAt))
      .limit(1);
    return {
      nextBooking: nextBooking
        ? { startsAt: nextBooking.startsAt.toISOString(), title: nextBooking.title }
        : null,
      nextStep: nextStep?.title ?? null,
      course,
    };
  });
}

const SHORTCUTS: {
  to: string;
  key:
    | "portal.home.goPlan"
    | "portal.home.goBooking"
    | "portal.home.goSupport"
    | "portal.home.goMyData";
  icon: PortalIconName;
}[] = [
  { to: "/portal/plan", key: "portal.home.goPlan", icon: "plan" },
  { to: "/portal/boka", key: "portal.home.goBooking", icon: "calendar" },
  { to: "/portal/stod", key: "portal.home.goSupport", icon: "help" },
  { to: "/portal/mina-uppgifter", key: "portal.home.goMyData", icon: "person" },
];

export default function PortalHome({ loaderData }: Route.ComponentProps) {
  const { t, longDate, time } = usePortal();
  const { nextBooking, nextStep, course } = loaderData;
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${t("portal.home.title")} – ${t("portal.name")}`}</title>
      <Tx as="h1" k="portal.home.title" />
      <Tx as="p" k="portal.home.intro" className="portal-lead" />
      <section aria-labelledby="next-heading" className="portal-card">
        <Tx as="h2" k="portal.home.next" id="next-heading" />
        {nextBooking ? (
          <Tx
            as="p"
            k="portal.home.nextBooking"
            values={{
              date: longDate(nextBooking.startsAt),
              time: time(nextBooking.startsAt),
              title: nextBooking.title,
            }}
          />
        ) : (
          <Tx as="p" k="portal.home.nothingNext" />
        )}
        {nextStep ? <Tx as="p" k="portal.home.nextStep" values={{ title: nextStep }} /> : null}
      </section>
      {course ? (
        <section aria-labelledby="course-heading" className="portal-card">
          <Tx as="h2" k="portal.courses.home.title" id="course-heading" />
          <Tx
            as="p"
            k="portal.courses.home.text"
            values={{ course: course.course, chapter: course.chapter }}
          />
          <p>
            <ContinueLink view={course} />
          </p>
        </section>
      ) : null}
      <h2>{t("portal.home.shortcuts")}</h2>
      <ul className="portal-shortcuts">
        {SHORTCUTS.map((s) => (
          <li key={s.to}>
            <a href={s.to} className="portal-shortcut">
              <PortalIcon name={s.icon} />
              <span>{t(s.key)}</span>
            </a>
          </li>
        ))}
      </ul>
    </main>
  );
}
