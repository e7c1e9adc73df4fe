// Periodic reports through the API, against a real database: the whole way from draft through
// return and resubmission to the lock, the status answers as data, who sees what (404) and who
// may act (403), conflicts, and the Swedish refusal of a locked report.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { createAssociation } from "../associations/create-association.ts";
import { addMemberOrganisation } from "../associations/member-organisations.ts";
import { createInitiative } from "../initiatives/save-initiative.ts";
import type { Mailer } from "../mail/send-mail.ts";
import { addUser } from "../people/add-user.ts";
import { assignRole } from "../people/assign-role.ts";
import { createApiToken } from "../people/create-api-token.ts";
import type { Role } from "../people/roles.ts";
import { type ApiApp, createApiTestApp } from "./api-test-client.ts";

const cli = { userId: null, label: "cli" };
const mailer: Mailer = {
  send: async () => ({ id: "00000000-0000-4000-8000-000000000000", status: "outbox" }),
  deliver: async () => {},
};

let t: TestDatabase;
let app: ApiApp;
const base = "/associations/uppsala-lan/periodic-reports";
const tokens = {
  admin: "",
  adminRead: "",
  board: "",
  lead: "",
  steering: "",
  coach: "",
  otherLead: "",
  auditor: "",
  foreignAdmin: "",
};
let associationId = "";
const initiatives = { led: "", other: "" };

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
const get = (url: string, token: string) => call(url, { token });
const post = (url: string, token: string, json: unknown) =>
  call(url, { token, method: "POST", json });
const put = (url: string, token: string, json: unknown) =>
  call(url, { token, method: "PUT", json });

function expectProblem(result: Awaited<ReturnType<typeof call>>, status: number, type: string) {
  expect({ status: result.res.status, type: result.body?.type }).toEqual({
    status,
    type: `urn:samspar:problem:${type}`,
  });
  expect(result.res.headers.get("content-type")).toBe("application/problem+json");
  expect(result.body.detail).toMatch(/[a-zåäö]/i);
}

const fieldsOf = (result: Awaited<ReturnType<typeof call>>): Record<string, string> =>
  Object.fromEntries(
    (result.body.errors as Array<{ field: string; message: string }>).map((e) => [
      e.field,
      e.message,
    ]),
  );

/** The lead's sections as a client sends them: the derived questions left to Samspår. */
const sections = (version: number, goalId: string) => ({
  version,
  activities: "Tolv deltagare har börjat praktik.\n\n- Två har fått anställning.",
  userParticipation: "Fokusgrupp i mars.",
  goals: [{ goalId, goalText: "Till arbete eller studier", assessment: "i_fas", comment: "" }],
  answers: {
    inPhase: { answer: "ja_kommentar", comment: "Praktikplatserna kom sent." },
    steeringPrognosis: { answer: "ingen" },
    startedOnTime: { answer: "ja" },
    vacanciesFunded: { answer: "nej" },
    vacanciesOwn: { answer: "nej" },
    methodChecked: { answer: "ja" },
    targetGroupChecked: { answer: "ja" },
    equityDiscussed: { answer: "ja" },
    genderEqualityDiscussed: { answer: "nej", comment: "Tas upp i maj." },
    deviationGoalsOrTargetGroup: { answer: "nej" },
  },
  reportedBy: "Lea Ledare",
  reportedOn: "2026-04-20",
});

async function person(email: string, name: string, role: Role, initiativeId: string | null = null) {
  const user = await addUser(t.db, cli, { email, name });
  await assignRole(t.db, cli, { userId: user.id, associationId, role, initiativeId });
  return (await createApiToken(t.db, cli, { email, scope: "write" })).token;
}

/** The K1 2026 report of an initiative, as the admin lists it. */
async function k1(initiativeId: string) {
  const list = await get(`${base}?periodKey=2026-K1&initiativeId=${initiativeId}`, tokens.admin);
  expect(list.res.status).toBe(200);
  expect(list.body.items).toHaveLength(1);
  return list.body.items[0] as { id: string; version: number };
}

beforeAll(async () => {
  t = await createTestDatabase();
  ({ app } = createApiTestApp(t, { mailer }));
  associationId = (
    await createAssociation(t.db, cli, {
      slug: "uppsala-lan",
      name: "Samordningsförbundet Uppsala län",
    })
  ).id;
  const foreign = await createAssociation(t.db, cli, { slug: "annat-forbund", name: "Annat" });
  const org = async (name: string, orgNumber: string, kind: string) =>
    (await addMemberOrganisation(t.db, cli, associationId, { name, orgNumber, kind })).id;
  const tierp = await org("Tierps kommun", "212000-0274", "kommun");
  const fk = await org("Försäkringskassan", "202100-5521", "forsakringskassan");
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
        startDate: "2026-01-01",
        endDate: "2027-12-31",
        targetGroup: "Unga vuxna",
        expectedParticipantsOngoing: false,
        goals: [{ text: "Till arbete eller studier", kind: "resultatmal", targetPercent: "60" }],
        localUnits: [],
      })
    ).id;
  initiatives.led = await running("Tierp, Växtverket");
  initiatives.other = await running("Tierp, Lärcentrum");

  const admin = await addUser(t.db, cli, { email: "admin@uppsala.se", name: "Ada Admin" });
  await assignRole(t.db, cli, { userId: admin.id, associationId, role: "association_admin" });
  tokens.admin = (await createApiToken(t.db, cli, { email: admin.email, scope: "write" })).token;
  tokens.adminRead = (await createApiToken(t.db, cli, { email: admin.email, scope: "read" })).token;
  tokens.board = await person("styrelse@uppsala.se", "Bo Styrelse", "board_member");
  tokens.lead = await person("lea@tierp.se", "Lea Ledare", "initiative_lead", initiatives.led);
  tokens.steering = await person(
    "sara@fk.se",
    "Sara Styrgrupp",
    "steering_group_member",
    initiatives.led,
  );
  tokens.coach = await person(
    "coach@tierp.se",
    "Cora Coach",
    "participant_officer",
    initiatives.led,
  );
  tokens.otherLead = await person(
    "olle@tierp.se",
    "Olle Annan",
    "initiative_lead",
    initiatives.other,
  );
  tokens.auditor = await person("granskare@uppsala.se", "Gun Granskare", "auditor");
  const foreignAdmin = await addUser(t.db, cli, { email: "admin@annat.se", name: "Annan Admin" });
  await assignRole(t.db, cli, {
    userId: foreignAdmin.id,
    associationId: foreign.id,
    role: "association_admin",
  });
  tokens.foreignAdmin = (
    await createApiToken(t.db, cli, { email: foreignAdmin.email, scope: "write" })
  ).token;
});
afterAll(() => t?.drop());

describe("the list", () => {
  it("creates the calendar's reports and shows each caller the reports it may see", async () => {
    const all = await get(base, tokens.admin);
    expect(all.res.status).toBe(200);
    // both initiatives started 2026-01-01: K1–K4 of 2026 have begun (the clock is past 2026-10-01)
    const keys = (all.body.items as Array<{ initiativeName: string; periodKey: string }>)
      .filter((r) => r.periodKey.startsWith("2026-"))
      .map((r) => `${r.initiativeName} ${r.periodKey}`);
    expect(keys).toContain("Tierp, Växtverket 2026-K1");
    expect(keys).toContain("Tierp, Lärcentrum 2026-K1");
    const first = all.body.items.find(
      (r: { periodKey: string }) => r.periodKey === "2026-K1",
    ) as Record<string, unknown>;
    expect(first).toMatchObject({
      periodStart: "2026-01-01",
      periodEnd: "2026-03-31",
      dueDate: "2026-04-30",
      status: "utkast",
      overdue: true,
      submittedLate: false,
      registryNumber: null,
    });

    const lead = await get(base, tokens.lead);
    expect(lead.res.status).toBe(200);
    expect(new Set(lead.body.items.map((r: { initiativeId: string }) => r.initiativeId))).toEqual(
      new Set([initiatives.led]),
    );
    const steering = await get(`${base}?status=utkast&periodKey=2026-K2`, tokens.steering);
    expect(steering.body.items.map((r: { periodKey: string }) => r.periodKey)).toEqual(["2026-K2"]);
    expect((await get(base, tokens.board)).body.items).toHaveLength(all.body.items.length);
    expect((await get(base, tokens.adminRead)).res.status).toBe(200);
  });

  it("refuses roles that see no reports, a foreign association, and a bad filter", async () => {
    expectProblem(await get(base, tokens.auditor), 403, "forbidden");
    expectProblem(await get(base, tokens.coach), 403, "forbidden");
    expectProblem(await get(base, tokens.foreignAdmin), 404, "not-found");
    const bad = await get(`${base}?status=klar&periodKey=2026-Q1`, tokens.admin);
    expectProblem(bad, 400, "validation");
    expect(Object.keys(fieldsOf(bad)).sort()).toEqual(["periodKey", "status"]);
  });
});

describe("a report's way from draft to lock", () => {
  it("is saved, submitted, registered, returned, completed, resubmitted and locked", async () => {
    const { id } = await k1(initiatives.led);
    const url = `${base}/${id}`;
    const fresh = await get(url, tokens.lead);
    expect(fresh.res.status).toBe(200);
    expect(fresh.body).toMatchObject({
      initiativeName: "Tierp, Växtverket",
      ownerName: "Tierps kommun",
      periodKey: "2026-K1",
      status: "utkast",
      content: { activities: "", answers: { inPhase: { answer: null, comment: "" } } },
    });
    // 2.4 is pre-filled with the initiative's goals
    const goal = fresh.body.content.goals[0];
    expect(goal).toMatchObject({ goalText: "Till arbete eller studier", assessment: null });
    expect(fresh.body.derived.steeringMeetingsAsAgreed.answer).toBe("nej");

    // save
    const saved = await put(url, tokens.lead, sections(fresh.body.version, goal.goalId));
    expect(saved.res.status).toBe(200);
    expect(saved.body.version).toBe(fresh.body.version + 1);
    expect(saved.body.content.answers.inPhase).toEqual({
      answer: "ja_kommentar",
      comment: "Praktikplatserna kom sent.",
    });
    expect(saved.body.content.answers.budgetDeviationSubmitted.answer).toBeNull();

    // a stale version is a conflict, and nothing changes
    const stale = await put(url, tokens.lead, {
      ...sections(fresh.body.version, goal.goalId),
      activities: "Skrivet av någon annan.",
    });
    expectProblem(stale, 409, "conflict");
    expect(stale.body.detail).toContain(`version ${saved.body.version}`);

    // submit: the derived answers are filled from data
    const submitted = await post(`${url}/submit`, tokens.lead, { version: saved.body.version });
    expect(submitted.res.status).toBe(200);
    expect(submitted.body.status).toBe("inskickad");
    expect(submitted.body.submittedAt).not.toBeNull();
    expect(submitted.body.content.answers.budgetDeviationSubmitted.answer).toBe("nej");
    // a submitted report is not the lead's to change
    const whileIn = await put(url, tokens.lead, sections(submitted.body.version, goal.goalId));
    expectProblem(whileIn, 400, "validation");
    expect(fieldsOf(whileIn).status).toMatch(/inskickad/);

    // the steering group writes 2.6 while the office reviews
    const analysis = await put(`${url}/steering-analysis`, tokens.steering, {
      version: submitted.body.version,
      goalFulfilment: "I fas, men praktikplatserna behöver bli fler.",
      writtenBy: "Sara Styrgrupp",
      writtenOn: "2026-05-02",
    });
    expect(analysis.res.status).toBe(200);
    expect(analysis.body.steeringAnalysis).toMatchObject({
      goalFulfilment: "I fas, men praktikplatserna behöver bli fler.",
      budget: "",
      writtenBy: "Sara Styrgrupp",
      writtenOn: "2026-05-02",
    });

    // arrival: a diarienummer, the date and the initials
    const registered = await post(`${url}/arrival`, tokens.admin, {
      version: analysis.body.version,
      arrivalDate: "2026-05-04",
      initials: "aa",
    });
    expect(registered.res.status).toBe(200);
    expect(registered.body).toMatchObject({
      arrivalDate: "2026-05-04",
      receivedByInitials: "AA",
      registryNumber: expect.stringMatching(/^2026\/\d+$/),
    });
    const registryNumber = registered.body.registryNumber as string;

    // returned with what to complete
    const emptyReturn = await post(`${url}/return`, tokens.admin, {
      version: registered.body.version,
      message: " ",
    });
    expectProblem(emptyReturn, 400, "validation");
    expect(fieldsOf(emptyReturn).message).toBe("Skriv vad som ska kompletteras.");
    const returned = await post(`${url}/return`, tokens.admin, {
      version: registered.body.version,
      message: "Beskriv brukarmedverkan närmare.",
    });
    expect(returned.res.status).toBe(200);
    expect(returned.body.status).toBe("aterskickad");
    expect(returned.body.comments.map((c: { text: string }) => c.text)).toEqual([
      "Beskriv brukarmedverkan närmare.",
    ]);

    // completed and resubmitted: the arrival stays registered
    const completed = await put(url, tokens.lead, {
      ...sections(returned.body.version, goal.goalId),
      userParticipation: "Fokusgrupp i mars med åtta deltagare; två förslag infördes.",
    });
    expect(completed.res.status).toBe(200);
    const resubmitted = await post(`${url}/submit`, tokens.lead, {
      version: completed.body.version,
    });
    expect(resubmitted.res.status).toBe(200);
    expect(resubmitted.body).toMatchObject({
      status: "inskickad",
      arrivalDate: "2026-05-04",
      registryNumber,
      receivedByInitials: "AA",
    });

    // accepted: locked for good
    const accepted = await post(`${url}/accept`, tokens.admin, {
      version: resubmitted.body.version,
    });
    expect(accepted.res.status).toBe(200);
    expect(accepted.body.status).toBe("last");
    expect(accepted.body.lockedAt).not.toBeNull();

    const refused = await put(url, tokens.lead, sections(accepted.body.version, goal.goalId));
    expectProblem(refused, 400, "validation");
    expect(fieldsOf(refused).status).toBe(
      "Rapporten är granskad och låst. Den kan inte ändras av någon.",
    );
    const byOffice = await put(`${url}/steering-analysis`, tokens.admin, {
      version: accepted.body.version,
      goalFulfilment: "Ändrat i efterhand.",
      writtenBy: "Ada Admin",
    });
    expectProblem(byOffice, 400, "validation");
    expect(fieldsOf(byOffice).status).toMatch(/låst/);
    const after = await get(url, tokens.board);
    expect(after.body.version).toBe(accepted.body.version);
    expect(after.body.steeringAnalysis.goalFulfilment).toBe(
      "I fas, men praktikplatserna behöver bli fler.",
    );

    const history = await get(`${url}/versions`, tokens.steering);
    expect(history.res.status).toBe(200);
    expect(history.body.items.map((v: { event: string }) => v.event)).toEqual([
      "locked",
      "resubmitted",
      "saved",
      "returned",
      "registered",
      "steering_analysis_saved",
      "submitted",
      "saved",
      "created",
    ]);
    expect(history.body.items[0]).toMatchObject({ status: "last", actorName: "Ada Admin" });
    expect(history.body.items[4].note).toContain(registryNumber);
  });

  it("returns the locked report's status answers as codes, for those who see the initiative", async () => {
    const answers = await get(
      "/associations/uppsala-lan/status-answers?periodKey=2026-K1",
      tokens.board,
    );
    expect(answers.res.status).toBe(200);
    expect(answers.body.items).toHaveLength(1);
    const [row] = answers.body.items;
    expect(row).toMatchObject({
      initiativeId: initiatives.led,
      initiativeName: "Tierp, Växtverket",
      periodKey: "2026-K1",
      periodEnd: "2026-03-31",
      status: "last",
      goals: [{ goalText: "Till arbete eller studier", assessment: "i_fas" }],
    });
    expect(row.answers.inPhase).toEqual({
      answer: "ja_kommentar",
      comment: "Praktikplatserna kom sent.",
    });
    expect(row.answers.steeringPrognosis.answer).toBe("ingen");
    expect(row.answers.genderEqualityDiscussed).toEqual({
      answer: "nej",
      comment: "Tas upp i maj.",
    });
    // derived when submitted: no meetings held, no budget deviation
    expect(row.answers.steeringMeetingsAsAgreed.answer).toBe("nej");
    expect(row.answers.budgetDeviationSubmitted.answer).toBe("nej");
    expect(Object.keys(row.answers)).toHaveLength(14);

    const byDates = await get(
      "/associations/uppsala-lan/status-answers?from=2026-03-31&to=2026-03-31",
      tokens.lead,
    );
    expect(byDates.body.items.map((r: { reportId: string }) => r.reportId)).toEqual([row.reportId]);
    // the other initiative's lead sees no answers of this one; the answers of drafts are not data
    const other = await get("/associations/uppsala-lan/status-answers", tokens.otherLead);
    expect(other.res.status).toBe(200);
    expect(other.body.items).toEqual([]);
    expectProblem(
      await get("/associations/uppsala-lan/status-answers", tokens.auditor),
      403,
      "forbidden",
    );
    expectProblem(
      await get("/associations/uppsala-lan/status-answers?from=31/3", tokens.admin),
      400,
      "validation",
    );
  });
});

describe("who sees and who may act", () => {
  it("answers 404 for a report the caller may not see, exactly as for one that does not exist", async () => {
    const { id } = await k1(initiatives.led);
    const url = `${base}/${id}`;
    const missing = await get(`${base}/00000000-0000-4000-8000-000000000000`, tokens.admin);
    expectProblem(missing, 404, "not-found");
    for (const token of [tokens.coach, tokens.otherLead, tokens.auditor]) {
      const seen = await get(url, token);
      expectProblem(seen, 404, "not-found");
      expect(seen.body.detail).toBe(missing.body.detail);
      expectProblem(await get(`${url}/versions`, token), 404, "not-found");
    }
    // a foreign association's admin does not learn that the association exists
    expectProblem(await get(url, tokens.foreignAdmin), 404, "not-found");
    expectProblem(
      await post(`/associations/annat-forbund/periodic-reports/${id}/accept`, tokens.foreignAdmin, {
        version: 1,
      }),
      404,
      "not-found",
    );
    expectProblem(await get(`${base}/inte-ett-id`, tokens.admin), 400, "validation");
  });

  it("answers 403 to those who see the report but may not act, whatever they send", async () => {
    const { id, version } = await k1(initiatives.other);
    const url = `${base}/${id}`;
    expect((await get(url, tokens.board)).res.status).toBe(200);
    expect((await get(url, tokens.otherLead)).res.status).toBe(200);
    // the board reads; the lead writes but does not register, return or lock
    expectProblem(await put(url, tokens.board, { version }), 403, "forbidden");
    for (const action of ["arrival", "accept", "return"])
      expectProblem(await post(`${url}/${action}`, tokens.otherLead, {}), 403, "forbidden");
    // 2.6 is the steering group's; the board reads the discussion but takes no part in it
    expectProblem(
      await put(`${url}/steering-analysis`, tokens.otherLead, { version }),
      403,
      "forbidden",
    );
    expectProblem(await post(`${url}/comments`, tokens.board, { text: "Hej" }), 403, "forbidden");
    // a read-only key is told why
    const readOnly = await put(url, tokens.adminRead, { version });
    expectProblem(readOnly, 403, "forbidden");
    expect(readOnly.body.detail).toContain("scope read");
    // nothing was written
    expect((await get(url, tokens.admin)).body.version).toBe(version);
  });

  it("takes comments from the office, the lead and the steering group, on the report or an answer", async () => {
    const { id } = await k1(initiatives.led);
    const other = await k1(initiatives.other);
    const byOffice = await post(`${base}/${other.id}/comments`, tokens.admin, {
      text: "Glöm inte brukarmedverkan.",
    });
    expect(byOffice.res.status).toBe(201);
    expect(byOffice.body).toMatchObject({
      field: null,
      authorName: "Ada Admin",
      text: "Glöm inte brukarmedverkan.",
    });
    const onAnswer = await post(`${base}/${other.id}/comments`, tokens.admin, {
      text: "Mötet i februari hölls men är inte registrerat.",
      field: "answers.steeringMeetingsAsAgreed",
    });
    expect(onAnswer.body.field).toBe("answers.steeringMeetingsAsAgreed");
    const bad = await post(`${base}/${other.id}/comments`, tokens.admin, {
      text: "",
      field: "ingenting",
    });
    expectProblem(bad, 400, "validation");
    expect(Object.keys(fieldsOf(bad))).toEqual(["field"]);
    const empty = await post(`${base}/${other.id}/comments`, tokens.admin, { text: "  " });
    expect(fieldsOf(empty).text).toBe("Skriv en kommentar.");
    // the steering group of the led initiative comments there; its report is locked
    const locked = await post(`${base}/${id}/comments`, tokens.steering, { text: "Bra." });
    expectProblem(locked, 400, "validation");
    expect(fieldsOf(locked).status).toMatch(/låst/);
    const k2 = await get(
      `${base}?periodKey=2026-K2&initiativeId=${initiatives.led}`,
      tokens.steering,
    );
    const steering = await post(`${base}/${k2.body.items[0].id}/comments`, tokens.steering, {
      text: "Styrgruppen har inte hunnit träffas.",
      field: "steeringAnalysis",
    });
    expect(steering.res.status).toBe(201);
    expect(steering.body.authorName).toBe("Sara Styrgrupp");
    const answer = await post(`${base}/${other.id}/comments`, tokens.otherLead, {
      text: "Protokollet från februari kommer i veckan.",
      field: "answers.steeringMeetingsAsAgreed",
    });
    expect(answer.res.status).toBe(201);
    // not on a report of an initiative the caller does not see
    expectProblem(
      await post(`${base}/${other.id}/comments`, tokens.steering, { text: "Hej" }),
      404,
      "not-found",
    );
    const shown = await get(`${base}/${other.id}`, tokens.otherLead);
    expect(
      shown.body.comments.map(
        (c: { authorName: string; text: string }) => `${c.authorName}: ${c.text}`,
      ),
    ).toEqual([
      "Ada Admin: Glöm inte brukarmedverkan.",
      "Ada Admin: Mötet i februari hölls men är inte registrerat.",
      "Olle Annan: Protokollet från februari kommer i veckan.",
    ]);
  });

  it("refuses an answer that is not one of the question's codes, at its field", async () => {
    const { id, version } = await k1(initiatives.other);
    const res = await put(`${base}/${id}`, tokens.otherLead, {
      version,
      answers: { steeringPrognosis: { answer: "ja_kommentar" }, inPhase: { answer: "kanske" } },
      goals: [{ goalText: "Till arbete eller studier", assessment: "bra" }],
    });
    expectProblem(res, 400, "validation");
    expect(Object.keys(fieldsOf(res)).sort()).toEqual([
      "answers.inPhase.answer",
      "answers.steeringPrognosis.answer",
      "goals.0.assessment",
    ]);
    expect(fieldsOf(res)["answers.steeringPrognosis.answer"]).toBe(
      "Fältet answers.steeringPrognosis.answer ska vara ett av: ja, nej, ingen.",
    );
    const ok = await put(`${base}/${id}`, tokens.otherLead, {
      version,
      answers: { inPhase: { answer: "ja_kommentar" } },
    });
    expectProblem(ok, 400, "validation");
    expect(fieldsOf(ok)["answers.inPhase"]).toBe("Skriv kommentaren till ”Ja, med kommentar”.");
  });
});

describe("a reminder sent now", () => {
  it("mails the leads of an open report, at most once a minute, and only for the office", async () => {
    const list = await get(
      `${base}?periodKey=2026-K2&initiativeId=${initiatives.other}`,
      tokens.admin,
    );
    const report = list.body.items[0] as { id: string; periodKey: string };
    const url = `${base}/${report.id}/reminders`;
    expectProblem(await post(url, tokens.otherLead, {}), 403, "forbidden");
    expectProblem(await post(url, tokens.adminRead, {}), 403, "forbidden");
    expectProblem(await post(url, tokens.foreignAdmin, {}), 404, "not-found");
    const sent = await post(url, tokens.admin, {});
    expect(sent.res.status).toBe(201);
    expect(sent.body).toMatchObject({
      reportId: report.id,
      periodKey: "2026-K2",
      recipients: [{ name: "Olle Annan", email: "olle@tierp.se" }],
    });
    expect(sent.body.kind).toMatch(/^manual-/);
    expectProblem(await post(url, tokens.admin, {}), 409, "conflict");
  });

  it("refuses a report that is already locked", async () => {
    const locked = await k1(initiatives.led);
    const refused = await post(`${base}/${locked.id}/reminders`, tokens.admin, {});
    expectProblem(refused, 400, "validation");
    expect(fieldsOf(refused).status).toMatch(/låst/);
  });
});
