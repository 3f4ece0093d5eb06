import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.ts";
import { describeAuth } from "../helpers/auth-suite.ts";
import { createKey, createOrganization, createTenant, type TenantFixture } from "../helpers/factories.ts";
import { expectProblem } from "../helpers/problems.ts";
import { createDemand, createTalent, talentKey, uniquePhone } from "../helpers/profiles.ts";

interface MatchItem {
  talent: { id: string; name: string; phone: string | null; contact_masked: boolean };
  score: number;
  enterprise_fit: number;
  talent_fit: number;
  components: { key: string; side: string; contribution: number; reason_zh: string }[];
  vetoes_passed: { key: string }[];
  reason_zh: string;
  reason_en: string;
  gaps: { key: string; zh: string; gain: number }[];
}

const demandBody = {
  title: "煤气化工艺工程师",
  industry_code: "2522",
  occupation_code: "2-02-06-03",
  city: "1506",
  min_education: "bachelor",
  min_title_level: "intermediate",
  min_experience_years: 3,
  required_skills: ["煤气化", "Aspen Plus"],
  preferred_skills: ["HAZOP"],
  modes: ["full_time"],
  salary_min: 12000,
  salary_max: 20000,
};

describeAuth("GET /v1/demands/{id}/matches", createTestApp, {
  request: () => ({ method: "GET", path: "/v1/demands/dem_01M808K15V9JBEQCZSG5WVZRN0/matches" }),
  forbidden: [],
});

describe("matches", () => {
  let t: TestApp;
  let tenant: TenantFixture;
  let org: { id: string };
  let enterpriseKey: string;
  let demand: { id: string };
  const ids = { perfect: "", noPreferred: "", oneSkill: "", underEducated: "", refuses: "", unrelated: "" };

  beforeAll(async () => {
    t = await createTestApp();
    tenant = await createTenant(t);
    org = await createOrganization(t, tenant.adminKey);
    enterpriseKey = (await createKey(t, tenant.adminKey, org.id, "enterprise")).key;
    demand = await createDemand(t, tenant.adminKey, org.id, demandBody);
    const base = { industries: ["2522"], occupations: ["2-02-06-03"], city: "1506", education: "master", title_level: "intermediate", experience_years: 6, modes: ["full_time"], salary_expected: 15000 };
    ids.perfect = (await createTalent(t, tenant.adminKey, { ...base, name: "全能", phone: uniquePhone(), skills: ["煤气化", "Aspen Plus", "HAZOP"] })).id;
    ids.noPreferred = (await createTalent(t, tenant.adminKey, { ...base, name: "差一项", skills: ["煤气化", "Aspen Plus"] })).id;
    ids.oneSkill = (await createTalent(t, tenant.adminKey, { ...base, name: "缺技能", skills: ["煤气化"], title_level: "junior" })).id;
    ids.underEducated = (await createTalent(t, tenant.adminKey, { ...base, name: "学历不足", education: "associate", skills: ["煤气化", "Aspen Plus", "HAZOP"] })).id;
    ids.refuses = (await createTalent(t, tenant.adminKey, { ...base, name: "不去", refused_cities: ["1506"], skills: ["煤气化", "Aspen Plus", "HAZOP"] })).id;
    ids.unrelated = (await createTalent(t, tenant.adminKey, { name: "羊绒设计", industries: ["1722"], skills: ["面料设计"], city: "1501" })).id;
  });
  afterAll(() => t.close());

  const matches = async (qs = "", key = enterpriseKey) => {
    const res = await t.call("GET", `/v1/demands/${demand.id}/matches${qs}`, { key });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as { data: MatchItem[]; next_cursor: string | null };
  };

  it("ranks the talent both sides want first, explains it, and leaves vetoed talents out", async () => {
    const { data } = await matches();
    const order = data.map((m) => m.talent.id);
    expect(order[0]).toBe(ids.perfect);
    expect(order.indexOf(ids.perfect)).toBeLessThan(order.indexOf(ids.noPreferred));
    expect(order.indexOf(ids.noPreferred)).toBeLessThan(order.indexOf(ids.oneSkill));
    expect(order).not.toContain(ids.underEducated);
    expect(order).not.toContain(ids.refuses);
    const top = data[0];
    expect(top?.score).toBeGreaterThan(80);
    expect(top?.score).toBeLessThanOrEqual(100);
    expect(top?.components.map((c) => c.key)).toEqual(expect.arrayContaining(["skills", "industry", "education", "location", "mode", "salary"]));
    expect(top?.components.every((c) => c.reason_zh.length > 0)).toBe(true);
    expect(top?.vetoes_passed.map((v) => v.key)).toEqual(expect.arrayContaining(["education", "mode", "city"]));
    expect(top?.reason_zh).toMatch(/匹配度/);
    expect(top?.reason_en).toMatch(/\d/);
    const partial = data.find((m) => m.talent.id === ids.oneSkill);
    expect(partial?.gaps.map((g) => g.zh).join(" ")).toContain("Aspen Plus");
    expect(partial?.enterprise_fit).toBeLessThan(top?.enterprise_fit ?? 0);
  });

  it("masks contact details for the enterprise", async () => {
    const { data } = await matches();
    const perfect = data.find((m) => m.talent.id === ids.perfect);
    expect(perfect?.talent.contact_masked).toBe(true);
    expect(perfect?.talent.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
  });

  it("pages through a ranking stably, each talent once", async () => {
    const all = (await matches("?limit=100")).data.map((m) => m.talent.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await matches(`?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((m) => m.talent.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it("filters by min_score, city and mode", async () => {
    const high = await matches("?min_score=90");
    expect(high.data.every((m) => m.score >= 90)).toBe(true);
    expect(high.data.length).toBeLessThan((await matches()).data.length);
    expect((await matches("?city=1501")).data.map((m) => m.talent.id)).not.toContain(ids.perfect);
    expect((await matches("?mode=consulting")).data.map((m) => m.talent.id)).not.toContain(ids.perfect);
  });

  it("lets only the demand's enterprise (and organizers, admins) see its matches", async () => {
    const other = await createOrganization(t, tenant.adminKey);
    const otherKey = (await createKey(t, tenant.adminKey, other.id, "enterprise")).key;
    await expectProblem(await t.call("GET", `/v1/demands/${demand.id}/matches`, { key: otherKey }), {
      status: 403,
      code: "forbidden",
      detail: "Enterprises see matches for their own demands only.",
    });
    expect((await t.call("GET", `/v1/demands/${demand.id}/matches`, { key: tenant.adminKey })).status).toBe(200);
  });

  it("ranks demands for a talent, from the talent's own key", async () => {
    const second = await createDemand(t, tenant.adminKey, org.id, { title: "羊绒面料设计师", industry_code: "1722", required_skills: ["面料设计"], city: "1506" });
    const key = await talentKey(t, tenant.adminKey, ids.perfect);
    const res = await t.call("GET", `/v1/talents/${ids.perfect}/matches`, { key });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { demand: { id: string }; score: number; talent_fit: number }[] };
    expect(body.data[0]?.demand.id).toBe(demand.id);
    const ranked = body.data.map((d) => d.demand.id);
    if (ranked.includes(second.id)) expect(ranked.indexOf(second.id)).toBeGreaterThan(0);
    await expectProblem(await t.call("GET", `/v1/talents/${ids.oneSkill}/matches`, { key }), { status: 404, code: "not_found" });
    await expectProblem(await t.call("GET", `/v1/talents/${ids.perfect}/matches`, { key: enterpriseKey }), { status: 403, code: "forbidden" });
  });

  it("ranks roadshow projects for a talent with kind=project", async () => {
    const owner = await createOrganization(t, tenant.adminKey);
    const post = async (body: Record<string, unknown>) => {
      const res = await t.call("POST", "/v1/projects", { key: tenant.adminKey, body: { organization_id: owner.id, ...body } });
      expect(res.status, await res.clone().text()).toBe(201);
      return ((await res.json()) as { id: string }).id;
    };
    const fitting = await post({ title: "煤气化废渣综合利用项目", industry_codes: ["2522"], skills_sought: ["煤气化", "Aspen Plus"], city: "1506" });
    const other = await post({ title: "羊绒面料设计工作室", industry_codes: ["1722"], skills_sought: ["面料设计"], city: "1506" });
    const res = await t.call("GET", `/v1/talents/${ids.perfect}/matches?kind=project`, { key: tenant.adminKey });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { project: { id: string }; score: number; reason_zh: string }[] };
    expect(body.data[0]?.project.id).toBe(fitting);
    const order = body.data.map((d) => d.project.id);
    if (order.includes(other)) expect(order.indexOf(other)).toBeGreaterThan(0);
    expect(body.data[0]?.reason_zh).toMatch(/匹配度/);
  });

  it("never serves a stale ranking: a new or changed talent shows at once", async () => {
    const before = (await matches("?limit=100")).data.map((m) => m.talent.id);
    const star = await createTalent(t, tenant.adminKey, {
      name: "新来的",
      industries: ["2522"],
      occupations: ["2-02-06-03"],
      city: "1506",
      education: "doctor",
      title_level: "senior",
      experience_years: 12,
      modes: ["full_time"],
      salary_expected: 15000,
      skills: ["煤气化", "Aspen Plus", "HAZOP"],
    });
    const after = (await matches("?limit=100")).data.map((m) => m.talent.id);
    expect(before).not.toContain(star.id);
    expect(after).toContain(star.id);
    await t.call("PATCH", `/v1/talents/${star.id}`, { key: tenant.adminKey, body: { refused_cities: ["1506"] } });
    expect((await matches("?limit=100")).data.map((m) => m.talent.id)).not.toContain(star.id);
    await t.call("DELETE", `/v1/talents/${star.id}`, { key: tenant.adminKey });
  });

  it("answers bad parameters with 400 and other tenants' demands with 404", async () => {
    await expectProblem(await t.call("GET", `/v1/demands/${demand.id}/matches?min_score=101&mode=any`, { key: enterpriseKey }), {
      status: 400,
      code: "invalid_parameter",
      errors: [
        { path: "min_score", message: "must be at most 100" },
        { path: "mode", message: "must be one of: full_time, part_time, project, equity, consulting, seasonal, offshore, retired_expert" },
      ],
    });
    await expectProblem(await t.call("GET", `/v1/demands/${demand.id}/matches?cursor=abc`, { key: enterpriseKey }), {
      status: 400,
      code: "invalid_parameter",
      errors: [{ path: "cursor", message: "Not a cursor returned by this API." }],
    });
    const other = await createTenant(t);
    await expectProblem(await t.call("GET", `/v1/demands/${demand.id}/matches`, { key: other.adminKey }), { status: 404, code: "not_found" });
  });
});
