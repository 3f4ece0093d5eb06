import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function call(method: string, path: string, key: string, body?: BodyInit, type = "application/json") {
  const headers: Record<string, string> = { authorization: `Bearer ${key}` };
  if (body !== undefined) headers["content-type"] = type;
  return exports.default.fetch(new Request(`https://wutong.test${path}`, { method, headers, body }));
}

describe("imports in workerd with D1", () => {
  it("writes the Excel template, reads it back, and imports a GBK CSV", async () => {
    const tenant = (await (await call("POST", "/v1/tenants", env.WUTONG_OPERATOR_KEY, JSON.stringify({ name: "测试市", slug: "worker-imports" }))).json()) as {
      admin_key: { key: string };
    };
    const key = tenant.admin_key.key;
    const cat = (await (await call("POST", "/v1/catalogs", key, JSON.stringify({ name: "目录", year: 2026 }))).json()) as { id: string };

    const template = await call("GET", "/v1/catalogs/template.xlsx", key);
    expect(template.headers.get("content-type")).toBe(XLSX);
    const bytes = await template.arrayBuffer();
    const fromExcel = await call("POST", `/v1/catalogs/${cat.id}/imports`, key, bytes, XLSX);
    expect(fromExcel.status, await fromExcel.clone().text()).toBe(200);
    expect(await fromExcel.json()).toMatchObject({ format: "xlsx", created: 1, rejected: 0 });

    // "岗位名称,用人单位\n风电运维工程师,示范风电\n" saved by Chinese Excel as GBK.
    const gbk = new Uint8Array([
      0xb8, 0xda, 0xce, 0xbb, 0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xd3, 0xc3, 0xc8, 0xcb, 0xb5, 0xa5, 0xce, 0xbb, 0x0a, 0xb7, 0xe7, 0xb5, 0xe7, 0xd4, 0xcb, 0xce, 0xac,
      0xb9, 0xa4, 0xb3, 0xcc, 0xca, 0xa6, 0x2c, 0xca, 0xbe, 0xb7, 0xb6, 0xb7, 0xe7, 0xb5, 0xe7, 0x0a,
    ]);
    const fromCsv = await call("POST", `/v1/catalogs/${cat.id}/imports`, key, gbk, "text/csv");
    expect(await fromCsv.json()).toMatchObject({ format: "csv", created: 1 });
    const lines = (await (await call("GET", `/v1/demands?catalog_id=${cat.id}`, key)).json()) as { data: { title: string }[] };
    expect(lines.data.map((d) => d.title)).toContain("风电运维工程师");
  });
  it("keeps a lone surrogate from reaching D1 as bytes that are not UTF-8, and rejects a phone another talent holds", async () => {
    const tenant = (await (await call("POST", "/v1/tenants", env.WUTONG_OPERATOR_KEY, JSON.stringify({ name: "测试市", slug: "worker-imports-edge" }))).json()) as {
      admin_key: { key: string };
    };
    const key = tenant.admin_key.key;
    const cat = (await (await call("POST", "/v1/catalogs", key, JSON.stringify({ name: "目录", year: 2026 }))).json()) as { id: string };
    const lines = await call("POST", `/v1/catalogs/${cat.id}/imports`, key, JSON.stringify([{ 岗位名称: "工程师\ud800", 用人单位: "某公司" }]));
    expect(await lines.json()).toMatchObject({ created: 1, rejected: 0 });
    const listed = (await (await call("GET", `/v1/demands?catalog_id=${cat.id}`, key)).json()) as { data: { title: string }[] };
    expect(listed.data.map((d) => d.title)).toEqual(["工程师\ufffd"]);

    const first = await call("POST", "/v1/talents/imports", key, "姓名,手机,外部编号\n王一,13700001111,PH-1\n", "text/csv");
    expect(await first.json()).toMatchObject({ created: 1 });
    const second = await call("POST", "/v1/talents/imports", key, "姓名,手机,外部编号\n王二,13700001111,PH-2\n", "text/csv");
    expect(second.status).toBe(200);
    expect(await second.json()).toMatchObject({ created: 0, rejected: 1 });
  });
});
