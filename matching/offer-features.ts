/** Offer (demand and project) features: weighted terms bound to one vocabulary, codes, ordinals. */
import { packIndustry, packOccupation } from "./codes.ts";
import { cityNumber, modeMask, num, ordinal, packed, placeProvince } from "./features.ts";
import type { OfferFeatures, WeightedTerms } from "./features.ts";
import { inferOccupations } from "./lexicon.ts";
import type { Lexicon } from "./lexicon.ts";
import { analyze, termId, termIds } from "./text.ts";
import { EDUCATION_LEVELS, SKILL_LEVELS, TITLE_LEVELS } from "./types.ts";
import type { DemandProfile, EngagementMode, ProjectProfile } from "./types.ts";

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
  return { label, ids, weights, total, slots: new Uint32Array(0) };
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
  const city = cityNumber(o.city);
  const titleTerms = weightedTerms(o.title, [[o.title, 1]], lexicon);
  const phrases = occupationPhrases(lexicon, occupationCodes);
  const text = weightedTerms(
    "text",
    [
      [o.title, 2],
      [o.body, 1],
    ],
    lexicon,
  );
  const required = o.required.map((s) => weightedTerms(s, [[s, 1]], lexicon));
  const preferred = o.preferred.map((s) => weightedTerms(s, [[s, 1]], lexicon));
  const all = [titleTerms, text, ...phrases, ...required, ...preferred];
  const vocab = Uint32Array.from(new Set(all.flatMap((w) => [...w.ids]))).sort();
  const slotOf = new Map(Array.from(vocab, (id, i) => [id, i] as const));
  const bind = (w: WeightedTerms): WeightedTerms => ({ ...w, slots: Uint32Array.from(w.ids, (id) => slotOf.get(id) ?? 0) });
  return {
    id: o.id,
    kind,
    title: o.title,
    // The title says what the job is; the description mostly says how the company works.
    titleTerms: bind(titleTerms),
    occupationPhrases: phrases.map(bind),
    text: bind(text),
    required: required.map(bind),
    preferred: preferred.map(bind),
    vocab,
    keyTerms: termIds(keyTerms),
    industryCodes,
    industryPaths: packed(industryCodes, (c) => packIndustry(lexicon, c)),
    occupationCodes,
    occupationPaths: packed(occupationCodes, packOccupation),
    city,
    province: placeProvince(lexicon, o.city),
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
