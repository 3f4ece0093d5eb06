/**
 * Features precomputed once per profile (sorted term ids, hashed code paths, ordinals, bitmasks)
 * so that scoring a pair compares integers and costs microseconds.
 */
import { industryPrefixes, occupationPrefixes, packPaths } from "./codes.ts";
import { inferOccupations, occupationExpansion, provinceOf } from "./lexicon.ts";
import type { Lexicon } from "./lexicon.ts";
import { analyze, termIds } from "./text.ts";
import { EDUCATION_LEVELS, ENGAGEMENT_MODES, SKILL_LEVELS, TITLE_LEVELS } from "./types.ts";
import type { EngagementMode, TalentProfile } from "./types.ts";

/** A weighted phrase (a required skill, or the whole offer text) as sorted term ids. */
export interface WeightedTerms {
  readonly label: string;
  readonly ids: Uint32Array;
  readonly weights: Float32Array;
  readonly total: number;
  /** Position of each id in the offer's `vocab` (empty until bound to an offer). */
  readonly slots: Uint16Array;
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
  readonly industryPaths: Uint32Array;
  readonly occupationCodes: readonly string[];
  readonly occupationPaths: Uint32Array;
  /** Ordinals: 0 = unknown, then 1 … n from lowest. */
  readonly education: number;
  readonly title: number;
  readonly skillLevel: number;
  /** -1 when unknown. */
  readonly years: number;
  readonly city: string;
  readonly province: string;
  readonly originCity: string;
  readonly originProvince: string;
  readonly desiredCities: readonly string[];
  readonly refusedCities: readonly string[];
  readonly willingToRelocate: boolean;
  /** Bit i set = mode ENGAGEMENT_MODES[i] accepted; all bits when the talent did not say. */
  readonly modeMask: number;
  /** Preference rank of each mode (index into ENGAGEMENT_MODES), 0 = most preferred. */
  readonly modeRank: Uint8Array;
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
  readonly industryPaths: Uint32Array;
  readonly occupationCodes: readonly string[];
  readonly occupationPaths: Uint32Array;
  readonly minEducation: number;
  readonly minTitle: number;
  readonly minSkillLevel: number;
  readonly minYears: number;
  readonly city: string;
  readonly province: string;
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
  for (const mode of modes) m |= 1 << ENGAGEMENT_MODES.indexOf(mode);
  return m;
}

export function num(v: number | undefined): number {
  return v === undefined || !Number.isFinite(v) ? -1 : v;
}

export function cityCode(c: string | undefined): string {
  return c === undefined ? "" : c.trim().slice(0, 4);
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
  const city = cityCode(t.currentCity);
  const origin = cityCode(t.originCity);
  const modeRank = new Uint8Array(ENGAGEMENT_MODES.length).fill(0);
  (t.modes ?? []).forEach((m, i) => (modeRank[ENGAGEMENT_MODES.indexOf(m)] = i));
  const occ = [...occupationCodes].sort();
  const ind = [...(t.industryCodes ?? [])].sort();
  return {
    id: t.id,
    terms: ownIds,
    expanded: termIds(expansion).filter((id) => !ownSet.has(id)),
    keyTerms: termIds(keyTerms),
    industryCodes: ind,
    industryPaths: packPaths(ind.map((c) => industryPrefixes(lexicon, c))),
    occupationCodes: occ,
    occupationPaths: packPaths(occ.map(occupationPrefixes)),
    education: ordinal(EDUCATION_LEVELS, t.education),
    title: ordinal(TITLE_LEVELS, t.title),
    skillLevel: ordinal(SKILL_LEVELS, t.skillLevel),
    years: num(t.yearsExperience),
    city,
    province: city === "" ? "" : provinceOf(lexicon, city),
    originCity: origin,
    originProvince: origin === "" ? "" : provinceOf(lexicon, origin),
    desiredCities: (t.desiredCities ?? []).map(cityCode),
    refusedCities: (t.refusedCities ?? []).map(cityCode),
    willingToRelocate: t.willingToRelocate !== false,
    modeMask: modeMask(t.modes),
    modeRank,
    expectedSalary: num(t.expectedSalary),
    category: t.categoryLevel ?? 0,
  };
}

