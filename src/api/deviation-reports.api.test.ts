// Deviation reports through the API, against a real database: the lead writes and submits an
// extension request, the board decides it and the initiative gets its new end; refusals at
// their field, a conflict naming the other person's change, who sees what (404) and who may
// act (403), read-only keys, and the version history.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { todayInSweden } from "../applications/workflow.ts";
import { createAssociation } from "../associations/create-association.ts";
import { addMemberOrganisation } from "../associations/member-organisations.ts";
import { addDays } from "../demo/demo-time.ts";
import { getInitiative } from "../initiatives/get-initiative.ts";
import { createInitiative } from "../initiatives/save-initiative.ts";
import { addUser } from "../people/add-user.ts";
import { assignRole } from "../people/assign-role.ts";
import { createApiToken } from "../people/create-api-token.ts";
import type { Role } from "../people/roles.ts";
import { type ApiApp, createApiTestApp } from "./api-test-client.ts";

const cli = { userId: null, label: "cli" };
let t: TestDatabase;
let app: ApiApp;
const path = "/associations/uppsala-lan/deviation-reports";
const tokens = {
  adminWrite: "",
  adminRead: "",
  board: "",
  lead: "",
  leadRead: "",
  otherLead: "",
  steering: "",
  coach: "",
  otherAdmin: "",
};
let associationId = "";
let ledInitiative = "";
let otherInitiative = "";
const today = todayInSweden();
const year = Number(today.slice(0, 4));
const end = `${year + 1}-12-31`;

async function call(url: string, token: string, method = "GET", json?: unknown) {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  if (json !== undefined) headers["Content-Type"] = "application/json";
  const res = await app.request(url, {
    method,
    headers,
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  const text = await res.text();
  return { res, body: text ? JSON.parse(text) : undefined };
}
const post = (url: string, token: string, json: unknown) => call(url, token, "POST", json);
const put = (url: string, token: string, json: unknown) => call(url, token, "PUT", json);

const fieldsOf = (result: Awaited<ReturnType<typeof call>>): Record<string, string> =>
  Object.fromEntries(
    (result.body.errors as Array<{ field: string; message: string }>).map((e) => [
      e.field,
      e.message,
    ]),
  );

const draft = (over: Record<string, unknown> = {}) => ({
  initiativeId: ledInitiative,
  types: ["tidsplan"],
  description: "Rekryteringen av coacher tog fyra månader längre än planerat.",
  cause: "Få sökande.",
  consequence: "Färre deltagare det första året.",
  measures: "Vi begär förlängning inom budgeten.",
  request: "forlangning",
  requestedEndDate: `${year + 2}-06-30`,
  ...over,
});

async function person(email: string, role: Role, initiativeId: string | null = null) {
  const user = await addUser(t.db, cli, { email, name: email.split("@")[0] ?? email });
  await assignRole(t.db, cli, { userId: user.id, associationId, role, initiativeId });
  return (await createApiToken(t.db, cli, { email, scope: "write" })).token;
}

beforeAll(async () => {
  t = await createTestDatabase();
  ({ app } = createApiTestApp(t, {
    mailer: { send: async () => ({ id: "", status: "outbox" }), deliver: async () => {} },
  }));
  associationId = (await createAssociation(t.db, cli, { slug: "uppsala-lan", name: "Uppsala län" }))
    .id;
  const other = await createAssociation(t.db, cli, { slug: "annat-forbund", name: "Annat" });
  const tierp = (
    await addMemberOrganisation(t.db, cli, associationId, {
      name: "Tierps kommun",
      orgNumber: "212000-0274",
      kind: "kommun",
    })
  ).id;
  const fk = (
    await addMemberOrganisation(t.db, cli, associationId, {
      name: "Försäkringskassan",
      orgNumber: "202100-5521",
      kind: "forsakringskassan",
    })
  ).id;
  const running = async (name: string) =>
    (
      await createInitiative(t.db, cli, associationId, {
        name,
        ownerOrganisationId: tierp,
        partnerIds: [fk],
        status: "pagaende",
        orientation: "individual",
        preRehabilitation: false,
        esf: false,
        startDate: `${year - 1}-01-01`,
        endDate: end,
        targetGroup: "Unga vuxna",
        expectedParticipantsOngoing: false,
        goals: [],
        localUnits: [],
      })
    ).id;
  ledInitiative = await running("Tierp, Växtverket");
  otherInitiative = await running("Tierp, Lärcentrum");
  tokens.adminWrite = await person("admin@uppsala.se", "association_admin");
  tokens.adminRead = (
    await createApiToken(t.db, cli, { email: "admin@uppsala.se", scope: "read" })
  ).token;
  tokens.board = await person("styrelse@uppsala.se", "board_member");
  tokens.lead = await person("ledare@uppsala.se", "initiative_lead", ledInitiative);
  tokens.leadRead = (
    await createApiToken(t.db, cli, { email: "ledare@uppsala.se", scope: "read" })
  ).token;
  tokens.otherLead = await person("annan@uppsala.se", "initiative_lead", otherInitiative);
  tokens.steering = await person("styrgrupp@uppsala.se", "steering_group_member", ledInitiative);
  tokens.coach = await person("coach@uppsala.se", "participant_officer", ledInitiative);
  const otherAdmin = await addUser(t.db, cli, { email: "admin@annat.se", name: "Ove" });
  await assignRole(t.db, cli, {
    userId: otherAdmin.id,
    associationId: other.id,
    role: "association_admin",
  });
  tokens.otherAdmin = (
    await createApiToken(t.db, cli, { email: "admin@annat.se", scope: "write" })
  ).token;
});
afterAll(() => t.drop());

describe("from draft to decision", () => {
  it("the lead writes and submits an extension; the board approves it and the initiative ends later", async () => {
    const created = await post(path, tokens.lead, draft({ cause: "" }));
    expect(created.res.status).toBe(201);
    expect(created.body).toMatchObject({
      initiativeId: ledInitiative,
      initiativeName: "Tierp, Växtverket",
      status: "utkast",
      version: 1,
      request: "forlangning",
      requestedEndDate: `${year + 2}-06-30`,
      requestedTargetGroup: null,
      requestedAmount: null,
      registryNumber: null,
      decision: null,
      comments: [],
    });
    const url = `${path}/${created.body.id}`;

    // an incomplete draft is refused at its field
    const refused = await post(`${url}/submit`, tokens.lead, { version: 1 });
    expect(refused.res.status).toBe(400);
    expect(fieldsOf(refused)).toEqual({ cause: "Beskriv orsaken till avvikelsen." });

    const saved = await put(url, tokens.lead, { ...draft({ cause: "Få sökande." }), version: 1 });
    expect(saved.res.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 2, cause: "Få sökande." });

    const submitted = await post(`${url}/submit`, tokens.lead, { version: 2 });
    expect(submitted.res.status).toBe(200);
    expect(submitted.body).toMatchObject({
      status: "inskickad",
      arrivalDate: today,
      registryNumber: expect.stringMatching(new RegExp(`^${year}/\\d+$`)),
      version: 3,
    });

    // the lead does not decide; the board decides as the board, not as the office
    expect((await post(`${url}/decision`, tokens.lead, { version: 3 })).res.status).toBe(403);
    const asOffice = await post(`${url}/decision`, tokens.board, {
      version: 3,
      decisionBody: "kansli",
      decision: "godkand",
      decisionDate: today,
    });
    expect(asOffice.res.status).toBe(403);
    expect(asOffice.body.detail).toMatch(/Bara förbundets kansli/);
    const withoutMeeting = await post(`${url}/decision`, tokens.board, {
      version: 3,
      decisionBody: "styrelse",
      decision: "godkand",
      decisionDate: today,
    });
    expect(withoutMeeting.res.status).toBe(400);
    expect(Object.keys(fieldsOf(withoutMeeting)).sort()).toEqual(["meeting", "paragraph"]);

    const decided = await post(`${url}/decision`, tokens.board, {
      version: 3,
      decisionBody: "styrelse",
      decision: "godkand",
      decisionDate: today,
      meeting: `Styrelsemöte ${today}`,
      paragraph: "§ 7",
    });
    expect(decided.res.status).toBe(200);
    expect(decided.body).toMatchObject({
      status: "godkand",
      version: 4,
      decision: {
        decision: "godkand",
        decisionBody: "styrelse",
        decisionDate: today,
        meeting: `Styrelsemöte ${today}`,
        paragraph: "7",
        motivation: null,
      },
    });
    expect((await getInitiative(t.db, associationId, ledInitiative))?.endDate).toBe(
      `${year + 2}-06-30`,
    );

    const versions = await call(`${url}/versions`, tokens.steering);
    expect(versions.res.status).toBe(200);
    expect(
      versions.body.items.map((v: { version: number; event: string }) => [v.version, v.event]),
    ).toEqual([
      [4, "decided"],
      [3, "submitted"],
      [2, "saved"],
      [1, "created"],
    ]);
    expect(versions.body.items[0].actorName).toBe("styrelse");

    const list = await call(
      `${path}?status=godkand&initiativeId=${ledInitiative}`,
      tokens.steering,
    );
    expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([created.body.id]);
  });

  it("refuses a decision dated in the future", async () => {
    const created = await post(path, tokens.adminWrite, draft());
    const url = `${path}/${created.body.id}`;
    await post(`${url}/submit`, tokens.adminWrite, { version: 1 });
    // the day after today in Sweden (24 hours later is still today in the first hour of the day
    // summer time ends)
    const tomorrow = addDays(todayInSweden(), 1);
    const refused = await post(`${url}/decision`, tokens.adminWrite, {
      version: 2,
      decisionBody: "kansli",
      decision: "avslagen",
      decisionDate: tomorrow,
      motivation: "Ingen budget.",
    });
    expect(refused.res.status).toBe(400);
    expect(fieldsOf(refused)).toEqual({
      decisionDate: "Beslutsdatum kan inte ligga i framtiden.",
    });
  });

  it("answers 409 to a save based on an old version, with the other person's change", async () => {
    const created = await post(path, tokens.lead, draft());
    const url = `${path}/${created.body.id}`;
    await put(url, tokens.adminWrite, { ...draft({ measures: "Kansliets förslag." }), version: 1 });
    const stale = await put(url, tokens.lead, { ...draft({ cause: "Annat." }), version: 1 });
    expect(stale.res.status).toBe(409);
    expect(stale.body.type).toBe("urn:samspar:problem:conflict");
    expect(stale.body.changes).toEqual([
      {
        field: "measures",
        label: "Åtgärder",
        before: ["Vi begär förlängning inom budgeten."],
        theirs: ["Kansliets förslag."],
      },
    ]);
  });
});

describe("who sees and who acts", () => {
  let reportUrl = "";
  beforeAll(async () => {
    const created = await post(path, tokens.adminWrite, draft());
    reportUrl = `${path}/${created.body.id}`;
  });

  it("lets the lead write only for their own initiative", async () => {
    const refused = await post(path, tokens.lead, draft({ initiativeId: otherInitiative }));
    expect(refused.res.status).toBe(403);
    expect((await post(path, tokens.board, draft())).res.status).toBe(403);
    expect((await post(path, tokens.steering, draft())).res.status).toBe(403);
    expect((await post(path, tokens.leadRead, draft())).res.status).toBe(403);
    const ofOther = await post(path, tokens.otherLead, draft({ initiativeId: otherInitiative }));
    expect(ofOther.res.status).toBe(201);
    // the other lead sees only their own initiative's reports
    const theirs = await call(path, tokens.otherLead);
    expect(theirs.body.items.map((r: { initiativeId: string }) => r.initiativeId)).toEqual([
      otherInitiative,
    ]);
  });

  it("hides a report from those who may not see it, and refuses those who may only read", async () => {
    expect((await call(reportUrl, tokens.otherLead)).res.status).toBe(404);
    expect((await call(reportUrl, tokens.coach)).res.status).toBe(404);
    expect((await call(reportUrl, tokens.otherAdmin)).res.status).toBe(404);
    expect((await call(path, tokens.coach)).res.status).toBe(403);
    expect((await call(reportUrl, tokens.steering)).res.status).toBe(200);
    expect((await call(reportUrl, tokens.adminRead)).res.status).toBe(200);
    expect((await put(reportUrl, tokens.steering, { ...draft(), version: 1 })).res.status).toBe(
      403,
    );
    const readOnly = await put(reportUrl, tokens.leadRead, { ...draft(), version: 1 });
    expect(readOnly.res.status).toBe(403);
    expect(readOnly.body.detail).toMatch(/scope read/);
    expect((await put(reportUrl, tokens.lead, { ...draft(), version: 1 })).res.status).toBe(200);
    expect((await call(`${path}/inte-ett-id`, tokens.adminRead)).res.status).toBe(400);
  });
});
