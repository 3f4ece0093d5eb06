import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { idempotencyKeys, organizations } from "../../schema/index.ts";
import { sweep } from "../../workers/jobs/sweep.ts";
import { createTestApp, OPERATOR_KEY, type TestApp } from "../helpers/app.ts";
import { createTenant, type TenantFixture, unique } from "../helpers/factories.ts";
import { expectProblem } from "../helpers/problems.ts";

describe("Idempotency-Key", () => {
  let t: TestApp;
  let tenant: TenantFixture;
  beforeAll(async () => {
    t = await createTestApp();
    tenant = await createTenant(t);
  });
  afterAll(() => t.close());

  const post = (key: string, body: unknown, apiKey = tenant.adminKey) =>
    t.call("POST", "/v1/organizations", { key: apiKey, body, headers: { "idempotency-key": key } });
  const count = async () => (await t.db.select().from(organizations)).length;

  it("replays the first response for the same key and body, creating one row", async () => {
    const key = unique("idem");
    const body = { name: unique("企业"), kind: "enterprise" };
    const before = await count();
    const first = await post(key, body);
    expect(first.status).toBe(201);
    const firstBody = await first.json();
    const second = await post(key, body);
    expect(second.status).toBe(201);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await second.json()).toEqual(firstBody);
    expect(await count()).toBe(before + 1);
  });

  it("answers 422 when the key is reused with another body", async () => {
    const key = unique("idem");
    expect((await post(key, { name: unique("企业"), kind: "enterprise" })).status).toBe(201);
    await expectProblem(await post(key, { name: unique("企业"), kind: "enterprise" }), {
      status: 422,
      code: "idempotency_key_reused",
      detail: "This Idempotency-Key was already used with a different request body or path.",
    });
  });

  it("lets only one of two concurrent requests with the same key write", async () => {
    const key = unique("idem");
    const body = { name: unique("企业"), kind: "enterprise" };
    const before = await count();
    const statuses = (await Promise.all([post(key, body), post(key, body)])).map((r) => r.status).sort();
    // The second either saw the first running (409) or arrived after it finished and replayed (201).
    expect([
      [201, 201],
      [201, 409],
    ]).toContainEqual(statuses);
    expect(await count()).toBe(before + 1);
  });

  it("answers 409 for a running request with the same fingerprint, and lets a retry take over a stale one", async () => {
    const key = unique("idem");
    const body = { name: unique("企业"), kind: "enterprise" };
    const first = await post(key, body);
    expect(first.status).toBe(201);
    // Turn the finished record back into a running one, as if the first request were still going.
    const where = and(eq(idempotencyKeys.scope, tenant.tenantId), eq(idempotencyKeys.key, key));
    await t.db.update(idempotencyKeys).set({ state: "running", createdAt: new Date().toISOString() }).where(where);
    await expectProblem(await post(key, body), {
      status: 409,
      code: "idempotency_in_progress",
      detail: "A request with this Idempotency-Key is still in progress; retry later.",
    });
    // Three minutes later the runner is presumed dead; the retry runs again (and meets the existing name).
    t.setNow(new Date(Date.now() + 3 * 60_000));
    const retried = await post(key, body);
    t.setNow(new Date());
    await expectProblem(retried, { status: 409, code: "conflict" });
  });

  it("keys are per tenant: the same key in another tenant is independent", async () => {
    const other = await createTenant(t);
    const key = unique("idem");
    expect((await post(key, { name: unique("企业"), kind: "enterprise" })).status).toBe(201);
    expect((await post(key, { name: unique("企业"), kind: "enterprise" }, other.adminKey)).status).toBe(201);
  });

  it("expires after 24 hours and is swept", async () => {
    const key = unique("idem");
    const body = { name: unique("企业"), kind: "enterprise" };
    expect((await post(key, body)).status).toBe(201);
    const later = new Date(Date.now() + 25 * 3600_000);
    t.setNow(later);
    // The old record is dead: the same key now runs the write again (and meets the existing name).
    await expectProblem(await post(key, body), { status: 409, code: "conflict" });
    t.setNow(new Date());
    const { idempotencyKeysDeleted } = await sweep(t.db, new Date(Date.now() + 49 * 3600_000));
    expect(idempotencyKeysDeleted).toBeGreaterThan(0);
  });

  it("replays remembered client errors too, so a retry cannot turn a 409 into a 201", async () => {
    const name = unique("企业");
    expect((await post(unique("idem"), { name, kind: "enterprise" })).status).toBe(201);
    const key = unique("idem");
    const first = await post(key, { name, kind: "enterprise" });
    expect(first.status).toBe(409);
    const again = await post(key, { name, kind: "enterprise" });
    expect(again.status).toBe(409);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.headers.get("content-type")).toBe("application/problem+json");
  });

  it("rejects a malformed key", async () => {
    await expectProblem(await post("has spaces in it", { name: unique("企业"), kind: "enterprise" }), {
      status: 400,
      code: "invalid_parameter",
      detail: "The Idempotency-Key header is not valid.",
      errors: [{ path: "Idempotency-Key", message: "must be 1–255 visible ASCII characters" }],
    });
  });

  it("works for the operator's tenant creation", async () => {
    const body = { name: "重试市", slug: unique("retry").toLowerCase() };
    const headers = { "idempotency-key": unique("idem") };
    const a = await t.call("POST", "/v1/tenants", { key: OPERATOR_KEY, body, headers });
    const b = await t.call("POST", "/v1/tenants", { key: OPERATOR_KEY, body, headers });
    expect(a.status).toBe(201);
    expect(await b.json()).toEqual(await a.json());
  });
});
