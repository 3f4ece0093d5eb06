/** fast-check generators for profiles drawn from a small, collision-prone vocabulary. */
import fc from "fast-check";
import { EDUCATION_LEVELS, ENGAGEMENT_MODES, SKILL_LEVELS, TITLE_LEVELS } from "../../matching/index.ts";
import type { DemandProfile, TalentProfile } from "../../matching/index.ts";

export const SKILLS = ["Java", "PLC编程", "有机合成", "催化剂研发", "新材料", "数据分析", "Python", "机械设计", "CAD制图", "财务管理", "稀土冶炼", "电气自动化"];
const CITIES = ["1502", "1501", "4403", "1101", "1504"];
const INDUSTRIES = ["2614", "2613", "2621", "3311", "6513", "26", "C"];
const OCCUPATIONS = ["2-02-06-03", "2-02-06-01", "2-02-10-03", "4-01-01-01", "6-13-01-00"];

const opt = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(a, { nil: undefined });
const sub = <T>(xs: readonly T[], max = 3): fc.Arbitrary<T[]> => fc.uniqueArray(fc.constantFrom(...xs), { maxLength: max });

export const talentArb: fc.Arbitrary<TalentProfile> = fc.record({
  id: fc.stringMatching(/^tal_[a-z0-9]{1,6}$/),
  education: opt(fc.constantFrom(...EDUCATION_LEVELS)),
  title: opt(fc.constantFrom(...TITLE_LEVELS)),
  skillLevel: opt(fc.constantFrom(...SKILL_LEVELS)),
  yearsExperience: opt(fc.integer({ min: 0, max: 40 })),
  industryCodes: sub(INDUSTRIES),
  occupationCodes: sub(OCCUPATIONS, 2),
  skills: sub(SKILLS, 5),
  currentCity: opt(fc.constantFrom(...CITIES)),
  originCity: opt(fc.constantFrom(...CITIES)),
  desiredCities: sub(CITIES, 2),
  refusedCities: sub(CITIES, 1),
  willingToRelocate: opt(fc.boolean()),
  modes: sub(ENGAGEMENT_MODES, 4),
  expectedSalary: opt(fc.integer({ min: 3000, max: 80000 })),
  categoryLevel: opt(fc.integer({ min: 1, max: 8 })),
});

export const demandArb: fc.Arbitrary<DemandProfile> = fc.record({
  id: fc.stringMatching(/^dem_[a-z0-9]{1,6}$/),
  title: fc.constantFrom("研发工程师", "Java开发工程师", "化工工程师", "电气工程师", "会计"),
  description: fc.array(fc.constantFrom(...SKILLS, "负责", "工艺", "优化"), { maxLength: 8 }).map((xs) => xs.join("，")),
  industryCode: opt(fc.constantFrom(...INDUSTRIES)),
  occupationCode: opt(fc.constantFrom(...OCCUPATIONS)),
  city: opt(fc.constantFrom(...CITIES)),
  headcount: opt(fc.integer({ min: 1, max: 5 })),
  minEducation: opt(fc.constantFrom(...EDUCATION_LEVELS)),
  minTitle: opt(fc.constantFrom(...TITLE_LEVELS)),
  minSkillLevel: opt(fc.constantFrom(...SKILL_LEVELS)),
  minYearsExperience: opt(fc.integer({ min: 0, max: 15 })),
  requiredSkills: sub(SKILLS, 4),
  preferredSkills: sub(SKILLS, 2),
  modes: sub(ENGAGEMENT_MODES, 4),
  salaryMin: opt(fc.integer({ min: 3000, max: 30000 })),
  salaryMax: opt(fc.integer({ min: 5000, max: 60000 })),
  urgency: opt(fc.integer({ min: 1, max: 5 })),
  categoryLevel: opt(fc.integer({ min: 1, max: 8 })),
});
