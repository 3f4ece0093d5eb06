import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxEvents } from "../../schema/index.ts";
import { suggestForDemand } from "../../workers/matching-service/suggest.ts";
import { createTestApp, type TestApp } from "../helpers/app.ts";
import { createKey, createOrganization, createTenant, type TenantFixture } from "../helpers/factories.ts";
import { expectProblem } from "../helpers/problems.ts";
import { createDemand, createTalent, talentKey } from "../helpers/profiles.ts";

interface Suggestion {
  id: string;
  demand_id: string;
  talent_id: string;
  score: number;
  status: string;
  demand_title: string | null;
  employer_name: string | null;
  talent_name: string | null;
}

describe("suggestions", () => {
  let t: TestApp;
  let tenant: TenantFixture;
  let org: { id: string; name: string };
  let enterpriseKey: string;
  beforeAll(async () => {
    t = await createTestApp();
    tenant = await createTenant(t);
    org = await createOrganization(t, tenant.adminKey);
    enterpriseKey = (await createKey(t, tenant.adminKey, org.id, "enterprise")).key;
  });
  afterAll(() => t.close());

  const list = async (qs: string, key = tenant.adminKey) =>
    ((await (await t.call("GET", `/v1/suggestions${qs}`, { key })).json()) as { data: Suggestion[] }).data;
  const matchEvents = async () => (await t.db.select().from(outboxEvents).where(eq(outboxEvents.type, "match.created"))).length;

  it("finds good talents by itself when a demand is posted, above the threshold, and emits match.created once per pair", async () => {
    const good = await createTalent(t, tenant.adminKey, { name: "高秀英", industries: ["2522"], skills: ["煤气化", "Aspen Plus"], city: "1506", education: "master" });
    const poor = await createTalent(t, tenant.adminKey, { industries: ["1722"], skills: ["面料设计"], city: "1501" });
    await t.jobs.drain();
    const before = await matchEvents();
    const demand = await createDemand(t, enterpriseKey, org.id, { industry_code: "2522", required_skills: ["煤气化", "Aspen Plus"], city: "1506", min_education: "bachelor" });
    await t.jobs.drain();
    const found = await list(`?demand_id=${demand.id}`, enterpriseKey);
    expect(found.map((s) => s.talent_id)).toContain(good.id);
    expect(found.map((s) => s.talent_id)).not.toContain(poor.id);
    expect(found.every((s) => s.score >= 70 && s.status === "suggested")).toBe(true);
    // An organizer prints a suggestion without looking up an id.
    expect(found.find((s) => s.talent_id === good.id)).toMatchObject({ talent_name: "高秀英", demand_title: "煤气化工艺工程师", employer_name: org.name });
    const after = await matchEvents();
    expect(after - before).toBe(found.length);

    // The same change again (and a recompute) adds nothing.
    await t.call("PATCH", `/v1/demands/${demand.id}`, { key: enterpriseKey, body: { description: "再次保存" } });
    await t.jobs.drain();
    await suggestForDemand(t.db, tenant.tenantId, demand.id, new Date());
    expect(await list(`?demand_id=${demand.id}`)).toHaveLength(found.length);
    expect(await matchEvents()).toBe(after);
  });

  it("finds demands for a talent when the profile changes, and shows a talent only its own", async () => {
    const demand = await createDemand(t, tenant.adminKey, org.id, { industry_code: "4415", required_skills: ["风机运维", "SCADA"], city: "1506" });
    await t.jobs.drain();
    const talent = await createTalent(t, tenant.adminKey, { skills: ["办公"], city: "1506" });
    await t.jobs.drain();
    expect(await list(`?talent_id=${talent.id}&demand_id=${demand.id}`)).toEqual([]);
    await t.call("PATCH", `/v1/talents/${talent.id}`, { key: tenant.adminKey, body: { industries: ["4415"], skills: ["风机运维", "SCADA"] } });
    await t.jobs.drain();
    const key = await talentKey(t, tenant.adminKey, talent.id);
    const mine = await list("", key);
    expect(mine.map((s) => s.demand_id)).toContain(demand.id);
    expect(mine.every((s) => s.talent_id === talent.id)).toBe(true);
  });

  it("lets the enterprise dismiss a suggestion, and marks it introduced when an introduction follows", async () => {
    const talent = await createTalent(t, tenant.adminKey, { industries: ["3511"], skills: ["SolidWorks", "机械设计"], city: "1506" });
    const demand = await createDemand(t, enterpriseKey, org.id, { industry_code: "3511", required_skills: ["SolidWorks", "机械设计"], city: "1506" });
    await t.jobs.drain();
    const [s] = await list(`?demand_id=${demand.id}&talent_id=${talent.id}`, enterpriseKey);
    expect(s).toBeDefined();
    await t.call("POST", "/v1/introductions", { key: enterpriseKey, body: { demand_id: demand.id, talent_id: talent.id } });
    const [introduced] = await list(`?demand_id=${demand.id}&talent_id=${talent.id}`, enterpriseKey);
    expect(introduced?.status).toBe("introduced");
    await expectProblem(await t.call("POST", `/v1/suggestions/${s?.id}/dismiss`, { key: enterpriseKey }), {
      status: 409,
      code: "conflict",
      detail: "This suggestion already led to an introduction.",
    });
  });

  it("suggests talents for the lines a catalog import created", async () => {
    const talent = await createTalent(t, tenant.adminKey, { industries: ["2614"], skills: ["聚烯烃", "催化剂评价"], city: "1506", education: "master" });
    await t.jobs.drain();
    const cat = ((await (await t.call("POST", "/v1/catalogs", { key: tenant.adminKey, body: { name: "导入目录", year: 2026 } })).json()) as { id: string }).id;
    const csv = "岗位名称,用人单位,行业,技能要求,工作地点,学历要求\n聚烯烃工艺工程师,示范化工,有机化学原料制造,聚烯烃、催化剂评价,鄂尔多斯,本科\n";
    const res = await t.app.request(`/v1/catalogs/${cat}/imports`, {
      method: "POST",
      headers: { authorization: `Bearer ${tenant.adminKey}`, "content-type": "text/csv" },
      body: csv,
    });
    expect(await res.json()).toMatchObject({ created: 1 });
    await t.jobs.drain();
    expect((await list(`?talent_id=${talent.id}`)).length).toBeGreaterThan(0);
  });

  it("follows the tenant's threshold", async () => {
    const fresh = await createTenant(t);
    const freshOrg = await createOrganization(t, fresh.adminKey);
    await createTalent(t, fresh.adminKey, { industries: ["2522"], skills: ["煤气化"], city: "1506" });
    const res = await t.call("PATCH", "/v1/settings", { key: fresh.adminKey, body: { suggestion_threshold: 100 } });
    expect(res.status).toBe(200);
    const demand = await createDemand(t, fresh.adminKey, freshOrg.id, { industry_code: "2522", required_skills: ["煤气化", "Aspen Plus", "DCS"] });
    await t.jobs.drain();
    expect(await list(`?demand_id=${demand.id}`, fresh.adminKey)).toEqual([]);
  });
});

describe("tenant settings", () => {
  let t: TestApp;
  let tenant: TenantFixture;
  beforeAll(async () => {
    t = await createTestApp();
    tenant = await createTenant(t);
  });
  afterAll(() => t.close());

  it("overrides weights, validates them field by field, and restores the defaults", async () => {
    const res = await t.call("PATCH", "/v1/settings", { key: tenant.adminKey, body: { weights: { components: { skills: 60 }, enterprise_share: 0.8 } } });
    const body = (await res.json()) as { weights: { components: Record<string, number>; enterprise_share: number }; default_weights: { components: Record<string, number> } };
    expect(body.weights.components.skills).toBe(60);
    expect(body.weights.enterprise_share).toBe(0.8);
    expect(body.default_weights.components.skills).not.toBe(60);
    await expectProblem(await t.call("PATCH", "/v1/settings", { key: tenant.adminKey, body: { weights: { components: { charm: 5 } } } }), {
      status: 422,
      code: "validation_failed",
      errors: [{ path: "weights.components.charm", message: 'unknown component "charm"' }],
    });
    await expectProblem(await t.call("PATCH", "/v1/settings", { key: tenant.adminKey, body: { weights: { enterprise_share: 2 } } }), {
      status: 422,
      code: "validation_failed",
      errors: [{ path: "weights.enterprise_share", message: "enterpriseShare must be a number in 0–1" }],
    });
    const reset = (await (await t.call("PATCH", "/v1/settings", { key: tenant.adminKey, body: { weights: null } })).json()) as typeof body;
    expect(reset.weights).toEqual(reset.default_weights);
  });

  it("is read by organizers and changed by admins only", async () => {
    const organizer = (await createKey(t, tenant.adminKey, tenant.adminOrganizationId, "organizer")).key;
    expect((await t.call("GET", "/v1/settings", { key: organizer })).status).toBe(200);
    await expectProblem(await t.call("PATCH", "/v1/settings", { key: organizer, body: { suggestion_threshold: 50 } }), { status: 403, code: "forbidden" });
  });
});
