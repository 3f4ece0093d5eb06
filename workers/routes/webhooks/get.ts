import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { getEndpointInTenant } from "../../data/webhooks.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, jsonContent } from "../shared.ts";
import { assertMayManage, WEBHOOK_ROLES } from "./policy.ts";
import { toWebhookEndpoint, webhookIdParam, WebhookEndpointSchema } from "./schema.ts";

const route = createRoute({
  method: "get",
  path: "/v1/webhook-endpoints/{id}",
  tags: ["Webhooks"],
  summary: "Get a webhook endpoint",
  security: BEARER,
  middleware: [authenticate(...WEBHOOK_ROLES)] as const,
  request: { params: webhookIdParam("endpoint") },
  responses: {
    200: jsonContent(WebhookEndpointSchema, "The endpoint (without its secret)"),
    ...errorResponses(400, ...AUTHED_ERRORS, 404),
  },
});

export function registerGetWebhookEndpoint(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, ...WEBHOOK_ROLES);
    const { id } = c.req.valid("param");
    const row = await getEndpointInTenant(c.get("deps").db, caller.tenantId, id);
    assertMayManage(caller, row);
    return c.json(toWebhookEndpoint(row), 200);
  });
}
