/**
 * Seeded synthetic profiles built from the shipped taxonomy: occupation aliases are the skill
 * vocabulary (real Chinese/English job-board phrases), so text handling does real work.
 */
import cities from "../data/taxonomy/cities.json" with { type: "json" };
import industries from "../data/taxonomy/industries.json" with { type: "json" };
import occupations from "../data/taxonomy/occupations.json" with { type: "json" };
import { EDUCATION_LEVELS, ENGAGEMENT_MODES, TITLE_LEVELS } from "../matching/index.ts";
import type { DemandProfile, EngagementMode, TalentProfile } from "../matching/index.ts";

/** mulberry32: small, fast, seedable. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => {
  const x = xs[Math.floor(r() * xs.length)];
  if (x === undefined) throw new Error("empty");
  return x;
};

const leaves = occupations.filter((o) => o.level === "occupation" && "aliases" in o && (o.aliases?.length ?? 0) >= 2) as { code: string; name: string; aliases: string[] }[];
const classes = industries.filter((i) => i.level === "class").map((i) => i.code);
const cityCodes = cities.map((c) => c.code);
const FILLER = ["负责", "项目", "团队", "研发", "优化", "客户", "质量", "数据", "生产", "流程"];

function modes(r: () => number): EngagementMode[] {
  const out = new Set<EngagementMode>(["full_time"]);
  while (r() < 0.5) out.add(pick(r, ENGAGEMENT_MODES));
  return [...out];
}

/** A talent centred on one occupation: skills from its aliases, a few from elsewhere. */
export function makeTalent(r: () => number, i: number): TalentProfile {
  const occ = pick(r, leaves);
  const skills = new Set<string>();
  const n = 2 + Math.floor(r() * 3);
  while (skills.size < Math.min(n, occ.aliases.length)) skills.add(pick(r, occ.aliases));
  if (r() < 0.5) skills.add(pick(r, pick(r, leaves).aliases));
  const city = pick(r, cityCodes);
  return {
    id: `tal_${String(i).padStart(7, "0")}`,
    education: pick(r, EDUCATION_LEVELS),
    title: r() < 0.7 ? pick(r, TITLE_LEVELS) : undefined,
    yearsExperience: Math.floor(r() * 25),
    industryCodes: [pick(r, classes)],
    occupationCodes: r() < 0.6 ? [occ.code] : [],
    skills: [...skills],
    currentCity: city,
    originCity: r() < 0.3 ? pick(r, cityCodes) : undefined,
    desiredCities: r() < 0.3 ? [pick(r, cityCodes)] : [],
    modes: modes(r),
    expectedSalary: 5000 + Math.floor(r() * 40) * 1000,
    categoryLevel: r() < 0.4 ? 1 + Math.floor(r() * 8) : undefined,
  };
}

/** A demand for one occupation: title and required skills from its aliases, a short description. */
export function makeDemand(r: () => number, i: number, now: number): DemandProfile {
  const occ = pick(r, leaves);
  const required = [...new Set([pick(r, occ.aliases), pick(r, occ.aliases)])];
  const description = [occ.name, ...occ.aliases.slice(0, 4), pick(r, FILLER), pick(r, FILLER)].join("，");
  const min = 5000 + Math.floor(r() * 30) * 1000;
  return {
    id: `dem_${String(i).padStart(6, "0")}`,
    title: pick(r, occ.aliases),
    description,
    industryCode: pick(r, classes).slice(0, 3),
    occupationCode: r() < 0.5 ? occ.code : undefined,
    city: pick(r, cityCodes),
    headcount: 1 + Math.floor(r() * 4),
    minEducation: r() < 0.6 ? pick(r, EDUCATION_LEVELS.slice(0, 3)) : undefined,
    minTitle: r() < 0.3 ? pick(r, TITLE_LEVELS.slice(0, 3)) : undefined,
    minYearsExperience: Math.floor(r() * 6),
    requiredSkills: required,
    preferredSkills: [pick(r, pick(r, leaves).aliases)],
    modes: modes(r),
    salaryMin: min,
    salaryMax: min + 5000 + Math.floor(r() * 10) * 1000,
    urgency: 1 + Math.floor(r() * 5),
    validUntil: now + 90 * 86_400_000,
  };
}
