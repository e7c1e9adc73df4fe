// Portal accounts as staff give and close them, and the contact details for codes and reminders
// (issue 9; domain/portal.md). A portal account is three rows in two zones:
//
// - the association zone: a users row of kind 'participant' that carries NO identity (an address
//   `deltagare-<random>@portal.invalid`, the name "Deltagare", no password) and a role assignment
//   'participant' on each initiative the person may use the portal for;
// - the register zone: register.portal_accounts, linking that user to the register's participant,
//   with the encrypted e-mail address and phone number.
//
// The association-zone writes and the audit event come first in one transaction; the register's
// part runs last in the same transaction (inRegister opens a savepoint and switches role until
// the transaction ends), so nothing is half-written when any part is refused.
import { randomBytes } from "node:crypto";
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { canOnInitiative, ForbiddenError } from "../access/policy.ts";
import type { Principal } from "../access/principal.ts";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import { roleAssignments, users } from "../people/schema.ts";
import type { Db, Tx } from "../platform/database/connect.ts";
import {
  ConflictError,
  isUniqueViolation,
  NotFoundError,
  ValidationError,
} from "../platform/errors.ts";
import { UUID } from "../platform/uuid.ts";
import { logAccess } from "../register/access-log.ts";
import type { RegisterCrypto } from "../register/crypto.ts";
import { enrollments, participants } from "../register/schema.ts";
import { type RegisterAccess, type RegisterActor, registerScopeFor } from "../register/scope.ts";
import { inRegister, type RegisterScope } from "../register/zone.ts";
import { destroyUserSessions } from "../sign-in/sessions.ts";
import { isPortalLocale, type PortalLocale } from "./locales.ts";
import { portalAccounts, portalSignInCodes, portalSignIns } from "./schema.ts";

/** A participant officer working on the portal of one association. */
export interface PortalStaff {
  principal: Principal;
  associationId: string;
  /** The officer's register scope and access-log actor (registerScopeFor). */
  access: RegisterAccess;
  audit: AuditActor;
}

export type ReminderChannel = "epost" | "sms" | "ingen";
export const REMINDER_CHANNELS: readonly ReminderChannel[] = ["epost", "sms", "ingen"];
export const isReminderChannel = (v: unknown): v is ReminderChannel =>
  typeof v === "string" && (REMINDER_CHANNELS as readonly string[]).includes(v);

/** Access-log field names of the portal's account data (labels: the lead's ACCESS_FIELD_LABELS). */
export const PORTAL_ACCOUNT_FIELD = "portalAccount";
export const PORTAL_CONTACT_FIELD = "portalContact";

const NOT_ENROLLED =
  "Deltagaren är inte inskriven på den här insatsen, eller så har du inte behörighet att se inskrivningen.";
const NO_ACCOUNT = "Deltagaren har inget portalkonto på den här insatsen.";

/** Refuses anyone who is not a participant officer (portal.staff) of the initiative. */
export function requirePortalStaff(staff: PortalStaff, initiativeId: string): void {
  if (
    !UUID.test(initiativeId) ||
    !canOnInitiative(staff.principal, "portal.staff", staff.associationId, initiativeId) ||
    !staff.access.scope.initiatives.includes(initiativeId)
  )
    throw new ForbiddenError("portal.staff");
}

/** The register scope of one initiative for the officer: row-level security limits the rest. */
const initiativeScope = (staff: PortalStaff, initiativeId: string): RegisterScope => ({
  controllers: staff.access.scope.controllers,
  initiatives: [initiativeId],
});

const withRequest = (staff: PortalStaff): RegisterActor => ({
  ...staff.access.actor,
  requestId: staff.audit.requestId ?? staff.access.actor.requestId ?? null,
});

/** A portal account as staff may see it (its contact details still sealed). */
export interface StaffAccountRow {
  userId: string;
  participantId: string;
  associationId: string;
  dataControllerId: string;
  initiativeId: string;
  locale: PortalLocale;
  emailCiphertext: string | null;
  phoneCiphertext: string | null;
  reminders: ReminderChannel;
  closedAt: Date | null;
  version: number;
  /** False when the account was made on another initiative: only its id and language are known. */
  visible: boolean;
}

/**
 * The portal account of a participant, inside a register transaction of the officer: the row
 * itself when it was made on an initiative in scope, otherwise (made on another initiative of
 * the association) the open account found through the participant's keyed identity hash.
 */
export async function accountForStaff(
  tx: Tx,
  associationId: string,
  participant: { id: string; identityLookup: string | null },
): Promise<StaffAccountRow | undefined> {
  const [row] = await tx
    .select()
    .from(portalAccounts)
    .where(eq(portalAccounts.participantId, participant.id));
  if (row)
    return {
      userId: row.userId,
      participantId: row.participantId,
      associationId: row.associationId,
      dataControllerId: row.dataControllerId,
      initiativeId: row.initiativeId,
      locale: isPortalLocale(row.locale) ? row.locale : "sv",
      emailCiphertext: row.emailCiphertext,
      phoneCiphertext: row.phoneCiphertext,
      reminders: row.reminders,
      closedAt: row.closedAt,
      version: row.version,
      visible: true,
    };
  if (!participant.identityLookup) return undefined;
  const found = await tx.execute<{ user_id: string | null }>(
    sql`select register.portal_user_by_identity(${associationId}::uuid, ${participant.identityLookup}) as user_id`,
  );
  const userId = found.rows[0]?.user_id;
  if (!userId) return undefined;
  const other = await tx.execute<{
    participant_id: string;
    association_id: string;
    data_controller_id: string;
    initiative_id: string;
    locale: string;
  }>(sql`select * from register.portal_account_of(${userId}::uuid)`);
  const a = other.rows[0];
  if (!a || a.participant_id !== participant.id) return undefined;
  return {
    userId,
    participantId: a.participant_id,
    associationId: a.association_id,
    dataControllerId: a.data_controller_id,
    initiativeId: a.initiative_id,
    locale: isPortalLocale(a.locale) ? a.locale : "sv",
    emailCiphertext: null,
    phoneCiphertext: null,
    reminders: "ingen",
    closedAt: null,
    version: 0,
    visible: false,
  };
}

/** The participant's latest (not voided) enrollment on the initiative, with the participant. */
export async function enrolledParticipant(tx: Tx, initiativeId: string, participantId: string) {
  if (!UUID.test(participantId)) throw new NotFoundError(NOT_ENROLLED);
  const [row] = await tx
    .select({ participant: participants, enrollment: enrollments })
    .from(enrollments)
    .innerJoin(participants, eq(participants.id, enrollments.participantId))
    .where(
      and(
        eq(enrollments.initiativeId, initiativeId),
        eq(enrollments.participantId, participantId),
        eq(enrollments.voided, false),
      ),
    )
    .orderBy(desc(enrollments.startDate))
    .limit(1);
  if (!row) throw new NotFoundError(NOT_ENROLLED);
  return row;
}

export interface GivenAccess {
  userId: string;
  /** What was done: a new account, a closed one opened again, this initiative added, nothing. */
  outcome: "created" | "reopened" | "initiative_added" | "unchanged";
}

const pseudonymousEmail = () => `deltagare-${randomBytes(12).toString("hex")}@portal.invalid`;

/**
 * Gives an enrolled participant (not anonymous, identity not erased) a portal account on the
 * initiative. Idempotent: a participant who has an account gets the participant role on this
 * initiative if it is missing; a closed account made here is opened again.
 */
export async function givePortalAccess(
  db: Db,
  staff: PortalStaff,
  input: { initiativeId: string; participantId: string },
): Promise<GivenAccess> {
  try {
    return await giveOnce(db, staff, input);
  } catch (error) {
    // two officers at the same moment: the other one's account now exists; take that path
    if (isUniqueViolation(error, "portal_accounts_participant_unique"))
      try {
        return await giveOnce(db, staff, input);
      } catch (again) {
        if (isUniqueViolation(again, "portal_accounts_participant_unique"))
          throw new ConflictError(
            "Deltagaren har ett stängt portalkonto från en annan insats. Be den insatsens deltagaransvariga att öppna kontot igen.",
          );
        throw again;
      }
    throw error;
  }
}

async function giveOnce(
  db: Db,
  staff: PortalStaff,
  input: { initiativeId: string; participantId: string },
): Promise<GivenAccess> {
  requirePortalStaff(staff, input.initiativeId);
  const scope = initiativeScope(staff, input.initiativeId);
  const before = await inRegister(db, scope, async (tx) => {
    const { participant, enrollment } = await enrolledParticipant(
      tx,
      input.initiativeId,
      input.participantId,
    );
    if (participant.erasedAt)
      throw new ValidationError({
        participant:
          "Deltagarens identitet är raderad. Ett portalkonto kräver en deltagare med sparad identitet.",
      });
    if (participant.anonymous || !participant.identityCiphertext)
      throw new ValidationError({
        participant:
          "Deltagaren är registrerad utan identitet (anonymt eller med skyddade personuppgifter) och kan inte få ett portalkonto.",
      });
    const account = await accountForStaff(tx, staff.associationId, participant);
    return { participant, enrollment, account };
  });
  const { enrollment, account } = before;

  return db.transaction(async (tx) => {
    let userId: string;
    let outcome: GivenAccess["outcome"];
    if (!account) {
      const [user] = await tx
        .insert(users)
        .values({ email: pseudonymousEmail(), name: "Deltagare", kind: "participant" })
        .returning({ id: users.id });
      if (!user) throw new Error("insert returned nothing");
      userId = user.id;
      outcome = "created";
    } else {
      userId = account.userId;
      if (account.closedAt) {
        await tx.update(users).set({ disabledAt: null }).where(eq(users.id, userId));
        outcome = "reopened";
      } else outcome = "unchanged";
    }
    const added = await tx
      .insert(roleAssignments)
      .values({
        userId,
        associationId: staff.associationId,
        initiativeId: input.initiativeId,
        role: "participant",
      })
      .onConflictDoNothing()
      .returning({ id: roleAssignments.id });
    if (outcome === "unchanged" && added.length > 0) outcome = "initiative_added";
    if (outcome === "unchanged") return { userId, outcome };

    await recordAuditEvent(tx, staff.audit, {
      action: outcome === "created" ? "portal.account_created" : "portal.account_opened",
      associationId: staff.associationId,
      targetType: "user",
      targetId: userId,
      details: { initiativeId: input.initiativeId, outcome },
    });
    await inRegister(tx as unknown as Db, initiativeScope(staff, input.initiativeId), async (r) => {
      if (outcome === "created") {
        await r.insert(portalAccounts).values({
          userId,
          participantId: input.participantId,
          associationId: staff.associationId,
          dataControllerId: enrollment.dataControllerId,
          initiativeId: input.initiativeId,
          createdByName: staff.principal.name,
        });
      } else if (outcome === "reopened") {
        await r
          .update(portalAccounts)
          .set({ closedAt: null, version: sql`${portalAccounts.version} + 1` })
          .where(eq(portalAccounts.userId, userId));
      }
      await logAccess(r, withRequest(staff), {
        associationId: staff.associationId,
        dataControllerId: enrollment.dataControllerId,
        participantId: input.participantId,
        enrollmentId: enrollment.id,
        action: "change",
        fields: [PORTAL_ACCOUNT_FIELD],
      });
    });
    return { userId, outcome };
  });
}

/**
 * Closes a participant's portal account: the account is marked closed, the pseudonymous user
 * disabled, every session of it ended and every unused code revoked.
 */
export async function closePortalAccount(
  db: Db,
  staff: PortalStaff,
  input: { initiativeId: string; participantId: string },
): Promise<{ userId: string }> {
  requirePortalStaff(staff, input.initiativeId);
  const scope = initiativeScope(staff, input.initiativeId);
  const { account, enrollment } = await inRegister(db, scope, async (tx) => {
    const { participant, enrollment } = await enrolledParticipant(
      tx,
      input.initiativeId,
      input.participantId,
    );
    const account = await accountForStaff(tx, staff.associationId, participant);
    return { account, enrollment };
  });
  if (!account || account.closedAt) throw new NotFoundError(NO_ACCOUNT);
  if (!account.visible)
    throw new ConflictError(
      "Portalkontot skapades på en annan insats. Det stängs av den insatsens deltagaransvariga.",
    );
  const userId = account.userId;
  await db.transaction(async (tx) => {
    await tx.update(users).set({ disabledAt: new Date() }).where(eq(users.id, userId));
    await destroyUserSessions(tx, userId);
    await tx
      .update(portalSignInCodes)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(portalSignInCodes.userId, userId),
          isNull(portalSignInCodes.usedAt),
          isNull(portalSignInCodes.revokedAt),
        ),
      );
    await recordAuditEvent(tx, staff.audit, {
      action: "portal.account_closed",
      associationId: staff.associationId,
      targetType: "user",
      targetId: userId,
      details: { initiativeId: input.initiativeId },
    });
    await inRegister(tx as unknown as Db, scope, async (r) => {
      const closed = await r
        .update(portalAccounts)
        .set({ closedAt: new Date(), version: sql`${portalAccounts.version} + 1` })
        .where(and(eq(portalAccounts.userId, userId), isNull(portalAccounts.closedAt)))
        .returning({ userId: portalAccounts.userId });
      if (closed.length === 0) throw new ConflictError("Portalkontot har redan stängts.");
      await logAccess(r, withRequest(staff), {
        associationId: staff.associationId,
        dataControllerId: account.dataControllerId,
        participantId: input.participantId,
        enrollmentId: enrollment.id,
        action: "change",
        fields: [PORTAL_ACCOUNT_FIELD],
      });
    });
  });
  return { userId };
}

// ── contact details ──────────────────────────────────────────────────────────────────────────

/** Why a contact field was refused: a code the page turns into text in the reader's language. */
export type ContactProblem =
  | "emailFormat"
  | "phoneFormat"
  | "remindersChoice"
  | "remindersNeedEmail"
  | "remindersNeedPhone";

/** Refused contact details: field → problem code (staff and participants read other texts). */
export class PortalContactInvalid extends Error {
  readonly problems: Partial<Record<"email" | "phone" | "reminders", ContactProblem>>;
  constructor(problems: Partial<Record<"email" | "phone" | "reminders", ContactProblem>>) {
    super(`Kontaktuppgifterna kan inte sparas: ${Object.values(problems).join(", ")}`);
    this.name = "PortalContactInvalid";
    this.problems = problems;
  }
}

export interface ContactInput {
  email: string;
  phone: string;
  reminders: string;
}

export interface CheckedContact {
  email: string | null;
  phone: string | null;
  reminders: ReminderChannel;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** "070-123 45 67", "+46 70 123 45 67" → "+46701234567"; null when it is not a phone number. */
export function normalisePhone(typed: string): string | null {
  const compact = typed.replace(/[\s\-().]/g, "");
  if (/^00\d{8,15}$/.test(compact)) return `+${compact.slice(2)}`;
  if (/^0\d{6,12}$/.test(compact)) return `+46${compact.slice(1)}`;
  if (/^\+\d{8,15}$/.test(compact)) return compact;
  return null;
}

/** The contact details checked and normalised, or the problems found (all at once). */
export function checkContact(input: ContactInput): CheckedContact {
  const problems: Partial<Record<"email" | "phone" | "reminders", ContactProblem>> = {};
  const emailText = input.email.trim().toLowerCase();
  const email = emailText === "" ? null : emailText;
  if (email && (email.length > 254 || !EMAIL.test(email))) problems.email = "emailFormat";
  const phoneText = input.phone.trim();
  const phone = phoneText === "" ? null : normalisePhone(phoneText);
  if (phoneText !== "" && !phone) problems.phone = "phoneFormat";
  const reminders = input.reminders;
  if (!isReminderChannel(reminders)) problems.reminders = "remindersChoice";
  else if (reminders === "epost" && !email && !problems.email)
    problems.reminders = "remindersNeedEmail";
  else if (reminders === "sms" && !phone && !problems.phone)
    problems.reminders = "remindersNeedPhone";
  if (Object.keys(problems).length > 0) throw new PortalContactInvalid(problems);
  return { email, phone, reminders: reminders as ReminderChannel };
}

/** Who changes the contact details: an officer on an initiative, or the participant themself. */
export interface ContactEditor {
  scope: RegisterScope;
  actor: RegisterActor;
  audit: AuditActor;
  associationId: string;
}

/** The editor for a participant officer: their permission on the initiative is checked. */
export function staffContactEditor(staff: PortalStaff, initiativeId: string): ContactEditor {
  requirePortalStaff(staff, initiativeId);
  return {
    scope: initiativeScope(staff, initiativeId),
    actor: withRequest(staff),
    audit: staff.audit,
    associationId: staff.associationId,
  };
}

/**
 * Saves the e-mail address, phone number (both encrypted) and the reminder channel of a
 * portal account. With `version`, a change made by someone else since it was read is refused.
 */
export async function setPortalContact(
  db: Db,
  crypto: RegisterCrypto,
  editor: ContactEditor,
  input: ContactInput & { participantId: string; version?: number },
): Promise<{ version: number }> {
  const contact = checkContact(input);
  if (!UUID.test(input.participantId)) throw new NotFoundError(NO_ACCOUNT);
  const account = await inRegister(db, editor.scope, async (tx) => {
    const [row] = await tx
      .select({ userId: portalAccounts.userId, version: portalAccounts.version })
      .from(portalAccounts)
      .where(
        and(eq(portalAccounts.participantId, input.participantId), isNull(portalAccounts.closedAt)),
      );
    return row;
  });
  if (!account) throw new NotFoundError(NO_ACCOUNT);
  if (input.version !== undefined && input.version !== account.version) throw new ConflictError();
  return db.transaction(async (tx) => {
    await recordAuditEvent(tx, editor.audit, {
      action: "portal.contact_changed",
      associationId: editor.associationId,
      targetType: "user",
      targetId: account.userId,
      details: {
        email: contact.email !== null,
        phone: contact.phone !== null,
        reminders: contact.reminders,
      },
    });
    return inRegister(tx as unknown as Db, editor.scope, async (r) => {
      const [updated] = await r
        .update(portalAccounts)
        .set({
          emailCiphertext: contact.email ? crypto.encrypt(contact.email) : null,
          phoneCiphertext: contact.phone ? crypto.encrypt(contact.phone) : null,
          reminders: contact.reminders,
          version: sql`${portalAccounts.version} + 1`,
        })
        .where(
          and(
            eq(portalAccounts.userId, account.userId),
            eq(portalAccounts.version, account.version),
            isNull(portalAccounts.closedAt),
          ),
        )
        .returning({
          version: portalAccounts.version,
          dataControllerId: portalAccounts.dataControllerId,
        });
      if (!updated) throw new ConflictError();
      await logAccess(r, editor.actor, {
        associationId: editor.associationId,
        dataControllerId: updated.dataControllerId,
        participantId: input.participantId,
        action: "change",
        fields: [PORTAL_CONTACT_FIELD],
      });
      return { version: updated.version };
    });
  });
}

/** The saved contact details of a portal account, decrypted (the caller logs the read). */
export function openContact(
  crypto: RegisterCrypto,
  row: { emailCiphertext: string | null; phoneCiphertext: string | null },
): { email: string | null; phone: string | null } {
  return {
    email: row.emailCiphertext ? crypto.decrypt(row.emailCiphertext) : null,
    phone: row.phoneCiphertext ? crypto.decrypt(row.phoneCiphertext) : null,
  };
}

/** Saves the participant's own language choice on their account (and an audit event). */
export async function savePortalLocale(
  db: Db,
  account: { userId: string; associationId: string; participantId: string },
  scope: RegisterScope,
  actor: RegisterActor,
  audit: AuditActor,
  locale: PortalLocale,
): Promise<void> {
  await db.transaction(async (tx) => {
    await recordAuditEvent(tx, audit, {
      action: "portal.language_changed",
      associationId: account.associationId,
      targetType: "user",
      targetId: account.userId,
      details: { locale },
    });
    await inRegister(tx as unknown as Db, scope, async (r) => {
      const [updated] = await r
        .update(portalAccounts)
        .set({ locale, version: sql`${portalAccounts.version} + 1` })
        .where(
          and(
            eq(portalAccounts.userId, account.userId),
            eq(portalAccounts.participantId, account.participantId),
          ),
        )
        .returning({ dataControllerId: portalAccounts.dataControllerId });
      if (!updated) throw new NotFoundError(NO_ACCOUNT);
      await logAccess(r, actor, {
        associationId: account.associationId,
        dataControllerId: updated.dataControllerId,
        participantId: account.participantId,
        action: "change",
        fields: ["portalLanguage"],
      });
    });
  });
}

// ── the staff's overview ─────────────────────────────────────────────────────────────────────

export interface PortalAccessRow {
  participantId: string;
  status: "none" | "open" | "closed";
  /** The account was made on another initiative of the association (its details are there). */
  elsewhere: boolean;
  lastSignInAt: Date | null;
  email: string | null;
  phone: string | null;
  reminders: ReminderChannel;
  locale: PortalLocale;
  version: number;
}

/**
 * The portal status of the initiative's participants for its officer: account or not, closed,
 * the last sign-in, and the contact details decrypted — a read logged per participant whose
 * contact details are shown.
 */
export async function listPortalAccess(
  db: Db,
  crypto: RegisterCrypto,
  staff: PortalStaff,
  initiativeId: string,
  participantIds: readonly string[],
): Promise<Map<string, PortalAccessRow>> {
  requirePortalStaff(staff, initiativeId);
  const ids = [...new Set(participantIds.filter((id) => UUID.test(id)))];
  const result = new Map<string, PortalAccessRow>();
  if (ids.length === 0) return result;
  return inRegister(db, initiativeScope(staff, initiativeId), async (tx) => {
    const people = await tx
      .select({
        id: participants.id,
        identityLookup: participants.identityLookup,
        dataControllerId: participants.dataControllerId,
      })
      .from(participants)
      .where(inArray(participants.id, ids));
    const lastSignIns = await tx
      .select({
        participantId: portalSignIns.participantId,
        at: sql<Date>`max(${portalSignIns.at})`.mapWith((v) => new Date(v)),
      })
      .from(portalSignIns)
      .where(
        and(
          eq(portalSignIns.initiativeId, initiativeId),
          inArray(portalSignIns.participantId, ids),
        ),
      )
      .groupBy(portalSignIns.participantId);
    const last = new Map(lastSignIns.map((r) => [r.participantId, r.at]));
    const logged: Array<{ participantId: string; dataControllerId: string }> = [];
    for (const person of people) {
      const account = await accountForStaff(tx, staff.associationId, person);
      const contact = account ? openContact(crypto, account) : { email: null, phone: null };
      if (contact.email || contact.phone)
        logged.push({ participantId: person.id, dataControllerId: person.dataControllerId });
      result.set(person.id, {
        participantId: person.id,
        status: !account ? "none" : account.closedAt ? "closed" : "open",
        elsewhere: account ? !account.visible : false,
        lastSignInAt: last.get(person.id) ?? null,
        email: contact.email,
        phone: contact.phone,
        reminders: account?.reminders ?? "ingen",
        locale: account?.locale ?? "sv",
        version: account?.version ?? 0,
      });
    }
    await logAccess(
      tx,
      withRequest(staff),
      logged.map((l) => ({
        associationId: staff.associationId,
        dataControllerId: l.dataControllerId,
        participantId: l.participantId,
        action: "read" as const,
        fields: [PORTAL_CONTACT_FIELD],
      })),
    );
    return result;
  });
}

/**
 * The portal staff of `principal` on one initiative: their register scope on it and their audit
 * actor; undefined when they are not the initiative's participant officer (portal.staff).
 */
export async function portalStaffFor(
  db: Db,
  principal: Principal,
  associationId: string,
  initiativeId: string,
  audit: AuditActor,
): Promise<PortalStaff | undefined> {
  if (
    !UUID.test(initiativeId) ||
    !canOnInitiative(principal, "portal.staff", associationId, initiativeId)
  )
    return undefined;
  const access = await registerScopeFor(db, principal, associationId, initiativeId);
  if (!access.scope.initiatives.includes(initiativeId)) return undefined;
  return {
    principal,
    associationId,
    access: { scope: access.scope, actor: { ...access.actor, requestId: audit.requestId ?? null } },
    audit,
  };
}
