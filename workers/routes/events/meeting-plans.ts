import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { actorOf, auditStatement } from "../../data/audit.ts";
import { type MeetingPlanRow, type MeetingRow, meetingRequestsOf, replacePlanStatements } from "../../data/roadshows-meetings.ts";
import { confirmedSignups } from "../../data/roadshows-signups.ts";
import { getEventInTenant } from "../../data/roadshows.ts";
import { commit } from "../../db.ts";
import { ConflictError } from "../../errors.ts";
import { newId } from "../../lib/ids.ts";
import { planMeetings } from "../../roadshows/meeting-plan.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, idParam, jsonContent } from "../shared.ts";
import { partyNames } from "../../data/names.ts";
import { MeetingPlanSchema, partyRef, toMeeting } from "./meetings-schema.ts";

const route = createRoute({
  method: "post",
  path: "/v1/events/{id}/meeting-plans",
  tags: ["Roadshows"],
  summary: "Schedule the 1:1 meetings",
  description:
    "Organizers and admins. Schedules the event's meeting requests into its slots and tables: mutual pairs first, then by match score and asked priority; " +
    "nobody is double-booked, each participant only in the slots they said they can attend. Replaces the previous plan and emits `meeting.scheduled` per meeting. " +
    "Returns the meetings and the pairs left out, with reasons.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer")] as const,
  request: { params: idParam("event") },
  responses: { 201: jsonContent(MeetingPlanSchema, "The plan"), ...errorResponses(400, ...AUTHED_ERRORS, 404, 409) },
});

export function registerCreateMeetingPlan(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer");
    const { db, clock } = c.get("deps");
    const event = await getEventInTenant(db, caller.tenantId, c.req.valid("param").id);
    if (event.meetingSlots.length === 0 || event.tables.length === 0) {
      throw new ConflictError(
        "The event has no meeting slots or no tables; set meeting_slots and tables first.",
        "该活动没有会面时段或桌位；请先设置 meeting_slots 和 tables。",
      );
    }
    const now = clock();
    const outcome = await planMeetings(db, event, await meetingRequestsOf(db, event.id), await confirmedSignups(db, event.id), now);
    const plan: MeetingPlanRow = {
      id: newId("meetingPlan", now),
      tenantId: caller.tenantId,
      eventId: event.id,
      totalPriority: outcome.totalPriority,
      upperBound: outcome.upperBound,
      leftOut: outcome.leftOut,
      createdBy: caller.keyId,
      createdAt: now.toISOString(),
    };
    const rows: MeetingRow[] = outcome.meetings.map((m) => ({
      id: newId("meeting", now),
      tenantId: caller.tenantId,
      eventId: event.id,
      planId: plan.id,
      partyA: m.pair.a,
      partyB: m.pair.b,
      slot: m.slot,
      tableName: m.table,
      priority: m.pair.priority,
      mutual: m.pair.mutual,
      score: m.pair.score,
      createdAt: plan.createdAt,
    }));
    const organizations = (m: MeetingRow) => [event.organizerId, m.partyA, m.partyB].filter((x): x is string => x !== null && x.startsWith("org_"));
    await commit(db, [
      ...replacePlanStatements(
        db,
        plan,
        rows,
        rows.map((m) => ({ id: newId("message", now), meetingId: m.id, audience: [...new Set(organizations(m))] })),
      ),
      auditStatement(db, {
        tenantId: caller.tenantId,
        actor: actorOf(caller),
        action: "meeting_plan.created",
        subjectType: "event",
        subjectId: event.id,
        requestId: c.get("requestId"),
        detail: { plan_id: plan.id, meetings: rows.length, left_out: outcome.leftOut.length },
        at: now,
      }),
    ]);
    const names = await partyNames(db, caller.tenantId, [...rows.flatMap((m) => [m.partyA, m.partyB]), ...outcome.leftOut.flatMap((l) => [l.a, l.b])]);
    return c.json(
      MeetingPlanSchema.parse({
        id: plan.id,
        event_id: event.id,
        meetings: rows.map((m) => toMeeting(m, event.slots, names)),
        left_out: outcome.leftOut.map((l) => ({ a: partyRef(l.a, names), b: partyRef(l.b, names), reason: l.reason, priority: l.priority })),
        total_priority: plan.totalPriority,
        upper_bound: plan.upperBound,
        created_at: plan.createdAt,
      }),
      201,
    );
  });
}
