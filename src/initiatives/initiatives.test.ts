import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { createAssociation } from "../associations/create-association.ts";
import { addMemberOrganisation } from "../associations/member-organisations.ts";
import { ConflictError, ValidationError } from "../platform/errors.ts";
import { findInitiatives } from "./find-initiatives.ts";
import { createInitiative, updateInitiative } from "./save-initiative.ts";
import type { InitiativeInput } from "./validate-initiative.ts";

let t: TestDatabase;
const actor = { userId: null, label: "test" };
let associationId: string;
let tierp: string;
let fk: string;
let af: string;

const base = (): InitiativeInput => ({
  name: "Tierp, Växtverket",
  ownerOrganisationId: tierp,
  partnerIds: [fk, af],
  status: "pagaende",
  orientation: "individual",
  preRehabilitation: true,
  esf: false,
  startDate: "2025-01-01",
  endDate: "2026-12-31",
  lastIntakeDate: "2026-06-30",
  plannedEndDate: null,
  targetGroup: "Unga vuxna 16–29 år med aktivitetsersättning",
  expectedParticipants: "40",
  expectedParticipantsOngoing: false,
  goals: [
    { text: "Till arbete eller studier", kind: "resultatmal", targetPercent: "60" },
    { text: "", kind: "insatsmal", targetNumber: "" },
  ],
  localUnits: [],
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

async function problems(input: InitiativeInput): Promise<Record<string, string>> {
  const error = await createInitiative(t.db, actor, associationId, input).catch((e) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fields;
}

describe("the initiative register", () => {
  it("registers an initiative with partners and goals; empty goal rows are dropped", async () => {
    const saved = await createInitiative(t.db, actor, associationId, base());
    expect(saved.partners.map((p) => p.name)).toEqual(["Arbetsförmedlingen", "Försäkringskassan"]);
    expect(saved.goals).toMatchObject([
      { text: "Till arbete eller studier", targetPercent: 60, targetNumber: null },
    ]);
    expect(saved).toMatchObject({
      expectedParticipants: 40,
      version: 1,
      ownerName: "Tierps kommun",
    });
  });

  it("refuses bad input at the field, in Swedish", async () => {
    const wrong = await problems({
      ...base(),
      name: " ",
      startDate: "2026-05-01",
      endDate: "2026-01-01",
      lastIntakeDate: null,
      partnerIds: [tierp, fk],
      goals: [{ text: "Andel", kind: "resultatmal", targetPercent: "120" }],
      expectedParticipants: "fyrtio",
    });
    expect(wrong).toEqual({
      name: "Fyll i insatsens namn.",
      endDate: "Slutdatum kan inte vara före startdatum.",
      partnerIds: "Insatsägaren kan inte också vara samverkanspart. Välj de andra parterna.",
      "goals.0.targetPercent": "Andelen för mål 1 kan inte vara över 100 %.",
      expectedParticipants: "Skriv antalet deltagare som ett heltal, till exempel 40.",
    });
    expect(await problems({ ...base(), partnerIds: [] })).toHaveProperty("partnerIds");
    expect(await problems({ ...base(), partnerIds: ["inte-ett-id"] })).toHaveProperty("partnerIds");
    expect(await problems({ ...base(), ownerOrganisationId: "x" })).toHaveProperty(
      "ownerOrganisationId",
    );
    expect(await problems({ ...base(), expectedParticipants: "3000000000" })).toHaveProperty(
      "expectedParticipants",
    );
    expect(await problems({ ...base(), startDate: "2026-02-30" })).toHaveProperty("startDate");
    expect(await problems({ ...base(), plannedEndDate: "2027-06-30" })).toHaveProperty(
      "plannedEndDate",
    );
    expect(
      await problems({ ...base(), status: "avslutad_i_fortid", endDate: null }),
    ).toHaveProperty("endDate");
  });

  it("never overwrites a concurrent save: the second gets a conflict naming what differs", async () => {
    const saved = await createInitiative(t.db, actor, associationId, {
      ...base(),
      name: "Samtidig",
    });
    await updateInitiative(t.db, actor, associationId, saved.id, 1, {
      ...base(),
      name: "Samtidig",
      targetGroup: "Ändrad av Anna",
    });
    const error = await updateInitiative(t.db, actor, associationId, saved.id, 1, {
      ...base(),
      name: "Samtidig",
      expectedParticipants: 50,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toMatch(/målgrupp/);
    const [after] = await findInitiatives(t.db, { associationId, visible: [saved.id] });
    expect(after?.expectedParticipants).toBe(40);
  });

  it("searches by text, status, orientation and period, sorted, within what is visible", async () => {
    const ended = await createInitiative(t.db, actor, associationId, {
      ...base(),
      name: "Uppsala, Avslutad i förtid",
      orientation: "structural",
      status: "avslutad_i_fortid",
      startDate: "2023-01-01",
      endDate: "2023-09-30",
      lastIntakeDate: null,
      plannedEndDate: "2024-06-30",
    });
    const all = await findInitiatives(t.db, { associationId, visible: "all", sort: "start" });
    expect(all[0]?.name).toBe("Uppsala, Avslutad i förtid");
    const running2026 = await findInitiatives(t.db, {
      associationId,
      visible: "all",
      from: "2026-01-01",
      to: "2026-06-30",
    });
    expect(running2026.map((i) => i.name)).not.toContain("Uppsala, Avslutad i förtid");
    const structural = await findInitiatives(t.db, {
      associationId,
      visible: "all",
      orientation: "structural",
    });
    expect(structural.map((i) => i.id)).toEqual([ended.id]);
    const byText = await findInitiatives(t.db, { associationId, visible: "all", text: "tierps" });
    expect(byText.length).toBeGreaterThan(0);
    expect(byText.every((i) => i.ownerName === "Tierps kommun")).toBe(true);
    expect(await findInitiatives(t.db, { associationId, visible: [] })).toEqual([]);
    const mine = await findInitiatives(t.db, {
      associationId,
      visible: [ended.id],
      statuses: ["avslutad_i_fortid"],
    });
    expect(mine.map((i) => i.partnerNames)).toEqual([["Arbetsförmedlingen", "Försäkringskassan"]]);
  });
});
