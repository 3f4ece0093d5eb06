import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../workers/entry-worker.ts";

const OPERATOR = env.WUTONG_OPERATOR_KEY;

function call(method: string, path: string, opts: { key?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.key) headers.authorization = `Bearer ${opts.key}`;
  if (opts.body !== undefined) headers["content-type"] ??= "application/json";
  return exports.default.fetch(
    new Request(`https://wutong.test${path}`, {
      method,
      headers,
      body: opts.body === undefined ? undefined : typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body),
    }),
  );
}

async function newTenant(slug: string): Promise<{ adminKey: string; orgId: string }> {
  const res = await call("POST", "/v1/tenants", { key: OPERATOR, body: { name: "测试市", slug } });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { admin_key: { key: string }; organization: { id: string } };
  return { adminKey: body.admin_key.key, orgId: body.organization.id };
}

describe("the Worker entry on D1", () => {
  it("reports health with D1 reachable", async () => {
    const res = await call("GET", "/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: "ok" });
    expect(res.headers.get("x-request-id")).toMatch(/^req_/);
  });

  it("creates a tenant with the operator key and uses its admin key", async () => {
    const { adminKey, orgId } = await newTenant("worker-a");
    const me = (await (await call("GET", "/v1/me", { key: adminKey })).json()) as { role: string; organization: { id: string } };
    expect(me.role).toBe("admin");
    expect(me.organization.id).toBe(orgId);
  });

  it("creates, lists and isolates organizations per tenant", async () => {
    const a = await newTenant("worker-b");
    const b = await newTenant("worker-c");
    const created = await call("POST", "/v1/organizations", { key: a.adminKey, body: { name: "示范煤化工", kind: "enterprise" } });
    expect(created.status).toBe(201);
    const org = (await created.json()) as { id: string };
    const list = (await (await call("GET", "/v1/organizations?limit=1", { key: a.adminKey })).json()) as {
      data: { id: string }[];
      next_cursor: string | null;
    };
    expect(list.data).toEqual([expect.objectContaining({ id: org.id })]);
    expect(list.next_cursor).not.toBeNull();
    const foreign = await call("GET", `/v1/organizations/${org.id}`, { key: b.adminKey });
    expect(foreign.status).toBe(404);
    expect(foreign.headers.get("content-type")).toBe("application/problem+json");
  });

  it("maps a duplicate name (a D1 unique violation) to 409, not 500", async () => {
    const a = await newTenant("worker-d");
    const body = { name: "同名单位", kind: "enterprise" };
    expect((await call("POST", "/v1/organizations", { key: a.adminKey, body })).status).toBe(201);
    const dup = await call("POST", "/v1/organizations", { key: a.adminKey, body });
    expect(dup.status).toBe(409);
    expect(await dup.json()).toMatchObject({ code: "conflict", status: 409 });
  });

  it("revokes keys at once", async () => {
    const a = await newTenant("worker-e");
    const key = (await (await call("POST", `/v1/organizations/${a.orgId}/keys`, { key: a.adminKey, body: { role: "organizer" } })).json()) as {
      id: string;
      key: string;
    };
    expect((await call("GET", "/v1/me", { key: key.key })).status).toBe(200);
    expect((await call("DELETE", `/v1/keys/${key.id}`, { key: a.adminKey })).status).toBe(200);
    const after = await call("GET", "/v1/me", { key: key.key });
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ type: "/problems/unauthorized", code: "unauthorized", status: 401 });
  });

  it("replays idempotent writes from D1", async () => {
    const a = await newTenant("worker-f");
    const opts = { key: a.adminKey, body: { name: "幂等单位", kind: "enterprise" }, headers: { "idempotency-key": "k-1" } };
    const first = await call("POST", "/v1/organizations", opts);
    const second = await call("POST", "/v1/organizations", opts);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await second.json()).toEqual(await first.json());
  });

  it("answers bad input with problems: malformed JSON, wrong media type, unknown route, wrong method", async () => {
    const a = await newTenant("worker-g");
    const malformed = await call("POST", "/v1/organizations", { key: a.adminKey, body: "{" });
    expect(await malformed.json()).toMatchObject({ status: 400, code: "malformed_json" });
    const csv = await call("POST", "/v1/organizations", { key: a.adminKey, body: "a,b", headers: { "content-type": "text/csv" } });
    expect(csv.status).toBe(415);
    expect((await call("GET", "/v1/unknown")).status).toBe(404);
    const wrong = await call("DELETE", "/v1/organizations");
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("GET, HEAD, POST");
  });

  it("serves the OpenAPI document", async () => {
    const doc = (await (await call("GET", "/openapi.json")).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toContain("/v1/organizations/{id}/keys");
  });

  it("runs the scheduled sweep against D1", async () => {
    await env.DB.prepare(
      "INSERT INTO idempotency_keys (scope, key, fingerprint, state, created_at, expires_at) VALUES ('s', 'old', 'f', 'done', '2020-01-01T00:00:00.000Z', '2020-01-02T00:00:00.000Z')",
    ).run();
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: new Date(), cron: "*/5 * * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);
    const left = await env.DB.prepare("SELECT count(*) AS n FROM idempotency_keys WHERE key = 'old'").first<{ n: number }>();
    expect(left?.n).toBe(0);
  });

  it("answers 503 naming the variable when configuration is missing", async () => {
    const res = await worker.fetch(new Request("https://wutong.test/healthz"), { DB: env.DB }, createExecutionContext());
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({
      code: "service_unavailable",
      detail: "The service is misconfigured: WUTONG_OPERATOR_KEY is required; WUTONG_SECRETS_KEY is required.",
    });
  });
});
