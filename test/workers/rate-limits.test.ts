import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../workers/entry-worker.ts";
import type { WorkerBindings } from "../../workers/context.ts";

// Low limits for this file only: a bindings object of its own gets its own configuration.
const limited: WorkerBindings = {
  DB: env.DB,
  WUTONG_OPERATOR_KEY: env.WUTONG_OPERATOR_KEY,
  WUTONG_SECRETS_KEY: env.WUTONG_SECRETS_KEY,
  LOG_LEVEL: "silent",
  RATE_LIMIT_AUTH_FAILURES: "2",
  RATE_LIMIT_WRITES: "2",
  RATE_LIMIT_WINDOW_SECONDS: "86400",
};

async function call(method: string, path: string, key: string, headers: Record<string, string> = {}, body?: unknown): Promise<Response> {
  const init: RequestInit = { method, headers: { authorization: `Bearer ${key}`, ...headers } };
  if (body !== undefined) {
    init.headers = { ...init.headers, "content-type": "application/json" };
    init.body = JSON.stringify(body);
  }
  return worker.fetch(new Request(`https://wutong.test${path}`, init), limited, createExecutionContext());
}

describe("throttling on the Worker, counted in D1", () => {
  it("limits failed authentications per CF-Connecting-IP, never per X-Forwarded-For", async () => {
    const bad = "wt_00000000000000000000000000000000";
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call("GET", "/v1/me", bad, { "cf-connecting-ip": "203.0.113.70", "x-forwarded-for": `198.51.100.${i}` })).status);
    expect(statuses).toEqual([401, 401, 429]);
    const refused = await call("GET", "/v1/me", env.WUTONG_OPERATOR_KEY, { "cf-connecting-ip": "203.0.113.70" });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await refused.json()).toMatchObject({ code: "rate_limited", status: 429 });
    expect((await call("GET", "/v1/me", env.WUTONG_OPERATOR_KEY, { "cf-connecting-ip": "203.0.113.71" })).status).toBe(200);
    const row = await env.DB.prepare("SELECT count FROM rate_limits WHERE bucket = ?").bind("auth:ip:203.0.113.70").first<{ count: number }>();
    // The refused attempts were turned away before counting: the row holds the two failures.
    expect(row?.count).toBe(2);
  });

  it("limits writes per key, with RateLimit headers on each answer", async () => {
    const statuses = [];
    const remaining = [];
    for (const slug of ["wrl-a", "wrl-b", "wrl-c"]) {
      const res = await call("POST", "/v1/tenants", env.WUTONG_OPERATOR_KEY, { "cf-connecting-ip": "203.0.113.72" }, { name: slug, slug });
      statuses.push(res.status);
      remaining.push(res.headers.get("ratelimit")?.replace(/;t=\d+$/, ""));
    }
    expect(statuses).toEqual([201, 201, 429]);
    expect(remaining).toEqual(['"writes";r=1', '"writes";r=0', '"writes";r=0']);
    const created = await env.DB.prepare("SELECT count(*) AS n FROM tenants WHERE slug = 'wrl-c'").first<{ n: number }>();
    expect(created?.n).toBe(0);
  });
});
