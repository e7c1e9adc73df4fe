// "Rapportera ett problem" on a real database: a report is stored (and mailed through the
// association zone's mailer when an address is given); an empty or too long report is refused
// with a code per field and nothing is stored or mailed. A report belongs to the reporter's
// association: a participant's to their account's, a staff person's to the one they came from
// if they hold a role there (else their only one), an anonymous one to none; an office sees its
// own and the anonymous ones, never another association's.
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { loadPrincipal, type Principal } from "../access/principal.ts";
import { createAssociation } from "../associations/create-association.ts";
import { mailMessages } from "../mail/schema.ts";
import { createMailer } from "../mail/send-mail.ts";
import { addUser } from "../people/add-user.ts";
import { assignRole } from "../people/assign-role.ts";
import { type RegisterFixture, registerFixture } from "../register/register-fixture.ts";
import {
  AccessibilityReportInvalid,
  listAccessibilityReports,
  type ReportDestination,
  reportAccessibilityProblem,
  reportDestination,
} from "./accessibility-reports.ts";
import { portalAccountFixture } from "./portal-account.fixture.ts";
import { accessibilityReports } from "./schema.ts";

const actor = { userId: null, label: "test" };
let t: TestDatabase;
let a: RegisterFixture;
let b: ReportDestination;
let aDestination: ReportDestination;
let participant: Principal;
/** Staff with roles in both associations. */
let both: Principal;

beforeAll(async () => {
  t = await createTestDatabase();
  a = await registerFixture(t.db, "rapa");
  aDestination = { id: a.associationId, name: "Samordningsförbundet Test", slug: "rapa" };
  const created = await createAssociation(t.db, actor, {
    slug: "rapb",
    name: "Samordningsförbundet Norr",
  });
  b = { id: created.id, name: "Samordningsförbundet Norr", slug: "rapb" };
  participant = (await portalAccountFixture(t.db, a, a.tierp.initiative)).principal;
  const user = await addUser(t.db, actor, { email: "frida.bada@example.se", name: "Frida Fors" });
  await assignRole(t.db, actor, {
    userId: user.id,
    associationId: a.associationId,
    role: "association_admin",
  });
  await assignRole(t.db, actor, { userId: user.id, associationId: b.id, role: "auditor" });
  const loaded = await loadPrincipal(t.db, user.id, { type: "session" });
  if (!loaded) throw new Error("no principal");
  both = loaded;
});
afterAll(() => t?.drop());

const mailer = createMailer({
  smtpUrl: undefined,
  from: "test@samspar.local",
  enqueue: async () => {},
});
const reports = async () => (await t.db.select({ n: count() }).from(accessibilityReports))[0]?.n;
const mails = async () => (await t.db.select({ n: count() }).from(mailMessages))[0]?.n;

describe("reporting an accessibility problem", () => {
  it("stores the report as written, the contact optional", async () => {
    const { id } = await reportAccessibilityProblem(
      t.db,
      {
        page: "  Boka\n tider ",
        description: "Knappen Boka läses inte upp av skärmläsaren.\r\nDen säger bara ”knapp”.",
        contact: "",
      },
      null,
    );
    const [row] = await t.db
      .select()
      .from(accessibilityReports)
      .where(eq(accessibilityReports.id, id));
    expect(row).toMatchObject({
      page: "Boka tider",
      description: "Knappen Boka läses inte upp av skärmläsaren.\nDen säger bara ”knapp”.",
      contact: null,
    });
    expect(await mails()).toBe(0);
  });

  it("also mails the report when an address is given", async () => {
    const { id } = await reportAccessibilityProblem(
      t.db,
      { page: "Tillgänglighet", description: "Texten blir för liten.", contact: "070-123 45 67" },
      null,
      { mailer, to: "kansli@example.se" },
    );
    const [mail] = await t.db
      .select()
      .from(mailMessages)
      .where(eq(mailMessages.toAddress, "kansli@example.se"));
    expect(mail).toMatchObject({ associationId: null, status: "outbox" });
    expect(mail?.textBody).toContain("Texten blir för liten.");
    expect(mail?.textBody).toContain("070-123 45 67");
    expect(mail?.textBody).toContain("Förbund: utan förbund");
    expect((await listAccessibilityReports(t.db, a.associationId)).unrouted[0]?.id).toBe(id);
  });

  it("refuses an empty description (and an empty page, a too long text) and stores nothing", async () => {
    const before = { reports: await reports(), mails: await mails() };
    const refusal = await reportAccessibilityProblem(
      t.db,
      { page: "Boka", description: "   \n  ", contact: "" },
      aDestination,
      { mailer, to: "kansli@example.se" },
    ).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(AccessibilityReportInvalid);
    expect((refusal as AccessibilityReportInvalid).problems).toEqual({
      description: { code: "missing" },
    });
    expect((refusal as AccessibilityReportInvalid).fields.description).toContain("Skriv vad");

    const all = await reportAccessibilityProblem(
      t.db,
      { page: "", description: "x".repeat(5001), contact: "y".repeat(201) },
      null,
    ).catch((e: unknown) => e);
    expect((all as AccessibilityReportInvalid).problems).toEqual({
      page: { code: "missing" },
      description: { code: "tooLong", max: 5000 },
      contact: { code: "tooLong", max: 200 },
    });
    expect({ reports: await reports(), mails: await mails() }).toEqual(before);
  });

  it("lists the newest report first", async () => {
    const { id } = await reportAccessibilityProblem(
      t.db,
      { page: "Sist", description: "Nyast." },
      null,
    );
    const listed = (await listAccessibilityReports(t.db, a.associationId)).unrouted;
    expect(listed[0]?.id).toBe(id);
    expect(listed).toHaveLength(3);
  });
});

describe("which association a report belongs to", () => {
  const slugOf = async (principal: Principal | null | undefined, slug?: string) =>
    (await reportDestination(t.db, principal, slug))?.slug ?? null;

  it("a participant's goes to their portal account's association; an anonymous one to none", async () => {
    expect(await reportDestination(t.db, participant)).toEqual(aDestination);
    // a slug never moves a participant's report elsewhere
    expect(await slugOf(participant, "rapb")).toBe("rapa");
    expect(await slugOf(undefined, "rapa")).toBeNull();
    expect(await slugOf(null)).toBeNull();
  });

  it("a staff person's goes to the association they came from, if they hold a role there", async () => {
    expect(await reportDestination(t.db, both, "rapb")).toEqual(b);
    expect(await slugOf(both, "rapa")).toBe("rapa");
    // several associations and none (or an unknown one) given: none
    expect(await slugOf(both)).toBeNull();
    expect(await slugOf(both, "finns-inte")).toBeNull();
    // no role in B: the slug is ignored, and the only association they hold a role in is used
    expect(await slugOf(a.admin, "rapb")).toBe("rapa");
    expect(await slugOf(a.officers.heby)).toBe("rapa");
  });

  it("an office sees its own reports and the anonymous ones, never another association's", async () => {
    const write = async (description: string, principal?: Principal, slug?: string) =>
      (
        await reportAccessibilityProblem(
          t.db,
          { page: "Planen", description },
          await reportDestination(t.db, principal, slug),
        )
      ).id;
    const fromParticipant = await write("Mitt namn är Sara, tel 070-111 22 33.", participant);
    const fromStaffInB = await write("Tabellen i B.", both, "rapb");
    const fromStaffNoRoleInB = await write("Försökte skicka till B.", a.admin, "rapb");
    const anonymous = await write("Utan inloggning.");

    const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
    const inA = await listAccessibilityReports(t.db, a.associationId);
    const inB = await listAccessibilityReports(t.db, b.id);
    expect(ids(inA.own)).toEqual([fromStaffNoRoleInB, fromParticipant]);
    expect(ids(inB.own)).toEqual([fromStaffInB]);
    expect(ids(inA.unrouted)).toContain(anonymous);
    expect(ids(inB.unrouted)).toEqual(ids(inA.unrouted));
    for (const own of [fromParticipant, fromStaffNoRoleInB]) {
      expect(ids([...inB.own, ...inB.unrouted])).not.toContain(own);
    }
    expect(ids([...inA.own, ...inA.unrouted])).not.toContain(fromStaffInB);
  });

  it("the mailed copy names the association", async () => {
    await reportAccessibilityProblem(t.db, { page: "Norr", description: "Rapport till Norr." }, b, {
      mailer,
      to: "norr@example.se",
    });
    const [mail] = await t.db
      .select()
      .from(mailMessages)
      .where(eq(mailMessages.toAddress, "norr@example.se"));
    expect(mail?.textBody).toContain("Förbund: Samordningsförbundet Norr");
    expect(mail?.associationId).toBe(b.id);
  });
});
