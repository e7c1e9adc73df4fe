// Reads a bundle (see bundle-schema.ts) into the instance, in one transaction: the association
// is created if its slug is new, member organisations are matched by org number, initiatives
// and applications by their key. What is new is created, what differs is updated, the rest is
// left alone; nothing is ever deleted. An application is updated the way its history allows:
// by the versions that follow the stored ones; a file whose history differs from the stored
// one is refused (import-application.ts). The reporting side follows (import-reports.ts): reports
// by their key and their history in the same way, steering groups, the reporting calendar; then
// the money (import-money.ts): budgets, requisitions and prognoses brought forward by their
// history in the same way, the allocated funds per year, returned funds, the normal band; and the
// association's disclosure control of its participant statistics (version 5); and the follow-up
// reports for the board (version 6, import-follow-ups.ts): drafts brought forward, locked
// versions written once and never changed; and the progression measurement (version 7,
// import-progression.ts): the association's own instruments by key, published versions never
// changed, and the initiatives' measurement plans; and the courses and Tyck till's question sets
// (version 8, import-courses.ts): courses, chapters, pages and files by their keys (kept as ids),
// the draft taking the file's, published versions and files never changed. The same bundle twice changes nothing. Every rule of the web form applies: one problem anywhere
// and nothing is written.
import { isDeepStrictEqual } from "node:util";
import { and, eq, inArray } from "drizzle-orm";
import type { ApplicationContent } from "../applications/content.ts";
import { type ApplicationRecord, importApplication } from "../applications/import-application.ts";
import {
  applicationSettings,
  applications,
  associationLogos,
  registryCounters,
} from "../applications/schema.ts";
import { saveApplicationSettings, setAssociationLogo } from "../applications/settings.ts";
import { contentAsInput, validateApplication } from "../applications/validate-application.ts";
import { createAssociation } from "../associations/create-association.ts";
import { saveDisclosureSettings } from "../associations/disclosure-settings.ts";
import {
  addMemberOrganisation,
  updateMemberOrganisation,
} from "../associations/member-organisations.ts";
import { checkOrgNumber } from "../associations/org-number.ts";
import { associations, disclosureSettings, memberOrganisations } from "../associations/schema.ts";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import { getInitiative } from "../initiatives/get-initiative.ts";
import {
  changedFields,
  fieldLabel,
  insertInitiative,
  writeInitiativeChange,
} from "../initiatives/save-initiative.ts";
import { initiatives } from "../initiatives/schema.ts";
import {
  type InitiativeInput,
  type InitiativeValues,
  validateInitiative,
} from "../initiatives/validate-initiative.ts";
import type { Queryable, Tx } from "../platform/database/connect.ts";
import { ValidationError } from "../platform/errors.ts";
import {
  type Bundle,
  type BundleApplication,
  type BundleApplicationContent,
  type BundleInitiative,
  parseBundle,
} from "./bundle-schema.ts";
import { type CourseResult, coursesChanged, importCourses } from "./import-courses.ts";
import { type FollowUpResult, followUpsChanged, importFollowUps } from "./import-follow-ups.ts";
import { importMoney, type MoneyResult, moneyChanged } from "./import-money.ts";
import {
  importProgression,
  type ProgressionResult,
  progressionChanged,
} from "./import-progression.ts";
import {
  importReporting,
  type ReportingResult,
  reportingChanged,
  reportRegistryNumbers,
} from "./import-reports.ts";

export const IMPORT_ACTOR: AuditActor = { userId: null, label: "cli:import" };

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export type ImportOutcome = keyof ImportCounts;

export interface ImportResult
  extends ReportingResult,
    MoneyResult,
    FollowUpResult,
    ProgressionResult,
    CourseResult {
  association: { id: string; slug: string; name: string; outcome: ImportOutcome };
  memberOrganisations: ImportCounts;
  initiatives: ImportCounts;
  /** "absent": the file has none (the association's own are left as they are). */
  applicationSettings: ImportOutcome | "absent";
  logo: ImportOutcome | "absent";
  /** The disclosure control of the participant statistics (version 5 and later). */
  disclosureSettings: ImportOutcome | "absent";
  /** Per year; a counter is only ever raised. */
  registryCounters: ImportCounts;
  applications: ImportCounts;
}

const counts = (): ImportCounts => ({ created: 0, updated: 0, unchanged: 0 });

/** Re-raises a use case's ValidationError with each field placed in the bundle. */
function placed(error: unknown, where: string, label = ""): never {
  if (!(error instanceof ValidationError)) throw error;
  throw new ValidationError(
    Object.fromEntries(
      Object.entries(error.fields).map(([field, message]) => [
        `${where}.${field}`,
        `${where}.${field}${label}: ${message}`,
      ]),
    ),
  );
}

/** validateInitiative's field names, as the bundle spells them. */
const bundleField = (field: string) => {
  const renamed =
    field === "ownerOrganisationId" ? "owner" : field === "partnerIds" ? "partners" : field;
  return renamed.replace(/\.(\d+)(?=\.|$)/g, "[$1]");
};

async function importAssociation(tx: Tx, actor: AuditActor, input: Bundle["association"]) {
  const slug = input.slug.trim().toLowerCase();
  const [existing] = await tx.select().from(associations).where(eq(associations.slug, slug));
  if (!existing) {
    const created = await createAssociation(tx, actor, {
      slug,
      name: input.name,
      orgNumber: input.orgNumber ?? undefined,
      requireStaffTotp: input.requireStaffTotp,
    }).catch((error) => placed(error, "association"));
    return { row: created, outcome: "created" as const };
  }
  const name = input.name.trim();
  if (!name)
    throw new ValidationError({ "association.name": "association.name: Fyll i förbundets namn." });
  let orgNumber: string | null = null;
  if (input.orgNumber) {
    const check = checkOrgNumber(input.orgNumber);
    if (!check.ok)
      throw new ValidationError({
        "association.orgNumber": `association.orgNumber: ${check.problem}`,
      });
    orgNumber = check.value;
  }
  // requireStaffTotp is only used when the import creates the association: a file never lowers
  // an existing association's sign-in requirements.
  if (existing.name === name && existing.orgNumber === orgNumber) {
    return { row: existing, outcome: "unchanged" as const };
  }
  const [row] = await tx
    .update(associations)
    .set({ name, orgNumber, version: existing.version + 1 })
    .where(eq(associations.id, existing.id))
    .returning();
  if (!row) throw new Error("update returned nothing");
  await recordAuditEvent(tx, actor, {
    action: "association.updated",
    associationId: existing.id,
    targetType: "association",
    targetId: existing.id,
    details: {
      ...(existing.name !== name ? { name: { from: existing.name, to: name } } : {}),
      ...(existing.orgNumber !== orgNumber
        ? { orgNumber: { from: existing.orgNumber, to: orgNumber } }
        : {}),
    },
  });
  return { row, outcome: "updated" as const };
}

async function importMemberOrganisations(
  tx: Tx,
  actor: AuditActor,
  associationId: string,
  list: Bundle["memberOrganisations"],
): Promise<ImportCounts> {
  const result = counts();
  const seen = new Map<string, number>();
  list.forEach((o, i) => {
    const first = seen.get(o.orgNumber);
    if (first !== undefined) {
      throw new ValidationError({
        [`memberOrganisations[${i}].orgNumber`]: `memberOrganisations[${i}].orgNumber: Organisationsnumret ${o.orgNumber} finns redan i memberOrganisations[${first}].`,
      });
    }
    seen.set(o.orgNumber, i);
  });
  const existing = await tx
    .select()
    .from(memberOrganisations)
    .where(eq(memberOrganisations.associationId, associationId));
  const byOrgNumber = new Map(existing.map((o) => [o.orgNumber, o]));
  for (const [i, o] of list.entries()) {
    const where = `memberOrganisations[${i}]`;
    const input = { name: o.name, orgNumber: o.orgNumber, kind: o.kind };
    const current = byOrgNumber.get(o.orgNumber);
    if (!current) {
      await addMemberOrganisation(tx, actor, associationId, input).catch((e) => placed(e, where));
      result.created++;
    } else if (current.name !== o.name.trim() || current.kind !== o.kind) {
      await updateMemberOrganisation(
        tx,
        actor,
        associationId,
        current.id,
        current.version,
        input,
      ).catch((e) => placed(e, where));
      result.updated++;
    } else {
      result.unchanged++;
    }
  }
  return result;
}

/** Checks every initiative first, so that the refusal lists all problems at once. */
async function validateInitiatives(
  tx: Tx,
  associationId: string,
  list: BundleInitiative[],
): Promise<Array<{ key: string; values: InitiativeValues; exists: boolean }>> {
  const problems: Record<string, string> = {};
  const keys = list.map((i) => i.key.toLowerCase());
  const found = keys.length
    ? await tx
        .select({ id: initiatives.id, associationId: initiatives.associationId })
        .from(initiatives)
        .where(inArray(initiatives.id, keys))
    : [];
  const ownerOf = new Map(found.map((r) => [r.id, r.associationId]));
  const orgs = await tx
    .select({ id: memberOrganisations.id, orgNumber: memberOrganisations.orgNumber })
    .from(memberOrganisations)
    .where(eq(memberOrganisations.associationId, associationId));
  const orgId = new Map(orgs.map((o) => [o.orgNumber, o.id]));
  const unknownOrg = (n: string) =>
    `Organisationsnumret ${n} finns inte bland förbundets medlemsorganisationer.`;

  const validated: Array<{ key: string; values: InitiativeValues; exists: boolean }> = [];
  for (const [i, item] of list.entries()) {
    const where = `initiatives[${i}]`;
    const about = ` (insatsen "${item.name}")`;
    const add = (field: string, message: string) => {
      problems[`${where}.${field}`] ??= `${where}.${field}${about}: ${message}`;
    };
    const key = keys[i] ?? item.key;
    const firstWithKey = keys.indexOf(key);
    if (firstWithKey !== i) add("key", `Nyckeln finns redan i initiatives[${firstWithKey}].`);
    const holder = ownerOf.get(key);
    if (holder && holder !== associationId)
      add("key", "Nyckeln används redan av en insats i ett annat förbund.");

    const owner = orgId.get(item.owner);
    if (!owner) add("owner", unknownOrg(item.owner));
    const unknownPartners = item.partners.filter((p) => !orgId.has(p));
    if (unknownPartners.length) add("partners", unknownOrg(unknownPartners.join(", ")));

    const input: InitiativeInput = {
      ...item,
      ownerOrganisationId: owner ?? "",
      partnerIds: item.partners.flatMap((p) => orgId.get(p) ?? []),
    };
    try {
      // an initiative that is still an application may wait for its partners, as its draft does
      const values = await validateInitiative(tx, associationId, input, {
        draft: item.status === "ansokan",
      });
      validated.push({ key, values, exists: holder === associationId });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      for (const [field, message] of Object.entries(error.fields)) {
        const label = field.includes(".") ? "" : `, ${fieldLabel(field)}`;
        problems[`${where}.${bundleField(field)}`] ??=
          `${where}.${bundleField(field)} (insatsen "${item.name}"${label}): ${message}`;
      }
    }
  }
  if (Object.keys(problems).length) throw new ValidationError(problems);
  return validated;
}

async function writeInitiatives(
  tx: Tx,
  actor: AuditActor,
  associationId: string,
  list: Array<{ key: string; values: InitiativeValues; exists: boolean }>,
): Promise<ImportCounts> {
  const result = counts();
  for (const { key, values, exists } of list) {
    if (!exists) {
      await insertInitiative(tx, actor, associationId, values, { id: key, source: "bundle" });
      result.created++;
      continue;
    }
    const [locked] = await tx
      .select({ version: initiatives.version })
      .from(initiatives)
      .where(and(eq(initiatives.id, key), eq(initiatives.associationId, associationId)))
      .for("update");
    const current = await getInitiative(tx, associationId, key);
    if (!locked || !current) throw new Error(`initiative ${key} vanished during the import`);
    const changed = changedFields(current, values);
    if (!changed.length) {
      result.unchanged++;
      continue;
    }
    await writeInitiativeChange(
      tx,
      actor,
      associationId,
      key,
      locked.version,
      values,
      changed,
      "bundle",
    );
    result.updated++;
  }
  return result;
}

/** Imports a bundle given as its JSON text or as an already parsed bundle. */
export async function importBundle(
  q: Queryable,
  actor: AuditActor,
  source: string | Bundle,
): Promise<ImportResult> {
  const bundle = typeof source === "string" ? parseBundle(source) : source;
  return q.transaction(async (tx) => {
    const association = await importAssociation(tx, actor, bundle.association);
    const associationId = association.row.id;
    const orgs = await importMemberOrganisations(
      tx,
      actor,
      associationId,
      bundle.memberOrganisations,
    );
    const validated = await validateInitiatives(tx, associationId, bundle.initiatives);
    const written = await writeInitiatives(tx, actor, associationId, validated);
    const settings = await importApplicationSettings(
      tx,
      actor,
      associationId,
      bundle.applicationSettings,
    );
    const logo = await importLogo(tx, actor, associationId, bundle.logo);
    const disclosure = await importDisclosureSettings(
      tx,
      actor,
      associationId,
      bundle.disclosureSettings,
    );
    const records = await validateApplications(tx, associationId, bundle);
    const applicationCounts = counts();
    for (const [i, record] of records.entries()) {
      const outcome = await importApplication(tx, actor, associationId, record).catch((e) =>
        placed(e, `applications[${i}]`, ` (ansökan "${record.content.name}")`),
      );
      applicationCounts[outcome]++;
    }
    const reporting = await importReporting(tx, actor, associationId, bundle);
    const money = await importMoney(tx, actor, associationId, bundle);
    const followUps = await importFollowUps(tx, actor, associationId, bundle);
    const progression = await importProgression(tx, actor, associationId, bundle);
    const courseResult = await importCourses(tx, actor, associationId, bundle);
    const counters = await importRegistryCounters(tx, associationId, bundle);
    const result: ImportResult = {
      association: {
        id: associationId,
        slug: association.row.slug,
        name: association.row.name,
        outcome: association.outcome,
      },
      memberOrganisations: orgs,
      initiatives: written,
      applicationSettings: settings,
      logo,
      disclosureSettings: disclosure,
      registryCounters: counters,
      applications: applicationCounts,
      ...reporting,
      ...money,
      ...followUps,
      ...progression,
      ...courseResult,
    };
    const changed =
      association.outcome !== "unchanged" ||
      reportingChanged(reporting) ||
      moneyChanged(money) ||
      followUpsChanged(followUps) ||
      progressionChanged(progression) ||
      coursesChanged(courseResult) ||
      [orgs, written, counters, applicationCounts].some((c) => c.created + c.updated > 0) ||
      [settings, logo, disclosure].some((o) => o === "created" || o === "updated");
    // a bundle that changes nothing leaves no trace, so importing it again is a true no-op
    if (changed) {
      await recordAuditEvent(tx, actor, {
        action: "bundle.imported",
        associationId,
        targetType: "association",
        targetId: associationId,
        details: {
          format: bundle.format,
          version: bundle.version,
          exportedAt: bundle.exportedAt ?? null,
          memberOrganisations: orgs,
          initiatives: written,
          applicationSettings: settings,
          logo,
          disclosureSettings: disclosure,
          registryCounters: counters,
          applications: applicationCounts,
          ...reporting,
          ...money,
          ...followUps,
          ...progression,
          ...courseResult,
        },
      });
    }
    return result;
  });
}

async function importApplicationSettings(
  tx: Tx,
  actor: AuditActor,
  associationId: string,
  input: Bundle["applicationSettings"],
): Promise<ImportOutcome | "absent"> {
  if (!input) return "absent";
  // as saveApplicationSettings stores them, so that a second import finds them equal
  const wanted = {
    formVersion: input.formVersion.trim(),
    agreementText: input.agreementText.trim(),
    helpTexts: Object.fromEntries(
      Object.entries(input.helpTexts).flatMap(([field, text]) =>
        text?.trim() ? [[field, text.trim()]] : [],
      ),
    ),
  };
  const [current] = await tx
    .select()
    .from(applicationSettings)
    .where(eq(applicationSettings.associationId, associationId));
  if (
    current &&
    current.formVersion === wanted.formVersion &&
    current.agreementText === wanted.agreementText &&
    isDeepStrictEqual(current.helpTexts, wanted.helpTexts)
  )
    return "unchanged";
  await saveApplicationSettings(tx, actor, associationId, current?.version ?? 0, wanted).catch(
    (error) => {
      if (!(error instanceof ValidationError)) throw error;
      const field = (f: string) => (f.startsWith("help.") ? `helpTexts.${f.slice(5)}` : f);
      throw new ValidationError(
        Object.fromEntries(
          Object.entries(error.fields).map(([f, message]) => [
            `applicationSettings.${field(f)}`,
            `applicationSettings.${field(f)}: ${message}`,
          ]),
        ),
      );
    },
  );
  return current ? "updated" : "created";
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function importLogo(
  tx: Tx,
  actor: AuditActor,
  associationId: string,
  input: Bundle["logo"],
): Promise<ImportOutcome | "absent"> {
  if (!input) return "absent";
  const bytes = Buffer.from(input.dataBase64, "base64");
  const actual = bytes.subarray(0, 8).equals(PNG)
    ? "image/png"
    : bytes.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))
      ? "image/jpeg"
      : undefined;
  if (actual !== input.mediaType)
    throw new ValidationError({
      "logo.mediaType": `logo.mediaType: Bilden är ${actual ? `av typen ${actual}` : "varken PNG eller JPEG"}, inte ${input.mediaType}.`,
    });
  const [current] = await tx
    .select()
    .from(associationLogos)
    .where(eq(associationLogos.associationId, associationId));
  if (
    current &&
    current.mediaType === input.mediaType &&
    Buffer.from(current.dataBase64, "base64").equals(bytes)
  )
    return "unchanged";
  await setAssociationLogo(tx, actor, associationId, bytes).catch((e) => placed(e, "logo"));
  return current ? "updated" : "created";
}

/** The association's disclosure control, through the office's own rules (0 or 3–20). */
async function importDisclosureSettings(
  tx: Tx,
  actor: AuditActor,
  associationId: string,
  input: Bundle["disclosureSettings"],
): Promise<ImportOutcome | "absent"> {
  if (!input) return "absent";
  const [current] = await tx
    .select()
    .from(disclosureSettings)
    .where(eq(disclosureSettings.associationId, associationId));
  if (
    current &&
    current.threshold === input.threshold &&
    current.allowTrueZero === input.allowTrueZero
  )
    return "unchanged";
  await saveDisclosureSettings(tx, actor, associationId, current?.version ?? 0, input).catch((e) =>
    placed(e, "disclosureSettings"),
  );
  return current ? "updated" : "created";
}

const DECIDED = new Set(["beviljad", "avslagen"]);
const REGISTRY_NUMBER = /^(\d{4})\/(\d+)$/;

/** validateApplication's field names, as the bundle's content spells them. */
const contentField = (field: string) => {
  if (field.startsWith("budget.")) return "budget";
  const renamed = field
    .replace(/^ownerOrganisationId$/, "owner")
    .replace(/^partnerIds$/, "partners")
    .replace(/^(coFinancing\.\d+)\.organisationId$/, "$1.organisation");
  return renamed.replace(/\.(\d+)(?=\.|$)/g, "[$1]");
};

/**
 * Checks every application first (its initiative, organisations, statuses, history and
 * content), so that the refusal lists all problems at once; returns them with this instance's
 * ids, ready for importApplication.
 */
async function validateApplications(
  tx: Tx,
  associationId: string,
  bundle: Bundle,
): Promise<ApplicationRecord[]> {
  const list = bundle.applications;
  if (!list.length) return [];
  const problems: Record<string, string> = {};
  const orgs = await tx
    .select({ id: memberOrganisations.id, orgNumber: memberOrganisations.orgNumber })
    .from(memberOrganisations)
    .where(eq(memberOrganisations.associationId, associationId));
  const orgId = new Map(orgs.map((o) => [o.orgNumber, o.id]));
  const keys = list.map((a) => a.key.toLowerCase());
  const initiativeKeys = list.map((a) => a.initiative.toLowerCase());
  const inBundle = new Set(bundle.initiatives.map((i) => i.key.toLowerCase()));
  const initiativeRows = await tx
    .select({ id: initiatives.id, associationId: initiatives.associationId })
    .from(initiatives)
    .where(inArray(initiatives.id, [...new Set(initiativeKeys)]));
  const initiativeHolder = new Map(initiativeRows.map((r) => [r.id, r.associationId]));
  const applicationRows = await tx
    .select({ id: applications.id, associationId: applications.associationId })
    .from(applications)
    .where(inArray(applications.id, keys));
  const applicationHolder = new Map(applicationRows.map((r) => [r.id, r.associationId]));
  const numbers = list.flatMap((a) => (a.registryNumber ? [a.registryNumber.trim()] : []));
  const taken = numbers.length
    ? await tx
        .select({ id: applications.id, registryNumber: applications.registryNumber })
        .from(applications)
        .where(
          and(
            eq(applications.associationId, associationId),
            inArray(applications.registryNumber, numbers),
          ),
        )
    : [];

  const records: ApplicationRecord[] = [];
  for (const [i, item] of list.entries()) {
    const where = `applications[${i}]`;
    const about = ` (ansökan "${item.content.name}")`;
    const add = (field: string, message: string) => {
      problems[`${where}.${field}`] ??= `${where}.${field}${about}: ${message}`;
    };
    const key = keys[i] ?? item.key;
    const firstWithKey = keys.indexOf(key);
    if (firstWithKey !== i) add("key", `Nyckeln finns redan i applications[${firstWithKey}].`);
    const holder = applicationHolder.get(key);
    if (holder && holder !== associationId)
      add("key", "Nyckeln används redan av en ansökan i ett annat förbund.");

    const initiativeId = initiativeKeys[i] ?? item.initiative;
    const initiativeOwner = initiativeHolder.get(initiativeId);
    if (initiativeOwner && initiativeOwner !== associationId)
      add("initiative", "Insatsen hör till ett annat förbund.");
    else if (!inBundle.has(initiativeId) && !initiativeOwner)
      add(
        "initiative",
        "Insatsen finns varken i filen (initiatives) eller i förbundet. Lägg till insatsen i initiatives.",
      );

    const unknownOrg = (n: string) =>
      `Organisationsnumret ${n} finns inte bland förbundets medlemsorganisationer.`;
    const org = (n: string, field: string) => {
      const id = orgId.get(n);
      if (!id) add(field, unknownOrg(n));
      return id ?? "";
    };
    const mapContent = (c: BundleApplicationContent, at: string): ApplicationContent => {
      const { owner, partners, coFinancing, ...rest } = c;
      return {
        ...rest,
        ownerOrganisationId: org(owner, `${at}.owner`),
        partnerIds: partners.map((p) => org(p, `${at}.partners`)),
        coFinancing: coFinancing.map(({ organisation, ...line }, j) => ({
          ...line,
          organisationId: org(organisation, `${at}.coFinancing[${j}].organisation`),
        })),
      };
    };
    const content = mapContent(item.content, "content");
    const versions = item.versions.map((v, j) => ({
      version: v.version,
      status: v.status,
      content: mapContent(v.content, `versions[${j}].content`),
      event: v.event,
      note: v.note,
      actorName: v.actorName,
      createdAt: new Date(v.createdAt),
    }));

    // the workflow's rules, as the database holds them
    const status = item.status;
    if (DECIDED.has(status) && item.decision !== status)
      add("decision", `En ansökan med status ${status} ska ha "decision": "${status}".`);
    if (!DECIDED.has(status) && item.decision !== null)
      add("decision", `En ansökan med status ${status} är inte beslutad: ange "decision": null.`);
    if (DECIDED.has(status)) {
      if (!item.decisionMeeting?.trim())
        add("decisionMeeting", "Ange vilket möte som fattade beslutet.");
      if (!item.decisionParagraph?.trim())
        add("decisionParagraph", "Ange paragrafen i protokollet.");
      if (!item.decisionDate) add("decisionDate", "Ange beslutsdatum.");
    }
    if (status === "beviljad") {
      if (item.decidedAmount === null) add("decidedAmount", "Ange beviljat belopp.");
      if (!item.decidedStartDate) add("decidedStartDate", "Ange periodens start.");
      if (!item.decidedEndDate) add("decidedEndDate", "Ange periodens slut.");
    }
    if (item.decidedStartDate && item.decidedEndDate && item.decidedEndDate < item.decidedStartDate)
      add("decidedEndDate", "Periodens slut kan inte vara före dess start.");
    if (status !== "utkast") {
      if (!item.registryNumber?.trim())
        add("registryNumber", "En inskickad ansökan har ett diarienummer.");
      if (!item.arrivalDate) add("arrivalDate", "En inskickad ansökan har ett ankomstdatum.");
    }
    const registryNumber = item.registryNumber?.trim() || null;
    if (registryNumber) {
      const first = list.findIndex((a) => a.registryNumber?.trim() === registryNumber);
      if (first !== i)
        add(
          "registryNumber",
          `Diarienumret ${registryNumber} finns redan i applications[${first}].`,
        );
      else if (taken.some((t) => t.registryNumber === registryNumber && t.id !== key))
        add(
          "registryNumber",
          `Diarienumret ${registryNumber} används redan av en annan ansökan i förbundet.`,
        );
    }

    item.versions.forEach((v, j) => {
      if (v.version !== j + 1)
        add(`versions[${j}].version`, `Versionerna ska vara numrerade 1, 2, 3 … i ordning.`);
    });
    const last = item.versions.at(-1);
    if (last && last.status !== status)
      add("status", `Den sista versionen har status ${last.status}, ansökan ${status}.`);
    if (last && !isDeepStrictEqual(last.content, item.content))
      add("content", "Innehållet ska vara detsamma som i den sista versionen.");

    const parties = new Set([item.content.owner, ...item.content.partners]);
    item.signatures.forEach((sig, j) => {
      const at = `signatures[${j}]`;
      const first = item.signatures.findIndex((x) => x.organisation === sig.organisation);
      if (first !== j)
        add(`${at}.organisation`, `Parten har redan en underskrift i signatures[${first}].`);
      else if (!parties.has(sig.organisation))
        add(`${at}.organisation`, `${sig.organisation} är inte en av ansökans parter.`);
      if (last && sig.signedVersion > last.version)
        add(`${at}.signedVersion`, `Ansökan har bara ${last.version} versioner.`);
      if (!sig.signerName.trim()) add(`${at}.signerName`, "Skriv namnet på den som skrev under.");
    });
    const signatures = item.signatures.map((sig) => ({
      organisationId: orgId.get(sig.organisation) ?? "",
      signerName: sig.signerName,
      signerEmail: sig.signerEmail,
      signerTitle: sig.signerTitle,
      method: sig.method,
      signedOn: sig.signedOn,
      signedAt: new Date(sig.signedAt),
      signedVersion: sig.signedVersion,
    }));

    // the content as the form would accept it: a draft's rules (nothing inconsistent)
    try {
      await validateApplication(tx, associationId, contentAsInput(content), "draft");
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      for (const [field, message] of Object.entries(error.fields))
        add(`content.${contentField(field)}`, message);
    }

    records.push(recordOf(item, { id: key, initiativeId, content, versions, signatures }));
  }
  if (Object.keys(problems).length) throw new ValidationError(problems);
  return records;
}

function recordOf(
  item: BundleApplication,
  mapped: Pick<ApplicationRecord, "id" | "initiativeId" | "content" | "versions" | "signatures">,
): ApplicationRecord {
  return {
    ...mapped,
    status: item.status,
    formVersion: item.formVersion,
    receivedOnPaper: item.receivedOnPaper,
    registryNumber: item.registryNumber?.trim() || null,
    arrivalDate: item.arrivalDate,
    submittedAt: item.submittedAt ? new Date(item.submittedAt) : null,
    returnMessage: item.returnMessage,
    decision: item.decision,
    decidedAmount: item.decidedAmount,
    decidedStartDate: item.decidedStartDate,
    decidedEndDate: item.decidedEndDate,
    decisionConditions: item.decisionConditions,
    decisionMeeting: item.decisionMeeting,
    decisionParagraph: item.decisionParagraph,
    decisionDate: item.decisionDate,
    comments: item.comments.map((c) => ({
      authorName: c.authorName,
      text: c.text,
      createdAt: new Date(c.createdAt),
    })),
  };
}

/**
 * Raises the diarienummer counters to the file's, and to the highest number its applications
 * and reports use (one series), so that numbering continues after them. A counter is never
 * lowered.
 */
async function importRegistryCounters(
  tx: Tx,
  associationId: string,
  bundle: Bundle,
): Promise<ImportCounts> {
  const result = counts();
  const wanted = new Map<number, number>();
  const raise = (year: number, n: number) => wanted.set(year, Math.max(wanted.get(year) ?? 0, n));
  const seen = new Map<number, number>();
  bundle.registryCounters.forEach((c, i) => {
    const first = seen.get(c.year);
    if (first !== undefined)
      throw new ValidationError({
        [`registryCounters[${i}].year`]: `registryCounters[${i}].year: Året ${c.year} finns redan i registryCounters[${first}].`,
      });
    seen.set(c.year, i);
    raise(c.year, c.lastNumber);
  });
  const numbers = [
    ...bundle.applications.map((a) => a.registryNumber?.trim() ?? ""),
    ...reportRegistryNumbers(bundle),
  ];
  for (const number of numbers) {
    const match = REGISTRY_NUMBER.exec(number);
    if (match) raise(Number(match[1]), Number(match[2]));
  }
  if (!wanted.size) return result;
  const current = await tx
    .select()
    .from(registryCounters)
    .where(eq(registryCounters.associationId, associationId));
  for (const [year, lastNumber] of [...wanted].sort(([a], [b]) => a - b)) {
    const row = current.find((c) => c.year === year);
    if (!row) {
      await tx.insert(registryCounters).values({ associationId, year, lastNumber });
      result.created++;
    } else if (row.lastNumber < lastNumber) {
      await tx
        .update(registryCounters)
        .set({ lastNumber })
        .where(
          and(eq(registryCounters.associationId, associationId), eq(registryCounters.year, year)),
        );
      result.updated++;
    } else {
      result.unchanged++;
    }
  }
  return result;
}
