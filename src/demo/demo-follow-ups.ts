// The demo's follow-up reports (domain/follow-up.md): the second half of 2025, written and
// locked by the office for the board's meeting in February 2026 — so the board has a report to
// read and table 8 of the next one has something to compare with — and the first half of 2026
// as the office's draft, waiting for its analysis and its lock (the journey of
// tests/e2e/follow-up.test.ts). Both go through the same use cases as the office's pages; the
// locked one is computed from the demo's own data, as it stood at the end of 2025.
import { and, asc, eq } from "drizzle-orm";
import { associations } from "../associations/schema.ts";
import type { AuditActor } from "../audit/record-audit-event.ts";
import { followUps, followUpVersions } from "../follow-up/schema.ts";
import {
  createFollowUp,
  draftOf,
  getFollowUp,
  listFollowUps,
  saveFollowUpTexts,
} from "../follow-up/store.ts";
import { lockFollowUpVersion } from "../follow-up/store-report.ts";
import { roleAssignments, users } from "../people/schema.ts";
import type { Db } from "../platform/database/connect.ts";
import { swedishTime } from "./demo-time.ts";

const LOCKED_ANALYSIS = `Andra halvåret 2025 var det första med deltagarregistret i Samspår. Insatserna mot arbete och studier når i stort sett sina mål, medan de förrehabiliterande insatserna tar längre tid än planerat på sig att skriva in deltagare.

Kansliet följer särskilt upp

- förbrukningen i de insatser som ligger under normalintervallet, där vakanser är den vanligaste orsaken, och
- andelen deltagare med handlingsplan i de förrehabiliterande insatserna, som ska vara minst 80 procent.

Styrelsen föreslås ta emot uppföljningen och lägga den till handlingarna.`;

/**
 * Creates the demo association's two follow-ups: the first one locked, the second a draft.
 * Runs after the demo's own transaction has committed, on the database itself: locking computes
 * the report, and the register's statistics in it run in transactions of their own (a
 * transaction shared with other queries would run those as the register's role). Does nothing
 * when the association has follow-ups already.
 */
export async function seedDemoFollowUps(db: Db, slug = "demo"): Promise<void> {
  const [association] = await db
    .select({ id: associations.id })
    .from(associations)
    .where(eq(associations.slug, slug));
  if (!association) throw new Error(`no association ${slug}`);
  const associationId = association.id;
  if ((await listFollowUps(db, associationId)).length > 0) return;
  // the office: the association's first administrator, as the demo made them
  const [admin] = await db
    .select({ id: users.id, email: users.email })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(roleAssignments.associationId, associationId),
        eq(roleAssignments.role, "association_admin"),
      ),
    )
    .orderBy(asc(roleAssignments.createdAt))
    .limit(1);
  if (!admin) throw new Error("the demo has no office");
  const office: AuditActor = { userId: admin.id, label: admin.email };

  const created = await createFollowUp(db, office, associationId, {
    from: "2025-07-01",
    to: "2025-12-31",
  });
  const draft = draftOf(created);
  if (!draft) throw new Error("demo follow-up without a draft");
  const saved = await saveFollowUpTexts(db, office, associationId, draft.id, draft.version, {
    analysis: LOCKED_ANALYSIS,
  });
  // dated as the office worked on it, before the board's meeting (a draft may still change)
  await db
    .update(followUps)
    .set({ createdAt: swedishTime("2026-01-27", "09:05") })
    .where(eq(followUps.id, created.id));
  await db
    .update(followUpVersions)
    .set({
      createdAt: swedishTime("2026-01-27", "09:05"),
      updatedAt: swedishTime("2026-02-03", "14:20"),
    })
    .where(eq(followUpVersions.id, draft.id));
  const followUp = await getFollowUp(db, associationId, created.id);
  if (!followUp) throw new Error("demo follow-up lost");
  await lockFollowUpVersion(
    db,
    office,
    followUp,
    draft.id,
    saved.version,
    swedishTime("2026-02-05", "11:30"),
  );

  const next = await createFollowUp(db, office, associationId, {
    from: "2026-01-01",
    to: "2026-06-30",
  });
  const when = swedishTime("2026-08-17", "10:40");
  await db.update(followUps).set({ createdAt: when }).where(eq(followUps.id, next.id));
  await db
    .update(followUpVersions)
    .set({ createdAt: when, updatedAt: when })
    .where(eq(followUpVersions.followUpId, next.id));
}
