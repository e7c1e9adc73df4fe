// The association's money through the API, against a real database: a year's funds saved at
// the version read and refused field by field; the normal band; the year's money as numbers
// (the same as the workbook and the national figures); an initiative's money with the office's
// prognosis override; returned funds; and who may read (finance.view / requisition.view on the
// initiative) and who may change (finance.manage, scope write).
import { randomUUID } from "node:crypto";
import { Workbook } from "@cj-tech-master/excelts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { todayInSweden } from "../applications/workflow.ts";
import { createAssociation } from "../associations/create-association.ts";
import {
  moneyAssociation,
  moneyInitiative,
  writeBudget,
  writeRequisition,
} from "../finance/finance-test-fixtures.ts";
import { addUser } from "../people/add-user.ts";
import { assignRole } from "../people/assign-role.ts";
import { createApiToken } from "../people/create-api-token.ts";
import type { Role } from "../people/roles.ts";
import { type ApiApp, apiCalls, createApiTestApp } from "./api-test-client.ts";
import { buildOpenApiDocument } from "./app.ts";

const cli = { userId: null, label: "cli" };
let t: TestDatabase;
let app: ApiApp;
const year = Number(todayInSweden().slice(0, 4));
const lastYear = year - 1;
const ids = { led: "", other: "", foreign: "" };
let orgs: Awaited<ReturnType<typeof moneyAssociation>>["orgs"];
const tokens = {
  adminWrite: "",
  adminRead: "",
  board: "",
  lead: "",
  steering: "",
  otherLead: "",
  coach: "",
  foreignAdmin: "",
};
const A = "/associations/pengar";

const { call, post, put, fieldsOf } = apiCalls(() => app);

beforeAll(async () => {
  t = await createTestDatabase();
  ({ app } = createApiTestApp(t));
  const made = await moneyAssociation(t.db, "pengar");
  orgs = made.orgs;
  const associationId = made.associationId;
  const other = await createAssociation(t.db, cli, { slug: "annat", name: "Annat" });
  ids.led = await moneyInitiative(t.db, associationId, orgs.tierp, orgs.fk, "Tierp, Växtverket", {
    startDate: `${lastYear}-01-01`,
    endDate: `${year + 1}-12-31`,
  });
  ids.other = await moneyInitiative(t.db, associationId, orgs.heby, orgs.fk, "Heby, IPS", {
    startDate: `${lastYear}-01-01`,
    endDate: `${year + 1}-12-31`,
  });
  const foreignOrgs = await moneyAssociation(t.db, "tredje");
  ids.foreign = await moneyInitiative(
    t.db,
    foreignOrgs.associationId,
    foreignOrgs.orgs.tierp,
    foreignOrgs.orgs.fk,
    "Främmande",
  );
  // last year: all four quarters budgeted 100 000; K1 and K2 approved
  await writeBudget(t.db, associationId, ids.led, {
    [`${lastYear}-K1`]: [{ amount: 100_000 }],
    [`${lastYear}-K2`]: [{ amount: 100_000 }],
    [`${lastYear}-K3`]: [{ amount: 100_000 }],
    [`${lastYear}-K4`]: [{ amount: 100_000 }],
  });
  await writeRequisition(t.db, associationId, ids.led, `${lastYear}-K1`, "godkand", [
    { amount: 90_000 },
  ]);
  await writeRequisition(t.db, associationId, ids.led, `${lastYear}-K2`, "godkand", [
    { amount: 95_000 },
  ]);

  const person = async (
    email: string,
    role: Role,
    initiativeId: string | null = null,
    associationId2 = associationId,
  ) => {
    const user = await addUser(t.db, cli, { email, name: email.split("@")[0] ?? email });
    await assignRole(t.db, cli, {
      userId: user.id,
      associationId: associationId2,
      role,
      initiativeId,
    });
    return (await createApiToken(t.db, cli, { email, scope: "write" })).token;
  };
  tokens.adminWrite = await person("admin@pengar.se", "association_admin");
  tokens.adminRead = (
    await createApiToken(t.db, cli, { email: "admin@pengar.se", scope: "read" })
  ).token;
  tokens.board = await person("styrelse@pengar.se", "board_member");
  tokens.lead = await person("ledare@pengar.se", "initiative_lead", ids.led);
  tokens.steering = await person("styrgrupp@pengar.se", "steering_group_member", ids.led);
  tokens.otherLead = await person("annan@pengar.se", "initiative_lead", ids.other);
  tokens.coach = await person("coach@pengar.se", "participant_officer", ids.led);
  tokens.foreignAdmin = await person("admin@annat.se", "association_admin", null, other.id);
});
afterAll(() => t.drop());

describe("a year's funds", () => {
  it("is saved at the version read, refused field by field, and read back with its split", async () => {
    const empty = await call(`${A}/funding-years/${lastYear}`, tokens.board);
    expect(empty.res.status).toBe(200);
    expect(empty.body).toMatchObject({ saved: false, version: 0, totalAllocation: 0 });
    const refused = await put(`${A}/funding-years/${lastYear}`, tokens.adminWrite, {
      version: 0,
      totalAllocation: "tolv miljoner",
      equityOpening: "−150 000",
      adminBudget: -5,
      keys: { [orgs.uppsala]: "242 140" },
    });
    expect(refused.res.status).toBe(400);
    expect(Object.keys(fieldsOf(refused)).sort()).toEqual(
      ["adminBudget", "totalAllocation", `key.${orgs.heby}`, `key.${orgs.tierp}`].sort(),
    );
    const saved = await put(`${A}/funding-years/${lastYear}`, tokens.adminWrite, {
      version: 0,
      totalAllocation: 10_000_001,
      equityOpening: "−150 000",
      adminBudget: "900 000",
      adminOutcome: 875_000,
      keys: { [orgs.uppsala]: 242_140, [orgs.tierp]: "21 000", [orgs.heby]: 14_000 },
    });
    expect(saved.res.status).toBe(200);
    expect(saved.body).toMatchObject({
      version: 1,
      equityOpening: -150_000,
      adminOutcome: 875_000,
    });
    const rows = saved.body.split.rows as Array<{ name: string; amount: number; basis: string }>;
    expect(rows.reduce((s, r) => s + r.amount, 0)).toBe(10_000_001);
    expect(rows.find((r) => r.name === "Uppsala kommun")).toMatchObject({
      amount: 2_184_275,
      basis: "key",
    });
    expect(rows.find((r) => r.name === "Arbetsförmedlingen")).toMatchObject({
      amount: 0,
      basis: "paidByFk",
    });
    const stale = await put(`${A}/funding-years/${lastYear}`, tokens.adminWrite, {
      version: 0,
      totalAllocation: 1,
      equityOpening: 0,
      adminBudget: 0,
    });
    expect(stale.res.status).toBe(409);
    const badYear = await call(`${A}/funding-years/1999`, tokens.board);
    expect(badYear.res.status).toBe(400);
  });

  it("is read by the office and the board, changed only by the office with a write token", async () => {
    for (const token of [tokens.lead, tokens.steering, tokens.coach])
      expect((await call(`${A}/funding-years/${lastYear}`, token)).res.status).toBe(403);
    expect((await call(`${A}/funding-years/${lastYear}`, tokens.foreignAdmin)).res.status).toBe(
      404,
    );
    for (const token of [tokens.board, tokens.adminRead, tokens.lead]) {
      const r = await put(`${A}/funding-years/${lastYear}`, token, {
        version: 1,
        totalAllocation: 1,
        equityOpening: 0,
        adminBudget: 0,
      });
      expect(r.res.status).toBe(403);
    }
  });
});

describe("the normal band", () => {
  it("is 80–110 % until saved, then the office's", async () => {
    expect((await call(`${A}/finance-settings`, tokens.board)).body).toEqual({
      low: 80,
      high: 110,
      version: 0,
    });
    const refused = await put(`${A}/finance-settings`, tokens.adminWrite, {
      version: 0,
      low: 120,
      high: 90,
    });
    expect(fieldsOf(refused)).toEqual({
      high: "Den övre gränsen (90 %) får inte vara lägre än den nedre (120 %).",
    });
    const saved = await put(`${A}/finance-settings`, tokens.adminWrite, {
      version: 0,
      low: "85",
      high: 115,
    });
    expect(saved.body).toEqual({ low: 85, high: 115, version: 1 });
    expect(
      (await put(`${A}/finance-settings`, tokens.board, { version: 1, low: 80, high: 110 })).res
        .status,
    ).toBe(403);
  });
});

describe("the year's money", () => {
  it("gives numbers: initiatives, totals and the computed equity term by term", async () => {
    const r = await call(`${A}/money/${lastYear}`, tokens.board);
    expect(r.res.status).toBe(200);
    expect(r.body.asOf).toBe(`${lastYear}-12-31`);
    expect(r.body.initiatives).toHaveLength(1);
    expect(r.body.initiatives[0]).toMatchObject({
      name: "Tierp, Växtverket",
      yearBudget: 400_000,
      yearOutcome: 185_000,
      ytdBudget: 400_000,
      ytdOutcome: 185_000,
      // 185 000 ÷ 400 000 = 46 %, more than 20 points under the band 85–115 %
      ratioPercent: 46,
      prognosis: "atgard",
    });
    expect(r.body.equity).toEqual({
      opening: -150_000,
      allocation: 10_000_001,
      returnedFunds: 0,
      initiativesOutcome: 185_000,
      adminCosts: 875_000,
      adminBasis: "utfall",
      closing: -150_000 + 10_000_001 - 185_000 - 875_000,
    });
    expect(r.body.totals.all).toMatchObject({ yearBudget: 400_000, ratioPercent: 46 });
    expect((await call(`${A}/money/${lastYear}`, tokens.lead)).res.status).toBe(403);
  });

  it("downloads the workbook and the national figures with the same numbers", async () => {
    const xlsx = await call(`${A}/money/${lastYear}/workbook`, tokens.adminRead);
    expect(xlsx.res.status).toBe(200);
    expect(xlsx.res.headers.get("content-disposition")).toContain(
      `ekonomi-pengar-${lastYear}.xlsx`,
    );
    const wb = new Workbook();
    await wb.xlsx.load(xlsx.bytes);
    const outcome = wb.getWorksheet("Utfall");
    const sum = outcome?.getCell(`D${outcome?.rowCount ?? 0}`).value as { result?: number };
    expect(sum.result).toBe(185_000);

    const json = await call(`${A}/money/${lastYear}/national`, tokens.board);
    expect(json.res.status).toBe(200);
    expect(json.body.initiatives).toEqual([
      expect.objectContaining({
        name: "Tierp, Växtverket",
        orientation: "individual",
        budget: 400_000,
        outcome: 185_000,
      }),
    ]);
    expect(json.body.notes.join(" ")).toMatch(/deltagarregistret/);
    const csv = await call(`${A}/money/${lastYear}/national?format=csv`, tokens.board);
    expect(csv.res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const text = csv.bytes.toString("utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain("Insats;Tierp, Växtverket;Utfall (förbundsmedel);185000;kr");
    expect(
      (await call(`${A}/money/${lastYear}/national?format=pdf`, tokens.board)).res.status,
    ).toBe(400);
  });
});

describe("an initiative's money", () => {
  it("is read by the office, the board and the initiative's lead and steering group; not by others", async () => {
    for (const token of [tokens.adminRead, tokens.board, tokens.lead, tokens.steering]) {
      const r = await call(`${A}/initiatives/${ids.led}/money?year=${lastYear}`, token);
      expect(r.res.status).toBe(200);
      expect(r.body.yearToDate).toEqual({
        budget: 400_000,
        outcome: 185_000,
        ratioPercent: 46,
        periods: [`${lastYear}-K1`, `${lastYear}-K2`, `${lastYear}-K3`, `${lastYear}-K4`],
      });
    }
    for (const token of [tokens.otherLead, tokens.coach])
      expect((await call(`${A}/initiatives/${ids.led}/money`, token)).res.status).toBe(403);
    expect(
      (await call(`${A}/initiatives/${ids.foreign}/money`, tokens.adminWrite)).res.status,
    ).toBe(404);
    expect(
      (await call(`${A}/initiatives/${randomUUID()}/money`, tokens.adminWrite)).res.status,
    ).toBe(404);
    expect((await call(`${A}/initiatives/inte-ett-id/money`, tokens.adminWrite)).res.status).toBe(
      400,
    );
  });

  it("takes the office's prognosis with a required comment; others are refused", async () => {
    const refused = await post(
      `${A}/initiatives/${ids.led}/prognosis-overrides`,
      tokens.adminWrite,
      {
        periodKey: `${lastYear}-K4`,
        prognosis: "kanske",
        comment: "",
      },
    );
    expect(refused.res.status).toBe(400);
    expect(Object.keys(fieldsOf(refused)).sort()).toEqual(["comment", "prognosis"]);
    const set = await post(`${A}/initiatives/${ids.led}/prognosis-overrides`, tokens.adminWrite, {
      periodKey: `${lastYear}-K4`,
      prognosis: "bevaka",
      comment: "Vakanserna är tillsatta.",
    });
    expect(set.res.status).toBe(201);
    expect(set.body).toMatchObject({
      prognosis: "bevaka",
      comment: "Vakanserna är tillsatta.",
      setByName: "admin",
    });
    const after = await call(`${A}/initiatives/${ids.led}/money?year=${lastYear}`, tokens.lead);
    expect(after.body).toMatchObject({ prognosis: "bevaka", suggested: { prognosis: "atgard" } });
    expect(after.body.overrides).toHaveLength(1);
    for (const token of [tokens.lead, tokens.board, tokens.adminRead]) {
      const r = await post(`${A}/initiatives/${ids.led}/prognosis-overrides`, token, {
        periodKey: `${lastYear}-K4`,
        prognosis: "ok",
        comment: "x",
      });
      expect(r.res.status).toBe(403);
    }
  });

  it("records returned funds by the office and lists them to those who see the initiative", async () => {
    const refused = await post(`${A}/initiatives/${ids.led}/returned-funds`, tokens.adminWrite, {
      amount: 0,
      reason: "",
      returnedOn: "2099-01-01",
    });
    expect(Object.keys(fieldsOf(refused)).sort()).toEqual(["amount", "reason", "returnedOn"]);
    const saved = await post(`${A}/initiatives/${ids.led}/returned-funds`, tokens.adminWrite, {
      amount: "15 000",
      reason: "Vakans under hösten",
      returnedOn: `${year}-01-01`,
      year: lastYear,
    });
    expect(saved.res.status).toBe(201);
    expect(saved.body).toMatchObject({ amount: 15_000, year: lastYear });
    const list = await call(`${A}/initiatives/${ids.led}/returned-funds`, tokens.steering);
    expect(list.body.items).toHaveLength(1);
    expect(
      (await call(`${A}/initiatives/${ids.led}/returned-funds`, tokens.otherLead)).res.status,
    ).toBe(403);
    expect(
      (
        await post(`${A}/initiatives/${ids.led}/returned-funds`, tokens.lead, {
          amount: 1,
          reason: "x",
          returnedOn: `${year}-01-01`,
        })
      ).res.status,
    ).toBe(403);
    const money = await call(`${A}/money/${lastYear}`, tokens.board);
    expect(money.body.equity.returnedFunds).toBe(15_000);
  });
});

describe("the OpenAPI document", () => {
  it("describes every finance operation", () => {
    const paths = Object.keys(buildOpenApiDocument().paths ?? {});
    for (const p of [
      "/associations/{slug}/funding-years/{year}",
      "/associations/{slug}/finance-settings",
      "/associations/{slug}/money/{year}",
      "/associations/{slug}/money/{year}/workbook",
      "/associations/{slug}/money/{year}/national",
      "/associations/{slug}/initiatives/{initiativeId}/money",
      "/associations/{slug}/initiatives/{initiativeId}/prognosis-overrides",
      "/associations/{slug}/initiatives/{initiativeId}/returned-funds",
    ])
      expect(paths).toContain(p);
  });
});
