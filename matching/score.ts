/** Combining component values into side fits and the final 0–100 score. */
import { COMPONENT_COUNT, cheapComponentValues, textComponentValues } from "./components.ts";
import type { OfferFeatures, TalentFeatures } from "./features.ts";
import { vetoMask } from "./vetoes.ts";
import { COMPONENT_SIDE } from "./weights.ts";
import type { Weights } from "./weights.ts";
import { COMPONENT_KEYS } from "./types.ts";

/** Weights laid out by component index, with a side flag (1 = enterprise), cached per Weights object. */
interface Compiled {
  w: Float64Array;
  enterprise: Uint8Array;
  share: number;
}
const compiled = new WeakMap<Weights, Compiled>();

function compile(weights: Weights): Compiled {
  let c = compiled.get(weights);
  if (c === undefined) {
    c = {
      w: Float64Array.from(COMPONENT_KEYS, (k) => weights.components[k]),
      enterprise: Uint8Array.from(COMPONENT_KEYS, (k) => (COMPONENT_SIDE[k] === "enterprise" ? 1 : 0)),
      share: weights.enterpriseShare,
    };
    compiled.set(weights, c);
  }
  return c;
}

/** Side fits (0–1) and each applicable component's share of its side's weight. */
export interface Combined {
  enterprise: number;
  talent: number;
  /** Raw score 0–100 before rounding. */
  raw: number;
  /** Points per unit of value for component i (0 when not applicable): contribution = value × this. */
  pointsPerUnit: Float64Array;
}

/** Combines values into side fits; a side with nothing applicable counts as fully met. */
export function combine(values: Float64Array, weights: Weights): Combined {
  const c = compile(weights);
  let eSum = 0;
  let eW = 0;
  let tSum = 0;
  let tW = 0;
  for (let i = 0; i < COMPONENT_COUNT; i++) {
    const v = values[i] ?? NaN;
    const w = c.w[i] ?? 0;
    if (Number.isNaN(v) || w === 0) continue;
    if (c.enterprise[i] === 1) {
      eSum += w * v;
      eW += w;
    } else {
      tSum += w * v;
      tW += w;
    }
  }
  const pointsPerUnit = new Float64Array(COMPONENT_COUNT);
  for (let i = 0; i < COMPONENT_COUNT; i++) {
    const v = values[i] ?? NaN;
    if (Number.isNaN(v)) continue;
    const side = c.enterprise[i] === 1;
    const total = side ? eW : tW;
    pointsPerUnit[i] = total === 0 ? 0 : (100 * (side ? c.share : 1 - c.share) * (c.w[i] ?? 0)) / total;
  }
  const enterprise = eW === 0 ? 1 : eSum / eW;
  const talent = tW === 0 ? 1 : tSum / tW;
  return { enterprise, talent, raw: 100 * (c.share * enterprise + (1 - c.share) * talent), pointsPerUnit };
}

/** Rounds to one decimal, the precision scores are shown and ranked at. */
export function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

const scratch = new Float64Array(COMPONENT_COUNT);

/** Score and side fits of a pair without an explanation, or undefined when a hard filter vetoes it. */
export interface PairFits {
  score: number;
  enterpriseFit: number;
  talentFit: number;
}

/** Side fits of the values in scratch, written to out. */
function combineScratch(c: Compiled, out: PairFits): void {
  let eSum = 0;
  let eW = 0;
  let tSum = 0;
  let tW = 0;
  for (let i = 0; i < COMPONENT_COUNT; i++) {
    const v = scratch[i] ?? NaN;
    const w = c.w[i] ?? 0;
    if (Number.isNaN(v) || w === 0) continue;
    if (c.enterprise[i] === 1) {
      eSum += w * v;
      eW += w;
    } else {
      tSum += w * v;
      tW += w;
    }
  }
  const e = eW === 0 ? 1 : eSum / eW;
  const tf = tW === 0 ? 1 : tSum / tW;
  out.score = round1(100 * (c.share * e + (1 - c.share) * tf));
  out.enterpriseFit = round1(100 * e);
  out.talentFit = round1(100 * tf);
}

/**
 * Fills out and returns true, or returns false when vetoed or when even the upper bound (all
 * term matching perfect) stays below `floor`: such a pair can never enter the top-K.
 */
function fits(t: TalentFeatures, o: OfferFeatures, weights: Weights, now: number, out: PairFits, floor: number): boolean {
  if (vetoMask(t, o, now) !== 0) return false;
  const c = compile(weights);
  cheapComponentValues(t, o, scratch);
  if (floor > 0) {
    combineScratch(c, out);
    if (out.score < floor) return false;
  }
  textComponentValues(t, o, scratch);
  combineScratch(c, out);
  return true;
}

const shared: PairFits = { score: 0, enterpriseFit: 0, talentFit: 0 };

/**
 * The ranking score alone (0–100, one decimal), or -1 when a hard filter vetoes the pair.
 * Same number as `scoreDemand(...).score` for non-vetoed pairs, without building an explanation.
 */
export function rankScore(t: TalentFeatures, o: OfferFeatures, weights: Weights, now: number): number {
  return fits(t, o, weights, now, shared, 0) ? shared.score : -1;
}

/** Like rankScore, but returns -1 early when the pair cannot reach `floor` (top-K pruning). */
export function rankScoreAbove(t: TalentFeatures, o: OfferFeatures, weights: Weights, now: number, floor: number): number {
  return fits(t, o, weights, now, shared, floor) ? shared.score : -1;
}

/** Score and both side fits (for preference lists: talents rank by one, demands by the other). */
export function pairFits(t: TalentFeatures, o: OfferFeatures, weights: Weights, now: number): PairFits | undefined {
  const out: PairFits = { score: 0, enterpriseFit: 0, talentFit: 0 };
  return fits(t, o, weights, now, out, 0) ? out : undefined;
}
