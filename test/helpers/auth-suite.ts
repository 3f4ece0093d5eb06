import type { Role } from "../../schema/index.ts";
import { beforeAll, describe, it } from "vitest";
import { OPERATOR_KEY, type TestApp } from "./app.ts";
import { createWorld, type TenantWorld, type World } from "./factories.ts";
import { expectProblem } from "./problems.ts";

export interface AuthCase {
  /** Builds the request made against tenant A's resources. */
  request: (a: TenantWorld) => { method: string; path: string; body?: unknown; headers?: Record<string, string> };
  /** Roles that must be refused with 403 (the operator key always is). */
  forbidden: Exclude<Role, "talent">[];
  /** The path names one of tenant A's objects: tenant B's admin must get 404, not 403. */
  crossTenant?: boolean;
}

const KEY_OF: Record<Exclude<Role, "talent">, (w: TenantWorld) => string> = {
  admin: (w) => w.adminKey,
  organizer: (w) => w.organizerKey,
  enterprise: (w) => w.enterpriseKey,
};

/**
 * The tenancy-and-auth checks every resource runs: no key, a malformed header, an unknown key and
 * a revoked key are 401; a role that may not act is 403; another tenant's object is 404.
 */
export function describeAuth(name: string, setup: () => Promise<TestApp>, c: AuthCase): void {
  // Whether the route takes a body, read from the request shape with placeholder ids.
  const placeholder = new Proxy({}, { get: () => "x" }) as TenantWorld;
  const hasBody = c.request(placeholder).body !== undefined;
  describe(`${name}: auth and tenancy`, () => {
    let t: TestApp;
    let world: World;
    beforeAll(async () => {
      t = await setup();
      world = await createWorld(t);
    });
    const send = (key: string | null, headers?: Record<string, string>) => {
      const req = c.request(world.a);
      return t.call(req.method, req.path, { key, body: req.body, headers: { ...req.headers, ...headers } });
    };

    it("answers 401 without a key", async () => {
      const res = await send(null);
      await expectProblem(res, { status: 401, code: "unauthorized", detail: "Send an API key as 'Authorization: Bearer <key>'." });
    });

    it("answers 401 for a header that is not a bearer token", async () => {
      const res = await send(null, { authorization: "Basic dXNlcjpwYXNz" });
      await expectProblem(res, { status: 401, code: "unauthorized", detail: "The Authorization header must be 'Bearer <key>'." });
    });

    it("answers 401 for an unknown key", async () => {
      const res = await send("wt_thisKeyWasNeverIssuedByWutong0000");
      await expectProblem(res, { status: 401, code: "unauthorized", detail: "The API key is not valid or has been revoked." });
    });

    it("answers 401 for a revoked key", async () => {
      const res = await send(world.a.revokedKey);
      await expectProblem(res, { status: 401, code: "unauthorized", detail: "The API key is not valid or has been revoked." });
    });

    it("answers 403 for the operator key", async () => {
      await expectProblem(await send(OPERATOR_KEY), { status: 403, code: "forbidden" });
    });

    for (const role of c.forbidden) {
      it(`answers 403 for role ${role}`, async () => {
        await expectProblem(await send(KEY_OF[role](world.a)), { status: 403, code: "forbidden" });
      });
      if (!hasBody) continue;
      it(`answers 403 for role ${role} before looking at the body`, async () => {
        const req = c.request(world.a);
        const res = await t.call(req.method, req.path, { key: KEY_OF[role](world.a), body: "{not json", headers: req.headers });
        await expectProblem(res, { status: 403, code: "forbidden" });
      });
    }

    if (c.crossTenant) {
      it("answers 404 to another tenant's admin", async () => {
        await expectProblem(await send(world.b.adminKey), { status: 404, code: "not_found" });
      });
    }
  });
}
