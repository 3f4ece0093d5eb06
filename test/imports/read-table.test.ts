import type { CellObject } from "@e965/xlsx";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { ImportFileError, readTable } from "../../workers/imports/index.ts";
import type { ImportFileErrorCode } from "../../workers/imports/index.ts";
import { CSV, JSON_TYPE, XLSX_TYPE, csvLine, merge, utf8, xlsxFile } from "./files.ts";

function fileError(read: () => unknown, code: ImportFileErrorCode, message?: RegExp): void {
  let caught: unknown;
  try {
    read();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(ImportFileError);
  if (caught instanceof ImportFileError) {
    expect(caught.code).toBe(code);
    if (message) expect(caught.message).toMatch(message);
  }
}

describe("readTable: CSV", () => {
  it("reads Chinese headers with a BOM, CRLF, quoted commas, quotes and line breaks, skipping blank lines", () => {
    const text = [
      "\uFEFF岗位名称,用人单位,需求人数,技能要求",
      '工艺工程师,"鄂尔多斯市示例化工有限公司",3,"煤气化,费托合成"',
      "",
      ',,,',
      '"设备工程师 ""高级""",示例装备有限公司,2,"PLC编程',
      'DCS维护"',
      "  质检员  ,示例检测中心,1,",
    ].join("\r\n");
    const table = readTable(utf8(`${text}\r\n`), CSV);
    expect(table.format).toBe("csv");
    expect(table.headers).toEqual(["岗位名称", "用人单位", "需求人数", "技能要求"]);
    expect(table.rows).toEqual([
      { row: 2, cells: { 岗位名称: "工艺工程师", 用人单位: "鄂尔多斯市示例化工有限公司", 需求人数: "3", 技能要求: "煤气化,费托合成" } },
      { row: 5, cells: { 岗位名称: '设备工程师 "高级"', 用人单位: "示例装备有限公司", 需求人数: "2", 技能要求: "PLC编程\r\nDCS维护" } },
      { row: 6, cells: { 岗位名称: "质检员", 用人单位: "示例检测中心", 需求人数: "1", 技能要求: "" } },
    ]);
  });

  it("reads English headers with LF line ends and a media type parameter", () => {
    const text = "Title,Employer,Headcount,Title Level\nProcess engineer,Example Chemicals Ltd,3,intermediate\n";
    const table = readTable(utf8(text), "text/csv; charset=utf-8");
    expect(table.headers).toEqual(["Title", "Employer", "Headcount", "Title Level"]);
    expect(table.rows).toEqual([{ row: 2, cells: { Title: "Process engineer", Employer: "Example Chemicals Ltd", Headcount: "3", "Title Level": "intermediate" } }]);
  });

  it("decodes a GBK file as saved by Excel on Chinese Windows", () => {
    const text = "岗位名称,用人单位,工作地点\r\n煤化工工艺工程师,鄂尔多斯市示例能源有限公司,鄂尔多斯市\r\n";
    const table = readTable(new Uint8Array(iconv.encode(text, "gbk")), "application/csv");
    expect(table.rows).toEqual([{ row: 2, cells: { 岗位名称: "煤化工工艺工程师", 用人单位: "鄂尔多斯市示例能源有限公司", 工作地点: "鄂尔多斯市" } }]);
  });

  it('refuses an encoding that is neither UTF-8 nor GBK with "save as CSV UTF-8"', () => {
    const latin1 = new Uint8Array(iconv.encode("title,employer\nCafé,Müller GmbH\n", "latin1"));
    fileError(() => readTable(latin1, CSV), "undecodable_text", /CSV UTF-8/u);
    const utf16NoBom = new Uint8Array(iconv.encode("岗位名称,用人单位\n工程师,示例公司\n", "utf16le"));
    fileError(() => readTable(utf16NoBom, CSV), "undecodable_text", /CSV UTF-8/u);
  });

  it("reads Excel's Unicode Text: UTF-16 with a BOM, tab-separated", () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...iconv.encode("岗位名称\t用人单位\r\n工程师\t示例公司\r\n", "utf16le")]);
    expect(readTable(bytes, "text/plain").rows).toEqual([{ row: 2, cells: { 岗位名称: "工程师", 用人单位: "示例公司" } }]);
  });

  it("skips a title line above the header row and keeps Excel's row numbers", () => {
    const text = "2026年鄂尔多斯市重点产业人才需求目录,,\n,,\n序号,岗位名称,用人单位\n1,工程师,示例公司\n";
    const table = readTable(utf8(text), CSV);
    expect(table.headers).toEqual(["序号", "岗位名称", "用人单位"]);
    expect(table.rows).toEqual([{ row: 4, cells: { 序号: "1", 岗位名称: "工程师", 用人单位: "示例公司" } }]);
  });

  it("ignores trailing empty columns and names an unnamed column that holds data after its letter", () => {
    const text = "岗位名称,用人单位,,,\n工程师,示例公司,备注内容,,\n";
    const table = readTable(utf8(text), CSV);
    expect(table.headers).toEqual(["岗位名称", "用人单位", "列C"]);
  });

  it("refuses a quote left open at the end of the file, naming the row", () => {
    fileError(() => readTable(utf8('岗位名称,用人单位\n工程师,"示例公司\n'), CSV), "malformed_file", /Row 2/u);
  });

  it("refuses an empty file and an unknown media type", () => {
    fileError(() => readTable(new Uint8Array(), CSV), "empty_file");
    fileError(() => readTable(utf8("\n\n,,\n"), CSV), "empty_file");
    fileError(() => readTable(utf8("a,b"), "image/png"), "unsupported_media_type", /CSV, XLSX or JSON/u);
  });

  it("sniffs files labelled as Excel or octet-stream", () => {
    expect(readTable(utf8("岗位名称,用人单位\n工程师,示例公司\n"), "application/vnd.ms-excel").format).toBe("csv");
    expect(readTable(xlsxFile([["岗位名称", "用人单位"], ["工程师", "示例公司"]]), "application/octet-stream").format).toBe("xlsx");
  });

  it("refuses more than maxRows data rows with too_many_rows (50,001 by default)", () => {
    const lines = ["岗位名称,用人单位"];
    for (let i = 0; i < 50_001; i++) lines.push(csvLine([`工程师${i}`, "示例公司"]));
    fileError(() => readTable(utf8(lines.join("\n")), CSV), "too_many_rows", /50000/u);
    expect(readTable(utf8(lines.slice(0, 50_001).join("\n")), CSV).rows).toHaveLength(50_000);
  });
});

describe("readTable: XLSX", () => {
  it("skips a merged title row, joins a two-row header under a merged cell, fills merged cells and reads cached formula values", () => {
    const rows: (string | number | CellObject | null)[][] = [
      ["2026年鄂尔多斯市重点产业人才需求目录", null, null, null, null, null],
      [null, null, null, null, null, null],
      ["岗位名称", "用人单位", "需求人数", "任职要求", null, "有效期"],
      [null, null, null, "学历要求", "专业要求", null],
      ["工艺工程师", "鄂尔多斯市示例化工有限公司", 3, "本科及以上", "化学工程", { t: "n", v: 46387, z: "yyyy-mm-dd" }],
      [null, null, null, null, null, null],
      ["设备工程师", null, { t: "n", f: "C5*2", v: 6 }, "大专", "机械", "2026/6/30"],
    ];
    const merges = [merge("A1", "F1"), merge("D3", "E3"), merge("A3", "A4"), merge("B3", "B4"), merge("C3", "C4"), merge("F3", "F4"), merge("B5", "B7")];
    const table = readTable(xlsxFile(rows, merges), XLSX_TYPE);
    expect(table.format).toBe("xlsx");
    expect(table.headers).toEqual(["岗位名称", "用人单位", "需求人数", "学历要求", "专业要求", "有效期"]);
    expect(table.rows).toEqual([
      { row: 5, cells: { 岗位名称: "工艺工程师", 用人单位: "鄂尔多斯市示例化工有限公司", 需求人数: "3", 学历要求: "本科及以上", 专业要求: "化学工程", 有效期: "2026-12-31" } },
      // Blank row 6 is skipped; the employer merged over B5:B7 repeats; the formula gives 6.
      { row: 7, cells: { 岗位名称: "设备工程师", 用人单位: "鄂尔多斯市示例化工有限公司", 需求人数: "6", 学历要求: "大专", 专业要求: "机械", 有效期: "2026/6/30" } },
    ]);
  });

  it("drops a header merged over an empty column and keeps a header merged over data", () => {
    const rows = [
      ["岗位名称", "用人单位", null, "薪酬待遇", null],
      ["工程师", "示例公司", null, "8000", "12000"],
    ];
    const table = readTable(xlsxFile(rows, [merge("B1", "C1"), merge("D1", "E1")]), XLSX_TYPE);
    expect(table.headers).toEqual(["岗位名称", "用人单位", "薪酬待遇", "薪酬待遇(2)"]);
  });

  it("reads the first sheet with content", () => {
    const XLSX = xlsxFile([["岗位名称", "用人单位"], ["工程师", "示例公司"]]);
    expect(readTable(XLSX, XLSX_TYPE).rows).toHaveLength(1);
  });

  it("refuses bytes that are not an XLSX workbook", () => {
    fileError(() => readTable(utf8("岗位名称,用人单位\n"), XLSX_TYPE), "malformed_file", /XLSX/u);
    fileError(() => readTable(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]), XLSX_TYPE), "malformed_file");
    fileError(() => readTable(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), XLSX_TYPE), "malformed_file", /\.xls/u);
  });

  it("refuses more than maxRows data rows", () => {
    const rows: string[][] = [["岗位名称", "用人单位"]];
    for (let i = 0; i < 11; i++) rows.push([`工程师${i}`, "示例公司"]);
    fileError(() => readTable(xlsxFile(rows), XLSX_TYPE, { maxRows: 10 }), "too_many_rows");
    expect(readTable(xlsxFile(rows), XLSX_TYPE, { maxRows: 11 }).rows).toHaveLength(11);
  });
});

describe("readTable: JSON", () => {
  it("reads an array of objects: arrays joined with 、, numbers and booleans as text, row = array index", () => {
    const data = [
      { title: "工艺工程师", employer: "示例公司", headcount: 3, skills: ["煤气化", "费托合成"], remote: false },
      {},
      { title: "设备工程师", employer: "示例公司", skills: [] },
    ];
    const table = readTable(utf8(JSON.stringify(data)), JSON_TYPE);
    expect(table.headers).toEqual(["title", "employer", "headcount", "skills", "remote"]);
    expect(table.rows).toEqual([
      { row: 1, cells: { title: "工艺工程师", employer: "示例公司", headcount: "3", skills: "煤气化、费托合成", remote: "false" } },
      { row: 3, cells: { title: "设备工程师", employer: "示例公司", headcount: "", skills: "", remote: "" } },
    ]);
  });

  it('reads { "rows": [...] }', () => {
    expect(readTable(utf8(JSON.stringify({ rows: [{ name: "王丽" }] })), JSON_TYPE).rows).toEqual([{ row: 1, cells: { name: "王丽" } }]);
  });

  it("refuses invalid JSON, other shapes and too many rows", () => {
    fileError(() => readTable(utf8("[{"), JSON_TYPE), "malformed_file", /JSON/u);
    fileError(() => readTable(utf8('{"data": []}'), JSON_TYPE), "malformed_file", /array/u);
    fileError(() => readTable(utf8('[{"a": 1}, 2]'), JSON_TYPE), "malformed_file", /Item 2/u);
    fileError(() => readTable(utf8('[{"a": 1}, {"a": 2}]'), JSON_TYPE, { maxRows: 1 }), "too_many_rows");
  });
});
