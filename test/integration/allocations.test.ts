import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.ts";
import { describeAuth } from "../helpers/auth-suite.ts";
import { createOrganization, createTenant, type TenantFixture } from "../helpers/factories.ts";
import { expectProblem } from "../helpers/problems.ts";
import { createDemand, createTalent } from "../helpers/profiles.ts";

interface Allocation {
  id: string;
  status: string;
  counts: { demands: number; talents: number; seats: number; assigned: number } | null;
  assignments: { demand_id: string; talent_id: string; score: number; demand_rank: number; talent_rank: number; reason_zh: string }[];
  unfilled: { demand_id: string; open_seats: number; reason: string }[];
  unmatched_talents: { talent_id: string; reason: string }[];
}

describeAuth("POST /v1/catalogs/{id}/allocations", createTestApp, {
  request: () => ({ method: "POST", path: "/v1/catalogs/cat_01M808K15V9JBEQCZSG5WVZRN0/allocations", body: {} }),
  forbidden: ["enterprise"],
});

describe("catalog allocation", () => {
  let t: TestApp;
  let tenant: TenantFixture;
  let catalogId: string;
  const demandIds: string[] = [];
  beforeAll(async () => {
    t = await createTestApp();
    tenant = await createTenant(t);
    const org = await createOrganization(t, tenant.adminKey);
    catalogId = ((await (await t.call("POST", "/v1/catalogs", { key: tenant.adminKey, body: { name: "目录", year: 2026 } })).json()) as { id: string }).id;
    const lines = [
      { title: "煤气化工程师", industry_code: "2522", required_skills: ["煤气化"], headcount: 2 },
      { title: "风电运维", industry_code: "4415", required_skills: ["风机运维"], headcount: 1 },
      { title: "羊绒设计师", industry_code: "1722", required_skills: ["面料设计"], headcount: 3 },
    ];
    for (const l of lines) demandIds.push((await createDemand(t, tenant.adminKey, org.id, { ...l, catalog_id: catalogId, city: "1506" })).id);
    const skills = [["煤气化"], ["煤气化"], ["煤气化"], ["风机运维"], ["风机运维", "煤气化"], ["面料设计"]];
    for (const [i, s] of skills.entries()) {
      await createTalent(t, tenant.adminKey, { name: `人才${i}`, skills: s, city: "1506", industries: s.includes("面料设计") ? ["1722"] : s.includes("风机运维") ? ["4415"] : ["2522"] });
    }
    await t.jobs.drain();
  });
  afterAll(() => t.close());

  it("allocates within capacity, stably, and explains what stayed open", async () => {
    const res = await t.call("POST", `/v1/catalogs/${catalogId}/allocations`, { key: tenant.adminKey, body: { list_length: 20 } });
    expect(res.status).toBe(202);
    const started = (await res.json()) as Allocation;
    expect(started.status).toBe("running");
    expect(res.headers.get("location")).toBe(`/v1/allocations/${started.id}`);
    await t.jobs.drain();
    const done = (await (await t.call("GET", `/v1/allocations/${started.id}`, { key: tenant.adminKey })).json()) as Allocation;
    expect(done.status).toBe("done");
    expect(done.counts).toMatchObject({ demands: 3, seats: 6 });
    const perDemand = new Map<string, number>();
    for (const a of done.assignments) perDemand.set(a.demand_id, (perDemand.get(a.demand_id) ?? 0) + 1);
    expect(perDemand.get(demandIds[0] ?? "") ?? 0).toBeLessThanOrEqual(2);
    expect(perDemand.get(demandIds[1] ?? "") ?? 0).toBeLessThanOrEqual(1);
    const talentsAssigned = done.assignments.map((a) => a.talent_id);
    expect(new Set(talentsAssigned).size).toBe(talentsAssigned.length);
    expect(done.assignments.length).toBe(done.counts?.assigned);
    expect(done.assignments.every((a) => a.reason_zh.length > 0 && a.score > 0)).toBe(true);
    // The wool line has 3 seats and one designer: seats stay open, and the report says why.
    expect(done.unfilled.find((u) => u.demand_id === demandIds[2])?.open_seats).toBe(2);
    // Three gasification talents for two seats: one stays unmatched, outranked.
    expect(done.unmatched_talents.length).toBeGreaterThan(0);
  });

  it("gives the same assignments when run again on unchanged data", async () => {
    const run = async () => {
      const { id } = (await (await t.call("POST", `/v1/catalogs/${catalogId}/allocations`, { key: tenant.adminKey, body: {} })).json()) as Allocation;
      await t.jobs.drain();
      const done = (await (await t.call("GET", `/v1/allocations/${id}`, { key: tenant.adminKey })).json()) as Allocation;
      return done.assignments.map((a) => `${a.demand_id}:${a.talent_id}`).sort();
    };
    const first = await run();
    expect(first.length).toBeGreaterThan(0);
    expect(await run()).toEqual(first);
  });

  it("serves the result as CSV with Chinese headers", async () => {
    const { id } = (await (await t.call("POST", `/v1/catalogs/${catalogId}/allocations`, { key: tenant.adminKey, body: {} })).json()) as Allocation;
    await t.jobs.drain();
    const res = await t.call("GET", `/v1/allocations/${id}?format=csv`, { key: tenant.adminKey });
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith("单位名称,岗位编号,岗位名称,人才编号,人才姓名,匹配度")).toBe(true);
    expect(text).toContain("煤气化工程师");
    expect(text.trim().split("\r\n").length).toBeGreaterThan(1);
  });

  it("answers 404 for another tenant's catalog and allocation, 422 for a bad list length", async () => {
    const other = await createTenant(t);
    await expectProblem(await t.call("POST", `/v1/catalogs/${catalogId}/allocations`, { key: other.adminKey, body: {} }), { status: 404, code: "not_found" });
    const { id } = (await (await t.call("POST", `/v1/catalogs/${catalogId}/allocations`, { key: tenant.adminKey, body: {} })).json()) as Allocation;
    await t.jobs.drain();
    await expectProblem(await t.call("GET", `/v1/allocations/${id}`, { key: other.adminKey }), { status: 404, code: "not_found" });
    await expectProblem(await t.call("POST", `/v1/catalogs/${catalogId}/allocations`, { key: tenant.adminKey, body: { list_length: 1 } }), {
      status: 422,
      code: "validation_failed",
      errors: [{ path: "list_length", message: "must be at least 5" }],
    });
  });
});
