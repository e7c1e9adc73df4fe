// Stöd: short guides staff write for the participants (issue 9; domain/portal.md). A guide is
// the association's (for every initiative) or one initiative's, has a category, a Swedish text
// and any of the portal's other languages, and is seen by participants once published.
//
// Who writes: the office on the whole association, an initiative's lead and participant
// officers on their own initiative ("portal.guides"). A guide someone may not touch is
// answered as if it did not exist. Edits carry the version they were read at.
import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import type { Principal } from "../access/principal.ts";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import { initiatives } from "../initiatives/schema.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { ConflictError, NotFoundError, ValidationError } from "../platform/errors.ts";
import { isUuid } from "../platform/uuid.ts";
import type { PortalAccount } from "./accounts.ts";
import type { GuideTexts } from "./guide-text.ts";
import { LANGUAGE_IN_SWEDISH, PORTAL_LOCALES, type PortalLocale } from "./locales.ts";
import { GUIDE_CATEGORIES, type GuideCategory, type GuideText, portalGuides } from "./schema.ts";
import {
  checkWritingTarget,
  mayWriteFor,
  writingInitiativeChoices,
  writingScopesOf,
} from "./staff-writing.ts";

export const GUIDE_TITLE_MAX = 120;
export const GUIDE_BODY_MAX = 5000;
export const GUIDE_POSITION_MAX = 999;

/** What the staff's form sends: every language's title and body as typed (blank = none). */
export interface GuideInput {
  category: string;
  /** "" or null: the whole association. */
  initiativeId: string | null;
  texts: Partial<Record<PortalLocale, { title?: string; body?: string }>>;
  position?: string | number;
}

export type Guide = typeof portalGuides.$inferSelect;

/** The form's field names, which the error summary links to. */
export const guideField = (locale: PortalLocale, part: "title" | "body") => `${part}-${locale}`;

export { isUuid };

/** Text as stored: Windows line ends made plain, trailing spaces and outer blank lines gone. */
const tidy = (value: string | undefined) =>
  (value ?? "")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .trim();

interface ValidGuide {
  category: GuideCategory;
  initiativeId: string | null;
  texts: GuideTexts;
  position: number;
}

function validate(input: GuideInput): ValidGuide {
  const problems: Record<string, string> = {};
  const category = (GUIDE_CATEGORIES as readonly string[]).includes(input.category)
    ? (input.category as GuideCategory)
    : undefined;
  if (!category) problems.category = "Välj vilken sorts stöd guiden ger.";

  const texts: Partial<Record<PortalLocale, GuideText>> = {};
  for (const locale of PORTAL_LOCALES) {
    const raw = input.texts[locale];
    const title = (raw?.title ?? "").replace(/\s+/g, " ").trim();
    const body = tidy(raw?.body);
    const language = LANGUAGE_IN_SWEDISH[locale];
    const titleField = guideField(locale, "title");
    const bodyField = guideField(locale, "body");
    if (locale === "sv") {
      if (!title) problems[titleField] = "Skriv en rubrik på svenska. Varje guide behöver svenska.";
      if (!body)
        problems[bodyField] = "Skriv guidens text på svenska. Varje guide behöver svenska.";
    } else if (title && !body) {
      problems[bodyField] =
        `Skriv texten på ${language}, eller ta bort rubriken på ${language} om guiden inte ska finnas på ${language}.`;
    } else if (body && !title) {
      problems[titleField] =
        `Skriv en rubrik på ${language}, eller ta bort texten på ${language} om guiden inte ska finnas på ${language}.`;
    }
    if (title.length > GUIDE_TITLE_MAX)
      problems[titleField] =
        `Rubriken på ${language} får ha högst ${GUIDE_TITLE_MAX} tecken. Nu har den ${title.length}.`;
    if (body.length > GUIDE_BODY_MAX)
      problems[bodyField] =
        `Texten på ${language} får ha högst 5 000 tecken. Nu har den ${body.length.toLocaleString("sv-SE")}. Dela upp den i två guider eller korta den.`;
    if (title && body) texts[locale] = { title, body };
  }

  const positionText = String(input.position ?? "").trim();
  const position = positionText === "" ? 0 : Number(positionText);
  if (!/^\d+$/.test(positionText || "0") || position > GUIDE_POSITION_MAX)
    problems.position = `Skriv ordningen som ett heltal mellan 0 och ${GUIDE_POSITION_MAX}. Lägre tal visas först.`;

  const initiativeId = input.initiativeId?.trim() ? input.initiativeId.trim() : null;
  if (initiativeId !== null && !isUuid(initiativeId))
    problems.initiativeId = "Välj vilka deltagare guiden är för: hela förbundet eller en insats.";

  if (Object.keys(problems).length || !category || !texts.sv) throw new ValidationError(problems);
  return { category, initiativeId, texts: texts as GuideTexts, position };
}

/** May this person write guides for the whole association (null) or for one initiative? */
export const mayWriteGuides = (
  principal: Principal,
  associationId: string,
  initiativeId: string | null,
): boolean => mayWriteFor(principal, "portal.guides", associationId, initiativeId);

/**
 * Where this person may write guides: "all" (the office), or the initiatives of the
 * association they lead or work with participants on. An empty list: nowhere.
 */
export const guideScopesOf = (principal: Principal, associationId: string): "all" | string[] =>
  writingScopesOf(principal, "portal.guides", associationId);

/** The initiatives a guide may be written for by this person, with their names. */
export const guideInitiativeChoices = (q: Queryable, principal: Principal, associationId: string) =>
  writingInitiativeChoices(q, principal, "portal.guides", associationId);

const checkTarget = (
  q: Queryable,
  principal: Principal,
  associationId: string,
  initiativeId: string | null,
) => checkWritingTarget(q, principal, "portal.guides", associationId, initiativeId, "guider");

/** A guide this person may work on, locked for the change; otherwise "not found". */
async function guideToChange(
  q: Queryable,
  principal: Principal,
  associationId: string,
  guideId: string,
  expectedVersion: number,
): Promise<Guide> {
  if (!isUuid(guideId)) throw new NotFoundError("Guiden finns inte.");
  const [current] = await q
    .select()
    .from(portalGuides)
    .where(and(eq(portalGuides.id, guideId), eq(portalGuides.associationId, associationId)))
    .for("update");
  if (!current || !mayWriteGuides(principal, associationId, current.initiativeId))
    throw new NotFoundError("Guiden finns inte, eller så får du inte ändra den.");
  if (current.version !== expectedVersion)
    throw new ConflictError(
      "Någon annan har ändrat guiden medan du arbetade. Ladda om sidan, läs ändringarna och gör din ändring igen.",
    );
  return current;
}

const languagesOf = (texts: Partial<Record<PortalLocale, GuideText>>) =>
  PORTAL_LOCALES.filter((l) => texts[l]);

export async function createGuide(
  q: Queryable,
  actor: AuditActor,
  principal: Principal,
  associationId: string,
  input: GuideInput,
): Promise<Guide> {
  const values = validate(input);
  return q.transaction(async (tx) => {
    await checkTarget(tx, principal, associationId, values.initiativeId);
    const [row] = await tx
      .insert(portalGuides)
      .values({ ...values, associationId, published: false, updatedByName: principal.name })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    await recordAuditEvent(tx, actor, {
      action: "portal_guide.created",
      associationId,
      targetType: "portal_guide",
      targetId: row.id,
      details: {
        category: values.category,
        initiativeId: values.initiativeId,
        title: values.texts.sv.title,
        languages: languagesOf(values.texts),
      },
    });
    return row;
  });
}

export async function updateGuide(
  q: Queryable,
  actor: AuditActor,
  principal: Principal,
  associationId: string,
  guideId: string,
  expectedVersion: number,
  input: GuideInput,
): Promise<Guide> {
  const values = validate(input);
  return q.transaction(async (tx) => {
    const current = await guideToChange(tx, principal, associationId, guideId, expectedVersion);
    if (values.initiativeId !== current.initiativeId)
      await checkTarget(tx, principal, associationId, values.initiativeId);
    const [row] = await tx
      .update(portalGuides)
      .set({
        ...values,
        updatedByName: principal.name,
        updatedAt: new Date(),
        version: current.version + 1,
      })
      .where(eq(portalGuides.id, current.id))
      .returning();
    if (!row) throw new Error("update returned nothing");
    const changedLanguages = PORTAL_LOCALES.filter(
      (l) => JSON.stringify(current.texts[l] ?? null) !== JSON.stringify(values.texts[l] ?? null),
    );
    await recordAuditEvent(tx, actor, {
      action: "portal_guide.updated",
      associationId,
      targetType: "portal_guide",
      targetId: row.id,
      details: {
        title: values.texts.sv.title,
        languages: languagesOf(values.texts),
        changedLanguages,
        ...(current.category !== values.category
          ? { category: { from: current.category, to: values.category } }
          : {}),
        ...(current.initiativeId !== values.initiativeId
          ? { initiativeId: { from: current.initiativeId, to: values.initiativeId } }
          : {}),
        ...(current.position !== values.position
          ? { position: { from: current.position, to: values.position } }
          : {}),
      },
    });
    return row;
  });
}

/** Publishing shows the guide to the participants; unpublishing hides it again. */
export async function setGuidePublished(
  q: Queryable,
  actor: AuditActor,
  principal: Principal,
  associationId: string,
  guideId: string,
  expectedVersion: number,
  published: boolean,
): Promise<Guide> {
  return q.transaction(async (tx) => {
    const current = await guideToChange(tx, principal, associationId, guideId, expectedVersion);
    const [row] = await tx
      .update(portalGuides)
      .set({
        published,
        updatedByName: principal.name,
        updatedAt: new Date(),
        version: current.version + 1,
      })
      .where(eq(portalGuides.id, current.id))
      .returning();
    if (!row) throw new Error("update returned nothing");
    await recordAuditEvent(tx, actor, {
      action: published ? "portal_guide.published" : "portal_guide.unpublished",
      associationId,
      targetType: "portal_guide",
      targetId: row.id,
      details: { title: current.texts.sv?.title ?? "" },
    });
    return row;
  });
}

export async function removeGuide(
  q: Queryable,
  actor: AuditActor,
  principal: Principal,
  associationId: string,
  guideId: string,
  expectedVersion: number,
): Promise<void> {
  await q.transaction(async (tx) => {
    const current = await guideToChange(tx, principal, associationId, guideId, expectedVersion);
    await tx.delete(portalGuides).where(eq(portalGuides.id, current.id));
    await recordAuditEvent(tx, actor, {
      action: "portal_guide.removed",
      associationId,
      targetType: "portal_guide",
      targetId: current.id,
      details: {
        title: current.texts.sv?.title ?? "",
        category: current.category,
        initiativeId: current.initiativeId,
        wasPublished: current.published,
      },
    });
  });
}

// ── Reading ──────────────────────────────────────────────────────────────────────────────────

const order = [asc(portalGuides.category), asc(portalGuides.position), asc(portalGuides.createdAt)];

/** Sorts guides by category (in the categories' order), position and Swedish title. */
function byCategory<T extends { category: GuideCategory; position: number; texts: unknown }>(
  rows: T[],
): { category: GuideCategory; guides: T[] }[] {
  const title = (row: T) => (row.texts as { sv?: GuideText }).sv?.title ?? "";
  return GUIDE_CATEGORIES.map((category) => ({
    category,
    guides: rows
      .filter((r) => r.category === category)
      .sort((a, b) => a.position - b.position || title(a).localeCompare(title(b), "sv")),
  })).filter((group) => group.guides.length > 0);
}

/** The guides this person may work on (all for the office), grouped by category. */
export async function listGuidesForStaff(
  q: Queryable,
  principal: Principal,
  associationId: string,
) {
  const scopes = guideScopesOf(principal, associationId);
  if (scopes !== "all" && scopes.length === 0) return [];
  const rows = await q
    .select({
      id: portalGuides.id,
      category: portalGuides.category,
      initiativeId: portalGuides.initiativeId,
      initiativeName: initiatives.name,
      texts: portalGuides.texts,
      published: portalGuides.published,
      position: portalGuides.position,
      updatedByName: portalGuides.updatedByName,
      updatedAt: portalGuides.updatedAt,
    })
    .from(portalGuides)
    .leftJoin(initiatives, eq(initiatives.id, portalGuides.initiativeId))
    .where(
      scopes === "all"
        ? eq(portalGuides.associationId, associationId)
        : and(
            eq(portalGuides.associationId, associationId),
            inArray(portalGuides.initiativeId, scopes),
          ),
    )
    .orderBy(...order);
  return byCategory(rows);
}

/** One guide for editing, if this person may work on it. */
export async function getGuideForStaff(
  q: Queryable,
  principal: Principal,
  associationId: string,
  guideId: string,
): Promise<Guide> {
  if (!isUuid(guideId)) throw new NotFoundError("Guiden finns inte.");
  const [row] = await q
    .select()
    .from(portalGuides)
    .where(and(eq(portalGuides.id, guideId), eq(portalGuides.associationId, associationId)));
  if (!row || !mayWriteGuides(principal, associationId, row.initiativeId))
    throw new NotFoundError("Guiden finns inte, eller så får du inte ändra den.");
  return row;
}

export interface ParticipantGuide {
  id: string;
  category: GuideCategory;
  texts: GuideTexts;
}

const participantGuideFilter = (account: Pick<PortalAccount, "associationId" | "initiativeIds">) =>
  and(
    eq(portalGuides.associationId, account.associationId),
    eq(portalGuides.published, true),
    account.initiativeIds.length
      ? or(
          isNull(portalGuides.initiativeId),
          inArray(portalGuides.initiativeId, account.initiativeIds),
        )
      : isNull(portalGuides.initiativeId),
  );

/**
 * What a participant sees under Stöd: the published guides of their association, those for
 * everyone and those of the initiatives they take part in, grouped by category.
 */
export async function guidesForParticipant(
  q: Queryable,
  account: Pick<PortalAccount, "associationId" | "initiativeIds">,
): Promise<{ category: GuideCategory; guides: ParticipantGuide[] }[]> {
  const rows = await q
    .select({
      id: portalGuides.id,
      category: portalGuides.category,
      texts: portalGuides.texts,
      position: portalGuides.position,
    })
    .from(portalGuides)
    .where(participantGuideFilter(account))
    .orderBy(...order);
  return byCategory(rows).map((group) => ({
    category: group.category,
    guides: group.guides.map((g) => ({
      id: g.id,
      category: g.category,
      texts: g.texts as GuideTexts,
    })),
  }));
}

/** One guide a participant may read, or undefined (unpublished, another initiative's, none). */
export async function guideForParticipant(
  q: Queryable,
  account: Pick<PortalAccount, "associationId" | "initiativeIds">,
  guideId: string,
): Promise<ParticipantGuide | undefined> {
  if (!isUuid(guideId)) return undefined;
  const [row] = await q
    .select({ id: portalGuides.id, category: portalGuides.category, texts: portalGuides.texts })
    .from(portalGuides)
    .where(and(eq(portalGuides.id, guideId), participantGuideFilter(account)));
  return row ? { id: row.id, category: row.category, texts: row.texts as GuideTexts } : undefined;
}

export { type GuideBlock, type GuideTexts, guideBlocks, guideTextFor } from "./guide-text.ts";
