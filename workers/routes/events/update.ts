import { createRoute } from "@hono/zod-openapi";
import type { SignupRole } from "../../../schema/tables/roadshows.ts";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { actorOf, auditStatement } from "../../data/audit.ts";
import { capacityStatements, getEventInTenant, seatsOf, updateEventStatement } from "../../data/roadshows.ts";
import { commit } from "../../db.ts";
import { ConflictError, ValidationError } from "../../errors.ts";
import { jsonBody } from "../../middleware/json-body.ts";
import { promoteWhileSeatsFree } from "../../roadshows/seats.ts";
import { BEARER, errorResponses, idParam, jsonContent, WRITE_ERRORS } from "../shared.ts";
import { applyEventInput, EventSchema, toEvent, UpdateEventBody } from "./schema.ts";

const route = createRoute({
  method: "patch",
  path: "/v1/events/{id}",
  tags: ["Roadshows"],
  summary: "Update an event",
  description:
    "Fields present are replaced. Raising a role's capacity promotes waitlisted signups into the new seats at once; lowering it below the seats already confirmed is a 409.",
  security: BEARER,
  middleware: [authenticate(), jsonBody()] as const,
  request: { params: idParam("event"), body: { required: true, content: { "application/json": { schema: UpdateEventBody } } } },
  responses: { 200: jsonContent(EventSchema, "The event"), ...errorResponses(...WRITE_ERRORS, 404, 409) },
});

export function registerUpdateEvent(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer");
    const body = c.req.valid("json");
    const { db, clock } = c.get("deps");
    const current = await getEventInTenant(db, caller.tenantId, c.req.valid("param").id);
    const next = { ...applyEventInput(current, body), updatedAt: clock().toISOString() };
    if (next.startsAt >= next.endsAt) throw new ValidationError([{ path: "ends_at", message: "must be after starts_at" }]);
    const before = (await seatsOf(db, [current.id])).get(current.id) ?? [];
    const capacity = body.capacity ?? {};
    for (const [role, seats] of Object.entries(capacity) as [SignupRole, number][]) {
      const held = before.find((s) => s.role === role)?.confirmed ?? 0;
      if (seats < held) throw new ConflictError(`Role '${role}' already has ${held} confirmed seats; cancel signups before lowering its capacity to ${seats}.`);
    }
    const now = clock();
    await commit(db, [
      updateEventStatement(db, next),
      ...capacityStatements(db, next, capacity),
      auditStatement(db, {
        tenantId: caller.tenantId,
        actor: actorOf(caller),
        action: "event.updated",
        subjectType: "event",
        subjectId: next.id,
        requestId: c.get("requestId"),
        detail: { fields: Object.keys(body).sort() },
        at: now,
      }),
    ]);
    for (const role of Object.keys(capacity) as SignupRole[]) await promoteWhileSeatsFree(db, next, role, now);
    const seats = await seatsOf(db, [next.id]);
    return c.json(toEvent(next, seats.get(next.id) ?? []), 200);
  });
}
