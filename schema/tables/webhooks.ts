import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { outboxEvents } from "../outbox.ts";
import { organizations, tenants } from "../tenancy.ts";

export const DELIVERY_STATUSES = ["pending", "succeeded", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const DISABLED_REASONS = ["manual", "gone", "failing"] as const;
export type DisabledReason = (typeof DISABLED_REASONS)[number];

/**
 * An organization's webhook endpoint. The signing secret is stored recoverable (it must sign every
 * delivery, unlike an API key); during a rotation the previous one keeps signing until it expires.
 */
export const webhookEndpoints = sqliteTable(
  "webhook_endpoints",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    description: text("description"),
    eventTypes: text("event_types", { mode: "json" }).$type<string[]>().notNull(),
    enabled: integer("enabled", { mode: "boolean" }).notNull(),
    disabledReason: text("disabled_reason", { enum: DISABLED_REASONS }),
    disabledAt: text("disabled_at"),
    secret: text("secret").notNull(),
    previousSecret: text("previous_secret"),
    previousSecretExpiresAt: text("previous_secret_expires_at"),
    lastSuccessAt: text("last_success_at"),
    /** First failure since the last success; five days of it disables the endpoint. */
    failingSince: text("failing_since"),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    index("webhook_endpoints_tenant_org_idx").on(t.tenantId, t.organizationId, t.id),
    index("webhook_endpoints_org_enabled_idx").on(t.organizationId, t.enabled),
  ],
);

/**
 * One outbox event bound for one endpoint. `event_id` is the `webhook-id` header, the same on every
 * attempt and replay; the unique pair makes fan-out idempotent. A runner claims an attempt with a
 * conditional update on `claimed_until`, and `attempts` is the fencing token its result must match.
 */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    endpointId: text("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    eventId: text("event_id")
      .notNull()
      .references(() => outboxEvents.id, { onDelete: "cascade" }),
    eventType: text("event_type").notNull(),
    status: text("status", { enum: DELIVERY_STATUSES }).notNull(),
    /** Attempts ever made (replays included). */
    attempts: integer("attempts").notNull(),
    /** Failures since the delivery was last queued: the position in the retry schedule. */
    scheduleStep: integer("schedule_step").notNull(),
    nextAttemptAt: text("next_attempt_at"),
    claimedUntil: text("claimed_until"),
    lastAttemptAt: text("last_attempt_at"),
    responseStatus: integer("response_status"),
    responseBody: text("response_body"),
    latencyMs: integer("latency_ms"),
    error: text("error"),
    deliveredAt: text("delivered_at"),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_event_endpoint_uq").on(t.eventId, t.endpointId),
    index("webhook_deliveries_due_idx").on(t.status, t.nextAttemptAt),
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.id),
    index("webhook_deliveries_endpoint_status_idx").on(t.endpointId, t.status, t.createdAt),
  ],
);
