import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { actorOf, auditStatement } from "../../data/audit.ts";
import { deleteDemandStatements, getDemandInTenant } from "../../data/demands.ts";
import { commit } from "../../db.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, idParam } from "../shared.ts";
import { assertMayManageDemand } from "./access.ts";

const route = createRoute({
  method: "delete",
  path: "/v1/demands/{id}",
  tags: ["Demands"],
  summary: "Delete a demand",
  description: "Removes the demand and its match-index rows. To keep its history, close it instead (`PATCH status=closed`).",
  security: BEARER,
  middleware: [authenticate("admin", "organizer", "enterprise")] as const,
  request: { params: idParam("demand") },
  responses: { 204: { description: "Deleted" }, ...errorResponses(400, ...AUTHED_ERRORS, 404) },
});

export function registerDeleteDemand(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer", "enterprise");
    const { db, clock } = c.get("deps");
    const row = await getDemandInTenant(db, caller.tenantId, c.req.valid("param").id);
    assertMayManageDemand(caller, row);
    await commit(db, [
      ...deleteDemandStatements(db, caller.tenantId, row.id),
      auditStatement(db, {
        tenantId: caller.tenantId,
        actor: actorOf(caller),
        action: "demand.deleted",
        subjectType: "demand",
        subjectId: row.id,
        requestId: c.get("requestId"),
        detail: { title: row.title, organization_id: row.organizationId },
        at: clock(),
      }),
    ]);
    return c.body(null, 204);
  });
}
