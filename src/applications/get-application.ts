// One application as the pages, documents and API show it, and the association's lists.
import { and, asc, desc, eq, inArray, type SQL } from "drizzle-orm";
import { associations, memberOrganisations } from "../associations/schema.ts";
import { initiatives } from "../initiatives/schema.ts";
import type { Queryable } from "../platform/database/connect.ts";
import {
  type ApplicationStatus,
  applicationComments,
  applicationSignatures,
  applications,
  applicationVersions,
} from "./schema.ts";
import { getApplicationSettings } from "./settings.ts";

export async function getApplication(q: Queryable, associationId: string, applicationId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(applicationId)) return undefined;
  const [row] = await q
    .select({
      application: applications,
      initiativeStatus: initiatives.status,
      associationName: associations.name,
    })
    .from(applications)
    .innerJoin(initiatives, eq(initiatives.id, applications.initiativeId))
    .innerJoin(associations, eq(associations.id, applications.associationId))
    .where(and(eq(applications.id, applicationId), eq(applications.associationId, associationId)));
  if (!row) return undefined;
  const a = row.application;
  // one after another: inside a transaction these share one connection
  const organisations = await q
    .select({ id: memberOrganisations.id, name: memberOrganisations.name })
    .from(memberOrganisations)
    .where(eq(memberOrganisations.associationId, associationId))
    .orderBy(asc(memberOrganisations.name));
  const signatures = await q
    .select({
      id: applicationSignatures.id,
      organisationId: applicationSignatures.organisationId,
      signerName: applicationSignatures.signerName,
      signerEmail: applicationSignatures.signerEmail,
      signerTitle: applicationSignatures.signerTitle,
      method: applicationSignatures.method,
      requestedAt: applicationSignatures.requestedAt,
      expiresAt: applicationSignatures.expiresAt,
      signedOn: applicationSignatures.signedOn,
      signedAt: applicationSignatures.signedAt,
      signedVersion: applicationSignatures.signedVersion,
    })
    .from(applicationSignatures)
    .where(eq(applicationSignatures.applicationId, applicationId));
  const comments = await q
    .select()
    .from(applicationComments)
    .where(eq(applicationComments.applicationId, applicationId))
    .orderBy(asc(applicationComments.createdAt), asc(applicationComments.id));
  const settings = await getApplicationSettings(q, associationId);
  const orgName = new Map(organisations.map((o) => [o.id, o.name]));
  const partyIds = [a.content.ownerOrganisationId, ...a.content.partnerIds].filter((id) =>
    orgName.has(id),
  );
  const parties = partyIds.map((id) => ({
    organisationId: id,
    name: orgName.get(id) ?? "",
    isOwner: id === a.content.ownerOrganisationId,
    signature: signatures.find((s) => s.organisationId === id),
  }));
  return {
    ...a,
    initiativeStatus: row.initiativeStatus,
    associationName: row.associationName,
    organisations,
    orgName: (id: string) => orgName.get(id) ?? "okänd organisation",
    parties,
    allSigned: parties.length >= 2 && parties.every((p) => p.signature?.signedAt),
    comments,
    settings,
  };
}

export type ApplicationDetails = NonNullable<Awaited<ReturnType<typeof getApplication>>>;

/** The versions of an application, newest first, without their content. */
export async function listApplicationVersions(q: Queryable, applicationId: string) {
  return q
    .select({
      version: applicationVersions.version,
      status: applicationVersions.status,
      event: applicationVersions.event,
      note: applicationVersions.note,
      actorName: applicationVersions.actorName,
      createdAt: applicationVersions.createdAt,
    })
    .from(applicationVersions)
    .where(eq(applicationVersions.applicationId, applicationId))
    .orderBy(desc(applicationVersions.version));
}

export async function getApplicationVersion(q: Queryable, applicationId: string, version: number) {
  const [row] = await q
    .select()
    .from(applicationVersions)
    .where(
      and(
        eq(applicationVersions.applicationId, applicationId),
        eq(applicationVersions.version, version),
      ),
    );
  return row;
}

export interface ApplicationListFilter {
  /** "all", or the initiatives whose applications the reader may see. */
  visible: "all" | string[];
  status?: ApplicationStatus | undefined;
}

export async function listApplications(
  q: Queryable,
  associationId: string,
  filter: ApplicationListFilter,
) {
  if (filter.visible !== "all" && filter.visible.length === 0) return [];
  const where: SQL[] = [eq(applications.associationId, associationId)];
  if (filter.visible !== "all") where.push(inArray(applications.initiativeId, filter.visible));
  if (filter.status) where.push(eq(applications.status, filter.status));
  const rows = await q
    .select({
      id: applications.id,
      initiativeId: applications.initiativeId,
      status: applications.status,
      content: applications.content,
      registryNumber: applications.registryNumber,
      arrivalDate: applications.arrivalDate,
      receivedOnPaper: applications.receivedOnPaper,
      decisionDate: applications.decisionDate,
      decidedAmount: applications.decidedAmount,
      updatedAt: applications.updatedAt,
    })
    .from(applications)
    .where(and(...where))
    .orderBy(desc(applications.updatedAt));
  const owners = await q
    .select({ id: memberOrganisations.id, name: memberOrganisations.name })
    .from(memberOrganisations)
    .where(eq(memberOrganisations.associationId, associationId));
  const ownerName = new Map(owners.map((o) => [o.id, o.name]));
  return rows.map(({ content, ...r }) => ({
    ...r,
    name: content.name,
    ownerName: ownerName.get(content.ownerOrganisationId) ?? "",
    startDate: content.startDate,
    endDate: content.endDate,
    requested: content.budget.reduce((sum, b) => sum + b.amount, 0),
  }));
}

/** The applications behind one initiative (normally one), newest first, for its page. */
export async function applicationsOfInitiative(q: Queryable, initiativeId: string) {
  return q
    .select({
      id: applications.id,
      status: applications.status,
      registryNumber: applications.registryNumber,
      arrivalDate: applications.arrivalDate,
      decisionDate: applications.decisionDate,
      decidedAmount: applications.decidedAmount,
    })
    .from(applications)
    .where(eq(applications.initiativeId, initiativeId))
    .orderBy(desc(applications.createdAt));
}
