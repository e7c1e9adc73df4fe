// The participant register's use cases (domain/participants.md): registering a participant
// with consent (or anonymously), enrollment and exit, background, withdrawn consent and
// protected identity (which erase the identity and keep the statistics), count-only
// participation of structural initiatives, and the reads, always with the identity masked
// unless it is revealed. Everything runs in a register transaction (inRegister), limited by
// row-level security to the caller's scope, and every read and change is written to the
// access log in the same transaction. Identities are encrypted with the register key
// (crypto.ts) and found again through its keyed hash; they never leave this module unmasked
// except through revealIdentity and the data-subject export.
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { associations, memberOrganisations } from "../associations/schema.ts";
import { initiativeLocalUnits, initiatives } from "../initiatives/schema.ts";
import { isoDate } from "../initiatives/validate-initiative.ts";
import type { Db, Tx } from "../platform/database/connect.ts";
import {
  ConflictError,
  isUniqueViolation,
  NotFoundError,
  ValidationError,
} from "../platform/errors.ts";
import { UUID } from "../platform/uuid.ts";
import { logAccess } from "./access-log.ts";
import { APART, wanted, wantedValue } from "./bulk.ts";
import {
  EDUCATION,
  EXIT_STATUS,
  EXTENT,
  GENDER,
  MISSING,
  OCCUPATION_BEFORE,
  REFERRER,
  SUPPORT,
  TIME_ON_SUPPORT,
  WORK_EXIT,
} from "./codes.ts";
import type { RegisterCrypto } from "./crypto.ts";
import { formatFull, formatMasked, type PersonalNumber, parsePersonalNumber } from "./identity.ts";
import {
  consents,
  countOnlyParticipation,
  enrollments,
  erasures,
  type Gender,
  participants,
} from "./schema.ts";
import type { RegisterActor } from "./scope.ts";
import { inRegister, type RegisterScope } from "./zone.ts";

export type EducationCode = keyof typeof EDUCATION;
export type SupportCode = keyof typeof SUPPORT;
export type TimeOnSupportCode = keyof typeof TIME_ON_SUPPORT;
export type OccupationCode = keyof typeof OCCUPATION_BEFORE;
export type ReferrerCode = keyof typeof REFERRER;
export type ExitStatusCode = keyof typeof EXIT_STATUS;
export type ExtentCode = keyof typeof EXTENT;

/** The background at start, as stored in enrollments.background. */
export interface Background {
  education: EducationCode;
  /** Several may apply; ["uppgift_saknas"] when unknown, ["ingen"] for none. */
  supportBefore: SupportCode[];
  timeOnSupport: TimeOnSupportCode;
  occupationBefore: OccupationCode;
  referrer: ReferrerCode;
  /** The optional ESF+ variables; null = not asked or unknown. */
  bornAbroad: boolean | null;
  disability: boolean | null;
  newlyArrived: boolean | null;
}

/** The status at exit, as stored in enrollments.exit. */
export interface ExitData {
  status: ExitStatusCode;
  /** Studies as well (with a work status); true for the status studier itself. */
  studies: boolean;
  /** Heltid / deltid, for a work status only. */
  extent: ExtentCode | null;
  supportAfter: SupportCode[];
  /** Whether an action plan towards work or studies existed at exit; null = unknown. */
  actionPlanAtExit: boolean | null;
}

export interface BackgroundInput {
  education?: string | null;
  supportBefore?: readonly string[] | null;
  timeOnSupport?: string | null;
  occupationBefore?: string | null;
  referrer?: string | null;
  bornAbroad?: boolean | null;
  disability?: boolean | null;
  newlyArrived?: boolean | null;
}

export interface ConsentInput {
  consentedOn: string;
  textVersion: string;
  language: string;
}

export interface RegisterParticipantInput {
  initiativeId: string;
  /** Empty or missing: anonymous. Stored only with consent and without protected identity. */
  personalNumber?: string | null;
  name?: string | null;
  consent?: ConsentInput | null;
  protectedIdentity?: boolean;
  gender: string;
  birthYear: number | null;
  startDate: string;
  background?: BackgroundInput;
  municipalityCode?: string | null;
  localUnitId?: string | null;
  actionPlanDate?: string | null;
  /** The initiative's own key of the participant (deltagar_id). */
  externalKey?: string | null;
}

export interface RegisteredParticipant {
  participantId: string;
  enrollmentId: string;
  /** Registered without identity (no consent, or protected identity). */
  anonymous: boolean;
  /** False when the same person was found again by their number. */
  newParticipant: boolean;
  /** A number or name was given but not stored (no consent, or protected identity). */
  identityDiscarded: boolean;
}

/** Whether an identity is stored, and if not, why. */
export type IdentityState = "lagrad" | "anonym" | "raderad" | "skyddad";

export const IDENTITY_STATE_LABELS: Record<IdentityState, string> = {
  lagrad: "lagrad (krypterad)",
  anonym: "anonym registrering",
  raderad: "raderad",
  skyddad: "skyddade personuppgifter",
};

export interface ConsentView {
  id: string;
  initiativeId: string;
  consentedOn: string;
  textVersion: string;
  language: string;
  recordedByName: string;
  withdrawnOn: string | null;
}

export interface EnrollmentView {
  id: string;
  version: number;
  initiativeId: string;
  initiativeName: string;
  dataControllerId: string;
  localUnitId: string | null;
  localUnitName: string | null;
  externalKey: string | null;
  participant: {
    id: string;
    version: number;
    /** Masked: "19850312-XXXX"; null without a stored identity. */
    identity: string | null;
    identityKind: "personnummer" | "samordningsnummer" | null;
    identityState: IdentityState;
    hasName: boolean;
    gender: Gender;
    birthYear: number | null;
    erasedAt: Date | null;
  };
  startDate: string;
  officerUserId: string | null;
  actionPlanDate: string | null;
  municipalityCode: string | null;
  background: Background;
  endDate: string | null;
  exit: ExitData | null;
  voided: boolean;
  /** The consent for this initiative, if any (the latest). */
  consent: ConsentView | null;
}

const NOT_FOUND =
  "Inskrivningen finns inte i ditt deltagarregister, eller så har du inte behörighet att se den.";
const INITIATIVE_NOT_FOUND =
  "Insatsen finns inte i ditt deltagarregister: bara insatsens deltagaransvariga kan registrera och se dess deltagare.";
const DATE_FORMAT = "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-02.";

/** Swedish county codes (the first two digits of a municipality code). */
const COUNTY_CODES = new Set([
  "01",
  "03",
  "04",
  "05",
  "06",
  "07",
  "08",
  "09",
  "10",
  "12",
  "13",
  "14",
  "17",
  "18",
  "19",
  "20",
  "21",
  "22",
  "23",
  "24",
  "25",
]);

const MIN_AGE = 15;
const MAX_AGE = 100;

// ── validation ───────────────────────────────────────────────────────────────────────────

type Problems = Record<string, string>;

const labelsOf = (entries: Record<string, string>) =>
  Object.values(entries)
    .map((l) => `«${l}»`)
    .join(", ");

function oneCode<T extends string>(
  entries: Record<T, string>,
  value: string | null | undefined,
  field: string,
  what: string,
  problems: Problems,
  fallback: T | undefined,
): T | undefined {
  const v = value?.trim() ?? "";
  if (v === "") {
    if (fallback === undefined) problems[field] = `Välj ${what}: ${labelsOf(entries)}.`;
    return fallback;
  }
  if (Object.hasOwn(entries, v)) return v as T;
  problems[field] = `Okänt värde «${v}» för ${what}. Välj en av: ${labelsOf(entries)}.`;
  return undefined;
}

function supportCodes(
  values: readonly string[] | null | undefined,
  field: string,
  what: string,
  problems: Problems,
): SupportCode[] | undefined {
  const list = [...new Set((values ?? []).map((v) => v.trim()).filter(Boolean))];
  if (list.length === 0) return [MISSING];
  const unknown = list.filter((v) => !Object.hasOwn(SUPPORT, v));
  if (unknown.length) {
    problems[field] =
      `Okänt värde ${unknown.map((u) => `«${u}»`).join(", ")} för ${what}. ` +
      `Välj bland: ${labelsOf(SUPPORT)}.`;
    return undefined;
  }
  for (const alone of ["ingen", MISSING] as const)
    if (list.includes(alone) && list.length > 1) {
      problems[field] =
        `«${SUPPORT[alone]}» kan inte kombineras med andra försörjningar för ${what}. ` +
        "Välj antingen den eller de försörjningar som gäller.";
      return undefined;
    }
  return list as SupportCode[];
}

/** isoDate of the dates met so far: an import checks a few hundred dates a hundred thousand times. */
const datesSeen = new Map<string, ReturnType<typeof isoDate>>();
function knownDate(value: string | null | undefined): ReturnType<typeof isoDate> {
  if (value === null || value === undefined || value.length > 10) return isoDate(value);
  let d = datesSeen.get(value);
  if (d === undefined) {
    d = isoDate(value);
    if (datesSeen.size >= 10_000) datesSeen.clear();
    datesSeen.set(value, d);
  }
  return d;
}

function dateField(
  value: string | null | undefined,
  field: string,
  what: string,
  problems: Problems,
  required: boolean,
): string | null {
  const d = knownDate(value);
  if (d === "invalid") {
    problems[field] = `${what}: ${DATE_FORMAT}`;
    return null;
  }
  if (d === null && required) problems[field] = `Fyll i ${what.toLowerCase()}. ${DATE_FORMAT}`;
  return d;
}

function notAfterToday(
  d: string | null,
  today: string,
  field: string,
  what: string,
  problems: Problems,
) {
  if (d && d > today && !problems[field])
    problems[field] = `${what} (${d}) ligger i framtiden. Dagens datum är ${today}.`;
}

function readBackground(
  input: BackgroundInput | undefined,
  problems: Problems,
  current?: Background,
): Background {
  const b = input ?? {};
  const keep = <K extends keyof BackgroundInput>(key: K) => !Object.hasOwn(b, key) && current;
  const education = keep("education")
    ? current?.education
    : oneCode(
        EDUCATION,
        b.education,
        "education",
        "högsta avslutade utbildning",
        problems,
        MISSING,
      );
  const supportBefore = keep("supportBefore")
    ? current?.supportBefore
    : supportCodes(b.supportBefore, "supportBefore", "försörjning före", problems);
  const timeOnSupport = keep("timeOnSupport")
    ? current?.timeOnSupport
    : oneCode(
        TIME_ON_SUPPORT,
        b.timeOnSupport,
        "timeOnSupport",
        "tid med offentlig försörjning",
        problems,
        MISSING,
      );
  const occupationBefore = keep("occupationBefore")
    ? current?.occupationBefore
    : oneCode(
        OCCUPATION_BEFORE,
        b.occupationBefore,
        "occupationBefore",
        "sysselsättning före",
        problems,
        MISSING,
      );
  const referrer = keep("referrer")
    ? current?.referrer
    : oneCode(REFERRER, b.referrer, "referrer", "remitterande part", problems, MISSING);
  const flag = (key: "bornAbroad" | "disability" | "newlyArrived") =>
    keep(key) ? (current?.[key] ?? null) : (b[key] ?? null);
  return {
    education: education ?? MISSING,
    supportBefore: supportBefore ?? [MISSING],
    timeOnSupport: timeOnSupport ?? MISSING,
    occupationBefore: occupationBefore ?? MISSING,
    referrer: referrer ?? MISSING,
    bornAbroad: flag("bornAbroad"),
    disability: flag("disability"),
    newlyArrived: flag("newlyArrived"),
  };
}

/** A stored background, whatever was stored, with every field present. */
export function normaliseBackground(
  stored: Record<string, unknown> | null | undefined,
): Background {
  const s = (stored ?? {}) as Partial<Background>;
  const pick = <T extends string>(entries: Record<T, string>, v: unknown): T =>
    typeof v === "string" && Object.hasOwn(entries, v) ? (v as T) : (MISSING as T);
  const supportBefore = Array.isArray(s.supportBefore)
    ? s.supportBefore.filter((v): v is SupportCode => Object.hasOwn(SUPPORT, v))
    : [];
  const flag = (v: unknown) => (typeof v === "boolean" ? v : null);
  return {
    education: pick(EDUCATION, s.education),
    supportBefore: supportBefore.length ? supportBefore : [MISSING],
    timeOnSupport: pick(TIME_ON_SUPPORT, s.timeOnSupport),
    occupationBefore: pick(OCCUPATION_BEFORE, s.occupationBefore),
    referrer: pick(REFERRER, s.referrer),
    bornAbroad: flag(s.bornAbroad),
    disability: flag(s.disability),
    newlyArrived: flag(s.newlyArrived),
  };
}

function genderOf(value: string | null | undefined, problems: Problems): Gender | undefined {
  return oneCode(GENDER, value, "gender", "kön", problems, undefined) as Gender | undefined;
}

function birthYearOf(
  value: number | null | undefined,
  startDate: string | null,
  problems: Problems,
): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 1000 || value > 9999) {
    problems.birthYear = "Skriv födelseåret med fyra siffror, till exempel 1990.";
    return null;
  }
  if (startDate) {
    const age = Number(startDate.slice(0, 4)) - value;
    if (age < MIN_AGE)
      problems.birthYear = `Födelseåret ${value} ger åldern ${age} år vid start (${startDate}). En deltagare är minst ${MIN_AGE} år: kontrollera födelseåret och startdatumet.`;
    else if (age > MAX_AGE)
      problems.birthYear = `Födelseåret ${value} ger åldern ${age} år vid start (${startDate}). Kontrollera födelseåret och startdatumet.`;
  }
  return value;
}

function municipalityOf(value: string | null | undefined, problems: Problems): string | null {
  const v = value?.trim() ?? "";
  if (v === "" || v === MISSING) return null;
  if (!/^\d{4}$/.test(v) || !COUNTY_CODES.has(v.slice(0, 2))) {
    problems.municipalityCode = `Kommunkoden «${v}» finns inte. Skriv folkbokföringskommunens kod med fyra siffror, till exempel 0360 för Tierp eller 0380 för Uppsala.`;
    return null;
  }
  return v;
}

function plainText(
  value: string | null | undefined,
  field: string,
  what: string,
  max: number,
  problems: Problems,
): string | null {
  const v = value?.trim() ?? "";
  if (v === "") return null;
  if (v.length > max) problems[field] = `${what} får vara högst ${max} tecken.`;
  return v;
}

// ── shared pieces ────────────────────────────────────────────────────────────────────────

/** An initiative as the register's checks need it. */
export interface InitiativeContext {
  id: string;
  name: string;
  associationId: string;
  ownerId: string;
  orientation: "individual" | "structural";
  startDate: string | null;
  endDate: string | null;
  localUnits: Array<{ id: string; name: string }>;
}

/** The initiative, if it is in `scope` (inside a register transaction); NotFound otherwise. */
export async function initiativeInScope(
  tx: Tx,
  scope: RegisterScope,
  initiativeId: string,
): Promise<InitiativeContext> {
  if (
    !UUID.test(initiativeId) ||
    !scope.initiatives.includes(initiativeId) ||
    scope.controllers.length === 0
  )
    throw new NotFoundError(INITIATIVE_NOT_FOUND);
  const [row] = await tx
    .select({
      id: initiatives.id,
      name: initiatives.name,
      associationId: initiatives.associationId,
      ownerId: initiatives.ownerOrganisationId,
      orientation: initiatives.orientation,
      startDate: initiatives.startDate,
      endDate: initiatives.endDate,
    })
    .from(initiatives)
    .where(
      and(
        eq(initiatives.id, initiativeId),
        inArray(initiatives.ownerOrganisationId, [...scope.controllers]),
      ),
    );
  if (!row) throw new NotFoundError(INITIATIVE_NOT_FOUND);
  const localUnits = await tx
    .select({ id: initiativeLocalUnits.id, name: initiativeLocalUnits.name })
    .from(initiativeLocalUnits)
    .where(eq(initiativeLocalUnits.initiativeId, initiativeId))
    .orderBy(asc(initiativeLocalUnits.position));
  return { ...row, localUnits };
}

function localUnitOf(
  initiative: InitiativeContext,
  value: string | null | undefined,
  problems: Problems,
): string | null {
  const v = value?.trim() ?? "";
  if (initiative.localUnits.length === 0) {
    if (v !== "")
      problems.localUnitId = `Insatsen ${initiative.name} har inga delområden: lämna delområdet tomt.`;
    return null;
  }
  const names = initiative.localUnits.map((u) => u.name).join(", ");
  if (v === "") {
    problems.localUnitId = `Välj delområde: insatsen arbetar i flera (${names}).`;
    return null;
  }
  const unit = initiative.localUnits.find((u) => u.id === v || u.name === v);
  if (!unit) {
    problems.localUnitId = `Delområdet finns inte i insatsen. Välj ett av: ${names}.`;
    return null;
  }
  return unit.id;
}

function startDateChecks(
  startDate: string | null,
  initiative: InitiativeContext,
  today: string,
  problems: Problems,
) {
  if (!startDate || problems.startDate) return;
  if (startDate > today)
    problems.startDate = `Startdatumet (${startDate}) ligger i framtiden. Registrera deltagaren när hen har börjat i insatsen.`;
  else if (initiative.startDate && startDate < initiative.startDate)
    problems.startDate = `Startdatumet (${startDate}) ligger före insatsens start (${initiative.startDate}).`;
  else if (initiative.endDate && startDate > initiative.endDate)
    problems.startDate = `Startdatumet (${startDate}) ligger efter insatsens slut (${initiative.endDate}).`;
}

function actionPlanChecks(
  actionPlanDate: string | null,
  startDate: string | null,
  endDate: string | null,
  today: string,
  problems: Problems,
) {
  if (!actionPlanDate || problems.actionPlanDate) return;
  if (actionPlanDate > today)
    problems.actionPlanDate = `Datumet för handlingsplanen (${actionPlanDate}) ligger i framtiden. Dagens datum är ${today}.`;
  else if (startDate && actionPlanDate < startDate)
    problems.actionPlanDate = `Handlingsplanen (${actionPlanDate}) ska vara gjord under inskrivningen, inte före startdatumet (${startDate}).`;
  else if (endDate && actionPlanDate > endDate)
    problems.actionPlanDate = `Handlingsplanen (${actionPlanDate}) ska vara gjord under inskrivningen, senast slutdatumet (${endDate}).`;
}

type ParticipantRow = typeof participants.$inferSelect;
type EnrollmentRow = typeof enrollments.$inferSelect;

/** An enrollment in scope and its participant, locked for a change; NotFound otherwise. */
async function enrollmentForChange(
  tx: Tx,
  enrollmentId: string,
): Promise<{ enrollment: EnrollmentRow; participant: ParticipantRow }> {
  if (!UUID.test(enrollmentId)) throw new NotFoundError(NOT_FOUND);
  const [enrollment] = await tx
    .select()
    .from(enrollments)
    .where(eq(enrollments.id, enrollmentId))
    .for("update");
  if (!enrollment) throw new NotFoundError(NOT_FOUND);
  const [participant] = await tx
    .select()
    .from(participants)
    .where(eq(participants.id, enrollment.participantId))
    .for("update");
  if (!participant) throw new NotFoundError(NOT_FOUND);
  return { enrollment, participant };
}

function identityState(p: ParticipantRow): IdentityState {
  if (p.identityCiphertext) return "lagrad";
  if (p.protectedIdentity) return "skyddad";
  if (p.erasedAt) return "raderad";
  return "anonym";
}

const staleEnrollment = () =>
  new ConflictError(
    "Någon annan har ändrat inskrivningen medan du arbetade. Ladda om sidan, kontrollera uppgifterna och gör om ändringen.",
  );
const staleParticipant = () =>
  new ConflictError(
    "Någon annan har ändrat deltagarens uppgifter medan du arbetade. Ladda om sidan och försök igen.",
  );

/** Logs an attempt on a record outside the caller's scope (its own transaction). */
async function logDenied(
  db: Db,
  actor: RegisterActor,
  scope: RegisterScope,
  action: "read" | "reveal" | "export" | "change",
  ids: { enrollmentId?: string; participantId?: string },
): Promise<void> {
  const controller = scope.controllers[0];
  if (!controller) return;
  await inRegister(db, scope, async (tx) => {
    const [org] = await tx
      .select({ associationId: memberOrganisations.associationId })
      .from(memberOrganisations)
      .where(eq(memberOrganisations.id, controller));
    if (!org) return;
    await logAccess(tx, actor, {
      associationId: org.associationId,
      dataControllerId: controller,
      enrollmentId: ids.enrollmentId && UUID.test(ids.enrollmentId) ? ids.enrollmentId : null,
      participantId: ids.participantId && UUID.test(ids.participantId) ? ids.participantId : null,
      action,
      outcome: "denied",
    });
  });
}

/** Runs `work`; a NotFound (outside the scope) is logged as denied before it is rethrown. */
export async function loggingDenied<T>(
  db: Db,
  actor: RegisterActor,
  scope: RegisterScope,
  action: "read" | "reveal" | "export" | "change",
  ids: { enrollmentId?: string; participantId?: string },
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof NotFoundError) await logDenied(db, actor, scope, action, ids);
    throw error;
  }
}

// ── registering ──────────────────────────────────────────────────────────────────────────

/** A registration as checked by readRegistration: what is stored, in the register's codes. */
export interface RegistrationValues {
  startDate: string;
  gender: Gender;
  birthYear: number | null;
  background: Background;
  municipalityCode: string | null;
  localUnitId: string | null;
  actionPlanDate: string | null;
  externalKey: string | null;
  name: string | null;
  consent: ConsentInput | null;
  /** The number to store: given with consent and without protected identity; else null. */
  identity: PersonalNumber | null;
  protectedIdentity: boolean;
  /** A number or name was given but is not stored (no consent, or protected identity). */
  identityDiscarded: boolean;
}

/**
 * Every check of a registration that needs no database, against the initiative it is made in:
 * the dates (within the initiative, not in the future), gender, birth year (from the number when
 * not given), background codes, municipality, local unit, action plan, consent and number.
 * Throws a ValidationError with every problem. registerParticipant and the bulk import
 * (import-participants.ts) both check with it.
 */
export function readRegistration(
  input: RegisterParticipantInput,
  initiative: InitiativeContext,
  today: string,
): RegistrationValues {
  const problems: Problems = {};
  if (initiative.orientation === "structural")
    problems.initiativeId = `${initiative.name} är en strukturinriktad insats: registrera antalet deltagare per period i stället för enskilda deltagare.`;

  const startDate = dateField(input.startDate, "startDate", "Startdatum", problems, true);
  startDateChecks(startDate, initiative, today, problems);
  const gender = genderOf(input.gender, problems);
  let birthYear = birthYearOf(input.birthYear, startDate, problems);
  const background = readBackground(input.background, problems);
  const municipalityCode = municipalityOf(input.municipalityCode, problems);
  const localUnitId = localUnitOf(initiative, input.localUnitId, problems);
  const actionPlanDate = dateField(
    input.actionPlanDate,
    "actionPlanDate",
    "Datum för handlingsplan",
    problems,
    false,
  );
  actionPlanChecks(actionPlanDate, startDate, null, today, problems);
  const externalKey = plainText(input.externalKey, "externalKey", "Deltagar-id", 100, problems);
  const name = plainText(input.name, "name", "Namnet", 200, problems);

  let consent: ConsentInput | null = null;
  if (input.consent) {
    const consentedOn = dateField(
      input.consent.consentedOn,
      "consentedOn",
      "Datum för samtycket",
      problems,
      true,
    );
    if (consentedOn && consentedOn > today)
      problems.consentedOn = `Samtycket kan inte vara lämnat i framtiden (${consentedOn}). Dagens datum är ${today}.`;
    else if (consentedOn && startDate && consentedOn > startDate)
      problems.consentedOn = `Samtycket (${consentedOn}) ska vara lämnat senast på startdagen (${startDate}): en identitet lagras bara med samtycke.`;
    const textVersion = plainText(
      input.consent.textVersion,
      "consentTextVersion",
      "Samtyckestextens version",
      50,
      problems,
    );
    if (!textVersion && !problems.consentTextVersion)
      problems.consentTextVersion =
        "Ange vilken version av samtyckestexten personen godkände, till exempel 2026:1.";
    const language = plainText(input.consent.language, "consentLanguage", "Språket", 50, problems);
    if (!language && !problems.consentLanguage)
      problems.consentLanguage =
        "Ange på vilket språk personen tog del av samtyckestexten, till exempel svenska.";
    consent = {
      consentedOn: consentedOn ?? "",
      textVersion: textVersion ?? "",
      language: language ?? "",
    };
  }

  const typed = input.personalNumber?.trim() ?? "";
  let number: ReturnType<typeof parsePersonalNumber> | null = null;
  if (typed !== "") {
    number = parsePersonalNumber(typed, today);
    if (!number.ok) problems.personalNumber = number.message;
    else if (birthYear !== null && birthYear !== number.value.birthYear && !problems.birthYear)
      problems.birthYear = `Födelseåret ${birthYear} stämmer inte med personnumret, som visar ${number.value.birthYear}.`;
    else if (birthYear === null) birthYear = number.value.birthYear;
  }
  if (Object.keys(problems).length || !startDate || !gender) throw new ValidationError(problems);

  const protectedIdentity = Boolean(input.protectedIdentity);
  const keepIdentity = Boolean(consent) && !protectedIdentity && number?.ok === true;
  return {
    startDate,
    gender,
    birthYear,
    background,
    municipalityCode,
    localUnitId,
    actionPlanDate,
    externalKey,
    name,
    consent,
    identity: keepIdentity && number?.ok ? number.value : null,
    protectedIdentity,
    identityDiscarded: !keepIdentity && (typed !== "" || name !== null),
  };
}

/** The refusal of a new enrollment while the person has one without an end date. */
export function alreadyEnrolled(
  initiativeName: string,
  open: { startDate: string; externalKey: string | null },
): ValidationError {
  const key = open.externalKey ? ` (deltagar_id ”${open.externalKey}”)` : "";
  return new ValidationError({
    personalNumber: `Personen är redan inskriven i ${initiativeName} sedan ${open.startDate}${key} och är inte utskriven. Skriv ut hen från den inskrivningen (slutdatum och status vid avslut) innan en ny inskrivning görs, eller fortsätt i den inskrivningen i stället.`,
  });
}

export type NewParticipantRow = typeof participants.$inferInsert;
export type NewConsentRow = typeof consents.$inferInsert;
export type NewEnrollmentRow = typeof enrollments.$inferInsert;

/** The rows a registration stores: a new participant (when not found again), consent, enrollment. */
export function registrationRows(
  crypto: RegisterCrypto,
  actor: RegisterActor,
  initiative: InitiativeContext,
  values: RegistrationValues,
  lookup: string | null,
): {
  participant: (participantId?: string) => NewParticipantRow;
  consent: (participantId: string) => NewConsentRow | null;
  enrollment: (participantId: string) => NewEnrollmentRow;
} {
  const identity = values.identity;
  return {
    participant: (participantId) => ({
      ...(participantId ? { id: participantId } : {}),
      associationId: initiative.associationId,
      dataControllerId: initiative.ownerId,
      identityCiphertext: identity ? crypto.encrypt(identity.canonical) : null,
      identityLookup: lookup,
      identityKind: identity?.kind ?? null,
      nameCiphertext: identity && values.name ? crypto.encrypt(values.name) : null,
      anonymous: !identity,
      protectedIdentity: values.protectedIdentity,
      gender: values.gender,
      birthYear: values.birthYear,
    }),
    consent: (participantId) =>
      values.consent
        ? {
            participantId,
            dataControllerId: initiative.ownerId,
            initiativeId: initiative.id,
            consentedOn: values.consent.consentedOn,
            textVersion: values.consent.textVersion,
            language: values.consent.language,
            recordedBy: actor.userId,
            recordedByName: actor.name,
          }
        : null,
    enrollment: (participantId) => ({
      participantId,
      associationId: initiative.associationId,
      dataControllerId: initiative.ownerId,
      initiativeId: initiative.id,
      localUnitId: values.localUnitId,
      externalKey: values.externalKey,
      startDate: values.startDate,
      officerUserId: actor.userId,
      actionPlanDate: values.actionPlanDate,
      municipalityCode: values.municipalityCode,
      background: { ...values.background },
    }),
  };
}

/**
 * The fields of a registration's "change" entry in the access log. `found`: the participant was
 * found again by their number (and `nameAdded`: their name stored now).
 */
export function registrationFields(
  values: RegistrationValues,
  participant: { found: false } | { found: true; nameAdded: boolean },
): string[] {
  const fields = ["enrollment", "startDate", "background", "gender", "birthYear"];
  if (participant.found) {
    if (participant.nameAdded) fields.push("name");
  } else {
    if (values.identity) fields.push("identity");
    if (values.identity && values.name) fields.push("name");
    if (values.protectedIdentity) fields.push("protectedIdentity");
  }
  if (values.consent) fields.push("consent");
  if (values.municipalityCode) fields.push("municipalityCode");
  if (values.localUnitId) fields.push("localUnit");
  if (values.actionPlanDate) fields.push("actionPlanDate");
  if (values.externalKey) fields.push("externalKey");
  return fields;
}

/** A participant found again by their number: what registering them again needs. */
export type FoundParticipant = Pick<
  ParticipantRow,
  "id" | "version" | "identityLookup" | "identityCiphertext" | "nameCiphertext"
>;

/**
 * The data controller's participants with these keyed hashes (crypto.lookupHash), locked for
 * the enrollment that follows: the same person found again. Each hash through the unique index
 * (bulk.ts), also for a batch of a thousand.
 */
export async function participantsByLookup(
  tx: Tx,
  dataControllerId: string,
  lookups: readonly string[],
): Promise<FoundParticipant[]> {
  if (lookups.length === 0) return [];
  const found = tx
    .select()
    .from(participants)
    .where(
      and(
        isNotNull(participants.identityLookup),
        sql`${participants.identityLookup} = ${wantedValue}`,
      ),
    )
    .offset(APART)
    .for("update")
    .as("found");
  const rows = await tx
    .select({
      id: found.id,
      version: found.version,
      identityLookup: found.identityLookup,
      identityCiphertext: found.identityCiphertext,
      nameCiphertext: found.nameCiphertext,
      dataControllerId: found.dataControllerId,
    })
    .from(wanted(lookups, "text"))
    .innerJoinLateral(found, sql`true`);
  // the same number may be known to another data controller in the scope: not the same record
  return rows
    .filter((r) => r.dataControllerId === dataControllerId)
    .map(({ dataControllerId: _, ...participant }) => participant);
}

/**
 * The enrollments without an end date in the initiative — of these participants, or of all —
 * the earliest of each participant.
 */
export async function openEnrollments(
  tx: Tx,
  initiativeId: string,
  participantIds?: readonly string[],
): Promise<Map<string, { startDate: string; externalKey: string | null }>> {
  const open = new Map<string, { startDate: string; externalKey: string | null }>();
  if (participantIds?.length === 0) return open;
  const rows = await tx
    .select({
      participantId: enrollments.participantId,
      startDate: enrollments.startDate,
      externalKey: enrollments.externalKey,
    })
    .from(enrollments)
    .where(
      and(
        eq(enrollments.initiativeId, initiativeId),
        participantIds
          ? sql`${enrollments.participantId} = any(${sql.param(participantIds)}::uuid[])`
          : undefined,
        isNull(enrollments.endDate),
      ),
    )
    .orderBy(desc(enrollments.startDate));
  for (const { participantId, ...enrollment } of rows) open.set(participantId, enrollment);
  return open;
}

/**
 * Registers a participant and enrolls them in an initiative. With consent and without
 * protected identity, the number (and name) is stored encrypted and the same person is found
 * again by it within the data controller's register: then a new enrollment is made for the
 * existing participant. Otherwise the participant is anonymous: gender and birth year only.
 */
export async function registerParticipant(
  db: Db,
  crypto: RegisterCrypto,
  actor: RegisterActor,
  scope: RegisterScope,
  input: RegisterParticipantInput,
  today: string,
): Promise<RegisteredParticipant> {
  try {
    return await inRegister(db, scope, async (tx) => {
      const initiative = await initiativeInScope(tx, scope, input.initiativeId);
      const values = readRegistration(input, initiative, today);
      const { identity, externalKey, name } = values;

      if (externalKey) {
        const [taken] = await tx
          .select({ id: enrollments.id })
          .from(enrollments)
          .where(
            and(
              eq(enrollments.initiativeId, initiative.id),
              eq(enrollments.externalKey, externalKey),
            ),
          );
        if (taken)
          throw new ValidationError({
            externalKey: `Deltagar-id ${externalKey} finns redan i insatsen. Varje deltagare har ett eget id.`,
          });
      }

      // the same person again, by the keyed hash, in the same data controller's register
      const lookup = identity ? crypto.lookupHash(identity.canonical) : null;
      const rows = registrationRows(crypto, actor, initiative, values, lookup);
      let [participant] = lookup
        ? await participantsByLookup(tx, initiative.ownerId, [lookup])
        : [];
      const newParticipant = !participant;
      let nameAdded = false;
      if (participant) {
        const open = (await openEnrollments(tx, initiative.id, [participant.id])).get(
          participant.id,
        );
        if (open) throw alreadyEnrolled(initiative.name, open);
        if (name && !participant.nameCiphertext) {
          await tx
            .update(participants)
            .set({
              nameCiphertext: crypto.encrypt(name),
              updatedAt: new Date(),
              version: participant.version + 1,
            })
            .where(eq(participants.id, participant.id));
          nameAdded = true;
        }
      } else {
        [participant] = await tx.insert(participants).values(rows.participant()).returning();
      }
      if (!participant) throw new Error("participant not stored");

      const consent = rows.consent(participant.id);
      if (consent) await tx.insert(consents).values(consent);
      const [enrollment] = await tx
        .insert(enrollments)
        .values(rows.enrollment(participant.id))
        .returning({ id: enrollments.id });
      if (!enrollment) throw new Error("enrollment not stored");

      await logAccess(tx, actor, {
        associationId: initiative.associationId,
        dataControllerId: initiative.ownerId,
        participantId: participant.id,
        enrollmentId: enrollment.id,
        action: "change",
        fields: registrationFields(
          values,
          newParticipant ? { found: false } : { found: true, nameAdded },
        ),
      });
      return {
        participantId: participant.id,
        enrollmentId: enrollment.id,
        anonymous: participant.identityCiphertext === null,
        newParticipant,
        identityDiscarded: values.identityDiscarded,
      };
    });
  } catch (error) {
    if (isUniqueViolation(error, "participants_identity_unique"))
      throw new ConflictError(
        "Samma person registrerades samtidigt av någon annan. Ladda om sidan och försök igen: personen hittas då och får en ny inskrivning.",
      );
    if (isUniqueViolation(error, "enrollments_external_key_unique"))
      throw new ValidationError({
        externalKey: `Deltagar-id ${input.externalKey?.trim()} finns redan i insatsen. Varje deltagare har ett eget id.`,
      });
    throw error;
  }
}

// ── reading ──────────────────────────────────────────────────────────────────────────────

const VIEW_FIELDS = ["identity.masked", "gender", "birthYear", "enrollment", "background", "exit"];

async function viewsOf(
  tx: Tx,
  crypto: RegisterCrypto,
  rows: Array<{ enrollment: EnrollmentRow; participant: ParticipantRow }>,
): Promise<EnrollmentView[]> {
  if (rows.length === 0) return [];
  const initiativeIds = [...new Set(rows.map((r) => r.enrollment.initiativeId))];
  const names = await tx
    .select({ id: initiatives.id, name: initiatives.name })
    .from(initiatives)
    .where(inArray(initiatives.id, initiativeIds));
  const units = await tx
    .select({ id: initiativeLocalUnits.id, name: initiativeLocalUnits.name })
    .from(initiativeLocalUnits)
    .where(inArray(initiativeLocalUnits.initiativeId, initiativeIds));
  const consentRows = await tx
    .select()
    .from(consents)
    .where(
      and(
        inArray(consents.participantId, [...new Set(rows.map((r) => r.participant.id))]),
        inArray(consents.initiativeId, initiativeIds),
      ),
    )
    .orderBy(desc(consents.consentedOn), desc(consents.createdAt));
  return rows.map(({ enrollment: e, participant: p }) => {
    const consent = consentRows.find(
      (c) => c.participantId === p.id && c.initiativeId === e.initiativeId,
    );
    return {
      id: e.id,
      version: e.version,
      initiativeId: e.initiativeId,
      initiativeName: names.find((n) => n.id === e.initiativeId)?.name ?? "",
      dataControllerId: e.dataControllerId,
      localUnitId: e.localUnitId,
      localUnitName: units.find((u) => u.id === e.localUnitId)?.name ?? null,
      externalKey: e.externalKey,
      participant: {
        id: p.id,
        version: p.version,
        identity: p.identityCiphertext ? formatMasked(crypto.decrypt(p.identityCiphertext)) : null,
        identityKind: p.identityKind ?? null,
        identityState: identityState(p),
        hasName: p.nameCiphertext !== null,
        gender: p.gender,
        birthYear: p.birthYear,
        erasedAt: p.erasedAt,
      },
      startDate: e.startDate,
      officerUserId: e.officerUserId,
      actionPlanDate: e.actionPlanDate,
      municipalityCode: e.municipalityCode,
      background: normaliseBackground(e.background),
      endDate: e.endDate,
      exit: e.exit ? (e.exit as unknown as ExitData) : null,
      voided: e.voided,
      consent: consent
        ? {
            id: consent.id,
            initiativeId: consent.initiativeId,
            consentedOn: consent.consentedOn,
            textVersion: consent.textVersion,
            language: consent.language,
            recordedByName: consent.recordedByName,
            withdrawnOn: consent.withdrawnOn,
          }
        : null,
    };
  });
}

/** One enrollment with its participant, the identity masked; the read is logged. */
export async function getEnrollment(
  db: Db,
  crypto: RegisterCrypto,
  actor: RegisterActor,
  scope: RegisterScope,
  enrollmentId: string,
): Promise<EnrollmentView> {
  return loggingDenied(db, actor, scope, "read", { enrollmentId }, () =>
    inRegister(db, scope, async (tx) => {
      if (!UUID.test(enrollmentId)) throw new NotFoundError(NOT_FOUND);
      const [row] = await tx
        .select({ enrollment: enrollments, participant: participants })
        .from(enrollments)
        .innerJoin(participants, eq(participants.id, enrollments.participantId))
        .where(eq(enrollments.id, enrollmentId));
      if (!row) throw new NotFoundError(NOT_FOUND);
      const [view] = await viewsOf(tx, crypto, [row]);
      if (!view) throw new NotFoundError(NOT_FOUND);
      await logAccess(tx, actor, {
        associationId: row.enrollment.associationId,
        dataControllerId: row.enrollment.dataControllerId,
        participantId: row.participant.id,
        enrollmentId: row.enrollment.id,
        action: "read",
        fields: VIEW_FIELDS,
      });
      return view;
    }),
  );
}

export interface ListEnrollmentsOptions {
  /** "open": not exited; "ended": exited (felregistreringar included); default all. */
  status?: "open" | "ended" | "all";
}

/**
 * The enrollments of one initiative, newest start first, identities masked. Every participant
 * listed gets an access-log entry (action search).
 */
export async function listEnrollments(
  db: Db,
  crypto: RegisterCrypto,
  actor: RegisterActor,
  scope: RegisterScope,
  initiativeId: string,
  options: ListEnrollmentsOptions = {},
): Promise<EnrollmentView[]> {
  return inRegister(db, scope, async (tx) => {
    const initiative = await initiativeInScope(tx, scope, initiativeId);
    const status = options.status ?? "all";
    const rows = await tx
      .select({ enrollment: enrollments, participant: participants })
      .from(enrollments)
      .innerJoin(participants, eq(participants.id, enrollments.participantId))
      .where(
        and(
          eq(enrollments.initiativeId, initiative.id),
          status === "open"
            ? isNull(enrollments.endDate)
            : status === "ended"
              ? sql`${enrollments.endDate} is not null`
              : undefined,
        ),
      )
      .orderBy(desc(enrollments.startDate), desc(enrollments.createdAt));
    const views = await viewsOf(tx, crypto, rows);
    await logAccess(
      tx,
      actor,
      rows.map((r) => ({
        associationId: r.enrollment.associationId,
        dataControllerId: r.enrollment.dataControllerId,
        participantId: r.participant.id,
        enrollmentId: r.enrollment.id,
        action: "search" as const,
        fields: ["identity.masked", "gender", "birthYear", "enrollment"],
      })),
    );
    return views;
  });
}

export interface RevealedIdentity {
  /** "19850312-1234". */
  personalNumber: string;
  kind: "personnummer" | "samordningsnummer" | null;
  name: string | null;
}

/**
 * The full number (and name) of an enrollment's participant, logged as a reveal; null when
 * the participant has no stored identity (anonymous, protected or erased).
 */
export async function revealIdentity(
  db: Db,
  crypto: RegisterCrypto,
  actor: RegisterActor,
  scope: RegisterScope,
  enrollmentId: string,
): Promise<RevealedIdentity | null> {
  return loggingDenied(db, actor, scope, "reveal", { enrollmentId }, () =>
    inRegister(db, scope, async (tx) => {
      if (!UUID.test(enrollmentId)) throw new NotFoundError(NOT_FOUND);
      const [row] = await tx
        .select({ enrollment: enrollments, participant: participants })
        .from(enrollments)
        .innerJoin(participants, eq(participants.id, enrollments.participantId))
        .where(eq(enrollments.id, enrollmentId));
      if (!row) throw new NotFoundError(NOT_FOUND);
      const p = row.participant;
      const revealed = p.identityCiphertext
        ? {
            personalNumber: formatFull(crypto.decrypt(p.identityCiphertext)),
            kind: p.identityKind ?? null,
            name: p.nameCiphertext ? crypto.decrypt(p.nameCiphertext) : null,
          }
        : null;
      await logAccess(tx, actor, {
        associationId: row.enrollment.associationId,
        dataControllerId: row.enrollment.dataControllerId,
        participantId: p.id,
        enrollmentId: row.enrollment.id,
        action: "reveal",
        fields: revealed ? (revealed.name ? ["identity", "name"] : ["identity"]) : [],
      });
      return revealed;
    }),
  );
}

// ── exit and changes ─────────────────────────────────────────────────────────────────────

export interface ExitInput {
  endDate: string | null;
  status: string;
  studies?: boolean;
  extent?: string | null;
  supportAfter?: readonly string[] | null;
  actionPlanAtExit?: boolean | null;
  /** Set when the action plan's date is first known at exit. */
  actionPlanDate?: string | null;
}

/** An exit as checked by readExit: what is stored on the enrollment, and the logged fields. */
export interface ExitValues {
  endDate: string;
  exit: ExitData;
  voided: boolean;
  actionPlanDate: string | null;
  /** The fields of the exit's "change" entry in the access log. */
  fields: string[];
}

/**
 * Every check of an exit that needs no database, against the enrollment it ends (its start, its
 * action plan date, whether it is voided already). Throws a ValidationError with every problem.
 * exitEnrollment and the bulk import (import-participants.ts) both check with it.
 */
export function readExit(
  enrollment: { startDate: string; actionPlanDate: string | null; voided: boolean },
  input: ExitInput,
  today: string,
): ExitValues {
  if (enrollment.voided)
    throw new ValidationError({
      status:
        "Inskrivningen är redan makulerad som felregistrering och räknas inte. Gör en ny inskrivning om personen ändå deltar.",
    });
  const problems: Problems = {};
  const status = oneCode(
    EXIT_STATUS,
    input.status,
    "status",
    "status vid avslut",
    problems,
    undefined,
  );
  const voiding = status === "felregistrering";
  let endDate = dateField(input.endDate, "endDate", "Slutdatum", problems, !voiding);
  if (voiding && !endDate && !problems.endDate) endDate = enrollment.startDate;
  if (endDate && !problems.endDate) {
    if (endDate < enrollment.startDate)
      problems.endDate = `Slutdatumet (${endDate}) ligger före startdatumet (${enrollment.startDate}).`;
    else notAfterToday(endDate, today, "endDate", "Slutdatumet", problems);
  }
  const working = status !== undefined && (WORK_EXIT as readonly string[]).includes(status);
  const studies = status === "studier" || input.studies === true;
  if (input.studies === true && status && !working && status !== "studier")
    problems.studies = `Studier kan bara kombineras med arbete, inte med «${EXIT_STATUS[status]}».`;
  let extent: ExtentCode | null = null;
  if (input.extent?.trim()) {
    if (!working)
      problems.extent = "Omfattning (heltid/deltid) anges bara när personen gick till arbete.";
    else
      extent = oneCode(EXTENT, input.extent, "extent", "omfattning", problems, undefined) ?? null;
  }
  const supportAfter = voiding
    ? []
    : (supportCodes(input.supportAfter, "supportAfter", "försörjning efter", problems) ?? []);
  const actionPlanDate = Object.hasOwn(input, "actionPlanDate")
    ? dateField(input.actionPlanDate, "actionPlanDate", "Datum för handlingsplan", problems, false)
    : enrollment.actionPlanDate;
  actionPlanChecks(actionPlanDate, enrollment.startDate, endDate, today, problems);
  if (Object.keys(problems).length || !status || !endDate) throw new ValidationError(problems);

  const exit: ExitData = voiding
    ? { status, studies: false, extent: null, supportAfter: [], actionPlanAtExit: null }
    : {
        status,
        studies,
        extent,
        supportAfter,
        actionPlanAtExit: input.actionPlanAtExit ?? (actionPlanDate !== null ? true : null),
      };
  const fields = ["exit"];
  if (voiding) fields.push("voided");
  if (actionPlanDate !== enrollment.actionPlanDate) fields.push("actionPlanDate");
  return { endDate, exit, voided: voiding, actionPlanDate, fields };
}

/**
 * Utskrivning: end date, status, studies, extent, support after and the action plan at exit.
 * A felregistrering voids the enrollment (it is never counted). An exit may be corrected.
 */
export async function exitEnrollment(
  db: Db,
  actor: RegisterActor,
  scope: RegisterScope,
  enrollmentId: string,
  expectedVersion: number,
  input: ExitInput,
  today: string,
): Promise<{ version: number; voided: boolean }> {
  return loggingDenied(db, actor, scope, "change", { enrollmentId }, () =>
    inRegister(db, scope, async (tx) => {
      const { enrollment } = await enrollmentForChange(tx, enrollmentId);
      if (enrollment.version !== expectedVersion) throw staleEnrollment();
      const { endDate, exit, voided, actionPlanDate, fields } = readExit(enrollment, input, today);
      const version = enrollment.version + 1;
      await tx
        .update(enrollments)
        .set({
          endDate,
          exit: { ...exit },
          voided,
          actionPlanDate,
          updatedAt: new Date(),
          version,
        })
        .where(eq(enrollments.id, enrollment.id));
      await logAccess(tx, actor, {
        associationId: enrollment.associationId,
        dataControllerId: enrollment.dataControllerId,
        participantId: enrollment.participantId,
        enrollmentId: enrollment.id,
        action: "change",
        fields,
      });
      return { version, voided };
    }),
  );
}

export interface BackgroundUpdate {
  gender?: string;
  birthYear?: number | null;
  startDate?: string;
  background?: BackgroundInput;
  municipalityCode?: string | null;
  localUnitId?: string | null;
  actionPlanDate?: string | null;
}

/**
 * Corrects what was recorded at start: the background codes (only those given change), gender
 * and birth year, start date, municipality, local unit and action plan date.
 */
export async function updateBackground(
  db: Db,
  actor: RegisterActor,
  scope: RegisterScope,
  enrollmentId: string,
  expectedVersion: number,
  update: BackgroundUpdate,
  today: string,
): Promise<{ version: number }> {
  return loggingDenied(db, actor, scope, "change", { enrollmentId }, () =>
    inRegister(db, scope, async (tx) => {
      const { enrollment, participant } = await enrollmentForChange(tx, enrollmentId);
      if (enrollment.version !== expectedVersion) throw staleEnrollment();
      const initiative = await initiativeInScope(tx, scope, enrollment.initiativeId);
      const problems: Problems = {};
      const has = (key: keyof BackgroundUpdate) => Object.hasOwn(update, key);

      const startDate = has("startDate")
        ? dateField(update.startDate, "startDate", "Startdatum", problems, true)
        : enrollment.startDate;
      if (has("startDate")) startDateChecks(startDate, initiative, today, problems);
      if (startDate && enrollment.endDate && startDate > enrollment.endDate && !problems.startDate)
        problems.startDate = `Startdatumet (${startDate}) ligger efter slutdatumet (${enrollment.endDate}).`;
      const gender = has("gender") ? genderOf(update.gender, problems) : participant.gender;
      const birthYear = has("birthYear")
        ? birthYearOf(update.birthYear, startDate, problems)
        : participant.birthYear;
      if (has("birthYear") && participant.identityCiphertext && birthYear !== participant.birthYear)
        problems.birthYear ??= `Födelseåret följer av det lagrade personnumret (${participant.birthYear}) och kan inte ändras.`;
      const current = normaliseBackground(enrollment.background);
      const background = has("background")
        ? readBackground(update.background, problems, current)
        : current;
      const municipalityCode = has("municipalityCode")
        ? municipalityOf(update.municipalityCode, problems)
        : enrollment.municipalityCode;
      const localUnitId = has("localUnitId")
        ? localUnitOf(initiative, update.localUnitId, problems)
        : enrollment.localUnitId;
      const actionPlanDate = has("actionPlanDate")
        ? dateField(
            update.actionPlanDate,
            "actionPlanDate",
            "Datum för handlingsplan",
            problems,
            false,
          )
        : enrollment.actionPlanDate;
      if (has("actionPlanDate") || has("startDate"))
        actionPlanChecks(actionPlanDate, startDate, enrollment.endDate, today, problems);
      if (Object.keys(problems).length || !startDate || !gender)
        throw new ValidationError(problems);

      const fields: string[] = [];
      if (startDate !== enrollment.startDate) fields.push("startDate");
      if (JSON.stringify(background) !== JSON.stringify(current)) fields.push("background");
      if (municipalityCode !== enrollment.municipalityCode) fields.push("municipalityCode");
      if (localUnitId !== enrollment.localUnitId) fields.push("localUnit");
      if (actionPlanDate !== enrollment.actionPlanDate) fields.push("actionPlanDate");
      const participantFields: string[] = [];
      if (gender !== participant.gender) participantFields.push("gender");
      if (birthYear !== participant.birthYear) participantFields.push("birthYear");
      if (fields.length === 0 && participantFields.length === 0)
        return { version: enrollment.version };

      const version = enrollment.version + 1;
      await tx
        .update(enrollments)
        .set({
          startDate,
          background: { ...background },
          municipalityCode,
          localUnitId,
          actionPlanDate,
          updatedAt: new Date(),
          version,
        })
        .where(eq(enrollments.id, enrollment.id));
      if (participantFields.length)
        await tx
          .update(participants)
          .set({ gender, birthYear, updatedAt: new Date(), version: participant.version + 1 })
          .where(eq(participants.id, participant.id));
      await logAccess(tx, actor, {
        associationId: enrollment.associationId,
        dataControllerId: enrollment.dataControllerId,
        participantId: participant.id,
        enrollmentId: enrollment.id,
        action: "change",
        fields: [...fields, ...participantFields],
      });
      return { version };
    }),
  );
}

export type ErasureReason = "samtycke_aterkallat" | "skyddad_identitet" | "gallring" | "begaran";

export const ERASURE_REASON_LABELS: Record<ErasureReason, string> = {
  samtycke_aterkallat: "samtycket återkallades",
  skyddad_identitet: "skyddade personuppgifter",
  gallring: "gallring efter avslut",
  begaran: "på personens begäran",
};

/**
 * Erases a participant's identity (number, look-up hash, kind and name) and records why; the
 * statistics fields stay. Inside a register transaction whose scope covers the participant.
 * Returns false when there was no identity to erase.
 */
export async function eraseIdentity(
  tx: Tx,
  actor: RegisterActor,
  participant: Pick<ParticipantRow, "id" | "associationId" | "dataControllerId" | "version"> & {
    identityCiphertext: string | null;
    nameCiphertext: string | null;
  },
  reason: ErasureReason,
  extra: { protectedIdentity?: boolean; enrollmentId?: string } = {},
): Promise<boolean> {
  const hadIdentity =
    participant.identityCiphertext !== null || participant.nameCiphertext !== null;
  if (!hadIdentity && extra.protectedIdentity === undefined) return false;
  await tx
    .update(participants)
    .set({
      ...(hadIdentity
        ? {
            identityCiphertext: null,
            identityLookup: null,
            identityKind: null,
            nameCiphertext: null,
            erasedAt: new Date(),
          }
        : {}),
      ...(extra.protectedIdentity !== undefined
        ? { protectedIdentity: extra.protectedIdentity }
        : {}),
      updatedAt: new Date(),
      version: participant.version + 1,
    })
    .where(eq(participants.id, participant.id));
  if (hadIdentity)
    await tx.insert(erasures).values({
      participantId: participant.id,
      dataControllerId: participant.dataControllerId,
      reason,
      erasedByName: actor.name,
    });
  await logAccess(tx, actor, {
    associationId: participant.associationId,
    dataControllerId: participant.dataControllerId,
    participantId: participant.id,
    enrollmentId: extra.enrollmentId ?? null,
    action: hadIdentity ? "erase" : "change",
    fields: [
      ...(hadIdentity ? ["identity", "name"] : []),
      ...(extra.protectedIdentity !== undefined ? ["protectedIdentity"] : []),
    ],
  });
  return hadIdentity;
}

/**
 * The participant withdraws consent: the consents of this initiative are marked withdrawn and
 * the identity is erased (the statistics stay), recorded as "samtycke_aterkallat".
 */
export async function withdrawConsent(
  db: Db,
  actor: RegisterActor,
  scope: RegisterScope,
  input: { enrollmentId: string; participantVersion: number; withdrawnOn: string },
  today: string,
): Promise<{ erased: boolean }> {
  return loggingDenied(db, actor, scope, "change", { enrollmentId: input.enrollmentId }, () =>
    inRegister(db, scope, async (tx) => {
      const { enrollment, participant } = await enrollmentForChange(tx, input.enrollmentId);
      if (participant.version !== input.participantVersion) throw staleParticipant();
      const problems: Problems = {};
      const withdrawnOn = dateField(
        input.withdrawnOn,
        "withdrawnOn",
        "Datum då samtycket återkallades",
        problems,
        true,
      );
      notAfterToday(withdrawnOn, today, "withdrawnOn", "Datumet", problems);
      const active = await tx
        .select()
        .from(consents)
        .where(
          and(
            eq(consents.participantId, participant.id),
            eq(consents.initiativeId, enrollment.initiativeId),
            isNull(consents.withdrawnOn),
          ),
        );
      if (active.length === 0 && !problems.withdrawnOn)
        problems.withdrawnOn =
          "Det finns inget gällande samtycke att återkalla för den här insatsen: deltagaren är redan registrerad utan identitet.";
      const earliest = active.map((c) => c.consentedOn).sort()[0];
      if (withdrawnOn && earliest && withdrawnOn < earliest && !problems.withdrawnOn)
        problems.withdrawnOn = `Samtycket kan inte återkallas (${withdrawnOn}) före det lämnades (${earliest}).`;
      if (Object.keys(problems).length || !withdrawnOn) throw new ValidationError(problems);

      await tx
        .update(consents)
        .set({ withdrawnOn })
        .where(
          inArray(
            consents.id,
            active.map((c) => c.id),
          ),
        );
      await logAccess(tx, actor, {
        associationId: enrollment.associationId,
        dataControllerId: enrollment.dataControllerId,
        participantId: participant.id,
        enrollmentId: enrollment.id,
        action: "change",
        fields: ["consent"],
      });
      const erased = await eraseIdentity(tx, actor, participant, "samtycke_aterkallat", {
        enrollmentId: enrollment.id,
      });
      return { erased };
    }),
  );
}

/**
 * The participant turns out to have protected identity (skyddade personuppgifter): the flag is
 * set and the identity erased, recorded as "skyddad_identitet"; the statistics stay.
 */
export async function markProtectedIdentity(
  db: Db,
  actor: RegisterActor,
  scope: RegisterScope,
  input: { enrollmentId: string; participantVersion: number },
): Promise<{ erased: boolean }> {
  return loggingDenied(db, actor, scope, "change", { enrollmentId: input.enrollmentId }, () =>
    inRegister(db, scope, async (tx) => {
      const { enrollment, participant } = await enrollmentForChange(tx, input.enrollmentId);
      if (participant.version !== input.participantVersion) throw staleParticipant();
      if (participant.protectedIdentity) return { erased: false };
      const erased = await eraseIdentity(tx, actor, participant, "skyddad_identitet", {
        protectedIdentity: true,
        enrollmentId: enrollment.id,
      });
      return { erased };
    }),
  );
}

// ── count-only participation ─────────────────────────────────────────────────────────────

const PERIOD_KEY = /^(\d{4})(?:-(K[1-4]|T[1-3]|H[12]))?$/;

export interface CountOnlyInput {
  initiativeId: string;
  /** "2026-K1" (quarter), "2026-T1" (tertial), "2026-H1" (half-year) or "2026" (year). */
  periodKey: string;
  women: number;
  men: number;
  others: number;
  /** The version read; 0 when the period has no counts yet. */
  expectedVersion: number;
}

export interface CountOnlyRow {
  periodKey: string;
  women: number;
  men: number;
  others: number;
  version: number;
  recordedByName: string;
  updatedAt: Date;
}

/** Counts of women, men and others per period, for a structural initiative. */
export async function recordCountOnly(
  db: Db,
  actor: RegisterActor,
  scope: RegisterScope,
  input: CountOnlyInput,
): Promise<{ version: number }> {
  try {
    return await inRegister(db, scope, async (tx) => {
      const initiative = await initiativeInScope(tx, scope, input.initiativeId);
      const problems: Problems = {};
      if (initiative.orientation !== "structural")
        problems.initiativeId = `${initiative.name} är en individinriktad insats: registrera varje deltagare för sig i stället för antal.`;
      const periodKey = input.periodKey?.trim() ?? "";
      if (!PERIOD_KEY.test(periodKey))
        problems.periodKey =
          "Ange perioden som år och kvartal (2026-K1), tertial (2026-T1), halvår (2026-H1) eller helt år (2026).";
      const counts = { women: "kvinnor", men: "män", others: "övriga" } as const;
      for (const [field, what] of Object.entries(counts) as Array<[keyof typeof counts, string]>) {
        const n = input[field];
        if (!Number.isInteger(n) || n < 0 || n > 1_000_000)
          problems[field] = `Antalet ${what} ska vara ett heltal, 0 eller mer.`;
      }
      if (Object.keys(problems).length) throw new ValidationError(problems);

      const [current] = await tx
        .select()
        .from(countOnlyParticipation)
        .where(
          and(
            eq(countOnlyParticipation.initiativeId, initiative.id),
            eq(countOnlyParticipation.periodKey, periodKey),
          ),
        )
        .for("update");
      if ((current?.version ?? 0) !== input.expectedVersion)
        throw new ConflictError(
          "Någon annan har ändrat antalet deltagare för perioden medan du arbetade. Ladda om sidan och gör om ändringen.",
        );
      const values = {
        women: input.women,
        men: input.men,
        others: input.others,
        recordedByName: actor.name,
        updatedAt: new Date(),
      };
      const version = (current?.version ?? 0) + 1;
      if (current)
        await tx
          .update(countOnlyParticipation)
          .set({ ...values, version })
          .where(eq(countOnlyParticipation.id, current.id));
      else
        await tx.insert(countOnlyParticipation).values({
          associationId: initiative.associationId,
          dataControllerId: initiative.ownerId,
          initiativeId: initiative.id,
          periodKey,
          ...values,
          version,
        });
      await logAccess(tx, actor, {
        associationId: initiative.associationId,
        dataControllerId: initiative.ownerId,
        action: "change",
        fields: ["countOnly"],
      });
      return { version };
    });
  } catch (error) {
    if (isUniqueViolation(error, "count_only_period_unique"))
      throw new ConflictError(
        "Någon annan registrerade antalet för perioden samtidigt. Ladda om sidan och gör om ändringen.",
      );
    throw error;
  }
}

/** The count-only participation of a structural initiative, by period. */
export async function listCountOnly(
  db: Db,
  scope: RegisterScope,
  initiativeId: string,
): Promise<CountOnlyRow[]> {
  return inRegister(db, scope, async (tx) => {
    const initiative = await initiativeInScope(tx, scope, initiativeId);
    return tx
      .select({
        periodKey: countOnlyParticipation.periodKey,
        women: countOnlyParticipation.women,
        men: countOnlyParticipation.men,
        others: countOnlyParticipation.others,
        version: countOnlyParticipation.version,
        recordedByName: countOnlyParticipation.recordedByName,
        updatedAt: countOnlyParticipation.updatedAt,
      })
      .from(countOnlyParticipation)
      .where(eq(countOnlyParticipation.initiativeId, initiative.id))
      .orderBy(asc(countOnlyParticipation.periodKey));
  });
}

/** The association's name, readable in a register transaction (for documents). */
export async function associationNameIn(tx: Tx, associationId: string): Promise<string> {
  const [row] = await tx
    .select({ name: associations.name })
    .from(associations)
    .where(eq(associations.id, associationId));
  return row?.name ?? "";
}
