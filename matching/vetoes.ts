/** Hard filters, checked before scoring. A veto zeroes the score and is reported, never hidden. */
import type { OfferFeatures, TalentFeatures } from "./features.ts";
import { ALL_MODES } from "./features.ts";
import { ENGAGEMENT_MODES } from "./types.ts";
import type { VetoKey } from "./types.ts";

export const VETO_BIT = { education: 1, mode: 2, city: 4, expired: 8, filled: 16 } as const satisfies Record<VetoKey, number>;

/** Modes that do not require moving: everything but full-time (flexible 柔性引才 forms). */
const REMOTE_MODES = ALL_MODES & ~(1 << ENGAGEMENT_MODES.indexOf("full_time"));

/** Bitmask of failed hard filters (0 = passes). Only those that apply to the pair are checked. */
export function vetoMask(t: TalentFeatures, o: OfferFeatures, now: number): number {
  let m = 0;
  if (o.minEducation > 0 && t.education > 0 && t.education < o.minEducation) m |= VETO_BIT.education;
  const common = t.modeMask & o.modeMask;
  if (common === 0) m |= VETO_BIT.mode;
  if (o.city !== 0 && cityRefused(t, o, common)) m |= VETO_BIT.city;
  if (o.validUntil < now) m |= VETO_BIT.expired;
  if (o.full) m |= VETO_BIT.filled;
  return m;
}

/** Refused outright, or the talent will not move and every common mode needs them on site. */
function cityRefused(t: TalentFeatures, o: OfferFeatures, commonModes: number): boolean {
  if (t.refusedCities.includes(o.city) || t.refusedProvinces.includes(o.province)) return true;
  if (t.willingToRelocate || t.city === o.city || t.desiredCities.includes(o.city) || t.desiredProvinces.includes(o.province)) return false;
  return commonModes !== 0 && (commonModes & REMOTE_MODES) === 0;
}

/** Which vetoes apply to this pair at all (a filter with nothing to check is not "passed"). */
export function applicableVetoes(o: OfferFeatures): VetoKey[] {
  const keys: VetoKey[] = [];
  if (o.minEducation > 0) keys.push("education");
  keys.push("mode");
  if (o.city !== 0) keys.push("city");
  if (o.validUntil !== Number.POSITIVE_INFINITY) keys.push("expired");
  if (o.kind === "demand") keys.push("filled");
  return keys;
}
