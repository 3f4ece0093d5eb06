import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { actorOf, auditStatement } from "../../data/audit.ts";
import { updateProjectStatements } from "../../data/roadshows-projects.ts";
import { getEventInTenant } from "../../data/roadshows.ts";
import { commit } from "../../db.ts";
import { ConflictError, ForbiddenError } from "../../errors.ts";
import { jsonBody } from "../../middleware/json-body.ts";
import { BEARER, errorResponses, idParam, jsonContent, WRITE_ERRORS } from "../shared.ts";
import { assertMayEditProject, readableProject } from "./access.ts";
import { applyProjectInput, ProjectSchema, toProject, UpdateProjectBody } from "./schema.ts";

const route = createRoute({
  method: "patch",
  path: "/v1/projects/{id}",
  tags: ["Roadshows"],
  summary: "Update a project",
  description: "The owner edits its project and may withdraw it; organizers also select or reject it. A signed project keeps its status.",
  security: BEARER,
  middleware: [authenticate(), jsonBody()] as const,
  request: { params: idParam("project"), body: { required: true, content: { "application/json": { schema: UpdateProjectBody } } } },
  responses: { 200: jsonContent(ProjectSchema, "The project"), ...errorResponses(...WRITE_ERRORS, 404, 409) },
});

export function registerUpdateProject(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer", "enterprise", "talent");
    const body = c.req.valid("json");
    const { db, clock } = c.get("deps");
    const current = await readableProject(db, caller, c.req.valid("param").id);
    assertMayEditProject(caller, current);
    const organizes = caller.role === "admin" || caller.role === "organizer";
    if (body.status !== undefined && body.status !== "withdrawn" && !organizes) throw new ForbiddenError("Only organizers select or reject projects.");
    if (body.status !== undefined && current.status === "signed") throw new ConflictError("The project is signed; its status no longer changes.");
    if (body.event_id) await getEventInTenant(db, caller.tenantId, body.event_id);
    const now = clock();
    const next = { ...applyProjectInput(current, body), updatedAt: now.toISOString() };
    await commit(db, [
      ...updateProjectStatements(db, next),
      auditStatement(db, {
        tenantId: caller.tenantId,
        actor: actorOf(caller),
        action: "project.updated",
        subjectType: "project",
        subjectId: next.id,
        requestId: c.get("requestId"),
        detail: { fields: Object.keys(body).sort(), ...(body.status ? { status: body.status } : {}) },
        at: now,
      }),
    ]);
    return c.json(toProject(next), 200);
  });
}
