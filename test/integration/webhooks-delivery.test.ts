import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { outboxEvents } from "../../schema/outbox.ts";
import { eventStatement } from "../../workers/data/outbox.ts";
import { commit } from "../../workers/db.ts";
import { drain } from "../../workers/webhooks/runner.ts";
import { createTestApp, type TestApp } from "../helpers/app.ts";
import { createKey, createOrganization, createTenant, type TenantFixture } from "../helpers/factories.ts";
import { expectProblem } from "../helpers/problems.ts";
import { emit, testRuntime } from "./webhooks-fixtures.ts";
import { type Receiver, startReceiver } from "./webhooks-receiver.ts";

interface Org {
  id: string;
  key: string;
}
interface Endpoint {
  id: string;
  secret: string;
  path: string;
}
interface DeliveryView {
  id: string;
  webhook_id: string;
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  response_status: number | null;
  response_body: string | null;
  latency_ms: number | null;
  error: string | null;
}

const HOUR = 3_600_000;

describe("webhook delivery", () => {
  let t: TestApp;
  let tenant: TenantFixture;
  let receiver: Receiver;
  let a: Org;
  let b: Org;
  let paths = 0;

  beforeAll(async () => {
    t = await createTestApp({ WEBHOOK_ALLOW_PRIVATE_URLS: "true" });
    tenant = await createTenant(t);
    const orgA = await createOrganization(t, tenant.adminKey);
    const orgB = await createOrganization(t, tenant.adminKey);
    a = { id: orgA.id, key: (await createKey(t, tenant.adminKey, orgA.id, "enterprise")).key };
    b = { id: orgB.id, key: (await createKey(t, tenant.adminKey, orgB.id, "enterprise")).key };
    receiver = await startReceiver();
  });
  afterEach(() => {
    receiver.setBehaviour(() => 200);
  });
  afterAll(async () => {
    await receiver.close();
    t.close();
  });

  async function endpoint(org: Org, eventTypes: string[] = ["signup.confirmed"]): Promise<Endpoint> {
    paths += 1;
    const path = `/hook-${paths}`;
    const res = await t.call("POST", "/v1/webhook-endpoints", { key: org.key, body: { url: `${receiver.url}${path}`, event_types: eventTypes } });
    if (res.status !== 201) throw new Error(`endpoint: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { id: string; secret: string };
    return { ...body, path };
  }
  const at = (e: Endpoint) => receiver.received.filter((r) => r.path === e.path);
  async function log(org: Org, e: Endpoint): Promise<DeliveryView[]> {
    const res = await t.call("GET", `/v1/webhook-endpoints/${e.id}/deliveries`, { key: org.key });
    expect(res.status).toBe(200);
    return ((await res.json()) as { data: DeliveryView[] }).data;
  }

  it("delivers an event to its audience's subscribed endpoints, verifiable with standardwebhooks", async () => {
    const mine = await endpoint(a);
    const unsubscribed = await endpoint(a, ["project.signed"]);
    const theirs = await endpoint(b);
    const other = await createTenant(t);
    const eventId = await emit(t.db, { tenantId: tenant.tenantId, audience: [a.id], payload: { signup_id: "sig_x", seats: 2 } });
    await emit(t.db, { tenantId: other.tenantId, audience: [a.id] }); // a forged audience across tenants reaches nobody
    await drain(testRuntime(t.db));

    expect(at(unsubscribed)).toEqual([]);
    expect(at(theirs)).toEqual([]);
    const [got, ...more] = at(mine);
    expect(more).toEqual([]);
    if (!got) throw new Error("not delivered");
    expect(got.headers["webhook-id"]).toBe(eventId);
    expect(got.headers["content-type"]).toBe("application/json");
    expect(new Webhook(mine.secret).verify(got.body, got.headers)).toEqual({
      type: "signup.confirmed",
      timestamp: expect.stringMatching(/Z$/),
      data: { signup_id: "sig_x", seats: 2, tenant_id: tenant.tenantId, subject: { type: "signup", id: expect.stringMatching(/^sig_/) } },
    });
    expect(() => new Webhook(theirs.secret).verify(got.body, got.headers)).toThrow();

    const [delivery] = await log(a, mine);
    expect(delivery).toMatchObject({
      webhook_id: eventId,
      event_type: "signup.confirmed",
      status: "succeeded",
      attempts: 1,
      next_attempt_at: null,
      response_status: 200,
      response_body: "answer 200",
      latency_ms: expect.any(Number),
      error: null,
      delivered_at: expect.any(String),
    });
    const endpointNow = (await (await t.call("GET", `/v1/webhook-endpoints/${mine.id}`, { key: a.key })).json()) as { last_success_at: string | null };
    expect(endpointNow.last_success_at).not.toBeNull();
  });

  it("emits nothing for a write that did not commit", async () => {
    const mine = await endpoint(a);
    const event = eventStatement(t.db, { tenantId: tenant.tenantId, type: "signup.confirmed", audience: [a.id], subjectType: "signup", subjectId: "sig_rolled_back", payload: {}, at: new Date() });
    // The same batch then fails (a duplicate organization id): the event must roll back with it.
    const duplicate = t.db.insert(outboxEvents).values({ id: "msg_dup", tenantId: tenant.tenantId, type: "x", audience: [], subjectType: "s", subjectId: "s", payload: {}, createdAt: "", dispatchedAt: null });
    await commit(t.db, [duplicate]);
    await expect(commit(t.db, [event, duplicate])).rejects.toThrow();
    await drain(testRuntime(t.db));
    expect(at(mine)).toEqual([]);
  });

  it("retries on the schedule (immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h) with one webhook-id, then fails", async () => {
    receiver.setBehaviour(() => 503);
    const mine = await endpoint(a);
    const rt = testRuntime(t.db);
    const start = rt.now.getTime();
    const eventId = await emit(t.db, { tenantId: tenant.tenantId, audience: [a.id], at: rt.now });
    await drain(rt); // the first attempt and the immediate retry
    const expectNext = async (attempts: number, offsetMs: number | null) => {
      const [d] = await log(a, mine);
      expect(d).toMatchObject({ attempts, status: offsetMs === null ? "failed" : "pending", response_status: 503, error: "HTTP 503" });
      expect(d?.next_attempt_at).toBe(offsetMs === null ? null : new Date(rt.now.getTime() + offsetMs).toISOString());
    };
    await expectNext(2, 5_000);
    let elapsed = 0;
    for (const [attempts, wait, next] of [
      [3, 5_000, 300_000],
      [4, 300_000, 1_800_000],
      [5, 1_800_000, 2 * HOUR],
      [6, 2 * HOUR, 5 * HOUR],
      [7, 5 * HOUR, 10 * HOUR],
      [8, 10 * HOUR, 10 * HOUR],
      [9, 10 * HOUR, null],
    ] as const) {
      rt.now = new Date(rt.now.getTime() + wait - 1);
      await drain(rt);
      expect(at(mine)).toHaveLength(attempts - 1); // not a millisecond early
      rt.now = new Date(rt.now.getTime() + 1);
      elapsed += wait;
      await drain(rt);
      await expectNext(attempts, next);
    }
    expect(rt.now.getTime() - start).toBe(elapsed);
    expect(new Set(at(mine).map((r) => r.headers["webhook-id"]))).toEqual(new Set([eventId]));
  });

  it("counts redirects and timeouts as failures, keeping the response excerpt", async () => {
    const mine = await endpoint(a);
    receiver.setBehaviour(() => 302);
    await emit(t.db, { tenantId: tenant.tenantId, audience: [a.id] });
    const rt = testRuntime(t.db);
    await drain(rt);
    expect((await log(a, mine))[0]).toMatchObject({ status: "pending", attempts: 2, response_status: 302, error: "redirect (HTTP 302) not followed" });
    receiver.setBehaviour(() => "hang");
    rt.now = new Date(rt.now.getTime() + 6_000);
    await drain(rt);
    expect((await log(a, mine))[0]).toMatchObject({ attempts: 3, response_status: null, error: "timeout after 200 ms" });
  });

  it("disables an endpoint at once on 410 Gone and tells the organization's other endpoints", async () => {
    const gone = await endpoint(a);
    const watcher = await endpoint(a, ["webhook.endpoint_disabled"]);
    const outsider = await endpoint(b, ["webhook.endpoint_disabled"]);
    receiver.setBehaviour(({ path }) => (path === gone.path ? 410 : 200));
    await emit(t.db, { tenantId: tenant.tenantId, audience: [a.id] });
    await drain(testRuntime(t.db));
    expect(at(gone)).toHaveLength(1);
    const view = (await (await t.call("GET", `/v1/webhook-endpoints/${gone.id}`, { key: a.key })).json()) as Record<string, unknown>;
    expect(view).toMatchObject({ enabled: false, disabled_reason: "gone" });
    expect((await log(a, gone))[0]).toMatchObject({ status: "failed", attempts: 1, response_status: 410, next_attempt_at: null });
    const told = at(watcher).map((r) => new Webhook(watcher.secret).verify(r.body, r.headers));
    expect(told).toEqual([{ type: "webhook.endpoint_disabled", timestamp: expect.any(String), data: expect.objectContaining({ endpoint_id: gone.id, reason: "gone" }) }]);
    expect(at(outsider)).toEqual([]);
    // A disabled endpoint gets nothing more, and cannot be tested or replayed until re-enabled.
    await emit(t.db, { tenantId: tenant.tenantId, audience: [a.id] });
    await drain(testRuntime(t.db));
    expect(at(gone)).toHaveLength(1);
    await expectProblem(await t.call("POST", `/v1/webhook-endpoints/${gone.id}/test`, { key: a.key }), {
      status: 409,
      code: "conflict",
      detail: "The endpoint is disabled; enable it before testing it.",
    });
  });

  it("disables an endpoint after five days of failures without a success, and not before", async () => {
    const failing = await endpoint(a);
    const watcher = await endpoint(a, ["webhook.endpoint_disabled"]);
    receiver.setBehaviour(({ path }) => (path === failing.path ? 500 : 200));
    const rt = testRuntime(t.db);
    await emit(t.db, { tenantId: tenant.tenantId, audience: [a.id], at: rt.now });
    await drain(rt);
    rt.now = new Date(rt.now.getTime() + 5 * 24 * HOUR - 60_000);
    await emit(t.db, { tenantId: tenant.tenantId, audience: [a.id], at: rt.now });
    await drain(rt);
    expect(((await (await t.call("GET", `/v1/webhook-endpoints/${failing.id}`, { key: a.key })).json()) as { enabled: boolean }).enabled).toBe(true);
    rt.now = new Date(rt.now.getTime() + 60_000);
    await emit(t.db, { tenantId: tenant.tenantId, audience: [a.id], at: rt.now });
    await drain(rt);
    const view = (await (await t.call("GET", `/v1/webhook-endpoints/${failing.id}`, { key: a.key })).json()) as Record<string, unknown>;
    expect(view).toMatchObject({ enabled: false, disabled_reason: "failing" });
    const told = at(watcher).map((r) => JSON.parse(r.body) as { type: string; data: { endpoint_id: string; reason: string } });
    expect(told.filter((m) => m.type === "webhook.endpoint_disabled").map((m) => m.data)).toEqual([expect.objectContaining({ endpoint_id: failing.id, reason: "failing" })]);

    // Re-enabling resets the clock and resumes what was pending.
    receiver.setBehaviour(() => 200);
    await t.call("PATCH", `/v1/webhook-endpoints/${failing.id}`, { key: a.key, body: { enabled: true } });
    rt.now = new Date(rt.now.getTime() + 11 * HOUR);
    await drain(rt);
    expect((await log(a, failing)).map((d) => d.status)).toEqual(["succeeded", "succeeded", "succeeded"]);
  });

  it("does not disable an endpoint that succeeded during the five days", async () => {
    const flaky = await endpoint(a);
    const rt = testRuntime(t.db);
    receiver.setBehaviour(() => 500);
    await emit(t.db, { tenantId: tenant.tenantId, audience: [a.id], at: rt.now });
    await drain(rt);
    rt.now = new Date(rt.now.getTime() + 3 * 24 * HOUR);
    receiver.setBehaviour(() => 200);
    await emit(t.db, { tenantId: tenant.tenantId, audience: [a.id], at: rt.now });
    await drain(rt);
    rt.now = new Date(rt.now.getTime() + 3 * 24 * HOUR);
    receiver.setBehaviour(() => 500);
    await emit(t.db, { tenantId: tenant.tenantId, audience: [a.id], at: rt.now });
    await drain(rt);
    expect(((await (await t.call("GET", `/v1/webhook-endpoints/${flaky.id}`, { key: a.key })).json()) as { enabled: boolean }).enabled).toBe(true);
  });

  it("replays a delivery with the same webhook-id, and recovers failed deliveries since a time", async () => {
    const mine = await endpoint(a);
    const rt = testRuntime(t.db);
    const first = await emit(t.db, { tenantId: tenant.tenantId, audience: [a.id], at: rt.now });
    await drain(rt);
    const [done] = await log(a, mine);
    const replayed = await t.call("POST", `/v1/webhook-deliveries/${done?.id}/replay`, { key: a.key });
    expect(replayed.status).toBe(202);
    expect(await replayed.json()).toMatchObject({ id: done?.id, status: "pending", webhook_id: first });
    rt.now = new Date(Date.now() + 1); // the route queued it at the app's (real) time
    await drain(rt);
    expect(at(mine).map((r) => r.headers["webhook-id"])).toEqual([first, first]);
    expect((await log(a, mine))[0]).toMatchObject({ status: "succeeded", attempts: 2 });
    await expectProblem(await t.call("POST", `/v1/webhook-deliveries/${done?.id}/replay`, { key: b.key }), {
      status: 404,
      code: "not_found",
      detail: `No webhook delivery with id '${done?.id}'.`,
    });

    // Receiver down for the whole schedule: both deliveries end `failed`.
    receiver.setBehaviour(() => 500);
    const since = new Date(rt.now.getTime() + 1000);
    rt.now = since;
    const lost = [await emit(t.db, { tenantId: tenant.tenantId, audience: [a.id], at: rt.now }), await emit(t.db, { tenantId: tenant.tenantId, audience: [a.id], at: rt.now })];
    for (let i = 0; i < 10; i++) {
      await drain(rt);
      rt.now = new Date(rt.now.getTime() + 11 * HOUR);
    }
    expect((await log(a, mine)).map((d) => d.status)).toEqual(["failed", "failed", "succeeded"]);
    receiver.setBehaviour(() => 200);
    const none = await t.call("POST", `/v1/webhook-endpoints/${mine.id}/recover?since=${new Date(rt.now.getTime()).toISOString()}`, { key: a.key });
    expect(await none.json()).toEqual({ recovered: 0, delivery_ids: [] });
    const res = await t.call("POST", `/v1/webhook-endpoints/${mine.id}/recover?since=${since.toISOString()}`, { key: a.key });
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ recovered: 2 });
    await drain(rt);
    expect((await log(a, mine)).map((d) => d.status)).toEqual(["succeeded", "succeeded", "succeeded"]);
    const accepted = at(mine).filter((r) => r.status === 200).map((r) => r.headers["webhook-id"]);
    expect(new Set(accepted)).toEqual(new Set([first, ...lost]));
  });

  it("signs with the old and the new secret for 24 h after a rotation", async () => {
    const mine = await endpoint(a);
    const rotated = (await (await t.call("POST", `/v1/webhook-endpoints/${mine.id}/rotate-secret`, { key: a.key })).json()) as { secret: string };
    await emit(t.db, { tenantId: tenant.tenantId, audience: [a.id] });
    await drain(testRuntime(t.db));
    const [got] = at(mine);
    if (!got) throw new Error("not delivered");
    expect(got.headers["webhook-signature"]?.split(" ")).toHaveLength(2);
    expect(new Webhook(rotated.secret).verify(got.body, got.headers)).toBeTruthy();
    expect(new Webhook(mine.secret).verify(got.body, got.headers)).toBeTruthy();
    const later = testRuntime(t.db);
    later.now = new Date(Date.now() + 24 * HOUR + 1000);
    await emit(t.db, { tenantId: tenant.tenantId, audience: [a.id], at: later.now });
    await drain(later);
    expect(at(mine)[1]?.headers["webhook-signature"]?.split(" ")).toHaveLength(1);
  });

  it("sends a signed ping from the test route and logs it", async () => {
    const mine = await endpoint(a);
    const res = await t.call("POST", `/v1/webhook-endpoints/${mine.id}/test`, { key: a.key });
    expect(res.status).toBe(200);
    const delivery = (await res.json()) as DeliveryView;
    expect(delivery).toMatchObject({ event_type: "ping", status: "succeeded", attempts: 1, response_status: 200 });
    const [got] = at(mine);
    if (!got) throw new Error("no ping");
    expect(new Webhook(mine.secret).verify(got.body, got.headers)).toMatchObject({ type: "ping", data: { endpoint_id: mine.id } });
    expect(got.headers["webhook-id"]).toBe(delivery.webhook_id);
  });

  it("never sends one attempt twice when two runners work at once", async () => {
    const mine = await endpoint(a);
    // A generous timeout: a timed-out attempt is retried by design, which is not what this test is about.
    const rt1 = testRuntime(t.db, { batchSize: 7, timeoutMs: 5000 });
    const rt2 = testRuntime(t.db, { batchSize: 5, timeoutMs: 5000 });
    const ids = [];
    for (let i = 0; i < 40; i++) ids.push(await emit(t.db, { tenantId: tenant.tenantId, audience: [a.id] }));
    await Promise.all([drain(rt1), drain(rt2), drain(rt1), drain(rt2)]);
    const got = at(mine).map((r) => r.headers["webhook-id"]);
    expect(got).toHaveLength(40);
    expect(new Set(got)).toEqual(new Set(ids));
    const logged = (await (await t.call("GET", `/v1/webhook-endpoints/${mine.id}/deliveries?limit=100`, { key: a.key })).json()) as { data: DeliveryView[] };
    expect(logged.data.map((d) => [d.status, d.attempts])).toEqual(ids.map(() => ["succeeded", 1]));
  });
});
