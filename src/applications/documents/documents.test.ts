// The application's documents, built from a real application in a real database: a decided
// one with every field filled in, and an incomplete draft. The DOCX is unzipped and its XML
// read; the PDF's text is extracted with PDF.js, as a reader would see it.
import zlib from "node:zlib";
import JSZip from "jszip";
import { getDocumentProxy, getMeta } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../tests/support/database.ts";
import { createAssociation } from "../../associations/create-association.ts";
import { addMemberOrganisation } from "../../associations/member-organisations.ts";
import { imageInfo } from "../../documents/image.ts";
import { asciiSlug, fitColumns } from "../../documents/layout.ts";
import { renderPdf as applicationPdf } from "../../documents/pdf.ts";
import { keepForPreview } from "../../documents/testing.ts";
import { formatPercent } from "../../platform/i18n/format.ts";
import { formatMoney } from "../../platform/money.ts";
import { APPLICATION_FIELDS } from "../content.ts";
import { type ApplicationDetails, getApplication } from "../get-application.ts";
import { createApplication } from "../save-application.ts";
import { recordPaperSignature } from "../signatures.ts";
import type { ApplicationInput } from "../validate-application.ts";
import { decideApplication, submitApplication } from "../workflow.ts";
import { applicationDocument } from "./layout.ts";
import { renderApplicationDocument } from "./render.ts";

let t: TestDatabase;
const actor = { userId: null, label: "test" };
const ASSOCIATION = "Samordningsförbundet Tierp & Älvkarleby";
let associationId: string;
let decided: ApplicationDetails;
let draft: ApplicationDetails;
let ids: Record<"tierp" | "fk" | "af", string>;

/** A small PNG (an RGBA square with a circle), made here so the test needs no file. */
function pngLogo(width: number, height: number): Buffer {
  const row = width * 4 + 1;
  const raw = Buffer.alloc(row * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const inside = (x - width / 2) ** 2 + (y - height / 2) ** 2 < (height / 2.5) ** 2;
      raw.set(inside ? [29, 58, 92, 255] : [0, 0, 0, 0], y * row + 1 + x * 4);
    }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const out = Buffer.alloc(4 + body.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(zlib.crc32(body), 4 + body.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
const logo = { mediaType: "image/png", data: pngLogo(120, 40) };

const paragraphs = (n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `Stycke ${i + 1}: unga vuxna står långt från arbetsmarknaden och behöver samordnat stöd från kommunen, Försäkringskassan och Arbetsförmedlingen samtidigt.`,
  ).join("\n\n");

const content = (): ApplicationInput => ({
  name: "Tierp, Nya vägar",
  ownerOrganisationId: ids.tierp,
  partnerIds: [ids.fk, ids.af],
  orientation: "individual",
  preRehabilitation: true,
  esf: false,
  purpose:
    "Fler unga vuxna i Tierp ska nå arbete eller studier.\n\n# Delmål\n- Kortare väntan mellan myndigheterna\n- Läs mer på https://www.finsam.se/om-finsam\n\n1. Kartlägga\n2. Matcha",
  goals: [
    { text: "Till arbete eller studier", kind: "resultatmal", targetPercent: "60" },
    { text: "≥ 50 % mäts med progressionsmätning", kind: "effektmal", targetPercent: "50" },
    { text: "Deltagare i utvecklingsarbetet, 15 + 15", kind: "insatsmal", targetNumber: "30" },
  ],
  background: `Bakgrunden i korthet.\n\n${paragraphs(14)}`,
  startDate: "2027-01-01",
  endDate: "2028-12-31",
  lastIntakeDate: "2028-06-30",
  targetGroup: "Unga vuxna 18–29 år med försörjningsstöd",
  expectedParticipants: "15",
  expectedParticipantsOngoing: true,
  localUnits: [
    { name: "Tierp", expectedParticipants: "10" },
    { name: "Älvkarleby", expectedParticipants: "5" },
  ],
  genderTargetWomenPercent: "60",
  methods: "Supported employment och MI.",
  followUp: `Kvartalsvis uppföljning i styrgruppen.\n\n${paragraphs(6)}`,
  implementation: "Arbetssättet förs in i kommunens arbetsmarknadsenhet.",
  budget: [
    { year: "2027", category: "personal", amount: "900 000" },
    { year: "2028", category: "personal", amount: "950000" },
    { year: "2027", category: "lokaler", amount: "60 000" },
    { year: "2028", category: "utvardering", amount: "85 000" },
  ],
  coFinancing: [
    { year: "2027", organisationId: ids.fk, kind: "personaltid", amount: "200 000" },
    { year: "2028", organisationId: ids.af, kind: "deltagarersattning", amount: "350 000" },
  ],
  anchored: true,
  anchoringDescription: "Diskuterad i LOKUS 2026-09-10.",
});

const signers = () => [
  { organisationId: ids.tierp, name: "Anna Berg", title: "Socialchef" },
  { organisationId: ids.fk, name: "Karin Ek", title: "Enhetschef" },
  { organisationId: ids.af, name: "Olle Lund", title: "" },
];

beforeAll(async () => {
  t = await createTestDatabase();
  associationId = (await createAssociation(t.db, actor, { slug: "tierp", name: ASSOCIATION })).id;
  const org = (name: string, orgNumber: string, kind: string) =>
    addMemberOrganisation(t.db, actor, associationId, { name, orgNumber, kind });
  ids = {
    tierp: (await org("Tierps kommun", "212000-0274", "kommun")).id,
    fk: (await org("Försäkringskassan", "202100-5521", "forsakringskassan")).id,
    af: (await org("Arbetsförmedlingen", "202100-2114", "arbetsformedlingen")).id,
  };
  const id = await createApplication(t.db, actor, associationId, content(), { onPaper: true });
  for (const s of signers())
    await recordPaperSignature(t.db, actor, associationId, id, {
      ...s,
      email: `${s.name.split(" ")[0]?.toLowerCase()}@example.se`,
      signedOn: "2026-11-01",
    });
  const { version } = await submitApplication(t.db, actor, associationId, id, 1, {
    arrivalDate: "2026-11-02",
  });
  await decideApplication(
    t.db,
    actor,
    associationId,
    id,
    version,
    {
      decision: "beviljad",
      amount: "1 800 000",
      startDate: "2027-01-01",
      endDate: "2028-12-31",
      conditions: "Rapport till styrelsen efter första halvåret.",
      meeting: "Styrelsemöte 2026-11-20",
      paragraph: "§ 14",
      decisionDate: "2026-11-20",
    },
    new Date("2026-11-23T10:00:00Z"),
  );
  decided = (await getApplication(t.db, associationId, id)) as ApplicationDetails;

  const draftId = await createApplication(t.db, actor, associationId, {
    ...content(),
    name: "Älvkarleby, Första steget",
    purpose: "",
    goals: [],
    budget: [],
    coFinancing: [],
    localUnits: [],
    methods: "",
    anchored: null,
    anchoringDescription: "",
  });
  draft = (await getApplication(t.db, associationId, draftId)) as ApplicationDetails;
});
afterAll(() => t?.drop());

// ——— reading the documents back ———

const decode = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** Throws unless every element that opens also closes, in order. */
function assertWellFormed(xml: string) {
  const stack: string[] = [];
  const body = xml.replace(/^<\?xml[^>]*\?>/, "");
  for (const m of body.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)((?:"[^"]*"|'[^']*'|[^>"'])*?)(\/?)>/g)) {
    const [, close, name, , selfClosing] = m;
    if (selfClosing) continue;
    if (close) {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open}>`);
    } else stack.push(name as string);
  }
  expect(stack).toEqual([]);
}

/** The text of each paragraph of a WordprocessingML part. */
const paragraphTexts = (xml: string) =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    decode([...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("")),
  );

/** Each table as rows of cell texts. */
const tables = (xml: string) =>
  [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((tbl) =>
    [...tbl[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) => ({
      header: tr[0].includes("<w:tblHeader"),
      cells: [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) =>
        paragraphTexts(tc[0]).join("\n"),
      ),
    })),
  );

async function openDocx(body: Buffer) {
  const zip = await JSZip.loadAsync(body);
  const read = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`${name} saknas i paketet`);
    return file.async("string");
  };
  return { zip, read };
}

async function pdfText(body: Buffer) {
  const pdf = await getDocumentProxy(new Uint8Array(body));
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const text = await page.getTextContent();
    pages.push(text.items.map((item) => ("str" in item ? item.str : "")).join(""));
  }
  const { info } = (await getMeta(pdf)) as { info: Record<string, unknown> };
  await pdf.cleanup();
  return { pages, info };
}

/** Compares text without regard to spacing and line breaks (a PDF wraps lines anywhere). */
const squash = (s: string) => s.replace(/\s+/g, "");

/** The values a reader must find in the decided application's document. */
function filledValues(a: ApplicationDetails): string[] {
  const c = a.content;
  return [
    ASSOCIATION,
    "Ansökan om finansiering av insats",
    a.formVersion,
    c.name,
    "Tierps kommun",
    "Försäkringskassan",
    "Arbetsförmedlingen",
    "Fler unga vuxna i Tierp ska nå arbete eller studier.",
    "Kortare väntan mellan myndigheterna",
    "https://www.finsam.se/om-finsam",
    ...c.goals.map((g) => g.text),
    "resultatmål",
    "effektmål",
    "insatsmål",
    formatPercent(0.6),
    "Bakgrunden i korthet.",
    "Stycke 14: unga vuxna står långt från arbetsmarknaden",
    "2027-01-01",
    "2028-12-31",
    "2028-06-30",
    "Unga vuxna 18–29 år med försörjningsstöd",
    "15 löpande",
    "Älvkarleby: 5 deltagare",
    "60/40",
    "Supported employment och MI.",
    "Kvartalsvis uppföljning i styrgruppen.",
    "Arbetssättet förs in i kommunens arbetsmarknadsenhet.",
    ...c.budget.map((b) => formatMoney(b.amount)),
    formatMoney(960000), // 2027
    formatMoney(1035000), // 2028
    formatMoney(1995000), // all requested
    "Personaltid",
    "Deltagarnas ersättningar (ESF)",
    formatMoney(200000),
    formatMoney(350000),
    formatMoney(550000),
    "Diskuterad i LOKUS 2026-09-10.",
    "Insatsägaren har arbetsgivaransvaret för den personal som finansieras av förbundet.",
    "Överenskommelse",
    "Underskrifter",
    "Anna Berg",
    "Socialchef",
    "Karin Ek",
    "Olle Lund",
    "underskriven på papper",
    "2026-11-01",
    "Beslut",
    "Beviljad",
    formatMoney(1800000),
    "Styrelsemöte 2026-11-20",
    "§ 14",
    "Rapport till styrelsen efter första halvåret.",
    a.registryNumber ?? "diarienummer saknas",
    "2026-11-02",
  ];
}

describe("the document model", () => {
  it("names files in ASCII from the diarienummer and the name", () => {
    expect(asciiSlug("Tierp, Nya vägar")).toBe("Tierp-Nya-vagar");
    expect(asciiSlug("Älvkarleby – Första steget ≥ 2")).toBe("Alvkarleby-Forsta-steget-2");
    expect(applicationDocument(decided).fileBaseName).toBe(
      `Ansokan-${decided.registryNumber?.replace("/", "-")}-Tierp-Nya-vagar`,
    );
    expect(applicationDocument(draft).fileBaseName).toBe("Ansokan-utkast-Alvkarleby-Forsta-steget");
  });

  it("registers the diarienummer and arrival date only once the application has arrived", () => {
    expect(applicationDocument(decided).registration).toEqual([
      { label: "Diarienummer", lines: [decided.registryNumber] },
      { label: "Ankomstdatum", lines: ["2026-11-02"] },
      { label: "Status", lines: ["Beviljad"] },
      { label: "Ansökans version", lines: [String(decided.version)] },
    ]);
    expect(applicationDocument(draft).registration.map((f) => f.label)).toEqual([
      "Status",
      "Ansökans version",
    ]);
  });

  it("sums the budget per year, per category and in all", () => {
    const model = applicationDocument(decided);
    const budget = model.nodes.find(
      (n) => n.type === "field" && n.label === "Sökta medel från förbundet",
    );
    if (budget?.type !== "field" || budget.body.type !== "table")
      throw new Error("no budget table");
    const { columns, rows } = budget.body.table;
    expect(columns.map((c) => c.title)).toEqual(["Kostnadsslag", "2027", "2028", "Summa"]);
    expect(rows.find((r) => r.cells[0] === "Personal")?.cells.slice(1)).toEqual(
      [900000, 950000, 1850000].map((n) => formatMoney(n)),
    );
    expect(rows.find((r) => r.cells[0] === "Material")?.cells.slice(1)).toEqual(["—", "—", "—"]);
    expect(rows.at(-1)).toEqual({
      total: true,
      cells: ["Summa", ...[960000, 1035000, 1995000].map((n) => formatMoney(n))],
    });
  });
});

describe("table columns", () => {
  const table = {
    columns: [
      { title: "Kostnadsslag", align: "left" as const, weight: 1.6 },
      { title: "2027", align: "right" as const, weight: 1.2 },
      { title: "Summa", align: "right" as const, weight: 1.3 },
    ],
    rows: [{ cells: ["Utvärdering", "12 345 678 kr", "12 345 678 kr"] }],
  };
  const perCharacter = (w: number) => (text: string) => text.length * w;

  it("gives figures the room they need and the text columns the rest", () => {
    const widths = fitColumns(table, 300, perCharacter(5), 10);
    expect(widths?.reduce((s, w) => s + w, 0)).toBeCloseTo(300);
    expect(widths?.[1]).toBeGreaterThanOrEqual(13 * 5 + 10);
    expect(widths?.[0]).toBeGreaterThanOrEqual(11 * 5 + 10);
  });

  it("says when a table does not fit, so the writer picks a smaller size", () => {
    expect(fitColumns(table, 180, perCharacter(5), 10)).toBeNull();
    expect(fitColumns(table, 180, perCharacter(3), 10)).not.toBeNull();
  });
});

describe("DOCX", () => {
  it("is a valid Word package with every filled field, headings, tables and the logo", async () => {
    const doc = await renderApplicationDocument(decided, logo, "docx");
    expect(doc.mediaType).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(doc.fileName).toMatch(/^Ansokan-\d{4}-\d+-Tierp-Nya-vagar\.docx$/);
    const { zip, read } = await openDocx(doc.body);
    const types = await read("[Content_Types].xml");
    expect(types).toContain("wordprocessingml.document.main+xml");
    const xml = await read("word/document.xml");
    assertWellFormed(xml);
    assertWellFormed(await read("word/styles.xml"));

    const headerFiles = zip.file(/^word\/header\d*\.xml$/);
    const header = (await Promise.all(headerFiles.map((f) => f.async("string")))).join("");
    const text = [...paragraphTexts(header), ...paragraphTexts(xml)].join("\n");
    expect(filledValues(decided).filter((value) => !text.includes(value))).toEqual([]);
    for (const field of APPLICATION_FIELDS) expect(text).toContain(field.label);

    // real headings: the sections as Heading 1, the fields as Heading 2
    const headings = (level: number) =>
      [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
        .filter((p) => p[0].includes(`<w:pStyle w:val="Heading${level}"/>`))
        .map((p) => paragraphTexts(p[0]).join(""));
    expect(headings(1)).toEqual(
      expect.arrayContaining(["1. Insatsen", "2. Syfte och mål", "9. Budget", "13. Beslut"]),
    );
    expect(headings(2)).toEqual(expect.arrayContaining(["Mål", "Sökta medel från förbundet"]));
    expect(headings(3)).toContain("Delmål");

    // real tables with header rows
    const all = tables(xml);
    const goals = all.find((rows) => rows[0]?.cells.includes("Målvärde"));
    expect(goals?.[0]?.header).toBe(true);
    expect(goals?.slice(1).map((r) => r.cells)).toEqual([
      ["1", "Till arbete eller studier", "resultatmål", formatPercent(0.6)],
      ["2", "≥ 50 % mäts med progressionsmätning", "effektmål", formatPercent(0.5)],
      ["3", "Deltagare i utvecklingsarbetet, 15 + 15", "insatsmål", "30"],
    ]);
    const budget = all.find((rows) => rows[0]?.cells[0] === "Kostnadsslag");
    expect(budget?.[0]).toEqual({ header: true, cells: ["Kostnadsslag", "2027", "2028", "Summa"] });
    expect(budget?.at(-1)?.cells).toEqual([
      "Summa",
      ...[960000, 1035000, 1995000].map((n) => formatMoney(n)),
    ]);
    const coFinancing = all.find((rows) => rows[0]?.cells[0] === "Part");
    expect(coFinancing?.slice(1).map((r) => r.cells)).toEqual([
      ["Försäkringskassan", "Personaltid", formatMoney(200000), "—", formatMoney(200000)],
      [
        "Arbetsförmedlingen",
        "Deltagarnas ersättningar (ESF)",
        "—",
        formatMoney(350000),
        formatMoney(350000),
      ],
      ["Summa", "", formatMoney(200000), formatMoney(350000), formatMoney(550000)],
    ]);

    // the logo in the header, as the PNG it was
    const media = zip.file(/^word\/media\/.+\.png$/);
    expect(media).toHaveLength(1);
    expect(Buffer.from(await (media[0] as JSZip.JSZipObject).async("uint8array"))).toEqual(
      logo.data,
    );
    expect(header).toContain("<pic:pic");
    expect(header).toContain(ASSOCIATION.replace("&", "&amp;"));

    // page numbers and the application in the footer; the document's properties
    const footer = (
      await Promise.all(zip.file(/^word\/footer\d*\.xml$/).map((f) => f.async("string")))
    ).join("");
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
    expect(paragraphTexts(footer).join("")).toContain(
      `Tierp, Nya vägar · Dnr ${decided.registryNumber}`,
    );
    const core = await read("docProps/core.xml");
    expect(decode(core)).toContain(`<dc:creator>${ASSOCIATION}</dc:creator>`);
    expect(decode(core)).toContain("<dc:title>Ansökan om finansiering av insats: Tierp, Nya vägar");
  });

  it("shows every field of a draft, empty ones as —, and lines to sign on", async () => {
    const doc = await renderApplicationDocument(draft, undefined, "docx");
    expect(doc.fileName).toBe("Ansokan-utkast-Alvkarleby-Forsta-steget.docx");
    const { zip, read } = await openDocx(doc.body);
    const xml = await read("word/document.xml");
    const texts = paragraphTexts(xml);
    for (const field of APPLICATION_FIELDS) expect(texts).toContain(field.label);
    const facts = tables(xml).flatMap((rows) => rows.map((r) => r.cells));
    expect(facts).toContainEqual(["Fördelning per kommun/delområde", "—"]);
    expect(facts).toContainEqual(["Diskuterad i lokal eller strategisk utvecklingsgrupp", "—"]);
    // the empty narrative and table fields: their label, then —
    for (const label of ["Syfte", "Mål", "Metod(er)", "Sökta medel från förbundet"])
      expect(texts[texts.indexOf(label) + 1]).toBe("—");
    expect(texts).toContain("Namnförtydligande");
    expect(texts).not.toContain("13. Beslut");
    expect(texts.join("\n")).toContain("Utkast");
    expect(zip.file(/^word\/media\//)).toHaveLength(0);
  });
});

describe("PDF", () => {
  it("is an A4 document of several pages with every filled field, page numbers and metadata", async () => {
    const doc = await renderApplicationDocument(decided, logo, "pdf");
    keepForPreview("ansokan.pdf", doc.body);
    expect(doc.mediaType).toBe("application/pdf");
    expect(doc.fileName).toMatch(/^Ansokan-\d{4}-\d+-Tierp-Nya-vagar\.pdf$/);
    expect(doc.body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const { pages, info } = await pdfText(doc.body);
    expect(pages.length).toBeGreaterThan(2);
    const text = squash(pages.join("\n"));
    expect(filledValues(decided).filter((value) => !text.includes(squash(value)))).toEqual([]);
    for (const field of APPLICATION_FIELDS) expect(text).toContain(squash(field.label));
    pages.forEach((page, i) => {
      expect(squash(page)).toContain(squash(`Sida ${i + 1} av ${pages.length}`));
      expect(squash(page)).toContain(squash(`Tierp, Nya vägar · Dnr ${decided.registryNumber}`));
    });
    expect(info.Title).toBe("Ansökan om finansiering av insats: Tierp, Nya vägar");
    expect(info.Author).toBe(ASSOCIATION);
    // the logo is embedded as an image
    const raw = await applicationPdf(applicationDocument(decided), logo, { compress: false });
    expect(raw.toString("latin1")).toMatch(/\/Subtype \/Image/);
    expect(raw.toString("latin1")).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
  });

  it("keeps the budget table's figures in the order of its rows", async () => {
    const { pages } = await pdfText(await applicationPdf(applicationDocument(decided), logo));
    const text = squash(pages.join(""));
    const personal = squash(`Personal${formatMoney(900000)}${formatMoney(950000)}`);
    expect(text).toContain(personal);
    expect(text).toContain(squash(`Summa${formatMoney(960000)}${formatMoney(1035000)}`));
  });

  it("renders a draft without a logo, with — for empty fields", async () => {
    const { pages } = await pdfText(await applicationPdf(applicationDocument(draft), undefined));
    const text = pages.join("\n");
    expect(squash(text)).toContain(squash("Älvkarleby, Första steget · Utkast"));
    expect(squash(text)).toContain(squash("Syfte—"));
    expect(squash(text)).toContain("Namnförtydligande");
    expect(squash(text)).not.toContain(squash("13. Beslut"));
  });
});

describe("logos", () => {
  it("reads the size of PNG and JPEG logos", () => {
    expect(imageInfo(logo.data)).toEqual({ type: "png", width: 120, height: 40 });
    // a minimal JPEG header: SOI, APP0 (empty), SOF0 with 16 × 8 pixels
    const jpeg = Buffer.from([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x02, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x08, 0x00, 0x10,
      0x01, 0x01, 0x11, 0x00,
    ]);
    expect(imageInfo(jpeg)).toEqual({ type: "jpg", width: 16, height: 8 });
    expect(imageInfo(Buffer.from("GIF89a"))).toBeUndefined();
  });
});
