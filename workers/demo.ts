import { findTenantBySlug } from "./data/tenants.ts";
import { insertOrganization } from "./data/organizations.ts";
import { commit, type Db } from "./db.ts";
import { newId } from "./lib/ids.ts";
import { provisionTenant } from "./services/provision-tenant.ts";

export const DEMO_SLUG = "demo-ordos";

/** Fictional organizations of the demo region, modelled on its industry chains. */
const DEMO_ORGANIZATIONS = [
  { name: "鄂尔多斯示范煤化工有限公司", kind: "enterprise" },
  { name: "示范新能源装备制造有限公司", kind: "enterprise" },
  { name: "示范绒纺科技股份有限公司", kind: "enterprise" },
  { name: "示范市中心医院", kind: "enterprise" },
  { name: "示范高新技术产业园区管委会", kind: "organizer" },
] as const;

/**
 * Loads the demo region once. Returns the admin secret when it created the tenant, null when the
 * tenant was already there (secrets are never stored, so it cannot be shown again).
 */
export async function seedDemo(db: Db, now: Date): Promise<{ created: boolean; tenantId: string; adminSecret: string | null }> {
  const existing = await findTenantBySlug(db, DEMO_SLUG);
  if (existing) return { created: false, tenantId: existing.id, adminSecret: null };
  const { tenant, adminSecret } = await provisionTenant(
    db,
    { name: "鄂尔多斯市（演示）", slug: DEMO_SLUG, regionCode: "1506", adminOrganizationName: "鄂尔多斯市人才工作局（演示）" },
    { actor: "demo-seed", requestId: null, now },
  );
  const at = now.toISOString();
  await commit(
    db,
    DEMO_ORGANIZATIONS.map((o) =>
      insertOrganization(db, { id: newId("organization", now), tenantId: tenant.id, name: o.name, kind: o.kind, createdAt: at, updatedAt: at }),
    ),
  );
  return { created: true, tenantId: tenant.id, adminSecret };
}
