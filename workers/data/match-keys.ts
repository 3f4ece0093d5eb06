import { and, eq } from "drizzle-orm";
import { type IndexedKind, matchKeys } from "../../schema/index.ts";
import type { Db, Statement } from "../db.ts";

/** D1 binds at most 100 parameters per statement; each key row binds 4. */
const ROWS_PER_INSERT = 24;

/** Statements that replace an entity's index keys: delete the old, insert the new, in the caller's batch. */
export function replaceKeysStatements(db: Db, tenantId: string, kind: IndexedKind, entityId: string, keys: readonly string[]): Statement[] {
  const statements: Statement[] = [deleteKeysStatement(db, tenantId, entityId)];
  const unique = [...new Set(keys)];
  for (let i = 0; i < unique.length; i += ROWS_PER_INSERT) {
    const chunk = unique.slice(i, i + ROWS_PER_INSERT).map((key) => ({ tenantId, kind, key, entityId }));
    statements.push(db.insert(matchKeys).values(chunk));
  }
  return statements;
}

export function deleteKeysStatement(db: Db, tenantId: string, entityId: string): Statement {
  return db.delete(matchKeys).where(and(eq(matchKeys.tenantId, tenantId), eq(matchKeys.entityId, entityId)));
}

/** The keys stored for an entity (tests and diagnostics). */
export async function keysOf(db: Db, tenantId: string, entityId: string): Promise<string[]> {
  const rows = await db
    .select({ key: matchKeys.key })
    .from(matchKeys)
    .where(and(eq(matchKeys.tenantId, tenantId), eq(matchKeys.entityId, entityId)));
  return rows.map((r) => r.key).sort();
}
