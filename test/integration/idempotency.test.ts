import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { idempotencyKeys, organizations } from "../../schema/index.ts";
import { sweep } from "../../workers/jobs/sweep.ts";
import { createTestApp, OPERATOR_KEY, type TestApp } from "../helpers/app.ts";
import { createKey, createOrganization, createTenant, type TenantFixture, unique } from "../helpers/factories.ts";
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
    const where = eq(idempotencyKeys.key, key);
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
    const first = (await a.json()) as { admin_key: Record<string, unknown> };
    // The admin key's secret was shown once; the replay says so instead of showing it again.
    expect(await b.json()).toEqual({ ...first, admin_key: { ...first.admin_key, key: null, secret_shown: false } });
    expect(first.admin_key.secret_shown).toBe(true);
  });

  describe("scoped by caller", () => {
    it("treats another caller's request with the same key as a fresh one, never replaying their answer", async () => {
      const organizer = await createKey(t, tenant.adminKey, tenant.adminOrganizationId, "organizer");
      const key = unique("idem");
      const mine = await post(key, { name: unique("企业"), kind: "enterprise" });
      expect(mine.status).toBe(201);
      const theirs = await post(key, { name: unique("企业"), kind: "enterprise" }, organizer.key);
      expect(theirs.status).toBe(201);
      expect(theirs.headers.get("idempotent-replayed")).toBeNull();
      expect(((await theirs.json()) as { id: string }).id).not.toBe(((await mine.json()) as { id: string }).id);
    });

    it("does not hand an admin's new key secret to an enterprise repeating the request", async () => {
      const org = await createOrganization(t, tenant.adminKey);
      const enterprise = await createKey(t, tenant.adminKey, org.id, "enterprise");
      const headers = { "idempotency-key": unique("idem") };
      const path = `/v1/organizations/${org.id}/keys`;
      const body = { role: "enterprise" };
      const admin = (await (await t.call("POST", path, { key: tenant.adminKey, body, headers })).json()) as { id: string; key: string };
      const again = await t.call("POST", path, { key: enterprise.key, body, headers });
      expect(again.status).toBe(201);
      expect(again.headers.get("idempotent-replayed")).toBeNull();
      const got = (await again.json()) as { id: string; key: string };
      expect(got.id).not.toBe(admin.id);
      expect(got.key).not.toBe(admin.key);
    });
  });

  describe("secrets in replays", () => {
    it("never stores a new key's secret: the replay answers key null, secret_shown false", async () => {
      const org = await createOrganization(t, tenant.adminKey);
      const headers = { "idempotency-key": unique("idem") };
      const path = `/v1/organizations/${org.id}/keys`;
      const first = await t.call("POST", path, { key: tenant.adminKey, body: { role: "enterprise" }, headers });
      const created = (await first.json()) as Record<string, unknown> & { key: string };
      expect(created).toMatchObject({ key: expect.stringMatching(/^wt_/), secret_shown: true });
      const replay = await t.call("POST", path, { key: tenant.adminKey, body: { role: "enterprise" }, headers });
      expect(replay.headers.get("idempotent-replayed")).toBe("true");
      expect(await replay.json()).toEqual({ ...created, key: null, secret_shown: false });
      const stored = await t.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, headers["idempotency-key"]));
      expect(stored).toHaveLength(1);
      expect(stored[0]?.responseBody).not.toContain(created.key);
    });

    it("never stores a tenant's first admin key or a webhook secret", async () => {
      const headers = { "idempotency-key": unique("idem") };
      const res = await t.call("POST", "/v1/tenants", { key: OPERATOR_KEY, body: { name: "密钥市", slug: unique("sec").toLowerCase() }, headers });
      const { admin_key } = (await res.json()) as { admin_key: { key: string } };
      const hook = await t.call("POST", "/v1/webhook-endpoints", {
        key: tenant.adminKey,
        body: { url: "https://hr.example.com/hooks/a", event_types: ["signup.confirmed"] },
        headers,
      });
      const { secret } = (await hook.json()) as { secret: string };
      const bodies = (await t.db.select().from(idempotencyKeys)).map((r) => r.responseBody ?? "").join("\n");
      expect(bodies).not.toContain(admin_key.key);
      expect(bodies).not.toContain(secret);
      expect(bodies).not.toContain("whsec_");
    });
  });
});
