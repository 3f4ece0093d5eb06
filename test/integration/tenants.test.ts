import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeys, organizations, tenants } from "../../schema/index.ts";
import { createTestApp, OPERATOR_KEY, type TestApp } from "../helpers/app.ts";
import { createTenant, unique } from "../helpers/factories.ts";
import { expectProblem } from "../helpers/problems.ts";

describe("tenants", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("creates a tenant with its organizer organization and a working admin key, atomically", async () => {
    const slug = unique("ordos").toLowerCase();
    const res = await t.call("POST", "/v1/tenants", {
      key: OPERATOR_KEY,
      body: { name: "鄂尔多斯市", slug, region_code: "1506", admin_organization_name: "人才工作局" },
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as {
      tenant: { id: string; slug: string; region_code: string };
      organization: { id: string; name: string; kind: string };
      admin_key: { key: string; role: string; organization_id: string };
    };
    expect(body.tenant).toMatchObject({ slug, region_code: "1506", name: "鄂尔多斯市" });
    expect(body.organization).toMatchObject({ name: "人才工作局", kind: "organizer" });
    expect(body.admin_key).toMatchObject({ role: "admin", organization_id: body.organization.id });

    const me = await t.call("GET", "/v1/me", { key: body.admin_key.key });
    expect(await me.json()).toEqual({
      role: "admin",
      key_id: expect.stringMatching(/^key_/),
      tenant: { id: body.tenant.id, name: "鄂尔多斯市", slug },
      organization: expect.objectContaining({ id: body.organization.id }),
      talent_id: null,
    });
  });

  it("refuses a duplicate slug with 409 and leaves no partial tenant behind", async () => {
    const slug = unique("dup").toLowerCase();
    await createTenant(t, { slug });
    const before = await t.db.select().from(organizations);
    await expectProblem(await t.call("POST", "/v1/tenants", { key: OPERATOR_KEY, body: { name: "x", slug } }), {
      status: 409,
      code: "conflict",
      detail: `A tenant with slug '${slug}' already exists.`,
    });
    expect(await t.db.select().from(tenants).where(eq(tenants.slug, slug))).toHaveLength(1);
    expect(await t.db.select().from(organizations)).toHaveLength(before.length);
  });

  it("accepts only the operator key", async () => {
    const tenant = await createTenant(t);
    await expectProblem(await t.call("POST", "/v1/tenants", { key: tenant.adminKey, body: { name: "x", slug: unique("x").toLowerCase() } }), {
      status: 403,
      code: "forbidden",
      detail: "Only the operator key may manage tenants.",
    });
    await expectProblem(await t.call("GET", "/v1/tenants", { key: tenant.adminKey }), { status: 403, code: "forbidden" });
    await expectProblem(await t.call("GET", "/v1/tenants", { key: "wtop_wrong_operator_key_0123456789" }), {
      status: 401,
      code: "unauthorized",
      detail: "The API key is not valid.",
    });
    await expectProblem(await t.call("GET", "/v1/tenants"), { status: 401, code: "unauthorized" });
  });

  it("lists tenants for the operator", async () => {
    const a = await createTenant(t);
    const res = await t.call("GET", "/v1/tenants?limit=100", { key: OPERATOR_KEY });
    const body = (await res.json()) as { data: { id: string }[]; next_cursor: string | null };
    expect(body.data.map((x) => x.id)).toContain(a.tenantId);
    expect(body.next_cursor).toBeNull();
  });

  it("validates the body field by field", async () => {
    const res = await t.call("POST", "/v1/tenants", { key: OPERATOR_KEY, body: { name: "", slug: "Bad Slug!", region_code: "150" } });
    await expectProblem(res, {
      status: 422,
      code: "validation_failed",
      errors: [
        { path: "name", message: "must be at least 1 characters long" },
        { path: "slug", message: "must be 2–63 lower-case letters, digits or hyphens, starting with a letter or digit" },
        { path: "region_code", message: "must be a GB/T 2260 code: 2 digits (province), 4 (city) or 6 (county)" },
      ],
    });
    expect(await t.db.select().from(apiKeys).where(eq(apiKeys.role, "admin"))).toHaveLength((await t.db.select().from(tenants)).length);
  });
});
