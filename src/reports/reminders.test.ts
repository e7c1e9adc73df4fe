// Report reminders against a real database, on fixed days: ahead of the due date once, overdue
// the day after and then weekly with a copy to the office, never for submitted or locked
// reports, and once only when two runs race each other.
import { and, asc, eq } from "drizzle-orm";
import { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { createAssociation } from "../associations/create-association.ts";
import { addMemberOrganisation } from "../associations/member-organisations.ts";
import { createInitiative } from "../initiatives/save-initiative.ts";
import { mailMessages } from "../mail/schema.ts";
import { createMailer } from "../mail/send-mail.ts";
import { addUser } from "../people/add-user.ts";
import { assignRole } from "../people/assign-role.ts";
import { QUEUES, startJobs } from "../platform/jobs.ts";
import {
  acceptPeriodicReport,
  type PeriodicReportInput,
  registerArrival,
  savePeriodicReport,
  submitPeriodicReport,
} from "./periodic-reports.ts";
import { periodName, reminderKind, sendReportReminders } from "./reminders.ts";
import { periodicReports, reportReminders } from "./schema.ts";

let t: TestDatabase;
const actor = { userId: null, label: "test" };
const mailer = createMailer({
  smtpUrl: undefined,
  from: "samspar@example.se",
  enqueue: async () => {},
});
const deps = { mailer, baseUrl: "https://samspar.example/" };
let associationId = "";
let ownerId = "";
let partnerId = "";
const ids = { led: "", leaderless: "", submitted: "", locked: "" };

/** A moment on a Swedish day (mid-morning, when the 07:00 job has run). */
const on = (day: string) => new Date(`${day}T08:30:00Z`);

const complete = (): PeriodicReportInput => ({
  texts: { activities: "Tolv deltagare har börjat praktik." },
  goals: [{ goalId: null, goalText: "Till arbete", assessment: "i_fas", comment: "" }],
  answers: {
    inPhase: { answer: "ja", comment: "" },
    steeringPrognosis: { answer: "ja", comment: "" },
    startedOnTime: { answer: "ja", comment: "" },
    vacanciesFunded: { answer: "nej", comment: "" },
    vacanciesOwn: { answer: "nej", comment: "" },
    methodChecked: { answer: "ja", comment: "" },
    targetGroupChecked: { answer: "ja", comment: "" },
    equityDiscussed: { answer: "ja", comment: "" },
    genderEqualityDiscussed: { answer: "ja", comment: "" },
    deviationGoalsOrTargetGroup: { answer: "nej", comment: "" },
  },
  reportedBy: "Lea Ledare",
  reportedOn: "2026-04-15",
});

async function k1(initiativeId: string) {
  const [row] = await t.db
    .select()
    .from(periodicReports)
    .where(
      and(eq(periodicReports.initiativeId, initiativeId), eq(periodicReports.periodKey, "2026-K1")),
    );
  if (!row) throw new Error("no K1 report");
  return row;
}

/** Mails recorded since `since` (the outbox, as nothing is configured for SMTP). */
const mailsAfter = async (count: number) =>
  (await t.db.select().from(mailMessages).orderBy(asc(mailMessages.createdAt))).slice(count);
const mailCount = () => t.db.$count(mailMessages);

beforeAll(async () => {
  t = await createTestDatabase();
  associationId = (
    await createAssociation(t.db, actor, {
      slug: "uppsala-lan",
      name: "Samordningsförbundet Uppsala län",
    })
  ).id;
  const owner = await addMemberOrganisation(t.db, actor, associationId, {
    name: "Tierps kommun",
    orgNumber: "212000-0274",
    kind: "kommun",
  });
  const partner = await addMemberOrganisation(t.db, actor, associationId, {
    name: "Försäkringskassan",
    orgNumber: "202100-5521",
    kind: "forsakringskassan",
  });
  ownerId = owner.id;
  partnerId = partner.id;
  const initiative = async (name: string) =>
    (
      await createInitiative(t.db, actor, associationId, {
        name,
        ownerOrganisationId: owner.id,
        partnerIds: [partner.id],
        status: "pagaende",
        orientation: "individual",
        preRehabilitation: false,
        esf: false,
        startDate: "2026-01-01",
        endDate: "2027-12-31",
        targetGroup: "Unga vuxna",
        expectedParticipantsOngoing: false,
        goals: [{ text: "Till arbete", kind: "resultatmal", targetPercent: "60" }],
        localUnits: [],
      })
    ).id;
  ids.led = await initiative("Tierp, Växtverket");
  ids.leaderless = await initiative("Tierp, Lärcentrum");
  ids.submitted = await initiative("Tierp, Inskickat");
  ids.locked = await initiative("Tierp, Låst");
  const person = async (
    email: string,
    name: string,
    role: "initiative_lead" | "association_admin" | "board_member",
    initiativeId: string | null,
  ) => {
    const user = await addUser(t.db, actor, { email, name });
    await assignRole(t.db, actor, { userId: user.id, associationId, role, initiativeId });
    return user;
  };
  await person("lea@tierp.se", "Lea Ledare", "initiative_lead", ids.led);
  await person("ivar@tierp.se", "Ivar Inskickare", "initiative_lead", ids.submitted);
  await person("lars@tierp.se", "Lars Låst", "initiative_lead", ids.locked);
  await person("kansli@uppsala.se", "Karin Kansli", "association_admin", null);
  // the board gets no copies
  await person("styrelse@uppsala.se", "Bo Styrelse", "board_member", null);

  // two reports go in before the due date: one stays submitted, one is accepted and locked
  await sendReportReminders(t.db, deps, on("2026-04-10")); // creates the K1 reports; nothing due
  for (const id of [ids.submitted, ids.locked]) {
    const r = await k1(id);
    const saved = await savePeriodicReport(t.db, actor, associationId, r.id, r.version, complete());
    const submitted = await submitPeriodicReport(
      t.db,
      actor,
      associationId,
      r.id,
      saved,
      on("2026-04-15"),
    );
    if (id === ids.locked) {
      const registered = await registerArrival(t.db, actor, associationId, r.id, submitted, {
        arrivalDate: "2026-04-16",
        initials: "KK",
      });
      await acceptPeriodicReport(t.db, actor, associationId, r.id, registered);
    }
  }
});
afterAll(() => t?.drop());

describe("which reminder is due", () => {
  it("is 'before' in the days up to the due date, then weekly overdue ones up to the eighth", () => {
    expect(reminderKind("2026-04-30", "2026-04-22", 7)).toBeUndefined();
    expect(reminderKind("2026-04-30", "2026-04-23", 7)).toBe("before");
    expect(reminderKind("2026-04-30", "2026-04-30", 7)).toBe("before");
    expect(reminderKind("2026-04-30", "2026-04-30", 0)).toBe("before");
    expect(reminderKind("2026-04-30", "2026-05-01", 7)).toBe("overdue-0");
    expect(reminderKind("2026-04-30", "2026-05-07", 7)).toBe("overdue-0");
    expect(reminderKind("2026-04-30", "2026-05-08", 7)).toBe("overdue-1");
    expect(reminderKind("2026-04-30", "2026-06-25", 7)).toBe("overdue-7");
    expect(reminderKind("2026-04-30", "2026-06-26", 7)).toBe("overdue-8");
    expect(reminderKind("2026-04-30", "2026-07-02", 7)).toBe("overdue-8");
    expect(reminderKind("2026-04-30", "2026-07-03", 7)).toBeUndefined();
    expect(periodName("2026-K1")).toBe("kvartal 1 2026");
    expect(periodName("2027-T3")).toBe("tertial 3 2027");
  });
});

describe("reminders", () => {
  it("sends nothing before the reminder window opens", async () => {
    const before = await mailCount();
    const sent = await sendReportReminders(t.db, deps, on("2026-04-22"));
    expect(sent).toMatchObject({ before: 0, overdue: 0, mails: 0 });
    expect(await mailCount()).toBe(before);
  });

  it("reminds the lead once ahead of the due date, with the period, the date and a link", async () => {
    const before = await mailCount();
    const r = await k1(ids.led);
    const first = await sendReportReminders(t.db, deps, on("2026-04-24"));
    expect(first).toMatchObject({ before: 1, overdue: 0, mails: 1 });
    expect(first.sent).toEqual([
      {
        associationSlug: "uppsala-lan",
        initiativeName: "Tierp, Växtverket",
        periodKey: "2026-K1",
        reportId: r.id,
        kind: "before",
        to: ["lea@tierp.se"],
      },
    ]);
    const [mail, ...more] = await mailsAfter(before);
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ toAddress: "lea@tierp.se", associationId, status: "outbox" });
    expect(mail?.subject).toBe(
      "Påminnelse: rapporten för Tierp, Växtverket ska in senast 2026-04-30",
    );
    expect(mail?.textBody).toContain("Hej Lea Ledare!");
    expect(mail?.textBody).toContain("kvartal 1 2026 (2026-01-01 – 2026-03-31)");
    expect(mail?.textBody).toContain("2026-04-30, alltså om 6 dagar");
    expect(mail?.textBody).toContain(`https://samspar.example/uppsala-lan/rapporter/${r.id}`);

    // the same day again, and the due date itself: already sent
    expect(await sendReportReminders(t.db, deps, on("2026-04-24"))).toMatchObject({ mails: 0 });
    expect(await sendReportReminders(t.db, deps, on("2026-04-30"))).toMatchObject({ mails: 0 });
    expect(await mailCount()).toBe(before + 1);
  });

  it("the day after the due date: the lead and a copy to the office; a leaderless report to the office alone", async () => {
    const before = await mailCount();
    const sent = await sendReportReminders(t.db, deps, on("2026-05-01"));
    expect(sent).toMatchObject({ before: 0, overdue: 2, mails: 3 });
    expect(sent.sent.map((s) => [s.initiativeName, s.kind, s.to])).toEqual([
      ["Tierp, Lärcentrum", "overdue-0", ["kansli@uppsala.se"]],
      ["Tierp, Växtverket", "overdue-0", ["lea@tierp.se", "kansli@uppsala.se"]],
    ]);
    const mails = await mailsAfter(before);
    const toLead = mails.find((m) => m.toAddress === "lea@tierp.se");
    expect(toLead?.subject).toBe("Rapporten för Tierp, Växtverket är försenad");
    expect(toLead?.textBody).toContain("Sista dag var 2026-04-30. Rapporten är 1 dag försenad.");
    const copies = mails.filter((m) => m.toAddress === "kansli@uppsala.se");
    expect(copies.map((m) => m.subject).sort()).toEqual([
      "Försenad rapport: Tierp, Lärcentrum, kvartal 1 2026",
      "Försenad rapport: Tierp, Växtverket, kvartal 1 2026",
    ]);
    const leaderless = copies.find((m) => m.subject.includes("Lärcentrum"));
    expect(leaderless?.textBody).toContain("är 1 dag försenad");
    expect(leaderless?.textBody).toContain("Insatsen har ingen insatsansvarig i Samspår");
    const copy = copies.find((m) => m.subject.includes("Växtverket"));
    expect(copy?.textBody).toContain("En påminnelse har skickats till Lea Ledare (lea@tierp.se).");
    // nobody writes about the submitted or the locked report, and the board gets nothing
    for (const m of mails) {
      expect(m.textBody).not.toMatch(/Inskickat|Låst/);
      expect(m.toAddress).not.toBe("styrelse@uppsala.se");
    }
  });

  it("then once a week: nothing during the week, overdue-1 a week later", async () => {
    const before = await mailCount();
    expect(await sendReportReminders(t.db, deps, on("2026-05-05"))).toMatchObject({ mails: 0 });
    expect(await sendReportReminders(t.db, deps, on("2026-05-07"))).toMatchObject({ mails: 0 });
    const week = await sendReportReminders(t.db, deps, on("2026-05-08"));
    expect(week.sent.map((s) => [s.initiativeName, s.kind])).toEqual([
      ["Tierp, Lärcentrum", "overdue-1"],
      ["Tierp, Växtverket", "overdue-1"],
    ]);
    expect(week).toMatchObject({ overdue: 2, mails: 3 });
    const toLead = (await mailsAfter(before)).find((m) => m.toAddress === "lea@tierp.se");
    expect(toLead?.textBody).toContain("Rapporten är 8 dagar försenad.");
    expect(await sendReportReminders(t.db, deps, on("2026-05-08"))).toMatchObject({ mails: 0 });
  });

  it("never reminds about submitted or locked reports", async () => {
    const kinds = await t.db
      .select({ reportId: reportReminders.reportId, kind: reportReminders.kind })
      .from(reportReminders);
    const quiet = [(await k1(ids.submitted)).id, (await k1(ids.locked)).id];
    expect(kinds.filter((k) => quiet.includes(k.reportId))).toEqual([]);
    expect((await k1(ids.locked)).status).toBe("last");
    expect((await k1(ids.submitted)).status).toBe("inskickad");
  });

  it("sends each reminder once when two runs race", async () => {
    const before = await mailCount();
    const runs = await Promise.all([
      sendReportReminders(t.db, deps, on("2026-05-15")),
      sendReportReminders(t.db, deps, on("2026-05-15")),
      sendReportReminders(t.db, deps, on("2026-05-15")),
    ]);
    const total = runs.reduce((n, r) => n + r.mails, 0);
    expect(total).toBe(3);
    expect(runs.reduce((n, r) => n + r.overdue, 0)).toBe(2);
    const mails = await mailsAfter(before);
    expect(mails.map((m) => m.toAddress).sort()).toEqual([
      "kansli@uppsala.se",
      "kansli@uppsala.se",
      "lea@tierp.se",
    ]);
    const recorded = await t.db
      .select()
      .from(reportReminders)
      .where(eq(reportReminders.kind, "overdue-2"));
    expect(recorded.map((r) => r.recipients).sort()).toEqual([1, 2]);
  });

  it("a new period: every lead once, reports the race created exist once, old ones fall silent", async () => {
    // K2 2026 is due 2026-07-31: on 2026-07-24 the window is open. K1 is 85 days late by then,
    // past the last weekly reminder. K3 has just begun: the runs create its reports.
    const before = await mailCount();
    const runs = await Promise.all([
      sendReportReminders(t.db, deps, on("2026-07-24")),
      sendReportReminders(t.db, deps, on("2026-07-24")),
    ]);
    const sent = runs.flatMap((r) => r.sent);
    expect(sent.map((s) => [s.initiativeName, s.periodKey, s.kind, s.to]).sort()).toEqual([
      ["Tierp, Inskickat", "2026-K2", "before", ["ivar@tierp.se"]],
      ["Tierp, Låst", "2026-K2", "before", ["lars@tierp.se"]],
      ["Tierp, Växtverket", "2026-K2", "before", ["lea@tierp.se"]],
    ]);
    expect(await mailCount()).toBe(before + 3);
    const k3 = await t.db
      .select()
      .from(periodicReports)
      .where(eq(periodicReports.periodKey, "2026-K3"));
    expect(k3).toHaveLength(4);
  });
});

describe("the daily job", () => {
  it("runs the reminders from the queue reports.remind, scheduled at 07:00 Swedish time", {
    timeout: 60_000,
  }, async () => {
    // a new initiative has no reports until a run creates them
    const started = await createInitiative(t.db, actor, associationId, {
      name: "Tierp, Jobbet",
      ownerOrganisationId: ownerId,
      partnerIds: [partnerId],
      status: "pagaende",
      orientation: "individual",
      preRehabilitation: false,
      esf: false,
      startDate: "2026-01-01",
      endDate: "2030-12-31",
      targetGroup: "Unga vuxna",
      expectedParticipantsOngoing: false,
      goals: [],
      localUnits: [],
    });
    const jobs = await startJobs(
      t.url,
      { db: t.db, mailer: () => mailer, baseUrl: deps.baseUrl },
      true,
    );
    const sender = new PgBoss({
      connectionString: t.url,
      max: 1,
      schedule: false,
      supervise: false,
    });
    try {
      await sender.start();
      await sender.send(QUEUES.reportsRemind, {});
      let created = 0;
      for (let i = 0; i < 100 && created === 0; i++) {
        await new Promise((r) => setTimeout(r, 300));
        created = await t.db.$count(periodicReports, eq(periodicReports.initiativeId, started.id));
      }
      expect(created).toBeGreaterThan(0);
      // and the queue runs by itself every morning
      expect(await sender.getSchedule(QUEUES.reportsRemind)).toMatchObject({
        cron: "0 7 * * *",
        timezone: "Europe/Stockholm",
      });
    } finally {
      await sender.stop({ graceful: false });
      await jobs.stop();
    }
  });
});
