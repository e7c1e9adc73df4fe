import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { createAssociation } from "../associations/create-association.ts";
import { addMemberOrganisation } from "../associations/member-organisations.ts";
import { getInitiative } from "../initiatives/get-initiative.ts";
import { createMailer } from "../mail/send-mail.ts";
import { ConflictError, ValidationError } from "../platform/errors.ts";
import { diffContent, diffLines } from "./diff.ts";
import {
  getApplication,
  getApplicationVersion,
  listApplications,
  listApplicationVersions,
} from "./get-application.ts";
import { createApplication, saveApplication } from "./save-application.ts";
import { applicationVersions } from "./schema.ts";
import { recordPaperSignature, requestSignature, signWithLink } from "./signatures.ts";
import type { ApplicationInput } from "./validate-application.ts";
import {
  addComment,
  decideApplication,
  returnForCompletion,
  startGrantedInitiatives,
  startPreparation,
  submitApplication,
} from "./workflow.ts";

let t: TestDatabase;
const actor = { userId: null, label: "test" };
const mailer = createMailer({ smtpUrl: undefined, from: "x@y.se", enqueue: async () => {} });
const deps = { mailer, baseUrl: "https://samspar.example" };
let associationId: string;
let tierp: string;
let fk: string;
let af: string;

const complete = (): ApplicationInput => ({
  name: "Tierp, Nya vägar",
  ownerOrganisationId: tierp,
  partnerIds: [fk, af],
  orientation: "individual",
  preRehabilitation: false,
  esf: false,
  purpose: "Fler unga vuxna i Tierp ska nå arbete eller studier.",
  goals: [{ text: "Till arbete eller studier", kind: "resultatmal", targetPercent: "60" }],
  background: "Många unga vuxna står långt från arbetsmarknaden.\nBehovet växer.",
  startDate: "2027-01-01",
  endDate: "2028-12-31",
  lastIntakeDate: "2028-06-30",
  targetGroup: "Unga vuxna 18–29 år",
  expectedParticipants: "40",
  expectedParticipantsOngoing: false,
  localUnits: [],
  genderTargetWomenPercent: "50",
  methods: "Supported employment och MI.",
  followUp: "Kvartalsvis uppföljning i styrgruppen.",
  implementation: "Arbetssättet förs in i kommunens arbetsmarknadsenhet.",
  budget: [
    { year: "2027", category: "personal", amount: "900 000" },
    { year: "2028", category: "personal", amount: "950000 kr" },
    { year: "2027", category: "material", amount: "" },
  ],
  coFinancing: [{ year: "2027", organisationId: af, kind: "personaltid", amount: "200 000" }],
  anchored: true,
  anchoringDescription: "Diskuterad i LOKUS 2026-09-10.",
});

beforeAll(async () => {
  t = await createTestDatabase();
  associationId = (await createAssociation(t.db, actor, { slug: "f", name: "F" })).id;
  const org = (name: string, orgNumber: string, kind: string) =>
    addMemberOrganisation(t.db, actor, associationId, { name, orgNumber, kind });
  tierp = (await org("Tierps kommun", "212000-0274", "kommun")).id;
  fk = (await org("Försäkringskassan", "202100-5521", "forsakringskassan")).id;
  af = (await org("Arbetsförmedlingen", "202100-2114", "arbetsformedlingen")).id;
});
afterAll(() => t.drop());

async function refusal(p: Promise<unknown>): Promise<Record<string, string>> {
  const error = await p.catch((e) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fields;
}

async function signAll(id: string) {
  for (const organisationId of [tierp, fk, af])
    await recordPaperSignature(t.db, actor, associationId, id, {
      organisationId,
      name: "Behörig Person",
      email: "",
      signedOn: "2026-11-01",
    });
}

describe("drafts", () => {
  it("keeps an incomplete draft, and its initiative in status ansökan", async () => {
    const id = await createApplication(t.db, actor, associationId, {
      ...complete(),
      partnerIds: [],
      purpose: "",
      budget: [],
      coFinancing: [],
      goals: [],
    });
    const a = await getApplication(t.db, associationId, id);
    expect(a?.status).toBe("utkast");
    expect(a?.content.purpose).toBe("");
    const initiative = await getInitiative(t.db, associationId, a?.initiativeId ?? "");
    expect(initiative?.status).toBe("ansokan");
    expect(initiative?.name).toBe("Tierp, Nya vägar");
  });

  it("refuses inconsistent input at its field, in Swedish, and keeps what was stored", async () => {
    const id = await createApplication(t.db, actor, associationId, complete());
    const fields = await refusal(
      saveApplication(t.db, actor, associationId, id, 1, {
        ...complete(),
        endDate: "2026-06-30",
        partnerIds: [tierp, fk],
        goals: [{ text: "Andel", kind: "resultatmal", targetPercent: "120" }],
        budget: [{ year: "2027", category: "personal", amount: "tio tusen" }],
      }),
    );
    expect(fields.endDate).toBe("Slutdatum kan inte vara före startdatum.");
    expect(fields.partnerIds).toMatch(/Insatsägaren kan inte också vara samverkanspart/);
    expect(fields["goals.0.targetPercent"]).toMatch(/över 100 %/);
    expect(fields["budget.2027.personal"]).toMatch(/hela kronor/);
    const a = await getApplication(t.db, associationId, id);
    expect(a?.version).toBe(1);
    expect(a?.content.endDate).toBe("2028-12-31");
  });

  it("reads amounts as whole kronor and drops empty budget cells", async () => {
    const id = await createApplication(t.db, actor, associationId, complete());
    const a = await getApplication(t.db, associationId, id);
    expect(a?.content.budget).toEqual([
      { year: 2027, category: "personal", amount: 900000 },
      { year: 2028, category: "personal", amount: 950000 },
    ]);
    const fields = await refusal(
      saveApplication(t.db, actor, associationId, id, 1, {
        ...complete(),
        budget: [{ year: "2030", category: "personal", amount: "1" }],
      }),
    );
    expect(fields["budget.2030.personal"]).toMatch(/efter insatsens slut/);
  });

  it("refuses a second save based on an old version, showing the other's change", async () => {
    const id = await createApplication(t.db, actor, associationId, complete());
    await saveApplication(t.db, actor, associationId, id, 1, {
      ...complete(),
      purpose: "Anna skrev om syftet.",
    });
    const error = await saveApplication(t.db, actor, associationId, id, 1, {
      ...complete(),
      methods: "Bertil ändrade metoden.",
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    const conflict = error as ConflictError;
    expect(conflict.message).toMatch(/version 2, du utgick från version 1/);
    expect(conflict.changes).toEqual([
      {
        field: "purpose",
        label: "Syfte",
        before: ["Fler unga vuxna i Tierp ska nå arbete eller studier."],
        theirs: ["Anna skrev om syftet."],
      },
    ]);
    const a = await getApplication(t.db, associationId, id);
    expect(a?.content.purpose).toBe("Anna skrev om syftet.");
    expect(a?.content.methods).toBe("Supported employment och MI.");
  });
});

describe("from submission to decision", () => {
  it("refuses submission with required fields empty or parties unsigned, keeping the draft", async () => {
    const id = await createApplication(t.db, actor, associationId, {
      ...complete(),
      purpose: "",
      methods: " ",
    });
    const fields = await refusal(submitApplication(t.db, actor, associationId, id, 1));
    expect(fields.purpose).toBe("Fyll i syfte innan du skickar in ansökan.");
    expect(fields.methods).toBe("Fyll i metod(er) innan du skickar in ansökan.");
    await saveApplication(t.db, actor, associationId, id, 1, complete());
    const unsigned = await refusal(submitApplication(t.db, actor, associationId, id, 2));
    expect(unsigned.signatures).toMatch(/3 av 3 parter har inte skrivit under/);
    expect((await getApplication(t.db, associationId, id))?.status).toBe("utkast");
  });

  it("signs by e-mailed link, once, and a later save removes the signatures", async () => {
    const id = await createApplication(t.db, actor, associationId, complete());
    const { token } = await requestSignature(
      t.db,
      actor,
      associationId,
      id,
      { organisationId: fk, name: "Karin Ek", email: "Karin.Ek@fk.example" },
      deps,
    );
    const wrong = await refusal(
      signWithLink(t.db, {}, token, { confirmAuthorised: false, name: "Någon" }),
    );
    expect(Object.keys(wrong).sort()).toEqual(["confirmAuthorised", "name"]);
    await signWithLink(t.db, {}, token, { confirmAuthorised: true, name: "karin ek" });
    const again = await refusal(
      signWithLink(t.db, {}, token, { confirmAuthorised: true, name: "Karin Ek" }),
    );
    expect(again.token).toMatch(/redan använts/);
    let a = await getApplication(t.db, associationId, id);
    const fkParty = a?.parties.find((p) => p.organisationId === fk);
    expect(fkParty?.signature?.signerEmail).toBe("karin.ek@fk.example");
    expect(fkParty?.signature?.signedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const saved = await saveApplication(t.db, actor, associationId, id, 1, {
      ...complete(),
      methods: "IPS.",
    });
    expect(saved.signaturesRemoved).toBe(1);
    a = await getApplication(t.db, associationId, id);
    expect(a?.parties.every((p) => !p.signature)).toBe(true);
  });

  it("refuses a signature request for an incomplete application", async () => {
    const id = await createApplication(t.db, actor, associationId, { ...complete(), purpose: "" });
    const fields = await refusal(
      requestSignature(
        t.db,
        actor,
        associationId,
        id,
        { organisationId: fk, name: "Karin Ek", email: "karin@fk.example" },
        deps,
      ),
    );
    expect(fields.signatures).toMatch(/inte komplett.*syfte/);
  });

  it("goes through preparation and a return for completion to approval, and the initiative runs", async () => {
    const id = await createApplication(t.db, actor, associationId, complete(), { onPaper: true });
    await signAll(id);
    const submitted = await submitApplication(t.db, actor, associationId, id, 1, {
      arrivalDate: "2026-11-02",
    });
    expect(submitted.registryNumber).toMatch(/^2026\/\d+$/);
    let a = await getApplication(t.db, associationId, id);
    expect(a).toMatchObject({ status: "inskickad", arrivalDate: "2026-11-02" });

    const comment = await refusal(addComment(t.db, actor, associationId, id, "  "));
    expect(comment.comment).toBe("Skriv en kommentar.");
    await addComment(t.db, actor, associationId, id, "Budgeten för 2028 behöver förklaras.");
    let version = await startPreparation(t.db, actor, associationId, id, submitted.version);
    version = await returnForCompletion(
      t.db,
      actor,
      associationId,
      id,
      version,
      "Förklara ökningen av personalkostnaden 2028.",
    );
    a = await getApplication(t.db, associationId, id);
    expect(a?.status).toBe("komplettering");
    const saved = await saveApplication(t.db, actor, associationId, id, version, {
      ...complete(),
      background: `${complete().background}\nLönerna räknas upp 2028.`,
    });
    await signAll(id);
    const resubmitted = await submitApplication(t.db, actor, associationId, id, saved.version);
    expect(resubmitted.registryNumber).toBe(submitted.registryNumber);
    version = await startPreparation(t.db, actor, associationId, id, resubmitted.version);

    const decisionProblems = await refusal(
      decideApplication(t.db, actor, associationId, id, version, {
        decision: "beviljad",
        amount: "",
        startDate: "2027-01-01",
        endDate: "2026-01-01",
        meeting: "",
        paragraph: "",
        decisionDate: "2026-11-20",
      }),
    );
    expect(Object.keys(decisionProblems).sort()).toEqual([
      "amount",
      "endDate",
      "meeting",
      "paragraph",
    ]);

    await decideApplication(
      t.db,
      actor,
      associationId,
      id,
      version,
      {
        decision: "beviljad",
        amount: "1 800 000",
        startDate: "2026-12-01",
        endDate: "2028-12-31",
        conditions: "Rapport till styrelsen efter första halvåret.",
        meeting: "Styrelsemöte 2026-11-20",
        paragraph: "§ 14",
        decisionDate: "2026-11-20",
      },
      new Date("2026-11-23T10:00:00Z"),
    );
    a = await getApplication(t.db, associationId, id);
    expect(a).toMatchObject({
      status: "beviljad",
      decidedAmount: 1800000,
      decisionParagraph: "14",
      initiativeStatus: "beviljad",
    });
    const initiative = await getInitiative(t.db, associationId, a?.initiativeId ?? "");
    expect(initiative).toMatchObject({ status: "beviljad", startDate: "2026-12-01" });
    expect(await startGrantedInitiatives(t.db, new Date("2026-12-01T08:00:00Z"))).toBeGreaterThan(
      0,
    );
    expect((await getInitiative(t.db, associationId, a?.initiativeId ?? ""))?.status).toBe(
      "pagaende",
    );

    const history = await listApplicationVersions(t.db, id);
    expect(history.map((v) => v.event).reverse()).toEqual([
      "created",
      "registered",
      "preparation_started",
      "returned",
      "saved",
      "completed",
      "preparation_started",
      "decided",
    ]);
    const edited = await refusal(
      saveApplication(t.db, actor, associationId, id, history[0]?.version ?? 0, complete()),
    );
    expect(edited.status).toMatch(/beslutad/);
    expect(
      (await listApplications(t.db, associationId, { visible: "all", status: "beviljad" })).map(
        (r) => r.id,
      ),
    ).toContain(id);
  });

  it("a rejection marks the initiative rejected", async () => {
    const id = await createApplication(t.db, actor, associationId, complete());
    await signAll(id);
    const { version } = await submitApplication(t.db, actor, associationId, id, 1);
    await decideApplication(t.db, actor, associationId, id, version, {
      decision: "avslagen",
      meeting: "Styrelsemöte 2026-11-20",
      paragraph: "15",
      decisionDate: "2026-11-20",
    });
    const a = await getApplication(t.db, associationId, id);
    expect(a?.initiativeStatus).toBe("avslagen");
  });
});

describe("history", () => {
  it("keeps every version as it was and refuses to rewrite it", async () => {
    const id = await createApplication(t.db, actor, associationId, complete());
    await saveApplication(t.db, actor, associationId, id, 1, {
      ...complete(),
      name: "Tierp, Vägar",
    });
    const v1 = await getApplicationVersion(t.db, id, 1);
    const v2 = await getApplicationVersion(t.db, id, 2);
    expect(v1?.content.name).toBe("Tierp, Nya vägar");
    const names = new Map([
      [tierp, "Tierps kommun"],
      [fk, "FK"],
      [af, "AF"],
    ]);
    const changes = diffContent(
      v1?.content ?? (complete() as never),
      v2?.content ?? (complete() as never),
      (x) => names.get(x) ?? x,
    );
    expect(changes.map((c) => c.label)).toEqual(["Insatsens namn"]);
    await expect(
      t.db
        .update(applicationVersions)
        .set({ note: "x" })
        .where(eq(applicationVersions.applicationId, id)),
    ).rejects.toThrow();
  });

  it("diffs lines in order", () => {
    expect(diffLines(["a", "b", "c"], ["a", "x", "c", "d"])).toEqual([
      { op: "same", text: "a" },
      { op: "removed", text: "b" },
      { op: "added", text: "x" },
      { op: "same", text: "c" },
      { op: "added", text: "d" },
    ]);
  });
});
