import { and, eq, sql } from "drizzle-orm";
import { demands, talents } from "../../schema/index.ts";
import { suggestions } from "../../schema/tables/introductions.ts";
import type { Db, Statement } from "../db.ts";
import { eventIfChangedStatement } from "../data/outbox.ts";
import { rawStatement } from "../data/raw.ts";
import type { DemandRow, TalentRow } from "../data/profiles.ts";
import { matchSettings } from "../data/settings.ts";
import { commit } from "../db.ts";
import { newId } from "../lib/ids.ts";
import { rankDemandsForTalent, rankTalentsForDemand } from "./rank.ts";
import { demandRows } from "./retrieve.ts";

/** At most this many new suggestions per change: the best ones. */
const MAX_PER_CHANGE = 50;

/**
 * The statements recording one suggestion: insert-or-ignore, then the `match.created` event only
 * if the insert happened. Recomputing after the same change twice adds nothing.
 */
function suggestionStatements(db: Db, demand: DemandRow, talentId: string, score: number, now: Date): Statement[] {
  const id = newId("suggestion", now);
  const at = now.toISOString();
  return [
    // Only while the talent exists: a ranking computed before an erasure must not write it back.
    rawStatement(
      db,
      sql`INSERT OR IGNORE INTO ${suggestions} (id, tenant_id, demand_id, talent_id, organization_id, score, status, created_at, updated_at)
        SELECT ${id}, ${demand.tenantId}, ${demand.id}, ${talentId}, ${demand.organizationId}, ${score}, 'suggested', ${at}, ${at}
        WHERE EXISTS (SELECT 1 FROM ${talents} WHERE ${talents.id} = ${talentId} AND ${talents.tenantId} = ${demand.tenantId})`,
    ),
    eventIfChangedStatement(db, {
      tenantId: demand.tenantId,
      type: "match.created",
      audience: [demand.organizationId],
      subjectType: "suggestion",
      subjectId: id,
      payload: { suggestion_id: id, demand_id: demand.id, talent_id: talentId, organization_id: demand.organizationId, score },
      at: now,
    }),
  ];
}

/** New top talents for a demand above the tenant's threshold become suggestions. Returns how many were considered. */
export async function suggestForDemand(db: Db, tenantId: string, demandId: string, now: Date): Promise<number> {
  const rows = await db.select().from(demands).where(and(eq(demands.tenantId, tenantId), eq(demands.id, demandId))).limit(1);
  const demand = rows[0];
  if (!demand || demand.status !== "open") return 0;
  const settings = await matchSettings(db, tenantId);
  const ranked = (await rankTalentsForDemand(db, demand, { now, weights: settings.weights, minScore: settings.suggestionThreshold })).slice(0, MAX_PER_CHANGE);
  await commit(db, ranked.flatMap((r) => suggestionStatements(db, demand, r.id, r.score, now)));
  return ranked.length;
}

/** New top demands for a talent above the threshold become suggestions. */
export async function suggestForTalent(db: Db, tenantId: string, talentId: string, now: Date): Promise<number> {
  const rows = await db.select().from(talents).where(and(eq(talents.tenantId, tenantId), eq(talents.id, talentId))).limit(1);
  const talent: TalentRow | undefined = rows[0];
  if (!talent) return 0;
  const settings = await matchSettings(db, tenantId);
  const ranked = (await rankDemandsForTalent(db, talent, { now, weights: settings.weights, minScore: settings.suggestionThreshold })).slice(0, MAX_PER_CHANGE);
  const byId = new Map((await demandRows(db, tenantId, ranked.map((r) => r.id))).map((d) => [d.id, d]));
  await commit(
    db,
    ranked.flatMap((r) => {
      const demand = byId.get(r.id);
      return demand ? suggestionStatements(db, demand, talent.id, r.score, now) : [];
    }),
  );
  return ranked.length;
}
