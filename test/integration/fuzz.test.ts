import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { createTestApp } from "../helpers/app.ts";
import { checkResponse } from "./fuzz/check.ts";
import { type FuzzRequest, operationsOf, requestArb } from "./fuzz/requests.ts";
import type { JsonSchema, SchemaContext } from "./fuzz/schema.ts";
import { createFuzzWorld } from "./fuzz/world.ts";

/**
 * Every operation of the OpenAPI document, driven with generated bad input on a real app over
 * libSQL: never a 5xx, and every 4xx a well-formed problem. `FUZZ_RUNS=2000` runs more cases per
 * operation; `FUZZ_SEED=<seed>` replays the run a failure printed. `npm test` uses a fixed seed, so
 * a gate never fails on an input no one has seen; `FUZZ_SEED=random` explores new ones by hand.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const FIXED_SEED = 20261204;
const SEED = process.env.FUZZ_SEED === "random" ? undefined : Number(process.env.FUZZ_SEED ?? FIXED_SEED);

// Throttling is off: thousands of requests from one address and key are the point here.
const t = await createTestApp({ RATE_LIMIT_AUTH_FAILURES: "0", RATE_LIMIT_WRITES: "0" });
// Before the fixture roadshow's signups close, so its signup and event routes reach their handlers.
t.setNow(new Date("2026-06-01T00:00:00Z"));
const world = await createFuzzWorld(t);
const doc = (await (await t.call("GET", "/openapi.json")).json()) as Parameters<typeof operationsOf>[0] & { components: { schemas?: Record<string, JsonSchema> } };
const ctx: SchemaContext = { components: doc.components.schemas ?? {}, realIds: Object.values(world.ids), cursors: world.cursors };
const operations = operationsOf(doc);

async function send(req: FuzzRequest): Promise<Response> {
  const init: RequestInit = { method: req.method, headers: req.headers };
  if (req.body !== undefined && req.method !== "GET") init.body = req.body;
  return t.app.request(req.url, init);
}

describe("fuzzing every operation with bad input", () => {
  afterAll(() => t.close());

  it("covers every documented operation", () => {
    expect(operations.length).toBeGreaterThan(80);
  });

  for (const op of operations) {
    it(`${op.key} never answers 5xx and always answers 4xx with a problem`, async () => {
      // Each operation answers for its own failures only.
      t.logs.length = 0;
      await fc.assert(
        fc.asyncProperty(requestArb(op, ctx, world.keys), async (req) => {
          await checkResponse(req, await send(req));
          if (op.key.startsWith("PATCH /v1/webhook-endpoints")) await world.restore();
        }),
        { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
      );
      await t.jobs.drain();
      expect(t.logs.filter((l) => l.level === "error").map((l) => `${l.msg} ${JSON.stringify(l.fields).slice(0, 300)}`)).toEqual([]);
    }, 120_000);
  }

  it("answers a method a path does not have with 405 and Allow, as a problem", async () => {
    const templates = operations.map((op) => ({ method: op.method, pattern: new RegExp(`^${op.path.replace(/\{\w+\}/g, "[^/]+")}$`) }));
    for (const path of new Set(operations.map((op) => op.path))) {
      const url = path.replace(/\{\w+\}/g, "x");
      // `GET /v1/talents/imports` is `GET /v1/talents/{id}` with a bad id: only methods no route matches are 405s.
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => !templates.some((tp) => tp.method === m && tp.pattern.test(url)))) {
        const req: FuzzRequest = { method, url, headers: { authorization: `Bearer ${world.keys.admin}` } };
        const res = await send(req);
        expect(res.status, `${method} ${url}`).toBe(405);
        await checkResponse(req, res);
      }
      for (const method of ["HEAD", "OPTIONS"]) {
        const req: FuzzRequest = { method, url, headers: { authorization: `Bearer ${world.keys.admin}` } };
        const res = await send(req);
        expect(res.status, `${method} ${url}`).toBeLessThan(500);
        if (method === "OPTIONS") await checkResponse(req, res);
      }
    }
  });
});
