import { eq } from "drizzle-orm";
import { DEFAULT_WEIGHTS, resolveWeights, type WeightOverrides, type Weights } from "../../matching/index.ts";
import { tenantSettings } from "../../schema/tables/introductions.ts";
import type { Db } from "../db.ts";

export interface TenantMatchSettings {
  suggestionThreshold: number;
  /** The tenant's overrides as stored (snake_case wire form: { components, enterprise_share }). */
  overrides: WeightOverrides | null;
  weights: Weights;
}

export const DEFAULT_SUGGESTION_THRESHOLD = 70;

/** The tenant's matching settings, or the defaults. Stored overrides were validated on write. */
export async function matchSettings(db: Db, tenantId: string): Promise<TenantMatchSettings> {
  const rows = await db.select().from(tenantSettings).where(eq(tenantSettings.tenantId, tenantId)).limit(1);
  const row = rows[0];
  if (!row) return { suggestionThreshold: DEFAULT_SUGGESTION_THRESHOLD, overrides: null, weights: DEFAULT_WEIGHTS };
  const overrides = (row.weights as WeightOverrides | null) ?? null;
  return { suggestionThreshold: row.suggestionThreshold, overrides, weights: resolveWeights(overrides) };
}

export function upsertSettingsStatement(db: Db, tenantId: string, threshold: number, overrides: WeightOverrides | null, at: string) {
  return db
    .insert(tenantSettings)
    .values({ tenantId, suggestionThreshold: threshold, weights: overrides as Record<string, unknown> | null, updatedAt: at })
    .onConflictDoUpdate({ target: tenantSettings.tenantId, set: { suggestionThreshold: threshold, weights: overrides as Record<string, unknown> | null, updatedAt: at } });
}
