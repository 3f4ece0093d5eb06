import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { drizzle } from "drizzle-orm/d1";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as schema from "../../schema/index.ts";
import { eventStatement } from "../../workers/data/outbox.ts";
import { commit, type Db } from "../../workers/db.ts";
import worker from "../../workers/entry-worker.ts";
import { drain } from "../../workers/webhooks/runner.ts";
import { webhookRuntime } from "../../workers/webhooks/runtime.ts";
import { parseConfig, WorkerConfigSchema } from "../../workers/config.ts";
import type { Deps } from "../../workers/context.ts";
import { createSecretBox } from "../../workers/lib/secrets.ts";
import { MemorySender } from "../../workers/messages.ts";

const db = drizzle(env.DB, { schema }) as unknown as Db;

/** The Worker's dependencies as its entry builds them, for running passes directly. */
function workerDeps(): Deps {
  const config = parseConfig(WorkerConfigSchema, { WUTONG_OPERATOR_KEY: env.WUTONG_OPERATOR_KEY, WUTONG_SECRETS_KEY: env.WUTONG_SECRETS_KEY });
  const quiet = () => undefined;
  return { db, config, clock: () => new Date(), logger: { info: quiet, warn: quiet, error: quiet }, sender: new MemorySender(), secrets: createSecretBox(config.WUTONG_SECRETS_KEY) };
}

async function call(method: string, path: string, key: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${key}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  return exports.default.fetch(new Request(`https://wutong.test${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }));
}

let slugs = 0;
async function setup(): Promise<{ tenantId: string; orgId: string; adminKey: string; endpoint: { id: string; secret: string } }> {
  slugs += 1;
  const res = await call("POST", "/v1/tenants", env.WUTONG_OPERATOR_KEY, { name: "测试市", slug: `webhooks-${slugs}` });
  const tenant = (await res.json()) as { tenant: { id: string }; admin_key: { key: string }; organization: { id: string } };
  const created = await call("POST", "/v1/webhook-endpoints", tenant.admin_key.key, {
    url: `https://hooks.example.com/wutong/${slugs}`,
    event_types: ["signup.confirmed"],
  });
  expect(created.status).toBe(201);
  return { tenantId: tenant.tenant.id, orgId: tenant.organization.id, adminKey: tenant.admin_key.key, endpoint: (await created.json()) as { id: string; secret: string } };
}

async function emit(tenantId: string, orgId: string): Promise<void> {
  await commit(db, [
    eventStatement(db, { tenantId, type: "signup.confirmed", audience: [orgId], subjectType: "signup", subjectId: "sig_1", payload: { signup_id: "sig_1" }, at: new Date() }),
  ]);
}

interface Captured {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Outbound HTTP from this isolate, answered with `status` and recorded. */
function interceptFetch(status: number): Captured[] {
  const captured: Captured[] = [];
  vi.stubGlobal("fetch", async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    captured.push({ url: request.url, headers: Object.fromEntries(request.headers), body: await request.text() });
    return new Response(`status ${status}`, { status });
  });
  return captured;
}

describe("webhooks on Workers (D1, WebCrypto, the cron handler)", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("refuses a private URL under the default settings", async () => {
    const { adminKey } = await setup();
    const res = await call("POST", "/v1/webhook-endpoints", adminKey, { url: "http://127.0.0.1:9000/h", event_types: ["signup.confirmed"] });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ code: "validation_failed", errors: [{ path: "url", message: "must not point to a private, loopback or link-local address (127.0.0.1)" }] });
  });

  it("delivers committed events from the scheduled handler, signed so standardwebhooks verifies them", async () => {
    const { tenantId, orgId, adminKey, endpoint } = await setup();
    await emit(tenantId, orgId);
    const captured = interceptFetch(200);
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: new Date(), cron: "* * * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);
    const mine = captured.filter((c) => c.url.endsWith(`/wutong/${slugs}`));
    expect(mine).toHaveLength(1);
    const [got] = mine;
    if (!got) throw new Error("not delivered");
    expect(new Webhook(endpoint.secret).verify(got.body, got.headers)).toMatchObject({ type: "signup.confirmed", data: { tenant_id: tenantId } });
    vi.unstubAllGlobals();
    const log = (await (await call("GET", `/v1/webhook-endpoints/${endpoint.id}/deliveries`, adminKey)).json()) as { data: { status: string; attempts: number; response_status: number }[] };
    expect(log.data).toEqual([expect.objectContaining({ status: "succeeded", attempts: 1, response_status: 200 })]);
  });

  it("schedules a retry on D1 after a failure", async () => {
    const { tenantId, orgId, adminKey, endpoint } = await setup();
    await emit(tenantId, orgId);
    interceptFetch(500);
    const deps = workerDeps();
    await drain(webhookRuntime(deps));
    vi.unstubAllGlobals();
    const log = (await (await call("GET", `/v1/webhook-endpoints/${endpoint.id}/deliveries`, adminKey)).json()) as { data: Record<string, unknown>[] };
    expect(log.data).toEqual([expect.objectContaining({ status: "pending", attempts: 2, response_status: 500, error: "HTTP 500", next_attempt_at: expect.any(String) })]);
  });

  it("claims on D1 so two runners at once send each attempt once", async () => {
    const { tenantId, orgId } = await setup();
    for (let i = 0; i < 15; i++) await emit(tenantId, orgId);
    const captured = interceptFetch(200);
    const deps = workerDeps();
    await Promise.all([drain(webhookRuntime(deps, { batchSize: 4 })), drain(webhookRuntime(deps, { batchSize: 3 }))]);
    const mine = captured.filter((c) => c.url.endsWith(`/wutong/${slugs}`)).map((c) => c.headers["webhook-id"]);
    expect(mine).toHaveLength(15);
    expect(new Set(mine).size).toBe(15);
  });
});

describe("webhook URL policy on the Worker (literal checks; no DNS lookup before fetch)", () => {
  it("refuses loopback spellings, embedded-loopback IPv6, internal ports and CR/LF at create time", async () => {
    const { adminKey } = await setup();
    for (const [url, message] of [
      ["https://LOCALHOST./h", "must not point to a private, loopback or link-local address (localhost)"],
      ["https://[64:ff9b::7f00:1]/h", "must not point to a link-local, metadata, multicast or reserved address ([64:ff9b::7f00:1])"],
      ["https://[2002:7f00:1::]/h", "must not point to a link-local, metadata, multicast or reserved address ([2002:7f00:1::])"],
      ["https://0xa9fea9fe/latest", "must not point to a link-local, metadata, multicast or reserved address (169.254.169.254)"],
      ["https://hooks.example.com:6379/h", "must use port 443 (the default) or 1024–65535 outside internal service ports, not 6379"],
      ["https://hooks.example.com/h\r\nX: 1", "must not contain spaces or control characters"],
    ]) {
      const res = await call("POST", "/v1/webhook-endpoints", adminKey, { url, event_types: ["signup.confirmed"] });
      expect(res.status).toBe(422);
      expect(((await res.json()) as { errors: unknown }).errors).toEqual([{ path: "url", message }]);
    }
  });
});
