import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { actorOf, auditStatement } from "../../data/audit.ts";
import { getEndpointInTenant, updateEndpoint, type WebhookEndpointRow } from "../../data/webhooks.ts";
import { commit } from "../../db.ts";
import { jsonBody } from "../../middleware/json-body.ts";
import { BEARER, errorResponses, jsonContent, WRITE_ERRORS } from "../shared.ts";
import { assertMayManage, assertUrlAllowed, WEBHOOK_ROLES } from "./policy.ts";
import { toWebhookEndpoint, UpdateWebhookEndpointBody, webhookIdParam, WebhookEndpointSchema } from "./schema.ts";

const route = createRoute({
  method: "patch",
  path: "/v1/webhook-endpoints/{id}",
  tags: ["Webhooks"],
  summary: "Change a webhook endpoint",
  description:
    "Change the URL, the event types, the description, or `enabled`. Disabling stops deliveries (pending ones wait); re-enabling resumes them and resets the five-day failure clock.",
  security: BEARER,
  middleware: [authenticate(...WEBHOOK_ROLES), jsonBody()] as const,
  request: {
    params: webhookIdParam("endpoint"),
    body: { required: true, content: { "application/json": { schema: UpdateWebhookEndpointBody } } },
  },
  responses: {
    200: jsonContent(WebhookEndpointSchema, "The endpoint"),
    ...errorResponses(...WRITE_ERRORS, 404),
  },
});

export function registerUpdateWebhookEndpoint(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, ...WEBHOOK_ROLES);
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const { db, clock, config } = c.get("deps");
    const current = await getEndpointInTenant(db, caller.tenantId, id);
    assertMayManage(caller, current);
    if (body.url !== undefined) assertUrlAllowed(body.url, config.WEBHOOK_ALLOW_PRIVATE_URLS === "true");
    const now = clock().toISOString();
    const changes: Partial<WebhookEndpointRow> = { updatedAt: now };
    if (body.url !== undefined) changes.url = body.url;
    if (body.event_types !== undefined) changes.eventTypes = body.event_types;
    if (body.description !== undefined) changes.description = body.description;
    if (body.enabled === true && !current.enabled) {
      Object.assign(changes, { enabled: true, disabledReason: null, disabledAt: null, failingSince: null });
    } else if (body.enabled === false && current.enabled) {
      Object.assign(changes, { enabled: false, disabledReason: "manual", disabledAt: now });
    }
    await commit(db, [
      updateEndpoint(db, caller.tenantId, id, changes),
      auditStatement(db, {
        tenantId: caller.tenantId,
        actor: actorOf(caller),
        action: "webhook_endpoint.updated",
        subjectType: "webhook_endpoint",
        subjectId: id,
        requestId: c.get("requestId"),
        detail: { fields: Object.keys(body) },
        at: clock(),
      }),
    ]);
    return c.json(toWebhookEndpoint(await getEndpointInTenant(db, caller.tenantId, id)), 200);
  });
}
