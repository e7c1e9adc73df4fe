// The evaluator export on a real database with identities planted in the register (personnummer,
// names, the initiative's own participant keys): the file carries none of them, nor a participant
// or enrollment id or anything the register derives from an identity; its pseudonyms hold within
// one export and differ in the next; the export is written to the access log.
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { NotFoundError } from "../platform/errors.ts";
import { accessLog, enrollments, participants } from "../register/schema.ts";
import { birthYearBand, evaluatorExport, FIXED_COLUMNS, pseudonymOf } from "./evaluator-export.ts";
import {
  externalKeyOf,
  FIXTURE_TODAY,
  type ProgressionFixture,
  progressionFixture,
} from "./results-fixture.ts";

let t: TestDatabase;
let p: ProgressionFixture;

beforeAll(async () => {
  t = await createTestDatabase();
  p = await progressionFixture(t.db, t.owner.db);
});
afterAll(() => t?.drop());

const parse = (csv: string) =>
  csv
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n")
    .map((line) => line.split(";"));

describe("the evaluator export", () => {
  it("is UTF-8 with a BOM, semicolon-separated, with the documented columns", async () => {
    const access = await p.f.access(p.f.officers.tierp);
    const result = await evaluatorExport(t.db, access, p.a, FIXTURE_TODAY);
    expect(result.csv.startsWith("\uFEFFpseudonym;grupp;kon;")).toBe(true);
    expect(result.fileName).toBe("utvardering-progression-2026-11-23.csv");
    const [header, ...rows] = parse(result.csv);
    expect(header).toEqual([
      ...FIXED_COLUMNS,
      "svar.framtidstro.a",
      "svar.framtidstro.b",
      "svar.framtidstro.c",
      "poang.framtidstro.total",
      "poang.framtidstro.delskala.s1",
      "poang.framtidstro.fraga.a",
      "poang.framtidstro.fraga.b",
      "poang.framtidstro.fraga.c",
    ]);
    // a: 13 measurements of 6 people and 2 of the one that ended in 2025 (the voided
    // enrollment's are left out)
    // and 5 of the comparison group
    const participantRows = rows.filter((r) => r[1] === "deltagare");
    const comparisonRows = rows.filter((r) => r[1] === "jamforelse");
    expect(participantRows).toHaveLength(15);
    expect(comparisonRows).toHaveLength(5);
    expect(result.rows).toBe(20);
    // W1's zero-point: answers 2, 4, 3; b reversed to 2; s1 2; total 2,33
    const w1 = participantRows.find((r) => r[10] === "2026-02-01" && r[3] === "1990-1994");
    expect(w1?.slice(2, 12)).toEqual([
      "kvinna",
      "1990-1994",
      "2026-01",
      "",
      "",
      "framtidstro",
      "1",
      "nollpunkt",
      "2026-02-01",
      "samtal",
    ]);
    expect(w1?.slice(12)).toEqual(["2", "4", "3", "2,33", "2", "2", "2", "3"]);
    // the enrollment that ended: its end month and exit status code
    const ended = participantRows.find((r) => r[10] === "2025-01-20");
    expect(ended?.slice(4, 7)).toEqual(["2025-01", "2025-06", "arbetssokande"]);
    // an unanswered item is empty
    const w2 = participantRows.find((r) => r[10] === "2026-06-01");
    expect(w2?.slice(12, 15)).toEqual(["3", "2", ""]);
    expect(comparisonRows.every((r) => r[3] === "" && r[4] === "" && r[11] === "")).toBe(true);
  });

  it("contains no personnummer, name, participant or enrollment id, register key or respondent code", async () => {
    const access = await p.f.access(p.f.officers.tierp);
    const { csv } = await evaluatorExport(t.db, access, p.a, FIXTURE_TODAY);
    const stored = await t.owner.db.select().from(participants);
    const enrolled = await t.owner.db.select().from(enrollments);
    expect(stored.some((s) => s.identityCiphertext !== null)).toBe(true);
    const forbidden = [
      ...p.identities.flatMap(({ number, name }) => [
        number,
        number.replace("-", ""),
        number.slice(2),
        number.slice(2).replace("-", ""),
        name,
        name.split(" ")[1] as string,
      ]),
      ...p.participantIds,
      ...p.enrollmentIds,
      ...stored.flatMap((s) => [s.identityCiphertext, s.identityLookup, s.nameCiphertext]),
      ...enrolled.map((e) => e.externalKey),
      externalKeyOf(0),
      "SAMSPAR-DELTAGARE",
      "J-1",
      "J-2",
    ].filter((v): v is string => typeof v === "string" && v !== "");
    for (const value of forbidden)
      expect({ value, found: csv.includes(value) }).toEqual({
        value,
        found: false,
      });
    // no uuid at all
    expect(csv).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/i);
  });

  it("keeps a pseudonym stable within an export and changes it in the next", async () => {
    const access = await p.f.access(p.f.officers.tierp);
    const first = parse((await evaluatorExport(t.db, access, p.a, FIXTURE_TODAY)).csv).slice(1);
    const second = parse((await evaluatorExport(t.db, access, p.a, FIXTURE_TODAY)).csv).slice(1);
    const people = (rows: string[][]) =>
      new Set(rows.filter((r) => r[1] === "deltagare").map((r) => r[0]));
    // 7 people in a (the voided enrollment's person is left out); 3 codes in the comparison group
    expect(people(first).size).toBe(7);
    expect(new Set(first.filter((r) => r[1] === "jamforelse").map((r) => r[0])).size).toBe(3);
    // W1's three measurements share one pseudonym
    const w1 = first.filter((r) => r[2] === "kvinna" && r[3] === "1990-1994");
    expect(w1).toHaveLength(3);
    expect(new Set(w1.map((r) => r[0])).size).toBe(1);
    for (const r of first) expect(r[0]).toMatch(/^[A-Z2-7]{10}$/);
    const overlap = [...people(first)].filter((x) => people(second).has(x));
    expect(overlap).toEqual([]);
    // the pseudonym is the HMAC of the id under the export's key
    const key = new Uint8Array(32).fill(7);
    const keyed = parse(
      (await evaluatorExport(t.db, access, p.a, FIXTURE_TODAY, { key })).csv,
    ).slice(1);
    const expected = new Set(p.participantIds.map((id) => pseudonymOf(key, `deltagare:${id}`)));
    for (const r of keyed.filter((x) => x[1] === "deltagare"))
      expect(expected.has(r[0] as string)).toBe(true);
  });

  it("writes an export entry to the access log for every participant, and stays in the officer's scope", async () => {
    const before = await t.owner.db
      .select()
      .from(accessLog)
      .where(eq(accessLog.action, "export"))
      .orderBy(asc(accessLog.id));
    const access = await p.f.access(p.f.officers.tierp);
    await evaluatorExport(t.db, access, p.a, FIXTURE_TODAY);
    const after = await t.owner.db
      .select()
      .from(accessLog)
      .where(eq(accessLog.action, "export"))
      .orderBy(asc(accessLog.id));
    const added = after.slice(before.length);
    expect(added.filter((e) => e.participantId !== null)).toHaveLength(7);
    expect(added.filter((e) => e.participantId === null).map((e) => e.fields)).toEqual([
      ["jamforelsegrupp"],
    ]);
    expect(added.every((e) => e.actorName === "Anna Andersson")).toBe(true);
    const heby = await p.f.access(p.f.officers.heby);
    const refused = await evaluatorExport(t.db, heby, p.a, FIXTURE_TODAY).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(NotFoundError);
  });

  it("bands birth years by five", () => {
    expect(birthYearBand(1990)).toBe("1990-1994");
    expect(birthYearBand(1994)).toBe("1990-1994");
    expect(birthYearBand(2001)).toBe("2000-2004");
    expect(birthYearBand(null)).toBe("");
  });
});
