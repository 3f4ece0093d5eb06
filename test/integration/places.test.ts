import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../workers/demo/index.ts";
import { createTestApp, OPERATOR_KEY, type TestApp } from "../helpers/app.ts";
import { describeAuth } from "../helpers/auth-suite.ts";
import { createOrganization, createTenant, type TenantFixture } from "../helpers/factories.ts";
import { expectProblem } from "../helpers/problems.ts";
import { ORDOS_CHAINS, runOrdosScenario, type Send } from "./places-fixtures.ts";

describeAuth("POST /v1/industry-chains", createTestApp, {
  request: () => ({ method: "POST", path: "/v1/industry-chains", body: { name: "煤化工", industry_codes: ["2522"] } }),
  forbidden: ["enterprise"],
});

describe("real places, industry chains and job titles", () => {
  let t: TestApp;
  let send: Send;
  beforeAll(async () => {
    t = await createTestApp();
    send = async (method, path, key, body, type) =>
      t.app.request(path, { method, headers: { authorization: `Bearer ${key}`, ...(type ? { "content-type": type } : {}) }, ...(body === undefined ? {} : { body: typeof body === "string" ? body : body.slice().buffer }) });
  });
  afterAll(() => t.close());

  it("imports an Ordos catalog (CSV and XLSX) and a national talent list: every row lands with its codes, and districts match their city", async () => {
    await runOrdosScenario(send, OPERATOR_KEY, "ordos-libsql");
  });

  describe("JSON writes take names", () => {
    let ordos: { key: string };
    let tenant: TenantFixture;
    let org: string;
    beforeAll(async () => {
      ordos = { key: ((await (await t.call("POST", "/v1/tenants", { key: OPERATOR_KEY, body: { name: "鄂尔多斯", slug: "ordos-json", region_code: "1506" } })).json()) as { admin_key: { key: string } }).admin_key.key };
      for (const chain of ORDOS_CHAINS.slice(0, 2)) expect((await t.call("POST", "/v1/industry-chains", { key: ordos.key, body: chain })).status).toBe(201);
      tenant = await createTenant(t);
      org = (await createOrganization(t, tenant.adminKey)).id;
    });

    const postDemand = async (key: string, organizationId: string, body: Record<string, unknown>) => t.call("POST", "/v1/demands", { key, body: { organization_id: organizationId, title: "工艺工程师", ...body } });

    it("stores the code of 鄂尔多斯 and shows its name", async () => {
      const res = await postDemand(tenant.adminKey, org, { city: "鄂尔多斯" });
      expect(res.status, await res.clone().text()).toBe(201);
      expect(await res.json()).toMatchObject({ city: "1506", city_name: "鄂尔多斯市" });
    });

    it("answers 朝阳区 in a tenant of neither Beijing nor Changchun with both candidates", async () => {
      await expectProblem(await postDemand(tenant.adminKey, org, { city: "朝阳区" }), {
        status: 422,
        code: "validation_failed",
        errors: [{ path: "city", message: "'朝阳区' is ambiguous: 北京市朝阳区 (110105), 吉林省长春市朝阳区 (220104); write the code or a fuller name" }],
      });
    });

    it("names every field whose name does not resolve, with near misses", async () => {
      await expectProblem(await postDemand(tenant.adminKey, org, { city: "鄂尔多思", industry_code: "不存在的行业xyz" }), {
        status: 422,
        code: "validation_failed",
        errors: [
          { path: "industry_code", message: "'不存在的行业xyz' is not a known name" },
          { path: "city", message: "'鄂尔多思' is not a known name; did you mean 鄂尔多斯市 (1506)?" },
        ],
      });
    });

    it("takes districts, chains and job-board titles, in a demand and in a PATCH", async () => {
      const orgId = (await createOrganization(t, ordos.key)).id;
      const res = await postDemand(ordos.key, orgId, { city: "鄂托克旗", industry_code: "煤化工", occupation_code: "Java开发工程师" });
      const created = (await res.json()) as { id: string };
      expect(res.status).toBe(201);
      expect(created).toMatchObject({
        city: "150624",
        city_name: "鄂尔多斯市鄂托克旗",
        industry_code: ORDOS_CHAINS[0]?.industry_codes[0],
        industry_chain: "煤化工",
        occupation_code: "2-02-10-03",
        occupation_name: "计算机软件工程技术人员",
      });
      const patched = await t.call("PATCH", `/v1/demands/${created.id}`, { key: ordos.key, body: { city: "北京市" } });
      expect(await patched.json()).toMatchObject({ city: "1101", city_name: "北京市", industry_chain: "煤化工" });
    });

    it("takes names for a talent's places and industries, settling an ambiguous district by the talent's own city", async () => {
      const res = await t.call("POST", "/v1/talents", {
        key: ordos.key,
        body: { name: "周某", city: "长春市", desired_cities: ["朝阳区", "内蒙古", "上海"], industries: ["新能源", "2614"], occupations: ["化工工艺工程师（4000+奖金+双休）"] },
      });
      expect(res.status, await res.clone().text()).toBe(201);
      expect(await res.json()).toMatchObject({
        city: "2201",
        city_name: "长春市",
        desired_cities: ["220104", "15", "3101"],
        desired_city_names: ["长春市朝阳区", "内蒙古自治区", "上海市"],
        industries: [...(ORDOS_CHAINS[1]?.industry_codes ?? []), "2614"],
        occupations: ["2-02-06-03"],
      });
    });

    it("takes names for a project's industries and city and an event's city", async () => {
      const owner = (await createOrganization(t, ordos.key)).id;
      const project = await t.call("POST", "/v1/projects", { key: ordos.key, body: { title: "光伏中试", industry_codes: ["新能源"], city: "康巴什区", organization_id: owner } });
      expect(project.status, await project.clone().text()).toBe(201);
      expect(await project.json()).toMatchObject({ industry_codes: ORDOS_CHAINS[1]?.industry_codes, industry_chain: "新能源", city: "150603", city_name: "鄂尔多斯市康巴什区" });
      const event = await t.call("POST", "/v1/events", {
        key: ordos.key,
        body: { name: "路演", city_code: "康巴什", starts_at: "2026-09-01T01:00:00Z", ends_at: "2026-09-01T09:00:00Z", capacity: { talent: 10 } },
      });
      expect(event.status, await event.clone().text()).toBe(201);
      expect(await event.json()).toMatchObject({ city_code: "150603", city_name: "鄂尔多斯市康巴什区" });
    });

    it("answers GET /v1/taxonomy/resolve as the import and the JSON writes resolve", async () => {
      const resolve = async (kind: string, name: string) =>
        (await (await t.call("GET", `/v1/taxonomy/resolve?kind=${kind}&name=${encodeURIComponent(name)}`, { key: ordos.key })).json()) as { status: string; code?: string; industry_codes?: string[] };
      const places: [string, string][] = [
        ["东胜区", "150602"],
        ["鄂托克旗", "150624"],
        ["伊金霍洛旗", "150627"],
        ["准格尔旗", "150622"],
        ["鄂尔多斯市东胜区", "150602"],
        ["海淀区", "110108"],
        ["北京市", "1101"],
        ["上海市", "3101"],
        ["天津市", "1201"],
        ["重庆市", "5001"],
        ["内蒙古鄂尔多斯", "1506"],
        ["鄂尔多斯", "1506"],
      ];
      for (const [name, code] of places) expect(await resolve("region", name), name).toMatchObject({ status: "ok", code });
      expect(await resolve("industry", "煤化工")).toMatchObject({ status: "ok", matched_by: "chain", code: ORDOS_CHAINS[0]?.industry_codes[0], industry_codes: ORDOS_CHAINS[0]?.industry_codes });
      expect(await resolve("industry", "新能源")).toMatchObject({ status: "ok", industry_codes: ORDOS_CHAINS[1]?.industry_codes });
      expect(await resolve("occupation", "Java开发工程师")).toMatchObject({ status: "ok", code: "2-02-10-03" });
      expect(await resolve("occupation", "化工工艺工程师（4000+奖金+双休）")).toMatchObject({ status: "ok", code: "2-02-06-03" });
      // Another tenant has no chains: 煤化工 is no industry there.
      expect((await (await t.call("GET", `/v1/taxonomy/resolve?kind=industry&name=${encodeURIComponent("煤化工")}`, { key: tenant.adminKey })).json()) as { status: string }).toMatchObject({ status: "unknown" });
    });
  });

  describe("industry chains", () => {
    let tenant: TenantFixture;
    beforeAll(async () => {
      tenant = await createTenant(t);
    });

    it("start empty, are created with codes or names, renamed, listed by name, and unique per tenant", async () => {
      expect(await (await t.call("GET", "/v1/industry-chains", { key: tenant.adminKey })).json()).toEqual({ data: [], next_cursor: null });
      const res = await t.call("POST", "/v1/industry-chains", { key: tenant.adminKey, body: { name: "新材料", industry_codes: ["3091", "化学原料和化学制品制造业"] } });
      expect(res.status).toBe(201);
      const chain = (await res.json()) as { id: string };
      expect(chain).toMatchObject({ name: "新材料", industry_codes: ["3091", "26"], industry_names: ["石墨及碳素制品制造", "化学原料和化学制品制造业"] });
      await expectProblem(await t.call("POST", "/v1/industry-chains", { key: tenant.adminKey, body: { name: "新材料", industry_codes: ["3091"] } }), {
        status: 409,
        code: "conflict",
        detail: "An industry chain named '新材料' already exists in this tenant.",
      });
      await expectProblem(await t.call("POST", "/v1/industry-chains", { key: tenant.adminKey, body: { name: "空", industry_codes: ["9999", "火星产业"] } }), {
        status: 422,
        code: "validation_failed",
        errors: [
          { path: "industry_codes.0", message: expect.stringMatching(/^'9999' is not a known name/) },
          { path: "industry_codes.1", message: expect.stringMatching(/^'火星产业' is not a known name/) },
        ],
      });
      const patched = await t.call("PATCH", `/v1/industry-chains/${chain.id}`, { key: tenant.adminKey, body: { name: "先进材料" } });
      expect(await patched.json()).toMatchObject({ id: chain.id, name: "先进材料", industry_codes: ["3091", "26"] });
      await t.call("POST", "/v1/industry-chains", { key: tenant.adminKey, body: { name: "储能", industry_codes: ["3824"] } });
      const list = (await (await t.call("GET", "/v1/industry-chains", { key: tenant.adminKey })).json()) as { data: { name: string }[] };
      expect(list.data.map((c) => c.name)).toEqual(["储能", "先进材料"]);
      // Paginated like every list: newest first, then the cursor's page.
      const first = (await (await t.call("GET", "/v1/industry-chains?limit=1", { key: tenant.adminKey })).json()) as { data: { name: string }[]; next_cursor: string };
      expect(first.data.map((c) => c.name)).toEqual(["储能"]);
      const second = (await (await t.call("GET", `/v1/industry-chains?limit=1&cursor=${first.next_cursor}`, { key: tenant.adminKey })).json()) as { data: { name: string }[]; next_cursor: string | null };
      expect(second).toMatchObject({ data: [{ name: "先进材料" }], next_cursor: null });
      await expectProblem(await t.call("PATCH", "/v1/industry-chains/ich_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z", { key: tenant.adminKey, body: { name: "x" } }), { status: 404, code: "not_found" });
    });

    it("are the demo region's ten, with their codes", async () => {
      const demo = await createTestApp();
      try {
        const { adminSecret } = await seedDemo(demo.db, new Date("2026-01-01T00:00:00Z"));
        const list = (await (await demo.call("GET", "/v1/industry-chains", { key: adminSecret })).json()) as { data: { name: string; industry_codes: string[] }[] };
        expect(list.data.map((c) => c.name).sort()).toEqual(ORDOS_CHAINS.map((c) => c.name).sort());
        expect(list.data.find((c) => c.name === "煤化工")?.industry_codes).toEqual(["2522", "2614", "2523"]);
      } finally {
        demo.close();
      }
    });
  });
});
