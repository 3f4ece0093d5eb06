import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.ts";
import { createOrganization, createTenant, type TenantFixture } from "../helpers/factories.ts";
import { expectProblem } from "../helpers/problems.ts";
import { createDemand, createTalent } from "../helpers/profiles.ts";

describe("q= keyword search", () => {
  let t: TestApp;
  let tenant: TenantFixture;
  let other: TenantFixture;
  const ids: Record<string, string> = {};

  const names = async (path: string, key = tenant.adminKey): Promise<string[]> => {
    const res = await t.call("GET", path, { key });
    expect(res.status, await res.clone().text()).toBe(200);
    return ((await res.json()) as { data: { name?: string; title?: string }[] }).data.map((r) => r.name ?? r.title ?? "");
  };

  beforeAll(async () => {
    t = await createTestApp();
    tenant = await createTenant(t);
    other = await createTenant(t);
    const people = [
      { name: "李明", skills: ["Python", "数据分析"], major: "计算机科学与技术", school: "内蒙古大学", city: "1506" },
      { name: "李晓红", skills: ["煤气化", "Aspen Plus"], major: "化学工程与工艺", school: "内蒙古工业大学", city: "1502" },
      { name: "王强", skills: ["PLC编程", "python"], major: "自动化", school: "鄂尔多斯应用技术学院", city: "1506" },
      { name: "张伟", skills: ["风机运维"], major: "电气工程", school: "华北电力大学", city: "1506" },
    ];
    for (const p of people) ids[p.name] = (await createTalent(t, tenant.adminKey, p)).id;
    await createTalent(t, other.adminKey, { name: "李明", skills: ["Python"] });
    const coal = await createOrganization(t, tenant.adminKey, { name: "鄂尔多斯市梧桐能源化工有限公司" });
    const wind = await createOrganization(t, tenant.adminKey, { name: "准格尔旗风电科技有限公司" });
    await createDemand(t, tenant.adminKey, coal.id, { title: "煤化工工艺工程师", required_skills: ["煤气化", "Aspen Plus"], city: "1506" });
    await createDemand(t, tenant.adminKey, coal.id, { title: "数据分析师", required_skills: ["Python", "SQL"], city: "1502" });
    await createDemand(t, tenant.adminKey, wind.id, { title: "风机运维技术员", required_skills: ["风机运维"], city: "1506" });
  });
  afterAll(() => t.close());

  it("finds talents by skill, whatever the case, and only in the caller's tenant", async () => {
    expect((await names("/v1/talents?q=Python")).sort()).toEqual(["李明", "王强"].sort());
    expect((await names("/v1/talents?q=PYTHON")).sort()).toEqual(["李明", "王强"].sort());
  });

  it("finds Chinese text inside longer words, by name, surname, major and school", async () => {
    expect(await names(`/v1/talents?q=${encodeURIComponent("化学工程")}`)).toEqual(["李晓红"]);
    expect(await names(`/v1/talents?q=${encodeURIComponent("煤气")}`)).toEqual(["李晓红"]);
    expect(await names(`/v1/talents?q=${encodeURIComponent("李明")}`)).toEqual(["李明"]);
    expect((await names(`/v1/talents?q=${encodeURIComponent("李")}`)).sort()).toEqual(["李明", "李晓红"].sort());
    expect((await names(`/v1/talents?q=${encodeURIComponent("内蒙古")}`)).sort()).toEqual(["李明", "李晓红"].sort());
    expect(await names(`/v1/talents?q=${encodeURIComponent("内蒙古 Python")}`)).toEqual(["李明"]);
    expect(await names(`/v1/talents?q=${encodeURIComponent("会计")}`)).toEqual([]);
  });

  it("combines with filters and pagination", async () => {
    expect(await names(`/v1/talents?q=python&city=1506&limit=1`)).toHaveLength(1);
    const first = (await (await t.call("GET", "/v1/talents?q=python&limit=1", { key: tenant.adminKey })).json()) as { data: { name: string }[]; next_cursor: string };
    const second = (await (await t.call("GET", `/v1/talents?q=python&limit=1&cursor=${first.next_cursor}`, { key: tenant.adminKey })).json()) as {
      data: { name: string }[];
      next_cursor: string | null;
    };
    expect([...first.data, ...second.data].map((r) => r.name).sort()).toEqual(["李明", "王强"].sort());
    expect(second.next_cursor).toBeNull();
    expect(await names(`/v1/talents?q=${encodeURIComponent("内蒙古")}&city=1502`)).toEqual(["李晓红"]);
  });

  it("follows a profile change in the same write", async () => {
    await t.call("PATCH", `/v1/talents/${ids["张伟"] ?? ""}`, { key: tenant.adminKey, body: { skills: ["Python", "风机运维"] } });
    expect((await names("/v1/talents?q=python")).sort()).toEqual(["张伟", "李明", "王强"].sort());
    await t.call("PATCH", `/v1/talents/${ids["张伟"] ?? ""}`, { key: tenant.adminKey, body: { skills: ["风机运维"] } });
    expect((await names("/v1/talents?q=python")).sort()).toEqual(["李明", "王强"].sort());
  });

  it("finds demands by position, skill and employer name", async () => {
    expect(await names(`/v1/demands?q=${encodeURIComponent("化工工艺")}`)).toEqual(["煤化工工艺工程师"]);
    expect(await names(`/v1/demands?q=sql`)).toEqual(["数据分析师"]);
    expect((await names(`/v1/demands?q=${encodeURIComponent("梧桐能源")}`)).sort()).toEqual(["数据分析师", "煤化工工艺工程师"].sort());
    expect(await names(`/v1/demands?q=${encodeURIComponent("梧桐 python")}`)).toEqual(["数据分析师"]);
    expect(await names(`/v1/demands?q=${encodeURIComponent("风电")}&city=1506`)).toEqual(["风机运维技术员"]);
    expect(await names(`/v1/demands?q=${encodeURIComponent("风电")}&city=1502`)).toEqual([]);
  });

  it("refuses a q with nothing to search for", async () => {
    await expectProblem(await t.call("GET", `/v1/talents?q=${encodeURIComponent("！？")}`, { key: tenant.adminKey }), {
      status: 400,
      code: "invalid_parameter",
      errors: [{ path: "q", message: "must contain a word to search for" }],
    });
    await expectProblem(await t.call("GET", `/v1/demands?q=${encodeURIComponent("鄂尔多斯市梧桐能源化工有限公司煤化工工艺工程师")}`, { key: tenant.adminKey }), {
      status: 400,
      code: "invalid_parameter",
      errors: [{ path: "q", message: "must have at most 16 search terms; shorten it" }],
    });
  });
});
