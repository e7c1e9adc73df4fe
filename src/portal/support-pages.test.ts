// Stöd and the accessibility statements over HTTP, on the built app: a participant reads the
// published guides in their language (Arabic here) or in Swedish marked so, with no JavaScript
// sent; staff write guides where they may; "Rapportera ett problem" keeps what was typed when
// refused and stores nothing, and the office lists the reports: its own association's, and the
// anonymous ones apart — never another association's.
import { count, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestApp,
  loadServerBuild,
  sessionFor,
  type TestApp,
} from "../../tests/support/app.ts";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { createAssociation } from "../associations/create-association.ts";
import { addUser } from "../people/add-user.ts";
import { assignRole } from "../people/assign-role.ts";
import { type RegisterFixture, registerFixture } from "../register/register-fixture.ts";
import { CLIENT_DIR } from "../server/build.ts";
import { createHttpApp } from "../server/http-app.ts";
import { createSession, SESSION_COOKIE } from "../sign-in/sessions.ts";
import { createGuide, setGuidePublished } from "./guides.ts";
import { PORTAL_LANGUAGE_COOKIE, PORTAL_SWEDISH_TOO_COOKIE } from "./locales.ts";
import { portalAccountFixture } from "./portal-account.fixture.ts";
import { accessibilityReports, portalGuides } from "./schema.ts";

const actor = { userId: null, label: "test" };
let t: TestDatabase;
let app: TestApp;
let f: RegisterFixture;
let participant: string;
let admin: string;
let officer: string;
let auditor: string;
let arabic: string;
let swedishOnly: string;
let draft: string;
let build: Awaited<ReturnType<typeof loadServerBuild>>;

beforeAll(async () => {
  t = await createTestDatabase();
  app = await createTestApp(t);
  build = await loadServerBuild();
  f = await registerFixture(t.db, "sida");
  const { principal } = await portalAccountFixture(t.db, f, f.tierp.initiative, "ar");
  participant = await createSession(t.db, {
    userId: principal.userId,
    method: "code",
    secondFactorPending: false,
  });
  admin = await sessionFor(t, f.admin.userId);
  officer = await sessionFor(t, f.officers.tierp.userId);
  auditor = await sessionFor(t, f.auditor.userId);
  const guide = async (texts: Parameters<typeof createGuide>[4]["texts"], publish: boolean) => {
    const g = await createGuide(t.db, actor, f.admin, f.associationId, {
      category: "videomote",
      initiativeId: null,
      texts,
    });
    if (publish) await setGuidePublished(t.db, actor, f.admin, f.associationId, g.id, 1, true);
    return g.id;
  };
  arabic = await guide(
    {
      sv: { title: "Så går du med i ett videomöte", body: "Du får en länk.\n\n- Öppna länken" },
      ar: { title: "كيف تنضم إلى اجتماع فيديو", body: "ستحصل على رابط.\n\n- افتح الرابط" },
    },
    true,
  );
  swedishOnly = await guide({ sv: { title: "Mikrofonen", body: "Slå på mikrofonen." } }, true);
  draft = await guide({ sv: { title: "Hemligt utkast", body: "Inte klart." } }, false);
});
afterAll(() => t?.drop());

const html = async (response: Response) => response.text();

/** A participant's page with their language cookies (the test app's fetch sets only its own). */
async function inLanguage(path: string, language: string, swedishToo = false) {
  const http = createHttpApp({
    services: app.services,
    getBuild: async () => build,
    clientDir: CLIENT_DIR,
    mode: "production",
  });
  const cookies = [`${PORTAL_LANGUAGE_COOKIE}=${language}`];
  if (swedishToo) cookies.push(`${PORTAL_SWEDISH_TOO_COOKIE}=1`);
  if (participant) cookies.push(`${SESSION_COOKIE}=${participant}`);
  return http.request(`http://localhost${path}`, {
    headers: { cookie: cookies.join("; ") },
    redirect: "manual",
  });
}

describe("Stöd for a participant", () => {
  it("lists published guides in Arabic or in Swedish marked so, without JavaScript", async () => {
    const response = await inLanguage("/portal/stod", "ar");
    expect(response.status).toBe(200);
    const page = await html(response);
    expect(page).toContain('<html lang="ar" dir="rtl"');
    expect(page).toContain("كيف تنضم إلى اجتماع فيديو");
    expect(page).toMatch(/<span lang="sv" dir="ltr">Mikrofonen<\/span>/);
    expect(page).toContain("متوفر بالسويدية فقط");
    expect(page).toContain("اجتماعات الفيديو");
    expect(page).not.toContain("Hemligt utkast");
    expect(page).not.toMatch(/<script/);
  });

  it("shows one guide's paragraphs and list, and hides a draft", async () => {
    const page = await html(await inLanguage(`/portal/stod/${arabic}`, "ar"));
    expect(page).toMatch(/<article lang="ar" dir="rtl"[^>]*><h1>كيف تنضم إلى اجتماع فيديو<\/h1>/);
    expect(page).toMatch(/<ul><li>افتح الرابط<\/li><\/ul>/);
    const swedish = await html(await inLanguage(`/portal/stod/${swedishOnly}`, "ar"));
    expect(swedish).toMatch(/<article lang="sv" dir="ltr"/);
    expect(swedish).toContain("متوفر بالسويدية فقط");
    const hidden = await inLanguage(`/portal/stod/${draft}`, "ar");
    expect(hidden.status).toBe(404);
    expect(await html(hidden)).toContain("هذا الدليل غير موجود");
    expect((await app.fetch("/portal/stod/inte-ett-id", { as: participant })).status).toBe(404);
    // "på svenska också": the Swedish text follows the Arabic
    const both = await html(await inLanguage(`/portal/stod/${arabic}`, "ar", true));
    expect(both).toMatch(/<div lang="sv" dir="ltr"><p><strong>Så går du med i ett videomöte/);
    expect(page).not.toContain("Så går du med i ett videomöte</strong>");
  });

  it("sends someone not signed in to the portal's sign-in", async () => {
    const response = await app.fetch("/portal/stod");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/portal\/logga-in/);
  });
});

describe("Stöd for staff", () => {
  it("lets the office and the initiative's officer in, not the auditor", async () => {
    const list = await app.fetch("/sida/stod", { as: admin });
    expect(list.status).toBe(200);
    const page = await html(list);
    expect(page).toContain("Hemligt utkast");
    expect(page).toContain("Svenska, Arabiska");
    expect((await app.fetch("/sida/stod", { as: officer })).status).toBe(200);
    expect((await app.fetch("/sida/stod", { as: auditor })).status).toBe(403);
    expect((await app.fetch(`/sida/stod/${arabic}`, { as: officer })).status).toBe(404);
    const edit = await html(await app.fetch(`/sida/stod/${arabic}`, { as: admin }));
    expect(edit).toMatch(/<fieldset lang="ar" dir="rtl"/);
  });

  it("creates a guide, and keeps what was typed when it is refused", async () => {
    const fields = {
      intent: "save",
      category: "digitalt",
      initiativeId: f.tierp.initiative,
      position: "1",
      "title-sv": "Ladda ner appen",
      "body-sv": "Gå till butiken.",
      "title-so": "Soo deji app-ka",
      "body-so": "",
    };
    const before = (await t.db.select({ n: count() }).from(portalGuides))[0]?.n;
    const refused = await app.post("/sida/stod/ny", fields, officer);
    expect(refused.status).toBe(400);
    const page = await html(refused);
    expect(page).toContain("Skriv texten på somaliska");
    expect(page).toContain('value="Soo deji app-ka"');
    expect((await t.db.select({ n: count() }).from(portalGuides))[0]?.n).toBe(before);

    const created = await app.post("/sida/stod/ny", { ...fields, "title-so": "" }, officer);
    expect(created.status).toBe(302);
    const id = created.headers
      .get("location")
      ?.match(/\/sida\/stod\/([0-9a-f-]{36})\?klart=skapad/)?.[1];
    if (!id) throw new Error(`no guide: ${created.headers.get("location")}`);
    const [row] = await t.db.select().from(portalGuides).where(eq(portalGuides.id, id));
    expect(row).toMatchObject({ initiativeId: f.tierp.initiative, published: false });

    // a stale version is refused
    const stale = await app.post(`/sida/stod/${id}`, { intent: "publish", version: "7" }, officer);
    expect(stale.status).toBe(409);
    const published = await app.post(
      `/sida/stod/${id}`,
      { intent: "publish", version: "1" },
      officer,
    );
    expect(published.status).toBe(302);
    const notConfirmed = await app.post(
      `/sida/stod/${id}`,
      { intent: "remove", version: "2" },
      officer,
    );
    expect(notConfirmed.status).toBe(400);
    const removed = await app.post(
      `/sida/stod/${id}`,
      { intent: "remove", version: "2", confirmRemove: "ja" },
      officer,
    );
    expect(removed.headers.get("location")).toBe("/sida/stod?klart=borttagen");
  });
});

describe("reporting an accessibility problem", () => {
  const reports = async () => (await t.db.select({ n: count() }).from(accessibilityReports))[0]?.n;
  const latest = async () =>
    (
      await t.db
        .select()
        .from(accessibilityReports)
        .orderBy(desc(accessibilityReports.createdAt))
        .limit(1)
    )[0];
  /** Association B ("norr"): its office (admin), and staff with roles in both associations. */
  let norr: string;
  let norrOffice: string;
  let bothStaff: string;
  beforeAll(async () => {
    norr = (
      await createAssociation(t.db, actor, { slug: "norr", name: "Samordningsförbundet Norr" })
    ).id;
    const person = async (
      email: string,
      roles: Array<[string, "association_admin" | "auditor"]>,
    ) => {
      const user = await addUser(t.db, actor, { email, name: email });
      for (const [associationId, role] of roles)
        await assignRole(t.db, actor, { userId: user.id, associationId, role });
      return sessionFor(t, user.id);
    };
    norrOffice = await person("kansli@norr.example.se", [[norr, "association_admin"]]);
    bothStaff = await person("frida@example.se", [
      [f.associationId, "auditor"],
      [norr, "auditor"],
    ]);
  });

  it("works on the portal's statement without signing in", async () => {
    const statement = await app.fetch("/portal/tillganglighet");
    expect(statement.status).toBe(200);
    const page = await html(statement);
    expect(page).toContain("Rapportera ett problem");
    expect(page).toContain("https://www.digg.se/tdosanmalan");
    expect(page).not.toMatch(/<script/);
    expect(page).toContain("Rapporten går till alla samordningsförbund som använder Samspår här");
    const arabicStatement = await html(await inLanguage("/portal/tillganglighet", "ar"));
    expect(arabicStatement).toContain('<html lang="ar" dir="rtl"');
    expect(arabicStatement).toContain("<h1>سهولة الاستخدام</h1>");
    expect(arabicStatement).toContain("أبلغ عن مشكلة");
    // (signed in as the participant: their association)
    expect(arabicStatement).toContain("يصل بلاغك إلى Samordningsförbundet Test.");

    const refused = await app.post("/portal/tillganglighet", {
      page: "Boka en tid",
      description: "  ",
      contact: "",
    });
    expect(refused.status).toBe(400);
    const again = await html(refused);
    expect(again).toContain("Skriv vad som hände.");
    expect(again).toContain('value="Boka en tid"');
    expect(await reports()).toBe(0);

    const sent = await app.post("/portal/tillganglighet", {
      page: "Boka en tid",
      description: "Knappen går inte att nå med tangentbordet.",
      contact: "",
    });
    expect(sent.status).toBe(302);
    expect(sent.headers.get("location")).toBe("/portal/tillganglighet?klart=rapport");
    expect(await reports()).toBe(1);
    expect((await latest())?.associationId).toBeNull();
  });

  it("sends a signed-in participant's report to their association only", async () => {
    const statement = await html(await app.fetch("/portal/tillganglighet", { as: participant }));
    expect(statement).toContain("Din rapport går till Samordningsförbundet Test.");
    expect(statement).not.toContain("alla samordningsförbund");
    const sent = await app.post(
      "/portal/tillganglighet",
      { page: "Min plan", description: "Jag heter Sara och hör dåligt: ring 070-111 22 33." },
      participant,
    );
    expect(sent.status).toBe(302);
    expect((await latest())?.associationId).toBe(f.associationId);
  });

  it("works on the staff's statement, and sends staff's reports to the association they came from", async () => {
    expect(await html(await app.fetch("/tillganglighet"))).toContain(
      "Du är inte inloggad, så rapporten går till kansliet i varje förbund",
    );
    const refused = await app.post("/tillganglighet", { page: "", description: "Trasigt" });
    expect(refused.status).toBe(400);
    expect(await html(refused)).toContain("Skriv var problemet finns");
    const sent = await app.post("/tillganglighet", {
      page: "Budget",
      description: "Tabellen går inte att läsa i 200 %.",
      contact: "anna@example.se",
    });
    expect(sent.status).toBe(302);
    expect(sent.headers.get("location")).toBe("/tillganglighet?klart=rapport");
    expect((await latest())?.associationId).toBeNull();

    // staff in both associations, coming from Norr's pages (the footer's link says so): to Norr
    expect(await html(await app.fetch("/norr", { as: bothStaff }))).toContain(
      'href="/tillganglighet?forbund=norr"',
    );
    const fromNorr = await html(await app.fetch("/tillganglighet?forbund=norr", { as: bothStaff }));
    expect(fromNorr).toContain("Rapporten går till Samordningsförbundet Norr.");
    expect(fromNorr).toContain('name="forbund" value="norr"');
    const toNorr = await app.post(
      "/tillganglighet?forbund=norr",
      { page: "Ekonomi", description: "Norrs diagram saknar text.", forbund: "norr" },
      bothStaff,
    );
    expect(toNorr.headers.get("location")).toBe("/tillganglighet?forbund=norr&klart=rapport");
    expect((await latest())?.associationId).toBe(norr);
    // several associations and none given: they choose; nothing chosen goes to every office
    const choosing = await html(await app.fetch("/tillganglighet", { as: bothStaff }));
    expect(choosing).toContain("Välj vilket förbund rapporten gäller");
    expect(choosing).toContain('<option value="norr">Samordningsförbundet Norr</option>');
    expect(choosing).toMatch(/<option value=""( selected="")?>Inget särskilt förbund<\/option>/);
    const chosen = await app.post(
      "/tillganglighet",
      { page: "Start", description: "Norrs startsida saknar rubrik.", forbund: "norr" },
      bothStaff,
    );
    expect(chosen.headers.get("location")).toBe("/tillganglighet?forbund=norr&klart=rapport");
    expect((await latest())?.associationId).toBe(norr);
    const refusedChoice = await app.post(
      "/tillganglighet",
      { page: "", description: "Något", forbund: "norr" },
      bothStaff,
    );
    expect(refusedChoice.status).toBe(400);
    expect(await html(refusedChoice)).toContain('<option value="norr" selected="">');
    await app.post(
      "/tillganglighet",
      { page: "Start", description: "Gäller alla förbund.", forbund: "" },
      bothStaff,
    );
    expect((await latest())?.associationId).toBeNull();
    // no role in Norr: cannot file there; the only association they hold a role in instead
    expect(await html(await app.fetch("/tillganglighet?forbund=norr", { as: admin }))).toContain(
      "Rapporten går till Samordningsförbundet Test.",
    );
    await app.post(
      "/tillganglighet",
      { page: "Stöd", description: "Sidas sökruta saknar etikett.", forbund: "norr" },
      admin,
    );
    expect((await latest())?.associationId).toBe(f.associationId);
  });

  it("shows an office its own reports and the anonymous ones apart, never another association's", async () => {
    const list = await app.fetch("/sida/tillganglighetsrapporter", { as: admin });
    expect(list.status).toBe(200);
    const page = await html(list);
    const unrouted = page.indexOf("Rapporter utan förbund");
    expect(page.indexOf("Rapporter till Samordningsförbundet Test")).toBeLessThan(unrouted);
    for (const own of ["Jag heter Sara", "Sidas sökruta saknar etikett."]) {
      expect(page.indexOf(own)).toBeGreaterThan(0);
      expect(page.indexOf(own)).toBeLessThan(unrouted);
    }
    expect(page).toContain("gjordes av någon som inte var inloggad");
    expect(page.indexOf("Tabellen går inte att läsa")).toBeGreaterThan(unrouted);
    expect(page.indexOf("Tabellen går inte att läsa")).toBeLessThan(
      page.indexOf("Knappen går inte att nå"),
    );
    expect(page).toContain("anna@example.se");
    expect(page).not.toContain("Norrs diagram saknar text.");

    const norrPage = await html(
      await app.fetch("/norr/tillganglighetsrapporter", { as: norrOffice }),
    );
    expect(norrPage).toContain("Norrs diagram saknar text.");
    expect(norrPage.indexOf("Tabellen går inte att läsa")).toBeGreaterThan(
      norrPage.indexOf("Rapporter utan förbund"),
    );
    expect(norrPage).not.toContain("Jag heter Sara");
    expect(norrPage).not.toContain("Sidas sökruta saknar etikett.");
    expect((await app.fetch("/sida/tillganglighetsrapporter", { as: officer })).status).toBe(403);
  });
});
