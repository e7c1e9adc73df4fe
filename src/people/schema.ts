// People who use Samspår, the roles they hold per association and initiative, and API tokens.
import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { associations } from "../associations/schema.ts";
import { initiatives } from "../initiatives/schema.ts";
import type { Locale } from "../platform/i18n/locales.ts";
import type { Role } from "./roles.ts";

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Always stored in lower case. */
    email: text("email").notNull().unique(),
    name: text("name").notNull(),
    /** 'participant' accounts belong to the participant zone and are never listed to the association. */
    kind: text("kind").$type<"staff" | "participant">().notNull().default("staff"),
    passwordHash: text("password_hash"),
    /** AES-GCM sealed base32 secret (platform/secrets.ts); the key is not in the database. */
    totpSecretSealed: text("totp_secret_sealed"),
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
    /** The last accepted TOTP time step: a code is never accepted twice. */
    totpLastStep: integer("totp_last_step"),
    failedSignIns: integer("failed_sign_ins").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    locale: text("locale").$type<Locale>().notNull().default("sv"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    check("users_email_lower_check", sql`${t.email} = lower(${t.email})`),
    check("users_kind_check", sql`${t.kind} in ('staff','participant')`),
  ],
);

export const roleAssignments = pgTable(
  "role_assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    associationId: uuid("association_id")
      .notNull()
      .references(() => associations.id),
    /** Set for the initiative-scoped roles, null for the association-wide ones. */
    initiativeId: uuid("initiative_id").references(() => initiatives.id),
    role: text("role").$type<Role>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("role_assignments_unique")
      .on(t.userId, t.associationId, t.initiativeId, t.role)
      .nullsNotDistinct(),
    index("role_assignments_association_idx").on(t.associationId),
    check(
      "role_assignments_role_check",
      sql`${t.role} in ('association_admin','board_member','initiative_lead','steering_group_member','participant_officer','participant','auditor')`,
    ),
    check(
      "role_assignments_scope_check",
      sql`(${t.role} in ('initiative_lead','steering_group_member','participant_officer','participant')) = (${t.initiativeId} is not null)`,
    ),
  ],
);

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    name: text("name").notNull(),
    scope: text("scope").$type<"read" | "write">().notNull(),
    /** SHA-256 of the secret; the secret itself is shown once. */
    tokenHash: text("token_hash").notNull().unique(),
    /** The first characters, to recognise a token in lists and logs. */
    prefix: text("prefix").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [check("api_tokens_scope_check", sql`${t.scope} in ('read','write')`)],
);

/** One-time links that let a newly added person choose a password. */
export const invitations = pgTable("invitations", {
  id: uuid("id").primaryKey().defaultRandom(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id),
  tokenHash: text("token_hash").notNull().unique(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Links an external OpenID Connect identity (issuer + subject) to a user. */
export const oidcIdentities = pgTable(
  "oidc_identities",
  {
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    linkedAt: timestamp("linked_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.issuer, t.subject] })],
);
