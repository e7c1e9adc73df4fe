// The participant statistics through the API, against a real database: the office and the
// board read protected tables (cells as {value} or {suppressed, reason, display}, shares, the
// count of hidden figures, every row defined); nobody else does — not the participant officer,
// not the initiative lead, not the auditor, not another association; bad periods are refused
// field by field in Swedish; and nothing identifying is ever in the answer.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { todayInSweden } from "../applications/workflow.ts";
import { createAssociation } from "../associations/create-association.ts";
import { saveDisclosureSettings } from "../associations/disclosure-settings.ts";
import { addMemberOrganisation } from "../associations/member-organisations.ts";
import { disclosureSettings } from "../associations/schema.ts";
import { createInitiative } from "../initiatives/save-initiative.ts";
import { addUser } from "../people/add-user.ts";
import { assignRole } from "../people/assign-role.ts";
import { createApiToken } from "../people/create-api-token.ts";
import type { Role } from "../people/roles.ts";
import { createRegisterCrypto } from "../register/crypto.ts";
import { personalNumber } from "../register/register-fixture.ts";
import { enrollments, participants } from "../register/schema.ts";
import { inRegister } from "../register/zone.ts";
import { type ApiApp, createApiTestApp } from "./api-test-client.ts";
import { buildOpenApiDocument } from "./app.ts";

const cli = { userId: null, label: "cli" };
let t: TestDatabase;
let app: ApiApp;
const ids = { association: "", a: "", b: "", foreign: "" };
const tokens = {
  adminRead: "",
  board: "",
  officer: "",
  lead: "",
  auditor: "",
  foreignAdmin: "",
};
const secrets: string[] = [];
const URL = "/associations/statistik/participant-statistics";
const PERIOD = "from=2026-01-01&to=2026-06-30";

async function call(url: string, token?: string) {
  const headers: Record<string, string> = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await app.request(url, { headers });
  const text = await res.text();
  return { res, text, body: text ? JSON.parse(text) : undefined };
}

beforeAll(async () => {
  t = await createTestDatabase();
  ({ app } = createApiTestApp(t));
  ids.association = (
    await createAssociation(t.db, cli, { slug: "statistik", name: "Statistikförbundet" })
  ).id;
  const other = await createAssociation(t.db, cli, { slug: "annat", name: "Annat" });
  const org = async (association: string, name: string, orgNumber: string, kind: string) =>
    (await addMemberOrganisation(t.db, cli, association, { name, orgNumber, kind })).id;
  const tierp = await org(ids.association, "Tierps kommun", "212000-0274", "kommun");
  const heby = await org(ids.association, "Heby kommun", "212000-0332", "kommun");
  const af = await org(ids.association, "Arbetsförmedlingen", "202100-2114", "arbetsformedlingen");
  const initiative = async (association: string, name: string, owner: string, partner: string) =>
    (
      await createInitiative(t.db, cli, association, {
        name,
        ownerOrganisationId: owner,
        partnerIds: [partner],
        status: "pagaende",
        orientation: "individual",
        preRehabilitation: false,
        esf: false,
        startDate: "2024-01-01",
        endDate: "2027-12-31",
        targetGroup: "Unga vuxna",
        expectedParticipantsOngoing: false,
        goals: [],
        localUnits: [],
      })
    ).id;
  ids.a = await initiative(ids.association, "Tierp, Växtverket", tierp, af);
  ids.b = await initiative(ids.association, "Heby, Steget", heby, af);
  const otherOwner = await org(other.id, "Tierps kommun", "212000-0274", "kommun");
  const otherPartner = await org(
    other.id,
    "Arbetsförmedlingen",
    "202100-2114",
    "arbetsformedlingen",
  );
  ids.foreign = await initiative(other.id, "Främmande", otherOwner, otherPartner);

  // A: 7 women and 6 men, started 2026-02-01 and still enrolled (hela insatstiden 7 / 6 / 13).
  // B: 2 women and 1 man started 2026-03-01, one woman of them exited to work 2026-05-31.
  const crypto = createRegisterCrypto(randomBytes(32));
  const enroll = async (
    controller: string,
    initiativeId: string,
    people: Array<{ gender: "kvinna" | "man"; exit?: string }>,
    start: string,
  ) =>
    inRegister(t.db, { controllers: [controller], initiatives: [initiativeId] }, async (tx) => {
      for (const [i, person] of people.entries()) {
        const number = personalNumber(
          `19${80 + i}0${(i % 9) + 1}1${i % 10}`,
          String(200 + i),
        ).replace("-", "");
        const name = `Namn${i} Efternamnsson${initiativeId.slice(0, 4)}`;
        const sealed = crypto.encrypt(number);
        const lookup = crypto.lookupHash(number);
        const sealedName = crypto.encrypt(name);
        const [p] = await tx
          .insert(participants)
          .values({
            associationId: ids.association,
            dataControllerId: controller,
            identityCiphertext: sealed,
            identityLookup: lookup,
            identityKind: "personnummer",
            nameCiphertext: sealedName,
            gender: person.gender,
            birthYear: 1980 + i,
          })
          .returning({ id: participants.id });
        const [e] = await tx
          .insert(enrollments)
          .values({
            participantId: p?.id ?? "",
            associationId: ids.association,
            dataControllerId: controller,
            initiativeId,
            startDate: start,
            background: { education: "gymnasial", supportBefore: ["a_kassa"] },
            endDate: person.exit ?? null,
            exit: person.exit
              ? {
                  status: "arbete_ej_subventionerat",
                  studies: false,
                  extent: null,
                  supportAfter: [],
                  actionPlanAtExit: true,
                }
              : null,
          })
          .returning({ id: enrollments.id });
        secrets.push(number, name, sealed, lookup, sealedName, p?.id ?? "", e?.id ?? "");
        secrets.push(`${number.slice(0, 4)}-${number.slice(4, 6)}-${number.slice(6, 8)}`);
      }
    });
  await enroll(
    tierp,
    ids.a,
    [
      ...Array.from({ length: 7 }, () => ({ gender: "kvinna" as const })),
      ...Array.from({ length: 6 }, () => ({ gender: "man" as const })),
    ],
    "2026-02-01",
  );
  await enroll(
    heby,
    ids.b,
    [{ gender: "kvinna", exit: "2026-05-31" }, { gender: "kvinna" }, { gender: "man" }],
    "2026-03-01",
  );

  const person = async (
    email: string,
    role: Role,
    initiativeId: string | null = null,
    associationId = ids.association,
  ) => {
    const user = await addUser(t.db, cli, { email, name: email.split("@")[0] ?? email });
    await assignRole(t.db, cli, { userId: user.id, associationId, role, initiativeId });
    return (await createApiToken(t.db, cli, { email, scope: "read" })).token;
  };
  tokens.adminRead = await person("kansli@statistik.se", "association_admin");
  tokens.board = await person("styrelse@statistik.se", "board_member");
  tokens.officer = await person("deltagare@statistik.se", "participant_officer", ids.a);
  tokens.lead = await person("ledare@statistik.se", "initiative_lead", ids.a);
  tokens.auditor = await person("revisor@statistik.se", "auditor");
  tokens.foreignAdmin = await person("kansli@annat.se", "association_admin", null, other.id);
}, 60_000);
afterAll(() => t?.drop());

type Cell = { value: number } | { suppressed: true; reason: string; display: string };
type Row = { key: string; definition: string; kvinnor: Cell; man: Cell; totalt: Cell };
type Unit = {
  initiative: { id: string } | null;
  name: string;
  tables: Array<{ key: string; rows: Row[] }>;
  shares: Array<{ key: string; definition: string; share: Record<string, unknown> }>;
};
const rowOf = (unit: Unit | undefined, table: string, key: string): Row => {
  const found = unit?.tables.find((x) => x.key === table)?.rows.find((r) => r.key === key);
  if (!found) throw new Error(`no row ${table}/${key}`);
  return found;
};

describe("reading the statistics", () => {
  it("gives the office protected tables: small counts hidden, the rest shown, every row defined", async () => {
    const { res, body, text } = await call(`${URL}?${PERIOD}`, tokens.adminRead);
    expect(res.status).toBe(200);
    expect(body.period).toEqual({ from: "2026-01-01", to: "2026-06-30" });
    expect(body.threshold).toBe(5);
    expect(body.allowTrueZero).toBe(false);
    expect((body.initiatives as Unit[]).map((u) => u.name)).toEqual([
      "Heby, Steget",
      "Tierp, Växtverket",
    ]);
    const heby = (body.initiatives as Unit[])[0];
    // B: 2 women, 1 man: every count below 5, shown as "< 5"
    expect(rowOf(heby, "deltagare", "hela_insatstiden")).toMatchObject({
      kvinnor: { suppressed: true, reason: "primary", display: "<\u00a05" },
      man: { suppressed: true, reason: "primary", display: "<\u00a05" },
      totalt: { suppressed: true, reason: "primary" },
    });
    // one exit: the share is not shown, for too few in the denominator
    expect(
      heby?.shares.find((s) => s.key === "andel_till_arbete_och_eller_studier")?.share,
    ).toEqual({
      suppressed: true,
      reason: "denominator",
      display: "..",
    });
    // every cell is a value or a reason, never both
    for (const unit of [...(body.initiatives as Unit[]), body.total as Unit]) {
      for (const table of unit.tables) {
        for (const r of table.rows) {
          expect(r.definition.length).toBeGreaterThan(20);
          for (const cell of [r.kvinnor, r.man, r.totalt]) {
            if ("value" in cell) expect(Object.keys(cell)).toEqual(["value"]);
            else expect(["primary", "secondary", "left_out"]).toContain(cell.reason);
          }
        }
      }
    }
    const d = body.disclosure;
    expect(d.suppressedCells).toBe(d.primary + d.secondary + d.sharesNotShown + d.leftOut);
    expect(d.primary).toBeGreaterThan(0);
    expect(d.reasons.join(" ")).toMatch(/visas som ”<\u00a05”/);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/Efternamnsson|Namn\d/);
  });

  it("shows counts of 5 or more for one initiative, and lets the board read too", async () => {
    const { res, body } = await call(`${URL}?${PERIOD}&initiativeId=${ids.a}`, tokens.board);
    expect(res.status).toBe(200);
    const [tierp] = body.initiatives as Unit[];
    expect(tierp?.initiative?.id).toBe(ids.a);
    expect(rowOf(tierp, "deltagare", "hela_insatstiden")).toMatchObject({
      kvinnor: { value: 7 },
      man: { value: 6 },
      totalt: { value: 13 },
    });
    expect(rowOf(tierp, "deltagare", "startade_under_perioden").totalt).toEqual({ value: 13 });
    expect(rowOf(body.total as Unit, "deltagare", "hela_insatstiden").totalt).toEqual({
      value: 13,
    });
    // all 13 have gymnasial education: shown, 13 would say that every other group is 0, and a
    // true 0 is hidden unless the association allows it — so it is hidden too
    expect(rowOf(tierp, "isced", "isced.3_4").totalt).toEqual({
      suppressed: true,
      reason: "secondary",
      display: "..",
    });
    expect(tierp?.shares.find((s) => s.key === "andel_kvinnor")?.share).toEqual({
      ratio: 7 / 13,
      display: "54\u00a0%",
    });
  });

  it("uses the association's own disclosure control, and says which threshold applied", async () => {
    await saveDisclosureSettings(t.db, cli, ids.association, 0, {
      threshold: 10,
      allowTrueZero: false,
    });
    try {
      const { res, body } = await call(`${URL}?${PERIOD}&initiativeId=${ids.a}`, tokens.board);
      expect(res.status).toBe(200);
      expect(body.threshold).toBe(10);
      expect(body.allowTrueZero).toBe(false);
      const [tierp] = body.initiatives as Unit[];
      // the 7 women and 6 men shown above with 5 are below 10 now
      expect(rowOf(tierp, "deltagare", "hela_insatstiden")).toMatchObject({
        kvinnor: { suppressed: true, reason: "primary", display: "<\u00a010" },
        man: { suppressed: true, reason: "primary", display: "<\u00a010" },
      });
      expect(body.disclosure.reasons.join(" ")).toMatch(/färre än 10 personer/);
      // another association keeps its own (the default)
      const other = await call(
        `/associations/annat/participant-statistics?${PERIOD}`,
        tokens.foreignAdmin,
      );
      expect(other.body.threshold).toBe(5);
    } finally {
      await t.db
        .delete(disclosureSettings)
        .where(eq(disclosureSettings.associationId, ids.association));
    }
  });

  it("takes this year up to today when no period is given", async () => {
    const { res, body } = await call(URL, tokens.adminRead);
    expect(res.status).toBe(200);
    const today = todayInSweden();
    expect(body.period).toEqual({ from: `${today.slice(0, 4)}-01-01`, to: today });
  });
});

describe("who may read", () => {
  it("refuses the participant officer, the initiative lead and the auditor", async () => {
    for (const token of [tokens.officer, tokens.lead, tokens.auditor]) {
      const { res, body } = await call(`${URL}?${PERIOD}`, token);
      expect(res.status).toBe(403);
      expect(body.detail).toMatch(/behörighet/);
    }
  });

  it("answers another association and a missing key as if nothing were there", async () => {
    expect((await call(`${URL}?${PERIOD}`, tokens.foreignAdmin)).res.status).toBe(404);
    expect((await call(`${URL}?${PERIOD}`)).res.status).toBe(401);
    const foreign = await call(`${URL}?${PERIOD}&initiativeId=${ids.foreign}`, tokens.adminRead);
    expect(foreign.res.status).toBe(404);
    expect(foreign.body.detail).toMatch(/finns inte i förbundet/);
  });
});

describe("bad requests", () => {
  it("refuses a wrong date, a reversed period and a malformed id, field by field", async () => {
    const fields = (body: { errors: Array<{ field: string; message: string }> }) =>
      Object.fromEntries(body.errors.map((e) => [e.field, e.message]));
    const wrongDate = await call(`${URL}?from=2026-13-01&to=2026-06-30`, tokens.adminRead);
    expect(wrongDate.res.status).toBe(400);
    expect(Object.keys(fields(wrongDate.body))).toEqual(["from"]);
    const reversed = await call(`${URL}?from=2026-07-01&to=2026-06-30`, tokens.adminRead);
    expect(reversed.res.status).toBe(400);
    expect(fields(reversed.body)).toEqual({ to: expect.stringMatching(/ligger före/) });
    const badId = await call(`${URL}?${PERIOD}&initiativeId=inte-ett-id`, tokens.adminRead);
    expect(badId.res.status).toBe(400);
    expect(Object.keys(fields(badId.body))).toEqual(["initiativeId"]);
  });

  it("is described in the OpenAPI document", () => {
    const document = buildOpenApiDocument() as unknown as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(document.paths["/associations/{slug}/participant-statistics"]?.get).toMatchObject({
      operationId: "getParticipantStatistics",
    });
  });
});
