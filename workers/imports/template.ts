import * as XLSX from "@e965/xlsx";
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
 * widths sized to the content.
 */
export function catalogTemplateXlsx(): Uint8Array {
  const headers = DEMAND_FIELDS.map((field) => chineseHeader("demand", field));
  const example = DEMAND_FIELDS.map((field) => EXAMPLE[field]);
  const sheet = XLSX.utils.aoa_to_sheet([headers, example]);
  // CJK characters are about two Latin characters wide.
  const width = (value: string | number): number => [...String(value)].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  sheet["!cols"] = headers.map((header, i) => ({ wch: Math.min(40, Math.max(10, width(header), width(example[i] ?? "")) + 2) }));
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, "人才需求目录");
  const out: ArrayBuffer = XLSX.write(book, { type: "array", bookType: "xlsx", compression: true });
  return new Uint8Array(out);
}
