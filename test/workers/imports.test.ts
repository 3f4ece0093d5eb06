import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../workers/entry-worker.ts";

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
  it("keeps a lone surrogate from reaching D1 as bytes that are not UTF-8", async () => {
    const tenant = (await (await call("POST", "/v1/tenants", env.WUTONG_OPERATOR_KEY, JSON.stringify({ name: "测试市", slug: "worker-imports-edge" }))).json()) as {
      admin_key: { key: string };
    };
    const key = tenant.admin_key.key;
    const cat = (await (await call("POST", "/v1/catalogs", key, JSON.stringify({ name: "目录", year: 2026 }))).json()) as { id: string };
    const lines = await call("POST", `/v1/catalogs/${cat.id}/imports`, key, JSON.stringify([{ 岗位名称: "工程师\ud800", 用人单位: "某公司" }]));
    expect(await lines.json()).toMatchObject({ created: 1, rejected: 0 });
    const listed = (await (await call("GET", `/v1/demands?catalog_id=${cat.id}`, key)).json()) as { data: { title: string }[] };
    expect(listed.data.map((d) => d.title)).toEqual(["工程师\ufffd"]);
  });
});

async function tenantKey(slug: string): Promise<{ key: string; tenantId: string }> {
  const res = await call("POST", "/v1/tenants", env.WUTONG_OPERATOR_KEY, JSON.stringify({ name: "鄂尔多斯市", slug }));
  const body = (await res.json()) as { tenant: { id: string }; admin_key: { key: string } };
  return { key: body.admin_key.key, tenantId: body.tenant.id };
}

async function newCatalog(key: string): Promise<string> {
  return ((await (await call("POST", "/v1/catalogs", key, JSON.stringify({ name: `目录${Math.random()}`, year: 2026 }))).json()) as { id: string }).id;
}

interface WireIssue {
  row: number;
  column: string;
  value: string;
  reason: string;
  reason_zh: string;
  reason_en: string;
}

describe("import jobs, soft cells and races in workerd with D1", () => {
  it("keeps a line whose 行业 does not resolve and warns about 中专, in both languages; the job reads back completed", async () => {
    const { key } = await tenantKey("d1-soft");
    const cat = await newCatalog(key);
    const file = "岗位名称,用人单位,需求人数,工作地点,行业,学历要求\n风电运维工程师,示范风电,3,鄂尔多斯,星际采矿业,中专\n技术员,示范风电,-1,鄂尔多斯,,本科\n";
    const res = await exports.default.fetch(
      new Request(`https://wutong.test/v1/catalogs/${cat}/imports`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "text/csv", "accept-language": "zh-CN" }, body: file }),
    );
    expect(res.status, await res.clone().text()).toBe(200);
    const r = (await res.json()) as { id: string; status: string; created: number; rejected: number; rejections: WireIssue[]; warnings: WireIssue[] };
    expect(r).toMatchObject({ status: "completed", created: 1, rejected: 1 });
    expect(r.rejections.map((x) => [x.row, x.column, x.reason])).toEqual([[3, "需求人数", "需求人数应为正整数或“若干”"]]);
    expect(r.warnings.map((x) => [x.row, x.column, x.value])).toEqual([
      [2, "行业", "星际采矿业"],
      [2, "学历要求", "中专"],
    ]);
    for (const w of r.warnings) expect(w.reason).toBe(w.reason_zh);
    const line = await env.DB.prepare("SELECT industry_code, unresolved_names FROM demands WHERE catalog_id = ?").bind(cat).first<{ industry_code: string | null; unresolved_names: string }>();
    expect(line).toEqual({ industry_code: null, unresolved_names: JSON.stringify({ industry: ["星际采矿业"] }) });
    const job = (await (await call("GET", `/v1/imports/${r.id}`, key)).json()) as Record<string, unknown>;
    expect(job).toMatchObject({ id: r.id, status: "completed", rows_total: 2, rows_done: 2, created: 1, rejected: 1 });
    const audit = await env.DB.prepare("SELECT action FROM audit_log WHERE subject_id = ? ORDER BY id").bind(r.id).all<{ action: string }>();
    expect(audit.results.map((a) => a.action)).toEqual(["import.started", "import.batch_committed", "import.batch_committed"]);
  });

  it("settles four parallel talent imports with the same new phone, and four catalog imports naming the same new employer, without a 500", async () => {
    const { key, tenantId } = await tenantKey("d1-races");
    const talentFile = (i: number) => `姓名,手机,专业\n并发人才${i},13700137000,专业${i}\n`;
    const talentsAt = await Promise.all([0, 1, 2, 3].map((i) => call("POST", "/v1/talents/imports", key, talentFile(i), "text/csv")));
    const cats = await Promise.all([0, 1, 2, 3].map(() => newCatalog(key)));
    const catalogsAt = await Promise.all(cats.map((cat, i) => call("POST", `/v1/catalogs/${cat}/imports`, key, `岗位名称,用人单位,需求人数\n岗位${i},并发新材料有限公司,2\n`, "text/csv")));
    for (const res of [...talentsAt, ...catalogsAt]) expect([200, 409], await res.clone().text()).toContain(res.status);
    expect(talentsAt.some((r) => r.status === 200)).toBe(true);
    const phones = await env.DB.prepare("SELECT count(*) AS n FROM talents WHERE tenant_id = ? AND phone = '13700137000'").bind(tenantId).first<{ n: number }>();
    expect(phones?.n).toBe(1);
    const orgs = await env.DB.prepare("SELECT count(*) AS n FROM organizations WHERE tenant_id = ? AND name = '并发新材料有限公司'").bind(tenantId).first<{ n: number }>();
    expect(orgs?.n).toBe(1);
    const running = await env.DB.prepare("SELECT count(*) AS n FROM imports WHERE tenant_id = ? AND status = 'running'").bind(tenantId).first<{ n: number }>();
    expect(running?.n).toBe(0);
  });

  it("marks a job whose heartbeat stopped as interrupted in the sweep, releases its Idempotency-Key, and completes it when the file is sent again", async () => {
    const { key, tenantId } = await tenantKey("d1-interrupted");
    const cat = await newCatalog(key);
    const file = "岗位名称,用人单位,需求人数,外部编号\n岗位一,中断测试企业,1,I-1\n岗位二,中断测试企业,1,I-2\n";
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(file)));
    const sha = [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
    // What a Worker that died after the job's first commit leaves behind.
    const stale = "2026-01-01T00:00:00.000Z";
    await env.DB.batch([
      env.DB.prepare(
        "INSERT INTO imports (id, tenant_id, kind, catalog_id, format, file_sha256, dry_run, rows_total, created, updated, unchanged, rejected, rejections, status, rows_done, idempotency_key, created_by, created_at, updated_at) VALUES ('imp_01M800000000000000000000D1', ?, 'demands', ?, 'csv', ?, 0, 2, 0, 0, 0, 0, '[]', 'running', 0, 'd1-crash', 'key_x', ?, ?)",
      ).bind(tenantId, cat, sha, stale, stale),
      env.DB.prepare("INSERT INTO idempotency_keys (scope, key, fingerprint, state, created_at, expires_at) VALUES (?, 'd1-crash', 'f', 'running', ?, '2999-01-01T00:00:00.000Z')").bind(tenantId, new Date().toISOString()),
    ]);
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: new Date(), cron: "* * * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);
    const job = (await (await call("GET", "/v1/imports/imp_01M800000000000000000000D1", key)).json()) as Record<string, unknown>;
    expect(job).toMatchObject({ status: "interrupted", rows_total: 2, rows_done: 0 });

    const again = await exports.default.fetch(
      new Request(`https://wutong.test/v1/catalogs/${cat}/imports`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "text/csv", "idempotency-key": "d1-crash" }, body: file }),
    );
    expect(again.status, await again.clone().text()).toBe(200);
    expect(await again.json()).toMatchObject({ id: "imp_01M800000000000000000000D1", status: "completed", created: 2, rows_done: 2 });
  });

  it("blanks the talent's phone in import reports in the erasure's batch, and old talent-import values in the sweep", async () => {
    const { key } = await tenantKey("d1-privacy");
    const res = await call("POST", "/v1/talents/imports", key, "姓名,手机\n钱多,13600136000\n钱多二,136-0013-6000\n孙少,13600136111\n孙少二,13600136111\n", "text/csv");
    const r = (await res.json()) as { id: string; rejections: WireIssue[] };
    expect(r.rejections.map((x) => x.value)).toEqual(["136-0013-6000", "13600136111"]);
    const talent = await env.DB.prepare("SELECT id FROM talents WHERE phone = '13600136000'").first<{ id: string }>();
    expect((await call("DELETE", `/v1/talents/${talent?.id ?? ""}`, key)).status).toBe(204);
    const after = (await (await call("GET", `/v1/imports/${r.id}`, key)).json()) as { rejections: WireIssue[] };
    expect(after.rejections.map((x) => [x.row, x.value])).toEqual([
      [3, ""],
      [5, "13600136111"],
    ]);

    await env.DB.prepare("UPDATE imports SET created_at = '2026-01-01T00:00:00.000Z' WHERE id = ?").bind(r.id).run();
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: new Date(), cron: "* * * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);
    const old = (await (await call("GET", `/v1/imports/${r.id}`, key)).json()) as { rejections: WireIssue[] };
    expect(old.rejections.map((x) => [x.row, x.column, x.value, x.reason_en])).toEqual([
      [3, "手机", "", "same value as row 2"],
      [5, "手机", "", "same value as row 4"],
    ]);
  });
});
