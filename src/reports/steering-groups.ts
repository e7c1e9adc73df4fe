// Steering groups (domain/documents.md §5): the members each party of an initiative appoints,
// ordinary or deputy, from–to; the group's meetings with date, agenda, decisions and, once
// held, who attended; and the minutes and other documents of each meeting. Attendance answers
// "Har alla ordinarie representanter deltagit?" and the meetings "Styrgruppsmöten enligt
// avtal?" in the periodic reports. Every change goes to the audit log.
//
// Uploaded files are accepted by what they are, never by their name: a PDF, an Office Open
// XML or OpenDocument file whose package names the right main part, or a legacy Word file.
import { createHash } from "node:crypto";
import { inflateRawSync } from "node:zlib";
import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import { todayInSweden } from "../applications/workflow.ts";
import { memberOrganisations } from "../associations/schema.ts";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import { initiativePartners, initiatives } from "../initiatives/schema.ts";
import { isoDate } from "../initiatives/validate-initiative.ts";
import { roleAssignments, users } from "../people/schema.ts";
import { emailProblem, normaliseEmail } from "../people/validate.ts";
import type { Queryable, Tx } from "../platform/database/connect.ts";
import { ConflictError, NotFoundError, ValidationError } from "../platform/errors.ts";
import { isUuid } from "../platform/uuid.ts";
import {
  meetingAttachments,
  meetingAttendance,
  steeringGroupMeetings,
  steeringGroupMembers,
} from "./schema.ts";

export const MEMBERSHIPS = ["ordinarie", "ersattare"] as const;
export type Membership = (typeof MEMBERSHIPS)[number];
export const MEMBERSHIP_LABELS: Record<Membership, string> = {
  ordinarie: "Ordinarie",
  ersattare: "Ersättare",
};

/** The largest attachment: 10 MB, as the table's check. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const TEXT_LIMIT = 20_000;
const DATE_HINT = "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-12.";
export const FUTURE_MEETING_HELD = "Ett möte som inte har ägt rum kan inte markeras som hållet.";

// ---------------------------------------------------------------------------------------------
// Reading

/** The initiative's parties: the owner first, then the partners by name. */
export async function initiativeParties(q: Queryable, initiativeId: string) {
  const [owner] = await q
    .select({ id: memberOrganisations.id, name: memberOrganisations.name })
    .from(initiatives)
    .innerJoin(memberOrganisations, eq(memberOrganisations.id, initiatives.ownerOrganisationId))
    .where(eq(initiatives.id, initiativeId));
  if (!owner) return [];
  const partners = await q
    .select({ id: memberOrganisations.id, name: memberOrganisations.name })
    .from(initiativePartners)
    .innerJoin(memberOrganisations, eq(memberOrganisations.id, initiativePartners.organisationId))
    .where(eq(initiativePartners.initiativeId, initiativeId))
    .orderBy(asc(memberOrganisations.name));
  return [
    { ...owner, isOwner: true },
    ...partners.filter((p) => p.id !== owner.id).map((p) => ({ ...p, isOwner: false })),
  ];
}

export type MemberState = "current" | "former" | "upcoming";

/** Whether a member sits in the group on a given day. */
export const activeOn = (m: { fromDate: string; toDate: string | null }, day: string) =>
  m.fromDate <= day && (m.toDate === null || m.toDate >= day);

const stateOn = (m: { fromDate: string; toDate: string | null }, day: string): MemberState =>
  m.fromDate > day ? "upcoming" : activeOn(m, day) ? "current" : "former";

async function membersOf(q: Queryable, initiativeId: string, today: string) {
  const rows = await q
    .select({
      member: steeringGroupMembers,
      organisationName: memberOrganisations.name,
      userName: users.name,
      userEmail: users.email,
    })
    .from(steeringGroupMembers)
    .innerJoin(memberOrganisations, eq(memberOrganisations.id, steeringGroupMembers.organisationId))
    .leftJoin(users, eq(users.id, steeringGroupMembers.userId))
    .where(eq(steeringGroupMembers.initiativeId, initiativeId))
    .orderBy(
      asc(memberOrganisations.name),
      asc(steeringGroupMembers.membership),
      asc(steeringGroupMembers.fromDate),
      asc(steeringGroupMembers.name),
    );
  return rows.map((r) => ({
    id: r.member.id,
    organisationId: r.member.organisationId,
    organisationName: r.organisationName,
    name: r.member.name,
    email: r.member.email,
    title: r.member.title,
    membership: r.member.membership,
    fromDate: r.member.fromDate,
    toDate: r.member.toDate,
    userId: r.member.userId,
    accountEmail: r.userEmail ?? null,
    accountName: r.userName ?? null,
    version: r.member.version,
    state: stateOn(r.member, today),
  }));
}

export type SteeringGroupMember = Awaited<ReturnType<typeof membersOf>>[number];

/** Members in the order of their parties (the owner first), ordinary before deputies. */
function byParty<M extends { organisationId: string; membership: string; name: string }>(
  members: M[],
  parties: Array<{ id: string }>,
): M[] {
  const rank = (id: string) => {
    const i = parties.findIndex((p) => p.id === id);
    return i < 0 ? parties.length : i;
  };
  return [...members].sort(
    (a, b) =>
      rank(a.organisationId) - rank(b.organisationId) ||
      (a.membership === b.membership ? 0 : a.membership === "ordinarie" ? -1 : 1) ||
      a.name.localeCompare(b.name, "sv"),
  );
}

/** Attendance at one meeting, counted against the members who sat in the group that day. */
export interface AttendanceCount {
  /** Whether any attendance has been recorded for the meeting. */
  recorded: boolean;
  /** Ordinary members active on the meeting date, and how many of them were present. */
  ordinary: number;
  presentOrdinary: number;
  /** Everyone present, deputies included. */
  present: number;
}

function countAttendance(
  meetingDate: string,
  members: Array<{ id: string; membership: string; fromDate: string; toDate: string | null }>,
  rows: Array<{ memberId: string; present: boolean }>,
): AttendanceCount {
  const active = members.filter((m) => activeOn(m, meetingDate));
  const present = new Set(rows.filter((r) => r.present).map((r) => r.memberId));
  const ordinary = active.filter((m) => m.membership === "ordinarie");
  return {
    recorded: rows.length > 0,
    ordinary: ordinary.length,
    presentOrdinary: ordinary.filter((m) => present.has(m.id)).length,
    present: active.filter((m) => present.has(m.id)).length,
  };
}

/**
 * The steering group of an initiative, for pages and documents: its parties, every member
 * (with whether they sit now), and every meeting, newest first, with its attendance counted
 * and its number of documents. The caller has checked the initiative and the permission.
 */
export async function steeringGroupOf(q: Queryable, initiativeId: string, now = new Date()) {
  const today = todayInSweden(now);
  const parties = await initiativeParties(q, initiativeId);
  const members = byParty(await membersOf(q, initiativeId, today), parties);
  const meetings = await q
    .select()
    .from(steeringGroupMeetings)
    .where(eq(steeringGroupMeetings.initiativeId, initiativeId))
    .orderBy(desc(steeringGroupMeetings.meetingDate), desc(steeringGroupMeetings.createdAt));
  const ids = meetings.map((m) => m.id);
  const attendance = ids.length
    ? await q.select().from(meetingAttendance).where(inArray(meetingAttendance.meetingId, ids))
    : [];
  const documents = ids.length
    ? await q
        .select({ meetingId: meetingAttachments.meetingId, n: count() })
        .from(meetingAttachments)
        .where(inArray(meetingAttachments.meetingId, ids))
        .groupBy(meetingAttachments.meetingId)
    : [];
  return {
    parties,
    members,
    meetings: meetings.map((m) => ({
      id: m.id,
      meetingDate: m.meetingDate,
      held: m.held,
      agenda: m.agenda,
      decisions: m.decisions,
      version: m.version,
      updatedAt: m.updatedAt,
      attendance: countAttendance(
        m.meetingDate,
        members,
        attendance.filter((a) => a.meetingId === m.id),
      ),
      documents: documents.find((d) => d.meetingId === m.id)?.n ?? 0,
    })),
  };
}

export type SteeringGroup = Awaited<ReturnType<typeof steeringGroupOf>>;

/** Whether the initiative is one of the association's. */
export async function initiativeInAssociation(
  q: Queryable,
  associationId: string,
  initiativeId: string,
) {
  if (!isUuid(initiativeId)) return undefined;
  const [row] = await q
    .select({ id: initiatives.id, name: initiatives.name, status: initiatives.status })
    .from(initiatives)
    .where(and(eq(initiatives.id, initiativeId), eq(initiatives.associationId, associationId)));
  return row;
}

async function meetingRow(
  q: Queryable,
  associationId: string,
  initiativeId: string,
  meetingId: string,
  lock = false,
) {
  if (!isUuid(meetingId) || !isUuid(initiativeId)) return undefined;
  const query = q
    .select({ meeting: steeringGroupMeetings })
    .from(steeringGroupMeetings)
    .innerJoin(initiatives, eq(initiatives.id, steeringGroupMeetings.initiativeId))
    .where(
      and(
        eq(steeringGroupMeetings.id, meetingId),
        eq(steeringGroupMeetings.initiativeId, initiativeId),
        eq(initiatives.associationId, associationId),
      ),
    );
  const [row] = lock ? await query.for("update", { of: steeringGroupMeetings }) : await query;
  return row?.meeting;
}

/**
 * One meeting with the members who sat in the group on its day (and whether each was present,
 * null when not recorded) and its documents (without their contents).
 */
export async function getSteeringGroupMeeting(
  q: Queryable,
  associationId: string,
  initiativeId: string,
  meetingId: string,
  now = new Date(),
) {
  const meeting = await meetingRow(q, associationId, initiativeId, meetingId);
  if (!meeting) return undefined;
  const parties = await initiativeParties(q, initiativeId);
  const members = byParty(await membersOf(q, initiativeId, todayInSweden(now)), parties);
  const rows = await q
    .select()
    .from(meetingAttendance)
    .where(eq(meetingAttendance.meetingId, meeting.id));
  const attachments = await q
    .select({
      id: meetingAttachments.id,
      fileName: meetingAttachments.fileName,
      mediaType: meetingAttachments.mediaType,
      sizeBytes: meetingAttachments.sizeBytes,
      sha256: meetingAttachments.sha256,
      uploadedAt: meetingAttachments.uploadedAt,
      uploadedByName: users.name,
    })
    .from(meetingAttachments)
    .leftJoin(users, eq(users.id, meetingAttachments.uploadedBy))
    .where(eq(meetingAttachments.meetingId, meeting.id))
    .orderBy(asc(meetingAttachments.uploadedAt));
  const active = members.filter((m) => activeOn(m, meeting.meetingDate));
  return {
    ...meeting,
    members: active.map((m) => ({
      ...m,
      present: rows.find((r) => r.memberId === m.id)?.present ?? null,
    })),
    attendance: countAttendance(meeting.meetingDate, members, rows),
    attachments: attachments.map((a) => ({ ...a, uploadedByName: a.uploadedByName ?? null })),
  };
}

export type SteeringGroupMeeting = NonNullable<Awaited<ReturnType<typeof getSteeringGroupMeeting>>>;

// ---------------------------------------------------------------------------------------------
// Members

export interface MemberInput {
  organisationId: string;
  name: string;
  email?: string | undefined;
  title?: string | undefined;
  membership: string;
  fromDate: string;
  toDate?: string | null | undefined;
  /** The e-mail of a Samspår account in the association to link the member to; empty for none. */
  accountEmail?: string | null | undefined;
}

async function validateMember(
  q: Queryable,
  associationId: string,
  initiativeId: string,
  input: MemberInput,
) {
  const problems: Record<string, string> = {};
  const parties = await initiativeParties(q, initiativeId);
  if (!parties.some((p) => p.id === input.organisationId))
    problems.organisationId = "Välj en av insatsens parter: insatsägaren eller en samverkanspart.";
  const name = input.name.trim();
  if (!name) problems.name = "Fyll i ledamotens namn.";
  else if (name.length > 200) problems.name = "Namnet får ha högst 200 tecken.";
  const email = normaliseEmail(input.email ?? "");
  if (email) {
    const problem = emailProblem(email);
    if (problem) problems.email = problem;
  }
  const title = (input.title ?? "").trim();
  if (title.length > 200) problems.title = "Titeln får ha högst 200 tecken.";
  if (!(MEMBERSHIPS as readonly string[]).includes(input.membership))
    problems.membership = "Välj om ledamoten är ordinarie eller ersättare.";
  const from = isoDate(input.fromDate);
  if (from === null) problems.fromDate = "Fyll i från vilket datum ledamoten ingår i styrgruppen.";
  else if (from === "invalid") problems.fromDate = DATE_HINT;
  const to = isoDate(input.toDate ?? "");
  if (to === "invalid") problems.toDate = DATE_HINT;
  else if (to && typeof from === "string" && from !== "invalid" && to < from)
    problems.toDate = "Slutdatum kan inte vara före startdatum.";
  let userId: string | null = null;
  const accountEmail = normaliseEmail(input.accountEmail ?? "");
  if (accountEmail) {
    // only staff accounts of this association: no one learns of accounts elsewhere
    const [account] = await q
      .selectDistinct({ id: users.id })
      .from(users)
      .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
      .where(
        and(
          eq(users.email, accountEmail),
          eq(users.kind, "staff"),
          eq(roleAssignments.associationId, associationId),
        ),
      );
    if (account) userId = account.id;
    else
      problems.accountEmail = `Det finns inget konto med e-postadressen ${accountEmail} i förbundet. Kontrollera adressen eller lämna fältet tomt.`;
  }
  if (Object.keys(problems).length) throw new ValidationError(problems);
  return {
    organisationId: input.organisationId,
    name,
    email,
    title,
    membership: input.membership as Membership,
    fromDate: from as string,
    toDate: (to as string | null) ?? null,
    userId,
  };
}

async function requireInitiative(q: Queryable, associationId: string, initiativeId: string) {
  const found = await initiativeInAssociation(q, associationId, initiativeId);
  if (!found) throw new NotFoundError("Insatsen finns inte i förbundet.");
  return found;
}

/** Adds a member to the steering group. */
export async function addSteeringGroupMember(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  initiativeId: string,
  input: MemberInput,
): Promise<string> {
  await requireInitiative(q, associationId, initiativeId);
  const values = await validateMember(q, associationId, initiativeId, input);
  return q.transaction(async (tx) => {
    const [row] = await tx
      .insert(steeringGroupMembers)
      .values({ initiativeId, ...values })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    await recordAuditEvent(tx, actor, {
      action: "steering_group.member_added",
      associationId,
      targetType: "steering_group_member",
      targetId: row.id,
      details: {
        initiativeId,
        organisationId: row.organisationId,
        name: row.name,
        membership: row.membership,
        fromDate: row.fromDate,
        toDate: row.toDate,
      },
    });
    return row.id;
  });
}

async function lockMember(
  tx: Tx,
  associationId: string,
  initiativeId: string,
  memberId: string,
  expectedVersion: number | undefined,
) {
  if (!isUuid(memberId)) throw new NotFoundError("Ledamoten finns inte i styrgruppen.");
  const [row] = await tx
    .select({ member: steeringGroupMembers })
    .from(steeringGroupMembers)
    .innerJoin(initiatives, eq(initiatives.id, steeringGroupMembers.initiativeId))
    .where(
      and(
        eq(steeringGroupMembers.id, memberId),
        eq(steeringGroupMembers.initiativeId, initiativeId),
        eq(initiatives.associationId, associationId),
      ),
    )
    .for("update", { of: steeringGroupMembers });
  if (!row) throw new NotFoundError("Ledamoten finns inte i styrgruppen.");
  if (expectedVersion !== undefined && row.member.version !== expectedVersion)
    throw new ConflictError(
      `Någon annan har ändrat ledamoten ${row.member.name} medan du arbetade (version ${row.member.version}, du utgick från version ${expectedVersion}). Din ändring är inte sparad. Ladda om sidan och gör om den.`,
    );
  return row.member;
}

/** Changes a member: every field, checked like a new one, against the version it was read at. */
export async function updateSteeringGroupMember(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  initiativeId: string,
  memberId: string,
  expectedVersion: number,
  input: MemberInput,
): Promise<number> {
  await requireInitiative(q, associationId, initiativeId);
  const values = await validateMember(q, associationId, initiativeId, input);
  return q.transaction(async (tx) => {
    const before = await lockMember(tx, associationId, initiativeId, memberId, expectedVersion);
    const version = before.version + 1;
    await tx
      .update(steeringGroupMembers)
      .set({ ...values, version })
      .where(eq(steeringGroupMembers.id, memberId));
    const changed = (Object.keys(values) as Array<keyof typeof values>).filter(
      (k) => values[k] !== before[k],
    );
    await recordAuditEvent(tx, actor, {
      action: "steering_group.member_changed",
      associationId,
      targetType: "steering_group_member",
      targetId: memberId,
      details: { initiativeId, name: values.name, changed, version },
    });
    return version;
  });
}

/** Ends a membership on a date (the last day the member sits in the group). */
export async function endSteeringGroupMembership(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  initiativeId: string,
  memberId: string,
  toDate: string,
  expectedVersion?: number,
): Promise<number> {
  const to = isoDate(toDate);
  if (to === null) throw new ValidationError({ toDate: "Fyll i sista dagen i styrgruppen." });
  if (to === "invalid") throw new ValidationError({ toDate: DATE_HINT });
  return q.transaction(async (tx) => {
    const before = await lockMember(tx, associationId, initiativeId, memberId, expectedVersion);
    if (to < before.fromDate)
      throw new ValidationError({
        toDate: `Slutdatum kan inte vara före ${before.fromDate}, då ${before.name} började i styrgruppen.`,
      });
    const version = before.version + 1;
    await tx
      .update(steeringGroupMembers)
      .set({ toDate: to, version })
      .where(eq(steeringGroupMembers.id, memberId));
    await recordAuditEvent(tx, actor, {
      action: "steering_group.member_ended",
      associationId,
      targetType: "steering_group_member",
      targetId: memberId,
      details: { initiativeId, name: before.name, toDate: to, version },
    });
    return version;
  });
}

// ---------------------------------------------------------------------------------------------
// Meetings

export interface MeetingInput {
  meetingDate: string;
  held: boolean;
  agenda?: string | undefined;
  decisions?: string | undefined;
}

export interface MeetingChange extends MeetingInput {
  /**
   * Who attended, for a held meeting: every member who sat in the group on the meeting date,
   * present or not; members left out are recorded as absent. Undefined keeps what is recorded.
   */
  attendance?: Array<{ memberId: string; present: boolean }> | undefined;
}

function validateMeeting(input: MeetingInput, now: Date) {
  const problems: Record<string, string> = {};
  const date = isoDate(input.meetingDate);
  if (date === null) problems.meetingDate = "Fyll i mötets datum.";
  else if (date === "invalid") problems.meetingDate = DATE_HINT;
  else if (input.held && date > todayInSweden(now)) problems.held = FUTURE_MEETING_HELD;
  const agenda = (input.agenda ?? "").trim();
  const decisions = (input.decisions ?? "").trim();
  if (agenda.length > TEXT_LIMIT) problems.agenda = "Dagordningen får ha högst 20 000 tecken.";
  if (decisions.length > TEXT_LIMIT) problems.decisions = "Besluten får ha högst 20 000 tecken.";
  if (Object.keys(problems).length) throw new ValidationError(problems);
  return { meetingDate: date as string, held: input.held, agenda, decisions };
}

/** Adds a meeting: planned, or already held (then not in the future). */
export async function addSteeringGroupMeeting(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  initiativeId: string,
  input: MeetingInput,
  now = new Date(),
): Promise<string> {
  const values = validateMeeting(input, now);
  await requireInitiative(q, associationId, initiativeId);
  return q.transaction(async (tx) => {
    const [row] = await tx
      .insert(steeringGroupMeetings)
      .values({ initiativeId, ...values })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    await recordAuditEvent(tx, actor, {
      action: "steering_group.meeting_added",
      associationId,
      targetType: "steering_group_meeting",
      targetId: row.id,
      details: { initiativeId, meetingDate: row.meetingDate, held: row.held },
    });
    return row.id;
  });
}

/** Changes a meeting (date, held, agenda, decisions) and its attendance, at the version read. */
export async function updateSteeringGroupMeeting(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  initiativeId: string,
  meetingId: string,
  expectedVersion: number,
  input: MeetingChange,
  now = new Date(),
): Promise<number> {
  const values = validateMeeting(input, now);
  return q.transaction(async (tx) => {
    const before = await meetingRow(tx, associationId, initiativeId, meetingId, true);
    if (!before) throw new NotFoundError("Mötet finns inte.");
    if (before.version !== expectedVersion)
      throw new ConflictError(
        `Någon annan har ändrat mötet ${before.meetingDate} medan du arbetade (version ${before.version}, du utgick från version ${expectedVersion}). Dina ändringar är inte sparade. Ladda om sidan och gör om dem.`,
      );
    const members = await tx
      .select()
      .from(steeringGroupMembers)
      .where(eq(steeringGroupMembers.initiativeId, initiativeId));
    const active = members.filter((m) => activeOn(m, values.meetingDate));
    const existing = await tx
      .select()
      .from(meetingAttendance)
      .where(eq(meetingAttendance.meetingId, meetingId));

    let rows: Array<{ memberId: string; present: boolean }>;
    if (input.attendance !== undefined) {
      const problems: Record<string, string> = {};
      const given = new Map<string, boolean>();
      input.attendance.forEach((a, i) => {
        const member = members.find((m) => m.id === a.memberId);
        if (!member) problems[`attendance.${i}.memberId`] = "Ledamoten finns inte i styrgruppen.";
        else if (!activeOn(member, values.meetingDate))
          problems[`attendance.${i}.memberId`] =
            `${member.name} satt inte i styrgruppen ${values.meetingDate}.`;
        else given.set(a.memberId, a.present);
      });
      if (!values.held && [...given.values()].some(Boolean))
        problems.attendance =
          "Närvaro registreras bara för ett hållet möte. Markera mötet som hållet, eller ta bort närvaron.";
      if (Object.keys(problems).length) throw new ValidationError(problems);
      rows = values.held
        ? active.map((m) => ({ memberId: m.id, present: given.get(m.id) ?? false }))
        : [];
    } else {
      // what was recorded stays, for the members who still sat in the group that day
      rows = values.held ? existing.filter((r) => active.some((m) => m.id === r.memberId)) : [];
    }

    const version = before.version + 1;
    await tx
      .update(steeringGroupMeetings)
      .set({ ...values, version, updatedAt: new Date() })
      .where(eq(steeringGroupMeetings.id, meetingId));
    await tx.delete(meetingAttendance).where(eq(meetingAttendance.meetingId, meetingId));
    if (rows.length)
      await tx
        .insert(meetingAttendance)
        .values(rows.map((r) => ({ meetingId, memberId: r.memberId, present: r.present })));
    const ordinary = active.filter((m) => m.membership === "ordinarie");
    await recordAuditEvent(tx, actor, {
      action: "steering_group.meeting_changed",
      associationId,
      targetType: "steering_group_meeting",
      targetId: meetingId,
      details: {
        initiativeId,
        meetingDate: values.meetingDate,
        held: values.held,
        version,
        attendance: rows.length
          ? {
              present: rows.filter((r) => r.present).length,
              presentOrdinary: ordinary.filter((m) =>
                rows.some((r) => r.memberId === m.id && r.present),
              ).length,
              ordinary: ordinary.length,
            }
          : null,
      },
    });
    return version;
  });
}

// ---------------------------------------------------------------------------------------------
// Attachments: what a file is, read from its bytes

export const DOCUMENT_KINDS = {
  pdf: { mediaType: "application/pdf", extensions: [".pdf"] },
  docx: {
    mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extensions: [".docx"],
  },
  xlsx: {
    mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extensions: [".xlsx"],
  },
  pptx: {
    mediaType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    extensions: [".pptx"],
  },
  odt: { mediaType: "application/vnd.oasis.opendocument.text", extensions: [".odt"] },
  ods: { mediaType: "application/vnd.oasis.opendocument.spreadsheet", extensions: [".ods"] },
  odp: { mediaType: "application/vnd.oasis.opendocument.presentation", extensions: [".odp"] },
  doc: { mediaType: "application/msword", extensions: [".doc"] },
} as const;
export type DocumentKind = keyof typeof DOCUMENT_KINDS;

/** The main part's content type in [Content_Types].xml for each Office Open XML kind. */
const OOXML_MAIN: Record<string, DocumentKind> = {
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": "docx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": "pptx",
};
const ODF_MIMETYPES: Record<string, DocumentKind> = {
  "application/vnd.oasis.opendocument.text": "odt",
  "application/vnd.oasis.opendocument.spreadsheet": "ods",
  "application/vnd.oasis.opendocument.presentation": "odp",
};

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

/** The entries of a ZIP file's central directory, or undefined if it is not a readable ZIP. */
function zipEntries(buf: Buffer): ZipEntry[] | undefined {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  let end = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const total = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < total; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) return undefined;
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    if (at + 46 + nameLength > buf.length) return undefined;
    entries.push({
      method: buf.readUInt16LE(at + 10),
      compressedSize: buf.readUInt32LE(at + 20),
      localOffset: buf.readUInt32LE(at + 42),
      name: buf.toString("utf8", at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** One small entry's contents as text (at most 1 MB unpacked), or undefined. */
function zipText(buf: Buffer, entry: ZipEntry | undefined): string | undefined {
  if (!entry) return undefined;
  const at = entry.localOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== 0x04034b50) return undefined;
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > buf.length) return undefined;
  const raw = buf.subarray(start, end);
  try {
    if (entry.method === 0) return raw.subarray(0, 1024 * 1024).toString("utf8");
    if (entry.method === 8)
      return inflateRawSync(raw, { maxOutputLength: 1024 * 1024 }).toString("utf8");
  } catch {
    return undefined;
  }
  return undefined;
}

const attribute = (tag: string, name: string) =>
  new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`, "i").exec(tag)?.[1] ??
  new RegExp(`\\b${name}\\s*=\\s*'([^']*)'`, "i").exec(tag)?.[1];

function zipDocumentKind(buf: Buffer): DocumentKind | undefined {
  const entries = zipEntries(buf);
  if (!entries) return undefined;
  const byName = (name: string) => entries.find((e) => e.name.toLowerCase() === name.toLowerCase());
  // OpenDocument: a "mimetype" entry naming the kind, and the content it describes
  const mimetype = zipText(buf, byName("mimetype"))?.trim();
  if (mimetype && ODF_MIMETYPES[mimetype] && byName("content.xml")) return ODF_MIMETYPES[mimetype];
  // Office Open XML: [Content_Types].xml names the main part, which must be there
  const types = zipText(buf, byName("[Content_Types].xml"));
  if (!types) return undefined;
  for (const tag of types.match(/<Override\b[^>]*>/gi) ?? []) {
    const kind = OOXML_MAIN[attribute(tag, "ContentType") ?? ""];
    const part = (attribute(tag, "PartName") ?? "").replace(/^\//, "");
    if (kind && part && byName(part)) return kind;
  }
  return undefined;
}

const OLE_HEADER = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** What kind of document the bytes are, or undefined for anything else. */
export function documentKindOf(data: Uint8Array): DocumentKind | undefined {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.length < 8) return undefined;
  if (buf.subarray(0, 5).toString("latin1") === "%PDF-") {
    // a real PDF ends with its end-of-file marker (give or take trailing whitespace)
    return buf.subarray(Math.max(0, buf.length - 2048)).includes("%%EOF") ? "pdf" : undefined;
  }
  if (buf.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return zipDocumentKind(buf);
  // a legacy Word file: an OLE compound file with a WordDocument stream
  if (buf.subarray(0, 8).equals(Buffer.from(OLE_HEADER)))
    return buf.includes(Buffer.from("WordDocument", "utf16le")) ? "doc" : undefined;
  return undefined;
}

/** Megabytes as a person reads them, rounded up to one decimal: "12,4". */
const megabytes = (bytes: number) =>
  new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 1 }).format(
    Math.ceil((bytes / (1024 * 1024)) * 10) / 10,
  );

/** A file name safe to store and show: no folders, no control characters, at most 200 characters. */
export function cleanFileName(raw: string): string {
  const base = (raw.split(/[/\\]/).pop() ?? "")
    .normalize("NFC")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  if (!base) return "dokument";
  if (base.length <= 200) return base;
  const dot = base.lastIndexOf(".");
  const ext = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : "";
  return base.slice(0, 200 - ext.length) + ext;
}

/**
 * Checks an upload: a document by its contents, of at most 10 MB. Answers the kind and the
 * name to store (given the right extension if it had another); refuses naming the file.
 */
export function checkDocument(
  fileName: string,
  data: Uint8Array,
): { kind: DocumentKind; mediaType: string; fileName: string } {
  const name = cleanFileName(fileName);
  if (data.byteLength === 0)
    throw new ValidationError({ file: `${name} är tom. Välj filen med protokollet igen.` });
  if (data.byteLength > MAX_ATTACHMENT_BYTES)
    throw new ValidationError({
      file: `${name} är ${megabytes(data.byteLength)} MB. Största tillåtna storlek är 10 MB.`,
    });
  const kind = documentKindOf(data);
  if (!kind)
    throw new ValidationError({
      file: `${name} är inte ett dokument. Ladda upp protokollet som PDF eller Word (docx).`,
    });
  const { mediaType, extensions } = DOCUMENT_KINDS[kind];
  const fitting = (extensions as readonly string[]).some((e) => name.toLowerCase().endsWith(e));
  const stored = fitting ? name : cleanFileName(`${name}${extensions[0]}`);
  return { kind, mediaType, fileName: stored };
}

/** Content-Disposition for a download: an ASCII name for old clients, UTF-8 (RFC 8187) for the rest. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\w.\- ]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Stores a document of a meeting: minutes or another document, checked by its contents. */
export async function addMeetingAttachment(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  initiativeId: string,
  meetingId: string,
  file: { fileName: string; data: Uint8Array },
): Promise<string> {
  const meeting = await meetingRow(q, associationId, initiativeId, meetingId);
  if (!meeting) throw new NotFoundError("Mötet finns inte.");
  const checked = checkDocument(file.fileName, file.data);
  const data = Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength);
  const sha256 = createHash("sha256").update(data).digest("hex");
  return q.transaction(async (tx) => {
    const [row] = await tx
      .insert(meetingAttachments)
      .values({
        meetingId,
        fileName: checked.fileName,
        mediaType: checked.mediaType,
        sizeBytes: data.byteLength,
        sha256,
        data,
        uploadedBy: actor.userId,
      })
      .returning({ id: meetingAttachments.id });
    if (!row) throw new Error("insert returned nothing");
    await recordAuditEvent(tx, actor, {
      action: "steering_group.attachment_added",
      associationId,
      targetType: "meeting_attachment",
      targetId: row.id,
      details: {
        initiativeId,
        meetingId,
        meetingDate: meeting.meetingDate,
        fileName: checked.fileName,
        mediaType: checked.mediaType,
        sizeBytes: data.byteLength,
        sha256,
      },
    });
    return row.id;
  });
}

/** One document with its contents, if it belongs to a meeting of the initiative. */
export async function getMeetingAttachment(
  q: Queryable,
  associationId: string,
  initiativeId: string,
  attachmentId: string,
) {
  if (!isUuid(attachmentId) || !isUuid(initiativeId)) return undefined;
  const [row] = await q
    .select({ attachment: meetingAttachments })
    .from(meetingAttachments)
    .innerJoin(steeringGroupMeetings, eq(steeringGroupMeetings.id, meetingAttachments.meetingId))
    .innerJoin(initiatives, eq(initiatives.id, steeringGroupMeetings.initiativeId))
    .where(
      and(
        eq(meetingAttachments.id, attachmentId),
        eq(steeringGroupMeetings.initiativeId, initiativeId),
        eq(initiatives.associationId, associationId),
      ),
    );
  return row?.attachment;
}

/** Removes a document from its meeting; the audit log keeps its name and checksum. */
export async function deleteMeetingAttachment(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  initiativeId: string,
  attachmentId: string,
): Promise<void> {
  const found = await getMeetingAttachment(q, associationId, initiativeId, attachmentId);
  if (!found) throw new NotFoundError("Dokumentet finns inte.");
  await q.transaction(async (tx) => {
    await tx.delete(meetingAttachments).where(eq(meetingAttachments.id, attachmentId));
    await recordAuditEvent(tx, actor, {
      action: "steering_group.attachment_deleted",
      associationId,
      targetType: "meeting_attachment",
      targetId: attachmentId,
      details: {
        initiativeId,
        meetingId: found.meetingId,
        fileName: found.fileName,
        sizeBytes: found.sizeBytes,
        sha256: found.sha256,
      },
    });
  });
}
