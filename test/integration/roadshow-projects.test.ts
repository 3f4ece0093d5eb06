import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxEvents } from "../../schema/index.ts";
import { keysOf } from "../../workers/data/match-keys.ts";
import { createTestApp, type TestApp } from "../helpers/app.ts";
import { describeAuth } from "../helpers/auth-suite.ts";
import { createKey, createOrganization, createTenant, type TenantFixture } from "../helpers/factories.ts";
import { expectProblem } from "../helpers/problems.ts";
import { advanceEvent, createEvent, createTalent, talentKey } from "./roadshow-fixtures.ts";

const PRJ = "prj_01M808K15V9JBEQCZSG5WVZRN0";

const EVT = "evt_01M808K15V9JBEQCZSG5WVZRN0";
const SIGN = { signing_organization_id: "org_01M808K15V9JBEQCZSG5WVZRN0", intended_investment: 1, talents_introduced: [], teams_introduced: [] };

describeAuth("POST /v1/events/{id}/projects", createTestApp, { request: () => ({ method: "POST", path: `/v1/events/${EVT}/projects`, body: { title: "x" } }), forbidden: [] });
describeAuth("POST /v1/projects", createTestApp, { request: () => ({ method: "POST", path: "/v1/projects", body: { title: "x" } }), forbidden: [] });
describeAuth("GET /v1/projects", createTestApp, { request: () => ({ method: "GET", path: "/v1/projects" }), forbidden: [] });
describeAuth("POST /v1/projects/{id}/sign", createTestApp, { request: () => ({ method: "POST", path: `/v1/projects/${PRJ}/sign`, body: SIGN }), forbidden: ["enterprise"] });
describeAuth("POST /v1/projects/{id}/carry-over", createTestApp, {
  request: () => ({ method: "POST", path: `/v1/projects/${PRJ}/carry-over`, body: { event_id: EVT } }),
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
    // The tenant's catalog puts industry 4415 in the 新能源 chain: a project naming no chain gets it.
    const demand = await t.call("POST", "/v1/demands", { key: tenant.adminKey, body: { organization_id: enterprise.id, title: "储能工程师", industry_code: "4415", industry_chain: "新能源" } });
    expect(demand.status, await demand.clone().text()).toBe(201);
  });
  afterAll(() => t.close());

  const submit = async (key: string, body: Record<string, unknown>, eventId?: string) => {
    const res = eventId ? await t.call("POST", `/v1/events/${eventId}/projects`, { key, body }) : await t.call("POST", "/v1/projects", { key, body });
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as Record<string, unknown> & { id: string };
  };
  const move = (id: string, status: string, key = organizerKey) => t.call("PATCH", `/v1/projects/${id}`, { key, body: { status } });
  const moveAll = async (id: string, ...statuses: string[]) => {
    for (const status of statuses) expect((await move(id, status)).status).toBe(200);
  };
  const signBody = async () => ({
    signing_organization_id: (await createOrganization(t, tenant.adminKey)).id,
    intended_investment: 150_000_000,
    talents_introduced: [await createTalent(t, organizerKey), await createTalent(t, organizerKey)],
    teams_introduced: [await createTalent(t, organizerKey, { team: { name: "储能团队", size: 4 } })],
  });

  it("takes a call-for-projects submission with its team and lead, indexes it, and shows it to its owner and organizers only", async () => {
    const event = await createEvent(t, organizerKey);
    const lead = await createTalent(t, organizerKey, { team: { name: "氢能团队", size: 5 } });
    const member = await createTalent(t, organizerKey);
    const key = await talentKey(t, organizerKey, lead);
    const created = await submit(key, { ...hydrogen, team: [member], lead_talent_id: lead }, event.id);
    expect(created).toEqual({
      id: expect.stringMatching(/^prj_/),
      event_id: event.id,
      talent_id: lead,
      organization_id: null,
      ...hydrogen,
      industry_names: ["风力发电"],
      city_name: "鄂尔多斯市",
      industry_chain: "新能源",
      team: [member],
      lead_talent_id: lead,
      status: "submitted",
      signing: null,
      history: [],
      created_at: "2026-07-01T00:00:00.000Z",
      updated_at: "2026-07-01T00:00:00.000Z",
    });
    expect((await keysOf(t.db, tenant.tenantId, created.id)).length).toBeGreaterThan(0);
    expect(await (await t.call("GET", `/v1/projects/${created.id}`, { key: organizerKey })).json()).toEqual(created);
    await expectProblem(await t.call("GET", `/v1/projects/${created.id}`, { key: enterpriseKey }), {
      status: 404,
      code: "not_found",
      detail: `No project with id '${created.id}'.`,
    });
    // Selected, it is visible to enterprises looking for projects to meet.
    expect(((await (await move(created.id, "selected")).json()) as { status: string }).status).toBe("selected");
    const seen = (await (await t.call("GET", `/v1/projects?event_id=${event.id}`, { key: enterpriseKey })).json()) as { data: { id: string }[] };
    expect(seen.data.map((p) => p.id)).toEqual([created.id]);
    await expectProblem(await t.call("PATCH", `/v1/projects/${created.id}`, { key: enterpriseKey, body: { title: "x" } }), {
      status: 403,
      code: "forbidden",
      detail: "Only the project's owner and organizers may change it.",
    });
    await expectProblem(await move(created.id, "pitched", key), { status: 403, code: "forbidden", detail: "Only organizers move a project along; its owner may withdraw it." });
    expect(((await (await move(created.id, "withdrawn", key)).json()) as { status: string }).status).toBe("withdrawn");
  });

  it("lets an organizer submit with the lead as owner; checks every team member and the lead", async () => {
    const event = await createEvent(t, organizerKey);
    const lead = await createTalent(t, organizerKey);
    const owned = await submit(organizerKey, { title: "稀土永磁电机", team: [lead], lead_talent_id: lead, industry_chain: "现代装备制造" }, event.id);
    expect(owned).toMatchObject({ talent_id: lead, organization_id: null, team: [lead], lead_talent_id: lead, industry_chain: "现代装备制造" });
    const elsewhere = await createTenant(t);
    const foreign = await createTalent(t, elsewhere.adminKey);
    const outsider = await createTalent(t, organizerKey);
    await expectProblem(await t.call("POST", `/v1/events/${event.id}/projects`, { key: organizerKey, body: { title: "x", organization_id: enterprise.id, team: [lead, foreign], lead_talent_id: outsider } }), {
      status: 422,
      code: "validation_failed",
      detail: "The request body has invalid fields.",
      errors: [
        { path: "team.1", message: "is not a talent of this tenant" },
        { path: "lead_talent_id", message: "must be a member of team or the project's owner" },
      ],
    });
    await expectProblem(await t.call("POST", `/v1/events/${event.id}/projects`, { key: organizerKey, body: { title: "x", team: [lead, lead, "tal_1"] } }), {
      status: 422,
      code: "validation_failed",
      detail: "The request body has invalid fields.",
      errors: [
        { path: "team.2", message: "must be a talent id (tal_…)" },
        { path: "team", message: "must not repeat a talent" },
      ],
    });
    await expectProblem(await t.call("POST", `/v1/events/${event.id}/projects`, { key: organizerKey, body: { title: "x" } }), {
      status: 422,
      code: "validation_failed",
      detail: "The request body has invalid fields.",
      errors: [{ path: "talent_id", message: "give talent_id, organization_id or lead_talent_id" }],
    });
  });

  it("refuses projects for others, closed calls and malformed bodies with whole problems", async () => {
    await expectProblem(await t.call("POST", "/v1/projects", { key: enterpriseKey, body: { title: "x", talent_id: await createTalent(t, organizerKey) } }), {
      status: 403,
      code: "forbidden",
      detail: "An enterprise key submits only its own projects.",
    });
    const bad = await t.call("POST", "/v1/projects", { key: enterpriseKey, body: { title: "", event_id: "evt_1", modes: ["forever"], signed_with: "x" } });
    await expectProblem(bad, {
      status: 422,
      code: "validation_failed",
      detail: "The request body has invalid fields.",
      errors: [
        { path: "title", message: "must be at least 1 characters long" },
        { path: "event_id", message: "must be an event id (evt_…)" },
        { path: "modes.0", message: "must be one of: full_time, part_time, project, equity, consulting, seasonal, offshore, retired_expert" },
        { path: "signed_with", message: "is not a known field" },
      ],
    });
    const closed = await createEvent(t, organizerKey);
    await advanceEvent(t, organizerKey, closed.id, "closed");
    await expectProblem(await t.call("POST", `/v1/events/${closed.id}/projects`, { key: enterpriseKey, body: { title: "迟到的项目" } }), {
      status: 409,
      code: "conflict",
      detail: "The event is closed; it takes projects while it is open.",
    });
    expect((await submit(organizerKey, { title: "补录项目", organization_id: enterprise.id }, closed.id)).status).toBe("submitted");
    await advanceEvent(t, organizerKey, closed.id, "held");
    await expectProblem(await t.call("POST", `/v1/events/${closed.id}/projects`, { key: organizerKey, body: { title: "x", organization_id: enterprise.id } }), {
      status: 409,
      code: "conflict",
      detail: "The event is held; it takes projects while it is draft or open or closed.",
    });
  });

  it("moves only along submitted → selected → pitched → negotiating, and ends signed or not signed", async () => {
    const event = await createEvent(t, organizerKey);
    const project = await submit(enterpriseKey, hydrogen, event.id);
    await expectProblem(await move(project.id, "negotiating"), { status: 409, code: "conflict", detail: "The project is submitted; it can move to selected or rejected or withdrawn, not negotiating." });
    await expectProblem(await t.call("POST", `/v1/projects/${project.id}/sign`, { key: organizerKey, body: await signBody() }), {
      status: 409,
      code: "conflict",
      detail: "The project is submitted; only a project in negotiation signs.",
    });
    await moveAll(project.id, "selected", "pitched", "negotiating", "not_signed");
    await expectProblem(await move(project.id, "negotiating"), { status: 409, code: "conflict", detail: "The project is not_signed; its status no longer changes." });
    await expectProblem(await t.call("PATCH", `/v1/projects/${project.id}`, { key: organizerKey, body: { status: "signed" } }), {
      status: 422,
      code: "validation_failed",
      detail: "The request body has invalid fields.",
      errors: [{ path: "status", message: "must be one of: selected, pitched, negotiating, not_signed, rejected, withdrawn" }],
    });
    const rejected = await submit(enterpriseKey, hydrogen, event.id);
    await moveAll(rejected.id, "rejected");
    await expectProblem(await move(rejected.id, "withdrawn", enterpriseKey), { status: 409, code: "conflict", detail: "The project is rejected; its status no longer changes." });
  });

  it("records a signing once (organization, investment, talents and teams) and emits project.signed to the organizer, owner and partner", async () => {
    const event = await createEvent(t, organizerKey);
    const project = await submit(enterpriseKey, hydrogen, event.id);
    await moveAll(project.id, "selected", "pitched", "negotiating");
    const body = await signBody();
    const res = await t.call("POST", `/v1/projects/${project.id}/sign`, { key: organizerKey, body: { ...body, signed_at: "2026-07-18T08:00:00Z" } });
    const signing = { ...body, signed_at: "2026-07-18T08:00:00.000Z" };
    expect(await res.json()).toMatchObject({ status: "signed", signing });
    const events = await t.db.select().from(outboxEvents).where(eq(outboxEvents.subjectId, project.id));
    expect(events).toEqual([
      expect.objectContaining({
        type: "project.signed",
        audience: [tenant.adminOrganizationId, enterprise.id, body.signing_organization_id],
        payload: { project_id: project.id, event_id: event.id, ...signing },
      }),
    ]);
    await expectProblem(await t.call("POST", `/v1/projects/${project.id}/sign`, { key: organizerKey, body }), {
      status: 409,
      code: "conflict",
      detail: "The project is signed; only a project in negotiation signs.",
    });
  });

  it("settles racing signings to one: one 200, one project.signed", async () => {
    const project = await submit(enterpriseKey, hydrogen, (await createEvent(t, organizerKey)).id);
    await moveAll(project.id, "selected", "pitched", "negotiating");
    const body = await signBody();
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => t.call("POST", `/v1/projects/${project.id}/sign`, { key: organizerKey, body: { ...body, intended_investment: i + 1 } })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
    const events = await t.db.select().from(outboxEvents).where(eq(outboxEvents.subjectId, project.id));
    expect(events).toHaveLength(1);
    const winner = (await results.find((r) => r.status === 200)?.json()) as { signing: { intended_investment: number } };
    expect((events[0]?.payload as { intended_investment: number }).intended_investment).toBe(winner.signing.intended_investment);
  });

  it("refuses signings naming what is not in the tenant, or a team that is not a team, with whole problems", async () => {
    const project = await submit(enterpriseKey, hydrogen, (await createEvent(t, organizerKey)).id);
    await moveAll(project.id, "selected", "pitched", "negotiating");
    const solo = await createTalent(t, organizerKey);
    const foreign = await createTalent(t, (await createTenant(t)).adminKey);
    await expectProblem(
      await t.call("POST", `/v1/projects/${project.id}/sign`, {
        key: organizerKey,
        body: { signing_organization_id: "org_01M808K15V9JBEQCZSG5WVZRN0", intended_investment: 5, talents_introduced: [solo, foreign], teams_introduced: [solo] },
      }),
      {
        status: 422,
        code: "validation_failed",
        detail: "The request body has invalid fields.",
        errors: [
          { path: "signing_organization_id", message: "is not an organization of this tenant" },
          { path: "talents_introduced.1", message: "is not a talent of this tenant" },
          { path: "teams_introduced.0", message: "has no team on its profile" },
        ],
      },
    );
    await expectProblem(await t.call("POST", `/v1/projects/${project.id}/sign`, { key: organizerKey, body: { intended_investment: -5 } }), {
      status: 422,
      code: "validation_failed",
      detail: "The request body has invalid fields.",
      errors: [
        { path: "signing_organization_id", message: "is required" },
        { path: "intended_investment", message: "must be at least 0" },
        { path: "talents_introduced", message: "is required" },
        { path: "teams_introduced", message: "is required" },
      ],
    });
  });

  it("carries an unsigned project into a later event with its history, and refuses what may not move", async () => {
    const july = await createEvent(t, organizerKey);
    const august = await createEvent(t, organizerKey, { status: "draft", starts_at: "2026-08-20T01:00:00Z", ends_at: "2026-08-20T09:00:00Z", meeting_slots: [] });
    const june = await createEvent(t, organizerKey, { starts_at: "2026-06-20T01:00:00Z", ends_at: "2026-06-20T09:00:00Z", meeting_slots: [] });
    const project = await submit(enterpriseKey, hydrogen, july.id);
    const carry = (id: string, eventId: string) => t.call("POST", `/v1/projects/${id}/carry-over`, { key: organizerKey, body: { event_id: eventId } });
    await moveAll(project.id, "selected");
    await expectProblem(await carry(project.id, august.id), {
      status: 409,
      code: "conflict",
      detail: "The project is still selected in an event that is open; it carries over once it ends not signed or the event has been held.",
    });
    await moveAll(project.id, "pitched", "not_signed");
    await expectProblem(await carry(project.id, july.id), { status: 409, code: "conflict", detail: "The project is already in this event." });
    await expectProblem(await carry(project.id, june.id), {
      status: 422,
      code: "validation_failed",
      detail: "The request body has invalid fields.",
      errors: [{ path: "event_id", message: "must start after the project's current event (2026-07-18T01:00:00.000Z)" }],
    });
    t.setNow(new Date("2026-07-20T00:00:00Z"));
    const res = await carry(project.id, august.id);
    expect(await res.json()).toMatchObject({ event_id: august.id, status: "submitted", history: [{ event_id: july.id, status: "not_signed", at: "2026-07-20T00:00:00.000Z" }] });
    t.setNow(new Date("2026-07-01T00:00:00Z"));
    // A project still open when its event has been held carries over too; signed and withdrawn ones do not.
    const open = await submit(enterpriseKey, hydrogen, june.id);
    await moveAll(open.id, "selected");
    await advanceEvent(t, organizerKey, june.id, "held");
    expect(((await (await carry(open.id, august.id)).json()) as { history: unknown[] }).history).toEqual([{ event_id: june.id, status: "selected", at: "2026-07-01T00:00:00.000Z" }]);
    const withdrawn = await submit(enterpriseKey, hydrogen, july.id);
    await moveAll(withdrawn.id, "withdrawn");
    await expectProblem(await carry(withdrawn.id, august.id), { status: 409, code: "conflict", detail: "The project is withdrawn; only unsigned projects carry over." });
    const rejected = await submit(enterpriseKey, hydrogen, july.id);
    await moveAll(rejected.id, "rejected");
    await advanceEvent(t, organizerKey, august.id, "held");
    await expectProblem(await carry(rejected.id, august.id), { status: 409, code: "conflict", detail: "The event is held; it takes projects while it is draft or open." });
    await expectProblem(await t.call("POST", `/v1/projects/${rejected.id}/carry-over`, { key: organizerKey, body: { event_id: "x" } }), {
      status: 422,
      code: "validation_failed",
      detail: "The request body has invalid fields.",
      errors: [{ path: "event_id", message: "must be an event id (evt_…)" }],
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
