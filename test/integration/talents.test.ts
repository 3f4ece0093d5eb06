import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeys, auditLog, matchKeys, talents } from "../../schema/index.ts";
import { keysOf } from "../../workers/data/match-keys.ts";
import { createTestApp, type TestApp } from "../helpers/app.ts";
import { describeAuth } from "../helpers/auth-suite.ts";
import { createKey, createOrganization, createTenant, type TenantFixture, unique } from "../helpers/factories.ts";
import { expectProblem } from "../helpers/problems.ts";
import { talentKey, uniquePhone } from "../helpers/profiles.ts";


const fullTalent = () => ({
  name: "李明",
  external_id: unique("ext"),
  phone: uniquePhone(),
  email: "li.ming@example.com",
  education: "master",
  school: "内蒙古大学",
  major: "化学工程与工艺",
  title_level: "intermediate",
  experience_years: 6,
  industries: ["2614"],
  occupations: ["2-02-06-03"],
  skills: ["煤气化", "Aspen Plus", "PLC编程"],
  city: "1501",
  origin_city: "1506",
  desired_cities: ["1506", "1502"],
  modes: ["full_time", "project"],
  salary_expected: 15000,
  category_level: 5,
  honours: ["草原英才"],
  available_from: "2027-01-01",
  team: { name: "煤化工工艺团队", size: 5 },
});

describeAuth("POST /v1/talents", createTestApp, {
  request: () => ({ method: "POST", path: "/v1/talents", body: { name: "张三" } }),
  forbidden: ["enterprise"],
});
describeAuth("GET /v1/talents", createTestApp, { request: () => ({ method: "GET", path: "/v1/talents" }), forbidden: [] });

describe("talent profiles", () => {
  let t: TestApp;
  let tenant: TenantFixture;
  let enterpriseKey: string;
  let organizerKey: string;
  beforeAll(async () => {
    t = await createTestApp();
    tenant = await createTenant(t);
    const org = await createOrganization(t, tenant.adminKey);
    enterpriseKey = (await createKey(t, tenant.adminKey, org.id, "enterprise")).key;
    organizerKey = (await createKey(t, tenant.adminKey, tenant.adminOrganizationId, "organizer")).key;
  });
  afterAll(() => t.close());

  const create = async (body: Record<string, unknown> = fullTalent(), key = tenant.adminKey) => {
    const res = await t.call("POST", "/v1/talents", { key, body });
    expect(res.status).toBe(201);
    return (await res.json()) as Record<string, unknown> & { id: string };
  };

  it("round-trips every field, and writes index keys in the same batch", async () => {
    const input = fullTalent();
    const created = await create({ ...input, phone: `+86 ${input.phone.slice(0, 3)}-${input.phone.slice(3)}` });
    expect(created).toMatchObject({ ...input, contact_masked: false, refused_cities: [], willing_to_relocate: null, skill_level: null });
    const fetched = await (await t.call("GET", `/v1/talents/${created.id}`, { key: tenant.adminKey })).json();
    expect(fetched).toEqual(created);
    const keys = await keysOf(t.db, tenant.tenantId, created.id);
    expect(keys).toContain("i:26");
    expect(keys.some((k) => k.startsWith("t:"))).toBe(true);
    expect(keys.some((k) => k.startsWith("o:2-02-06"))).toBe(true);
  });

  it("masks phone and email for enterprises and organizers, in items and lists", async () => {
    const input = fullTalent();
    const created = await create(input);
    for (const key of [enterpriseKey, organizerKey]) {
      const item = (await (await t.call("GET", `/v1/talents/${created.id}`, { key })).json()) as Record<string, unknown>;
      expect(item.phone).toBe(`${input.phone.slice(0, 3)}****${input.phone.slice(-4)}`);
      expect(item.email).toBe("l***@example.com");
      expect(item.contact_masked).toBe(true);
      const list = await (await t.call("GET", "/v1/talents?limit=100", { key })).text();
      expect(list).not.toContain(input.phone);
      expect(list).not.toContain("li.ming@");
    }
  });

  it("lets a talent key read and edit only its own profile, with contact in clear", async () => {
    const mine = await create();
    const other = await create();
    const key = await talentKey(t, organizerKey, mine.id);
    const me = (await (await t.call("GET", "/v1/me", { key })).json()) as Record<string, unknown>;
    expect(me).toMatchObject({ role: "talent", talent_id: mine.id, organization: null });

    const own = (await (await t.call("GET", `/v1/talents/${mine.id}`, { key })).json()) as Record<string, unknown>;
    expect(own.phone).toBe(mine.phone);
    await expectProblem(await t.call("GET", `/v1/talents/${other.id}`, { key }), { status: 404, code: "not_found" });
    await expectProblem(await t.call("PATCH", `/v1/talents/${other.id}`, { key, body: { major: "x" } }), { status: 404, code: "not_found" });
    await expectProblem(await t.call("GET", "/v1/talents", { key }), { status: 403, code: "forbidden" });

    const patched = await t.call("PATCH", `/v1/talents/${mine.id}`, { key, body: { skills: ["氢能"], summary: null } });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ skills: ["氢能"], summary: null, major: "化学工程与工艺" });
    expect(await keysOf(t.db, tenant.tenantId, mine.id)).not.toEqual([]);
  });

  it("keeps index keys in step with updates", async () => {
    const created = await create();
    const before = await keysOf(t.db, tenant.tenantId, created.id);
    await t.call("PATCH", `/v1/talents/${created.id}`, { key: tenant.adminKey, body: { industries: ["4415"] } });
    const after = await keysOf(t.db, tenant.tenantId, created.id);
    expect(before).toContain("i:26");
    expect(after).not.toContain("i:26");
    expect(after).toContain("i:44");
  });

  it("erases a talent for real: row, contact, index keys and keys; the audit keeps only that it happened", async () => {
    const input = fullTalent();
    const created = await create(input);
    const key = await talentKey(t, tenant.adminKey, created.id);
    const res = await t.call("DELETE", `/v1/talents/${created.id}`, { key });
    expect(res.status).toBe(204);
    expect(await t.db.select().from(talents).where(eq(talents.id, created.id))).toEqual([]);
    expect(await t.db.select().from(matchKeys).where(eq(matchKeys.entityId, created.id))).toEqual([]);
    expect(await t.db.select().from(apiKeys).where(eq(apiKeys.talentId, created.id))).toEqual([]);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.subjectId, created.id));
    expect(audit.map((a) => a.action)).toContain("talent.erased");
    expect(JSON.stringify(audit)).not.toContain(input.phone);
    expect(JSON.stringify(audit)).not.toContain("李明");
    await expectProblem(await t.call("GET", `/v1/talents/${created.id}`, { key: tenant.adminKey }), { status: 404, code: "not_found" });
  });

  it("refuses erasure by organizers and enterprises", async () => {
    const created = await create();
    await expectProblem(await t.call("DELETE", `/v1/talents/${created.id}`, { key: organizerKey }), { status: 403, code: "forbidden" });
    await expectProblem(await t.call("DELETE", `/v1/talents/${created.id}`, { key: enterpriseKey }), { status: 403, code: "forbidden" });
  });

  it("filters lists by industry prefix, occupation, city, education (at least), mode and category", async () => {
    const fresh = await createTenant(t);
    const a = await create({ name: "甲", industries: ["2614"], education: "doctor", city: "1506", modes: ["consulting"], category_level: 2 }, fresh.adminKey);
    const b = await create({ name: "乙", industries: ["4415"], education: "bachelor", city: "1501", occupations: ["2-02-06-03"] }, fresh.adminKey);
    const ids = async (qs: string) =>
      ((await (await t.call("GET", `/v1/talents?${qs}`, { key: fresh.adminKey })).json()) as { data: { id: string }[] }).data.map((x) => x.id);
    expect(await ids("industry=26")).toEqual([a.id]);
    expect(await ids("industry=44")).toEqual([b.id]);
    expect(await ids("occupation=2-02")).toEqual([b.id]);
    expect(await ids("city=1501")).toEqual([b.id]);
    expect(await ids("education=master")).toEqual([a.id]);
    expect(await ids("education=associate")).toEqual([b.id, a.id]);
    expect(await ids("mode=consulting")).toEqual([a.id]);
    expect(await ids("category_level=2")).toEqual([a.id]);
  });

  it("refuses a duplicate phone or external id with 409", async () => {
    const input = fullTalent();
    await create(input);
    await expectProblem(await t.call("POST", "/v1/talents", { key: tenant.adminKey, body: { name: "王五", phone: input.phone } }), {
      status: 409,
      code: "conflict",
      detail: "A talent with this phone number already exists in this tenant.",
    });
    await expectProblem(await t.call("POST", "/v1/talents", { key: tenant.adminKey, body: { name: "王五", external_id: input.external_id } }), {
      status: 409,
      code: "conflict",
      detail: "A talent with this external_id already exists in this tenant.",
    });
  });

  it("names every invalid field", async () => {
    const res = await t.call("POST", "/v1/talents", {
      key: tenant.adminKey,
      body: {
        name: "",
        phone: "12345",
        email: "not-an-email",
        education: "phd",
        industries: ["9999"],
        occupations: ["2-77"],
        city: "159999",
        modes: ["forever"],
        category_level: 9,
        available_from: "next year",
        nickname: "小李",
      },
    });
    await expectProblem(res, {
      status: 422,
      code: "validation_failed",
      errors: [
        { path: "name", message: "must be at least 1 characters long" },
        { path: "phone", message: "must be a mainland mobile number (11 digits starting with 1)" },
        { path: "email", message: "must be an email address" },
        { path: "education", message: "must be one of: associate, bachelor, master, doctor" },
        { path: "industries.0", message: "is not a GB/T 4754-2017 industry code" },
        { path: "occupations.0", message: "is not an occupation code of 职业分类大典 2022" },
        { path: "city", message: "is not a GB/T 2260 code (2, 4 or 6 digits)" },
        { path: "modes.0", message: "must be one of: full_time, part_time, project, equity, consulting, seasonal, offshore, retired_expert" },
        { path: "category_level", message: "must be at most 8" },
        { path: "available_from", message: "must be a date (YYYY-MM-DD)" },
        { path: "nickname", message: "is not a known field" },
      ],
    });
  });

  it("answers 400 for bad list filters", async () => {
    await expectProblem(await t.call("GET", "/v1/talents?education=phd&category_level=0", { key: tenant.adminKey }), {
      status: 400,
      code: "invalid_parameter",
      errors: [
        { path: "category_level", message: "must be at least 1" },
        { path: "education", message: "must be one of: associate, bachelor, master, doctor" },
      ],
    });
  });

  it("answers 404 for another tenant's talent, on every route", async () => {
    const other = await createTenant(t);
    const theirs = await create(fullTalent(), other.adminKey);
    for (const [method, path, body] of [
      ["GET", `/v1/talents/${theirs.id}`, undefined],
      ["PATCH", `/v1/talents/${theirs.id}`, { major: "x" }],
      ["DELETE", `/v1/talents/${theirs.id}`, undefined],
      ["POST", `/v1/talents/${theirs.id}/keys`, undefined],
    ] as const) {
      await expectProblem(await t.call(method, path, { key: tenant.adminKey, body }), { status: 404, code: "not_found" });
    }
  });
});
