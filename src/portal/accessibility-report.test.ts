// "Rapportera ett problem" on a real database: a report is stored (and mailed through the
// association zone's mailer when an address is given); an empty or too long report is refused
// with a code per field and nothing is stored or mailed.
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { mailMessages } from "../mail/schema.ts";
import { createMailer } from "../mail/send-mail.ts";
import {
  AccessibilityReportInvalid,
  listAccessibilityReports,
  reportAccessibilityProblem,
} from "./accessibility-reports.ts";
import { accessibilityReports } from "./schema.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
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
    const { id } = await reportAccessibilityProblem(t.db, {
      page: "  Boka\n tider ",
      description: "Knappen Boka läses inte upp av skärmläsaren.\r\nDen säger bara ”knapp”.",
      contact: "",
    });
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
      { mailer, to: "kansli@example.se" },
    );
    const [mail] = await t.db
      .select()
      .from(mailMessages)
      .where(eq(mailMessages.toAddress, "kansli@example.se"));
    expect(mail).toMatchObject({ associationId: null, status: "outbox" });
    expect(mail?.textBody).toContain("Texten blir för liten.");
    expect(mail?.textBody).toContain("070-123 45 67");
    expect((await listAccessibilityReports(t.db))[0]?.id).toBe(id);
  });

  it("refuses an empty description (and an empty page, a too long text) and stores nothing", async () => {
    const before = { reports: await reports(), mails: await mails() };
    const refusal = await reportAccessibilityProblem(
      t.db,
      { page: "Boka", description: "   \n  ", contact: "" },
      { mailer, to: "kansli@example.se" },
    ).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(AccessibilityReportInvalid);
    expect((refusal as AccessibilityReportInvalid).problems).toEqual({
      description: { code: "missing" },
    });
    expect((refusal as AccessibilityReportInvalid).fields.description).toContain("Skriv vad");

    const both = await reportAccessibilityProblem(t.db, {
      page: "",
      description: "x".repeat(5001),
      contact: "y".repeat(201),
    }).catch((e: unknown) => e);
    expect((both as AccessibilityReportInvalid).problems).toEqual({
      page: { code: "missing" },
      description: { code: "tooLong", max: 5000 },
      contact: { code: "tooLong", max: 200 },
    });
    expect({ reports: await reports(), mails: await mails() }).toEqual(before);
  });

  it("lists the newest report first", async () => {
    const { id } = await reportAccessibilityProblem(t.db, { page: "Sist", description: "Nyast." });
    const listed = await listAccessibilityReports(t.db);
    expect(listed[0]?.id).toBe(id);
    expect(listed).toHaveLength(3);
  });
});
