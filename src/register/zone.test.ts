// The privacy boundary in the database: the association zone's role cannot read a single row
// (not even a count) of the register, and the register's role sees only the data controllers
// and initiatives of the request's scope — enforced by PostgreSQL, not by the code that asks.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { createAssociation } from "../associations/create-association.ts";
import { addMemberOrganisation } from "../associations/member-organisations.ts";
import { createInitiative } from "../initiatives/save-initiative.ts";
import { enrollments, participants } from "./schema.ts";
import { inAssociationZone, inRegister } from "./zone.ts";

let t: TestDatabase;
const actor = { userId: null, label: "test" };
let associationId = "";
const tierp = { controller: "", initiative: "" };
const heby = { controller: "", initiative: "" };

beforeAll(async () => {
  t = await createTestDatabase();
  associationId = (await createAssociation(t.db, actor, { slug: "z", name: "Z" })).id;
  const org = async (name: string, orgNumber: string, kind: string) =>
    (await addMemberOrganisation(t.db, actor, associationId, { name, orgNumber, kind })).id;
  tierp.controller = await org("Tierps kommun", "212000-0274", "kommun");
  heby.controller = await org("Heby kommun", "212000-0332", "kommun");
  const af = await org("Arbetsförmedlingen", "202100-2114", "arbetsformedlingen");
  const initiative = async (name: string, owner: string) =>
    (
      await createInitiative(t.db, actor, associationId, {
        name,
        ownerOrganisationId: owner,
        partnerIds: [af],
        status: "pagaende",
        orientation: "individual",
        preRehabilitation: false,
        esf: false,
        startDate: "2026-01-01",
        endDate: "2027-12-31",
        targetGroup: "Unga vuxna",
        expectedParticipantsOngoing: false,
        goals: [],
        localUnits: [],
      })
    ).id;
  tierp.initiative = await initiative("Tierp, Växtverket", tierp.controller);
  heby.initiative = await initiative("Heby, Steget", heby.controller);
  for (const side of [tierp, heby])
    await inRegister(
      t.db,
      { controllers: [side.controller], initiatives: [side.initiative] },
      async (tx) => {
        const [p] = await tx
          .insert(participants)
          .values({
            associationId,
            dataControllerId: side.controller,
            identityCiphertext: "v1:secret",
            identityLookup: `lookup-${side.controller}`,
            identityKind: "personnummer",
            gender: "kvinna",
            birthYear: 1990,
          })
          .returning();
        await tx.insert(enrollments).values({
          participantId: p?.id ?? "",
          associationId,
          dataControllerId: side.controller,
          initiativeId: side.initiative,
          startDate: "2026-02-01",
        });
      },
    );
});
afterAll(() => t?.drop());

describe("the association zone", () => {
  it("cannot read the register at all, not even a count", async () => {
    for (const table of ["participants", "enrollments", "consents", "access_log", "erasures"]) {
      const error = await inAssociationZone(t.db, (tx) =>
        tx.execute(sql.raw(`select count(*) from register.${table}`)),
      ).catch((e: unknown) => e);
      expect(String((error as { cause?: unknown }).cause ?? error)).toMatch(
        /permission denied for schema register/,
      );
    }
  });

  it("still works on the association's own tables", async () => {
    const rows = await inAssociationZone(t.db, (tx) =>
      tx.execute(sql`select count(*)::int as n from initiatives`),
    );
    expect(rows.rows[0]).toEqual({ n: 2 });
  });
});

describe("the register zone", () => {
  it("sees only the data controllers and initiatives of its scope", async () => {
    const seen = await inRegister(
      t.db,
      { controllers: [tierp.controller], initiatives: [tierp.initiative] },
      async (tx) => ({
        participants: (await tx.select().from(participants)).map((p) => p.dataControllerId),
        enrollments: (await tx.select().from(enrollments)).map((e) => e.initiativeId),
      }),
    );
    expect(seen).toEqual({ participants: [tierp.controller], enrollments: [tierp.initiative] });
  });

  it("sees nothing without a scope, and cannot write outside it", async () => {
    const none = await inRegister(t.db, { controllers: [], initiatives: [] }, (tx) =>
      tx.select().from(participants),
    );
    expect(none).toEqual([]);
    const error = await inRegister(
      t.db,
      { controllers: [tierp.controller], initiatives: [tierp.initiative] },
      (tx) =>
        tx.insert(participants).values({
          associationId,
          dataControllerId: heby.controller,
          gender: "man",
        }),
    ).catch((e: unknown) => e);
    expect(String((error as { cause?: unknown }).cause ?? error)).toMatch(/row-level security/);
  });

  it("cannot rewrite the access log", async () => {
    const error = await inRegister(
      t.db,
      { controllers: [tierp.controller], initiatives: [tierp.initiative] },
      (tx) => tx.execute(sql`delete from register.access_log`),
    ).catch((e: unknown) => e);
    expect(String((error as { cause?: unknown }).cause ?? error)).toMatch(/permission denied/);
  });
});

describe("the access log's readers", () => {
  it("see the log of their controllers and not one participant", async () => {
    const seen = await inRegister(
      t.db,
      { controllers: [], initiatives: [], logControllers: [tierp.controller] },
      async (tx) => ({
        participants: (await tx.select().from(participants)).length,
        enrollments: (await tx.select().from(enrollments)).length,
        log: (await tx.execute(sql`select count(*)::int as n from register.access_log`)).rows[0],
      }),
    );
    expect(seen).toEqual({ participants: 0, enrollments: 0, log: { n: 0 } });
    const error = await inRegister(
      t.db,
      { controllers: [], initiatives: [], logControllers: [tierp.controller] },
      (tx) =>
        tx.execute(
          sql`insert into register.access_log (association_id, data_controller_id, actor_name, actor_role, actor_organisation, action, outcome) values (${associationId}, ${tierp.controller}, 'x', 'auditor', 'x', 'read', 'ok')`,
        ),
    ).catch((e: unknown) => e);
    expect(String((error as { cause?: unknown }).cause ?? error)).toMatch(/row-level security/);
  });
});
