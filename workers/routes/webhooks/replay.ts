import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { getDeliveryInTenant, getEndpointInTenant, oneDelivery, requeueDeliveries } from "../../data/webhooks.ts";
import { ConflictError, NotFoundError } from "../../errors.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, jsonContent } from "../shared.ts";
import { WEBHOOK_ROLES } from "./policy.ts";
import { toWebhookDelivery, webhookIdParam, WebhookDeliverySchema } from "./schema.ts";

const route = createRoute({
  method: "post",
  path: "/v1/webhook-deliveries/{id}/replay",
  tags: ["Webhooks"],
  summary: "Send a delivery again",
  description:
    "Queues the delivery for an immediate attempt, from the start of the retry schedule, whatever its status. It keeps its `webhook-id`, so a receiver that already processed it can tell.",
  security: BEARER,
  middleware: [authenticate(...WEBHOOK_ROLES)] as const,
  request: { params: webhookIdParam("delivery") },
  responses: {
    202: jsonContent(WebhookDeliverySchema, "The delivery, queued"),
    ...errorResponses(400, ...AUTHED_ERRORS, 404, 409),
  },
});

export function registerReplayWebhookDelivery(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, ...WEBHOOK_ROLES);
    const { id } = c.req.valid("param");
    const { db, clock } = c.get("deps");
    const delivery = await getDeliveryInTenant(db, caller.tenantId, id);
    const endpoint = await getEndpointInTenant(db, caller.tenantId, delivery.endpointId);
    // Another organization's delivery is as absent as another tenant's.
    if (caller.role !== "admin" && endpoint.organizationId !== caller.organizationId) throw new NotFoundError("webhook delivery", id);
    if (!endpoint.enabled) throw new ConflictError("The endpoint is disabled; enable it before replaying its deliveries.", "该端点已停用；请先启用再重放投递。");
    await requeueDeliveries(db, oneDelivery(caller.tenantId, id), clock());
    return c.json(toWebhookDelivery(await getDeliveryInTenant(db, caller.tenantId, id)), 202);
  });
}
