import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { createAssociation } from "../associations/create-association.ts";
import {
  addMemberOrganisation,
  updateMemberOrganisation,
} from "../associations/member-organisations.ts";
import { initiatives } from "../initiatives/schema.ts";
import { mailMessages } from "../mail/schema.ts";
import { createMailer } from "../mail/send-mail.ts";
import { ConflictError, ValidationError } from "../platform/errors.ts";
import { addPersonToAssociation } from "./add-person-to-association.ts";
import { addUser } from "./add-user.ts";
import { assignRole } from "./assign-role.ts";
import { acceptInvitation } from "./invitations.ts";
import { listUsers } from "./list-users.ts";
import { separationOfDutiesConflict } from "./roles.ts";

let t: TestDatabase;
const actor = { userId: null, label: "test" };
let associationId: string;
let initiativeId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  associationId = (await createAssociation(t.db, actor, { slug: "f", name: "Förbundet" })).id;
  const org = await addMemberOrganisation(t.db, actor, associationId, {
    name: "Kommun",
    orgNumber: "212000-0274",
    kind: "kommun",
  });
  const [initiative] = await t.db
    .insert(initiatives)
    .values({ associationId, name: "Insats", ownerOrganisationId: org.id })
    .returning();
  initiativeId = initiative?.id ?? "";
});
afterAll(() => t.drop());

describe("separation of duties", () => {
  it("is symmetric and leaves other combinations alone", () => {
    expect(separationOfDutiesConflict(["association_admin"], "participant_officer")).toBe(
      "association_admin",
    );
    expect(separationOfDutiesConflict(["participant_officer"], "association_admin")).toBe(
      "participant_officer",
    );
    expect(separationOfDutiesConflict(["association_admin"], "board_member")).toBeUndefined();
    expect(separationOfDutiesConflict(["participant"], "auditor")).toBe("participant");
  });

  it("is enforced when roles are assigned, with a Swedish explanation", async () => {
    const user = await addUser(t.db, actor, { email: "anna@example.se", name: "Anna" });
    await assignRole(t.db, actor, { userId: user.id, associationId, role: "association_admin" });
    const error = await assignRole(t.db, actor, {
      userId: user.id,
      associationId,
      role: "participant_officer",
      initiativeId,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields.role).toMatch(/åtskillnad av uppgifter/);
  });

  it("holds under concurrent assignments", async () => {
    const user = await addUser(t.db, actor, { email: "race@example.se", name: "Race" });
    const results = await Promise.allSettled([
      assignRole(t.db, actor, { userId: user.id, associationId, role: "association_admin" }),
      assignRole(t.db, actor, {
        userId: user.id,
        associationId,
        role: "participant_officer",
        initiativeId,
      }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("requires an initiative for initiative roles and refuses one for association roles", async () => {
    const user = await addUser(t.db, actor, { email: "scope@example.se", name: "Scope" });
    await expect(
      assignRole(t.db, actor, { userId: user.id, associationId, role: "initiative_lead" }),
    ).rejects.toThrow(/Välj vilken insats/);
    await expect(
      assignRole(t.db, actor, { userId: user.id, associationId, role: "auditor", initiativeId }),
    ).rejects.toThrow(/hela förbundet/);
  });
});

describe("adding people", () => {
  it("invites someone new by mail, into the outbox when there is no SMTP, and the link works once", async () => {
    const mailer = createMailer({ smtpUrl: undefined, from: "x@y.se", enqueue: async () => {} });
    const result = await addPersonToAssociation(
      t.db,
      actor,
      { mailer, baseUrl: "https://samspar.example" },
      {
        associationId,
        associationName: "Förbundet",
        email: "Ny@Example.se",
        name: "Ny Person",
        role: "board_member",
      },
    );
    expect(result.invited).toBe(true);
    const [mail] = await t.db.select().from(mailMessages);
    expect(mail?.status).toBe("outbox");
    const token = mail?.textBody.match(/valkommen\/(\S+)/)?.[1] ?? "";
    await expect(
      acceptInvitation(t.db, {}, { token, password: "kort", passwordAgain: "kort" }),
    ).rejects.toThrow(/minst 12 tecken/);
    await acceptInvitation(
      t.db,
      {},
      { token, password: "ett-langt-losenord", passwordAgain: "ett-langt-losenord" },
    );
    await expect(
      acceptInvitation(
        t.db,
        {},
        { token, password: "ett-langt-losenord", passwordAgain: "ett-langt-losenord" },
      ),
    ).rejects.toThrow(/redan använts/);
    const listed = await listUsers(t.db, associationId);
    expect(listed.find((p) => p.email === "ny@example.se")?.grants.map((g) => g.role)).toEqual([
      "board_member",
    ]);
  });

  it("never lists participant accounts to the association", async () => {
    const participant = await addUser(t.db, actor, {
      email: "deltagare@example.se",
      name: "Deltagare",
      kind: "participant",
    });
    await assignRole(t.db, actor, {
      userId: participant.id,
      associationId,
      role: "participant",
      initiativeId,
    });
    const listed = await listUsers(t.db, associationId);
    expect(listed.map((p) => p.email)).not.toContain("deltagare@example.se");
  });
});

describe("member organisations", () => {
  it("check the organisation number and refuse a stale edit", async () => {
    await expect(
      addMemberOrganisation(t.db, actor, associationId, {
        name: "X",
        orgNumber: "212000-0275",
        kind: "kommun",
      }),
    ).rejects.toThrow(/kontrollsiffran/);
    await expect(
      addMemberOrganisation(t.db, actor, associationId, {
        name: "X",
        orgNumber: "212000-0274",
        kind: "kommun",
      }),
    ).rejects.toThrow(/finns redan/);
    const org = await addMemberOrganisation(t.db, actor, associationId, {
      name: "Region",
      orgNumber: "2321000024",
      kind: "region",
    });
    expect(org.orgNumber).toBe("232100-0024");
    const input = { name: "Region Uppsala", orgNumber: org.orgNumber, kind: "region" };
    const [a, b] = await Promise.allSettled([
      updateMemberOrganisation(t.db, actor, associationId, org.id, org.version, input),
      updateMemberOrganisation(t.db, actor, associationId, org.id, org.version, {
        ...input,
        name: "Region U",
      }),
    ]);
    expect([a.status, b.status].sort()).toEqual(["fulfilled", "rejected"]);
    const rejected = [a, b].find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ConflictError);
  });
});
