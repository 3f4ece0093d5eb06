/** Pair scoring rate, top-20 over 200k talents (heap vs. full sort), inverted-index candidates vs. full scan. */
import { DEFAULT_WEIGHTS, indexKeys, prepareDemand, prepareTalent, queryKeys, rankScore, scoreDemand, topOffers, topTalents } from "../matching/index.ts";
import type { DemandProfile, Lexicon, OfferFeatures, TalentFeatures, TalentProfile } from "../matching/index.ts";
import { fmt, mark, median, memorySince, timeRuns, wallCpu } from "./measure.ts";

const W = DEFAULT_WEIGHTS;

export interface Row {
  what: string;
  value: string;
  baseline?: string;
}

export function benchPairs(talents: readonly TalentFeatures[], demands: readonly OfferFeatures[], rawT: readonly TalentProfile[], rawD: readonly DemandProfile[], lexicon: Lexicon, now: number): Row[] {
  const rows: Row[] = [];
  const m0 = mark();
  const fast = timeRuns(5, (run) => {
    const d = demands[run];
    let acc = 0;
    if (d !== undefined) for (const t of talents) acc += rankScore(t, d, W, now);
    return acc;
  });
  const fastRate = talents.length / (median(fast.ms) / 1000);
  const fastCpuRate = talents.length / (median(fast.cpu) / 1000);
  const SAMPLE = 20_000;
  const explained = timeRuns(3, (run) => {
    const d = demands[run];
    let acc = 0;
    if (d !== undefined) for (let i = 0; i < SAMPLE; i++) acc += scoreDemand(talents[i] as TalentFeatures, d, W, now).score;
    return acc;
  });
  const NAIVE = 2_000;
  const naive = timeRuns(3, (run) => {
    const d = rawD[run];
    let acc = 0;
    if (d !== undefined) for (let i = 0; i < NAIVE; i++) acc += scoreDemand(prepareTalent(rawT[i] as TalentProfile, lexicon), prepareDemand(d, lexicon), W, now).score;
    return acc;
  });
  rows.push({
    what: "pair scores / s, one core (rankScore on precomputed features)",
    value: `${Math.round(fastRate).toLocaleString("en")} /s (per cpu-second ${Math.round(fastCpuRate).toLocaleString("en")})`,
    baseline: `explained scoreDemand: ${Math.round(SAMPLE / (median(explained.ms) / 1000)).toLocaleString("en")} /s; re-tokenising per pair: ${Math.round(NAIVE / (median(naive.ms) / 1000)).toLocaleString("en")} /s`,
  });
  rows.push({ what: "  memory", value: memorySince(m0) });
  return rows;
}

export function benchTopK(talents: readonly TalentFeatures[], demands: readonly OfferFeatures[], lexicon: Lexicon, now: number): Row[] {
  const rows: Row[] = [];
  const m0 = mark();
  const RUNS = 9;
  const heap = timeRuns(RUNS, (run) => topTalents(demands[run] as OfferFeatures, talents, 20, W, now));
  const naive = timeRuns(1, (run) => {
    const d = demands[run] as OfferFeatures;
    return talents.map((t) => scoreDemand(t, d, W, now)).filter((r) => !r.vetoed).sort((a, b) => b.score - a.score || (a.talentId < b.talentId ? -1 : 1)).slice(0, 20);
  });
  const sortOnly = timeRuns(3, (run) => {
    const d = demands[run] as OfferFeatures;
    return talents.map((t) => ({ id: t.id, s: rankScore(t, d, W, now) })).filter((x) => x.s >= 0).sort((a, b) => b.s - a.s || (a.id < b.id ? -1 : 1)).slice(0, 20);
  });
  const same = naive.result.map((r) => r.talentId).join() === topTalents(demands[0] as OfferFeatures, talents, 20, W, now).map((r) => r.id).join();
  rows.push({
    what: `top-20 for one demand over ${talents.length.toLocaleString("en")} talents (bounded heap, median of ${RUNS})`,
    value: wallCpu(heap),
    baseline: `rankScore + full sort: ${fmt(median(sortOnly.ms))}; explained scoring + sort: ${fmt(median(naive.ms))} (same top-20: ${same})`,
  });
  rows.push({ what: "  memory", value: memorySince(m0) });
  const forTalent = timeRuns(50, (run) => topOffers(talents[run] as TalentFeatures, demands, 20, W, now));
  rows.push({ what: `top-20 demands for one talent over ${demands.length.toLocaleString("en")} demands (median of 50)`, value: wallCpu(forTalent) });

  // Inverted index: what the storage layer would keep, here in memory.
  const m1 = mark();
  const t0 = performance.now();
  const postings = new Map<string, number[]>();
  talents.forEach((t, i) => {
    for (const k of indexKeys(t, lexicon)) {
      const list = postings.get(k);
      if (list === undefined) postings.set(k, [i]);
      else list.push(i);
    }
  });
  const buildMs = performance.now() - t0;
  const seen = new Uint8Array(talents.length);
  let recallSum = 0;
  let candSum = 0;
  const QUERIES = 50;
  const idx = timeRuns(QUERIES, (run) => {
    const d = demands[run % demands.length] as OfferFeatures;
    const cands: TalentFeatures[] = [];
    const hit: number[] = [];
    for (const k of queryKeys(d, lexicon)) {
      for (const i of postings.get(k) ?? []) {
        if (seen[i] === 1) continue;
        seen[i] = 1;
        hit.push(i);
        cands.push(talents[i] as TalentFeatures);
      }
    }
    const top = topTalents(d, cands, 20, W, now);
    for (const i of hit) seen[i] = 0;
    candSum += cands.length;
    return top;
  });
  // Recall of the whole union, and of a pool capped to the candidates sharing the most keys
  // (what a storage layer with a LIMIT keeps).
  const POOLS = [1_000, 2_000];
  const capped = new Map<string, number>();
  const score = new Float64Array(talents.length);
  for (let q = 0; q < 10; q++) {
    const d = demands[q] as OfferFeatures;
    const full = new Set(topTalents(d, talents, 20, W, now).map((r) => r.id));
    const touched: number[] = [];
    for (const key of queryKeys(d, lexicon)) {
      for (const i of postings.get(key) ?? []) {
        if (score[i] === 0) touched.push(i);
        score[i] = (score[i] ?? 0) + 1;
      }
    }
    touched.sort((a, b) => (score[b] ?? 0) - (score[a] ?? 0) || a - b);
    recallSum += topTalents(d, touched.map((i) => talents[i] as TalentFeatures), 20, W, now).filter((r) => full.has(r.id)).length / Math.max(1, full.size);
    for (const n of POOLS) {
      const got = topTalents(d, touched.slice(0, n).map((i) => talents[i] as TalentFeatures), 20, W, now).filter((r) => full.has(r.id)).length;
      const label = `${n.toLocaleString("en")} sharing the most keys`;
      capped.set(label, (capped.get(label) ?? 0) + got / Math.max(1, full.size));
    }
    for (const i of touched) score[i] = 0;
  }
  rows.push({
    what: `top-20 via inverted-index candidates (median of ${QUERIES}; index built in ${fmt(buildMs)}, ${postings.size.toLocaleString("en")} keys)`,
    value: wallCpu(idx),
    baseline: `avg ${Math.round(candSum / QUERIES).toLocaleString("en")} candidates scored instead of ${talents.length.toLocaleString("en")}; recall@20 vs. full scan ${(recallSum / 10).toFixed(3)}; keeping only the first ${[...capped].map(([k, v]) => `${k}: ${(v / 10).toFixed(3)}`).join(", ")}`,
  });
  rows.push({ what: "  memory (index)", value: memorySince(m1) });
  return rows;
}
