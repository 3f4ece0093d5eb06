import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { eq } from "drizzle-orm";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demands, organizations } from "../../schema/index.ts";
import { CSV, csvLine, DEMAND_HEADERS_ZH, demandRow, JSON_TYPE, merge, xlsxFile, XLSX_TYPE } from "../imports/files.ts";
import { createTestApp, type TestApp } from "../helpers/app.ts";
import { describeAuth } from "../helpers/auth-suite.ts";
import { createTenant, type TenantFixture, unique } from "../helpers/factories.ts";
import { expectProblem } from "../helpers/problems.ts";

interface Report {
  id: string;
  dry_run: boolean;
  format: string;
  rows_total: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejections: { row: number; column: string; value: string; reason: string; reason_en: string; reason_zh: string }[];
  warnings: { row: number; column: string; value: string; reason: string; reason_en: string; reason_zh: string }[];
  organizations_created: number;
}

const CORPUS = resolve(import.meta.dirname, "../../../shared/data/corpus/jobs_zhilian_bigdata_multicity.csv");

describeAuth("POST /v1/catalogs/{id}/imports", createTestApp, {
  request: () => ({
    method: "POST",
    path: "/v1/catalogs/cat_01M808K15V9JBEQCZSG5WVZRN0/imports",
    body: "岗位名称,用人单位\nx,y\n",
    headers: { "content-type": "text/csv" },
  }),
  forbidden: ["enterprise"],
});

describe("catalog imports", () => {
  let t: TestApp;
  let tenant: TenantFixture;
  beforeAll(async () => {
    t = await createTestApp();
    tenant = await createTenant(t, { name: "鄂尔多斯市" });
  });
  afterAll(() => t.close());

  const newCatalog = async () =>
    ((await (await t.call("POST", "/v1/catalogs", { key: tenant.adminKey, body: { name: unique("目录"), year: 2026 } })).json()) as { id: string }).id;
  const upload = async (catalogId: string, body: Uint8Array | string, type: string, qs = "") => {
    const res = await t.app.request(`/v1/catalogs/${catalogId}/imports${qs}`, {
      method: "POST",
      headers: { authorization: `Bearer ${tenant.adminKey}`, "content-type": type },
      body: typeof body === "string" ? body : body.slice().buffer,
    });
    return res;
  };
  const report = async (res: Response) => {
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as Report;
  };
  const lines = async (catalogId: string) => t.db.select().from(demands).where(eq(demands.catalogId, catalogId));

  it("writes a lone surrogate in a JSON cell as U+FFFD: SQLite's JSON functions would store bytes that are not UTF-8, and reading them back aborts the process", async () => {
    const cat = await newCatalog();
    expect(await report(await upload(cat, JSON.stringify([{ 岗位名称: "工程师\ud800", 用人单位: "某公司" }]), "application/json"))).toMatchObject({ created: 1, rejected: 0 });
    const res = await t.call("GET", `/v1/demands?catalog_id=${cat}`, { key: tenant.adminKey });
    expect(((await res.json()) as { data: { title: string }[] }).data.map((d) => d.title)).toEqual(["工程师\ufffd"]);
  });

  it("imports a Chinese-header CSV with 3 bad cells: only the broken headcount costs its row, the others are warnings", async () => {
    const cat = await newCatalog();
    const rows = Array.from({ length: 100 }, (_, i) => demandRow(i));
    (rows[10] as string[])[3] = "研究僧"; // education
    (rows[40] as string[])[2] = "-2"; // headcount
    (rows[70] as string[])[12] = "看情况"; // salary
    const file = [csvLine(DEMAND_HEADERS_ZH), ...rows.map(csvLine)].join("\r\n");
    const r = await report(await upload(cat, file, CSV));
    expect(r).toMatchObject({ format: "csv", rows_total: 100, created: 99, updated: 0, unchanged: 0, rejected: 1 });
    expect(r.rejections.map((x) => [x.row, x.column, x.value])).toEqual([[42, "需求人数", "-2"]]);
    expect(r.warnings.map((x) => [x.row, x.column, x.value])).toEqual([
      [12, "学历要求", "研究僧"],
      [72, "薪酬待遇", "看情况"],
    ]);
    expect([...r.rejections, ...r.warnings].every((x) => x.reason.length > 5 && x.reason === x.reason_en)).toBe(true);
    const stored = await lines(cat);
    expect(stored).toHaveLength(99);
    expect(stored.find((d) => d.externalId === "EXT-10")).toMatchObject({ minEducation: null, title: "工艺工程师10" });
    const first = stored.find((d) => d.externalId === "EXT-0");
    expect(first).toMatchObject({ industryCode: "2523", city: "1506", minEducation: "bachelor", urgency: 1 });
  });

  it("changes nothing when the same file is imported again, and updates only what changed", async () => {
    const cat = await newCatalog();
    const rows = Array.from({ length: 20 }, (_, i) => demandRow(i));
    const file = (rs: string[][]) => [csvLine(DEMAND_HEADERS_ZH), ...rs.map(csvLine)].join("\n");
    expect((await report(await upload(cat, file(rows), CSV))).created).toBe(20);
    const before = await lines(cat);
    const again = await report(await upload(cat, file(rows), CSV));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 20 });
    expect(await lines(cat)).toEqual(before);
    (rows[5] as string[])[2] = "9";
    expect(await report(await upload(cat, file(rows), CSV))).toMatchObject({ created: 0, updated: 1, unchanged: 19 });
  });

  it("validates without writing on a dry run", async () => {
    const cat = await newCatalog();
    const file = [csvLine(DEMAND_HEADERS_ZH), csvLine(demandRow(1)), csvLine(demandRow(2))].join("\n");
    const r = await report(await upload(cat, file, CSV, "?dry_run=true"));
    expect(r).toMatchObject({ dry_run: true, created: 2 });
    expect(await lines(cat)).toEqual([]);
  });

  it("decodes a GBK-encoded CSV saved by Chinese Excel", async () => {
    const cat = await newCatalog();
    const text = [csvLine(DEMAND_HEADERS_ZH), csvLine(demandRow(3))].join("\r\n");
    const r = await report(await upload(cat, new Uint8Array(iconv.encode(text, "gbk")), CSV));
    expect(r.created).toBe(1);
    expect((await lines(cat))[0]?.title).toBe("工艺工程师3");
  });

  it("reads a real-shaped Excel file: a merged title row, formulas and blank lines", async () => {
    const cat = await newCatalog();
    const width = DEMAND_HEADERS_ZH.length;
    const title = ["2026年鄂尔多斯市重点产业人才需求目录", ...Array<string>(width - 1).fill("")];
    const row = demandRow(4);
    const withFormula: (string | { f: string; v: number; t: "n" })[] = [...row];
    withFormula[2] = { f: "1+2", v: 3, t: "n" };
    const file = xlsxFile([title, DEMAND_HEADERS_ZH, withFormula, Array<string>(width).fill(""), demandRow(5)], [merge("A1", "V1")]);
    const r = await report(await upload(cat, file, XLSX_TYPE));
    expect(r).toMatchObject({ format: "xlsx", created: 2, rejected: 0 });
    expect((await lines(cat)).find((d) => d.externalId === "EXT-4")?.headcount).toBe(3);
  });

  it("accepts JSON rows and English headers, with a column mapping for unusual names", async () => {
    const cat = await newCatalog();
    const body = JSON.stringify([
      { title: "风电运维工程师", company_name: "示范风电", headcount: 2, city: "鄂尔多斯", skills: ["风机运维", "SCADA"] },
    ]);
    const r = await report(await upload(cat, body, JSON_TYPE, `?mapping=${encodeURIComponent(JSON.stringify({ company_name: "employer" }))}`));
    expect(r.created).toBe(1);
    const [line] = await lines(cat);
    expect(line).toMatchObject({ title: "风电运维工程师", headcount: 2, requiredSkills: ["风机运维", "SCADA"], city: "1506" });
    const [org] = await t.db.select().from(organizations).where(eq(organizations.id, line?.organizationId ?? ""));
    expect(org).toMatchObject({ name: "示范风电", kind: "enterprise" });
  });

  it("rejects rows whose names do not resolve, saying why", async () => {
    const cat = await newCatalog();
    const file = [csvLine(["岗位名称", "用人单位", "工作地点", "行业"]), csvLine(["工程师", "示范", "火星", "化学原料和化学制品制造业"]), csvLine(["工程师", "示范", "朝阳区", ""])].join("\n");
    const r = await report(await upload(cat, file, CSV));
    expect(r.created).toBe(0);
    expect(r.rejections.map((x) => [x.row, x.column])).toEqual([
      [2, "工作地点"],
      [3, "工作地点"],
    ]);
    expect(r.rejections[0]?.reason).toMatch(/^unknown name/);
    // Any level is a place now: 朝阳区 is a district of Beijing and of Changchun, never the city 朝阳市.
    expect(r.rejections[1]?.reason).toMatch(/^ambiguous: could be 朝阳区 \(110105\), 朝阳区 \(220104\)/);
  });

  it("answers whole-file problems with clear 4xx", async () => {
    const cat = await newCatalog();
    await expectProblem(await upload(cat, "a,b", "text/plain"), { status: 415, code: "unsupported_media_type" });
    await expectProblem(await upload(cat, "姓名,年龄\n张三,30\n", CSV), {
      status: 422,
      code: "validation_failed",
      detail: "The file has no column for: title, employer.",
      errors: [
        { path: "columns.title", message: "no column maps to this required field; add it or pass a mapping" },
        { path: "columns.employer", message: "no column maps to this required field; add it or pass a mapping" },
      ],
    });
    await expectProblem(await upload(cat, "岗位名称,用人单位\nx,y\n", CSV, `?mapping=${encodeURIComponent("[1]")}`), {
      status: 400,
      code: "invalid_parameter",
      errors: [{ path: "mapping", message: 'must be a JSON object of column header → field, e.g. {"单位":"employer"}' }],
    });
    await expectProblem(await upload(cat, new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]), XLSX_TYPE), {
      status: 422,
      code: "validation_failed",
      detail: "The file cannot be imported.",
      errors: [{ path: "file", message: "The XLSX workbook is damaged and cannot be read (Excel文件已损坏，无法读取)." }],
    });
    const big = new Uint8Array(21 * 1024 * 1024).fill(0x61);
    await expectProblem(await upload(cat, big, CSV), { status: 413, code: "payload_too_large", detail: "The request body exceeds 20971520 bytes." });
    expect(await lines(cat)).toEqual([]);
  });

  it("downloads the template, which imports cleanly", async () => {
    const res = await t.call("GET", "/v1/catalogs/template.xlsx", { key: tenant.adminKey });
    expect(res.headers.get("content-type")).toBe(XLSX_TYPE);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const r = await report(await upload(await newCatalog(), bytes, XLSX_TYPE));
    expect(r).toMatchObject({ created: 1, rejected: 0 });
  });

  describe.skipIf(!existsSync(CORPUS))("a file built from real postings (../shared/data/corpus)", () => {
    it("imports real job-board text with a column mapping", async () => {
      const cat = await newCatalog();
      const mapping = encodeURIComponent(JSON.stringify({ address: "city", requirements: "description", keyword: "", url: "", company: "employer" }));
      const r = await report(await upload(cat, new Uint8Array(readFileSync(CORPUS)), CSV, `?mapping=${mapping}`));
      expect(r.rows_total).toBeGreaterThan(250);
      expect(r.created).toBeGreaterThan(r.rows_total * 0.5);
      expect(r.created + r.rejected + r.unchanged).toBeLessThanOrEqual(r.rows_total);
    });
  });
});
