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

/** Rows for ids, in chunks under the parameter limit; order not preserved. */
export async function talentRows(db: Db, tenantId: string, ids: readonly string[]): Promise<TalentRow[]> {
  const out: TalentRow[] = [];
  for (let i = 0; i < ids.length; i += 90) {
    out.push(...(await db.select().from(talents).where(and(eq(talents.tenantId, tenantId), inArray(talents.id, ids.slice(i, i + 90))))));
  }
  return out;
}

export async function demandRows(db: Db, tenantId: string, ids: readonly string[]): Promise<DemandRow[]> {
  const out: DemandRow[] = [];
  for (let i = 0; i < ids.length; i += 90) {
    out.push(...(await db.select().from(demands).where(and(eq(demands.tenantId, tenantId), inArray(demands.id, ids.slice(i, i + 90))))));
  }
  return out;
}
