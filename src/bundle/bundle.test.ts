// The association bundle: the demo exported from one instance and imported into another gives
// the same bundle back, applications and their history included; a second import changes
// nothing; a refused bundle writes nothing.
import fs from "node:fs";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { createApplication } from "../applications/save-application.ts";
import {
  APPLICATION_STATUSES,
  applicationComments,
  applicationSignatures,
  applications,
  applicationVersions,
  registryCounters,
} from "../applications/schema.ts";
import { setAssociationLogo } from "../applications/settings.ts";
import { recordPaperSignature } from "../applications/signatures.ts";
import { contentAsInput } from "../applications/validate-application.ts";
import { submitApplication } from "../applications/workflow.ts";
import { findAssociationBySlug } from "../associations/find-association.ts";
import { memberOrganisations } from "../associations/schema.ts";
import { auditEvents } from "../audit/schema.ts";
import { DEMO_SLUG, seedDemo } from "../demo/seed-demo.ts";
import { initiatives } from "../initiatives/schema.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { ValidationError } from "../platform/errors.ts";
import { type Bundle, type BundleApplication, parseBundle } from "./bundle-schema.ts";
import { bundleJson, exportBundle } from "./export-bundle.ts";
import { IMPORT_ACTOR, importBundle } from "./import-bundle.ts";
import { BUNDLE_SCHEMA_FILE, bundleSchemaJson } from "./write-schema.ts";

let a: TestDatabase;
let b: TestDatabase;
let exported: string;

/** A 1×1 PNG: the demo's logo in the exporting instance. */
const LOGO = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

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

/** The demo's application in a status, and its place in the bundle. */
function withStatus(bundle: Bundle, status: BundleApplication["status"]) {
  const index = bundle.applications.findIndex((x) => x.status === status);
  const application = bundle.applications[index];
  if (!application) throw new Error(`the demo has an application in status ${status}`);
  return { index, application };
}

/** Rows of the application tables, to show that an import wrote nothing. */
const applicationRows = async (q: Queryable) => ({
  applications: await q.$count(applications),
  versions: await q.$count(applicationVersions),
  signatures: await q.$count(applicationSignatures),
  comments: await q.$count(applicationComments),
  counters: await q.select().from(registryCounters),
});

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
  const demo = await findAssociationBySlug(a.db, DEMO_SLUG);
  await setAssociationLogo(a.db, IMPORT_ACTOR, demo?.id ?? "", LOGO);
  exported = await exportDemo(a.db);
});

afterAll(async () => {
  await Promise.all([a?.drop(), b?.drop()]);
});

describe("the association bundle", () => {
  it("holds the association, its members, initiatives and applications, and no accounts", async () => {
    const bundle = parseBundle(exported);
    expect(bundle).toMatchObject({
      format: "samspar-association-bundle",
      version: 2,
      association: {
        slug: DEMO_SLUG,
        name: "Samordningsförbundet Demo",
        orgNumber: "222000-0000",
        requireStaffTotp: false,
      },
      applicationSettings: { formVersion: "Ansökan 2026:1" },
      logo: { mediaType: "image/png", dataBase64: LOGO.toString("base64") },
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

    // applications in every status, with their history, signatures and comments
    expect(new Set(bundle.applications.map((x) => x.status))).toEqual(
      new Set(APPLICATION_STATUSES),
    );
    const initiativeKeys = new Set(bundle.initiatives.map((i) => i.key));
    for (const application of bundle.applications) {
      expect(initiativeKeys.has(application.initiative)).toBe(true);
      expect(application.versions.map((v) => v.version)).toEqual(
        application.versions.map((_, i) => i + 1),
      );
      expect(application.versions.at(-1)?.content).toEqual(application.content);
    }
    const submitted = withStatus(bundle, "inskickad").application;
    expect(submitted.registryNumber).toMatch(/^2026\/\d+$/);
    expect(submitted.signatures.map((x) => x.method)).toEqual(["paper", "paper"]);
    const returned = withStatus(bundle, "komplettering").application;
    expect(returned.returnMessage).toMatch(/personalkostnaden/);
    expect(returned.comments.length).toBeGreaterThan(0);
    expect(returned.signatures.every((x) => x.method === "link")).toBe(true);
    const granted = withStatus(bundle, "beviljad").application;
    expect(granted).toMatchObject({ decision: "beviljad", decisionParagraph: "8" });
    expect(granted.versions.map((v) => v.event)).toEqual([
      "created",
      "registered",
      "preparation_started",
      "decided",
    ]);
    expect(granted.versions.every((v) => v.actorName === "Maria Lindqvist")).toBe(true);
    expect(withStatus(bundle, "avslagen").application.decision).toBe("avslagen");
    const draft = withStatus(bundle, "utkast").application;
    expect(draft).toMatchObject({ registryNumber: null, arrivalDate: null, signatures: [] });
    expect(draft.versions).toHaveLength(2);
    const numbers = bundle.applications.flatMap((x) =>
      x.registryNumber ? [Number(x.registryNumber.split("/")[1])] : [],
    );
    expect(bundle.registryCounters).toEqual([{ year: 2026, lastNumber: Math.max(...numbers) }]);

    // the only ids are the keys of initiatives and applications; people by name, never by account
    const keys = new Set([...initiativeKeys, ...bundle.applications.map((x) => x.key)]);
    const uuids = exported.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g);
    expect(uuids?.every((u) => keys.has(u))).toBe(true);
    expect(exported).not.toContain("@demo.samspar.se");
    expect(exported).not.toMatch(/tokenHash|createdBy|decidedBy|actorUserId|authorUserId/);
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
    expect(result.applications).toEqual({
      created: bundle.applications.length,
      updated: 0,
      unchanged: 0,
    });
    expect(result).toMatchObject({
      applicationSettings: "created",
      logo: "created",
      registryCounters: { created: 1, updated: 0, unchanged: 0 },
    });
    const again = await exportDemo(b.db);
    expect(JSON.parse(withoutExportedAt(again))).toEqual(JSON.parse(withoutExportedAt(exported)));
    expect(withoutExportedAt(again)).toBe(withoutExportedAt(exported));
    expect(await auditCount(b.db, "bundle.imported")).toBe(1);
    expect(await auditCount(b.db, "initiative.created")).toBe(bundle.initiatives.length);
    expect(await auditCount(b.db, "application.imported")).toBe(bundle.applications.length);
    const [event] = await b.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "bundle.imported"));
    expect(event?.actorLabel).toBe("cli:import");
    // the versions keep the time they were made
    const granted = withStatus(bundle, "beviljad").application;
    const [first] = await b.db
      .select()
      .from(applicationVersions)
      .where(eq(applicationVersions.applicationId, granted.key))
      .orderBy(applicationVersions.version);
    expect(first?.createdAt.toISOString()).toBe(granted.versions[0]?.createdAt);
    expect(first?.actorUserId).toBeNull();
  });

  it("changes nothing when the same bundle is imported again", async () => {
    const before = await auditCount(b.db);
    const rows = await applicationRows(b.db);
    const result = await importBundle(b.db, IMPORT_ACTOR, exported);
    expect(result.association.outcome).toBe("unchanged");
    expect(result.memberOrganisations).toEqual({ created: 0, updated: 0, unchanged: 9 });
    expect(result.initiatives.created + result.initiatives.updated).toBe(0);
    expect(result.applications).toEqual({
      created: 0,
      updated: 0,
      unchanged: copy(exported).applications.length,
    });
    expect(result).toMatchObject({
      applicationSettings: "unchanged",
      logo: "unchanged",
      registryCounters: { created: 0, updated: 0, unchanged: 1 },
    });
    expect(await applicationRows(b.db)).toEqual(rows);
    expect(await auditCount(b.db)).toBe(before);
  });

  it("changes nothing in the instance the bundle came from", async () => {
    const before = await auditCount(a.db);
    const rows = await applicationRows(a.db);
    const result = await importBundle(a.db, IMPORT_ACTOR, exported);
    expect(result.applications.created + result.applications.updated).toBe(0);
    expect(result.initiatives.created + result.initiatives.updated).toBe(0);
    expect(await applicationRows(a.db)).toEqual(rows);
    expect(await auditCount(a.db)).toBe(before);
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
    const newer = await refusal(b.db, JSON.stringify({ ...copy(exported), version: 3 }));
    expect(newer.message).toBe(
      "Filen är i version 3 av formatet, men den här versionen av Samspår läser version 1 och 2. Uppdatera Samspår och försök igen.",
    );
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
  it("refuses an application that does not fit the format, naming its place in Swedish", async () => {
    const rows = await applicationRows(b.db);
    const bundle = copy(exported);
    const { index: i, application } = withStatus(bundle, "under_beredning");
    const raw = application as unknown as Record<string, unknown> & {
      versions: Array<Record<string, unknown>>;
      content: { budget: Array<Record<string, unknown>> };
    };
    raw.status = "godkänd";
    raw.tokenHash = "abc";
    if (raw.versions[0]) raw.versions[0].createdAt = "igår";
    if (raw.content.budget[0]) raw.content.budget[0].amount = 12.5;
    const error = await refusal(b.db, JSON.stringify(bundle));
    expect(error.fields[`applications[${i}].status`]).toMatch(
      new RegExp(`^applications\\[${i}\\]\\.status: Ogiltigt val`),
    );
    expect(error.fields[`applications[${i}].versions[0].createdAt`]).toBe(
      `applications[${i}].versions[0].createdAt: Skriv tidpunkten som ÅÅÅÅ-MM-DDTtt:mm:ss.sssZ, till exempel 2026-03-02T09:15:00.000Z.`,
    );
    expect(error.fields[`applications[${i}].content.budget[0].amount`]).toBe(
      `applications[${i}].content.budget[0].amount: Skriv beloppet som ett heltal i kronor, t.ex. 450000.`,
    );
    expect(error.fields[`applications[${i}]`]).toMatch(/tokenHash/);
    expect(await applicationRows(b.db)).toEqual(rows);
  });

  it("refuses applications whose workflow does not hold together, writing nothing", async () => {
    const rows = await applicationRows(b.db);
    const events = await auditCount(b.db);
    const bundle = copy(exported);
    const submitted = withStatus(bundle, "inskickad");
    submitted.application.registryNumber = null;
    const granted = withStatus(bundle, "beviljad");
    granted.application.decision = "avslagen";
    const rejected = withStatus(bundle, "avslagen");
    rejected.application.initiative = "6f1c2b7e-4a3d-4e8f-9b0a-000000000001";
    const draft = withStatus(bundle, "utkast");
    draft.application.content.owner = "212000-1355";
    const error = await refusal(b.db, bundle);
    const at = (x: { index: number; application: BundleApplication }, field: string) =>
      error.fields[`applications[${x.index}].${field}`];
    const about = (x: { application: BundleApplication }) =>
      `(ansökan "${x.application.content.name}")`;
    expect(at(submitted, "registryNumber")).toBe(
      `applications[${submitted.index}].registryNumber ${about(submitted)}: En inskickad ansökan har ett diarienummer.`,
    );
    expect(at(granted, "decision")).toBe(
      `applications[${granted.index}].decision ${about(granted)}: En ansökan med status beviljad ska ha "decision": "beviljad".`,
    );
    expect(at(rejected, "initiative")).toMatch(/Insatsen finns varken i filen/);
    expect(at(draft, "content.owner")).toBe(
      `applications[${draft.index}].content.owner ${about(draft)}: Organisationsnumret 212000-1355 finns inte bland förbundets medlemsorganisationer.`,
    );
    expect(at(draft, "content")).toMatch(/sista versionen/);
    expect(await applicationRows(b.db)).toEqual(rows);
    expect(await auditCount(b.db)).toBe(events);
  });

  it("never rewrites an application's history", async () => {
    const rows = await applicationRows(b.db);
    const bundle = copy(exported);
    const granted = withStatus(bundle, "beviljad");
    const first = granted.application.versions[0];
    if (!first) throw new Error("versions");
    first.note = "Ändrad i efterhand";
    const error = await refusal(b.db, bundle);
    expect(error.fields[`applications[${granted.index}].versions[0]`]).toBe(
      `applications[${granted.index}].versions[0] (ansökan "${granted.application.content.name}"): ` +
        "Version 1 av ansökan skiljer sig från den som finns här. Historiken kan inte skrivas om.",
    );

    const edited = copy(exported);
    const decided = withStatus(edited, "beviljad");
    decided.application.decidedAmount = 1;
    const quiet = await refusal(b.db, edited);
    expect(quiet.fields[`applications[${decided.index}].status`]).toMatch(
      /historiken är densamma.*varje ändring är en ny version/,
    );
    expect(await applicationRows(b.db)).toEqual(rows);
  });

  it("brings an application forward by the versions and comments that came after", async () => {
    const c = await createTestDatabase();
    try {
      const older = copy(exported);
      const { index, application } = withStatus(older, "under_beredning");
      const previous = application.versions.slice(0, -1);
      const last = previous.at(-1);
      if (!last) throw new Error("versions");
      older.applications[index] = {
        ...application,
        status: last.status,
        content: last.content,
        versions: previous,
        comments: [],
      };
      const first = await importBundle(c.db, IMPORT_ACTOR, older);
      expect(first.applications.created).toBe(older.applications.length);
      const later = await importBundle(c.db, IMPORT_ACTOR, exported);
      expect(later.applications).toEqual({
        created: 0,
        updated: 1,
        unchanged: older.applications.length - 1,
      });
      expect(withoutExportedAt(await exportDemo(c.db))).toBe(withoutExportedAt(exported));
      // and the older file cannot take it back
      const back = await refusal(c.db, older);
      expect(back.fields[`applications[${index}].versions`]).toMatch(
        /har 3 versioner här men 2 i filen/,
      );
    } finally {
      await c.drop();
    }
  });

  it("reads a version 1 file, and refuses one that holds applications", async () => {
    const rows = await applicationRows(b.db);
    const {
      applications: list,
      applicationSettings: _s,
      logo: _l,
      registryCounters: _r,
      ...rest
    } = copy(exported);
    const v1 = { ...rest, version: 1 };
    const result = await importBundle(b.db, IMPORT_ACTOR, JSON.stringify(v1));
    expect(result).toMatchObject({
      applicationSettings: "absent",
      logo: "absent",
      applications: { created: 0, updated: 0, unchanged: 0 },
      registryCounters: { created: 0, updated: 0, unchanged: 0 },
    });
    expect(await applicationRows(b.db)).toEqual(rows);
    const refused = await refusal(b.db, JSON.stringify({ ...v1, applications: list }));
    expect(refused.fields.applications).toBe(
      'applications: Finns inte i version 1 av formatet. Ange "version": 2.',
    );
  });

  it("accepts a hand-written application from the old way, once, and numbers after it", async () => {
    const bundle = copy(exported) as unknown as { initiatives: unknown[]; applications: unknown[] };
    const [owner, partner] = copy(exported).memberOrganisations;
    const initiative = "6f1c2b7e-4a3d-4e8f-9b0a-1c2d3e4f5a6c";
    bundle.initiatives.push({
      key: initiative,
      name: "Heby, Från Word",
      owner: owner?.orgNumber,
      partners: [partner?.orgNumber],
      status: "avslutad",
      orientation: "individual",
      startDate: "2024-04-01",
      endDate: "2025-12-31",
    });
    const content = {
      name: "Heby, Från Word",
      owner: owner?.orgNumber,
      partners: [partner?.orgNumber],
      orientation: "individual",
      budget: [{ year: 2024, category: "personal", amount: 450000 }],
    };
    bundle.applications.push({
      key: "6f1c2b7e-4a3d-4e8f-9b0a-1c2d3e4f5a6d",
      initiative,
      status: "beviljad",
      formVersion: "Ansökan (Word) 2024",
      receivedOnPaper: true,
      registryNumber: "2024/12",
      arrivalDate: "2024-02-01",
      decision: "beviljad",
      decidedAmount: 900000,
      decidedStartDate: "2024-04-01",
      decidedEndDate: "2025-12-31",
      decisionMeeting: "Styrelsemöte 2024-03-14",
      decisionParagraph: "6",
      decisionDate: "2024-03-14",
      content,
      versions: [
        {
          version: 1,
          status: "beviljad",
          content,
          event: "imported",
          actorName: "Förbundskansliet",
          createdAt: "2024-03-15T10:00:00Z",
        },
      ],
    });
    const text = JSON.stringify(bundle);
    const first = await importBundle(b.db, IMPORT_ACTOR, text);
    expect(first.applications.created).toBe(1);
    expect(first.registryCounters).toMatchObject({ created: 1 });
    const [counter] = await b.db
      .select()
      .from(registryCounters)
      .where(eq(registryCounters.year, 2024));
    expect(counter?.lastNumber).toBe(12);
    const second = await importBundle(b.db, IMPORT_ACTOR, text);
    expect(second.applications).toMatchObject({ created: 0, updated: 0 });
    const back = parseBundle(await exportDemo(b.db)).applications.find(
      (x) => x.registryNumber === "2024/12",
    );
    expect(back).toMatchObject({
      status: "beviljad",
      content: { name: "Heby, Från Word", purpose: "", goals: [], anchored: null },
      versions: [{ version: 1, createdAt: "2024-03-15T10:00:00.000Z", note: null }],
      signatures: [],
    });
  });

  it("continues the diarienummer after the imported ones", async () => {
    const bundle = copy(exported);
    const association = await findAssociationBySlug(b.db, DEMO_SLUG);
    const associationId = association?.id ?? "";
    const granted = withStatus(bundle, "beviljad").application;
    const [row] = await b.db.select().from(applications).where(eq(applications.id, granted.key));
    if (!row) throw new Error("the granted application was imported");
    const id = await createApplication(
      b.db,
      IMPORT_ACTOR,
      associationId,
      { ...contentAsInput(row.content), name: "Heby, Arbete först 2028" },
      { onPaper: true },
    );
    for (const organisationId of [row.content.ownerOrganisationId, ...row.content.partnerIds])
      await recordPaperSignature(b.db, IMPORT_ACTOR, associationId, id, {
        organisationId,
        name: "Behörig Person",
        email: "",
        signedOn: "2026-11-20",
      });
    const { registryNumber } = await submitApplication(b.db, IMPORT_ACTOR, associationId, id, 1, {
      arrivalDate: "2026-11-20",
    });
    const last = bundle.registryCounters.find((r) => r.year === 2026)?.lastNumber ?? 0;
    expect(last).toBeGreaterThanOrEqual(5);
    expect(registryNumber).toBe(`2026/${last + 1}`);
  });
});
