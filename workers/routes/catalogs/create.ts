import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { actorOf, auditStatement } from "../../data/audit.ts";
import { insertCatalog } from "../../data/catalogs.ts";
import { isUniqueViolation } from "../../data/constraints.ts";
import { commit } from "../../db.ts";
import { ConflictError } from "../../errors.ts";
import { idempotent } from "../../idempotency.ts";
import { newId } from "../../lib/ids.ts";
import { jsonBody } from "../../middleware/json-body.ts";
import { BEARER, errorResponses, IdempotencyHeader, jsonContent, WRITE_ERRORS } from "../shared.ts";
import { CatalogSchema, CreateCatalogBody, toCatalog } from "./schema.ts";

const route = createRoute({
  method: "post",
  path: "/v1/catalogs",
  tags: ["Catalogs"],
  summary: "Create a demand catalog",
  description: "A region's yearly catalog (人才需求目录). Lines arrive one by one (`POST /v1/demands` with `catalog_id`) or by file import.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer"), jsonBody()] as const,
  request: { headers: IdempotencyHeader, body: { required: true, content: { "application/json": { schema: CreateCatalogBody } } } },
  responses: { 201: jsonContent(CatalogSchema, "The catalog"), ...errorResponses(...WRITE_ERRORS, 409) },
});

export function registerCreateCatalog(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer");
    const body = c.req.valid("json");
    return idempotent(c, caller.tenantId, async () => {
      const { db, clock } = c.get("deps");
      const now = clock();
      const at = now.toISOString();
      const row = { id: newId("catalog", now), tenantId: caller.tenantId, name: body.name, year: body.year, industryChains: body.industry_chains, createdAt: at, updatedAt: at };
      try {
        await commit(db, [
          insertCatalog(db, row),
          auditStatement(db, {
            tenantId: caller.tenantId,
            actor: actorOf(caller),
            action: "catalog.created",
            subjectType: "catalog",
            subjectId: row.id,
            requestId: c.get("requestId"),
            at: now,
          }),
        ]);
      } catch (err) {
        if (isUniqueViolation(err, "catalogs")) throw new ConflictError(`A catalog named '${body.name}' already exists in this tenant.`, `本租户中已有名为 '${body.name}' 的需求目录。`);
        throw err;
      }
      return c.json(toCatalog(row), 201);
    });
  });
}
