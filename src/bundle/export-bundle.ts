// Writes an association's register as a bundle (see bundle-schema.ts), its reporting side
// (export-reports.ts), its money (export-money.ts) and its follow-up reports
// (export-follow-ups.ts), its progression measurement (export-progression.ts) and its courses
// and Tyck till's question sets (export-courses.ts) included. Everything is sorted so that
// the same data always gives the same document: export → import → export differs only in
// exportedAt. People appear by name only (and a signer or steering-group member by e-mail); no
// user ids, no token hashes, no open signature requests.
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import { APPLICATION_FIELDS, type ApplicationContent } from "../applications/content.ts";
import {
  applicationComments,
  applicationSettings,
  applicationSignatures,
  applications,
  applicationVersions,
  associationLogos,
  registryCounters,
} from "../applications/schema.ts";
import { associations, disclosureSettings, memberOrganisations } from "../associations/schema.ts";
import {
  initiativeGoals,
  initiativeLocalUnits,
  initiativePartners,
  initiatives,
} from "../initiatives/schema.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { NotFoundError } from "../platform/errors.ts";
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  type Bundle,
  type BundleApplication,
  type BundleApplicationContent,
  type BundleInitiative,
} from "./bundle-schema.ts";
import { exportCourses } from "./export-courses.ts";
import { exportFollowUps } from "./export-follow-ups.ts";
import { exportMoney } from "./export-money.ts";
import { exportProgression } from "./export-progression.ts";
import { exportReporting } from "./export-reports.ts";

const swedish = new Intl.Collator("sv");
/** Swedish order, ties broken by code units so the order never depends on the collator alone. */
const compare = (a: string, b: string) => swedish.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

export async function exportBundle(
  q: Queryable,
  associationId: string,
  now: Date = new Date(),
): Promise<Bundle> {
  const [association] = await q
    .select()
    .from(associations)
    .where(eq(associations.id, associationId));
  if (!association) throw new NotFoundError("Förbundet finns inte.");
  const orgs = await q
    .select()
    .from(memberOrganisations)
    .where(eq(memberOrganisations.associationId, associationId));
  const orgNumberById = new Map(orgs.map((o) => [o.id, o.orgNumber]));
  const orgNumberOf = (id: string) => {
    const value = orgNumberById.get(id);
    if (!value) throw new Error(`organisation ${id} is not a member of the association`);
    return value;
  };

  const rows = await q
    .select()
    .from(initiatives)
    .where(eq(initiatives.associationId, associationId));
  const ids = rows.map((r) => r.id);
  // one query after another: q may be a transaction, which runs one query at a time
  const partners = ids.length
    ? await q.select().from(initiativePartners).where(inArray(initiativePartners.initiativeId, ids))
    : [];
  const goals = ids.length
    ? await q
        .select()
        .from(initiativeGoals)
        .where(inArray(initiativeGoals.initiativeId, ids))
        .orderBy(asc(initiativeGoals.position))
    : [];
  const units = ids.length
    ? await q
        .select()
        .from(initiativeLocalUnits)
        .where(inArray(initiativeLocalUnits.initiativeId, ids))
        .orderBy(asc(initiativeLocalUnits.position))
    : [];
  const byInitiative = <T extends { initiativeId: string }>(list: T[], id: string) =>
    list.filter((x) => x.initiativeId === id);

  const bundleInitiatives: BundleInitiative[] = rows
    .map((r) => ({
      key: r.id,
      name: r.name,
      owner: orgNumberOf(r.ownerOrganisationId),
      partners: byInitiative(partners, r.id)
        .map((p) => orgNumberOf(p.organisationId))
        .sort(compare),
      status: r.status,
      orientation: r.orientation,
      preRehabilitation: r.preRehabilitation,
      esf: r.esf,
      startDate: r.startDate,
      endDate: r.endDate,
      lastIntakeDate: r.lastIntakeDate,
      plannedEndDate: r.plannedEndDate,
      targetGroup: r.targetGroup,
      expectedParticipants: r.expectedParticipants,
      expectedParticipantsOngoing: r.expectedParticipantsOngoing,
      goals: byInitiative(goals, r.id).map((g) => ({
        text: g.text,
        kind: g.kind,
        targetNumber: g.targetNumber,
        targetPercent: g.targetPercent,
      })),
      localUnits: byInitiative(units, r.id).map((u) => ({
        name: u.name,
        expectedParticipants: u.expectedParticipants,
      })),
    }))
    .sort((a, b) => compare(a.name, b.name) || compare(a.key, b.key));

  // field by field, in the form's order: the document reads like the form
  const content = (c: ApplicationContent): BundleApplicationContent => ({
    name: c.name,
    owner: orgNumberOf(c.ownerOrganisationId),
    partners: c.partnerIds.map(orgNumberOf),
    orientation: c.orientation,
    preRehabilitation: c.preRehabilitation,
    esf: c.esf,
    purpose: c.purpose,
    goals: c.goals.map((g) => ({
      text: g.text,
      kind: g.kind,
      targetNumber: g.targetNumber,
      targetPercent: g.targetPercent,
    })),
    background: c.background,
    startDate: c.startDate,
    endDate: c.endDate,
    lastIntakeDate: c.lastIntakeDate,
    targetGroup: c.targetGroup,
    expectedParticipants: c.expectedParticipants,
    expectedParticipantsOngoing: c.expectedParticipantsOngoing,
    localUnits: c.localUnits.map((u) => ({
      name: u.name,
      expectedParticipants: u.expectedParticipants,
    })),
    genderTargetWomenPercent: c.genderTargetWomenPercent,
    methods: c.methods,
    followUp: c.followUp,
    implementation: c.implementation,
    budget: c.budget.map((b) => ({ year: b.year, category: b.category, amount: b.amount })),
    coFinancing: c.coFinancing.map((f) => ({
      year: f.year,
      organisation: orgNumberOf(f.organisationId),
      kind: f.kind,
      amount: f.amount,
    })),
    anchored: c.anchored,
    anchoringDescription: c.anchoringDescription,
  });
  const bundleApplications = await exportApplications(q, associationId, content, orgNumberOf);
  const initiativeRank = new Map(bundleInitiatives.map((initiative, i) => [initiative.key, i]));
  const reporting = await exportReporting(q, associationId, orgNumberOf, initiativeRank);
  const money = await exportMoney(q, associationId, orgNumberOf, initiativeRank);
  const followUps = await exportFollowUps(q, associationId);
  const progression = await exportProgression(q, associationId, initiativeRank);
  const courseSections = await exportCourses(q, associationId, initiativeRank);

  const [settings] = await q
    .select()
    .from(applicationSettings)
    .where(eq(applicationSettings.associationId, associationId));
  const [logo] = await q
    .select()
    .from(associationLogos)
    .where(eq(associationLogos.associationId, associationId));
  const [disclosure] = await q
    .select()
    .from(disclosureSettings)
    .where(eq(disclosureSettings.associationId, associationId));
  const counters = await q
    .select({ year: registryCounters.year, lastNumber: registryCounters.lastNumber })
    .from(registryCounters)
    .where(eq(registryCounters.associationId, associationId))
    .orderBy(asc(registryCounters.year));

  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedAt: now.toISOString(),
    association: {
      slug: association.slug,
      name: association.name,
      orgNumber: association.orgNumber,
      requireStaffTotp: association.requireStaffTotp,
    },
    memberOrganisations: orgs
      .map((o) => ({ key: o.orgNumber, name: o.name, orgNumber: o.orgNumber, kind: o.kind }))
      .sort((a, b) => compare(a.orgNumber, b.orgNumber)),
    initiatives: bundleInitiatives,
    applicationSettings: settings
      ? {
          formVersion: settings.formVersion,
          // in the form's order
          helpTexts: Object.fromEntries(
            APPLICATION_FIELDS.flatMap((f) =>
              settings.helpTexts[f.key] === undefined ? [] : [[f.key, settings.helpTexts[f.key]]],
            ),
          ),
          agreementText: settings.agreementText,
        }
      : null,
    logo: logo
      ? { mediaType: logo.mediaType as "image/png" | "image/jpeg", dataBase64: logo.dataBase64 }
      : null,
    disclosureSettings: disclosure
      ? { threshold: disclosure.threshold, allowTrueZero: disclosure.allowTrueZero }
      : null,
    registryCounters: counters,
    applications: bundleApplications,
    ...reporting,
    ...money,
    ...followUps,
    ...progression,
    ...courseSections,
  };
}

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

async function exportApplications(
  q: Queryable,
  associationId: string,
  content: (c: ApplicationContent) => BundleApplicationContent,
  orgNumberOf: (id: string) => string,
): Promise<BundleApplication[]> {
  const rows = await q
    .select()
    .from(applications)
    .where(eq(applications.associationId, associationId));
  const ids = rows.map((r) => r.id);
  if (!ids.length) return [];
  const versions = await q
    .select()
    .from(applicationVersions)
    .where(inArray(applicationVersions.applicationId, ids))
    .orderBy(asc(applicationVersions.version));
  // given signatures only: an open request by link is not moved (its link would not work)
  const signatures = await q
    .select()
    .from(applicationSignatures)
    .where(
      and(
        inArray(applicationSignatures.applicationId, ids),
        isNotNull(applicationSignatures.signedAt),
      ),
    );
  const comments = await q
    .select()
    .from(applicationComments)
    .where(inArray(applicationComments.applicationId, ids));
  const of = <T extends { applicationId: string }>(list: T[], id: string) =>
    list.filter((x) => x.applicationId === id);

  return rows
    .map(
      (r): BundleApplication => ({
        key: r.id,
        initiative: r.initiativeId,
        status: r.status,
        formVersion: r.formVersion,
        receivedOnPaper: r.receivedOnPaper,
        registryNumber: r.registryNumber,
        arrivalDate: r.arrivalDate,
        submittedAt: isoOrNull(r.submittedAt),
        returnMessage: r.returnMessage,
        decision: r.decision,
        decidedAmount: r.decidedAmount,
        decidedStartDate: r.decidedStartDate,
        decidedEndDate: r.decidedEndDate,
        decisionConditions: r.decisionConditions,
        decisionMeeting: r.decisionMeeting,
        decisionParagraph: r.decisionParagraph,
        decisionDate: r.decisionDate,
        content: content(r.content),
        signatures: of(signatures, r.id)
          .map((s) => ({
            organisation: orgNumberOf(s.organisationId),
            signerName: s.signerName,
            signerEmail: s.signerEmail,
            signerTitle: s.signerTitle,
            method: s.method,
            signedOn: s.signedOn ?? iso(s.signedAt ?? s.requestedAt).slice(0, 10),
            signedAt: iso(s.signedAt ?? s.requestedAt),
            signedVersion: s.signedVersion ?? r.version,
          }))
          .sort((a, b) => compare(a.organisation, b.organisation)),
        comments: of(comments, r.id)
          .map((c) => ({ authorName: c.authorName, text: c.text, createdAt: iso(c.createdAt) }))
          .sort(
            (a, b) =>
              compare(a.createdAt, b.createdAt) ||
              compare(a.authorName, b.authorName) ||
              compare(a.text, b.text),
          ),
        versions: of(versions, r.id).map((v) => ({
          version: v.version,
          status: v.status,
          content: content(v.content),
          event: v.event,
          note: v.note,
          actorName: v.actorName,
          createdAt: iso(v.createdAt),
        })),
      }),
    )
    .sort((a, b) => compare(a.content.name, b.content.name) || compare(a.key, b.key));
}

/** The bundle as the file holds it: two-space indentation and a final newline. */
export const bundleJson = (bundle: Bundle) => `${JSON.stringify(bundle, null, 2)}\n`;
