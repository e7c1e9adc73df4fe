// The administration CLI run for real, as a child process against a test database: its
// commands, their output and exit codes, and the Swedish messages when a change is refused.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import {
  associations,
  MEMBER_ORGANISATION_KINDS,
  memberOrganisations,
} from "../associations/schema.ts";
import { auditEvents } from "../audit/schema.ts";
import { DEMO_SLUG, seedDemo } from "../demo/seed-demo.ts";
import { initiatives } from "../initiatives/schema.ts";
import { apiTokens, roleAssignments, users } from "../people/schema.ts";
import { sha256 } from "../platform/secrets.ts";
import { verifyPassword } from "../sign-in/passwords.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BIN = path.join(ROOT, "bin/samspar.js");
const PASSWORD = "tre-ord-i-följd-2026";

let t: TestDatabase;
let dataDir: string;

/** Runs `samspar …` the way an operator would, on the pinned Node (vitest's own). */
function samspar(args: string[], env: Record<string, string> = {}) {
  const base: NodeJS.ProcessEnv = { ...process.env };
  delete base.SAMSPAR_PASSWORD;
  delete base.SAMSPAR_DEBUG;
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...base, DATABASE_URL: t.url, SAMSPAR_DATA_DIR: dataDir, SAMSPAR_LOG: "silent", ...env },
    encoding: "utf8",
    input: "", // stdin is a pipe, not a terminal
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function json<T>(run: ReturnType<typeof samspar>): T {
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as T;
}

interface ListedStaff {
  id: string;
  email: string;
  roles: Array<{ role: string; initiativeId: string | null }>;
}

beforeAll(async () => {
  t = await createTestDatabase();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "samspar-cli-"));
});

afterAll(async () => {
  await t?.drop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

// each spawn loads the CLI and opens the database (2–4 s on a loaded 2-core machine)
describe("samspar", { timeout: 120_000 }, () => {
  it("lists its commands in Swedish", () => {
    const run = samspar(["--help"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Kommandon:");
    for (const command of [
      "user",
      "token",
      "association",
      "organisation",
      "export",
      "import",
      "backup",
      "restore",
      "audit",
      "demo",
      "migrate",
      "worker",
    ]) {
      expect(run.stdout).toMatch(new RegExp(`^  ${command}\\b`, "m"));
    }
  });

  it("names every kind of member organisation in the help", () => {
    const run = samspar(["organisation", "add", "--help"]);
    expect(run.status).toBe(0);
    // the help wraps long lines
    expect(run.stdout.replace(/\s+/g, " ")).toContain(
      `sort: ${MEMBER_ORGANISATION_KINDS.join(", ")} `,
    );
  });

  it("refuses a missing flag in Swedish before touching the database", () => {
    const run = samspar(["user", "add", "--name", "Utan Adress"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("Flaggan --email <e-post> måste anges.");
  });

  it("creates an association and a member organisation", async () => {
    const created = json<{ id: string; slug: string; requireStaffTotp: boolean }>(
      samspar([
        "association",
        "create",
        "--slug",
        "cli-test",
        "--name",
        "Förbundet Test",
        "--json",
      ]),
    );
    expect(created.slug).toBe("cli-test");
    expect(created.requireStaffTotp).toBe(true);
    const [row] = await t.db.select().from(associations).where(eq(associations.slug, "cli-test"));
    expect(row?.id).toBe(created.id);

    const org = samspar([
      ...["organisation", "add", "--association", "cli-test", "--name", "Tierps kommun"],
      ...["--org-number", "212000-0274", "--kind", "kommun"],
    ]);
    expect(org.stderr).toBe("");
    expect(org.status).toBe(0);
    const orgs = await t.db
      .select()
      .from(memberOrganisations)
      .where(eq(memberOrganisations.associationId, created.id));
    expect(orgs.map((o) => o.orgNumber)).toEqual(["212000-0274"]);
  });

  it("adds a user with a role, the password taken from SAMSPAR_PASSWORD", async () => {
    const added = json<{ id: string; email: string; hasPassword: boolean; roles: unknown[] }>(
      samspar(
        [
          ...["user", "add", "--email", "Anna@Example.se", "--name", "Anna Admin"],
          ...["--association", "cli-test", "--role", "association_admin", "--json"],
        ],
        { SAMSPAR_PASSWORD: PASSWORD },
      ),
    );
    expect(added.email).toBe("anna@example.se");
    expect(added.hasPassword).toBe(true);
    expect(added.roles).toEqual([
      { association: "cli-test", role: "association_admin", initiativeId: null },
    ]);
    const [row] = await t.db.select().from(users).where(eq(users.id, added.id));
    expect(await verifyPassword(row?.passwordHash ?? "", PASSWORD)).toBe(true);

    const listed = json<ListedStaff[]>(
      samspar(["user", "list", "--association", "cli-test", "--json"]),
    );
    expect(listed).toHaveLength(1);
    expect(listed[0]?.email).toBe("anna@example.se");
    expect(listed[0]?.roles).toEqual([
      { role: "association_admin", initiativeId: null, initiative: null },
    ]);
  });

  it("adds a user without a password, to be invited from the web", async () => {
    const added = json<{ id: string; hasPassword: boolean; roles: unknown[] }>(
      samspar(["user", "add", "--email", "bo@example.se", "--name", "Bo Bertilsson", "--json"]),
    );
    expect(added.hasPassword).toBe(false);
    expect(added.roles).toEqual([]);
    const [row] = await t.db.select().from(users).where(eq(users.id, added.id));
    expect(row?.passwordHash).toBeNull();
  });

  it("refuses the same e-mail address twice, in Swedish", async () => {
    const run = samspar(["user", "add", "--email", "anna@example.se", "--name", "Anna Igen"]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim()).toBe(
      "Det finns redan en användare med e-postadressen anna@example.se.",
    );
    const [row] = await t.db
      .select({ n: count() })
      .from(users)
      .where(eq(users.email, "anna@example.se"));
    expect(row?.n).toBe(1);
  });

  it("gives an initiative role but refuses one that breaks the separation of duties", async () => {
    const [association] = await t.db
      .select()
      .from(associations)
      .where(eq(associations.slug, "cli-test"));
    const [org] = await t.db.select().from(memberOrganisations);
    if (!association || !org) throw new Error("set up by the tests above");
    const [initiative] = await t.db
      .insert(initiatives)
      .values({
        associationId: association.id,
        name: "Tierp, Växtverket",
        ownerOrganisationId: org.id,
      })
      .returning();
    if (!initiative) throw new Error("insert returned nothing");
    const roleAdd = (role: string) =>
      samspar([
        ...["user", "role", "add", "--email", "anna@example.se", "--association", "cli-test"],
        ...["--role", role, "--initiative", initiative.id],
      ]);

    const allowed = roleAdd("initiative_lead");
    expect(allowed.stderr).toBe("");
    expect(allowed.status).toBe(0);

    const refused = roleAdd("participant_officer");
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(
      "Anna Admin är förbundsadministratör och kan därför inte också vara deltagaransvarig (åtskillnad av uppgifter).",
    );
    const held = await t.db
      .select({ role: roleAssignments.role })
      .from(roleAssignments)
      .innerJoin(users, eq(users.id, roleAssignments.userId))
      .where(
        and(eq(users.email, "anna@example.se"), eq(roleAssignments.associationId, association.id)),
      );
    expect(held.map((h) => h.role).sort()).toEqual(["association_admin", "initiative_lead"]);
  });

  it("creates an API token shown once, lists it without the secret, and revokes it", async () => {
    const created = samspar([
      "token",
      "create",
      "--user",
      "anna@example.se",
      "--scope",
      "read",
      "--name",
      "Integration",
    ]);
    expect(created.status).toBe(0);
    expect(created.stdout).toContain("kan inte visas igen");
    const token = /\b(ssp_[A-Za-z0-9_-]{20,})/.exec(created.stdout)?.[1];
    if (!token) throw new Error(`no token in: ${created.stdout}`);
    const [row] = await t.db
      .select()
      .from(apiTokens)
      .where(eq(apiTokens.tokenHash, sha256(token)));
    expect(row?.scope).toBe("read");

    const list = samspar(["token", "list", "--json"]);
    expect(list.stdout).not.toContain(token);
    expect(list.stdout).not.toContain(sha256(token));
    const tokens = json<Array<Record<string, unknown>>>(list);
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({
      id: row?.id,
      prefix: token.slice(0, 12),
      name: "Integration",
      scope: "read",
      email: "anna@example.se",
      revokedAt: null,
    });

    const revoked = samspar(["token", "revoke", row?.id ?? ""]);
    expect(revoked.status).toBe(0);
    expect(revoked.stdout).toContain("är återkallad");
    const [after] = await t.db
      .select()
      .from(apiTokens)
      .where(eq(apiTokens.id, row?.id ?? ""));
    expect(after?.revokedAt).not.toBeNull();

    const again = samspar(["token", "revoke", row?.id ?? ""]);
    expect(again.status).toBe(1);
    expect(again.stderr.trim()).toBe("Det finns ingen aktiv API-nyckel med det id:t.");
  });

  it("verifies an intact audit log", async () => {
    const run = samspar(["audit", "verify"]);
    expect(run.status).toBe(0);
    const [row] = await t.db.select({ n: count() }).from(auditEvents);
    expect(row?.n).toBeGreaterThan(5);
    expect(run.stdout.trim()).toBe(`Granskningsloggen är hel (${row?.n} händelser).`);
  });

  it("backs up and restores, refusing without --yes when not interactive", async () => {
    const file = path.join(dataDir, "samspar.backup.gz");
    const backup = samspar(["backup", file]);
    expect(backup.stderr).toBe("");
    expect(backup.status).toBe(0);
    expect(fs.existsSync(file)).toBe(true);
    const before = json<Array<{ email: string; disabled: boolean }>>(
      samspar(["user", "list", "--json"]),
    );
    expect(before.map((u) => [u.email, u.disabled])).toEqual([
      ["anna@example.se", false],
      ["bo@example.se", false],
    ]);

    expect(samspar(["user", "disable", "--email", "bo@example.se"]).status).toBe(0);
    const isBoDisabled = async () => {
      const [bo] = await t.db.select().from(users).where(eq(users.email, "bo@example.se"));
      return bo?.disabledAt !== null;
    };
    expect(await isBoDisabled()).toBe(true);

    const refused = samspar(["restore", file]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("--yes");
    expect(await isBoDisabled()).toBe(true);

    const restore = samspar(["restore", file, "--yes"]);
    expect(restore.stderr).toBe("");
    expect(restore.status).toBe(0);
    expect(restore.stdout).toContain("Databasen är återställd");
    expect(json(samspar(["user", "list", "--json"]))).toEqual(before);
  });

  it("reports where a tampered audit log breaks", async () => {
    const [second] = await t.db
      .select({ seq: auditEvents.seq })
      .from(auditEvents)
      .orderBy(auditEvents.seq)
      .offset(1)
      .limit(1);
    if (!second) throw new Error("the log has events");
    // the append-only triggers forbid this; the test database's owner may switch them off
    await t.owner.pool.query("alter table audit_events disable trigger user");
    await t.owner.db.execute(
      sql`update audit_events set action = 'user.tampered' where seq = ${second.seq}`,
    );
    await t.owner.pool.query("alter table audit_events enable trigger user");

    const run = samspar(["audit", "verify"]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(
      `Granskningsloggen är bruten vid händelse ${second.seq}: händelsens innehåll har ändrats.`,
    );
  });

  it("exports an association to a file and imports it into another instance", async () => {
    await seedDemo(t.db);
    const other = await createTestDatabase();
    try {
      const file = path.join(dataDir, "demo.bundle.json");
      const exported = samspar(["export", "--association", DEMO_SLUG, "--out", file]);
      expect(exported.stderr).toBe("");
      expect(exported.status).toBe(0);
      expect(exported.stdout).toContain(`sparad i ${file}: 9 medlemsorganisationer`);
      const bundle = JSON.parse(fs.readFileSync(file, "utf8")) as { initiatives: unknown[] };
      const n = bundle.initiatives.length;

      const imported = samspar(["import", file], { DATABASE_URL: other.url });
      expect(imported.stderr).toBe("");
      expect(imported.status).toBe(0);
      expect(imported.stdout).toContain("Importen till Samordningsförbundet Demo (demo) är klar.");
      expect(imported.stdout).toMatch(/förbundet: +skapat/);
      expect(imported.stdout).toMatch(/medlemsorganisationer: +9 nya, 0 ändrade, 0 oförändrade/);
      expect(imported.stdout).toMatch(new RegExp(`insatser: +${n} nya, 0 ändrade, 0 oförändrade`));
      const [row] = await other.db.select({ n: count() }).from(initiatives);
      expect(row?.n).toBe(n);

      const again = samspar(["import", file], { DATABASE_URL: other.url });
      expect(again.status).toBe(0);
      expect(again.stdout).toMatch(new RegExp(`insatser: +0 nya, 0 ändrade, ${n} oförändrade`));
    } finally {
      await other.drop();
    }
  });
});
