// Fixed-window counters in PostgreSQL, shared by every process of the instance.
import { sql } from "drizzle-orm";
import { throttleCounters } from "../sign-in/schema.ts";
import type { Queryable } from "./database/connect.ts";

export interface ThrottleVerdict {
  allowed: boolean;
  /** Seconds until the window resets. */
  retryAfter: number;
}

/** Counts one hit on `key` and says whether it is within `limit` hits per `windowSeconds`. */
export async function hitThrottle(
  q: Queryable,
  key: string,
  limit: number,
  windowSeconds: number,
): Promise<ThrottleVerdict> {
  const rows = await q.execute<{ hits: number; window_start: Date }>(sql`
    insert into ${throttleCounters} (key, window_start, hits) values (${key}, now(), 1)
    on conflict (key) do update set
      hits = case when ${throttleCounters.windowStart} < now() - make_interval(secs => ${windowSeconds})
                  then 1 else ${throttleCounters.hits} + 1 end,
      window_start = case when ${throttleCounters.windowStart} < now() - make_interval(secs => ${windowSeconds})
                  then now() else ${throttleCounters.windowStart} end
    returning hits, window_start`);
  const row = rows.rows[0];
  if (!row) return { allowed: true, retryAfter: 0 };
  const resetAt = new Date(row.window_start).getTime() + windowSeconds * 1000;
  return {
    allowed: row.hits <= limit,
    retryAfter: Math.max(1, Math.ceil((resetAt - Date.now()) / 1000)),
  };
}
