import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * The transactional outbox: every domain event is inserted in the same `db.batch()` as the change
 * that caused it, so nothing is emitted for a write that did not commit and nothing committed is
 * lost. Delivery (webhooks) reads from here. `audience` lists the organizations entitled to hear
 * about the event; payloads carry ids and non-personal fields only.
 */
export const outboxEvents = sqliteTable(
  "outbox_events",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    type: text("type").notNull(),
    audience: text("audience", { mode: "json" }).$type<string[]>().notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id").notNull(),
    payload: text("payload", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    createdAt: text("created_at").notNull(),
    /** Set once the event has been fanned out into deliveries. */
    dispatchedAt: text("dispatched_at"),
  },
  (t) => [index("outbox_events_pending_idx").on(t.dispatchedAt, t.id), index("outbox_events_tenant_idx").on(t.tenantId, t.id)],
);
