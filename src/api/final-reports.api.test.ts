// Final reports through the API, against a real database: started for an initiative with its
// facts filled in, saved (refusals at their field, conflicts that show the other person's
// change), signed by every party (a link by e-mail, or paper registered by the office; removed
// when the content changes), submitted (the initiative is closed), returned and resubmitted,
// accepted and locked; who sees what (404) and who may act (403), and the version history.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { todayInSweden } from "../applications/workflow.ts";
import { createAssociation } from "../associations/create-association.ts";
import { addMemberOrganisation } from "../associations/member-organisations.ts";
import { getInitiative } from "../initiatives/get-initiative.ts";
import { createInitiative } from "../initiatives/save-initiative.ts";
import { createMailer } from "../mail/send-mail.ts";
import { addUser } from "../people/add-user.ts";
import { assignRole } from "../people/assign-role.ts";
import { createApiToken } from "../people/create-api-token.ts";
import type { Role } from "../people/roles.ts";
import { type ApiApp, createApiTestApp } from "./api-test-client.ts";

const cli = { userId: null, label: "cli" };
let t: TestDatabase;
let app: ApiApp;
let associationId = "";
const orgs = { tierp: "", fk: "", foreign: "" };
const initiatives = { led: "", other: "", granted: "", foreign: "" };
const tokens = {
  admin: "",
  adminRead: "",
  board: "",
  lead: "",
  leadRead: "",
  otherLead: "",
  steering: "",
  coach: "",
  auditor: "",
  otherAdmin: "",
};
// The reports' dates are written for a day late in the year (an actual end on 31 October of this
// year): the clock stands on the demo's today, 23 November 2026, and moves on from there, so the
// file checks the same whatever day it runs (before 31 October the submission would be "in the
// future"). Only Date is faked.
vi.useFakeTimers({
  toFake: ["Date"],
  now: new Date("2026-11-23T12:00:00+01:00"),
  shouldAdvanceTime: true,
});
const today = todayInSweden();
const year = Number(today.slice(0, 4));
const base = "/associations/f/final-reports";

async function call(url: string, token: string, method = "GET", json?: unknown) {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  let body: string | undefined;
  if (json !== undefined) {
    body = JSON.stringify(json);
    headers["Content-Type"] = "application/json";
  }
  const res = await app.request(url, { method, headers, body });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, res };
}
const post = (url: string, token: string, json: unknown = {}) => call(url, token, "POST", json);
const put = (url: string, token: string, json: unknown) => call(url, token, "PUT", json);

const fieldsOf = (r: Awaited<ReturnType<typeof call>>): Record<string, string> =>
  Object.fromEntries(
    (r.body.errors as Array<{ field: string; message: string }>).map((e) => [e.field, e.message]),
  );

async function person(email: string, role: Role, initiativeId: string | null = null) {
  const user = await addUser(t.db, cli, { email, name: email.split("@")[0] ?? email });
  await assignRole(t.db, cli, { userId: user.id, associationId, role, initiativeId });
  return (await createApiToken(t.db, cli, { email, scope: "write" })).token;
}

beforeAll(async () => {
  t = await createTestDatabase();
  ({ app } = createApiTestApp(t, {
    mailer: createMailer({ smtpUrl: undefined, from: "x@y.se", enqueue: async () => {} }),
  }));
  associationId = (await createAssociation(t.db, cli, { slug: "f", name: "F" })).id;
  const other = await createAssociation(t.db, cli, { slug: "annat", name: "Annat" });
  const org = async (id: string, name: string, orgNumber: string, kind: string) =>
    (await addMemberOrganisation(t.db, cli, id, { name, orgNumber, kind })).id;
  orgs.tierp = await org(associationId, "Tierps kommun", "212000-0274", "kommun");
  orgs.fk = await org(associationId, "Försäkringskassan", "202100-5521", "forsakringskassan");
  orgs.foreign = await org(other.id, "Region Annat", "232100-0016", "region");
  const foreignPartner = await org(other.id, "Annan kommun", "212000-2882", "kommun");
  const initiative = async (
    association: string,
    name: string,
    owner: string,
    partner: string,
    status = "pagaende",
  ) =>
    (
      await createInitiative(t.db, cli, association, {
        name,
        ownerOrganisationId: owner,
        partnerIds: [partner],
        status,
        orientation: "individual",
        preRehabilitation: false,
        esf: false,
        startDate: `${year - 1}-01-01`,
        endDate: `${year + 1}-12-31`,
        targetGroup: "Unga vuxna",
        expectedParticipantsOngoing: false,
        goals: [{ text: "Till arbete eller studier", kind: "resultatmal", targetPercent: 60 }],
        localUnits: [],
      })
    ).id;
  initiatives.led = await initiative(associationId, "Tierp, Växtverket", orgs.tierp, orgs.fk);
  initiatives.other = await initiative(associationId, "Tierp, Lärcentrum", orgs.tierp, orgs.fk);
  initiatives.granted = await initiative(
    associationId,
    "Tierp, Beviljad",
    orgs.tierp,
    orgs.fk,
    "beviljad",
  );
  initiatives.foreign = await initiative(other.id, "Annan insats", orgs.foreign, foreignPartner);
  tokens.admin = await person("admin@f.se", "association_admin");
  tokens.adminRead = (
    await createApiToken(t.db, cli, { email: "admin@f.se", scope: "read" })
  ).token;
  tokens.board = await person("styrelse@f.se", "board_member");
  tokens.lead = await person("ledare@f.se", "initiative_lead", initiatives.led);
  tokens.leadRead = (
    await createApiToken(t.db, cli, { email: "ledare@f.se", scope: "read" })
  ).token;
  tokens.otherLead = await person("annan@f.se", "initiative_lead", initiatives.other);
  tokens.steering = await person("styrgrupp@f.se", "steering_group_member", initiatives.led);
  tokens.coach = await person("coach@f.se", "participant_officer", initiatives.led);
  tokens.auditor = await person("revisor@f.se", "auditor");
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
afterAll(async () => {
  vi.useRealTimers();
  await t.drop();
});

/** A complete body for the led initiative's report (one goal, two parties). */
const complete = (version: number) => ({
  version,
  goals: [{ achieved: "delvis", outcome: "De flesta kom vidare.", figures: "18 av 30" }],
  equality: "Vi följde könsfördelningen varje kvartal.",
  actualEndDate: `${year}-10-31`,
  participants: { women: "16", men: 12, otherOrNotStated: 2 },
  methodAsIntended: "ja",
  returnedFunds: { returned: "ja", amount: "25 000 kr", reason: "Vakans under våren." },
  lessons: [
    { organisationId: orgs.tierp, text: "Samverkan kräver tid." },
    { organisationId: orgs.fk, text: "Tidiga möten hjälper." },
  ],
});

/** The office registers both parties' paper signatures. */
async function signOnPaper(id: string) {
  for (const [organisationId, name] of [
    [orgs.tierp, "Tina Tierp"],
    [orgs.fk, "Karin Ek"],
  ] as const) {
    const signed = await post(`${base}/${id}/signatures/paper`, tokens.admin, {
      organisationId,
      name,
      signedOn: today,
    });
    expect(signed.status).toBe(200);
  }
}

let reportId = "";

describe("a final report from start to lock", () => {
  it("is started by the lead with the initiative's facts, once per initiative", async () => {
    // the steering group and the board see reports but may not start one; nor another lead
    for (const token of [tokens.steering, tokens.board, tokens.otherLead, tokens.leadRead])
      expect(
        (await post(`/associations/f/initiatives/${initiatives.led}/final-report`, token)).status,
      ).toBe(403);
    const created = await post(
      `/associations/f/initiatives/${initiatives.led}/final-report`,
      tokens.lead,
    );
    expect(created.status).toBe(201);
    reportId = created.body.id;
    expect(created.body).toMatchObject({
      initiativeId: initiatives.led,
      initiativeName: "Tierp, Växtverket",
      initiativeStatus: "pagaende",
      status: "utkast",
      registryNumber: null,
      version: 1,
      content: {
        initiativeName: "Tierp, Växtverket",
        ownerName: "Tierps kommun",
        parties: [
          { organisationId: orgs.tierp, isOwner: true },
          { organisationId: orgs.fk, isOwner: false },
        ],
        goals: [{ text: "Till arbete eller studier", targetPercent: 60, achieved: null }],
        plannedStartDate: `${year - 1}-01-01`,
        actualEndDate: null,
        participants: { feasibilityStudy: false, women: null },
      },
    });
    // asking again gives the same one back
    const again = await post(
      `/associations/f/initiatives/${initiatives.led}/final-report`,
      tokens.admin,
    );
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(reportId);
    // an initiative that has not started gets none; one in another association is not found
    const granted = await post(
      `/associations/f/initiatives/${initiatives.granted}/final-report`,
      tokens.admin,
    );
    expect(granted.status).toBe(400);
    expect(fieldsOf(granted).status).toMatch(/har startat/);
    expect(
      (await post(`/associations/f/initiatives/${initiatives.foreign}/final-report`, tokens.admin))
        .status,
    ).toBe(404);
    expect(
      (await post(`/associations/annat/initiatives/${initiatives.led}/final-report`, tokens.lead))
        .status,
    ).toBe(404);
  });

  it("shows the report to whoever may see the initiative's reports, and to nobody else", async () => {
    for (const token of [
      tokens.admin,
      tokens.adminRead,
      tokens.board,
      tokens.lead,
      tokens.steering,
    ])
      expect((await call(`${base}/${reportId}`, token)).status).toBe(200);
    // a lead of another initiative, the coach and the auditor do not know it exists
    for (const token of [tokens.otherLead, tokens.coach, tokens.auditor])
      expect((await call(`${base}/${reportId}`, token)).status).toBe(404);
    expect(
      (await call(`/associations/annat/final-reports/${reportId}`, tokens.otherAdmin)).status,
    ).toBe(404);
    expect((await call(`${base}/00000000-0000-4000-8000-000000000000`, tokens.admin)).status).toBe(
      404,
    );

    const lead = await call(base, tokens.lead);
    expect(lead.body.items.map((r: { id: string }) => r.id)).toEqual([reportId]);
    expect((await call(base, tokens.otherLead)).body.items).toEqual([]);
    expect((await call(base, tokens.coach)).status).toBe(403);
    const filtered = await call(`${base}?status=last`, tokens.admin);
    expect(filtered.body.items).toEqual([]);
  });

  it("saves a draft, refuses contradictions at their field, and a stale version with the other change", async () => {
    expect((await put(`${base}/${reportId}`, tokens.steering, complete(1))).status).toBe(403);
    expect((await put(`${base}/${reportId}`, tokens.leadRead, complete(1))).status).toBe(403);
    const refused = await put(`${base}/${reportId}`, tokens.lead, {
      version: 1,
      participants: { feasibilityStudy: true, women: 3 },
      returnedFunds: { returned: "nej", amount: "tio kronor" },
    });
    expect(refused.status).toBe(400);
    expect(fieldsOf(refused)).toMatchObject({
      "participants.feasibilityStudy": expect.stringMatching(/förstudie/),
      "returnedFunds.amount": expect.stringMatching(/hela kronor/),
    });
    const shape = await put(`${base}/${reportId}`, tokens.lead, {
      version: 1,
      methodAsIntended: "kanske",
    });
    expect(shape.status).toBe(400);

    const saved = await put(`${base}/${reportId}`, tokens.lead, complete(1));
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(2);
    expect(saved.body.content).toMatchObject({
      participants: { feasibilityStudy: false, women: 16, men: 12, otherOrNotStated: 2 },
      returnedFunds: { returned: "ja", amount: 25000 },
      lessons: [{ text: "Samverkan kräver tid." }, { text: "Tidiga möten hjälper." }],
      // the snapshot is not for the lead to change
      initiativeName: "Tierp, Växtverket",
    });

    const stale = await put(`${base}/${reportId}`, tokens.admin, {
      ...complete(1),
      equality: "Något annat.",
    });
    expect(stale.status).toBe(409);
    expect(stale.body.detail).toMatch(/Någon annan har ändrat slutrapporten/);
    expect(stale.body.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: "equality",
          label: "Jämställdhet och jämlikhet",
          theirs: ["Vi följde könsfördelningen varje kvartal."],
        }),
      ]),
    );
  });

  it("is signed by every party: by a link the lead asks for, or on paper the office registers", async () => {
    // not before every party has signed
    const early = await post(`${base}/${reportId}/submit`, tokens.lead, { version: 2 });
    expect(early.status).toBe(400);
    expect(fieldsOf(early)).toEqual({
      signatures:
        "2 av 2 parter har inte skrivit under slutrapporten. Alla parter skriver under innan den skickas in: be om underskrift via länk, eller låt förbundets kansli registrera en underskrift på papper.",
    });

    const request = { organisationId: orgs.fk, name: "Karin Ek", email: "karin.ek@fk.example" };
    for (const token of [tokens.steering, tokens.board, tokens.leadRead])
      expect((await post(`${base}/${reportId}/signatures`, token, request)).status).toBe(403);
    expect((await post(`${base}/${reportId}/signatures`, tokens.otherLead, request)).status).toBe(
      404,
    );
    const invalid = await post(`${base}/${reportId}/signatures`, tokens.lead, {
      ...request,
      email: "karin",
    });
    expect(invalid.status).toBe(400);
    expect(fieldsOf(invalid).email).toMatch(/giltig e-postadress/);
    const asked = await post(`${base}/${reportId}/signatures`, tokens.lead, {
      ...request,
      title: "Enhetschef",
    });
    expect(asked.status).toBe(200);
    expect(asked.body.version).toBe(2);
    expect(asked.body.allSigned).toBe(false);
    expect(asked.body.parties[1]).toMatchObject({
      organisationId: orgs.fk,
      isOwner: false,
      signature: {
        state: "requested",
        method: "link",
        signerName: "Karin Ek",
        signerEmail: "karin.ek@fk.example",
        signerTitle: "Enhetschef",
        signedAt: null,
        expiresAt: expect.any(String),
      },
    });
    // the link's key goes to the signer by e-mail only
    expect(JSON.stringify(asked.body)).not.toMatch(/token/i);

    // paper signatures are the office's to register
    const paper = { organisationId: orgs.tierp, name: "Tina Tierp", signedOn: today };
    expect((await post(`${base}/${reportId}/signatures/paper`, tokens.lead, paper)).status).toBe(
      403,
    );
    const future = await post(`${base}/${reportId}/signatures/paper`, tokens.admin, {
      ...paper,
      signedOn: `${year + 1}-01-01`,
    });
    expect(future.status).toBe(400);
    expect(fieldsOf(future).signedOn).toMatch(/framtiden/);
    await signOnPaper(reportId);
    const all = await call(`${base}/${reportId}`, tokens.steering);
    expect(all.body.allSigned).toBe(true);
    expect(
      all.body.parties.map((p: { signature: { state: string; method: string } }) => [
        p.signature.state,
        p.signature.method,
      ]),
    ).toEqual([
      ["signed", "paper"],
      ["signed", "paper"],
    ]);
  });

  it("is submitted by the lead, which closes the initiative; the office returns and accepts it", async () => {
    expect((await post(`${base}/${reportId}/submit`, tokens.steering, { version: 2 })).status).toBe(
      403,
    );
    const submitted = await post(`${base}/${reportId}/submit`, tokens.lead, { version: 2 });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({
      status: "inskickad",
      arrivalDate: today,
      initiativeStatus: "avslutad",
      version: 3,
    });
    expect(submitted.body.registryNumber).toMatch(new RegExp(`^${year}/\\d+$`));
    // the signatures it was submitted with are part of what was submitted
    expect(submitted.body.content.signatures).toEqual([
      {
        organisationId: orgs.tierp,
        signerName: "Tina Tierp",
        signerTitle: "",
        signerEmail: "",
        method: "paper",
        signedOn: today,
      },
      {
        organisationId: orgs.fk,
        signerName: "Karin Ek",
        signerTitle: "",
        signerEmail: "",
        method: "paper",
        signedOn: today,
      },
    ]);
    // and they stay as they were: no more requests once it is submitted
    const late = await post(`${base}/${reportId}/signatures/paper`, tokens.admin, {
      organisationId: orgs.fk,
      name: "Karin Ek",
      signedOn: today,
    });
    expect(late.status).toBe(400);
    expect(fieldsOf(late).status).toMatch(/inskickad/);
    expect(await getInitiative(t.db, associationId, initiatives.led)).toMatchObject({
      status: "avslutad",
      endDate: `${year}-10-31`,
    });

    // only the office reviews
    for (const token of [tokens.lead, tokens.board, tokens.adminRead]) {
      expect(
        (await post(`${base}/${reportId}/return`, token, { version: 3, message: "X" })).status,
      ).toBe(403);
      expect((await post(`${base}/${reportId}/accept`, token, { version: 3 })).status).toBe(403);
    }
    const empty = await post(`${base}/${reportId}/return`, tokens.admin, {
      version: 3,
      message: " ",
    });
    expect(empty.status).toBe(400);
    expect(fieldsOf(empty).message).toMatch(/Skriv vad/);
    const returned = await post(`${base}/${reportId}/return`, tokens.admin, {
      version: 3,
      message: "Beskriv metoden.",
    });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({
      status: "aterskickad",
      initiativeStatus: "avslutad",
      comments: [{ text: "Beskriv metoden." }],
    });

    const completed = await put(`${base}/${reportId}`, tokens.lead, {
      ...complete(4),
      methodChange: "Mer gruppverksamhet än planerat.",
    });
    expect(completed.status).toBe(200);
    // the change removed the signatures given for the report as it was
    expect(completed.body.parties.map((p: { signature: unknown }) => p.signature)).toEqual([
      null,
      null,
    ]);
    expect(
      fieldsOf(await post(`${base}/${reportId}/submit`, tokens.lead, { version: 5 })).signatures,
    ).toMatch(/^2 av 2 parter/);
    await signOnPaper(reportId);
    const resubmitted = await post(`${base}/${reportId}/submit`, tokens.lead, { version: 5 });
    expect(resubmitted.body).toMatchObject({
      status: "inskickad",
      registryNumber: submitted.body.registryNumber,
    });

    const accepted = await post(`${base}/${reportId}/accept`, tokens.admin, { version: 6 });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe("last");
    expect(accepted.body.lockedAt).toEqual(expect.any(String));

    // locked: no change gets through, not even by the office
    const locked = await put(`${base}/${reportId}`, tokens.admin, complete(7));
    expect(locked.status).toBe(400);
    expect(fieldsOf(locked).status).toMatch(/låst/);

    const versions = await call(`${base}/${reportId}/versions`, tokens.steering);
    expect(versions.status).toBe(200);
    expect(versions.body.items.map((v: { event: string }) => v.event)).toEqual([
      "locked",
      "resubmitted",
      "saved",
      "returned",
      "submitted",
      "saved",
      "created",
    ]);
    expect((await call(`${base}/${reportId}/versions`, tokens.otherLead)).status).toBe(404);
    const list = await call(`${base}?status=last`, tokens.board);
    expect(
      list.body.items.map((r: { id: string; ownerName: string }) => [r.id, r.ownerName]),
    ).toEqual([[reportId, "Tierps kommun"]]);
  });

  it("refuses an incomplete submission, naming each missing field", async () => {
    const created = await post(
      `/associations/f/initiatives/${initiatives.other}/final-report`,
      tokens.otherLead,
    );
    expect(created.status).toBe(201);
    const refused = await post(`${base}/${created.body.id}/submit`, tokens.otherLead, {
      version: 1,
    });
    expect(refused.status).toBe(400);
    expect(Object.keys(fieldsOf(refused)).sort()).toEqual(
      [
        "actualEndDate",
        "goals.0.achieved",
        "lessons.0.text",
        "lessons.1.text",
        "participants.men",
        "participants.otherOrNotStated",
        "participants.women",
        "signatures",
      ].sort(),
    );
    expect((await getInitiative(t.db, associationId, initiatives.other))?.status).toBe("pagaende");
  });
});
