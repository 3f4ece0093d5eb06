import type { ApiKeyRow } from "../data/api-keys.ts";
import { insertKey, mintKey } from "../data/api-keys.ts";
import { auditStatement } from "../data/audit.ts";
import { isUniqueViolation } from "../data/constraints.ts";
import { insertOrganization, type OrganizationRow } from "../data/organizations.ts";
import { findTenantBySlug, insertTenant, type TenantRow } from "../data/tenants.ts";
import { commit, type Db } from "../db.ts";
import { ConflictError } from "../errors.ts";
import { newId } from "../lib/ids.ts";

export interface ProvisionTenantInput {
  name: string;
  slug: string;
  regionCode: string | null;
  /** The organizer organization that holds the first admin key; defaults to the tenant's name. */
  adminOrganizationName?: string | undefined;
}

export interface ProvisionedTenant {
  tenant: TenantRow;
  organization: OrganizationRow;
  adminKey: ApiKeyRow;
  adminSecret: string;
}

/**
 * Creates a tenant, its first organizer organization and an admin key, atomically: a tenant
 * never exists without a way in.
 */
export async function provisionTenant(
  db: Db,
  input: ProvisionTenantInput,
  ctx: { actor: string; requestId: string | null; now: Date },
): Promise<ProvisionedTenant> {
  if (await findTenantBySlug(db, input.slug)) throw new ConflictError(`A tenant with slug '${input.slug}' already exists.`);
  const at = ctx.now.toISOString();
  const tenant: TenantRow = { id: newId("tenant", ctx.now), name: input.name, slug: input.slug, regionCode: input.regionCode, createdAt: at, updatedAt: at };
  const organization: OrganizationRow = {
    id: newId("organization", ctx.now),
    tenantId: tenant.id,
    name: input.adminOrganizationName ?? input.name,
    kind: "organizer",
    createdAt: at,
    updatedAt: at,
  };
  const { secret, row: adminKey } = await mintKey({
    tenantId: tenant.id,
    organizationId: organization.id,
    role: "admin",
    name: "first admin key",
    createdBy: ctx.actor,
    now: ctx.now,
  });
  try {
    await commit(db, [
      insertTenant(db, tenant),
      insertOrganization(db, organization),
      insertKey(db, adminKey),
      auditStatement(db, {
        tenantId: tenant.id,
        actor: ctx.actor,
        action: "tenant.created",
        subjectType: "tenant",
        subjectId: tenant.id,
        requestId: ctx.requestId,
        detail: { slug: tenant.slug, organization_id: organization.id, admin_key_id: adminKey.id },
        at: ctx.now,
      }),
    ]);
  } catch (err) {
    if (isUniqueViolation(err, "tenants")) throw new ConflictError(`A tenant with slug '${input.slug}' already exists.`);
    throw err;
  }
  return { tenant, organization, adminKey, adminSecret: secret };
}
