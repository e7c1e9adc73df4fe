// The follow-ups as the office keeps them, on the demo association: a follow-up of a period with
// its first draft, the office's texts at the version read (a stale version is a conflict, text
// too long or a bad period a Swedish ValidationError naming the field), locking — the complete
// report stored, and the database refusing any change of a locked version however it is tried —
// a new draft after a lock, the previous locked version table 8 compares with, and the
// application's database role (samspar_association) reading and writing the tables.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { associations } from "../associations/schema.ts";
import type { AuditActor } from "../audit/record-audit-event.ts";
import { auditEvents } from "../audit/schema.ts";
import { getFinanceBand } from "../finance/outcome.ts";
import { users } from "../people/schema.ts";
import { connect } from "../platform/database/connect.ts";
import { ConflictError, ValidationError } from "../platform/errors.ts";
import { formatNumber } from "../platform/i18n/format.ts";
import { followUps, followUpVersions } from "./schema.ts";
import {
  createFollowUp,
  draftOf,
  FOLLOW_UP_TEXT_MAX,
  type FollowUpDetails,
  followUpAssociationId,
  getFollowUp,
  latestLocked,
  listFollowUps,
  saveFollowUpTexts,
  startFollowUpVersion,
  visibleVersions,
} from "./store.ts";
import { lockFollowUpVersion, previousLocked, versionReport } from "./store-report.ts";

let t: TestDatabase;
let associationId = "";
let office: AuditActor;
const NOW = new Date("2026-11-23T12:00:00+01:00");

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  const [demo] = await t.db.select().from(associations).where(eq(associations.slug, "demo"));
  associationId = demo?.id ?? "";
  const [admin] = await t.db
    .select()
    .from(users)
    .where(eq(users.email, "forbundschef@demo.samspar.se"));
  office = { userId: admin?.id ?? null, label: "forbundschef@demo.samspar.se" };
}, 120_000);
afterAll(() => t?.drop());

/** The fields of a ValidationError, or a failure. */
async function refusal(run: () => Promise<unknown>): Promise<Record<string, string>> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ValidationError) return error.fields;
    throw error;
  }
  throw new Error("expected a ValidationError");
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

/** Version `number` of a follow-up. */
function versionOf(f: FollowUpDetails, number: number) {
  const found = f.versions.find((v) => v.number === number);
  if (!found) throw new Error(`no version ${number}`);
  return found;
}

const reload = async (f: FollowUpDetails) => {
  const found = await getFollowUp(t.db, associationId, f.id);
  if (!found) throw new Error("follow-up gone");
  return found;
};

describe("creating a follow-up", () => {
  it("names the period, starts draft version 1 and writes the audit event", async () => {
    const f = await createFollowUp(t.db, office, associationId, {
      from: "2025-01-01",
      to: "2025-06-30",
    });
    expect(f.period).toEqual({
      from: "2025-01-01",
      to: "2025-06-30",
      label: "kvartal 1 och 2 2025",
    });
    expect(f.createdByName).toBe("Maria Lindqvist");
    expect(f.versions).toHaveLength(1);
    expect(f.versions[0]).toMatchObject({ number: 1, status: "utkast", version: 1 });
    expect(f.versions[0]?.texts).toEqual({ summary: null, background: null, analysis: null });
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.targetId, f.id))
      .orderBy(auditEvents.seq);
    expect(events.map((e) => e.action)).toEqual(["follow_up.created"]);
    expect(await followUpAssociationId(t.db, f.id)).toBe(associationId);
    expect((await listFollowUps(t.db, associationId)).map((x) => x.id)).toContain(f.id);
  });

  it("keeps a name the office gives the period", async () => {
    const f = await createFollowUp(t.db, office, associationId, {
      from: "2025-01-01",
      to: "2025-04-30",
      label: "  Första tertialet 2025 ",
    });
    expect(f.period.label).toBe("Första tertialet 2025");
  });

  it("refuses a bad period, a period over three years, a long name and a period twice", async () => {
    expect(
      await refusal(() =>
        createFollowUp(t.db, office, associationId, { from: "2025-06-30", to: "2025-01-01" }),
      ),
    ).toEqual({
      to: "Periodens sista dag (2025-01-01) ligger före dess första dag (2025-06-30). Byt plats på datumen.",
    });
    expect(
      await refusal(() =>
        createFollowUp(t.db, office, associationId, { from: "2025-13-01", to: "juni" }),
      ),
    ).toEqual({
      from: expect.stringContaining("Skriv periodens första dag som ÅÅÅÅ-MM-DD"),
      to: expect.stringContaining("Du skrev ”juni”"),
    });
    expect(
      await refusal(() =>
        createFollowUp(t.db, office, associationId, { from: "2022-01-01", to: "2025-01-01" }),
      ),
    ).toEqual({ to: expect.stringMatching(/^En uppföljning får omfatta högst 3 år/) });
    // exactly three years is allowed
    const three = await createFollowUp(t.db, office, associationId, {
      from: "2022-01-01",
      to: "2024-12-31",
    });
    expect(three.period.label).toBe("2022-01-01 – 2024-12-31");
    expect(
      await refusal(() =>
        createFollowUp(t.db, office, associationId, {
          from: "2024-01-01",
          to: "2024-12-31",
          label: "x".repeat(201),
        }),
      ),
    ).toEqual({ label: expect.stringMatching(/högst 200 tecken \(nu 201\)/) });
    expect(
      await refusal(() =>
        createFollowUp(t.db, office, associationId, { from: "2025-01-01", to: "2025-06-30" }),
      ),
    ).toEqual({
      from: "Det finns redan en uppföljning för perioden 2025-01-01 – 2025-06-30. Öppna den i listan i stället, eller välj en annan period.",
    });
  });
});

describe("a draft's texts", () => {
  it("are saved at the version read; a stale version is a conflict and nothing changes", async () => {
    const f = await createFollowUp(t.db, office, associationId, {
      from: "2024-01-01",
      to: "2024-06-30",
    });
    const draft = draftOf(f);
    if (!draft) throw new Error("no draft");
    const saved = await saveFollowUpTexts(t.db, office, associationId, draft.id, 1, {
      analysis: "  Insatserna går bra.\r\n\r\nMen Heby behöver stöd.  ",
      summary: "",
    });
    expect(saved.version).toBe(2);
    expect(saved.texts).toEqual({
      summary: null,
      background: null,
      analysis: "Insatserna går bra.\n\nMen Heby behöver stöd.",
    });
    await expect(
      saveFollowUpTexts(t.db, office, associationId, draft.id, 1, { analysis: "Något annat." }),
    ).rejects.toThrow(ConflictError);
    expect((await reload(f)).versions[0]?.texts.analysis).toBe(
      "Insatserna går bra.\n\nMen Heby behöver stöd.",
    );
    // two people saving from the same version at the same moment: one of them gets the conflict
    const results = await Promise.allSettled([
      saveFollowUpTexts(t.db, office, associationId, draft.id, 2, { summary: "A" }),
      saveFollowUpTexts(t.db, office, associationId, draft.id, 2, { summary: "B" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r) => r.status === "rejected");
    expect(failed?.status === "rejected" && failed.reason).toBeInstanceOf(ConflictError);
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.targetId, f.id))
      .orderBy(auditEvents.seq);
    expect(events.map((e) => e.action)).toEqual([
      "follow_up.created",
      "follow_up.texts_saved",
      "follow_up.texts_saved",
    ]);
    // the audit log says which sections changed and how long they are, never the text
    expect(JSON.stringify(events[1]?.details)).not.toContain("Heby");
    expect(events[1]?.details).toMatchObject({ changed: ["analysis"], number: 1 });
  });

  it("refuses a text over the limit, naming the section", async () => {
    const f = await createFollowUp(t.db, office, associationId, {
      from: "2024-07-01",
      to: "2024-12-31",
    });
    const draft = draftOf(f);
    if (!draft) throw new Error("no draft");
    expect(
      await refusal(() =>
        saveFollowUpTexts(t.db, office, associationId, draft.id, 1, {
          background: "a".repeat(FOLLOW_UP_TEXT_MAX + 1),
        }),
      ),
    ).toEqual({
      background: `Texten i Bakgrund är för lång: högst ${formatNumber(20_000)} tecken, och den har ${formatNumber(20_001)}. Korta den.`,
    });
  });
});

describe("locking", { timeout: 60_000 }, () => {
  let first: FollowUpDetails;

  it("stores the complete report; the draft's view is computed with the texts put in", async () => {
    first = await createFollowUp(t.db, office, associationId, {
      from: "2025-04-01",
      to: "2025-09-30",
    });
    const draft = draftOf(first);
    if (!draft) throw new Error("no draft");
    await saveFollowUpTexts(t.db, office, associationId, draft.id, 1, {
      analysis: "Analysen för kvartal 2 och 3.",
    });
    first = await reload(first);
    const view = await versionReport(t.db, first, versionOf(first, 1), NOW);
    expect(view.version).toMatchObject({ number: 1, status: "utkast", lockedAt: null });
    expect(view.analysis.edited).toBe("Analysen för kvartal 2 och 3.");
    expect(view.period.label).toBe("kvartal 2 och 3 2025");
    expect(view.individual.groups.length).toBeGreaterThan(0);

    const locked = await lockFollowUpVersion(t.db, office, first, draft.id, 2, NOW);
    expect(locked).toMatchObject({ status: "last", lockedByName: "Maria Lindqvist", version: 3 });
    // the outputs of a locked version draw table 4's band as it was when locked
    const band = await getFinanceBand(t.db, associationId);
    expect(locked.band).toEqual({ low: band.low, high: band.high });
    first = await reload(first);
    const snapshot = await versionReport(t.db, first, versionOf(first, 1));
    expect(snapshot.version).toEqual({
      id: draft.id,
      number: 1,
      status: "last",
      lockedAt: NOW.toISOString(),
      lockedBy: "Maria Lindqvist",
    });
    expect(snapshot.generatedAt).toBe(NOW.toISOString());
    expect(snapshot.analysis.edited).toBe("Analysen för kvartal 2 och 3.");
    // the snapshot is the report as computed then, figure for figure
    expect(snapshot.individual).toEqual({ ...view.individual });
    expect(snapshot.budget).toEqual(view.budget);
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.targetId, first.id))
      .orderBy(auditEvents.seq);
    expect(events.map((e) => e.action)).toContain("follow_up.locked");
  });

  it("a locked version cannot be edited or locked again", async () => {
    const v = first.versions[0];
    if (!v) throw new Error("no version");
    await expect(
      saveFollowUpTexts(t.db, office, associationId, v.id, v.version, { analysis: "Ändrat." }),
    ).rejects.toThrow(/Version 1 är låst av Maria Lindqvist/);
    await expect(lockFollowUpVersion(t.db, office, first, v.id, v.version, NOW)).rejects.toThrow(
      ConflictError,
    );
  });

  it("the database refuses any change of a locked version, as the application and as owner", async () => {
    const v = first.versions[0];
    if (!v) throw new Error("no version");
    const zone = connect(t.url, 1);
    try {
      for (const db of [zone.db, t.owner.db]) {
        await expect(
          db.execute(
            sql`update follow_up_versions set analysis = 'Ändrat i efterhand' where id = ${v.id}`,
          ),
        ).rejects.toThrow();
        await expect(
          db.execute(
            sql`update follow_up_versions set report = jsonb_set(report, '{budget,total,outcome}', '0') where id = ${v.id}`,
          ),
        ).rejects.toThrow();
        await expect(
          db.execute(
            sql`update follow_up_versions set status = 'utkast', locked_at = null where id = ${v.id}`,
          ),
        ).rejects.toThrow();
        await expect(
          db.execute(sql`delete from follow_up_versions where id = ${v.id}`),
        ).rejects.toThrow();
        await expect(
          db.execute(sql`update follow_ups set period_to = '2025-08-31' where id = ${first.id}`),
        ).rejects.toThrow();
        await expect(
          db.execute(sql`delete from follow_ups where id = ${first.id}`),
        ).rejects.toThrow();
      }
      // the refusal is the trigger's, in Swedish
      expect(
        await refusedWith(
          t.owner.db.execute(sql`update follow_up_versions set analysis = 'x' where id = ${v.id}`),
        ),
      ).toContain("uppföljningens version 1 är låst och kan inte ändras (UPDATE)");
      expect(
        await refusedWith(t.owner.db.execute(sql`truncate follow_up_versions cascade`)),
      ).toContain("låsta versioner av uppföljningar kan inte tas bort (TRUNCATE)");
    } finally {
      await zone.pool.end();
    }
    const [row] = await t.owner.db
      .select()
      .from(followUpVersions)
      .where(eq(followUpVersions.id, v.id));
    expect(row).toMatchObject({ status: "last", analysis: "Analysen för kvartal 2 och 3." });
    expect(row?.report?.analysis.edited).toBe("Analysen för kvartal 2 och 3.");
  });

  it("the office starts a new draft from the locked texts; one draft at a time", async () => {
    const v2 = await startFollowUpVersion(t.db, office, associationId, first.id);
    expect(v2).toMatchObject({ number: 2, status: "utkast", version: 1 });
    expect(v2.texts.analysis).toBe("Analysen för kvartal 2 och 3.");
    await expect(startFollowUpVersion(t.db, office, associationId, first.id)).rejects.toThrow(
      /har redan ett utkast \(version 2\)/,
    );
    first = await reload(first);
    expect(visibleVersions(first, true).map((v) => v.number)).toEqual([1, 2]);
    expect(visibleVersions(first, false).map((v) => v.number)).toEqual([1]);
    expect(latestLocked(first)?.number).toBe(1);
    // version 2 compares with version 1 of the same follow-up
    const report = await versionReport(t.db, first, v2, NOW);
    expect(report.previous).toMatchObject({
      id: first.versions[0]?.id,
      lockedAt: NOW.toISOString(),
    });
  });

  it("a later period compares with the latest locked version of an earlier one", async () => {
    const next = await createFollowUp(t.db, office, associationId, {
      from: "2025-10-01",
      to: "2025-10-31",
    });
    const previous = await previousLocked(t.db, next, 1);
    expect(previous?.version?.id).toBe(first.versions[0]?.id);
    const report = await versionReport(t.db, next, versionOf(next, 1), NOW);
    expect(report.previous?.period.label).toBe("kvartal 2 och 3 2025");
    expect(report.participants.rows.some((r) => r.change !== null)).toBe(true);
    // an earlier period with no locked version is not compared with
    const earlier = await getFollowUp(
      t.db,
      associationId,
      (await listFollowUps(t.db, associationId)).find(
        (f) => f.period.from === "2025-01-01" && f.period.to === "2025-06-30",
      )?.id ?? "",
    );
    if (!earlier) throw new Error("no earlier follow-up");
    expect(await previousLocked(t.db, earlier, 1)).toBeNull();
  });
});

describe("the application's database role", () => {
  it("reads and writes the follow-up tables (default privileges of migration 0011)", async () => {
    const zone = connect(t.url, 1);
    try {
      const role = await zone.db.execute<{ r: string }>(sql`select current_user as r`);
      expect(role.rows[0]?.r).toBe("samspar_association");
      const created = await createFollowUp(zone.db, office, associationId, {
        from: "2023-01-01",
        to: "2023-12-31",
      });
      const draft = draftOf(created);
      if (!draft) throw new Error("no draft");
      await saveFollowUpTexts(zone.db, office, associationId, draft.id, 1, { summary: "Kort." });
      const rows = await zone.db.select().from(followUps).where(eq(followUps.id, created.id));
      expect(rows).toHaveLength(1);
      // and may remove a draft: the trigger guards the locked versions only
      await zone.db.delete(followUpVersions).where(eq(followUpVersions.id, draft.id));
      await zone.db.delete(followUps).where(eq(followUps.id, created.id));
    } finally {
      await zone.pool.end();
    }
  });
});
