import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { canOnInitiative } from "../access/policy.ts";
import { loadPrincipal } from "../access/principal.ts";
import { getApplication, listApplicationVersions } from "../applications/get-application.ts";
import { APPLICATION_STATUSES, applications } from "../applications/schema.ts";
import { todayInSweden } from "../applications/workflow.ts";
import { verifyAuditChain } from "../audit/verify-audit-chain.ts";
import { initiatives } from "../initiatives/schema.ts";
import { listUsers } from "../people/list-users.ts";
import { users } from "../people/schema.ts";
import { seedDemo } from "./seed-demo.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const userId = async (email: string) => {
  const [row] = await t.db.select().from(users).where(eq(users.email, email));
  if (!row) throw new Error(`no demo user ${email}`);
  return row.id;
};

describe("the demo association", () => {
  it("has a login for every role and a realistic initiative register", async () => {
    const logins = await seedDemo(t.db);
    expect(new Set(logins?.map((l) => l.role))).toEqual(
      new Set([
        "association_admin",
        "board_member",
        "initiative_lead",
        "steering_group_member",
        "participant_officer",
        "participant",
        "auditor",
      ]),
    );
    const rows = await t.db.select().from(initiatives);
    expect(rows.length).toBeGreaterThanOrEqual(15);
    expect(new Set(rows.map((r) => r.orientation))).toEqual(new Set(["individual", "structural"]));
    expect(new Set(rows.map((r) => r.status))).toEqual(
      new Set(["ansokan", "beviljad", "pagaende", "avslutad", "avslutad_i_fortid", "avslagen"]),
    );
    const early = rows.filter((r) => r.status === "avslutad_i_fortid");
    expect(early).toHaveLength(1);
    expect(early[0]?.plannedEndDate).not.toBeNull();
    expect(
      rows.every((r) => /^(Tierp|Uppsala|Enköping|Östhammar|Knivsta|Heby|Region), /.test(r.name)),
    ).toBe(true);
    const staff = await listUsers(t.db, rows[0]?.associationId ?? "");
    expect(staff.map((s) => s.email)).not.toContain("deltagare@demo.samspar.se");
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it("has an application in every status, made by the demo's people", async () => {
    const rows = await t.db.select().from(applications);
    const byStatus = new Map(rows.map((r) => [r.status, r]));
    expect([...byStatus.keys()].sort()).toEqual([...APPLICATION_STATUSES].sort());
    const initiativeOf = async (id: string) =>
      (await t.db.select().from(initiatives).where(eq(initiatives.id, id)))[0];
    const today = todayInSweden();

    // every application but the draft has a diarienummer of its arrival year, none in the future
    for (const a of rows.filter((r) => r.status !== "utkast")) {
      expect(a.registryNumber).toMatch(new RegExp(`^${a.arrivalDate?.slice(0, 4)}/\\d+$`));
      expect(a.arrivalDate && a.arrivalDate <= today).toBe(true);
    }
    expect(new Set(rows.map((r) => r.registryNumber)).size).toBe(rows.length);
    const inskickad = byStatus.get("inskickad");
    expect(inskickad).toMatchObject({ receivedOnPaper: true });

    const granted = byStatus.get("beviljad");
    if (!granted) throw new Error("no granted application");
    expect(granted).toMatchObject({
      decision: "beviljad",
      decisionMeeting: expect.stringMatching(/^Styrelsemöte 2026-\d\d-\d\d$/),
      decisionParagraph: expect.stringMatching(/^\d+$/),
    });
    expect(granted.decisionDate && granted.decisionDate <= today).toBe(true);
    const years = new Set(granted.content.budget.map((b) => b.year));
    expect(years.size).toBe(2);
    const total = granted.content.budget.reduce((sum, b) => sum + b.amount, 0);
    expect(granted.decidedAmount).toBe(total);
    for (const year of years) {
      const perYear = granted.content.budget
        .filter((b) => b.year === year)
        .reduce((s, b) => s + b.amount, 0);
      expect(perYear).toBeGreaterThanOrEqual(100_000);
    }
    expect(granted.content.coFinancing.length).toBeGreaterThan(0);
    expect((await initiativeOf(granted.initiativeId))?.status).toBe("pagaende");
    expect((await initiativeOf(byStatus.get("avslagen")?.initiativeId ?? ""))?.status).toBe(
      "avslagen",
    );

    const preparing = await getApplication(
      t.db,
      granted.associationId,
      byStatus.get("under_beredning")?.id ?? "",
    );
    expect(preparing?.comments.map((c) => c.authorName).sort()).toEqual([
      "Maria Lindqvist",
      "Per Sandberg",
    ]);
    expect(preparing?.allSigned).toBe(true);
    const returned = byStatus.get("komplettering");
    expect(returned?.returnMessage).toMatch(/\S/);
    const returnedDetails = await getApplication(t.db, granted.associationId, returned?.id ?? "");
    expect(returnedDetails?.parties.every((p) => p.signature?.method === "link")).toBe(true);

    // the history names the people who did each step
    const history = await listApplicationVersions(t.db, granted.id);
    expect(history.map((v) => v.event).reverse()).toEqual([
      "created",
      "registered",
      "preparation_started",
      "decided",
    ]);
    expect(new Set(history.map((v) => v.actorName))).toEqual(new Set(["Maria Lindqvist"]));
  });

  it("lets the initiative lead continue the draft she began", async () => {
    const [draft] = await t.db.select().from(applications).where(eq(applications.status, "utkast"));
    if (!draft) throw new Error("no draft");
    const leadId = await userId("insatsansvarig@demo.samspar.se");
    expect(draft.createdBy).toBe(leadId);
    expect(draft.content.purpose).not.toBe("");
    expect(draft.content.budget).toEqual([]);
    const history = await listApplicationVersions(t.db, draft.id);
    expect(history.map((v) => v.actorName)).toEqual(["Leila Haddad", "Leila Haddad"]);
    const lead = await loadPrincipal(t.db, leadId, { type: "session" });
    expect(canOnInitiative(lead, "application.edit", draft.associationId, draft.initiativeId)).toBe(
      true,
    );
    // and no one else's: the granted application is not hers to edit
    const [granted] = await t.db
      .select()
      .from(applications)
      .where(eq(applications.status, "beviljad"));
    expect(
      canOnInitiative(lead, "application.edit", draft.associationId, granted?.initiativeId ?? ""),
    ).toBe(false);
    const coach = await loadPrincipal(t.db, await userId("coach@demo.samspar.se"), {
      type: "session",
    });
    expect(
      canOnInitiative(coach, "application.edit", draft.associationId, draft.initiativeId),
    ).toBe(false);
  });

  it("is seeded once", async () => {
    const before = await t.db.$count(initiatives);
    const applicationsBefore = await t.db.$count(applications);
    expect(await seedDemo(t.db)).toBeUndefined();
    expect(await t.db.$count(initiatives)).toBe(before);
    expect(await t.db.$count(applications)).toBe(applicationsBefore);
  });
});
