import { describe, expect, it } from "vitest";
import {
  parseCategoryLevel,
  parseDate,
  parseEducation,
  parseEmail,
  parseHeadcount,
  parseList,
  parseModes,
  parsePhone,
  parseSalary,
  parseSkillLevel,
  parseTitleLevel,
  parseUrgency,
  parseYears,
} from "../../workers/imports/index.ts";
import type { CellResult } from "../../workers/imports/index.ts";

/** Good values with what they parse to, and bad values that must fail with a reason. */
function table<T>(name: string, parse: (raw: string) => CellResult<T>, good: [string, T][], bad: string[]): void {
  describe(name, () => {
    it.each(good)("%s → %j", (raw, value) => {
      expect(parse(raw)).toEqual({ ok: true, value });
    });
    it.each(bad)("%s is refused with a reason", (raw) => {
      const result = parse(raw);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(/\w{3}/u);
    });
  });
}

describe("parseList", () => {
  it.each([
    ["Python、Java", ["Python", "Java"]],
    ["煤气化, 费托合成，DCS", ["煤气化", "费托合成", "DCS"]],
    ["a;b；c/d", ["a", "b", "c", "d"]],
    ["一\n二\r\n三", ["一", "二", "三"]],
    [" 重复 、重复、 ", ["重复"]],
  ])("%j → %j", (raw, items) => {
    expect(parseList(raw)).toEqual(items);
  });
});

table(
  "parseEducation (a demand's minimum)",
  parseEducation,
  [
    ["大专", "associate"],
    ["专科", "associate"],
    ["高职", "associate"],
    ["本科", "bachelor"],
    ["学士", "bachelor"],
    ["本科及以上", "bachelor"],
    ["全日制本科及以上学历", "bachelor"],
    ["硕士", "master"],
    ["研究生", "master"],
    ["硕士研究生", "master"],
    ["博士", "doctor"],
    ["博士研究生", "doctor"],
    ["本科/硕士", "bachelor"],
    ["本科或硕士", "bachelor"],
    ["bachelor", "bachelor"],
    ["PhD", "doctor"],
    ["学历不限", null],
    ["不限", null],
  ],
  ["小学毕业证书", "MBA?", "很高"],
);

describe("parseEducation: words outside the four levels are never taken silently", () => {
  it.each([
    ["中专", null, /below 大专/u],
    ["初中", null, /below 大专/u],
    ["高中及以上", null, /below 大专/u],
    ["博士后", "doctor", /博士后按博士/u],
  ])("%s → %j with a warning", (raw, value, warning) => {
    const result = parseEducation(raw, "lowest");
    expect(result).toEqual({ ok: true, value, warning: expect.stringMatching(warning) });
  });

  it("refuses other words with the list of accepted ones", () => {
    expect(parseEducation("研究僧")).toEqual({ ok: false, reason: "unknown education: use 大专, 本科, 硕士 or 博士, or 不限 (学历应为大专/本科/硕士/博士或不限)" });
  });
});

describe("parseEducation (a talent's highest)", () => {
  it("takes the highest of several levels", () => {
    expect(parseEducation("本科、硕士", "highest")).toEqual({ ok: true, value: "master" });
  });
});

table(
  "parseTitleLevel",
  parseTitleLevel,
  [
    ["初级", "junior"],
    ["助理工程师", "junior"],
    ["中级", "intermediate"],
    ["中级及以上", "intermediate"],
    ["工程师", "intermediate"],
    ["主治医师", "intermediate"],
    ["副高", "associate_senior"],
    ["副高级", "associate_senior"],
    ["副教授", "associate_senior"],
    ["副主任医师", "associate_senior"],
    ["高级工程师", "associate_senior"],
    ["正高", "senior"],
    ["正高级", "senior"],
    ["教授", "senior"],
    ["主任医师", "senior"],
    ["研究员", "senior"],
    ["associate_senior", "associate_senior"],
    ["不限", null],
  ],
  ["一级建造师", "优秀"],
);

table(
  "parseSkillLevel",
  parseSkillLevel,
  [
    ["初级工", "basic"],
    ["五级", "basic"],
    ["中级工", "intermediate"],
    ["四级", "intermediate"],
    ["高级工", "advanced"],
    ["三级", "advanced"],
    ["3级", "advanced"],
    ["技师", "technician"],
    ["二级", "technician"],
    ["高级技师", "senior_technician"],
    ["一级", "senior_technician"],
    ["technician", "technician"],
    ["不限", null],
  ],
  ["熟练", "六级"],
);

table(
  "parseModes",
  parseModes,
  [
    ["全职", ["full_time"]],
    ["刚性引进", ["full_time"]],
    ["兼职", ["part_time"]],
    ["项目合作", ["project"]],
    ["技术入股", ["equity"]],
    ["顾问", ["consulting"]],
    ["咨询", ["consulting"]],
    ["候鸟式", ["seasonal"]],
    ["季节性", ["seasonal"]],
    ["离岸研发", ["offshore"]],
    ["银龄", ["retired_expert"]],
    ["退休专家", ["retired_expert"]],
    ["柔性引才", ["part_time", "project", "consulting"]],
    ["全职、项目合作", ["full_time", "project"]],
    ["刚性引进/柔性引才", ["full_time", "part_time", "project", "consulting"]],
    ["full_time, equity", ["full_time", "equity"]],
    ["不限", []],
  ],
  ["全职、外包", "实习"],
);

table(
  "parseUrgency",
  parseUrgency,
  [
    ["★", 1],
    ["★★★", 3],
    ["★★★☆☆", 3],
    ["3", 3],
    ["3星", 3],
    ["五星", 5],
    ["特急", 5],
    ["非常紧缺", 5],
    ["急需", 4],
    ["急需紧缺", 4],
    ["紧缺", 3],
    ["较紧缺", 2],
    ["一般", 1],
  ],
  ["★★★★★★", "6", "0", "不知道"],
);

table(
  "parseHeadcount",
  parseHeadcount,
  [
    ["1", 1],
    ["5", 5],
    ["5人", 5],
    ["３名", 3],
    ["三", 3],
    ["3-5人", 5],
    ["若干", null],
    ["不限", null],
  ],
  ["0", "-2", "2.5", "很多", "1000000"],
);

table(
  "parseYears",
  parseYears,
  [
    ["3", 3],
    ["3年", 3],
    ["3年以上", 3],
    ["3-5年", 3],
    ["5年以上工作经验", 5],
    ["十年", 10],
    ["0", 0],
    ["无经验", 0],
    ["应届毕业生", 0],
    ["1年以下", 0],
    ["经验不限", null],
    ["不限", null],
  ],
  ["-1", "2.5", "很久", "99年"],
);

table(
  "parseSalary (monthly yuan)",
  parseSalary,
  [
    ["8000-12000", { min: 8000, max: 12000 }],
    ["8000~12000元/月", { min: 8000, max: 12000 }],
    ["8k-12k", { min: 8000, max: 12000 }],
    ["8K-12K", { min: 8000, max: 12000 }],
    ["8千-1万", { min: 8000, max: 10000 }],
    ["1-1.5万/月", { min: 10000, max: 15000 }],
    ["1万-1.5万·13薪", { min: 10000, max: 15000 }],
    ["10-15万/年", { min: 8333, max: 12500 }],
    ["年薪30万", { min: 25000, max: 25000 }],
    ["年薪20-30万", { min: 16667, max: 25000 }],
    ["20-30万", { min: 16667, max: 25000 }],
    ["15000", { min: 15000, max: 15000 }],
    ["70001-100000", { min: 70001, max: 100000 }],
    ["5000以上", { min: 5000, max: null }],
    ["面议", null],
    ["薪资面议", null],
  ],
  ["-5000", "12000-8000", "200/天", "30", "很高", "8000-"],
);

table(
  "parseDate",
  parseDate,
  [
    ["2026-12-31", "2026-12-31"],
    ["2026/12/31", "2026-12-31"],
    ["2026.1.5", "2026-01-05"],
    ["2026年12月31日", "2026-12-31"],
    ["20261231", "2026-12-31"],
    ["2026-12-31T08:00:00Z", "2026-12-31"],
    ["46387", "2026-12-31"],
    ["2026年2月", "2026-02-28"],
    ["长期有效", null],
  ],
  ["2026-02-30", "2026-13-01", "明年", "31/12/2026", "12"],
);

table(
  "parsePhone",
  parsePhone,
  [
    ["13800138000", "13800138000"],
    ["138 0013 8000", "13800138000"],
    ["138-0013-8000", "13800138000"],
    ["+86 138 0013 8000", "13800138000"],
    ["8613800138000", "13800138000"],
    ["１３８００１３８０００", "13800138000"],
  ],
  ["12800138000", "1380013800", "010-12345678", "+1 415 555 0100"],
);

table(
  "parseEmail",
  parseEmail,
  [
    ["wang.li@Example.COM", "wang.li@example.com"],
    ["张三＠qq.com", "张三@qq.com"],
  ],
  ["wang.li", "a@b", "a b@c.com", "@qq.com"],
);

table(
  "parseCategoryLevel",
  parseCategoryLevel,
  [
    ["一类", 1],
    ["1类", 1],
    ["1", 1],
    ["第三类人才", 3],
    ["八类", 8],
    ["Ⅳ类", 4],
    ["一至三类", 3],
  ],
  ["九类", "0", "A类", "高层次"],
);
