import { describe, expect, it } from "vitest";
import { DEMAND_FIELDS, ImportFileError, TALENT_FIELDS, chineseHeader, mapColumns } from "../../workers/imports/index.ts";
import { DEMAND_HEADERS_ZH } from "./files.ts";

describe("mapColumns: demand catalog", () => {
  it("maps every template header, in order", () => {
    const m = mapColumns(DEMAND_HEADERS_ZH, "demand");
    expect(Object.values(m.fields)).toEqual([...DEMAND_FIELDS]);
    expect(m).toMatchObject({ unknownHeaders: [], missingRequired: [], duplicateHeaders: [] });
  });

  it("maps English headers in any case and spacing, and the field names themselves", () => {
    const headers = ["Title", "EMPLOYER", "Head Count", "Education", "title_level", "Skill Level", "Industry Chain", "Valid Until", "External ID", "Preferred Skills"];
    const m = mapColumns(headers, "demand");
    expect(Object.values(m.fields)).toEqual(["title", "employer", "headcount", "education", "title_level", "skill_level", "industry_chain", "valid_until", "external_id", "preferred_skills"]);
    expect(m.unknownHeaders).toEqual([]);
  });

  it.each([
    ["最低学历", "education"],
    ["学历要求", "education"],
    ["人数", "headcount"],
    ["招聘人数", "headcount"],
    ["需求人数（人）", "headcount"],
    ["城市", "city"],
    ["工作地点", "city"],
    ["＊岗位名称", "title"],
    ["岗 位 名 称", "title"],
    ["薪酬待遇(元/月)", "salary"],
    ["ＴＩＴＬＥ", "title"],
  ])("tolerates the variant %s → %s", (header, field) => {
    expect(mapColumns([header], "demand").fields).toEqual({ [header]: field });
  });

  it("reports unknown headers, missing required fields and a second column for one field; 序号 is silently ignored", () => {
    const m = mapColumns(["序号", "岗位", "需求人数", "人数", "备注"], "demand");
    expect(m).toEqual({ fields: { 岗位: "title", 需求人数: "headcount" }, unknownHeaders: ["备注"], missingRequired: ["employer"], duplicateHeaders: ["人数"] });
  });

  it("lets a user mapping name, rename or ignore columns", () => {
    const m = mapColumns(["company", "job", "address", "url", "education"], "demand", { Job: "title", address: "city", url: "", education: "" });
    expect(m).toEqual({ fields: { company: "employer", job: "title", address: "city" }, unknownHeaders: [], missingRequired: [], duplicateHeaders: [] });
  });

  it("refuses a user mapping to a field the schema does not have", () => {
    expect(() => mapColumns(["岗位"], "demand", { 岗位: "position" })).toThrow(ImportFileError);
  });
});

describe("mapColumns: talent", () => {
  it("maps Chinese headers and requires the name", () => {
    const headers = TALENT_FIELDS.map((f) => chineseHeader("talent", f));
    expect(Object.values(mapColumns(headers, "talent").fields)).toEqual([...TALENT_FIELDS]);
    expect(headers.slice(0, 3)).toEqual(["姓名", "手机", "邮箱"]);
    expect(mapColumns(["手机号码", "学历", "现居城市"], "talent")).toMatchObject({
      fields: { 手机号码: "phone", 学历: "education", 现居城市: "city" },
      missingRequired: ["name"],
    });
  });

  it("maps English headers", () => {
    const m = mapColumns(["Name", "Phone", "Email", "Desired Cities", "Salary Expected", "Origin City"], "talent");
    expect(Object.values(m.fields)).toEqual(["name", "phone", "email", "desired_cities", "salary_expected", "origin_city"]);
  });
});
