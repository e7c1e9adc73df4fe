// The register's access log (domain/participants.md): who (person, role, organisation), when
// (shown and searched in Swedish time), what (record, fields, action), through which request,
// and the outcome. Every read of an identifiable record and every change writes a row, in the
// same register transaction as the read or change. The table is append-only in the database
// (no UPDATE or DELETE privilege, and a trigger for the table's owner); the auditor searches it
// and the participant sees the entries about themself.
import { and, count, desc, eq, gte, inArray, lt, type SQL } from "drizzle-orm";
import { memberOrganisations } from "../associations/schema.ts";
import { isoDate } from "../initiatives/validate-initiative.ts";
import type { Db, Tx } from "../platform/database/connect.ts";
import { ValidationError } from "../platform/errors.ts";
import { endOfSwedishDay, startOfSwedishDay } from "../platform/swedish-day.ts";
import { UUID } from "../platform/uuid.ts";
import { insertMany } from "./bulk.ts";
import { ACCESS_ACTIONS, type AccessAction, accessLog } from "./schema.ts";
import { type AccessLogScope, actorOrganisation, type RegisterActor } from "./scope.ts";
import { inRegister } from "./zone.ts";

/** The actions in Swedish, as the auditor and the participant read them. */
export const ACCESS_ACTION_LABELS: Record<AccessAction, string> = {
  read: "läste",
  search: "sökte/listade",
  reveal: "visade fullständigt personnummer",
  export: "exporterade",
  change: "ändrade",
  erase: "raderade identiteten",
  import: "importerade",
};

/** The fields an entry names, in Swedish. */
export const ACCESS_FIELD_LABELS: Record<string, string> = {
  "identity.masked": "personnummer (maskerat)",
  identity: "personnummer",
  name: "namn",
  gender: "kön",
  birthYear: "födelseår",
  protectedIdentity: "skyddade personuppgifter",
  consent: "samtycke",
  enrollment: "inskrivning",
  startDate: "startdatum",
  localUnit: "delområde",
  municipalityCode: "folkbokföringskommun",
  actionPlanDate: "handlingsplan",
  background: "bakgrund",
  exit: "utskrivning",
  externalKey: "deltagar-id",
  voided: "felregistrering",
  countOnly: "antal deltagare",
  erasures: "raderingar",
  accessLog: "åtkomstlogg",
  measurements: "progressionsmätningar",
  jamforelsegrupp: "jämförelsegrupp",
  // the participant portal (src/portal)
  availability: "bokningsbara tider",
  booking: "bokning",
  bookings: "bokningar",
  portalAccount: "portalkonto (språk, påminnelser, kontaktuppgifter)",
  portalContact: "kontaktuppgifter för portalen (e-post, mobil)",
  portalLanguage: "portalens språk",
  planSteps: "handlingsplanens steg",
  courseProgress: "kursläsning (kapitel, senaste sida)",
  quizAnswers: "svar på kursfrågor",
  evaluationReceipts: "Tyck till (att deltagaren svarat eller hoppat över)",
  // a measurement removed as a felregistrering, with its reason (src/progression/measurements.ts)
  "felregistrering:fel_deltagare": "felregistrering (registrerad på fel deltagare)",
  "felregistrering:dubblett": "felregistrering (registrerad två gånger)",
  "felregistrering:fel_instrument": "felregistrering (fel instrument)",
  "felregistrering:fel_tillfalle": "felregistrering (fel tillfälle)",
};

export const accessFieldLabel = (field: string) => ACCESS_FIELD_LABELS[field] ?? field;

export interface AccessEntry {
  associationId: string;
  dataControllerId: string;
  participantId?: string | null;
  enrollmentId?: string | null;
  action: AccessAction;
  fields?: readonly string[];
  outcome?: "ok" | "denied" | "error";
}

/** The access log's rows for `entries` by `actor`, in their order. */
export function accessLogRows(
  actor: RegisterActor,
  entries: readonly AccessEntry[],
): Array<typeof accessLog.$inferInsert> {
  return entries.map((e) => ({
    associationId: e.associationId,
    dataControllerId: e.dataControllerId,
    actorUserId: actor.userId,
    actorName: actor.name,
    actorRole: actor.role,
    actorOrganisation: actorOrganisation(actor, e.dataControllerId),
    participantId: e.participantId ?? null,
    enrollmentId: e.enrollmentId ?? null,
    action: e.action,
    fields: [...(e.fields ?? [])],
    requestId: actor.requestId ?? null,
    outcome: e.outcome ?? "ok",
  }));
}

/**
 * Appends entries to the access log, in their order. `tx` must be a register transaction
 * (inRegister) whose scope covers each entry's data controller: row-level security refuses any
 * other. Any number of entries go in a few statements (bulk.ts).
 */
export async function logAccess(
  tx: Tx,
  actor: RegisterActor,
  entries: AccessEntry | readonly AccessEntry[],
): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries as AccessEntry];
  if (list.length === 0) return;
  await insertMany(tx, accessLog, accessLogRows(actor, list));
}

export interface AccessLogFilters {
  /** The person who acted (a user id). */
  userId?: string;
  participantId?: string;
  action?: string;
  /** ÅÅÅÅ-MM-DD, inclusive: Swedish days (Europe/Stockholm), as the log is shown. */
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export interface AccessLogRow {
  id: number;
  at: Date;
  dataControllerId: string;
  dataControllerName: string;
  actorUserId: string | null;
  actorName: string;
  actorRole: string;
  actorOrganisation: string;
  participantId: string | null;
  enrollmentId: string | null;
  action: AccessAction;
  fields: string[];
  requestId: string | null;
  outcome: "ok" | "denied" | "error";
}

const MAX_LIMIT = 1000;

/**
 * The auditor's search of the access log of one association: by person, participant, action
 * and date range, newest first. It reads the log's rows and the data controllers' names only —
 * never a participant's record.
 */
export async function searchAccessLog(
  db: Db,
  logScope: AccessLogScope,
  filters: AccessLogFilters = {},
): Promise<{ rows: AccessLogRow[]; total: number }> {
  const problems: Record<string, string> = {};
  if (filters.userId && !UUID.test(filters.userId))
    problems.userId = "Välj en person i listan (personens id känns inte igen).";
  if (filters.participantId && !UUID.test(filters.participantId.trim()))
    problems.participantId =
      "Deltagarens id ska se ut som 8-4-4-4-12 tecken, till exempel 3f2a9c1e-0b7d-4e2a-9c1e-0b7d4e2a9c1e.";
  if (filters.action && !(ACCESS_ACTIONS as readonly string[]).includes(filters.action))
    problems.action = `Okänd händelse. Välj en av: ${Object.values(ACCESS_ACTION_LABELS).join(", ")}.`;
  const from = isoDate(filters.from);
  const to = isoDate(filters.to);
  if (from === "invalid") problems.from = "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-01-15.";
  if (to === "invalid") problems.to = "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-01-31.";
  if (from && to && from !== "invalid" && to !== "invalid" && to < from)
    problems.to = `Slutdatumet (${to}) ligger före startdatumet (${from}).`;
  const limit = filters.limit ?? 200;
  const offset = filters.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    problems.limit = `Visa mellan 1 och ${MAX_LIMIT} rader åt gången.`;
  if (!Number.isInteger(offset) || offset < 0) problems.offset = "Ogiltig sida.";
  if (Object.keys(problems).length) throw new ValidationError(problems);

  if (logScope.controllers.length === 0) return { rows: [], total: 0 };
  const where: SQL[] = [
    eq(accessLog.associationId, logScope.associationId),
    inArray(accessLog.dataControllerId, [...logScope.controllers]),
  ];
  if (filters.userId) where.push(eq(accessLog.actorUserId, filters.userId));
  if (filters.participantId) where.push(eq(accessLog.participantId, filters.participantId.trim()));
  if (filters.action) where.push(eq(accessLog.action, filters.action as AccessAction));
  // the days as the auditor reads them on the page: Swedish days, not UTC ones
  if (from && from !== "invalid") where.push(gte(accessLog.at, startOfSwedishDay(from)));
  if (to && to !== "invalid") where.push(lt(accessLog.at, endOfSwedishDay(to)));

  // A register transaction whose scope names no initiative: the log (by data controller) is
  // visible, enrollments and consents are not; the queries below read the log and the
  // controllers' names, nothing else.
  const only = { controllers: [], initiatives: [], logControllers: logScope.controllers };
  return inRegister(db, only, async (tx) => {
    const [counted] = await tx
      .select({ n: count() })
      .from(accessLog)
      .where(and(...where));
    const rows = await tx
      .select({
        id: accessLog.id,
        at: accessLog.at,
        dataControllerId: accessLog.dataControllerId,
        dataControllerName: memberOrganisations.name,
        actorUserId: accessLog.actorUserId,
        actorName: accessLog.actorName,
        actorRole: accessLog.actorRole,
        actorOrganisation: accessLog.actorOrganisation,
        participantId: accessLog.participantId,
        enrollmentId: accessLog.enrollmentId,
        action: accessLog.action,
        fields: accessLog.fields,
        requestId: accessLog.requestId,
        outcome: accessLog.outcome,
      })
      .from(accessLog)
      .innerJoin(memberOrganisations, eq(memberOrganisations.id, accessLog.dataControllerId))
      .where(and(...where))
      .orderBy(desc(accessLog.at), desc(accessLog.id))
      .limit(limit)
      .offset(offset);
    return { rows, total: counted?.n ?? 0 };
  });
}

export interface OwnLogEntry {
  at: Date;
  /** Which organisation read or changed the record. */
  organisation: string;
  action: AccessAction;
  actionLabel: string;
}

/**
 * What the participant sees about themself: when, and which organisation, read or changed
 * their record (not the person's name: the participant's page names organisations).
 */
export async function participantOwnLog(
  db: Db,
  subject: { dataControllerId: string; participantId: string },
): Promise<OwnLogEntry[]> {
  if (!UUID.test(subject.participantId) || !UUID.test(subject.dataControllerId)) return [];
  const only = { controllers: [], initiatives: [], logControllers: [subject.dataControllerId] };
  return inRegister(db, only, (tx) => readOwnLog(tx, subject.participantId));
}

/** The entries about one participant, oldest first, inside a register transaction. */
export async function readOwnLog(tx: Tx, participantId: string): Promise<OwnLogEntry[]> {
  const rows = await tx
    .select({
      at: accessLog.at,
      organisation: accessLog.actorOrganisation,
      action: accessLog.action,
    })
    .from(accessLog)
    .where(and(eq(accessLog.participantId, participantId), eq(accessLog.outcome, "ok")))
    .orderBy(accessLog.at, accessLog.id);
  return rows.map((r) => ({ ...r, actionLabel: ACCESS_ACTION_LABELS[r.action] }));
}
