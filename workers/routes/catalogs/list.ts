import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { listCatalogs } from "../../data/catalogs.ts";
import { decodeCursor, page } from "../../lib/cursor.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, jsonContent, PaginationQuery } from "../shared.ts";
import { CatalogListSchema, toCatalog } from "./schema.ts";

const route = createRoute({
  method: "get",
  path: "/v1/catalogs",
  tags: ["Catalogs"],
  summary: "List catalogs",
  security: BEARER,
  middleware: [authenticate("admin", "organizer", "enterprise", "talent")] as const,
  request: {
    query: PaginationQuery.extend({
      year: z.coerce.number().int().min(2000).max(2100).optional().openapi({ param: { name: "year", in: "query" } }),
    }),
  },
  responses: { 200: jsonContent(CatalogListSchema, "A page of catalogs"), ...errorResponses(400, ...AUTHED_ERRORS) },
});

export function registerListCatalogs(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer", "enterprise", "talent");
    const query = c.req.valid("query");
    const rows = await listCatalogs(c.get("deps").db, caller.tenantId, {
      limit: query.limit,
      after: query.cursor ? decodeCursor(query.cursor) : null,
      year: query.year,
    });
    const { items, nextCursor } = page(rows, query.limit);
    return c.json({ data: items.map(toCatalog), next_cursor: nextCursor }, 200);
  });
}
