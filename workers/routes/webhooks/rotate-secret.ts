import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { actorOf, auditStatement } from "../../data/audit.ts";
import { getEndpointInTenant, updateEndpoint } from "../../data/webhooks.ts";
import { commit } from "../../db.ts";
import { newWebhookSecret } from "../../webhooks/signing.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, jsonContent } from "../shared.ts";
import { assertMayManage, WEBHOOK_ROLES } from "./policy.ts";
import { CreatedWebhookEndpointSchema, toWebhookEndpoint, webhookIdParam } from "./schema.ts";

/** How long the replaced secret keeps signing, so receivers can switch without losing a delivery. */
const OVERLAP_MS = 24 * 60 * 60 * 1000;

const route = createRoute({
  method: "post",
  path: "/v1/webhook-endpoints/{id}/rotate-secret",
  tags: ["Webhooks"],
  summary: "Rotate an endpoint's signing secret",
  description:
    "Returns the new secret once. For 24 hours every delivery carries two signatures (new and previous, space-separated in `webhook-signature`), so a receiver still holding the old secret keeps verifying.",
  security: BEARER,
  middleware: [authenticate(...WEBHOOK_ROLES)] as const,
  request: { params: webhookIdParam("endpoint") },
  responses: {
    200: jsonContent(CreatedWebhookEndpointSchema, "The endpoint, with its new secret"),
    ...errorResponses(400, ...AUTHED_ERRORS, 404),
  },
});

export function registerRotateWebhookSecret(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, ...WEBHOOK_ROLES);
    const { id } = c.req.valid("param");
    const { db, clock, secrets } = c.get("deps");
    const current = await getEndpointInTenant(db, caller.tenantId, id);
    assertMayManage(caller, current);
    const now = clock();
    const secret = newWebhookSecret();
    await commit(db, [
      updateEndpoint(db, caller.tenantId, id, {
        secret: await secrets.seal(secret),
        previousSecret: current.secret,
        previousSecretExpiresAt: new Date(now.getTime() + OVERLAP_MS).toISOString(),
        updatedAt: now.toISOString(),
      }),
      auditStatement(db, {
        tenantId: caller.tenantId,
        actor: actorOf(caller),
        action: "webhook_endpoint.secret_rotated",
        subjectType: "webhook_endpoint",
        subjectId: id,
        requestId: c.get("requestId"),
        at: now,
      }),
    ]);
    const row = await getEndpointInTenant(db, caller.tenantId, id);
    return c.json({ ...toWebhookEndpoint(row), secret, secret_shown: true }, 200);
  });
}
