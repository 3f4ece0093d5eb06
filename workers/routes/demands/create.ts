import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { actorOf, auditStatement } from "../../data/audit.ts";
import { getCatalogInTenant } from "../../data/catalogs.ts";
import { demandContentHash, insertDemandStatements } from "../../data/demands.ts";
import { getOrganizationInTenant } from "../../data/organizations.ts";
import { commit } from "../../db.ts";
import { defer } from "../../jobs/defer.ts";
import { suggestForDemand } from "../../matching-service/suggest.ts";
import { ValidationError } from "../../errors.ts";
import { idempotent } from "../../idempotency.ts";
import { newId } from "../../lib/ids.ts";
import { jsonBody } from "../../middleware/json-body.ts";
import { BEARER, errorResponses, IdempotencyHeader, jsonContent, WRITE_ERRORS } from "../shared.ts";
import { assertMayManageDemand } from "./access.ts";
import { codeContext } from "../codes.ts";
import { applyDemandInput, resolveDemandCodes, blankDemand, CreateDemandBody, DemandSchema, toDemand } from "./schema.ts";

const route = createRoute({
  method: "post",
  path: "/v1/demands",
  tags: ["Demands"],
  summary: "Post a demand",
  description: "An enterprise posts for itself; admins and organizers post for any enterprise of the tenant (`organization_id`).",
  security: BEARER,
  middleware: [authenticate("admin", "organizer", "enterprise"), jsonBody()] as const,
  request: { headers: IdempotencyHeader, body: { required: true, content: { "application/json": { schema: CreateDemandBody } } } },
  responses: { 201: jsonContent(DemandSchema, "The demand"), ...errorResponses(...WRITE_ERRORS, 404) },
});

export function registerCreateDemand(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer", "enterprise");
    const { db, clock } = c.get("deps");
    const body = resolveDemandCodes(await codeContext(db, caller.tenantId), c.req.valid("json"));
    const organizationId = body.organization_id ?? (caller.role === "enterprise" ? caller.organizationId : null);
    if (!organizationId) throw new ValidationError([{ path: "organization_id", message: "is required" }]);
    assertMayManageDemand(caller, { organizationId });
    const org = await getOrganizationInTenant(db, caller.tenantId, organizationId);
    if (org.kind !== "enterprise") throw new ValidationError([{ path: "organization_id", message: "must be an enterprise organization" }]);
    if (body.catalog_id) await getCatalogInTenant(db, caller.tenantId, body.catalog_id);
    return idempotent(c, caller.tenantId, async () => {
      const now = clock();
      const base = blankDemand({ id: newId("demand", now), tenantId: caller.tenantId, organizationId, createdBy: caller.keyId, at: now.toISOString() });
      const row = applyDemandInput(base, body);
      row.contentHash = await demandContentHash(row);
      await commit(db, [
        ...insertDemandStatements(db, row),
        auditStatement(db, {
          tenantId: caller.tenantId,
          actor: actorOf(caller),
          action: "demand.created",
          subjectType: "demand",
          subjectId: row.id,
          requestId: c.get("requestId"),
          at: now,
        }),
      ]);
      defer(c, "suggestions", () => suggestForDemand(db, caller.tenantId, row.id, clock()).then(() => undefined));
      return c.json(toDemand(row), 201);
    });
  });
}
