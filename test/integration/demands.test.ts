import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keysOf } from "../../workers/data/match-keys.ts";
import { createTestApp, type TestApp } from "../helpers/app.ts";
import { describeAuth } from "../helpers/auth-suite.ts";
import { createKey, createOrganization, createTenant, type TenantFixture, unique } from "../helpers/factories.ts";
import { expectProblem } from "../helpers/problems.ts";

const line = (organizationId?: string) => ({
  ...(organizationId ? { organization_id: organizationId } : {}),
  title: "煤制烯烃工艺工程师",
  description: "负责煤气化装置工艺优化",
  industry_code: "2614",
  occupation_code: "2-02-06-03",
  industry_chain: "煤化工",
  city: "1506",
  headcount: 3,
  min_education: "bachelor",
  min_title_level: "intermediate",
  min_experience_years: 3,
  major: "化学工程",
  required_skills: ["煤气化", "Aspen Plus"],
  preferred_skills: ["DCS"],
  modes: ["full_time", "project"],
  salary_min: 12000,
  salary_max: 20000,
  benefits: ["安家费20万", "人才公寓"],
  urgency: 4,
  category_level: 5,
  valid_until: "2026-12-31",
});

describeAuth("POST /v1/demands", createTestApp, {
  request: (a) => ({ method: "POST", path: "/v1/demands", body: { organization_id: a.enterpriseOrgId, title: "x" } }),
  forbidden: [],
});
describeAuth("PATCH /v1/demands/{id}", createTestApp, {
  request: () => ({ method: "PATCH", path: "/v1/demands/dem_01M808K15V9JBEQCZSG5WVZRN0", body: { title: "x" } }),
  forbidden: [],
});
describeAuth("POST /v1/catalogs", createTestApp, {
  request: () => ({ method: "POST", path: "/v1/catalogs", body: { name: unique("目录"), year: 2026 } }),
  forbidden: ["enterprise"],
});

describe("demands", () => {
  let t: TestApp;
  let tenant: TenantFixture;
  let enterprise: { id: string };
  let enterpriseKey: string;
  beforeAll(async () => {
    t = await createTestApp();
    tenant = await createTenant(t);
    enterprise = await createOrganization(t, tenant.adminKey);
    enterpriseKey = (await createKey(t, tenant.adminKey, enterprise.id, "enterprise")).key;
  });
  afterAll(() => t.close());

  const post = async (body: unknown, key = tenant.adminKey) => {
    const res = await t.call("POST", "/v1/demands", { key, body });
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as Record<string, unknown> & { id: string };
  };

  it("round-trips a full catalog line and indexes it", async () => {
    const input = line(enterprise.id);
    const created = await post(input);
    const { organization_id: _o, min_title_level, ...rest } = input;
    expect(created).toMatchObject({ ...rest, min_title_level, organization_id: enterprise.id, status: "open", filled: 0, catalog_id: null });
    expect(await (await t.call("GET", `/v1/demands/${created.id}`, { key: enterpriseKey })).json()).toEqual(created);
    const keys = await keysOf(t.db, tenant.tenantId, created.id);
    expect(keys).toContain("i:261");
    expect(keys.some((k) => k.startsWith("t:"))).toBe(true);
  });

  it("lets an enterprise post for itself without naming its organization, and not for another", async () => {
    const created = await post({ title: "电气工程师" }, enterpriseKey);
    expect(created.organization_id).toBe(enterprise.id);
    const other = await createOrganization(t, tenant.adminKey);
    await expectProblem(await t.call("POST", "/v1/demands", { key: enterpriseKey, body: { title: "x", organization_id: other.id } }), {
      status: 403,
      code: "forbidden",
      detail: "Enterprises manage their own organization's demands only.",
    });
    const theirs = await post({ title: "他人岗位", organization_id: other.id });
    await expectProblem(await t.call("PATCH", `/v1/demands/${theirs.id}`, { key: enterpriseKey, body: { title: "y" } }), {
      status: 403,
      code: "forbidden",
    });
    await expectProblem(await t.call("DELETE", `/v1/demands/${theirs.id}`, { key: enterpriseKey }), { status: 403, code: "forbidden" });
  });

  it("requires an enterprise employer", async () => {
    await expectProblem(await t.call("POST", "/v1/demands", { key: tenant.adminKey, body: { title: "x" } }), {
      status: 422,
      code: "validation_failed",
      errors: [{ path: "organization_id", message: "is required" }],
    });
    await expectProblem(
      await t.call("POST", "/v1/demands", { key: tenant.adminKey, body: { title: "x", organization_id: tenant.adminOrganizationId } }),
      { status: 422, code: "validation_failed", errors: [{ path: "organization_id", message: "must be an enterprise organization" }] },
    );
  });

  it("updates, closes and re-indexes; deleting removes the index rows", async () => {
    const created = await post(line(enterprise.id));
    const res = await t.call("PATCH", `/v1/demands/${created.id}`, { key: enterpriseKey, body: { industry_code: "4415", status: "closed" } });
    expect(await res.json()).toMatchObject({ industry_code: "4415", status: "closed", title: "煤制烯烃工艺工程师" });
    const keys = await keysOf(t.db, tenant.tenantId, created.id);
    expect(keys).toContain("i:441");
    expect(keys).not.toContain("i:261");
    expect((await t.call("DELETE", `/v1/demands/${created.id}`, { key: enterpriseKey })).status).toBe(204);
    expect(await keysOf(t.db, tenant.tenantId, created.id)).toEqual([]);
    await expectProblem(await t.call("GET", `/v1/demands/${created.id}`, { key: tenant.adminKey }), { status: 404, code: "not_found" });
  });

  it("filters by status, urgency, industry chain, organization, industry and mode", async () => {
    const fresh = await createTenant(t);
    const org = await createOrganization(t, fresh.adminKey);
    const a = await post({ ...line(org.id), urgency: 5 }, fresh.adminKey);
    const b = await post({ organization_id: org.id, title: "羊绒设计师", industry_chain: "羊绒纺织", industry_code: "1713", urgency: 2, modes: ["consulting"] }, fresh.adminKey);
    await t.call("PATCH", `/v1/demands/${b.id}`, { key: fresh.adminKey, body: { status: "closed" } });
    const ids = async (qs: string) =>
      ((await (await t.call("GET", `/v1/demands?${qs}`, { key: fresh.adminKey })).json()) as { data: { id: string }[] }).data.map((x) => x.id);
    expect(await ids("status=open")).toEqual([a.id]);
    expect(await ids("urgency=4")).toEqual([a.id]);
    expect(await ids(`industry_chain=${encodeURIComponent("羊绒纺织")}`)).toEqual([b.id]);
    expect(await ids("industry=17")).toEqual([b.id]);
    expect(await ids("mode=consulting")).toEqual([b.id]);
    expect(await ids(`organization_id=${org.id}`)).toEqual([b.id, a.id]);
  });

  it("names every invalid field, including salary order", async () => {
    const res = await t.call("POST", "/v1/demands", {
      key: tenant.adminKey,
      body: { organization_id: enterprise.id, title: "x", headcount: 0, urgency: 6, salary_min: 30000, salary_max: 10000, city: "9999", status: "draft" },
    });
    await expectProblem(res, {
      status: 422,
      code: "validation_failed",
      errors: [
        { path: "city", message: "is not a GB/T 2260 code (2, 4 or 6 digits)" },
        { path: "headcount", message: "must be at least 1" },
        { path: "urgency", message: "must be at most 5" },
        { path: "status", message: "must be one of: open, closed" },
      ],
    });
    await expectProblem(
      await t.call("POST", "/v1/demands", { key: tenant.adminKey, body: { organization_id: enterprise.id, title: "x", salary_min: 30000, salary_max: 10000 } }),
      { status: 422, code: "validation_failed", errors: [{ path: "salary_max", message: "must not be below salary_min" }] },
    );
  });

  it("answers 404 for another tenant's demand and catalog", async () => {
    const other = await createTenant(t);
    const org = await createOrganization(t, other.adminKey);
    const theirs = await post({ organization_id: org.id, title: "x" }, other.adminKey);
    await expectProblem(await t.call("GET", `/v1/demands/${theirs.id}`, { key: tenant.adminKey }), { status: 404, code: "not_found" });
    const cat = (await (await t.call("POST", "/v1/catalogs", { key: other.adminKey, body: { name: "目录", year: 2026 } })).json()) as { id: string };
    await expectProblem(await t.call("GET", `/v1/catalogs/${cat.id}`, { key: tenant.adminKey }), { status: 404, code: "not_found" });
    await expectProblem(
      await t.call("POST", "/v1/demands", { key: tenant.adminKey, body: { organization_id: enterprise.id, title: "x", catalog_id: cat.id } }),
      { status: 404, code: "not_found", detail: `No catalog with id '${cat.id}'.` },
    );
  });
});

describe("catalogs", () => {
  let t: TestApp;
  let tenant: TenantFixture;
  beforeAll(async () => {
    t = await createTestApp();
    tenant = await createTenant(t);
  });
  afterAll(() => t.close());

  it("creates a catalog and counts its lines, open lines and seats per industry chain", async () => {
    const res = await t.call("POST", "/v1/catalogs", {
      key: tenant.adminKey,
      body: { name: "2026年重点产业人才需求目录", year: 2026, industry_chains: ["煤化工", "新能源"] },
    });
    expect(res.status).toBe(201);
    const cat = (await res.json()) as { id: string };
    const org = await createOrganization(t, tenant.adminKey);
    const add = (body: Record<string, unknown>) =>
      t.call("POST", "/v1/demands", { key: tenant.adminKey, body: { organization_id: org.id, catalog_id: cat.id, ...body } });
    await add({ title: "a", industry_chain: "煤化工", headcount: 3 });
    await add({ title: "b", industry_chain: "煤化工", headcount: 2, status: "closed" });
    await add({ title: "c", industry_chain: "新能源", headcount: 5 });
    const got = await (await t.call("GET", `/v1/catalogs/${cat.id}`, { key: tenant.adminKey })).json();
    expect(got).toMatchObject({
      name: "2026年重点产业人才需求目录",
      year: 2026,
      industry_chains: ["煤化工", "新能源"],
      counts: {
        demands: 3,
        open: 2,
        headcount: 10,
        by_chain: [
          { industry_chain: "新能源", demands: 1, headcount: 5 },
          { industry_chain: "煤化工", demands: 2, headcount: 5 },
        ],
      },
    });
    const list = (await (await t.call("GET", "/v1/catalogs?year=2026", { key: tenant.adminKey })).json()) as { data: { id: string }[] };
    expect(list.data.map((c) => c.id)).toEqual([cat.id]);
  });

  it("refuses a duplicate name with 409 and bad fields with 422", async () => {
    const name = unique("目录");
    expect((await t.call("POST", "/v1/catalogs", { key: tenant.adminKey, body: { name, year: 2026 } })).status).toBe(201);
    await expectProblem(await t.call("POST", "/v1/catalogs", { key: tenant.adminKey, body: { name, year: 2026 } }), {
      status: 409,
      code: "conflict",
      detail: `A catalog named '${name}' already exists in this tenant.`,
    });
    await expectProblem(await t.call("POST", "/v1/catalogs", { key: tenant.adminKey, body: { name: "x", year: "2026", industry_chains: [""] } }), {
      status: 422,
      code: "validation_failed",
      errors: [
        { path: "year", message: "must be a number" },
        { path: "industry_chains.0", message: "must be at least 1 characters long" },
      ],
    });
  });
});
