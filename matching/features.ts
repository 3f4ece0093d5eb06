/**
 * Features precomputed once per profile (sorted term ids, hashed code paths, ordinals, bitmasks)
 * so that scoring a pair compares integers and costs microseconds.
 */
import { packIndustry, packOccupation } from "./codes.ts";
import { inferOccupations, occupationExpansion, provinceOf } from "./lexicon.ts";
import type { Lexicon } from "./lexicon.ts";
import { analyze, termId, termIds } from "./text.ts";
import { EDUCATION_LEVELS, ENGAGEMENT_MODES, SKILL_LEVELS, TITLE_LEVELS } from "./types.ts";
import type { EngagementMode, TalentProfile } from "./types.ts";

/** A weighted phrase (a required skill, or the whole offer text) as sorted term ids. */
export interface WeightedTerms {
  readonly label: string;
  readonly ids: Uint32Array;
  readonly weights: Float32Array;
  readonly total: number;
  /** Position of each id in the offer's `vocab` (empty until bound to an offer). */
  readonly slots: Uint32Array;
}

/** Precomputed talent features. */
export interface TalentFeatures {
  readonly id: string;
  /** The talent's own words: skills, major, summary, honours. */
  readonly terms: Uint32Array;
  /** Names and aliases of the talent's occupations not already in `terms`: weaker, inferred evidence. */
  readonly expanded: Uint32Array;
  /** Skills, major and occupation names only: what an inverted index stores. */
  readonly keyTerms: Uint32Array;
  readonly industryCodes: readonly string[];
  /** Packed codes (see codes.ts): integers, so a scan stays inside the profile object. */
  readonly industryPaths: readonly number[];
  readonly occupationCodes: readonly string[];
  readonly occupationPaths: readonly number[];
  /** Ordinals: 0 = unknown, then 1 … n from lowest. */
  readonly education: number;
  readonly title: number;
  readonly skillLevel: number;
  /** -1 when unknown. */
  readonly years: number;
  /** Cities and provinces as integers (4403, 44); 0 = unknown. */
  readonly city: number;
  readonly province: number;
  readonly originCity: number;
  readonly originProvince: number;
  readonly desiredCities: readonly number[];
  /** Provinces the talent named as a whole (内蒙古): every city in them is desired. */
  readonly desiredProvinces: readonly number[];
  readonly refusedCities: readonly number[];
  /** Provinces refused as a whole: every city in them is refused. */
  readonly refusedProvinces: readonly number[];
  readonly willingToRelocate: boolean;
  /** Bit i set = mode ENGAGEMENT_MODES[i] accepted; all bits when the talent did not say. */
  readonly modeMask: number;
  /** Preference rank (0 = most preferred) of mode i in bits 3i…3i+2. */
  readonly modeRanks: number;
  /** -1 when unknown. */
  readonly expectedSalary: number;
  /** 0 when not graded. */
  readonly category: number;
}

/** Precomputed demand or project features ("offer": what the talent is matched to). */
export interface OfferFeatures {
  readonly id: string;
  readonly kind: "demand" | "project";
  readonly title: string;
  /** The title: what the job is. */
  readonly titleTerms: WeightedTerms;
  /** Title and description together. */
  readonly text: WeightedTerms;
  /** Name and aliases of the offer's occupations: a talent naming one is in that occupation. */
  readonly occupationPhrases: readonly WeightedTerms[];
  readonly required: readonly WeightedTerms[];
  readonly preferred: readonly WeightedTerms[];
  /** Every distinct term id of the offer, sorted: one merge per pair matches them all. */
  readonly vocab: Uint32Array;
  /** Title and required-skill terms: what a candidate query looks up. */
  readonly keyTerms: Uint32Array;
  readonly industryCodes: readonly string[];
  readonly industryPaths: readonly number[];
  readonly occupationCodes: readonly string[];
  readonly occupationPaths: readonly number[];
  readonly minEducation: number;
  readonly minTitle: number;
  readonly minSkillLevel: number;
  readonly minYears: number;
  readonly city: number;
  readonly province: number;
  /** All bits when the offer did not say. */
  readonly modeMask: number;
  readonly salaryMin: number;
  readonly salaryMax: number;
  /** 0 when not given, else 1–5. */
  readonly urgency: number;
  readonly category: number;
  /** Epoch ms; Infinity when open-ended. */
  readonly validUntil: number;
  readonly full: boolean;
}

export const ALL_MODES = (1 << ENGAGEMENT_MODES.length) - 1;

export function ordinal<T extends string>(levels: readonly T[], v: T | undefined): number {
  return v === undefined ? 0 : levels.indexOf(v) + 1;
}

export function modeMask(modes: readonly EngagementMode[] | undefined): number {
  if (modes === undefined || modes.length === 0) return ALL_MODES;
  let m = 0;
  for (const mode of modes) {
    // Unknown strings from storage are ignored rather than corrupting the mask.
    const i = ENGAGEMENT_MODES.indexOf(mode);
    if (i >= 0) m |= 1 << i;
  }
  if (m === 0) return ALL_MODES;
  return m;
}

export function num(v: number | undefined): number {
  return v === undefined || !Number.isFinite(v) ? -1 : v;
}

const NONE: readonly number[] = Object.freeze([]);

/** Municipalities (直辖市): their districts and counties (1101…, 5002…) are all one city, xx01. */
const MUNICIPAL_PROVINCES = new Set([11, 12, 31, 50]);

/**
 * A city as an integer: the 4-digit GB/T 2260 city code (a 6-digit area code is cut to its city,
 * so 150624 鄂托克旗 is in 1506; a municipality's districts and counties are all its xx01). A
 * province code (2 digits) names no city: 0. A name that is not a code still compares equal to
 * itself (hashed above the code range); 0 = unknown.
 */
export function cityNumber(c: string | undefined): number {
  const s = (c ?? "").trim();
  if (s === "" || /^\d{2}$/.test(s)) return 0;
  if (/^\d{4}/.test(s)) {
    const province = Number(s.slice(0, 2));
    return MUNICIPAL_PROVINCES.has(province) ? province * 100 + 1 : Number(s.slice(0, 4));
  }
  return 10_000 + (termId(s) >>> 3);
}

/** Province of a place code: its first two digits for a 2-, 4- or 6-digit code; 0 otherwise. */
export function placeProvince(lexicon: Lexicon, c: string | undefined): number {
  const s = (c ?? "").trim();
  if (/^\d{2}$/.test(s)) return Number(s);
  return provinceNumber(lexicon, cityNumber(s));
}

/** Provinces named as a whole in a list of place codes (内蒙古 = 15). */
export function provinceNumbers(list: readonly string[] | undefined): readonly number[] {
  const out = (list ?? []).flatMap((c) => (/^\d{2}$/.test(c.trim()) ? [Number(c.trim())] : []));
  return out.length === 0 ? NONE : out;
}

/** Province of a city number (0 when unknown or not a code). */
export function provinceNumber(lexicon: Lexicon, city: number): number {
  return city > 0 && city < 10_000 ? Number(provinceOf(lexicon, String(city).padStart(4, "0"))) : 0;
}

/** City numbers of a list, sharing one empty array for the common case. */
export function cityNumbers(list: readonly string[] | undefined): readonly number[] {
  return list === undefined || list.length === 0 ? NONE : list.map(cityNumber).filter((x) => x > 0);
}

/** Packed codes, dropping invalid ones. */
export function packed(codes: readonly string[], pack: (code: string) => number): readonly number[] {
  const out = codes.map(pack).filter((x) => x > 0);
  return out.length === 0 ? NONE : out;
}

/** Precomputes a talent's features. Occupations are also inferred from skill tags via the aliases. */
export function prepareTalent(t: TalentProfile, lexicon: Lexicon): TalentFeatures {
  const skills = t.skills ?? [];
  const occupationCodes = new Set(t.occupationCodes ?? []);
  for (const s of skills) for (const c of inferOccupations(lexicon, s)) occupationCodes.add(c);
  const keyTerms: string[] = [];
  for (const s of [...skills, t.major ?? ""]) keyTerms.push(...analyze(s).terms);
  const own = [...keyTerms];
  for (const text of [t.summary ?? "", ...(t.honours ?? [])]) own.push(...analyze(text).terms);
  const ownIds = termIds(own);
  const expansion: string[] = [];
  for (const code of occupationCodes) expansion.push(...occupationExpansion(lexicon, code));
  keyTerms.push(...expansion);
  const ownSet = new Set(ownIds);
  const city = cityNumber(t.currentCity);
  const origin = cityNumber(t.originCity);
  let modeRanks = 0;
  (t.modes ?? [])
    .filter((m) => ENGAGEMENT_MODES.includes(m))
    .forEach((m, i) => (modeRanks |= Math.min(7, i) << (3 * ENGAGEMENT_MODES.indexOf(m))));
  const occ = [...occupationCodes].sort();
  const ind = [...(t.industryCodes ?? [])].sort();
  return {
    id: t.id,
    terms: ownIds,
    expanded: termIds(expansion).filter((id) => !ownSet.has(id)),
    keyTerms: termIds(keyTerms),
    industryCodes: ind,
    industryPaths: packed(ind, (c) => packIndustry(lexicon, c)),
    occupationCodes: occ,
    occupationPaths: packed(occ, packOccupation),
    education: ordinal(EDUCATION_LEVELS, t.education),
    title: ordinal(TITLE_LEVELS, t.title),
    skillLevel: ordinal(SKILL_LEVELS, t.skillLevel),
    years: num(t.yearsExperience),
    city,
    province: placeProvince(lexicon, t.currentCity),
    originCity: origin,
    originProvince: placeProvince(lexicon, t.originCity),
    desiredCities: cityNumbers(t.desiredCities),
    desiredProvinces: provinceNumbers(t.desiredCities),
    refusedCities: cityNumbers(t.refusedCities),
    refusedProvinces: provinceNumbers(t.refusedCities),
    willingToRelocate: t.willingToRelocate !== false,
    modeMask: modeMask(t.modes),
    modeRanks,
    expectedSalary: num(t.expectedSalary),
    category: t.categoryLevel ?? 0,
  };
}

