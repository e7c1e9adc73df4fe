// Measurements on a real database, in the register zone: a baseline and a follow-up entered and
// scored, the coach's due list, every refusal in Swedish with nothing written (counted as the
// owner), corrections and removals with the access log, row-level security between
// initiatives, and the association zone's role that cannot read register.measurements at all.
import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { ConflictError, NotFoundError, ValidationError } from "../platform/errors.ts";
import { exitEnrollment, registerParticipant } from "../register/participants.ts";
import {
  personalNumber,
  type RegisterFixture,
  registerFixture,
} from "../register/register-fixture.ts";
import { accessLog } from "../register/schema.ts";
import type { RegisterAccess } from "../register/scope.ts";
import { inAssociationZone } from "../register/zone.ts";
import { addTestInstrument } from "./measure-fixture.ts";
import {
  correctMeasurement,
  listDue,
  listMeasurements,
  type MeasurementInput,
  recordMeasurement,
  removeMeasurement,
} from "./measurements.ts";
import { savePlan } from "./plans.ts";
import { measurements } from "./schema.ts";

const TODAY = "2026-11-23";
let t: TestDatabase;
let f: RegisterFixture;
let tierp: RegisterAccess;
let tierpSecond: RegisterAccess;
const v: Record<string, string> = {};
const e: Record<string, string> = {};
const admin = { userId: null, label: "eva@example.se", name: "Eva Ek" };

beforeAll(async () => {
  t = await createTestDatabase();
  f = await registerFixture(t.db, "matn");
  tierp = await f.access(f.officers.tierp);
  tierpSecond = await f.access(f.officers.tierpSecond);
  v.own = (await addTestInstrument(t.db, f.associationId, "egen")).versionId;
  v.other = (await addTestInstrument(t.db, f.associationId, "annan")).versionId;
  await savePlan(
    t.db,
    admin,
    f.associationId,
    f.tierp.initiative,
    {
      instrumentVersionIds: [v.own ?? ""],
      intervalMonths: 3,
      atExit: true,
      graceDays: 14,
      targetPercent: 80,
      comparisonGroup: false,
    },
    null,
  );
  const enroll = async (startDate: string, serial: string, initiativeId = f.tierp.initiative) =>
    (
      await registerParticipant(
        t.db,
        f.crypto,
        (initiativeId === f.tierp.initiative ? tierp : tierpSecond).actor,
        (initiativeId === f.tierp.initiative ? tierp : tierpSecond).scope,
        {
          initiativeId,
          personalNumber: personalNumber("19900315", serial),
          consent: { consentedOn: startDate, textVersion: "2026:1", language: "svenska" },
          gender: "kvinna",
          birthYear: 1990,
          startDate,
          background: {
            education: "gymnasial",
            supportBefore: ["a_kassa"],
            timeOnSupport: "1_2_ar",
            occupationBefore: "arbetslos",
            referrer: "kommun",
          },
          municipalityCode: "0360",
        },
        TODAY,
      )
    ).enrollmentId;
  e.lisa = await enroll("2026-03-02", "238");
  e.omar = await enroll("2026-09-01", "246");
  e.ended = await enroll("2026-01-15", "253");
  e.elsewhere = await enroll("2026-02-01", "261", f.tierp.second);
});
afterAll(() => t?.drop());

const input = (over: Partial<MeasurementInput> = {}): MeasurementInput => ({
  enrollmentId: e.lisa ?? "",
  instrumentVersionId: v.own ?? "",
  occasion: "nollpunkt",
  measuredOn: "2026-03-02",
  mode: "samtal",
  answers: { halsa: 4, rutiner: 3, oro: 8 },
  ...over,
});

async function refusal(run: () => Promise<unknown>): Promise<Record<string, string>> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ValidationError) return error.fields;
    throw error;
  }
  throw new Error("expected a ValidationError");
}

/** The rows of register.measurements and of the access log, as the owner sees them. */
async function rows() {
  const n = async (table: typeof measurements | typeof accessLog) =>
    (await t.owner.db.select({ n: count() }).from(table))[0]?.n ?? 0;
  return { measurements: await n(measurements), log: await n(accessLog) };
}

describe("entering measurements", () => {
  it("records a baseline and a follow-up, scored, with the change from the baseline", async () => {
    await recordMeasurement(t.db, tierp, input(), TODAY);
    await recordMeasurement(
      t.db,
      tierp,
      input({
        occasion: "uppfoljning",
        measuredOn: "2026-06-10",
        answers: { halsa: 6, rutiner: null, oro: 5 },
      }),
      TODAY,
    );
    const read = await listMeasurements(t.db, f.crypto, tierp, e.lisa ?? "", TODAY);
    expect(read.enrollment.identity).toBe("19900315-XXXX");
    expect(read.measurements.map((m) => [m.occasion, m.measuredOn, m.scores.total])).toEqual([
      // (4 + 3 + (11 − 8)) / 3 = 3.33; then (6 + (11 − 5)) / 2 = 6
      ["nollpunkt", "2026-03-02", 3.33],
      ["uppfoljning", "2026-06-10", 6],
    ]);
    const change = read.measurements[1]?.change;
    expect(change?.total).toBe(2.67);
    // mående: halsa and reversed oro: (4 + 3) / 2 = 3.5 → (6 + 6) / 2 = 6
    expect(change?.["delskala:mående"]).toBe(2.5);
    expect(change?.["delskala:vardag"]).toBeNull();
    expect(change?.["fraga:oro"]).toBe(3);
    // the follow-up due on 2 June is done; the next ones are overdue or coming
    expect(read.due.map((d) => [d.occasion, d.number, d.dueOn, d.status])).toEqual([
      ["nollpunkt", 0, "2026-03-02", "klar"],
      ["uppfoljning", 1, "2026-06-02", "klar"],
      ["uppfoljning", 2, "2026-09-02", "forsenad"],
      ["uppfoljning", 3, "2026-12-02", "kommande"],
    ]);
    const log = await t.owner.db
      .select({ action: accessLog.action, fields: accessLog.fields })
      .from(accessLog)
      .where(eq(accessLog.enrollmentId, e.lisa ?? ""));
    expect(
      log.filter((l) => l.action === "change" && l.fields.includes("measurements")),
    ).toHaveLength(2);
    expect(log.at(-1)).toEqual({ action: "read", fields: ["identity.masked", "measurements"] });
  });

  it("refuses each bad measurement with a Swedish message and writes nothing", async () => {
    const before = await rows();
    const cases: Array<[Partial<MeasurementInput>, string, string]> = [
      [
        {
          occasion: "uppfoljning",
          measuredOn: "2026-07-01",
          answers: { halsa: 4, rutiner: 11, oro: 2 },
        },
        "answers.rutiner",
        "Fråga 2: svaret ska vara ett heltal från 1 till 10, inte 11.",
      ],
      [
        { occasion: "uppfoljning", measuredOn: "2026-03-01" },
        "measuredOn",
        "Mätdatumet (2026-03-01) ligger före deltagarens startdatum (2026-03-02).",
      ],
      [
        { occasion: "uppfoljning", measuredOn: "2026-11-24" },
        "measuredOn",
        "Mätdatumet (2026-11-24) ligger i framtiden. Dagens datum är 2026-11-23.",
      ],
      [
        { occasion: "nollpunkt", measuredOn: "2026-03-03" },
        "occasion",
        "Deltagaren har redan en nollpunkt med Testskattning egen (2026-03-02). Rätta den i stället för att registrera en ny.",
      ],
      [
        { occasion: "uppfoljning", measuredOn: "2026-02-30" },
        "measuredOn",
        "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-02.",
      ],
      [
        { instrumentVersionId: v.other ?? "" },
        "instrumentVersionId",
        "Instrumentet ingår inte i insatsens mätplan. Välj ett av: Testskattning egen (version 1).",
      ],
      [
        { occasion: "avslut", measuredOn: "2026-11-01" },
        "occasion",
        "Avslutsmätningen görs när deltagaren har avslutat insatsen: registrera utskrivningen först, eller registrera mätningen som en uppföljning.",
      ],
      [
        { mode: "telefon" },
        "mode",
        "Välj hur svaren kom in: i ett samtal, på en pappersblankett eller av deltagaren själv.",
      ],
    ];
    for (const [over, field, message] of cases)
      expect((await refusal(() => recordMeasurement(t.db, tierp, input(over), TODAY)))[field]).toBe(
        message,
      );
    // a follow-up before the baseline, on a participant whose baseline is later than the start
    await recordMeasurement(
      t.db,
      tierp,
      input({ enrollmentId: e.omar ?? "", measuredOn: "2026-09-15" }),
      TODAY,
    );
    const afterOmar = await rows();
    expect(
      await refusal(() =>
        recordMeasurement(
          t.db,
          tierp,
          input({ enrollmentId: e.omar ?? "", occasion: "uppfoljning", measuredOn: "2026-09-10" }),
          TODAY,
        ),
      ),
    ).toEqual({ measuredOn: "Uppföljningen kan inte vara före nollpunkten (2026-09-15)." });
    // no baseline at all
    expect(
      (
        await refusal(() =>
          recordMeasurement(
            t.db,
            tierp,
            input({
              enrollmentId: e.ended ?? "",
              occasion: "uppfoljning",
              measuredOn: "2026-05-01",
            }),
            TODAY,
          ),
        )
      ).occasion,
    ).toMatch(/^Registrera nollpunkten med Testskattning egen först/);
    // nothing written by any refusal (the one accepted baseline wrote one row and one log entry)
    expect(afterOmar).toEqual({ measurements: before.measurements + 1, log: before.log + 1 });
    expect(await rows()).toEqual(afterOmar);
  });

  it("takes the exit measurement within the last 30 days of an ended enrollment", async () => {
    await recordMeasurement(
      t.db,
      tierp,
      input({ enrollmentId: e.ended ?? "", measuredOn: "2026-01-20" }),
      TODAY,
    );
    const [enrollment] = await t.owner.db
      .execute<{ version: number }>(
        sql`select version from register.enrollments where id = ${e.ended}`,
      )
      .then((r) => r.rows);
    await exitEnrollment(
      t.db,
      tierp.actor,
      tierp.scope,
      e.ended ?? "",
      enrollment?.version ?? 0,
      { endDate: "2026-10-30", status: "studier", supportAfter: ["ingen"] },
      TODAY,
    );
    expect(
      (
        await refusal(() =>
          recordMeasurement(
            t.db,
            tierp,
            input({ enrollmentId: e.ended ?? "", occasion: "avslut", measuredOn: "2026-09-29" }),
            TODAY,
          ),
        )
      ).measuredOn,
    ).toBe(
      "Avslutsmätningen ska göras nära slutdatumet (2026-10-30): tidigast 2026-09-30. En tidigare mätning är en uppföljning.",
    );
    expect(
      (
        await refusal(() =>
          recordMeasurement(
            t.db,
            tierp,
            input({ enrollmentId: e.ended ?? "", occasion: "avslut", measuredOn: "2026-10-31" }),
            TODAY,
          ),
        )
      ).measuredOn,
    ).toBe("Mätdatumet (2026-10-31) ligger efter deltagarens slutdatum (2026-10-30).");
    await recordMeasurement(
      t.db,
      tierp,
      input({ enrollmentId: e.ended ?? "", occasion: "avslut", measuredOn: "2026-10-30" }),
      TODAY,
    );
    const read = await listMeasurements(t.db, f.crypto, tierp, e.ended ?? "", TODAY);
    expect(read.due.filter((d) => d.occasion === "avslut")).toMatchObject([
      { dueOn: "2026-10-30", status: "klar" },
    ]);
  });
});

describe("the coach's due list", () => {
  it("lists what is due in the coach's initiatives, overdue first, masked", async () => {
    const due = await listDue(t.db, f.crypto, tierp, TODAY);
    expect(due.length).toBeGreaterThan(0);
    expect(due.every((d) => d.initiativeId === f.tierp.initiative)).toBe(true);
    expect(due.map((d) => d.status)).toEqual(
      [...due.map((d) => d.status)].sort(
        (a, b) =>
          ["forsenad", "att_gora", "kommande"].indexOf(a) -
          ["forsenad", "att_gora", "kommande"].indexOf(b),
      ),
    );
    const lisa = due.filter((d) => d.enrollmentId === e.lisa);
    expect(lisa.map((d) => [d.occasion, d.number, d.status])).toEqual([
      ["uppfoljning", 2, "forsenad"],
      ["uppfoljning", 3, "kommande"],
    ]);
    expect(lisa[0]?.identity).toBe("19900315-XXXX");
    // the other initiative has no plan; its officer sees nothing, and nothing of Tierp
    expect(await listDue(t.db, f.crypto, tierpSecond, TODAY)).toEqual([]);
  });
});

describe("corrections and removals", () => {
  it("corrects a follow-up under the same rules and refuses a stale version", async () => {
    const read = await listMeasurements(t.db, f.crypto, tierp, e.lisa ?? "", TODAY);
    const follow = read.measurements.find((m) => m.occasion === "uppfoljning");
    if (!follow) throw new Error("no follow-up");
    const change = {
      occasion: "uppfoljning",
      measuredOn: "2026-06-11",
      mode: "papper",
      answers: { halsa: 7, rutiner: 5, oro: 5 },
    };
    expect(
      await refusal(() =>
        correctMeasurement(
          t.db,
          tierp,
          follow.id,
          follow.version,
          { ...change, measuredOn: "2026-03-01" },
          TODAY,
        ),
      ),
    ).toEqual({
      measuredOn: "Mätdatumet (2026-03-01) ligger före deltagarens startdatum (2026-03-02).",
    });
    expect(await correctMeasurement(t.db, tierp, follow.id, follow.version, change, TODAY)).toEqual(
      { version: 2 },
    );
    await expect(
      correctMeasurement(t.db, tierp, follow.id, follow.version, change, TODAY),
    ).rejects.toBeInstanceOf(ConflictError);
    const after = await listMeasurements(t.db, f.crypto, tierp, e.lisa ?? "", TODAY);
    expect(after.measurements.find((m) => m.id === follow.id)).toMatchObject({
      measuredOn: "2026-06-11",
      mode: "papper",
      answers: { halsa: 7, rutiner: 5, oro: 5 },
    });
  });

  it("refuses to remove a baseline that later measurements use, then removes with a reason", async () => {
    const read = await listMeasurements(t.db, f.crypto, tierp, e.lisa ?? "", TODAY);
    const zero = read.measurements.find((m) => m.occasion === "nollpunkt");
    const follow = read.measurements.find((m) => m.occasion === "uppfoljning");
    if (!zero || !follow) throw new Error("no measurements");
    expect(
      (await refusal(() => removeMeasurement(t.db, tierp, zero.id, zero.version, "dubblett")))
        .reason,
    ).toMatch(/Nollpunkten kan inte tas bort medan 1 senare mätningar/);
    expect(
      (await refusal(() => removeMeasurement(t.db, tierp, follow.id, follow.version, ""))).reason,
    ).toMatch(/^Välj varför mätningen tas bort/);
    await removeMeasurement(t.db, tierp, follow.id, follow.version, "dubblett");
    const [entry] = await t.owner.db
      .select({ fields: accessLog.fields })
      .from(accessLog)
      .where(eq(accessLog.enrollmentId, e.lisa ?? ""))
      .orderBy(sql`${accessLog.id} desc`)
      .limit(1);
    expect(entry?.fields).toEqual(["measurements", "felregistrering:dubblett"]);
    const after = await listMeasurements(t.db, f.crypto, tierp, e.lisa ?? "", TODAY);
    expect(after.measurements.map((m) => m.occasion)).toEqual(["nollpunkt"]);
  });
});

describe("the register's walls", () => {
  it("hides another initiative's enrollment and logs the attempt as denied", async () => {
    await expect(
      listMeasurements(t.db, f.crypto, tierp, e.elsewhere ?? "", TODAY),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      recordMeasurement(t.db, tierp, input({ enrollmentId: e.elsewhere ?? "" }), TODAY),
    ).rejects.toBeInstanceOf(NotFoundError);
    const denied = await t.owner.db
      .select({ action: accessLog.action })
      .from(accessLog)
      .where(eq(accessLog.outcome, "denied"));
    expect(denied.map((d) => d.action)).toEqual(expect.arrayContaining(["read", "change"]));
  });

  it("is out of reach of the association zone's role", async () => {
    const error = await inAssociationZone(t.db, (tx) => tx.select().from(measurements)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(String((error as { cause?: unknown })?.cause ?? error)).toMatch(/permission denied/);
  });
});
