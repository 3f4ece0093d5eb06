import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { actorOf, auditIfChangedStatement } from "../../data/audit.ts";
import { getProjectInTenant, updateProjectStatements } from "../../data/roadshows-projects.ts";
import { commit } from "../../db.ts";
import { ConflictError, ForbiddenError, ValidationError } from "../../errors.ts";
import { newId } from "../../lib/ids.ts";
import { jsonBody } from "../../middleware/json-body.ts";
import { PROJECT_NEXT, projectMoveRefusal } from "../../roadshows/lifecycle.ts";
import { BEARER, errorResponses, idParam, jsonContent, WRITE_ERRORS } from "../shared.ts";
import { assertMayEditProject, readableProject } from "./access.ts";
import { codeContext } from "../codes.ts";
import { applyProjectInput, resolveProjectCodes, ProjectSchema, toProject, UpdateProjectBody } from "./schema.ts";
import { teamProblems } from "./submit.ts";

const route = createRoute({
  method: "patch",
  path: "/v1/projects/{id}",
  tags: ["Roadshows"],
  summary: "Update a project, or move it along its lifecycle",
  description:
    "The owner edits its project and may withdraw it until it ends; organizers also move it: submitted → selected → pitched → negotiating → not_signed, or submitted → rejected " +
    "(signing is `POST /v1/projects/{id}/sign`). Any other move is a 409. The write is conditional on the status read, so of two racing moves one wins and the other is a 409.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer", "enterprise", "talent"), jsonBody()] as const,
  request: { params: idParam("project"), body: { required: true, content: { "application/json": { schema: UpdateProjectBody } } } },
  responses: { 200: jsonContent(ProjectSchema, "The project"), ...errorResponses(...WRITE_ERRORS, 404, 409) },
});

export function registerUpdateProject(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer", "enterprise", "talent");
    const { db, clock } = c.get("deps");
    const current = await readableProject(db, caller, c.req.valid("param").id);
    assertMayEditProject(caller, current);
    const body = resolveProjectCodes(await codeContext(db, caller.tenantId), c.req.valid("json"));
    const organizes = caller.role === "admin" || caller.role === "organizer";
    if (body.status !== undefined && body.status !== "withdrawn" && !organizes) throw new ForbiddenError("Only organizers move a project along; its owner may withdraw it.", "只有组织方可以推进项目状态；项目所有者可以撤回项目。");
    if (body.status !== undefined && body.status !== current.status && !PROJECT_NEXT[current.status].includes(body.status)) {
      throw new ConflictError(projectMoveRefusal(current.status, body.status));
    }
    const now = clock();
    const next = { ...applyProjectInput(current, body), status: body.status ?? current.status, updatedAt: now.toISOString() };
    if (body.team !== undefined || body.lead_talent_id !== undefined) {
      const problems = await teamProblems(db, caller.tenantId, next.team, next.leadTalentId, next.talentId);
      if (problems.length > 0) throw new ValidationError(problems);
    }
    const token = newId("request", now);
    const [update, ...keys] = updateProjectStatements(db, next, current.status, token);
    await commit(db, [
      ...(update ? [update] : []),
      auditIfChangedStatement(db, {
        tenantId: caller.tenantId,
        actor: actorOf(caller),
        action: next.status === current.status ? "project.updated" : `project.${next.status}`,
        subjectType: "project",
        subjectId: next.id,
        requestId: c.get("requestId"),
        detail: { fields: Object.keys(body).sort(), ...(next.status === current.status ? {} : { from: current.status, to: next.status }) },
        at: now,
      }),
      ...keys,
    ]);
    const after = await getProjectInTenant(db, caller.tenantId, next.id);
    if (after.changeToken !== token) throw new ConflictError(`The project became ${after.status} while this update was applied; read it and try again.`);
    return c.json(toProject(after), 200);
  });
}
