// What the application form posts becomes the use case's input: empty rows left out and the
// rest numbered as the validator numbers them (so errors land on the fields shown), budget
// cells read from their names, and a stored application survives the trip through the form.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import type { ApplicationContent } from "../applications/content.ts";
import { validateApplication } from "../applications/validate-application.ts";
import { createAssociation } from "../associations/create-association.ts";
import { addMemberOrganisation } from "../associations/member-organisations.ts";
import { ValidationError } from "../platform/errors.ts";
import {
  applicationFormValues,
  applicationInput,
  applicationValuesOf,
  budgetView,
} from "./application-form.server.ts";

const post = (fields: Array<[string, string]>) => {
  const form = new FormData();
  for (const [k, v] of fields) form.append(k, v);
  return form;
};

const A = "0b0e5a8e-0000-4000-8000-000000000001";
const B = "0b0e5a8e-0000-4000-8000-000000000002";

describe("reading the form", () => {
  it("keeps text as typed, leaves out empty rows and numbers the rest from 0", () => {
    const values = applicationFormValues(
      post([
        ["_csrf", "x"],
        ["name", "  Tierp, Nya vägar "],
        ["ownerOrganisationId", A],
        ["partnerIds", B],
        ["partnerIds", "not-an-id"],
        ["orientation", "structural"],
        ["esf", "on"],
        ["purpose", "# Rubrik\n- punkt"],
        ["goals.0.text", ""],
        ["goals.0.kind", "resultatmal"],
        ["goals.0.targetPercent", ""],
        ["goals.1.text", "Till arbete"],
        ["goals.1.kind", "resultatmal"],
        ["goals.1.targetPercent", "120"],
        ["localUnits.0.name", ""],
        ["localUnits.0.expectedParticipants", ""],
        ["budget.2027.personal", "900 000"],
        ["budget.2027.resor", ""],
        ["budget.2028.material", "  "],
        ["budget.2028.hemligt", "5"],
        ["budget.abcd.personal", "5"],
        ["coFinancing.0.organisationId", ""],
        ["coFinancing.0.kind", "pengar"],
        ["coFinancing.0.year", ""],
        ["coFinancing.0.amount", ""],
        ["coFinancing.1.organisationId", B],
        ["coFinancing.1.kind", "personaltid"],
        ["coFinancing.1.year", "2027"],
        ["coFinancing.1.amount", "lite"],
        ["anchored", "nej"],
        ["genderTargetWomenPercent", "60"],
      ]),
    );
    expect(values).toMatchObject({
      name: "  Tierp, Nya vägar ",
      partnerIds: `${B},not-an-id`,
      "goals.0.text": "Till arbete",
      "goals.0.targetPercent": "120",
      "budget.2027.personal": "900 000",
      "coFinancing.0.organisationId": B,
      "coFinancing.0.amount": "lite",
      anchored: "nej",
    });
    expect(
      Object.keys(values).filter((k) => /^(goals\.1|localUnits|coFinancing\.1)\./.test(k)),
    ).toEqual([]);
    expect(Object.keys(values).filter((k) => k.startsWith("budget."))).toEqual([
      "budget.2027.personal",
    ]);

    const input = applicationInput(values);
    expect(input).toMatchObject({
      name: "  Tierp, Nya vägar ",
      ownerOrganisationId: A,
      partnerIds: [B],
      orientation: "structural",
      esf: true,
      preRehabilitation: false,
      purpose: "# Rubrik\n- punkt",
      goals: [{ text: "Till arbete", kind: "resultatmal", targetNumber: "", targetPercent: "120" }],
      localUnits: [],
      budget: [{ year: "2027", category: "personal", amount: "900 000" }],
      coFinancing: [{ organisationId: B, kind: "personaltid", year: "2027", amount: "lite" }],
      anchored: false,
      genderTargetWomenPercent: "60",
    });
    expect(input).not.toHaveProperty("status");
  });

  it("reads an unanswered or tampered förankring as unanswered, and ids that are no ids as none", () => {
    const input = applicationInput(
      applicationFormValues(
        post([
          ["anchored", "kanske"],
          ["ownerOrganisationId", "1 or 1=1"],
          ["coFinancing.0.organisationId", "x"],
          ["coFinancing.0.amount", "5"],
        ]),
      ),
    );
    expect(input.anchored).toBeNull();
    expect(input.ownerOrganisationId).toBe("");
    expect(input.coFinancing[0]?.organisationId).toBe("");
  });
});

describe("the budget matrix", () => {
  it("has the planned years, and every year that already has an amount", () => {
    expect(
      budgetView({ startDate: "2027-03-01", endDate: "2029-02-28", "budget.2031.resor": "1" })
        .years,
    ).toEqual([2027, 2028, 2029, 2031]);
  });

  it("has this year and the next two without usable dates", () => {
    const today = "2026-11-23";
    expect(budgetView({}, today).years).toEqual([2026, 2027, 2028]);
    expect(budgetView({ startDate: "2027-01-01", endDate: "2026-01-01" }, today).years).toEqual([
      2027, 2028, 2029,
    ]);
    expect(budgetView({ startDate: "snart", endDate: "2030-01-01" }, today).years).toEqual([
      2026, 2027, 2028,
    ]);
  });

  it("shows at most ten planned years", () => {
    expect(budgetView({ startDate: "2026-01-01", endDate: "2206-01-01" }).years).toHaveLength(10);
  });

  it("totals the amounts it can read, per category, per year and in all", () => {
    const view = budgetView({
      startDate: "2027-01-01",
      endDate: "2028-12-31",
      "budget.2027.personal": "900 000",
      "budget.2028.personal": "950000 kr",
      "budget.2028.resor": "25 000",
      "budget.2027.material": "mycket",
    });
    expect(view.categoryTotals).toMatchObject({ personal: 1_850_000, resor: 25_000, material: 0 });
    expect(view.yearTotals).toEqual({ "2027": 900_000, "2028": 975_000 });
    expect(view.total).toBe(1_875_000);
  });
});

describe("a stored application through the form and back", () => {
  let t: TestDatabase;
  let associationId = "";
  const orgs: string[] = [];
  beforeAll(async () => {
    t = await createTestDatabase();
    const actor = { userId: null, label: "test" };
    associationId = (await createAssociation(t.db, actor, { slug: "f", name: "F" })).id;
    for (const [name, orgNumber, kind] of [
      ["Tierps kommun", "212000-0274", "kommun"],
      ["Försäkringskassan", "202100-5521", "forsakringskassan"],
      ["Arbetsförmedlingen", "202100-2114", "arbetsformedlingen"],
    ] as const)
      orgs.push(
        (await addMemberOrganisation(t.db, actor, associationId, { name, orgNumber, kind })).id,
      );
  });
  afterAll(() => t?.drop());

  it("comes back as the same content", async () => {
    const [tierp = "", fk = "", af = ""] = orgs;
    const content: ApplicationContent = {
      name: "Tierp, Nya vägar",
      ownerOrganisationId: tierp,
      partnerIds: [fk, af],
      orientation: "individual",
      preRehabilitation: true,
      esf: false,
      purpose: "Fler unga vuxna ska nå arbete.\n\n- studier\n- jobb",
      goals: [
        {
          text: "Till arbete eller studier",
          kind: "resultatmal",
          targetNumber: null,
          targetPercent: 60,
        },
        {
          text: "Deltagare i utvecklingsarbetet",
          kind: "insatsmal",
          targetNumber: 30,
          targetPercent: null,
        },
      ],
      background: "Behovet växer.",
      startDate: "2027-01-01",
      endDate: "2028-12-31",
      lastIntakeDate: "2028-06-30",
      targetGroup: "Unga vuxna 18–29 år",
      expectedParticipants: 40,
      expectedParticipantsOngoing: true,
      localUnits: [{ name: "Tierp centralort", expectedParticipants: 25 }],
      genderTargetWomenPercent: 50,
      methods: "Supported employment.",
      followUp: "Kvartalsvis.",
      implementation: "I ordinarie verksamhet.",
      budget: [
        { year: 2027, category: "personal", amount: 900_000 },
        { year: 2028, category: "resor", amount: 25_000 },
      ],
      coFinancing: [{ year: 2027, organisationId: af, kind: "personaltid", amount: 200_000 }],
      anchored: true,
      anchoringDescription: "LOKUS 2026-09-10.",
    };
    // the form as the browser posts it: checkboxes only when ticked, partners one by one
    const values = applicationValuesOf(content);
    const fields: Array<[string, string]> = [];
    for (const [k, v] of Object.entries(values)) {
      if (k === "partnerIds") for (const id of v.split(",")) fields.push([k, id]);
      else if (v !== "" || !["preRehabilitation", "esf", "expectedParticipantsOngoing"].includes(k))
        fields.push([k, v]);
    }
    const input = applicationInput(applicationFormValues(post(fields)));
    expect(await validateApplication(t.db, associationId, input, "submit")).toEqual(content);
  });

  it("reports problems under the names of the fields shown", async () => {
    const [tierp = "", fk = ""] = orgs;
    const values = applicationFormValues(
      post([
        ["name", "Tierp"],
        ["ownerOrganisationId", tierp],
        ["partnerIds", tierp],
        ["orientation", "individual"],
        ["startDate", "2027-01-01"],
        ["endDate", "2026-01-01"],
        ["goals.0.text", ""],
        ["goals.1.text", "Till arbete"],
        ["goals.1.kind", "resultatmal"],
        ["goals.1.targetPercent", "120"],
        ["budget.2027.personal", "mycket"],
        ["coFinancing.0.organisationId", ""],
        ["coFinancing.1.organisationId", fk],
        ["coFinancing.1.kind", "pengar"],
        ["coFinancing.1.year", "2027"],
        ["coFinancing.1.amount", "x"],
      ]),
    );
    const error = await validateApplication(
      t.db,
      associationId,
      applicationInput(values),
      "draft",
    ).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const keys = Object.keys((error as ValidationError).fields).sort();
    expect(keys).toEqual([
      "budget.2027.personal",
      "coFinancing.0.amount",
      "coFinancing.0.organisationId",
      "endDate",
      "goals.0.targetPercent",
      "partnerIds",
    ]);
    // and the form has a field of each name
    for (const key of keys.filter((k) => k.includes(".")))
      expect(Object.keys(values)).toContain(key);
  });
});
