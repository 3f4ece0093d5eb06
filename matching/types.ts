/** Input profiles and result shapes of the matching core. Plain data; routes map rows to these. */

/** Education levels, lowest first (大专 < 本科 < 硕士 < 博士). */
export const EDUCATION_LEVELS = ["associate", "bachelor", "master", "doctor"] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** Professional titles, lowest first (初级 < 中级 < 副高级 < 正高级). */
export const TITLE_LEVELS = ["junior", "intermediate", "associate_senior", "senior"] as const;
export type TitleLevel = (typeof TITLE_LEVELS)[number];

/** Vocational skill levels, lowest first (初级工 … 技师 < 高级技师). */
export const SKILL_LEVELS = ["basic", "intermediate", "advanced", "technician", "senior_technician"] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];

/** Engagement modes: 刚性引进 and the flexible 柔性引才 forms. */
export const ENGAGEMENT_MODES = [
  "full_time",
  "part_time",
  "project",
  "equity",
  "consulting",
  "seasonal",
  "offshore",
  "retired_expert",
] as const;
export type EngagementMode = (typeof ENGAGEMENT_MODES)[number];

/** A talent profile (人才). Codes: GB/T 4754-2017 industries, 职业分类大典 2022 occupations, GB/T 2260 cities. */
export interface TalentProfile {
  id: string;
  education?: EducationLevel;
  major?: string;
  title?: TitleLevel;
  skillLevel?: SkillLevel;
  yearsExperience?: number;
  industryCodes?: readonly string[];
  occupationCodes?: readonly string[];
  /** Free-text tags in Chinese and/or English ("PLC编程", "Java工程师"). */
  skills?: readonly string[];
  /** Optional free text (headline, résumé summary) used for text relevance. */
  summary?: string;
  currentCity?: string;
  /** Home town: a demand there counts as a return (返乡). */
  originCity?: string;
  desiredCities?: readonly string[];
  /** Cities the talent will not work in: a hard veto. */
  refusedCities?: readonly string[];
  /** Undefined means "not said", which is treated as willing. */
  willingToRelocate?: boolean;
  /** Accepted modes, most preferred first. Empty or absent means any. */
  modes?: readonly EngagementMode[];
  /** Expected monthly salary in yuan. */
  expectedSalary?: number;
  /** Talent category 1 (highest) … 8. */
  categoryLevel?: number;
  honours?: readonly string[];
  /** Epoch milliseconds from which the talent can start. */
  availableFrom?: number;
}

/** A demand catalog line (人才需求目录条目). */
export interface DemandProfile {
  id: string;
  title: string;
  description?: string;
  industryCode?: string;
  occupationCode?: string;
  industryChain?: string;
  city?: string;
  headcount?: number;
  /** Seats already filled; a demand with filled >= headcount is vetoed. */
  filled?: number;
  minEducation?: EducationLevel;
  major?: string;
  minTitle?: TitleLevel;
  minSkillLevel?: SkillLevel;
  minYearsExperience?: number;
  requiredSkills?: readonly string[];
  preferredSkills?: readonly string[];
  modes?: readonly EngagementMode[];
  salaryMin?: number;
  salaryMax?: number;
  /** 急需紧缺 stars, 1 … 5. */
  urgency?: number;
  /** Talent category sought: the lowest acceptable level (1 highest … 8). */
  categoryLevel?: number;
  /** Epoch milliseconds; the demand is vetoed after this instant. */
  validUntil?: number;
}

/** A roadshow project (人才 + 项目), scored against talents on the same machinery. */
export interface ProjectProfile {
  id: string;
  title: string;
  summary?: string;
  industryCodes?: readonly string[];
  skillsSought?: readonly string[];
  city?: string;
  stage?: string;
  modes?: readonly EngagementMode[];
  validUntil?: number;
}

/** Which side a component speaks for. */
export type Side = "enterprise" | "talent";

/** One named part of a score. `contribution` is in points of the final 0–100 score. */
export interface ComponentResult {
  key: ComponentKey;
  side: Side;
  /** The configured weight; 0 when the component did not apply to this pair. */
  weight: number;
  applicable: boolean;
  value: number;
  contribution: number;
  reasonZh: string;
  reasonEn: string;
}

/** A hard filter, either failed (in `vetoes`) or passed (in `passed`). */
export interface VetoResult {
  key: VetoKey;
  reasonZh: string;
  reasonEn: string;
}

/** Something that would raise the score, with the points it would add. */
export interface Gap {
  key: string;
  zh: string;
  en: string;
  gain: number;
}

/** The explained result for one talent × demand (or project) pair. */
export interface MatchResult {
  talentId: string;
  offerId: string;
  kind: "demand" | "project";
  /** 0–100, one decimal; 0 when vetoed. */
  score: number;
  /** 0–100: how well the talent meets the enterprise's requirements. */
  enterpriseFit: number;
  /** 0–100: how well the offer meets the talent's own preferences. */
  talentFit: number;
  vetoed: boolean;
  components: ComponentResult[];
  vetoes: VetoResult[];
  passed: VetoResult[];
  reasonZh: string;
  reasonEn: string;
  gaps: Gap[];
}

export const COMPONENT_KEYS = [
  "skills",
  "industry",
  "occupation",
  "education",
  "qualification",
  "experience",
  "category",
  "urgency",
  "location",
  "mode",
  "salary",
] as const;
export type ComponentKey = (typeof COMPONENT_KEYS)[number];

export const VETO_KEYS = ["education", "mode", "city", "expired", "filled"] as const;
export type VetoKey = (typeof VETO_KEYS)[number];
