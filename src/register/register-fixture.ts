// For the register's tests: an association with two municipalities as data controllers, their
// initiatives (individual, a second one of the same owner, one with local units, a structural
// one), participant officers, an auditor and the office, as principals with their register
// scopes, and a register key made on the spot.
import { randomBytes } from "node:crypto";
import { loadPrincipal, type Principal } from "../access/principal.ts";
import { createAssociation } from "../associations/create-association.ts";
import { addMemberOrganisation } from "../associations/member-organisations.ts";
import { createInitiative } from "../initiatives/save-initiative.ts";
import { addUser } from "../people/add-user.ts";
import { assignRole } from "../people/assign-role.ts";
import type { Role } from "../people/roles.ts";
import type { Db } from "../platform/database/connect.ts";
import { createRegisterCrypto, type RegisterCrypto } from "./crypto.ts";
import { luhnCheckDigit } from "./identity.ts";
import { type RegisterAccess, registerScopeFor } from "./scope.ts";

/** A valid personnummer "ÅÅÅÅMMDD-NNNN" for a birth date ÅÅÅÅMMDD and a three-digit serial. */
export function personalNumber(birthDate: string, serial: string): string {
  const check = luhnCheckDigit(`${birthDate.slice(2)}${serial}`);
  return `${birthDate}-${serial}${check}`;
}

export interface RegisterFixture {
  crypto: RegisterCrypto;
  associationId: string;
  tierp: { controller: string; initiative: string; second: string; structural: string };
  heby: { controller: string; initiative: string; units: string };
  officers: { tierp: Principal; tierpSecond: Principal; heby: Principal };
  auditor: Principal;
  admin: Principal;
  access(principal: Principal, initiativeId?: string): Promise<RegisterAccess>;
}

const actor = { userId: null, label: "test" };

export async function registerFixture(db: Db, slug = "reg"): Promise<RegisterFixture> {
  const associationId = (
    await createAssociation(db, actor, { slug, name: "Samordningsförbundet Test" })
  ).id;
  const org = async (name: string, orgNumber: string, kind: string) =>
    (await addMemberOrganisation(db, actor, associationId, { name, orgNumber, kind })).id;
  const tierpOrg = await org("Tierps kommun", "212000-0274", "kommun");
  const hebyOrg = await org("Heby kommun", "212000-0332", "kommun");
  const af = await org("Arbetsförmedlingen", "202100-2114", "arbetsformedlingen");
  const initiative = async (
    name: string,
    owner: string,
    orientation: "individual" | "structural",
    localUnits: Array<{ name: string }> = [],
  ) =>
    (
      await createInitiative(db, actor, associationId, {
        name,
        ownerOrganisationId: owner,
        partnerIds: [af],
        status: "pagaende",
        orientation,
        preRehabilitation: false,
        esf: false,
        startDate: "2024-01-01",
        endDate: "2027-12-31",
        targetGroup: "Unga vuxna",
        expectedParticipantsOngoing: false,
        goals: [],
        localUnits,
      })
    ).id;
  const tierp = {
    controller: tierpOrg,
    initiative: await initiative("Tierp, Växtverket", tierpOrg, "individual"),
    second: await initiative("Tierp, Språkstegen", tierpOrg, "individual"),
    structural: await initiative("Tierp, Samverkansforum", tierpOrg, "structural"),
  };
  const heby = {
    controller: hebyOrg,
    initiative: await initiative("Heby, Steget", hebyOrg, "individual"),
    units: await initiative("Heby, Vägen", hebyOrg, "individual", [
      { name: "Heby" },
      { name: "Östervåla" },
    ]),
  };

  const person = async (name: string, roles: Array<{ role: Role; initiativeId?: string }>) => {
    const user = await addUser(db, actor, {
      email: `${name.toLowerCase().replace(/\W+/g, ".")}.${slug}@example.se`,
      name,
    });
    for (const r of roles) await assignRole(db, actor, { userId: user.id, associationId, ...r });
    const principal = await loadPrincipal(db, user.id, { type: "session" });
    if (!principal) throw new Error("no principal");
    return principal;
  };
  const officers = {
    tierp: await person("Anna Andersson", [
      { role: "participant_officer", initiativeId: tierp.initiative },
      { role: "participant_officer", initiativeId: tierp.structural },
    ]),
    tierpSecond: await person("Bo Berg", [
      { role: "participant_officer", initiativeId: tierp.second },
    ]),
    heby: await person("Cecilia Carlsson", [
      { role: "participant_officer", initiativeId: heby.initiative },
      { role: "participant_officer", initiativeId: heby.units },
    ]),
  };
  const auditor = await person("Dan Dahl", [{ role: "auditor" }]);
  const admin = await person("Eva Ek", [{ role: "association_admin" }]);
  return {
    crypto: createRegisterCrypto(randomBytes(32)),
    associationId,
    tierp,
    heby,
    officers,
    auditor,
    admin,
    access: (principal, initiativeId) =>
      registerScopeFor(db, principal, associationId, initiativeId),
  };
}
