import { z } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { EVENT_TYPES } from "../../data/outbox.ts";
import { EVENT_CATALOG } from "../../webhooks/events.ts";

const HEADERS = z.object({
  "webhook-id": z.string().openapi({ description: "The event id: the same on every attempt and replay. Deduplicate on it.", example: "msg_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z" }),
  "webhook-timestamp": z.string().openapi({ description: "Unix seconds of this attempt. Reject deliveries more than 5 minutes off.", example: "1795305124" }),
  "webhook-signature": z.string().openapi({
    description: "`v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}`; two space-separated signatures during a secret rotation.",
    example: "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=",
  }),
});

/**
 * Documents every event type as an OpenAPI 3.1 webhook (the `webhooks` section): the envelope,
 * the signature headers and an example `data` per type.
 */
export function registerWebhookDocs(app: App): void {
  for (const type of EVENT_TYPES) {
    const entry = EVENT_CATALOG[type];
    const example = {
      type,
      timestamp: "2026-11-21T08:00:00.000Z",
      data: { ...entry.example, tenant_id: "ten_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z", subject: { type: entry.subject, id: firstId(entry.example) } },
    };
    app.openAPIRegistry.registerWebhook({
      method: "post",
      path: type,
      tags: ["Webhook events"],
      summary: type,
      description: `${entry.description} Payloads carry ids and non-personal fields only; fetch the rest through the API, where consent rules apply.`,
      request: {
        headers: HEADERS,
        body: {
          content: {
            "application/json": {
              schema: z
                .object({
                  type: z.literal(type),
                  timestamp: z.string().openapi({ description: "When the change committed (ISO 8601 UTC)." }),
                  data: z.record(z.string(), z.unknown()).openapi({ description: "The event's fields, plus `tenant_id` and `subject: { type, id }`." }),
                })
                .openapi({ example }),
            },
          },
        },
      },
      responses: {
        200: { description: "Any 2xx acknowledges the delivery. 410 Gone disables the endpoint; anything else (or no answer in 15 s) is retried." },
      },
    });
  }
}

function firstId(example: Record<string, unknown>): string {
  const value = Object.values(example)[0];
  return typeof value === "string" ? value : "";
}
