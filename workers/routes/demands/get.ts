import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { getDemandInTenant } from "../../data/demands.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, idParam, jsonContent } from "../shared.ts";
import { DemandSchema, toDemand } from "./schema.ts";

const route = createRoute({
  method: "get",
  path: "/v1/demands/{id}",
  tags: ["Demands"],
  summary: "Get a demand",
  security: BEARER,
  middleware: [authenticate("admin", "organizer", "enterprise", "talent")] as const,
  request: { params: idParam("demand") },
  responses: { 200: jsonContent(DemandSchema, "The demand"), ...errorResponses(400, ...AUTHED_ERRORS, 404) },
});

export function registerGetDemand(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer", "enterprise", "talent");
    return c.json(toDemand(await getDemandInTenant(c.get("deps").db, caller.tenantId, c.req.valid("param").id)), 200);
  });
}
