import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeys, auditLog } from "../../schema/index.ts";
import { sha256Hex } from "../../workers/lib/secrets.ts";
import { createTestApp, type TestApp } from "../helpers/app.ts";
import { describeAuth } from "../helpers/auth-suite.ts";
import { createKey, createOrganization, createTenant, type TenantFixture } from "../helpers/factories.ts";
import { expectProblem } from "../helpers/problems.ts";

describeAuth("POST /v1/organizations/{id}/keys", createTestApp, {
  request: (a) => ({ method: "POST", path: `/v1/organizations/${a.enterpriseOrgId}/keys`, body: { role: "enterprise" } }),
  forbidden: [],
  crossTenant: true,
});
describeAuth("GET /v1/organizations/{id}/keys", createTestApp, {
  request: (a) => ({ method: "GET", path: `/v1/organizations/${a.adminOrganizationId}/keys` }),
  forbidden: [],
  crossTenant: true,
});
describeAuth("DELETE /v1/keys/{id}", createTestApp, {
  request: (a) => ({ method: "DELETE", path: `/v1/keys/${a.spareKeyId}` }),
  forbidden: [],
  crossTenant: true,
});

describe("API keys", () => {
  let t: TestApp;
  let tenant: TenantFixture;
  beforeAll(async () => {
    t = await createTestApp();
    tenant = await createTenant(t);
  });
  afterAll(() => t.close());

  it("returns the secret once and stores only its SHA-256", async () => {
    const org = await createOrganization(t, tenant.adminKey);
    const res = await t.call("POST", `/v1/organizations/${org.id}/keys`, { key: tenant.adminKey, body: { role: "enterprise", name: "HR 系统" } });
    expect(res.status).toBe(201);
    const created = (await res.json()) as Record<string, string | null>;
    const secret = String(created.key);
    expect(secret).toMatch(/^wt_[0-9A-Za-z]{32}$/);
    expect(created).toMatchObject({ organization_id: org.id, role: "enterprise", name: "HR 系统", prefix: secret.slice(0, 11), revoked_at: null });

    const [row] = await t.db.select().from(apiKeys).where(eq(apiKeys.id, String(created.id)));
    expect(row?.secretHash).toBe(await sha256Hex(secret));
    expect(JSON.stringify(row)).not.toContain(secret);

    const me = await t.call("GET", "/v1/me", { key: secret });
    expect(await me.json()).toMatchObject({ role: "enterprise", key_id: created.id, organization: { id: org.id }, tenant: { id: tenant.tenantId } });

    const list = (await (await t.call("GET", `/v1/organizations/${org.id}/keys`, { key: tenant.adminKey })).json()) as {
      data: Record<string, unknown>[];
    };
    expect(list.data).toHaveLength(1);
    expect(list.data[0]).not.toHaveProperty("key");
    expect(list.data[0]).toMatchObject({ id: created.id, prefix: created.prefix });
  });

  it("mints keys of at least 128 random bits, never twice the same", async () => {
    const org = await createOrganization(t, tenant.adminKey);
    const secrets = new Set<string>();
    for (let i = 0; i < 20; i++) secrets.add((await createKey(t, tenant.adminKey, org.id, "enterprise")).key);
    expect(secrets.size).toBe(20);
    // 32 base62 characters carry 32·log2(62) ≈ 190 bits.
    for (const s of secrets) expect(s.length - "wt_".length).toBeGreaterThanOrEqual(Math.ceil(128 / Math.log2(62)));
  });

  it("revokes a key at once, idempotently, and audits it", async () => {
    const org = await createOrganization(t, tenant.adminKey);
    const key = await createKey(t, tenant.adminKey, org.id, "enterprise");
    expect((await t.call("GET", "/v1/me", { key: key.key })).status).toBe(200);

    const res = await t.call("DELETE", `/v1/keys/${key.id}`, { key: tenant.adminKey });
    expect(res.status).toBe(200);
    const revoked = (await res.json()) as { revoked_at: string };
    expect(revoked.revoked_at).toMatch(/Z$/);

    await expectProblem(await t.call("GET", "/v1/me", { key: key.key }), { status: 401, code: "unauthorized" });
    const again = (await (await t.call("DELETE", `/v1/keys/${key.id}`, { key: tenant.adminKey })).json()) as { revoked_at: string };
    expect(again.revoked_at).toBe(revoked.revoked_at);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.subjectId, key.id));
    expect(audits.map((a) => a.action).sort()).toEqual(["api_key.created", "api_key.revoked"]);
  });

  it("lets a key revoke itself", async () => {
    const org = await createOrganization(t, tenant.adminKey);
    const key = await createKey(t, tenant.adminKey, org.id, "enterprise");
    expect((await t.call("DELETE", `/v1/keys/${key.id}`, { key: key.key })).status).toBe(200);
    expect((await t.call("GET", "/v1/me", { key: key.key })).status).toBe(401);
  });

  it("refuses a role that does not fit the organization, naming the field", async () => {
    const org = await createOrganization(t, tenant.adminKey);
    await expectProblem(await t.call("POST", `/v1/organizations/${org.id}/keys`, { key: tenant.adminKey, body: { role: "admin" } }), {
      status: 422,
      code: "validation_failed",
      detail: "Role 'admin' does not fit an enterprise organization.",
      errors: [{ path: "role", message: "keys of an enterprise organization have role 'enterprise'" }],
    });
    await expectProblem(
      await t.call("POST", `/v1/organizations/${tenant.adminOrganizationId}/keys`, { key: tenant.adminKey, body: { role: "enterprise" } }),
      { status: 422, code: "validation_failed", errors: [{ path: "role", message: "keys of an organizer organization have role 'admin' or 'organizer'" }] },
    );
    await expectProblem(await t.call("POST", `/v1/organizations/${org.id}/keys`, { key: tenant.adminKey, body: { role: "talent" } }), {
      status: 422,
      code: "validation_failed",
      errors: [{ path: "role", message: "must be one of: admin, organizer, enterprise" }],
    });
  });

  it("keeps each role within its reach", async () => {
    const organizer = await createKey(t, tenant.adminKey, tenant.adminOrganizationId, "organizer");
    await expectProblem(
      await t.call("POST", `/v1/organizations/${tenant.adminOrganizationId}/keys`, { key: organizer.key, body: { role: "admin" } }),
      { status: 403, code: "forbidden", detail: "Only admins may create admin keys." },
    );
    const org = await createOrganization(t, organizer.key);
    const enterprise = await createKey(t, organizer.key, org.id, "enterprise");
    // An enterprise may add keys to itself, but other organizations do not exist for it.
    expect((await t.call("POST", `/v1/organizations/${org.id}/keys`, { key: enterprise.key, body: { role: "enterprise" } })).status).toBe(201);
    const other = await createOrganization(t, tenant.adminKey);
    await expectProblem(await t.call("POST", `/v1/organizations/${other.id}/keys`, { key: enterprise.key, body: { role: "enterprise" } }), {
      status: 404,
      code: "not_found",
    });
    const adminKeys = await t.call("GET", `/v1/organizations/${tenant.adminOrganizationId}/keys`, { key: enterprise.key });
    await expectProblem(adminKeys, { status: 404, code: "not_found" });
    const otherKey = await createKey(t, tenant.adminKey, other.id, "enterprise");
    await expectProblem(await t.call("DELETE", `/v1/keys/${otherKey.id}`, { key: enterprise.key }), { status: 404, code: "not_found" });
  });

  it("answers 404 for another tenant's key id", async () => {
    const other = await createTenant(t);
    const org = await createOrganization(t, other.adminKey);
    const key = await createKey(t, other.adminKey, org.id, "enterprise");
    await expectProblem(await t.call("DELETE", `/v1/keys/${key.id}`, { key: tenant.adminKey }), {
      status: 404,
      code: "not_found",
      detail: `No API key with id '${key.id}'.`,
    });
    expect((await t.call("GET", "/v1/me", { key: key.key })).status).toBe(200);
  });
});
