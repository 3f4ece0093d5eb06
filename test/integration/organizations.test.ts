import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, organizations } from "../../schema/index.ts";
import { createTestApp, type TestApp } from "../helpers/app.ts";
import { describeAuth } from "../helpers/auth-suite.ts";
import { createKey, createOrganization, createTenant, type TenantFixture, unique } from "../helpers/factories.ts";
import { expectProblem } from "../helpers/problems.ts";

describeAuth("POST /v1/organizations", createTestApp, {
  request: () => ({ method: "POST", path: "/v1/organizations", body: { name: unique("企业"), kind: "enterprise" } }),
  forbidden: ["enterprise"],
});
describeAuth("GET /v1/organizations/{id}", createTestApp, {
  request: (a) => ({ method: "GET", path: `/v1/organizations/${a.enterpriseOrgId}` }),
  forbidden: [],
  crossTenant: true,
});
describeAuth("GET /v1/organizations", createTestApp, {
  request: () => ({ method: "GET", path: "/v1/organizations" }),
  forbidden: [],
});

describe("organizations", () => {
  let t: TestApp;
  let tenant: TenantFixture;
  beforeAll(async () => {
    t = await createTestApp();
    tenant = await createTenant(t);
  });
  afterAll(() => t.close());

  it("creates an organization and records who did it in the same write", async () => {
    const res = await t.call("POST", "/v1/organizations", { key: tenant.adminKey, body: { name: "  示范化工有限公司 ", kind: "enterprise" } });
    expect(res.status).toBe(201);
    const body = (await res.json()) as Record<string, string>;
    expect(body).toEqual({
      id: expect.stringMatching(/^org_[0-9A-Z]{26}$/),
      name: "示范化工有限公司",
      kind: "enterprise",
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      updated_at: body.created_at,
    });
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.subjectId, String(body.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ tenantId: tenant.tenantId, action: "organization.created", subjectType: "organization" });
    expect(audit[0]?.requestId).toBe(res.headers.get("x-request-id"));
  });

  it("gets an organization by id", async () => {
    const org = await createOrganization(t, tenant.adminKey);
    const res = await t.call("GET", `/v1/organizations/${org.id}`, { key: tenant.adminKey });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: org.id, name: org.name, kind: "enterprise" });
  });

  it("refuses a second organization with the same name in the tenant (409), but allows it in another tenant", async () => {
    const name = unique("重名");
    await createOrganization(t, tenant.adminKey, { name });
    const res = await t.call("POST", "/v1/organizations", { key: tenant.adminKey, body: { name, kind: "enterprise" } });
    await expectProblem(res, { status: 409, code: "conflict", detail: `An organization named '${name}' already exists in this tenant.` });
    const other = await createTenant(t);
    await expect(createOrganization(t, other.adminKey, { name })).resolves.toMatchObject({ name });
  });

  it("lets organizers create enterprises but not organizers", async () => {
    const organizer = await createKey(t, tenant.adminKey, tenant.adminOrganizationId, "organizer");
    await expect(createOrganization(t, organizer.key, { kind: "enterprise" })).resolves.toMatchObject({ kind: "enterprise" });
    const res = await t.call("POST", "/v1/organizations", { key: organizer.key, body: { name: unique("园区"), kind: "organizer" } });
    await expectProblem(res, { status: 403, code: "forbidden", detail: "Organizers may create enterprise organizations only." });
  });

  it("shows an enterprise only itself, in lists and by id", async () => {
    const mine = await createOrganization(t, tenant.adminKey);
    const theirs = await createOrganization(t, tenant.adminKey);
    const key = await createKey(t, tenant.adminKey, mine.id, "enterprise");
    const list = (await (await t.call("GET", "/v1/organizations", { key: key.key })).json()) as { data: { id: string }[] };
    expect(list.data.map((o) => o.id)).toEqual([mine.id]);
    await expectProblem(await t.call("GET", `/v1/organizations/${theirs.id}`, { key: key.key }), {
      status: 404,
      code: "not_found",
      detail: `No organization with id '${theirs.id}'.`,
    });
  });

  it("pages through every organization exactly once, newest first, and filters by kind", async () => {
    const fresh = await createTenant(t);
    const created: string[] = [fresh.adminOrganizationId];
    for (let i = 0; i < 7; i++) created.push((await createOrganization(t, fresh.adminKey)).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const qs: string = `?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const res = await t.call("GET", `/v1/organizations${qs}`, { key: fresh.adminKey });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { data: { id: string }[]; next_cursor: string | null };
      expect(body.data.length).toBeLessThanOrEqual(3);
      seen.push(...body.data.map((o) => o.id));
      cursor = body.next_cursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...created].sort().reverse());
    const enterprises = (await (await t.call("GET", "/v1/organizations?kind=enterprise", { key: fresh.adminKey })).json()) as {
      data: { kind: string }[];
    };
    expect(enterprises.data).toHaveLength(7);
    expect(enterprises.data.every((o) => o.kind === "enterprise")).toBe(true);
  });

  describe("bad input", () => {
    it("names every invalid field: wrong types, unknown fields, missing fields", async () => {
      const res = await t.call("POST", "/v1/organizations", { key: tenant.adminKey, body: { name: 42, extra: true } });
      await expectProblem(res, {
        status: 422,
        code: "validation_failed",
        detail: "The request body has invalid fields.",
        errors: [
          { path: "name", message: "must be a string" },
          { path: "kind", message: "is required" },
          { path: "extra", message: "is not a known field" },
        ],
      });
    });

    it("rejects an empty name and an unknown kind", async () => {
      const res = await t.call("POST", "/v1/organizations", { key: tenant.adminKey, body: { name: "   ", kind: "company" } });
      await expectProblem(res, {
        status: 422,
        code: "validation_failed",
        errors: [
          { path: "name", message: "must be at least 1 characters long" },
          { path: "kind", message: "must be one of: enterprise, organizer" },
        ],
      });
    });

    it("answers 400 for malformed JSON", async () => {
      const res = await t.call("POST", "/v1/organizations", { key: tenant.adminKey, body: '{"name": "x",' });
      await expectProblem(res, { status: 400, code: "malformed_json", detail: "The request body is not valid JSON." });
    });

    it("answers 422 for a JSON body that is not an object", async () => {
      const res = await t.call("POST", "/v1/organizations", { key: tenant.adminKey, body: "[1,2]" });
      await expectProblem(res, { status: 422, code: "validation_failed", errors: [{ path: "", message: "must be an object" }] });
    });

    it("answers 415 for another content type and for a missing body", async () => {
      const csv = await t.call("POST", "/v1/organizations", {
        key: tenant.adminKey,
        body: "name,kind\nx,enterprise",
        headers: { "content-type": "text/csv" },
      });
      await expectProblem(csv, {
        status: 415,
        code: "unsupported_media_type",
        detail: "Content-Type 'text/csv' is not accepted here; send application/json.",
      });
      const empty = await t.call("POST", "/v1/organizations", { key: tenant.adminKey });
      await expectProblem(empty, { status: 415, code: "unsupported_media_type", detail: "Send a JSON body with Content-Type: application/json." });
    });

    it("answers 413 for a body over the limit and writes nothing", async () => {
      const small = await createTestApp({ MAX_BODY_BYTES: "2048" });
      const admin = await createTenant(small);
      const res = await small.call("POST", "/v1/organizations", { key: admin.adminKey, body: { name: "大".repeat(3000), kind: "enterprise" } });
      await expectProblem(res, { status: 413, code: "payload_too_large", detail: "The request body exceeds 2048 bytes." });
      expect(await small.db.select().from(organizations)).toHaveLength(1);
      small.close();
    });

    it("answers 400 for a malformed id, limit or cursor", async () => {
      await expectProblem(await t.call("GET", "/v1/organizations/123", { key: tenant.adminKey }), {
        status: 400,
        code: "invalid_parameter",
        errors: [{ path: "id", message: "must be an id of the form org_…" }],
      });
      await expectProblem(await t.call("GET", "/v1/organizations?limit=abc", { key: tenant.adminKey }), {
        status: 400,
        code: "invalid_parameter",
        errors: [{ path: "limit", message: "must be a number" }],
      });
      await expectProblem(await t.call("GET", "/v1/organizations?limit=101", { key: tenant.adminKey }), {
        status: 400,
        code: "invalid_parameter",
        errors: [{ path: "limit", message: "must be at most 100" }],
      });
      await expectProblem(await t.call("GET", "/v1/organizations?cursor=not-a-cursor", { key: tenant.adminKey }), {
        status: 400,
        code: "invalid_parameter",
        detail: "The cursor is not valid.",
        errors: [{ path: "cursor", message: "Not a cursor returned by this API." }],
      });
    });

    it("answers 404 for an organization id that does not exist", async () => {
      const id = "org_01M808K15V9JBEQCZSG5WVZRN0";
      await expectProblem(await t.call("GET", `/v1/organizations/${id}`, { key: tenant.adminKey }), {
        status: 404,
        code: "not_found",
        detail: `No organization with id '${id}'.`,
      });
    });
  });
});
