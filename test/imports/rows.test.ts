import * as XLSX from "@e965/xlsx";
import { describe, expect, it } from "vitest";
import { ImportFileError, catalogTemplateXlsx, mapColumns, parseDemandRows, parseTalentRows, readTable } from "../../workers/imports/index.ts";
import type { Table } from "../../workers/imports/index.ts";
import { CSV, DEMAND_HEADERS_ZH, XLSX_TYPE, csvLine, demandRow, utf8, xlsxFile } from "./files.ts";

const demandsFrom = (table: Table) => parseDemandRows(table, mapColumns(table.headers, "demand"));

describe("parseDemandRows", () => {
  it("rejects only the row with a broken required cell; bad optional cells are warnings and their rows are kept", () => {
    const rows = Array.from({ length: 100 }, (_, i) => demandRow(i));
    const col = (header: string) => DEMAND_HEADERS_ZH.indexOf(header);
    const set = (i: number, header: string, value: string) => {
      const row = rows[i];
      if (row) row[col(header)] = value;
    };
    set(10, "学历要求", "小学毕业");
    set(40, "需求人数", "-2");
    set(70, "薪酬待遇", "很高");
    const csv = [csvLine(DEMAND_HEADERS_ZH), ...rows.map(csvLine)].join("\n");
    const result = demandsFrom(readTable(utf8(csv), CSV));
    expect(result.valid).toHaveLength(99);
    expect(result.rejected).toEqual([
      {
        row: 42,
        column: "需求人数",
        value: "-2",
        reason: "headcount must be a positive whole number, or 若干",
        reason_en: "headcount must be a positive whole number, or 若干",
        reason_zh: "需求人数应为正整数或“若干”",
        suggestions: [],
      },
    ]);
    expect(result.warnings.map((w) => [w.row, w.column, w.value, w.reason_en, w.reason_zh])).toEqual([
      [12, "学历要求", "小学毕业", "unknown education: use 大专, 本科, 硕士 or 博士, or 不限", "学历应为大专/本科/硕士/博士或不限"],
      [72, "薪酬待遇", "很高", expect.stringMatching(/not a salary/u), expect.stringMatching(/\p{Script=Han}/u)],
    ]);
    expect(result.valid.find((d) => d.row === 12)).toMatchObject({ minEducation: null, title: "工艺工程师10" });
    expect(result.valid.find((d) => d.row === 72)).toMatchObject({ salaryMin: null, salaryMax: null });
    expect(result.valid.map((d) => d.row)).not.toContain(42);
    expect(result.valid[0]).toEqual({
      row: 2,
      title: "工艺工程师0",
      employer: "鄂尔多斯市示例化工有限公司0",
      headcount: 1,
      minEducation: "bachelor",
      minTitle: "intermediate",
      minSkillLevel: "senior_technician",
      major: "化学工程与工艺",
      minExperienceYears: 0,
      industryChain: "煤化工",
      industry: "煤制液体燃料生产",
      occupation: "化工工程技术人员",
      city: "鄂尔多斯市",
      salaryMin: 8000,
      salaryMax: 12000,
      benefits: ["五险一金", "人才公寓"],
      urgency: 1,
      categoryLevel: 1,
      modes: ["full_time"],
      requiredSkills: ["煤气化", "费托合成", "DCS"],
      preferredSkills: ["HAZOP"],
      description: "负责装置工艺优化，参与技术改造",
      validUntil: "2026-12-31",
      externalId: "EXT-0",
    });
  });

  it("reports every bad key cell of a row and an empty required cell, leaving out its warnings", () => {
    const rows = [
      ["岗位名称", "用人单位", "需求人数", "学历要求", "紧缺程度", "有效期"],
      ["", "示例公司", "0", "硕士", "★★★★★★", "2026-02-30"],
    ];
    const result = demandsFrom(readTable(xlsxFile(rows), XLSX_TYPE));
    expect(result.valid).toEqual([]);
    expect(result.rejected.map((r) => [r.row, r.column, r.value])).toEqual([
      [2, "岗位名称", ""],
      [2, "需求人数", "0"],
    ]);
    expect(result.warnings).toEqual([]);
  });

  it("rejects a second line with the same 外部编号, or without one the same employer, title and city", () => {
    const csv = [
      "岗位名称,用人单位,工作地点,外部编号",
      "工程师,示例公司,鄂尔多斯市,A1",
      "技术员,示例公司,鄂尔多斯市,A1",
      "质检员,示例公司,包头市,",
      "质检员,示例公司,包头市,",
      "质检员,示例公司,鄂尔多斯市,",
    ].join("\n");
    const result = demandsFrom(readTable(utf8(csv), CSV));
    expect(result.valid.map((d) => d.row)).toEqual([2, 4, 6]);
    expect(result.rejected).toEqual([
      { row: 3, column: "外部编号", value: "A1", reason: "same 外部编号 as row 2", reason_en: "same 外部编号 as row 2", reason_zh: "与第2行外部编号重复", suggestions: [] },
      {
        row: 5,
        column: "岗位名称",
        value: "质检员",
        reason: expect.stringMatching(/row 4/u),
        reason_en: expect.stringMatching(/^same employer, title and city as row 4/u),
        reason_zh: expect.stringMatching(/^与第4行/u),
        suggestions: [],
      },
    ]);
  });

  it("refuses a table without the required columns", () => {
    const table = readTable(utf8("岗位名称,需求人数\n工程师,3\n"), CSV);
    expect(() => demandsFrom(table)).toThrow(ImportFileError);
    expect(() => demandsFrom(table)).toThrow(/用人单位/u);
  });

  it("round-trips the catalog template into one valid row", () => {
    const table = readTable(catalogTemplateXlsx(), XLSX_TYPE);
    expect(table.headers).toEqual(DEMAND_HEADERS_ZH);
    const result = demandsFrom(table);
    expect(result.rejected).toEqual([]);
    expect(result.valid).toHaveLength(1);
    const sheet = XLSX.read(catalogTemplateXlsx(), { type: "array", cellStyles: true }).Sheets["人才需求目录"];
    expect(sheet?.["!cols"]?.map((col) => col.wch ?? col.width)).toHaveLength(DEMAND_HEADERS_ZH.length);
    expect(result.valid[0]).toMatchObject({ row: 2, title: "煤化工工艺工程师", industryChain: "煤化工", city: "鄂尔多斯市", minEducation: "bachelor", salaryMin: 10000, salaryMax: 15000, urgency: 4, categoryLevel: 7 });
  });

  it("reads demands from JSON with English keys and list values", () => {
    const data = [{ title: "Process engineer", employer: "Example Ltd", modes: ["full_time", "柔性引才"], skills: ["Aspen Plus", "HAZOP"], salary: "10-15万/年" }];
    const result = demandsFrom(readTable(utf8(JSON.stringify(data)), "application/json"));
    expect(result.valid[0]).toMatchObject({ row: 1, modes: ["full_time", "part_time", "project", "consulting"], requiredSkills: ["Aspen Plus", "HAZOP"], salaryMin: 8333, salaryMax: 12500 });
  });
});

describe("parseTalentRows", () => {
  const headers = ["姓名", "手机", "邮箱", "最高学历", "毕业院校", "专业", "职称", "工作年限", "行业", "技能", "现居城市", "籍贯", "意向城市", "引进方式", "期望薪酬", "人才类别", "外部编号"];

  it("parses talent rows and rejects bad phones, e-mails and repeated phone numbers", () => {
    const csv = [
      csvLine(headers),
      csvLine(["王丽", "+86 138-0013-8000", "wang.li@Example.com", "硕士研究生", "内蒙古大学", "化学工程", "工程师", "5年", "化学原料和化学制品制造业", "Aspen Plus、煤气化", "北京市", "鄂尔多斯市", "鄂尔多斯市、包头市", "柔性引才", "2-3万/月", "三类", "T-1"]),
      csvLine(["李强", "010-12345678", "li.qiang", "本科", "", "", "", "", "", "", "", "", "", "", "", "", "T-2"]),
      csvLine(["赵敏", "13800138000", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "T-3"]),
      csvLine(["", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", ""]),
    ].join("\r\n");
    const table = readTable(utf8(csv), CSV);
    const result = parseTalentRows(table, mapColumns(table.headers, "talent"));
    expect(result.valid).toEqual([
      {
        row: 2,
        name: "王丽",
        phone: "13800138000",
        email: "wang.li@example.com",
        education: "master",
        school: "内蒙古大学",
        major: "化学工程",
        titleLevel: "intermediate",
        skillLevel: null,
        experienceYears: 5,
        industries: ["化学原料和化学制品制造业"],
        occupations: [],
        skills: ["Aspen Plus", "煤气化"],
        city: "北京市",
        originCity: "鄂尔多斯市",
        desiredCities: ["鄂尔多斯市", "包头市"],
        modes: ["part_time", "project", "consulting"],
        salaryExpected: 20000,
        categoryLevel: 3,
        externalId: "T-1",
      },
    ]);
    expect(result.rejected.map((r) => [r.row, r.column, r.value])).toEqual([
      [3, "手机", "010-12345678"],
      [3, "邮箱", "li.qiang"],
      [4, "手机", "13800138000"],
    ]);
    expect(result.rejected[2]?.reason).toMatch(/row 2/u);
  });

  it("rejects a row with no contact, keeps a row whose optional cells are bad, and warns about them in both languages", () => {
    const csv = ["姓名,手机,邮箱,最高学历,职称,工作年限", "孙悦,,,本科,,", "周杰,13900139000,,中专,首席科学家,很多年", "吴刚,,wu@example.com,博士后,,"].join("\n");
    const table = readTable(utf8(csv), CSV);
    const result = parseTalentRows(table, mapColumns(table.headers, "talent"));
    expect(result.rejected).toEqual([
      { row: 2, column: "手机", value: "", reason: "a phone number or an e-mail address is required", reason_en: "a phone number or an e-mail address is required", reason_zh: "手机和邮箱至少填写一项", suggestions: [] },
    ]);
    expect(result.valid.map((t) => [t.row, t.education, t.titleLevel, t.experienceYears])).toEqual([
      [3, null, null, null],
      [4, "doctor", null, null],
    ]);
    expect(result.warnings.map((w) => [w.row, w.column, w.value])).toEqual([
      [3, "最高学历", "中专"],
      [3, "职称", "首席科学家"],
      [3, "工作年限", "很多年"],
      [4, "最高学历", "博士后"],
    ]);
    for (const w of result.warnings) {
      expect(w.reason_zh).toMatch(/\p{Script=Han}/u);
      expect(w.reason_en).not.toMatch(/[（(]\p{Script=Han}/u);
      expect(w.reason).toBe(w.reason_en);
    }
  });
});
