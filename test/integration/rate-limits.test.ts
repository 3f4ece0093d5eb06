import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimits } from "../../schema/tables/rate-limits.ts";
import { sweep } from "../../workers/jobs/sweep.ts";
import { addressBucket } from "../../workers/middleware/rate-limit.ts";
import { createTestApp, OPERATOR_KEY, type TestApp } from "../helpers/app.ts";
import { createKey, createTenant, type TenantFixture } from "../helpers/factories.ts";
import { expectProblem } from "../helpers/problems.ts";

const BAD = "wt_00000000000000000000000000000000";
/** 2026-12-04T10:00:00Z: the start of a 60-second window. */
const T0 = new Date("2026-12-04T10:00:00Z");

describe("throttling failed authentications per client address", () => {
  let t: TestApp;
  let tenant: TenantFixture;
  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_AUTH_FAILURES: "3", RATE_LIMIT_WINDOW_SECONDS: "60", CLIENT_IP_HEADER: "X-Real-IP" });
    tenant = await createTenant(t);
  });
  afterAll(() => t.close());

  const from = (ip: string, key: string | null = BAD) => t.call("GET", "/v1/me", { key, headers: { "x-real-ip": ip } });

  it("counts down on each 401, answers 429 with Retry-After once the quota is used, and refuses valid keys from that address too", async () => {
    t.setNow(new Date(T0.getTime() + 15_000));
    const remaining = [];
    for (let i = 0; i < 3; i++) {
      const res = await from("203.0.113.7");
      expect(res.status).toBe(401);
      expect(res.headers.get("ratelimit-policy")).toBe('"auth-failures";q=3;w=60');
      remaining.push(res.headers.get("ratelimit"));
    }
    expect(remaining).toEqual(['"auth-failures";r=2;t=45', '"auth-failures";r=1;t=45', '"auth-failures";r=0;t=45']);
    const refused = await from("203.0.113.7");
    await expectProblem(refused, { status: 429, code: "rate_limited", detail: "Too many failed authentications from this address; retry in 45 s." });
    expect(refused.headers.get("retry-after")).toBe("45");
    expect(refused.headers.get("ratelimit")).toBe('"auth-failures";r=0;t=45');
    // Locked out before the key is looked up: a correct guess now is not told apart from a wrong one.
    expect((await from("203.0.113.7", tenant.adminKey)).status).toBe(429);
    expect((await from("203.0.113.7", null)).status).toBe(429);
    // Other addresses are unaffected.
    expect((await from("198.51.100.2", tenant.adminKey)).status).toBe(200);
    expect((await from("198.51.100.2")).status).toBe(401);
    // The next window starts afresh.
    t.setNow(new Date(T0.getTime() + 60_000));
    expect((await from("203.0.113.7", tenant.adminKey)).status).toBe(200);
    expect((await from("203.0.113.7")).headers.get("ratelimit")).toBe('"auth-failures";r=2;t=60');
  });

  it("takes the address from the configured header's last entry only (what the trusted proxy appended)", async () => {
    t.setNow(new Date(T0.getTime() + 120_000));
    for (let i = 0; i < 3; i++) await t.call("GET", "/v1/me", { key: BAD, headers: { "x-real-ip": `10.9.9.${i}, 192.0.2.50` } });
    expect((await from("192.0.2.50")).status).toBe(429);
    expect((await from("10.9.9.0")).status).toBe(401);
  });

  it("counts failures in the database, one row per address, and the sweep drops old windows", async () => {
    const rows = await t.db.select().from(rateLimits);
    expect(rows.find((r) => r.bucket === "auth:ip:203.0.113.7")).toMatchObject({ windowStart: Math.floor(T0.getTime() / 1000) + 60, count: 1 });
    const { rateLimitBucketsDeleted } = await sweep(t.db, new Date(T0.getTime() + 2 * 86_400_000));
    expect(rateLimitBucketsDeleted).toBe(rows.length);
  });
});

describe("throttling writes per key", () => {
  let t: TestApp;
  let tenant: TenantFixture;
  let otherKey: string;
  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_WRITES: "2", RATE_LIMIT_WINDOW_SECONDS: "60" });
    tenant = await createTenant(t);
    otherKey = (await createKey(t, tenant.adminKey, tenant.adminOrganizationId, "organizer")).key;
  });
  afterAll(() => t.close());

  it("lets a key write its quota per window, then answers 429 without applying the write; reads and other keys go on", async () => {
    t.setNow(new Date(T0.getTime() + 50_000));
    const org = (name: string, key = tenant.adminKey) => t.call("POST", "/v1/organizations", { key, body: { name, kind: "enterprise" } });
    const first = await org("甲公司");
    expect(first.status).toBe(201);
    expect(first.headers.get("ratelimit-policy")).toBe('"writes";q=2;w=60');
    expect(first.headers.get("ratelimit")).toBe('"writes";r=1;t=10');
    expect((await org("乙公司")).headers.get("ratelimit")).toBe('"writes";r=0;t=10');
    const refused = await org("丙公司");
    await expectProblem(refused, { status: 429, code: "rate_limited", detail: "This key has used its 2 writes per 60 s; retry in 10 s." });
    expect(refused.headers.get("retry-after")).toBe("10");
    const names = ((await (await t.call("GET", "/v1/organizations?limit=100", { key: tenant.adminKey })).json()) as { data: { name: string }[] }).data.map((o) => o.name);
    expect(names).not.toContain("丙公司");
    expect(names).toContain("乙公司");
    expect((await org("丁公司", otherKey)).status).toBe(201);
    t.setNow(new Date(T0.getTime() + 60_000));
    expect((await org("丙公司")).status).toBe(201);
  });

  it("counts the operator key's writes too", async () => {
    t.setNow(new Date(T0.getTime() + 180_000));
    const statuses = [];
    for (const slug of ["rl-a", "rl-b", "rl-c"]) statuses.push((await t.call("POST", "/v1/tenants", { key: OPERATOR_KEY, body: { name: slug, slug } })).status);
    expect(statuses).toEqual([201, 201, 429]);
  });
});

describe("client addresses as counted", () => {
  it("counts IPv4-mapped IPv6 as its IPv4 and other IPv6 by /64", () => {
    expect(addressBucket("203.0.113.7")).toBe("203.0.113.7");
    expect(addressBucket("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(addressBucket("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("not-an-address")).toBe("not-an-address");
  });
});
