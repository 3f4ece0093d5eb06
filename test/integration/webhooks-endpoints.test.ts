import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../schema/index.ts";
import { createTestApp, type TestApp } from "../helpers/app.ts";
import { describeAuth } from "../helpers/auth-suite.ts";
import { createKey, createOrganization, createTenant, type TenantFixture } from "../helpers/factories.ts";
import { expectProblem } from "../helpers/problems.ts";
import { talentKey as invitedTalentKey } from "../helpers/profiles.ts";

const BODY = { url: "https://hr.example.com/hooks/wutong", event_types: ["signup.confirmed"], description: "HR 系统" };
const ENDPOINT_ID = "whe_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z";
const DELIVERY_ID = "whd_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z";

async function endpointOf(t: TestApp, key: string, body: Record<string, unknown> = BODY): Promise<{ id: string; secret: string }> {
  const res = await t.call("POST", "/v1/webhook-endpoints", { key, body });
  if (res.status !== 201) throw new Error(`endpoint: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; secret: string };
}

describeAuth("POST /v1/webhook-endpoints", createTestApp, {
  request: () => ({ method: "POST", path: "/v1/webhook-endpoints", body: BODY }),
  forbidden: [],
});
describeAuth("GET /v1/webhook-endpoints", createTestApp, { request: () => ({ method: "GET", path: "/v1/webhook-endpoints" }), forbidden: [] });
for (const [method, suffix] of [
  ["GET", ""],
  ["PATCH", ""],
  ["DELETE", ""],
  ["POST", "/rotate-secret"],
  ["POST", "/test"],
  ["GET", "/deliveries"],
  ["POST", "/recover?since=2026-01-01T00:00:00Z"],
] as const) {
  describeAuth(`${method} /v1/webhook-endpoints/{id}${suffix}`, createTestApp, {
    request: () => ({ method, path: `/v1/webhook-endpoints/${ENDPOINT_ID}${suffix}`, body: method === "PATCH" ? { enabled: false } : undefined }),
    forbidden: [],
    crossTenant: true,
  });
}
describeAuth("POST /v1/webhook-deliveries/{id}/replay", createTestApp, {
  request: () => ({ method: "POST", path: `/v1/webhook-deliveries/${DELIVERY_ID}/replay` }),
  forbidden: [],
  crossTenant: true,
});

describe("webhook endpoints", () => {
  let t: TestApp;
  let tenant: TenantFixture;
  let enterpriseKey: string;
  let enterpriseOrg: string;
  beforeAll(async () => {
    t = await createTestApp();
    tenant = await createTenant(t);
    enterpriseOrg = (await createOrganization(t, tenant.adminKey)).id;
    enterpriseKey = (await createKey(t, tenant.adminKey, enterpriseOrg, "enterprise")).key;
  });
  afterAll(() => t.close());

  it("creates an endpoint for the key's organization with a secret shown once, and audits it", async () => {
    const res = await t.call("POST", "/v1/webhook-endpoints", { key: enterpriseKey, body: BODY });
    expect(res.status).toBe(201);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({
      id: expect.stringMatching(/^whe_[0-9A-Z]{26}$/),
      organization_id: enterpriseOrg,
      url: BODY.url,
      description: "HR 系统",
      event_types: ["signup.confirmed"],
      enabled: true,
      disabled_reason: null,
      disabled_at: null,
      secret_rotated_until: null,
      last_success_at: null,
      created_at: expect.stringMatching(/Z$/),
      updated_at: body.created_at,
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{43}=$/),
      secret_shown: true,
    });
    const got = (await (await t.call("GET", `/v1/webhook-endpoints/${String(body.id)}`, { key: enterpriseKey })).json()) as Record<string, unknown>;
    expect(got).not.toHaveProperty("secret");
    expect(got.id).toBe(body.id);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.subjectId, String(body.id)));
    expect(audit.map((a) => a.action)).toEqual(["webhook_endpoint.created"]);
  });

  it("lets admins create endpoints for any organization of the tenant, and nobody else", async () => {
    const other = await createOrganization(t, tenant.adminKey);
    const made = await endpointOf(t, tenant.adminKey, { ...BODY, organization_id: other.id });
    const got = (await (await t.call("GET", `/v1/webhook-endpoints/${made.id}`, { key: tenant.adminKey })).json()) as { organization_id: string };
    expect(got.organization_id).toBe(other.id);
    await expectProblem(await t.call("POST", "/v1/webhook-endpoints", { key: enterpriseKey, body: { ...BODY, organization_id: other.id } }), {
      status: 403,
      code: "forbidden",
      detail: "Only admins may manage another organization's webhook endpoints.",
    });
    const foreign = await createTenant(t);
    await expectProblem(await t.call("POST", "/v1/webhook-endpoints", { key: tenant.adminKey, body: { ...BODY, organization_id: foreign.adminOrganizationId } }), {
      status: 404,
      code: "not_found",
      detail: `No organization with id '${foreign.adminOrganizationId}'.`,
    });
  });

  it("refuses talent keys on every webhook route (403)", async () => {
    const talent = (await (await t.call("POST", "/v1/talents", { key: tenant.adminKey, body: { name: "张三" } })).json()) as { id: string };
    const talentKey = await invitedTalentKey(t, tenant.adminKey, talent.id);
    const forbidden = { status: 403, code: "forbidden", detail: "A key with role 'talent' may not do this; required: admin or organizer or enterprise." };
    await expectProblem(await t.call("POST", "/v1/webhook-endpoints", { key: talentKey, body: BODY }), forbidden);
    await expectProblem(await t.call("GET", "/v1/webhook-endpoints", { key: talentKey }), forbidden);
    await expectProblem(await t.call("POST", `/v1/webhook-deliveries/${DELIVERY_ID}/replay`, { key: talentKey }), forbidden);
  });

  it("hides another organization's endpoints from an enterprise (404) but not from admins", async () => {
    const theirs = await endpointOf(t, tenant.adminKey);
    await expectProblem(await t.call("GET", `/v1/webhook-endpoints/${theirs.id}`, { key: enterpriseKey }), {
      status: 404,
      code: "not_found",
      detail: `No webhook endpoint with id '${theirs.id}'.`,
    });
    const mine = await endpointOf(t, enterpriseKey);
    const list = (await (await t.call("GET", "/v1/webhook-endpoints?limit=100", { key: enterpriseKey })).json()) as { data: { id: string; organization_id: string }[] };
    expect(list.data.map((e) => e.id)).toContain(mine.id);
    expect(list.data.every((e) => e.organization_id === enterpriseOrg)).toBe(true);
    const all = (await (await t.call("GET", "/v1/webhook-endpoints?limit=100", { key: tenant.adminKey })).json()) as { data: { id: string }[] };
    expect(all.data.map((e) => e.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
  });

  it("pages endpoints newest first, each exactly once", async () => {
    const org = await createOrganization(t, tenant.adminKey);
    const made = [];
    for (let i = 0; i < 3; i++) made.push((await endpointOf(t, tenant.adminKey, { ...BODY, organization_id: org.id })).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = `/v1/webhook-endpoints?limit=2&organization_id=${org.id}${cursor ? `&cursor=${cursor}` : ""}`;
      const page = (await (await t.call("GET", q, { key: tenant.adminKey })).json()) as { data: { id: string }[]; next_cursor: string | null };
      seen.push(...page.data.map((e) => e.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual([...made].reverse());
  });

  it("updates url, types and description; disabling and re-enabling records why", async () => {
    const ep = await endpointOf(t, enterpriseKey);
    const patch = (body: unknown) => t.call("PATCH", `/v1/webhook-endpoints/${ep.id}`, { key: enterpriseKey, body });
    const changed = (await (await patch({ url: "https://hr2.example.com/h", event_types: ["project.signed", "match.created"], description: null })).json()) as Record<string, unknown>;
    expect(changed).toMatchObject({ url: "https://hr2.example.com/h", event_types: ["project.signed", "match.created"], description: null, enabled: true });
    expect(await (await patch({ enabled: false })).json()).toMatchObject({ enabled: false, disabled_reason: "manual", disabled_at: expect.any(String) });
    expect(await (await patch({ enabled: true })).json()).toMatchObject({ enabled: true, disabled_reason: null, disabled_at: null });
  });

  it("rotates the secret: a new one, the old one kept signing for 24 h", async () => {
    t.setNow(new Date("2026-11-21T08:00:00.000Z"));
    const ep = await endpointOf(t, enterpriseKey);
    const res = await t.call("POST", `/v1/webhook-endpoints/${ep.id}/rotate-secret`, { key: enterpriseKey });
    t.setNow(new Date(Date.now()));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { secret: string; secret_rotated_until: string };
    expect(body.secret).toMatch(/^whsec_/);
    expect(body.secret).not.toBe(ep.secret);
    expect(body.secret_rotated_until).toBe("2026-11-22T08:00:00.000Z");
  });

  it("deletes an endpoint: 204, then 404", async () => {
    const ep = await endpointOf(t, enterpriseKey);
    const res = await t.call("DELETE", `/v1/webhook-endpoints/${ep.id}`, { key: enterpriseKey });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
    await expectProblem(await t.call("GET", `/v1/webhook-endpoints/${ep.id}`, { key: enterpriseKey }), { status: 404, code: "not_found" });
  });

  it("replays creation with the same Idempotency-Key", async () => {
    const opts = { key: enterpriseKey, body: BODY, headers: { "idempotency-key": "wh-1" } };
    const first = await t.call("POST", "/v1/webhook-endpoints", opts);
    const second = await t.call("POST", "/v1/webhook-endpoints", opts);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    // The replay is the endpoint without its secret, which is never stored in the replay.
    expect(await second.json()).toEqual({ ...((await first.json()) as Record<string, unknown>), secret: null, secret_shown: false });
  });

  describe("bad input", () => {
    const create = (body: unknown) => t.call("POST", "/v1/webhook-endpoints", { key: enterpriseKey, body });

    it("refuses non-https and private URLs (SSRF) with a problem naming url", async () => {
      for (const [url, message] of [
        ["http://hr.example.com/h", "must use https"],
        ["https://127.0.0.1:8080/h", "must not point to a private, loopback or link-local address (127.0.0.1)"],
        ["https://169.254.169.254/latest", "must not point to a link-local, metadata, multicast or reserved address (169.254.169.254)"],
        ["https://LOCALHOST./h", "must not point to a private, loopback or link-local address (localhost)"],
        ["https://[64:ff9b::7f00:1]/h", "must not point to a link-local, metadata, multicast or reserved address ([64:ff9b::7f00:1])"],
        ["https://[2002:7f00:1::]/h", "must not point to a link-local, metadata, multicast or reserved address ([2002:7f00:1::])"],
        ["https://hr.example.com:22/h", "must use port 443 (the default) or 1024–65535 outside internal service ports, not 22"],
        ["https://hr.example.com/h\r\nX-Injected: 1", "must not contain spaces or control characters"],
        ["https://10.0.0.7/h", "must not point to a private, loopback or link-local address (10.0.0.7)"],
        ["https://localhost/h", "must not point to a private, loopback or link-local address (localhost)"],
        ["https://vault.internal/h", "must not point to a private, loopback or link-local address (vault.internal)"],
        ["https://[::1]/h", "must not point to a private, loopback or link-local address ([::1])"],
      ]) {
        await expectProblem(await create({ ...BODY, url }), {
          status: 422,
          code: "validation_failed",
          detail: "The endpoint URL is not allowed.",
          errors: [{ path: "url", message: String(message) }],
        });
      }
    });

    it("refuses a PATCH to a private URL", async () => {
      const ep = await endpointOf(t, enterpriseKey);
      await expectProblem(await t.call("PATCH", `/v1/webhook-endpoints/${ep.id}`, { key: enterpriseKey, body: { url: "https://192.168.0.1/" } }), {
        status: 422,
        code: "validation_failed",
        detail: "The endpoint URL is not allowed.",
        errors: [{ path: "url", message: "must not point to a private, loopback or link-local address (192.168.0.1)" }],
      });
    });

    it("names unknown, repeated and missing event types, missing and unknown fields", async () => {
      const bad = (body: unknown, errors: { path: string; message: string }[]) =>
        create(body).then((res) => expectProblem(res, { status: 422, code: "validation_failed", detail: "The request body has invalid fields.", errors }));
      await bad({ url: BODY.url, event_types: ["signup.confirmed", "signup.confirmed"] }, [{ path: "event_types", message: "must not repeat an event type" }]);
      await bad({ url: BODY.url, event_types: [] }, [{ path: "event_types", message: "must have at least 1 items" }]);
      await bad({ url: BODY.url, event_types: ["order.paid"] }, [
        {
          path: "event_types.0",
          message:
            "must be one of: match.created, introduction.requested, introduction.accepted, introduction.declined, introduction.withdrawn, introduction.outcome, signup.confirmed, signup.waitlisted, signup.promoted, signup.cancelled, meeting.scheduled, project.signed, catalog.imported, webhook.endpoint_disabled",
        },
      ]);
      await bad({ description: "x" }, [
        { path: "url", message: "is required" },
        { path: "event_types", message: "is required" },
      ]);
      await bad({ ...BODY, secret: "whsec_mine" }, [{ path: "secret", message: "is not a known field" }]);
    });

    it("refuses an empty PATCH, a malformed id, and a bad recover time", async () => {
      const ep = await endpointOf(t, enterpriseKey);
      await expectProblem(await t.call("PATCH", `/v1/webhook-endpoints/${ep.id}`, { key: enterpriseKey, body: {} }), {
        status: 422,
        code: "validation_failed",
        detail: "The request body has invalid fields.",
        errors: [{ path: "", message: "send at least one field to change" }],
      });
      await expectProblem(await t.call("GET", "/v1/webhook-endpoints/org_123", { key: enterpriseKey }), {
        status: 400,
        code: "invalid_parameter",
        detail: "A request parameter is not valid.",
        errors: [{ path: "id", message: "must be an id of the form whe_…" }],
      });
      await expectProblem(await t.call("POST", `/v1/webhook-endpoints/${ep.id}/recover?since=yesterday`, { key: enterpriseKey }), {
        status: 400,
        code: "invalid_parameter",
        detail: "A request parameter is not valid.",
        errors: [{ path: "since", message: "must be an ISO 8601 date-time, e.g. 2026-11-20T00:00:00Z" }],
      });
      await expectProblem(await t.call("POST", `/v1/webhook-endpoints/${ep.id}/recover`, { key: enterpriseKey }), {
        status: 400,
        code: "invalid_parameter",
        detail: "A request parameter is not valid.",
        errors: [{ path: "since", message: "is required" }],
      });
    });

    it("answers 415 and 400 for a body that is not JSON", async () => {
      await expectProblem(await t.call("POST", "/v1/webhook-endpoints", { key: enterpriseKey, body: "url=x", headers: { "content-type": "application/x-www-form-urlencoded" } }), {
        status: 415,
        code: "unsupported_media_type",
      });
      await expectProblem(await t.call("POST", "/v1/webhook-endpoints", { key: enterpriseKey, body: "{" }), {
        status: 400,
        code: "malformed_json",
        detail: "The request body is not valid JSON.",
      });
    });
  });

  it("documents every event type as an OpenAPI webhook with an example payload", async () => {
    const doc = (await (await t.call("GET", "/openapi.json")).json()) as {
      paths: Record<string, unknown>;
      webhooks: Record<string, { post: { requestBody: { content: { "application/json": { schema: { example?: unknown } } } } } }>;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/v1/webhook-endpoints",
        "/v1/webhook-endpoints/{id}",
        "/v1/webhook-endpoints/{id}/rotate-secret",
        "/v1/webhook-endpoints/{id}/test",
        "/v1/webhook-endpoints/{id}/deliveries",
        "/v1/webhook-endpoints/{id}/recover",
        "/v1/webhook-deliveries/{id}/replay",
      ]),
    );
    for (const type of ["match.created", "introduction.requested", "signup.promoted", "project.signed", "catalog.imported", "webhook.endpoint_disabled"]) {
      const example = doc.webhooks[type]?.post.requestBody.content["application/json"].schema.example;
      expect(example).toMatchObject({ type, data: { tenant_id: expect.any(String), subject: { type: expect.any(String), id: expect.any(String) } } });
    }
  });
});

describe("webhook endpoints with WEBHOOK_ALLOW_PRIVATE_URLS=true (an on-premises receiver)", () => {
  let t: TestApp;
  let adminKey: string;
  beforeAll(async () => {
    t = await createTestApp({ WEBHOOK_ALLOW_PRIVATE_URLS: "true" });
    adminKey = (await createTenant(t)).adminKey;
  });
  afterAll(() => t.close());

  it("accepts intranet receivers over http, and still refuses metadata, link-local, multicast and embedded-loopback forms", async () => {
    for (const url of ["http://10.20.0.7:8080/hooks", "http://hr.internal/hooks", "http://127.0.0.1:9000/hooks"]) {
      const res = await t.call("POST", "/v1/webhook-endpoints", { key: adminKey, body: { ...BODY, url } });
      expect(res.status, await res.clone().text()).toBe(201);
    }
    for (const [url, host] of [
      ["http://169.254.169.254/latest/meta-data/", "169.254.169.254"],
      ["http://100.100.100.200/latest/meta-data/", "100.100.100.200"],
      ["http://metadata.google.internal/", "metadata.google.internal"],
      ["http://[fe80::1]/", "[fe80::1]"],
      ["http://224.0.0.251:5353/", "224.0.0.251"],
      ["http://[::ffff:127.0.0.1]:9000/", "[::ffff:7f00:1]"],
      ["http://[64:ff9b::7f00:1]:9000/", "[64:ff9b::7f00:1]"],
    ]) {
      await expectProblem(await t.call("POST", "/v1/webhook-endpoints", { key: adminKey, body: { ...BODY, url } }), {
        status: 422,
        code: "validation_failed",
        detail: "The endpoint URL is not allowed.",
        errors: [{ path: "url", message: `must not point to a link-local, metadata, multicast or reserved address (${host})` }],
      });
    }
  });
});
