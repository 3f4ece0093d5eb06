import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, demands, imports, outboxEvents } from "../../schema/index.ts";
import { resolveIndustry, resolveJobTitle, type Resolution } from "../../workers/taxonomy/index.ts";
import { CSV, csvLine } from "../imports/files.ts";
import { createTestApp, type TestApp } from "../helpers/app.ts";
import { describeAuth } from "../helpers/auth-suite.ts";
import { createTenant, type TenantFixture, unique } from "../helpers/factories.ts";
import { expectProblem } from "../helpers/problems.ts";

interface Issue {
  row: number;
  column: string;
  value: string;
  reason: string;
  reason_zh: string;
  reason_en: string;
  suggestions: { code: string; name: string }[];
}
interface Report {
  id: string;
  status: string;
  rows_total: number;
  rows_done: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejections: Issue[];
  warnings: Issue[];
}

function offered(r: Resolution): { code: string; name: string }[] {
  if (r.status === "unknown") return r.suggestions.slice(0, 3);
  return r.status === "ambiguous" ? r.candidates.slice(0, 4).map((c) => ({ code: c.code, name: c.name })) : [];
}

describeAuth("GET /v1/imports/{id}", createTestApp, {
  request: () => ({ method: "GET", path: "/v1/imports/imp_01M808K15V9JBEQCZSG5WVZRN0" }),
  forbidden: ["enterprise"],
});

describeAuth("GET /v1/imports", createTestApp, {
  request: () => ({ method: "GET", path: "/v1/imports" }),
  forbidden: ["enterprise"],
});

describe("catalog imports keep every row whose required cells are good", () => {
  let t: TestApp;
  let tenant: TenantFixture;
  beforeAll(async () => {
    t = await createTestApp();
    tenant = await createTenant(t, { name: "鄂尔多斯市" });
  });
  afterAll(() => t.close());

  const newCatalog = async () => ((await (await t.call("POST", "/v1/catalogs", { key: tenant.adminKey, body: { name: unique("目录"), year: 2026 } })).json()) as { id: string }).id;
  const upload = async (catalogId: string, body: string, headers: Record<string, string> = {}) => {
    const res = await t.app.request(`/v1/catalogs/${catalogId}/imports`, { method: "POST", headers: { authorization: `Bearer ${tenant.adminKey}`, "content-type": CSV, ...headers }, body });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as Report;
  };

  const HEADERS = ["岗位名称", "用人单位", "需求人数", "工作地点", "行业", "职业", "学历要求"];
  const FILE = [
    csvLine(HEADERS),
    // 化学工程技木员 (木 for 术): a misspelling no alias or job-board title rule reaches, so it stays text.
    csvLine(["风电运维工程师", "示范风电", "3", "鄂尔多斯", "星际采矿业", "化学工程技木员", "本科"]),
    csvLine(["装配钳工", "示范装备", "2", "鄂尔多斯", "", "", "中专"]),
    csvLine(["首席科学家", "示范研究院", "1", "鄂尔多斯", "", "", "博士后"]),
    csvLine(["技术员", "示范装备", "", "", "", "", "初中"]),
  ].join("\n");

  it("lands a line whose 行业 and 职业 do not resolve, keeping them as text with a warning and suggestions", async () => {
    const cat = await newCatalog();
    const r = await upload(cat, FILE);
    expect(r).toMatchObject({ status: "completed", rows_total: 4, rows_done: 4, created: 4, rejected: 0, rejections: [] });
    const [industry, occupation] = r.warnings.filter((w) => w.row === 2);
    // The suggestions are the resolver's, whatever it offers for these names.
    expect(industry).toMatchObject({ column: "行业", value: "星际采矿业", suggestions: offered(resolveIndustry("星际采矿业")) });
    expect(occupation).toMatchObject({ column: "职业", value: "化学工程技木员", suggestions: offered(resolveJobTitle("化学工程技木员")) });
    for (const w of [industry, occupation]) {
      expect(w?.reason_en).toMatch(/^(unknown name|ambiguous).*kept as written, without a code$/u);
      expect(w?.reason_zh).toMatch(/^(未找到该名称|名称有歧义).*已按原文保留，未匹配代码$/u);
    }
    const [line] = await t.db.select().from(demands).where(and(eq(demands.catalogId, cat), eq(demands.title, "风电运维工程师")));
    expect(line).toMatchObject({ industryCode: null, occupationCode: null, city: "1506", headcount: 3, minEducation: "bachelor", unresolvedNames: { industry: ["星际采矿业"], occupation: ["化学工程技木员"] } });
    const wire = (await (await t.call("GET", `/v1/demands/${line?.id ?? ""}`, { key: tenant.adminKey })).json()) as { unresolved_names: Record<string, string[]> };
    expect(wire.unresolved_names).toEqual({ industry: ["星际采矿业"], occupation: ["化学工程技木员"] });
  });

  it("maps 中专, 初中 and 博士后 to the closest level, each with a warning", async () => {
    const r = await upload(await newCatalog(), FILE);
    expect(r.warnings.filter((w) => w.column === "学历要求").map((w) => [w.row, w.value, w.reason_zh])).toEqual([
      [3, "中专", "低于大专，按学历不限处理"],
      [4, "博士后", "博士后按博士记录"],
      [5, "初中", "低于大专，按学历不限处理"],
    ]);
  });

  it("answers every reason in Chinese when Accept-Language asks for it, and in English otherwise", async () => {
    const file = [csvLine(["岗位名称", "用人单位", "需求人数", "工作地点"]), csvLine(["工程师", "示范", "-1", "鄂尔多斯"]), csvLine(["工程师", "示范", "1", "火星"])].join("\n");
    const zh = await upload(await newCatalog(), file, { "accept-language": "zh-CN,zh;q=0.9,en;q=0.5" });
    expect(zh.rejections.map((x) => [x.row, x.column, x.reason])).toEqual([
      [2, "需求人数", "需求人数应为正整数或“若干”"],
      [3, "工作地点", "未找到该名称"],
    ]);
    const en = await upload(await newCatalog(), file, { "accept-language": "en-GB" });
    expect(en.rejections.map((x) => x.reason)).toEqual(["headcount must be a positive whole number, or 若干", "unknown name"]);
    for (const x of [...zh.rejections, ...en.rejections]) expect(x.reason_en).not.toMatch(/\p{Script=Han}{3}/u);
  });

  it("records the import as a job: started, each batch with its audit, completed with its event; GET shows it", async () => {
    const cat = await newCatalog();
    const rows = Array.from({ length: 2_100 }, (_, i) => csvLine([`岗位${i}`, `示范企业${i % 40}`, "1", "鄂尔多斯", "", "", ""]));
    const r = await upload(cat, [csvLine(HEADERS), ...rows].join("\n"));
    expect(r).toMatchObject({ status: "completed", rows_total: 2_100, rows_done: 2_100, created: 2_100 });
    const [job] = await t.db.select().from(imports).where(eq(imports.id, r.id));
    expect(job).toMatchObject({ status: "completed", rowsDone: 2_100, created: 2_100, organizationsCreated: 40 });
    const audit = await t.db.select({ action: auditLog.action, subject: auditLog.subjectId }).from(auditLog).where(eq(auditLog.tenantId, tenant.tenantId));
    const ofJob = audit.filter((a) => a.subject === r.id).map((a) => a.action);
    // One batch for the new employers, then three of at most 1,000 lines.
    expect(ofJob).toEqual(["import.started", "import.batch_committed", "import.batch_committed", "import.batch_committed", "import.batch_committed"]);
    expect(audit.filter((a) => a.action === "catalog.imported" && a.subject === cat)).toHaveLength(1);
    const events = await t.db.select().from(outboxEvents).where(and(eq(outboxEvents.type, "catalog.imported"), eq(outboxEvents.subjectId, cat)));
    expect(events.map((e) => e.payload)).toEqual([expect.objectContaining({ import_id: r.id, created: 2_100 })]);

    const got = (await (await t.call("GET", `/v1/imports/${r.id}`, { key: tenant.adminKey })).json()) as Report;
    expect(got).toMatchObject({ id: r.id, status: "completed", rows_total: 2_100, rows_done: 2_100, created: 2_100, warnings: r.warnings, rejections: r.rejections });
    const list = (await (await t.call("GET", "/v1/imports?kind=demands&limit=2", { key: tenant.adminKey })).json()) as { data: Report[]; next_cursor: string | null };
    expect(list.data[0]).toMatchObject({ id: r.id, status: "completed" });
    expect(list.data[0]).not.toHaveProperty("rejections");
    expect(list.next_cursor).not.toBeNull();
  });

  it("answers 404 for another tenant's import and 400 for a malformed id", async () => {
    const r = await upload(await newCatalog(), FILE);
    const other = await createTenant(t);
    await expectProblem(await t.call("GET", `/v1/imports/${r.id}`, { key: other.adminKey }), { status: 404, code: "not_found" });
    await expectProblem(await t.call("GET", "/v1/imports/nope", { key: tenant.adminKey }), {
      status: 400,
      code: "invalid_parameter",
      errors: [{ path: "id", message: "must be an id of the form imp_…" }],
    });
  });
});
