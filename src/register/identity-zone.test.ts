// A registered identity and the association zone: the zone's database role cannot read the
// encrypted number, its look-up hash or the name, nor anything else of the register, and no
// table of the association zone holds the number, the name or their encrypted forms after a
// participant's whole life (registration, reads, reveal, export, exit).
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import {
  exitEnrollment,
  getEnrollment,
  listEnrollments,
  registerParticipant,
  revealIdentity,
} from "./participants.ts";
import { personalNumber, type RegisterFixture, registerFixture } from "./register-fixture.ts";
import { dataSubjectExport } from "./subject-export.ts";
import { inAssociationZone, inRegister } from "./zone.ts";

const TODAY = "2026-11-23";
const NUMBER = personalNumber("19870909", "362");
const NAME = "Tove Trädgårdh";
let t: TestDatabase;
let f: RegisterFixture;
let secrets: string[] = [];

const failure = (error: unknown) => String((error as { cause?: unknown })?.cause ?? error);

beforeAll(async () => {
  t = await createTestDatabase();
  f = await registerFixture(t.db);
  const tierp = await f.access(f.officers.tierp);
  const r = await registerParticipant(
    t.db,
    f.crypto,
    tierp.actor,
    tierp.scope,
    {
      initiativeId: f.tierp.initiative,
      personalNumber: NUMBER,
      name: NAME,
      consent: { consentedOn: "2026-02-27", textVersion: "2026:1", language: "svenska" },
      gender: "kvinna",
      birthYear: 1987,
      startDate: "2026-03-02",
    },
    TODAY,
  );
  await getEnrollment(t.db, f.crypto, tierp.actor, tierp.scope, r.enrollmentId);
  await listEnrollments(t.db, f.crypto, tierp.actor, tierp.scope, f.tierp.initiative);
  await revealIdentity(t.db, f.crypto, tierp.actor, tierp.scope, r.enrollmentId);
  await dataSubjectExport(t.db, f.crypto, tierp.actor, tierp.scope, r.participantId);
  await exitEnrollment(
    t.db,
    tierp.actor,
    tierp.scope,
    r.enrollmentId,
    1,
    { endDate: "2026-11-02", status: "studier", supportAfter: ["studiemedel"] },
    TODAY,
  );
  // what the register stores: read here as the register itself
  const stored = await inRegister(t.db, tierp.scope, (tx) =>
    tx.execute<{ c: string; l: string; n: string }>(
      sql`select identity_ciphertext as c, identity_lookup as l, name_ciphertext as n from register.participants`,
    ),
  );
  const row = stored.rows[0];
  if (!row) throw new Error("nothing stored");
  secrets = [NUMBER.replace("-", ""), NUMBER, NUMBER.slice(2), NAME, row.c, row.l, row.n];
});
afterAll(() => t?.drop());

describe("the association zone and a stored identity", () => {
  it("cannot read the encrypted number, its hash or the name", async () => {
    for (const column of ["identity_ciphertext", "identity_lookup", "name_ciphertext", "id"]) {
      const error = await inAssociationZone(t.db, (tx) =>
        tx.execute(sql.raw(`select ${column} from register.participants`)),
      ).catch((e: unknown) => e);
      expect(failure(error)).toMatch(/permission denied for schema register/);
    }
  });

  it("cannot reach it through the register's helper function or by switching role", async () => {
    const viaFunction = await inAssociationZone(t.db, (tx) =>
      tx.execute(sql`select register.allowed('samspar.controllers')`),
    ).catch((e: unknown) => e);
    expect(failure(viaFunction)).toMatch(/permission denied for schema register/);
    // the zone's role itself is not a member of the register's role
    const membership = await t.db.execute<{ member: boolean }>(
      sql`select pg_has_role('samspar_association', 'samspar_register', 'MEMBER') as member`,
    );
    expect(membership.rows[0]?.member).toBe(false);
  });

  it("holds the identity in no table of its own, in no form", async () => {
    const tables = await t.db.execute<{ name: string }>(
      sql`select quote_ident(table_name) as name from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    expect(tables.rows.length).toBeGreaterThan(10);
    const tablesHolding = async (text: string) => {
      const found: string[] = [];
      for (const { name } of tables.rows) {
        const hit = await inAssociationZone(t.db, (tx) =>
          tx.execute<{ n: number }>(
            sql`select count(*)::int as n from ${sql.raw(`public.${name}`)} t where t::text like ${`%${text}%`}`,
          ),
        );
        if ((hit.rows[0]?.n ?? 0) > 0) found.push(name);
      }
      return found;
    };
    // the search does find what the zone holds: the officer's name
    expect(await tablesHolding("Anna Andersson")).toContain("users");
    for (const secret of secrets) expect(await tablesHolding(secret)).toEqual([]);
  });

  it("stores the number only encrypted, in the register", async () => {
    const raw = await inRegister(
      t.db,
      { controllers: [f.tierp.controller], initiatives: [f.tierp.initiative] },
      (tx) => tx.execute(sql`select t::text as row from register.participants t`),
    );
    const text = JSON.stringify(raw.rows);
    expect(text).not.toContain(NUMBER.replace("-", ""));
    expect(text).not.toContain(NUMBER.slice(2, 8));
    expect(text).not.toContain("Trädgårdh");
  });
});
