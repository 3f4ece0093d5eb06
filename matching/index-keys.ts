/**
 * Keys for an inverted index, so the storage layer can fetch candidates without scanning
 * everyone: write `indexKeys(talent)` rows once per talent, look up `queryKeys(offer)` per query,
 * score the union. Keys are strings: `t:` hashed term (base 36), `i:` industry prefix, `o:`
 * occupation prefix. Location is deliberately not a key: a willing mover must not be missed.
 */
import { industryPrefixes, occupationPrefixes } from "./codes.ts";
import type { OfferFeatures, TalentFeatures } from "./features.ts";
import type { Lexicon } from "./lexicon.ts";

/** Terms common across the occupation taxonomy (工程, 管理) would make every talent a candidate. */
const MIN_KEY_WEIGHT = 0.8;

function termKeys(lexicon: Lexicon, ids: Uint32Array): string[] {
  const out: string[] = [];
  for (const id of ids) if ((lexicon.termWeight.get(id) ?? 1) >= MIN_KEY_WEIGHT) out.push(`t:${id.toString(36)}`);
  return out;
}

/** Industry keys down to group level (class is too fine to gather candidates). */
function industryKeys(lexicon: Lexicon, codes: readonly string[]): string[] {
  const out = new Set<string>();
  for (const c of codes) for (const p of industryPrefixes(lexicon, c).slice(1, 3)) if (p !== "") out.add(`i:${p}`);
  return [...out];
}

function occupationKeys(codes: readonly string[], depth: number): string[] {
  const out = new Set<string>();
  for (const c of codes) {
    const p = occupationPrefixes(c)[depth - 1];
    if (p !== undefined) out.add(`o:${p}`);
  }
  return [...out];
}

/** Keys to store for a talent: skill/major/occupation terms, industry division and group, occupation minor group. */
export function indexKeys(t: TalentFeatures, lexicon: Lexicon): string[] {
  return [...termKeys(lexicon, t.keyTerms), ...industryKeys(lexicon, t.industryCodes), ...occupationKeys(t.occupationCodes, 3)].sort();
}

/** Keys to look up for a demand or project: title and required-skill terms, industry group, occupation minor group. */
export function queryKeys(o: OfferFeatures, lexicon: Lexicon): string[] {
  const ind = new Set<string>();
  for (const c of o.industryCodes) {
    const p = industryPrefixes(lexicon, c);
    // The finest level both sides index: the group, or the code itself when broader.
    const key = p[Math.min(2, p.length - 1)];
    if (key !== undefined && key !== "" && /^\d/.test(key)) ind.add(`i:${key}`);
  }
  return [...termKeys(lexicon, o.keyTerms), ...ind, ...occupationKeys(o.occupationCodes, 3)].sort();
}

