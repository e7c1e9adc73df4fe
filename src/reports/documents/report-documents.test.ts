// The deviation and final reports' documents, built from real reports in a real database:
// a deviation report submitted and decided by the board, an untouched draft, a final report of
// an initiative made through an approved application, written and submitted, and an untouched
// final report of a registered initiative. The DOCX is unzipped and its XML read; the PDF's
// text is extracted with PDF.js, as a reader would see it.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../tests/support/database.ts";
import { getApplication } from "../../applications/get-application.ts";
import { createApplication } from "../../applications/save-application.ts";
import { recordPaperSignature } from "../../applications/signatures.ts";
import {
  decideApplication,
  submitApplication,
  todayInSweden,
} from "../../applications/workflow.ts";
import { createAssociation } from "../../associations/create-association.ts";
import { addMemberOrganisation } from "../../associations/member-organisations.ts";
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
import { createMailer } from "../../mail/send-mail.ts";
import { formatMoney, formatPercent } from "../../platform/i18n/format.ts";
import {
  createDeviationReport,
  DEVIATION_TEXT_FIELDS,
  type DeviationReportDetails,
  decideDeviationReport,
  getDeviationReport,
  submitDeviationReport,
} from "../deviation-reports.ts";
import { FINAL_REPORT_LABELS } from "../final-report-content.ts";
import {
  recordFinalReportPaperSignature,
  requestFinalReportSignature,
  signFinalReportWithLink,
} from "../final-report-signatures.ts";
import {
  createFinalReport,
  type FinalReportDetails,
  finalReportInputOf,
  getFinalReport,
  saveFinalReport,
  submitFinalReport,
} from "../final-reports.ts";
import { deviationReportDocument } from "./deviation-report-document.ts";
import { finalReportDocument } from "./final-report-document.ts";
import { renderDeviationReportDocument, renderFinalReportDocument } from "./render.ts";

let t: TestDatabase;
const actor = { userId: null, label: "test" };
const ASSOCIATION = "Samordningsförbundet Tierp & Älvkarleby";
const logo = { mediaType: "image/png", data: pngLogo(120, 40) };
// The reports' dates are written for a day after January (an actual end on 31 January of this
// year): the clock stands on the demo's today, 23 November 2026, and moves on from there, so the
// file checks the same whatever day it runs (in January the submission would be "in the
// future"). Only Date is faked.
vi.useFakeTimers({
  toFake: ["Date"],
  now: new Date("2026-11-23T12:00:00+01:00"),
  shouldAdvanceTime: true,
});
const today = todayInSweden();
const year = Number(today.slice(0, 4));
let associationId = "";
let ids: Record<"tierp" | "fk" | "af", string>;
let decided: DeviationReportDetails;
let deviationDraft: DeviationReportDetails;
let final: FinalReportDetails;
let finalDraft: FinalReportDetails;

async function registeredInitiative(name: string) {
  return (
    await createInitiative(t.db, actor, associationId, {
      name,
      ownerOrganisationId: ids.tierp,
      partnerIds: [ids.fk],
      status: "pagaende",
      orientation: "structural",
      preRehabilitation: false,
      esf: false,
      startDate: `${year - 1}-03-01`,
      endDate: `${year + 1}-02-28`,
      targetGroup: "Handläggare i Tierp",
      expectedParticipantsOngoing: false,
      goals: [{ text: "Gemensam rutin för samverkan", kind: "insatsmal" }],
      localUnits: [],
    })
  ).id;
}

/** An initiative made the real way: application, signatures, submission and approval. */
async function approvedInitiative() {
  const id = await createApplication(t.db, actor, associationId, {
    name: "Tierp, Nya vägar",
    ownerOrganisationId: ids.tierp,
    partnerIds: [ids.fk, ids.af],
    orientation: "individual",
    preRehabilitation: false,
    esf: false,
    purpose: "Fler unga vuxna i Tierp ska nå arbete eller studier.",
    goals: [
      { text: "Till arbete eller studier", kind: "resultatmal", targetPercent: "60" },
      { text: "Kartläggning för alla", kind: "insatsmal", targetNumber: "40" },
    ],
    background: "Många unga vuxna står långt från arbetsmarknaden.",
    startDate: `${year}-01-01`,
    endDate: `${year}-12-31`,
    lastIntakeDate: `${year}-10-31`,
    targetGroup: "Unga vuxna 18–29 år",
    expectedParticipants: "40",
    expectedParticipantsOngoing: false,
    localUnits: [],
    genderTargetWomenPercent: "50",
    methods: "Supported employment och MI.",
    followUp: "Kvartalsvis uppföljning i styrgruppen.",
    implementation: "Arbetssättet förs in i kommunens arbetsmarknadsenhet.",
    budget: [{ year: String(year), category: "personal", amount: "900 000" }],
    coFinancing: [],
    anchored: true,
    anchoringDescription: "Diskuterad i LOKUS.",
  });
  for (const organisationId of [ids.tierp, ids.fk, ids.af])
    await recordPaperSignature(t.db, actor, associationId, id, {
      organisationId,
      name: "Behörig Person",
      email: "",
      signedOn: today,
    });
  const { version } = await submitApplication(t.db, actor, associationId, id, 1);
  await decideApplication(t.db, actor, associationId, id, version, {
    decision: "beviljad",
    amount: "900 000",
    startDate: `${year}-01-01`,
    endDate: `${year}-12-31`,
    meeting: "Styrelsemöte",
    paragraph: "7",
    decisionDate: today,
  });
  return (await getApplication(t.db, associationId, id))?.initiativeId ?? "";
}

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

  // a deviation report, submitted and approved by the board
  const running = await registeredInitiative("Tierp, Växtverket");
  const deviationId = await createDeviationReport(t.db, actor, associationId, running, {
    types: ["tidsplan", "bemanning"],
    description:
      "Rekryteringen av coacher tog fyra månader längre än planerat.\n\n- Två tjänster tillsattes i maj\n- En är fortfarande vakant",
    cause: "Få sökande till tjänsterna.",
    consequence: "Färre deltagare under det första året.",
    measures: "Vi annonserar igen och tar hjälp av Arbetsförmedlingen.",
    request: "forlangning",
    requestedEndDate: `${year + 1}-08-31`,
  });
  const { version } = await submitDeviationReport(t.db, actor, associationId, deviationId, 1);
  await decideDeviationReport(t.db, actor, associationId, deviationId, version, {
    decisionBody: "styrelse",
    decision: "godkand",
    decisionDate: today,
    meeting: `Styrelsemöte ${today}`,
    paragraph: "12",
    motivation: "Förlängningen ryms inom den beviljade budgeten.",
  });
  decided = (await getDeviationReport(t.db, associationId, deviationId)) as DeviationReportDetails;
  const draftId = await createDeviationReport(t.db, actor, associationId, running, {
    types: [],
    description: "",
    cause: "",
    consequence: "",
    measures: "",
    request: "ingen",
  });
  deviationDraft = (await getDeviationReport(
    t.db,
    associationId,
    draftId,
  )) as DeviationReportDetails;

  // a final report of an approved initiative, written and submitted
  const initiativeId = await approvedInitiative();
  const { id: finalId } = await createFinalReport(t.db, actor, associationId, initiativeId);
  const started = (await getFinalReport(t.db, associationId, finalId)) as FinalReportDetails;
  const c = started.content;
  const saved = await saveFinalReport(t.db, actor, associationId, finalId, started.version, {
    ...finalReportInputOf(c),
    goals: [
      {
        achieved: "delvis",
        outcome: "Elva av tjugo deltagare gick till arbete eller studier.",
        figures: "11 av 20, 55 %",
      },
      { achieved: "ja", outcome: "Alla kartlades inom en månad.", figures: "40 av 40" },
    ],
    equality: "Vi följde upp könsfördelningen varje kvartal.",
    changedNeed: "Behovet av stöd i studier växte under 2026.",
    actualStartDate: `${year}-01-15`,
    actualEndDate: `${year}-01-31`,
    timeChangeReason: "Starten sköts två veckor när lokalen blev klar senare.",
    targetGroupChange: "Fler deltagare kom från Älvkarleby än väntat.",
    participants: { feasibilityStudy: false, women: "14", men: 12, otherOrNotStated: "1" },
    methodChange: "Vi lade till gruppträffar.",
    methodAsIntended: "delvis",
    methodAsIntendedText: "Praktikplatserna räckte inte till alla.",
    followUp: "Progressionsmätning vid start och slut.",
    continuation: "Arbetsmarknadsenheten tar över arbetssättet.",
    returnedFunds: {
      returned: "ja",
      amount: "25 000 kr",
      reason: "En vakant tjänst.",
      consequences: "Inga för deltagarna.",
    },
    lessons: c.parties.map((p) => ({
      organisationId: p.organisationId,
      text: `${p.name} lärde sig att samordna tidigt.`,
    })),
  });
  // the parties sign: Försäkringskassan by link, the others on paper
  for (const p of c.parties) {
    const signer = {
      organisationId: p.organisationId,
      name: `Chef på ${p.name}`,
      title: "Chef",
      email: `chef@${p.organisationId.slice(0, 8)}.example`,
    };
    if (p.organisationId === ids.fk) {
      const { token } = await requestFinalReportSignature(
        t.db,
        actor,
        associationId,
        finalId,
        signer,
        {
          mailer: createMailer({ smtpUrl: undefined, from: "x@y.se", enqueue: async () => {} }),
          baseUrl: "https://samspar.example",
        },
      );
      await signFinalReportWithLink(t.db, {}, token, {
        confirmAuthorised: true,
        name: signer.name,
        version: saved.version,
      });
    } else
      await recordFinalReportPaperSignature(t.db, actor, associationId, finalId, {
        ...signer,
        signedOn: today,
      });
  }
  await submitFinalReport(t.db, actor, associationId, finalId, saved.version);
  final = (await getFinalReport(t.db, associationId, finalId)) as FinalReportDetails;

  const other = await registeredInitiative("Älvkarleby, Första steget");
  const { id: draftFinalId } = await createFinalReport(t.db, actor, associationId, other);
  finalDraft = (await getFinalReport(t.db, associationId, draftFinalId)) as FinalReportDetails;
});
afterAll(async () => {
  vi.useRealTimers();
  await t?.drop();
});

const deviationValues = (r: DeviationReportDetails) => [
  ASSOCIATION,
  "Avvikelserapport",
  "Tierp, Växtverket",
  "Tierps kommun",
  r.registryNumber ?? "diarienummer saknas",
  today,
  "Godkänd",
  "Tidsplan",
  "Bemanning",
  "Rekryteringen av coacher tog fyra månader längre än planerat.",
  "Två tjänster tillsattes i maj",
  "Få sökande till tjänsterna.",
  "Färre deltagare under det första året.",
  "Vi annonserar igen och tar hjälp av Arbetsförmedlingen.",
  "Förlängning av insatstiden inom budgeten",
  `${year + 1}-08-31`,
  "Styrelsen",
  `Styrelsemöte ${today}`,
  "§ 12",
  "Förlängningen ryms inom den beviljade budgeten.",
];

const finalValues = (r: FinalReportDetails) => [
  ASSOCIATION,
  "Slutrapport",
  "Tierp, Nya vägar",
  r.registryNumber ?? "diarienummer saknas",
  r.content.applicationRegistryNumber ?? "ansökans diarienummer saknas",
  "Tierps kommun",
  "Försäkringskassan",
  "Arbetsförmedlingen",
  "Individinriktad",
  "Fler unga vuxna i Tierp ska nå arbete eller studier.",
  "Till arbete eller studier",
  formatPercent(0.6),
  "Delvis",
  "11 av 20, 55 %",
  "Elva av tjugo deltagare gick till arbete eller studier.",
  "Kartläggning för alla",
  "40 av 40",
  "Alla kartlades inom en månad.",
  "Vi följde upp könsfördelningen varje kvartal.",
  "Många unga vuxna står långt från arbetsmarknaden.",
  "Behovet av stöd i studier växte under 2026.",
  `${year}-01-01`,
  `${year}-12-31`,
  `${year}-01-15`,
  `${year}-01-31`,
  "Starten sköts två veckor när lokalen blev klar senare.",
  "Unga vuxna 18–29 år",
  "Fler deltagare kom från Älvkarleby än väntat.",
  "Supported employment och MI.",
  "Vi lade till gruppträffar.",
  "Praktikplatserna räckte inte till alla.",
  "Kvartalsvis uppföljning i styrgruppen.",
  "Progressionsmätning vid start och slut.",
  "Arbetssättet förs in i kommunens arbetsmarknadsenhet.",
  "Arbetsmarknadsenheten tar över arbetssättet.",
  formatMoney(25000),
  "En vakant tjänst.",
  "Inga för deltagarna.",
  "Tierps kommun lärde sig att samordna tidigt.",
  "Försäkringskassan lärde sig att samordna tidigt.",
  "Arbetsförmedlingen lärde sig att samordna tidigt.",
  "Chef på Tierps kommun",
  "Chef på Försäkringskassan",
  "Chef på Arbetsförmedlingen",
];

describe("the deviation report as a document", () => {
  it("registers the diarienummer, arrival and decision, and names the file by them", () => {
    const model = deviationReportDocument(decided, ASSOCIATION);
    expect(model.title).toBe("Avvikelserapport");
    expect(model.registration).toEqual([
      { label: "Diarienummer", lines: [decided.registryNumber] },
      { label: "Inkom", lines: [today] },
      { label: "Status", lines: ["Godkänd"] },
    ]);
    expect(model.fileBaseName).toBe(
      `Avvikelserapport-${decided.registryNumber?.replace("/", "-")}-Tierp-Vaxtverket`,
    );
    expect(deviationReportDocument(deviationDraft, ASSOCIATION).footer).toBe(
      "Tierp, Växtverket · Avvikelserapport · Ej diarieförd",
    );
  });

  it("is a Word package with every filled field, the sections and the decision", async () => {
    const doc = await renderDeviationReportDocument(decided, logo, "docx", ASSOCIATION);
    keepForPreview("avvikelserapport.docx", doc.body);
    expect(doc.fileName).toMatch(/^Avvikelserapport-\d{4}-\d+-Tierp-Vaxtverket\.docx$/);
    const { document: xml, header, footer } = await openDocx(doc.body);
    expect(xmlMismatch(xml)).toBeNull();
    const text = [...paragraphTexts(header), ...paragraphTexts(xml)].join("\n");
    expect(deviationValues(decided).filter((v) => !text.includes(v))).toEqual([]);
    expect(headingTexts(xml, 1)).toEqual([
      "1. Allmänna uppgifter",
      "2. Avvikelsen",
      "3. Begäran",
      "4. Beslut",
    ]);
    expect(headingTexts(xml, 2)).toEqual([
      "Beskrivning av avvikelsen",
      "Orsak",
      "Konsekvens",
      "Åtgärder",
      "Motivering",
    ]);
    const facts = tableTexts(xml).flatMap((rows) => rows.map((r) => r.cells));
    expect(facts).toContainEqual(["Typ av avvikelse", "Tidsplan\nBemanning"]);
    expect(facts).toContainEqual(["Beslutat av", "Styrelsen"]);
    expect(facts).toContainEqual(["Belopp att flytta", "—"]);
    expect(paragraphTexts(footer).join("")).toContain(
      `Tierp, Växtverket · Avvikelserapport · Dnr ${decided.registryNumber}`,
    );
  });

  it("shows every field of a draft, empty ones as —", async () => {
    const { document: xml } = await openDocx(
      (await renderDeviationReportDocument(deviationDraft, undefined, "docx", ASSOCIATION)).body,
    );
    const texts = paragraphTexts(xml);
    for (const label of [
      "Beskrivning av avvikelsen",
      "Orsak",
      "Konsekvens",
      "Åtgärder",
      "Motivering",
    ])
      expect({ label, next: texts[texts.indexOf(label) + 1] }).toEqual({ label, next: "—" });
    const facts = tableTexts(xml).flatMap((rows) => rows.map((r) => r.cells));
    for (const label of [
      "Typ av avvikelse",
      "Beslut",
      "Beslutsdatum",
      "Möte",
      "Paragraf",
      "Inskickad",
    ])
      expect(facts).toContainEqual([label, "—"]);
    expect(facts).toContainEqual(["Begäran", "Ingen begäran"]);
    expect(DEVIATION_TEXT_FIELDS).toHaveLength(4);
  });

  it("is a PDF with every filled field, the report and its diarienummer on every page", async () => {
    const doc = await renderDeviationReportDocument(decided, logo, "pdf", ASSOCIATION);
    keepForPreview("avvikelserapport.pdf", doc.body);
    const { pages, info } = await pdfText(doc.body);
    const text = squash(pages.join("\n"));
    expect(deviationValues(decided).filter((v) => !text.includes(squash(v)))).toEqual([]);
    pages.forEach((page, i) => {
      expect(squash(page)).toContain(squash(`Sida ${i + 1} av ${pages.length}`));
      expect(squash(page)).toContain(squash(`Dnr ${decided.registryNumber}`));
    });
    expect(info.Title).toBe("Avvikelserapport: Tierp, Växtverket");
  });
});

describe("the final report as a document", () => {
  it("lays out the goals' outcomes and the participants by gender as tables", () => {
    const model = finalReportDocument(final, ASSOCIATION);
    const tables = model.nodes.flatMap((n) => (n.type === "table" ? [n.table] : []));
    expect(tables[0]?.columns.map((c) => c.title)).toEqual([
      "Nr",
      "Mål",
      "Målvärde",
      "Uppnått",
      "Utfall i siffror",
    ]);
    expect(tables[0]?.rows.map((r) => r.cells)).toEqual([
      ["1", "Till arbete eller studier", formatPercent(0.6), "Delvis", "11 av 20, 55 %"],
      ["2", "Kartläggning för alla", "40", "Ja", "40 av 40"],
    ]);
    expect(tables[1]?.rows).toEqual([
      { cells: ["Kvinnor", "14"] },
      { cells: ["Män", "12"] },
      { cells: ["Annat eller ej angivet", "1"] },
      { cells: ["Totalt", "27"], total: true },
    ]);
    expect(model.registration.map((f) => f.label)).toEqual(["Diarienummer", "Inkom", "Status"]);
    expect(model.fileBaseName).toBe(
      `Slutrapport-${final.registryNumber?.replace("/", "-")}-Tierp-Nya-vagar`,
    );
  });

  it("is a Word package with every field of §4 and a signature per party", async () => {
    const doc = await renderFinalReportDocument(final, logo, "docx", ASSOCIATION);
    keepForPreview("slutrapport.docx", doc.body);
    const { document: xml, header } = await openDocx(doc.body);
    expect(xmlMismatch(xml)).toBeNull();
    const text = [...paragraphTexts(header), ...paragraphTexts(xml)].join("\n");
    expect(finalValues(final).filter((v) => !text.includes(v))).toEqual([]);
    const sections = headingTexts(xml, 1);
    expect(sections).toEqual([
      "1. Insatsen",
      "2. Mål",
      "3. Jämställdhet och jämlikhet",
      "4. Förändrat behov",
      "5. Insatstid",
      "6. Målgrupp",
      "7. Antal deltagare",
      "8. Metod",
      "9. Uppföljning",
      "10. Tillvaratagande",
      "11. Återförda medel",
      "12. Lärdomar per part",
      "13. Underskrifter",
    ]);
    expect(headingTexts(xml, 2)).toEqual(
      expect.arrayContaining([
        "Tierps kommun (insatsägare)",
        "Försäkringskassan",
        "Arbetsförmedlingen",
      ]),
    );
    const all = tableTexts(xml);
    const goals = all.find((rows) => rows[0]?.cells.includes("Uppnått"));
    expect(goals?.[0]?.header).toBe(true);
    // the goal's kind as small print under it
    expect(goals?.[1]?.cells[1]).toBe("Till arbete eller studier\nresultatmål");
    const facts = all.flatMap((rows) => rows.map((r) => r.cells));
    expect(facts).toContainEqual([FINAL_REPORT_LABELS.methodAsIntended, "Delvis"]);
    expect(facts).toContainEqual([FINAL_REPORT_LABELS.returned, "Ja"]);
    // one signature block per party: who signed, when, their title, how and their address
    const signatures = all.filter(
      (rows) => rows[0]?.cells[1] === "Insatsägare" || rows[0]?.cells[1] === "Samverkanspart",
    );
    expect(signatures.map((rows) => rows[0]?.cells[0])).toEqual(
      final.content.parties.map((p) => p.name),
    );
    expect(signatures.map((rows) => rows.slice(1).flatMap((r) => r.cells))).toEqual(
      final.content.parties.map((p) => [
        `Namn\nChef på ${p.name}`,
        `Datum\n${today}`,
        "Titel\nChef",
        `Underskrift\n${p.organisationId === ids.fk ? "e-underskrift via länk" : "underskriven på papper"}`,
        `E-post\nchef@${p.organisationId.slice(0, 8)}.example`,
        // two by two: the last row's second cell is empty
        "",
      ]),
    );
  });

  it("shows every field of an untouched report, empty ones as —, and lines to sign on", async () => {
    const { document: xml } = await openDocx(
      (await renderFinalReportDocument(finalDraft, undefined, "docx", ASSOCIATION)).body,
    );
    const texts = paragraphTexts(xml);
    for (const label of [
      FINAL_REPORT_LABELS.changedNeed,
      FINAL_REPORT_LABELS.timeChangeReason,
      FINAL_REPORT_LABELS.methodChange,
      FINAL_REPORT_LABELS.reason,
      "Tierps kommun (insatsägare)",
    ])
      expect({ label, next: texts[texts.indexOf(label) + 1] }).toEqual({ label, next: "—" });
    const facts = tableTexts(xml).flatMap((rows) => rows.map((r) => r.cells));
    expect(facts).toContainEqual([FINAL_REPORT_LABELS.actualEndDate, "—"]);
    expect(facts).toContainEqual([FINAL_REPORT_LABELS.amount, "—"]);
    expect(facts).toContainEqual(["Kvinnor", "—"]);
    expect(facts).toContainEqual(["1", "Gemensam rutin för samverkan\ninsatsmål", "—", "—", "—"]);
    expect(texts).toContain("Namnförtydligande");
  });

  it("is a PDF with every filled field, the report and its diarienummer on every page", async () => {
    const doc = await renderFinalReportDocument(final, logo, "pdf", ASSOCIATION);
    keepForPreview("slutrapport.pdf", doc.body);
    const { pages, info } = await pdfText(doc.body);
    expect(pages.length).toBeGreaterThan(1);
    const text = squash(pages.join("\n"));
    expect(finalValues(final).filter((v) => !text.includes(squash(v)))).toEqual([]);
    pages.forEach((page, i) => {
      expect(squash(page)).toContain(squash(`Sida ${i + 1} av ${pages.length}`));
      expect(squash(page)).toContain(
        squash(`Tierp, Nya vägar · Slutrapport · Dnr ${final.registryNumber}`),
      );
    });
    expect(info.Title).toBe("Slutrapport: Tierp, Nya vägar");
  });
});
