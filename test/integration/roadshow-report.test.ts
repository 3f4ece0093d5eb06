import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.ts";
import { describeAuth } from "../helpers/auth-suite.ts";
import { createKey, createOrganization, createTenant, type TenantFixture } from "../helpers/factories.ts";
import { expectProblem } from "../helpers/problems.ts";
import { advanceEvent, createEvent, createTalent, signUp } from "./roadshow-fixtures.ts";

describeAuth("GET /v1/reports", createTestApp, { request: () => ({ method: "GET", path: "/v1/reports?quarter=2026Q3" }), forbidden: ["enterprise"] });
describeAuth("GET /v1/events/{id}/report", createTestApp, {
  request: () => ({ method: "GET", path: "/v1/events/evt_01M808K15V9JBEQCZSG5WVZRN0/report" }),
  forbidden: ["enterprise"],
});

const HEADER = "范围,活动编号,活动名称,开始时间,产业链,征集项目数,入选项目数,路演项目数,签约项目数,签约意向金额（元）,引进人才数,引进团队数,报名人才数,报名团队数,报名企业数,报名投资机构数,签到人数,未到场人数,洽谈场次（已安排）,洽谈场次（已举行）";

/**
 * Known data, figures by hand. July (held): five projects — p1 新能源 signed (50,000,000 yuan,
 * talents A and B, team T), p2 新能源 pitched then not signed (carried to September since), p3
 * 新材料 selected, p4 without chain submitted, p5 新材料 rejected; seats talent A B C, team T,
 * enterprise E, investor I; A, B, T and E checked in (C and I did not come); meetings A–E, B–I,
 * C–E, of which only A–E had both sides there. September (open): p2 carried in, and p6 新能源
 * signed (20,000,000 yuan, talent A again). November: p7 signed for 9 yuan.
 */
describe("roadshow reports", () => {
  let t: TestApp;
  let tenant: TenantFixture;
  let organizerKey: string;
  let july: { id: string; name: string };
  let september: { id: string; name: string };
  let meetingsPlanned = 0;
  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(new Date("2026-07-01T00:00:00Z"));
    tenant = await createTenant(t);
    organizerKey = (await createKey(t, tenant.adminKey, tenant.adminOrganizationId, "organizer")).key;
    july = (await createEvent(t, organizerKey, { name: "七月路演, \"城市合伙人\"" })) as { id: string; name: string };
    september = (await createEvent(t, organizerKey, { name: "九月路演", starts_at: "2026-09-10T01:00:00Z", ends_at: "2026-09-10T09:00:00Z", meeting_slots: [] })) as { id: string; name: string };
    const november = await createEvent(t, organizerKey, { starts_at: "2026-11-02T01:00:00Z", ends_at: "2026-11-02T09:00:00Z", meeting_slots: [] });
    const e = await createOrganization(t, tenant.adminKey);
    const i = await createOrganization(t, tenant.adminKey, { kind: "enterprise" });
    const [a, b, c] = [await createTalent(t, organizerKey), await createTalent(t, organizerKey), await createTalent(t, organizerKey)];
    const team = await createTalent(t, organizerKey, { team: { name: "储能团队", size: 4 } });

    const call = async (method: string, path: string, body?: unknown) => {
      const res = await t.call(method, path, { key: organizerKey, body });
      expect(res.status, await res.clone().text()).toBeLessThan(300);
      return (await res.json()) as { id: string; meetings?: unknown[] };
    };
    const project = async (eventId: string, chain: string | null, ...moves: string[]) => {
      const p = await call("POST", `/v1/events/${eventId}/projects`, { title: "项目", organization_id: e.id, ...(chain ? { industry_chain: chain } : {}) });
      for (const status of moves) await call("PATCH", `/v1/projects/${p.id}`, { status });
      return p.id;
    };
    const sign = (id: string, investment: number, talents: string[], teams: string[]) =>
      call("POST", `/v1/projects/${id}/sign`, { signing_organization_id: i.id, intended_investment: investment, talents_introduced: talents, teams_introduced: teams });

    await sign(await project(july.id, "新能源", "selected", "pitched", "negotiating"), 50_000_000, [a, b], [team]);
    const p2 = await project(july.id, "新能源", "selected", "pitched", "not_signed");
    await project(july.id, "新材料", "selected");
    await project(july.id, null);
    await project(july.id, "新材料", "rejected");

    const seats = [
      await signUp(t, organizerKey, july.id, { talent_id: a }),
      await signUp(t, organizerKey, july.id, { talent_id: b }),
      await signUp(t, organizerKey, july.id, { talent_id: c }),
      await signUp(t, organizerKey, july.id, { talent_id: team, role: "team" }),
      await signUp(t, organizerKey, july.id, { organization_id: e.id, role: "enterprise" }),
      await signUp(t, organizerKey, july.id, { organization_id: i.id, role: "investor" }),
    ];
    for (const [x, y] of [
      [a, e.id],
      [b, i.id],
      [c, e.id],
    ] as const) {
      await call("POST", `/v1/events/${july.id}/meeting-requests`, { from: { kind: "talent", id: x }, to: { kind: "organization", id: y } });
    }
    meetingsPlanned = (await call("POST", `/v1/events/${july.id}/meeting-plans`)).meetings?.length ?? 0;
    for (const s of [seats[0], seats[1], seats[3], seats[4]]) await call("POST", `/v1/events/${july.id}/check-ins`, { code: s?.check_in_code });
    await advanceEvent(t, organizerKey, july.id, "held");

    await call("POST", `/v1/projects/${p2}/carry-over`, { event_id: september.id });
    await sign(await project(september.id, "新能源", "selected", "pitched", "negotiating"), 20_000_000, [a], []);
    await sign(await project(november.id, null, "selected", "pitched", "negotiating"), 9, [], []);
  });
  afterAll(() => t.close());

  const zeroProjects = { projects_selected: 0, projects_pitched: 0, projects_signed: 0, intended_investment: 0, talents_introduced: 0, teams_introduced: 0 };
  const julyFigures = {
    projects_solicited: 5,
    projects_selected: 3,
    projects_pitched: 2,
    projects_signed: 1,
    intended_investment: 50_000_000,
    talents_introduced: 2,
    teams_introduced: 1,
    signups: { talent: 3, team: 1, enterprise: 1, investor: 1 },
    check_ins: 4,
    no_shows: 2,
    meetings_scheduled: 3,
    meetings_held: 1,
  };

  it("reports an event's figures from known data, with projects carried over since counted where they were, by industry chain", async () => {
    expect(meetingsPlanned).toBe(3);
    const res = await t.call("GET", `/v1/events/${july.id}/report`, { key: organizerKey });
    expect(await res.json()).toEqual({
      event: { id: july.id, name: july.name, starts_at: "2026-07-18T01:00:00.000Z", status: "held", city_code: "1506" },
      figures: julyFigures,
      by_industry_chain: [
        { industry_chain: "新材料", projects_solicited: 2, ...zeroProjects, projects_selected: 1 },
        { industry_chain: "新能源", projects_solicited: 2, projects_selected: 2, projects_pitched: 2, projects_signed: 1, intended_investment: 50_000_000, talents_introduced: 2, teams_introduced: 1 },
        { industry_chain: null, projects_solicited: 1, ...zeroProjects },
      ],
    });
    const csv = await t.call("GET", `/v1/events/${july.id}/report?format=csv`, { key: organizerKey });
    expect(csv.headers.get("content-disposition")).toBe(`attachment; filename="event-${july.id}.csv"`);
    const name = '"七月路演, ""城市合伙人"""';
    expect((await csv.text()).replace(/^\uFEFF/, "").split("\r\n")).toEqual([
      HEADER,
      `活动,${july.id},${name},2026-07-18T01:00:00.000Z,,5,3,2,1,50000000,2,1,3,1,1,1,4,2,3,1`,
      `产业链,${july.id},${name},,新材料,2,1,0,0,0,0,0,,,,,,,,`,
      `产业链,${july.id},${name},,新能源,2,2,2,1,50000000,2,1,,,,,,,,`,
      `产业链,${july.id},${name},,未分类,1,0,0,0,0,0,0,,,,,,,,`,
      "",
    ]);
  });

  it("counts no-shows and meetings held only once the event is held", async () => {
    const report = (await (await t.call("GET", `/v1/events/${september.id}/report`, { key: organizerKey })).json()) as { figures: Record<string, unknown> };
    expect(report.figures).toEqual({
      projects_solicited: 2,
      projects_selected: 1,
      projects_pitched: 1,
      projects_signed: 1,
      intended_investment: 20_000_000,
      talents_introduced: 1,
      teams_introduced: 0,
      signups: { talent: 0, team: 0, enterprise: 0, investor: 0 },
      check_ins: 0,
      no_shows: 0,
      meetings_scheduled: 0,
      meetings_held: 0,
    });
  });

  it("reports the quarter: each event, totals counting projects and people once, and chains", async () => {
    const september_ = {
      event: { id: september.id, name: "九月路演", starts_at: "2026-09-10T01:00:00.000Z", status: "open", city_code: "1506" },
      figures: expect.objectContaining({ projects_solicited: 2, projects_signed: 1 }),
    };
    const body = (await (await t.call("GET", "/v1/reports?quarter=2026Q3", { key: organizerKey })).json()) as Record<string, unknown>;
    expect(body).toEqual({
      quarter: "2026Q3",
      events: [{ event: { id: july.id, name: july.name, starts_at: "2026-07-18T01:00:00.000Z", status: "held", city_code: "1506" }, figures: julyFigures }, september_],
      totals: {
        events: 2,
        projects_solicited: 6,
        projects_selected: 4,
        projects_pitched: 3,
        projects_signed: 2,
        intended_investment: 70_000_000,
        talents_introduced: 2,
        teams_introduced: 1,
        signups: { talent: 3, team: 1, enterprise: 1, investor: 1 },
        check_ins: 4,
        no_shows: 2,
        meetings_scheduled: 3,
        meetings_held: 1,
      },
      by_industry_chain: [
        { industry_chain: "新能源", projects_solicited: 3, projects_selected: 3, projects_pitched: 3, projects_signed: 2, intended_investment: 70_000_000, talents_introduced: 2, teams_introduced: 1 },
        { industry_chain: "新材料", projects_solicited: 2, ...zeroProjects, projects_selected: 1 },
        { industry_chain: null, projects_solicited: 1, ...zeroProjects },
      ],
    });
    // The earlier path answers the same.
    expect(await (await t.call("GET", "/v1/reports/roadshows?quarter=2026Q3", { key: organizerKey })).json()).toEqual(body);
    const q4 = (await (await t.call("GET", "/v1/reports?quarter=2026Q4", { key: organizerKey })).json()) as { totals: Record<string, number> };
    expect(q4.totals).toMatchObject({ events: 1, projects_signed: 1, intended_investment: 9 });
    // Without a quarter: the clock's (2026-07-01 is in Q3).
    expect(((await (await t.call("GET", "/v1/reports", { key: tenant.adminKey })).json()) as { quarter: string }).quarter).toBe("2026Q3");
  });

  it("answers the quarter as CSV with Chinese headers, a 合计 row and chain rows, by query or by Accept", async () => {
    const res = await t.call("GET", "/v1/reports?quarter=2026Q3&format=csv", { key: organizerKey });
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="roadshows-2026Q3.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3)).split("\r\n")).toEqual([
      HEADER,
      `活动,${july.id},"七月路演, ""城市合伙人""",2026-07-18T01:00:00.000Z,,5,3,2,1,50000000,2,1,3,1,1,1,4,2,3,1`,
      `活动,${september.id},九月路演,2026-09-10T01:00:00.000Z,,2,1,1,1,20000000,1,0,0,0,0,0,0,0,0,0`,
      "合计,,2026Q3（2 场）,,,6,4,3,2,70000000,2,1,3,1,1,1,4,2,3,1",
      "产业链,,,,新能源,3,3,3,2,70000000,2,1,,,,,,,,",
      "产业链,,,,新材料,2,1,0,0,0,0,0,,,,,,,,",
      "产业链,,,,未分类,1,0,0,0,0,0,0,,,,,,,,",
      "",
    ]);
    const byAccept = await t.call("GET", "/v1/reports?quarter=2026Q3", { key: organizerKey, headers: { accept: "text/csv" } });
    expect(byAccept.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  });

  it("refuses a quarter that does not exist, and an unknown format", async () => {
    for (const quarter of ["2026Q5", "2026-Q3", "26Q1"]) {
      await expectProblem(await t.call("GET", `/v1/reports?quarter=${quarter}`, { key: organizerKey }), {
        status: 400,
        code: "invalid_parameter",
        detail: "A request parameter is not valid.",
        errors: [{ path: "quarter", message: "must be a quarter like 2026Q3 (Q1–Q4)" }],
      });
    }
    await expectProblem(await t.call("GET", `/v1/events/${july.id}/report?format=pdf`, { key: organizerKey }), {
      status: 400,
      code: "invalid_parameter",
      detail: "A request parameter is not valid.",
      errors: [{ path: "format", message: "must be one of: json, csv, xlsx" }],
    });
  });
});
