import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { catalogCounts, getCatalogInTenant } from "../../data/catalogs.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, idParam, jsonContent } from "../shared.ts";
import { CatalogWithCountsSchema, toCatalogWithCounts } from "./schema.ts";

const route = createRoute({
  method: "get",
  path: "/v1/catalogs/{id}",
  tags: ["Catalogs"],
  summary: "Get a catalog with its counts",
  security: BEARER,
  middleware: [authenticate("admin", "organizer", "enterprise", "talent")] as const,
  request: { params: idParam("catalog") },
  responses: { 200: jsonContent(CatalogWithCountsSchema, "The catalog and its counts"), ...errorResponses(400, ...AUTHED_ERRORS, 404) },
});

export function registerGetCatalog(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer", "enterprise", "talent");
    const { db } = c.get("deps");
    const row = await getCatalogInTenant(db, caller.tenantId, c.req.valid("param").id);
    return c.json(toCatalogWithCounts(row, await catalogCounts(db, row.id)), 200);
  });
}
