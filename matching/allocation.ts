/**
 * Stable allocation for a whole catalog (hospitals/residents): demands have capacity = headcount,
 * each talent takes at most one. Talent-proposing deferred acceptance over truncated preference
 * lists, so the result is stable and talent-optimal: no talent and demand, each on the other's
 * list, both prefer each other to what they got.
 */

export interface AllocationTalent {
  id: string;
  /** Demand ids, best first (already truncated). */
  prefs: readonly string[];
  /** Demands that vetoed this talent, for "why unmatched". */
  vetoedBy?: number;
}
export interface AllocationDemand {
  id: string;
  capacity: number;
  /** Talent ids, best first (already truncated). */
  prefs: readonly string[];
}
export interface AllocationInput {
  talents: readonly AllocationTalent[];
  demands: readonly AllocationDemand[];
}

export type UnmatchedTalentReason =
  /** Every demand vetoed the talent (education, mode, city…). */
  | "vetoed_everywhere"
  /** The talent has no scored demand in its list. */
  | "no_acceptable_demand"
  /** The talent's demands did not list the talent in their own top N. */
  | "not_on_demand_lists"
  /** Every demand that listed the talent was filled by talents it ranks higher. */
  | "outranked";
export type UnfilledDemandReason = "no_acceptable_talent" | "talents_matched_elsewhere";

export interface AllocationResult {
  /** Pairs, sorted by demand id then by the demand's rank of the talent. */
  matches: { talentId: string; demandId: string; talentRank: number; demandRank: number }[];
  unmatchedTalents: { talentId: string; reason: UnmatchedTalentReason; proposals: number }[];
  unfilledDemands: { demandId: string; open: number; reason: UnfilledDemandReason }[];
}

/** Runs talent-proposing deferred acceptance with capacities. Deterministic for a given input. */
export function allocateStable(input: AllocationInput): AllocationResult {
  const { talents, demands } = input;
  const demandIndex = new Map<string, number>();
  demands.forEach((d, i) => demandIndex.set(d.id, i));
  // demandRank[d]: talent index → rank in d's list (absent = unacceptable).
  const talentIndex = new Map<string, number>();
  talents.forEach((t, i) => talentIndex.set(t.id, i));
  const demandRank = demands.map((d) => {
    const m = new Map<number, number>();
    d.prefs.forEach((tid, r) => {
      const ti = talentIndex.get(tid);
      if (ti !== undefined && !m.has(ti)) m.set(ti, r);
    });
    return m;
  });
  const talentPrefs = talents.map((t) => {
    const out: number[] = [];
    for (const did of t.prefs) {
      const di = demandIndex.get(did);
      if (di !== undefined && !out.includes(di)) out.push(di);
    }
    return out;
  });
  // held[d]: talent indices currently held by d, kept sorted best (lowest rank) first.
  const held: number[][] = demands.map(() => []);
  const next = new Int32Array(talents.length);
  const assigned = new Int32Array(talents.length).fill(-1);
  const rejectedFull = new Uint8Array(talents.length);
  const free: number[] = [];
  for (let i = talents.length - 1; i >= 0; i--) free.push(i);
  while (free.length > 0) {
    const ti = free.pop() ?? 0;
    const prefs = talentPrefs[ti] ?? [];
    const p = next[ti] ?? 0;
    if (p >= prefs.length) continue;
    next[ti] = p + 1;
    const di = prefs[p] ?? 0;
    const rank = demandRank[di]?.get(ti);
    const cap = demands[di]?.capacity ?? 0;
    const h = held[di] ?? [];
    if (rank === undefined || cap <= 0) {
      free.push(ti);
      continue;
    }
    const ranks = demandRank[di] ?? new Map<number, number>();
    let pos = h.length;
    while (pos > 0 && (ranks.get(h[pos - 1] ?? 0) ?? 0) > rank) pos--;
    if (h.length >= cap && pos >= h.length) {
      rejectedFull[ti] = 1;
      free.push(ti);
      continue;
    }
    h.splice(pos, 0, ti);
    assigned[ti] = di;
    if (h.length > cap) {
      const out = h.pop() ?? 0;
      assigned[out] = -1;
      rejectedFull[out] = 1;
      free.push(out);
    }
  }
  return report(input, talentPrefs, demandRank, held, assigned, rejectedFull, next);
}

function report(
  input: AllocationInput,
  talentPrefs: readonly number[][],
  demandRank: readonly Map<number, number>[],
  held: readonly number[][],
  assigned: Int32Array,
  rejectedFull: Uint8Array,
  proposals: Int32Array,
): AllocationResult {
  const { talents, demands } = input;
  const matches: AllocationResult["matches"] = [];
  held.forEach((h, di) => {
    const d = demands[di];
    if (d === undefined) return;
    for (const ti of h) {
      const t = talents[ti];
      if (t === undefined) continue;
      matches.push({ talentId: t.id, demandId: d.id, talentRank: (talentPrefs[ti] ?? []).indexOf(di), demandRank: demandRank[di]?.get(ti) ?? -1 });
    }
  });
  matches.sort((a, b) => (a.demandId < b.demandId ? -1 : a.demandId > b.demandId ? 1 : a.demandRank - b.demandRank));
  const unmatchedTalents: AllocationResult["unmatchedTalents"] = [];
  talents.forEach((t, ti) => {
    if ((assigned[ti] ?? -1) >= 0) return;
    const prefs = talentPrefs[ti] ?? [];
    const reason: UnmatchedTalentReason =
      prefs.length === 0
        ? (t.vetoedBy ?? 0) > 0
          ? "vetoed_everywhere"
          : "no_acceptable_demand"
        : rejectedFull[ti] === 1
          ? "outranked"
          : "not_on_demand_lists";
    unmatchedTalents.push({ talentId: t.id, reason, proposals: proposals[ti] ?? 0 });
  });
  const unfilledDemands: AllocationResult["unfilledDemands"] = [];
  demands.forEach((d, di) => {
    const open = d.capacity - (held[di]?.length ?? 0);
    if (open <= 0) return;
    const reason: UnfilledDemandReason = (demandRank[di]?.size ?? 0) === 0 ? "no_acceptable_talent" : "talents_matched_elsewhere";
    unfilledDemands.push({ demandId: d.id, open, reason });
  });
  return { matches, unmatchedTalents, unfilledDemands };
}

/** Blocking pairs of an allocation (empty when stable): both on each other's list, both would rather. */
export function findBlockingPairs(input: AllocationInput, result: AllocationResult): { talentId: string; demandId: string }[] {
  const matchOf = new Map<string, string>();
  const heldBy = new Map<string, string[]>();
  for (const m of result.matches) {
    matchOf.set(m.talentId, m.demandId);
    const list = heldBy.get(m.demandId) ?? [];
    list.push(m.talentId);
    heldBy.set(m.demandId, list);
  }
  const demandById = new Map(input.demands.map((d) => [d.id, d]));
  const blocking: { talentId: string; demandId: string }[] = [];
  for (const t of input.talents) {
    const current = matchOf.get(t.id);
    for (const did of t.prefs) {
      if (did === current) break; // only demands the talent prefers to its own
      const d = demandById.get(did);
      if (d === undefined || d.capacity <= 0) continue;
      const rank = d.prefs.indexOf(t.id);
      if (rank < 0) continue;
      const holders = heldBy.get(did) ?? [];
      const worstHeld = Math.max(-1, ...holders.map((h) => d.prefs.indexOf(h)));
      if (holders.length < d.capacity || rank < worstHeld) blocking.push({ talentId: t.id, demandId: did });
    }
  }
  return blocking;
}
