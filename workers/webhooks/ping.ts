import { outboxEvents } from "../../schema/outbox.ts";
import { webhookDeliveries } from "../../schema/tables/webhooks.ts";
import type { Db, Statement } from "../db.ts";
import type { WebhookEndpointRow } from "../data/webhooks.ts";
import { newId } from "../lib/ids.ts";
import { newWebhookId } from "./ids.ts";

/**
 * A `ping` for one endpoint: an outbox event already marked dispatched (so no other endpoint gets
 * it) and its single delivery, written together. It then travels the normal path: signed, logged,
 * retried.
 */
export function pingStatements(db: Db, endpoint: WebhookEndpointRow, now: Date): { deliveryId: string; statements: Statement[] } {
  const at = now.toISOString();
  const eventId = newId("message", now);
  const deliveryId = newWebhookId("delivery", now);
  return {
    deliveryId,
    statements: [
      db.insert(outboxEvents).values({
        id: eventId,
        tenantId: endpoint.tenantId,
        type: "ping",
        audience: [endpoint.organizationId],
        subjectType: "webhook_endpoint",
        subjectId: endpoint.id,
        payload: { endpoint_id: endpoint.id },
        createdAt: at,
        dispatchedAt: at,
      }),
      db.insert(webhookDeliveries).values({
        id: deliveryId,
        tenantId: endpoint.tenantId,
        endpointId: endpoint.id,
        eventId,
        eventType: "ping",
        status: "pending",
        attempts: 0,
        scheduleStep: 0,
        nextAttemptAt: at,
        createdAt: at,
        updatedAt: at,
      }),
    ],
  };
}
