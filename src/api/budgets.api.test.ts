// Initiative budgets through the API, against a real database: the budget in force as numbers,
// a new version refused at its field (a period outside the initiative) and at a stale version,
// the history, re-phasing only after an approved deviation report, the template and the export
// as XLSX read back with the same library, the import as multipart/form-data or as the body
// (a text in a number cell named by its cell, nothing saved; a dry run; then saved), and who may
// read (budget.view) and who may change (budget.edit).
import { Workbook } from "@cj-tech-master/excelts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { todayInSweden } from "../applications/workflow.ts";
import { createAssociation } from "../associations/create-association.ts";
import { addMemberOrganisation } from "../associations/member-organisations.ts";
import { XLSX_MEDIA_TYPE } from "../finance/budget-xlsx.ts";
import { createInitiative } from "../initiatives/save-initiative.ts";
import { addUser } from "../people/add-user.ts";
import { assignRole } from "../people/assign-role.ts";
import { createApiToken } from "../people/create-api-token.ts";
import type { Role } from "../people/roles.ts";
import {
  createDeviationReport,
  decideDeviationReport,
  submitDeviationReport,
} from "../reports/deviation-reports.ts";
import { type ApiApp, createApiTestApp } from "./api-test-client.ts";
import { buildOpenApiDocument } from "./app.ts";

const cli = { userId: null, label: "cli" };
let t: TestDatabase;
let app: ApiApp;
let associationId = "";
let led = "";
let base = "";
let otherBase = "";
const orgs = { tierp: "", fk: "", af: "" };
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

async function call(
  url: string,
  token: string | undefined,
  init: { method?: string; json?: unknown; form?: FormData; raw?: Uint8Array; type?: string } = {},
) {
  const headers: Record<string, string> = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: string | FormData | ArrayBuffer | undefined;
  if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    headers["Content-Type"] = "application/json";
  } else if (init.form) body = init.form;
  else if (init.raw) {
    body = init.raw.slice().buffer as ArrayBuffer;
    headers["Content-Type"] = init.type ?? XLSX_MEDIA_TYPE;
  }
  const res = await app.request(url, { method: init.method ?? "GET", headers, body });
  const bytes = Buffer.from(await res.arrayBuffer());
  const type = res.headers.get("content-type") ?? "";
  const parsed = /json/.test(type) && bytes.length ? JSON.parse(bytes.toString("utf8")) : undefined;
  return { res, bytes, body: parsed };
}

const fieldsOf = (result: Awaited<ReturnType<typeof call>>): Record<string, string> =>
  Object.fromEntries(
    (result.body.errors as Array<{ field: string; message: string }>).map((e) => [
      e.field,
      e.message,
    ]),
  );

const line = (periodKey: string, category: string, amount: number | string) => ({
  periodKey,
  category,
  source: "forbund",
  amount,
});

beforeAll(async () => {
  t = await createTestDatabase();
  ({ app } = createApiTestApp(t));
  const association = await createAssociation(t.db, cli, {
    slug: "uppsala-lan",
    name: "Samordningsförbundet Uppsala län",
  });
  associationId = association.id;
  const other = await createAssociation(t.db, cli, { slug: "annat", name: "Annat" });
  const org = async (name: string, orgNumber: string, kind: string) =>
    (await addMemberOrganisation(t.db, cli, association.id, { name, orgNumber, kind })).id;
  orgs.tierp = await org("Tierps kommun", "212000-0274", "kommun");
  orgs.fk = await org("Försäkringskassan", "202100-5521", "forsakringskassan");
  orgs.af = await org("Arbetsförmedlingen", "202100-2114", "arbetsformedlingen");
  const running = async (name: string) =>
    (
      await createInitiative(t.db, cli, association.id, {
        name,
        ownerOrganisationId: orgs.tierp,
        partnerIds: [orgs.fk],
        status: "pagaende",
        orientation: "individual",
        preRehabilitation: false,
        esf: false,
        startDate: "2026-08-17",
        endDate: "2027-06-30",
        targetGroup: "",
        expectedParticipantsOngoing: false,
        goals: [],
        localUnits: [],
      })
    ).id;
  led = await running("Tierp, Växtverket");
  const otherInitiative = await running("Tierp, Lärcentrum");
  base = `/associations/uppsala-lan/initiatives/${led}/budget`;
  otherBase = `/associations/uppsala-lan/initiatives/${otherInitiative}/budget`;
  const person = async (
    email: string,
    role: Role,
    initiativeId: string | null = null,
    inAssociation = association.id,
  ) => {
    const user = await addUser(t.db, cli, { email, name: email.split("@")[0] ?? email });
    await assignRole(t.db, cli, {
      userId: user.id,
      associationId: inAssociation,
      role,
      initiativeId,
    });
    return (await createApiToken(t.db, cli, { email, scope: "write" })).token;
  };
  tokens.adminWrite = await person("admin@uppsala.se", "association_admin");
  tokens.adminRead = (
    await createApiToken(t.db, cli, { email: "admin@uppsala.se", scope: "read" })
  ).token;
  tokens.board = await person("styrelse@uppsala.se", "board_member");
  tokens.lead = await person("ledare@uppsala.se", "initiative_lead", led);
  tokens.steering = await person("styrgrupp@uppsala.se", "steering_group_member", led);
  tokens.otherLead = await person("annan@uppsala.se", "initiative_lead", otherInitiative);
  tokens.coach = await person("coach@uppsala.se", "participant_officer", led);
  tokens.foreignAdmin = await person("admin@annat.se", "association_admin", null, other.id);
});
afterAll(() => t.drop());

describe("the budget", () => {
  it("answers no budget yet, with the initiative's periods and parties", async () => {
    const { res, body } = await call(base, tokens.adminWrite);
    expect(res.status).toBe(200);
    expect(body.budget).toBeNull();
    expect(body.periods.map((p: { key: string }) => p.key)).toEqual([
      "2026-K3",
      "2026-K4",
      "2027-K1",
      "2027-K2",
    ]);
    expect(body.parties.map((p: { name: string }) => p.name)).toEqual([
      "Tierps kommun",
      "Försäkringskassan",
    ]);
    // no granted application: nothing to propose
    const proposal = await call(`${base}/proposal`, tokens.adminWrite);
    expect(proposal.res.status).toBe(200);
    expect(proposal.body).toMatchObject({ application: null, lines: [], totals: { total: 0 } });
    expect((await call(`${base}/proposal`, tokens.lead)).res.status).toBe(403);
    expect((await call(`${base}/proposal`, tokens.adminRead)).res.status).toBe(403);
  });

  it("saves versions, refusing a period outside the initiative at its field and a stale version", async () => {
    const refused = await call(base, tokens.adminWrite, {
      method: "PUT",
      json: {
        expectedBudgetVersion: null,
        kind: "beslut",
        reason: "Beslut",
        lines: [line("2026-K3", "personal", 100_000), line("2028-K1", "personal", "5 000")],
      },
    });
    expect(refused.res.status).toBe(400);
    expect(fieldsOf(refused)).toEqual({
      "lines.1.periodKey":
        "Perioden 2028-K1 ligger utanför insatsens tid (2026-08-17 – 2027-06-30). Välj en av insatsens perioder 2026-K3 – 2027-K2.",
    });
    const first = await call(base, tokens.adminWrite, {
      method: "PUT",
      json: {
        expectedBudgetVersion: null,
        kind: "beslut",
        reason: "Styrelsens beslut § 8",
        lines: [
          line("2026-K3", "personal", 100_000),
          line("2026-K4", "personal", "150 000"),
          {
            periodKey: "2026-K4",
            category: "personal",
            source: "medfinansiering",
            organisationId: orgs.fk,
            coKind: "personaltid",
            amount: 40_000,
          },
        ],
      },
    });
    expect(first.res.status).toBe(201);
    expect(first.body).toMatchObject({
      version: 1,
      status: "gallande",
      kind: "beslut",
      totals: { total: 290_000, association: 250_000, coFinancing: 40_000 },
    });
    const second = await call(base, tokens.adminWrite, {
      method: "PUT",
      json: {
        expectedBudgetVersion: 1,
        kind: "revision",
        reason: "Ny fördelning",
        lines: [line("2026-K3", "personal", 90_000), line("2026-K4", "personal", 160_000)],
      },
    });
    expect(second.res.status).toBe(201);
    const stale = await call(base, tokens.adminWrite, {
      method: "PUT",
      json: {
        expectedBudgetVersion: 1,
        kind: "revision",
        reason: "R",
        lines: [line("2026-K3", "personal", 1)],
      },
    });
    expect(stale.res.status).toBe(409);
    expect(stale.body.detail).toMatch(/nu gäller version 2, inte 1/);

    const current = await call(base, tokens.lead);
    expect(current.res.status).toBe(200);
    expect(current.body.budget.version).toBe(2);
    expect(current.body.budget.lines).toEqual([
      {
        periodKey: "2026-K3",
        year: 2026,
        category: "personal",
        source: "forbund",
        organisationId: null,
        coKind: null,
        amount: 90_000,
      },
      {
        periodKey: "2026-K4",
        year: 2026,
        category: "personal",
        source: "forbund",
        organisationId: null,
        coKind: null,
        amount: 160_000,
      },
    ]);
    expect(current.body.budget.totals.byYear).toEqual([
      expect.objectContaining({ year: 2026, total: 250_000 }),
    ]);
    const versions = await call(`${base}/versions`, tokens.steering);
    expect(versions.res.status).toBe(200);
    expect(
      versions.body.items.map((v: { version: number; status: string }) => [v.version, v.status]),
    ).toEqual([
      [2, "gallande"],
      [1, "ersatt"],
    ]);
  });

  it("re-phases only after an approved deviation report asking to move funds", async () => {
    const lines = [line("2026-K3", "personal", 40_000), line("2027-K1", "personal", 210_000)];
    const none = await call(`${base}/rephasings`, tokens.adminWrite, {
      method: "POST",
      json: {
        expectedBudgetVersion: 2,
        deviationReportId: crypto.randomUUID(),
        reason: "Vakans",
        lines,
      },
    });
    expect(none.res.status).toBe(400);
    expect(Object.keys(fieldsOf(none))).toEqual(["deviationReportId"]);
    const id = await createDeviationReport(t.db, cli, associationId, led, {
      types: ["budget"],
      description: "Vakans.",
      cause: "En coach slutade.",
      consequence: "Lägre kostnader.",
      measures: "Flytta medlen.",
      request: "flytta_medel",
      requestedAmount: 50_000,
    });
    await submitDeviationReport(t.db, cli, associationId, id, 1);
    await decideDeviationReport(t.db, cli, associationId, id, 2, {
      decisionBody: "kansli",
      decision: "godkand",
      decisionDate: todayInSweden(),
    });
    const changed = await call(`${base}/rephasings`, tokens.adminWrite, {
      method: "POST",
      json: {
        expectedBudgetVersion: 2,
        deviationReportId: id,
        reason: "Vakans",
        lines: [...lines, line("2027-K2", "resor", 1)],
      },
    });
    expect(changed.res.status).toBe(400);
    expect(fieldsOf(changed)["totals.forbund"]).toMatch(/1\u00a0kr för mycket/);
    const done = await call(`${base}/rephasings`, tokens.adminWrite, {
      method: "POST",
      json: { expectedBudgetVersion: 2, deviationReportId: id, reason: "Vakans", lines },
    });
    expect(done.res.status).toBe(201);
    expect(done.body).toMatchObject({
      version: 3,
      kind: "omfordelning",
      deviationReport: { id },
      totals: { association: 250_000 },
    });
  });

  it("lets those who see the budget read it and only the office change it", async () => {
    for (const token of [tokens.board, tokens.lead, tokens.steering, tokens.adminRead])
      expect((await call(base, token)).res.status).toBe(200);
    for (const token of [tokens.otherLead, tokens.coach])
      expect((await call(base, token)).res.status).toBe(403);
    expect((await call(base, tokens.foreignAdmin)).res.status).toBe(404);
    expect((await call(otherBase, tokens.lead)).res.status).toBe(403);
    const put = { expectedBudgetVersion: 3, kind: "revision", reason: "R", lines: [] };
    for (const token of [tokens.board, tokens.lead, tokens.adminRead])
      expect((await call(base, token, { method: "PUT", json: put })).res.status).toBe(403);
    expect((await call(`${base}/template`, tokens.lead)).res.status).toBe(403);
    expect((await call(`${base}/export`, tokens.lead)).res.status).toBe(200);
    const missing = `/associations/uppsala-lan/initiatives/${crypto.randomUUID()}/budget`;
    expect((await call(missing, tokens.adminWrite)).res.status).toBe(404);
  });
});

describe("XLSX", () => {
  it("exports the budget with the same figures as the API", async () => {
    const { res, bytes } = await call(`${base}/export`, tokens.board);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(XLSX_MEDIA_TYPE);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="budget-/);
    const wb = new Workbook();
    await wb.xlsx.load(bytes);
    const ws = wb.getWorksheet("Budget");
    const amounts: number[] = [];
    for (let r = 2; r < (ws?.rowCount ?? 0); r++)
      amounts.push(Number(ws?.getRow(r).getCell(6).value));
    const current = (await call(base, tokens.board)).body.budget;
    expect(amounts).toEqual(current.lines.map((l: { amount: number }) => l.amount));
    expect(
      (ws?.getRow(ws.rowCount).getCell(6).value as { result?: number } | undefined)?.result,
    ).toBe(current.totals.total);
  });

  it("imports the filled template: refused naming the cell, a dry run, then saved", async () => {
    const template = await call(`${base}/template`, tokens.adminWrite);
    expect(template.res.status).toBe(200);
    const wb = new Workbook();
    await wb.xlsx.load(template.bytes);
    const ws = wb.getWorksheet("Budget");
    if (!ws) throw new Error("no sheet");
    ws.getCell("F2").value = 95_000;
    ws.getCell("F7").value = "tolv";
    const bad = new Uint8Array(await wb.xlsx.writeBuffer());
    const form = new FormData();
    form.append("file", new File([bad], "budget.xlsx", { type: XLSX_MEDIA_TYPE }));
    const refused = await call(`${base}/import?expectedBudgetVersion=3`, tokens.adminWrite, {
      method: "POST",
      form,
    });
    expect(refused.res.status).toBe(400);
    expect(fieldsOf(refused).F7).toMatch(/^Cell F7: ”tolv” är inte ett belopp i hela kronor/);
    expect((await call(base, tokens.adminWrite)).body.budget.version).toBe(3);

    ws.getCell("F7").value = 1_000;
    const good = new Uint8Array(await wb.xlsx.writeBuffer());
    const dry = await call(`${base}/import?dryRun=true`, tokens.adminWrite, {
      method: "POST",
      raw: good,
    });
    expect(dry.res.status).toBe(200);
    expect(dry.body.saved).toBeNull();
    expect(dry.body.current.version).toBe(3);
    const total = dry.body.totals.total;
    expect((await call(base, tokens.adminWrite)).body.budget.version).toBe(3);
    const withoutVersion = await call(`${base}/import`, tokens.adminWrite, {
      method: "POST",
      raw: good,
    });
    expect(Object.keys(fieldsOf(withoutVersion))).toEqual(["expectedBudgetVersion"]);
    const saved = await call(
      `${base}/import?expectedBudgetVersion=3&fileName=Budget%202027.xlsx`,
      tokens.adminWrite,
      { method: "POST", raw: good },
    );
    expect(saved.res.status).toBe(201);
    expect(saved.body.saved).toMatchObject({
      version: 4,
      kind: "import",
      reason: "Import från Budget 2027.xlsx",
    });
    expect(saved.body.saved.totals.total).toBe(total);
    const json = await call(`${base}/import?dryRun=true`, tokens.adminWrite, {
      method: "POST",
      json: {},
    });
    expect(json.res.status).toBe(415);
  });

  it("documents every operation in the OpenAPI document", () => {
    const paths = Object.keys(buildOpenApiDocument().paths ?? {});
    const b = "/associations/{slug}/initiatives/{initiativeId}/budget";
    for (const p of [
      b,
      `${b}/versions`,
      `${b}/rephasings`,
      `${b}/proposal`,
      `${b}/template`,
      `${b}/export`,
      `${b}/import`,
    ])
      expect(paths).toContain(p);
  });
});
