// Issue 6, must-show: no personnummer or name appears in anything the association roles can
// reach — pages, API, the bundle export, logs. Tested by planting known identities and searching
// every output.
//
// The demo on a fresh database, served by the production wiring (createServices: the register
// key, pg-boss with its workers, the mailer; logging on). Identities are planted through the
// register's own use cases in several individual initiatives — registered with consent and a
// name, exited, erased by the retention job (run through pg-boss), erased by a withdrawn consent,
// a protected identity (number and name typed, never stored), imported from a CSV (a
// personnummer and a samordningsnummer) — and the participant officer (the coach) uses the
// register over HTTP: registers one through the form, exits them, lists, reads, reveals and
// downloads the registerutdrag, so that every log is written; and through the portal (issue 9)
// the coach gives one of them portal access with an e-mail address carrying the name, sends a
// code by e-mail and shows another, and the participant signs in, books a time, answers the
// exit survey with the name and the number in every free-text answer (issue 10) and downloads
// their own data. Then, as every association role of the demo but the participant officer
// (office, board, initiative lead, steering group, auditor):
//   - pages: a breadth-first crawl of every same-origin link from the start page (GET only; never
//     the sign-out, never a form), plus the register's own addresses typed in (lists,
//     enrollments, the utdrag, statistics, the access log filtered on each planted participant),
//     downloads included (DOCX/XLSX unzipped, PDFs read with PDF.js); every kind of page is read,
//     a list's hundreds of records of one kind through a sample of PER_KIND (the audit log, the
//     register's access log and the outbox to their last page);
//   - API: every GET operation of docs/api/openapi.json with an API token of the role, path
//     parameters taken from the list answers; the test fails if an operation answered no role;
// and the association's bundle export (the CLI's `bundle export`, the office's), everything the
// server process wrote (console, stdout, stderr) during the whole test, the audit-event and mail
// tables and every other table of the association zone, and pg-boss's jobs (payloads and
// outputs). Each output is searched for every written form of every planted identity (and for
// the demo's own participants' numbers, ciphertexts and hashes) by leak-search.ts. That the test
// can fail: the first describe block plants an identity in each kind of output and the search
// finds it; the second runs the same search over the participant officer's own pages and
// registerutdrag (JSON and PDF), where the identities belong, and finds them.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { inspect } from "node:util";
import { serve } from "@hono/node-server";
import { and, eq, inArray, isNotNull, notInArray, sql } from "drizzle-orm";
import JSZip from "jszip";
import PDFDocument from "pdfkit";
import { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPrincipal } from "../../src/access/principal.ts";
import { todayInSweden } from "../../src/applications/workflow.ts";
import { associations, memberOrganisations } from "../../src/associations/schema.ts";
import { bundleJson, exportBundle } from "../../src/bundle/export-bundle.ts";
import { addDays } from "../../src/demo/demo-time.ts";
import { DEMO_PASSWORD, seedDemo } from "../../src/demo/seed-demo.ts";
import { initiativeLocalUnits, initiatives } from "../../src/initiatives/schema.ts";
import { createApiToken } from "../../src/people/create-api-token.ts";
import { users } from "../../src/people/schema.ts";
import { readConfig } from "../../src/platform/config.ts";
import type { Database } from "../../src/platform/database/connect.ts";
import { QUEUES } from "../../src/platform/jobs.ts";
import { codeHash, normaliseCode } from "../../src/portal/codes.ts";
import { REGISTER_KEY_ENV } from "../../src/register/crypto.ts";
import { luhnCheckDigit } from "../../src/register/identity.ts";
import { importParticipants } from "../../src/register/import-participants.ts";
import { registerCryptoFor } from "../../src/register/key.server.ts";
import {
  exitEnrollment,
  registerParticipant,
  withdrawConsent,
} from "../../src/register/participants.ts";
import { enrollments, participants } from "../../src/register/schema.ts";
import { type RegisterActor, registerScopeFor } from "../../src/register/scope.ts";
import { inRegister, type RegisterScope } from "../../src/register/zone.ts";
import { CLIENT_DIR } from "../../src/server/build.ts";
import { createHttpApp } from "../../src/server/http-app.ts";
import { createServices, type Running } from "../../src/server/services.ts";
import { loadServerBuild } from "../support/app.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { type Answer, answerOutput, crawl, HttpClient, pageKind } from "./http-client.ts";
import {
  describeHit,
  type Hit,
  type Needle,
  needlesOf,
  type Output,
  type PlantedIdentity,
  searchOutput,
} from "./leak-search.ts";

// ---------------------------------------------------------------------------------------------
// Everything the process writes, from the first line on (the server runs in this process)

const written: string[] = [];
const restoreLog: Array<() => void> = [];
/**
 * Why a form post was not answered with a redirect: its status, the error the page shows, and
 * the process's last lines that speak of an error (a failure in CI leaves only this message).
 */
function whyRefused(answer: Answer): string {
  const visible = (html: string) =>
    html
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ")
      .trim();
  const html = new TextDecoder().decode(answer.body);
  const alerts = html.matchAll(/<(?:div|p)[^>]*role="alert"[^>]*>([\s\S]*?)<\/(?:div|p)>/g);
  const shown = [...alerts].map((m) => visible(m[1] ?? "")).join(" | ");
  const errors = written.filter((line) => /error|fel|exception/i.test(line)).slice(-5);
  const page = shown || visible(html).slice(0, 300);
  return `${answer.status} «${page}» ${errors.join(" / ").slice(0, 1500)}`;
}

/**
 * What the database says of a portal code that did not open the portal: the code's row (used,
 * revoked, expired by the database's clock), the account's other codes and the latest refused
 * sign-ins — so that a failure on another machine says which of them it was.
 */
async function codeState(code: string): Promise<string> {
  try {
    return await readCodeState(code);
  } catch (error) {
    return `code state unreadable: ${(error as Error).message}`;
  }
}

async function readCodeState(code: string): Promise<string> {
  const hash = codeHash(normaliseCode(code));
  const [row] = (
    await t.db.execute<Record<string, unknown>>(sql`
      select c.user_id, c.created_at, c.expires_at, c.used_at, c.revoked_at, now() as db_now,
             (select count(*)::int from portal_sign_in_codes o where o.user_id = c.user_id) as codes,
             (select count(*)::int from sessions s where s.user_id = c.user_id) as sessions
        from portal_sign_in_codes c where c.code_hash = ${hash}`)
  ).rows;
  const refused = (
    await t.db.execute<{ details: unknown; occurred_at: Date }>(sql`
      select details, occurred_at from audit_events
       where action in ('sign_in.failed', 'sign_in.throttled') order by seq desc limit 3`)
  ).rows;
  return `code row: ${row ? JSON.stringify(row) : "none"}; app clock ${new Date().toISOString()}; refused sign-ins: ${JSON.stringify(refused)}`;
}

function captureProcessOutput(): void {
  const methods = ["log", "info", "warn", "error", "debug", "trace"] as const;
  for (const method of methods) {
    const original = console[method];
    console[method] = (...args: unknown[]) => {
      written.push(
        `console.${method}: ${args.map((a) => (typeof a === "string" ? a : inspect(a, { depth: 8 }))).join(" ")}`,
      );
      original.apply(console, args);
    };
    restoreLog.push(() => {
      console[method] = original;
    });
  }
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write;
    stream.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
      written.push(
        typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8"),
      );
      return (original as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
    } as typeof stream.write;
    restoreLog.push(() => {
      stream.write = original;
    });
  }
}

// ---------------------------------------------------------------------------------------------
// The people and the planted identities

const DEMO_ROLES = {
  office: "forbundschef@demo.samspar.se",
  board: "styrelsen@demo.samspar.se",
  lead: "insatsansvarig@demo.samspar.se",
  steering: "styrgruppen@demo.samspar.se",
  auditor: "granskare@demo.samspar.se",
} as const;
type RoleKey = keyof typeof DEMO_ROLES;
const COACH = "coach@demo.samspar.se";

const TODAY = todayInSweden();
const YEAR = Number(TODAY.slice(0, 4));

/** ÅÅÅÅMMDD + a three-digit serial → the canonical twelve digits with their check digit. */
function canonicalNumber(date: string, serial: string): string {
  return `${date}${serial}${luhnCheckDigit(`${date.slice(2)}${serial}`)}`;
}
const dashed = (c: string) => `${c.slice(0, 8)}-${c.slice(8)}`;

/** The planted people; serials outside the demo's 980–999. */
/** The portal contact address of "revealed" (issue 9): it carries the planted name. */
const PORTAL_EMAIL = "planterad.testsson@example.se";

const PLANTED = {
  revealed: {
    label: "registrerad med samtycke och namn, visad av deltagaransvarig",
    canonical: canonicalNumber("19630228", "123"),
    name: "Planterad Testsson",
  },
  exited: {
    label: "registrerad med samtycke, utskriven",
    canonical: canonicalNumber("19780615", "234"),
    name: "Avslutad Utskrivningsdotter",
  },
  retained: {
    label: "utskriven för två månader sedan, raderad av gallringsjobbet",
    canonical: canonicalNumber("19851103", "345"),
    name: "Gallrad Raderasson",
  },
  withdrawn: {
    label: "samtycket återkallat (identiteten raderad)",
    canonical: canonicalNumber("19920410", "456"),
    name: "Återkallad Samtyckesson",
  },
  protectedIdentity: {
    label: "skyddad identitet (nummer och namn angivna, aldrig lagrade)",
    canonical: canonicalNumber("19700805", "567"),
    name: "Skyddad Hemligsdotter",
  },
  swedish: {
    label: "namn med å, ä, ö och bindestreck",
    canonical: canonicalNumber("19990917", "678"),
    name: "Åsa Öberg-Läckström",
  },
  web: {
    label: "registrerad i webbformuläret av deltagaransvarig och utskriven där",
    canonical: canonicalNumber("19811224", "789"),
    name: "Webbregistrerad Formulärsson",
  },
  importedNumber: {
    label: "inläst från CSV (personnummer)",
    canonical: canonicalNumber("19950322", "135"),
    name: null,
  },
  importedCoordination: {
    // samordningsnummer: the day plus 60
    label: "inläst från CSV (samordningsnummer)",
    canonical: canonicalNumber("19900367", "246"),
    name: null,
  },
} as const;
type PlantedKey = keyof typeof PLANTED;

// ---------------------------------------------------------------------------------------------
// The search, proved to find what it looks for

const sample: PlantedIdentity = {
  label: "provperson",
  canonical: canonicalNumber("19630228", "123"),
  name: "Planterad Testsson",
  ciphertexts: ["v1:q83vEjRWeJASNFZ4kBI0VniQEjRWeJA+/w=="],
  lookup: "ab".repeat(32),
};
const sampleNeedles = needlesOf(sample);
const hitsIn = async (output: Output) => (await searchOutput(output, sampleNeedles)).hits;

async function docx(paragraphXml: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types/>');
  zip.file(
    "word/document.xml",
    `<?xml version="1.0"?><w:document><w:body>${paragraphXml}</w:body></w:document>`,
  );
  zip.file("word/media/image1.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
  return zip.generateAsync({ type: "uint8array" });
}

async function pdf(text: string): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: "A4" });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on("end", () => resolve()));
  doc.fontSize(11).text(text, 50, 50, { width: 200 });
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

describe("the search for planted identities", () => {
  const html = (body: string): Output => ({
    kind: "prov",
    name: "sida",
    contentType: "text/html; charset=utf-8",
    body: new TextEncoder().encode(`<!doctype html><html><body>${body}</body></html>`),
  });

  it("finds a number in every written form, in HTML as sent, escaped or split over elements", async () => {
    const c = sample.canonical as string;
    const cases: Array<[string, string]> = [
      [`<p>${c}</p>`, "12 siffror"],
      [`<p>Nr ${c.slice(2)}.</p>`, "10 siffror"],
      [`<td>${dashed(c)}</td>`, "ÅÅÅÅMMDD-NNNN"],
      [`<td>${c.slice(2, 8)}+${c.slice(8)}</td>`, "ÅÅMMDD+NNNN"],
      [`<td>${c.slice(2, 8)}&#43;${c.slice(8)}</td>`, "ÅÅMMDD+NNNN"],
      [`<td>${c.slice(0, 8)}</td><td>-${c.slice(8)}</td>`, "ÅÅÅÅMMDD-NNNN"],
      [`<span>${c.slice(0, 8)}-XXXX</span>`, "maskerat ÅÅÅÅMMDD-XXXX"],
      [
        `<script>window.__ctx.enqueue("[\\"${c.slice(0, 8)}\\u002D${c.slice(8)}\\"]")</script>`,
        "ÅÅÅÅMMDD-NNNN",
      ],
      [`<a href="/x?pnr=${c.slice(2, 8)}%2B${c.slice(8)}">x</a>`, "ÅÅMMDD+NNNN"],
    ];
    for (const [body, form] of cases) {
      const hits = await hitsIn(html(body));
      expect(
        hits.map((h) => h.form),
        body,
      ).toContain(form);
      expect(hits[0]?.excerpt.length).toBeLessThanOrEqual(120);
    }
  });

  it("finds a name in any case, wrapped over lines or written with entities, and the family name alone", async () => {
    expect((await hitsIn(html("<p>PLANTERAD\n  TESTSSON</p>"))).map((h) => h.form)).toContain(
      "namn",
    );
    expect((await hitsIn(html("<p>Planterad&nbsp;Testsson</p>"))).map((h) => h.form)).toContain(
      "namn",
    );
    expect((await hitsIn(html("<p>Testsson, P.</p>"))).map((h) => h.form)).toEqual(["efternamn"]);
    const swedish = needlesOf({
      label: "å",
      canonical: null,
      name: "Åsa Öberg-Läckström",
      ciphertexts: [],
      lookup: null,
    });
    const escaped = await searchOutput(
      html('<script>x("\\u00c5sa \\u00d6berg-L&auml;ckstr\\u00f6m")</script>'),
      swedish,
    );
    expect(escaped.hits.map((h) => h.form)).toContain("namn");
  });

  it("finds the ciphertext and the look-up hash", async () => {
    const json: Output = {
      kind: "prov",
      name: "api",
      contentType: "application/json",
      body: JSON.stringify({ x: { secret: sample.ciphertexts[0], lookup: sample.lookup } }),
    };
    const forms = (await hitsIn(json)).map((h) => h.form);
    expect(forms).toEqual(expect.arrayContaining(["chiffertext", "sökhash"]));
  });

  it("finds a number and a name inside a DOCX (split over runs) and an XLSX, and in a PDF's text", async () => {
    const c = sample.canonical as string;
    const word = await docx(
      `<w:p><w:r><w:t>${c.slice(0, 8)}</w:t></w:r><w:r><w:t>-${c.slice(8)}</w:t></w:r></w:p><w:p><w:r><w:t>Planterad</w:t></w:r><w:r><w:t xml:space="preserve"> Testsson</w:t></w:r></w:p>`,
    );
    const wordHits = await hitsIn({ kind: "prov", name: "docx", contentType: "", body: word });
    expect(wordHits.map((h) => h.form)).toEqual(expect.arrayContaining(["ÅÅÅÅMMDD-NNNN", "namn"]));
    expect(wordHits[0]?.part).toBe("word/document.xml");

    const sheet = new JSZip();
    sheet.file("xl/sharedStrings.xml", `<sst><si><t>${c.slice(2)}</t></si></sst>`);
    const xlsx = await sheet.generateAsync({ type: "uint8array" });
    expect(
      (await hitsIn({ kind: "prov", name: "xlsx", contentType: "", body: xlsx })).map(
        (h) => h.form,
      ),
    ).toContain("10 siffror");

    const document = await pdf(`Deltagare: Planterad Testsson, personnummer ${dashed(c)}.`);
    const pdfHits = await hitsIn({
      kind: "prov",
      name: "pdf",
      contentType: "application/pdf",
      body: document,
    });
    expect(pdfHits.map((h) => h.form)).toEqual(expect.arrayContaining(["ÅÅÅÅMMDD-NNNN", "namn"]));
    expect(pdfHits.some((h) => h.part.startsWith("sida"))).toBe(true);
  });

  it("finds nothing in outputs without the identity (no false alarms from look-alike numbers)", async () => {
    const c = sample.canonical as string;
    const other = `${c.slice(0, 11)}${(Number(c.slice(11)) + 1) % 10}`;
    expect(
      await hitsIn(
        html(
          `<p>${other} ${dashed(other)} Planterad Test-sson 212000-0274 &#99999999; &#x110000;</p>`,
        ),
      ),
    ).toEqual([]);
    expect(
      await hitsIn({
        kind: "prov",
        name: "docx",
        contentType: "",
        body: await docx("<w:p><w:r><w:t>Ingen här</w:t></w:r></w:p>"),
      }),
    ).toEqual([]);
    expect(
      await hitsIn({
        kind: "prov",
        name: "pdf",
        contentType: "application/pdf",
        body: await pdf(`Deltagare: Annan Person, ${dashed(other)}.`),
      }),
    ).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The instance

let t: TestDatabase;
let running: Running;
let stopServer: () => Promise<void> = async () => {};
let baseUrl = "";
let dataDir = "";
let associationId = "";
const planted = new Map<PlantedKey, { enrollmentId: string; participantId: string }>();
const identities: PlantedIdentity[] = [];
let needles: Needle[] = [];
/** The demo's own participants' 10-digit numbers, ciphertexts and hashes, searched as well. */
const demoForms = new Set<string>();
const started = performance.now();
const timings: Record<string, number> = {};
const lap = (name: string, since: number) => {
  timings[name] = Math.round(performance.now() - since);
};

interface DemoInitiative {
  id: string;
  name: string;
  owner: string;
  ownerName: string;
  orientation: string;
  status: string;
  startDate: string | null;
  endDate: string | null;
  /** The first local unit, for an initiative that works in several. */
  localUnitId: string | null;
}
let demoInitiatives: DemoInitiative[] = [];
let coachScope: RegisterScope = { controllers: [], initiatives: [] };
/** Where the identities are planted: the coach's initiative, and four others running now. */
const where = {
  coach: undefined as unknown as DemoInitiative,
  retained: undefined as unknown as DemoInitiative,
  withdrawn: undefined as unknown as DemoInitiative,
  shielded: undefined as unknown as DemoInitiative,
  imported: undefined as unknown as DemoInitiative,
  structural: undefined as unknown as DemoInitiative,
};
const EARLIEST_START = addDays(TODAY, -200);

async function chooseInitiatives(coachInitiativeId: string): Promise<void> {
  const units = await t.db
    .select({ id: initiativeLocalUnits.id, initiativeId: initiativeLocalUnits.initiativeId })
    .from(initiativeLocalUnits)
    .orderBy(initiativeLocalUnits.name);
  const rows = await t.db
    .select({
      id: initiatives.id,
      name: initiatives.name,
      owner: initiatives.ownerOrganisationId,
      ownerName: memberOrganisations.name,
      orientation: initiatives.orientation,
      status: initiatives.status,
      startDate: initiatives.startDate,
      endDate: initiatives.endDate,
    })
    .from(initiatives)
    .innerJoin(memberOrganisations, eq(memberOrganisations.id, initiatives.ownerOrganisationId))
    .where(eq(initiatives.associationId, associationId))
    .orderBy(initiatives.name);
  demoInitiatives = rows.map((row) => ({
    ...row,
    localUnitId: units.find((u) => u.initiativeId === row.id)?.id ?? null,
  }));
  const coach = demoInitiatives.find((i) => i.id === coachInitiativeId);
  // individual initiatives running over the whole planting period, the longest-running first,
  // so that the test keeps working as the real date moves on
  const running = demoInitiatives
    .filter(
      (i) =>
        i.id !== coachInitiativeId &&
        i.orientation === "individual" &&
        i.status === "pagaende" &&
        (i.startDate ?? "9999") <= EARLIEST_START &&
        (i.endDate ?? "9999") >= TODAY,
    )
    .sort((a, b) => (b.endDate ?? "9999").localeCompare(a.endDate ?? "9999"));
  const structural = demoInitiatives.find((i) => i.orientation === "structural");
  if (!coach || running.length === 0 || !structural)
    throw new Error(
      `the demo has no running individual initiatives besides the coach's on ${TODAY}: ${JSON.stringify(demoInitiatives.map((i) => [i.name, i.status, i.startDate, i.endDate]))}`,
    );
  const pick = (n: number) => running[n % running.length] as DemoInitiative;
  Object.assign(where, {
    coach,
    retained: pick(0),
    withdrawn: pick(1),
    shielded: pick(2),
    imported: pick(3),
    structural,
  });
}

/** The initiatives of the planted participants. */
const plantedInitiatives = () => [
  ...new Set([where.coach, where.retained, where.withdrawn, where.shielded, where.imported]),
];

/** A participant officer of one initiative, as the use cases take it (no account needed). */
function officerOf(initiative: DemoInitiative): {
  initiativeId: string;
  localUnitId: string | null;
  actor: RegisterActor;
  scope: RegisterScope;
} {
  return {
    initiativeId: initiative.id,
    localUnitId: initiative.localUnitId,
    actor: {
      userId: null,
      name: "Testets deltagaransvarige",
      role: "participant_officer",
      organisations: { [initiative.owner]: initiative.ownerName },
      organisation: initiative.ownerName,
    },
    scope: { controllers: [initiative.owner], initiatives: [initiative.id] },
  };
}

const background = {
  education: "gymnasial",
  supportBefore: ["forsorjningsstod"],
  timeOnSupport: "under_1_ar",
  occupationBefore: "arbetslos",
  referrer: "kommun",
};

async function plantIdentities(coachClient: HttpClient): Promise<void> {
  const crypto = registerCryptoFor(running.services.config);
  const [coachUser] = await t.db.select().from(users).where(eq(users.email, COACH));
  if (!coachUser) throw new Error("no demo coach");
  const coachPrincipal = await loadPrincipal(t.db, coachUser.id, { type: "session" });
  if (!coachPrincipal) throw new Error("no coach principal");
  const coach = await registerScopeFor(t.db, coachPrincipal, associationId);
  coachScope = coach.scope;
  const [coachInitiative] = coach.scope.initiatives;
  if (coach.scope.initiatives.length !== 1 || !coachInitiative)
    throw new Error(`the demo coach should have one initiative: ${coach.scope.initiatives}`);
  await chooseInitiatives(coachInitiative);
  const vaxtverket = where.coach.id;
  const coachWho = { ...coach, localUnitId: where.coach.localUnitId };

  const register = async (
    key: PlantedKey,
    who: { actor: RegisterActor; scope: RegisterScope; localUnitId: string | null },
    initiativeId: string,
    startDate: string,
    extra: { protectedIdentity?: boolean } = {},
  ) => {
    const p = PLANTED[key];
    const r = await registerParticipant(
      t.db,
      crypto,
      who.actor,
      who.scope,
      {
        initiativeId,
        personalNumber: dashed(p.canonical),
        name: p.name,
        consent: { consentedOn: startDate, textVersion: "2025:1", language: "svenska" },
        protectedIdentity: extra.protectedIdentity ?? false,
        gender: Number(p.canonical[10]) % 2 === 0 ? "kvinna" : "man",
        birthYear: null,
        startDate,
        background,
        municipalityCode: "0360",
        localUnitId: who.localUnitId,
        externalKey: `PLANT-${key}`,
      },
      TODAY,
    );
    planted.set(key, { enrollmentId: r.enrollmentId, participantId: r.participantId });
    return r;
  };

  // in the coach's initiative, through the use cases with her own scope
  await register("revealed", coachWho, vaxtverket, addDays(TODAY, -20));
  const exited = await register("exited", coachWho, vaxtverket, addDays(TODAY, -40));
  await exitEnrollment(
    t.db,
    coach.actor,
    coach.scope,
    exited.enrollmentId,
    1,
    {
      endDate: addDays(TODAY, -5),
      status: "arbete_ej_subventionerat",
      extent: "heltid",
      supportAfter: ["lon"],
      actionPlanAtExit: true,
    },
    TODAY,
  );
  // in other individual initiatives, as their participant officers
  const retainedOfficer = officerOf(where.retained);
  const retained = await register(
    "retained",
    retainedOfficer,
    retainedOfficer.initiativeId,
    EARLIEST_START,
  );
  await exitEnrollment(
    t.db,
    retainedOfficer.actor,
    retainedOfficer.scope,
    retained.enrollmentId,
    1,
    { endDate: addDays(TODAY, -60), status: "studier", supportAfter: ["studiemedel"] },
    TODAY,
  );
  const withdrawnOfficer = officerOf(where.withdrawn);
  await register("withdrawn", withdrawnOfficer, withdrawnOfficer.initiativeId, addDays(TODAY, -30));
  const shieldedOfficer = officerOf(where.shielded);
  const shielded = await register(
    "protectedIdentity",
    shieldedOfficer,
    shieldedOfficer.initiativeId,
    addDays(TODAY, -15),
    { protectedIdentity: true },
  );
  expect(shielded.identityDiscarded).toBe(true);
  await register("swedish", shieldedOfficer, shieldedOfficer.initiativeId, addDays(TODAY, -10));

  // imported from a CSV, into another initiative
  const importOfficer = officerOf(where.imported);
  const header =
    "deltagar_id;personnummer;samtycke_datum;kon;fodelsear;kommun;utbildning;forsorjning_fore;tid_offentlig_forsorjning;sysselsattning_fore;remittent;startdatum;handlingsplan_datum;slutdatum;status_vid_avslut;studier_vid_avslut;forsorjning_efter";
  const start = addDays(TODAY, -25);
  const csvRows = [
    `PLANT-importedNumber;${dashed(PLANTED.importedNumber.canonical)};${start};kvinna;;0380;gymnasial;a-kassa;1–2 år;arbetslös;Arbetsförmedlingen;${start};;;;;`,
    `PLANT-importedCoordination;${PLANTED.importedCoordination.canonical.slice(2, 8)}-${PLANTED.importedCoordination.canonical.slice(8)};${start};man;;0380;okänd;etableringsersättning;under 1 år;arbetslös;Arbetsförmedlingen;${start};;;;;`,
  ];
  const imported = await importParticipants(
    t.db,
    crypto,
    importOfficer.actor,
    importOfficer.scope,
    importOfficer.initiativeId,
    {
      data: new TextEncoder().encode(`\uFEFF${[header, ...csvRows].join("\r\n")}\r\n`),
      name: "deltagare.csv",
    },
    { today: TODAY, localUnit: importOfficer.localUnitId },
  );
  expect(imported.problems, JSON.stringify(imported.problems)).toEqual([]);
  expect(imported).toMatchObject({ saved: true, created: 2 });
  const importedRows = await inRegister(t.db, importOfficer.scope, (tx) =>
    tx
      .select({
        key: enrollments.externalKey,
        enrollmentId: enrollments.id,
        participantId: enrollments.participantId,
      })
      .from(enrollments)
      .where(
        inArray(enrollments.externalKey, ["PLANT-importedNumber", "PLANT-importedCoordination"]),
      ),
  );
  for (const row of importedRows)
    planted.set((row.key ?? "").replace("PLANT-", "") as PlantedKey, {
      enrollmentId: row.enrollmentId,
      participantId: row.participantId,
    });

  // the coach over HTTP: registers one through the form, and exits them there
  const form = `/demo/deltagare/ny?insats=${vaxtverket}`;
  const webStart = addDays(TODAY, -12);
  const created = await coachClient.postForm(form, form, {
    initiativeId: vaxtverket,
    registration: "samtycke",
    consentedOn: webStart,
    consentTextVersion: "2025:1",
    consentLanguage: "svenska",
    personalNumber: dashed(PLANTED.web.canonical),
    name: PLANTED.web.name,
    gender: "man",
    birthYear: "",
    municipalityCode: "0360",
    education: "gymnasial",
    supportBefore: ["a_kassa"],
    timeOnSupport: "under_1_ar",
    occupationBefore: "arbetslos",
    referrer: "arbetsformedlingen",
    startDate: webStart,
    actionPlanDate: "",
    localUnitId: where.coach.localUnitId ?? "",
    externalKey: "PLANT-web",
  });
  const location = created.headers.get("location") ?? "";
  const webEnrollment = /\/deltagare\/([0-9a-f-]{36})/.exec(location)?.[1];
  if (!webEnrollment)
    throw new Error(
      `the coach's registration gave ${created.status} ${location}: ${new TextDecoder().decode(created.body).slice(0, 300)}`,
    );
  const [webRow] = await inRegister(t.db, coach.scope, (tx) =>
    tx
      .select({ participantId: enrollments.participantId, version: enrollments.version })
      .from(enrollments)
      .where(eq(enrollments.id, webEnrollment)),
  );
  if (!webRow) throw new Error("the web registration is not in the register");
  planted.set("web", { enrollmentId: webEnrollment, participantId: webRow.participantId });
  const page = `/demo/deltagare/${webEnrollment}`;
  const exitAnswer = await coachClient.postForm(page, page, {
    intent: "exit",
    version: String(webRow.version),
    endDate: addDays(TODAY, -1),
    status: "studier",
    studies: "ja",
    extent: "",
    supportAfter: ["studiemedel"],
    actionPlanAtExit: "ja",
  });
  expect(exitAnswer.status, "the coach's exit").toBeGreaterThanOrEqual(300);
  expect(exitAnswer.status).toBeLessThan(400);

  // the coach reads: the list, each planted enrollment, a reveal, the registerutdrag
  await coachClient.get("/demo/deltagare");
  await coachClient.get("/demo/deltagare?status=ended");
  for (const key of ["revealed", "exited", "web"] as const) {
    const id = planted.get(key)?.enrollmentId;
    const read = await coachClient.get(`/demo/deltagare/${id}`);
    expect(read.status, `the coach reads ${key}`).toBe(200);
  }
  const revealedPage = `/demo/deltagare/${planted.get("revealed")?.enrollmentId}`;
  const reveal = await coachClient.postForm(revealedPage, revealedPage, { intent: "reveal" });
  const revealedHtml = new TextDecoder().decode(reveal.body);
  // the reveal works, so the number is in the register to be found
  expect(revealedHtml).toContain(dashed(PLANTED.revealed.canonical));
  expect(revealedHtml).toContain(PLANTED.revealed.name);
  for (const format of ["json", "pdf"]) {
    const utdrag = await coachClient.get(`${revealedPage}/utdrag?format=${format}`);
    expect(utdrag.status, `the registerutdrag as ${format}`).toBe(200);
  }

  // the portal (issue 9): the coach gives "revealed" portal access with an e-mail address and a
  // phone number (the address carries the name), sends a code by e-mail and shows another; the
  // participant signs in with it, reads the plan, books a time and downloads their own data
  const portalPage = `/demo/insatser/${vaxtverket}/portal`;
  const participantId = planted.get("revealed")?.participantId ?? "";
  const portalForms: Record<string, string>[] = [
    { intent: "ge" },
    {
      intent: "kontakt",
      email: PORTAL_EMAIL,
      phone: "070-123 45 67",
      reminders: "epost",
    },
    { intent: "kod", delivery: "epost" },
  ];
  for (const fields of portalForms) {
    const answer = await coachClient.postForm(portalPage, portalPage, { participantId, ...fields });
    expect(answer.status, `the coach's portal form "${fields.intent}"`).toBeLessThan(400);
  }
  const shown = await coachClient.postForm(portalPage, portalPage, {
    participantId,
    intent: "kod",
    delivery: "visa",
    locale: "sv",
  });
  // the code the page prints for the participant, not any look-alike elsewhere on the page
  const code = /class="portal-code-print__code"[^>]*>([A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4})</.exec(
    new TextDecoder().decode(shown.body),
  )?.[1];
  if (shown.status !== 200 || !code)
    throw new Error(`no code on the coach's portal page: ${whyRefused(shown)}`);
  const participant = new HttpClient(baseUrl);
  const signedIn = await participant.postForm("/portal/logga-in", "/portal/logga-in", {
    kod: code,
    till: "/portal",
  });
  const signedInTo = signedIn.headers.get("location");
  expect(
    signedInTo,
    `the participant's sign-in with ${code}: ${whyRefused(signedIn)}${signedInTo === "/portal" ? "" : ` ${await codeState(code)}`}`,
  ).toBe("/portal");
  for (const path of ["/portal", "/portal/plan", "/portal/mina-uppgifter"])
    expect((await participant.get(path)).status, path).toBe(200);
  const booking = new TextDecoder().decode((await participant.get("/portal/boka")).body);
  const windowPath = /href="(\/portal\/boka\/[0-9a-f-]{36})"/.exec(booking)?.[1];
  if (!windowPath) throw new Error("no bookable time in the portal");
  const times = new TextDecoder().decode((await participant.get(windowPath)).body);
  const time = /name="tid" value="([^"]+)"/.exec(times)?.[1];
  if (!time) throw new Error(`no free time on ${windowPath}`);
  const booked = await participant.postForm(windowPath, windowPath, { tid: time });
  expect(booked.status, "the participant's booking").toBeLessThan(400);
  // Tyck till (issue 10): the exit survey, with the name and the number written into every
  // free-text answer — a participant may write anything. The answers are kept in the register
  // zone without a participant; the association's roles see only protected counts.
  const survey = new TextDecoder().decode(
    (await participant.get("/portal/tyck-till/slut/slut")).body,
  );
  const freeTextFields = [...survey.matchAll(/<textarea[^>]*name="(svar-[^"]+)"/g)].map(
    (m) => m[1],
  );
  expect(freeTextFields.length, "free-text questions in the exit survey").toBeGreaterThan(0);
  const answers: Record<string, string> = { intent: "skicka" };
  for (const name of freeTextFields)
    if (name)
      answers[name] =
        `Jag heter ${PLANTED.revealed.name} (${dashed(PLANTED.revealed.canonical)}) och tyckte om det.`;
  const answered = await participant.postForm(
    "/portal/tyck-till/slut/slut",
    "/portal/tyck-till/slut/slut",
    answers,
  );
  expect(answered.status, "the participant's exit survey").toBeLessThan(400);
  for (const format of ["json", "pdf"])
    expect((await participant.get(`/portal/mina-uppgifter/utdrag.${format}`)).status).toBe(200);
}

/** The planted participants' stored ciphertexts and hashes (before any erasure). */
async function readStoredIdentities(): Promise<void> {
  const controllers = (
    await t.db
      .select({ id: memberOrganisations.id })
      .from(memberOrganisations)
      .where(eq(memberOrganisations.associationId, associationId))
  ).map((r) => r.id);
  const all = (
    await t.db
      .select({ id: initiatives.id })
      .from(initiatives)
      .where(eq(initiatives.associationId, associationId))
  ).map((r) => r.id);
  const rows = await inRegister(t.db, { controllers, initiatives: all }, (tx) =>
    tx.select().from(participants),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const key of Object.keys(PLANTED) as PlantedKey[]) {
    const p = PLANTED[key];
    const stored = byId.get(planted.get(key)?.participantId ?? "");
    if (!stored) throw new Error(`planted participant ${key} is not in the register`);
    if (key === "protectedIdentity") expect(stored.identityCiphertext).toBeNull();
    else expect(stored.identityCiphertext, key).toMatch(/^v1:/);
    identities.push({
      label: `${key} (${p.label})`,
      canonical: p.canonical,
      name: p.name,
      ciphertexts: [stored.identityCiphertext, stored.nameCiphertext].filter(
        (c): c is string => !!c,
      ),
      lookup: stored.identityLookup,
    });
  }
  // the demo's own participants: their numbers (decrypted), ciphertexts and hashes
  const crypto = registerCryptoFor(running.services.config);
  const plantedIds = new Set([...planted.values()].map((p) => p.participantId));
  for (const row of rows) {
    if (plantedIds.has(row.id) || !row.identityCiphertext) continue;
    demoForms.add(crypto.decrypt(row.identityCiphertext).slice(2));
    demoForms.add(row.identityCiphertext);
    if (row.identityLookup) demoForms.add(row.identityLookup);
  }
  needles = identities.flatMap(needlesOf);
}

/** Withdraws the consent of one planted participant (erasing the identity). */
async function withdraw(): Promise<void> {
  const withdrawnOfficer = officerOf(where.withdrawn);
  const ids = planted.get("withdrawn");
  if (!ids) throw new Error("no withdrawn participant");
  const [p] = await inRegister(t.db, withdrawnOfficer.scope, (tx) =>
    tx
      .select({ version: participants.version })
      .from(participants)
      .where(eq(participants.id, ids.participantId)),
  );
  const result = await withdrawConsent(
    t.db,
    withdrawnOfficer.actor,
    withdrawnOfficer.scope,
    { enrollmentId: ids.enrollmentId, participantVersion: p?.version ?? 0, withdrawnOn: TODAY },
    TODAY,
  );
  expect(result.erased).toBe(true);
}

/** Runs the register's retention job through pg-boss, as the schedule would, and waits for it. */
async function runRetentionJob(): Promise<void> {
  const boss = new PgBoss({ connectionString: t.url, schedule: false, supervise: false });
  boss.on("error", (error) => console.error("[test-jobs]", error.message));
  await boss.start();
  try {
    const id = await boss.send(QUEUES.registerRetention, {});
    if (!id) throw new Error("the retention job was not queued");
    const deadline = Date.now() + 30_000;
    for (;;) {
      const [job] = await boss.findJobs(QUEUES.registerRetention, { id });
      if (job?.state === "completed") break;
      if (job?.state === "failed")
        throw new Error(`the retention job failed: ${inspect(job.output)}`);
      if (Date.now() > deadline)
        throw new Error(`the retention job did not finish (${job?.state})`);
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await boss.stop({ graceful: false, timeout: 2000 });
  }
  const [row] = await inRegister(t.db, officerOf(where.retained).scope, (tx) =>
    tx
      .select({ erasedAt: participants.erasedAt })
      .from(participants)
      .where(eq(participants.id, planted.get("retained")?.participantId ?? "")),
  );
  expect(
    row?.erasedAt,
    "the retention job erased the identity exited two months ago",
  ).not.toBeNull();
}

beforeAll(async () => {
  captureProcessOutput();
  // the register key of this test's instance: the demo's participants are sealed with it too
  process.env[REGISTER_KEY_ENV] = randomBytes(32).toString("base64");
  // gallring after one month, so that the retention job erases the identity exited two months ago
  process.env.SAMSPAR_REGISTER_RETENTION_MONTHS = "1";
  let since = performance.now();
  const build = await loadServerBuild();
  t = await createTestDatabase();
  await seedDemo(t.db);
  const [demo] = await t.db.select().from(associations).where(eq(associations.slug, "demo"));
  associationId = demo?.id ?? "";
  lap("database and demo", since);

  since = performance.now();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "samspar-privacy-"));
  let app: ReturnType<typeof createHttpApp> | undefined;
  const server = serve({
    fetch: (request, env) =>
      app ? app.fetch(request, env) : new Response("not ready", { status: 503 }),
    port: 0,
    hostname: "127.0.0.1",
  });
  await new Promise<void>((resolve, reject) => {
    if (server.listening) resolve();
    server.once("listening", () => resolve());
    server.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://localhost:${port}`;
  const config = {
    ...readConfig({ SAMSPAR_DATA_DIR: dataDir, SAMSPAR_LOG: "info" }),
    baseUrl,
    port,
    host: "127.0.0.1",
  };
  const database: Database = {
    url: t.url,
    pool: t.pool,
    db: t.db,
    source: "DATABASE_URL",
    close: async () => {},
  };
  // the production wiring: secrets, the register key, the mailer and pg-boss with its workers
  running = await createServices(config, database);
  app = createHttpApp({
    services: running.services,
    getBuild: async () => build,
    clientDir: CLIENT_DIR,
    mode: "production",
  });
  stopServer = async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      if ("closeAllConnections" in server) server.closeAllConnections();
    });
    await running.jobs.stop();
  };
  lap("server and jobs", since);

  since = performance.now();
  const coachClient = new HttpClient(baseUrl);
  await coachClient.signIn(COACH, DEMO_PASSWORD);
  await plantIdentities(coachClient);
  await readStoredIdentities();
  await withdraw();
  await runRetentionJob();
  lap("planting", since);
}, 180_000);

afterAll(async () => {
  await stopServer();
  await t?.drop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  for (const restore of restoreLog) restore();
  const total = Math.round(performance.now() - started);
  // this process's processor time (the server, the crawl, the search; PostgreSQL not included)
  const cpu = Math.round(process.cpuUsage().user / 1000);
  process.stdout.write(`planted-identities: ${JSON.stringify({ ...timings, total, cpu })} (ms)\n`);
});

// ---------------------------------------------------------------------------------------------
// Searching

const DEMO_NUMBER = /(?<!\d)(?:\d{2})?(\d{6})[-+ ]?(\d{4})(?!\d)/g;
const SEALED = /v1:[A-Za-z0-9+/]{16,}={0,2}/g;
const HASH = /(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])/gi;

/** The demo's own participants, found by pattern (too many for one needle each). */
function demoHits(text: string, output: string, part: string): Hit[] {
  const hits: Hit[] = [];
  const found = (at: number, form: string) =>
    hits.push({
      output,
      part,
      identity: "en av demons deltagare",
      form,
      excerpt: text.slice(Math.max(0, at - 50), at + 70).replace(/\s+/g, " "),
    });
  for (const m of text.matchAll(DEMO_NUMBER))
    if (demoForms.has(`${m[1]}${m[2]}`)) found(m.index, "personnummer");
  for (const m of text.matchAll(SEALED)) if (demoForms.has(m[0])) found(m.index, "chiffertext");
  for (const m of text.matchAll(HASH))
    if (demoForms.has(m[0].toLowerCase())) found(m.index, "sökhash");
  return hits;
}

interface Tally {
  outputs: number;
  searched: number;
  notSearched: string[];
  formats: Record<string, number>;
  bytes: number;
}
const newTally = (): Tally => ({ outputs: 0, searched: 0, notSearched: [], formats: {}, bytes: 0 });

async function searchAll(outputs: Output[], tally: Tally): Promise<Hit[]> {
  const hits: Hit[] = [];
  for (const output of outputs) {
    const found = await searchOutput(output, needles);
    tally.outputs++;
    tally.bytes += output.body.length;
    tally.formats[found.extracted.format] = (tally.formats[found.extracted.format] ?? 0) + 1;
    if (found.extracted.searched) tally.searched++;
    else tally.notSearched.push(`${output.name} (${output.contentType})`);
    hits.push(...found.hits);
    for (const text of found.extracted.texts)
      hits.push(...demoHits(text.text, `${output.kind} ${output.name}`, text.part));
  }
  return hits;
}

const report = (what: string, data: unknown) =>
  process.stdout.write(`planted-identities: ${what}: ${JSON.stringify(data)}\n`);

function expectNoHits(hits: Hit[]): void {
  expect(hits.map(describeHit).slice(0, 40), `${hits.length} träffar`).toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// Pages

/** At most this many answers per role, and this many pages of one kind besides the seeds. */
const PAGE_CAP = 400;
const PER_KIND = 4;

describe("the participant officer, where the identities belong", () => {
  it("is shown them, and the same search finds them there: in pages, the JSON and the PDF", async () => {
    const coach = new HttpClient(baseUrl);
    await coach.signIn(COACH, DEMO_PASSWORD);
    const enrollment = `/demo/deltagare/${planted.get("revealed")?.enrollmentId}`;
    const answers = [
      await coach.get("/demo/deltagare"),
      await coach.get(`${enrollment}/utdrag?format=json`),
      await coach.get(`${enrollment}/utdrag?format=pdf`),
    ];
    const hits = await searchAll(
      answers.flatMap((a) => answerOutput("kontroll (deltagaransvarig)", a)),
      newTally(),
    );
    const found = (url: string) =>
      new Set(
        hits
          .filter((h) => h.output.endsWith(url) && h.identity.startsWith("revealed "))
          .map((h) => h.form),
      );
    // the list: masked; the registerutdrag: the whole number and the name, in JSON and in PDF
    expect(found("/demo/deltagare")).toContain("maskerat ÅÅÅÅMMDD-XXXX");
    for (const format of ["json", "pdf"]) {
      const forms = found(`${enrollment}/utdrag?format=${format}`);
      expect([...forms], format).toEqual(expect.arrayContaining(["ÅÅÅÅMMDD-NNNN", "namn"]));
    }

    // and one of the demo's own participants, found by pattern, in their registerutdrag
    const plantedIds = [...planted.values()].map((p) => p.participantId);
    const [demoOne] = await inRegister(t.db, coachScope, (tx) =>
      tx
        .select({ id: enrollments.id })
        .from(enrollments)
        .innerJoin(participants, eq(participants.id, enrollments.participantId))
        .where(
          and(isNotNull(participants.identityCiphertext), notInArray(participants.id, plantedIds)),
        )
        .limit(1),
    );
    const demoExport = await coach.get(`/demo/deltagare/${demoOne?.id}/utdrag?format=json`);
    const demoFound = await searchAll(answerOutput("kontroll", demoExport), newTally());
    expect(demoFound.map((h) => `${h.identity}: ${h.form}`)).toContain(
      "en av demons deltagare: personnummer",
    );
  });
});

describe("every association role but the participant officer", () => {
  it("never sees a planted identity on any page or download it can reach", async () => {
    const since = performance.now();
    const vaxtverket = where.coach;
    const structural = where.structural;
    const from = addDays(TODAY, -365);
    const seeds = [
      "/",
      "/demo",
      "/demo/deltagare",
      "/demo/deltagare?status=ended",
      "/demo/deltagare/ny",
      `/demo/deltagare/ny?insats=${vaxtverket.id}`,
      "/demo/deltagare/importera",
      "/demo/deltagare/importera/mall",
      "/demo/deltagarstatistik",
      `/demo/deltagarstatistik?fran=${from}&till=${TODAY}`,
      `/demo/insatser/${structural.id}/deltagarantal`,
      "/demo/registerlogg",
      "/demo/granskningslogg",
      "/demo/utkorg",
    ];
    for (const [key, ids] of planted) {
      seeds.push(
        `/demo/deltagare/${ids.enrollmentId}`,
        `/demo/deltagare/${ids.enrollmentId}/utdrag?format=json`,
        `/demo/deltagare/${ids.enrollmentId}/utdrag?format=pdf`,
        `/demo/registerlogg?deltagare=${ids.participantId}`,
      );
      if (key === "revealed" || key === "importedNumber" || key === "swedish")
        seeds.push(`/demo/deltagare/${ids.enrollmentId}?steg=aterkalla`);
    }
    for (const initiative of plantedInitiatives())
      seeds.push(`/demo/deltagarstatistik?fran=${from}&till=${TODAY}&insats=${initiative.id}`);

    const perRole: Record<string, unknown> = {};
    const hits: Hit[] = [];
    const tally = newTally();
    const results = await Promise.all(
      (Object.entries(DEMO_ROLES) as Array<[RoleKey, string]>).map(async ([role, email]) => {
        const client = new HttpClient(baseUrl);
        await client.signIn(email, DEMO_PASSWORD);
        const result = await crawl(client, seeds, {
          cap: PAGE_CAP,
          parallel: 2,
          perKind: PER_KIND,
          // the audit log, the register's access log and the outbox are read to their last page
          everyPage: [/^\/demo\/(granskningslogg|registerlogg|utkorg)\?(fore|sida)$/],
        });
        return { role, result };
      }),
    );
    lap("pages: crawl", since);
    for (const { role, result } of results) {
      const kinds = new Set(result.answers.map((a) => pageKind(new URL(a.url, baseUrl))));
      perRole[role] = {
        visited: result.visited,
        kinds: kinds.size,
        sameKindNotFollowed: result.sameKind,
        leftOver: result.leftOver,
        statuses: result.statuses,
      };
      hits.push(
        ...(await searchAll(
          result.answers.flatMap((a) => answerOutput(`sida (${role})`, a)),
          tally,
        )),
      );
    }
    lap("pages", since);
    report("pages", { perRole, ...tally, notSearched: tally.notSearched.length });
    if (tally.notSearched.length) report("pages not searched", tally.notSearched);
    for (const { role, result } of results) {
      // an answer that is a crash was not the page: it must not hide one
      const failed = result.answers.filter((a) => a.status >= 500).map((a) => a.url);
      expect(failed, `${role}: sidor som svarade 5xx`).toEqual([]);
      // the start page and more: a role that reaches nothing would prove nothing
      expect(result.statuses[200] ?? 0, `${role}: sidor med 200`).toBeGreaterThan(10);
      expect(result.leftOver, `${role}: länkar kvar när taket på ${PAGE_CAP} nåddes`).toBe(0);
    }
    expectNoHits(hits);
  }, 300_000);

  // -------------------------------------------------------------------------------------------
  // API

  it("never gets a planted identity from any GET operation of the API", async () => {
    const since = performance.now();
    const spec = JSON.parse(fs.readFileSync("docs/api/openapi.json", "utf8")) as {
      paths: Record<
        string,
        Record<
          string,
          {
            parameters?: Array<{
              name: string;
              in: string;
              required?: boolean;
              schema?: { enum?: string[] };
            }>;
          }
        >
      >;
    };
    const operations = Object.entries(spec.paths)
      .filter(([, ops]) => ops.get)
      .map(([template, ops]) => ({ template, parameters: ops.get?.parameters ?? [] }));

    const hits: Hit[] = [];
    const tally = newTally();
    const exercised = new Map<string, number>(); // template → answers with 2xx, any role
    const failures: string[] = [];
    const perRole: Record<
      string,
      { requests: number; ok: number; statuses: Record<number, number> }
    > = {};
    const initiativesOfPlanted = plantedInitiatives().map((i) => i.id);

    await Promise.all(
      (Object.entries(DEMO_ROLES) as Array<[RoleKey, string]>).map(async ([role, email]) => {
        // three tokens in turn: the limit is 600 requests a minute per token
        const tokens = await Promise.all(
          [1, 2, 3].map(
            async () =>
              (
                await createApiToken(
                  t.db,
                  { userId: null, label: "test" },
                  { email, scope: "write" },
                )
              ).token,
          ),
        );
        let turn = 0;
        const stats = { requests: 0, ok: 0, statuses: {} as Record<number, number> };
        perRole[role] = stats;
        const answers: Answer[] = [];
        const call = async (template: string, url: string): Promise<unknown> => {
          const client = new HttpClient(baseUrl, {
            authorization: `Bearer ${tokens[turn++ % tokens.length]}`,
          });
          let answer = await client.get(`/api/v1${url}`);
          answers.push(answer);
          // a redirect (the document under the association's path) is followed, with the token
          for (let hop = 0; hop < 3 && answer.status >= 300 && answer.status < 400; hop++) {
            const location = answer.headers.get("location");
            if (!location || new URL(location, baseUrl).origin !== new URL(baseUrl).origin) break;
            answer = await client.get(location);
            answers.push(answer);
          }
          stats.requests++;
          stats.statuses[answer.status] = (stats.statuses[answer.status] ?? 0) + 1;
          if (answer.status >= 500) failures.push(`${role}: ${answer.url} ${answer.status}`);
          if (answer.status >= 200 && answer.status < 300) {
            stats.ok++;
            exercised.set(template, (exercised.get(template) ?? 0) + 1);
          }
          if (!answer.contentType.includes("json")) return undefined;
          try {
            return JSON.parse(new TextDecoder().decode(answer.body));
          } catch {
            return undefined;
          }
        };

        // values of path parameters, from the answers as they come
        const values = new Map<string, Set<string>>(); // "param" or "param@parentValue"
        const addValue = (key: string, value: unknown) => {
          if (typeof value !== "string" && typeof value !== "number") return;
          const set = values.get(key) ?? new Set<string>();
          set.add(String(value));
          values.set(key, set);
        };
        const itemsOf = (json: unknown): Array<Record<string, unknown>> => {
          const items = (json as { items?: unknown })?.items;
          return Array.isArray(items) ? (items as Array<Record<string, unknown>>) : [];
        };
        /** Every object with an id inside arrays called `name`, anywhere in `json`. */
        const idsInArrays = (json: unknown, name: string, out: string[] = []): string[] => {
          if (Array.isArray(json)) for (const v of json) idsInArrays(v, name, out);
          else if (json && typeof json === "object")
            for (const [k, v] of Object.entries(json)) {
              if (k === name && Array.isArray(v))
                for (const item of v)
                  if (item && typeof item === "object" && "id" in item)
                    out.push(String((item as { id: unknown }).id));
              idsInArrays(v, name, out);
            }
          return out;
        };
        addValue("slug", "demo");
        for (const y of [YEAR - 1, YEAR]) addValue("year", y);

        /** Where a path parameter's values come from (param → how to read an answer). */
        const harvest = (template: string, json: unknown, params: Record<string, string>) => {
          const tail = template.split("/").at(-1);
          const listOf: Record<string, string> = {
            initiatives: "initiativeId",
            applications: "applicationId",
            "periodic-reports": "reportId",
            "deviation-reports": "deviationId",
            "final-reports": "finalReportId",
            requisitions: "requisitionId",
            "follow-ups": "followUpId",
          };
          const param = tail ? listOf[tail] : undefined;
          if (param) for (const item of itemsOf(json)) addValue(param, item.id);
          if (tail === "versions" && params.applicationId && template.includes("/applications/"))
            for (const item of itemsOf(json))
              addValue(`version@${params.applicationId}`, item.version);
          // an instrument's versions (progression): each has an id
          if (tail === "instruments" && template.includes("/progression/"))
            for (const id of idsInArrays(json, "versions")) addValue("versionId", id);
          if (tail === "meetings" && params.initiativeId)
            for (const item of itemsOf(json)) addValue(`meetingId@${params.initiativeId}`, item.id);
          if (template.endsWith("{meetingId}") && params.initiativeId)
            for (const id of idsInArrays(json, "attachments"))
              addValue(`attachmentId@${params.initiativeId}`, id);
          if (template.endsWith("{requisitionId}") && params.requisitionId)
            for (const id of [...idsInArrays(json, "attachments"), ...idsInArrays(json, "files")])
              addValue(`fileId@${params.requisitionId}`, id);
        };
        const DEPENDS: Record<string, string> = {
          version: "applicationId",
          meetingId: "initiativeId",
          attachmentId: "initiativeId",
          fileId: "requisitionId",
        };
        /** At most this many values of one parameter (documents are slow to render). */
        const LIMIT: Record<string, number> = {
          initiativeId: 5,
          applicationId: 3,
          reportId: 2,
          deviationId: 2,
          finalReportId: 2,
          requisitionId: 3,
          followUpId: 2,
          versionId: 2,
          version: 2,
          meetingId: 2,
          attachmentId: 2,
          fileId: 2,
          year: 2,
          slug: 1,
        };
        const candidates = (param: string, bound: Record<string, string>): string[] => {
          const parent = DEPENDS[param];
          const key = parent ? `${param}@${bound[parent]}` : param;
          let list = [...(values.get(key) ?? [])];
          // the planted participants' initiatives first, so that their statistics are read
          if (param === "initiativeId")
            list = [
              ...initiativesOfPlanted.filter((id) => list.includes(id)),
              ...list.filter((id) => !initiativesOfPlanted.includes(id)),
            ];
          return list.slice(0, LIMIT[param] ?? 3);
        };
        /** Files are slow to render and read: one of each kind per role (both formats). */
        const FILE = /\/(document|workbook|export|template|national)$/;
        const tuples = (template: string): Array<Record<string, string>> => {
          const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
          let out: Array<Record<string, string>> = [{}];
          for (const name of names)
            out = out.flatMap((bound) =>
              candidates(name, bound).map((value) => ({ ...bound, [name]: value })),
            );
          return FILE.test(template) ? out.slice(0, 1) : out;
        };
        const queries = (op: (typeof operations)[number], params: Record<string, string>) => {
          const required = op.parameters.filter((p) => p.in === "query" && p.required);
          const options: string[] = [""];
          const format = op.parameters.find((p) => p.in === "query" && p.name === "format");
          if (format?.schema?.enum) {
            options.length = 0;
            for (const f of format.schema.enum) options.push(`format=${f}`);
          }
          if (required.some((p) => p.name === "from") && required.some((p) => p.name === "to"))
            return ["from=1&to=1", "from=1&to=2"];
          if (op.template.endsWith("/participant-statistics")) {
            options.push(`from=${addDays(TODAY, -365)}&to=${TODAY}`);
            for (const id of initiativesOfPlanted)
              options.push(`from=${addDays(TODAY, -365)}&to=${TODAY}&initiativeId=${id}`);
          }
          if (op.template.endsWith("/money") && params.initiativeId) options.push(`year=${YEAR}`);
          // the portal's protected figures: months, each planted initiative, every context
          const figures = op.template.endsWith("/course-figures");
          if (figures || op.template.endsWith("/evaluation-results")) {
            const months = `from=${addDays(TODAY, -365).slice(0, 7)}&to=${TODAY.slice(0, 7)}`;
            // Tyck till's results need a context: without one the answer is only a 400
            if (!figures) options.length = 0;
            const contexts = figures
              ? [""]
              : ["&context=kapitel", "&context=mote", "&context=slut"];
            for (const context of contexts) {
              options.push(`${months}${context}`);
              for (const id of initiativesOfPlanted)
                options.push(`${months}${context}&initiativeId=${id}`);
            }
          }
          return options;
        };

        // rounds: an operation whose parameters are not known yet waits for the next round
        const done = new Set<string>();
        for (let round = 0; round < 4; round++) {
          for (const op of operations) {
            if (done.has(op.template)) continue;
            const bound = tuples(op.template);
            if (bound.length === 0) continue;
            done.add(op.template);
            for (const params of bound) {
              const url = op.template.replace(/\{(\w+)\}/g, (_, n: string) => params[n] ?? "");
              for (const query of queries(op, params)) {
                const json = await call(op.template, query ? `${url}?${query}` : url);
                harvest(op.template, json, params);
              }
            }
          }
        }
        for (const op of operations)
          if (!done.has(op.template)) exercised.set(op.template, exercised.get(op.template) ?? 0);
        hits.push(
          ...(await searchAll(
            answers.flatMap((a) => answerOutput(`api (${role})`, a)),
            tally,
          )),
        );
      }),
    );
    lap("api", since);

    // every GET operation answered 2xx to some role, unless it cannot apply to the demo
    const NOT_APPLICABLE: Record<string, string> = {};
    const unexercised = operations
      .map((op) => op.template)
      .filter((template) => !(exercised.get(template) ?? 0) && !NOT_APPLICABLE[template]);
    report("api", {
      operations: operations.length,
      exercised: operations.length - unexercised.length,
      perRole,
      ...tally,
      notSearched: tally.notSearched.length,
    });
    expect(unexercised, "GET-operationer som ingen roll fick svar 2xx från").toEqual([]);
    expect(failures, "API-anrop som svarade 5xx").toEqual([]);
    expectNoHits(hits);
  }, 300_000);

  // -------------------------------------------------------------------------------------------
  // The bundle export, the tables, pg-boss, and everything the process wrote

  it("never finds a planted identity in the bundle export", async () => {
    const bundle = bundleJson(await exportBundle(t.db, associationId));
    const tally = newTally();
    const hits = await searchAll(
      [
        {
          kind: "export",
          name: "bundle (samspar bundle export)",
          contentType: "application/json",
          body: bundle,
        },
      ],
      tally,
    );
    report("bundle", { bytes: bundle.length });
    expect(bundle.length).toBeGreaterThan(10_000);
    expectNoHits(hits);
  });

  it("never finds a planted identity in any table of the association zone, the outbox or pg-boss's jobs", async () => {
    // as the tables' owner: every table outside the register, pg-boss's included
    const tables = await t.owner.db.execute<{ schema: string; name: string }>(
      sql`select table_schema as schema, table_name as name from information_schema.tables
          where table_type = 'BASE TABLE'
            and table_schema not in ('pg_catalog', 'information_schema', 'register')
          order by 1, 2`,
    );
    const outputs: Output[] = [];
    const rowsPer: Record<string, number> = {};
    for (const { schema, name } of tables.rows) {
      const rows = await t.owner.db.execute(
        sql`select row_to_json(x)::text as j from ${sql.identifier(schema)}.${sql.identifier(name)} x`,
      );
      rowsPer[`${schema}.${name}`] = rows.rows.length;
      outputs.push({
        kind: "tabell",
        name: `${schema}.${name}`,
        contentType: "application/json",
        body: rows.rows.map((r) => String((r as { j: string }).j)).join("\n"),
      });
    }
    const tally = newTally();
    const hits = await searchAll(outputs, tally);
    report("tables", { tables: outputs.length, bytes: tally.bytes, rowsPer });
    // the tables the issue names are among them, and not empty
    expect(rowsPer["public.audit_events"] ?? 0).toBeGreaterThan(0);
    expect(rowsPer["public.mail_messages"] ?? 0).toBeGreaterThan(0);
    expect(
      rowsPer["pgboss.job"] ?? 0,
      "pg-boss's jobs (the retention job at least)",
    ).toBeGreaterThan(0);
    expectNoHits(hits);
  });

  it("never finds a planted identity in anything the server process wrote", async () => {
    const log = written.join("");
    const tally = newTally();
    const hits = await searchAll(
      [{ kind: "logg", name: "konsol, stdout och stderr", contentType: "text/plain", body: log }],
      tally,
    );
    report("log", { lines: written.length, bytes: log.length });
    // the server did write: pg-boss's retention job says what it erased
    expect(log).toContain("gallring av deltagarregistret");
    expectNoHits(hits);
  });
});
