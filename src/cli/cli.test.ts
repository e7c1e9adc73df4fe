// The administration CLI run for real, as a child process against a test database: its
// commands, their output and exit codes, and the Swedish messages when a change is refused.
// The demo that the export is made from is created by `samspar demo` in a database of its own,
// in the background while the other commands are tried (cli-test-kit.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { createAssociation } from "../associations/create-association.ts";
import { addMemberOrganisation } from "../associations/member-organisations.ts";
import {
  associations,
  MEMBER_ORGANISATION_KINDS,
  memberOrganisations,
} from "../associations/schema.ts";
import { auditEvents } from "../audit/schema.ts";
import { initiatives } from "../initiatives/schema.ts";
import { apiTokens, roleAssignments, users } from "../people/schema.ts";
import { sha256 } from "../platform/secrets.ts";
import { verifyPassword } from "../sign-in/passwords.ts";
import { type CliRun, runSamspar } from "./cli-test-kit.ts";

const PASSWORD = "tre-ord-i-följd-2026";

let t: TestDatabase;
let dataDir: string;
/** The database the demo is exported from (with another association beside it), and the one it is imported into. */
let source: TestDatabase;
let target: TestDatabase;
/** `samspar demo` on the source database, started before the tests. */
let demoRun: Promise<CliRun> | undefined;

/** Runs `samspar …` the way an operator would, on the pinned Node (vitest's own). */
async function samspar(args: string[], env: Record<string, string> = {}) {
  const run = await runSamspar(args, {
    env: { DATABASE_URL: t.url, SAMSPAR_DATA_DIR: dataDir, SAMSPAR_LOG: "silent", ...env },
    unset: ["SAMSPAR_PASSWORD", "SAMSPAR_DEBUG"],
    timeoutMs: 120_000,
  });
  return { status: run.status, stdout: run.text, stderr: run.stderr };
}

function json<T>(run: Awaited<ReturnType<typeof samspar>>): T {
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
  // one after another: a database is cloned from the run's template, which must be idle
  t = await createTestDatabase();
  source = await createTestDatabase();
  target = await createTestDatabase();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "samspar-cli-"));
  // another association beside the demo, which the demo's export must leave out
  const actor = { userId: null, label: "test" };
  const other = await createAssociation(source.db, actor, { slug: "annat", name: "Annat förbund" });
  await addMemberOrganisation(source.db, actor, other.id, {
    name: "Annan kommun",
    orgNumber: "212000-2882",
    kind: "kommun",
  });
  demoRun = runSamspar(["demo"], {
    env: { DATABASE_URL: source.url, SAMSPAR_DATA_DIR: dataDir, SAMSPAR_LOG: "silent" },
    unset: ["SAMSPAR_PASSWORD", "SAMSPAR_DEBUG"],
    timeoutMs: 180_000,
  });
  // a failure is reported by the test that needs the demo
  demoRun.catch(() => {});
});

afterAll(async () => {
  await demoRun?.catch(() => {});
  await Promise.all([t?.drop(), source?.drop(), target?.drop()]);
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

// each spawn loads the CLI and opens the database (2–4 s on a loaded 2-core machine)
describe("samspar", { timeout: 120_000 }, () => {
  it("lists its commands in Swedish", async () => {
    const run = await samspar(["--help"]);
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

  it("names every kind of member organisation in the help", async () => {
    const run = await samspar(["organisation", "add", "--help"]);
    expect(run.status).toBe(0);
    // the help wraps long lines
    expect(run.stdout.replace(/\s+/g, " ")).toContain(
      `sort: ${MEMBER_ORGANISATION_KINDS.join(", ")} `,
    );
  });

  it("refuses a missing flag in Swedish before touching the database", async () => {
    const run = await samspar(["user", "add", "--name", "Utan Adress"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("Flaggan --email <e-post> måste anges.");
  });

  it("creates an association and a member organisation", async () => {
    const created = json<{ id: string; slug: string; requireStaffTotp: boolean }>(
      await samspar([
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

    const org = await samspar([
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
      await samspar(
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
      await samspar(["user", "list", "--association", "cli-test", "--json"]),
    );
    expect(listed).toHaveLength(1);
    expect(listed[0]?.email).toBe("anna@example.se");
    expect(listed[0]?.roles).toEqual([
      { role: "association_admin", initiativeId: null, initiative: null },
    ]);
  });

  it("adds a user without a password, to be invited from the web", async () => {
    const added = json<{ id: string; hasPassword: boolean; roles: unknown[] }>(
      await samspar([
        "user",
        "add",
        "--email",
        "bo@example.se",
        "--name",
        "Bo Bertilsson",
        "--json",
      ]),
    );
    expect(added.hasPassword).toBe(false);
    expect(added.roles).toEqual([]);
    const [row] = await t.db.select().from(users).where(eq(users.id, added.id));
    expect(row?.passwordHash).toBeNull();
  });

  it("refuses the same e-mail address twice, in Swedish", async () => {
    const run = await samspar(["user", "add", "--email", "anna@example.se", "--name", "Anna Igen"]);
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

    const allowed = await roleAdd("initiative_lead");
    expect(allowed.stderr).toBe("");
    expect(allowed.status).toBe(0);

    const refused = await roleAdd("participant_officer");
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
    const created = await samspar([
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

    const list = await samspar(["token", "list", "--json"]);
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

    const revoked = await samspar(["token", "revoke", row?.id ?? ""]);
    expect(revoked.status).toBe(0);
    expect(revoked.stdout).toContain("är återkallad");
    const [after] = await t.db
      .select()
      .from(apiTokens)
      .where(eq(apiTokens.id, row?.id ?? ""));
    expect(after?.revokedAt).not.toBeNull();

    const again = await samspar(["token", "revoke", row?.id ?? ""]);
    expect(again.status).toBe(1);
    expect(again.stderr.trim()).toBe("Det finns ingen aktiv API-nyckel med det id:t.");
  });

  it("verifies an intact audit log", async () => {
    const run = await samspar(["audit", "verify"]);
    expect(run.status).toBe(0);
    const [row] = await t.db.select({ n: count() }).from(auditEvents);
    expect(row?.n).toBeGreaterThan(5);
    expect(run.stdout.trim()).toBe(`Granskningsloggen är hel (${row?.n} händelser).`);
  });

  it("backs up and restores, refusing without --yes when not interactive", async () => {
    const file = path.join(dataDir, "samspar.backup.gz");
    // both only read: together
    const [backup, list] = await Promise.all([
      samspar(["backup", file]),
      samspar(["user", "list", "--json"]),
    ]);
    expect(backup.stderr).toBe("");
    expect(backup.status).toBe(0);
    expect(fs.existsSync(file)).toBe(true);
    const before = json<Array<{ email: string; disabled: boolean }>>(list);
    expect(before.map((u) => [u.email, u.disabled])).toEqual([
      ["anna@example.se", false],
      ["bo@example.se", false],
    ]);

    expect((await samspar(["user", "disable", "--email", "bo@example.se"])).status).toBe(0);
    const isBoDisabled = async () => {
      const [bo] = await t.db.select().from(users).where(eq(users.email, "bo@example.se"));
      return bo?.disabledAt !== null;
    };
    expect(await isBoDisabled()).toBe(true);

    const refused = await samspar(["restore", file]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("--yes");
    expect(await isBoDisabled()).toBe(true);

    const restore = await samspar(["restore", file, "--yes"]);
    expect(restore.stderr).toBe("");
    expect(restore.status).toBe(0);
    expect(restore.stdout).toContain("Databasen är återställd");
    expect(json(await samspar(["user", "list", "--json"]))).toEqual(before);
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

    const run = await samspar(["audit", "verify"]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(
      `Granskningsloggen är bruten vid händelse ${second.seq}: händelsens innehåll har ändrats.`,
    );
  });

  it("creates the demo, and shows its sign-ins", async () => {
    const run = await demoRun;
    expect(run?.stderr).toBe("");
    expect(run?.status).toBe(0);
    expect(run?.text).toContain('Demoförbundet "Samordningsförbundet Demo" är skapat.');
    expect(run?.text).toMatch(/^Lösenord för alla demokonton: \S+$/m);
    expect(run?.text).toMatch(/^ +förbundsadministratör +forbundschef@demo\.samspar\.se/m);
    const [demo] = await source.db.select().from(associations).where(eq(associations.slug, "demo"));
    expect(demo?.name).toBe("Samordningsförbundet Demo");
  });

  it("exports an association to a file and imports it into another instance", async () => {
    expect((await demoRun)?.status).toBe(0);
    const file = path.join(dataDir, "demo.bundle.json");
    // only the demo's own: not the other association's member organisation
    const exported = await samspar(["export", "--association", "demo", "--out", file], {
      DATABASE_URL: source.url,
    });
    expect(exported.stderr).toBe("");
    expect(exported.status).toBe(0);
    expect(exported.stdout).toContain(`sparad i ${file}: 9 medlemsorganisationer`);
    const bundle = JSON.parse(fs.readFileSync(file, "utf8")) as { initiatives: unknown[] };
    const n = bundle.initiatives.length;

    const imported = await samspar(["import", file], { DATABASE_URL: target.url });
    expect(imported.stderr).toBe("");
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain("Importen till Samordningsförbundet Demo (demo) är klar.");
    expect(imported.stdout).toMatch(/förbundet: +skapat/);
    expect(imported.stdout).toMatch(/medlemsorganisationer: +9 nya, 0 ändrade, 0 oförändrade/);
    expect(imported.stdout).toMatch(new RegExp(`insatser: +${n} nya, 0 ändrade, 0 oförändrade`));
    const [row] = await target.db.select({ n: count() }).from(initiatives);
    expect(row?.n).toBe(n);

    const again = await samspar(["import", file], { DATABASE_URL: target.url });
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`insatser: +0 nya, 0 ändrade, ${n} oförändrade`));
  });
});
