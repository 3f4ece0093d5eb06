import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { XLSX_MEDIA_TYPE } from "../../workers/exports/index.ts";
import { readTable } from "../../workers/imports/index.ts";

const OPERATOR = env.WUTONG_OPERATOR_KEY;

function call(method: string, path: string, opts: { key?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.key) headers.authorization = `Bearer ${opts.key}`;
  if (opts.body !== undefined) headers["content-type"] ??= "application/json";
  return exports.default.fetch(
    new Request(`https://wutong.test${path}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) }),
  );
}

async function newTenant(slug: string, locale?: string): Promise<string> {
  const res = await call("POST", "/v1/tenants", { key: OPERATOR, body: { name: "测试市", slug, ...(locale ? { locale } : {}) } });
  expect(res.status).toBe(201);
  return ((await res.json()) as { admin_key: { key: string } }).admin_key.key;
}

async function created(res: Response): Promise<{ id: string }> {
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { id: string };
}

describe("outputs on the Worker with D1", () => {
  it("writes problems in the request's language, else the tenant's locale", async () => {
    const zh = await call("GET", "/v1/talents", { headers: { "accept-language": "zh-CN,zh;q=0.9" } });
    expect(zh.status).toBe(401);
    expect(zh.headers.get("content-language")).toBe("zh-CN");
    expect(await zh.json()).toMatchObject({ code: "unauthorized", title: "未认证", detail: "请以 'Authorization: Bearer <密钥>' 发送 API 密钥。" });

    const zhKey = await newTenant("out-zh", "zh-CN");
    const missing = await call("GET", "/v1/talents/tal_01M808K15V9JBEQCZSG5WVZRN0", { key: zhKey });
    expect(await missing.json()).toMatchObject({ code: "not_found", title: "未找到", detail: "没有编号为 'tal_01M808K15V9JBEQCZSG5WVZRN0' 的人才。" });

    const enKey = await newTenant("out-en");
    const body = { name: "", nickname: "x" };
    const en = (await (await call("POST", "/v1/talents", { key: enKey, body })).json()) as Record<string, unknown>;
    expect(en).toMatchObject({
      code: "validation_failed",
      detail: "The request body has invalid fields.",
      errors: [
        { path: "name", message: "must be at least 1 characters long" },
        { path: "nickname", message: "is not a known field" },
      ],
    });
    const asked = (await (await call("POST", "/v1/talents", { key: enKey, body, headers: { "accept-language": "zh" } })).json()) as Record<string, unknown>;
    expect(asked).toMatchObject({
      code: "validation_failed",
      title: "校验失败",
      detail: "请求体中有无效字段。",
      errors: [
        { path: "name", message: "长度至少为 1 个字符" },
        { path: "nickname", message: "不是已知字段" },
      ],
    });
  });

  it("refuses an unknown query parameter and searches with q=", async () => {
    const key = await newTenant("out-search");
    const unknown = await call("GET", "/v1/talents?name=Python", { key });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ code: "invalid_parameter", errors: [{ path: "name", message: "unknown query parameter" }] });
    await created(await call("POST", "/v1/talents", { key, body: { name: "李晓红", skills: ["煤气化", "Python"], school: "内蒙古工业大学" } }));
    await created(await call("POST", "/v1/talents", { key, body: { name: "王强", skills: ["PLC编程"] } }));
    const found = (await (await call("GET", `/v1/talents?q=${encodeURIComponent("煤气 python")}`, { key })).json()) as { data: { name: string }[] };
    expect(found.data.map((r) => r.name)).toEqual(["李晓红"]);
    const bySchool = (await (await call("GET", `/v1/talents?q=${encodeURIComponent("工业大学")}`, { key })).json()) as { data: { name: string }[] };
    expect(bySchool.data.map((r) => r.name)).toEqual(["李晓红"]);
    const org = await created(await call("POST", "/v1/organizations", { key, body: { name: "鄂尔多斯市梧桐能源化工有限公司", kind: "enterprise" } }));
    await created(await call("POST", "/v1/demands", { key, body: { organization_id: org.id, title: "煤化工工艺工程师", required_skills: ["煤气化"] } }));
    await created(await call("POST", "/v1/demands", { key, body: { organization_id: org.id, title: "会计", required_skills: ["财务"] } }));
    const demands = (await (await call("GET", `/v1/demands?q=${encodeURIComponent("梧桐能源 化工工艺 煤气化")}`, { key })).json()) as { data: { title: string }[] };
    expect(demands.data.map((r) => r.title)).toEqual(["煤化工工艺工程师"]);
  });

  it("downloads a demand's matches as CSV and XLSX with hostile names defused", async () => {
    const key = await newTenant("out-export");
    const org = await created(await call("POST", "/v1/organizations", { key, body: { name: '=HYPERLINK("http://x")', kind: "enterprise" } }));
    const demand = await created(
      await call("POST", "/v1/demands", { key, body: { organization_id: org.id, title: "+SUM(1,2)", required_skills: ["煤气化"], industry_code: "2522", city: "1506" } }),
    );
    for (const name of ["@cmd", "-1+1"]) await created(await call("POST", "/v1/talents", { key, body: { name, skills: ["煤气化"], industries: ["2522"], city: "1506" } }));
    const csv = await call("GET", `/v1/demands/${demand.id}/matches?format=csv`, { key });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const table = readTable(new Uint8Array(await csv.arrayBuffer()), "text/csv");
    expect(table.rows.map((r) => r.cells["人才姓名"]).sort()).toEqual(["'-1+1", "'@cmd"]);
    expect(table.rows.every((r) => r.cells["单位名称"] === '\'=HYPERLINK("http://x")' && r.cells["岗位名称"] === "'+SUM(1,2)")).toBe(true);
    const xlsx = await call("GET", `/v1/demands/${demand.id}/matches`, { key, headers: { accept: XLSX_MEDIA_TYPE } });
    expect(xlsx.headers.get("content-type")).toBe(XLSX_MEDIA_TYPE);
    const sheet = readTable(new Uint8Array(await xlsx.arrayBuffer()), XLSX_MEDIA_TYPE);
    expect(sheet.rows.map((r) => r.cells["人才姓名"]).sort()).toEqual(["'-1+1", "'@cmd"]);
  });
});
