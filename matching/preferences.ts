/** Preference lists for stable allocation, built from pair scores and truncated to the top N. */
import type { AllocationInput } from "./allocation.ts";

/** One scored talent × demand pair. Values are "how much this side wants the other" (higher = better). */
export interface ScoredEdge {
  talentId: string;
  demandId: string;
  /** How the talent ranks the demand, e.g. the combined score or talentFit. */
  talentValue: number;
  /** How the demand ranks the talent, e.g. enterpriseFit. */
  demandValue: number;
  vetoed?: boolean;
}

export interface PreferenceOptions {
  /** Demands kept per talent (default 50). */
  talentListLength?: number;
  /** Talents kept per demand (default 50). */
  demandListLength?: number;
}

function byValueThenId(a: { v: number; id: string }, b: { v: number; id: string }): number {
  return b.v - a.v || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Builds truncated preference lists from scored pairs; vetoed pairs are excluded but counted. */
export function preferencesFromScores(
  talentIds: readonly string[],
  demands: readonly { id: string; capacity: number }[],
  edges: Iterable<ScoredEdge>,
  options: PreferenceOptions = {},
): AllocationInput {
  const tN = options.talentListLength ?? 50;
  const dN = options.demandListLength ?? 50;
  const byTalent = new Map<string, { v: number; id: string }[]>();
  const byDemand = new Map<string, { v: number; id: string }[]>();
  const vetoes = new Map<string, number>();
  for (const e of edges) {
    if (e.vetoed === true) {
      vetoes.set(e.talentId, (vetoes.get(e.talentId) ?? 0) + 1);
      continue;
    }
    const tl = byTalent.get(e.talentId) ?? [];
    tl.push({ v: e.talentValue, id: e.demandId });
    byTalent.set(e.talentId, tl);
    const dl = byDemand.get(e.demandId) ?? [];
    dl.push({ v: e.demandValue, id: e.talentId });
    byDemand.set(e.demandId, dl);
  }
  return {
    talents: talentIds.map((id) => ({
      id,
      prefs: (byTalent.get(id) ?? []).sort(byValueThenId).slice(0, tN).map((x) => x.id),
      vetoedBy: vetoes.get(id) ?? 0,
    })),
    demands: demands.map((d) => ({
      id: d.id,
      capacity: d.capacity,
      prefs: (byDemand.get(d.id) ?? []).sort(byValueThenId).slice(0, dN).map((x) => x.id),
    })),
  };
}
