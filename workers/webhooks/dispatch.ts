import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { outboxEvents } from "../../schema/outbox.ts";
import { webhookDeliveries, webhookEndpoints } from "../../schema/tables/webhooks.ts";
import { commit, type Statement } from "../db.ts";
import type { WebhookEndpointRow } from "../data/webhooks.ts";
import { newWebhookId } from "./ids.ts";
import type { WebhookRuntime } from "./runtime.ts";

type OutboxRow = typeof outboxEvents.$inferSelect;

/** D1 binds at most 100 parameters per statement. */
const IN_CHUNK = 90;

/**
 * Fans undispatched outbox events out into one delivery per subscribed endpoint of the event's
 * audience. Marking the event dispatched and inserting its deliveries is one batch, so a crash
 * leaves either both or neither; the unique (event, endpoint) pair makes a second dispatcher
 * racing on the same event harmless.
 */
export async function dispatchEvents(rt: WebhookRuntime): Promise<{ events: number; deliveries: number }> {
  const { db } = rt;
  const events = await db.select().from(outboxEvents).where(isNull(outboxEvents.dispatchedAt)).orderBy(asc(outboxEvents.id)).limit(rt.batchSize);
  if (events.length === 0) return { events: 0, deliveries: 0 };
  const endpoints = await enabledEndpointsOf(rt, [...new Set(events.flatMap((e) => e.audience))]);
  const now = rt.clock();
  const at = now.toISOString();
  const statements: Statement[] = [];
  let deliveries = 0;
  for (const event of events) {
    statements.push(
      db
        .update(outboxEvents)
        .set({ dispatchedAt: at })
        .where(and(eq(outboxEvents.id, event.id), isNull(outboxEvents.dispatchedAt))),
    );
    for (const endpoint of endpoints.filter((e) => subscribes(e, event))) {
      deliveries++;
      statements.push(
        db
          .insert(webhookDeliveries)
          .values({
            id: newWebhookId("delivery", now),
            tenantId: event.tenantId,
            endpointId: endpoint.id,
            eventId: event.id,
            eventType: event.type,
            status: "pending",
            attempts: 0,
            scheduleStep: 0,
            nextAttemptAt: at,
            createdAt: at,
            updatedAt: at,
          })
          .onConflictDoNothing(),
      );
    }
  }
  await commit(db, statements);
  return { events: events.length, deliveries };
}

/** An endpoint hears an event if its organization is in the audience, it subscribed, and it existed then. */
function subscribes(endpoint: WebhookEndpointRow, event: OutboxRow): boolean {
  return (
    endpoint.tenantId === event.tenantId &&
    event.audience.includes(endpoint.organizationId) &&
    endpoint.eventTypes.includes(event.type) &&
    endpoint.createdAt <= event.createdAt
  );
}

async function enabledEndpointsOf(rt: WebhookRuntime, organizationIds: string[]): Promise<WebhookEndpointRow[]> {
  const out: WebhookEndpointRow[] = [];
  for (let i = 0; i < organizationIds.length; i += IN_CHUNK) {
    const chunk = organizationIds.slice(i, i + IN_CHUNK);
    out.push(
      ...(await rt.db
        .select()
        .from(webhookEndpoints)
        .where(and(inArray(webhookEndpoints.organizationId, chunk), eq(webhookEndpoints.enabled, true)))),
    );
  }
  return out;
}
