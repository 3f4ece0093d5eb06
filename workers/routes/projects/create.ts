import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { actorOf, auditStatement } from "../../data/audit.ts";
import { insertProjectStatements } from "../../data/roadshows-projects.ts";
import { commit } from "../../db.ts";
import { idempotent } from "../../idempotency.ts";
import { jsonBody } from "../../middleware/json-body.ts";
import { readableEvent } from "../events/access.ts";
import { BEARER, errorResponses, IdempotencyHeader, jsonContent, WRITE_ERRORS } from "../shared.ts";
import { CreateProjectBody, ProjectSchema, toProject } from "./schema.ts";
import { newProject } from "./submit.ts";

const route = createRoute({
  method: "post",
  path: "/v1/projects",
  tags: ["Roadshows"],
  summary: "Create a project (optionally in an event)",
  description:
    "The same as `POST /v1/events/{id}/projects` with the event in the body, or none (a project talents can be matched to outside a roadshow). Starts as `submitted`.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer", "enterprise", "talent"), jsonBody()] as const,
  request: { headers: IdempotencyHeader, body: { required: true, content: { "application/json": { schema: CreateProjectBody } } } },
  responses: { 201: jsonContent(ProjectSchema, "The project"), ...errorResponses(...WRITE_ERRORS, 404, 409) },
});

export function registerCreateProject(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer", "enterprise", "talent");
    const { event_id: eventId, ...body } = c.req.valid("json");
    const { db, clock } = c.get("deps");
    const event = eventId ? await readableEvent(db, caller, eventId) : null;
    const row = await newProject(db, caller, body, event, clock());
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
