// Importing a participant file into the register on a real database: the dry run and a refused
// all-or-nothing import write nothing, valid-rows keeps only the valid rows, the same file twice
// changes nothing, a changed file updates and exits the same enrollments, the register's own
// checks come back as row problems, a failure midway leaves nothing, and the access log; a file
// of thousands of rows in batches, the same person twice in a file, the file's order around a
// row that changes an enrollment, and a person someone else registers while the import runs.
import fs from "node:fs";
import path from "node:path";
import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import type { Db } from "../platform/database/connect.ts";
import { NotFoundError } from "../platform/errors.ts";
import { IMPORT_COLUMNS } from "./import-format.ts";
import { type ImportOptions, importParticipants } from "./import-participants.ts";
import { registerParticipant, withdrawConsent } from "./participants.ts";
import { personalNumber, type RegisterFixture, registerFixture } from "./register-fixture.ts";
import { accessLog, consents, enrollments, erasures, participants } from "./schema.ts";
import type { RegisterAccess } from "./scope.ts";
import { inRegister } from "./zone.ts";

const TODAY = "2026-11-23";
let t: TestDatabase;
let f: RegisterFixture;
let tierp: RegisterAccess;
let heby: RegisterAccess;

beforeAll(async () => {
  t = await createTestDatabase();
  f = await registerFixture(t.db, "imp");
  tierp = await f.access(f.officers.tierp);
  heby = await f.access(f.officers.heby);
});
afterAll(() => t?.drop());

// every test starts from an empty register (as the database owner: no row-level security)
beforeEach(async () => {
  await t.owner.db.execute(
    sql`truncate register.erasures, register.consents, register.enrollments, register.participants cascade`,
  );
});

type Row = Partial<Record<(typeof IMPORT_COLUMNS)[number], string>>;

function row(over: Row = {}): string {
  const base: Row = {
    deltagar_id: "VX-1",
    personnummer: "19811218-9876",
    samtycke_datum: "2026-02-01",
    kon: "man",
    fodelsear: "1981",
    kommun: "0360",
    utbildning: "gymnasial",
    forsorjning_fore: "a-kassa|försörjningsstöd",
    tid_offentlig_forsorjning: "1–2 år",
    sysselsattning_fore: "arbetslös",
    remittent: "Arbetsförmedlingen",
    startdatum: "2026-02-01",
    handlingsplan_datum: "2026-03-01",
    ...over,
  };
  return IMPORT_COLUMNS.map((c) => base[c] ?? "").join(";");
}

const csv = (...rows: string[]) => ({
  data: new TextEncoder().encode(`\uFEFF${[IMPORT_COLUMNS.join(";"), ...rows].join("\r\n")}\r\n`),
  name: "deltagare.csv",
});

const FIVE = () =>
  csv(
    row(),
    row({
      deltagar_id: "VX-2",
      personnummer: "19640823-3234",
      samtycke_datum: "2026-01-19",
      fodelsear: "",
      startdatum: "2026-01-20",
    }),
    row({
      deltagar_id: "VX-3",
      personnummer: "",
      samtycke_datum: "",
      kon: "kvinna",
      fodelsear: "1998",
      slutdatum: "2026-06-12",
      status_vid_avslut: "studier",
      forsorjning_efter: "studiemedel",
    }),
    row({
      deltagar_id: "VX-4",
      personnummer: "701063-2391",
      samtycke_datum: "2026-03-02",
      kon: "vill ej ange",
      fodelsear: "",
      startdatum: "2026-03-02",
      handlingsplan_datum: "",
    }),
    row({
      deltagar_id: "VX-5",
      personnummer: "",
      samtycke_datum: "",
      kon: "kvinna",
      fodelsear: "2004",
      slutdatum: "2026-10-16",
      status_vid_avslut: "arbete, ej subventionerat",
      studier_vid_avslut: "ja",
      forsorjning_efter: "lön|studiemedel",
    }),
  );

const run = (
  file: { data: Uint8Array; name: string },
  options: ImportOptions = {},
  access: RegisterAccess = tierp,
  initiativeId = f.tierp.initiative,
) =>
  importParticipants(t.db, f.crypto, access.actor, access.scope, initiativeId, file, {
    today: TODAY,
    ...options,
  });

/** Everything the register holds (as the owner), for comparing before and after. */
async function snapshot() {
  return {
    participants: await t.owner.db.select().from(participants).orderBy(participants.id),
    enrollments: await t.owner.db.select().from(enrollments).orderBy(enrollments.id),
    consents: await t.owner.db.select().from(consents).orderBy(consents.id),
    erasures: await t.owner.db.select().from(erasures).orderBy(erasures.id),
  };
}

const enrollmentByKey = async (key: string) => {
  const [e] = await t.owner.db.select().from(enrollments).where(eq(enrollments.externalKey, key));
  return e;
};

describe("importing a file", () => {
  it("imports every row of a valid file, identities encrypted, exits recorded", async () => {
    const result = await run(FIVE());
    expect(result).toMatchObject({
      format: "csv",
      rows: 5,
      created: 5,
      updated: 0,
      unchanged: 0,
      problems: [],
      rowsWithProblems: 0,
      saved: true,
    });
    const s = await snapshot();
    expect(s.participants).toHaveLength(5);
    expect(s.participants.filter((p) => p.anonymous)).toHaveLength(2);
    expect(s.consents.map((c) => c.consentedOn).sort()).toEqual([
      "2026-01-19",
      "2026-02-01",
      "2026-03-02",
    ]);
    expect(s.consents[0]).toMatchObject({ textVersion: "okänd (inläst från fil)" });
    // no number in the clear (the whole number: four digits alone turn up in random ids now and then)
    for (const p of s.participants)
      expect(JSON.stringify(p)).not.toMatch(/8112189876|6408233234|7010632391/);
    const vx2 = await enrollmentByKey("VX-2");
    const p2 = s.participants.find((p) => p.id === vx2?.participantId);
    expect(p2).toMatchObject({ birthYear: 1964, identityKind: "personnummer", gender: "man" });
    expect(p2?.identityLookup).toBe(f.crypto.lookupHash("196408233234"));
    expect(await enrollmentByKey("VX-5")).toMatchObject({
      endDate: "2026-10-16",
      exit: {
        status: "arbete_ej_subventionerat",
        studies: true,
        supportAfter: ["lon", "studiemedel"],
      },
      background: {
        education: "gymnasial",
        supportBefore: ["a_kassa", "forsorjningsstod"],
        timeOnSupport: "1_2_ar",
      },
      municipalityCode: "0360",
    });
    expect(await enrollmentByKey("VX-3")).toMatchObject({
      exit: { status: "studier", studies: true },
    });
  });

  it("imports the documented example file", async () => {
    const file = path.resolve(
      import.meta.dirname,
      "../../docs/formats/participant-import-example.csv",
    );
    const result = await run({ data: new Uint8Array(fs.readFileSync(file)), name: "exempel.csv" });
    expect(result).toMatchObject({ rows: 5, created: 5, problems: [] });
  });

  it("the same file twice changes nothing the second time", async () => {
    await run(FIVE());
    const before = await snapshot();
    const again = await run(FIVE());
    expect(again).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 5,
      problems: [],
      saved: false,
    });
    expect(await snapshot()).toEqual(before);
  });

  it("the same deltagar_id again updates and exits the same enrollment, never a duplicate", async () => {
    await run(FIVE());
    const before = await snapshot();
    const changed = csv(
      row({
        kommun: "0380",
        forsorjning_fore: "försörjningsstöd",
        slutdatum: "2026-09-30",
        status_vid_avslut: "arbete, subventionerat",
        forsorjning_efter: "lön",
      }),
      row({
        deltagar_id: "VX-2",
        personnummer: "19640823-3234",
        samtycke_datum: "2026-01-19",
        fodelsear: "",
        startdatum: "2026-01-20",
      }),
    );
    const result = await run(changed);
    expect(result).toMatchObject({ created: 0, updated: 1, unchanged: 1, problems: [] });
    const after = await snapshot();
    expect(after.participants).toHaveLength(before.participants.length);
    expect(after.enrollments).toHaveLength(before.enrollments.length);
    expect(after.consents).toEqual(before.consents);
    expect(await enrollmentByKey("VX-1")).toMatchObject({
      municipalityCode: "0380",
      background: { supportBefore: ["forsorjningsstod"] },
      endDate: "2026-09-30",
      exit: { status: "arbete_subventionerat", supportAfter: ["lon"] },
      version: 3,
    });
    // and once more: nothing
    expect(await run(changed)).toMatchObject({ updated: 0, unchanged: 2 });
  });
});

describe("problems", () => {
  const withProblems = () =>
    csv(
      row(),
      row({ deltagar_id: "VX-2", kon: "kvina" }),
      row({ deltagar_id: "VX-3", personnummer: "", samtycke_datum: "" }),
      row({ deltagar_id: "VX-4", personnummer: "", samtycke_datum: "", startdatum: "2023-06-01" }),
    );

  it("a dry run writes nothing and lists every problem, including the register's own", async () => {
    const result = await run(withProblems(), { dryRun: true });
    expect(result).toMatchObject({
      dryRun: true,
      rows: 4,
      created: 2,
      saved: false,
      rowsWithProblems: 2,
    });
    expect(result.problems).toEqual([
      { row: 3, column: "kon", message: expect.stringMatching(/^”kvina” är inget tillåtet värde/) },
      {
        row: 5,
        column: "startdatum",
        message: "Startdatumet (2023-06-01) ligger före insatsens start (2024-01-01).",
      },
    ]);
    expect(await snapshot()).toEqual({
      participants: [],
      enrollments: [],
      consents: [],
      erasures: [],
    });
  });

  it("a dry run of a valid file writes nothing either", async () => {
    const result = await run(FIVE(), { dryRun: true });
    expect(result).toMatchObject({ created: 5, problems: [], saved: false });
    expect((await snapshot()).enrollments).toEqual([]);
  });

  it("all-or-nothing leaves the register untouched when any row has a problem", async () => {
    await run(csv(row({ deltagar_id: "VX-9", personnummer: "", samtycke_datum: "" })));
    const before = await snapshot();
    const result = await run(withProblems());
    expect(result).toMatchObject({ mode: "all-or-nothing", saved: false, rowsWithProblems: 2 });
    expect(await snapshot()).toEqual(before);
  });

  it("valid-rows imports only the valid rows", async () => {
    const result = await run(withProblems(), { mode: "valid-rows" });
    expect(result).toMatchObject({ created: 2, saved: true, rowsWithProblems: 2 });
    const keys = (await snapshot()).enrollments.map((e) => e.externalKey).sort();
    expect(keys).toEqual(["VX-1", "VX-3"]);
  });

  it("a failure midway leaves nothing, even in valid-rows mode", async () => {
    const failing = run(FIVE(), {
      mode: "valid-rows",
      onProgress: ({ done }) => {
        if (done === 3) throw new Error("avbruten");
      },
    });
    await expect(failing).rejects.toThrow("avbruten");
    expect(await snapshot()).toEqual({
      participants: [],
      enrollments: [],
      consents: [],
      erasures: [],
    });
  });

  it("reports progress row by row", async () => {
    const seen: string[] = [];
    await run(FIVE(), {
      dryRun: true,
      onProgress: ({ done, total }) => seen.push(`${done}/${total}`),
    });
    expect(seen).toEqual(["1/5", "2/5", "3/5", "4/5", "5/5"]);
  });

  it("the same person twice while enrolled, and another person under a known deltagar_id", async () => {
    await run(csv(row()));
    const result = await run(
      csv(row({ deltagar_id: "VX-2" }), row({ personnummer: "19640823-3234", fodelsear: "" })),
      { mode: "valid-rows" },
    );
    expect(result.problems).toEqual([
      {
        row: 2,
        column: "personnummer",
        message: expect.stringMatching(
          /^Personen är redan inskriven i Tierp, Växtverket sedan 2026-02-01/,
        ),
      },
      {
        row: 3,
        column: "personnummer",
        message:
          "deltagar_id ”VX-1” hör i registret till en annan person än personnumret på raden. Kontrollera deltagar_id och personnummer.",
      },
    ]);
    expect(JSON.stringify(result.problems)).not.toMatch(/9876|3234/);
    expect(result.created + result.updated).toBe(0);
  });

  it("never adds an identity to an anonymous participant, never restores an erased one, never removes an exit", async () => {
    await run(
      csv(
        row({ personnummer: "", samtycke_datum: "" }),
        row({
          deltagar_id: "VX-2",
          personnummer: "19640823-3234",
          fodelsear: "",
          slutdatum: "2026-05-01",
          status_vid_avslut: "flyttat",
        }),
        row({ deltagar_id: "VX-3", personnummer: "701063-2391", fodelsear: "" }),
      ),
    );
    const vx3 = await enrollmentByKey("VX-3");
    const [p3] = await t.owner.db
      .select()
      .from(participants)
      .where(eq(participants.id, vx3?.participantId ?? ""));
    await withdrawConsent(
      t.db,
      tierp.actor,
      tierp.scope,
      {
        enrollmentId: vx3?.id ?? "",
        participantVersion: p3?.version ?? 0,
        withdrawnOn: "2026-04-01",
      },
      TODAY,
    );
    const before = await snapshot();
    const result = await run(
      csv(
        row(),
        row({ deltagar_id: "VX-2", personnummer: "19640823-3234", fodelsear: "" }),
        row({ deltagar_id: "VX-3", personnummer: "701063-2391", fodelsear: "" }),
      ),
      { mode: "valid-rows" },
    );
    expect(result.problems.map((p) => [p.row, p.column])).toEqual([
      [2, "personnummer"],
      [3, "slutdatum"],
    ]);
    expect(result.problems[0]?.message).toMatch(/registrerad anonymt/);
    expect(result.problems[1]?.message).toMatch(
      /redan utskriven i registret \(slutdatum 2026-05-01\)/,
    );
    expect(result).toMatchObject({ unchanged: 1, created: 0, updated: 0 });
    expect(await snapshot()).toEqual(before);
    const [erased] = await t.owner.db
      .select()
      .from(participants)
      .where(eq(participants.id, p3?.id ?? ""));
    expect(erased).toMatchObject({ identityCiphertext: null, identityLookup: null });
  });

  it("a structural initiative, a missing or unknown local unit refuse the whole file", async () => {
    const structural = await run(csv(row()), {}, tierp, f.tierp.structural);
    expect(structural.problems).toEqual([
      { row: null, column: null, message: expect.stringMatching(/strukturinriktad insats/) },
    ]);
    const noUnit = await run(csv(row()), {}, heby, f.heby.units);
    expect(noUnit.problems[0]?.message).toMatch(/flera delområden \(Heby, Östervåla\)/);
    const unknownUnit = await run(csv(row()), { localUnit: "Tärnsjö" }, heby, f.heby.units);
    expect(unknownUnit.problems[0]?.message).toMatch(/”Tärnsjö” finns inte/);
    expect((await snapshot()).enrollments).toEqual([]);
    const withUnit = await run(csv(row()), { localUnit: "östervåla" }, heby, f.heby.units);
    expect(withUnit).toMatchObject({ created: 1, problems: [] });
    expect((await enrollmentByKey("VX-1"))?.localUnitId).not.toBeNull();
  });

  it("a header problem or an unreadable file: nothing is looked at", async () => {
    const bad = {
      data: new TextEncoder().encode(
        `${IMPORT_COLUMNS.join(";").replace("kon", "kön")}\n${row()}\n`,
      ),
      name: "a.csv",
    };
    const result = await run(bad);
    expect(result.problems).toEqual([
      { row: 1, column: "kon", message: "Kolumn D heter ”kön” men ska heta ”kon”." },
    ]);
    expect(result).toMatchObject({ rows: 0, created: 0, rowsWithProblems: 0 });
  });

  it("an initiative outside the caller's scope is not found, and the attempt is logged", async () => {
    const attempt = run(csv(row()), {}, heby, f.tierp.initiative);
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
    const [denied] = await t.owner.db
      .select({ n: count() })
      .from(accessLog)
      .where(eq(accessLog.outcome, "denied"));
    expect(denied?.n).toBeGreaterThan(0);
  });
});

describe("the access log", () => {
  it("an import entry for each row imported; a search for what a dry run compared", async () => {
    await run(FIVE());
    const imported = await t.owner.db
      .select({
        action: accessLog.action,
        participantId: accessLog.participantId,
        fields: accessLog.fields,
      })
      .from(accessLog)
      .where(eq(accessLog.action, "import"));
    // the log is append-only and outlives the other tests' participants: only this test's
    const ours = new Set((await snapshot()).participants.map((p) => p.id));
    const created = imported.filter(
      (e) => e.participantId && ours.has(e.participantId) && e.fields.includes("enrollment"),
    );
    expect(created).toHaveLength(5);
    expect(created.filter((e) => e.fields.includes("identity"))).toHaveLength(3);

    const searchesBefore = await t.owner.db
      .select({ n: count() })
      .from(accessLog)
      .where(eq(accessLog.action, "search"));
    await run(FIVE(), { dryRun: true });
    const searchesAfter = await t.owner.db
      .select({ n: count() })
      .from(accessLog)
      .where(eq(accessLog.action, "search"));
    expect((searchesAfter[0]?.n ?? 0) - (searchesBefore[0]?.n ?? 0)).toBe(5);
  });

  it("a row refused after comparing it with an existing enrollment is logged as a search", async () => {
    await run(csv(row()));
    const vx1 = await enrollmentByKey("VX-1");
    const searches = async () =>
      (
        await t.owner.db
          .select({ n: count() })
          .from(accessLog)
          .where(and(eq(accessLog.action, "search"), eq(accessLog.enrollmentId, vx1?.id ?? "")))
      )[0]?.n ?? 0;
    const result = await run(
      csv(
        row({ personnummer: "19640823-3234", fodelsear: "" }),
        row({ deltagar_id: "VX-2", personnummer: "", samtycke_datum: "" }),
      ),
      { mode: "valid-rows" },
    );
    expect(result).toMatchObject({ created: 1, saved: true, rowsWithProblems: 1 });
    expect(await searches()).toBe(1);
  });
});

describe("a large file", () => {
  const N = 3000;
  const birthOf = (i: number) =>
    new Date(Date.UTC(1970, 0, 1) + i * 86_400_000).toISOString().slice(0, 10).replaceAll("-", "");
  const startOf = (i: number) => `2026-0${1 + (i % 6)}-${String(1 + (i % 28)).padStart(2, "0")}`;
  /** Row i (1…N): every fifth anonymous, two in five exited, the others open; all valid. */
  const large = (over: (i: number) => Row = () => ({})) =>
    csv(
      ...Array.from({ length: N }, (_, k) => {
        const i = k + 1;
        const anonymous = i % 5 === 0;
        const exited = i % 5 === 1 || i % 5 === 2;
        return row({
          deltagar_id: `L-${i}`,
          personnummer: anonymous ? "" : personalNumber(birthOf(i), "450"),
          samtycke_datum: anonymous ? "" : startOf(i),
          fodelsear: anonymous ? "1990" : "",
          kon: i % 2 === 0 ? "kvinna" : "man",
          startdatum: startOf(i),
          handlingsplan_datum: "",
          ...(exited
            ? {
                slutdatum: "2026-10-30",
                status_vid_avslut: i % 5 === 1 ? "arbetssökande" : "studier",
                forsorjning_efter: "studiemedel",
              }
            : {}),
          ...over(i),
        });
      }),
    );
  const ours = async () =>
    (await t.owner.db.select().from(enrollments)).filter((e) => e.externalKey?.startsWith("L-"));
  const logCounts = async () => {
    const rows = await t.owner.db
      .select({ action: accessLog.action, fields: accessLog.fields })
      .from(accessLog)
      .innerJoin(enrollments, eq(enrollments.id, accessLog.enrollmentId))
      .where(sql`${enrollments.externalKey} like 'L-%'`);
    const by = (action: string, field?: string) =>
      rows.filter((r) => r.action === action && (!field || r.fields.includes(field))).length;
    return {
      imports: by("import"),
      importsWithIdentity: by("import", "identity"),
      importsWithExit: by("import", "exit"),
      unchangedImports: rows.filter((r) => r.action === "import" && r.fields.length === 0).length,
      registrations: by("change", "enrollment"),
      exits: by("change", "exit"),
    };
  };

  it("imports every row in batches, with the use cases' access-log entries, and a second time changes nothing", async () => {
    const progress: number[] = [];
    const result = await run(large(), {
      onProgress: ({ done, total }) => {
        expect(total).toBe(N);
        progress.push(done);
      },
    });
    expect(result).toMatchObject({ rows: N, created: N, problems: [], saved: true });
    // reported row by row, in order, up to the last
    expect(progress).toEqual(Array.from({ length: N }, (_, k) => k + 1));

    const stored = await ours();
    expect(stored).toHaveLength(N);
    expect(stored.filter((e) => e.endDate !== null)).toHaveLength((N * 2) / 5);
    // exited at once: as exitEnrollment leaves a new enrollment
    expect(stored.find((e) => e.externalKey === "L-1")).toMatchObject({
      endDate: "2026-10-30",
      exit: { status: "arbetssokande", studies: false, supportAfter: ["studiemedel"] },
      voided: false,
      version: 2,
    });
    expect(stored.find((e) => e.externalKey === "L-3")).toMatchObject({ exit: null, version: 1 });
    const s = await snapshot();
    expect(s.participants).toHaveLength(N);
    expect(s.participants.filter((p) => p.anonymous)).toHaveLength(N / 5);
    expect(s.consents).toHaveLength((N * 4) / 5);
    const vx = s.participants.find(
      (p) => p.id === stored.find((e) => e.externalKey === "L-7")?.participantId,
    );
    expect(vx?.identityLookup).toBe(
      f.crypto.lookupHash(personalNumber(birthOf(7), "450").replace("-", "")),
    );
    expect(vx?.birthYear).toBe(1970);
    expect(await logCounts()).toEqual({
      imports: N,
      importsWithIdentity: (N * 4) / 5,
      importsWithExit: (N * 2) / 5,
      unchangedImports: 0,
      registrations: N,
      exits: (N * 2) / 5,
    });

    const again = await run(large());
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: N, problems: [] });
    expect(await snapshot()).toEqual(s);
    expect((await logCounts()).unchangedImports).toBe(N);
  });

  it("a refused row in the middle: all-or-nothing writes nothing, valid-rows keeps the others", async () => {
    // row 1502 (L-1501) starts before the initiative; L-1601 repeats L-1598's person while
    // L-1598 is open — both only the register can tell
    const refused = () =>
      large((i) =>
        i === 1501
          ? { startdatum: "2023-12-01", samtycke_datum: "2023-12-01" }
          : i === 1601
            ? {
                personnummer: personalNumber(birthOf(1598), "450"),
                fodelsear: "",
                samtycke_datum: "2026-02-02",
                startdatum: "2026-02-02",
                slutdatum: "",
                status_vid_avslut: "",
                forsorjning_efter: "",
              }
            : {},
      );
    const searchesBefore = await t.owner.db
      .select({ n: count() })
      .from(accessLog)
      .where(eq(accessLog.action, "search"));
    const nothing = await run(refused());
    expect(nothing).toMatchObject({ created: N - 2, saved: false, rowsWithProblems: 2 });
    expect(nothing.problems).toEqual([
      {
        row: 1502,
        column: "startdatum",
        message: "Startdatumet (2023-12-01) ligger före insatsens start (2024-01-01).",
      },
      {
        row: 1602,
        column: "personnummer",
        message: `Personen är redan inskriven i Tierp, Växtverket sedan ${startOf(1598)} (deltagar_id ”L-1598”) och är inte utskriven. Skriv ut hen från den inskrivningen (slutdatum och status vid avslut) innan en ny inskrivning görs, eller fortsätt i den inskrivningen i stället.`,
      },
    ]);
    expect(await snapshot()).toEqual({
      participants: [],
      enrollments: [],
      consents: [],
      erasures: [],
    });
    // nothing existed to compare with: no searches either
    const searchesAfter = await t.owner.db
      .select({ n: count() })
      .from(accessLog)
      .where(eq(accessLog.action, "search"));
    expect(searchesAfter[0]?.n).toBe(searchesBefore[0]?.n);

    const kept = await run(refused(), { mode: "valid-rows" });
    expect(kept).toMatchObject({ created: N - 2, saved: true, rowsWithProblems: 2 });
    const keys = new Set((await ours()).map((e) => e.externalKey));
    expect(keys.size).toBe(N - 2);
    expect(keys.has("L-1501") || keys.has("L-1601")).toBe(false);
    expect(keys.has("L-1500") && keys.has("L-1502") && keys.has("L-1598")).toBe(true);
    expect((await snapshot()).participants).toHaveLength(N - 2);
  });
});

describe("the same person twice in a file", () => {
  const twice = (first: Row) =>
    csv(
      row({ deltagar_id: "A-1", ...first }),
      row({
        deltagar_id: "A-2",
        samtycke_datum: "2026-10-01",
        startdatum: "2026-10-01",
        handlingsplan_datum: "",
      }),
    );

  it("refuses the second enrollment while the first is open, on personnummer, saying what to do", async () => {
    const result = await run(twice({}), { mode: "valid-rows" });
    expect(result).toMatchObject({ created: 1, rowsWithProblems: 1 });
    expect(result.problems).toEqual([
      {
        row: 3,
        column: "personnummer",
        message:
          "Personen är redan inskriven i Tierp, Växtverket sedan 2026-02-01 (deltagar_id ”A-1”) och är inte utskriven. Skriv ut hen från den inskrivningen (slutdatum och status vid avslut) innan en ny inskrivning görs, eller fortsätt i den inskrivningen i stället.",
      },
    ]);
    expect(JSON.stringify(result.problems)).not.toMatch(/9876/);
  });

  it("enrolls the person again after the first enrollment's exit: one participant, two enrollments", async () => {
    const result = await run(
      twice({
        slutdatum: "2026-06-30",
        status_vid_avslut: "avbrutit",
        forsorjning_efter: "a-kassa",
      }),
    );
    expect(result).toMatchObject({ created: 2, problems: [] });
    const s = await snapshot();
    expect(s.participants).toHaveLength(1);
    expect(s.enrollments.map((e) => e.participantId)).toEqual([
      s.participants[0]?.id,
      s.participants[0]?.id,
    ]);
    expect(s.consents).toHaveLength(2);
    // the second row found the person again: its entries name the identity it matched
    const entries = await t.owner.db
      .select({ action: accessLog.action, fields: accessLog.fields })
      .from(accessLog)
      .where(eq(accessLog.enrollmentId, (await enrollmentByKey("A-2"))?.id ?? ""))
      .orderBy(accessLog.id);
    expect(entries).toEqual([
      {
        action: "change",
        fields: [
          "enrollment",
          "startDate",
          "background",
          "gender",
          "birthYear",
          "consent",
          "municipalityCode",
          "externalKey",
        ],
      },
      {
        action: "import",
        fields: [
          "enrollment",
          "externalKey",
          "gender",
          "birthYear",
          "background",
          "identity",
          "consent",
        ],
      },
    ]);
  });

  it("follows the file's order when a row that changes an enrollment comes between", async () => {
    const B = { personnummer: "19640823-3234", fodelsear: "" };
    await run(csv(row({ deltagar_id: "A-1" }), row({ deltagar_id: "B-1", ...B })));
    const exit = (key: string, over: Row = {}) =>
      row({
        deltagar_id: key,
        ...over,
        slutdatum: "2026-06-30",
        status_vid_avslut: "avbrutit",
        forsorjning_efter: "a-kassa",
      });
    const again = (key: string, over: Row = {}) =>
      row({
        deltagar_id: key,
        ...over,
        samtycke_datum: "2026-10-01",
        startdatum: "2026-10-01",
        handlingsplan_datum: "",
      });
    // A: the new enrollment before the exit — the person is still enrolled when it comes;
    // B: the exit first — then enrolled again
    const result = await run(csv(again("A-2"), exit("A-1"), exit("B-1", B), again("B-2", B)), {
      mode: "valid-rows",
    });
    expect(result).toMatchObject({ created: 1, updated: 2 });
    expect(result.problems.map((p) => [p.row, p.column])).toEqual([[2, "personnummer"]]);
    expect((await snapshot()).enrollments.map((e) => e.externalKey).sort()).toEqual([
      "A-1",
      "B-1",
      "B-2",
    ]);
  });
});

describe("someone else registers a person of the file meanwhile", () => {
  it("the batch goes row by row, and that row gets the use case's own answer", async () => {
    const other = personalNumber("19880808", "450");
    const file = csv(
      row(),
      row({
        deltagar_id: "VX-2",
        personnummer: other,
        fodelsear: "",
        samtycke_datum: "2026-03-01",
        startdatum: "2026-03-01",
        handlingsplan_datum: "",
      }),
      row({ deltagar_id: "VX-3", personnummer: "", samtycke_datum: "", fodelsear: "1999" }),
    );
    // another officer registers the same person, and has not committed when the import looks
    let commit = () => {};
    const committed = new Promise<void>((resolve) => {
      commit = resolve;
    });
    let registered = () => {};
    const isRegistered = new Promise<void>((resolve) => {
      registered = resolve;
    });
    const elsewhere = inRegister(t.db, tierp.scope, async (tx) => {
      await registerParticipant(
        tx as unknown as Db,
        f.crypto,
        tierp.actor,
        tierp.scope,
        {
          initiativeId: f.tierp.initiative,
          personalNumber: other,
          consent: { consentedOn: "2026-02-01", textVersion: "2026:1", language: "svenska" },
          gender: "kvinna",
          birthYear: null,
          startDate: "2026-02-01",
          externalKey: "ELSEWHERE-1",
        },
        TODAY,
      );
      registered();
      await committed;
    });
    await isRegistered;
    const importing = run(file, { mode: "valid-rows" });
    // the import's insert waits for the other transaction's row with the same number
    // (up to 20 seconds: the import reads and checks the file first, slowly on a busy machine)
    for (const until = Date.now() + 20_000; ; ) {
      const [waiting] = await t.owner.db
        .select({ n: count() })
        .from(sql`pg_stat_activity`)
        .where(sql`wait_event_type = 'Lock' and datname = current_database()`);
      if ((waiting?.n ?? 0) > 0) break;
      if (Date.now() > until) throw new Error("the import never waited for the other registration");
      await new Promise((r) => setTimeout(r, 25));
    }
    commit();
    await elsewhere;
    const result = await importing;
    expect(result).toMatchObject({ created: 2, rowsWithProblems: 1 });
    expect(result.problems).toEqual([
      {
        row: 3,
        column: "personnummer",
        message: expect.stringMatching(
          /^Personen är redan inskriven i Tierp, Växtverket sedan 2026-02-01 \(deltagar_id ”ELSEWHERE-1”\)/,
        ),
      },
    ]);
    const keys = (await snapshot()).enrollments.map((e) => e.externalKey).sort();
    expect(keys).toEqual(["ELSEWHERE-1", "VX-1", "VX-3"]);
  });
});
