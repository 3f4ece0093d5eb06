import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { actorOf, auditStatement } from "../../data/audit.ts";
import { getOrganizationInTenant } from "../../data/organizations.ts";
import { insertProjectStatements, type ProjectRow } from "../../data/roadshows-projects.ts";
import { getEventInTenant } from "../../data/roadshows.ts";
import { getTalentInTenant } from "../../data/talents.ts";
import { commit } from "../../db.ts";
import { ForbiddenError, ValidationError } from "../../errors.ts";
import { idempotent } from "../../idempotency.ts";
import { newId } from "../../lib/ids.ts";
import { jsonBody } from "../../middleware/json-body.ts";
import { BEARER, errorResponses, IdempotencyHeader, jsonContent, WRITE_ERRORS } from "../shared.ts";
import { CreateProjectBody, ProjectSchema, toProject } from "./schema.ts";

const route = createRoute({
  method: "post",
  path: "/v1/projects",
  tags: ["Roadshows"],
  summary: "Submit a roadshow project",
  description: "A talent (or team lead) or an enterprise submits its own project; organizers submit for either (`talent_id` or `organization_id`). Starts as `submitted`.",
  security: BEARER,
  middleware: [authenticate(), jsonBody()] as const,
  request: { headers: IdempotencyHeader, body: { required: true, content: { "application/json": { schema: CreateProjectBody } } } },
  responses: { 201: jsonContent(ProjectSchema, "The project"), ...errorResponses(...WRITE_ERRORS, 404) },
});

export function registerCreateProject(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer", "enterprise", "talent");
    const body = c.req.valid("json");
    const { db, clock } = c.get("deps");
    let talentId = body.talent_id ?? null;
    let organizationId = body.organization_id ?? null;
    if (caller.role === "talent") {
      if (organizationId !== null || (talentId !== null && talentId !== caller.talentId)) throw new ForbiddenError("A talent key submits only its own projects.");
      talentId = caller.talentId;
    } else if (caller.role === "enterprise") {
      if (talentId !== null || (organizationId !== null && organizationId !== caller.organizationId)) throw new ForbiddenError("An enterprise key submits only its own projects.");
      organizationId = caller.organizationId;
    }
    if ((talentId === null) === (organizationId === null)) throw new ValidationError([{ path: "talent_id", message: "give exactly one of talent_id and organization_id" }]);
    if (talentId) await getTalentInTenant(db, caller.tenantId, talentId);
    if (organizationId) await getOrganizationInTenant(db, caller.tenantId, organizationId);
    if (body.event_id) await getEventInTenant(db, caller.tenantId, body.event_id);
    return idempotent(c, caller.tenantId, async () => {
      const now = clock();
      const row: ProjectRow = {
        id: newId("project", now),
        tenantId: caller.tenantId,
        eventId: body.event_id ?? null,
        talentId,
        organizationId,
        title: body.title,
        summary: body.summary ?? null,
        industryCodes: body.industry_codes ?? [],
        skillsSought: body.skills_sought ?? [],
        city: body.city ?? null,
        stage: body.stage ?? null,
        modes: body.modes ?? [],
        fundingSought: body.funding_sought ?? null,
        status: "submitted",
        signedAt: null,
        intendedInvestment: null,
        signedWith: null,
        createdBy: caller.keyId,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      };
      await commit(db, [
        ...insertProjectStatements(db, row),
        auditStatement(db, {
          tenantId: caller.tenantId,
          actor: actorOf(caller),
          action: "project.created",
          subjectType: "project",
          subjectId: row.id,
          requestId: c.get("requestId"),
          at: now,
        }),
      ]);
      return c.json(toProject(row), 201);
    });
  });
}
