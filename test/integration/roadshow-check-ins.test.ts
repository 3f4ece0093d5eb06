import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatCheckInCode, newCheckInCode, normalizeCheckInCode } from "../../workers/roadshows/check-in-code.ts";
import { createTestApp, type TestApp } from "../helpers/app.ts";
import { describeAuth } from "../helpers/auth-suite.ts";
import { createKey, createTenant, type TenantFixture } from "../helpers/factories.ts";
import { expectProblem } from "../helpers/problems.ts";
import { createEvent, createTalent, signUp, talentKey } from "./roadshow-fixtures.ts";

describeAuth("POST /v1/events/{id}/check-ins", createTestApp, {
  request: () => ({ method: "POST", path: "/v1/events/evt_01M808K15V9JBEQCZSG5WVZRN0/check-ins", body: { code: "ABCD-EFGH" } }),
  forbidden: ["enterprise"],
});

describe("check-in codes", () => {
  it("are 8 Crockford characters (40 bits) and read back through the usual mistakes", () => {
    const codes = new Set(Array.from({ length: 2000 }, newCheckInCode));
    expect(codes.size).toBe(2000);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(normalizeCheckInCode("k7q2-m9xa")).toBe("K7Q2M9XA");
    expect(normalizeCheckInCode(" K7Q2 M9XA ")).toBe("K7Q2M9XA");
    expect(normalizeCheckInCode("OIL2M9XA")).toBe("0112M9XA");
    expect(normalizeCheckInCode("K7Q2M9X")).toBeNull();
    expect(normalizeCheckInCode("K7Q2M9XU")).toBeNull();
    expect(formatCheckInCode("K7Q2M9XA")).toBe("K7Q2-M9XA");
  });
});

describe("check-in at the door", () => {
  let t: TestApp;
  let tenant: TenantFixture;
  let organizerKey: string;
  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(new Date("2026-07-01T00:00:00Z"));
    tenant = await createTenant(t);
    organizerKey = (await createKey(t, tenant.adminKey, tenant.adminOrganizationId, "organizer")).key;
  });
  afterAll(() => t.close());

  it("checks a confirmed signup in once by its code, typed loosely; a second scan names the first", async () => {
    const event = await createEvent(t, organizerKey);
    const signup = await signUp(t, organizerKey, event.id, { talent_id: await createTalent(t, organizerKey) });
    const typed = (signup.check_in_code ?? "").toLowerCase().replace("-", " ");
    t.setNow(new Date("2026-07-18T01:05:00Z"));
    const res = await t.call("POST", `/v1/events/${event.id}/check-ins`, { key: organizerKey, body: { code: typed } });
    expect(await res.json()).toMatchObject({ id: signup.id, status: "confirmed", checked_in_at: "2026-07-18T01:05:00.000Z" });
    await expectProblem(await t.call("POST", `/v1/events/${event.id}/check-ins`, { key: organizerKey, body: { code: signup.check_in_code } }), {
      status: 409,
      code: "conflict",
      detail: "Already checked in at 2026-07-18T01:05:00.000Z.",
    });
    await expectProblem(await t.call("POST", `/v1/signups/${signup.id}/cancel`, { key: organizerKey }), {
      status: 409,
      code: "conflict",
      detail: "The signup is already checked in; it cannot be cancelled.",
    });
    t.setNow(new Date("2026-07-01T00:00:00Z"));
  });

  it("refuses codes of other events, waitlisted signups and malformed codes", async () => {
    const event = await createEvent(t, organizerKey, { capacity: { talent: 1 } });
    const other = await createEvent(t, organizerKey);
    const seated = await signUp(t, organizerKey, event.id, { talent_id: await createTalent(t, organizerKey) });
    await expectProblem(await t.call("POST", `/v1/events/${other.id}/check-ins`, { key: organizerKey, body: { code: seated.check_in_code } }), {
      status: 404,
      code: "not_found",
      detail: `Wrong code: ${seated.check_in_code} is not the check-in code of any signup of this event.`,
    });
    await expectProblem(await t.call("POST", `/v1/events/${event.id}/check-ins`, { key: organizerKey, body: { code: "zzzz-zzzz" } }), {
      status: 404,
      code: "not_found",
      detail: "Wrong code: ZZZZ-ZZZZ is not the check-in code of any signup of this event.",
    });
    await expectProblem(await t.call("POST", `/v1/events/${event.id}/check-ins`, { key: organizerKey, body: { code: "12" } }), {
      status: 422,
      code: "validation_failed",
      detail: "The request body has invalid fields.",
      errors: [{ path: "code", message: "must be 8 characters of a check-in code" }],
    });
    const waiting = await signUp(t, organizerKey, event.id, { talent_id: await createTalent(t, organizerKey) });
    const key = await talentKey(t, organizerKey, waiting.talent_id ?? "");
    await expectProblem(await t.call("GET", `/v1/signups/${waiting.id}/qr.svg`, { key }), {
      status: 409,
      code: "conflict",
      detail: "The signup is waitlisted; a check-in code is issued once the seat is confirmed.",
    });
  });

  it("serves the QR code as SVG to the signed-up talent", async () => {
    const event = await createEvent(t, organizerKey);
    const me = await createTalent(t, organizerKey);
    const key = await talentKey(t, organizerKey, me);
    const signup = await signUp(t, key, event.id);
    const res = await t.call("GET", `/v1/signups/${signup.id}/qr.svg`, { key });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/svg+xml");
    const svg = await res.text();
    expect(svg).toMatch(/^<svg[^>]*viewBox="0 0 \d+ \d+"[\s\S]*<\/svg>$/);
    expect(svg.length).toBeGreaterThan(500);
  });
});
