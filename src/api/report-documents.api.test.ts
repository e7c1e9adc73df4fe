// The reports' documents through the API, against a real database: the periodic, deviation and
// final report of an initiative as DOCX and PDF, for those who may see them; 404 for a report
// the caller may not see or that does not exist (also for a role without reports), and 400 for
// an unknown format. Until createApiApp registers the operations itself, the test adds them
// where createApiApp registers the final reports' operations (before its catch-all answer).
import { randomBytes } from "node:crypto";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { createAssociation } from "../associations/create-association.ts";
import { addMemberOrganisation } from "../associations/member-organisations.ts";
import { pdfText, squash } from "../documents/testing.ts";
import { createInitiative } from "../initiatives/save-initiative.ts";
import type { Mailer } from "../mail/send-mail.ts";
import { addUser } from "../people/add-user.ts";
import { assignRole } from "../people/assign-role.ts";
import { createApiToken } from "../people/create-api-token.ts";
import type { Role } from "../people/roles.ts";
import { readConfig } from "../platform/config.ts";
import type { AppServices } from "../platform/http/request-context.ts";
import { createSecrets } from "../platform/secrets.ts";
import { ensurePeriodicReports } from "../reports/calendar.ts";
import { createDeviationReport } from "../reports/deviation-reports.ts";
import { createFinalReport } from "../reports/final-reports.ts";
import { listPeriodicReports } from "../reports/periodic-reports.ts";
import { createApiApp } from "./app.ts";
import { registerDeviationReportDocumentRoute } from "./deviation-report-document-route.ts";
import { registerFinalReportDocumentRoute } from "./final-report-document-route.ts";
import { registerPeriodicReportDocumentRoute } from "./periodic-report-document-route.ts";

const extra = vi.hoisted(() => ({
  routes: [] as Array<(app: never, services: never) => void>,
}));
vi.mock("./final-reports-routes.ts", async (importOriginal) => {
  const original = await importOriginal<typeof import("./final-reports-routes.ts")>();
  return {
    ...original,
    registerFinalReportRoutes: (...args: Parameters<typeof original.registerFinalReportRoutes>) => {
      original.registerFinalReportRoutes(...args);
      for (const register of extra.routes) register(...(args as [never, never]));
    },
  };
});

const cli = { userId: null, label: "cli" };
const mailer: Mailer = {
  send: async () => ({ id: "00000000-0000-4000-8000-000000000000", status: "outbox" }),
  deliver: async () => {},
};

let t: TestDatabase;
let app: ReturnType<typeof createApiApp>;
const base = "/associations/uppsala-lan";
const tokens = { adminRead: "", board: "", lead: "", otherLead: "", steering: "", coach: "" };
/** The three reports of the lead's initiative, by their path. */
let reports: Array<{ path: string; name: string }> = [];

beforeAll(async () => {
  t = await createTestDatabase();
  const services: AppServices = {
    config: { ...readConfig({}), baseUrl: "https://samspar.example" },
    db: t.db,
    secrets: createSecrets(randomBytes(32)),
    mailer,
    oidc: undefined,
  };
  // added only as long as createApiApp does not register the operations itself
  const registered = createApiApp(services).routes.some((r) =>
    r.path.endsWith("/periodic-reports/:reportId/document"),
  );
  if (!registered)
    extra.routes.push(
      registerPeriodicReportDocumentRoute as never,
      registerDeviationReportDocumentRoute as never,
      registerFinalReportDocumentRoute as never,
    );
  app = createApiApp(services);

  const associationId = (
    await createAssociation(t.db, cli, {
      slug: "uppsala-lan",
      name: "Samordningsförbundet Uppsala län",
    })
  ).id;
  const org = async (name: string, orgNumber: string, kind: string) =>
    (await addMemberOrganisation(t.db, cli, associationId, { name, orgNumber, kind })).id;
  const tierp = await org("Tierps kommun", "212000-0274", "kommun");
  const fk = await org("Försäkringskassan", "202100-5521", "forsakringskassan");
  const running = async (name: string) =>
    (
      await createInitiative(t.db, cli, associationId, {
        name,
        ownerOrganisationId: tierp,
        partnerIds: [fk],
        status: "pagaende",
        orientation: "individual",
        preRehabilitation: false,
        esf: false,
        startDate: "2026-01-01",
        endDate: "2027-12-31",
        targetGroup: "Unga vuxna",
        expectedParticipantsOngoing: false,
        goals: [{ text: "Till arbete eller studier", kind: "resultatmal", targetPercent: "60" }],
        localUnits: [],
      })
    ).id;
  const led = await running("Tierp, Växtverket");
  const other = await running("Tierp, Lärcentrum");

  const person = async (email: string, role: Role, initiativeId: string | null = null) => {
    const user = await addUser(t.db, cli, { email, name: email.split("@")[0] ?? email });
    await assignRole(t.db, cli, { userId: user.id, associationId, role, initiativeId });
    return (await createApiToken(t.db, cli, { email, scope: "read" })).token;
  };
  tokens.adminRead = await person("admin@uppsala.se", "association_admin");
  tokens.board = await person("styrelse@uppsala.se", "board_member");
  tokens.lead = await person("ledare@uppsala.se", "initiative_lead", led);
  tokens.otherLead = await person("annan@uppsala.se", "initiative_lead", other);
  tokens.steering = await person("styrgrupp@uppsala.se", "steering_group_member", led);
  tokens.coach = await person("coach@uppsala.se", "participant_officer", led);

  await ensurePeriodicReports(t.db, associationId, "2026-05-10");
  const [periodic] = await listPeriodicReports(t.db, associationId, {
    visible: [led],
    periodKey: "2026-K1",
  });
  const deviation = await createDeviationReport(t.db, cli, associationId, led, {
    types: ["budget"],
    description: "Lokalkostnaden blev högre.",
    cause: "",
    consequence: "",
    measures: "",
    request: "ingen",
  });
  const final = await createFinalReport(t.db, cli, associationId, led);
  reports = [
    { path: `${base}/periodic-reports/${periodic?.id}`, name: "Kvartalsrapport" },
    { path: `${base}/deviation-reports/${deviation}`, name: "Avvikelserapport" },
    { path: `${base}/final-reports/${final.id}`, name: "Slutrapport" },
  ];
});
afterAll(() => t?.drop());

const get = (url: string, token?: string) =>
  app.request(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });

describe("the reports as documents", () => {
  it("are Word documents and PDFs for the office, the board, the lead and the steering group", async () => {
    for (const { path, name } of reports) {
      const pdf = await get(`${path}/document?format=pdf`, tokens.lead);
      expect({ path, status: pdf.status }).toEqual({ path, status: 200 });
      expect(pdf.headers.get("content-type")).toBe("application/pdf");
      expect(pdf.headers.get("cache-control")).toBe("private, no-store");
      expect(pdf.headers.get("content-disposition")).toMatch(
        new RegExp(`^attachment; filename="${name}-[^"]+\\.pdf"; filename\\*=UTF-8''\\S+\\.pdf$`),
      );
      const text = squash((await pdfText(Buffer.from(await pdf.arrayBuffer()))).pages.join(""));
      expect(text).toContain(squash(name));
      expect(text).toContain(squash("Tierp, Växtverket"));
      for (const token of [tokens.adminRead, tokens.board, tokens.steering]) {
        const docx = await get(`${path}/document?format=docx`, token);
        expect({ path, status: docx.status }).toEqual({ path, status: 200 });
        const zip = await JSZip.loadAsync(Buffer.from(await docx.arrayBuffer()));
        expect(await zip.file("word/document.xml")?.async("string")).toContain(name);
      }
    }
  });

  it("answer 404 for a report the caller may not see or that does not exist, as alike", async () => {
    for (const { path } of reports) {
      const notTheirs = await get(`${path}/document?format=pdf`, tokens.otherLead);
      expect({ path, status: notTheirs.status }).toEqual({ path, status: 404 });
      expect(notTheirs.headers.get("content-type")).toBe("application/problem+json");
      const missing = await get(
        `${path.replace(/[^/]+$/, "00000000-0000-4000-8000-000000000000")}/document?format=pdf`,
        tokens.adminRead,
      );
      expect(missing.status).toBe(404);
      expect((await missing.json()).detail).toBe((await notTheirs.json()).detail);
      const foreign = await get(
        `${path.replace("uppsala-lan", "annat")}/document?format=pdf`,
        tokens.adminRead,
      );
      expect(foreign.status).toBe(404);
    }
  });

  it("refuse a role without reports, an unknown format and a missing key", async () => {
    for (const { path } of reports) {
      // a role without reports: as if the report did not exist
      expect((await get(`${path}/document?format=pdf`, tokens.coach)).status).toBe(404);
      const odt = await get(`${path}/document?format=odt`, tokens.adminRead);
      expect(odt.status).toBe(400);
      expect((await odt.json()).errors).toEqual([
        { field: "format", message: "Fältet format ska vara ett av: docx, pdf." },
      ]);
      expect((await get(`${path}/document?format=pdf`)).status).toBe(401);
    }
  });
});
