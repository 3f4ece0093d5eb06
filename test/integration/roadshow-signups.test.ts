import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.ts";
import { describeAuth } from "../helpers/auth-suite.ts";
import { createKey, createOrganization, createTenant, type TenantFixture } from "../helpers/factories.ts";
import { expectProblem } from "../helpers/problems.ts";
import { advanceEvent, createEvent, createTalent, eventsAbout, SLOTS, signUp, talentKey } from "./roadshow-fixtures.ts";

const EVT = "evt_01M808K15V9JBEQCZSG5WVZRN0";
/** The fixtures' event is on 2026-07-18; signups are open before it. */
const BEFORE = new Date("2026-07-01T00:00:00Z");
const SGN = "sgn_01M808K15V9JBEQCZSG5WVZRN0";

describeAuth("POST /v1/events/{id}/signups", createTestApp, {
  request: () => ({ method: "POST", path: `/v1/events/${EVT}/signups`, body: {} }),
  forbidden: [],
  crossTenant: false,
});
describeAuth("GET /v1/signups", createTestApp, { request: () => ({ method: "GET", path: "/v1/signups" }), forbidden: [] });
describeAuth("POST /v1/signups/{id}/approve", createTestApp, { request: () => ({ method: "POST", path: `/v1/signups/${SGN}/approve` }), forbidden: ["enterprise"] });
describeAuth("POST /v1/signups/{id}/reject", createTestApp, { request: () => ({ method: "POST", path: `/v1/signups/${SGN}/reject` }), forbidden: ["enterprise"] });
describeAuth("POST /v1/signups/{id}/cancel", createTestApp, { request: () => ({ method: "POST", path: `/v1/signups/${SGN}/cancel` }), forbidden: [] });
describeAuth("GET /v1/signups/{id}/qr.svg", createTestApp, { request: () => ({ method: "GET", path: `/v1/signups/${SGN}/qr.svg` }), forbidden: [] });

describe("signups", () => {
  let t: TestApp;
  let tenant: TenantFixture;
  let organizerKey: string;
  let enterprise: { id: string };
  let enterpriseKey: string;
  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(BEFORE);
    tenant = await createTenant(t);
    organizerKey = (await createKey(t, tenant.adminKey, tenant.adminOrganizationId, "organizer")).key;
    enterprise = await createOrganization(t, tenant.adminKey);
    enterpriseKey = (await createKey(t, tenant.adminKey, enterprise.id, "enterprise")).key;
  });
  afterAll(() => t.close());

  it("lets a talent sign itself up, confirmed with a check-in code, and emits signup.confirmed", async () => {
    const event = await createEvent(t, organizerKey);
    const me = await createTalent(t, organizerKey);
    const key = await talentKey(t, organizerKey, me);
    const signup = await signUp(t, key, event.id, { availability: [SLOTS[0]], note: "带团队3人" });
    expect(signup).toMatchObject({ role: "talent", talent_id: me, organization_id: null, status: "confirmed", waitlist_position: null, availability: [SLOTS[0]] });
    expect(signup.check_in_code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(await eventsAbout(t, signup.id)).toEqual([
      expect.objectContaining({
        type: "signup.confirmed",
        audience: [tenant.adminOrganizationId],
        payload: expect.objectContaining({ signup_id: signup.id, event_id: event.id, role: "talent", status: "confirmed" }),
      }),
    ]);
    await expectProblem(await t.call("POST", `/v1/events/${event.id}/signups`, { key, body: {} }), {
      status: 409,
      code: "conflict",
      detail: `${me} is already signed up for this event.`,
    });
  });

  it("signs a team lead up as team, and an enterprise up as its organization", async () => {
    const event = await createEvent(t, organizerKey);
    const lead = await createTalent(t, organizerKey, { team: { name: "氢能团队", size: 4 } });
    expect((await signUp(t, await talentKey(t, organizerKey, lead), event.id)).role).toBe("team");
    const org = await signUp(t, enterpriseKey, event.id, { role: "investor" });
    expect(org).toMatchObject({ role: "investor", organization_id: enterprise.id, talent_id: null, status: "confirmed" });
    expect((await eventsAbout(t, org.id))[0]?.audience).toEqual([tenant.adminOrganizationId, enterprise.id]);
  });

  it("refuses signups for someone else, roles that do not fit, and unknown slots", async () => {
    const event = await createEvent(t, organizerKey, { capacity: { talent: 3 } });
    const me = await createTalent(t, organizerKey);
    const other = await createTalent(t, organizerKey);
    const key = await talentKey(t, organizerKey, me);
    await expectProblem(await t.call("POST", `/v1/events/${event.id}/signups`, { key, body: { talent_id: other } }), {
      status: 403,
      code: "forbidden",
      detail: "A talent key signs up only its own profile.",
    });
    await expectProblem(await t.call("POST", `/v1/events/${event.id}/signups`, { key: enterpriseKey, body: { organization_id: tenant.adminOrganizationId } }), {
      status: 403,
      code: "forbidden",
      detail: "An enterprise key signs up only its own organization.",
    });
    await expectProblem(await t.call("POST", `/v1/events/${event.id}/signups`, { key, body: { role: "investor" } }), {
      status: 422,
      code: "validation_failed",
      detail: "The request body has invalid fields.",
      errors: [{ path: "role", message: "a talent signs up as talent or team" }],
    });
    await expectProblem(await t.call("POST", `/v1/events/${event.id}/signups`, { key: enterpriseKey, body: {} }), {
      status: 422,
      code: "validation_failed",
      detail: "The request body has invalid fields.",
      errors: [{ path: "role", message: "this event takes no 'enterprise' signups; it offers talent" }],
    });
    await expectProblem(await t.call("POST", `/v1/events/${event.id}/signups`, { key: organizerKey, body: {} }), {
      status: 422,
      code: "validation_failed",
      detail: "The request body has invalid fields.",
      errors: [{ path: "talent_id", message: "give exactly one of talent_id and organization_id" }],
    });
    await expectProblem(await t.call("POST", `/v1/events/${event.id}/signups`, { key, body: { availability: ["2026-07-18T07:00:00Z"] } }), {
      status: 422,
      code: "validation_failed",
      detail: "The request body has invalid fields.",
      errors: [{ path: "availability.0", message: "is not one of the event's meeting slots" }],
    });
    await expectProblem(await t.call("POST", `/v1/events/${event.id}/signups`, { key, body: { talent_id: "tal_x", seats: 2 } }), {
      status: 422,
      code: "validation_failed",
      detail: "The request body has invalid fields.",
      errors: [
        { path: "talent_id", message: "must be a talent id (tal_…)" },
        { path: "seats", message: "is not a known field" },
      ],
    });
  });

  it("takes signups only while the window is open (the clock is injected), from the desk too", async () => {
    const event = await createEvent(t, organizerKey, { signup_opens_at: "2026-06-01T00:00:00Z", signup_closes_at: "2026-07-10T00:00:00Z" });
    const key = await talentKey(t, organizerKey, await createTalent(t, organizerKey));
    const window = "from 2026-06-01T00:00:00.000Z until 2026-07-10T00:00:00.000Z";
    t.setNow(new Date("2026-05-31T23:59:59Z"));
    await expectProblem(await t.call("POST", `/v1/events/${event.id}/signups`, { key, body: {} }), {
      status: 409,
      code: "conflict",
      detail: `Signups are not open yet: this event takes signups ${window}.`,
    });
    t.setNow(new Date("2026-07-10T00:00:00Z"));
    await expectProblem(await t.call("POST", `/v1/events/${event.id}/signups`, { key, body: {} }), {
      status: 409,
      code: "conflict",
      detail: `Signups are closed: this event took signups ${window}.`,
    });
    await expectProblem(await t.call("POST", `/v1/events/${event.id}/signups`, { key: organizerKey, body: { talent_id: await createTalent(t, organizerKey) } }), {
      status: 409,
      code: "conflict",
      detail: `Signups are closed: this event took signups ${window}.`,
    });
    t.setNow(new Date("2026-06-15T00:00:00Z"));
    expect((await signUp(t, key, event.id)).status).toBe("confirmed");
    t.setNow(BEFORE);
    const closed = await createEvent(t, organizerKey);
    await advanceEvent(t, organizerKey, closed.id, "closed");
    await expectProblem(await t.call("POST", `/v1/events/${closed.id}/signups`, { key, body: {} }), {
      status: 409,
      code: "conflict",
      detail: "The event is closed; only an open event takes signups.",
    });
    const draft = await createEvent(t, organizerKey, { status: "draft" });
    await expectProblem(await t.call("POST", `/v1/events/${draft.id}/signups`, { key: organizerKey, body: { talent_id: await createTalent(t, organizerKey) } }), {
      status: 409,
      code: "conflict",
      detail: "The event is draft; only an open event takes signups.",
    });
  });

  it("waitlists past capacity; cancelling a confirmed seat promotes the head of the queue in the same write", async () => {
    const event = await createEvent(t, organizerKey, { capacity: { talent: 2 } });
    const talents = await Promise.all([1, 2, 3, 4].map(() => createTalent(t, organizerKey)));
    const s = [];
    for (const id of talents) s.push(await signUp(t, organizerKey, event.id, { talent_id: id }));
    expect(s.map((x) => [x.status, x.waitlist_position, x.check_in_code === null])).toEqual([
      ["confirmed", null, false],
      ["confirmed", null, false],
      ["waitlisted", 1, true],
      ["waitlisted", 2, true],
    ]);
    const first = s[0]?.id ?? "";
    const cancelled = await t.call("POST", `/v1/signups/${first}/cancel`, { key: await talentKey(t, organizerKey, talents[0] ?? "") });
    expect(await cancelled.json()).toMatchObject({ status: "cancelled", check_in_code: null, cancelled_at: expect.any(String) });
    const promoted = (await (await t.call("GET", `/v1/signups/${s[2]?.id}`, { key: organizerKey })).json()) as Record<string, unknown>;
    expect(promoted).toMatchObject({ status: "confirmed", waitlist_position: null, check_in_code: expect.any(String) });
    const last = (await (await t.call("GET", `/v1/signups/${s[3]?.id}`, { key: organizerKey })).json()) as Record<string, unknown>;
    expect(last).toMatchObject({ status: "waitlisted", waitlist_position: 1 });
    expect((await eventsAbout(t, first)).map((e) => e.type).sort()).toEqual(["signup.cancelled", "signup.confirmed"]);
    expect((await eventsAbout(t, s[2]?.id ?? "")).map((e) => e.type).sort()).toEqual(["signup.promoted", "signup.waitlisted"]);
    await expectProblem(await t.call("POST", `/v1/signups/${first}/cancel`, { key: organizerKey }), {
      status: 409,
      code: "conflict",
      detail: "The signup is already cancelled.",
    });
    // A waitlisted signup leaving frees no seat and promotes nobody.
    await t.call("POST", `/v1/signups/${s[3]?.id}/cancel`, { key: organizerKey });
    const seats = (await (await t.call("GET", `/v1/events/${event.id}`, { key: organizerKey })).json()) as { capacity: unknown };
    expect(seats.capacity).toEqual({ talent: { capacity: 2, confirmed: 2, waitlisted: 0 } });
    // Cancelled, they may sign up again: at the back of the queue.
    expect(await signUp(t, organizerKey, event.id, { talent_id: talents[0] })).toMatchObject({ status: "waitlisted", waitlist_position: 1 });
  });

  it("holds signups as pending when approval is required; approval seats or waitlists them; rejection frees nothing", async () => {
    const event = await createEvent(t, organizerKey, { approval_required: true, capacity: { talent: 1 } });
    const keys = await Promise.all([1, 2, 3].map(async () => talentKey(t, organizerKey, await createTalent(t, organizerKey))));
    const s = [];
    for (const key of keys) s.push(await signUp(t, key, event.id));
    expect(s.map((x) => x.status)).toEqual(["pending", "pending", "pending"]);
    expect(await eventsAbout(t, s[0]?.id ?? "")).toEqual([]);
    const approve = async (id: string | undefined) => (await (await t.call("POST", `/v1/signups/${id}/approve`, { key: organizerKey })).json()) as Record<string, unknown>;
    expect(await approve(s[0]?.id)).toMatchObject({ status: "confirmed" });
    expect(await approve(s[1]?.id)).toMatchObject({ status: "waitlisted", waitlist_position: 1 });
    await expectProblem(await t.call("POST", `/v1/signups/${s[0]?.id}/approve`, { key: organizerKey }), {
      status: 409,
      code: "conflict",
      detail: "Only pending signups can be approved; this one is confirmed.",
    });
    expect(await (await t.call("POST", `/v1/signups/${s[2]?.id}/reject`, { key: organizerKey })).json()).toMatchObject({ status: "rejected" });
    await expectProblem(await t.call("POST", `/v1/signups/${s[0]?.id}/reject`, { key: organizerKey }), {
      status: 409,
      code: "conflict",
      detail: "Only pending or waitlisted signups can be rejected; this one is confirmed.",
    });
    await expectProblem(await t.call("POST", `/v1/signups/${s[0]?.id}/approve`, { key: keys[0] }), { status: 403, code: "forbidden" });
  });

  it("shows a talent only its own signups and an enterprise only its organization's", async () => {
    const event = await createEvent(t, organizerKey);
    const me = await createTalent(t, organizerKey);
    const key = await talentKey(t, organizerKey, me);
    const mine = await signUp(t, key, event.id);
    const theirs = await signUp(t, organizerKey, event.id, { talent_id: await createTalent(t, organizerKey) });
    const ours = await signUp(t, enterpriseKey, event.id);
    const ids = async (k: string) =>
      ((await (await t.call("GET", `/v1/signups?event_id=${event.id}`, { key: k })).json()) as { data: { id: string }[] }).data.map((x) => x.id);
    expect(await ids(key)).toEqual([mine.id]);
    expect(await ids(enterpriseKey)).toEqual([ours.id]);
    expect((await ids(organizerKey)).sort()).toEqual([mine.id, theirs.id, ours.id].sort());
    await expectProblem(await t.call("GET", `/v1/signups/${theirs.id}`, { key }), { status: 404, code: "not_found", detail: `No signup with id '${theirs.id}'.` });
    await expectProblem(await t.call("POST", `/v1/signups/${theirs.id}/cancel`, { key: enterpriseKey }), { status: 404, code: "not_found" });
    const other = await createTenant(t);
    await expectProblem(await t.call("GET", `/v1/signups/${mine.id}`, { key: other.adminKey }), { status: 404, code: "not_found" });
    await expectProblem(await t.call("POST", `/v1/events/${event.id}/signups`, { key: other.adminKey, body: { talent_id: me } }), {
      status: 404,
      code: "not_found",
      detail: `No event with id '${event.id}'.`,
    });
  });

  it("replays an idempotent signup", async () => {
    const event = await createEvent(t, organizerKey);
    const body = { talent_id: await createTalent(t, organizerKey) };
    const opts = { key: organizerKey, body, headers: { "idempotency-key": "desk-1" } };
    const first = await t.call("POST", `/v1/events/${event.id}/signups`, opts);
    const second = await t.call("POST", `/v1/events/${event.id}/signups`, opts);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await second.json()).toEqual(await first.json());
  });
});

describe("signup window moved by an organizer", () => {
  let t: TestApp;
  let organizerKey: string;
  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(BEFORE);
    const tenant = await createTenant(t);
    organizerKey = (await createKey(t, tenant.adminKey, tenant.adminOrganizationId, "organizer")).key;
  });
  afterAll(() => t.close());

  it("refuses every new signup once signup_closes_at is moved into the past, instead of waitlisting it", async () => {
    const event = await createEvent(t, organizerKey, { capacity: { talent: 1 } });
    expect((await signUp(t, organizerKey, event.id, { talent_id: await createTalent(t, organizerKey) })).status).toBe("confirmed");
    const moved = await t.call("PATCH", `/v1/events/${event.id}`, { key: organizerKey, body: { signup_closes_at: "2026-06-30T00:00:00Z" } });
    expect(moved.status).toBe(200);
    const key = await talentKey(t, organizerKey, await createTalent(t, organizerKey));
    for (const [caller, body] of [
      [key, {}],
      [organizerKey, { talent_id: await createTalent(t, organizerKey) }],
    ] as const) {
      await expectProblem(await t.call("POST", `/v1/events/${event.id}/signups`, { key: caller, body }), {
        status: 409,
        code: "conflict",
        detail: "Signups are closed: this event took signups until 2026-06-30T00:00:00.000Z.",
      });
    }
    const list = (await (await t.call("GET", `/v1/signups?event_id=${event.id}`, { key: organizerKey })).json()) as { data: unknown[] };
    expect(list.data).toHaveLength(1);
  });

  it("without signup_closes_at, closes self-signups when the event starts and lets the desk take walk-ins until it ends", async () => {
    const event = await createEvent(t, organizerKey);
    const key = await talentKey(t, organizerKey, await createTalent(t, organizerKey));
    t.setNow(new Date("2026-07-18T02:00:00Z"));
    await expectProblem(await t.call("POST", `/v1/events/${event.id}/signups`, { key, body: {} }), {
      status: 409,
      code: "conflict",
      detail: "Signups are closed: this event took signups until 2026-07-18T01:00:00.000Z.",
    });
    const walkIn = await signUp(t, organizerKey, event.id, { talent_id: await createTalent(t, organizerKey), contact_name: "王建国" });
    expect(walkIn).toMatchObject({ status: "confirmed", contact_name: "王建国" });
    t.setNow(new Date("2026-07-18T09:00:00Z"));
    await expectProblem(await t.call("POST", `/v1/events/${event.id}/signups`, { key: organizerKey, body: { talent_id: await createTalent(t, organizerKey) } }), {
      status: 409,
      code: "conflict",
      detail: "Signups are closed: this event took signups until 2026-07-18T09:00:00.000Z.",
    });
    t.setNow(BEFORE);
  });
});

describe("registration questions and answers", () => {
  let t: TestApp;
  let organizerKey: string;
  const questions = [
    { id: "team_size", label_zh: "团队人数", label_en: "Team size", kind: "number", required: true },
    { id: "track", label_zh: "参与方向", kind: "choice", required: true, options: ["新能源", "新材料"] },
    { id: "needs", label_zh: "需求", kind: "multi", required: false, options: ["场地", "资金", "人才"] },
    { id: "arrival", label_zh: "到达日期", kind: "date", required: false },
    { id: "intro", label_zh: "项目简介", kind: "text", required: false },
  ];
  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(BEFORE);
    const tenant = await createTenant(t);
    organizerKey = (await createKey(t, tenant.adminKey, tenant.adminOrganizationId, "organizer")).key;
  });
  afterAll(() => t.close());

  it("stores an event's questions on create and patch, and refuses malformed ones naming the field", async () => {
    const event = await createEvent(t, organizerKey, { questions });
    expect(event.questions).toEqual(questions);
    const got = (await (await t.call("GET", `/v1/events/${event.id}`, { key: organizerKey })).json()) as { questions: unknown };
    expect(got.questions).toEqual(questions);
    const patched = await t.call("PATCH", `/v1/events/${event.id}`, { key: organizerKey, body: { questions: questions.slice(0, 1) } });
    expect(((await patched.json()) as { questions: unknown }).questions).toEqual(questions.slice(0, 1));
    const bad = await t.call("POST", "/v1/events", {
      key: organizerKey,
      body: {
        name: "坏问题",
        starts_at: "2026-07-18T01:00:00Z",
        ends_at: "2026-07-18T09:00:00Z",
        capacity: { talent: 1 },
        questions: [
          { id: "a", label_zh: "甲", kind: "choice", required: true },
          { id: "b", label_zh: "乙", kind: "text", required: false, options: ["x"] },
          { id: "Bad Id", label_zh: "丙", kind: "text" },
        ],
      },
    });
    await expectProblem(bad, {
      status: 422,
      code: "validation_failed",
      errors: [
        { path: "questions.0.options", message: "is required for kind 'choice'" },
        { path: "questions.1.options", message: "is only allowed for kinds choice and multi" },
        { path: "questions.2.id", message: "must be 1–40 lowercase letters, digits or '_', starting with a letter" },
      ],
    });
  });

  it("checks answers against the questions (required, kind, options) with 422 naming answers.<id>, and writes nothing", async () => {
    const event = await createEvent(t, organizerKey, { questions });
    const talent = await createTalent(t, organizerKey);
    const res = await t.call("POST", `/v1/events/${event.id}/signups`, {
      key: organizerKey,
      body: { talent_id: talent, answers: { track: "煤化工", needs: ["资金", "资金"], arrival: "2026-02-30", intro: 7, shoe_size: 42 } },
    });
    await expectProblem(res, {
      status: 422,
      code: "validation_failed",
      detail: "The answers do not fit the event's questions.",
      errors: [
        { path: "answers.shoe_size", message: "is not a question of this event" },
        { path: "answers.team_size", message: "is required" },
        { path: "answers.track", message: "must be one of: 新能源, 新材料" },
        { path: "answers.needs", message: "must not repeat an option" },
        { path: "answers.arrival", message: "must be a date like 2026-07-18" },
        { path: "answers.intro", message: "must be text" },
      ],
    });
    const none = (await (await t.call("GET", `/v1/signups?event_id=${event.id}`, { key: organizerKey })).json()) as { data: unknown[] };
    expect(none.data).toEqual([]);
    await expectProblem(await t.call("POST", `/v1/events/${event.id}/signups`, { key: organizerKey, body: { talent_id: talent, answers: { team_size: "4", track: "新能源" } } }), {
      status: 422,
      code: "validation_failed",
      errors: [{ path: "answers.team_size", message: "must be a number" }],
    });
  });

  it("takes contact_name and valid answers, and shows them in the signup and the signup list", async () => {
    const event = await createEvent(t, organizerKey, { questions });
    const answers = { team_size: 4, track: "新能源", needs: ["场地", "人才"], arrival: "2026-07-17", intro: "  氢能储运  " };
    const signup = await signUp(t, organizerKey, event.id, { talent_id: await createTalent(t, organizerKey), contact_name: "王建国", answers });
    const stored = { ...answers, intro: "氢能储运" };
    expect(signup).toMatchObject({ contact_name: "王建国", answers: stored });
    const list = (await (await t.call("GET", `/v1/signups?event_id=${event.id}`, { key: organizerKey })).json()) as { data: unknown[] };
    expect(list.data).toEqual([expect.objectContaining({ id: signup.id, contact_name: "王建国", answers: stored })]);
    const plain = await signUp(t, organizerKey, (await createEvent(t, organizerKey)).id, { talent_id: await createTalent(t, organizerKey) });
    expect(plain).toMatchObject({ contact_name: null, answers: {} });
  });
});
