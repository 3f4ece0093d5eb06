import { z } from "@hono/zod-openapi";
import { DELIVERY_STATUSES, DISABLED_REASONS } from "../../../schema/tables/webhooks.ts";
import { EVENT_TYPES } from "../../data/outbox.ts";
import type { WebhookDeliveryRow, WebhookEndpointRow } from "../../data/webhooks.ts";
import { idPattern } from "../../lib/ids.ts";
import { type WebhookIdKind, webhookIdPattern } from "../../webhooks/ids.ts";
import { listOf } from "../shared.ts";

const ID_EXAMPLE = "01JD6Z0M8Q7W3K2V9X4T5R6Y7Z";

/** A path id of a webhook kind; a malformed id is a 400 naming the parameter. */
export function webhookIdParam(kind: WebhookIdKind) {
  const pattern = webhookIdPattern(kind);
  return z.object({
    id: z
      .string()
      .regex(pattern, `must be an id of the form ${pattern.source.slice(1, 5)}…`)
      .openapi({ param: { name: "id", in: "path" }, example: `${pattern.source.slice(1, 4)}_${ID_EXAMPLE}` }),
  });
}

const eventTypes = z
  .array(z.enum(EVENT_TYPES))
  .min(1)
  .max(EVENT_TYPES.length)
  .refine((types) => new Set(types).size === types.length, { message: "must not repeat an event type" })
  .openapi({ description: "The event types to receive (see the `webhooks` section of this document).", example: ["introduction.accepted", "signup.confirmed"] });

const url = z.string().trim().min(1).max(2000).openapi({ description: "An https URL on a public host, port 443 or 1024–65535 outside internal service ports.", example: "https://hr.example.com/hooks/wutong" });
const description = z.string().trim().max(500).openapi({ example: "HR 系统对接" });

export const WebhookEndpointSchema = z
  .object({
    id: z.string().openapi({ example: `whe_${ID_EXAMPLE}` }),
    organization_id: z.string().openapi({ example: `org_${ID_EXAMPLE}` }),
    url: z.string(),
    description: z.string().nullable(),
    event_types: z.array(z.string()),
    enabled: z.boolean(),
    disabled_reason: z.enum(DISABLED_REASONS).nullable().openapi({
      description: "`manual` (PATCH enabled=false), `gone` (the URL answered 410), `failing` (no success for five days).",
    }),
    disabled_at: z.string().nullable(),
    secret_rotated_until: z.string().nullable().openapi({ description: "Until then the previous secret also signs every delivery." }),
    last_success_at: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("WebhookEndpoint");

export const CreatedWebhookEndpointSchema = WebhookEndpointSchema.extend({
  secret: z.string().nullable().openapi({
    description:
      "The signing secret (`whsec_` + base64 of 32 random bytes). Shown only here and when rotated; `null` in an idempotent replay, which never stores it.",
    example: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw6MZjq3LpFhM=",
  }),
  secret_shown: z.boolean().openapi({ description: "`false` in an idempotent replay, whose secret is withheld.", example: true }),
}).openapi("CreatedWebhookEndpoint");

export const CreateWebhookEndpointBody = z
  .strictObject({
    url,
    event_types: eventTypes,
    description: description.optional(),
    organization_id: z
      .string()
      .regex(idPattern("organization"), "must be an organization id")
      .optional()
      .openapi({ description: "Admins only: the organization the endpoint belongs to (default: the key's own)." }),
  })
  .openapi("CreateWebhookEndpoint");

export const UpdateWebhookEndpointBody = z
  .strictObject({
    url: url.optional(),
    event_types: eventTypes.optional(),
    description: description.nullable().optional(),
    enabled: z.boolean().optional().openapi({ description: "Re-enabling resumes deliveries still pending and resets the failure clock." }),
  })
  .refine((b) => Object.keys(b).length > 0, { message: "send at least one field to change" })
  .openapi("UpdateWebhookEndpoint");

export const WebhookDeliverySchema = z
  .object({
    id: z.string().openapi({ example: `whd_${ID_EXAMPLE}` }),
    endpoint_id: z.string(),
    webhook_id: z.string().openapi({ description: "The `webhook-id` header: the event's id, the same on every attempt and replay.", example: `msg_${ID_EXAMPLE}` }),
    event_type: z.string(),
    status: z.enum(DELIVERY_STATUSES),
    attempts: z.number().int(),
    next_attempt_at: z.string().nullable(),
    last_attempt_at: z.string().nullable(),
    response_status: z.number().int().nullable(),
    response_body: z.string().nullable().openapi({ description: "The first 1 KB of the last response." }),
    latency_ms: z.number().int().nullable(),
    error: z.string().nullable().openapi({ example: "timeout after 15000 ms" }),
    delivered_at: z.string().nullable(),
    created_at: z.string(),
  })
  .openapi("WebhookDelivery");

export const WebhookEndpointListSchema = listOf(WebhookEndpointSchema, "WebhookEndpointList");
export const WebhookDeliveryListSchema = listOf(WebhookDeliverySchema, "WebhookDeliveryList");

export type WebhookEndpointResponse = z.infer<typeof WebhookEndpointSchema>;
export type WebhookDeliveryResponse = z.infer<typeof WebhookDeliverySchema>;

/** Row → wire; the secret never leaves through here. */
export function toWebhookEndpoint(row: WebhookEndpointRow): WebhookEndpointResponse {
  return WebhookEndpointSchema.parse({
    id: row.id,
    organization_id: row.organizationId,
    url: row.url,
    description: row.description,
    event_types: row.eventTypes,
    enabled: row.enabled,
    disabled_reason: row.disabledReason,
    disabled_at: row.disabledAt,
    secret_rotated_until: row.previousSecret ? row.previousSecretExpiresAt : null,
    last_success_at: row.lastSuccessAt,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  });
}

export function toWebhookDelivery(row: WebhookDeliveryRow): WebhookDeliveryResponse {
  return WebhookDeliverySchema.parse({
    id: row.id,
    endpoint_id: row.endpointId,
    webhook_id: row.eventId,
    event_type: row.eventType,
    status: row.status,
    attempts: row.attempts,
    next_attempt_at: row.nextAttemptAt,
    last_attempt_at: row.lastAttemptAt,
    response_status: row.responseStatus,
    response_body: row.responseBody,
    latency_ms: row.latencyMs,
    error: row.error,
    delivered_at: row.deliveredAt,
    created_at: row.createdAt,
  });
}
