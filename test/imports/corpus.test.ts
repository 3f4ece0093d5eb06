import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { mapColumns, parseDemandRows, parseSalary, readTable } from "../../workers/imports/index.ts";

// Real job-board postings, kept outside the repo (never copied in): /work/shared/data/corpus.
const corpus = (name: string): string => fileURLToPath(new URL(`../../../shared/data/corpus/${name}`, import.meta.url).href);
const BIGDATA = corpus("jobs_zhilian_bigdata_multicity.csv");
const SHENZHEN = corpus("jobs_zhilian_shenzhen_2018.csv");
const absent = (path: string): string => `(skipped: corpus file ${path} is absent)`;

describe.skipIf(!existsSync(BIGDATA))(`Zhaopin big-data postings as a demand catalog ${existsSync(BIGDATA) ? "" : absent(BIGDATA)}`, () => {
  it("maps the job-board columns with a user mapping and parses every posting", () => {
    const table = readTable(new Uint8Array(readFileSync(BIGDATA)), "text/csv");
    // keyword repeats welfare; url is not a demand field.
    const mapping = mapColumns(table.headers, "demand", { address: "city", requirements: "description", keyword: "", url: "" });
    expect(mapping).toMatchObject({ unknownHeaders: [], missingRequired: [], duplicateHeaders: [] });
    const { valid, rejected } = parseDemandRows(table, mapping);

    expect(table.rows.length).toBeGreaterThan(200);
    expect(valid.length + rejected.length).toBe(table.rows.length);
    // The only rejections are re-posts: the same employer, title and city as an earlier row.
    for (const r of rejected) expect(r.reason).toMatch(/^same employer, title and city as row \d+/u);
    expect(rejected.length).toBeLessThan(table.rows.length * 0.05);

    for (const d of valid) {
      expect(d.title).not.toBe("");
      expect(d.employer).not.toBe("");
      expect(d.city).toMatch(/^\p{Script=Han}{2,}$/u);
      if (d.salaryMin !== null && d.salaryMax !== null) expect(d.salaryMin).toBeLessThanOrEqual(d.salaryMax);
    }
    const byEducation = (level: string | null) => valid.filter((d) => d.minEducation === level).length;
    expect(byEducation("bachelor")).toBeGreaterThan(byEducation("master"));
    expect(byEducation("associate")).toBeGreaterThan(0);
    // "8千-1万" is the most common band on this board.
    expect(valid.some((d) => d.salaryMin === 8000 && d.salaryMax === 10000)).toBe(true);
    expect(valid.filter((d) => d.salaryMin !== null).length).toBeGreaterThan(valid.length * 0.9);
  });
});

describe.skipIf(!existsSync(SHENZHEN))(`Zhaopin Shenzhen 2018: salary text against the board's own min/max ${existsSync(SHENZHEN) ? "" : absent(SHENZHEN)}`, () => {
  it("parses every salary to the board's salary_min and salary_max", () => {
    const table = readTable(new Uint8Array(readFileSync(SHENZHEN)), "text/csv");
    const mismatches: string[] = [];
    let checked = 0;
    for (const { row, cells } of table.rows) {
      const text = cells.salary ?? "";
      if (text === "" || cells.salary_min === "" || cells.salary_max === "") continue;
      const result = parseSalary(text);
      checked++;
      const got = result.ok && result.value ? `${result.value.min}-${result.value.max}` : "none";
      if (got !== `${cells.salary_min}-${cells.salary_max}`) mismatches.push(`row ${row}: ${text} → ${got}`);
    }
    expect(checked).toBeGreaterThan(10_000);
    expect(mismatches.slice(0, 10)).toEqual([]);
  });
});
