// Reminders for periodic reports (domain/documents.md §2: "reminders go out before the due date
// and when overdue"). Run daily by the job queue (reports.remind) or by `npx samspar reports
// remind`. Each reminder of a report goes out once: its row in report_reminders is inserted
// first, and the mails are recorded in the same transaction only when that insert made a row,
// so two workers racing each other send it once between them.
//
// The office can also send a reminder now from the reporting dashboard (or the API): the same
// mail to the initiative's leads, recorded as the reminder "manual-<time>", with an audit event,
// and at most once a minute per report so that a double click sends one mail.
import { and, asc, desc, eq, gte, inArray, isNull, like, lte } from "drizzle-orm";
import { todayInSweden } from "../applications/workflow.ts";
import { associations } from "../associations/schema.ts";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import { initiatives } from "../initiatives/schema.ts";
import type { Mailer } from "../mail/send-mail.ts";
import { roleAssignments, users } from "../people/schema.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { ConflictError, NotFoundError, ValidationError } from "../platform/errors.ts";
import { formatDateTime } from "../platform/i18n/format.ts";
import { ensurePeriodicReports, getReportingSettings } from "./calendar.ts";
import { initiativeLeads } from "./periodic-reports.ts";
import { periodicReports, reportReminders } from "./schema.ts";

export interface ReminderDeps {
  mailer: Mailer;
  /** The instance's address, for the link to the report ("https://samspar.example"). */
  baseUrl: string;
}

/** One reminder that went out in this run. */
export interface SentReminder {
  associationSlug: string;
  initiativeName: string;
  periodKey: string;
  reportId: string;
  /** "before", "overdue-N", or "manual-<ISO time>" for one the office sent. */
  kind: string;
  /** The addresses it went to: the leads, and the office for an overdue report. */
  to: string[];
}

export interface ReminderCounts {
  /** Reminders sent ahead of the due date. */
  before: number;
  /** Reminders sent for overdue reports. */
  overdue: number;
  /** Mails recorded (each goes out over SMTP, or lands in the outbox). */
  mails: number;
  sent: SentReminder[];
}

/** Weekly overdue reminders stop after this one (eight weeks after the first). */
export const LAST_OVERDUE_REMINDER = 8;

const DAY = 86_400_000;
const dayNumber = (iso: string) =>
  Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY;
const addDays = (iso: string, days: number) =>
  new Date((dayNumber(iso) + days) * DAY).toISOString().slice(0, 10);

/** Days from `from` to `to` (positive when `to` is later). */
export const daysBetween = (from: string, to: string) => dayNumber(to) - dayNumber(from);

/**
 * Which reminder a report of `status` due on `due` gets on `today`, if any: "before" within
 * `remindDaysBefore` days up to and including the due date, "overdue-0" the day after it, then
 * "overdue-1" a week later and so on, up to "overdue-8".
 */
export function reminderKind(
  due: string,
  today: string,
  remindDaysBefore: number,
): string | undefined {
  const late = daysBetween(due, today);
  if (late <= 0) return -late <= remindDaysBefore ? "before" : undefined;
  const week = Math.floor((late - 1) / 7);
  return week <= LAST_OVERDUE_REMINDER ? `overdue-${week}` : undefined;
}

/** "2026-K1" → "kvartal 1 2026", "2026-T2" → "tertial 2 2026". */
export function periodName(periodKey: string): string {
  const match = /^(\d{4})-([KT])(\d)$/.exec(periodKey);
  if (!match) return periodKey;
  return `${match[2] === "K" ? "kvartal" : "tertial"} ${match[3]} ${match[1]}`;
}

const days = (n: number) => (n === 1 ? "1 dag" : `${n} dagar`);

interface ReportForReminder {
  id: string;
  initiativeName: string;
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  status: string;
}

interface Recipient {
  email: string;
  name: string;
}

function beforeMail(
  r: ReportForReminder,
  lead: Recipient,
  link: string,
  today: string,
  from: string,
) {
  const left = daysBetween(today, r.dueDate);
  const when = left === 0 ? "i dag" : left === 1 ? "i morgon" : `om ${days(left)}`;
  const returned =
    r.status === "aterskickad"
      ? "Förbundet har skickat tillbaka rapporten för komplettering. Läs kommentarerna, komplettera och skicka in den igen.\n\n"
      : "";
  return {
    to: lead.email,
    subject: `Påminnelse: rapporten för ${r.initiativeName} ska in senast ${r.dueDate}`,
    text:
      `Hej ${lead.name}!\n\n` +
      `Det är dags att skriva den periodiska rapporten för ${r.initiativeName}. ` +
      `Den gäller ${periodName(r.periodKey)} (${r.periodStart} – ${r.periodEnd}).\n\n` +
      `Sista dag att skicka in den är ${r.dueDate}, alltså ${when}.\n\n` +
      returned +
      `Skriv och skicka in rapporten här:\n${link}\n\n` +
      `Har du frågor? Kontakta förbundets kansli.\n\n` +
      `Med vänlig hälsning\n${from}\n`,
  };
}

function overdueMail(
  r: ReportForReminder,
  lead: Recipient,
  link: string,
  late: number,
  from: string,
) {
  return {
    to: lead.email,
    subject: `Rapporten för ${r.initiativeName} är försenad`,
    text:
      `Hej ${lead.name}!\n\n` +
      `Den periodiska rapporten för ${r.initiativeName} har inte kommit in. ` +
      `Den gäller ${periodName(r.periodKey)} (${r.periodStart} – ${r.periodEnd}).\n\n` +
      `Sista dag var ${r.dueDate}. Rapporten är ${days(late)} försenad.\n\n` +
      `Skicka in rapporten så snart du kan:\n${link}\n\n` +
      `Kan du inte lämna rapporten nu? Kontakta förbundets kansli och berätta varför.\n\n` +
      `Med vänlig hälsning\n${from}\n`,
  };
}

function officeMail(
  r: ReportForReminder,
  office: Recipient,
  leads: Recipient[],
  link: string,
  late: number,
) {
  const reminded = leads.length
    ? `En påminnelse har skickats till ${leads.map((l) => `${l.name} (${l.email})`).join(", ")}.`
    : "Insatsen har ingen insatsansvarig i Samspår. Därför har ingen påminnelse skickats till insatsen. Lägg till en insatsansvarig eller kontakta insatsen själv.";
  return {
    to: office.email,
    subject: `Försenad rapport: ${r.initiativeName}, ${periodName(r.periodKey)}`,
    text:
      `Hej ${office.name}!\n\n` +
      `Den periodiska rapporten för ${r.initiativeName} (${periodName(r.periodKey)}) är ${days(late)} försenad. ` +
      `Sista dag var ${r.dueDate}.\n` +
      `Rapportens status: ${r.status === "aterskickad" ? "åter för komplettering" : "utkast, inte inskickad"}.\n\n` +
      `${reminded}\n\n` +
      `Rapporten:\n${link}\n\n` +
      `Du får det här meddelandet för att du arbetar på förbundets kansli i Samspår.\n`,
  };
}

/** What a reminder says about a report (with its initiative's name). */
const reportColumns = {
  id: periodicReports.id,
  initiativeId: periodicReports.initiativeId,
  initiativeName: initiatives.name,
  periodKey: periodicReports.periodKey,
  periodStart: periodicReports.periodStart,
  periodEnd: periodicReports.periodEnd,
  dueDate: periodicReports.dueDate,
  status: periodicReports.status,
};

type Mail = { to: string; subject: string; text: string };

/**
 * The reminder to each of an initiative's leads about one report on `today`: ahead of the due
 * date ("ska in senast …"), or after it ("är försenad"). The daily run and the office's "send a
 * reminder now" both send these.
 */
export function leadReminderMails(
  report: ReportForReminder,
  leads: Recipient[],
  link: string,
  today: string,
  from: string,
): Mail[] {
  const late = daysBetween(report.dueDate, today);
  return leads.map((lead) =>
    late > 0
      ? overdueMail(report, lead, link, late, from)
      : beforeMail(report, lead, link, today, from),
  );
}

/** The report's page, which the mails link to. */
const reportLink = (deps: ReminderDeps, slug: string, reportId: string) =>
  `${deps.baseUrl.replace(/\/+$/, "")}/${slug}/rapporter/${reportId}`;

/** The leads of an initiative who can get mail (active accounts with an address). */
const leadsOf = async (q: Queryable, initiativeId: string): Promise<Recipient[]> =>
  (await initiativeLeads(q, initiativeId)).filter((l) => l.email);

/**
 * Records one reminder of a report and its mails in one transaction. False (and nothing
 * recorded) when that reminder has been recorded already, by another run.
 */
async function recordReminder(
  q: Queryable,
  mailer: Mailer,
  associationId: string,
  reminder: { reportId: string; kind: string; sentAt: Date },
  mails: Mail[],
): Promise<boolean> {
  return q.transaction(async (tx) => {
    const [recorded] = await tx
      .insert(reportReminders)
      .values({ ...reminder, recipients: mails.length })
      .onConflictDoNothing()
      .returning({ reportId: reportReminders.reportId });
    if (!recorded) return false;
    for (const mail of mails) await mailer.send(tx, { ...mail, associationId });
    return true;
  });
}

/** The office of an association: its administrators whose accounts are active. */
async function officeOf(q: Queryable, associationId: string): Promise<Recipient[]> {
  return q
    .selectDistinct({ email: users.email, name: users.name })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(roleAssignments.associationId, associationId),
        eq(roleAssignments.role, "association_admin"),
        isNull(users.disabledAt),
      ),
    )
    .orderBy(asc(users.email));
}

/**
 * Sends the reminders due on `now`'s day in Sweden for every association's open periodic
 * reports (utkast or återskickad): to the initiative's leads ahead of the due date, and when the
 * report is overdue to the leads with a copy to the office. Creates missing reports first.
 */
export async function sendReportReminders(
  q: Queryable,
  deps: ReminderDeps,
  now = new Date(),
): Promise<ReminderCounts> {
  const today = todayInSweden(now);
  const result: ReminderCounts = { before: 0, overdue: 0, mails: 0, sent: [] };
  const all = await q
    .select({ id: associations.id, slug: associations.slug, name: associations.name })
    .from(associations)
    .orderBy(asc(associations.slug));
  for (const association of all) {
    await ensurePeriodicReports(q, association.id, today);
    const settings = await getReportingSettings(q, association.id);
    const open = await q
      .select(reportColumns)
      .from(periodicReports)
      .innerJoin(initiatives, eq(initiatives.id, periodicReports.initiativeId))
      .where(
        and(
          eq(periodicReports.associationId, association.id),
          inArray(periodicReports.status, ["utkast", "aterskickad"]),
          // the window in which any reminder can be due
          gte(periodicReports.dueDate, addDays(today, -(7 * LAST_OVERDUE_REMINDER + 7))),
          lte(periodicReports.dueDate, addDays(today, settings.remindDaysBefore)),
        ),
      )
      .orderBy(asc(periodicReports.dueDate), asc(initiatives.name));
    let office: Recipient[] | undefined;
    for (const report of open) {
      const kind = reminderKind(report.dueDate, today, settings.remindDaysBefore);
      if (!kind) continue;
      const link = reportLink(deps, association.slug, report.id);
      const leads = await leadsOf(q, report.initiativeId);
      const late = daysBetween(report.dueDate, today);
      let mails = leadReminderMails(report, leads, link, today, association.name);
      if (kind !== "before") {
        office ??= await officeOf(q, association.id);
        // an administrator who also leads the initiative gets the lead's mail only
        const copies = office.filter((o) => !leads.some((l) => l.email === o.email));
        mails = [...mails, ...copies.map((o) => officeMail(report, o, leads, link, late))];
      }
      // nobody to tell (yet): not recorded, so a lead added later still gets it
      if (!mails.length) continue;
      const sent = await recordReminder(
        q,
        deps.mailer,
        association.id,
        { reportId: report.id, kind, sentAt: now },
        mails,
      );
      if (!sent) continue;
      if (kind === "before") result.before++;
      else result.overdue++;
      result.mails += mails.length;
      result.sent.push({
        associationSlug: association.slug,
        initiativeName: report.initiativeName,
        periodKey: report.periodKey,
        reportId: report.id,
        kind,
        to: mails.map((m) => m.to),
      });
    }
  }
  return result;
}

/** A reminder the office sent by hand: its kind is "manual-" and the moment it was sent. */
export const MANUAL_REMINDER = "manual-";
export const isManualReminder = (kind: string) => kind.startsWith(MANUAL_REMINDER);

/** A report gets at most one reminder sent by hand within this time (a double click sends one). */
export const MANUAL_REMINDER_INTERVAL_MS = 60_000;

/** A reminder the office sent now, with the names of the leads it went to. */
export interface ManualReminder extends SentReminder {
  sentAt: Date;
  recipients: Array<{ name: string; email: string }>;
}

/**
 * The office sends a reminder about one open periodic report now: the same mail the daily run
 * sends to the initiative's leads (ahead of the due date, or overdue), recorded as the reminder
 * "manual-<time>" together with its mails and an audit event, all in one transaction. The report
 * row is locked meanwhile, so of two clicks at once the second sees the first and is refused:
 * a report gets at most one reminder a minute. The caller checks that the actor may (the
 * permission reports.manage).
 */
export async function sendReminderNow(
  q: Queryable,
  deps: ReminderDeps,
  actor: AuditActor,
  associationId: string,
  reportId: string,
  now = new Date(),
): Promise<ManualReminder> {
  const today = todayInSweden(now);
  return q.transaction(async (tx) => {
    const [row] = await tx
      .select({ ...reportColumns, slug: associations.slug, associationName: associations.name })
      .from(periodicReports)
      .innerJoin(initiatives, eq(initiatives.id, periodicReports.initiativeId))
      .innerJoin(associations, eq(associations.id, periodicReports.associationId))
      .where(
        and(eq(periodicReports.id, reportId), eq(periodicReports.associationId, associationId)),
      )
      .for("update", { of: periodicReports });
    if (!row) throw new NotFoundError("Rapporten finns inte.");
    const { slug, associationName, ...report } = row;
    const which = `${report.initiativeName}, ${periodName(report.periodKey)}`;
    if (report.status !== "utkast" && report.status !== "aterskickad")
      throw new ValidationError({
        status: `Rapporten för ${which} är redan ${report.status === "last" ? "granskad och låst" : "inskickad"}. Påminnelser skickas bara om rapporter som inte har skickats in.`,
      });
    const [last] = await tx
      .select({ sentAt: reportReminders.sentAt })
      .from(reportReminders)
      .where(
        and(
          eq(reportReminders.reportId, report.id),
          like(reportReminders.kind, `${MANUAL_REMINDER}%`),
        ),
      )
      .orderBy(desc(reportReminders.sentAt))
      .limit(1);
    if (last && now.getTime() - last.sentAt.getTime() < MANUAL_REMINDER_INTERVAL_MS)
      throw new ConflictError(
        `En påminnelse om rapporten för ${which} skickades nyss (${formatDateTime(last.sentAt)}), så ingen ny har skickats. Vänta en minut om du vill skicka en till.`,
      );
    const leads = await leadsOf(tx, report.initiativeId);
    if (!leads.length)
      throw new ValidationError({
        recipients: `${report.initiativeName} har ingen insatsansvarig med e-postadress i Samspår, så det finns ingen att skicka påminnelsen till. Ge någon rollen insatsansvarig för insatsen under Personer, eller kontakta insatsen själv.`,
      });
    const kind = `${MANUAL_REMINDER}${now.toISOString()}`;
    const mails = leadReminderMails(
      report,
      leads,
      reportLink(deps, slug, report.id),
      today,
      associationName,
    );
    const recorded = await recordReminder(
      tx,
      deps.mailer,
      associationId,
      { reportId: report.id, kind, sentAt: now },
      mails,
    );
    // the row lock lets one sender through at a time, so this is another server's same moment
    if (!recorded)
      throw new ConflictError(
        `En påminnelse om rapporten för ${which} skickades i samma ögonblick, så ingen ny har skickats.`,
      );
    await recordAuditEvent(tx, actor, {
      action: "periodic_report.reminder_sent",
      associationId,
      targetType: "periodic_report",
      targetId: report.id,
      details: {
        periodKey: report.periodKey,
        kind,
        overdue: daysBetween(report.dueDate, today) > 0,
        to: mails.map((m) => m.to),
      },
    });
    return {
      associationSlug: slug,
      initiativeName: report.initiativeName,
      periodKey: report.periodKey,
      reportId: report.id,
      kind,
      to: mails.map((m) => m.to),
      sentAt: now,
      recipients: leads.map((l) => ({ name: l.name, email: l.email })),
    };
  });
}

/** The latest reminder sent about a report: when, and whether the office sent it by hand. */
export interface LastReminder {
  sentAt: Date;
  manual: boolean;
}

/** The latest reminder of each of the reports that has had one. */
export async function lastReminders(
  q: Queryable,
  reportIds: string[],
): Promise<Record<string, LastReminder>> {
  if (!reportIds.length) return {};
  const rows = await q
    .selectDistinctOn([reportReminders.reportId], {
      reportId: reportReminders.reportId,
      kind: reportReminders.kind,
      sentAt: reportReminders.sentAt,
    })
    .from(reportReminders)
    .where(inArray(reportReminders.reportId, [...new Set(reportIds)]))
    .orderBy(reportReminders.reportId, desc(reportReminders.sentAt));
  return Object.fromEntries(
    rows.map((r) => [r.reportId, { sentAt: r.sentAt, manual: isManualReminder(r.kind) }]),
  );
}

/**
 * Whether the office would want to remind about a report now: it is open (a draft, or returned
 * for completion) and late, or its due date is within the association's reminder window.
 */
export function wantsReminder(
  report: { status: string; dueDate: string },
  today: string,
  remindDaysBefore: number,
): boolean {
  if (report.status !== "utkast" && report.status !== "aterskickad") return false;
  return daysBetween(today, report.dueDate) <= remindDaysBefore;
}
