import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { tenants } from "../tenancy.ts";

/** How an invitation or a verification code reaches the talent. */
export const CONTACT_CHANNELS = ["sms", "email"] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/**
 * An invitation for a talent to take its own key: sent once to the talent's own phone or email,
 * redeemed once before it expires. Only the SHA-256 of the token is stored.
 */
export const talentInvitations = sqliteTable(
  "talent_invitations",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    talentId: text("talent_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    channel: text("channel", { enum: CONTACT_CHANNELS }).notNull(),
    /** The key that asked for the invitation. */
    createdBy: text("created_by").notNull(),
    createdAt: text("created_at").notNull(),
    expiresAt: text("expires_at").notNull(),
    redeemedAt: text("redeemed_at"),
    /** The key the redemption created. */
    keyId: text("key_id"),
  },
  (t) => [uniqueIndex("talent_invitations_token_uq").on(t.tokenHash), index("talent_invitations_talent_idx").on(t.tenantId, t.talentId)],
);

/**
 * A talent's request to change its own phone or email, applied only once the code sent to the new
 * value comes back. Rows also count a key's contact changes per hour (the rate limit).
 */
export const contactChanges = sqliteTable(
  "contact_changes",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    talentId: text("talent_id").notNull(),
    keyId: text("key_id").notNull(),
    field: text("field", { enum: ["phone", "email"] }).notNull(),
    value: text("value").notNull(),
    codeHash: text("code_hash").notNull(),
    attempts: integer("attempts").notNull().default(0),
    createdAt: text("created_at").notNull(),
    expiresAt: text("expires_at").notNull(),
    confirmedAt: text("confirmed_at"),
  },
  (t) => [index("contact_changes_key_idx").on(t.keyId, t.createdAt), index("contact_changes_talent_idx").on(t.tenantId, t.talentId)],
);
