import { findTenantBySlug } from "../data/tenants.ts";
import { insertCatalog } from "../data/catalogs.ts";
import { demandContentHash, insertDemandStatements } from "../data/demands.ts";
import { insertIndustryChainStatement } from "../data/industry-chains.ts";
import { insertOrganization, type OrganizationRow } from "../data/organizations.ts";
import { insertTalentStatements } from "../data/talents.ts";
import { commit, type Db, type Statement } from "../db.ts";
import { newId } from "../lib/ids.ts";
import { blankDemand } from "../routes/demands/schema.ts";
import { provisionTenant } from "../services/provision-tenant.ts";
import { DEMO_CHAINS } from "./catalog.ts";
import { pick, seeded } from "./random.ts";
import { demoTalent } from "./talents.ts";

export const DEMO_SLUG = "demo-ordos";
export const DEMO_TALENTS = 2000;
const DEMO_CITIES = ["1506", "1506", "1506", "1506", "1501", "1502"];

/**
 * Loads the demo region once: an organizer, enterprises across ten industry chains, a 2026 demand
 * catalog and synthetic talents, all fictional and generated from a fixed seed. Returns the admin
 * secret when it created the tenant, null when the tenant was already there (secrets are never
 * stored, so it cannot be shown again).
 */
export async function seedDemo(db: Db, now: Date): Promise<{ created: boolean; tenantId: string; adminSecret: string | null }> {
  const existing = await findTenantBySlug(db, DEMO_SLUG);
  if (existing) return { created: false, tenantId: existing.id, adminSecret: null };
  const { tenant, adminSecret } = await provisionTenant(
    db,
    { name: "鄂尔多斯市（演示）", slug: DEMO_SLUG, regionCode: "1506", adminOrganizationName: "鄂尔多斯市人才工作局（演示）", locale: "zh-CN" },
    { actor: "demo-seed", requestId: null, now },
  );
  const at = now.toISOString();
  const rand = seeded(20261121);

  const employers = new Map<string, OrganizationRow>();
  const orgStatements: Statement[] = [];
  const org = (name: string, kind: OrganizationRow["kind"]): OrganizationRow => {
    const row: OrganizationRow = { id: newId("organization", now), tenantId: tenant.id, name, kind, createdAt: at, updatedAt: at };
    orgStatements.push(insertOrganization(db, row));
    return row;
  };
  org("示范高新技术产业园区管委会", "organizer");
  for (const chain of DEMO_CHAINS) for (const name of chain.employers) employers.set(name, org(name, "enterprise"));

  const catalog = {
    id: newId("catalog", now),
    tenantId: tenant.id,
    name: "2026年鄂尔多斯市重点产业人才需求目录（演示）",
    year: 2026,
    industryChains: DEMO_CHAINS.map((c) => c.chain),
    createdAt: at,
    updatedAt: at,
  };
  // The ten chains of the catalog, each standing for the industries of its positions.
  const chainStatements = DEMO_CHAINS.map((c) =>
    insertIndustryChainStatement(db, { id: newId("industryChain", now), tenantId: tenant.id, name: c.chain, industryCodes: [...new Set(c.positions.map((p) => p.industry))], createdAt: at, updatedAt: at }),
  );
  await commit(db, [...orgStatements, ...chainStatements, insertCatalog(db, catalog)]);

  // Every employer lists every position of its chain two or three times (cities, cohorts): 100+ lines.
  const demandStatements: Statement[] = [];
  for (const chain of DEMO_CHAINS) {
    for (const employerName of chain.employers) {
      const employer = employers.get(employerName);
      if (!employer) continue;
      for (const pos of chain.positions) {
        const copies = 2 + Math.floor(rand() * 2);
        for (let k = 0; k < copies; k++) {
          const city = k === 0 ? "1506" : pick(rand, DEMO_CITIES);
          const row = blankDemand({ id: newId("demand", now), tenantId: tenant.id, organizationId: employer.id, createdBy: "demo-seed", at });
          Object.assign(row, {
            catalogId: catalog.id,
            importKey: `nat:${employerName}|${pos.title}|${city}|${k}`,
            title: pos.title,
            description: `${employerName}招聘${pos.title}，要求熟悉${pos.required.join("、")}。`,
            industryCode: pos.industry,
            occupationCode: pos.occupation,
            industryChain: chain.chain,
            city,
            headcount: 1 + Math.floor(rand() * 5),
            minEducation: pos.education,
            minTitle: pos.titleLevel,
            minExperienceYears: pos.years,
            major: pos.major,
            requiredSkills: pos.required,
            preferredSkills: pos.preferred,
            modes: pos.modes,
            salaryMin: pos.salary[0],
            salaryMax: pos.salary[1],
            benefits: rand() < 0.5 ? ["人才公寓", "安家费"] : ["五险一金"],
            urgency: 1 + Math.floor(rand() * 5),
            categoryLevel: pos.education === "doctor" ? 4 : 7,
            validUntil: "2026-12-31",
          });
          row.contentHash = await demandContentHash(row);
          demandStatements.push(...insertDemandStatements(db, row));
        }
      }
    }
  }
  await commit(db, demandStatements);

  for (let i = 0; i < DEMO_TALENTS; i += 100) {
    const statements: Statement[] = [];
    for (let j = i; j < Math.min(DEMO_TALENTS, i + 100); j++) statements.push(...insertTalentStatements(db, demoTalent(rand, j, DEMO_CHAINS, tenant.id, now)));
    await commit(db, statements);
  }
  return { created: true, tenantId: tenant.id, adminSecret };
}
