import { and, asc, desc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import { eventCapacity, events, type SignupRole, signups } from "../../schema/tables/roadshows.ts";
import type { Db, Statement } from "../db.ts";
import { NotFoundError } from "../errors.ts";
import { rawStatement } from "./raw.ts";

export type EventRow = typeof events.$inferSelect;
export type CapacityRow = typeof eventCapacity.$inferSelect;

/** Seats per role as the wire shows them: capacity, confirmed, and how many wait. */
export interface RoleSeats {
  role: SignupRole;
  capacity: number;
  confirmed: number;
  waitlisted: number;
}

/** Fetch-or-404 within a tenant. */
export async function getEventInTenant(db: Db, tenantId: string, id: string): Promise<EventRow> {
  const rows = await db
    .select()
    .from(events)
    .where(and(eq(events.tenantId, tenantId), eq(events.id, id)))
    .limit(1);
  const row = rows[0];
  if (!row) throw new NotFoundError("event", id);
  return row;
}

export interface EventFilters {
  status?: EventRow["status"] | undefined;
  /** Half-open ISO range on `starts_at`. */
  from?: string | undefined;
  to?: string | undefined;
  /** GB/T 2260 city code. */
  city?: string | undefined;
  /** Hide drafts (callers that do not run events). */
  publishedOnly?: boolean;
}

/** A page of events, newest first. */
export async function listEvents(db: Db, tenantId: string, f: EventFilters, opts: { limit: number; after: string | null }): Promise<EventRow[]> {
  const conditions: SQL[] = [eq(events.tenantId, tenantId)];
  if (f.status) conditions.push(eq(events.status, f.status));
  if (f.publishedOnly) conditions.push(sql`${events.status} <> 'draft'`);
  if (f.from) conditions.push(gte(events.startsAt, f.from));
  if (f.to) conditions.push(lt(events.startsAt, f.to));
  if (f.city) conditions.push(sql`${events.city} LIKE ${`${f.city}%`}`);
  if (opts.after) conditions.push(lt(events.id, opts.after));
  return db
    .select()
    .from(events)
    .where(and(...conditions))
    .orderBy(desc(events.id))
    .limit(opts.limit + 1);
}

/** Every event whose start falls in [from, to), oldest first (reports). */
export async function eventsBetween(db: Db, tenantId: string, from: string, to: string): Promise<EventRow[]> {
  return db
    .select()
    .from(events)
    .where(and(eq(events.tenantId, tenantId), gte(events.startsAt, from), lt(events.startsAt, to)))
    .orderBy(asc(events.startsAt), asc(events.id));
}

/** Seat counters of the given events, with the waitlist length counted from the signups. */
export async function seatsOf(db: Db, eventIds: readonly string[]): Promise<Map<string, RoleSeats[]>> {
  const out = new Map<string, RoleSeats[]>();
  if (eventIds.length === 0) return out;
  const ids = JSON.stringify([...new Set(eventIds)]);
  const rows = await db.all<{ event_id: string; role: SignupRole; capacity: number; confirmed: number; waitlisted: number }>(sql`
    SELECT c.event_id, c.role, c.capacity, c.confirmed,
      (SELECT count(*) FROM ${signups} s WHERE s.event_id = c.event_id AND s.role = c.role AND s.status = 'waitlisted') AS waitlisted
    FROM ${eventCapacity} c WHERE c.event_id IN (SELECT value FROM json_each(${ids})) ORDER BY c.event_id, c.role`);
  for (const r of rows) {
    const list = out.get(r.event_id) ?? [];
    list.push({ role: r.role, capacity: Number(r.capacity), confirmed: Number(r.confirmed), waitlisted: Number(r.waitlisted) });
    out.set(r.event_id, list);
  }
  return out;
}

/** The roles an event takes signups for (no counting: this runs on every signup). */
export async function offeredRoles(db: Db, eventId: string): Promise<SignupRole[]> {
  const rows = await db.select({ role: eventCapacity.role }).from(eventCapacity).where(eq(eventCapacity.eventId, eventId)).orderBy(asc(eventCapacity.role));
  return rows.map((r) => r.role);
}

export function insertEventStatements(db: Db, row: EventRow, capacity: Partial<Record<SignupRole, number>>): Statement[] {
  return [db.insert(events).values(row), ...capacityStatements(db, row, capacity)];
}

/**
 * Writes an event's fields only if its status is still `expected` (what the caller read), naming
 * the write with `token`: a concurrent transition wins or this does, never both.
 */
export function updateEventStatement(db: Db, row: EventRow, expected: EventRow["status"], token: string): Statement {
  return db
    .update(events)
    .set({ ...row, changeToken: token })
    .where(and(eq(events.tenantId, row.tenantId), eq(events.id, row.id), eq(events.status, expected)));
}

/**
 * Sets each role's capacity. Lowering a capacity below the seats already confirmed is refused in
 * SQL (the row keeps its old capacity), so no race can leave more confirmed seats than capacity.
 * With `token`, only if the event's own update in the same batch won (its change token).
 */
export function capacityStatements(db: Db, event: Pick<EventRow, "id" | "tenantId">, capacity: Partial<Record<SignupRole, number>>, token?: string): Statement[] {
  const guard = token === undefined ? sql`1 = 1` : sql`EXISTS (SELECT 1 FROM ${events} e WHERE e.id = ${event.id} AND e.change_token = ${token})`;
  return (Object.entries(capacity) as [SignupRole, number][]).map(([role, seats]) =>
    rawStatement(
      db,
      sql`INSERT INTO ${eventCapacity} (tenant_id, event_id, role, capacity, confirmed, waitlist_seq, last_claim)
        SELECT ${event.tenantId}, ${event.id}, ${role}, ${seats}, 0, 0, NULL WHERE ${guard}
        ON CONFLICT (event_id, role) DO UPDATE SET capacity = excluded.capacity WHERE event_capacity.confirmed <= excluded.capacity`,
    ),
  );
}
