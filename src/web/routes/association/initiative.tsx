// One initiative of the register: every field, its partners, goals and local units, and the
// way to change it for those who may.
import { data, Link, useSearchParams } from "react-router";
import { canOnInitiative, ForbiddenError } from "../../../access/policy.ts";
import { applicationsOfInitiative } from "../../../applications/get-application.ts";
import { getInitiative } from "../../../initiatives/get-initiative.ts";
import { formatDate, formatNumber, formatPercent } from "../../../platform/i18n/format.ts";
import { UUID } from "../../../platform/uuid.ts";
import { requireAssociation } from "../../guard.server.ts";
import { useI18n } from "../../ui/i18n.tsx";
import type { Route } from "./+types/initiative.ts";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, principal, association } = await requireAssociation(
    context,
    request,
    params.association,
    "association.enter",
  );
  if (!canOnInitiative(principal, "initiative.view", association.id, params.initiativeId)) {
    throw data({ message: new ForbiddenError("initiative.view").message }, { status: 403 });
  }
  const initiative = UUID.test(params.initiativeId)
    ? await getInitiative(state.services.db, association.id, params.initiativeId)
    : undefined;
  if (!initiative) throw data({ message: "Insatsen finns inte." }, { status: 404 });
  const date = (d: string | null) => (d ? formatDate(d) : null);
  const applications = canOnInitiative(principal, "application.view", association.id, initiative.id)
    ? await applicationsOfInitiative(state.services.db, initiative.id)
    : [];
  const openApplication = applications.some(
    (a) => a.status !== "beviljad" && a.status !== "avslagen",
  );
  return {
    slug: association.slug,
    canEdit:
      !openApplication &&
      canOnInitiative(principal, "initiative.edit", association.id, initiative.id),
    openApplication,
    follow: {
      reports: canOnInitiative(principal, "report.view", association.id, initiative.id),
      steeringGroup: canOnInitiative(
        principal,
        "steering_group.view",
        association.id,
        initiative.id,
      ),
      finalReport:
        ["pagaende", "avslutad", "avslutad_i_fortid"].includes(initiative.status) &&
        canOnInitiative(principal, "report.view", association.id, initiative.id),
      budget: canOnInitiative(principal, "budget.view", association.id, initiative.id),
      money: canOnInitiative(principal, "requisition.view", association.id, initiative.id),
      progressionPlan:
        initiative.orientation === "individual" &&
        (canOnInitiative(principal, "progression.plan", association.id, initiative.id) ||
          canOnInitiative(principal, "progression.results", association.id, initiative.id)),
      portal:
        initiative.orientation === "individual" &&
        canOnInitiative(principal, "portal.staff", association.id, initiative.id),
      portalUsage:
        initiative.orientation === "individual" &&
        canOnInitiative(principal, "portal.usage", association.id, initiative.id),
      evaluationForms:
        initiative.orientation === "individual" &&
        canOnInitiative(principal, "evaluation.edit", association.id, initiative.id),
      countOnly:
        initiative.orientation === "structural" &&
        canOnInitiative(principal, "register.count_only", association.id, initiative.id),
      newRequisition:
        ["pagaende", "avslutad", "avslutad_i_fortid"].includes(initiative.status) &&
        canOnInitiative(principal, "requisition.write", association.id, initiative.id),
    },
    applications: applications.map((a) => ({
      id: a.id,
      status: a.status,
      registryNumber: a.registryNumber,
      arrivalDate: date(a.arrivalDate),
      decisionDate: date(a.decisionDate),
    })),
    initiative: {
      id: initiative.id,
      name: initiative.name,
      ownerName: initiative.ownerName,
      partners: initiative.partners.map((p) => p.name),
      status: initiative.status,
      orientation: initiative.orientation,
      preRehabilitation: initiative.preRehabilitation,
      esf: initiative.esf,
      startDate: date(initiative.startDate),
      endDate: date(initiative.endDate),
      lastIntakeDate: date(initiative.lastIntakeDate),
      plannedEndDate: date(initiative.plannedEndDate),
      targetGroup: initiative.targetGroup,
      expectedParticipants: initiative.expectedParticipants,
      expectedParticipantsOngoing: initiative.expectedParticipantsOngoing,
      goals: initiative.goals.map((g) => ({
        id: g.id,
        text: g.text,
        kind: g.kind,
        targetNumber: g.targetNumber,
        targetPercent: g.targetPercent,
      })),
      localUnits: initiative.localUnits.map((u) => ({
        id: u.id,
        name: u.name,
        expectedParticipants: u.expectedParticipants,
      })),
    },
  };
}

const NOTICES = { registrerad: "initiative.registered", sparad: "initiative.saved" } as const;

export default function Initiative({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const [params] = useSearchParams();
  const { initiative: i, slug } = loaderData;
  const notice = params.get("klart");
  const notSet = t("initiative.notSet");
  const number = (n: number | null) => (n === null ? null : formatNumber(n, locale));
  const participants =
    i.expectedParticipants === null
      ? notSet
      : i.expectedParticipantsOngoing
        ? t("initiatives.ongoingCount", { count: number(i.expectedParticipants) })
        : number(i.expectedParticipants);
  const yesNo = (b: boolean) => t(b ? "common.yes" : "common.no");
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${i.name} – Samspår`}</title>
      <p>
        <Link to={`/${slug}/insatser`}>{t("initiative.backToList")}</Link>
      </p>
      <h1>{i.name}</h1>
      {notice ? (
        <p className="notice" role="status">
          {t(notice === "registrerad" ? NOTICES.registrerad : NOTICES.sparad)}
        </p>
      ) : null}
      <dl className="summary">
        <dt>{t("initiative.owner")}</dt>
        <dd>{i.ownerName}</dd>
        <dt>{t("initiative.partners")}</dt>
        <dd>{i.partners.length ? i.partners.join(", ") : notSet}</dd>
        <dt>{t("initiative.status")}</dt>
        <dd>{t(`initiativeStatus.${i.status}`)}</dd>
        <dt>{t("initiative.orientation")}</dt>
        <dd>{t(`orientation.${i.orientation}`)}</dd>
        <dt>{t("initiative.preRehabilitation")}</dt>
        <dd>{yesNo(i.preRehabilitation)}</dd>
        <dt>{t("initiative.esf")}</dt>
        <dd>{yesNo(i.esf)}</dd>
        <dt>{t("initiative.startDate")}</dt>
        <dd>{i.startDate ?? notSet}</dd>
        <dt>{t("initiative.endDate")}</dt>
        <dd>{i.endDate ?? notSet}</dd>
        <dt>{t("initiative.lastIntakeDate")}</dt>
        <dd>{i.lastIntakeDate ?? notSet}</dd>
        {i.plannedEndDate ? (
          <>
            <dt>{t("initiative.plannedEndDate")}</dt>
            <dd>{i.plannedEndDate}</dd>
          </>
        ) : null}
        <dt>{t("initiative.targetGroup")}</dt>
        <dd>
          {i.targetGroup
            ? i.targetGroup.split(/\r?\n/).map((line, n) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one text, in order
                <span key={n}>
                  {n > 0 ? <br /> : null}
                  {line}
                </span>
              ))
            : notSet}
        </dd>
        <dt>{t("initiative.expectedParticipants")}</dt>
        <dd>{participants}</dd>
      </dl>
      {loaderData.canEdit ? (
        <p>
          <Link to={`/${slug}/insatser/${i.id}/andra`} className="button button--secondary">
            {t("initiative.edit")}
          </Link>
        </p>
      ) : null}
      {loaderData.openApplication ? <p>{t("initiative.editInApplication")}</p> : null}

      {loaderData.follow.reports ||
      loaderData.follow.steeringGroup ||
      loaderData.follow.budget ||
      loaderData.follow.money ||
      loaderData.follow.portalUsage ||
      loaderData.follow.countOnly ? (
        <nav aria-labelledby="initiative-follow-up">
          <h2 id="initiative-follow-up">{t("initiative.followUp")}</h2>
          <ul className="link-list">
            {loaderData.follow.reports ? (
              <li>
                <Link to={`/${slug}/rapporter?insats=${i.id}`}>
                  {t("initiative.periodicReports")}
                </Link>
              </li>
            ) : null}
            {loaderData.follow.reports ? (
              <li>
                <Link to={`/${slug}/avvikelser?insats=${i.id}`}>{t("initiative.deviations")}</Link>
              </li>
            ) : null}
            {loaderData.follow.steeringGroup ? (
              <li>
                <Link to={`/${slug}/insatser/${i.id}/styrgrupp`}>
                  {t("initiative.steeringGroup")}
                </Link>
              </li>
            ) : null}
            {loaderData.follow.budget ? (
              <li>
                <Link to={`/${slug}/insatser/${i.id}/budget`}>{t("budgets.title")}</Link>
              </li>
            ) : null}
            {loaderData.follow.money ? (
              <li>
                <Link to={`/${slug}/insatser/${i.id}/ekonomi`}>{t("initiative.moneyLink")}</Link>
              </li>
            ) : null}
            {loaderData.follow.money ? (
              <li>
                <Link to={`/${slug}/rekvisitioner?insats=${i.id}`}>{t("requisitions.title")}</Link>
              </li>
            ) : null}
            {loaderData.follow.newRequisition ? (
              <li>
                <Link to={`/${slug}/rekvisitioner/ny?insats=${i.id}`}>
                  {t("initiative.newRequisition")}
                </Link>
              </li>
            ) : null}
            {loaderData.follow.progressionPlan ? (
              <li>
                <Link to={`/${slug}/insatser/${i.id}/progression`}>
                  {t("progression.measure.link.plan")}
                </Link>
              </li>
            ) : null}
            {loaderData.follow.portal ? (
              <>
                <li>
                  <Link to={`/${slug}/insatser/${i.id}/portal`}>
                    {t("portalStaff.access.link")}
                  </Link>
                </li>
                <li>
                  <Link to={`/${slug}/insatser/${i.id}/portal/tider`}>
                    {t("portalStaff.booking.link")}
                  </Link>
                </li>
              </>
            ) : null}
            {loaderData.follow.portalUsage ? (
              <li>
                <Link to={`/${slug}/insatser/${i.id}/portal/statistik`}>
                  {t("portalStaff.usage.link")}
                </Link>
              </li>
            ) : null}
            {loaderData.follow.portalUsage ? (
              <>
                <li>
                  <Link to={`/${slug}/insatser/${i.id}/portal/kurser`}>
                    {t("courseFigures.link")}
                  </Link>
                </li>
                <li>
                  <Link to={`/${slug}/insatser/${i.id}/portal/tyck-till/resultat`}>
                    {t("courseFigures.results.link")}
                  </Link>
                </li>
              </>
            ) : null}
            {loaderData.follow.evaluationForms ? (
              <li>
                <Link to={`/${slug}/insatser/${i.id}/portal/tyck-till`}>
                  {t("evaluationStaff.forms.title")}
                </Link>
              </li>
            ) : null}
            {loaderData.follow.countOnly ? (
              <li>
                <Link to={`/${slug}/insatser/${i.id}/deltagarantal`}>
                  {t("register.counts.title", { name: i.name })}
                </Link>
              </li>
            ) : null}
            {loaderData.follow.finalReport ? (
              <li>
                <Link to={`/${slug}/insatser/${i.id}/slutrapport`}>
                  {t("initiative.finalReport")}
                </Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}

      {loaderData.applications.length ? (
        <>
          <h2>{t("initiative.applications")}</h2>
          <ul>
            {loaderData.applications.map((a) => (
              <li key={a.id}>
                <Link to={`/${slug}/ansokningar/${a.id}`}>
                  {a.registryNumber
                    ? t("initiative.applicationNumbered", { number: a.registryNumber })
                    : t("initiative.applicationDraft")}
                </Link>
                {": "}
                {t(`applicationStatus.${a.status}`)}
                {a.arrivalDate
                  ? `, ${t("initiative.applicationArrived", { date: a.arrivalDate })}`
                  : ""}
                {a.decisionDate
                  ? `, ${t("initiative.applicationDecided", { date: a.decisionDate })}`
                  : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>{t("initiative.goals")}</h2>
      {i.goals.length ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("initiative.goals")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("initiative.goalText")}</th>
                <th scope="col">{t("initiative.goalKind")}</th>
                <th scope="col" className="num">
                  {t("initiative.target")}
                </th>
              </tr>
            </thead>
            <tbody>
              {i.goals.map((g) => (
                <tr key={g.id}>
                  <td>{g.text}</td>
                  <td>{t(`goalKind.${g.kind}`)}</td>
                  <td className="num">
                    {[
                      number(g.targetNumber),
                      g.targetPercent === null
                        ? null
                        : formatPercent(g.targetPercent / 100, 0, locale),
                    ]
                      .filter(Boolean)
                      .join(", ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("initiative.noGoals")}</p>
      )}

      <h2>{t("initiative.localUnits")}</h2>
      {i.localUnits.length ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("initiative.localUnits")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("initiative.localUnitName")}</th>
                <th scope="col" className="num">
                  {t("initiative.expectedParticipants")}
                </th>
              </tr>
            </thead>
            <tbody>
              {i.localUnits.map((u) => (
                <tr key={u.id}>
                  <td>{u.name}</td>
                  <td className="num">{number(u.expectedParticipants) ?? notSet}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("initiative.noLocalUnits")}</p>
      )}
    </main>
  );
}
