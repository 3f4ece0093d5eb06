/**
 * Features precomputed once per profile (sorted term ids, hashed code paths, ordinals, bitmasks)
 * so that scoring a pair compares integers and costs microseconds.
 */
import { industryPrefixes, occupationPrefixes, packPaths } from "./codes.ts";
import { inferOccupations, occupationExpansion, provinceOf } from "./lexicon.ts";
import type { Lexicon } from "./lexicon.ts";
import { analyze, termId, termIds } from "./text.ts";
import { EDUCATION_LEVELS, ENGAGEMENT_MODES, SKILL_LEVELS, TITLE_LEVELS } from "./types.ts";
import type { DemandProfile, EngagementMode, ProjectProfile, TalentProfile } from "./types.ts";

/** A weighted phrase (a required skill, or the whole offer text) as sorted term ids. */
export interface WeightedTerms {
  readonly label: string;
  readonly ids: Uint32Array;
  readonly weights: Float32Array;
  readonly total: number;
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

function ordinal<T extends string>(levels: readonly T[], v: T | undefined): number {
  return v === undefined ? 0 : levels.indexOf(v) + 1;
}

function modeMask(modes: readonly EngagementMode[] | undefined): number {
  if (modes === undefined || modes.length === 0) return ALL_MODES;
  let m = 0;
  for (const mode of modes) m |= 1 << ENGAGEMENT_MODES.indexOf(mode);
  return m;
}

function num(v: number | undefined): number {
  return v === undefined || !Number.isFinite(v) ? -1 : v;
}

function cityCode(c: string | undefined): string {
  return c === undefined ? "" : c.trim().slice(0, 4);
}

/** Weighted terms of one or more texts; a factor per text lets a title count more than a description. */
export function weightedTerms(label: string, texts: readonly (readonly [string, number])[], lexicon: Lexicon): WeightedTerms {
  const acc = new Map<number, number>();
  for (const [text, factor] of texts) {
    const a = analyze(text);
    a.terms.forEach((t, i) => {
      const id = termId(t);
      const w = (a.weights[i] ?? 0) * factor * (lexicon.termWeight.get(id) ?? 1);
      if (w > (acc.get(id) ?? 0)) acc.set(id, w);
    });
  }
  const ids = Uint32Array.from(acc.keys()).sort();
  const weights = Float32Array.from(ids, (id) => acc.get(id) ?? 0);
  let total = 0;
  for (const w of weights) total += w;
  return { label, ids, weights, total };
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

/** Leaf occupations' names and aliases as phrases ("IT技术支持", "运维工程师"). */
function occupationPhrases(lexicon: Lexicon, codes: readonly string[]): WeightedTerms[] {
  const out: WeightedTerms[] = [];
  for (const code of codes) {
    for (const phrase of lexicon.occupationTerms.get(code) ?? []) {
      for (const part of phrase.split("/")) {
        const w = weightedTerms(part, [[part, 1]], lexicon);
        if (w.total >= 1) out.push(w);
      }
    }
  }
  return out;
}

interface OfferCommon {
  id: string;
  title: string;
  body: string;
  required: readonly string[];
  preferred: readonly string[];
  industryCodes: readonly string[];
  occupationCodes: readonly string[];
  city: string | undefined;
  modes: readonly EngagementMode[] | undefined;
  validUntil: number | undefined;
}

function prepareOffer(kind: "demand" | "project", o: OfferCommon, lexicon: Lexicon): Omit<
  OfferFeatures,
  "minEducation" | "minTitle" | "minSkillLevel" | "minYears" | "salaryMin" | "salaryMax" | "urgency" | "category" | "full"
> {
  const occ = new Set(o.occupationCodes);
  // A title that names an occupation (Java开发工程师) stands in for a missing occupation code.
  if (occ.size === 0) for (const c of inferOccupations(lexicon, o.title)) occ.add(c);
  const occupationCodes = [...occ].sort();
  const industryCodes = [...o.industryCodes].sort();
  const keyTerms = [...analyze(o.title).terms];
  for (const s of o.required) keyTerms.push(...analyze(s).terms);
  const city = cityCode(o.city);
  return {
    id: o.id,
    kind,
    title: o.title,
    // The title says what the job is; the description mostly says how the company works.
    titleTerms: weightedTerms(o.title, [[o.title, 1]], lexicon),
    occupationPhrases: occupationPhrases(lexicon, occupationCodes),
    text: weightedTerms(
      "text",
      [
        [o.title, 2],
        [o.body, 1],
      ],
      lexicon,
    ),
    required: o.required.map((s) => weightedTerms(s, [[s, 1]], lexicon)),
    preferred: o.preferred.map((s) => weightedTerms(s, [[s, 1]], lexicon)),
    keyTerms: termIds(keyTerms),
    industryCodes,
    industryPaths: packPaths(industryCodes.map((c) => industryPrefixes(lexicon, c))),
    occupationCodes,
    occupationPaths: packPaths(occupationCodes.map(occupationPrefixes)),
    city,
    province: city === "" ? "" : provinceOf(lexicon, city),
    modeMask: modeMask(o.modes),
    validUntil: o.validUntil ?? Number.POSITIVE_INFINITY,
  };
}

/** Precomputes a demand's features. */
export function prepareDemand(d: DemandProfile, lexicon: Lexicon): OfferFeatures {
  const base = prepareOffer(
    "demand",
    {
      id: d.id,
      title: d.title,
      body: [d.description ?? "", d.major ?? "", d.industryChain ?? ""].join(" "),
      required: d.requiredSkills ?? [],
      preferred: d.preferredSkills ?? [],
      industryCodes: d.industryCode === undefined ? [] : [d.industryCode],
      occupationCodes: d.occupationCode === undefined ? [] : [d.occupationCode],
      city: d.city,
      modes: d.modes,
      validUntil: d.validUntil,
    },
    lexicon,
  );
  return {
    ...base,
    minEducation: ordinal(EDUCATION_LEVELS, d.minEducation),
    minTitle: ordinal(TITLE_LEVELS, d.minTitle),
    minSkillLevel: ordinal(SKILL_LEVELS, d.minSkillLevel),
    minYears: num(d.minYearsExperience),
    salaryMin: num(d.salaryMin),
    salaryMax: num(d.salaryMax),
    urgency: d.urgency === undefined ? 0 : Math.min(5, Math.max(1, Math.round(d.urgency))),
    category: d.categoryLevel ?? 0,
    full: d.headcount !== undefined && (d.filled ?? 0) >= d.headcount,
  };
}

/** Precomputes a roadshow project's features; requirements it does not have are simply absent. */
export function prepareProject(p: ProjectProfile, lexicon: Lexicon): OfferFeatures {
  const base = prepareOffer(
    "project",
    {
      id: p.id,
      title: p.title,
      body: [p.summary ?? "", p.stage ?? ""].join(" "),
      required: p.skillsSought ?? [],
      preferred: [],
      industryCodes: p.industryCodes ?? [],
      occupationCodes: [],
      city: p.city,
      modes: p.modes,
      validUntil: p.validUntil,
    },
    lexicon,
  );
  return {
    ...base,
    minEducation: 0,
    minTitle: 0,
    minSkillLevel: 0,
    minYears: -1,
    salaryMin: -1,
    salaryMax: -1,
    urgency: 0,
    category: 0,
    full: false,
  };
}
