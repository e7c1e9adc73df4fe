// The instrument pages through the whole HTTP application (needs the web build: `npx
// react-router build`), on the demo association: the list (Samspår's marked, read only for the
// board), a new instrument, the draft form without JavaScript (a question added and removed by
// the server, what was typed kept), saving, publishing after a confirmation, a published version
// refused with the Swedish message and nothing lost, a shipped instrument in every language with
// right-to-left marked, and who may post: the board may not.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, sessionFor, type TestApp } from "../../../../tests/support/app.ts";
import { createTestDatabase, type TestDatabase } from "../../../../tests/support/database.ts";
import { associations } from "../../../associations/schema.ts";
import { auditEvents } from "../../../audit/schema.ts";
import { users } from "../../../people/schema.ts";
import { SELF_RATING } from "../../../progression/builtin.ts";
import { getInstrument, listInstruments } from "../../../progression/instruments.ts";
import type { InstrumentDefinition } from "../../../progression/model.ts";
import { progressionInstruments } from "../../../progression/schema.ts";
import { definitionValues } from "./instrument-form.server.ts";

let t: TestDatabase;
let app: TestApp;
let associationId = "";
const as = { admin: "", board: "", coach: "" };
const base = "/demo/progression/instrument";

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  const [demo] = await t.db.select().from(associations).where(eq(associations.slug, "demo"));
  associationId = demo?.id ?? "";
  const people = await t.db.select().from(users);
  const idOf = (email: string) => people.find((u) => u.email === email)?.id ?? "";
  as.admin = await sessionFor(t, idOf("forbundschef@demo.samspar.se"));
  as.board = await sessionFor(t, idOf("styrelsen@demo.samspar.se"));
  as.coach = await sessionFor(t, idOf("coach@demo.samspar.se"));
  app = await createTestApp(t);
}, 120_000);
afterAll(() => t?.drop());

const page = async (path: string, who: string) => {
  const response = await app.fetch(path, { as: who });
  return { status: response.status, html: await response.text() };
};
const post = async (path: string, fields: Record<string, string>, who: string) => {
  const response = await app.post(path, fields, who);
  return {
    status: response.status,
    location: response.headers.get("location"),
    html: await response.text(),
  };
};
/** The text of the page without tags, whitespace squashed. */
const textOf = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
/** The value attribute of the input named `name`, or undefined. */
const inputValue = (html: string, name: string) =>
  new RegExp(`<input[^>]*name="${name}"[^>]*value="([^"]*)"`).exec(html)?.[1] ??
  new RegExp(`<input[^>]*value="([^"]*)"[^>]*name="${name}"`).exec(html)?.[1];

const complete: InstrumentDefinition = {
  respondent: "deltagare",
  instructions: { sv: "Svara ärligt." },
  scale: { min: 1, max: 5, minLabel: { sv: "Aldrig" }, maxLabel: { sv: "Alltid" } },
  subscales: [{ key: "ork", name: { sv: "Ork" } }],
  items: [
    { key: "sova", text: { sv: "Jag sover bra." }, reverse: false, subscale: "ork" },
    {
      key: "trott",
      text: { sv: "Jag är trött.", ar: "أنا متعب." },
      reverse: true,
      subscale: "ork",
    },
  ],
  scoring: { method: "medel", minAnsweredShare: 0.5, improvement: 1 },
};

describe("the list of instruments", () => {
  it("shows Samspår's instruments marked, and the way to add one, to the office", async () => {
    const { status, html } = await page(base, as.admin);
    expect(status).toBe(200);
    const text = textOf(html);
    expect(text).toContain("Instrument för skattning");
    expect(text).toContain("Samspårs självskattning: vägen mot arbete Från Samspår Öppet");
    expect(text).toContain("Handläggarens bedömning av chanserna till arbete eller studier");
    expect(text).toContain("Lägg till ett eget instrument");
    expect(text).toContain("får inte formuleras om");
  });

  it("is read only for the board and closed to a coach", async () => {
    const board = await page(base, as.board);
    expect(board.status).toBe(200);
    expect(textOf(board.html)).toContain("Samspårs självskattning");
    expect(textOf(board.html)).not.toContain("Lägg till ett eget instrument");
    expect((await page(base, as.coach)).status).toBe(403);
    expect((await page(`${base}/ny`, as.board)).status).toBe(403);
  });
});

describe("an instrument of the association's own", () => {
  let id = "";
  let here = "";

  it("is refused with the problems in Swedish, and the board may not post", async () => {
    const bad = await post(
      `${base}/ny`,
      { key: "Ork Hopp", name: "", licence: "Licens från X", licenceConfirmed: "" },
      as.admin,
    );
    expect(bad.status).toBe(400);
    const text = textOf(bad.html);
    expect(text).toContain("Kortnamnet får bara ha små bokstäver a–z");
    expect(text).toContain("Skriv instrumentets namn.");
    expect(text).toContain("Förbundet har licens att använda instrumentet oförändrat");
    expect(inputValue(bad.html, "key")).toBe("Ork Hopp");
    const board = await post(`${base}/ny`, { key: "ork", name: "Ork", licence: "" }, as.board);
    expect(board.status).toBe(403);
    expect((await listInstruments(t.db, associationId)).some((i) => i.key === "ork")).toBe(false);
  });

  it("is created with a draft and shown with its form", async () => {
    const made = await post(
      `${base}/ny`,
      { key: "ork-och-hopp", name: "Ork och hopp", licence: "" },
      as.admin,
    );
    expect(made.status).toBe(302);
    const [row] = await t.db
      .select()
      .from(progressionInstruments)
      .where(
        and(
          eq(progressionInstruments.associationId, associationId),
          eq(progressionInstruments.key, "ork-och-hopp"),
        ),
      );
    id = row?.id ?? "";
    here = `${base}/${id}`;
    expect(made.location).toBe(`${here}?klart=skapat`);
    const { status, html } = await page(`${here}?klart=skapat`, as.admin);
    expect(status).toBe(200);
    const text = textOf(html);
    expect(text).toContain("Instrumentet är skapat.");
    expect(text).toContain("Version 1 (utkast)");
    expect(inputValue(html, "items_0_key")).toBe("fraga_1");
    expect(html).toContain('name="items_0_text_ar"');
    expect(html).toMatch(/<textarea[^>]*(lang="ar"[^>]*dir="rtl"|dir="rtl"[^>]*lang="ar")/);
    expect(text).toContain("Lägg till fråga");
    // the board sees the draft read only
    const board = await page(here, as.board);
    expect(board.status).toBe(200);
    expect(board.html).not.toContain('name="items_0_key"');
    expect(textOf(board.html)).toContain("Utkastet är inte publicerat ännu.");
  });

  it("gets a question added and removed by the server, keeping what was typed", async () => {
    const draft = (await getInstrument(t.db, associationId, id)).versions[0];
    const fields = {
      ...definitionValues(complete),
      version_id: draft?.id ?? "",
      version: String(draft?.version),
      rev: "0",
    };
    const added = await post(here, { ...fields, intent: "add_item" }, as.admin);
    expect(added.status).toBe(200);
    expect(inputValue(added.html, "item_count")).toBe("3");
    expect(inputValue(added.html, "items_2_key")).toBe("fraga_3");
    expect(inputValue(added.html, "items_1_key")).toBe("trott");
    expect(textOf(added.html)).toContain("En fråga är tillagd sist.");
    expect(textOf(added.html)).toContain("Jag är trött.");
    const removed = await post(
      here,
      { ...fields, intent: "remove_item:0", item_count: "2" },
      as.admin,
    );
    expect(removed.status).toBe(200);
    expect(inputValue(removed.html, "item_count")).toBe("1");
    expect(inputValue(removed.html, "items_0_key")).toBe("trott");
    expect(removed.html).not.toContain('name="items_1_key"');
    expect(textOf(removed.html)).toContain("Fråga 1 är borttagen.");
    // nothing was saved by either
    const still = await getInstrument(t.db, associationId, id);
    expect(still.versions[0]?.definition.items.map((i) => i.key)).toEqual(["fraga_1"]);
    expect(still.versions[0]?.version).toBe(draft?.version);
  });

  it("saves the draft, refuses what is wrong per field, and publishes after a confirmation", async () => {
    const draft = (await getInstrument(t.db, associationId, id)).versions[0];
    const fields = {
      ...definitionValues(complete),
      version_id: draft?.id ?? "",
      version: String(draft?.version),
    };
    const wrong = await post(
      here,
      { ...fields, intent: "save", scale_min: "6", items_1_key: "sova" },
      as.admin,
    );
    expect(wrong.status).toBe(400);
    expect(textOf(wrong.html)).toContain("Skalans högsta värde ska vara större än det lägsta (6).");
    expect(textOf(wrong.html)).toContain("Fråga 2: kortnamnet sova finns redan.");
    expect(wrong.html).toContain('href="#items_1_key"');
    expect(inputValue(wrong.html, "scale_min")).toBe("6");

    // publishing a draft with a text missing saves it and says what is missing
    const missing = await post(
      here,
      { ...fields, intent: "publish", items_0_text_sv: "" },
      as.admin,
    );
    expect(missing.status).toBe(400);
    expect(textOf(missing.html)).toContain("Utkastet är sparat, men det kan inte publiceras");
    expect(textOf(missing.html)).toContain("Skriv fråga 1s text på svenska.");
    const version = inputValue(missing.html, "version") ?? "";
    expect(Number(version)).toBe((draft?.version ?? 0) + 1);

    // a stale version is a conflict
    const stale = await post(here, { ...fields, intent: "save" }, as.admin);
    expect(stale.status).toBe(409);
    expect(textOf(stale.html)).toContain("Någon annan har ändrat utkastet");

    const publish = await post(here, { ...fields, version, intent: "publish" }, as.admin);
    expect(publish.status).toBe(302);
    expect(publish.location).toBe(`${here}?publicera=1&klart=sparat`);
    const confirm = await page(publish.location ?? "", as.admin);
    expect(textOf(confirm.html)).toContain("Publicera version 1?");
    expect(textOf(confirm.html)).toContain("Jag är trött.");
    const saved = (await getInstrument(t.db, associationId, id)).versions[0];
    expect(saved?.definition).toEqual(complete);
    expect(saved?.status).toBe("utkast");

    // the board may not publish
    const byBoard = await post(
      here,
      { intent: "confirm_publish", version_id: saved?.id ?? "", version: String(saved?.version) },
      as.board,
    );
    expect(byBoard.status).toBe(403);
    const done = await post(
      here,
      { intent: "confirm_publish", version_id: saved?.id ?? "", version: String(saved?.version) },
      as.admin,
    );
    expect(done.status).toBe(302);
    expect(done.location).toBe(`${here}?klart=publicerad`);
    const shown = await page(done.location ?? "", as.admin);
    const text = textOf(shown.html);
    expect(text).toContain("Versionen är publicerad. Den kan nu väljas");
    expect(text).toMatch(/Version 1 \(publicerad \d{4}-\d\d-\d\d/);
    expect(shown.html).toMatch(/<span lang="ar" dir="rtl">أنا متعب.<\/span>/);
    expect(text).toContain("Starta version 2");
    expect(shown.html).not.toContain('name="items_0_key"');
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "progression_instrument.published"));
    expect(event?.targetId).toBe(id);
  });

  it("refuses to change the published version with the Swedish message, and nothing is lost", async () => {
    const published = (await getInstrument(t.db, associationId, id)).versions[0];
    const refused = await post(
      here,
      {
        ...definitionValues({ ...complete, instructions: { sv: "Ändrad." } }),
        version_id: published?.id ?? "",
        version: String(published?.version),
        intent: "save",
      },
      as.admin,
    );
    expect(refused.status).toBe(400);
    expect(textOf(refused.html)).toContain(
      "Versionen är publicerad och kan ha svar. Starta en ny version i stället.",
    );
    const after = (await getInstrument(t.db, associationId, id)).versions[0];
    expect(after?.definition).toEqual(complete);
  });

  it("gets a new version as a draft copy", async () => {
    const started = await post(here, { intent: "new_version" }, as.admin);
    expect(started.status).toBe(302);
    const { html } = await page(here, as.admin);
    expect(textOf(html)).toContain("Version 2 (utkast)");
    expect(inputValue(html, "items_1_key")).toBe("trott");
    expect(textOf(html)).toContain("Version 1 (publicerad");
  });
});

describe("a shipped instrument", () => {
  it("is shown in every language, right-to-left ones marked, and cannot be changed", async () => {
    const shipped = (await listInstruments(t.db, associationId)).find(
      (i) => i.key === SELF_RATING.key,
    );
    const here = `${base}/${shipped?.id}`;
    const { status, html } = await page(here, as.admin);
    expect(status).toBe(200);
    const text = textOf(html);
    expect(text).toContain("Instrumentet kommer från Samspår");
    expect(text).toContain("Hur bra klarar du att samarbeta med andra?");
    expect(text).toContain("How well do you manage to work together with others?");
    expect(html).toMatch(
      /<span lang="fa" dir="rtl">چقدر خوب می‌توانید با دیگران همکاری کنید؟<\/span>/,
    );
    expect(html).toMatch(/<span lang="ti" dir="ltr">/);
    expect(html).not.toContain('name="items_0_key"');
    expect(text).not.toContain("Starta version 2");
    const refused = await post(
      here,
      {
        ...definitionValues(complete),
        version_id: shipped?.versions[0]?.id ?? "",
        version: "1",
        intent: "save",
      },
      as.admin,
    );
    expect(refused.status).toBe(400);
    expect(textOf(refused.html)).toContain("Instrumenten från Samspår kan inte ändras här.");
    // another instrument's version is not changed through this one's page
    const officer = (await listInstruments(t.db, associationId)).find(
      (i) => i.key === "samspar-handlaggarbedomning",
    );
    const elsewhere = await post(
      here,
      { intent: "confirm_publish", version_id: officer?.versions[0]?.id ?? "", version: "1" },
      as.admin,
    );
    expect(elsewhere.status).toBe(404);
  });

  it("answers 404 for an instrument that is not there", async () => {
    expect((await page(`${base}/00000000-0000-4000-8000-000000000000`, as.admin)).status).toBe(404);
  });
});
