import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { getDeliveryInTenant, getEndpointInTenant } from "../../data/webhooks.ts";
import { commit } from "../../db.ts";
import { ConflictError } from "../../errors.ts";
import { deliverDue } from "../../webhooks/deliver.ts";
import { pingStatements } from "../../webhooks/ping.ts";
import { webhookRuntime } from "../../webhooks/runtime.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, jsonContent } from "../shared.ts";
import { assertMayManage, WEBHOOK_ROLES } from "./policy.ts";
import { toWebhookDelivery, webhookIdParam, WebhookDeliverySchema } from "./schema.ts";

const route = createRoute({
  method: "post",
  path: "/v1/webhook-endpoints/{id}/test",
  tags: ["Webhooks"],
  summary: "Send a test ping",
  description:
    "Sends a signed `ping` (`{ type: \"ping\", data: { endpoint_id, tenant_id, subject } }`) now and answers with its delivery: the response status, latency and body excerpt. A failed ping is retried like any delivery.",
  security: BEARER,
  middleware: [authenticate(...WEBHOOK_ROLES)] as const,
  request: { params: webhookIdParam("endpoint") },
  responses: {
    200: jsonContent(WebhookDeliverySchema, "The ping's delivery after its first attempt"),
    ...errorResponses(400, ...AUTHED_ERRORS, 404, 409),
  },
});

export function registerTestWebhookEndpoint(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, ...WEBHOOK_ROLES);
    const { id } = c.req.valid("param");
    const deps = c.get("deps");
    const endpoint = await getEndpointInTenant(deps.db, caller.tenantId, id);
    assertMayManage(caller, endpoint);
    if (!endpoint.enabled) throw new ConflictError("The endpoint is disabled; enable it before testing it.", "该端点已停用；请先启用再测试。");
    const { deliveryId, statements } = pingStatements(deps.db, endpoint, deps.clock());
    await commit(deps.db, statements);
    await deliverDue(webhookRuntime(deps), [deliveryId]);
    return c.json(toWebhookDelivery(await getDeliveryInTenant(deps.db, caller.tenantId, deliveryId)), 200);
  });
}
