import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { actorOf, auditIfChangedStatement } from "../../data/audit.ts";
import { getOrganizationInTenant } from "../../data/organizations.ts";
import { eventIfChangedStatement } from "../../data/outbox.ts";
import { getProjectInTenant, talentTeams, transitionStatement } from "../../data/roadshows-projects.ts";
import { getEventInTenant } from "../../data/roadshows.ts";
import { commit } from "../../db.ts";
import { ConflictError, type FieldError, NotFoundError, ValidationError } from "../../errors.ts";
import { newId } from "../../lib/ids.ts";
import { jsonBody } from "../../middleware/json-body.ts";
import { BEARER, errorResponses, idParam, jsonContent, WRITE_ERRORS } from "../shared.ts";
import { ProjectSchema, SignProjectBody, toProject } from "./schema.ts";

const route = createRoute({
  method: "post",
  path: "/v1/projects/{id}/sign",
  tags: ["Roadshows"],
  summary: "Record a signing (签约)",
  description:
    "Organizers and admins record that a project in negotiation signed: the signing organization, the intended investment (yuan), and the talents and teams it introduces " +
    "(teams by their lead's talent id). Emits `project.signed`. Conditional on the project still negotiating: of two racing signings one wins, the other is a 409.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer"), jsonBody()] as const,
  request: { params: idParam("project"), body: { required: true, content: { "application/json": { schema: SignProjectBody } } } },
  responses: { 200: jsonContent(ProjectSchema, "The signed project"), ...errorResponses(...WRITE_ERRORS, 404, 409) },
});

export function registerSignProject(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer");
    const body = c.req.valid("json");
    const { db, clock } = c.get("deps");
    const project = await getProjectInTenant(db, caller.tenantId, c.req.valid("param").id);
    if (project.status !== "negotiating") throw new ConflictError(`The project is ${project.status}; only a project in negotiation signs.`);
    const problems: FieldError[] = [];
    const partner = await getOrganizationInTenant(db, caller.tenantId, body.signing_organization_id).catch((err: unknown) => {
      if (err instanceof NotFoundError) return null;
      throw err;
    });
    if (!partner) problems.push({ path: "signing_organization_id", message: "is not an organization of this tenant" });
    const known = await talentTeams(db, caller.tenantId, [...body.talents_introduced, ...body.teams_introduced]);
    body.talents_introduced.forEach((id, i) => {
      if (!known.has(id)) problems.push({ path: `talents_introduced.${i}`, message: "is not a talent of this tenant" });
    });
    body.teams_introduced.forEach((id, i) => {
      if (!known.has(id)) problems.push({ path: `teams_introduced.${i}`, message: "is not a talent of this tenant" });
      else if (!known.get(id)) problems.push({ path: `teams_introduced.${i}`, message: "has no team on its profile" });
    });
    if (problems.length > 0) throw new ValidationError(problems);
    const event = project.eventId ? await getEventInTenant(db, caller.tenantId, project.eventId) : null;
    const now = clock();
    const signedAt = body.signed_at ? new Date(body.signed_at).toISOString() : now.toISOString();
    const token = newId("request", now);
    const signing = {
      status: "signed" as const,
      signedAt,
      signedWith: body.signing_organization_id,
      intendedInvestment: body.intended_investment,
      talentsIntroduced: body.talents_introduced,
      teamsIntroduced: body.teams_introduced,
      updatedAt: now.toISOString(),
    };
    await commit(db, [
      transitionStatement(db, { tenantId: caller.tenantId, id: project.id, from: "negotiating" }, signing, token),
      eventIfChangedStatement(db, {
        tenantId: caller.tenantId,
        type: "project.signed",
        audience: [event?.organizerId, project.organizationId, body.signing_organization_id].filter((x): x is string => typeof x === "string"),
        subjectType: "project",
        subjectId: project.id,
        payload: {
          project_id: project.id,
          event_id: project.eventId,
          signing_organization_id: body.signing_organization_id,
          intended_investment: body.intended_investment,
          talents_introduced: body.talents_introduced,
          teams_introduced: body.teams_introduced,
          signed_at: signedAt,
        },
        at: now,
      }),
      auditIfChangedStatement(db, {
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
    const after = await getProjectInTenant(db, caller.tenantId, project.id);
    if (after.changeToken !== token) throw new ConflictError(`The project became ${after.status} while this signing was recorded; it was not recorded.`);
    return c.json(toProject(after), 200);
  });
}
