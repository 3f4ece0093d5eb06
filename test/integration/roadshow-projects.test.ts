import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxEvents } from "../../schema/index.ts";
import { keysOf } from "../../workers/data/match-keys.ts";
import { createTestApp, type TestApp } from "../helpers/app.ts";
import { describeAuth } from "../helpers/auth-suite.ts";
import { createKey, createOrganization, createTenant, type TenantFixture } from "../helpers/factories.ts";
import { expectProblem } from "../helpers/problems.ts";
import { createEvent, createTalent, talentKey } from "./roadshow-fixtures.ts";

const PRJ = "prj_01M808K15V9JBEQCZSG5WVZRN0";

describeAuth("POST /v1/projects", createTestApp, { request: () => ({ method: "POST", path: "/v1/projects", body: { title: "x" } }), forbidden: [] });
describeAuth("GET /v1/projects", createTestApp, { request: () => ({ method: "GET", path: "/v1/projects" }), forbidden: [] });
describeAuth("POST /v1/projects/{id}/sign", createTestApp, {
  request: () => ({ method: "POST", path: `/v1/projects/${PRJ}/sign`, body: { intended_investment: 1 } }),
  forbidden: ["enterprise"],
});
describeAuth("GET /v1/projects/{id}/matches", createTestApp, { request: () => ({ method: "GET", path: `/v1/projects/${PRJ}/matches` }), forbidden: [] });

const hydrogen = {
  title: "绿氢制备与储运示范项目",
  summary: "风光制氢、氢气储运与加氢站建设，寻求电解槽与储氢技术合伙人",
  industry_codes: ["4415"],
  skills_sought: ["电解水制氢", "储氢", "氢燃料电池"],
  city: "1506",
  stage: "中试",
  modes: ["full_time", "project"],
  funding_sought: 80_000_000,
};

describe("projects", () => {
  let t: TestApp;
  let tenant: TenantFixture;
  let organizerKey: string;
  let enterprise: { id: string };
  let enterpriseKey: string;
  let otherKey: string;
  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(new Date("2026-07-01T00:00:00Z"));
    tenant = await createTenant(t);
    organizerKey = (await createKey(t, tenant.adminKey, tenant.adminOrganizationId, "organizer")).key;
    enterprise = await createOrganization(t, tenant.adminKey);
    enterpriseKey = (await createKey(t, tenant.adminKey, enterprise.id, "enterprise")).key;
    otherKey = (await createKey(t, tenant.adminKey, (await createOrganization(t, tenant.adminKey)).id, "enterprise")).key;
  });
  afterAll(() => t.close());

  const submit = async (key: string, body: Record<string, unknown>) => {
    const res = await t.call("POST", "/v1/projects", { key, body });
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as Record<string, unknown> & { id: string };
  };

  it("takes a talent's project for itself, indexes it, and shows it to its owner and organizers only", async () => {
    const event = await createEvent(t, organizerKey);
    const lead = await createTalent(t, organizerKey, { team: { name: "氢能团队", size: 5 } });
    const key = await talentKey(t, organizerKey, lead);
    const created = await submit(key, { ...hydrogen, event_id: event.id });
    expect(created).toMatchObject({ ...hydrogen, event_id: event.id, talent_id: lead, organization_id: null, status: "submitted", intended_investment: null });
    expect((await keysOf(t.db, tenant.tenantId, created.id)).length).toBeGreaterThan(0);
    expect(await (await t.call("GET", `/v1/projects/${created.id}`, { key: organizerKey })).json()).toEqual(created);
    await expectProblem(await t.call("GET", `/v1/projects/${created.id}`, { key: enterpriseKey }), {
      status: 404,
      code: "not_found",
      detail: `No project with id '${created.id}'.`,
    });
    // Selected, it is visible to enterprises looking for projects to meet.
    const selected = await t.call("PATCH", `/v1/projects/${created.id}`, { key: organizerKey, body: { status: "selected" } });
    expect(((await selected.json()) as { status: string }).status).toBe("selected");
    const seen = (await (await t.call("GET", `/v1/projects?event_id=${event.id}`, { key: enterpriseKey })).json()) as { data: { id: string }[] };
    expect(seen.data.map((p) => p.id)).toEqual([created.id]);
    await expectProblem(await t.call("PATCH", `/v1/projects/${created.id}`, { key: enterpriseKey, body: { title: "x" } }), {
      status: 403,
      code: "forbidden",
      detail: "Only the project's owner and organizers may change it.",
    });
    await expectProblem(await t.call("PATCH", `/v1/projects/${created.id}`, { key, body: { status: "selected" } }), {
      status: 403,
      code: "forbidden",
      detail: "Only organizers select or reject projects.",
    });
    expect(((await (await t.call("PATCH", `/v1/projects/${created.id}`, { key, body: { status: "withdrawn" } })).json()) as { status: string }).status).toBe("withdrawn");
  });

  it("refuses projects for others and malformed bodies with whole problems", async () => {
    await expectProblem(await t.call("POST", "/v1/projects", { key: enterpriseKey, body: { title: "x", talent_id: await createTalent(t, organizerKey) } }), {
      status: 403,
      code: "forbidden",
      detail: "An enterprise key submits only its own projects.",
    });
    await expectProblem(await t.call("POST", "/v1/projects", { key: organizerKey, body: { title: "x" } }), {
      status: 422,
      code: "validation_failed",
      detail: "The request body has invalid fields.",
      errors: [{ path: "talent_id", message: "give exactly one of talent_id and organization_id" }],
    });
    const bad = await t.call("POST", "/v1/projects", { key: enterpriseKey, body: { title: "", event_id: "evt_1", modes: ["forever"] } });
    await expectProblem(bad, {
      status: 422,
      code: "validation_failed",
      detail: "The request body has invalid fields.",
      errors: [
        { path: "title", message: "must be at least 1 characters long" },
        { path: "event_id", message: "must be an event id (evt_…)" },
        { path: "modes.0", message: "must be one of: full_time, part_time, project, equity, consulting, seasonal, offshore, retired_expert" },
      ],
    });
  });

  it("records a signing once, with the intended investment, and emits project.signed to the organizer, owner and partner", async () => {
    const event = await createEvent(t, organizerKey);
    const project = await submit(enterpriseKey, { ...hydrogen, event_id: event.id });
    const investor = await createOrganization(t, tenant.adminKey);
    const res = await t.call("POST", `/v1/projects/${project.id}/sign`, {
      key: organizerKey,
      body: { intended_investment: 150_000_000, signed_with: investor.id, signed_at: "2026-07-18T08:00:00Z" },
    });
    expect(await res.json()).toMatchObject({ status: "signed", intended_investment: 150_000_000, signed_with: investor.id, signed_at: "2026-07-18T08:00:00.000Z" });
    const events = await t.db.select().from(outboxEvents).where(eq(outboxEvents.subjectId, project.id));
    expect(events).toEqual([
      expect.objectContaining({
        type: "project.signed",
        audience: [tenant.adminOrganizationId, enterprise.id, investor.id],
        payload: { project_id: project.id, event_id: event.id, intended_investment: 150_000_000, signed_with: investor.id, signed_at: "2026-07-18T08:00:00.000Z" },
      }),
    ]);
    await expectProblem(await t.call("POST", `/v1/projects/${project.id}/sign`, { key: organizerKey, body: { intended_investment: 1 } }), {
      status: 409,
      code: "conflict",
      detail: "The project is signed; only submitted or selected projects sign.",
    });
    await expectProblem(await t.call("POST", `/v1/projects/${project.id}/sign`, { key: organizerKey, body: { intended_investment: -5 } }), {
      status: 422,
      code: "validation_failed",
      detail: "The request body has invalid fields.",
      errors: [{ path: "intended_investment", message: "must be at least 0" }],
    });
  });

  it("ranks talents for a project with explanations, contact masked for organizers, and only for owners and organizers", async () => {
    const project = await submit(enterpriseKey, hydrogen);
    const strong = await createTalent(t, organizerKey, {
      phone: "13812345678",
      skills: ["电解水制氢", "储氢", "氢燃料电池"],
      industries: ["4415"],
      summary: "十年氢能项目经验，主持过风光制氢示范",
      desired_cities: ["1506"],
      modes: ["full_time"],
    });
    const weak = await createTalent(t, organizerKey, { skills: ["储氢"], summary: "材料研究" });
    await createTalent(t, organizerKey, { skills: ["会计"], summary: "财务管理" });
    const res = await t.call("GET", `/v1/projects/${project.id}/matches?limit=5`, { key: organizerKey });
    const body = (await res.json()) as { data: { talent: { id: string; phone: string | null; contact_masked: boolean }; score: number; reason_zh: string; components: unknown[] }[]; next_cursor: null };
    expect(res.status).toBe(200);
    const ids = body.data.map((m) => m.talent.id);
    expect(ids[0]).toBe(strong);
    expect(ids).toContain(weak);
    expect(body.data[0]).toMatchObject({ talent: { phone: "138****5678", contact_masked: true }, reason_zh: expect.stringContaining("匹配度") });
    expect(body.data[0]?.score).toBeGreaterThan(body.data[1]?.score ?? 100);
    expect(body.next_cursor).toBeNull();
    const admin = (await (await t.call("GET", `/v1/projects/${project.id}/matches?limit=1`, { key: tenant.adminKey })).json()) as typeof body;
    expect(admin.data[0]?.talent.phone).toBe("13812345678");
    expect((await t.call("GET", `/v1/projects/${project.id}/matches`, { key: enterpriseKey })).status).toBe(200);
    await t.call("PATCH", `/v1/projects/${project.id}`, { key: organizerKey, body: { status: "selected" } });
    await expectProblem(await t.call("GET", `/v1/projects/${project.id}/matches`, { key: otherKey }), {
      status: 403,
      code: "forbidden",
      detail: "Only the project's owner and organizers see its matches.",
    });
    await expectProblem(await t.call("GET", `/v1/projects/${project.id}/matches?limit=0`, { key: organizerKey }), {
      status: 400,
      code: "invalid_parameter",
      detail: "A request parameter is not valid.",
      errors: [{ path: "limit", message: "must be at least 1" }],
    });
  });
});
