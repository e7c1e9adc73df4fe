// The pages of Min plan and Mina uppgifter through the whole app (built web app, in process):
// the coach's plan page (who may see it, adding with a refused and a good form, a stale edit,
// status, order, removal after confirmation), and the participant's pages in their language —
// the plan with "Det här händer nu" first and no JavaScript, Mina uppgifter with the masked
// identity and who has read it, and the two downloads of their own data only.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, sessionFor, type TestApp } from "../../tests/support/app.ts";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { registerCryptoFor } from "../register/key.server.ts";
import { registerParticipant } from "../register/participants.ts";
import {
  personalNumber,
  type RegisterFixture,
  registerFixture,
} from "../register/register-fixture.ts";
import { accessLog } from "../register/schema.ts";
import { createSession } from "../sign-in/sessions.ts";
import type { PortalAccount } from "./accounts.ts";
import { makePortalAccount } from "./portal-account-fixture.ts";
import { planSteps } from "./schema.ts";

const SLUG = "plansida";
let t: TestDatabase;
let app: TestApp;
let f: RegisterFixture;
const as = { admin: "", coach: "", other: "", lisa: "", omar: "" };
const ids = { lisa: "", lisaEnrollment: "", omar: "", omarEnrollment: "" };
let lisa: PortalAccount;

beforeAll(async () => {
  t = await createTestDatabase();
  app = await createTestApp(t);
  f = await registerFixture(t.db, SLUG);
  const crypto = registerCryptoFor(app.services.config);
  const access = await f.access(f.officers.tierp);
  const enroll = (number: string, name: string) =>
    registerParticipant(
      t.db,
      crypto,
      access.actor,
      access.scope,
      {
        initiativeId: f.tierp.initiative,
        personalNumber: number,
        name,
        consent: { consentedOn: "2026-03-02", textVersion: "2026:1", language: "arabiska" },
        gender: "kvinna",
        birthYear: null,
        startDate: "2026-03-02",
        background: {
          education: "gymnasial",
          supportBefore: ["a_kassa"],
          timeOnSupport: "1_2_ar",
          occupationBefore: "arbetslos",
          referrer: "kommun",
        },
        municipalityCode: "0360",
      },
      "2026-03-02",
    );
  const l = await enroll(personalNumber("19850312", "123"), "Lisa Lind");
  const o = await enroll(personalNumber("19900101", "456"), "Omar Olsson");
  Object.assign(ids, {
    lisa: l.participantId,
    lisaEnrollment: l.enrollmentId,
    omar: o.participantId,
    omarEnrollment: o.enrollmentId,
  });
  const account = (participantId: string, locale: "ar" | "sv") =>
    makePortalAccount(t.db, {
      associationId: f.associationId,
      dataControllerId: f.tierp.controller,
      initiativeId: f.tierp.initiative,
      participantId,
      locale,
    });
  lisa = await account(ids.lisa, "ar");
  const omar = await account(ids.omar, "sv");
  as.admin = await sessionFor(t, f.admin.userId);
  as.coach = await sessionFor(t, f.officers.tierp.userId);
  as.other = await sessionFor(t, f.officers.heby.userId);
  const portalSession = (userId: string) =>
    createSession(t.db, { userId, method: "code", secondFactorPending: false });
  as.lisa = await portalSession(lisa.userId);
  as.omar = await portalSession(omar.userId);
});
afterAll(() => t?.drop());

const page = async (path: string, who: string) => {
  const response = await app.fetch(path, { as: who });
  return { status: response.status, html: await response.text(), response };
};
const textOf = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;|\u00a0/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ");
const stepsOf = (enrollmentId: string) =>
  t.owner.db
    .select()
    .from(planSteps)
    .where(eq(planSteps.enrollmentId, enrollmentId))
    .orderBy(planSteps.position);

describe("the coach's plan page", () => {
  const url = () => `/${SLUG}/deltagare/${ids.lisaEnrollment}/plan`;

  it("is the participant officer's of the initiative only", async () => {
    const coach = await page(url(), as.coach);
    expect(coach.status).toBe(200);
    expect(textOf(coach.html)).toContain("Handlingsplan – Tierp, Växtverket");
    expect(textOf(coach.html)).toContain("19850312-XXXX");
    expect((await page(url(), as.other)).status).toBe(404);
    expect((await page(url(), as.admin)).status).toBe(403);
    expect((await page(url(), as.lisa)).status).not.toBe(200);
  });

  it("refuses a step without a title, keeping what was typed, and adds a good one", async () => {
    const refused = await app.post(
      url(),
      { intent: "add", title: " ", details: "Ta med betyget.", dueOn: "2026-12-01" },
      as.coach,
    );
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(textOf(html)).toContain("Skriv vad steget är");
    expect(html).toContain("Ta med betyget.");
    expect(await stepsOf(ids.lisaEnrollment)).toHaveLength(0);

    for (const [title, dueOn] of [
      ["Träffa studievägledaren", "2026-12-01"],
      ["Söka praktik", ""],
    ] as const) {
      const added = await app.post(
        url(),
        { intent: "add", title, dueOn, status: "planerad" },
        as.coach,
      );
      expect(added.status).toBe(302);
      expect(added.headers.get("location")).toContain("klart=tillagt");
    }
    const after = await page(`${url()}?klart=tillagt`, as.coach);
    expect(textOf(after.html)).toContain("Steget är tillagt");
    expect((await stepsOf(ids.lisaEnrollment)).map((s) => s.title)).toEqual([
      "Träffa studievägledaren",
      "Söka praktik",
    ]);
  });

  it("changes status and order, refuses a stale edit, and removes after the confirmation step", async () => {
    const [first, second] = await stepsOf(ids.lisaEnrollment);
    if (!first || !second) throw new Error("no steps");
    const status = await app.post(
      url(),
      { intent: "status", stepId: first.id, version: String(first.version), status: "pagar" },
      as.coach,
    );
    expect(status.status).toBe(302);
    const stale = await app.post(
      url(),
      { intent: "edit", stepId: first.id, version: String(first.version), title: "Gammal" },
      as.coach,
    );
    expect(stale.status).toBe(409);
    expect(textOf(await stale.text())).toContain("Någon annan har ändrat steget");
    const down = await app.post(
      url(),
      { intent: "down", stepId: first.id, version: String(first.version + 1) },
      as.coach,
    );
    expect(down.status).toBe(302);
    expect((await stepsOf(ids.lisaEnrollment)).map((s) => [s.title, s.status])).toEqual([
      ["Söka praktik", "planerad"],
      ["Träffa studievägledaren", "pagar"],
    ]);

    const edit = await page(`${url()}?andra=${second.id}`, as.coach);
    expect(textOf(edit.html)).toContain("Ändra steg 1");
    expect(edit.html).toContain('value="Söka praktik"');
    expect(textOf(edit.html)).not.toContain("Lägg till ett steg");
    const confirm = await page(`${url()}?ta-bort=${second.id}`, as.coach);
    expect(textOf(confirm.html)).toContain("Vill du ta bort steg 1?");
    const removed = await app.post(
      url(),
      { intent: "remove", stepId: second.id, version: String(second.version) },
      as.coach,
    );
    expect(removed.status).toBe(302);
    expect((await stepsOf(ids.lisaEnrollment)).map((s) => s.title)).toEqual([
      "Träffa studievägledaren",
    ]);
    // another initiative's officer cannot post either
    const foreign = await app.post(
      url(),
      { intent: "add", title: "Inte min", dueOn: "" },
      as.other,
    );
    expect(foreign.status).toBe(404);
  });
});

describe("the participant's pages", () => {
  it("shows Min plan with what happens now first, the coach's words marked Swedish, without JavaScript", async () => {
    const { status, html } = await page("/portal/plan", as.lisa);
    expect(status).toBe(200);
    expect(html).not.toMatch(/<script[^>]*src=/);
    const text = textOf(html);
    expect(text.indexOf("Det här händer nu")).toBeGreaterThan(-1);
    expect(text.indexOf("Det här händer nu")).toBeLessThan(text.indexOf("Stegen i min plan"));
    expect(html).toMatch(/<h3 lang="sv" dir="ltr">Träffa studievägledaren<\/h3>/);
    expect(text).toContain("Pågår");
    expect(text).toContain("Planen har 1 steg. 0 är klara.");
    expect(text).not.toContain("Söka praktik");

    const omar = await page("/portal/plan", as.omar);
    expect(textOf(omar.html)).toContain("Din plan har inga steg ännu");
    expect(textOf(omar.html)).not.toContain("Träffa studievägledaren");
  });

  it("shows Mina uppgifter with the masked identity and who has read, and downloads only their own data", async () => {
    const { status, html } = await page("/portal/mina-uppgifter", as.lisa);
    expect(status).toBe(200);
    const text = textOf(html);
    expect(text).toContain("19850312-XXXX");
    expect(text).toContain("Lisa Lind");
    expect(text).toContain("Vem har läst mina uppgifter");
    expect(text).toContain("Tierps kommun läste dina uppgifter");
    expect(text).not.toContain("Omar");

    const json = await app.fetch("/portal/mina-uppgifter/utdrag.json", { as: as.lisa });
    expect(json.status).toBe(200);
    expect(json.headers.get("content-type")).toContain("application/json");
    const body = await json.text();
    const exported = JSON.parse(body) as { participant: { id: string; name: string } };
    expect(exported.participant).toMatchObject({ id: ids.lisa, name: "Lisa Lind" });
    expect(body).not.toContain("Omar");
    const pdf = await app.fetch("/portal/mina-uppgifter/utdrag.pdf", { as: as.lisa });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    const exports = await t.owner.db
      .select({ organisation: accessLog.actorOrganisation })
      .from(accessLog)
      .where(and(eq(accessLog.participantId, ids.lisa), eq(accessLog.action, "export")));
    expect(exports).toEqual([
      { organisation: "Deltagaren själv (portalen)" },
      { organisation: "Deltagaren själv (portalen)" },
    ]);
    const after = textOf((await page("/portal/mina-uppgifter", as.lisa)).html);
    expect(after).toContain("Du själv laddade ner dina uppgifter");

    // staff have no portal; nobody signed out reads it
    expect((await app.fetch("/portal/mina-uppgifter/utdrag.json", { as: as.coach })).status).toBe(
      302,
    );
    expect((await app.fetch("/portal/mina-uppgifter/utdrag.json")).status).toBe(302);
  });
});
