import { and, eq, type SQL, sql } from "drizzle-orm";
import { type IndexedKind, matchKeys } from "../../schema/index.ts";
import { rawStatement } from "./raw.ts";
import { jsonParam } from "./bulk.ts";
import type { Db, Statement } from "../db.ts";

/**
 * Statements that replace an entity's index keys: delete the old, insert the new, in the caller's
 * batch. The keys travel as one JSON array expanded by `json_each`: one statement and four
 * parameters whatever the count (D1 binds at most 100), and about four times faster on libSQL
 * than multi-row VALUES (measured: 64,000 key rows in 0.45 s against 1.8 s).
 */
export function replaceKeysStatements(db: Db, tenantId: string, kind: IndexedKind, entityId: string, keys: readonly string[]): Statement[] {
  const unique = jsonParam([...new Set(keys)]);
  return [
    deleteKeysStatement(db, tenantId, entityId),
    rawStatement(
      db,
      sql`INSERT INTO ${matchKeys} (tenant_id, kind, key, entity_id) SELECT ${tenantId}, ${kind}, value, ${entityId} FROM json_each(${unique})`,
    ),
  ];
}

/**
 * Entity ids are unique across tenants, so the delete goes by `entity_id` alone: with `tenant_id`
 * in the condition SQLite picks the primary key (tenant first) and scans the tenant's whole index.
 */
export function deleteKeysStatement(db: Db, _tenantId: string, entityId: string): Statement {
  return db.delete(matchKeys).where(eq(matchKeys.entityId, entityId));
}

/** The keys stored for an entity (tests and diagnostics). */
export async function keysOf(db: Db, tenantId: string, entityId: string): Promise<string[]> {
  const rows = await db
    .select({ key: matchKeys.key })
    .from(matchKeys)
    .where(and(eq(matchKeys.tenantId, tenantId), eq(matchKeys.entityId, entityId)));
  return rows.map((r) => r.key).sort();
}

/**
 * Rows whose search keys hold every one of `terms` (the `s:` keys written with the profile):
 * one grouped look-up in the index, the terms bound as one JSON array.
 */
export function hasAllSearchTerms(idColumn: SQL, tenantId: string, kind: IndexedKind, terms: readonly string[]): SQL {
  const keys = JSON.stringify([...new Set(terms)].map((t) => `s:${t}`));
  return sql`${idColumn} IN (SELECT entity_id FROM ${matchKeys} WHERE tenant_id = ${tenantId} AND kind = ${kind} AND key IN (SELECT value FROM json_each(${keys})) GROUP BY entity_id HAVING count(*) = ${new Set(terms).size})`;
}

/** Rows whose search keys hold `term`. */
export function hasSearchTerm(idColumn: SQL, tenantId: string, kind: IndexedKind, term: string): SQL {
  return sql`${idColumn} IN (SELECT entity_id FROM ${matchKeys} WHERE tenant_id = ${tenantId} AND kind = ${kind} AND key = ${`s:${term}`})`;
}
