import type { TestApp } from "./app.ts";
import { OPERATOR_KEY } from "./app.ts";

let counter = 0;
/** A value unique within the test run, so tests never share seeded names. */
export function unique(label: string): string {
  counter += 1;
  return `${label}-${Date.now().toString(36)}-${counter}`;
}

export interface TenantFixture {
  tenantId: string;
  adminKey: string;
  adminOrganizationId: string;
}

export async function createTenant(t: TestApp, overrides: Partial<{ name: string; slug: string }> = {}): Promise<TenantFixture> {
  const slug = overrides.slug ?? unique("t").toLowerCase();
  const res = await t.call("POST", "/v1/tenants", { key: OPERATOR_KEY, body: { name: overrides.name ?? `测试市 ${slug}`, slug } });
  if (res.status !== 201) throw new Error(`createTenant: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { tenant: { id: string }; organization: { id: string }; admin_key: { key: string } };
  return { tenantId: body.tenant.id, adminKey: body.admin_key.key, adminOrganizationId: body.organization.id };
}

export async function createOrganization(
  t: TestApp,
  key: string,
  overrides: Partial<{ name: string; kind: "enterprise" | "organizer" }> = {},
): Promise<{ id: string; name: string; kind: string }> {
  const res = await t.call("POST", "/v1/organizations", {
    key,
    body: { name: overrides.name ?? unique("企业"), kind: overrides.kind ?? "enterprise" },
  });
  if (res.status !== 201) throw new Error(`createOrganization: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; name: string; kind: string };
}

export async function createKey(t: TestApp, key: string, organizationId: string, role: string): Promise<{ id: string; key: string }> {
  const res = await t.call("POST", `/v1/organizations/${organizationId}/keys`, { key, body: { role } });
  if (res.status !== 201) throw new Error(`createKey: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; key: string };
}

/** Two tenants, each with keys of every organization role and a revoked key: the cast of the auth suite. */
export interface World {
  a: TenantWorld;
  b: TenantWorld;
}

export interface TenantWorld extends TenantFixture {
  organizerKey: string;
  enterpriseOrgId: string;
  enterpriseKey: string;
  otherEnterpriseOrgId: string;
  revokedKey: string;
  /** An active enterprise key no test uses to call: a target for revocation checks. */
  spareKeyId: string;
}

async function tenantWorld(t: TestApp): Promise<TenantWorld> {
  const tenant = await createTenant(t);
  const organizer = await createKey(t, tenant.adminKey, tenant.adminOrganizationId, "organizer");
  const enterprise = await createOrganization(t, tenant.adminKey);
  const other = await createOrganization(t, tenant.adminKey);
  const enterpriseKey = await createKey(t, tenant.adminKey, enterprise.id, "enterprise");
  const revoked = await createKey(t, tenant.adminKey, enterprise.id, "enterprise");
  const spare = await createKey(t, tenant.adminKey, enterprise.id, "enterprise");
  const res = await t.call("DELETE", `/v1/keys/${revoked.id}`, { key: tenant.adminKey });
  if (res.status !== 200) throw new Error(`revoke: ${res.status}`);
  return {
    ...tenant,
    organizerKey: organizer.key,
    enterpriseOrgId: enterprise.id,
    enterpriseKey: enterpriseKey.key,
    otherEnterpriseOrgId: other.id,
    revokedKey: revoked.key,
    spareKeyId: spare.id,
  };
}

export async function createWorld(t: TestApp): Promise<World> {
  return { a: await tenantWorld(t), b: await tenantWorld(t) };
}
