import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { actorOf, auditStatement } from "../../data/audit.ts";
import { isUniqueViolation } from "../../data/constraints.ts";
import { findOrganizationByName, insertOrganization } from "../../data/organizations.ts";
import { commit } from "../../db.ts";
import { ConflictError, ForbiddenError } from "../../errors.ts";
import { idempotent } from "../../idempotency.ts";
import { newId } from "../../lib/ids.ts";
import { jsonBody } from "../../middleware/json-body.ts";
import { BEARER, errorResponses, IdempotencyHeader, jsonContent, WRITE_ERRORS } from "../shared.ts";
import { CreateOrganizationBody, OrganizationSchema, toOrganization } from "./schema.ts";

const route = createRoute({
  method: "post",
  path: "/v1/organizations",
  tags: ["Organizations"],
  summary: "Create an organization",
  description: "Admins create enterprises and organizers; organizers onboard enterprises. Names are unique within a tenant.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer"), jsonBody()] as const,
  request: {
    headers: IdempotencyHeader,
    body: { required: true, content: { "application/json": { schema: CreateOrganizationBody } } },
  },
  responses: {
    201: jsonContent(OrganizationSchema, "The organization"),
    ...errorResponses(...WRITE_ERRORS, 409),
  },
});

export function registerCreateOrganization(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer");
    const body = c.req.valid("json");
    if (caller.role === "organizer" && body.kind !== "enterprise") {
      throw new ForbiddenError("Organizers may create enterprise organizations only.", "组织方只能创建企业机构。");
    }
    return idempotent(c, caller.tenantId, async () => {
      const { db, clock } = c.get("deps");
      if (await findOrganizationByName(db, caller.tenantId, body.name)) {
        throw new ConflictError(`An organization named '${body.name}' already exists in this tenant.`, `本租户中已有名为 '${body.name}' 的机构。`);
      }
      const now = clock();
      const row = {
        id: newId("organization", now),
        tenantId: caller.tenantId,
        name: body.name,
        kind: body.kind,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      };
      try {
        await commit(db, [
          insertOrganization(db, row),
          auditStatement(db, {
            tenantId: caller.tenantId,
            actor: actorOf(caller),
            action: "organization.created",
            subjectType: "organization",
            subjectId: row.id,
            requestId: c.get("requestId"),
            detail: { kind: row.kind },
            at: now,
          }),
        ]);
      } catch (err) {
        if (isUniqueViolation(err, "organizations")) {
          throw new ConflictError(`An organization named '${body.name}' already exists in this tenant.`, `本租户中已有名为 '${body.name}' 的机构。`);
        }
        throw err;
      }
      return c.json(toOrganization(row), 201);
    });
  });
}
