import fc from "fast-check";
import { importFile } from "./files.ts";
import {
  badAuthorization,
  badCursor,
  badId,
  badQueryValue,
  badValue,
  encode,
  fileBytes,
  malformedJson,
  nastyString,
  nonObjectJson,
  oddHeaderValue,
  unknownId,
  wrongContentType,
} from "./inputs.ts";
import { type JsonSchema, resolve, type SchemaContext, validArb } from "./schema.ts";
import type { FuzzKeys } from "./world.ts";

interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: JsonSchema;
}

/** One operation of the OpenAPI document, as the fuzzer drives it. */
export interface FuzzOperation {
  key: string;
  method: string;
  path: string;
  parameters: Parameter[];
  body?: { content: Record<string, { schema?: JsonSchema }> };
}

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema?: JsonSchema }> } }>>;
  components: { schemas?: Record<string, JsonSchema> };
}

const METHODS = ["get", "put", "post", "delete", "patch"];

export function operationsOf(doc: OpenApiDocument): FuzzOperation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        ...(op.requestBody ? { body: { content: op.requestBody.content } } : {}),
      })),
  );
}

function authArb(keys: FuzzKeys, operatorRoute: boolean): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { weight: operatorRoute ? 1 : 8, arbitrary: fc.constant(`Bearer ${keys.admin}`) },
    { weight: 2, arbitrary: fc.constant(`Bearer ${keys.organizer}`) },
    { weight: 2, arbitrary: fc.constant(`Bearer ${keys.enterprise}`) },
    { weight: 2, arbitrary: fc.constant(`Bearer ${keys.talent}`) },
    { weight: operatorRoute ? 8 : 1, arbitrary: fc.constant(`Bearer ${keys.operator}`) },
    { weight: 1, arbitrary: fc.constant(`Bearer ${keys.revoked}`) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: badAuthorization },
  );
}

/** The id prefix a path parameter's pattern names (`^dem_…` → `dem`), if any. */
function prefixOf(schema: JsonSchema | undefined): string {
  return /^\^\(?([a-z]+)[_|]/.exec(schema?.pattern ?? "")?.[1] ?? "xyz";
}

function pathValueArb(param: Parameter, ctx: SchemaContext, method: string): fc.Arbitrary<string> {
  const schema = param.schema ?? {};
  if (schema.enum) return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...schema.enum.map(String)) }, { weight: 2, arbitrary: nastyString });
  const prefix = prefixOf(schema);
  const real = ctx.realIds.filter((id) => schema.pattern && new RegExp(schema.pattern).test(id));
  const choices: { weight: number; arbitrary: fc.Arbitrary<string> }[] = [
    { weight: 2, arbitrary: unknownId(prefix) },
    { weight: 3, arbitrary: badId(prefix) },
  ];
  // A DELETE on the fixture's own object would leave every later case a 404.
  if (real.length > 0 && method !== "DELETE") choices.push({ weight: 6, arbitrary: fc.constantFrom(...real) });
  return fc.oneof(...choices);
}

/** A value the parameter probably accepts, or none. */
function queryValueArb(param: Parameter, ctx: SchemaContext): fc.Arbitrary<string | undefined> {
  const schema = resolve(param.schema ?? {}, ctx);
  const valid = validArb(schema, ctx).map((v) => (v === null || v === undefined ? undefined : typeof v === "string" ? v : JSON.stringify(v)));
  // A real cursor of some list, usually another one's: it must be refused as a cursor, not crash a decoder.
  const real = param.name === "cursor" && ctx.cursors.length > 0 ? [{ weight: 1, arbitrary: fc.constantFrom(...ctx.cursors) }] : [];
  return fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: valid }, ...real);
}

/** A query string with every parameter plausible but (usually) one, so each bad value meets an otherwise valid request. */
function queryArb(params: Parameter[], ctx: SchemaContext): fc.Arbitrary<[string, string][]> {
  const plausible = fc.tuple(...params.map((p) => queryValueArb(p, ctx)));
  const names = params.map((p) => p.name);
  const extra = fc.array(fc.tuple(fc.oneof(nastyString, fc.constantFrom(...names, "limit", "cursor")), badQueryValue), { maxLength: 2 });
  const spoil = fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.tuple(fc.nat(), badQueryValue, badCursor(ctx.cursors)) });
  const extras = fc.oneof({ weight: 4, arbitrary: fc.constant<[string, string][]>([]) }, { weight: 1, arbitrary: extra });
  return fc.tuple(plausible, spoil, extras).map(([values, bad, more]) => {
    const pairs: [string, string][] = [];
    const spoilt = bad && params.length > 0 ? bad[0] % params.length : -1;
    params.forEach((p, i) => {
      const value = i === spoilt && bad ? (p.name === "cursor" ? bad[2] : bad[1]) : values[i];
      if (value !== undefined) pairs.push([p.name, value]);
    });
    return [...pairs, ...more];
  });
}

function mutate(value: unknown, pick: number, kind: "replace" | "delete" | "extra", bad: unknown, extraKey: string): unknown {
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, at: (string | number)[]) => {
    paths.push(at);
    if (at.length > 5) return;
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...at, i]));
    else if (v !== null && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, [...at, k]);
  };
  walk(value, []);
  const at = paths[pick % paths.length] ?? [];
  if (at.length === 0) return kind === "extra" && value !== null && typeof value === "object" && !Array.isArray(value) ? { ...value, [extraKey]: bad } : bad;
  const copy: unknown = structuredClone(value);
  let parent: unknown = copy;
  for (const step of at.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[step];
  const last = at[at.length - 1] ?? "";
  const target = parent as Record<string | number, unknown>;
  if (kind === "delete" && !Array.isArray(parent)) delete target[last];
  else if (kind === "extra") {
    const inner = target[last];
    target[last] = inner !== null && typeof inner === "object" && !Array.isArray(inner) ? { ...inner, [extraKey]: bad } : bad;
  } else target[last] = bad;
  return copy;
}

interface BodyPart {
  contentType: string | undefined;
  body: string | Uint8Array | undefined;
}

function jsonBodyArb(schema: JsonSchema, ctx: SchemaContext): fc.Arbitrary<BodyPart> {
  const valid = validArb(schema, ctx);
  const json = (v: unknown): BodyPart => ({ contentType: "application/json", body: JSON.stringify(v) ?? "null" });
  const mutated = fc
    .tuple(valid, fc.nat(), fc.constantFrom<"replace" | "delete" | "extra">("replace", "replace", "delete", "extra"), badValue, nastyString)
    .map(([v, pick, kind, bad, extraKey]) => json(mutate(v, pick, kind, bad, extraKey || "extra")));
  return fc.oneof(
    { weight: 3, arbitrary: valid.map(json) },
    { weight: 8, arbitrary: mutated },
    { weight: 2, arbitrary: malformedJson.map((body) => ({ contentType: "application/json", body })) },
    { weight: 1, arbitrary: nonObjectJson.map((body) => ({ contentType: "application/json", body })) },
    { weight: 1, arbitrary: fc.tuple(wrongContentType, valid).map(([contentType, v]) => ({ contentType, body: JSON.stringify(v) })) },
    { weight: 1, arbitrary: fc.constantFrom<BodyPart>({ contentType: "application/json", body: undefined }, { contentType: undefined, body: undefined }) },
    // Just over the default 1 MiB limit.
    { weight: 1, arbitrary: fc.constant<BodyPart>({ contentType: "application/json", body: JSON.stringify({ title: "x".repeat(1_100_000) }) }) },
  );
}

function fileBodyArb(content: Record<string, { schema?: JsonSchema }>, ctx: SchemaContext, kind: "demand" | "talent"): fc.Arbitrary<BodyPart> {
  const types = Object.keys(content);
  const jsonSchema = content["application/json"]?.schema;
  return fc.oneof(
    { weight: 6, arbitrary: importFile(kind) },
    { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...types), fileBytes).map(([contentType, body]) => ({ contentType, body })) },
    { weight: 2, arbitrary: fc.tuple(wrongContentType, fileBytes).map(([contentType, body]) => ({ contentType, body })) },
    {
      weight: 2,
      arbitrary: fc
        .oneof(fc.array(fc.dictionary(nastyString, badValue, { maxKeys: 4 }), { maxLength: 4 }), fc.record({ rows: badValue }), validArb(jsonSchema ?? {}, ctx))
        .map((v) => ({ contentType: "application/json", body: JSON.stringify(v) ?? "null" })),
    },
    { weight: 1, arbitrary: malformedJson.map((body) => ({ contentType: "application/json", body })) },
  );
}

function bodyArb(op: FuzzOperation, ctx: SchemaContext): fc.Arbitrary<BodyPart> {
  if (!op.body) {
    // A body where none is expected must be ignored or refused, never crash.
    return fc.oneof(
      { weight: 6, arbitrary: fc.constant<BodyPart>({ contentType: undefined, body: undefined }) },
      { weight: 1, arbitrary: fc.tuple(wrongContentType, malformedJson).map(([contentType, body]) => ({ contentType, body })) },
      { weight: 1, arbitrary: badValue.map((v) => ({ contentType: "application/json", body: JSON.stringify(v) ?? "null" })) },
    );
  }
  const types = Object.keys(op.body.content);
  if (types.some((t) => t !== "application/json")) return fileBodyArb(op.body.content, ctx, op.path.startsWith("/v1/talents") ? "talent" : "demand");
  return jsonBodyArb(op.body.content["application/json"]?.schema ?? {}, ctx);
}

let idempotencySeq = 0;

/** Bad requests of every kind for one operation; most carry a working key so validation, not auth, is what they test. */
export function requestArb(op: FuzzOperation, ctx: SchemaContext, keys: FuzzKeys): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.parameters.filter((p) => p.in === "path");
  const queryParams = op.parameters.filter((p) => p.in === "query");
  const pathArb = fc.tuple(...pathParams.map((p) => pathValueArb(p, ctx, op.method)));
  const idempotency = fc.oneof(
    { weight: 4, arbitrary: fc.constant<string | undefined>(undefined) },
    { weight: 2, arbitrary: fc.constant("fresh") },
    { weight: 1, arbitrary: oddHeaderValue },
  );
  const accept = fc.oneof({ weight: 5, arbitrary: fc.constant<string | undefined>(undefined) }, { weight: 1, arbitrary: fc.constantFrom("text/csv", "application/xml", "*/*", "text/html", "image/png") });
  return fc
    .record({ auth: authArb(keys, op.path.startsWith("/v1/tenants")), path: pathArb, pairs: queryArb(queryParams, ctx), body: bodyArb(op, ctx), idempotency, accept })
    .map(({ auth, path, pairs, body, idempotency: idem, accept: acc }) => {
      let i = 0;
      const url = op.path.replace(/\{(\w+)\}/g, () => encode(path[i++] ?? ""));
      const qs = pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join("&");
      const headers: Record<string, string> = {};
      if (auth !== undefined) headers.authorization = auth;
      if (body.contentType !== undefined) headers["content-type"] = body.contentType;
      if (idem === "fresh") headers["idempotency-key"] = `fuzz-${++idempotencySeq}`;
      else if (idem !== undefined) headers["idempotency-key"] = idem;
      if (acc !== undefined) headers.accept = acc;
      return { method: op.method, url: qs ? `${url}?${qs}` : url, headers, ...(body.body !== undefined ? { body: body.body } : {}) };
    });
}
