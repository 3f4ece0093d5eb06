import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { actorOf, auditStatement } from "../../data/audit.ts";
import { getCatalogInTenant } from "../../data/catalogs.ts";
import { demandContentHash, getDemandInTenant, updateDemandStatements } from "../../data/demands.ts";
import { commit } from "../../db.ts";
import { defer } from "../../jobs/defer.ts";
import { suggestForDemand } from "../../matching-service/suggest.ts";
import { jsonBody } from "../../middleware/json-body.ts";
import { BEARER, errorResponses, idParam, jsonContent, WRITE_ERRORS } from "../shared.ts";
import { assertMayManageDemand } from "./access.ts";
import { codeContext } from "../codes.ts";
import { applyDemandInput, resolveDemandCodes, DemandSchema, toDemand, UpdateDemandBody } from "./schema.ts";

const route = createRoute({
  method: "patch",
  path: "/v1/demands/{id}",
  tags: ["Demands"],
  summary: "Update a demand",
  description: "Fields present are replaced (null clears one). Set `status` to `closed` to stop matching it.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer", "enterprise"), jsonBody()] as const,
  request: { params: idParam("demand"), body: { required: true, content: { "application/json": { schema: UpdateDemandBody } } } },
  responses: { 200: jsonContent(DemandSchema, "The demand"), ...errorResponses(...WRITE_ERRORS, 404) },
});

export function registerUpdateDemand(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer", "enterprise");
    const { db, clock } = c.get("deps");
    const body = resolveDemandCodes(await codeContext(db, caller.tenantId), c.req.valid("json"));
    const current = await getDemandInTenant(db, caller.tenantId, c.req.valid("param").id);
    assertMayManageDemand(caller, current);
    if (body.catalog_id) await getCatalogInTenant(db, caller.tenantId, body.catalog_id);
    const now = clock();
    const next = { ...applyDemandInput(current, body), updatedAt: now.toISOString() };
    next.contentHash = await demandContentHash(next);
    await commit(db, [
      ...updateDemandStatements(db, next),
      auditStatement(db, {
        tenantId: caller.tenantId,
        actor: actorOf(caller),
        action: "demand.updated",
        subjectType: "demand",
        subjectId: next.id,
        requestId: c.get("requestId"),
        detail: { fields: Object.keys(body).sort() },
        at: now,
      }),
    ]);
    defer(c, "suggestions", () => suggestForDemand(db, caller.tenantId, next.id, clock()).then(() => undefined));
    return c.json(toDemand(next), 200);
  });
}
