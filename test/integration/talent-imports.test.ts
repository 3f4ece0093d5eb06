import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { talents } from "../../schema/index.ts";
import { keysOf } from "../../workers/data/match-keys.ts";
import { CSV, csvLine, XLSX_TYPE, xlsxFile } from "../imports/files.ts";
import { createTestApp, type TestApp } from "../helpers/app.ts";
import { describeAuth } from "../helpers/auth-suite.ts";
import { createKey, createOrganization, createTenant, type TenantFixture } from "../helpers/factories.ts";
import { expectProblem } from "../helpers/problems.ts";

const HEADERS = ["姓名", "手机", "邮箱", "最高学历", "专业", "职称", "工作年限", "行业", "技能", "现居城市", "意向城市", "引进方式", "期望薪酬", "人才类别", "外部编号"];
const row = (i: number) => [
  `人才${i}`,
  `1391234${String(i).padStart(4, "0")}`,
  `t${i}@example.com`,
  ["本科", "硕士", "博士"][i % 3] ?? "本科",
  "化学工程",
  ["中级", "副高级"][i % 2] ?? "中级",
  String(3 + (i % 10)),
  "煤制液体燃料生产",
  "煤气化、DCS；Aspen Plus",
  "鄂尔多斯",
  "鄂尔多斯，包头",
  i % 2 === 0 ? "全职" : "项目合作、技术入股",
  "15000",
  `${5 + (i % 3)}类`,
  `T-${i}`,
];

describeAuth("POST /v1/talents/imports", createTestApp, {
  request: () => ({ method: "POST", path: "/v1/talents/imports", body: "姓名\n张三\n", headers: { "content-type": "text/csv" } }),
  forbidden: ["enterprise"],
});

describe("talent imports", () => {
  let t: TestApp;
  let tenant: TenantFixture;
  beforeAll(async () => {
    t = await createTestApp();
    tenant = await createTenant(t);
  });
  afterAll(() => t.close());

  const upload = async (body: string | Uint8Array, type = CSV, qs = "") => {
    const res = await t.app.request(`/v1/talents/imports${qs}`, {
      method: "POST",
      headers: { authorization: `Bearer ${tenant.adminKey}`, "content-type": type },
      body: typeof body === "string" ? body : body.slice().buffer,
    });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as {
      created: number;
      updated: number;
      unchanged: number;
      rejected: number;
      rejections: { row: number; column: string }[];
      warnings: { row: number; column: string; value: string }[];
    };
  };

  it("imports profiles with Chinese labels, resolves codes, indexes them, and re-imports without change", async () => {
    const file = [csvLine(HEADERS), ...Array.from({ length: 30 }, (_, i) => csvLine(row(i)))].join("\n");
    expect(await upload(file)).toMatchObject({ created: 30, rejected: 0 });
    const [p] = await t.db.select().from(talents).where(eq(talents.externalId, "T-1"));
    expect(p).toMatchObject({
      education: "master",
      titleLevel: "associate_senior",
      industries: ["2523"],
      skills: ["煤气化", "DCS", "Aspen Plus"],
      city: "1506",
      desiredCities: ["1506", "1502"],
      modes: ["project", "equity"],
      categoryLevel: 6,
      phone: "13912340001",
    });
    expect((await keysOf(t.db, tenant.tenantId, p?.id ?? "")).length).toBeGreaterThan(3);
    expect(await upload(file)).toMatchObject({ created: 0, updated: 0, unchanged: 30 });
  });

  it("keys rows without an external id by phone, from Excel", async () => {
    const headers = HEADERS.slice(0, -1);
    const file = xlsxFile([headers, row(100).slice(0, -1)]);
    expect(await upload(file, XLSX_TYPE)).toMatchObject({ created: 1 });
    const changed = row(100).slice(0, -1);
    changed[4] = "材料工程";
    expect(await upload(xlsxFile([headers, changed]), XLSX_TYPE)).toMatchObject({ created: 0, updated: 1 });
  });

  it("rejects a bad phone by row and column; an unresolvable city is a warning and the row lands", async () => {
    const bad1 = row(200);
    bad1[1] = "12345";
    const bad2 = row(201);
    bad2[9] = "火星";
    const file = [csvLine(HEADERS), csvLine(row(202)), csvLine(bad1), csvLine(bad2)].join("\n");
    const r = await upload(file);
    expect(r).toMatchObject({ created: 2, rejected: 1 });
    expect(r.rejections.map((x) => [x.row, x.column])).toEqual([[3, "手机"]]);
    expect(r.warnings.map((x) => [x.row, x.column, x.value])).toEqual([[4, "现居城市", "火星"]]);
    const [mars] = await t.db.select().from(talents).where(eq(talents.externalId, "T-201"));
    expect(mars).toMatchObject({ city: null, unresolvedNames: { city: ["火星"] } });
  });

  it("never shows imported contact details to an enterprise", async () => {
    const org = await createOrganization(t, tenant.adminKey);
    const key = (await createKey(t, tenant.adminKey, org.id, "enterprise")).key;
    const text = await (await t.call("GET", "/v1/talents?limit=100", { key })).text();
    expect(text).not.toMatch(/1391234\d{4}/);
    expect(text).not.toMatch(/t\d+@example\.com/);
  });

  it("refuses a file with no name column", async () => {
    const res = await t.app.request("/v1/talents/imports", {
      method: "POST",
      headers: { authorization: `Bearer ${tenant.adminKey}`, "content-type": CSV },
      body: "手机\n13912345678\n",
    });
    await expectProblem(res, { status: 422, code: "validation_failed", detail: "The file has no column for: name." ,
      errors: [{ path: "columns.name", message: "no column maps to this required field; add it or pass a mapping" }] });
  });
  it("survives a JSON value with a lone surrogate: the row is kept with U+FFFD or refused, never written as bytes that are not UTF-8", async () => {
    const report = await upload(JSON.stringify([{ 姓名: "张三", 技能: "焊接\ud800", 外部编号: "LS-1" }]), "application/json");
    expect(report.created + report.rejected).toBe(1);
    const res = await t.call("GET", "/v1/talents?limit=100", { key: tenant.adminKey });
    expect(res.status).toBe(200);
    expect(await res.text()).not.toMatch(/\\ud800/);
  });
});
