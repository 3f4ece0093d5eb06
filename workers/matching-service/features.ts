import { type OfferFeatures, prepareDemand, prepareTalent, type TalentFeatures } from "../../matching/index.ts";
import { type DemandRow, demandProfile, type TalentRow, talentProfile } from "../data/profiles.ts";
import { lexicon } from "../lexicon.ts";

/**
 * Prepared features per profile, kept for the life of the process (Node) or isolate (Workers):
 * preparing is the costly part of scoring (segmenting Chinese text), so it is done once per
 * version of a row. A row's `updated_at` is its version.
 */
const MAX_ENTRIES = 400_000;
const talents = new Map<string, { stamp: string; features: TalentFeatures }>();
const demands = new Map<string, { stamp: string; features: OfferFeatures }>();

function remember<F>(cache: Map<string, { stamp: string; features: F }>, id: string, stamp: string, make: () => F): F {
  const hit = cache.get(id);
  if (hit && hit.stamp === stamp) return hit.features;
  if (cache.size >= MAX_ENTRIES) {
    // Drop the oldest tenth: insertion order approximates age well enough for a cache of features.
    let n = MAX_ENTRIES / 10;
    for (const key of cache.keys()) {
      cache.delete(key);
      if (--n <= 0) break;
    }
  }
  const features = make();
  cache.set(id, { stamp, features });
  return features;
}

export function talentFeatures(row: TalentRow): TalentFeatures {
  return remember(talents, row.id, row.updatedAt, () => prepareTalent(talentProfile(row), lexicon()));
}

export function demandFeatures(row: DemandRow): OfferFeatures {
  return remember(demands, row.id, row.updatedAt, () => prepareDemand(demandProfile(row), lexicon()));
}

/** Forget an erased profile at once (its features hold no contact data, but erasure means erasure). */
export function forgetTalent(id: string): void {
  talents.delete(id);
}
