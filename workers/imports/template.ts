import { toXlsx } from "../exports/index.ts";
import { DEMAND_FIELDS, chineseHeader } from "./columns.ts";
import type { DemandField } from "./columns.ts";

// One realistic line from a 鄂尔多斯 catalog; the employer is fictitious.
const EXAMPLE: Record<DemandField, string | number> = {
  title: "煤化工工艺工程师",
  employer: "鄂尔多斯市梧桐能源化工有限公司",
  headcount: 3,
  education: "本科及以上",
  title_level: "中级",
  skill_level: "",
  major: "化学工程与工艺",
  experience_years: "3年以上",
  industry_chain: "煤化工",
  industry: "煤制液体燃料生产",
  occupation: "化工工程技术人员",
  city: "鄂尔多斯市",
  salary: "1-1.5万/月",
  benefits: "五险一金、人才公寓、安家费",
  urgency: "★★★★",
  category_level: "七类",
  modes: "全职、项目合作",
  skills: "煤气化、费托合成、Aspen Plus",
  preferred_skills: "HAZOP分析、DCS操作",
  description: "负责煤制油装置工艺运行优化、技术改造与安全环保管理",
  valid_until: "2026-12-31",
  external_id: "EEDS-2026-0001",
};

/**
 * The demand catalog template: Chinese headers in template order, one example row, and column
 * widths sized to the content; written by the export module like every other file the API serves.
 */
export function catalogTemplateXlsx(): Uint8Array {
  return toXlsx({
    sheet: "人才需求目录",
    columns: DEMAND_FIELDS.map((field) => chineseHeader("demand", field)),
    rows: [DEMAND_FIELDS.map((field) => EXAMPLE[field])],
  });
}
