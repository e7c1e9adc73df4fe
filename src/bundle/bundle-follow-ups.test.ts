// The follow-up reports in the association bundle (version 6), on an association of their own
// built with the follow-up capability's own use cases: the second half of 2025 locked and then
// a new draft of it, the first half of 2026 as a draft. Moved to an empty instance, the bundle
// exports back the same; the locked version is stored exactly as it was and the database still
// refuses to change it; table 8 of the next draft still compares with it; a second import
// changes nothing; the source's draft locked later and a new draft arrive as the follow-up
// brought forward; a locked version is never changed by a file; a version 5 file still imports;
// a malformed section is refused in Swedish, at its place, writing nothing.
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { createAssociation } from "../associations/create-association.ts";
import { findAssociationBySlug } from "../associations/find-association.ts";
import { associations } from "../associations/schema.ts";
import { auditEvents } from "../audit/schema.ts";
import { followUps, followUpVersions } from "../follow-up/schema.ts";
import {
  createFollowUp,
  draftOf,
  type FollowUpDetails,
  listFollowUps,
  saveFollowUpTexts,
  startFollowUpVersion,
} from "../follow-up/store.ts";
import { lockFollowUpVersion, versionReport } from "../follow-up/store-report.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { ConflictError, ValidationError } from "../platform/errors.ts";
import type { Bundle } from "./bundle-schema.ts";
import { bundleJson, exportBundle } from "./export-bundle.ts";
import { IMPORT_ACTOR, importBundle } from "./import-bundle.ts";

const SLUG = "uppfoljningsprov";
const office = { userId: null, label: "Maria Lindqvist" };
const board = { userId: null, label: "Per Persson" };

let a: TestDatabase;
let b: TestDatabase;
let exported = "";

async function associationId(q: Queryable): Promise<string> {
  const association = await findAssociationBySlug(q, SLUG);
  if (!association) throw new Error(`no association ${SLUG}`);
  return association.id;
}

async function exportOf(q: Queryable): Promise<string> {
  return bundleJson(await exportBundle(q, await associationId(q)));
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
    await importBundle(
      q,
      IMPORT_ACTOR,
      typeof source === "string" ? source : JSON.stringify(source),
    );
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error("the import was not refused");
}

/** The database's message refusing a statement (the driver's, under Drizzle's wrapper). */
async function refusedWith(statement: Promise<unknown>): Promise<string> {
  try {
    await statement;
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    return cause?.message ?? String(error);
  }
  throw new Error("the statement was not refused");
}

/** The follow-up of a period in an instance. */
async function followUpOf(q: Queryable, from: string): Promise<FollowUpDetails> {
  const found = (await listFollowUps(q, await associationId(q))).find(
    (f) => f.period.from === from,
  );
  if (!found) throw new Error(`no follow-up from ${from}`);
  return found;
}

/** Locks the draft of a follow-up (as the office does on its page). */
async function lockDraft(q: TestDatabase["db"], from: string, at: string) {
  const followUp = await followUpOf(q, from);
  const draft = draftOf(followUp);
  if (!draft) throw new Error("no draft");
  return lockFollowUpVersion(q, office, followUp, draft.id, draft.version, new Date(at));
}

beforeAll(async () => {
  [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  const association = await createAssociation(a.db, office, {
    slug: SLUG,
    name: "Samordningsförbundet Uppföljning",
  });
  // the second half of 2025: written, locked for the board, then a new draft to correct it
  const autumn = await createFollowUp(a.db, office, association.id, {
    from: "2025-07-01",
    to: "2025-12-31",
  });
  const first = draftOf(autumn);
  if (!first) throw new Error("no draft");
  await saveFollowUpTexts(a.db, office, association.id, first.id, first.version, {
    analysis: "Insatserna når i stort sett sina mål.\n\n- Förbrukningen följs upp.",
  });
  await lockDraft(a.db, "2025-07-01", "2026-02-05T10:30:00.000Z");
  const second = await startFollowUpVersion(a.db, board, association.id, autumn.id);
  await saveFollowUpTexts(a.db, board, association.id, second.id, second.version, {
    summary: "Rättad sammanfattning.",
  });
  // the first half of 2026: a draft, whose table 8 compares with the locked one
  await createFollowUp(a.db, office, association.id, {
    from: "2026-01-01",
    to: "2026-06-30",
    label: "Första halvåret 2026",
  });
  exported = await exportOf(a.db);
}, 120_000);

afterAll(async () => {
  await Promise.all([a?.drop(), b?.drop()]);
});

describe("the follow-up reports in the bundle", () => {
  it("holds each follow-up with its versions in order, the locked report exactly as stored", async () => {
    const bundle = copy(exported);
    expect(bundle.version).toBe(8);
    expect(bundle.followUps.map((f) => f.period)).toEqual([
      { from: "2025-07-01", to: "2025-12-31", label: "kvartal 3 och 4 2025" },
      { from: "2026-01-01", to: "2026-06-30", label: "Första halvåret 2026" },
    ]);
    const [autumn, spring] = bundle.followUps;
    expect(autumn?.created.name).toBe("Maria Lindqvist");
    expect(autumn?.versions.map((v) => [v.number, v.status])).toEqual([
      [1, "last"],
      [2, "utkast"],
    ]);
    const [locked, draft] = autumn?.versions ?? [];
    expect(locked).toMatchObject({
      analysis: "Insatserna når i stort sett sina mål.\n\n- Förbrukningen följs upp.",
      summary: null,
      locked: {
        name: "Maria Lindqvist",
        at: "2026-02-05T10:30:00.000Z",
        ratioLowPercent: expect.any(Number),
        ratioHighPercent: expect.any(Number),
      },
    });
    expect(draft).toMatchObject({
      summary: "Rättad sammanfattning.",
      created: { name: "Per Persson" },
      updated: { name: "Per Persson" },
      locked: null,
    });
    const [stored] = await a.db
      .select({ report: followUpVersions.report })
      .from(followUpVersions)
      .where(eq(followUpVersions.id, locked?.key ?? ""));
    expect(locked?.locked?.report).toEqual(stored?.report);
    expect(locked?.locked?.report.version).toMatchObject({ id: locked?.key, number: 1 });
    expect(spring?.versions.map((v) => v.status)).toEqual(["utkast"]);
    // people by name only
    expect(exported).not.toMatch(/createdBy|updatedBy|"lockedBy": "[0-9a-f]{8}-/);
  });

  it("imports into an empty instance and exports the same bundle back", async () => {
    const result = await importBundle(b.db, IMPORT_ACTOR, exported);
    expect(result.followUps).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(result.followUpVersions).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect(withoutExportedAt(await exportOf(b.db))).toBe(withoutExportedAt(exported));
    expect(await auditCount(b.db, "follow_up.imported")).toBe(2);
    // the snapshot is the one locked there, deep-equal, pointing at no account
    const bundle = copy(exported);
    const key = bundle.followUps[0]?.versions[0]?.key ?? "";
    const [there] = await a.db.select().from(followUpVersions).where(eq(followUpVersions.id, key));
    const [here] = await b.db.select().from(followUpVersions).where(eq(followUpVersions.id, key));
    expect(here?.report).toEqual(there?.report);
    expect(here).toMatchObject({
      status: "last",
      lockedAt: there?.lockedAt,
      lockedBy: null,
      lockedByName: "Maria Lindqvist",
      createdBy: null,
      ratioLowPercent: there?.ratioLowPercent,
      ratioHighPercent: there?.ratioHighPercent,
    });
  });

  it("keeps the locked version locked after the import", async () => {
    const followUp = await followUpOf(b.db, "2025-07-01");
    const locked = followUp.versions[0];
    if (!locked) throw new Error("no locked version");
    expect(
      await refusedWith(
        b.db
          .update(followUpVersions)
          .set({ analysis: "Ändrad i efterhand." })
          .where(eq(followUpVersions.id, locked.id)),
      ),
    ).toMatch(/version 1 är låst och kan inte ändras \(UPDATE\)/);
    expect(
      await refusedWith(b.db.delete(followUpVersions).where(eq(followUpVersions.id, locked.id))),
    ).toMatch(/är låst och kan inte ändras \(DELETE\)/);
    await expect(
      saveFollowUpTexts(b.db, office, followUp.associationId, locked.id, locked.version, {
        analysis: "Ändrad",
      }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it("lets table 8 of the next draft compare with the imported locked version", async () => {
    const autumn = await followUpOf(b.db, "2025-07-01");
    const spring = await followUpOf(b.db, "2026-01-01");
    const draft = draftOf(spring);
    if (!draft) throw new Error("no draft");
    const report = await versionReport(b.db, spring, draft, new Date("2026-08-20T08:00:00Z"));
    expect(report.previous).toEqual({
      id: autumn.versions[0]?.id,
      period: { from: "2025-07-01", to: "2025-12-31", label: "kvartal 3 och 4 2025" },
      lockedAt: "2026-02-05T10:30:00.000Z",
    });
    // the locked version itself is its snapshot, as the board received it
    const locked = autumn.versions[0];
    if (!locked) throw new Error("no locked version");
    const snapshot = await versionReport(b.db, autumn, locked);
    expect(snapshot).toEqual(copy(exported).followUps[0]?.versions[0]?.locked?.report);
  });

  it("changes nothing when the same bundle is imported again, here or where it came from", async () => {
    for (const q of [a.db, b.db]) {
      const before = await auditCount(q);
      const result = await importBundle(q, IMPORT_ACTOR, exported);
      expect(result.followUps.created + result.followUps.updated).toBe(0);
      expect(result.followUpVersions.created).toBe(0);
      expect(await auditCount(q)).toBe(before);
    }
  });

  it("never changes a locked version, nor the period of a follow-up", async () => {
    const before = await auditCount(b.db);
    const edited = copy(exported);
    const locked = edited.followUps[0]?.versions[0]?.locked;
    if (!locked) throw new Error("no locked version");
    locked.report.analysis.edited = "En annan analys.";
    const refused = await refusal(b.db, edited);
    expect(refused.fields["followUps[0].versions[0]"]).toBe(
      "followUps[0].versions[0] (uppföljningen kvartal 3 och 4 2025): Version 1 är låst här och skiljer sig från filens. En låst version ändras aldrig.",
    );
    const renamed = copy(exported);
    const spring = renamed.followUps[1];
    if (!spring) throw new Error("no follow-up");
    spring.period.to = "2026-05-31";
    const moved = await refusal(b.db, renamed);
    expect(moved.fields["followUps[1].period"]).toMatch(
      /Uppföljningen finns redan här för 2026-01-01 – 2026-06-30 \(Första halvåret 2026\)\. En uppföljnings period och namn ändras inte\.$/,
    );
    expect(await auditCount(b.db)).toBe(before);
  });

  it("brings a follow-up forward: a draft locked there arrives locked, and the next draft is added", async () => {
    await lockDraft(a.db, "2026-01-01", "2026-08-24T09:00:00.000Z");
    const spring = await followUpOf(a.db, "2026-01-01");
    const next = await startFollowUpVersion(a.db, office, spring.associationId, spring.id);
    await saveFollowUpTexts(a.db, office, spring.associationId, next.id, next.version, {
      summary: "Efter styrelsens möte.",
    });
    // the draft of 2025 was edited here after the move: the file's version of it wins
    const autumn = await followUpOf(b.db, "2025-07-01");
    const draft = draftOf(autumn);
    if (!draft) throw new Error("no draft");
    const saved = await saveFollowUpTexts(
      b.db,
      office,
      autumn.associationId,
      draft.id,
      draft.version,
      { background: "Skrivet efter flytten." },
    );
    expect(saved.texts.background).toBe("Skrivet efter flytten.");
    const later = await exportOf(a.db);
    const result = await importBundle(b.db, IMPORT_ACTOR, later);
    expect(result.followUps).toEqual({ created: 0, updated: 2, unchanged: 0 });
    expect(result.followUpVersions).toEqual({ created: 1, updated: 2, unchanged: 1 });
    expect(withoutExportedAt(await exportOf(b.db))).toBe(withoutExportedAt(later));
    const [row] = await b.db
      .select()
      .from(followUpVersions)
      .where(and(eq(followUpVersions.followUpId, spring.id), eq(followUpVersions.number, 1)));
    expect(row).toMatchObject({ status: "last", lockedByName: "Maria Lindqvist" });
    // the spring report's table 8 was computed there against the locked autumn version
    expect(row?.report?.previous?.id).toBe(copy(later).followUps[0]?.versions[0]?.key);
    expect(
      await refusedWith(
        b.db
          .update(followUpVersions)
          .set({ summary: "x" })
          .where(eq(followUpVersions.id, row?.id ?? "")),
      ),
    ).toMatch(/är låst/);
    // a file older than what is here cannot take a version away
    const refused = await refusal(b.db, exported);
    expect(refused.fields["followUps[1].versions"]).toMatch(
      /Uppföljningen har 2 versioner här men 1 i filen\. En version tas aldrig bort: importera en nyare export\.$/,
    );
  });
});

describe("older files and malformed follow-ups", () => {
  let c: TestDatabase;
  beforeAll(async () => {
    c = await createTestDatabase();
  });
  afterAll(() => c?.drop());

  const nothingWritten = async () => {
    expect(await c.db.$count(associations)).toBe(0);
    expect(await c.db.$count(followUps)).toBe(0);
    expect(await c.db.$count(followUpVersions)).toBe(0);
  };

  it("reads a version 5 file, and refuses one that holds follow-ups", async () => {
    const {
      followUps: list,
      progression: _p,
      courses: _c,
      evaluationForms: _e,
      ...rest
    } = copy(exported);
    const old = { ...rest, version: 5 };
    const refused = await refusal(c.db, { ...old, followUps: list } as unknown as Bundle);
    expect(refused.fields.followUps).toBe(
      'followUps: Finns inte i version 5 av formatet. Ange "version": 6.',
    );
    await nothingWritten();
    const result = await importBundle(c.db, IMPORT_ACTOR, JSON.stringify(old));
    expect(result.association.outcome).toBe("created");
    expect(result.followUps).toEqual({ created: 0, updated: 0, unchanged: 0 });
    expect(await c.db.$count(followUps)).toBe(0);
    // and the version 6 file brings them in afterwards
    const later = await importBundle(c.db, IMPORT_ACTOR, exported);
    expect(later.followUps).toEqual({ created: 2, updated: 0, unchanged: 0 });
  });

  it("refuses follow-ups that do not hold together, naming each place in Swedish, writing nothing", async () => {
    const fresh = await createTestDatabase();
    try {
      const bundle = copy(exported);
      const [autumn, spring] = bundle.followUps;
      const [locked, draft] = autumn?.versions ?? [];
      if (!autumn || !spring || !locked?.locked || !draft) throw new Error("fixture");
      // a draft before the last version, a locked one without its report
      draft.status = "last";
      locked.status = "utkast";
      // the snapshot of another version
      const other = structuredClone(locked.locked);
      if (other.report.version) other.report.version.number = 7;
      // a draft's text too long, and the same period twice
      const springDraft = spring.versions[0];
      if (!springDraft) throw new Error("fixture");
      springDraft.analysis = "x".repeat(20_001);
      const refused = await refusal(fresh.db, bundle);
      expect(refused.fields).toMatchObject({
        "followUps[1].versions[0].analysis": expect.stringMatching(
          /^followUps\[1\]\.versions\[0\]\.analysis: Texten får vara högst 20000 tecken\. Korta den\.$/,
        ),
      });
      springDraft.analysis = null;
      const workflow = await refusal(fresh.db, bundle);
      expect(workflow.fields).toEqual({
        "followUps[0].versions[0].locked":
          'followUps[0].versions[0].locked (uppföljningen kvartal 3 och 4 2025): Ett utkast är inte låst: ange "locked": null, eller status last.',
        "followUps[0].versions[0].status":
          "followUps[0].versions[0].status (uppföljningen kvartal 3 och 4 2025): Bara den sista versionen kan vara ett utkast; version 1 följs av fler. Ange status last med rapporten som den låstes.",
        "followUps[0].versions[1].locked":
          "followUps[0].versions[1].locked (uppföljningen kvartal 3 och 4 2025): En låst version (status last) har locked: vem som låste den och när, normalintervallet och rapporten.",
      });
      draft.status = "utkast";
      locked.status = "last";
      locked.locked = other;
      spring.period = { ...autumn.period };
      const mixed = await refusal(fresh.db, bundle);
      expect(mixed.fields["followUps[0].versions[0].locked.report.version"]).toBe(
        `followUps[0].versions[0].locked.report.version (uppföljningen kvartal 3 och 4 2025): Rapporten är inte den här versionens: den ska ha id ${locked.key}, number 1 och status last.`,
      );
      expect(mixed.fields["followUps[1].period"]).toMatch(
        /Perioden 2025-07-01 – 2025-12-31 har redan en uppföljning i followUps\[0\]\. En period har en uppföljning\.$/,
      );
      // a report that is not a follow-up report: zod's Swedish message at its place
      const broken = copy(exported);
      const report = broken.followUps[0]?.versions[0]?.locked?.report as unknown as Record<
        string,
        unknown
      >;
      delete report.disclosure;
      const malformed = await refusal(fresh.db, broken);
      expect(Object.keys(malformed.fields)).toEqual([
        "followUps[0].versions[0].locked.report.disclosure",
      ]);
      expect(malformed.fields["followUps[0].versions[0].locked.report.disclosure"]).toMatch(
        /^followUps\[0\]\.versions\[0\]\.locked\.report\.disclosure: Ogiltig/,
      );
      expect(await fresh.db.$count(associations)).toBe(0);
      expect(await fresh.db.$count(followUps)).toBe(0);
      expect(await fresh.db.$count(followUpVersions)).toBe(0);
      expect(await fresh.db.$count(auditEvents)).toBe(0);
    } finally {
      await fresh.drop();
    }
  });
});
