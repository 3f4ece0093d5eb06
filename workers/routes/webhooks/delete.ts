import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { actorOf, auditStatement } from "../../data/audit.ts";
import { deleteEndpoint, getEndpointInTenant } from "../../data/webhooks.ts";
import { commit } from "../../db.ts";
import { AUTHED_ERRORS, BEARER, errorResponses } from "../shared.ts";
import { assertMayManage, WEBHOOK_ROLES } from "./policy.ts";
import { webhookIdParam } from "./schema.ts";

const route = createRoute({
  method: "delete",
  path: "/v1/webhook-endpoints/{id}",
  tags: ["Webhooks"],
  summary: "Delete a webhook endpoint",
  description: "Deletes the endpoint and its delivery log; nothing more is sent to it.",
  security: BEARER,
  middleware: [authenticate(...WEBHOOK_ROLES)] as const,
  request: { params: webhookIdParam("endpoint") },
  responses: {
    204: { description: "Deleted" },
    ...errorResponses(400, ...AUTHED_ERRORS, 404),
  },
});

export function registerDeleteWebhookEndpoint(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, ...WEBHOOK_ROLES);
    const { id } = c.req.valid("param");
    const { db, clock } = c.get("deps");
    assertMayManage(caller, await getEndpointInTenant(db, caller.tenantId, id));
    await commit(db, [
      deleteEndpoint(db, caller.tenantId, id),
      auditStatement(db, {
        tenantId: caller.tenantId,
        actor: actorOf(caller),
        action: "webhook_endpoint.deleted",
        subjectType: "webhook_endpoint",
        subjectId: id,
        requestId: c.get("requestId"),
        at: clock(),
      }),
    ]);
    return c.body(null, 204);
  });
}
