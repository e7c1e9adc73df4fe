// Min plan: first "Det här händer nu" (the next booked time, the next step with a date, the next
// self-assessment the initiative's measurement plan asks for), then the steps the coach wrote, in
// their order, each with its status as an icon and a word. The steps are the coach's own words,
// usually Swedish: they are marked lang="sv" (or the participant's language when written in its
// script), so a screen reader reads them in the right voice. No JavaScript.
import { type PortalLocale, portalDirection } from "../../../portal/locales.ts";
import type { PortalKey } from "../../../portal/messages/index.ts";
import { planOf } from "../../../portal/plan.ts";
import type { PlanStepStatus } from "../../../portal/schema.ts";
import { requireParticipant } from "../../portal-guard.server.ts";
import { Tx, usePortal, Written } from "../../ui/portal-i18n.tsx";
import { PortalIcon } from "../../ui/portal-icons.tsx";
import type { Route } from "./+types/plan.ts";

export const handle = { portal: true, hydrate: false };

export async function loader({ context, request }: Route.LoaderArgs) {
  const { state, account } = await requireParticipant(context, request);
  return planOf(state.services.db, account);
}

const STATUS_KEYS: Record<PlanStepStatus, PortalKey> = {
  klar: "portal.plan.status.klar",
  pagar: "portal.plan.status.pagar",
  planerad: "portal.plan.status.planerad",
};

/** The status as a shape, beside its word: a tick, a half-filled circle, an empty circle. */
function StatusIcon({ status }: { status: PlanStepStatus }) {
  return (
    <svg
      className="portal-icon"
      viewBox="0 0 24 24"
      width="24"
      height="24"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="2" />
      {status === "klar" ? (
        <path
          d="M7.5 12.5l3 3 6-6.5"
          fill="none"
          stroke="currentColor"
          strokeWidth="2.5"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      ) : status === "pagar" ? (
        <path d="M12 3a9 9 0 0 1 0 18z" fill="currentColor" />
      ) : null}
    </svg>
  );
}

/**
 * The language of a text the coach wrote: Swedish unless it is written in the script of the
 * participant's language (Arabic script for Arabic and Dari, Ethiopic for Tigrinya).
 */
function writtenLanguage(text: string, locale: PortalLocale): PortalLocale {
  if ((locale === "ar" || locale === "fa") && /[\u0600-\u06ff]/.test(text)) return locale;
  if (locale === "ti" && /[\u1200-\u137f]/.test(text)) return "ti";
  return "sv";
}

function CoachText({ text, as: Tag = "span" }: { text: string; as?: "span" | "p" | "h3" | "h4" }) {
  const { locale } = usePortal();
  const lang = writtenLanguage(text, locale);
  return (
    <Tag lang={lang} dir={lang === "sv" ? "ltr" : portalDirection(lang)}>
      {text}
    </Tag>
  );
}

function Details({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n{2,}/).map((paragraph, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one fixed text
        <CoachText key={i} as="p" text={paragraph} />
      ))}
    </>
  );
}

export default function PortalPlan({ loaderData: d }: Route.ComponentProps) {
  const { t, longDate, time } = usePortal();
  const { booking, step, measurement } = d.next;
  const nothing = !booking && !step && !measurement;
  const several = d.plans.length > 1;
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${t("portal.plan.title")} – ${t("portal.name")}`}</title>
      <Tx as="h1" k="portal.plan.title" />
      <Tx as="p" k="portal.plan.intro" className="portal-lead" />

      <section aria-labelledby="nu" className="portal-card portal-plan-now">
        <Tx as="h2" k="portal.plan.now" id="nu" />
        {nothing ? <Tx as="p" k="portal.plan.nothingNow" /> : null}
        {booking ? (
          <div className="portal-plan-next">
            <h3>
              <PortalIcon name={booking.mode === "video" ? "video" : "calendar"} />
              <span>{t("portal.plan.nextBooking")}</span>
            </h3>
            <p className="portal-plan-when">
              {t("portal.plan.bookingWhen", {
                date: longDate(booking.startsAt),
                time: time(booking.startsAt),
              })}
            </p>
            <Written as="p" texts={{ sv: booking.title }} />
            {booking.mode === "video" ? (
              <p>
                {t("portal.plan.bookingVideo")}{" "}
                <a href={booking.place} lang="sv" dir="ltr">
                  {booking.place}
                </a>
              </p>
            ) : (
              <p>
                <PortalIcon name="place" /> {t("portal.plan.bookingPlace")}{" "}
                <span lang="sv" dir="ltr">
                  {booking.place}
                </span>
              </p>
            )}
            <p>
              <a href={`/portal/bokningar/${booking.id}`}>{t("portal.plan.bookingOpen")}</a>
            </p>
          </div>
        ) : null}
        {step ? (
          <div className="portal-plan-next">
            <h3>
              <PortalIcon name="plan" />
              <span>{t("portal.plan.nextStep")}</span>
            </h3>
            <CoachText as="p" text={step.title} />
            {step.dueOn ? (
              <p>
                <strong>{t("portal.plan.due", { date: longDate(step.dueOn) })}</strong>
              </p>
            ) : null}
            {step.overdue ? <Tx as="p" k="portal.plan.stepOverdue" /> : null}
          </div>
        ) : null}
        {measurement ? (
          <div className="portal-plan-next">
            <h3>
              <PortalIcon name="check" />
              <span>{t("portal.plan.nextMeasurement")}</span>
            </h3>
            {measurement.status === "kommande" ? (
              <Tx
                as="p"
                k="portal.plan.measurementComing"
                values={{ date: longDate(measurement.dueOn) }}
              />
            ) : (
              <Tx as="p" k="portal.plan.measurementNow" />
            )}
            {measurement.instrument.sv ? (
              <p>
                {t("portal.plan.measurementForm")} <Written texts={measurement.instrument} />
              </p>
            ) : null}
          </div>
        ) : null}
        {!booking ? (
          <p>
            <a href="/portal/boka" className="portal-button">
              <PortalIcon name="calendar" />
              <span>{t("portal.plan.book")}</span>
            </a>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="stegen">
        <Tx as="h2" k="portal.plan.steps" id="stegen" />
        {d.plans.length === 0 ? <Tx as="p" k="portal.plan.noPlan" /> : null}
        {d.plans.length > 0 ? <Tx as="p" k="portal.plan.written" /> : null}
        {d.plans.map((plan) => {
          const done = plan.steps.filter((s) => s.status === "klar").length;
          return (
            <div key={plan.enrollmentId} className="portal-plan">
              {several ? (
                <Tx as="h3" k="portal.plan.stepsFor" values={{ initiative: plan.initiativeName }} />
              ) : null}
              {several ? (
                <Tx
                  as="p"
                  k="portal.plan.organisation"
                  values={{ organisation: plan.organisation }}
                />
              ) : null}
              {plan.steps.length === 0 ? (
                <Tx as="p" k="portal.plan.empty" />
              ) : (
                <>
                  <Tx as="p" k="portal.plan.count" values={{ count: plan.steps.length, done }} />
                  <ol className="portal-plan-steps">
                    {plan.steps.map((s, i) => (
                      <li
                        key={s.id}
                        className={`portal-card portal-plan-step portal-plan-step--${s.status}`}
                      >
                        <p className="portal-plan-step__status">
                          <StatusIcon status={s.status} />
                          <strong>{t(STATUS_KEYS[s.status])}</strong>
                          <span className="portal-plan-step__number">
                            {" · "}
                            {t("portal.plan.stepNumber", { number: i + 1 })}
                          </span>
                        </p>
                        <CoachText as={several ? "h4" : "h3"} text={s.title} />
                        {s.dueOn ? (
                          <p>{t("portal.plan.due", { date: longDate(s.dueOn) })}</p>
                        ) : null}
                        {s.details ? <Details text={s.details} /> : null}
                      </li>
                    ))}
                  </ol>
                </>
              )}
            </div>
          );
        })}
        {d.plans.length > 0 ? <Tx as="p" k="portal.plan.questions" /> : null}
      </section>
    </main>
  );
}
