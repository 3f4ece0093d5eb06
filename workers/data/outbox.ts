import { sql } from "drizzle-orm";
import { outboxEvents } from "../../schema/index.ts";
import { rawStatement } from "./raw.ts";
import type { Db, Statement } from "../db.ts";
import { newId } from "../lib/ids.ts";

/** The event types the platform emits; webhook endpoints subscribe to these. */
export const EVENT_TYPES = [
  "match.created",
  "introduction.requested",
  "introduction.accepted",
  "introduction.declined",
  "introduction.withdrawn",
  "introduction.outcome",
  "signup.confirmed",
  "signup.waitlisted",
  "signup.promoted",
  "signup.cancelled",
  "meeting.scheduled",
  "project.signed",
  "catalog.imported",
  "webhook.endpoint_disabled",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface OutboxEvent {
  tenantId: string;
  type: EventType;
  /** Organizations entitled to receive it (their webhook endpoints); never talents' contact details. */
  audience: string[];
  subjectType: string;
  subjectId: string;
  payload: Record<string, unknown>;
  at: Date;
}

/** The outbox insert for an event: put it in the same batch as the change that caused it. */
export function eventStatement(db: Db, event: OutboxEvent): Statement {
  return db.insert(outboxEvents).values({
    id: newId("message", event.at),
    tenantId: event.tenantId,
    type: event.type,
    audience: [...new Set(event.audience)],
    subjectType: event.subjectType,
    subjectId: event.subjectId,
    payload: event.payload,
    createdAt: event.at.toISOString(),
    dispatchedAt: null,
  });
}

/**
 * The event, inserted only if the statement just before it in the batch changed a row (SQLite's
 * `changes()`, which libSQL and D1 both evaluate per connection, in batch order). Put it right
 * after a conditional UPDATE: a transition that lost a race emits nothing.
 */
export function eventIfChangedStatement(db: Db, event: OutboxEvent): Statement {
  const id = newId("message", event.at);
  return rawStatement(db, sql`INSERT INTO ${outboxEvents} (id, tenant_id, type, audience, subject_type, subject_id, payload, created_at, dispatched_at)
    SELECT ${id}, ${event.tenantId}, ${event.type}, ${JSON.stringify([...new Set(event.audience)])}, ${event.subjectType}, ${event.subjectId},
      ${JSON.stringify(event.payload)}, ${event.at.toISOString()}, NULL
    WHERE changes() > 0`);
}
