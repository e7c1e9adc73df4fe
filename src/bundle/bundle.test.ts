// The association bundle: the demo exported from one instance and imported into another gives
// the same bundle back; a second import changes nothing; a refused bundle writes nothing.
import fs from "node:fs";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { findAssociationBySlug } from "../associations/find-association.ts";
import { memberOrganisations } from "../associations/schema.ts";
import { auditEvents } from "../audit/schema.ts";
import { DEMO_SLUG, seedDemo } from "../demo/seed-demo.ts";
import { initiatives } from "../initiatives/schema.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { ValidationError } from "../platform/errors.ts";
import { type Bundle, parseBundle } from "./bundle-schema.ts";
import { bundleJson, exportBundle } from "./export-bundle.ts";
import { IMPORT_ACTOR, importBundle } from "./import-bundle.ts";
import { BUNDLE_SCHEMA_FILE, bundleSchemaJson } from "./write-schema.ts";

let a: TestDatabase;
let b: TestDatabase;
let exported: string;

async function exportDemo(q: Queryable): Promise<string> {
  const association = await findAssociationBySlug(q, DEMO_SLUG);
  if (!association) throw new Error("no demo association");
  return bundleJson(await exportBundle(q, association.id));
}

/** The bundle text without the one line that differs between two exports. */
const withoutExportedAt = (text: string) => {
  const { exportedAt: _, ...rest } = JSON.parse(text) as Bundle;
  return JSON.stringify(rest, null, 2);
};

const copy = (text: string) => JSON.parse(text) as Bundle;

const auditCount = async (q: Queryable, action?: string) => {
  const [row] = await q
    .select({ n: count() })
    .from(auditEvents)
    .where(action ? eq(auditEvents.action, action) : undefined);
  return row?.n ?? 0;
};

async function refusal(q: Queryable, source: string | Bundle): Promise<ValidationError> {
  try {
    await importBundle(q, IMPORT_ACTOR, source);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error("the import was not refused");
}

beforeAll(async () => {
  [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  await seedDemo(a.db);
  exported = await exportDemo(a.db);
});

afterAll(async () => {
  await Promise.all([a?.drop(), b?.drop()]);
});

describe("the association bundle", () => {
  it("holds the association, its members and initiatives, and nothing about people", async () => {
    const bundle = parseBundle(exported);
    expect(bundle).toMatchObject({
      format: "samspar-association-bundle",
      version: 1,
      association: {
        slug: DEMO_SLUG,
        name: "Samordningsförbundet Demo",
        orgNumber: "222000-0000",
        requireStaffTotp: false,
      },
    });
    const orgNumbers = bundle.memberOrganisations.map((o) => o.orgNumber);
    expect(orgNumbers).toHaveLength(9);
    expect(orgNumbers).toEqual([...orgNumbers].sort());
    const [rows] = await a.db.select({ n: count() }).from(initiatives);
    expect(bundle.initiatives).toHaveLength(rows?.n ?? -1);
    const names = bundle.initiatives.map((i) => i.name);
    expect(names).toEqual([...names].sort(new Intl.Collator("sv").compare));
    for (const initiative of bundle.initiatives) {
      expect(initiative.partners).toEqual([...initiative.partners].sort());
      expect(initiative.partners).not.toContain(initiative.owner);
    }
    // the only ids are the initiatives' keys; no people, no timestamps but exportedAt
    const keys = new Set(bundle.initiatives.map((i) => i.key));
    const uuids = exported.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g);
    expect(uuids?.every((u) => keys.has(u))).toBe(true);
    expect(exported).not.toContain("@");
    expect(exported.match(/\d{4}-\d{2}-\d{2}T/g)).toHaveLength(1);
  });

  it("is described by the committed JSON Schema", () => {
    // regenerate with: node src/bundle/write-schema.ts
    expect(fs.readFileSync(BUNDLE_SCHEMA_FILE, "utf8")).toBe(bundleSchemaJson());
  });

  it("imports into an empty instance and exports the same bundle back", async () => {
    const result = await importBundle(b.db, IMPORT_ACTOR, exported);
    const bundle = copy(exported);
    expect(result.association).toMatchObject({ slug: DEMO_SLUG, outcome: "created" });
    expect(result.memberOrganisations).toEqual({ created: 9, updated: 0, unchanged: 0 });
    expect(result.initiatives).toEqual({
      created: bundle.initiatives.length,
      updated: 0,
      unchanged: 0,
    });
    expect(withoutExportedAt(await exportDemo(b.db))).toBe(withoutExportedAt(exported));
    expect(await auditCount(b.db, "bundle.imported")).toBe(1);
    expect(await auditCount(b.db, "initiative.created")).toBe(bundle.initiatives.length);
    const [event] = await b.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "bundle.imported"));
    expect(event?.actorLabel).toBe("cli:import");
  });

  it("changes nothing when the same bundle is imported again", async () => {
    const before = await auditCount(b.db);
    const result = await importBundle(b.db, IMPORT_ACTOR, exported);
    expect(result.association.outcome).toBe("unchanged");
    expect(result.memberOrganisations).toEqual({ created: 0, updated: 0, unchanged: 9 });
    expect(result.initiatives.created + result.initiatives.updated).toBe(0);
    expect(await auditCount(b.db)).toBe(before);
  });

  it("updates exactly the initiative whose name changed", async () => {
    const bundle = copy(exported);
    const target = bundle.initiatives[1];
    if (!target) throw new Error("the demo has initiatives");
    target.name = `${target.name} (nytt namn)`;
    const updatesBefore = await auditCount(b.db, "initiative.updated");
    const result = await importBundle(b.db, IMPORT_ACTOR, bundle);
    expect(result.initiatives).toEqual({
      created: 0,
      updated: 1,
      unchanged: bundle.initiatives.length - 1,
    });
    expect(await auditCount(b.db, "initiative.updated")).toBe(updatesBefore + 1);
    const [row] = await b.db.select().from(initiatives).where(eq(initiatives.id, target.key));
    expect(row).toMatchObject({ name: target.name, version: 2 });
    // and the old name comes back just as exactly
    const back = await importBundle(b.db, IMPORT_ACTOR, exported);
    expect(back.initiatives.updated).toBe(1);
    expect(withoutExportedAt(await exportDemo(b.db))).toBe(withoutExportedAt(exported));
  });

  it("refuses an owner who is also a partner, or an end before the start, writing nothing", async () => {
    const before = withoutExportedAt(await exportDemo(b.db));
    const events = await auditCount(b.db);
    const bundle = copy(exported);
    const [first, second] = bundle.initiatives;
    if (!first || !second) throw new Error("the demo has initiatives");
    first.partners = [...first.partners, first.owner];
    second.startDate = "2026-06-01";
    second.endDate = "2026-01-31";
    bundle.memberOrganisations.push({
      key: "212000-1355",
      name: "Ny kommun",
      orgNumber: "212000-1355",
      kind: "kommun",
    });
    const error = await refusal(b.db, bundle);
    expect(error.fields["initiatives[0].partners"]).toBe(
      `initiatives[0].partners (insatsen "${first.name}", samverkansparter): ` +
        "Insatsägaren kan inte också vara samverkanspart. Välj de andra parterna.",
    );
    expect(error.fields["initiatives[1].endDate"]).toBe(
      `initiatives[1].endDate (insatsen "${second.name}", slutdatum): ` +
        "Slutdatum kan inte vara före startdatum.",
    );
    expect(withoutExportedAt(await exportDemo(b.db))).toBe(before);
    expect(await auditCount(b.db)).toBe(events);
    const [orgs] = await b.db.select({ n: count() }).from(memberOrganisations);
    expect(orgs?.n).toBe(9);
  });

  it("names an owner that is not a member", async () => {
    const bundle = copy(exported);
    const first = bundle.initiatives[0];
    if (!first) throw new Error("the demo has initiatives");
    first.owner = "212000-1355";
    const error = await refusal(b.db, bundle);
    expect(error.fields["initiatives[0].owner"]).toBe(
      `initiatives[0].owner (insatsen "${first.name}"): ` +
        "Organisationsnumret 212000-1355 finns inte bland förbundets medlemsorganisationer.",
    );
  });

  it("refuses a file of another format or version, or with misspelt fields, in Swedish", async () => {
    const wrongFormat = await refusal(b.db, JSON.stringify({ ...copy(exported), format: "excel" }));
    expect(wrongFormat.message).toContain("inte en förbundsexport från Samspår");
    const newer = await refusal(b.db, JSON.stringify({ ...copy(exported), version: 2 }));
    expect(newer.message).toContain("version 2");
    expect((await refusal(b.db, "{ inte json")).message).toContain("inte giltig JSON");

    const bundle = copy(exported) as unknown as { initiatives: Array<Record<string, unknown>> };
    const third = bundle.initiatives[3];
    if (!third) throw new Error("the demo has initiatives");
    third.owner = "Tierps kommun";
    third.status = "klar";
    const error = await refusal(b.db, JSON.stringify(bundle));
    expect(error.fields["initiatives[3].owner"]).toBe(
      "initiatives[3].owner: Skriv organisationsnumret som NNNNNN-NNNN.",
    );
    expect(error.fields["initiatives[3].status"]).toMatch(
      /^initiatives\[3\]\.status: Ogiltigt val/,
    );
  });

  it("updates the association's name; its sign-in rule is set only when the import creates it", async () => {
    const bundle = copy(exported);
    bundle.association.name = "Samordningsförbundet Demo (importerat)";
    bundle.association.requireStaffTotp = true;
    const result = await importBundle(b.db, IMPORT_ACTOR, bundle);
    expect(result.association.outcome).toBe("updated");
    const association = await findAssociationBySlug(b.db, DEMO_SLUG);
    expect(association).toMatchObject({ name: bundle.association.name, requireStaffTotp: false });
  });

  it("accepts a hand-written initiative with only the required fields, once", async () => {
    const bundle = copy(exported) as unknown as { initiatives: unknown[] };
    const [owner, partner] = copy(exported).memberOrganisations;
    bundle.initiatives.push({
      key: "6f1c2b7e-4a3d-4e8f-9b0a-1c2d3e4f5a6b",
      name: "Heby, Från Excel",
      owner: owner?.orgNumber,
      partners: [partner?.orgNumber],
      status: "ansokan",
      orientation: "individual",
    });
    const text = JSON.stringify(bundle);
    const first = await importBundle(b.db, IMPORT_ACTOR, text);
    expect(first.initiatives.created).toBe(1);
    const second = await importBundle(b.db, IMPORT_ACTOR, text);
    expect(second.initiatives).toMatchObject({ created: 0, updated: 0 });
    const [row] = await b.db
      .select()
      .from(initiatives)
      .where(eq(initiatives.id, "6f1c2b7e-4a3d-4e8f-9b0a-1c2d3e4f5a6b"));
    expect(row).toMatchObject({ name: "Heby, Från Excel", targetGroup: "", version: 1 });
  });
});
