import { and, eq } from "drizzle-orm";
import { allocateStable, pairFits, preferencesFromScores, type ScoredEdge } from "../../matching/index.ts";
import { demands } from "../../schema/index.ts";
import { allocations, type StoredAllocation } from "../../schema/tables/allocations.ts";
import type { Db } from "../db.ts";
import type { DemandRow, TalentRow } from "../data/profiles.ts";
import { matchSettings } from "../data/settings.ts";
import { demandFeatures, talentFeaturesFor } from "./features.ts";
import { talentRows } from "./retrieve.ts";
import { explain, rankTalentsForDemand } from "./rank.ts";

/**
 * Computes and stores the stable allocation of a catalog: for every open line, its best candidates
 * from the index (scored exactly), then deferred acceptance with capacity = open seats. Each line
 * ranks talents by enterprise fit, each talent ranks lines by its own fit; both lists truncated to
 * `listLength`. Runs off the request path; the row records `done` or `failed`.
 */
export async function runAllocation(db: Db, allocationId: string, tenantId: string, catalogId: string, listLength: number, now: Date): Promise<void> {
  try {
    const lines = (await db.select().from(demands).where(and(eq(demands.tenantId, tenantId), eq(demands.catalogId, catalogId)))).filter(
      (d) => d.status === "open" && (d.headcount ?? 1) > d.filled,
    );
    const { weights } = await matchSettings(db, tenantId);
    const edges: ScoredEdge[] = [];
    const considered = new Set<string>();
    const demandsById = new Map<string, DemandRow>(lines.map((d) => [d.id, d]));
    for (const line of lines) {
      const ranked = await rankTalentsForDemand(db, line, { now, weights });
      const offer = demandFeatures(line);
      const top = ranked.slice(0, Math.max(listLength * 2, 100));
      const features = new Map((await talentFeaturesFor(db, tenantId, top.map((r) => r.id))).map((f) => [f.id, f]));
      for (const r of top) {
        const f = features.get(r.id);
        if (!f) continue;
        considered.add(r.id);
        const fits = pairFits(f, offer, weights, now.getTime());
        if (!fits) continue;
        edges.push({
          talentId: r.id,
          demandId: line.id,
          talentValue: fits.talentFit + fits.score / 1000,
          demandValue: fits.enterpriseFit + fits.score / 1000,
        });
      }
    }
    const capacities = lines.map((d) => ({ id: d.id, capacity: (d.headcount ?? 1) - d.filled }));
    const input = preferencesFromScores([...considered].sort(), capacities, edges, { talentListLength: listLength, demandListLength: listLength });
    const result = allocateStable(input);
    const talentsById = new Map<string, TalentRow>((await talentRows(db, tenantId, result.matches.map((m) => m.talentId))).map((t) => [t.id, t]));
    const stored: StoredAllocation = {
      assignments: result.matches.map((m) => {
        const talent = talentsById.get(m.talentId);
        const demand = demandsById.get(m.demandId);
        const e = talent && demand ? explain(talent, demand, weights, now) : null;
        return {
          demandId: m.demandId,
          talentId: m.talentId,
          score: e?.score ?? 0,
          enterpriseFit: e?.enterpriseFit ?? 0,
          talentFit: e?.talentFit ?? 0,
          demandRank: m.demandRank + 1,
          talentRank: m.talentRank + 1,
          reasonZh: e?.reasonZh ?? "",
          reasonEn: e?.reasonEn ?? "",
        };
      }),
      unfilled: result.unfilledDemands.map((u) => ({ demandId: u.demandId, open: u.open, reason: u.reason })),
      unmatched: result.unmatchedTalents.map((u) => ({ talentId: u.talentId, reason: u.reason })),
    };
    await db
      .update(allocations)
      .set({
        status: "done",
        demandsConsidered: lines.length,
        talentsConsidered: considered.size,
        seats: capacities.reduce((n, d) => n + d.capacity, 0),
        assigned: stored.assignments.length,
        result: stored,
        finishedAt: new Date().toISOString(),
      })
      .where(eq(allocations.id, allocationId));
  } catch (err) {
    await db
      .update(allocations)
      .set({ status: "failed", error: "The allocation could not be computed; see the server log.", finishedAt: new Date().toISOString() })
      .where(eq(allocations.id, allocationId));
    throw err;
  }
}
