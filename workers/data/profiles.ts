import {
  type DemandProfile,
  type EducationLevel,
  type EngagementMode,
  indexKeys,
  prepareDemand,
  prepareTalent,
  queryKeys,
  searchTerms,
  type SkillLevel,
  type TalentProfile,
  type TitleLevel,
} from "../../matching/index.ts";
import type { demands, talents } from "../../schema/index.ts";
import { lexicon } from "../lexicon.ts";

export type TalentRow = typeof talents.$inferSelect;
export type DemandRow = typeof demands.$inferSelect;

function epoch(date: string | null): number | undefined {
  if (!date) return undefined;
  const ms = Date.parse(date.length === 10 ? `${date}T23:59:59.999Z` : date);
  return Number.isNaN(ms) ? undefined : ms;
}

function opt<T>(value: T | null): T | undefined {
  return value ?? undefined;
}

/** A stored talent as the matching core sees it. Values were validated on the way in. */
export function talentProfile(row: TalentRow): TalentProfile {
  return {
    id: row.id,
    education: opt(row.education as EducationLevel | null),
    major: opt(row.major),
    title: opt(row.titleLevel as TitleLevel | null),
    skillLevel: opt(row.skillLevel as SkillLevel | null),
    yearsExperience: opt(row.experienceYears),
    industryCodes: row.industries,
    occupationCodes: row.occupations,
    skills: row.skills,
    summary: opt(row.summary),
    currentCity: opt(row.city),
    originCity: opt(row.originCity),
    desiredCities: row.desiredCities,
    refusedCities: row.refusedCities,
    willingToRelocate: opt(row.willingToRelocate),
    modes: row.modes as EngagementMode[],
    expectedSalary: opt(row.salaryExpected),
    categoryLevel: opt(row.categoryLevel),
    honours: row.honours,
    availableFrom: epoch(row.availableFrom),
  };
}

/** A stored demand as the matching core sees it. */
export function demandProfile(row: DemandRow): DemandProfile {
  return {
    id: row.id,
    title: row.title,
    description: opt(row.description),
    industryCode: opt(row.industryCode),
    occupationCode: opt(row.occupationCode),
    industryChain: opt(row.industryChain),
    city: opt(row.city),
    headcount: opt(row.headcount),
    filled: row.filled,
    minEducation: opt(row.minEducation as EducationLevel | null),
    major: opt(row.major),
    minTitle: opt(row.minTitle as TitleLevel | null),
    minSkillLevel: opt(row.minSkillLevel as SkillLevel | null),
    minYearsExperience: opt(row.minExperienceYears),
    requiredSkills: row.requiredSkills,
    preferredSkills: row.preferredSkills,
    modes: row.modes as EngagementMode[],
    salaryMin: opt(row.salaryMin),
    salaryMax: opt(row.salaryMax),
    urgency: opt(row.urgency),
    categoryLevel: opt(row.categoryLevel),
    validUntil: epoch(row.validUntil),
  };
}

/** Prefix of the keyword-search keys that share the match index (retrieval never asks for them). */
export const SEARCH_KEY_PREFIX = "s:";

const searchKeys = (texts: readonly (string | null)[], unigrams = false): string[] =>
  texts.flatMap((t) => (t ? searchTerms(t, { unigrams }).map((term) => SEARCH_KEY_PREFIX + term) : []));

/** Keyword-search keys of a talent: name (every character, so a surname finds it), skills, major, school. */
export function talentSearchKeys(row: TalentRow): string[] {
  return [...searchKeys([row.name], true), ...searchKeys([...row.skills, row.major, row.school])];
}

/** Keyword-search keys of a demand: the position and its skills (the employer is searched by its organization's name). */
export function demandSearchKeys(row: DemandRow): string[] {
  return searchKeys([row.title, ...row.requiredSkills, ...row.preferredSkills]);
}

/** The inverted-index keys of a talent (what candidate retrieval looks up for a demand) and its search keys. */
export function talentKeys(row: TalentRow): string[] {
  const lex = lexicon();
  return [...indexKeys(prepareTalent(talentProfile(row), lex), lex), ...talentSearchKeys(row)];
}

/** The inverted-index keys of a demand (what retrieval looks up for a talent) and its search keys. */
export function demandKeys(row: DemandRow): string[] {
  const lex = lexicon();
  return [...queryKeys(prepareDemand(demandProfile(row), lex), lex), ...demandSearchKeys(row)];
}
