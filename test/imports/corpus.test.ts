import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { mapColumns, parseDemandRows, parseSalary, readTable } from "../../workers/imports/index.ts";
import { createTestApp } from "../helpers/app.ts";
import { createTenant } from "../helpers/factories.ts";

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

/** The three real files as catalog lines through `POST /v1/catalogs/{id}/imports`: the share that lands, and why the rest does not. */
const FILES: { name: string; mapping: Record<string, string> }[] = [
  {
    name: "jobs_51job_shanghai.csv",
    mapping: { job_title: "title", company: "employer", welfare: "benefits", salary: "salary", description: "description", city: "city", industry: "industry", job_url: "external_id", location: "", company_type: "", company_size: "", publish_date: "" },
  },
  {
    name: "jobs_zhilian_bigdata_multicity.csv",
    mapping: { title: "title", salary: "salary", address: "city", keyword: "", work_experience: "experience_years", education: "education", company: "employer", welfare: "benefits", requirements: "description", url: "external_id" },
  },
  {
    name: "jobs_zhilian_shenzhen_2018.csv",
    mapping: {
      job_title: "title",
      company: "employer",
      city: "city",
      education: "education",
      experience: "experience_years",
      salary: "salary",
      description: "description",
      job_url: "external_id",
      location: "",
      salary_min: "",
      salary_max: "",
      company_type: "",
      company_size: "",
      description_truncated: "",
      company_url: "",
      source_file: "",
    },
  },
];
const present = FILES.every((f) => existsSync(corpus(f.name)));
/**
 * The share of all postings that landed when last measured (target 0.98). What stays out: 621
 * Shenzhen postings without a job title (a required field), and lines placed in a municipality
 * (上海, 北京, 重庆, 天津) until the resolver knows them as cities.
 */
const LANDED_FLOOR = 0.87;

describe.skipIf(!present)(`every real posting imported as a catalog line through the route ${present ? "" : absent(corpus(""))}`, () => {
  it("lands at least the measured share of postings and names why the rest did not", { timeout: 180_000 }, async ({ annotate }) => {
    const t = await createTestApp();
    try {
      const tenant = await createTenant(t);
      let total = 0;
      let landed = 0;
      const reasons = new Map<string, number>();
      for (const file of FILES) {
        const cat = (await (await t.call("POST", "/v1/catalogs", { key: tenant.adminKey, body: { name: file.name, year: 2026 } })).json()) as { id: string };
        const res = await t.app.request(`/v1/catalogs/${cat.id}/imports?mapping=${encodeURIComponent(JSON.stringify(file.mapping))}`, {
          method: "POST",
          headers: { authorization: `Bearer ${tenant.adminKey}`, "content-type": "text/csv" },
          body: new Uint8Array(readFileSync(corpus(file.name))).slice().buffer,
        });
        expect(res.status, (await res.clone().text()).slice(0, 500)).toBe(200);
        const r = (await res.json()) as { rows_total: number; created: number; updated: number; unchanged: number; unknown_columns: string[]; rejections: { column: string; reason_en: string }[] };
        expect(r.unknown_columns).toEqual([]);
        total += r.rows_total;
        landed += r.created + r.updated + r.unchanged;
        await annotate(`${file.name}: ${r.created + r.updated + r.unchanged} of ${r.rows_total} landed`);
        for (const x of r.rejections) {
          const reason = `${x.column}: ${x.reason_en.replace(/\d+/gu, "N").slice(0, 80)}`;
          reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        }
      }
      const top = [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 5);
      await annotate(`landed ${landed} of ${total} (${((100 * landed) / total).toFixed(1)} %); top reasons: ${top.map(([r, n]) => `${n}× ${r}`).join("; ")}`);
      expect(total).toBeGreaterThan(18_000);
      expect(landed / total).toBeGreaterThanOrEqual(LANDED_FLOOR);
    } finally {
      t.close();
    }
  });
});
