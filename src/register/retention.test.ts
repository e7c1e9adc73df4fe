// Gallring: identities erased a configured time after the last exit, statistics kept, each
// erasure recorded; idempotent; as a function, as the CLI command and as the daily job.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, isNotNull } from "drizzle-orm";
import { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { readConfig } from "../platform/config.ts";
import { QUEUES, startJobs } from "../platform/jobs.ts";
import {
  exitEnrollment,
  type RegisterParticipantInput,
  registerParticipant,
} from "./participants.ts";
import { personalNumber, type RegisterFixture, registerFixture } from "./register-fixture.ts";
import { DEFAULT_RETENTION_MONTHS, eraseExpiredIdentities, monthsBefore } from "./retention.ts";
import { accessLog, enrollments, erasures, participants } from "./schema.ts";
import type { RegisterAccess } from "./scope.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const TODAY = "2026-11-23";
let t: TestDatabase;
let f: RegisterFixture;
let tierp: RegisterAccess;
let dataDir = "";
const people = { a: "", b: "", c: "", d: "", e: "" };

async function enrolled(
  over: Partial<RegisterParticipantInput>,
  exit: { endDate: string; status: string } | null,
) {
  const r = await registerParticipant(
    t.db,
    f.crypto,
    tierp.actor,
    tierp.scope,
    {
      initiativeId: f.tierp.initiative,
      gender: "kvinna",
      birthYear: null,
      startDate: "2024-01-15",
      consent: { consentedOn: "2024-01-10", textVersion: "2023:1", language: "svenska" },
      background: { education: "gymnasial", referrer: "kommun" },
      ...over,
    },
    over.startDate && over.startDate > "2024-12-31" ? TODAY : "2024-12-31",
  );
  if (exit) await exitEnrollment(t.db, tierp.actor, tierp.scope, r.enrollmentId, 1, exit, TODAY);
  return r.participantId;
}

async function identityOf(id: string) {
  const [p] = await t.owner.db.select().from(participants).where(eq(participants.id, id));
  return p?.identityCiphertext ?? null;
}

beforeAll(async () => {
  t = await createTestDatabase();
  f = await registerFixture(t.db);
  tierp = await f.access(f.officers.tierp);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "samspar-retention-"));
  // a: ended 2024-05-31, long ago
  people.a = await enrolled(
    { personalNumber: personalNumber("19900101", "111") },
    {
      endDate: "2024-05-31",
      status: "avbrutit",
    },
  );
  // b: ended 2025-06-30, within 24 months of TODAY
  people.b = await enrolled(
    { personalNumber: personalNumber("19900202", "222"), startDate: "2024-02-01" },
    { endDate: "2025-06-30", status: "studier" },
  );
  // c: an old enrollment, and a later one still open
  people.c = await enrolled(
    { personalNumber: personalNumber("19900303", "333") },
    {
      endDate: "2024-03-31",
      status: "arbetssokande",
    },
  );
  await enrolled(
    {
      personalNumber: personalNumber("19900303", "333"),
      startDate: "2025-01-10",
      consent: { consentedOn: "2025-01-10", textVersion: "2024:1", language: "svenska" },
    },
    null,
  );
  // d: anonymous, ended long ago: nothing to erase
  people.d = await enrolled(
    { consent: null, birthYear: 1980 },
    {
      endDate: "2024-04-30",
      status: "flyttat",
    },
  );
  // e: a felregistrering long ago is an ended enrollment too
  people.e = await enrolled(
    { personalNumber: personalNumber("19900505", "555") },
    {
      endDate: "2024-02-01",
      status: "felregistrering",
    },
  );
});
afterAll(async () => {
  await t?.drop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("eraseExpiredIdentities", () => {
  it("counts months back on the calendar", () => {
    expect(monthsBefore("2026-11-23", 24)).toBe("2024-11-23");
    expect(monthsBefore("2026-03-31", 1)).toBe("2026-02-28");
    expect(monthsBefore("2026-01-15", 13)).toBe("2024-12-15");
  });

  it("counts without erasing in a dry run", async () => {
    const dry = await eraseExpiredIdentities(t.db, TODAY, { monthsAfterExit: 24, dryRun: true });
    expect(dry).toMatchObject({ cutoff: "2024-11-23", dryRun: true, erased: 2 });
    expect(await identityOf(people.a)).not.toBeNull();
    expect(await t.owner.db.select().from(erasures)).toEqual([]);
  });

  it("erases only the identities whose last enrollment ended before the cutoff, once", async () => {
    const before = await t.owner.db.select().from(enrollments);
    const result = await eraseExpiredIdentities(t.db, TODAY, { monthsAfterExit: 24 });
    expect(result).toEqual({
      cutoff: "2024-11-23",
      dryRun: false,
      erased: 2,
      associations: [{ slug: "reg", name: "Samordningsförbundet Test", erased: 2 }],
    });
    expect(await identityOf(people.a)).toBeNull();
    expect(await identityOf(people.e)).toBeNull();
    expect(await identityOf(people.b)).not.toBeNull();
    expect(await identityOf(people.c)).not.toBeNull();
    // statistics stay: every enrollment as it was, gender and birth year kept
    expect(await t.owner.db.select().from(enrollments)).toEqual(before);
    const [a] = await t.owner.db.select().from(participants).where(eq(participants.id, people.a));
    expect(a).toMatchObject({ gender: "kvinna", birthYear: 1990, identityLookup: null });
    expect(a?.erasedAt).toBeInstanceOf(Date);
    const recorded = await t.owner.db
      .select({
        participant: erasures.participantId,
        reason: erasures.reason,
        by: erasures.erasedByName,
      })
      .from(erasures);
    expect(recorded.map((r) => r.participant).sort()).toEqual([people.a, people.e].sort());
    expect(recorded.every((r) => r.reason === "gallring" && r.by === "Samspår (gallring)")).toBe(
      true,
    );
    const logged = await t.owner.db.select().from(accessLog).where(eq(accessLog.action, "erase"));
    expect(logged.map((l) => [l.participantId, l.actorRole, l.actorOrganisation])).toEqual(
      expect.arrayContaining([
        [people.a, "system", "Samspår"],
        [people.e, "system", "Samspår"],
      ]),
    );
    // idempotent
    expect((await eraseExpiredIdentities(t.db, TODAY, { monthsAfterExit: 24 })).erased).toBe(0);
    expect(await t.owner.db.select().from(erasures)).toHaveLength(2);
  });

  it("refuses a retention time that is not a whole number of months", async () => {
    await expect(eraseExpiredIdentities(t.db, TODAY, { monthsAfterExit: 0 })).rejects.toThrow(
      /helt antal månader/,
    );
  });
});

describe("the configuration", () => {
  it("reads SAMSPAR_REGISTER_RETENTION_MONTHS, 24 by default", () => {
    expect(readConfig({}).registerRetentionMonths).toBe(DEFAULT_RETENTION_MONTHS);
    expect(readConfig({ SAMSPAR_REGISTER_RETENTION_MONTHS: "36" }).registerRetentionMonths).toBe(
      36,
    );
    for (const bad of ["0", "två år", "1.5", "-3"])
      expect(() => readConfig({ SAMSPAR_REGISTER_RETENTION_MONTHS: bad })).toThrow(
        /SAMSPAR_REGISTER_RETENTION_MONTHS måste vara ett helt antal månader/,
      );
  });
});

// The command and the job run on the real date (2026-12 or later): b, who ended 2025-06-30,
// is past a retention of one or twelve months; c is still enrolled.
describe("npx samspar register retention", { timeout: 120_000 }, () => {
  const samspar = (args: string[], env: Record<string, string>) => {
    const base: NodeJS.ProcessEnv = { ...process.env };
    delete base.SAMSPAR_REGISTER_RETENTION_MONTHS;
    const run = spawnSync(process.execPath, [path.join(ROOT, "bin/samspar.js"), ...args], {
      cwd: ROOT,
      env: {
        ...base,
        DATABASE_URL: t.url,
        SAMSPAR_DATA_DIR: dataDir,
        SAMSPAR_LOG: "silent",
        ...env,
      },
      encoding: "utf8",
      input: "",
      timeout: 60_000,
    });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  };

  it("counts in a dry run, erases without it, and then finds nothing", async () => {
    const dry = samspar(["register", "retention", "--dry-run", "--json"], {
      SAMSPAR_REGISTER_RETENTION_MONTHS: "1",
    });
    expect(dry.stderr).toBe("");
    expect(dry.status).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, erased: 1, monthsAfterExit: 1 });
    expect(await identityOf(people.b)).not.toBeNull();

    const real = samspar(["register", "retention"], { SAMSPAR_REGISTER_RETENTION_MONTHS: "1" });
    expect(real.status).toBe(0);
    expect(real.stdout).toContain("reg");
    expect(real.stdout).toContain("1 identitet raderad (sista avslut före");
    expect(await identityOf(people.b)).toBeNull();
    expect(await identityOf(people.c)).not.toBeNull();

    const again = samspar(["register", "retention"], { SAMSPAR_REGISTER_RETENTION_MONTHS: "1" });
    expect(again.stdout).toMatch(/^Inga identiteter att gallra/);

    const help = samspar(["register", "--help"], {});
    expect(help.stdout).toContain("retention");
  });
});

describe("the daily job", { timeout: 60_000 }, () => {
  it("runs register.retention every night and erases what has expired", async () => {
    // a participant who ended in the spring of 2025: past twelve months on the real date
    const late = await enrolled(
      {
        personalNumber: personalNumber("19900606", "666"),
        startDate: "2025-01-07",
        consent: { consentedOn: "2025-01-07", textVersion: "2024:1", language: "svenska" },
      },
      { endDate: "2025-04-30", status: "studier" },
    );
    expect(await identityOf(late)).not.toBeNull();
    const jobs = await startJobs(
      t.url,
      {
        db: t.db,
        mailer: () => {
          throw new Error("no mail here");
        },
        baseUrl: "http://localhost",
        registerRetentionMonths: 12,
      },
      true,
    );
    const sender = new PgBoss({
      connectionString: t.url,
      max: 1,
      schedule: false,
      supervise: false,
    });
    try {
      await sender.start();
      await sender.send(QUEUES.registerRetention, {});
      for (let i = 0; i < 100 && (await identityOf(late)) !== null; i++)
        await new Promise((r) => setTimeout(r, 300));
      expect(await identityOf(late)).toBeNull();
      expect(await sender.getSchedule(QUEUES.registerRetention)).toMatchObject({
        cron: "30 2 * * *",
        timezone: "Europe/Stockholm",
      });
      expect(
        await t.owner.db
          .select()
          .from(participants)
          .where(isNotNull(participants.identityCiphertext)),
      ).toHaveLength(1);
    } finally {
      await sender.stop({ graceful: false });
      await jobs.stop();
    }
  });
});
