import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { listEndpoints } from "../../data/webhooks.ts";
import { decodeCursor, page } from "../../lib/cursor.ts";
import { idPattern } from "../../lib/ids.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, jsonContent, PaginationQuery } from "../shared.ts";
import { WEBHOOK_ROLES } from "./policy.ts";
import { toWebhookEndpoint, WebhookEndpointListSchema } from "./schema.ts";

const route = createRoute({
  method: "get",
  path: "/v1/webhook-endpoints",
  tags: ["Webhooks"],
  summary: "List webhook endpoints",
  description: "Newest first. Admins see the tenant's endpoints (narrow with `organization_id`); other keys their organization's.",
  security: BEARER,
  middleware: [authenticate(...WEBHOOK_ROLES)] as const,
  request: {
    query: PaginationQuery.extend({
      organization_id: z
        .string()
        .regex(idPattern("organization"), "must be an organization id")
        .optional()
        .openapi({ param: { name: "organization_id", in: "query" } }),
    }),
  },
  responses: {
    200: jsonContent(WebhookEndpointListSchema, "A page of endpoints"),
    ...errorResponses(400, ...AUTHED_ERRORS),
  },
});

export function registerListWebhookEndpoints(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, ...WEBHOOK_ROLES);
    const query = c.req.valid("query");
    const rows = await listEndpoints(c.get("deps").db, caller.tenantId, {
      limit: query.limit,
      after: query.cursor ? decodeCursor(query.cursor) : null,
      organizationId: caller.role === "admin" ? query.organization_id : (caller.organizationId ?? "none"),
    });
    const { items, nextCursor } = page(rows, query.limit);
    return c.json({ data: items.map(toWebhookEndpoint), next_cursor: nextCursor }, 200);
  });
}
