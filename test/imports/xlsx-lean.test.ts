import * as XLSX from "@e965/xlsx";
import type { CellObject, WorkBook } from "@e965/xlsx";
import { describe, expect, it } from "vitest";
import { catalogTemplateXlsx } from "../../workers/imports/index.ts";
import { readXlsx, readXlsxWithSheetJs } from "../../workers/imports/xlsx.ts";
import { readSheetLean } from "../../workers/imports/xlsx-lean.ts";
import { DEMAND_HEADERS_ZH, demandRow, merge } from "./files.ts";

type Cell = string | number | boolean | CellObject | null;

function book(sheets: Record<string, Cell[][]>, setup?: (wb: WorkBook) => void): WorkBook {
  const wb = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), name);
  setup?.(wb);
  return wb;
}

// Shared strings (as Excel writes) and inline strings (as some generators write), both checked.
const write = (wb: WorkBook, bookSST: boolean): Uint8Array => new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx", bookSST, compression: true }) as ArrayBuffer);

const catalog: Cell[][] = [
  ["2026年鄂尔多斯市重点产业人才需求目录", null, null, null, null, null],
  ["岗位名称", "用人单位", "需求人数", "任职要求", null, "有效期"],
  [null, null, null, "学历要求", "专业要求", null],
  ["工艺工程师 ", "示例化工 & <有限> 公司", 3, "本科及以上", "化学工程", { t: "n", v: 46387, z: "yyyy\"年\"m\"月\"d\"日\"" }],
  [null, null, null, null, null, null],
  ["设备工程师", null, { t: "n", f: "C4*2", v: 6 }, "大专", "机械", { t: "n", v: 46203, z: "m/d/yy" }],
  ["质检员", "示例检测", 0.1 + 0.2, true, { t: "e", v: 7, w: "#DIV/0!" }, "长期"],
];

const cases: [string, WorkBook][] = [
  [
    "merged title, two-row header, formula, dates, escapes, booleans, errors",
    book({ 目录: catalog }, (wb) => {
      const sheet = wb.Sheets["目录"];
      if (sheet) sheet["!merges"] = [merge("A1", "F1"), merge("D2", "E2"), merge("A2", "A3"), merge("B2", "B3"), merge("C2", "C3"), merge("F2", "F3"), merge("B4", "B6")];
    }),
  ],
  ["an empty first sheet, data on the second", book({ 说明: [[]], 目录: [["岗位名称", "用人单位"], ["工程师", "示例公司"]] })],
  [
    "the 1904 date system (serial 44925 is 2026-12-31 there, 2022-12-30 in 1900)",
    book({ 目录: [["岗位名称", "有效期"], ["工程师", { t: "n", v: 44925, z: "yyyy-mm-dd" }]] }, (wb) => {
      wb.Workbook = { WBProps: { date1904: true } };
    }),
  ],
  ["500 demand rows", book({ 目录: [DEMAND_HEADERS_ZH, ...Array.from({ length: 500 }, (_, i) => demandRow(i))] })],
];

describe("lean XLSX reader", () => {
  it.each(cases.flatMap(([name, wb]) => [[`${name} (shared strings)`, write(wb, true)] as const, [`${name} (inline strings)`, write(wb, false)] as const]))(
    "reads %s exactly as SheetJS does",
    (_name, bytes) => {
      expect(readSheetLean(bytes, 100_000, 50_000)).toBeDefined();
      expect(readXlsx(bytes, 50_000)).toEqual(readXlsxWithSheetJs(bytes, 50_000));
    },
  );

  it("reads the catalog template, and the 1904 workbook's date as Excel shows it", () => {
    expect(readSheetLean(catalogTemplateXlsx(), 100_000, 50_000)).toBeDefined();
    const [, wb1904] = cases[2] ?? [];
    if (!wb1904) throw new Error("case missing");
    expect(readXlsx(write(wb1904, true), 50_000).rows[0]?.cells["有效期"]).toBe("2026-12-31");
  });

  it("joins rich-text runs and leaves out phonetic guides", () => {
    const sst = '<sst xmlns="x"><si><r><t>岗位</t></r><r><t xml:space="preserve">名称</t></r><rPh sb="0" eb="1"><t>ガン</t></rPh></si><si><t>用人单位</t></si></sst>';
    const bytes = write(book({ S: [["a", "b"]] }), true);
    const zip = XLSX.CFB.read(bytes, { type: "array" });
    XLSX.CFB.utils.cfb_add(zip, "/xl/sharedStrings.xml", new TextEncoder().encode(sst));
    const patched = new Uint8Array(XLSX.CFB.write(zip, { type: "array", fileType: "zip" }) as ArrayBuffer);
    expect(readSheetLean(patched, 100_000, 50_000)?.grid[0]).toEqual(["岗位名称", "用人单位"]);
  });

  it("hands a workbook with namespace-prefixed sheet XML to SheetJS", () => {
    const bytes = write(book({ S: [["岗位名称", "用人单位"], ["工程师", "示例公司"]] }), false);
    const zip = XLSX.CFB.read(bytes, { type: "array" });
    const index: number = zip.FullPaths.findIndex((p: string) => p.endsWith("xl/worksheets/sheet1.xml"));
    const xml = new TextDecoder().decode(zip.FileIndex[index].content);
    const prefixed = xml
      .replace(/<(\/?)(sheetData|row|c|v|is|t|dimension|sheetViews|sheetView|ignoredErrors|ignoredError)\b/gu, "<$1x:$2")
      .replace("<worksheet ", '<worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ');
    XLSX.CFB.utils.cfb_add(zip, "/xl/worksheets/sheet1.xml", new TextEncoder().encode(prefixed));
    const patched = new Uint8Array(XLSX.CFB.write(zip, { type: "array", fileType: "zip" }) as ArrayBuffer);
    expect(readSheetLean(patched, 100_000, 50_000)).toBeUndefined();
    expect(readXlsx(patched, 50_000).rows).toEqual([{ row: 2, cells: { 岗位名称: "工程师", 用人单位: "示例公司" } }]);
  });
});
