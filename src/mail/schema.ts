// Every mail Samspår sends is recorded here; without SMTP it stays here as the outbox.
import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { associations } from "../associations/schema.ts";

export const mailMessages = pgTable(
  "mail_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: uuid("association_id").references(() => associations.id),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    /** queued → sent (SMTP) | outbox (no SMTP configured) | failed */
    status: text("status").$type<"queued" | "sent" | "outbox" | "failed">().notNull(),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [index("mail_messages_association_idx").on(t.associationId, t.createdAt)],
);
