// Report reminders against a real database, on fixed days: ahead of the due date once, overdue
// the day after and then weekly with a copy to the office, never for submitted or locked
// reports, and once only when two runs race each other. The office's reminder sent now: the same
// mail to the leads, recorded with an audit event in one transaction, once a minute at most,
// and only by the office (through the dashboard's form, which needs the web build).
import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, like, sql } from "drizzle-orm";
import { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, sessionFor } from "../../tests/support/app.ts";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { createAssociation } from "../associations/create-association.ts";
import { addMemberOrganisation } from "../associations/member-organisations.ts";
import { auditEvents } from "../audit/schema.ts";
import { createInitiative } from "../initiatives/save-initiative.ts";
import { mailMessages } from "../mail/schema.ts";
import { createMailer, type Mailer } from "../mail/send-mail.ts";
import { addUser } from "../people/add-user.ts";
import { assignRole } from "../people/assign-role.ts";
import { users } from "../people/schema.ts";
import { ConflictError, NotFoundError, ValidationError } from "../platform/errors.ts";
import { QUEUES, startJobs } from "../platform/jobs.ts";
import {
  acceptPeriodicReport,
  type PeriodicReportInput,
  registerArrival,
  savePeriodicReport,
  submitPeriodicReport,
} from "./periodic-reports.ts";
import {
  lastReminders,
  periodName,
  reminderKind,
  sendReminderNow,
  sendReportReminders,
  wantsReminder,
} from "./reminders.ts";
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

describe("a reminder the office sends now", () => {
  const office = async () => {
    const [user] = await t.db.select().from(users).where(eq(users.email, "kansli@uppsala.se"));
    if (!user) throw new Error("no office");
    return { userId: user.id, label: user.email };
  };
  const counts = async () => ({
    mails: await mailCount(),
    reminders: await t.db.$count(reportReminders),
    audit: await t.db.$count(auditEvents),
  });
  const refusal = async (run: Promise<unknown>) => {
    try {
      await run;
    } catch (error) {
      return error;
    }
    throw new Error("not refused");
  };

  it("sends the leads the daily run's mail now, recorded with the reminder and an audit event", async () => {
    const r = await k1(ids.led);
    const before = await counts();
    const now = on("2026-05-01");
    const sent = await sendReminderNow(t.db, deps, await office(), associationId, r.id, now);
    expect(sent).toEqual({
      associationSlug: "uppsala-lan",
      initiativeName: "Tierp, Växtverket",
      periodKey: "2026-K1",
      reportId: r.id,
      kind: "manual-2026-05-01T08:30:00.000Z",
      to: ["lea@tierp.se"],
      sentAt: now,
      recipients: [{ name: "Lea Ledare", email: "lea@tierp.se" }],
    });
    // one mail, to the lead only: the office sent it and gets no copy
    const [mail, ...more] = await mailsAfter(before.mails);
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ toAddress: "lea@tierp.se", associationId, status: "outbox" });
    // word for word the overdue mail the daily run sent the lead that day
    const [automatic] = await t.db
      .select()
      .from(mailMessages)
      .where(
        and(
          eq(mailMessages.toAddress, "lea@tierp.se"),
          like(mailMessages.textBody, "%Rapporten är 1 dag försenad.%"),
        ),
      )
      .orderBy(asc(mailMessages.createdAt))
      .limit(1);
    expect(automatic?.id).not.toBe(mail?.id);
    expect({ subject: mail?.subject, text: mail?.textBody }).toEqual({
      subject: automatic?.subject,
      text: automatic?.textBody,
    });
    const [recorded] = await t.db
      .select()
      .from(reportReminders)
      .where(eq(reportReminders.kind, sent.kind));
    expect(recorded).toMatchObject({ reportId: r.id, recipients: 1, sentAt: now });
    const [event] = await t.db.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
    expect(event).toMatchObject({
      action: "periodic_report.reminder_sent",
      associationId,
      actorUserId: (await office()).userId,
      targetType: "periodic_report",
      targetId: r.id,
      details: { periodKey: "2026-K1", kind: sent.kind, overdue: true, to: ["lea@tierp.se"] },
    });
    expect(await counts()).toEqual({
      mails: before.mails + 1,
      reminders: before.reminders + 1,
      audit: before.audit + 1,
    });
    // the daily run's own reminders go on as before: the next weekly one is still due once
    expect(await sendReportReminders(t.db, deps, on("2026-05-01"))).toMatchObject({ mails: 0 });
  });

  it("ahead of the due date it is the 'ska in senast' mail", async () => {
    // K2 2026 of Växtverket is due 2026-07-31
    const [k2] = await t.db
      .select()
      .from(periodicReports)
      .where(
        and(eq(periodicReports.initiativeId, ids.led), eq(periodicReports.periodKey, "2026-K2")),
      );
    if (!k2) throw new Error("no K2 report");
    const before = await mailCount();
    await sendReminderNow(t.db, deps, await office(), associationId, k2.id, on("2026-07-29"));
    const [mail] = await mailsAfter(before);
    expect(mail?.subject).toBe(
      "Påminnelse: rapporten för Tierp, Växtverket ska in senast 2026-07-31",
    );
    expect(mail?.textBody).toContain("2026-07-31, alltså om 2 dagar");
  });

  it("a double click sends one reminder; a minute later another may go", async () => {
    const r = await k1(ids.led);
    const before = await counts();
    const at = on("2026-05-04").getTime();
    const actor = await office();
    // connections ready in the pool, so that both clicks' transactions really run at once
    await Promise.all(Array.from({ length: 4 }, () => t.db.execute(sql`select pg_sleep(0.05)`)));
    const clicks = await Promise.allSettled([
      sendReminderNow(t.db, deps, actor, associationId, r.id, new Date(at)),
      sendReminderNow(t.db, deps, actor, associationId, r.id, new Date(at + 800)),
    ]);
    expect(clicks.map((c) => c.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = clicks.find((c) => c.status === "rejected")?.reason;
    expect(refused).toBeInstanceOf(ConflictError);
    expect(refused.message).toMatch(
      /^En påminnelse om rapporten för Tierp, Växtverket, kvartal 1 2026 skickades nyss \(2026-05-04 10:30\), så ingen ny har skickats\. Vänta en minut om du vill skicka en till\.$/,
    );
    expect(await counts()).toEqual({
      mails: before.mails + 1,
      reminders: before.reminders + 1,
      audit: before.audit + 1,
    });
    // 59 seconds after the one that went: still refused; a minute after: sent
    expect(
      await refusal(sendReminderNow(t.db, deps, actor, associationId, r.id, new Date(at + 59_000))),
    ).toBeInstanceOf(ConflictError);
    const later = await sendReminderNow(
      t.db,
      deps,
      actor,
      associationId,
      r.id,
      new Date(at + 61_000),
    );
    expect(later.to).toEqual(["lea@tierp.se"]);
    expect(await mailCount()).toBe(before.mails + 2);
  });

  it("refuses submitted, locked and leaderless reports and other associations' reports, recording nothing", async () => {
    const actor = await office();
    const now = on("2026-05-06");
    const before = await counts();
    const submitted = await refusal(
      sendReminderNow(t.db, deps, actor, associationId, (await k1(ids.submitted)).id, now),
    );
    expect(submitted).toBeInstanceOf(ValidationError);
    expect((submitted as ValidationError).fields).toEqual({
      status:
        "Rapporten för Tierp, Inskickat, kvartal 1 2026 är redan inskickad. Påminnelser skickas bara om rapporter som inte har skickats in.",
    });
    const locked = await refusal(
      sendReminderNow(t.db, deps, actor, associationId, (await k1(ids.locked)).id, now),
    );
    expect((locked as ValidationError).fields.status).toMatch(/är redan granskad och låst\./);
    const leaderless = await refusal(
      sendReminderNow(t.db, deps, actor, associationId, (await k1(ids.leaderless)).id, now),
    );
    expect((leaderless as ValidationError).fields).toEqual({
      recipients:
        "Tierp, Lärcentrum har ingen insatsansvarig med e-postadress i Samspår, så det finns ingen att skicka påminnelsen till. Ge någon rollen insatsansvarig för insatsen under Personer, eller kontakta insatsen själv.",
    });
    // a report of another association, and one that does not exist, are not found
    const other = await createAssociation(t.db, actor, { slug: "annat", name: "Annat förbund" });
    expect(
      await refusal(sendReminderNow(t.db, deps, actor, other.id, (await k1(ids.led)).id, now)),
    ).toBeInstanceOf(NotFoundError);
    expect(
      await refusal(sendReminderNow(t.db, deps, actor, associationId, randomUUID(), now)),
    ).toBeInstanceOf(NotFoundError);
    // creating the other association wrote its own audit event, and nothing else was written
    expect(await counts()).toEqual({ ...before, audit: before.audit + 1 });
  });

  it("the mails, the reminder and the audit event are one transaction: a failed mail leaves none", async () => {
    const failing: Mailer = {
      async send(q, mail) {
        await mailer.send(q, mail);
        throw new Error("the mail could not be recorded");
      },
      deliver: mailer.deliver,
    };
    const before = await counts();
    await expect(
      sendReminderNow(
        t.db,
        { ...deps, mailer: failing },
        await office(),
        associationId,
        (await k1(ids.led)).id,
        on("2026-05-07"),
      ),
    ).rejects.toThrow("the mail could not be recorded");
    expect(await counts()).toEqual(before);
  });

  it("the dashboard's latest reminder: when, and whether the office sent it", async () => {
    const led = await k1(ids.led);
    const leaderless = await k1(ids.leaderless);
    const submitted = await k1(ids.submitted);
    const last = await lastReminders(t.db, [led.id, leaderless.id, submitted.id]);
    // the daily run's overdue-2 of 2026-05-15 came after the office's reminders of early May
    expect(last[led.id]).toEqual({ sentAt: on("2026-05-15"), manual: false });
    expect(last[leaderless.id]).toEqual({ sentAt: on("2026-05-15"), manual: false });
    expect(last[submitted.id]).toBeUndefined();
    const later = await sendReminderNow(
      t.db,
      deps,
      await office(),
      associationId,
      led.id,
      on("2026-05-20"),
    );
    expect((await lastReminders(t.db, [led.id]))[led.id]).toEqual({
      sentAt: later.sentAt,
      manual: true,
    });
    // which reports the dashboard offers a reminder for: open ones, late or within the window
    expect(wantsReminder({ status: "utkast", dueDate: "2026-04-30" }, "2026-05-20", 7)).toBe(true);
    expect(wantsReminder({ status: "aterskickad", dueDate: "2026-05-27" }, "2026-05-20", 7)).toBe(
      true,
    );
    expect(wantsReminder({ status: "utkast", dueDate: "2026-05-28" }, "2026-05-20", 7)).toBe(false);
    expect(wantsReminder({ status: "inskickad", dueDate: "2026-04-30" }, "2026-05-20", 7)).toBe(
      false,
    );
  });

  it("only the office may, through the dashboard's form: the notice names the lead", {
    timeout: 30_000,
  }, async () => {
    const app = await createTestApp(t);
    const session = async (email: string) => {
      const [user] = await t.db.select().from(users).where(eq(users.email, email));
      if (!user) throw new Error(`no ${email}`);
      return sessionFor(t, user.id);
    };
    const r = await k1(ids.led);
    const form = { intent: "remind", report: r.id, status: "forsenad" };
    const before = await counts();
    for (const who of ["styrelse@uppsala.se", "lea@tierp.se"]) {
      const res = await app.post("/uppsala-lan/rapporter", form, await session(who));
      expect({ who, status: res.status }).toEqual({ who, status: 403 });
    }
    // nor into another association, where the office has no role
    const office = await session("kansli@uppsala.se");
    expect((await app.post("/annat/rapporter", form, office)).status).toBe(404);
    expect(await counts()).toEqual(before);

    const res = await app.post("/uppsala-lan/rapporter", form, office);
    expect(res.status).toBe(302);
    const location = res.headers.get("location") ?? "";
    expect(new URL(location, "http://x").searchParams.get("klart")).toBe("paminnelse");
    expect(new URL(location, "http://x").searchParams.get("status")).toBe("forsenad");
    expect(await mailCount()).toBe(before.mails + 1);
    const page = await (await app.fetch(location, { as: office })).text();
    expect(page).toContain(
      "Påminnelsen är skickad till Lea Ledare (lea@tierp.se). Den gäller rapporten för Tierp, Växtverket, kvartal 1 2026.",
    );
    expect(page).toMatch(/skickad av kansliet/);

    // the second click within the minute: the page says why nothing more was sent
    const again = await app.post("/uppsala-lan/rapporter", form, office);
    expect(again.status).toBe(409);
    const refused = await again.text();
    expect(refused).toContain("Påminnelsen skickades inte");
    expect(refused).toContain("skickades nyss");
    expect(await mailCount()).toBe(before.mails + 1);

    // the board sees when the latest reminder went, but gets no button
    const board = await (
      await app.fetch("/uppsala-lan/rapporter", { as: await session("styrelse@uppsala.se") })
    ).text();
    expect(board).toContain("Senaste påminnelse");
    expect(board).not.toContain("Skicka påminnelse");
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
