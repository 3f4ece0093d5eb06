import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { getEndpointInTenant, listDeliveries } from "../../data/webhooks.ts";
import { decodeCursor, page } from "../../lib/cursor.ts";
import { DELIVERY_STATUSES } from "../../../schema/tables/webhooks.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, jsonContent, PaginationQuery } from "../shared.ts";
import { assertMayManage, WEBHOOK_ROLES } from "./policy.ts";
import { toWebhookDelivery, WebhookDeliveryListSchema, webhookIdParam } from "./schema.ts";

const route = createRoute({
  method: "get",
  path: "/v1/webhook-endpoints/{id}/deliveries",
  tags: ["Webhooks"],
  summary: "An endpoint's delivery log",
  description:
    "Newest first: status, attempts, last response code and latency, next attempt. Retries follow failures after: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (±10 % jitter); then `failed`.",
  security: BEARER,
  middleware: [authenticate(...WEBHOOK_ROLES)] as const,
  request: {
    params: webhookIdParam("endpoint"),
    query: PaginationQuery.extend({
      status: z
        .enum(DELIVERY_STATUSES)
        .optional()
        .openapi({ param: { name: "status", in: "query" } }),
    }),
  },
  responses: {
    200: jsonContent(WebhookDeliveryListSchema, "A page of deliveries"),
    ...errorResponses(400, ...AUTHED_ERRORS, 404),
  },
});

export function registerListWebhookDeliveries(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, ...WEBHOOK_ROLES);
    const { id } = c.req.valid("param");
    const query = c.req.valid("query");
    const { db } = c.get("deps");
    assertMayManage(caller, await getEndpointInTenant(db, caller.tenantId, id));
    const rows = await listDeliveries(db, id, {
      limit: query.limit,
      after: query.cursor ? decodeCursor(query.cursor) : null,
      status: query.status,
    });
    const { items, nextCursor } = page(rows, query.limit);
    return c.json({ data: items.map(toWebhookDelivery), next_cursor: nextCursor }, 200);
  });
}
