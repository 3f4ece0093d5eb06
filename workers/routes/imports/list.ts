import { createRoute, z } from "@hono/zod-openapi";
import { IMPORT_STATUSES } from "../../../schema/index.ts";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { listImports } from "../../data/imports.ts";
import { decodeCursor, page } from "../../lib/cursor.ts";
import { ImportReportSchema, toStoredImportReport } from "../catalogs/import-schema.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, jsonContent, listOf, PaginationQuery } from "../shared.ts";

const ImportSummarySchema = ImportReportSchema.omit({ rejections: true, warnings: true }).openapi("ImportSummary");

const route = createRoute({
  method: "get",
  path: "/v1/imports",
  tags: ["Imports"],
  summary: "List imports, newest first",
  description: "Status and counts of each import; GET /v1/imports/{id} has its rejections and warnings.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer")] as const,
  request: {
    query: PaginationQuery.extend({
      kind: z.enum(["demands", "talents"]).optional().openapi({ param: { name: "kind", in: "query" } }),
      status: z.enum(IMPORT_STATUSES).optional().openapi({ param: { name: "status", in: "query" } }),
    }),
  },
  responses: { 200: jsonContent(listOf(ImportSummarySchema, "ImportList"), "A page of imports"), ...errorResponses(400, ...AUTHED_ERRORS) },
});

export function registerListImports(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer");
    const query = c.req.valid("query");
    const rows = await listImports(c.get("deps").db, caller.tenantId, { limit: query.limit, after: query.cursor ? decodeCursor(query.cursor) : null, kind: query.kind, status: query.status });
    const { items, nextCursor } = page(rows, query.limit);
    const data = items.map((row) => {
      const { rejections: _r, warnings: _w, ...summary } = toStoredImportReport({ ...row, rejections: [], warnings: [] }, { zh: false });
      return summary;
    });
    return c.json({ data, next_cursor: nextCursor }, 200);
  });
}
