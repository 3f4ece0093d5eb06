import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, OPERATOR_KEY, type TestApp } from "../helpers/app.ts";
import { createTenant, type TenantFixture } from "../helpers/factories.ts";
import { expectProblem } from "../helpers/problems.ts";

interface OpenApiDoc {
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: SchemaRef }> }> }>>;
  components: { schemas: Record<string, SchemaRef> };
}
interface SchemaRef {
  $ref?: string;
  type?: string;
  properties?: Record<string, SchemaRef>;
}

/** GET routes whose 200 answer is a page (`{ data: [...] }`): every collection route of the document. */
function listRoutes(doc: OpenApiDoc): string[] {
  const resolve = (s: SchemaRef | undefined): SchemaRef | undefined => (s?.$ref ? doc.components.schemas[s.$ref.split("/").pop() ?? ""] : s);
  return Object.entries(doc.paths)
    .filter(([, ops]) => {
      const schema = resolve(ops.get?.responses?.["200"]?.content?.["application/json"]?.schema);
      return resolve(schema?.properties?.data)?.type === "array";
    })
    .map(([path]) => path);
}

describe("unknown query parameters", () => {
  let t: TestApp;
  let tenant: TenantFixture;
  let routes: string[];

  beforeAll(async () => {
    t = await createTestApp();
    tenant = await createTenant(t);
    routes = listRoutes((await (await t.call("GET", "/openapi.json")).json()) as OpenApiDoc);
  });
  afterAll(() => t.close());

  it("finds the collection routes in the OpenAPI document", () => {
    expect(routes).toEqual(expect.arrayContaining(["/v1/talents", "/v1/demands", "/v1/events", "/v1/tenants", "/v1/demands/{id}/matches", "/v1/suggestions", "/v1/events/{id}/meetings", "/v1/taxonomy/regions"]));
    expect(routes.length).toBeGreaterThanOrEqual(19);
  });

  it("are a 400 naming the parameter on every list route", async () => {
    for (const path of routes) {
      const url = `${path.replace(/\{[^}]+\}/g, "x")}?name=Python`;
      let res = await t.call("GET", url, { key: tenant.adminKey });
      if (res.status === 403) res = await t.call("GET", url, { key: OPERATOR_KEY });
      expect([path, res.status]).toEqual([path, 400]);
      await expectProblem(res, { status: 400, code: "invalid_parameter", errors: [{ path: "name", message: "unknown query parameter" }] });
    }
  });

  it("are named one by one, in Chinese too", async () => {
    const res = await t.call("GET", "/v1/demands?page=2&sort=name", { key: tenant.adminKey, headers: { "accept-language": "zh" } });
    await expectProblem(res, {
      status: 400,
      code: "invalid_parameter",
      errors: [
        { path: "page", message: "未知的查询参数" },
        { path: "sort", message: "未知的查询参数" },
      ],
    });
  });

  it("leave declared parameters working", async () => {
    const res = await t.call("GET", "/v1/talents?limit=5&city=1506", { key: tenant.adminKey });
    expect(res.status).toBe(200);
  });
});
