import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxEvents } from "../../schema/index.ts";
import { contactReveals } from "../../schema/tables/introductions.ts";
import { createTestApp, type TestApp } from "../helpers/app.ts";
import { describeAuth } from "../helpers/auth-suite.ts";
import { createKey, createOrganization, createTenant, type TenantFixture } from "../helpers/factories.ts";
import { expectProblem } from "../helpers/problems.ts";
import { createDemand, createTalent, talentKey, uniquePhone } from "../helpers/profiles.ts";

describeAuth("POST /v1/introductions", createTestApp, {
  request: () => ({
    method: "POST",
    path: "/v1/introductions",
    body: { demand_id: "dem_01M808K15V9JBEQCZSG5WVZRN0", talent_id: "tal_01M808K15V9JBEQCZSG5WVZRN0" },
  }),
  forbidden: [],
});

describe("introductions (double opt-in)", () => {
  let t: TestApp;
  let tenant: TenantFixture;
  let org: { id: string; name: string };
  let enterpriseKey: string;

  beforeAll(async () => {
    t = await createTestApp();
    tenant = await createTenant(t);
    org = await createOrganization(t, tenant.adminKey);
    enterpriseKey = (await createKey(t, tenant.adminKey, org.id, "enterprise")).key;
  });
  afterAll(() => t.close());

  async function setup() {
    const phone = uniquePhone();
    const talent = await createTalent(t, tenant.adminKey, { phone, email: "wang@example.com", skills: ["煤气化"] });
    const demand = await createDemand(t, tenant.adminKey, org.id, { required_skills: ["煤气化"] });
    const key = await talentKey(t, tenant.adminKey, talent.id);
    return { phone, talent, demand, key };
  }
  const ask = (demandId: string, talentId: string, key = enterpriseKey) =>
    t.call("POST", "/v1/introductions", { key, body: { demand_id: demandId, talent_id: talentId, message: "您好" } });
  const seenPhone = async (talentId: string) =>
    ((await (await t.call("GET", `/v1/talents/${talentId}`, { key: enterpriseKey })).json()) as { phone: string }).phone;
  const eventsFor = async (id: string) => (await t.db.select().from(outboxEvents).where(eq(outboxEvents.subjectId, id))).map((e) => e.type);

  it("reveals contact details only after the talent accepts, logs each reveal, and hides them again on withdrawal", async () => {
    const { phone, talent, demand, key } = await setup();
    const res = await ask(demand.id, talent.id);
    expect(res.status).toBe(201);
    const intro = (await res.json()) as { id: string; status: string; score: number };
    expect(intro).toMatchObject({ status: "requested", organization_id: org.id, employer_name: org.name, talent_name: talent.name, demand_title: demand.title });
    expect(intro.score).toBeGreaterThan(0);
    expect(await seenPhone(talent.id)).not.toBe(phone);

    const mine = (await (await t.call("GET", "/v1/introductions", { key })).json()) as { data: { id: string; employer_name: string }[] };
    expect(mine.data.map((i) => i.id)).toEqual([intro.id]);
    // The talent sees which enterprise asked, by name; contact details are not part of an introduction.
    expect(mine.data[0]).toMatchObject({ employer_name: org.name, demand_title: demand.title });
    expect(JSON.stringify(mine.data)).not.toContain(phone);

    const accepted = await t.call("POST", `/v1/introductions/${intro.id}/accept`, { key });
    expect(await accepted.json()).toMatchObject({ status: "accepted", responded_at: expect.any(String) });
    expect(await seenPhone(talent.id)).toBe(phone);
    const list = await (await t.call("GET", "/v1/talents?limit=100", { key: enterpriseKey })).text();
    expect(list).toContain(phone);
    const reveals = await t.db.select().from(contactReveals).where(eq(contactReveals.talentId, talent.id));
    expect(reveals.length).toBe(2);
    expect(reveals[0]).toMatchObject({ organizationId: org.id, introductionId: intro.id });

    const withdrawn = await t.call("POST", `/v1/introductions/${intro.id}/withdraw`, { key });
    expect(await withdrawn.json()).toMatchObject({ status: "withdrawn" });
    expect(await seenPhone(talent.id)).not.toBe(phone);
    expect(await t.call("GET", "/v1/talents?limit=100", { key: enterpriseKey }).then((r) => r.text())).not.toContain(phone);
    expect(await eventsFor(intro.id)).toEqual(["introduction.requested", "introduction.accepted", "introduction.withdrawn"]);
  });

  it("keeps contact masked for another enterprise even after acceptance", async () => {
    const { phone, talent, demand, key } = await setup();
    const intro = (await (await ask(demand.id, talent.id)).json()) as { id: string };
    await t.call("POST", `/v1/introductions/${intro.id}/accept`, { key });
    const other = await createOrganization(t, tenant.adminKey);
    const otherKey = (await createKey(t, tenant.adminKey, other.id, "enterprise")).key;
    const seen = (await (await t.call("GET", `/v1/talents/${talent.id}`, { key: otherKey })).json()) as { phone: string };
    expect(seen.phone).not.toBe(phone);
  });

  it("records a decline, refuses a second answer, and emits nothing for it", async () => {
    const { talent, demand, key } = await setup();
    const intro = (await (await ask(demand.id, talent.id)).json()) as { id: string };
    expect(await (await t.call("POST", `/v1/introductions/${intro.id}/decline`, { key })).json()).toMatchObject({ status: "declined" });
    await expectProblem(await t.call("POST", `/v1/introductions/${intro.id}/accept`, { key }), {
      status: 409,
      code: "conflict",
      detail: "The introduction is not 'requested'; it cannot be accepted.",
    });
    expect(await eventsFor(intro.id)).toEqual(["introduction.requested", "introduction.declined"]);
  });

  it("settles two simultaneous answers once", async () => {
    const { talent, demand, key } = await setup();
    const intro = (await (await ask(demand.id, talent.id)).json()) as { id: string };
    const statuses = (
      await Promise.all([t.call("POST", `/v1/introductions/${intro.id}/accept`, { key }), t.call("POST", `/v1/introductions/${intro.id}/decline`, { key })])
    ).map((r) => r.status);
    expect(statuses.sort()).toEqual([200, 409]);
    expect((await eventsFor(intro.id)).length).toBe(2);
  });

  it("refuses a second introduction for the same demand and talent, and one for a closed demand", async () => {
    const { talent, demand } = await setup();
    expect((await ask(demand.id, talent.id)).status).toBe(201);
    await expectProblem(await ask(demand.id, talent.id), {
      status: 409,
      code: "conflict",
      detail: "This enterprise already asked to be introduced to this talent for this demand.",
    });
    const closed = await createDemand(t, tenant.adminKey, org.id, { status: "closed" });
    await expectProblem(await ask(closed.id, talent.id), {
      status: 409,
      code: "conflict",
      detail: "The demand is closed or expired; reopen it before asking for introductions.",
    });
  });

  it("records outcomes of accepted introductions only", async () => {
    const { talent, demand, key } = await setup();
    const intro = (await (await ask(demand.id, talent.id)).json()) as { id: string };
    await expectProblem(await t.call("POST", `/v1/introductions/${intro.id}/outcome`, { key: enterpriseKey, body: { status: "hired" } }), {
      status: 409,
      code: "conflict",
      detail: "Only an accepted introduction can have an outcome.",
    });
    await t.call("POST", `/v1/introductions/${intro.id}/accept`, { key });
    const res = await t.call("POST", `/v1/introductions/${intro.id}/outcome`, { key: enterpriseKey, body: { status: "hired", note: "已入职" } });
    expect(await res.json()).toMatchObject({ outcome: "hired", outcome_note: "已入职", status: "accepted" });
    await expectProblem(await t.call("POST", `/v1/introductions/${intro.id}/outcome`, { key: enterpriseKey, body: { status: "married" } }), {
      status: 422,
      code: "validation_failed",
      errors: [{ path: "status", message: "must be one of: interviewed, hired, signed, not_pursued" }],
    });
  });

  it("lets only the talent answer, and hides other people's introductions", async () => {
    const { talent, demand } = await setup();
    const intro = (await (await ask(demand.id, talent.id)).json()) as { id: string };
    await expectProblem(await t.call("POST", `/v1/introductions/${intro.id}/accept`, { key: enterpriseKey }), { status: 403, code: "forbidden" });
    const stranger = await createTalent(t, tenant.adminKey);
    const strangerKey = await talentKey(t, tenant.adminKey, stranger.id);
    await expectProblem(await t.call("POST", `/v1/introductions/${intro.id}/accept`, { key: strangerKey }), { status: 404, code: "not_found" });
    await expectProblem(await t.call("GET", `/v1/introductions/${intro.id}`, { key: strangerKey }), { status: 404, code: "not_found" });
    const other = await createTenant(t);
    await expectProblem(await ask(demand.id, talent.id, other.adminKey), { status: 404, code: "not_found" });
  });
});
