import { eq } from "drizzle-orm";
import { DEFAULT_WEIGHTS, resolveWeights, type WeightOverrides, type Weights } from "../../matching/index.ts";
import { tenantSettings } from "../../schema/tables/introductions.ts";
import type { Db } from "../db.ts";
import type { Locale } from "../i18n.ts";

export interface TenantMatchSettings {
  suggestionThreshold: number;
  /** The tenant's overrides as stored (snake_case wire form: { components, enterprise_share }). */
  overrides: WeightOverrides | null;
  weights: Weights;
  /** The language of problems when a request sends no Accept-Language. */
  locale: Locale;
}

export const DEFAULT_SUGGESTION_THRESHOLD = 70;

/** The tenant's matching settings, or the defaults. Stored overrides were validated on write. */
export async function matchSettings(db: Db, tenantId: string): Promise<TenantMatchSettings> {
  const rows = await db.select().from(tenantSettings).where(eq(tenantSettings.tenantId, tenantId)).limit(1);
  const row = rows[0];
  if (!row) return { suggestionThreshold: DEFAULT_SUGGESTION_THRESHOLD, overrides: null, weights: DEFAULT_WEIGHTS, locale: DEFAULT_LOCALE };
  const overrides = (row.weights as WeightOverrides | null) ?? null;
  return { suggestionThreshold: row.suggestionThreshold, overrides, weights: resolveWeights(overrides), locale: row.locale };
}

/** Tenants answer in English unless they chose Chinese (the demo region does), so existing clients see no change. */
export const DEFAULT_LOCALE: Locale = "en";

export function upsertSettingsStatement(
  db: Db,
  tenantId: string,
  threshold: number,
  overrides: WeightOverrides | null,
  at: string,
  locale: Locale = DEFAULT_LOCALE,
) {
  const weights = overrides as Record<string, unknown> | null;
  return db
    .insert(tenantSettings)
    .values({ tenantId, suggestionThreshold: threshold, weights, locale, updatedAt: at })
    .onConflictDoUpdate({ target: tenantSettings.tenantId, set: { suggestionThreshold: threshold, weights, locale, updatedAt: at } });
}
