import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxEvents } from "../../schema/index.ts";
import { meetings } from "../../schema/tables/roadshows.ts";
import { createTestApp, type TestApp } from "../helpers/app.ts";
import { describeAuth } from "../helpers/auth-suite.ts";
import { createKey, createOrganization, createTenant, type TenantFixture } from "../helpers/factories.ts";
import { expectProblem } from "../helpers/problems.ts";
import { createEvent, createTalent, SLOTS, signUp, talentKey } from "./roadshow-fixtures.ts";

const EVT = "evt_01M808K15V9JBEQCZSG5WVZRN0";
describeAuth("POST /v1/events/{id}/meeting-plans", createTestApp, { request: () => ({ method: "POST", path: `/v1/events/${EVT}/meeting-plans` }), forbidden: ["enterprise"] });
describeAuth("POST /v1/events/{id}/meeting-requests", createTestApp, {
  request: () => ({ method: "POST", path: `/v1/events/${EVT}/meeting-requests`, body: { from: { kind: "talent", id: "tal_01M808K15V9JBEQCZSG5WVZRN0" }, to: { kind: "organization", id: "org_01M808K15V9JBEQCZSG5WVZRN0" } } }),
  forbidden: [],
});
describeAuth("GET /v1/events/{id}/meetings", createTestApp, { request: () => ({ method: "GET", path: `/v1/events/${EVT}/meetings` }), forbidden: [] });

interface Plan {
  id: string;
  meetings: { id: string; starts_at: string; ends_at: string; table: string; a: { id: string; name: string | null }; b: { id: string; name: string | null }; mutual: boolean; score: number | null; priority: number }[];
  left_out: { a: { id: string }; b: { id: string }; reason: string; priority: number }[];
  total_priority: number;
  upper_bound: number;
}

describe("1:1 meetings", () => {
  let t: TestApp;
  let tenant: TenantFixture;
  let organizerKey: string;
  let event: { id: string };
  let host: { id: string; name: string };
  let hostKey: string;
  let investor: { id: string };
  let t1: string;
  let t1Key: string;
  let t2: string;
  let waiting: string;
  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(new Date("2026-07-01T00:00:00Z"));
    tenant = await createTenant(t);
    organizerKey = (await createKey(t, tenant.adminKey, tenant.adminOrganizationId, "organizer")).key;
    host = await createOrganization(t, tenant.adminKey);
    hostKey = (await createKey(t, tenant.adminKey, host.id, "enterprise")).key;
    investor = await createOrganization(t, tenant.adminKey);
    await t.call("POST", "/v1/demands", {
      key: hostKey,
      body: { title: "氢能工艺工程师", required_skills: ["电解水制氢", "储氢"], industry_code: "4415", city: "1506", status: "open" },
    });
    event = await createEvent(t, organizerKey, { tables: ["A1"], capacity: { talent: 2, enterprise: 1, investor: 1 } });
    t1 = await createTalent(t, organizerKey, { skills: ["电解水制氢", "储氢"], industries: ["4415"], desired_cities: ["1506"] });
    t2 = await createTalent(t, organizerKey, { skills: ["会计"] });
    waiting = await createTalent(t, organizerKey);
    t1Key = await talentKey(t, organizerKey, t1);
    await signUp(t, t1Key, event.id, { availability: [SLOTS[0], SLOTS[1]] });
    await signUp(t, organizerKey, event.id, { talent_id: t2 });
    await signUp(t, hostKey, event.id);
    await signUp(t, organizerKey, event.id, { organization_id: investor.id, role: "investor" });
    expect((await signUp(t, organizerKey, event.id, { talent_id: waiting })).status).toBe("waitlisted");
  });
  afterAll(() => t.close());

  const ask = (key: string, from: [string, string], to: [string, string], priority?: number) =>
    t.call("POST", `/v1/events/${event.id}/meeting-requests`, {
      key,
      body: { from: { kind: from[0], id: from[1] }, to: { kind: to[0], id: to[1] }, ...(priority ? { priority } : {}) },
    });

  it("records requests; the second direction makes the pair mutual", async () => {
    const first = await ask(t1Key, ["talent", t1], ["organization", host.id], 5);
    expect(await first.json()).toMatchObject({ from: { kind: "talent", id: t1, party: t1 }, to: { id: host.id, name: host.name }, priority: 5, mutual: false });
    const back = await ask(hostKey, ["organization", host.id], ["talent", t1]);
    expect(await back.json()).toMatchObject({ mutual: true, priority: 3 });
    for (const [from, to] of [
      [["talent", t2], ["organization", host.id]],
      [["organization", investor.id], ["talent", t1]],
      [["organization", investor.id], ["talent", t2]],
    ] as [[string, string], [string, string]][]) {
      expect((await ask(organizerKey, from, to)).status).toBe(201);
    }
    await expectProblem(await ask(t1Key, ["talent", t1], ["organization", host.id]), {
      status: 409,
      code: "conflict",
      detail: `${t1} has already asked to meet ${host.id} at this event.`,
    });
  });

  it("refuses requests as someone else, with people who hold no seat, and with oneself", async () => {
    await expectProblem(await ask(t1Key, ["talent", t2], ["organization", host.id]), {
      status: 403,
      code: "forbidden",
      detail: "A talent key asks for meetings as itself only.",
    });
    await expectProblem(await ask(organizerKey, ["talent", waiting], ["organization", host.id]), {
      status: 422,
      code: "validation_failed",
      detail: "The request body has invalid fields.",
      errors: [{ path: "from.id", message: "holds no confirmed seat at this event" }],
    });
    await expectProblem(await ask(organizerKey, ["talent", t1], ["talent", t1]), {
      status: 422,
      code: "validation_failed",
      detail: "The request body has invalid fields.",
      errors: [{ path: "to", message: "must be someone else" }],
    });
    await expectProblem(await ask(organizerKey, ["organization", t1], ["talent", t2]), {
      status: 422,
      code: "validation_failed",
      detail: "The request body has invalid fields.",
      errors: [{ path: "from.id", message: "is not a organization id" }],
    });
  });

  it("schedules mutual pairs first, never double-books, respects availability, and explains what is left out", async () => {
    const res = await t.call("POST", `/v1/events/${event.id}/meeting-plans`, { key: organizerKey });
    expect(res.status).toBe(201);
    const plan = (await res.json()) as Plan;
    // Three slots × one table: three of the four pairs fit.
    expect(plan.meetings).toHaveLength(3);
    expect(plan.left_out).toHaveLength(1);
    const top = plan.meetings.find((m) => m.mutual);
    expect(top).toMatchObject({ a: { id: expect.any(String) }, table: "A1" });
    expect([top?.a.id, top?.b.id].sort()).toEqual([t1, host.id].sort());
    expect(top?.priority).toBeGreaterThan(200);
    expect(top?.score).toBeGreaterThan(0);
    for (const m of plan.meetings) {
      expect(SLOTS).toContain(m.starts_at);
      expect(Date.parse(m.ends_at) - Date.parse(m.starts_at)).toBe(20 * 60_000);
      if (m.a.id === t1 || m.b.id === t1) expect(m.starts_at).not.toBe(SLOTS[2]);
    }
    const busy = plan.meetings.flatMap((m) => [`${m.a.id}@${m.starts_at}`, `${m.b.id}@${m.starts_at}`]);
    expect(new Set(busy).size).toBe(busy.length);
    expect(plan.left_out[0]?.reason).toMatch(/^(participants_busy|no_free_table)$/);
    expect(plan.total_priority).toBeLessThanOrEqual(plan.upper_bound);
    const announced = await t.db.select().from(outboxEvents).where(eq(outboxEvents.type, "meeting.scheduled"));
    expect(announced.map((e) => e.subjectId).sort()).toEqual(plan.meetings.map((m) => m.id).sort());
    const hostMeeting = announced.find((e) => e.subjectId === top?.id);
    expect(hostMeeting?.audience.sort()).toEqual([tenant.adminOrganizationId, host.id].sort());
  });

  it("replaces the previous plan", async () => {
    const second = (await (await t.call("POST", `/v1/events/${event.id}/meeting-plans`, { key: organizerKey })).json()) as Plan;
    const stored = await t.db.select().from(meetings).where(eq(meetings.eventId, event.id));
    expect(stored.map((m) => m.id).sort()).toEqual(second.meetings.map((m) => m.id).sort());
    expect(new Set(stored.map((m) => m.planId))).toEqual(new Set([second.id]));
  });

  it("lists meetings: organizers all or one participant's, talents and enterprises their own", async () => {
    const all = (await (await t.call("GET", `/v1/events/${event.id}/meetings?limit=2`, { key: organizerKey })).json()) as { data: Plan["meetings"]; next_cursor: string | null };
    expect(all.data).toHaveLength(2);
    const rest = (await (await t.call("GET", `/v1/events/${event.id}/meetings?limit=2&cursor=${all.next_cursor}`, { key: organizerKey })).json()) as {
      data: Plan["meetings"];
      next_cursor: string | null;
    };
    expect(rest.data).toHaveLength(1);
    expect(rest.next_cursor).toBeNull();
    const mine = (await (await t.call("GET", `/v1/events/${event.id}/meetings`, { key: t1Key })).json()) as { data: Plan["meetings"] };
    expect(mine.data.length).toBeGreaterThan(0);
    for (const m of mine.data) expect([m.a.id, m.b.id]).toContain(t1);
    const hosts = (await (await t.call("GET", `/v1/events/${event.id}/meetings`, { key: hostKey })).json()) as { data: Plan["meetings"] };
    for (const m of hosts.data) expect([m.a.id, m.b.id]).toContain(host.id);
    // Each side carries the name a table card prints.
    for (const m of hosts.data) expect((m.a.id === host.id ? m.a : m.b).name).toBe(host.name);
    for (const m of [...all.data, ...rest.data]) for (const side of [m.a, m.b]) expect(side.name).toEqual(expect.stringMatching(/\S/));
    await expectProblem(await t.call("GET", `/v1/events/${event.id}/meetings?participant=${t2}`, { key: t1Key }), {
      status: 403,
      code: "forbidden",
      detail: "Talent and enterprise keys see only their own meetings.",
    });
    await expectProblem(await t.call("GET", `/v1/events/${event.id}/meetings?participant=prj_x`, { key: organizerKey }), {
      status: 400,
      code: "invalid_parameter",
      detail: "A request parameter is not valid.",
      errors: [{ path: "participant", message: "must be a talent or organization id" }],
    });
  });

  it("refuses to plan an event without slots or tables", async () => {
    const bare = await createEvent(t, organizerKey, { meeting_slots: [], tables: [] });
    await expectProblem(await t.call("POST", `/v1/events/${bare.id}/meeting-plans`, { key: organizerKey }), {
      status: 409,
      code: "conflict",
      detail: "The event has no meeting slots or no tables; set meeting_slots and tables first.",
    });
  });
});
