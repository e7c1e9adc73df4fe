// Mina uppgifter: in plain words and the participant's language, what is stored about them (the
// identity masked), why and for how long, their rights, "Vem har läst mina uppgifter" (date,
// organisation and what they did, newest first), and the downloads (PDF and JSON). The register's
// own words (background codes, exit, the coach's plan steps) stay Swedish and are marked so.
import type { ReactNode } from "react";
import { PORTAL_LANGUAGE_NAMES } from "../../../portal/locales.ts";
import type { PortalKey } from "../../../portal/messages/index.ts";
import { myData } from "../../../portal/my-data.ts";
import { registerCryptoFor } from "../../../register/key.server.ts";
import { requireParticipant } from "../../portal-guard.server.ts";
import { Tx, usePortal, Written } from "../../ui/portal-i18n.tsx";
import { PortalIcon } from "../../ui/portal-icons.tsx";
import type { Route } from "./+types/my-data.ts";

export const handle = { portal: true, hydrate: false };

export async function loader({ context, request }: Route.LoaderArgs) {
  const { state, account } = await requireParticipant(context, request);
  const data = await myData(state.services.db, registerCryptoFor(state.services.config), account);
  return { ...data, retentionMonths: state.services.config.registerRetentionMonths };
}

const IMY = "https://www.imy.se/privatperson/";

/** The register's Swedish words, marked as Swedish. */
const Sv = ({ children }: { children: string }) => (
  <span lang="sv" dir="ltr">
    {children}
  </span>
);

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

export default function MyData({ loaderData: d }: Route.ComponentProps) {
  const { t, longDate } = usePortal();
  const p = d.participant;
  const none = t("portal.myData.stored.none");
  const organisation = d.controller;
  return (
    <main id="innehall" tabIndex={-1} className="portal-data">
      <title>{`${t("portal.myData.title")} – ${t("portal.name")}`}</title>
      <Tx as="h1" k="portal.myData.title" />
      <Tx as="p" k="portal.myData.intro" className="portal-lead" />

      <section aria-labelledby="ladda-ner" className="portal-card">
        <Tx as="h2" k="portal.myData.download.title" id="ladda-ner" />
        <Tx as="p" k="portal.myData.download.text" />
        <Tx as="p" k="portal.myData.download.logged" />
        <p className="portal-data-download">
          <a href="/portal/mina-uppgifter/utdrag.pdf" className="portal-button" download>
            <PortalIcon name="download" />
            <span>{t("portal.myData.download.pdf")}</span>
          </a>
          <a
            href="/portal/mina-uppgifter/utdrag.json"
            className="portal-button portal-button--secondary"
            download
          >
            <PortalIcon name="download" />
            <span>{t("portal.myData.download.json")}</span>
          </a>
        </p>
      </section>

      <section aria-labelledby="sparat">
        <Tx as="h2" k="portal.myData.stored.title" id="sparat" />
        <div className="portal-card">
          {p.identityState !== "lagrad" ? (
            <Tx as="p" k={`portal.myData.state.${p.identityState}` as PortalKey} />
          ) : null}
          <dl>
            <Fact label={t("portal.myData.stored.identity")}>
              {p.identity ? (
                <>
                  <span dir="ltr">{p.identity}</span>
                  <br />
                  {t("portal.myData.stored.identityHidden")}
                </>
              ) : (
                none
              )}
            </Fact>
            <Fact label={t("portal.myData.stored.name")}>{p.name ?? none}</Fact>
            <Fact label={t("portal.myData.stored.gender")}>
              {t(`portal.myData.gender.${p.gender}` as PortalKey)}
            </Fact>
            <Fact label={t("portal.myData.stored.birthYear")}>
              {p.birthYear === null ? none : String(p.birthYear)}
            </Fact>
          </dl>
        </div>

        <Tx as="h3" k="portal.myData.enrollments.title" />
        <ul className="portal-data-list">
          {d.enrollments.map((e) => (
            <li key={e.id} className="portal-card">
              <h4>
                <Sv>{e.initiative}</Sv>
              </h4>
              <dl>
                <Fact label={t("portal.myData.enrollment.started")}>{longDate(e.startDate)}</Fact>
                <Fact label={t("portal.myData.enrollment.organisation")}>
                  <Sv>{e.organisation}</Sv>
                </Fact>
                <Fact label={t("portal.myData.enrollment.ended")}>
                  {e.endDate ? longDate(e.endDate) : t("portal.myData.enrollment.ongoing")}
                </Fact>
                {e.exit ? (
                  <Fact label={t("portal.myData.enrollment.exit")}>
                    <Sv>{e.exit}</Sv>
                  </Fact>
                ) : null}
              </dl>
              <Tx as="strong" k="portal.myData.background.title" />
              <Tx as="p" k="portal.myData.background.note" />
              <dl>
                <Fact label={t("portal.myData.background.education")}>
                  <Sv>{e.background.education}</Sv>
                </Fact>
                <Fact label={t("portal.myData.background.supportBefore")}>
                  <Sv>{e.background.supportBefore.join(", ")}</Sv>
                </Fact>
                <Fact label={t("portal.myData.background.timeOnSupport")}>
                  <Sv>{e.background.timeOnSupport}</Sv>
                </Fact>
                <Fact label={t("portal.myData.background.occupationBefore")}>
                  <Sv>{e.background.occupationBefore}</Sv>
                </Fact>
                <Fact label={t("portal.myData.background.referrer")}>
                  <Sv>{e.background.referrer}</Sv>
                </Fact>
              </dl>
            </li>
          ))}
        </ul>

        <Tx as="h3" k="portal.myData.consents.title" />
        {d.consents.length === 0 ? <Tx as="p" k="portal.myData.consents.none" /> : null}
        <ul className="portal-data-list">
          {d.consents.map((c) => (
            <li key={`${c.initiative}-${c.consentedOn}-${c.textVersion}`}>
              <Sv>{c.initiative}</Sv>:{" "}
              {t("portal.myData.consent.given", { date: longDate(c.consentedOn) })}{" "}
              {t("portal.myData.consent.version", { version: c.textVersion })}
              {c.withdrawnOn ? (
                <> {t("portal.myData.consent.withdrawn", { date: longDate(c.withdrawnOn) })}</>
              ) : null}
            </li>
          ))}
        </ul>

        <Tx as="h3" k="portal.myData.plan.title" />
        {d.planSteps.length === 0 ? (
          <Tx as="p" k="portal.myData.plan.none" />
        ) : (
          <>
            <Tx as="p" k="portal.myData.plan.count" values={{ count: d.planSteps.length }} />
            <ul className="portal-data-list">
              {d.planSteps.map((s, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the steps in their order
                <li key={i}>
                  <Sv>{s.title}</Sv>: {t(`portal.plan.status.${s.status}` as PortalKey)}
                  {s.dueOn ? ` · ${t("portal.plan.due", { date: longDate(s.dueOn) })}` : ""}
                </li>
              ))}
            </ul>
          </>
        )}
        <p>
          <a href="/portal/plan">{t("portal.myData.plan.link")}</a>
        </p>

        <Tx as="h3" k="portal.myData.bookings.title" />
        {d.bookings.length === 0 ? <Tx as="p" k="portal.myData.bookings.none" /> : null}
        <ul className="portal-data-list">
          {d.bookings.map((b) => (
            <li key={`${b.startsAt}-${b.status}`}>
              {longDate(b.startsAt)}: <Sv>{b.title}</Sv> –{" "}
              {t(`portal.myData.booking.${b.status}` as PortalKey)}
            </li>
          ))}
        </ul>

        <Tx as="h3" k="portal.myData.measurements.title" />
        {d.measurements.length === 0 ? <Tx as="p" k="portal.myData.measurements.none" /> : null}
        <ul className="portal-data-list">
          {d.measurements.map((m, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the measurements in date order
            <li key={i}>
              {longDate(m.measuredOn)}: <Written texts={m.instrument} />,{" "}
              {t(`portal.myData.occasion.${m.occasion}` as PortalKey)}
            </li>
          ))}
        </ul>

        <Tx as="h3" k="portal.myData.courses.title" />
        {d.courses.length === 0 ? <Tx as="p" k="portal.myData.courses.none" /> : null}
        <ul className="portal-data-list">
          {d.courses.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the chapters in the order they were started
            <li key={i}>
              <Written texts={c.course} />: <Written texts={c.chapter} />
              <br />
              {t("portal.myData.course.started", { date: longDate(c.startedAt) })}{" "}
              {c.completedAt
                ? t("portal.myData.course.completed", { date: longDate(c.completedAt) })
                : t("portal.myData.course.ongoing")}
            </li>
          ))}
        </ul>

        <Tx as="h3" k="portal.myData.quiz.title" />
        {d.quizAnswers.length === 0 ? <Tx as="p" k="portal.myData.quiz.none" /> : null}
        <ul className="portal-data-list">
          {d.quizAnswers.map((q, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the answers in the order they were given
            <li key={i}>
              <Written texts={q.chapter} />: <Written texts={q.question} />
              <br />
              {t("portal.myData.quiz.answer")} <Written texts={q.answer} /> –{" "}
              {t(q.correct ? "portal.myData.quiz.right" : "portal.myData.quiz.wrong")} (
              {longDate(q.answeredAt)})
            </li>
          ))}
        </ul>

        <Tx as="h3" k="portal.myData.feedback.title" />
        <Tx as="p" k="portal.myData.feedback.note" />
        {d.feedback.length === 0 ? <Tx as="p" k="portal.myData.feedback.none" /> : null}
        <ul className="portal-data-list">
          {d.feedback.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the receipts in date order
            <li key={i}>
              {r.context === "mote"
                ? t("portal.myData.feedback.mote", {
                    date: r.meetingAt ? longDate(r.meetingAt) : "",
                  })
                : t(`portal.myData.feedback.${r.context}` as PortalKey)}
              {r.about ? (
                <>
                  : <Written texts={r.about} />
                </>
              ) : null}
              <br />
              {t(`portal.myData.feedback.${r.outcome}` as PortalKey, { date: longDate(r.on) })}
            </li>
          ))}
        </ul>

        {d.account ? (
          <>
            <Tx as="h3" k="portal.myData.account.title" />
            <div className="portal-card">
              <dl>
                <Fact label={t("portal.myData.account.language")}>
                  <span lang={d.account.locale}>{PORTAL_LANGUAGE_NAMES[d.account.locale]}</span>
                </Fact>
                <Fact label={t("portal.myData.account.reminders")}>
                  {t(`portal.myData.reminders.${d.account.reminders}` as PortalKey)}
                </Fact>
                <Fact label={t("portal.myData.account.email")}>
                  {d.account.email ? <span dir="ltr">{d.account.email}</span> : none}
                </Fact>
                <Fact label={t("portal.myData.account.phone")}>
                  {d.account.phone ? <span dir="ltr">{d.account.phone}</span> : none}
                </Fact>
              </dl>
            </div>
          </>
        ) : null}
      </section>

      <section aria-labelledby="varfor">
        <Tx as="h2" k="portal.myData.why.title" id="varfor" />
        <Tx as="p" k="portal.myData.why.purpose" />
        <Tx as="p" k="portal.myData.why.controller" values={{ organisation }} />
        <Tx as="p" k="portal.myData.why.retention" values={{ months: d.retentionMonths }} />
      </section>

      <section aria-labelledby="rattigheter">
        <Tx as="h2" k="portal.myData.rights.title" id="rattigheter" />
        <Tx as="p" k="portal.myData.rights.correct" />
        <Tx as="p" k="portal.myData.rights.erase" values={{ organisation }} />
        <Tx as="p" k="portal.myData.rights.complain" />
        <p>
          <a href={IMY} lang="sv">
            {t("portal.myData.rights.imy")}
          </a>
        </p>
      </section>

      <section aria-labelledby="vem-har-last">
        <Tx as="h2" k="portal.myData.log.title" id="vem-har-last" />
        <Tx as="p" k="portal.myData.log.intro" />
        {d.log.length === 0 ? <Tx as="p" k="portal.myData.log.none" /> : null}
        <ol className="portal-data-list">
          {d.log.map((entry, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: log entries have no id of their own here
            <li key={i}>
              <strong>{longDate(entry.at)}</strong>
              <br />
              {t("portal.myData.log.entry", {
                organisation: entry.self ? t("portal.myData.log.self") : entry.organisation,
                action: t(`portal.myData.action.${entry.action}` as PortalKey),
              })}
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}
