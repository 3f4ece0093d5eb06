import { and, asc, eq, or, sql } from "drizzle-orm";
import { outboxEvents } from "../../schema/index.ts";
import { meetingPlans, meetingRequests, meetings } from "../../schema/tables/roadshows.ts";
import type { Db, Statement } from "../db.ts";

export type MeetingRequestRow = typeof meetingRequests.$inferSelect;
export type MeetingPlanRow = typeof meetingPlans.$inferSelect;
export type MeetingRow = typeof meetings.$inferSelect;

export function insertMeetingRequest(db: Db, row: MeetingRequestRow): Statement {
  return db.insert(meetingRequests).values(row);
}

export async function meetingRequestsOf(db: Db, eventId: string): Promise<MeetingRequestRow[]> {
  return db.select().from(meetingRequests).where(eq(meetingRequests.eventId, eventId)).orderBy(asc(meetingRequests.id));
}

/** Whether `to` already asked to meet `from` at the event (the pair is then mutual). */
export async function reverseRequestExists(db: Db, eventId: string, fromParty: string, toParty: string): Promise<boolean> {
  const rows = await db
    .select({ id: meetingRequests.id })
    .from(meetingRequests)
    .where(and(eq(meetingRequests.eventId, eventId), eq(meetingRequests.fromParty, toParty), eq(meetingRequests.toParty, fromParty)))
    .limit(1);
  return rows.length > 0;
}

/** Rows travel as one JSON parameter (D1 binds at most 100 per statement); this many per statement stays well under 100 KB. */
const CHUNK = 200;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

export interface ScheduledEvent {
  id: string;
  meetingId: string;
  audience: string[];
}

/**
 * Replaces the event's plan and meetings, and writes one `meeting.scheduled` event per meeting:
 * statements for one batch, so a plan is never half-replaced and no meeting goes unannounced.
 */
export function replacePlanStatements(db: Db, plan: MeetingPlanRow, rows: readonly MeetingRow[], announcements: readonly ScheduledEvent[]): Statement[] {
  const out: Statement[] = [
    db.delete(meetings).where(eq(meetings.eventId, plan.eventId)),
    db.delete(meetingPlans).where(eq(meetingPlans.eventId, plan.eventId)),
    db.insert(meetingPlans).values(plan),
  ];
  for (const part of chunks(rows)) {
    out.push(
      db.insert(meetings).select(sql`SELECT j.value ->> '$.id', ${plan.tenantId}, ${plan.eventId}, ${plan.id}, j.value ->> '$.partyA', j.value ->> '$.partyB',
        j.value ->> '$.slot', j.value ->> '$.tableName', j.value ->> '$.priority', j.value ->> '$.mutual', j.value ->> '$.score', ${plan.createdAt}
        FROM json_each(${JSON.stringify(part.map((m) => ({ ...m, mutual: m.mutual ? 1 : 0 })))}) j`),
    );
  }
  for (const part of chunks(announcements)) {
    out.push(
      db.insert(outboxEvents).select(sql`SELECT j.value ->> '$.id', ${plan.tenantId}, 'meeting.scheduled', j.value -> '$.audience', 'meeting', m.id,
        json_object('meeting_id', m.id, 'event_id', m.event_id, 'plan_id', m.plan_id, 'party_a', m.party_a, 'party_b', m.party_b,
          'slot', m.slot, 'table', m.table_name, 'mutual', json(CASE WHEN m.mutual THEN 'true' ELSE 'false' END)),
        ${plan.createdAt}, NULL
        FROM json_each(${JSON.stringify(part)}) j JOIN ${meetings} m ON m.id = j.value ->> '$.meetingId'`),
    );
  }
  return out;
}

/** A page of an event's meetings in slot and table order, optionally one participant's. */
export async function listMeetings(db: Db, eventId: string, opts: { participant?: string | undefined; limit: number; after: { slot: string; table: string } | null }) {
  const conditions = [eq(meetings.eventId, eventId)];
  if (opts.participant) {
    const either = or(eq(meetings.partyA, opts.participant), eq(meetings.partyB, opts.participant));
    if (either) conditions.push(either);
  }
  if (opts.after) conditions.push(sql`(${meetings.slot}, ${meetings.tableName}) > (${opts.after.slot}, ${opts.after.table})`);
  return db
    .select()
    .from(meetings)
    .where(and(...conditions))
    .orderBy(asc(meetings.slot), asc(meetings.tableName))
    .limit(opts.limit + 1);
}
