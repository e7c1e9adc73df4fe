// The follow-up pages through the whole HTTP application (needs the web build: `npx react-router
// build`), on the demo association with its two follow-ups (src/demo/demo-follow-ups.ts: the
// second half of 2025 locked, the first half of 2026 a draft): who sees what — the board and the
// auditor locked versions only —, every section of the report with captions, headers, colours in
// words, charts as SVG with their data, definitions and (for those allowed) the records behind
// the figures, the office's forms (a new follow-up, the texts, the lock with its confirmation, a
// new version) with their Swedish refusals and conflicts, the downloads, and the audit log.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, sessionFor, type TestApp } from "../../../../tests/support/app.ts";
import { createTestDatabase, type TestDatabase } from "../../../../tests/support/database.ts";
import { associations } from "../../../associations/schema.ts";
import { auditEvents } from "../../../audit/schema.ts";
import { NOT_IN_VERSION_TEXT } from "../../../follow-up/documents/text.ts";
import type { FollowUpReport } from "../../../follow-up/model.ts";
import { followUps, followUpVersions } from "../../../follow-up/schema.ts";
import { type FollowUpDetails, getFollowUp, listFollowUps } from "../../../follow-up/store.ts";
import { users } from "../../../people/schema.ts";

let t: TestDatabase;
let app: TestApp;
let associationId = "";
const as = { admin: "", board: "", auditor: "", lead: "", coach: "" };
/** The demo's locked follow-up (second half of 2025) and its draft one (first half of 2026). */
let locked: FollowUpDetails;
let draft: FollowUpDetails;

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  const [demo] = await t.db.select().from(associations).where(eq(associations.slug, "demo"));
  associationId = demo?.id ?? "";
  const people = await t.db.select().from(users);
  const idOf = (email: string) => people.find((u) => u.email === email)?.id ?? "";
  as.admin = await sessionFor(t, idOf("forbundschef@demo.samspar.se"));
  as.board = await sessionFor(t, idOf("styrelsen@demo.samspar.se"));
  as.auditor = await sessionFor(t, idOf("granskare@demo.samspar.se"));
  as.lead = await sessionFor(t, idOf("insatsansvarig@demo.samspar.se"));
  as.coach = await sessionFor(t, idOf("coach@demo.samspar.se"));
  const all = await listFollowUps(t.db, associationId);
  const find = (from: string) => {
    const found = all.find((f) => f.period.from === from);
    if (!found) throw new Error(`the demo has no follow-up from ${from}`);
    return found;
  };
  locked = find("2025-07-01");
  draft = find("2026-01-01");
  app = await createTestApp(t);
}, 120_000);
afterAll(() => t?.drop());

const page = async (path: string, who: string) => {
  const response = await app.fetch(path, { as: who });
  return { status: response.status, html: await response.text(), response };
};
/** The text of the page without tags, whitespace squashed. */
const textOf = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<svg[\s\S]*?<\/svg>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/&nbsp;|\u00a0|\u202f/g, " ")
    .replace(/\s+/g, " ");

const reload = async (f: FollowUpDetails) => {
  const found = await getFollowUp(t.db, associationId, f.id);
  if (!found) throw new Error("follow-up gone");
  return found;
};

describe("the demo's follow-ups", () => {
  it("has the second half of 2025 locked for the board and the first half of 2026 as a draft", () => {
    expect(locked.period.label).toBe("kvartal 3 och 4 2025");
    expect(locked.versions.map((v) => [v.number, v.status])).toEqual([[1, "last"]]);
    expect(locked.versions[0]?.texts.analysis).toContain("Styrelsen föreslås");
    expect(draft.period.label).toBe("kvartal 1 och 2 2026");
    expect(draft.versions.map((v) => [v.number, v.status])).toEqual([[1, "utkast"]]);
  });
});

describe("the list of follow-ups", () => {
  it("is for the office, the board and the auditor; initiative roles get 403", async () => {
    for (const who of [as.admin, as.board, as.auditor])
      expect((await page("/demo/uppfoljning", who)).status).toBe(200);
    expect((await page("/demo/uppfoljning", as.lead)).status).toBe(403);
    expect((await page("/demo/uppfoljning", as.coach)).status).toBe(403);
  });

  it("shows the office both follow-ups and the form; the board only the locked one", async () => {
    const office = await page("/demo/uppfoljning", as.admin);
    expect(office.html).toContain(`href="/demo/uppfoljning/${locked.id}"`);
    expect(office.html).toContain(`href="/demo/uppfoljning/${draft.id}"`);
    const text = textOf(office.html);
    expect(text).toContain("Version 1, låst 2026-02-05 11:30 av Maria Lindqvist");
    expect(text).toContain("Ny uppföljning");
    expect(office.html).toMatch(
      /<input id="from" type="date"[^>]* name="from" value="\d{4}-(01|07)-01"\/>/,
    );
    expect(office.html).toContain('<th scope="col">Period</th>');
    // the navigation names the follow-up
    expect(office.html).toMatch(/<a[^>]+href="\/demo\/uppfoljning"[^>]*>Uppföljning<\/a>/);

    const board = await page("/demo/uppfoljning", as.board);
    expect(board.html).toContain(`href="/demo/uppfoljning/${locked.id}"`);
    expect(board.html).not.toContain(draft.id);
    expect(textOf(board.html)).not.toContain("Ny uppföljning");
    expect(textOf(board.html)).not.toContain("Utkast");
  });
});

describe("a locked report", () => {
  it("shows every section, tables with captions and headers, colours in words", async () => {
    const { status, html } = await page(`/demo/uppfoljning/${locked.id}`, as.board);
    expect(status).toBe(200);
    const text = textOf(html);
    expect(text).toContain("Uppföljning av insatser – kvartal 3 och 4 2025");
    expect(text).toContain("Låst version 1");
    expect(text).toContain("Låst 2026-02-05 11:30 av Maria Lindqvist");
    for (const heading of [
      "Sammanfattning",
      "Bakgrund",
      "Tabell 1 Insatser",
      "Tabell 2 Nuläge mål",
      "Tabell 3 Förutsättningar för utfall",
      "Tabell 4 Prognos och utfall budget",
      "Tabell 5 Kvalitetssäkring",
      "Struktur och individ",
      "Tabell 6 Insatser med individinriktning",
      "Tabell 7 Avslutningsanledningar",
      "Deltagarnas bakgrund",
      "Tabell 8 Antal deltagare",
      "Progression",
      "Avslutade insatser",
      "Sammanfattande analys",
      "Röjandekontroll",
    ])
      expect(html).toMatch(new RegExp(`<h2 id="[a-z0-9-]+" tabindex="-1">${heading}</h2>`));
    expect(html).toContain(
      '<caption class="visually-hidden">Tabell 6 Insatser med individinriktning</caption>',
    );
    expect(html).toContain('<th scope="col" class="num">Deltagare hela insatstiden</th>');
    expect(html).toContain('<th scope="row">Tierp, Växtverket</th>');
    expect(html).toContain('<th scope="colgroup" colSpan="9">Förrehabiliterande insatser</th>');
    // a colour is never alone: its word stands in the cell
    expect(html).toMatch(/class="tag tag--prognos-(ok|bevaka|atgard)">(Grön|Gul|Röd): /);
    // the office's analysis as written, and the disclosure note
    expect(text).toContain("Styrelsen föreslås ta emot uppföljningen");
    expect(text).toContain("Texten är skriven av förbundets kansli.");
    expect(text).toContain("passerar röjandekontroll med tröskeln 5");
    // nothing for the office to do on a locked version, as the board
    expect(text).not.toContain("Ändra texterna");
    expect(text).not.toContain("Starta version");
  });

  it("shows progression per initiative with a plan: instrument, target in words, means by gender", async () => {
    const { html } = await page(`/demo/uppfoljning/${locked.id}`, as.board);
    const [stored] = await t.db
      .select({ report: followUpVersions.report })
      .from(followUpVersions)
      .where(eq(followUpVersions.followUpId, locked.id));
    const rows = stored?.report?.progression?.rows ?? [];
    // the demo has a measurement plan for every running individual initiative
    expect(rows.length).toBeGreaterThan(0);
    expect(html).toContain('<caption class="visually-hidden">Progression</caption>');
    const section = textOf(html.slice(html.indexOf('<h2 id="progression"')));
    for (const row of rows) {
      expect(section).toContain(row.name);
      expect(section).toContain(row.targetText);
    }
    const first = rows[0];
    expect(section).toContain(`${first?.instrument.name}, version ${first?.instrument.version}`);
    for (const column of ["Andel mätta", "Förändring kvinnor", "Förändring män", "Par"])
      expect(section).toContain(column);
  });

  it("draws the charts as SVG with their figures as tables", async () => {
    const { html } = await page(`/demo/uppfoljning/${locked.id}`, as.board);
    const svgs = html.match(/<svg[^>]*role="img"[^>]*>/g) ?? [];
    expect(svgs.length).toBeGreaterThanOrEqual(2);
    expect(html).toMatch(/<figcaption id="figur-[a-z_]+-caption">Figur \d/);
    expect(html).toMatch(/<caption>Uppgifterna i diagrammet: Figur \d/);
  });

  it("gives each table its definitions, and the board the records behind it", async () => {
    const { html } = await page(`/demo/uppfoljning/${locked.id}`, as.board);
    const details = html.match(/<details class="trace">/g) ?? [];
    expect(details.length).toBeGreaterThanOrEqual(12);
    const text = textOf(html);
    expect(text).toContain("Definitioner och underlag");
    expect(text).toContain("Underlaget bakom tabellen");
    // links to initiatives and reports, never to a participant
    expect(html).toMatch(/href="\/demo\/insatser\/[0-9a-f-]{36}"/);
    expect(html).toMatch(/href="\/demo\/rapporter\/[0-9a-f-]{36}"/);
    expect(html).not.toMatch(/href="\/demo\/deltagare/);
    expect(html.replace(/[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}/gi, "<id>")).not.toMatch(
      /\b(19|20)\d{6}-?\d{4}\b/,
    );
  });

  it("gives the auditor the definitions but no list of records", async () => {
    const { status, html } = await page(`/demo/uppfoljning/${locked.id}`, as.auditor);
    expect(status).toBe(200);
    const text = textOf(html);
    expect(text).toContain("Definitioner och underlag");
    expect(text).not.toContain("Underlaget bakom tabellen");
    expect(html).not.toMatch(/href="\/demo\/(insatser|rapporter)\//);
  });
});

describe("a draft", () => {
  it("is the office's: the board and the auditor are told there is no locked version yet", async () => {
    const office = await page(`/demo/uppfoljning/${draft.id}`, as.admin);
    expect(office.status).toBe(200);
    const text = textOf(office.html);
    expect(text).toContain("Utkast, version 1");
    expect(text).toContain("räknas fram ur Samspårs uppgifter när sidan visas");
    expect(text).toContain("Tabell 8 jämförs med den låsta uppföljningen för kvartal 3 och 4 2025");
    expect(text).toContain("Lås version 1 för styrelsen");
    for (const who of [as.board, as.auditor]) {
      const refused = await page(`/demo/uppfoljning/${draft.id}`, who);
      expect(refused.status).toBe(404);
      expect(textOf(refused.html)).toContain("Uppföljningen har ingen låst version ännu");
      expect((await page(`/demo/uppfoljning/${draft.id}?version=1`, who)).status).toBe(404);
      expect((await page(`/demo/uppfoljning/${draft.id}/dokument?format=json`, who)).status).toBe(
        404,
      );
    }
    expect((await page(`/demo/uppfoljning/${draft.id}/andra`, as.board)).status).toBe(403);
    expect((await page(`/demo/uppfoljning/${draft.id}/las`, as.board)).status).toBe(403);
  });
});

describe("the office's work on a follow-up", { timeout: 120_000 }, () => {
  let created = "";

  it("creates a follow-up; a bad period is refused in Swedish, naming the field", async () => {
    const bad = await app.post(
      "/demo/uppfoljning",
      { from: "2024-06-30", to: "2024-01-01", label: "" },
      as.admin,
    );
    expect(bad.status).toBe(400);
    const badText = textOf(await bad.text());
    expect(badText).toContain("ligger före dess första dag");
    const long = await app.post(
      "/demo/uppfoljning",
      { from: "2020-01-01", to: "2024-12-31", label: "" },
      as.admin,
    );
    expect(long.status).toBe(400);
    expect(textOf(await long.text())).toContain("En uppföljning får omfatta högst 3 år");
    expect(
      (
        await app.post(
          "/demo/uppfoljning",
          { from: "2024-01-01", to: "2024-06-30", label: "" },
          as.board,
        )
      ).status,
    ).toBe(403);

    const made = await app.post(
      "/demo/uppfoljning",
      { from: "2024-07-01", to: "2024-12-31", label: "" },
      as.admin,
    );
    expect(made.status).toBe(302);
    const location = made.headers.get("location") ?? "";
    expect(location).toMatch(/^\/demo\/uppfoljning\/[0-9a-f-]{36}\?klart=skapad$/);
    created = /uppfoljning\/([0-9a-f-]{36})/.exec(location)?.[1] ?? "";
    const shown = textOf((await page(location, as.admin)).html);
    expect(shown).toContain("Uppföljningen är skapad. Version 1 är ett utkast.");
    expect(shown).toContain("Uppföljning av insatser – kvartal 3 och 4 2024");
  });

  it("saves the texts at the version read; a stale version is a conflict", async () => {
    const form = await page(`/demo/uppfoljning/${created}/andra`, as.admin);
    expect(form.status).toBe(200);
    expect(form.html).toContain('<textarea id="analysis" name="analysis"');
    // the summary starts from Samspår's sentences; sent back unchanged it stays generated
    const generated = /name="generated_summary" value="([^"]*)"/.exec(form.html)?.[1] ?? "";
    const summary = generated.replace(/&amp;/g, "&").replace(/&quot;/g, '"');
    const saved = await app.post(
      `/demo/uppfoljning/${created}/andra`,
      {
        version: "1",
        summary,
        generated_summary: summary,
        background: "",
        generated_background: "",
        analysis: "Heby och Tierp behöver stöd med rekryteringen.",
        generated_analysis: "",
      },
      as.admin,
    );
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe(
      `/demo/uppfoljning/${created}?version=1&klart=sparad`,
    );
    const [row] = await t.db
      .select()
      .from(followUpVersions)
      .where(eq(followUpVersions.followUpId, created));
    expect(row).toMatchObject({
      summary: null,
      background: null,
      analysis: "Heby och Tierp behöver stöd med rekryteringen.",
      version: 2,
    });
    const stale = await app.post(
      `/demo/uppfoljning/${created}/andra`,
      { version: "1", analysis: "Något annat.", generated_analysis: "" },
      as.admin,
    );
    expect(stale.status).toBe(409);
    expect(textOf(await stale.text())).toContain("Någon annan har ändrat utkastet");
    const tooLong = await app.post(
      `/demo/uppfoljning/${created}/andra`,
      { version: "2", analysis: "x".repeat(20_001), generated_analysis: "" },
      as.admin,
    );
    expect(tooLong.status).toBe(400);
    expect(textOf(await tooLong.text())).toContain("Texten i Sammanfattande analys är för lång");
    const report = textOf((await page(`/demo/uppfoljning/${created}`, as.admin)).html);
    expect(report).toContain("Heby och Tierp behöver stöd med rekryteringen.");
  });

  it("locks only after the confirmation; then nothing can be edited and a new version can start", async () => {
    const confirm = await page(`/demo/uppfoljning/${created}/las`, as.admin);
    expect(confirm.status).toBe(200);
    expect(textOf(confirm.html)).toContain("ingen kan ändra den efteråt");
    const unconfirmed = await app.post(
      `/demo/uppfoljning/${created}/las`,
      { version: "2" },
      as.admin,
    );
    expect(unconfirmed.status).toBe(400);
    expect(textOf(await unconfirmed.text())).toContain("Kryssa i att du har läst igenom rapporten");
    const lockedNow = await app.post(
      `/demo/uppfoljning/${created}/las`,
      { version: "2", confirm: "ja" },
      as.admin,
    );
    expect(lockedNow.status).toBe(302);
    expect(lockedNow.headers.get("location")).toBe(
      `/demo/uppfoljning/${created}?version=1&klart=last`,
    );
    const shown = textOf(
      (await page(`/demo/uppfoljning/${created}?version=1&klart=last`, as.board)).html,
    );
    expect(shown).toContain("Version 1 är låst. Styrelsen kan läsa den, och den ändras aldrig.");
    expect(shown).toContain("Heby och Tierp behöver stöd med rekryteringen.");
    // the edit page has nothing to edit; a post is refused
    expect(textOf((await page(`/demo/uppfoljning/${created}/andra`, as.admin)).html)).toContain(
      "Den senaste versionen är låst och kan inte ändras",
    );
    const late = await app.post(
      `/demo/uppfoljning/${created}/andra`,
      { version: "3", analysis: "Ändrat efteråt.", generated_analysis: "" },
      as.admin,
    );
    expect(late.status).toBe(400);
    const again = await app.post(
      `/demo/uppfoljning/${created}/las`,
      { version: "3", confirm: "ja" },
      as.admin,
    );
    expect(again.status).toBe(400);

    const next = await app.post(
      `/demo/uppfoljning/${created}`,
      { intent: "new_version" },
      as.admin,
    );
    expect(next.status).toBe(302);
    expect(next.headers.get("location")).toBe(
      `/demo/uppfoljning/${created}?version=2&klart=ny-version`,
    );
    const after = await reload({ id: created } as FollowUpDetails);
    expect(after.versions.map((v) => [v.number, v.status])).toEqual([
      [1, "last"],
      [2, "utkast"],
    ]);
    expect(after.versions[1]?.texts.analysis).toBe(
      "Heby och Tierp behöver stöd med rekryteringen.",
    );
    // the board still sees version 1, the office the draft
    expect(textOf((await page(`/demo/uppfoljning/${created}`, as.board)).html)).toContain(
      "Låst version 1",
    );
    expect(textOf((await page(`/demo/uppfoljning/${created}`, as.admin)).html)).toContain(
      "Utkast, version 2",
    );
    const events = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, created), eq(auditEvents.targetType, "follow_up")))
      .orderBy(auditEvents.seq);
    expect(events.map((e) => e.action)).toEqual([
      "follow_up.created",
      "follow_up.texts_saved",
      "follow_up.locked",
      "follow_up.version_started",
    ]);
  });
});

describe("downloads", { timeout: 120_000 }, () => {
  it("gives the locked report as JSON, XLSX, DOCX and PDF; an unknown format is refused", async () => {
    const base = `/demo/uppfoljning/${locked.id}/dokument`;
    const json = await page(`${base}?format=json`, as.board);
    expect(json.status).toBe(200);
    expect(json.response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(json.response.headers.get("content-disposition")).toContain(
      "uppfoljning-demo-2025-07-01-2025-12-31-v1.json",
    );
    const report = JSON.parse(json.html) as FollowUpReport;
    const [stored] = await t.db
      .select({ report: followUpVersions.report })
      .from(followUpVersions)
      .where(eq(followUpVersions.followUpId, locked.id));
    expect(report).toEqual(stored?.report);

    const xlsx = await app.fetch(`${base}?format=xlsx`, { as: as.board });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");
    const docx = await app.fetch(`${base}?format=docx`, { as: as.auditor });
    expect(docx.status).toBe(200);
    expect(
      Buffer.from(await docx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");
    const pdf = await app.fetch(base, { as: as.admin });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");

    const unknown = await page(`${base}?format=odt`, as.board);
    expect(unknown.status).toBe(400);
    expect(unknown.html).toContain("Formatet finns inte");
    expect((await page(base, as.lead)).status).toBe(403);
  });
});

describe("a version locked before the report had the progression section", () => {
  it("still renders, and says the section is not in this version", async () => {
    const [row] = await t.db
      .select()
      .from(followUpVersions)
      .where(eq(followUpVersions.followUpId, locked.id));
    if (!row?.report) throw new Error("the demo's locked version has a report");
    const { progression: _, ...old } = row.report;
    // an older follow-up whose snapshot was stored by format version 1 before the section
    const [older] = await t.owner.db
      .insert(followUps)
      .values({
        associationId,
        periodFrom: "2025-01-01",
        periodTo: "2025-06-30",
        label: "kvartal 1 och 2 2025",
        createdByName: "test",
      })
      .returning({ id: followUps.id });
    const { id: _id, followUpId: _f, ...rest } = row;
    await t.owner.db.insert(followUpVersions).values({
      ...rest,
      followUpId: older?.id as string,
      report: {
        ...old,
        period: { from: "2025-01-01", to: "2025-06-30", label: "kvartal 1 och 2 2025" },
      },
    });
    const { status, html } = await page(`/demo/uppfoljning/${older?.id}`, as.board);
    expect(status).toBe(200);
    expect(html).toMatch(/<h2 id="progression" tabindex="-1">Progression<\/h2>/);
    expect(textOf(html)).toContain(NOT_IN_VERSION_TEXT);
    for (const format of ["json", "xlsx", "docx", "pdf"]) {
      const file = await app.fetch(`/demo/uppfoljning/${older?.id}/dokument?format=${format}`, {
        as: as.board,
      });
      expect(file.status, format).toBe(200);
    }
  });
});
