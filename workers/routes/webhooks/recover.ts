import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { failedSince, getEndpointInTenant, requeueDeliveries } from "../../data/webhooks.ts";
import { ConflictError } from "../../errors.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, jsonContent } from "../shared.ts";
import { assertMayManage, WEBHOOK_ROLES } from "./policy.ts";
import { webhookIdParam } from "./schema.ts";

const RecoveredSchema = z
  .object({
    recovered: z.number().int().openapi({ description: "How many failed deliveries were queued again.", example: 12 }),
    delivery_ids: z.array(z.string()),
  })
  .openapi("WebhookRecovery");

const route = createRoute({
  method: "post",
  path: "/v1/webhook-endpoints/{id}/recover",
  tags: ["Webhooks"],
  summary: "Re-queue failed deliveries since a time",
  description:
    "After an outage on the receiver's side: every `failed` delivery of the endpoint created at or after `since` is queued again from the start of the retry schedule, keeping its `webhook-id`.",
  security: BEARER,
  middleware: [authenticate(...WEBHOOK_ROLES)] as const,
  request: {
    params: webhookIdParam("endpoint"),
    query: z.object({
      since: z.iso
        .datetime({ offset: true, message: "must be an ISO 8601 date-time, e.g. 2026-11-20T00:00:00Z" })
        .openapi({ param: { name: "since", in: "query" }, example: "2026-11-20T00:00:00Z" }),
    }),
  },
  responses: {
    202: jsonContent(RecoveredSchema, "What was queued"),
    ...errorResponses(400, ...AUTHED_ERRORS, 404, 409),
  },
});

export function registerRecoverWebhookEndpoint(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, ...WEBHOOK_ROLES);
    const { id } = c.req.valid("param");
    const { since } = c.req.valid("query");
    const { db, clock } = c.get("deps");
    const endpoint = await getEndpointInTenant(db, caller.tenantId, id);
    assertMayManage(caller, endpoint);
    if (!endpoint.enabled) throw new ConflictError("The endpoint is disabled; enable it before recovering its deliveries.", "该端点已停用；请先启用再恢复投递。");
    const ids = await requeueDeliveries(db, failedSince(id, new Date(since)), clock());
    return c.json({ recovered: ids.length, delivery_ids: ids }, 202);
  });
}
