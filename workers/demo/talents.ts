import { EDUCATION_LEVELS, type EducationLevel, type EngagementMode, TITLE_LEVELS, type TitleLevel } from "../../matching/index.ts";
import type { TalentRow } from "../data/talents.ts";
import { newId } from "../lib/ids.ts";
import type { ChainTemplate } from "./catalog.ts";
import { pick, sample } from "./random.ts";

const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤".split("");
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鑫斌宇浩凯健俊帆帅旭宁琳晨晶欣怡佳雪婷颖博文轩然泽睿思远航昊天诚毅锋".split("");

/** Where demo talents live: mostly the region and its neighbours, some in the big cities it recruits from. */
const CITIES = ["1506", "1506", "1506", "1501", "1502", "1502", "1503", "1504", "1101", "1201", "6101", "3101", "1401", "6401"];
const GENERAL_SKILLS = ["项目管理", "Office", "英语", "团队管理", "质量管理", "技术文档", "Python", "CAD", "数据分析"];
const HONOURS = ["草原英才", "鄂尔多斯英才", "省级技术能手", "青年拔尖人才", "科技进步奖"];

function atLeast<T extends string>(levels: readonly T[], min: T, rand: () => number): T {
  const from = Math.max(0, levels.indexOf(min) + (rand() < 0.2 ? -1 : 0));
  const to = Math.min(levels.length - 1, from + (rand() < 0.35 ? 1 : 0));
  return levels[to] ?? min;
}

/** One synthetic talent shaped by a position of a chain, with deliberate mismatches so ranking has work to do. */
export function demoTalent(rand: () => number, i: number, chains: readonly ChainTemplate[], tenantId: string, now: Date): TalentRow {
  const chain = pick(rand, chains);
  const pos = pick(rand, chain.positions);
  const at = now.toISOString();
  const education: EducationLevel = atLeast(EDUCATION_LEVELS, pos.education, rand);
  const title: TitleLevel | null = pos.titleLevel && rand() < 0.8 ? atLeast(TITLE_LEVELS, pos.titleLevel, rand) : null;
  const skills = [...sample(rand, pos.required, Math.max(1, Math.round(pos.required.length * (0.4 + rand() * 0.6)))), ...sample(rand, pos.preferred, rand() < 0.5 ? 1 : 0), ...sample(rand, GENERAL_SKILLS, 1 + Math.floor(rand() * 2))];
  const city = pick(rand, CITIES);
  const origin = rand() < 0.3 ? "1506" : pick(rand, CITIES);
  const modes: EngagementMode[] = rand() < 0.6 ? ["full_time"] : sample(rand, ["full_time", "part_time", "project", "consulting", "offshore", "equity", "seasonal"] as EngagementMode[], 2);
  const years = Math.max(0, Math.round(pos.years + (rand() - 0.4) * 6));
  const salary = Math.round((pos.salary[0] + rand() * (pos.salary[1] - pos.salary[0]) * 1.2) / 500) * 500;
  const n = String(i + 1).padStart(4, "0");
  return {
    id: newId("talent", now),
    tenantId,
    externalId: `demo-${n}`,
    name: `${pick(rand, SURNAMES)}${pick(rand, GIVEN)}${rand() < 0.6 ? pick(rand, GIVEN) : ""}`,
    phone: null,
    email: `demo.talent.${n}@example.com`,
    education,
    school: null,
    major: pos.major,
    titleLevel: title,
    skillLevel: null,
    experienceYears: years,
    industries: [pos.industry],
    occupations: [pos.occupation],
    skills: [...new Set(skills)],
    summary: `${years}年${chain.chain}行业经验，熟悉${pos.required.join("、")}`,
    city,
    originCity: origin,
    desiredCities: rand() < 0.5 ? ["1506"] : sample(rand, CITIES, 2),
    refusedCities: [],
    willingToRelocate: rand() < 0.7,
    modes,
    salaryExpected: salary,
    categoryLevel: education === "doctor" ? 3 + Math.floor(rand() * 3) : 5 + Math.floor(rand() * 4),
    honours: rand() < 0.1 ? [pick(rand, HONOURS)] : [],
    availableFrom: null,
    teamName: null,
    teamSize: null,
    unresolvedNames: null,
    createdBy: "demo-seed",
    createdAt: at,
    updatedAt: at,
  };
}
