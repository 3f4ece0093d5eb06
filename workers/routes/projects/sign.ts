import { createRoute } from "@hono/zod-openapi";
import { and, eq, inArray } from "drizzle-orm";
import { projects } from "../../../schema/tables/roadshows.ts";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { actorOf, auditStatement } from "../../data/audit.ts";
import { getOrganizationInTenant } from "../../data/organizations.ts";
import { eventStatement } from "../../data/outbox.ts";
import { getProjectInTenant } from "../../data/roadshows-projects.ts";
import { getEventInTenant } from "../../data/roadshows.ts";
import { commit } from "../../db.ts";
import { ConflictError } from "../../errors.ts";
import { jsonBody } from "../../middleware/json-body.ts";
import { BEARER, errorResponses, idParam, jsonContent, WRITE_ERRORS } from "../shared.ts";
import { ProjectSchema, SignProjectBody, toProject } from "./schema.ts";

const route = createRoute({
  method: "post",
  path: "/v1/projects/{id}/sign",
  tags: ["Roadshows"],
  summary: "Record a signing (签约)",
  description: "Organizers and admins record that a submitted or selected project signed, with the intended investment; emits `project.signed`. Signing twice is a 409.",
  security: BEARER,
  middleware: [authenticate(), jsonBody()] as const,
  request: { params: idParam("project"), body: { required: true, content: { "application/json": { schema: SignProjectBody } } } },
  responses: { 200: jsonContent(ProjectSchema, "The signed project"), ...errorResponses(...WRITE_ERRORS, 404, 409) },
});

export function registerSignProject(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer");
    const body = c.req.valid("json");
    const { db, clock } = c.get("deps");
    const project = await getProjectInTenant(db, caller.tenantId, c.req.valid("param").id);
    if (project.status !== "submitted" && project.status !== "selected") throw new ConflictError(`The project is ${project.status}; only submitted or selected projects sign.`);
    const partner = body.signed_with ? (await getOrganizationInTenant(db, caller.tenantId, body.signed_with)).id : null;
    const event = project.eventId ? await getEventInTenant(db, caller.tenantId, project.eventId) : null;
    const now = clock();
    const signedAt = body.signed_at ? new Date(body.signed_at).toISOString() : now.toISOString();
    const next = { ...project, status: "signed" as const, signedAt, intendedInvestment: body.intended_investment, signedWith: partner, updatedAt: now.toISOString() };
    await commit(db, [
      db
        .update(projects)
        .set({ status: "signed", signedAt, intendedInvestment: body.intended_investment, signedWith: partner, updatedAt: next.updatedAt })
        .where(and(eq(projects.id, project.id), inArray(projects.status, ["submitted", "selected"]))),
      eventStatement(db, {
        tenantId: caller.tenantId,
        type: "project.signed",
        audience: [event?.organizerId, project.organizationId, partner].filter((x): x is string => typeof x === "string"),
        subjectType: "project",
        subjectId: project.id,
        payload: { project_id: project.id, event_id: project.eventId, intended_investment: body.intended_investment, signed_with: partner, signed_at: signedAt },
        at: now,
      }),
      auditStatement(db, {
        tenantId: caller.tenantId,
        actor: actorOf(caller),
        action: "project.signed",
        subjectType: "project",
        subjectId: project.id,
        requestId: c.get("requestId"),
        detail: { intended_investment: body.intended_investment },
        at: now,
      }),
    ]);
    return c.json(toProject(next), 200);
  });
}
