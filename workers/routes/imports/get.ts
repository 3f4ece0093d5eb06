import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { getImportInTenant } from "../../data/imports.ts";
import { ImportReportSchema, prefersChinese, toStoredImportReport } from "../catalogs/import-schema.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, idParam, jsonContent } from "../shared.ts";

const route = createRoute({
  method: "get",
  path: "/v1/imports/{id}",
  tags: ["Imports"],
  summary: "Get an import: its status, progress and report",
  description:
    "status is running while batches commit (rows_done of rows_total, created/updated/rejected so far), completed with the whole report, interrupted when the process died mid-import (import the same file again to complete it), or failed.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer")] as const,
  request: { params: idParam("import") },
  responses: { 200: jsonContent(ImportReportSchema, "The import"), ...errorResponses(400, ...AUTHED_ERRORS, 404) },
});

export function registerGetImport(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer");
    const row = await getImportInTenant(c.get("deps").db, caller.tenantId, c.req.valid("param").id);
    return c.json(toStoredImportReport(row, { zh: prefersChinese(c.req.header("accept-language")) }), 200);
  });
}
