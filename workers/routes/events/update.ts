import { createRoute } from "@hono/zod-openapi";
import type { SignupRole } from "../../../schema/tables/roadshows.ts";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { actorOf, auditIfChangedStatement } from "../../data/audit.ts";
import { capacityStatements, getEventInTenant, seatsOf, updateEventStatement } from "../../data/roadshows.ts";
import { commit } from "../../db.ts";
import { ConflictError, ValidationError } from "../../errors.ts";
import { newId } from "../../lib/ids.ts";
import { jsonBody } from "../../middleware/json-body.ts";
import { EVENT_NEXT, eventMoveRefusal, eventMoveRefusalZh } from "../../roadshows/lifecycle.ts";
import { promoteWhileSeatsFree } from "../../roadshows/seats.ts";
import { slotProblems } from "../../roadshows/slots.ts";
import { BEARER, errorResponses, idParam, jsonContent, WRITE_ERRORS } from "../shared.ts";
import { codeContext } from "../codes.ts";
import { applyEventInput, EventSchema, toEvent, UpdateEventBody, resolveEventCodes } from "./schema.ts";

const route = createRoute({
  method: "patch",
  path: "/v1/events/{id}",
  tags: ["Roadshows"],
  summary: "Update an event, or move it along its lifecycle",
  description:
    "Fields present are replaced. `status` moves one step along draft → open → closed → held → reported; any other move is a 409, and so is an update that " +
    "loses a race with another status change (the write is conditional on the status read). Raising a role's capacity promotes waitlisted signups into the " +
    "new seats at once; lowering it below the seats already confirmed is a 409.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer"), jsonBody()] as const,
  request: { params: idParam("event"), body: { required: true, content: { "application/json": { schema: UpdateEventBody } } } },
  responses: { 200: jsonContent(EventSchema, "The event"), ...errorResponses(...WRITE_ERRORS, 404, 409) },
});

export function registerUpdateEvent(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer");
    const { db, clock } = c.get("deps");
    const body = resolveEventCodes(await codeContext(db, caller.tenantId), c.req.valid("json"));
    const current = await getEventInTenant(db, caller.tenantId, c.req.valid("param").id);
    const now = clock();
    const next = { ...applyEventInput(current, body), updatedAt: now.toISOString() };
    if (next.startsAt >= next.endsAt) throw new ValidationError([{ path: "ends_at", message: "must be after starts_at" }]);
    if (body.meeting_slots || body.starts_at || body.ends_at) {
      const errors = slotProblems(next.slots, next);
      if (errors.length > 0) throw new ValidationError(body.meeting_slots ? errors : errors.map((e) => ({ ...e, path: e.path.replace(/^meeting_slots\.\d+/, "meeting_slots") })));
    }
    if (body.status !== undefined && body.status !== current.status) {
      if (EVENT_NEXT[current.status] !== body.status) throw new ConflictError(eventMoveRefusal(current.status, body.status), eventMoveRefusalZh(current.status, body.status));
      next.status = body.status;
    }
    const before = (await seatsOf(db, [current.id])).get(current.id) ?? [];
    const capacity = body.capacity ?? {};
    for (const [role, seats] of Object.entries(capacity) as [SignupRole, number][]) {
      const held = before.find((s) => s.role === role)?.confirmed ?? 0;
      if (seats < held) throw new ConflictError(
          `Role '${role}' already has ${held} confirmed seats; cancel signups before lowering its capacity to ${seats}.`,
          `角色 '${role}' 已有 ${held} 个确认名额；请先取消报名，再把名额降到 ${seats}。`,
        );
    }
    const token = newId("request", now);
    await commit(db, [
      updateEventStatement(db, next, current.status, token),
      auditIfChangedStatement(db, {
        tenantId: caller.tenantId,
        actor: actorOf(caller),
        action: next.status === current.status ? "event.updated" : `event.${next.status}`,
        subjectType: "event",
        subjectId: next.id,
        requestId: c.get("requestId"),
        detail: { fields: Object.keys(body).sort(), ...(next.status === current.status ? {} : { from: current.status, to: next.status }) },
        at: now,
      }),
      ...capacityStatements(db, next, capacity, token),
    ]);
    const after = await getEventInTenant(db, caller.tenantId, next.id);
    if (after.changeToken !== token) throw new ConflictError(
        `The event moved to ${after.status} while this update was applied; read it and try again.`,
        `更新期间活动已变为 ${after.status}；请重新读取后再试。`,
      );
    for (const role of Object.keys(capacity) as SignupRole[]) await promoteWhileSeatsFree(db, after, role, now);
    const seats = await seatsOf(db, [after.id]);
    return c.json(toEvent(after, seats.get(after.id) ?? []), 200);
  });
}
