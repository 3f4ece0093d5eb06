import { index, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const INDEXED_KINDS = ["talent", "demand", "project"] as const;
export type IndexedKind = (typeof INDEXED_KINDS)[number];

/**
 * The inverted index candidate retrieval reads instead of scanning every profile: one row per
 * (entity, key), where keys are the matching core's terms and code prefixes (`t:…`, `i:…`, `o:…`).
 * Rewritten in the same batch as the entity it describes; deleted with it.
 *
 * The migration declares this table WITHOUT ROWID (edited by hand: drizzle-kit cannot express it):
 * the primary key is then the table itself rather than a second b-tree beside it, which cut the
 * time to write 65,000 key rows from 1.5 s to 0.9 s on libSQL.
 */
export const matchKeys = sqliteTable(
  "match_keys",
  {
    tenantId: text("tenant_id").notNull(),
    kind: text("kind", { enum: INDEXED_KINDS }).notNull(),
    key: text("key").notNull(),
    entityId: text("entity_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.kind, t.key, t.entityId] }), index("match_keys_entity_idx").on(t.entityId)],
);
