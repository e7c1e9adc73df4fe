// Walks the audit log from the start and recomputes every hash: any edited, removed or
// reordered event breaks the chain at that point.
import { asc, gt } from "drizzle-orm";
import type { Queryable } from "../platform/database/connect.ts";
import { GENESIS_HASH, hashEvent } from "./record-audit-event.ts";
import { auditEvents } from "./schema.ts";

export type ChainVerdict =
  | { ok: true; events: number }
  | { ok: false; events: number; brokenAtSeq: number; reason: string };

export async function verifyAuditChain(q: Queryable, pageSize = 1000): Promise<ChainVerdict> {
  let prevHash = GENESIS_HASH;
  let lastSeq = 0;
  let events = 0;
  for (;;) {
    const page = await q
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, lastSeq))
      .orderBy(asc(auditEvents.seq))
      .limit(pageSize);
    for (const row of page) {
      if (row.prevHash !== prevHash) {
        return {
          ok: false,
          events,
          brokenAtSeq: row.seq,
          reason: "föregående händelse saknas eller har ändrats",
        };
      }
      const expected = hashEvent(prevHash, row);
      if (expected !== row.hash) {
        return {
          ok: false,
          events,
          brokenAtSeq: row.seq,
          reason: "händelsens innehåll har ändrats",
        };
      }
      prevHash = row.hash;
      lastSeq = row.seq;
      events++;
    }
    if (page.length < pageSize) return { ok: true, events };
  }
}
