import {
  DEFAULT_WEIGHTS,
  indexKeys,
  type MatchResult,
  queryKeys,
  rankScore,
  scoreDemand,
  topK,
  type Weights,
} from "../../matching/index.ts";
import type { Db } from "../db.ts";
import type { DemandRow, TalentRow } from "../data/profiles.ts";
import { lexicon } from "../lexicon.ts";
import { demandFeatures, talentFeatures } from "./features.ts";
import { candidates, demandRows, talentRows } from "./retrieve.ts";

/** How many candidates retrieval hands to exact scoring. Measured against exact scoring of everyone: see README. */
export const CANDIDATE_POOL = 1000;
/** The deepest a client can page into a ranking. */
export const MAX_RANKED = 200;

export interface RankOptions {
  weights?: Weights;
  now: Date;
  pool?: number;
  /** Keep only results at or above this score. */
  minScore?: number;
}

export interface Ranked<R> {
  row: R;
  score: number;
}

/** Talents for a demand: index candidates, exact ranking score, best first (ties by id); vetoed pairs dropped. */
export async function rankTalentsForDemand(
  db: Db,
  demand: DemandRow,
  opts: RankOptions & { city?: string | undefined; mode?: string | undefined },
): Promise<Ranked<TalentRow>[]> {
  const lex = lexicon();
  const offer = demandFeatures(demand);
  const ids = await candidates(db, demand.tenantId, "talent", queryKeys(offer, lex), opts.pool ?? CANDIDATE_POOL);
  let rows = await talentRows(db, demand.tenantId, ids);
  if (opts.city) rows = rows.filter((r) => r.city === opts.city);
  if (opts.mode) {
    const mode = opts.mode;
    rows = rows.filter((r) => r.modes.length === 0 || r.modes.includes(mode));
  }
  const weights = opts.weights ?? DEFAULT_WEIGHTS;
  const now = opts.now.getTime();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ranked = topK(offer, rows.map((r) => talentFeatures(r)), MAX_RANKED, (o, t) => rankScore(t, o, weights, now));
  const out: Ranked<TalentRow>[] = [];
  for (const r of ranked) {
    const row = byId.get(r.id);
    if (row && r.score >= (opts.minScore ?? 0)) out.push({ row, score: r.score });
  }
  return out;
}

/** Open demands for a talent, ranked the same way. */
export async function rankDemandsForTalent(db: Db, talent: TalentRow, opts: RankOptions): Promise<Ranked<DemandRow>[]> {
  const lex = lexicon();
  const t = talentFeatures(talent);
  const ids = await candidates(db, talent.tenantId, "demand", indexKeys(t, lex), opts.pool ?? CANDIDATE_POOL);
  const rows = (await demandRows(db, talent.tenantId, ids)).filter((r) => r.status === "open");
  const weights = opts.weights ?? DEFAULT_WEIGHTS;
  const now = opts.now.getTime();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ranked = topK(t, rows.map((r) => demandFeatures(r)), MAX_RANKED, (tf, o) => rankScore(tf, o, weights, now));
  const out: Ranked<DemandRow>[] = [];
  for (const r of ranked) {
    const row = byId.get(r.id);
    if (row && r.score >= (opts.minScore ?? 0)) out.push({ row, score: r.score });
  }
  return out;
}

/** The full explanation of one pair. */
export function explain(talent: TalentRow, demand: DemandRow, weights: Weights, now: Date): MatchResult {
  return scoreDemand(talentFeatures(talent), demandFeatures(demand), weights, now.getTime());
}
