// `npx samspar report follow-up` and `npx samspar report national` run for real, as child
// processes against a test database with the demo: the report of a period as JSON on stdout
// (computed now, table 8 compared with the latest locked follow-up before it) or as a file in
// every format, the board's locked version with --locked exactly as stored, the national figures
// as CSV and JSON with the participants after disclosure control, and every refusal in Swedish
// with exit code 1. Runs that do not depend on each other run together (cli-test-kit.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Workbook } from "@cj-tech-master/excelts";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { associations } from "../associations/schema.ts";
import type { NationalMoneyFigures } from "../finance/national-money.ts";
import type { FollowUpReport } from "../follow-up/model.ts";
import { followUpVersions } from "../follow-up/schema.ts";
import { createFollowUp, draftOf } from "../follow-up/store.ts";
import { lockFollowUpVersion } from "../follow-up/store-report.ts";
import { inBatches, runSamspar } from "./cli-test-kit.ts";

let t: TestDatabase;
let dir: string;
let lockedId = "";

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "samspar-report-"));
  const [demo] = await t.db.select().from(associations).where(eq(associations.slug, "demo"));
  const office = { userId: null, label: "test" };
  const created = await createFollowUp(t.db, office, demo?.id ?? "", {
    from: "2025-01-01",
    to: "2025-06-30",
  });
  const draft = draftOf(created);
  if (!draft) throw new Error("no draft");
  await lockFollowUpVersion(t.db, office, created, draft.id, draft.version);
  lockedId = draft.id;
}, 120_000);

afterAll(async () => {
  await t?.drop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const samspar = (args: string[]) =>
  runSamspar(args, {
    env: { DATABASE_URL: t.url, SAMSPAR_DATA_DIR: dir, SAMSPAR_LOG: "silent" },
    unset: ["SAMSPAR_DEBUG"],
    timeoutMs: 120_000,
  });

describe("samspar report follow-up", { timeout: 240_000 }, () => {
  it("writes the report of a period as JSON, computed now and compared with a locked one", async () => {
    const run = await samspar([
      "report",
      "follow-up",
      "--association",
      "demo",
      "--from",
      "2026-01-01",
      "--to",
      "2026-06-30",
    ]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const report = JSON.parse(run.text) as FollowUpReport;
    expect(report.format).toBe("samspar-follow-up-report");
    expect(report.version).toBeNull();
    expect(report.period).toEqual({
      from: "2026-01-01",
      to: "2026-06-30",
      label: "kvartal 1 och 2 2026",
    });
    expect(report.previous).not.toBeNull();
    expect(report.individual.groups.length).toBeGreaterThan(0);
    expect(report.disclosure.threshold).toBe(5);
  });

  it("writes XLSX, DOCX and PDF to the file asked for, one sheet per table", async () => {
    const file = (format: string) => path.join(dir, `uppfoljning.${format}`);
    const [xlsx, docx, pdf] = await inBatches(
      ["xlsx", "docx", "pdf"].map(
        (format) => () =>
          samspar([
            ...["report", "follow-up", "--association", "demo"],
            ...["--from", "2025-01-01", "--to", "2025-12-31", "--format", format],
            ...(format === "xlsx" ? ["--label", "Helåret 2025"] : []),
            ...["--out", file(format)],
          ]),
      ),
    );
    expect(xlsx?.stderr).toBe("");
    expect(xlsx?.status).toBe(0);
    expect(xlsx?.text).toBe(`Uppföljningen (Helåret 2025) är sparad i ${file("xlsx")}.\n`);
    const wb = new Workbook();
    await wb.xlsx.load(fs.readFileSync(file("xlsx")));
    const sheets = wb.worksheets.map((w) => w.name);
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8]) expect(sheets).toContain(`Tabell ${n}`);
    for (const [format, out] of [
      ["docx", docx],
      ["pdf", pdf],
    ] as const) {
      expect({ format, status: out?.status }).toEqual({ format, status: 0 });
      const head = fs.readFileSync(file(format)).subarray(0, 4).toString();
      expect(head).toBe(format === "pdf" ? "%PDF" : "PK\u0003\u0004");
    }
  });

  it("with --locked writes the locked version exactly as stored", async () => {
    const run = await samspar([
      "report",
      "follow-up",
      "--association",
      "demo",
      "--from",
      "2025-01-01",
      "--to",
      "2025-06-30",
      "--locked",
    ]);
    expect(run.status).toBe(0);
    const [stored] = await t.db
      .select({ report: followUpVersions.report })
      .from(followUpVersions)
      .where(eq(followUpVersions.id, lockedId));
    expect(JSON.parse(run.text)).toEqual(stored?.report);
  });

  it("refuses bad input in Swedish with exit code 1", async () => {
    const cases: Array<[string[], string]> = [
      [
        ["--association", "demo", "--from", "2026-06-30", "--to", "2026-01-01"],
        "Periodens sista dag (2026-01-01) ligger före dess första dag (2026-06-30). Byt plats på datumen.",
      ],
      [
        ["--association", "demo", "--from", "2026-01-01", "--to", "2026-06-30", "--format", "odt"],
        "Formatet odt finns inte.",
      ],
      [
        ["--association", "demo", "--from", "2026-01-01", "--to", "2026-06-30", "--format", "docx"],
        "Ange en fil med --out för docx",
      ],
      [
        ["--association", "demo", "--from", "2020-01-01", "--to", "2026-06-30"],
        "En uppföljning får omfatta högst 3 år",
      ],
      [
        ["--association", "demo", "--from", "2024-01-01", "--to", "2024-06-30", "--locked"],
        "har ingen låst uppföljning för 2024-01-01 – 2024-06-30",
      ],
      [
        ["--association", "okant", "--from", "2026-01-01", "--to", "2026-06-30"],
        "Det finns inget förbund med kortnamnet okant",
      ],
      [["--association", "demo"], "Flaggan --from <ÅÅÅÅ-MM-DD> måste anges."],
    ];
    const runs = await inBatches(
      cases.map(
        ([args]) =>
          () =>
            samspar(["report", "follow-up", ...args]),
      ),
      4,
    );
    cases.forEach(([args, message], i) => {
      const run = runs[i];
      expect({ args, status: run?.status }).toEqual({ args, status: 1 });
      expect(run?.stderr).toContain(message);
      expect(run?.text).toBe("");
    });
  });
});

describe("samspar report national", { timeout: 240_000 }, () => {
  it("writes the year's figures as CSV on stdout, participants after disclosure control", async () => {
    const run = await samspar(["report", "national", "--association", "demo", "--year", "2025"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.text.startsWith("\ufeffAvsnitt;Insats;Uppgift;Värde;Enhet\r\n")).toBe(true);
    const lines = run.text.slice(1).split("\r\n");
    expect(lines).toContain("Förbundet;;År;2025;");
    const people = lines.filter((l) => l.startsWith("Deltagare, individinriktade insatser;"));
    expect(people.length).toBeGreaterThan(9);
    for (const line of people) {
      const value = line.split(";")[3] ?? "";
      // a count is at least 5, or shown as "< 5" or ".."
      expect(/^\d+$/.test(value) ? Number(value) >= 5 : ["<\u00a05", ".."].includes(value)).toBe(
        true,
      );
    }
    expect(lines).toContain("Röjandekontroll;;Tröskel;5;");
    expect(run.text).not.toContain("ännu inte finns");
  });

  it("writes JSON to a file; a bad year or format is refused", async () => {
    const file = path.join(dir, "nationellt.json");
    const national = ["report", "national", "--association", "demo"];
    const [run, year, format] = await inBatches([
      () => samspar([...national, "--year", "2026", "--format", "json", "--out", file]),
      () => samspar([...national, "--year", "20x6"]),
      () => samspar([...national, "--year", "2026", "--format", "xlsx"]),
    ]);
    expect(run?.status).toBe(0);
    expect(run?.text).toBe(`De nationella uppgifterna för 2026 är sparade i ${file}.\n`);
    const figures = JSON.parse(fs.readFileSync(file, "utf8")) as NationalMoneyFigures;
    expect(figures.year).toBe(2026);
    expect(figures.participants.individual.length).toBeGreaterThan(3);
    expect(figures.participants.individualTotal?.name).toBe("Samtliga individinriktade insatser");
    expect(year?.status).toBe(1);
    expect(year?.stderr).toContain("Året ska skrivas med fyra siffror");
    expect(format?.status).toBe(1);
    expect(format?.stderr).toContain("Välj --format csv eller json.");
  });
});
