import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IndustryResponse, OccupationResponse, RegionResponse, ResolutionResponse } from "../../workers/routes/taxonomy/schema.ts";
import { searchTaxonomy } from "../../workers/taxonomy/search.ts";
import { createTestApp, type TestApp } from "../helpers/app.ts";
import { describeAuth } from "../helpers/auth-suite.ts";
import { createKey, createTenant, type TenantFixture } from "../helpers/factories.ts";
import { expectProblem } from "../helpers/problems.ts";
import { talentKey as invitedTalentKey } from "../helpers/profiles.ts";

for (const path of ["/v1/taxonomy/industries", "/v1/taxonomy/occupations", "/v1/taxonomy/regions", "/v1/taxonomy/resolve?kind=region&name=鄂尔多斯"]) {
  describeAuth(`GET ${path}`, createTestApp, { request: () => ({ method: "GET", path }), forbidden: [] });
}

interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

describe("taxonomy", () => {
  let t: TestApp;
  let tenant: TenantFixture;
  let keys: Record<string, string>;
  const get = async <T>(path: string, key = tenant.adminKey): Promise<T> => {
    const res = await t.call("GET", path, { key });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as T;
  };
  const bad = (path: string) => t.call("GET", path, { key: tenant.adminKey });

  beforeAll(async () => {
    t = await createTestApp();
    tenant = await createTenant(t);
    const talent = await t.call("POST", "/v1/talents", { key: tenant.adminKey, body: { name: "张三" } });
    const talentId = ((await talent.json()) as { id: string }).id;

    keys = {
      admin: tenant.adminKey,
      organizer: (await createKey(t, tenant.adminKey, tenant.adminOrganizationId, "organizer")).key,
      talent: await invitedTalentKey(t, tenant.adminKey, talentId),
    };
  });
  afterAll(() => t.close());

  it("lets every tenant role read reference data, talents included", async () => {
    for (const key of Object.values(keys)) {
      const body = await get<Page<RegionResponse>>("/v1/taxonomy/regions?q=15&limit=1", key);
      expect(body.data.map((r) => r.code)).toEqual(["15"]);
    }
  });

  it("answers industries with their section and path from the root", async () => {
    const body = await get<Page<IndustryResponse>>("/v1/taxonomy/industries?q=261&limit=1");
    expect(body).toEqual({
      data: [
        {
          code: "261",
          name: "基础化学原料制造",
          level: "group",
          parent: "26",
          section: "C",
          path: [
            { code: "C", name: "制造业" },
            { code: "26", name: "化学原料和化学制品制造业" },
          ],
        },
      ],
      next_cursor: expect.any(String),
    });
  });

  it("answers occupations with their aliases, found by an alias or an undashed code", async () => {
    const byAlias = await get<Page<OccupationResponse>>(`/v1/taxonomy/occupations?q=${encodeURIComponent("联合创始人")}`);
    expect(byAlias).toEqual({
      data: [
        {
          code: "1-06-01-01",
          name: "企业董事",
          level: "occupation",
          parent: "1-06-01",
          aliases: ["副总裁/副总经理VP", "联合创始人"],
          path: [expect.objectContaining({ code: "1" }), expect.objectContaining({ code: "1-06" }), expect.objectContaining({ code: "1-06-01" })],
        },
      ],
      next_cursor: null,
    });
    const byCode = await get<Page<OccupationResponse>>("/v1/taxonomy/occupations?q=2020904");
    expect(byCode.data.map((o) => o.code)).toEqual(["2-02-09-04"]);
    const leaf = await get<Page<OccupationResponse>>("/v1/taxonomy/occupations?q=2-02-09&level=occupation&limit=100");
    expect(leaf.data.length).toBeGreaterThan(0);
    expect(leaf.data.every((o) => o.level === "occupation" && o.code.startsWith("2-02-09-") && Array.isArray(o.aliases))).toBe(true);
  });

  it("lists a province's cities by parent and level, exact name matches first", async () => {
    const cities = await get<Page<RegionResponse>>("/v1/taxonomy/regions?parent=15&level=city&limit=100");
    expect(cities.data).toHaveLength(12);
    expect(cities.data.find((c) => c.code === "1506")).toEqual({ code: "1506", name: "鄂尔多斯市", level: "city", parent: "15", path: [{ code: "15", name: "内蒙古自治区" }] });
    const exact = await get<Page<RegionResponse>>(`/v1/taxonomy/regions?q=${encodeURIComponent("朝阳区")}`);
    expect(exact.data.map((r) => r.code)).toEqual(["110105", "220104"]);
  });

  it("pages through every result of a query exactly once, in order", async () => {
    const expected = searchTaxonomy("industries", "制造", { limit: 10_000, offset: 0 }).rows.map((r) => r.code);
    expect(expected.length).toBeGreaterThan(100);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const qs: string = `q=${encodeURIComponent("制造")}&limit=37${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const body: Page<IndustryResponse> = await get<Page<IndustryResponse>>(`/v1/taxonomy/industries?${qs}`);
      expect(body.data.length).toBeLessThanOrEqual(37);
      seen.push(...body.data.map((r) => r.code));
      cursor = body.next_cursor;
      pages++;
    } while (cursor);
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBe(Math.ceil(expected.length / 37));
  });

  it("answers an empty page for a query nothing matches", async () => {
    expect(await get("/v1/taxonomy/regions?q=zzzz")).toEqual({ data: [], next_cursor: null });
  });

  describe("resolve", () => {
    const resolve = (qs: string) => get<ResolutionResponse>(`/v1/taxonomy/resolve?${qs}`);

    it.each([
      ["kind=region&name=鄂尔多斯", { status: "ok", code: "1506", name: "鄂尔多斯市", level: "city", matched_by: "short_name" }],
      ["kind=region&name=北京市朝阳区", { status: "ok", code: "110105", name: "朝阳区", level: "area", matched_by: "qualified_name" }],
      ["kind=region&name=朝阳区&within=22", { status: "ok", code: "220104", name: "朝阳区", level: "area", matched_by: "name" }],
      ["kind=region&name=吉林&level=city", { status: "ok", code: "2202", name: "吉林市", level: "city", matched_by: "short_name" }],
      ["kind=industry&name=化学原料和化学制品制造业", { status: "ok", code: "26", name: "化学原料和化学制品制造业", level: "division", matched_by: "name" }],
      ["kind=occupation&name=２０２０９０４", { status: "ok", code: "2-02-09-04", name: "电子仪器与电子测量工程技术人员", level: "occupation", matched_by: "code" }],
      ["kind=occupation&name=联合创始人", { status: "ok", code: "1-06-01-01", name: "企业董事", level: "occupation", matched_by: "alias" }],
      ["kind=region&name=鄂尔多思", { status: "unknown", suggestions: [{ code: "1506", name: "鄂尔多斯市" }] }],
      ["kind=region&name=市辖区", { status: "unknown", suggestions: [] }],
    ])("%s", async (qs, expected) => {
      const [kind, name, ...rest] = qs.split("&");
      expect(await resolve([kind, `name=${encodeURIComponent((name ?? "").slice(5))}`, ...rest].join("&"))).toEqual(expected);
    });

    it("lists ambiguous candidates with their paths", async () => {
      expect(await resolve(`kind=region&name=${encodeURIComponent("朝阳区")}`)).toEqual({
        status: "ambiguous",
        candidates: [
          { code: "110105", name: "朝阳区", level: "area", path: [{ code: "11", name: "北京市" }, { code: "1101", name: "北京市" }] },
          { code: "220104", name: "朝阳区", level: "area", path: [{ code: "22", name: "吉林省" }, { code: "2201", name: "长春市" }] },
        ],
      });
    });
  });

  describe("bad input", () => {
    it("answers 400 for a bad limit", async () => {
      await expectProblem(await bad("/v1/taxonomy/industries?limit=abc"), {
        status: 400,
        code: "invalid_parameter",
        detail: "A request parameter is not valid.",
        errors: [{ path: "limit", message: "must be a number" }],
      });
      await expectProblem(await bad("/v1/taxonomy/occupations?limit=0"), {
        status: 400,
        code: "invalid_parameter",
        detail: "A request parameter is not valid.",
        errors: [{ path: "limit", message: "must be at least 1" }],
      });
      await expectProblem(await bad("/v1/taxonomy/regions?limit=101"), {
        status: 400,
        code: "invalid_parameter",
        detail: "A request parameter is not valid.",
        errors: [{ path: "limit", message: "must be at most 100" }],
      });
    });

    it("answers 400 for a tampered cursor and for another query's cursor", async () => {
      const cursorProblem = {
        status: 400,
        code: "invalid_parameter",
        detail: "The cursor is not valid.",
        errors: [{ path: "cursor", message: "Not a cursor returned by this API." }],
      };
      await expectProblem(await bad("/v1/taxonomy/regions?cursor=not-a-cursor"), cursorProblem);
      await expectProblem(await bad(`/v1/taxonomy/regions?cursor=${btoa(JSON.stringify({ o: -5, q: "x" }))}`), cursorProblem);
      const first = await get<Page<RegionResponse>>("/v1/taxonomy/regions?parent=15&limit=2");
      expect(first.next_cursor).not.toBeNull();
      await expectProblem(await bad(`/v1/taxonomy/regions?parent=14&limit=2&cursor=${first.next_cursor ?? ""}`), cursorProblem);
      await expectProblem(await bad(`/v1/taxonomy/industries?limit=2&cursor=${first.next_cursor ?? ""}`), cursorProblem);
    });

    it("answers 400 for a level of another taxonomy, a bad parent and a long query", async () => {
      await expectProblem(await bad("/v1/taxonomy/industries?level=city"), {
        status: 400,
        code: "invalid_parameter",
        detail: "A request parameter is not valid.",
        errors: [{ path: "level", message: "must be one of: section, division, group, class" }],
      });
      await expectProblem(await bad("/v1/taxonomy/occupations?level=class"), {
        status: 400,
        code: "invalid_parameter",
        detail: "A request parameter is not valid.",
        errors: [{ path: "level", message: "must be one of: major, middle, minor, occupation" }],
      });
      await expectProblem(await bad("/v1/taxonomy/regions?level=county&parent=150"), {
        status: 400,
        code: "invalid_parameter",
        detail: "A request parameter is not valid.",
        errors: [
          { path: "level", message: "must be one of: province, city, area" },
          { path: "parent", message: "must be a province (2-digit) or city (4-digit) code" },
        ],
      });
      await expectProblem(await bad(`/v1/taxonomy/regions?q=${"区".repeat(101)}`), {
        status: 400,
        code: "invalid_parameter",
        detail: "A request parameter is not valid.",
        errors: [{ path: "q", message: "must be at most 100 characters long" }],
      });
    });

    it("answers 400 for a resolve without kind or name, or with region options for another kind", async () => {
      await expectProblem(await bad("/v1/taxonomy/resolve"), {
        status: 400,
        code: "invalid_parameter",
        detail: "A request parameter is not valid.",
        errors: [
          { path: "kind", message: "is required" },
          { path: "name", message: "is required" },
        ],
      });
      await expectProblem(await bad("/v1/taxonomy/resolve?kind=city&name=%20"), {
        status: 400,
        code: "invalid_parameter",
        detail: "A request parameter is not valid.",
        errors: [
          { path: "kind", message: "must be one of: industry, occupation, region" },
          { path: "name", message: "must be at least 1 characters long" },
        ],
      });
      await expectProblem(await bad("/v1/taxonomy/resolve?kind=industry&name=26&level=city&within=15"), {
        status: 400,
        code: "invalid_parameter",
        detail: "A request parameter is not valid.",
        errors: [
          { path: "level", message: "applies to kind=region only" },
          { path: "within", message: "applies to kind=region only" },
        ],
      });
      await expectProblem(await bad("/v1/taxonomy/resolve?kind=region&name=x&within=1"), {
        status: 400,
        code: "invalid_parameter",
        detail: "A request parameter is not valid.",
        errors: [{ path: "within", message: "must be a region code (2, 4 or 6 digits)" }],
      });
    });
  });

  it("documents every taxonomy route with named schemas", async () => {
    const doc = (await (await t.call("GET", "/openapi.json")).json()) as { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    for (const path of ["/v1/taxonomy/industries", "/v1/taxonomy/occupations", "/v1/taxonomy/regions", "/v1/taxonomy/resolve"]) expect(doc.paths).toHaveProperty([path]);
    for (const name of ["Industry", "Occupation", "Region", "IndustryList", "TaxonomyResolution"]) expect(doc.components.schemas).toHaveProperty([name]);
  });
});
