import fc from "fast-check";

/** The subset of JSON Schema (OpenAPI 3.1) that the API's request schemas use. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  example?: unknown;
  default?: unknown;
}

export interface SchemaContext {
  /** `components.schemas`, for `$ref`s. */
  components: Record<string, JsonSchema>;
  /** Real ids of the fixture: a string whose pattern one matches is usually that id. */
  realIds: string[];
  /** Real `next_cursor`s, to send where they do not belong. */
  cursors: string[];
}

export function resolve(schema: JsonSchema, ctx: SchemaContext): JsonSchema {
  let s = schema;
  for (let i = 0; i < 10 && s.$ref; i++) s = ctx.components[s.$ref.replace("#/components/schemas/", "")] ?? {};
  return s;
}

const DATE = fc.oneof(
  { weight: 6, arbitrary: fc.date({ min: new Date("2025-01-01T00:00:00Z"), max: new Date("2028-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString()) },
  // Edges of the calendar and of Date itself.
  { weight: 1, arbitrary: fc.constantFrom("0001-01-01T00:00:00Z", "1970-01-01T00:00:00.000Z", "9999-12-31T23:59:59Z", "2026-02-29T00:00:00Z", "2028-02-29T12:00:00+08:00", "2026-12-31T23:59:59.999Z") },
);

function stringArb(s: JsonSchema, ctx: SchemaContext): fc.Arbitrary<string> {
  const choices: fc.Arbitrary<string>[] = [];
  // The example is the one value known to be valid in context (a JSON mapping, a quarter): favour it.
  if (typeof s.example === "string") choices.push(fc.constant(s.example), fc.constant(s.example));
  if (s.format === "date-time") choices.push(DATE);
  else if (s.format === "date") choices.push(DATE.map((d) => d.slice(0, 10)));
  else if (s.format === "email") choices.push(fc.emailAddress());
  else if (s.format === "uri" || s.format === "url") choices.push(fc.constant("https://hooks.wutong-fuzz.invalid/in"));
  if (s.pattern) {
    const re = new RegExp(s.pattern);
    const real = ctx.realIds.filter((id) => re.test(id));
    if (real.length > 0) choices.push(fc.constantFrom(...real), fc.constantFrom(...real));
    choices.push(fc.stringMatching(re));
  } else if (!s.format) {
    const minLength = s.minLength ?? 0;
    const maxLength = Math.max(minLength, Math.min(s.maxLength ?? 40, 40));
    choices.push(fc.string({ minLength, maxLength }), fc.string({ minLength, maxLength, unit: "grapheme" }));
    // Exactly at the limit, in characters that take three bytes each.
    if (s.maxLength !== undefined && s.maxLength <= 100_000) choices.push(fc.constant("字".repeat(s.maxLength)));
  }
  return choices.length > 0 ? fc.oneof(...choices) : fc.string();
}

function numberArb(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1000);
  const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : Math.max(min, 0) + 1000);
  if (integer) return fc.integer({ min: Math.ceil(min), max: Math.max(Math.ceil(min), Math.floor(max)) });
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/**
 * Values a schema probably accepts: examples, enums, real ids for id patterns, values within the
 * bounds. Close enough to valid that a single mutation tests one field's validation.
 */
export function validArb(schema: JsonSchema, ctx: SchemaContext, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema, ctx);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives && alternatives.length > 0) return fc.oneof(...alternatives.map((a) => validArb(a, ctx, depth + 1)));
  if (s.allOf && s.allOf.length > 0) return validArb(s.allOf[0] ?? {}, ctx, depth + 1);
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  const nonNull = types.filter((t) => t !== "null");
  const arb = typedArb(s, nonNull[0], ctx, depth);
  if (types.includes("null")) return fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: fc.constant(null) });
  return arb;
}

function typedArb(s: JsonSchema, type: string | undefined, ctx: SchemaContext, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case "string":
      return stringArb(s, ctx);
    case "integer":
      return numberArb(s, true);
    case "number":
      return numberArb(s, false);
    case "boolean":
      return fc.boolean();
    case "array": {
      const minLength = s.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(s.maxItems ?? 4, 4));
      const items = depth > 4 ? fc.constant(null) : validArb(s.items ?? {}, ctx, depth + 1);
      const arrays: fc.Arbitrary<unknown[]>[] = [fc.array(items, { minLength, maxLength })];
      if (Array.isArray(s.example)) arrays.push(fc.constant(s.example));
      // As many items as allowed: bulk statements must stay within the database's parameter limits.
      if (s.maxItems !== undefined && s.maxItems > maxLength && s.maxItems <= 1000) arrays.push(fc.array(items, { minLength: s.maxItems, maxLength: s.maxItems }));
      return fc.oneof(...arrays);
    }
    case "object": {
      const props = s.properties ?? {};
      if (depth > 4 || Object.keys(props).length === 0) return s.example !== undefined ? fc.constant(s.example) : fc.constant({});
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, prop] of Object.entries(props)) model[name] = validArb(prop, ctx, depth + 1);
      return fc.record(model, { requiredKeys: s.required ?? [] });
    }
    default:
      return s.example !== undefined ? fc.constant(s.example) : fc.jsonValue({ maxDepth: 2 });
  }
}
