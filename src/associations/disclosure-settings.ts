// The association's disclosure control (röjandekontroll, domain/follow-up.md): the threshold
// below which a count of participants is not published ("< 5"), and whether a true 0 may be
// shown as 0. Every aggregate leaving the participant register uses it (src/register/
// aggregates.ts reads it here); the office changes it at the version it read.
import { eq } from "drizzle-orm";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { ConflictError, ValidationError } from "../platform/errors.ts";
import { DEFAULT_DISCLOSURE_THRESHOLD, disclosureOptionsProblem } from "../register/disclosure.ts";
import {
  DISCLOSURE_THRESHOLD_MAX,
  DISCLOSURE_THRESHOLD_MIN,
  DISCLOSURE_THRESHOLD_OFF,
  disclosureSettings,
} from "./schema.ts";

export interface DisclosureSettings {
  /** Counts 1..threshold−1 are shown as "< threshold"; 0: disclosure control is off. */
  threshold: number;
  /** Whether a true 0 is shown as 0 (otherwise hidden like a small count). */
  allowTrueZero: boolean;
  /** 0 while the association has not saved settings of its own (the defaults apply). */
  version: number;
}

/** The association's settings, or the defaults (threshold 5, zeros hidden) when it has none. */
export async function getDisclosureSettings(
  q: Queryable,
  associationId: string,
): Promise<DisclosureSettings> {
  const [row] = await q
    .select()
    .from(disclosureSettings)
    .where(eq(disclosureSettings.associationId, associationId));
  if (!row) return { threshold: DEFAULT_DISCLOSURE_THRESHOLD, allowTrueZero: false, version: 0 };
  return { threshold: row.threshold, allowTrueZero: row.allowTrueZero, version: row.version };
}

/** What a threshold may be, in words: "0 eller ett heltal från 3 till 20". */
const ALLOWED = `${DISCLOSURE_THRESHOLD_OFF} eller ett heltal från ${DISCLOSURE_THRESHOLD_MIN} till ${DISCLOSURE_THRESHOLD_MAX}`;

/**
 * The threshold as typed ("5", " 10 ") or given, or the Swedish message saying what to write.
 * Allowed: 0 (off) or 3–20 (see DISCLOSURE_THRESHOLD_MIN in schema.ts for why).
 */
export function parseDisclosureThreshold(
  value: string | number | null | undefined,
): number | { problem: string } {
  const text =
    typeof value === "number" ? String(value) : (value ?? "").replace(/[\s\u00a0\u202f]/g, "");
  if (text === "")
    return {
      problem: `Fyll i tröskeln: ${ALLOWED}, till exempel ${DEFAULT_DISCLOSURE_THRESHOLD}.`,
    };
  if (!/^\d+$/.test(text))
    return {
      problem: `Skriv tröskeln som ${ALLOWED}, med siffror och utan decimaler, till exempel ${DEFAULT_DISCLOSURE_THRESHOLD}. Du skrev ”${String(value).trim()}”.`,
    };
  const threshold = Number(text);
  if (threshold > DISCLOSURE_THRESHOLD_MAX)
    return {
      problem: `Tröskeln får vara högst ${DISCLOSURE_THRESHOLD_MAX}: med en högre tröskel döljs nästan alla uppgifter. Skriv ${ALLOWED}.`,
    };
  if (threshold !== DISCLOSURE_THRESHOLD_OFF && threshold < DISCLOSURE_THRESHOLD_MIN)
    return {
      problem: `Tröskeln ${threshold} skyddar för lite: ”< ${threshold}” avslöjar i stort sett värdet. Skriv ${ALLOWED} (0 stänger av röjandekontrollen).`,
    };
  return threshold;
}

export interface DisclosureSettingsInput {
  threshold: string | number | null | undefined;
  allowTrueZero: boolean;
}

/**
 * Saves the association's disclosure control at the version read (0 when it has never been
 * saved): the threshold is 0 or 3–20; the audit log keeps the old and the new values.
 */
export async function saveDisclosureSettings(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  expectedVersion: number,
  input: DisclosureSettingsInput,
): Promise<DisclosureSettings> {
  const threshold = parseDisclosureThreshold(input.threshold);
  if (typeof threshold !== "number") throw new ValidationError({ threshold: threshold.problem });
  const allowTrueZero = input.allowTrueZero === true;
  // the range above lies within what disclosure control accepts; checked again all the same
  const problem = disclosureOptionsProblem({ threshold, allowTrueZero });
  if (problem) throw new ValidationError({ threshold: problem });
  await q.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(disclosureSettings)
      .where(eq(disclosureSettings.associationId, associationId))
      .for("update");
    if ((current?.version ?? 0) !== expectedVersion)
      throw new ConflictError(
        "Någon annan har ändrat röjandekontrollen medan du arbetade. Ladda om sidan, se vad som gäller nu och gör om ändringen.",
      );
    const values = { threshold, allowTrueZero, updatedAt: new Date() };
    if (current)
      await tx
        .update(disclosureSettings)
        .set({ ...values, version: current.version + 1 })
        .where(eq(disclosureSettings.associationId, associationId));
    else await tx.insert(disclosureSettings).values({ associationId, ...values, version: 1 });
    await recordAuditEvent(tx, actor, {
      action: "disclosure_settings.updated",
      associationId,
      targetType: "association",
      targetId: associationId,
      details: {
        threshold,
        allowTrueZero,
        before: current
          ? { threshold: current.threshold, allowTrueZero: current.allowTrueZero }
          : { threshold: DEFAULT_DISCLOSURE_THRESHOLD, allowTrueZero: false, defaults: true },
      },
    });
  });
  return getDisclosureSettings(q, associationId);
}
