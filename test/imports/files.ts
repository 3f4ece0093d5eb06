import * as XLSX from "@e965/xlsx";
import type { CellObject, Range } from "@e965/xlsx";

/** Media types as browsers send them. */
export const CSV = "text/csv";
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const JSON_TYPE = "application/json";

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** One CSV line from cells, quoting where RFC 4180 needs it. */
export function csvLine(cells: readonly (string | number)[]): string {
  return cells.map((cell) => (/[",\r\n]/u.test(String(cell)) ? `"${String(cell).replaceAll('"', '""')}"` : String(cell))).join(",");
}

/** An XLSX workbook from rows of plain values or cell objects, with optional merged ranges. */
export function xlsxFile(rows: (string | number | CellObject | null)[][], merges: Range[] = [], sheetName = "目录"): Uint8Array {
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  if (merges.length > 0) sheet["!merges"] = merges;
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, sheetName);
  return new Uint8Array(XLSX.write(book, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
}

/** A merged range from A1-style corners. */
export const merge = (from: string, to: string): Range => ({ s: XLSX.utils.decode_cell(from), e: XLSX.utils.decode_cell(to) });

/** Chinese demand headers, template order. */
export const DEMAND_HEADERS_ZH = [
  "岗位名称",
  "用人单位",
  "需求人数",
  "学历要求",
  "职称要求",
  "技能等级",
  "专业要求",
  "工作经验",
  "所属产业链",
  "行业",
  "职业",
  "工作地点",
  "薪酬待遇",
  "福利待遇",
  "紧缺程度",
  "人才类别",
  "引进方式",
  "技能要求",
  "优先技能",
  "岗位描述",
  "有效期",
  "外部编号",
];

/** A realistic demand row for `DEMAND_HEADERS_ZH`, varied by `i` so rows stay distinct. */
export function demandRow(i: number): string[] {
  const chains = ["煤化工", "新能源", "新材料", "现代装备制造"];
  return [
    `工艺工程师${i}`,
    `鄂尔多斯市示例化工有限公司${i % 37}`,
    String(1 + (i % 5)),
    ["本科及以上", "硕士", "大专", "博士"][i % 4] ?? "本科",
    ["中级", "副高级", "", "初级"][i % 4] ?? "",
    i % 7 === 0 ? "高级技师" : "",
    "化学工程与工艺",
    `${i % 10}年以上`,
    chains[i % chains.length] ?? "煤化工",
    "煤制液体燃料生产",
    "化工工程技术人员",
    ["鄂尔多斯市", "包头市", "呼和浩特市"][i % 3] ?? "鄂尔多斯市",
    ["8000-12000", "1-1.5万/月", "10-15万/年", "面议"][i % 4] ?? "面议",
    "五险一金、人才公寓",
    "★".repeat(1 + (i % 5)),
    `${1 + (i % 8)}类`,
    ["全职", "柔性引才", "项目合作、技术入股"][i % 3] ?? "全职",
    "煤气化、费托合成, DCS",
    "HAZOP",
    "负责装置工艺优化，参与技术改造",
    "2026-12-31",
    `EXT-${i}`,
  ];
}
