import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/** Roles a key can carry. Operators are not a role: their key lives in configuration, not here. */
export const ROLES = ["admin", "organizer", "enterprise", "talent"] as const;
export type Role = (typeof ROLES)[number];

export const ORGANIZATION_KINDS = ["enterprise", "organizer"] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** A region (city or district). Every other row belongs to exactly one tenant. */
export const tenants = sqliteTable(
  "tenants",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    regionCode: text("region_code"),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [uniqueIndex("tenants_slug_uq").on(t.slug)],
);

/** Enterprises (用人单位) and organizers (人才办, 园区) inside a tenant. */
export const organizations = sqliteTable(
  "organizations",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: text("kind", { enum: ORGANIZATION_KINDS }).notNull(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("organizations_tenant_name_uq").on(t.tenantId, t.name),
    index("organizations_tenant_id_idx").on(t.tenantId, t.id),
  ],
);

/**
 * API keys. Only the SHA-256 of the secret is stored; `prefix` is the first characters of the
 * secret, enough for a person to recognise a key in a list.
 */
export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    organizationId: text("organization_id").references(() => organizations.id, { onDelete: "cascade" }),
    /** Set for `talent` keys once talent profiles exist; a talent key reads only its own profile. */
    talentId: text("talent_id"),
    role: text("role", { enum: ROLES }).notNull(),
    name: text("name"),
    prefix: text("prefix").notNull(),
    secretHash: text("secret_hash").notNull(),
    createdAt: text("created_at").notNull(),
    createdBy: text("created_by"),
    revokedAt: text("revoked_at"),
  },
  (t) => [
    uniqueIndex("api_keys_secret_hash_uq").on(t.secretHash),
    index("api_keys_tenant_org_idx").on(t.tenantId, t.organizationId, t.id),
  ],
);

/** Who did what, when. Written in the same batch as the change it records; never holds personal data. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id"),
    /** `key_…` id, or `operator`. */
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id").notNull(),
    requestId: text("request_id"),
    detail: text("detail", { mode: "json" }).$type<Record<string, unknown>>(),
    at: text("at").notNull(),
  },
  (t) => [index("audit_log_tenant_at_idx").on(t.tenantId, t.at), index("audit_log_subject_idx").on(t.subjectId)],
);

/**
 * Idempotency records: one per (scope, key), where scope is the tenant id or `operator`.
 * `fingerprint` is a hash of method, path and body; a finished record keeps the response to replay.
 */
export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    fingerprint: text("fingerprint").notNull(),
    state: text("state", { enum: ["running", "done"] }).notNull(),
    responseStatus: integer("response_status"),
    responseBody: text("response_body"),
    createdAt: text("created_at").notNull(),
    expiresAt: text("expires_at").notNull(),
  },
  (t) => [uniqueIndex("idempotency_keys_scope_key_uq").on(t.scope, t.key), index("idempotency_keys_expires_idx").on(t.expiresAt)],
);

