import { type OfferFeatures, prepareDemand, prepareTalent, type TalentFeatures } from "../../matching/index.ts";
import type { Db } from "../db.ts";
import { type DemandRow, demandProfile, type TalentRow, talentProfile } from "../data/profiles.ts";
import { lexicon } from "../lexicon.ts";
import { demandRows, demandStamps, talentRows, talentStamps } from "./retrieve.ts";

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

/** Narrowing applied in SQL while reading candidates' versions. */
export interface TalentFilter {
  city?: string | undefined;
  mode?: string | undefined;
}

/**
 * Features for candidate talents, reading only `id, updated_at` for the lot and whole rows only for
 * those not cached at their current version: a warm ranking parses no profile JSON at all.
 * Ids that no longer exist (or fail the filter) are left out.
 */
export async function talentFeaturesFor(db: Db, tenantId: string, ids: readonly string[], filter: TalentFilter = {}): Promise<TalentFeatures[]> {
  const out: TalentFeatures[] = [];
  const misses: string[] = [];
  for (const s of await talentStamps(db, tenantId, ids, filter)) {
    const hit = talents.get(s.id);
    if (hit && hit.stamp === s.updatedAt) out.push(hit.features);
    else misses.push(s.id);
  }
  for (const row of await talentRows(db, tenantId, misses)) out.push(talentFeatures(row));
  return out;
}

/** Features for candidate demands, the same way; only open demands. */
export async function demandFeaturesFor(db: Db, tenantId: string, ids: readonly string[]): Promise<OfferFeatures[]> {
  const out: OfferFeatures[] = [];
  const misses: string[] = [];
  for (const s of await demandStamps(db, tenantId, ids)) {
    const hit = demands.get(s.id);
    if (hit && hit.stamp === s.updatedAt) out.push(hit.features);
    else misses.push(s.id);
  }
  for (const row of await demandRows(db, tenantId, misses)) out.push(demandFeatures(row));
  return out;
}

/** Rows for ids in the order given (a page of a ranking); ids that vanished are skipped. */
export async function inOrder<R extends { id: string }>(ids: readonly string[], load: (ids: readonly string[]) => Promise<R[]>): Promise<R[]> {
  const byId = new Map((await load(ids)).map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [row] : [];
  });
}
