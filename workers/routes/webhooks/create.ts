import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { actorOf, auditStatement } from "../../data/audit.ts";
import { getOrganizationInTenant } from "../../data/organizations.ts";
import { insertEndpoint, type WebhookEndpointRow } from "../../data/webhooks.ts";
import { commit } from "../../db.ts";
import { idempotent, secretShownOnce } from "../../idempotency.ts";
import { jsonBody } from "../../middleware/json-body.ts";
import { newWebhookId } from "../../webhooks/ids.ts";
import { newWebhookSecret } from "../../webhooks/signing.ts";
import { BEARER, errorResponses, IdempotencyHeader, jsonContent, WRITE_ERRORS } from "../shared.ts";
import { assertUrlAllowed, ownerFor, WEBHOOK_ROLES } from "./policy.ts";
import { CreatedWebhookEndpointSchema, CreateWebhookEndpointBody, toWebhookEndpoint } from "./schema.ts";

const route = createRoute({
  method: "post",
  path: "/v1/webhook-endpoints",
  tags: ["Webhooks"],
  summary: "Subscribe an endpoint to events",
  description:
    "Deliveries are signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`: `v1,` + base64 HMAC-SHA256 of `id.timestamp.body` keyed with the secret's bytes); verify them with any Standard Webhooks library. The secret is returned once (an idempotent replay answers `secret: null`, `secret_shown: false`; rotate the secret to get a new one). An organization only receives events about its own objects. URLs must be https on a public host, on port 443 or 1024–65535 (internal service ports such as 3306, 5432, 6379 refused), without credentials, spaces or control characters; loopback, private, link-local, metadata, multicast and embedded-IPv4 forms are refused (a 422 naming `url`), and the host's addresses are checked again at each delivery.",
  security: BEARER,
  middleware: [authenticate(...WEBHOOK_ROLES), jsonBody()] as const,
  request: {
    headers: IdempotencyHeader,
    body: { required: true, content: { "application/json": { schema: CreateWebhookEndpointBody } } },
  },
  responses: {
    201: jsonContent(CreatedWebhookEndpointSchema, "The endpoint, with its signing secret"),
    ...errorResponses(...WRITE_ERRORS, 404, 409),
  },
});

export function registerCreateWebhookEndpoint(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, ...WEBHOOK_ROLES);
    const body = c.req.valid("json");
    const { db, clock, config, secrets } = c.get("deps");
    const organizationId = ownerFor(caller, body.organization_id);
    assertUrlAllowed(body.url, config.WEBHOOK_ALLOW_PRIVATE_URLS === "true");
    await getOrganizationInTenant(db, caller.tenantId, organizationId);
    return idempotent(c, caller.tenantId, async () => {
      const now = clock();
      const secret = newWebhookSecret();
      const row: WebhookEndpointRow = {
        id: newWebhookId("endpoint", now),
        tenantId: caller.tenantId,
        organizationId,
        url: body.url,
        description: body.description ?? null,
        eventTypes: body.event_types,
        enabled: true,
        disabledReason: null,
        disabledAt: null,
        secret: await secrets.seal(secret),
        previousSecret: null,
        previousSecretExpiresAt: null,
        lastSuccessAt: null,
        failingSince: null,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      };
      await commit(db, [
        insertEndpoint(db, row),
        auditStatement(db, {
          tenantId: caller.tenantId,
          actor: actorOf(caller),
          action: "webhook_endpoint.created",
          subjectType: "webhook_endpoint",
          subjectId: row.id,
          requestId: c.get("requestId"),
          detail: { organization_id: organizationId, event_types: row.eventTypes },
          at: now,
        }),
      ]);
      return c.json({ ...toWebhookEndpoint(row), secret, secret_shown: true }, 201);
    }, { redact: secretShownOnce("secret") });
  });
}
