// Applications through the API, against a real database: the whole way from draft to decision,
// refusals at their field, conflicts that show the other person's change, who sees what (404)
// and who may act (403), the version history, and the application as DOCX and PDF.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { createApplication } from "../applications/save-application.ts";
import { todayInSweden } from "../applications/workflow.ts";
import { createAssociation } from "../associations/create-association.ts";
import { addMemberOrganisation } from "../associations/member-organisations.ts";
import { createInitiative } from "../initiatives/save-initiative.ts";
import type { Mailer, MailInput } from "../mail/send-mail.ts";
import { addUser } from "../people/add-user.ts";
import { assignRole } from "../people/assign-role.ts";
import { createApiToken } from "../people/create-api-token.ts";
import type { Role } from "../people/roles.ts";
import { type ApiApp, createApiTestApp } from "./api-test-client.ts";

const cli = { userId: null, label: "cli" };
const sent: MailInput[] = [];
const mailer: Mailer = {
  send: async (_q, mail) => {
    sent.push(mail);
    return { id: "00000000-0000-4000-8000-000000000000", status: "outbox" };
  },
  deliver: async () => {},
};

let t: TestDatabase;
let app: ApiApp;
const path = "/associations/uppsala-lan/applications";
const orgs = { tierp: "", fk: "", af: "", foreign: "" };
const tokens = {
  adminRead: "",
  adminWrite: "",
  board: "",
  lead: "",
  leadRead: "",
  otherLead: "",
  steering: "",
  auditor: "",
  otherAdmin: "",
};
let associationId = "";
let foreignApplicationId = "";

interface CallOptions {
  token?: string;
  method?: string;
  json?: unknown;
}

async function call(url: string, options: CallOptions = {}) {
  const headers: Record<string, string> = {};
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers["Content-Type"] = "application/json";
  }
  const res = await app.request(url, { method: options.method ?? "GET", headers, body });
  const text = await res.text();
  return { res, text, body: text ? JSON.parse(text) : undefined };
}

const post = (url: string, token: string, json: unknown) =>
  call(url, { token, method: "POST", json });

function expectProblem(
  result: Awaited<ReturnType<typeof call>>,
  status: number,
  type: string,
  instance: string,
) {
  expect({ status: result.res.status, body: result.body }).toMatchObject({
    status,
    body: { type: `urn:samspar:problem:${type}`, status, instance },
  });
  expect(result.res.headers.get("content-type")).toBe("application/problem+json");
  expect(result.body.detail).toMatch(/[a-zåäö]/i);
  expect(result.body.requestId).toBe(result.res.headers.get("x-request-id"));
}

const fieldsOf = (result: Awaited<ReturnType<typeof call>>): Record<string, string> =>
  Object.fromEntries(
    (result.body.errors as Array<{ field: string; message: string }>).map((e) => [
      e.field,
      e.message,
    ]),
  );

/** A complete application as a client would send it: numbers partly as text. */
const complete = () => ({
  name: "Tierp, Nya vägar",
  ownerOrganisationId: orgs.tierp,
  partnerIds: [orgs.fk, orgs.af],
  orientation: "individual",
  preRehabilitation: false,
  esf: false,
  purpose: "Fler unga vuxna i Tierp ska nå arbete eller studier.",
  goals: [{ text: "Till arbete eller studier", kind: "resultatmal", targetPercent: "60" }],
  background: "Många unga vuxna står långt från arbetsmarknaden.\nBehovet växer.",
  startDate: "2027-01-01",
  endDate: "2028-12-31",
  lastIntakeDate: "2028-06-30",
  targetGroup: "Unga vuxna 18–29 år",
  expectedParticipants: 40,
  expectedParticipantsOngoing: false,
  localUnits: [{ name: "Tierp", expectedParticipants: "40" }],
  genderTargetWomenPercent: 50,
  methods: "Supported employment och MI.",
  followUp: "Kvartalsvis uppföljning i styrgruppen.",
  implementation: "Arbetssättet förs in i kommunens arbetsmarknadsenhet.",
  budget: [
    { year: 2027, category: "personal", amount: "900 000" },
    { year: "2028", category: "personal", amount: 950000 },
  ],
  coFinancing: [{ year: 2027, organisationId: orgs.af, kind: "personaltid", amount: "200 000" }],
  anchored: true,
  anchoringDescription: "Diskuterad i LOKUS 2026-09-10.",
});

async function person(email: string, name: string, role: Role, initiativeId: string | null = null) {
  const user = await addUser(t.db, cli, { email, name });
  await assignRole(t.db, cli, { userId: user.id, associationId, role, initiativeId });
  return (await createApiToken(t.db, cli, { email, scope: "write" })).token;
}

async function signAllOnPaper(url: string) {
  let last: Awaited<ReturnType<typeof call>> | undefined;
  for (const [organisationId, name] of [
    [orgs.tierp, "Tina Tierp"],
    [orgs.fk, "Karin Ek"],
    [orgs.af, "Arne Förmedling"],
  ] as const) {
    last = await post(`${url}/signatures/paper`, tokens.adminWrite, {
      organisationId,
      name,
      title: "Behörig företrädare",
      signedOn: "2026-11-01",
    });
    expect(last.res.status).toBe(200);
  }
  return last?.body;
}

beforeAll(async () => {
  t = await createTestDatabase();
  ({ app } = createApiTestApp(t, { mailer }));
  const association = await createAssociation(t.db, cli, {
    slug: "uppsala-lan",
    name: "Samordningsförbundet Uppsala län",
  });
  associationId = association.id;
  const other = await createAssociation(t.db, cli, { slug: "annat-forbund", name: "Annat" });
  const org = async (id: string, name: string, orgNumber: string, kind: string) =>
    (await addMemberOrganisation(t.db, cli, id, { name, orgNumber, kind })).id;
  orgs.tierp = await org(associationId, "Tierps kommun", "212000-0274", "kommun");
  orgs.fk = await org(associationId, "Försäkringskassan", "202100-5521", "forsakringskassan");
  orgs.af = await org(associationId, "Arbetsförmedlingen", "202100-2114", "arbetsformedlingen");
  orgs.foreign = await org(other.id, "Region Annat", "232100-0016", "region");
  const foreignPartner = await org(other.id, "Annan kommun", "212000-2882", "kommun");

  const running = async (name: string) =>
    (
      await createInitiative(t.db, cli, associationId, {
        name,
        ownerOrganisationId: orgs.tierp,
        partnerIds: [orgs.fk],
        status: "pagaende",
        orientation: "individual",
        preRehabilitation: false,
        esf: false,
        targetGroup: "",
        expectedParticipantsOngoing: false,
        goals: [],
        localUnits: [],
      })
    ).id;
  const ledInitiative = await running("Tierp, Växtverket");
  const otherInitiative = await running("Tierp, Lärcentrum");

  const admin = await addUser(t.db, cli, { email: "admin@uppsala.se", name: "Ada Admin" });
  await assignRole(t.db, cli, { userId: admin.id, associationId, role: "association_admin" });
  tokens.adminWrite = (
    await createApiToken(t.db, cli, { email: admin.email, scope: "write" })
  ).token;
  tokens.adminRead = (await createApiToken(t.db, cli, { email: admin.email, scope: "read" })).token;
  tokens.board = await person("styrelse@uppsala.se", "Bo Styrelse", "board_member");
  tokens.lead = await person("ledare@uppsala.se", "Lea Ledare", "initiative_lead", ledInitiative);
  tokens.leadRead = (
    await createApiToken(t.db, cli, { email: "ledare@uppsala.se", scope: "read" })
  ).token;
  tokens.otherLead = await person(
    "annan.ledare@uppsala.se",
    "Olle Ledare",
    "initiative_lead",
    otherInitiative,
  );
  tokens.auditor = await person("revisor@uppsala.se", "Rut Revisor", "auditor");
  const otherAdmin = await addUser(t.db, cli, { email: "admin@annat.se", name: "Ove Annan" });
  await assignRole(t.db, cli, {
    userId: otherAdmin.id,
    associationId: other.id,
    role: "association_admin",
  });
  tokens.otherAdmin = (
    await createApiToken(t.db, cli, { email: otherAdmin.email, scope: "write" })
  ).token;
  foreignApplicationId = await createApplication(t.db, cli, other.id, {
    ...complete(),
    name: "Annat förbunds ansökan",
    ownerOrganisationId: orgs.foreign,
    partnerIds: [foreignPartner],
    coFinancing: [],
  });
});
afterAll(() => t.drop());

describe("from draft to decision", () => {
  it("goes the whole way and makes the initiative run", async () => {
    const today = todayInSweden();
    const created = await post(path, tokens.adminWrite, { ...complete(), onPaper: true });
    expect(created.res.status).toBe(201);
    expect(created.body).toMatchObject({
      status: "utkast",
      version: 1,
      receivedOnPaper: true,
      registryNumber: null,
      arrivalDate: null,
      formVersion: "Ansökan 2026:1",
      initiativeStatus: "ansokan",
      allSigned: false,
      comments: [],
      decision: null,
    });
    expect(created.body.content).toMatchObject({
      goals: [{ text: "Till arbete eller studier", kind: "resultatmal", targetPercent: 60 }],
      budget: [
        { year: 2027, category: "personal", amount: 900000 },
        { year: 2028, category: "personal", amount: 950000 },
      ],
      coFinancing: [{ year: 2027, organisationId: orgs.af, kind: "personaltid", amount: 200000 }],
      localUnits: [{ name: "Tierp", expectedParticipants: 40 }],
    });
    expect(created.body.parties).toEqual([
      { organisationId: orgs.tierp, name: "Tierps kommun", isOwner: true, signature: null },
      { organisationId: orgs.fk, name: "Försäkringskassan", isOwner: false, signature: null },
      { organisationId: orgs.af, name: "Arbetsförmedlingen", isOwner: false, signature: null },
    ]);
    const url = `${path}/${created.body.id}`;
    const initiativeUrl = `/associations/uppsala-lan/initiatives/${created.body.initiativeId}`;
    expect((await call(initiativeUrl, { token: tokens.adminRead })).body).toMatchObject({
      name: "Tierp, Nya vägar",
      status: "ansokan",
    });

    // the office completes the draft
    const saved = await call(url, {
      token: tokens.adminWrite,
      method: "PUT",
      json: { ...complete(), purpose: "Fler unga vuxna ska nå arbete.", version: 1 },
    });
    expect(saved.res.status).toBe(200);
    expect(saved.body).toMatchObject({
      version: 2,
      content: { purpose: "Fler unga vuxna ska nå arbete." },
    });

    // the paper original's signatures, then its arrival
    const signed = await signAllOnPaper(url);
    expect(signed.allSigned).toBe(true);
    expect(signed.parties[0].signature).toMatchObject({
      state: "signed",
      method: "paper",
      signedOn: "2026-11-01",
      signedVersion: 2,
    });
    const submitted = await post(`${url}/submit`, tokens.adminWrite, {
      version: 2,
      arrivalDate: "2026-11-02",
    });
    expect(submitted.res.status).toBe(200);
    expect(submitted.body).toMatchObject({
      status: "inskickad",
      arrivalDate: "2026-11-02",
      version: 3,
      registryNumber: expect.stringMatching(/^2026\/\d+$/),
    });
    const registryNumber = submitted.body.registryNumber;

    // preparation with a comment from the board, then back to the applicant
    const preparing = await post(`${url}/preparation`, tokens.adminWrite, { version: 3 });
    expect(preparing.body).toMatchObject({ status: "under_beredning", version: 4 });
    const comment = await post(`${url}/comments`, tokens.board, {
      text: "Budgeten för 2028 behöver förklaras.",
    });
    expect(comment.res.status).toBe(201);
    expect(comment.body).toEqual({
      id: expect.any(String),
      authorName: "Bo Styrelse",
      text: "Budgeten för 2028 behöver förklaras.",
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    const returned = await post(`${url}/return`, tokens.adminWrite, {
      version: 4,
      message: "Förklara ökningen av personalkostnaden 2028.",
    });
    expect(returned.body).toMatchObject({
      status: "komplettering",
      returnMessage: "Förklara ökningen av personalkostnaden 2028.",
      version: 5,
      comments: [{ text: "Budgeten för 2028 behöver förklaras." }],
    });

    // the completion: saving removes the signatures, so they are given again
    const completed = await call(url, {
      token: tokens.adminWrite,
      method: "PUT",
      json: {
        ...complete(),
        purpose: "Fler unga vuxna ska nå arbete.",
        background: `${complete().background}\nLönerna räknas upp 2028.`,
        version: 5,
      },
    });
    expect(completed.body).toMatchObject({ status: "komplettering", version: 6, allSigned: false });
    expect(completed.body.parties.map((p: { signature: unknown }) => p.signature)).toEqual([
      null,
      null,
      null,
    ]);
    await signAllOnPaper(url);
    const resubmitted = await post(`${url}/submit`, tokens.adminWrite, { version: 6 });
    expect(resubmitted.body).toMatchObject({
      status: "inskickad",
      registryNumber,
      arrivalDate: "2026-11-02",
      version: 7,
    });

    // the board decides
    const decided = await post(`${url}/decision`, tokens.board, {
      version: 7,
      decision: "beviljad",
      amount: "1 800 000",
      startDate: today,
      endDate: "2028-12-31",
      conditions: "Rapport till styrelsen efter första halvåret.",
      meeting: "Styrelsemöte",
      paragraph: "§ 14",
      decisionDate: today,
    });
    expect(decided.res.status).toBe(200);
    expect(decided.body).toMatchObject({
      status: "beviljad",
      version: 8,
      initiativeStatus: "pagaende",
      decision: {
        decision: "beviljad",
        amount: 1800000,
        startDate: today,
        endDate: "2028-12-31",
        conditions: "Rapport till styrelsen efter första halvåret.",
        meeting: "Styrelsemöte",
        paragraph: "14",
        decisionDate: today,
      },
    });
    const initiative = await call(initiativeUrl, { token: tokens.adminRead });
    expect(initiative.body).toMatchObject({
      status: "pagaende",
      startDate: today,
      endDate: "2028-12-31",
      name: "Tierp, Nya vägar",
    });

    // the history, and a decided application is no longer changed
    const history = await call(`${url}/versions`, { token: tokens.adminRead });
    expect(history.body.items.map((v: { event: string }) => v.event).reverse()).toEqual([
      "created",
      "saved",
      "registered",
      "preparation_started",
      "returned",
      "saved",
      "completed",
      "decided",
    ]);
    expect(history.body.items[0]).toMatchObject({ version: 8, actorName: "Bo Styrelse" });
    const late = await call(url, {
      token: tokens.adminWrite,
      method: "PUT",
      json: { ...complete(), version: 8 },
    });
    expectProblem(late, 400, "validation", url);
    expect(fieldsOf(late)).toEqual({ status: "Ansökan är beslutad och kan inte ändras." });
    const listed = await call(`${path}?status=beviljad`, { token: tokens.board });
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        id: created.body.id,
        name: "Tierp, Nya vägar",
        ownerName: "Tierps kommun",
        registryNumber,
        requested: 1850000,
        decidedAmount: 1800000,
      }),
    ]);
  });
});

describe("refusals", () => {
  it("names each inconsistency of a draft at its field, in Swedish", async () => {
    const result = await post(path, tokens.adminWrite, {
      ...complete(),
      endDate: "2026-06-30",
      lastIntakeDate: null,
      partnerIds: [orgs.tierp, orgs.fk],
      goals: [{ text: "Andel", kind: "resultatmal", targetPercent: 120 }],
      budget: [],
      coFinancing: [],
    });
    expectProblem(result, 400, "validation", path);
    expect(fieldsOf(result)).toEqual({
      endDate: "Slutdatum kan inte vara före startdatum.",
      partnerIds: expect.stringContaining("Insatsägaren kan inte också vara samverkanspart"),
      "goals.0.targetPercent": "Andelen för mål 1 kan inte vara över 100 %.",
    });
    const listed = await call(path, { token: tokens.adminRead });
    expect(listed.body.items.map((a: { name: string }) => a.name)).not.toContain("Andel");
  });

  it("names the schema's fields in Swedish, and an amount that is not whole kronor", async () => {
    const result = await post(path, tokens.adminWrite, {
      ...complete(),
      startDate: "1/1 2027",
      budget: [{ year: 2027, category: "kaffe", amount: 1 }],
      anchored: "ja",
    });
    expectProblem(result, 400, "validation", path);
    expect(fieldsOf(result)).toEqual({
      startDate:
        "Fältet startDate ska vara ett datum i formatet ÅÅÅÅ-MM-DD, till exempel 2026-01-15.",
      "budget.0.category": expect.stringMatching(/^Fältet budget\.0\.category ska vara ett av: /),
      anchored: "Fältet anchored ska vara true eller false.",
    });
    const kronor = await post(path, tokens.adminWrite, {
      ...complete(),
      budget: [{ year: 2027, category: "personal", amount: "tio tusen" }],
    });
    expect(fieldsOf(kronor)).toEqual({
      "budget.2027.personal": expect.stringContaining("hela kronor"),
    });
  });

  it("refuses to submit an incomplete, unsigned application and says what is missing", async () => {
    const created = await post(path, tokens.adminWrite, { ...complete(), purpose: "" });
    const url = `${path}/${created.body.id}`;
    const result = await post(`${url}/submit`, tokens.adminWrite, { version: 1 });
    expectProblem(result, 400, "validation", `${url}/submit`);
    expect(fieldsOf(result)).toEqual({ purpose: "Fyll i syfte innan du skickar in ansökan." });
    await call(url, {
      token: tokens.adminWrite,
      method: "PUT",
      json: { ...complete(), version: 1 },
    });
    const unsigned = await post(`${url}/submit`, tokens.adminWrite, { version: 2 });
    expect(fieldsOf(unsigned)).toEqual({
      signatures: expect.stringContaining("3 av 3 parter har inte skrivit under"),
    });
    expect((await call(url, { token: tokens.adminRead })).body.status).toBe("utkast");
  });

  it("answers 409 to a save based on an old version, with the other person's change", async () => {
    const created = await post(path, tokens.adminWrite, complete());
    const url = `${path}/${created.body.id}`;
    const anna = await call(url, {
      token: tokens.adminWrite,
      method: "PUT",
      json: { ...complete(), purpose: "Anna skrev om syftet.", version: 1 },
    });
    expect(anna.body.version).toBe(2);
    const bertil = await call(url, {
      token: tokens.adminWrite,
      method: "PUT",
      json: { ...complete(), methods: "Bertil ändrade metoden.", version: 1 },
    });
    expectProblem(bertil, 409, "conflict", url);
    expect(bertil.body.detail).toContain("version 2, du utgick från version 1");
    expect(bertil.body.changes).toEqual([
      {
        field: "purpose",
        label: "Syfte",
        before: ["Fler unga vuxna i Tierp ska nå arbete eller studier."],
        theirs: ["Anna skrev om syftet."],
      },
    ]);
    const current = await call(url, { token: tokens.adminRead });
    expect(current.body.content).toMatchObject({
      purpose: "Anna skrev om syftet.",
      methods: "Supported employment och MI.",
    });
    // a stale status change is a conflict too
    const stale = await post(`${url}/preparation`, tokens.adminWrite, { version: 1 });
    expectProblem(stale, 409, "conflict", `${url}/preparation`);
  });
});

describe("who sees and who may act", () => {
  let leadsUrl = "";

  it("lets an initiative lead start an application and become lead of its initiative", async () => {
    const created = await post(path, tokens.lead, { ...complete(), name: "Tierp, Ledarens" });
    expect(created.res.status).toBe(201);
    leadsUrl = `${path}/${created.body.id}`;
    expect((await call(leadsUrl, { token: tokens.lead })).body.name).toBeUndefined();
    expect((await call(leadsUrl, { token: tokens.lead })).body.content.name).toBe(
      "Tierp, Ledarens",
    );
    const saved = await call(leadsUrl, {
      token: tokens.lead,
      method: "PUT",
      json: { ...complete(), name: "Tierp, Ledarens väg", version: 1 },
    });
    expect(saved.body).toMatchObject({ version: 2, content: { name: "Tierp, Ledarens väg" } });
    const listed = await call(path, { token: tokens.lead });
    expect(listed.body.items.map((a: { id: string }) => a.id)).toEqual([created.body.id]);

    // a paper original and its arrival date are the office's
    const paper = await post(path, tokens.lead, { ...complete(), onPaper: true });
    expectProblem(paper, 403, "forbidden", path);
    expect(paper.body.detail).toContain("onPaper");
    const arrival = await post(`${leadsUrl}/submit`, tokens.lead, {
      version: 2,
      arrivalDate: "2026-11-02",
    });
    expectProblem(arrival, 403, "forbidden", `${leadsUrl}/submit`);
    expect(arrival.body.detail).toContain("ankomstdatum");
    const signing = await post(`${leadsUrl}/signatures/paper`, tokens.lead, {
      organisationId: orgs.tierp,
      name: "Tina Tierp",
      signedOn: "2026-11-01",
    });
    expectProblem(signing, 403, "forbidden", `${leadsUrl}/signatures/paper`);
  });

  it("asks for a signature by e-mail and never shows the link's key", async () => {
    sent.length = 0;
    const result = await post(`${leadsUrl}/signatures`, tokens.lead, {
      organisationId: orgs.fk,
      name: "Karin Ek",
      email: "Karin.Ek@fk.example",
      title: "Enhetschef",
    });
    expect(result.res.status).toBe(200);
    const fk = result.body.parties.find(
      (p: { organisationId: string }) => p.organisationId === orgs.fk,
    );
    expect(fk.signature).toMatchObject({
      state: "requested",
      method: "link",
      signerName: "Karin Ek",
      signerEmail: "karin.ek@fk.example",
      signerTitle: "Enhetschef",
      signedAt: null,
      expiresAt: expect.stringMatching(/^\d{4}-/),
    });
    expect(sent).toHaveLength(1);
    const link = /https:\/\/samspar\.example\/signera\/([\w-]+)/.exec(sent[0]?.text ?? "");
    expect(link?.[1]).toBeTruthy();
    expect(sent[0]?.to).toBe("karin.ek@fk.example");
    expect(result.text).not.toContain(link?.[1] ?? "?");
    expect((await call(leadsUrl, { token: tokens.lead })).text).not.toContain(link?.[1] ?? "?");

    const wrong = await post(`${leadsUrl}/signatures`, tokens.lead, {
      organisationId: orgs.foreign,
      name: " ",
      email: "inte-en-adress",
    });
    expectProblem(wrong, 400, "validation", `${leadsUrl}/signatures`);
    expect(Object.keys(fieldsOf(wrong)).sort()).toEqual(["email", "name", "organisationId"]);
  });

  it("answers 404 to an initiative lead of another initiative, exactly as for no application", async () => {
    const hidden = await call(leadsUrl, { token: tokens.otherLead });
    expectProblem(hidden, 404, "not-found", leadsUrl);
    const missingUrl = `${path}/3f2504e0-4f89-41d3-9a0c-0305e82c3301`;
    const missing = await call(missingUrl, { token: tokens.adminRead });
    expectProblem(missing, 404, "not-found", missingUrl);
    expect({ title: hidden.body.title, detail: hidden.body.detail }).toEqual({
      title: missing.body.title,
      detail: missing.body.detail,
    });
    for (const [suffix, method, json] of [
      ["", "PUT", { ...complete(), version: 2 }],
      ["/versions", "GET", undefined],
      ["/document?format=pdf", "GET", undefined],
      ["/signatures", "POST", { organisationId: orgs.fk, name: "X", email: "x@y.se" }],
    ] as const) {
      const result = await call(`${leadsUrl}${suffix}`, { token: tokens.otherLead, method, json });
      expect({ suffix, status: result.res.status }).toEqual({ suffix, status: 404 });
    }
    expect((await call(path, { token: tokens.otherLead })).body.items).toEqual([]);
    // an auditor has a role in the association but sees no application
    expectProblem(await call(leadsUrl, { token: tokens.auditor }), 404, "not-found", leadsUrl);
    expectProblem(await call(path, { token: tokens.auditor }), 403, "forbidden", path);
  });

  it("lets a steering group member read their initiative's application but not change it", async () => {
    const { body } = await call(leadsUrl, { token: tokens.lead });
    tokens.steering = await person(
      "styrgrupp@uppsala.se",
      "Sten Styr",
      "steering_group_member",
      body.initiativeId,
    );
    expect((await call(leadsUrl, { token: tokens.steering })).res.status).toBe(200);
    const write = await call(leadsUrl, {
      token: tokens.steering,
      method: "PUT",
      json: { name: 17 },
    });
    expectProblem(write, 403, "forbidden", leadsUrl);
    expect(write.body.detail).not.toContain("scope read");
  });

  it("answers 404 for another association's application, through either association", async () => {
    const viaOwn = `${path}/${foreignApplicationId}`;
    expectProblem(await call(viaOwn, { token: tokens.adminRead }), 404, "not-found", viaOwn);
    const viaForeign = `/associations/annat-forbund/applications/${foreignApplicationId}`;
    expectProblem(
      await call(viaForeign, { token: tokens.adminRead }),
      404,
      "not-found",
      viaForeign,
    );
    expectProblem(
      await call(viaForeign, { token: tokens.adminWrite, method: "PUT", json: complete() }),
      404,
      "not-found",
      viaForeign,
    );
    expectProblem(await call(leadsUrl, { token: tokens.otherAdmin }), 404, "not-found", leadsUrl);
    expect((await call(viaForeign, { token: tokens.otherAdmin })).res.status).toBe(200);
  });

  it("refuses a read token's writes with 403 before looking at the body, and lets it read", async () => {
    for (const [url, method, token] of [
      [path, "POST", tokens.adminRead],
      [path, "POST", tokens.leadRead],
      [leadsUrl, "PUT", tokens.adminRead],
      [leadsUrl, "PUT", tokens.leadRead],
      [`${leadsUrl}/submit`, "POST", tokens.adminRead],
      [`${leadsUrl}/decision`, "POST", tokens.adminRead],
      [`${leadsUrl}/signatures/paper`, "POST", tokens.adminRead],
    ] as const) {
      const result = await call(url, { token, method, json: { inte: "giltigt" } });
      expectProblem(result, 403, "forbidden", url);
      expect(result.body.detail).toContain("scope read");
    }
    expect((await call(leadsUrl, { token: tokens.leadRead })).res.status).toBe(200);
    expect((await call(leadsUrl, { token: tokens.adminRead })).body.version).toBe(2);
  });

  it("refuses the board's and a lead's office work with 403", async () => {
    const board = await post(`${leadsUrl}/return`, tokens.board, { version: 2, message: "Nej" });
    expectProblem(board, 403, "forbidden", `${leadsUrl}/return`);
    const lead = await post(`${leadsUrl}/decision`, tokens.lead, {});
    expectProblem(lead, 403, "forbidden", `${leadsUrl}/decision`);
    const comment = await post(`${leadsUrl}/comments`, tokens.lead, { text: "Hej" });
    expectProblem(comment, 403, "forbidden", `${leadsUrl}/comments`);
    const create = await post(path, tokens.board, complete());
    expectProblem(create, 403, "forbidden", path);
  });

  it("answers 400 for an id that is no uuid, to those who may act in the whole association", async () => {
    const bad = `${path}/inte-ett-id`;
    const result = await call(bad, { token: tokens.adminRead });
    expectProblem(result, 400, "validation", bad);
    expect(result.body.errors).toEqual([
      { field: "applicationId", message: expect.stringContaining("uuid") },
    ]);
    expectProblem(await call(bad, { token: tokens.lead }), 403, "forbidden", bad);
  });
});

describe("history and documents", () => {
  let url = "";
  beforeAll(async () => {
    const created = await post(path, tokens.adminWrite, complete());
    url = `${path}/${created.body.id}`;
    await call(url, {
      token: tokens.adminWrite,
      method: "PUT",
      json: { ...complete(), partnerIds: [orgs.fk], coFinancing: [], version: 1 },
    });
  });

  it("lists the versions and shows one as it was", async () => {
    const list = await call(`${url}/versions`, { token: tokens.adminRead });
    expect(list.body.items).toEqual([
      expect.objectContaining({ version: 2, event: "saved", actorName: "Ada Admin" }),
      expect.objectContaining({ version: 1, event: "created", status: "utkast" }),
    ]);
    const first = await call(`${url}/versions/1`, { token: tokens.adminRead });
    expect(first.body).toMatchObject({ version: 1, event: "created" });
    expect(first.body.content.partnerIds.sort()).toEqual([orgs.fk, orgs.af].sort());
    const missing = await call(`${url}/versions/9`, { token: tokens.adminRead });
    expectProblem(missing, 404, "not-found", `${url}/versions/9`);
  });

  it("diffs two versions with the organisations' names", async () => {
    const diff = await call(`${url}/diff?from=1&to=2`, { token: tokens.adminRead });
    expect(diff.res.status).toBe(200);
    expect(diff.body.from).toBe(1);
    expect(diff.body.changes.map((c: { field: string }) => c.field)).toEqual([
      "partnerIds",
      "coFinancing",
    ]);
    expect(diff.body.changes[0]).toEqual({
      field: "partnerIds",
      label: "Samverkansparter",
      before: ["Arbetsförmedlingen", "Försäkringskassan"],
      after: ["Försäkringskassan"],
      lines: [
        { op: "removed", text: "Arbetsförmedlingen" },
        { op: "same", text: "Försäkringskassan" },
      ],
    });
    const bad = await call(`${url}/diff?from=1`, { token: tokens.adminRead });
    expectProblem(bad, 400, "validation", `${url}/diff`);
    expect(bad.body.errors).toEqual([{ field: "to", message: "Fältet to saknas." }]);
    expectProblem(
      await call(`${url}/diff?from=1&to=7`, { token: tokens.adminRead }),
      404,
      "not-found",
      `${url}/diff`,
    );
  });

  it("is a Word document or a PDF to download", async () => {
    for (const [format, type, magic] of [
      [
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "PK\u0003\u0004",
      ],
      ["pdf", "application/pdf", "%PDF-"],
    ] as const) {
      const res = await app.request(`${url}/document?format=${format}`, {
        headers: { Authorization: `Bearer ${tokens.lead}` },
      });
      // the lead is not on this application's initiative
      expect(res.status).toBe(404);
      const ok = await app.request(`${url}/document?format=${format}`, {
        headers: { Authorization: `Bearer ${tokens.adminRead}` },
      });
      expect({ format, status: ok.status }).toEqual({ format, status: 200 });
      expect(ok.headers.get("content-type")).toBe(type);
      expect(ok.headers.get("content-disposition")).toMatch(
        new RegExp(
          `^attachment; filename="[^"]+\\.${format}"; filename\\*=UTF-8''\\S+\\.${format}$`,
        ),
      );
      const bytes = Buffer.from(await ok.arrayBuffer());
      expect(bytes.subarray(0, magic.length).toString("latin1")).toBe(magic);
      expect(bytes.length).toBeGreaterThan(1000);
    }
    // by the application's id alone: a redirect to the association's path, for its members only
    const id = url.split("/").pop() ?? "";
    const byId = await app.request(`/applications/${id}/document?format=pdf`, {
      headers: { Authorization: `Bearer ${tokens.adminRead}` },
    });
    expect(byId.status).toBe(307);
    expect(new URL(byId.headers.get("location") ?? "").pathname).toBe(`${url}/document`);
    const outsider = await app.request(
      `/api/v1/applications/${foreignApplicationId}/document?format=pdf`,
      {
        headers: { Authorization: `Bearer ${tokens.adminRead}` },
      },
    );
    expect(outsider.status).toBe(404);
    const odt = await call(`${url}/document?format=odt`, { token: tokens.adminRead });
    expectProblem(odt, 400, "validation", `${url}/document`);
    expect(odt.body.errors).toEqual([
      { field: "format", message: "Fältet format ska vara ett av: docx, pdf." },
    ]);
  });
});
