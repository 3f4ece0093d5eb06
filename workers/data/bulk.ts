import { getTableColumns, getTableName, sql } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { IndexedKind } from "../../schema/index.ts";
import type { Db, Statement } from "../db.ts";
import { rawStatement } from "./raw.ts";

/** Rows per bulk statement: keeps each bound JSON parameter around 200 KB, well under D1's row and statement limits. */
export const BULK_CHUNK = 200;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * JSON text for a `json_each` parameter. A lone surrogate would be written as `\ud800`, which
 * SQLite's JSON functions decode into bytes that are not UTF-8; libSQL's Node driver aborts the
 * process reading them back. Replaced by U+FFFD, as a UTF-8 encoder would.
 */
export function jsonParam(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "string" ? v.replace(LONE_SURROGATE, "\ufffd") : v));
}

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * One INSERT for many rows: the rows travel as a single JSON array parameter expanded by
 * `json_each`, so the statement binds one parameter whatever the row count (D1 binds at most 100)
 * and SQLite does the per-row work natively. With `upsert`, an existing id is overwritten.
 * Rows are the table's own TypeScript shape; JSON columns hold arrays, which `json_extract`
 * writes back as the same JSON text drizzle would. With `ignoreConflicts`, a row that would
 * break a unique index is skipped (another writer got there first).
 */
export function bulkInsertStatement<T extends SQLiteTable>(db: Db, table: T, rows: readonly T["$inferInsert"][], opts: { upsert?: boolean; ignoreConflicts?: boolean } = {}): Statement {
  const columns = Object.entries(getTableColumns(table));
  const names = columns.map(([, col]) => quote(col.name)).join(", ");
  const values = columns.map(([key]) => `json_extract(value, '$.${key}')`).join(", ");
  const conflict = opts.upsert
    ? ` ON CONFLICT(id) DO UPDATE SET ${columns
        .filter(([, col]) => col.name !== "id")
        .map(([, col]) => `${quote(col.name)} = excluded.${quote(col.name)}`)
        .join(", ")}`
    : opts.ignoreConflicts
      ? " ON CONFLICT DO NOTHING"
      : "";
  const head = sql.raw(`INSERT INTO ${quote(getTableName(table))} (${names}) SELECT ${values} FROM json_each(`);
  // `WHERE true` lets SQLite parse the upsert clause after a SELECT.
  const tail = sql.raw(`) WHERE true${conflict}`);
  return rawStatement(db, sql`${head}${jsonParam(rows)}${tail}`);
}

/** Replaces the index keys of many entities at once: one delete and one insert, whatever the count. */
export function bulkReplaceKeysStatements(db: Db, tenantId: string, kind: IndexedKind, entries: readonly { id: string; keys: readonly string[] }[]): Statement[] {
  const ids = jsonParam(entries.map((e) => e.id));
  const payload = jsonParam(entries.map((e) => ({ id: e.id, keys: [...new Set(e.keys)] })));
  return [
    rawStatement(db, sql`DELETE FROM match_keys WHERE entity_id IN (SELECT value FROM json_each(${ids}))`),
    rawStatement(
      db,
      sql`INSERT INTO match_keys (tenant_id, kind, key, entity_id)
        SELECT ${tenantId}, ${kind}, k.value, json_extract(e.value, '$.id') FROM json_each(${payload}) e, json_each(json_extract(e.value, '$.keys')) k
        ORDER BY k.value`,
    ),
  ];
}
