import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { actorOf, auditStatement } from "../../data/audit.ts";
import { insertProjectStatements } from "../../data/roadshows-projects.ts";
import { commit } from "../../db.ts";
import { idempotent } from "../../idempotency.ts";
import { jsonBody } from "../../middleware/json-body.ts";
import { readableEvent } from "../events/access.ts";
import { BEARER, errorResponses, IdempotencyHeader, idParam, jsonContent, WRITE_ERRORS } from "../shared.ts";
import { ProjectSchema, SubmitProjectBody, toProject } from "./schema.ts";
import { newProject } from "./submit.ts";

const route = createRoute({
  method: "post",
  path: "/v1/events/{id}/projects",
  tags: ["Roadshows"],
  summary: "Submit a project to an event (call for projects)",
  description:
    "A talent (or team lead) submits its own project, an enterprise its organization's; organizers submit for anyone (`talent_id`, `organization_id`, or the lead as owner). " +
    "`team` lists talents of the tenant; `lead_talent_id` is a member or the owning talent. The event must be open (organizers: also draft or closed). Starts as `submitted`.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer", "enterprise", "talent"), jsonBody()] as const,
  request: { params: idParam("event"), headers: IdempotencyHeader, body: { required: true, content: { "application/json": { schema: SubmitProjectBody } } } },
  responses: { 201: jsonContent(ProjectSchema, "The project"), ...errorResponses(...WRITE_ERRORS, 404, 409) },
});

export function registerSubmitProject(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer", "enterprise", "talent");
    const { db, clock } = c.get("deps");
    const event = await readableEvent(db, caller, c.req.valid("param").id);
    const row = await newProject(db, caller, c.req.valid("json"), event, clock());
    return idempotent(c, caller.tenantId, async () => {
      const now = clock();
      await commit(db, [
        ...insertProjectStatements(db, row),
        auditStatement(db, { tenantId: caller.tenantId, actor: actorOf(caller), action: "project.created", subjectType: "project", subjectId: row.id, requestId: c.get("requestId"), at: now }),
      ]);
      return c.json(toProject(row), 201);
    });
  });
}
