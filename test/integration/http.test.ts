import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZH_ERROR_TEXT } from "../../workers/i18n.ts";
import { ERROR_CODES } from "../../workers/errors.ts";
import { createTestApp, type TestApp } from "../helpers/app.ts";
import { createTenant, type TenantFixture } from "../helpers/factories.ts";
import { expectProblem } from "../helpers/problems.ts";

describe("HTTP contract", () => {
  let t: TestApp;
  let tenant: TenantFixture;
  beforeAll(async () => {
    t = await createTestApp();
    tenant = await createTenant(t);
  });
  afterAll(() => t.close());

  it("answers unknown routes with a 404 problem", async () => {
    await expectProblem(await t.call("GET", "/v1/nothing-here"), { status: 404, code: "not_found", detail: "No route for GET /v1/nothing-here." });
  });

  it("answers a known route with the wrong method with 405 and Allow", async () => {
    const res = await t.call("PATCH", "/v1/tenants", { key: tenant.adminKey, body: {} });
    expect(res.headers.get("allow")).toBe("GET, HEAD, POST");
    await expectProblem(res, { status: 405, code: "method_not_allowed", detail: "PATCH is not allowed on /v1/tenants; allowed: GET, HEAD, POST." });
    const item = await t.call("PUT", "/v1/organizations/org_01M808K15V9JBEQCZSG5WVZRN0");
    expect(item.status).toBe(405);
    expect(item.headers.get("allow")).toBe("GET, HEAD");
  });

  it("puts a request id on every response and one log line per request", async () => {
    const ok = await t.call("GET", "/healthz");
    const bad = await t.call("GET", "/v1/me");
    const ids = [ok.headers.get("x-request-id"), bad.headers.get("x-request-id")];
    for (const id of ids) expect(id).toMatch(/^req_[0-9A-Z]{26}$/);
    expect(ids[0]).not.toBe(ids[1]);
    const lines = t.logs.filter((l) => l.msg === "request" && ids.includes(String(l.fields.request_id)));
    expect(lines.map((l) => [l.fields.path, l.fields.status])).toEqual([
      ["/healthz", 200],
      ["/v1/me", 401],
    ]);
    expect(typeof lines[0]?.fields.duration_ms).toBe("number");
  });

  it("reports health with the database reachable", async () => {
    const res = await t.call("GET", "/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: "ok" });
  });

  it("explains every problem type it can send", async () => {
    for (const [code, entry] of Object.entries(ERROR_CODES)) {
      const res = await t.call("GET", `/problems/${code}`);
      const zh = ZH_ERROR_TEXT[code as keyof typeof ZH_ERROR_TEXT];
      expect(await res.json()).toEqual({ code, status: entry.status, title: entry.title, description: entry.description, title_zh: zh.title, description_zh: zh.description });
      expect(zh.title).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await t.call("GET", "/problems/teapot")).status).toBe(400);
  });

  it("publishes an OpenAPI 3.1 document describing every route and its problem responses", async () => {
    const res = await t.call("GET", "/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }>; security?: unknown }>>;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(doc.openapi).toBe("3.1.0");
    const registered = t.app.routes
      .filter((r) => r.method !== "ALL" && r.path.startsWith("/v1/"))
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, "{$1}")}`);
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    expect(new Set(registered)).toEqual(new Set(documented.filter((d) => d.includes(" /v1/"))));
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(op.responses["500"]?.content, `${method} ${path} documents 500`).toHaveProperty(["application/problem+json"]);
        // A public route (an invitation's token is its credential) says so with an empty security list.
        const isPublic = Array.isArray(op.security) && op.security.length === 0;
        if (path.startsWith("/v1/") && !isPublic) {
          expect(op.responses["401"], `${method} ${path} documents 401`).toBeDefined();
          expect(op.responses["429"], `${method} ${path} documents 429`).toBeDefined();
          expect(op.security).toEqual([{ bearer: [] }]);
        }
      }
    }
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("serves an interactive reference at /docs", async () => {
    const res = await t.call("GET", "/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(await res.text()).toContain("/openapi.json");
  });

  it("turns a real failure into a 500 that says nothing but the request id, and logs the cause", async () => {
    const broken = await createTestApp();
    const admin = await createTenant(broken);
    broken.close();
    const res = await broken.call("GET", "/v1/organizations", { key: admin.adminKey });
    const body = await expectProblem(res, {
      status: 500,
      code: "internal_error",
      detail: "The request failed. Quote the request id when reporting it.",
    });
    expect(JSON.stringify(body)).not.toMatch(/select|sqlite|libsql|closed|stack/i);
    const logged = broken.logs.find((l) => l.level === "error" && l.fields.request_id === body.request_id);
    expect(logged?.msg).toBe("unhandled error");
    expect(String(logged?.fields.stack)).toMatch(/\S/);
  });

  it("answers 503 from /healthz when the database is gone", async () => {
    const broken = await createTestApp();
    broken.close();
    await expectProblem(await broken.call("GET", "/healthz"), {
      status: 503,
      code: "service_unavailable",
      detail: "The database is not reachable.",
    });
  });
});
