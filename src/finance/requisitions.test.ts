// Requisitions against a real database: a period outside the initiative, one not begun and a
// second requisition for a period are refused at the period; amounts are whole kronor (a negative
// or a word is refused at its field, nothing half-saved); the workflow draft → submitted →
// returned (reason required) → submitted → approved → paid, each step with its event (append-
// only, with the lines and totals), its audit event, its version check and its mails; the
// approved association-fund lines are the period's outcome in outcome.ts.
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { createAssociation } from "../associations/create-association.ts";
import { addMemberOrganisation } from "../associations/member-organisations.ts";
import { auditEvents } from "../audit/schema.ts";
import { createInitiative } from "../initiatives/save-initiative.ts";
import { mailMessages } from "../mail/schema.ts";
import { createMailer } from "../mail/send-mail.ts";
import { addUser } from "../people/add-user.ts";
import { assignRole } from "../people/assign-role.ts";
import { ConflictError, NotFoundError, ValidationError } from "../platform/errors.ts";
import { formatMoney } from "../platform/i18n/format.ts";
import type { MoneyLineInput } from "./lines.ts";
import { initiativeMoney } from "./outcome.ts";
import {
  addRequisitionAttachment,
  approveRequisition,
  createRequisition,
  getRequisition,
  getRequisitionAttachment,
  listRequisitions,
  markRequisitionPaid,
  RequisitionExistsError,
  removeRequisitionAttachment,
  requisitionPeriods,
  returnRequisition,
  saveRequisition,
  submitRequisition,
} from "./requisitions.ts";
import { initiativeBudgetLines, initiativeBudgets, requisitionEvents } from "./schema.ts";

let t: TestDatabase;
const system = { userId: null, label: "test" };
let lead = { userId: "", label: "lead@test.se" };
let office = { userId: "", label: "kansli@test.se" };
let associationId = "";
let otherAssociationId = "";
let tierp = "";
let fk = "";
let initiativeId = "";
const NOW = new Date("2026-11-23T12:00:00+01:00");
/** The moments of the workflow's steps: a minute apart from NOW, in order. */
let tick = NOW.getTime();
const at = () => {
  tick += 60_000;
  return new Date(tick);
};
const deps = () => ({
  mailer: createMailer({ smtpUrl: undefined, from: "noreply@test.se", enqueue: async () => {} }),
  baseUrl: "https://samspar.example",
});
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  "latin1",
);

async function newInitiative(name: string, start = "2025-01-01", end = "2026-12-31") {
  return (
    await createInitiative(t.db, system, associationId, {
      name,
      ownerOrganisationId: tierp,
      partnerIds: [fk],
      status: "pagaende",
      orientation: "individual",
      preRehabilitation: false,
      esf: false,
      startDate: start,
      endDate: end,
      lastIntakeDate: end,
      targetGroup: "Unga vuxna 18–29 år",
      expectedParticipantsOngoing: false,
      goals: [{ text: "Till arbete eller studier", kind: "resultatmal", targetPercent: "60" }],
      localUnits: [],
    })
  ).id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  associationId = (await createAssociation(t.db, system, { slug: "f", name: "Förbundet F" })).id;
  otherAssociationId = (await createAssociation(t.db, system, { slug: "g", name: "G" })).id;
  tierp = (
    await addMemberOrganisation(t.db, system, associationId, {
      name: "Tierps kommun",
      orgNumber: "212000-0274",
      kind: "kommun",
    })
  ).id;
  fk = (
    await addMemberOrganisation(t.db, system, associationId, {
      name: "Försäkringskassan",
      orgNumber: "202100-5521",
      kind: "forsakringskassan",
    })
  ).id;
  initiativeId = await newInitiative("Tierp, Växtverket");
  const leadUser = await addUser(t.db, system, {
    email: "lead@test.se",
    name: "Leila Haddad",
    kind: "staff",
    associationId,
  });
  await assignRole(t.db, system, {
    userId: leadUser.id,
    associationId,
    role: "initiative_lead",
    initiativeId,
  });
  lead = { userId: leadUser.id, label: "lead@test.se" };
  const officeUser = await addUser(t.db, system, {
    email: "kansli@test.se",
    name: "Maria Lindqvist",
    kind: "staff",
    associationId,
  });
  await assignRole(t.db, system, {
    userId: officeUser.id,
    associationId,
    role: "association_admin",
    initiativeId: null,
  });
  office = { userId: officeUser.id, label: "kansli@test.se" };
  // the current budget: 100 000 kr personal and 20 000 kr premises each quarter of 2026
  const [budget] = await t.db
    .insert(initiativeBudgets)
    .values({
      associationId,
      initiativeId,
      budgetVersion: 1,
      kind: "beslut",
      createdByName: "test",
    })
    .returning();
  if (!budget) throw new Error("no budget");
  await t.db.insert(initiativeBudgetLines).values(
    ["2026-K1", "2026-K2", "2026-K3", "2026-K4"].flatMap((periodKey) => [
      {
        budgetId: budget.id,
        periodKey,
        year: 2026,
        category: "personal" as const,
        source: "forbund" as const,
        amount: 100_000,
      },
      {
        budgetId: budget.id,
        periodKey,
        year: 2026,
        category: "lokaler" as const,
        source: "forbund" as const,
        amount: 20_000,
      },
      {
        budgetId: budget.id,
        periodKey,
        year: 2026,
        category: "personal" as const,
        source: "medfinansiering" as const,
        organisationId: tierp,
        coKind: "personaltid" as const,
        amount: 30_000,
      },
    ]),
  );
});
afterAll(() => t.drop());

async function problemsOf(run: () => Promise<unknown>): Promise<Record<string, string>> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fields;
}

/** The web form's names: one association-fund field per category, co-financing rows by number. */
const formField = (inputs: MoneyLineInput[]) => (i: number, part: string) => {
  const row = inputs[i];
  return row?.source === "forbund"
    ? `lines.${row.category}.forbund.${part}`
    : `lines.co.${i}.${part}`;
};

const events = (requisitionId: string) =>
  t.db
    .select()
    .from(requisitionEvents)
    .where(eq(requisitionEvents.requisitionId, requisitionId))
    .orderBy(asc(requisitionEvents.createdAt));

const audit = (action: string, targetId: string) =>
  t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.targetId, targetId)))
    .orderBy(auditEvents.seq);

describe("starting a requisition", () => {
  it("refuses a period outside the initiative, naming its dates and periods", async () => {
    const fields = await problemsOf(() =>
      createRequisition(t.db, lead, associationId, initiativeId, "2024-K4", NOW),
    );
    expect(fields.periodKey).toBe(
      "Perioden 2024-K4 ligger utanför Tierp, Växtverket, som pågår 2025-01-01–2026-12-31. Välj en av insatsens perioder, från 2025-K1 till 2026-K4.",
    );
    const garbled = await problemsOf(() =>
      createRequisition(t.db, lead, associationId, initiativeId, "hösten", NOW),
    );
    expect(garbled.periodKey).toContain("Ange perioden som till exempel 2025-K1");
  });

  it("refuses a period that has not begun", async () => {
    const late = await newInitiative("Långa insatsen", "2026-01-01", "2027-12-31");
    const fields = await problemsOf(() =>
      createRequisition(t.db, system, associationId, late, "2027-K1", NOW),
    );
    expect(fields.periodKey).toBe(
      "Kvartal 1 2027 har inte börjat än (den börjar 2027-01-01). Kostnaderna för en period rekvireras när perioden har börjat.",
    );
  });

  it("allows one requisition per period and links to the one that exists", async () => {
    const id = await createRequisition(t.db, lead, associationId, initiativeId, "2026-k1", NOW);
    const error = await createRequisition(
      t.db,
      lead,
      associationId,
      initiativeId,
      "2026-K1",
      NOW,
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RequisitionExistsError);
    expect((error as RequisitionExistsError).existingId).toBe(id);
    expect((error as RequisitionExistsError).fields.periodKey).toBe(
      "Det finns redan en rekvisition för Tierp, Växtverket, kvartal 1 2026 (utkast). En period har en rekvisition: öppna den och fortsätt där.",
    );
    const { periods } = await requisitionPeriods(t.db, associationId, initiativeId, NOW);
    expect(periods.map((p) => p.key)).toEqual([
      "2025-K1",
      "2025-K2",
      "2025-K3",
      "2025-K4",
      "2026-K1",
      "2026-K2",
      "2026-K3",
      "2026-K4",
    ]);
    expect(periods.find((p) => p.key === "2026-K1")?.requisition?.id).toBe(id);
    expect(periods.every((p) => p.begun)).toBe(true);
    const [created] = await events(id);
    expect(created?.event).toBe("skapad");
    expect(created?.snapshot).toMatchObject({ status: "utkast", lines: [], totals: { total: 0 } });
    expect(await audit("requisition.created", id)).toHaveLength(1);
  });

  it("does not find another association's initiative", async () => {
    await expect(
      createRequisition(t.db, lead, otherAssociationId, initiativeId, "2026-K2", NOW),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("the workflow of one period", () => {
  let id = "";
  const lines = (): MoneyLineInput[] => [
    { category: "personal", source: "forbund", amount: "95 000" },
    { category: "lokaler", source: "forbund", amount: "20000" },
    { category: "resor", source: "forbund", amount: "" },
    {
      category: "personal",
      source: "medfinansiering",
      organisationId: tierp,
      coKind: "personaltid",
      amount: "28 500",
    },
  ];

  beforeAll(async () => {
    id = await createRequisition(t.db, lead, associationId, initiativeId, "2026-K3", at());
  });

  it("refuses a negative amount and a word at their fields, and saves nothing", async () => {
    const bad: MoneyLineInput[] = [
      { category: "personal", source: "forbund", amount: "-5 000" },
      { category: "lokaler", source: "forbund", amount: "tolv" },
      { category: "resor", source: "forbund", amount: "3 000" },
    ];
    const fields = await problemsOf(() =>
      saveRequisition(
        t.db,
        lead,
        associationId,
        id,
        1,
        { lines: bad, note: "" },
        { field: formField(bad) },
      ),
    );
    expect(Object.keys(fields).sort()).toEqual([
      "lines.lokaler.forbund.amount",
      "lines.personal.forbund.amount",
    ]);
    expect(fields["lines.personal.forbund.amount"]).toContain("Minusbelopp går inte");
    const stored = await getRequisition(t.db, associationId, id);
    expect(stored?.lines).toEqual([]);
    expect(stored?.version).toBe(1);
  });

  it("refuses co-financing by an organisation that is no party of the initiative", async () => {
    const stranger = (
      await addMemberOrganisation(t.db, system, associationId, {
        name: "Heby kommun",
        orgNumber: "212000-0332",
        kind: "kommun",
      })
    ).id;
    const fields = await problemsOf(() =>
      saveRequisition(t.db, lead, associationId, id, 1, {
        lines: [
          {
            category: "personal",
            source: "medfinansiering",
            organisationId: stranger,
            coKind: "pengar",
            amount: 1,
          },
        ],
      }),
    );
    expect(Object.keys(fields)).toEqual(["lines.0.organisationId"]);
  });

  it("refuses to submit without lines", async () => {
    const fields = await problemsOf(() =>
      submitRequisition(t.db, deps(), lead, associationId, id, 1, NOW),
    );
    expect(fields.lines).toContain("har inga belopp");
  });

  it("saves the lines and the note, and refuses a save at an old version", async () => {
    const version = await saveRequisition(
      t.db,
      lead,
      associationId,
      id,
      1,
      { lines: lines(), note: "En vakans i augusti." },
      { now: at() },
    );
    expect(version).toBe(2);
    const r = await getRequisition(t.db, associationId, id);
    expect(r?.lines.map((l) => [l.category, l.source, l.partyName, l.coKind, l.amount])).toEqual([
      ["personal", "forbund", null, null, 95_000],
      ["lokaler", "forbund", null, null, 20_000],
      ["personal", "medfinansiering", "Tierps kommun", "personaltid", 28_500],
    ]);
    expect(r?.totals).toMatchObject({ total: 143_500, association: 115_000, coFinancing: 28_500 });
    expect(r?.budget.totals).toMatchObject({ association: 120_000, coFinancing: 30_000 });
    expect(r?.note).toBe("En vakans i augusti.");
    await expect(
      saveRequisition(t.db, lead, associationId, id, 1, { lines: [] }),
    ).rejects.toBeInstanceOf(ConflictError);
    const [saved] = (await events(id)).filter((e) => e.event === "sparad");
    expect(saved?.snapshot).toMatchObject({
      version: 2,
      totals: { total: 143_500, association: 115_000, coFinancing: 28_500 },
    });
  });

  it("refuses a file that is no document at the file field", async () => {
    const fields = await problemsOf(() =>
      addRequisitionAttachment(t.db, lead, associationId, id, {
        fileName: "huvudbok.exe",
        data: Buffer.concat([Buffer.from("MZ", "latin1"), Buffer.alloc(200, 1)]),
      }),
    );
    expect(fields.file).toContain("huvudbok.exe är inte ett dokument");
  });

  it("submits without an attachment and mails the office", async () => {
    await submitRequisition(t.db, deps(), lead, associationId, id, 2, at());
    const r = await getRequisition(t.db, associationId, id);
    expect(r?.status).toBe("inskickad");
    expect(r?.attachments).toEqual([]);
    const mails = await t.db
      .select()
      .from(mailMessages)
      .where(
        eq(mailMessages.subject, "Rekvisition att granska: Tierp, Växtverket, kvartal 3 2026"),
      );
    expect(mails.map((m) => m.toAddress)).toEqual(["kansli@test.se"]);
    expect(mails[0]?.textBody).toContain("Underlag: ingen bilaga är uppladdad.");
    expect(mails[0]?.textBody).toContain(`https://samspar.example/f/rekvisitioner/${id}`);
    // nothing can be changed while the office reviews it
    const fields = await problemsOf(() =>
      saveRequisition(t.db, lead, associationId, id, 3, { lines: lines() }),
    );
    expect(fields.status).toContain("Den är inskickad och granskas av kansliet.");
    await expect(
      approveRequisition(t.db, deps(), office, associationId, id, 2, NOW),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it("is returned for the missing attachment with a reason, and the leads are mailed", async () => {
    const fields = await problemsOf(() =>
      returnRequisition(t.db, deps(), office, associationId, id, 3, "  "),
    );
    expect(fields.reason).toContain("Skriv varför");
    await returnRequisition(
      t.db,
      deps(),
      office,
      associationId,
      id,
      3,
      "Underlaget saknas. Ladda upp ett utdrag ur huvudboken.",
      at(),
    );
    const r = await getRequisition(t.db, associationId, id);
    expect(r?.status).toBe("aterskickad");
    expect(r?.returnReason).toBe("Underlaget saknas. Ladda upp ett utdrag ur huvudboken.");
    const [mail] = await t.db
      .select()
      .from(mailMessages)
      .where(
        eq(
          mailMessages.subject,
          "Rekvisitionen för Tierp, Växtverket, kvartal 3 2026 behöver kompletteras",
        ),
      );
    expect(mail?.toAddress).toBe("lead@test.se");
    expect(mail?.textBody).toContain("Underlaget saknas.");
    // returned, it can be neither returned again nor approved
    expect(
      (await problemsOf(() => approveRequisition(t.db, deps(), office, associationId, id, 4, NOW)))
        .status,
    ).toContain("kan inte godkännas nu");
  });

  it("takes an attachment, is submitted again and approved; the outcome follows", async () => {
    const before = await initiativeMoney(t.db, associationId, initiativeId, "2026-11-23");
    expect(before.periods.find((p) => p.periodKey === "2026-K3")).toMatchObject({
      budget: 120_000,
      outcome: 0,
      ratioPercent: 0,
    });
    const attachmentId = await addRequisitionAttachment(
      t.db,
      lead,
      associationId,
      id,
      { fileName: "Huvudbok K3", data: PDF },
      at(),
    );
    const stored = await getRequisitionAttachment(t.db, associationId, id, attachmentId);
    expect(stored?.fileName).toBe("Huvudbok K3.pdf");
    expect(stored?.mediaType).toBe("application/pdf");
    expect(
      await getRequisitionAttachment(t.db, otherAssociationId, id, attachmentId),
    ).toBeUndefined();
    // the upload moved the version: an action at the version read before it is refused
    await expect(
      submitRequisition(t.db, deps(), lead, associationId, id, 4, NOW),
    ).rejects.toBeInstanceOf(ConflictError);
    await submitRequisition(t.db, deps(), lead, associationId, id, 5, at());
    const resubmitted = await getRequisition(t.db, associationId, id);
    expect(resubmitted?.returnReason).toBeNull();
    expect(
      (
        await problemsOf(() =>
          removeRequisitionAttachment(t.db, lead, associationId, id, attachmentId),
        )
      ).status,
    ).toContain("kan inte få bilagor borttagna nu");

    await approveRequisition(t.db, deps(), office, associationId, id, 6, at());
    const r = await getRequisition(t.db, associationId, id);
    expect(r?.status).toBe("godkand");
    expect(r?.approvedByName).toBe("Maria Lindqvist");
    expect(r?.approvedAt).not.toBeNull();
    const after = await initiativeMoney(t.db, associationId, initiativeId, "2026-11-23");
    expect(after.periods.find((p) => p.periodKey === "2026-K3")).toMatchObject({
      budget: 120_000,
      outcome: 115_000,
      coFinancingOutcome: 28_500,
      ratioPercent: 96,
    });
    const [mail] = await t.db
      .select()
      .from(mailMessages)
      .where(
        eq(mailMessages.subject, "Rekvisitionen för Tierp, Växtverket, kvartal 3 2026 är godkänd"),
      );
    expect(mail?.toAddress).toBe("lead@test.se");
    expect(mail?.textBody).toContain(`Godkända förbundsmedel: ${formatMoney(115_000)}.`);
  });

  it("is marked paid on a day that has come, after the approval, once", async () => {
    expect(
      (
        await problemsOf(() =>
          markRequisitionPaid(t.db, office, associationId, id, 7, "2026-11-30", NOW),
        )
      ).paidOn,
    ).toContain("har inte kommit än");
    expect(
      (
        await problemsOf(() =>
          markRequisitionPaid(t.db, office, associationId, id, 7, "30/11", NOW),
        )
      ).paidOn,
    ).toContain("ÅÅÅÅ-MM-DD");
    await markRequisitionPaid(t.db, office, associationId, id, 7, "2026-11-23", at());
    const r = await getRequisition(t.db, associationId, id);
    expect(r).toMatchObject({ paymentStatus: "betald", paidOn: "2026-11-23", version: 8 });
    expect(
      (
        await problemsOf(() =>
          markRequisitionPaid(t.db, office, associationId, id, 8, "2026-11-23", NOW),
        )
      ).status,
    ).toContain("redan markerad som betald");
  });

  it("keeps every step as an append-only event with its lines and total, and audits each", async () => {
    const all = await events(id);
    expect(all.map((e) => e.event)).toEqual([
      "skapad",
      "sparad",
      "inskickad",
      "aterskickad",
      "bilaga_tillagd",
      "inskickad",
      "godkand",
      "betald",
    ]);
    // each at the moment of its step, as given
    expect(all.map((e) => e.createdAt.getTime())).toEqual(
      all.map((_, i) => NOW.getTime() + (i + 1) * 60_000),
    );
    expect(all.map((e) => e.actorName)).toEqual([
      "Leila Haddad",
      "Leila Haddad",
      "Leila Haddad",
      "Maria Lindqvist",
      "Leila Haddad",
      "Leila Haddad",
      "Maria Lindqvist",
      "Maria Lindqvist",
    ]);
    expect(all[6]?.snapshot).toMatchObject({
      status: "godkand",
      attachments: 1,
      totals: { association: 115_000 },
    });
    await expect(
      t.db
        .update(requisitionEvents)
        .set({ note: "ändrad" })
        .where(eq(requisitionEvents.requisitionId, id)),
    ).rejects.toThrow();
    for (const action of [
      "requisition.saved",
      "requisition.submitted",
      "requisition.returned",
      "requisition.approved",
      "requisition.paid",
    ])
      expect((await audit(action, id)).length, action).toBeGreaterThan(0);
  });
});

describe("the list", () => {
  it("shows the requisitions a person may see, by status and year", async () => {
    const all = await listRequisitions(t.db, associationId, { visible: "all" });
    expect(all.map((r) => r.periodKey)).toEqual(["2026-K3", "2026-K1"]);
    expect(all[0]).toMatchObject({
      initiativeName: "Tierp, Växtverket",
      status: "godkand",
      paymentStatus: "betald",
      association: 115_000,
      coFinancing: 28_500,
      total: 143_500,
      attachments: 1,
    });
    expect(
      (await listRequisitions(t.db, associationId, { visible: "all", status: "utkast" })).map(
        (r) => r.periodKey,
      ),
    ).toEqual(["2026-K1"]);
    expect(await listRequisitions(t.db, associationId, { visible: "all", year: 2025 })).toEqual([]);
    expect(await listRequisitions(t.db, associationId, { visible: [] })).toEqual([]);
    const other = await newInitiative("Annan insats");
    expect(await listRequisitions(t.db, associationId, { visible: [other] })).toEqual([]);
    expect(await listRequisitions(t.db, otherAssociationId, { visible: "all" })).toEqual([]);
  });
});
