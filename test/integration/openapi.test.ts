import { createConfig, lintFromString } from "@redocly/openapi-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPERATION_IDS, PUBLIC_OPERATIONS, TAGS } from "../../workers/routes/operation-ids.ts";
import { createTestApp, type TestApp } from "../helpers/app.ts";

interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; required?: boolean }[];
  responses: Record<string, unknown>;
}

interface Document {
  openapi: string;
  servers?: { url: string }[];
  tags?: { name: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
  webhooks: Record<string, Record<string, Operation>>;
  components: Record<string, Record<string, unknown>>;
}

const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

function operations(items: Record<string, Record<string, Operation>>): { key: string; path: string; op: Operation }[] {
  return Object.entries(items).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.has(method))
      .map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, path, op })),
  );
}

describe("the OpenAPI document a client developer meets", () => {
  let t: TestApp;
  let raw: string;
  let doc: Document;
  let all: { key: string; path: string; op: Operation }[];

  beforeAll(async () => {
    t = await createTestApp();
    const res = await t.call("GET", "/openapi.json");
    expect(res.status).toBe(200);
    raw = await res.text();
    doc = JSON.parse(raw) as Document;
    all = [...operations(doc.paths), ...operations(doc.webhooks)];
  });
  afterAll(() => t.close());

  it("names every operation with a unique camelCase operationId from the central table", () => {
    const paths = operations(doc.paths);
    const missing = paths.filter(({ op }) => op.operationId === undefined).map(({ key }) => key);
    expect(missing, "add these routes to OPERATION_IDS in workers/routes/operation-ids.ts").toEqual([]);
    const stale = Object.keys(OPERATION_IDS).filter((key) => !paths.some((p) => p.key === key));
    expect(stale, "OPERATION_IDS entries naming no route").toEqual([]);
    const ids = all.map(({ op }) => op.operationId ?? "");
    for (const id of ids) expect(id).toMatch(/^[a-z][a-zA-Z0-9]*$/);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i), "duplicate operationIds").toEqual([]);
  });

  it("gives the names a generated client is expected to have", () => {
    const idOf = (key: string) => operations(doc.paths).find((p) => p.key === key)?.op.operationId;
    expect(idOf("GET /v1/demands")).toBe("listDemands");
    expect(idOf("POST /v1/demands")).toBe("createDemand");
    expect(idOf("GET /v1/demands/{id}")).toBe("getDemand");
    expect(idOf("GET /v1/demands/{id}/matches")).toBe("listDemandMatches");
    expect(idOf("POST /v1/catalogs/{id}/imports")).toBe("importCatalog");
    expect(idOf("POST /v1/introductions/{id}/accept")).toBe("acceptIntroduction");
    expect(doc.webhooks["introduction.accepted"]?.post?.operationId).toBe("introductionAcceptedEvent");
  });

  it("declares a security requirement on every operation: the bearer key, or explicitly none", () => {
    expect(Object.keys(doc.components.securitySchemes ?? {})).toEqual(["bearer"]);
    for (const { key, op } of operations(doc.paths)) {
      expect(op.security, key).toEqual(PUBLIC_OPERATIONS.has(key) ? [] : [{ bearer: [] }]);
    }
    for (const { key, op } of operations(doc.webhooks)) expect(op.security, key).toEqual([]);
    for (const key of PUBLIC_OPERATIONS) expect(operations(doc.paths).some((p) => p.key === key), key).toBe(true);
  });

  it("says where the API is served", () => {
    expect(doc.servers?.length).toBeGreaterThan(0);
    for (const server of doc.servers ?? []) expect(server.url).not.toMatch(/example\.com/);
  });

  it("describes every operation, with a success and a 4xx problem response", () => {
    for (const { key, op } of all) {
      expect(`${op.summary ?? ""}${op.description ?? ""}`.trim(), `${key} summary`).not.toBe("");
      const statuses = Object.keys(op.responses);
      expect(statuses.some((s) => /^2\d\d$/.test(s)), `${key} 2xx`).toBe(true);
    }
    for (const { key, op } of operations(doc.paths)) {
      const fourXX = Object.entries(op.responses).filter(([s]) => /^4\d\d$/.test(s));
      expect(fourXX.length, `${key} documents a 4xx`).toBeGreaterThan(0);
      for (const [status, response] of fourXX) expect(response, `${key} ${status}`).toHaveProperty(["content", "application/problem+json"]);
    }
  });

  it("declares every path parameter the path names, and no other", () => {
    for (const { key, path, op } of operations(doc.paths)) {
      const named = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const declared = (op.parameters ?? []).filter((p) => p.in === "path");
      expect(declared.map((p) => p.name).sort(), key).toEqual([...named].sort());
      for (const p of declared) expect(p.required, `${key} ${p.name}`).toBe(true);
    }
  });

  it("defines every tag it uses, and uses every tag it defines", () => {
    const defined = (doc.tags ?? []).map((tag) => tag.name);
    expect(defined).toEqual(TAGS.map((tag) => tag.name));
    const used = new Set(all.flatMap(({ op }) => op.tags ?? []));
    for (const { key, op } of all) {
      expect(op.tags?.length, `${key} has a tag`).toBeGreaterThan(0);
      for (const tag of op.tags ?? []) expect(defined, `${key} tag '${tag}'`).toContain(tag);
    }
    expect(defined.filter((name) => !used.has(name)), "tags no operation uses").toEqual([]);
    for (const tag of doc.tags ?? []) expect(tag.description, tag.name).toMatch(/\S/);
  });

  it("has no component that nothing refers to", () => {
    const refs = new Set([...raw.matchAll(/"\$ref":"#\/components\/(\w+)\/([^"]+)"/g)].map((m) => `${m[1]}/${m[2]}`));
    for (const [kind, entries] of Object.entries(doc.components)) {
      if (kind === "securitySchemes") continue;
      for (const name of Object.keys(entries)) expect(refs.has(`${kind}/${name}`), `components.${kind}.${name} is unused`).toBe(true);
    }
    for (const ref of refs) {
      const [kind, name] = ref.split("/");
      expect(doc.components[kind ?? ""]?.[name ?? ""], `$ref to missing ${ref}`).toBeDefined();
    }
  });

  it("passes Redocly's recommended lint rules with no error or warning", async () => {
    const config = await createConfig({ extends: ["recommended"] });
    const problems = await lintFromString({ source: raw, absoluteRef: "/openapi.json", config });
    const found = problems.map((p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer ?? ""}: ${p.message}`);
    expect(found).toEqual([]);
  });
});
