/**
 * Import files for the data-plane bench: a demand catalog shaped like the demo region's (ten
 * industry chains, their positions, Chinese headers and labels as catalogs write them) and talent
 * rosters from the match benches' generator. Deterministic; built with the tests' CSV/XLSX helpers.
 */
import industries from "../../data/taxonomy/industries.json" with { type: "json" };
import occupations from "../../data/taxonomy/occupations.json" with { type: "json" };
import { csvLine, DEMAND_HEADERS_ZH, xlsxFile } from "../../test/imports/files.ts";
import { DEMO_CHAINS } from "../../workers/demo/catalog.ts";
import type { CreateDemandBody } from "../../workers/routes/demands/schema.ts";
import { makeDemand, prng } from "../synthetic.ts";
import { talentRow } from "./dataset.ts";
import type { z } from "@hono/zod-openapi";

const industryName = new Map(industries.map((i) => [i.code, i.name]));
const occupationName = new Map(occupations.map((o) => [o.code, o.name]));
const CITIES: [string, string][] = [
  ["1506", "鄂尔多斯市"],
  ["1506", "鄂尔多斯市"],
  ["1501", "呼和浩特市"],
  ["1502", "包头市"],
  ["1503", "乌海市"],
  ["1504", "赤峰市"],
];
const EDUCATION: Record<string, string> = { associate: "大专及以上", bachelor: "本科及以上", master: "硕士研究生", doctor: "博士" };
const TITLE: Record<string, string> = { junior: "初级", intermediate: "中级", associate_senior: "副高级", senior: "正高级" };
const MODE: Record<string, string> = { full_time: "全职", part_time: "兼职", project: "项目合作", consulting: "顾问咨询", offshore: "离岸研发", equity: "技术入股", seasonal: "候鸟式" };
export const EMPLOYERS = 400;

/** One catalog line: the position of a chain, an employer of 400, a city of the region. */
function catalogLine(i: number) {
  const chain = DEMO_CHAINS[i % DEMO_CHAINS.length];
  if (!chain) throw new Error("no chain");
  const pos = chain.positions[Math.floor(i / DEMO_CHAINS.length) % chain.positions.length];
  if (!pos) throw new Error("no position");
  const city = CITIES[i % CITIES.length] ?? ["1506", "鄂尔多斯市"];
  return { chain, pos, city, employer: `示范${chain.chain}企业${i % EMPLOYERS}有限公司`, headcount: 1 + (i % 5), urgency: 1 + (i % 5) };
}

/** A catalog of `n` lines with the template's Chinese headers: [header, ...rows]. */
export function catalogGrid(n: number): string[][] {
  const rows: string[][] = [DEMAND_HEADERS_ZH];
  for (let i = 0; i < n; i++) {
    const { chain, pos, city, employer, headcount, urgency } = catalogLine(i);
    const byHeader: Record<string, string> = {
      岗位名称: pos.title,
      用人单位: employer,
      需求人数: String(headcount),
      学历要求: EDUCATION[pos.education] ?? "本科",
      职称要求: pos.titleLevel ? (TITLE[pos.titleLevel] ?? "") : "",
      技能等级: "",
      专业要求: pos.major,
      工作经验: pos.years > 0 ? `${pos.years}年以上` : "不限",
      所属产业链: chain.chain,
      行业: industryName.get(pos.industry) ?? pos.industry,
      职业: occupationName.get(pos.occupation) ?? pos.occupation,
      工作地点: city[1],
      薪酬待遇: `${pos.salary[0]}-${pos.salary[1]}`,
      福利待遇: i % 2 === 0 ? "五险一金、人才公寓" : "五险一金、安家费",
      紧缺程度: "★".repeat(urgency),
      人才类别: `${pos.education === "doctor" ? 3 : 6}类`,
      引进方式: pos.modes.map((m) => MODE[m] ?? m).join("、"),
      技能要求: pos.required.join("、"),
      优先技能: pos.preferred.join("、"),
      岗位描述: `负责${pos.title}相关工作，要求熟悉${pos.required.join("、")}，参与技术改造与团队建设。`,
      有效期: "2030-12-31",
      外部编号: `CAT-${String(i).padStart(6, "0")}`,
    };
    rows.push(DEMAND_HEADERS_ZH.map((h) => byHeader[h] ?? ""));
  }
  return rows;
}

export const csvBytes = (grid: readonly (readonly string[])[]): Uint8Array => new TextEncoder().encode(`${grid.map((r) => csvLine(r)).join("\r\n")}\r\n`);
export const xlsxBytes = (grid: string[][]): Uint8Array => xlsxFile(grid);

/** The same line as `catalogGrid` writes, as a `POST /v1/demands` body (the naive baseline: one request per line). */
export function demandBody(i: number, organizationId: string, catalogId: string): z.input<typeof CreateDemandBody> {
  const { chain, pos, city, headcount, urgency } = catalogLine(i);
  return {
    title: pos.title,
    organization_id: organizationId,
    catalog_id: catalogId,
    external_id: `POST-${i}`,
    description: `负责${pos.title}相关工作，要求熟悉${pos.required.join("、")}，参与技术改造与团队建设。`,
    industry_code: pos.industry,
    occupation_code: pos.occupation,
    industry_chain: chain.chain,
    city: city[0],
    headcount,
    min_education: pos.education,
    min_title_level: pos.titleLevel,
    min_experience_years: pos.years,
    major: pos.major,
    required_skills: pos.required,
    preferred_skills: pos.preferred,
    modes: pos.modes,
    salary_min: pos.salary[0],
    salary_max: pos.salary[1],
    benefits: ["五险一金", "人才公寓"],
    urgency,
    category_level: pos.education === "doctor" ? 3 : 6,
    valid_until: "2030-12-31",
  };
}

const TALENT_HEADERS = ["姓名", "手机", "邮箱", "最高学历", "职称", "工作年限", "行业", "职业", "技能", "现居城市", "籍贯", "意向城市", "引进方式", "期望薪酬", "人才类别", "外部编号"];

/** Talent roster rows `from`..`from + n` (codes for taxonomy columns, which the import accepts as well as names). */
export function talentGrid(from: number, n: number, seed = 7): string[][] {
  const r = prng(seed + from);
  const rows: string[][] = [TALENT_HEADERS];
  for (let i = from; i < from + n; i++) {
    const t = talentRow(r, i, "ten_x");
    rows.push([
      t.name,
      `1${String(3_000_000_000 + i).slice(0, 10)}`,
      t.email ?? "",
      t.education ?? "",
      t.titleLevel ?? "",
      String(t.experienceYears ?? ""),
      t.industries.join("、"),
      t.occupations.join("、"),
      t.skills.join("、"),
      t.city ?? "",
      t.originCity ?? "",
      t.desiredCities.join("、"),
      t.modes.join("、"),
      String(t.salaryExpected ?? ""),
      t.categoryLevel ? `${t.categoryLevel}类` : "",
      `IMP-${i}`,
    ]);
  }
  return rows;
}

const SYNTHETIC_HEADERS = ["岗位名称", "用人单位", "需求人数", "学历要求", "职称要求", "工作经验", "行业", "职业", "工作地点", "薪酬待遇", "引进方式", "技能要求", "优先技能", "岗位描述", "有效期", "外部编号"];

/** A catalog of the match benches' synthetic demands (codes for taxonomy columns), for loading a D1 through the Worker's own import route. */
export function syntheticCatalogGrid(n: number, seed = 4242): string[][] {
  const r = prng(seed);
  const rows: string[][] = [SYNTHETIC_HEADERS];
  for (let i = 0; i < n; i++) {
    const d = makeDemand(r, i, Date.UTC(2026, 0, 1));
    rows.push([
      d.title,
      `基准企业${i % 200}有限公司`,
      String(d.headcount ?? 1),
      d.minEducation ?? "",
      d.minTitle ?? "",
      d.minYearsExperience ? `${d.minYearsExperience}年以上` : "",
      d.industryCode ?? "",
      d.occupationCode ?? "",
      d.city ?? "",
      d.salaryMin && d.salaryMax ? `${d.salaryMin}-${d.salaryMax}` : "",
      (d.modes ?? []).join("、"),
      (d.requiredSkills ?? []).join("、"),
      (d.preferredSkills ?? []).join("、"),
      d.description ?? "",
      "2030-12-31",
      `SYN-${i}`,
    ]);
  }
  return rows;
}
