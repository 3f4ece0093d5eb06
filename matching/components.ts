/**
 * Component values, each in 0–1 (NaN = not applicable to this pair). Applicability depends on the
 * offer's requirements only, so adding something to a talent can never switch a component on
 * against them. Every function here is allocation-free: they run per pair.
 */
import { bestSimilarity } from "./codes.ts";
import type { OfferFeatures, TalentFeatures, WeightedTerms } from "./features.ts";
import { ALL_MODES } from "./features.ts";
import { hasTerm } from "./text.ts";
import { COMPONENT_KEYS } from "./types.ts";
import type { ComponentKey } from "./types.ts";

/** Index of each component in a values array. */
// A literal (not Object.fromEntries) so V8 keeps fast properties: these are read per pair.
export const C = {
  skills: 0,
  industry: 1,
  occupation: 2,
  education: 3,
  qualification: 4,
  experience: 5,
  category: 6,
  urgency: 7,
  location: 8,
  mode: 9,
  salary: 10,
} as const satisfies Record<ComponentKey, number>;
export const COMPONENT_COUNT = COMPONENT_KEYS.length;

export const INDUSTRY_BY_DEPTH = [0, 0.25, 0.5, 0.75] as const;
export const OCCUPATION_BY_DEPTH = [0, 0.15, 0.4, 0.7] as const;
/** Location levels, worst first: unwilling, willing to relocate, origin province, origin city, same province, same city. */
export const LOCATION_VALUES = [0.1, 0.35, 0.5, 0.6, 0.75, 1] as const;
/** A phrase counts as fully present once this share of its weighted terms is (new材料 vs 新型材料). */
export const PHRASE_FULL = 0.75;
/** Matched text weight that counts as full relevance: a few strong terms suffice, long ads don't dilute. */
export const TEXT_SATURATION = 12;
/** Shares of required skills, preferred skills and free-text relevance inside the skills component. */
export const SKILL_PARTS = { required: 0.6, preferred: 0.15, text: 0.25 } as const;

/** A talent whose words name the offer's occupation (an alias) is nearly as good as the same code. */
export const ALIAS_CREDIT = 0.7;
/** Terms inferred from occupation aliases count this much of a term the talent wrote. */
export const EXPANDED_FACTOR = 0.5;

/** Weighted share of a phrase's terms the talent has, 0–1. */
export function phraseMatch(t: TalentFeatures, p: WeightedTerms): number {
  if (p.total <= 0) return 1;
  let got = 0;
  for (let i = 0; i < p.ids.length; i++) {
    const id = p.ids[i] ?? 0;
    const w = p.weights[i] ?? 0;
    if (hasTerm(t.terms, id)) got += w;
    else if (hasTerm(t.expanded, id)) got += EXPANDED_FACTOR * w;
  }
  return Math.min(1, got / p.total / PHRASE_FULL);
}

/** Weighted overlap of sorted ids `a` (with weights) and sorted ids `b`, by a linear merge. */
function overlap(a: Uint32Array, weights: Float32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let got = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      got += weights[i] ?? 0;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return got;
}

let strength = new Float64Array(256);

/**
 * How strongly the talent has each term of the offer's vocabulary (1 own word, 0.5 inferred, 0
 * absent), by one linear merge per talent array. Returns a shared scratch array.
 */
export function vocabStrength(t: TalentFeatures, o: OfferFeatures): Float64Array {
  const v = o.vocab;
  if (strength.length < v.length) strength = new Float64Array(v.length * 2);
  strength.fill(0, 0, v.length);
  mark(v, t.expanded, EXPANDED_FACTOR);
  mark(v, t.terms, 1);
  return strength;
}

function mark(v: Uint32Array, b: Uint32Array, value: number): void {
  let i = 0;
  let j = 0;
  while (i < v.length && j < b.length) {
    const x = v[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      strength[i] = value;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
}

/** phraseMatch from a vocabStrength array: same value, no searching. */
function phraseFromStrength(p: WeightedTerms, s: Float64Array): number {
  if (p.total <= 0) return 1;
  let got = 0;
  for (let i = 0; i < p.slots.length; i++) {
    const w = p.weights[i] ?? 0;
    const k = s[p.slots[i] ?? 0] ?? 0;
    if (k === 1) got += w;
    else if (k > 0) got += EXPANDED_FACTOR * w;
  }
  return Math.min(1, got / p.total / PHRASE_FULL);
}

function meanFromStrength(phrases: readonly WeightedTerms[], s: Float64Array): number {
  let sum = 0;
  for (const p of phrases) sum += phraseFromStrength(p, s);
  return sum / phrases.length;
}

/** Skills and text relevance from a vocabStrength array (the per-pair fast path). */
function skillsFromStrength(o: OfferFeatures, s: Float64Array): number {
  let got = 0;
  const text = o.text;
  for (let i = 0; i < text.slots.length; i++) {
    const k = s[text.slots[i] ?? 0] ?? 0;
    if (k === 1) got += text.weights[i] ?? 0;
    else if (k > 0) got += EXPANDED_FACTOR * (text.weights[i] ?? 0);
  }
  const body = Math.min(1, got / Math.min(Math.max(text.total, 1e-9), TEXT_SATURATION));
  const rel = o.titleTerms.total <= 0 ? body : 0.5 * phraseFromStrength(o.titleTerms, s) + 0.5 * body;
  let sum = SKILL_PARTS.text * rel;
  let w = SKILL_PARTS.text;
  if (o.required.length > 0) {
    sum += SKILL_PARTS.required * meanFromStrength(o.required, s);
    w += SKILL_PARTS.required;
  }
  if (o.preferred.length > 0) {
    sum += SKILL_PARTS.preferred * meanFromStrength(o.preferred, s);
    w += SKILL_PARTS.preferred;
  }
  return sum / w;
}

/**
 * Text relevance: half how much of the title the talent covers (what the job is), half the
 * saturating overlap with title + description (how it is done).
 */
export function textRelevance(t: TalentFeatures, title: WeightedTerms, text: WeightedTerms): number {
  const got = overlap(text.ids, text.weights, t.terms) + EXPANDED_FACTOR * overlap(text.ids, text.weights, t.expanded);
  const body = Math.min(1, got / Math.min(Math.max(text.total, 1e-9), TEXT_SATURATION));
  return title.total <= 0 ? body : 0.5 * phraseMatch(t, title) + 0.5 * body;
}

/** Occupation: the code hierarchy, or the talent naming one of the offer occupation's aliases. */
export function occupationValue(t: TalentFeatures, o: OfferFeatures): number {
  let v = bestSimilarity(t.occupationPaths, o.occupationPaths, OCCUPATION_BY_DEPTH);
  for (const p of o.occupationPhrases) {
    if (v >= ALIAS_CREDIT) break;
    v = Math.max(v, ALIAS_CREDIT * phraseMatch(t, p));
  }
  return v;
}

function meanMatch(t: TalentFeatures, phrases: readonly WeightedTerms[]): number {
  let s = 0;
  for (const p of phrases) s += phraseMatch(t, p);
  return s / phrases.length;
}

/** Skills and text relevance: required skills, preferred skills and the offer's text, renormalised over those present. */
export function skillsValue(t: TalentFeatures, o: OfferFeatures): number {
  let sum = SKILL_PARTS.text * textRelevance(t, o.titleTerms, o.text);
  let w = SKILL_PARTS.text;
  if (o.required.length > 0) {
    sum += SKILL_PARTS.required * meanMatch(t, o.required);
    w += SKILL_PARTS.required;
  }
  if (o.preferred.length > 0) {
    sum += SKILL_PARTS.preferred * meanMatch(t, o.preferred);
    w += SKILL_PARTS.preferred;
  }
  return sum / w;
}

/** Meeting a level: met 1, one short 0.5, two short 0.2, else 0. */
export function levelValue(have: number, need: number): number {
  if (have >= need) return 1;
  const short = need - have;
  return short === 1 ? 0.5 : short === 2 ? 0.2 : 0;
}

/** Location level 0–5 (index into LOCATION_VALUES). */
export function locationLevel(t: TalentFeatures, o: OfferFeatures): number {
  if (t.city === o.city || t.desiredCities.includes(o.city) || (o.province !== 0 && t.desiredProvinces.includes(o.province))) return 5;
  if (t.province !== 0 && t.province === o.province) return 4;
  if (t.originCity === o.city) return 3;
  if (t.originProvince !== 0 && t.originProvince === o.province) return 2;
  return t.willingToRelocate ? 1 : 0;
}

/** Rank (0 = most preferred) of the talent's best mode the offer also has; -1 if none. */
export function bestCommonMode(t: TalentFeatures, o: OfferFeatures): number {
  const common = t.modeMask & o.modeMask;
  if (common === 0) return -1;
  if (t.modeMask === ALL_MODES) return 0;
  let best = 255;
  for (let i = 0; i < 8; i++) {
    const rank = (t.modeRanks >>> (3 * i)) & 7;
    if (common & (1 << i) && rank < best) best = rank;
  }
  return best;
}

/** Salary: 1 when the expectation fits the band, falling to 0 when it is 50% above the top. */
export function salaryValue(expected: number, min: number, max: number): number {
  const top = max > 0 ? max : min;
  if (expected <= top) return 1;
  return Math.max(0, 1 - (2 * (expected - top)) / expected);
}

/** Fills `out` with every component value (NaN = not applicable). */
export function componentValues(t: TalentFeatures, o: OfferFeatures, out: Float64Array): void {
  cheapComponentValues(t, o, out);
  textComponentValues(t, o, out);
}

/** The term-matching components (skills; occupation alias evidence): the costly part of a pair. */
export function textComponentValues(t: TalentFeatures, o: OfferFeatures, out: Float64Array): void {
  const s = vocabStrength(t, o);
  out[C.skills] = skillsFromStrength(o, s);
  if (o.occupationPaths.length === 0) return;
  let v = bestSimilarity(t.occupationPaths, o.occupationPaths, OCCUPATION_BY_DEPTH);
  for (const p of o.occupationPhrases) {
    if (v >= ALIAS_CREDIT) break;
    v = Math.max(v, ALIAS_CREDIT * phraseFromStrength(p, s));
  }
  out[C.occupation] = v;
}

/**
 * Everything but term matching, with skills at its upper bound 1 and occupation at the most
 * alias evidence could add: an upper bound on the score, cheap enough to prune a top-K scan.
 */
export function cheapComponentValues(t: TalentFeatures, o: OfferFeatures, out: Float64Array): void {
  out[C.skills] = 1;
  out[C.industry] = o.industryPaths.length === 0 ? NaN : bestSimilarity(t.industryPaths, o.industryPaths, INDUSTRY_BY_DEPTH);
  if (o.occupationPaths.length === 0) out[C.occupation] = NaN;
  else {
    const path = bestSimilarity(t.occupationPaths, o.occupationPaths, OCCUPATION_BY_DEPTH);
    out[C.occupation] = o.occupationPhrases.length > 0 ? Math.max(path, ALIAS_CREDIT) : path;
  }
  // Unknown education is not vetoed, but counts for little until the talent says.
  out[C.education] = o.minEducation === 0 ? NaN : t.education === 0 ? 0.3 : t.education >= o.minEducation ? 1 : 0;
  if (o.minTitle === 0 && o.minSkillLevel === 0) out[C.qualification] = NaN;
  else
    out[C.qualification] = Math.max(
      o.minTitle === 0 ? 0 : levelValue(t.title, o.minTitle),
      o.minSkillLevel === 0 ? 0 : levelValue(t.skillLevel, o.minSkillLevel),
    );
  out[C.experience] = o.minYears <= 0 ? NaN : t.years < 0 ? 0 : Math.min(1, t.years / o.minYears);
  out[C.category] =
    o.category === 0 ? NaN : t.category === 0 ? 0.2 : t.category <= o.category ? 1 : levelValue(o.category, t.category);
  out[C.urgency] = o.urgency === 0 ? NaN : o.urgency / 5;
  out[C.location] = o.city === 0 ? NaN : (LOCATION_VALUES[locationLevel(t, o)] ?? 0);
  const mode = bestCommonMode(t, o);
  out[C.mode] = mode < 0 ? 0 : Math.max(0.6, 1 - 0.1 * mode);
  out[C.salary] =
    t.expectedSalary <= 0 || (o.salaryMax <= 0 && o.salaryMin <= 0) ? NaN : salaryValue(t.expectedSalary, o.salaryMin, o.salaryMax);
}
