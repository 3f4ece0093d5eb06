import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context.ts";

/** One structured line per request: who, what, how it ended, how long it took. */
export function logRequests(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const principal = c.get("principal");
    c.get("deps").logger.info("request", {
      request_id: c.get("requestId"),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      duration_ms: Math.round((performance.now() - started) * 10) / 10,
      tenant_id: principal?.kind === "key" ? principal.tenantId : undefined,
      key_id: principal?.kind === "key" ? principal.keyId : principal?.kind,
    });
  };
}
