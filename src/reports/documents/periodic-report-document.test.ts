// The periodic report's documents, built from real reports in a real database: a quarterly
// report written, analysed by the steering group, submitted, registered and locked, and an
// untouched tertial report. The DOCX is unzipped and its XML read; the PDF's text is extracted
// with PDF.js, as a reader would see it.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../tests/support/database.ts";
import { createAssociation } from "../../associations/create-association.ts";
import { addMemberOrganisation } from "../../associations/member-organisations.ts";
import { renderPdf } from "../../documents/pdf.ts";
import {
  headingTexts,
  keepForPreview,
  openDocx,
  paragraphTexts,
  pdfText,
  pngLogo,
  squash,
  tableTexts,
  xmlMismatch,
} from "../../documents/testing.ts";
import { createInitiative } from "../../initiatives/save-initiative.ts";
import { ensurePeriodicReports, saveReportingSettings } from "../calendar.ts";
import { PERIODIC_TEXT_FIELDS, STATUS_QUESTIONS } from "../periodic-report-content.ts";
import {
  acceptPeriodicReport,
  getPeriodicReport,
  type PeriodicReportDetails,
  registerArrival,
  savePeriodicReport,
  saveSteeringAnalysis,
  submitPeriodicReport,
} from "../periodic-reports.ts";
import { periodicReports, steeringGroupMeetings } from "../schema.ts";
import {
  DERIVED_MARK,
  periodicReportDocument,
  periodicReportTitle,
  periodLabel,
} from "./periodic-report-document.ts";
import { renderPeriodicReportDocument } from "./render.ts";

let t: TestDatabase;
const actor = { userId: null, label: "test" };
const ASSOCIATION = "Samordningsförbundet Tierp & Älvkarleby";
const TERTIAL_ASSOCIATION = "Samordningsförbundet Norra Uppland";
const logo = { mediaType: "image/png", data: pngLogo(120, 40) };
let locked: PeriodicReportDetails;
let tertial: PeriodicReportDetails;

const paragraphs = (n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `Stycke ${i + 1}: deltagarna har mött handläggare från kommunen, Försäkringskassan och Arbetsförmedlingen tillsammans under perioden.`,
  ).join("\n\n");

async function setUp(slug: string, name: string) {
  const associationId = (await createAssociation(t.db, actor, { slug, name })).id;
  const org = (orgName: string, orgNumber: string, kind: string) =>
    addMemberOrganisation(t.db, actor, associationId, { name: orgName, orgNumber, kind });
  const owner = (await org("Tierps kommun", "212000-0274", "kommun")).id;
  const fk = (await org("Försäkringskassan", "202100-5521", "forsakringskassan")).id;
  const initiative = await createInitiative(t.db, actor, associationId, {
    name: "Tierp, Växtverket",
    ownerOrganisationId: owner,
    partnerIds: [fk],
    status: "pagaende",
    orientation: "individual",
    preRehabilitation: false,
    esf: false,
    startDate: "2026-01-01",
    endDate: "2027-12-31",
    targetGroup: "Unga vuxna",
    expectedParticipantsOngoing: false,
    goals: [
      { text: "Till arbete eller studier", kind: "resultatmal", targetPercent: "60" },
      { text: "Handlingsplan för alla", kind: "insatsmal", targetPercent: "100" },
    ],
    localUnits: [],
  });
  return { associationId, initiativeId: initiative.id };
}

async function reportOf(initiativeId: string, periodKey: string) {
  const [row] = await t.db
    .select()
    .from(periodicReports)
    .where(
      and(eq(periodicReports.initiativeId, initiativeId), eq(periodicReports.periodKey, periodKey)),
    );
  if (!row) throw new Error(`no report ${periodKey}`);
  return row;
}

beforeAll(async () => {
  t = await createTestDatabase();
  const quarter = await setUp("tierp", ASSOCIATION);
  await ensurePeriodicReports(t.db, quarter.associationId, "2026-05-10");
  await t.db
    .insert(steeringGroupMeetings)
    .values({ initiativeId: quarter.initiativeId, meetingDate: "2026-02-10", held: true });
  const r = await reportOf(quarter.initiativeId, "2026-K1");
  let version = await savePeriodicReport(t.db, actor, quarter.associationId, r.id, r.version, {
    texts: {
      activities: `Tolv deltagare har börjat praktik.\n\n- Gruppstart i januari\n- Studiebesök på https://www.finsam.se\n\n${paragraphs(10)}`,
      deviations: "Rekryteringen av en coach blev sen; vi förlängde avtalet med bemanningen.",
      userParticipation: "Fokusgrupp i mars; två förslag infördes.",
      goingWell: "Samverkan mellan handläggarna.",
      goingLessWell: "Väntetider hos vården.",
      successFactors: "Gemensamma möten varje vecka.",
      systemFaults: "Olika regler för sjukpenning och aktivitetsersättning.",
      measures: "Samordnare från regionen bjuds in.",
    },
    goals: [
      { goalId: null, goalText: "Till arbete eller studier", assessment: "i_fas", comment: "" },
      {
        goalId: null,
        goalText: "Handlingsplan för alla",
        assessment: "risk",
        comment: "Vakans hos coacherna.",
      },
    ],
    answers: {
      inPhase: { answer: "ja_kommentar", comment: "Mål 2 släpar efter." },
      steeringPrognosis: { answer: "ja", comment: "" },
      startedOnTime: { answer: "ja", comment: "" },
      vacanciesFunded: { answer: "ja", comment: "En coach från februari." },
      vacanciesOwn: { answer: "nej", comment: "" },
      methodChecked: { answer: "ja", comment: "" },
      targetGroupChecked: { answer: "ja", comment: "" },
      equityDiscussed: { answer: "ja", comment: "" },
      genderEqualityDiscussed: { answer: "nej", comment: "Tas upp i maj." },
      deviationGoalsOrTargetGroup: { answer: "nej", comment: "" },
    },
    reportedBy: "Leila Haddad, Karin Ek",
    reportedOn: "2026-04-20",
  });
  version = await saveSteeringAnalysis(t.db, actor, quarter.associationId, r.id, version, {
    goalFulfilment: "Målen nås i stort.",
    budget: "Budgeten följs; personalkostnaden blev lägre i februari.",
    deviations: "Vakansen är anmäld som avvikelse.",
    implementationPlan: "Arbetssättet förs över till arbetsmarknadsenheten 2027.",
    writtenBy: "Anna Ek, ordförande",
    writtenOn: "2026-04-22",
  });
  const now = new Date("2026-04-25T09:00:00Z");
  version = await submitPeriodicReport(t.db, actor, quarter.associationId, r.id, version, now);
  version = await registerArrival(
    t.db,
    actor,
    quarter.associationId,
    r.id,
    version,
    { arrivalDate: "2026-04-25", initials: "ml" },
    now,
  );
  await acceptPeriodicReport(t.db, actor, quarter.associationId, r.id, version, now);
  locked = (await getPeriodicReport(t.db, quarter.associationId, r.id)) as PeriodicReportDetails;

  const other = await setUp("norra", TERTIAL_ASSOCIATION);
  await saveReportingSettings(t.db, actor, other.associationId, 0, {
    cadence: "tertial",
    dueMonthsAfter: 1,
    remindDaysBefore: 7,
    followUpPeriods: ["halfyear", "year"],
  });
  await ensurePeriodicReports(t.db, other.associationId, "2026-05-10");
  const draft = await reportOf(other.initiativeId, "2026-T2");
  tertial = (await getPeriodicReport(t.db, other.associationId, draft.id)) as PeriodicReportDetails;
});
afterAll(() => t?.drop());

/** The values a reader must find in the locked report's document. */
function filledValues(r: PeriodicReportDetails): string[] {
  return [
    ASSOCIATION,
    "Kvartalsrapport",
    "Tierp, Växtverket",
    "Tierps kommun",
    "Kvartal 1 2026, 2026-01-01 – 2026-03-31",
    "2026-04-30",
    r.registryNumber ?? "diarienummer saknas",
    "2026-04-25",
    "ML",
    "Granskad och låst",
    "Tolv deltagare har börjat praktik.",
    "Gruppstart i januari",
    "https://www.finsam.se",
    "Stycke 10: deltagarna har mött handläggare",
    "Rekryteringen av en coach blev sen; vi förlängde avtalet med bemanningen.",
    "Fokusgrupp i mars; två förslag infördes.",
    "Till arbete eller studier",
    "I fas",
    "Handlingsplan för alla",
    "Risk",
    "Vakans hos coacherna.",
    "Samverkan mellan handläggarna.",
    "Väntetider hos vården.",
    "Gemensamma möten varje vecka.",
    "Olika regler för sjukpenning och aktivitetsersättning.",
    "Samordnare från regionen bjuds in.",
    "Målen nås i stort.",
    "Budgeten följs; personalkostnaden blev lägre i februari.",
    "Vakansen är anmäld som avvikelse.",
    "Arbetssättet förs över till arbetsmarknadsenheten 2027.",
    "Anna Ek, ordförande",
    "2026-04-22",
    ...STATUS_QUESTIONS.map((q) => q.label),
    "Ja, med kommentar (Ja*)",
    "Mål 2 släpar efter.",
    "En coach från februari.",
    "Tas upp i maj.",
    DERIVED_MARK,
    "Leila Haddad, Karin Ek",
    "2026-04-20",
  ];
}

describe("the periodic report as a document", () => {
  it("is a quarterly or a tertial report by its period", () => {
    expect(periodicReportTitle("2026-K1")).toBe("Kvartalsrapport");
    expect(periodicReportTitle("2026-T2")).toBe("Tertialrapport");
    expect(periodLabel("2026-T2")).toBe("Tertial 2 2026");
    expect(periodicReportDocument(tertial, TERTIAL_ASSOCIATION).title).toBe("Tertialrapport");
  });

  it("registers diarienummer, arrival, the officer's initials and the status in the header", () => {
    const model = periodicReportDocument(locked, ASSOCIATION);
    expect(model.registration).toEqual([
      { label: "Diarienummer", lines: [locked.registryNumber] },
      { label: "Inkom", lines: ["2026-04-25"] },
      { label: "Mottagen av", lines: ["ML"] },
      { label: "Status", lines: ["Granskad och låst"] },
    ]);
    expect(model.fileBaseName).toBe(
      `Kvartalsrapport-2026-K1-${locked.registryNumber?.replace("/", "-")}-Tierp-Vaxtverket`,
    );
    expect(model.footer).toBe(`Tierp, Växtverket · Kvartal 1 2026 · Dnr ${locked.registryNumber}`);
    const draft = periodicReportDocument(tertial, TERTIAL_ASSOCIATION);
    expect(draft.registration.map((f) => f.lines)).toEqual([[], [], [], ["Utkast"]]);
    expect(draft.footer).toBe("Tierp, Växtverket · Tertial 2 2026 · Ej diarieförd");
  });

  it("shows an open derived answer as Samspår would fill it in, with what it rests on", () => {
    const model = periodicReportDocument(tertial, TERTIAL_ASSOCIATION);
    const table = model.nodes.find((n) => n.type === "table");
    if (table?.type !== "table") throw new Error("no status table");
    const row = (label: string) => table.table.rows.find((r) => r.cells[0] === label);
    expect(row("Styrgruppsmöten enligt avtal?")).toEqual({
      cells: [
        "Styrgruppsmöten enligt avtal?",
        "Nej",
        `Underlag: ${tertial.derived.steeringMeetingsAsAgreed?.basis}`,
      ],
      notes: ["", DERIVED_MARK, ""],
    });
    expect(row("Startade insatsen i tid?")).toEqual({
      cells: ["Startade insatsen i tid?", "—", "—"],
      notes: ["", "", ""],
    });
  });
});

describe("DOCX", () => {
  it("is a valid Word package with every filled field, the numbered sections and the tables", async () => {
    const doc = await renderPeriodicReportDocument(locked, logo, "docx", ASSOCIATION);
    keepForPreview("kvartalsrapport.docx", doc.body);
    expect(doc.mediaType).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(doc.fileName).toMatch(/^Kvartalsrapport-2026-K1-\d{4}-\d+-Tierp-Vaxtverket\.docx$/);
    const { zip, read, document: xml, header, footer } = await openDocx(doc.body);
    expect(xmlMismatch(xml)).toBeNull();
    expect(xmlMismatch(await read("word/styles.xml"))).toBeNull();
    const text = [...paragraphTexts(header), ...paragraphTexts(xml)].join("\n");
    expect(filledValues(locked).filter((value) => !text.includes(value))).toEqual([]);

    expect(headingTexts(xml, 1)).toEqual([
      "1. Allmänna uppgifter",
      "2. Aktivitetsrapport",
      "3. Uppgiftslämnare",
    ]);
    expect(headingTexts(xml, 2)).toEqual([
      "2.1 Aktiviteter under perioden",
      "2.2 Avvikelser från planering och vidtagna åtgärder",
      "2.3 Brukarmedverkan",
      "2.4 Mål och delmål",
      "2.5 Sammanfattande bedömning",
      "2.6 Styrgruppens analys",
      "Statusfrågor",
    ]);
    expect(headingTexts(xml, 3)).toEqual(
      expect.arrayContaining([
        ...PERIODIC_TEXT_FIELDS.filter((f) => f.section === "2.5").map((f) => f.label),
        "Måluppfyllelse",
        "Implementeringsplan",
      ]),
    );

    const all = tableTexts(xml);
    const goals = all.find((rows) => rows[0]?.cells.includes("Bedömning"));
    expect(goals?.[0]).toEqual({ header: true, cells: ["Nr", "Mål", "Bedömning", "Kommentar"] });
    expect(goals?.slice(1).map((r) => r.cells)).toEqual([
      ["1", "Till arbete eller studier", "I fas", "—"],
      ["2", "Handlingsplan för alla", "Risk", "Vakans hos coacherna."],
    ]);
    const questions = all.find((rows) => rows[0]?.cells[0] === "Fråga");
    expect(questions?.[0]?.header).toBe(true);
    expect(questions?.slice(1).map((r) => r.cells[0])).toEqual(
      STATUS_QUESTIONS.map((q) => q.label),
    );
    const answer = (label: string) => questions?.find((r) => r.cells[0] === label)?.cells;
    expect(answer("Ligger insatsen i fas gällande uppsatta mål?")).toEqual([
      "Ligger insatsen i fas gällande uppsatta mål?",
      "Ja, med kommentar (Ja*)",
      "Mål 2 släpar efter.",
    ]);
    // filled in from the meeting at submission, and marked so
    expect(answer("Styrgruppsmöten enligt avtal?")).toEqual([
      "Styrgruppsmöten enligt avtal?",
      `Ja\n${DERIVED_MARK}`,
      "—",
    ]);
    const facts = all.flatMap((rows) => rows.map((r) => r.cells));
    expect(facts).toContainEqual(["Insatsägare", "Tierps kommun"]);
    expect(facts).toContainEqual(["Namn", "Leila Haddad, Karin Ek"]);

    // the logo in the header, page numbers and the report in the footer
    expect(zip.file(/^word\/media\/.+\.png$/)).toHaveLength(1);
    expect(header).toContain("<pic:pic");
    expect(footer).toMatch(/NUMPAGES/);
    expect(paragraphTexts(footer).join("")).toContain(
      `Tierp, Växtverket · Kvartal 1 2026 · Dnr ${locked.registryNumber}`,
    );
  });

  it("shows every field of an untouched report, empty ones as —", async () => {
    const doc = await renderPeriodicReportDocument(tertial, undefined, "docx", TERTIAL_ASSOCIATION);
    expect(doc.fileName).toBe("Tertialrapport-2026-T2-Tierp-Vaxtverket.docx");
    const { document: xml } = await openDocx(doc.body);
    const texts = paragraphTexts(xml);
    expect(texts).toContain("Tertialrapport");
    for (const f of PERIODIC_TEXT_FIELDS.filter((f) => f.section !== "2.5")) {
      const label = `${f.section} ${f.label}`;
      expect({ label, next: texts[texts.indexOf(label) + 1] }).toEqual({ label, next: "—" });
    }
    for (const label of ["Vad går bra?", "Måluppfyllelse", "Implementeringsplan"])
      expect({ label, next: texts[texts.indexOf(label) + 1] }).toEqual({ label, next: "—" });
    const facts = tableTexts(xml).flatMap((rows) => rows.map((r) => r.cells));
    expect(facts).toContainEqual(["Inskickad", "—"]);
    expect(facts).toContainEqual(["Namn", "—"]);
    expect(facts).toContainEqual(["Analysen skriven av", "—"]);
    // the initiative's goals, waiting for their assessment
    expect(facts).toContainEqual(["2", "Handlingsplan för alla", "—", "—"]);
  });
});

describe("PDF", () => {
  it("has every filled field, the report and its diarienummer on every page, and page numbers", async () => {
    const doc = await renderPeriodicReportDocument(locked, logo, "pdf", ASSOCIATION);
    keepForPreview("kvartalsrapport.pdf", doc.body);
    expect(doc.mediaType).toBe("application/pdf");
    expect(doc.fileName).toMatch(/^Kvartalsrapport-2026-K1-.+\.pdf$/);
    const { pages, info } = await pdfText(doc.body);
    expect(pages.length).toBeGreaterThan(1);
    const text = squash(pages.join("\n"));
    expect(filledValues(locked).filter((value) => !text.includes(squash(value)))).toEqual([]);
    pages.forEach((page, i) => {
      expect(squash(page)).toContain(squash(`Sida ${i + 1} av ${pages.length}`));
      expect(squash(page)).toContain(
        squash(`Tierp, Växtverket · Kvartal 1 2026 · Dnr ${locked.registryNumber}`),
      );
    });
    expect(info.Title).toBe("Kvartalsrapport: Tierp, Växtverket");
    expect(info.Author).toBe(ASSOCIATION);
    // the sections in the form's order
    const order = [
      "1.Allmännauppgifter",
      "2.1Aktiviteter",
      "2.4Målochdelmål",
      "2.5Sammanfattandebedömning",
      "2.6Styrgruppensanalys",
      "Statusfrågor",
      "3.Uppgiftslämnare",
    ].map((s) => text.indexOf(s));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > (order[i - 1] ?? 0)))).toBe(true);
  });

  it("renders an untouched report without a logo, with — for empty fields", async () => {
    const body = await renderPdf(periodicReportDocument(tertial, TERTIAL_ASSOCIATION), undefined);
    keepForPreview("tertialrapport-utkast.pdf", body);
    const { pages } = await pdfText(body);
    const text = squash(pages.join("\n"));
    expect(text).toContain(squash("Tertialrapport"));
    expect(text).toContain(squash("2.1 Aktiviteter under perioden—"));
    expect(text).toContain(squash("Tierp, Växtverket · Tertial 2 2026 · Ej diarieförd"));
    expect(text).toContain(squash(`Sida 1 av ${pages.length}`));
  });
});
