import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * A counter per tenant and kind of profile, bumped in the same batch as every write to those
 * profiles. Rankings cache on it: a cached ranking is reused only while the version it was
 * computed at is still current, so a cache can never serve a stale answer, in any process.
 */
export const dataVersions = sqliteTable(
  "data_versions",
  {
    tenantId: text("tenant_id").notNull(),
    kind: text("kind", { enum: ["talents", "demands", "projects", "settings"] }).notNull(),
    version: integer("version").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.kind] })],
);
