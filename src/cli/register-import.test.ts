// `npx samspar register import` run for real, as a child process against a test database: the
// summary in Swedish, every problem as "rad N, kolumn X: …", exit code 1 on problems, and what
// ends up in the register. Runs that do not depend on each other run together (cli-test-kit.ts).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Workbook } from "@cj-tech-master/excelts";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { IMPORT_COLUMNS } from "../register/import-format.ts";
import { type RegisterFixture, registerFixture } from "../register/register-fixture.ts";
import { enrollments } from "../register/schema.ts";
import { ROOT, runSamspar } from "./cli-test-kit.ts";

const EXAMPLE = path.join(ROOT, "docs/formats/participant-import-example.csv");
const KEY = randomBytes(32).toString("base64");

let t: TestDatabase;
let f: RegisterFixture;
let dir: string;

beforeAll(async () => {
  t = await createTestDatabase();
  f = await registerFixture(t.db, "cli-imp");
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "samspar-register-import-"));
});

afterAll(async () => {
  await t?.drop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function samspar(args: string[]) {
  const run = await runSamspar(args, {
    env: {
      DATABASE_URL: t.url,
      SAMSPAR_DATA_DIR: dir,
      SAMSPAR_LOG: "silent",
      SAMSPAR_REGISTER_KEY: KEY,
    },
    unset: ["SAMSPAR_DEBUG"],
    timeoutMs: 60_000,
  });
  return { status: run.status, stdout: run.text, stderr: run.stderr };
}

const enrollmentCount = async (initiativeId: string) =>
  (
    await t.owner.db
      .select({ n: count() })
      .from(enrollments)
      .where(eq(enrollments.initiativeId, initiativeId))
  )[0]?.n ?? 0;

function exampleWith(replace: (lines: string[]) => string[], name: string): string {
  const lines = fs.readFileSync(EXAMPLE, "utf8").split(/\r?\n/);
  const file = path.join(dir, name);
  fs.writeFileSync(file, replace(lines).join("\n"));
  return file;
}

describe("samspar register import", { timeout: 180_000 }, () => {
  it("a dry run prints what would happen and saves nothing", async () => {
    const run = await samspar([
      "register",
      "import",
      EXAMPLE,
      "--initiative",
      f.tierp.initiative,
      "--dry-run",
    ]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      "Provkörning av participant-import-example.csv till Tierp, Växtverket: inget har sparats.",
    );
    expect(run.stdout).toMatch(/skulle bli nya:\s+5/);
    expect(run.stdout).toContain("Filen är felfri.");
  });

  it("prints every problem with row and column, saves nothing, exits with 1", async () => {
    const file = exampleWith((lines) => {
      lines[2] = (lines[2] as string).replace(";man;", ";kvina;");
      lines[3] = (lines[3] as string).replace("2026-06-12", "2025-01-01");
      return lines;
    }, "fel.csv");
    const run = await samspar(["register", "import", file, "--initiative", f.tierp.initiative]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      "rad 3, kolumn kon: ”kvina” är inget tillåtet värde. Skriv ett av: ”kvinna”, ”man”, ”annan (icke-binär)”, ”vill ej ange”, ”uppgift saknas”.",
    );
    expect(run.stdout).toContain(
      "rad 4, kolumn slutdatum: slutdatum 2025-01-01 ligger före startdatum 2026-02-02. Kontrollera båda datumen.",
    );
    expect(run.stdout).not.toMatch(/9876|3234|2391/);
    expect(run.stderr.trim()).toBe(
      "Inget sparades: 2 rader har fel. Rätta dem och läs in filen igen, eller läs in bara de 3 felfria raderna med --valid-rows.",
    );
    expect(await enrollmentCount(f.tierp.initiative)).toBe(0);

    const valid = await samspar([
      "register",
      "import",
      file,
      "--initiative",
      f.tierp.initiative,
      "--valid-rows",
    ]);
    expect(valid.status).toBe(1);
    expect(valid.stdout).toMatch(/nya:\s+3/);
    expect(valid.stderr).toContain(
      "De felfria raderna är inlästa; 2 rader med fel lästes inte in.",
    );
    expect(await enrollmentCount(f.tierp.initiative)).toBe(3);
  });

  it("imports a file, and the same file again changes nothing", async () => {
    const first = await samspar(["register", "import", EXAMPLE, "--initiative", f.tierp.second]);
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/nya:\s+5/);
    const again = await samspar(["register", "import", EXAMPLE, "--initiative", f.tierp.second]);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/nya:\s+0/);
    expect(again.stdout).toMatch(/oförändrade:\s+5/);
    expect(await enrollmentCount(f.tierp.second)).toBe(5);
  });

  it("reads a workbook and needs the local unit of an initiative that has them", async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet("Deltagare");
    ws.addRow([...IMPORT_COLUMNS]);
    ws.addRow([
      "H-1",
      "",
      "",
      "kvinna",
      1990,
      1917,
      "gymnasial",
      "lön",
      "under 1 år",
      "arbetslös",
      "kommun",
      new Date(Date.UTC(2026, 2, 2)),
    ]);
    const file = path.join(dir, "deltagare.xlsx");
    fs.writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));

    // the file without a local unit is refused as a whole, whatever is in the register: together
    const [without, run] = await Promise.all([
      samspar(["register", "import", file, "--initiative", f.heby.units]),
      samspar([
        "register",
        "import",
        file,
        "--initiative",
        f.heby.units,
        "--local-unit",
        "Östervåla",
      ]),
    ]);
    expect(without.status).toBe(1);
    expect(without.stdout).toContain(
      "filen: Heby, Vägen arbetar i flera delområden (Heby, Östervåla).",
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(await enrollmentCount(f.heby.units)).toBe(1);
  });

  it("refuses an unknown initiative and a missing file", async () => {
    const [unknown, missing] = await Promise.all([
      samspar([
        "register",
        "import",
        EXAMPLE,
        "--initiative",
        "00000000-0000-4000-8000-000000000000",
      ]),
      samspar([
        "register",
        "import",
        path.join(dir, "finns-inte.csv"),
        "--initiative",
        f.tierp.initiative,
      ]),
    ]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain(
      "Det finns ingen insats med id 00000000-0000-4000-8000-000000000000.",
    );
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("finns-inte.csv finns inte.");
  });
});
