import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { actorOf, auditIfChangedStatement } from "../../data/audit.ts";
import { getProjectInTenant, historyAppend, type ProjectRow, transitionStatement } from "../../data/roadshows-projects.ts";
import { type EventRow, getEventInTenant } from "../../data/roadshows.ts";
import { commit } from "../../db.ts";
import { ConflictError, ValidationError } from "../../errors.ts";
import { newId } from "../../lib/ids.ts";
import { jsonBody } from "../../middleware/json-body.ts";
import { OPEN_PROJECT_STATUSES, TOOK_PLACE } from "../../roadshows/lifecycle.ts";
import { BEARER, errorResponses, idParam, jsonContent, WRITE_ERRORS } from "../shared.ts";
import { CarryOverBody, ProjectSchema, toProject } from "./schema.ts";

const route = createRoute({
  method: "post",
  path: "/v1/projects/{id}/carry-over",
  tags: ["Roadshows"],
  summary: "Carry an unsigned project into a later event",
  description:
    "Organizers and admins. A project that ended not signed or rejected, or is still open after its event was held, moves to a later draft or open event as `submitted`; " +
    "`history` gains `{ event_id, status, at }` for the event it leaves, and that event's report keeps counting it with the status it reached there. " +
    "Signed and withdrawn projects do not carry over. Conditional on the status and event read: of two racing carry-overs one wins, the other is a 409.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer"), jsonBody()] as const,
  request: { params: idParam("project"), body: { required: true, content: { "application/json": { schema: CarryOverBody } } } },
  responses: { 200: jsonContent(ProjectSchema, "The project, in the new event"), ...errorResponses(...WRITE_ERRORS, 404, 409) },
});

/** Why a project may not leave its event now, or null. */
function refusal(project: ProjectRow, from: EventRow | null): string | null {
  if (project.status === "signed" || project.status === "withdrawn") return `The project is ${project.status}; only unsigned projects carry over.`;
  if (from && OPEN_PROJECT_STATUSES.includes(project.status) && !TOOK_PLACE.includes(from.status)) {
    return `The project is still ${project.status} in an event that is ${from.status}; it carries over once it ends not signed or the event has been held.`;
  }
  return null;
}

export function registerCarryOverProject(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer");
    const { db, clock } = c.get("deps");
    const project = await getProjectInTenant(db, caller.tenantId, c.req.valid("param").id);
    const target = await getEventInTenant(db, caller.tenantId, c.req.valid("json").event_id);
    const from = project.eventId ? await getEventInTenant(db, caller.tenantId, project.eventId) : null;
    if (from?.id === target.id) throw new ConflictError("The project is already in this event.", "该项目已在本活动中。");
    const refused = refusal(project, from);
    if (refused) throw new ConflictError(refused);
    if (target.status !== "draft" && target.status !== "open") throw new ConflictError(`The event is ${target.status}; it takes projects while it is draft or open.`);
    if (from && target.startsAt <= from.startsAt) throw new ValidationError([{ path: "event_id", message: `must start after the project's current event (${from.startsAt})` }]);
    const now = clock();
    const at = now.toISOString();
    const token = newId("request", now);
    await commit(db, [
      transitionStatement(
        db,
        { tenantId: caller.tenantId, id: project.id, from: project.status, eventId: project.eventId },
        { eventId: target.id, status: "submitted", updatedAt: at, ...(from ? { history: historyAppend({ event_id: from.id, status: project.status, at }) } : {}) },
        token,
      ),
      auditIfChangedStatement(db, {
        tenantId: caller.tenantId,
        actor: actorOf(caller),
        action: "project.carried_over",
        subjectType: "project",
        subjectId: project.id,
        requestId: c.get("requestId"),
        detail: { from_event_id: from?.id ?? null, to_event_id: target.id, status: project.status },
        at: now,
      }),
    ]);
    const after = await getProjectInTenant(db, caller.tenantId, project.id);
    if (after.changeToken !== token) throw new ConflictError(`The project changed (now ${after.status}) while it was being carried over; read it and try again.`);
    return c.json(toProject(after), 200);
  });
}
