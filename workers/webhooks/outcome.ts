import { and, eq, sql } from "drizzle-orm";
import { webhookDeliveries, webhookEndpoints, type DisabledReason } from "../../schema/tables/webhooks.ts";
import { commit, type Db, type Statement } from "../db.ts";
import type { WebhookDeliveryRow, WebhookEndpointRow } from "../data/webhooks.ts";
import { newId } from "../lib/ids.ts";
import { DISABLE_AFTER_MS, retryDelayMs } from "./schedule.ts";
import type { WebhookRuntime } from "./runtime.ts";
import type { SendOutcome } from "./sender.ts";

/**
 * Records an attempt in one batch: the delivery's new state (only if the claim is still ours:
 * `attempts` unchanged), the endpoint's health, and, when the endpoint is disabled, its
 * `webhook.endpoint_disabled` event. A 2xx succeeds; 410 Gone disables the endpoint at once;
 * anything else (other status, redirect, timeout, no connection) is retried on the schedule.
 */
export async function recordOutcome(rt: WebhookRuntime, delivery: WebhookDeliveryRow, endpoint: WebhookEndpointRow, outcome: SendOutcome): Promise<void> {
  const { db } = rt;
  const now = rt.clock();
  const at = now.toISOString();
  const status = outcome.kind === "response" ? outcome.status : null;
  const common = {
    claimedUntil: null,
    lastAttemptAt: at,
    responseStatus: status,
    responseBody: outcome.kind === "response" ? outcome.body : null,
    latencyMs: outcome.latencyMs,
    updatedAt: at,
  };
  const fenced = and(eq(webhookDeliveries.id, delivery.id), eq(webhookDeliveries.attempts, delivery.attempts));
  const statements: Statement[] = [];

  if (status !== null && status >= 200 && status < 300) {
    statements.push(
      db.update(webhookDeliveries).set({ ...common, status: "succeeded", error: null, nextAttemptAt: null, deliveredAt: at }).where(fenced),
      db.update(webhookEndpoints).set({ lastSuccessAt: at, failingSince: null }).where(eq(webhookEndpoints.id, endpoint.id)),
    );
    await commit(db, statements);
    return;
  }

  const error = outcome.kind === "error" ? outcome.error : status !== null && status >= 300 && status < 400 ? `redirect (HTTP ${status}) not followed` : `HTTP ${status}`;
  if (status === 410) {
    statements.push(db.update(webhookDeliveries).set({ ...common, status: "failed", error, nextAttemptAt: null }).where(fenced));
    statements.push(...disableStatements(db, endpoint, "gone", now));
    await commit(db, statements);
    return;
  }

  const failures = delivery.scheduleStep + 1;
  const delay = retryDelayMs(failures, rt.random, rt.retryDelaysMs);
  statements.push(
    db
      .update(webhookDeliveries)
      .set({
        ...common,
        status: delay === null ? "failed" : "pending",
        scheduleStep: failures,
        error,
        nextAttemptAt: delay === null ? null : new Date(now.getTime() + delay).toISOString(),
      })
      .where(fenced),
    db
      .update(webhookEndpoints)
      .set({ failingSince: sql`coalesce(${webhookEndpoints.failingSince}, ${at})` })
      .where(eq(webhookEndpoints.id, endpoint.id)),
  );
  const failingSince = endpoint.failingSince ? Date.parse(endpoint.failingSince) : now.getTime();
  if (now.getTime() - failingSince >= DISABLE_AFTER_MS) statements.push(...disableStatements(db, endpoint, "failing", now));
  await commit(db, statements);
}

/**
 * Disables an endpoint and tells the organization's other endpoints. The event is inserted only
 * while the endpoint is still enabled, and before the update in the same batch, so two runners
 * disabling it at once emit it once.
 */
export function disableStatements(db: Db, endpoint: WebhookEndpointRow, reason: Exclude<DisabledReason, "manual">, now: Date): Statement[] {
  const at = now.toISOString();
  const payload = JSON.stringify({ endpoint_id: endpoint.id, url: endpoint.url, reason });
  return [
    db.run(sql`INSERT INTO outbox_events (id, tenant_id, type, audience, subject_type, subject_id, payload, created_at, dispatched_at)
      SELECT ${newId("message", now)}, ${endpoint.tenantId}, 'webhook.endpoint_disabled', ${JSON.stringify([endpoint.organizationId])},
        'webhook_endpoint', ${endpoint.id}, ${payload}, ${at}, NULL
      WHERE EXISTS (SELECT 1 FROM webhook_endpoints WHERE id = ${endpoint.id} AND enabled = 1)`),
    db
      .update(webhookEndpoints)
      .set({ enabled: false, disabledReason: reason, disabledAt: at, updatedAt: at })
      .where(and(eq(webhookEndpoints.id, endpoint.id), eq(webhookEndpoints.enabled, true))),
  ];
}
