import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.ts";
import { describeAuth } from "../helpers/auth-suite.ts";
import { createKey, createOrganization, createTenant, type TenantFixture } from "../helpers/factories.ts";
import { expectProblem } from "../helpers/problems.ts";
import { createEvent, createTalent, eventBody, signUp, talentKey } from "./roadshow-fixtures.ts";

const MISSING = "evt_01M808K15V9JBEQCZSG5WVZRN0";

describeAuth("POST /v1/events", createTestApp, { request: () => ({ method: "POST", path: "/v1/events", body: eventBody() }), forbidden: ["enterprise"] });
describeAuth("GET /v1/events", createTestApp, { request: () => ({ method: "GET", path: "/v1/events" }), forbidden: [] });
describeAuth("PATCH /v1/events/{id}", createTestApp, { request: () => ({ method: "PATCH", path: `/v1/events/${MISSING}`, body: { title: "x" } }), forbidden: ["enterprise"] });

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

  it("creates an event with seats per role and reads it back", async () => {
    const created = await createEvent(t, organizerKey);
    expect(created).toMatchObject({
      status: "published",
      requires_approval: false,
      organizer_id: tenant.adminOrganizationId,
      starts_at: "2026-07-18T01:00:00.000Z",
      tables: ["A1", "A2"],
      capacity: {
        talent: { capacity: 5, confirmed: 0, waitlisted: 0 },
        team: { capacity: 2, confirmed: 0, waitlisted: 0 },
        enterprise: { capacity: 3, confirmed: 0, waitlisted: 0 },
        investor: { capacity: 2, confirmed: 0, waitlisted: 0 },
      },
    });
    expect(await (await t.call("GET", `/v1/events/${created.id}`, { key: enterpriseKey })).json()).toEqual(created);
  });

  it("hides drafts from talents and enterprises", async () => {
    const draft = await createEvent(t, organizerKey, { status: "draft" });
    await expectProblem(await t.call("GET", `/v1/events/${draft.id}`, { key: enterpriseKey }), {
      status: 404,
      code: "not_found",
      detail: `No event with id '${draft.id}'.`,
    });
    const seen = (await (await t.call("GET", "/v1/events?limit=100", { key: enterpriseKey })).json()) as { data: { id: string }[] };
    expect(seen.data.map((e) => e.id)).not.toContain(draft.id);
    const all = (await (await t.call("GET", "/v1/events?limit=100&status=draft", { key: organizerKey })).json()) as { data: { id: string }[] };
    expect(all.data.map((e) => e.id)).toContain(draft.id);
  });

  it("filters by quarter and refuses a quarter that does not exist", async () => {
    const q4 = await createEvent(t, organizerKey, { starts_at: "2026-11-02T01:00:00Z", ends_at: "2026-11-02T09:00:00Z" });
    const list = (await (await t.call("GET", "/v1/events?quarter=2026Q4", { key: organizerKey })).json()) as { data: { id: string }[] };
    expect(list.data.map((e) => e.id)).toEqual([q4.id]);
    await expectProblem(await t.call("GET", "/v1/events?quarter=2026Q5", { key: organizerKey }), {
      status: 400,
      code: "invalid_parameter",
      detail: "A request parameter is not valid.",
      errors: [{ path: "quarter", message: "must be a quarter like 2026Q3 (Q1–Q4)" }],
    });
  });

  it("answers bad bodies with whole problems", async () => {
    const res = await t.call("POST", "/v1/events", {
      key: organizerKey,
      body: eventBody({ ends_at: "2026-07-17T00:00:00Z", starts_at: "2026-07-18T01:00:00+08:00", capacity: { talent: -1, guest: 3 } }),
    });
    await expectProblem(res, {
      status: 422,
      code: "validation_failed",
      detail: "The request body has invalid fields.",
      errors: [
        { path: "starts_at", message: "must be an ISO 8601 UTC time like 2026-07-18T01:00:00Z" },
        { path: "capacity.talent", message: "must be at least 0" },
        { path: "capacity.guest", message: "is not a known field" },
        { path: "ends_at", message: "must be after starts_at" },
      ],
    });
    await expectProblem(await t.call("POST", "/v1/events", { key: organizerKey, body: eventBody({ tables: ["A1", "A1"] }) }), {
      status: 422,
      code: "validation_failed",
      detail: "The request body has invalid fields.",
      errors: [{ path: "tables", message: "must not repeat a table" }],
    });
    await expectProblem(await t.call("GET", "/v1/events/evt_nope", { key: organizerKey }), {
      status: 400,
      code: "invalid_parameter",
      detail: "A request parameter is not valid.",
      errors: [{ path: "id", message: "must be an id of the form evt_…" }],
    });
  });

  it("promotes the waitlist into seats added by a PATCH, and refuses to cut below confirmed seats", async () => {
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

  it("lets a talent key read published events but not create them", async () => {
    const me = await createTalent(t, organizerKey);
    const key = await talentKey(t, organizerKey, me);
    await expectProblem(await t.call("POST", "/v1/events", { key, body: eventBody() }), { status: 403, code: "forbidden" });
    expect((await t.call("GET", "/v1/events", { key })).status).toBe(200);
  });
});
