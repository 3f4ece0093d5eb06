import { createRoute } from "@hono/zod-openapi";
import { allocations } from "../../../schema/tables/allocations.ts";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { actorOf, auditStatement } from "../../data/audit.ts";
import { getCatalogInTenant } from "../../data/catalogs.ts";
import { commit } from "../../db.ts";
import { idempotent } from "../../idempotency.ts";
import { defer } from "../../jobs/defer.ts";
import { newId } from "../../lib/ids.ts";
import { runAllocation } from "../../matching-service/allocate.ts";
import { jsonBody } from "../../middleware/json-body.ts";
import { BEARER, errorResponses, IdempotencyHeader, idParam, jsonContent, WRITE_ERRORS } from "../shared.ts";
import { AllocationSchema, type AllocationRow, CreateAllocationBody, toAllocation } from "./schema.ts";

const route = createRoute({
  method: "post",
  path: "/v1/catalogs/{id}/allocations",
  tags: ["Catalogs", "Matches"],
  summary: "Allocate a catalog's open seats to talents (stable)",
  description:
    "Starts a stable allocation over the catalog's open lines and the tenant's talents: no talent and line would both rather be matched to each other than to what they got. It runs off the request path; poll `GET /v1/allocations/{id}` until `status` is `done`.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer"), jsonBody()] as const,
  request: { params: idParam("catalog"), headers: IdempotencyHeader, body: { required: true, content: { "application/json": { schema: CreateAllocationBody } } } },
  responses: { 202: jsonContent(AllocationSchema, "The allocation, running"), ...errorResponses(...WRITE_ERRORS, 404) },
});

export function registerCreateAllocation(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer");
    const body = c.req.valid("json");
    const { db, clock } = c.get("deps");
    const catalog = await getCatalogInTenant(db, caller.tenantId, c.req.valid("param").id);
    return idempotent(c, caller.tenantId, async () => {
      const now = clock();
      const row: AllocationRow = {
        id: newId("allocation", now),
        tenantId: caller.tenantId,
        catalogId: catalog.id,
        status: "running",
        listLength: body.list_length,
        demandsConsidered: null,
        talentsConsidered: null,
        seats: null,
        assigned: null,
        result: null,
        error: null,
        requestedBy: caller.keyId,
        createdAt: now.toISOString(),
        finishedAt: null,
      };
      await commit(db, [
        db.insert(allocations).values(row),
        auditStatement(db, {
          tenantId: caller.tenantId,
          actor: actorOf(caller),
          action: "allocation.requested",
          subjectType: "allocation",
          subjectId: row.id,
          requestId: c.get("requestId"),
          detail: { catalog_id: catalog.id, list_length: body.list_length },
          at: now,
        }),
      ]);
      defer(c, "allocation", () => runAllocation(db, row.id, caller.tenantId, catalog.id, body.list_length, now));
      c.header("location", `/v1/allocations/${row.id}`);
      return c.json(toAllocation(row), 202);
    });
  });
}
