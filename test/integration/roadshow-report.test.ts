import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.ts";
import { describeAuth } from "../helpers/auth-suite.ts";
import { createKey, createOrganization, createTenant, type TenantFixture } from "../helpers/factories.ts";
import { expectProblem } from "../helpers/problems.ts";
import { createEvent, createTalent, signUp } from "./roadshow-fixtures.ts";

describeAuth("GET /v1/reports/roadshows", createTestApp, { request: () => ({ method: "GET", path: "/v1/reports/roadshows?quarter=2026Q3" }), forbidden: ["enterprise"] });

describe("quarterly roadshow report", () => {
  let t: TestApp;
  let tenant: TenantFixture;
  let organizerKey: string;
  let july: { id: string } & Record<string, unknown>;
  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(new Date("2026-07-01T00:00:00Z"));
    tenant = await createTenant(t);
    organizerKey = (await createKey(t, tenant.adminKey, tenant.adminOrganizationId, "organizer")).key;
    july = await createEvent(t, organizerKey, { title: "七月路演, \"城市合伙人\"" });
    const november = await createEvent(t, organizerKey, { starts_at: "2026-11-02T01:00:00Z", ends_at: "2026-11-02T09:00:00Z" });
    const org = await createOrganization(t, tenant.adminKey);
    const project = async (eventId: string) => {
      const res = await t.call("POST", "/v1/projects", { key: organizerKey, body: { title: "项目", event_id: eventId, organization_id: org.id } });
      return ((await res.json()) as { id: string }).id;
    };
    const [p1, p2] = [await project(july.id), await project(july.id), await project(july.id)];
    await t.call("PATCH", `/v1/projects/${p1}`, { key: organizerKey, body: { status: "selected" } });
    await t.call("POST", `/v1/projects/${p2}/sign`, { key: organizerKey, body: { intended_investment: 50_000_000 } });
    const p4 = await project(november.id);
    await t.call("POST", `/v1/projects/${p4}/sign`, { key: organizerKey, body: { intended_investment: 9 } });
    const checkIn = async (role: "talent" | "team") => {
      const s = await signUp(t, organizerKey, july.id, { talent_id: await createTalent(t, organizerKey), role });
      await t.call("POST", `/v1/events/${july.id}/check-ins`, { key: organizerKey, body: { code: s.check_in_code } });
    };
    await checkIn("talent");
    await checkIn("talent");
    await checkIn("team");
    await signUp(t, organizerKey, july.id, { talent_id: await createTalent(t, organizerKey) });
  });
  afterAll(() => t.close());

  const figures = {
    projects_solicited: 3,
    projects_selected: 2,
    projects_signed: 1,
    intended_investment: 50_000_000,
    confirmed_signups: 4,
    checked_in: 3,
    talents_introduced: 2,
    teams_introduced: 1,
    meetings_scheduled: 0,
  };

  it("counts the quarter's events in the organizers' figures", async () => {
    const res = await t.call("GET", "/v1/reports/roadshows?quarter=2026Q3", { key: organizerKey });
    expect(await res.json()).toEqual({
      quarter: "2026Q3",
      events: [{ event_id: july.id, title: july.title, starts_at: "2026-07-18T01:00:00.000Z", ...figures }],
      totals: { events: 1, ...figures },
    });
    const q4 = (await (await t.call("GET", "/v1/reports/roadshows?quarter=2026Q4", { key: organizerKey })).json()) as { totals: Record<string, number> };
    expect(q4.totals).toMatchObject({ events: 1, projects_signed: 1, intended_investment: 9 });
    // Without a quarter: the clock's (2026-07-01 is in Q3).
    expect(((await (await t.call("GET", "/v1/reports/roadshows", { key: tenant.adminKey })).json()) as { quarter: string }).quarter).toBe("2026Q3");
  });

  it("answers CSV with Chinese headers and a 合计 row, by query or by Accept", async () => {
    const res = await t.call("GET", "/v1/reports/roadshows?quarter=2026Q3&format=csv", { key: organizerKey });
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="roadshows-2026Q3.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3)).split("\r\n")).toEqual([
      "活动编号,活动名称,开始时间,征集项目数,入选项目数,签约项目数,签约意向金额（元）,确认报名数,签到人数,引进人才数,引进团队数,洽谈场次",
      `${july.id},"七月路演, ""城市合伙人""",2026-07-18T01:00:00.000Z,3,2,1,50000000,4,3,2,1,0`,
      "合计,2026Q3（1 场）,,3,2,1,50000000,4,3,2,1,0",
      "",
    ]);
    const byAccept = await t.call("GET", "/v1/reports/roadshows?quarter=2026Q3", { key: organizerKey, headers: { accept: "text/csv" } });
    expect(byAccept.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  });

  it("refuses a quarter that does not exist", async () => {
    for (const quarter of ["2026Q5", "2026-Q3", "26Q1"]) {
      await expectProblem(await t.call("GET", `/v1/reports/roadshows?quarter=${quarter}`, { key: organizerKey }), {
        status: 400,
        code: "invalid_parameter",
        detail: "A request parameter is not valid.",
        errors: [{ path: "quarter", message: "must be a quarter like 2026Q3 (Q1–Q4)" }],
      });
    }
    await expectProblem(await t.call("GET", "/v1/reports/roadshows?format=xlsx", { key: organizerKey }), {
      status: 400,
      code: "invalid_parameter",
      detail: "A request parameter is not valid.",
      errors: [{ path: "format", message: "must be one of: json, csv" }],
    });
  });
});
