import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events } from "../../schema/tables/roadshows.ts";
import { updateEventStatement } from "../../workers/data/roadshows.ts";
import { commit } from "../../workers/db.ts";
import { createTestApp, type TestApp } from "../helpers/app.ts";
import { describeAuth } from "../helpers/auth-suite.ts";
import { createKey, createOrganization, createTenant, type TenantFixture } from "../helpers/factories.ts";
import { expectProblem } from "../helpers/problems.ts";
import { advanceEvent, createEvent, createTalent, eventBody, signUp, slots, talentKey } from "./roadshow-fixtures.ts";

const MISSING = "evt_01M808K15V9JBEQCZSG5WVZRN0";

describeAuth("POST /v1/events", createTestApp, { request: () => ({ method: "POST", path: "/v1/events", body: eventBody() }), forbidden: ["enterprise"] });
describeAuth("GET /v1/events", createTestApp, { request: () => ({ method: "GET", path: "/v1/events" }), forbidden: [] });
describeAuth("PATCH /v1/events/{id}", createTestApp, { request: () => ({ method: "PATCH", path: `/v1/events/${MISSING}`, body: { name: "x" } }), forbidden: ["enterprise"] });

describe("events", () => {
  let t: TestApp;
  let tenant: TenantFixture;
  let organizerKey: string;
  let enterpriseKey: string;
  beforeAll(async () => {
    t = await createTestApp();
    tenant = await createTenant(t);
    organizerKey = (await createKey(t, tenant.adminKey, tenant.adminOrganizationId, "organizer")).key;
    const org = await createOrganization(t, tenant.adminKey);
    enterpriseKey = (await createKey(t, tenant.adminKey, org.id, "enterprise")).key;
  });
  afterAll(() => t.close());

  it("takes the call's body (name, city_code, capacity per role, approval_required, meeting slots with ends, tables) and starts as draft", async () => {
    const body = {
      name: "2026年第三季度“寻找城市合伙人”路演",
      theme: "新能源专场",
      starts_at: "2026-07-18T01:00:00Z",
      ends_at: "2026-07-18T09:00:00Z",
      venue: "康巴什会展中心",
      city_code: "1506",
      signup_opens_at: "2026-06-01T00:00:00Z",
      signup_closes_at: "2026-07-15T00:00:00Z",
      capacity: { talent: 5, team: 2, enterprise: 3, investor: 2 },
      approval_required: true,
      meeting_slots: [
        { starts_at: "2026-07-18T06:30:00Z", ends_at: "2026-07-18T07:00:00Z" },
        { starts_at: "2026-07-18T06:00:00Z", ends_at: "2026-07-18T06:20:00Z" },
      ],
      tables: ["A1", "A2"],
    };
    const res = await t.call("POST", "/v1/events", { key: organizerKey, body });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; created_at: string };
    expect(created).toEqual({
      id: expect.stringMatching(/^evt_/),
      organizer_id: tenant.adminOrganizationId,
      name: body.name,
      theme: "新能源专场",
      venue: "康巴什会展中心",
      city_code: "1506",
      city_name: "鄂尔多斯市",
      starts_at: "2026-07-18T01:00:00.000Z",
      ends_at: "2026-07-18T09:00:00.000Z",
      signup_opens_at: "2026-06-01T00:00:00.000Z",
      signup_closes_at: "2026-07-15T00:00:00.000Z",
      capacity: {
        talent: { capacity: 5, confirmed: 0, waitlisted: 0 },
        team: { capacity: 2, confirmed: 0, waitlisted: 0 },
        enterprise: { capacity: 3, confirmed: 0, waitlisted: 0 },
        investor: { capacity: 2, confirmed: 0, waitlisted: 0 },
      },
      approval_required: true,
      meeting_slots: [
        { starts_at: "2026-07-18T06:00:00.000Z", ends_at: "2026-07-18T06:20:00.000Z" },
        { starts_at: "2026-07-18T06:30:00.000Z", ends_at: "2026-07-18T07:00:00.000Z" },
      ],
      tables: ["A1", "A2"],
      sessions: [],
      questions: [],
      status: "draft",
      created_at: created.created_at,
      updated_at: created.created_at,
    });
    // A draft is as absent as another tenant's event to talents and enterprises, until it opens.
    await expectProblem(await t.call("GET", `/v1/events/${created.id}`, { key: enterpriseKey }), { status: 404, code: "not_found", detail: `No event with id '${created.id}'.` });
    await advanceEvent(t, organizerKey, created.id, "closed");
    expect(((await (await t.call("GET", `/v1/events/${created.id}`, { key: enterpriseKey })).json()) as { status: string }).status).toBe("closed");
  });

  it("moves only one step along draft → open → closed → held → reported", async () => {
    const event = await createEvent(t, organizerKey, { status: "draft" });
    const move = (status: string) => t.call("PATCH", `/v1/events/${event.id}`, { key: organizerKey, body: { status } });
    await expectProblem(await move("closed"), { status: 409, code: "conflict", detail: "The event is draft; it can move only to open, not closed." });
    for (const status of ["open", "closed", "held"]) expect(((await (await move(status)).json()) as { status: string }).status).toBe(status);
    await expectProblem(await move("open"), { status: 409, code: "conflict", detail: "The event is held; it can move only to reported, not open." });
    expect((await move("reported")).status).toBe(200);
    await expectProblem(await move("held"), { status: 409, code: "conflict", detail: "The event is reported; its status no longer changes." });
    await expectProblem(await move("bogus"), {
      status: 422,
      code: "validation_failed",
      detail: "The request body has invalid fields.",
      errors: [{ path: "status", message: "must be one of: draft, open, closed, held, reported" }],
    });
  });

  it("settles racing status changes to one: the write is conditional on the status read", async () => {
    const event = await createEvent(t, organizerKey);
    const results = await Promise.all(Array.from({ length: 6 }, () => t.call("PATCH", `/v1/events/${event.id}`, { key: organizerKey, body: { status: "closed" } })));
    // A request that read `closed` asks for no move and answers 200; one that read `open` and lost is a 409.
    for (const r of results) expect([200, 409]).toContain(r.status);
    const audit = await t.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM audit_log WHERE subject_id = ${event.id} AND action = 'event.closed'`);
    expect(Number(audit[0]?.n)).toBe(1);
    // A write conditional on a stale status changes nothing, and its token tells the caller so.
    const [row] = await t.db.select().from(events).where(eq(events.id, event.id));
    if (!row) throw new Error("event not stored");
    await commit(t.db, [updateEventStatement(t.db, { ...row, title: "stale" }, "open", "req_stale")]);
    const [after] = await t.db.select().from(events).where(eq(events.id, event.id));
    expect(after).toMatchObject({ status: "closed", title: row.title });
    expect(after?.changeToken).not.toBe("req_stale");
  });

  it("lists by status, quarter and city; refuses a quarter or city that does not exist", async () => {
    const city = await createEvent(t, organizerKey, { city_code: "1502", starts_at: "2026-11-02T01:00:00Z", ends_at: "2026-11-02T09:00:00Z", meeting_slots: [] });
    const draft = await createEvent(t, organizerKey, { status: "draft", city_code: "1502", starts_at: "2026-11-03T01:00:00Z", ends_at: "2026-11-03T09:00:00Z", meeting_slots: [] });
    const ids = async (query: string, key = organizerKey) => ((await (await t.call("GET", `/v1/events?limit=100&${query}`, { key })).json()) as { data: { id: string }[] }).data.map((e) => e.id);
    expect(await ids("quarter=2026Q4")).toEqual([draft.id, city.id]);
    expect(await ids("quarter=2026Q4&status=open")).toEqual([city.id]);
    expect(await ids("city=1502")).toEqual([draft.id, city.id]);
    expect(await ids("city=1502", enterpriseKey)).toEqual([city.id]);
    expect(await ids("city=1502&quarter=2026Q3")).toEqual([]);
    await expectProblem(await t.call("GET", "/v1/events?quarter=2026Q5", { key: organizerKey }), {
      status: 400,
      code: "invalid_parameter",
      detail: "A request parameter is not valid.",
      errors: [{ path: "quarter", message: "must be a quarter like 2026Q3 (Q1–Q4)" }],
    });
    await expectProblem(await t.call("GET", "/v1/events?city=鄂尔多斯&status=published", { key: organizerKey }), {
      status: 400,
      code: "invalid_parameter",
      detail: "A request parameter is not valid.",
      errors: [
        { path: "status", message: "must be one of: draft, open, closed, held, reported" },
        { path: "city", message: "must be a GB/T 2260 code (2, 4 or 6 digits)" },
      ],
    });
  });

  it("answers bad bodies with whole problems", async () => {
    const res = await t.call("POST", "/v1/events", {
      key: organizerKey,
      body: eventBody({ title: "旧字段", ends_at: "2026-07-17T00:00:00Z", starts_at: "2026-07-18T01:00:00+08:00", capacity: { talent: -1, guest: 3 }, status: "held" }),
    });
    await expectProblem(res, {
      status: 422,
      code: "validation_failed",
      detail: "The request body has invalid fields.",
      errors: [
        { path: "starts_at", message: "must be an ISO 8601 UTC time like 2026-07-18T01:00:00Z" },
        { path: "capacity.talent", message: "must be at least 0" },
        { path: "capacity.guest", message: "is not a known field" },
        { path: "status", message: "must be one of: draft, open" },
        { path: "title", message: "is not a known field" },
      ],
    });
    await expectProblem(await t.call("POST", "/v1/events", { key: organizerKey, body: eventBody({ tables: ["A1", "A1"], meeting_slots: ["2026-07-18T06:00:00Z"] }) }), {
      status: 422,
      code: "validation_failed",
      detail: "The request body has invalid fields.",
      errors: [
        { path: "meeting_slots.0", message: "must be an object" },
        { path: "tables", message: "must not repeat a table" },
      ],
    });
    const badSlots = [
      { starts_at: "2026-07-18T06:00:00Z", ends_at: "2026-07-18T06:30:00Z" },
      { starts_at: "2026-07-18T06:20:00Z", ends_at: "2026-07-18T06:40:00Z" },
    ];
    await expectProblem(await t.call("POST", "/v1/events", { key: organizerKey, body: eventBody({ meeting_slots: badSlots }) }), {
      status: 422,
      code: "validation_failed",
      detail: "The request body has invalid fields.",
      errors: [{ path: "meeting_slots.1", message: "must not overlap meeting_slots.0" }],
    });
    const outside = [
      { starts_at: "2026-07-18T06:00:00Z", ends_at: "2026-07-18T05:00:00Z" },
      { starts_at: "2026-07-18T08:50:00Z", ends_at: "2026-07-18T09:10:00Z" },
    ];
    await expectProblem(await t.call("POST", "/v1/events", { key: organizerKey, body: eventBody({ meeting_slots: outside }) }), {
      status: 422,
      code: "validation_failed",
      detail: "The request body has invalid fields.",
      errors: [
        { path: "meeting_slots.0.ends_at", message: "must be after starts_at" },
        { path: "meeting_slots.1", message: "must fall within the event's starts_at and ends_at" },
      ],
    });
    await expectProblem(await t.call("GET", "/v1/events/evt_nope", { key: organizerKey }), {
      status: 400,
      code: "invalid_parameter",
      detail: "A request parameter is not valid.",
      errors: [{ path: "id", message: "must be an id of the form evt_…" }],
    });
  });

  it("keeps slots inside the event when a PATCH moves the event", async () => {
    const event = await createEvent(t, organizerKey);
    await expectProblem(await t.call("PATCH", `/v1/events/${event.id}`, { key: organizerKey, body: { starts_at: "2026-07-18T07:00:00Z" } }), {
      status: 422,
      code: "validation_failed",
      detail: "The request body has invalid fields.",
      errors: [
        { path: "meeting_slots", message: "must fall within the event's starts_at and ends_at" },
        { path: "meeting_slots", message: "must fall within the event's starts_at and ends_at" },
        { path: "meeting_slots", message: "must fall within the event's starts_at and ends_at" },
      ],
    });
    const moved = await t.call("PATCH", `/v1/events/${event.id}`, { key: organizerKey, body: { starts_at: "2026-07-18T07:00:00Z", meeting_slots: slots(["2026-07-18T07:00:00.000Z"]) } });
    expect(await moved.json()).toMatchObject({ starts_at: "2026-07-18T07:00:00.000Z", meeting_slots: [{ starts_at: "2026-07-18T07:00:00.000Z", ends_at: "2026-07-18T07:20:00.000Z" }] });
  });

  it("promotes the waitlist into seats added by a PATCH, and refuses to cut below confirmed seats", async () => {
    // Signups close when the event ends, even at the desk: sign up before it.
    t.setNow(new Date("2026-07-01T00:00:00Z"));
    const event = await createEvent(t, organizerKey, { capacity: { talent: 1 } });
    const ids = [await createTalent(t, organizerKey), await createTalent(t, organizerKey), await createTalent(t, organizerKey)];
    const signups = [];
    for (const id of ids) signups.push(await signUp(t, organizerKey, event.id, { talent_id: id }));
    expect(signups.map((s) => s.status)).toEqual(["confirmed", "waitlisted", "waitlisted"]);
    const patched = await t.call("PATCH", `/v1/events/${event.id}`, { key: organizerKey, body: { capacity: { talent: 2 } } });
    expect(((await patched.json()) as { capacity: unknown }).capacity).toEqual({ talent: { capacity: 2, confirmed: 2, waitlisted: 1 } });
    const second = (await (await t.call("GET", `/v1/signups/${signups[1]?.id}`, { key: organizerKey })).json()) as { status: string };
    const third = (await (await t.call("GET", `/v1/signups/${signups[2]?.id}`, { key: organizerKey })).json()) as { waitlist_position: number };
    expect(second.status).toBe("confirmed");
    expect(third.waitlist_position).toBe(1);
    await expectProblem(await t.call("PATCH", `/v1/events/${event.id}`, { key: organizerKey, body: { capacity: { talent: 1 } } }), {
      status: 409,
      code: "conflict",
      detail: "Role 'talent' already has 2 confirmed seats; cancel signups before lowering its capacity to 1.",
    });
  });

  it("lets a talent key read open events but not create them", async () => {
    const me = await createTalent(t, organizerKey);
    const key = await talentKey(t, organizerKey, me);
    await expectProblem(await t.call("POST", "/v1/events", { key, body: eventBody() }), { status: 403, code: "forbidden" });
    expect((await t.call("GET", "/v1/events", { key })).status).toBe(200);
  });
});
