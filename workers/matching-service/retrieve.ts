import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { demands, type IndexedKind, matchKeys, talents } from "../../schema/index.ts";
import type { Db } from "../db.ts";
import type { DemandRow, TalentRow } from "../data/profiles.ts";

/** D1 binds at most 100 parameters per statement. */
const MAX_KEYS = 90;

/**
 * Candidate ids from the inverted index: entities of `kind` sharing the most keys with the query,
 * most first. Never scans every profile: only the postings of the query's keys are read.
 */
export async function candidates(db: Db, tenantId: string, kind: IndexedKind, keys: readonly string[], limit: number): Promise<string[]> {
  const unique = [...new Set(keys)].slice(0, MAX_KEYS);
  if (unique.length === 0) return [];
  const hits = sql<number>`count(*)`;
  const rows = await db
    .select({ id: matchKeys.entityId, hits })
    .from(matchKeys)
    .where(and(eq(matchKeys.tenantId, tenantId), eq(matchKeys.kind, kind), inArray(matchKeys.key, unique)))
    .groupBy(matchKeys.entityId)
    .orderBy(desc(hits), matchKeys.entityId)
    .limit(limit);
  return rows.map((r) => r.id);
}

/** `column IN (ids)` with the ids as one JSON parameter: one statement whatever the count (D1 binds at most 100 parameters). */
function inIds(column: typeof talents.id | typeof demands.id, ids: readonly string[]) {
  return sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;
}

/** Rows for ids; order not preserved. */
export async function talentRows(db: Db, tenantId: string, ids: readonly string[]): Promise<TalentRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(talents).where(and(eq(talents.tenantId, tenantId), inIds(talents.id, ids)));
}

export async function demandRows(db: Db, tenantId: string, ids: readonly string[]): Promise<DemandRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(demands).where(and(eq(demands.tenantId, tenantId), inIds(demands.id, ids)));
}

/** Versions (`updated_at`) of candidate talents, narrowed by the list filters, in one statement. */
export async function talentStamps(db: Db, tenantId: string, ids: readonly string[], filter: { city?: string | undefined; mode?: string | undefined }) {
  if (ids.length === 0) return [];
  const conditions = [eq(talents.tenantId, tenantId), inIds(talents.id, ids)];
  if (filter.city) conditions.push(sql`${talents.city} LIKE ${`${filter.city}%`}`);
  if (filter.mode) conditions.push(sql`(${talents.modes} = '[]' OR EXISTS (SELECT 1 FROM json_each(${talents.modes}) WHERE json_each.value = ${filter.mode}))`);
  return db.select({ id: talents.id, updatedAt: talents.updatedAt }).from(talents).where(and(...conditions));
}

/** Versions of candidate demands that are open, in one statement. */
export async function demandStamps(db: Db, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: demands.id, updatedAt: demands.updatedAt })
    .from(demands)
    .where(and(eq(demands.tenantId, tenantId), eq(demands.status, "open"), inIds(demands.id, ids)));
}
