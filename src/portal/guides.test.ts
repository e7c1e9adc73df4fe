// Stöd on a real database: staff write, edit, publish and remove guides (stale versions refused,
// nothing half-saved, every change audited); who may write where; and what a participant sees:
// only published guides of their own association and of the initiatives they take part in, in
// their language or else in Swedish.
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { loadPrincipal, type Principal } from "../access/principal.ts";
import { auditEvents } from "../audit/schema.ts";
import { addUser } from "../people/add-user.ts";
import { assignRole } from "../people/assign-role.ts";
import { ConflictError, NotFoundError, ValidationError } from "../platform/errors.ts";
import { type RegisterFixture, registerFixture } from "../register/register-fixture.ts";
import {
  createGuide,
  type GuideInput,
  getGuideForStaff,
  guideBlocks,
  guideForParticipant,
  guidesForParticipant,
  guideTextFor,
  listGuidesForStaff,
  removeGuide,
  setGuidePublished,
  updateGuide,
} from "./guides.ts";
import { portalAccountFixture } from "./portal-account.fixture.ts";
import { portalGuides } from "./schema.ts";

const actor = { userId: null, label: "test" };
let t: TestDatabase;
let f: RegisterFixture;
let other: RegisterFixture;
let lead: Principal;

beforeAll(async () => {
  t = await createTestDatabase();
  f = await registerFixture(t.db, "stod");
  other = await registerFixture(t.db, "annat");
  const user = await addUser(t.db, actor, { email: "lena.lead@example.se", name: "Lena Lead" });
  await assignRole(t.db, actor, {
    userId: user.id,
    associationId: f.associationId,
    role: "initiative_lead",
    initiativeId: f.tierp.initiative,
  });
  const principal = await loadPrincipal(t.db, user.id, { type: "session" });
  if (!principal) throw new Error("no principal");
  lead = principal;
});
afterAll(() => t?.drop());

const input = (over: Partial<GuideInput> = {}): GuideInput => ({
  category: "digitalt",
  initiativeId: null,
  position: "0",
  texts: {
    sv: {
      title: "Så loggar du in",
      body: "Du får en kod av din coach.\n\n- Skriv koden\n- Tryck på Logga in",
    },
    ...over.texts,
  },
  ...Object.fromEntries(Object.entries(over).filter(([k]) => k !== "texts")),
});

const guideCount = async () => (await t.db.select({ n: count() }).from(portalGuides))[0]?.n ?? 0;
const auditOf = async (id: string) =>
  (
    await t.db
      .select({ action: auditEvents.action, details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.targetType, "portal_guide"), eq(auditEvents.targetId, id)))
      .orderBy(auditEvents.seq)
  ).map((e) => e.action);

const portalAccount = async (fixture: RegisterFixture, initiativeId: string) =>
  (await portalAccountFixture(t.db, fixture, initiativeId, "ar")).account;

describe("writing guides", () => {
  it("creates, edits, publishes, unpublishes and removes a guide, each change audited", async () => {
    const guide = await createGuide(t.db, actor, f.admin, f.associationId, input());
    expect(guide).toMatchObject({ published: false, version: 1, category: "digitalt" });
    expect(guide.texts.sv?.body).toContain("- Skriv koden");

    const edited = await updateGuide(
      t.db,
      actor,
      f.admin,
      f.associationId,
      guide.id,
      1,
      input({
        category: "videomote",
        texts: {
          sv: { title: "Videomöte", body: "Klicka på länken." },
          ar: { title: "اجتماع فيديو", body: "اضغط على الرابط." },
        },
      }),
    );
    expect(edited).toMatchObject({ version: 2, category: "videomote" });
    expect(Object.keys(edited.texts).sort()).toEqual(["ar", "sv"]);

    const published = await setGuidePublished(
      t.db,
      actor,
      f.admin,
      f.associationId,
      guide.id,
      2,
      true,
    );
    expect(published).toMatchObject({ published: true, version: 3 });
    await setGuidePublished(t.db, actor, f.admin, f.associationId, guide.id, 3, false);
    await removeGuide(t.db, actor, f.admin, f.associationId, guide.id, 4);
    expect(await t.db.select().from(portalGuides).where(eq(portalGuides.id, guide.id))).toEqual([]);
    expect(await auditOf(guide.id)).toEqual([
      "portal_guide.created",
      "portal_guide.updated",
      "portal_guide.published",
      "portal_guide.unpublished",
      "portal_guide.removed",
    ]);
  });

  it("refuses a stale version and keeps the other person's text", async () => {
    const guide = await createGuide(t.db, actor, f.admin, f.associationId, input());
    await updateGuide(
      t.db,
      actor,
      f.admin,
      f.associationId,
      guide.id,
      1,
      input({
        texts: { sv: { title: "Först", body: "Den första ändringen." } },
      }),
    );
    await expect(
      updateGuide(
        t.db,
        actor,
        f.admin,
        f.associationId,
        guide.id,
        1,
        input({
          texts: { sv: { title: "Sen", body: "Den andra ändringen." } },
        }),
      ),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      setGuidePublished(t.db, actor, f.admin, f.associationId, guide.id, 1, true),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      removeGuide(t.db, actor, f.admin, f.associationId, guide.id, 1),
    ).rejects.toBeInstanceOf(ConflictError);
    const stored = await getGuideForStaff(t.db, f.admin, f.associationId, guide.id);
    expect(stored).toMatchObject({ version: 2, published: false });
    expect(stored.texts.sv?.title).toBe("Först");
  });

  it("refuses bad input in Swedish and stores nothing", async () => {
    const before = await guideCount();
    const refused = (over: Partial<GuideInput>) =>
      createGuide(t.db, actor, f.admin, f.associationId, input(over)).then(
        () => {
          throw new Error("accepted");
        },
        (error: unknown) => {
          expect(error).toBeInstanceOf(ValidationError);
          return (error as ValidationError).fields;
        },
      );
    expect(await refused({ texts: { sv: { title: "", body: "" } } })).toMatchObject({
      "title-sv": expect.stringContaining("rubrik på svenska"),
      "body-sv": expect.stringContaining("text på svenska"),
    });
    expect(
      await refused({ texts: { sv: { title: "x".repeat(121), body: "Text" } } }),
    ).toMatchObject({ "title-sv": expect.stringContaining("högst 120 tecken") });
    expect(
      await refused({ texts: { sv: { title: "Rubrik", body: "x".repeat(5001) } } }),
    ).toMatchObject({ "body-sv": expect.stringContaining("högst 5 000 tecken") });
    expect(
      await refused({
        texts: { sv: { title: "Rubrik", body: "Text" }, so: { title: "Cinwaan", body: "  " } },
      }),
    ).toEqual({ "body-so": expect.stringContaining("på somaliska") });
    expect(
      await refused({
        texts: { sv: { title: "Rubrik", body: "Text" }, ti: { title: "", body: "ጽሑፍ" } },
      }),
    ).toEqual({ "title-ti": expect.stringContaining("rubrik på tigrinja") });
    expect(await refused({ category: "matlagning" })).toHaveProperty("category");
    expect(await refused({ position: "-1" })).toHaveProperty("position");
    expect(await refused({ initiativeId: other.tierp.initiative })).toHaveProperty("initiativeId");
    expect(await guideCount()).toBe(before);
  });
});

describe("who may write guides", () => {
  it("lets the office write for the association, an initiative's lead and officers only on theirs", async () => {
    // the lead and the coach may not write for the whole association
    for (const principal of [lead, f.officers.tierp]) {
      await expect(
        createGuide(t.db, actor, principal, f.associationId, input()),
      ).rejects.toMatchObject({ fields: { initiativeId: expect.stringContaining("kansli") } });
    }
    // nor for another initiative
    await expect(
      createGuide(t.db, actor, lead, f.associationId, input({ initiativeId: f.heby.initiative })),
    ).rejects.toBeInstanceOf(ValidationError);
    // the auditor writes nowhere
    await expect(
      createGuide(
        t.db,
        actor,
        f.auditor,
        f.associationId,
        input({ initiativeId: f.tierp.initiative }),
      ),
    ).rejects.toBeInstanceOf(ValidationError);

    const own = await createGuide(
      t.db,
      actor,
      lead,
      f.associationId,
      input({ initiativeId: f.tierp.initiative }),
    );
    // the initiative's participant officer may edit it; Heby's officer does not see it
    await updateGuide(
      t.db,
      actor,
      f.officers.tierp,
      f.associationId,
      own.id,
      1,
      input({
        initiativeId: f.tierp.initiative,
      }),
    );
    await expect(
      setGuidePublished(t.db, actor, f.officers.heby, f.associationId, own.id, 2, true),
    ).rejects.toBeInstanceOf(NotFoundError);
    // a guide of the whole association is not the lead's to change
    const common = await createGuide(t.db, actor, f.admin, f.associationId, input());
    await expect(
      removeGuide(t.db, actor, lead, f.associationId, common.id, 1),
    ).rejects.toBeInstanceOf(NotFoundError);
    // moving their guide to the whole association is refused too
    await expect(
      updateGuide(t.db, actor, lead, f.associationId, own.id, 2, input({ initiativeId: null })),
    ).rejects.toBeInstanceOf(ValidationError);

    const leadSees = (await listGuidesForStaff(t.db, lead, f.associationId)).flatMap((g) =>
      g.guides.map((x) => x.id),
    );
    expect(leadSees).toContain(own.id);
    expect(leadSees).not.toContain(common.id);
    const hebySees = (await listGuidesForStaff(t.db, f.officers.heby, f.associationId)).flatMap(
      (g) => g.guides.map((x) => x.id),
    );
    expect(hebySees).not.toContain(own.id);
    expect(await listGuidesForStaff(t.db, f.auditor, f.associationId)).toEqual([]);
  });
});

describe("what a participant sees", () => {
  it("sees only published guides of their association and initiatives, in their language or Swedish", async () => {
    await t.db.delete(portalGuides);
    const make = async (
      principal: Principal,
      associationId: string,
      over: Partial<GuideInput>,
      publish: boolean,
    ) => {
      const g = await createGuide(t.db, actor, principal, associationId, input(over));
      if (publish) await setGuidePublished(t.db, actor, principal, associationId, g.id, 1, true);
      return g.id;
    };
    const forAll = await make(
      f.admin,
      f.associationId,
      {
        category: "studieteknik",
        texts: {
          sv: { title: "Plugga smart", body: "Ta pauser." },
          ar: { title: "ادرس بذكاء", body: "خذ استراحات." },
        },
      },
      true,
    );
    const forTierp = await make(
      lead,
      f.associationId,
      { category: "svenska", initiativeId: f.tierp.initiative },
      true,
    );
    const draft = await make(f.admin, f.associationId, { category: "ovrigt" }, false);
    const forHeby = await make(
      f.officers.heby,
      f.associationId,
      { initiativeId: f.heby.initiative },
      true,
    );
    const otherAssociation = await make(other.admin, other.associationId, {}, true);

    const account = await portalAccount(f, f.tierp.initiative);
    const groups = await guidesForParticipant(t.db, account);
    expect(groups.map((g) => g.category)).toEqual(["svenska", "studieteknik"]);
    const seen = groups.flatMap((g) => g.guides.map((x) => x.id));
    expect(seen.sort()).toEqual([forAll, forTierp].sort());
    for (const hidden of [draft, forHeby, otherAssociation])
      expect(await guideForParticipant(t.db, account, hidden)).toBeUndefined();

    // in Arabic when the guide has it, else the Swedish, marked as only Swedish
    const own = await guideForParticipant(t.db, account, forAll);
    if (!own) throw new Error("not seen");
    expect(guideTextFor(own.texts, account.locale)).toMatchObject({
      locale: "ar",
      onlySwedish: false,
      text: { title: "ادرس بذكاء" },
    });
    const swedish = await guideForParticipant(t.db, account, forTierp);
    if (!swedish) throw new Error("not seen");
    expect(guideTextFor(swedish.texts, "ar")).toMatchObject({ locale: "sv", onlySwedish: true });
    expect(guideTextFor(swedish.texts, "sv")).toMatchObject({ locale: "sv", onlySwedish: false });

    // a participant of Heby sees Heby's guide and the common one, not Tierp's
    const heby = await portalAccount(f, f.heby.initiative);
    const hebySeen = (await guidesForParticipant(t.db, heby)).flatMap((g) =>
      g.guides.map((x) => x.id),
    );
    expect(hebySeen.sort()).toEqual([forAll, forHeby].sort());

    // unpublishing hides it again
    await setGuidePublished(t.db, actor, f.admin, f.associationId, forAll, 2, false);
    expect(await guideForParticipant(t.db, account, forAll)).toBeUndefined();
  });
});

describe("a guide's body", () => {
  it("becomes paragraphs and lists, never HTML", () => {
    expect(
      guideBlocks("Rad ett\nrad två\n\n- första\n- <b>andra</b>\nEfter listan\n\n\nSist"),
    ).toEqual([
      { kind: "p", lines: ["Rad ett", "rad två"] },
      { kind: "ul", items: ["första", "<b>andra</b>"] },
      { kind: "p", lines: ["Efter listan"] },
      { kind: "p", lines: ["Sist"] },
    ]);
  });
});
