// Sessions kept in PostgreSQL, and the counters that throttle sign-in attempts.
import { boolean, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../people/schema.ts";

export const sessions = pgTable(
  "sessions",
  {
    /** SHA-256 of the cookie's token: a leaked table does not give working sessions. */
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    /** The absolute end (12 h after sign-in), whatever the activity. */
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** Password was right but the TOTP code (or enrolment) is still owed. */
    secondFactorPending: boolean("second_factor_pending").notNull().default(false),
    method: text("method").$type<"password" | "oidc" | "invitation" | "code" | "eid">().notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Fixed-window counters for throttling, keyed e.g. by "sign-in:ip:1.2.3.4". */
export const throttleCounters = pgTable("throttle_counters", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  hits: integer("hits").notNull(),
});
