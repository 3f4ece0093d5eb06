import type { ApiKeyRow } from "../data/api-keys.ts";
import { insertKey, mintKey } from "../data/api-keys.ts";
import { auditStatement } from "../data/audit.ts";
import { isUniqueViolation } from "../data/constraints.ts";
import { insertOrganization, type OrganizationRow } from "../data/organizations.ts";
import { DEFAULT_LOCALE, DEFAULT_SUGGESTION_THRESHOLD, upsertSettingsStatement } from "../data/settings.ts";
import { findTenantBySlug, insertTenant, type TenantRow } from "../data/tenants.ts";
import { commit, type Db } from "../db.ts";
import { ConflictError } from "../errors.ts";
import type { Locale } from "../i18n.ts";
import { newId } from "../lib/ids.ts";

export interface ProvisionTenantInput {
  name: string;
  slug: string;
  regionCode: string | null;
  /** The organizer organization that holds the first admin key; defaults to the tenant's name. */
  adminOrganizationName?: string | undefined;
  /** The language of problems without Accept-Language; English unless asked. */
  locale?: Locale | undefined;
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
  if (await findTenantBySlug(db, input.slug)) throw new ConflictError(`A tenant with slug '${input.slug}' already exists.`, `标识为 '${input.slug}' 的租户已存在。`);
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
      upsertSettingsStatement(db, tenant.id, DEFAULT_SUGGESTION_THRESHOLD, null, at, input.locale ?? DEFAULT_LOCALE),
      auditStatement(db, {
        tenantId: tenant.id,
        actor: ctx.actor,
        action: "tenant.created",
        subjectType: "tenant",
        subjectId: tenant.id,
        requestId: ctx.requestId,
        detail: { slug: tenant.slug, organization_id: organization.id, admin_key_id: adminKey.id, locale: input.locale ?? DEFAULT_LOCALE },
        at: ctx.now,
      }),
    ]);
  } catch (err) {
    if (isUniqueViolation(err, "tenants")) throw new ConflictError(`A tenant with slug '${input.slug}' already exists.`, `标识为 '${input.slug}' 的租户已存在。`);
    throw err;
  }
  return { tenant, organization, adminKey, adminSecret: secret };
}
