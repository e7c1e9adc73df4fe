import { and, asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { canOnInitiative } from "../access/policy.ts";
import { loadPrincipal } from "../access/principal.ts";
import { getApplication, listApplicationVersions } from "../applications/get-application.ts";
import { APPLICATION_STATUSES, applications } from "../applications/schema.ts";
import { todayInSweden } from "../applications/workflow.ts";
import { verifyAuditChain } from "../audit/verify-audit-chain.ts";
import { pdfText, squash } from "../documents/testing.ts";
import { yearOverview } from "../finance/association-money.ts";
import { getCurrentBudget, listBudgetVersions, rephasingReports } from "../finance/budgets.ts";
import { initiativeMoney, listPrognosisOverrides } from "../finance/outcome.ts";
import { getRequisition, listRequisitions, REQUISITION_STATUSES } from "../finance/requisitions.ts";
import { listReturnedFunds } from "../finance/returned-funds.ts";
import { requisitionAttachments, requisitions } from "../finance/schema.ts";
import { initiatives } from "../initiatives/schema.ts";
import { listUsers } from "../people/list-users.ts";
import { users } from "../people/schema.ts";
import { ratioPercent, sumKronor } from "../platform/money.ts";
import { ensurePeriodicReports, getReportingSettings } from "../reports/calendar.ts";
import { DEVIATION_STATUSES, listDeviationReports } from "../reports/deviation-reports.ts";
import {
  getFinalReport,
  listFinalReports,
  listFinalReportVersions,
} from "../reports/final-reports.ts";
import type {
  PeriodicReportContent,
  SteeringAnalysis,
} from "../reports/periodic-report-content.ts";
import { getPeriodicReport } from "../reports/periodic-reports.ts";
import { dashboardReports, summarise } from "../reports/report-dashboard.ts";
import { listReportComments, listReportVersions } from "../reports/report-versions.ts";
import { meetingAttachments, periodicReports } from "../reports/schema.ts";
import { documentKindOf, steeringGroupOf } from "../reports/steering-groups.ts";
import { DEMO_TODAY, seedDemo } from "./seed-demo.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const userId = async (email: string) => {
  const [row] = await t.db.select().from(users).where(eq(users.email, email));
  if (!row) throw new Error(`no demo user ${email}`);
  return row.id;
};

/** The demo's "today": the reports are due, submitted and locked up to it. */
const today = todayInSweden(DEMO_TODAY);

const initiativeNamed = async (name: string) => {
  const [row] = await t.db.select().from(initiatives).where(eq(initiatives.name, name));
  if (!row) throw new Error(`no demo initiative ${name}`);
  return row;
};

/** The status answers of a stored periodic report. */
const answersOf = (row: { content: Record<string, unknown> } | undefined) => {
  if (!row) throw new Error("no such report");
  return (row.content as unknown as PeriodicReportContent).answers;
};

describe("the demo association", () => {
  it("has a login for every role and a realistic initiative register", async () => {
    const logins = await seedDemo(t.db);
    expect(new Set(logins?.map((l) => l.role))).toEqual(
      new Set([
        "association_admin",
        "board_member",
        "initiative_lead",
        "steering_group_member",
        "participant_officer",
        "participant",
        "auditor",
      ]),
    );
    const rows = await t.db.select().from(initiatives);
    expect(rows.length).toBeGreaterThanOrEqual(15);
    expect(new Set(rows.map((r) => r.orientation))).toEqual(new Set(["individual", "structural"]));
    expect(new Set(rows.map((r) => r.status))).toEqual(
      new Set(["ansokan", "beviljad", "pagaende", "avslutad", "avslutad_i_fortid", "avslagen"]),
    );
    const early = rows.filter((r) => r.status === "avslutad_i_fortid");
    expect(early).toHaveLength(1);
    expect(early[0]?.plannedEndDate).not.toBeNull();
    expect(
      rows.every((r) => /^(Tierp|Uppsala|Enköping|Östhammar|Knivsta|Heby|Region), /.test(r.name)),
    ).toBe(true);
    const staff = await listUsers(t.db, rows[0]?.associationId ?? "");
    expect(staff.map((s) => s.email)).not.toContain("deltagare@demo.samspar.se");
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it("has an application in every status, made by the demo's people", async () => {
    const rows = await t.db.select().from(applications);
    const byStatus = new Map(rows.map((r) => [r.status, r]));
    expect([...byStatus.keys()].sort()).toEqual([...APPLICATION_STATUSES].sort());
    const initiativeOf = async (id: string) =>
      (await t.db.select().from(initiatives).where(eq(initiatives.id, id)))[0];
    const today = todayInSweden();

    // every application but the draft has a diarienummer of its arrival year, none in the future
    for (const a of rows.filter((r) => r.status !== "utkast")) {
      expect(a.registryNumber).toMatch(new RegExp(`^${a.arrivalDate?.slice(0, 4)}/\\d+$`));
      expect(a.arrivalDate && a.arrivalDate <= today).toBe(true);
    }
    expect(new Set(rows.map((r) => r.registryNumber)).size).toBe(rows.length);
    const inskickad = byStatus.get("inskickad");
    expect(inskickad).toMatchObject({ receivedOnPaper: true });

    const granted = byStatus.get("beviljad");
    if (!granted) throw new Error("no granted application");
    expect(granted).toMatchObject({
      decision: "beviljad",
      decisionMeeting: expect.stringMatching(/^Styrelsemöte 2026-\d\d-\d\d$/),
      decisionParagraph: expect.stringMatching(/^\d+$/),
    });
    expect(granted.decisionDate && granted.decisionDate <= today).toBe(true);
    const years = new Set(granted.content.budget.map((b) => b.year));
    expect(years.size).toBe(2);
    const total = granted.content.budget.reduce((sum, b) => sum + b.amount, 0);
    expect(granted.decidedAmount).toBe(total);
    for (const year of years) {
      const perYear = granted.content.budget
        .filter((b) => b.year === year)
        .reduce((s, b) => s + b.amount, 0);
      expect(perYear).toBeGreaterThanOrEqual(100_000);
    }
    expect(granted.content.coFinancing.length).toBeGreaterThan(0);
    expect((await initiativeOf(granted.initiativeId))?.status).toBe("pagaende");
    expect((await initiativeOf(byStatus.get("avslagen")?.initiativeId ?? ""))?.status).toBe(
      "avslagen",
    );

    const preparing = await getApplication(
      t.db,
      granted.associationId,
      byStatus.get("under_beredning")?.id ?? "",
    );
    expect(preparing?.comments.map((c) => c.authorName).sort()).toEqual([
      "Maria Lindqvist",
      "Per Sandberg",
    ]);
    expect(preparing?.allSigned).toBe(true);
    const returned = byStatus.get("komplettering");
    expect(returned?.returnMessage).toMatch(/\S/);
    const returnedDetails = await getApplication(t.db, granted.associationId, returned?.id ?? "");
    expect(returnedDetails?.parties.every((p) => p.signature?.method === "link")).toBe(true);

    // the history names the people who did each step
    const history = await listApplicationVersions(t.db, granted.id);
    expect(history.map((v) => v.event).reverse()).toEqual([
      "created",
      "registered",
      "preparation_started",
      "decided",
    ]);
    expect(new Set(history.map((v) => v.actorName))).toEqual(new Set(["Maria Lindqvist"]));
  });

  it("lets the initiative lead continue the draft she began", async () => {
    const [draft] = await t.db.select().from(applications).where(eq(applications.status, "utkast"));
    if (!draft) throw new Error("no draft");
    const leadId = await userId("insatsansvarig@demo.samspar.se");
    expect(draft.createdBy).toBe(leadId);
    expect(draft.content.purpose).not.toBe("");
    expect(draft.content.budget).toEqual([]);
    const history = await listApplicationVersions(t.db, draft.id);
    expect(history.map((v) => v.actorName)).toEqual(["Leila Haddad", "Leila Haddad"]);
    const lead = await loadPrincipal(t.db, leadId, { type: "session" });
    expect(canOnInitiative(lead, "application.edit", draft.associationId, draft.initiativeId)).toBe(
      true,
    );
    // and no one else's: the granted application is not hers to edit
    const [granted] = await t.db
      .select()
      .from(applications)
      .where(eq(applications.status, "beviljad"));
    expect(
      canOnInitiative(lead, "application.edit", draft.associationId, granted?.initiativeId ?? ""),
    ).toBe(false);
    const coach = await loadPrincipal(t.db, await userId("coach@demo.samspar.se"), {
      type: "session",
    });
    expect(
      canOnInitiative(coach, "application.edit", draft.associationId, draft.initiativeId),
    ).toBe(false);
  });

  it("is seeded once", async () => {
    const before = await t.db.$count(initiatives);
    const applicationsBefore = await t.db.$count(applications);
    const reportsBefore = await t.db.$count(periodicReports);
    const requisitionsBefore = await t.db.$count(requisitions);
    expect(await seedDemo(t.db)).toBeUndefined();
    expect(await t.db.$count(initiatives)).toBe(before);
    expect(await t.db.$count(applications)).toBe(applicationsBefore);
    expect(await t.db.$count(periodicReports)).toBe(reportsBefore);
    expect(await t.db.$count(requisitions)).toBe(requisitionsBefore);
  });
});

describe("the demo's reporting", () => {
  it("has a quarterly calendar from 2025 and only a handful of late reports", async () => {
    const { associationId } = await initiativeNamed("Tierp, Växtverket");
    expect(await getReportingSettings(t.db, associationId)).toMatchObject({
      cadence: "quarter",
      dueMonthsAfter: 1,
      remindDaysBefore: 7,
      followUpPeriods: ["halfyear", "year"],
      reportsFrom: "2025-01-01",
    });
    // every report the calendar asks for up to the demo's today is there already
    expect(await ensurePeriodicReports(t.db, associationId, today)).toBe(0);
    const reports = await dashboardReports(t.db, associationId, "all", today);
    expect(reports.every((r) => r.periodStart >= "2025-01-01")).toBe(true);
    const counts = summarise(reports);
    expect(counts.overdue).toBe(3);
    expect(counts.awaitingReview).toBe(1);
    expect(counts.returned).toBe(0);
    expect(counts.locked).toBeGreaterThan(50);
    // the late ones are drafts of the third quarter of 2026; the fourth is not yet due
    const late = reports.filter((r) => r.overdue);
    expect(late.map((r) => r.initiativeName).sort()).toEqual([
      "Enköping, Steget vidare",
      "Tierp, Växtverket",
      "Uppsala, Kompetenslyft samverkan",
    ]);
    expect(new Set(late.map((r) => `${r.periodKey} ${r.status}`))).toEqual(
      new Set(["2026-K3 utkast"]),
    );
    const current = reports.filter((r) => r.periodKey === "2026-K4");
    expect(current.length).toBeGreaterThan(5);
    expect(current.every((r) => r.status === "utkast" && !r.overdue)).toBe(true);
    // one waits for review, sent in late; one more came in late in 2025
    const waiting = reports.find((r) => r.status === "inskickad");
    expect(waiting).toMatchObject({
      initiativeName: "Region, Länsgemensam ESF-insats Vidare",
      periodKey: "2026-K3",
      submittedLate: true,
      registryNumber: null,
    });
    expect(
      reports.filter((r) => r.submittedLate).map((r) => `${r.initiativeName} ${r.periodKey}`),
    ).toEqual(
      expect.arrayContaining([
        "Östhammar, Arbetsbryggan 2025-K3",
        "Region, Länsgemensam ESF-insats Vidare 2026-K3",
      ]),
    );
    // every locked report is registered, with a diarienummer of its arrival year, none twice
    const locked = reports.filter((r) => r.status === "last");
    for (const r of locked) {
      expect(r.registryNumber).toMatch(new RegExp(`^${r.arrivalDate?.slice(0, 4)}/\\d+$`));
      expect(r.arrivalDate && r.arrivalDate > r.periodEnd && r.arrivalDate <= today).toBe(true);
    }
    expect(new Set(locked.map((r) => r.registryNumber)).size).toBe(locked.length);
    // the ended initiatives reported their last periods too
    expect(
      locked.filter((r) => r.initiativeName === "Uppsala, Jobbspår").map((r) => r.periodKey),
    ).toEqual(["2025-K4", "2025-K3", "2025-K2", "2025-K1"]);
  });

  it("has Växtverket's reports written by its lead, 2.6 by its steering group, one returned first", async () => {
    const vaxtverket = await initiativeNamed("Tierp, Växtverket");
    const rows = await t.db
      .select()
      .from(periodicReports)
      .where(eq(periodicReports.initiativeId, vaxtverket.id))
      .orderBy(periodicReports.periodEnd);
    expect(rows.map((r) => `${r.periodKey} ${r.status}`)).toEqual([
      "2025-K1 last",
      "2025-K2 last",
      "2025-K3 last",
      "2025-K4 last",
      "2026-K1 last",
      "2026-K2 last",
      "2026-K3 utkast",
      "2026-K4 utkast",
    ]);
    for (const row of rows.filter((r) => r.status === "last")) {
      const report = await getPeriodicReport(t.db, vaxtverket.associationId, row.id);
      const content = report?.content as PeriodicReportContent;
      expect(content.activities).not.toBe("");
      expect(content.reportedBy).toBe("Leila Haddad");
      expect(content.goals.map((g) => g.assessment)).not.toContain(null);
      expect(Object.values(content.answers).filter((a) => a.answer === null)).toEqual([]);
      const analysis = row.steeringAnalysis as unknown as SteeringAnalysis;
      expect(analysis.writtenBy).toBe("Johan Ek, ordförande");
      expect(analysis.goalFulfilment).not.toBe("");
      const versions = await listReportVersions(t.db, "periodic", row.id);
      expect(versions[0]).toMatchObject({ event: "locked", actorName: "Maria Lindqvist" });
      expect(versions.find((v) => v.event === "saved")?.actorName).toBe("Leila Haddad");
      expect(versions.find((v) => v.event === "steering_analysis_saved")?.actorName).toBe(
        "Johan Ek",
      );
      expect(row.version).toBe(versions.length);
    }
    // the answers Samspår derives come from the meetings: an ordinary member was away in May 2025
    const byKey = new Map(rows.map((r) => [r.periodKey, r]));
    const answers = (key: string) => answersOf(byKey.get(key));
    expect(answers("2025-K1").steeringMeetingsAsAgreed.answer).toBe("ja");
    expect(answers("2025-K1").allOrdinaryAttended.answer).toBe("ja");
    expect(answers("2025-K2").allOrdinaryAttended.answer).toBe("nej");
    expect(answers("2025-K4").inPhase.answer).toBe("ja_kommentar");
    // completed and locked before its due date: every report of Växtverket came in on time
    for (const row of rows.filter((r) => r.status === "last")) {
      expect(todayInSweden(row.submittedAt ?? new Date()) <= row.dueDate).toBe(true);
      expect(answersOf(row).followUpAsAgreed.answer).toBe("ja");
    }

    // returned for completion, completed, then locked: the history keeps every step
    const returned = byKey.get("2025-K4");
    const history = await listReportVersions(t.db, "periodic", returned?.id ?? "");
    expect(history.map((v) => v.event).reverse()).toEqual([
      "created",
      "saved",
      "submitted",
      "registered",
      "steering_analysis_saved",
      "returned",
      "saved",
      "resubmitted",
      "locked",
    ]);
    const comments = await listReportComments(t.db, "periodic", returned?.id ?? "");
    expect(comments.map((c) => c.authorName)).toEqual(["Maria Lindqvist"]);
    expect(comments[0]?.text).toMatch(/^Komplettera 2\.3/);

    // the journey of the lead starts from an untouched draft of the latest ended period
    const draft = byKey.get("2026-K3");
    expect(draft?.version).toBe(1);
    expect(
      await listDeviationReports(t.db, vaxtverket.associationId, { visible: [vaxtverket.id] }),
    ).toEqual([]);
  });

  it("has steering groups that meet every quarter, with attendance and minutes", async () => {
    const vaxtverket = await initiativeNamed("Tierp, Växtverket");
    const group = await steeringGroupOf(t.db, vaxtverket.id, DEMO_TODAY);
    expect(group.members).toHaveLength(7);
    const chair = group.members.find((m) => m.name === "Johan Ek");
    expect(chair).toMatchObject({
      membership: "ordinarie",
      organisationName: "Tierps kommun",
      accountEmail: "styrgruppen@demo.samspar.se",
      state: "current",
    });
    expect(group.members.filter((m) => m.state === "former").map((m) => m.name)).toEqual([
      "Anders Lund",
    ]);
    const held = group.meetings.filter((m) => m.held);
    const planned = group.meetings.filter((m) => !m.held);
    expect(held).toHaveLength(8);
    expect(planned.map((m) => m.meetingDate)).toEqual(["2027-02-10"]);
    expect(held.every((m) => m.attendance.recorded && m.decisions !== "")).toBe(true);
    expect(held.find((m) => m.meetingDate === "2025-05-14")?.attendance).toMatchObject({
      ordinary: 4,
      presentOrdinary: 3,
      present: 4,
    });
    const quarters = new Set(
      held.map(
        (m) => `${m.meetingDate.slice(0, 4)}-${Math.ceil(Number(m.meetingDate.slice(5, 7)) / 3)}`,
      ),
    );
    expect(quarters.size).toBe(8);
    // minutes on the latest meetings: small PDFs that say what was decided
    const withMinutes = held.filter((m) => m.documents > 0);
    expect(withMinutes.length).toBeGreaterThanOrEqual(3);
    const minutes = await t.db
      .select()
      .from(meetingAttachments)
      .where(
        eq(
          meetingAttachments.meetingId,
          withMinutes.find((m) => m.meetingDate === "2026-05-13")?.id ?? "",
        ),
      );
    expect(minutes).toHaveLength(1);
    const pdf = minutes[0];
    if (!pdf) throw new Error("no minutes");
    expect(pdf).toMatchObject({
      fileName: "Protokoll styrgrupp 2026-05-13.pdf",
      mediaType: "application/pdf",
    });
    expect(documentKindOf(pdf.data)).toBe("pdf");
    const text = squash((await pdfText(pdf.data)).pages.join("\n"));
    expect(text).toContain(squash("Överlämningsplanen godkändes"));
    expect(text).toContain(squash("Anmält förhinder"));
    expect(text).toContain(squash("Birgitta Sund"));

    // Arbetsbryggan did not meet in the third quarter of 2025, and its report says so
    const bryggan = await initiativeNamed("Östhammar, Arbetsbryggan");
    const [q3] = await t.db
      .select()
      .from(periodicReports)
      .where(
        and(eq(periodicReports.initiativeId, bryggan.id), eq(periodicReports.periodKey, "2025-K3")),
      );
    expect(answersOf(q3).steeringMeetingsAsAgreed.answer).toBe("nej");
    const comments = await listReportComments(t.db, "periodic", q3?.id ?? "");
    expect(comments.map((c) => c.field)).toEqual(["answers.steeringMeetingsAsAgreed"]);
  });

  it("has deviation reports in every status, the approved ones applied to their initiatives", async () => {
    const { associationId } = await initiativeNamed("Tierp, Växtverket");
    const all = await listDeviationReports(t.db, associationId, { visible: "all" });
    expect(new Set(all.map((d) => d.status))).toEqual(new Set(DEVIATION_STATUSES));
    const of = (name: string) => all.find((d) => d.initiativeName === name);
    expect(of("Heby, IPS – individanpassat stöd till arbete")).toMatchObject({
      status: "godkand",
      request: "forlangning",
      decisionBody: "styrelse",
    });
    expect((await initiativeNamed("Heby, IPS – individanpassat stöd till arbete")).endDate).toBe(
      "2027-06-30",
    );
    expect(of("Knivsta, Unga i fokus")).toMatchObject({
      status: "godkand",
      request: "andrad_malgrupp",
      decisionBody: "kansli",
    });
    expect((await initiativeNamed("Knivsta, Unga i fokus")).targetGroup).toMatch(/^Unga 16–29 år/);
    expect(of("Region, Samverkansteam psykiatri")).toMatchObject({
      status: "avslagen",
      decisionBody: "styrelse",
    });
    const waiting = of("Heby, Arbete först");
    expect(waiting).toMatchObject({ status: "inskickad", decisionDate: null });
    expect(waiting?.registryNumber).toMatch(/^2026\/\d+$/);
    // a budget deviation submitted in a period shows in that period's report
    const team = await initiativeNamed("Region, Samverkansteam psykiatri");
    const [q2] = await t.db
      .select()
      .from(periodicReports)
      .where(
        and(eq(periodicReports.initiativeId, team.id), eq(periodicReports.periodKey, "2026-K2")),
      );
    expect(answersOf(q2).budgetDeviationSubmitted.answer).toBe("ja");
  });

  it("has the locked final report of an ended initiative", async () => {
    const jobbspar = await initiativeNamed("Uppsala, Jobbspår");
    const finals = await listFinalReports(t.db, jobbspar.associationId, { visible: "all" });
    expect(finals).toHaveLength(1);
    expect(finals[0]).toMatchObject({
      initiativeName: "Uppsala, Jobbspår",
      initiativeStatus: "avslutad",
      status: "last",
      arrivalDate: "2026-02-18",
    });
    const versions = await listFinalReportVersions(t.db, finals[0]?.id ?? "");
    expect(versions.map((v) => v.event).reverse()).toEqual([
      "created",
      "saved",
      "submitted",
      "locked",
    ]);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});

/** The demo's initiatives that have money: running or ended, with dates. */
const moneyInitiatives = async () =>
  (
    await t.db
      .select()
      .from(initiatives)
      .where(inArray(initiatives.status, ["pagaende", "avslutad", "avslutad_i_fortid"]))
      .orderBy(asc(initiatives.name))
  ).filter((i) => i.startDate && i.endDate);

/** The quarters whose periodic report says a post funded by the association was vacant. */
const vacancies = async () =>
  (await t.db.select().from(periodicReports))
    .filter((r) => {
      const answers = (r.content as unknown as Partial<PeriodicReportContent>).answers;
      return answers?.vacanciesFunded?.answer === "ja";
    })
    .map((r) => ({ initiativeId: r.initiativeId, periodKey: r.periodKey }));

describe("the demo's money", () => {
  it("has the members' funds of 2025 and 2026, split by population, 2026 opening with 2025's closing", async () => {
    const { associationId } = await initiativeNamed("Tierp, Växtverket");
    const y2025 = await yearOverview(t.db, associationId, 2025, today);
    const y2026 = await yearOverview(t.db, associationId, 2026, today);
    for (const { funding } of [y2025, y2026]) {
      expect(funding.saved).toBe(true);
      expect(funding.split.unassigned).toBe(0);
      expect(sumKronor(funding.split.rows.map((r) => r.amount))).toBe(funding.totalAllocation);
      const part = (name: string) => funding.split.rows.find((r) => r.name === name);
      expect(part("Försäkringskassan")?.amount).toBe(funding.totalAllocation / 2);
      expect(part("Arbetsförmedlingen")).toMatchObject({ amount: 0, basis: "paidByFk" });
      expect(part("Region Uppsala")?.amount).toBe(funding.totalAllocation / 4);
      expect(part("Uppsala kommun")).toMatchObject({ keyValue: 242_140, basis: "key" });
      // the municipalities' quarter by population: Uppsala's is the largest part of it
      const municipalities = funding.split.rows.filter((r) => r.group === "kommun");
      expect(municipalities).toHaveLength(6);
      expect(sumKronor(municipalities.map((r) => r.amount))).toBe(funding.totalAllocation / 4);
      expect(Math.max(...municipalities.map((r) => r.amount))).toBe(part("Uppsala kommun")?.amount);
    }
    expect(y2026.funding.totalAllocation).toBeGreaterThan(y2025.funding.totalAllocation);
    expect(y2025.funding.adminOutcome).not.toBeNull();
    expect(y2026.funding.adminOutcome).toBeNull();
    expect(y2026.funding.equityOpening).toBe(y2025.equity.closing);
    // a modest equity: below a quarter of the year's funds
    expect(y2025.equity.closing).toBeGreaterThan(0);
    expect(y2025.equity.closing).toBeLessThan(y2025.funding.totalAllocation / 4);
  });

  it("has a decided budget for every running and ended initiative, its sums adding up", async () => {
    const list = await moneyInitiatives();
    expect(list.length).toBeGreaterThanOrEqual(13);
    for (const i of list) {
      const { current, periods } = await getCurrentBudget(t.db, i.associationId, i.id);
      if (!current) throw new Error(`no budget for ${i.name}`);
      expect(current.status).toBe("gallande");
      const keys = new Set(periods.map((p) => p.key));
      expect(current.lines.every((l) => keys.has(l.periodKey) && l.amount >= 0)).toBe(true);
      const { totals } = current;
      expect(totals.association).toBeGreaterThan(0);
      expect(totals.coFinancing).toBeGreaterThan(0);
      expect(sumKronor(Object.values(totals.byCategory))).toBe(totals.total);
      expect(sumKronor(totals.byPeriod.map((p) => p.total))).toBe(totals.total);
      expect(sumKronor(totals.byYear.map((y) => y.total))).toBe(totals.total);
      expect(totals.association + totals.coFinancing).toBe(totals.total);
      expect(sumKronor(totals.byParty.map((p) => p.total))).toBe(totals.coFinancing);
      for (const p of totals.byPeriod) expect(sumKronor(Object.values(p.byCategory))).toBe(p.total);
      // kept in Samspår from 2025
      expect((totals.byPeriod[0]?.periodKey ?? "") >= "2025-K1").toBe(true);
    }
    // the granted application's budget, spread over the initiative's quarters
    const arbeteForst = await initiativeNamed("Heby, Arbete först");
    const [granted] = await t.db
      .select()
      .from(applications)
      .where(eq(applications.initiativeId, arbeteForst.id));
    const { versions } = await listBudgetVersions(t.db, arbeteForst.associationId, arbeteForst.id);
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ kind: "beslut", version: 1 });
    expect(versions[0]?.reason).toMatch(/^Budget enligt beviljad ansökan 2026\/\d+/);
    expect(versions[0]?.totals.association).toBe(granted?.decidedAmount);
    expect(versions[0]?.totals.byPeriod.map((p) => p.periodKey)).toEqual([
      "2026-K3",
      "2026-K4",
      "2027-K1",
      "2027-K2",
      "2027-K3",
      "2027-K4",
    ]);
    // the ESF project counts the participants' benefits as co-financing
    const esf = await initiativeNamed("Region, Länsgemensam ESF-insats Vidare");
    const esfBudget = (await getCurrentBudget(t.db, esf.associationId, esf.id)).current;
    expect(esfBudget?.totals.byParty.some((p) => p.byKind.deltagarersattning > 0)).toBe(true);
  });

  it("re-phases Steget vidare's budget after its approved deviation report, keeping the totals", async () => {
    const steget = await initiativeNamed("Enköping, Steget vidare");
    const deviations = await listDeviationReports(t.db, steget.associationId, {
      visible: [steget.id],
    });
    expect(deviations).toHaveLength(1);
    expect(deviations[0]).toMatchObject({
      status: "godkand",
      request: "flytta_medel",
      decisionBody: "styrelse",
    });
    const { versions } = await listBudgetVersions(t.db, steget.associationId, steget.id);
    const [after, before] = versions;
    expect(versions.map((v) => `${v.version} ${v.kind} ${v.status}`)).toEqual([
      "2 omfordelning gallande",
      "1 beslut ersatt",
    ]);
    expect(after?.deviationReport?.id).toBe(deviations[0]?.id);
    expect(after?.totals.total).toBe(before?.totals.total);
    expect(after?.totals.association).toBe(before?.totals.association);
    expect(after?.totals.byParty).toEqual(before?.totals.byParty);
    const year = (v: typeof after, y: number) =>
      v?.totals.byYear.find((b) => b.year === y)?.association ?? 0;
    expect(year(before, 2025) - year(after, 2025)).toBe(90_000);
    expect(year(after, 2026) - year(before, 2026)).toBe(90_000);
    const [report] = await rephasingReports(t.db, steget.associationId, steget.id);
    expect(report).toMatchObject({ requestedAmount: 90_000, usedInVersion: 2 });
  });

  it("has requisitions in every status: the ended quarters to 2026-K2 approved and paid", async () => {
    const { associationId } = await initiativeNamed("Tierp, Växtverket");
    const all = await listRequisitions(t.db, associationId, { visible: "all" });
    expect(new Set(all.map((r) => r.status))).toEqual(new Set(REQUISITION_STATUSES));
    const settled = all.filter((r) => r.periodKey <= "2026-K2");
    expect(settled.length).toBeGreaterThan(40);
    for (const r of settled) {
      expect(r).toMatchObject({ status: "godkand", paymentStatus: "betald" });
      expect(r.attachments).toBe(1);
      expect(r.paidOn && r.paidOn <= today && r.paidOn > r.periodEnd).toBe(true);
    }
    // every ended quarter from 2025 of every initiative with money has its requisition, but one
    for (const i of await moneyInitiatives()) {
      const { periods } = await getCurrentBudget(t.db, i.associationId, i.id);
      const ended = periods.filter((p) => p.start >= "2025-01-01" && p.end < today);
      const claimed = all.filter((r) => r.initiativeId === i.id).map((r) => r.periodKey);
      const missing = ended.map((p) => p.key).filter((k) => !claimed.includes(k));
      expect(missing).toEqual(i.name === "Enköping, Steget vidare" ? ["2026-K3"] : []);
    }
    // the third quarter of 2026 is still being handled
    const q3 = new Map(
      all.filter((r) => r.periodKey === "2026-K3").map((r) => [r.initiativeName, r]),
    );
    expect(q3.get("Tierp, Växtverket")).toMatchObject({ status: "utkast", version: 2 });
    expect(q3.get("Region, Länsgemensam ESF-insats Vidare")?.status).toBe("inskickad");
    expect(q3.get("Uppsala, Kompetenslyft samverkan")).toMatchObject({
      status: "aterskickad",
      attachments: 0,
    });
    expect(
      [...q3.values()].filter((r) => r.status === "godkand" && r.paymentStatus === "ej_betald"),
    ).toHaveLength(2);

    // a paid requisition's history reads in order, with the owner's ledger extract
    const paid = settled.find((r) => r.initiativeName === "Tierp, Växtverket");
    const details = await getRequisition(t.db, associationId, paid?.id ?? "");
    expect(details?.version).toBe(6);
    expect(details?.events.map((e) => e.event).reverse()).toEqual([
      "skapad",
      "sparad",
      "bilaga_tillagd",
      "inskickad",
      "godkand",
      "betald",
    ]);
    const times = details?.events.map((e) => e.createdAt.getTime()) ?? [];
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(details?.events.find((e) => e.event === "sparad")?.actorName).toBe("Leila Haddad");
    expect(details?.events.find((e) => e.event === "godkand")?.actorName).toBe("Maria Lindqvist");
    const [file] = await t.db
      .select()
      .from(requisitionAttachments)
      .where(eq(requisitionAttachments.requisitionId, paid?.id ?? ""));
    if (!file) throw new Error("no ledger extract");
    expect(documentKindOf(file.data)).toBe("pdf");
    const text = squash((await pdfText(file.data)).pages.join("\n"));
    expect(text).toContain(squash("Utdrag ur huvudboken"));
    expect(text).toContain(squash("Tierps kommun"));

    // the returned one names what is missing; the lead may complete her draft
    const returned = await getRequisition(
      t.db,
      associationId,
      q3.get("Uppsala, Kompetenslyft samverkan")?.id ?? "",
    );
    expect(returned?.returnReason).toMatch(/^Underlaget saknas/);
    const draft = q3.get("Tierp, Växtverket");
    const lead = await loadPrincipal(t.db, await userId("insatsansvarig@demo.samspar.se"), {
      type: "session",
    });
    expect(
      canOnInitiative(lead, "requisition.write", associationId, draft?.initiativeId ?? ""),
    ).toBe(true);
  });

  it("claims less in the quarters whose report says a funded post was vacant", async () => {
    const found = await vacancies();
    expect(found.length).toBeGreaterThanOrEqual(3);
    let compared = 0;
    for (const v of found) {
      const [i] = await t.db.select().from(initiatives).where(eq(initiatives.id, v.initiativeId));
      if (!i) throw new Error("no initiative");
      // against the decided budget, before any re-phasing
      const { versions } = await listBudgetVersions(t.db, i.associationId, i.id);
      const decided = versions.find((x) => x.version === 1);
      const budgetOf = (key: string) =>
        decided?.totals.byPeriod.find((p) => p.periodKey === key)?.association ?? 0;
      const money = await initiativeMoney(t.db, i.associationId, i.id, today);
      const approved = money.periods.filter((p) => p.requisition?.status === "godkand");
      const ratio = (p: { periodKey: string; outcome: number }) =>
        ratioPercent(p.outcome, budgetOf(p.periodKey)) ?? 0;
      const vacant = approved.find((p) => p.periodKey === v.periodKey);
      if (!vacant) throw new Error(`no approved requisition for ${i.name} ${v.periodKey}`);
      const others = approved.filter((p) => p.periodKey !== v.periodKey);
      if (others.length) compared++;
      for (const other of others) expect(ratio(vacant)).toBeLessThan(ratio(other));
      expect(ratio(vacant)).toBeLessThan(95);
    }
    expect(compared).toBeGreaterThanOrEqual(2);
  });

  it("shows every prognosis in 2026: mostly OK, a few to watch, one to act on, the ended", async () => {
    const { associationId } = await initiativeNamed("Tierp, Växtverket");
    const { money } = await yearOverview(t.db, associationId, 2026, today);
    const by = (prognosis: string) =>
      money.initiatives.filter((i) => i.prognosis === prognosis).map((i) => i.name);
    expect(by("ok").length).toBeGreaterThan(by("bevaka").length);
    expect(by("bevaka").length).toBeGreaterThanOrEqual(2);
    expect(by("atgard")).toEqual(["Heby, Arbete först"]);
    expect(by("avslutad")).toEqual(["Uppsala, Jobbspår"]);
    // the one to act on has its vacancy in the quarter
    const arbeteForst = await initiativeNamed("Heby, Arbete först");
    expect(await vacancies()).toContainEqual({
      initiativeId: arbeteForst.id,
      periodKey: "2026-K3",
    });
    // the office judges Växtverket's prognosis while its third quarter is not yet claimed
    const vaxtverket = money.initiatives.find((i) => i.name === "Tierp, Växtverket");
    expect(vaxtverket).toMatchObject({
      prognosis: "ok",
      suggested: { prognosis: "bevaka" },
      latestPeriodKey: "2026-K3",
    });
    const overrides = await listPrognosisOverrides(
      t.db,
      associationId,
      vaxtverket?.initiativeId ?? "",
    );
    expect(overrides).toHaveLength(1);
    expect(overrides[0]).toMatchObject({ periodKey: "2026-K3", setByName: "Maria Lindqvist" });
    expect(overrides[0]?.comment).toMatch(/\S/);
    // Jobbspår returned funds after its final report, with the reason
    const jobbspar = await initiativeNamed("Uppsala, Jobbspår");
    const returned = await listReturnedFunds(t.db, associationId, { initiativeId: jobbspar.id });
    expect(returned).toHaveLength(1);
    // as its final report says
    const [final] = await listFinalReports(t.db, associationId, { visible: [jobbspar.id] });
    const content = (await getFinalReport(t.db, associationId, final?.id ?? ""))?.content;
    expect(content?.returnedFunds).toMatchObject({ returned: "ja", amount: 85_000 });
    expect(returned[0]).toMatchObject({ year: 2026, amount: 85_000 });
    expect(returned[0]?.reason).toMatch(/^Lokalkostnaderna 2025 blev lägre än budgeterat/);
    expect(money.totals.all.returned).toBe(85_000);

    // 2025 is over: its ended initiatives are closed, the rest within the band
    const past = (await yearOverview(t.db, associationId, 2025, today)).money;
    for (const i of past.initiatives) {
      if (i.status === "pagaende") expect(i.prognosis).toBe("ok");
      else expect(i.prognosis).toBe("avslutad");
    }
    expect(past.initiatives.filter((i) => i.prognosis === "avslutad")).toHaveLength(3);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});

describe("the demo's participant register", () => {
  it("has a participant register: a few hundred plausible participants, stable, with suppressed statistics", async () => {
    // (imported here: this test is the register's part of the demo's test)
    const { inRegister } = await import("../register/zone.ts");
    const { accessLog, countOnlyParticipation, enrollments, erasures, participants, consents } =
      await import("../register/schema.ts");
    const { createRegisterCrypto, loadRegisterKey } = await import("../register/crypto.ts");
    const { formatFull, parsePersonalNumber } = await import("../register/identity.ts");
    const { readConfig } = await import("../platform/config.ts");
    const { registerStatistics } = await import("../register/aggregates.ts");
    const { toWorkOrStudies } = await import("../register/codes.ts");
    const { demoRegisterInitiatives, planDemoRegister } = await import("./demo-participants.ts");

    const { associationId } = await initiativeNamed("Tierp, Växtverket");
    const held = await demoRegisterInitiatives(t.db, associationId, today);
    const scope = {
      controllers: [...new Set(held.map((i) => i.ownerId))],
      initiatives: held.map((i) => i.id),
    };
    const stored = await inRegister(t.db, scope, async (tx) => ({
      people: await tx.select().from(participants),
      enrolled: await tx.select().from(enrollments),
      consented: await tx.select().from(consents),
      counts: await tx.select().from(countOnlyParticipation),
      erased: await tx.select().from(erasures),
      log: await tx.select().from(accessLog),
    }));
    const { people, enrolled, consented, counts, erased, log } = stored;

    // a few hundred enrollments, in the individual initiatives, from January 2025 to today
    expect(enrolled.length).toBeGreaterThanOrEqual(300);
    expect(enrolled.length).toBeLessThanOrEqual(600);
    const byId = new Map(held.map((i) => [i.id, i]));
    for (const e of enrolled) {
      const initiative = byId.get(e.initiativeId);
      expect(initiative?.orientation).toBe("individual");
      expect(e.startDate >= "2025-01-01" && e.startDate <= today).toBe(true);
      expect(e.startDate >= (initiative?.startDate ?? "")).toBe(true);
      // an ended initiative has nobody left; a running one may
      const end = initiative?.endDate ?? null;
      if (end && end <= today) expect(e.endDate !== null && e.endDate <= end).toBe(true);
      else if (end && e.endDate) expect(e.endDate <= end).toBe(true);
      if (e.endDate) expect(e.endDate <= today).toBe(true);
    }
    const perInitiative = new Set(enrolled.map((e) => e.initiativeId));
    expect(perInitiative.size).toBeGreaterThanOrEqual(8);
    // some come back: a participant with more than one enrollment
    const perPerson = new Map<string, number>();
    for (const e of enrolled)
      perPerson.set(e.participantId, (perPerson.get(e.participantId) ?? 0) + 1);
    expect([...perPerson.values()].filter((n) => n > 1).length).toBeGreaterThanOrEqual(3);

    // about 70 % consented and have a valid fictional number (serial 98x/99x), the rest anonymous
    const consentedPeople = new Set(consented.map((c) => c.participantId));
    const share = consentedPeople.size / people.length;
    expect(share).toBeGreaterThan(0.6);
    expect(share).toBeLessThan(0.8);
    const crypto = createRegisterCrypto(loadRegisterKey({ dataDir: readConfig().dataDir }).key);
    const identified = people.filter((p) => p.identityCiphertext);
    for (const p of identified) {
      const canonical = crypto.decrypt(p.identityCiphertext ?? "");
      const parsed = parsePersonalNumber(formatFull(canonical), today);
      expect(parsed.ok, canonical).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.value.kind).toBe(p.identityKind);
      expect(parsed.value.birthYear).toBe(p.birthYear);
      expect(canonical.slice(8, 10)).toMatch(/^9[89]$/);
      expect(p.identityLookup).toBe(crypto.lookupHash(canonical));
      expect(p.anonymous).toBe(false);
    }
    expect(identified.some((p) => p.identityKind === "samordningsnummer")).toBe(true);
    // withdrawn consent: the identity erased and recorded, the statistics kept
    expect(erased.length).toBeGreaterThanOrEqual(1);
    for (const e of erased) {
      const p = people.find((x) => x.id === e.participantId);
      expect(p?.identityCiphertext).toBeNull();
      expect(p?.erasedAt).not.toBeNull();
      expect(e.reason).toBe("samtycke_aterkallat");
    }
    expect(people.filter((p) => p.protectedIdentity).every((p) => p.anonymous)).toBe(true);
    for (const p of people.filter((x) => !consentedPeople.has(x.id)))
      expect(p.identityCiphertext).toBeNull();

    // gender mix, ages 18–64 at start, background with the usual support and referrers
    const women = people.filter((p) => p.gender === "kvinna").length / people.length;
    expect(women).toBeGreaterThan(0.45);
    expect(women).toBeLessThan(0.7);
    expect(people.some((p) => !["kvinna", "man"].includes(p.gender))).toBe(true);
    for (const e of enrolled) {
      const p = people.find((x) => x.id === e.participantId);
      const age = Number(e.startDate.slice(0, 4)) - (p?.birthYear ?? 0);
      expect(age >= 18 && age <= 64, `${age}`).toBe(true);
    }
    const backgrounds = enrolled.map((e) => e.background as Record<string, unknown>);
    const supports = new Set(backgrounds.flatMap((b) => b.supportBefore as string[]));
    for (const s of ["forsorjningsstod", "sjukpenning", "aktivitetsersattning"])
      expect(supports).toContain(s);
    const referrers = new Set(backgrounds.map((b) => b.referrer));
    for (const r of ["arbetsformedlingen", "forsakringskassan", "kommun"])
      expect(referrers).toContain(r);

    // exits over time: 30–40 % to work or studies, a few felregistreringar that void
    const exited = enrolled.filter((e) => e.exit && !e.voided);
    const toWorkOrStudy = exited.filter((e) =>
      toWorkOrStudies(e.exit as { status: string; studies?: boolean }),
    );
    expect(exited.length).toBeGreaterThan(100);
    expect(toWorkOrStudy.length / exited.length).toBeGreaterThanOrEqual(0.3);
    expect(toWorkOrStudy.length / exited.length).toBeLessThanOrEqual(0.4);
    const voided = enrolled.filter((e) => e.voided);
    expect(voided.length).toBeGreaterThanOrEqual(1);
    for (const e of voided) expect((e.exit as { status: string }).status).toBe("felregistrering");
    expect(enrolled.some((e) => e.endDate === null)).toBe(true);

    // count-only participation of the structural initiatives, by quarter
    const structural = held.filter((i) => i.orientation === "structural");
    expect(structural.length).toBeGreaterThanOrEqual(2);
    for (const i of structural)
      expect(counts.filter((c) => c.initiativeId === i.id).length).toBeGreaterThanOrEqual(2);
    for (const c of counts) expect(c.periodKey).toMatch(/^20(25|26)-K[1-4]$/);

    // the access log holds the work: registrations, exits, the coach's reads, reveals and refusals
    expect(log.length).toBeGreaterThan(enrolled.length);
    const coach = log.filter((l) => l.actorRole === "participant_officer");
    expect(new Set(coach.map((l) => l.action))).toEqual(
      new Set(["change", "read", "search", "reveal"]),
    );
    expect(log.some((l) => l.outcome === "denied")).toBe(true);
    expect(log.every((l) => l.at.getTime() <= DEMO_TODAY.getTime() + 86_400_000)).toBe(true);

    // stable: the register is exactly the demo's plan for its initiatives
    const plan = planDemoRegister(held, today);
    expect(plan.enrollments.map((e) => e.externalKey).sort()).toEqual(
      enrolled.map((e) => e.externalKey).sort(),
    );
    expect(planDemoRegister(held, today)).toEqual(plan);

    // the statistics come out with figures hidden, for a half-year and for the whole time
    for (const [from, to] of [
      ["2026-01-01", "2026-06-30"],
      ["2025-01-01", "2026-11-23"],
    ] as const) {
      const stats = await registerStatistics(t.db, associationId, { from, to });
      expect(stats.disclosure.primary).toBeGreaterThan(0);
      expect(stats.disclosure.secondary).toBeGreaterThan(0);
      const whole = stats.individualTotal?.tables
        .flatMap((table) => table.rows)
        .find((row) => row.key === "hela_insatstiden");
      const total = whole?.totalt;
      expect(total && "value" in total ? total.value : 0).toBeGreaterThan(100);
      expect(stats.structuralTotal).not.toBeNull();
    }
  });
});
