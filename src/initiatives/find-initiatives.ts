// The register's search: text, status, owner, orientation and period (active in it), sorted.
import {
  and,
  asc,
  desc,
  eq,
  gte,
  ilike,
  inArray,
  isNull,
  lte,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import { memberOrganisations } from "../associations/schema.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { partnerNames } from "./get-initiative.ts";
import { type InitiativeStatus, initiatives, type Orientation } from "./schema.ts";

export const SORTS = ["name", "start", "end", "status", "owner"] as const;
export type InitiativeSort = (typeof SORTS)[number];

export interface InitiativeSearch {
  associationId: string;
  /** "all", or only these ids (initiative-scoped roles see their own). */
  visible: "all" | string[];
  text?: string | undefined;
  statuses?: InitiativeStatus[] | undefined;
  ownerOrganisationId?: string | undefined;
  orientation?: Orientation | undefined;
  /** Active in the period: start ≤ to and (no end, or end ≥ from). ISO dates. */
  from?: string | undefined;
  to?: string | undefined;
  sort?: InitiativeSort | undefined;
  descending?: boolean | undefined;
}

export async function findInitiatives(q: Queryable, search: InitiativeSearch) {
  if (search.visible !== "all" && search.visible.length === 0) return [];
  const conditions: SQL[] = [eq(initiatives.associationId, search.associationId)];
  if (search.visible !== "all") conditions.push(inArray(initiatives.id, search.visible));
  if (search.text) {
    const pattern = `%${search.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = or(ilike(initiatives.name, pattern), ilike(memberOrganisations.name, pattern));
    if (match) conditions.push(match);
  }
  if (search.statuses?.length) conditions.push(inArray(initiatives.status, search.statuses));
  if (search.ownerOrganisationId)
    conditions.push(eq(initiatives.ownerOrganisationId, search.ownerOrganisationId));
  if (search.orientation) conditions.push(eq(initiatives.orientation, search.orientation));
  if (search.to) conditions.push(lte(initiatives.startDate, search.to));
  if (search.from) {
    const active = or(isNull(initiatives.endDate), gte(initiatives.endDate, search.from));
    if (active) conditions.push(active);
  }
  const column = {
    name: initiatives.name,
    start: initiatives.startDate,
    end: initiatives.endDate,
    status: initiatives.status,
    owner: memberOrganisations.name,
  }[search.sort ?? "name"];
  const order = search.descending ? desc(column) : asc(column);
  const rows = await q
    .select({
      id: initiatives.id,
      name: initiatives.name,
      status: initiatives.status,
      orientation: initiatives.orientation,
      startDate: initiatives.startDate,
      endDate: initiatives.endDate,
      plannedEndDate: initiatives.plannedEndDate,
      expectedParticipants: initiatives.expectedParticipants,
      expectedParticipantsOngoing: initiatives.expectedParticipantsOngoing,
      ownerOrganisationId: initiatives.ownerOrganisationId,
      ownerName: memberOrganisations.name,
    })
    .from(initiatives)
    .innerJoin(memberOrganisations, eq(memberOrganisations.id, initiatives.ownerOrganisationId))
    .where(and(...conditions))
    .orderBy(sql`${order} nulls last`, asc(initiatives.name));
  const partners = await partnerNames(
    q,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, partnerNames: partners.get(r.id) ?? [] }));
}

export type FoundInitiative = Awaited<ReturnType<typeof findInitiatives>>[number];
