/** Factories for matching tests: sensible defaults, overrides per case, unique ids. */
import { DEFAULT_WEIGHTS, prepareDemand, prepareProject, prepareTalent, scoreDemand } from "../../matching/index.ts";
import type { DemandProfile, MatchResult, ProjectProfile, TalentProfile } from "../../matching/index.ts";
import { lexicon } from "./lexicon.ts";

let seq = 0;
const nextId = (prefix: string): string => `${prefix}_${(++seq).toString().padStart(6, "0")}`;

/** 2026-06-01T00:00:00Z: the "now" of every test. */
export const NOW = Date.UTC(2026, 5, 1);

export function talent(overrides: Partial<TalentProfile> = {}): TalentProfile {
  return {
    id: nextId("tal"),
    education: "master",
    title: "intermediate",
    yearsExperience: 6,
    industryCodes: ["2614"],
    occupationCodes: ["2-02-06-03"],
    skills: ["有机合成", "催化剂研发"],
    currentCity: "1502",
    modes: ["full_time", "project"],
    expectedSalary: 15000,
    categoryLevel: 5,
    ...overrides,
  };
}

export function demand(overrides: Partial<DemandProfile> = {}): DemandProfile {
  return {
    id: nextId("dem"),
    title: "煤化工研发工程师",
    description: "从事煤制烯烃工艺研究与催化剂开发",
    industryCode: "2614",
    occupationCode: "2-02-06-03",
    city: "1502",
    headcount: 2,
    minEducation: "bachelor",
    minTitle: "intermediate",
    minYearsExperience: 3,
    requiredSkills: ["有机合成", "催化剂研发"],
    modes: ["full_time", "part_time"],
    salaryMin: 12000,
    salaryMax: 20000,
    urgency: 3,
    categoryLevel: 6,
    ...overrides,
  };
}

export function project(overrides: Partial<ProjectProfile> = {}): ProjectProfile {
  return {
    id: nextId("prj"),
    title: "煤基新材料中试项目",
    summary: "寻找催化剂研发团队，技术入股",
    industryCodes: ["2614"],
    skillsSought: ["催化剂研发"],
    city: "1502",
    stage: "中试",
    modes: ["equity", "project"],
    ...overrides,
  };
}

/** Scores raw profiles with default weights at NOW. */
export function score(t: TalentProfile, d: DemandProfile, now = NOW): MatchResult {
  return scoreDemand(prepareTalent(t, lexicon), prepareDemand(d, lexicon), DEFAULT_WEIGHTS, now);
}

export function scoreP(t: TalentProfile, p: ProjectProfile, now = NOW): MatchResult {
  return scoreDemand(prepareTalent(t, lexicon), prepareProject(p, lexicon), DEFAULT_WEIGHTS, now);
}

/** The value of one component (NaN when it did not apply). */
export function valueOf(r: MatchResult, key: string): number {
  const c = r.components.find((x) => x.key === key);
  return c === undefined || !c.applicable ? NaN : c.value;
}
