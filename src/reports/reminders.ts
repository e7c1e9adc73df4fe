// Reminders for periodic reports (domain/documents.md §2: "reminders go out before the due date
// and when overdue"). Run daily by the job queue (reports.remind) or by `npx samspar reports
// remind`. Each reminder of a report goes out once: its row in report_reminders is inserted
// first, and the mails are recorded in the same transaction only when that insert made a row,
// so two workers racing each other send it once between them.
import { and, asc, eq, gte, inArray, isNull, lte } from "drizzle-orm";
import { todayInSweden } from "../applications/workflow.ts";
import { associations } from "../associations/schema.ts";
import { initiatives } from "../initiatives/schema.ts";
import type { Mailer } from "../mail/send-mail.ts";
import { roleAssignments, users } from "../people/schema.ts";
import type { Queryable } from "../platform/database/connect.ts";
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
  /** "before" or "overdue-N". */
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
      .select({
        id: periodicReports.id,
        initiativeId: periodicReports.initiativeId,
        initiativeName: initiatives.name,
        periodKey: periodicReports.periodKey,
        periodStart: periodicReports.periodStart,
        periodEnd: periodicReports.periodEnd,
        dueDate: periodicReports.dueDate,
        status: periodicReports.status,
      })
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
      const link = `${deps.baseUrl.replace(/\/+$/, "")}/${association.slug}/rapporter/${report.id}`;
      const leads = (await initiativeLeads(q, report.initiativeId)).filter((l) => l.email);
      const late = daysBetween(report.dueDate, today);
      let mails: Array<{ to: string; subject: string; text: string }>;
      if (kind === "before") {
        mails = leads.map((l) => beforeMail(report, l, link, today, association.name));
      } else {
        office ??= await officeOf(q, association.id);
        // an administrator who also leads the initiative gets the lead's mail only
        const copies = office.filter((o) => !leads.some((l) => l.email === o.email));
        mails = [
          ...leads.map((l) => overdueMail(report, l, link, late, association.name)),
          ...copies.map((o) => officeMail(report, o, leads, link, late)),
        ];
      }
      // nobody to tell (yet): not recorded, so a lead added later still gets it
      if (!mails.length) continue;
      const sent = await q.transaction(async (tx) => {
        const [recorded] = await tx
          .insert(reportReminders)
          .values({ reportId: report.id, kind, recipients: mails.length, sentAt: now })
          .onConflictDoNothing()
          .returning({ reportId: reportReminders.reportId });
        if (!recorded) return false;
        for (const mail of mails)
          await deps.mailer.send(tx, { ...mail, associationId: association.id });
        return true;
      });
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
