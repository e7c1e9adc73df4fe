// The association's money rules: the band of consumption ratios it considers normal (default
// 80–110 %). Outside it the suggested prognosis is Bevaka, far outside Åtgärd (outcome.ts).
// Read with getFinanceBand (outcome.ts); changed here at the version read.
import { eq } from "drizzle-orm";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { ConflictError, ValidationError } from "../platform/errors.ts";
import { type FinanceBand, getFinanceBand } from "./outcome.ts";
import { financeSettings } from "./schema.ts";

/** A whole per cent, "80" or "80 %"; null when empty, "invalid" otherwise. */
function parsePercent(value: string | number | null | undefined): number | null | "invalid" {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isInteger(value) ? value : "invalid";
  const text = value.replace(/[\s\u00a0\u202f]/g, "").replace(/%$/, "");
  if (text === "") return null;
  if (!/^\d+$/.test(text)) return "invalid";
  return Number(text);
}

const RANGE = "ett heltal mellan 0 och 1 000";

/**
 * Saves the normal band at the version read (0 when it has never been saved). Both limits are
 * whole per cent between 0 and 1 000, and the lower is at most the upper.
 */
export async function saveFinanceBand(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  expectedVersion: number,
  input: { low: string | number | null | undefined; high: string | number | null | undefined },
): Promise<FinanceBand> {
  const problems: Record<string, string> = {};
  const low = parsePercent(input.low);
  const high = parsePercent(input.high);
  const check = (field: "low" | "high", value: number | null | "invalid", what: string) => {
    if (value === null)
      problems[field] =
        `Fyll i ${what} i hela procent, till exempel ${field === "low" ? 80 : 110}.`;
    else if (value === "invalid" || value < 0 || value > 1000)
      problems[field] = `Skriv ${what} som ${RANGE}, utan decimaler.`;
  };
  check("low", low, "den nedre gränsen");
  check("high", high, "den övre gränsen");
  if (
    typeof low === "number" &&
    typeof high === "number" &&
    !problems.low &&
    !problems.high &&
    low > high
  )
    problems.high = `Den övre gränsen (${high} %) får inte vara lägre än den nedre (${low} %).`;
  if (Object.keys(problems).length || typeof low !== "number" || typeof high !== "number")
    throw new ValidationError(problems);
  await q.transaction(async (tx) => {
    const [current] = await tx
      .select({
        version: financeSettings.version,
        low: financeSettings.ratioLowPercent,
        high: financeSettings.ratioHighPercent,
      })
      .from(financeSettings)
      .where(eq(financeSettings.associationId, associationId))
      .for("update");
    if ((current?.version ?? 0) !== expectedVersion)
      throw new ConflictError(
        "Någon annan har ändrat normalintervallet medan du arbetade. Ladda om sidan och gör om ändringen.",
      );
    const values = { ratioLowPercent: low, ratioHighPercent: high, updatedAt: new Date() };
    if (current)
      await tx
        .update(financeSettings)
        .set({ ...values, version: current.version + 1 })
        .where(eq(financeSettings.associationId, associationId));
    else await tx.insert(financeSettings).values({ associationId, ...values, version: 1 });
    await recordAuditEvent(tx, actor, {
      action: "finance_settings.updated",
      associationId,
      targetType: "association",
      targetId: associationId,
      details: {
        low,
        high,
        before: current ? { low: current.low, high: current.high } : null,
      },
    });
  });
  return getFinanceBand(q, associationId);
}
