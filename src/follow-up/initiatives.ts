// The initiatives a follow-up is about, read once for all its tables: name (with the owner
// municipality as prefix, "Tierp, Växtverket"), owner and partners, orientation, dates, the
// planned end of one that ended early, and the expected number of participants from the
// application. Two queries, whatever the number of initiatives.
import { and, eq, inArray, notInArray } from "drizzle-orm";
import { memberOrganisations } from "../associations/schema.ts";
import { initiativePartners, initiatives } from "../initiatives/schema.ts";
import type { Queryable } from "../platform/database/connect.ts";
import type { InitiativeRef } from "./model.ts";

export interface InitiativeFacts extends InitiativeRef {
  /** The name as registered, without a prefix added. */
  registeredName: string;
  status: string;
  owner: { id: string; name: string; kind: string };
  partners: string[];
  orientation: "individual" | "structural";
  preRehabilitation: boolean;
  startDate: string | null;
  endDate: string | null;
  plannedEndDate: string | null;
  expectedParticipants: number | null;
  expectedParticipantsOngoing: boolean;
}

/** A municipality's name from its organisation's: "Tierps kommun" → "Tierp", "Heby kommun" → "Heby". */
export function municipalityName(organisationName: string): string {
  const base = organisationName.replace(/\s+kommun$/i, "").trim();
  // the genitive s of "Tierps kommun"; names that end in s themselves keep it
  // (Borås, Bollnäs, Hofors, Kramfors, Grums)
  if (/[^aeiouyåäöséAEIOUYÅÄÖ]s$/.test(base) && !/fors$/i.test(base) && base !== "Grums")
    return base.slice(0, -1);
  return base;
}

/** The prefix naming an owner: the municipality, "Region" for a region, else the name. */
export function ownerPrefix(owner: { name: string; kind: string }): string {
  if (owner.kind === "kommun") return municipalityName(owner.name);
  if (owner.kind === "region") return "Region";
  return owner.name;
}

/**
 * The name the report uses: the registered name when it already starts with the owner's prefix
 * ("Tierp, Växtverket"), otherwise the prefix and the name ("Heby, Nystart").
 */
export function reportName(name: string, owner: { name: string; kind: string }): string {
  const prefix = ownerPrefix(owner);
  const lower = name.toLocaleLowerCase("sv");
  if (lower.startsWith(`${prefix.toLocaleLowerCase("sv")},`)) return name;
  return `${prefix}, ${name}`;
}

/** Every initiative of the association that is or was running (not an application or refused). */
export async function loadInitiatives(
  q: Queryable,
  associationId: string,
): Promise<InitiativeFacts[]> {
  const rows = await q
    .select({
      id: initiatives.id,
      name: initiatives.name,
      status: initiatives.status,
      ownerId: memberOrganisations.id,
      ownerName: memberOrganisations.name,
      ownerKind: memberOrganisations.kind,
      orientation: initiatives.orientation,
      preRehabilitation: initiatives.preRehabilitation,
      startDate: initiatives.startDate,
      endDate: initiatives.endDate,
      plannedEndDate: initiatives.plannedEndDate,
      expectedParticipants: initiatives.expectedParticipants,
      expectedParticipantsOngoing: initiatives.expectedParticipantsOngoing,
    })
    .from(initiatives)
    .innerJoin(memberOrganisations, eq(memberOrganisations.id, initiatives.ownerOrganisationId))
    .where(
      and(
        eq(initiatives.associationId, associationId),
        notInArray(initiatives.status, ["ansokan", "avslagen"]),
      ),
    );
  const ids = rows.map((r) => r.id);
  const partnerRows = ids.length
    ? await q
        .select({ initiativeId: initiativePartners.initiativeId, name: memberOrganisations.name })
        .from(initiativePartners)
        .innerJoin(
          memberOrganisations,
          eq(memberOrganisations.id, initiativePartners.organisationId),
        )
        .where(inArray(initiativePartners.initiativeId, ids))
    : [];
  const partners = new Map<string, string[]>();
  for (const p of partnerRows) {
    const list = partners.get(p.initiativeId) ?? [];
    list.push(p.name);
    partners.set(p.initiativeId, list);
  }
  return rows
    .map((r) => {
      const owner = { id: r.ownerId, name: r.ownerName, kind: r.ownerKind };
      return {
        id: r.id,
        name: reportName(r.name, owner),
        registeredName: r.name,
        status: r.status,
        owner,
        partners: (partners.get(r.id) ?? []).sort((a, b) => a.localeCompare(b, "sv")),
        orientation: r.orientation,
        preRehabilitation: r.preRehabilitation,
        startDate: r.startDate,
        endDate: r.endDate,
        plannedEndDate: r.plannedEndDate,
        expectedParticipants: r.expectedParticipants,
        expectedParticipantsOngoing: r.expectedParticipantsOngoing,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, "sv") || a.id.localeCompare(b.id));
}

export const refOf = (i: InitiativeRef): InitiativeRef => ({ id: i.id, name: i.name });
