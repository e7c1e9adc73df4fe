// The measurement pages through the whole HTTP application (needs the web build: `npx
// react-router build`): the office sets an initiative's plan, the coach sees the due list, enters
// a baseline and a follow-up in the interview form (a score outside the scale and a follow-up
// before the baseline refused at their fields, nothing stored), reads the scores with the change,
// shows the items in Arabic right to left, removes a measurement with a reason, and prints the
// paper form; who may open which page.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, sessionFor, type TestApp } from "../../../../tests/support/app.ts";
import { createTestDatabase, type TestDatabase } from "../../../../tests/support/database.ts";
import { pdfText, squash } from "../../../documents/testing.ts";
import { addTestInstrument } from "../../../progression/measure-fixture.ts";
import { measurements } from "../../../progression/schema.ts";
import { registerCryptoFor } from "../../../register/key.server.ts";
import { registerParticipant } from "../../../register/participants.ts";
import {
  personalNumber,
  type RegisterFixture,
  registerFixture,
} from "../../../register/register-fixture.ts";

let t: TestDatabase;
let app: TestApp;
let f: RegisterFixture;
const as: Record<"admin" | "coach" | "other" | "auditor", string> = {
  admin: "",
  coach: "",
  other: "",
  auditor: "",
};
let versionId = "";
let enrollmentId = "";
const SLUG = "matsida";

beforeAll(async () => {
  t = await createTestDatabase();
  app = await createTestApp(t);
  f = await registerFixture(t.db, SLUG);
  versionId = (await addTestInstrument(t.db, f.associationId, "egen")).versionId;
  as.admin = await sessionFor(t, f.admin.userId);
  as.coach = await sessionFor(t, f.officers.tierp.userId);
  as.other = await sessionFor(t, f.officers.heby.userId);
  as.auditor = await sessionFor(t, f.auditor.userId);
  const access = await f.access(f.officers.tierp);
  enrollmentId = (
    await registerParticipant(
      t.db,
      registerCryptoFor(app.services.config),
      access.actor,
      access.scope,
      {
        initiativeId: f.tierp.initiative,
        personalNumber: personalNumber("19900315", "238"),
        consent: { consentedOn: "2026-03-02", textVersion: "2026:1", language: "svenska" },
        gender: "kvinna",
        birthYear: 1990,
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
    )
  ).enrollmentId;
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
    .replace(/\s+/g, " ");
/** The value of the checked input named `name`, or null. */
const checkedOf = (html: string, name: string) => {
  for (const tag of html.match(/<input[^>]*>/g) ?? [])
    if (tag.includes(`name="${name}"`) && /\schecked=""/.test(tag))
      return /value="([^"]*)"/.exec(tag)?.[1] ?? null;
  return null;
};
const stored = async () => (await t.owner.db.select().from(measurements)).length;

describe("the plan page", () => {
  const plan = () => `/${SLUG}/insatser/${f.tierp.initiative}/progression`;

  it("is the office's; a participant officer of the initiative gets 403", async () => {
    expect((await page(plan(), as.admin)).status).toBe(200);
    expect((await page(plan(), as.coach)).status).toBe(403);
    expect((await page(plan(), as.auditor)).status).toBe(403);
  });

  it("refuses bad numbers at their fields, then saves the plan", async () => {
    const bad = await app.post(
      plan(),
      {
        instrumentVersionIds: versionId,
        intervalMonths: "30",
        atExit: "ja",
        graceDays: "14",
        targetPercent: "abc",
        comparisonGroup: "nej",
        version: "",
      },
      as.admin,
    );
    expect(bad.status).toBe(400);
    const text = textOf(await bad.text());
    expect(text).toContain("ett heltal från 0 till 24");
    expect(text).toContain("ett heltal från 0 till 100");
    const saved = await app.post(
      plan(),
      {
        instrumentVersionIds: versionId,
        intervalMonths: "3",
        atExit: "ja",
        graceDays: "14",
        targetPercent: "80",
        comparisonGroup: "nej",
        version: "",
      },
      as.admin,
    );
    expect(saved.status).toBe(302);
    const { html } = await page(saved.headers.get("location") ?? "", as.admin);
    expect(textOf(html)).toContain("Mätplanen är sparad.");
    expect(checkedOf(html, "instrumentVersionIds")).toBe(versionId);
    expect(html).toContain(`/progression/instrument/versioner/${versionId}/blankett.pdf`);
    // a structural initiative gets no form
    const structural = await page(`/${SLUG}/insatser/${f.tierp.structural}/progression`, as.admin);
    expect(textOf(structural.html)).toContain("strukturinriktad insats");
    expect(structural.html).not.toContain('name="intervalMonths"');
  });
});

describe("the coach's pages", () => {
  const form = () => `/${SLUG}/deltagare/${enrollmentId}/matningar/ny`;
  const answers = (a: [string, string, string]) => ({
    "answers.halsa": a[0],
    "answers.rutiner": a[1],
    "answers.oro": a[2],
  });

  it("lists the baseline as overdue, masked, with a link to the form", async () => {
    const { status, html } = await page(`/${SLUG}/deltagare/matningar`, as.coach);
    expect(status).toBe(200);
    const text = textOf(html);
    expect(text).toContain("19900315-XXXX");
    expect(text).toContain("Nollpunkt");
    expect(text).toContain("Försenad");
    expect(html).toContain(`${form()}?version=${versionId}&amp;tillfalle=nollpunkt`);
    expect(html).not.toMatch(/19900315-?238/);
    // the office has no register: 403; an officer of other initiatives sees none of these
    expect((await page(`/${SLUG}/deltagare/matningar`, as.admin)).status).toBe(403);
    const other = await page(`/${SLUG}/deltagare/matningar`, as.other);
    expect(other.status).toBe(200);
    expect(other.html).not.toContain(enrollmentId);
  });

  it("shows the form with ten radios per item, skip, date and mode, and Arabic right to left", async () => {
    const { status, html } = await page(
      `${form()}?version=${versionId}&tillfalle=nollpunkt`,
      as.coach,
    );
    expect(status).toBe(200);
    expect(html.match(/name="answers\.halsa"/g)).toHaveLength(11);
    expect(html).toContain('value="avstar"');
    expect(html).toContain('name="measuredOn"');
    expect(checkedOf(html, "occasion")).toBe("nollpunkt");
    expect(checkedOf(html, "mode")).toBe("samtal");
    const arabic = await page(
      `${form()}?version=${versionId}&tillfalle=nollpunkt&sprak=ar`,
      as.coach,
    );
    expect(arabic.html).toContain('<span lang="ar" dir="rtl">أشعر بالراحة</span>');
    expect(arabic.html).toContain('<span class="answers__swedish" lang="sv">Jag mår bra</span>');
  });

  it("refuses a score outside the scale and a follow-up before the baseline, storing nothing", async () => {
    const outside = await app.post(
      `${form()}?version=${versionId}`,
      {
        occasion: "nollpunkt",
        measuredOn: "2026-03-02",
        mode: "samtal",
        ...answers(["4", "3", "11"]),
      },
      as.coach,
    );
    expect(outside.status).toBe(400);
    const html = await outside.text();
    expect(textOf(html)).toContain("Fråga 3: svaret ska vara ett heltal från 1 till 10, inte 11.");
    expect(html).toContain('href="#answers.oro"');
    // what was chosen is kept
    expect(checkedOf(html, "answers.halsa")).toBe("4");
    expect(checkedOf(html, "answers.oro")).toBeNull();
    expect(await stored()).toBe(0);

    const baseline = await app.post(
      `${form()}?version=${versionId}`,
      {
        occasion: "nollpunkt",
        measuredOn: "2026-03-10",
        mode: "samtal",
        ...answers(["4", "3", "8"]),
      },
      as.coach,
    );
    expect(baseline.status).toBe(302);
    expect(await stored()).toBe(1);
    const early = await app.post(
      `${form()}?version=${versionId}`,
      {
        occasion: "uppfoljning",
        measuredOn: "2026-03-05",
        mode: "papper",
        ...answers(["6", "avstar", "5"]),
      },
      as.coach,
    );
    expect(early.status).toBe(400);
    expect(textOf(await early.text())).toContain(
      "Uppföljningen kan inte vara före nollpunkten (2026-03-10).",
    );
    expect(await stored()).toBe(1);
    const follow = await app.post(
      `${form()}?version=${versionId}`,
      {
        occasion: "uppfoljning",
        measuredOn: "2026-06-10",
        mode: "papper",
        ...answers(["6", "avstar", "5"]),
      },
      as.coach,
    );
    expect(follow.status).toBe(302);
    expect(await stored()).toBe(2);
  });

  it("shows the scores with the change from the baseline, and removes one with a reason", async () => {
    const here = `/${SLUG}/deltagare/${enrollmentId}/matningar`;
    const { status, html } = await page(here, as.coach);
    expect(status).toBe(200);
    const text = textOf(html);
    // total 3,33 → 6 (+2,67); mående 3,5 → 6 (+2,5); vardag has no answer at the follow-up
    expect(text).toContain("3,33");
    expect(text).toContain("(+2,67)");
    expect(text).toContain("(+2,5)");
    expect(text).toContain("Delskala: Vardag");
    const [row] = await t.owner.db
      .select()
      .from(measurements)
      .where(eq(measurements.occasion, "uppfoljning"));
    if (!row) throw new Error("no follow-up");
    const refused = await app.post(
      here,
      { measurementId: row.id, version: String(row.version), reason: "" },
      as.coach,
    );
    expect(refused.status).toBe(400);
    expect(textOf(await refused.text())).toContain("Välj varför mätningen tas bort");
    expect(await stored()).toBe(2);
    const removed = await app.post(
      here,
      { measurementId: row.id, version: String(row.version), reason: "dubblett" },
      as.coach,
    );
    expect(removed.status).toBe(302);
    expect(await stored()).toBe(1);
    // another initiative's officer cannot open it
    expect((await page(here, as.other)).status).toBe(404);
  });

  it("links the enrollment page and the list to the measurement pages", async () => {
    const enrollment = await page(`/${SLUG}/deltagare/${enrollmentId}`, as.coach);
    expect(enrollment.html).toContain(`href="/${SLUG}/deltagare/${enrollmentId}/matningar"`);
    const list = await page(`/${SLUG}/deltagare`, as.coach);
    expect(list.html).toContain(`href="/${SLUG}/deltagare/matningar"`);
  });
});

describe("the paper form", () => {
  const pdf = (q = "") => `/${SLUG}/progression/instrument/versioner/${versionId}/blankett.pdf${q}`;

  it("is a PDF for the coach and the office, in Swedish, English or Somali only", async () => {
    const response = await app.fetch(pdf("?sprak=en"), { as: as.coach });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const body = Buffer.from(await response.arrayBuffer());
    const { pages } = await pdfText(body);
    expect(squash(pages.join(" "))).toContain(squash("Question 1. I feel well Jag mår bra"));
    expect((await page(pdf(), as.admin)).status).toBe(200);
    const arabic = await page(pdf("?sprak=ar"), as.coach);
    expect(arabic.status).toBe(400);
    expect(arabic.html).toContain("typsnittet saknar den skriften");
    expect((await page(pdf(), as.auditor)).status).toBe(403);
  });
});
